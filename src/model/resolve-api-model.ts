/**
 * The API model: resolved routes, asked of every registered framework adapter.
 *
 * - `getApiModel(ctx)`: the routes declared in `ctx.sourceFile` (linked across files when
 *   `ctx.project` exists).
 * - `getProjectRoutes(index)`: every route of the project, computed once per index.
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import type { ResolvedRoute } from './api-model.js';
import type { FileRoutingFacts } from './facts.js';
import { FRAMEWORK_ADAPTERS, getFileRoutingFacts, type RoutingScope } from '../frameworks/index.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

const fileModeRoutes = new FileScopedWeakMap<ts.SourceFile, readonly ResolvedRoute[]>();
const projectRoutesKey = {};
const projectFileRoutesKey = {};

/** The resolved routes declared in `ctx.sourceFile`, of the frameworks the settings model. */
export function getApiModel(ctx: AnalysisContext): readonly ResolvedRoute[] {
  let routes = ctx.project ? getFileRoutesInProject(ctx.project, ctx.sourceFile) : fileModeRoutes.get(ctx.sourceFile);
  if (!routes) {
    routes = resolveFileRoutes({ ts: ctx.ts }, ctx.sourceFile);
    fileModeRoutes.set(ctx.sourceFile, routes);
  }
  return onlyModelledFrameworks(routes, ctx.settings.frameworks);
}

/** Routes of the frameworks in the `frameworks` setting (all of them by default). */
function onlyModelledFrameworks(routes: readonly ResolvedRoute[], frameworks: readonly string[] | undefined): readonly ResolvedRoute[] {
  if (!frameworks || routes.every((route) => frameworks.includes(route.framework))) return routes;
  return routes.filter((route) => frameworks.includes(route.framework));
}

/** Every resolved route of the project, in file order. */
export function getProjectRoutes(index: ProjectIndex): readonly ResolvedRoute[] {
  return index.memo(projectRoutesKey, () => index.files().flatMap((file) => getFileRoutesInProject(index, file)));
}

/** The resolved routes declared in `file`, with the project index (cached per index and file). */
export function getFileRoutesInProject(index: ProjectIndex, file: ts.SourceFile): readonly ResolvedRoute[] {
  const cache = index.memo(projectFileRoutesKey, () => new WeakMap<ts.SourceFile, readonly ResolvedRoute[]>());
  let routes = cache.get(file);
  if (!routes) {
    routes = resolveFileRoutes({ ts: index.ts, project: index }, file);
    cache.set(file, routes);
  }
  return routes;
}

function resolveFileRoutes(scope: RoutingScope, file: ts.SourceFile): readonly ResolvedRoute[] {
  const routes: ResolvedRoute[] = [];
  for (const adapter of FRAMEWORK_ADAPTERS) {
    const facts = getFileRoutingFacts(scope, file, adapter);
    if (facts.routers.length === 0 && facts.globals.length === 0) continue;
    routes.push(...adapter.resolveRoutes(scope, file, facts));
  }
  return routes;
}

/** The routing facts every registered adapter collects from `file`. */
export function getAllRoutingFacts(scope: RoutingScope, file: ts.SourceFile): readonly FileRoutingFacts[] {
  return FRAMEWORK_ADAPTERS.map((adapter) => getFileRoutingFacts(scope, file, adapter));
}
