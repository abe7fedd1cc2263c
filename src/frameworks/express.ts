/**
 * The Express adapter (Express 4 and 5).
 *
 * `collect` finds the containers of one file and their steps in registration order:
 * - apps: `express()` (ESM default or namespace import, `require('express')`), and the raw Express
 *   instance of a Nest app (`app.getHttpAdapter().getInstance()`); apps are roots;
 * - routers: `Router()`/`express.Router()`/`new Router()` (also `require('express').Router()` and
 *   `express-promise-router`), bound to a variable or a class property (`this.router`);
 * - functions that receive an app or router (`function registerRoutes(app) { app.get(...) }`,
 *   `module.exports = (router) => {...}`) and functions that build and return a router
 *   (`createUsersRouter()`): cross-file mounts name these functions;
 * - steps: `app.METHOD(path, ...middleware, handler)` and `app.all(...)`, `router.route(path).get().post()`,
 *   `app.use(path?, ...middleware, router)` (arrays flattened), and calls that hand the app to a
 *   function (`registerRoutes(app)`, `require('./routes')(app)`).
 *
 * Order is execution order where the file shows it: steps in a helper or a class method are placed
 * at the call of that helper (`this.initializeMiddlewares(); this.initializeRoutes();`).
 *
 * `resolveRoutes` links them with the ordered policy of `route-linker.ts`.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getCalleeName, getObjectPropertyValue, getPropertyNameText, getShortText, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, getRequiredModule, isPackageSpecifier } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import { walkDescendants, forEachNodeOfKinds } from '../core/walk.js';
import type { ResolvedRoute } from '../model/api-model.js';
import {
  EMPTY_ROUTING_FACTS,
  type ChainItem,
  type FileRoutingFacts,
  type HttpMethod,
  type MountStep,
  type RouteFact,
  type RouterFact,
  type RouterRef,
  type RouterStep,
} from '../model/facts.js';
import { linkRoutes, type LinkPolicy } from '../model/route-linker.js';
import { getPublicAnnotation } from '../model/public-annotation.js';
import type { FrameworkAdapter, RoutingScope } from './adapter.js';
import { flattenArguments, toChainItem } from './chain-arguments.js';
import { isPathArgument, readPathArgument } from './path-argument.js';
import { getFileFramework, getServerParameterFramework, SERVER_OPTION_KEY } from './server-parameter.js';
import { compareOrderKeys, getFunctionName, getOrderKey, type CallSiteIndex, buildCallSiteIndex } from './registration-order.js';
import { isProjectModuleSpecifier, isRouterLikeName } from './router-names.js';

const ROUTE_METHODS: Readonly<Record<string, HttpMethod>> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
  all: 'ALL',
};

/** Methods that return the app or router itself, so calls can be chained (`app.use(a).use(b)`). */
const CHAINABLE_METHODS = new Set([...Object.keys(ROUTE_METHODS), 'use', 'param', 'set', 'enable', 'disable', 'engine', 'disable']);
/** How many chained calls (`app.use(a).use(b)...`) are followed back to their app or router. */
const MAX_CHAIN_LINKS = 64;
const EXPRESS_MODULE = 'express';
const ROUTER_PACKAGES = ['express-promise-router'];

export const EXPRESS_LINK_POLICY: LinkPolicy = {
  framework: 'express',
  ordered: true,
  levelOf: (router) => (router.kind === 'app' ? 'app' : 'router'),
  leakOf: (step) => (step.encapsulated === false ? 'shared' : 'prefixed'),
};

export const expressAdapter: FrameworkAdapter = {
  framework: 'express',
  collect(scope: RoutingScope, sourceFile: ts.SourceFile): FileRoutingFacts {
    return collectExpressFacts(scope.ts, sourceFile);
  },
  resolveRoutes(scope: RoutingScope, sourceFile: ts.SourceFile, facts: FileRoutingFacts): readonly ResolvedRoute[] {
    if (facts.routers.length === 0) return [];
    return linkRoutes(scope, expressAdapter, EXPRESS_LINK_POLICY, sourceFile, facts);
  },
};

interface Container {
  readonly id: string;
  readonly kind: 'app' | 'router';
  readonly name: string;
  readonly node: ts.Node;
  readonly isRoot: boolean;
  /** The function in which the container exists (its creation's function, or the function it is a parameter of). */
  readonly scopeFunction: ts.Node | undefined;
  builtBy?: RouterFact['builtBy'];
  aliasOf?: RouterRef;
  readonly steps: { readonly order: readonly number[]; readonly step: RouterStep }[];
}

/** Local names an app imported from another project module goes by (`app`, imported from `./app`). */
const IMPORTED_APP_NAME = /^(?:app|application|server|expressApp|api)$/;

const QUICK_FILTER = /\.(?:get|post|put|patch|delete|all|use|route|head|options)\s*\(|express|Router/;

/** The Express routing facts of one file. */
export function collectExpressFacts(tsApi: TsApi, sourceFile: ts.SourceFile): FileRoutingFacts {
  if (!QUICK_FILTER.test(sourceFile.text)) return EMPTY_ROUTING_FACTS;
  const collector = new ExpressCollector(tsApi, sourceFile);
  return collector.collect();
}

class ExpressCollector {
  private readonly bindings;
  private readonly byDeclaration = new Map<ts.Node, Container>();
  private readonly byClassProperty = new Map<ts.Node, Map<string, Container>>();
  private readonly byCreation = new Map<ts.Node, Container>();
  private readonly byImportAlias = new Map<ts.Node, Container>();
  private readonly containers: Container[] = [];
  private readonly rejectedParameters = new Set<ts.Node>();
  private readonly handledRouteCalls = new Set<ts.Node>();
  /** What a chained call (`a.use(x)`) resolves to, once known: a long chain is walked once, not once per link. */
  private readonly chainContainers = new Map<ts.Node, Container | null>();
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
    forEachNodeOfKinds(tsApi, this.file, [tsApi.SyntaxKind.CallExpression, tsApi.SyntaxKind.NewExpression], (node) => {
      if (tsApi.isCallExpression(node) || tsApi.isNewExpression(node)) {
        const kind = this.getCreationKind(node);
        if (kind) this.registerCreation(node, kind);
      }
      if (tsApi.isCallExpression(node)) calls.push(node);
    });
    const hasExpress = this.containers.length > 0 || this.importsExpress();
    for (const call of calls) this.readStepCall(call, hasExpress);
    for (const call of calls) this.readCallMount(call);
    if (this.containers.length === 0) return EMPTY_ROUTING_FACTS;
    this.markFactories();
    const routers = this.containers
      .filter((c) => c.steps.length > 0 || c.isRoot || (c.builtBy?.via !== 'parameter' && this.exportNamesOf(c).length > 0))
      .map((c) => this.toRouterFact(c));
    return routers.length === 0 ? EMPTY_ROUTING_FACTS : { routers, globals: [] };
  }

  private importsExpress(): boolean {
    for (const binding of this.bindings.imports.values()) {
      if (isPackageSpecifier(binding.module, EXPRESS_MODULE) || ROUTER_PACKAGES.some((m) => isPackageSpecifier(binding.module, m))) return true;
    }
    return false;
  }

  // ---- containers ---------------------------------------------------------------------------

  /** `express()`, `Router()`, `express.Router()`, `new Router()`, `app.getHttpAdapter().getInstance()`. */
  private getCreationKind(node: ts.CallExpression | ts.NewExpression): 'app' | 'router' | 'instance' | undefined {
    const tsApi = this.tsApi;
    const callee = skipOuterExpressions(tsApi, node.expression);
    if (tsApi.isIdentifier(callee)) {
      const binding = this.bindings.imports.get(callee.text);
      if (!binding || resolveIdentifier(tsApi, callee)?.declaration !== binding.node) return undefined;
      if (ROUTER_PACKAGES.some((m) => isPackageSpecifier(binding.module, m))) return 'router';
      if (binding.module !== EXPRESS_MODULE) return undefined;
      if (binding.imported === 'default' || binding.imported === '*') return tsApi.isNewExpression(node) ? undefined : 'app';
      if (binding.imported === 'Router') return 'router';
      return undefined;
    }
    if (tsApi.isCallExpression(callee) && getRequiredModule(tsApi, callee) === EXPRESS_MODULE) return 'app';
    if (tsApi.isPropertyAccessExpression(callee)) {
      const owner = skipOuterExpressions(tsApi, callee.expression);
      if (callee.name.text === 'Router') {
        if (getRequiredModule(tsApi, owner) === EXPRESS_MODULE) return 'router';
        if (tsApi.isIdentifier(owner)) {
          const binding = this.bindings.imports.get(owner.text);
          if (binding?.module === EXPRESS_MODULE && (binding.imported === 'default' || binding.imported === '*')) return 'router';
        }
      }
      if (callee.name.text === 'getInstance' && tsApi.isCallExpression(owner) && getCalleeName(tsApi, owner) === 'getHttpAdapter') return 'instance';
    }
    return undefined;
  }

  private registerCreation(node: ts.CallExpression | ts.NewExpression, kind: 'app' | 'router' | 'instance'): void {
    const tsApi = this.tsApi;
    // Through wrappers and chained calls: `const api = Router().use(a).use(b)`.
    let holder: ts.Node = getOuterChain(tsApi, node);
    while (holder.parent && (tsApi.isParenthesizedExpression(holder.parent) || tsApi.isAsExpression(holder.parent) || tsApi.isSatisfiesExpression(holder.parent) || tsApi.isNonNullExpression(holder.parent))) {
      holder = holder.parent;
    }
    const parent = holder.parent;
    const containerKind = kind === 'router' ? 'router' : 'app';
    const isRoot = kind !== 'router';
    const scopeFunction = getEnclosingFunctionNode(tsApi, node);
    const container = this.bindCreation(holder, parent, containerKind, isRoot, scopeFunction);
    this.byCreation.set(node, container ?? this.newContainer(containerKind, getShortText(this.file, node, 30), holder, isRoot, scopeFunction));
  }

  private bindCreation(holder: ts.Node, parent: ts.Node | undefined, containerKind: 'app' | 'router', isRoot: boolean, scopeFunction: ts.Node | undefined): Container | undefined {
    const tsApi = this.tsApi;
    if (parent && tsApi.isVariableDeclaration(parent) && tsApi.isIdentifier(parent.name) && parent.initializer === holder) {
      const container = this.newContainer(containerKind, parent.name.text, parent, isRoot, scopeFunction);
      this.byDeclaration.set(parent.name, container);
      return container;
    }
    const classProperty = getClassPropertyTarget(tsApi, holder);
    if (classProperty) {
      let map = this.byClassProperty.get(classProperty.owner);
      if (!map) {
        map = new Map();
        this.byClassProperty.set(classProperty.owner, map);
      }
      const existing = map.get(classProperty.name);
      if (existing) return existing;
      const container = this.newContainer(containerKind, `this.${classProperty.name}`, classProperty.node, isRoot, undefined);
      map.set(classProperty.name, container);
      return container;
    }
    // `app = express()` assigned to a name declared elsewhere.
    if (parent && tsApi.isBinaryExpression(parent) && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken && tsApi.isIdentifier(parent.left)) {
      const binding = resolveIdentifier(tsApi, parent.left);
      if (binding) {
        const existing = this.byDeclaration.get(binding.name);
        if (existing) return existing;
        const container = this.newContainer(containerKind, parent.left.text, binding.declaration, isRoot, scopeFunction);
        this.byDeclaration.set(binding.name, container);
        return container;
      }
    }
    return undefined;
  }

  private newContainer(kind: 'app' | 'router', name: string, node: ts.Node, isRoot: boolean, scopeFunction: ts.Node | undefined): Container {
    const container: Container = {
      id: `express:${name}@${node.getStart(this.file)}`,
      kind,
      name,
      node,
      isRoot,
      scopeFunction,
      steps: [],
    };
    this.containers.push(container);
    return container;
  }

  /** The container an expression refers to: a variable, `this.prop`, a chained call, a parameter. */
  private resolveContainer(node: ts.Expression, depth = 0): Container | undefined {
    const tsApi = this.tsApi;
    if (depth > 64) return undefined;
    const expr = skipOuterExpressions(tsApi, node);
    if (tsApi.isIdentifier(expr)) {
      const binding = resolveIdentifier(tsApi, expr);
      if (!binding) return undefined;
      const known = this.byDeclaration.get(binding.name);
      if (known) return known;
      const declaration = binding.declaration;
      if (tsApi.isVariableDeclaration(declaration) && declaration.initializer && tsApi.isIdentifier(declaration.name)) {
        const aliased = this.resolveContainer(declaration.initializer, depth + 1);
        if (aliased) {
          this.byDeclaration.set(binding.name, aliased);
          return aliased;
        }
        return undefined;
      }
      if (tsApi.isParameter(declaration)) return this.getParameterContainer(declaration, binding.name);
      const imported = this.getImportedAppAlias(expr);
      if (imported) return imported;
      // `export default ({ app }: { app: express.Application }) => { app.get(...) }` (bulletproof-nodejs's loaders).
      if (tsApi.isBindingElement(declaration) && !declaration.dotDotDotToken && tsApi.isObjectBindingPattern(declaration.parent) && tsApi.isParameter(declaration.parent.parent)) {
        return this.getDestructuredParameterContainer(declaration.parent.parent, declaration, binding.name);
      }
      return undefined;
    }
    if (tsApi.isPropertyAccessExpression(expr) && expr.expression.kind === tsApi.SyntaxKind.ThisKeyword) {
      const owner = getThisClass(tsApi, expr);
      return owner ? this.byClassProperty.get(owner)?.get(expr.name.text) : undefined;
    }
    // `new UsersController().router`, or `controller.router` with `const controller = new UsersController()`.
    if (tsApi.isPropertyAccessExpression(expr)) {
      const owner = this.resolveInstanceClass(expr.expression);
      if (owner) return this.byClassProperty.get(owner)?.get(expr.name.text);
    }
    if (tsApi.isNewExpression(expr)) return this.byCreation.get(expr);
    if (tsApi.isCallExpression(expr)) return this.resolveChain(expr, depth);
    return undefined;
  }

  /**
   * A call that returns its receiver's container: `Router().use(a).use(b)`. The chain is walked down
   * once, in a loop, to its first link that is not a chained call; every link passed remembers the
   * answer, so each link of a 10,000-link chain costs one step. Links more than `MAX_CHAIN_LINKS`
   * away from the container are not followed (generated code, not a router someone wrote).
   */
  private resolveChain(call: ts.CallExpression, depth: number): Container | undefined {
    const tsApi = this.tsApi;
    const passed: ts.CallExpression[] = [];
    let answer: Container | undefined;
    let current: ts.Expression = call;
    for (;;) {
      if (!tsApi.isCallExpression(current)) {
        answer = this.resolveContainer(current, depth + 1);
        break;
      }
      const created = this.byCreation.get(current);
      if (created) {
        answer = created;
        break;
      }
      const known = this.chainContainers.get(current);
      if (known !== undefined) {
        answer = known ?? undefined;
        break;
      }
      const callee = skipOuterExpressions(tsApi, current.expression);
      if (!tsApi.isPropertyAccessExpression(callee) || !CHAINABLE_METHODS.has(callee.name.text)) break;
      passed.push(current);
      current = skipOuterExpressions(tsApi, callee.expression);
    }
    // `passed` runs from the outermost link inwards; the innermost MAX_CHAIN_LINKS get the answer.
    const reach = passed.length - MAX_CHAIN_LINKS;
    passed.forEach((link, i) => this.chainContainers.set(link, i >= reach ? (answer ?? null) : null));
    return passed.length > MAX_CHAIN_LINKS ? undefined : answer;
  }

  /** The class declared in this file that `new X()` (or a constant holding it) instantiates. */
  private resolveInstanceClass(node: ts.Expression): ts.Node | undefined {
    const tsApi = this.tsApi;
    let expr = skipOuterExpressions(tsApi, node);
    if (tsApi.isIdentifier(expr)) {
      const declaration = resolveIdentifier(tsApi, expr)?.declaration;
      if (!declaration || !tsApi.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
      expr = skipOuterExpressions(tsApi, declaration.initializer);
    }
    if (!tsApi.isNewExpression(expr)) return undefined;
    const callee = skipOuterExpressions(tsApi, expr.expression);
    if (!tsApi.isIdentifier(callee)) return undefined;
    const declaration = resolveIdentifier(tsApi, callee)?.declaration;
    return declaration && tsApi.isClassDeclaration(declaration) ? declaration : undefined;
  }

  private getParameterContainer(param: ts.ParameterDeclaration, name: ts.Identifier): Container | undefined {
    const tsApi = this.tsApi;
    if (this.rejectedParameters.has(param)) return undefined;
    const fn = param.parent;
    if (!isFunctionLike(tsApi, fn) || tsApi.isConstructorDeclaration(fn)) {
      this.rejectedParameters.add(param);
      return undefined;
    }
    const index = fn.parameters.indexOf(param);
    if (getServerParameterFramework(tsApi, this.file, fn, index) !== 'express') {
      this.rejectedParameters.add(param);
      return undefined;
    }
    const functionName = getFunctionName(tsApi, fn);
    const container = this.newContainer('router', functionName ? `${functionName}(${name.text})` : name.text, fn, false, fn);
    container.builtBy = { node: fn, ...(functionName ? { name: functionName } : {}), via: 'parameter', parameterIndex: index };
    this.byDeclaration.set(name, container);
    return container;
  }

  /** The app or router an options parameter carries, destructured: `({ app }) => ...`, `({ router: r }) => ...`. */
  private getDestructuredParameterContainer(param: ts.ParameterDeclaration, element: ts.BindingElement, name: ts.Identifier): Container | undefined {
    const tsApi = this.tsApi;
    const known = this.byDeclaration.get(name);
    if (known) return known;
    if (this.rejectedParameters.has(element)) return undefined;
    const fn = param.parent;
    const key = element.propertyName ? getPropertyNameText(tsApi, element.propertyName) : name.text;
    if (!isFunctionLike(tsApi, fn) || tsApi.isConstructorDeclaration(fn) || !key || !SERVER_OPTION_KEY.test(key) || getFileFramework(tsApi, this.file) !== 'express') {
      this.rejectedParameters.add(element);
      return undefined;
    }
    const functionName = getFunctionName(tsApi, fn);
    const container = this.newContainer('router', functionName ? `${functionName}({ ${key} })` : key, fn, false, fn);
    container.builtBy = { node: fn, ...(functionName ? { name: functionName } : {}), via: 'parameter', parameterIndex: fn.parameters.indexOf(param) };
    this.byDeclaration.set(name, container);
    return container;
  }

  // ---- steps --------------------------------------------------------------------------------

  private readStepCall(call: ts.CallExpression, hasExpress: boolean): void {
    const tsApi = this.tsApi;
    if (this.handledRouteCalls.has(call)) return;
    const callee = skipOuterExpressions(tsApi, call.expression);
    if (!tsApi.isPropertyAccessExpression(callee)) return;
    const method = callee.name.text;
    if (method !== 'use' && method !== 'route' && !(method in ROUTE_METHODS)) return;
    // `router.route('/x').get(...)` is read from its `route(...)` call.
    if (method in ROUTE_METHODS && isRouteChainCall(tsApi, callee.expression)) return;
    if (!hasExpress && !this.looksLikeExpressReceiver(callee.expression)) return;
    if (call.arguments.length === 0 || (method in ROUTE_METHODS && call.arguments.length < 2)) return;
    const container = this.resolveContainer(callee.expression);
    if (!container) return;
    if (method === 'use') this.readUse(container, call);
    else if (method === 'route') this.readRouteChain(container, call);
    else this.readRoute(container, call, ROUTE_METHODS[method]!);
  }

  /** Without an express import, only parameters of functions that register Express-shaped handlers, or an app imported from a project module. */
  private looksLikeExpressReceiver(node: ts.Expression): boolean {
    const tsApi = this.tsApi;
    const expr = skipOuterExpressions(tsApi, node);
    if (!tsApi.isIdentifier(expr)) return false;
    const declaration = resolveIdentifier(tsApi, expr)?.declaration;
    if (declaration !== undefined && tsApi.isParameter(declaration)) return true;
    return this.getImportedAppAlias(expr) !== undefined;
  }

  /**
   * `app` imported (or required) from `./app`, then `app.get(...)`: the app of
   * another project module, extended here. A container of this file stands for it; the linker reads
   * the other module's app as what runs first (project mode), and per file its routes stay unknown.
   */
  private getImportedAppAlias(identifier: ts.Identifier): Container | undefined {
    const tsApi = this.tsApi;
    if (!IMPORTED_APP_NAME.test(identifier.text)) return undefined;
    const binding = this.bindings.imports.get(identifier.text);
    if (!binding || !isProjectModuleSpecifier(binding.module) || resolveIdentifier(tsApi, identifier)?.declaration !== binding.node) return undefined;
    const known = this.byImportAlias.get(binding.node);
    if (known) return known;
    const container = this.newContainer('app', identifier.text, binding.node, false, undefined);
    container.aliasOf = { kind: 'import', module: binding.module, imported: binding.imported };
    this.byImportAlias.set(binding.node, container);
    return container;
  }

  private addStep(container: Container, at: ts.Node, step: RouterStep): void {
    this.callSites ??= buildCallSiteIndex(this.tsApi, this.file);
    container.steps.push({ order: getOrderKey(this.tsApi, this.callSites, at, container.scopeFunction), step });
  }

  private readRoute(container: Container, call: ts.CallExpression, method: HttpMethod): void {
    const tsApi = this.tsApi;
    if (call.arguments.length < 2) return; // `app.get('env')` reads a setting
    const [pathArg, ...rest] = call.arguments;
    if (!pathArg || isFunctionLike(tsApi, skipOuterExpressions(tsApi, pathArg))) return;
    const paths = readPathArgument(tsApi, this.file, pathArg);
    const args = flattenArguments(tsApi, rest);
    const handler = args[args.length - 1];
    // On an imported object only assumed to be an app, a literal last argument reads a setting (`config.get('port', 3000)`).
    if (container.aliasOf && handler && isLiteralArgument(tsApi, handler)) return;
    const middleware = args.slice(0, -1).map((arg) => toChainItem(this.file, arg, 'middleware'));
    for (const path of paths) {
      if (method === 'ALL') {
        // `app.all('/admin/*', requireAuth)` also runs before later routes on matching paths.
        this.addStep(container, call, {
          kind: 'use',
          node: call,
          ...(path !== undefined ? { path } : {}),
          match: 'exact',
          items: args.map((arg) => toChainItem(this.file, arg, 'middleware')),
        });
      }
      this.addStep(container, call, { kind: 'route', route: this.newRoute(container, call, [method], path, middleware, handler) });
    }
  }

  /** `router.route('/x').all(auth).get(h).post(h)`. */
  private readRouteChain(container: Container, routeCall: ts.CallExpression): void {
    const tsApi = this.tsApi;
    const pathArg = routeCall.arguments[0];
    if (!pathArg) return;
    const paths = readPathArgument(tsApi, this.file, pathArg);
    let current: ts.Expression = routeCall;
    const chainCalls: { call: ts.CallExpression; method: HttpMethod }[] = [];
    for (;;) {
      const access = current.parent;
      if (!access || !tsApi.isPropertyAccessExpression(access) || access.expression !== current) break;
      const next = access.parent;
      if (!next || !tsApi.isCallExpression(next) || next.expression !== access) break;
      const method = ROUTE_METHODS[access.name.text];
      if (!method) break;
      chainCalls.push({ call: next, method });
      this.handledRouteCalls.add(next);
      current = next;
    }
    const onlyAll = chainCalls.every((c) => c.method === 'ALL');
    for (const path of paths) {
      for (const { call, method } of chainCalls) {
        const args = flattenArguments(tsApi, call.arguments);
        if (args.length === 0) continue;
        if (method === 'ALL') {
          this.addStep(container, call, {
            kind: 'use',
            node: call,
            ...(path !== undefined ? { path } : {}),
            match: 'exact',
            items: args.map((arg) => toChainItem(this.file, arg, 'middleware')),
          });
          if (!onlyAll) continue;
        }
        const handler = args[args.length - 1];
        const middleware = args.slice(0, -1).map((arg) => toChainItem(this.file, arg, 'middleware'));
        this.addStep(container, call, { kind: 'route', route: this.newRoute(container, call, [method], path, middleware, handler, routeCall) });
      }
    }
  }

  private newRoute(
    container: Container,
    call: ts.CallExpression,
    methods: HttpMethod[],
    path: string | undefined,
    chain: ChainItem[],
    handler: ts.Expression | undefined,
    reportFrom?: ts.CallExpression,
  ): RouteFact {
    const marker = getPublicAnnotation(this.tsApi, this.file, reportFrom ?? call);
    return {
      id: `${container.id}:route:${this.routeCount++}`,
      framework: 'express',
      methods,
      path,
      node: call,
      reportNode: reportFrom ?? call,
      routerId: container.id,
      chain,
      ...(handler ? { handler } : {}),
      publicMarkers: marker ? [marker] : [],
    };
  }

  /** `app.use(path?, ...middleware, router?)`: middleware, mounts, or both, in argument order. */
  private readUse(container: Container, call: ts.CallExpression): void {
    const rows = this.getDataDrivenRows(call);
    if (!rows) {
      this.readUseArguments(container, call, [...call.arguments]);
      return;
    }
    // `routes.forEach((r) => router.use(r.path, r.route))` over a constant array: one use per row.
    for (const row of rows) this.readUseArguments(container, call, call.arguments.map((arg) => row(arg)));
  }

  /**
   * For a call inside `ROWS.forEach((row) => ...)` (or `.map`) whose arguments read `row.prop`, and
   * `ROWS` a constant array of object literals in this file: one substitution per row.
   */
  private getDataDrivenRows(call: ts.CallExpression): ((arg: ts.Expression) => ts.Expression)[] | undefined {
    const tsApi = this.tsApi;
    const fn = getEnclosingFunctionNode(tsApi, call);
    if (!fn || !(tsApi.isArrowFunction(fn) || tsApi.isFunctionExpression(fn))) return undefined;
    const param = fn.parameters[0];
    if (!param || !tsApi.isIdentifier(param.name)) return undefined;
    const loop = fn.parent;
    if (!loop || !tsApi.isCallExpression(loop) || loop.arguments[0] !== fn) return undefined;
    const loopCallee = skipOuterExpressions(tsApi, loop.expression);
    if (!tsApi.isPropertyAccessExpression(loopCallee) || !/^(?:forEach|map)$/.test(loopCallee.name.text)) return undefined;
    const array = this.getConstArrayOfObjects(loopCallee.expression);
    if (!array) return undefined;
    const paramName = param.name;
    const readsRow = call.arguments.some((arg) => {
      const expr = skipOuterExpressions(tsApi, arg);
      return tsApi.isPropertyAccessExpression(expr) && tsApi.isIdentifier(expr.expression) && resolveIdentifier(tsApi, expr.expression)?.name === paramName;
    });
    if (!readsRow) return undefined;
    return array.map((object) => (arg: ts.Expression): ts.Expression => {
      const expr = skipOuterExpressions(tsApi, arg);
      if (!tsApi.isPropertyAccessExpression(expr) || !tsApi.isIdentifier(expr.expression) || resolveIdentifier(tsApi, expr.expression)?.name !== paramName) return arg;
      return getObjectPropertyValue(tsApi, object, expr.name.text) ?? arg;
    });
  }

  private getConstArrayOfObjects(node: ts.Expression): ts.ObjectLiteralExpression[] | undefined {
    const tsApi = this.tsApi;
    const expr = skipOuterExpressions(tsApi, node);
    if (!tsApi.isIdentifier(expr)) return undefined;
    const declaration = resolveIdentifier(tsApi, expr)?.declaration;
    if (!declaration || !tsApi.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
    const init = skipOuterExpressions(tsApi, declaration.initializer);
    if (!tsApi.isArrayLiteralExpression(init) || init.elements.length > 200) return undefined;
    const objects = init.elements.map((e) => skipOuterExpressions(tsApi, e));
    return objects.every((o) => tsApi.isObjectLiteralExpression(o)) ? (objects as ts.ObjectLiteralExpression[]) : undefined;
  }

  private readUseArguments(container: Container, call: ts.CallExpression, callArguments: ts.Expression[]): void {
    const tsApi = this.tsApi;
    const args = [...callArguments];
    if (args.length === 0) return;
    let paths: (string | undefined)[] = [''];
    if (isPathArgument(tsApi, this.file, args[0]!)) {
      paths = readPathArgument(tsApi, this.file, args.shift()!);
    }
    const flat = flattenArguments(tsApi, args);
    for (const path of paths) {
      const pending: ChainItem[] = [];
      const before: ChainItem[] = [];
      for (const arg of flat) {
        const target = this.classifyUseArgument(arg);
        if (target.kind === 'middleware') {
          pending.push(target.item);
          continue;
        }
        before.push(...pending);
        pending.length = 0;
        const step: MountStep = {
          kind: 'mount',
          node: call,
          path,
          items: [...before],
          target: target.ref,
          targetNode: arg,
          ...(target.item ? { alsoMiddleware: target.item } : {}),
        };
        this.addStep(container, call, step);
        if (target.item) before.push(target.item);
      }
      if (pending.length === 0) continue;
      const filter = path === undefined ? { path: '/?' } : path === '' ? {} : { path };
      this.addStep(container, call, { kind: 'use', node: call, ...filter, items: [...pending] });
    }
  }

  private classifyUseArgument(node: ts.Expression): { kind: 'middleware'; item: ChainItem } | { kind: 'mount'; ref: RouterRef; item?: ChainItem } {
    const tsApi = this.tsApi;
    const expr = skipOuterExpressions(tsApi, node);
    const item = toChainItem(this.file, expr, 'middleware');
    const middleware = { kind: 'middleware' as const, item };
    if (tsApi.isSpreadElement(expr)) return middleware;
    const local = this.resolveContainer(expr);
    if (local) return { kind: 'mount', ref: { kind: 'local', routerId: local.id } };
    const required = getRequiredModule(tsApi, expr);
    if (required !== undefined) return this.importMount(required, '*', required, item);
    if (tsApi.isCallExpression(expr)) {
      const callee = skipOuterExpressions(tsApi, expr.expression);
      const factory = this.resolveFactoryContainer(callee);
      if (factory) return { kind: 'mount', ref: { kind: 'local', routerId: factory.id } };
      const requiredCallee = getRequiredModule(tsApi, callee);
      if (requiredCallee !== undefined) return this.importMount(requiredCallee, '*', requiredCallee, item);
      const imported = this.getImportOf(callee);
      if (imported) return this.importMount(imported.module, imported.imported, imported.name, item);
      return middleware;
    }
    const imported = this.getImportOf(expr);
    if (imported) return this.importMount(imported.module, imported.imported, imported.name, item);
    const instanceMember = this.getImportedInstanceMember(expr);
    if (instanceMember) return { kind: 'mount', ref: instanceMember, item };
    const name = tsApi.isIdentifier(expr) ? expr.text : tsApi.isPropertyAccessExpression(expr) ? expr.name.text : undefined;
    if (name && isRouterLikeName(name) && !this.isLocalFunction(expr)) {
      return { kind: 'mount', ref: { kind: 'unknown', text: getShortText(this.file, expr) }, item };
    }
    return middleware;
  }

  private importMount(module: string, imported: string, name: string, item: ChainItem): { kind: 'middleware'; item: ChainItem } | { kind: 'mount'; ref: RouterRef; item?: ChainItem } {
    if (!isProjectModuleSpecifier(module) && !isRouterLikeName(name)) return { kind: 'middleware', item };
    return { kind: 'mount', ref: { kind: 'import', module, imported }, item };
  }

  /** The import an identifier or `namespace.member` refers to: module, exported name, local name. */
  private getImportOf(node: ts.Expression): { module: string; imported: string; name: string } | undefined {
    const tsApi = this.tsApi;
    const expr = skipOuterExpressions(tsApi, node);
    if (tsApi.isIdentifier(expr)) {
      const binding = this.bindings.imports.get(expr.text);
      const declaration = resolveIdentifier(tsApi, expr)?.declaration;
      if (binding && declaration === binding.node) return { module: binding.module, imported: binding.imported, name: expr.text };
      // `const apiRouter = require('./routers/api-router')` inside a function (a startup IIFE), or
      // `const { statusRouter } = require('./routers/status-router')`.
      if (declaration && tsApi.isBindingElement(declaration) && !declaration.dotDotDotToken && tsApi.isObjectBindingPattern(declaration.parent)) {
        const owner = declaration.parent.parent;
        const list = owner.parent;
        if (!tsApi.isVariableDeclaration(owner) || !owner.initializer || !tsApi.isVariableDeclarationList(list) || (list.flags & tsApi.NodeFlags.Const) === 0) return undefined;
        const module = getRequiredModule(tsApi, skipOuterExpressions(tsApi, owner.initializer));
        const imported = declaration.propertyName ? getPropertyNameText(tsApi, declaration.propertyName) : expr.text;
        return module !== undefined && imported !== undefined ? { module, imported, name: expr.text } : undefined;
      }
      if (!declaration || !tsApi.isVariableDeclaration(declaration) || !declaration.initializer || !tsApi.isIdentifier(declaration.name)) return undefined;
      const list = declaration.parent;
      if (!tsApi.isVariableDeclarationList(list) || (list.flags & tsApi.NodeFlags.Const) === 0) return undefined;
      const init = skipOuterExpressions(tsApi, declaration.initializer);
      const required = getRequiredModule(tsApi, init);
      if (required !== undefined) return { module: required, imported: '*', name: expr.text };
      if (tsApi.isPropertyAccessExpression(init)) {
        const owner = getRequiredModule(tsApi, skipOuterExpressions(tsApi, init.expression));
        if (owner !== undefined) return { module: owner, imported: init.name.text, name: expr.text };
      }
      return undefined;
    }
    if (tsApi.isPropertyAccessExpression(expr)) {
      const owner = skipOuterExpressions(tsApi, expr.expression);
      const required = getRequiredModule(tsApi, owner);
      if (required !== undefined) return { module: required, imported: expr.name.text, name: expr.name.text };
      if (tsApi.isIdentifier(owner)) {
        const binding = this.bindings.imports.get(owner.text);
        if (binding && binding.imported === '*' && resolveIdentifier(tsApi, owner)?.declaration === binding.node) {
          return { module: binding.module, imported: expr.name.text, name: expr.name.text };
        }
      }
    }
    return undefined;
  }

  /**
   * `new UsersRoute().router`, or `route.router` with `const route = new UsersRoute()`, where the class
   * is imported from a project module: the router a property of its instances holds.
   */
  private getImportedInstanceMember(node: ts.Expression): RouterRef | undefined {
    const tsApi = this.tsApi;
    const expr = skipOuterExpressions(tsApi, node);
    if (!tsApi.isPropertyAccessExpression(expr)) return undefined;
    let instance = skipOuterExpressions(tsApi, expr.expression);
    if (tsApi.isIdentifier(instance)) {
      const declaration = resolveIdentifier(tsApi, instance)?.declaration;
      if (!declaration || !tsApi.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
      instance = skipOuterExpressions(tsApi, declaration.initializer);
    }
    if (!tsApi.isNewExpression(instance)) return undefined;
    const imported = this.getImportOf(instance.expression);
    if (!imported || !isProjectModuleSpecifier(imported.module)) return undefined;
    return { kind: 'import', module: imported.module, imported: imported.imported, member: expr.name.text };
  }

  private isLocalFunction(node: ts.Expression): boolean {
    const tsApi = this.tsApi;
    const expr = skipOuterExpressions(tsApi, node);
    if (!tsApi.isIdentifier(expr)) return false;
    const declaration = resolveIdentifier(tsApi, expr)?.declaration;
    if (!declaration) return false;
    if (tsApi.isFunctionDeclaration(declaration)) return true;
    return tsApi.isVariableDeclaration(declaration) && declaration.initializer !== undefined && isFunctionLike(tsApi, skipOuterExpressions(tsApi, declaration.initializer));
  }

  /** A local function that builds and returns a router: the router it returns. */
  private resolveFactoryContainer(callee: ts.Expression): Container | undefined {
    const fn = this.resolveLocalFunction(callee);
    if (!fn) return undefined;
    return this.getReturnedContainer(fn);
  }

  private resolveLocalFunction(callee: ts.Expression): ts.FunctionLikeDeclaration | undefined {
    const tsApi = this.tsApi;
    const expr = skipOuterExpressions(tsApi, callee);
    if (isFunctionLike(tsApi, expr)) return expr;
    if (!tsApi.isIdentifier(expr)) return undefined;
    const declaration = resolveIdentifier(tsApi, expr)?.declaration;
    if (!declaration) return undefined;
    if (tsApi.isFunctionDeclaration(declaration)) return declaration;
    if (tsApi.isVariableDeclaration(declaration) && declaration.initializer) {
      const init = skipOuterExpressions(tsApi, declaration.initializer);
      if (isFunctionLike(tsApi, init)) return init;
    }
    return undefined;
  }

  private getReturnedContainer(fn: ts.FunctionLikeDeclaration): Container | undefined {
    const tsApi = this.tsApi;
    const body = fn.body;
    if (!body) return undefined;
    if (!tsApi.isBlock(body)) return this.resolveContainer(body);
    let found: Container | undefined;
    walkDescendants(tsApi, body, (node) => {
      if (found) return false;
      if (node !== body && isFunctionLike(tsApi, node)) return false;
      if (tsApi.isReturnStatement(node) && node.expression) found = this.resolveContainer(node.expression);
      return undefined;
    });
    return found;
  }

  /** `registerRoutes(app)`, `require('./routes')(app)`: the function adds to the app directly. */
  private readCallMount(call: ts.CallExpression): void {
    const tsApi = this.tsApi;
    const callee = skipOuterExpressions(tsApi, call.expression);
    if (tsApi.isPropertyAccessExpression(callee) && this.resolveContainer(callee.expression)) return;
    call.arguments.forEach((arg, index) => {
      const container = this.resolveContainer(arg);
      if (container) {
        const target = this.getCallMountTarget(callee, index);
        if (target) this.addStep(container, call, { kind: 'mount', node: call, path: '', items: [], target, targetNode: callee, encapsulated: false });
        return;
      }
      // `expressLoader({ app: expressApp })`: the app passed inside an options object.
      const options = skipOuterExpressions(tsApi, arg);
      if (!tsApi.isObjectLiteralExpression(options)) return;
      for (const prop of options.properties) {
        const value = tsApi.isPropertyAssignment(prop) ? prop.initializer : tsApi.isShorthandPropertyAssignment(prop) ? prop.name : undefined;
        const key = prop.name ? getPropertyNameText(tsApi, prop.name) : undefined;
        const passed = value && key && SERVER_OPTION_KEY.test(key) ? this.resolveContainer(value) : undefined;
        if (!passed) continue;
        const target = this.getCallMountTarget(callee, index, key);
        if (target) this.addStep(passed, call, { kind: 'mount', node: call, path: '', items: [], target, targetNode: callee, encapsulated: false });
      }
    });
  }

  private getCallMountTarget(callee: ts.Expression, index: number, property?: string): RouterRef | undefined {
    const tsApi = this.tsApi;
    const fn = this.resolveLocalFunction(callee);
    if (fn) {
      const param = fn.parameters[index];
      if (!param) return undefined;
      let container: Container | undefined;
      if (property === undefined && tsApi.isIdentifier(param.name)) {
        container = this.getParameterContainer(param, param.name);
      } else if (property !== undefined && tsApi.isObjectBindingPattern(param.name)) {
        const element = param.name.elements.find((e) => (e.propertyName ? getPropertyNameText(tsApi, e.propertyName) : tsApi.isIdentifier(e.name) ? e.name.text : undefined) === property);
        if (element && tsApi.isIdentifier(element.name)) container = this.getDestructuredParameterContainer(param, element, element.name);
      }
      return container ? { kind: 'local', routerId: container.id } : undefined;
    }
    const required = getRequiredModule(tsApi, callee);
    if (required !== undefined) return isProjectModuleSpecifier(required) ? { kind: 'import', module: required, imported: '*' } : undefined;
    const imported = this.getImportOf(callee);
    if (imported && isProjectModuleSpecifier(imported.module)) return { kind: 'import', module: imported.module, imported: imported.imported };
    return undefined;
  }

  // ---- facts ----------------------------------------------------------------------------------

  /** Routers created in a function that returns them are built by that function. */
  private markFactories(): void {
    const tsApi = this.tsApi;
    // An exported function that returns a module-level router: `module.exports = (deps) => { ...; return router; }`.
    for (const binding of this.bindings.exports) {
      if (binding.from) continue;
      let fn: ts.Node | undefined = binding.node;
      if (tsApi.isVariableDeclaration(fn)) fn = fn.initializer ? skipOuterExpressions(tsApi, fn.initializer) : undefined;
      else if (tsApi.isExpression(fn as ts.Expression)) fn = skipOuterExpressions(tsApi, fn as ts.Expression);
      if (!fn || !isFunctionLike(tsApi, fn)) continue;
      const returned = this.getReturnedContainer(fn);
      if (!returned || returned.builtBy) continue;
      const name = getFunctionName(tsApi, fn);
      returned.builtBy = { node: fn, ...(name ? { name } : {}), via: 'return' };
    }
    for (const container of this.containers) {
      if (container.builtBy || !container.scopeFunction || !tsApi.isVariableDeclaration(container.node)) continue;
      const fn = container.scopeFunction as ts.FunctionLikeDeclaration;
      if (this.getReturnedContainer(fn) !== container) continue;
      const name = getFunctionName(tsApi, fn);
      container.builtBy = { node: fn, ...(name ? { name } : {}), via: 'return' };
    }
  }

  private exportNamesOf(container: Container): string[] {
    const tsApi = this.tsApi;
    const names = new Set<string>();
    const localName = tsApi.isVariableDeclaration(container.node) && tsApi.isIdentifier(container.node.name) ? container.node.name.text : undefined;
    const fnName = container.builtBy?.name;
    for (const binding of this.bindings.exports) {
      if (binding.from) continue;
      const node = binding.node;
      if (localName && binding.local === localName && this.bindings.declarations.get(localName) === container.node) names.add(binding.exported);
      else if (fnName && binding.local === fnName) names.add(binding.exported);
      else if (container.builtBy && (node === container.builtBy.node || (tsApi.isVariableDeclaration(node) && node.initializer === container.builtBy.node))) names.add(binding.exported);
      else if (node === container.node) names.add(binding.exported);
    }
    return [...names];
  }

  private toRouterFact(container: Container): RouterFact {
    const steps = [...container.steps].sort((a, b) => compareOrderKeys(a.order, b.order)).map((s) => s.step);
    return {
      id: container.id,
      framework: 'express',
      kind: container.kind,
      name: container.name,
      node: container.node,
      isRoot: container.isRoot,
      exportedAs: this.exportNamesOf(container),
      ...(container.builtBy ? { builtBy: container.builtBy } : {}),
      ...(container.aliasOf ? { aliasOf: container.aliasOf } : {}),
      steps,
    };
  }
}

function isLiteralArgument(tsApi: TsApi, node: ts.Expression): boolean {
  const expr = skipOuterExpressions(tsApi, node);
  return (
    tsApi.isStringLiteralLike(expr) ||
    tsApi.isNumericLiteral(expr) ||
    tsApi.isObjectLiteralExpression(expr) ||
    tsApi.isArrayLiteralExpression(expr) ||
    expr.kind === tsApi.SyntaxKind.TrueKeyword ||
    expr.kind === tsApi.SyntaxKind.FalseKeyword ||
    expr.kind === tsApi.SyntaxKind.NullKeyword
  );
}

/** The outermost call of a chain of chainable calls on `node`: `Router().use(a).use(b)` for `Router()`. */
function getOuterChain(tsApi: TsApi, node: ts.Expression): ts.Expression {
  let current: ts.Expression = node;
  for (let depth = 0; depth < 256; depth++) {
    const access = current.parent;
    if (!access || !tsApi.isPropertyAccessExpression(access) || access.expression !== current || !CHAINABLE_METHODS.has(access.name.text)) break;
    const call = access.parent;
    if (!call || !tsApi.isCallExpression(call) || call.expression !== access) break;
    current = call;
  }
  return current;
}

/** True when `node` is `x.route(...)` or a call chained on it (`x.route('/a').get(h)`). */
function isRouteChainCall(tsApi: TsApi, node: ts.Expression): boolean {
  let current = skipOuterExpressions(tsApi, node);
  for (let depth = 0; depth < 16 && tsApi.isCallExpression(current); depth++) {
    const callee = skipOuterExpressions(tsApi, current.expression);
    if (!tsApi.isPropertyAccessExpression(callee)) return false;
    if (callee.name.text === 'route') return true;
    if (!(callee.name.text in ROUTE_METHODS)) return false;
    current = skipOuterExpressions(tsApi, callee.expression);
  }
  return false;
}

function getEnclosingFunctionNode(tsApi: TsApi, node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(tsApi, current)) return current;
  }
  return undefined;
}

/** `class A { app = express(); }` and `this.app = express()`: the class and the property name. */
function getClassPropertyTarget(tsApi: TsApi, holder: ts.Node): { owner: ts.Node; name: string; node: ts.Node } | undefined {
  const parent = holder.parent;
  if (!parent) return undefined;
  if (tsApi.isPropertyDeclaration(parent) && parent.initializer === holder) {
    const name = getPropertyNameText(tsApi, parent.name);
    return name ? { owner: parent.parent, name, node: parent } : undefined;
  }
  if (tsApi.isBinaryExpression(parent) && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken && parent.right === holder) {
    const left = skipOuterExpressions(tsApi, parent.left);
    if (tsApi.isPropertyAccessExpression(left) && left.expression.kind === tsApi.SyntaxKind.ThisKeyword) {
      const owner = getThisClass(tsApi, left);
      return owner ? { owner, name: left.name.text, node: parent } : undefined;
    }
  }
  return undefined;
}

/** The class `this` refers to at `node` (arrow functions see through; other functions stop). */
function getThisClass(tsApi: TsApi, node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (tsApi.isClassDeclaration(current) || tsApi.isClassExpression(current)) return current;
    if (tsApi.isFunctionDeclaration(current) || tsApi.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}
