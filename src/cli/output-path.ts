/**
 * Where a report or baseline may be written: a path the user typed on the command line may be
 * absolute (their choice), but a relative one must stay inside the working folder, and a path from
 * a configuration file must stay inside the configuration's folder. Symbolic links in the folder
 * part, and a link at the file itself, are resolved before the check, so a link cannot smuggle a
 * write outside.
 */
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';

export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputPathError';
  }
}

function isInside(base: string, target: string): boolean {
  const rel = path.relative(base, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Where a write to `target` lands: a link at `target` itself is followed (a dangling one too, as
 * writing through it creates its target), else the real path of the nearest existing folder above
 * it with the rest appended.
 */
function realTarget(target: string, hops = 0): string {
  let isLink = false;
  try {
    isLink = lstatSync(target).isSymbolicLink();
  } catch {
    isLink = false;
  }
  if (isLink) {
    try {
      return realpathSync(target);
    } catch {
      // A dangling link (or a loop): where it points, resolved the same way, a few hops at most.
      if (hops >= 8) return target;
      try {
        return realTarget(path.resolve(path.dirname(target), readlinkSync(target)), hops + 1);
      } catch {
        return target;
      }
    }
  }
  let dir = path.dirname(target);
  const rest: string[] = [path.basename(target)];
  while (!existsSync(dir)) {
    rest.unshift(path.basename(dir));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  let real = dir;
  try {
    real = realpathSync(dir);
  } catch {
    real = dir;
  }
  return path.join(real, ...rest);
}

/**
 * Resolves `userPath` given on the command line against `cwd`. Absolute paths are accepted as
 * given; relative ones must resolve inside `cwd` (no `..` escape, no symbolic link leading out).
 */
export function resolveCliOutputPath(userPath: string, cwd: string, what: string): string {
  if (userPath.length === 0) throw new OutputPathError(`${what}: an empty path`);
  if (path.isAbsolute(userPath)) return path.normalize(userPath);
  const resolved = path.resolve(cwd, userPath);
  let realCwd = path.resolve(cwd);
  try {
    realCwd = realpathSync(cwd);
  } catch {
    realCwd = path.resolve(cwd);
  }
  if (!isInside(path.resolve(cwd), resolved) || !isInside(realCwd, realTarget(resolved))) {
    throw new OutputPathError(`${what} "${userPath}" leaves the working folder; give an absolute path to write outside it`);
  }
  return resolved;
}

/** Checks a path that came from a configuration file (already resolved inside its folder) against links. */
export function checkConfigOutputPath(resolved: string, configDirectory: string, what: string): string {
  let realBase = configDirectory;
  try {
    realBase = realpathSync(configDirectory);
  } catch {
    realBase = configDirectory;
  }
  if (!isInside(configDirectory, resolved) || !isInside(realBase, realTarget(resolved))) {
    throw new OutputPathError(`${what} "${resolved}" from the configuration leaves the configuration's folder`);
  }
  return resolved;
}
