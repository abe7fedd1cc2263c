/**
 * Every row of the account-endpoint catalog, with samples that match it and look-alikes that do not.
 */
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_ENDPOINTS,
  BRUTE_FORCE_TARGETS,
  classifyAccountFunctionName,
  classifyAccountPath,
  findBruteForceHandlerName,
  findBruteForcePath,
} from '../../src/catalog/account-endpoints.js';

const SAMPLES: Record<string, { match: string[]; miss: string[] }> = {
  'login-path': { match: ['/login', '/api/auth/sign-in', '/sessions', '/oauth/token', '/auth'], miss: ['/logins-report', '/catalog', '/tokenizer'] },
  'password-reset-path': { match: ['/forgot-password', '/password/reset', '/recover', '/auth/reset/:token'], miss: ['/password/change', '/settle'] },
  'registration-path': { match: ['/register', '/auth/sign-up', '/users/check-email', '/email-available'], miss: ['/registry', '/signups-report'] },
  'login-name': { match: ['login', 'handleLogin', 'signIn', 'authenticateUser', 'validateUser', 'verifyCredentials'], miss: ['logInfo', 'signature', 'loadUser'] },
  'password-reset-name': { match: ['forgotPassword', 'requestPasswordReset', 'resetPassword', 'recoverAccount', 'sendResetLink'], miss: ['changePassword', 'clearCache'] },
  'registration-name': { match: ['register', 'signUp', 'checkEmail', 'isEmailTaken'], miss: ['catalog', 'emailUser'] },
};

describe('account-endpoint catalog', () => {
  it('has samples for every row', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(ACCOUNT_ENDPOINTS.map((r) => r.name).sort());
  });

  for (const row of ACCOUNT_ENDPOINTS) {
    it(`${row.name}: matches its samples and not the look-alikes`, () => {
      const classify = row.by === 'path-segment' ? classifyAccountPath : classifyAccountFunctionName;
      for (const sample of SAMPLES[row.name]!.match) expect(classify(sample), sample).toContain(row.kind);
      for (const sample of SAMPLES[row.name]!.miss) expect(classify(sample), sample).not.toContain(row.kind);
    });
  }

  it('ignores route parameters when reading path segments', () => {
    expect(classifyAccountPath('/users/:login')).toEqual([]);
  });
});

const BRUTE_FORCE_SAMPLES: Record<string, { match: string[]; miss: string[] }> = {
  'login-path': { match: ['/login', '/api/auth/sign-in', '/users/signin/password'], miss: ['/login-history', '/logins'] },
  'login-local-strategy-path': { match: ['/auth/local', '/api/auth/password'], miss: ['/auth/me', '/local'] },
  'session-create-path': { match: ['/api/sessions', '/auth', '/v1/auth/session'], miss: ['/conference/sessions', '/api/authors'] },
  'token-path': { match: ['/oauth/token', '/api/auth/token', '/token'], miss: ['/auth/token/refresh', '/tokens/:id/revoke'] },
  'password-reset-path': { match: ['/forgot-password', '/password/reset/:token', '/auth/reset', '/api/request-password-reset', '/v1/auth/send-password-reset'], miss: ['/password/change', '/reset-cache'] },
  'otp-path': { match: ['/otp/verify', '/auth/mfa', '/2fa/:userId/confirm', '/verify-code'], miss: ['/otp-settings/history', '/photos'] },
  'signup-path': { match: ['/signup', '/auth/sign-up', '/registration'], miss: ['/signups', '/newsletter'] },
  'register-path': { match: ['/register', '/api/users/register', '/v2/auth/register'], miss: ['/devices/register', '/cash-register/open'] },
  'login-handler': { match: ['login', 'handleLogin', 'signIn', 'authenticateUser'], miss: ['loginHistory', 'logout'] },
  'password-reset-handler': { match: ['forgotPassword', 'resetPassword', 'requestPasswordReset'], miss: ['changePassword', 'resetCache'] },
  'otp-handler': { match: ['verifyOtp', 'verify2fa', 'verifyMfa'], miss: ['verifyEmail', 'sendOtp'] },
  'signup-handler': { match: ['signUp', 'register', 'registerUser'], miss: ['registerWebhook', 'signature'] },
};

describe('brute-force targets (require-rate-limit)', () => {
  it('has samples for every row', () => {
    expect(Object.keys(BRUTE_FORCE_SAMPLES).sort()).toEqual(BRUTE_FORCE_TARGETS.map((r) => r.name).sort());
  });

  for (const row of BRUTE_FORCE_TARGETS) {
    it(`${row.name}: matches its samples and not the look-alikes`, () => {
      const find = row.by === 'path' ? findBruteForcePath : findBruteForceHandlerName;
      for (const sample of BRUTE_FORCE_SAMPLES[row.name]!.match) expect(find(sample, ['POST'])?.kind, sample).toBe(row.kind);
      for (const sample of BRUTE_FORCE_SAMPLES[row.name]!.miss) expect(find(sample, ['POST'])?.name, sample).not.toBe(row.name);
    });
  }

  it('only methods that carry credentials: GET /login renders a form', () => {
    expect(findBruteForcePath('/login', ['GET'])).toBeUndefined();
    expect(findBruteForcePath('/login', ['ALL'])?.kind).toBe('login');
    expect(findBruteForceHandlerName('login', ['GET'])).toBeUndefined();
  });
});
