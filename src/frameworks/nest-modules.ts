/**
 * The Nest modules a file declares: each `@Module({ imports, controllers, providers })` class, the
 * parts its static `forRoot()`-style methods add (`return { module: AuthModule, providers: [...] }`),
 * the global enhancers among its providers (`APP_GUARD`, `APP_PIPE`, ...), the `RouterModule`
 * prefixes it registers, and the middleware its `configure(consumer)` applies.
 */
import type * as ts from 'typescript';
import type { HttpMethod } from '../model/facts.js';
import { getPropertyNameText, skipOuterExpressions } from '../core/ast.js';
import { walkDescendants } from '../core/walk.js';
import { getNestDecorations, type NestExpressionIn } from './nest-decorators.js';
import { flattenArrayExpression, readGlobalProvider, type NestGlobalEnhancer } from './nest-providers.js';
import { resolveNestExpression, resolveNestString, getSymbolInitializer, type NestLookup } from './nest-symbols.js';
import { getPerFileCache } from './nest-cache.js';

/** A module registered under a path by `RouterModule.register([...])`. */
export interface NestRouterModuleEntry {
  readonly module: NestExpressionIn;
  /** The joined path of the entry and its parents; `undefined` when a part is not static. */
  readonly path: string | undefined;
  readonly node: ts.Node;
}

/** A route filter of `forRoutes(...)` / `exclude(...)`: a controller class or a path. */
export type NestMiddlewareTarget =
  | { readonly kind: 'controller'; readonly expression: NestExpressionIn }
  | { readonly kind: 'path'; readonly path: string | undefined; readonly method?: HttpMethod }
  | { readonly kind: 'unknown' };

/** `consumer.apply(a, b).exclude(...).forRoutes(...)` in a module's `configure`. */
export interface NestMiddlewareBinding {
  readonly node: ts.CallExpression;
  readonly middleware: readonly NestExpressionIn[];
  readonly forRoutes: readonly NestMiddlewareTarget[];
  readonly exclude: readonly NestMiddlewareTarget[];
}

/** What a module contributes: its `@Module({...})` metadata, or what one static method returns. */
export interface NestModuleParts {
  readonly imports: readonly NestExpressionIn[];
  readonly controllers: readonly NestExpressionIn[];
  readonly providers: readonly NestExpressionIn[];
  readonly globalEnhancers: readonly NestGlobalEnhancer[];
  readonly routerModules: readonly NestRouterModuleEntry[];
  /** Spreads and shapes that could not be read (imports or providers may be missing). */
  readonly unresolvedParts: number;
  /** Of those, the ones in `providers`: an `APP_GUARD` may hide there. */
  readonly unresolvedProviders: number;
}

export interface NestModuleModel extends NestModuleParts {
  readonly node: ts.ClassDeclaration;
  readonly name: string;
  readonly file: ts.SourceFile;
  /**
   * Dynamic modules: what each static method returns (`static forRoot(): DynamicModule { return
   * { module: AuthModule, providers: [...] } }`), added to the module only where that method is
   * what the importing module calls (`imports: [AuthModule.forRoot()]`).
   */
  readonly dynamic: ReadonlyMap<string, NestModuleParts>;
  readonly middleware: readonly NestMiddlewareBinding[];
}

const cacheKey = {};

/** The modules declared in `file`. */
export function getNestModules(lookup: NestLookup, file: ts.SourceFile): readonly NestModuleModel[] {
  return getPerFileCache(lookup, cacheKey, file, () => collectModules(lookup, file));
}

function collectModules(lookup: NestLookup, file: ts.SourceFile): NestModuleModel[] {
  const tsApi = lookup.ts;
  const modules: NestModuleModel[] = [];
  for (const statement of file.statements) {
    if (!tsApi.isClassDeclaration(statement) || !statement.name) continue;
    const decorations = getNestDecorations(lookup, file, statement);
    if (!decorations.module) continue;
    const parts: MetadataParts = { imports: [], controllers: [], providers: [], unresolved: 0, unresolvedProviders: 0 };
    if (decorations.module.metadata) readMetadataObject(lookup, { file, node: decorations.module.metadata }, parts);
    else if (tsApi.isCallExpression(decorations.module.decorator.expression) && decorations.module.decorator.expression.arguments.length > 0) {
      parts.unresolved++;
    }
    const dynamic = new Map<string, NestModuleParts>();
    for (const member of statement.members) {
      if (!tsApi.isMethodDeclaration(member) || !isStatic(tsApi, member) || !member.body) continue;
      const name = getPropertyNameText(tsApi, member.name);
      if (!name) continue;
      const methodParts: MetadataParts = { imports: [], controllers: [], providers: [], unresolved: 0, unresolvedProviders: 0 };
      let returnsObject = false;
      walkDescendants(tsApi, member.body, (node) => {
        if (tsApi.isReturnStatement(node) && node.expression) {
          const returned = skipOuterExpressions(tsApi, node.expression);
          if (tsApi.isObjectLiteralExpression(returned)) {
            returnsObject = true;
            readMetadataObject(lookup, { file, node: returned }, methodParts);
          } else {
            methodParts.unresolved++;
          }
        }
        return !(tsApi.isFunctionDeclaration(node) || tsApi.isClassDeclaration(node) || tsApi.isArrowFunction(node) || tsApi.isFunctionExpression(node));
      });
      if (!returnsObject) methodParts.unresolved++;
      dynamic.set(name, finishParts(lookup, methodParts));
    }
    modules.push({
      node: statement,
      name: statement.name.text,
      file,
      ...finishParts(lookup, parts),
      dynamic,
      middleware: readMiddlewareBindings(lookup, file, statement),
    });
  }
  return modules;
}

function finishParts(lookup: NestLookup, parts: MetadataParts): NestModuleParts {
  const globalEnhancers: NestGlobalEnhancer[] = [];
  for (const provider of parts.providers) {
    const enhancer = readGlobalProvider(lookup, provider);
    if (enhancer) globalEnhancers.push(enhancer);
  }
  const routerModules: NestRouterModuleEntry[] = [];
  for (const entry of parts.imports) routerModules.push(...readRouterModule(lookup, entry));
  return {
    imports: parts.imports,
    controllers: parts.controllers,
    providers: parts.providers,
    globalEnhancers,
    routerModules,
    unresolvedParts: parts.unresolved,
    unresolvedProviders: parts.unresolvedProviders,
  };
}

interface MetadataParts {
  imports: NestExpressionIn[];
  controllers: NestExpressionIn[];
  providers: NestExpressionIn[];
  unresolved: number;
  unresolvedProviders: number;
}

function readMetadataObject(lookup: NestLookup, object: NestExpressionIn & { node: ts.ObjectLiteralExpression }, parts: MetadataParts): void {
  const tsApi = lookup.ts;
  for (const prop of object.node.properties) {
    if (tsApi.isSpreadAssignment(prop)) {
      parts.unresolved++;
      continue;
    }
    if (!tsApi.isPropertyAssignment(prop) && !tsApi.isShorthandPropertyAssignment(prop)) continue;
    const key = getPropertyNameText(tsApi, prop.name);
    if (key !== 'imports' && key !== 'controllers' && key !== 'providers') continue;
    const value = tsApi.isPropertyAssignment(prop) ? prop.initializer : prop.name;
    const { elements, unresolved } = flattenArrayExpression(lookup, { file: object.file, node: value });
    const notRead = elements.length === 1 && elements[0]!.node === value && !tsApi.isArrayLiteralExpression(skipOuterExpressions(tsApi, value));
    // `imports: someList` that is not a `const` array, or spreads of unknown lists: their content is unknown.
    const missing = unresolved + (notRead ? 1 : 0);
    parts.unresolved += missing;
    if (key === 'providers') parts.unresolvedProviders += missing;
    if (notRead) continue;
    parts[key].push(...elements);
  }
}

function isStatic(tsApi: NestLookup['ts'], node: ts.MethodDeclaration): boolean {
  return (tsApi.getModifiers(node) ?? []).some((m) => m.kind === tsApi.SyntaxKind.StaticKeyword);
}

/** `RouterModule.register([{ path: 'admin', module: AdminModule, children: [...] }])`. */
function readRouterModule(lookup: NestLookup, entry: NestExpressionIn): NestRouterModuleEntry[] {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, entry.node);
  if (!tsApi.isCallExpression(expr) || !tsApi.isPropertyAccessExpression(expr.expression)) return [];
  const method = expr.expression.name.text;
  if (method !== 'register' && method !== 'forRoutes') return [];
  const owner = resolveNestExpression(lookup, entry.file, expr.expression.expression);
  const isRouterModule =
    owner.kind === 'import' &&
    owner.imported === 'RouterModule' &&
    (owner.module.startsWith('@nestjs/core') || owner.module === 'nest-router');
  if (!isRouterModule || !expr.arguments[0]) return [];
  const out: NestRouterModuleEntry[] = [];
  readRoutes(lookup, { file: entry.file, node: expr.arguments[0] }, '', out, 0);
  return out;
}

function readRoutes(lookup: NestLookup, routes: NestExpressionIn, parentPath: string | undefined, out: NestRouterModuleEntry[], depth: number): void {
  const tsApi = lookup.ts;
  if (depth > 16) return;
  const { elements } = flattenArrayExpression(lookup, routes);
  for (const element of elements) {
    let expr = skipOuterExpressions(tsApi, element.node);
    let file = element.file;
    if (tsApi.isIdentifier(expr)) {
      // A route object held in a const, or a module class given as a child (inherits the path).
      const symbol = resolveNestExpression(lookup, file, expr);
      const init = getSymbolInitializer(tsApi, symbol);
      if (init && symbol.kind === 'declaration' && tsApi.isObjectLiteralExpression(skipOuterExpressions(tsApi, init))) {
        expr = skipOuterExpressions(tsApi, init);
        file = symbol.file;
      } else {
        out.push({ module: element, path: parentPath, node: element.node });
        continue;
      }
    }
    if (!tsApi.isObjectLiteralExpression(expr)) continue;
    let path: string | undefined = '';
    let module: NestExpressionIn | undefined;
    let children: NestExpressionIn | undefined;
    for (const prop of expr.properties) {
      if (!tsApi.isPropertyAssignment(prop) && !tsApi.isShorthandPropertyAssignment(prop)) continue;
      const key = getPropertyNameText(tsApi, prop.name);
      const value = tsApi.isPropertyAssignment(prop) ? prop.initializer : prop.name;
      if (key === 'path') path = resolveNestString(lookup, file, value);
      if (key === 'module') module = { file, node: value };
      if (key === 'children') children = { file, node: value };
    }
    const joined = parentPath === undefined || path === undefined ? undefined : joinRoutePath(parentPath, path);
    if (module) out.push({ module, path: joined, node: expr });
    if (children) readRoutes(lookup, children, joined, out, depth + 1);
  }
}

/** Joins two path parts with exactly one slash between them and none at either end. */
export function joinRoutePath(...parts: readonly string[]): string {
  return parts
    .flatMap((p) => p.split('/'))
    .filter((segment) => segment.length > 0)
    .join('/');
}

/** `configure(consumer) { consumer.apply(A).exclude(...).forRoutes(...) }`. */
function readMiddlewareBindings(lookup: NestLookup, file: ts.SourceFile, moduleClass: ts.ClassDeclaration): NestMiddlewareBinding[] {
  const tsApi = lookup.ts;
  const bindings: NestMiddlewareBinding[] = [];
  for (const member of moduleClass.members) {
    if (!tsApi.isMethodDeclaration(member) || getPropertyNameText(tsApi, member.name) !== 'configure' || !member.body) continue;
    const param = member.parameters[0];
    const consumer = param && tsApi.isIdentifier(param.name) ? param.name.text : undefined;
    if (!consumer) continue;
    walkDescendants(tsApi, member.body, (node) => {
      if (!tsApi.isCallExpression(node)) return;
      const callee = skipOuterExpressions(tsApi, node.expression);
      if (!tsApi.isPropertyAccessExpression(callee) || callee.name.text !== 'forRoutes') return;
      const binding = readMiddlewareChain(lookup, file, node, consumer);
      if (binding) bindings.push(binding);
    });
  }
  return bindings;
}

function readMiddlewareChain(lookup: NestLookup, file: ts.SourceFile, forRoutes: ts.CallExpression, consumer: string): NestMiddlewareBinding | undefined {
  const tsApi = lookup.ts;
  const exclude: NestMiddlewareTarget[] = [];
  let middleware: NestExpressionIn[] | undefined;
  let current: ts.Expression = (forRoutes.expression as ts.PropertyAccessExpression).expression;
  for (let i = 0; i < 32; i++) {
    current = skipOuterExpressions(tsApi, current);
    if (!tsApi.isCallExpression(current) || !tsApi.isPropertyAccessExpression(current.expression)) return undefined;
    const name = current.expression.name.text;
    if (name === 'exclude') exclude.push(...readMiddlewareTargets(lookup, file, current.arguments));
    if (name === 'apply') {
      middleware = current.arguments.map((a) => ({ file, node: a }));
      const receiver = skipOuterExpressions(tsApi, current.expression.expression);
      if (!tsApi.isIdentifier(receiver) || receiver.text !== consumer) return undefined;
      break;
    }
    current = current.expression.expression;
  }
  if (!middleware) return undefined;
  return {
    node: forRoutes,
    middleware,
    forRoutes: readMiddlewareTargets(lookup, file, forRoutes.arguments),
    exclude,
  };
}

/** The targets of `forRoutes(...)`/`exclude(...)`, lists spread into them included (`forRoutes(...authenticatedControllers)`). */
function readMiddlewareTargets(lookup: NestLookup, file: ts.SourceFile, args: readonly ts.Expression[]): NestMiddlewareTarget[] {
  const tsApi = lookup.ts;
  const targets: NestMiddlewareTarget[] = [];
  for (const arg of args) {
    if (!tsApi.isSpreadElement(arg)) {
      targets.push(readMiddlewareTarget(lookup, { file, node: arg }));
      continue;
    }
    const { elements, unresolved } = flattenArrayExpression(lookup, { file, node: arg.expression });
    for (const element of elements) targets.push(readMiddlewareTarget(lookup, element));
    if (unresolved > 0 || elements.length === 0) targets.push({ kind: 'unknown' });
  }
  return targets;
}

const REQUEST_METHODS: Readonly<Record<string, HttpMethod>> = {
  GET: 'GET',
  POST: 'POST',
  PUT: 'PUT',
  PATCH: 'PATCH',
  DELETE: 'DELETE',
  HEAD: 'HEAD',
  OPTIONS: 'OPTIONS',
  ALL: 'ALL',
};

/** `'users/*'`, `{ path: 'users', method: RequestMethod.GET }`, or a controller class. */
export function readMiddlewareTarget(lookup: NestLookup, target: NestExpressionIn): NestMiddlewareTarget {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, target.node);
  const path = resolveNestString(lookup, target.file, expr);
  if (path !== undefined) return { kind: 'path', path };
  if (tsApi.isObjectLiteralExpression(expr)) {
    let routePath: string | undefined;
    let method: HttpMethod | undefined;
    for (const prop of expr.properties) {
      if (!tsApi.isPropertyAssignment(prop)) continue;
      const key = getPropertyNameText(tsApi, prop.name);
      if (key === 'path') routePath = resolveNestString(lookup, target.file, prop.initializer);
      if (key === 'method') {
        const value = skipOuterExpressions(tsApi, prop.initializer);
        if (tsApi.isPropertyAccessExpression(value)) method = REQUEST_METHODS[value.name.text];
      }
    }
    return { kind: 'path', path: routePath, method };
  }
  if (tsApi.isIdentifier(expr)) return { kind: 'controller', expression: target };
  return { kind: 'unknown' };
}
