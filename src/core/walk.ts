/**
 * Iterative AST traversal: no recursion, so 10,000-deep nesting cannot overflow the stack.
 */
import type * as ts from 'typescript';
import type { TsApi } from './context.js';

/** What a visitor returns: `false` skips the node's children. */
export type VisitResult = boolean | void;

/**
 * Visits `root` and its descendants in source order (pre-order), iteratively.
 * Return `false` from `visit` to skip a node's children.
 */
export function walkDescendants(tsApi: TsApi, root: ts.Node, visit: (node: ts.Node) => VisitResult): void {
  const stack: ts.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const children: ts.Node[] = [];
    tsApi.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Like `walkDescendants`, but does not enter nested functions (other than `root` itself). */
export function walkFunctionBody(tsApi: TsApi, root: ts.Node, visit: (node: ts.Node) => VisitResult): void {
  walkDescendants(tsApi, root, (node) => {
    if (node !== root && isNestedFunctionBoundary(tsApi, node)) {
      visit(node);
      return false;
    }
    return visit(node);
  });
}

function isNestedFunctionBoundary(tsApi: TsApi, node: ts.Node): boolean {
  return (
    tsApi.isFunctionDeclaration(node) ||
    tsApi.isFunctionExpression(node) ||
    tsApi.isArrowFunction(node) ||
    tsApi.isMethodDeclaration(node) ||
    tsApi.isClassDeclaration(node) ||
    tsApi.isClassExpression(node)
  );
}
