/**
 * Rate limiters as data: the packages whose middleware, plugins and guards limit how often a client
 * may call a route (express-rate-limit, express-slow-down, express-brute, rate-limiter-flexible,
 * @fastify/rate-limit, @nestjs/throttler), the names applications give their own limiters, the
 * calls and statuses that show a function limits (`limiter.consume(key)`, an answer of 429), and the
 * Nest decorators that tune or skip the throttler.
 *
 * Every row has a `name` and is tested row by row in `tests/catalog/rate-limiters.test.ts`. The
 * `rateLimitMiddleware` setting extends the names; the `rateLimitedRoutes` setting declares routes
 * limited upstream (a reverse proxy or gateway the code does not show).
 */
import { isPackageSpecifier } from '../core/bindings.js';

/** How a package export is used to limit requests. */
export type RateLimiterUsage =
  /** Called, the result is the middleware or hook: `rateLimit({...})`, `slowDown({...})`. */
  | 'call'
  /** Created with `new`, and a member of the instance is the middleware: `new ExpressBrute(store).prevent`. */
  | 'instance-member'
  /** Created with `new`; a function that calls `instance.consume(key)` limits: rate-limiter-flexible, `@upstash/ratelimit`. */
  | 'instance-consume'
  /** Registered as a Fastify plugin: `app.register(rateLimit, { max })`. */
  | 'register'
  /** A Nest guard class used as it is (`@UseGuards(ThrottlerGuard)`, `APP_GUARD`) or extended. */
  | 'guard';

export interface RateLimiterPackageRow {
  readonly name: string;
  /** Package names (subpaths included). */
  readonly modules: readonly string[];
  /** The exports that are the limiter (`default`, `*` for the module object, named exports). */
  readonly exports: readonly string[];
  readonly usage: RateLimiterUsage;
  /** `instance-member`: the instance members that are middleware; `instance-consume`: the methods that count a hit. */
  readonly members?: readonly string[];
  /**
   * `register`: the plugin option that, set to `false`, limits only routes that configure a limit
   * themselves (`@fastify/rate-limit` with `global: false` and `config: { rateLimit }` on a route).
   */
  readonly scopedBy?: string;
}

export const RATE_LIMITER_PACKAGES = [
  { name: 'express-rate-limit', modules: ['express-rate-limit'], exports: ['default', '*', 'rateLimit'], usage: 'call' },
  { name: 'express-slow-down', modules: ['express-slow-down'], exports: ['default', '*', 'slowDown'], usage: 'call' },
  { name: 'express-brute', modules: ['express-brute'], exports: ['default', '*'], usage: 'instance-member', members: ['prevent', 'getMiddleware'] },
  {
    name: 'rate-limiter-flexible',
    modules: ['rate-limiter-flexible'],
    exports: ['RateLimiterMemory', 'RateLimiterRedis', 'RateLimiterMongo', 'RateLimiterPostgres', 'RateLimiterMySQL', 'RateLimiterPrisma', 'RateLimiterCluster', 'RateLimiterUnion', 'RLWrapperBlackAndWhite', 'RateLimiterQueue'],
    usage: 'instance-consume',
    members: ['consume', 'penalty', 'block'],
  },
  { name: 'upstash-ratelimit', modules: ['@upstash/ratelimit'], exports: ['Ratelimit'], usage: 'instance-consume', members: ['limit', 'blockUntilReady'] },
  { name: 'fastify-rate-limit', modules: ['@fastify/rate-limit', 'fastify-rate-limit'], exports: ['default', '*'], usage: 'register', scopedBy: 'global' },
  { name: 'nest-throttler-guard', modules: ['@nestjs/throttler'], exports: ['ThrottlerGuard'], usage: 'guard' },
] as const satisfies readonly RateLimiterPackageRow[];

/** The limiter row for `exported` from `module`, if it is one. */
export function findRateLimiterPackage(module: string, exported: string): RateLimiterPackageRow | undefined {
  return (RATE_LIMITER_PACKAGES as readonly RateLimiterPackageRow[]).find(
    (row) => row.modules.some((m) => isPackageSpecifier(module, m)) && row.exports.includes(exported),
  );
}

/**
 * Names applications give their limiters (`loginLimiter`, `rateLimiter`, `authRateLimit`,
 * `throttle`, `bruteForce.prevent`, `fastify.rateLimit()`, `CustomThrottlerGuard`). A name is
 * evidence of intent: the item is trusted without reading its body.
 */
export interface RateLimiterNameRow {
  readonly name: string;
  readonly pattern: RegExp;
}

export const RATE_LIMITER_NAMES = [
  { name: 'rate-limit', pattern: /rate_?-?limit/i },
  { name: 'limiter', pattern: /^\w*limiter$|^limiter\w*$|Limiter[A-Z]\w*$/i },
  { name: 'throttle', pattern: /throttl/i },
  { name: 'slow-down', pattern: /^(?:\w*[a-z])?(?:slow_?down|SlowDown)$/ },
  { name: 'brute-force', pattern: /brute(?:_?force)?(?:Protection|Guard|Prevent|Limit|Middleware)?$|^prevent_?brute/i },
] as const satisfies readonly RateLimiterNameRow[];

/** Names that contain a limiter word but are not limiters (a CSV delimiter, page sizes, body limits). */
const NOT_LIMITER_NAME = /delimiter|^(?:limit|limits|setLimit|getLimit|paginate\w*|pageLimit|sizeLimit|bodyLimit|uploadLimit|fileSizeLimit|queryLimit)$/i;

/** Packages whose `throttle` limits how often a function runs in this process, not how often a client calls. */
export const FUNCTION_THROTTLE_MODULES: readonly string[] = ['lodash', 'lodash-es', 'lodash.throttle', 'underscore', 'throttle-debounce', 'p-throttle'];

/** The name row `name` matches, if any. */
export function findRateLimiterName(name: string): RateLimiterNameRow | undefined {
  if (NOT_LIMITER_NAME.test(name)) return undefined;
  return (RATE_LIMITER_NAMES as readonly RateLimiterNameRow[]).find((row) => row.pattern.test(name));
}

/**
 * Words that make an unread item (imported from a file the analysis cannot see) possibly a limiter:
 * the route's rate-limit state is then `unknown` instead of `none`.
 */
export const RATE_LIMIT_SUSPECT_PATTERN = /limit|throttl|brute|abuse|flood|spam|captcha|recaptcha|turnstile|hcaptcha|security|shield|firewall|waf|defen[cs]e|protect/i;

/** Calls inside a function that show it limits: `limiter.consume(req.ip)`, `limiter.penalty(key)`. */
export interface RateLimitCallRow {
  readonly name: string;
  readonly method: string;
  /** The receiver's name must match (`loginLimiter`, `rateLimiter`) unless it resolves to a limiter instance. */
  readonly receiver: RegExp;
}

export const RATE_LIMIT_CALLS = [
  { name: 'flexible-consume', method: 'consume', receiver: /limit|throttl|brute|bucket/i },
  { name: 'flexible-penalty', method: 'penalty', receiver: /limit|throttl|brute/i },
  { name: 'flexible-block', method: 'block', receiver: /limit|throttl|brute/i },
  { name: 'limiter-check', method: 'check', receiver: /^(?:\w*[rR]ate_?[lL]imit\w*|\w*[lL]imiter)$/ },
  { name: 'limiter-hit', method: 'hit', receiver: /^(?:\w*[rR]ate_?[lL]imit\w*|\w*[lL]imiter)$/ },
] as const satisfies readonly RateLimitCallRow[];

/** The call row for `receiver.method(...)`, by the receiver's name. */
export function findRateLimitCall(method: string, receiver: string): RateLimitCallRow | undefined {
  return (RATE_LIMIT_CALLS as readonly RateLimitCallRow[]).find((row) => row.method === method && row.receiver.test(receiver));
}

/** The status that answers a client over its limit. */
export const TOO_MANY_REQUESTS_STATUS = 429;
/** Names of the 429 answer: `HttpStatus.TOO_MANY_REQUESTS`, `reply.tooManyRequests()`, `new ThrottlerException()`. */
export const TOO_MANY_REQUESTS_NAME = /^(?:TOO_MANY_REQUESTS|TooManyRequests|tooManyRequests|TooManyRequestsException|TooManyRequestsError|ThrottlerException)$/;

/** Nest decorators of `@nestjs/throttler` that tune or skip the throttler guard on a route or controller. */
export interface ThrottlerDecoratorRow {
  readonly name: string;
  readonly decorator: string;
  /** `skip`: the guard lets the route through; `configure`: limits for the route (still needs the guard). */
  readonly effect: 'skip' | 'configure';
}

export const THROTTLER_DECORATORS = [
  { name: 'skip-throttle', decorator: 'SkipThrottle', effect: 'skip' },
  { name: 'throttle', decorator: 'Throttle', effect: 'configure' },
] as const satisfies readonly ThrottlerDecoratorRow[];

/** The throttler decorator row of a decorator name, if any. */
export function findThrottlerDecorator(name: string): ThrottlerDecoratorRow | undefined {
  return (THROTTLER_DECORATORS as readonly ThrottlerDecoratorRow[]).find((row) => row.decorator === name);
}
