/**
 * What errors look like to the outside world, as data: which reads of an error reveal internals
 * (`err.stack`, `err.message`, driver fields such as `err.sql`), which functions serialize a whole
 * error (`util.inspect`, `JSON.stringify`, `String`), which error classes carry messages written for
 * clients (Nest `HttpException`, `http-errors`, zod, joi) and which carry driver internals
 * (`QueryFailedError`, `SequelizeDatabaseError`, `MongoServerError`), which constructors put their
 * argument into a response body (Nest exceptions, `@fastify/sensible` helpers), and which
 * middleware renders development error pages (`errorhandler`).
 *
 * Every row has a `name` and is tested row by row in `tests/catalog/errors.test.ts`.
 */
import { isPackageSpecifier } from '../core/bindings.js';

/** What a read or serialization of an error puts into a response. */
export type ErrorReveal =
  /** The stack trace: file paths, line numbers, dependency versions. */
  | 'stack'
  /** The message: for internal errors, SQL fragments, hostnames, file paths, library internals. */
  | 'message'
  /** Driver or wrapper fields: the SQL text, query parameters, the wrapped driver error. */
  | 'details'
  /** The whole error object (its own enumerable properties, or its message through a serializer). */
  | 'object';

/** A property of an error object and what reading it reveals. */
export interface ErrorPropertyRow {
  readonly name: string;
  readonly property: string;
  /** `undefined` for properties that are safe to send (status codes, error codes, validation issues). */
  readonly reveals: ErrorReveal | undefined;
}

/**
 * Error properties. Properties not listed here reveal nothing the rule knows about and stay silent
 * (precision first); the listed safe ones are documented so their absence is a decision.
 */
export const ERROR_PROPERTIES = [
  { name: 'stack', property: 'stack', reveals: 'stack' },
  { name: 'message', property: 'message', reveals: 'message' },
  { name: 'sql-text', property: 'sql', reveals: 'details' },
  { name: 'mysql-sql-message', property: 'sqlMessage', reveals: 'details' },
  { name: 'typeorm-query', property: 'query', reveals: 'details' },
  { name: 'typeorm-parameters', property: 'parameters', reveals: 'details' },
  { name: 'typeorm-driver-error', property: 'driverError', reveals: 'details' },
  { name: 'sequelize-original', property: 'original', reveals: 'details' },
  { name: 'sequelize-parent', property: 'parent', reveals: 'details' },
  { name: 'mongo-errmsg', property: 'errmsg', reveals: 'details' },
  // Prisma's known request errors (constraint and column names, the database's own message for
  // P2010) and the Elasticsearch client's (the whole response).
  { name: 'prisma-elastic-meta', property: 'meta', reveals: 'details' },
  { name: 'error-cause', property: 'cause', reveals: 'details' },
  { name: 'status', property: 'status', reveals: undefined },
  { name: 'status-code', property: 'statusCode', reveals: undefined },
  { name: 'code', property: 'code', reveals: undefined },
  { name: 'name', property: 'name', reveals: undefined },
  { name: 'http-errors-expose', property: 'expose', reveals: undefined },
  { name: 'fastify-validation', property: 'validation', reveals: undefined },
  { name: 'zod-issues', property: 'issues', reveals: undefined },
  { name: 'joi-details', property: 'details', reveals: undefined },
  { name: 'validation-errors', property: 'errors', reveals: undefined },
] as const satisfies readonly ErrorPropertyRow[];

/** The catalog row of an error property, if the property is catalogued. */
export function findErrorProperty(property: string): ErrorPropertyRow | undefined {
  return (ERROR_PROPERTIES as readonly ErrorPropertyRow[]).find((row) => row.property === property);
}

/** Methods called on an error that return its text (`err.toString()`, Sequelize's `err.toJSON()`). */
export interface ErrorMethodRow {
  readonly name: string;
  readonly method: string;
  readonly reveals: ErrorReveal;
}

export const ERROR_METHODS = [
  { name: 'to-string', method: 'toString', reveals: 'message' },
  { name: 'to-json', method: 'toJSON', reveals: 'details' },
] as const satisfies readonly ErrorMethodRow[];

/** The catalog row of an error method, if the method is catalogued. */
export function findErrorMethod(method: string): ErrorMethodRow | undefined {
  return (ERROR_METHODS as readonly ErrorMethodRow[]).find((row) => row.method === method);
}

/**
 * A function that turns a whole error into text or a plain object. `module` is the package the
 * function comes from (`undefined` for globals); `path` is the export path inside it
 * (`inspect`, `stringify` of the global `JSON`).
 */
export interface ErrorSerializerRow {
  readonly name: string;
  /** The package, or `undefined` for a global (`JSON.stringify`, `String`). */
  readonly module: string | undefined;
  /** The export (`inspect`) or the global path (`JSON.stringify`); `default` for a default export. */
  readonly path: string;
  /** What the serialized text reveals. */
  readonly reveals: ErrorReveal;
  /** `new X(err).method()` serializers (Youch): the method that produces the output. */
  readonly viaInstanceMethods?: readonly string[];
}

export const ERROR_SERIALIZERS = [
  { name: 'util-inspect', module: 'util', path: 'inspect', reveals: 'stack' },
  { name: 'util-format', module: 'util', path: 'format', reveals: 'stack' },
  { name: 'json-stringify', module: undefined, path: 'JSON.stringify', reveals: 'object' },
  { name: 'string-conversion', module: undefined, path: 'String', reveals: 'message' },
  { name: 'serialize-error', module: 'serialize-error', path: 'serializeError', reveals: 'stack' },
  { name: 'youch', module: 'youch', path: 'default', reveals: 'stack', viaInstanceMethods: ['toHTML', 'toJSON', 'toANSI'] },
] as const satisfies readonly ErrorSerializerRow[];

/** Whether an error class's message was written for clients, or carries internals of a database driver or an upstream client. */
export type ErrorClassKind = 'client' | 'driver';

/** An error class a library exports. */
export interface ErrorClassRow {
  readonly name: string;
  /** The exported class name (`HttpException`); namespaced classes are matched by their last name. */
  readonly className: string;
  /** Packages that export the class (a subpath of one counts). */
  readonly modules: readonly string[];
  readonly kind: ErrorClassKind;
  /** Values of `err.name` that identify the class (`SequelizeDatabaseError`). */
  readonly errorNames: readonly string[];
}

/** A Nest built-in HTTP exception and the status it answers with. */
export interface NestExceptionRow {
  readonly name: string;
  readonly className: string;
  /** `undefined` for `HttpException`, whose status is its second argument. */
  readonly status: number | undefined;
}

export const NEST_EXCEPTIONS = [
  { name: 'http-exception', className: 'HttpException', status: undefined },
  { name: 'bad-request', className: 'BadRequestException', status: 400 },
  { name: 'unauthorized', className: 'UnauthorizedException', status: 401 },
  { name: 'forbidden', className: 'ForbiddenException', status: 403 },
  { name: 'not-found', className: 'NotFoundException', status: 404 },
  { name: 'method-not-allowed', className: 'MethodNotAllowedException', status: 405 },
  { name: 'not-acceptable', className: 'NotAcceptableException', status: 406 },
  { name: 'request-timeout', className: 'RequestTimeoutException', status: 408 },
  { name: 'conflict', className: 'ConflictException', status: 409 },
  { name: 'gone', className: 'GoneException', status: 410 },
  { name: 'precondition-failed', className: 'PreconditionFailedException', status: 412 },
  { name: 'payload-too-large', className: 'PayloadTooLargeException', status: 413 },
  { name: 'unsupported-media-type', className: 'UnsupportedMediaTypeException', status: 415 },
  { name: 'im-a-teapot', className: 'ImATeapotException', status: 418 },
  { name: 'misdirected', className: 'MisdirectedException', status: 421 },
  { name: 'unprocessable-entity', className: 'UnprocessableEntityException', status: 422 },
  { name: 'internal-server-error', className: 'InternalServerErrorException', status: 500 },
  { name: 'not-implemented', className: 'NotImplementedException', status: 501 },
  { name: 'bad-gateway', className: 'BadGatewayException', status: 502 },
  { name: 'service-unavailable', className: 'ServiceUnavailableException', status: 503 },
  { name: 'gateway-timeout', className: 'GatewayTimeoutException', status: 504 },
  { name: 'http-version-not-supported', className: 'HttpVersionNotSupportedException', status: 505 },
] as const satisfies readonly NestExceptionRow[];

const NEST_HTTP_EXCEPTIONS: readonly string[] = NEST_EXCEPTIONS.map((row) => row.className);

/** The Nest exception row of a class name, if it is a built-in. */
export function findNestException(className: string): NestExceptionRow | undefined {
  return (NEST_EXCEPTIONS as readonly NestExceptionRow[]).find((row) => row.className === className);
}

/** A member of Nest's `HttpStatus` enum and its number. */
export interface HttpStatusConstantRow {
  readonly name: string;
  readonly status: number;
}

export const HTTP_STATUS_CONSTANTS = [
  { name: 'OK', status: 200 },
  { name: 'CREATED', status: 201 },
  { name: 'ACCEPTED', status: 202 },
  { name: 'NO_CONTENT', status: 204 },
  { name: 'BAD_REQUEST', status: 400 },
  { name: 'UNAUTHORIZED', status: 401 },
  { name: 'FORBIDDEN', status: 403 },
  { name: 'NOT_FOUND', status: 404 },
  { name: 'CONFLICT', status: 409 },
  { name: 'GONE', status: 410 },
  { name: 'UNPROCESSABLE_ENTITY', status: 422 },
  { name: 'LOCKED', status: 423 },
  { name: 'TOO_MANY_REQUESTS', status: 429 },
  { name: 'INTERNAL_SERVER_ERROR', status: 500 },
  { name: 'BAD_GATEWAY', status: 502 },
  { name: 'SERVICE_UNAVAILABLE', status: 503 },
  { name: 'GATEWAY_TIMEOUT', status: 504 },
] as const satisfies readonly HttpStatusConstantRow[];

/** The number of an `HttpStatus.<NAME>` member, if catalogued. */
export function findHttpStatusConstant(name: string): number | undefined {
  return (HTTP_STATUS_CONSTANTS as readonly HttpStatusConstantRow[]).find((row) => row.name === name)?.status;
}

/** Nest's built-in HTTP exceptions (all extend `HttpException`). */
export const NEST_HTTP_EXCEPTION_NAMES: readonly string[] = NEST_HTTP_EXCEPTIONS;

export const ERROR_CLASSES = [
  { name: 'nest-http-exception', className: 'HttpException', modules: ['@nestjs/common'], kind: 'client', errorNames: [] },
  { name: 'nest-bad-request', className: 'BadRequestException', modules: ['@nestjs/common'], kind: 'client', errorNames: [] },
  { name: 'nest-not-found', className: 'NotFoundException', modules: ['@nestjs/common'], kind: 'client', errorNames: [] },
  { name: 'nest-unauthorized', className: 'UnauthorizedException', modules: ['@nestjs/common'], kind: 'client', errorNames: [] },
  { name: 'nest-forbidden', className: 'ForbiddenException', modules: ['@nestjs/common'], kind: 'client', errorNames: [] },
  { name: 'nest-conflict', className: 'ConflictException', modules: ['@nestjs/common'], kind: 'client', errorNames: [] },
  { name: 'nest-unprocessable', className: 'UnprocessableEntityException', modules: ['@nestjs/common'], kind: 'client', errorNames: [] },
  { name: 'nest-ws-exception', className: 'WsException', modules: ['@nestjs/websockets'], kind: 'client', errorNames: [] },
  { name: 'nest-rpc-exception', className: 'RpcException', modules: ['@nestjs/microservices'], kind: 'client', errorNames: [] },
  { name: 'http-errors', className: 'HttpError', modules: ['http-errors'], kind: 'client', errorNames: [] },
  { name: 'zod-error', className: 'ZodError', modules: ['zod'], kind: 'client', errorNames: ['ZodError'] },
  { name: 'joi-validation-error', className: 'ValidationError', modules: ['joi', '@hapi/joi', 'celebrate'], kind: 'client', errorNames: ['ValidationError'] },
  { name: 'yup-validation-error', className: 'ValidationError', modules: ['yup'], kind: 'client', errorNames: ['ValidationError'] },
  { name: 'celebrate-error', className: 'CelebrateError', modules: ['celebrate'], kind: 'client', errorNames: [] },
  { name: 'class-validator-error', className: 'ValidationError', modules: ['class-validator'], kind: 'client', errorNames: [] },
  { name: 'sequelize-validation-error', className: 'ValidationError', modules: ['sequelize', 'sequelize-typescript'], kind: 'client', errorNames: ['SequelizeValidationError'] },
  { name: 'mongoose-validation-error', className: 'ValidationError', modules: ['mongoose'], kind: 'client', errorNames: [] },
  { name: 'jsonwebtoken-error', className: 'JsonWebTokenError', modules: ['jsonwebtoken'], kind: 'client', errorNames: ['JsonWebTokenError'] },
  { name: 'jsonwebtoken-expired', className: 'TokenExpiredError', modules: ['jsonwebtoken'], kind: 'client', errorNames: ['TokenExpiredError'] },
  { name: 'multer-error', className: 'MulterError', modules: ['multer'], kind: 'client', errorNames: ['MulterError'] },
  { name: 'routing-controllers-http-error', className: 'HttpError', modules: ['routing-controllers'], kind: 'client', errorNames: [] },
  { name: 'boom', className: 'Boom', modules: ['@hapi/boom', 'boom'], kind: 'client', errorNames: [] },
  { name: 'sequelize-database-error', className: 'DatabaseError', modules: ['sequelize', 'sequelize-typescript'], kind: 'driver', errorNames: ['SequelizeDatabaseError'] },
  { name: 'sequelize-unique-constraint', className: 'UniqueConstraintError', modules: ['sequelize', 'sequelize-typescript'], kind: 'driver', errorNames: ['SequelizeUniqueConstraintError'] },
  { name: 'sequelize-foreign-key', className: 'ForeignKeyConstraintError', modules: ['sequelize', 'sequelize-typescript'], kind: 'driver', errorNames: ['SequelizeForeignKeyConstraintError'] },
  { name: 'sequelize-connection-error', className: 'ConnectionError', modules: ['sequelize', 'sequelize-typescript'], kind: 'driver', errorNames: ['SequelizeConnectionError'] },
  { name: 'typeorm-query-failed', className: 'QueryFailedError', modules: ['typeorm'], kind: 'driver', errorNames: ['QueryFailedError'] },
  { name: 'typeorm-entity-not-found', className: 'EntityNotFoundError', modules: ['typeorm'], kind: 'driver', errorNames: ['EntityNotFoundError'] },
  { name: 'typeorm-error', className: 'TypeORMError', modules: ['typeorm'], kind: 'driver', errorNames: [] },
  { name: 'mongo-server-error', className: 'MongoServerError', modules: ['mongodb', 'mongoose'], kind: 'driver', errorNames: ['MongoServerError'] },
  { name: 'mongo-error', className: 'MongoError', modules: ['mongodb', 'mongoose'], kind: 'driver', errorNames: ['MongoError'] },
  { name: 'mongo-network-error', className: 'MongoNetworkError', modules: ['mongodb', 'mongoose'], kind: 'driver', errorNames: ['MongoNetworkError'] },
  { name: 'mongo-bulk-write-error', className: 'MongoBulkWriteError', modules: ['mongodb', 'mongoose'], kind: 'driver', errorNames: ['MongoBulkWriteError'] },
  { name: 'mongoose-cast-error', className: 'CastError', modules: ['mongoose'], kind: 'driver', errorNames: ['CastError'] },
  { name: 'prisma-known-request', className: 'PrismaClientKnownRequestError', modules: ['@prisma/client'], kind: 'driver', errorNames: ['PrismaClientKnownRequestError'] },
  { name: 'prisma-unknown-request', className: 'PrismaClientUnknownRequestError', modules: ['@prisma/client'], kind: 'driver', errorNames: ['PrismaClientUnknownRequestError'] },
  { name: 'prisma-validation', className: 'PrismaClientValidationError', modules: ['@prisma/client'], kind: 'driver', errorNames: ['PrismaClientValidationError'] },
  { name: 'prisma-initialization', className: 'PrismaClientInitializationError', modules: ['@prisma/client'], kind: 'driver', errorNames: ['PrismaClientInitializationError'] },
  { name: 'pg-database-error', className: 'DatabaseError', modules: ['pg', 'pg-protocol'], kind: 'driver', errorNames: [] },
  { name: 'knex-timeout', className: 'KnexTimeoutError', modules: ['knex'], kind: 'driver', errorNames: ['KnexTimeoutError'] },
  { name: 'axios-error', className: 'AxiosError', modules: ['axios'], kind: 'driver', errorNames: ['AxiosError'] },
  { name: 'redis-reply-error', className: 'ReplyError', modules: ['redis', 'ioredis', 'redis-errors'], kind: 'driver', errorNames: ['ReplyError'] },
] as const satisfies readonly ErrorClassRow[];

/** The catalog row for a class exported by `module` under `className`, if any. */
export function findErrorClass(module: string, className: string): ErrorClassRow | undefined {
  for (const row of ERROR_CLASSES as readonly ErrorClassRow[]) {
    if (row.className === className && row.modules.some((m) => isPackageSpecifier(module, m))) return row;
  }
  // Nest's built-in exceptions not listed one by one share the HttpException row.
  if (isPackageSpecifier(module, '@nestjs/common') && NEST_HTTP_EXCEPTION_NAMES.includes(className)) {
    return ERROR_CLASSES[0];
  }
  return undefined;
}

/** The row whose `err.name` values include `errorName` (`SequelizeDatabaseError`), if any. */
export function findErrorClassByErrorName(errorName: string): ErrorClassRow | undefined {
  return (ERROR_CLASSES as readonly ErrorClassRow[]).find((row) => row.errorNames.includes(errorName));
}

/**
 * A constructor or helper whose arguments become (part of) a response body: Nest's exceptions put
 * their first argument in the body and a string second argument (or `{ description }`) in
 * `error`; `@fastify/sensible`'s `reply.badRequest(msg)` sends `msg`.
 */
export interface ErrorResponseFactoryRow {
  readonly name: string;
  /** `new` of an exported class, or a method called on a Fastify reply / `fastify.httpErrors`. */
  readonly form: 'new' | 'reply-method';
  readonly modules: readonly string[];
  /** Class names (`new`) or method names (`reply-method`). */
  readonly names: readonly string[];
  /** Argument positions that reach the body. */
  readonly bodyArguments: readonly number[];
  /** An options object at this position whose `description` reaches the body. */
  readonly descriptionOptionAt?: number;
}

export const ERROR_RESPONSE_FACTORIES = [
  {
    name: 'nest-http-exception',
    form: 'new',
    modules: ['@nestjs/common'],
    names: ['HttpException'],
    bodyArguments: [0],
  },
  {
    name: 'nest-builtin-exceptions',
    form: 'new',
    modules: ['@nestjs/common'],
    names: NEST_HTTP_EXCEPTIONS.filter((n) => n !== 'HttpException'),
    bodyArguments: [0, 1],
    descriptionOptionAt: 1,
  },
  {
    name: 'fastify-sensible-reply',
    form: 'reply-method',
    modules: ['@fastify/sensible', 'fastify-sensible'],
    names: [
      'badRequest',
      'unauthorized',
      'forbidden',
      'notFound',
      'conflict',
      'unprocessableEntity',
      'internalServerError',
      'badGateway',
      'serviceUnavailable',
      'gatewayTimeout',
    ],
    bodyArguments: [0],
  },
] as const satisfies readonly ErrorResponseFactoryRow[];

/** The factory row for `new <className>(...)` imported from `module`, if any. */
export function findExceptionConstructor(module: string, className: string): ErrorResponseFactoryRow | undefined {
  return (ERROR_RESPONSE_FACTORIES as readonly ErrorResponseFactoryRow[]).find(
    (row) => row.form === 'new' && row.names.includes(className) && row.modules.some((m) => isPackageSpecifier(module, m)),
  );
}

/** The factory row for `reply.<method>(...)` (`@fastify/sensible`), if any. */
export function findReplyErrorHelper(method: string): ErrorResponseFactoryRow | undefined {
  return (ERROR_RESPONSE_FACTORIES as readonly ErrorResponseFactoryRow[]).find(
    (row) => row.form === 'reply-method' && row.names.includes(method),
  );
}

/**
 * Middleware that renders full error details (stack traces, source excerpts) and is meant for
 * development only.
 */
export interface DevelopmentErrorMiddlewareRow {
  readonly name: string;
  readonly module: string;
  /** The export called to build the middleware (`default` for `errorhandler()`). */
  readonly export: string;
  /**
   * When set, the middleware is development-only only when this option of its first argument is
   * truthy (`strongErrorHandler({ debug: true })`); otherwise every use is development-only.
   */
  readonly whenOption?: string;
}

export const DEVELOPMENT_ERROR_MIDDLEWARE = [
  { name: 'errorhandler', module: 'errorhandler', export: 'default' },
  { name: 'strong-error-handler-debug', module: 'strong-error-handler', export: 'default', whenOption: 'debug' },
  { name: 'express-error-handler-dev', module: 'express-dev-errorhandler', export: 'default' },
] as const satisfies readonly DevelopmentErrorMiddlewareRow[];

/** The development error middleware exported by `module` as `exported`, if any. */
export function findDevelopmentErrorMiddleware(module: string, exported: string): DevelopmentErrorMiddlewareRow | undefined {
  const wanted = exported === '*' ? 'default' : exported;
  return (DEVELOPMENT_ERROR_MIDDLEWARE as readonly DevelopmentErrorMiddlewareRow[]).find(
    (row) => isPackageSpecifier(module, row.module) && row.export === wanted,
  );
}

/** The serializer row for an export of a package (`inspect` of `node:util`), if any. */
export function findModuleErrorSerializer(module: string, exported: string): ErrorSerializerRow | undefined {
  const wanted = exported === '*' ? 'default' : exported;
  return (ERROR_SERIALIZERS as readonly ErrorSerializerRow[]).find(
    (row) => row.module !== undefined && isPackageSpecifier(module, row.module) && row.path === wanted,
  );
}

/** The serializer row for a global path (`JSON.stringify`, `String`), if any. */
export function findGlobalErrorSerializer(path: string): ErrorSerializerRow | undefined {
  return (ERROR_SERIALIZERS as readonly ErrorSerializerRow[]).find((row) => row.module === undefined && row.path === path);
}

/** A library call whose callback receives errors of known classes (`jwt.verify(token, key, (err, payload) => ...)`). */
export interface CallbackErrorRow {
  readonly name: string;
  readonly module: string;
  /** The export path of the call (`verify`). */
  readonly path: string;
  readonly kind: ErrorClassKind;
}

export const CALLBACK_ERRORS = [
  // JsonWebTokenError, TokenExpiredError, NotBeforeError: "jwt expired", "invalid signature".
  { name: 'jsonwebtoken-verify', module: 'jsonwebtoken', path: 'verify', kind: 'client' },
] as const satisfies readonly CallbackErrorRow[];

/** The callback-error row of a call to `path` of `module`, if any. */
export function findCallbackErrors(module: string, path: string): CallbackErrorRow | undefined {
  return (CALLBACK_ERRORS as readonly CallbackErrorRow[]).find((row) => isPackageSpecifier(module, row.module) && row.path === path);
}

/**
 * Calls whose thrown errors are client errors by construction: a `try` block whose only calls are
 * these hands its `catch` a client error (`try { await request.jwtVerify() } catch (err) { reply.send(err) }`,
 * the authentication decorator of the @fastify/jwt documentation). Matched by method name.
 */
export interface ThrowingClientCallRow {
  readonly name: string;
  /** The method name (`jwtVerify`). */
  readonly method: string;
  readonly kind: ErrorClassKind;
}

export const THROWING_CLIENT_CALLS = [
  // @fastify/jwt: FST_JWT_NO_AUTHORIZATION_IN_HEADER, FST_JWT_AUTHORIZATION_TOKEN_EXPIRED,
  // FST_JWT_AUTHORIZATION_TOKEN_INVALID, ...: 400/401 errors whose messages are written for clients.
  { name: '@fastify/jwt request.jwtVerify', method: 'jwtVerify', kind: 'client' },
  { name: '@fastify/jwt request.jwtDecode', method: 'jwtDecode', kind: 'client' },
] as const satisfies readonly ThrowingClientCallRow[];

/** The row of a method whose thrown errors are client errors, if any. */
export function findThrowingClientCall(method: string): ThrowingClientCallRow | undefined {
  return (THROWING_CLIENT_CALLS as readonly ThrowingClientCallRow[]).find((row) => row.method === method);
}

/**
 * Operators whose callback receives a caught error the way `.catch(fn)` does: RxJS's
 * `catchError((err) => ...)`, the usual way to handle a failed call of Nest's `HttpService`.
 */
export interface ErrorCatchOperatorRow {
  readonly name: string;
  readonly modules: readonly string[];
  /** The export path of the operator (`catchError`). */
  readonly path: string;
}

export const ERROR_CATCH_OPERATORS = [
  { name: 'rxjs-catch-error', modules: ['rxjs', 'rxjs/operators'], path: 'catchError' },
] as const satisfies readonly ErrorCatchOperatorRow[];

/** The row of an operator that hands its callback a caught error. */
export function findErrorCatchOperator(module: string, path: string): ErrorCatchOperatorRow | undefined {
  return (ERROR_CATCH_OPERATORS as readonly ErrorCatchOperatorRow[]).find((row) => row.modules.includes(module) && row.path === path);
}

/** Names conventionally given to a caught error or an error handler's error parameter. */
export const ERROR_PARAMETER_NAMES: readonly string[] = ['err', 'error', 'e', 'ex', 'exc', 'exception', 'er', 'cause'];
