/**
 * Every row of the debug-endpoint catalog, with paths that match it and look-alikes that do not
 * (segments, never substrings).
 */
import { describe, expect, it } from 'vitest';
import { API_DOCS_UIS, DEBUG_PATHS, EXPOSURE_FLAG_PATTERN, EXPOSURE_GATE_MIDDLEWARE, findApiDocsUi, findDebugPath } from '../../src/catalog/debug-endpoints.js';

const PATH_SAMPLES: Record<string, { match: [string, string]; miss: [string, string] }> = {
  debug: { match: ['/api/_debug/cache', 'GET'], miss: ['/debugging-tips', 'GET'] },
  test: { match: ['/api/v1/test/seed', 'POST'], miss: ['/monitors/:id/test', 'POST'] },
  internal: { match: ['/internal/queue', 'GET'], miss: ['/internals-guide', 'GET'] },
  'version-zero': { match: ['/v0/users', 'GET'], miss: ['/v0-roadmap', 'GET'] },
  legacy: { match: ['/api/legacy/orders', 'GET'], miss: ['/legacy-plans', 'GET'] },
  'process-dump': { match: ['/actuator/env', 'GET'], miss: ['/projects/:id/env', 'GET'] },
  'code-console': { match: ['/admin/console', 'POST'], miss: ['/categories/console', 'GET'] },
  'admin-console': { match: ['/admin', 'GET'], miss: ['/teams/:id/admin', 'GET'] },
};

describe('debug-endpoint catalog', () => {
  it('has samples for every path row', () => {
    expect(Object.keys(PATH_SAMPLES).sort()).toEqual(DEBUG_PATHS.map((r) => r.name).sort());
  });

  for (const row of DEBUG_PATHS) {
    it(`${row.name}: matches its sample and not the look-alike`, () => {
      const { match, miss } = PATH_SAMPLES[row.name]!;
      expect(findDebugPath(match[0], [match[1]])?.row.name).toBe(row.name);
      expect(findDebugPath(miss[0], [miss[1]])?.row.name).not.toBe(row.name);
    });
  }

  it('never matches probes, metrics, contests or route parameters', () => {
    for (const path of ['/health', '/ready', '/metrics', '/contest', '/testimonials', '/users/:debug', '/latest']) {
      expect(findDebugPath(path, ['GET']), path).toBeUndefined();
    }
  });

  it('an admin console is a page read with GET, not an admin API write or an admin resource', () => {
    expect(findDebugPath('/admin', ['POST'])).toBeUndefined();
    expect(findDebugPath('/admin/users', ['GET'])).toBeUndefined();
  });

  it('leading segments: a test endpoint at the start of the path, a feature that tests something further in', () => {
    expect(findDebugPath('/test', ['GET'])?.row.name).toBe('test');
    expect(findDebugPath('/debug/test', ['GET'])?.row.name).toBe('debug');
    expect(findDebugPath('/integrations/slack/test', ['POST'])).toBeUndefined();
  });

  it('docs UIs: every row matches its package and not an unrelated one', () => {
    for (const row of API_DOCS_UIS) expect(findApiDocsUi(row.modules[0])?.name).toBe(row.name);
    expect(findApiDocsUi('@fastify/swagger')).toBeUndefined();
    expect(findApiDocsUi('express')).toBeUndefined();
  });

  it('exposure flags and gate middleware', () => {
    expect(EXPOSURE_FLAG_PATTERN.test('config.enableDebugRoutes')).toBe(true);
    expect(EXPOSURE_FLAG_PATTERN.test('user.isActive')).toBe(false);
    expect(EXPOSURE_GATE_MIDDLEWARE.test('localhostOnly')).toBe(true);
    expect(EXPOSURE_GATE_MIDDLEWARE.test('requireInternalNetwork')).toBe(true);
    expect(EXPOSURE_GATE_MIDDLEWARE.test('requestLogger')).toBe(false);
  });
});
