/**
 * Cross-file cases: models, entities and `schema.prisma` in other files, records returned by services,
 * a global `ClassSerializerInterceptor` registered in `main.ts`, and the global `omit` of a Prisma
 * client created in another module. The per-file run of the same files stays silent where only
 * another file decides.
 */
import { readFileSync } from 'node:fs';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../rules/no-sensitive-data-exposure.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/sensitive-data`;

function fixture(path: string): { filename: string; code: string } {
  return { filename: `${dir}/${path}`, code: readFileSync(`${dir}/${path}`, 'utf8') };
}

createTypedRuleTester().run('no-sensitive-data-exposure (project)', testedRule, {
  valid: [
    {
      // The service returns the records; the responses are in the controller and the router.
      name: 'express: the service module',
      ...fixture('express/services/user.service.ts'),
    },
  ],
  invalid: [
    {
      // Methods of an exported controller object, registered in a routes file: the update route's
      // response schema (in a third file) lists no secret, the show route has none (fastify_20stock; round-3 triage).
      name: 'fastify: controller object methods, one behind a response schema',
      ...fixture('fastify/profile.controller.ts'),
      errors: [
        {
          messageId: 'exposedRecord',
          line: 13,
          data: { sink: 'reply.send', model: 'User', query: 'User.findById', fields: '`passwordHash`', first: 'passwordHash', definedBy: 'per its mongoose schema' },
        },
      ],
    },
    {
      // The global serializer applies @Exclude() to passwordHash; apiKey has no @Exclude(). The summary picks fields.
      name: 'nest: service record returned under a global ClassSerializerInterceptor',
      ...fixture('nest/accounts.controller.ts'),
      errors: [
        {
          messageId: 'exposedRecord',
          line: 10,
          data: { sink: 'return', model: 'Account', query: 'this.accounts.findOneBy', fields: '`apiKey`', first: 'apiKey', definedBy: 'per its entity' },
        },
      ],
    },
    {
      // getUser returns the whole document (schema in models/user.ts); getPublicUser projects; the list is lean and whole.
      name: 'express: records from a service and an imported model',
      ...fixture('express/routes/users.routes.ts'),
      errors: [
        {
          messageId: 'exposedRecord',
          line: 8,
          data: { sink: 'res.json', model: 'User', query: 'User.findById', fields: '`passwordHash`, `resetToken`', first: 'passwordHash', definedBy: 'per its mongoose schema' },
        },
        { messageId: 'exposedRecord', line: 17 },
      ],
    },
    {
      // schema.prisma declares passwordHash and resetToken; the client omits passwordHash globally. The second route selects.
      name: 'prisma: schema.prisma model with a global omit',
      ...fixture('prisma-app/src/routes/users.ts'),
      errors: [
        {
          messageId: 'exposedRecord',
          line: 7,
          data: { sink: 'res.json', model: 'user', query: 'prisma.user.findUnique', fields: '`resetToken`', first: 'resetToken', definedBy: 'per schema.prisma' },
        },
      ],
    },
  ],
});

createRuleTester().run('no-sensitive-data-exposure (same files, per file)', testedRule, {
  valid: [
    {
      // Per file the service's return value and the serializer are in other files: silent.
      name: 'nest: the controller alone',
      ...fixture('nest/accounts.controller.ts'),
    },
    {
      // Per file the model is imported: its fields are unknown.
      name: 'express: the router alone',
      ...fixture('express/routes/users.routes.ts'),
    },
    {
      // Per file schema.prisma is not read.
      name: 'prisma: the router alone',
      ...fixture('prisma-app/src/routes/users.ts'),
    },
  ],
  invalid: [],
});
