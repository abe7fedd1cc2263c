/**
 * Where a callee or value comes from, syntactically: `axios.get` from `import axios from 'axios'`,
 * `undici.request` from `const { request } = require('undici')`, `axios.create().get` for an instance
 * made by `const api = axios.create(...)`, `@nestjs/axios.HttpService().get` for
 * `this.http.get` when the constructor injects `http: HttpService`, and the global `fetch`.
 * Catalogs (HTTP clients, ORMs) match these paths.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getRequiredModule } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import type { ModulePath } from './spec.js';

const MAX_DEPTH = 12;
const GLOBAL_OBJECTS = new Set(['globalThis', 'window', 'global', 'self']);

const cache = new WeakMap<ts.Node, ModulePath | null>();

/**
 * The module path of an expression, or `undefined` when it is not reached from a module or a global.
 * Syntactic, so cached per node.
 */
export function getModulePath(tsApi: TsApi, expr: ts.Expression): ModulePath | undefined {
  const cached = cache.get(expr);
  if (cached !== undefined) return cached ?? undefined;
  const path = pathOf(tsApi, expr, 0);
  cache.set(expr, path ?? null);
  return path;
}

/** `node:https` gives `https`. */
export function normalizeModuleName(specifier: string): string {
  return specifier.startsWith('node:') ? specifier.slice(5) : specifier;
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

function pathOf(tsApi: TsApi, node: ts.Expression, depth: number): ModulePath | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expr = skipOuterExpressions(tsApi, node);
  if (tsApi.isIdentifier(expr)) return pathOfIdentifier(tsApi, expr, depth);
  if (tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr)) {
    const name = tsApi.isPropertyAccessExpression(expr) ? expr.name.text : getStaticString(tsApi, expr.argumentExpression);
    if (name === undefined) return undefined;
    const object = skipOuterExpressions(tsApi, expr.expression);
    if (tsApi.isIdentifier(object) && GLOBAL_OBJECTS.has(object.text) && !resolveIdentifier(tsApi, object)) {
      return { module: undefined, path: name };
    }
    if (object.kind === tsApi.SyntaxKind.ThisKeyword) return pathOfThisMember(tsApi, expr, name, depth);
    const base = pathOf(tsApi, object, depth + 1);
    return base ? extend(base, name) : undefined;
  }
  if (tsApi.isCallExpression(expr)) {
    const required = getRequiredModule(tsApi, expr);
    if (required !== undefined) return moduleRoot(required, '');
    const base = pathOf(tsApi, expr.expression, depth + 1);
    return base ? { ...base, path: `${base.path}()` } : undefined;
  }
  if (tsApi.isNewExpression(expr)) {
    const base = pathOf(tsApi, expr.expression, depth + 1);
    return base ? { ...base, path: `${base.path}()` } : undefined;
  }
  return undefined;
}

function pathOfIdentifier(tsApi: TsApi, id: ts.Identifier, depth: number): ModulePath | undefined {
  const binding = resolveIdentifier(tsApi, id);
  if (!binding) return { module: undefined, path: id.text };
  const decl = binding.declaration;
  if (tsApi.isImportClause(decl)) {
    const spec = getStaticString(tsApi, decl.parent.moduleSpecifier);
    return spec === undefined ? undefined : moduleRoot(spec, '');
  }
  if (tsApi.isNamespaceImport(decl)) {
    const spec = getStaticString(tsApi, decl.parent.parent.moduleSpecifier);
    return spec === undefined ? undefined : moduleRoot(spec, '');
  }
  if (tsApi.isImportSpecifier(decl)) {
    const spec = getStaticString(tsApi, decl.parent.parent.parent.moduleSpecifier);
    const imported = decl.propertyName ? getPropertyNameText(tsApi, decl.propertyName) : decl.name.text;
    return spec === undefined || imported === undefined ? undefined : moduleRoot(spec, imported);
  }
  if (tsApi.isImportEqualsDeclaration(decl)) {
    const ref = decl.moduleReference;
    if (!tsApi.isExternalModuleReference(ref)) return undefined;
    const spec = getStaticString(tsApi, ref.expression);
    return spec === undefined ? undefined : moduleRoot(spec, '');
  }
  if (tsApi.isVariableDeclaration(decl) && decl.name === binding.name) {
    if (!decl.initializer) return typeInstancePath(tsApi, decl.type, depth);
    return pathOf(tsApi, decl.initializer, depth + 1) ?? typeInstancePath(tsApi, decl.type, depth);
  }
  if (tsApi.isBindingElement(decl) && tsApi.isObjectBindingPattern(decl.parent)) {
    // const { request } = require('undici'); const { get } = axios
    const holder = decl.parent.parent;
    if (!tsApi.isVariableDeclaration(holder) || !holder.initializer) return undefined;
    const property = decl.propertyName ? getPropertyNameText(tsApi, decl.propertyName) : binding.name.text;
    const base = pathOf(tsApi, holder.initializer, depth + 1);
    return base && property !== undefined ? extend(base, property) : undefined;
  }
  if (tsApi.isParameter(decl) && decl.name === binding.name) return typeInstancePath(tsApi, decl.type, depth);
  return undefined;
}

/** An instance of a type written as an annotation: `http: HttpService` gives `@nestjs/axios.HttpService()`. */
function typeInstancePath(tsApi: TsApi, type: ts.TypeNode | undefined, depth: number): ModulePath | undefined {
  if (!type || !tsApi.isTypeReferenceNode(type)) return undefined;
  const name = type.typeName;
  const base = tsApi.isIdentifier(name)
    ? pathOfIdentifier(tsApi, name, depth + 1)
    : tsApi.isIdentifier(name.left)
      ? (() => {
          const left = pathOfIdentifier(tsApi, name.left as ts.Identifier, depth + 1);
          return left ? extend(left, name.right.text) : undefined;
        })()
      : undefined;
  if (!base || base.module === undefined) return undefined;
  return { ...base, path: `${base.path}()` };
}

/** `this.http`: a property initializer, an injected constructor parameter, or a `this.http = ...` in the constructor. */
function pathOfThisMember(tsApi: TsApi, access: ts.Expression, name: string, depth: number): ModulePath | undefined {
  let cls: ts.Node | undefined = access.parent;
  while (cls && !tsApi.isClassDeclaration(cls) && !tsApi.isClassExpression(cls)) {
    if (tsApi.isFunctionDeclaration(cls) || tsApi.isFunctionExpression(cls)) return undefined;
    cls = cls.parent;
  }
  if (!cls) return undefined;
  const members = (cls as ts.ClassLikeDeclaration).members;
  for (const member of members) {
    if (tsApi.isPropertyDeclaration(member) && getPropertyNameText(tsApi, member.name) === name) {
      if (member.initializer) return pathOf(tsApi, member.initializer, depth + 1);
      return typeInstancePath(tsApi, member.type, depth);
    }
  }
  for (const member of members) {
    if (!tsApi.isConstructorDeclaration(member)) continue;
    for (const param of member.parameters) {
      if (tsApi.isIdentifier(param.name) && param.name.text === name && tsApi.getModifiers(param)?.length) {
        return typeInstancePath(tsApi, param.type, depth);
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
        return pathOf(tsApi, e.right, depth + 1);
      }
    }
  }
  return undefined;
}
