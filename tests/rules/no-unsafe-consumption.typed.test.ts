/**
 * Cross-file cases: a client instance exported by `lib/http.ts`, a service that returns the partner's
 * response, and a router that stores what the service returned. The write is reported in the router
 * (the file of the sink) in project mode; per file, the imported service is out of view and the
 * router stays silent.
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-unsafe-consumption.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/unsafe-consumption`;

function fixture(path: string): { filename: string; code: string } {
  return { filename: `${dir}/${path}`, code: readFileSync(`${dir}/${path}`, 'utf8') };
}

createTypedRuleTester().run('no-unsafe-consumption (project)', testedRule, {
  valid: [
    {
      // The service returns the response; nothing in it is a sink.
      name: 'express: the service that calls the partner',
      ...fixture('express/services/crm.service.ts'),
    },
  ],
  invalid: [
    {
      name: 'express: the router stores what the service fetched with an imported client',
      ...fixture('express/routes/customers.routes.ts'),
      errors: [{ messageId: 'modelWrite', line: 9, data: { source: 'crm.get(…).data (in services/crm.service.ts)', sink: 'Customer.create', via: '' } }],
    },
  ],
});

createRuleTester().run('no-unsafe-consumption (per file)', testedRule, {
  valid: [
    {
      // Per file, the imported service is out of view: its result is not known to be a response.
      name: 'express: the router, per file',
      ...fixture('express/routes/customers.routes.ts'),
    },
  ],
  invalid: [],
});
