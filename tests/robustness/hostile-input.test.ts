/**
 * Hostile inputs through every rule in ESLint: no crash, no stack overflow, no hang. Inputs are
 * generated at test time (nothing large is committed).
 */
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { getFileSkipReason } from '../../src/core/file-limits.js';
import { rules as builtInRules } from '../../rules/index.js';
import { makeTempDir, scan } from '../cli/helpers.js';
import plugin from '../../src/index.js';
import { captureAnalysisWarnings } from '../utils/analysis-warnings.js';

const allRules = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`api-guard/${id}`, 'error' as const]));

/** Analysis errors that the rule kit turned into warnings (ESLint goes on; the test must not). */
const analysisWarnings = captureAnalysisWarnings();

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

/** Crashes: fatal messages other than parsing errors, and analysis errors reported as warnings. */
function internalErrors(messages: Linter.LintMessage[]) {
  return [...messages.filter((m) => m.fatal && !/Parsing error/.test(m.message)).map((m) => m.message), ...analysisWarnings];
}

/** The parser read the file, so the rules really ran on it. */
function parsed(messages: Linter.LintMessage[]): boolean {
  return !messages.some((m) => m.fatal);
}

/**
 * Deeply nested shapes, `depth` levels each, where rules read static strings, paths and chains; one
 * level a line, as generated code is written (a file of very long lines is skipped as minified).
 */
function deepShapes(depth: number): { strings: string; chains: string; nesting: string } {
  const chain = Array.from({ length: depth }, () => "'a'").join(' +\n');
  return {
    strings: [
      "import express from 'express';",
      'const app = express();',
      `const API_KEY = ${chain};`,
      `app.get(${chain}, (req, res) => res.json(req.query[${chain}]));`,
      `app.post('/x', async (req, res) => { await fetch(${chain} + req.body.url); res.status(500).send(${chain} + req.body); });`,
      `export class C { @Get(${chain}) find(@Query(${chain}) q: string) { return q; } }`,
      '',
    ].join('\n'),
    chains: [
      "import express from 'express';",
      'const app = express();',
      `app.get('/m', (req, res) => res.json(req.query${'\n.a'.repeat(depth)}));`,
      `app.get('/c', (req, res) => axios${'\n.create()'.repeat(depth)}.get(req.query.url));`,
      `app${'\n.use(auth)'.repeat(depth)}.get('/r', (req, res) => res.send(req.body));`,
      '',
    ].join('\n'),
    nesting: [
      "import express from 'express';",
      'const app = express();',
      `const a = ${'[\n'.repeat(depth)}1${']\n'.repeat(depth)};`,
      `const o = ${'{ a:\n'.repeat(depth)}1${' }\n'.repeat(depth)};`,
      `app.get('/x', (req, res) => res.json(${'f(\n'.repeat(depth)}req.body${')\n'.repeat(depth)}));`,
      '',
    ].join('\n'),
  };
}

describe('hostile input', () => {
  it('survives 10,000-deep nested expressions', () => {
    const depth = 10_000;
    const code = `const app = express();\napp.get('/x', (req, res) => res.json(${'('.repeat(depth)}req.query.a${')'.repeat(depth)}));\n`;
    const messages = lint(code);
    expect(internalErrors(messages)).toEqual([]);
  });

  // typescript-estree's conversion recurses, so ESLint's parser stops at a few hundred levels in a
  // test worker's small stack (a few thousand in a CLI process) with "Parsing error: Maximum call
  // stack size exceeded": not api-guard's, and ESLint goes on. Under ESLint the shapes below are as
  // deep as the parser reads in a test; `scan` (TypeScript's parser, whose binary and member chains
  // are loops) gets them 10,000 deep in the next block.
  it('survives 300-piece string concatenations wherever a rule reads a static string', () => {
    const messages = lint(deepShapes(300).strings);
    expect(parsed(messages)).toBe(true);
    expect(internalErrors(messages)).toEqual([]);
  });

  it('survives 300-step member and call chains', () => {
    const messages = lint(deepShapes(300).chains);
    expect(parsed(messages)).toBe(true);
    expect(internalErrors(messages)).toEqual([]);
  });

  it('survives 150-deep nested arrays, objects and calls', () => {
    const messages = lint(deepShapes(150).nesting);
    expect(parsed(messages)).toBe(true);
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

describe('hostile input through scan (every built-in rule, project mode)', () => {
  it('10,000-piece concatenations, 10,000-step chains and 10,000-deep nesting: no internal error', async () => {
    const dir = makeTempDir('api-guard-hostile-');
    const { strings, chains, nesting } = deepShapes(10_000);
    writeFileSync(path.join(dir, 'strings.ts'), strings);
    writeFileSync(path.join(dir, 'chains.ts'), chains);
    writeFileSync(path.join(dir, 'nesting.ts'), nesting);
    writeFileSync(path.join(dir, 'fine.ts'), "import express from 'express';\nconst app = express();\napp.get('/ok', (req, res) => res.send('ok'));\n");
    // A generous budget for slow CI machines: the quadratic versions needed minutes here.
    const run = await scan({ cwd: dir, format: 'json', rules: builtInRules, fileTimeoutMs: 30_000 });
    // Every rule ran on the concatenations and chains, within the time budget (these were quadratic).
    expect(run.stderr).not.toMatch(/(strings|chains)\.ts.*(internal analysis error|over the .* budget|cannot be placed)/);
    expect(run.stderr).not.toMatch(/skipped (strings|chains)\.ts/);
    // TypeScript's own parser recurses on 10,000 nested brackets: the file is named and skipped.
    expect(run.stderr).toContain('api-guard: skipped nesting.ts: cannot parse the file (Maximum call stack size exceeded)');
    const results = JSON.parse(run.stdout) as { filePath: string; messages: unknown[] }[];
    expect(results.map((r) => path.basename(r.filePath))).toEqual(['chains.ts', 'fine.ts', 'nesting.ts', 'strings.ts']);
  });
});
