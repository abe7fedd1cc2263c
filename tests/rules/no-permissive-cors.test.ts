import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-permissive-cors.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils; the rule object is the same at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

ruleTester.run('no-permissive-cors', testedRule, {
  valid: [
    {
      // An allowlist array with credentials: only listed origins get the credentialed answer.
      name: 'express: allowlist array with credentials',
      code: `import cors from 'cors';
app.use(cors({ origin: ['https://app.example.com', 'https://admin.example.com'], credentials: true }));`,
    },
    {
      // A regex anchored to the domain at a dot and the end.
      name: 'express: anchored subdomain regex',
      code: `import cors from 'cors';
app.use(cors({ origin: /\\.example\\.com$/, credentials: true }));`,
    },
    {
      // A regex anchored at both ends with an optional www.
      name: 'express: fully anchored regex with an optional subdomain',
      code: `const cors = require('cors');
app.use(cors({ origin: [/^https:\\/\\/(www\\.)?example\\.com$/, 'http://localhost:3000'], credentials: true }));`,
    },
    {
      // A callback that checks a Set before allowing.
      name: 'express: callback checks a Set',
      code: `import cors from 'cors';
const ALLOWED = new Set(['https://app.example.com']);
app.use(cors({
  credentials: true,
  origin(origin, callback) {
    if (!origin || ALLOWED.has(origin)) return callback(null, true);
    callback(new Error('Not allowed by CORS'));
  },
}));`,
    },
    {
      // endsWith with the leading dot pins the registrable domain.
      name: 'express: callback with endsWith and a leading dot',
      code: `import cors from 'cors';
app.use(cors({ credentials: true, origin: (origin, cb) => cb(null, !origin || new URL(origin).hostname.endsWith('.example.com')) }));`,
    },
    {
      // Origins from the environment: a deployment decision, not visible in code.
      name: 'express: origins from an environment variable',
      code: `import cors from 'cors';
app.use(cors({ origin: process.env.CORS_ORIGINS.split(','), credentials: true }));`,
    },
    {
      // A wildcard without credentials: a public API, reported only with reportPublicOrigins.
      name: 'express: public API with the default wildcard',
      code: `import cors from 'cors';
app.use(cors());
app.use(cors({ origin: '*', methods: ['GET'] }));`,
    },
    {
      // origin: true without credentials: no cookies are sent, so it equals '*'.
      name: 'express: reflected origin without credentials',
      code: `import cors from 'cors';
router.get('/public/feed', cors({ origin: true }), handler);`,
    },
    {
      // Options held in a constant that lists origins.
      name: 'express: options from a constant',
      code: `import cors from 'cors';
const corsOptions = { origin: ['https://shop.example.com'], credentials: true, maxAge: 600 };
app.use(cors(corsOptions));`,
    },
    {
      // Options spread from an unknown object: the origin is not visible.
      name: 'express: spread of unknown options',
      code: `import cors from 'cors';
app.use(cors({ ...config.cors, credentials: true }));`,
    },
    {
      // A look-alike: a local module named cors.
      name: 'local cors helper is not the cors package',
      code: `import cors from './cors';
app.use(cors({ origin: true, credentials: true }));`,
    },
    {
      // Nest: enableCors with an allowlist and credentials.
      name: 'nest: enableCors with an allowlist',
      code: `import { NestFactory } from '@nestjs/core';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: ['https://app.example.com'], credentials: true });
  await app.listen(3000);
}`,
    },
    {
      // Nest: enableCors() without options is the public wildcard; reported only with reportPublicOrigins.
      name: 'nest: enableCors without options',
      code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule);
app.enableCors();`,
    },
    {
      // Nest: cors: true in the factory options is the public wildcard.
      name: 'nest: NestFactory.create with cors true',
      code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, { cors: true });`,
    },
    {
      // Fastify: a callback checking an array.
      name: 'fastify: origin callback with an array check',
      code: `import fastifyCors from '@fastify/cors';
const allowed = ['https://app.example.com'];
await app.register(fastifyCors, { credentials: true, origin: (origin, cb) => { if (allowed.includes(origin)) { cb(null, true); return; } cb(new Error('Not allowed'), false); } });`,
    },
    {
      // The hostname parsed from the origin is compared with a fixed name.
      name: 'fastify: callback that checks the parsed hostname',
      code: `import cors from '@fastify/cors';
fastify.register(cors, {
  credentials: true,
  origin: (origin, cb) => {
    const hostname = new URL(origin).hostname;
    if (hostname === 'localhost') { cb(null, true); return; }
    cb(new Error('Not allowed'), false);
  },
});`,
    },
    {
      // socket.io with an allowlist and credentials.
      name: 'socket.io: allowlisted origins',
      code: `const { Server } = require('socket.io');
const io = new Server(server, { cors: { origin: ['https://chat.example.com'], credentials: true } });`,
    },
    {
      // Hand-set header: the origin is compared with an allowlist first.
      name: 'express: echoed origin after an allowlist check',
      code: `const ALLOWED = ['https://app.example.com'];
app.use((req, res, next) => {
  const origin = req.headers.origin;
  if (ALLOWED.includes(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  next();
});`,
    },
    {
      // Hand-set header echoing the origin without credentials: no cookies, so it equals '*'.
      name: 'express: echoed origin without credentials',
      code: `app.use((req, res, next) => {
  res.header('Access-Control-Allow-Origin', req.headers.origin);
  next();
});`,
    },
    {
      // Reflection with credentials only in development: a local convenience, never in production.
      name: 'express: echoed origin behind a development check',
      code: `router.get('/events', (req, res) => {
  if (process.env.NODE_ENV === 'development') {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin || 'http://localhost:3000');
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
  res.write('data: connected');
});`,
    },
    {
      // A fixed origin with credentials.
      name: 'express: fixed origin header with credentials',
      code: `app.use((req, res, next) => {
  res.set({ 'Access-Control-Allow-Origin': 'https://app.example.com', 'Access-Control-Allow-Credentials': 'true' });
  next();
});`,
    },
  ],
  invalid: [
    {
      name: 'express: origin true with credentials',
      code: `import cors from 'cors';
app.use(cors({ origin: true, credentials: true }));`,
      errors: [{ messageId: 'reflectCredentials', data: { config: 'cors(…)', how: '`origin: true` reflects every origin' } }],
    },
    {
      name: 'express: wildcard with credentials',
      code: `const cors = require('cors');
app.use(cors({ origin: '*', credentials: true }));`,
      errors: [{ messageId: 'wildcardCredentials', data: { config: 'cors(…)', how: '`*` as the origin' } }],
    },
    {
      name: 'express: credentials without an origin (default wildcard)',
      code: `import corsMiddleware from 'cors';
app.use(corsMiddleware({ credentials: true }));`,
      errors: [{ messageId: 'wildcardCredentials', data: { config: 'corsMiddleware(…)', how: 'no `origin` (the default is `*`)' } }],
    },
    {
      name: 'express: callback that always allows',
      code: `import cors from 'cors';
app.use(cors({ credentials: true, origin: (origin, cb) => cb(null, true) }));`,
      errors: [{ messageId: 'reflectCredentials', data: { config: 'cors(…)', how: '`cb(null, true)` allows every origin' } }],
    },
    {
      name: 'express: callback that echoes the origin after a presence test',
      code: `import cors from 'cors';
const corsOptions = {
  credentials: true,
  origin: function (origin, callback) {
    if (!origin) return callback(null, true);
    callback(null, origin);
  },
};
app.use(cors(corsOptions));`,
      errors: [{ messageId: 'reflectCredentials' }],
    },
    {
      name: 'express: options constant with origin true',
      code: `import cors from 'cors';
const corsOptions = { origin: true, credentials: true };
app.options('*', cors(corsOptions));`,
      errors: [{ messageId: 'reflectCredentials' }],
    },
    {
      name: 'express: unanchored regex with credentials',
      code: `import cors from 'cors';
app.use(cors({ origin: /example\\.com/, credentials: true }));`,
      errors: [{ messageId: 'weakOriginCheck', data: { config: 'cors(…)', check: '/example\\.com/', why: 'is not anchored with `$`, so `https://example.com.evil.net` matches' } }],
    },
    {
      name: 'express: endsWith without the leading dot',
      code: `import cors from 'cors';
app.use(cors({
  credentials: true,
  origin: (origin, callback) => {
    if (origin && origin.endsWith('example.com')) return callback(null, true);
    callback(new Error('blocked'));
  },
}));`,
      errors: [{ messageId: 'weakOriginCheck', data: { config: 'cors(…)', check: "origin.endsWith('example.com')", why: 'also accepts `https://evilexample.com`' } }],
    },
    {
      name: 'express: endsWith on a hostname derived from the origin',
      code: `import cors from 'cors';
app.use(cors({
  credentials: true,
  origin(origin, callback) {
    const { hostname } = new URL(origin);
    callback(null, hostname.endsWith('trusted.io'));
  },
}));`,
      errors: [{ messageId: 'weakOriginCheck', data: { config: 'cors(…)', check: "hostname.endsWith('trusted.io')", why: 'also accepts `https://eviltrusted.io`' } }],
    },
    {
      name: 'express: includes on the origin string',
      code: `import cors from 'cors';
app.use(cors({ credentials: true, origin: (origin, cb) => cb(null, origin.includes('example.com')) }));`,
      errors: [{ messageId: 'weakOriginCheck' }],
    },
    {
      name: 'express: hand-set header echoing the origin with credentials',
      code: `app.use((req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  next();
});`,
      errors: [{ messageId: 'reflectCredentials', data: { config: "res.setHeader('Access-Control-Allow-Origin', req.headers.origin)", how: "the request's `Origin` header is echoed back unchecked" } }],
    },
    {
      name: 'express: hand-set headers in one object with req.get',
      code: `router.use(function (req, res, next) {
  const origin = req.get('Origin');
  res.set({ 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': true });
  next();
});`,
      errors: [{ messageId: 'reflectCredentials' }],
    },
    {
      name: 'express: preflight echoing the origin with a wildcard fallback',
      code: `router.options('/login', (req, res) => {
  res.header('Access-Control-Allow-Origin', req.headers.origin || '*');
  res.header('Access-Control-Allow-Credentials', 'true');
  res.sendStatus(204);
});`,
      errors: [{ messageId: 'reflectCredentials', line: 2 }],
    },
    {
      name: 'nest: enableCors with origin true and credentials',
      code: `import { NestFactory } from '@nestjs/core';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: true, credentials: true });
  await app.listen(3000);
}`,
      errors: [{ messageId: 'reflectCredentials', data: { config: 'app.enableCors(…)', how: '`origin: true` reflects every origin' } }],
    },
    {
      name: 'nest: NestFactory.create with a reflecting cors option',
      code: `import { NestFactory } from '@nestjs/core';
const app = await NestFactory.create(AppModule, { cors: { origin: (o, cb) => cb(null, o), credentials: true } });`,
      errors: [{ messageId: 'reflectCredentials' }],
    },
    {
      name: 'fastify: @fastify/cors with origin true and credentials',
      code: `import fastifyCors from '@fastify/cors';
await fastify.register(fastifyCors, { origin: true, credentials: true });`,
      errors: [{ messageId: 'reflectCredentials', data: { config: 'register(fastifyCors)', how: '`origin: true` reflects every origin' } }],
    },
    {
      name: 'fastify: require(@fastify/cors) with a wildcard and credentials',
      code: `fastify.register(require('@fastify/cors'), { origin: '*', credentials: true });`,
      errors: [{ messageId: 'wildcardCredentials' }],
    },
    {
      name: 'socket.io: reflected origin with credentials',
      code: `import { Server } from 'socket.io';
const io = new Server(httpServer, { cors: { origin: true, credentials: true } });`,
      errors: [{ messageId: 'reflectCredentials', data: { config: 'new Server(…)', how: '`origin: true` reflects every origin' } }],
    },
    {
      name: 'reportPublicOrigins: the public wildcard of cors() and enableCors()',
      code: `import cors from 'cors';
app.use(cors());
nestApp.enableCors();`,
      options: [{ reportPublicOrigins: true }],
      errors: [
        { messageId: 'publicOrigin', data: { config: 'cors()', how: 'the default origin `*` allows every site' } },
        { messageId: 'publicOrigin', data: { config: 'nestApp.enableCors()', how: 'the default origin `*` allows every site' } },
      ],
    },
  ],
});

ruleTester.run('no-permissive-cors: missing security headers', testedRule, {
  valid: [
    {
      // A pure JSON API: no views, static files or sessions, so browsers never render its answers.
      name: 'express: JSON API without helmet',
      code: `import express from 'express';
const app = express();
app.use(express.json());
app.get('/api/orders', (req, res) => res.json([]));
app.listen(3000);`,
    },
    {
      // helmet() applied before the views.
      name: 'express: views with helmet',
      code: `import express from 'express';
import helmet from 'helmet';
const app = express();
app.use(helmet());
app.set('view engine', 'pug');
app.get('/', (req, res) => res.render('home'));
app.listen(3000);`,
    },
    {
      // One helmet middleware on its own (contentSecurityPolicy) counts as applied; required with CommonJS.
      name: 'express: require(helmet).contentSecurityPolicy with static files',
      code: `const express = require('express');
const helmet = require('helmet');
const app = express();
app.use(helmet.contentSecurityPolicy({ directives: { defaultSrc: ["'self'"] } }));
app.use(express.static('public'));
app.listen(3000);`,
    },
    {
      // The app is exported: the module that imports it may add helmet.
      name: 'express: exported app with a session',
      code: `import express from 'express';
import session from 'express-session';
export const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));`,
    },
    {
      // The app is handed to a project module, which may apply helmet.
      name: 'express: app passed to a local setup function',
      code: `import express from 'express';
import { configureSecurity } from './security';
const app = express();
app.use(express.static('public'));
configureSecurity(app);
app.listen(3000);`,
    },
    {
      // A hand-written middleware sets Content-Security-Policy and X-Frame-Options.
      name: 'express: custom security header middleware',
      code: `import express from 'express';
const app = express();
app.use((req, res, next) => {
  res.setHeader('Content-Security-Policy', "default-src 'self'");
  res.setHeader('X-Frame-Options', 'DENY');
  next();
});
app.set('view engine', 'ejs');
app.listen(3000);`,
    },
    {
      // @fastify/helmet registered under an alias.
      name: 'fastify: @fastify/helmet with @fastify/static',
      code: `import Fastify from 'fastify';
import securityHeaders from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
const app = Fastify({ logger: true });
await app.register(securityHeaders);
await app.register(fastifyStatic, { root: '/srv/public' });
await app.listen({ port: 3000 });`,
    },
    {
      // Plugins loaded with @fastify/autoload come from other files, one of which may be helmet.
      name: 'fastify: autoloaded plugins',
      code: `import Fastify from 'fastify';
import autoload from '@fastify/autoload';
import fastifyView from '@fastify/view';
const app = Fastify();
await app.register(autoload, { dir: 'plugins' });
await app.register(fastifyView, { engine: { ejs } });
await app.listen({ port: 3000 });`,
    },
    {
      // lusca sets the same headers as helmet.
      name: 'express: lusca with a session',
      code: `import express from 'express';
import session from 'express-session';
import lusca from 'lusca';
const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));
app.use(lusca({ xframe: 'SAMEORIGIN', hsts: { maxAge: 31536000 } }));
app.listen(3000);`,
    },
    {
      // Nest main.ts with helmet applied to the app.
      name: 'nest: static assets with helmet',
      code: `import { NestFactory } from '@nestjs/core';
import helmet from 'helmet';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.use(helmet());
  app.useStaticAssets('public');
  await app.listen(3000);
}`,
    },
    {
      // The option turns the check off.
      name: 'requireSecurityHeaders: false',
      code: `import express from 'express';
const app = express();
app.set('view engine', 'pug');
app.listen(3000);`,
      options: [{ requireSecurityHeaders: false }],
    },
    {
      // The app is returned from a factory: the caller may apply helmet.
      name: 'express: app returned by createApp()',
      code: `import express from 'express';
export function createApp() {
  const app = express();
  app.use(express.static('public'));
  return app;
}`,
    },
    {
      // A project module mounted as plain middleware may be the one that sets the headers.
      name: 'express: project middleware mounted without a path',
      code: `import express from 'express';
import { securityHeaders } from './middleware/security-headers';
const app = express();
app.use(securityHeaders);
app.set('view engine', 'ejs');
app.listen(3000);`,
    },
    {
      // A refresh-token cookie on a JSON API is not a browser session.
      name: 'express: refresh token cookie only',
      code: `import express from 'express';
const app = express();
app.post('/auth/refresh', (req, res) => res.cookie('refresh_token', token, { httpOnly: true }).json({ ok: true }));
app.listen(3000);`,
    },
    {
      // A preview server that runs only in development.
      name: 'express: development-only static server',
      code: `import express from 'express';
if (process.env.NODE_ENV === 'development') {
  const preview = express();
  preview.use(express.static('dist'));
  preview.listen(5000);
}`,
    },
    {
      // Two apps in one file: the static files belong to the exported web app (which may get helmet elsewhere), not to the JSON API.
      name: 'express: JSON API next to an exported web app',
      code: `import express from 'express';
export const web = express();
web.use(express.static('public'));
const api = express();
api.get('/api/health', (req, res) => res.json({ ok: true }));
api.listen(3001);`,
    },
    {
      // Test servers are never reported.
      name: 'test file with views',
      filename: 'tests/app.test.ts',
      code: `import express from 'express';
const app = express();
app.set('view engine', 'pug');
app.listen(3000);`,
    },
  ],
  invalid: [
    {
      name: 'express: view engine without helmet',
      code: `import express from 'express';
const app = express();
app.set('view engine', 'pug');
app.get('/', (req, res) => res.render('home', { user: req.user }));
app.listen(3000);`,
      errors: [{ messageId: 'missingSecurityHeaders', line: 2, data: { app: 'express()', evidence: 'renders views', fix: '`app.use(helmet())` from `helmet`' } }],
    },
    {
      name: 'express (CommonJS): static files and http.createServer(app)',
      code: `const express = require('express');
const http = require('http');
const app = express();
app.use(express.static('public'));
http.createServer(app).listen(3000);`,
      errors: [{ messageId: 'missingSecurityHeaders', line: 3, data: { app: 'express()', evidence: 'serves static files', fix: '`app.use(helmet())` from `helmet`' } }],
    },
    {
      name: 'express: cookie-session under an alias, routers mounted at a path',
      code: `import createApp from 'express';
import cookieSession from 'cookie-session';
import { ordersRouter } from './routes/orders';
const app = createApp();
app.use(cookieSession({ name: 'sid', keys: [process.env.COOKIE_KEY] }));
app.use('/orders', ordersRouter);
app.listen(3000);`,
      errors: [{ messageId: 'missingSecurityHeaders', data: { app: 'createApp()', evidence: 'keeps cookie sessions', fix: '`app.use(helmet())` from `helmet`' } }],
    },
    {
      name: 'fastify: @fastify/view and @fastify/secure-session',
      code: `import Fastify from 'fastify';
import fastifyView from '@fastify/view';
import secureSession from '@fastify/secure-session';
const app = Fastify({ logger: true });
await app.register(fastifyView, { engine: { handlebars } });
await app.register(secureSession, { key: process.env.SESSION_KEY });
await app.listen({ port: 3000 });`,
      errors: [{ messageId: 'missingSecurityHeaders', data: { app: 'Fastify(…)', evidence: 'renders views', fix: '`await app.register(helmet)` from `@fastify/helmet`' } }],
    },
    {
      name: 'fastify (CommonJS): @fastify/static',
      code: `const fastify = require('fastify')({ logger: true });
fastify.register(require('@fastify/static'), { root: __dirname + '/public' });
fastify.listen({ port: 3000 });`,
      errors: [{ messageId: 'missingSecurityHeaders', data: { app: "require('fastify')(…)", evidence: 'serves static files', fix: '`await app.register(helmet)` from `@fastify/helmet`' } }],
    },
    {
      name: 'nest: setViewEngine and useStaticAssets without helmet',
      code: `import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  app.useStaticAssets('public');
  app.setViewEngine('hbs');
  await app.listen(3000);
}
bootstrap();`,
      errors: [{ messageId: 'missingSecurityHeaders', line: 4, data: { app: 'NestFactory.create(AppModule)', evidence: 'serves static files', fix: '`app.use(helmet())` from `helmet`' } }],
    },
    {
      name: 'nest on the Fastify adapter: @Render in the same file, fix names @fastify/helmet',
      code: `import { Controller, Get, Render } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
@Controller()
class PagesController {
  @Get()
  @Render('index.hbs')
  home() { return { title: 'Events' }; }
}
async function bootstrap() {
  const app = await NestFactory.create(AppModule, new FastifyAdapter());
  await app.listen(3000);
}`,
      errors: [{ messageId: 'missingSecurityHeaders', line: 11, data: { app: 'NestFactory.create(AppModule)', evidence: 'renders views', fix: '`await app.register(helmet)` from `@fastify/helmet`' } }],
    },
    {
      name: 'express: two apps in one file, only the one that renders views is reported',
      code: `import express from 'express';
const api = express();
api.get('/api/orders', (req, res) => res.json([]));
const web = express();
web.get('/', (req, res) => res.render('home'));
api.listen(3001);
web.listen(3000);`,
      errors: [{ messageId: 'missingSecurityHeaders', line: 4, data: { app: 'express()', evidence: 'renders views', fix: '`app.use(helmet())` from `helmet`' } }],
    },
    {
      name: 'nest: Swagger setup and a local helper take the app without adding headers',
      code: `import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
function setupViews(app) {
  app.setBaseViewsDir('views');
  app.setViewEngine('hbs');
}
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
  SwaggerModule.setup('docs', app, document);
  setupViews(app);
  await app.listen(3000);
}
bootstrap();`,
      errors: [{ messageId: 'missingSecurityHeaders', line: 8, data: { app: 'NestFactory.create(AppModule)', evidence: 'renders views', fix: '`app.use(helmet())` from `helmet`' } }],
    },
    {
      name: 'fastify: a session cookie set by hand with @fastify/cookie',
      code: `import Fastify from 'fastify';
import cookie from '@fastify/cookie';
const app = Fastify();
app.register(cookie, { secret: process.env.COOKIE_SECRET });
app.post('/login', async (request, reply) => {
  reply.setCookie('sessionId', await createSession(request.body), { httpOnly: true, signed: true });
  return { ok: true };
});
app.listen({ port: 3000 });`,
      errors: [{ messageId: 'missingSecurityHeaders', line: 3, data: { app: 'Fastify()', evidence: 'keeps cookie sessions', fix: '`await app.register(helmet)` from `@fastify/helmet`' } }],
    },
  ],
});
