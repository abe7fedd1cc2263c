/**
 * How reports name files: relative to the report root (the repository root, or the working
 * folder) with forward slashes, so paths read the same on every machine and fingerprints match;
 * a file outside the root keeps its absolute path.
 */
import path from 'node:path';

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/** A path relative to `root` when inside it, else the absolute path; forward slashes either way. */
export function relativeToRoot(root: string, filePath: string): string {
  const rel = path.relative(root, filePath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return toPosix(filePath);
  return toPosix(rel);
}
