/**
 * no-undocumented-route: a route the code serves must be in the API's OpenAPI document (named by
 * `settings['api-guard'].openapi`). An undocumented route is a shadow API: gateways, clients,
 * security reviews and the people who retire old endpoints do not know it exists.
 */
import path from 'node:path';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';
import type { Finding } from '../src/core/finding.js';
import { compareWithContract, type ContractRoute } from '../src/contract/compare-contract.js';
import { readContractFile } from '../src/contract/read-contract-file.js';
import type { ResolvedRoute } from '../src/model/api-model.js';
import { getApiModel } from '../src/model/resolve-api-model.js';
import { matchesRoutePattern } from '../src/model/route-paths.js';

export type Options = [
  {
    /** Route patterns that need no documentation (`/health`, `GET /internal/**`). */
    ignore?: string[];
    /** Also report methods the document does not list at a documented path. */
    checkMethods?: boolean;
  },
];

export type MessageIds = 'undocumentedRoute' | 'undocumentedMethod';

interface RouteInput extends ContractRoute {
  readonly resolved: ResolvedRoute;
}

const warned = new Set<string>();

/** A document that cannot be read is said once per path and problem, as a process warning; the rule then reports nothing. */
function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  process.emitWarning(`api-guard/no-undocumented-route: ${message}; the rule reports nothing until it can read the document`, 'ApiGuardWarning');
}

export default defineApiRule<Options, MessageIds>({
  name: 'no-undocumented-route',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow routes that the OpenAPI document named in the settings does not document (shadow APIs)',
      recommended: 'strict',
      cwe: ['CWE-1059'],
      owasp: ['API9:2023'],
      precision: 'high',
      securitySeverity: 4.3,
    },
    messages: {
      undocumentedRoute:
        '{{method}} {{path}} is not in the OpenAPI document {{spec}}: a shadow route that gateways, clients and security reviews do not know about. Document it, or remove it if nothing should call it.',
      undocumentedMethod: '{{method}} {{path}} is not documented: {{spec}} lists {{documentedPath}} only for {{documentedMethods}}. Document the method, or remove it.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignore: {
            type: 'array',
            items: { type: 'string' },
            description:
              'Route patterns that need no documentation, matched against the full path: `/health`, `/internal/**`, `GET /metrics` (`*` is one segment, `**` any number, a leading method restricts the pattern).',
          },
          checkMethods: {
            type: 'boolean',
            description: 'Also report a method the code serves at a documented path that the document does not list there (default: true).',
          },
        },
      },
    ],
  },
  defaultOptions: [{ ignore: [], checkMethods: true }],
  detect(ctx, [options]) {
    const written = ctx.settings.openapi;
    if (!written) return [];
    const routes = getApiModel(ctx);
    if (routes.length === 0) return [];
    const file = path.isAbsolute(written) ? written : path.resolve(process.cwd(), written);
    const load = readContractFile(file, written);
    if (!load.ok) {
      warnOnce(load.message);
      return [];
    }
    const spec = path.isAbsolute(written) ? path.basename(written) : written;
    const ignore = options.ignore ?? [];
    const inputs: RouteInput[] = routes
      .filter((route) => !route.methods.some((m) => ignore.some((pattern) => matchesRoutePattern(pattern, m, route.fullPath))))
      // Auth is the CLI's comparison (it needs every posture); the rule only asks whether the route is documented.
      .map((route) => ({ methods: route.methods, path: route.fullPath, complete: route.complete, posture: 'unknown', resolved: route }));
    const comparison = compareWithContract(inputs, load.contract);
    const findings: Finding[] = [];
    for (const issue of comparison.issues) {
      if (issue.kind === 'shadow') {
        const method = issue.methods.join(', ');
        findings.push({
          messageId: 'undocumentedRoute',
          node: issue.route.resolved.route.reportNode,
          data: { method, path: issue.route.path, spec },
          fingerprint: [method, issue.route.path],
        });
      } else if (issue.kind === 'method' && options.checkMethods !== false) {
        const documentedMethods = [...new Set(issue.operations.map((op) => op.method))].join(', ');
        for (const route of issue.routes) {
          const undocumented = route.methods.filter((m) => issue.codeOnly.includes(m));
          if (undocumented.length === 0) continue;
          const method = undocumented.join(', ');
          findings.push({
            messageId: 'undocumentedMethod',
            node: route.resolved.route.reportNode,
            data: { method, path: route.path, spec, documentedPath: issue.documentedPath, documentedMethods },
            fingerprint: [method, route.path],
          });
        }
      }
    }
    return findings;
  },
});
