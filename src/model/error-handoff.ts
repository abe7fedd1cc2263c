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
 * An error a custom handler passes on goes to the handler of the context above it: Fastify's
 * `lib/error-handler.js` keeps the next handler on the reply, and a handler that throws the error,
 * calls `reply.send(error)` with it or returns it (sent through `reply.send`) reaches that one.
 *
 * `getRouteErrorAnswer` reads `ResolvedRoute.errorHandlers` (nearest last):
 * - `custom`: a custom handler whose body is read and does not pass the error on answers it;
 * - `default`: Fastify's default handler answers: no custom handler covers the route (or only ones
 *   that pass it on), the chain is complete and holds no placeholder for a plugin that was not read;
 * - `unknown`: a handler whose code is not read here, an unread plugin (it may be wrapped in
 *   `fastify-plugin` and set one), or a chain another file may still extend.
 *
 * `getErrorHandoff` also answers for a custom handler's own `reply.send(error)`: who answers is the
 * handler above it in the chains of the routes it covers (`unknown` when no route the analysis sees
 * runs under it).
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
import { getApiModel, getProjectRoutes } from './resolve-api-model.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export type RouteErrorAnswer =
  | { readonly kind: 'custom'; readonly handler: ResolvedChainItem; readonly evidence: string }
  /**
   * `relayedBy`: the nearest custom handler on the way that passed the error on with its own
   * `reply.send(error)`, a response of its own that is judged where it is.
   */
  | { readonly kind: 'default'; readonly evidence: string; readonly relayedBy?: ResolvedChainItem }
  | { readonly kind: 'unknown'; readonly evidence: string };

/** A caught error object passed whole to the framework, which answers it through an error handler. */
export interface ErrorHandoff {
  /**
   * Who hands the error over: a route handler (`reply.send(err)` of a caught error), or a custom
   * error handler passing on the error it received (`reply.send(error)` in `setErrorHandler`).
   */
  readonly from: 'route' | 'error-handler';
  /**
   * `default` when some route proves that Fastify's default handler answers; `unknown` when some
   * route's answer (or, for an error handler, which routes it covers) cannot be read here.
   */
  readonly answeredBy: RouteErrorAnswer['kind'];
  /**
   * Set when `answeredBy` is `default` only through custom handlers that pass the error on with
   * their own `reply.send(error)`: the first of them, whose send is where the error leaves.
   */
  readonly relayedBy?: ResolvedChainItem;
  /** The routes whose handler makes the call, or that the error handler covers. */
  readonly routes: readonly ResolvedRoute[];
}

/** Response methods that hand an Error object to the error handler instead of serializing it. */
const HANDOFF_METHODS: ReadonlySet<string> = new Set(['send']);
const MAX_ALIAS_DEPTH = 4;
const MAX_CHAIN_DEPTH = 8;

/**
 * The handoff `sinkNode` makes of `payload`: a Fastify `reply.send(err)` in a route handler whose
 * only argument is a caught error itself, or a Fastify error handler's `reply.send(error)` of the
 * error it received. `undefined` for anything else (a body built from the error, `err.stack`, a
 * call outside a handler the model links to Fastify).
 */
export function getErrorHandoff(ctx: AnalysisContext, sinkNode: ts.Node, payload: ts.Expression): ErrorHandoff | undefined {
  const tsApi = ctx.ts;
  if (!isHandoffOf(tsApi, sinkNode, payload)) return undefined;
  if (!isCaughtErrorObject(tsApi, payload)) return undefined;
  const handler = getResponseSinkOfNode(tsApi, sinkNode)?.handler;
  if (handler?.role === 'error' && handler.framework === 'fastify' && handler.error) {
    return refersTo(tsApi, payload, handler.error, 0) ? getErrorHandlerPassOn(ctx, handler.fn) : undefined;
  }
  if (!handler || handler.role !== 'route') return undefined;
  const routes = getRoutesOfHandler(ctx, handler.fn);
  if (routes.length === 0 || routes.some((route) => route.framework !== 'fastify')) return undefined;
  return { from: 'route', ...combineAnswers(routes.map((route) => getRouteErrorAnswer(ctx, route))), routes };
}

/**
 * `default` wins (some route leaks), then `unknown`; `custom` only when every route has a custom
 * answer. `relayedBy` when every default answer was relayed by a handler's own `reply.send(error)`.
 */
function combineAnswers(answers: readonly RouteErrorAnswer[]): Pick<ErrorHandoff, 'answeredBy' | 'relayedBy'> {
  const defaults = answers.filter((answer) => answer.kind === 'default');
  if (defaults.length > 0) {
    const relayedBy = defaults.every((answer) => answer.relayedBy !== undefined) ? defaults[0]!.relayedBy : undefined;
    return { answeredBy: 'default', ...(relayedBy ? { relayedBy } : {}) };
  }
  return { answeredBy: answers.some((answer) => answer.kind === 'unknown') ? 'unknown' : 'custom' };
}

/** Who answers an error a Fastify route hands to Fastify (see the file comment). */
export function getRouteErrorAnswer(lookup: ImplementationLookup, route: ResolvedRoute): RouteErrorAnswer {
  if (route.framework !== 'fastify') return { kind: 'unknown', evidence: `${route.framework} routes do not hand errors to an error handler here` };
  return getAnswerAbove(lookup, route, route.errorHandlers?.length ?? 0);
}

/**
 * Who answers an error passed on from position `below` of the route's error handlers (the length
 * of the list for the route itself): the nearest custom handler above it that does not pass it on.
 */
function getAnswerAbove(lookup: ImplementationLookup, route: ResolvedRoute, below: number): RouteErrorAnswer {
  const handlers = route.errorHandlers ?? [];
  let relayedBy: ResolvedChainItem | undefined;
  for (let i = below - 1; i >= 0; i--) {
    const item = handlers[i]!;
    const implementation = resolveImplementation(lookup, item.file, item.node as ts.Expression);
    if (implementation.kind !== 'function' || implementation.called) {
      return { kind: 'unknown', evidence: `the error handler ${describeItem(item)} could not be read` };
    }
    const passOn = getErrorPassOn(lookup.ts, implementation.node);
    if (!passOn) return { kind: 'custom', handler: item, evidence: `the error handler ${describeItem(item)} answers` };
    if (passOn === 'send') relayedBy ??= item;
  }
  const unread = route.chain.find((item) => item.opaque !== undefined);
  if (unread) return { kind: 'unknown', evidence: `${describeItem(unread)} may set an error handler: ${unread.opaque}` };
  if (!route.complete) return { kind: 'unknown', evidence: route.incompleteReason ?? 'another file may set an error handler for it' };
  return {
    kind: 'default',
    evidence: below > 0 ? "its error handlers pass the error on to Fastify's default handler" : 'no `setErrorHandler` covers it',
    ...(relayedBy ? { relayedBy } : {}),
  };
}

/**
 * A Fastify error handler that passes on the error it received (`reply.send(error)`): the handler
 * above it answers, for each route it covers. With no route in view (a handler set in a file whose
 * routes are elsewhere, per file) the answer is `unknown`.
 */
function getErrorHandlerPassOn(ctx: AnalysisContext, fn: ts.FunctionLikeDeclaration): ErrorHandoff {
  const covered = getRoutesUnderErrorHandler(ctx, fn);
  const answers = covered.map(({ route, index }) => getAnswerAbove(ctx, route, index));
  return { from: 'error-handler', ...(answers.length > 0 ? combineAnswers(answers) : { answeredBy: 'unknown' }), routes: covered.map(({ route }) => route) };
}

const routesByErrorHandlerKey = {};
const fileModeRoutesByErrorHandler = new FileScopedWeakMap<ts.SourceFile, Map<ts.Node, CoveredRoute[]>>();

/** A route and the position of an error handler in its `errorHandlers`. */
interface CoveredRoute {
  readonly route: ResolvedRoute;
  readonly index: number;
}

/** The Fastify routes whose error handlers include `fn`: the routes of its file, or of the project. */
function getRoutesUnderErrorHandler(ctx: AnalysisContext, fn: ts.FunctionLikeDeclaration): readonly CoveredRoute[] {
  const project = ctx.project;
  if (project) {
    const map = project.memo(routesByErrorHandlerKey, () => indexByErrorHandler({ ts: ctx.ts, project }, getProjectRoutes(project)));
    return map.get(fn) ?? [];
  }
  if (fn.getSourceFile() !== ctx.sourceFile) return [];
  let map = fileModeRoutesByErrorHandler.get(ctx.sourceFile);
  if (!map) {
    map = indexByErrorHandler({ ts: ctx.ts }, getApiModel(ctx));
    fileModeRoutesByErrorHandler.set(ctx.sourceFile, map);
  }
  return map.get(fn) ?? [];
}

function indexByErrorHandler(lookup: ImplementationLookup, routes: readonly ResolvedRoute[]): Map<ts.Node, CoveredRoute[]> {
  const map = new Map<ts.Node, CoveredRoute[]>();
  for (const route of routes) {
    if (route.framework !== 'fastify') continue;
    (route.errorHandlers ?? []).forEach((item, index) => {
      const implementation = resolveImplementation(lookup, item.file, item.node as ts.Expression);
      if (implementation.kind !== 'function' || implementation.called) return;
      const list = map.get(implementation.node) ?? [];
      list.push({ route, index });
      map.set(implementation.node, list);
    });
  }
  return map;
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

/**
 * How the handler passes on the error it received (also through `const e = error`), if it does:
 * `send` for `reply.send(error)` (also after `reply.code(500)`), a response of the handler that the
 * rules see where it is; `rethrow` for `throw error` and `return error` (Fastify sends a handler's
 * result through `reply.send`), which no rule sees as a response. Each reaches the handler above.
 */
function getErrorPassOn(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): 'rethrow' | 'send' | undefined {
  const param = fn.parameters[0];
  if (!param || !fn.body) return undefined;
  if (!tsApi.isBlock(fn.body)) return isReplySendOf(tsApi, fn.body, fn, param) ? 'send' : refersTo(tsApi, fn.body, param, 0) ? 'rethrow' : undefined;
  let found: 'rethrow' | 'send' | undefined;
  walkFunctionBody(tsApi, fn.body, (node) => {
    if (found === 'send') return false;
    if (isReplySendOf(tsApi, node, fn, param)) found = 'send';
    else if ((tsApi.isThrowStatement(node) || tsApi.isReturnStatement(node)) && node.expression && refersTo(tsApi, node.expression, param, 0)) found = 'rethrow';
    return undefined;
  });
  return found;
}

/** `reply.send(error)` or `reply.code(500).send(error)` on the handler's own reply (its third parameter). */
function isReplySendOf(tsApi: TsApi, node: ts.Node, fn: ts.FunctionLikeDeclaration, param: ts.ParameterDeclaration): boolean {
  const reply = fn.parameters[2];
  if (!reply || !tsApi.isCallExpression(node) || node.arguments.length !== 1 || !refersTo(tsApi, node.arguments[0]!, param, 0)) return false;
  const callee = skipOuterExpressions(tsApi, node.expression);
  if (!tsApi.isPropertyAccessExpression(callee) || !HANDOFF_METHODS.has(callee.name.text)) return false;
  let receiver = skipOuterExpressions(tsApi, callee.expression);
  // Through chained setters: `reply.code(500).header('x', 'y').send(error)`.
  for (let depth = 0; depth < MAX_CHAIN_DEPTH && tsApi.isCallExpression(receiver); depth++) {
    const inner = skipOuterExpressions(tsApi, receiver.expression);
    if (!tsApi.isPropertyAccessExpression(inner)) return false;
    receiver = skipOuterExpressions(tsApi, inner.expression);
  }
  return tsApi.isIdentifier(receiver) && resolveIdentifier(tsApi, receiver)?.declaration === reply;
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

/**
 * True when the error handed over had its `message` replaced with fixed text before, by a statement
 * every path to the hand-off runs: `err.message = 'An error has occurred'` at the top level of the
 * function's body, ahead of the `reply.send(err)`. What Fastify's default handler then sends is that text.
 */
export function isMessageReplacedBeforeHandoff(tsApi: TsApi, sinkNode: ts.Node, payload: ts.Expression): boolean {
  const error = skipOuterExpressions(tsApi, payload);
  if (!tsApi.isIdentifier(error)) return false;
  const binding = resolveIdentifier(tsApi, error);
  if (!binding) return false;
  let fn: ts.Node | undefined = sinkNode.parent;
  while (fn && !tsApi.isFunctionLike(fn)) fn = fn.parent;
  const body = fn && (fn as ts.FunctionLikeDeclaration).body;
  if (!body || !tsApi.isBlock(body)) return false;
  return body.statements.some((statement) => {
    if (statement.end > sinkNode.getStart() || !tsApi.isExpressionStatement(statement)) return false;
    const assignment = skipOuterExpressions(tsApi, statement.expression);
    if (!tsApi.isBinaryExpression(assignment) || assignment.operatorToken.kind !== tsApi.SyntaxKind.EqualsToken) return false;
    const target = skipOuterExpressions(tsApi, assignment.left);
    if (!tsApi.isPropertyAccessExpression(target) || target.name.text !== 'message' || !tsApi.isIdentifier(target.expression)) return false;
    if (resolveIdentifier(tsApi, target.expression)?.declaration !== binding.declaration) return false;
    const value = skipOuterExpressions(tsApi, assignment.right);
    return tsApi.isStringLiteral(value) || tsApi.isNoSubstitutionTemplateLiteral(value);
  });
}
