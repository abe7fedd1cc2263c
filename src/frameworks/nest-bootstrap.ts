/**
 * The Nest applications a file bootstraps: each `NestFactory.create(RootModule)` call with what is
 * done to the application afterwards, in the same function and in the helpers it is passed to
 * (`setupApp(app)`): `setGlobalPrefix`, `useGlobalGuards/Pipes/Filters/Interceptors`,
 * `enableVersioning`, `app.use(...)`. When the application escapes (`return app`) or is passed to a
 * helper the analysis cannot read, its configuration is not fully known and says so.
 */
import type * as ts from 'typescript';
import { getPropertyNameText, getShortText, skipOuterExpressions } from '../core/ast.js';
import { walkDescendants, forEachNodeOfKinds } from '../core/walk.js';
import { getFileBindings } from '../core/bindings.js';
import { findNestGlobalMethod, isNestHttpFactoryMethod } from '../catalog/nest.js';
import { getEnhancerText, type NestExpressionIn } from './nest-decorators.js';
import { readMiddlewareTarget, type NestMiddlewareTarget } from './nest-modules.js';
import { flattenArrayExpression, type NestGlobalEnhancer } from './nest-providers.js';
import { resolveNestExpression, resolveNestString, type NestLookup, type NestSymbol } from './nest-symbols.js';
import { getPerFileCache } from './nest-cache.js';

export interface NestGlobalPrefix {
  readonly node: ts.CallExpression;
  /** The prefix; `undefined` when it is not static. */
  readonly prefix: string | undefined;
  /** Routes excluded from the prefix (`{ exclude: ['health'] }`). */
  readonly exclude: readonly NestMiddlewareTarget[];
}

export interface NestVersioning {
  readonly node: ts.CallExpression;
  /** Only URI versioning changes paths. */
  readonly type: 'uri' | 'other';
  /** The URI prefix (`v` by default). */
  readonly prefix: string;
  readonly defaultVersions: readonly string[];
}

/** `app.use(...)`: Express or Fastify middleware on the whole application. */
export interface NestAppMiddleware {
  readonly node: ts.CallExpression;
  readonly path?: string;
  /** `app.use([...paths], mw)`: the paths it runs for (`undefined` for one the analysis cannot read). */
  readonly paths?: readonly (string | undefined)[];
  readonly items: readonly NestExpressionIn[];
}

export interface NestBootstrapModel {
  readonly file: ts.SourceFile;
  /** The `NestFactory.create(...)` call. */
  readonly call: ts.CallExpression;
  /** The root module argument. */
  readonly rootModule?: NestExpressionIn;
  readonly globalPrefix?: NestGlobalPrefix;
  readonly versioning?: NestVersioning;
  readonly enhancers: readonly NestGlobalEnhancer[];
  readonly middleware: readonly NestAppMiddleware[];
  /** Why the application's configuration may be incomplete (it escapes, an unread helper gets it). */
  readonly unknownConfiguration: readonly string[];
}

const cacheKey = {};
const MAX_HELPER_DEPTH = 4;

/** The applications bootstrapped in `file`. */
export function getNestBootstraps(lookup: NestLookup, file: ts.SourceFile): readonly NestBootstrapModel[] {
  return getPerFileCache(lookup, cacheKey, file, () => collectBootstraps(lookup, file));
}

function collectBootstraps(lookup: NestLookup, file: ts.SourceFile): NestBootstrapModel[] {
  const tsApi = lookup.ts;
  if (!file.text.includes('NestFactory')) return [];
  const apps: NestBootstrapModel[] = [];
  forEachNodeOfKinds(tsApi, file, [tsApi.SyntaxKind.CallExpression], (node) => {
    if (!tsApi.isCallExpression(node) || !isNestFactoryCreate(lookup, file, node)) return;
    if (isContainerOnlyApp(tsApi, node)) return;
    apps.push(readBootstrap(lookup, file, node));
  });
  return apps;
}

function isNestFactoryCreate(lookup: NestLookup, file: ts.SourceFile, call: ts.CallExpression): boolean {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee) || !isNestHttpFactoryMethod(callee.name.text)) return false;
  const owner = resolveNestExpression(lookup, file, callee.expression);
  return owner.kind === 'import' && owner.imported === 'NestFactory' && owner.module.startsWith('@nestjs/core');
}

interface MutableBootstrap {
  globalPrefix?: NestGlobalPrefix;
  versioning?: NestVersioning;
  enhancers: NestGlobalEnhancer[];
  middleware: NestAppMiddleware[];
  unknownConfiguration: string[];
}

/** How deep `return app` is followed into callers (`createApp()` called by `main()` called by ...). */
const MAX_RETURN_DEPTH = 3;

function readBootstrap(lookup: NestLookup, file: ts.SourceFile, call: ts.CallExpression): NestBootstrapModel {
  const tsApi = lookup.ts;
  const out: MutableBootstrap = { enhancers: [], middleware: [], unknownConfiguration: [] };
  const rootArg = call.arguments[0];
  const appName = getAssignedName(tsApi, call);
  const scope = getEnclosingScope(tsApi, call);
  if (appName && scope) {
    readAppUses(lookup, file, scope, appName, out, new Set(), 0);
  } else if (!appName) {
    out.unknownConfiguration.push('the application is not held in a variable');
  }
  return {
    file,
    call,
    rootModule: rootArg ? { file, node: rootArg } : undefined,
    globalPrefix: out.globalPrefix,
    versioning: out.versioning,
    enhancers: out.enhancers,
    middleware: out.middleware,
    unknownConfiguration: out.unknownConfiguration,
  };
}

/** What an application used only as a dependency container does with it: read providers, then close it. */
const CONTAINER_METHODS: ReadonlySet<string> = new Set(['get', 'select', 'resolve', 'close']);

/**
 * An application created only to read providers and closed again (`const configApp = await
 * NestFactory.create(AppModule); configApp.get(ConfigService)...; await configApp.close();`, before
 * the app that listens is created): every use of its variable is `get`, `select`, `resolve` or
 * `close`, and it is closed. It serves no routes.
 */
function isContainerOnlyApp(tsApi: NestLookup['ts'], call: ts.CallExpression): boolean {
  const appName = getAssignedName(tsApi, call);
  const scope = getEnclosingScope(tsApi, call);
  if (!appName || !scope) return false;
  let closed = false;
  let otherUse = false;
  walkDescendants(tsApi, scope, (node) => {
    if (otherUse) return false;
    if (!tsApi.isIdentifier(node) || node.text !== appName) return undefined;
    const parent = node.parent;
    if (tsApi.isVariableDeclaration(parent) && parent.name === node) return undefined;
    if (tsApi.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken) return undefined;
    const method = tsApi.isPropertyAccessExpression(parent) && parent.expression === node && tsApi.isCallExpression(parent.parent) && parent.parent.expression === parent ? parent.name.text : undefined;
    if (method !== undefined && CONTAINER_METHODS.has(method)) {
      if (method === 'close') closed = true;
      return undefined;
    }
    otherUse = true;
    return false;
  });
  return closed && !otherUse;
}

/** `const app = await NestFactory.create(...)` or `app = await ...`: the variable's name. */
function getAssignedName(tsApi: NestLookup['ts'], call: ts.CallExpression): string | undefined {
  let node: ts.Node = call;
  while (
    node.parent &&
    (tsApi.isAwaitExpression(node.parent) ||
      tsApi.isParenthesizedExpression(node.parent) ||
      tsApi.isAsExpression(node.parent) ||
      tsApi.isNonNullExpression(node.parent))
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (parent && tsApi.isVariableDeclaration(parent) && tsApi.isIdentifier(parent.name)) return parent.name.text;
  if (
    parent &&
    tsApi.isBinaryExpression(parent) &&
    parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken &&
    tsApi.isIdentifier(parent.left)
  ) {
    return parent.left.text;
  }
  return undefined;
}

function getEnclosingScope(tsApi: NestLookup['ts'], node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (
      tsApi.isFunctionDeclaration(current) ||
      tsApi.isFunctionExpression(current) ||
      tsApi.isArrowFunction(current) ||
      tsApi.isMethodDeclaration(current)
    ) {
      return current.body;
    }
    if (tsApi.isSourceFile(current)) return current;
  }
  return undefined;
}

/** Reads every use of the application variable `appName` inside `scope`. */
function readAppUses(
  lookup: NestLookup,
  file: ts.SourceFile,
  scope: ts.Node,
  appName: string,
  out: MutableBootstrap,
  seen: Set<ts.Node>,
  depth: number,
): void {
  const tsApi = lookup.ts;
  walkDescendants(tsApi, scope, (node) => {
    if (!tsApi.isIdentifier(node) || node.text !== appName) return;
    const parent = node.parent;
    if (!parent) return;
    // app.method(...)
    if (tsApi.isPropertyAccessExpression(parent) && parent.expression === node) {
      const call = parent.parent;
      if (call && tsApi.isCallExpression(call) && call.expression === parent) readAppCall(lookup, file, call, parent.name.text, out);
      return;
    }
    // helper(app): read the helper with its parameter.
    if (tsApi.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
      readHelperCall(lookup, file, parent, parent.arguments.indexOf(node as ts.Expression), out, seen, depth);
      return;
    }
    if (tsApi.isReturnStatement(parent) || (tsApi.isArrowFunction(parent) && parent.body === node)) {
      // `return app`: what callers of the function do with it is part of the configuration.
      readCallersOfReturningFunction(lookup, file, parent, out, seen, depth);
      return;
    }
    if (
      tsApi.isShorthandPropertyAssignment(parent) ||
      (tsApi.isPropertyAssignment(parent) && parent.initializer === node) ||
      tsApi.isArrayLiteralExpression(parent) ||
      tsApi.isExportAssignment(parent) ||
      (tsApi.isBinaryExpression(parent) && parent.right === node && parent.operatorToken.kind === tsApi.SyntaxKind.EqualsToken)
    ) {
      out.unknownConfiguration.push(`the application escapes at ${describeLocation(file, parent)}`);
    }
  });
}

/**
 * The application is returned from a function: read what each caller does with the result. A
 * caller that discards it (`void bootstrap()`) adds nothing; one that holds it in a variable is read
 * like the bootstrap itself; any other use, or callers the analysis cannot see (an exported function
 * in per-file mode), make the configuration unknown.
 */
function readCallersOfReturningFunction(
  lookup: NestLookup,
  file: ts.SourceFile,
  at: ts.Node,
  out: MutableBootstrap,
  seen: Set<ts.Node>,
  depth: number,
): void {
  const tsApi = lookup.ts;
  const escape = (): void => {
    out.unknownConfiguration.push(`the application escapes at ${describeLocation(file, at)}`);
  };
  const fn = getEnclosingFunctionLike(tsApi, at);
  const named = fn ? getFunctionName(tsApi, fn) : undefined;
  if (!fn || !named || depth >= MAX_RETURN_DEPTH) return escape();
  if (seen.has(fn)) return;
  seen.add(fn);
  const exported = getFileBindings(tsApi, file).exports.some((e) => e.local === named.name);
  if (exported && !lookup.project) return escape();
  const files = lookup.project && exported ? lookup.project.files() : [file];
  for (const candidate of files) {
    if (!candidate.text.includes(named.name)) continue;
    let failed = false;
    walkDescendants(tsApi, candidate, (node) => {
      if (failed || !tsApi.isCallExpression(node)) return;
      const callee = skipOuterExpressions(tsApi, node.expression);
      if (!tsApi.isIdentifier(callee)) return;
      const symbol = resolveNestExpression(lookup, candidate, callee);
      if (symbol.kind !== 'declaration' || symbol.node !== named.declaration) return;
      if (isResultDiscarded(tsApi, node)) return;
      const holder = getAssignedName(tsApi, node);
      const scope = getEnclosingScope(tsApi, node);
      if (!holder || !scope) {
        failed = true;
        return;
      }
      readAppUses(lookup, candidate, scope, holder, out, seen, depth + 1);
    });
    if (failed) return escape();
  }
}

/** `void f()`, `f();`, `await f();`: the result is not used. */
function isResultDiscarded(tsApi: NestLookup['ts'], call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (node.parent && (tsApi.isAwaitExpression(node.parent) || tsApi.isParenthesizedExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  return !!parent && (tsApi.isExpressionStatement(parent) || tsApi.isVoidExpression(parent));
}

function getEnclosingFunctionLike(tsApi: NestLookup['ts'], node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (
      tsApi.isFunctionDeclaration(current) ||
      tsApi.isFunctionExpression(current) ||
      tsApi.isArrowFunction(current) ||
      tsApi.isMethodDeclaration(current)
    ) {
      return current;
    }
  }
  return undefined;
}

/** The name a function is called by, and the declaration that name resolves to. */
function getFunctionName(tsApi: NestLookup['ts'], fn: ts.FunctionLikeDeclaration): { name: string; declaration: ts.Node } | undefined {
  if (tsApi.isFunctionDeclaration(fn) && fn.name) return { name: fn.name.text, declaration: fn };
  const parent = fn.parent;
  if ((tsApi.isArrowFunction(fn) || tsApi.isFunctionExpression(fn)) && parent && tsApi.isVariableDeclaration(parent) && tsApi.isIdentifier(parent.name)) {
    return { name: parent.name.text, declaration: parent };
  }
  return undefined;
}

function readHelperCall(
  lookup: NestLookup,
  file: ts.SourceFile,
  call: ts.CallExpression,
  argumentIndex: number,
  out: MutableBootstrap,
  seen: Set<ts.Node>,
  depth: number,
): void {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  let symbol = resolveNestExpression(lookup, file, callee);
  if (symbol.kind === 'unknown' && tsApi.isPropertyAccessExpression(callee)) {
    // `SwaggerModule.setup('docs', app, doc)` (a package), or `AppSetup.configure(app)` (a class of ours).
    const owner = resolveNestExpression(lookup, file, callee.expression);
    if (owner.kind === 'import' && !isProjectModule(lookup, file, owner.module)) return;
    const method = owner.kind === 'declaration' ? findStaticMethod(tsApi, owner.node, callee.name.text) : undefined;
    if (method && owner.kind === 'declaration') symbol = { kind: 'declaration', file: owner.file, node: method, name: callee.name.text };
  }
  if (symbol.kind === 'import' && !isProjectModule(lookup, file, symbol.module)) return;
  if (symbol.kind === 'import') symbol = resolveAnonymousExport(lookup, symbol) ?? symbol;
  if (symbol.kind !== 'declaration') {
    out.unknownConfiguration.push(`the application is passed to ${getShortText(file, callee, 40)}, which was not read`);
    return;
  }
  const fn = getFunctionOf(tsApi, symbol.node);
  const param = fn?.parameters[argumentIndex];
  if (!fn || !fn.body || !param || !tsApi.isIdentifier(param.name) || depth >= MAX_HELPER_DEPTH) {
    if (!fn || !seen.has(fn)) out.unknownConfiguration.push(`the application is passed to ${getShortText(file, callee, 40)}, which was not read`);
    return;
  }
  if (seen.has(fn)) return;
  seen.add(fn);
  readAppUses(lookup, symbol.file, fn.body, param.name.text, out, seen, depth + 1);
}

/**
 * an `init` imported from `./init`, where `init.ts` has `export default async function (app) {...}` or
 * `export default (app) => {...}`: a function with no name of its own, which the symbol lookup
 * leaves as an import. With the project index, the exported function itself.
 */
function resolveAnonymousExport(lookup: NestLookup, symbol: Extract<NestSymbol, { kind: 'import' }>): NestSymbol | undefined {
  const tsApi = lookup.ts;
  const target = lookup.project?.resolveImport(symbol.file, symbol.module);
  const resolved = target ? lookup.project?.resolveExport(target, symbol.imported) : undefined;
  if (!resolved || resolved.declaration) return undefined;
  const node = resolved.binding.node;
  const isFunction = tsApi.isFunctionDeclaration(node) || tsApi.isFunctionExpression(node) || tsApi.isArrowFunction(node);
  return isFunction ? { kind: 'declaration', file: resolved.file, node, name: symbol.imported } : undefined;
}

/** True when an import specifier leads into the project (relative, or resolved by the index). */
function isProjectModule(lookup: NestLookup, file: ts.SourceFile, module: string): boolean {
  return module.startsWith('.') || lookup.project?.resolveImport(file, module) !== undefined;
}

function findStaticMethod(tsApi: NestLookup['ts'], node: ts.Node, name: string): ts.MethodDeclaration | undefined {
  if (!tsApi.isClassDeclaration(node)) return undefined;
  return node.members.find(
    (m): m is ts.MethodDeclaration => tsApi.isMethodDeclaration(m) && getPropertyNameText(tsApi, m.name) === name,
  );
}

function getFunctionOf(tsApi: NestLookup['ts'], node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  if (tsApi.isFunctionDeclaration(node) || tsApi.isMethodDeclaration(node) || tsApi.isFunctionExpression(node) || tsApi.isArrowFunction(node)) return node;
  if (tsApi.isVariableDeclaration(node) && node.initializer) {
    const init = skipOuterExpressions(tsApi, node.initializer);
    if (tsApi.isArrowFunction(init) || tsApi.isFunctionExpression(init)) return init;
  }
  return undefined;
}

function describeLocation(file: ts.SourceFile, node: ts.Node): string {
  const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
  return `${file.fileName.replace(/^.*\//, '')}:${line}`;
}

function readAppCall(lookup: NestLookup, file: ts.SourceFile, call: ts.CallExpression, method: string, out: MutableBootstrap): void {
  const tsApi = lookup.ts;
  const global = findNestGlobalMethod(method);
  if (global) {
    for (const arg of call.arguments) {
      if (tsApi.isSpreadElement(arg)) {
        const { elements, unresolved } = flattenArrayExpression(lookup, { file, node: arg.expression });
        for (const element of elements) out.enhancers.push(toEnhancer(lookup, element, global.role, method, call));
        if (unresolved > 0 || elements.length === 0) out.unknownConfiguration.push(`${method}(...) spreads a list that was not read`);
        continue;
      }
      out.enhancers.push(toEnhancer(lookup, { file, node: arg }, global.role, method, call));
    }
    return;
  }
  if (method === 'setGlobalPrefix') {
    out.globalPrefix = { node: call, prefix: resolveNestString(lookup, file, call.arguments[0]), exclude: readPrefixExclude(lookup, file, call.arguments[1]) };
    return;
  }
  if (method === 'enableVersioning') {
    out.versioning = readVersioning(lookup, file, call);
    return;
  }
  if (method === 'use') {
    const first = call.arguments[0];
    // `app.use(['/admin', '/ops'], auth)`, also through a constant list: the middleware runs for those paths only.
    const paths = first ? readPathList(lookup, file, first) : undefined;
    if (paths) {
      out.middleware.push({ node: call, paths, items: call.arguments.slice(1).map((node) => ({ file, node })) });
      return;
    }
    const path = resolveNestString(lookup, file, first);
    const items = call.arguments.slice(path === undefined ? 0 : 1).map((node) => ({ file, node }));
    out.middleware.push({ node: call, path, items });
  }
}

/** The paths of a list argument (`['/admin', '/ops']`, a constant list); undefined when it is no list of paths. */
function readPathList(lookup: NestLookup, file: ts.SourceFile, argument: ts.Expression): readonly (string | undefined)[] | undefined {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, argument);
  if (!tsApi.isArrayLiteralExpression(expr) && !tsApi.isIdentifier(expr)) return undefined;
  const { elements, unresolved } = flattenArrayExpression(lookup, { file, node: argument });
  if (elements.length === 0 || (elements.length === 1 && elements[0]!.node === argument)) return undefined;
  const paths = elements.map((element) => resolveNestString(lookup, element.file, element.node));
  if (paths.every((path) => path === undefined)) return undefined;
  return unresolved > 0 ? [...paths, undefined] : paths;
}

function toEnhancer(
  lookup: NestLookup,
  element: NestExpressionIn,
  role: NestGlobalEnhancer['role'],
  via: string,
  call: ts.CallExpression,
): NestGlobalEnhancer {
  return { ...element, role, via, text: getEnhancerText(lookup.ts, element.file, element.node), registration: call };
}

function readPrefixExclude(lookup: NestLookup, file: ts.SourceFile, options: ts.Expression | undefined): NestMiddlewareTarget[] {
  const tsApi = lookup.ts;
  const object = options ? skipOuterExpressions(tsApi, options) : undefined;
  if (!object || !tsApi.isObjectLiteralExpression(object)) return [];
  for (const prop of object.properties) {
    if (!tsApi.isPropertyAssignment(prop) || getPropertyNameText(tsApi, prop.name) !== 'exclude') continue;
    const { elements, unresolved } = flattenArrayExpression(lookup, { file, node: prop.initializer });
    const targets = elements.map((e) => readMiddlewareTarget(lookup, e));
    if (unresolved > 0) targets.push({ kind: 'unknown' });
    return targets;
  }
  return [];
}

function readVersioning(lookup: NestLookup, file: ts.SourceFile, call: ts.CallExpression): NestVersioning {
  const tsApi = lookup.ts;
  const object = call.arguments[0] ? skipOuterExpressions(tsApi, call.arguments[0]) : undefined;
  let type: NestVersioning['type'] = 'uri';
  let prefix = 'v';
  const defaultVersions: string[] = [];
  if (object && tsApi.isObjectLiteralExpression(object)) {
    for (const prop of object.properties) {
      if (!tsApi.isPropertyAssignment(prop)) continue;
      const key = getPropertyNameText(tsApi, prop.name);
      const value = skipOuterExpressions(tsApi, prop.initializer);
      if (key === 'type') type = tsApi.isPropertyAccessExpression(value) && value.name.text === 'URI' ? 'uri' : 'other';
      if (key === 'prefix') prefix = value.kind === tsApi.SyntaxKind.FalseKeyword ? '' : (resolveNestString(lookup, file, value) ?? 'v');
      if (key === 'defaultVersion') {
        const list = tsApi.isArrayLiteralExpression(value) ? value.elements : [value];
        for (const element of list) {
          const version = resolveNestString(lookup, file, element);
          if (version !== undefined) defaultVersions.push(version);
        }
      }
    }
  } else if (object) {
    type = 'other';
  }
  return { node: call, type, prefix, defaultVersions };
}
