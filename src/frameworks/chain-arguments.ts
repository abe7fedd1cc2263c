/**
 * Middleware and hook arguments as chain items: arrays and constant arrays of the same file are
 * flattened (`router.get('/x', [requireAuth, isAdmin], handler)`, `const adminOnly = [...]`), a
 * spread of something the file does not fix stays one item (`...middlewares`).
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getShortText, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import type { ChainItem } from '../model/facts.js';

/** The expressions an argument list stands for, arrays flattened. */
export function flattenArguments(tsApi: TsApi, args: readonly ts.Expression[]): ts.Expression[] {
  const out: ts.Expression[] = [];
  const visit = (node: ts.Expression, depth: number): void => {
    const expr = skipOuterExpressions(tsApi, node);
    if (depth < 6 && tsApi.isArrayLiteralExpression(expr)) {
      for (const element of expr.elements) visit(element, depth + 1);
      return;
    }
    if (depth < 6 && tsApi.isSpreadElement(expr)) {
      const array = getConstArray(tsApi, expr.expression);
      if (array) {
        visit(array, depth + 1);
        return;
      }
      out.push(expr);
      return;
    }
    if (depth < 6 && tsApi.isIdentifier(expr)) {
      const array = getConstArray(tsApi, expr);
      if (array) {
        visit(array, depth + 1);
        return;
      }
    }
    out.push(expr);
  };
  for (const arg of args) visit(arg, 0);
  return out;
}

/** A chain item for an argument expression. */
export function toChainItem(sourceFile: ts.SourceFile, node: ts.Expression, role: ChainItem['role'], hook?: string): ChainItem {
  return { node, text: getShortText(sourceFile, node, 60), role, ...(hook ? { hook } : {}) };
}

/** The array literal a `const` name is initialized with, in this file. */
function getConstArray(tsApi: TsApi, node: ts.Expression): ts.ArrayLiteralExpression | undefined {
  const expr = skipOuterExpressions(tsApi, node);
  if (!tsApi.isIdentifier(expr)) return undefined;
  const binding = resolveIdentifier(tsApi, expr);
  const declaration = binding?.declaration;
  if (!declaration || !tsApi.isVariableDeclaration(declaration) || !declaration.initializer) return undefined;
  const list = declaration.parent;
  if (!tsApi.isVariableDeclarationList(list) || (list.flags & tsApi.NodeFlags.Const) === 0) return undefined;
  const init = skipOuterExpressions(tsApi, declaration.initializer);
  return tsApi.isArrayLiteralExpression(init) ? init : undefined;
}
