/**
 * Page sizes from the request that reach a database query's limit with no upper bound on the way:
 * the flow spec of `no-unbounded-query` (OWASP API4:2023, CWE-770).
 *
 * - Sources: request query strings, bodies and path parameters (Nest `@Query()`, `@Body()`, `@Param()`).
 * - Sinks: the argument of `.limit(n)` / `.take(n)` (Mongoose, Knex, Kysely, Drizzle, TypeORM query
 *   builders, the MongoDB driver's cursors), the `limit`/`take` property of an options object literal
 *   passed to `find`/`findMany`/`findAll`/`findAndCountAll`/`findAndCount`/`paginate` (Prisma, TypeORM,
 *   Sequelize, Mongoose, mongoose-paginate), and a value placed right after `LIMIT` in SQL text built
 *   with a template or `+`.
 * - Steps: number conversions and arithmetic keep the taint (`parseInt`, `Number`, `Math.floor`,
 *   `Math.max`, `+x`, `x * 1`, `x | 0`): converting is not bounding.
 * - Barriers: `Math.min(x, MAX)` with a bound that is not itself from the request, validator results
 *   (zod, joi, yup, class-validator, ... : the schema is trusted to bound what it declares), and
 *   unknown helpers (an imported `clampLimit(x)` the analysis cannot read returns a clean value).
 * - Guards: an upper-bound comparison that dominates the sink (`if (limit > MAX) return ...`,
 *   `if (limit > MAX) limit = MAX`, `limit <= MAX ? limit : MAX`).
 */
import type * as ts from 'typescript';
import { NO_SINK_TARGETS } from './spec.js';
import type { ResolvedSettings } from '../settings/schema.js';
import { getPropertyNameText, getShortText, skipOuterExpressions } from '../core/ast.js';
import { matchValidatorCall } from '../model/validation-calls.js';
import type { FlowApi, FlowSpec, GuardCheck, SinkTarget } from './engine.js';

/** Methods that set a query's row limit from their only argument. */
const LIMIT_METHODS: ReadonlySet<string> = new Set(['limit', 'take']);
/** Query methods whose options object may carry `limit` or `take`. */
const FIND_METHODS: ReadonlySet<string> = new Set(['find', 'findMany', 'findAll', 'findAndCountAll', 'findAndCount', 'paginate']);
/** Option keys that set the row limit. */
const LIMIT_KEYS: ReadonlySet<string> = new Set(['limit', 'take']);
/** Number conversions and roundings: the result is as large as the input. */
const NUMBER_CONVERSIONS: ReadonlySet<string> = new Set([
  'Number',
  'parseInt',
  'parseFloat',
  'Number.parseInt',
  'Number.parseFloat',
  'Math.floor',
  'Math.ceil',
  'Math.round',
  'Math.trunc',
  'Math.abs',
  'Math.max',
  'BigInt',
]);
/** Packages whose `take`/`limit` functions are not database queries (`_.take(array, n)`, rxjs `take(n)`). */
const NON_QUERY_MODULES: ReadonlySet<string> = new Set(['lodash', 'lodash/fp', 'ramda', 'rxjs', 'rxjs/operators', 'underscore', '@upstash/ratelimit']);
const SQL_LIMIT_BEFORE = /\blimit\s*$/i;
/** Static SQL text: a query reads `FROM` a table (messages such as `Invalid limit ${n}` do not). */
const SQL_QUERY_TEXT = /\bselect\b[\s\S]*\bfrom\b/i;

const specs = new WeakMap<ResolvedSettings, FlowSpec>();

/** The spec for a settings object (created once per settings object, so the engine's cache holds). */
export function getQueryLimitSpec(settings: ResolvedSettings): FlowSpec {
  let spec = specs.get(settings);
  if (!spec) {
    spec = createSpec(settings.validators);
    specs.set(settings, spec);
  }
  return spec;
}

function createSpec(extraValidators: readonly string[]): FlowSpec {
  return {
    id: 'no-unbounded-query',
    sources: { request: ['query', 'body', 'params'] },
    arithmeticKeepsTaint: true,
    sinks: (node, api) => getQueryLimitSinks(node, api),
    mayHaveSinks: (sourceFile) => /\b(limit|take)\b/i.test(sourceFile.text),
    step(call, api) {
      const tsApi = api.ts;
      if (!tsApi.isCallExpression(call) || call.arguments.length === 0) return undefined;
      const path = api.modulePathOf(call.expression);
      if (!path || path.module !== undefined || !NUMBER_CONVERSIONS.has(path.path)) return undefined;
      return { from: path.path === 'Math.max' ? [...call.arguments] : [call.arguments[0]!] };
    },
    isBarrier(expr, api): boolean {
      const tsApi = api.ts;
      if (!tsApi.isCallExpression(expr)) return false;
      const path = api.modulePathOf(expr.expression);
      if (path && path.module === undefined && path.path === 'Math.min') return expr.arguments.some((arg) => !api.isTainted(arg));
      const validator = matchValidatorCall({ ts: tsApi, file: api.sourceFile, project: api.ctx.project }, expr, { extraValidators });
      return validator !== undefined && validator.mode === 'result';
    },
    barrierGuard: (condition, api) => getUpperBoundCheck(condition, api),
  };
}

/** The row-limit values of a query call, or none. */
export function getQueryLimitSinks(node: ts.Node, api: FlowApi): readonly SinkTarget[] {
  const tsApi = api.ts;
  if (!tsApi.isCallExpression(node)) return NO_SINK_TARGETS;
  const callee = skipOuterExpressions(tsApi, node.expression);
  const targets: SinkTarget[] = [];
  if (tsApi.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const path = api.modulePathOf(callee);
    const nonQuery = path?.module !== undefined && NON_QUERY_MODULES.has(path.module);
    if (LIMIT_METHODS.has(method) && node.arguments.length === 1 && !nonQuery) {
      targets.push({ node, expression: node.arguments[0]!, label: `.${method}()`, role: method });
    }
    if (FIND_METHODS.has(method) && !nonQuery) {
      const label = getShortText(api.sourceFile, callee, 40);
      for (const arg of node.arguments) {
        const options = skipOuterExpressions(tsApi, arg);
        if (!tsApi.isObjectLiteralExpression(options)) continue;
        for (const prop of options.properties) {
          const key = tsApi.isPropertyAssignment(prop) || tsApi.isShorthandPropertyAssignment(prop) ? getPropertyNameText(tsApi, prop.name) : undefined;
          if (!key || !LIMIT_KEYS.has(key)) continue;
          const value = tsApi.isPropertyAssignment(prop) ? prop.initializer : (prop as ts.ShorthandPropertyAssignment).name;
          targets.push({ node, expression: value, label, role: key });
        }
      }
    }
  }
  for (const arg of node.arguments) targets.push(...sqlLimitTargets(node, arg, api));
  return targets;
}

/** `LIMIT ${n}` in a template, or `'... LIMIT ' + n`, passed to a call. */
function sqlLimitTargets(call: ts.CallExpression, arg: ts.Expression, api: FlowApi): SinkTarget[] {
  const tsApi = api.ts;
  let expr = skipOuterExpressions(tsApi, arg);
  if (tsApi.isTaggedTemplateExpression(expr)) expr = expr.template;
  const targets: SinkTarget[] = [];
  if (!tsApi.isTemplateExpression(expr) && !(tsApi.isBinaryExpression(expr) && expr.operatorToken.kind === tsApi.SyntaxKind.PlusToken)) return targets;
  // Only for candidates: `getShortText` reads the callee's text, long in chains.
  const label = getShortText(api.sourceFile, call.expression, 40);
  if (tsApi.isTemplateExpression(expr)) {
    if (!SQL_QUERY_TEXT.test([expr.head.text, ...expr.templateSpans.map((span) => span.literal.text)].join(' '))) return targets;
    let before = expr.head.text;
    for (const span of expr.templateSpans) {
      if (SQL_LIMIT_BEFORE.test(before)) targets.push({ node: call, expression: span.expression, label, role: 'LIMIT' });
      before = span.literal.text;
    }
    return targets;
  }
  // 'SELECT ... LIMIT ' + n (+ ...): the operand right after a literal that ends with LIMIT
  const operands: ts.Expression[] = [];
  const stack: ts.Expression[] = [expr];
  while (stack.length > 0) {
    const current = skipOuterExpressions(tsApi, stack.pop()!);
    if (tsApi.isBinaryExpression(current) && current.operatorToken.kind === tsApi.SyntaxKind.PlusToken) {
      stack.push(current.right, current.left);
      continue;
    }
    operands.push(current);
  }
  if (operands.length < 2) return targets;
  const staticText = operands.map((o) => (tsApi.isStringLiteral(o) || tsApi.isNoSubstitutionTemplateLiteral(o) ? o.text : ' ')).join(' ');
  if (!SQL_QUERY_TEXT.test(staticText)) return targets;
  for (let i = 1; i < operands.length; i++) {
    const previous = operands[i - 1]!;
    if ((tsApi.isStringLiteral(previous) || tsApi.isNoSubstitutionTemplateLiteral(previous)) && SQL_LIMIT_BEFORE.test(previous.text)) {
      targets.push({ node: call, expression: operands[i]!, label, role: 'LIMIT' });
    }
  }
  return targets;
}

/**
 * An upper bound on a value: `x > MAX` or `x >= MAX` false, `x < MAX` or `x <= MAX` true (and the
 * mirrored forms), where the bound is not itself from the request.
 */
function getUpperBoundCheck(condition: ts.Expression, api: FlowApi): GuardCheck | undefined {
  const tsApi = api.ts;
  const cond = skipOuterExpressions(tsApi, condition);
  if (!tsApi.isBinaryExpression(cond)) return undefined;
  const kinds = tsApi.SyntaxKind;
  const op = cond.operatorToken.kind;
  const greater = op === kinds.GreaterThanToken || op === kinds.GreaterThanEqualsToken;
  const less = op === kinds.LessThanToken || op === kinds.LessThanEqualsToken;
  if (!greater && !less) return undefined;
  const leftTainted = api.isTainted(cond.left);
  const rightTainted = api.isTainted(cond.right);
  if (leftTainted === rightTainted) return undefined;
  // `x > MAX` bounds x when false; `MAX < x` likewise; `x < MAX` and `MAX > x` when true.
  if (leftTainted) return { checked: cond.left, when: less, against: cond.right };
  return { checked: cond.right, when: greater, against: cond.left };
}
