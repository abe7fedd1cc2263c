/**
 * no-debug-endpoints (OWASP API9:2023, improper inventory): a route whose path says it is for
 * debugging, testing, internal use, an old version, process diagnostics or a console, reachable in
 * production: no auth guard protects it (the route posture) and no environment check gates its
 * registration (`if (process.env.NODE_ENV !== 'production')`, a debug feature flag, an early exit
 * in the handler, a `devOnly`/`localhostOnly` middleware). Also API documentation UIs (Swagger UI,
 * ReDoc, `SwaggerModule.setup`) mounted for everyone without such a check.
 */
import type * as ts from 'typescript';
import { getAccessPath, getEnclosingFunction, getObjectPropertyValue, getStaticString, isFunctionLike, skipOuterExpressions } from '../src/core/ast.js';
import type { AnalysisContext } from '../src/core/context.js';
import type { Finding, FindingSeverity } from '../src/core/finding.js';
import { getFileBindings } from '../src/core/bindings.js';
import { forEachNodeOfKinds } from '../src/core/walk.js';
import { EXPOSURE_FLAG_PATTERN, EXPOSURE_GATE_MIDDLEWARE, findApiDocsUi, findDebugPath, type DebugEndpointKind } from '../src/catalog/debug-endpoints.js';
import type { ResolvedRoute } from '../src/model/api-model.js';
import { classifyAuthExpression, isProtectingEffect, type AuthLookup } from '../src/model/auth-classification.js';
import { getDominatingConditions } from '../src/model/dominating-conditions.js';
import { classifyEnvironmentCondition, isDevelopmentOnly } from '../src/model/environment-guards.js';
import type { RouteFact } from '../src/model/facts.js';
import { resolveImplementation } from '../src/model/implementation.js';
import { resolveConstString } from '../src/model/const-value.js';
import { getRoutePosture } from '../src/model/posture.js';
import { getApiModel, getProjectRoutes } from '../src/model/resolve-api-model.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';
import { FileScopedWeakMap } from '../src/core/file-scoped-cache.js';
import { getCallSitesOf } from '../src/flow/call-sites.js';

export type Options = [
  {
    apiDocs?: 'report' | 'ignore';
  },
];

export type MessageIds = 'debugRoute' | 'apiDocsExposed';

/** Test files (`*.test.ts`, `__tests__/`) build throwaway apps: their routes are not the API. */
const TEST_FILE_PATH = /\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$|[\\/](?:__tests__|__mocks__)[\\/]/i;

const KIND_TEXT: Record<DebugEndpointKind, string> = {
  debug: 'a debug endpoint',
  test: 'a test endpoint',
  internal: 'an internal endpoint',
  'old-version': 'an old API version',
  diagnostics: 'a diagnostics endpoint that exposes the process',
  console: 'a console that runs code',
  'admin-console': 'an admin console page',
};

export default defineApiRule<Options, MessageIds>({
  name: 'no-debug-endpoints',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow debug, test, internal, old-version and diagnostics routes and API docs UIs reachable in production without auth or an environment check',
      recommended: 'recommended',
      cwe: ['CWE-489', 'CWE-1059'],
      owasp: ['API9:2023'],
      precision: 'medium',
      securitySeverity: 6.5,
    },
    messages: {
      debugRoute:
        '{{route}} looks like {{what}} (segment `{{segment}}`) and is reachable in production: no auth guard protects it and no environment check gates its registration. Register it only outside production (an `if` on `NODE_ENV` around it), put it behind an auth guard, or remove it.',
      apiDocsExposed:
        '{{ui}} serves the API documentation at {{path}} to everyone: no environment check gates it and no auth guard protects it, so every route, internal ones included, is listed publicly. Mount it only outside production, or put it behind an auth guard.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          apiDocs: {
            type: 'string',
            enum: ['report', 'ignore'],
            description:
              'API documentation UIs (Swagger UI, ReDoc, `SwaggerModule.setup`) mounted without an environment check or auth: report them as warnings (`report`) or not at all (`ignore`, for APIs whose docs are public on purpose).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ apiDocs: 'report' }],
  detect(ctx, [options]) {
    const findings: Finding[] = [];
    if (TEST_FILE_PATH.test(ctx.sourceFile.fileName)) return findings;
    const reported = new Set<RouteFact>();
    for (const route of getApiModel(ctx)) {
      if (reported.has(route.route)) continue;
      const match = findDebugPath(route.fullPath, route.methods);
      if (!match) continue;
      // `/v0` is old only next to a newer version; an API whose only version is v0 is current.
      if (match.row.name === 'version-zero' && !hasNewerVersion(ctx)) continue;
      if (getRoutePosture(ctx, route).posture !== 'unprotected' || !route.complete) continue;
      if (isGated(ctx, route)) continue;
      reported.add(route.route);
      findings.push({
        messageId: 'debugRoute',
        data: { route: `${route.methods.join('|')} ${route.fullPath}`, what: KIND_TEXT[match.row.kind], segment: match.segment },
        node: route.route.reportNode,
        severity: match.row.severity,
        fingerprint: ['no-debug-endpoints', route.methods.join('|'), route.fullPath],
      });
    }
    if (options.apiDocs !== 'ignore') findings.push(...findApiDocsMounts(ctx));
    return findings;
  },
});

const newerVersionKey = {};
const fileModeNewerVersion = new FileScopedWeakMap<ts.SourceFile, boolean>();
const NEWER_VERSION_SEGMENT = /\/v(?:[1-9]\d*)(?:\.\d+)*(?:\/|$)/i;

/** True when a route of the project (or, per file, of this file) lives under `/v1` or later. */
function hasNewerVersion(ctx: AnalysisContext): boolean {
  if (ctx.project) {
    const project = ctx.project;
    return project.memo(newerVersionKey, () => getProjectRoutes(project).some((route) => NEWER_VERSION_SEGMENT.test(route.fullPath)));
  }
  let known = fileModeNewerVersion.get(ctx.sourceFile);
  if (known === undefined) {
    known = getApiModel(ctx).some((route) => NEWER_VERSION_SEGMENT.test(route.fullPath));
    fileModeNewerVersion.set(ctx.sourceFile, known);
  }
  return known;
}

/** An environment check or exposure flag dominates the route's registration, one of its mounts, or its handler's end; or a dev-only middleware runs first. */
function isGated(ctx: AnalysisContext, route: ResolvedRoute): boolean {
  const tsApi = ctx.ts;
  const nodes: ts.Node[] = [route.route.node, ...route.mountedAt];
  if (route.framework === 'nest') nodes.push(route.router.node);
  const handlerEnd = getHandlerLastStatement(ctx, route);
  if (handlerEnd) nodes.push(handlerEnd);
  if (nodes.some((node) => isGatedNode(tsApi, node))) return true;
  return route.chain.some((item) => {
    const name = (getAccessPath(tsApi, calleeOf(tsApi, item.node as ts.Expression)) ?? item.text).replace(/^.*\./, '');
    return EXPOSURE_GATE_MIDDLEWARE.test(name);
  });
}

function calleeOf(tsApi: AnalysisContext['ts'], expr: ts.Expression): ts.Expression {
  const inner = skipOuterExpressions(tsApi, expr);
  return tsApi.isCallExpression(inner) ? skipOuterExpressions(tsApi, inner.expression) : inner;
}

/** True when an environment check that holds only outside production, or an exposure flag, dominates `node`. */
function isGatedNode(tsApi: AnalysisContext['ts'], node: ts.Node): boolean {
  if (isDevelopmentOnly(tsApi, node)) return true;
  return getDominatingConditions(tsApi, node).some((dominating) => {
    if (dominating.kind === 'case') return false;
    // `if (isProd) return` before the route is an environment check too: isDevelopmentOnly decided it.
    if (classifyEnvironmentCondition(tsApi, dominating.condition)) return false;
    return EXPOSURE_FLAG_PATTERN.test(dominating.condition.getText());
  });
}

/** The last statement of a handler written here: an early `if (isProd) return res.sendStatus(404)` dominates it. */
function getHandlerLastStatement(ctx: AnalysisContext, route: ResolvedRoute): ts.Node | undefined {
  const handler = route.route.handler;
  if (!handler || route.file !== ctx.sourceFile) return undefined;
  const tsApi = ctx.ts;
  const implementation = resolveImplementation({ ts: tsApi, project: ctx.project }, route.file, handler as ts.Expression);
  const fn = implementation.kind === 'function' ? implementation.node : isFunctionLike(tsApi, handler) ? handler : undefined;
  if (!fn?.body || !tsApi.isBlock(fn.body)) return undefined;
  return fn.body.statements[fn.body.statements.length - 1];
}

/** Swagger UI, ReDoc and `SwaggerModule.setup` mounts in this file that nothing gates or protects. */
function findApiDocsMounts(ctx: AnalysisContext): Finding[] {
  const tsApi = ctx.ts;
  const file = ctx.sourceFile;
  const bindings = getFileBindings(tsApi, file);
  if (![...bindings.imports.values()].some((binding) => findApiDocsUi(binding.module)) && !/swagger|redoc|api-reference/i.test(file.text)) return [];
  const lookup: AuthLookup = { ts: tsApi, project: ctx.project, settings: ctx.settings };
  const findings: Finding[] = [];
  const protectedPaths: string[] = [];
  const mounts: { call: ts.CallExpression; ui: string; path: string }[] = [];
  forEachNodeOfKinds(tsApi, file, [tsApi.SyntaxKind.CallExpression], (node) => {
    if (!tsApi.isCallExpression(node)) return undefined;
    const callee = skipOuterExpressions(tsApi, node.expression);
    if (!tsApi.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    const args = node.arguments;
    if (method === 'use') {
      const path = getStaticString(tsApi, args[0]);
      const items = path === undefined ? args : args.slice(1);
      const ui = items.map((arg) => getDocsPackage(ctx, arg)).find((row) => row?.mount === 'express-middleware');
      const guarded = items.some((arg) => isProtectingEffect(classifyAuthExpression(lookup, file, arg).effect));
      if (guarded) protectedPaths.push(path ?? '/');
      else if (ui) mounts.push({ call: node, ui: ui.name, path: path ?? '/' });
    } else if (method === 'register' && args[0]) {
      const ui = getDocsPackage(ctx, args[0]);
      if (ui?.mount !== 'fastify-plugin') return undefined;
      const opts = args[1] ? skipOuterExpressions(tsApi, args[1]) : undefined;
      const object = opts && tsApi.isObjectLiteralExpression(opts) ? opts : undefined;
      // `uiHooks: { onRequest: auth }` protects the UI.
      if (object && getObjectPropertyValue(tsApi, object, 'uiHooks')) return undefined;
      const prefix = object ? resolveConstString({ ts: tsApi, file, project: ctx.project }, getObjectPropertyValue(tsApi, object, 'routePrefix')) : undefined;
      mounts.push({ call: node, ui: ui.name, path: prefix ?? '/documentation' });
    } else if (method === 'setup' && args.length >= 2) {
      const owner = resolveImplementation(lookup, file, callee.expression);
      if (owner.kind !== 'package' || findApiDocsUi(owner.module)?.mount !== 'nest-setup' || owner.imported !== 'SwaggerModule') return undefined;
      const path = resolveConstString({ ts: tsApi, file, project: ctx.project }, args[0]);
      mounts.push({ call: node, ui: '`SwaggerModule.setup`', path: path === undefined ? '?' : `/${path.replace(/^\/+/, '')}` });
    }
    return undefined;
  });
  for (const mount of mounts) {
    if (isGatedNode(tsApi, mount.call) || isGatedAtEveryCall(ctx, mount.call)) continue;
    if (protectedPaths.some((p) => p === '/' || mount.path === p || mount.path.startsWith(`${p.replace(/\/+$/, '')}/`))) continue;
    const severity: FindingSeverity = 'warning';
    findings.push({
      messageId: 'apiDocsExposed',
      data: { ui: mount.ui.startsWith('`') ? mount.ui : `\`${mount.ui}\``, path: `\`${mount.path}\`` },
      node: mount.call,
      severity,
      fingerprint: ['no-debug-endpoints', 'api-docs', mount.path],
    });
  }
  return findings;
}

/**
 * The mount sits in a setup helper whose every call is gated: `if (config.documentationEnabled)
 * setupSwagger(app)`, with `setupSwagger` in this file or, with the project index, another. One
 * level of helper; a helper nobody calls (in view) is not gated.
 */
function isGatedAtEveryCall(ctx: AnalysisContext, node: ts.Node): boolean {
  const fn = getEnclosingFunction(ctx.ts, node);
  if (!fn) return false;
  const calls = getCallSitesOf(ctx.ts, fn, ctx.sourceFile, ctx.project);
  return calls.length > 0 && calls.every((call) => isGatedNode(ctx.ts, call));
}

function getDocsPackage(ctx: AnalysisContext, arg: ts.Expression): ReturnType<typeof findApiDocsUi> {
  const implementation = resolveImplementation({ ts: ctx.ts, project: ctx.project }, ctx.sourceFile, arg);
  return implementation.kind === 'package' ? findApiDocsUi(implementation.module) : undefined;
}
