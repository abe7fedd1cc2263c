/**
 * Loads one planned project with the TypeScript that ts-morph bundles, syntax first: no type-check,
 * no dependency resolution, no lib files. Each file is read and parsed on its own with
 * `ts.createSourceFile` (ts-morph's `Project.createSourceFile` wraps every file in its own objects,
 * which cost more than parsing and which nothing here reads); a file that cannot be read, is too
 * large or minified, or has syntax errors is recorded with a reason and never stops the others. The
 * shared `ProjectIndex` is built over those `ts.SourceFile`s; a program and its checker are created
 * only on demand (the `typeFallback` setting), over the same file objects.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TsMorph from 'ts-morph';
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getFileSkipReason } from '../core/file-limits.js';
import { toTsApi } from '../core/ts-api.js';
import { createProjectIndex, type ProjectIndex } from './project-index.js';
import { getDefaultAnalysisOptions } from './project-config.js';
import type { ProjectPlan } from './plan-projects.js';
import { readSourceText } from './source-text.js';
import { findOutsideImports } from './outside-imports.js';

/**
 * The TypeScript that ts-morph bundles: the one the CLI parses with and hands to the core. Loaded
 * with `require`: ts-morph is CommonJS, and an ESM `import` of it first scans its source and the
 * modules it re-exports for their export names (about 0.15 s of every `scan` start-up). Nothing
 * here uses ts-morph's own wrappers, so the CLI asks for the TypeScript module it bundles (its
 * `@ts-morph/common` dependency's `typescript.js`, the object `ts-morph`'s `ts` export is) and skips
 * compiling ts-morph's 4 MB of wrappers (about 0.1 s); a ts-morph laid out differently is loaded whole.
 */
export const cliTypeScript: TsApi = toTsApi(loadTsMorphTypeScript());

function loadTsMorphTypeScript(): TsApi {
  const require = createRequire(import.meta.url);
  try {
    const fromTsMorph = createRequire(require.resolve('ts-morph'));
    return fromTsMorph(fromTsMorph.resolve('@ts-morph/common/dist/typescript.js')) as TsApi;
  } catch {
    return (require('ts-morph') as typeof TsMorph).ts as unknown as TsApi;
  }
}

/** The first syntax error of a file, 1-based like ESLint's. */
export interface ParseError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

export interface LoadedFile {
  /** Absolute path. */
  readonly path: string;
  /** The parsed file, when it could be read and is not skipped for size. */
  readonly sourceFile?: ts.SourceFile;
  /** Why the file is not analyzed at all (unreadable, too large, minified). */
  readonly skipReason?: string;
  /** A syntax error: like ESLint, the file is reported with a parsing error and not analyzed. */
  readonly parseError?: ParseError;
  /** Things a person should know about the file (not UTF-8). */
  readonly notes: readonly string[];
}

export interface LoadedProject {
  readonly plan: ProjectPlan;
  readonly ts: TsApi;
  readonly index: ProjectIndex;
  /** The owned files, in plan order: the ones to analyze and report. */
  readonly files: readonly LoadedFile[];
  /** Milliseconds spent reading and parsing. */
  readonly loadMs: number;
}

/** The first parse diagnostic TypeScript recorded while parsing (not part of its public typings). */
function getFirstParseError(tsApi: TsApi, sourceFile: ts.SourceFile): ParseError | undefined {
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics;
  const first = diagnostics?.[0];
  if (!first) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
  return { message: `Parsing error: ${tsApi.flattenDiagnosticMessageText(first.messageText, ' ')}`, line: line + 1, column: character + 1 };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ? `${(error as NodeJS.ErrnoException).code}: ${error.message}` : error.message;
  return String(error);
}

/** Loads the project of `plan`: every context file parsed, the owned ones returned for analysis. */
export function loadProject(plan: ProjectPlan): LoadedProject {
  const started = performance.now();
  const tsApi = cliTypeScript;
  const compilerOptions = plan.config && !plan.config.usedDefaults ? plan.config.compilerOptions : getDefaultAnalysisOptions(tsApi);
  const languageVersion = compilerOptions.target ?? tsApi.ScriptTarget.Latest;

  const owned = new Set(plan.ownedFiles);
  const loaded = new Map<string, LoadedFile>();
  const rawSourceFiles: ts.SourceFile[] = [];
  for (const fileName of plan.contextFiles) {
    const isOwned = owned.has(fileName);
    let text: string;
    let notes: readonly string[];
    try {
      ({ text, notes } = readSourceText(fileName));
    } catch (error) {
      if (isOwned) loaded.set(fileName, { path: fileName, skipReason: `cannot read the file (${describeError(error)})`, notes: [] });
      continue;
    }
    const skipReason = getFileSkipReason(text);
    if (skipReason) {
      if (isOwned) loaded.set(fileName, { path: fileName, skipReason, notes });
      continue;
    }
    let sourceFile: ts.SourceFile;
    try {
      sourceFile = tsApi.createSourceFile(fileName, text, languageVersion, true);
    } catch (error) {
      if (isOwned) loaded.set(fileName, { path: fileName, skipReason: `cannot parse the file (${describeError(error)})`, notes });
      continue;
    }
    rawSourceFiles.push(sourceFile);
    if (isOwned) {
      const parseError = getFirstParseError(tsApi, sourceFile);
      loaded.set(fileName, parseError ? { path: fileName, sourceFile, parseError, notes } : { path: fileName, sourceFile, notes });
    }
  }

  // Imports from outside the config's `include` (a monorepo's `libs/`) are read as context too.
  const known = new Set(plan.contextFiles.map((fileName) => path.resolve(fileName)));
  const outside = findOutsideImports(tsApi, rawSourceFiles, compilerOptions, known, (fileName) => {
    try {
      const { text } = readSourceText(fileName);
      return getFileSkipReason(text) ? undefined : tsApi.createSourceFile(fileName, text, languageVersion, true);
    } catch {
      return undefined;
    }
  });
  rawSourceFiles.push(...outside);

  const index = createProjectIndex({
    ts: tsApi,
    sourceFiles: rawSourceFiles,
    compilerOptions,
    getChecker: () => createProgramOver(tsApi, rawSourceFiles, compilerOptions).getTypeChecker(),
  });
  const files = plan.ownedFiles.map((f) => loaded.get(f) ?? { path: f, skipReason: 'the file could not be loaded', notes: [] });
  return { plan, ts: tsApi, index, files, loadMs: performance.now() - started };
}

/**
 * A program over the already parsed files (the same node objects, so the checker answers about the
 * nodes the analysis holds); other files (declarations of packages) are read from disk as usual.
 */
function createProgramOver(tsApi: TsApi, sourceFiles: readonly ts.SourceFile[], options: ts.CompilerOptions): ts.Program {
  const byName = new Map(sourceFiles.map((file) => [path.resolve(file.fileName), file]));
  const host = tsApi.createCompilerHost(options, true);
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) =>
    byName.get(path.resolve(fileName)) ?? readFromDisk(fileName, languageVersion, onError, shouldCreate);
  return tsApi.createProgram({ rootNames: [...byName.keys()], options: { ...options, noEmit: true }, host });
}

/** A short name for a project in messages: its config relative to `cwd`, or its folder. */
export function describeProject(plan: ProjectPlan, cwd: string): string {
  const target = plan.config ? plan.config.configPath : plan.rootDir;
  const rel = path.relative(cwd, target) || '.';
  return plan.config ? rel : `${rel} (no tsconfig: default options)`;
}
