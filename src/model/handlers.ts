/**
 * Which functions of one file handle requests, and which of their parameters are the request, the
 * response (Express `res`, Fastify `reply`), `next` and the error. Recognized directly, without the
 * routing model:
 *
 * - functions passed to `app.get/post/.../all/use`, `router.route('/p').get(...)`, `fastify.route({ handler })`,
 *   route options (`{ preHandler, handler, errorHandler }`), `addHook`, `setErrorHandler`, `setNotFoundHandler`;
 * - functions whose parameters are typed `Request`/`Response`/`NextFunction` (from `express`) or
 *   `FastifyRequest`/`FastifyReply` (from `fastify`), or variables typed `RequestHandler`;
 * - Express four-argument error handlers `(err, req, res, next)`;
 * - methods of `@Controller` classes with a route decorator (`@Get()`, `@Post()`, ...);
 * - untyped functions shaped `(req, res[, next])` or `(request, reply)` that answer through the
 *   response parameter (`res.json(...)`), call `next`, or are exported (middleware files).
 *
 * Built once per `ts.SourceFile` and cached by identity.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import {
  getDecoratorArguments,
  getDecoratorName,
  getDecorators,
  getObjectFunctionOption,
  getObjectPropertyValue,
  getParameterName,
  getStaticString,
  isFunctionLike,
  skipOuterExpressions,
  functionLikeKinds,
} from '../core/ast.js';
import { getFileBindings } from '../core/bindings.js';
import { findHttpClient } from '../catalog/http-clients.js';
import { resolveIdentifier } from '../core/scope.js';
import { walkDescendants, walkFunctionBody, forEachNodeOfKinds } from '../core/walk.js';
import {
  CONVENTIONAL_PARAMETER_NAMES,
  FASTIFY_ROUTE_FUNCTION_OPTIONS,
  NEST_ROUTE_DECORATOR_NAMES,
  findHandlerParameterType,
  findHandlerRegistration,
  findResponseMethod,
  type HandlerParameterRole,
} from '../catalog/request-inputs.js';
import type { Framework } from './facts.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';
import { resolveObjectLiteral } from './option-values.js';
import { getServerParameterFramework } from '../frameworks/server-parameter.js';

export type HandlerRole = 'route' | 'middleware' | 'hook' | 'error' | 'not-found';

/** Why a function counts as a handler (strongest evidence first). */
export type HandlerEvidence = 'registration' | 'nest-decorator' | 'types' | 'convention';

export interface Handler {
  readonly fn: ts.FunctionLikeDeclaration;
  readonly framework: Framework;
  readonly role: HandlerRole;
  readonly evidence: HandlerEvidence;
  readonly request?: ts.ParameterDeclaration;
  readonly response?: ts.ParameterDeclaration;
  readonly next?: ts.ParameterDeclaration;
  readonly error?: ts.ParameterDeclaration;
  /** `POST /preview` when the registration in this file names it (relative to its router or controller). */
  readonly route?: string;
  /** The registration call or the Nest route decorator, when there is one in this file. */
  readonly registration?: ts.Node;
}

const cache = new FileScopedWeakMap<ts.SourceFile, FileHandlers>();

interface FileHandlers {
  readonly list: readonly Handler[];
  readonly byFunction: ReadonlyMap<ts.Node, Handler>;
}

/** The request handlers of a file, built once per source file. */
export function getHandlers(tsApi: TsApi, sourceFile: ts.SourceFile): readonly Handler[] {
  return getFileHandlers(tsApi, sourceFile).list;
}

/** The handler a function is, if it is one. */
export function getHandlerOfFunction(tsApi: TsApi, fn: ts.Node): Handler | undefined {
  return getFileHandlers(tsApi, fn.getSourceFile()).byFunction.get(fn);
}

/** The role a parameter plays in its handler (`request`, `response`, `next`, `error`), if any. */
export function getHandlerParameterRole(
  tsApi: TsApi,
  param: ts.ParameterDeclaration,
): { readonly handler: Handler; readonly role: HandlerParameterRole | 'error' } | undefined {
  const handler = getHandlerOfFunction(tsApi, param.parent);
  if (!handler) return undefined;
  if (handler.request === param) return { handler, role: 'request' };
  if (handler.response === param) return { handler, role: 'response' };
  if (handler.next === param) return { handler, role: 'next' };
  if (handler.error === param) return { handler, role: 'error' };
  return undefined;
}

function getFileHandlers(tsApi: TsApi, sourceFile: ts.SourceFile): FileHandlers {
  let entry = cache.get(sourceFile);
  if (!entry) {
    const list = collectHandlers(tsApi, sourceFile);
    entry = { list, byFunction: new Map(list.map((h) => [h.fn, h])) };
    cache.set(sourceFile, entry);
  }
  return entry;
}

function collectHandlers(tsApi: TsApi, sourceFile: ts.SourceFile): Handler[] {
  const found = new Map<ts.Node, Handler>();
  const add = (handler: Handler | undefined): void => {
    if (!handler) return;
    const existing = found.get(handler.fn);
    if (!existing || rank(handler.evidence) < rank(existing.evidence)) found.set(handler.fn, handler);
  };
  const fileFramework = guessFileFramework(tsApi, sourceFile);

  forEachNodeOfKinds(tsApi, sourceFile, [tsApi.SyntaxKind.CallExpression, tsApi.SyntaxKind.ClassDeclaration, tsApi.SyntaxKind.ClassExpression, ...functionLikeKinds(tsApi)], (node) => {
    if (tsApi.isCallExpression(node)) {
      for (const handler of getRegisteredHandlers(tsApi, node, fileFramework)) add(handler);
      return;
    }
    if (tsApi.isClassDeclaration(node) || tsApi.isClassExpression(node)) {
      for (const handler of getNestRouteHandlers(tsApi, node)) add(handler);
      return;
    }
    if (isFunctionLike(tsApi, node) && !found.has(node)) {
      add(getTypedHandler(tsApi, node) ?? getConventionalHandler(tsApi, node, fileFramework));
    }
  });
  return [...found.values()];
}

function rank(evidence: HandlerEvidence): number {
  return ['registration', 'nest-decorator', 'types', 'convention'].indexOf(evidence);
}

/** `fastify` when the file imports Fastify and not Express; `express` otherwise. */
function guessFileFramework(tsApi: TsApi, sourceFile: ts.SourceFile): 'express' | 'fastify' {
  let fastify = false;
  let express = false;
  for (const binding of getFileBindings(tsApi, sourceFile).imports.values()) {
    if (binding.module === 'fastify' || binding.module.startsWith('fastify-') || binding.module.startsWith('@fastify/')) fastify = true;
    if (binding.module === 'express') express = true;
  }
  return fastify && !express ? 'fastify' : 'express';
}

/** The functions a registration call registers: `router.get('/x', auth, (req, res) => ...)`. */
function getRegisteredHandlers(tsApi: TsApi, call: ts.CallExpression, fileFramework: 'express' | 'fastify'): Handler[] {
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee)) return [];
  const method = callee.name.text;
  const handlers: Handler[] = [];

  // fastify.route({ method, url, handler, preHandler })
  if (method === 'route' && call.arguments.length === 1) {
    // Written inline, or held by a constant of this file (`const getItem: RouteOptions = { ... }`).
    const options = resolveObjectLiteral({ ts: tsApi, file: call.getSourceFile() }, call.arguments[0]!)?.object;
    if (options) {
      const httpMethod = describeRouteMethod(tsApi, getObjectPropertyValue(tsApi, options, 'method'));
      const url = getStaticString(tsApi, getObjectPropertyValue(tsApi, options, 'url') ?? getObjectPropertyValue(tsApi, options, 'path'));
      for (const [key, role] of FASTIFY_ROUTE_FUNCTION_OPTIONS) {
        const value = getObjectFunctionOption(tsApi, options, key);
        for (const fn of getFunctionsOf(tsApi, value)) {
          handlers.push(makeHandler(tsApi, fn, 'fastify', role, 'registration', call, role === 'route' ? routeText(httpMethod, url) : undefined));
        }
      }
    }
    return handlers;
  }

  const row = findHandlerRegistration(method);
  if (!row) return [];
  const args = call.arguments;
  // router.route('/p').get(fn)
  let path = args.length > 0 ? getStaticString(tsApi, args[0]) : undefined;
  const receiver = skipOuterExpressions(tsApi, callee.expression);
  if (path === undefined && tsApi.isCallExpression(receiver) && tsApi.isPropertyAccessExpression(receiver.expression) && receiver.expression.name.text === 'route') {
    path = getStaticString(tsApi, receiver.arguments[0]);
  }
  if (row.role === 'route' && args.length < 2 && !(tsApi.isCallExpression(receiver) && path !== undefined)) return [];
  // `https.get(url, (response) => ...)`: a request the app makes, whose callback reads the answer.
  if (isOutboundClientCall(tsApi, receiver, method)) return [];
  // `module.exports = async function (fastify) { fastify.get('/x', async (request) => ...) }`: a
  // CommonJS plugin file imports nothing from Fastify; the instance the route is registered on decides.
  const receiverFramework = getReceiverFramework(tsApi, receiver) ?? fileFramework;

  for (let i = 0; i < args.length; i++) {
    const arg = skipOuterExpressions(tsApi, args[i]!);
    if (row.role === 'hook' && i === 0) continue;
    // Fastify route options: fastify.get('/x', { preHandler, handler }, fn)
    if (tsApi.isObjectLiteralExpression(arg)) {
      for (const [key, role] of FASTIFY_ROUTE_FUNCTION_OPTIONS) {
        for (const fn of getFunctionsOf(tsApi, getObjectFunctionOption(tsApi, arg, key))) {
          handlers.push(makeHandler(tsApi, fn, 'fastify', role, 'registration', call, role === 'route' ? routeText(row.httpMethod, path) : undefined));
        }
      }
      continue;
    }
    const isLast = i === args.length - 1;
    for (const fn of getFunctionsOf(tsApi, arg)) {
      if (fn.parameters.length === 0 && row.role !== 'route') continue;
      const framework = row.role === 'hook' || row.role === 'error' || row.role === 'not-found' ? 'fastify' : guessFunctionFramework(tsApi, fn, receiverFramework);
      let role: HandlerRole = row.role;
      if (row.role === 'route' && !isLast) role = 'middleware';
      if (framework === 'express' && isExpressErrorShape(tsApi, fn)) role = 'error';
      handlers.push(makeHandler(tsApi, fn, framework, role, 'registration', call, role === 'route' ? routeText(row.httpMethod, path) : undefined));
    }
  }
  return handlers;
}

/** `https.get`, `axios.get` on the module itself (imported or required whole): an outbound HTTP client's method. */
function isOutboundClientCall(tsApi: TsApi, receiver: ts.Expression, method: string): boolean {
  if (!tsApi.isIdentifier(receiver)) return false;
  const binding = getFileBindings(tsApi, receiver.getSourceFile()).imports.get(receiver.text);
  if (!binding || (binding.imported !== 'default' && binding.imported !== '*')) return false;
  if (resolveIdentifier(tsApi, receiver)?.declaration !== binding.node) return false;
  const module = binding.module.startsWith('node:') ? binding.module.slice(5) : binding.module;
  return findHttpClient(module, method, false) !== undefined;
}

/** The framework of a registration's receiver when it is a parameter of a server function (a plugin's `fastify`, a `registerRoutes(app)`). */
function getReceiverFramework(tsApi: TsApi, receiver: ts.Expression): 'express' | 'fastify' | undefined {
  if (!tsApi.isIdentifier(receiver)) return undefined;
  const declaration = resolveIdentifier(tsApi, receiver)?.declaration;
  if (!declaration || !tsApi.isParameter(declaration) || !isFunctionLike(tsApi, declaration.parent)) return undefined;
  const fn = declaration.parent;
  return getServerParameterFramework(tsApi, receiver.getSourceFile(), fn, fn.parameters.indexOf(declaration));
}

function describeRouteMethod(tsApi: TsApi, value: ts.Expression | undefined): string | undefined {
  if (!value) return undefined;
  const text = getStaticString(tsApi, value);
  if (text !== undefined) return text.toUpperCase();
  const inner = skipOuterExpressions(tsApi, value);
  if (tsApi.isArrayLiteralExpression(inner)) {
    const parts = inner.elements.map((e) => getStaticString(tsApi, e)?.toUpperCase()).filter((s): s is string => s !== undefined);
    return parts.length > 0 ? parts.join(',') : undefined;
  }
  return undefined;
}

function routeText(method: string | undefined, path: string | undefined): string | undefined {
  if (!method) return undefined;
  return `${method} ${path ?? '?'}`;
}

/** The functions an argument refers to: inline functions, local function declarations and consts, arrays of those. */
/**
 * In a registration's argument list, a call with one argument stands for that argument:
 * `asyncHandler(async (req, res) => ...)`, `catchAsync(createOrder)`, `wrap(controller.create)`.
 * (Syntactic: what a wrapper's body does with the handler is `src/model/handler-wrappers.ts`'s.)
 */
export function getWrappedRegistrationArgument(tsApi: TsApi, expr: ts.Expression): ts.Expression | undefined {
  const call = skipOuterExpressions(tsApi, expr);
  if (!tsApi.isCallExpression(call)) return undefined;
  // `ctrl.create.bind(ctrl)` registers `ctrl.create`, not its `this` argument.
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (tsApi.isPropertyAccessExpression(callee) && callee.name.text === 'bind' && call.arguments.length >= 1) {
    return skipOuterExpressions(tsApi, callee.expression);
  }
  if (call.arguments.length !== 1) return undefined;
  return skipOuterExpressions(tsApi, call.arguments[0]!);
}

function getFunctionsOf(tsApi: TsApi, value: ts.Expression | ts.MethodDeclaration | undefined): ts.FunctionLikeDeclaration[] {
  if (!value) return [];
  if (tsApi.isMethodDeclaration(value)) return [value];
  const expr = skipOuterExpressions(tsApi, value);
  if (tsApi.isArrowFunction(expr) || tsApi.isFunctionExpression(expr)) return [expr];
  if (tsApi.isArrayLiteralExpression(expr)) return expr.elements.flatMap((e) => getFunctionsOf(tsApi, e));
  const inner = getWrappedRegistrationArgument(tsApi, expr);
  if (inner && (tsApi.isArrowFunction(inner) || tsApi.isFunctionExpression(inner) || tsApi.isIdentifier(inner))) return getFunctionsOf(tsApi, inner);
  if (tsApi.isIdentifier(expr)) {
    const binding = resolveIdentifier(tsApi, expr);
    const decl = binding?.declaration;
    if (!decl) return [];
    if (tsApi.isFunctionDeclaration(decl)) return [decl];
    if (tsApi.isVariableDeclaration(decl) && decl.initializer && tsApi.isIdentifier(decl.name)) {
      const init = skipOuterExpressions(tsApi, decl.initializer);
      if (tsApi.isArrowFunction(init) || tsApi.isFunctionExpression(init)) return [init];
    }
  }
  return [];
}

function makeHandler(
  tsApi: TsApi,
  fn: ts.FunctionLikeDeclaration,
  framework: Framework,
  role: HandlerRole,
  evidence: HandlerEvidence,
  registration: ts.Node | undefined,
  route: string | undefined,
): Handler {
  const params = fn.parameters;
  if (role === 'error') {
    if (framework === 'fastify') {
      return { fn, framework, role, evidence, registration, route, error: params[0], request: params[1], response: params[2] };
    }
    return { fn, framework, role, evidence, registration, route, error: params[0], request: params[1], response: params[2], next: params[3] };
  }
  if (role === 'not-found' || framework === 'fastify') {
    return { fn, framework, role, evidence, registration, route, request: params[0], response: params[1], next: params[2] };
  }
  void tsApi;
  return { fn, framework, role, evidence, registration, route, request: params[0], response: params[1], next: params[2] };
}

function guessFunctionFramework(tsApi: TsApi, fn: ts.FunctionLikeDeclaration, fileFramework: 'express' | 'fastify'): 'express' | 'fastify' {
  for (const param of fn.parameters) {
    const typed = getParameterTypeRole(tsApi, param);
    if (typed) return typed.framework;
  }
  const second = getParameterName(tsApi, fn.parameters[1]);
  if (second === 'reply') return 'fastify';
  if (second === 'res') return 'express';
  return fileFramework;
}

/** The handler role of a parameter from its type annotation (`req: Request` imported from express). */
function getParameterTypeRole(
  tsApi: TsApi,
  param: ts.ParameterDeclaration,
): { role: HandlerParameterRole; framework: 'express' | 'fastify' } | undefined {
  const type = param.type;
  if (!type || !tsApi.isTypeReferenceNode(type)) return undefined;
  return getTypeNameRole(tsApi, type.typeName);
}

function getTypeNameRole(tsApi: TsApi, typeName: ts.EntityName): { role: HandlerParameterRole; framework: 'express' | 'fastify' } | undefined {
  const sourceFile = typeName.getSourceFile();
  const imports = getFileBindings(tsApi, sourceFile).imports;
  if (tsApi.isIdentifier(typeName)) {
    const binding = imports.get(typeName.text);
    if (!binding) return undefined;
    const row = findHandlerParameterType(binding.imported === 'default' ? typeName.text : binding.imported, binding.module);
    return row ? { role: row.role, framework: row.framework } : undefined;
  }
  // express.Request, fastify.FastifyRequest
  if (tsApi.isIdentifier(typeName.left)) {
    const binding = imports.get(typeName.left.text);
    if (!binding) return undefined;
    const row = findHandlerParameterType(typeName.right.text, binding.module);
    return row ? { role: row.role, framework: row.framework } : undefined;
  }
  return undefined;
}

function getTypedHandler(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): Handler | undefined {
  let request: ts.ParameterDeclaration | undefined;
  let response: ts.ParameterDeclaration | undefined;
  let next: ts.ParameterDeclaration | undefined;
  let framework: 'express' | 'fastify' | undefined;
  for (const param of fn.parameters) {
    const typed = getParameterTypeRole(tsApi, param);
    if (!typed) continue;
    framework ??= typed.framework;
    if (typed.role === 'request') request ??= param;
    if (typed.role === 'response') response ??= param;
    if (typed.role === 'next') next ??= param;
  }
  // const handler: RequestHandler = (req, res, next) => ...
  if (!framework && (tsApi.isArrowFunction(fn) || tsApi.isFunctionExpression(fn))) {
    const parent = fn.parent;
    if (tsApi.isVariableDeclaration(parent) && parent.type && tsApi.isTypeReferenceNode(parent.type)) {
      const typed = getTypeNameRole(tsApi, parent.type.typeName);
      if (typed) {
        return makeHandler(tsApi, fn, typed.framework, isExpressErrorShape(tsApi, fn) ? 'error' : 'route', 'types', undefined, undefined);
      }
    }
  }
  if (!framework) return undefined;
  const params = fn.parameters;
  // `(req, res, next: NextFunction)`: one typed parameter places the others by position.
  if (!request && !response) {
    if (!next || params.length < 3 || next !== params[params.length - 1]) return undefined;
    request = params[params.length - 3];
    response = params[params.length - 2];
  }
  if (framework === 'express' && params.length === 4 && request === params[1]) {
    return { fn, framework, role: 'error', evidence: 'types', error: params[0], request, response, next };
  }
  return { fn, framework, role: next ? 'middleware' : 'route', evidence: 'types', request, response, next };
}

/** `(err, req, res, next)`: four parameters whose middle two are named like a request and a response. */
function isExpressErrorShape(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): boolean {
  if (fn.parameters.length !== 4) return false;
  const [err, req, res] = fn.parameters.map((p) => getParameterName(tsApi, p));
  return (
    err !== undefined &&
    (CONVENTIONAL_PARAMETER_NAMES.error as readonly string[]).includes(err) &&
    req !== undefined &&
    (CONVENTIONAL_PARAMETER_NAMES.request as readonly string[]).includes(req) &&
    res !== undefined &&
    (CONVENTIONAL_PARAMETER_NAMES.response as readonly string[]).includes(res)
  );
}

function getConventionalHandler(tsApi: TsApi, fn: ts.FunctionLikeDeclaration, fileFramework: 'express' | 'fastify'): Handler | undefined {
  if (isExpressErrorShape(tsApi, fn)) return makeHandler(tsApi, fn, 'express', 'error', 'convention', undefined, undefined);
  const params = fn.parameters;
  if (params.length < 2 || params.length > 3) return undefined;
  const req = getParameterName(tsApi, params[0]);
  const res = getParameterName(tsApi, params[1]);
  if (!req || !(CONVENTIONAL_PARAMETER_NAMES.request as readonly string[]).includes(req)) return undefined;
  if (!res || !(CONVENTIONAL_PARAMETER_NAMES.response as readonly string[]).includes(res)) return undefined;
  const nextName = getParameterName(tsApi, params[2]);
  if (params.length === 3 && nextName !== 'next') return undefined;
  if (!usesResponseOrNext(tsApi, fn, res, nextName) && !isExportedFunction(tsApi, fn)) return undefined;
  const framework = res === 'reply' ? 'fastify' : res === 'res' ? 'express' : fileFramework;
  return makeHandler(tsApi, fn, framework, params.length === 3 ? 'middleware' : 'route', 'convention', undefined, undefined);
}

/** True when the body answers through `res` (`res.json(...)`, `res.status(400).send()`) or calls `next`. */
function usesResponseOrNext(tsApi: TsApi, fn: ts.FunctionLikeDeclaration, res: string, next: string | undefined): boolean {
  if (!fn.body) return false;
  let uses = false;
  walkDescendants(tsApi, fn.body, (node) => {
    if (uses) return false;
    if (!tsApi.isCallExpression(node)) return;
    const callee = skipOuterExpressions(tsApi, node.expression);
    if (next !== undefined && tsApi.isIdentifier(callee) && callee.text === next) {
      uses = true;
      return false;
    }
    if (tsApi.isPropertyAccessExpression(callee) && findResponseMethod(callee.name.text)) {
      let receiver = skipOuterExpressions(tsApi, callee.expression);
      while (tsApi.isCallExpression(receiver) && tsApi.isPropertyAccessExpression(receiver.expression)) {
        receiver = skipOuterExpressions(tsApi, receiver.expression.expression);
      }
      if (tsApi.isIdentifier(receiver) && receiver.text === res) uses = true;
    }
    return;
  });
  return uses;
}

function isExportedFunction(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): boolean {
  const sourceFile = fn.getSourceFile();
  const bindings = getFileBindings(tsApi, sourceFile);
  let name: string | undefined;
  if (tsApi.isFunctionDeclaration(fn)) name = fn.name?.text;
  else if (tsApi.isVariableDeclaration(fn.parent) && tsApi.isIdentifier(fn.parent.name)) name = fn.parent.name.text;
  return bindings.exports.some((e) => e.node === fn || (name !== undefined && e.local === name));
}

/** Methods of a `@Controller` class with a route decorator. */
function getNestRouteHandlers(tsApi: TsApi, cls: ts.ClassLikeDeclaration): Handler[] {
  const controller = getDecorators(tsApi, cls).find((d) => getDecoratorName(tsApi, d) === 'Controller');
  if (!controller) return [];
  const prefixArg = getDecoratorArguments(tsApi, controller)[0];
  let prefix = getStaticString(tsApi, prefixArg);
  if (prefix === undefined && prefixArg && tsApi.isObjectLiteralExpression(prefixArg)) {
    prefix = getStaticString(tsApi, getObjectPropertyValue(tsApi, prefixArg, 'path'));
  }
  const handlers: Handler[] = [];
  for (const member of cls.members) {
    if (!tsApi.isMethodDeclaration(member)) continue;
    const routeDecorator = getDecorators(tsApi, member).find((d) => NEST_ROUTE_DECORATOR_NAMES.includes(getDecoratorName(tsApi, d) ?? ''));
    if (!routeDecorator) continue;
    const method = getDecoratorName(tsApi, routeDecorator)!.toUpperCase();
    const sub = getStaticString(tsApi, getDecoratorArguments(tsApi, routeDecorator)[0]);
    const path = joinRoutePath(prefixArg === undefined ? '' : prefix, sub ?? '');
    let request: ts.ParameterDeclaration | undefined;
    let response: ts.ParameterDeclaration | undefined;
    let next: ts.ParameterDeclaration | undefined;
    for (const param of member.parameters) {
      const name = getDecorators(tsApi, param).map((d) => getDecoratorName(tsApi, d))[0];
      if (name === 'Req' || name === 'Request') request ??= param;
      if (name === 'Res' || name === 'Response') response ??= param;
      if (name === 'Next') next ??= param;
    }
    handlers.push({
      fn: member,
      framework: 'nest',
      role: 'route',
      evidence: 'nest-decorator',
      request,
      response,
      next,
      route: `${method} ${path}`,
      registration: routeDecorator,
    });
  }
  return handlers;
}

function joinRoutePath(prefix: string | undefined, sub: string): string {
  const parts = [prefix ?? '?', sub].map((p) => p.replace(/^\/+|\/+$/g, '')).filter((p) => p.length > 0);
  return `/${parts.join('/')}`;
}

/** True when `fn` is a request handler of any role. */
export function isHandlerFunction(tsApi: TsApi, fn: ts.Node): boolean {
  return getHandlerOfFunction(tsApi, fn) !== undefined;
}

/** Calls of the handler's `next` parameter inside its body (not nested functions). */
export function getNextCalls(tsApi: TsApi, handler: Handler): ts.CallExpression[] {
  const next = handler.next;
  if (!next || !tsApi.isIdentifier(next.name) || !handler.fn.body) return [];
  const name = next.name.text;
  const calls: ts.CallExpression[] = [];
  walkFunctionBody(tsApi, handler.fn.body, (node) => {
    if (tsApi.isCallExpression(node) && tsApi.isIdentifier(node.expression) && node.expression.text === name) calls.push(node);
  });
  return calls;
}
