/**
 * Pass-through handler wrappers: `asyncHandler(createOrder)`, `catchAsync(fn)`, `wrap(handler)`.
 * The wrapper's returned function hands the request and response to the wrapped function and does
 * nothing else with them, so what runs for the route (its guard check, its signature check, its
 * answers) is the wrapped function. A wrapper that reads the request or answers itself
 * (`withAuth(fn)`, which checks `req.user` first) is not one: its own body is the middleware.
 *
 * `resolveRegisteredHandler` links a registration argument to the handler it runs through such
 * wrappers, also when the wrapper is applied where the handler is declared
 * (`const register = catchAsync(async (req, res) => ...)`, registered as `authController.register`).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings } from '../core/bindings.js';
import { resolveIdentifier } from '../core/scope.js';
import { walkDescendants } from '../core/walk.js';
import { findHandlerWrapperPackage } from '../catalog/handler-wrappers.js';
import { resolveFunctionReference } from '../flow/call-targets.js';
import { isProjectSpecifier } from '../flow/module-paths.js';
import { resolveConstValue } from './const-value.js';

/** What a wrapper call's callee was found to be: a catalogued package export, or a readable function. */
export type WrapperCallee =
  | { readonly kind: 'package'; readonly module: string; readonly imported: string; readonly member?: string }
  | { readonly kind: 'function'; readonly node: ts.FunctionLikeDeclaration };

/** The argument of `call` that is the wrapped handler, when the callee is a pass-through wrapper. */
export function getWrappedHandlerArgument(tsApi: TsApi, call: ts.CallExpression, callee: WrapperCallee): ts.Expression | undefined {
  if (callee.kind === 'package') {
    // `wrap(fn)` over `import { wrap }`, or `awaitjs.wrap(fn)` over the module object.
    const exported = callee.member === undefined ? callee.imported : callee.imported === '*' ? callee.member : undefined;
    const row = exported === undefined ? undefined : findHandlerWrapperPackage(callee.module, exported);
    return row ? call.arguments[row.handlerArgument] : undefined;
  }
  const index = forwardedParameterIndex(tsApi, callee.node);
  return index === undefined ? undefined : call.arguments[index];
}

/**
 * When `factory` returns a function whose request and response parameters are only passed on to a
 * call of one of `factory`'s own parameters, the index of that parameter.
 */
function forwardedParameterIndex(tsApi: TsApi, factory: ts.FunctionLikeDeclaration): number | undefined {
  const returned = getReturnedFunction(tsApi, factory);
  if (!returned) return undefined;
  // `(req, res, next) => fn(req, res, next)`, or with rest parameters `(...args) => fn(...args)`.
  const rest = returned.parameters.length === 1 && returned.parameters[0]!.dotDotDotToken ? returned.parameters[0] : undefined;
  if (!rest && returned.parameters.length < 2) return undefined;
  const forwarded = new Set<ts.Node>(rest ? [rest] : [returned.parameters[0]!, returned.parameters[1]!]);
  let index: number | undefined;
  let passedOn = false;
  let otherUse = false;
  walkDescendants(tsApi, returned.body!, (node) => {
    if (otherUse) return false;
    if (tsApi.isCallExpression(node)) {
      const callee = skipOuterExpressions(tsApi, node.expression);
      const target = tsApi.isIdentifier(callee) ? resolveIdentifier(tsApi, callee)?.declaration : undefined;
      const parameterIndex = target ? factory.parameters.indexOf(target as ts.ParameterDeclaration) : -1;
      if (parameterIndex >= 0 && node.arguments.some((arg) => isForwardedParameter(tsApi, arg, forwarded))) {
        if (index !== undefined && index !== parameterIndex) otherUse = true;
        index = parameterIndex;
        passedOn = true;
        // The arguments themselves are the forwarded request and response: not another use.
        for (const arg of node.arguments) if (!isForwardedParameter(tsApi, arg, forwarded)) walkDescendants(tsApi, arg, (inner) => checkUse(inner));
        return false;
      }
    }
    // `args[args.length - 1]`: the last argument, `next`, which a wrapper may hand a rejection.
    if (rest && isLastElementRead(tsApi, node, forwarded)) return false;
    return checkUse(node);
  });
  return passedOn && !otherUse ? index : undefined;

  function checkUse(node: ts.Node): boolean | undefined {
    if (tsApi.isIdentifier(node) && isForwardedParameter(tsApi, node, forwarded)) {
      otherUse = true;
      return false;
    }
    return undefined;
  }
}

/** `args[args.length - 1]` over the forwarded rest parameter `args`. */
function isLastElementRead(tsApi: TsApi, node: ts.Node, forwarded: ReadonlySet<ts.Node>): boolean {
  if (!tsApi.isElementAccessExpression(node) || !isForwardedParameter(tsApi, skipOuterExpressions(tsApi, node.expression), forwarded)) return false;
  const index = skipOuterExpressions(tsApi, node.argumentExpression);
  if (!tsApi.isBinaryExpression(index) || index.operatorToken.kind !== tsApi.SyntaxKind.MinusToken) return false;
  const length = skipOuterExpressions(tsApi, index.left);
  const one = skipOuterExpressions(tsApi, index.right);
  return (
    tsApi.isPropertyAccessExpression(length) &&
    length.name.text === 'length' &&
    isForwardedParameter(tsApi, skipOuterExpressions(tsApi, length.expression), forwarded) &&
    tsApi.isNumericLiteral(one) &&
    one.text === '1'
  );
}

function isForwardedParameter(tsApi: TsApi, node: ts.Node, forwarded: ReadonlySet<ts.Node>): boolean {
  // `fn(...args)` forwards the rest parameter `args`.
  const expr = tsApi.isSpreadElement(node) ? skipOuterExpressions(tsApi, node.expression) : node;
  if (!tsApi.isIdentifier(expr)) return false;
  const declaration = resolveIdentifier(tsApi, expr)?.declaration;
  return declaration !== undefined && forwarded.has(declaration);
}

/** `(fn) => (req, res, next) => ...` or `function (fn) { return function (req, res, next) {...} }`. */
function getReturnedFunction(tsApi: TsApi, factory: ts.FunctionLikeDeclaration): ts.FunctionLikeDeclaration | undefined {
  const body = factory.body;
  if (!body) return undefined;
  if (!tsApi.isBlock(body)) {
    const expr = skipOuterExpressions(tsApi, body);
    return isFunctionLike(tsApi, expr) && expr.body ? expr : undefined;
  }
  let found: ts.FunctionLikeDeclaration | undefined;
  for (const statement of body.statements) {
    if (!tsApi.isReturnStatement(statement) || !statement.expression) continue;
    const expr = skipOuterExpressions(tsApi, statement.expression);
    if (!isFunctionLike(tsApi, expr) || !expr.body || found) return undefined;
    found = expr;
  }
  return found;
}

export interface RegisteredHandlerLookup {
  readonly ts: TsApi;
  readonly project?: ProjectIndex;
}

const MAX_DEPTH = 8;

/**
 * The function a registration argument runs as its handler, through pass-through wrappers wherever
 * they are applied: at the registration (`asyncHandler(updateBooking)`, `ctrl.update.bind(ctrl)`) or
 * where the name is declared (`const register = catchAsync(async (req, res) => ...)`, also exported
 * from a controller file and registered as `authController.register`). A wrapper counts when it is a
 * catalogued package export or a function whose body only forwards the request and response to its
 * parameter; anything else (`withAuth(fn)`, a wrapper out of view) is not seen through.
 */
export function resolveRegisteredHandler(lookup: RegisteredHandlerLookup, expr: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  return resolveRegistered(lookup, expr, 0);
}

function resolveRegistered(lookup: RegisteredHandlerLookup, node: ts.Expression, depth: number): ts.FunctionLikeDeclaration | undefined {
  const tsApi = lookup.ts;
  if (depth > MAX_DEPTH) return undefined;
  const expr = skipOuterExpressions(tsApi, node);
  if (isFunctionLike(tsApi, expr)) return expr;
  if (tsApi.isCallExpression(expr)) {
    const callee = skipOuterExpressions(tsApi, expr.expression);
    if (tsApi.isPropertyAccessExpression(callee) && callee.name.text === 'bind') return resolveRegistered(lookup, callee.expression, depth + 1);
    const wrapper = resolveWrapperCallee(lookup, expr);
    const wrapped = wrapper ? getWrappedHandlerArgument(tsApi, expr, wrapper) : undefined;
    return wrapped ? resolveRegistered(lookup, wrapped, depth + 1) : undefined;
  }
  if (!tsApi.isIdentifier(expr) && !tsApi.isPropertyAccessExpression(expr)) return undefined;
  const fn = resolveFunctionReference(tsApi, expr, lookup.project);
  if (fn) return fn;
  const value = getDeclaredValue(lookup, expr);
  return value && tsApi.isCallExpression(skipOuterExpressions(tsApi, value)) ? resolveRegistered(lookup, value, depth + 1) : undefined;
}

/**
 * The expression a name is declared with: a constant of this file or another project file, a member
 * of a constant object, or an export of a module required whole (`const ctrl = require('./ctrl')`,
 * then `ctrl.register`).
 */
function getDeclaredValue(lookup: RegisteredHandlerLookup, expr: ts.Identifier | ts.PropertyAccessExpression): ts.Expression | undefined {
  const tsApi = lookup.ts;
  const file = expr.getSourceFile();
  const value = resolveConstValue({ ts: tsApi, file, project: lookup.project }, expr);
  if (value.kind === 'value' && value.expression !== skipOuterExpressions(tsApi, expr)) return value.expression;
  if (!tsApi.isPropertyAccessExpression(expr)) return undefined;
  const owner = skipOuterExpressions(tsApi, expr.expression);
  const module = tsApi.isIdentifier(owner) ? getWholeModuleImport(tsApi, owner) : undefined;
  return module === undefined ? undefined : getExportedValue(lookup, file, module, expr.name.text);
}

/** The module a name stands for as a whole: `const ctrl = require('./ctrl')`, or a namespace import of `./ctrl`. */
function getWholeModuleImport(tsApi: TsApi, name: ts.Identifier): string | undefined {
  const binding = getFileBindings(tsApi, name.getSourceFile()).imports.get(name.text);
  if (!binding || binding.imported !== '*') return undefined;
  const declaration = resolveIdentifier(tsApi, name)?.declaration;
  // Not shadowed by a local of the same name.
  return declaration === undefined || declaration === binding.node || tsApi.isNamespaceImport(declaration) ? binding.module : undefined;
}

/** The expression an export of a project module is declared with (`exports.x = v`, `export const x = v`, `module.exports = { x }`). */
function getExportedValue(lookup: RegisteredHandlerLookup, file: ts.SourceFile, module: string, exported: string): ts.Expression | undefined {
  const tsApi = lookup.ts;
  const target = lookup.project?.resolveImport(file, module);
  const resolved = target ? lookup.project!.resolveExport(target, exported) : undefined;
  if (!resolved) return undefined;
  const node = resolved.declaration ?? resolved.binding.node;
  if (tsApi.isVariableDeclaration(node)) return node.initializer;
  if (tsApi.isShorthandPropertyAssignment(node)) return node.name;
  return tsApi.isFunctionDeclaration(node) || tsApi.isClassDeclaration(node) || !tsApi.isExpression(node as ts.Expression) ? undefined : (node as ts.Expression);
}

/** What the callee of a possible wrapper call is: a readable function, or a package export. */
function resolveWrapperCallee(lookup: RegisteredHandlerLookup, call: ts.CallExpression): WrapperCallee | undefined {
  const tsApi = lookup.ts;
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (!tsApi.isIdentifier(callee) && !tsApi.isPropertyAccessExpression(callee)) return undefined;
  const fn = resolveFunctionReference(tsApi, callee, lookup.project);
  if (fn) return { kind: 'function', node: fn };
  const root = tsApi.isIdentifier(callee) ? callee : skipOuterExpressions(tsApi, callee.expression);
  if (!tsApi.isIdentifier(root)) return undefined;
  const file = call.getSourceFile();
  const binding = getFileBindings(tsApi, file).imports.get(root.text);
  const declaration = resolveIdentifier(tsApi, root)?.declaration;
  if (!binding || (declaration !== undefined && declaration !== binding.node && !isImportNode(tsApi, declaration))) return undefined;
  const target = lookup.project?.resolveImport(file, binding.module);
  if (!target) {
    if (isProjectSpecifier(binding.module)) return undefined; // a project file out of view
    const member = tsApi.isPropertyAccessExpression(callee) ? { member: callee.name.text } : {};
    return { kind: 'package', module: binding.module, imported: binding.imported, ...member };
  }
  // `const catchAsync = require('../utils/catchAsync')` over `module.exports = catchAsync`.
  if (binding.imported !== '*' || !tsApi.isIdentifier(callee)) return undefined;
  const value = getExportedValue(lookup, file, binding.module, 'default');
  const wrapper = value ? skipOuterExpressions(tsApi, value) : undefined;
  if (!wrapper) return undefined;
  const node = isFunctionLike(tsApi, wrapper) ? wrapper : tsApi.isIdentifier(wrapper) ? resolveFunctionReference(tsApi, wrapper, lookup.project) : undefined;
  return node ? { kind: 'function', node } : undefined;
}

function isImportNode(tsApi: TsApi, node: ts.Node): boolean {
  return tsApi.isImportClause(node) || tsApi.isImportSpecifier(node) || tsApi.isNamespaceImport(node) || tsApi.isImportEqualsDeclaration(node);
}
