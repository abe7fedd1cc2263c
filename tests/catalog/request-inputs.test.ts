/**
 * Every row of the request/response vocabulary, with a sample that matches it and one that does not,
 * checked through the model functions that read the rows.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  HANDLER_PARAMETER_TYPES,
  HANDLER_REGISTRATIONS,
  NEST_PARAMETER_INPUTS,
  REQUEST_METHODS,
  REQUEST_PROPERTIES,
  RESPONSE_METHODS,
} from '../../src/catalog/request-inputs.js';
import { walkDescendants } from '../../src/core/walk.js';
import { getHandlers } from '../../src/model/handlers.js';
import { getNestParameterInput, getRequestSourceOfExpression } from '../../src/model/request-sources.js';
import { getResponseSinkOfNode, isResponseObject } from '../../src/model/response-sinks.js';

function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('/app/src/sample.ts', code, ts.ScriptTarget.Latest, true);
}

/** The first node of a kind whose text is `text`. */
function find<T extends ts.Node>(sf: ts.SourceFile, text: string, test: (n: ts.Node) => n is T): T {
  let hit: T | undefined;
  walkDescendants(ts, sf, (n) => {
    if (!hit && test(n) && n.getText(sf) === text) hit = n;
  });
  if (!hit) throw new Error(`no ${text}`);
  return hit;
}

const expressionOf = (sf: ts.SourceFile, text: string): ts.Expression => find(sf, text, (n): n is ts.Expression => ts.isPropertyAccessExpression(n) || ts.isCallExpression(n));

describe('REQUEST_PROPERTIES', () => {
  for (const row of REQUEST_PROPERTIES) {
    it(`${row.name}: req.${row.property} is ${row.kind} input, other.${row.property} is not`, () => {
      const sf = parse(`app.post('/x', (req, res) => { use(req.${row.property}); use(other.${row.property}); res.end(); });`);
      expect(getRequestSourceOfExpression(ts, expressionOf(sf, `req.${row.property}`))?.kind).toBe(row.kind);
      expect(getRequestSourceOfExpression(ts, expressionOf(sf, `other.${row.property}`))).toBeUndefined();
    });
  }
});

describe('REQUEST_METHODS', () => {
  for (const row of REQUEST_METHODS) {
    it(`${row.name}: req.${row.method}('x') is ${row.kind} input, cache.${row.method}('x') is not`, () => {
      const sf = parse(`app.post('/x', (req, res) => { use(req.${row.method}('x')); use(cache.${row.method}('x')); res.end(); });`);
      expect(getRequestSourceOfExpression(ts, expressionOf(sf, `req.${row.method}('x')`))?.kind).toBe(row.kind);
      expect(getRequestSourceOfExpression(ts, expressionOf(sf, `cache.${row.method}('x')`))).toBeUndefined();
    });
  }
});

describe('RESPONSE_METHODS', () => {
  for (const row of RESPONSE_METHODS) {
    it(`${row.name}: res.${row.method}(...) on the response, not on a logger`, () => {
      const sf = parse(`app.get('/x', (req, res) => { res.${row.method}('v', 'w'); logger.${row.method}('v', 'w'); });`);
      const onResponse = find(sf, `res.${row.method}('v', 'w')`, ts.isCallExpression);
      const onLogger = find(sf, `logger.${row.method}('v', 'w')`, ts.isCallExpression);
      if (row.effect === 'chain') {
        expect(getResponseSinkOfNode(ts, onResponse)).toBeUndefined();
        expect(isResponseObject(ts, onResponse)).toBe(true);
        expect(isResponseObject(ts, onLogger)).toBe(false);
      } else {
        expect(getResponseSinkOfNode(ts, onResponse)?.kind).toBe(row.effect);
        expect(getResponseSinkOfNode(ts, onLogger)).toBeUndefined();
      }
    });
  }
});

describe('HANDLER_REGISTRATIONS', () => {
  for (const row of HANDLER_REGISTRATIONS) {
    it(`${row.name}: app.${row.method}(...) registers a ${row.role} handler; map.${row.method}(key) does not`, () => {
      const args = row.role === 'hook' ? `'onRequest', ` : row.role === 'route' || row.role === 'middleware' ? `'/x', ` : '';
      const sf = parse(`app.${row.method}(${args}(a, b, c) => { b.end(); });\nmap.${row.method}('key');`);
      const handlers = getHandlers(ts, sf).filter((hd) => hd.evidence === 'registration');
      expect(handlers).toHaveLength(1);
      expect(handlers[0]!.role === row.role || (row.role === 'route' && handlers[0]!.role === 'route')).toBe(true);
    });
  }
});

describe('HANDLER_PARAMETER_TYPES', () => {
  for (const row of HANDLER_PARAMETER_TYPES) {
    it(`${row.name}: a parameter typed ${row.typeName} from ${row.modules[0]} marks a handler; the global type does not`, () => {
      const params = row.role === 'next' ? `a, b, c: ${row.typeName}` : `a: ${row.typeName}, b: any`;
      const typed = parse(`import type { ${row.typeName} } from '${row.modules[0]}';\nexport function h(${params}) { return b; }`);
      const untyped = parse(`export function h(${params}) { return b; }`);
      if (row.typeName === 'RequestHandler') {
        const viaVariable = parse(`import type { RequestHandler } from 'express';\nexport const h: RequestHandler = (a, b) => { b.end(); };`);
        expect(getHandlers(ts, viaVariable)).toHaveLength(1);
        return;
      }
      expect(getHandlers(ts, typed).map((hd) => hd.framework)).toEqual([row.framework]);
      expect(getHandlers(ts, untyped)).toEqual([]);
    });
  }
});

describe('NEST_PARAMETER_INPUTS', () => {
  for (const row of NEST_PARAMETER_INPUTS) {
    it(`${row.name}: @${row.decorator}() in a controller route reads ${row.reads}; outside a controller it reads nothing`, () => {
      const code = (decorated: string): string => `${decorated}class C {\n  @Post() m(@${row.decorator}() p: any) { return p; }\n}`;
      const inController = parse(code(`@Controller('c')\n`));
      const plain = parse(code(''));
      const paramOf = (sf: ts.SourceFile): ts.ParameterDeclaration => find(sf, `@${row.decorator}() p: any`, ts.isParameter);
      expect(getNestParameterInput(ts, paramOf(inController))?.reads).toBe(row.reads);
      expect(getNestParameterInput(ts, paramOf(plain))).toBeUndefined();
    });
  }
});
