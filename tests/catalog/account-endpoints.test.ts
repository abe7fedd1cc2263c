/**
 * Every row of the account-endpoint catalog, with samples that match it and look-alikes that do not.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ENDPOINTS, classifyAccountFunctionName, classifyAccountPath } from '../../src/catalog/account-endpoints.js';

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
