/**
 * Which endpoints deal with accounts, as data: sign-in (`/login`, `/auth/token`, `signIn()`),
 * password reset (`/forgot-password`, `/password/reset`, `requestPasswordReset()`) and registration
 * checks (`/register`, `/check-email`, `signUp()`), recognized by a route path segment or a
 * handler name. `no-auth-enumeration` only looks inside these.
 *
 * Every row has a `name` and is tested row by row in `tests/catalog/account-endpoints.test.ts`.
 */

export type AccountEndpointKind = 'login' | 'password-reset' | 'registration';

/** A path segment pattern (tested against each `/`-separated segment) or a function-name pattern. */
export interface AccountEndpointRow {
  readonly name: string;
  readonly kind: AccountEndpointKind;
  readonly by: 'path-segment' | 'function-name';
  readonly pattern: RegExp;
}

export const ACCOUNT_ENDPOINTS = [
  { name: 'login-path', kind: 'login', by: 'path-segment', pattern: /^(log-?in|sign-?in|signin|sessions?|tokens?|auth|authenticate|authentication)$/i },
  { name: 'password-reset-path', kind: 'password-reset', by: 'path-segment', pattern: /forgot|reset|recover/i },
  { name: 'registration-path', kind: 'registration', by: 'path-segment', pattern: /^(register|registration|sign-?up|join)$|check-?email|email-?(exists|available|availability|taken)|availability/i },
  { name: 'login-name', kind: 'login', by: 'function-name', pattern: /log_?in(?!fo)|sign_?in|authenticat|credential|validate_?user|create_?session/i },
  { name: 'password-reset-name', kind: 'password-reset', by: 'function-name', pattern: /forgot|reset_?pass|pass(word)?_?reset|recover|request_?reset|send_?reset/i },
  { name: 'registration-name', kind: 'registration', by: 'function-name', pattern: /regist|sign_?up|check_?email|email_?(exists|available|taken)|is_?email_?(taken|available|free)/i },
] as const satisfies readonly AccountEndpointRow[];

/** The kinds of account endpoint a route path belongs to (`/api/auth/forgot-password` is a reset). */
export function classifyAccountPath(path: string): readonly AccountEndpointKind[] {
  return remembered(pathKinds, path, () => {
    const segments = path.split('/').filter((s) => s.length > 0 && !s.startsWith(':'));
    const kinds: AccountEndpointKind[] = [];
    for (const row of ACCOUNT_ENDPOINTS as readonly AccountEndpointRow[]) {
      if (row.by === 'path-segment' && segments.some((s) => row.pattern.test(s)) && !kinds.includes(row.kind)) kinds.push(row.kind);
    }
    return kinds;
  });
}

/** The kinds of account endpoint a function name suggests (`requestPasswordReset` is a reset). */
export function classifyAccountFunctionName(name: string): readonly AccountEndpointKind[] {
  return remembered(nameKinds, name, () => {
    const kinds: AccountEndpointKind[] = [];
    for (const row of ACCOUNT_ENDPOINTS as readonly AccountEndpointRow[]) {
      if (row.by === 'function-name' && row.pattern.test(name) && !kinds.includes(row.kind)) kinds.push(row.kind);
    }
    return kinds;
  });
}

// Route paths and function names repeat across a code base (`/:id`, `findAll`): each is classified
// once. The maps are emptied when they grow large, so a huge run cannot grow them without bound.
const pathKinds = new Map<string, readonly AccountEndpointKind[]>();
const nameKinds = new Map<string, readonly AccountEndpointKind[]>();
const NO_KINDS: readonly AccountEndpointKind[] = Object.freeze([]);

function remembered(cache: Map<string, readonly AccountEndpointKind[]>, key: string, classify: () => AccountEndpointKind[]): readonly AccountEndpointKind[] {
  let kinds = cache.get(key);
  if (!kinds) {
    const found = classify();
    kinds = found.length === 0 ? NO_KINDS : Object.freeze(found);
    if (cache.size >= 10_000) cache.clear();
    cache.set(key, kinds);
  }
  return kinds;
}

/** Variable names that hold a looked-up account (`user`, `account`, `existing`). */
export const ACCOUNT_VARIABLE_PATTERN = /user|account|member|customer|admin|person|identity|existing|driver|staff|employee|owner|operator|found|profile|patient|principal|subscriber/i;

/** Method names of lookups (`findOne`, `findUnique`, `getByEmail`, `loadUser`). */
export const LOOKUP_METHOD_PATTERN = /^(find|get|fetch|load|lookup|retrieve|search|query|select|read|first)/i;

/**
 * Endpoints an attacker calls in a loop when nothing limits the rate: sign-in (credential stuffing),
 * password reset (token guessing, mail floods), one-time and MFA codes (a 6-digit code falls to a
 * million tries), and sign-up (mass account creation). Recognized by the route's full path
 * (parameters written `:name`) or by the handler's name; only for methods that carry credentials
 * (`POST`, `PUT`, `PATCH`, `ALL`). `require-rate-limit` reads these.
 */
export type BruteForceTargetKind = 'login' | 'password-reset' | 'otp' | 'signup';

export interface BruteForceTargetRow {
  readonly name: string;
  readonly kind: BruteForceTargetKind;
  readonly by: 'path' | 'handler-name';
  readonly pattern: RegExp;
}

/** Prefix segments that keep a generic last segment (`/register`, `/sessions`) about accounts. */
const ACCOUNT_PREFIX = String.raw`(?:/(?:api|v\d+|auth|authentication|users?|accounts?|members?|customers?|identity|public|admin))*`;

export const BRUTE_FORCE_TARGETS = [
  { name: 'login-path', kind: 'login', by: 'path', pattern: /\/(?:log-?in|sign-?in|signin|authenticate)(?:\/(?:password|local|credentials|email|phone|basic))?\/?$/i },
  { name: 'login-local-strategy-path', kind: 'login', by: 'path', pattern: /\/auth\/(?:local|password|credentials|basic)\/?$/i },
  { name: 'session-create-path', kind: 'login', by: 'path', pattern: new RegExp(String.raw`^${ACCOUNT_PREFIX}/(?:sessions?|auth)/?$`, 'i') },
  { name: 'token-path', kind: 'login', by: 'path', pattern: /^(?:\/[\w.-]+)*\/(?:auth|oauth2?|jwt|connect)\/token\/?$|^(?:\/(?:api|v\d+))*\/(?:token|access-token)\/?$/i },
  {
    name: 'password-reset-path',
    kind: 'password-reset',
    by: 'path',
    pattern:
      /\/(?:(?:forgot|reset|recover|request|send)[-_]?(?:password|pass|pwd)(?:[-_]?reset)?|password[-_]?(?:reset|resets|recovery|forgot)|password\/(?:forgot|reset|recover)|(?:forgot|reset|recover)\/password)(?:\/(?:request|confirm|verify|:[^/]+))*\/?$|^(?:\/(?:api|v\d+|auth|account|users?))*\/(?:forgot|reset)(?:\/:[^/]+)?\/?$/i,
  },
  {
    name: 'otp-path',
    kind: 'otp',
    by: 'path',
    pattern:
      /\/(?:otp|totp|mfa|2fa|two-?factor|one-?time-?password|verification-?code|verify-?(?:otp|code|mfa|2fa|totp|sms|phone)|(?:sms|email|phone)-?(?:code|otp))(?:\/(?:verify|validate|confirm|challenge|check|login|authenticate|:[^/]+))*\/?$/i,
  },
  { name: 'signup-path', kind: 'signup', by: 'path', pattern: /\/(?:sign-?up|signup|registration)\/?$/i },
  { name: 'register-path', kind: 'signup', by: 'path', pattern: new RegExp(String.raw`^${ACCOUNT_PREFIX}/register/?$`, 'i') },
  { name: 'login-handler', kind: 'login', by: 'handler-name', pattern: /^(?:handle)?(?:log_?in|sign_?in|local_?login|login_?user|user_?login|login_?with_?password|authenticate_?user|authenticate)$/i },
  { name: 'password-reset-handler', kind: 'password-reset', by: 'handler-name', pattern: /^(?:handle)?(?:forgot_?password|reset_?password|request_?password_?reset|send_?reset_?(?:link|email)|recover_?password)$/i },
  { name: 'otp-handler', kind: 'otp', by: 'handler-name', pattern: /^(?:handle)?verify_?(?:otp|mfa|2fa|totp|two_?factor|code|sms_?code)$/i },
  { name: 'signup-handler', kind: 'signup', by: 'handler-name', pattern: /^(?:handle)?(?:sign_?up|register|register_?user|user_?register)$/i },
] as const satisfies readonly BruteForceTargetRow[];

const CREDENTIAL_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'ALL']);

/** The brute-force row a route's full path matches, for a method that carries credentials. */
export function findBruteForcePath(fullPath: string, methods: readonly string[]): BruteForceTargetRow | undefined {
  if (!methods.some((m) => CREDENTIAL_METHODS.has(m))) return undefined;
  return (BRUTE_FORCE_TARGETS as readonly BruteForceTargetRow[]).find((row) => row.by === 'path' && row.pattern.test(fullPath));
}

/** The brute-force row a route handler's name matches (`login`, `authController.signIn`), for a method that carries credentials. */
export function findBruteForceHandlerName(name: string, methods: readonly string[]): BruteForceTargetRow | undefined {
  if (!methods.some((m) => CREDENTIAL_METHODS.has(m))) return undefined;
  return (BRUTE_FORCE_TARGETS as readonly BruteForceTargetRow[]).find((row) => row.by === 'handler-name' && row.pattern.test(name));
}
