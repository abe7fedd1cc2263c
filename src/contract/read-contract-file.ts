/**
 * Reads an OpenAPI document from disk, for the CLI and for `no-undocumented-route` inside ESLint.
 * An editor lints the same files again and again: the parsed contract is kept per absolute path and
 * reused while the file's modification time and size stay the same. A missing or invalid document
 * is an answer (`ok: false` with a message), never an exception. Only local files are read; `$ref`s
 * to other local files are followed (relative to the document), remote ones never.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ContractError, MAX_DOCUMENT_BYTES, parseOpenApiDocument, type ApiContract } from './openapi-document.js';

export type ContractLoad = { readonly ok: true; readonly contract: ApiContract } | { readonly ok: false; readonly message: string };

interface CacheEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly result: ContractLoad;
}

const cache = new Map<string, CacheEntry>();
const MAX_CACHE_ENTRIES = 32;

function readLocalRef(documentPath: string, relative: string): string | undefined {
  if (!/\.(ya?ml|json)$/i.test(relative)) return undefined;
  const target = path.resolve(path.dirname(documentPath), relative);
  try {
    if (statSync(target).size > MAX_DOCUMENT_BYTES) return undefined;
    return readFileSync(target, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The contract in `absolutePath`; `displayName` names it in messages (default: the file name).
 * Cached per path, modification time and size.
 */
export function readContractFile(absolutePath: string, displayName = path.basename(absolutePath)): ContractLoad {
  let stat;
  try {
    stat = statSync(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    cache.delete(absolutePath);
    const where = displayName === absolutePath ? '' : ` (${absolutePath})`;
    return { ok: false, message: code === 'ENOENT' ? `the OpenAPI document ${displayName} does not exist${where}` : `the OpenAPI document ${displayName} cannot be read: ${(error as Error).message}` };
  }
  if (!stat.isFile()) return { ok: false, message: `the OpenAPI document ${displayName} is not a file` };
  const cached = cache.get(absolutePath);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.result;
  let result: ContractLoad;
  if (stat.size > MAX_DOCUMENT_BYTES) {
    result = { ok: false, message: `the OpenAPI document ${displayName} is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB` };
  } else {
    try {
      const text = readFileSync(absolutePath, 'utf8');
      result = { ok: true, contract: parseOpenApiDocument(text, { fileName: displayName, readRelative: (rel) => readLocalRef(absolutePath, rel) }) };
    } catch (error) {
      result = { ok: false, message: error instanceof ContractError ? error.message : `the OpenAPI document ${displayName} could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  if (cache.size >= MAX_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(absolutePath, { mtimeMs: stat.mtimeMs, size: stat.size, result });
  return result;
}
