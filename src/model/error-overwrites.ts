/**
 * Error reads that a later statement takes back wherever they could leak: the variable or the
 * response property that holds them is overwritten (or deleted) under a check whose failing says
 * the code runs only in development, or that the error is a client error.
 *
 * ```ts
 * let { statusCode, message } = err;
 * if (process.env.NODE_ENV === 'production' && !err.isOperational) {
 *   statusCode = 500;
 *   message = 'Internal Server Error';
 * }
 * res.status(statusCode).send({ code: statusCode, message });
 *
 * const response = { code: 500, message: 'Internal error', stack: err.stack };
 * if (process.env.NODE_ENV !== 'development') delete response.stack;
 * res.json(response);
 * ```
 *
 * After `if (C) { message = 'Internal Server Error' }` the error's own value is still there only
 * where `C` failed. Here `C` fails outside production (development, where showing it is fine) or
 * for an operational error (a client error, whose message is written for clients), so the
 * `message` sent after it leaks nothing. The stack is taken back only by an environment check: a
 * client error's stack is internal all the same.
 *
 * What counts, syntax only:
 * - the overwrite is an `if` (without regard to its `else`) that follows the declaration in the
 *   same block and assigns, at the top level of its branch, a value built from nothing local to the
 *   function (`'Internal Server Error'`, `httpStatus[500]`, `messages.internal`), or `delete`s the
 *   property (`delete response.stack`, `response.stack = undefined`);
 * - a destructured error field (`let { message } = err`) is judged per reference: each read after
 *   the `if` is taken back, a read before it is not;
 * - a variable or object initialized from the error (`let message = err.message`, `const response =
 *   { stack: err.stack }`) carries the read into every use of the variable, so every use must come
 *   after the `if` (a `logger.error(message)` before it keeps the read).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getEnclosingFunction, getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { isDeclaringIdentifier, resolveIdentifier } from '../core/scope.js';
import { walkDescendants } from '../core/walk.js';
import type { ErrorReveal } from '../catalog/errors.js';
import { classifyEnvironmentCondition } from './environment-guards.js';
import { classifyErrorNarrowing } from './error-classes.js';

/** Conditions nested deeper than this say nothing (hostile input). */
const MAX_CONDITION_NESTING = 64;
/** How far a read is followed up through the values that carry it (`(err.message ?? 'x') + '!'`). */
const MAX_VALUE_DEPTH = 16;

/** Where an error read is kept: a variable, or one property of the object a variable holds. */
interface Holder {
  readonly declaration: ts.VariableDeclaration | ts.BindingElement;
  readonly name: ts.Identifier;
  /** The statement that declares it, and the statements of its block. */
  readonly statement: ts.Statement;
  readonly statements: readonly ts.Statement[];
  /** Set when the read is the value of this property of an object literal the variable holds. */
  readonly property?: string;
  /** The one reference judged (a destructured field's read); absent: every use of the variable. */
  readonly reference?: ts.Identifier;
}

/**
 * True when the read `node` (an error exposure revealing `reveals`) is overwritten or deleted
 * before it is used, wherever it could leak (see the file comment). `isErrorReference` tells the
 * references of the caught error, for client-error checks in the condition.
 */
export function isTakenBackOutsideDevelopment(
  tsApi: TsApi,
  node: ts.Expression,
  reveals: ErrorReveal,
  isErrorReference: (expr: ts.Expression) => boolean,
): boolean {
  for (const holder of getHolders(tsApi, node)) {
    const overwrite = findTakingBack(tsApi, holder, reveals, isErrorReference);
    if (overwrite && areUsesAfter(tsApi, holder, overwrite)) return true;
  }
  return false;
}

/**
 * The holders of a read: the destructured field it is a reference of (`message` of `let { message }
 * = err`), the variable it initializes (`let message = err.message`), the property of the object it
 * initializes (`const response = { stack: err.stack }`, also `{ stack }` of a destructured field).
 */
function getHolders(tsApi: TsApi, node: ts.Expression): Holder[] {
  const holders: Holder[] = [];
  if (tsApi.isIdentifier(node)) {
    const declaration = resolveIdentifier(tsApi, node)?.declaration;
    if (declaration && tsApi.isBindingElement(declaration) && tsApi.isIdentifier(declaration.name)) {
      const place = getDeclarationPlace(tsApi, declaration);
      if (place) holders.push({ declaration, name: declaration.name, ...place, reference: node });
    }
  }
  const value = climbValue(tsApi, node);
  const parent = value.parent;
  if (tsApi.isVariableDeclaration(parent) && parent.initializer === value && tsApi.isIdentifier(parent.name)) {
    const place = getDeclarationPlace(tsApi, parent);
    if (place) holders.push({ declaration: parent, name: parent.name, ...place });
  }
  const property = tsApi.isShorthandPropertyAssignment(node.parent) ? node.parent : tsApi.isPropertyAssignment(parent) && parent.initializer === value ? parent : undefined;
  const propertyName = property ? getPropertyNameText(tsApi, property.name) : undefined;
  if (property && propertyName !== undefined && tsApi.isObjectLiteralExpression(property.parent)) {
    const object = climbValue(tsApi, property.parent);
    const declaration = object.parent;
    if (tsApi.isVariableDeclaration(declaration) && declaration.initializer === object && tsApi.isIdentifier(declaration.name)) {
      const place = getDeclarationPlace(tsApi, declaration);
      if (place) holders.push({ declaration, name: declaration.name, ...place, property: propertyName });
    }
  }
  return holders;
}

/** Up through the expressions whose value carries the read: parentheses, casts, `??`, `+`, `?:` branches, templates. */
function climbValue(tsApi: TsApi, node: ts.Expression): ts.Expression {
  let current: ts.Node = node;
  for (let depth = 0; depth < MAX_VALUE_DEPTH; depth++) {
    const parent: ts.Node = current.parent;
    if (!parent) break;
    const carries =
      tsApi.isParenthesizedExpression(parent) ||
      tsApi.isAsExpression(parent) ||
      tsApi.isNonNullExpression(parent) ||
      tsApi.isSatisfiesExpression(parent) ||
      tsApi.isTypeAssertionExpression(parent) ||
      tsApi.isTemplateSpan(parent) ||
      tsApi.isTemplateExpression(parent) ||
      (tsApi.isConditionalExpression(parent) && parent.condition !== current) ||
      (tsApi.isBinaryExpression(parent) && isValueOperator(tsApi, parent.operatorToken.kind));
    if (!carries) break;
    current = parent;
  }
  return current as ts.Expression;
}

function isValueOperator(tsApi: TsApi, op: ts.SyntaxKind): boolean {
  return op === tsApi.SyntaxKind.PlusToken || op === tsApi.SyntaxKind.BarBarToken || op === tsApi.SyntaxKind.QuestionQuestionToken;
}

/** The variable statement that declares a variable (or a destructured name) and its block's statements. */
function getDeclarationPlace(
  tsApi: TsApi,
  declaration: ts.VariableDeclaration | ts.BindingElement,
): { readonly statement: ts.Statement; readonly statements: readonly ts.Statement[] } | undefined {
  let current: ts.Node = declaration;
  while (tsApi.isBindingElement(current) || tsApi.isObjectBindingPattern(current) || tsApi.isArrayBindingPattern(current)) current = current.parent;
  if (!tsApi.isVariableDeclaration(current)) return undefined;
  const statement = current.parent.parent;
  if (!statement || !tsApi.isVariableStatement(statement)) return undefined;
  const block = statement.parent;
  if (!tsApi.isBlock(block) && !tsApi.isCaseClause(block) && !tsApi.isDefaultClause(block)) return undefined;
  return { statement, statements: block.statements };
}

/**
 * The first `if` after the declaration that takes the read back: it overwrites (or deletes) what
 * holds it at the top level of its branch, and every way its condition can fail is safe for the
 * read (see `isSafeWhen`).
 */
function findTakingBack(
  tsApi: TsApi,
  holder: Holder,
  reveals: ErrorReveal,
  isErrorReference: (expr: ts.Expression) => boolean,
): ts.IfStatement | undefined {
  const fn = getEnclosingFunction(tsApi, holder.statement);
  if (!fn) return undefined;
  for (let i = holder.statements.indexOf(holder.statement) + 1; i < holder.statements.length; i++) {
    const statement = holder.statements[i]!;
    if (!tsApi.isIfStatement(statement)) continue;
    const branch = tsApi.isBlock(statement.thenStatement) ? statement.thenStatement.statements : [statement.thenStatement];
    if (!branch.some((s) => isOverwrite(tsApi, s, holder, fn))) continue;
    if (isSafeWhen(tsApi, statement.expression, false, reveals, isErrorReference, 0)) return statement;
  }
  return undefined;
}

/** `message = 'Internal Server Error'`, `delete response.stack`, `response.stack = undefined`, `response = { ... }`. */
function isOverwrite(tsApi: TsApi, statement: ts.Statement, holder: Holder, fn: ts.FunctionLikeDeclaration): boolean {
  if (!tsApi.isExpressionStatement(statement)) return false;
  const expr = skipOuterExpressions(tsApi, statement.expression);
  if (tsApi.isDeleteExpression(expr)) return holder.property !== undefined && isPropertyOf(tsApi, expr.expression, holder);
  if (!tsApi.isBinaryExpression(expr) || expr.operatorToken.kind !== tsApi.SyntaxKind.EqualsToken) return false;
  const target = skipOuterExpressions(tsApi, expr.left);
  const replaces = isReferenceTo(tsApi, target, holder) || (holder.property !== undefined && isPropertyOf(tsApi, target, holder));
  return replaces && isBuiltWithoutLocals(tsApi, expr.right, fn);
}

/** `response.stack`, `response['stack']` for the holder's variable and property. */
function isPropertyOf(tsApi: TsApi, node: ts.Expression, holder: Holder): boolean {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isPropertyAccessExpression(expr)) return expr.name.text === holder.property && isReferenceTo(tsApi, expr.expression, holder);
  if (tsApi.isElementAccessExpression(expr)) return getStaticString(tsApi, expr.argumentExpression) === holder.property && isReferenceTo(tsApi, expr.expression, holder);
  return false;
}

function isReferenceTo(tsApi: TsApi, node: ts.Expression, holder: Holder): boolean {
  const expr = skipOuterExpressions(tsApi, node);
  return tsApi.isIdentifier(expr) && expr.text === holder.name.text && resolveIdentifier(tsApi, expr)?.declaration === holder.declaration;
}

/**
 * True when a value uses nothing declared in the handler (`'Internal Server Error'`,
 * `httpStatus[httpStatus.INTERNAL_SERVER_ERROR]`, `t('errors.internal')`): it cannot carry the
 * error, which only the handler's parameters and locals hold.
 */
function isBuiltWithoutLocals(tsApi: TsApi, value: ts.Expression, fn: ts.FunctionLikeDeclaration): boolean {
  let local = false;
  walkDescendants(tsApi, value, (node) => {
    if (local) return false;
    if (node.kind === tsApi.SyntaxKind.ThisKeyword) local = true;
    else if (tsApi.isPropertyAccessExpression(node)) {
      walkDescendants(tsApi, node.expression, (inner) => {
        if (!local && tsApi.isIdentifier(inner) && isDeclaredIn(tsApi, inner, fn)) local = true;
        if (!local && inner.kind === tsApi.SyntaxKind.ThisKeyword) local = true;
        return local ? false : undefined;
      });
      return false; // the member name is not a reference
    } else if (tsApi.isIdentifier(node) && !isPropertyName(tsApi, node) && isDeclaredIn(tsApi, node, fn)) local = true;
    return local ? false : undefined;
  });
  return !local;
}

/** The name of `{ name: value }`, not a reference. */
function isPropertyName(tsApi: TsApi, id: ts.Identifier): boolean {
  const parent = id.parent;
  return (tsApi.isPropertyAssignment(parent) || tsApi.isMethodDeclaration(parent)) && parent.name === id;
}

function isDeclaredIn(tsApi: TsApi, id: ts.Identifier, fn: ts.FunctionLikeDeclaration): boolean {
  const declaration = resolveIdentifier(tsApi, id)?.declaration;
  return declaration !== undefined && declaration.pos >= fn.pos && declaration.end <= fn.end;
}

/**
 * True when the holder's uses all come after the overwrite: the one judged reference, or else
 * every reference of the variable except the overwrite's own target (reads in its condition do not
 * send anything).
 */
function areUsesAfter(tsApi: TsApi, holder: Holder, overwrite: ts.IfStatement): boolean {
  if (holder.reference) return holder.reference.getStart() >= overwrite.end;
  let before = false;
  walkDescendants(tsApi, holder.statement.parent, (node) => {
    if (before || node === holder.statement) return false;
    if (!tsApi.isIdentifier(node) || node.text !== holder.name.text || isDeclaringIdentifier(tsApi, node)) return undefined;
    if (node.getStart() >= overwrite.end || isWithin(node, overwrite.expression)) return undefined;
    if (isOverwriteTarget(tsApi, node, overwrite)) return undefined;
    if (resolveIdentifier(tsApi, node)?.declaration === holder.declaration) before = true;
    return undefined;
  });
  return !before;
}

/** The variable in `message = ...`, `delete response.stack`, `response.stack = ...` at the top of the overwrite's branch. */
function isOverwriteTarget(tsApi: TsApi, id: ts.Identifier, overwrite: ts.IfStatement): boolean {
  let node: ts.Node = id;
  while (tsApi.isPropertyAccessExpression(node.parent) || tsApi.isElementAccessExpression(node.parent) || tsApi.isParenthesizedExpression(node.parent)) {
    if ((tsApi.isPropertyAccessExpression(node.parent) || tsApi.isElementAccessExpression(node.parent)) && node.parent.expression !== node) return false;
    node = node.parent;
  }
  const parent = node.parent;
  const isTarget =
    (tsApi.isDeleteExpression(parent) && parent.expression === node) ||
    (tsApi.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken);
  if (!isTarget) return false;
  const statement = parent.parent;
  const branch = overwrite.thenStatement;
  return tsApi.isExpressionStatement(statement) && (statement === branch || statement.parent === branch);
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/**
 * True when `condition` evaluating to `holds` leaves the read harmless in every case: each way it
 * can come about says the code runs only in development, or (not for the stack) that the error is
 * a client error. `A && B` failing is `A` failing or `B` failing, so both must be safe; `A || B`
 * failing is both failing, so one is enough.
 */
function isSafeWhen(
  tsApi: TsApi,
  condition: ts.Expression,
  holds: boolean,
  reveals: ErrorReveal,
  isErrorReference: (expr: ts.Expression) => boolean,
  depth: number,
): boolean {
  if (depth > MAX_CONDITION_NESTING) return false;
  const expr = skipOuterExpressions(tsApi, condition);
  if (tsApi.isPrefixUnaryExpression(expr) && expr.operator === tsApi.SyntaxKind.ExclamationToken) {
    return isSafeWhen(tsApi, expr.operand, !holds, reveals, isErrorReference, depth + 1);
  }
  if (tsApi.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === tsApi.SyntaxKind.AmpersandAmpersandToken || op === tsApi.SyntaxKind.BarBarToken) {
      const left = isSafeWhen(tsApi, expr.left, holds, reveals, isErrorReference, depth + 1);
      const right = isSafeWhen(tsApi, expr.right, holds, reveals, isErrorReference, depth + 1);
      const both = (op === tsApi.SyntaxKind.AmpersandAmpersandToken) === holds;
      return both ? left || right : left && right;
    }
  }
  const environment = classifyEnvironmentCondition(tsApi, expr);
  if (environment === (holds ? 'development' : 'production')) return true;
  return reveals !== 'stack' && classifyErrorNarrowing(tsApi, expr, holds, isErrorReference) === 'client';
}
