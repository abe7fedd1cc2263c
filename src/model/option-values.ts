/**
 * Reading a library's options object statically: `{ algorithms: ['HS256'] }` written inline, held
 * in a constant (in this file or, with the project index, another), spread from other constants, or
 * returned by a Nest `useFactory`. Three-valued, so policies stay silent where the code does not show
 * the answer: a property is `present`, provably `absent`, or `unknown` (a spread, a parameter, a call).
 */
import type * as ts from 'typescript';
import { getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { resolveConstValue, type ConstLookup } from './const-value.js';

export type OptionRead =
  | { readonly kind: 'present'; readonly expression: ts.Expression; readonly file: ts.SourceFile }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unknown' };

const UNKNOWN: OptionRead = { kind: 'unknown' };
const ABSENT: OptionRead = { kind: 'absent' };
const MAX_DEPTH = 12;

/** The object literal an expression stands for, following constants; `undefined` when it is not one. */
export function resolveObjectLiteral(lookup: ConstLookup, expression: ts.Expression): { object: ts.ObjectLiteralExpression; file: ts.SourceFile } | undefined {
  const value = resolveConstValue(lookup, expression);
  if (value.kind !== 'value') return undefined;
  const expr = skipOuterExpressions(lookup.ts, value.expression);
  return lookup.ts.isObjectLiteralExpression(expr) ? { object: expr, file: value.file } : undefined;
}

/** The object a factory function returns: a concise body, or the single `return { ... }` of its block. */
function getReturnedObject(tsApi: ConstLookup['ts'], fn: ts.Expression): ts.Expression | undefined {
  const expr = skipOuterExpressions(tsApi, fn);
  if (!tsApi.isArrowFunction(expr) && !tsApi.isFunctionExpression(expr)) return undefined;
  if (!tsApi.isBlock(expr.body)) return expr.body;
  const returns = expr.body.statements.filter(tsApi.isReturnStatement);
  return returns.length === 1 ? returns[0]!.expression : undefined;
}

function readIn(lookup: ConstLookup, expression: ts.Expression, path: readonly string[], depth: number): OptionRead {
  if (path.length === 0) {
    // The property is there even when its value is opaque (`process.env.KEY`, a parameter).
    const value = resolveConstValue(lookup, expression);
    return value.kind === 'value'
      ? { kind: 'present', expression: skipOuterExpressions(lookup.ts, value.expression), file: value.file }
      : { kind: 'present', expression: skipOuterExpressions(lookup.ts, expression), file: lookup.file };
  }
  if (depth > MAX_DEPTH) return UNKNOWN;
  const tsApi = lookup.ts;
  const [head, ...rest] = path as [string, ...string[]];
  if (head.endsWith('()')) {
    const owner = readIn(lookup, expression, [head.slice(0, -2)], depth + 1);
    if (owner.kind !== 'present') return owner;
    const returned = getReturnedObject(tsApi, owner.expression);
    return returned ? readIn({ ...lookup, file: owner.file }, returned, rest, depth + 1) : UNKNOWN;
  }
  const resolved = resolveObjectLiteral(lookup, expression);
  if (!resolved) return UNKNOWN;
  const inner = { ...lookup, file: resolved.file };
  // Later properties win: read from the end, and stop at a spread that may hold the name.
  const properties = resolved.object.properties;
  for (let i = properties.length - 1; i >= 0; i--) {
    const prop = properties[i]!;
    if (tsApi.isSpreadAssignment(prop)) {
      const spread = readIn(inner, prop.expression, [head], depth + 1);
      if (spread.kind === 'absent') continue;
      if (spread.kind === 'unknown') return UNKNOWN;
      return rest.length === 0 ? spread : readIn({ ...lookup, file: spread.file }, spread.expression, rest, depth + 1);
    }
    if (getPropertyNameText(tsApi, prop.name) !== head) {
      if (prop.name && tsApi.isComputedPropertyName(prop.name) && getStaticString(tsApi, prop.name.expression) === undefined) return UNKNOWN;
      continue;
    }
    let value: ts.Expression | undefined;
    if (tsApi.isPropertyAssignment(prop)) value = prop.initializer;
    else if (tsApi.isShorthandPropertyAssignment(prop)) value = prop.name;
    else if (tsApi.isMethodDeclaration(prop)) return rest.length === 0 ? { kind: 'present', expression: prop as unknown as ts.Expression, file: resolved.file } : UNKNOWN;
    if (!value) return UNKNOWN;
    return readIn(inner, value, rest, depth + 1);
  }
  return ABSENT;
}

/** The option at `path` (`['verifyOptions', 'algorithms']`, `['useFactory()', 'signOptions']`) of an options argument. */
export function readOption(lookup: ConstLookup, options: ts.Expression | undefined, path: readonly string[]): OptionRead {
  if (!options) return ABSENT;
  return readIn(lookup, options, path, 0);
}

/** `true` or `false` when an option value is the boolean literal (through constants). */
export function readBoolean(lookup: ConstLookup, read: OptionRead): boolean | undefined {
  if (read.kind !== 'present') return undefined;
  const kind = read.expression.kind;
  if (kind === lookup.ts.SyntaxKind.TrueKeyword) return true;
  if (kind === lookup.ts.SyntaxKind.FalseKeyword) return false;
  return undefined;
}

/** The strings of a string or an array literal of strings (through constants); `undefined` for anything else. */
export function readStrings(lookup: ConstLookup, read: OptionRead): string[] | undefined {
  if (read.kind !== 'present') return undefined;
  const tsApi = lookup.ts;
  const single = getStaticString(tsApi, read.expression);
  if (single !== undefined) return [single];
  if (!tsApi.isArrayLiteralExpression(read.expression)) return undefined;
  const values: string[] = [];
  for (const element of read.expression.elements) {
    const resolved = resolveConstValue({ ...lookup, file: read.file }, element);
    const text = resolved.kind === 'value' ? getStaticString(tsApi, resolved.expression) : undefined;
    if (text === undefined) return undefined;
    values.push(text);
  }
  return values;
}
