/**
 * What `@nestjs/swagger` decorators declare about a route, as data: the decorators that document a
 * security requirement (and the scheme name each uses when none is given), the ones that leave a
 * route or a controller out of the generated document on purpose, and the ones that describe it.
 *
 * Every row has a `name` and is tested row by row in `tests/catalog/nest-swagger.test.ts`.
 */
import { isPackageSpecifier } from '../core/bindings.js';

export const NEST_SWAGGER_MODULE = '@nestjs/swagger';

/** True for `@nestjs/swagger` (and its deep imports). */
export function isNestSwaggerModule(specifier: string): boolean {
  return isPackageSpecifier(specifier, NEST_SWAGGER_MODULE);
}

/** A decorator that documents a security requirement; its first argument names the scheme. */
export interface NestSwaggerSecurityRow {
  readonly name: string;
  readonly decorator: string;
  /** The scheme name @nestjs/swagger uses when the decorator has no argument. */
  readonly defaultScheme: string;
}

export const NEST_SWAGGER_SECURITY_DECORATORS = [
  { name: 'bearer', decorator: 'ApiBearerAuth', defaultScheme: 'bearer' },
  { name: 'security', decorator: 'ApiSecurity', defaultScheme: 'security' },
  { name: 'oauth2', decorator: 'ApiOAuth2', defaultScheme: 'oauth2' },
  { name: 'basic', decorator: 'ApiBasicAuth', defaultScheme: 'basic' },
  { name: 'cookie', decorator: 'ApiCookieAuth', defaultScheme: 'cookie' },
] as const satisfies readonly NestSwaggerSecurityRow[];

export function findNestSwaggerSecurityDecorator(name: string): NestSwaggerSecurityRow | undefined {
  return (NEST_SWAGGER_SECURITY_DECORATORS as readonly NestSwaggerSecurityRow[]).find((row) => row.decorator === name);
}

/** A decorator that leaves routes out of the document on purpose (`disable` argument `false` undoes it). */
export interface NestSwaggerExcludeRow {
  readonly name: string;
  readonly decorator: string;
  readonly target: 'method' | 'class';
}

export const NEST_SWAGGER_EXCLUDE_DECORATORS = [
  { name: 'endpoint', decorator: 'ApiExcludeEndpoint', target: 'method' },
  { name: 'controller', decorator: 'ApiExcludeController', target: 'class' },
] as const satisfies readonly NestSwaggerExcludeRow[];

export function findNestSwaggerExcludeDecorator(name: string, target: 'method' | 'class'): NestSwaggerExcludeRow | undefined {
  return (NEST_SWAGGER_EXCLUDE_DECORATORS as readonly NestSwaggerExcludeRow[]).find((row) => row.decorator === name && row.target === target);
}

/** Decorators that describe a route for people: tags and the operation summary. */
export interface NestSwaggerDescribeRow {
  readonly name: string;
  readonly decorator: string;
  readonly gives: 'tags' | 'summary';
}

export const NEST_SWAGGER_DESCRIBE_DECORATORS = [
  { name: 'tags', decorator: 'ApiTags', gives: 'tags' },
  { name: 'operation', decorator: 'ApiOperation', gives: 'summary' },
] as const satisfies readonly NestSwaggerDescribeRow[];

export function findNestSwaggerDescribeDecorator(name: string): NestSwaggerDescribeRow | undefined {
  return (NEST_SWAGGER_DESCRIBE_DECORATORS as readonly NestSwaggerDescribeRow[]).find((row) => row.decorator === name);
}

/** The `DocumentBuilder` method that makes a security requirement global (`addBearerAuth` only defines a scheme). */
export const NEST_SWAGGER_GLOBAL_SECURITY_METHOD = 'addSecurityRequirements';
