/**
 * Route rate limiting: is a resolved route `limited` (a limiter runs before its handler, or the
 * handler consumes one itself), `none`, or `unknown` (code the analysis could not read, or another
 * file, could add a limiter). Read by `require-rate-limit` and by the RATE LIMIT column of the
 * `routes` inventory, so both give the same answer.
 *
 * The decision, in order:
 * 1. a `rateLimitedRoutes` pattern from the settings (a limit at a reverse proxy or gateway) limits;
 * 2. a chain item that surely runs for the route and limits (`classifyRateLimitExpression`), at any
 *    level: route, router, mount, app, Fastify hook or plugin, Nest guard (also `APP_GUARD`). A Nest
 *    `ThrottlerGuard` does not limit a route under `@SkipThrottle()`; a Fastify `@fastify/rate-limit`
 *    does not limit a route with `config: { rateLimit: false }`, and, registered with
 *    `global: false`, limits only routes with `config: { rateLimit: {...} }`;
 * 3. a handler that consumes a limiter or answers 429 itself;
 * 4. `unknown` when a limiter may run (a path filter the analysis cannot decide, an item it could not
 *    read whose name suggests a limiter, an unread router mounted on a covering path) or when the
 *    chain is not complete;
 * 5. otherwise `none` (with the limiter registered after the route, or the `@Throttle()` that no
 *    guard enforces, when there is one).
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { DEFAULT_SETTINGS, type ResolvedSettings } from '../settings/schema.js';
import { getDecoratorArguments, getDecoratorName, getDecorators, getObjectPropertyValue, skipOuterExpressions } from '../core/ast.js';
import { findThrottlerDecorator } from '../catalog/rate-limiters.js';
import { isRouterLikeName } from '../frameworks/router-names.js';
import type { ResolvedChainItem, ResolvedRoute } from './api-model.js';
import type { AuthLookup } from './auth-classification.js';
import { describeItem } from './posture.js';
import { analyzeLimiterFunction, classifyRateLimitExpression, type RateLimitVerdict } from './rate-limit-classification.js';
import { resolveImplementation } from './implementation.js';
import { matchesRoutePattern } from './route-paths.js';

export type RateLimitState = 'limited' | 'none' | 'unknown';

export interface RouteRateLimit {
  readonly state: RateLimitState;
  /** One line that says why: `loginLimiter (route, auth.ts:12): express-rate-limit`. */
  readonly evidence: string;
  /** The limiter's printable name for the inventory (`express-rate-limit`, `ThrottlerGuard`, `upstream`). */
  readonly limiter?: string;
  /** The chain item that limits (`limited`), when a chain item does. */
  readonly limitedBy?: ResolvedChainItem;
  /** A limiter attached after the route on a covering path (Express order): it never runs for the route. */
  readonly limiterRegisteredAfter?: ResolvedChainItem;
  /** What opts the route out of a limiter that would otherwise run: `@SkipThrottle()`, `config.rateLimit: false`. */
  readonly skippedBy?: string;
  /** A limit configured for the route that nothing enforces: `@Throttle()` without a `ThrottlerGuard`, `config.rateLimit` without the plugin. */
  readonly unenforcedConfig?: string;
}

/** The rate-limit state of a route, from a per-file context or a project index. */
export function getRouteRateLimit(source: AnalysisContext | ProjectIndex, route: ResolvedRoute, settings?: ResolvedSettings): RouteRateLimit {
  const lookup: AuthLookup =
    'sourceFile' in source
      ? { ts: source.ts, project: source.project, settings: settings ?? source.settings }
      : { ts: source.ts, project: source, settings: settings ?? DEFAULT_SETTINGS };
  return compute(lookup, route);
}

function compute(lookup: AuthLookup, route: ResolvedRoute): RouteRateLimit {
  const upstream = lookup.settings.rateLimitedRoutes.find((pattern) => route.methods.some((m) => matchesRoutePattern(pattern, m, route.fullPath)));
  if (upstream) return { state: 'limited', evidence: `matches the rateLimitedRoutes setting \`${upstream}\` (limited upstream)`, limiter: 'upstream' };
  const options = getRouteLimitOptions(lookup, route);
  let skippedBy: string | undefined;
  let conditional: { item: ResolvedChainItem; why: string } | undefined;
  const unknowns: { item: ResolvedChainItem; verdict: RateLimitVerdict }[] = [];
  let pluginScoped = false;
  for (const item of route.chain) {
    const verdict = classifyChainItem(lookup, item);
    if (verdict.effect === 'unknown') {
      unknowns.push({ item, verdict });
      continue;
    }
    if (verdict.effect !== 'limits') continue;
    if (verdict.row?.usage === 'guard' || (item.role === 'guard' && /throttl/i.test(item.text))) {
      if (options.skipThrottle) {
        skippedBy = options.skipThrottle;
        continue;
      }
    }
    if (verdict.row?.usage === 'register') {
      if (options.fastifyConfig === 'off') {
        skippedBy = '`config: { rateLimit: false }`';
        continue;
      }
      if (verdict.onlyConfiguredRoutes && options.fastifyConfig !== 'on') {
        pluginScoped = true;
        continue;
      }
    }
    if (item.conditional) {
      conditional ??= { item, why: item.conditional };
      continue;
    }
    return { state: 'limited', evidence: `${describeItem(item)}: ${verdict.evidence}`, limiter: verdict.limiter ?? item.text, limitedBy: item };
  }
  const handler = getHandlerVerdict(lookup, route);
  if (handler?.effect === 'limits') return { state: 'limited', evidence: `its handler limits the rate: ${handler.evidence}`, limiter: handler.limiter ?? 'handler' };
  if (conditional) return { state: 'unknown', evidence: `${describeItem(conditional.item)} may cover it: ${conditional.why}` };
  const doubt = unknowns[0];
  if (doubt) return { state: 'unknown', evidence: `${describeItem(doubt.item)}: ${doubt.verdict.evidence}` };
  if (!route.complete) return { state: 'unknown', evidence: route.incompleteReason ?? 'another file may add a limiter to its chain' };
  const later = (route.registeredAfter ?? []).find((item) => classifyChainItem(lookup, item).effect === 'limits');
  const unenforced = options.throttle ?? (options.fastifyConfig === 'on' ? '`config: { rateLimit }`' : undefined);
  return {
    state: 'none',
    evidence: later
      ? `no limiter runs before it; ${describeItem(later)} is registered after it`
      : skippedBy
        ? `${skippedBy} opts it out of the limiter`
        : pluginScoped
          ? 'the rate-limit plugin is registered with `global: false` and the route configures no limit'
          : unenforced
            ? `${unenforced} sets a limit, but no limiter enforces it`
            : 'no rate limiter in its chain',
    ...(later ? { limiterRegisteredAfter: later } : {}),
    ...(skippedBy ? { skippedBy } : {}),
    ...(unenforced && !skippedBy ? { unenforcedConfig: unenforced } : {}),
  };
}

/**
 * The verdict of one chain item. A placeholder for an unread router mounted on a covering path
 * (`app.use(apiRouter)` in per-file mode) may run its own `router.use(limiter)`: `unknown`.
 */
function classifyChainItem(lookup: AuthLookup, item: ResolvedChainItem): RateLimitVerdict {
  const verdict = classifyRateLimitExpression(lookup, item.file, item.node as ts.Expression);
  if (item.opaque && verdict.effect === 'none' && isRouterLikeName(item.text.replace(/\(.*$/s, '').replace(/^.*\./, ''))) {
    return { effect: 'unknown', evidence: `the router \`${item.text}\` was not read and may apply a limiter` };
  }
  return verdict;
}

/** The handler's own limiting: `await limiter.consume(req.ip)` or a 429 answer inside it. */
function getHandlerVerdict(lookup: AuthLookup, route: ResolvedRoute): RateLimitVerdict | undefined {
  const handler = route.route.handler;
  if (!handler) return undefined;
  const implementation = resolveImplementation(lookup, route.file, handler as ts.Expression);
  return implementation.kind === 'function' ? analyzeLimiterFunction(lookup, implementation.file, implementation.node) : undefined;
}

interface RouteLimitOptions {
  /** `@SkipThrottle()` on the route or its controller, as written. */
  readonly skipThrottle?: string;
  /** `@Throttle({...})` on the route or its controller, as written. */
  readonly throttle?: string;
  /** Fastify `config: { rateLimit }`: `on` (an object or `true`), `off` (`false`), absent. */
  readonly fastifyConfig?: 'on' | 'off';
}

/** What the route and its container say about limits: Nest throttler decorators, Fastify route `config`. */
function getRouteLimitOptions(lookup: AuthLookup, route: ResolvedRoute): RouteLimitOptions {
  const tsApi = lookup.ts;
  let skipThrottle: string | undefined;
  let throttle: string | undefined;
  // The method's decorators first: `@SkipThrottle(false)` on a method undoes the controller's.
  for (const owner of [route.route.node, route.router.node]) {
    for (const decorator of getDecorators(tsApi, owner)) {
      const name = getDecoratorName(tsApi, decorator);
      const row = name ? findThrottlerDecorator(name) : undefined;
      if (!row) continue;
      const text = decorator.getText(route.file).replace(/\s+/g, ' ').slice(0, 60);
      if (row.effect === 'configure') throttle ??= `\`${text}\``;
      else if (skipThrottle === undefined) skipThrottle = isSkipDisabled(tsApi, decorator) ? '' : `\`${text}\``;
    }
  }
  let fastifyConfig: 'on' | 'off' | undefined;
  if (route.framework === 'fastify' && tsApi.isCallExpression(route.route.node)) {
    for (const arg of route.route.node.arguments) {
      const object = skipOuterExpressions(tsApi, arg);
      if (!tsApi.isObjectLiteralExpression(object)) continue;
      const config = getObjectPropertyValue(tsApi, object, 'config');
      const configObject = config ? skipOuterExpressions(tsApi, config) : undefined;
      if (!configObject || !tsApi.isObjectLiteralExpression(configObject)) continue;
      const value = getObjectPropertyValue(tsApi, configObject, 'rateLimit');
      if (value) fastifyConfig = skipOuterExpressions(tsApi, value).kind === tsApi.SyntaxKind.FalseKeyword ? 'off' : 'on';
    }
  }
  return {
    ...(skipThrottle ? { skipThrottle } : {}),
    ...(throttle ? { throttle } : {}),
    ...(fastifyConfig ? { fastifyConfig } : {}),
  };
}

/** `@SkipThrottle(false)` and `@SkipThrottle({ default: false })` skip nothing. */
function isSkipDisabled(tsApi: AuthLookup['ts'], decorator: ts.Decorator): boolean {
  const [arg] = getDecoratorArguments(tsApi, decorator);
  if (!arg) return false;
  const value = skipOuterExpressions(tsApi, arg);
  if (value.kind === tsApi.SyntaxKind.FalseKeyword) return true;
  if (tsApi.isObjectLiteralExpression(value)) {
    return value.properties.length > 0 && value.properties.every((p) => tsApi.isPropertyAssignment(p) && p.initializer.kind === tsApi.SyntaxKind.FalseKeyword);
  }
  return false;
}
