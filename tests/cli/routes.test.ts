/**
 * `api-guard routes`: the inventory as a table and as JSON, from the route model (a fake one here
 * for exact rows, and the real one for a smoke test on an Express fixture).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRoutes } from '../../src/cli/routes.js';
import { fakeRouteSource } from './fake-route-source.js';
import { captureIo, copyFixture, makeTempDir } from './helpers.js';


/** A posture column in `--format json`. */
type Cell = { value: string; state: string; reason?: string };
describe('routes', () => {
  it('prints a table with method, full path, framework, handler, guards, validation, rate limit, ownership and posture', async () => {
    const dir = copyFixture('cli/inventory');
    writeFileSync(path.join(dir, 'src/login.ts'), "route('POST', '/login', loginLimiter);\ndeclare function route(method: string, path: string, ...chain: unknown[]): void;\ndeclare const loginLimiter: unknown;\n");
    const io = captureIo();
    const outcome = await runRoutes({ cwd: dir, paths: [], io, routeSource: fakeRouteSource });
    expect(outcome.exitCode).toBe(0);
    const lines = io.stdoutText().split('\n');
    expect(lines[0]).toMatch(/^METHOD\s+PATH\s+FRAMEWORK\s+HANDLER\s+AUTH\s+VALIDATION\s+RATE LIMIT\s+OWNERSHIP\s+POSTURE$/);
    expect(lines[1]).toMatch(/^POST\s+\/admin\/users\s+express\s+src\/routes\.ts:4\s+requireAuth\s+validateBody\s+-\s+-\s+protected \(requireAuth, validateBody\)$/);
    expect(lines.find((l) => l.startsWith('DELETE'))).toMatch(/\/orders\/:id\s+express\s+src\/routes\.ts:2\s+-\s+-\s+-\s+missing\s+unprotected$/);
    // The limiter's name when one runs, `?` when the model cannot tell.
    expect(lines.find((l) => l.includes('/login'))).toMatch(/^POST\s+\/login\s+express\s+src\/login\.ts:1\s+-\s+-\s+loginLimiter\s+-\s+protected/);
    expect(lines.find((l) => l.includes('/health'))).toMatch(/src\/routes\.ts:3\s+-\s+-\s+\?\s+-\s+public/);
    expect(io.stdoutText()).toContain('5 routes: 3 protected, 1 public, 1 unprotected');
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

  it('--format json gives each posture column as { value, state, reason }', async () => {
    const dir = copyFixture('cli/inventory');
    const io = captureIo();
    await runRoutes({ cwd: dir, paths: [], io, format: 'json', routeSource: fakeRouteSource });
    const routes = JSON.parse(io.stdoutText()) as { path: string; methods: string[]; rateLimit: Cell; ownership: Cell }[];
    expect(routes.find((r) => r.methods[0] === 'DELETE')!.rateLimit).toEqual({ value: '-', state: 'no', reason: 'no rate limiter in its chain' });
    expect(routes.find((r) => r.methods[0] === 'DELETE')!.ownership).toEqual({ value: 'missing', state: 'no', reason: 'deletes by `req.params.id` with no caller check' });
    expect(routes.find((r) => r.path === '/health')!.rateLimit).toEqual({ value: '?', state: 'unknown', reason: 'decided elsewhere' });
  });

  it('uses the real routing model by default (Express router mounted from another file)', async () => {
    const dir = copyFixture('cli/express-app');
    const io = captureIo();
    const outcome = await runRoutes({ cwd: dir, paths: [], io, format: 'json' });
    expect(outcome.exitCode).toBe(0);
    const routes = JSON.parse(io.stdoutText()) as { methods: string[]; path: string; framework: string; rateLimit: { value: string; state: string } }[];
    expect(routes.map((r) => `${r.framework} ${r.methods.join(',')} ${r.path}`)).toEqual(expect.arrayContaining(['express GET /health']));
    // The real model's rate-limit state: nothing in app.ts limits /health.
    expect(routes.find((r) => r.path === '/health')!.rateLimit).toMatchObject({ value: '-', state: 'no' });
  });

  it('leaves out the throwaway apps of test files, as require-auth-guard does', async () => {
    const dir = makeTempDir();
    mkdirSync(path.join(dir, 'test'));
    writeFileSync(path.join(dir, 'package.json'), '{"name":"x","dependencies":{"fastify":"5"}}');
    writeFileSync(path.join(dir, 'app.js'), "const app = require('fastify')();\napp.get('/health', async () => ({ ok: true }));\n");
    writeFileSync(path.join(dir, 'test/app.test.js'), "const app = require('fastify')();\napp.delete('/admin/users/:id', async () => null);\n");
    const io = captureIo();
    await runRoutes({ cwd: dir, paths: [], io, format: 'json' });
    const routes = JSON.parse(io.stdoutText()) as { methods: string[]; path: string }[];
    expect(routes.map((r) => `${r.methods.join(',')} ${r.path}`)).toEqual(['GET /health']);
  });

  it('rejects scan-only options and unknown formats with exit code 2', async () => {
    const io = captureIo();
    expect((await runRoutes({ cwd: copyFixture('cli/inventory'), paths: [], io, format: 'sarif' as never })).exitCode).toBe(2);
    expect(io.stderrText()).toContain('unknown format "sarif" for routes');
  });
});
