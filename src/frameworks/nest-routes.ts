/**
 * Nest routes resolved into full paths and whole chains.
 *
 * Full path = global prefix (unless excluded) + URI version + `RouterModule` path + controller path
 * + method path. Chain, in Nest's execution order: application middleware (`app.use`,
 * `consumer.apply(...).forRoutes(...)`), guards (global, controller, route), interceptors, pipes,
 * then filters. A guard that reads a route's public-marker key is kept with `bypassedBy`.
 *
 * A route is `complete` when the application(s) serving its controller were found through the
 * module graph (or by directory, see `nest-apps.ts`), and their bootstrap and providers were fully
 * read. Per-file mode finds an application only when the file bootstraps it itself and its whole
 * module graph stays in the file; otherwise global enhancers live in another file and the route is
 * not complete (`incompleteReason` says why).
 */
import type * as ts from 'typescript';
import type { ResolvedChainItem, ResolvedRoute } from '../model/api-model.js';
import type { ChainLevel, RouteFact, RouterFact } from '../model/facts.js';
import type { NestEnhancerRole } from '../catalog/nest.js';
import type { RoutingScope } from './adapter.js';
import { getNestAppsOfController, type NestAppGraph } from './nest-apps.js';
import type { NestGlobalPrefix } from './nest-bootstrap.js';
import { NEST_VERSION_NEUTRAL, getNestControllers, type NestControllerModel, type NestRouteModel } from './nest-controllers.js';
import { getEnhancerText, type NestEnhancerUse, type NestExpressionIn, type NestPublicMarker } from './nest-decorators.js';
import { doesGuardHonourMarker } from './nest-guards.js';
import { joinRoutePath, type NestMiddlewareTarget } from './nest-modules.js';
import { resolveNestExpression, getSymbolClass } from './nest-symbols.js';

/** Ids shared by the facts and the resolved routes. */
export function getNestControllerId(controller: NestControllerModel): string {
  return `nest:${controller.name}@${controller.node.getStart(controller.file)}`;
}

export function getNestRouteId(controller: NestControllerModel, route: NestRouteModel): string {
  return `${getNestControllerId(controller)}#${route.name}@${route.method.getStart(controller.file)}`;
}

const ROLE_ORDER: readonly NestEnhancerRole[] = ['guard', 'interceptor', 'pipe', 'filter'];

interface PendingItem extends NestExpressionIn {
  readonly role: ResolvedChainItem['role'];
  readonly text: string;
  readonly level: ChainLevel;
  readonly opaque?: string;
}

/** The routes `file` declares, resolved. `routers` are the facts' controllers, matched by id. */
export function resolveNestRoutes(
  scope: RoutingScope,
  file: ts.SourceFile,
  routers: readonly RouterFact[],
): ResolvedRoute[] {
  const out: ResolvedRoute[] = [];
  const routerById = new Map(routers.map((r) => [r.id, r]));
  for (const controller of getNestControllers(scope, file)) {
    const router = routerById.get(getNestControllerId(controller));
    if (!router) continue;
    const apps = getNestAppsOfController(scope, controller.node);
    const incompleteReason = apps.known ? undefined : getIncompleteReason(scope, apps.apps);
    // A controller that two applications serve (a public API and an internal port) has a route in
    // each: with each application's prefix, middleware and global guards.
    const servingApps: readonly (NestAppGraph | undefined)[] = apps.apps.length > 0 ? apps.apps : [undefined];
    for (const app of servingApps) {
      for (const route of controller.routes) {
        const routeId = getNestRouteId(controller, route);
        const fact = router.steps.find((s): s is { kind: 'route'; route: RouteFact } => s.kind === 'route' && s.route.id === routeId)?.route;
        if (!fact) continue;
        const localPath = joinRoutePath(pathOrUnknown(controller.paths[0]), pathOrUnknown(route.paths[0]));
        const items: PendingItem[] = [];
        if (app) items.push(...getAppItems(scope, app, controller, route, localPath));
        items.push(...controller.enhancers.map((e) => toPending(e, 'controller')));
        items.push(...route.enhancers.map((e) => toPending(e, 'route')));
        const markers = [...controller.publicMarkers, ...route.publicMarkers];
        const chain = orderChain(items).map((item) => toResolved(scope, item, markers));
        out.push({
          framework: 'nest',
          route: fact,
          router,
          file,
          methods: [route.httpMethod],
          ...buildFullPath(app, controller, route, localPath),
          chain,
          complete: incompleteReason === undefined,
          mountedAt: app ? [app.bootstrap.call] : [],
          ...(incompleteReason ? { incompleteReason } : {}),
        });
      }
    }
  }
  return out;
}

function pathOrUnknown(path: string | undefined): string {
  return path === undefined ? '?' : path;
}

/** Why the chain of a controller's routes may be missing global enhancers. */
function getIncompleteReason(scope: RoutingScope, apps: readonly NestAppGraph[]): string {
  if (!scope.project && apps.length === 0) return 'global guards and pipes are registered in another file (per-file mode)';
  if (apps.length === 0) return 'no Nest application found registers this controller';
  for (const app of apps) {
    if (!app.rootModule) return `the root module of ${describeFile(app.bootstrap.file)} was not found`;
    const unknown = app.bootstrap.unknownConfiguration[0];
    if (unknown) return unknown;
    if (app.unreadProviders.length > 0) return `the providers of ${app.unreadProviders[0]} could not be read; one may be an APP_GUARD`;
  }
  return 'the application imports modules from other files (per-file mode)';
}

function describeFile(file: ts.SourceFile): string {
  return file.fileName.replace(/\\/g, '/').split('/').slice(-2).join('/');
}

function toPending(enhancer: NestEnhancerUse, level: ChainLevel): PendingItem {
  return { file: enhancer.file, node: enhancer.node, role: enhancer.role, text: enhancer.text, level, opaque: enhancer.opaque };
}

/** Application middleware that matches the route, then the application's global enhancers. */
function getAppItems(
  scope: RoutingScope,
  app: NestAppGraph,
  controller: NestControllerModel,
  route: NestRouteModel,
  localPath: string,
): PendingItem[] {
  const items: PendingItem[] = [];
  const prefixed = joinRoutePath(app.bootstrap.globalPrefix?.prefix ?? '', localPath);
  for (const use of app.bootstrap.middleware) {
    if (use.path !== undefined && !pathStartsWith(prefixed, use.path)) continue;
    // A list of paths: only those it can read (one it cannot is not taken to cover the route).
    if (use.paths && !use.paths.some((path) => path !== undefined && pathStartsWith(prefixed, path))) continue;
    for (const item of use.items) items.push({ ...item, role: 'middleware', text: getEnhancerText(scope.ts, item.file, item.node), level: 'app' });
  }
  for (const binding of app.middleware) {
    const applies = binding.forRoutes.some((t) => targetMatches(scope, t, controller, route, localPath, 'forRoutes'));
    const excluded = binding.exclude.some((t) => targetMatches(scope, t, controller, route, localPath, 'exclude'));
    if (!applies || excluded) continue;
    for (const item of binding.middleware) items.push({ ...item, role: 'middleware', text: getEnhancerText(scope.ts, item.file, item.node), level: 'app' });
  }
  for (const enhancer of app.globalEnhancers) {
    items.push({ file: enhancer.file, node: enhancer.node, role: enhancer.role, text: enhancer.text, level: 'global', opaque: enhancer.opaque });
  }
  return items;
}

/**
 * Whether a `forRoutes`/`exclude` target matches the route. When the answer is not known, the use
 * decides: middleware is taken to apply, an exclusion is taken not to.
 */
function targetMatches(
  scope: RoutingScope,
  target: NestMiddlewareTarget,
  controller: NestControllerModel,
  route: NestRouteModel,
  localPath: string,
  use: 'forRoutes' | 'exclude',
): boolean {
  const whenUnknown = use === 'forRoutes';
  if (target.kind === 'unknown') return whenUnknown;
  if (target.kind === 'controller') {
    const symbol = resolveNestExpression(scope, target.expression.file, target.expression.node);
    const node = getSymbolClass(scope.ts, symbol);
    return node ? node === controller.node : whenUnknown;
  }
  if (target.path === undefined) return whenUnknown;
  if (target.method && target.method !== 'ALL' && target.method !== route.httpMethod) return false;
  return use === 'exclude' ? matchesExcludedPath(target.path, localPath) : matchesRoutePattern(target.path, localPath);
}

/**
 * An `exclude` entry matches a whole route path, so `exclude: ['/']` leaves out the root route
 * only; `forRoutes('/')`, by contrast, covers every route, as Express's `use('/')` does.
 */
function matchesExcludedPath(pattern: string, path: string): boolean {
  if (joinRoutePath(pattern) === '') return joinRoutePath(path) === '';
  return matchesRoutePattern(pattern, path);
}

/** Nest/path-to-regexp style patterns: `users`, `users/*`, `*`, `(.*)`, `users/:id`, `{*splat}`. */
export function matchesRoutePattern(pattern: string, path: string): boolean {
  const normalizedPattern = joinRoutePath(pattern);
  const normalizedPath = joinRoutePath(path);
  if (normalizedPattern === '' || /^(\*|\(\.\*\)|\{\*[^}]*\}|\*[a-z]+)$/i.test(normalizedPattern)) return true;
  const source = normalizedPattern
    .split('/')
    .map((segment) => {
      if (segment === '*' || segment === '(.*)' || /^\{?\*[^/]*\}?$/.test(segment)) return '.*';
      if (segment.startsWith(':')) return '[^/]+';
      return segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    })
    .join('/');
  return new RegExp(`^${source}$`).test(normalizedPath);
}

function pathStartsWith(path: string, prefix: string): boolean {
  const p = joinRoutePath(prefix);
  return p === '' || path === p || path.startsWith(`${p}/`);
}

function orderChain(items: readonly PendingItem[]): PendingItem[] {
  const middleware = items.filter((i) => i.role === 'middleware');
  const rest = ROLE_ORDER.flatMap((role) => items.filter((i) => i.role === role));
  return [...middleware, ...rest];
}

function toResolved(scope: RoutingScope, item: PendingItem, markers: readonly NestPublicMarker[]): ResolvedChainItem {
  const resolved: ResolvedChainItem = {
    node: item.node,
    text: item.text,
    role: item.role,
    level: item.level,
    file: item.file,
    ...(item.opaque ? { opaque: item.opaque } : {}),
  };
  if (item.role !== 'guard' || markers.length === 0 || item.opaque) return resolved;
  const honoured = markers.find((marker) => doesGuardHonourMarker(scope, item, marker) === 'yes');
  return honoured ? { ...resolved, bypassedBy: honoured.text } : resolved;
}

/** The full path, and the global prefix it starts with (`basePath`) when the route is under one. */
function buildFullPath(
  app: NestAppGraph | undefined,
  controller: NestControllerModel,
  route: NestRouteModel,
  localPath: string,
): Pick<ResolvedRoute, 'fullPath' | 'basePath'> {
  const parts: string[] = [];
  const prefix = app?.bootstrap.globalPrefix;
  const basePath = prefix && !isExcludedFromPrefix(prefix, route, localPath) ? joinRoutePath(pathOrUnknown(prefix.prefix)) : '';
  if (basePath !== '') parts.push(basePath);
  const versioning = app?.bootstrap.versioning;
  if (versioning?.type === 'uri') {
    const version = route.versions[0] ?? controller.versions[0] ?? versioning.defaultVersions[0];
    if (version !== undefined && version !== NEST_VERSION_NEUTRAL) parts.push(`${versioning.prefix}${version}`);
  }
  if (app) {
    const module = app.controllers.get(controller.node);
    if (module && app.routerPrefixes.has(module.node)) parts.push(pathOrUnknown(app.routerPrefixes.get(module.node)));
  }
  parts.push(localPath);
  const fullPath = `/${joinRoutePath(...parts)}`;
  return basePath === '' ? { fullPath } : { fullPath, basePath: `/${basePath}` };
}

/** `setGlobalPrefix('api', { exclude: ['health', { path: 'metrics', method: RequestMethod.GET }] })`. */
function isExcludedFromPrefix(prefix: NestGlobalPrefix, route: NestRouteModel, localPath: string): boolean {
  return prefix.exclude.some(
    (target) =>
      target.kind === 'path' &&
      target.path !== undefined &&
      (!target.method || target.method === 'ALL' || target.method === route.httpMethod) &&
      matchesExcludedPath(target.path, localPath),
  );
}
