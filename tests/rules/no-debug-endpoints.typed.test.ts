/**
 * no-debug-endpoints with the project index (typed linting): the full path comes from the mount in
 * app.ts (`/internal` + `/queue/drain`), and an environment check around the mount in app.ts gates
 * the routes of the mounted router. Per file, both routers stay silent: app.ts could protect or gate
 * them.
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-debug-endpoints.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/debug-endpoints`;
const read = (path: string): string => readFileSync(`${dir}/${path}`, 'utf8');

const opsRoutes = read('routes/ops.routes.ts');
const devRoutes = read('routes/dev.routes.ts');

createTypedRuleTester().run('no-debug-endpoints (project)', testedRule, {
  valid: [
    {
      // app.ts mounts devRouter only when NODE_ENV is not production.
      name: 'express: debug router mounted inside an environment check in app.ts',
      filename: `${dir}/routes/dev.routes.ts`,
      code: devRoutes,
    },
    {
      // The app file declares no route of its own.
      name: 'express: the app that mounts the routers',
      filename: `${dir}/app.ts`,
      code: read('app.ts'),
    },
  ],
  invalid: [
    {
      // The /internal prefix comes from app.ts, which adds no auth and no check.
      name: 'express: router mounted at /internal without auth in app.ts',
      filename: `${dir}/routes/ops.routes.ts`,
      code: opsRoutes,
      errors: [{ messageId: 'debugRoute', line: 5, data: { route: 'POST /internal/queue/drain', what: 'an internal endpoint', segment: 'internal' } }],
    },
  ],
});

createRuleTester().run('no-debug-endpoints (same files, per file)', testedRule, {
  valid: [
    {
      // Per file, the mount (and any auth or check around it) is not visible.
      name: 'express: ops router alone',
      filename: `${dir}/routes/ops.routes.ts`,
      code: opsRoutes,
    },
    {
      // Per file, /debug/state has no known mount: unknown, not reported.
      name: 'express: dev router alone',
      filename: `${dir}/routes/dev.routes.ts`,
      code: devRoutes,
    },
  ],
  invalid: [],
});
