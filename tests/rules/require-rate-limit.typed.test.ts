/**
 * require-rate-limit with the project index (typed linting): a limiter on the mount in app.ts whose
 * neutral name (`loginBudget`) is an express-rate-limit instance in another file; a router mounted
 * without one; Nest's ThrottlerGuard registered as APP_GUARD in the module file, with `@SkipThrottle()`
 * on one route. The same route files linted per file stay silent: only the other files can tell.
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/require-rate-limit.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/rate-limit`;
const read = (path: string): string => readFileSync(`${dir}/${path}`, 'utf8');

const authRoutes = read('express/routes/auth.routes.ts');
const accountsRoutes = read('express/routes/accounts.routes.ts');
const sessionController = read('nest/session.controller.ts');

createTypedRuleTester().run('require-rate-limit (project)', testedRule, {
  valid: [
    {
      // app.ts mounts the router behind loginBudget, an express-rate-limit instance from middleware/limits.ts.
      name: 'express: limiter on the mount in app.ts, defined in a third file',
      filename: `${dir}/express/routes/auth.routes.ts`,
      code: authRoutes,
    },
    {
      // The app file declares no route of its own.
      name: 'express: the app that mounts the routers',
      filename: `${dir}/express/app.ts`,
      code: read('express/app.ts'),
    },
  ],
  invalid: [
    {
      // app.ts mounts accountsRouter with nothing before it.
      name: 'express: router mounted without a limiter in app.ts',
      filename: `${dir}/express/routes/accounts.routes.ts`,
      code: accountsRoutes,
      errors: [{ messageId: 'missingRateLimit', line: 5, data: { route: 'POST /api/accounts/signup', kind: 'sign-up', chain: '`express.json()`', attack: 'accounts can be created in bulk' } }],
    },
    {
      // ThrottlerGuard is global (app.module.ts) and @Throttle tightens login; @SkipThrottle opts the code check out.
      name: 'nest: @SkipThrottle under a global ThrottlerGuard from the module file',
      filename: `${dir}/nest/session.controller.ts`,
      code: sessionController,
      errors: [{ messageId: 'limiterSkipped', line: 13, data: { route: 'POST /session/otp/verify', kind: 'one-time-code', skip: '`@SkipThrottle()`', attack: 'a one-time code can be tried until it matches' } }],
    },
  ],
});

createRuleTester().run('require-rate-limit (same files, per file)', testedRule, {
  valid: [
    {
      // Per file, app.ts could add a limiter on the mount: unknown, not reported.
      name: 'express: accounts router alone',
      filename: `${dir}/express/routes/accounts.routes.ts`,
      code: accountsRoutes,
    },
    {
      // Per file, the module that registers APP_GUARD is not read: unknown.
      name: 'nest: controller alone',
      filename: `${dir}/nest/session.controller.ts`,
      code: sessionController,
    },
  ],
  invalid: [],
});
