/**
 * Routes that should not be reachable in production, as data (OWASP API9:2023, improper inventory):
 * debug and test endpoints, internal-only APIs, old versions, diagnostics that dump the process
 * (`/env`, `/heapdump`, `/actuator`, `/phpinfo`), consoles that run code (`/repl`, `/eval`), an admin
 * console page, and API documentation UIs (Swagger UI, ReDoc) mounted for everyone.
 *
 * Paths are matched segment by segment, never by substring: `/testimonials`, `/contest`,
 * `/internals-guide` and `/v0-roadmap` do not match. Every row has a `name` and is tested row by
 * row in `tests/catalog/debug-endpoints.test.ts`.
 */
import { isPackageSpecifier } from '../core/bindings.js';

export type DebugEndpointKind = 'debug' | 'test' | 'internal' | 'old-version' | 'diagnostics' | 'console' | 'admin-console';

export interface DebugPathRow {
  readonly name: string;
  readonly kind: DebugEndpointKind;
  /** Matched against each static segment of the route's full path. */
  readonly segment: RegExp;
  /**
   * `leading`: only at the start of the path, after prefixes like `/api`, `/v1`, `/admin`, `/debug`
   * (`/test/seed` and `/api/test` are test endpoints; `/monitors/:id/test` is a feature that tests a
   * monitor; `/env` is a dump, `/projects/:id/env` a resource). Default: any segment.
   */
  readonly position?: 'leading';
  /** Only when it is also the last static segment (`GET /admin` is a console page; `/admin/users` is an API `require-auth-guard` judges). */
  readonly last?: boolean;
  /** When set, only these methods (a console page is read with `GET`). */
  readonly methods?: readonly string[];
  /** Dumps of the process or code execution are errors; the rest are warnings. */
  readonly severity: 'error' | 'warning';
}

export const DEBUG_PATHS = [
  { name: 'debug', kind: 'debug', segment: /^_{0,2}debug(?:ger)?_{0,2}$/i, severity: 'error' },
  { name: 'test', kind: 'test', segment: /^_{0,2}(?:test|testing)_{0,2}$/i, position: 'leading', severity: 'warning' },
  { name: 'internal', kind: 'internal', segment: /^_{0,2}internal_{0,2}$/i, severity: 'warning' },
  { name: 'version-zero', kind: 'old-version', segment: /^v0(?:\.\d+)*$/i, severity: 'warning' },
  { name: 'legacy', kind: 'old-version', segment: /^(?:legacy|deprecated)$/i, severity: 'warning' },
  {
    name: 'process-dump',
    kind: 'diagnostics',
    segment: /^(?:heap-?dump|heap-?snapshot|thread-?dump|core-?dump|pprof|_?_?profiler|actuator|jolokia|env|_env|\.env|environment-variables|phpinfo(?:\.php)?|info\.php|server-info|server-status)$/i,
    position: 'leading',
    severity: 'error',
  },
  { name: 'code-console', kind: 'console', segment: /^(?:repl|eval|shell|console|exec-?command|run-?command)$/i, position: 'leading', severity: 'error' },
  { name: 'admin-console', kind: 'admin-console', segment: /^(?:admin|admin-?panel|admin-?console|adminer|phpmyadmin)$/i, position: 'leading', last: true, methods: ['GET', 'ALL'], severity: 'warning' },
] as const satisfies readonly DebugPathRow[];

/** Prefix segments a `leading` segment may follow: `/api/test`, `/v1/debug/env`, `/admin/console`, `/actuator/env`. */
const LEADING_PREFIX = /^(?:api|rest|v\d+(?:\.\d+)*|public|admin|_{0,2}debug_{0,2}|_{0,2}internal|management|manage|ops|_?system|actuator)$/i;

/** The row and segment of the first debug-like segment of `fullPath` for one of `methods`, if any. */
export function findDebugPath(fullPath: string, methods: readonly string[]): { readonly row: DebugPathRow; readonly segment: string } | undefined {
  const segments = fullPath.split('/').filter((s) => s.length > 0 && !s.startsWith(':') && s !== '?' && s !== '*');
  const leadingEnd = segments.findIndex((s) => !LEADING_PREFIX.test(s));
  for (const row of DEBUG_PATHS as readonly DebugPathRow[]) {
    if (row.methods && !methods.some((m) => row.methods!.includes(m))) continue;
    const index = segments.findIndex(
      (s, i) => row.segment.test(s) && (row.position !== 'leading' || leadingEnd === -1 || i <= leadingEnd) && (!row.last || i === segments.length - 1),
    );
    if (index >= 0) return { row, segment: segments[index]! };
  }
  return undefined;
}

/** A package that serves API documentation UIs, and how it is mounted. */
export interface ApiDocsUiRow {
  readonly name: string;
  readonly modules: readonly string[];
  /**
   * `express-middleware`: a middleware in `app.use(path, ...)` (`swaggerUi.serve`, `redoc({...})`);
   * `fastify-plugin`: registered with `app.register(plugin, { routePrefix })`;
   * `nest-setup`: `SwaggerModule.setup(path, app, document)`.
   */
  readonly mount: 'express-middleware' | 'fastify-plugin' | 'nest-setup';
  /** `nest-setup`: the export whose `setup` mounts the UI. */
  readonly export?: string;
}

export const API_DOCS_UIS = [
  { name: 'swagger-ui-express', modules: ['swagger-ui-express'], mount: 'express-middleware' },
  { name: 'redoc-express', modules: ['redoc-express'], mount: 'express-middleware' },
  { name: 'express-openapi-ui', modules: ['@scalar/express-api-reference', 'swagger-ui-dist'], mount: 'express-middleware' },
  { name: 'fastify-swagger-ui', modules: ['@fastify/swagger-ui', 'fastify-swagger-ui', '@scalar/fastify-api-reference'], mount: 'fastify-plugin' },
  { name: 'nest-swagger', modules: ['@nestjs/swagger'], mount: 'nest-setup', export: 'SwaggerModule' },
] as const satisfies readonly ApiDocsUiRow[];

/** The docs-UI row of a package, if it serves one. */
export function findApiDocsUi(module: string): ApiDocsUiRow | undefined {
  return (API_DOCS_UIS as readonly ApiDocsUiRow[]).find((row) => row.modules.some((m) => isPackageSpecifier(module, m)));
}

/**
 * Conditions that gate a registration on purpose, besides environment checks: feature flags and
 * settings named for debugging, docs or internal tools (`if (config.enableDebugRoutes)`,
 * `if (process.env.EXPOSE_DOCS === 'true')`, `if (settings.swagger.enabled)`).
 */
export const EXPOSURE_FLAG_PATTERN = /debug|dev|test|internal|swagger|docs|openapi|redoc|expose|enable|feature|flag|diagnostic|maintenance|admin|console|local/i;

/**
 * Middleware names that restrict a route to a development machine or an internal network
 * (`devOnly`, `localhostOnly`, `internalOnly`, `ipAllowlist`, `requireInternalNetwork`): they gate a
 * debug route as an environment check does.
 */
export const EXPOSURE_GATE_MIDDLEWARE = /^(?:dev|development|local|localhost|loopback|internal|intranet|private|vpn|ip|admin-?ip)[-_]?(?:only|guard|gate|allow(?:list)?|whitelist|filter|network)$|^(?:only|allow|restrict|require|ensure|is)[-_]?(?:dev|development|local|localhost|loopback|internal|intranet|private|vpn|ip|internal-?network|private-?network)\w*$|^ip[-_]?(?:filter|whitelist|allowlist|restrict\w*)$|^not[-_]?production$/i;
