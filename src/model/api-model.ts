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
  /** Everything that runs before the handler, outermost first (global, app, mount, router, route). */
  readonly chain: readonly ResolvedChainItem[];
  /**
   * True when nothing outside the analyzed files could add to the chain: the route's container is a
   * root created here, or every mount of it was found through the project index.
   */
  readonly complete: boolean;
  /** Mount sites that lead to this route (empty for roots). */
  readonly mountedAt: readonly ts.Node[];
}
