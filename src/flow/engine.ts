/**
 * The flow engine: finds flows from sources (request input, caught errors, a rule's own) to a
 * rule's sinks, stopped by sanitizers and barrier guards, within a function, across functions of a
 * file, and across files when a project index exists.
 *
 * How a rule uses it (the shape follows CodeQL's `ConfigSig`):
 *
 * ```ts
 * import { findFlows, type FlowSpec } from '../src/flow/engine.js';
 *
 * const spec: FlowSpec = {
 *   id: 'my-rule',                                 // the engine caches per spec object: create it once
 *   sources: { request: ['body'] },               // request inputs of these kinds (or 'all'); caughtErrors: true
 *   sinks(node, api) {                             // called for calls, `new`, `return`, `throw` and concise arrow bodies
 *     if (!api.ts.isCallExpression(node)) return [];
 *     const path = api.modulePathOf(node.expression);       // { module: 'axios', path: 'get' }
 *     return isMySink(path) ? [{ node, expression: node.arguments[0]!, label: 'axios.get', role: 'URL' }] : [];
 *   },
 *   isBarrier: (expr, api) => isSanitizerCall(expr),       // the value of `expr` is clean
 *   barrierGuard: (cond, api) => allowlistCheck(cond),     // { checked, when, against? }
 *   step: (call, api) => undefined,                          // extra propagation: { from: [arg], position? }
 * };
 *
 * detect(ctx) {
 *   return findFlows(ctx, spec).map((flow) => ({
 *     messageId: 'x',
 *     node: flow.sink.node,
 *     data: { source: flow.source.label, sink: flow.sink.label, via: describeSteps(flow.steps) },
 *   }));
 * }
 * ```
 *
 * `findFlows` returns the flows whose SINK is in `ctx.sourceFile`, each once: a flow that enters a
 * helper from a router in another file is reported in the helper's file, with the call sites in
 * `flow.steps`. Per-file mode (no `ctx.project`) sees only calls inside the file; with the project
 * index the engine also follows imports, injected Nest services and callers in other files.
 *
 * `docs/design/flow-engine.md` explains sources, steps, sinks, barriers, guards, summaries and URL parts.
 */
import type * as ts from 'typescript';
import type { AnalysisContext } from '../core/context.js';
import { getCalleeName, getAccessPath, isFunctionLike, getShortText } from '../core/ast.js';
import { getNodesOfKinds } from '../core/walk.js';
import { REQUEST_INPUT_KINDS, type RequestInputKind } from '../catalog/request-inputs.js';
import { matchesNameList } from '../settings/schema.js';
import { getCallSitesOf } from './call-sites.js';
import { resolveCallTarget, resolveFunctionReference } from './call-targets.js';
import { createFacts, interpretUnit, readMember, type FunctionFacts, type FunctionUnit, type InterpreterHost } from './interpreter.js';
import type { Flow, FlowApi, FlowSpec, FlowStep, SourceInfo } from './spec.js';
import { getModulePath } from './module-paths.js';
import { getHandlers } from '../model/handlers.js';
import { placeUrlPart, widestUrlPart } from './url-parts.js';
import { CLEAN, allTaints, joinValues, mapTaints, partAt, taintKey, withStep, type AbsValue, type Taint } from './values.js';

export type { Flow, FlowApi, FlowSpec, FlowStep, GuardCheck, ModulePath, SinkTarget, SourceInfo, ExtraStep } from './spec.js';
export type { UrlPart } from './url-parts.js';
export { controlsHost } from './url-parts.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

/** How deep summaries may nest while one is computed (a chain of calls into not yet analyzed functions). */
const MAX_SUMMARY_NESTING = 24;
const MAX_RESOLVE_DEPTH = 12;

/** The engine's state for one spec: per file without a project index, per project with one. */
class FlowState implements InterpreterHost {
  readonly ts: InterpreterHost['ts'];
  readonly requestKinds: ReadonlySet<RequestInputKind>;
  private readonly facts = new Map<FunctionUnit, FunctionFacts>();
  private readonly entries = new Map<ts.Node, Map<number, AbsValue>>();
  private readonly resolving = new Set<string>();
  private nesting = 0;

  constructor(
    readonly spec: FlowSpec,
    readonly ctx: AnalysisContext,
    readonly project: AnalysisContext['project'],
  ) {
    this.ts = ctx.ts;
    const kinds = spec.sources.request;
    this.requestKinds = new Set(kinds === 'all' ? REQUEST_INPUT_KINDS : (kinds ?? []));
  }

  factsOf(unit: FunctionUnit): FunctionFacts {
    const known = this.facts.get(unit);
    if (known) return known;
    if (this.nesting > MAX_SUMMARY_NESTING) return createFacts(unit);
    // Analyze enclosing functions first (their environment at the definition is the closure's).
    const chain: FunctionUnit[] = [unit];
    for (let parent = parentUnit(this.ts, unit); parent && !this.facts.has(parent); parent = parentUnit(this.ts, parent)) {
      // A file whose module-level code holds no tainted value gives its functions an empty closure:
      // not analyzed for that (it still is when a caller or callback there is asked about).
      if (this.ts.isSourceFile(parent) && this.moduleLevelIsClean(parent)) break;
      chain.push(parent);
    }
    this.nesting++;
    try {
      for (let i = chain.length - 1; i >= 0; i--) this.analyze(chain[i]!);
    } finally {
      this.nesting--;
    }
    return this.facts.get(unit)!;
  }

  private cleanModuleLevel: boolean | undefined;

  /**
   * Per-file mode, for a spec whose only sources are request inputs: true when the file's
   * module-level code cannot hold a tainted value, so its functions close over nothing tainted.
   * Request input enters only through a handler's parameters, which module-level code cannot name;
   * what is left is a module-level call of a function of the file, whose result could carry one.
   */
  private moduleLevelIsClean(file: ts.SourceFile): boolean {
    if (file !== this.ctx.sourceFile) return false;
    if (this.cleanModuleLevel !== undefined) return this.cleanModuleLevel;
    const { spec } = this;
    let clean = !this.project && !spec.isSource && !spec.sources.caughtErrors && !spec.sources.clientResponses;
    if (clean) {
      for (const call of getNodesOfKinds(this.ts, file, [this.ts.SyntaxKind.CallExpression]) as readonly ts.CallExpression[]) {
        if (unitOf(this.ts, call) === file && this.callTarget(call)) {
          clean = false;
          break;
        }
      }
    }
    this.cleanModuleLevel = clean;
    return clean;
  }

  private analyze(unit: FunctionUnit): void {
    if (this.facts.has(unit)) return;
    const facts = createFacts(unit);
    this.facts.set(unit, facts);
    const parent = parentUnit(this.ts, unit);
    const outer = parent ? this.facts.get(parent)?.closureEnvs.get(unit) : undefined;
    interpretUnit(this, unit, facts, outer);
    facts.complete = true;
  }

  callTarget(call: ts.CallExpression): ts.FunctionLikeDeclaration | undefined {
    return resolveCallTarget(this.ts, call, this.project)?.fn;
  }

  functionReference(expr: ts.Expression): ts.FunctionLikeDeclaration | undefined {
    return resolveFunctionReference(this.ts, expr, this.project);
  }

  isSanitizerCall(call: ts.CallExpression): boolean {
    const names = this.ctx.settings.sanitizers;
    if (names.length === 0) return false;
    const name = getCalleeName(this.ts, call);
    const path = getAccessPath(this.ts, call.expression);
    return (name !== undefined && matchesNameList(name, names)) || (path !== undefined && matchesNameList(path, names));
  }

  /** The value entering parameter `index` of `fn` from every call site and callback the analysis sees. */
  entryValue(fn: ts.Node, index: number, depth: number): AbsValue {
    const cachedByIndex = this.entries.get(fn);
    const cached = cachedByIndex?.get(index);
    if (cached) return cached;
    const key = `${fn.pos}:${fn.end}:${fn.getSourceFile().fileName}:${index}`;
    if (this.resolving.has(key) || depth > MAX_RESOLVE_DEPTH) return CLEAN;
    this.resolving.add(key);
    let value: AbsValue = CLEAN;
    try {
      const params = isFunctionLike(this.ts, fn) ? fn.parameters : undefined;
      const rest = params?.[index]?.dotDotDotToken !== undefined;
      const sites = getCallSitesOf(this.ts, fn, this.ctx.sourceFile, this.project);
      for (const site of sites) {
        const caller = unitOf(this.ts, site);
        const args = this.factsOf(caller).calls.get(site);
        const arg = rest ? args?.slice(index).reduce(joinValues, CLEAN) : args?.[index];
        if (!arg) continue;
        const resolved = this.resolveValue(arg, depth + 1);
        const step: FlowStep = { node: site, file: site.getSourceFile(), label: describeCall(site) };
        value = joinValues(value, mapTaints(resolved, (t) => withStep([t], step)[0]!));
      }
      const parent = parentUnit(this.ts, fn as FunctionUnit);
      const callbackArgs = parent ? this.factsOf(parent).callbackArgs.get(fn) : undefined;
      const arg = callbackArgs?.[index];
      if (arg) value = joinValues(value, this.resolveValue(arg, depth + 1));
    } finally {
      this.resolving.delete(key);
    }
    if (depth === 0 || this.resolving.size === 0) {
      let byIndex = this.entries.get(fn);
      if (!byIndex) {
        byIndex = new Map();
        this.entries.set(fn, byIndex);
      }
      byIndex.set(index, value);
    }
    return value;
  }

  /** A value with every parameter taint replaced by what enters that parameter (sources only remain). */
  resolveValue(value: AbsValue, depth: number): AbsValue {
    if (value.taints.length === 0 && !value.fields) return value;
    const taints: Taint[] = [];
    let merged: AbsValue = CLEAN;
    for (const t of value.taints) {
      if (t.origin.kind === 'source') {
        taints.push(t);
        continue;
      }
      let entry = this.entryValue(t.origin.fn, t.origin.index, depth);
      for (const field of t.path) entry = readMember(this.ts, entry, field, t.origin.fn, this.requestKinds);
      if (t.part === 'whole' && t.refinable && t.steps.length === 0) {
        merged = joinValues(merged, entry);
        continue;
      }
      // A parameter used as a whole after a transform (`JSON.stringify(data)`) carries its fields
      // too, as `substituteParams` has it: `send(res, { error: err.message })` leaks the message.
      for (const s of t.refinable ? entry.taints : allTaints(entry)) {
        taints.push({ ...s, part: placeUrlPart(s.part, t.part), refinable: s.refinable && t.refinable, steps: [...s.steps, ...t.steps] });
      }
    }
    let fields: Map<string, AbsValue> | undefined;
    if (value.fields) {
      fields = new Map();
      for (const [key, field] of value.fields) fields.set(key, this.resolveValue(field, depth + 1));
    }
    return joinValues(merged, { taints, fields });
  }
}

const callLabels = new FileScopedWeakMap<ts.CallExpression, string>();

/**
 * `fetchPreview(target)`, or `this.records.importDocument(…)` when the arguments make it long. Built
 * once per call site: every parameter, and every flow rule, that a site feeds asks for its label.
 */
function describeCall(call: ts.CallExpression): string {
  let label = callLabels.get(call);
  if (label === undefined) {
    const file = call.getSourceFile();
    const full = getShortText(file, call, 200);
    label = full.length <= 48 ? full : `${getShortText(file, call.expression, 44)}(…)`;
    callLabels.set(call, label);
  }
  return label;
}

/** The unit (function or file) whose code contains `node`. */
export function unitOf(tsApi: InterpreterHost['ts'], node: ts.Node): FunctionUnit {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(tsApi, current)) return current;
    if (tsApi.isSourceFile(current)) return current;
  }
  return node.getSourceFile();
}

function parentUnit(tsApi: InterpreterHost['ts'], unit: FunctionUnit): FunctionUnit | undefined {
  if (tsApi.isSourceFile(unit)) return undefined;
  return unitOf(tsApi, unit);
}

const fileStates = new FileScopedWeakMap<ts.SourceFile, WeakMap<FlowSpec, FlowState>>();

function getState(ctx: AnalysisContext, spec: FlowSpec): FlowState {
  if (ctx.project) return ctx.project.memo(spec, () => new FlowState(spec, ctx, ctx.project));
  let bySpec = fileStates.get(ctx.sourceFile);
  if (!bySpec) {
    bySpec = new WeakMap();
    fileStates.set(ctx.sourceFile, bySpec);
  }
  let state = bySpec.get(spec);
  if (!state) {
    state = new FlowState(spec, ctx, undefined);
    bySpec.set(spec, state);
  }
  return state;
}

/** The API a spec's syntactic tests get outside an analysis: nothing is tainted yet. */
function flowApiFor(ctx: AnalysisContext): FlowApi {
  const tsApi = ctx.ts;
  return {
    ts: tsApi,
    ctx,
    sourceFile: ctx.sourceFile,
    modulePathOf: (expr) => getModulePath(tsApi, expr, ctx.project),
    isTainted: () => false,
  };
}

/**
 * The functions of the file that hold a sink candidate, found by asking the spec about every call,
 * `new`, `return`, `throw` and concise arrow body before any analysis (the value checks come later).
 * Files without one cost a walk; functions without one are analyzed only if a flow needs them.
 */
function getSinkUnits(ctx: AnalysisContext, spec: FlowSpec): FunctionUnit[] {
  const tsApi = ctx.ts;
  const api = flowApiFor(ctx);
  const units = new Set<FunctionUnit>();
  if (spec.mayHaveSinks && !spec.mayHaveSinks(ctx.sourceFile, api)) return [];
  const k = tsApi.SyntaxKind;
  const candidates = getNodesOfKinds(tsApi, ctx.sourceFile, [k.CallExpression, k.NewExpression, k.ReturnStatement, k.ThrowStatement, k.ArrowFunction]);
  for (const node of candidates) {
    if (tsApi.isArrowFunction(node) && tsApi.isBlock(node.body)) continue;
    if (spec.sinks(node, api).length === 0) continue;
    units.add(tsApi.isArrowFunction(node) ? node : unitOf(tsApi, node));
  }
  return [...units];
}

/**
 * Per-file mode only (no project index, so every flow starts in this file): false when the file
 * cannot produce a source of the spec. Request input only enters through a handler's parameters
 * (its request object, Nest's decorated parameters), so a file without handlers has none: a
 * service or a model file costs nothing for request-sourced rules.
 */
function fileMayHaveSources(ctx: AnalysisContext, spec: FlowSpec): boolean {
  const { sources } = spec;
  if (spec.isSource || sources.caughtErrors || sources.clientResponses) return true;
  const kinds = sources.request;
  if (!kinds || kinds.length === 0) return false;
  return getHandlers(ctx.ts, ctx.sourceFile).length > 0;
}

/** The label of a source with the fields read after it: `req.query` read as `.url` gives `req.query.url`. */
function refinedSource(taint: Taint): SourceInfo {
  if (taint.origin.kind !== 'source') throw new Error('not a source taint');
  const source = taint.origin.source;
  if (taint.path.length === 0) return source;
  const suffix = taint.path.map((p) => (/^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('');
  return { ...source, label: `${source.label}${suffix}`, key: `${source.key ?? ''}${suffix}` };
}

/**
 * The flows whose sink is in `ctx.sourceFile`, each once (per sink target and source), with the
 * part of the URL the source controls and the call sites it crossed.
 */
export function findFlows(ctx: AnalysisContext, spec: FlowSpec): Flow[] {
  if (!ctx.project && !fileMayHaveSources(ctx, spec)) return [];
  const units = getSinkUnits(ctx, spec);
  if (units.length === 0) return [];
  const state = getState(ctx, spec);
  const flows = new Map<string, Flow>();
  const api = spec.mayReachUnit ? flowApiFor(ctx) : undefined;
  for (const unit of units) {
    if (api && !spec.mayReachUnit!(unit, api)) continue;
    const facts = state.factsOf(unit);
    for (const hit of facts.sinks) {
      const resolved = state.resolveValue(hit.value, 0);
      for (const taint of hit.target.deep ? allTaints(resolved) : resolved.taints) {
        if (taint.origin.kind !== 'source') continue;
        const source = refinedSource(taint);
        const part = partAt(taint, hit.target.position);
        const key = `${hit.target.node.pos}:${hit.target.expression.pos}:${(hit.target.access ?? []).join('.')}:${taintKey(taint)}`;
        const existing = flows.get(key);
        if (existing && widestUrlPart(existing.part, part) === existing.part && existing.steps.length <= taint.steps.length) continue;
        flows.set(key, { source, sink: hit.target, part, steps: taint.steps });
      }
    }
  }
  return [...flows.values()].sort((a, b) => a.sink.node.pos - b.sink.node.pos || a.source.label.localeCompare(b.source.label));
}
