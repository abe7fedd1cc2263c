/**
 * Cross-file cases: constants and config objects defined in one file and used as credentials in
 * another. The literal is reported in its own file, with the sink's file and line in the message;
 * per-file mode stays silent, because only the other file proves the value is a credential.
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-hardcoded-secrets.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/secrets`;
const configTs = readFileSync(`${dir}/config.ts`, 'utf8');
const settingsJs = readFileSync(`${dir}/settings.js`, 'utf8');
const copyTs = readFileSync(`${dir}/copy.ts`, 'utf8');

createTypedRuleTester().run('no-hardcoded-secrets (project)', testedRule, {
  valid: [
    {
      // Texts imported by other files but never used as credentials.
      name: 'copy used for display only',
      filename: `${dir}/copy.ts`,
      code: copyTs,
    },
  ],
  invalid: [
    {
      name: 'config object and constant used in sinks of three other files',
      filename: `${dir}/config.ts`,
      code: configTs,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 3,
          data: { kind: 'session secret', value: 'b7e1…', sink: '`session` in ./app.ts:6', through: ' in `appConfig.session.signing`' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'SESSION_SECRET' }, output: configTs.replace("'b7e1f0c9d2a4'", 'process.env.SESSION_SECRET') }],
        },
        {
          messageId: 'sinkSecret',
          line: 4,
          data: { kind: 'JWT signing secret', value: 'keyb…', sink: '`jwt.sign` in ./auth.ts:4', through: ' in `config.appConfig.jwt.material`' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'JWT_SECRET' }, output: configTs.replace("'keyboard cat'", 'process.env.JWT_SECRET') }],
        },
        {
          messageId: 'sinkSecret',
          line: 7,
          data: { kind: 'HMAC key', value: 'k3yb…', sink: '`createHmac` in ./webhooks.ts:4', through: ' in `HMAC_MATERIAL`' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'HMAC_SECRET' }, output: configTs.replace("'k3yb0ard-c4t'", 'process.env.HMAC_SECRET') }],
        },
      ],
    },
    {
      name: 'CommonJS settings module used by cookie-parser',
      filename: `${dir}/settings.js`,
      code: settingsJs,
      errors: [
        {
          messageId: 'sinkSecret',
          line: 1,
          data: { kind: 'cookie signing secret', value: 'tige…', sink: '`cookieParser` in ./server.js:4', through: ' in `settings.cookieSigning`' },
          suggestions: [{ messageId: 'useEnv', data: { envName: 'COOKIE_SECRET' }, output: settingsJs.replace("'tiger lily'", 'process.env.COOKIE_SECRET') }],
        },
      ],
    },
  ],
  assertionOptions: { requireData: true },
});

createRuleTester().run('no-hardcoded-secrets (per file)', testedRule, {
  valid: [
    {
      // Without the project, nothing in the file proves these values are credentials.
      name: 'config module alone',
      filename: 'src/config.ts',
      code: configTs,
    },
    {
      // Same for the CommonJS settings module.
      name: 'settings module alone',
      filename: 'src/settings.js',
      code: settingsJs,
    },
  ],
  invalid: [],
});
