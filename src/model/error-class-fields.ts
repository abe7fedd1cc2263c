/**
 * Fields that only the code's own error classes declare, so that checking one on a caught error
 * narrows it to such a class, like `instanceof` would:
 *
 * ```ts
 * class HttpException extends Error {
 *   constructor(public errorCode: number, message: string) { super(message); }
 * }
 * app.use((err, req, res, next) => {
 *   if (err && err.errorCode) return res.status(err.errorCode).json(err.message); // an HttpException
 *   res.status(500).json({ error: 'Internal error' });
 * });
 * ```
 *
 * A field counts when a class of the same file that extends an error class (`Error`, a class whose
 * name ends in `Error` or `Exception`, or another such class of the file) declares it: a property,
 * a constructor parameter property, or `this.field = ...` in its constructor. Fields that libraries
 * set on their own errors are never evidence, even when a project class declares them too:
 * `status` and `statusCode` (body-parser, http-errors, Stripe, the AWS SDK), `code` (Node, every
 * driver), `errors`, `details`, `response`, the driver fields. A class in another file is not read
 * (per file it cannot be, and the exposures model is built per file in every mode): such a check
 * says nothing, and the read is reported unless an `instanceof` or a known flag narrows it.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getPropertyNameText, skipOuterExpressions } from '../core/ast.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

/**
 * Fields that built-in errors, Node, HTTP and upstream clients, validators and database drivers put
 * on the errors they throw: a check of one of them says nothing about whose error it is.
 */
const LIBRARY_ERROR_FIELDS: ReadonlySet<string> = new Set([
  // Error, AggregateError
  'name', 'message', 'stack', 'cause', 'errors', 'constructor',
  // Node system errors
  'code', 'errno', 'syscall', 'path', 'dest', 'address', 'port', 'info',
  // http-errors, body-parser, raw-body, Fastify, Stripe, the AWS SDK
  'status', 'statusCode', 'statusMessage', 'expose', 'headers', 'header', 'type', 'body', 'limit',
  'length', 'expected', 'received', 'encoding', 'charset', 'raw', 'rawType', 'param', 'requestId',
  'retryable', 'time', 'region', 'hostname',
  // HTTP clients (axios, got, fetch)
  'response', 'request', 'config', 'options', 'url', 'timings', 'data',
  // validators (zod, joi, yup, class-validator) and GraphQL
  'issues', 'details', 'inner', 'value', 'params', 'field', 'fields', 'extensions', 'locations',
  'nodes', 'source', 'positions', 'originalError',
  // database drivers and ORMs
  'sql', 'sqlMessage', 'sqlState', 'query', 'parameters', 'driverError', 'original', 'parent',
  'detail', 'hint', 'position', 'table', 'column', 'constraint', 'schema', 'routine', 'severity',
  'where', 'file', 'line', 'errmsg', 'codeName', 'keyValue', 'keyPattern', 'errorResponse',
  'errorLabels', 'writeErrors', 'result', 'meta', 'clientVersion', 'index', 'kind', 'reason', 'model',
  'instance',
  // jsonwebtoken and friends
  'expiredAt', 'date',
]);

/** Built-in error classes a project error class may extend. */
const BUILT_IN_ERRORS: ReadonlySet<string> = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']);
const ERROR_CLASS_NAME = /(Error|Exception)$/;
const MAX_EXTENDS_DEPTH = 8;

/** Per file: each field its error classes declare, with the first class that declares it. */
const cache = new FileScopedWeakMap<ts.SourceFile, ReadonlyMap<string, string>>();

/**
 * The error class of `file` that declares `field` (see the file comment), or `undefined` when no
 * such class declares it or the field is one libraries set on their errors too.
 */
export function findProjectErrorClassField(tsApi: TsApi, file: ts.SourceFile, field: string): string | undefined {
  if (LIBRARY_ERROR_FIELDS.has(field)) return undefined;
  let fields = cache.get(file);
  if (!fields) {
    fields = collectErrorClassFields(tsApi, file);
    cache.set(file, fields);
  }
  return fields.get(field);
}

function collectErrorClassFields(tsApi: TsApi, file: ts.SourceFile): ReadonlyMap<string, string> {
  const classes = new Map<string, ts.ClassLikeDeclaration>();
  forEachNodeOfKinds(tsApi, file, [tsApi.SyntaxKind.ClassDeclaration, tsApi.SyntaxKind.ClassExpression], (node) => {
    const cls = node as ts.ClassLikeDeclaration;
    const name = getClassName(tsApi, cls);
    if (name && !classes.has(name)) classes.set(name, cls);
  });
  const fields = new Map<string, string>();
  for (const [name, cls] of classes) {
    if (!isErrorClass(tsApi, cls, classes, 0)) continue;
    for (const field of getDeclaredFields(tsApi, cls)) if (!fields.has(field)) fields.set(field, name);
  }
  return fields;
}

/** `class X`, or `const X = class ...`. */
function getClassName(tsApi: TsApi, cls: ts.ClassLikeDeclaration): string | undefined {
  if (cls.name) return cls.name.text;
  const parent = cls.parent;
  return tsApi.isVariableDeclaration(parent) && tsApi.isIdentifier(parent.name) ? parent.name.text : undefined;
}

/** True when the class extends `Error`, a class named like an error, or an error class of the file. */
function isErrorClass(tsApi: TsApi, cls: ts.ClassLikeDeclaration, classes: ReadonlyMap<string, ts.ClassLikeDeclaration>, depth: number): boolean {
  if (depth > MAX_EXTENDS_DEPTH) return false;
  const base = getBaseName(tsApi, cls);
  if (base === undefined) return false;
  if (BUILT_IN_ERRORS.has(base) || ERROR_CLASS_NAME.test(base)) return true;
  const local = classes.get(base);
  return local !== undefined && local !== cls && isErrorClass(tsApi, local, classes, depth + 1);
}

/** The last name of the `extends` expression (`Error`, `errors.AppError`). */
function getBaseName(tsApi: TsApi, cls: ts.ClassLikeDeclaration): string | undefined {
  for (const clause of cls.heritageClauses ?? []) {
    if (clause.token !== tsApi.SyntaxKind.ExtendsKeyword) continue;
    const type = clause.types[0];
    if (!type) return undefined;
    const expr = skipOuterExpressions(tsApi, type.expression);
    if (tsApi.isIdentifier(expr)) return expr.text;
    if (tsApi.isPropertyAccessExpression(expr)) return expr.name.text;
  }
  return undefined;
}

/** Properties, constructor parameter properties and `this.x = ...` in the constructor. */
function getDeclaredFields(tsApi: TsApi, cls: ts.ClassLikeDeclaration): string[] {
  const fields: string[] = [];
  for (const member of cls.members) {
    if (tsApi.isPropertyDeclaration(member)) {
      const name = getPropertyNameText(tsApi, member.name);
      if (name !== undefined) fields.push(name);
    } else if (tsApi.isConstructorDeclaration(member)) {
      for (const param of member.parameters) {
        const isParameterProperty = (tsApi.getModifiers?.(param) ?? []).length > 0;
        if (isParameterProperty && tsApi.isIdentifier(param.name)) fields.push(param.name.text);
      }
      for (const statement of member.body?.statements ?? []) {
        const assigned = getThisAssignment(tsApi, statement);
        if (assigned !== undefined) fields.push(assigned);
      }
    }
  }
  return fields;
}

/** `this.errorCode = errorCode;` */
function getThisAssignment(tsApi: TsApi, statement: ts.Statement): string | undefined {
  if (!tsApi.isExpressionStatement(statement)) return undefined;
  const expr = statement.expression;
  if (!tsApi.isBinaryExpression(expr) || expr.operatorToken.kind !== tsApi.SyntaxKind.EqualsToken) return undefined;
  const target = expr.left;
  return tsApi.isPropertyAccessExpression(target) && target.expression.kind === tsApi.SyntaxKind.ThisKeyword && tsApi.isIdentifier(target.name) ? target.name.text : undefined;
}
