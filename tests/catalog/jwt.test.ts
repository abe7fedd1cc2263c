/**
 * Every JWT catalog row, with one snippet the row must find and a look-alike it must not (another
 * module, another member, a local helper of the same name).
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { JWT_CALLS, JWT_DEFAULTS, PUBLIC_KEY_TEXT, isNoneAlgorithm } from '../../src/catalog/jwt.js';
import type { TsApi } from '../../src/core/context.js';
import { getJwtUsage } from '../../src/model/jwt-usage.js';

const tsApi = ts as unknown as TsApi;

function parse(code: string): ts.SourceFile {
  return tsApi.createSourceFile('sample.ts', code, tsApi.ScriptTarget.Latest, true, tsApi.ScriptKind.TS);
}

function callRows(code: string): string[] {
  return getJwtUsage(tsApi, parse(code)).calls.map((c) => c.row.name);
}

function defaultRows(code: string): string[] {
  return getJwtUsage(tsApi, parse(code)).defaults.map((d) => d.row.name);
}

interface Sample {
  readonly hit: string;
  readonly miss: string;
}

const CALL_SAMPLES: Record<(typeof JWT_CALLS)[number]['name'], Sample> = {
  'jsonwebtoken-verify': { hit: `import jwt from 'jsonwebtoken'; jwt.verify(t, k);`, miss: `import jwt from 'jsonwebtoken'; jwt.sign(p, k);` },
  'jsonwebtoken-sign': { hit: `const { sign } = require('jsonwebtoken'); sign(p, k);`, miss: `const { sign } = require('./jsonwebtoken'); sign(p, k);` },
  'jsonwebtoken-decode': { hit: `import * as jwt from 'jsonwebtoken'; jwt.decode(t);`, miss: `import * as jwt from 'jwt-simple'; jwt.decode(t, k);` },
  'nestjs-jwt-service-verify': {
    hit: `import { JwtService } from '@nestjs/jwt'; class A { constructor(private jwt: JwtService) {} a() { return this.jwt.verifyAsync(t); } }`,
    miss: `import { ConfigService } from '@nestjs/config'; class A { constructor(private jwt: ConfigService) {} a() { return this.jwt.verifyAsync(t); } }`,
  },
  'nestjs-jwt-service-sign': {
    hit: `import { JwtService } from '@nestjs/jwt'; class A { constructor(private jwt: JwtService) {} a() { return this.jwt.sign(p); } }`,
    miss: `import { JwtService } from '@nestjs/jwt'; class A { constructor(private jwt: JwtService) {} a() { return this.jwt.options; } }`,
  },
  'nestjs-jwt-service-decode': {
    hit: `import { JwtService } from '@nestjs/jwt'; class A { constructor(private s: JwtService) {} a() { return this.s.decode(t); } }`,
    miss: `import { JwtService } from '@nestjs/jwt'; class A { constructor(private s: JwtService) {} a() { return this.s.verify(t).decode; } }`,
  },
  'passport-jwt-strategy': {
    hit: `import { Strategy } from 'passport-jwt'; class S extends PassportStrategy(Strategy) { constructor() { super({ secretOrKey: k }); } }`,
    miss: `import { Strategy } from 'passport-local'; class S extends PassportStrategy(Strategy) { constructor() { super({ usernameField: 'email' }); } }`,
  },
  'express-jwt': { hit: `import { expressjwt } from 'express-jwt'; app.use(expressjwt({ secret: k, algorithms: ['HS256'] }));`, miss: `import { UnauthorizedError } from 'express-jwt'; new UnauthorizedError('x', {});` },
  'fastify-jwt-sign': { hit: `reply.jwtSign({ sub: 1 });`, miss: `reply.send({ sub: 1 });` },
  'fastify-jwt-decode': { hit: `request.jwtDecode();`, miss: `request.jwtVerify();` },
  'jose-sign-jwt': { hit: `import { SignJWT } from 'jose'; new SignJWT(p).sign(k);`, miss: `import { EncryptJWT } from 'jose'; new EncryptJWT(p).encrypt(k);` },
  'jose-decode': { hit: `import { decodeJwt } from 'jose'; decodeJwt(t);`, miss: `import { decodeProtectedHeader } from 'jose'; decodeProtectedHeader(t);` },
  'jwt-decode': { hit: `import { jwtDecode } from 'jwt-decode'; jwtDecode(t);`, miss: `import { InvalidTokenError } from 'jwt-decode'; new InvalidTokenError('x');` },
};

const DEFAULT_SAMPLES: Record<(typeof JWT_DEFAULTS)[number]['name'], Sample> = {
  'nestjs-jwt-module': { hit: `import { JwtModule } from '@nestjs/jwt'; JwtModule.registerAsync({ useFactory: () => ({}) });`, miss: `import { PassportModule } from '@nestjs/passport'; PassportModule.register({});` },
  'fastify-jwt': { hit: `app.register(require('@fastify/jwt'), { secret: k });`, miss: `app.register(require('@fastify/cookie'), { secret: k });` },
};

describe('JWT catalog: call rows', () => {
  for (const row of JWT_CALLS) {
    const sample = CALL_SAMPLES[row.name];
    it(`${row.name} finds its sample`, () => expect(callRows(sample.hit)).toContain(row.name));
    it(`${row.name} ignores its look-alike`, () => expect(callRows(sample.miss)).not.toContain(row.name));
  }
});

describe('JWT catalog: configuration rows', () => {
  for (const row of JWT_DEFAULTS) {
    const sample = DEFAULT_SAMPLES[row.name];
    it(`${row.name} finds its sample`, () => expect(defaultRows(sample.hit)).toContain(row.name));
    it(`${row.name} ignores its look-alike`, () => expect(defaultRows(sample.miss)).not.toContain(row.name));
  }
});

describe('JWT catalog: key text and algorithms', () => {
  it('recognizes public keys, certificates and JWKS in key text', () => {
    expect(PUBLIC_KEY_TEXT.test(`fs.readFileSync('keys/jwt.pem')`)).toBe(true);
    expect(PUBLIC_KEY_TEXT.test('config.get("JWT_PUBLIC_KEY")')).toBe(true);
    expect(PUBLIC_KEY_TEXT.test('-----BEGIN CERTIFICATE-----')).toBe(true);
    expect(PUBLIC_KEY_TEXT.test('process.env.JWT_SECRET')).toBe(false);
    expect(PUBLIC_KEY_TEXT.test('config.jwt.secretKey')).toBe(false);
  });
  it('treats none in any case as no signature', () => {
    expect(isNoneAlgorithm('none')).toBe(true);
    expect(isNoneAlgorithm('None')).toBe(true);
    expect(isNoneAlgorithm('HS256')).toBe(false);
  });
});
