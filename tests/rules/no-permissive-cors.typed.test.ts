/**
 * Cross-file cases with the project index (typed linting): CORS options imported from another
 * file. Per-file mode stays silent: the imported options are unknown there.
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-permissive-cors.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/cors`;
const app = readFileSync(`${dir}/app.ts`, 'utf8');
const headersDir = `${typedFixtureRoot}/security-headers`;
const headersMain = readFileSync(`${headersDir}/main.ts`, 'utf8');

createTypedRuleTester().run('no-permissive-cors (project)', testedRule, {
  valid: [
    {
      // The options file only declares objects; the finding belongs where they configure cors().
      name: 'options module',
      filename: `${dir}/cors-options.ts`,
      code: readFileSync(`${dir}/cors-options.ts`, 'utf8'),
    },
    {
      // A JSON API: no views, static files or sessions in it or in what it imports.
      name: 'security headers: JSON API app',
      filename: `${headersDir}/api.ts`,
      code: readFileSync(`${headersDir}/api.ts`, 'utf8'),
    },
  ],
  invalid: [
    {
      // corsOptions reflects every origin with credentials; partnerCors is an allowlist.
      name: 'cors options imported from another file',
      filename: `${dir}/app.ts`,
      code: app,
      errors: [{ messageId: 'reflectCredentials', line: 7, data: { config: 'cors(…)', how: '`origin: true` reflects every origin' } }],
    },
    {
      // The mounted router renders views (res.render in pages.ts) and no project file imports helmet.
      name: 'security headers: views rendered by an imported router',
      filename: `${headersDir}/main.ts`,
      code: headersMain,
      errors: [{ messageId: 'missingSecurityHeaders', line: 4, data: { app: 'express()', evidence: 'renders views', fix: '`app.use(helmet())` from `helmet`' } }],
    },
  ],
});

createRuleTester().run('no-permissive-cors (per file, same source)', testedRule, {
  valid: [
    {
      // Without cors-options.ts, the imported options are unknown.
      name: 'app alone',
      filename: 'app.ts',
      code: app,
    },
    {
      // Per file, main.ts shows no views: the router that renders them is another module.
      name: 'security headers: app whose views are in an imported router',
      filename: 'main.ts',
      code: headersMain,
    },
  ],
  invalid: [],
});
