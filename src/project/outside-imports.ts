/**
 * Source files a project imports from outside its tsconfig's `include`: the shared `libs/` of a Nest
 * monorepo (`apps/api/tsconfig.json` includes `src/**` and imports `libs/auth` through a `paths`
 * alias or a relative path). TypeScript pulls such files into the program; the analysis reads them
 * as context too (never reported from this project), so a guard or router defined there is not taken
 * for an unreadable package. Only relative specifiers and ones a `paths` alias matches are resolved,
 * never packages in `node_modules` or declaration files, and at most `MAX_OUTSIDE_FILES` are added.
 */
import path from 'node:path';
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getFileBindings } from '../core/bindings.js';
import { isAnalyzableFileName } from './discover-files.js';

const MAX_OUTSIDE_FILES = 2000;

/** The files (absolute paths) `sourceFiles` import, transitively, that are not among `known`. */
export function findOutsideImports(
  tsApi: TsApi,
  sourceFiles: readonly ts.SourceFile[],
  compilerOptions: ts.CompilerOptions,
  known: ReadonlySet<string>,
  parse: (fileName: string) => ts.SourceFile | undefined,
): ts.SourceFile[] {
  const aliases = Object.keys(compilerOptions.paths ?? {}).map(toAliasMatcher);
  const cache = tsApi.createModuleResolutionCache(process.cwd(), (name) => name, compilerOptions);
  const seen = new Set(known);
  const added: ts.SourceFile[] = [];
  const queue = [...sourceFiles];
  while (queue.length > 0 && added.length < MAX_OUTSIDE_FILES) {
    const file = queue.shift()!;
    for (const specifier of getModuleSpecifiers(tsApi, file)) {
      if (!specifier.startsWith('.') && !aliases.some((matches) => matches(specifier))) continue;
      // Most relative imports name a file already loaded: found without asking the file system.
      if (specifier.startsWith('.') && isKnownRelative(file.fileName, specifier, seen)) continue;
      let resolved: string | undefined;
      try {
        resolved = tsApi.resolveModuleName(specifier, file.fileName, compilerOptions, tsApi.sys, cache).resolvedModule?.resolvedFileName;
      } catch {
        resolved = undefined;
      }
      if (!resolved || seen.has(resolved) || /[\\/]node_modules[\\/]/.test(resolved) || /\.d\.[cm]?ts$/.test(resolved) || !isAnalyzableFileName(resolved)) continue;
      seen.add(resolved);
      const parsed = parse(resolved);
      if (!parsed) continue;
      added.push(parsed);
      queue.push(parsed);
      if (added.length >= MAX_OUTSIDE_FILES) break;
    }
  }
  return added;
}

function getModuleSpecifiers(tsApi: TsApi, file: ts.SourceFile): string[] {
  const bindings = getFileBindings(tsApi, file);
  const specifiers = new Set<string>();
  for (const binding of bindings.imports.values()) specifiers.add(binding.module);
  for (const binding of bindings.exports) if (binding.from) specifiers.add(binding.from.module);
  return [...specifiers];
}

/** A `paths` key (`libs/*`, `@app/auth`) as a test on specifiers. */
function toAliasMatcher(pattern: string): (specifier: string) => boolean {
  const star = pattern.indexOf('*');
  if (star === -1) return (specifier) => specifier === pattern;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return (specifier) => specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix);
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** `./x.js` written for `./x.ts` under ESM module resolution. */
const SOURCE_FOR_OUTPUT: Record<string, readonly string[]> = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'], '.jsx': ['.tsx'] };

/** True when a relative specifier names one of `known` (as written, with an extension, or as a folder's index). */
function isKnownRelative(from: string, specifier: string, known: ReadonlySet<string>): boolean {
  const base = path.resolve(path.dirname(from), specifier);
  if (known.has(base)) return true;
  const extension = path.extname(base);
  for (const source of SOURCE_FOR_OUTPUT[extension] ?? []) if (known.has(base.slice(0, -extension.length) + source)) return true;
  for (const candidate of EXTENSIONS) {
    if (known.has(base + candidate) || known.has(path.join(base, `index${candidate}`))) return true;
  }
  return false;
}
