/**
 * require-auth-guard (CWE-306, CWE-862): a route that no authentication protects. Protection is
 * whatever runs before the handler: route middleware and hooks, `router.use`/`app.use` before the
 * route (on a covering path), mount middleware, encapsulating Fastify hooks, Nest guards. Routes that
 * are public on purpose (sign-in, probes, docs, signature-checked webhooks, `publicRoutes`,
 * `// api-guard-public: reason`, `@Public()`) and routes whose posture another file could change are
 * not reported.
 */
import type * as ts from 'typescript';
import { getStartLine } from '../src/core/ast.js';
import type { Finding, FindingSeverity, FindingSuggestion, RelatedLocation } from '../src/core/finding.js';
import type { AnalysisContext } from '../src/core/context.js';
import { findSensitivePath } from '../src/catalog/auth.js';
import type { ResolvedRoute } from '../src/model/api-model.js';
import type { ChainItem, RouteFact } from '../src/model/facts.js';
import { classifyAuthExpression, isProtectingEffect } from '../src/model/auth-classification.js';
import { getRoutePosture, type RoutePosture } from '../src/model/posture.js';
import { getApiModel } from '../src/model/resolve-api-model.js';
import { getRouteReportRange } from '../src/model/route-report-range.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';
import { isTestAppFileName } from '../src/model/test-files.js';

export type Options = [
  {
    readOnlyRoutes?: 'report' | 'ignore';
  },
];

export type MessageIds = 'missingAuth' | 'missingAuthSiblings' | 'authAfterRoute' | 'unverifiedWebhook' | 'addSiblingAuth' | 'markPublic';

const READ_ONLY_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export default defineApiRule<Options, MessageIds>({
  name: 'require-auth-guard',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an authentication guard on every route that is not public on purpose (Express, Fastify, NestJS)',
      recommended: 'recommended',
      cwe: ['CWE-306', 'CWE-862'],
      owasp: ['API2:2023', 'API5:2023'],
      precision: 'high',
      securitySeverity: 8.2,
    },
    hasSuggestions: true,
    messages: {
      missingAuth: '{{route}} has no authentication guard: nothing in its chain ({{chain}}) authenticates the request.',
      missingAuthSiblings: '{{route}} has no authentication guard; other routes of this {{container}} use {{siblings}}.',
      authAfterRoute: '{{route}} has no authentication guard: {{auth}} is registered after it ({{where}}), so it never runs for this route.',
      unverifiedWebhook:
        '{{route}} looks like a webhook but neither authenticates the caller nor checks a delivery signature; verify the signature (an HMAC compared with `timingSafeEqual`, or the provider SDK) or add authentication.',
      addSiblingAuth: 'Add `{{auth}}` before the handler, as the other routes of this {{container}} do.',
      markPublic: 'Mark the route as public on purpose with `// api-guard-public: <reason>`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          readOnlyRoutes: {
            type: 'string',
            enum: ['report', 'ignore'],
            description:
              'Unprotected GET/HEAD routes on paths that do not look sensitive (no admin, internal, export or account segment): report them as warnings (`report`) or not at all (`ignore`).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ readOnlyRoutes: 'report' }],
  detect(ctx, [options]) {
    const findings: Finding[] = [];
    if (isTestAppFileName(ctx.sourceFile.fileName)) return findings;
    const reported = new Set<RouteFact>();
    for (const route of getApiModel(ctx)) {
      if (reported.has(route.route)) continue;
      const posture = getRoutePosture(ctx, route);
      if (posture.posture !== 'unprotected' || !route.complete) continue;
      const severity = getSeverity(route);
      if (severity === 'warning' && options.readOnlyRoutes === 'ignore') continue;
      reported.add(route.route);
      findings.push(toFinding(ctx, route, posture, severity));
    }
    return findings;
  },
});

/** State-changing methods and sensitive-looking paths are errors; other reads are warnings. */
function getSeverity(route: ResolvedRoute): FindingSeverity {
  const readOnly = route.methods.every((m) => READ_ONLY_METHODS.has(m));
  return readOnly && !findSensitivePath(route.fullPath) ? 'warning' : 'error';
}

function toFinding(ctx: AnalysisContext, route: ResolvedRoute, posture: RoutePosture, severity: FindingSeverity): Finding {
  const label = `${route.methods.join('|')} ${route.fullPath}`;
  const container = describeContainer(route);
  const siblings = getSiblingAuth(ctx, route);
  const related: RelatedLocation[] = siblings.map((item) => ({ node: item.node, message: `a sibling route uses \`${item.text}\`` }));
  let messageId: MessageIds;
  let data: Record<string, string>;
  if (posture.unverifiedWebhook) {
    messageId = 'unverifiedWebhook';
    data = { route: label };
  } else if (posture.authRegisteredAfter) {
    const later = posture.authRegisteredAfter;
    const line = getStartLine(later.file, later.node);
    const where = later.file === ctx.sourceFile ? `line ${line}` : `${later.file.fileName.replace(/^.*[\\/]/, '')}:${line}`;
    messageId = 'authAfterRoute';
    data = { route: label, auth: `\`${later.text}\``, where };
    if (later.file === ctx.sourceFile) related.push({ node: later.node, message: `\`${later.text}\` is registered here` });
  } else if (siblings.length > 0) {
    messageId = 'missingAuthSiblings';
    data = { route: label, container, siblings: [...new Set(siblings.map((s) => `\`${s.text}\``))].slice(0, 3).join(', ') };
  } else {
    messageId = 'missingAuth';
    const chain = route.chain.map((item) => item.text).slice(0, 4);
    data = { route: label, chain: chain.length > 0 ? chain.map((t) => `\`${t}\``).join(', ') : 'empty' };
  }
  const range = getRouteReportRange(ctx.ts, ctx.sourceFile, route.route.reportNode);
  return {
    messageId,
    data,
    node: route.route.reportNode,
    ...(range ? { range } : {}),
    severity,
    related,
    suggestions: getSuggestions(ctx, route, siblings, container),
    fingerprint: ['require-auth-guard', route.methods.join('|'), route.fullPath],
  };
}

function describeContainer(route: ResolvedRoute): string {
  switch (route.router.kind) {
    case 'app':
      return 'app';
    case 'plugin':
      return 'plugin';
    case 'controller':
      return 'controller';
    default:
      return 'router';
  }
}

/** Route-level auth items of the other routes of the same router, plugin or controller. */
function getSiblingAuth(ctx: AnalysisContext, route: ResolvedRoute): ChainItem[] {
  const lookup = { ts: ctx.ts, project: ctx.project, settings: ctx.settings };
  const items: ChainItem[] = [];
  for (const step of route.router.steps) {
    if (step.kind !== 'route' || step.route === route.route) continue;
    for (const item of step.route.chain) {
      if (isProtectingEffect(classifyAuthExpression(lookup, route.file, item.node as ts.Expression).effect)) items.push(item);
    }
  }
  return items;
}

function getSuggestions(ctx: AnalysisContext, route: ResolvedRoute, siblings: readonly ChainItem[], container: string): FindingSuggestion[] {
  const suggestions: FindingSuggestion[] = [];
  const tsApi = ctx.ts;
  const call = route.route.node;
  const sibling = siblings.find((item) => item.role === 'middleware');
  if (route.framework === 'express' && sibling && tsApi.isCallExpression(call) && call.arguments.length >= 2 && route.file === ctx.sourceFile) {
    const first = call.arguments[0]!;
    suggestions.push({ messageId: 'addSiblingAuth', data: { auth: sibling.text, container }, edits: [{ start: first.getEnd(), end: first.getEnd(), text: `, ${sibling.text}` }] });
  }
  if (route.framework !== 'nest' && route.file === ctx.sourceFile) {
    const statement = getStatementStart(ctx, route.route.reportNode);
    const lineStart = ctx.sourceFile.text.lastIndexOf('\n', statement - 1) + 1;
    const indent = /^[ \t]*/.exec(ctx.sourceFile.text.slice(lineStart))?.[0] ?? '';
    suggestions.push({ messageId: 'markPublic', edits: [{ start: lineStart, end: lineStart, text: `${indent}// api-guard-public: <reason>\n` }] });
  }
  return suggestions;
}

function getStatementStart(ctx: AnalysisContext, node: ts.Node): number {
  let current: ts.Node = node;
  while (current.parent && !ctx.ts.isSourceFile(current.parent) && !ctx.ts.isBlock(current.parent)) current = current.parent;
  return current.getStart(ctx.sourceFile);
}
