/**
 * The reverse call graph: for a function, the calls that run it. Per file without the project
 * index (calls in the same file only); across the project with it.
 *
 * Lazy: calls are first indexed by the name they are made through (`fetchPreview(...)`,
 * `this.svc.load(...)` gives `load`), a cheap syntax walk done once per file or once per project
 * (`ProjectIndex.memo`); only the calls whose name matches a function's name are resolved, when
 * that function's callers are asked for.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getCalleeName, getPropertyNameText } from '../core/ast.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import { resolveCallTarget } from './call-targets.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

type NameIndex = ReadonlyMap<string, readonly ts.CallExpression[]>;

interface CallSiteState {
  readonly names: NameIndex;
  readonly byFunction: WeakMap<ts.Node, readonly ts.CallExpression[]>;
  /** The calls of one name, resolved once and grouped by the function they run. */
  readonly resolvedByName: Map<string, ReadonlyMap<ts.Node, readonly ts.CallExpression[]>>;
}

const fileStates = new FileScopedWeakMap<ts.SourceFile, CallSiteState>();
const PROJECT_CALL_SITES = {};

function buildNameIndex(tsApi: TsApi, files: readonly ts.SourceFile[]): NameIndex {
  const index = new Map<string, ts.CallExpression[]>();
  for (const file of files) {
    forEachNodeOfKinds(tsApi, file, [tsApi.SyntaxKind.CallExpression], (node) => {
      if (!tsApi.isCallExpression(node) || node.arguments.length === 0) return;
      const name = getCalleeName(tsApi, node);
      if (name === undefined) return;
      let list = index.get(name);
      if (!list) {
        list = [];
        index.set(name, list);
      }
      list.push(node);
    });
  }
  return index;
}

/** The names a function can be called by: its own name, its variable's or property's name. */
function getFunctionNames(tsApi: TsApi, fn: ts.Node): string[] {
  const names: string[] = [];
  if ((tsApi.isFunctionDeclaration(fn) || tsApi.isFunctionExpression(fn)) && fn.name) names.push(fn.name.text);
  if (tsApi.isMethodDeclaration(fn)) {
    const name = getPropertyNameText(tsApi, fn.name);
    if (name !== undefined) names.push(name);
  }
  const parent = fn.parent;
  if (parent && tsApi.isVariableDeclaration(parent) && tsApi.isIdentifier(parent.name)) names.push(parent.name.text);
  if (parent && tsApi.isPropertyAssignment(parent)) {
    const name = getPropertyNameText(tsApi, parent.name);
    if (name !== undefined) names.push(name);
  }
  // exports.probe = function (...) {}, module.exports.probe = ...
  if (parent && tsApi.isBinaryExpression(parent) && tsApi.isPropertyAccessExpression(parent.left)) names.push(parent.left.name.text);
  return names;
}

function getState(tsApi: TsApi, sourceFile: ts.SourceFile, project: ProjectIndex | undefined): CallSiteState {
  if (project) {
    return project.memo(PROJECT_CALL_SITES, () => ({ names: buildNameIndex(tsApi, project.files()), byFunction: new WeakMap(), resolvedByName: new Map() }));
  }
  let state = fileStates.get(sourceFile);
  if (!state) {
    state = { names: buildNameIndex(tsApi, [sourceFile]), byFunction: new WeakMap(), resolvedByName: new Map() };
    fileStates.set(sourceFile, state);
  }
  return state;
}

/**
 * The calls that run `fn`: in `sourceFile` without a project index, in every project file with one.
 * Calls through names the analysis cannot resolve (callbacks stored in variables, dynamic dispatch)
 * are not found.
 */
export function getCallSitesOf(tsApi: TsApi, fn: ts.Node, sourceFile: ts.SourceFile, project: ProjectIndex | undefined): readonly ts.CallExpression[] {
  const state = getState(tsApi, sourceFile, project);
  const known = state.byFunction.get(fn);
  if (known) return known;
  const sites: ts.CallExpression[] = [];
  for (const name of new Set(getFunctionNames(tsApi, fn))) {
    sites.push(...(callsByTarget(tsApi, state, name, project).get(fn) ?? []));
  }
  state.byFunction.set(fn, sites);
  return sites;
}

/**
 * The calls made through `name`, grouped by the function each runs. Resolved once per name: a
 * common method name (`create`, `findAll`) is called thousands of times in a large project, and
 * asking each of its hundreds of declarations to check every one of those calls was quadratic.
 */
function callsByTarget(tsApi: TsApi, state: CallSiteState, name: string, project: ProjectIndex | undefined): ReadonlyMap<ts.Node, readonly ts.CallExpression[]> {
  let groups = state.resolvedByName.get(name);
  if (!groups) {
    const byTarget = new Map<ts.Node, ts.CallExpression[]>();
    for (const call of state.names.get(name) ?? []) {
      const target = resolveCallTarget(tsApi, call, project)?.fn;
      if (!target) continue;
      const list = byTarget.get(target);
      if (list) list.push(call);
      else byTarget.set(target, [call]);
    }
    groups = byTarget;
    state.resolvedByName.set(name, groups);
  }
  return groups;
}
