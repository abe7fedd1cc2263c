/**
 * no-permissive-cors (CWE-942): CORS that lets any origin read credentialed responses: a reflected
 * origin (`origin: true`, a callback that always allows, an echoed `Origin` header) or `*` with
 * credentials, and origin checks a look-alike domain passes. The `cors` middleware, `@fastify/cors`,
 * Nest's `enableCors` and `NestFactory.create(..., { cors })`, and hand-set headers. Also, as a
 * warning, an app that visibly serves browsers (views, static files, cookie sessions) without
 * security-header middleware (helmet, `@fastify/helmet`, lusca).
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../src/core/context.js';
import type { Finding } from '../src/core/finding.js';
import { getCorsPolicies, type CorsPolicy } from '../src/model/cors-config.js';
import { isDevelopmentOnly } from '../src/model/environment-guards.js';
import { getUnprotectedApps } from '../src/model/security-headers.js';
import { isTestFile } from '../src/model/test-files.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';

export type Options = [
  {
    /** Also report any-origin CORS without credentials (`cors()`, `enableCors()`, `origin: '*'`). */
    reportPublicOrigins?: boolean;
    /** Report apps that serve browsers without helmet or another security-header middleware. */
    requireSecurityHeaders?: boolean;
  },
];

export type MessageIds = 'reflectCredentials' | 'wildcardCredentials' | 'weakOriginCheck' | 'publicOrigin' | 'missingSecurityHeaders';

function toFinding(policy: CorsPolicy, reportPublic: boolean, file: ts.SourceFile): Finding | undefined {
  const origin = policy.origin;
  const base = { config: policy.label };
  const fingerprint = (id: MessageIds): string[] => ['no-permissive-cors', id, policy.label];
  if (origin.kind === 'reflect') {
    if (policy.credentials) return { messageId: 'reflectCredentials', node: policy.node, data: { ...base, how: origin.how }, severity: 'error', fingerprint: fingerprint('reflectCredentials') };
    if (reportPublic) return { messageId: 'publicOrigin', node: policy.node, data: { ...base, how: origin.how }, severity: 'warning', fingerprint: fingerprint('publicOrigin') };
    return undefined;
  }
  if (origin.kind === 'wildcard') {
    if (policy.credentials) {
      const how = origin.implicit ? 'no `origin` (the default is `*`)' : '`*` as the origin';
      return { messageId: 'wildcardCredentials', node: policy.node, data: { ...base, how }, severity: 'error', fingerprint: fingerprint('wildcardCredentials') };
    }
    if (reportPublic) {
      const how = origin.implicit ? 'the default origin `*` allows every site' : '`*` allows every site';
      return { messageId: 'publicOrigin', node: policy.node, data: { ...base, how }, severity: 'warning', fingerprint: fingerprint('publicOrigin') };
    }
    return undefined;
  }
  if (origin.kind === 'weak' && (policy.credentials || reportPublic)) {
    return {
      messageId: 'weakOriginCheck',
      // A check written in another file (an imported callback) is reported where it configures CORS.
      node: origin.node.getSourceFile() === file ? origin.node : policy.node,
      data: { ...base, check: origin.check, why: origin.why },
      severity: policy.credentials ? 'error' : 'warning',
      fingerprint: fingerprint('weakOriginCheck'),
    };
  }
  return undefined;
}

/**
 * The statement whose environment checks decide a configuration, or `undefined` when a condition
 * inside the statement (`isDev && app.use(cors(...))`) sits in between. Ancestors are cached, so the
 * calls of a long chain share one walk.
 */
function getEnvironmentStatement(tsApi: AnalysisContext['ts'], node: ts.Node, cache: Map<ts.Node, ts.Node | null>): ts.Node | undefined {
  const visited: ts.Node[] = [];
  let result: ts.Node | null = null;
  for (let current = node.parent; current; current = current.parent) {
    const cached = cache.get(current);
    if (cached !== undefined) {
      result = cached;
      break;
    }
    visited.push(current);
    if (tsApi.isStatement(current)) {
      result = current;
      break;
    }
    if (tsApi.isConditionalExpression(current) || tsApi.isBinaryExpression(current) || tsApi.isArrowFunction(current) || tsApi.isFunctionExpression(current)) break;
  }
  for (const ancestor of visited) cache.set(ancestor, result);
  return result ?? undefined;
}

export default defineApiRule<Options, MessageIds>({
  name: 'no-permissive-cors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CORS that lets any origin, or a look-alike of yours, read responses sent with cookies or credentials',
      recommended: 'recommended',
      cwe: ['CWE-942', 'CWE-346'],
      owasp: ['API8:2023'],
      precision: 'high',
      securitySeverity: 7.5,
    },
    messages: {
      reflectCredentials:
        '`{{config}}` allows credentials and {{how}}: any website a signed-in user visits can call this API as them and read the answers. Check the origin against an allowlist.',
      wildcardCredentials:
        '`{{config}}` allows credentials with {{how}}: browsers refuse this pair, and the usual "fix" of reflecting the origin exposes every user. List the allowed origins.',
      weakOriginCheck: '`{{check}}` in `{{config}}` {{why}}. Compare the whole origin with an allowlist, or anchor the domain (`/^https:\\/\\/([a-z0-9-]+\\.)?example\\.com$/`).',
      publicOrigin: '`{{config}}`: {{how}}. Fine for a public, unauthenticated API; otherwise list the allowed origins.',
      missingSecurityHeaders:
        'The app from `{{app}}` {{evidence}} but applies no security-header middleware: its pages go out without `Content-Security-Policy`, `X-Frame-Options` or `Strict-Transport-Security`. Add {{fix}}, or set the headers in a middleware.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          reportPublicOrigins: {
            type: 'boolean',
            description:
              'Also report CORS open to every origin without credentials (`cors()`, `app.enableCors()`, `origin: \'*\'`, `origin: true`), and weak origin checks without credentials, as warnings.',
          },
          requireSecurityHeaders: {
            type: 'boolean',
            description:
              'Report, as a warning, an app that renders views, serves static files or keeps cookie sessions without helmet, `@fastify/helmet`, lusca or hand-set security headers (default true).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ reportPublicOrigins: false, requireSecurityHeaders: true }],
  detect(ctx, [options]) {
    // Test servers open CORS on purpose.
    if (isTestFile(ctx)) return [];
    const findings: Finding[] = [];
    const developmentOnly = new Map<ts.Node, boolean>();
    const statements = new Map<ts.Node, ts.Node | null>();
    for (const policy of getCorsPolicies(ctx)) {
      const result = toFinding(policy, options.reportPublicOrigins === true, ctx.sourceFile);
      if (!result) continue;
      // A configuration that runs only outside production (`if (process.env.NODE_ENV === 'development')`) is a local convenience.
      // Calls of one statement share its environment checks: decide once per statement.
      const statement = getEnvironmentStatement(ctx.ts, policy.node, statements) ?? policy.node;
      let development = developmentOnly.get(statement);
      if (development === undefined) {
        development = isDevelopmentOnly(ctx.ts, statement);
        developmentOnly.set(statement, development);
      }
      if (!development) findings.push(result);
    }
    if (options.requireSecurityHeaders !== false) {
      for (const { app, evidence } of getUnprotectedApps(ctx)) {
        // A local preview server (`if (process.env.NODE_ENV === 'development')`) never meets users.
        if (isDevelopmentOnly(ctx.ts, getEnvironmentStatement(ctx.ts, app.node, statements) ?? app.node)) continue;
        findings.push({
          messageId: 'missingSecurityHeaders',
          node: app.node,
          data: { app: app.label, evidence, fix: app.row.fix },
          severity: 'warning',
          fingerprint: ['no-permissive-cors', 'missingSecurityHeaders', app.label],
        });
      }
    }
    return findings;
  },
});
