/**
 * no-debug-endpoints in per-file mode (no type information): debug, test, internal, old-version,
 * diagnostics and console routes reachable in production, and API docs UIs mounted for everyone;
 * and the look-alikes that stay silent (auth, environment checks, flags, segments that only contain
 * the word, probes, routes another file could protect).
 */
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-debug-endpoints.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();
// The rule tester pins its own copy of @typescript-eslint/utils; the rule object is the same at run time.
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

ruleTester.run('no-debug-endpoints', testedRule, {
  valid: [
    // --- Gated by the environment -----------------------------------------------------------------
    {
      // The registration runs only outside production.
      name: 'express: debug route inside a NODE_ENV check',
      code: `import express from 'express';
const app = express();
if (process.env.NODE_ENV !== 'production') {
  app.get('/debug/state', (req, res) => res.json({}));
}`,
    },
    {
      // An early exit in production before the registrations.
      name: 'express: early return in production before the routes',
      code: `import express from 'express';
export function mountDevTools(app: express.Express) {
  if (process.env.NODE_ENV === 'production') return;
  app.get('/_debug/cache', (req, res) => res.json({}));
}
const app = express();
mountDevTools(app);`,
    },
    {
      // A flag named for debug routes gates the registration on purpose.
      name: 'express: feature flag around internal routes',
      code: `import express from 'express';
import { config } from './config.js';
const app = express();
if (config.enableInternalRoutes) {
  app.post('/internal/reindex', (req, res) => res.sendStatus(202));
}`,
    },
    {
      // The handler itself answers 404 in production before doing anything.
      name: 'express: handler exits in production',
      code: `import express from 'express';
const app = express();
app.get('/test/seed', (req, res) => {
  if (process.env.NODE_ENV === 'production') return res.sendStatus(404);
  res.json({ seeded: true });
});`,
    },
    {
      // A localhost-only middleware restricts the route to the machine.
      name: 'express: localhostOnly middleware on the route',
      code: `import express from 'express';
import { localhostOnly } from './net.js';
const app = express();
app.get('/heapdump', localhostOnly, (req, res) => res.end());`,
    },
    // --- Protected or public on purpose ----------------------------------------------------------
    {
      // Authentication protects the route.
      name: 'express: internal route behind basic auth',
      code: `import express from 'express';
import basicAuth from 'express-basic-auth';
const app = express();
app.use('/internal', basicAuth({ users: { ops: process.env.OPS_PASSWORD ?? '' } }));
app.get('/internal/queue', (req, res) => res.json({ depth: 0 }));`,
    },
    {
      // A status probe under /internal is public on purpose (the auth catalog's probes).
      name: 'express: /internal/status probe',
      code: `import express from 'express';
const app = express();
app.get('/internal/status', (req, res) => res.json({ ok: true }));`,
    },
    {
      // The route is annotated public on purpose.
      name: 'express: annotated public test endpoint',
      code: `import express from 'express';
const app = express();
// api-guard-public: synthetic monitoring calls it
app.get('/test', (req, res) => res.send('ok'));`,
    },
    {
      // The router is exported and mounted elsewhere: app.ts may protect it or gate its mount.
      name: 'express: exported debug router, mount not in this file',
      code: `import { Router } from 'express';
export const debugRouter = Router();
debugRouter.get('/debug/sessions', (req, res) => res.json([]));`,
    },
    // --- Look-alikes ------------------------------------------------------------------------------
    {
      // Segments, not substrings: testimonials, contest, latest.
      name: 'express: words that contain test',
      code: `import express from 'express';
const app = express();
app.get('/testimonials', (req, res) => res.json([]));
app.post('/contest/entries', (req, res) => res.status(201).end());
app.get('/posts/latest', (req, res) => res.json([]));`,
    },
    {
      // Further into the path these name features or resources: testing a monitor, a team's admin, a product category.
      name: 'express: test, admin and console as later segments',
      code: `import express from 'express';
const app = express();
app.post('/monitors/:id/test', (req, res) => res.json({ ok: true }));
app.get('/teams/:teamId/admin', (req, res) => res.json({}));
app.get('/categories/console', (req, res) => res.json([]));`,
    },
    {
      // v0 is the only version: it is the current API, not an old one.
      name: 'express: /v0 as the only version',
      code: `import express from 'express';
const app = express();
app.get('/api/v0/products', (req, res) => res.json([]));`,
    },
    {
      // Probes and metrics are not debug endpoints.
      name: 'express: health, ready and metrics',
      code: `import express from 'express';
const app = express();
app.get('/health', (req, res) => res.send('ok'));
app.get('/ready', (req, res) => res.send('ok'));
app.get('/metrics', (req, res) => res.send(''));`,
    },
    {
      // A route parameter named debug is not a path segment.
      name: 'express: :debug parameter',
      code: `import express from 'express';
import { requireAuth } from './auth.js';
const app = express();
app.get('/flags/:debug', (req, res) => res.json({}));
app.get('/v1/users', requireAuth, (req, res) => res.json([]));`,
    },
    {
      // Test files build throwaway apps.
      name: 'express: route in a test file',
      filename: '/app/src/app.test.ts',
      code: `import express from 'express';
const app = express();
app.get('/debug', (req, res) => res.json({}));`,
    },
    // --- API docs ---------------------------------------------------------------------------------
    {
      // Swagger UI only outside production.
      name: 'express: swagger-ui-express inside an environment check',
      code: `import express from 'express';
import swaggerUi from 'swagger-ui-express';
import spec from './openapi.json' with { type: 'json' };
const app = express();
if (process.env.NODE_ENV !== 'production') {
  app.use('/api-docs', swaggerUi.serve, swaggerUi.setup(spec));
}`,
    },
    {
      // Basic auth in front of the docs.
      name: 'express: swagger-ui-express behind basic auth',
      code: `import express from 'express';
import basicAuth from 'express-basic-auth';
import swaggerUi from 'swagger-ui-express';
const app = express();
app.use('/docs', basicAuth({ users: { docs: process.env.DOCS_PASSWORD ?? '' }, challenge: true }), swaggerUi.serve, swaggerUi.setup({}));`,
    },
    {
      // The setup helper is called only under a docs flag: the gate is at its call site.
      name: 'nest: SwaggerModule.setup in a helper that bootstrap calls only behind a docs flag',
      code: `import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
function setupSwagger(app: INestApplication) {
  SwaggerModule.setup('documentation', app, SwaggerModule.createDocument(app, new DocumentBuilder().build()));
}
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const config = { documentationEnabled: process.env.ENABLE_DOCUMENTATION === 'true' };
  if (config.documentationEnabled) setupSwagger(app);
  await app.listen(3000);
}
void bootstrap();`,
    },
    {
      // The docs path is a constant, and basic auth is mounted on it before the setup.
      name: 'nest: SwaggerModule.setup at a constant path behind basic auth',
      code: `import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import basicAuth from 'express-basic-auth';
import { AppModule } from './app.module.js';
const DOCS_PATH = 'docs';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.use('/docs', basicAuth({ users: { admin: process.env.DOCS_PASSWORD }, challenge: true }));
  SwaggerModule.setup(DOCS_PATH, app, SwaggerModule.createDocument(app, new DocumentBuilder().build()));
  await app.listen(3000);
}
void bootstrap();`,
    },
    {
      // A flag named for docs gates SwaggerModule.setup.
      name: 'nest: SwaggerModule.setup behind a config flag',
      code: `import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  if (process.env.SWAGGER_ENABLED === 'true') {
    SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, new DocumentBuilder().build()));
  }
  await app.listen(3000);
}
void bootstrap();`,
    },
    {
      // An enum member names the environment like the string would: Env.production is 'production'.
      name: 'nest: SwaggerModule.setup outside production, checked with an enum of the file',
      code: `import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
enum Env { local = 'local', production = 'production' }
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const env = process.env.NODE_ENV;
  if (env !== Env.production) {
    SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, new DocumentBuilder().build()));
  }
  await app.listen(3000);
}
void bootstrap();`,
    },
    {
      // An imported enum cannot be read per file: a member named for an environment, on an enum named for environments, counts.
      name: 'express: swagger-ui-express outside production, checked with an imported AppEnv.PRODUCTION',
      code: `import express from 'express';
import swaggerUi from 'swagger-ui-express';
import { AppEnv } from './config/env.js';
const app = express();
if (config.env !== AppEnv.PRODUCTION) {
  app.use('/api-docs', swaggerUi.serve, swaggerUi.setup({}));
}`,
    },
    {
      // A switch on the environment with an enum member case.
      name: 'express: debug route in the Environment.Development case of a switch',
      code: `import express from 'express';
import { Environment } from './config/environment.js';
const app = express();
switch (process.env.NODE_ENV) {
  case Environment.Development:
    app.get('/debug/state', (req, res) => res.json({}));
    break;
  default:
    break;
}`,
    },
    {
      // Public docs on purpose: the option turns the docs check off.
      name: 'fastify: @fastify/swagger-ui with apiDocs ignore',
      options: [{ apiDocs: 'ignore' }],
      code: `import Fastify from 'fastify';
import swaggerUi from '@fastify/swagger-ui';
const app = Fastify();
await app.register(swaggerUi, { routePrefix: '/docs' });`,
    },
    {
      // uiHooks put an auth hook in front of the docs UI.
      name: 'fastify: @fastify/swagger-ui with uiHooks',
      code: `import Fastify from 'fastify';
import swaggerUi from '@fastify/swagger-ui';
const app = Fastify();
await app.register(swaggerUi, { routePrefix: '/docs', uiHooks: { onRequest: app.basicAuth } });`,
    },
  ],
  invalid: [
    {
      // A debug dump with nothing in front of it.
      name: 'express: /debug/sessions with no auth and no environment check',
      code: `import express from 'express';
const app = express();
app.use(express.json());
app.get('/debug/sessions', (req, res) => res.json({ count: 0 }));`,
      errors: [{ messageId: 'debugRoute', line: 4, data: { route: 'GET /debug/sessions', what: 'a debug endpoint', segment: 'debug' } }],
    },
    {
      // A test endpoint left in the app.
      name: 'express: POST /api/test',
      code: `import express from 'express';
const app = express();
app.post('/api/test', (req, res) => res.json(req.body));`,
      errors: [{ messageId: 'debugRoute', line: 3, data: { route: 'POST /api/test', what: 'a test endpoint', segment: 'test' } }],
    },
    {
      // The internal router is mounted without auth in the same file.
      name: 'express: internal router mounted without auth',
      code: `import express, { Router } from 'express';
const app = express();
const internal = Router();
internal.post('/cache/flush', (req, res) => res.sendStatus(202));
app.use('/internal', internal);`,
      errors: [{ messageId: 'debugRoute', line: 4, data: { route: 'POST /internal/cache/flush', what: 'an internal endpoint', segment: 'internal' } }],
    },
    {
      // An old API version still served next to the current one.
      name: 'express: /v0 route next to /v1',
      code: `import express from 'express';
const app = express();
app.get('/v0/orders', (req, res) => res.json([]));
app.get('/v1/orders', (req, res) => res.json([]));`,
      errors: [{ messageId: 'debugRoute', line: 3, data: { route: 'GET /v0/orders', what: 'an old API version', segment: 'v0' } }],
    },
    {
      // The environment of the process, for everyone.
      name: 'express: /env dumps process.env',
      code: `import express from 'express';
const app = express();
app.get('/env', (req, res) => res.json(process.env));`,
      errors: [{ messageId: 'debugRoute', line: 3, data: { route: 'GET /env', what: 'a diagnostics endpoint that exposes the process', segment: 'env' } }],
    },
    {
      // A condition that is not about the environment does not gate the route.
      name: 'express: heapdump under an unrelated condition',
      code: `import express from 'express';
const app = express();
const port = Number(process.env.PORT ?? 3000);
if (port > 0) {
  app.get('/heapdump', (req, res) => res.end());
}`,
      errors: [{ messageId: 'debugRoute', line: 5, data: { route: 'GET /heapdump', what: 'a diagnostics endpoint that exposes the process', segment: 'heapdump' } }],
    },
    {
      // A code console is always an error.
      name: 'fastify: /repl route',
      code: `import Fastify from 'fastify';
const app = Fastify();
app.post('/admin/repl', async (request) => ({ ok: true }));`,
      errors: [{ messageId: 'debugRoute', line: 3, data: { route: 'POST /admin/repl', what: 'a console that runs code', segment: 'repl' } }],
    },
    {
      // An admin console page served to anyone.
      name: 'express: GET /admin page',
      code: `import express from 'express';
const app = express();
app.get('/admin', (req, res) => res.sendFile('/srv/admin.html'));`,
      errors: [{ messageId: 'debugRoute', line: 3, data: { route: 'GET /admin', what: 'an admin console page', segment: 'admin' } }],
    },
    {
      // Swagger UI served in production too.
      name: 'express: swagger-ui-express mounted for everyone',
      code: `import express from 'express';
import swaggerUi from 'swagger-ui-express';
const app = express();
app.use('/api-docs', swaggerUi.serve, swaggerUi.setup({}));`,
      errors: [{ messageId: 'apiDocsExposed', line: 4, data: { ui: '`swagger-ui-express`', path: '`/api-docs`' } }],
    },
    {
      // The twin: the helper is also called without the flag.
      name: 'nest: SwaggerModule.setup in a helper called once behind a flag and once without',
      code: `import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
function setupSwagger(app: INestApplication) {
  SwaggerModule.setup('documentation', app, SwaggerModule.createDocument(app, new DocumentBuilder().build()));
}
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  if (process.env.ENABLE_DOCUMENTATION === 'true') setupSwagger(app);
  const admin = await NestFactory.create(AppModule);
  setupSwagger(admin);
}
void bootstrap();`,
      errors: [{ messageId: 'apiDocsExposed', line: 6, data: { ui: '`SwaggerModule.setup`', path: '`/documentation`' } }],
    },
    {
      // SwaggerModule.setup without a check.
      name: 'nest: SwaggerModule.setup in bootstrap',
      code: `import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, new DocumentBuilder().build()));
  await app.listen(3000);
}
void bootstrap();`,
      errors: [{ messageId: 'apiDocsExposed', line: 6, data: { ui: '`SwaggerModule.setup`', path: '`/docs`' } }],
    },
    {
      // The twin: a constant path and nothing mounted on it; the message names the path.
      name: 'nest: SwaggerModule.setup at a constant path of a config object',
      code: `import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
const config = { docs: { path: 'api-docs' } } as const;
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  SwaggerModule.setup(config.docs.path, app, SwaggerModule.createDocument(app, new DocumentBuilder().build()));
  await app.listen(3000);
}
void bootstrap();`,
      errors: [{ messageId: 'apiDocsExposed', line: 7, data: { ui: '`SwaggerModule.setup`', path: '`/api-docs`' } }],
    },
    {
      // The enum check is inverted: the docs are served only in production.
      name: 'nest: SwaggerModule.setup only in production, checked with an enum of the file',
      code: `import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
enum Env { local = 'local', production = 'production' }
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  const env = process.env.NODE_ENV;
  if (env === Env.production) {
    SwaggerModule.setup('docs', app, SwaggerModule.createDocument(app, new DocumentBuilder().build()));
  }
  await app.listen(3000);
}
void bootstrap();`,
      errors: [{ messageId: 'apiDocsExposed', line: 9, data: { ui: '`SwaggerModule.setup`', path: '`/docs`' } }],
    },
    {
      // Tier is not named for environments and is not read per file: Tier.PRODUCTION may be any value.
      name: 'express: swagger-ui-express behind an imported enum not named for environments',
      code: `import express from 'express';
import swaggerUi from 'swagger-ui-express';
import { Tier } from './billing/tier.js';
const app = express();
if (config.env !== Tier.PRODUCTION) {
  app.use('/api-docs', swaggerUi.serve, swaggerUi.setup({}));
}`,
      errors: [{ messageId: 'apiDocsExposed', line: 6, data: { ui: '`swagger-ui-express`', path: '`/api-docs`' } }],
    },
    {
      // @fastify/swagger-ui at its default prefix.
      name: 'fastify: @fastify/swagger-ui without routePrefix',
      code: `import Fastify from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
const app = Fastify();
await app.register(swagger, { openapi: { info: { title: 'Library', version: '1' } } });
await app.register(swaggerUi);`,
      errors: [{ messageId: 'apiDocsExposed', line: 6, data: { ui: '`fastify-swagger-ui`', path: '`/documentation`' } }],
    },
    {
      // Nest route on a debug controller with no guard, in a single-file app.
      name: 'nest: debug controller without a guard',
      filename: '/app/src/main.ts',
      code: `import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
@Controller('debug')
class DebugController {
  @Get('config')
  config() { return process.env; }
}
@Module({ controllers: [DebugController] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); await app.listen(3000); }
void bootstrap();`,
      errors: [{ messageId: 'debugRoute', line: 5, data: { route: 'GET /debug/config', what: 'a debug endpoint', segment: 'debug' } }],
    },
  ],
});
