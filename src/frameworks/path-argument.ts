/**
 * Reading route paths and prefixes as written: literals, templates and concatenations with
 * constants of the same file (`${API}/users`, `ROUTES.users`), arrays of paths. A part the file does
 * not fix is written `?`.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getBoundedStaticString, skipOuterExpressions } from '../core/ast.js';
import { resolveConstValue } from '../model/const-value.js';
import { UNKNOWN_SEGMENT } from '../model/route-paths.js';

/** Names that read like a path or prefix even when their value is not known (`API_PREFIX`, `basePath`). */
const PATH_LIKE_NAME = /^[A-Z][A-Z0-9_]*$|(?:[Pp]ath|PATH|[Pp]refix|PREFIX|[Rr]oute|ROUTE|[Uu]rl|URL|[Bb]ase|BASE|[Mm]ount|MOUNT)S?s?$/;

/** The paths an argument stands for; `undefined` entries are paths the file does not fix. */
export function readPathArgument(tsApi: TsApi, file: ts.SourceFile, node: ts.Expression): (string | undefined)[] {
  const list = resolvePathList(tsApi, file, node);
  if (list) return list.array.elements.map((element) => (tsApi.isSpreadElement(element) ? undefined : readPathValue(tsApi, list.file, element, 0)));
  return [readPathValue(tsApi, file, skipOuterExpressions(tsApi, node), 0)];
}

/** The array of paths an argument is: written inline, or a constant list (`const adminRoutes = ['/admin', '/ops']`). */
function resolvePathList(tsApi: TsApi, file: ts.SourceFile, node: ts.Expression): { array: ts.ArrayLiteralExpression; file: ts.SourceFile } | undefined {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isArrayLiteralExpression(expr)) return { array: expr, file };
  if (!tsApi.isIdentifier(expr) && !tsApi.isPropertyAccessExpression(expr)) return undefined;
  const value = resolveConstValue({ ts: tsApi, file }, expr);
  if (value.kind !== 'value' || value.expression === expr) return undefined;
  const resolved = skipOuterExpressions(tsApi, value.expression);
  return tsApi.isArrayLiteralExpression(resolved) ? { array: resolved, file: value.file } : undefined;
}

/**
 * True when a leading argument of `use`/`register` options is a path rather than middleware: a
 * string, template, regex or array of those, a name bound to a string constant, or an unknown name
 * that reads like a path (`API_PREFIX`).
 */
export function isPathArgument(tsApi: TsApi, file: ts.SourceFile, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isStringLiteralLike(expr) || tsApi.isTemplateExpression(expr) || tsApi.isRegularExpressionLiteral(expr)) return true;
  if (tsApi.isBinaryExpression(expr) && expr.operatorToken.kind === tsApi.SyntaxKind.PlusToken) return true;
  if (tsApi.isArrayLiteralExpression(expr)) {
    return expr.elements.length > 0 && expr.elements.every((e) => !tsApi.isSpreadElement(e) && isPathArgument(tsApi, file, e));
  }
  if (tsApi.isIdentifier(expr) || tsApi.isPropertyAccessExpression(expr)) {
    if (readPathValue(tsApi, file, expr, 0) !== undefined) return true;
    const list = resolvePathList(tsApi, file, expr);
    if (list) return list.array.elements.length > 0 && list.array.elements.every((e) => !tsApi.isSpreadElement(e) && isPathArgument(tsApi, list.file, e));
    const name = tsApi.isIdentifier(expr) ? expr.text : expr.name.text;
    return PATH_LIKE_NAME.test(name) && !/(?:router|routes)$/i.test(name);
  }
  return false;
}

function readPathValue(tsApi: TsApi, file: ts.SourceFile, node: ts.Expression, depth: number): string | undefined {
  if (depth > 8) return undefined;
  const expr = skipOuterExpressions(tsApi, node);
  const literal = getBoundedStaticString(tsApi, expr);
  if (literal !== undefined) return literal;
  if (tsApi.isTemplateExpression(expr)) {
    let text = expr.head.text;
    for (const span of expr.templateSpans) {
      text += readPathValue(tsApi, file, span.expression, depth + 1) ?? UNKNOWN_SEGMENT;
      text += span.literal.text;
    }
    return text;
  }
  if (tsApi.isBinaryExpression(expr) && expr.operatorToken.kind === tsApi.SyntaxKind.PlusToken) {
    const left = readPathValue(tsApi, file, expr.left, depth + 1);
    const right = readPathValue(tsApi, file, expr.right, depth + 1);
    if (left === undefined && right === undefined) return undefined;
    return (left ?? UNKNOWN_SEGMENT) + (right ?? UNKNOWN_SEGMENT);
  }
  if (tsApi.isPropertyAccessExpression(expr) && expr.expression.kind === tsApi.SyntaxKind.ThisKeyword) {
    const init = getClassFieldInitializer(tsApi, expr);
    return init ? readPathValue(tsApi, file, init, depth + 1) : undefined;
  }
  if (tsApi.isIdentifier(expr) || tsApi.isPropertyAccessExpression(expr)) {
    const value = resolveConstValue({ ts: tsApi, file }, expr);
    if (value.kind === 'value' && value.expression !== expr) return readPathValue(tsApi, value.file, value.expression, depth + 1);
  }
  return undefined;
}

/**
 * `this.path` in a class with `public path = '/users'` that no method assigns again: the field's
 * initializer (the class-based routers of the TypeScript Express starters).
 */
function getClassFieldInitializer(tsApi: TsApi, access: ts.PropertyAccessExpression): ts.Expression | undefined {
  let node: ts.Node | undefined = access.parent;
  // `this` is the instance up to the nearest class, through arrow functions only.
  while (node && !tsApi.isClassLike(node)) {
    if (tsApi.isFunctionDeclaration(node) || tsApi.isFunctionExpression(node)) return undefined;
    node = node.parent;
  }
  if (!node) return undefined;
  const name = access.name.text;
  const field = node.members.find(
    (member): member is ts.PropertyDeclaration => tsApi.isPropertyDeclaration(member) && tsApi.isIdentifier(member.name) && member.name.text === name,
  );
  if (!field?.initializer || (tsApi.getModifiers?.(field) ?? []).some((m) => m.kind === tsApi.SyntaxKind.StaticKeyword)) return undefined;
  const reassigned = new RegExp(`this\\.${name}\\s*(?:[-+*/%&|^]|\\?\\?|&&|\\|\\|)?=(?!=)`);
  return reassigned.test(node.getText()) ? undefined : field.initializer;
}
