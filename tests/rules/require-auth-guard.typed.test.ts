/**
 * require-auth-guard with the project index (typed linting): routers mounted in another file behind
 * auth or without it, router-level auth in another file, middleware judged by its code in another
 * file, Fastify plugins registered into an authenticated context, fp-wrapped guards and decorations
 * declared in another plugin, and a CommonJS app with nested routers. The same files linted per file
 * stay silent: only the other files can tell.
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/require-auth-guard.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/auth-guard`;
const read = (path: string): string => readFileSync(`${dir}/${path}`, 'utf8');

const expressApp = read('express/app.ts');
const usersRoutes = read('express/routes/users.routes.ts');
const ordersRoutes = read('express/routes/orders.routes.ts');
const accountRoutes = read('express/routes/account.routes.ts');
const tenantsRoutes = read('express/routes/tenants.routes.ts');
const fastifyApp = read('fastify/app.ts');
const loanRoutes = read('fastify/routes/loans.ts');
const vehicleRoutes = read('fastify/routes/vehicles.ts');
const catalogRoutes = read('fastify/routes/catalog.ts');
const cjsIndex = read('cjs/routes/index.js');
const cjsStatus = read('cjs/routes/status.js');
const cjsIncidents = read('cjs/routes/incidents.js');
const barrelRoutes = read('cjs-barrel/routes/routes.js');

const markPublic = (code: string, line: number): string => {
  const lines = code.split('\n');
  const indent = /^\s*/.exec(lines[line - 1]!)![0];
  lines.splice(line - 1, 0, `${indent}// api-guard-public: <reason>`);
  return lines.join('\n');
};

createTypedRuleTester().run('require-auth-guard (project)', testedRule, {
  valid: [
    {
      // app.ts mounts usersRouter behind requireAuth.
      name: 'express: router protected at its mount in app.ts',
      filename: `${dir}/express/routes/users.routes.ts`,
      code: usersRoutes,
    },
    {
      // `gate` has a neutral name; its code in middleware/auth.ts answers 401.
      name: 'express: router-level middleware from another file that rejects with 401',
      filename: `${dir}/express/routes/tenants.routes.ts`,
      code: tenantsRoutes,
    },
    {
      // The app file itself: /health is a probe; the mounted routers are judged in their own files.
      name: 'express: the app that mounts everything',
      filename: `${dir}/express/app.ts`,
      code: expressApp,
    },
    {
      // loans.ts is registered inside memberApi, whose onRequest hook uses a decoration from plugins/auth.ts.
      name: 'fastify: plugin registered inside an authenticated context',
      filename: `${dir}/fastify/routes/loans.ts`,
      code: loanRoutes,
    },
    {
      // plugins/guard.ts is fp-wrapped and adds an onRequest hook to the fleet context.
      name: 'fastify: fp-wrapped guard registered in the parent context',
      filename: `${dir}/fastify/routes/vehicles.ts`,
      code: vehicleRoutes,
    },
    {
      // The root registers plugins only; no route of its own.
      name: 'fastify: the app that registers the plugins',
      filename: `${dir}/fastify/app.ts`,
      code: fastifyApp,
    },
    {
      // incidents is mounted after router.use(authenticate) in routes/index.js.
      name: 'commonjs: nested router mounted after router-level authenticate',
      filename: `${dir}/cjs/routes/incidents.js`,
      code: cjsIncidents,
    },
    {
      // The index router has no routes of its own.
      name: 'commonjs: the router that mounts the others',
      filename: `${dir}/cjs/routes/index.js`,
      code: cjsIndex,
    },
  ],
  invalid: [
    {
      // app.ts mounts the router without auth; attachTenant (another file) rejects nobody.
      name: 'express: router mounted without auth in app.ts',
      filename: `${dir}/express/routes/orders.routes.ts`,
      code: ordersRoutes,
      errors: [
        {
          messageId: 'missingAuth',
          line: 7,
          data: { route: 'POST /api/orders', chain: '`express.json()`, `attachTenant`' },
          suggestions: [{ messageId: 'markPublic', output: markPublic(ordersRoutes, 7) }],
        },
      ],
    },
    {
      // The first route sits above router.use(requireAuth); the mount adds nothing.
      name: 'express: route above router.use(requireAuth), mounted without auth',
      filename: `${dir}/express/routes/account.routes.ts`,
      code: accountRoutes,
      errors: [
        {
          messageId: 'authAfterRoute',
          line: 6,
          data: { route: 'GET /api/account/:userId/addresses', auth: '`requireAuth`', where: 'line 10' },
          suggestions: [{ messageId: 'markPublic', output: markPublic(accountRoutes, 6) }],
        },
      ],
    },
    {
      // Registered at the root; its sibling names the decoration from plugins/auth.ts.
      name: 'fastify: root-registered plugin route without the hook its sibling uses',
      filename: `${dir}/fastify/routes/catalog.ts`,
      code: catalogRoutes,
      errors: [
        {
          messageId: 'missingAuthSiblings',
          line: 6,
          data: { route: 'POST /api/catalog/books/:isbn/holds', container: 'plugin', siblings: '`fastify.mustBeMember`' },
          suggestions: [{ messageId: 'markPublic', output: markPublic(catalogRoutes, 6) }],
        },
      ],
    },
    {
      // Mounted through a CommonJS barrel (routes/index.js is module.exports = require('./routes')),
      // behind a rest-parameter pass-through wrapper: the wrapped requireUser protects the DELETE,
      // the wrapped loadLink authenticates nothing (kutt's layout; round-3 triage).
      name: 'commonjs: routes mounted through a barrel, guards behind a rest-parameter wrapper',
      filename: `${dir}/cjs-barrel/routes/routes.js`,
      code: barrelRoutes,
      errors: [
        {
          messageId: 'missingAuthSiblings',
          line: 9,
          data: { route: 'POST /api/links/:id/archive', container: 'router', siblings: '`asyncHandler(auth.requireUser)`' },
          suggestions: [
            {
              messageId: 'addSiblingAuth',
              data: { auth: 'asyncHandler(auth.requireUser)', container: 'router' },
              output: barrelRoutes.replace("links.post('/:id/archive', ", "links.post('/:id/archive', asyncHandler(auth.requireUser), "),
            },
            { messageId: 'markPublic', output: markPublic(barrelRoutes, 9) },
          ],
        },
      ],
    },
    {
      // status is mounted before router.use(authenticate); GET / is a status probe, the POST is not.
      name: 'commonjs: nested router mounted before router-level authenticate',
      filename: `${dir}/cjs/routes/status.js`,
      code: cjsStatus,
      errors: [
        {
          messageId: 'authAfterRoute',
          line: 11,
          data: { route: 'POST /api/status/subscriptions', auth: '`authenticate`', where: 'index.js:10' },
          suggestions: [{ messageId: 'markPublic', output: markPublic(cjsStatus, 11) }],
        },
      ],
    },
  ],
});

createRuleTester().run('require-auth-guard (the same files per file)', testedRule, {
  valid: [
    {
      // Another file decides whether the router is behind auth.
      name: 'express: exported router, per file',
      filename: `${dir}/express/routes/orders.routes.ts`,
      code: ordersRoutes,
    },
    {
      // The route above router.use(requireAuth) could still be protected at the mount.
      name: 'express: route above router.use, per file',
      filename: `${dir}/express/routes/account.routes.ts`,
      code: accountRoutes,
    },
    {
      // The plugin could be registered inside an authenticated context.
      name: 'fastify: exported plugin, per file',
      filename: `${dir}/fastify/routes/catalog.ts`,
      code: catalogRoutes,
    },
    {
      // module.exports = router: mounted elsewhere.
      name: 'commonjs: exported router, per file',
      filename: `${dir}/cjs/routes/status.js`,
      code: cjsStatus,
    },
  ],
  invalid: [],
});
