/**
 * Reading OpenAPI 3.0/3.1 and Swagger 2.0 documents as contracts: operations, base paths, security,
 * lines, `$ref`s (local followed, relative files through the reader, remote never), and clear
 * errors for what is not a document.
 */
import { describe, expect, it } from 'vitest';
import { ContractError, getServerBasePath, parseOpenApiDocument } from '../../src/contract/openapi-document.js';

const parse = (text: string, fileName = 'openapi.yaml', readRelative?: (p: string) => string | undefined) => parseOpenApiDocument(text, { fileName, readRelative });

describe('getServerBasePath', () => {
  it('keeps only the path of a server URL', () => {
    expect(getServerBasePath('https://api.example.com/v1')).toBe('/v1');
    expect(getServerBasePath('https://api.example.com/v1/')).toBe('/v1');
    expect(getServerBasePath('https://api.example.com')).toBe('');
    expect(getServerBasePath('/api')).toBe('/api');
    expect(getServerBasePath('//cdn.example.com/x')).toBe('/x');
    expect(getServerBasePath('{scheme}://{host}/{base}', { base: { default: 'v2' } })).toBe('/v2');
  });
});

describe('parseOpenApiDocument', () => {
  it('reads operations with their base paths, security and lines (YAML)', () => {
    const contract = parse(`openapi: 3.0.3
servers:
  - url: https://api.example.com/v1
security:
  - bearer: []
paths:
  /users/{id}:
    get: { operationId: getUser }
    delete:
      security: []
  /public:
    servers: [{ url: https://api.example.com }]
    get:
      security: [{}, { bearer: [] }]
`);
    expect(contract.format).toBe('openapi-3.0');
    expect(contract.hasGlobalSecurity).toBe(true);
    expect(contract.operations.map((op) => `${op.method} ${op.basePaths.join('|')}${op.path} ${op.security.kind}/${op.security.from} line ${op.line}`)).toEqual([
      'GET /v1/users/{id} required/global line 8',
      'DELETE /v1/users/{id} none/operation line 9',
      'GET /public optional/operation line 13',
    ]);
    expect(contract.operations[0]!.operationId).toBe('getUser');
  });

  it('reads JSON natively, and Swagger 2.0 with basePath', () => {
    const contract = parse(JSON.stringify({ swagger: '2.0', basePath: '/legacy', paths: { '/orders': { get: {}, post: { security: [{ key: [] }] } } } }), 'swagger.json');
    expect(contract.format).toBe('swagger-2.0');
    expect(contract.operations.map((op) => `${op.method} ${op.basePaths[0]}${op.path} ${op.security.kind}`)).toEqual(['GET /legacy/orders none', 'POST /legacy/orders required']);
  });

  it('follows local and relative $refs of path items, never remote ones', () => {
    const contract = parse(
      `openapi: 3.1.0
components:
  pathItems:
    Users: { get: {} }
paths:
  /users: { $ref: '#/components/pathItems/Users' }
  /orders: { $ref: './paths/orders.yaml' }
  /partners: { $ref: 'https://example.com/partners.yaml' }
  /missing: { $ref: './nope.yaml' }
`,
      'openapi.yaml',
      (p) => (p === './paths/orders.yaml' ? 'post: {}\n' : undefined),
    );
    expect(contract.operations.map((op) => `${op.method} ${op.path}`)).toEqual(['GET /users', 'POST /orders']);
    expect(contract.unresolvedRefs).toEqual(['https://example.com/partners.yaml', './nope.yaml']);
  });

  it('refuses what is not a document, with the file name in the message', () => {
    expect(() => parse('paths: {}\n')).toThrow(/openapi.yaml is not an OpenAPI document: it has neither/);
    expect(() => parse('openapi: 4.0.0\npaths: {}\n')).toThrow(/OpenAPI 4.0.0/);
    expect(() => parse('swagger: "1.2"\n')).toThrow(/Swagger 1.2/);
    expect(() => parse('openapi: 3.0.0\npaths:\n  /a: [x\n')).toThrow(ContractError);
    expect(() => parse('{ "openapi": ', 'a.json')).toThrow(/a.json is not valid JSON/);
    expect(() => parse('- 1\n- 2\n')).toThrow(/top level is not an object/);
  });

  it('caps alias expansion (a YAML bomb is an error, not a hang)', () => {
    const bomb = ['openapi: 3.0.0', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    expect(() => parse(`${bomb.join('\n')}\npaths: {}\n`)).toThrow(ContractError);
  });

  it('a document without paths documents nothing, with a note', () => {
    const contract = parse('openapi: 3.1.0\nwebhooks: {}\n');
    expect(contract.operations).toEqual([]);
    expect(contract.notes[0]).toMatch(/has no "paths"/);
  });
});
