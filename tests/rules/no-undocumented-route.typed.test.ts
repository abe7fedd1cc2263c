/**
 * no-undocumented-route with the project index (typed linting): routers mounted under a prefix in
 * another file get their full path from app.ts, so they are compared; the same file linted per file
 * has unknown prefixes and stays silent.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-undocumented-route.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/auth-guard/express`;
const usersRoutes = readFileSync(`${dir}/routes/users.routes.ts`, 'utf8');
const ordersRoutes = readFileSync(`${dir}/routes/orders.routes.ts`, 'utf8');
const settings = { 'api-guard': { openapi: fileURLToPath(new URL('../fixtures/contract/typed-express.yaml', import.meta.url)) } };

createTypedRuleTester().run('no-undocumented-route (project)', testedRule, {
  valid: [
    {
      // app.ts mounts the orders router at /api/orders; POST /api/orders is documented.
      name: 'express: router mounted in app.ts, documented',
      filename: `${dir}/routes/orders.routes.ts`,
      code: ordersRoutes,
      settings,
    },
  ],
  invalid: [
    {
      name: 'express: router mounted in app.ts, GET /api/users is not documented',
      filename: `${dir}/routes/users.routes.ts`,
      code: usersRoutes,
      settings,
      errors: [{ messageId: 'undocumentedRoute', line: 5, data: { method: 'GET', path: '/api/users', spec: 'typed-express.yaml' } }],
    },
  ],
});

createRuleTester().run('no-undocumented-route (per file, same code)', testedRule, {
  valid: [
    {
      // Without the project, the mount prefix is unknown: not compared.
      name: 'express: the users router alone',
      filename: `${dir}/routes/users.routes.ts`,
      code: usersRoutes,
      settings,
    },
  ],
  invalid: [],
});
