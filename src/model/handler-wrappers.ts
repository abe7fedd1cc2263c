/**
 * Pass-through handler wrappers: `asyncHandler(createOrder)`, `catchAsync(fn)`, `wrap(handler)`.
 * The wrapper's returned function hands the request and response to the wrapped function and does
 * nothing else with them, so what runs for the route (its guard check, its signature check, its
 * answers) is the wrapped function. A wrapper that reads the request or answers itself
 * (`withAuth(fn)`, which checks `req.user` first) is not one: its own body is the middleware.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { walkDescendants } from '../core/walk.js';
import { findHandlerWrapperPackage } from '../catalog/handler-wrappers.js';

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
  if (!returned || returned.parameters.length < 2) return undefined;
  const forwarded = new Set<ts.Node>([returned.parameters[0]!, returned.parameters[1]!]);
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

function isForwardedParameter(tsApi: TsApi, expr: ts.Node, forwarded: ReadonlySet<ts.Node>): boolean {
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
