import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-hardcoded-secrets.js';
import { createRuleTester } from '../utils/rule-tester.js';
import { FAKE, FAKE_JWT, base64UrlJson } from '../utils/fake-secrets.js';

const ruleTester = createRuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils; the rule object is the same at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

// Fakes assembled at run time (see tests/utils/fake-secrets.ts): no complete key in this file.
const AWS_ID = FAKE.awsAccessKeyId;
const AWS_SECRET = FAKE.awsSecretAccessKey;
const GOOGLE = FAKE.googleApiKey;
const GITHUB = FAKE.githubToken;
const SLACK = FAKE.slackBotToken;
const STRIPE = FAKE.stripeLiveSecret;
const PEM_PRIVATE = FAKE.ecPrivateKey.replace(/\n/g, '\\n');
const PEM_PUBLIC = FAKE.publicKey.replace(/\n/g, '\\n');
const ANON_JWT = `${FAKE.jwtHeader}.${base64UrlJson({ role: 'anon', iss: 'supabase' })}.${FAKE.jwtSignature}`;
const EXAMPLE_JWT = `${FAKE.jwtHeader}.${base64UrlJson({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.${FAKE.jwtSignature}`;

ruleTester.run('no-hardcoded-secrets', testedRule, {
  valid: [
    {
      // Labels in an enum (connection names), and a PostHog project key, which browsers ship.
      name: 'enum labels under credential-like member names, a public PostHog project key',
      code: `export enum ConnectionName {
  CATS = 'monorepo_cats',
  AUTH = 'monorepo_auth',
}
export class PostHogService {
  private POSTHOG_API_KEY = '${'phc_' + '9CipPajQC22mSkk2wxe2TXsUA0Ysyupe8dt5KQQELqx'}';
}`,
    },
    // --- Reads from the environment and config services ----------------------------------------
    {
      // The secret comes from the deployment.
      name: 'env read',
      code: `import jwt from 'jsonwebtoken';
const secret = process.env.JWT_SECRET;
export const sign = (p: object) => jwt.sign(p, secret!);`,
    },
    {
      // An empty fallback is no secret; startup validation fails loudly instead.
      name: 'empty env fallback',
      code: `export const config = { apiKey: process.env.SENDGRID_API_KEY ?? '' };`,
    },
    {
      // Nest ConfigService reads the value at run time.
      name: 'nest config service',
      code: `import { JwtModule } from '@nestjs/jwt';
JwtModule.registerAsync({ inject: [ConfigService], useFactory: (config: ConfigService) => ({ secret: config.getOrThrow<string>('JWT_SECRET') }) });`,
    },
    {
      // An HMAC key from the environment with an empty fallback.
      name: 'createHmac with env key',
      code: `import { createHmac } from 'node:crypto';
export const sign = (body: string) => createHmac('sha256', process.env.WEBHOOK_SECRET ?? '').update(body).digest('hex');`,
    },
    {
      // The token is interpolated from the environment; only the scheme is literal.
      name: 'authorization header from env',
      code: `await fetch(url, { headers: { Authorization: \`Bearer \${process.env.HIE_TOKEN}\` } });`,
    },
    {
      // Fallbacks of variables that are not secrets: durations, header names, default databases.
      name: 'non-secret env fallbacks',
      code: `export const auth = {
  expiresIn: process.env.JWT_EXPIRES_IN || '15m',
  header: process.env.API_KEY_HEADER ?? 'x-api-key',
  dbPassword: process.env.DB_PASSWORD || 'postgres',
};`,
    },
    // --- Placeholders -----------------------------------------------------------------------------
    {
      // A stand-in word meant to be replaced.
      name: 'changeme placeholder',
      code: `export const apiKey = 'changeme';`,
    },
    {
      // Angle-bracket placeholder from a README.
      name: 'angle bracket placeholder',
      code: `const stripe = { secretKey: '<your-stripe-secret-key>' };`,
    },
    {
      // Substitution syntax of a config loader, not a value.
      name: 'substitution syntax',
      code: `const settings = { clientSecret: '\${OAUTH_CLIENT_SECRET}' };`,
    },
    {
      // A mask, as printed by a redacting logger.
      name: 'mask',
      code: `const shown = { password: '********' };`,
    },
    {
      // Repeated characters are filler.
      name: 'repeated characters',
      code: `const token = 'xxxxxxxxxxxxxxxx';`,
    },
    {
      // The bare word names the secret; it is not one.
      name: 'bare word password',
      code: `const password = 'password';`,
    },
    {
      // `test` marks a value written for tests.
      name: 'test marker',
      code: `const JWT_SECRET = process.env.JWT_SECRET || 'test-secret';`,
    },
    {
      // The documented AWS example key id.
      name: 'documented example key',
      code: `const accessKeyId = 'AKIA' + 'IOSFODNN7EXAMPLE';
const example = 'AKIAIOSFODNN7EXAMPLE';`,
    },
    // --- Public keys and identifiers --------------------------------------------------------------
    {
      // Stripe publishable keys are meant for browsers.
      name: 'stripe publishable key',
      code: `export const stripe = { publishableKey: '${FAKE.stripePublishable}', key: '${FAKE.stripePublishable}' };`,
    },
    {
      // A PEM public key verifies tokens; it is not secret.
      name: 'public key passed to jwt.verify',
      code: `import jwt from 'jsonwebtoken';
const PUBLIC_KEY = '${PEM_PUBLIC}';
export const verify = (t: string) => jwt.verify(t, PUBLIC_KEY);`,
    },
    {
      // A Firebase web config carries its browser API key next to authDomain.
      name: 'firebase web config',
      code: `initializeApp({ apiKey: '${GOOGLE}', authDomain: 'acme.firebaseapp.com', projectId: 'acme' });`,
    },
    {
      // A Supabase anon key is a public JWT.
      name: 'supabase anon key',
      code: `export const supabaseAnonKey = '${ANON_JWT}';`,
    },
    {
      // The jwt.io example token from the docs.
      name: 'example jwt',
      code: `const sampleToken = '${EXAMPLE_JWT}';`,
    },
    {
      // Integrity hashes and git SHAs are checksums.
      name: 'integrity and sha',
      code: `const lock = { integrity: 'sha512-3pE0ZQIzcHwkAmlgCM4qrMEp4vAx1xqWv0tyhvn+4nEL0aX5mhNVzM6yMGeUH6bZzVqw0bHj4B3oYx9Q8sBZ4A==', resolved: 'https://registry.npmjs.org/x/-/x-1.0.0.tgz', commitSha: '4b825dc642cb6eb9a060e54bf8d69288fbee4904' };`,
    },
    {
      // UUIDs identify things.
      name: 'uuid identifiers',
      code: `const ids = { telemetryKeyId: 'b98536d2-6bce-4032-8545-1020414c34b1', clientId: '8f14e45f-ceea-467f-a0e6-1d3b5a7c9e21' };`,
    },
    {
      // A bcrypt hash in seed data cannot be used to log in.
      name: 'password hash',
      code: `await prisma.user.create({ data: { email: 'admin@acme.io', password: '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy' } });`,
    },
    // --- Text that mentions passwords and tokens --------------------------------------------------
    {
      // i18n messages under secret-named keys.
      name: 'i18n messages',
      code: `export const en = { password: 'Password must be 8 characters', token: 'Your session expired', secret: 'Keep this safe', email: 'Email address' };`,
    },
    {
      // A state marker in camelCase words under a token name (uptime-kuma's 'autoLogin'; round-3 triage).
      name: 'token state marker in camelCase words',
      code: `export function onAutoLogin(store, socket) { store.token = 'autoLogin'; socket.token = 'guestSession'; }`,
    },
    {
      // A lexer's token kinds: PascalCase words under a token name, or after a one-character sigil (seen in a bundled tokenizer).
      name: 'token kind names',
      code: `let lastSignificantToken = '?InterpolationInJSX'; const token = 'StringLiteral'; const refreshToken = '#PrivateIdentifierName';`,
    },
    {
      // A tokenizer's current token kind (postcss), and fetch's credentials mode: names of kinds, not values.
      name: 'lexer token kinds and fetch credentials modes',
      code: `let currentToken = ['at-word', css.slice(pos, next + 1), pos, next]; const init = { credentials: 'same-origin' }; init.credentials = 'include';`,
    },
    {
      // A single capitalised word is a label.
      name: 'translated label',
      code: `export const de = { password: 'Passwort' };`,
    },
    {
      // Labels, hints and placeholders of a form.
      name: 'form labels',
      code: `const fields = { passwordLabel: 'Password', passwordHint: 'At least 12 characters', passwordPlaceholder: 'Enter a password' };`,
    },
    {
      // Error messages and validation messages.
      name: 'error and validation messages',
      code: `import { z } from 'zod';
const schema = z.object({ password: z.string().min(12, { message: 'Password too short' }) });
if (!ok) throw new Error('Invalid password');`,
    },
    {
      // A password policy regex under a secret-named key.
      name: 'regex pattern',
      code: `const rules = { password: '^(?=.*[A-Z])(?=.*\\\\d).{12,}$' };`,
    },
    {
      // URL paths and endpoints that mention secrets.
      name: 'url paths',
      code: `router.post('/reset-password', handler);
const oauth = { tokenUrl: 'https://oauth2.googleapis.com/token', token: '/auth/token' };`,
    },
    {
      // A property key with a value from the request.
      name: 'property key only',
      code: `await User.create({ email: req.body.email, password: req.body.password });`,
    },
    {
      // Comparisons and switch cases test a type name.
      name: 'comparisons',
      code: `if (field.type === 'password') mask(field);
switch (grant) { case 'refresh_token': break; }`,
    },
    {
      // Key names stored in constants: a storage key, a cookie name, an env var name.
      name: 'key names',
      code: `const TOKEN_KEY = 'auth_token';
const ACCESS_TOKEN = 'access_token';
const secretName = 'JWT_SECRET';
const REFRESH_TOKEN_COOKIE = 'refresh-token';`,
    },
    {
      // Algorithms, durations and file paths next to secrets.
      name: 'algorithm, duration and path',
      code: `const jwtOptions = { secret: process.env.JWT_SECRET, algorithm: 'HS256', expiresIn: '15m', privateKey: './keys/jwt.pem' };`,
    },
    {
      // Database URLs that point at this machine.
      name: 'local database url',
      code: `const mongoUrl = process.env.MONGO_URL || 'mongodb://127.0.0.1:27017/status';
const dev = 'postgres://postgres:postgres@localhost:5432/dev';`,
    },
    {
      // A type position holds no value.
      name: 'literal types',
      code: `type Grant = 'password' | 'client_credentials';
interface Creds { token: 'abc123DEF456ghi789' }`,
    },
    {
      // Error codes that mention the field are identifiers, not passwords.
      name: 'error codes',
      code: `throw new UnprocessableEntityException({ errors: { password: 'incorrectPassword', oldPassword: 'missingOldPassword' } });`,
    },
    {
      // Values kept to detect placeholders at startup are stand-ins by name.
      name: 'placeholder container',
      code: `const PLACEHOLDER_SECRETS = { AUTH_JWT_SECRET: 'secret', AUTH_REFRESH_SECRET: 'secret_for_refresh', AUTH_FORGOT_SECRET: 'f0rg0t-s3cr3t' };`,
    },
    {
      // A cookie key is the cookie's name.
      name: 'cookie key name',
      code: `class Banner { private readonly bannerCookieKey = 'welcomebanner_status'; }`,
    },
    {
      // Local development credentials next to a local host.
      name: 'local database config',
      code: `module.exports = { development: { host: '127.0.0.1', username: 'app', password: 'dev_pw_4417' } };`,
    },
    // --- Sinks that receive no literal ------------------------------------------------------------
    {
      // A parameter is not a constant of the file.
      name: 'jwt.sign with a parameter',
      code: `import jwt from 'jsonwebtoken';
export function sign(payload: object, secret: string) { return jwt.sign(payload, secret); }`,
    },
    {
      // The key is read from a file at run time.
      name: 'jwt.sign with a key file',
      code: `import jwt from 'jsonwebtoken';
import { readFileSync } from 'node:fs';
export const sign = (p: object) => jwt.sign(p, readFileSync('./private.pem'), { algorithm: 'RS256' });`,
    },
    {
      // A local module's sign() is not jsonwebtoken's.
      name: 'local wrapper named jwt',
      code: `import jwt from './jwt-wrapper';
jwt.sign(payload, 'reports');`,
    },
    // --- Options and test files -------------------------------------------------------------------
    {
      // Test files hold fake secrets; only live provider formats are reported there.
      name: 'weak secret in a test file',
      filename: 'src/__tests__/auth.test.ts',
      code: `import jwt from 'jsonwebtoken';
const token = jwt.sign({ sub: 1 }, 'integration-signing-key');`,
    },
    {
      // Jest's __fixtures__ folder holds test data like fixtures/ does.
      name: 'weak secret in a __fixtures__ file',
      filename: 'src/__fixtures__/keys.ts',
      code: `export const TEST_SESSION_SECRET = 'a83f0c5e9d2b47f1b6e2';`,
    },
    {
      // Defaults of an environment schema whose fields are not credentials, and a body schema's default.
      name: 'environment schema defaults of non-secret fields, and a body schema default',
      code: `import { z } from 'zod';
export const config = z.object({ LOG_LEVEL: z.string().default('info'), NODE_ENV: z.string().default('development') }).parse(process.env);
export const SignupBody = z.object({ displayName: z.string().default('dev-secret') });`,
    },
    {
      // testFiles: 'ignore' skips test files entirely.
      name: 'testFiles ignore',
      filename: 'test/fixtures/keys.ts',
      options: [{ testFiles: 'ignore' }],
      code: `export const key = '${AWS_ID}';`,
    },
    {
      // The organisation's placeholder format is allowlisted.
      name: 'allowlist option',
      options: [{ allowlist: ['^acme-dev-'] }],
      code: `import jwt from 'jsonwebtoken';
jwt.sign(p, 'acme-dev-signing-key');`,
    },
    {
      // The shared setting allowlists too.
      name: 'secretAllowlist setting',
      settings: { 'api-guard': { secretAllowlist: ['/^local-only-/'] } },
      code: `const SESSION_SECRET = process.env.SESSION_SECRET || 'local-only-4f9a2c';`,
    },
    {
      // Under a high entropy floor, a low-entropy value under a secret name is not reported.
      name: 'minEntropy option',
      options: [{ minEntropy: 4.5 }],
      code: `const dbPassword = 'tiger-lily-77';`,
    },
  ],
  invalid: [
    {
      // The twin: a random value under a credential name is no label, enum or not.
      name: 'a random value in an enum member named AUTH',
      code: `export enum Credentials {
  AUTH = 'Xk29fLq8Vz7pR3tB',
}`,
      errors: [{ messageId: 'namedSecret', line: 2, data: { kind: 'credential', value: 'Xk29…', name: 'AUTH' } }],
    },
    // --- Credential sinks -------------------------------------------------------------------------
    {
      name: 'jwt.sign with a literal',
      code: `import jwt from 'jsonwebtoken';
export const sign = (p: object) => jwt.sign(p, 'dev-secret');`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'JWT signing secret', value: 'dev-…', sink: '`jwt.sign`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'JWT_SECRET' },
              output: `import jwt from 'jsonwebtoken';
export const sign = (p: object) => jwt.sign(p, process.env.JWT_SECRET);`,
            },
          ],
        },
      ],
    },

    {
      name: 'jwt.verify through a constant',
      code: `const jwt = require('jsonwebtoken');
const JWT_SECRET = 'super-long-signing-value';
module.exports = (token) => jwt.verify(token, JWT_SECRET);`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'JWT signing secret', value: 'supe…', sink: '`jwt.verify` at line 3', through: ' in `JWT_SECRET`' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'JWT_SECRET' },
              output: `const jwt = require('jsonwebtoken');
const JWT_SECRET = process.env.JWT_SECRET;
module.exports = (token) => jwt.verify(token, JWT_SECRET);`,
            },
          ],
        },
      ],
    },
    {
      name: 'jwt.sign through a config object',
      code: `import { sign } from 'jsonwebtoken';
const config = { jwt: { key: 'a1b2c3d4e5f6', ttl: '1h' } };
export const issue = (user: { id: string }) => sign({ sub: user.id }, config.jwt.key, { expiresIn: config.jwt.ttl });`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'JWT signing secret', value: 'a1b2…', sink: '`sign` at line 3', through: ' in `config.jwt.key`' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'JWT_SECRET' },
              output: `import { sign } from 'jsonwebtoken';
const config = { jwt: { key: process.env.JWT_SECRET, ttl: '1h' } };
export const issue = (user: { id: string }) => sign({ sub: user.id }, config.jwt.key, { expiresIn: config.jwt.ttl });`,
            },
          ],
        },
      ],
    },
    {
      name: 'express-session secret, whatever it looks like',
      code: `import session from 'express-session';
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'session secret', value: 'keyb…', sink: '`session`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'SESSION_SECRET' },
              output: `import session from 'express-session';
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'cookie-parser secret with an env fallback',
      code: `const cookieParser = require('cookie-parser');
const COOKIE_SECRET = process.env.COOKIE_SECRET || 'a0bff5b65912836e';
app.use(cookieParser(COOKIE_SECRET));`,
      errors: [
        {
          messageId: 'sinkFallback',
          line: 2,
          data: { kind: 'cookie signing secret', value: 'a0bf…', sink: '`cookieParser` at line 3', env: 'COOKIE_SECRET' },
          suggestions: [
            {
              messageId: 'removeFallback',
              data: { env: 'COOKIE_SECRET' },
              output: `const cookieParser = require('cookie-parser');
const COOKIE_SECRET = process.env.COOKIE_SECRET;
app.use(cookieParser(COOKIE_SECRET));`,
            },
          ],
        },
      ],
    },
    {
      name: 'cookie-session keys array',
      code: `import cookieSession from 'cookie-session';
app.use(cookieSession({ name: 'sid', keys: [process.env.KEY_CURRENT!, 'rotated-key-2023'] }));`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'session secret', value: 'rota…', sink: '`cookieSession`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'SESSION_SECRET' },
              output: `import cookieSession from 'cookie-session';
app.use(cookieSession({ name: 'sid', keys: [process.env.KEY_CURRENT!, process.env.SESSION_SECRET] }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest JwtModule.register secret',
      code: `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
@Module({ imports: [JwtModule.register({ secret: 'fb20ee13aea54bc9', signOptions: { expiresIn: '1h' } })] })
export class AuthModule {}`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 3,
          data: { kind: 'JWT signing secret', value: 'fb20…', sink: '`JwtModule.register`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'JWT_SECRET' },
              output: `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET, signOptions: { expiresIn: '1h' } })] })
export class AuthModule {}`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest JwtModule.registerAsync factory secret',
      code: `import { JwtModule } from '@nestjs/jwt';
export const jwtModule = JwtModule.registerAsync({
  useFactory: () => ({ secret: 'factory-made-secret' }),
});`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 3,
          data: { kind: 'JWT signing secret', value: 'fact…', sink: '`JwtModule.registerAsync`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'JWT_SECRET' },
              output: `import { JwtModule } from '@nestjs/jwt';
export const jwtModule = JwtModule.registerAsync({
  useFactory: () => ({ secret: process.env.JWT_SECRET }),
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest JwtService.signAsync with a secret option',
      code: `@Injectable()
export class TokenService {
  constructor(private readonly jwtService: JwtService) {}
  issue(payload: object) {
    return this.jwtService.signAsync(payload, { secret: 'refresh-9f8e7d6c' });
  }
}`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 5,
          data: { kind: 'JWT signing secret', value: 'refr…', sink: '`this.jwtService.signAsync`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'JWT_SECRET' },
              output: `@Injectable()
export class TokenService {
  constructor(private readonly jwtService: JwtService) {}
  issue(payload: object) {
    return this.jwtService.signAsync(payload, { secret: process.env.JWT_SECRET });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify-jwt plugin secret',
      code: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
const app = Fastify();
await app.register(fastifyJwt, { secret: 'c0ffee-signing-phrase' });`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 4,
          data: { kind: 'JWT signing secret', value: 'c0ff…', sink: '`app.register(fastifyJwt)`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'JWT_SECRET' },
              output: `import Fastify from 'fastify';
import fastifyJwt from '@fastify/jwt';
const app = Fastify();
await app.register(fastifyJwt, { secret: process.env.JWT_SECRET });`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify-cookie plugin secret through require',
      code: `module.exports = async function auth(fastify) {
  fastify.register(require('@fastify/cookie'), { secret: '9ug1SLGXuXwvYhw1prf2' });
};`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'cookie signing secret', value: '9ug1…', sink: "`fastify.register(require('@fastify/cookie'))`", through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'COOKIE_SECRET' },
              output: `module.exports = async function auth(fastify) {
  fastify.register(require('@fastify/cookie'), { secret: process.env.COOKIE_SECRET });
};`,
            },
          ],
        },
      ],
    },
    {
      name: 'fastify-session plugin secret',
      code: `import fastifySession from '@fastify/session';
app.register(fastifySession, { secret: 'a secret with minimum length of 32 characters', cookie: { secure: true } });`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'session secret', value: 'a se…', sink: '`app.register(fastifySession)`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'SESSION_SECRET' },
              output: `import fastifySession from '@fastify/session';
app.register(fastifySession, { secret: process.env.SESSION_SECRET, cookie: { secure: true } });`,
            },
          ],
        },
      ],
    },
    {
      name: 'passport-jwt strategy secretOrKey',
      code: `import passport from 'passport';
import { Strategy as JwtStrategy, ExtractJwt } from 'passport-jwt';
passport.use(new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: 'shhh-7c1e94b2' }, verify));`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 3,
          data: { kind: 'JWT signing secret', value: 'shhh…', sink: '`new JwtStrategy`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'JWT_SECRET' },
              output: `import passport from 'passport';
import { Strategy as JwtStrategy, ExtractJwt } from 'passport-jwt';
passport.use(new JwtStrategy({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.JWT_SECRET }, verify));`,
            },
          ],
        },
      ],
    },
    {
      name: 'nest passport strategy super() with an env fallback',
      code: `import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.STAFF_JWT_SECRET ?? 'f2b21279020a7421' });
  }
}`,
      errors: [
        {
          messageId: 'sinkFallback',
          line: 5,
          data: { kind: 'JWT signing secret', value: 'f2b2…', sink: '`Strategy` (through `super`)', env: 'STAFF_JWT_SECRET' },
          suggestions: [
            {
              messageId: 'removeFallback',
              data: { env: 'STAFF_JWT_SECRET' },
              output: `import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: process.env.STAFF_JWT_SECRET });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'crypto.createHmac key',
      code: `import crypto from 'node:crypto';
export const verify = (raw: Buffer, sig: string) => crypto.createHmac('sha256', 'whk_55ad912bbf5c').update(raw).digest('hex') === sig;`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'HMAC key', value: 'whk_…', sink: '`crypto.createHmac`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'HMAC_SECRET' },
              output: `import crypto from 'node:crypto';
export const verify = (raw: Buffer, sig: string) => crypto.createHmac('sha256', process.env.HMAC_SECRET).update(raw).digest('hex') === sig;`,
            },
          ],
        },
      ],
    },
    {
      name: 'createCipheriv key wrapped in Buffer.from',
      code: `import { createCipheriv, randomBytes } from 'crypto';
const ENCRYPTION_KEY = Buffer.from('0123abcd4567ef89aabbccddeeff0011', 'hex');
export const encrypt = (text: string) => createCipheriv('aes-128-gcm', ENCRYPTION_KEY, randomBytes(12)).update(text);`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'encryption key', value: '0123…', sink: '`createCipheriv` at line 3', through: ' in `ENCRYPTION_KEY`' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'ENCRYPTION_KEY' },
              output: `import { createCipheriv, randomBytes } from 'crypto';
const ENCRYPTION_KEY = Buffer.from(process.env.ENCRYPTION_KEY, 'hex');
export const encrypt = (text: string) => createCipheriv('aes-128-gcm', ENCRYPTION_KEY, randomBytes(12)).update(text);`,
            },
          ],
        },
      ],
    },
    {
      name: 'express-basic-auth users',
      code: `import basicAuth from 'express-basic-auth';
app.use('/admin', basicAuth({ users: { admin: 'Tr0ub4dor&3' }, challenge: true }));`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'basic-auth password', value: 'Tr0u…', sink: '`basicAuth`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'BASIC_AUTH_PASSWORD' },
              output: `import basicAuth from 'express-basic-auth';
app.use('/admin', basicAuth({ users: { admin: process.env.BASIC_AUTH_PASSWORD }, challenge: true }));`,
            },
          ],
        },
      ],
    },
    {
      name: 'Authorization bearer header',
      code: `await axios.get(url, { headers: { Authorization: 'Bearer 3f9c2a7e1b8d4c6f0a5e' } });`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 1,
          data: { kind: 'API credential', value: '3f9c…', sink: 'the `Authorization` header', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'API_TOKEN' },
              output: 'await axios.get(url, { headers: { Authorization: `Bearer ${process.env.API_TOKEN}` } });',
            },
          ],
        },
      ],
    },
    {
      name: 'api key header through setHeader and a constant',
      code: `const PARTNER_KEY = 'pk9-8d7c6b5a4f3e2d1c';
proxyReq.setHeader('x-api-key', PARTNER_KEY);`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 1,
          data: { kind: 'API key', value: 'pk9-…', sink: 'the `x-api-key` header at line 2', through: ' in `PARTNER_KEY`' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'PARTNER_KEY' },
              output: `const PARTNER_KEY = process.env.PARTNER_KEY;
proxyReq.setHeader('x-api-key', PARTNER_KEY);`,
            },
          ],
        },
      ],
    },
    {
      name: 'stripe SDK constructed with a live key',
      code: `import Stripe from 'stripe';
export const stripe = new Stripe('${STRIPE}', { apiVersion: '2024-06-20' });`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'Stripe live secret key', value: 'sk_l…', sink: '`new Stripe`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'STRIPE_SECRET_KEY' },
              output: `import Stripe from 'stripe';
export const stripe = new Stripe(process.env.STRIPE_SECRET_KEY, { apiVersion: '2024-06-20' });`,
            },
          ],
        },
      ],
    },
    // --- Provider formats, anywhere ---------------------------------------------------------------
    {
      name: 'AWS key pair in an S3 client config',
      code: `import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: '${AWS_ID}', secretAccessKey: '${AWS_SECRET}' },
});`,
      errors: [
        {
          messageId: 'providerSecret',
          line: 4,
          data: { kind: 'AWS access key id', value: 'AKIA…', place: '`credentials.accessKeyId`' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'AWS_ACCESS_KEY_ID' },
              output: `import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: '${AWS_SECRET}' },
});`,
            },
          ],
        },
        {
          messageId: 'sinkSecret',
          line: 4,
          data: { kind: 'AWS secret access key', value: `${AWS_SECRET.slice(0, 4)}…`, sink: '`new S3Client`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'AWS_SECRET_ACCESS_KEY' },
              output: `import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({
  region: 'eu-west-1',
  credentials: { accessKeyId: '${AWS_ID}', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY },
});`,
            },
          ],
        },
      ],
    },
    {
      name: 'Google API key in a plain string',
      code: `const url = 'https://maps.googleapis.com/maps/api/geocode/json?key=${GOOGLE}';`,
      errors: [
        {
          messageId: 'providerSecret',
          line: 1,
          data: { kind: 'Google API key', value: 'AIza…', place: '`url`' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'GOOGLE_API_KEY' },
              output: 'const url = `https://maps.googleapis.com/maps/api/geocode/json?key=${process.env.GOOGLE_API_KEY}`;',
            },
          ],
        },
      ],
    },
    {
      name: 'GitHub token inside a template literal',
      code: 'const remote = `https://x-access-token:' + GITHUB + '@github.com/${owner}/${repo}.git`;',
      errors: [{ messageId: 'providerSecret', line: 1, data: { kind: 'GitHub token', value: 'ghp_…', place: '`remote`' }, suggestions: [] }],
    },
    {
      name: 'GitHub token in a CommonJS Authorization header',
      code: `const headers = { Accept: 'application/vnd.github+json', Authorization: 'token ${GITHUB}' };`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 1,
          data: { kind: 'GitHub token', value: 'ghp_…', sink: 'the `Authorization` header', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'GITHUB_TOKEN' },
              output: "const headers = { Accept: 'application/vnd.github+json', Authorization: `token ${process.env.GITHUB_TOKEN}` };",
            },
          ],
        },
      ],
    },
    {
      name: 'Slack bot token passed to WebClient',
      code: `const { WebClient } = require('@slack/web-api');
const SLACK_BOT_TOKEN = '${SLACK}';
const slack = new WebClient(SLACK_BOT_TOKEN);`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'Slack bot token', value: 'xoxb…', sink: '`new WebClient` at line 3', through: ' in `SLACK_BOT_TOKEN`' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'SLACK_BOT_TOKEN' },
              output: `const { WebClient } = require('@slack/web-api');
const SLACK_BOT_TOKEN = process.env.SLACK_BOT_TOKEN;
const slack = new WebClient(SLACK_BOT_TOKEN);`,
            },
          ],
        },
      ],
    },
    {
      name: 'Slack webhook URL',
      code: `export const ALERTS_WEBHOOK = '${FAKE.slackWebhook}';`,
      errors: [
        {
          messageId: 'providerSecret',
          line: 1,
          data: { kind: 'Slack webhook URL', value: 'http…', place: '`ALERTS_WEBHOOK`' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'SLACK_WEBHOOK_URL' }, output: 'export const ALERTS_WEBHOOK = process.env.SLACK_WEBHOOK_URL;' }],
        },
      ],
    },
    {
      name: 'Stripe live key as an env fallback',
      code: `module.exports = { stripe: { secretKey: process.env.STRIPE_SECRET_KEY || '${STRIPE}' } };`,
      errors: [
        {
          messageId: 'envFallback',
          line: 1,
          data: { kind: 'Stripe live secret key', value: 'sk_l…', env: 'STRIPE_SECRET_KEY' },
          suggestions: [
            {
              messageId: 'removeFallback',
              data: { env: 'STRIPE_SECRET_KEY' },
              output: 'module.exports = { stripe: { secretKey: process.env.STRIPE_SECRET_KEY } };',
            },
          ],
        },
      ],
    },
    {
      name: 'SendGrid, OpenAI and npm tokens',
      code: `const keys = ['${FAKE.sendgridKey}', '${FAKE.openAiKey}', '${FAKE.npmToken}'];`,
      errors: [
        { messageId: 'providerSecret', line: 1, data: { kind: 'SendGrid API key', value: `${FAKE.sendgridKey.slice(0, 4)}…`, place: '`keys`' }, suggestions: [{ messageId: 'useEnv', data: { envName: 'SENDGRID_API_KEY' }, output: `const keys = [process.env.SENDGRID_API_KEY, '${FAKE.openAiKey}', '${FAKE.npmToken}'];` }] },
        { messageId: 'providerSecret', line: 1, data: { kind: 'OpenAI API key', value: 'sk-p…', place: '`keys`' }, suggestions: [{ messageId: 'useEnv', data: { envName: 'OPENAI_API_KEY' }, output: `const keys = ['${FAKE.sendgridKey}', process.env.OPENAI_API_KEY, '${FAKE.npmToken}'];` }] },
        { messageId: 'providerSecret', line: 1, data: { kind: 'npm access token', value: 'npm_…', place: '`keys`' }, suggestions: [{ messageId: 'useEnv', data: { envName: 'NPM_TOKEN' }, output: `const keys = ['${FAKE.sendgridKey}', '${FAKE.openAiKey}', process.env.NPM_TOKEN];` }] },
      ],
    },
    {
      name: 'private key PEM block',
      code: `export const config = { jwtPrivateKey: '${PEM_PRIVATE}' };`,
      errors: [
        {
          messageId: 'providerSecret',
          line: 1,
          data: { kind: 'private key', value: '----…', place: '`config.jwtPrivateKey`' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'JWT_PRIVATE_KEY' }, output: 'export const config = { jwtPrivateKey: process.env.JWT_PRIVATE_KEY };' }],
        },
      ],
    },
    {
      name: 'signed service JWT',
      code: `const REPORTING_TOKEN = '${FAKE_JWT}';`,
      errors: [
        {
          messageId: 'providerSecret',
          line: 1,
          data: { kind: 'JSON Web Token', value: 'eyJh…', place: '`REPORTING_TOKEN`' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'REPORTING_TOKEN' }, output: 'const REPORTING_TOKEN = process.env.REPORTING_TOKEN;' }],
        },
      ],
    },
    {
      name: 'database URL with a password',
      code: `mongoose.connect('mongodb+srv://api:${FAKE.dbPassword}@cluster0.x1y2z.mongodb.net/prod');`,
      errors: [
        {
          messageId: 'providerSecret',
          line: 1,
          data: { kind: 'database URL with an inline password', value: 'mong…', place: 'a string literal' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'DATABASE_URL' }, output: 'mongoose.connect(process.env.DATABASE_URL);' }],
        },
      ],
    },
    {
      name: 'Azure storage connection string',
      code: `const conn = 'DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${FAKE.azureAccountKey};EndpointSuffix=core.windows.net';`,
      errors: [
        {
          messageId: 'providerSecret',
          line: 1,
          data: { kind: 'Azure storage account key', value: FAKE.azureAccountKey.slice(0, 4) + '…', place: '`conn`' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'AZURE_STORAGE_CONNECTION_STRING' },
              output: 'const conn = `DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${process.env.AZURE_STORAGE_CONNECTION_STRING};EndpointSuffix=core.windows.net`;',
            },
          ],
        },
      ],
    },
    // --- Secret names and fallbacks ---------------------------------------------------------------
    {
      name: 'env fallback of a secret-named variable',
      code: `export const JWT_SECRET = process.env.JWT_SECRET || 'dev-secret';`,
      errors: [
        {
          messageId: 'envFallback',
          line: 1,
          data: { kind: 'JWT signing secret', value: 'dev-…', env: 'JWT_SECRET' },
          suggestions: [{ messageId: 'removeFallback', data: { env: 'JWT_SECRET' }, output: 'export const JWT_SECRET = process.env.JWT_SECRET;' }],
        },
      ],
    },
    {
      // A zod schema that parses process.env: a field's default is what the variable falls back to.
      name: 'default of an environment schema field',
      code: `import { z } from 'zod';
const EnvSchema = z.object({ PORT: z.coerce.number().default(3000), COOKIE_SECRET: z.string().default('dev-secret') });
export const config = EnvSchema.parse(process.env);`,
      errors: [{ messageId: 'namedSecret', line: 2, data: { kind: 'cookie secret', value: 'dev-…', name: 'COOKIE_SECRET' }, suggestions: [{ messageId: 'removeDefault', data: { env: 'COOKIE_SECRET' }, output: `import { z } from 'zod';
const EnvSchema = z.object({ PORT: z.coerce.number().default(3000), COOKIE_SECRET: z.string() });
export const config = EnvSchema.parse(process.env);` }] }],
    },
    {
      // The suggestion drops only the default, and the rest of the chain stays.
      name: 'default of an environment schema field, inside a chain',
      code: `import { z } from 'zod';
export const env = z.object({ SESSION_SECRET: z.string().default('n0t-so-s3cret-session-key').min(16) }).parse(process.env);`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 2,
          data: { kind: 'session secret', value: 'n0t-…', name: 'SESSION_SECRET' },
          suggestions: [
            {
              messageId: 'removeDefault',
              data: { env: 'SESSION_SECRET' },
              output: `import { z } from 'zod';
export const env = z.object({ SESSION_SECRET: z.string().min(16) }).parse(process.env);`,
            },
          ],
        },
      ],
    },
    {
      name: 'short env fallback',
      code: `export default registerAs('jwt', () => ({ secret: process.env.JWT_SECRET || 'dev' }));`,
      errors: [
        {
          messageId: 'envFallback',
          line: 1,
          data: { kind: 'JWT signing secret', value: 'd…', env: 'JWT_SECRET' },
          suggestions: [{ messageId: 'removeFallback', data: { env: 'JWT_SECRET' }, output: "export default registerAs('jwt', () => ({ secret: process.env.JWT_SECRET }));" }],
        },
      ],
    },
    {
      name: 'basic credentials encoded into an Authorization header',
      code: `const auth = 'Basic ' + Buffer.from('reporting:Vx7-q2Lm-9pZt').toString('base64');
await fetch(url, { headers: { Authorization: auth } });`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 1,
          data: { kind: 'API credential', value: 'repo…', sink: 'the `Authorization` header at line 2', through: ' in `auth`' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'API_TOKEN' },
              output: `const auth = 'Basic ' + Buffer.from(process.env.API_TOKEN).toString('base64');
await fetch(url, { headers: { Authorization: auth } });`,
            },
          ],
        },
      ],
    },
    {
      name: 'function that returns a secret',
      code: `export function getSigningSecret(): string {
  return 'mK8#vQ2!pL5z-77';
}`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 2,
          data: { kind: 'signing secret', value: 'mK8#…', name: 'getSigningSecret' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'SIGNING_SECRET' },
              output: `export function getSigningSecret(): string {
  return process.env.SIGNING_SECRET;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'custom secret header',
      code: `await got.post(url, { headers: { 'X-Internal-Api-Key': 'int-5c1d9e7f3a2b' } });`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 1,
          data: { kind: 'API key', value: 'int-…', sink: 'the `X-Internal-Api-Key` header', through: '' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'API_KEY' }, output: "await got.post(url, { headers: { 'X-Internal-Api-Key': process.env.API_KEY } });" }],
        },
      ],
    },
    {
      name: 'config service default value',
      code: `const apiKey = this.config.get<string>('PARTNER_API_KEY', 'f00dfeed-cafe-4bad');`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 1,
          data: { kind: 'API key', value: 'f00d…', name: 'apiKey' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'PARTNER_API_KEY' }, output: "const apiKey = this.config.get<string>('PARTNER_API_KEY', process.env.PARTNER_API_KEY);" }],
        },
      ],
    },
    {
      name: 'secret-named constant',
      code: `const clientSecret = 'e3b0c44298fc1c149afb';`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 1,
          data: { kind: 'OAuth client secret', value: 'e3b0…', name: 'clientSecret' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'CLIENT_SECRET' }, output: 'const clientSecret = process.env.CLIENT_SECRET;' }],
        },
      ],
    },
    {
      name: 'class field',
      code: `export class MapsClient {
  private readonly apiKey = 'mK8#vQ2!pL5z';
}`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 2,
          data: { kind: 'API key', value: 'mK8#…', name: 'apiKey' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'API_KEY' },
              output: `export class MapsClient {
  private readonly apiKey = process.env.API_KEY;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'parameter default',
      code: `export function connect(host: string, password = 'Summer2024!') { return open(host, password); }`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 1,
          data: { kind: 'password', value: 'Summ…', name: 'password' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'PASSWORD' }, output: "export function connect(host: string, password = process.env.PASSWORD) { return open(host, password); }" }],
        },
      ],
    },
    {
      name: 'destructuring default from process.env',
      code: `const { DB_PASSWORD = 'p4ssw0rd-prod' } = process.env;`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 1,
          data: { kind: 'password', value: 'p4ss…', name: 'DB_PASSWORD' },
          suggestions: [{ messageId: 'removeDefault', data: { env: 'DB_PASSWORD' }, output: 'const { DB_PASSWORD } = process.env;' }],
        },
      ],
    },
    {
      name: 'Joi default of a secret config key',
      code: `import Joi from 'joi';
export const envSchema = Joi.object({ JWT_SECRET: Joi.string().default('s3cret-signing-key').required() });`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 2,
          data: { kind: 'JWT signing secret', value: 's3cr…', name: 'JWT_SECRET' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'JWT_SECRET' },
              output: `import Joi from 'joi';
export const envSchema = Joi.object({ JWT_SECRET: Joi.string().default(process.env.JWT_SECRET).required() });`,
            },
          ],
        },
      ],
    },
    {
      name: 'database password in an ORM config',
      code: `export default { type: 'postgres', host: 'db.internal', username: 'app', password: 'tiger-lily-77' };`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 1,
          data: { kind: 'password', value: 'tige…', name: 'password' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'PASSWORD' }, output: "export default { type: 'postgres', host: 'db.internal', username: 'app', password: process.env.PASSWORD };" }],
        },
      ],
    },
    {
      // The twin of the 'autoLogin' marker: a random value under the same name.
      name: 'a random token assigned to a store',
      code: `export function onLogin(store) { store.token = 'q7Rk2vXp9LmZ4tWb8sYc'; }`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 1,
          data: { kind: 'token', value: 'q7Rk…', name: 'store.token' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'STORE_TOKEN' }, output: 'export function onLogin(store) { store.token = process.env.STORE_TOKEN; }' }],
        },
      ],
    },
    {
      name: 'a plain-word token under a name that is no lexer position',
      code: `export const deployToken = 'supersecretdeploytoken';`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 1,
          data: { kind: 'token', value: 'supe…', name: 'deployToken' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'DEPLOY_TOKEN' }, output: 'export const deployToken = process.env.DEPLOY_TOKEN;' }],
        },
      ],
    },
    {
      name: 'a sigil-led password that is not words',
      code: `export const admin = { password: '?Xk9mQ2vL7pR4wZt' };`,
      errors: [
        {
          messageId: 'namedSecret',
          line: 1,
          data: { kind: 'password', value: '?Xk9…', name: 'admin.password' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'ADMIN_PASSWORD' }, output: 'export const admin = { password: process.env.ADMIN_PASSWORD };' }],
        },
      ],
    },
    // --- Test files, options ----------------------------------------------------------------------
    {
      name: 'live provider key in a test file',
      filename: 'test/fixtures/aws.ts',
      code: `export const creds = { accessKeyId: '${AWS_ID}' };`,
      errors: [
        {
          messageId: 'providerSecret',
          line: 1,
          data: { kind: 'AWS access key id', value: 'AKIA…', place: '`creds.accessKeyId`' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'AWS_ACCESS_KEY_ID' }, output: 'export const creds = { accessKeyId: process.env.AWS_ACCESS_KEY_ID };' }],
        },
      ],
    },
    {
      name: "testFiles: 'report'",
      filename: 'src/auth.spec.ts',
      options: [{ testFiles: 'report' }],
      code: `import jwt from 'jsonwebtoken';
const token = jwt.sign({ sub: 1 }, 'integration-signing-key');`,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 2,
          data: { kind: 'JWT signing secret', value: 'inte…', sink: '`jwt.sign`', through: '' },
          suggestions: [
            {
              messageId: 'useEnv',
              data: { envName: 'JWT_SECRET' },
              output: `import jwt from 'jsonwebtoken';
const token = jwt.sign({ sub: 1 }, process.env.JWT_SECRET);`,
            },
          ],
        },
      ],
    },
    {
      name: 'additionalPatterns',
      options: [{ additionalPatterns: [{ name: 'Acme deploy token', pattern: 'acme_dpl_[a-z0-9]{20}' }] }],
      code: `deploy({ target: 'prod', credential: 'acme_dpl_' + 'x', raw: 'acme_dpl_k2j4h6g8f0d2s4a6q8w0' });`,
      errors: [
        {
          messageId: 'providerSecret',
          line: 1,
          data: { kind: 'Acme deploy token', value: 'acme…', place: '`raw`' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'ACME_DEPLOY_TOKEN' }, output: "deploy({ target: 'prod', credential: 'acme_dpl_' + 'x', raw: process.env.ACME_DEPLOY_TOKEN });" }],
        },
      ],
    },
    {
      name: 'JSX attribute',
      filename: 'src/Map.tsx',
      code: `export const MapView = () => <GoogleMap apiKey="${GOOGLE}" zoom={3} />;`,
      errors: [
        {
          messageId: 'providerSecret',
          line: 1,
          data: { kind: 'Google API key', value: 'AIza…', place: '`apiKey`' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'GOOGLE_API_KEY' }, output: 'export const MapView = () => <GoogleMap apiKey={process.env.GOOGLE_API_KEY} zoom={3} />;' }],
        },
      ],
    },
  ],
  assertionOptions: { requireData: true },
});
