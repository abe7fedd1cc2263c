/**
 * The Fastify adapter (Fastify 4 and 5).
 *
 * `collect` finds the contexts of one file:
 * - root instances: `Fastify()`/`fastify()` (ESM default or named import, `require('fastify')()`),
 *   bound to a variable or a class property, also through `.withTypeProvider<Z>()`; roots are complete;
 * - plugins: functions whose first parameter is a Fastify instance (typed `FastifyInstance`, typed
 *   through `FastifyPluginAsync`, passed to `register` or `fastify-plugin`, or recognized by the calls
 *   made on it); a plugin wrapped in `fp(...)` (where it is written or where it is exported) is not
 *   encapsulated: its hooks reach its parent;
 * - steps: `f.get/post/put/patch/delete/head/options/all(path, opts?, handler)` and
 *   `f.route({ method, url, handler, ...hooks })` (route hooks `onRequest`, `preParsing`,
 *   `preValidation`, `preHandler`, arrays included), `f.addHook(name, fn)` for the same request
 *   hooks, `f.register(plugin, { prefix })` (inline, local, imported, `import('./x.js')`,
 *   `require('./x')`, `fp(x)`). Registering a package plugin (`@fastify/bearer-auth`) becomes a hook
 *   step whose effect the auth catalog knows. `withTypeProvider()` and `register()` return the
 *   instance they are called on, so `app.withTypeProvider<Z>().register(auth).get(...)` is a route
 *   of `app`;
 * - `f.setErrorHandler(fn)`: a step like a hook's, with an `error-handler` item. Fastify hands the
 *   errors of a route (thrown, or passed to `reply.send`) to the error handler of the route's
 *   encapsulation context, which a context inherits from its parent unless it sets its own; the
 *   linker carries it like a hook and lists it in `ResolvedRoute.errorHandlers`. A route's own
 *   `errorHandler` option (`f.get(path, { errorHandler }, handler)`) is `RouteFact.errorHandler`,
 *   the nearest of them.
 *
 * Autoload (`@fastify/autoload`) is not followed: plugins it loads are not mounted anywhere the
 * analysis sees, so their routes stay `unknown`.
 *
 * `resolveRoutes` links with the encapsulated policy of `route-linker.ts`: a context's hooks (and its
 * error handler) cover all its routes and children regardless of order.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getObjectFunctionOption, getObjectPropertyValue, getPropertyNameText, getBoundedStaticString, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, getRequiredModule, isPackageSpecifier } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import type { ResolvedRoute } from '../model/api-model.js';
import {
  EMPTY_ROUTING_FACTS,
  type ChainItem,
  type FileRoutingFacts,
  type HttpMethod,
  type RouteFact,
  type RouterFact,
  type RouterRef,
  type RouterStep,
} from '../model/facts.js';
import { linkRoutes, type LinkPolicy } from '../model/route-linker.js';
import { getPublicAnnotation } from '../model/public-annotation.js';
import { resolveObjectLiteral } from '../model/option-values.js';
import type { FrameworkAdapter, RoutingScope } from './adapter.js';
import { flattenArguments, toChainItem } from './chain-arguments.js';
import { readPathArgument } from './path-argument.js';
import { FASTIFY_DECORATE_METHODS, getServerParameterFramework } from './server-parameter.js';
import { buildCallSiteIndex, compareOrderKeys, getFunctionName, getOrderKey, type CallSiteIndex } from './registration-order.js';
import { isProjectModuleSpecifier } from './router-names.js';

const ROUTE_METHODS: Readonly<Record<string, HttpMethod>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
  all: 'ALL',
};

/** Hooks that run before the handler and can reject a request. */
const REQUEST_HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'] as const;
const FASTIFY_MODULE = 'fastify';
const FASTIFY_PLUGIN_MODULE = 'fastify-plugin';

export const FASTIFY_LINK_POLICY: LinkPolicy = {
  framework: 'fastify',
  ordered: false,
  levelOf: (router) => (router.kind === 'app' ? 'app' : 'plugin'),
  leakOf: (step, target) => {
    if (step.encapsulated === false || target?.encapsulated === false) return 'shared';
    // An unread plugin may be wrapped in fastify-plugin and add hooks to this context.
    return target ? 'none' : 'shared';
  },
};

export const fastifyAdapter: FrameworkAdapter = {
  framework: 'fastify',
  collect(scope: RoutingScope, sourceFile: ts.SourceFile): FileRoutingFacts {
    return collectFastifyFacts(scope.ts, sourceFile);
  },
  resolveRoutes(scope: RoutingScope, sourceFile: ts.SourceFile, facts: FileRoutingFacts): readonly ResolvedRoute[] {
    if (facts.routers.length === 0) return [];
    return linkRoutes(scope, fastifyAdapter, FASTIFY_LINK_POLICY, sourceFile, facts);
  },
};

interface Context {
  readonly id: string;
  readonly kind: 'app' | 'plugin';
  readonly name: string;
  readonly node: ts.Node;
  readonly isRoot: boolean;
  readonly scopeFunction: ts.Node | undefined;
  encapsulated: boolean;
  builtBy?: RouterFact['builtBy'];
  /** Kept even without steps: something registers it. */
  registered: boolean;
  readonly steps: { readonly order: readonly number[]; readonly step: RouterStep }[];
}

const QUICK_FILTER = /fastify|Fastify|\.register\s*\(|\.route\s*\(|addHook|setErrorHandler|reply/;

/** The Fastify routing facts of one file. */
export function collectFastifyFacts(tsApi: TsApi, sourceFile: ts.SourceFile): FileRoutingFacts {
  if (!QUICK_FILTER.test(sourceFile.text)) return EMPTY_ROUTING_FACTS;
  return new FastifyCollector(tsApi, sourceFile).collect();
}

class FastifyCollector {
  private readonly bindings;
  private readonly byDeclaration = new Map<ts.Node, Context>();
  private readonly byClassProperty = new Map<ts.Node, Map<string, Context>>();
  private readonly byFunction = new Map<ts.Node, Context>();
  /** Root creation calls (`Fastify()`) bound to a context, for `Fastify().register(x)` chains. */
  private readonly byRootCall = new Map<ts.Node, Context>();
  private readonly contexts: Context[] = [];
  private readonly rejected = new Set<ts.Node>();
  private readonly wrappedInPlugin = new Set<ts.Node>();
  private callSites: CallSiteIndex | undefined;
  private routeCount = 0;

  constructor(
    private readonly tsApi: TsApi,
    private readonly file: ts.SourceFile,
  ) {
    this.bindings = getFileBindings(tsApi, file);
  }

  collect(): FileRoutingFacts {
    const tsApi = this.tsApi;
    const calls: ts.CallExpression[] = [];
    forEachNodeOfKinds(tsApi, this.file, [tsApi.SyntaxKind.CallExpression], (node) => {
      if (!tsApi.isCallExpression(node)) return;
      calls.push(node);
      if (this.isRootCreation(node)) this.registerRoot(node);
      if (this.isPluginWrapper(node) && node.arguments[0]) this.markWrapped(node.arguments[0]);
      this.markSkipOverride(node);
    });
    forEachNodeOfKinds(tsApi, this.file, [tsApi.SyntaxKind.BinaryExpression], (node) => {
      if (tsApi.isBinaryExpression(node)) this.markSkipOverride(node);
    });
    const registers: ts.CallExpression[] = [];
    const helperCalls: ts.CallExpression[] = [];
    for (const call of calls) {
      const callee = skipOuterExpressions(tsApi, call.expression);
      if (tsApi.isIdentifier(callee)) {
        if (call.arguments.length > 0) helperCalls.push(call);
        continue;
      }
      if (!tsApi.isPropertyAccessExpression(callee)) continue;
      const method = callee.name.text;
      if (method === 'register') {
        registers.push(call);
        continue;
      }
      if (FASTIFY_DECORATE_METHODS.has(method)) {
        // A plugin that only decorates is still a context: registered, it resolves to what it adds
        // (nothing to its routes' chains), not to an unread plugin that may add hooks.
        const context = this.resolveContext(callee.expression);
        if (context) context.registered = true;
        continue;
      }
      if (method !== 'route' && method !== 'addHook' && method !== 'setErrorHandler' && !(method in ROUTE_METHODS)) continue;
      const context = this.resolveContext(callee.expression);
      if (!context) continue;
      if (method === 'route') this.readRouteObject(context, call);
      else if (method === 'addHook') this.readHook(context, call);
      else if (method === 'setErrorHandler') this.readErrorHandler(context, call);
      else this.readShorthandRoute(context, call, ROUTE_METHODS[method]!);
    }
    for (const call of registers) {
      const callee = skipOuterExpressions(tsApi, call.expression) as ts.PropertyAccessExpression;
      const context = this.resolveContext(callee.expression);
      if (context) this.readRegister(context, call);
    }
    for (const call of helperCalls) this.readHelperCall(call);
    // A plugin wrapped in fastify-plugin is a context even without routes or hooks: what it adds
    // (decorations only, or hooks) decides the chains of its parent.
    for (const fn of this.wrappedInPlugin) {
      const context = this.getFunctionContext(fn as ts.FunctionLikeDeclaration, true);
      if (context) context.registered = true;
    }
    for (const context of this.contexts) {
      if (this.isWrapped(context)) context.encapsulated = false;
    }
    const routers = this.contexts
      .filter((c) => c.steps.length > 0 || c.isRoot || c.registered || this.exportNamesOf(c).length > 0)
      .map((c) => this.toRouterFact(c));
    return routers.length === 0 ? EMPTY_ROUTING_FACTS : { routers, globals: [] };
  }

  // ---- contexts -------------------------------------------------------------------------------

  /** `Fastify()`, `fastify()`, `require('fastify')()`, `require('fastify').default()`. */
  private isRootCreation(call: ts.CallExpression): boolean {
    const tsApi = this.tsApi;
    const callee = skipOuterExpressions(tsApi, call.expression);
    if (tsApi.isIdentifier(callee)) {
      const binding = this.bindings.imports.get(callee.text);
      if (!binding || !isPackageSpecifier(binding.module, FASTIFY_MODULE) || binding.module !== FASTIFY_MODULE) return false;
      if (resolveIdentifier(tsApi, callee)?.declaration !== binding.node) return false;
      return ['default', '*', 'fastify', 'Fastify'].includes(binding.imported);
    }
    if (getRequiredModule(tsApi, callee) === FASTIFY_MODULE) return true;
    if (tsApi.isPropertyAccessExpression(callee) && /^(?:default|fastify)$/.test(callee.name.text)) {
      const owner = skipOuterExpressions(tsApi, callee.expression);
      if (getRequiredModule(tsApi, owner) === FASTIFY_MODULE) return true;
      if (tsApi.isIdentifier(owner)) {
        const binding = this.bindings.imports.get(owner.text);
        return binding?.module === FASTIFY_MODULE && binding.imported === '*';
      }
    }
    return false;
  }

  private registerRoot(call: ts.CallExpression): void {
    const tsApi = this.tsApi;
    let holder: ts.Node = call;
    for (;;) {
      const up = holder.parent;
      if (up && (tsApi.isParenthesizedExpression(up) || tsApi.isAsExpression(up) || tsApi.isSatisfiesExpression(up) || tsApi.isAwaitExpression(up))) {
        holder = up;
        continue;
      }
      // `Fastify().withTypeProvider<ZodTypeProvider>()`, `Fastify({ logger }).register(cors)`: still the root.
      if (up && tsApi.isPropertyAccessExpression(up) && up.expression === holder && up.parent && tsApi.isCallExpression(up.parent) && getInstanceReturningReceiver(tsApi, up.parent) === holder) {
        holder = up.parent;
        continue;
      }
      break;
    }
    const parent = holder.parent;
    const scopeFunction = getEnclosingFunctionNode(tsApi, call);
    if (parent && tsApi.isVariableDeclaration(parent) && tsApi.isIdentifier(parent.name) && parent.initializer === holder) {
      const context = this.newContext('app', parent.name.text, parent, true, scopeFunction);
      this.byDeclaration.set(parent.name, context);
      this.byRootCall.set(call, context);
      return;
    }
    if (parent && tsApi.isPropertyDeclaration(parent) && parent.initializer === holder) {
      const name = getPropertyNameText(tsApi, parent.name);
      if (name) this.setClassProperty(parent.parent, name, this.newContext('app', `this.${name}`, parent, true, undefined));
      return;
    }
    if (parent && tsApi.isBinaryExpression(parent) && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken && parent.right === holder) {
      const left = skipOuterExpressions(tsApi, parent.left);
      if (tsApi.isPropertyAccessExpression(left) && left.expression.kind === tsApi.SyntaxKind.ThisKeyword) {
        const owner = getThisClass(tsApi, left);
        if (owner) this.setClassProperty(owner, left.name.text, this.newContext('app', `this.${left.name.text}`, parent, true, undefined));
        return;
      }
      if (tsApi.isIdentifier(left)) {
        const binding = resolveIdentifier(tsApi, left);
        if (binding && !this.byDeclaration.has(binding.name)) {
          this.byDeclaration.set(binding.name, this.newContext('app', left.text, binding.declaration, true, scopeFunction));
        }
      }
    }
  }

  private setClassProperty(owner: ts.Node, name: string, context: Context): void {
    let map = this.byClassProperty.get(owner);
    if (!map) {
      map = new Map();
      this.byClassProperty.set(owner, map);
    }
    if (!map.has(name)) map.set(name, context);
  }

  private newContext(kind: 'app' | 'plugin', name: string, node: ts.Node, isRoot: boolean, scopeFunction: ts.Node | undefined): Context {
    const context: Context = {
      id: `fastify:${name}@${node.getStart(this.file)}`,
      kind,
      name,
      node,
      isRoot,
      scopeFunction,
      encapsulated: true,
      registered: false,
      steps: [],
    };
    this.contexts.push(context);
    return context;
  }

  /** `fp(fn)` / `fastifyPlugin(fn)` from `fastify-plugin`. */
  private isPluginWrapper(call: ts.CallExpression): boolean {
    const tsApi = this.tsApi;
    const callee = skipOuterExpressions(tsApi, call.expression);
    if (!tsApi.isIdentifier(callee)) return false;
    const binding = this.bindings.imports.get(callee.text);
    if (binding) return binding.module === FASTIFY_PLUGIN_MODULE;
    return callee.text === 'fp' || callee.text === 'fastifyPlugin';
  }

  private markWrapped(node: ts.Expression): void {
    const tsApi = this.tsApi;
    const expr = skipOuterExpressions(tsApi, node);
    if (isFunctionLike(tsApi, expr)) {
      this.wrappedInPlugin.add(expr);
      return;
    }
    const fn = this.resolveLocalFunction(expr);
    if (fn) this.wrappedInPlugin.add(fn);
  }

  /** `plugin[Symbol.for('skip-override')] = true` shares the plugin's context like `fp`. */
  private markSkipOverride(node: ts.Node): void {
    const tsApi = this.tsApi;
    if (!tsApi.isBinaryExpression(node) || node.operatorToken.kind !== tsApi.SyntaxKind.EqualsToken) return;
    const left = skipOuterExpressions(tsApi, node.left);
    if (!tsApi.isElementAccessExpression(left) || !left.argumentExpression.getText(this.file).includes('skip-override')) return;
    const fn = this.resolveLocalFunction(left.expression);
    if (fn) this.wrappedInPlugin.add(fn);
  }

  private isWrapped(context: Context): boolean {
    return context.builtBy !== undefined && this.wrappedInPlugin.has(context.builtBy.node);
  }

  /** The context an expression refers to: a root variable, `this.app`, a plugin's instance parameter. */
  private resolveContext(node: ts.Expression, depth = 0): Context | undefined {
    const tsApi = this.tsApi;
    if (depth > 8) return undefined;
    const expr = skipOuterExpressions(tsApi, node);
    if (tsApi.isIdentifier(expr)) {
      const binding = resolveIdentifier(tsApi, expr);
      if (!binding) return undefined;
      const known = this.byDeclaration.get(binding.name);
      if (known) return known;
      const declaration = binding.declaration;
      if (tsApi.isVariableDeclaration(declaration) && declaration.initializer && tsApi.isIdentifier(declaration.name)) {
        const aliased = this.resolveContext(declaration.initializer, depth + 1);
        if (aliased) this.byDeclaration.set(binding.name, aliased);
        return aliased;
      }
      if (tsApi.isParameter(declaration)) return this.getPluginContext(declaration);
      return undefined;
    }
    if (tsApi.isPropertyAccessExpression(expr) && expr.expression.kind === tsApi.SyntaxKind.ThisKeyword) {
      const owner = getThisClass(tsApi, expr);
      return owner ? this.byClassProperty.get(owner)?.get(expr.name.text) : undefined;
    }
    const root = this.byRootCall.get(expr);
    if (root) return root;
    // `app.withTypeProvider<Z>().get(...)`, `app.register(plugin).get(...)`: the same instance.
    const receiver = getInstanceReturningReceiver(tsApi, expr);
    if (receiver) return this.resolveContext(receiver, depth + 1);
    return undefined;
  }

  private getPluginContext(param: ts.ParameterDeclaration): Context | undefined {
    const tsApi = this.tsApi;
    const fn = param.parent;
    if (!isFunctionLike(tsApi, fn) || fn.parameters[0] !== param) return undefined;
    return this.getFunctionContext(fn);
  }

  /** The plugin context of a function whose first parameter is a Fastify instance. */
  private getFunctionContext(fn: ts.FunctionLikeDeclaration, force = false): Context | undefined {
    const tsApi = this.tsApi;
    const existing = this.byFunction.get(fn);
    if (existing) return existing;
    if (this.rejected.has(fn)) return undefined;
    const param = fn.parameters[0];
    if (!param || !tsApi.isIdentifier(param.name)) return undefined;
    if (!force && !this.isFastifyParameter(fn)) {
      this.rejected.add(fn);
      return undefined;
    }
    const name = getFunctionName(tsApi, fn);
    const context = this.newContext('plugin', name ?? param.name.text, fn, false, fn);
    context.builtBy = { node: fn, ...(name ? { name } : {}), via: 'parameter', parameterIndex: 0 };
    this.byFunction.set(fn, context);
    this.byDeclaration.set(param.name, context);
    return context;
  }

  private isFastifyParameter(fn: ts.FunctionLikeDeclaration): boolean {
    const framework = getServerParameterFramework(this.tsApi, this.file, fn, 0);
    if (framework) return framework === 'fastify';
    const param = fn.parameters[0]!;
    return this.tsApi.isIdentifier(param.name) && /^(?:fastify|instance|server)$/.test(param.name.text);
  }

  private resolveLocalFunction(node: ts.Expression): ts.FunctionLikeDeclaration | undefined {
    const tsApi = this.tsApi;
    const expr = skipOuterExpressions(tsApi, node);
    if (isFunctionLike(tsApi, expr)) return expr;
    if (!tsApi.isIdentifier(expr)) return undefined;
    const declaration = resolveIdentifier(tsApi, expr)?.declaration;
    if (!declaration) return undefined;
    if (tsApi.isFunctionDeclaration(declaration)) return declaration;
    if (tsApi.isVariableDeclaration(declaration) && declaration.initializer) {
      const init = skipOuterExpressions(tsApi, declaration.initializer);
      if (isFunctionLike(tsApi, init)) return init;
      // const plugin = fp(async (app) => {...})
      if (tsApi.isCallExpression(init) && this.isPluginWrapper(init) && init.arguments[0]) return this.resolveLocalFunction(init.arguments[0]);
    }
    return undefined;
  }

  // ---- steps --------------------------------------------------------------------------------

  private addStep(context: Context, at: ts.Node, step: RouterStep): void {
    this.callSites ??= buildCallSiteIndex(this.tsApi, this.file);
    context.steps.push({ order: getOrderKey(this.tsApi, this.callSites, at, context.scopeFunction), step });
  }

  /** `f.get(path, handler)`, `f.get(path, opts, handler)`, `f.get(path, { handler, ... })`. */
  private readShorthandRoute(context: Context, call: ts.CallExpression, method: HttpMethod): void {
    const tsApi = this.tsApi;
    const [pathArg, second, third] = call.arguments;
    if (!pathArg || !second) return;
    const options = !third && tsApi.isObjectLiteralExpression(skipOuterExpressions(tsApi, second)) ? (skipOuterExpressions(tsApi, second) as ts.ObjectLiteralExpression) : undefined;
    const optionsObject = third ? asObject(tsApi, second) : options;
    const handler = third ?? (options ? getObjectFunctionOption(tsApi, options, 'handler') : second);
    if (!third && options && !handler) return;
    for (const path of readPathArgument(tsApi, this.file, pathArg)) {
      this.addRoute(context, call, [method], path, optionsObject, handler);
    }
  }

  /** `f.route({ method, url, handler, onRequest, preHandler, schema })`. */
  private readRouteObject(context: Context, call: ts.CallExpression): void {
    const tsApi = this.tsApi;
    // Inline, or a constant of this file: `const getItem: RouteOptions = { ... }; server.route(getItem)`.
    const options = call.arguments[0] ? resolveObjectLiteral({ ts: tsApi, file: this.file }, call.arguments[0])?.object : undefined;
    if (!options) return;
    const methodValue = getObjectPropertyValue(tsApi, options, 'method');
    const methods = readMethods(tsApi, methodValue);
    if (methods.length === 0) return;
    const urlValue = getObjectPropertyValue(tsApi, options, 'url') ?? getObjectPropertyValue(tsApi, options, 'path');
    const paths = urlValue ? readPathArgument(tsApi, this.file, urlValue) : [undefined];
    const handler = getObjectFunctionOption(tsApi, options, 'handler');
    for (const path of paths) this.addRoute(context, call, methods, path, options, handler);
  }

  private addRoute(
    context: Context,
    call: ts.CallExpression,
    methods: HttpMethod[],
    path: string | undefined,
    options: ts.ObjectLiteralExpression | undefined,
    handler: ts.Expression | ts.MethodDeclaration | undefined,
  ): void {
    const chain = options ? this.readRouteHooks(options) : [];
    const schema = options ? getObjectPropertyValue(this.tsApi, options, 'schema') : undefined;
    const errorHandler = options ? getObjectPropertyValue(this.tsApi, options, 'errorHandler') : undefined;
    const marker = getPublicAnnotation(this.tsApi, this.file, call);
    const route: RouteFact = {
      id: `${context.id}:route:${this.routeCount++}`,
      framework: 'fastify',
      methods,
      path,
      node: call,
      reportNode: call,
      routerId: context.id,
      chain,
      ...(handler ? { handler } : {}),
      publicMarkers: marker ? [marker] : [],
      ...(schema ? { schema } : {}),
      ...(errorHandler ? { errorHandler: toChainItem(this.file, skipOuterExpressions(this.tsApi, errorHandler), 'error-handler') } : {}),
    };
    this.addStep(context, call, { kind: 'route', route });
  }

  private readRouteHooks(options: ts.ObjectLiteralExpression): ChainItem[] {
    const items: ChainItem[] = [];
    for (const hook of REQUEST_HOOKS) {
      const value = getObjectPropertyValue(this.tsApi, options, hook);
      if (!value) continue;
      for (const expr of flattenArguments(this.tsApi, [value])) items.push(toChainItem(this.file, expr, 'hook', hook));
    }
    return items;
  }

  /** `f.addHook('onRequest', fn)`: a request hook for every route of the context. */
  private readHook(context: Context, call: ts.CallExpression): void {
    const tsApi = this.tsApi;
    const [nameArg, fn] = call.arguments;
    const hook = getBoundedStaticString(tsApi, nameArg);
    if (!hook || !fn || !(REQUEST_HOOKS as readonly string[]).includes(hook)) return;
    const items = flattenArguments(tsApi, [fn]).map((expr) => toChainItem(this.file, expr, 'hook', hook));
    this.addStep(context, call, { kind: 'use', node: call, items });
  }

  /** `f.setErrorHandler(fn)`: the error handler of the context (and of children that set none). */
  private readErrorHandler(context: Context, call: ts.CallExpression): void {
    const fn = call.arguments[0];
    if (!fn) return;
    this.addStep(context, call, { kind: 'use', node: call, items: [toChainItem(this.file, skipOuterExpressions(this.tsApi, fn), 'error-handler')] });
  }

  /** `f.register(plugin, { prefix })`. */
  private readRegister(context: Context, call: ts.CallExpression): void {
    const tsApi = this.tsApi;
    const [pluginArg, optionsArg] = call.arguments;
    if (!pluginArg) return;
    const prefix = this.readPrefix(optionsArg);
    let plugin = skipOuterExpressions(tsApi, pluginArg);
    let encapsulated = true;
    if (tsApi.isCallExpression(plugin) && this.isPluginWrapper(plugin) && plugin.arguments[0]) {
      encapsulated = false;
      plugin = skipOuterExpressions(tsApi, plugin.arguments[0]);
    }
    const target = this.getRegisterTarget(plugin);
    if (target.kind === 'package') {
      // A package plugin: its effect (a hook for @fastify/bearer-auth, nothing for @fastify/cors) is catalog data.
      this.addStep(context, call, { kind: 'use', node: call, items: [toChainItem(this.file, plugin, 'hook', 'register')] });
      return;
    }
    this.addStep(context, call, {
      kind: 'mount',
      node: call,
      path: prefix,
      items: [],
      target: target.ref,
      targetNode: plugin,
      ...(encapsulated ? {} : { encapsulated: false }),
    });
  }

  /**
   * `addAuthHook(server)`: a function called with the instance adds its hooks and routes to the
   * caller's context, as a plugin wrapped in `fastify-plugin` would (a mount that shares the context).
   * A local function whose first parameter is a Fastify instance, or a function imported from a project
   * module (read with the project index; per file it stays unread, so the caller's routes are unknown).
   */
  private readHelperCall(call: ts.CallExpression): void {
    const tsApi = this.tsApi;
    const context = this.resolveContext(call.arguments[0]!);
    if (!context) return;
    const callee = skipOuterExpressions(tsApi, call.expression) as ts.Identifier;
    const fn = this.resolveLocalFunction(callee);
    let target: RouterRef | undefined;
    if (fn) {
      const helper = this.getFunctionContext(fn);
      if (helper && helper !== context) {
        // A router fact even when it adds nothing, so the mount resolves (to nothing) instead of staying unread.
        helper.registered = true;
        target = { kind: 'local', routerId: helper.id };
      }
    } else {
      const binding = this.bindings.imports.get(callee.text);
      if (binding && resolveIdentifier(tsApi, callee)?.declaration === binding.node && isProjectModuleSpecifier(binding.module)) {
        target = { kind: 'import', module: binding.module, imported: binding.imported };
      }
    }
    if (!target) return;
    this.addStep(context, call, { kind: 'mount', node: call, path: '', items: [], target, targetNode: callee, encapsulated: false });
  }

  private readPrefix(optionsArg: ts.Expression | undefined): string | undefined {
    const tsApi = this.tsApi;
    if (!optionsArg) return '';
    // Inline, or a constant of this file (`const sysPrefix = { prefix: '/v1/sys' }`); an options
    // function or anything else leaves the prefix unknown.
    const options = resolveObjectLiteral({ ts: tsApi, file: this.file }, optionsArg)?.object;
    if (!options) return undefined;
    const value = getObjectPropertyValue(tsApi, options, 'prefix');
    if (!value) return options.properties.some((p) => tsApi.isSpreadAssignment(p)) ? undefined : '';
    return readPathArgument(tsApi, this.file, value)[0];
  }

  private getRegisterTarget(plugin: ts.Expression): { kind: 'package' } | { kind: 'ref'; ref: RouterRef } {
    const tsApi = this.tsApi;
    const fn = this.resolveLocalFunction(plugin);
    if (fn) {
      const context = this.getFunctionContext(fn, true);
      if (context) {
        context.registered = true;
        return { kind: 'ref', ref: { kind: 'local', routerId: context.id } };
      }
    }
    // import('./routes/users.js'), require('./routes/users')
    if (tsApi.isCallExpression(plugin) && plugin.expression.kind === tsApi.SyntaxKind.ImportKeyword) {
      const module = getBoundedStaticString(tsApi, plugin.arguments[0]);
      if (module !== undefined) return isProjectModuleSpecifier(module) ? { kind: 'ref', ref: { kind: 'import', module, imported: 'default' } } : { kind: 'package' };
    }
    const required = getRequiredModule(tsApi, plugin);
    if (required !== undefined) return isProjectModuleSpecifier(required) ? { kind: 'ref', ref: { kind: 'import', module: required, imported: '*' } } : { kind: 'package' };
    if (tsApi.isIdentifier(plugin)) {
      const binding = this.bindings.imports.get(plugin.text);
      if (binding && resolveIdentifier(tsApi, plugin)?.declaration === binding.node) {
        return isProjectModuleSpecifier(binding.module) ? { kind: 'ref', ref: { kind: 'import', module: binding.module, imported: binding.imported } } : { kind: 'package' };
      }
    }
    if (tsApi.isPropertyAccessExpression(plugin)) {
      const owner = skipOuterExpressions(tsApi, plugin.expression);
      if (tsApi.isIdentifier(owner)) {
        const binding = this.bindings.imports.get(owner.text);
        if (binding && binding.imported === '*') {
          return isProjectModuleSpecifier(binding.module) ? { kind: 'ref', ref: { kind: 'import', module: binding.module, imported: plugin.name.text } } : { kind: 'package' };
        }
      }
    }
    return { kind: 'ref', ref: { kind: 'unknown', text: plugin.getText(this.file).slice(0, 60) } };
  }

  // ---- facts ----------------------------------------------------------------------------------

  private exportNamesOf(context: Context): string[] {
    const tsApi = this.tsApi;
    const names = new Set<string>();
    const fn = context.builtBy?.node;
    const fnName = context.builtBy?.name;
    for (const binding of this.bindings.exports) {
      if (binding.from) continue;
      const node = binding.node;
      if (fnName && binding.local === fnName) names.add(binding.exported);
      else if (fn && (node === fn || (tsApi.isVariableDeclaration(node) && node.initializer && skipOuterExpressions(tsApi, node.initializer) === fn))) names.add(binding.exported);
      else if (fn && tsApi.isCallExpression(node) && this.isPluginWrapper(node) && node.arguments[0] && this.resolveLocalFunction(node.arguments[0]) === fn) names.add(binding.exported);
    }
    return [...names];
  }

  private toRouterFact(context: Context): RouterFact {
    const steps = [...context.steps].sort((a, b) => compareOrderKeys(a.order, b.order)).map((s) => s.step);
    return {
      id: context.id,
      framework: 'fastify',
      kind: context.kind === 'app' ? 'app' : 'plugin',
      name: context.name,
      node: context.node,
      isRoot: context.isRoot,
      exportedAs: this.exportNamesOf(context),
      ...(context.kind === 'plugin' ? { encapsulated: context.encapsulated } : {}),
      ...(context.builtBy ? { builtBy: context.builtBy } : {}),
      steps,
    };
  }
}

/** The route options object an argument is: written inline, or held by a constant of the file. */
function asObject(tsApi: TsApi, node: ts.Expression): ts.ObjectLiteralExpression | undefined {
  return resolveObjectLiteral({ ts: tsApi, file: node.getSourceFile() }, node)?.object;
}

function readMethods(tsApi: TsApi, node: ts.Expression | undefined): HttpMethod[] {
  if (!node) return [];
  const expr = skipOuterExpressions(tsApi, node);
  const values = tsApi.isArrayLiteralExpression(expr) ? expr.elements.map((e) => getBoundedStaticString(tsApi, e)) : [getBoundedStaticString(tsApi, expr)];
  const methods: HttpMethod[] = [];
  for (const value of values) {
    const upper = value?.toUpperCase();
    if (upper && ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].includes(upper)) methods.push(upper as HttpMethod);
    else if (value === undefined) methods.push('ALL');
  }
  return [...new Set(methods)];
}

function getEnclosingFunctionNode(tsApi: TsApi, node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(tsApi, current)) return current;
  }
  return undefined;
}

function getThisClass(tsApi: TsApi, node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (tsApi.isClassDeclaration(current) || tsApi.isClassExpression(current)) return current;
    if (tsApi.isFunctionDeclaration(current) || tsApi.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}

/**
 * The receiver of a call that returns the Fastify instance it is called on: `withTypeProvider()`
 * (typing only) and `register(plugin)` (avvio's `use` returns the instance, and Fastify's typings
 * type it as the instance, so `app.register(auth).get(...)` adds the route to `app`).
 */
function getInstanceReturningReceiver(tsApi: TsApi, node: ts.Expression): ts.Expression | undefined {
  if (!tsApi.isCallExpression(node)) return undefined;
  const callee = skipOuterExpressions(tsApi, node.expression);
  if (!tsApi.isPropertyAccessExpression(callee)) return undefined;
  return callee.name.text === 'withTypeProvider' || callee.name.text === 'register' ? callee.expression : undefined;
}
