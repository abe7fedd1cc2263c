/**
 * The Express routing model: containers, steps in execution order, full paths across mounts,
 * chains with order and path filters, per-file completeness, and the two fixture apps (TypeScript
 * ESM and CommonJS JavaScript) linked across files, with a snapshot of every resolved route.
 */
import { fileURLToPath } from 'node:url';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/require-auth-guard.js';
import { collectExpressFacts } from '../../src/frameworks/express.js';
import type { RouterStep } from '../../src/model/facts.js';
import { getRoutePosture } from '../../src/model/posture.js';
import { getApiModel } from '../../src/model/resolve-api-model.js';
import { describeProject, describeRoute, diskProject, expectedLines, fileContext, memoryProject, perFileFindings, projectFindings } from './routing-helpers.js';

const detect = rule.detect as Parameters<typeof projectFindings>[1];

function facts(text: string, fileName = '/app/src/file.ts') {
  return collectExpressFacts(ts, ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true));
}

function stepSummary(step: RouterStep): string {
  if (step.kind === 'route') return `route ${step.route.methods.join(',')} ${step.route.path ?? '?'} [${step.route.chain.map((c) => c.text).join(', ')}]`;
  if (step.kind === 'use') return `use ${step.path ?? '*'}${step.match === 'exact' ? ' (exact)' : ''} [${step.items.map((c) => c.text).join(', ')}]`;
  return `mount ${step.path ?? '?'} ${step.target.kind === 'local' ? 'local' : step.target.kind === 'import' ? `${step.target.module}#${step.target.imported}` : step.target.text}${step.encapsulated === false ? ' (shared)' : ''} [${step.items.map((c) => c.text).join(', ')}]`;
}

function routesOf(text: string, fileName?: string): string[] {
  const ctx = fileContext(text, fileName);
  return getApiModel(ctx).map((route) => describeRoute(route, ctx));
}

describe('Express containers and steps', () => {
  it('recognizes express() apps and Router()s from ESM, namespace and CommonJS imports', () => {
    const result = facts(`
import * as ex from 'express';
const { Router } = require('express');
const express = require('express');
const app = ex.default();
const a = Router();
const b = express.Router({ mergeParams: true });
const c = require('express').Router();
const d = express();
a.get('/a', h); b.get('/b', h); c.get('/c', h); d.get('/d', h);
function h() {}
`);
    expect(result.routers.map((r) => `${r.kind} ${r.name} root=${r.isRoot}`)).toEqual(['router a root=false', 'router b root=false', 'router c root=false', 'app d root=true']);
  });

  it('reads use, mounts and routes in argument order, arrays flattened; imported names may be routers', () => {
    const result = facts(`
import express, { Router } from 'express';
import { requireAuth, audit } from './mw.js';
import users from './routes/users.js';
const adminOnly = [requireAuth, audit];
const app = express();
const r = Router();
app.use(express.json());
app.use('/api', adminOnly, r, audit);
app.use(['/a', '/b'], users);
app.route('/items/:id').all(requireAuth).get((req, res) => res.json({})).put((req, res) => res.json({}));
`);
    expect(result.routers.find((r) => r.name === 'app')!.steps.map(stepSummary)).toEqual([
      'use * [express.json()]',
      // An imported name in use() may be a router or middleware: a mount that falls back to middleware.
      'mount /api ./mw.js#requireAuth []',
      'mount /api ./mw.js#audit [requireAuth]',
      'mount /api local [requireAuth, audit]',
      'mount /api ./mw.js#audit [requireAuth, audit]',
      'mount /a ./routes/users.js#default []',
      'mount /b ./routes/users.js#default []',
      'use /items/:id (exact) [requireAuth]',
      'route GET /items/:id []',
      'route PUT /items/:id []',
    ]);
  });

  it('orders steps written in helpers and class methods by where they are called', () => {
    const result = facts(`
import express from 'express';
import { verifyToken } from './auth.js';
class Server {
  app = express();
  constructor() { this.middleware(); this.routes(); }
  routes() { this.app.post('/x', (req, res) => res.end()); }
  middleware() { this.app.use(verifyToken); }
}
`);
    expect(result.routers[0]!.steps.map(stepSummary)).toEqual(['mount  ./auth.js#verifyToken []', 'route POST /x []']);
  });

  it('treats a function that receives the app as a container mounted where it is called', () => {
    const result = facts(`
import express from 'express';
import registerRoutes from './routes/index.js';
function local(app) { app.get('/local', (req, res) => res.end()); }
const app = express();
local(app);
registerRoutes(app);
require('./legacy')(app);
`);
    const app = result.routers.find((r) => r.kind === 'app')!;
    expect(app.steps.map(stepSummary)).toEqual(['mount  local (shared) []', 'mount  ./routes/index.js#default (shared) []', 'mount  ./legacy#* (shared) []']);
    expect(result.routers.find((r) => r.builtBy?.via === 'parameter')!.name).toBe('local(app)');
  });

  it('marks routers built and returned by a function, and their export names', () => {
    const result = facts(`
import { Router } from 'express';
export function createUsersRouter(): Router {
  const router = Router();
  router.get('/', (req, res) => res.json([]));
  return router;
}
`);
    expect(result.routers[0]!.builtBy).toMatchObject({ via: 'return', name: 'createUsersRouter' });
    expect(result.routers[0]!.exportedAs).toEqual(['createUsersRouter']);
  });

  it('does not take request parameters or settings reads for routers', () => {
    const result = facts(`
import express from 'express';
export function requireAuth(req, res, next) { if (!req.get('authorization')) return res.sendStatus(401); next(); }
const app = express();
app.get('env');
app.set('trust proxy', 1);
`);
    expect(result.routers.map((r) => r.name)).toEqual(['app']);
    expect(result.routers[0]!.steps).toEqual([]);
  });

  it("models the raw Express instance of a Nest app as a root", () => {
    expect(routesOf(`
const server = app.getHttpAdapter().getInstance();
server.get('/internal/export.csv', (req, res) => res.send(''));
`)).toEqual(['GET /internal/export.csv [] unprotected @src/file.ts:3']);
  });
});

describe('Express chains and paths', () => {
  it('joins prefixes across nested routers and keeps middleware order', () => {
    expect(routesOf(`
import express, { Router } from 'express';
import { requireAuth, requireRole } from './auth.js';
const tasks = Router({ mergeParams: true });
tasks.patch('/:taskId', (req, res) => res.end());
const projects = Router();
projects.use('/:projectId/tasks', requireRole('member'), tasks);
const app = express();
app.use('/api/projects/', requireAuth, projects);
`)).toEqual(["PATCH /api/projects/:projectId/tasks/:taskId [requireAuth(?), requireRole('member')(?)] protected @src/file.ts:5"]);
  });

  it('applies a path-filtered use only under its path, and only after it', () => {
    expect(routesOf(`
import express from 'express';
import { requireAuth } from './auth.js';
const app = express();
app.get('/admin/early', (req, res) => res.end());
app.use('/admin', requireAuth);
app.get('/admin/late', (req, res) => res.end());
app.get('/administrators', (req, res) => res.end());
`)).toEqual([
      'GET /admin/early [] unprotected @src/file.ts:5',
      'GET /admin/late [requireAuth(?)] protected @src/file.ts:7',
      'GET /administrators [] unprotected @src/file.ts:8',
    ]);
  });

  it("runs a mounted router's own use for the parent's later routes under the mount path", () => {
    expect(routesOf(`
import express, { Router } from 'express';
import { requireAuth } from './auth.js';
const api = Router();
api.use(requireAuth);
const app = express();
app.use('/api', api);
app.post('/api/late', (req, res) => res.end());
app.post('/other', (req, res) => res.end());
`)).toEqual(['POST /api/late [requireAuth(?)] protected @src/file.ts:8', 'POST /other [] unprotected @src/file.ts:9']);
  });

  it('keeps a route of an exported router incomplete in per-file mode, with an unknown prefix', () => {
    const [route] = getApiModel(fileContext(`
import { Router } from 'express';
export const usersRouter = Router();
usersRouter.delete('/:id', (req, res) => res.end());
`));
    expect(route!.complete).toBe(false);
    expect(route!.fullPath).toBe('/?/:id');
    expect(route!.incompleteReason).toBe('router `usersRouter` is mounted from another file');
  });

  it('marks a filter against a dynamic route path as conditional (unknown posture)', () => {
    const ctx = fileContext(`
import express from 'express';
import { requireAuth } from './auth.js';
const app = express();
app.use('/admin', requireAuth);
app.post(ROUTES.purge, (req, res) => res.end());
`);
    const [route] = getApiModel(ctx);
    expect(route!.chain.map((c) => c.conditional !== undefined)).toEqual([true]);
    expect(getRoutePosture(ctx, route!).posture).toBe('unknown');
  });

  it('reads paths from constants and templates of the same file', () => {
    expect(routesOf(`
import express from 'express';
const API = '/api/v1';
const ROUTES = { users: '/users' } as const;
const app = express();
app.get(\`\${API}\${ROUTES.users}/:id\`, (req, res) => res.end());
app.get(process.env.PREFIX + '/x', (req, res) => res.end());
`)).toEqual(['GET /api/v1/users/:id [] unprotected @src/file.ts:6', 'GET /?/x [] unprotected @src/file.ts:7']);
  });

  it('reads a class-based router mounted from another file, with paths from its path field', () => {
    // typescript-express-starter's routes (round-3 triage): `new UserRoute().router` mounted in the app.
    const { index } = memoryProject({
      '/p/src/app.ts': `import express from 'express';
import { UserRoute } from './routes/users.route.js';
import { AuthRoute } from './routes/auth.route.js';
import { requireAuth } from './middleware/auth.js';
const app = express();
const auth = new AuthRoute();
app.use('/api', requireAuth, new UserRoute().router);
app.use('/', auth.router);`,
      '/p/src/routes/users.route.ts': `import { Router } from 'express';
export class UserRoute {
  public path = '/users';
  public router = Router();
  constructor() { this.initializeRoutes(); }
  private initializeRoutes() {
    this.router.get(\`\${this.path}\`, (req, res) => res.json([]));
    this.router.delete(\`\${this.path}/:id(\\\\d+)\`, (req, res) => res.sendStatus(204));
  }
}`,
      '/p/src/routes/auth.route.ts': `import { Router } from 'express';
export class AuthRoute {
  public router = Router();
  public path = '/auth';
  constructor() {
    this.router.post(this.path + '/logout', (req, res) => res.sendStatus(204));
    this.router.post('/reports', (req, res) => res.sendStatus(201));
  }
}`,
      '/p/src/middleware/auth.ts': `import jwt from 'jsonwebtoken';
export function requireAuth(req, res, next) {
  try { req.user = jwt.verify(String(req.headers.authorization), String(process.env.JWT_SECRET)); next(); } catch { res.sendStatus(401); }
}`,
    });
    expect(describeProject(index)).toEqual([
      'DELETE /api/users/:id(\\d+) [requireAuth] protected @src/routes/users.route.ts:8',
      'GET /api/users [requireAuth] protected @src/routes/users.route.ts:7',
      'POST /auth/logout [] public @src/routes/auth.route.ts:6',
      'POST /reports [] unprotected @src/routes/auth.route.ts:7',
    ]);
  });

  it('mounts a router required inside the startup function', () => {
    // uptime-kuma's server (round-3 triage): 17 routes were unknown.
    const { index } = memoryProject({
      '/p/server.js': `const express = require('express');
const app = express();
(async () => {
  const apiRouter = require('./routers/api-router');
  const { statusRouter } = require('./routers/status-router');
  app.use(apiRouter);
  app.use('/status', statusRouter);
  app.listen(3001);
})();`,
      '/p/routers/api-router.js': `const express = require('express');
const router = express.Router();
router.delete('/api/monitors/:id', (req, res) => res.sendStatus(204));
module.exports = router;`,
      '/p/routers/status-router.js': `const express = require('express');
const statusRouter = express.Router();
statusRouter.get('/badge', (req, res) => res.send('ok'));
module.exports = { statusRouter };`,
    });
    expect(describeProject(index)).toEqual([
      'DELETE /api/monitors/:id [] unprotected @api-router.js:3',
      'GET /status/badge [] unprotected @status-router.js:3',
    ]);
  });

  it('reads routes registered on an app imported from another module, after that app\'s own middleware', () => {
    // `export default express()` extended in another file (round-3 triage: "No routes found").
    const { index } = memoryProject({
      '/p/src/app.ts': `import express from 'express';
import { requireAuth } from './auth.js';
const app = express();
app.use(express.json());
app.use('/api/admin', requireAuth);
export default app;`,
      '/p/src/auth.ts': `import jwt from 'jsonwebtoken';
export function requireAuth(req, res, next) {
  try { req.user = jwt.verify(String(req.headers.authorization), String(process.env.JWT_SECRET)); next(); } catch { res.sendStatus(401); }
}`,
      '/p/src/routes.ts': `import app from './app.js';
import config from './config.js';
app.get('/api/settings', (req, res) => res.json({ theme: 'dark' }));
app.delete('/api/admin/monitors/:id', (req, res) => res.sendStatus(204));
config.get('port', 3000);`,
      '/p/src/config.ts': `export default { get: (key: string, fallback: unknown) => process.env[key] ?? fallback };`,
    });
    expect(describeProject(index)).toEqual([
      'DELETE /api/admin/monitors/:id [express.json(), requireAuth] protected @src/routes.ts:4',
      'GET /api/settings [express.json()] unprotected @src/routes.ts:3',
    ]);
  });

  it('reads CommonJS middleware required whole (module.exports = function): what it does decides, not its name', () => {
    const { index } = memoryProject({
      '/p/src/app.js': `const express = require('express');
const gate = require('./middleware/gate');
const noop = require('./middleware/noop');
const app = express();
app.delete('/items/:id', gate, (req, res) => res.sendStatus(204));
app.delete('/things/:id', noop, (req, res) => res.sendStatus(204));`,
      '/p/src/middleware/gate.js': `const jwt = require('jsonwebtoken');
module.exports = function (req, res, next) {
  try {
    req.user = jwt.verify(req.headers.authorization, process.env.JWT_SECRET);
    next();
  } catch (e) {
    res.status(401).json({ error: 'unauthorized' });
  }
};`,
      '/p/src/middleware/noop.js': `module.exports = (req, res, next) => next();`,
    });
    expect(describeProject(index)).toEqual(['DELETE /items/:id [gate] protected @src/app.js:5', 'DELETE /things/:id [noop] unprotected @src/app.js:6']);
  });

  it('reads routers created and configured in one chain: Router().use(a).use(b)', () => {
    const { index } = memoryProject({
      '/p/src/main.ts': `import express from 'express';
import routes from './routes.js';
const app = express();
app.use(routes);`,
      '/p/src/routes.ts': `import { Router } from 'express';
import tags from './tags.js';
const api = Router().use(tags);
export default Router().use('/api', api);`,
      '/p/src/tags.ts': `import { Router } from 'express';
const router = Router();
router.post('/tags', (req, res) => res.end());
export default router;`,
    });
    expect(describeProject(index)).toEqual(['POST /api/tags [] unprotected @src/tags.ts:3']);
  });

  it('mounts one router per row of a constant array read in forEach', () => {
    const { index } = memoryProject({
      '/p/src/app.js': `const express = require('express');
const { requireAuth } = require('./auth');
const app = express();
const routes = [
  { path: '/auth', route: require('./auth.route'), guard: (req, res, next) => next() },
  { path: '/users', route: require('./users.route') },
];
routes.forEach((r) => { app.use(r.path, r.route); });
app.use('/admin', requireAuth, require('./users.route'));
module.exports = app;`,
      '/p/src/auth.route.js': `const router = require('express').Router();
router.post('/login', (req, res) => res.end());
module.exports = router;`,
      '/p/src/users.route.js': `const router = require('express').Router();
router.delete('/:id', (req, res) => res.end());
module.exports = router;`,
      '/p/src/auth.js': `exports.requireAuth = (req, res, next) => (req.user ? next() : res.sendStatus(401));`,
    });
    expect(describeProject(index)).toEqual([
      'DELETE /admin/:id [requireAuth] protected @src/users.route.js:2',
      'DELETE /users/:id [] unprotected @src/users.route.js:2',
      'POST /auth/login [] public @src/auth.route.js:2',
    ]);
  });

  it('mounts a module-level router returned by the exported function the parent calls', () => {
    const { index } = memoryProject({
      '/p/server.js': `const app = require('express')();
app.use('/app', require('./routes/app')(passport));`,
      '/p/routes/app.js': `const router = require('express').Router();
module.exports = function (passport) {
  router.post('/notes', (req, res) => res.end());
  return router;
};`,
    });
    expect(describeProject(index)).toEqual(['POST /app/notes [] unprotected @app.js:3']);
  });

  it('follows a router mounted twice: one chain per mount', () => {
    const { index } = memoryProject({
      '/p/src/app.ts': `import express from 'express';
import { requireAuth } from './auth.js';
import { files } from './files.js';
const app = express();
app.use('/private/files', requireAuth, files);
app.use('/public/files', files);`,
      '/p/src/files.ts': `import { Router } from 'express';
export const files = Router();
files.delete('/:id', (req, res) => res.end());`,
      '/p/src/auth.ts': `export const requireAuth = (req, res, next) => (req.user ? next() : res.sendStatus(401));`,
    });
    expect(describeProject(index)).toEqual([
      'DELETE /private/files/:id [requireAuth] protected @src/files.ts:3',
      'DELETE /public/files/:id [] unprotected @src/files.ts:3',
    ]);
  });
});

describe('Express model on hostile input', () => {
  it('survives a 10,000-term path concatenation and deeply nested middleware arrays', () => {
    const concat = Array.from({ length: 10_000 }, () => "'/a'").join(' + ');
    const nested = `${'['.repeat(400)}h${']'.repeat(400)}`;
    const routes = routesOf(`import express from 'express';
const app = express();
app.get(${concat}, h);
app.use(${nested});
app.post('/x', ${nested});
function h() {}`);
    expect(routes).toHaveLength(2);
  });
});

const expressTsRoot = fileURLToPath(new URL('../fixtures/apps/express-ts', import.meta.url));
const expressCjsRoot = fileURLToPath(new URL('../fixtures/apps/express-cjs', import.meta.url));

describe.each([
  ['express-ts (TypeScript ESM)', expressTsRoot],
  ['express-cjs (CommonJS JavaScript)', expressCjsRoot],
])('fixture app %s', (_name, root) => {
  const index = diskProject(root);

  it('resolves at least 20 routes, linked across files', () => {
    const routes = describeProject(index);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(routes.filter((r) => r.includes('(incomplete)'))).toEqual([]);
    expect(routes).toMatchSnapshot();
  });

  it('reports exactly the routes marked `// $ require-auth-guard`, in project mode', () => {
    expect(projectFindings(index, detect, [{ readOnlyRoutes: 'report' }])).toEqual(expectedLines(index, 'require-auth-guard'));
  });

  it('reports a subset of those per file', () => {
    const project = projectFindings(index, detect, [{ readOnlyRoutes: 'report' }]);
    const perFile = perFileFindings(index, detect, [{ readOnlyRoutes: 'report' }]);
    expect(perFile.filter((f) => !project.includes(f))).toEqual([]);
  });
});
