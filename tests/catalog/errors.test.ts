/**
 * Every row of the error catalog, with one sample that matches it and one that does not.
 */
import { describe, expect, it } from 'vitest';
import {
  CALLBACK_ERRORS,
  ERROR_CATCH_OPERATORS,
  findErrorCatchOperator,
  THROWING_CLIENT_CALLS,
  findThrowingClientCall,
  DEVELOPMENT_ERROR_MIDDLEWARE,
  ERROR_CLASSES,
  ERROR_METHODS,
  ERROR_PROPERTIES,
  ERROR_RESPONSE_FACTORIES,
  ERROR_SERIALIZERS,
  HTTP_STATUS_CONSTANTS,
  NEST_EXCEPTIONS,
  findCallbackErrors,
  findDevelopmentErrorMiddleware,
  findHttpStatusConstant,
  findNestException,
  findErrorClass,
  findErrorClassByErrorName,
  findErrorMethod,
  findErrorProperty,
  findExceptionConstructor,
  findGlobalErrorSerializer,
  findModuleErrorSerializer,
  findReplyErrorHelper,
} from '../../src/catalog/errors.js';

/** [module, class name] that must match the row, and one that must not. */
const ERROR_CLASS_SAMPLES: Record<string, { match: [string, string]; miss: [string, string] }> = {
  'nest-http-exception': { match: ['@nestjs/common', 'HttpException'], miss: ['@nestjs/core', 'HttpException'] },
  'nest-bad-request': { match: ['@nestjs/common', 'BadRequestException'], miss: ['./errors', 'BadRequestException'] },
  'nest-not-found': { match: ['@nestjs/common', 'NotFoundException'], miss: ['typeorm', 'NotFoundException'] },
  'nest-unauthorized': { match: ['@nestjs/common', 'UnauthorizedException'], miss: ['@nestjs/common', 'Unauthorized'] },
  'nest-forbidden': { match: ['@nestjs/common', 'ForbiddenException'], miss: ['express', 'ForbiddenException'] },
  'nest-conflict': { match: ['@nestjs/common', 'ConflictException'], miss: ['../common', 'ConflictException'] },
  'nest-unprocessable': { match: ['@nestjs/common', 'UnprocessableEntityException'], miss: ['@nestjs/common', 'Unprocessable'] },
  'nest-ws-exception': { match: ['@nestjs/websockets', 'WsException'], miss: ['ws', 'WsException'] },
  'nest-rpc-exception': { match: ['@nestjs/microservices', 'RpcException'], miss: ['grpc', 'RpcException'] },
  'http-errors': { match: ['http-errors', 'HttpError'], miss: ['./lib/http-error.js', 'HttpError'] },
  'zod-error': { match: ['zod', 'ZodError'], miss: ['zod', 'ZodIssue'] },
  'joi-validation-error': { match: ['joi', 'ValidationError'], miss: ['joi', 'Schema'] },
  'yup-validation-error': { match: ['yup', 'ValidationError'], miss: ['yup', 'object'] },
  'celebrate-error': { match: ['celebrate', 'CelebrateError'], miss: ['celebrate', 'Segments'] },
  'class-validator-error': { match: ['class-validator', 'ValidationError'], miss: ['class-validator', 'IsEmail'] },
  'sequelize-validation-error': { match: ['sequelize', 'ValidationError'], miss: ['sequelize', 'Model'] },
  'mongoose-validation-error': { match: ['mongoose', 'ValidationError'], miss: ['mongoose', 'Schema'] },
  'jsonwebtoken-error': { match: ['jsonwebtoken', 'JsonWebTokenError'], miss: ['jose', 'JsonWebTokenError'] },
  'jsonwebtoken-expired': { match: ['jsonwebtoken', 'TokenExpiredError'], miss: ['jsonwebtoken', 'sign'] },
  'multer-error': { match: ['multer', 'MulterError'], miss: ['busboy', 'MulterError'] },
  'routing-controllers-http-error': { match: ['routing-controllers', 'HttpError'], miss: ['routing-controllers', 'Get'] },
  boom: { match: ['@hapi/boom', 'Boom'], miss: ['hapi', 'Boom'] },
  'sequelize-database-error': { match: ['sequelize', 'DatabaseError'], miss: ['sequelize', 'Op'] },
  'sequelize-unique-constraint': { match: ['sequelize', 'UniqueConstraintError'], miss: ['typeorm', 'UniqueConstraintError'] },
  'sequelize-foreign-key': { match: ['sequelize', 'ForeignKeyConstraintError'], miss: ['sequelize', 'ForeignKey'] },
  'sequelize-connection-error': { match: ['sequelize-typescript', 'ConnectionError'], miss: ['mongodb', 'ConnectionError'] },
  'typeorm-query-failed': { match: ['typeorm', 'QueryFailedError'], miss: ['./query-failed', 'QueryFailedError'] },
  'typeorm-entity-not-found': { match: ['typeorm', 'EntityNotFoundError'], miss: ['typeorm', 'Entity'] },
  'typeorm-error': { match: ['typeorm', 'TypeORMError'], miss: ['typeorm', 'Repository'] },
  'mongo-server-error': { match: ['mongodb', 'MongoServerError'], miss: ['mongodb', 'MongoClient'] },
  'mongo-error': { match: ['mongoose', 'MongoError'], miss: ['redis', 'MongoError'] },
  'mongo-network-error': { match: ['mongodb', 'MongoNetworkError'], miss: ['mongodb', 'ObjectId'] },
  'mongo-bulk-write-error': { match: ['mongodb', 'MongoBulkWriteError'], miss: ['mongodb', 'BulkWrite'] },
  'mongoose-cast-error': { match: ['mongoose', 'CastError'], miss: ['mongodb', 'CastError'] },
  'prisma-known-request': { match: ['@prisma/client', 'PrismaClientKnownRequestError'], miss: ['@prisma/client', 'PrismaClient'] },
  'prisma-unknown-request': { match: ['@prisma/client/runtime/library', 'PrismaClientUnknownRequestError'], miss: ['prisma', 'PrismaClientUnknownRequestError'] },
  'prisma-validation': { match: ['@prisma/client', 'PrismaClientValidationError'], miss: ['@prisma/client', 'Prisma'] },
  'prisma-initialization': { match: ['@prisma/client', 'PrismaClientInitializationError'], miss: ['@prisma/clientx', 'PrismaClientInitializationError'] },
  'pg-database-error': { match: ['pg', 'DatabaseError'], miss: ['pg', 'Pool'] },
  'knex-timeout': { match: ['knex', 'KnexTimeoutError'], miss: ['knex', 'Knex'] },
  'redis-reply-error': { match: ['ioredis', 'ReplyError'], miss: ['ioredis', 'Redis'] },
  'axios-error': { match: ['axios', 'AxiosError'], miss: ['axios', 'Axios'] },
};

describe('error catalog: error classes', () => {
  it('has a sample for every row, and every sample names a row', () => {
    expect(Object.keys(ERROR_CLASS_SAMPLES).sort()).toEqual(ERROR_CLASSES.map((r) => r.name).sort());
  });

  for (const row of ERROR_CLASSES) {
    it(`${row.name}: matches its class and not a look-alike`, () => {
      const sample = ERROR_CLASS_SAMPLES[row.name]!;
      expect(findErrorClass(...sample.match)?.kind).toBe(row.kind);
      expect(findErrorClass(...sample.match)?.className).toBe(row.className);
      expect(findErrorClass(...sample.miss)?.name).not.toBe(row.name);
    });
  }

  it('covers every Nest built-in exception through the HttpException row', () => {
    expect(findErrorClass('@nestjs/common', 'GatewayTimeoutException')?.kind).toBe('client');
    expect(findErrorClass('@nestjs/common', 'ImATeapotException')?.kind).toBe('client');
    expect(findErrorClass('@nestjs/common', 'Logger')).toBeUndefined();
  });

  it('finds driver classes by their err.name values', () => {
    expect(findErrorClassByErrorName('SequelizeDatabaseError')?.kind).toBe('driver');
    expect(findErrorClassByErrorName('ZodError')?.kind).toBe('client');
    expect(findErrorClassByErrorName('Error')).toBeUndefined();
  });
});

describe('error catalog: properties and methods', () => {
  const PROPERTY_SAMPLES: Record<string, string> = {
    stack: 'stack',
    message: 'message',
    'sql-text': 'sql',
    'mysql-sql-message': 'sqlMessage',
    'typeorm-query': 'query',
    'typeorm-parameters': 'parameters',
    'typeorm-driver-error': 'driverError',
    'sequelize-original': 'original',
    'sequelize-parent': 'parent',
    'mongo-errmsg': 'errmsg',
    'prisma-elastic-meta': 'meta',
    'error-cause': 'cause',
    status: 'status',
    'status-code': 'statusCode',
    code: 'code',
    name: 'name',
    'http-errors-expose': 'expose',
    'fastify-validation': 'validation',
    'zod-issues': 'issues',
    'joi-details': 'details',
    'validation-errors': 'errors',
  };

  it('has a sample for every property row', () => {
    expect(Object.keys(PROPERTY_SAMPLES).sort()).toEqual(ERROR_PROPERTIES.map((r) => r.name).sort());
  });

  for (const row of ERROR_PROPERTIES) {
    it(`${row.name}: matches .${PROPERTY_SAMPLES[row.name]} and not a look-alike`, () => {
      expect(findErrorProperty(PROPERTY_SAMPLES[row.name]!)?.reveals).toBe(row.reveals);
      expect(findErrorProperty(`${PROPERTY_SAMPLES[row.name]!}Text`)).toBeUndefined();
    });
  }

  it('treats status codes, error codes and validation issues as safe', () => {
    expect(findErrorProperty('statusCode')?.reveals).toBeUndefined();
    expect(findErrorProperty('validation')?.reveals).toBeUndefined();
    expect(findErrorProperty('stack')?.reveals).toBe('stack');
  });

  const METHOD_SAMPLES: Record<string, string> = { 'to-string': 'toString', 'to-json': 'toJSON' };
  for (const row of ERROR_METHODS) {
    it(`${row.name}: matches .${METHOD_SAMPLES[row.name]}() and not a look-alike`, () => {
      expect(findErrorMethod(METHOD_SAMPLES[row.name]!)?.name).toBe(row.name);
      expect(findErrorMethod('toLocaleString')).toBeUndefined();
    });
  }
});

describe('error catalog: serializers', () => {
  const SERIALIZER_SAMPLES: Record<string, { match: [string | undefined, string]; miss: [string | undefined, string] }> = {
    'util-inspect': { match: ['node:util', 'inspect'], miss: ['util', 'promisify'] },
    'util-format': { match: ['util', 'format'], miss: ['date-fns', 'format'] },
    'json-stringify': { match: [undefined, 'JSON.stringify'], miss: [undefined, 'JSON.parse'] },
    'string-conversion': { match: [undefined, 'String'], miss: [undefined, 'Number'] },
    'serialize-error': { match: ['serialize-error', 'serializeError'], miss: ['serialize-error', 'deserializeError'] },
    youch: { match: ['youch', 'default'], miss: ['youch-terminal', 'default'] },
  };

  it('has a sample for every serializer row', () => {
    expect(Object.keys(SERIALIZER_SAMPLES).sort()).toEqual(ERROR_SERIALIZERS.map((r) => r.name).sort());
  });

  for (const row of ERROR_SERIALIZERS) {
    it(`${row.name}: matches its function and not a look-alike`, () => {
      const { match, miss } = SERIALIZER_SAMPLES[row.name]!;
      const find = (module: string | undefined, path: string) =>
        module === undefined ? findGlobalErrorSerializer(path) : findModuleErrorSerializer(module, path);
      expect(find(...match)?.name).toBe(row.name);
      expect(find(...miss)?.name).not.toBe(row.name);
    });
  }
});

describe('error catalog: response factories', () => {
  const FACTORY_SAMPLES: Record<string, { match: () => unknown; miss: () => unknown }> = {
    'nest-http-exception': {
      match: () => findExceptionConstructor('@nestjs/common', 'HttpException'),
      miss: () => findExceptionConstructor('./http-exception', 'HttpException'),
    },
    'nest-builtin-exceptions': {
      match: () => findExceptionConstructor('@nestjs/common', 'InternalServerErrorException'),
      miss: () => findExceptionConstructor('@nestjs/common', 'Logger'),
    },
    'fastify-sensible-reply': {
      match: () => findReplyErrorHelper('internalServerError'),
      miss: () => findReplyErrorHelper('send'),
    },
  };

  it('has a sample for every factory row', () => {
    expect(Object.keys(FACTORY_SAMPLES).sort()).toEqual(ERROR_RESPONSE_FACTORIES.map((r) => r.name).sort());
  });

  for (const row of ERROR_RESPONSE_FACTORIES) {
    it(`${row.name}: matches its constructor or helper and not a look-alike`, () => {
      const sample = FACTORY_SAMPLES[row.name]!;
      expect((sample.match() as { name?: string } | undefined)?.name).toBe(row.name);
      expect(sample.miss()).toBeUndefined();
    });
  }

  it('puts a Nest built-in exception\'s description in the body', () => {
    expect(findExceptionConstructor('@nestjs/common', 'BadRequestException')).toMatchObject({ bodyArguments: [0, 1], descriptionOptionAt: 1 });
    expect(findExceptionConstructor('@nestjs/common', 'HttpException')).toMatchObject({ bodyArguments: [0] });
  });
});

describe('error catalog: development error middleware', () => {
  const MIDDLEWARE_SAMPLES: Record<string, { match: [string, string]; miss: [string, string] }> = {
    errorhandler: { match: ['errorhandler', 'default'], miss: ['error-handler', 'default'] },
    'strong-error-handler-debug': { match: ['strong-error-handler', '*'], miss: ['strong-error-handler', 'format'] },
    'express-error-handler-dev': { match: ['express-dev-errorhandler', 'default'], miss: ['express-errorhandler', 'default'] },
  };

  it('has a sample for every middleware row', () => {
    expect(Object.keys(MIDDLEWARE_SAMPLES).sort()).toEqual(DEVELOPMENT_ERROR_MIDDLEWARE.map((r) => r.name).sort());
  });

  for (const row of DEVELOPMENT_ERROR_MIDDLEWARE) {
    it(`${row.name}: matches its package and not a look-alike`, () => {
      const { match, miss } = MIDDLEWARE_SAMPLES[row.name]!;
      expect(findDevelopmentErrorMiddleware(...match)?.name).toBe(row.name);
      expect(findDevelopmentErrorMiddleware(...miss)).toBeUndefined();
    });
  }
});

describe('error catalog: Nest exception statuses', () => {
  for (const row of NEST_EXCEPTIONS) {
    it(`${row.name}: ${row.className} answers ${row.status ?? 'its second argument'}`, () => {
      expect(findNestException(row.className)?.status).toBe(row.status);
      expect(findNestException(row.className.replace('Exception', 'Error'))).toBeUndefined();
    });
  }

  for (const row of HTTP_STATUS_CONSTANTS) {
    it(`HttpStatus.${row.name} is ${row.status}`, () => {
      expect(findHttpStatusConstant(row.name)).toBe(row.status);
      expect(findHttpStatusConstant(row.name.toLowerCase())).toBeUndefined();
    });
  }
});

describe('error catalog: callback errors', () => {
  const SAMPLES: Record<string, { match: [string, string]; miss: [string, string] }> = {
    'jsonwebtoken-verify': { match: ['jsonwebtoken', 'verify'], miss: ['jsonwebtoken', 'sign'] },
  };

  it('has a sample for every row', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(CALLBACK_ERRORS.map((r) => r.name).sort());
  });

  for (const row of CALLBACK_ERRORS) {
    it(`${row.name}: matches its call and not a look-alike`, () => {
      expect(findCallbackErrors(...SAMPLES[row.name]!.match)?.kind).toBe(row.kind);
      expect(findCallbackErrors(...SAMPLES[row.name]!.miss)).toBeUndefined();
    });
  }
});

describe('error catalog: catch operators', () => {
  const SAMPLES: Record<string, { match: [string, string]; miss: [string, string] }> = {
    'rxjs-catch-error': { match: ['rxjs', 'catchError'], miss: ['./errors', 'catchError'] },
  };

  it('has a sample for every row', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(ERROR_CATCH_OPERATORS.map((r) => r.name).sort());
  });

  for (const row of ERROR_CATCH_OPERATORS) {
    it(`${row.name}: matches its operator in every module and not a look-alike`, () => {
      for (const module of row.modules) expect(findErrorCatchOperator(module, SAMPLES[row.name]!.match[1])?.name).toBe(row.name);
      expect(findErrorCatchOperator(...SAMPLES[row.name]!.miss)).toBeUndefined();
    });
  }
});

describe('error catalog: calls that throw client errors', () => {
  it('every row is found by its method and a look-alike is not', () => {
    for (const row of THROWING_CLIENT_CALLS) expect(findThrowingClientCall(row.method)?.name).toBe(row.name);
    expect(findThrowingClientCall('verify')).toBeUndefined();
    expect(findThrowingClientCall('jwtSign')).toBeUndefined();
  });
});
