/**
 * Route posture: is a resolved route `protected` (something in its chain authenticates or
 * authorizes), `public` on purpose, `unprotected`, or `unknown` (code the analysis could not read, or
 * another file, could change the answer). Framework-agnostic: it reads `ResolvedRoute.chain`,
 * `route.publicMarkers`, `complete` and the settings, and classifies chain items with
 * `auth-classification.ts` (the catalog in `src/catalog/auth.ts`).
 *
 * The decision, in order:
 * 1. an OPTIONS-only route (a CORS preflight) is public;
 * 2. an auth item that surely runs for the route protects it. A Nest guard that lets the route
 *    through because of its public marker (`bypassedBy`) does not; a guard that does not honour the
 *    marker still protects the route;
 * 3. public on purpose: a `// api-guard-public: reason` comment; a public marker (`@Public()`) when
 *    no guard in the chain ignores it (unless every sibling route under the same marker adds its own
 *    auth guard and this one does not: then the marker only opted out of the global guard); a
 *    `publicRoutes` pattern from the settings; a fallback route whose whole path is a wildcard; a
 *    webhook whose handler checks the delivery's signature; a catalogued public route (sign-in, sign-up, password reset, OAuth callbacks, health and status
 *    probes, API docs);
 * 4. `unknown` when auth may run (a path filter the analysis cannot decide), when an item the
 *    analysis could not read may be auth (`import { checkSession } from './session.js'` in per-file
 *    mode), or when the chain is not complete;
 * 5. otherwise `unprotected`.
 *
 * Opaque placeholders (a plugin or router registered from an unread file, which could install a hook
 * or `use` for everything) are discounted when the same file applies auth explicitly elsewhere: if
 * that code installed auth for the whole app, the explicit guards would be redundant.
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { DEFAULT_SETTINGS, type ResolvedSettings } from '../settings/schema.js';
import { getShortText, getStartLine, skipOuterExpressions } from '../core/ast.js';
import { WEBHOOK_PATH_PATTERN, findPublicRoute } from '../catalog/auth.js';
import type { ResolvedChainItem, ResolvedRoute } from './api-model.js';
import type { ChainItem } from './facts.js';
import { classifyAuthExpression, isProtectingEffect, type AuthLookup, type AuthVerdict } from './auth-classification.js';
import { getAllRoutingFacts } from './resolve-api-model.js';
import { isFallbackPath, matchesRoutePattern } from './route-paths.js';
import { getWebhookSignatureCheck } from './webhook-signature.js';
import { isRouterLikeName } from '../frameworks/router-names.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export type Posture = 'protected' | 'public' | 'unprotected' | 'unknown';

export interface RoutePosture {
  readonly posture: Posture;
  /** One line that says why: `requireAuth (mount, app.ts:31): named requireAuth`. */
  readonly evidence: string;
  /** The chain items that protect the route (`protected`). */
  readonly protectedBy?: readonly ResolvedChainItem[];
  /** Auth attached after the route on a covering path (Express order): it never runs for the route. */
  readonly authRegisteredAfter?: ResolvedChainItem;
  /** What makes the route public on purpose (`public`). */
  readonly publicReason?: 'preflight' | 'annotation' | 'marker' | 'settings' | 'fallback' | 'webhook' | 'catalog' | 'optional-auth';
  /** A webhook path whose handler shows no signature check (`unprotected`). */
  readonly unverifiedWebhook?: boolean;
}

/** The posture of a route, from a per-file context or a project index. */
export function getRoutePosture(source: AnalysisContext | ProjectIndex, route: ResolvedRoute, settings?: ResolvedSettings): RoutePosture {
  const lookup: AuthLookup =
    'sourceFile' in source
      ? { ts: source.ts, project: source.project, settings: settings ?? source.settings }
      : { ts: source.ts, project: source, settings: settings ?? DEFAULT_SETTINGS };
  return computePosture(lookup, route);
}

/**
 * The verdict of one chain item. A placeholder for an unread router mounted on a covering path
 * (`app.use(apiRouter)` in per-file mode) may run its own `router.use(auth)`: `unknown`.
 */
export function classifyChainItem(lookup: AuthLookup, item: ChainItem & { readonly file: ts.SourceFile; readonly opaque?: string }): AuthVerdict {
  const verdict = classifyAuthExpression(lookup, item.file, item.node as ts.Expression);
  if (item.opaque && verdict.effect === 'none' && isRouterLikeName(item.text.replace(/\(.*$/s, '').replace(/^.*\./, ''))) {
    return { effect: 'unknown', evidence: `the router \`${item.text}\` was not read and may apply auth` };
  }
  return verdict;
}

function computePosture(lookup: AuthLookup, route: ResolvedRoute): RoutePosture {
  const methods = route.methods;
  if (methods.length > 0 && methods.every((m) => m === 'OPTIONS')) {
    return { posture: 'public', evidence: 'an OPTIONS route (CORS preflight)', publicReason: 'preflight' };
  }
  const verdicts = route.chain.map((item) => ({ item, verdict: classifyChainItem(lookup, item) }));
  const protecting = verdicts.filter((v) => isProtectingEffect(v.verdict.effect) && !v.item.bypassedBy && !v.item.conditional);
  if (protecting.length > 0) {
    const first = protecting[0]!;
    return {
      posture: 'protected',
      evidence: `${describeItem(first.item)}: ${first.verdict.evidence}`,
      protectedBy: protecting.map((v) => v.item),
    };
  }
  if (methods.includes('ALL') && route.route.handler) {
    const handler = classifyAuthExpression(lookup, route.file, route.route.handler as ts.Expression);
    if (isProtectingEffect(handler.effect)) {
      return { posture: 'protected', evidence: `the \`all\` handler is auth middleware: ${handler.evidence}`, protectedBy: [] };
    }
  }
  const signIn = getSignInHandlerEvidence(lookup, route);
  if (signIn) return { posture: 'public', evidence: signIn, publicReason: 'catalog' };
  const markers = route.route.publicMarkers;
  const annotation = markers.find((m) => m.startsWith('//'));
  if (annotation) return { posture: 'public', evidence: `annotated \`${annotation}\``, publicReason: 'annotation' };
  const marker = markers.find((m) => !m.startsWith('//'));
  if (marker && !isMarkerOverriddenBySiblings(lookup, route, marker)) {
    const bypassed = verdicts.find((v) => v.item.bypassedBy && isProtectingEffect(v.verdict.effect));
    return {
      posture: 'public',
      evidence: bypassed ? `\`${marker}\` opts out of \`${bypassed.item.text}\` (${bypassed.item.level})` : `marked \`${marker}\``,
      publicReason: 'marker',
    };
  }
  // The root of the application's base path (`GET /api` under Nest's `setGlobalPrefix('api')`) is
  // the site root of the API: the catalogue reads it as `/`.
  const catalogPath = isBasePathRoot(route) ? '/' : route.fullPath;
  const matchPath = catalogPath.replace(/\/\?(?=\/|$)/g, '') || '/';
  if (matchPath === '/' && catalogPath !== '/') {
    // `app.get(fileUrl, ...)` in a loop: nothing says what the route serves.
    return { posture: 'unknown', evidence: 'its path is not known' };
  }
  const configured = lookup.settings.publicRoutes.find((pattern) => methods.some((m) => matchesRoutePattern(pattern, m, route.fullPath)));
  if (configured) return { posture: 'public', evidence: `matches the publicRoutes setting \`${configured}\``, publicReason: 'settings' };
  if (isFallbackPath(route.fullPath)) return { posture: 'public', evidence: 'a fallback route (its whole path is a wildcard)', publicReason: 'fallback' };
  let unverifiedWebhook = false;
  let webhookDoubt: string | undefined;
  if (WEBHOOK_PATH_PATTERN.test(matchPath)) {
    const check = getWebhookSignatureCheck(lookup, route);
    if (check.checked === 'yes') return { posture: 'public', evidence: `a webhook; its signature is checked (${check.evidence})`, publicReason: 'webhook' };
    if (check.checked === 'unknown') webhookDoubt = `a webhook whose signature check could not be read (${check.evidence})`;
    else unverifiedWebhook = true;
  }
  // A path whose only static part is `/` after dropping unknown prefixes says nothing.
  const pathIsInformative = matchPath !== '/' || catalogPath === '/';
  if (!unverifiedWebhook && !webhookDoubt && pathIsInformative) {
    const row = methods.map((m) => findPublicRoute(matchPath, m === 'ALL' ? 'GET' : m)).find((r) => r !== undefined);
    if (row) return { posture: 'public', evidence: `a ${row.reason} route, public on purpose`, publicReason: 'catalog' };
  }
  // A read route behind an optional authentication (`auth.optional`, `credentialsRequired: false`)
  // serves anonymous callers on purpose: the developer chose to identify callers without requiring it.
  const optional = methods.length > 0 && methods.every((m) => m === 'GET' || m === 'HEAD') ? verdicts.find((v) => v.verdict.optional) : undefined;
  if (optional) {
    return { posture: 'public', evidence: `a read route behind the optional authentication ${describeItem(optional.item)}`, publicReason: 'optional-auth' };
  }
  const conditional = verdicts.find((v) => isProtectingEffect(v.verdict.effect) && v.item.conditional && !v.item.bypassedBy);
  if (conditional) {
    return { posture: 'unknown', evidence: `${describeItem(conditional.item)} may cover it: ${conditional.item.conditional}` };
  }
  if (webhookDoubt) return { posture: 'unknown', evidence: webhookDoubt };
  const unknowns = verdicts.filter((v) => v.verdict.effect === 'unknown');
  const doubts = unknowns.filter((v) => !(isPlaceholder(v.item) && appliesAuthExplicitly(lookup, route.file)));
  if (doubts.length > 0) {
    const first = doubts[0]!;
    return { posture: 'unknown', evidence: `${describeItem(first.item)}: ${first.verdict.evidence}` };
  }
  if (!route.complete) return { posture: 'unknown', evidence: route.incompleteReason ?? 'another file may add to its chain' };
  const later = (route.registeredAfter ?? []).find((item) => isProtectingEffect(classifyChainItem(lookup, item).effect));
  return {
    posture: 'unprotected',
    evidence: unverifiedWebhook
      ? 'a webhook path whose handler checks no signature, and no authentication in its chain'
      : later
        ? `no authentication runs before it; ${describeItem(later)} is registered after it`
        : 'no authentication in its chain',
    ...(later ? { authRegisteredAfter: later } : {}),
    ...(unverifiedWebhook ? { unverifiedWebhook } : {}),
  };
}

/**
 * A route whose handler is itself an authentication middleware call (`app.get('/auth/twitch',
 * passport.authenticate('twitch'))`, `app.post('/login', passport.authenticate('local', {...}))`)
 * is a sign-in entry point: it starts the OAuth dance or checks the credentials it is sent, and is
 * public by nature. Only a call (a middleware factory the catalog knows): a handler function that
 * verifies a token inline is an ordinary protected or unprotected handler.
 */
function getSignInHandlerEvidence(lookup: AuthLookup, route: ResolvedRoute): string | undefined {
  const handler = route.route.handler;
  if (!handler || route.methods.includes('ALL')) return undefined;
  const expr = skipOuterExpressions(lookup.ts, handler as ts.Expression);
  if (!lookup.ts.isCallExpression(expr)) return undefined;
  const verdict = classifyAuthExpression(lookup, route.file, expr);
  if (verdict.effect !== 'authentication') return undefined;
  return `a sign-in route: its handler is the authentication middleware \`${getShortText(route.file, expr, 50)}\` itself`;
}

/** True when the route's whole path is its base path (`GET /api` with the global prefix `api`). */
function isBasePathRoot(route: ResolvedRoute): boolean {
  if (route.basePath === undefined) return false;
  const trim = (path: string): string => path.replace(/\/+$/, '');
  return trim(route.fullPath) === trim(route.basePath);
}

/**
 * A public marker shared by a whole controller (`@Public()` on the class) opts its routes out of a
 * global guard; when every other route under the same marker adds its own auth guard, the marker is
 * not a reason to leave this one open: it forgot the guard its siblings have.
 */
function isMarkerOverriddenBySiblings(lookup: AuthLookup, route: ResolvedRoute, marker: string): boolean {
  let guarded = 0;
  for (const step of route.router.steps) {
    if (step.kind !== 'route' || step.route === route.route || !step.route.publicMarkers.includes(marker)) continue;
    const protectedHere = step.route.chain.some((item) => isProtectingEffect(classifyAuthExpression(lookup, route.file, item.node as ts.Expression).effect));
    if (!protectedHere) return false;
    guarded++;
  }
  return guarded > 0;
}

/** `requireAuth (mount, app.ts:31)`. */
export function describeItem(item: ResolvedChainItem): string {
  const line = getStartLine(item.file, item.node);
  const text = item.opaque ? item.text : getShortText(item.file, item.node, 50);
  return `\`${text}\` (${item.level}, ${item.file.fileName.replace(/^.*[\\/]/, '')}:${line})`;
}

/** A linker placeholder for unread code, or a plugin registration whose code was not read. */
function isPlaceholder(item: ResolvedChainItem): boolean {
  return item.opaque !== undefined || item.hook === 'register';
}

const explicitAuthKeys = new WeakMap<object, WeakMap<ts.SourceFile, boolean>>();
const fileModeExplicitAuth = new FileScopedWeakMap<AuthLookup['settings'], WeakMap<ts.SourceFile, boolean>>();

/** True when some route or container of `file` applies an auth item explicitly. */
function appliesAuthExplicitly(lookup: AuthLookup, file: ts.SourceFile): boolean {
  let cache: WeakMap<ts.SourceFile, boolean> | undefined;
  if (lookup.project) {
    let key = explicitAuthKeys.get(lookup.settings);
    if (!key) {
      key = new WeakMap();
      explicitAuthKeys.set(lookup.settings, key);
    }
    cache = lookup.project.memo(key, () => new WeakMap<ts.SourceFile, boolean>());
  } else {
    cache = fileModeExplicitAuth.get(lookup.settings);
    if (!cache) {
      cache = new WeakMap();
      fileModeExplicitAuth.set(lookup.settings, cache);
    }
  }
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  let found = false;
  const check = (item: ChainItem): void => {
    if (!found && item.hook !== 'register' && item.role !== 'error-handler' && isProtectingEffect(classifyAuthExpression(lookup, file, item.node as ts.Expression).effect)) found = true;
  };
  for (const facts of getAllRoutingFacts({ ts: lookup.ts, project: lookup.project }, file)) {
    for (const router of facts.routers) {
      for (const step of router.steps) {
        if (step.kind === 'route') step.route.chain.forEach(check);
        else step.items.forEach(check);
      }
    }
  }
  cache.set(file, found);
  return found;
}
