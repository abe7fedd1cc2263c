/**
 * require-rate-limit (CWE-307, CWE-770): a sign-in, password-reset, one-time-code or sign-up route
 * that no rate limiter protects. A limiter is whatever limits before the handler, at any level
 * (route, router, mount, app, Fastify hook or plugin, Nest guard including `APP_GUARD`), or inside
 * the handler (`limiter.consume(key)`). Routes whose limiter another file could add (the chain is
 * not complete) and routes declared limited upstream (`rateLimitedRoutes`) are not reported.
 */
import type * as ts from 'typescript';
import { getAccessPath, getPropertyNameText, getStartLine, isFunctionLike, skipOuterExpressions } from '../src/core/ast.js';
import type { AnalysisContext } from '../src/core/context.js';
import type { Finding, FindingSeverity, RelatedLocation } from '../src/core/finding.js';
import { walkDescendants } from '../src/core/walk.js';
import { WEBHOOK_PATH_PATTERN } from '../src/catalog/auth.js';
import { findBruteForceHandlerName, findBruteForcePath, type BruteForceTargetKind } from '../src/catalog/account-endpoints.js';
import { isPasswordCheck } from '../src/model/account-answers.js';
import type { ResolvedRoute } from '../src/model/api-model.js';
import type { RouteFact } from '../src/model/facts.js';
import { getRoutePosture } from '../src/model/posture.js';
import { getRouteRateLimit, type RouteRateLimit } from '../src/model/rate-limit-posture.js';
import { getApiModel } from '../src/model/resolve-api-model.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';

export type Options = [
  {
    endpoints?: BruteForceTargetKind[];
  },
];

export type MessageIds = 'missingRateLimit' | 'limiterAfterRoute' | 'limiterSkipped' | 'unenforcedLimit';

const ENDPOINT_KINDS: readonly BruteForceTargetKind[] = ['login', 'password-reset', 'otp', 'signup'];
/** Test files (`auth.test.ts`, `app.e2e-spec.ts`) build throwaway apps: their routes are not the API. */
const TEST_FILE_NAME = /\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/i;

const KIND_LABEL: Record<BruteForceTargetKind, string> = {
  login: 'sign-in',
  'password-reset': 'password-reset',
  otp: 'one-time-code',
  signup: 'sign-up',
};

const ATTACK: Record<BruteForceTargetKind, string> = {
  login: 'passwords can be guessed and leaked credentials stuffed without limit',
  'password-reset': 'reset tokens can be guessed and reset mails sent in bulk',
  otp: 'a one-time code can be tried until it matches',
  signup: 'accounts can be created in bulk',
};

export default defineApiRule<Options, MessageIds>({
  name: 'require-rate-limit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a rate limiter on sign-in, password-reset, one-time-code and sign-up routes (Express, Fastify, NestJS)',
      recommended: 'strict',
      cwe: ['CWE-307', 'CWE-770'],
      owasp: ['API4:2023', 'API6:2023'],
      precision: 'medium',
      securitySeverity: 7.5,
    },
    messages: {
      missingRateLimit: '{{route}} is a {{kind}} endpoint with no rate limiter: nothing in its chain ({{chain}}) limits how often a client may call it, so {{attack}}. Add a limiter on the route or its router (express-rate-limit, @fastify/rate-limit, the @nestjs/throttler guard).',
      limiterAfterRoute: '{{route}} is a {{kind}} endpoint with no rate limiter: {{limiter}} is registered after it ({{where}}), so it never runs for this route. Register the limiter before the route.',
      limiterSkipped: '{{route}} is a {{kind}} endpoint, and {{skip}} opts it out of the rate limiter, so {{attack}}. Remove the opt-out, or give the route its own limit.',
      unenforcedLimit: '{{route}} is a {{kind}} endpoint whose {{config}} sets a limit that nothing enforces ({{hint}}).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          endpoints: {
            type: 'array',
            items: { type: 'string', enum: [...ENDPOINT_KINDS] },
            uniqueItems: true,
            description: 'Which endpoints need a limiter: `login` (sign-in, token), `password-reset`, `otp` (one-time and MFA codes), `signup`. Default: all four.',
          },
        },
      },
    ],
  },
  defaultOptions: [{ endpoints: [...ENDPOINT_KINDS] }],
  detect(ctx, [options]) {
    const findings: Finding[] = [];
    if (TEST_FILE_NAME.test(ctx.sourceFile.fileName)) return findings;
    const wanted = new Set(options.endpoints ?? ENDPOINT_KINDS);
    const reported = new Set<RouteFact>();
    for (const route of getApiModel(ctx)) {
      if (reported.has(route.route) || !route.complete) continue;
      const target = getBruteForceTarget(ctx, route);
      if (!target || !wanted.has(target.kind)) continue;
      const limit = getRouteRateLimit(ctx, route);
      if (limit.state !== 'none') continue;
      reported.add(route.route);
      findings.push(toFinding(ctx, route, target.kind, limit));
    }
    return findings;
  },
});

interface BruteForceTarget {
  readonly kind: BruteForceTargetKind;
  readonly by: 'path' | 'handler-name' | 'password-check';
}

/** Why a route is a brute-force target: its path, its handler's name, or a handler that checks a password (not a webhook's signature). */
function getBruteForceTarget(ctx: AnalysisContext, route: ResolvedRoute): BruteForceTarget | undefined {
  const byPath = findBruteForcePath(route.fullPath, route.methods);
  if (byPath) return { kind: byPath.kind, by: 'path' };
  const handlerName = getHandlerName(ctx, route);
  const byName = handlerName ? findBruteForceHandlerName(handlerName, route.methods) : undefined;
  if (byName) return { kind: byName.kind, by: 'handler-name' };
  // A handler that compares a password signs in, whatever its path; behind auth it changes a password.
  if (!route.methods.some((m) => m !== 'GET' && m !== 'HEAD' && m !== 'OPTIONS' && m !== 'DELETE')) return undefined;
  const handler = getHandlerFunction(ctx, route);
  if (handler && !WEBHOOK_PATH_PATTERN.test(route.fullPath) && comparesPassword(ctx, handler) && getRoutePosture(ctx, route).posture !== 'protected') return { kind: 'login', by: 'password-check' };
  return undefined;
}

function getHandlerName(ctx: AnalysisContext, route: ResolvedRoute): string | undefined {
  const handler = route.route.handler;
  if (!handler) return undefined;
  const tsApi = ctx.ts;
  if (tsApi.isMethodDeclaration(handler)) return getPropertyNameText(tsApi, handler.name);
  if (tsApi.isFunctionDeclaration(handler) || tsApi.isFunctionExpression(handler)) return handler.name?.text;
  if (isFunctionLike(tsApi, handler)) return undefined;
  const path = getAccessPath(tsApi, skipOuterExpressions(tsApi, handler as ts.Expression));
  return path?.replace(/^.*\./, '');
}

function getHandlerFunction(ctx: AnalysisContext, route: ResolvedRoute): ts.FunctionLikeDeclaration | undefined {
  const handler = route.route.handler;
  if (!handler || route.file !== ctx.sourceFile) return undefined;
  const tsApi = ctx.ts;
  const expr = skipOuterExpressions(tsApi, handler as ts.Expression);
  return isFunctionLike(tsApi, expr) ? expr : undefined;
}

function comparesPassword(ctx: AnalysisContext, fn: ts.FunctionLikeDeclaration): boolean {
  let found = false;
  if (!fn.body) return false;
  walkDescendants(ctx.ts, fn.body, (node) => {
    if (found) return false;
    // `timingSafeEqual` compares signatures and API keys as often as passwords: only password checks count.
    if (ctx.ts.isCallExpression(node) && isPasswordCheck(ctx.ts, node) && !/timingSafeEqual/.test(node.expression.getText())) found = true;
    return undefined;
  });
  return found;
}

function toFinding(ctx: AnalysisContext, route: ResolvedRoute, kind: BruteForceTargetKind, limit: RouteRateLimit): Finding {
  const label = `${route.methods.join('|')} ${route.fullPath}`;
  const related: RelatedLocation[] = [];
  const base = { route: label, kind: KIND_LABEL[kind], attack: ATTACK[kind] };
  let messageId: MessageIds;
  let data: Record<string, string>;
  if (limit.limiterRegisteredAfter) {
    const later = limit.limiterRegisteredAfter;
    const line = getStartLine(later.file, later.node);
    const where = later.file === ctx.sourceFile ? `line ${line}` : `${later.file.fileName.replace(/^.*[\\/]/, '')}:${line}`;
    messageId = 'limiterAfterRoute';
    data = { ...base, limiter: `\`${later.text}\``, where };
    if (later.file === ctx.sourceFile) related.push({ node: later.node, message: `\`${later.text}\` is registered here` });
  } else if (limit.skippedBy) {
    messageId = 'limiterSkipped';
    data = { ...base, skip: limit.skippedBy };
  } else if (limit.unenforcedConfig) {
    messageId = 'unenforcedLimit';
    data = {
      ...base,
      config: limit.unenforcedConfig,
      hint: route.framework === 'nest' ? 'register `ThrottlerGuard` with `APP_GUARD` or `@UseGuards(ThrottlerGuard)`' : 'register `@fastify/rate-limit` before the route',
    };
  } else {
    messageId = 'missingRateLimit';
    const chain = route.chain.map((item) => item.text).slice(0, 4);
    data = { ...base, chain: chain.length > 0 ? chain.map((t) => `\`${t}\``).join(', ') : 'empty' };
  }
  const severity: FindingSeverity = kind === 'signup' ? 'warning' : 'error';
  return {
    messageId,
    data,
    node: route.route.reportNode,
    severity,
    related,
    fingerprint: ['require-rate-limit', route.methods.join('|'), route.fullPath],
  };
}
