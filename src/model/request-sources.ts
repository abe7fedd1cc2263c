/**
 * Request input: reads of client-controlled data, each with a kind (`body`, `query`, `params`,
 * `headers`, `cookies`, `files`, `url`).
 *
 * - Express and Fastify: properties and methods of a handler's request parameter (`req.body`,
 *   `request.query.url`, `req.get('host')`, `request.raw.url`), found through `handlers.ts`.
 * - Nest: parameters of route methods decorated `@Body()`, `@Query('url')`, `@Param()`,
 *   `@Headers()`, `@UploadedFile()`, and `@Req()` objects read like Express requests.
 *
 * The Nest parameter recognition here is the minimal one the flow engine needs; it reads the
 * decorator name only (the Nest model in `src/frameworks/` resolves decorator imports).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getDecoratorArguments, getDecoratorName, getDecorators, getStaticString, getShortText, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { walkDescendants } from '../core/walk.js';
import {
  findNestParameterInput,
  findRequestMethod,
  findRequestProperty,
  type NestParameterSource,
  type RequestInputKind,
} from '../catalog/request-inputs.js';
import { getHandlerOfFunction, getHandlerParameterRole, type Handler } from './handlers.js';

/** Request properties that hold the underlying request object (`request.raw` in Fastify, `req.req` in Koa-style wrappers). */
export const REQUEST_WRAPPER_PROPERTIES: readonly string[] = ['raw'];

/** A Nest route parameter that reads request input (`@Body() dto`, `@Query('url') url`). */
export interface NestParameterInput {
  readonly param: ts.ParameterDeclaration;
  readonly handler: Handler;
  readonly reads: NestParameterSource;
  /** The key argument: `@Query('url')` gives `url`. */
  readonly key?: string;
  /** How messages name it: `@Query('url')`, or the parameter name for whole-object decorators. */
  readonly label: string;
}

/** One read of request input. */
export interface RequestSource {
  /** The read: `req.body`, `req.get('host')`, or the Nest parameter. */
  readonly node: ts.Node;
  readonly kind: RequestInputKind;
  /** `req.body`, `request.query`, `@Query('url')`. */
  readonly label: string;
  readonly handler: Handler;
}

/** The request input a Nest route parameter reads, if it is decorated with one of Nest's parameter decorators. */
export function getNestParameterInput(tsApi: TsApi, param: ts.ParameterDeclaration): NestParameterInput | undefined {
  const handler = getHandlerOfFunction(tsApi, param.parent);
  if (!handler || handler.framework !== 'nest') return undefined;
  for (const decorator of getDecorators(tsApi, param)) {
    const name = getDecoratorName(tsApi, decorator);
    const row = name ? findNestParameterInput(name) : undefined;
    if (!row) continue;
    const key = getStaticString(tsApi, getDecoratorArguments(tsApi, decorator)[0]);
    const paramName = tsApi.isIdentifier(param.name) ? param.name.text : row.decorator.toLowerCase();
    const label = key !== undefined ? `@${row.decorator}('${key}')` : paramName;
    return { param, handler, reads: row.reads, key, label };
  }
  return undefined;
}

/** True when `param` is a request object: an Express/Fastify handler's request parameter or a Nest `@Req()` parameter. */
export function isRequestObjectParameter(tsApi: TsApi, param: ts.ParameterDeclaration): boolean {
  if (getHandlerParameterRole(tsApi, param)?.role === 'request') return true;
  return getNestParameterInput(tsApi, param)?.reads === 'request';
}

/** The handler whose request object `param` is, if any. */
export function getRequestObjectHandler(tsApi: TsApi, param: ts.ParameterDeclaration): Handler | undefined {
  const role = getHandlerParameterRole(tsApi, param);
  if (role?.role === 'request') return role.handler;
  const nest = getNestParameterInput(tsApi, param);
  return nest?.reads === 'request' ? nest.handler : undefined;
}

/** The input kind of a property read on a request object (`body` gives `body`), if it is input. */
export function getRequestPropertyKind(property: string): RequestInputKind | undefined {
  return findRequestProperty(property)?.kind;
}

/** The input kind of a method call on a request object (`req.get('host')` gives `headers`), if it is input. */
export function getRequestMethodKind(method: string): RequestInputKind | undefined {
  return findRequestMethod(method)?.kind;
}

/**
 * The request read an expression is, syntactically: `req.body` where `req` is a handler's request
 * parameter, `request.raw.url`, `req.get('x')`, or an identifier bound to a Nest input parameter.
 * Member reads below the input (`req.body.url`) are the caller's business: pass `req.body`.
 */
export function getRequestSourceOfExpression(tsApi: TsApi, node: ts.Expression): RequestSource | undefined {
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isIdentifier(expr)) {
    const param = getParameterOfIdentifier(tsApi, expr);
    const nest = param ? getNestParameterInput(tsApi, param) : undefined;
    if (nest && isRequestInputKind(nest.reads)) return { node: expr, kind: nest.reads, label: nest.label, handler: nest.handler };
    return undefined;
  }
  if (tsApi.isPropertyAccessExpression(expr)) {
    const kind = getRequestPropertyKind(expr.name.text);
    const handler = kind ? getRequestObjectOf(tsApi, expr.expression) : undefined;
    if (kind && handler) return { node: expr, kind, label: getShortText(expr.getSourceFile(), expr), handler };
    return undefined;
  }
  if (tsApi.isCallExpression(expr) && tsApi.isPropertyAccessExpression(expr.expression)) {
    const kind = getRequestMethodKind(expr.expression.name.text);
    const handler = kind ? getRequestObjectOf(tsApi, expr.expression.expression) : undefined;
    if (kind && handler && expr.arguments.length === 1) return { node: expr, kind, label: getShortText(expr.getSourceFile(), expr), handler };
  }
  return undefined;
}

/** Every request read of a file (the outermost `req.x` of each chain, and Nest input parameters). */
export function getRequestSources(tsApi: TsApi, sourceFile: ts.SourceFile): RequestSource[] {
  const sources: RequestSource[] = [];
  walkDescendants(tsApi, sourceFile, (node) => {
    if (tsApi.isParameter(node)) {
      const nest = getNestParameterInput(tsApi, node);
      if (nest && isRequestInputKind(nest.reads)) sources.push({ node, kind: nest.reads, label: nest.label, handler: nest.handler });
      return;
    }
    if (tsApi.isPropertyAccessExpression(node) || tsApi.isCallExpression(node)) {
      const source = getRequestSourceOfExpression(tsApi, node);
      if (source) {
        sources.push(source);
        return false;
      }
    }
    return;
  });
  return sources;
}

export function isRequestInputKind(value: string): value is RequestInputKind {
  return ['body', 'query', 'params', 'headers', 'cookies', 'files', 'url'].includes(value);
}

/** The handler when `expr` is a request object (`req`, `request.raw`). */
function getRequestObjectOf(tsApi: TsApi, node: ts.Expression): Handler | undefined {
  let expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isPropertyAccessExpression(expr) && REQUEST_WRAPPER_PROPERTIES.includes(expr.name.text)) {
    expr = skipOuterExpressions(tsApi, expr.expression);
  }
  if (!tsApi.isIdentifier(expr)) return undefined;
  const param = getParameterOfIdentifier(tsApi, expr);
  return param ? getRequestObjectHandler(tsApi, param) : undefined;
}

function getParameterOfIdentifier(tsApi: TsApi, identifier: ts.Identifier): ts.ParameterDeclaration | undefined {
  const binding = resolveIdentifier(tsApi, identifier);
  const decl = binding?.declaration;
  return decl && tsApi.isParameter(decl) && decl.name === binding.name ? decl : undefined;
}
