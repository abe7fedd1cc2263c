/**
 * The built rules over the example apps, per file (untyped ESLint, the editor and pre-commit mode):
 * every finding of a recommended rule must sit on a line its app marks `// $ api-guard/<rule>` (or one line
 * below). Flaws that need another file (see "decided by" in each EXPECTED.md) may be missed here and
 * are only reported; the whole-program `scan` is the run that must find them.
 *
 * A failure names the file and line: either a look-alike fired (its `// safe:` comment says why it
 * is safe), or the example is mislabelled.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { compareWithExpectations, readInlineExpectations, type FindingLocation } from './expectations.js';

const examplesRoot = fileURLToPath(new URL('../../examples/', import.meta.url));
const APPS = ['express-shop', 'nest-events', 'fastify-library'] as const;
const RECOMMENDED_RULES = Object.entries(plugin.rules)
  .filter(([, rule]) => rule.meta.docs?.recommended === 'recommended')
  .map(([id]) => id);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The app's `api-guard.config.json`, passed as ESLint settings the way a user would. */
function appSettings(dir: string): Record<string, unknown> {
  const file = path.join(dir, 'api-guard.config.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
}

function lintPerFile(dir: string): FindingLocation[] {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as Linter.Parser, ecmaVersion: 'latest', sourceType: 'module' },
      plugins: { 'api-guard': plugin as never },
      settings: { 'api-guard': appSettings(dir) },
      rules: Object.fromEntries(RECOMMENDED_RULES.map((id) => [`api-guard/${id}`, 'error'])),
    },
  ];
  const findings: FindingLocation[] = [];
  for (const file of sourceFiles(path.join(dir, 'src'))) {
    for (const message of linter.verify(readFileSync(file, 'utf8'), config, { filename: file })) {
      if (message.fatal) throw new Error(`${path.relative(dir, file)}:${message.line}: ${message.message}`);
      findings.push({ filePath: file, line: message.line, ruleId: message.ruleId });
    }
  }
  return findings;
}

describe.skipIf(RECOMMENDED_RULES.length === 0).each(APPS)('built rules on examples/%s, per file', (app) => {
  const dir = path.join(examplesRoot, app);

  it('report nothing on the safe look-alikes', () => {
    const expectations = readInlineExpectations(dir);
    const result = compareWithExpectations(dir, expectations, lintPerFile(dir), { tolerance: 1, rules: RECOMMENDED_RULES.map((id) => `api-guard/${id}`) });
    const missed = result.missing.map((e) => `${e.file}:${e.line} ${e.ruleId}`);
    if (missed.length) console.info(`examples/${app}, per file: ${result.matched.length} found, not found (cross-file or not yet built): ${missed.join(', ')}`);
    expect(result.unexpected.map((e) => `${e.file}:${e.line} ${e.ruleId}`)).toEqual([]);
  });
});
