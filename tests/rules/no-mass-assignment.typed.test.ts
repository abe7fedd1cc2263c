/**
 * Cross-file cases: bodies that cross from a Nest controller or an Express router into a service
 * that writes the model, schemas and validation middleware declared in other files, global
 * `ValidationPipe`s registered in `main.ts`. The write is reported in the file that makes it; the
 * per-file run of the same files stays silent where only another file decides.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-mass-assignment.js';
import { analyzeTargets } from '../../src/cli/analyze.js';
import { createRuleTester, createTypedRuleTester, typedFixtureRoot } from '../utils/rule-tester.js';

const testedRule = rule as unknown as Parameters<RuleTester['run']>[1];
const dir = `${typedFixtureRoot}/mass-assignment`;

function fixture(path: string): { filename: string; code: string } {
  return { filename: `${dir}/${path}`, code: readFileSync(`${dir}/${path}`, 'utf8') };
}

const roomsController = fixture('nest-pipe-no-whitelist/rooms.controller.ts');

createTypedRuleTester().run('no-mass-assignment (project)', testedRule, {
  valid: [
    {
      // The controller passes the body on; the write is in the service, reported there.
      name: 'nest: the controller of a service write',
      ...fixture('nest-no-pipe/lockers.controller.ts'),
    },
    {
      // The DTO is a decorated class and main.ts registers ValidationPipe({ whitelist: true }); the other method is reported.
      name: 'nest: the controller whose DTO is whitelisted globally',
      ...fixture('nest-whitelist/visits.controller.ts'),
    },
    {
      // Zod parses the body in the router; the service receives the parsed value (and the other route is reported in the service).
      name: 'express: the router of a service write',
      ...fixture('express-service/routes/recipes.routes.ts'),
    },
    {
      // joi rejects undeclared keys (schema read from another file); yup's is reported below.
      name: 'express: the module that declares the schemas',
      ...fixture('express-schemas/validation/schemas.ts'),
    },
    {
      // The router only registers controller functions; the writes are in the controller file.
      name: 'express: the router of controller functions',
      ...fixture('express-controller/routes/members.routes.ts'),
    },
    {
      // The router registers handlers a controller declared through catchAsync(); the writes are in the controller file.
      name: 'express: the router of catchAsync-wrapped controller handlers',
      ...fixture('express-catch-async/routes/auth.route.js'),
    },
  ],
  invalid: [
    {
      name: 'nest: entity body with no global pipe, written in the service',
      ...fixture('nest-no-pipe/lockers.service.ts'),
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 15,
          data: {
            source: '@Body() locker (POST /lockers in lockers.controller.ts)',
            sink: 'this.repo.insert',
            detail: '`Locker` is a TypeORM entity and no ValidationPipe with `whitelist: true` applies',
            examples: '`isAdmin` or `ownerId`',
          },
        },
      ],
    },
    {
      // Under a global whitelisting pipe the DTO is safe; Partial<Visit> is not a class and is not validated.
      name: 'nest: Partial<Entity> under a global whitelisting pipe, written in the service',
      ...fixture('nest-whitelist/visits.service.ts'),
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 16,
          data: {
            source: '@Body() changes (PATCH /visits/:id in visits.controller.ts)',
            sink: 'this.visits.update',
            detail: '`Partial<Visit>` is not a class (a utility type), so ValidationPipe receives Object and validates nothing',
            examples: '`role` or `isAdmin`',
          },
        },
      ],
    },
    {
      // The global pipe validates the DTO but does not whitelist (and `isAdmin` has no decorator); the parameter pipe of the other route whitelists.
      name: 'nest: decorated DTO under a global pipe without whitelist',
      ...fixture('nest-no-whitelist/staff.controller.ts'),
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 11,
          data: {
            source: '@Body() dto',
            sink: 'this.prisma.staffMember.update',
            detail:
              '`new ValidationPipe({ transform: true })` validates `UpdateProfileDto` but does not set `whitelist: true`, so undeclared properties pass; `isAdmin` has no class-validator decorator',
            examples: '`role` or `isAdmin`',
          },
        },
      ],
    },
    {
      name: 'express: router to service, written in the service',
      ...fixture('express-service/services/recipe.service.ts'),
      errors: [
        {
          messageId: 'unvalidatedBody',
          line: 10,
          data: { source: 'req.body (PUT /recipes/:id in recipes.routes.ts)', sink: 'recipe.update', examples: '`role` or `isAdmin`' },
        },
      ],
    },
    {
      // The yup schema is read from another file: it keeps undeclared keys.
      name: 'express: yup schema from another file',
      ...fixture('express-schemas/routes/alerts.routes.ts'),
      errors: [
        {
          messageId: 'permissiveValidation',
          line: 16,
          data: { source: 'req.body', sink: 'Incident.create', validator: 'incidentSchema.validate', examples: '`role` or `isAdmin`' },
        },
      ],
    },
    {
      // Body schemas read from other files: one has no additionalProperties: false, the TypeBox one is
      // closed; of the two imported JSON files (parsed, never evaluated), the notes schema is open.
      name: 'fastify: open body schema from another file',
      ...fixture('fastify-schemas/routes/vehicles.ts'),
      errors: [
        {
          messageId: 'openBodySchema',
          line: 9,
          data: { source: 'request.body', sink: 'Vehicle.update', schemaPath: 'body', examples: '`role` or `isAdmin`' },
        },
        {
          messageId: 'openBodySchema',
          line: 18,
          data: { source: 'request.body', sink: 'Vehicle.update', schemaPath: 'body', examples: '`role` or `isAdmin`' },
        },
      ],
    },
    {
      // Registered in another file: with fastify.route() and a closed body schema, with fastify.route()
      // and none, and as the handler in the options of fastify.put() with a closed schema.
      name: 'fastify: handlers registered with route() in another file',
      ...fixture('fastify-schemas/controllers/gateways.controller.ts'),
      errors: [{ messageId: 'unvalidatedBody', line: 10, data: { source: 'request.body', sink: 'Gateway.update', examples: '`role` or `isAdmin`' } }],
    },
    {
      // Route schemas from a CommonJS module required whole (schema.create): the fluent-json-schema
      // body of one route is open, the other's closed at both levels.
      name: 'fastify: fluent-json-schema bodies from a required schema module',
      ...fixture('fastify-cjs-fluent/routes.js'),
      errors: [
        {
          messageId: 'openBodySchema',
          line: 11,
          data: { source: 'req.body.article', sink: 'server.knex(…).insert', schemaPath: 'body', examples: '`role` or `isAdmin`' },
        },
      ],
    },
    {
      // Registered in another file: behind a validation middleware (directly, or wrapped in asyncHandler()) or not.
      name: 'express: controller function registered without validation in another file',
      ...fixture('express-controller/controllers/members.controller.ts'),
      errors: [
        { messageId: 'unvalidatedBody', line: 9, data: { source: 'req.body', sink: 'Member.create', examples: '`role` or `credits`' } },
        { messageId: 'unvalidatedBody', line: 19, data: { source: 'req.body', sink: 'Member.create', examples: '`role` or `credits`' } },
      ],
    },
    {
      // Declared as `const register = catchAsync(async (req, res) => ...)` (catchAsync required from
      // utils/), registered as `authController.register` in the route file: behind validate() or not.
      name: 'express: catchAsync-wrapped handlers registered in another file, with and without validate()',
      ...fixture('express-catch-async/controllers/auth.controller.js'),
      errors: [{ messageId: 'unvalidatedBody', line: 14, data: { source: 'req.body', sink: 'User.create', examples: '`role` or `isAdmin`' } }],
    },
    {
      // express-validation 1.x (the module itself) with schemas destructured from a validations module:
      // allowUnknownBody defaults to true (reported), one schema turns it off (validated).
      name: 'express: express-validation 1.x schemas from another file, with and without allowUnknownBody: false',
      ...fixture('express-validation-v1/controllers/user.controller.js'),
      errors: [
        {
          messageId: 'permissiveValidation',
          line: 8,
          data: { source: 'req.body', sink: 'new User', validator: 'validate', examples: '`role` or `isAdmin`' },
        },
      ],
    },
    {
      // Methods registered with .bind(instance): one behind a strict zod schema, one behind a passthrough one.
      name: 'express: class methods registered with bind() behind validate(schema)',
      ...fixture('express-controller/controllers/profiles.controller.ts'),
      errors: [{ messageId: 'permissiveValidation', line: 12 }],
    },
    {
      // Pipes in this file validate the DTO without whitelisting; each finding suggests adding `whitelist: true` to its pipe.
      name: 'nest: parameter and method ValidationPipes without whitelist, with suggestions',
      ...roomsController,
      errors: [
        {
          messageId: 'nestBodyUnvalidated',
          line: 13,
          // The report covers the argument that carries the body (`dto`), not the whole write call.
          column: 30,
          endLine: 13,
          endColumn: 33,
          data: {
            source: '@Body() dto',
            sink: 'this.rooms.insert',
            detail:
              '`new ValidationPipe()` validates `CreateRoomDto` but does not set `whitelist: true`, so undeclared properties pass; `outOfService` has no class-validator decorator',
            examples: '`role` or `isAdmin`',
          },
          suggestions: [
            {
              messageId: 'addWhitelist',
              data: { pipe: 'new ValidationPipe()' },
              output: roomsController.code.replace('@Body(new ValidationPipe()) dto', '@Body(new ValidationPipe({ whitelist: true })) dto'),
            },
          ],
        },
        {
          messageId: 'nestBodyUnvalidated',
          line: 21,
          column: 28,
          endLine: 21,
          endColumn: 31,
          data: {
            source: '@Body() dto',
            sink: 'this.rooms.save',
            detail:
              '`new ValidationPipe({ transform: true, })` validates `CreateRoomDto` but does not set `whitelist: true`, so undeclared properties pass; `outOfService` has no class-validator decorator',
            examples: '`role` or `isAdmin`',
          },
          suggestions: [
            {
              messageId: 'addWhitelist',
              data: { pipe: 'new ValidationPipe({ transform: true, })' },
              // A multi-line options literal gets the option on a line of its own.
              output: roomsController.code.replace('({\n    transform: true,', '({\n    whitelist: true,\n    transform: true,'),
            },
          ],
        },
      ],
    },
  ],
});

createRuleTester().run('no-mass-assignment (the same files, per file)', testedRule, {
  valid: [
    {
      // Per file the service has no source: its parameter could be anything.
      name: 'nest: service alone',
      ...fixture('nest-no-pipe/lockers.service.ts'),
    },
    {
      // Per file the global pipes in main.ts are not known.
      name: 'nest: controller with a DTO, pipes unknown',
      ...fixture('nest-no-whitelist/staff.controller.ts'),
    },
    {
      // Per file the router hands the body to a service it cannot see.
      name: 'express: router alone',
      ...fixture('express-service/routes/recipes.routes.ts'),
    },
    {
      // Per file the imported schemas are trusted.
      name: 'express: imported schemas',
      ...fixture('express-schemas/routes/alerts.routes.ts'),
    },
    {
      // Per file the imported body schemas are trusted.
      name: 'fastify: imported body schemas',
      ...fixture('fastify-schemas/routes/vehicles.ts'),
    },
    {
      // Per file the route() registrations and their schemas are in another file.
      name: 'fastify: controller functions alone',
      ...fixture('fastify-schemas/controllers/gateways.controller.ts'),
    },
    {
      // Per file the registration (and its middleware) is in another file.
      name: 'express: controller functions alone',
      ...fixture('express-controller/controllers/members.controller.ts'),
    },
    {
      // Per file the wrapper's code and the registrations are in other files.
      name: 'express: catchAsync-wrapped controller handlers alone',
      ...fixture('express-catch-async/controllers/auth.controller.js'),
    },
    {
      // Per file the registrations and their express-validation schemas are in other files.
      name: 'express: controller functions behind express-validation, alone',
      ...fixture('express-validation-v1/controllers/user.controller.js'),
    },
    {
      // Per file the schemas are in the required module: trusted.
      name: 'fastify: routes with fluent-json-schema bodies from a required module, alone',
      ...fixture('fastify-cjs-fluent/routes.js'),
    },
    {
      // Per file the schemas are imported: trusted.
      name: 'express: express-validation routes with imported schemas, alone',
      ...fixture('express-validation-v1/routes/user.route.js'),
    },
  ],
  invalid: [],
});

describe('no-mass-assignment in scan: JSON body schemas', () => {
  it('reads an imported JSON schema file the program does not hold (open: reported; closed: not)', () => {
    const root = `${dir}/fastify-schemas`;
    const result = analyzeTargets({ cwd: root, paths: ['routes/vehicles.ts'], registry: { 'no-mass-assignment': rule }, fileTimeoutMs: 60_000 });
    const lines = result.files.flatMap((file) => file.findings.filter((f) => f.ruleId === 'api-guard/no-mass-assignment').map((f) => f.line));
    expect(lines).toEqual([9, 18]);
  });
});

describe('no-mass-assignment in scan: ajv options per Fastify instance', () => {
  it("applies removeAdditional: 'all' to the routes of the instance created with it, not to another server's", () => {
    const root = fileURLToPath(new URL('../fixtures/apps/fastify-two-servers', import.meta.url));
    const result = analyzeTargets({ cwd: root, paths: ['.'], registry: { 'no-mass-assignment': rule }, fileTimeoutMs: 60_000 });
    const found = result.files.flatMap((file) => file.findings.map((f) => `${path.relative(root, file.filePath)}:${f.line}`));
    expect(found).toEqual(['routes/public-settings.ts:7']);
  });
});
