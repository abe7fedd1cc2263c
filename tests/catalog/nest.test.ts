/**
 * Every row of the Nest catalog, with one sample that matches it and one that does not.
 */
import { describe, expect, it } from 'vitest';
import {
  AUTH_LIKE_DECORATOR_NAME,
  NEST_ENHANCER_DECORATORS,
  NEST_FACTORY_METHODS,
  NEST_GLOBAL_METHODS,
  NEST_GLOBAL_TOKENS,
  NEST_INERT_DECORATOR_MODULES,
  NEST_MAPPED_TYPES,
  NEST_PIPES,
  NEST_PUBLIC_MARKERS,
  NEST_ROUTE_DECORATORS,
  PERSISTENCE_ENTITY_DECORATORS,
  PUBLIC_METADATA_KEY_PATTERN,
  TYPE_ONLY_BODY_PACKAGES,
  findNestEnhancerDecorator,
  findNestGlobalMethod,
  findNestGlobalToken,
  findNestMappedType,
  findNestPipe,
  findNestPublicMarker,
  findNestRouteDecorator,
  findPersistenceEntityDecorator,
  isInertDecoratorModule,
  isNestHttpFactoryMethod,
  isTypeOnlyBodyPackage,
} from '../../src/catalog/nest.js';

/** Asserts that the samples name exactly the rows of a table. */
function expectSamplesForEveryRow(samples: Record<string, unknown>, rows: readonly { readonly name: string }[]): void {
  expect(Object.keys(samples).sort()).toEqual(rows.map((r) => r.name).sort());
}

describe('nest catalog: route decorators', () => {
  const SAMPLES: Record<string, { match: string; miss: string }> = {
    get: { match: 'Get', miss: 'get' },
    post: { match: 'Post', miss: 'PostMapping' },
    put: { match: 'Put', miss: 'Puts' },
    patch: { match: 'Patch', miss: 'PatchMapping' },
    delete: { match: 'Delete', miss: 'Del' },
    all: { match: 'All', miss: 'Any' },
    head: { match: 'Head', miss: 'Header' },
    options: { match: 'Options', miss: 'Option' },
    sse: { match: 'Sse', miss: 'SSE' },
  };
  it('has a sample for every row', () => expectSamplesForEveryRow(SAMPLES, NEST_ROUTE_DECORATORS));
  for (const row of NEST_ROUTE_DECORATORS) {
    it(`${row.name}: @${SAMPLES[row.name]!.match}() declares ${row.method}, @${SAMPLES[row.name]!.miss}() declares nothing`, () => {
      expect(findNestRouteDecorator(SAMPLES[row.name]!.match)?.method).toBe(row.method);
      expect(findNestRouteDecorator(SAMPLES[row.name]!.miss)).toBeUndefined();
    });
  }
});

describe('nest catalog: enhancer decorators, global methods and tokens', () => {
  const DECORATORS: Record<string, { match: string; miss: string }> = {
    'use-guards': { match: 'UseGuards', miss: 'UseGuard' },
    'use-pipes': { match: 'UsePipes', miss: 'UsePipe' },
    'use-interceptors': { match: 'UseInterceptors', miss: 'Interceptors' },
    'use-filters': { match: 'UseFilters', miss: 'Catch' },
  };
  it('has a sample for every decorator row', () => expectSamplesForEveryRow(DECORATORS, NEST_ENHANCER_DECORATORS));
  for (const row of NEST_ENHANCER_DECORATORS) {
    it(`${row.name}: attaches a ${row.role}`, () => {
      expect(findNestEnhancerDecorator(DECORATORS[row.name]!.match)?.role).toBe(row.role);
      expect(findNestEnhancerDecorator(DECORATORS[row.name]!.miss)).toBeUndefined();
    });
  }

  const METHODS: Record<string, { match: string; miss: string }> = {
    'use-global-guards': { match: 'useGlobalGuards', miss: 'useGuards' },
    'use-global-pipes': { match: 'useGlobalPipes', miss: 'usePipes' },
    'use-global-interceptors': { match: 'useGlobalInterceptors', miss: 'useInterceptors' },
    'use-global-filters': { match: 'useGlobalFilters', miss: 'useFilters' },
  };
  it('has a sample for every global method row', () => expectSamplesForEveryRow(METHODS, NEST_GLOBAL_METHODS));
  for (const row of NEST_GLOBAL_METHODS) {
    it(`${row.name}: registers a global ${row.role}`, () => {
      expect(findNestGlobalMethod(METHODS[row.name]!.match)?.role).toBe(row.role);
      expect(findNestGlobalMethod(METHODS[row.name]!.miss)).toBeUndefined();
    });
  }

  const TOKENS: Record<string, { match: string; miss: string }> = {
    'app-guard': { match: 'APP_GUARD', miss: 'APP_GUARDS' },
    'app-pipe': { match: 'APP_PIPE', miss: 'PIPE' },
    'app-interceptor': { match: 'APP_INTERCEPTOR', miss: 'INTERCEPTOR' },
    'app-filter': { match: 'APP_FILTER', miss: 'APP_FILTERS' },
  };
  it('has a sample for every token row', () => expectSamplesForEveryRow(TOKENS, NEST_GLOBAL_TOKENS));
  for (const row of NEST_GLOBAL_TOKENS) {
    it(`${row.name}: ${row.token} registers a global ${row.role}`, () => {
      expect(findNestGlobalToken(TOKENS[row.name]!.match)?.role).toBe(row.role);
      expect(findNestGlobalToken(TOKENS[row.name]!.miss)).toBeUndefined();
    });
  }
});

describe('nest catalog: public markers', () => {
  const SAMPLES: Record<string, { match: [string, string | undefined]; miss: [string, string | undefined] }> = {
    public: { match: ['Public', './auth/public.decorator'], miss: ['Publish', './auth/public.decorator'] },
    'skip-auth': { match: ['SkipAuth', undefined], miss: ['SkipThrottle', '@nestjs/throttler'] },
    'allow-anonymous': { match: ['AllowAnonymous', '@acme/auth'], miss: ['AllowAny', '@acme/auth'] },
    'is-public': { match: ['IsPublic', './decorators'], miss: ['IsPublished', './decorators'] },
    'public-route': { match: ['PublicRoute', undefined], miss: ['PrivateRoute', undefined] },
    'no-auth': { match: ['NoAuth', undefined], miss: ['NoCache', undefined] },
    'keycloak-unprotected': { match: ['Unprotected', 'nest-keycloak-connect'], miss: ['Unprotected', './local'] },
  };
  it('has a sample for every row', () => expectSamplesForEveryRow(SAMPLES, NEST_PUBLIC_MARKERS));
  for (const row of NEST_PUBLIC_MARKERS) {
    it(`${row.name}: recognises ${SAMPLES[row.name]!.match[0]} and not a look-alike`, () => {
      expect(findNestPublicMarker(...SAMPLES[row.name]!.match)?.name).toBe(row.name);
      expect(findNestPublicMarker(...SAMPLES[row.name]!.miss)?.name).not.toBe(row.name);
    });
  }

  it('reads metadata keys that say "public" and not keys that only say "skip"', () => {
    expect(PUBLIC_METADATA_KEY_PATTERN.test('isPublic')).toBe(true);
    expect(PUBLIC_METADATA_KEY_PATTERN.test('IS_PUBLIC_KEY')).toBe(true);
    expect(PUBLIC_METADATA_KEY_PATTERN.test('allowAnonymous')).toBe(true);
    expect(PUBLIC_METADATA_KEY_PATTERN.test('skipAuth')).toBe(true);
    expect(PUBLIC_METADATA_KEY_PATTERN.test('THROTTLER:SKIPdefault')).toBe(false);
    expect(PUBLIC_METADATA_KEY_PATTERN.test('roles')).toBe(false);
  });
});

describe('nest catalog: mapped types, pipes, entities and type-only packages', () => {
  const MAPPED: Record<string, { match: [string, string]; miss: [string, string] }> = {
    'partial-type': { match: ['PartialType', '@nestjs/mapped-types'], miss: ['PartialType', './partial'] },
    'pick-type': { match: ['PickType', '@nestjs/swagger'], miss: ['Pick', '@nestjs/swagger'] },
    'omit-type': { match: ['OmitType', '@nestjs/graphql'], miss: ['OmitType', 'type-fest'] },
    'intersection-type': { match: ['IntersectionType', '@nestjs/mapped-types'], miss: ['UnionType', '@nestjs/mapped-types'] },
  };
  it('has a sample for every mapped-type row', () => expectSamplesForEveryRow(MAPPED, NEST_MAPPED_TYPES));
  for (const row of NEST_MAPPED_TYPES) {
    it(`${row.name}: ${MAPPED[row.name]!.match.join(' from ')}`, () => {
      expect(findNestMappedType(...MAPPED[row.name]!.match)?.kind).toBe(row.kind);
      expect(findNestMappedType(...MAPPED[row.name]!.miss)).toBeUndefined();
    });
  }

  const PIPES: Record<string, { match: string; miss: [string, string] }> = {
    'validation-pipe': { match: 'ValidationPipe', miss: ['ValidationPipe', 'nestjs-zod'] },
    'parse-int-pipe': { match: 'ParseIntPipe', miss: ['ParseIntPipe', './pipes'] },
    'parse-float-pipe': { match: 'ParseFloatPipe', miss: ['ParseFloat', '@nestjs/common'] },
    'parse-bool-pipe': { match: 'ParseBoolPipe', miss: ['ParseBooleanPipe', '@nestjs/common'] },
    'parse-uuid-pipe': { match: 'ParseUUIDPipe', miss: ['ParseUuidPipe', '@nestjs/common'] },
    'parse-enum-pipe': { match: 'ParseEnumPipe', miss: ['ParseEnumPipe', 'class-validator'] },
    'parse-date-pipe': { match: 'ParseDatePipe', miss: ['ParseDate', '@nestjs/common'] },
    'default-value-pipe': { match: 'DefaultValuePipe', miss: ['DefaultPipe', '@nestjs/common'] },
    'parse-file-pipe': { match: 'ParseFilePipe', miss: ['ParseFilesPipe', '@nestjs/common'] },
    'parse-array-pipe': { match: 'ParseArrayPipe', miss: ['ParseArrayPipe', './pipes'] },
  };
  it('has a sample for every pipe row', () => expectSamplesForEveryRow(PIPES, NEST_PIPES));
  for (const row of NEST_PIPES) {
    it(`${row.name}: ${row.effect}`, () => {
      expect(findNestPipe(PIPES[row.name]!.match, '@nestjs/common')?.effect).toBe(row.effect);
      expect(findNestPipe(...PIPES[row.name]!.miss)).toBeUndefined();
    });
  }

  const ENTITIES: Record<string, { match: [string, string]; miss: [string, string] }> = {
    'typeorm-entity': { match: ['Entity', 'typeorm'], miss: ['Column', 'typeorm'] },
    'typeorm-child-entity': { match: ['ChildEntity', 'typeorm'], miss: ['ChildEntity', './entities'] },
    'mongoose-schema': { match: ['Schema', '@nestjs/mongoose'], miss: ['Schema', 'mongoose'] },
    'sequelize-table': { match: ['Table', 'sequelize-typescript'], miss: ['Table', 'typeorm'] },
    'mikro-orm-entity': { match: ['Entity', '@mikro-orm/core'], miss: ['Embeddable', '@mikro-orm/core'] },
    'typegoose-model-options': { match: ['modelOptions', '@typegoose/typegoose'], miss: ['prop', '@typegoose/typegoose'] },
  };
  it('has a sample for every entity row', () => expectSamplesForEveryRow(ENTITIES, PERSISTENCE_ENTITY_DECORATORS));
  for (const row of PERSISTENCE_ENTITY_DECORATORS) {
    it(`${row.name}: @${ENTITIES[row.name]!.match[0]}() from ${ENTITIES[row.name]!.match[1]} is a ${row.orm} entity`, () => {
      expect(findPersistenceEntityDecorator(...ENTITIES[row.name]!.match)?.name).toBe(row.name);
      expect(findPersistenceEntityDecorator(...ENTITIES[row.name]!.miss)).toBeUndefined();
    });
  }

  const TYPE_ONLY: Record<string, { match: string; miss: string }> = {
    'prisma-client': { match: '@prisma/client', miss: 'prisma' },
    'prisma-generated': { match: '.prisma/client', miss: './prisma/client' },
  };
  it('has a sample for every type-only package row', () => expectSamplesForEveryRow(TYPE_ONLY, TYPE_ONLY_BODY_PACKAGES));
  for (const row of TYPE_ONLY_BODY_PACKAGES) {
    it(`${row.name}: types from ${row.module} compile to Object`, () => {
      expect(isTypeOnlyBodyPackage(TYPE_ONLY[row.name]!.match)).toBe(true);
      expect(isTypeOnlyBodyPackage(TYPE_ONLY[row.name]!.miss)).toBe(false);
    });
  }
});

describe('nest catalog: factories, inert modules and auth-like names', () => {
  const FACTORIES: Record<string, { method: string; http: boolean }> = {
    create: { method: 'create', http: true },
    'create-microservice': { method: 'createMicroservice', http: false },
    'create-application-context': { method: 'createApplicationContext', http: false },
  };
  it('has a sample for every factory row', () => expectSamplesForEveryRow(FACTORIES, NEST_FACTORY_METHODS));
  for (const row of NEST_FACTORY_METHODS) {
    it(`${row.name}: ${row.servesHttp ? 'serves' : 'does not serve'} HTTP`, () => {
      expect(isNestHttpFactoryMethod(FACTORIES[row.name]!.method)).toBe(FACTORIES[row.name]!.http);
    });
  }
  it('does not take an unknown NestFactory method for an HTTP application', () => {
    expect(isNestHttpFactoryMethod('createApp')).toBe(false);
  });

  const INERT: Record<string, { match: string; miss: string }> = {
    'nest-swagger': { match: '@nestjs/swagger', miss: 'swagger-ui-express' },
    'nest-throttler': { match: '@nestjs/throttler', miss: 'nestjs-throttler-storage-redis' },
    'nest-cache-manager': { match: '@nestjs/cache-manager', miss: 'cache-manager' },
    'nest-event-emitter': { match: '@nestjs/event-emitter', miss: 'eventemitter2' },
    'nest-schedule': { match: '@nestjs/schedule', miss: 'node-cron' },
    'class-transformer': { match: 'class-transformer', miss: 'class-transform' },
    'class-validator': { match: 'class-validator/types', miss: 'class-validators' },
  };
  it('has a sample for every inert module row', () => expectSamplesForEveryRow(INERT, NEST_INERT_DECORATOR_MODULES));
  for (const row of NEST_INERT_DECORATOR_MODULES) {
    it(`${row.name}: decorators from ${row.module} never add a guard`, () => {
      expect(isInertDecoratorModule(INERT[row.name]!.match)).toBe(true);
      expect(isInertDecoratorModule(INERT[row.name]!.miss)).toBe(false);
    });
  }

  it('takes authentication-sounding decorator names for possible guards, and nothing else', () => {
    expect(AUTH_LIKE_DECORATOR_NAME.test('Auth')).toBe(true);
    expect(AUTH_LIKE_DECORATOR_NAME.test('RequirePermissions')).toBe(true);
    expect(AUTH_LIKE_DECORATOR_NAME.test('ApiKeyProtected')).toBe(true);
    expect(AUTH_LIKE_DECORATOR_NAME.test('HttpCode')).toBe(false);
    expect(AUTH_LIKE_DECORATOR_NAME.test('Cached')).toBe(false);
  });
});
