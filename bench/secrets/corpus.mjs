/**
 * The secrets benchmark corpus, generated at run time into bench/.generated/secrets (git-ignored):
 * small Express, NestJS and Fastify apps with realistic config, auth, mail, storage and payment
 * modules, some holding hardcoded credentials and many holding look-alikes (i18n texts, hashes,
 * UUIDs, placeholders, publishable keys, test fixtures).
 *
 * Every fake secret is random (a seeded generator), shaped like its provider's format and valid for
 * nothing; none is written whole in this file, so secret scanners and push protection stay quiet on
 * the repository. Each labelled line ends with a comment:
 *
 *   // expect: <what>   a credential a secrets linter should report on this line
 *   // decoy: <what>    a look-alike it should not report
 *
 * Lines without a label should not be reported either.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const A = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  hex: '0123456789abcdef',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-',
};

/** A seeded source of fake values (mulberry32). */
function createFakes(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const chars = (n, alphabet) => {
    let out = '';
    for (let i = 0; i < n; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  const b64json = (value) => Buffer.from(JSON.stringify(value)).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const pem = (label, lines) => {
    const body = [];
    for (let i = 0; i < lines; i++) body.push(chars(64, A.base64));
    return [`-----BEGIN ${label}-----`, ...body, `-----END ${label}-----`].join('\\n');
  };
  return {
    chars,
    hex: (n) => chars(n, A.hex),
    uuid: () => `${chars(8, A.hex)}-${chars(4, A.hex)}-4${chars(3, A.hex)}-a${chars(3, A.hex)}-${chars(12, A.hex)}`,
    awsKeyId: () => 'AK' + 'IA' + chars(16, A.base32),
    awsSecret: () => chars(40, A.alnum),
    googleKey: () => 'AI' + 'za' + chars(35, A.alnum),
    githubToken: () => 'gh' + 'p_' + chars(36, A.alnum),
    slackBot: () => 'xo' + 'xb-' + chars(12, A.digits) + '-' + chars(13, A.digits) + '-' + chars(24, A.alnum),
    slackWebhook: () => 'https://hooks' + '.slack.com/services/T' + chars(8, A.upper) + '/B' + chars(9, A.upper) + '/' + chars(24, A.alnum),
    stripeLive: () => 'sk' + '_live_' + chars(24, A.alnum),
    stripePublishable: () => 'pk' + '_live_' + chars(24, A.alnum),
    sendgrid: () => 'S' + 'G.' + chars(22, A.base64url) + '.' + chars(43, A.base64url),
    openai: () => 'sk' + '-proj-' + chars(48, A.alnum),
    npm: () => 'np' + 'm_' + chars(36, A.alnum),
    twilioSid: () => 'A' + 'C' + chars(32, A.hex),
    privatePem: () => pem('RSA ' + 'PRIVATE KEY', 5),
    publicPem: () => pem('PUBLIC KEY', 3),
    jwt: () => `${b64json({ alg: 'HS256', typ: 'JWT' })}.${b64json({ sub: 'svc-billing', scope: 'invoices:write', iat: 1717171717 })}.${chars(43, A.base64url)}`,
    exampleJwt: () => `${b64json({ alg: 'HS256', typ: 'JWT' })}.${b64json({ sub: '1234567890', name: 'John Doe', iat: 1516239022 })}.${chars(43, A.base64url)}`,
    password: () => chars(6, A.alnum) + '-' + chars(6, A.alnum) + '!',
    sri: () => 'sha512-' + chars(86, A.base64) + '==',
    bcrypt: () => '$2b$10$' + chars(53, './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
  };
}

/** The files of one app set, keyed by path; values are the file text. */
function expressApp(f) {
  return {
    'express-shop/src/config.ts': `export const config = {
  port: Number(process.env.PORT ?? 3000),
  jwtSecret: process.env.JWT_SECRET || 'dev-${f.hex(8)}', // expect: env fallback
  sessionSecret: process.env.SESSION_SECRET ?? '', // decoy: empty fallback
  mongoUrl: process.env.MONGO_URL || 'mongodb://127.0.0.1:27017/shop', // decoy: local database url
  stripe: {
    secretKey: process.env.STRIPE_SECRET_KEY || '${f.stripeLive()}', // expect: stripe live key
    publishableKey: '${f.stripePublishable()}', // decoy: publishable key
    webhookTolerance: 300,
  },
  mail: { apiKey: process.env.SENDGRID_API_KEY ?? '<your-sendgrid-key>' }, // decoy: placeholder
  buildId: '${f.hex(40)}', // decoy: git sha
  tenantId: '${f.uuid()}', // decoy: uuid
};
`,
    'express-shop/src/auth/token.ts': `import jwt from 'jsonwebtoken';

const REFRESH_SECRET = '${f.hex(12)}-refresh'; // expect: jwt secret constant
const ACCESS_TOKEN_COOKIE = 'access_token'; // decoy: cookie name
const TOKEN_TTL = '15m';

export function issueRefresh(userId: string): string {
  return jwt.sign({ sub: userId, typ: 'refresh' }, REFRESH_SECRET, { expiresIn: '30d' });
}

export function cookieName(): string {
  return ACCESS_TOKEN_COOKIE + TOKEN_TTL;
}
`,
    'express-shop/src/app.ts': `import express from 'express';
import session from 'express-session';
import cookieParser from 'cookie-parser';
import { config } from './config.js';

export const app = express();
app.use(cookieParser('${f.chars(20, A.alnum)}')); // expect: cookie secret
app.use(session({ secret: config.sessionSecret, resave: false, saveUninitialized: false }));
app.post('/auth/reset-password', (req, res) => res.sendStatus(204)); // decoy: url path
`,
    'express-shop/src/services/storage.ts': `import { S3Client } from '@aws-sdk/client-s3';

export const s3 = new S3Client({
  region: 'eu-central-1',
  credentials: {
    accessKeyId: '${f.awsKeyId()}', // expect: aws key id
    secretAccessKey: '${f.awsSecret()}', // expect: aws secret key
  },
});
export const bucket = process.env.UPLOAD_BUCKET ?? 'shop-uploads'; // decoy: bucket name fallback
`,
    'express-shop/src/services/mailer.ts': `import sgMail from '@sendgrid/mail';

const FALLBACK_KEY = '${f.sendgrid()}'; // expect: sendgrid key
sgMail.setApiKey(process.env.SENDGRID_API_KEY || FALLBACK_KEY);

export const templates = {
  passwordReset: 'Reset your password', // decoy: i18n subject
  passwordChanged: 'Your password was changed. If this was not you, contact support.', // decoy: i18n text
  welcome: 'Welcome to the shop',
};
`,
    'express-shop/src/services/github.ts': `import axios from 'axios';

export const github = axios.create({
  baseURL: 'https://api.github.com',
  headers: { Authorization: 'token ${f.githubToken()}' }, // expect: github token header
});
`,
    'express-shop/src/i18n/en.ts': `export const en = {
  password: 'Password', // decoy: label
  passwordHint: 'At least 12 characters, one digit and one symbol', // decoy: hint
  passwordTooShort: 'Password must be at least 12 characters', // decoy: validation message
  token: 'Your session has expired, please sign in again', // decoy: message under a secret name
  apiKey: 'API key', // decoy: label under a secret name
  secret: 'Keep this secret safe', // decoy: text under a secret name
};
`,
    'express-shop/src/models/user.ts': `import { Schema, model } from 'mongoose';

export const PASSWORD_PATTERN = '^(?=.*[A-Z])(?=.*\\\\d)(?=.*[^A-Za-z0-9]).{12,}$'; // decoy: regex
const userSchema = new Schema({
  email: { type: String, required: true, unique: true },
  password: { type: String, required: true, select: false, match: new RegExp(PASSWORD_PATTERN) },
  role: { type: String, enum: ['customer', 'admin'], default: 'customer' },
});
export const User = model('User', userSchema);
export const demoUser = { email: 'demo@shop.example', passwordHash: '${f.bcrypt()}' }; // decoy: bcrypt hash
`,
    'express-shop/src/lockfile-info.ts': `export const pinned = {
  express: { version: '4.19.2', integrity: '${f.sri()}' }, // decoy: integrity hash
  jsonwebtoken: { version: '9.0.2', integrity: '${f.sri()}' }, // decoy: integrity hash
};
`,
    'express-shop/src/routes/webhooks.ts': `import { Router } from 'express';
import { createHmac, timingSafeEqual } from 'node:crypto';

export const webhooks = Router();
webhooks.post('/payments', (req, res) => {
  const expected = createHmac('sha256', process.env.PAYMENTS_WEBHOOK_SECRET ?? '').update(req.body).digest(); // decoy: env hmac key
  const given = Buffer.from(String(req.headers['x-signature'] ?? ''), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return res.sendStatus(401);
  res.sendStatus(204);
});
`,
    'express-shop/test/auth.test.ts': `import jwt from 'jsonwebtoken';
import { describe, it, expect } from 'vitest';

const TEST_SECRET = 'integration-signing-key'; // decoy: test secret in a test file
const fixtureUser = { email: 'a@b.c', password: 'Sup3r-Secret!' }; // decoy: test password in a test file

describe('token', () => {
  it('signs', () => {
    expect(jwt.sign({ sub: fixtureUser.email }, TEST_SECRET)).toBeTruthy();
  });
});
`,
    'express-shop/test/fixtures/cloud.ts': `export const leakedInFixture = { accessKeyId: '${f.awsKeyId()}' }; // expect: live provider key in a fixture
`,
  };
}

function nestApp(f) {
  return {
    'nest-clinic/src/auth/auth.module.ts': `import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';

@Module({
  imports: [
    PassportModule,
    JwtModule.register({
      secret: '${f.hex(24)}', // expect: jwt module secret
      signOptions: { expiresIn: '1h', issuer: 'clinic' },
    }),
  ],
})
export class AuthModule {}
`,
    'nest-clinic/src/auth/jwt.strategy.ts': `import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor() {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: process.env.JWT_SECRET ?? '${f.hex(16)}', // expect: strategy fallback
      ignoreExpiration: false,
    });
  }

  validate(payload: { sub: string }) {
    return { id: payload.sub };
  }
}
`,
    'nest-clinic/src/config/configuration.ts': `export default () => ({
  database: {
    host: process.env.DB_HOST ?? 'localhost',
    password: process.env.DB_PASSWORD, // decoy: env read
    ssl: process.env.DB_SSL === 'true',
  },
  jwt: { secret: process.env.JWT_SECRET, expiresIn: '1h' },
  fhir: { clientSecret: 'changeme' }, // decoy: placeholder
  sentryDsn: process.env.SENTRY_DSN,
});
`,
    'nest-clinic/src/app.module.ts': `import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      host: 'db.clinic.internal',
      username: 'clinic',
      password: '${f.password()}', // expect: database password
      database: 'clinic',
    }),
  ],
})
export class AppModule {}
`,
    'nest-clinic/src/patients/dto/create-patient.dto.ts': `import { IsEmail, IsString, Matches, MinLength } from 'class-validator';

export class CreatePatientDto {
  @IsEmail({}, { message: 'Please provide a valid email address' })
  email!: string;

  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters long' }) // decoy: validation message
  @Matches(/[0-9]/, { message: 'password must contain a digit' }) // decoy: validation message
  password!: string;
}
`,
    'nest-clinic/src/webhooks/lab.controller.ts': `import { Body, Controller, Headers, Post, UnauthorizedException } from '@nestjs/common';
import { createHmac } from 'crypto';

@Controller('webhooks/lab')
export class LabWebhookController {
  @Post()
  receive(@Body() raw: string, @Headers('x-lab-signature') signature: string) {
    const expected = createHmac('sha256', '${f.hex(32)}').update(raw).digest('hex'); // expect: hmac key
    if (expected !== signature) throw new UnauthorizedException('Invalid signature');
    return { ok: true };
  }
}
`,
    'nest-clinic/src/integrations/billing.service.ts': `import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';

@Injectable()
export class BillingService {
  private readonly serviceToken = '${f.jwt()}'; // expect: signed service jwt
  private readonly sampleToken = '${f.exampleJwt()}'; // decoy: documented example jwt

  constructor(private readonly http: HttpService) {}

  invoices() {
    return this.http.get('https://billing.internal/invoices', { headers: { Authorization: \`Bearer \${this.serviceToken}\` } });
  }
}
`,
    'nest-clinic/src/notifications/slack.service.ts': `import { Injectable } from '@nestjs/common';

@Injectable()
export class SlackService {
  private readonly webhookUrl = '${f.slackWebhook()}'; // expect: slack webhook
  private readonly channel = '#clinic-alerts';
}
`,
    'nest-clinic/test/app.e2e-spec.ts': `import request from 'supertest';

const ADMIN_PASSWORD = 'e2e-admin-password'; // decoy: test password in an e2e spec
it('logs in', () => request(app).post('/auth/login').send({ email: 'admin@clinic.test', password: ADMIN_PASSWORD }).expect(201));
`,
  };
}

function fastifyApp(f) {
  return {
    'fastify-fleet/src/config.ts': `export const config = {
  jwtPrivateKey: '${f.privatePem()}', // expect: private key
  jwtPublicKey: '${f.publicPem()}', // decoy: public key
  googleMapsKey: '${f.googleKey()}', // expect: google api key
  deviceKeyHeader: 'x-device-key', // decoy: header name
  telemetryKeyId: '${f.uuid()}', // decoy: key id uuid
  twilioAccountSid: '${f.twilioSid()}', // decoy: account sid (an id)
};
`,
    'fastify-fleet/src/plugins/auth.ts': `import fp from 'fastify-plugin';
import fastifyJwt from '@fastify/jwt';
import fastifyCookie from '@fastify/cookie';
import { config } from '../config.js';

export default fp(async (fastify) => {
  await fastify.register(fastifyCookie, { secret: '${f.chars(28, A.alnum)}' }); // expect: cookie plugin secret
  await fastify.register(fastifyJwt, { secret: { private: config.jwtPrivateKey, public: config.jwtPublicKey }, sign: { algorithm: 'RS256' } });
});
`,
    'fastify-fleet/src/services/notify.js': `const { WebClient } = require('@slack/web-api');

const SLACK_BOT_TOKEN = '${f.slackBot()}'; // expect: slack bot token
const slack = new WebClient(SLACK_BOT_TOKEN);

module.exports = {
  notify: (text) => slack.chat.postMessage({ channel: '#fleet', text }),
  placeholderToken: 'xoxb-your-token-here', // decoy: placeholder token
};
`,
    'fastify-fleet/src/services/ai.ts': `import OpenAI from 'openai';

export const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY ?? '${f.openai()}' }); // expect: openai key fallback
export const models = { summary: 'gpt-4o-mini', embeddings: 'text-embedding-3-small' };
`,
    'fastify-fleet/src/db.ts': `import { Pool } from 'pg';

export const pool = new Pool({ connectionString: 'postgres://fleet:${f.chars(16, A.alnum)}@db.fleet.internal:5432/fleet' }); // expect: database url password
export const devUrl = 'postgres://postgres:postgres@localhost:5432/fleet_dev'; // decoy: local dev url
`,
    'fastify-fleet/src/release.ts': `export const npmrc = '//registry.npmjs.org/:_authToken=\${NPM_TOKEN}'; // decoy: npmrc placeholder
export const publishToken = '${f.npm()}'; // expect: npm token
export const checksums = ['${f.hex(64)}', '${f.hex(64)}']; // decoy: sha256 checksums
`,
    'fastify-fleet/src/schemas/driver.ts': `export const driverSchema = {
  type: 'object',
  required: ['name', 'licenseNumber'],
  properties: {
    name: { type: 'string', minLength: 1 },
    password: { type: 'string', minLength: 12, pattern: '^(?=.*[0-9]).{12,}$' }, // decoy: schema pattern
  },
  errorMessage: { properties: { password: 'Password must have 12 characters and a digit' } }, // decoy: error message
};
`,
  };
}

/**
 * Writes `apps` copies of the three apps (each with its own fakes) under `outDir` and returns the
 * labels: one entry per labelled line.
 */
export function generateSecretsCorpus({ outDir, seed = 798, apps = 3 }) {
  rmSync(outDir, { recursive: true, force: true });
  const labels = [];
  for (let i = 0; i < apps; i++) {
    const f = createFakes(seed + i);
    const files = { ...expressApp(f), ...nestApp(f), ...fastifyApp(f) };
    for (const [relative, text] of Object.entries(files)) {
      const file = path.join(outDir, `set-${i + 1}`, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      text.split('\n').forEach((line, index) => {
        const match = /\/\/ (expect|decoy): (.+)$/.exec(line);
        if (match) labels.push({ file, line: index + 1, kind: match[1], what: match[2] });
      });
    }
    for (const root of ['express-shop', 'nest-clinic', 'fastify-fleet']) {
      writeFileSync(
        path.join(outDir, `set-${i + 1}`, root, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, allowJs: true, experimentalDecorators: true, noEmit: true, skipLibCheck: true }, include: ['src/**/*', 'test/**/*'] }, null, 2),
      );
    }
  }
  return labels;
}
