/**
 * The reverse call graph: for a function, the calls that run it. Per file without the project
 * index (calls in the same file only); across the project with it, built once per index through
 * `ProjectIndex.memo` (a syntax walk of every project file, no type checking).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { walkDescendants } from '../core/walk.js';
import { resolveCallTarget } from './call-targets.js';

export type CallSiteIndex = ReadonlyMap<ts.Node, readonly ts.CallExpression[]>;

const fileIndexes = new WeakMap<ts.SourceFile, CallSiteIndex>();
const PROJECT_CALL_SITES = {};

/** Calls in `files` by the function they run. */
function buildIndex(tsApi: TsApi, files: readonly ts.SourceFile[], project: ProjectIndex | undefined): CallSiteIndex {
  const index = new Map<ts.Node, ts.CallExpression[]>();
  for (const file of files) {
    walkDescendants(tsApi, file, (node) => {
      if (!tsApi.isCallExpression(node) || node.arguments.length === 0) return;
      const target = resolveCallTarget(tsApi, node, project);
      if (!target) return;
      let list = index.get(target.fn);
      if (!list) {
        list = [];
        index.set(target.fn, list);
      }
      list.push(node);
    });
  }
  return index;
}

/** The call sites index for the analysis: the whole project with an index, one file without. */
export function getCallSiteIndex(tsApi: TsApi, sourceFile: ts.SourceFile, project: ProjectIndex | undefined): CallSiteIndex {
  if (project) return project.memo(PROJECT_CALL_SITES, () => buildIndex(tsApi, project.files(), project));
  let index = fileIndexes.get(sourceFile);
  if (!index) {
    index = buildIndex(tsApi, [sourceFile], undefined);
    fileIndexes.set(sourceFile, index);
  }
  return index;
}
