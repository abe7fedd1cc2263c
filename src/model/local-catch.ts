/**
 * Whether an exception thrown in a function is caught on its way out, before any client sees it:
 * an enclosing `try` (in the same function, or around the call a callback is passed to, as in
 * `prisma.$transaction(async (tx) => { ... })`) whose `catch` keeps the caught value to itself. What
 * the client then gets is decided by that `catch`, whose own answers are analyzed where they are.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getAccessPath, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { walkDescendants } from '../core/walk.js';
import { isLoggerPath, LOG_METHODS } from '../catalog/loggers.js';

/** True when `thrown` (a `throw` statement) lands in a `catch` that neither rethrows nor passes on what it caught. */
export function isSwallowedByEnclosingCatch(tsApi: TsApi, thrown: ts.ThrowStatement): boolean {
  let child: ts.Node = thrown;
  for (let parent = child.parent; parent; child = parent, parent = parent.parent) {
    if (tsApi.isTryStatement(parent)) {
      // Thrown from a `catch` or `finally` block, it goes on up.
      if (child === parent.tryBlock && parent.catchClause) return keepsCaughtValue(tsApi, parent.catchClause);
      continue;
    }
    if (isFunctionLike(tsApi, parent)) {
      if (!isCallbackArgument(tsApi, parent)) return false;
    }
  }
  return false;
}

/** `(async (tx) => { ... })` passed to a call: what it throws surfaces where the call is awaited. */
function isCallbackArgument(tsApi: TsApi, fn: ts.Node): boolean {
  if (!tsApi.isArrowFunction(fn) && !tsApi.isFunctionExpression(fn)) return false;
  let node: ts.Node = fn;
  while (node.parent && tsApi.isParenthesizedExpression(node.parent)) node = node.parent;
  const call = node.parent;
  return !!call && tsApi.isCallExpression(call) && call.arguments.includes(node as ts.Expression);
}

/**
 * True when a `catch` block lets nothing of the caught value out: the value is only logged, compared
 * (`instanceof`) or read through its properties, whose own exposures are analyzed where they are.
 * A rethrow, a return, or the value passed to any other call, stored or wrapped, may carry it on.
 */
function keepsCaughtValue(tsApi: TsApi, clause: ts.CatchClause): boolean {
  const declaration = clause.variableDeclaration;
  if (!declaration) return true;
  if (!tsApi.isIdentifier(declaration.name)) return false;
  const name = declaration.name.text;
  let keeps = true;
  walkDescendants(tsApi, clause.block, (node) => {
    if (!keeps) return false;
    if (!tsApi.isIdentifier(node) || node.text !== name) return undefined;
    if (!isContainedUse(tsApi, node)) keeps = false;
    return undefined;
  });
  return keeps;
}

function isContainedUse(tsApi: TsApi, reference: ts.Identifier): boolean {
  let node: ts.Node = reference;
  while (node.parent && (tsApi.isParenthesizedExpression(node.parent) || tsApi.isAsExpression(node.parent) || tsApi.isNonNullExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  if (!parent) return false;
  if (tsApi.isPropertyAccessExpression(parent)) return parent.expression === node || parent.name === reference;
  if (tsApi.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === tsApi.SyntaxKind.InstanceOfKeyword) return true;
  if (tsApi.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
    const callee = skipOuterExpressions(tsApi, parent.expression);
    if (!tsApi.isPropertyAccessExpression(callee) || !LOG_METHODS.has(callee.name.text)) return false;
    const receiver = getAccessPath(tsApi, callee.expression);
    return receiver !== undefined && isLoggerPath(receiver);
  }
  return false;
}
