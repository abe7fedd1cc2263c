/**
 * An OpenAPI document read as a contract: the operations it documents (method, path, the server
 * base paths that prefix it, the security it declares) and nothing else. OpenAPI 3.0 and 3.1, and
 * Swagger 2.0 (`basePath`, the same `paths` and `security`). YAML through the `yaml` package
 * (YAML 1.2, alias expansion capped, nothing executed), JSON natively.
 *
 * `$ref` is followed only where the contract needs it: a path item that is a reference
 * (`#/components/pathItems/Users`, `./paths/users.yaml`, `./common.yaml#/Users`), through the
 * caller's `readRelative`. Remote references (`https://...`) are never fetched: they are listed in
 * `unresolvedRefs`, and their operations are not known.
 */
import { createRequire } from 'node:module';
import type { YAMLMap } from 'yaml';

/** `yaml` (72 modules) is loaded on the first YAML document, not with the plugin: most lint runs read none. */
let yamlModule: typeof import('yaml') | undefined;
function loadYaml(): typeof import('yaml') {
  yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yamlModule;
}

/** HTTP methods an OpenAPI path item can hold. */
export const CONTRACT_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE'] as const;
export type ContractMethod = (typeof CONTRACT_METHODS)[number];

/** What the document says about an operation's authentication. */
export interface ContractSecurity {
  /**
   * `required`: at least one security requirement and none is empty; `optional`: a requirement is
   * `{}` (anonymous allowed); `none`: `security: []`, or no security at all and no global one.
   */
  readonly kind: 'required' | 'optional' | 'none';
  /** The scheme names of the requirements (`bearerAuth`, `apiKey`). */
  readonly schemes: readonly string[];
  /** Where the answer comes from: the operation's own `security`, the global one, or neither. */
  readonly from: 'operation' | 'global' | 'absent';
  /** Where a contract read from code declares it (`@ApiBearerAuth() on the controller`). */
  readonly declaredBy?: string;
}

export interface ContractOperation {
  readonly method: ContractMethod;
  /** The path as the document writes it (`/users/{userId}`). */
  readonly path: string;
  /** Base paths from `servers` (operation, path item or document level) or Swagger's `basePath`; `['']` when none. */
  readonly basePaths: readonly string[];
  readonly security: ContractSecurity;
  /** 1-based line of the operation (or its path) in the document, when known. */
  readonly line?: number;
  readonly operationId?: string;
  readonly summary?: string;
}

export interface ApiContract {
  /** How the contract is named in reports: the document's file name, or `@nestjs/swagger decorators`. */
  readonly source: string;
  readonly format: 'openapi-3.0' | 'openapi-3.1' | 'swagger-2.0' | 'nest-swagger';
  readonly operations: readonly ContractOperation[];
  /** True when the document declares a non-empty global `security`. */
  readonly hasGlobalSecurity: boolean;
  /** References the reader did not follow (remote, missing, or outside what it reads). */
  readonly unresolvedRefs: readonly string[];
  /** Other things a person should know (no `paths`, a path item that is not an object). */
  readonly notes: readonly string[];
}

/** A document that cannot be read as OpenAPI; the message names the file and the problem. */
export class ContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractError';
  }
}

export interface ParseOptions {
  /** The document's name in messages (a relative path). */
  readonly fileName: string;
  /**
   * Reads a file a relative `$ref` names (relative to the document); `undefined` when it cannot be
   * read. Absent: relative file references stay unresolved.
   */
  readonly readRelative?: (relativePath: string) => string | undefined;
}

/** Documents larger than this are refused (a contract is never this big; a data dump might be). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const MAX_OPERATIONS = 20_000;

type Json = unknown;
type JsonObject = Record<string, Json>;

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where each path and operation starts in a YAML document (`/users` or `/users get`). */
type LineIndex = Map<string, number>;

/** Parses YAML or JSON text into plain data; lines of paths and operations for YAML. */
function parseText(text: string, fileName: string): { data: Json; lines: LineIndex } {
  if (text.length > MAX_DOCUMENT_BYTES) throw new ContractError(`${fileName} is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB; not read as an OpenAPI document`);
  const clean = text.replace(/^\uFEFF/, '');
  const lines: LineIndex = new Map();
  if (/\.json$/i.test(fileName) || /^\s*\{/.test(clean)) {
    try {
      const data = JSON.parse(clean) as Json;
      indexJsonLines(clean, data, lines);
      return { data, lines };
    } catch (error) {
      if (/\.json$/i.test(fileName)) throw new ContractError(`${fileName} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      // `{` at the start of a YAML file is a flow mapping: read it as YAML below.
    }
  }
  const { LineCounter, parseDocument, isMap, isScalar } = loadYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(clean, { lineCounter, prettyErrors: true, uniqueKeys: false, merge: true });
  if (doc.errors.length > 0) {
    throw new ContractError(`${fileName} is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]!.replace(/:$/, '')}`);
  }
  let data: Json;
  try {
    data = doc.toJS({ maxAliasCount: 1000 }) as Json;
  } catch (error) {
    throw new ContractError(`${fileName} could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const paths = doc.get('paths', true);
  if (isMap(paths)) {
    for (const item of (paths as YAMLMap).items) {
      if (!isScalar(item.key) || typeof item.key.value !== 'string' || !item.key.range) continue;
      const pathKey = item.key.value;
      lines.set(pathKey, lineCounter.linePos(item.key.range[0]).line);
      if (!isMap(item.value)) continue;
      for (const op of (item.value as YAMLMap).items) {
        if (isScalar(op.key) && typeof op.key.value === 'string' && op.key.range) {
          lines.set(`${pathKey} ${op.key.value.toUpperCase()}`, lineCounter.linePos(op.key.range[0]).line);
        }
      }
    }
  }
  return { data, lines };
}

/** JSON has no positions: the line of the first `"<path>"` key, good enough to find it. */
function indexJsonLines(text: string, data: Json, lines: LineIndex): void {
  if (!isObject(data) || !isObject(data.paths)) return;
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const pathsAt = text.indexOf('"paths"');
  for (const key of Object.keys(data.paths)) {
    const at = text.indexOf(JSON.stringify(key), Math.max(0, pathsAt));
    if (at >= 0) lines.set(key, lineOf(at));
  }
}

/** Follows a JSON pointer (`#/components/pathItems/Users`) inside `root`. */
function followPointer(root: Json, pointer: string): Json {
  if (pointer === '' || pointer === '#') return root;
  const parts = pointer.replace(/^#?\//, '').split('/').map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: Json = root;
  for (const part of parts) {
    if (Array.isArray(node)) node = node[Number(part)];
    else if (isObject(node)) node = node[part];
    else return undefined;
  }
  return node;
}

function isRemoteRef(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//');
}

/** The path part of a server URL: `https://api.example.com/v1/` gives `/v1`; variables take their default. */
export function getServerBasePath(url: string, variables?: JsonObject): string {
  let text = url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables?.[name];
    const fallback = isObject(variable) && typeof variable.default === 'string' ? variable.default : undefined;
    return fallback ?? whole;
  });
  text = text.replace(/[?#].*$/s, '');
  const withHost = /^(?:[a-z][a-z0-9+.-]*:)?\/\/[^/]*/i.exec(text);
  if (withHost) text = text.slice(withHost[0].length);
  else if (/^\{[^}]+\}:\/\//.test(text)) text = text.replace(/^\{[^}]+\}:\/\/[^/]*/, '');
  const segments = text.split('/').filter((s) => s.length > 0 && s !== '.');
  return segments.length === 0 ? '' : `/${segments.join('/')}`;
}

function readServers(value: Json): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const bases = value.filter(isObject).filter((s) => typeof s.url === 'string').map((s) => getServerBasePath(s.url as string, isObject(s.variables) ? s.variables : undefined));
  return bases.length > 0 ? [...new Set(bases)] : undefined;
}

function readSecurity(value: Json, from: 'operation' | 'global'): ContractSecurity | undefined {
  if (!Array.isArray(value)) return undefined;
  const requirements = value.filter(isObject);
  if (requirements.length === 0) return { kind: 'none', schemes: [], from };
  const schemes = [...new Set(requirements.flatMap((r) => Object.keys(r)))];
  const optional = requirements.some((r) => Object.keys(r).length === 0);
  return { kind: optional ? 'optional' : 'required', schemes, from };
}

/** Reads an OpenAPI 3.x or Swagger 2.0 document. Throws `ContractError` when it is not one. */
export function parseOpenApiDocument(text: string, options: ParseOptions): ApiContract {
  const { fileName } = options;
  const { data, lines } = parseText(text, fileName);
  if (!isObject(data)) throw new ContractError(`${fileName} is not an OpenAPI document: its top level is not an object`);
  let format: ApiContract['format'];
  if (typeof data.openapi === 'string') {
    if (/^3\.0(\.|$)/.test(data.openapi)) format = 'openapi-3.0';
    else if (/^3\.[1-9]/.test(data.openapi)) format = 'openapi-3.1';
    else throw new ContractError(`${fileName} declares OpenAPI ${data.openapi}; api-guard reads OpenAPI 3.0 and 3.1 (and Swagger 2.0)`);
  } else if (data.swagger !== undefined) {
    if (String(data.swagger) !== '2.0') throw new ContractError(`${fileName} declares Swagger ${String(data.swagger)}; api-guard reads Swagger 2.0 and OpenAPI 3.x`);
    format = 'swagger-2.0';
  } else {
    throw new ContractError(`${fileName} is not an OpenAPI document: it has neither an "openapi" nor a "swagger" field`);
  }

  const notes: string[] = [];
  const unresolvedRefs = new Set<string>();
  const globalSecurity = readSecurity(data.security, 'global');
  const hasGlobalSecurity = globalSecurity !== undefined && globalSecurity.kind !== 'none';
  const documentBases =
    format === 'swagger-2.0' ? [typeof data.basePath === 'string' ? getServerBasePath(data.basePath) : ''] : (readServers(data.servers) ?? ['']);

  const externalDocs = new Map<string, Json>();
  const resolvePathItem = (value: Json, depth = 0): Json => {
    if (!isObject(value) || typeof value.$ref !== 'string' || depth > 8) return value;
    const ref = value.$ref;
    if (isRemoteRef(ref)) {
      unresolvedRefs.add(ref);
      return undefined;
    }
    const [file, pointer = ''] = ref.split('#', 2) as [string, string?];
    let root: Json = data;
    if (file !== '') {
      if (!externalDocs.has(file)) {
        const content = options.readRelative?.(file);
        let parsed: Json;
        if (content !== undefined) {
          try {
            parsed = parseText(content, file).data;
          } catch {
            parsed = undefined;
          }
        }
        externalDocs.set(file, parsed);
      }
      root = externalDocs.get(file);
      if (root === undefined) {
        unresolvedRefs.add(ref);
        return undefined;
      }
    }
    const target = followPointer(root, pointer);
    if (target === undefined) {
      unresolvedRefs.add(ref);
      return undefined;
    }
    return resolvePathItem(target, depth + 1);
  };

  const operations: ContractOperation[] = [];
  if (data.paths === undefined) {
    notes.push(`${fileName} has no "paths": it documents no operations`);
  } else if (!isObject(data.paths)) {
    throw new ContractError(`${fileName}: "paths" must be an object of paths to path items`);
  } else {
    for (const [pathKey, rawItem] of Object.entries(data.paths)) {
      if (pathKey.startsWith('x-')) continue;
      const item = resolvePathItem(rawItem);
      if (!isObject(item)) {
        if (item !== undefined) notes.push(`${fileName}: the path item of ${pathKey} is not an object`);
        continue;
      }
      const pathBases = format === 'swagger-2.0' ? undefined : readServers(item.servers);
      for (const method of CONTRACT_METHODS) {
        const op = item[method.toLowerCase()];
        if (!isObject(op)) continue;
        if (operations.length >= MAX_OPERATIONS) {
          notes.push(`${fileName} documents more than ${MAX_OPERATIONS} operations; the rest were not read`);
          break;
        }
        const security = readSecurity(op.security, 'operation') ?? globalSecurity ?? { kind: 'none', schemes: [], from: 'absent' };
        const line = lines.get(`${pathKey} ${method}`) ?? lines.get(pathKey);
        operations.push({
          method,
          path: pathKey,
          basePaths: (format === 'swagger-2.0' ? undefined : readServers(op.servers)) ?? pathBases ?? documentBases,
          security,
          ...(line !== undefined ? { line } : {}),
          ...(typeof op.operationId === 'string' ? { operationId: op.operationId } : {}),
          ...(typeof op.summary === 'string' ? { summary: op.summary } : {}),
        });
      }
    }
  }
  return { source: fileName, format, operations, hasGlobalSecurity, unresolvedRefs: [...unresolvedRefs], notes };
}
