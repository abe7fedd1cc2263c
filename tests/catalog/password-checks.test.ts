/**
 * Every row of the password-check catalog, with one sample that matches it and one that does not.
 */
import { describe, expect, it } from 'vitest';
import {
  PASSWORD_CHECK_METHODS,
  PASSWORD_COMPARATORS,
  findPasswordCheckMethod,
  findPasswordComparator,
} from '../../src/catalog/password-checks.js';

const COMPARATOR_SAMPLES: Record<string, { match: [string, string]; miss: [string, string] }> = {
  bcrypt: { match: ['bcryptjs', 'compareSync'], miss: ['bcryptjs', 'hashSync'] },
  argon2: { match: ['argon2', 'verify'], miss: ['argon2', 'hash'] },
  'node-crypto-timing-safe-equal': { match: ['node:crypto', 'timingSafeEqual'], miss: ['node:crypto', 'createHash'] },
  'scrypt-kdf': { match: ['scrypt-kdf', 'verify'], miss: ['scrypt-js', 'verify'] },
  'pbkdf2-password-verify': { match: ['@phc/pbkdf2', 'verify'], miss: ['@phc/pbkdf2', 'hash'] },
};

describe('password-check catalog: comparators', () => {
  it('has a sample for every row', () => {
    expect(Object.keys(COMPARATOR_SAMPLES).sort()).toEqual(PASSWORD_COMPARATORS.map((r) => r.name).sort());
  });

  for (const row of PASSWORD_COMPARATORS) {
    it(`${row.name}: matches its function and not a look-alike`, () => {
      const { match, miss } = COMPARATOR_SAMPLES[row.name]!;
      expect(findPasswordComparator(...match)?.name).toBe(row.name);
      expect(findPasswordComparator(...miss)).toBeUndefined();
    });
  }
});

describe('password-check catalog: method names', () => {
  const METHOD_SAMPLES: Record<string, { match: string[]; miss: string[] }> = {
    'verb-password': { match: ['comparePassword', 'verifyPassword', 'validatePassword', 'check_password', 'matchPasswords'], miss: ['compareVersions', 'updatePassword'] },
    'password-predicate': { match: ['isValidPassword', 'validPassword', 'isPasswordValid', 'passwordMatches', 'isCorrectPassword'], miss: ['isValidEmail', 'passwordChangedAt'] },
  };

  it('has a sample for every row', () => {
    expect(Object.keys(METHOD_SAMPLES).sort()).toEqual(PASSWORD_CHECK_METHODS.map((r) => r.name).sort());
  });

  for (const row of PASSWORD_CHECK_METHODS) {
    it(`${row.name}: matches the conventions and not look-alikes`, () => {
      const { match, miss } = METHOD_SAMPLES[row.name]!;
      for (const name of match) expect(findPasswordCheckMethod(name)?.name, name).toBe(row.name);
      for (const name of miss) expect(findPasswordCheckMethod(name), name).toBeUndefined();
    });
  }
});
