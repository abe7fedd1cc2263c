/**
 * The AUTH column of `api-guard routes` lists what guards a route, not every chain item whose name
 * sounds like auth: registering `@fastify/jwt` only adds `request.jwtVerify` and decorators, so it
 * belongs with the other chain items, while the hook that calls it is the guard.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runRoutes } from '../../src/cli/routes.js';
import { captureIo } from './helpers.js';

const app = fileURLToPath(new URL('../../examples/fastify-library/', import.meta.url));

interface JsonRoute {
  readonly methods: string[];
  readonly path: string;
  readonly guards: string[];
  readonly posture: string;
}

describe('routes AUTH column', () => {
  it('keeps the @fastify/jwt registration out of the guards and keeps the real guards', async () => {
    const io = captureIo();
    await runRoutes({ cwd: app, paths: ['.'], io, format: 'json' });
    const routes = JSON.parse(io.stdoutText()) as JsonRoute[];
    const byKey = new Map(routes.map((r) => [`${r.methods.join(',')} ${r.path}`, r]));
    expect(routes.flatMap((r) => r.guards).filter((g) => /fastifyJwt/.test(g))).toEqual([]);
    expect(byKey.get('GET /api/catalog/books')?.guards).toEqual(['fastify.authenticate']);
    expect(byKey.get('GET /api/reports/overdue.csv')).toMatchObject({ guards: [], posture: 'unprotected' });
  });
});
