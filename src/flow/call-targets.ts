/**
 * Which function a call runs, syntactically: a function of this file (`helper(x)`, `this.build(x)`),
 * and with the project index a function or method of another project file: an imported function
 * (ESM or CommonJS), `ns.fn()` on a namespace or `require`d module, `this.svc.fetch(url)` on a
 * Nest service injected through the constructor (`constructor(private readonly svc: FooService)`),
 * a method of an imported instance (`export const svc = new Svc()`), a static method.
 *
 * Without the project index, imports are not followed: the answer is `undefined`.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getRequiredModule } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import { mayBeProjectModule } from './module-paths.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface CallTarget {
  readonly fn: ts.FunctionLikeDeclaration;
  readonly file: ts.SourceFile;
}

/** What an expression denotes, as far as calls go. */
type Entity =
  | { readonly kind: 'function'; readonly fn: ts.FunctionLikeDeclaration }
  | { readonly kind: 'class'; readonly decl: ts.ClassLikeDeclaration }
  | { readonly kind: 'instance'; readonly decl: ts.ClassLikeDeclaration }
  | { readonly kind: 'module'; readonly file: ts.SourceFile }
  | { readonly kind: 'object'; readonly literal: ts.ObjectLiteralExpression };

const MAX_DEPTH = 12;

const fileModeTargets = new FileScopedWeakMap<ts.CallExpression, CallTarget | null>();
const projectTargets = new WeakMap<ProjectIndex, WeakMap<ts.CallExpression, CallTarget | null>>();

/** The function a call runs, if the analysis can tell. Cached per call (and per project index). */
export function resolveCallTarget(tsApi: TsApi, call: ts.CallExpression, project: ProjectIndex | undefined): CallTarget | undefined {
  let cache: WeakMap<ts.CallExpression, CallTarget | null> = fileModeTargets;
  if (project) {
    let perProject = projectTargets.get(project);
    if (!perProject) {
      perProject = new WeakMap();
      projectTargets.set(project, perProject);
    }
    cache = perProject;
  }
  const cached = cache.get(call);
  if (cached !== undefined) return cached ?? undefined;
  const entity = entityOf(tsApi, project, call.expression, 0);
  const target = entity?.kind === 'function' ? { fn: entity.fn, file: entity.fn.getSourceFile() } : undefined;
  cache.set(call, target ?? null);
  return target;
}

/** The function an expression refers to (`helper`, `this.svc.fetch`), if any. */
export function resolveFunctionReference(tsApi: TsApi, expr: ts.Expression, project: ProjectIndex | undefined): ts.FunctionLikeDeclaration | undefined {
  const entity = entityOf(tsApi, project, expr, 0);
  return entity?.kind === 'function' ? entity.fn : undefined;
}

function asFunction(tsApi: TsApi, node: ts.Node | undefined): ts.FunctionLikeDeclaration | undefined {
  if (!node) return undefined;
  if (tsApi.isFunctionDeclaration(node) || tsApi.isMethodDeclaration(node)) return node.body ? node : undefined;
  if (tsApi.isArrowFunction(node) || tsApi.isFunctionExpression(node)) return node;
  return undefined;
}

function entityOfDeclaration(tsApi: TsApi, project: ProjectIndex | undefined, node: ts.Node, depth: number): Entity | undefined {
  const fn = asFunction(tsApi, node);
  if (fn) return { kind: 'function', fn };
  if (tsApi.isClassDeclaration(node) || tsApi.isClassExpression(node)) return { kind: 'class', decl: node };
  if (tsApi.isVariableDeclaration(node)) {
    if (node.initializer) return entityOf(tsApi, project, node.initializer, depth + 1);
    return instanceOfType(tsApi, project, node.type, depth);
  }
  if (tsApi.isPropertyAssignment(node)) return entityOf(tsApi, project, node.initializer, depth + 1);
  if (tsApi.isShorthandPropertyAssignment(node)) return entityOf(tsApi, project, node.name, depth + 1);
  if (tsApi.isExpression(node)) return entityOf(tsApi, project, node, depth + 1);
  return undefined;
}

function entityOf(tsApi: TsApi, project: ProjectIndex | undefined, node: ts.Expression, depth: number): Entity | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const expr = skipOuterExpressions(tsApi, node);
  const fn = asFunction(tsApi, expr);
  if (fn) return { kind: 'function', fn };
  if (tsApi.isClassExpression(expr)) return { kind: 'class', decl: expr };
  if (tsApi.isObjectLiteralExpression(expr)) return { kind: 'object', literal: expr };
  if (expr.kind === tsApi.SyntaxKind.ThisKeyword) {
    const cls = getEnclosingClass(tsApi, expr);
    return cls ? { kind: 'instance', decl: cls } : undefined;
  }
  if (tsApi.isNewExpression(expr)) {
    const cls = entityOf(tsApi, project, expr.expression, depth + 1);
    return cls?.kind === 'class' ? { kind: 'instance', decl: cls.decl } : undefined;
  }
  if (tsApi.isCallExpression(expr)) {
    const required = getRequiredModule(tsApi, expr);
    if (required !== undefined) {
      if (!project || !mayBeProjectModule(project, required)) return undefined;
      const file = project.resolveImport(expr.getSourceFile(), required);
      return file ? { kind: 'module', file } : undefined;
    }
    // A factory's product: `require('./articles-model')(knex)` whose module exports
    // `function (knex) { return { updateArticle(...) {...} } }`, or `createStore(db)` of this file.
    const callee = entityOf(tsApi, project, expr.expression, depth + 1);
    const factory =
      callee?.kind === 'function' ? callee.fn : callee?.kind === 'module' && project ? asFunctionEntity(exportOf(tsApi, project, callee.file, 'default', depth)) : undefined;
    const returned = factory ? getSingleReturnedExpression(tsApi, factory) : undefined;
    const product = returned ? entityOf(tsApi, project, returned, depth + 1) : undefined;
    // Only objects the factory builds: a function it returns is a wrapper (`catchAsync(fn)`), read elsewhere.
    return product?.kind === 'object' || product?.kind === 'instance' ? product : undefined;
  }
  if (tsApi.isIdentifier(expr)) return entityOfIdentifier(tsApi, project, expr, depth);
  if (tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr)) {
    const name = tsApi.isPropertyAccessExpression(expr) ? expr.name.text : getStaticString(tsApi, expr.argumentExpression);
    if (name === undefined) return undefined;
    const object = entityOf(tsApi, project, expr.expression, depth + 1);
    return object ? memberOf(tsApi, project, object, name, depth) : undefined;
  }
  return undefined;
}

function entityOfIdentifier(tsApi: TsApi, project: ProjectIndex | undefined, id: ts.Identifier, depth: number): Entity | undefined {
  const binding = resolveIdentifier(tsApi, id);
  if (!binding) return undefined;
  const decl = binding.declaration;
  const file = id.getSourceFile();
  if (tsApi.isImportClause(decl) || tsApi.isNamespaceImport(decl) || tsApi.isImportSpecifier(decl) || tsApi.isImportEqualsDeclaration(decl)) {
    if (!project) return undefined;
    let specifier: string | undefined;
    let imported = 'default';
    if (tsApi.isImportClause(decl)) specifier = getStaticString(tsApi, decl.parent.moduleSpecifier);
    else if (tsApi.isNamespaceImport(decl)) {
      specifier = getStaticString(tsApi, decl.parent.parent.moduleSpecifier);
      imported = '*';
    } else if (tsApi.isImportSpecifier(decl)) {
      specifier = getStaticString(tsApi, decl.parent.parent.parent.moduleSpecifier);
      imported = (decl.propertyName ? getPropertyNameText(tsApi, decl.propertyName) : decl.name.text) ?? 'default';
    } else if (tsApi.isExternalModuleReference(decl.moduleReference)) {
      specifier = getStaticString(tsApi, decl.moduleReference.expression);
      imported = '*';
    }
    if (specifier === undefined || !mayBeProjectModule(project, specifier)) return undefined;
    const target = project.resolveImport(file, specifier);
    if (!target) return undefined;
    if (imported === '*') return { kind: 'module', file: target };
    return exportOf(tsApi, project, target, imported, depth) ?? (imported === 'default' ? { kind: 'module', file: target } : undefined);
  }
  if (tsApi.isBindingElement(decl) && tsApi.isObjectBindingPattern(decl.parent)) {
    // const { probe } = require('../lib/probe')
    const holder = decl.parent.parent;
    if (!tsApi.isVariableDeclaration(holder) || !holder.initializer) return undefined;
    const property = decl.propertyName ? getPropertyNameText(tsApi, decl.propertyName) : binding.name.text;
    const object = entityOf(tsApi, project, holder.initializer, depth + 1);
    return object && property !== undefined ? memberOf(tsApi, project, object, property, depth) : undefined;
  }
  if (tsApi.isParameter(decl)) return instanceOfType(tsApi, project, decl.type, depth);
  if (tsApi.isVariableDeclaration(decl) && decl.name !== binding.name) return undefined;
  return entityOfDeclaration(tsApi, project, decl, depth);
}

function asFunctionEntity(entity: Entity | undefined): ts.FunctionLikeDeclaration | undefined {
  return entity?.kind === 'function' ? entity.fn : undefined;
}

/** What a function returns when it has one `return` at the top of its body, or a concise body. */
function getSingleReturnedExpression(tsApi: TsApi, fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!tsApi.isBlock(body)) return body;
  const returns = body.statements.filter(tsApi.isReturnStatement);
  return returns.length === 1 ? returns[0]!.expression : undefined;
}

function exportOf(tsApi: TsApi, project: ProjectIndex, file: ts.SourceFile, name: string, depth: number): Entity | undefined {
  const resolved = project.resolveExport(file, name);
  if (!resolved) return undefined;
  if (resolved.declaration) return entityOfDeclaration(tsApi, project, resolved.declaration, depth + 1);
  return entityOfDeclaration(tsApi, project, resolved.binding.node, depth + 1);
}

function memberOf(tsApi: TsApi, project: ProjectIndex | undefined, object: Entity, name: string, depth: number): Entity | undefined {
  switch (object.kind) {
    case 'module':
      return project ? exportOf(tsApi, project, object.file, name, depth) : undefined;
    case 'object': {
      for (const prop of object.literal.properties) {
        if (getPropertyNameText(tsApi, prop.name) !== name) continue;
        if (tsApi.isMethodDeclaration(prop)) return { kind: 'function', fn: prop };
        return entityOfDeclaration(tsApi, project, prop, depth);
      }
      return undefined;
    }
    case 'class':
    case 'instance': {
      const wantStatic = object.kind === 'class';
      for (const member of object.decl.members) {
        if (getPropertyNameText(tsApi, member.name as ts.PropertyName | undefined) !== name) continue;
        const isStatic = (tsApi.getModifiers(member as ts.HasModifiers) ?? []).some((m) => m.kind === tsApi.SyntaxKind.StaticKeyword);
        if (isStatic !== wantStatic) continue;
        if (tsApi.isMethodDeclaration(member)) return member.body ? { kind: 'function', fn: member } : undefined;
        if (tsApi.isPropertyDeclaration(member)) {
          if (member.initializer) return entityOf(tsApi, project, member.initializer, depth + 1);
          return instanceOfType(tsApi, project, member.type, depth);
        }
      }
      if (!wantStatic) {
        const injected = getInjectedParameter(tsApi, object.decl, name);
        if (injected) return instanceOfType(tsApi, project, injected.type, depth);
      }
      return undefined;
    }
    case 'function':
      return undefined;
  }
}

/** A constructor parameter property (`constructor(private readonly svc: FooService)`). */
export function getInjectedParameter(tsApi: TsApi, cls: ts.ClassLikeDeclaration, name: string): ts.ParameterDeclaration | undefined {
  for (const member of cls.members) {
    if (!tsApi.isConstructorDeclaration(member)) continue;
    for (const param of member.parameters) {
      if (tsApi.isIdentifier(param.name) && param.name.text === name && (tsApi.getModifiers(param)?.length ?? 0) > 0) return param;
    }
  }
  return undefined;
}

/** An instance of a class named by a type annotation (`svc: FooService`). */
function instanceOfType(tsApi: TsApi, project: ProjectIndex | undefined, type: ts.TypeNode | undefined, depth: number): Entity | undefined {
  if (!type || !tsApi.isTypeReferenceNode(type) || !tsApi.isIdentifier(type.typeName)) return undefined;
  const cls = entityOfIdentifier(tsApi, project, type.typeName, depth + 1);
  return cls?.kind === 'class' ? { kind: 'instance', decl: cls.decl } : undefined;
}

function getEnclosingClass(tsApi: TsApi, node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (tsApi.isClassDeclaration(current) || tsApi.isClassExpression(current)) return current;
    if (tsApi.isFunctionDeclaration(current) || tsApi.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}
