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
export function classifyAccountPath(path: string): AccountEndpointKind[] {
  const segments = path.split('/').filter((s) => s.length > 0 && !s.startsWith(':'));
  const kinds: AccountEndpointKind[] = [];
  for (const row of ACCOUNT_ENDPOINTS as readonly AccountEndpointRow[]) {
    if (row.by === 'path-segment' && segments.some((s) => row.pattern.test(s)) && !kinds.includes(row.kind)) kinds.push(row.kind);
  }
  return kinds;
}

/** The kinds of account endpoint a function name suggests (`requestPasswordReset` is a reset). */
export function classifyAccountFunctionName(name: string): AccountEndpointKind[] {
  const kinds: AccountEndpointKind[] = [];
  for (const row of ACCOUNT_ENDPOINTS as readonly AccountEndpointRow[]) {
    if (row.by === 'function-name' && row.pattern.test(name) && !kinds.includes(row.kind)) kinds.push(row.kind);
  }
  return kinds;
}

/** Variable names that hold a looked-up account (`user`, `account`, `existing`). */
export const ACCOUNT_VARIABLE_PATTERN = /user|account|member|customer|admin|person|identity|existing|driver|staff|employee|owner|operator|found|profile|patient|principal|subscriber/i;

/** Method names of lookups (`findOne`, `findUnique`, `getByEmail`, `loadUser`). */
export const LOOKUP_METHOD_PATTERN = /^(find|get|fetch|load|lookup|retrieve|search|query|select|read|first)/i;
