/**
 * A file whose analysis context cannot be built (an internal error, here a program that throws when
 * its files are listed) is skipped with one warning, and the lint run goes on to the next file.
 * Invalid settings are different: they are the user's to fix and stop the run, as ESLint's own
 * configuration errors do.
 */
import * as tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { captureAnalysisWarnings } from '../utils/analysis-warnings.js';

const allRules = Object.fromEntries(Object.keys(plugin.rules).map((id) => [`api-guard/${id}`, 'error' as const]));

const analysisWarnings = captureAnalysisWarnings();

/** The typescript-eslint parser, with a type-information program that fails when asked for its files. */
const brokenProgramParser = {
  meta: { name: 'broken-program' },
  parseForESLint(code: string, options: Record<string, unknown>) {
    const result = tsParser.parseForESLint(code, options);
    const program = {
      getSourceFiles(): never {
        throw new Error('the program cannot list its files');
      },
      getCompilerOptions: () => ({}),
      getTypeChecker(): never {
        throw new Error('no checker');
      },
    };
    return { ...result, services: { ...result.services, program } };
  },
};

const UNGUARDED_ROUTE = "import express from 'express';\nconst app = express();\napp.delete('/users/:id', (req, res) => res.json({ deleted: req.params.id }));\n";

function lint(filename: string, parser: unknown, settings: Record<string, unknown> = {}) {
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    UNGUARDED_ROUTE,
    [{ files: ['**/*.ts'], languageOptions: { parser: parser as never }, plugins: { 'api-guard': plugin as never }, rules: allRules, settings }],
    { filename },
  );
}

describe('a file whose analysis context cannot be built', () => {
  it('is skipped with one warning naming the file, and the next file is linted as usual', () => {
    const broken = lint('broken.ts', brokenProgramParser);
    expect(broken).toEqual([]);
    expect(analysisWarnings).toEqual(['api-guard skipped broken.ts: internal analysis error: the program cannot list its files']);

    const fine = lint('fine.ts', tsParser);
    expect(fine.map((m) => m.ruleId)).toContain('api-guard/require-auth-guard');
    expect(analysisWarnings).toHaveLength(1);
  });

  it('stops the run on invalid settings: analysis "project" without type information', () => {
    expect(() => lint('untyped.ts', tsParser, { 'api-guard': { analysis: 'project' } })).toThrow(/analysis is "project", but this file was linted without type information/);
    expect(analysisWarnings).toEqual([]);
  });
});
