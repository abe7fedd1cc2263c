/**
 * How a callee is named in messages and matched against user-listed names: `User.create`,
 * `this.repo.save`, `db(…).where(…).update`. Iterative and bounded, so a chain of thousands of
 * calls costs a few steps, not its depth.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getStaticString, skipOuterExpressions } from '../core/ast.js';

const DEFAULT_MAX_PARTS = 8;

/**
 * The dotted path of identifiers, `this` and static member reads (`this.repo.save`); `undefined`
 * when the expression holds a call or a computed member, or has more than `maxParts` parts.
 */
export function getMemberPath(tsApi: TsApi, expression: ts.Expression, maxParts = DEFAULT_MAX_PARTS): string | undefined {
  const parts: string[] = [];
  let current = skipOuterExpressions(tsApi, expression);
  while (parts.length <= maxParts) {
    if (tsApi.isIdentifier(current)) {
      parts.unshift(current.text);
      return parts.join('.');
    }
    if (current.kind === tsApi.SyntaxKind.ThisKeyword) {
      parts.unshift('this');
      return parts.join('.');
    }
    if (tsApi.isPropertyAccessExpression(current)) {
      parts.unshift(current.name.text);
    } else if (tsApi.isElementAccessExpression(current)) {
      const key = getStaticString(tsApi, current.argumentExpression);
      if (key === undefined) return undefined;
      parts.unshift(key);
    } else {
      return undefined;
    }
    current = skipOuterExpressions(tsApi, current.expression);
  }
  return undefined;
}

/**
 * A readable name for a callee, calls written `(…)`: `db(…).where(…).update`. Long chains keep
 * their last parts: `…where(…).update`.
 */
export function describeCallee(tsApi: TsApi, expression: ts.Expression, maxParts = DEFAULT_MAX_PARTS): string {
  const parts: string[] = [];
  let current = skipOuterExpressions(tsApi, expression);
  for (;;) {
    if (parts.length >= maxParts) {
      parts.unshift('…');
      break;
    }
    if (tsApi.isIdentifier(current)) {
      parts.unshift(current.text);
      break;
    }
    if (current.kind === tsApi.SyntaxKind.ThisKeyword) {
      parts.unshift('this');
      break;
    }
    if (tsApi.isPropertyAccessExpression(current)) {
      parts.unshift(current.name.text);
      current = skipOuterExpressions(tsApi, current.expression);
      continue;
    }
    if (tsApi.isCallExpression(current)) {
      const callee = skipOuterExpressions(tsApi, current.expression);
      if (tsApi.isIdentifier(callee) || tsApi.isPropertyAccessExpression(callee)) {
        const name = tsApi.isIdentifier(callee) ? callee.text : callee.name.text;
        parts.unshift(`${name}(…)`);
        if (tsApi.isIdentifier(callee)) break;
        current = skipOuterExpressions(tsApi, callee.expression);
        continue;
      }
    }
    parts.unshift('…');
    break;
  }
  return parts.join('.').replace(/^…\./, '…');
}
