/**
 * Cross-file cases: ids that cross from a Nest controller or an Express router into a service that
 * makes the lookup, and project decorators made with `createParamDecorator`. The lookup is reported
 * in the file that makes it; the per-file run of the same files stays silent (the routes are in
 * another file, and the calls into services cannot be followed).
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/require-ownership-check.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/ownership`;

function fixture(path: string): { filename: string; code: string } {
  return { filename: `${dir}/${path}`, code: readFileSync(`${dir}/${path}`, 'utf8') };
}

createTypedRuleTester().run('require-ownership-check (project)', testedRule, {
  valid: [
    {
      // The controller passes the id on; the lookups are in the service, reported there.
      name: 'nest: the controller of a service lookup',
      ...fixture('nest/orders.controller.ts'),
    },
    {
      // The router passes the id on; the lookups are in the service, reported there.
      name: 'express: the router of a service lookup',
      ...fixture('express/routes/invoices.routes.ts'),
    },
  ],
  invalid: [
    {
      // findOne: nothing on the way reads the caller. cancel: `@Who()` is a createParamDecorator that reads request.user.
      // findForCustomer: scoped by customerId.
      name: 'nest: service lookup reached from a guarded controller',
      ...fixture('nest/orders.service.ts'),
      errors: [
        {
          messageId: 'missingOwnershipCheck',
          line: 11,
          data: {
            route: 'GET /orders/:id',
            verb: 'loads',
            sink: 'this.orders.findOneBy',
            source: "@Param('id') (in orders.controller.ts)",
            evidence: "neither the handler nor the 1 function it calls use the caller's identity",
          },
        },
      ],
    },
    {
      // getInvoice and removeInvoice are reached from routes that never read the caller; markPaid is scoped by owner.
      name: 'express: service lookups reached from authenticated routes',
      ...fixture('express/services/invoice.service.ts'),
      errors: [
        {
          messageId: 'missingOwnershipCheck',
          line: 4,
          data: {
            route: 'GET /?/:id',
            verb: 'loads',
            sink: 'Invoice.findById',
            source: 'req.params.id (in invoices.routes.ts)',
            evidence: "neither the handler nor the 1 function it calls use the caller's identity",
          },
        },
        { messageId: 'missingOwnershipCheck', line: 12 },
      ],
    },
  ],
});

createRuleTester().run('require-ownership-check (same files, per file)', testedRule, {
  valid: [
    {
      // Per file the service has no route and no caller: silent.
      name: 'nest: the service alone',
      ...fixture('nest/orders.service.ts'),
    },
    {
      // Per file the service functions are called from another file: silent.
      name: 'express: the service alone',
      ...fixture('express/services/invoice.service.ts'),
    },
    {
      // Per file the router's calls into the service cannot be followed: silent.
      name: 'express: the router alone',
      ...fixture('express/routes/invoices.routes.ts'),
    },
  ],
  invalid: [],
});
