/**
 * The Nest applications of a project and what belongs to each: starting from every
 * `NestFactory.create(RootModule)`, the module graph is followed through `@Module({ imports })`
 * (with the project index, across files and tsconfig `paths`), which gives each application its
 * modules, controllers, global enhancers (`APP_GUARD` in any of its modules plus `useGlobal*` in the
 * bootstrap), `RouterModule` prefixes and middleware. A controller or global provider the graph
 * does not reach is attributed to the application whose directory holds it, when that
 * application's graph has imports the analysis could not follow.
 *
 * Per-file mode builds the same graph for an application the file bootstraps itself; any import
 * leaving the file then counts as unresolved (`getNestFileApps`).
 */
import type * as ts from 'typescript';
import type { ProjectIndex } from '../project/project-index.js';
import { getShortText, skipOuterExpressions } from '../core/ast.js';
import { AUTH_LIKE_DECORATOR_NAME } from '../catalog/nest.js';
import { getReturnedExpression, type NestExpressionIn } from './nest-decorators.js';
import { getNestBootstraps, type NestBootstrapModel } from './nest-bootstrap.js';
import { getNestModules, type NestMiddlewareBinding, type NestModuleModel, type NestModuleParts } from './nest-modules.js';
import type { NestGlobalEnhancer } from './nest-providers.js';
import { getPerFileCache } from './nest-cache.js';
import { getSymbolClass, resolveNestExpression, type NestLookup } from './nest-symbols.js';

export interface NestAppGraph {
  readonly bootstrap: NestBootstrapModel;
  /** The root module, when the `NestFactory.create` argument was found. */
  readonly rootModule?: NestModuleModel;
  /** Every module the root reaches, the root first. */
  readonly modules: readonly NestModuleModel[];
  /** The module that declares each controller class of the application. */
  readonly controllers: ReadonlyMap<ts.ClassDeclaration, NestModuleModel>;
  /** `useGlobal*` enhancers, then `APP_*` providers of the application's modules. */
  readonly globalEnhancers: readonly NestGlobalEnhancer[];
  /** `RouterModule` paths by module class. */
  readonly routerPrefixes: ReadonlyMap<ts.ClassDeclaration, string | undefined>;
  /** `configure(consumer)` middleware of the application's modules. */
  readonly middleware: readonly NestMiddlewareBinding[];
  /** Imports and module lists the analysis could not follow (`imports: [...getModules()]`). */
  readonly unresolvedImports: number;
  /** Modules of the application whose `providers` could not be read completely (an `APP_GUARD` may hide there). */
  readonly unreadProviders: readonly string[];
  /** The directory of the bootstrap file, for attributing what the graph does not reach. */
  readonly directory: string;
}

export interface NestProjectModel {
  readonly apps: readonly NestAppGraph[];
}

/** How a controller was attributed to its application(s). */
export interface NestControllerApps {
  readonly apps: readonly NestAppGraph[];
  readonly via: 'module-graph' | 'directory' | 'none';
}

const projectKey = {};
const MAX_MODULES = 5_000;

/** The applications of the project, computed once per project index. */
export function getNestProjectModel(project: ProjectIndex): NestProjectModel {
  return project.memo(projectKey, () => buildProjectModel(project));
}

function buildProjectModel(project: ProjectIndex): NestProjectModel {
  const lookup: NestLookup = { ts: project.ts, project };
  const bootstraps: NestBootstrapModel[] = [];
  for (const file of project.files()) bootstraps.push(...getNestBootstraps(lookup, file));
  const apps = bootstraps.map((bootstrap) => buildAppGraph(lookup, bootstrap));
  attachUnreachedGlobals(lookup, project, apps);
  return { apps };
}

type ModuleRef =
  /** A project module; `method` for dynamic modules (`AuthModule.forRoot()`). */
  | { readonly kind: 'module'; readonly model: NestModuleModel; readonly method?: string }
  /** A module from a package (`ConfigModule`, `KeycloakConnectModule`). */
  | { readonly kind: 'external'; readonly module?: string; readonly name?: string }
  | { readonly kind: 'unresolved' };

/** What an entry of `imports: [...]` (or the root module argument) refers to. */
export function resolveModuleRef(lookup: NestLookup, entry: NestExpressionIn, depth = 0): ModuleRef {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, entry.node);
  if (depth > 8) return { kind: 'unresolved' };
  if (tsApi.isIdentifier(expr) || tsApi.isPropertyAccessExpression(expr)) {
    const symbol = resolveNestExpression(lookup, entry.file, expr);
    if (symbol.kind === 'import') {
      return isProjectSpecifier(lookup, entry.file, symbol.module)
        ? { kind: 'unresolved' }
        : { kind: 'external', module: symbol.module, name: symbol.imported };
    }
    const node = getSymbolClass(tsApi, symbol);
    if (node && symbol.kind === 'declaration') {
      const model = getNestModules(lookup, symbol.file).find((m) => m.node === node);
      return model ? { kind: 'module', model } : { kind: 'external' };
    }
    return { kind: 'unresolved' };
  }
  if (tsApi.isCallExpression(expr)) {
    const callee = skipOuterExpressions(tsApi, expr.expression);
    // forwardRef(() => UsersModule)
    if (tsApi.isIdentifier(callee) && callee.text === 'forwardRef' && expr.arguments[0]) {
      const fn = skipOuterExpressions(tsApi, expr.arguments[0]);
      const returned = tsApi.isArrowFunction(fn) || tsApi.isFunctionExpression(fn) ? getReturnedExpression(tsApi, fn) : undefined;
      return returned ? resolveModuleRef(lookup, { file: entry.file, node: returned }, depth + 1) : { kind: 'unresolved' };
    }
    // AuthModule.forRoot(...), TypeOrmModule.forFeature(...), RouterModule.register(...)
    if (tsApi.isPropertyAccessExpression(callee)) {
      const owner = resolveModuleRef(lookup, { file: entry.file, node: callee.expression }, depth + 1);
      return owner.kind === 'module' ? { ...owner, method: callee.name.text } : owner;
    }
    return { kind: 'unresolved' };
  }
  if (tsApi.isConditionalExpression(expr)) return { kind: 'unresolved' };
  return { kind: 'unresolved' };
}

/**
 * A module of a package that is not Nest's own and whose name says authentication
 * (`KeycloakConnectModule`, `@acme/nest-auth`'s `AuthModule`): such modules may register an
 * `APP_GUARD` themselves, which the analysis cannot see.
 */
function isPossibleAuthPackageModule(ref: Extract<ModuleRef, { kind: 'external' }>): boolean {
  if (!ref.module || ref.module.startsWith('@nestjs/')) return false;
  return AUTH_LIKE_DECORATOR_NAME.test(ref.name ?? '') || AUTH_LIKE_DECORATOR_NAME.test(ref.module);
}

function toOpaqueGlobalGuard(entry: NestExpressionIn, ref: Extract<ModuleRef, { kind: 'external' }>): NestGlobalEnhancer {
  const text = getShortText(entry.file, entry.node, 60);
  return {
    file: entry.file,
    node: entry.node,
    role: 'guard',
    text,
    via: 'imports',
    registration: entry.node,
    opaque: `${ref.name ?? text} from ${ref.module} may register a global guard; it was not read`,
  };
}

function isProjectSpecifier(lookup: NestLookup, file: ts.SourceFile, module: string): boolean {
  return module.startsWith('.') || lookup.project?.resolveImport(file, module) !== undefined;
}

function buildAppGraph(lookup: NestLookup, bootstrap: NestBootstrapModel): NestAppGraph {
  const tsApi = lookup.ts;
  const modules: NestModuleModel[] = [];
  const controllers = new Map<ts.ClassDeclaration, NestModuleModel>();
  const routerPrefixes = new Map<ts.ClassDeclaration, string | undefined>();
  const globalEnhancers: NestGlobalEnhancer[] = [...bootstrap.enhancers];
  const middleware: NestMiddlewareBinding[] = [];
  let unresolvedImports = 0;
  const root = bootstrap.rootModule ? resolveModuleRef(lookup, bootstrap.rootModule) : { kind: 'unresolved' as const };
  const rootModule = root.kind === 'module' ? root.model : undefined;
  if (root.kind !== 'module') unresolvedImports++;
  const seen = new Set<string | ts.ClassDeclaration>();
  const methodsSeen = new Map<ts.ClassDeclaration, Set<string>>();
  const queue: { model: NestModuleModel; method?: string }[] = rootModule ? [{ model: rootModule }] : [];
  const unreadProviders: string[] = [];
  const addParts = (model: NestModuleModel, parts: NestModuleParts): void => {
    unresolvedImports += parts.unresolvedParts;
    if (parts.unresolvedProviders > 0) unreadProviders.push(model.name);
    globalEnhancers.push(...parts.globalEnhancers);
    for (const entry of parts.routerModules) {
      const ref = resolveModuleRef(lookup, entry.module);
      if (ref.kind === 'module' && !routerPrefixes.has(ref.model.node)) routerPrefixes.set(ref.model.node, entry.path);
    }
    for (const controller of parts.controllers) {
      const symbol = resolveNestExpression(lookup, controller.file, controller.node);
      const node = getSymbolClass(tsApi, symbol);
      if (node && !controllers.has(node)) controllers.set(node, model);
    }
    for (const entry of parts.imports) {
      const ref = resolveModuleRef(lookup, entry);
      if (ref.kind === 'module') queue.push({ model: ref.model, method: ref.method });
      else if (ref.kind === 'unresolved') unresolvedImports++;
      // Per-file mode: a bare specifier may be a tsconfig path into the project; only Nest's own
      // packages are known not to register global guards.
      else if (!lookup.project && ref.module !== undefined && !ref.module.startsWith('@nestjs/')) unresolvedImports++;
      else if (isPossibleAuthPackageModule(ref)) globalEnhancers.push(toOpaqueGlobalGuard(entry, ref));
    }
  };
  while (queue.length > 0 && modules.length < MAX_MODULES) {
    const { model, method } = queue.shift()!;
    if (!seen.has(model.node)) {
      seen.add(model.node);
      modules.push(model);
      middleware.push(...model.middleware);
      addParts(model, model);
    }
    if (method === undefined) continue;
    const done = methodsSeen.get(model.node) ?? new Set<string>();
    methodsSeen.set(model.node, done);
    if (done.has(method)) continue;
    done.add(method);
    const parts = model.dynamic.get(method);
    // A static method the analysis cannot read (inherited from ConfigurableModuleBuilder, say).
    if (parts) addParts(model, parts);
    else unresolvedImports++;
  }
  return {
    bootstrap,
    rootModule,
    modules,
    controllers,
    globalEnhancers,
    routerPrefixes,
    middleware,
    unresolvedImports,
    unreadProviders,
    directory: directoryOf(bootstrap.file.fileName),
  };
}

/**
 * Global providers in modules no application graph reaches: they belong to the application whose
 * directory holds them, when that application has imports the analysis could not follow.
 */
function attachUnreachedGlobals(lookup: NestLookup, project: ProjectIndex, apps: NestAppGraph[]): void {
  const reached = new Set<ts.ClassDeclaration>();
  for (const app of apps) for (const model of app.modules) reached.add(model.node);
  for (const file of project.files()) {
    if (!file.text.includes('@Module')) continue;
    for (const model of getNestModules(lookup, file)) {
      if (reached.has(model.node) || model.globalEnhancers.length === 0) continue;
      const app = findAppByDirectory(apps, file.fileName);
      if (app && app.unresolvedImports > 0) (app.globalEnhancers as NestGlobalEnhancer[]).push(...model.globalEnhancers);
    }
  }
}

/** The application whose directory is the deepest one holding `fileName`. */
function findAppByDirectory(apps: readonly NestAppGraph[], fileName: string): NestAppGraph | undefined {
  const normalized = fileName.replace(/\\/g, '/');
  let best: NestAppGraph | undefined;
  for (const app of apps) {
    if (!normalized.startsWith(`${app.directory}/`)) continue;
    if (!best || app.directory.length > best.directory.length) best = app;
  }
  return best;
}

function directoryOf(fileName: string): string {
  return fileName.replace(/\\/g, '/').replace(/\/[^/]*$/, '');
}

/** The applications that serve a controller class, and how that was decided. */
export function getNestControllerApps(project: ProjectIndex, controller: ts.ClassDeclaration): NestControllerApps {
  const model = getNestProjectModel(project);
  return findControllerApps(model.apps, controller);
}

const fileAppsKey = {};

/**
 * Per-file mode: the applications the file itself bootstraps (a single-file Nest app). Their module
 * graph only reaches this file, so an import from anywhere else counts as unresolved.
 */
export function getNestFileApps(lookup: NestLookup, file: ts.SourceFile): readonly NestAppGraph[] {
  return getPerFileCache(lookup, fileAppsKey, file, () => getNestBootstraps(lookup, file).map((b) => buildAppGraph(lookup, b)));
}

/**
 * The applications serving a controller, in either mode, and whether they are fully known: found,
 * root module read, bootstrap fully read, and (per-file mode) no import leaving the file.
 */
export function getNestAppsOfController(lookup: NestLookup, controller: ts.ClassDeclaration): NestControllerApps & { readonly known: boolean } {
  const found = lookup.project
    ? getNestControllerApps(lookup.project, controller)
    : findControllerApps(getNestFileApps(lookup, controller.getSourceFile()), controller);
  const known =
    found.apps.length > 0 &&
    found.apps.every(
      (app) =>
        app.rootModule !== undefined &&
        app.bootstrap.unknownConfiguration.length === 0 &&
        app.unreadProviders.length === 0 &&
        (lookup.project !== undefined || app.unresolvedImports === 0),
    );
  return { ...found, known };
}

function findControllerApps(all: readonly NestAppGraph[], controller: ts.ClassDeclaration): NestControllerApps {
  const apps = all.filter((app) => app.controllers.has(controller));
  if (apps.length > 0) return { apps, via: 'module-graph' };
  const byDirectory = findAppByDirectory(all, controller.getSourceFile().fileName);
  if (byDirectory && byDirectory.unresolvedImports > 0) return { apps: [byDirectory], via: 'directory' };
  return { apps: [], via: 'none' };
}
