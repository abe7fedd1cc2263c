/**
 * Links one adapter's routing facts into resolved routes: full paths across mounts and the whole
 * chain that runs before each handler, following mounts within the file and, with a project index,
 * across files (every mount of a router gives its routes one resolved route each).
 *
 * Two framework policies cover Express and Fastify:
 * - ordered (Express): a router's `use` covers only routes and mounts registered after it, and only
 *   paths under its filter; a mounted router's own `use` items also run for the parent's later
 *   routes under the mount path (a request walks through the child's stack first).
 * - encapsulated (Fastify): a context's hooks cover every route of the context and its children,
 *   whatever the order; a child wrapped in `fastify-plugin` shares its hooks with the parent.
 *
 * Error handlers (`error-handler` items: Fastify `setErrorHandler`) travel like hooks and are then
 * taken out of the chain into `ResolvedRoute.errorHandlers`: they do not run before the handler. A
 * route's own `errorHandler` option comes last there, as the nearest.
 */
import type * as ts from 'typescript';
import type { ResolvedChainItem, ResolvedRoute } from './api-model.js';
import type { ChainItem, ChainLevel, FileRoutingFacts, Framework, MountStep, RouteFact, RouterFact, RouterRef, RouterStep } from './facts.js';
import { getFileBindings } from '../core/bindings.js';
import { getShortText, skipOuterExpressions } from '../core/ast.js';
import type { FrameworkAdapter, RoutingScope } from '../frameworks/adapter.js';
import { getFileRoutingFacts } from '../frameworks/routing-facts.js';
import { StepFilterIndex, UNKNOWN_SEGMENT, joinRoutePath, pathFilterCovers, stripPathPrefix, type PathCoverage } from './route-paths.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

const stepFilterIndexes = new FileScopedWeakMap<RouterFact, StepFilterIndex>();

/** Which steps of a router may cover a relative path (see `StepFilterIndex`), built once per router. */
function stepFilterIndex(router: RouterFact): StepFilterIndex {
  let index = stepFilterIndexes.get(router);
  if (!index) {
    index = new StepFilterIndex(
      router.steps.map((step) => {
        if (step.kind === 'use') return { filter: step.path, match: step.match ?? 'prefix' };
        if (step.kind === 'mount') return { filter: step.path ?? `/${UNKNOWN_SEGMENT}`, match: 'prefix' };
        return undefined;
      }),
    );
    stepFilterIndexes.set(router, index);
  }
  return index;
}

/** How a framework's containers pass their chains on. */
export interface LinkPolicy {
  readonly framework: Framework;
  /** True when a `use` covers only what is registered after it (Express). */
  readonly ordered: boolean;
  /** The level of a container's own `use` items. */
  levelOf(router: RouterFact): ChainLevel;
  /**
   * How the `use` items of a mounted child reach the parent's other routes: `prefixed` (Express
   * routers: for parent paths under the mount path), `shared` (the child is the parent's own context:
   * `fastify-plugin`, an Express function called with the app), `none` (Fastify encapsulation).
   */
  leakOf(step: MountStep, target: RouterFact | undefined): 'prefixed' | 'shared' | 'none';
}

/** A container in a file. */
export interface ContainerRef {
  readonly file: ts.SourceFile;
  readonly router: RouterFact;
}

/** A place that mounts a container: the parent container and the mount step (by index). */
export interface MountSite {
  readonly file: ts.SourceFile;
  readonly router: RouterFact;
  readonly step: MountStep;
  readonly index: number;
}

interface ChainContext {
  readonly prefix: string | undefined;
  readonly items: readonly ResolvedChainItem[];
  readonly after: readonly ResolvedChainItem[];
  readonly complete: boolean;
  readonly mountedAt: readonly ts.Node[];
  readonly incompleteReason?: string;
  /** The root container the chain starts at, when it was reached. */
  readonly root?: ContainerRef;
}

interface OwnItems {
  readonly before: ResolvedChainItem[];
  readonly after: ResolvedChainItem[];
}

const MAX_DEPTH = 12;
const MAX_CONTEXTS = 32;
const mountIndexKeys = new WeakMap<FrameworkAdapter, object>();
const fileModeMountIndexes = new FileScopedWeakMap<FileRoutingFacts, Map<RouterFact, MountSite[]>>();

/** Links the routes declared in `file` (whose facts are `facts`) for one adapter. */
export function linkRoutes(
  scope: RoutingScope,
  adapter: FrameworkAdapter,
  policy: LinkPolicy,
  file: ts.SourceFile,
  facts: FileRoutingFacts,
): ResolvedRoute[] {
  const linker = new Linker(scope, adapter, policy, file, facts);
  const routes: ResolvedRoute[] = [];
  for (const router of facts.routers) {
    router.steps.forEach((step, index) => {
      if (step.kind !== 'route') return;
      routes.push(...linker.resolveRoute({ file, router }, step.route, index));
    });
  }
  return routes;
}

/** Every mount site of `container` the analysis can see (this file, or the project). */
export function getMountSites(
  scope: RoutingScope,
  adapter: FrameworkAdapter,
  file: ts.SourceFile,
  facts: FileRoutingFacts,
  container: RouterFact,
): readonly MountSite[] {
  return new Linker(scope, adapter, { framework: adapter.framework, ordered: true, levelOf: () => 'router', leakOf: () => 'none' }, file, facts).mountSitesOf({
    file,
    router: container,
  });
}

/** The container a mount step targets, if the analysis can find it. */
export function resolveRouterRef(
  scope: RoutingScope,
  adapter: FrameworkAdapter,
  file: ts.SourceFile,
  ref: RouterRef,
): ContainerRef | undefined {
  if (ref.kind === 'local') {
    const facts = getFileRoutingFacts(scope, file, adapter);
    const router = facts.routers.find((r) => r.id === ref.routerId);
    return router ? { file, router } : undefined;
  }
  if (ref.kind !== 'import' || !scope.project) return undefined;
  const target = scope.project.resolveImport(file, ref.module);
  if (!target) return undefined;
  const names = ref.imported === '*' ? ['default', '*'] : [ref.imported];
  for (const name of names) {
    const found = ref.member === undefined ? findExportedContainer(scope, adapter, target, name) : findExportedClassMember(scope, adapter, target, name, ref.member);
    if (found) return found;
  }
  return undefined;
}

/** The router held by the property `member` of the exported class `name` (`this.router = Router()`, `router = Router()`). */
function findExportedClassMember(scope: RoutingScope, adapter: FrameworkAdapter, file: ts.SourceFile, name: string, member: string): ContainerRef | undefined {
  const tsApi = scope.ts;
  const resolved = scope.project?.resolveExport(file, name);
  const cls = resolved?.declaration;
  if (!resolved || !cls || !tsApi.isClassDeclaration(cls)) return undefined;
  const facts = getFileRoutingFacts(scope, resolved.file, adapter);
  for (const router of facts.routers) {
    if (router.name !== `this.${member}`) continue;
    let owner: ts.Node | undefined = router.node;
    while (owner && !tsApi.isClassLike(owner)) owner = owner.parent;
    if (owner === cls) return { file: resolved.file, router };
  }
  return undefined;
}

function findExportedContainer(scope: RoutingScope, adapter: FrameworkAdapter, file: ts.SourceFile, name: string): ContainerRef | undefined {
  const project = scope.project;
  if (!project) return undefined;
  const resolved = name === '*' ? undefined : project.resolveExport(file, name);
  const owner = resolved?.file ?? file;
  const facts = getFileRoutingFacts(scope, owner, adapter);
  if (facts.routers.length === 0) return undefined;
  const candidates = new Set<ts.Node>();
  if (resolved) {
    if (resolved.declaration) addCandidateNodes(scope, owner, resolved.declaration, candidates, 0);
    addCandidateNodes(scope, owner, resolved.binding.node, candidates, 0);
  }
  for (const router of facts.routers) {
    if (candidates.has(router.node) || (router.builtBy && candidates.has(router.builtBy.node))) return { file: owner, router };
  }
  // A CommonJS module whose `module.exports` is the container itself, named differently.
  if (name === 'default' || name === '*') {
    const only = facts.routers.filter((r) => r.exportedAs.includes('default'));
    if (only.length === 1) return { file: owner, router: only[0]! };
  }
  return undefined;
}

/** The nodes an exported binding can stand for: the declaration, its initializer, a wrapped function. */
function addCandidateNodes(scope: RoutingScope, file: ts.SourceFile, node: ts.Node, out: Set<ts.Node>, depth: number): void {
  const tsApi = scope.ts;
  if (depth > 6 || out.has(node)) return;
  out.add(node);
  if (tsApi.isVariableDeclaration(node) && node.initializer) {
    addCandidateNodes(scope, file, node.initializer, out, depth + 1);
    return;
  }
  if (tsApi.isExportAssignment(node)) {
    addCandidateNodes(scope, file, node.expression, out, depth + 1);
    return;
  }
  if (!tsApi.isExpression(node as ts.Expression)) return;
  const expr = skipOuterExpressions(tsApi, node as ts.Expression);
  if (expr !== node) out.add(expr);
  if (tsApi.isIdentifier(expr)) {
    const declaration = getFileBindings(tsApi, file).declarations.get(expr.text);
    if (declaration) addCandidateNodes(scope, file, declaration, out, depth + 1);
    return;
  }
  // fp(plugin), fp(async (app) => {...}), wrapper(router)
  if (tsApi.isCallExpression(expr) && expr.arguments.length > 0) {
    addCandidateNodes(scope, file, expr.arguments[0]!, out, depth + 1);
  }
}

class Linker {
  constructor(
    private readonly scope: RoutingScope,
    private readonly adapter: FrameworkAdapter,
    private readonly policy: LinkPolicy,
    private readonly file: ts.SourceFile,
    private readonly facts: FileRoutingFacts,
  ) {}

  resolveRoute(container: ContainerRef, route: RouteFact, index: number): ResolvedRoute[] {
    const relPath = route.path === undefined ? `/${UNKNOWN_SEGMENT}` : route.path;
    const contexts = this.contexts(container, index, relPath, 0, new Set());
    const routeItems = route.chain.map((item) => this.place(item, 'route', container.file));
    return contexts.map((context) => {
      const fullPath = joinRoutePath(context.prefix, route.path);
      const items = dedupeItems([...context.items, ...routeItems]);
      // The route's own `errorHandler` option is the nearest: it comes after every context's.
      const errorHandlers = route.errorHandler ? [...items.filter(isErrorHandler), this.place(route.errorHandler, 'route', container.file)] : items.filter(isErrorHandler);
      const after = dedupeItems(context.after).filter((item) => !isErrorHandler(item));
      return {
        framework: this.policy.framework,
        route,
        router: container.router,
        file: container.file,
        methods: route.methods,
        fullPath,
        chain: errorHandlers.length > 0 ? items.filter((item) => !isErrorHandler(item)) : items,
        complete: context.complete,
        mountedAt: context.mountedAt,
        ...(context.root ? { root: context.root } : {}),
        ...(context.incompleteReason ? { incompleteReason: context.incompleteReason } : {}),
        ...(after.length > 0 ? { registeredAfter: after } : {}),
        ...(errorHandlers.length > 0 ? { errorHandlers } : {}),
      };
    });
  }

  /** The chains through which requests reach position `index` of `container`, for a path relative to it. */
  private contexts(container: ContainerRef, index: number, relPath: string, depth: number, visiting: Set<RouterFact>): ChainContext[] {
    const own = this.ownItems(container, index, relPath, depth);
    if (container.router.isRoot) {
      return [{ prefix: '', items: own.before, after: own.after, complete: true, mountedAt: [], root: container }];
    }
    const sites = depth >= MAX_DEPTH ? [] : this.mountSitesOf(container).filter((site) => !visiting.has(site.router));
    if (sites.length === 0) {
      return [
        {
          prefix: undefined,
          items: own.before,
          after: own.after,
          complete: false,
          mountedAt: [],
          incompleteReason: this.unmountedReason(container),
        },
      ];
    }
    const contexts: ChainContext[] = [];
    const nextVisiting = new Set(visiting).add(container.router);
    for (const site of sites) {
      const mountPath = site.step.path;
      const parentRel = joinRoutePath(mountPath, relPath);
      const mountCoverage: PathCoverage = mountPath === undefined ? 'maybe' : 'yes';
      const mountItems = site.step.items.map((item) => this.place(item, 'mount', site.file, mountCoverage));
      for (const outer of this.contexts({ file: site.file, router: site.router }, site.index, parentRel, depth + 1, nextVisiting)) {
        contexts.push({
          prefix: joinRoutePath(outer.prefix, mountPath),
          items: [...outer.items, ...mountItems, ...own.before],
          after: [...outer.after, ...own.after],
          complete: outer.complete,
          mountedAt: [...outer.mountedAt, site.step.node],
          ...(outer.root ? { root: outer.root } : {}),
          ...(outer.incompleteReason ? { incompleteReason: outer.incompleteReason } : {}),
        });
        if (contexts.length >= MAX_CONTEXTS) return contexts;
      }
    }
    return contexts;
  }

  private unmountedReason(container: ContainerRef): string {
    const what = `${container.router.kind} \`${container.router.name}\``;
    if (this.scope.project) return `${what} is not mounted anywhere the analysis can follow`;
    return container.router.exportedAs.length > 0 || container.router.builtBy
      ? `${what} is mounted from another file`
      : `${what} is not mounted in this file`;
  }

  /** The `use` items of `container` that cover a path, before and (ordered) after position `index`. */
  private ownItems(container: ContainerRef, index: number, relPath: string, depth: number): OwnItems {
    const { router, file } = container;
    const level = this.policy.levelOf(router);
    const before: ResolvedChainItem[] = [];
    const after: ResolvedChainItem[] = [];
    const visit = (step: RouterStep, i: number): void => {
      if (i === index || step.kind === 'route') return;
      const isBefore = !this.policy.ordered || i < index;
      const out = isBefore ? before : after;
      if (step.kind === 'use') {
        const coverage = pathFilterCovers(step.path, step.match ?? 'prefix', relPath);
        if (coverage === 'no') return;
        for (const item of step.items) out.push(this.place(item, level, file, coverage));
        return;
      }
      const coverage = pathFilterCovers(step.path ?? `/${UNKNOWN_SEGMENT}`, 'prefix', relPath);
      if (coverage === 'no') return;
      for (const item of step.items) out.push(this.place(item, 'mount', file, coverage));
      if (isBefore) {
        out.push(...this.leakedItems(container, step, relPath, coverage, depth));
      } else if (step.alsoMiddleware && !resolveRouterRef(this.scope, this.adapter, file, step.target)) {
        // `router.use(requireAuth)` below the route, with `requireAuth` imported: middleware after it.
        out.push(this.place(step.alsoMiddleware, level, file, coverage));
      }
    };
    for (const i of stepFilterIndex(router).candidates(relPath)) visit(router.steps[i]!, i);
    return { before, after };
  }

  /** What a child mounted in `parent` adds to the parent's other routes under the mount. */
  private leakedItems(parent: ContainerRef, step: MountStep, relPath: string, coverage: PathCoverage, depth: number): ResolvedChainItem[] {
    const target = resolveRouterRef(this.scope, this.adapter, parent.file, step.target);
    const kind = this.policy.leakOf(step, target?.router);
    if (!target) {
      if (step.alsoMiddleware) {
        // Middleware after all: unread only when its module could not be opened.
        const opened = step.target.kind === 'import' && this.scope.project?.resolveImport(parent.file, step.target.module) !== undefined;
        return [this.place(step.alsoMiddleware, 'mount', parent.file, coverage, opened ? undefined : describeUnread(step))];
      }
      if (kind === 'none') return [];
      return [this.opaqueItem(parent.file, step, coverage)];
    }
    if (kind === 'none' || depth >= MAX_DEPTH) return [];
    const childRel = kind === 'prefixed' ? stripPathPrefix(step.path, relPath) : relPath;
    if (childRel === undefined) return [];
    const items: ResolvedChainItem[] = [];
    const level = this.policy.levelOf(target.router);
    for (const i of stepFilterIndex(target.router).candidates(childRel)) {
      const childStep = target.router.steps[i]!;
      if (childStep.kind === 'use') {
        const childCoverage = worst(coverage, pathFilterCovers(childStep.path, childStep.match ?? 'prefix', childRel));
        if (childCoverage === 'no') continue;
        for (const item of childStep.items) items.push(this.place(item, level, target.file, childCoverage));
      } else if (childStep.kind === 'mount') {
        const childCoverage = worst(coverage, pathFilterCovers(childStep.path ?? `/${UNKNOWN_SEGMENT}`, 'prefix', childRel));
        if (childCoverage === 'no') continue;
        for (const item of childStep.items) items.push(this.place(item, 'mount', target.file, childCoverage));
        items.push(...this.leakedItems(target, childStep, childRel, childCoverage, depth + 1));
      }
    }
    return items;
  }

  private opaqueItem(file: ts.SourceFile, step: MountStep, coverage: PathCoverage): ResolvedChainItem {
    const text = step.targetNode
      ? getShortText(file, step.targetNode, 60)
      : step.target.kind === 'import'
        ? step.target.imported === 'default' || step.target.imported === '*' ? step.target.module : step.target.imported
        : step.target.kind === 'unknown' ? step.target.text : 'a local container';
    return {
      node: step.targetNode ?? step.node,
      text,
      role: 'middleware',
      level: 'mount',
      file,
      opaque: describeUnread(step),
      ...(coverage === 'maybe' ? { conditional: 'the mount path may cover this route' } : {}),
    };
  }

  private place(item: ChainItem, level: ChainLevel, file: ts.SourceFile, coverage: PathCoverage = 'yes', opaque?: string): ResolvedChainItem {
    return {
      ...item,
      level,
      file,
      ...(coverage === 'maybe' ? { conditional: 'its path filter may not cover this route' } : {}),
      ...(opaque ? { opaque } : {}),
    };
  }

  /** Mount sites of a container: in this file, or everywhere in the project. */
  mountSitesOf(container: ContainerRef): readonly MountSite[] {
    if (this.scope.project) return this.projectMountIndex().get(container.router) ?? [];
    if (container.file !== this.file) return [];
    let index = fileModeMountIndexes.get(this.facts);
    if (!index) {
      index = new Map();
      this.indexMounts(this.file, this.facts, index);
      fileModeMountIndexes.set(this.facts, index);
    }
    return index.get(container.router) ?? [];
  }

  private projectMountIndex(): Map<RouterFact, MountSite[]> {
    const project = this.scope.project!;
    let key = mountIndexKeys.get(this.adapter);
    if (!key) {
      key = {};
      mountIndexKeys.set(this.adapter, key);
    }
    return project.memo(key, () => {
      const index = new Map<RouterFact, MountSite[]>();
      for (const file of project.files()) {
        const facts = getFileRoutingFacts(this.scope, file, this.adapter);
        if (facts.routers.length > 0) this.indexMounts(file, facts, index);
      }
      return index;
    });
  }

  private indexMounts(file: ts.SourceFile, facts: FileRoutingFacts, index: Map<RouterFact, MountSite[]>): void {
    for (const router of facts.routers) {
      // An app imported and extended in this file: the other module's app, after all its own steps.
      const aliased = router.aliasOf ? resolveRouterRef(this.scope, this.adapter, file, router.aliasOf) : undefined;
      if (aliased && aliased.router !== router && !aliased.router.aliasOf) {
        const step: MountStep = { kind: 'mount', node: router.node, path: '', items: [], target: router.aliasOf!, encapsulated: false };
        const list = index.get(router) ?? [];
        list.push({ file: aliased.file, router: aliased.router, step, index: aliased.router.steps.length });
        index.set(router, list);
      }
      router.steps.forEach((step, i) => {
        if (step.kind !== 'mount') return;
        const target = resolveRouterRef(this.scope, this.adapter, file, step.target);
        if (!target || target.router === router) return;
        const list = index.get(target.router) ?? [];
        list.push({ file, router, step, index: i });
        index.set(target.router, list);
      });
    }
  }
}

function describeUnread(step: MountStep): string {
  if (step.target.kind === 'import') {
    return `\`${step.target.imported === 'default' || step.target.imported === '*' ? step.target.module : step.target.imported}\` from \`${step.target.module}\` is mounted here and was not read`;
  }
  return 'a container mounted here was not read';
}

function worst(a: PathCoverage, b: PathCoverage): PathCoverage {
  if (a === 'no' || b === 'no') return 'no';
  if (a === 'maybe' || b === 'maybe') return 'maybe';
  return 'yes';
}

function isErrorHandler(item: ResolvedChainItem): boolean {
  return item.role === 'error-handler';
}

/** Keeps the first occurrence of each chain item node (a shared context can list a hook twice). */
function dedupeItems(items: readonly ResolvedChainItem[]): ResolvedChainItem[] {
  const seen = new Set<ts.Node>();
  const out: ResolvedChainItem[] = [];
  for (const item of items) {
    if (seen.has(item.node)) continue;
    seen.add(item.node);
    out.push(item);
  }
  return out;
}
