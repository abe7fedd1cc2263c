/**
 * Every row of the HTTP client catalog, with its matching sample (one `no-ssrf` finding) and its
 * non-matching sample (none). Samples that are not Nest controllers are placed in an Express handler
 * (`req` is the request), with their imports kept at the top.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  PROJECT_ADDRESS_CHECK_NAMES,
  findProjectAddressCheck,
  HTTP_CLIENTS,
  ADDRESS_CHECKS,
  SAFE_AGENTS,
  findHttpClient,
  findAddressCheck,
  isAddressRangeParser,
  isSafeAgent,
  parseSsrfSinkSetting,
} from '../../src/catalog/http-clients.js';
import { createAnalysisContext } from '../../src/core/context.js';
import { DEFAULT_SETTINGS } from '../../src/settings/schema.js';
import noSsrf from '../../rules/no-ssrf.js';

function placeInHandler(sample: string): string {
  if (sample.includes('@Controller')) return sample;
  const lines = sample.split('\n');
  const imports = lines.filter((l) => /^(import |const \w+ = require\()/.test(l));
  const body = lines.filter((l) => !imports.includes(l));
  return `${imports.join('\n')}\napp.post('/x', async (req, res) => {\n${body.join('\n')}\n  res.end();\n});\n`;
}

/** Rows whose only URL position is the path of a fixed origin: reported with `reportPathInjection`. */
const PATH_ONLY_ROWS = new Set(['undici-pool-request']);

function findingsOf(sample: string, reportPathInjection = false): number {
  const sourceFile = ts.createSourceFile('/app/src/sample.ts', placeInHandler(sample), ts.ScriptTarget.Latest, true);
  const ctx = createAnalysisContext({ ts, sourceFile, settings: DEFAULT_SETTINGS });
  return noSsrf.detect(ctx, [{ reportPathInjection }]).length;
}

describe('HTTP_CLIENTS', () => {
  it('has unique row names', () => {
    const names = HTTP_CLIENTS.map((row) => row.name);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const row of HTTP_CLIENTS) {
    describe(row.name, () => {
      it('reports its matching sample', () => {
        expect(findingsOf(row.samples.match, PATH_ONLY_ROWS.has(row.name))).toBe(1);
      });
      it('stays silent on its non-matching sample', () => {
        expect(findingsOf(row.samples.nonMatch, PATH_ONLY_ROWS.has(row.name))).toBe(0);
      });
      it('is found by module and path', () => {
        const construct = 'construct' in row && row.construct === true;
        for (const path of row.paths) expect(findHttpClient(row.module, path, construct)?.name).toBe(row.name);
      });
    });
  }

  it('does not match the same path from another module or as a call instead of new', () => {
    expect(findHttpClient('./lib/axios.js', 'get', false)).toBeUndefined();
    expect(findHttpClient('axios', 'get', true)).toBeUndefined();
    expect(findHttpClient('ws', '', false)).toBeUndefined();
  });
});

describe('SAFE_AGENTS', () => {
  it('recognizes each agent factory', () => {
    for (const row of SAFE_AGENTS) expect(isSafeAgent(row.module, row.paths[0]!)).toBe(true);
    expect(isSafeAgent('https', 'Agent')).toBe(false);
    expect(isSafeAgent(undefined, 'ssrfFilter')).toBe(false);
  });
});

describe('ADDRESS_CHECKS', () => {
  it('recognizes each check with its meaning, and nothing else', () => {
    for (const row of ADDRESS_CHECKS) expect(findAddressCheck(row.module, row.paths[0]!)?.truthyMeans).toBe(row.truthyMeans);
    expect(findAddressCheck('validator', 'isIP')).toBeUndefined();
    expect(isAddressRangeParser('ipaddr.js', 'parse')).toBe(true);
    expect(isAddressRangeParser('ip', 'parse')).toBe(false);
  });
});

describe('parseSsrfSinkSetting', () => {
  it('reads module:export.method entries', () => {
    expect(parseSsrfSinkSetting('@acme/http:client.get')).toMatchObject({ module: '@acme/http', paths: ['client.get'] });
    expect(parseSsrfSinkSetting('node:https:get')).toMatchObject({ module: 'https', paths: ['get'] });
    expect(parseSsrfSinkSetting('phin:default')).toMatchObject({ module: 'phin', paths: [''] });
  });
  it('reads global function names', () => {
    expect(parseSsrfSinkSetting('fetchUrl')).toMatchObject({ module: undefined, paths: ['fetchUrl'] });
  });
});

describe('PROJECT_ADDRESS_CHECK_NAMES', () => {
  const SAMPLES: Record<string, { match: string[]; miss: string[] }> = {
    'private-address-predicate': { match: ['isPrivateAddress', 'isPrivateIp', 'isLoopback', 'isInternalHost'], miss: ['isPrivateRoute', 'isPrivate_'] },
    'blocked-address-predicate': { match: ['isBlockedIp', 'isBlockedAddress', 'isForbiddenIPv4'], miss: ['isBlocked', 'isBlockedUser', 'isBlockedHost'] },
    'public-address-predicate': { match: ['isPublicIp', 'isPublicAddress', 'isRoutableAddr'], miss: ['isPublic', 'isPublicRoute'] },
  };
  it('has samples for every row', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(PROJECT_ADDRESS_CHECK_NAMES.map((row) => row.name).sort());
  });
  for (const row of PROJECT_ADDRESS_CHECK_NAMES) {
    it(`${row.name}: names of address checks, not look-alikes`, () => {
      for (const name of SAMPLES[row.name]!.match) expect(findProjectAddressCheck(name), name).toBe(row.truthyMeans);
      for (const name of SAMPLES[row.name]!.miss) expect(findProjectAddressCheck(name), name).toBeUndefined();
    });
  }
});
