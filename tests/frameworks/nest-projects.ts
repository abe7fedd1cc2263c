/**
 * Projects for the Nest model tests: single files (per-file mode), in-memory projects with a
 * project index (project mode), and the `nest-monorepo` fixture app read from disk. Nothing here
 * runs analyzed code.
 */
import * as ts from 'typescript';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createProjectIndex, type ProjectIndex } from '../../src/project/project-index.js';
import type { RoutingScope } from '../../src/frameworks/adapter.js';
import { nestAdapter } from '../../src/frameworks/nest.js';
import type { ResolvedRoute } from '../../src/model/api-model.js';

export const nestMonorepoRoot = fileURLToPath(new URL('../fixtures/apps/nest-monorepo', import.meta.url));

/** One file, parsed the way the ESLint path does it (parents set). */
export function parseNestFile(text: string, fileName = '/app/src/file.ts'): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

export interface TestProject {
  readonly index: ProjectIndex;
  readonly scope: RoutingScope;
  file(name: string): ts.SourceFile;
}

/** An in-memory project: file names are absolute (`/repo/apps/api/src/main.ts`). */
export function createNestProject(files: Record<string, string>, compilerOptions: ts.CompilerOptions = {}): TestProject {
  const sourceFiles = Object.entries(files).map(([name, text]) => parseNestFile(text, name));
  const index = createProjectIndex({
    ts,
    sourceFiles,
    compilerOptions: { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, ...compilerOptions },
    fileExists: (f) => f in files,
  });
  return {
    index,
    scope: { ts, project: index },
    file(name: string): ts.SourceFile {
      const found = sourceFiles.find((s) => s.fileName === name);
      if (!found) throw new Error(`no file ${name} in the test project`);
      return found;
    },
  };
}

/** A project on disk, read through its tsconfig.json (no type-check, no node_modules). */
export function loadNestProjectFromDisk(root: string): TestProject {
  const configPath = path.join(root, 'tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const sourceFiles = parsed.fileNames.map((f) => parseNestFile(ts.sys.readFile(f) ?? '', f));
  const index = createProjectIndex({ ts, sourceFiles, compilerOptions: parsed.options });
  return {
    index,
    scope: { ts, project: index },
    file(name: string): ts.SourceFile {
      const wanted = path.join(root, name).replace(/\\/g, '/');
      const found = sourceFiles.find((s) => s.fileName.replace(/\\/g, '/') === wanted);
      if (!found) throw new Error(`no file ${name} under ${root}`);
      return found;
    },
  };
}

/** The resolved Nest routes of one file. */
export function resolveNestFile(scope: RoutingScope, file: ts.SourceFile): readonly ResolvedRoute[] {
  return nestAdapter.resolveRoutes(scope, file, nestAdapter.collect(scope, file));
}

/** A compact, reviewable line per route: `GET /api/users complete [global:guard:JwtAuthGuard] markers: -`. */
export function describeRoute(route: ResolvedRoute): string {
  const line = route.file.getLineAndCharacterOfPosition(route.route.reportNode.getStart(route.file)).line + 1;
  const chain = route.chain
    .map((c) => `${c.level}:${c.role}:${c.text}${c.bypassedBy ? ` (bypassed by ${c.bypassedBy})` : ''}${c.opaque ? ' (opaque)' : ''}`)
    .join(', ');
  const markers = route.route.publicMarkers.length > 0 ? route.route.publicMarkers.join(' ') : '-';
  return `L${line} ${route.methods.join(',')} ${route.fullPath} ${route.complete ? 'complete' : 'incomplete'} [${chain}] markers: ${markers}`;
}
