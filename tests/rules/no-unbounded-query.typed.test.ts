/**
 * Cross-file cases: a router that passes the page size to a service in another file (reported at the
 * service's query, with the router's call as a step), and Nest query DTOs declared in another file
 * (read in project mode; per file, an imported DTO may bound its field and the rule stays silent).
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-unbounded-query.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/unbounded-query`;

function fixture(path: string): { filename: string; code: string } {
  return { filename: `${dir}/${path}`, code: readFileSync(`${dir}/${path}`, 'utf8') };
}

createTypedRuleTester().run('no-unbounded-query (project)', testedRule, {
  valid: [
    {
      // The router passes the page size on; the query is in the service, reported there.
      name: 'express: the router of a service query',
      ...fixture('express/routes/posts.routes.ts'),
    },
  ],
  invalid: [
    {
      name: 'express: the service limit, from the router in another file',
      ...fixture('express/services/posts.service.ts'),
      errors: [
        {
          messageId: 'unboundedLimit',
          line: 4,
          data: { source: 'req.query.limit', role: 'limit', sink: '.limit()', via: ' via `listPosts(Number(req.query.limit ?? 20))` in routes/posts.routes.ts (GET /posts)' },
        },
      ],
    },
    {
      // Controller methods registered by name in a routes file (as an argument or as the options'
      // handler), with route schemas inline or imported: a bounded page size is silent; a handler
      // with an unbounded `limit`, or also registered on a route without schema, is reported
      // (fastify_20stock's layout, 13 false positives; round-3 triage).
      name: 'fastify: controller methods registered with route schemas in another file',
      ...fixture('fastify/product.controller.ts'),
      errors: [
        { messageId: 'unboundedLimit', line: 18, data: { source: 'request.query.limit', role: 'take', sink: 'prisma.stockEntry.findMany', via: '' } },
        { messageId: 'unboundedLimit', line: 23, data: { source: 'request.query.limit', role: 'take', sink: 'prisma.product.findMany', via: '' } },
      ],
    },
    {
      name: 'nest: the DTO in another file bounds one query and not the other',
      ...fixture('nest/reports.controller.ts'),
      errors: [{ messageId: 'unboundedLimit', line: 18, data: { source: 'query.limit', role: 'take', sink: 'this.reports.find', via: '' } }],
    },
  ],
});

createRuleTester().run('no-unbounded-query (per file)', testedRule, {
  valid: [
    {
      // Per file, the DTOs are imported: either may bound `limit`, so the controller stays silent.
      name: 'nest: the controller with imported DTOs',
      ...fixture('nest/reports.controller.ts'),
    },
    {
      // Per file the routes that register the controller methods, and their schemas, are out of view:
      // trusted, as no-mass-assignment trusts a body whose registration is elsewhere.
      name: 'fastify: controller methods, per file',
      ...fixture('fastify/product.controller.ts'),
    },
    {
      // Per file, the service's callers are out of view.
      name: 'express: the service, per file',
      ...fixture('express/services/posts.service.ts'),
    },
  ],
  invalid: [],
});
