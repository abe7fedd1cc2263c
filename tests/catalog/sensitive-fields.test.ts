/** The sensitive field names: samples that match (any case, snake or camel) and near misses that do not. */
import { describe, expect, it } from 'vitest';
import { isSensitiveFieldName, withoutNonAccountFields } from '../../src/catalog/sensitive-fields.js';

describe('sensitive field names', () => {
  it.each(['password', 'passwordHash', 'password_hash', 'PASSWORD', 'salt', 'resetPasswordToken', 'mfaSecret', 'totp_secret', 'apiKey', 'refreshToken', 'ssn'])(
    '%s is sensitive',
    (name) => {
      expect(isSensitiveFieldName(name)).toBe(true);
    },
  );
  it.each(['email', 'passwordChangedAt', 'hashtag', 'apiKeyId', 'tokenCount', 'name'])('%s is not', (name) => {
    expect(isSensitiveFieldName(name)).toBe(false);
  });
  it('accepts extra names from the options', () => {
    expect(isSensitiveFieldName('pin_code', ['pinCode'])).toBe(true);
  });
  it.each([
    ['Media', ['hash'], []],
    ['FileBlob', ['hash', 'apiKey'], ['apiKey']],
    ['Key', ['hash', 'salt'], ['hash', 'salt']],
    ['UserEntity', ['hash'], ['hash']],
    ['account', ['password_hash', 'hash'], ['password_hash', 'hash']],
  ])('a %s record keeps %j as %j', (model, fields, kept) => {
    expect(withoutNonAccountFields(model, fields)).toEqual(kept);
  });
});
