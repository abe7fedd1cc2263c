/**
 * Which paths a scan leaves out: dependency folders and build output by default, `.gitignore` files
 * (nested, with git's semantics), the config file's `ignores` and `--ignore` patterns. A path is
 * ignored when it or any folder above it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folders never entered unless a user names one as a scan target. */
export const DEFAULT_SKIPPED_DIRECTORIES: readonly string[] = [
  'node_modules',
  'dist',
  'build',
  'out',
  'coverage',
  '.git',
  '.hg',
  '.svn',
  '.next',
  '.nuxt',
  '.output',
  '.turbo',
  '.cache',
  '.serverless',
  '.aws-sam',
];

/** A set of gitignore-style patterns read relative to `base`. */
export interface IgnorePatternSet {
  readonly base: string;
  readonly patterns: readonly string[];
}

export interface IgnoreRules {
  /** True when `absolutePath` (a file, or a folder when `isDirectory`) is left out of the scan. */
  isIgnored(absolutePath: string, isDirectory: boolean): boolean;
}

export interface IgnoreRulesOptions {
  /** Folders from which `.gitignore` files apply (the repository root or the scan target). */
  readonly gitignoreRoots: readonly string[];
  /** Extra pattern sets: `--ignore` (relative to the working directory) and the config's `ignores`. */
  readonly patternSets: readonly IgnorePatternSet[];
  /** Paths the user named explicitly: never ignored by the default folder list. */
  readonly explicitTargets?: readonly string[];
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** `child` relative to `base` in posix form, or `undefined` when `child` is not inside `base`. */
function relativeInside(base: string, child: string): string | undefined {
  const rel = path.relative(base, child);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return toPosix(rel);
}

/** True for TypeScript declaration files, which hold no code to analyze. */
export function isDeclarationFile(fileName: string): boolean {
  return /\.d\.(c|m)?ts$/.test(fileName) || /\.d\.[^./]+\.ts$/.test(fileName);
}

export function createIgnoreRules(options: IgnoreRulesOptions): IgnoreRules {
  const gitignoreByDir = new Map<string, Ignore | null>();
  const dirVerdicts = new Map<string, boolean>();
  const explicit = new Set((options.explicitTargets ?? []).map((t) => path.resolve(t)));
  const roots = options.gitignoreRoots.map((r) => path.resolve(r));
  const sets = options.patternSets
    .filter((s) => s.patterns.length > 0)
    .map((s) => ({ base: path.resolve(s.base), matcher: ignore({ allowRelativePaths: true }).add([...s.patterns]) }));

  const gitignoreOf = (dir: string): Ignore | null => {
    let cached = gitignoreByDir.get(dir);
    if (cached === undefined) {
      cached = null;
      const file = path.join(dir, '.gitignore');
      try {
        if (existsSync(file)) cached = ignore().add(readFileSync(file, 'utf8'));
      } catch {
        cached = null; // an unreadable .gitignore ignores nothing
      }
      gitignoreByDir.set(dir, cached);
    }
    return cached;
  };

  /** The verdict for one path on its own (its parents are checked separately). */
  const ownVerdict = (absolutePath: string, isDirectory: boolean): boolean => {
    const name = path.basename(absolutePath);
    if (!explicit.has(absolutePath)) {
      if (isDirectory && DEFAULT_SKIPPED_DIRECTORIES.includes(name)) return true;
      if (!isDirectory && isDeclarationFile(name)) return true;
    }
    const suffix = isDirectory ? '/' : '';
    for (const root of roots) {
      // .gitignore files of every folder from the root down to the path's parent.
      const rel = relativeInside(root, absolutePath);
      if (rel === undefined) continue;
      const parts = rel.split('/');
      let dir = root;
      for (let i = 0; i < parts.length; i++) {
        const matcher = gitignoreOf(dir);
        if (matcher && matcher.ignores(parts.slice(i).join('/') + suffix)) return true;
        dir = path.join(dir, parts[i]!);
      }
    }
    for (const set of sets) {
      const rel = relativeInside(set.base, absolutePath);
      if (rel !== undefined && set.matcher.ignores(rel + suffix)) return true;
    }
    return false;
  };

  // Folders at or above a boundary (a scan target, a root) are never judged: a project that lives
  // under a folder named `build` is still scanned.
  const boundaries = [...explicit, ...roots];
  const isInsideBoundary = (dir: string): boolean => boundaries.some((b) => relativeInside(b, dir) !== undefined);

  const isDirIgnored = (dir: string): boolean => {
    const cached = dirVerdicts.get(dir);
    if (cached !== undefined) return cached;
    let verdict = false;
    if (!explicit.has(dir) && isInsideBoundary(dir)) {
      verdict = isDirIgnored(path.dirname(dir)) || ownVerdict(dir, true);
    }
    dirVerdicts.set(dir, verdict);
    return verdict;
  };

  return {
    isIgnored(absolutePath: string, isDirectory: boolean): boolean {
      const resolved = path.resolve(absolutePath);
      if (isDirectory) return isDirIgnored(resolved);
      if (!explicit.has(resolved) && isDirIgnored(path.dirname(resolved))) return true;
      return ownVerdict(resolved, false);
    },
  };
}
