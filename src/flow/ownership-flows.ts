/**
 * Client-supplied ids that reach a record lookup: the flow spec of `require-ownership-check`.
 *
 * - Sources: route parameters, query strings and bodies (`req.params.id`, `@Param('id') id`,
 *   `req.body.userId`, `req.query.accountId`); only id-like names count for the query and the body.
 * - Sinks: the id arguments and id keys of the lookups of `src/model/record-lookups.ts`
 *   (`Invoice.findById(id)`, `repo.findOneBy({ id })`, `prisma.invoice.delete({ where: { id } })`).
 *
 * The rule decides the rest per flow: the route's posture, its path, and whether the handler or
 * anything it calls uses the caller's identity.
 */
import type { AnalysisContext } from '../core/context.js';
import { matchRecordLookup, type RecordLookup } from '../model/record-lookups.js';
import { RECORD_ID_KEY } from '../catalog/record-access.js';
import { findFlows, type Flow, type FlowSpec, type SinkTarget } from './engine.js';
import { NO_SINK_TARGETS } from './spec.js';

export interface OwnershipFlow {
  readonly flow: Flow;
  readonly lookup: RecordLookup;
}

const spec: FlowSpec = {
  id: 'require-ownership-check',
  sources: { request: ['params', 'query', 'body'] },
  sinks(node, api): readonly SinkTarget[] {
    const tsApi = api.ts;
    if (!tsApi.isCallExpression(node)) return NO_SINK_TARGETS;
    const found = matchRecordLookup({ ts: tsApi, file: api.sourceFile, project: api.ctx.project }, node);
    if (!found) return NO_SINK_TARGETS;
    return found.ids.map((expression) => ({ node, expression, label: found.callText, role: 'id' }));
  },
};

/** The flows of a client-supplied id into a record lookup of `ctx.sourceFile`, grouped by lookup. */
export function findOwnershipFlows(ctx: AnalysisContext): OwnershipFlow[] {
  const found: OwnershipFlow[] = [];
  for (const flow of findFlows(ctx, spec)) {
    if (!ctx.ts.isCallExpression(flow.sink.node)) continue;
    if (!isIdLikeSource(flow)) continue;
    const lookup = matchRecordLookup({ ts: ctx.ts, file: ctx.sourceFile, project: ctx.project }, flow.sink.node);
    if (lookup) found.push({ flow, lookup });
  }
  return found;
}

/** `req.params.id` and any route parameter; `req.body.userId`, `req.query.accountId` (id-like names only). */
function isIdLikeSource(flow: Flow): boolean {
  const label = flow.source.label;
  const field = /([A-Za-z_$][\w$]*)['"]?\)?(?:\s+[\w$]+)?$/.exec(label)?.[1];
  if (flow.source.kind === 'params') return true;
  return field !== undefined && field !== 'body' && field !== 'query' && RECORD_ID_KEY.test(field);
}

