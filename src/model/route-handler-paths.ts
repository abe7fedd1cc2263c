/**
 * The full paths of the route handlers a file declares, keyed by handler function, from the
 * routing model (`getApiModel`): with a project index, a router mounted at `/api/auth` in another
 * file gives its `router.post('/')` handler the path `/api/auth`.
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../core/context.js';
import { isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { getApiModel } from './resolve-api-model.js';

/** Handler function to its full paths (one per mount chain). */
export function getHandlerFunctionPaths(ctx: AnalysisContext): ReadonlyMap<ts.Node, readonly string[]> {
  const paths = new Map<ts.Node, string[]>();
  for (const route of getApiModel(ctx)) {
    const fn = route.route.handler ? resolveHandlerFunction(ctx.ts, route.route.handler) : undefined;
    if (!fn) continue;
    const list = paths.get(fn) ?? [];
    list.push(route.fullPath);
    paths.set(fn, list);
  }
  return paths;
}

/** The function a handler expression is or names (`(req, res) => ...`, `login`, `const login = ...`). */
function resolveHandlerFunction(tsApi: TsApi, handler: ts.Node): ts.FunctionLikeDeclaration | undefined {
  if (isFunctionLike(tsApi, handler)) return handler;
  if (!tsApi.isIdentifier(handler) && !tsApi.isParenthesizedExpression(handler)) return undefined;
  const expr = skipOuterExpressions(tsApi, handler as ts.Expression);
  if (isFunctionLike(tsApi, expr)) return expr;
  if (!tsApi.isIdentifier(expr)) return undefined;
  const decl = resolveIdentifier(tsApi, expr)?.declaration;
  if (!decl) return undefined;
  if (tsApi.isFunctionDeclaration(decl)) return decl;
  if (tsApi.isVariableDeclaration(decl) && decl.initializer) {
    const init = skipOuterExpressions(tsApi, decl.initializer);
    if (isFunctionLike(tsApi, init)) return init;
  }
  return undefined;
}
