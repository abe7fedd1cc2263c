/**
 * `scan --cache`: a project's results are reused while everything its analysis read is unchanged,
 * and recomputed when any file of the project changes, also a file other than the one the finding
 * is in (a router mount in app.ts decides a route in teams.routes.ts). In a folder of several
 * projects, an edit re-analyzes only the project that holds the file.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules as builtInRules } from '../../rules/index.js';
import { analyzeTargets, type AnalysisResult } from '../../src/cli/analyze.js';
import { createScanCache, getDefaultCacheLocation } from '../../src/cli/scan-cache.js';
import { copyFixture, makeTempDir, scan } from './helpers.js';
import { fakeRules } from './fake-rules.js';

const findingsOf = (result: AnalysisResult): string[] =>
  result.files.flatMap((f) => f.findings.map((m) => `${f.relativePath}:${m.line} ${m.ruleId}`));

describe('scan --cache', () => {
  it('reuses an unchanged project and recomputes it when a file it reads changes', () => {
    const app = copyFixture('apps/express-ts');
    mkdirSync(path.join(app, '.git'));
    const cache = createScanCache(path.join(makeTempDir(), 'cache'));
    const run = (): AnalysisResult => analyzeTargets({ cwd: app, paths: ['.'], registry: builtInRules, fileTimeoutMs: 60_000, cache });

    const cold = run();
    expect(cache.stats).toEqual({ hits: 0, misses: 1, writeFailures: 0 });
    expect(findingsOf(cold)).toContain('src/routes/teams.routes.ts:6 api-guard/require-auth-guard');

    const warm = run();
    expect(cache.stats.hits).toBe(1);
    expect(warm.files).toEqual(cold.files);
    expect(warm.projects).toEqual(cold.projects);

    // The finding is in teams.routes.ts; the edit is in app.ts, which mounts that router.
    const appFile = path.join(app, 'src/app.ts');
    writeFileSync(appFile, readFileSync(appFile, 'utf8').replace("app.use('/api/teams', createTeamsRouter());", "app.use('/api/teams', requireAuth, createTeamsRouter());"));
    const edited = run();
    expect(cache.stats.misses).toBe(2);
    expect(findingsOf(edited)).not.toContain('src/routes/teams.routes.ts:6 api-guard/require-auth-guard');
    expect(findingsOf(edited)).toEqual(findingsOf(analyzeTargets({ cwd: app, paths: ['.'], registry: builtInRules, fileTimeoutMs: 60_000 })));
  }, 60_000);

  it('re-analyzes only the project whose file changed, and misses when rule options change', () => {
    const root = copyFixture('cli/multi');
    const location = path.join(makeTempDir(), 'cache');
    const cache = createScanCache(location);
    const run = (registryOptions?: { allow: string[] }): AnalysisResult => {
      if (registryOptions) writeFileSync(path.join(root, 'api-guard.config.json'), JSON.stringify({ rules: { 'no-danger': ['error', registryOptions] } }));
      return analyzeTargets({ cwd: root, paths: ['.'], registry: fakeRules, fileTimeoutMs: 10_000, cache });
    };
    const cold = run();
    const projects = cold.projects.length;
    expect(projects).toBe(3);
    expect(cache.stats.misses).toBe(3);

    appendFileSync(path.join(root, 'app-b/src/server.ts'), '\ndanger(process.argv[2]);\n');
    const edited = run();
    expect(cache.stats).toMatchObject({ hits: 2, misses: 4 });
    expect(findingsOf(edited).length).toBe(findingsOf(cold).length + 1);

    // Rule options are part of the key: every project misses.
    run({ allow: ['nothing'] });
    expect(cache.stats.misses).toBe(7);
  }, 60_000);

  it('is on with --cache in runScan, writes to --cache-location, and the default is under node_modules/.cache when it exists', async () => {
    const app = copyFixture('cli/express-app');
    const first = await scan({ cwd: app, format: 'json', cache: true, cacheLocation: 'custom-cache' });
    const second = await scan({ cwd: app, format: 'json', cache: true, cacheLocation: 'custom-cache' });
    expect(existsSync(path.join(app, 'custom-cache'))).toBe(true);
    expect(second.stdout).toBe(first.stdout);
    expect(first.stderr).toContain('api-guard: cache: 0 of 1 project unchanged and reused');
    expect(second.stderr).toContain('api-guard: cache: 1 of 1 project unchanged and reused');
    expect(second.exitCode).toBe(first.exitCode);

    expect(getDefaultCacheLocation(app)).toBe(path.join(app, '.api-guard-cache'));
    mkdirSync(path.join(app, 'node_modules'));
    expect(getDefaultCacheLocation(app)).toBe(path.join(app, 'node_modules', '.cache', 'api-guard'));
  }, 60_000);

  it('misses when a file outside the project that rules read changes (schema.prisma, the OpenAPI document)', () => {
    const app = copyFixture('cli/express-app');
    const cache = createScanCache(path.join(makeTempDir(), 'cache'));
    const run = (): AnalysisResult => analyzeTargets({ cwd: app, paths: ['.'], registry: fakeRules, fileTimeoutMs: 10_000, cache });
    mkdirSync(path.join(app, 'prisma'));
    writeFileSync(path.join(app, 'prisma/schema.prisma'), 'model User {\n  id Int @id\n}\n');
    writeFileSync(path.join(app, 'api-guard.config.json'), JSON.stringify({ openapi: 'openapi.json' }));
    run();
    run();
    expect(cache.stats).toMatchObject({ hits: 1, misses: 1 });
    appendFileSync(path.join(app, 'prisma/schema.prisma'), 'model Session {\n  token String @id\n}\n');
    run();
    expect(cache.stats).toMatchObject({ hits: 1, misses: 2 });
    writeFileSync(path.join(app, 'openapi.json'), '{"openapi":"3.0.0","paths":{}}');
    run();
    expect(cache.stats).toMatchObject({ hits: 1, misses: 3 });
  });

  it('treats a corrupt entry as a miss', () => {
    const app = copyFixture('cli/express-app');
    const location = path.join(makeTempDir(), 'cache');
    const cache = createScanCache(location);
    const first = analyzeTargets({ cwd: app, paths: ['.'], registry: fakeRules, fileTimeoutMs: 10_000, cache });
    for (const name of readdirSync(location)) writeFileSync(path.join(location, name), '{ not json');
    const again = analyzeTargets({ cwd: app, paths: ['.'], registry: fakeRules, fileTimeoutMs: 10_000, cache });
    expect(cache.stats.hits).toBe(0);
    expect(again.files).toEqual(first.files);
  });
});
