/**
 * Which string literals of a file end up in a credential sink: in the same file (a literal passed
 * directly, or through a constant or a config object), and, with a project index, from any file of
 * the project that imports this file's constants. A literal is reported in its own file, so the
 * cross-file answer is computed once per project and handed out per file.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getCredentialUses, type CredentialUse } from './credential-uses.js';
import { resolveStringOrigins, type StringLiteralNode, type StringOrigin } from './string-origins.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

/** A literal that reaches a credential sink. */
export interface CredentialHit {
  readonly use: CredentialUse;
  /** The file of the sink (another file in project mode). */
  readonly useFile: ts.SourceFile;
  readonly origin: StringOrigin;
}

/** Per project (or per-file mode): the hits of each file, which the file's own run and the project-wide pass both read. */
const hitsCaches = new FileScopedWeakMap<object, WeakMap<ts.SourceFile, readonly CredentialHit[]>>();
const FILE_MODE = {};

/** The hits of the uses in `file`, wherever their literals are. */
function hitsOfFile(tsApi: TsApi, file: ts.SourceFile, project: ProjectIndex | undefined): readonly CredentialHit[] {
  const key = project ?? FILE_MODE;
  let cache = hitsCaches.get(key);
  if (!cache) {
    cache = new WeakMap();
    hitsCaches.set(key, cache);
  }
  let hits = cache.get(file);
  if (!hits) {
    hits = collectHitsOfFile(tsApi, file, project);
    cache.set(file, hits);
  }
  return hits;
}

function collectHitsOfFile(tsApi: TsApi, file: ts.SourceFile, project: ProjectIndex | undefined): CredentialHit[] {
  const hits: CredentialHit[] = [];
  for (const use of getCredentialUses(tsApi, file)) {
    for (const path of use.paths) {
      for (const origin of resolveStringOrigins(tsApi, file, use.argument, path, project)) {
        hits.push({ use, useFile: file, origin });
      }
    }
  }
  return hits;
}

/** Memo key of the project-wide map from a file to the hits whose literal it holds and whose sink is elsewhere. */
const CROSS_FILE_HITS_KEY = {};

function crossFileHits(tsApi: TsApi, project: ProjectIndex): ReadonlyMap<ts.SourceFile, readonly CredentialHit[]> {
  return project.memo(CROSS_FILE_HITS_KEY, () => {
    const byFile = new Map<ts.SourceFile, CredentialHit[]>();
    for (const file of project.files()) {
      for (const hit of hitsOfFile(tsApi, file, project)) {
        if (hit.origin.file === file) continue;
        const list = byFile.get(hit.origin.file);
        if (list) list.push(hit);
        else byFile.set(hit.origin.file, [hit]);
      }
    }
    return byFile;
  });
}

/**
 * The literals of `sourceFile` that reach a credential sink, each with the first sink found (same
 * file first). With `project`, sinks in other files that import this file's values count too.
 */
export function getCredentialHits(tsApi: TsApi, sourceFile: ts.SourceFile, project: ProjectIndex | undefined): Map<StringLiteralNode, CredentialHit> {
  const result = new Map<StringLiteralNode, CredentialHit>();
  for (const hit of hitsOfFile(tsApi, sourceFile, project)) {
    if (hit.origin.file === sourceFile && !result.has(hit.origin.literal)) result.set(hit.origin.literal, hit);
  }
  if (project) {
    const own = project.files().includes(sourceFile) ? crossFileHits(tsApi, project).get(sourceFile) : undefined;
    for (const hit of own ?? []) {
      if (!result.has(hit.origin.literal)) result.set(hit.origin.literal, hit);
    }
  }
  return result;
}
