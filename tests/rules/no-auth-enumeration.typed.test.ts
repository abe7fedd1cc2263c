/**
 * Cross-file case: a router whose own path (`/`) and file name (`accounts.router.ts`) say nothing,
 * mounted at `/api/auth` in another file. With the project index the routing model gives its
 * handler the full path, so it is a sign-in endpoint; per file the rule cannot tell and stays silent.
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-auth-enumeration.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/auth-enumeration`;
const accountsRouter = readFileSync(`${dir}/accounts.router.ts`, 'utf8');

createTypedRuleTester().run('no-auth-enumeration (project)', testedRule, {
  valid: [],
  invalid: [
    {
      name: 'router mounted at /api/auth in another file',
      filename: `${dir}/accounts.router.ts`,
      code: accountsRouter,
      errors: [{ messageId: 'differentAnswers', line: 8, data: { unknownUser: '404 "No such account"', wrongPassword: '401 "Wrong password"' } }],
    },
  ],
});

createRuleTester().run('no-auth-enumeration (per file, same code)', testedRule, {
  valid: [
    {
      // Per file, nothing says this handler signs users in.
      name: 'the same router seen alone',
      filename: `${dir}/accounts.router.ts`,
      code: accountsRouter,
    },
  ],
  invalid: [],
});
