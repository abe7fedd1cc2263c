/**
 * `api-guard routes`: the inventory as a table and as JSON, from the route model (a fake one here
 * for exact rows, and the real one for a smoke test on an Express fixture).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRoutes } from '../../src/cli/routes.js';
import { fakeRouteSource } from './fake-route-source.js';
import { captureIo, copyFixture } from './helpers.js';

describe('routes', () => {
  it('prints a table with method, full path, framework, handler, guards, validation and posture', async () => {
    const dir = copyFixture('cli/inventory');
    const io = captureIo();
    const outcome = await runRoutes({ cwd: dir, paths: [], io, routeSource: fakeRouteSource });
    expect(outcome.exitCode).toBe(0);
    const lines = io.stdoutText().split('\n');
    expect(lines[0]).toMatch(/^METHOD\s+PATH\s+FRAMEWORK\s+HANDLER\s+AUTH\s+VALIDATION\s+POSTURE$/);
    expect(lines[1]).toMatch(/^POST\s+\/admin\/users\s+express\s+src\/routes\.ts:4\s+requireAuth\s+validateBody\s+protected \(requireAuth, validateBody\)$/);
    expect(lines.find((l) => l.startsWith('DELETE'))).toMatch(/\/orders\/:id\s+express\s+src\/routes\.ts:2\s+-\s+-\s+unprotected$/);
    expect(io.stdoutText()).toContain('4 routes: 2 protected, 1 public, 1 unprotected');
  });

  it('--format json lists the same routes as data', async () => {
    const dir = copyFixture('cli/inventory');
    const io = captureIo();
    await runRoutes({ cwd: dir, paths: [], io, format: 'json', routeSource: fakeRouteSource });
    const routes = JSON.parse(io.stdoutText()) as { methods: string[]; path: string; file: string; line: number; posture: string; guards: string[] }[];
    expect(routes.map((r) => `${r.methods.join(',')} ${r.path} ${r.posture}`)).toEqual([
      'POST /admin/users protected',
      'GET /health public',
      'DELETE /orders/:id unprotected',
      'GET /orders/:id protected',
    ]);
    expect(path.relative(dir, routes[0]!.file)).toBe('src/routes.ts');
    expect(routes[0]!.line).toBe(4);
  });

  it('uses the real routing model by default (Express router mounted from another file)', async () => {
    const dir = copyFixture('cli/express-app');
    const io = captureIo();
    const outcome = await runRoutes({ cwd: dir, paths: [], io, format: 'json' });
    expect(outcome.exitCode).toBe(0);
    const routes = JSON.parse(io.stdoutText()) as { methods: string[]; path: string; framework: string }[];
    expect(routes.map((r) => `${r.framework} ${r.methods.join(',')} ${r.path}`)).toEqual(expect.arrayContaining(['express GET /health']));
  });

  it('rejects scan-only options and unknown formats with exit code 2', async () => {
    const io = captureIo();
    expect((await runRoutes({ cwd: copyFixture('cli/inventory'), paths: [], io, format: 'sarif' as never })).exitCode).toBe(2);
    expect(io.stderrText()).toContain('unknown format "sarif" for routes');
  });
});
