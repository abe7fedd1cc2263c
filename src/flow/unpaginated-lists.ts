/**
 * List reads that return every row of a table and reach a `GET` route's response whole: the flow
 * spec behind `no-unbounded-query`'s `reportUnpaginatedLists` option.
 *
 * - Sources (custom): `Model.find()`, `Model.find({})`, `prisma.x.findMany()`, `Model.findAll()`,
 *   `repo.find()` on a recognized model, Prisma delegate, repository or collection, with no filter and
 *   no `where`/`take`/`limit`/`skip`/`first`/`cursor` option.
 * - Sinks: the payload of a response sink (`res.json(rows)`, `reply.send(rows)`, a Nest or Fastify
 *   `return`) in a handler whose route is a `GET`; only the value as a whole (`{ items: rows }` is not
 *   followed).
 * - Barriers: `.limit(n)`, `.take(n)`, `.slice(...)`, `.paginate(...)` and counts on the way.
 */
import type * as ts from 'typescript';
import { NO_SINK_TARGETS } from './spec.js';
import type { ResolvedSettings } from '../settings/schema.js';
import { getPropertyNameText, getShortText, skipOuterExpressions } from '../core/ast.js';
import { classifyReceiver, type ReceiverKind } from '../model/model-receivers.js';
import { getResponseSinkOfNode } from '../model/response-sinks.js';
import type { FlowApi, FlowSpec, SinkTarget, SourceInfo } from './engine.js';

const LIST_METHODS: ReadonlySet<string> = new Set(['find', 'findMany', 'findAll']);
const LIST_RECEIVERS: ReadonlySet<ReceiverKind> = new Set(['model', 'repository', 'prisma-delegate', 'collection', 'entity-manager'] as ReceiverKind[]);
/** Options that filter, page or cap a list read. */
const NARROWING_OPTIONS: ReadonlySet<string> = new Set(['where', 'take', 'limit', 'skip', 'offset', 'first', 'last', 'cursor']);
/** Options of list reads that shape, sort or join rows without filtering them. */
const NON_FILTER_OPTIONS: ReadonlySet<string> = new Set(['order', 'orderBy', 'include', 'select', 'relations', 'attributes', 'raw', 'sort', 'projection', 'omit', 'cache', 'lean']);
/** Methods after which a list is capped, paged or counted. */
const CAPPING_METHODS: ReadonlySet<string> = new Set(['limit', 'take', 'slice', 'paginate', 'page', 'count', 'countDocuments', 'estimatedDocumentCount', 'cursor', 'stream']);

const specs = new WeakMap<ResolvedSettings, FlowSpec>();

export function getUnpaginatedListSpec(settings: ResolvedSettings): FlowSpec {
  let spec = specs.get(settings);
  if (!spec) {
    spec = createSpec();
    specs.set(settings, spec);
  }
  return spec;
}

function createSpec(): FlowSpec {
  return {
    id: 'no-unbounded-query:lists',
    sources: {},
    isSource: (expr, api) => getUnpaginatedListRead(expr, api),
    sinks(node, api): readonly SinkTarget[] {
      const sink = getResponseSinkOfNode(api.ts, node);
      if (!sink || sink.kind === 'throw' || sink.kind === 'redirect') return NO_SINK_TARGETS;
      const route = sink.handler?.route;
      if (!route || !/^GET /.test(route)) return NO_SINK_TARGETS;
      return sink.payload.map((expression) => ({ node, expression, label: sink.label, role: route }));
    },
    isBarrier(expr, api): boolean {
      const tsApi = api.ts;
      if (!tsApi.isCallExpression(expr)) return false;
      const callee = skipOuterExpressions(tsApi, expr.expression);
      return tsApi.isPropertyAccessExpression(callee) && CAPPING_METHODS.has(callee.name.text);
    },
  };
}

/** `Model.find()` and the like with nothing that filters or caps it, as a source. */
function getUnpaginatedListRead(expr: ts.Expression, api: FlowApi): Omit<SourceInfo, 'file'> | undefined {
  const tsApi = api.ts;
  if (!tsApi.isCallExpression(expr)) return undefined;
  const callee = skipOuterExpressions(tsApi, expr.expression);
  if (!tsApi.isPropertyAccessExpression(callee) || !LIST_METHODS.has(callee.name.text)) return undefined;
  if (!expr.arguments.every((arg) => isUnnarrowingArgument(arg, api))) return undefined;
  const kind = classifyReceiver({ ts: tsApi, file: api.sourceFile, project: api.ctx.project }, callee.expression);
  if (!kind || !LIST_RECEIVERS.has(kind)) return undefined;
  return { node: expr, kind: 'custom', label: `${getShortText(api.sourceFile, callee, 40)}(${expr.arguments.length > 0 ? '…' : ''})` };
}

/** An argument that neither filters nor caps: `{}`, `{ order, include, select, relations }`, `null`. */
function isUnnarrowingArgument(arg: ts.Expression, api: FlowApi): boolean {
  const tsApi = api.ts;
  const expr = skipOuterExpressions(tsApi, arg);
  if (expr.kind === tsApi.SyntaxKind.NullKeyword) return true;
  if (!tsApi.isObjectLiteralExpression(expr)) return false;
  return expr.properties.every((prop) => {
    if (tsApi.isSpreadAssignment(prop)) return false;
    const name = prop.name ? getPropertyNameText(tsApi, prop.name) : undefined;
    return name !== undefined && !NARROWING_OPTIONS.has(name) && NON_FILTER_OPTIONS.has(name);
  });
}

