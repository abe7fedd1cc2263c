/**
 * What NestJS looks like, as data: the route decorators and the HTTP method each declares, the
 * enhancer decorators (`@UseGuards`, `@UsePipes`, ...), the global registrations (`useGlobalGuards`,
 * `APP_GUARD`), the conventional public-route markers, the parameter decorators and the request input
 * each reads, the mapped-type helpers (`PartialType`, ...), and the class decorators that make a
 * class a persistence entity.
 *
 * Every row has a `name` and is tested row by row in `tests/catalog/nest.test.ts`.
 */
import { isPackageSpecifier } from '../core/bindings.js';
import type { ChainItem, HttpMethod } from '../model/facts.js';

/** The role an enhancer plays in a Nest route's chain. */
export type NestEnhancerRole = Extract<ChainItem['role'], 'guard' | 'pipe' | 'interceptor' | 'filter'>;

/** Packages whose exports are Nest's own decorators and helpers. */
export const NEST_COMMON_MODULES: readonly string[] = ['@nestjs/common'];
export const NEST_CORE_MODULES: readonly string[] = ['@nestjs/core'];

/** True when `specifier` is a Nest package (`@nestjs/common`, `@nestjs/core`, `@nestjs/passport`, ...). */
export function isNestModule(specifier: string): boolean {
  return specifier.startsWith('@nestjs/');
}

/** A route decorator (`@Get()`) and the method it registers. */
export interface NestRouteDecoratorRow {
  readonly name: string;
  readonly decorator: string;
  readonly method: HttpMethod;
}

/**
 * Route decorators of `@nestjs/common`. `@Sse()` serves a GET stream of server-sent events.
 * `@Search()` is left out: SEARCH is not an `HttpMethod` of the model and no rule depends on it.
 */
export const NEST_ROUTE_DECORATORS = [
  { name: 'get', decorator: 'Get', method: 'GET' },
  { name: 'post', decorator: 'Post', method: 'POST' },
  { name: 'put', decorator: 'Put', method: 'PUT' },
  { name: 'patch', decorator: 'Patch', method: 'PATCH' },
  { name: 'delete', decorator: 'Delete', method: 'DELETE' },
  { name: 'all', decorator: 'All', method: 'ALL' },
  { name: 'head', decorator: 'Head', method: 'HEAD' },
  { name: 'options', decorator: 'Options', method: 'OPTIONS' },
  { name: 'sse', decorator: 'Sse', method: 'GET' },
] as const satisfies readonly NestRouteDecoratorRow[];

/** The route decorator row of `@nestjs/common`'s `name`, if any. */
export function findNestRouteDecorator(name: string): NestRouteDecoratorRow | undefined {
  return (NEST_ROUTE_DECORATORS as readonly NestRouteDecoratorRow[]).find((row) => row.decorator === name);
}

/** A decorator that attaches enhancers to a controller or a route (`@UseGuards(AuthGuard)`). */
export interface NestEnhancerDecoratorRow {
  readonly name: string;
  readonly decorator: string;
  readonly role: NestEnhancerRole;
}

export const NEST_ENHANCER_DECORATORS = [
  { name: 'use-guards', decorator: 'UseGuards', role: 'guard' },
  { name: 'use-pipes', decorator: 'UsePipes', role: 'pipe' },
  { name: 'use-interceptors', decorator: 'UseInterceptors', role: 'interceptor' },
  { name: 'use-filters', decorator: 'UseFilters', role: 'filter' },
] as const satisfies readonly NestEnhancerDecoratorRow[];

export function findNestEnhancerDecorator(name: string): NestEnhancerDecoratorRow | undefined {
  return (NEST_ENHANCER_DECORATORS as readonly NestEnhancerDecoratorRow[]).find((row) => row.decorator === name);
}

/** An application method that registers a global enhancer (`app.useGlobalGuards(...)`). */
export interface NestGlobalMethodRow {
  readonly name: string;
  readonly method: string;
  readonly role: NestEnhancerRole;
}

export const NEST_GLOBAL_METHODS = [
  { name: 'use-global-guards', method: 'useGlobalGuards', role: 'guard' },
  { name: 'use-global-pipes', method: 'useGlobalPipes', role: 'pipe' },
  { name: 'use-global-interceptors', method: 'useGlobalInterceptors', role: 'interceptor' },
  { name: 'use-global-filters', method: 'useGlobalFilters', role: 'filter' },
] as const satisfies readonly NestGlobalMethodRow[];

export function findNestGlobalMethod(method: string): NestGlobalMethodRow | undefined {
  return (NEST_GLOBAL_METHODS as readonly NestGlobalMethodRow[]).find((row) => row.method === method);
}

/** A provider token of `@nestjs/core` that registers a global enhancer from any module. */
export interface NestGlobalTokenRow {
  readonly name: string;
  readonly token: string;
  readonly role: NestEnhancerRole;
}

export const NEST_GLOBAL_TOKENS = [
  { name: 'app-guard', token: 'APP_GUARD', role: 'guard' },
  { name: 'app-pipe', token: 'APP_PIPE', role: 'pipe' },
  { name: 'app-interceptor', token: 'APP_INTERCEPTOR', role: 'interceptor' },
  { name: 'app-filter', token: 'APP_FILTER', role: 'filter' },
] as const satisfies readonly NestGlobalTokenRow[];

export function findNestGlobalToken(token: string): NestGlobalTokenRow | undefined {
  return (NEST_GLOBAL_TOKENS as readonly NestGlobalTokenRow[]).find((row) => row.token === token);
}

/**
 * A decorator that marks a route or controller public on purpose. The conventional ones are written
 * by the application itself (`export const Public = () => SetMetadata(IS_PUBLIC_KEY, true)`), so
 * they are recognised by name from any module; the rows with `modules` come from libraries.
 */
export interface NestPublicMarkerRow {
  readonly name: string;
  readonly decorator: string;
  /** Packages that export it; `undefined` when the application defines it (any module). */
  readonly modules?: readonly string[];
}

export const NEST_PUBLIC_MARKERS = [
  { name: 'public', decorator: 'Public' },
  { name: 'skip-auth', decorator: 'SkipAuth' },
  { name: 'allow-anonymous', decorator: 'AllowAnonymous' },
  { name: 'is-public', decorator: 'IsPublic' },
  { name: 'public-route', decorator: 'PublicRoute' },
  { name: 'no-auth', decorator: 'NoAuth' },
  { name: 'keycloak-unprotected', decorator: 'Unprotected', modules: ['nest-keycloak-connect'] },
] as const satisfies readonly NestPublicMarkerRow[];

/** The public-marker row for a decorator `name` imported from `module` (`undefined`: defined locally). */
export function findNestPublicMarker(name: string, module: string | undefined): NestPublicMarkerRow | undefined {
  for (const row of NEST_PUBLIC_MARKERS as readonly NestPublicMarkerRow[]) {
    if (row.decorator !== name) continue;
    if (!row.modules || (module !== undefined && row.modules.some((m) => isPackageSpecifier(module, m)))) return row;
  }
  return undefined;
}

/**
 * Metadata keys that mean "no authentication here" when set to `true`:
 * `SetMetadata('isPublic', true)`, `SetMetadata(IS_PUBLIC_KEY, true)`, `'allowAnonymous'`,
 * `'skipAuth'`. A bare "skip" is not enough: `@SkipThrottle()` sets a skip key that has nothing to
 * do with authentication.
 */
export const PUBLIC_METADATA_KEY_PATTERN = /public|anonymous|skip[-_]?(?:auth|jwt|guard|login)|no[-_]?auth|unauthenticated|unprotected/i;

/** The conventional key name of Nest's documentation recipe (`IS_PUBLIC_KEY = 'isPublic'`). */
export const CONVENTIONAL_PUBLIC_KEYS: readonly string[] = ['IS_PUBLIC_KEY', 'isPublic'];

/** Reflector methods that read route metadata (`reflector.getAllAndOverride(KEY, [...])`). */
export const REFLECTOR_READ_METHODS: readonly string[] = ['get', 'getAll', 'getAllAndOverride', 'getAllAndMerge'];

/*
 * Parameter decorators (`@Body()`, `@Query()`, `@Param()`, ...) and what they read are catalogued
 * once, in `request-inputs.ts` (`NEST_PARAMETER_INPUTS`), shared with the flow engine.
 */

/** How a mapped-type helper derives a class from its argument. */
export type MappedTypeKind = 'partial' | 'pick' | 'omit' | 'intersection';

export interface NestMappedTypeRow {
  readonly name: string;
  readonly helper: string;
  readonly kind: MappedTypeKind;
  readonly modules: readonly string[];
}

const MAPPED_TYPE_MODULES = ['@nestjs/mapped-types', '@nestjs/swagger', '@nestjs/graphql'];

/** Mapped-type helpers: they copy the validation metadata of the properties they keep. */
export const NEST_MAPPED_TYPES = [
  { name: 'partial-type', helper: 'PartialType', kind: 'partial', modules: MAPPED_TYPE_MODULES },
  { name: 'pick-type', helper: 'PickType', kind: 'pick', modules: MAPPED_TYPE_MODULES },
  { name: 'omit-type', helper: 'OmitType', kind: 'omit', modules: MAPPED_TYPE_MODULES },
  { name: 'intersection-type', helper: 'IntersectionType', kind: 'intersection', modules: MAPPED_TYPE_MODULES },
] as const satisfies readonly NestMappedTypeRow[];

export function findNestMappedType(helper: string, module: string): NestMappedTypeRow | undefined {
  for (const row of NEST_MAPPED_TYPES as readonly NestMappedTypeRow[]) {
    if (row.helper === helper && row.modules.some((m) => isPackageSpecifier(module, m))) return row;
  }
  return undefined;
}

/** A class decorator that makes a class a persistence entity or document schema. */
export interface PersistenceEntityDecoratorRow {
  readonly name: string;
  readonly decorator: string;
  readonly modules: readonly string[];
  readonly orm: string;
}

export const PERSISTENCE_ENTITY_DECORATORS = [
  { name: 'typeorm-entity', decorator: 'Entity', modules: ['typeorm'], orm: 'TypeORM' },
  { name: 'typeorm-child-entity', decorator: 'ChildEntity', modules: ['typeorm'], orm: 'TypeORM' },
  { name: 'mongoose-schema', decorator: 'Schema', modules: ['@nestjs/mongoose'], orm: 'Mongoose' },
  { name: 'sequelize-table', decorator: 'Table', modules: ['sequelize-typescript'], orm: 'Sequelize' },
  { name: 'mikro-orm-entity', decorator: 'Entity', modules: ['@mikro-orm/core'], orm: 'MikroORM' },
  { name: 'typegoose-model-options', decorator: 'modelOptions', modules: ['@typegoose/typegoose'], orm: 'Typegoose' },
] as const satisfies readonly PersistenceEntityDecoratorRow[];

export function findPersistenceEntityDecorator(decorator: string, module: string): PersistenceEntityDecoratorRow | undefined {
  for (const row of PERSISTENCE_ENTITY_DECORATORS as readonly PersistenceEntityDecoratorRow[]) {
    if (row.decorator === decorator && row.modules.some((m) => isPackageSpecifier(module, m))) return row;
  }
  return undefined;
}

/** What a pipe of a Nest package does to a request body. */
export type NestPipeEffect =
  /** Validates against the parameter's class and, with `whitelist`, strips undeclared properties. */
  | 'class-validation'
  /** Converts or checks a scalar (`ParseIntPipe`): nothing to do with a body object's properties. */
  | 'scalar'
  /**
   * Validates each item of an array body against its `items` class, with the `ValidationPipe` options
   * it is given (`ParseArrayPipe`); the global `ValidationPipe` skips an array body.
   */
  | 'array-validation';

export interface NestPipeRow {
  readonly name: string;
  readonly className: string;
  readonly modules: readonly string[];
  readonly effect: NestPipeEffect;
}

export const NEST_PIPES = [
  { name: 'validation-pipe', className: 'ValidationPipe', modules: ['@nestjs/common'], effect: 'class-validation' },
  { name: 'parse-int-pipe', className: 'ParseIntPipe', modules: ['@nestjs/common'], effect: 'scalar' },
  { name: 'parse-float-pipe', className: 'ParseFloatPipe', modules: ['@nestjs/common'], effect: 'scalar' },
  { name: 'parse-bool-pipe', className: 'ParseBoolPipe', modules: ['@nestjs/common'], effect: 'scalar' },
  { name: 'parse-uuid-pipe', className: 'ParseUUIDPipe', modules: ['@nestjs/common'], effect: 'scalar' },
  { name: 'parse-enum-pipe', className: 'ParseEnumPipe', modules: ['@nestjs/common'], effect: 'scalar' },
  { name: 'parse-date-pipe', className: 'ParseDatePipe', modules: ['@nestjs/common'], effect: 'scalar' },
  { name: 'default-value-pipe', className: 'DefaultValuePipe', modules: ['@nestjs/common'], effect: 'scalar' },
  { name: 'parse-file-pipe', className: 'ParseFilePipe', modules: ['@nestjs/common'], effect: 'scalar' },
  { name: 'parse-array-pipe', className: 'ParseArrayPipe', modules: ['@nestjs/common'], effect: 'array-validation' },
] as const satisfies readonly NestPipeRow[];

/** The row of a pipe class exported by `module`, if it is catalogued. */
export function findNestPipe(className: string, module: string): NestPipeRow | undefined {
  for (const row of NEST_PIPES as readonly NestPipeRow[]) {
    if (row.className === className && row.modules.some((m) => isPackageSpecifier(module, m))) return row;
  }
  return undefined;
}

/** `NestFactory` methods and whether the application they create serves HTTP routes. */
export const NEST_FACTORY_METHODS = [
  { name: 'create', method: 'create', servesHttp: true },
  { name: 'create-microservice', method: 'createMicroservice', servesHttp: false },
  { name: 'create-application-context', method: 'createApplicationContext', servesHttp: false },
] as const satisfies readonly { readonly name: string; readonly method: string; readonly servesHttp: boolean }[];

export function isNestHttpFactoryMethod(method: string): boolean {
  return NEST_FACTORY_METHODS.some((row) => row.method === method && row.servesHttp);
}

/**
 * Packages whose decorators never add a guard (documentation, throttling, caching, serialization).
 * A decorator from any other package that the index cannot look into, and whose name sounds like
 * authentication, is kept in the chain as a guard so that a route it may protect is never reported.
 */
export const NEST_INERT_DECORATOR_MODULES = [
  { name: 'nest-swagger', module: '@nestjs/swagger' },
  { name: 'nest-throttler', module: '@nestjs/throttler' },
  { name: 'nest-cache-manager', module: '@nestjs/cache-manager' },
  { name: 'nest-event-emitter', module: '@nestjs/event-emitter' },
  { name: 'nest-schedule', module: '@nestjs/schedule' },
  { name: 'class-transformer', module: 'class-transformer' },
  { name: 'class-validator', module: 'class-validator' },
] as const satisfies readonly { readonly name: string; readonly module: string }[];

export function isInertDecoratorModule(module: string): boolean {
  return NEST_INERT_DECORATOR_MODULES.some((row) => isPackageSpecifier(module, row.module));
}

/** Names of decorators that may attach authentication when their definition cannot be read. */
export const AUTH_LIKE_DECORATOR_NAME = /auth|guard|protect|secur|jwt|session|permission|role|scope|polic|acl|login|token|apikey|api_key|keycloak|okta|cognito|clerk|casbin|casl/i;

/**
 * Packages whose exports, used as a body type, are TypeScript types (interfaces and aliases): Nest
 * sees `Object` for them, so `ValidationPipe` validates nothing. Prisma's generated model types and
 * `Prisma.XCreateInput` are the common case.
 */
export const TYPE_ONLY_BODY_PACKAGES = [
  { name: 'prisma-client', module: '@prisma/client' },
  { name: 'prisma-generated', module: '.prisma/client' },
] as const satisfies readonly { readonly name: string; readonly module: string }[];

export function isTypeOnlyBodyPackage(module: string): boolean {
  return TYPE_ONLY_BODY_PACKAGES.some((row) => isPackageSpecifier(module, row.module));
}

/**
 * Type aliases that ORM packages export for partial entities (`DeepPartial<Product>` of TypeORM):
 * always imported, never classes, so a body typed with them compiles to `Object` like `Partial<Entity>`.
 */
export const TYPE_ONLY_BODY_EXPORTS = [
  { name: 'typeorm-partial-entity', module: 'typeorm', exports: ['DeepPartial', 'QueryDeepPartialEntity'] },
] as const satisfies readonly { readonly name: string; readonly module: string; readonly exports: readonly string[] }[];

export function isTypeOnlyBodyExport(module: string, imported: string): boolean {
  return TYPE_ONLY_BODY_EXPORTS.some((row) => isPackageSpecifier(module, row.module) && (row.exports as readonly string[]).includes(imported));
}
