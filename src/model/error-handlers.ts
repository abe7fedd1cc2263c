/**
 * Error handlers of one file: Express four-argument middleware (`(err, req, res, next) => ...`),
 * Fastify `setErrorHandler((error, request, reply) => ...)` and Nest exception filters
 * (`@Catch(...) class X { catch(exception, host) {...} }`). Each names the parameter that holds
 * the error, the parameter that answers the client, and (Nest) the classes it catches.
 *
 * Express and Fastify error handlers come from the request-handler model (`handlers.ts`, role
 * `error`), completed here with four-argument functions typed `ErrorRequestHandler` or passed to
 * `.use(...)` under other parameter names; Nest exception filters are recognized here.
 *
 * Built once per `ts.SourceFile` and cached by identity.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import {
  getCalleeName,
  getDecoratorArguments,
  getDecoratorName,
  getDecorators,
  getParameterName,
  getPropertyNameText,
  isFunctionLike,
  skipOuterExpressions,
  functionLikeKinds,
} from '../core/ast.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import { ERROR_PARAMETER_NAMES } from '../catalog/errors.js';
import type { Framework } from './facts.js';
import { getHandlers } from './handlers.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export type ErrorHandlerKind = 'express-error-middleware' | 'fastify-error-handler' | 'nest-exception-filter';

export interface ErrorHandler {
  readonly framework: Framework;
  readonly kind: ErrorHandlerKind;
  /** The handler function (for Nest, the filter's `catch` method). */
  readonly fn: ts.FunctionLikeDeclaration;
  /** The parameter that receives the error. */
  readonly errorParam: ts.ParameterDeclaration;
  /** Express `res`, Fastify `reply`, Nest `host` (the response comes from `host.switchToHttp()`). */
  readonly responseParam?: ts.ParameterDeclaration;
  /** Nest `@Catch(A, B)`: the caught classes as written; empty when it catches everything. */
  readonly caught: readonly ts.Expression[];
  /** Where the handler is declared or registered (for related locations). */
  readonly site: ts.Node;
}

const cache = new FileScopedWeakMap<ts.SourceFile, readonly ErrorHandler[]>();

/** The error handlers declared or registered in `sourceFile`, built once per file. */
export function getErrorHandlers(tsApi: TsApi, sourceFile: ts.SourceFile): readonly ErrorHandler[] {
  let handlers = cache.get(sourceFile);
  if (!handlers) {
    handlers = collectErrorHandlers(tsApi, sourceFile);
    cache.set(sourceFile, handlers);
  }
  return handlers;
}

/** The error handler whose error parameter is `param`, if any. */
export function getErrorHandlerOfParameter(tsApi: TsApi, param: ts.ParameterDeclaration): ErrorHandler | undefined {
  return getErrorHandlers(tsApi, param.getSourceFile()).find((h) => h.errorParam === param);
}

function collectErrorHandlers(tsApi: TsApi, sourceFile: ts.SourceFile): ErrorHandler[] {
  const handlers: ErrorHandler[] = [];
  const seen = new Set<ts.Node>();
  const push = (handler: ErrorHandler): void => {
    if (seen.has(handler.fn)) return;
    seen.add(handler.fn);
    handlers.push(handler);
  };
  for (const handler of getHandlers(tsApi, sourceFile)) {
    if (handler.role !== 'error' || !handler.error || handler.framework === 'nest') continue;
    push({
      framework: handler.framework,
      kind: handler.framework === 'fastify' ? 'fastify-error-handler' : 'express-error-middleware',
      fn: handler.fn,
      errorParam: handler.error,
      responseParam: handler.response,
      caught: [],
      site: handler.registration ?? handler.fn,
    });
  }
  forEachNodeOfKinds(tsApi, sourceFile, [tsApi.SyntaxKind.CallExpression, tsApi.SyntaxKind.ClassDeclaration, tsApi.SyntaxKind.ClassExpression, ...functionLikeKinds(tsApi)], (node) => {
    if (tsApi.isCallExpression(node)) {
      const fastify = getFastifyErrorHandler(tsApi, node);
      if (fastify) push(fastify);
      return;
    }
    if (tsApi.isClassDeclaration(node) || tsApi.isClassExpression(node)) {
      const nest = getNestExceptionFilter(tsApi, node);
      if (nest) push(nest);
      return;
    }
    if (isFunctionLike(tsApi, node)) {
      const express = getExpressErrorMiddleware(tsApi, node);
      if (express) push(express);
    }
  });
  return handlers;
}

/**
 * `(err, req, res, next) => ...`: a function of exactly four parameters that is passed to
 * `.use(...)`, typed `ErrorRequestHandler`, or whose parameters are named like an error
 * middleware's (`err`/`error` first, `res`/`response` third).
 */
function getExpressErrorMiddleware(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): ErrorHandler | undefined {
  if (fn.parameters.length !== 4 || tsApi.isMethodDeclaration(fn) || tsApi.isConstructorDeclaration(fn)) return undefined;
  const [errorParam, , responseParam] = fn.parameters;
  const errorName = getParameterName(tsApi, errorParam);
  const responseName = getParameterName(tsApi, responseParam);
  const passedToUse = isArgumentOfUse(tsApi, fn);
  const typedAsErrorHandler = isDeclaredAs(tsApi, fn, 'ErrorRequestHandler');
  const namedLikeOne =
    errorName !== undefined &&
    (ERROR_PARAMETER_NAMES.includes(errorName) || /^_?err/i.test(errorName)) &&
    responseName !== undefined &&
    /^_?res(ponse)?$/i.test(responseName);
  if (!passedToUse && !typedAsErrorHandler && !namedLikeOne) return undefined;
  if (!errorName) return undefined;
  return {
    framework: 'express',
    kind: 'express-error-middleware',
    fn,
    errorParam: errorParam!,
    responseParam,
    caught: [],
    site: passedToUse ? fn.parent : fn,
  };
}

function isArgumentOfUse(tsApi: TsApi, fn: ts.Node): boolean {
  let node: ts.Node = fn;
  while (node.parent && (tsApi.isParenthesizedExpression(node.parent) || tsApi.isArrayLiteralExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  return (
    parent !== undefined &&
    tsApi.isCallExpression(parent) &&
    parent.arguments.includes(node as ts.Expression) &&
    getCalleeName(tsApi, parent) === 'use'
  );
}

/** `const h: ErrorRequestHandler = (...) => ...` */
function isDeclaredAs(tsApi: TsApi, fn: ts.Node, typeName: string): boolean {
  let node: ts.Node = fn;
  while (node.parent && (tsApi.isParenthesizedExpression(node.parent) || tsApi.isSatisfiesExpression(node.parent) || tsApi.isAsExpression(node.parent))) {
    if ((tsApi.isSatisfiesExpression(node.parent) || tsApi.isAsExpression(node.parent)) && typeNameOf(tsApi, node.parent.type) === typeName) return true;
    node = node.parent;
  }
  const parent = node.parent;
  return parent !== undefined && tsApi.isVariableDeclaration(parent) && parent.initializer === node && typeNameOf(tsApi, parent.type) === typeName;
}

function typeNameOf(tsApi: TsApi, type: ts.TypeNode | undefined): string | undefined {
  if (!type || !tsApi.isTypeReferenceNode(type)) return undefined;
  const name = type.typeName;
  return tsApi.isIdentifier(name) ? name.text : name.right.text;
}

/** `fastify.setErrorHandler((error, request, reply) => ...)`, also with a function declared in the file. */
function getFastifyErrorHandler(tsApi: TsApi, call: ts.CallExpression): ErrorHandler | undefined {
  if (getCalleeName(tsApi, call) !== 'setErrorHandler' || call.arguments.length < 1) return undefined;
  const fn = resolveLocalFunction(tsApi, call.arguments[0]!);
  if (!fn || fn.parameters.length < 1) return undefined;
  return {
    framework: 'fastify',
    kind: 'fastify-error-handler',
    fn,
    errorParam: fn.parameters[0]!,
    responseParam: fn.parameters[2],
    caught: [],
    site: call,
  };
}

/** A function expression, or an identifier naming a function declared at the top of the file. */
function resolveLocalFunction(tsApi: TsApi, node: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isFunctionExpression(expr) || tsApi.isArrowFunction(expr)) return expr;
  if (!tsApi.isIdentifier(expr)) return undefined;
  for (const statement of expr.getSourceFile().statements) {
    if (tsApi.isFunctionDeclaration(statement) && statement.name?.text === expr.text) return statement;
    if (tsApi.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (!tsApi.isIdentifier(decl.name) || decl.name.text !== expr.text || !decl.initializer) continue;
        const init = skipOuterExpressions(tsApi, decl.initializer);
        if (tsApi.isFunctionExpression(init) || tsApi.isArrowFunction(init)) return init;
      }
    }
  }
  return undefined;
}

/** `@Catch(HttpException) export class F implements ExceptionFilter { catch(exception, host) {...} }` */
function getNestExceptionFilter(tsApi: TsApi, cls: ts.ClassLikeDeclaration): ErrorHandler | undefined {
  const decorator = getDecorators(tsApi, cls).find((d) => getDecoratorName(tsApi, d) === 'Catch');
  if (!decorator) return undefined;
  const method = cls.members.find(
    (m): m is ts.MethodDeclaration =>
      tsApi.isMethodDeclaration(m) && getPropertyNameText(tsApi, m.name) === 'catch' && m.body !== undefined,
  );
  if (!method || method.parameters.length < 1) return undefined;
  return {
    framework: 'nest',
    kind: 'nest-exception-filter',
    fn: method,
    errorParam: method.parameters[0]!,
    responseParam: method.parameters[1],
    caught: getDecoratorArguments(tsApi, decorator),
    site: decorator,
  };
}
