/**
 * Finds what a scan target holds: the source files to analyze and the project configs
 * (`tsconfig.json`, `jsconfig.json`) that say how to read them. An iterative walk that never follows
 * symbolic links to folders (no cycles) and leaves ignored folders unopened.
 */
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { IgnoreRules } from './ignore-rules.js';

/** Extensions the CLI analyzes. */
export const SOURCE_FILE_EXTENSIONS: readonly string[] = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Names of project configs, in order of preference within one folder. */
export const PROJECT_CONFIG_NAMES: readonly string[] = ['tsconfig.json', 'jsconfig.json'];

export interface DiscoveredFiles {
  /** Absolute paths of source files, sorted. */
  readonly sourceFiles: readonly string[];
  /** Absolute paths of project configs, sorted. */
  readonly configFiles: readonly string[];
  /** Folders that could not be read, with the reason. */
  readonly unreadable: readonly { readonly path: string; readonly reason: string }[];
}

/** True for a file name the CLI analyzes (by extension; declaration files excluded elsewhere). */
export function isAnalyzableFileName(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return SOURCE_FILE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** Walks `root` (a folder) and returns the source files and project configs under it. */
export function discoverFiles(root: string, ignoreRules: IgnoreRules): DiscoveredFiles {
  const sourceFiles: string[] = [];
  const configFiles: string[] = [];
  const unreadable: { path: string; reason: string }[] = [];
  const stack: string[] = [path.resolve(root)];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ path: dir, reason: error instanceof Error ? error.message : String(error) });
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // A linked file is read; a linked folder is not entered (it may loop or leave the tree).
        try {
          const stat = statSync(full);
          isFile = stat.isFile();
          isDirectory = false;
        } catch {
          continue;
        }
      }
      if (isDirectory) {
        if (!ignoreRules.isIgnored(full, true)) stack.push(full);
      } else if (isFile) {
        if (PROJECT_CONFIG_NAMES.includes(entry.name)) {
          if (!ignoreRules.isIgnored(full, false)) configFiles.push(full);
        } else if (isAnalyzableFileName(entry.name) && !ignoreRules.isIgnored(full, false)) {
          sourceFiles.push(full);
        }
      }
    }
  }
  sourceFiles.sort();
  configFiles.sort();
  return { sourceFiles, configFiles, unreadable };
}
