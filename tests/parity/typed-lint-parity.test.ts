/**
 * Typed-linting parity: ESLint with `parserOptions.projectService` (the rules build the project
 * index from the `ts.Program` through `getProjectIndexForProgram`) and `api-guard scan`
 * (`analyzeTargets`, the index built over ts-morph) report the same findings on the same fixture
 * apps: rule, file, line, column and message. Untyped ESLint is run too, to show the comparison
 * is not vacuous: it misses the findings that need another file.
 *
 * The one difference by design (docs/architecture.md, "Typed linting and scan"): files no
 * tsconfig includes. scan analyzes them together with default options, so their cross-file
 * findings stay; ESLint without a program answers per file.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules as builtInRules } from '../../rules/index.js';
import { analyzeTargets } from '../../src/cli/analyze.js';
import plugin from '../../src/index.js';
import { copyFixture, fixturesRoot } from '../cli/helpers.js';

/** One finding as `file:line:column rule message`, file relative to the app. */
type FindingKey = string;

async function lintWithEslint(root: string, typed: boolean): Promise<FindingKey[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{ts,js}'],
        languageOptions: {
          parser: tsParser as Linter.Parser,
          parserOptions: typed ? { projectService: true, tsconfigRootDir: root } : {},
        },
      },
      plugin.configs.recommended as Linter.Config,
    ],
  });
  const keys: FindingKey[] = [];
  for (const result of await eslint.lintFiles(['.'])) {
    for (const m of result.messages) {
      keys.push(`${path.relative(root, result.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}`);
    }
  }
  return keys.sort();
}

function scanWithCli(root: string): FindingKey[] {
  const result = analyzeTargets({ cwd: root, paths: ['.'], registry: builtInRules, fileTimeoutMs: 60_000 });
  const keys: FindingKey[] = [];
  for (const file of result.files) {
    for (const f of file.findings) keys.push(`${path.relative(root, file.filePath)}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);
  }
  return keys.sort();
}

describe('typed ESLint and scan report the same findings', () => {
  it('on the Nest monorepo (two apps, shared libs through tsconfig paths, global guards)', async () => {
    const root = path.join(fixturesRoot, 'apps/nest-monorepo');
    const scanned = scanWithCli(root);
    expect(await lintWithEslint(root, true)).toEqual(scanned);
    // Per-file ESLint cannot see the global guards of the merchant API or the service writes.
    const untyped = await lintWithEslint(root, false);
    expect(scanned.filter((k) => !untyped.includes(k)).length).toBeGreaterThan(0);
  }, 60_000);

  it('on the Express app whose routers are mounted with their guards in app.ts', async () => {
    const root = path.join(fixturesRoot, 'apps/express-ts');
    const scanned = scanWithCli(root);
    expect(scanned.some((k) => k.startsWith(`${path.join('src', 'routes', 'teams.routes.ts')}:`))).toBe(true);
    expect(await lintWithEslint(root, true)).toEqual(scanned);
    const untyped = await lintWithEslint(root, false);
    expect(scanned.filter((k) => !untyped.includes(k)).length).toBeGreaterThan(0);
  }, 60_000);

  it('on a CommonJS JavaScript app with an allowJs tsconfig', async () => {
    const root = path.join(fixturesRoot, 'apps/express-cjs');
    expect(await lintWithEslint(root, true)).toEqual(scanWithCli(root));
  }, 60_000);
});

describe('the difference by design: files no tsconfig includes', () => {
  it('scan analyzes them together (cross-file findings kept); ESLint without a program answers per file', async () => {
    const withConfig = scanWithCli(path.join(fixturesRoot, 'apps/express-cjs'));
    const root = copyFixture('apps/express-cjs');
    rmSync(path.join(root, 'tsconfig.json'));
    const scanned = scanWithCli(root);
    // Default options (allowJs) link the files as the tsconfig did.
    expect(scanned).toEqual(withConfig);
    const perFile = await lintWithEslint(root, false);
    // Routes whose guard is decided in another file (after `mountRoutes(app)`, in mounted
    // routers): only scan reports them.
    const crossFile = scanned.filter((k) => !perFile.includes(k));
    expect(crossFile.map((k) => k.split(' ')[0])).toEqual([
      path.join('src', 'app.js:27:1'),
      path.join('src', 'routes', 'account.js:24:1'),
      path.join('src', 'routes', 'rooms.js:32:1'),
    ]);
  }, 60_000);
});
