/**
 * Client-supplied ids that reach a record lookup: the flow spec of `require-ownership-check`.
 *
 * - Sources: route parameters, query strings and bodies (`req.params.id`, `@Param('id') id`,
 *   `req.body.userId`, `req.query.accountId`); only id-like names count for the query and the body.
 * - Sinks: the id arguments and id keys of the lookups of `src/model/record-lookups.ts`
 *   (`Invoice.findById(id)`, `repo.findOneBy({ id })`, `prisma.invoice.delete({ where: { id } })`).
 *   The rule's spec leaves out lookups scoped to the caller by an owner value that is no id
 *   (`{ _id: id, owner: req.user.id }`): it never reports them, and their functions need no
 *   analysis; the `routes` inventory reads every lookup, to show those routes as `checked`.
 *
 * The rule decides the rest per flow: the route's posture, its path, and whether the handler or
 * anything it calls uses the caller's identity.
 */
import type { AnalysisContext } from '../core/context.js';
import { matchRecordLookup, type RecordLookup } from '../model/record-lookups.js';
import { RECORD_ID_KEY } from '../catalog/record-access.js';
import type * as ts from 'typescript';
import { findFlows, type Flow, type FlowApi, type FlowSpec, type SinkTarget } from './engine.js';
import { NO_SINK_TARGETS } from './spec.js';

export interface OwnershipFlow {
  readonly flow: Flow;
  readonly lookup: RecordLookup;
}

/** The sink targets of a record lookup: its id values (`[]` for a call that is none). */
function lookupSinks(node: ts.Node, api: FlowApi, reportableOnly: boolean): readonly SinkTarget[] {
  const tsApi = api.ts;
  if (!tsApi.isCallExpression(node)) return NO_SINK_TARGETS;
  const found = matchRecordLookup({ ts: tsApi, file: api.sourceFile, project: api.ctx.project }, node);
  if (!found) return NO_SINK_TARGETS;
  // A lookup scoped by an owner key whose value is no id (`{ id, owner: req.user.id }`) is the
  // check itself: the rule reports it only when a client-supplied id reaches the owner value.
  if (reportableOnly && found.scopedBy && !found.ids.includes(found.scopedBy.value)) return NO_SINK_TARGETS;
  return found.ids.map((expression) => ({ node, expression, label: found.callText, role: 'id' }));
}

const SOURCES: FlowSpec['sources'] = { request: ['params', 'query', 'body'] };

/** Every lookup: the inventory's OWNERSHIP column also shows the ones scoped to the caller (`checked`). */
const inventorySpec: FlowSpec = { id: 'record-lookups', sources: SOURCES, sinks: (node, api) => lookupSinks(node, api, false) };

/** The lookups `require-ownership-check` may report: the same flows, without analyzing what cannot be reported. */
const ruleSpec: FlowSpec = { id: 'require-ownership-check', sources: SOURCES, sinks: (node, api) => lookupSinks(node, api, true) };

/**
 * The flows of a client-supplied id into a record lookup of `ctx.sourceFile`. `for: 'rule'` leaves
 * out lookups scoped by an owner key that no id reaches (the rule never reports them).
 */
export function findOwnershipFlows(ctx: AnalysisContext, options: { readonly for: 'rule' | 'inventory' }): OwnershipFlow[] {
  const found: OwnershipFlow[] = [];
  for (const flow of findFlows(ctx, options.for === 'rule' ? ruleSpec : inventorySpec)) {
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

