/**
 * Authentication and authorization as data: the packages whose middleware, hooks, plugins and guards
 * reject anonymous requests (passport, express-jwt, express-openid-connect, express-oauth2-jwt-bearer,
 * Clerk, Auth0, Keycloak, Okta, @fastify/bearer-auth, Nest's `AuthGuard`), the look-alikes that do
 * not (`passport.initialize()`, `express-session`, `ThrottlerGuard`, `ClerkExpressWithAuth`), the
 * names applications give their own auth middleware, the calls and statuses that show a function
 * rejects a request, the routes that are public on purpose (login, probes, docs, webhooks), and the
 * paths that make a finding more severe.
 *
 * Every row has a `name` and is tested row by row in `tests/catalog/auth.test.ts`. User settings
 * (`authMiddleware`, `publicRoutes`) extend these rows; they never replace them.
 */
import { isPackageSpecifier } from '../core/bindings.js';

/** What a chain item does for access control. */
export type AuthEffect =
  /** Rejects requests without a valid identity (401). */
  | 'authentication'
  /** Rejects requests whose identity lacks a role, permission or ownership (403); implies an identity. */
  | 'authorization'
  /** Looks related but rejects nothing (it initializes, attaches or limits). */
  | 'none';

/** How a package export is used for its effect. */
export type AuthUsage =
  /** Called, the result is the middleware/guard: `expressjwt({...})`, `passport.authenticate('jwt')`, `AuthGuard('jwt')`. */
  | 'call'
  /** Used as it is: `ClerkExpressRequireAuth` passed without a call, `fastify.basicAuth`. */
  | 'reference'
  /** Registering it as a Fastify plugin installs a hook on the context: `register(bearerAuth, { keys })`. */
  | 'register';

/** A package export whose use as middleware, hook, plugin or guard has a known effect. */
export interface AuthPackageRow {
  readonly name: string;
  /** Package names (subpaths included). */
  readonly modules: readonly string[];
  /** The export: a named export, `default`, or `*` for the module object (`require('passport')`). */
  readonly exports: readonly string[];
  /** The member called on the export, when the export is an object (`passport.authenticate`). */
  readonly member?: string;
  readonly usage: AuthUsage;
  readonly effect: AuthEffect;
  /** An option that turns the effect off when set to `false`: express-openid-connect `auth({ authRequired: false })`. */
  readonly disabledBy?: string;
}

export const AUTH_PACKAGES = [
  { name: 'passport-authenticate', modules: ['passport'], exports: ['default', '*'], member: 'authenticate', usage: 'call', effect: 'authentication' },
  // `passport.authorize(strategy)` runs the strategy like `authenticate` (to connect a third-party account).
  { name: 'passport-authorize', modules: ['passport'], exports: ['default', '*'], member: 'authorize', usage: 'call', effect: 'authentication' },
  { name: 'passport-initialize', modules: ['passport'], exports: ['default', '*'], member: 'initialize', usage: 'call', effect: 'none' },
  { name: 'passport-session', modules: ['passport'], exports: ['default', '*'], member: 'session', usage: 'call', effect: 'none' },
  { name: 'express-jwt', modules: ['express-jwt'], exports: ['expressjwt', 'default', '*'], usage: 'call', effect: 'authentication', disabledBy: 'credentialsRequired' },
  { name: 'express-jwt-authz', modules: ['express-jwt-authz'], exports: ['default', '*'], usage: 'call', effect: 'authorization' },
  { name: 'express-openid-connect-requires-auth', modules: ['express-openid-connect'], exports: ['requiresAuth'], usage: 'call', effect: 'authentication' },
  { name: 'express-openid-connect-auth', modules: ['express-openid-connect'], exports: ['auth'], usage: 'call', effect: 'authentication', disabledBy: 'authRequired' },
  { name: 'express-openid-connect-claims', modules: ['express-openid-connect'], exports: ['claimEquals', 'claimIncludes', 'claimCheck'], usage: 'call', effect: 'authorization' },
  { name: 'express-oauth2-jwt-bearer-auth', modules: ['express-oauth2-jwt-bearer'], exports: ['auth'], usage: 'call', effect: 'authentication', disabledBy: 'authRequired' },
  { name: 'express-oauth2-jwt-bearer-scopes', modules: ['express-oauth2-jwt-bearer'], exports: ['requiredScopes', 'scopeIncludesAny', 'claimEquals', 'claimIncludes', 'claimCheck'], usage: 'call', effect: 'authorization' },
  { name: 'connect-ensure-login', modules: ['connect-ensure-login'], exports: ['ensureLoggedIn', 'ensureAuthenticated'], usage: 'call', effect: 'authentication' },
  { name: 'connect-ensure-login-logged-out', modules: ['connect-ensure-login'], exports: ['ensureLoggedOut', 'ensureNotAuthenticated'], usage: 'call', effect: 'none' },
  { name: 'clerk-express-require-auth', modules: ['@clerk/express'], exports: ['requireAuth'], usage: 'call', effect: 'authentication' },
  { name: 'clerk-express-middleware', modules: ['@clerk/express'], exports: ['clerkMiddleware'], usage: 'call', effect: 'none' },
  { name: 'clerk-sdk-require-auth', modules: ['@clerk/clerk-sdk-node'], exports: ['ClerkExpressRequireAuth'], usage: 'call', effect: 'authentication' },
  { name: 'clerk-sdk-with-auth', modules: ['@clerk/clerk-sdk-node'], exports: ['ClerkExpressWithAuth'], usage: 'call', effect: 'none' },
  { name: 'clerk-fastify', modules: ['@clerk/fastify'], exports: ['clerkPlugin'], usage: 'register', effect: 'none' },
  { name: 'keycloak-protect', modules: ['keycloak-connect'], exports: ['default', '*'], member: 'protect', usage: 'call', effect: 'authentication' },
  { name: 'okta-ensure-authenticated', modules: ['@okta/oidc-middleware'], exports: ['ExpressOIDC'], member: 'ensureAuthenticated', usage: 'call', effect: 'authentication' },
  { name: 'express-basic-auth', modules: ['express-basic-auth'], exports: ['default', '*'], usage: 'call', effect: 'authentication' },
  { name: 'http-auth-connect', modules: ['http-auth-connect'], exports: ['default', '*'], usage: 'call', effect: 'authentication' },
  { name: 'azure-passport', modules: ['passport-azure-ad'], exports: ['BearerStrategy'], usage: 'call', effect: 'none' },
  { name: 'express-session', modules: ['express-session', 'cookie-session'], exports: ['default', '*'], usage: 'call', effect: 'none' },
  { name: 'fastify-bearer-auth', modules: ['@fastify/bearer-auth', 'fastify-bearer-auth'], exports: ['default', '*'], usage: 'register', effect: 'authentication' },
  { name: 'fastify-basic-auth-plugin', modules: ['@fastify/basic-auth', 'fastify-basic-auth'], exports: ['default', '*'], usage: 'register', effect: 'none' },
  { name: 'fastify-auth-plugin', modules: ['@fastify/auth', 'fastify-auth'], exports: ['default', '*'], usage: 'register', effect: 'none' },
  { name: 'fastify-jwt-plugin', modules: ['@fastify/jwt', 'fastify-jwt'], exports: ['default', '*'], usage: 'register', effect: 'none' },
  { name: 'fastify-passport-authenticate', modules: ['@fastify/passport'], exports: ['default', '*'], member: 'authenticate', usage: 'call', effect: 'authentication' },
  { name: 'nest-passport-auth-guard', modules: ['@nestjs/passport'], exports: ['AuthGuard'], usage: 'call', effect: 'authentication' },
  { name: 'nest-throttler-guard', modules: ['@nestjs/throttler'], exports: ['ThrottlerGuard'], usage: 'reference', effect: 'none' },
] as const satisfies readonly AuthPackageRow[];

/** The package row for `member` (or the export itself) of `exported` from `module`. */
export function findAuthPackage(module: string, exported: string, member: string | undefined): AuthPackageRow | undefined {
  for (const row of AUTH_PACKAGES as readonly AuthPackageRow[]) {
    if (!row.modules.some((m) => isPackageSpecifier(module, m))) continue;
    if (!row.exports.includes(exported)) continue;
    if (row.member === undefined ? member === undefined : row.member === member) return row;
  }
  return undefined;
}

/**
 * Packages whose middleware, hooks and plugins are known to do something else than access control
 * (parsers, security headers, CORS, logging, rate limits, uploads, docs). Anything imported from
 * them is `none`, whatever its local name.
 */
export interface NonAuthPackageRow {
  readonly name: string;
  readonly modules: readonly string[];
}

export const NON_AUTH_PACKAGES = [
  { name: 'express-core', modules: ['express'] },
  { name: 'body-parsing', modules: ['body-parser', 'cookie-parser', 'multer', 'busboy', 'express-fileupload', '@fastify/formbody', '@fastify/multipart', '@fastify/cookie', 'fastify-multipart'] },
  { name: 'security-headers-and-cors', modules: ['helmet', 'cors', '@fastify/helmet', '@fastify/cors', 'fastify-cors', 'hpp', 'csurf', 'lusca', '@fastify/csrf-protection'] },
  { name: 'logging', modules: ['morgan', 'pino-http', 'express-winston', 'express-pino-logger', 'winston', 'pino'] },
  { name: 'rate-limiting', modules: ['express-rate-limit', 'express-slow-down', 'rate-limiter-flexible', '@fastify/rate-limit', '@nestjs/throttler'] },
  { name: 'compression-and-static', modules: ['compression', 'serve-static', 'serve-favicon', '@fastify/compress', '@fastify/static'] },
  { name: 'api-docs', modules: ['swagger-ui-express', '@fastify/swagger', '@fastify/swagger-ui', 'redoc-express'] },
  { name: 'fastify-utilities', modules: ['@fastify/sensible', '@fastify/env', '@fastify/under-pressure', '@fastify/autoload', '@fastify/websocket', '@fastify/view', 'fastify-plugin'] },
  { name: 'validation', modules: ['express-validator', 'celebrate', 'zod', 'joi', 'yup', 'class-validator'] },
  { name: 'observability', modules: ['prom-client', 'express-prom-bundle', '@sentry/node', 'response-time', 'connect-timeout', 'express-request-id'] },
] as const satisfies readonly NonAuthPackageRow[];

/** The non-auth package row of `module`, if any. */
export function findNonAuthPackage(module: string): NonAuthPackageRow | undefined {
  return (NON_AUTH_PACKAGES as readonly NonAuthPackageRow[]).find((row) => row.modules.some((m) => isPackageSpecifier(module, m)));
}

/**
 * Names applications give their own auth middleware, hooks, decorations and guards. Matched against
 * the last name of the item (`authenticate`, `fastify.authenticate`, `requireRole('admin')`,
 * `JwtAuthGuard`). A name is strong evidence of intent: the item is trusted without reading its body.
 */
export interface AuthNameRow {
  readonly name: string;
  readonly pattern: RegExp;
  readonly effect: Exclude<AuthEffect, 'none'>;
}

export const AUTH_NAMES = [
  { name: 'authenticate', pattern: /^(?:authenticate|authenticated|isAuthenticated|ensureAuthenticated|requireAuthenticated|mustBeAuthenticated)(?:[A-Z_]\w*)?$/, effect: 'authentication' },
  { name: 'require-auth', pattern: /^(?:require|requires|ensure|check|verify|validate|enforce|must|needs)(?:Auth|Authn|Authentication|Authed|Login|LoggedIn|SignedIn|SignIn|User|CurrentUser|Session|Token|Jwt|JWT|AccessToken|IdToken|ApiKey|APIKey|Bearer|BearerToken|Firebase\w*|Supabase\w*|Clerk\w*|Auth0\w*|Cognito\w*)(?:Middleware|Guard|Hook|Handler)?$/, effect: 'authentication' },
  { name: 'is-logged-in', pattern: /^(?:is|has)(?:Auth|Authed|LoggedIn|SignedIn|ValidToken|ValidSession|Session)$/, effect: 'authentication' },
  { name: 'auth-middleware', pattern: /^(?:auth|authn|jwt|token|session|apiKey|bearer|basic|firebase|supabase|clerk|cognito|passport|oauth|oidc)(?:Auth|Middleware|Guard|Check|Required|Handler|Hook|Verify|Verification|Verifier)?$/i, effect: 'authentication' },
  { name: 'login-required', pattern: /^(?:loginRequired|authRequired|authenticationRequired|requiresAuth|requiresLogin|withAuth|withAuthentication|ensureLoggedIn|mustBeLoggedIn|needsAuth|checkJwt|jwtCheck|jwtAuth|tokenAuth|basicAuth|bearerAuth|apiKeyAuth|verifyJwt|verifyJWT|verifyAuth|validateJwt|decodeAndVerifyToken)$/, effect: 'authentication' },
  { name: 'protect', pattern: /^(?:protect|protected|protectRoute|protectRoutes|protectedRoute|secure|secured|secureRoute|guard|authGuard|privateRoute)$/, effect: 'authentication' },
  { name: 'auth-guard-class', pattern: /^\w*(?:Auth|Authentication|Authenticated|Jwt|JWT|Session|ApiKey|Bearer|Firebase|Clerk|Cognito|Supabase|LoggedIn)Guard$/, effect: 'authentication' },
  { name: 'require-role', pattern: /^(?:require|requires|ensure|check|verify|has|enforce|must|needs|only|allow)(?:Roles?|Permissions?|Perms?|Scopes?|Admin|Admins|Owner|Ownership|Access|Policy|Policies|Claims?|Staff|Superuser|Entitlements?)(?:[A-Z_]\w*)?$/, effect: 'authorization' },
  { name: 'authorize', pattern: /^(?:authorize|authorized|authorization|authz|permit|rbac|acl|admin|admins|superAdmin|adminOnly|onlyAdmin|adminRequired|isAdmin|isSuperAdmin|isOwner|isStaff|canAccess|checkAbility|can)$/i, effect: 'authorization' },
  { name: 'role-guard-class', pattern: /^\w*(?:Roles?|Permissions?|Policies|Policy|Admin|Owner|Ownership|Scopes?|Acl|Casl|Claims?)Guard$/, effect: 'authorization' },
] as const satisfies readonly AuthNameRow[];

/** The name row `name` matches, if any. */
export function findAuthName(name: string): AuthNameRow | undefined {
  if (isNonAuthName(name)) return undefined;
  return (AUTH_NAMES as readonly AuthNameRow[]).find((row) => row.pattern.test(name));
}

/**
 * Names that look related to auth but name something else: guards that limit rates, middleware that
 * only attaches an optional identity, CSRF protection, session stores. They win over `AUTH_NAMES` and
 * over the suspect pattern.
 */
export interface NonAuthNameRow {
  readonly name: string;
  readonly pattern: RegExp;
}

export const NON_AUTH_NAMES = [
  { name: 'throttler', pattern: /^\w*(?:Throttler|Throttle|RateLimit|RateLimiter|Limiter)(?:Guard|Middleware|Interceptor)?$/i },
  { name: 'optional-auth', pattern: /^(?:[Oo]ptional|[Mm]aybe|[Tt]ry|[Ss]oft|[Ll]enient|[Aa]ttach|[Ll]oad|[Pp]opulate|[Dd]ecode|[Pp]arse|[Ee]xtract)(?:Auth|Authentication|User|CurrentUser|Session|Token|Jwt|JWT|Identity)\w*$|^(?:[Aa]uth|[Aa]uthenticate|[Aa]uthentication|[Jj]wt|JWT|[Tt]oken|[Ss]ession|[Uu]ser|[Vv]erify\w*)_?(?:[Oo]ptional|[Ii]fPresent)$/ },
  { name: 'csrf', pattern: /^\w*(?:csrf|Csrf|CSRF|xsrf|Xsrf)\w*$/ },
  { name: 'session-setup', pattern: /^(?:session|sessions|sessionMiddleware|sessionStore|cookieSession|expressSession|initialize|passportInitialize|passportSession)$/ },
  { name: 'auth-routes', pattern: /^\w*(?:Router|Routes|routes|router|Controller|Plugin)$/ },
] as const satisfies readonly NonAuthNameRow[];

/** True when `name` names a known non-auth concern. */
/**
 * Among those look-alikes, the names that declare an optional authentication (`optionalAuth`,
 * `maybeAuthenticate`, `softAuth`, `authenticate_optional`, `authOptional`): the developer chose to
 * serve anonymous callers.
 */
export const OPTIONAL_AUTH_NAME = /^(?:optional|maybe|soft|lenient)|_?(?:optional|ifPresent)$/i;

export function isNonAuthName(name: string): boolean {
  return (NON_AUTH_NAMES as readonly NonAuthNameRow[]).some((row) => row.pattern.test(name));
}

/**
 * Words that make an unread item (imported from a file the analysis cannot see) possibly auth: the
 * posture is then `unknown` instead of `unprotected`. Matched against the item's names and its
 * module specifier.
 */
export const AUTH_SUSPECT_PATTERN =
  /auth|jwt|token|session|login|logged|signed|guard|permission|role|access|acl|protect|secur|verif|admin|owner|api[-_]?key|signature|credential|identity|principal|passport|bearer|oauth|oidc|sso|saml|clerk|firebase|supabase|cognito|keycloak|okta|user|tenant|gate/i;

/** A call whose presence in a middleware shows that it verifies a credential. */
export interface TokenVerificationRow {
  readonly name: string;
  /** The called method or function name. */
  readonly callee: string;
  /** A pattern the receiver's access path must match (`jwt`, `request`); `undefined` for any receiver or none. */
  readonly receiver?: RegExp;
}

export const TOKEN_VERIFICATIONS = [
  { name: 'jsonwebtoken-verify', callee: 'verify', receiver: /(?:^|\.)(?:jwt|jsonwebtoken|JWT|jwtService|jwtLib|tokens?|jose)$/ },
  { name: 'jose-jwt-verify', callee: 'jwtVerify' },
  { name: 'fastify-jwt-verify', callee: 'jwtVerify', receiver: /(?:^|\.)(?:request|req)$/ },
  { name: 'jwt-service-verify', callee: 'verifyAsync' },
  { name: 'firebase-verify-id-token', callee: 'verifyIdToken' },
  { name: 'firebase-verify-session-cookie', callee: 'verifySessionCookie' },
  { name: 'supabase-get-user', callee: 'getUser', receiver: /(?:^|\.)auth$/ },
  { name: 'clerk-verify-token', callee: 'verifyToken' },
  { name: 'verify-access-token', callee: 'verifyAccessToken' },
  { name: 'cognito-verifier', callee: 'verify', receiver: /verifier$/i },
  { name: 'passport-authenticate-call', callee: 'authenticate', receiver: /(?:^|\.)passport$/ },
  { name: 'timing-safe-api-key-compare', callee: 'timingSafeEqual' },
] as const satisfies readonly TokenVerificationRow[];

/** The verification row of a call named `callee` on a receiver written `receiver` (`''` for none). */
export function findTokenVerification(callee: string, receiver: string): TokenVerificationRow | undefined {
  return (TOKEN_VERIFICATIONS as readonly TokenVerificationRow[]).find(
    (row) => row.callee === callee && (row.receiver === undefined || row.receiver.test(receiver)),
  );
}

/** Names of error classes and helpers that answer 401/403. */
export const AUTH_REJECTION_NAME_PATTERN =
  /^(?:Unauthori[sz]ed\w*|Forbidden\w*|Unauthenticated\w*|NotAuthenticated\w*|Authentication\w*(?:Error|Exception)|AuthError|AuthException|InvalidToken\w*|PermissionDenied\w*|AccessDenied\w*|NotAuthorized\w*|unauthorized|forbidden)$/;

/** Named status constants that mean 401/403 (`HttpStatus.UNAUTHORIZED`, `StatusCodes.FORBIDDEN`). */
export const AUTH_STATUS_CONSTANT_PATTERN = /^(?:UNAUTHORIZED|FORBIDDEN|Unauthorized|Forbidden)$/;

/** The HTTP statuses that reject a request for lack of identity (401) or permission (403). */
export const AUTH_STATUS_CODES: readonly number[] = [401, 403];

/** The effect of a rejection with `status`. */
export function getStatusEffect(status: number): Exclude<AuthEffect, 'none'> | undefined {
  if (status === 401 || status === 407) return 'authentication';
  if (status === 403) return 'authorization';
  return undefined;
}

/**
 * Routes that are public on purpose. Each row matches the route's full path (case-insensitive,
 * parameters written `:name`), optionally only for some methods.
 */
export interface PublicRouteRow {
  readonly name: string;
  readonly pattern: RegExp;
  /** When set, only these methods are public on purpose (probes are GET/HEAD). */
  readonly methods?: readonly string[];
  /** What the inventory shows as evidence. */
  readonly reason: string;
}

const READ = ['GET', 'HEAD'];

export const PUBLIC_ROUTES = [
  // Also the steps of a passwordless or provider sign-in: `/user/request-login`, `/complete-login`, `/github-auth`.
  { name: 'login', pattern: /^(?:\/[\w.-]+)*\/(?:(?:(?:request|complete|verify|confirm|start|finish|begin)-?)?(?:log-?in|sign-?in|signin|authenticate)|(?:github|google|gitlab|facebook|apple|microsoft|twitter|discord|slack|linkedin)-?(?:auth|oauth|log-?in))(?:\/[^/]+)*\/?$/i, reason: 'sign-in' },
  // WebAuthn/passkey sign-in steps and an access-token sign-in under the auth routes (ghostfolio):
  // `POST /auth/webauthn/generate-authentication-options`, `.../verify-authentication`, `POST /auth/anonymous`.
  { name: 'passkey-login', pattern: /^(?:\/[\w.-]+)*\/(?:webauthn|passkeys?)\/(?:generate-|verify-)?authentication(?:-options)?\/?$|^(?:\/[\w.-]+)*\/auth\/(?:anonymous|access-token)\/?$/i, methods: ['POST'], reason: 'sign-in (passkey or access token)' },
  // `POST /sessions/password`, `POST /sessions/github`: one sign-in route per credential kind or provider.
  { name: 'session-create', pattern: /^(?:\/[\w.-]+)*\/(?:session|sessions|token|tokens|otp|magic-link|2fa|mfa)(?:\/(?:verify|confirm|password|local|credentials|email|phone|otp|magic-link|google|github|gitlab|facebook|apple|microsoft|twitter|discord|slack|linkedin))?\/?$/i, methods: ['POST'], reason: 'sign-in (creates a session or token)' },
  // `POST /api/users/auth`, `POST /auth`: the account API's own sign-in (proshop), as `require-rate-limit`'s catalog reads it.
  { name: 'auth-create', pattern: /^(?:\/(?:api|v\d+|users?|accounts?|members?|customers?|identity|public))*\/auth\/?$/i, methods: ['POST'], reason: 'sign-in (creates a session or token)' },
  // `POST /v1/auth/verify`: the second step of a magic-link or code sign-in (hoppscotch).
  { name: 'auth-verify', pattern: /^(?:\/(?:api|v\d+|users?|accounts?|members?|customers?|identity|public))*\/auth\/(?:verify|confirm)\/?$/i, methods: ['POST'], reason: 'sign-in (verifies a magic link or code)' },
  { name: 'logout', pattern: /^(?:\/[\w.-]+)*\/(?:log-?out|sign-?out)\/?$/i, reason: 'sign-out' },
  { name: 'signup', pattern: /^(?:\/[\w.-]+)*\/(?:(?:verify|complete|confirm|finish)-?)?(?:sign-?up|signup|registration)\/?$/i, reason: 'sign-up' },
  // Also per kind of account (`/vendors/register`, `/maintainer/register`): people who sign up. Not
  // `/devices/register` or `/webhooks/register`, which register things for a signed-in caller.
  { name: 'register', pattern: /^(?:\/(?:api|v\d+))*\/(?:register|join)\/?$|^(?:\/[\w.-]+)*\/(?:auth|authentication|users?|accounts?|members?|customers?|public|identity|sessions?|onboarding|vendors?|sellers?|merchants?|partners?|drivers?|riders?|couriers?|doctors?|patients?|maintainers?|students?|teachers?|instructors?|employees?|candidates?|freelancers?|creators?|artists?|landlords?|tenants?|guests?)(?:\/[\w.-]+)*\/(?:register|join)\/?$/i, reason: 'sign-up' },
  { name: 'password-reset', pattern: /^(?:\/[\w.-]+)*\/(?:forgot-?password|reset-?password|password-?reset|password-?resets|password\/(?:forgot|reset|recover)|(?:forgot|reset|recover)\/password|recover-?password|(?:request|send)-?password-?reset(?:-?(?:email|link))?|send-?reset-?(?:email|link))(?:\/:[^/]+)?\/?$|^(?:\/(?:api|v\d+|auth|account|users?))*\/(?:forgot|reset)(?:\/:[^/]+)?\/?$|^(?:\/[\w.-]+)*\/auth\/(?:new|set|choose)-?password\/?$/i, reason: 'password reset' },
  { name: 'email-verification', pattern: /^(?:\/[\w.-]+)*\/(?:verify-?email|confirm-?email|email\/(?:verify|confirm)(?:\/(?:new|resend))?|activate-?account|account\/(?:verify|activate|confirm)|resend-?(?:email-?)?(?:verification|validation|confirmation)(?:-?(?:email|code|link))?)(?:\/:[^/]+)?\/?$/i, reason: 'email verification' },
  { name: 'token-refresh', pattern: /^(?:\/[\w.-]+)*\/(?:auth|authentication|token|tokens|session|sessions|jwt|oauth2?)\/refresh(?:-?token)?\/?$|^(?:\/[\w.-]+)*\/refresh-?tokens?\/?$/i, reason: 'token refresh (the refresh token is the credential)' },
  // Where passport's `failureRedirect` lands after a failed sign-in.
  { name: 'sign-in-failure', pattern: /^(?:\/[\w.-]+)*\/(?:auth|oauth2?|sso|login|signin|sign-in)(?:\/[\w.-]+)?\/(?:failure|failed|error)\/?$/i, methods: READ, reason: 'sign-in failure landing' },
  { name: 'oauth-callback', pattern: /^(?:\/[\w.-]+)*\/(?:auth|oauth2?|sso|saml|login|connect)(?:\/(?::[^/]+|[\w.-]+))?\/callback\/?$|^(?:\/[\w.-]+)*\/(?:oauth2?|sso|saml)\/(?:authorize|token|callback|metadata|acs|:[^/]+)\/?$|^(?:\/[\w.-]+)*\/auth\/(?::provider|:strategy|google|github|facebook|microsoft|apple|twitter|gitlab|discord|slack|linkedin)\/?$/i, reason: 'OAuth sign-in or callback' },
  // A read route the app files under a `public` path segment (`/public/hello`, `/api/public/catalog`).
  { name: 'public-path', pattern: /^(?:\/[\w.:-]+)*\/public(?:\/.*)?$/i, methods: READ, reason: 'read route under a `public` path' },
  { name: 'public-form', pattern: /^(?:\/(?:api|v\d+|public))*\/(?:contact|contact-us|newsletter|newsletter\/subscribe)\/?$/i, reason: 'public contact or newsletter form' },
  // Also a health resource's own checks: `GET /health/db`, `GET /health/data-provider/:name`.
  { name: 'health-probe', pattern: /^(?:\/[\w.-]+)*\/(?:health|healthz|healthcheck|health-check|_health|livez|readyz|live|liveness|ready|readiness|startup|ping|alive|heartbeat)\/?$|^(?:\/[\w.-]+)*\/(?:health|healthz|healthcheck|health-check|_health)(?:\/[\w.:-]+){1,2}\/?$/i, methods: READ, reason: 'health probe' },
  { name: 'status-probe', pattern: /^(?:\/(?:api|v\d+|internal|_?system))*\/(?:status|version|metrics|info)\/?$/i, methods: READ, reason: 'status or metrics probe' },
  { name: 'api-docs', pattern: /^(?:\/(?:api|v\d+|public))*\/(?:docs|api-docs|swagger|swagger-ui|redoc|openapi|openapi\.json|openapi\.ya?ml|swagger\.json|graphiql|reference)(?:\/.*)?$/i, methods: READ, reason: 'public API documentation' },
  { name: 'well-known', pattern: /\/\.well-known\/|^\/(?:favicon\.ico|robots\.txt|sitemap\.xml|jwks\.json|security\.txt|humans\.txt|manifest\.json)$|\/[\w.-]+\.webmanifest$/i, methods: READ, reason: 'well-known public file' },
  { name: 'root', pattern: /^\/?$/, methods: READ, reason: 'site root' },
] as const satisfies readonly PublicRouteRow[];

/** The public-on-purpose row of `fullPath` with `method`, if any. */
export function findPublicRoute(fullPath: string, method: string): PublicRouteRow | undefined {
  for (const row of PUBLIC_ROUTES as readonly PublicRouteRow[]) {
    if (row.methods && !row.methods.includes(method)) continue;
    if (row.pattern.test(fullPath)) return row;
  }
  return undefined;
}

/** A path that looks like a webhook receiver (public, but only when its signature is checked). */
export const WEBHOOK_PATH_PATTERN = /\/(?:webhooks?|hooks|callbacks?\/(?:stripe|github|paypal|slack|twilio|shopify)|events\/(?:stripe|github|slack))(?:\/|$)|\/[\w-]*[-_]?webhooks?(?:\/|$)/i;

/** Evidence that a webhook handler checks its delivery's signature. */
export interface WebhookSignatureRow {
  readonly name: string;
  /** A called function or method name. */
  readonly callee?: string;
  /** A pattern over a read header name (`stripe-signature`, `x-hub-signature-256`). */
  readonly header?: RegExp;
}

export const WEBHOOK_SIGNATURES = [
  { name: 'timing-safe-equal', callee: 'timingSafeEqual' },
  { name: 'stripe-construct-event', callee: 'constructEvent' },
  { name: 'stripe-construct-event-async', callee: 'constructEventAsync' },
  { name: 'svix-verify', callee: 'verify' },
  { name: 'octokit-verify', callee: 'verifyAndReceive' },
  { name: 'twilio-validate-request', callee: 'validateRequest' },
  { name: 'verify-signature-helper', callee: 'verifySignature' },
  { name: 'verify-webhook-helper', callee: 'verifyWebhook' },
  { name: 'verify-webhook-signature-helper', callee: 'verifyWebhookSignature' },
  { name: 'is-valid-signature-helper', callee: 'isValidSignature' },
  { name: 'check-signature-helper', callee: 'checkSignature' },
  { name: 'validate-signature-helper', callee: 'validateSignature' },
  { name: 'signature-header', header: /signature|-sig$|^x-hub-signature|^x-slack-signature|^svix-signature|^webhook-signature|^x-shopify-hmac|hmac/i },
] as const satisfies readonly WebhookSignatureRow[];

/** The signature-evidence row of a call named `callee`, if any. */
export function findWebhookSignatureCall(callee: string): WebhookSignatureRow | undefined {
  return (WEBHOOK_SIGNATURES as readonly WebhookSignatureRow[]).find((row) => row.callee === callee);
}

/** The signature-evidence row of a read header `name`, if any. */
export function findWebhookSignatureHeader(name: string): WebhookSignatureRow | undefined {
  return (WEBHOOK_SIGNATURES as readonly WebhookSignatureRow[]).find((row) => row.header?.test(name) === true);
}

/** Path segments that make an unprotected read-only route as severe as a state-changing one. */
export interface SensitivePathRow {
  readonly name: string;
  readonly pattern: RegExp;
}

export const SENSITIVE_PATHS = [
  { name: 'admin', pattern: /^(?:admin|admins|administration|administrator|backoffice|back-office|superuser|sudo|root)$/i },
  { name: 'internal', pattern: /^(?:internal|_internal|private|ops|debug|management|manage|staff|system|sys)$/i },
  { name: 'data-export', pattern: /^(?:export|exports|download|downloads|backup|backups|dump|reports?|audit|audit-logs?|logs)$|\.(?:csv|xlsx?|json|zip|sql)$/i },
  { name: 'identity-data', pattern: /^(?:users|accounts|members|customers|patients|employees|me|profile|profiles|billing|payments|invoices|orders|secrets|keys|api-keys|tokens|credentials|sessions|settings|config|configuration)$/i },
] as const satisfies readonly SensitivePathRow[];

/** The sensitive-path row any segment of `fullPath` matches, if any. */
export function findSensitivePath(fullPath: string): SensitivePathRow | undefined {
  const segments = fullPath.split('/').filter((s) => s.length > 0 && !s.startsWith(':'));
  for (const row of SENSITIVE_PATHS as readonly SensitivePathRow[]) {
    if (segments.some((segment) => row.pattern.test(segment))) return row;
  }
  return undefined;
}

/** The comment annotation that marks a route public on purpose: `// api-guard-public: reason`. */
export const PUBLIC_ROUTE_ANNOTATION = /\bapi-guard-public\b(?::\s*(.*))?/;
