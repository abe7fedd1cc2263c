/**
 * What a name written in a Nest file refers to: a declaration in this file, a declaration in
 * another project file (through the project index), or an import that is not followed (a package,
 * or any import in per-file mode). Also the static value of constants used as paths and metadata
 * keys (`@Controller(ROUTES.users)`, `SetMetadata(IS_PUBLIC_KEY, true)`).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getFileBindings } from '../core/bindings.js';
import { getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getPerFileCache } from './nest-cache.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export type NestSymbol =
  /** A top-level declaration (class, function, variable declaration), here or in another project file. */
  | { readonly kind: 'declaration'; readonly file: ts.SourceFile; readonly node: ts.Node; readonly name: string }
  /** An import the analysis does not follow: a package, or any import without a project index. */
  | { readonly kind: 'import'; readonly module: string; readonly imported: string; readonly file: ts.SourceFile }
  /** A namespace import (`import * as common from '@nestjs/common'`) used as `common.Get`. */
  | { readonly kind: 'unknown' };

/** Where names are looked up: the injected `ts` and, in project mode, the index. */
export interface NestLookup {
  readonly ts: TsApi;
  readonly project?: ProjectIndex;
}

const MAX_RESOLVE_DEPTH = 16;

const symbolCacheKey = {};

/** The symbol a top-level name of `file` refers to (memoized per file and project index). */
export function resolveNestName(lookup: NestLookup, file: ts.SourceFile, name: string): NestSymbol {
  const cache = getPerFileCache(lookup, symbolCacheKey, file, () => new Map<string, NestSymbol>());
  let symbol = cache.get(name);
  if (!symbol) {
    symbol = resolveNameIn(lookup, file, name, 0);
    cache.set(name, symbol);
  }
  return symbol;
}

function resolveNameIn(lookup: NestLookup, file: ts.SourceFile, name: string, depth: number): NestSymbol {
  const bindings = getFileBindings(lookup.ts, file);
  const declaration = bindings.declarations.get(name) ?? findTypeLevelDeclaration(lookup.ts, file, name);
  if (declaration) return { kind: 'declaration', file, node: declaration, name };
  const imported = bindings.imports.get(name);
  if (!imported) return { kind: 'unknown' };
  const project = lookup.project;
  // Nest's own packages are never project files: no module resolution for them.
  if (project && depth < MAX_RESOLVE_DEPTH && imported.imported !== '*' && !imported.module.startsWith('@nestjs/')) {
    const target = project.resolveImport(file, imported.module);
    if (target) {
      const resolved = project.resolveExport(target, imported.imported);
      if (resolved?.declaration) {
        const declName = resolved.binding.local ?? imported.imported;
        return { kind: 'declaration', file: resolved.file, node: resolved.declaration, name: declName };
      }
      if (resolved && resolved.binding.local) {
        const inner = resolveNameIn(lookup, resolved.file, resolved.binding.local, depth + 1);
        if (inner.kind !== 'unknown') return inner;
      }
      // Exported types and enums, and `export { Get } from '@nestjs/common'` in a project barrel.
      const reexport = findExportedElsewhere(lookup, target, imported.imported, depth + 1);
      if (reexport) return reexport;
    }
  }
  return { kind: 'import', module: imported.module, imported: imported.imported, file };
}

const typeLevelDeclarations = new FileScopedWeakMap<ts.SourceFile, ReadonlyMap<string, ts.Node>>();

/** Enums, interfaces and type aliases, which the binder's value declarations leave out. */
function findTypeLevelDeclaration(tsApi: TsApi, file: ts.SourceFile, name: string): ts.Node | undefined {
  let declarations = typeLevelDeclarations.get(file);
  if (!declarations) {
    const map = new Map<string, ts.Node>();
    for (const statement of file.statements) {
      if (tsApi.isEnumDeclaration(statement) || tsApi.isInterfaceDeclaration(statement) || tsApi.isTypeAliasDeclaration(statement)) {
        if (!map.has(statement.name.text)) map.set(statement.name.text, statement);
      }
    }
    declarations = map;
    typeLevelDeclarations.set(file, declarations);
  }
  return declarations.get(name);
}

/**
 * Follows what the index's value-export lookup leaves out: exported enums, interfaces and type
 * aliases, and re-exports of a package (`export { Get } from '@nestjs/common'` in a barrel).
 */
function findExportedElsewhere(lookup: NestLookup, file: ts.SourceFile, exported: string, depth: number): NestSymbol | undefined {
  if (depth > MAX_RESOLVE_DEPTH) return undefined;
  const typeLevel = findTypeLevelDeclaration(lookup.ts, file, exported);
  if (typeLevel && hasExportKeyword(lookup.ts, typeLevel)) return { kind: 'declaration', file, node: typeLevel, name: exported };
  const bindings = getFileBindings(lookup.ts, file);
  for (const binding of bindings.exports) {
    if (binding.exported !== exported) continue;
    if (binding.from) {
      const inner = lookup.project?.resolveImport(file, binding.from.module);
      if (!inner) return { kind: 'import', module: binding.from.module, imported: binding.from.imported, file };
      return findExportedElsewhere(lookup, inner, binding.from.imported, depth + 1);
    }
    if (binding.local) {
      const local = resolveNameIn(lookup, file, binding.local, depth + 1);
      if (local.kind !== 'unknown') return local;
    }
  }
  for (const binding of bindings.exports) {
    if (binding.exported !== '*' || !binding.from) continue;
    const inner = lookup.project?.resolveImport(file, binding.from.module);
    const hit = inner ? findExportedElsewhere(lookup, inner, exported, depth + 1) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

function hasExportKeyword(tsApi: TsApi, node: ts.Node): boolean {
  return tsApi.canHaveModifiers(node) && (tsApi.getModifiers(node) ?? []).some((m) => m.kind === tsApi.SyntaxKind.ExportKeyword);
}

/**
 * The symbol an expression names: an identifier, or `ns.Name` over a namespace import
 * (`common.Get`), which gives the import of `Name` from the namespace's module.
 */
export function resolveNestExpression(lookup: NestLookup, file: ts.SourceFile, expression: ts.Expression): NestSymbol {
  const expr = skipOuterExpressions(lookup.ts, expression);
  if (lookup.ts.isIdentifier(expr)) return resolveNestName(lookup, file, expr.text);
  if (lookup.ts.isPropertyAccessExpression(expr) && lookup.ts.isIdentifier(expr.expression)) {
    const owner = getFileBindings(lookup.ts, file).imports.get(expr.expression.text);
    if (owner && owner.imported === '*') {
      const project = lookup.project;
      const target = project?.resolveImport(file, owner.module);
      if (target && project) {
        const resolved = project.resolveExport(target, expr.name.text);
        if (resolved?.declaration) return { kind: 'declaration', file: resolved.file, node: resolved.declaration, name: expr.name.text };
      }
      return { kind: 'import', module: owner.module, imported: expr.name.text, file };
    }
  }
  return { kind: 'unknown' };
}

/** True when `symbol` is the export `name` of a package matching `isModule`. */
export function isImportOf(symbol: NestSymbol, isModule: (module: string) => boolean, names?: readonly string[]): boolean {
  return symbol.kind === 'import' && isModule(symbol.module) && (!names || names.includes(symbol.imported));
}

/** The class declaration a symbol names, if it names one. */
export function getSymbolClass(tsApi: TsApi, symbol: NestSymbol): ts.ClassDeclaration | undefined {
  return symbol.kind === 'declaration' && tsApi.isClassDeclaration(symbol.node) ? symbol.node : undefined;
}

/** The initializer of a `const` declaration a symbol names. */
export function getSymbolInitializer(tsApi: TsApi, symbol: NestSymbol): ts.Expression | undefined {
  if (symbol.kind !== 'declaration' || !tsApi.isVariableDeclaration(symbol.node)) return undefined;
  const list = symbol.node.parent;
  if (!tsApi.isVariableDeclarationList(list) || (list.flags & tsApi.NodeFlags.Const) === 0) return undefined;
  return symbol.node.initializer;
}

/**
 * The static string value of an expression: literals and concatenations, `const` names bound to
 * one (here or, with the index, in another file), `Obj.key` of a `const` object literal, and string
 * enum members. `undefined` when it is not static.
 */
export function resolveNestString(lookup: NestLookup, file: ts.SourceFile, expression: ts.Expression | undefined): string | undefined {
  return resolveStringIn(lookup, file, expression, 0);
}

function resolveStringIn(lookup: NestLookup, file: ts.SourceFile, expression: ts.Expression | undefined, depth: number): string | undefined {
  if (!expression || depth > MAX_RESOLVE_DEPTH) return undefined;
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, expression);
  const literal = getStaticString(tsApi, expr);
  if (literal !== undefined) return literal;
  if (tsApi.isTemplateExpression(expr)) {
    let text = expr.head.text;
    for (const span of expr.templateSpans) {
      const part = resolveStringIn(lookup, file, span.expression, depth + 1);
      if (part === undefined) return undefined;
      text += part + span.literal.text;
    }
    return text;
  }
  if (tsApi.isBinaryExpression(expr) && expr.operatorToken.kind === tsApi.SyntaxKind.PlusToken) {
    const left = resolveStringIn(lookup, file, expr.left, depth + 1);
    const right = left === undefined ? undefined : resolveStringIn(lookup, file, expr.right, depth + 1);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (tsApi.isIdentifier(expr)) {
    const symbol = resolveNestName(lookup, file, expr.text);
    const init = getSymbolInitializer(tsApi, symbol);
    return init && symbol.kind === 'declaration' ? resolveStringIn(lookup, symbol.file, init, depth + 1) : undefined;
  }
  if (tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr)) {
    const key = tsApi.isPropertyAccessExpression(expr) ? expr.name.text : getStaticString(tsApi, expr.argumentExpression);
    const owner = skipOuterExpressions(tsApi, expr.expression);
    if (key === undefined) return undefined;
    if (tsApi.isIdentifier(owner)) {
      const symbol = resolveNestName(lookup, file, owner.text);
      if (symbol.kind === 'declaration' && tsApi.isEnumDeclaration(symbol.node)) {
        const member = symbol.node.members.find((m) => getPropertyNameText(tsApi, m.name) === key);
        return member?.initializer ? resolveStringIn(lookup, symbol.file, member.initializer, depth + 1) : undefined;
      }
    }
    // `routes.users`, and nested: `routesV1.user.root`.
    const object = resolveObjectIn(lookup, file, owner, depth + 1);
    if (!object) return undefined;
    for (const prop of object.object.properties) {
      if (tsApi.isPropertyAssignment(prop) && getPropertyNameText(tsApi, prop.name) === key) {
        return resolveStringIn(lookup, object.file, prop.initializer, depth + 1);
      }
    }
  }
  return undefined;
}

/** The object literal a constant name or a member of one stands for: `routesV1`, `routesV1.user`. */
function resolveObjectIn(
  lookup: NestLookup,
  file: ts.SourceFile,
  expression: ts.Expression,
  depth: number,
): { readonly object: ts.ObjectLiteralExpression; readonly file: ts.SourceFile } | undefined {
  if (depth > MAX_RESOLVE_DEPTH) return undefined;
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, expression);
  if (tsApi.isObjectLiteralExpression(expr)) return { object: expr, file };
  if (tsApi.isIdentifier(expr)) {
    const symbol = resolveNestName(lookup, file, expr.text);
    if (symbol.kind !== 'declaration') return undefined;
    const init = getSymbolInitializer(tsApi, symbol);
    return init ? resolveObjectIn(lookup, symbol.file, init, depth + 1) : undefined;
  }
  if (tsApi.isPropertyAccessExpression(expr)) {
    const owner = resolveObjectIn(lookup, file, expr.expression, depth + 1);
    if (!owner) return undefined;
    for (const prop of owner.object.properties) {
      if (tsApi.isPropertyAssignment(prop) && getPropertyNameText(tsApi, prop.name) === expr.name.text) {
        return resolveObjectIn(lookup, owner.file, prop.initializer, depth + 1);
      }
    }
  }
  return undefined;
}
