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
import { runScan } from '../../src/cli/scan.js';
import { captureIo, copyFixture, fixturesRoot } from '../cli/helpers.js';

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

describe("scan --format json and ESLint's json formatter", () => {
  it('print the same results for the same findings, except `source`, `nodeType` and per-finding severity (by design)', async () => {
    const root = path.join(fixturesRoot, 'apps/express-ts');
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { projectService: true, tsconfigRootDir: root } } },
        plugin.configs.recommended as Linter.Config,
      ],
    });
    const results = await eslint.lintFiles(['.']);
    const formatter = await eslint.loadFormatter('json');
    const fromEslint = (JSON.parse(await formatter.format(results)) as Record<string, unknown>[]).map((result) => {
      // `source` would print every secret in the file; scan leaves it out.
      const { source: _source, ...rest } = result;
      return { ...rest, messages: (rest.messages as Record<string, unknown>[]).map(({ nodeType: _n, ...m }) => m) };
    });
    // A rule may mark one finding as a warning (a weaker variant); ESLint applies the rule's
    // configured level to every report. Compare severities and counts apart.
    const withoutSeverity = (list: Record<string, unknown>[]): unknown[] =>
      list.map(({ errorCount: _e, warningCount: _w, ...r }) => ({ ...r, messages: (r.messages as Record<string, unknown>[]).map(({ severity: _s, ...m }) => m) }));
    const io = captureIo();
    await runScan({ cwd: root, paths: ['.'], io, format: 'json', progress: false });
    const printed = JSON.parse(io.stdoutText()) as Record<string, unknown>[];
    // scan prints ESLint 9's `nodeType: null` (ESLint 10 dropped the key); readers of either accept it.
    expect(printed.flatMap((r) => (r.messages as Record<string, unknown>[]).map((m) => Object.keys(m).indexOf('nodeType')))).not.toContain(-1);
    const fromScan = printed.map((r) => ({ ...r, messages: (r.messages as Record<string, unknown>[]).map(({ nodeType: _n, ...m }) => m) }));
    const byPath = (a: Record<string, unknown>, b: Record<string, unknown>): number => String(a.filePath).localeCompare(String(b.filePath));
    fromScan.sort(byPath);
    fromEslint.sort(byPath);
    expect(withoutSeverity(fromScan)).toEqual(withoutSeverity(fromEslint));
    // Same keys in the same order, down to suggestions.
    const keyOrder = (list: Record<string, unknown>[]): string => JSON.stringify(list, (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).map((k) => [k, typeof (v as Record<string, unknown>)[k] === 'object' ? (v as Record<string, unknown>)[k] : 0])) : v));
    expect(keyOrder(fromScan)).toBe(keyOrder(fromEslint));
    const severities = (list: Record<string, unknown>[]): string[] => list.flatMap((r) => (r.messages as { ruleId: string; line: number; severity: number }[]).map((m) => `${m.ruleId}:${m.line}:${m.severity}`));
    const downgraded = severities(fromScan).filter((s) => !severities(fromEslint).includes(s));
    expect(downgraded.every((s) => s.endsWith(':1'))).toBe(true);
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
      // express-session and no helmet anywhere in the project; per file, `mountRoutes(app)` might add it.
      path.join('src', 'app.js:8:13'),
      path.join('src', 'routes', 'account.js:24:1'),
      path.join('src', 'routes', 'rooms.js:32:1'),
    ]);
  }, 60_000);
});
