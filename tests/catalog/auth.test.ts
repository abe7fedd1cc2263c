/**
 * Every row of the auth catalog, with one sample that matches it and one that does not. A new row
 * without samples fails the "every row has samples" checks.
 */
import { describe, expect, it } from 'vitest';
import {
  AUTH_NAMES,
  AUTH_PACKAGES,
  AUTH_SUSPECT_PATTERN,
  NON_AUTH_NAMES,
  NON_AUTH_PACKAGES,
  PUBLIC_ROUTES,
  SENSITIVE_PATHS,
  TOKEN_VERIFICATIONS,
  WEBHOOK_SIGNATURES,
  findAuthName,
  OPTIONAL_AUTH_NAME,
  findAuthPackage,
  findNonAuthPackage,
  findPublicRoute,
  findSensitivePath,
  findTokenVerification,
  findWebhookSignatureCall,
  findWebhookSignatureHeader,
  isNonAuthName,
  WEBHOOK_PATH_PATTERN,
  type TokenVerificationRow,
} from '../../src/catalog/auth.js';

type PackageUse = [module: string, exported: string, member?: string];

/** [module, export, member] that must find the row, and one that must not. */
const PACKAGE_SAMPLES: Record<string, { match: PackageUse; miss: PackageUse }> = {
  'passport-authenticate': { match: ['passport', 'default', 'authenticate'], miss: ['passport-jwt', 'default', 'authenticate'] },
  'passport-authorize': { match: ['passport', '*', 'authorize'], miss: ['passport', '*', 'authorizeUser'] },
  'passport-initialize': { match: ['passport', '*', 'initialize'], miss: ['passport', 'default', 'use'] },
  'passport-session': { match: ['passport', 'default', 'session'], miss: ['express-session', 'default', 'session'] },
  'express-jwt': { match: ['express-jwt', 'expressjwt'], miss: ['jsonwebtoken', 'verify'] },
  'express-jwt-authz': { match: ['express-jwt-authz', 'default'], miss: ['express-jwt', 'UnauthorizedError'] },
  'express-openid-connect-requires-auth': { match: ['express-openid-connect', 'requiresAuth'], miss: ['express-openid-connect', 'attemptSilentLogin'] },
  'express-openid-connect-auth': { match: ['express-openid-connect', 'auth'], miss: ['openid-client', 'auth'] },
  'express-openid-connect-claims': { match: ['express-openid-connect', 'claimIncludes'], miss: ['express-openid-connect', 'claims'] },
  'express-oauth2-jwt-bearer-auth': { match: ['express-oauth2-jwt-bearer', 'auth'], miss: ['express-oauth2-jwt-bearer', 'InvalidTokenError'] },
  'express-oauth2-jwt-bearer-scopes': { match: ['express-oauth2-jwt-bearer', 'requiredScopes'], miss: ['express-oauth2-jwt-bearer', 'scopes'] },
  'connect-ensure-login': { match: ['connect-ensure-login', 'ensureLoggedIn'], miss: ['connect-ensure-login', 'default'] },
  'connect-ensure-login-logged-out': { match: ['connect-ensure-login', 'ensureLoggedOut'], miss: ['connect-flash', 'ensureLoggedOut'] },
  'clerk-express-require-auth': { match: ['@clerk/express', 'requireAuth'], miss: ['@clerk/express', 'getAuth'] },
  'clerk-express-middleware': { match: ['@clerk/express', 'clerkMiddleware'], miss: ['@clerk/nextjs', 'clerkMiddleware'] },
  'clerk-sdk-require-auth': { match: ['@clerk/clerk-sdk-node', 'ClerkExpressRequireAuth'], miss: ['@clerk/clerk-sdk-node', 'clerkClient'] },
  'clerk-sdk-with-auth': { match: ['@clerk/clerk-sdk-node', 'ClerkExpressWithAuth'], miss: ['@clerk/express', 'ClerkExpressWithAuth'] },
  'clerk-fastify': { match: ['@clerk/fastify', 'clerkPlugin'], miss: ['@clerk/fastify', 'getAuth'] },
  'keycloak-protect': { match: ['keycloak-connect', 'default', 'protect'], miss: ['keycloak-connect', 'default', 'middleware'] },
  'okta-ensure-authenticated': { match: ['@okta/oidc-middleware', 'ExpressOIDC', 'ensureAuthenticated'], miss: ['@okta/oidc-middleware', 'ExpressOIDC', 'router'] },
  'express-basic-auth': { match: ['express-basic-auth', 'default'], miss: ['basic-auth', 'default'] },
  'http-auth-connect': { match: ['http-auth-connect', 'default'], miss: ['http-auth', 'basic'] },
  'azure-passport': { match: ['passport-azure-ad', 'BearerStrategy'], miss: ['passport-azure-ad', 'OIDCStrategy'] },
  'express-session': { match: ['cookie-session', 'default'], miss: ['connect-redis', 'default'] },
  'fastify-bearer-auth': { match: ['@fastify/bearer-auth', 'default'], miss: ['@fastify/basic-auth', 'bearer'] },
  'fastify-basic-auth-plugin': { match: ['@fastify/basic-auth', 'default'], miss: ['express-basic-auth', 'fastify'] },
  'fastify-auth-plugin': { match: ['@fastify/auth', 'default'], miss: ['@fastify/autoload', 'default'] },
  'fastify-jwt-plugin': { match: ['@fastify/jwt', '*'], miss: ['@fastify/jwt', 'createSigner'] },
  'fastify-passport-authenticate': { match: ['@fastify/passport', 'default', 'authenticate'], miss: ['@fastify/passport', 'default', 'initialize'] },
  'nest-passport-auth-guard': { match: ['@nestjs/passport', 'AuthGuard'], miss: ['@nestjs/passport', 'PassportStrategy'] },
  'nest-throttler-guard': { match: ['@nestjs/throttler', 'ThrottlerGuard'], miss: ['@nestjs/throttler', 'Throttle'] },
};

const NON_AUTH_PACKAGE_SAMPLES: Record<string, { match: string; miss: string }> = {
  'express-core': { match: 'express', miss: 'express-jwt' },
  'body-parsing': { match: 'body-parser', miss: 'body' },
  'security-headers-and-cors': { match: '@fastify/helmet', miss: 'helmet-csp-bypass' },
  logging: { match: 'pino-http', miss: 'pinot' },
  'rate-limiting': { match: 'express-rate-limit', miss: 'express-rate' },
  'compression-and-static': { match: 'serve-static', miss: 'static-auth' },
  'api-docs': { match: 'swagger-ui-express', miss: 'swagger-jsdoc-auth' },
  'fastify-utilities': { match: '@fastify/sensible', miss: '@fastify/bearer-auth' },
  validation: { match: 'celebrate', miss: 'validate-auth' },
  observability: { match: 'prom-client', miss: 'prometheus-auth' },
};

const NAME_SAMPLES: Record<string, { match: string; miss: string }> = {
  authenticate: { match: 'authenticateJWT', miss: 'authentication' },
  'require-auth': { match: 'requireAuth', miss: 'requireBody' },
  'is-logged-in': { match: 'isLoggedIn', miss: 'isLogging' },
  'auth-middleware': { match: 'jwtMiddleware', miss: 'jwtSecret' },
  'login-required': { match: 'loginRequired', miss: 'loginForm' },
  protect: { match: 'protectRoute', miss: 'protectedFields' },
  'auth-guard-class': { match: 'JwtAuthGuard', miss: 'JwtStrategy' },
  'require-role': { match: 'requireRole', miss: 'requirePayload' },
  authorize: { match: 'authorize', miss: 'authorizeUrl' },
  'role-guard-class': { match: 'RolesGuard', miss: 'RolesService' },
};

const NON_AUTH_NAME_SAMPLES: Record<string, { match: string; miss: string }> = {
  throttler: { match: 'ThrottlerGuard', miss: 'ThrottledJobs' },
  'optional-auth': { match: 'optionalAuth', miss: 'requireAuth' },
  csrf: { match: 'csrfProtection', miss: 'crossOriginPolicy' },
  'session-setup': { match: 'sessionMiddleware', miss: 'sessionAuth' },
  'auth-routes': { match: 'authRouter', miss: 'authMiddleware' },
};

/** [callee, receiver] that must find the row, and one that must not. */
const VERIFICATION_SAMPLES: Record<string, { match: [string, string]; miss: [string, string] }> = {
  'jsonwebtoken-verify': { match: ['verify', 'jwt'], miss: ['verify', 'email'] },
  'jose-jwt-verify': { match: ['jwtVerify', ''], miss: ['jwtDecode', ''] },
  'fastify-jwt-verify': { match: ['jwtVerify', 'request'], miss: ['jwtSign', 'reply'] },
  'jwt-service-verify': { match: ['verifyAsync', 'this.jwtService'], miss: ['signAsync', 'this.jwtService'] },
  'firebase-verify-id-token': { match: ['verifyIdToken', 'admin.auth()'], miss: ['createCustomToken', 'admin.auth()'] },
  'firebase-verify-session-cookie': { match: ['verifySessionCookie', 'getAuth()'], miss: ['createSessionCookie', 'getAuth()'] },
  'supabase-get-user': { match: ['getUser', 'supabase.auth'], miss: ['getUser', 'db.users'] },
  'clerk-verify-token': { match: ['verifyToken', 'clerkClient'], miss: ['decodeToken', 'clerkClient'] },
  'verify-access-token': { match: ['verifyAccessToken', ''], miss: ['issueAccessToken', ''] },
  'cognito-verifier': { match: ['verify', 'accessVerifier'], miss: ['verify', 'mailer'] },
  'passport-authenticate-call': { match: ['authenticate', 'passport'], miss: ['authenticate', 'client'] },
  'timing-safe-api-key-compare': { match: ['timingSafeEqual', 'crypto'], miss: ['createHash', 'crypto'] },
};

/** [full path, method] that must be public on purpose, and one that must not. */
const PUBLIC_SAMPLES: Record<string, { match: [string, string]; miss: [string, string] }> = {
  login: { match: ['/login/2fa/totp', 'POST'], miss: ['/api/users/:id/login-history', 'GET'] },
  'passkey-login': { match: ['/api/v1/auth/webauthn/verify-authentication', 'POST'], miss: ['/api/v1/auth/webauthn/verify-attestation', 'POST'] },
  'session-create': { match: ['/api/sessions', 'POST'], miss: ['/api/sessions', 'GET'] },
  'auth-create': { match: ['/api/users/auth', 'POST'], miss: ['/api/admin/auth', 'POST'] },
  'auth-verify': { match: ['/v1/auth/verify', 'POST'], miss: ['/v1/admin/auth/verify', 'POST'] },
  logout: { match: ['/auth/logout', 'POST'], miss: ['/auth/logout-all-devices/:userId', 'POST'] },
  signup: { match: ['/api/v1/sign-up', 'POST'], miss: ['/api/signups/:id', 'DELETE'] },
  register: { match: ['/v1/auth/email/register', 'POST'], miss: ['/devices/register', 'POST'] },
  'password-reset': { match: ['/auth/forgot/password', 'POST'], miss: ['/admin/users/:id/password', 'PUT'] },
  'email-verification': { match: ['/auth/verify-email/:token', 'GET'], miss: ['/orders/:id/verify', 'POST'] },
  'token-refresh': { match: ['/auth/refresh', 'POST'], miss: ['/cache/refresh', 'POST'] },
  'sign-in-failure': { match: ['/auth/failure', 'GET'], miss: ['/jobs/:id/failure', 'GET'] },
  'oauth-callback': { match: ['/auth/google/callback', 'GET'], miss: ['/integrations/:id/settings', 'PUT'] },
  'public-path': { match: ['/v1/public/hello', 'GET'], miss: ['/public/orders', 'POST'] },
  'public-form': { match: ['/contact', 'POST'], miss: ['/users/:id/contact', 'PUT'] },
  'health-probe': { match: ['/api/healthz', 'GET'], miss: ['/api/healthz', 'POST'] },
  'status-probe': { match: ['/api/status', 'GET'], miss: ['/api/orders/:id/status', 'GET'] },
  'api-docs': { match: ['/api-docs/swagger.json', 'GET'], miss: ['/users/:id/docs', 'GET'] },
  'well-known': { match: ['/security.txt', 'GET'], miss: ['/known/files', 'GET'] },
  root: { match: ['/', 'GET'], miss: ['/', 'POST'] },
};

const SIGNATURE_CALL_SAMPLES: Record<string, { match: string; miss: string }> = {
  'timing-safe-equal': { match: 'timingSafeEqual', miss: 'equals' },
  'stripe-construct-event': { match: 'constructEvent', miss: 'createEvent' },
  'stripe-construct-event-async': { match: 'constructEventAsync', miss: 'constructEventSync' },
  'svix-verify': { match: 'verify', miss: 'verified' },
  'octokit-verify': { match: 'verifyAndReceive', miss: 'receive' },
  'twilio-validate-request': { match: 'validateRequest', miss: 'validateBody' },
  'verify-signature-helper': { match: 'verifySignature', miss: 'signPayload' },
  'verify-webhook-helper': { match: 'verifyWebhook', miss: 'registerWebhook' },
  'verify-webhook-signature-helper': { match: 'verifyWebhookSignature', miss: 'webhookSignature' },
  'is-valid-signature-helper': { match: 'isValidSignature', miss: 'isValidPayload' },
  'check-signature-helper': { match: 'checkSignature', miss: 'checkStatus' },
  'validate-signature-helper': { match: 'validateSignature', miss: 'validateSchema' },
};

const SENSITIVE_SAMPLES: Record<string, { match: string; miss: string }> = {
  admin: { match: '/api/admin/stats', miss: '/api/administrators-guide' },
  internal: { match: '/internal/queue', miss: '/international/prices' },
  'data-export': { match: '/api/reports/overdue.csv', miss: '/api/report-templates' },
  'identity-data': { match: '/api/users/:id', miss: '/api/products/:id' },
};

describe('AUTH_PACKAGES', () => {
  it('has samples for every row', () => {
    expect(Object.keys(PACKAGE_SAMPLES).sort()).toEqual(AUTH_PACKAGES.map((r) => r.name).sort());
  });
  for (const row of AUTH_PACKAGES) {
    it(`${row.name}: matches its sample and not the look-alike`, () => {
      const { match, miss } = PACKAGE_SAMPLES[row.name]!;
      expect(findAuthPackage(match[0], match[1], match[2])?.name).toBe(row.name);
      expect(findAuthPackage(miss[0], miss[1], miss[2])?.name).not.toBe(row.name);
    });
  }
});

describe('NON_AUTH_PACKAGES', () => {
  it('has samples for every row', () => {
    expect(Object.keys(NON_AUTH_PACKAGE_SAMPLES).sort()).toEqual(NON_AUTH_PACKAGES.map((r) => r.name).sort());
  });
  for (const row of NON_AUTH_PACKAGES) {
    it(`${row.name}: matches its sample and not the look-alike`, () => {
      const { match, miss } = NON_AUTH_PACKAGE_SAMPLES[row.name]!;
      expect(findNonAuthPackage(match)?.name).toBe(row.name);
      expect(findNonAuthPackage(miss)?.name).not.toBe(row.name);
    });
  }
});

describe('AUTH_NAMES and NON_AUTH_NAMES', () => {
  it('has samples for every row', () => {
    expect(Object.keys(NAME_SAMPLES).sort()).toEqual(AUTH_NAMES.map((r) => r.name).sort());
    expect(Object.keys(NON_AUTH_NAME_SAMPLES).sort()).toEqual(NON_AUTH_NAMES.map((r) => r.name).sort());
  });
  for (const row of AUTH_NAMES) {
    it(`${row.name}: matches its sample and not the look-alike`, () => {
      const { match, miss } = NAME_SAMPLES[row.name]!;
      expect(row.pattern.test(match)).toBe(true);
      expect(findAuthName(match)).toBeDefined();
      expect(row.pattern.test(miss)).toBe(false);
    });
  }
  it('reads names that end in "optional" as optional authentication, not as protection', () => {
    for (const name of ['authenticate_optional', 'authenticateOptional', 'authOptional', 'verifyJwtOptional', 'optionalAuth']) {
      expect(findAuthName(name)).toBeUndefined();
      expect(OPTIONAL_AUTH_NAME.test(name)).toBe(true);
    }
    for (const name of ['authenticate', 'requireAuth', 'verifyJwt']) expect(findAuthName(name)?.effect).toBe('authentication');
  });

  it('reads a middleware named for the role it requires as authorization, whatever it answers', () => {
    for (const name of ['admin', 'isAdmin', 'superAdmin', 'adminOnly']) expect(findAuthName(name)?.effect).toBe('authorization');
    for (const name of ['adminRouter', 'administration', 'adminPanel']) expect(findAuthName(name)?.effect).not.toBe('authorization');
  });
  for (const row of NON_AUTH_NAMES) {
    it(`${row.name}: matches its sample and not the look-alike, and wins over auth names`, () => {
      const { match, miss } = NON_AUTH_NAME_SAMPLES[row.name]!;
      expect(row.pattern.test(match)).toBe(true);
      expect(isNonAuthName(match)).toBe(true);
      expect(findAuthName(match)).toBeUndefined();
      expect(row.pattern.test(miss)).toBe(false);
    });
  }
  it('optional-auth: class names (PascalCase) are look-alikes too', () => {
    for (const name of ['OptionalJwtAuthGuard', 'MaybeAuthGuard', 'LoadUserMiddleware']) {
      expect(isNonAuthName(name), name).toBe(true);
      expect(findAuthName(name), name).toBeUndefined();
    }
    expect(isNonAuthName('JwtAuthGuard')).toBe(false);
  });
  it('suspects unread names and modules that read like auth, not neutral ones', () => {
    expect(AUTH_SUSPECT_PATTERN.test('checkSession')).toBe(true);
    expect(AUTH_SUSPECT_PATTERN.test('tenantGate')).toBe(true);
    expect(AUTH_SUSPECT_PATTERN.test('requestLogger')).toBe(false);
    expect(AUTH_SUSPECT_PATTERN.test('compressBody')).toBe(false);
  });
});

describe('TOKEN_VERIFICATIONS', () => {
  it('has samples for every row', () => {
    expect(Object.keys(VERIFICATION_SAMPLES).sort()).toEqual(TOKEN_VERIFICATIONS.map((r) => r.name).sort());
  });
  for (const row of TOKEN_VERIFICATIONS as readonly TokenVerificationRow[]) {
    it(`${row.name}: matches its sample and not the look-alike`, () => {
      const { match, miss } = VERIFICATION_SAMPLES[row.name]!;
      expect(findTokenVerification(match[0], match[1])).toBeDefined();
      expect(row.callee === match[0] && (row.receiver === undefined || row.receiver.test(match[1]))).toBe(true);
      expect(findTokenVerification(miss[0], miss[1])?.name).not.toBe(row.name);
    });
  }
});

describe('PUBLIC_ROUTES', () => {
  it('has samples for every row', () => {
    expect(Object.keys(PUBLIC_SAMPLES).sort()).toEqual(PUBLIC_ROUTES.map((r) => r.name).sort());
  });
  for (const row of PUBLIC_ROUTES) {
    it(`${row.name}: matches its sample and not the look-alike`, () => {
      const { match, miss } = PUBLIC_SAMPLES[row.name]!;
      expect(findPublicRoute(match[0], match[1])?.name).toBe(row.name);
      expect(findPublicRoute(miss[0], miss[1])).toBeUndefined();
    });
  }
});

describe('PUBLIC_ROUTES: sign-in per credential kind and resent verification codes', () => {
  it.each([
    ['/sessions/password', 'POST', 'session-create'],
    ['/sessions/github', 'POST', 'session-create'],
    ['/api/v1/tokens/google', 'POST', 'session-create'],
    ['/users/resend-email-validation-code', 'POST', 'email-verification'],
    ['/user/request-login', 'POST', 'login'],
    ['/maintainer/complete-login', 'POST', 'login'],
    ['/organization/github-auth', 'POST', 'login'],
    ['/user/verify-registration', 'POST', 'signup'],
    ['/auth/resend-verification-email', 'POST', 'email-verification'],
    ['/v1/auth/send-password-reset', 'POST', 'password-reset'],
    ['/auth/send-reset-email', 'POST', 'password-reset'],
    // Sign-up per kind of account (fastify_20stock; round-3 triage).
    ['/maintainer/register', 'POST', 'register'],
    ['/api/vendors/register', 'POST', 'register'],
    // The second step of a reset, under the auth routes (kutt).
    ['/api/v2/auth/new-password', 'POST', 'password-reset'],
    // ghostfolio's sign-in steps and health sub-checks (round-3 triage).
    ['/api/v1/auth/anonymous', 'POST', 'passkey-login'],
    ['/api/v1/auth/webauthn/generate-authentication-options', 'POST', 'passkey-login'],
    ['/api/v1/health/data-provider/:dataSource', 'GET', 'health-probe'],
    ['/api/en/site.webmanifest', 'GET', 'well-known'],
  ])('%s %s is public on purpose (%s)', (path, method, row) => {
    expect(findPublicRoute(path, method)?.name).toBe(row);
  });

  it.each([
    // A resource called "sessions" (a workout, a chat) with its own id is not a sign-in.
    ['/sessions/:id', 'POST'],
    ['/sessions/:id/notes', 'POST'],
    ['/sessions/password', 'DELETE'],
    ['/users/:id/email-validation', 'PUT'],
    ['/users/:id/send-invoice', 'POST'],
    ['/users/:id/login-history', 'GET'],
    ['/integrations/github-auth-settings', 'PUT'],
    ['/devices/register', 'POST'],
    ['/webhooks/register', 'POST'],
    ['/users/me/new-password', 'POST'],
    ['/api/v1/auth/webauthn/generate-registration-options', 'POST'],
    ['/api/v1/health/restart', 'POST'],
    ['/admin/health/jobs/:id/retry/now', 'GET'],
    ['/admin/register', 'POST'],
  ])('%s %s is not', (path, method) => {
    expect(findPublicRoute(path, method)).toBeUndefined();
  });
});

describe('WEBHOOK_SIGNATURES and the webhook path', () => {
  it('has samples for every call row', () => {
    expect(Object.keys(SIGNATURE_CALL_SAMPLES).sort()).toEqual(WEBHOOK_SIGNATURES.filter((r) => 'callee' in r).map((r) => r.name).sort());
  });
  for (const row of WEBHOOK_SIGNATURES.filter((r) => 'callee' in r)) {
    it(`${row.name}: matches its sample and not the look-alike`, () => {
      const { match, miss } = SIGNATURE_CALL_SAMPLES[row.name]!;
      expect(findWebhookSignatureCall(match)?.name).toBe(row.name);
      expect(findWebhookSignatureCall(miss)).toBeUndefined();
    });
  }
  it('signature-header: matches signature headers, not ordinary ones', () => {
    expect(findWebhookSignatureHeader('x-hub-signature-256')?.name).toBe('signature-header');
    expect(findWebhookSignatureHeader('stripe-signature')?.name).toBe('signature-header');
    expect(findWebhookSignatureHeader('x-shopify-hmac-sha256')?.name).toBe('signature-header');
    expect(findWebhookSignatureHeader('content-type')).toBeUndefined();
  });
  it('recognizes webhook paths', () => {
    expect(WEBHOOK_PATH_PATTERN.test('/api/webhooks/stripe')).toBe(true);
    expect(WEBHOOK_PATH_PATTERN.test('/stripe-webhook')).toBe(true);
    expect(WEBHOOK_PATH_PATTERN.test('/hooks/github')).toBe(true);
    expect(WEBHOOK_PATH_PATTERN.test('/api/payments/paypal_webhook')).toBe(true);
    expect(WEBHOOK_PATH_PATTERN.test('/api/webhook-subscriptions/:id')).toBe(false);
    expect(WEBHOOK_PATH_PATTERN.test('/api/hookah-bars')).toBe(false);
  });
});

describe('SENSITIVE_PATHS', () => {
  it('has samples for every row', () => {
    expect(Object.keys(SENSITIVE_SAMPLES).sort()).toEqual(SENSITIVE_PATHS.map((r) => r.name).sort());
  });
  for (const row of SENSITIVE_PATHS) {
    it(`${row.name}: matches its sample and not the look-alike`, () => {
      const { match, miss } = SENSITIVE_SAMPLES[row.name]!;
      expect(findSensitivePath(match)?.name).toBe(row.name);
      expect(findSensitivePath(miss)).toBeUndefined();
    });
  }
});
