/**
 * What a handler sends to the client: Express `res.send/json/jsonp/end/write/render/redirect` (also
 * after `res.status(500)` and other chained setters), Fastify `reply.send` (also after
 * `reply.code(500)`), the value returned by a Fastify route handler, the value returned by a Nest
 * route method (without `@Res()`), and `throw new XxxException(payload)` inside a Nest route method.
 * (`src/model/error-responses.ts` adds Nest exceptions thrown anywhere and `@fastify/sensible` helpers.)
 *
 * A response object is a handler's response parameter (`handlers.ts`, error handlers included), a
 * Nest `@Res()` parameter, a parameter named `res`/`response`/`reply`, a variable initialized from
 * `host.switchToHttp().getResponse()` / `ctx.getResponse()` (exception filters), or an alias of one.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getParameterName, getShortText, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import { CONVENTIONAL_PARAMETER_NAMES, findResponseMethod, type ResponseMethodEffect } from '../catalog/request-inputs.js';
import { getHandlerOfFunction, getHandlerParameterRole, type Handler } from './handlers.js';
import type { Framework } from './facts.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export type ResponseSinkKind = Exclude<ResponseMethodEffect, 'chain'> | 'return' | 'throw';

export interface ResponseSink {
  /** The call, `return` statement, concise arrow body, or `throw` statement. */
  readonly node: ts.Node;
  readonly kind: ResponseSinkKind;
  /** The expressions whose values reach the client (`res.render(view, locals)` gives `locals`). */
  readonly payload: readonly ts.Expression[];
  /** `res.json`, `reply.send`, `return`, `throw new BadRequestException`. */
  readonly label: string;
  readonly framework?: Framework;
  /** The handler the sink belongs to, when known. */
  readonly handler?: Handler;
}

const MAX_ALIAS_DEPTH = 4;
const cache = new FileScopedWeakMap<ts.SourceFile, readonly ResponseSink[]>();

/** Every response sink of a file, in source order, built once per source file. */
export function getResponseSinks(tsApi: TsApi, sourceFile: ts.SourceFile): readonly ResponseSink[] {
  let sinks = cache.get(sourceFile);
  if (!sinks) {
    sinks = collectResponseSinks(tsApi, sourceFile);
    cache.set(sourceFile, sinks);
  }
  return sinks;
}

/** The response sink a node is (a call, `return`, `throw`, or a handler's concise arrow body), if any. */
export function getResponseSinkOfNode(tsApi: TsApi, node: ts.Node): ResponseSink | undefined {
  // Several flow specs ask about the same nodes (before and during their analysis): answer once.
  const known = sinkOfNode.get(node);
  if (known !== undefined) return known ?? undefined;
  const sink = computeResponseSinkOfNode(tsApi, node);
  sinkOfNode.set(node, sink ?? null);
  return sink;
}

const sinkOfNode = new FileScopedWeakMap<ts.Node, ResponseSink | null>();

function computeResponseSinkOfNode(tsApi: TsApi, node: ts.Node): ResponseSink | undefined {
  if (tsApi.isCallExpression(node)) return getResponseCallSink(tsApi, node);
  if (tsApi.isReturnStatement(node)) return node.expression ? getReturnSink(tsApi, node, node.expression) : undefined;
  if (tsApi.isArrowFunction(node) && !tsApi.isBlock(node.body)) return getReturnSink(tsApi, node, node.body);
  if (tsApi.isThrowStatement(node)) return getThrowSink(tsApi, node);
  return undefined;
}

/** True when `expr` is a response object (`res`, `reply`, `res.status(400)`, a `getResponse()` result). */
export function isResponseObject(tsApi: TsApi, expr: ts.Expression): boolean {
  return isResponseExpression(tsApi, expr, 0);
}

function isResponseExpression(tsApi: TsApi, expr: ts.Expression, depth: number): boolean {
  let current = skipOuterExpressions(tsApi, expr);
  // res.status(400).json(...): walk back through chained setters.
  for (let i = 0; i < 16; i++) {
    if (!tsApi.isCallExpression(current) || !tsApi.isPropertyAccessExpression(current.expression)) break;
    const method = current.expression.name.text;
    if (method === 'getResponse') return true;
    if (findResponseMethod(method)?.effect !== 'chain') return false;
    current = skipOuterExpressions(tsApi, current.expression.expression);
  }
  if (!tsApi.isIdentifier(current)) return false;
  const binding = resolveIdentifier(tsApi, current);
  const decl = binding?.declaration;
  if (!decl) return false;
  if (tsApi.isParameter(decl)) {
    if (getHandlerParameterRole(tsApi, decl)?.role === 'response') return true;
    const handler = getHandlerOfFunction(tsApi, decl.parent);
    if (handler?.framework === 'nest') return handler.response === decl;
    const name = getParameterName(tsApi, decl);
    return name !== undefined && (CONVENTIONAL_PARAMETER_NAMES.response as readonly string[]).includes(name);
  }
  if (tsApi.isVariableDeclaration(decl) && decl.initializer && decl.name === binding.name && depth < MAX_ALIAS_DEPTH) {
    return isResponseExpression(tsApi, decl.initializer, depth + 1);
  }
  return false;
}

function getResponseCallSink(tsApi: TsApi, call: ts.CallExpression): ResponseSink | undefined {
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee)) return undefined;
  const row = findResponseMethod(callee.name.text);
  if (!row || row.effect === 'chain') return undefined;
  if (!isResponseObject(tsApi, callee.expression)) return undefined;
  const args = call.arguments;
  let payload: readonly ts.Expression[];
  if (row.effect === 'render') payload = args.slice(1, 2);
  else if (row.effect === 'redirect') payload = args.slice(-1);
  else if (row.method === 'end' || row.method === 'write') payload = args.slice(0, 1);
  else payload = args;
  const handler = findEnclosingHandler(tsApi, call);
  return {
    node: call,
    kind: row.effect,
    payload,
    label: getShortText(call.getSourceFile(), callee, 60),
    framework: handler?.framework,
    handler,
  };
}

/** A `return` in a Nest route method (without `@Res()`) or a Fastify route handler (not in nested functions). */
function getReturnSink(tsApi: TsApi, node: ts.Node, value: ts.Expression): ResponseSink | undefined {
  const fn = tsApi.isArrowFunction(node) ? node : getOwningFunction(tsApi, node);
  if (!fn) return undefined;
  const handler = getHandlerOfFunction(tsApi, fn);
  if (!handler || handler.role !== 'route') return undefined;
  if (handler.framework === 'nest') {
    if (handler.response) return undefined; // @Res() takes over the response
  } else if (handler.framework !== 'fastify') {
    return undefined;
  }
  // `return reply.send(x)`: the send is the sink.
  const inner = skipOuterExpressions(tsApi, value);
  if (tsApi.isCallExpression(inner) && getResponseCallSink(tsApi, inner)) return undefined;
  return { node, kind: 'return', payload: [value], label: 'return', framework: handler.framework, handler };
}

/** `throw new XxxException(payload)` directly in a Nest route method. */
function getThrowSink(tsApi: TsApi, node: ts.ThrowStatement): ResponseSink | undefined {
  const fn = getOwningFunction(tsApi, node);
  const handler = fn ? getHandlerOfFunction(tsApi, fn) : undefined;
  if (!handler || handler.framework !== 'nest') return undefined;
  const thrown = skipOuterExpressions(tsApi, node.expression);
  if (!tsApi.isNewExpression(thrown) || !tsApi.isIdentifier(thrown.expression) || !/Exception$/.test(thrown.expression.text)) return undefined;
  return {
    node,
    kind: 'throw',
    payload: thrown.arguments ?? [],
    label: `throw new ${thrown.expression.text}`,
    framework: 'nest',
    handler,
  };
}

function collectResponseSinks(tsApi: TsApi, sourceFile: ts.SourceFile): ResponseSink[] {
  const sinks: ResponseSink[] = [];
  forEachNodeOfKinds(tsApi, sourceFile, [tsApi.SyntaxKind.CallExpression, tsApi.SyntaxKind.ReturnStatement, tsApi.SyntaxKind.ThrowStatement, tsApi.SyntaxKind.ArrowFunction], (node) => {
    if (tsApi.isCallExpression(node) || tsApi.isReturnStatement(node) || tsApi.isThrowStatement(node) || tsApi.isArrowFunction(node)) {
      const sink = getResponseSinkOfNode(tsApi, node);
      if (sink) sinks.push(sink);
    }
  });
  return sinks;
}

/** The function whose body holds `node` directly (a `return` belongs to it). */
function getOwningFunction(tsApi: TsApi, node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(tsApi, current)) return current;
  }
  return undefined;
}

/** The nearest enclosing function that is a handler. */
function findEnclosingHandler(tsApi: TsApi, node: ts.Node): Handler | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(tsApi, current)) {
      const handler = getHandlerOfFunction(tsApi, current);
      if (handler) return handler;
    }
  }
  return undefined;
}
