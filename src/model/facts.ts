/**
 * The facts a framework adapter emits about ONE file, with no cross-file knowledge. The API model
 * (`api-model.ts`) links them across files when a project index exists.
 *
 * Adapters only emit facts; rules never read framework shapes, only these concepts and the
 * resolved model.
 */
import type * as ts from 'typescript';

export type Framework = 'express' | 'fastify' | 'nest';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS' | 'ALL';

/** Where a piece of a route's chain was attached. */
export type ChainLevel = 'global' | 'app' | 'mount' | 'router' | 'plugin' | 'controller' | 'route';

/**
 * One piece of a route's chain as written: Express middleware, a Fastify hook, a Nest guard,
 * pipe, interceptor or filter, or a Fastify error handler.
 */
export interface ChainItem {
  /** The expression as written: `requireAuth`, `passport.authenticate('jwt')`, `new ValidationPipe({...})`. */
  readonly node: ts.Node;
  /** A short printable name: `requireAuth`, `passport.authenticate('jwt')`, `JwtAuthGuard`. */
  readonly text: string;
  /**
   * `error-handler`: the function of a Fastify `setErrorHandler(fn)`. It is encapsulated like a
   * hook but runs only for errors, so the linker lists it in `ResolvedRoute.errorHandlers`, never
   * in the chain.
   */
  readonly role: 'middleware' | 'hook' | 'guard' | 'pipe' | 'interceptor' | 'filter' | 'error-handler';
  /** Fastify hook name (`onRequest`, `preParsing`, `preValidation`, `preHandler`). */
  readonly hook?: string;
}

/** A reference to a router, plugin or controller, possibly in another file. */
export type RouterRef =
  | { readonly kind: 'local'; readonly routerId: string }
  /** `member`: a router held by a property of the exported class's instances (`new UsersRoute().router`). */
  | { readonly kind: 'import'; readonly module: string; readonly imported: string; readonly member?: string }
  | { readonly kind: 'unknown'; readonly text: string };

/** Middleware or hooks added to a whole router/app/plugin (`router.use(auth)`, `fastify.addHook(...)`). */
export interface UseStep {
  readonly kind: 'use';
  readonly node: ts.Node;
  /** A path filter (`app.use('/admin', auth)`), when present. */
  readonly path?: string;
  /**
   * How `path` is matched: `prefix` (the default: `app.use('/admin', auth)` covers `/admin/users`) or
   * `exact` (Express `app.all('/admin/*', auth)` and `route('/x').all(auth)`: the whole path, with
   * `:params` and `*` wildcards).
   */
  readonly match?: 'prefix' | 'exact';
  readonly items: readonly ChainItem[];
}

/** A child router or plugin mounted with a prefix (`app.use('/api', auth, router)`, `register(plugin, { prefix })`). */
export interface MountStep {
  readonly kind: 'mount';
  readonly node: ts.Node;
  /** The prefix; `undefined` when it is not static (printed as `?`). An absent prefix is `''`. */
  readonly path: string | undefined;
  /** Middleware on the mount itself, before the child (`app.use('/admin', requireAuth, adminRouter)`). */
  readonly items: readonly ChainItem[];
  readonly target: RouterRef;
  /**
   * `false` when the child shares the parent's context: a Fastify plugin wrapped in `fastify-plugin`
   * (its hooks leak into the parent), or an Express function called with the app
   * (`registerRoutes(app)`: its `app.use(...)` calls are the app's own).
   */
  readonly encapsulated?: boolean;
  /**
   * Set when the file cannot tell whether the target is a router or a middleware function (an
   * imported name in `app.use('/x', thing)`): the same expression as a chain item, used when the
   * target does not resolve to a router.
   */
  readonly alsoMiddleware?: ChainItem;
  /** The expression that names the child (`usersRouter`, `authPlugin`, `registerRoutes`), for messages and unread targets. */
  readonly targetNode?: ts.Node;
}

export interface RouteStep {
  readonly kind: 'route';
  readonly route: RouteFact;
}

export type RouterStep = UseStep | MountStep | RouteStep;

/** A container of routes: an Express app or Router, a Fastify instance or plugin, a Nest controller. */
export interface RouterFact {
  /** Unique within the file. */
  readonly id: string;
  readonly framework: Framework;
  readonly kind: 'app' | 'router' | 'plugin' | 'controller';
  /** Variable, function or class name (for messages and the inventory). */
  readonly name: string;
  /** The declaration: variable declaration, plugin function, controller class. */
  readonly node: ts.Node;
  /**
   * True when the container is created in this file and nothing outside can add to the chain of its
   * routes (an `express()` app, a `Fastify()` root instance). Routers and plugins are not roots.
   */
  readonly isRoot: boolean;
  /** The names under which the container is exported (`default` included), for cross-file mounts. */
  readonly exportedAs: readonly string[];
  /** Nest: the `@Controller` path. */
  readonly prefix?: string;
  /** Fastify plugins: `false` when wrapped in `fastify-plugin`. */
  readonly encapsulated?: boolean;
  /**
   * Express and Fastify: the function that builds the container, when it is not a plain variable: it
   * creates and returns it (`function createUsersRouter() { const r = Router(); ...; return r; }`), or
   * receives it as a parameter (`function registerRoutes(app) { app.get(...) }`, a Fastify plugin).
   * Cross-file mounts name that function.
   */
  readonly builtBy?: {
    readonly node: ts.Node;
    readonly name?: string;
    readonly via: 'return' | 'parameter';
    readonly parameterIndex?: number;
  };
  /**
   * Express: the container is another module's app, imported and extended here (`import app from
   * './app'; app.get(...)`): what that app registers runs before this file's steps.
   */
  readonly aliasOf?: RouterRef;
  /** Steps in registration order. */
  readonly steps: readonly RouterStep[];
}

export interface RouteFact {
  /** Unique within the file. */
  readonly id: string;
  readonly framework: Framework;
  readonly methods: readonly HttpMethod[];
  /** The path relative to its router; `undefined` when it is not static. */
  readonly path: string | undefined;
  /** The registration: `router.get(...)` call, `fastify.route({...})` call, or the Nest method declaration. */
  readonly node: ts.Node;
  /** Where findings about the route are reported: the call, or the Nest route decorator. */
  readonly reportNode: ts.Node;
  readonly routerId: string;
  /** Route-level chain in order (middleware arguments, route hooks, method-level guards and pipes). */
  readonly chain: readonly ChainItem[];
  /** The handler function (or the expression that refers to it). */
  readonly handler?: ts.Node;
  /** Public-on-purpose markers: `@Public()`, `@SkipAuth()`, `SetMetadata('isPublic', true)`, an `@public` comment. */
  readonly publicMarkers: readonly string[];
  /** Fastify: the `schema` object of the route options, when present. */
  readonly schema?: ts.Expression;
  /**
   * Fastify: the route's own `errorHandler` option (an `error-handler` item). It answers the route's
   * errors before any `setErrorHandler` of its contexts; an error it throws goes on to theirs.
   */
  readonly errorHandler?: ChainItem;
}

/** App-wide facts (Nest `APP_GUARD`/`useGlobalGuards`/`useGlobalPipes`/`setGlobalPrefix`). */
export interface GlobalFact {
  readonly framework: Framework;
  readonly kind: 'guard' | 'pipe' | 'filter' | 'interceptor' | 'prefix';
  readonly node: ts.Node;
  /** The item for guards, pipes, filters and interceptors. */
  readonly item?: ChainItem;
  /** The prefix for `setGlobalPrefix`. */
  readonly prefix?: string;
  /** How it was registered: `APP_GUARD`, `useGlobalGuards`, ... */
  readonly via: string;
}

export interface FileRoutingFacts {
  readonly routers: readonly RouterFact[];
  readonly globals: readonly GlobalFact[];
}

export const EMPTY_ROUTING_FACTS: FileRoutingFacts = { routers: [], globals: [] };
