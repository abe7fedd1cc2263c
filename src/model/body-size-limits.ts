/**
 * Body size limits a file configures: `express.json({ limit: '50mb' })`, `bodyParser.urlencoded(...)`,
 * `Fastify({ bodyLimit })`, `new FastifyAdapter({ bodyLimit })`, Nest's
 * `app.useBodyParser('json', { limit })`, Fastify route options (`{ bodyLimit }`). The parsers and
 * options are data in `src/catalog/body-parsers.ts`; this file reads the values statically (literals,
 * byte strings, products of numbers, `Infinity`, constants). A value it cannot read is left out.
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../core/context.js';
import { getPropertyNameText, getShortText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import { findBodyLimitMethod, findBodyParser, mayBeBodyParserMember, parseByteSize } from '../catalog/body-parsers.js';
import { getModulePath } from '../flow/module-paths.js';
import { resolveConstValue, type ConstLookup } from './const-value.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface BodySizeLimit {
  /** The parser call or construction (`express.json(...)`), or the route registration. */
  readonly call: ts.CallExpression | ts.NewExpression;
  /** The limit value as written (`'50mb'`). */
  readonly value: ts.Expression;
  /** How messages name the configuration: `express.json`, `Fastify`, `app.useBodyParser`. */
  readonly label: string;
  /** `limit` or `bodyLimit`. */
  readonly key: string;
  /** The limit in bytes (`Infinity` for no limit). */
  readonly bytes: number;
}

const MAX_DEPTH = 8;
const cache = new FileScopedWeakMap<ts.SourceFile, { project: unknown; limits: readonly BodySizeLimit[] }>();

/** Every body size limit the file sets to a value the analysis can read. */
export function getBodySizeLimits(ctx: AnalysisContext): readonly BodySizeLimit[] {
  const cached = cache.get(ctx.sourceFile);
  if (cached && cached.project === ctx.project) return cached.limits;
  const limits = collect(ctx);
  cache.set(ctx.sourceFile, { project: ctx.project, limits });
  return limits;
}

function collect(ctx: AnalysisContext): BodySizeLimit[] {
  const tsApi = ctx.ts;
  const text = ctx.sourceFile.text;
  if (!/limit/i.test(text)) return [];
  const lookup: ConstLookup = { ts: tsApi, file: ctx.sourceFile, project: ctx.project };
  const limits: BodySizeLimit[] = [];
  forEachNodeOfKinds(tsApi, ctx.sourceFile, [tsApi.SyntaxKind.CallExpression, tsApi.SyntaxKind.NewExpression], (node) => {
    if (!tsApi.isCallExpression(node) && !tsApi.isNewExpression(node)) return;
    const found = matchCall(lookup, node, ctx);
    if (found) limits.push(found);
  });
  return limits;
}

function matchCall(lookup: ConstLookup, call: ts.CallExpression | ts.NewExpression, ctx: AnalysisContext): BodySizeLimit | undefined {
  const tsApi = lookup.ts;
  const args = call.arguments ?? [];
  const callee = skipOuterExpressions(tsApi, call.expression);
  const mayBeParser = !tsApi.isPropertyAccessExpression(callee) || mayBeBodyParserMember(callee.name.text);
  const path = mayBeParser ? getModulePath(tsApi, call.expression, ctx.project) : undefined;
  const row = path && !path.local && path.module ? findBodyParser(path.module, path.path, tsApi.isNewExpression(call)) : undefined;
  if (row) return readLimit(lookup, call, args[row.optionsArgument], row.limitKey);
  if (!tsApi.isCallExpression(call) || !tsApi.isPropertyAccessExpression(callee)) return undefined;
  const method = findBodyLimitMethod(callee.name.text);
  if (!method) return undefined;
  if (method.optionsArgument === 'last-object') {
    const objects = args.filter((arg) => tsApi.isObjectLiteralExpression(skipOuterExpressions(tsApi, arg)));
    return readLimit(lookup, call, objects[objects.length - 1], method.limitKey);
  }
  if (method.name === 'nest-use-body-parser' && getStaticString(tsApi, args[0]) === undefined) return undefined;
  return readLimit(lookup, call, args[method.optionsArgument], method.limitKey);
}

function readLimit(lookup: ConstLookup, call: ts.CallExpression | ts.NewExpression, options: ts.Expression | undefined, key: string): BodySizeLimit | undefined {
  const tsApi = lookup.ts;
  if (!options) return undefined;
  const resolved = resolveConstValue(lookup, options);
  if (resolved.kind !== 'value') return undefined;
  const object = skipOuterExpressions(tsApi, resolved.expression);
  if (!tsApi.isObjectLiteralExpression(object)) return undefined;
  let value: ts.Expression | undefined;
  for (const prop of object.properties) {
    if (tsApi.isPropertyAssignment(prop) && getPropertyNameText(tsApi, prop.name) === key) value = prop.initializer;
    else if (tsApi.isShorthandPropertyAssignment(prop) && prop.name.text === key) value = prop.name;
  }
  if (!value) return undefined;
  const bytes = evaluateBytes({ ...lookup, file: resolved.file }, value, 0);
  if (bytes === undefined) return undefined;
  return { call, value, label: getShortText(lookup.file, call.expression, 40), key, bytes };
}

/** A size in bytes: a number, a byte string, `a * b`, `Infinity`, `Number.MAX_SAFE_INTEGER`, or a constant holding one. */
function evaluateBytes(lookup: ConstLookup, expression: ts.Expression, depth: number): number | undefined {
  const tsApi = lookup.ts;
  if (depth > MAX_DEPTH) return undefined;
  const expr = skipOuterExpressions(tsApi, expression);
  if (tsApi.isNumericLiteral(expr)) return Number(expr.text);
  const text = getStaticString(tsApi, expr);
  if (text !== undefined) return parseByteSize(text);
  if (tsApi.isIdentifier(expr) && expr.text === 'Infinity') return Infinity;
  if (tsApi.isPropertyAccessExpression(expr) && tsApi.isIdentifier(expr.expression) && expr.expression.text === 'Number') {
    if (expr.name.text === 'MAX_SAFE_INTEGER' || expr.name.text === 'MAX_VALUE' || expr.name.text === 'POSITIVE_INFINITY') return Infinity;
  }
  if (tsApi.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    const left = evaluateBytes(lookup, expr.left, depth + 1);
    const right = evaluateBytes(lookup, expr.right, depth + 1);
    if (left === undefined || right === undefined) return undefined;
    if (op === tsApi.SyntaxKind.AsteriskToken) return left * right;
    if (op === tsApi.SyntaxKind.PlusToken) return left + right;
    if (op === tsApi.SyntaxKind.AsteriskAsteriskToken) return left ** right;
    return undefined;
  }
  if (tsApi.isIdentifier(expr) || tsApi.isPropertyAccessExpression(expr)) {
    const resolved = resolveConstValue(lookup, expr);
    if (resolved.kind !== 'value' || skipOuterExpressions(tsApi, resolved.expression) === expr) return undefined;
    return evaluateBytes({ ...lookup, file: resolved.file }, resolved.expression, depth + 1);
  }
  return undefined;
}
