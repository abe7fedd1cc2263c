/**
 * The small judgements the secrets rule is built from: which names hold secrets, which values are
 * placeholders or plain text, which files are tests.
 */
import { describe, expect, it } from 'vitest';
import { shannonEntropy } from '../../src/secrets/entropy.js';
import { isSignedJwt } from '../../src/secrets/jwt-token.js';
import { looksLikeKeyName, looksLikeNaturalLanguage, looksLikeNonSecretText, looksLikePathOrUrl, looksLikeRegexSource } from '../../src/secrets/non-secret-text.js';
import { hasPrivateKeyBody } from '../../src/secrets/pem-block.js';
import { isPlaceholderSecret, isPlaceholderToken } from '../../src/secrets/placeholder.js';
import { classifySecretName, splitIdentifierWords, toEnvironmentVariableName } from '../../src/secrets/secret-name.js';
import { isTestFilePath } from '../../src/secrets/test-file.js';
import { getUrlCredentials, hasRemoteUrlPassword } from '../../src/secrets/url-credentials.js';
import { FAKE, FAKE_JWT, base64UrlJson } from '../utils/fake-secrets.js';

describe('secret names', () => {
  it('splits identifiers into words', () => {
    expect(splitIdentifierWords('APIKey')).toEqual(['api', 'key']);
    expect(splitIdentifierWords('jwtSecret')).toEqual(['jwt', 'secret']);
    expect(splitIdentifierWords('STRIPE_SECRET_KEY')).toEqual(['stripe', 'secret', 'key']);
    expect(splitIdentifierWords('x-api-key')).toEqual(['x', 'api', 'key']);
  });
  it.each([
    ['apiKey', 'API key'],
    ['clientSecret', 'OAuth client secret'],
    ['DB_PASSWORD', 'password'],
    ['privateKey', 'private key'],
    ['accessToken', 'access token'],
    ['JWT_SECRET', 'JWT signing secret'],
    ['secretAccessKey', 'AWS secret access key'],
    ['secretOrKey', 'secret'],
    ['SENDGRID_FALLBACK_KEY', 'API key'],
    ['smtpPass', 'password'],
    ['token', 'token'],
  ])('%s holds a %s', (name, kind) => {
    expect(classifySecretName(name)?.kind).toBe(kind);
  });
  it.each(['passwordResetUrl', 'tokenExpiresIn', 'publicKey', 'secretName', 'keyId', 'accessKeyId', 'passwordHash', 'nextPageToken', 'csrfToken', 'monkey', 'passport', 'cacheKey', 'passwordField', 'isPasswordSet', 'secretArn'])(
    '%s does not hold a secret value',
    (name) => {
      expect(classifySecretName(name)).toBeUndefined();
    },
  );
  it('derives environment variable names', () => {
    expect(toEnvironmentVariableName(['config', 'jwt', 'secret'])).toBe('JWT_SECRET');
    expect(toEnvironmentVariableName(['stripeSecretKey'])).toBe('STRIPE_SECRET_KEY');
    expect(toEnvironmentVariableName(['settings', 'password'])).toBe('PASSWORD');
  });
});

describe('placeholders', () => {
  it.each(['', '  ', 'changeme', 'change-me', '<your-api-key>', '${API_KEY}', '{{ secret }}', '%s', '$JWT_SECRET', '__SECRET__', 'xxx', 'XXXX-XXXX', '***', '••••••', 'aaaaaaaa', '12345678', 'abcdef', 'qwerty', 'example', 'your_api_key_here', 'test-secret', 'dummy-token', 'secret', 'password', 'api-key', 'password123', 'TODO'])(
    '%j is a placeholder',
    (value) => {
      expect(isPlaceholderSecret(value)).toBe(true);
    },
  );
  it.each(['dev-secret', 'keyboard cat', 'Summer2024!', 'f2b21279020a7421', 'tiger-lily-77', 'supersecret'])('%j is not a placeholder', (value) => {
    expect(isPlaceholderSecret(value)).toBe(false);
  });
  it('recognises example and filler provider tokens', () => {
    expect(isPlaceholderToken('AKIA' + 'IOSFODNN7EXAMPLE', 3)).toBe(true);
    expect(isPlaceholderToken('ghp_' + '0'.repeat(36), 3)).toBe(true);
    expect(isPlaceholderToken(FAKE.githubToken, 3)).toBe(false);
  });
});

describe('text that is not a secret', () => {
  it('recognises sentences and labels', () => {
    expect(looksLikeNaturalLanguage('Password must be 8 characters')).toBe(true);
    expect(looksLikeNaturalLanguage('Passwort')).toBe(true);
    expect(looksLikeNaturalLanguage('f2b21279020a7421')).toBe(false);
  });
  it('recognises regex sources', () => {
    expect(looksLikeRegexSource('^(?=.*[A-Z])(?=.*\\d).{8,}$')).toBe(true);
    expect(looksLikeRegexSource('Tr0ub4dor&3')).toBe(false);
  });
  it('recognises paths and URLs without credentials', () => {
    expect(looksLikePathOrUrl('/reset-password')).toBe(true);
    expect(looksLikePathOrUrl('./keys/jwt.pem')).toBe(true);
    expect(looksLikePathOrUrl('https://auth.acme.io/oauth/token')).toBe(true);
    expect(looksLikePathOrUrl('https://api.acme.io/v1?api_key=abc')).toBe(false);
    expect(looksLikePathOrUrl(FAKE.awsSecretAccessKey)).toBe(false);
  });
  it('recognises key names', () => {
    expect(looksLikeKeyName('access_token')).toBe(true);
    expect(looksLikeKeyName('x-api-key')).toBe(true);
    expect(looksLikeKeyName('JWT_SECRET')).toBe(true);
    expect(looksLikeKeyName('HS256')).toBe(true);
    expect(looksLikeKeyName('stripe-key', ['stripe', 'key'])).toBe(true);
    expect(looksLikeKeyName('dev-secret')).toBe(false);
  });
  it('recognises hashes and checksums', () => {
    expect(looksLikeNonSecretText('$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy')).toBe(true);
    expect(looksLikeNonSecretText('sha512-' + 'A'.repeat(30) + 'b9==')).toBe(true);
  });
});

describe('token shapes', () => {
  it('accepts a signed JWT and rejects unsigned, example and anonymous ones', () => {
    expect(isSignedJwt(FAKE_JWT)).toBe(true);
    expect(isSignedJwt(`${base64UrlJson({ alg: 'none' })}.${FAKE.jwtPayload}.${FAKE.jwtSignature}`)).toBe(false);
    expect(isSignedJwt(`${FAKE.jwtHeader}.${base64UrlJson({ role: 'anon' })}.${FAKE.jwtSignature}`)).toBe(false);
    expect(isSignedJwt(`${FAKE.jwtHeader}.${FAKE.jwtPayload}.short`)).toBe(false);
  });
  it('requires key material in a private key block', () => {
    expect(hasPrivateKeyBody(FAKE.ecPrivateKey)).toBe(true);
    expect(hasPrivateKeyBody('-----BEGIN ' + 'PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----')).toBe(false);
  });
  it('reads URL credentials and ignores local hosts', () => {
    expect(getUrlCredentials('postgres://app:pw@db:5432/x')).toMatchObject({ user: 'app', password: 'pw', host: 'db' });
    expect(hasRemoteUrlPassword('postgres://app:' + FAKE.dbPassword + '@db.acme.internal/x')).toBe(true);
    expect(hasRemoteUrlPassword('postgres://app:' + FAKE.dbPassword + '@localhost/x')).toBe(false);
    expect(hasRemoteUrlPassword('amqp://guest:guest@rabbit.acme.internal')).toBe(false);
  });
  it('measures entropy in bits per character', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});

describe('test files', () => {
  it.each(['src/__tests__/auth.ts', 'test/app.e2e-spec.ts', 'src/auth.test.ts', 'src/auth.spec.js', 'e2e/login.ts', 'src/fixtures/keys.ts', 'tests/helpers.ts'])('%s is a test file', (path) => {
    expect(isTestFilePath(path)).toBe(true);
  });
  it.each(['src/auth.ts', 'src/testing-utils.ts', 'src/contest/config.ts', 'src/latest.ts'])('%s is not', (path) => {
    expect(isTestFilePath(path)).toBe(false);
  });
  it('matches below the project root only', () => {
    expect(isTestFilePath('/builds/tests/app/src/config.ts', '/builds/tests/app')).toBe(false);
    expect(isTestFilePath('/builds/tests/app/src/config.ts')).toBe(true);
  });
});
