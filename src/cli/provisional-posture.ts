/**
 * PROVISIONAL: the route posture the inventory shows until the routing model's
 * `getRoutePosture` lands in `src/model/`. It reads only what `ResolvedRoute` states: a public
 * marker or a `publicRoutes` setting makes a route public, a guard that is not bypassed protects
 * it, an incomplete chain is unknown, anything else is unprotected. Replace the default source in
 * `default-route-source.ts` with the model's function when it exists, so `routes` and
 * `require-auth-guard` read one answer.
 */
import type { ResolvedRoute } from '../model/api-model.js';
import { matchesNameList, type ResolvedSettings } from '../settings/schema.js';
import type { RoutePosture } from './route-inventory.js';

const AUTH_LIKE = /auth|guard|jwt|passport|session|token|signed|apikey|api-key|api_key|permission|role|acl|protect|verify|bearer|oauth/i;

/** Matches a route path against `publicRoutes` patterns: `*` one segment, `**` any depth, or `/regex/`. */
export function matchesPublicRoutePattern(routePath: string, patterns: readonly string[]): boolean {
  for (const pattern of patterns) {
    if (pattern.startsWith('/') && pattern.length > 2 && pattern.lastIndexOf('/') > 0 && /\/[a-z]*$/.test(pattern) && /[\\^$()|[\]+?]/.test(pattern)) {
      if (matchesNameList(routePath, [pattern])) return true;
      continue;
    }
    const source = pattern
      .split('**')
      .map((part) => part.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
      .join('.*');
    if (new RegExp(`^${source}/?$`).test(routePath)) return true;
  }
  return false;
}

export function getProvisionalPosture(route: ResolvedRoute, settings: ResolvedSettings): RoutePosture {
  if (route.route.publicMarkers.length > 0) return { state: 'public', reason: route.route.publicMarkers.join(', ') };
  if (matchesPublicRoutePattern(route.fullPath, settings.publicRoutes)) return { state: 'public', reason: 'publicRoutes setting' };
  const guards = route.chain.filter(
    (item) => !item.bypassedBy && (item.role === 'guard' || AUTH_LIKE.test(item.text) || matchesNameList(item.text, settings.authMiddleware)),
  );
  if (guards.length > 0) return { state: 'protected', reason: guards.map((g) => g.text).join(', ') };
  if (!route.complete) return { state: 'unknown', reason: 'another file could add to the chain' };
  return { state: 'unprotected' };
}
