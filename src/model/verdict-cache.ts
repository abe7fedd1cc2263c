/**
 * Per-node verdict caches for the classifiers of chain items (auth, rate limiting): one cache per
 * project index and settings object when a project index exists (so a new program starts clean),
 * else one per settings object. Keyed by identity, never by path.
 */
import type * as ts from 'typescript';
import type { ProjectIndex } from '../project/project-index.js';
import type { ResolvedSettings } from '../settings/schema.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface VerdictCacheLookup {
  readonly project?: ProjectIndex;
  readonly settings: ResolvedSettings;
}

/** A function that returns the node-to-verdict cache for a lookup, creating it on first use. */
export function createVerdictCache<Verdict>(): (lookup: VerdictCacheLookup) => WeakMap<ts.Node, Verdict> {
  const fileModeCaches = new FileScopedWeakMap<ResolvedSettings, WeakMap<ts.Node, Verdict>>();
  const projectMemoKeys = new WeakMap<ResolvedSettings, object>();
  return (lookup) => {
    if (lookup.project) {
      let key = projectMemoKeys.get(lookup.settings);
      if (!key) {
        key = {};
        projectMemoKeys.set(lookup.settings, key);
      }
      return lookup.project.memo(key, () => new WeakMap<ts.Node, Verdict>());
    }
    let cache = fileModeCaches.get(lookup.settings);
    if (!cache) {
      cache = new WeakMap();
      fileModeCaches.set(lookup.settings, cache);
    }
    return cache;
  };
}
