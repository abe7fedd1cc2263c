/**
 * require-ownership-check (CWE-639, OWASP API1:2023 broken object level authorization): an
 * authenticated route loads, updates or deletes a record by an id the client chose
 * (`req.params.id`, `@Param('id')`, `req.body.userId`) and nothing relates that record to the caller.
 *
 * Reported only when the route is `protected`, its path does not address the caller's own record
 * (`/me`), no authorization item (role guard, policy or ownership middleware) is in its chain, and the
 * handler and every function it reaches provably do not use the caller's identity (`req.user`,
 * `@CurrentUser()`, a `where` on the owner, a CASL check). A call that cannot be followed keeps it silent.
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../src/core/context.js';
import type { Finding, RelatedLocation } from '../src/core/finding.js';
import { findOwnershipFlows, type OwnershipFlow } from '../src/flow/ownership-flows.js';
import { getEnclosingRouteHandler, getRouteOwnership, getRoutesOfHandler } from '../src/model/route-ownership.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';

export type Options = [Record<string, never>];

export type MessageIds = 'missingOwnershipCheck';

const VERBS = { read: 'loads', update: 'updates', delete: 'deletes' } as const;
/** Test files build throwaway apps. */
const TEST_FILE_NAME = /\.(?:test|spec|e2e-spec)\.[cm]?[jt]sx?$/i;

export default defineApiRule<Options, MessageIds>({
  name: 'require-ownership-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require authenticated handlers that address a record by a client-supplied id to check that it belongs to the caller',
      recommended: 'recommended',
      cwe: ['CWE-639'],
      owasp: ['API1:2023'],
      precision: 'medium',
      securitySeverity: 7.5,
    },
    messages: {
      missingOwnershipCheck:
        '{{route}} {{verb}} a record with `{{sink}}` by `{{source}}`, which the client chooses, and {{evidence}}; scope the query to the caller (`req.user`) or check the owner before answering.',
    },
    schema: [{ type: 'object', additionalProperties: false, properties: {} }],
  },
  defaultOptions: [{}],
  detect(ctx): Finding[] {
    if (TEST_FILE_NAME.test(ctx.sourceFile.fileName)) return [];
    const byCall = new Map<ts.CallExpression, OwnershipFlow[]>();
    for (const found of findOwnershipFlows(ctx, { for: 'rule' })) {
      const list = byCall.get(found.lookup.call) ?? [];
      list.push(found);
      byCall.set(found.lookup.call, list);
    }
    // One finding per route in a file: the write or delete when there is one, else the last lookup
    // (a handler that loads the parent by slug and then the child by id is one flaw, at the child).
    const byRoute = new Map<string, { finding: Finding; rank: number; position: number }>();
    for (const flows of byCall.values()) {
      const finding = judge(ctx, flows);
      if (!finding) continue;
      const lookup = flows[0]!.lookup;
      const rank = lookup.operation === 'read' ? 0 : 1;
      const position = lookup.call.getStart(ctx.sourceFile);
      const key = String(finding.data.route);
      const kept = byRoute.get(key);
      if (!kept || rank > kept.rank || (rank === kept.rank && position > kept.position)) byRoute.set(key, { finding, rank, position });
    }
    return [...byRoute.values()].sort((a, b) => a.position - b.position).map((entry) => entry.finding);
  },
});

/** One finding per lookup call, from its first flow whose route provably misses the check. */
function judge(ctx: AnalysisContext, flows: readonly OwnershipFlow[]): Finding | undefined {
  const lookup = flows[0]!.lookup;
  // A filter scoped by an owner key the client does not choose (`userId: user.id`) is the check itself.
  if (lookup.scopedBy && !flows.some((f) => f.flow.sink.expression === lookup.scopedBy!.value)) return undefined;
  for (const { flow } of flows) {
    const handler = getEnclosingRouteHandler(ctx.ts, flow.source.node);
    if (!handler) continue;
    const routes = getRoutesOfHandler(ctx, handler);
    if (routes.length === 0) continue;
    const verdicts = routes.map((route) => ({ route, verdict: getRouteOwnership(ctx, route, handler, ctx.settings, lookup.operation) }));
    // Every route the handler serves must provably miss the check.
    if (!verdicts.every((v) => v.verdict.kind === 'missing')) continue;
    const { route, verdict } = verdicts[0]!;
    const label = `${route.methods.join('|')} ${route.fullPath}`;
    const source = describeSource(ctx, flow.source.label, flow.source.file);
    const related: RelatedLocation[] = [];
    if (flow.source.file === ctx.sourceFile) related.push({ node: flow.source.node, message: `the id comes from \`${flow.source.label}\`` });
    return {
      messageId: 'missingOwnershipCheck',
      data: { route: label, verb: VERBS[lookup.operation], sink: lookup.callText, source, evidence: verdict.kind === 'missing' ? verdict.evidence : '' },
      node: lookup.call,
      severity: lookup.operation === 'read' ? 'warning' : 'error',
      related,
      fingerprint: ['require-ownership-check', lookup.callText, flow.source.label],
    };
  }
  return undefined;
}

/** `req.params.id`; with the file when the id comes from another file. */
function describeSource(ctx: AnalysisContext, label: string, file: ts.SourceFile): string {
  if (file === ctx.sourceFile) return label;
  return `${label} (in ${file.fileName.replace(/^.*[\\/]/, '')})`;
}
