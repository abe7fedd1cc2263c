/**
 * Every security-header catalog row, with one snippet the row must find and a look-alike it must
 * not: the app factories, the browser evidence, and the security-header middleware.
 */
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { APP_FACTORIES, BROWSER_EVIDENCE, SECURITY_HEADER_MIDDLEWARE, SECURITY_HEADER_NAMES } from '../../src/catalog/security-headers.js';
import type { AnalysisContext, TsApi } from '../../src/core/context.js';
import { getUnprotectedApps } from '../../src/model/security-headers.js';

const tsApi = ts as unknown as TsApi;
let counter = 0;

/** The app rows and evidence labels reported for a snippet (per file). */
function unprotected(code: string): { apps: string[]; evidence: string[] } {
  const sourceFile = tsApi.createSourceFile(`sample-${counter++}.ts`, code, tsApi.ScriptTarget.Latest, true, tsApi.ScriptKind.TS);
  const ctx = { ts: tsApi, sourceFile, settings: {}, getChecker: () => undefined } as unknown as AnalysisContext;
  const found = getUnprotectedApps(ctx);
  return { apps: found.map((f) => f.app.row.name), evidence: found.map((f) => f.evidence) };
}

const VIEWS = `app.set('view engine', 'pug');`;

const FACTORY_SAMPLES: Record<(typeof APP_FACTORIES)[number]['name'], { hit: string; miss: string }> = {
  'express-app': { hit: `import express from 'express'; const app = express(); ${VIEWS}`, miss: `import express from './express'; const app = express(); ${VIEWS}` },
  'fastify-app': { hit: `import { fastify } from 'fastify'; const app = fastify(); ${VIEWS}`, miss: `import { fastify } from 'fastify-plugin'; const app = fastify(); ${VIEWS}` },
  'nest-app': {
    hit: `import { NestFactory } from '@nestjs/core'; const app = await NestFactory.create(AppModule); ${VIEWS}`,
    miss: `import { NestFactory } from '@nestjs/core'; const app = await NestFactory.createApplicationContext(AppModule); ${VIEWS}`,
  },
  'nest-fastify-app': {
    hit: `import { NestFactory } from '@nestjs/core'; import { FastifyAdapter } from '@nestjs/platform-fastify'; const app = await NestFactory.create(AppModule, new FastifyAdapter()); ${VIEWS}`,
    miss: `import { NestFactory } from '@nestjs/core'; import { ExpressAdapter } from '@nestjs/platform-express'; const app = await NestFactory.create(AppModule, new ExpressAdapter()); ${VIEWS}`,
  },
};

const APP = `import express from 'express'; import Fastify from 'fastify'; const app = express(); `;

const EVIDENCE_SAMPLES: Record<(typeof BROWSER_EVIDENCE)[number]['name'], { hit: string; miss: string }> = {
  'express-view-engine': { hit: `app.set('view engine', 'ejs');`, miss: `app.set('trust proxy', 1);` },
  'render-template': { hit: `app.get('/', (req, res) => res.render('home'));`, miss: `app.get('/', (req, res) => res.render(page));` },
  'fastify-reply-view': { hit: `app.get('/', (req, reply) => reply.view('home.ejs'));`, miss: `app.get('/', (req, reply) => reply.view(template));` },
  'nest-view-engine': { hit: `app.setViewEngine('hbs');`, miss: `app.setGlobalPrefix('api');` },
  'nest-render': {
    hit: `import { Render } from '@nestjs/common'; class C { @Render('index') root() { return {}; } }`,
    miss: `import { Render } from './render'; class C { @Render('index') root() { return {}; } }`,
  },
  'fastify-view': { hit: `import view from '@fastify/view'; app.register(view, { engine });`, miss: `import swagger from '@fastify/swagger'; app.register(swagger, { engine });` },
  'express-static': { hit: `app.use(express.static('public'));`, miss: `app.use(express.json());` },
  'serve-static': { hit: `import serveStatic from 'serve-static'; app.use(serveStatic('public'));`, miss: `import compression from 'compression'; app.use(compression('public'));` },
  'nest-static-assets': { hit: `app.useStaticAssets('public');`, miss: `app.useGlobalPipes(pipe);` },
  'fastify-static': { hit: `app.register(require('@fastify/static'), { root });`, miss: `app.register(require('@fastify/multipart'), { root });` },
  'express-session': { hit: `import session from 'express-session'; app.use(session({ secret }));`, miss: `import rateLimit from 'express-rate-limit'; app.use(rateLimit({ secret }));` },
  'fastify-session': {
    hit: `import secureSession from '@fastify/secure-session'; app.register(secureSession, { key });`,
    miss: `import fastifyJwt from '@fastify/jwt'; app.register(fastifyJwt, { key });`,
  },
  'session-cookie': { hit: `app.get('/login', (req, reply) => reply.setCookie('sessionId', id, { httpOnly: true }));`, miss: `app.get('/login', (req, res) => res.cookie('refresh_token', token, { httpOnly: true }));` },
};

const MIDDLEWARE_SAMPLES: Record<(typeof SECURITY_HEADER_MIDDLEWARE)[number]['name'], { applied: string; other: string }> = {
  helmet: { applied: `import helmet from 'helmet'; app.use(helmet());`, other: `import morgan from 'morgan'; app.use(morgan());` },
  'fastify-helmet': { applied: `app.register(require('@fastify/helmet'));`, other: `app.register(require('@fastify/compress'));` },
  lusca: { applied: `const lusca = require('lusca'); app.use(lusca.xframe('SAMEORIGIN'));`, other: `const csurf = require('csurf'); app.use(csurf());` },
};

describe('security-header catalog: app factories', () => {
  for (const row of APP_FACTORIES) {
    it(`${row.name} finds its sample`, () => expect(unprotected(FACTORY_SAMPLES[row.name].hit).apps).toContain(row.name));
    it(`${row.name} ignores its look-alike`, () => expect(unprotected(FACTORY_SAMPLES[row.name].miss).apps).not.toContain(row.name));
  }
});

describe('security-header catalog: browser evidence', () => {
  for (const row of BROWSER_EVIDENCE) {
    it(`${row.name} finds its sample`, () => expect(unprotected(APP + EVIDENCE_SAMPLES[row.name].hit).evidence).toEqual([row.label]));
    it(`${row.name} ignores its look-alike`, () => expect(unprotected(APP + EVIDENCE_SAMPLES[row.name].miss).evidence).toEqual([]));
  }
});

describe('security-header catalog: middleware', () => {
  for (const row of SECURITY_HEADER_MIDDLEWARE) {
    it(`${row.name} counts as applied`, () => expect(unprotected(APP + VIEWS + MIDDLEWARE_SAMPLES[row.name].applied).apps).toEqual([]));
    it(`${row.name}: other middleware does not`, () => expect(unprotected(APP + VIEWS + MIDDLEWARE_SAMPLES[row.name].other).apps).toEqual(['express-app']));
  }
  for (const header of SECURITY_HEADER_NAMES) {
    it(`a hand-set ${header} header counts as applied`, () => expect(unprotected(`${APP}${VIEWS} app.use((req, res, next) => { res.set('${header}', value); next(); });`).apps).toEqual([]));
  }
  it('another hand-set header does not', () => expect(unprotected(`${APP}${VIEWS} app.use((req, res, next) => { res.set('X-Request-Id', id); next(); });`).apps).toEqual(['express-app']));
});
