/**
 * no-unbounded-query (OWASP API4:2023, CWE-770): page sizes or limits from the request that reach a
 * database query's limit without an upper bound, and request body parsers configured to accept huge
 * bodies.
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../src/core/context.js';
import type { Finding } from '../src/core/finding.js';
import { getDecoratorArguments, getDecoratorName, getDecorators, getPropertyNameText, getShortText, skipOuterExpressions } from '../src/core/ast.js';
import { formatByteSize, parseByteSize } from '../src/catalog/body-parsers.js';
import { findFlows, type Flow } from '../src/flow/engine.js';
import { getQueryLimitSpec } from '../src/flow/query-limits.js';
import { getUnpaginatedListSpec } from '../src/flow/unpaginated-lists.js';
import { resolveNestName } from '../src/frameworks/nest-symbols.js';
import { getBodySizeLimits } from '../src/model/body-size-limits.js';
import { getNestParameterInput } from '../src/model/request-sources.js';
import { getResponseSinkOfNode } from '../src/model/response-sinks.js';
import { routeMayCheckInput, routeSchemaLeavesFieldUnbounded } from '../src/model/route-input-checks.js';
import { defineApiRule } from '../src/rule-kit/define-api-rule.js';
import { describeFlowSteps } from '../src/rule-kit/flow-messages.js';

export type Options = [
  {
    /** Body size limits above this are reported (`'10mb'`, or a number of bytes). */
    maxBodySize?: string | number;
    /** Also report `GET` handlers that send every row of a table (`Model.find()` with no limit). */
    reportUnpaginatedLists?: boolean;
  },
];

export type MessageIds = 'unboundedLimit' | 'largeBodyLimit' | 'unpaginatedList';

export const DEFAULT_MAX_BODY_SIZE = '10mb';

/** class-validator decorators that bound a number from above (or to a fixed set). */
const BOUNDING_DECORATORS: ReadonlySet<string> = new Set(['Max', 'LessThan', 'IsIn', 'IsEnum', 'Transform']);
/** Nest pipes that convert without bounding. */
const CONVERTING_PIPES: ReadonlySet<string> = new Set(['ParseIntPipe', 'ParseFloatPipe', 'DefaultValuePipe', 'ValidationPipe']);
const MAX_CLASS_DEPTH = 4;
/** Tables that are small by nature and commonly sent whole (`Country.find()`). */
const LOOKUP_TABLE = /countr|currenc|language|locale|timezone|\brole|permission|setting|feature|plan/i;
/** Handler code that pages its results some other way (it reads a page, cursor or limit). */
const PAGINATION_WORDS = /\b(page|pageSize|perPage|limit|offset|cursor|skip|take)\b/;

export default defineApiRule<Options, MessageIds>({
  name: 'no-unbounded-query',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow page sizes from the request without an upper bound, and request body limits above a threshold',
      recommended: 'recommended',
      cwe: ['CWE-770'],
      owasp: ['API4:2023'],
      precision: 'high',
      securitySeverity: 5.3,
    },
    messages: {
      unboundedLimit:
        '`{{source}}` reaches the {{role}} of `{{sink}}` with no upper bound{{via}}; a client can ask for every row at once. Clamp it (`Math.min(n, MAX)`) or reject values above a maximum.',
      unpaginatedList:
        '`{{source}}` reads every row and `{{sink}}` of {{route}} sends them all{{via}}; the response grows with the table. Add a limit (`take`, `.limit()`) and pagination.',
      largeBodyLimit:
        '`{{sink}}` accepts request bodies up to {{size}} (`{{key}}: {{value}}`), above {{threshold}}; a few concurrent requests can exhaust memory and block the event loop while parsing. Lower it, or raise it only on the route that needs it.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxBodySize: {
            oneOf: [{ type: 'string' }, { type: 'number' }],
            description: "Body size limits above this are reported: a size like `'10mb'` or a number of bytes. Default `'10mb'`.",
          },
          reportUnpaginatedLists: {
            type: 'boolean',
            description: 'Also report GET handlers that send every row of a table (`Model.find()`, `findMany()` with no limit or filter) as warnings. Default `false`.',
          },
        },
      },
    ],
  },
  defaultOptions: [{ maxBodySize: DEFAULT_MAX_BODY_SIZE, reportUnpaginatedLists: false }],
  detect(ctx, [options]): Finding[] {
    const findings: Finding[] = [];
    const seen = new Set<ts.Node>();
    for (const flow of findFlows(ctx, getQueryLimitSpec(ctx.settings))) {
      if (seen.has(flow.sink.expression) || isBoundedByNestDto(ctx, flow) || routeChecksLimit(ctx, flow)) continue;
      seen.add(flow.sink.expression);
      findings.push({
        messageId: 'unboundedLimit',
        data: { source: flow.source.label, role: flow.sink.role ?? 'limit', sink: flow.sink.label, via: describeFlowSteps(ctx, flow) },
        node: flow.sink.expression,
        related: [{ node: flow.source.node, message: `${flow.source.label} is read here` }],
        fingerprint: ['no-unbounded-query', flow.source.label, flow.sink.label],
      });
    }
    if (options.reportUnpaginatedLists) findings.push(...findUnpaginatedLists(ctx));
    const threshold = readThreshold(options.maxBodySize);
    for (const limit of getBodySizeLimits(ctx)) {
      if (limit.bytes <= threshold) continue;
      findings.push({
        messageId: 'largeBodyLimit',
        data: {
          sink: limit.label,
          size: formatByteSize(limit.bytes),
          key: limit.key,
          value: getShortText(ctx.sourceFile, limit.value, 40),
          threshold: formatByteSize(threshold),
        },
        node: limit.value,
        severity: 'warning',
        fingerprint: ['no-unbounded-query', 'body', limit.label, limit.key],
      });
    }
    return findings;
  },
});

function readThreshold(option: string | number | undefined): number {
  if (typeof option === 'number') return option;
  return parseByteSize(option ?? DEFAULT_MAX_BODY_SIZE) ?? parseByteSize(DEFAULT_MAX_BODY_SIZE)!;
}

/**
 * A Nest query parameter that a decorator or pipe may bound: `@Query() q: ListDto` where `ListDto`'s
 * field carries `@Max()` (or the class is out of view), or `@Query('limit', ClampPipe)` with a pipe
 * that is not a plain conversion.
 */
function isBoundedByNestDto(ctx: AnalysisContext, flow: Flow): boolean {
  const tsApi = ctx.ts;
  const param = flow.source.node;
  if (!tsApi.isParameter(param)) return false;
  const input = getNestParameterInput(tsApi, param);
  if (!input) return false;
  for (const decorator of getDecorators(tsApi, param)) {
    const pipes = getDecoratorArguments(tsApi, decorator).slice(input.key !== undefined ? 1 : 0);
    if (pipes.some((pipe) => !isConvertingPipe(ctx, pipe))) return true;
  }
  if (input.key !== undefined) return false;
  const suffix = flow.source.label.startsWith(input.label) ? flow.source.label.slice(input.label.length) : '';
  const field = /^\.([A-Za-z_$][\w$]*)/.exec(suffix)?.[1];
  if (!field) return false;
  const type = param.type;
  if (!type || !tsApi.isTypeReferenceNode(type) || !tsApi.isIdentifier(type.typeName)) return false;
  return fieldMayBeBounded(ctx, param.getSourceFile(), type.typeName.text, field, 0);
}

function isConvertingPipe(ctx: AnalysisContext, pipe: ts.Expression): boolean {
  const tsApi = ctx.ts;
  let expr = skipOuterExpressions(tsApi, pipe);
  if (tsApi.isNewExpression(expr)) expr = expr.expression;
  return tsApi.isIdentifier(expr) && CONVERTING_PIPES.has(expr.text);
}

/** True unless the class is in view and its field has no bounding decorator. */
function fieldMayBeBounded(ctx: AnalysisContext, file: ts.SourceFile, className: string, field: string, depth: number): boolean {
  const tsApi = ctx.ts;
  if (depth > MAX_CLASS_DEPTH) return true;
  const symbol = resolveNestName({ ts: tsApi, project: ctx.project }, file, className);
  if (symbol.kind !== 'declaration' || !tsApi.isClassDeclaration(symbol.node)) return true;
  for (const member of symbol.node.members) {
    if (!tsApi.isPropertyDeclaration(member) || getPropertyNameText(tsApi, member.name) !== field) continue;
    return getDecorators(tsApi, member).some((d) => BOUNDING_DECORATORS.has(getDecoratorName(tsApi, d) ?? ''));
  }
  const heritage = symbol.node.heritageClauses?.find((clause) => clause.token === tsApi.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  if (heritage && tsApi.isIdentifier(heritage)) return fieldMayBeBounded(ctx, symbol.file, heritage.text, field, depth + 1);
  // An inherited field from a mapped type (`PartialType(Base)`), or a field the DTO does not declare
  // (a whitelisting pipe strips it): not shown to be unbounded.
  return true;
}

/** `GET` handlers that send a whole table, unless it is a lookup table or the handler pages some other way. */
function findUnpaginatedLists(ctx: AnalysisContext): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<ts.Node>();
  for (const flow of findFlows(ctx, getUnpaginatedListSpec(ctx.settings))) {
    if (seen.has(flow.sink.node) || LOOKUP_TABLE.test(flow.source.label)) continue;
    const handler = getResponseSinkOfNode(ctx.ts, flow.sink.node)?.handler;
    if (handler && PAGINATION_WORDS.test(handler.fn.getText(ctx.sourceFile))) continue;
    seen.add(flow.sink.node);
    findings.push({
      messageId: 'unpaginatedList',
      data: { source: flow.source.label, sink: flow.sink.label, route: flow.sink.role ?? 'GET', via: describeFlowSteps(ctx, flow) },
      node: flow.sink.node,
      severity: 'warning',
      related: [{ node: flow.source.node, message: `${flow.source.label} reads every row` }],
      fingerprint: ['no-unbounded-query', 'list', flow.source.label, flow.sink.role ?? ''],
    });
  }
  return findings;
}

/**
 * True when the route may check the page size before the handler: a validator, or a Fastify route
 * schema, unless that schema is read and declares the field with no upper bound.
 */
function routeChecksLimit(ctx: AnalysisContext, flow: Flow): boolean {
  const lookup = { ts: ctx.ts, project: ctx.project };
  if (!routeMayCheckInput(lookup, flow.source.node)) return false;
  const field = /\.(?:query|querystring)\.([A-Za-z_$][\w$]*)$/.exec(flow.source.label)?.[1];
  return field === undefined || !routeSchemaLeavesFieldUnbounded(lookup, flow.source.node, field);
}
