/**
 * The conditions known to hold (or to fail) where a node runs, syntax only: the `if` or `?:`
 * branch it sits in, the left side of `&&`/`||` it is the right side of, the `case` of a `switch`,
 * and every earlier `if (C) return/throw ...;` in an enclosing block (after it, `C` is false).
 * Nearest first; the walk continues across function boundaries, because a handler declared inside
 * `if (isDev) { app.use((err, req, res, next) => ...) }` only exists when the condition holds.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';

export type DominatingCondition =
  /** `condition` evaluates to `holds` wherever the node runs. */
  | { readonly kind: 'condition'; readonly condition: ts.Expression; readonly holds: boolean }
  /** The node runs in `clause` of a `switch (discriminant)`. */
  | { readonly kind: 'case'; readonly discriminant: ts.Expression; readonly clause: ts.CaseClause };

/** The conditions that dominate `node`, nearest first. */
export function getDominatingConditions(tsApi: TsApi, node: ts.Node): DominatingCondition[] {
  const found: DominatingCondition[] = [];
  const add = (condition: ts.Expression, holds: boolean): void => {
    found.push({ kind: 'condition', condition, holds });
  };
  let child: ts.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (tsApi.isIfStatement(parent)) {
      if (child === parent.thenStatement) add(parent.expression, true);
      else if (child === parent.elseStatement) add(parent.expression, false);
    } else if (tsApi.isConditionalExpression(parent)) {
      if (child === parent.whenTrue) add(parent.condition, true);
      else if (child === parent.whenFalse) add(parent.condition, false);
    } else if (tsApi.isBinaryExpression(parent) && child === parent.right) {
      const op = parent.operatorToken.kind;
      if (op === tsApi.SyntaxKind.AmpersandAmpersandToken) add(parent.left, true);
      else if (op === tsApi.SyntaxKind.BarBarToken) add(parent.left, false);
    } else if (tsApi.isCaseClause(parent)) {
      found.push({ kind: 'case', discriminant: parent.parent.parent.expression, clause: parent });
    }
    if (tsApi.isBlock(parent) || tsApi.isSourceFile(parent) || tsApi.isCaseClause(parent) || tsApi.isDefaultClause(parent)) {
      addEarlyExits(tsApi, parent.statements, child, add);
    }
  }
  return found;
}

/** `if (C) return ...;` before `statement` in the same block: after it, `C` is false. Nearest first. */
function addEarlyExits(
  tsApi: TsApi,
  statements: readonly ts.Statement[],
  statement: ts.Node,
  add: (condition: ts.Expression, holds: boolean) => void,
): void {
  const index = statements.indexOf(statement as ts.Statement);
  for (let i = index - 1; i >= 0; i--) {
    const earlier = statements[i]!;
    if (tsApi.isIfStatement(earlier) && !earlier.elseStatement && alwaysExits(tsApi, earlier.thenStatement)) {
      add(earlier.expression, false);
    }
  }
}

/** True when a statement always leaves the function (`return`, `throw`, or a block ending in one). */
export function alwaysExits(tsApi: TsApi, statement: ts.Statement): boolean {
  if (tsApi.isReturnStatement(statement) || tsApi.isThrowStatement(statement)) return true;
  if (tsApi.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && alwaysExits(tsApi, last);
  }
  if (tsApi.isIfStatement(statement)) {
    return statement.elseStatement !== undefined && alwaysExits(tsApi, statement.thenStatement) && alwaysExits(tsApi, statement.elseStatement);
  }
  return false;
}

/**
 * The conjuncts known from one dominating condition: `A && B` holding gives `A` and `B`; `A || B`
 * failing gives `!A` and `!B`; `!A` flips. Anything else is returned as is.
 */
export function splitCondition(tsApi: TsApi, condition: ts.Expression, holds: boolean): { readonly condition: ts.Expression; readonly holds: boolean }[] {
  const out: { condition: ts.Expression; holds: boolean }[] = [];
  const stack: { condition: ts.Expression; holds: boolean }[] = [{ condition, holds }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    let expr = item.condition;
    while (tsApi.isParenthesizedExpression(expr)) expr = expr.expression;
    if (tsApi.isPrefixUnaryExpression(expr) && expr.operator === tsApi.SyntaxKind.ExclamationToken) {
      stack.push({ condition: expr.operand, holds: !item.holds });
      continue;
    }
    if (tsApi.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if ((op === tsApi.SyntaxKind.AmpersandAmpersandToken && item.holds) || (op === tsApi.SyntaxKind.BarBarToken && !item.holds)) {
        stack.push({ condition: expr.right, holds: item.holds }, { condition: expr.left, holds: item.holds });
        continue;
      }
    }
    out.push({ condition: expr, holds: item.holds });
  }
  return out;
}
