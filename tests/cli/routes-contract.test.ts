/**
 * `api-guard routes --openapi`: the inventory against a contract. The express-shop example and its
 * openapi.yaml (one planted shadow route, one planted zombie) with the real model; a Nest app
 * documented only by @nestjs/swagger decorators; the JSON shape, the `openapi` setting, exit codes
 * and clear errors on the small fake inventory.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runRoutes } from '../../src/cli/routes.js';
import { fakeRouteSource } from './fake-route-source.js';
import { captureIo, copyFixture, fixturesRoot } from './helpers.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const INVENTORY_SPEC = `openapi: 3.0.3
servers: [{ url: /api }]
security: [{ bearer: [] }]
paths:
  /orders/{orderId}:
    get: {}
    put: {}
  /health:
    servers: [{ url: / }]
    get: { security: [] }
  /invoices:
    get: {}
`;

interface ContractJson {
  source: string;
  basePaths: string[];
  summary: Record<string, number>;
  issues: { kind: string; severity: string; fails: boolean; method: string; path: string; documented?: string; relativePath?: string; line?: number; detail: string; problem?: string }[];
  notCompared: { path: string; reason: string }[];
}

describe('routes --openapi', () => {
  it('express-shop: the planted shadow route and zombie, and the two open routes the document says need a token', async () => {
    const io = captureIo();
    const cwd = path.join(repoRoot, 'examples/express-shop');
    const outcome = await runRoutes({ cwd, paths: [], io, openapi: 'openapi.yaml' });
    expect(io.stderrText()).toBe('');
    expect(outcome.exitCode).toBe(1);
    const text = io.stdoutText();
    expect(text).toContain('Contract: examples/express-shop/openapi.yaml (OpenAPI 3.0, base path /api)');
    const table = text.slice(text.indexOf('KIND'));
    const rows = table.split('\n').filter((l) => /^(auth|shadow|method|zombie)\s/.test(l));
    expect(rows.map((r) => r.split(/\s{2,}/).slice(0, 3).join(' | '))).toEqual([
      'auth | GET | /api/account/:userId/addresses',
      'auth | PATCH | /api/reviews/:id',
      'shadow | POST | /api/admin/cache/purge',
      'zombie | GET | /api/orders/{orderId}/invoice',
    ]);
    expect(rows[0]).toContain('documented as requiring bearerAuth (global security), but no authentication runs before the handler');
    expect(rows[2]).toContain('examples/express-shop/src/app.ts:34');
    expect(rows[3]).toContain('(line 112)');
    expect(text).toContain('30 routes compared: 29 documented; 1 shadow route; 1 zombie operation; 0 method mismatches; 2 auth mismatches');
    expect(outcome.contract?.documented).toBe(29);
  });

  it('@nestjs/swagger decorators: documented security without a guard, a guard without documented security, excluded routes', async () => {
    const io = captureIo();
    const outcome = await runRoutes({ cwd: path.join(fixturesRoot, 'nest-swagger'), paths: [], io, format: 'json', openapi: '@nestjs/swagger' });
    expect(outcome.exitCode).toBe(1);
    const { contract } = JSON.parse(io.stdoutText()) as { contract: ContractJson };
    expect(contract.source).toBe('@nestjs/swagger decorators');
    expect(contract.issues.map((i) => `${i.kind} ${i.severity} ${i.method} ${i.path} ${i.problem}`)).toEqual([
      'auth error GET /api/reports/:id documented-secured-code-open',
      'auth warning GET /api/admin/stats documented-open-code-secured',
    ]);
    expect(contract.issues[0]!.detail).toBe('documented as requiring bearer (@ApiBearerAuth() on the method), but no authentication runs before the handler');
    expect(contract.notCompared.map((n) => `${n.path} ${n.reason}`).sort()).toEqual(['/api/internal/cache/flush excluded', '/api/users/:id/impersonate excluded']);
    expect(contract.summary).toMatchObject({ documented: 4, shadow: 0, zombie: 0, auth: 2, notCompared: 2 });
  });

  it('--format json: the routes and the comparison as data; --no-fail exits 0', async () => {
    const dir = copyFixture('cli/inventory');
    writeFileSync(path.join(dir, 'openapi.yaml'), INVENTORY_SPEC);
    const io = captureIo();
    const outcome = await runRoutes({ cwd: dir, paths: [], io, format: 'json', openapi: 'openapi.yaml', routeSource: fakeRouteSource, noFail: true });
    expect(outcome.exitCode).toBe(0);
    const output = JSON.parse(io.stdoutText()) as { routes: { path: string }[]; contract: ContractJson };
    expect(output.routes).toHaveLength(4);
    // The fake routes have no /api prefix: the base path is dropped because the code serves the paths without it.
    expect(output.contract.basePaths).toEqual([]);
    expect((output.contract as unknown as { basePathNote: string }).basePathNote).toContain('/api was left out');
    expect(output.contract.issues.map((i) => `${i.kind} ${i.method} ${i.path}${i.documented ? ` -> ${i.documented}` : ''}`)).toEqual([
      'shadow POST /admin/users',
      'method DELETE /orders/:id -> GET,PUT /orders/{orderId}',
      'zombie GET /invoices -> GET /invoices',
    ]);
  });

  it('reads the document named by the openapi setting, relative to the configuration file', async () => {
    const dir = copyFixture('cli/inventory');
    writeFileSync(path.join(dir, 'spec.yaml'), INVENTORY_SPEC);
    writeFileSync(path.join(dir, 'api-guard.config.json'), JSON.stringify({ settings: { openapi: 'spec.yaml' } }));
    const io = captureIo();
    const outcome = await runRoutes({ cwd: path.join(dir, 'src'), paths: [], io, routeSource: fakeRouteSource });
    expect(outcome.exitCode).toBe(1);
    expect(io.stdoutText()).toMatch(/Contract: .*spec\.yaml \(OpenAPI 3\.0/);
    // Run from above: the configuration of the scanned folder names the document.
    const above = captureIo();
    expect((await runRoutes({ cwd: path.dirname(dir), paths: [path.basename(dir)], io: above, routeSource: fakeRouteSource })).exitCode).toBe(1);
    expect(above.stdoutText()).toMatch(/Contract: .*spec\.yaml \(OpenAPI 3\.0/);
  });

  it('a missing or invalid document is a usage error (exit 2) with a clear message', async () => {
    const dir = copyFixture('cli/inventory');
    writeFileSync(path.join(dir, 'old.json'), JSON.stringify({ swagger: '1.2', apis: [] }));
    const missing = captureIo();
    expect((await runRoutes({ cwd: dir, paths: [], io: missing, openapi: 'nope.yaml', routeSource: fakeRouteSource })).exitCode).toBe(2);
    expect(missing.stderrText()).toContain('the OpenAPI document nope.yaml does not exist');
    const old = captureIo();
    expect((await runRoutes({ cwd: dir, paths: [], io: old, openapi: 'old.json', routeSource: fakeRouteSource })).exitCode).toBe(2);
    expect(old.stderrText()).toContain('old.json declares Swagger 1.2');
    const noDecorators = captureIo();
    expect((await runRoutes({ cwd: dir, paths: [], io: noDecorators, openapi: '@nestjs/swagger', routeSource: fakeRouteSource })).exitCode).toBe(2);
    expect(noDecorators.stderrText()).toContain('no Nest route of this project is documented with @nestjs/swagger');
  });

  it('the command line: --openapi with scan needs --format html; --no-fail belongs to routes', async () => {
    const dir = copyFixture('cli/inventory');
    const io = captureIo();
    expect(await main(['scan', '--openapi', 'x.yaml'], io, dir)).toBe(2);
    expect(io.stderrText()).toContain('--openapi adds a section to --format html');
    const io2 = captureIo();
    expect(await main(['scan', '--no-fail'], io2, dir)).toBe(2);
    expect(io2.stderrText()).toContain('--no-fail is an option of routes');
  });
});
