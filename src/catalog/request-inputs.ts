/**
 * The request/response vocabulary of Express, Fastify and NestJS, as data: which properties and
 * methods of a request object are client input (and of which kind), which methods of a response
 * object send data to the client (and which only set status or headers and return the response for
 * chaining), how handlers are registered, which type names mark a request or response parameter,
 * and which parameter decorators of Nest read which input.
 *
 * Every row has a `name` and is tested row by row in `tests/catalog/request-inputs.test.ts`.
 */
import { isPackageSpecifier } from '../core/bindings.js';

/** The kind of client input a request read returns. */
export type RequestInputKind = 'body' | 'query' | 'params' | 'headers' | 'cookies' | 'files' | 'url';

export const REQUEST_INPUT_KINDS: readonly RequestInputKind[] = ['body', 'query', 'params', 'headers', 'cookies', 'files', 'url'];

/** Frameworks whose request objects share a vocabulary. */
export type RequestFramework = 'express' | 'fastify';

/** A property of the request object that holds client input (`req.body`, `request.query`). */
export interface RequestPropertyRow {
  readonly name: string;
  readonly property: string;
  readonly kind: RequestInputKind;
  readonly frameworks: readonly RequestFramework[];
}

/**
 * Request properties that carry client input. `req.ip`, `req.user`, `req.session` and
 * `req.protocol` are left out on purpose: they are set by the server, a proxy or middleware.
 */
export const REQUEST_PROPERTIES = [
  { name: 'body', property: 'body', kind: 'body', frameworks: ['express', 'fastify'] },
  { name: 'query', property: 'query', kind: 'query', frameworks: ['express', 'fastify'] },
  { name: 'params', property: 'params', kind: 'params', frameworks: ['express', 'fastify'] },
  { name: 'headers', property: 'headers', kind: 'headers', frameworks: ['express', 'fastify'] },
  { name: 'cookies', property: 'cookies', kind: 'cookies', frameworks: ['express', 'fastify'] },
  { name: 'signed-cookies', property: 'signedCookies', kind: 'cookies', frameworks: ['express'] },
  { name: 'multer-file', property: 'file', kind: 'files', frameworks: ['express'] },
  { name: 'multer-files', property: 'files', kind: 'files', frameworks: ['express'] },
  { name: 'url', property: 'url', kind: 'url', frameworks: ['express', 'fastify'] },
  { name: 'original-url', property: 'originalUrl', kind: 'url', frameworks: ['express', 'fastify'] },
  { name: 'path', property: 'path', kind: 'url', frameworks: ['express'] },
  { name: 'hostname', property: 'hostname', kind: 'headers', frameworks: ['express', 'fastify'] },
  { name: 'fastify-raw', property: 'raw', kind: 'url', frameworks: ['fastify'] },
] as const satisfies readonly RequestPropertyRow[];

/** A method of the request object that returns client input (`req.get('host')`). */
export interface RequestMethodRow {
  readonly name: string;
  readonly method: string;
  readonly kind: RequestInputKind;
  readonly frameworks: readonly RequestFramework[];
}

export const REQUEST_METHODS = [
  { name: 'express-get', method: 'get', kind: 'headers', frameworks: ['express'] },
  { name: 'express-header', method: 'header', kind: 'headers', frameworks: ['express'] },
  { name: 'express-param', method: 'param', kind: 'params', frameworks: ['express'] },
] as const satisfies readonly RequestMethodRow[];

/** The request input row of a property name, if it is one. */
export function findRequestProperty(property: string): RequestPropertyRow | undefined {
  return (REQUEST_PROPERTIES as readonly RequestPropertyRow[]).find((row) => row.property === property);
}

/** The request input row of a method name, if it is one. */
export function findRequestMethod(method: string): RequestMethodRow | undefined {
  return (REQUEST_METHODS as readonly RequestMethodRow[]).find((row) => row.method === method);
}

/** What a response method does. */
export type ResponseMethodEffect =
  /** Sends its arguments to the client (`res.json(x)`, `reply.send(x)`). */
  | 'send'
  /** Renders a template with its second argument as locals (`res.render('view', locals)`). */
  | 'render'
  /** Redirects to its (last) argument. */
  | 'redirect'
  /** Sets status, headers or type and returns the response for chaining (`res.status(500)`). */
  | 'chain';

export interface ResponseMethodRow {
  readonly name: string;
  readonly method: string;
  readonly effect: ResponseMethodEffect;
  readonly frameworks: readonly RequestFramework[];
}

export const RESPONSE_METHODS = [
  { name: 'express-send', method: 'send', effect: 'send', frameworks: ['express', 'fastify'] },
  { name: 'express-json', method: 'json', effect: 'send', frameworks: ['express'] },
  { name: 'express-jsonp', method: 'jsonp', effect: 'send', frameworks: ['express'] },
  { name: 'express-end', method: 'end', effect: 'send', frameworks: ['express'] },
  { name: 'express-send-status', method: 'sendStatus', effect: 'send', frameworks: ['express'] },
  { name: 'express-write', method: 'write', effect: 'send', frameworks: ['express'] },
  { name: 'express-render', method: 'render', effect: 'render', frameworks: ['express'] },
  { name: 'express-redirect', method: 'redirect', effect: 'redirect', frameworks: ['express', 'fastify'] },
  { name: 'status', method: 'status', effect: 'chain', frameworks: ['express', 'fastify'] },
  { name: 'fastify-code', method: 'code', effect: 'chain', frameworks: ['fastify'] },
  { name: 'express-set', method: 'set', effect: 'chain', frameworks: ['express'] },
  { name: 'header', method: 'header', effect: 'chain', frameworks: ['express', 'fastify'] },
  { name: 'fastify-headers', method: 'headers', effect: 'chain', frameworks: ['fastify'] },
  { name: 'type', method: 'type', effect: 'chain', frameworks: ['express', 'fastify'] },
  { name: 'express-type-alias', method: 'contentType', effect: 'chain', frameworks: ['express'] },
  { name: 'express-cookie', method: 'cookie', effect: 'chain', frameworks: ['express'] },
  { name: 'express-append', method: 'append', effect: 'chain', frameworks: ['express'] },
  { name: 'express-vary', method: 'vary', effect: 'chain', frameworks: ['express'] },
] as const satisfies readonly ResponseMethodRow[];

/** The response method row of a method name, if it is one. */
export function findResponseMethod(method: string): ResponseMethodRow | undefined {
  return (RESPONSE_METHODS as readonly ResponseMethodRow[]).find((row) => row.method === method);
}

/** How a route or middleware is registered on an app, router or Fastify instance. */
export interface HandlerRegistrationRow {
  readonly name: string;
  readonly method: string;
  /** `route`: a route for one HTTP method; `middleware`: `use`; `hook`: Fastify hooks; `error`: error handlers. */
  readonly role: 'route' | 'middleware' | 'hook' | 'error' | 'not-found';
  /** The HTTP method the registration declares, for routes. */
  readonly httpMethod?: string;
}

export const HANDLER_REGISTRATIONS = [
  { name: 'get', method: 'get', role: 'route', httpMethod: 'GET' },
  { name: 'post', method: 'post', role: 'route', httpMethod: 'POST' },
  { name: 'put', method: 'put', role: 'route', httpMethod: 'PUT' },
  { name: 'patch', method: 'patch', role: 'route', httpMethod: 'PATCH' },
  { name: 'delete', method: 'delete', role: 'route', httpMethod: 'DELETE' },
  { name: 'del', method: 'del', role: 'route', httpMethod: 'DELETE' },
  { name: 'head', method: 'head', role: 'route', httpMethod: 'HEAD' },
  { name: 'options', method: 'options', role: 'route', httpMethod: 'OPTIONS' },
  { name: 'all', method: 'all', role: 'route', httpMethod: 'ALL' },
  { name: 'use', method: 'use', role: 'middleware' },
  { name: 'fastify-add-hook', method: 'addHook', role: 'hook' },
  { name: 'fastify-set-error-handler', method: 'setErrorHandler', role: 'error' },
  { name: 'fastify-set-not-found-handler', method: 'setNotFoundHandler', role: 'not-found' },
] as const satisfies readonly HandlerRegistrationRow[];

/** The registration row of a method name, if it is one. */
export function findHandlerRegistration(method: string): HandlerRegistrationRow | undefined {
  return (HANDLER_REGISTRATIONS as readonly HandlerRegistrationRow[]).find((row) => row.method === method);
}

/**
 * Fastify route-option keys whose value is a function of the route, with the role it plays: the
 * handler, a route hook, or the route's own error handler (`errorHandler(error, request, reply)`).
 */
export const FASTIFY_ROUTE_FUNCTION_OPTIONS: readonly (readonly [key: string, role: 'route' | 'hook' | 'error'])[] = [
  ['handler', 'route'],
  ['onRequest', 'hook'],
  ['preParsing', 'hook'],
  ['preValidation', 'hook'],
  ['preHandler', 'hook'],
  ['preSerialization', 'hook'],
  ['onSend', 'hook'],
  ['errorHandler', 'error'],
];

/** What a parameter type marks. */
export type HandlerParameterRole = 'request' | 'response' | 'next';

/** A type name that marks a handler parameter, and the packages that export it. */
export interface HandlerParameterTypeRow {
  readonly name: string;
  readonly typeName: string;
  readonly role: HandlerParameterRole;
  readonly framework: RequestFramework;
  readonly modules: readonly string[];
}

export const HANDLER_PARAMETER_TYPES = [
  { name: 'express-request', typeName: 'Request', role: 'request', framework: 'express', modules: ['express', 'express-serve-static-core'] },
  { name: 'express-response', typeName: 'Response', role: 'response', framework: 'express', modules: ['express', 'express-serve-static-core'] },
  { name: 'express-next', typeName: 'NextFunction', role: 'next', framework: 'express', modules: ['express', 'express-serve-static-core'] },
  { name: 'express-handler-request', typeName: 'RequestHandler', role: 'request', framework: 'express', modules: ['express'] },
  { name: 'fastify-request', typeName: 'FastifyRequest', role: 'request', framework: 'fastify', modules: ['fastify'] },
  { name: 'fastify-reply', typeName: 'FastifyReply', role: 'response', framework: 'fastify', modules: ['fastify'] },
] as const satisfies readonly HandlerParameterTypeRow[];

/** The parameter type row of a type name imported from `module`, if it is one. */
export function findHandlerParameterType(typeName: string, module: string): HandlerParameterTypeRow | undefined {
  return (HANDLER_PARAMETER_TYPES as readonly HandlerParameterTypeRow[]).find(
    (row) => row.typeName === typeName && row.modules.some((m) => isPackageSpecifier(module, m)),
  );
}

/** Conventional parameter names of untyped handlers. */
export const CONVENTIONAL_PARAMETER_NAMES = {
  request: ['req', 'request'],
  response: ['res', 'response', 'reply'],
  next: ['next'],
  error: ['err', 'error', 'e', 'ex', 'exception'],
} as const satisfies Record<HandlerParameterRole | 'error', readonly string[]>;

/** What a Nest parameter decorator reads. */
export type NestParameterSource = RequestInputKind | 'request' | 'response' | 'next';

export interface NestParameterDecoratorInputRow {
  readonly name: string;
  readonly decorator: string;
  readonly reads: NestParameterSource;
}

/**
 * Nest parameter decorators of `@nestjs/common`. `@Ip()` and `@Session()` are left out: neither is
 * attacker-chosen request data in the sense of these rules.
 */
export const NEST_PARAMETER_INPUTS = [
  { name: 'body', decorator: 'Body', reads: 'body' },
  { name: 'query', decorator: 'Query', reads: 'query' },
  { name: 'param', decorator: 'Param', reads: 'params' },
  { name: 'headers', decorator: 'Headers', reads: 'headers' },
  { name: 'uploaded-file', decorator: 'UploadedFile', reads: 'files' },
  { name: 'uploaded-files', decorator: 'UploadedFiles', reads: 'files' },
  { name: 'host-param', decorator: 'HostParam', reads: 'headers' },
  { name: 'req', decorator: 'Req', reads: 'request' },
  { name: 'request', decorator: 'Request', reads: 'request' },
  { name: 'res', decorator: 'Res', reads: 'response' },
  { name: 'response', decorator: 'Response', reads: 'response' },
  { name: 'next', decorator: 'Next', reads: 'next' },
] as const satisfies readonly NestParameterDecoratorInputRow[];

/** The Nest parameter decorator row of a decorator name, if it is one. */
export function findNestParameterInput(decorator: string): NestParameterDecoratorInputRow | undefined {
  return (NEST_PARAMETER_INPUTS as readonly NestParameterDecoratorInputRow[]).find((row) => row.decorator === decorator);
}

/** Nest route decorators (methods of a `@Controller` class that handle requests). */
export const NEST_ROUTE_DECORATOR_NAMES: readonly string[] = ['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options', 'Search'];
