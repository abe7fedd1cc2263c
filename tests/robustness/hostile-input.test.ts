/**
 * Hostile inputs through every rule in ESLint: no crash, no stack overflow, no hang. Inputs are
 * generated at test time (nothing large is committed).
 */
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { getFileSkipReason } from '../../src/core/file-limits.js';
import plugin from '../../src/index.js';

const allRules = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`api-guard/${id}`, 'error' as const]));

function lint(code: string, filename = 'hostile.ts', parser: 'ts' | 'espree' = 'ts') {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    code,
    [
      {
        files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
        languageOptions:
          parser === 'ts'
            ? { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } }
            : { ecmaVersion: 'latest', sourceType: 'module' },
        plugins: { 'api-guard': plugin as never },
        rules: allRules,
      },
    ],
    { filename },
  );
}

function internalErrors(messages: Linter.LintMessage[]) {
  return messages.filter((m) => m.fatal && !/Parsing error/.test(m.message));
}

describe('hostile input', () => {
  it('survives 10,000-deep nested expressions', () => {
    const depth = 10_000;
    const code = `const app = express();\napp.get('/x', (req, res) => res.json(${'('.repeat(depth)}req.query.a${')'.repeat(depth)}));\n`;
    const messages = lint(code);
    expect(internalErrors(messages)).toEqual([]);
  });

  it('survives 2,000-deep nested blocks and arrow functions', () => {
    const depth = 2_000;
    const code = `${'function f(req, res) {\n'.repeat(depth)}res.send(req.body);\n${'}\n'.repeat(depth)}`;
    expect(internalErrors(lint(code, 'deep.js', 'espree'))).toEqual([]);
  });

  it('skips a 5 MB minified file and a file over 2 MB, and keeps ordinary files', () => {
    // The parsers' own cost on such files is outside our control (typescript-estree needs minutes
    // for 5 MB); the analysis decides from the text alone, before any walk, and the CLI before parsing.
    const chunk = 'var a=function(b){return b.c?b.d:fetch(b.e)};';
    expect(getFileSkipReason(chunk.repeat(Math.ceil(5_000_000 / chunk.length)))).toMatch(/larger than 2 MB/);
    expect(getFileSkipReason(chunk.repeat(2_000))).toMatch(/looks minified/);
    expect(getFileSkipReason(`${'const x = 1;\n'.repeat(100_000)}`)).toBeUndefined();
  });

  it('survives a 1 MB single string literal', () => {
    const code = `export const blob = '${'a1B2'.repeat(250_000)}';\n`;
    expect(internalErrors(lint(code))).toEqual([]);
  });

  it('reports a syntax error as a parsing error, not a crash', () => {
    const messages = lint(`app.get('/x', (req, res) => { res.send(req.body ;`);
    expect(messages.some((m) => m.fatal && /Parsing error/.test(m.message))).toBe(true);
  });

  it('handles BOM, CRLF line endings and an empty file', () => {
    expect(internalErrors(lint('\uFEFFconst app = express();\r\napp.get("/x", (req, res) => res.send("ok"));\r\n'))).toEqual([]);
    expect(lint('')).toEqual([]);
  });

  it('handles lone surrogates and replacement characters (text decoded from non-UTF-8 bytes)', () => {
    expect(internalErrors(lint(`const s = '\uD800 \uFFFD\uFFFD';\napp.post('/p', (req, res) => res.json(s));\n`))).toEqual([]);
  });
});
