/**
 * Responses built from errors, and the status code of an answer, on top of the response-sink model
 * (`response-sinks.ts`):
 *
 * - Nest exceptions become the response body wherever they are thrown (a controller, a service, a
 *   guard): `new BadRequestException(msg)` sends `msg`, a string second argument or the
 *   `description` option lands in `error`, the `cause` option is never sent;
 * - `@fastify/sensible` helpers answer with their message (`reply.notFound(msg)`,
 *   `throw fastify.httpErrors.badGateway(msg)`);
 * - a Nest filter answers through the HTTP adapter: `httpAdapter.reply(ctx.getResponse(), body, status)`;
 * - the status of an answer: `res.status(404)`, `reply.code(401)`, `res.sendStatus(403)`, the status
 *   of a Nest exception class or `HttpStatus.CONFLICT`.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getShortText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { findResponseMethod } from '../catalog/request-inputs.js';
import { findExceptionConstructor, findHttpStatusConstant, findNestException, findReplyErrorHelper } from '../catalog/errors.js';
import { getModulePath } from '../flow/module-paths.js';
import { isResponseObject } from './response-sinks.js';

/** A value that reaches the body, with the fields of it that do (`{ description }` options). */
export interface ErrorResponseValue {
  readonly expression: ts.Expression;
  readonly access?: readonly string[];
}

export interface ErrorResponse {
  readonly kind: 'exception' | 'reply-helper' | 'adapter-reply';
  /** Where findings are reported: the `throw` statement (or the `new`), the helper call. */
  readonly node: ts.Node;
  readonly values: readonly ErrorResponseValue[];
  /** `new BadRequestException`, `reply.notFound`. */
  readonly label: string;
  /** The status, when static. */
  readonly status?: number;
}

/** The error response a `new` or a call is, if any. */
export function getErrorResponseAt(tsApi: TsApi, node: ts.Node): ErrorResponse | undefined {
  if (tsApi.isNewExpression(node)) return getExceptionResponse(tsApi, node);
  if (tsApi.isCallExpression(node)) return getReplyHelperResponse(tsApi, node);
  return undefined;
}

/** `new BadRequestException(msg)` of `@nestjs/common`: the arguments that become the body. */
function getExceptionResponse(tsApi: TsApi, expr: ts.NewExpression): ErrorResponse | undefined {
  const path = getModulePath(tsApi, expr.expression);
  if (!path?.module || path.local) return undefined;
  const className = path.path.split('.').pop() ?? '';
  const row = findExceptionConstructor(path.module, className);
  if (!row) return undefined;
  const args = expr.arguments ?? [];
  const values: ErrorResponseValue[] = [];
  for (const index of row.bodyArguments) {
    const arg = args[index];
    if (!arg) continue;
    const inner = skipOuterExpressions(tsApi, arg);
    if (index === row.descriptionOptionAt) {
      // A string description lands in `error`; an options object only through its `description`.
      if (tsApi.isObjectLiteralExpression(inner)) values.push({ expression: arg, access: ['description'] });
      else if (!tsApi.isArrayLiteralExpression(inner)) values.push({ expression: arg });
      continue;
    }
    values.push({ expression: arg });
  }
  const status = findNestException(className)?.status ?? (className === 'HttpException' ? readStatus(tsApi, args[1]) : undefined);
  const node = expr.parent && tsApi.isThrowStatement(expr.parent) ? expr.parent : expr;
  return { kind: 'exception', node, values, label: `new ${className}`, ...(status !== undefined ? { status } : {}) };
}

/** `reply.internalServerError(msg)` with `@fastify/sensible`; `httpAdapter.reply(res, body, status)` in a Nest filter. */
function getReplyHelperResponse(tsApi: TsApi, call: ts.CallExpression): ErrorResponse | undefined {
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee)) return undefined;
  if (callee.name.text === 'reply' && call.arguments.length >= 2 && isResponseObject(tsApi, call.arguments[0]!)) {
    const status = readStatus(tsApi, call.arguments[2]);
    return {
      kind: 'adapter-reply',
      node: call,
      values: [{ expression: call.arguments[1]! }],
      label: getShortText(call.getSourceFile(), callee),
      ...(status !== undefined ? { status } : {}),
    };
  }
  if (!findReplyErrorHelper(callee.name.text)) return undefined;
  // fastify.httpErrors.badGateway(msg): an error whose message Fastify's error handler sends.
  const owner = skipOuterExpressions(tsApi, callee.expression);
  const viaHttpErrors = tsApi.isPropertyAccessExpression(owner) && owner.name.text === 'httpErrors';
  if (!viaHttpErrors && !isResponseObject(tsApi, callee.expression)) return undefined;
  return {
    kind: 'reply-helper',
    node: call,
    values: call.arguments.slice(0, 1).map((expression) => ({ expression })),
    label: getShortText(call.getSourceFile(), callee),
  };
}

/** A static status: `404`, `HttpStatus.NOT_FOUND`. */
export function readStatus(tsApi: TsApi, expr: ts.Expression | undefined): number | undefined {
  if (!expr) return undefined;
  const inner = skipOuterExpressions(tsApi, expr);
  if (tsApi.isNumericLiteral(inner)) return Number(inner.text);
  if (tsApi.isPropertyAccessExpression(inner) && tsApi.isIdentifier(inner.expression) && inner.expression.text === 'HttpStatus') {
    return findHttpStatusConstant(inner.name.text);
  }
  return undefined;
}

const STATUS_SETTERS: ReadonlySet<string> = new Set(['status', 'code', 'sendStatus']);

/**
 * The status a sending call sets through its chain (`res.status(404).json(...)`,
 * `reply.code(401).send(...)`, `res.sendStatus(403)`), or `undefined` when none is static.
 */
export function readChainStatus(tsApi: TsApi, call: ts.CallExpression): number | undefined {
  let current: ts.Expression = call;
  for (let depth = 0; depth < 16; depth++) {
    const inner = skipOuterExpressions(tsApi, current);
    if (!tsApi.isCallExpression(inner)) return undefined;
    const callee = skipOuterExpressions(tsApi, inner.expression);
    if (!tsApi.isPropertyAccessExpression(callee)) return undefined;
    if (STATUS_SETTERS.has(callee.name.text)) return readStatus(tsApi, inner.arguments[0]);
    const row = findResponseMethod(callee.name.text);
    if (!row) return undefined;
    current = callee.expression;
  }
  return undefined;
}

/**
 * The static text of an answer: a string, or the string fields of an object literal joined by a
 * space (`{ error: 'USER_NOT_FOUND' }` gives `USER_NOT_FOUND`); `undefined` when any part is dynamic.
 */
export function getStaticAnswerText(tsApi: TsApi, expression: ts.Expression): string | undefined {
  const inner = skipOuterExpressions(tsApi, expression);
  const text = getStaticString(tsApi, inner);
  if (text !== undefined) return text;
  if (!tsApi.isObjectLiteralExpression(inner)) return undefined;
  const parts: string[] = [];
  for (const prop of inner.properties) {
    if (!tsApi.isPropertyAssignment(prop)) return undefined;
    const value = skipOuterExpressions(tsApi, prop.initializer);
    const piece = getStaticString(tsApi, value);
    if (piece !== undefined) parts.push(piece);
    else if (tsApi.isObjectLiteralExpression(value)) {
      const nested = getStaticAnswerText(tsApi, value);
      if (nested === undefined) return undefined;
      parts.push(nested);
    } else if (!isStaticScalar(tsApi, value)) return undefined;
  }
  return parts.join(' ');
}

function isStaticScalar(tsApi: TsApi, expr: ts.Expression): boolean {
  return (
    tsApi.isNumericLiteral(expr) ||
    expr.kind === tsApi.SyntaxKind.TrueKeyword ||
    expr.kind === tsApi.SyntaxKind.FalseKeyword ||
    expr.kind === tsApi.SyntaxKind.NullKeyword
  );
}
