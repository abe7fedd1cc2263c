/**
 * Which server framework a function's parameter is an instance of: an Express app or router
 * (`function registerRoutes(app: Express)`, `module.exports = (router) => { router.get(...) }`) or a
 * Fastify instance (a plugin: `async function routes(fastify: FastifyInstance)`, a function passed to
 * `register` or wrapped in `fastify-plugin`). Decided from, in order: the parameter's type, the type
 * of the variable the function initializes, how the function is used (`fp(fn)`, `register(fn)`),
 * a parameter named `fastify`, Fastify-only calls on the parameter, the handlers' parameter names,
 * and the file's imports.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getCalleeName, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, isPackageSpecifier } from '../core/bindings.js';
import { walkDescendants } from '../core/walk.js';

export type ServerFramework = 'express' | 'fastify';

const EXPRESS_TYPES = /^(?:express\.|e\.)?(?:Express|Application|Router|IRouter|RouterType)$/;
const FASTIFY_TYPES = /^(?:fastify\.)?Fastify(?:Instance|TypeProvider\w*)?$/;
const FASTIFY_PLUGIN_TYPES = /^(?:fastify\.)?(?:FastifyPlugin(?:Async|Callback)\w*)$/;
/** Handler parameters, never server instances (`req.get('authorization')` is not a route). */
const REQUEST_PARAMETER_NAMES = /^(?:req|request|res|response|reply|rep|ctx|context|next|done|err|error)$/i;
const REQUEST_TYPES = /^(?:express\.)?(?:Request|Response|NextFunction|FastifyRequest|FastifyReply)$/;
const SERVER_PARAMETER_NAMES = /^(?:app|application|router|server|api|r|routes|instance|fastify|express|scope|parent|child)$/i;
/** Option keys that carry the app or a router into a function (`loader({ app: expressApp })`, `({ app }) => ...`). */
export const SERVER_OPTION_KEY = /^(?:app|application|expressApp|router|server)$/;
/** `fastify.decorate('db', ...)`, `decorateRequest`, `decorateReply`. */
export const FASTIFY_DECORATE_METHODS: ReadonlySet<string> = new Set(['decorate', 'decorateRequest', 'decorateReply']);
const FASTIFY_ONLY_METHODS = new Set(['register', 'addHook', ...FASTIFY_DECORATE_METHODS, 'setErrorHandler', 'setNotFoundHandler', 'addSchema', 'withTypeProvider', 'addContentTypeParser']);
const FASTIFY_MODULES = ['fastify', 'fastify-plugin', '@fastify'];
const EXPRESS_MODULES = ['express', 'express-promise-router'];

/** The framework of parameter `index` of `fn`, when the code shows it. */
export function getServerParameterFramework(tsApi: TsApi, file: ts.SourceFile, fn: ts.SignatureDeclaration, index: number): ServerFramework | undefined {
  const param = fn.parameters[index];
  if (!param || !tsApi.isIdentifier(param.name)) return undefined;
  if (REQUEST_PARAMETER_NAMES.test(param.name.text)) return undefined;
  const typeName = getTypeReferenceName(tsApi, param.type);
  if (typeName && REQUEST_TYPES.test(typeName)) return undefined;
  if (typeName && FASTIFY_TYPES.test(typeName)) return 'fastify';
  if (typeName && EXPRESS_TYPES.test(typeName)) return 'express';
  if (index === 0) {
    const context = getContextualTypeName(tsApi, fn);
    if (context && FASTIFY_PLUGIN_TYPES.test(context)) return 'fastify';
    if (isPassedAsFastifyPlugin(tsApi, fn)) return 'fastify';
  }
  // `module.exports = async function (fastify) {...}`: a CommonJS plugin names its instance, and the
  // name wins over handlers written `(req, res)`, which Fastify apps write too.
  if (/^fastify$/i.test(param.name.text)) return 'fastify';
  const usage = getUsageFramework(tsApi, fn, param.name.text);
  if (usage) return usage;
  // The file's imports decide only for parameters named like a server instance.
  return SERVER_PARAMETER_NAMES.test(param.name.text) ? getFileFramework(tsApi, file) : undefined;
}

/** The framework a file imports (`express` or `fastify`), when it imports exactly one of them. */
export function getFileFramework(tsApi: TsApi, file: ts.SourceFile): ServerFramework | undefined {
  let express = false;
  let fastify = false;
  for (const binding of getFileBindings(tsApi, file).imports.values()) {
    if (EXPRESS_MODULES.some((m) => isPackageSpecifier(binding.module, m))) express = true;
    if (FASTIFY_MODULES.some((m) => isPackageSpecifier(binding.module, m) || binding.module.startsWith('@fastify/'))) fastify = true;
  }
  if (express === fastify) return undefined;
  return express ? 'express' : 'fastify';
}

function getTypeReferenceName(tsApi: TsApi, type: ts.TypeNode | undefined): string | undefined {
  if (!type || !tsApi.isTypeReferenceNode(type)) return undefined;
  const name = type.typeName;
  if (tsApi.isIdentifier(name)) return name.text;
  return tsApi.isIdentifier(name.left) ? `${name.left.text}.${name.right.text}` : name.right.text;
}

function getContextualTypeName(tsApi: TsApi, fn: ts.SignatureDeclaration): string | undefined {
  let node: ts.Node = fn;
  while (tsApi.isParenthesizedExpression(node.parent) || tsApi.isAsExpression(node.parent) || tsApi.isSatisfiesExpression(node.parent)) {
    node = node.parent;
    if (tsApi.isAsExpression(node) || tsApi.isSatisfiesExpression(node)) return getTypeReferenceName(tsApi, node.type);
  }
  const parent = node.parent;
  if (parent && tsApi.isVariableDeclaration(parent)) return getTypeReferenceName(tsApi, parent.type);
  return undefined;
}

function isPassedAsFastifyPlugin(tsApi: TsApi, fn: ts.SignatureDeclaration): boolean {
  let node: ts.Node = fn;
  while (tsApi.isParenthesizedExpression(node.parent)) node = node.parent;
  const call = node.parent;
  if (!call || !tsApi.isCallExpression(call) || call.arguments[0] !== node) return false;
  const name = getCalleeName(tsApi, call);
  return name === 'fp' || name === 'fastifyPlugin' || (name === 'register' && tsApi.isPropertyAccessExpression(skipOuterExpressions(tsApi, call.expression)));
}

/** Fastify-only calls on the parameter, or the parameter names of the handlers it registers. */
function getUsageFramework(tsApi: TsApi, fn: ts.SignatureDeclaration, name: string): ServerFramework | undefined {
  let fastify = 0;
  let express = 0;
  const body = (fn as ts.FunctionLikeDeclaration).body;
  if (!body) return undefined;
  walkDescendants(tsApi, body, (node) => {
    if (!tsApi.isCallExpression(node)) return;
    const callee = skipOuterExpressions(tsApi, node.expression);
    if (!tsApi.isPropertyAccessExpression(callee)) return;
    const receiver = skipOuterExpressions(tsApi, callee.expression);
    if (!tsApi.isIdentifier(receiver) || receiver.text !== name) return;
    const method = callee.name.text;
    if (FASTIFY_ONLY_METHODS.has(method)) fastify++;
    if (method === 'route' && node.arguments[0] && tsApi.isObjectLiteralExpression(skipOuterExpressions(tsApi, node.arguments[0]))) fastify++;
    const handler = node.arguments[node.arguments.length - 1];
    const second = handler && (tsApi.isArrowFunction(handler) || tsApi.isFunctionExpression(handler)) ? handler.parameters[1] : undefined;
    if (second && tsApi.isIdentifier(second.name)) {
      if (/^(?:reply|rep)$/.test(second.name.text)) fastify++;
      if (/^(?:res|response)$/.test(second.name.text)) express++;
    }
    if (method === 'use' && node.arguments.length > 0) express++;
  });
  if (fastify > 0 && fastify >= express) return 'fastify';
  if (express > 0) return 'express';
  return undefined;
}
