/**
 * Whether a route relates the records it addresses by id to the caller (OWASP API1:2023, BOLA), as
 * `require-ownership-check` and the `routes` inventory's OWNERSHIP column read it.
 *
 * A route is out of scope (`not-applicable`) when it is not `protected` (unauthenticated routes are
 * `require-auth-guard`'s business), when its path addresses the caller's own record (`/me`), or when an
 * authorization item (a role guard, `requireRole('admin')`, an ownership or policy middleware) is in
 * its chain. Otherwise the handler and what it calls decide: `checked` when they use the caller's
 * identity, `unknown` when a call could not be followed, `missing` when they provably do not.
 */
import type * as ts from 'typescript';
import { createAnalysisContext, type AnalysisContext, type TsApi } from '../core/context.js';
import { findOwnershipFlows, type OwnershipFlow } from '../flow/ownership-flows.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getStaticString, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { DEFAULT_SETTINGS, type ResolvedSettings } from '../settings/schema.js';
import { ROLE_ITEM_NAME, SELF_PATH_SEGMENT, STRATEGY_ARGUMENT, type RecordOperation } from '../catalog/record-access.js';
import { WEBHOOK_PATH_PATTERN } from '../catalog/auth.js';
import type { ResolvedRoute } from './api-model.js';
import { classifyAuthExpression } from './auth-classification.js';
import { findCallerIdentityUse, type IdentityAnswer } from './caller-identity.js';
import { getHandlerOfFunction } from './handlers.js';
import { resolveImplementation } from './implementation.js';
import { getRoutePosture } from './posture.js';
import { getApiModel, getProjectRoutes } from './resolve-api-model.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export type OwnershipVerdict =
  | { readonly kind: 'not-applicable'; readonly reason: string }
  | { readonly kind: 'checked'; readonly evidence: string }
  | { readonly kind: 'unknown'; readonly evidence: string }
  | { readonly kind: 'missing'; readonly evidence: string };

/** The ownership verdict of a route whose handler addresses a record by a client-supplied id. */
export function getRouteOwnership(
  ctx: AnalysisContext | ProjectIndex,
  route: ResolvedRoute,
  handler: ts.FunctionLikeDeclaration | undefined,
  settings?: ResolvedSettings,
  operation: RecordOperation = 'update',
): OwnershipVerdict {
  const tsApi = ctx.ts;
  const project = 'sourceFile' in ctx ? ctx.project : ctx;
  const resolvedSettings = settings ?? ('sourceFile' in ctx ? ctx.settings : DEFAULT_SETTINGS);
  const posture = getRoutePosture(ctx, route, resolvedSettings);
  if (posture.posture !== 'protected') return { kind: 'not-applicable', reason: `the route is ${posture.posture}` };
  // A webhook's caller is a provider, not a user who could own records.
  if (WEBHOOK_PATH_PATTERN.test(route.fullPath)) return { kind: 'not-applicable', reason: 'a webhook' };
  const self = route.fullPath.split('/').find((segment) => SELF_PATH_SEGMENT.test(segment));
  if (self) return { kind: 'not-applicable', reason: `\`/${self}\` addresses the caller's own record` };
  const lookup = { ts: tsApi, project, settings: resolvedSettings };
  for (const item of route.chain) {
    if (item.bypassedBy) continue;
    const name = item.text.replace(/\(.*$/s, '').replace(/^.*\./, '');
    if (ROLE_ITEM_NAME.test(name)) return { kind: 'not-applicable', reason: `\`${item.text}\` restricts it to a role` };
    const effect = classifyAuthExpression(lookup, item.file, item.node as ts.Expression).effect;
    if (effect === 'authorization') return { kind: 'not-applicable', reason: `\`${item.text}\` authorizes the request` };
    if (effect === 'authentication' && namesRights(tsApi, item.node as ts.Expression)) {
      return { kind: 'not-applicable', reason: `\`${item.text}\` restricts it to the rights it names` };
    }
  }
  if (!handler) return { kind: 'unknown', evidence: 'the handler could not be read' };
  if (operation === 'read' && route.methods.every((m) => m === 'POST')) {
    // POST /articles/:slug/comments reads the parent to add a child: usually open to every caller.
    return { kind: 'not-applicable', reason: 'a POST that reads the record it adds to' };
  }
  return fromIdentity(findCallerIdentityUse({ ts: tsApi, project }, handler));
}

/**
 * An auth middleware factory called with the rights or roles it requires (`auth('getUsers')`,
 * `authenticate(['manageUsers'])`): only string arguments, none of them a strategy (`'jwt'`).
 */
function namesRights(tsApi: TsApi, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, node);
  if (!tsApi.isCallExpression(expr) || expr.arguments.length === 0) return false;
  const strings: string[] = [];
  for (const arg of expr.arguments) {
    const value = skipOuterExpressions(tsApi, arg);
    const elements = tsApi.isArrayLiteralExpression(value) ? value.elements : [value];
    for (const element of elements) {
      const text = getStaticString(tsApi, element);
      if (text === undefined) return false;
      strings.push(text);
    }
  }
  return strings.length > 0 && strings.every((text) => !STRATEGY_ARGUMENT.test(text));
}

function fromIdentity(answer: IdentityAnswer): OwnershipVerdict {
  if (answer.kind === 'uses') return { kind: 'checked', evidence: answer.evidence };
  if (answer.kind === 'unknown') return { kind: 'unknown', evidence: answer.evidence };
  const called = answer.functions - 1;
  if (called === 0) return { kind: 'missing', evidence: "the handler never uses the caller's identity" };
  return { kind: 'missing', evidence: `neither the handler nor the ${called} function${called === 1 ? '' : 's'} it calls use the caller's identity` };
}

/** The route handler a node is in (the nearest enclosing function that handles a route). */
export function getEnclosingRouteHandler(tsApi: TsApi, node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (isFunctionLike(tsApi, current) && getHandlerOfFunction(tsApi, current)?.role === 'route') return current;
  }
  return undefined;
}

const routesByHandlerKey = {};
const fileModeRoutesByHandler = new FileScopedWeakMap<ts.SourceFile, Map<ts.Node, ResolvedRoute[]>>();

/** The resolved routes whose handler is `fn`: the routes of its file, or of the project. */
export function getRoutesOfHandler(ctx: AnalysisContext, fn: ts.FunctionLikeDeclaration): readonly ResolvedRoute[] {
  const project = ctx.project;
  if (project) {
    const map = project.memo(routesByHandlerKey, () => indexByHandler(ctx.ts, project, getProjectRoutes(project)));
    return map.get(fn) ?? [];
  }
  const file = fn.getSourceFile();
  if (file !== ctx.sourceFile) return [];
  let map = fileModeRoutesByHandler.get(file);
  if (!map) {
    map = indexByHandler(ctx.ts, undefined, getApiModel(ctx));
    fileModeRoutesByHandler.set(file, map);
  }
  return map.get(fn) ?? [];
}

function indexByHandler(tsApi: TsApi, project: ProjectIndex | undefined, routes: readonly ResolvedRoute[]): Map<ts.Node, ResolvedRoute[]> {
  const map = new Map<ts.Node, ResolvedRoute[]>();
  for (const route of routes) {
    const fn = getRouteHandlerFunction(tsApi, project, route);
    if (!fn) continue;
    const list = map.get(fn) ?? [];
    list.push(route);
    map.set(fn, list);
  }
  return map;
}

/** The function a route's handler expression runs, when it can be read. */
export function getRouteHandlerFunction(tsApi: TsApi, project: ProjectIndex | undefined, route: ResolvedRoute): ts.FunctionLikeDeclaration | undefined {
  const handler = route.route.handler;
  if (!handler) return undefined;
  if (isFunctionLike(tsApi, handler)) return handler;
  const implementation = resolveImplementation({ ts: tsApi, project }, route.file, handler as ts.Expression);
  return implementation.kind === 'function' && !implementation.called ? implementation.node : undefined;
}

/** The OWNERSHIP state of a route for the inventory: `checked`, `missing`, `none` (no id-addressed record) or `unknown`. */
export interface RouteOwnershipState {
  readonly state: 'checked' | 'missing' | 'none' | 'unknown';
  readonly evidence: string;
}

const lookupsByHandlerKeys = new WeakMap<ResolvedSettings, object>();

/** Whether a route addresses a record by a client-supplied id, and if so whether it relates it to the caller. */
export function getRouteOwnershipState(index: ProjectIndex, route: ResolvedRoute, settings: ResolvedSettings): RouteOwnershipState {
  const handler = getRouteHandlerFunction(index.ts, index, route);
  if (!handler) return { state: 'unknown', evidence: 'the handler could not be read' };
  const lookups = getLookupsByHandler(index, settings).get(handler);
  if (!lookups || lookups.length === 0) return { state: 'none', evidence: 'no record is addressed by a client-supplied id' };
  const lookup = lookups[0]!;
  const verdict = getRouteOwnership(index, route, handler, settings, lookups.some((l) => l.lookup.operation !== 'read') ? 'update' : 'read');
  const what = `\`${lookup.lookup.callText}\` by \`${lookup.flow.source.label}\``;
  switch (verdict.kind) {
    case 'checked':
      return { state: 'checked', evidence: `${what}: ${verdict.evidence}` };
    case 'missing':
      return { state: 'missing', evidence: `${what}: ${verdict.evidence}` };
    case 'unknown':
      return { state: 'unknown', evidence: `${what}: ${verdict.evidence}` };
    default:
      // Role-restricted and self routes are authorized by design; others need a caller first.
      return /authoriz|role|caller's own|webhook/.test(verdict.reason)
        ? { state: 'checked', evidence: `${what}: ${verdict.reason}` }
        : { state: 'unknown', evidence: `${what}: ${verdict.reason}` };
  }
}

/** Every client-supplied id flow into a record lookup of the project, by the route handler it starts in (once per index and settings). */
function getLookupsByHandler(index: ProjectIndex, settings: ResolvedSettings): ReadonlyMap<ts.Node, readonly OwnershipFlow[]> {
  let key = lookupsByHandlerKeys.get(settings);
  if (!key) {
    key = {};
    lookupsByHandlerKeys.set(settings, key);
  }
  return index.memo(key, () => {
    const map = new Map<ts.Node, OwnershipFlow[]>();
    for (const file of index.files()) {
      const ctx = createAnalysisContext({ ts: index.ts, sourceFile: file, settings, project: index });
      let flows: OwnershipFlow[] = [];
      try {
        flows = findOwnershipFlows(ctx, { for: 'inventory' });
      } catch {
        continue; // one unreadable file does not stop the inventory
      }
      for (const found of flows) {
        const handler = getEnclosingRouteHandler(index.ts, found.flow.source.node);
        if (!handler) continue;
        const list = map.get(handler) ?? [];
        list.push(found);
        map.set(handler, list);
      }
    }
    return map;
  });
}
