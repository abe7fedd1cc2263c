/**
 * Path filters: `pathFilterCovers` on its own, and the step index the route linker uses to skip
 * steps whose filter cannot cover a path. The index must never leave out a step the filter could
 * cover: checked against `pathFilterCovers` on every pair of a mixed set of filters and paths.
 */
import { describe, expect, it } from 'vitest';
import { pathFilterCovers, StepFilterIndex, type StepFilter } from '../../src/model/route-paths.js';

const FILTERS: (StepFilter | undefined)[] = [
  { filter: undefined, match: 'prefix' },
  { filter: '', match: 'prefix' },
  { filter: '/', match: 'prefix' },
  { filter: '/api', match: 'prefix' },
  { filter: '/API/Users', match: 'prefix' },
  { filter: '/api/users/:id', match: 'exact' },
  { filter: '/api/*', match: 'exact' },
  { filter: '/api/orders', match: 'prefix' },
  undefined, // a route step
  { filter: '/admin', match: 'prefix' },
  { filter: '/?', match: 'prefix' },
  { filter: '/:tenant/api', match: 'prefix' },
  { filter: '*', match: 'exact' },
  { filter: '/ab?cd', match: 'prefix' },
  { filter: '/api/{*rest}', match: 'exact' },
  { filter: '/api/users/export', match: 'prefix' },
];

const PATHS = [
  '/',
  '/api',
  '/api/users',
  '/api/Users/42',
  '/api/users/:id',
  '/api/users/export/csv',
  '/api/:resource',
  '/api/?',
  '/?',
  '/admin/settings',
  '/acme/api/x',
  '/:tenant/api',
  '/abcd',
  '/api/orders/(.*)',
  '/api/*',
  '/status',
];

describe('pathFilterCovers', () => {
  it('decides literal, parameter, wildcard and unknown segments', () => {
    expect(pathFilterCovers('/api', 'prefix', '/api/users')).toBe('yes');
    expect(pathFilterCovers('/api', 'prefix', '/status')).toBe('no');
    expect(pathFilterCovers('/API', 'prefix', '/api/users')).toBe('yes');
    expect(pathFilterCovers('/api/users', 'prefix', '/api/:resource')).toBe('maybe');
    expect(pathFilterCovers('/api/*', 'exact', '/api/users/1')).toBe('yes');
    expect(pathFilterCovers('/api/users/:id', 'exact', '/api/users/1/posts')).toBe('no');
    expect(pathFilterCovers('/api', 'prefix', '/')).toBe('no');
    expect(pathFilterCovers('/api', 'prefix', '/?')).toBe('maybe');
    expect(pathFilterCovers(undefined, 'prefix', '/anything')).toBe('yes');
  });
});

describe('StepFilterIndex', () => {
  const index = new StepFilterIndex(FILTERS);

  it('offers every step whose filter could cover the path (checked on every pair)', () => {
    for (const path of PATHS) {
      const offered = new Set(index.candidates(path));
      FILTERS.forEach((step, i) => {
        if (!step) return;
        const coverage = pathFilterCovers(step.filter, step.match, path);
        if (coverage !== 'no') expect(offered.has(i), `${step.filter ?? '(none)'} covers ${path} (${coverage})`).toBe(true);
      });
    }
  });

  it('offers indices in order, and never a route step', () => {
    for (const path of PATHS) {
      const offered = index.candidates(path);
      expect([...offered].sort((a, b) => a - b)).toEqual(offered);
      expect(offered).not.toContain(8);
    }
  });

  it('leaves out mounts under other literal prefixes', () => {
    const mounts = new StepFilterIndex(['/api/billing', '/api/travel', '/api/retail', '/status'].map((filter) => ({ filter, match: 'prefix' as const })));
    expect(mounts.candidates('/api/travel/claims/1')).toEqual([1]);
    expect(mounts.candidates('/api')).toEqual([]);
    expect(mounts.candidates('/api/:section')).toEqual([0, 1, 2]);
    expect(mounts.candidates('/:anything')).toEqual([0, 1, 2, 3]);
  });
});
