/**
 * What a Nest route-handler parameter receives: `@Body()` / `@Body('field')`, `@Query()`,
 * `@Param('id')`, `@Headers('x')`, `@UploadedFile()` are client input; `@Req()`, `@Res()`, `@Next()`,
 * `@Ip()`, `@Session()` are framework objects; a custom decorator made with `createParamDecorator`
 * is read to see what it returns: `request.user` (set by the auth guard, not client input), or a
 * part of the request such as `request.body`.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getAccessPath, getDecorators, skipOuterExpressions } from '../core/ast.js';
import { walkFunctionBody } from '../core/walk.js';
import { REQUEST_INPUT_KINDS, findNestParameterInput, type NestParameterSource, type RequestInputKind } from '../catalog/request-inputs.js';
import { resolveNestExpression, resolveNestString, type NestLookup } from './nest-symbols.js';

/**
 * What a parameter receives: a request input (`body`, `query`, `params`, `headers`, `files`, ...),
 * a framework object (`request`, `response`, `next`), or, for `createParamDecorator` decorators,
 * `user` (what the auth guard set) and `custom` (something the analysis cannot name).
 */
export type NestParameterKind = NestParameterSource | 'user' | 'custom';

export interface NestParameterInput {
  readonly kind: NestParameterKind;
  /** The property selected by the decorator: `@Body('email')` gives `email`, `@Param('id')` gives `id`. */
  readonly key?: string;
  /** True when the client chooses the value (body, query, params, headers, cookies, files). */
  readonly clientControlled: boolean;
  /** The parameter decorator. */
  readonly decorator: ts.Decorator;
  /** Pipes given to the decorator: `@Body(new ValidationPipe(...))`, `@Param('id', ParseIntPipe)`. */
  readonly pipes: readonly ts.Expression[];
}

const CLIENT_REQUEST_PROPERTIES: Readonly<Record<string, RequestInputKind>> = {
  body: 'body',
  query: 'query',
  params: 'params',
  headers: 'headers',
  files: 'files',
  file: 'files',
};

/**
 * The input a handler parameter receives, from its Nest parameter decorator, or `undefined` when
 * the parameter has none (a plain parameter, or a decorator of another framework).
 */
export function getNestParameterInput(tsApi: TsApi, param: ts.ParameterDeclaration, project?: ProjectIndex): NestParameterInput | undefined {
  const lookup: NestLookup = { ts: tsApi, project };
  const file = param.getSourceFile();
  for (const decorator of getDecorators(tsApi, param)) {
    const expr = decorator.expression;
    const callee = tsApi.isCallExpression(expr) ? skipOuterExpressions(tsApi, expr.expression) : expr;
    const args = tsApi.isCallExpression(expr) ? expr.arguments : [];
    const symbol = resolveNestExpression(lookup, file, callee);
    if (symbol.kind === 'import' && (symbol.module === '@nestjs/common' || symbol.module.startsWith('@nestjs/common/'))) {
      const row = findNestParameterInput(symbol.imported);
      if (!row) continue;
      const key = args[0] ? resolveNestString(lookup, file, args[0]) : undefined;
      const pipes = key !== undefined || (args[0] && isStringish(tsApi, args[0])) ? args.slice(1) : [...args];
      return { kind: row.reads, key, clientControlled: isClientInput(row.reads), decorator, pipes };
    }
    const custom = readCustomParamDecorator(lookup, symbol);
    if (custom) {
      const key = args[0] ? resolveNestString(lookup, file, args[0]) : undefined;
      return { kind: custom, key, clientControlled: isClientInput(custom), decorator, pipes: [] };
    }
  }
  return undefined;
}

function isClientInput(kind: NestParameterKind): boolean {
  return (REQUEST_INPUT_KINDS as readonly string[]).includes(kind);
}

function isStringish(tsApi: TsApi, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, node);
  return tsApi.isStringLiteralLike(expr) || tsApi.isTemplateExpression(expr) || tsApi.isIdentifier(expr) && /^[A-Z_]+$/.test(expr.text);
}

/**
 * `export const CurrentUser = createParamDecorator((data, ctx) => ctx.switchToHttp().getRequest().user)`:
 * what the factory returns, read from its return expressions.
 */
function readCustomParamDecorator(lookup: NestLookup, symbol: ReturnType<typeof resolveNestExpression>): NestParameterKind | undefined {
  const tsApi = lookup.ts;
  if (symbol.kind !== 'declaration' || !tsApi.isVariableDeclaration(symbol.node) || !symbol.node.initializer) return undefined;
  const init = skipOuterExpressions(tsApi, symbol.node.initializer);
  if (!tsApi.isCallExpression(init)) return undefined;
  const creator = resolveNestExpression(lookup, symbol.file, skipOuterExpressions(tsApi, init.expression));
  if (creator.kind !== 'import' || creator.imported !== 'createParamDecorator' || !creator.module.startsWith('@nestjs/common')) return undefined;
  const factory = init.arguments[0] ? skipOuterExpressions(tsApi, init.arguments[0]) : undefined;
  if (!factory || !(tsApi.isArrowFunction(factory) || tsApi.isFunctionExpression(factory))) return 'custom';
  const returned: ts.Expression[] = [];
  const locals = new Map<string, ts.Expression>();
  if (!tsApi.isBlock(factory.body)) returned.push(factory.body);
  else {
    walkFunctionBody(tsApi, factory.body, (node) => {
      if (tsApi.isReturnStatement(node) && node.expression) returned.push(node.expression);
      if (tsApi.isVariableDeclaration(node) && tsApi.isIdentifier(node.name) && node.initializer) locals.set(node.name.text, node.initializer);
    });
  }
  // `const r = ctx.switchToHttp().getRequest()`: `r` is the request too.
  const requestNames = new Set<string>();
  for (const [name, init] of locals) {
    if (getAccessPath(tsApi, skipOuterExpressions(tsApi, init))?.endsWith('getRequest()')) requestNames.add(name);
  }
  const kinds = new Set<NestParameterKind>();
  for (const expression of returned) {
    // `const user = request.user; return data ? user?.[data] : user;`
    let kind = classifyReturned(tsApi, expression, requestNames);
    const root = getRootIdentifier(tsApi, expression);
    const local = root ? locals.get(root) : undefined;
    if (kind === 'custom' && local) kind = classifyReturned(tsApi, local, requestNames);
    kinds.add(kind);
  }
  if (kinds.size === 0) return 'custom';
  for (const kind of kinds) if (kind !== 'user' && kind !== 'custom') return kind;
  return kinds.has('custom') ? 'custom' : 'user';
}

function getRootIdentifier(tsApi: TsApi, expression: ts.Expression): string | undefined {
  let expr = skipOuterExpressions(tsApi, expression);
  if (tsApi.isConditionalExpression(expr)) expr = skipOuterExpressions(tsApi, expr.whenFalse);
  while (tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr)) expr = skipOuterExpressions(tsApi, expr.expression);
  return tsApi.isIdentifier(expr) ? expr.text : undefined;
}

/** `request.user`, `req.user?.id`, `request.body[data]`, `ctx.switchToHttp().getRequest().query`. */
function classifyReturned(tsApi: TsApi, expression: ts.Expression, requestNames: ReadonlySet<string>): NestParameterKind {
  let expr = skipOuterExpressions(tsApi, expression);
  if (tsApi.isConditionalExpression(expr)) expr = skipOuterExpressions(tsApi, expr.whenFalse);
  if (tsApi.isBinaryExpression(expr)) expr = skipOuterExpressions(tsApi, expr.left);
  if (tsApi.isElementAccessExpression(expr)) expr = skipOuterExpressions(tsApi, expr.expression);
  const path = tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr) || tsApi.isIdentifier(expr) ? getAccessPath(tsApi, expr) : undefined;
  if (!path) return 'custom';
  const parts = path.split('.');
  const requestIndex = parts.findIndex((p) => /^(req|request)$/i.test(p) || p === 'getRequest()' || requestNames.has(p));
  const property = requestIndex >= 0 ? parts[requestIndex + 1] : undefined;
  if (property === 'user') return 'user';
  if (property !== undefined && CLIENT_REQUEST_PROPERTIES[property]) return CLIENT_REQUEST_PROPERTIES[property]!;
  return 'custom';
}
