import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { TS_API_MEMBERS, toTsApi, type TsApi } from '../../src/core/ts-api.js';
import { loadTypeScript } from '../../src/eslint/typescript.js';
import { cliTypeScript } from '../../src/project/load.js';

const require = createRequire(import.meta.url);

/** The TypeScript versions the project supports and tests (see tests/typescript-versions). */
const VERSIONS = ['typescript', 'typescript-v5-4', 'typescript-v5-9'] as const;

describe('toTsApi', () => {
  for (const name of VERSIONS) {
    it(`finds every member the analysis uses in ${name}`, () => {
      const namespace = require(name) as TsApi & Record<string, unknown>;
      const api = toTsApi(namespace) as unknown as Record<string, unknown>;
      const missing = TS_API_MEMBERS.filter((member) => api[member] === undefined);
      expect(missing).toEqual([]);
      for (const member of TS_API_MEMBERS) expect(api[member]).toBe(namespace[member]);
    });
  }

  it('converts a module once and leaves a converted object as it is', () => {
    const namespace = require('typescript') as TsApi;
    const api = toTsApi(namespace);
    expect(api).not.toBe(namespace);
    expect(toTsApi(namespace)).toBe(api);
    expect(toTsApi(api)).toBe(api);
  });

  it('carries only the listed members (and the internal ones the analysis probes for)', () => {
    const api = toTsApi(require('typescript') as TsApi);
    const extra = Object.keys(api).filter((key) => !(TS_API_MEMBERS as readonly string[]).includes(key));
    expect(extra).toEqual(['getEmitModuleResolutionKind']);
  });

  it('is what both front ends hand to the core', () => {
    const eslintTs = loadTypeScript();
    expect(eslintTs).toBeDefined();
    expect(toTsApi(eslintTs!)).toBe(eslintTs);
    expect(toTsApi(cliTypeScript)).toBe(cliTypeScript);
    expect(Object.keys(cliTypeScript).length).toBeLessThan(300);
  });
});
