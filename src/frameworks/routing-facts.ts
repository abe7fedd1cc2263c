/**
 * The routing facts an adapter collects from one file, computed once per `ts.SourceFile` (and per
 * project index in project mode, where adapters may resolve names through the index).
 */
import type * as ts from 'typescript';
import type { FileRoutingFacts } from '../model/facts.js';
import type { FrameworkAdapter, RoutingScope } from './adapter.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

/** Per-file-mode caches, one per adapter (project mode keeps its caches in `ProjectIndex.memo`). */
const fileModeFacts = new FileScopedWeakMap<FrameworkAdapter, WeakMap<ts.SourceFile, FileRoutingFacts>>();

/** The facts `adapter` collects from `file`, computed once per source file (and project index). */
export function getFileRoutingFacts(scope: RoutingScope, file: ts.SourceFile, adapter: FrameworkAdapter): FileRoutingFacts {
  let cache: WeakMap<ts.SourceFile, FileRoutingFacts> | undefined;
  if (scope.project) {
    cache = scope.project.memo(adapter, () => new WeakMap<ts.SourceFile, FileRoutingFacts>());
  } else {
    cache = fileModeFacts.get(adapter);
    if (!cache) {
      cache = new WeakMap();
      fileModeFacts.set(adapter, cache);
    }
  }
  let facts = cache.get(file);
  if (!facts) {
    facts = adapter.collect(scope, file);
    cache.set(file, facts);
  }
  return facts;
}
