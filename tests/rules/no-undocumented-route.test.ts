/**
 * no-undocumented-route in per-file mode: routes whose full path the file proves, compared with the
 * OpenAPI documents in tests/fixtures/contract (openapi.yaml: OpenAPI 3.1 under the server base
 * path /v1, /health at the root; swagger.json: Swagger 2.0 under basePath /legacy).
 */
import { fileURLToPath } from 'node:url';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-undocumented-route.js';
import { createRuleTester } from '../utils/rule-tester.js';

const ruleTester = createRuleTester();
const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/contract/${name}`, import.meta.url));
const withSpec = (name = 'openapi.yaml') => ({ 'api-guard': { openapi: fixture(name) } });
const settings = withSpec();

ruleTester.run('no-undocumented-route', testedRule, {
  valid: [
    {
      // Documented under the server base path /v1.
      name: 'express: a documented path under the servers base path',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/users', (req, res) => res.json([]));
app.post('/v1/users', (req, res) => res.status(201).json({}));`,
    },
    {
      // `:id` and `{userId}` are the same parameter; names do not matter.
      name: 'express: parameter names differ between code and document',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/users/:id', (req, res) => res.json({}));
app.delete('/v1/users/:id', (req, res) => res.sendStatus(204));`,
    },
    {
      // A trailing slash does not make another path.
      name: 'express: trailing slash',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/users/', (req, res) => res.json([]));`,
    },
    {
      // The router's prefix comes from the mount in the same file.
      name: 'express: router mounted under /v1 in the same file',
      settings,
      code: `import express, { Router } from 'express';
const app = express();
const users = Router();
users.get('/users/:userId/orders', (req, res) => res.json([]));
app.use('/v1', users);`,
    },
    {
      // Both variants of the optional segment are documented (/users and /users/{userId}).
      name: 'express: optional parameter whose both variants are documented',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/users/:userId?', (req, res) => res.json([]));`,
    },
    {
      // Express 5 optional group: /v1/users and /v1/users/:userId, both documented.
      name: 'express 5: optional group',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/users{/:userId}', (req, res) => res.json([]));`,
    },
    {
      // HEAD is answered like the documented GET.
      name: 'express: HEAD on a documented GET',
      settings,
      code: `import express from 'express';
const app = express();
app.head('/v1/users', (req, res) => res.end());`,
    },
    {
      // A CORS preflight route is not an API operation.
      name: 'express: OPTIONS preflight route',
      settings,
      code: `import express from 'express';
const app = express();
app.options('/v1/anything', (req, res) => res.sendStatus(204));`,
    },
    {
      // A catch-all (SPA fallback, 404 page) is not compared.
      name: 'express: catch-all fallback',
      settings,
      code: `import express from 'express';
const app = express();
app.get('*', (req, res) => res.sendFile('index.html'));`,
    },
    {
      // The router is exported and mounted elsewhere: its prefix is unknown in this file.
      name: 'express: exported router, prefix unknown',
      settings,
      code: `import { Router } from 'express';
export const router = Router();
router.post('/debug/reset', (req, res) => res.sendStatus(204));`,
    },
    {
      // The ignore option lists routes that need no documentation.
      name: 'option ignore: /metrics',
      settings,
      options: [{ ignore: ['/metrics', 'GET /internal/**'] }],
      code: `import express from 'express';
const app = express();
app.get('/metrics', (req, res) => res.send(''));
app.get('/internal/queue/depth', (req, res) => res.json({}));`,
    },
    {
      // Without settings['api-guard'].openapi the rule has nothing to compare with.
      name: 'no openapi setting',
      code: `import express from 'express';
const app = express();
app.get('/v1/admin/export', (req, res) => res.json([]));`,
    },
    {
      // A missing document is reported once as a warning, never as findings or a crash.
      name: 'the document does not exist',
      settings: withSpec('does-not-exist.yaml'),
      code: `import express from 'express';
const app = express();
app.get('/v1/admin/export', (req, res) => res.json([]));`,
    },
    {
      // An invalid document likewise.
      name: 'the document is not valid YAML',
      settings: withSpec('broken.yaml'),
      code: `import express from 'express';
const app = express();
app.get('/v1/admin/export', (req, res) => res.json([]));`,
    },
    {
      // /health is documented with a path-level server at the root.
      name: 'path-level servers override the base path',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/health', (req, res) => res.json({ ok: true }));`,
    },
    {
      // A literal segment is covered by the documented parameter (/users/{userId}).
      name: 'express: literal segment under a documented parameter',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/users/me', (req, res) => res.json({}));`,
    },
    {
      // `:name.:ext` and `{name}.{ext}` are the same pattern.
      name: 'fastify: two parameters in one segment',
      settings,
      code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/v1/files/:name.:ext', async () => ({}));
app.get('/v1/items/:id', async () => ({}));`,
    },
    {
      // The path item of /search is a local $ref (#/components/pathItems/Search).
      name: 'fastify: route() on a path item behind a local $ref',
      settings,
      code: `import Fastify from 'fastify';
const app = Fastify();
app.route({ method: 'GET', url: '/v1/search', handler: async () => [] });`,
    },
    {
      // checkMethods: false reports only paths missing from the document.
      name: 'option checkMethods: false',
      settings,
      options: [{ checkMethods: false }],
      code: `import express from 'express';
const app = express();
app.patch('/v1/users/:id', (req, res) => res.json({}));`,
    },
    {
      // No route uses the base path: the code is served behind a proxy that adds /v1.
      name: 'express: base path added by a proxy',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/users', (req, res) => res.json([]));
app.get('/users/:id', (req, res) => res.json({}));`,
    },
    {
      // Swagger 2.0: basePath /legacy.
      name: 'swagger 2.0 document with basePath',
      settings: withSpec('swagger.json'),
      code: `import express from 'express';
const app = express();
app.get('/legacy/orders/:id', (req, res) => res.json({}));`,
    },
    {
      // Nest: global prefix from setGlobalPrefix in the same file, @Get(':id') under @Controller('users').
      name: 'nest: documented route under setGlobalPrefix',
      settings,
      code: `import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
@Controller('users')
class UsersController {
  @Get(':id') findOne() { return {}; }
}
@Module({ controllers: [UsersController] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); app.setGlobalPrefix('v1'); await app.listen(3000); }
bootstrap();`,
    },
  ],
  invalid: [
    {
      name: 'express: a path the document does not have',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/admin/export', (req, res) => res.json([]));`,
      errors: [{ messageId: 'undocumentedRoute', line: 3, data: { method: 'GET', path: '/v1/admin/export', spec: 'openapi.yaml' } }],
    },
    {
      name: 'express: a method the document does not list at a documented path',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/users', (req, res) => res.json([]));
app.delete('/v1/users', (req, res) => res.sendStatus(204));`,
      errors: [{ messageId: 'undocumentedMethod', line: 4, data: { method: 'DELETE', path: '/v1/users', spec: 'openapi.yaml', documentedPath: '/users', documentedMethods: 'GET, POST' } }],
    },
    {
      name: 'express: PATCH where the document has PUT',
      settings,
      code: `import express from 'express';
const app = express();
app.patch('/v1/users/:id', (req, res) => res.json({}));`,
      errors: [{ messageId: 'undocumentedMethod', line: 3 }],
    },
    {
      name: 'express: router mounted under /v1, one route undocumented',
      settings,
      code: `import express, { Router } from 'express';
const app = express();
const api = Router();
api.get('/users/:userId/orders', (req, res) => res.json([]));
api.post('/debug/reset', (req, res) => res.sendStatus(204));
app.use('/v1', api);`,
      errors: [{ messageId: 'undocumentedRoute', line: 5, data: { method: 'POST', path: '/v1/debug/reset', spec: 'openapi.yaml' } }],
    },
    {
      name: 'express: a deeper path than any documented one',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/users/:id/orders/:orderId', (req, res) => res.json({}));`,
      errors: [{ messageId: 'undocumentedRoute', line: 3 }],
    },
    {
      // A route that serves every team id is not documented by /teams/mine alone.
      name: 'express: parameter in the code, literal in the document',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/teams/:teamId', (req, res) => res.json({}));`,
      errors: [{ messageId: 'undocumentedRoute', line: 3, data: { method: 'GET', path: '/v1/teams/:teamId', spec: 'openapi.yaml' } }],
    },
    {
      name: 'fastify: undocumented internal route',
      settings,
      code: `import Fastify from 'fastify';
const app = Fastify();
app.get('/v1/items/:id', async () => ({}));
app.get('/v1/internal/stats', async () => ({}));`,
      errors: [{ messageId: 'undocumentedRoute', line: 4 }],
    },
    {
      name: 'fastify: route() with a method the document does not list',
      settings,
      code: `import Fastify from 'fastify';
const app = Fastify();
app.route({ method: ['GET', 'POST'], url: '/v1/search', handler: async () => [] });`,
      errors: [{ messageId: 'undocumentedMethod', line: 3, data: { method: 'POST', path: '/v1/search', spec: 'openapi.yaml', documentedPath: '/search', documentedMethods: 'GET' } }],
    },
    {
      name: 'express: app.all on an undocumented path',
      settings,
      code: `import express from 'express';
const app = express();
app.all('/v1/legacy', (req, res) => res.sendStatus(410));`,
      errors: [{ messageId: 'undocumentedRoute', data: { method: 'ALL', path: '/v1/legacy', spec: 'openapi.yaml' } }],
    },
    {
      name: 'express: undocumented path with a trailing slash',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/reports/', (req, res) => res.json([]));`,
      errors: [{ messageId: 'undocumentedRoute', line: 3 }],
    },
    {
      name: 'express: optional parameter on an undocumented path',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/reports/:id?', (req, res) => res.json([]));`,
      errors: [{ messageId: 'undocumentedRoute', line: 3 }],
    },
    {
      // /partners is behind a remote $ref that is never fetched: its operations are unknown, so a route there is undocumented.
      name: 'a path item behind a remote $ref is not read',
      settings,
      code: `import express from 'express';
const app = express();
app.get('/v1/partners', (req, res) => res.json([]));`,
      errors: [{ messageId: 'undocumentedRoute', line: 3 }],
    },
    {
      name: 'option ignore does not cover this path',
      settings,
      options: [{ ignore: ['/metrics'] }],
      code: `import express from 'express';
const app = express();
app.get('/metrics', (req, res) => res.send(''));
app.get('/v1/admin/flags', (req, res) => res.json({}));`,
      errors: [{ messageId: 'undocumentedRoute', line: 4 }],
    },
    {
      name: 'swagger 2.0: a path outside the document',
      settings: withSpec('swagger.json'),
      code: `import express from 'express';
const app = express();
app.get('/legacy/orders', (req, res) => res.json([]));
app.post('/legacy/refunds', (req, res) => res.sendStatus(201));`,
      errors: [{ messageId: 'undocumentedRoute', line: 4, data: { method: 'POST', path: '/legacy/refunds', spec: 'swagger.json' } }],
    },
    {
      name: 'nest: an undocumented route under setGlobalPrefix',
      settings,
      code: `import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
@Controller('users')
class UsersController {
  @Get(':id') findOne() { return {}; }
  @Get(':id/audit') audit() { return []; }
}
@Module({ controllers: [UsersController] })
class AppModule {}
async function bootstrap() { const app = await NestFactory.create(AppModule); app.setGlobalPrefix('v1'); await app.listen(3000); }
bootstrap();`,
      errors: [{ messageId: 'undocumentedRoute', line: 6, data: { method: 'GET', path: '/v1/users/:id/audit', spec: 'openapi.yaml' } }],
    },
  ],
});
