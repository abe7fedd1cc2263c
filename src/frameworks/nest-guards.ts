/**
 * Whether a Nest guard honours a public marker: a global `JwtAuthGuard` lets `@Public()` routes
 * through only when its class reads the marker's metadata key with the `Reflector`
 * (`this.reflector.getAllAndOverride(IS_PUBLIC_KEY, [...])`, `reflector.get(Public, handler)`) or
 * with `Reflect.getMetadata`. The class is read here or, through the project index, in another file,
 * including its base classes in the project.
 */
import type * as ts from 'typescript';
import { getAccessPath, getCalleeName, skipOuterExpressions } from '../core/ast.js';
import { walkDescendants } from '../core/walk.js';
import { CONVENTIONAL_PUBLIC_KEYS, PUBLIC_METADATA_KEY_PATTERN, REFLECTOR_READ_METHODS } from '../catalog/nest.js';
import type { NestExpressionIn, NestPublicMarker } from './nest-decorators.js';
import { getEnhancerClass } from './nest-providers.js';
import { getSymbolClass, resolveNestExpression, resolveNestString, type NestLookup } from './nest-symbols.js';
import { getPerFileCache } from './nest-cache.js';

/** The metadata keys a guard class reads. */
export interface NestGuardMetadataReads {
  /** False when the guard's class could not be found (a package, or another file in per-file mode). */
  readonly known: boolean;
  /** Static values of the keys (`isPublic`). */
  readonly keys: readonly string[];
  /** Keys as written when they are named constants (`IS_PUBLIC_KEY`). */
  readonly keyNames: readonly string[];
  /** Declarations used as keys (`Reflector.createDecorator` decorators). */
  readonly keyDeclarations: readonly ts.Node[];
}

export type HonoursMarker = 'yes' | 'no' | 'unknown';

const UNKNOWN_READS: NestGuardMetadataReads = { known: false, keys: [], keyNames: [], keyDeclarations: [] };
const cacheKey = {};
const MAX_BASE_DEPTH = 6;

/** The metadata keys the guard an enhancer expression names reads. */
export function getNestGuardMetadataReads(lookup: NestLookup, guard: NestExpressionIn): NestGuardMetadataReads {
  const found = getEnhancerClass(lookup, guard);
  if (!found) return UNKNOWN_READS;
  const cache = getPerFileCache(lookup, cacheKey, found.file, () => new Map<ts.ClassDeclaration, NestGuardMetadataReads>());
  let reads = cache.get(found.node);
  if (!reads) {
    reads = readClass(lookup, found.file, found.node);
    cache.set(found.node, reads);
  }
  return reads;
}

function readClass(lookup: NestLookup, file: ts.SourceFile, start: ts.ClassDeclaration): NestGuardMetadataReads {
  const tsApi = lookup.ts;
  const keys: string[] = [];
  const keyNames: string[] = [];
  const keyDeclarations: ts.Node[] = [];
  let current: { file: ts.SourceFile; node: ts.ClassDeclaration } | undefined = { file, node: start };
  for (let depth = 0; current && depth < MAX_BASE_DEPTH; depth++) {
    const { file: classFile, node } = current;
    walkDescendants(tsApi, node, (child) => {
      if (!tsApi.isCallExpression(child)) return;
      const key = getReadKey(tsApi, child);
      if (!key) return;
      const value = resolveNestString(lookup, classFile, key);
      if (value !== undefined) keys.push(value);
      const keyExpr = skipOuterExpressions(tsApi, key);
      if (tsApi.isIdentifier(keyExpr) || tsApi.isPropertyAccessExpression(keyExpr)) {
        keyNames.push(tsApi.isIdentifier(keyExpr) ? keyExpr.text : keyExpr.name.text);
        const symbol = resolveNestExpression(lookup, classFile, keyExpr);
        if (symbol.kind === 'declaration') keyDeclarations.push(symbol.node);
      }
    });
    current = getProjectBaseClass(lookup, classFile, node);
  }
  return { known: true, keys, keyNames, keyDeclarations };
}

/** The key argument of `reflector.getAllAndOverride(KEY, ...)` or `Reflect.getMetadata(KEY, ...)`. */
function getReadKey(tsApi: NestLookup['ts'], call: ts.CallExpression): ts.Expression | undefined {
  const name = getCalleeName(tsApi, call);
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!name || !tsApi.isPropertyAccessExpression(callee)) return undefined;
  const receiver = getAccessPath(tsApi, callee.expression);
  if (!receiver) return undefined;
  if (name === 'getMetadata' && receiver === 'Reflect') return call.arguments[0];
  const last = receiver.split('.').pop() ?? '';
  if (REFLECTOR_READ_METHODS.includes(name) && /reflector/i.test(last)) return call.arguments[0];
  return undefined;
}

function getProjectBaseClass(
  lookup: NestLookup,
  file: ts.SourceFile,
  node: ts.ClassDeclaration,
): { file: ts.SourceFile; node: ts.ClassDeclaration } | undefined {
  const tsApi = lookup.ts;
  for (const clause of node.heritageClauses ?? []) {
    if (clause.token !== tsApi.SyntaxKind.ExtendsKeyword) continue;
    const base = clause.types[0]?.expression;
    if (!base) continue;
    const symbol = resolveNestExpression(lookup, file, base);
    const baseClass = getSymbolClass(tsApi, symbol);
    if (baseClass && symbol.kind === 'declaration') return { file: symbol.file, node: baseClass };
  }
  return undefined;
}

/**
 * Whether `guard` lets a route marked with `marker` through. A guard whose class was read honours
 * the marker when it reads the marker's key; a guard that could not be read is taken to honour the
 * conventional marker (`IS_PUBLIC_KEY` / `'isPublic'`, or a library marker whose definition is not
 * ours) and is `unknown` otherwise.
 */
export function doesGuardHonourMarker(lookup: NestLookup, guard: NestExpressionIn, marker: NestPublicMarker): HonoursMarker {
  const reads = getNestGuardMetadataReads(lookup, guard);
  if (reads.known) return readsMarkerKey(reads, marker) ? 'yes' : 'no';
  if (isConventionalMarker(marker)) return 'yes';
  return 'unknown';
}

function readsMarkerKey(reads: NestGuardMetadataReads, marker: NestPublicMarker): boolean {
  if (marker.key !== undefined && reads.keys.includes(marker.key)) return true;
  if (marker.keyName !== undefined && reads.keyNames.includes(marker.keyName)) return true;
  if (marker.keyDeclaration && reads.keyDeclarations.includes(marker.keyDeclaration)) return true;
  // A marker known by name only (its definition was not read): any public-looking key counts.
  if (!marker.resolved) {
    return reads.keys.some((k) => PUBLIC_METADATA_KEY_PATTERN.test(k)) || reads.keyNames.some((k) => PUBLIC_METADATA_KEY_PATTERN.test(k));
  }
  return false;
}

function isConventionalMarker(marker: NestPublicMarker): boolean {
  if (marker.key !== undefined && CONVENTIONAL_PUBLIC_KEYS.includes(marker.key)) return true;
  if (marker.keyName !== undefined && CONVENTIONAL_PUBLIC_KEYS.includes(marker.keyName)) return true;
  return !marker.resolved;
}
