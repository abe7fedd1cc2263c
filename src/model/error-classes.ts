/**
 * What an error class written in code is: a client error (its message is written for clients:
 * Nest `HttpException`, `http-errors`, zod, joi, or a class the code itself defines), a driver or
 * upstream error (`QueryFailedError`, `MongoServerError`, `AxiosError`), or a generic built-in
 * (`Error`, `TypeError`). And which checks on an error value narrow it to one of those
 * (`err instanceof ZodError`, `err.name === 'SequelizeDatabaseError'`, `error.validation`,
 * `err.expose`, `err.status < 500`, a field only an error class of the file declares:
 * `err.errorCode`, see `error-class-fields.ts`).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import { findErrorClass, findErrorClassByErrorName, findHttpStatusConstant, type ErrorClassKind } from '../catalog/errors.js';
import { getModulePath, isProjectSpecifier } from '../flow/module-paths.js';
import { findProjectErrorClassField } from './error-class-fields.js';

/** `client` and `driver` as in the catalog; `generic` for built-ins whose message is anything. */
export type ErrorClassVerdict = ErrorClassKind | 'generic';

/** Built-in error classes: a check against them narrows nothing. */
const GENERIC_ERROR_CLASSES: ReadonlySet<string> = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
  'DOMException',
]);

/**
 * Flags libraries set on errors meant for clients (`error.validation` from Fastify's schema
 * validation, joi's `isJoi`, http-errors' `expose`, Boom's `isBoom`, the "operational error"
 * convention, the `isPublic` flag of the express-rest boilerplates' `APIError`), and flags of
 * upstream-client errors.
 */
const CLIENT_ERROR_FLAGS: ReadonlySet<string> = new Set(['validation', 'isJoi', 'expose', 'isBoom', 'isOperational', 'isClientError', 'isPublic']);
const DRIVER_ERROR_FLAGS: ReadonlySet<string> = new Set(['isAxiosError']);

const MAX_CONDITION_NESTING = 64;

/**
 * What the class an expression names is. Classes imported from project files and classes declared
 * in the file count as the code's own client errors; classes of packages the catalog does not know
 * count as client errors too (the code checked for a specific class, and per-file mode must not
 * guess), built-ins as generic.
 */
export function classifyErrorClassExpression(tsApi: TsApi, expression: ts.Expression): ErrorClassVerdict {
  const expr = skipOuterExpressions(tsApi, expression);
  if (tsApi.isIdentifier(expr)) {
    const binding = resolveIdentifier(tsApi, expr);
    if (!binding) return GENERIC_ERROR_CLASSES.has(expr.text) ? 'generic' : 'client';
    const imported = getFileBindings(tsApi, expr.getSourceFile()).imports.get(expr.text);
    if (imported && tsApi.isSourceFile(binding.scope)) {
      if (isProjectSpecifier(imported.module)) return 'client';
      const className = imported.imported === 'default' || imported.imported === '*' ? expr.text : imported.imported;
      return findErrorClass(imported.module, className)?.kind ?? 'client';
    }
    return 'client';
  }
  const path = getModulePath(tsApi, expr);
  if (path?.module !== undefined && !path.local) {
    const className = path.path.split('.').pop() ?? '';
    return findErrorClass(path.module, className)?.kind ?? 'client';
  }
  if (path && path.module === undefined && GENERIC_ERROR_CLASSES.has(path.path)) return 'generic';
  return 'client';
}

/** What `err.name === '<name>'` says about the error. */
export function classifyErrorName(name: string): ErrorClassVerdict {
  if (GENERIC_ERROR_CLASSES.has(name)) return 'generic';
  return findErrorClassByErrorName(name)?.kind ?? 'client';
}

/**
 * What `condition` evaluating to `holds` says about the error whose references satisfy
 * `isErrorReference`: `client` or `driver` when it narrows the error to such a class, `undefined`
 * when it says nothing (negative checks, generic classes, unrelated conditions).
 */
export function classifyErrorNarrowing(
  tsApi: TsApi,
  condition: ts.Expression,
  holds: boolean,
  isErrorReference: (expr: ts.Expression) => boolean,
  depth = 0,
): ErrorClassKind | undefined {
  // `depth` counts nesting and constant hops alike; deep conditions say nothing (hostile input).
  if (depth > MAX_CONDITION_NESTING) return undefined;
  const expr = skipOuterExpressions(tsApi, condition);
  if (tsApi.isPrefixUnaryExpression(expr) && expr.operator === tsApi.SyntaxKind.ExclamationToken) {
    return classifyErrorNarrowing(tsApi, expr.operand, !holds, isErrorReference, depth + 1);
  }
  if (tsApi.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    if (op === tsApi.SyntaxKind.AmpersandAmpersandToken && holds) {
      return (
        classifyErrorNarrowing(tsApi, expr.left, true, isErrorReference, depth + 1) ??
        classifyErrorNarrowing(tsApi, expr.right, true, isErrorReference, depth + 1)
      );
    }
    if (op === tsApi.SyntaxKind.BarBarToken && !holds) {
      return (
        classifyErrorNarrowing(tsApi, expr.left, false, isErrorReference, depth + 1) ??
        classifyErrorNarrowing(tsApi, expr.right, false, isErrorReference, depth + 1)
      );
    }
    // `a || b` holds (or `a && b` fails): either side may be what holds, so each must narrow the error.
    if ((op === tsApi.SyntaxKind.BarBarToken && holds) || (op === tsApi.SyntaxKind.AmpersandAmpersandToken && !holds)) {
      const left = classifyErrorNarrowing(tsApi, expr.left, holds, isErrorReference, depth + 1);
      const right = left === undefined ? undefined : classifyErrorNarrowing(tsApi, expr.right, holds, isErrorReference, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      return left === right ? left : 'driver';
    }
    if (op === tsApi.SyntaxKind.InstanceOfKeyword) {
      if (!holds || !isErrorReference(expr.left)) return undefined;
      const verdict = classifyErrorClassExpression(tsApi, expr.right);
      return verdict === 'generic' ? undefined : verdict;
    }
    if (isEquality(tsApi, op)) {
      const positive = op === tsApi.SyntaxKind.EqualsEqualsEqualsToken || op === tsApi.SyntaxKind.EqualsEqualsToken;
      if (positive !== holds) return classifyProjectFieldPresence(tsApi, expr, isErrorReference, 'nullish-differs');
      return (
        classifyNameComparison(tsApi, expr.left, expr.right, isErrorReference) ??
        classifyNameComparison(tsApi, expr.right, expr.left, isErrorReference) ??
        classifyMessageComparison(tsApi, expr.left, expr.right, isErrorReference, depth) ??
        classifyMessageComparison(tsApi, expr.right, expr.left, isErrorReference, depth) ??
        classifyStatusComparison(tsApi, expr, isErrorReference) ??
        classifyProjectFieldPresence(tsApi, expr, isErrorReference, 'value-equals')
      );
    }
    return classifyStatusComparison(tsApi, expr, isErrorReference, holds) ?? (holds ? classifyProjectFieldPresence(tsApi, expr, isErrorReference, 'relation') : undefined);
  }
  if ((tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr)) && holds) {
    const name = tsApi.isPropertyAccessExpression(expr) ? expr.name.text : getStaticString(tsApi, expr.argumentExpression);
    if (name === undefined || !isErrorReference(expr.expression)) return undefined;
    if (CLIENT_ERROR_FLAGS.has(name)) return 'client';
    if (DRIVER_ERROR_FLAGS.has(name)) return 'driver';
    // `err.errorCode` that only an error class of this file declares: the error is one of those.
    if (findProjectErrorClassField(tsApi, expr.getSourceFile(), name)) return 'client';
    return undefined;
  }
  if (tsApi.isIdentifier(expr) && depth < MAX_CONDITION_NESTING) {
    const init = getConstantInitializer(tsApi, expr);
    return init ? classifyErrorNarrowing(tsApi, init, holds, isErrorReference, depth + 1) : undefined;
  }
  return undefined;
}

/**
 * A single check that narrows a value to a client error (`err instanceof ZodError`,
 * `err.isOperational`, `err.name !== 'ValidationError'`, `err.status < 500`): the checked value and
 * the outcome under which it is a client error. For the flow engine's barrier guards, which combine
 * `!`, `&&` and `||` themselves.
 */
export function getClientErrorCheck(tsApi: TsApi, condition: ts.Expression): { readonly checked: ts.Expression; readonly when: boolean } | undefined {
  for (const when of [true, false]) {
    let checked: ts.Expression | undefined;
    const capture = (expr: ts.Expression): boolean => {
      checked ??= expr;
      return true;
    };
    if (classifyErrorNarrowing(tsApi, condition, when, capture) === 'client' && checked) return { checked, when };
  }
  return undefined;
}

function isEquality(tsApi: TsApi, op: ts.SyntaxKind): boolean {
  return (
    op === tsApi.SyntaxKind.EqualsEqualsEqualsToken ||
    op === tsApi.SyntaxKind.EqualsEqualsToken ||
    op === tsApi.SyntaxKind.ExclamationEqualsEqualsToken ||
    op === tsApi.SyntaxKind.ExclamationEqualsToken
  );
}

/**
 * How a comparison that holds shows a field to be there: `value-equals` (`err.errorCode === 404`,
 * with anything but `null`/`undefined`), `nullish-differs` (`err.errorCode !== undefined`,
 * `err.errorCode != null`), `relation` (`err.errorCode >= 400`: only a number compares true).
 */
type FieldPresence = 'value-equals' | 'nullish-differs' | 'relation';

/**
 * `client` when the comparison, holding, shows that the error has a field that only an error class
 * of this file declares (`err.errorCode === 404`; see `error-class-fields.ts`).
 */
function classifyProjectFieldPresence(
  tsApi: TsApi,
  expr: ts.BinaryExpression,
  isErrorReference: (expr: ts.Expression) => boolean,
  presence: FieldPresence,
): ErrorClassKind | undefined {
  for (const [read, other] of [
    [expr.left, expr.right],
    [expr.right, expr.left],
  ] as const) {
    const target = skipOuterExpressions(tsApi, read);
    if (!tsApi.isPropertyAccessExpression(target) || !isErrorReference(target.expression)) continue;
    const nullish = isNullish(tsApi, other);
    if (presence === 'value-equals' && nullish) continue;
    if (presence === 'nullish-differs' && !nullish) continue;
    if (findProjectErrorClassField(tsApi, target.getSourceFile(), target.name.text)) return 'client';
  }
  return undefined;
}

function isNullish(tsApi: TsApi, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, node);
  return expr.kind === tsApi.SyntaxKind.NullKeyword || (tsApi.isIdentifier(expr) && expr.text === 'undefined') || tsApi.isVoidExpression(expr);
}

/** `err.name === 'ZodError'`, `err.constructor.name === 'QueryFailedError'`. */
function classifyNameComparison(
  tsApi: TsApi,
  read: ts.Expression,
  literal: ts.Expression,
  isErrorReference: (expr: ts.Expression) => boolean,
): ErrorClassKind | undefined {
  const value = getStaticString(tsApi, skipOuterExpressions(tsApi, literal));
  const target = skipOuterExpressions(tsApi, read);
  if (value === undefined || !tsApi.isPropertyAccessExpression(target) || target.name.text !== 'name') return undefined;
  let owner = skipOuterExpressions(tsApi, target.expression);
  if (tsApi.isPropertyAccessExpression(owner) && owner.name.text === 'constructor') owner = skipOuterExpressions(tsApi, owner.expression);
  if (!isErrorReference(owner)) return undefined;
  const verdict = classifyErrorName(value);
  return verdict === 'generic' ? undefined : verdict;
}

/**
 * `err.message === 'Product already exists'`: the message is that text, which the app wrote (a
 * literal, or a constant holding one); what the branch sends is no longer whatever was thrown.
 */
function classifyMessageComparison(
  tsApi: TsApi,
  read: ts.Expression,
  other: ts.Expression,
  isErrorReference: (expr: ts.Expression) => boolean,
  depth: number,
): ErrorClassKind | undefined {
  const target = skipOuterExpressions(tsApi, read);
  if (!tsApi.isPropertyAccessExpression(target) || target.name.text !== 'message' || !isErrorReference(target.expression)) return undefined;
  let value = skipOuterExpressions(tsApi, other);
  for (let hops = depth; tsApi.isIdentifier(value) && hops < MAX_CONDITION_NESTING; hops++) {
    const init = getConstantInitializer(tsApi, value);
    if (!init) return undefined;
    value = skipOuterExpressions(tsApi, init);
  }
  const text = getStaticString(tsApi, value);
  return text !== undefined && text.trim() !== '' ? 'client' : undefined;
}

/** `err.status < 500`, `err.statusCode === 404`, `err.status >= 400` is not enough on its own. */
function classifyStatusComparison(
  tsApi: TsApi,
  expr: ts.BinaryExpression,
  isErrorReference: (expr: ts.Expression) => boolean,
  holds = true,
): ErrorClassKind | undefined {
  const k = tsApi.SyntaxKind;
  const op = expr.operatorToken.kind;
  // Normalized to `status <relation> limit`.
  let read = readErrorStatus(tsApi, expr.left, isErrorReference, 0);
  let limit = read ? statusNumber(tsApi, expr.right) : undefined;
  let relation: StatusRelation | undefined;
  if (read) {
    relation = op === k.LessThanToken ? 'lt' : op === k.LessThanEqualsToken ? 'le' : op === k.GreaterThanToken ? 'gt' : op === k.GreaterThanEqualsToken ? 'ge' : undefined;
  } else {
    read = readErrorStatus(tsApi, expr.right, isErrorReference, 0);
    limit = read ? statusNumber(tsApi, expr.left) : undefined;
    relation = op === k.GreaterThanToken ? 'lt' : op === k.GreaterThanEqualsToken ? 'le' : op === k.LessThanToken ? 'gt' : op === k.LessThanEqualsToken ? 'ge' : undefined;
  }
  if (isEquality(tsApi, op)) relation = 'eq';
  if (!read || limit === undefined || relation === undefined) return undefined;
  if (!holds) {
    // `if (status >= 500) return generic;` below it: the status is under 500, but only a status that
    // is always a number says so (`err.status` is undefined for a plain Error, and undefined >= 500 is false).
    if (!read.alwaysNumber || relation === 'eq') return undefined;
    relation = NEGATED_RELATION[relation];
  }
  if ((relation === 'lt' && limit <= 500) || ((relation === 'le' || relation === 'eq') && limit < 500)) return 'client';
  return undefined;
}

type StatusRelation = 'lt' | 'le' | 'gt' | 'ge' | 'eq';
const NEGATED_RELATION: Record<Exclude<StatusRelation, 'eq'>, StatusRelation> = { lt: 'ge', le: 'gt', gt: 'le', ge: 'lt' };

/**
 * A read of the error's HTTP status: `err.status`, `err.statusCode`, Nest's `err.getStatus()`, a
 * const holding one, `err.status ?? 500`, `err instanceof HttpException ? err.getStatus() : 500`.
 * `alwaysNumber` when the value cannot be undefined (a 5xx default, `getStatus()`).
 */
function readErrorStatus(
  tsApi: TsApi,
  node: ts.Expression,
  isErrorReference: (expr: ts.Expression) => boolean,
  depth: number,
): { readonly alwaysNumber: boolean } | undefined {
  if (depth > MAX_CONDITION_NESTING) return undefined;
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isPropertyAccessExpression(expr) && (expr.name.text === 'status' || expr.name.text === 'statusCode') && isErrorReference(expr.expression)) {
    return { alwaysNumber: false };
  }
  if (tsApi.isCallExpression(expr) && tsApi.isPropertyAccessExpression(expr.expression) && expr.expression.name.text === 'getStatus' && isErrorReference(expr.expression.expression)) {
    return { alwaysNumber: true };
  }
  const isServerErrorDefault = (value: ts.Expression): boolean => (statusNumber(tsApi, value) ?? 0) >= 500;
  if (tsApi.isBinaryExpression(expr) && (expr.operatorToken.kind === tsApi.SyntaxKind.QuestionQuestionToken || expr.operatorToken.kind === tsApi.SyntaxKind.BarBarToken)) {
    return readErrorStatus(tsApi, expr.left, isErrorReference, depth + 1) && isServerErrorDefault(expr.right) ? { alwaysNumber: true } : undefined;
  }
  if (tsApi.isConditionalExpression(expr)) {
    const branches = [expr.whenTrue, expr.whenFalse].map((branch) => (isServerErrorDefault(branch) ? 'default' : readErrorStatus(tsApi, branch, isErrorReference, depth + 1)));
    if (branches.some((b) => b === undefined) || !branches.some((b) => b !== 'default')) return undefined;
    return { alwaysNumber: branches.every((b) => b === 'default' || b!.alwaysNumber) };
  }
  if (tsApi.isIdentifier(expr)) {
    const init = getConstantInitializer(tsApi, expr);
    return init ? readErrorStatus(tsApi, init, isErrorReference, depth + 1) : undefined;
  }
  return undefined;
}

/** `404`, or a member of Nest's `HttpStatus` (`HttpStatus.INTERNAL_SERVER_ERROR`). */
function statusNumber(tsApi: TsApi, node: ts.Expression): number | undefined {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isNumericLiteral(expr)) return Number(expr.text);
  if (tsApi.isPropertyAccessExpression(expr) && tsApi.isIdentifier(expr.expression) && expr.expression.text === 'HttpStatus') return findHttpStatusConstant(expr.name.text);
  return undefined;
}

function getConstantInitializer(tsApi: TsApi, id: ts.Identifier): ts.Expression | undefined {
  const binding = resolveIdentifier(tsApi, id);
  const decl = binding?.declaration;
  if (!decl || !tsApi.isVariableDeclaration(decl) || !decl.initializer) return undefined;
  const list = decl.parent;
  if (!tsApi.isVariableDeclarationList(list) || (list.flags & tsApi.NodeFlags.Const) === 0) return undefined;
  return decl.initializer;
}
