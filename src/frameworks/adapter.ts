/**
 * The contract every framework adapter fulfils (Express, Fastify, Nest; Koa and Hono later).
 *
 * An adapter does two things:
 * - `collect`: the routing facts ONE file declares (routers, their steps in order, routes, global
 *   enhancers). The registry caches the result per `ts.SourceFile` (and per project index), so
 *   adapters need not cache it themselves.
 * - `resolveRoutes`: the routes declared in one file, linked into full paths and whole chains. With
 *   `scope.project` it follows mounts, plugins and global enhancers across files; without it, it
 *   reports what the file proves and sets `complete: false` where another file could add to a chain.
 *
 * Rules never call adapters; they read `getApiModel(ctx)` / `getProjectRoutes(index)`
 * (`src/model/resolve-api-model.ts`), which ask every adapter registered in `./index.ts`.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import type { ResolvedRoute } from '../model/api-model.js';
import type { FileRoutingFacts, Framework } from '../model/facts.js';

/** What an adapter may look at: the injected `ts` and, in project mode, the whole-program index. */
export interface RoutingScope {
  readonly ts: TsApi;
  /** Present with typed linting and in the CLI; absent in per-file mode. */
  readonly project?: ProjectIndex;
}

export interface FrameworkAdapter {
  readonly framework: Framework;
  /**
   * The routing facts `sourceFile` declares. Must not depend on other files' facts; it may use
   * `scope.project` to resolve names (Nest composed decorators, constants), which is why the
   * registry caches per project index.
   */
  collect(scope: RoutingScope, sourceFile: ts.SourceFile): FileRoutingFacts;
  /**
   * The routes declared in `sourceFile` (one entry per mount chain that reaches a route), with full
   * paths and chains. `facts` is `collect(scope, sourceFile)`; other files' facts come from
   * `getFileRoutingFacts(scope, file, adapter)` (`./routing-facts.ts`).
   */
  resolveRoutes(scope: RoutingScope, sourceFile: ts.SourceFile, facts: FileRoutingFacts): readonly ResolvedRoute[];
}
