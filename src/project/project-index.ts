/**
 * The whole-program index: the project's source files, import resolution between them, export
 * lookup, a lazy checker, and a memo for derived cross-file facts (mount graph, global guards,
 * function summaries). Built once per `ts.Program` (typed linting) or once per ts-morph project
 * (the CLI), and shared by identity. It never imports ts-morph, so the ESLint path can use it.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getFileBindings, type ExportBinding } from '../core/bindings.js';

/** Where an exported name leads: the file and the exported node (declaration or expression). */
export interface ResolvedExport {
  readonly file: ts.SourceFile;
  readonly binding: ExportBinding;
  /** The declaration of `binding.local` in `file`, when it names a top-level declaration. */
  readonly declaration?: ts.Node;
}

export interface ProjectIndex {
  readonly ts: TsApi;
  readonly compilerOptions: ts.CompilerOptions;
  /** The project's own source files (no declaration files, nothing under node_modules). */
  files(): readonly ts.SourceFile[];
  getSourceFile(fileName: string): ts.SourceFile | undefined;
  /** The project file an import specifier written in `from` refers to, if it is one of ours. */
  resolveImport(from: ts.SourceFile, specifier: string): ts.SourceFile | undefined;
  /** A JSON file imported with a relative specifier (`import schema from './body.json' with { type: 'json' }`), parsed, never evaluated. */
  resolveJsonImport(from: ts.SourceFile, specifier: string): ts.JsonSourceFile | undefined;
  /** What `exportedName` of `file` refers to, following re-exports (`export { a } from`, `export *`). */
  resolveExport(file: ts.SourceFile, exportedName: string): ResolvedExport | undefined;
  /** The lazily created type checker, when the host can make one. */
  getChecker(): ts.TypeChecker | undefined;
  /** Computes a derived fact once per index. */
  memo<T>(key: object, compute: () => T): T;
}

export interface ProjectIndexOptions {
  readonly ts: TsApi;
  readonly sourceFiles: readonly ts.SourceFile[];
  readonly compilerOptions: ts.CompilerOptions;
  readonly getChecker?: () => ts.TypeChecker | undefined;
  /** Whether a file on disk exists (defaults to `ts.sys.fileExists`). */
  readonly fileExists?: (fileName: string) => boolean;
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** The largest `.json` import read as a value (a request schema); larger files are left unread. */
const MAX_JSON_IMPORT_CHARS = 512 * 1024;

/** Normalizes a path for map keys: forward slashes. */
function normalizePath(fileName: string): string {
  return fileName.replace(/\\/g, '/');
}

/** True for files the index analyzes: not declarations and not dependencies. */
export function isProjectSourceFile(sourceFile: ts.SourceFile): boolean {
  const name = normalizePath(sourceFile.fileName);
  return !sourceFile.isDeclarationFile && !name.includes('/node_modules/');
}

function remembered(answers: Map<string, boolean>, key: string, ask: () => boolean): boolean {
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = ask();
    answers.set(key, answer);
  }
  return answer;
}

export function createProjectIndex(options: ProjectIndexOptions): ProjectIndex {
  const { ts: tsApi, compilerOptions } = options;
  const byName = new Map<string, ts.SourceFile>();
  for (const sf of options.sourceFiles) {
    if (isProjectSourceFile(sf)) byName.set(normalizePath(sf.fileName), sf);
  }
  const files = [...byName.values()];
  /** Per folder and bare specifier: what module resolution found. */
  const resolutionCache = new Map<string, ts.SourceFile | null>();
  /** Per importing file and specifier: what `resolveImport` answered. */
  const importsByFile = new WeakMap<ts.SourceFile, Map<string, ts.SourceFile | null>>();
  const memos = new WeakMap<object, unknown>();
  /** Per path: the parsed JSON file a `.json` import names, or null (missing, too large, not an object or array). */
  const jsonFiles = new Map<string, ts.JsonSourceFile | null>();
  let checker: ts.TypeChecker | undefined | null = null;
  const fileExists = options.fileExists ?? ((f: string) => byName.has(normalizePath(f)) || tsApi.sys.fileExists(f));

  // Module resolution asks about the same `node_modules` folders from every folder of the project:
  // remember what the file system said (the analysis never writes, so the answers hold for a run).
  const existingFiles = new Map<string, boolean>();
  const existingDirectories = new Map<string, boolean>();
  const host: ts.ModuleResolutionHost = {
    fileExists: (f) => remembered(existingFiles, f, () => fileExists(f)),
    readFile: (f) => tsApi.sys.readFile(f),
    directoryExists: (d) => remembered(existingDirectories, d, () => tsApi.sys.directoryExists?.(d) ?? true),
    realpath: (p) => tsApi.sys.realpath?.(p) ?? p,
    getCurrentDirectory: () => tsApi.sys.getCurrentDirectory(),
  };
  const moduleResolutionCache = tsApi.createModuleResolutionCache(tsApi.sys.getCurrentDirectory(), (f) => f, compilerOptions);

  // What a bare specifier resolves to changes only at a folder that holds `node_modules` or a
  // `package.json` (a nested package, `imports`, a self-reference); between two such folders every
  // folder gives the same answer. Classic resolution looks for the file itself in each folder, so
  // there the scope is the folder.
  const classic = (tsApi as { getEmitModuleResolutionKind?: (o: ts.CompilerOptions) => ts.ModuleResolutionKind }).getEmitModuleResolutionKind?.(compilerOptions) === tsApi.ModuleResolutionKind.Classic;
  const scopes = new Map<string, string>();
  const scopeOf = (dir: string): string => {
    if (classic) return dir;
    const known = scopes.get(dir);
    if (known !== undefined) return known;
    const parent = dir.replace(/\/[^/]*$/, '');
    const isBoundary = parent === dir || parent === '' || host.directoryExists!(`${dir}/node_modules`) || host.fileExists(`${dir}/package.json`);
    const scope = isBoundary ? dir : scopeOf(parent);
    scopes.set(dir, scope);
    return scope;
  };

  const resolveRelative = (from: ts.SourceFile, specifier: string): ts.SourceFile | undefined => {
    const dir = normalizePath(from.fileName).replace(/\/[^/]*$/, '');
    const joined = joinPath(dir, specifier);
    const stem = joined.replace(/\.(c|m)?js$/, '').replace(/\.jsx$/, '');
    const candidates = [joined, ...SOURCE_EXTENSIONS.map((e) => stem + e), ...SOURCE_EXTENSIONS.map((e) => `${joined}/index${e}`)];
    for (const candidate of candidates) {
      const hit = byName.get(candidate);
      if (hit) return hit;
    }
    return undefined;
  };

  const index: ProjectIndex = {
    ts: tsApi,
    compilerOptions,
    files: () => files,
    getSourceFile: (fileName) => byName.get(normalizePath(fileName)),
    resolveImport(from, specifier) {
      let fromFile = importsByFile.get(from);
      if (!fromFile) {
        fromFile = new Map();
        importsByFile.set(from, fromFile);
      }
      const cached = fromFile.get(specifier);
      if (cached !== undefined) return cached ?? undefined;
      let result: ts.SourceFile | undefined;
      if (specifier.startsWith('.')) result = resolveRelative(from, specifier);
      if (!result) {
        // A bare specifier resolves the same from every file of a package scope (`express` from each
        // router): ask TypeScript, which searches `node_modules` folders up to the root, once per scope.
        const byFolder = specifier.startsWith('.') ? undefined : `${scopeOf(normalizePath(from.fileName).replace(/\/[^/]*$/, ''))}\u0001${specifier}`;
        const known = byFolder === undefined ? undefined : resolutionCache.get(byFolder);
        if (known !== undefined) {
          result = known ?? undefined;
        } else {
          try {
            const resolved = tsApi.resolveModuleName(specifier, from.fileName, compilerOptions, host, moduleResolutionCache).resolvedModule;
            // A workspace package linked into `node_modules` counts as an external library to
            // TypeScript, but its real path is one of ours when the project includes its sources.
            if (resolved) result = byName.get(normalizePath(resolved.resolvedFileName));
          } catch {
            result = undefined;
          }
          if (byFolder !== undefined) resolutionCache.set(byFolder, result ?? null);
        }
      }
      fromFile.set(specifier, result ?? null);
      return result;
    },
    resolveJsonImport(from, specifier) {
      if (!specifier.startsWith('.') || !/\.json$/i.test(specifier)) return undefined;
      const fileName = joinPath(normalizePath(from.fileName).replace(/\/[^/]*$/, ''), specifier);
      if (fileName.includes('/node_modules/')) return undefined;
      if (jsonFiles.has(fileName)) return jsonFiles.get(fileName) ?? undefined;
      let parsed: ts.JsonSourceFile | undefined;
      try {
        const text = host.fileExists(fileName) ? host.readFile(fileName) : undefined;
        // A schema is small; a large data file is not worth parsing for one.
        const file = text === undefined || text.length > MAX_JSON_IMPORT_CHARS ? undefined : tsApi.parseJsonText(fileName, text);
        const first = file?.statements[0];
        parsed = first && tsApi.isExpressionStatement(first) ? file : undefined;
      } catch {
        parsed = undefined;
      }
      jsonFiles.set(fileName, parsed ?? null);
      return parsed;
    },
    resolveExport(file, exportedName) {
      return resolveExportIn(file, exportedName, new Set());
    },
    getChecker() {
      if (checker === null) {
        try {
          checker = options.getChecker?.();
        } catch {
          checker = undefined;
        }
      }
      return checker ?? undefined;
    },
    memo<T>(key: object, compute: () => T): T {
      if (memos.has(key)) return memos.get(key) as T;
      const value = compute();
      memos.set(key, value);
      return value;
    },
  };

  function resolveExportIn(file: ts.SourceFile, exportedName: string, seen: Set<string>): ResolvedExport | undefined {
    const visitKey = `${file.fileName}#${exportedName}`;
    if (seen.has(visitKey)) return undefined; // export cycles end here
    seen.add(visitKey);
    const bindings = getFileBindings(tsApi, file);
    const direct = bindings.exports.filter((e) => e.exported === exportedName);
    for (const binding of direct) {
      if (binding.from) {
        const target = index.resolveImport(file, binding.from.module);
        if (!target) continue;
        const hit = binding.from.imported === '*' ? undefined : resolveExportIn(target, binding.from.imported, seen);
        if (hit) return hit;
        continue;
      }
      const declaration = binding.local ? bindings.declarations.get(binding.local) : undefined;
      // `export { x }` where x is itself imported: follow the import.
      if (!declaration && binding.local) {
        const imported = bindings.imports.get(binding.local);
        if (imported) {
          const target = index.resolveImport(file, imported.module);
          const hit = target ? resolveExportIn(target, imported.imported, seen) : undefined;
          if (hit) return hit;
        }
      }
      return { file, binding, declaration };
    }
    for (const star of bindings.exports) {
      if (star.exported !== '*' || !star.from) continue;
      const target = index.resolveImport(file, star.from.module);
      const hit = target ? resolveExportIn(target, exportedName, seen) : undefined;
      if (hit) return hit;
    }
    return undefined;
  }

  return index;
}

function joinPath(dir: string, relative: string): string {
  const parts = dir.split('/');
  for (const segment of relative.split('/')) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

const programIndexes = new WeakMap<ts.Program, ProjectIndex>();

/** The index of a `ts.Program` (typed linting), built once per program. */
export function getProjectIndexForProgram(tsApi: TsApi, program: ts.Program): ProjectIndex {
  let index = programIndexes.get(program);
  if (!index) {
    index = createProjectIndex({
      ts: tsApi,
      sourceFiles: program.getSourceFiles(),
      compilerOptions: program.getCompilerOptions(),
      getChecker: () => program.getTypeChecker(),
    });
    programIndexes.set(program, index);
  }
  return index;
}
