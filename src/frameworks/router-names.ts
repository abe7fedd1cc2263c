/**
 * Naming conventions that tell routers and plugins from middleware when the code that defines them
 * is not in view: `usersRouter`, `routes`, `adminApi`, `./routes/users.js`.
 */

const ROUTER_NAME = /(?:^|[a-z0-9_])(?:Router|Routes|Routers|Api|API|Controller|Plugin|Module)$|^(?:router|routes|routers|api|apis|controller|controllers|plugin|plugins|v\d+)$/;

/** True for names that read like a router, route module or plugin. */
export function isRouterLikeName(name: string): boolean {
  return ROUTER_NAME.test(name);
}

/**
 * True for module specifiers that point into the project rather than a package: relative and
 * absolute paths, and the usual path aliases (`@/`, `~/`, `#`, `src/`).
 */
export function isProjectModuleSpecifier(specifier: string): boolean {
  return /^(?:\.{1,2}(?:\/|$)|\/|~\/|@\/|#|src\/|app\/)/.test(specifier);
}
