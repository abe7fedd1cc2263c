/**
 * Errors a route hands to its framework instead of serializing them, and who answers them.
 *
 * Fastify: `reply.send(err)` (also after `reply.code(502)`) with an Error object does not serialize
 * the error, and neither does `return err` from a route handler (Fastify sends the returned value
 * through `reply.send`). Fastify passes it to the route's own `errorHandler` option when it has one,
 * else to the error handler of the route's encapsulation context: the nearest `setErrorHandler`
 * registered on the route's plugin or on an ancestor context (a plugin wrapped in `fastify-plugin`
 * shares its parent's context, one without it has its own), or Fastify's default handler, which
 * answers with the error's `message`, when none covers the route.
 * An error a custom handler throws goes on to the handler of the context above it.
 *
 * `getRouteErrorAnswer` reads `ResolvedRoute.errorHandlers` (nearest last):
 * - `custom`: a custom handler whose body is read and does not rethrow the error answers it;
 * - `default`: Fastify's default handler answers: no custom handler covers the route (or only ones
 *   that rethrow), the chain is complete and holds no placeholder for a plugin that was not read;
 * - `unknown`: a handler whose code is not read here, an unread plugin (it may be wrapped in
 *   `fastify-plugin` and set one), or a chain another file may still extend.
 *
 * A plugin from a package (`@fastify/sensible`) is taken not to set an error handler.
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../core/context.js';
import { skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { walkFunctionBody } from '../core/walk.js';
import type { ResolvedChainItem, ResolvedRoute } from './api-model.js';
import { getErrorExposureAt } from './error-exposures.js';
import { resolveImplementation, type ImplementationLookup } from './implementation.js';
import { describeItem } from './posture.js';
import { getResponseSinkOfNode } from './response-sinks.js';
import { getRoutesOfHandler } from './route-ownership.js';

export type RouteErrorAnswer =
  | { readonly kind: 'custom'; readonly handler: ResolvedChainItem; readonly evidence: string }
  | { readonly kind: 'default'; readonly evidence: string }
  | { readonly kind: 'unknown'; readonly evidence: string };

/** A caught error object passed whole to the framework, which answers it through an error handler. */
export interface ErrorHandoff {
  /** `default` when some route of the handler proves that Fastify's default handler answers. */
  readonly answeredBy: RouteErrorAnswer['kind'];
  /** The routes whose handler makes the call. */
  readonly routes: readonly ResolvedRoute[];
}

/** Response methods that hand an Error object to the error handler instead of serializing it. */
const HANDOFF_METHODS: ReadonlySet<string> = new Set(['send']);
const MAX_ALIAS_DEPTH = 4;

/**
 * The handoff `sinkNode` makes of `payload`: a Fastify `reply.send(err)` in a route handler whose
 * only argument is a caught error itself. `undefined` for anything else (a body built from the
 * error, `err.stack`, a call outside a route handler the model links to a Fastify route).
 */
export function getErrorHandoff(ctx: AnalysisContext, sinkNode: ts.Node, payload: ts.Expression): ErrorHandoff | undefined {
  const tsApi = ctx.ts;
  if (!isHandoffOf(tsApi, sinkNode, payload)) return undefined;
  if (!isCaughtErrorObject(tsApi, payload)) return undefined;
  const handler = getResponseSinkOfNode(tsApi, sinkNode)?.handler;
  if (!handler || handler.role !== 'route') return undefined;
  const routes = getRoutesOfHandler(ctx, handler.fn);
  if (routes.length === 0 || routes.some((route) => route.framework !== 'fastify')) return undefined;
  const answers = routes.map((route) => getRouteErrorAnswer(ctx, route).kind);
  const answeredBy = answers.includes('default') ? 'default' : answers.includes('unknown') ? 'unknown' : 'custom';
  return { answeredBy, routes };
}

/** Who answers an error a Fastify route hands to Fastify (see the file comment). */
export function getRouteErrorAnswer(lookup: ImplementationLookup, route: ResolvedRoute): RouteErrorAnswer {
  if (route.framework !== 'fastify') return { kind: 'unknown', evidence: `${route.framework} routes do not hand errors to an error handler here` };
  const handlers = route.errorHandlers ?? [];
  for (let i = handlers.length - 1; i >= 0; i--) {
    const item = handlers[i]!;
    const implementation = resolveImplementation(lookup, item.file, item.node as ts.Expression);
    if (implementation.kind !== 'function' || implementation.called) {
      return { kind: 'unknown', evidence: `the error handler ${describeItem(item)} could not be read` };
    }
    if (!rethrowsError(lookup.ts, implementation.node)) return { kind: 'custom', handler: item, evidence: `the error handler ${describeItem(item)} answers` };
  }
  const unread = route.chain.find((item) => item.opaque !== undefined);
  if (unread) return { kind: 'unknown', evidence: `${describeItem(unread)} may set an error handler: ${unread.opaque}` };
  if (!route.complete) return { kind: 'unknown', evidence: route.incompleteReason ?? 'another file may set an error handler for it' };
  return {
    kind: 'default',
    evidence: handlers.length > 0 ? "its error handlers rethrow the error to Fastify's default handler" : 'no `setErrorHandler` covers it',
  };
}

/**
 * `reply.send(payload)`, or `return payload` from the route handler: Fastify sends what a handler
 * returns (or its promise resolves to) through `reply.send`, so returning an Error hands it over too.
 * Which function the `return` belongs to is the response-sink model's question (a Fastify route handler).
 */
function isHandoffOf(tsApi: TsApi, sinkNode: ts.Node, payload: ts.Expression): boolean {
  if (tsApi.isReturnStatement(sinkNode)) return sinkNode.expression === payload;
  if (tsApi.isArrowFunction(sinkNode)) return sinkNode.body === payload;
  if (!tsApi.isCallExpression(sinkNode) || sinkNode.arguments.length !== 1 || sinkNode.arguments[0] !== payload) return false;
  const callee = skipOuterExpressions(tsApi, sinkNode.expression);
  return tsApi.isPropertyAccessExpression(callee) && HANDOFF_METHODS.has(callee.name.text);
}

/** `err` in `reply.send(err)`, `reply.send(e as Error)`: the caught error itself, not a part of it. */
function isCaughtErrorObject(tsApi: TsApi, payload: ts.Expression): boolean {
  const exposure = getErrorExposureAt(tsApi, payload) ?? getErrorExposureAt(tsApi, skipOuterExpressions(tsApi, payload));
  return exposure?.reveals === 'object';
}

/** True when the handler throws the error it received (`throw error`, also through `const e = error`). */
function rethrowsError(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): boolean {
  const param = fn.parameters[0];
  if (!param || !fn.body) return false;
  let found = false;
  walkFunctionBody(tsApi, fn.body, (node) => {
    if (found) return false;
    if (tsApi.isThrowStatement(node) && refersTo(tsApi, node.expression, param, 0)) found = true;
    return undefined;
  });
  return found;
}

function refersTo(tsApi: TsApi, expression: ts.Expression, param: ts.ParameterDeclaration, depth: number): boolean {
  const expr = skipOuterExpressions(tsApi, expression);
  if (!tsApi.isIdentifier(expr)) return false;
  const declaration = resolveIdentifier(tsApi, expr)?.declaration;
  if (declaration === param) return true;
  return (
    depth < MAX_ALIAS_DEPTH &&
    declaration !== undefined &&
    tsApi.isVariableDeclaration(declaration) &&
    declaration.initializer !== undefined &&
    refersTo(tsApi, declaration.initializer, param, depth + 1)
  );
}
