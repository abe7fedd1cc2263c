/**
 * The comparison itself, on plain routes: shadows, zombies, method and auth mismatches, what is
 * not compared, and the servers base path dropped when the code serves the paths without it.
 */
import { describe, expect, it } from 'vitest';
import { compareWithContract, hasFailingIssues, type ContractRoute } from '../../src/contract/compare-contract.js';
import { parseOpenApiDocument } from '../../src/contract/openapi-document.js';

const DOC = parseOpenApiDocument(
  `openapi: 3.0.3
servers: [{ url: https://api.example.com/v1 }]
security: [{ bearer: [] }]
paths:
  /users:
    get: {}
  /users/{id}:
    get: {}
    put: {}
  /login:
    post: { security: [] }
  /catalog:
    get: { security: [] }
  /reports/{id}:
    get: {}
  /legacy/export:
    get: {}
`,
  { fileName: 'openapi.yaml' },
);

const route = (methods: string, path: string, posture: ContractRoute['posture'] = 'protected', extra: Partial<ContractRoute> = {}): ContractRoute => ({
  methods: methods.split(','),
  path,
  complete: true,
  posture,
  ...extra,
});

describe('compareWithContract', () => {
  const routes = [
    route('GET', '/v1/users'),
    route('GET', '/v1/users/:userId'),
    route('PATCH', '/v1/users/:userId'),
    route('POST', '/v1/login', 'public'),
    route('GET', '/v1/catalog', 'protected'),
    route('GET', '/v1/reports/:id', 'unprotected'),
    route('POST', '/v1/admin/purge', 'unprotected'),
    route('GET', '/?/internal', 'unknown'),
    route('OPTIONS', '/v1/users'),
  ];
  const result = compareWithContract(routes, DOC);
  const described = result.issues.map((i) =>
    i.kind === 'zombie'
      ? `zombie ${i.operation.method} ${i.operation.path}`
      : i.kind === 'shadow'
        ? `shadow ${i.methods.join(',')} ${i.route.path}`
        : i.kind === 'method'
          ? `method ${i.documentedPath} code-only ${i.codeOnly.join(',')} documented-only ${i.documentedOnly.join(',')}`
          : `auth ${i.method} ${i.route.path} ${i.problem} ${i.severity}`,
  );

  it('finds each kind once', () => {
    expect(described).toEqual([
      'auth GET /v1/reports/:id documented-secured-code-open error',
      'auth GET /v1/catalog documented-open-code-secured warning',
      'shadow POST /v1/admin/purge',
      'method /users/{id} code-only PATCH documented-only PUT',
      'zombie GET /legacy/export',
    ]);
    expect(result.basePaths).toEqual(['/v1']);
    expect(hasFailingIssues(result)).toBe(true);
  });

  it('says what it did not compare and why', () => {
    expect(result.notCompared.map((n) => `${n.route.path} ${n.reason}`)).toEqual(['/?/internal unknown-path', '/v1/users preflight']);
    expect(result.documented).toBe(6);
  });

  it('a zombie is certain: a route with an unknown prefix that may serve it makes it undecided', () => {
    const withUnknown = compareWithContract([...routes, route('GET', '/?/legacy/export', 'unknown')], DOC);
    expect(withUnknown.issues.some((i) => i.kind === 'zombie')).toBe(false);
    expect(withUnknown.undecidedOperations).toBe(1);
  });

  it('a catch-all route is not compared, and may serve any documented GET (no zombie)', () => {
    const r = compareWithContract([...routes, route('GET', '*', 'public')], DOC);
    expect(r.notCompared.map((n) => n.reason)).toContain('fallback');
    expect(r.issues.some((i) => i.kind === 'zombie')).toBe(false);
    expect(r.undecidedOperations).toBe(1);
  });

  it('routes another file may still change, and excluded ones, are not compared', () => {
    const r = compareWithContract([route('GET', '/v1/secret', 'unprotected', { complete: false }), route('GET', '/v1/hidden', 'public', { excludedBy: '@ApiExcludeEndpoint()' })], DOC);
    expect(r.issues.filter((i) => i.kind !== 'zombie')).toEqual([]);
    expect(r.notCompared.map((n) => n.reason)).toEqual(['incomplete', 'excluded']);
  });

  it('drops the servers base path when the code serves the documented paths without it', () => {
    const r = compareWithContract([route('GET', '/users'), route('GET', '/users/:id'), route('PUT', '/users/:id')], DOC);
    expect(r.basePaths).toEqual([]);
    expect(r.basePathNote).toMatch(/\/v1 was left out/);
    expect(r.issues.filter((i) => i.kind === 'shadow')).toEqual([]);
  });

  it('auth is not compared where the posture is unknown; matching routes pass', () => {
    const r = compareWithContract([route('GET', '/v1/users', 'unknown'), route('POST', '/v1/login', 'public')], DOC);
    expect(r.issues.filter((i) => i.kind === 'auth')).toEqual([]);
    expect(r.authNotCompared).toBe(1);
  });

  it('a documented requirement on a route public on purpose is a warning', () => {
    const r = compareWithContract([route('GET', '/v1/users', 'public')], DOC);
    expect(r.issues.find((i) => i.kind === 'auth')).toMatchObject({ problem: 'documented-secured-code-public', severity: 'warning' });
  });
});
