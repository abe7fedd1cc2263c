/**
 * Every credential sink, row by row: a snippet where the row receives the literal `'M'`, and a
 * look-alike where it does not (another module, another argument, another option).
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  CREDENTIAL_CALL_SINKS,
  CREDENTIAL_HEADERS,
  CREDENTIAL_PLUGIN_SINKS,
  findCredentialHeader,
  matchesCalleePattern,
  matchesSinkModule,
} from '../../src/catalog/credential-sinks.js';
import type { TsApi } from '../../src/core/context.js';
import { getCredentialUses } from '../../src/secrets/credential-uses.js';
import { resolveStringOrigins } from '../../src/secrets/string-origins.js';

const tsApi = ts as unknown as TsApi;

/** True when `row` receives the literal 'M' somewhere in `code`. */
function rowReceivesMarker(row: string, code: string): boolean {
  const sourceFile = tsApi.createSourceFile('sample.ts', code, tsApi.ScriptTarget.Latest, true, tsApi.ScriptKind.TS);
  return getCredentialUses(tsApi, sourceFile)
    .filter((use) => use.row === row)
    .some((use) => use.paths.some((path) => resolveStringOrigins(tsApi, sourceFile, use.argument, path, undefined).some((o) => o.literal.text === 'M')));
}

interface Sample {
  readonly hit: string;
  readonly miss: string;
}

const CALL_SAMPLES = {
  'jsonwebtoken-sign-verify': { hit: `import jwt from 'jsonwebtoken'; jwt.sign(p, 'M');`, miss: `import jwt from './local-jwt'; jwt.sign(p, 'M');` },
  'jwt-simple-encode-decode': { hit: `import jwt from 'jwt-simple'; jwt.encode(p, 'M');`, miss: `import jwt from 'jwt-simple'; jwt.version('M', 'M');` },
  'jose-verify': { hit: `import { jwtVerify } from 'jose'; await jwtVerify(token, new TextEncoder().encode('M'));`, miss: `import { decodeJwt } from 'jose'; decodeJwt('M', 'M');` },
  'jose-sign': {
    hit: `import { SignJWT } from 'jose'; await new SignJWT(p).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().sign(new TextEncoder().encode('M'));`,
    miss: `import { SignJWT } from 'jose'; new SignJWT(p).setSubject('M');`,
  },
  'nestjs-jwt-module': { hit: `import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ secret: 'M' });`, miss: `import { JwtModule } from '@nestjs/jwt'; JwtModule.register({ signOptions: { issuer: 'M' } });` },
  'nestjs-jwt-service-new': { hit: `import { JwtService } from '@nestjs/jwt'; new JwtService({ secret: 'M' });`, miss: `import { JwtService } from '@nestjs/jwt'; new JwtService({ signOptions: { audience: 'M' } });` },
  'jwt-service-sign-options': {
    hit: `class S { constructor(private jwtService: JwtService) {} t() { return this.jwtService.sign(p, { secret: 'M' }); } }`,
    miss: `class S { constructor(private mailer: Mailer) {} t() { return this.mailer.sign(p, { secret: 'M' }); } }`,
  },
  'express-jwt': { hit: `import { expressjwt } from 'express-jwt'; app.use(expressjwt({ secret: 'M', algorithms: ['HS256'] }));`, miss: `import { expressjwt } from 'express-jwt'; expressjwt({ algorithms: ['M'] });` },
  'passport-jwt-strategy': { hit: `const { Strategy } = require('passport-jwt'); new Strategy({ secretOrKey: 'M' }, verify);`, miss: `const { Strategy } = require('passport-local'); new Strategy({ secretOrKey: 'M' }, verify);` },
  'passport-oauth-strategy': {
    hit: `import { Strategy as GoogleStrategy } from 'passport-google-oauth20'; new GoogleStrategy({ clientID: 'id', clientSecret: 'M', callbackURL: '/cb' }, verify);`,
    miss: `import { Strategy as GoogleStrategy } from 'passport-google-oauth20'; new GoogleStrategy({ clientID: 'M', callbackURL: '/cb' }, verify);`,
  },
  'express-session': { hit: `import session from 'express-session'; session({ secret: 'M' });`, miss: `import session from 'express-session'; session({ name: 'M' });` },
  'cookie-session': { hit: `import cookieSession from 'cookie-session'; cookieSession({ keys: ['M'] });`, miss: `import cookieSession from 'cookie-session'; cookieSession({ name: 'M' });` },
  'cookie-parser': { hit: `import cookieParser from 'cookie-parser'; cookieParser('M');`, miss: `import bodyParser from 'body-parser'; bodyParser('M');` },
  'iron-session': { hit: `import { getIronSession } from 'iron-session'; getIronSession(req, res, { password: 'M', cookieName: 'sid' });`, miss: `import { getIronSession } from 'iron-session'; getIronSession(req, res, { cookieName: 'M' });` },
  'express-basic-auth': { hit: `import basicAuth from 'express-basic-auth'; basicAuth({ users: { admin: 'M' } });`, miss: `import basicAuth from 'express-basic-auth'; basicAuth({ realm: 'M' });` },
  'crypto-create-hmac': { hit: `import { createHmac } from 'node:crypto'; createHmac('sha256', 'M');`, miss: `import { createHash } from 'node:crypto'; createHash('M');` },
  'crypto-cipher-key': { hit: `import crypto from 'crypto'; crypto.createCipheriv('aes-256-gcm', 'M', iv);`, miss: `import crypto from 'crypto'; crypto.createCipheriv('M', key, iv);` },
  'crypto-secret-key': { hit: `import { createSecretKey } from 'crypto'; createSecretKey(Buffer.from('M'));`, miss: `import { createPublicKey } from 'crypto'; createPublicKey('M');` },
  'crypto-key-derivation': { hit: `import { scryptSync } from 'crypto'; scryptSync('M', salt, 32);`, miss: `import { scryptSync } from 'crypto'; scryptSync(password, 'M', 32);` },
  'crypto-js-cipher': { hit: `import CryptoJS from 'crypto-js'; CryptoJS.AES.encrypt(text, 'M');`, miss: `import CryptoJS from 'crypto-js'; CryptoJS.AES.encrypt('M', key);` },
  'crypto-js-hmac': { hit: `import CryptoJS from 'crypto-js'; CryptoJS.HmacSHA256(msg, 'M');`, miss: `import CryptoJS from 'crypto-js'; CryptoJS.SHA256('M', 'M');` },
  'stripe-client': { hit: `import Stripe from 'stripe'; new Stripe('M');`, miss: `import Stripe from 'stripe'; const stripe = new Stripe(key); stripe.customers.retrieve('M');` },
  'twilio-client': { hit: `import twilio from 'twilio'; twilio(sid, 'M');`, miss: `import twilio from 'twilio'; twilio('M');` },
  'sendgrid-set-api-key': { hit: `import sgMail from '@sendgrid/mail'; sgMail.setApiKey('M');`, miss: `import sgMail from '@sendgrid/mail'; sgMail.setSubstitutionWrappers('M', 'M');` },
  'openai-client': { hit: `import OpenAI from 'openai'; new OpenAI({ apiKey: 'M' });`, miss: `import OpenAI from 'openai'; new OpenAI({ organization: 'M' });` },
  'anthropic-client': { hit: `import Anthropic from '@anthropic-ai/sdk'; new Anthropic({ apiKey: 'M' });`, miss: `import Anthropic from '@anthropic-ai/sdk'; new Anthropic({ baseURL: 'M' });` },
  'google-generative-ai-client': {
    hit: `import { GoogleGenerativeAI } from '@google/generative-ai'; new GoogleGenerativeAI('M');`,
    miss: `import { GoogleGenerativeAI } from '@google/generative-ai'; new GoogleGenerativeAI(key).getGenerativeModel({ model: 'M' });`,
  },
  'google-genai-client': { hit: `import { GoogleGenAI } from '@google/genai'; new GoogleGenAI({ apiKey: 'M' });`, miss: `import { GoogleGenAI } from '@google/genai'; new GoogleGenAI({ project: 'M' });` },
  'slack-web-client': { hit: `import { WebClient } from '@slack/web-api'; new WebClient('M');`, miss: `import { WebClient } from '@slack/web-api'; new WebClient(token).chat.postMessage({ channel: 'M' });` },
  'slack-bolt-app': { hit: `import { App } from '@slack/bolt'; new App({ signingSecret: 'M', token });`, miss: `import { App } from '@slack/bolt'; new App({ appName: 'M' });` },
  'octokit-client': { hit: `import { Octokit } from '@octokit/rest'; new Octokit({ auth: 'M' });`, miss: `import { Octokit } from '@octokit/rest'; new Octokit({ userAgent: 'M' });` },
  'mailgun-js-client': {
    hit: `import Mailgun from 'mailgun.js'; const mailgun = new Mailgun(FormData); const mg = mailgun.client({ username: 'api', key: 'M' });`,
    miss: `import Mailgun from 'mailgun.js'; const mailgun = new Mailgun(FormData); const mg = mailgun.client({ username: 'M' });`,
  },
  'mailgun-legacy-client': { hit: `const mailgun = require('mailgun-js')({ apiKey: 'M', domain: 'mg.acme.io' });`, miss: `const mailgun = require('mailgun-js')({ domain: 'M' });` },
  'algolia-client': { hit: `import algoliasearch from 'algoliasearch'; algoliasearch('APPID', 'M');`, miss: `import algoliasearch from 'algoliasearch'; algoliasearch('M');` },
  'discord-client-login': {
    hit: `import { Client, GatewayIntentBits } from 'discord.js'; const client = new Client({ intents: [GatewayIntentBits.Guilds] }); client.login('M');`,
    miss: `import { Client } from 'discord.js'; const client = new Client({ intents: [] }); client.user.setActivity('M');`,
  },
  'telegram-bot': { hit: `import { Telegraf } from 'telegraf'; new Telegraf('M');`, miss: `import { Telegraf } from 'telegraf'; new Telegraf(token).command('M', handler);` },
  'stripe-webhook-construct-event': {
    hit: `import Stripe from 'stripe'; const stripe = new Stripe(key); stripe.webhooks.constructEvent(body, signature, 'M');`,
    miss: `import Stripe from 'stripe'; const stripe = new Stripe(key); stripe.webhooks.constructEvent('M', signature, secret);`,
  },
  'octokit-webhooks': { hit: `import { Webhooks } from '@octokit/webhooks'; new Webhooks({ secret: 'M' });`, miss: `import { Webhooks } from '@octokit/webhooks'; new Webhooks({ log: 'M' });` },
  'svix-webhook': { hit: `import { Webhook } from 'svix'; new Webhook('M').verify(payload, headers);`, miss: `import { Webhook } from 'svix'; new Webhook(secret).verify('M', headers);` },
  'aws-sdk-v3-client': {
    hit: `import { S3Client } from '@aws-sdk/client-s3'; new S3Client({ credentials: { accessKeyId: id, secretAccessKey: 'M' } });`,
    miss: `import { S3Client } from '@aws-sdk/client-s3'; new S3Client({ region: 'M' });`,
  },
  'aws-sdk-v2-config': { hit: `import AWS from 'aws-sdk'; AWS.config.update({ secretAccessKey: 'M' });`, miss: `import AWS from 'aws-sdk'; AWS.config.update({ region: 'M' });` },
  'aws-sdk-v2-credentials': { hit: `import AWS from 'aws-sdk'; new AWS.Credentials(id, 'M');`, miss: `import AWS from 'aws-sdk'; new AWS.Credentials('M');` },
  'nodemailer-transport': { hit: `import nodemailer from 'nodemailer'; nodemailer.createTransport({ host, auth: { user: 'u', pass: 'M' } });`, miss: `import nodemailer from 'nodemailer'; nodemailer.createTransport({ auth: { user: 'M' } });` },
  'sequelize-password-argument': { hit: `import { Sequelize } from 'sequelize'; new Sequelize('db', 'user', 'M', { dialect: 'postgres' });`, miss: `import { Sequelize } from 'sequelize'; new Sequelize('M');` },
  'sequelize-options': { hit: `import { Sequelize } from 'sequelize'; new Sequelize({ database: 'db', password: 'M' });`, miss: `import { Sequelize } from 'sequelize'; new Sequelize({ database: 'M' });` },
  'pg-client': { hit: `import { Pool } from 'pg'; new Pool({ password: 'M' });`, miss: `import { Pool } from 'pg'; new Pool({ user: 'M' });` },
  'mysql-connection': { hit: `import mysql from 'mysql2/promise'; await mysql.createPool({ password: 'M' });`, miss: `import mysql from 'mysql2/promise'; await mysql.createPool({ user: 'M' });` },
  'ioredis-client': { hit: `import Redis from 'ioredis'; new Redis({ password: 'M' });`, miss: `import Redis from 'ioredis'; new Redis({ host: 'M' });` },
  'redis-client': { hit: `import { createClient } from 'redis'; createClient({ password: 'M' });`, miss: `import { createClient } from 'redis'; createClient({ url: 'M' });` },
  'knex-connection': { hit: `import knex from 'knex'; knex({ client: 'pg', connection: { password: 'M' } });`, miss: `import knex from 'knex'; knex({ client: 'M' });` },
  'typeorm-data-source': { hit: `import { DataSource } from 'typeorm'; new DataSource({ type: 'postgres', password: 'M' });`, miss: `import { DataSource } from 'typeorm'; new DataSource({ type: 'M' });` },
  'nestjs-typeorm-module': {
    hit: `import { TypeOrmModule } from '@nestjs/typeorm'; TypeOrmModule.forRootAsync({ useFactory: () => ({ password: 'M' }) });`,
    miss: `import { TypeOrmModule } from '@nestjs/typeorm'; TypeOrmModule.forRoot({ database: 'M' });`,
  },
  'mongodb-client': { hit: `import { MongoClient } from 'mongodb'; new MongoClient(uri, { auth: { username: 'u', password: 'M' } });`, miss: `import { MongoClient } from 'mongodb'; new MongoClient(uri, { appName: 'M' });` },
} as const satisfies Record<(typeof CREDENTIAL_CALL_SINKS)[number]['name'], Sample>;

const PLUGIN_SAMPLES = {
  'fastify-jwt': { hit: `import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: { private: 'M', public: pub } });`, miss: `import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { secret: { public: 'M' } });` },
  'fastify-cookie': { hit: `app.register(require('@fastify/cookie'), { secret: 'M' });`, miss: `app.register(require('@fastify/cors'), { secret: 'M' });` },
  'fastify-session': { hit: `import fastifySession from '@fastify/session'; app.register(fastifySession, { secret: 'M' });`, miss: `import fastifySession from '@fastify/session'; app.register(fastifySession, { cookieName: 'M' });` },
  'fastify-secure-session': { hit: `app.register(import('@fastify/secure-session'), { secret: 'M', salt: 's' });`, miss: `app.register(import('@fastify/secure-session'), { cookieName: 'M' });` },
  'fastify-oauth2': {
    hit: `import oauthPlugin from '@fastify/oauth2'; app.register(oauthPlugin, { credentials: { client: { id: 'x', secret: 'M' } } });`,
    miss: `import oauthPlugin from '@fastify/oauth2'; app.register(oauthPlugin, { credentials: { client: { id: 'M' } } });`,
  },
} as const satisfies Record<(typeof CREDENTIAL_PLUGIN_SINKS)[number]['name'], Sample>;

const HEADER_SAMPLES = {
  'authorization-header': { hit: `fetch(u, { headers: { Authorization: 'M' } });`, miss: `fetch(u, { headers: { Accept: 'M' } });` },
  'api-key-header': { hit: `request(app).get('/x').set('X-API-Key', 'M');`, miss: `request(app).get('/x').set('X-Request-Id', 'M');` },
} as const satisfies Record<(typeof CREDENTIAL_HEADERS)[number]['name'], Sample>;

function checkRows(rows: readonly { readonly name: string }[], samples: Record<string, Sample>): void {
  it('has unique names and a sample for every row', () => {
    const names = rows.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(samples).sort()).toEqual([...names].sort());
  });
  for (const row of rows) {
    describe(row.name, () => {
      const sample = samples[row.name]!;
      it('receives the literal of its sample', () => {
        expect(rowReceivesMarker(row.name, sample.hit)).toBe(true);
      });
      it('does not receive the literal of its look-alike', () => {
        expect(rowReceivesMarker(row.name, sample.miss)).toBe(false);
      });
    });
  }
}

describe('CREDENTIAL_CALL_SINKS', () => checkRows(CREDENTIAL_CALL_SINKS, CALL_SAMPLES));
describe('CREDENTIAL_PLUGIN_SINKS', () => checkRows(CREDENTIAL_PLUGIN_SINKS, PLUGIN_SAMPLES));
describe('CREDENTIAL_HEADERS', () => checkRows(CREDENTIAL_HEADERS, HEADER_SAMPLES));

describe('sink matching helpers', () => {
  it('matches callee patterns', () => {
    expect(matchesCalleePattern('', [])).toBe(true);
    expect(matchesCalleePattern('sign', ['sign'])).toBe(true);
    expect(matchesCalleePattern('sign', ['verify'])).toBe(false);
    expect(matchesCalleePattern('JwtModule.register', ['JwtModule', 'register'])).toBe(true);
    expect(matchesCalleePattern('*', ['S3Client'])).toBe(true);
    expect(matchesCalleePattern('*', [])).toBe(false);
    expect(matchesCalleePattern('SignJWT.().**.sign', ['SignJWT', '()', 'sign'])).toBe(true);
    expect(matchesCalleePattern('SignJWT.().**.sign', ['SignJWT', '()', 'setIssuedAt', '()', 'sign'])).toBe(true);
    expect(matchesCalleePattern('SignJWT.().**.sign', ['SignJWT', 'sign'])).toBe(false);
  });
  it('matches modules with node: prefixes, subpaths and scopes', () => {
    expect(matchesSinkModule(['crypto'], 'node:crypto')).toBe(true);
    expect(matchesSinkModule(['mysql2'], 'mysql2/promise')).toBe(true);
    expect(matchesSinkModule(['@aws-sdk/*'], '@aws-sdk/client-s3')).toBe(true);
    expect(matchesSinkModule(['stripe'], 'stripe-mock')).toBe(false);
  });
  it('finds credential headers in any case', () => {
    expect(findCredentialHeader('Authorization')?.name).toBe('authorization-header');
    expect(findCredentialHeader('X-API-KEY')?.name).toBe('api-key-header');
    expect(findCredentialHeader('X-Request-Id')).toBeUndefined();
  });
});
