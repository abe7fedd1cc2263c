/**
 * Security response headers as data: the calls that create an application, the calls that show it
 * serves browsers (views, static files, cookie sessions), and the middleware that sets
 * `Content-Security-Policy`, `X-Frame-Options` and `Strict-Transport-Security` (helmet,
 * `@fastify/helmet`, lusca, or the headers set by hand).
 *
 * Callee paths are module paths (`src/flow/module-paths.ts`). Every row has a `name` and is tested
 * row by row in `tests/catalog/security-headers.test.ts`.
 */
import { isPackageSpecifier } from '../core/bindings.js';

export interface AppFactoryRow {
  readonly name: string;
  readonly modules: readonly string[];
  /** Module paths of the creating call (`''` for the default export). */
  readonly callees: readonly string[];
  /** For messages: how this framework applies helmet. */
  readonly fix: string;
}

export const APP_FACTORIES = [
  { name: 'express-app', modules: ['express'], callees: [''], fix: '`app.use(helmet())` from `helmet`' },
  { name: 'fastify-app', modules: ['fastify'], callees: ['', 'fastify'], fix: '`await app.register(helmet)` from `@fastify/helmet`' },
  { name: 'nest-app', modules: ['@nestjs/core'], callees: ['NestFactory.create'], fix: '`app.use(helmet())` from `helmet`' },
  // A Nest app on the Fastify adapter takes the Fastify plugin; chosen by the `FastifyAdapter` argument.
  { name: 'nest-fastify-app', modules: ['@nestjs/core'], callees: [], fix: '`await app.register(helmet)` from `@fastify/helmet`' },
] as const satisfies readonly AppFactoryRow[];

export interface BrowserEvidenceRow {
  readonly name: string;
  /** For messages: what the app does for browsers. */
  readonly label: string;
  /**
   * `call`: an imported callee (`express.static(dir)`, `session(options)`); `register`: a Fastify
   * plugin passed to `register(plugin, ...)`; `method`: a method by name (`app.set('view engine', ...)`);
   * `decorator`: an imported decorator (`@Render('index')`).
   */
  readonly usage: 'call' | 'register' | 'method' | 'decorator';
  readonly modules: readonly string[];
  /** `call`, `register`, `decorator`: module paths; `method`: method names. */
  readonly callees: readonly string[];
  /** `method` only: the first argument, a fixed string (lower case) or `string` for any literal. */
  readonly firstArgument?: string;
  /** `method` only: a pattern the first argument, a literal, must match. */
  readonly firstArgumentPattern?: RegExp;
}

export const BROWSER_EVIDENCE = [
  { name: 'express-view-engine', label: 'renders views', usage: 'method', modules: [], callees: ['set'], firstArgument: 'view engine' },
  // res.render('orders', { orders }): a template name first, which no JSON serializer takes.
  { name: 'render-template', label: 'renders views', usage: 'method', modules: [], callees: ['render'], firstArgument: 'string' },
  { name: 'fastify-reply-view', label: 'renders views', usage: 'method', modules: [], callees: ['view'], firstArgument: 'string' },
  { name: 'nest-view-engine', label: 'renders views', usage: 'method', modules: [], callees: ['setViewEngine', 'setBaseViewsDir'] },
  { name: 'nest-render', label: 'renders views', usage: 'decorator', modules: ['@nestjs/common'], callees: ['Render'] },
  { name: 'fastify-view', label: 'renders views', usage: 'register', modules: ['@fastify/view', 'point-of-view'], callees: [''] },
  { name: 'express-static', label: 'serves static files', usage: 'call', modules: ['express'], callees: ['static'] },
  { name: 'serve-static', label: 'serves static files', usage: 'call', modules: ['serve-static'], callees: [''] },
  { name: 'nest-static-assets', label: 'serves static files', usage: 'method', modules: [], callees: ['useStaticAssets'] },
  { name: 'fastify-static', label: 'serves static files', usage: 'register', modules: ['@fastify/static', 'fastify-static'], callees: [''] },
  { name: 'express-session', label: 'keeps cookie sessions', usage: 'call', modules: ['express-session', 'cookie-session'], callees: [''] },
  {
    name: 'fastify-session',
    label: 'keeps cookie sessions',
    usage: 'register',
    modules: ['@fastify/session', '@fastify/secure-session', 'fastify-secure-session'],
    callees: [''],
  },
  // A session cookie set by hand (`reply.setCookie('sessionId', ...)` with `@fastify/cookie`, `res.cookie('sid', ...)`);
  // other cookies (`refresh_token`, preferences) do not show a browser session.
  { name: 'session-cookie', label: 'keeps cookie sessions', usage: 'method', modules: [], callees: ['setCookie', 'cookie'], firstArgumentPattern: /sess|^sid$|\.sid$/i },
] as const satisfies readonly BrowserEvidenceRow[];

export interface SecurityHeaderRow {
  readonly name: string;
  /** Any import or require of these modules counts as applied (conservative: where it is applied is not checked). */
  readonly modules: readonly string[];
}

export const SECURITY_HEADER_MIDDLEWARE = [
  { name: 'helmet', modules: ['helmet'] },
  { name: 'fastify-helmet', modules: ['@fastify/helmet', 'fastify-helmet'] },
  { name: 'lusca', modules: ['lusca'] },
] as const satisfies readonly SecurityHeaderRow[];

/** Response headers that show a hand-written security-header middleware, lower case. */
export const SECURITY_HEADER_NAMES: readonly string[] = ['content-security-policy', 'x-frame-options', 'strict-transport-security'];

/** The app factory a call's module path belongs to, if any. */
export function findAppFactory(specifier: string, path: string): AppFactoryRow | undefined {
  return (APP_FACTORIES as readonly AppFactoryRow[]).find((row) => row.modules.some((m) => isPackageSpecifier(specifier, m)) && row.callees.includes(path));
}

/** The factory row of a name (`nest-fastify-app`). */
export function findAppRow(name: string): AppFactoryRow {
  return (APP_FACTORIES as readonly AppFactoryRow[]).find((row) => row.name === name)!;
}

/** The evidence row of an imported callee, plugin or decorator, if any. */
export function findBrowserEvidence(usage: 'call' | 'register' | 'decorator', specifier: string, path: string): BrowserEvidenceRow | undefined {
  return (BROWSER_EVIDENCE as readonly BrowserEvidenceRow[]).find(
    (row) => row.usage === usage && row.modules.some((m) => isPackageSpecifier(specifier, m)) && row.callees.includes(path),
  );
}

/** The evidence row of a method call by name and first argument (lower case, `undefined` when not a literal), if any. */
export function findBrowserEvidenceMethod(name: string, firstArgument: string | undefined): BrowserEvidenceRow | undefined {
  return (BROWSER_EVIDENCE as readonly BrowserEvidenceRow[]).find(
    (row) =>
      row.usage === 'method' &&
      row.callees.includes(name) &&
      (row.firstArgument === undefined || (row.firstArgument === 'string' ? firstArgument !== undefined : row.firstArgument === firstArgument)) &&
      (row.firstArgumentPattern === undefined || (firstArgument !== undefined && row.firstArgumentPattern.test(firstArgument))),
  );
}

/** True when a module specifier names security-header middleware. */
export function isSecurityHeaderModule(specifier: string): boolean {
  return SECURITY_HEADER_MIDDLEWARE.some((row) => row.modules.some((m) => isPackageSpecifier(specifier, m)));
}

/** All method names of the evidence rows (a quick filter for calls). */
export const EVIDENCE_METHOD_NAMES: ReadonlySet<string> = new Set(
  BROWSER_EVIDENCE.filter((row) => row.usage === 'method').flatMap((row) => [...row.callees]),
);

/** All modules of the factory and evidence rows (a quick filter for imported callees). */
export const APP_MODULES: readonly string[] = [...new Set([...APP_FACTORIES, ...BROWSER_EVIDENCE].flatMap((row) => [...row.modules]))];
