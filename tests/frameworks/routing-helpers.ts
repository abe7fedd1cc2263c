/**
 * Helpers for the routing model tests: in-memory files (per-file mode) and in-memory projects
 * (project mode), and a printable summary of resolved routes with their posture.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ts from 'typescript';
import { createAnalysisContext, type AnalysisContext } from '../../src/core/context.js';
import { getStartLine } from '../../src/core/ast.js';
import type { ResolvedRoute } from '../../src/model/api-model.js';
import { getRoutePosture } from '../../src/model/posture.js';
import { getApiModel, getProjectRoutes } from '../../src/model/resolve-api-model.js';
import { createProjectIndex, type ProjectIndex } from '../../src/project/project-index.js';
import { DEFAULT_SETTINGS, resolveSettings, type ApiGuardSettings } from '../../src/settings/schema.js';

function scriptKind(fileName: string): ts.ScriptKind {
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** A per-file context for `text`. */
export function fileContext(text: string, fileName = '/app/src/file.ts', settings: ApiGuardSettings = {}): AnalysisContext {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  return createAnalysisContext({ ts, sourceFile, settings: resolveSettings(settings) });
}

/** The resolved routes of one file, per-file mode. */
export function fileRoutes(text: string, fileName = '/app/src/file.ts'): readonly ResolvedRoute[] {
  return getApiModel(fileContext(text, fileName));
}

/** An in-memory project over `files` (absolute paths). */
export function memoryProject(files: Record<string, string>): { index: ProjectIndex; file(name: string): ts.SourceFile } {
  const sourceFiles = Object.entries(files).map(([name, text]) => ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true, scriptKind(name)));
  const index = createProjectIndex({
    ts,
    sourceFiles,
    compilerOptions: { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, allowJs: true },
    fileExists: (f) => f in files,
  });
  return { index, file: (name: string) => sourceFiles.find((s) => s.fileName === name)! };
}

/** A project over every source file under `root` (fixture apps), read from disk. */
export function diskProject(root: string): ProjectIndex {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (/\.(?:[cm]?[jt]s)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files[full] = readFileSync(full, 'utf8');
      }
    }
  };
  walk(root);
  return memoryProject(files).index;
}

/** One line per resolved route: `GET /api/users [requireAuth] protected (line 12)`. */
export function describeRoute(route: ResolvedRoute, source: AnalysisContext | ProjectIndex, settings = DEFAULT_SETTINGS): string {
  const posture = getRoutePosture(source, route, settings);
  const chain = route.chain.map((item) => `${item.text}${item.opaque ? '(?)' : ''}${item.conditional ? '(~)' : ''}`).join(', ');
  const line = getStartLine(route.file, route.route.reportNode);
  return `${route.methods.join(',')} ${route.fullPath} [${chain}] ${posture.posture}${route.complete ? '' : ' (incomplete)'} @${relativeName(route.file.fileName)}:${line}`;
}

/** Every route of a project, described, sorted by file and line. */
export function describeProject(index: ProjectIndex, settings = DEFAULT_SETTINGS): string[] {
  return getProjectRoutes(index).map((route) => describeRoute(route, index, settings)).sort();
}

/** `file.ts:line` of every finding of a rule over a project (each file with the project index). */
export function projectFindings(index: ProjectIndex, detect: (ctx: AnalysisContext, options: never) => readonly { node: ts.Node }[], options: unknown, settings: ApiGuardSettings = {}): string[] {
  const resolved = resolveSettings(settings);
  const out: string[] = [];
  for (const sourceFile of index.files()) {
    const ctx = createAnalysisContext({ ts, sourceFile, settings: resolved, project: index });
    for (const finding of detect(ctx, options as never)) out.push(`${relativeName(sourceFile.fileName)}:${getStartLine(sourceFile, finding.node)}`);
  }
  return out.sort();
}

/** `file.ts:line` of every finding of a rule, each file linted alone (per-file mode). */
export function perFileFindings(index: ProjectIndex, detect: (ctx: AnalysisContext, options: never) => readonly { node: ts.Node }[], options: unknown, settings: ApiGuardSettings = {}): string[] {
  const resolved = resolveSettings(settings);
  const out: string[] = [];
  for (const file of index.files()) {
    const sourceFile = ts.createSourceFile(file.fileName, file.text, ts.ScriptTarget.Latest, true, scriptKind(file.fileName));
    const ctx = createAnalysisContext({ ts, sourceFile, settings: resolved });
    for (const finding of detect(ctx, options as never)) out.push(`${relativeName(sourceFile.fileName)}:${getStartLine(sourceFile, finding.node)}`);
  }
  return out.sort();
}

/** `file.ts:line` of every `// $ <rule>` expectation comment under a fixture app's root. */
export function expectedLines(index: ProjectIndex, rule: string): string[] {
  const out: string[] = [];
  for (const file of index.files()) {
    file.text.split('\n').forEach((line, i) => {
      if (line.includes(`// $ ${rule}`)) out.push(`${relativeName(file.fileName)}:${i + 1}`);
    });
  }
  return out.sort();
}

function relativeName(fileName: string): string {
  const marker = fileName.lastIndexOf('/src/');
  return marker === -1 ? path.basename(fileName) : fileName.slice(marker + 1);
}
