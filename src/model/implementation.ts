/**
 * What code an expression used as middleware, hook, guard or handler runs: a function or class in
 * this file or, with the project index, in another project file. Follows local names, imports
 * (`import { requireAuth } from './auth.js'`, `require('./auth')`), namespace members
 * (`auth.requireAuth`), constant object members (`guards.admin`), factory calls (`requireRole('admin')`
 * runs `requireRole`'s body, whose returned function is the middleware; a pass-through wrapper such as
 * `asyncHandler(verify)` runs `verify`), `new Guard()`, instance
 * methods (`controller.create` where `controller = new UsersController()`), and Fastify decorations
 * (`fastify.authenticate` where some plugin does `fastify.decorate('authenticate', fn)`).
 *
 * When the code cannot be read it says why: a package import (with its module and exported name),
 * an import of a project file the per-file mode cannot open, a parameter, anything else.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getPropertyNameText, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, getRequiredModule } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import { resolveConstValue } from './const-value.js';
import { getWrappedHandlerArgument } from './handler-wrappers.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

export interface ImplementationLookup {
  readonly ts: TsApi;
  readonly project?: ProjectIndex;
}

export type Implementation =
  /** A function (declaration, expression, arrow, method) whose body is readable. */
  | { readonly kind: 'function'; readonly file: ts.SourceFile; readonly node: ts.FunctionLikeDeclaration; readonly called: boolean }
  /** A class (a Nest guard or middleware class). */
  | { readonly kind: 'class'; readonly file: ts.SourceFile; readonly node: ts.ClassLikeDeclaration }
  /** Another expression the name stands for (`const auth = passport.authenticate('jwt')`): classify it instead. */
  | { readonly kind: 'expression'; readonly file: ts.SourceFile; readonly node: ts.Expression }
  /** Imported from a package: its module, export and the member path used on it. */
  | { readonly kind: 'package'; readonly module: string; readonly imported: string; readonly member?: string }
  /** Imported from a project file the analysis cannot open here (per-file mode), or not found in it. */
  | { readonly kind: 'unread'; readonly module: string; readonly imported: string }
  /** A parameter, a dynamic value, a global: nothing to read. */
  | { readonly kind: 'unknown'; readonly reason: string };

const MAX_DEPTH = 12;
const decorationKeys = new WeakMap<ProjectIndex, object>();
const fileDecorations = new FileScopedWeakMap<ts.SourceFile, ReadonlyMap<string, ts.Expression>>();

/** The implementation behind `node`, written in `file`. */
export function resolveImplementation(lookup: ImplementationLookup, file: ts.SourceFile, node: ts.Expression): Implementation {
  return resolveIn(lookup, file, node, 0, false);
}

function resolveIn(lookup: ImplementationLookup, file: ts.SourceFile, node: ts.Expression, depth: number, called: boolean): Implementation {
  const tsApi = lookup.ts;
  if (depth > MAX_DEPTH) return { kind: 'unknown', reason: 'too deep' };
  const expr = skipOuterExpressions(tsApi, node);
  if (isFunctionLike(tsApi, expr)) return { kind: 'function', file, node: expr, called };
  if (tsApi.isClassExpression(expr)) return { kind: 'class', file, node: expr };
  if (tsApi.isIdentifier(expr)) return resolveName(lookup, file, expr, depth, called);
  if (tsApi.isCallExpression(expr)) {
    const required = getRequiredModule(tsApi, expr);
    if (required !== undefined) return resolveModuleExport(lookup, file, required, '*', undefined, depth);
    const callee = resolveIn(lookup, file, expr.expression, depth + 1, true);
    // `asyncHandler(verifyWebhook)`: a pass-through wrapper runs the function it wraps.
    const wrapped = callee.kind === 'function' || callee.kind === 'package' ? getWrappedHandlerArgument(tsApi, expr, callee) : undefined;
    if (wrapped) return resolveIn(lookup, file, wrapped, depth + 1, called);
    // A factory call: the factory's body holds the returned middleware.
    if (callee.kind === 'function') return { ...callee, called: true };
    return callee;
  }
  if (tsApi.isNewExpression(expr)) return resolveIn(lookup, file, expr.expression, depth + 1, false);
  if (tsApi.isPropertyAccessExpression(expr) || tsApi.isElementAccessExpression(expr)) return resolveMember(lookup, file, expr, depth, called);
  // An exported controller object (`export const ProfileController = { async update(...) {...} }`): its members are read.
  if (tsApi.isObjectLiteralExpression(expr)) return { kind: 'expression', file, node: expr };
  return { kind: 'unknown', reason: 'not a name' };
}

function resolveName(lookup: ImplementationLookup, file: ts.SourceFile, identifier: ts.Identifier, depth: number, called: boolean): Implementation {
  const tsApi = lookup.ts;
  const binding = resolveIdentifier(tsApi, identifier);
  const imported = getFileBindings(tsApi, file).imports.get(identifier.text);
  if (imported && (!binding || binding.declaration === imported.node || isImportNode(tsApi, binding.declaration))) {
    return resolveModuleExport(lookup, file, imported.module, imported.imported, undefined, depth);
  }
  if (!binding) return { kind: 'unknown', reason: `\`${identifier.text}\` is not declared in this file` };
  const declaration = binding.declaration;
  if (tsApi.isFunctionDeclaration(declaration)) return { kind: 'function', file, node: declaration, called };
  if (tsApi.isClassDeclaration(declaration)) return { kind: 'class', file, node: declaration };
  if (tsApi.isVariableDeclaration(declaration) && declaration.initializer && tsApi.isIdentifier(declaration.name)) {
    const init = skipOuterExpressions(tsApi, declaration.initializer);
    if (isFunctionLike(tsApi, init)) return { kind: 'function', file, node: init, called };
    if (tsApi.isClassExpression(init)) return { kind: 'class', file, node: init };
    if (tsApi.isIdentifier(init) || tsApi.isPropertyAccessExpression(init)) return resolveIn(lookup, file, init, depth + 1, called);
    return { kind: 'expression', file, node: init };
  }
  if (tsApi.isParameter(declaration)) return { kind: 'unknown', reason: `\`${identifier.text}\` is a parameter` };
  return { kind: 'unknown', reason: `\`${identifier.text}\` is not a constant` };
}

function isImportNode(tsApi: TsApi, node: ts.Node): boolean {
  return tsApi.isImportClause(node) || tsApi.isImportSpecifier(node) || tsApi.isNamespaceImport(node) || tsApi.isImportEqualsDeclaration(node);
}

function resolveMember(
  lookup: ImplementationLookup,
  file: ts.SourceFile,
  expr: ts.PropertyAccessExpression | ts.ElementAccessExpression,
  depth: number,
  called: boolean,
): Implementation {
  const tsApi = lookup.ts;
  const name = tsApi.isPropertyAccessExpression(expr) ? expr.name.text : getPropertyNameText(tsApi, expr.argumentExpression as ts.PropertyName);
  if (name === undefined) return { kind: 'unknown', reason: 'computed member' };
  const owner = skipOuterExpressions(tsApi, expr.expression);
  // require('./auth').requireAuth
  const required = getRequiredModule(tsApi, owner);
  if (required !== undefined) return resolveModuleExport(lookup, file, required, name, undefined, depth);
  if (tsApi.isIdentifier(owner)) {
    const imported = getFileBindings(tsApi, file).imports.get(owner.text);
    const binding = resolveIdentifier(tsApi, owner);
    if (imported && (!binding || binding.declaration === imported.node || isImportNode(tsApi, binding.declaration))) {
      // `auth.requireAuth` over `import * as auth`, or `passport.authenticate` over a package default.
      if (imported.imported === '*') return resolveModuleExport(lookup, file, imported.module, name, undefined, depth, imported.imported);
      return resolveModuleExport(lookup, file, imported.module, imported.imported, name, depth);
    }
  }
  // A constant object's member: `const guards = { admin: requireRole('admin') }`.
  const value = resolveConstValue({ ts: tsApi, file, project: lookup.project }, expr);
  if (value.kind === 'value' && value.expression !== expr) return resolveIn(lookup, value.file, value.expression, depth + 1, called);
  // An instance method: `controller.create` with `const controller = new UsersController()`.
  const ownerImplementation = resolveIn(lookup, file, owner, depth + 1, false);
  if (ownerImplementation.kind === 'class') {
    const method = findClassMember(tsApi, ownerImplementation.node, name);
    if (method) return { kind: 'function', file: ownerImplementation.file, node: method, called };
  }
  if (ownerImplementation.kind === 'package') {
    return { ...ownerImplementation, member: ownerImplementation.member ? `${ownerImplementation.member}.${name}` : name };
  }
  // `fastify.authenticate`, `this.verifyJwt`, `request.server.authenticate`: a decoration.
  const decorated = findDecoration(lookup, file, name);
  if (decorated) return resolveIn(lookup, decorated.file, decorated.expression, depth + 1, called);
  return { kind: 'unknown', reason: `\`${name}\` is a member the analysis cannot follow` };
}

function findClassMember(tsApi: TsApi, cls: ts.ClassLikeDeclaration, name: string): ts.FunctionLikeDeclaration | undefined {
  for (const member of cls.members) {
    if (tsApi.isMethodDeclaration(member) && getPropertyNameText(tsApi, member.name) === name) return member;
    if (tsApi.isPropertyDeclaration(member) && getPropertyNameText(tsApi, member.name) === name && member.initializer) {
      const init = skipOuterExpressions(tsApi, member.initializer);
      if (isFunctionLike(tsApi, init)) return init;
    }
  }
  return undefined;
}

function resolveModuleExport(
  lookup: ImplementationLookup,
  file: ts.SourceFile,
  module: string,
  imported: string,
  member: string | undefined,
  depth: number,
  namespace?: string,
): Implementation {
  const project = lookup.project;
  const target = project?.resolveImport(file, module);
  if (!target) {
    if (isRelativeOrAlias(module) || (project === undefined && looksLikeProjectModule(module))) {
      return { kind: 'unread', module, imported: namespace === '*' ? imported : imported };
    }
    return { kind: 'package', module, imported: namespace ?? imported, ...(namespace === '*' ? { member: imported } : member ? { member } : {}) };
  }
  const tsApi = lookup.ts;
  // `const gate = require('./gate')` of a CommonJS module: the whole module is what `module.exports` holds.
  const resolved = imported === '*' ? getCommonJsModuleValue(tsApi, project!, target) : project!.resolveExport(target, imported);
  if (!resolved) return imported === '*' ? { kind: 'unknown', reason: `the whole module \`${module}\`` } : { kind: 'unread', module, imported };
  const node = resolved.declaration ?? resolved.binding.node;
  let implementation: Implementation;
  if (tsApi.isFunctionDeclaration(node)) implementation = { kind: 'function', file: resolved.file, node, called: false };
  else if (tsApi.isClassDeclaration(node)) implementation = { kind: 'class', file: resolved.file, node };
  else if (tsApi.isVariableDeclaration(node)) {
    implementation = node.initializer
      ? resolveIn(lookup, resolved.file, node.initializer, depth + 1, false)
      : { kind: 'unknown', reason: 'uninitialized export' };
  } else if (tsApi.isExpression(node as ts.Expression)) implementation = resolveIn(lookup, resolved.file, node as ts.Expression, depth + 1, false);
  else implementation = { kind: 'unknown', reason: 'export the analysis cannot read' };
  if (member === undefined) return implementation;
  if (implementation.kind === 'class') {
    const method = findClassMember(tsApi, implementation.node, member);
    return method ? { kind: 'function', file: implementation.file, node: method, called: false } : { kind: 'unknown', reason: `\`${member}\`` };
  }
  if (implementation.kind === 'expression') {
    const object = skipOuterExpressions(tsApi, implementation.node);
    if (tsApi.isObjectLiteralExpression(object)) {
      for (const prop of object.properties) {
        if (getPropertyNameText(tsApi, prop.name) !== member) continue;
        if (tsApi.isPropertyAssignment(prop)) return resolveIn(lookup, implementation.file, prop.initializer, depth + 1, false);
        if (tsApi.isShorthandPropertyAssignment(prop)) return resolveIn(lookup, implementation.file, prop.name, depth + 1, false);
        if (tsApi.isMethodDeclaration(prop)) return { kind: 'function', file: implementation.file, node: prop, called: false };
      }
    }
    if (tsApi.isNewExpression(object)) {
      const cls = resolveIn(lookup, implementation.file, object.expression, depth + 1, false);
      if (cls.kind === 'class') {
        const method = findClassMember(tsApi, cls.node, member);
        if (method) return { kind: 'function', file: cls.file, node: method, called: false };
      }
    }
  }
  return { kind: 'unknown', reason: `\`${member}\` of \`${module}\`` };
}

/** What `module.exports = x` makes a CommonJS module (bindings record it as the `default` export); undefined for an ES module. */
function getCommonJsModuleValue(tsApi: TsApi, project: ProjectIndex, file: ts.SourceFile): ReturnType<ProjectIndex['resolveExport']> {
  const resolved = project.resolveExport(file, 'default');
  if (!resolved) return undefined;
  let node: ts.Node = resolved.binding.node;
  while (node.parent && tsApi.isParenthesizedExpression(node.parent)) node = node.parent;
  const assignment = node.parent;
  if (!assignment || !tsApi.isBinaryExpression(assignment) || assignment.right !== node) return undefined;
  const left = skipOuterExpressions(tsApi, assignment.left);
  const isModuleExports =
    tsApi.isPropertyAccessExpression(left) && left.name.text === 'exports' && tsApi.isIdentifier(left.expression) && left.expression.text === 'module';
  return isModuleExports ? resolved : undefined;
}

function isRelativeOrAlias(module: string): boolean {
  return /^(?:\.{1,2}(?:\/|$)|\/)/.test(module);
}

/** Per-file mode cannot resolve aliases: `@/auth`, `~/auth`, `src/auth` are treated as project files. */
function looksLikeProjectModule(module: string): boolean {
  return /^(?:~\/|@\/|#|src\/)/.test(module);
}

/** `x.decorate('name', value)` calls of a file, by name. */
function getFileDecorations(tsApi: TsApi, file: ts.SourceFile): ReadonlyMap<string, ts.Expression> {
  let map = fileDecorations.get(file);
  if (map) return map;
  const found = new Map<string, ts.Expression>();
  if (file.text.includes('decorate')) {
    forEachNodeOfKinds(tsApi, file, [tsApi.SyntaxKind.CallExpression], (node) => {
      if (!tsApi.isCallExpression(node) || node.arguments.length < 2) return;
      const callee = skipOuterExpressions(tsApi, node.expression);
      if (!tsApi.isPropertyAccessExpression(callee) || callee.name.text !== 'decorate') return;
      const nameArg = node.arguments[0]!;
      const name = tsApi.isStringLiteralLike(nameArg) ? nameArg.text : undefined;
      if (name && !found.has(name)) found.set(name, node.arguments[1]!);
    });
  }
  map = found;
  fileDecorations.set(file, map);
  return map;
}

/** The value decorated under `name`: in this file first, then anywhere in the project. */
function findDecoration(lookup: ImplementationLookup, file: ts.SourceFile, name: string): { file: ts.SourceFile; expression: ts.Expression } | undefined {
  const local = getFileDecorations(lookup.ts, file).get(name);
  if (local) return { file, expression: local };
  const project = lookup.project;
  if (!project) return undefined;
  let key = decorationKeys.get(project);
  if (!key) {
    key = {};
    decorationKeys.set(project, key);
  }
  const all = project.memo(key, () => {
    const byName = new Map<string, { file: ts.SourceFile; expression: ts.Expression }>();
    for (const candidate of project.files()) {
      for (const [decorated, expression] of getFileDecorations(lookup.ts, candidate)) {
        if (!byName.has(decorated)) byName.set(decorated, { file: candidate, expression });
      }
    }
    return byName;
  });
  return all.get(name);
}
