/**
 * `scan --concurrency`: how many workers `auto` picks, how projects are cut into batches, and the
 * result on worker threads identical to the single-thread run (the Nest monorepo is one project,
 * so two workers each analyze half of its files with the whole project as context).
 *
 * Workers run the compiled analyzer (`dist/`, built by `npm test` before vitest).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules as builtInRules } from '../../rules/index.js';
import { analyzeTargets, type AnalysisUnit } from '../../src/cli/analyze.js';
import { analyzeTargetsConcurrently, resolveConcurrency, splitIntoBatches } from '../../src/cli/parallel-analyze.js';
import { getDefaultCliConfig } from '../../src/settings/load.js';
import { packageInfo } from '../../src/package-info.js';
import { fakeRules } from './fake-rules.js';
import { fixturesRoot } from './helpers.js';

const built = existsSync(path.join(packageInfo.root, 'dist', 'src', 'cli', 'analysis-worker.js'));

function unit(name: string, files: number): AnalysisUnit {
  const ownedFiles = Array.from({ length: files }, (_, i) => `/repo/${name}/f${i}.ts`);
  return { plan: { config: undefined, rootDir: `/repo/${name}`, ownedFiles, contextFiles: ownedFiles }, config: getDefaultCliConfig('/repo') };
}

describe('resolveConcurrency', () => {
  it('takes a number as given, at least 1', () => {
    expect(resolveConcurrency(3, 10, 2)).toBe(3);
    expect(resolveConcurrency(0, 10, 2)).toBe(1);
  });

  it('auto stays on one thread for small scans, else one worker per 200 files up to half the cores (as ESLint)', () => {
    expect(resolveConcurrency('auto', 150, 8)).toBe(1);
    expect(resolveConcurrency('auto', 450, 8)).toBe(3);
    expect(resolveConcurrency('auto', 5000, 8)).toBe(4);
    // A 2-core runner stays on one thread.
    expect(resolveConcurrency('auto', 5000, 2)).toBe(1);
  });
});

describe('splitIntoBatches', () => {
  it('keeps projects whole when they fit a fair share', () => {
    const batches = splitIntoBatches([unit('a', 4), unit('b', 3), unit('c', 3)], 2);
    expect(batches.map((b) => [b.unitIndex, b.unit.plan.ownedFiles.length])).toEqual([
      [0, 4],
      [1, 3],
      [2, 3],
    ]);
  });

  it('cuts a large project into batches of its owned files, each keeping the whole project as context', () => {
    const batches = splitIntoBatches([unit('big', 9), unit('small', 1)], 2);
    expect(batches.map((b) => [b.unitIndex, b.unit.plan.ownedFiles.length])).toEqual([
      [0, 5],
      [0, 4],
      [1, 1],
    ]);
    expect(batches[1]!.unit.plan.contextFiles.length).toBe(9);
  });
});

describe('analysis on worker threads', () => {
  it.skipIf(!built)('gives the same report as one thread on the Nest monorepo', async () => {
    const cwd = path.join(fixturesRoot, 'apps/nest-monorepo');
    const options = { cwd, paths: ['.'], registry: builtInRules, fileTimeoutMs: 60_000 };
    const single = analyzeTargets(options);
    let workers = 0;
    const parallel = await analyzeTargetsConcurrently({ ...options, concurrency: 2, onWorkers: (n) => (workers = n) });
    expect(workers).toBe(2);
    expect(parallel.files).toEqual(single.files);
    expect(parallel.diagnostics).toEqual(single.diagnostics);
    expect(parallel.projects).toEqual(single.projects);
    expect(parallel.rules.map((r) => r.id)).toEqual(single.rules.map((r) => r.id));
    expect(single.files.some((f) => f.findings.length > 0)).toBe(true);
  }, 120_000);

  it('runs other rule sets (tests, embedders) on the main thread', async () => {
    let workers = 0;
    const cwd = path.join(fixturesRoot, 'cli/multi');
    const result = await analyzeTargetsConcurrently({ cwd, paths: ['.'], registry: fakeRules, fileTimeoutMs: 10_000, concurrency: 4, onWorkers: (n) => (workers = n) });
    expect(workers).toBe(1);
    expect(result.files).toEqual(analyzeTargets({ cwd, paths: ['.'], registry: fakeRules, fileTimeoutMs: 10_000 }).files);
  });
});
