/**
 * The full paths of the route handlers a file declares, keyed by handler function, from the
 * routing model (`getApiModel`): with a project index, a router mounted at `/api/auth` in another
 * file gives its `router.post('/')` handler the path `/api/auth`.
 */
import type * as ts from 'typescript';
import type { AnalysisContext, TsApi } from '../core/context.js';
import { isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { getApiModel, getFileRoutesInProject } from './resolve-api-model.js';
import type { ResolvedRoute } from './api-model.js';

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

/**
 * How a message names the route a flow's source belongs to: with a project index, the method and
 * full path the routing model gives the handler around the source (`PATCH /api/projects/:id`, mounts
 * and global prefixes included); else, or when the model places the handler on several routes, on
 * none, or behind a prefix it cannot read, the route its registration names in its own file (`PATCH /:id`).
 */
export function describeSourceRoute(ctx: AnalysisContext, source: { readonly node: ts.Node; readonly file: ts.SourceFile; readonly route?: string }): string | undefined {
  const project = ctx.project;
  if (!project) return source.route;
  const tsApi = ctx.ts;
  const byHandler = new Map<ts.Node, ResolvedRoute[]>();
  for (const route of getFileRoutesInProject(project, source.file)) {
    const fn = route.route.handler ? resolveHandlerFunction(tsApi, route.route.handler) : undefined;
    if (!fn) continue;
    const list = byHandler.get(fn) ?? [];
    list.push(route);
    byHandler.set(fn, list);
  }
  let current: ts.Node | undefined = source.node;
  while (current) {
    const routes = isFunctionLike(tsApi, current) ? byHandler.get(current) : undefined;
    if (routes) {
      const names = new Set(routes.map((route) => `${route.methods.join('|')} ${route.fullPath}`));
      // A prefix the analysis cannot see (`/?/preview`) says less than the file's own `/preview`.
      return names.size === 1 && routes.every((route) => !route.fullPath.split('/').includes('?')) ? [...names][0] : source.route;
    }
    current = current.parent as ts.Node | undefined;
  }
  return source.route;
}
