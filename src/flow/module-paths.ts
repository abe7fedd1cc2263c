/**
 * Where a callee or value comes from, syntactically: `axios.get` from `import axios from 'axios'`,
 * `undici.request` from `const { request } = require('undici')`, `axios.create().get` for an instance
 * made by `const api = axios.create(...)`, `@nestjs/axios.HttpService().get` for
 * `this.http.get` when the constructor injects `http: HttpService`, and the global `fetch`.
 * Catalogs (HTTP clients, ORMs) match these paths.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getRequiredModule } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import type { ModulePath } from './spec.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

const MAX_DEPTH = 12;
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'global', 'self']);

const fileCache = new FileScopedWeakMap<ts.Node, ModulePath | null>();
const projectCaches = new WeakMap<ProjectIndex, WeakMap<ts.Node, ModulePath | null>>();

/** What a resolution needs: the injected `ts` and, in project mode, the index (imports of project files are followed). */
interface Lookup {
  readonly tsApi: TsApi;
  readonly project: ProjectIndex | undefined;
}

/**
 * The module path of an expression, or `undefined` when it is not reached from a module or a global.
 * With the project index, a value imported from a project file is followed to its declaration
 * (`export const http = axios.create()` in `lib/http.ts` makes `http.get` an `axios.create().get`).
 * Syntactic, so cached per node (and per index).
 */
export function getModulePath(tsApi: TsApi, expr: ts.Expression, project?: ProjectIndex): ModulePath | undefined {
  let cache: WeakMap<ts.Node, ModulePath | null> = fileCache;
  if (project) {
    cache = projectCaches.get(project) ?? new WeakMap();
    projectCaches.set(project, cache);
  }
  const cached = cache.get(expr);
  if (cached !== undefined) return cached ?? undefined;
  const path = pathOf({ tsApi, project }, expr, 0);
  cache.set(expr, path ?? null);
  return path;
}

/** `node:https` gives `https`. */
export function normalizeModuleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
}

/**
 * True when a specifier may name a project file: relative paths, common aliases, and, with the
 * project's compiler options, `paths` patterns and any bare name under `baseUrl`. Package names
 * need no module resolution (which would touch the file system).
 */
export function mayBeProjectModule(project: ProjectIndex, specifier: string): boolean {
  if (specifier.startsWith('.') || isProjectSpecifier(specifier)) return true;
  const options = project.compilerOptions;
  if (options.baseUrl !== undefined) return true;
  for (const pattern of Object.keys(options.paths ?? {})) {
    const star = pattern.indexOf('*');
    if (star === -1 ? specifier === pattern : specifier.startsWith(pattern.slice(0, star))) return true;
  }
  return false;
}

/** True for specifiers of project files: relative paths and common aliases (`@/x`, `~/x`, `#x`, `src/x`). */
export function isProjectSpecifier(specifier: string): boolean {
  return /^(\.{1,2}\/|\.{1,2}$|@\/|~\/|#|src\/|app\/|lib\/)/.test(specifier);
}

function moduleRoot(specifier: string, path: string): ModulePath {
  const local = isProjectSpecifier(specifier);
  return { module: normalizeModuleName(specifier), path: stripDefault(path), ...(local ? { local } : {}) };
}

function stripDefault(path: string): string {
  if (path === 'default') return '';
  return path.startsWith('default.') ? path.slice('default.'.length) : path;
}

function extend(base: ModulePath, member: string): ModulePath {
  const path = base.path === '' ? member : `${base.path}.${member}`;
  return { ...base, path: base.module !== undefined && base.path === '' ? stripDefault(path) : path };
}

function pathOf(l: Lookup, node: ts.Expression, depth: number): ModulePath | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const tsApi = l.tsApi;
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isIdentifier(expr)) return pathOfIdentifier(l, expr, depth);
  if (tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr)) {
    const name = tsApi.isPropertyAccessExpression(expr) ? expr.name.text : getStaticString(tsApi, expr.argumentExpression);
    if (name === undefined) return undefined;
    const object = skipOuterExpressions(tsApi, expr.expression);
    if (tsApi.isIdentifier(object) && GLOBAL_OBJECTS.has(object.text) && !resolveIdentifier(tsApi, object)) {
      return { module: undefined, path: name };
    }
    if (object.kind === tsApi.SyntaxKind.ThisKeyword) return pathOfThisMember(l, expr, name, depth);
    const base = pathOf(l, object, depth + 1);
    return base ? extend(base, name) : undefined;
  }
  if (tsApi.isCallExpression(expr)) {
    const required = getRequiredModule(tsApi, expr);
    if (required !== undefined) return importedPath(l, expr.getSourceFile(), required, 'default', depth);
    const base = pathOf(l, expr.expression, depth + 1);
    return base ? { ...base, path: `${base.path}()` } : undefined;
  }
  if (tsApi.isNewExpression(expr)) {
    const base = pathOf(l, expr.expression, depth + 1);
    return base ? { ...base, path: `${base.path}()` } : undefined;
  }
  return undefined;
}

/**
 * What an import refers to: a package export (`axios`), or, with the project index, the value a
 * project file exports (`export const http = axios.create()` gives `axios.create()`); a project
 * export that is not a library value is a local root (`local: true`).
 */
function importedPath(l: Lookup, file: ts.SourceFile, specifier: string, imported: string, depth: number): ModulePath | undefined {
  const target = l.project && mayBeProjectModule(l.project, specifier) ? l.project.resolveImport(file, specifier) : undefined;
  if (!target) return moduleRoot(specifier, imported === 'default' ? '' : imported);
  const resolved = l.project!.resolveExport(target, imported);
  if (!resolved) {
    // `export type HttpClient = Got` in a project file: the type it stands for.
    const alias = findTypeAlias(l.tsApi, target, imported);
    const aliased = alias ? typeReferencePath(l, alias.type, depth + 1) : undefined;
    if (aliased && aliased.module !== undefined && !aliased.local) return aliased;
  }
  const node = resolved?.declaration ?? resolved?.binding.node;
  let followed: ModulePath | undefined;
  if (node && l.tsApi.isVariableDeclaration(node) && node.initializer) followed = pathOf(l, node.initializer, depth + 1);
  else if (node && l.tsApi.isExpression(node) && !l.tsApi.isIdentifier(node)) followed = pathOf(l, node, depth + 1);
  if (followed && followed.module !== undefined && !followed.local) return followed;
  return { module: specifier, path: imported === 'default' ? '' : imported, local: true };
}

function pathOfIdentifier(l: Lookup, id: ts.Identifier, depth: number): ModulePath | undefined {
  const tsApi = l.tsApi;
  const binding = resolveIdentifier(tsApi, id);
  if (!binding) return { module: undefined, path: id.text };
  const decl = binding.declaration;
  if (tsApi.isImportClause(decl)) {
    const spec = getStaticString(tsApi, decl.parent.moduleSpecifier);
    return spec === undefined ? undefined : importedPath(l, id.getSourceFile(), spec, 'default', depth);
  }
  if (tsApi.isNamespaceImport(decl)) {
    const spec = getStaticString(tsApi, decl.parent.parent.moduleSpecifier);
    return spec === undefined ? undefined : moduleRoot(spec, '');
  }
  if (tsApi.isImportSpecifier(decl)) {
    const spec = getStaticString(tsApi, decl.parent.parent.parent.moduleSpecifier);
    const imported = decl.propertyName ? getPropertyNameText(tsApi, decl.propertyName) : decl.name.text;
    return spec === undefined || imported === undefined ? undefined : importedPath(l, id.getSourceFile(), spec, imported, depth);
  }
  if (tsApi.isImportEqualsDeclaration(decl)) {
    const ref = decl.moduleReference;
    if (!tsApi.isExternalModuleReference(ref)) return undefined;
    const spec = getStaticString(tsApi, ref.expression);
    return spec === undefined ? undefined : moduleRoot(spec, '');
  }
  if (tsApi.isVariableDeclaration(decl) && decl.name === binding.name) {
    if (!decl.initializer) return typeInstancePath(l, decl.type, depth);
    return pathOf(l, decl.initializer, depth + 1) ?? typeInstancePath(l, decl.type, depth);
  }
  if (tsApi.isBindingElement(decl) && tsApi.isObjectBindingPattern(decl.parent)) {
    // const { request } = require('undici'); const { get } = axios
    const holder = decl.parent.parent;
    if (!tsApi.isVariableDeclaration(holder) || !holder.initializer) return undefined;
    const property = decl.propertyName ? getPropertyNameText(tsApi, decl.propertyName) : binding.name.text;
    const required = getRequiredModule(tsApi, holder.initializer);
    if (required !== undefined && property !== undefined) return importedPath(l, id.getSourceFile(), required, property, depth);
    const base = pathOf(l, holder.initializer, depth + 1);
    return base && property !== undefined ? extend(base, property) : undefined;
  }
  if (tsApi.isParameter(decl) && decl.name === binding.name) return typeInstancePath(l, decl.type, depth);
  return undefined;
}

/** A top-level `type <name> = ...` of a file. */
function findTypeAlias(tsApi: TsApi, file: ts.SourceFile, name: string): ts.TypeAliasDeclaration | undefined {
  for (const statement of file.statements) {
    if (tsApi.isTypeAliasDeclaration(statement) && statement.name.text === name) return statement;
  }
  return undefined;
}

/** An instance of a type written as an annotation: `http: HttpService` gives `@nestjs/axios.HttpService()`. */
function typeInstancePath(l: Lookup, type: ts.TypeNode | undefined, depth: number): ModulePath | undefined {
  const base = typeReferencePath(l, type, depth);
  if (!base || base.module === undefined) return undefined;
  return { ...base, path: `${base.path}()` };
}

/** What a type reference names: `HttpService` gives `@nestjs/axios.HttpService`; a local `type X = Got` gives `got.Got`. */
function typeReferencePath(l: Lookup, type: ts.TypeNode | undefined, depth: number): ModulePath | undefined {
  const tsApi = l.tsApi;
  if (depth > MAX_DEPTH || !type || !tsApi.isTypeReferenceNode(type)) return undefined;
  const name = type.typeName;
  if (tsApi.isIdentifier(name) && !resolveIdentifier(tsApi, name)) {
    const alias = findTypeAlias(tsApi, name.getSourceFile(), name.text);
    if (alias) return typeReferencePath(l, alias.type, depth + 1);
  }
  const base = tsApi.isIdentifier(name)
    ? pathOfIdentifier(l, name, depth + 1)
    : tsApi.isIdentifier(name.left)
      ? (() => {
          const left = pathOfIdentifier(l, name.left as ts.Identifier, depth + 1);
          return left ? extend(left, name.right.text) : undefined;
        })()
      : undefined;
  return base;
}

/** `this.http`: a property initializer, an injected constructor parameter, or a `this.http = ...` in the constructor. */
function pathOfThisMember(l: Lookup, access: ts.Expression, name: string, depth: number): ModulePath | undefined {
  const tsApi = l.tsApi;
  const member = findThisMember(tsApi, access, name);
  if (!member) return undefined;
  if (member.value) {
    const path = pathOf(l, member.value, depth + 1);
    if (path || !member.type) return path;
  }
  return typeInstancePath(l, member.type, depth);
}

/**
 * What `this.<name>` holds, read from its class: the property's initializer, or else the value a
 * constructor statement `this.<name> = value` assigns (a property declared `client: AxiosInstance`
 * and created in the constructor), and the declared type (of the property or the injected parameter).
 */
export function findThisMember(
  tsApi: TsApi,
  access: ts.Expression,
  name: string,
): { readonly value?: ts.Expression; readonly type?: ts.TypeNode } | undefined {
  let cls: ts.Node | undefined = access.parent;
  while (cls && !tsApi.isClassDeclaration(cls) && !tsApi.isClassExpression(cls)) {
    if (tsApi.isFunctionDeclaration(cls) || tsApi.isFunctionExpression(cls)) return undefined;
    cls = cls.parent;
  }
  if (!cls) return undefined;
  const members = (cls as ts.ClassLikeDeclaration).members;
  let declaredType: ts.TypeNode | undefined;
  for (const member of members) {
    if (tsApi.isPropertyDeclaration(member) && getPropertyNameText(tsApi, member.name) === name) {
      if (member.initializer) return { value: member.initializer, type: member.type };
      declaredType = member.type;
      break;
    }
  }
  for (const member of members) {
    if (!tsApi.isConstructorDeclaration(member)) continue;
    for (const param of member.parameters) {
      if (tsApi.isIdentifier(param.name) && param.name.text === name && tsApi.getModifiers(param)?.length) {
        return { type: param.type };
      }
    }
    for (const statement of member.body?.statements ?? []) {
      if (!tsApi.isExpressionStatement(statement)) continue;
      const e = statement.expression;
      if (
        tsApi.isBinaryExpression(e) &&
        e.operatorToken.kind === tsApi.SyntaxKind.EqualsToken &&
        tsApi.isPropertyAccessExpression(e.left) &&
        e.left.expression.kind === tsApi.SyntaxKind.ThisKeyword &&
        e.left.name.text === name
      ) {
        return { value: e.right, type: declaredType };
      }
    }
  }
  return declaredType ? { type: declaredType } : undefined;
}
