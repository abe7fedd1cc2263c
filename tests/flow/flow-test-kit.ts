/**
 * Builds analysis contexts for engine tests: one file (per-file mode) or several files with a
 * project index (project mode), and a tiny spec whose sink is `sink(x)` and whose guard is `isOk(x)`.
 */
import * as ts from 'typescript';
import { createAnalysisContext, type AnalysisContext } from '../../src/core/context.js';
import { createProjectIndex } from '../../src/project/project-index.js';
import { DEFAULT_SETTINGS, resolveSettings, type ApiGuardSettings } from '../../src/settings/schema.js';
import type { FlowSpec } from '../../src/flow/engine.js';

export function fileContext(text: string, fileName = '/app/src/file.ts', settings?: ApiGuardSettings): AnalysisContext {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  return createAnalysisContext({ ts, sourceFile, settings: settings ? resolveSettings(settings) : DEFAULT_SETTINGS });
}

export function projectContexts(files: Record<string, string>): (fileName: string) => AnalysisContext {
  const sourceFiles = Object.entries(files).map(([name, text]) => ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true));
  const project = createProjectIndex({
    ts,
    sourceFiles,
    compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: true },
    fileExists: (f) => f in files,
  });
  return (fileName) =>
    createAnalysisContext({ ts, sourceFile: sourceFiles.find((s) => s.fileName === fileName)!, settings: DEFAULT_SETTINGS, project });
}

/** Sink: the first argument of a global `sink(...)`; guard: `isOk(x)` true; barrier: `clean(x)`. */
export function toySpec(overrides: Partial<FlowSpec> = {}): FlowSpec {
  return {
    id: 'toy',
    sources: { request: 'all' },
    sinks(node, api) {
      if (!api.ts.isCallExpression(node) || !api.ts.isIdentifier(node.expression) || node.expression.text !== 'sink') return [];
      const arg = node.arguments[0];
      return arg ? [{ node, expression: arg, label: 'sink', role: 'URL' }] : [];
    },
    isBarrier(expr, api) {
      return api.ts.isCallExpression(expr) && api.ts.isIdentifier(expr.expression) && expr.expression.text === 'clean';
    },
    barrierGuard(cond, api) {
      if (api.ts.isCallExpression(cond) && api.ts.isIdentifier(cond.expression) && cond.expression.text === 'isOk' && cond.arguments[0]) {
        return { checked: cond.arguments[0], when: true };
      }
      return undefined;
    },
    ...overrides,
  };
}
