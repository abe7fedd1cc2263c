/**
 * The analysis context: everything the core needs to look at one file, whichever front end
 * (ESLint untyped, ESLint typed, or the ts-morph CLI) produced it.
 *
 * The core never imports `typescript` as a value. The front end hands over the `ts` namespace that
 * produced the nodes, because SyntaxKind numbers differ between TypeScript versions.
 */
import type * as ts from 'typescript';
import type { ProjectIndex } from '../project/project-index.js';
import type { ResolvedSettings } from '../settings/schema.js';

import type { TsApi } from './ts-api.js';

export type { TsApi } from './ts-api.js';

/** Which analysis a run is allowed to do. */
export type AnalysisMode = 'file' | 'project';

export interface AnalysisContext {
  /** The TypeScript namespace that produced `sourceFile`. */
  readonly ts: TsApi;
  /** The file under analysis, with parent pointers set. */
  readonly sourceFile: ts.SourceFile;
  /** Normalized settings (`settings['api-guard']` or `api-guard.config.json`). */
  readonly settings: ResolvedSettings;
  /** The whole-program index, when a program exists (typed linting or the CLI). */
  readonly project?: ProjectIndex;
  /** The type checker, created lazily; `undefined` without a program. */
  getChecker(): ts.TypeChecker | undefined;
}

/** Builds a context for one file of a project (or for a single file when `project` is absent). */
export function createAnalysisContext(options: {
  ts: TsApi;
  sourceFile: ts.SourceFile;
  settings: ResolvedSettings;
  project?: ProjectIndex;
  getChecker?: () => ts.TypeChecker | undefined;
}): AnalysisContext {
  const { ts, sourceFile, settings, project } = options;
  let checker: ts.TypeChecker | undefined | null = null;
  return {
    ts,
    sourceFile,
    settings,
    project,
    getChecker(): ts.TypeChecker | undefined {
      if (checker === null) {
        try {
          checker = options.getChecker?.() ?? project?.getChecker();
        } catch {
          checker = undefined;
        }
      }
      return checker ?? undefined;
    },
  };
}
