/**
 * The normalized API model every rule and the `routes` inventory read: each route with its full
 * path and the whole chain that runs before its handler, linked across files when a project index
 * exists.
 */
import type * as ts from 'typescript';
import type { ChainItem, ChainLevel, HttpMethod, RouteFact, RouterFact, Framework } from './facts.js';

/** A chain item placed in the route's resolved chain. */
export interface ResolvedChainItem extends ChainItem {
  readonly level: ChainLevel;
  /** The file where the item is attached. */
  readonly file: ts.SourceFile;
  /**
   * Set when the item runs but lets this route through because of its public marker: a Nest guard
   * that reads the metadata of `@Public()` (the value is the marker, e.g. `@Public()`). Such a guard
   * does not protect the route.
   */
  readonly bypassedBy?: string;
  /**
   * Set when the item may or may not run for this route (a path filter the analysis cannot decide
   * against a dynamic route path); the value says why.
   */
  readonly conditional?: string;
  /**
   * Set on a placeholder for code the analysis could not read but that may add to the chain: a
   * router mounted earlier on a covering path, a plugin registered from a file it cannot see. The
   * value says what it stands for.
   */
  readonly opaque?: string;
}

export interface ResolvedRoute {
  readonly framework: Framework;
  readonly route: RouteFact;
  readonly router: RouterFact;
  /** The file that declares the route. */
  readonly file: ts.SourceFile;
  readonly methods: readonly HttpMethod[];
  /** The full path with every known prefix; `?` stands for a segment or prefix that is not known. */
  readonly fullPath: string;
  /**
   * The path the application serves its whole API under, as `fullPath` starts with it: a Nest
   * global prefix (`/api`, `/?` when not static). Absent when there is none or the route is
   * excluded from it. A route whose whole path is the base path is the API's root.
   */
  readonly basePath?: string;
  /** Everything that runs before the handler, outermost first (global, app, mount, router, route). */
  readonly chain: readonly ResolvedChainItem[];
  /**
   * True when nothing outside the analyzed files could add to the chain: the route's container is a
   * root created here, or every mount of it was found through the project index.
   */
  readonly complete: boolean;
  /** Mount sites that lead to this route (empty for roots). */
  readonly mountedAt: readonly ts.Node[];
  /** The root container (`express()` app, `Fastify()` instance) this chain starts at, when it was reached. */
  readonly root?: { readonly file: ts.SourceFile; readonly router: RouterFact };
  /** Why `complete` is false (`router is exported and not mounted in this file`). */
  readonly incompleteReason?: string;
  /**
   * Fastify: the custom error handlers (`setErrorHandler`) of the route's encapsulation context and
   * its ancestors, outermost first; absent when there is none. Fastify gives an error of the route
   * to the last one (the nearest context's), and an error that handler throws to the one before it.
   */
  readonly errorHandlers?: readonly ResolvedChainItem[];
  /**
   * Express: middleware attached after the route was registered on a path that covers it
   * (`router.use(requireAuth)` below the route). It does not run for this route; rules name it.
   */
  readonly registeredAfter?: readonly ResolvedChainItem[];
}
