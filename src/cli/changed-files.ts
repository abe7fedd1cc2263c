/**
 * `scan --changed` and `scan --staged`: the source files git reports as changed, so a pre-commit
 * hook or a pull-request job reports only on them while the whole project is still loaded as
 * context. Reads `git` output only: `git` is spawned with fixed arguments and no shell, and a ref
 * given by the user is checked with `git rev-parse --verify` before it is used.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_SKIPPED_DIRECTORIES, isDeclarationFile } from '../project/ignore-rules.js';

/** `changed`: against `HEAD` (or `ref`), plus staged and untracked files; `staged`: the index only. */
export type ChangedFilesMode = { readonly kind: 'changed'; readonly ref?: string } | { readonly kind: 'staged' };

export class ChangedFilesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChangedFilesError';
  }
}

/** Source files api-guard analyzes. */
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
/** The empty tree: what a repository without commits is compared with. */
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

type Git = (args: readonly string[]) => string;

function createGit(cwd: string): Git {
  return (args) => execFileSync('git', [...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function describeFailure(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const text = typeof stderr === 'string' && stderr.trim() ? stderr.trim() : error instanceof Error ? error.message : String(error);
  return text.split('\n')[0]!;
}

function splitNul(output: string): string[] {
  return output.split('\0').filter((p) => p.length > 0);
}

/**
 * The changed source files under `cwd`'s repository (absolute paths of existing files, sorted).
 * Throws `ChangedFilesError` outside a git repository, without git, or for an unknown ref.
 */
export function listChangedFiles(cwd: string, mode: ChangedFilesMode, git: Git = createGit(cwd)): string[] {
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel']).trim();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new ChangedFilesError('--changed and --staged need git, which was not found on the PATH');
    throw new ChangedFilesError(`--${mode.kind} needs a git repository: ${cwd} is not inside one (${describeFailure(error)})`);
  }
  // Paths from git are relative to the repository root when git runs there (whatever diff.relative says).
  if (top !== path.resolve(cwd)) git = createGit(top);
  const names: string[] = [];
  if (mode.kind === 'staged') {
    names.push(...splitNul(git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--no-renames'])));
  } else {
    const base = resolveBase(git, mode.ref);
    names.push(...splitNul(git(['diff', '--name-only', '-z', '--diff-filter=ACMR', '--no-renames', base, '--'])));
    names.push(...splitNul(git(['ls-files', '--others', '--exclude-standard', '-z'])));
  }
  const files = new Set<string>();
  for (const name of names) {
    if (!SOURCE_FILE.test(name) || isDeclarationFile(name)) continue;
    const file = path.resolve(top, name);
    if (existsSync(file) && statSync(file).isFile()) files.add(file);
  }
  return [...files].sort();
}

/** The commit to compare the working tree with: `HEAD`, the user's ref, or the empty tree. */
function resolveBase(git: Git, ref: string | undefined): string {
  if (ref !== undefined) {
    // A ref that looks like an option would be read as one by git.
    if (ref.length === 0 || ref.startsWith('-') || /[\s\0]/u.test(ref)) throw new ChangedFilesError(`--changed=<ref> needs a branch, tag or commit, got "${ref}"`);
    try {
      return git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]).trim();
    } catch {
      throw new ChangedFilesError(`--changed=${ref}: no such branch, tag or commit in this repository`);
    }
  }
  try {
    return git(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']).trim();
  } catch {
    return EMPTY_TREE; // no commit yet: everything staged or untracked is new
  }
}

/**
 * The changed files inside the scan targets (`paths`, relative to `cwd`; default the whole folder),
 * without those a folder scan leaves out (`dist/`, `node_modules/`, ... below the target), even
 * when the repository tracks them.
 */
export function selectChangedTargets(cwd: string, paths: readonly string[], changed: readonly string[]): string[] {
  const scopes = (paths.length > 0 ? paths : ['.']).map((p) => path.resolve(cwd, p));
  return changed.filter((file) =>
    scopes.some((scope) => {
      const rel = path.relative(scope, file);
      if (rel === '') return true;
      if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
      return !rel.split(path.sep).slice(0, -1).some((dir) => DEFAULT_SKIPPED_DIRECTORIES.includes(dir));
    }),
  );
}
