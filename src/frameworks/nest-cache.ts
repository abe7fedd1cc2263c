/**
 * Per-file caches for the Nest model. A file's model depends on the project index when there is
 * one (composed decorators and constants from other files are followed through it), so the cache is
 * a `WeakMap` keyed by the `ts.SourceFile`: one module-level map per model for per-file mode, and
 * one per project index (through `ProjectIndex.memo`) for project mode.
 */
import type * as ts from 'typescript';
import type { NestLookup } from './nest-symbols.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

const fileModeCaches = new FileScopedWeakMap<object, WeakMap<ts.SourceFile, unknown>>();

/** The value `compute` gives for `file`, computed once per file (and per project index). */
export function getPerFileCache<T>(lookup: NestLookup, key: object, file: ts.SourceFile, compute: () => T): T {
  let cache: WeakMap<ts.SourceFile, unknown> | undefined;
  if (lookup.project) {
    cache = lookup.project.memo(key, () => new WeakMap<ts.SourceFile, unknown>());
  } else {
    cache = fileModeCaches.get(key);
    if (!cache) {
      cache = new WeakMap();
      fileModeCaches.set(key, cache);
    }
  }
  if (cache.has(file)) return cache.get(file) as T;
  const value = compute();
  cache.set(file, value);
  return value;
}
