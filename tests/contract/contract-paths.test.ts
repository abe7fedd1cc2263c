/**
 * Path normalization for the contract comparison: code paths (Express, Fastify, Nest) and document
 * paths become the same segment lists, and the two matching directions behave as documented.
 */
import { describe, expect, it } from 'vitest';
import { codePathDocumentedBy, codePathMayServe, formatSegments, parseCodePath, parseContractPath } from '../../src/contract/contract-paths.js';

const code = (path: string): string[] => parseCodePath(path).map(formatSegments);
const documents = (codePath: string, base: string, docPath: string): boolean =>
  parseCodePath(codePath).some((c) => codePathDocumentedBy(c, parseContractPath(base, docPath)) >= 0);

describe('parseCodePath', () => {
  it('writes parameters as {} whatever their syntax', () => {
    expect(code('/users/:id')).toEqual(['/users/{}']);
    expect(code('/users/:id(^\\d+)/orders')).toEqual(['/users/{}/orders']);
    expect(code('/files/:name.:ext')).toEqual(['/files/{}.{}']);
    expect(code('/time/::hour')).toEqual(['/time/:hour']);
  });
  it('drops trailing and doubled slashes and lowercases literals', () => {
    expect(code('//Users///List/')).toEqual(['/users/list']);
  });
  it('expands optional parameters and Express 5 optional groups', () => {
    expect(code('/users/:id?')).toEqual(['/users/{}', '/users']);
    expect(code('/users{/:id}')).toEqual(['/users/{}', '/users']);
  });
  it('keeps wildcards and unknown parts apart', () => {
    expect(code('/files/*')).toEqual(['/files/*']);
    expect(code('/files/{*splat}')).toEqual(['/files/*']);
    expect(code('/?/users')).toEqual(['/?/users']);
  });
});

describe('matching', () => {
  it('reads document paths under their base path', () => {
    expect(formatSegments(parseContractPath('/v1', '/users/{userId}'))).toBe('/v1/users/{}');
    expect(documents('/v1/users/:id', '/v1', '/users/{userId}')).toBe(true);
    expect(documents('/users/:id', '/v1', '/users/{userId}')).toBe(false);
  });
  it('a code parameter needs a documented parameter; a code literal is covered by one', () => {
    expect(documents('/teams/:id', '', '/teams/mine')).toBe(false);
    expect(documents('/users/me', '', '/users/{userId}')).toBe(true);
    expect(documents('/files/:name.:ext', '', '/files/{n}.{e}')).toBe(true);
    expect(documents('/files/report.pdf', '', '/files/{n}.{e}')).toBe(true);
  });
  it('prefers exact literals (score)', () => {
    const [me] = parseCodePath('/users/me');
    expect(codePathDocumentedBy(me!, parseContractPath('', '/users/me'))).toBeGreaterThan(codePathDocumentedBy(me!, parseContractPath('', '/users/{id}')));
  });
  it('a route may serve a documented path through parameters, wildcards and unknown prefixes', () => {
    const serves = (codePath: string, docPath: string): boolean => parseCodePath(codePath).some((c) => codePathMayServe(c, parseContractPath('', docPath)));
    expect(serves('/teams/:id', '/teams/mine')).toBe(true);
    expect(serves('/files/*', '/files/a/b/c')).toBe(true);
    expect(serves('/?/orders', '/api/v2/orders')).toBe(true);
    expect(serves('/orders', '/invoices')).toBe(false);
  });
});
