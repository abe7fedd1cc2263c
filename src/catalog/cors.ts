/**
 * Cross-origin resource sharing as data: the calls that configure CORS (the `cors` middleware,
 * `@fastify/cors`, Nest's `enableCors` and `NestFactory.create(..., { cors })`), where their options
 * sit, and the response headers a handler may set by hand.
 *
 * Callee paths are module paths (`src/flow/module-paths.ts`). Every row has a `name` and is tested
 * row by row in `tests/catalog/cors.test.ts`.
 */
import { isPackageSpecifier } from '../core/bindings.js';

export interface CorsConfigRow {
  readonly name: string;
  /** For messages. */
  readonly library: string;
  /**
   * `call`: the callee is imported (`cors(options)`); `register`: a Fastify plugin passed to
   * `register(plugin, options)`; `method`: a method of an application object, by name (`app.enableCors(options)`);
   * `new`: a constructor (`new Server(httpServer, { cors })`).
   */
  readonly usage: 'call' | 'register' | 'method' | 'new';
  readonly modules: readonly string[];
  /** `call`: module paths of the callee; `method`: method names. */
  readonly callees: readonly string[];
  /** The argument that holds the options (for `register`, counted after the plugin). */
  readonly optionsArgument: number;
  /** Where the CORS options sit inside that argument (`cors` in Nest's application options); omitted: the argument itself. */
  readonly optionsPath?: readonly string[];
  /**
   * What `true` in the options position means (`NestFactory.create(App, { cors: true })`), and what a
   * call without options means: the library's default, a wildcard origin without credentials.
   */
  readonly defaultsToWildcard: boolean;
}

export const CORS_CONFIGS = [
  { name: 'cors-middleware', library: 'cors', usage: 'call', modules: ['cors'], callees: [''], optionsArgument: 0, defaultsToWildcard: true },
  { name: 'fastify-cors', library: '@fastify/cors', usage: 'register', modules: ['@fastify/cors', 'fastify-cors'], callees: [''], optionsArgument: 0, defaultsToWildcard: true },
  // Nest apps are made by NestFactory in main.ts and passed around as INestApplication: the method name is Nest's own.
  { name: 'nest-enable-cors', library: '@nestjs/core', usage: 'method', modules: [], callees: ['enableCors'], optionsArgument: 0, defaultsToWildcard: true },
  {
    name: 'nest-factory-cors',
    library: '@nestjs/core',
    usage: 'call',
    modules: ['@nestjs/core'],
    callees: ['NestFactory.create'],
    optionsArgument: 1,
    optionsPath: ['cors'],
    defaultsToWildcard: false,
  },
  // socket.io hands `cors` to the cors middleware: the same options, on the WebSocket handshake and polling.
  { name: 'socket-io-server', library: 'socket.io', usage: 'new', modules: ['socket.io'], callees: ['Server', ''], optionsArgument: 1, optionsPath: ['cors'], defaultsToWildcard: false },
] as const satisfies readonly CorsConfigRow[];

/** Response headers of CORS, lower case. */
export const ALLOW_ORIGIN_HEADER = 'access-control-allow-origin';
export const ALLOW_CREDENTIALS_HEADER = 'access-control-allow-credentials';

/** Methods that set one response header (`res.setHeader(name, value)`, `res.header`, `res.set`, `reply.header`) or several (`res.set({...})`, `reply.headers({...})`). */
export const HEADER_SETTERS: ReadonlySet<string> = new Set(['setHeader', 'header', 'set', 'append', 'headers', 'writeHead']);

/** The CORS options a configuring call belongs to, if any. */
export function findCorsConfig(usage: 'call' | 'register' | 'new', specifier: string, path: string): CorsConfigRow | undefined {
  return (CORS_CONFIGS as readonly CorsConfigRow[]).find(
    (row) => row.usage === usage && row.modules.some((m) => isPackageSpecifier(specifier, m)) && row.callees.includes(path),
  );
}

/** The method row of a method name (`enableCors`), if any. */
export function findCorsMethod(name: string): CorsConfigRow | undefined {
  return (CORS_CONFIGS as readonly CorsConfigRow[]).find((row) => row.usage === 'method' && row.callees.includes(name));
}

/**
 * Why a regular expression source does not pin an origin to a domain, or `undefined` when it does:
 * it must end with `$` and its domain must start after `^`, `//`, `.` or `/` (so `evil-example.com`
 * and `example.com.evil.net` fail). `/\.example\.com$/` and `/^https:\/\/(www\.)?example\.com$/` pass.
 */
export function getUnanchoredOriginRegex(source: string): string | undefined {
  const body = source.replace(/\\\//g, '/');
  if (!body.endsWith('$')) return 'is not anchored with `$`, so `https://example.com.evil.net` matches';
  const withoutEnd = body.slice(0, -1);
  const domain = /((?:[a-z0-9-]+\\\.)+[a-z0-9-]+)$/i.exec(withoutEnd);
  if (!domain) return undefined;
  let before = withoutEnd.slice(0, domain.index);
  // An optional subdomain group, `(www\.)?` or `([a-z]+\.)*`, may be absent: look before it.
  for (let i = 0; i < 4 && /\([^()]*\\\.\)[?*]$/.test(before); i++) before = before.replace(/\([^()]*\\\.\)[?*]$/, '');
  if (/(?:\^|\/\/|\\\.|\\\.\)\+?)$/.test(before)) return undefined;
  return `does not start the domain at a dot or \`//\`, so \`https://evil${domain[1]!.replace(/\\\./g, '.')}\` matches`;
}

/**
 * Why a string check of an origin is weak, or `undefined` when it is exact enough:
 * `includes`/`indexOf`/`match` on a substring, `endsWith` without the leading dot, `startsWith`
 * without a path or port after the host.
 */
export function getWeakOriginCheck(method: string, value: string): string | undefined {
  if (method === 'includes' || method === 'indexOf' || method === 'search') return `accepts any origin that contains \`${value}\`, such as \`https://${value.replace(/^https?:\/\//, '')}.evil.net\``;
  if (method === 'endsWith' && !value.startsWith('.') && !/^https?:\/\//.test(value)) return `also accepts \`https://evil${value}\``;
  if (method === 'endsWith' && /^https?:\/\//.test(value)) return undefined;
  if (method === 'startsWith' && /^https?:\/\/[^/:]+$/.test(value)) return `also accepts \`${value}.evil.net\``;
  return undefined;
}
