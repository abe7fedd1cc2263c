/**
 * Which functions a caught error can reach, decided before the flow engine analyzes them: a cheap
 * over-approximation that lets `no-verbose-errors` skip response sinks no error can get to (a Nest
 * controller method that returns a service's result, in a class without a `catch`).
 *
 * A caught error enters a value only at an exposure (a read of a `catch` variable, a `.catch`
 * callback's parameter, an error handler's error parameter: `error-exposures.ts`). From there the
 * engine carries it within a function and its nested functions, into the parameters of the
 * functions it is passed to, and out of the functions that return it. So a function can hold one
 * only when one of these is true, and the analysis of any other function is skipped:
 *
 * - the file reads a caught error in module-level code, which every function closes over;
 * - its region holds an exposure: the class it is a method of (fields carry values between
 *   methods), or else the top-level statement it is written in (closures carry values inward). An
 *   error only handed to Express's `next(err)` counts for nothing: that call leads nowhere the
 *   engine follows;
 * - it, or a function around it, has a parameter a caller may fill (not a handler's request,
 *   response or `next`, not a Nest input or a decorated parameter of a Nest route method that no
 *   code calls). The engine fills a parameter only from the calls of the function it sees (in the
 *   file, or the project with the index) and from `p.then(fn)` / `arr.map(fn)`, so a function
 *   nothing in view calls (a Fastify plugin's `fastify`, an exported helper in per-file mode) has none;
 * - it calls a function (of the file, or of the project with the index) that may return an error:
 *   one holding an exposure, or calling one that may, transitively.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getAccessPath, getDecorators, getEnclosingFunction, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { firstAtOrAfter, getNodesOfKinds } from '../core/walk.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getCallSitesOf } from '../flow/call-sites.js';
import { resolveCallTarget, resolveFunctionReference } from '../flow/call-targets.js';
import { isValueCallbackMethod, MUTATING_METHODS } from '../flow/propagation-steps.js';
import { isLoggerPath, LOG_METHODS } from '../catalog/loggers.js';
import { getErrorExposures } from './error-exposures.js';
import { getHandlerOfFunction, getHandlerParameterRole } from './handlers.js';
import { getNestParameterInput } from './request-sources.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

const MAX_RETURN_DEPTH = 12;

/** Per project index (or per-file mode): the functions known to (not) return a caught error. */
const returnVerdicts = new FileScopedWeakMap<object, WeakMap<ts.Node, boolean>>();
const FILE_MODE = {};

/** False only when no caught error can reach the code of `unit` (see the module comment). */
export function mayCarryCaughtError(tsApi: TsApi, unit: ts.FunctionLikeDeclaration | ts.SourceFile, project: ProjectIndex | undefined): boolean {
  if (tsApi.isSourceFile(unit)) return true;
  const file = unit.getSourceFile();
  // Module-level code runs first and every function closes over its variables: an error it reads
  // (`catch (e) { startupError = e.stack }` at the top of the file) can reach any function.
  if (hasModuleLevelExposure(tsApi, file, project)) return true;
  if (containsExposure(tsApi, file, regionOf(tsApi, unit), project)) return true;
  for (let fn: ts.Node | undefined = unit; fn && !tsApi.isSourceFile(fn); fn = fn.parent) {
    if (isFunctionLike(tsApi, fn) && hasOpenParameter(tsApi, fn, project)) return true;
  }
  return callsErrorReturningFunction(tsApi, file, unit, project, new Set(), 0);
}

/** The class a function is a member of, else the top-level statement it is written in. */
function regionOf(tsApi: TsApi, node: ts.Node): ts.Node {
  let region: ts.Node = node;
  let klass: ts.Node | undefined;
  for (let current: ts.Node | undefined = node; current && !tsApi.isSourceFile(current); current = current.parent) {
    if (tsApi.isClassDeclaration(current) || tsApi.isClassExpression(current)) klass = current;
    region = current;
  }
  return klass ?? region;
}

/** True when an exposure of `file` that can carry the error somewhere lies inside `node`. */
function containsExposure(tsApi: TsApi, file: ts.SourceFile, node: ts.Node, project: ProjectIndex | undefined): boolean {
  const exposures = carryingExposures(tsApi, file, project);
  // From the first exposure starting inside the node (the list is sorted by position).
  for (let i = firstAtOrAfter(exposures, node.pos); i < exposures.length && exposures[i]!.pos < node.end; i++) {
    if (exposures[i]!.end <= node.end) return true;
  }
  return false;
}

/** Per project index (or per-file mode), per file: what `carryingExposures` and `hasModuleLevelExposure` found. */
const carryingByFile = new FileScopedWeakMap<object, WeakMap<ts.SourceFile, readonly ts.Node[]>>();
const moduleLevelByFile = new FileScopedWeakMap<object, WeakMap<ts.SourceFile, boolean>>();

function perProject<V>(cache: FileScopedWeakMap<object, WeakMap<ts.SourceFile, V>>, project: ProjectIndex | undefined): WeakMap<ts.SourceFile, V> {
  const key = project ?? FILE_MODE;
  let map = cache.get(key);
  if (!map) {
    map = new WeakMap();
    cache.set(key, map);
  }
  return map;
}

/** True when a carrying exposure of `file` is in module-level code (inside no function). */
function hasModuleLevelExposure(tsApi: TsApi, file: ts.SourceFile, project: ProjectIndex | undefined): boolean {
  const byFile = perProject(moduleLevelByFile, project);
  let found = byFile.get(file);
  if (found === undefined) {
    found = carryingExposures(tsApi, file, project).some((node) => !getEnclosingFunction(tsApi, node));
    byFile.set(file, found);
  }
  return found;
}

/** The file's exposure reads that can carry the error somewhere, sorted by position. */
function carryingExposures(tsApi: TsApi, file: ts.SourceFile, project: ProjectIndex | undefined): readonly ts.Node[] {
  const byFile = perProject(carryingByFile, project);
  let list = byFile.get(file);
  if (!list) {
    list = getErrorExposures(tsApi, file)
      .map((exposure) => exposure.node)
      .filter((node) => !isPassedToNext(tsApi, node) && !isOnlyLogged(tsApi, node, project))
      .sort((a, b) => a.pos - b.pos || b.end - a.end);
    byFile.set(file, list);
  }
  return list;
}

/**
 * `console.error(err)`, `request.log.error({ err }, 'sync failed')`, `this.logger.warn(e.message)` as a
 * statement: the error (or a field of it, in an object literal or a template) is an argument of a
 * logging call whose result nobody reads. The engine follows no such call (it has no target in view
 * and writes into nothing), so the error goes nowhere from there.
 */
function isOnlyLogged(tsApi: TsApi, exposure: ts.Node, project: ProjectIndex | undefined): boolean {
  let value: ts.Node = exposure;
  for (let parent = value.parent; parent; parent = value.parent) {
    if (tsApi.isPropertyAccessExpression(parent) && parent.expression === value) value = parent;
    else if ((tsApi.isParenthesizedExpression(parent) || tsApi.isAsExpression(parent) || tsApi.isNonNullExpression(parent)) && parent.expression === value) value = parent;
    else if (tsApi.isShorthandPropertyAssignment(parent) || (tsApi.isPropertyAssignment(parent) && parent.initializer === value)) value = parent.parent;
    else if (tsApi.isTemplateSpan(parent) && parent.expression === value) value = parent.parent;
    else break;
  }
  const call = value.parent;
  if (!call || !tsApi.isCallExpression(call) || !call.arguments.includes(value as ts.Expression)) return false;
  if (!isDiscarded(tsApi, call)) return false;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  if (!LOG_METHODS.has(method) || MUTATING_METHODS.has(method) || isValueCallbackMethod(method)) return false;
  const receiver = getAccessPath(tsApi, callee.expression);
  if (receiver === undefined || !isLoggerPath(receiver)) return false;
  return resolveCallTarget(tsApi, call, project) === undefined;
}

/** A call whose value nobody reads: a statement of its own, awaited or voided. */
function isDiscarded(tsApi: TsApi, call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (node.parent && (tsApi.isAwaitExpression(node.parent) || tsApi.isVoidExpression(node.parent) || tsApi.isParenthesizedExpression(node.parent))) node = node.parent;
  return node.parent !== undefined && tsApi.isExpressionStatement(node.parent);
}

/**
 * `next(err)` in an Express handler: the call runs a parameter, which the engine cannot follow, so
 * the error goes nowhere it tracks (the call's value is clean). The usual `catch (err) { next(err) }`
 * then does not make a handler worth analyzing.
 */
function isPassedToNext(tsApi: TsApi, exposure: ts.Node): boolean {
  const call = exposure.parent;
  if (!call || !tsApi.isCallExpression(call) || !call.arguments.includes(exposure as ts.Expression)) return false;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isIdentifier(callee)) return false;
  const declaration = resolveIdentifier(tsApi, callee)?.declaration;
  return declaration !== undefined && tsApi.isParameter(declaration) && getHandlerParameterRole(tsApi, declaration)?.role === 'next';
}

/**
 * A parameter a caller can pass anything to: not a handler's request, response or `next`, not a Nest
 * input, and not a decorated parameter of a Nest route method nothing in the code calls (Nest fills
 * those: `@CurrentUser() user`).
 */
function hasOpenParameter(tsApi: TsApi, fn: ts.FunctionLikeDeclaration, project: ProjectIndex | undefined): boolean {
  if (fn.parameters.length === 0) return false;
  if (!mayBeFilled(tsApi, fn, project)) return false;
  let calledFromCode: boolean | undefined;
  for (const param of fn.parameters) {
    const role = getHandlerParameterRole(tsApi, param)?.role;
    if (role === 'request' || role === 'response' || role === 'next') continue;
    if (getNestParameterInput(tsApi, param)) continue;
    if (getDecorators(tsApi, param).length > 0 && getHandlerOfFunction(tsApi, fn)?.framework === 'nest') {
      calledFromCode ??= getCallSitesOf(tsApi, fn, fn.getSourceFile(), project).length > 0;
      if (!calledFromCode) continue;
    }
    return true;
  }
  return false;
}

/**
 * Whether the engine can give `fn`'s parameters a value. It fills them from the calls of `fn` it
 * sees (in the file, or in the project with the index) and from the callbacks it runs
 * (`p.then(fn)`, `arr.map(fn)`), nothing else: a function only registered (`fastify.register(routes)`)
 * or exported and never called in view has none.
 */
function mayBeFilled(tsApi: TsApi, fn: ts.FunctionLikeDeclaration, project: ProjectIndex | undefined): boolean {
  const file = fn.getSourceFile();
  return getCallSitesOf(tsApi, fn, file, project).length > 0 || getValueCallbacks(tsApi, file, project).has(fn);
}

/** Per project index (or per file without one): the functions passed to `.then`, `.finally` or an element method. */
const valueCallbacks = new FileScopedWeakMap<object, ReadonlySet<ts.Node>>();

function getValueCallbacks(tsApi: TsApi, file: ts.SourceFile, project: ProjectIndex | undefined): ReadonlySet<ts.Node> {
  const key = project ?? file;
  let found = valueCallbacks.get(key);
  if (!found) {
    const set = new Set<ts.Node>();
    for (const source of project ? project.files() : [file]) {
      for (const call of getNodesOfKinds(tsApi, source, [tsApi.SyntaxKind.CallExpression]) as readonly ts.CallExpression[]) {
        const callee = skipOuterExpressions(tsApi, call.expression);
        const first = call.arguments[0];
        if (!first || !tsApi.isPropertyAccessExpression(callee) || !isValueCallbackMethod(callee.name.text)) continue;
        const fn = resolveFunctionReference(tsApi, first, project);
        if (fn) set.add(fn);
      }
    }
    found = set;
    valueCallbacks.set(key, found);
  }
  return found;
}

/** True when a call inside `node` runs a function that may return a caught error. */
function callsErrorReturningFunction(
  tsApi: TsApi,
  file: ts.SourceFile,
  node: ts.Node,
  project: ProjectIndex | undefined,
  visiting: Set<ts.Node>,
  depth: number,
): boolean {
  for (const call of callsWithin(tsApi, file, node)) {
    const target = resolveCallTarget(tsApi, call, project)?.fn;
    if (target && mayReturnCaughtError(tsApi, target, project, visiting, depth + 1)) return true;
  }
  return false;
}

function mayReturnCaughtError(tsApi: TsApi, fn: ts.FunctionLikeDeclaration, project: ProjectIndex | undefined, visiting: Set<ts.Node>, depth: number): boolean {
  const key = project ?? FILE_MODE;
  let verdicts = returnVerdicts.get(key);
  if (!verdicts) {
    verdicts = new WeakMap();
    returnVerdicts.set(key, verdicts);
  }
  const known = verdicts.get(fn);
  if (known !== undefined) return known;
  // Too deep to follow: assume it may. A cycle without an exposure on it adds nothing.
  if (depth > MAX_RETURN_DEPTH) return true;
  if (visiting.has(fn)) return false;
  visiting.add(fn);
  const file = fn.getSourceFile();
  const verdict = containsExposure(tsApi, file, fn, project) || callsErrorReturningFunction(tsApi, file, fn, project, visiting, depth);
  visiting.delete(fn);
  // A `false` reached through a cycle may depend on the caller still being decided: keep only sure answers.
  if (verdict || visiting.size === 0) verdicts.set(fn, verdict);
  return verdict;
}

/** The calls inside `node`, from the file's call list (binary search on positions). */
function callsWithin(tsApi: TsApi, file: ts.SourceFile, node: ts.Node): readonly ts.CallExpression[] {
  const calls = getNodesOfKinds(tsApi, file, [tsApi.SyntaxKind.CallExpression]) as readonly ts.CallExpression[];
  const low = firstAtOrAfter(calls, node.pos);
  let end = low;
  while (end < calls.length && calls[end]!.pos < node.end) end++;
  return calls.slice(low, end).filter((call) => call.end <= node.end);
}
