/**
 * The CLI parses with the TypeScript that ts-morph bundles, loaded without ts-morph's wrappers: the
 * same functions `ts-morph`'s `ts` export holds, so nothing differs from loading ts-morph whole.
 */
import { createRequire } from 'node:module';
import type * as TsMorph from 'ts-morph';
import { describe, expect, it } from 'vitest';
import { cliTypeScript } from '../../src/project/load.js';

describe('cliTypeScript', () => {
  it("is ts-morph's bundled TypeScript, function for function", () => {
    const tsMorph = createRequire(import.meta.url)('ts-morph') as typeof TsMorph;
    expect(cliTypeScript.version).toBe(tsMorph.ts.version);
    expect(cliTypeScript.createSourceFile).toBe(tsMorph.ts.createSourceFile);
    expect(cliTypeScript.resolveModuleName).toBe(tsMorph.ts.resolveModuleName);
    expect(cliTypeScript.SyntaxKind).toBe(tsMorph.ts.SyntaxKind);
  });
});
