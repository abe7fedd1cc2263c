/**
 * Which declaration a name refers to inside one file, without a type checker: variables (plain and
 * destructured), parameters, functions and classes, with their scopes, and which names are ever
 * reassigned. Enough to follow `const SECRET = '…'` to `jwt.sign(p, SECRET)` and to stay silent when
 * a parameter or a reassigned `let` shadows it. Built once per `ts.SourceFile`.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { forEachNodeOfKinds } from '../core/walk.js';
import { FileScopedWeakMap } from '../core/file-scoped-cache.js';

/** A name bound in the file: its declaration and the node whose extent is its scope. */
interface Binding {
  readonly declaration: ts.Node;
  readonly scope: ts.Node;
}

export interface LocalDeclarations {
  /**
   * The declaration `name` refers to at `at`: a `VariableDeclaration` or `BindingElement` whose
   * value does not change, or `undefined` (unknown, a parameter, a function, or reassigned).
   */
  findConstant(name: string, at: ts.Node): ts.VariableDeclaration | ts.BindingElement | undefined;
}

const cache = new FileScopedWeakMap<ts.SourceFile, LocalDeclarations>();

/** The local declarations of a file, built once per source file. */
export function getLocalDeclarations(tsApi: TsApi, sourceFile: ts.SourceFile): LocalDeclarations {
  let declarations = cache.get(sourceFile);
  if (!declarations) {
    declarations = buildLocalDeclarations(tsApi, sourceFile);
    cache.set(sourceFile, declarations);
  }
  return declarations;
}

function isScopeNode(tsApi: TsApi, node: ts.Node): boolean {
  return (
    tsApi.isSourceFile(node) ||
    tsApi.isBlock(node) ||
    tsApi.isModuleBlock(node) ||
    tsApi.isCaseBlock(node) ||
    tsApi.isForStatement(node) ||
    tsApi.isForOfStatement(node) ||
    tsApi.isForInStatement(node) ||
    tsApi.isCatchClause(node) ||
    tsApi.isFunctionDeclaration(node) ||
    tsApi.isFunctionExpression(node) ||
    tsApi.isArrowFunction(node) ||
    tsApi.isMethodDeclaration(node) ||
    tsApi.isConstructorDeclaration(node) ||
    tsApi.isGetAccessorDeclaration(node) ||
    tsApi.isSetAccessorDeclaration(node) ||
    tsApi.isClassDeclaration(node) ||
    tsApi.isClassExpression(node)
  );
}

function enclosingScope(tsApi: TsApi, node: ts.Node): ts.Node {
  for (let current = node.parent; current; current = current.parent) {
    if (isScopeNode(tsApi, current)) return current;
  }
  return node.getSourceFile();
}

function buildLocalDeclarations(tsApi: TsApi, sourceFile: ts.SourceFile): LocalDeclarations {
  const bindings = new Map<string, Binding[]>();
  const reassigned = new Set<string>();
  const add = (name: string, declaration: ts.Node, scope: ts.Node): void => {
    const list = bindings.get(name);
    if (list) list.push({ declaration, scope });
    else bindings.set(name, [{ declaration, scope }]);
  };
  const addBindingName = (name: ts.BindingName, declaration: ts.Node, scope: ts.Node): void => {
    if (tsApi.isIdentifier(name)) {
      add(name.text, declaration, scope);
      return;
    }
    for (const element of name.elements) {
      if (tsApi.isOmittedExpression(element)) continue;
      if (tsApi.isIdentifier(element.name)) add(element.name.text, element, scope);
      else addBindingName(element.name, element, scope);
    }
  };
  const isAssignmentOperator = (kind: ts.SyntaxKind): boolean =>
    kind >= tsApi.SyntaxKind.FirstAssignment && kind <= tsApi.SyntaxKind.LastAssignment;

  forEachNodeOfKinds(tsApi, sourceFile, [tsApi.SyntaxKind.VariableDeclaration, tsApi.SyntaxKind.Parameter, tsApi.SyntaxKind.FunctionDeclaration, tsApi.SyntaxKind.ClassDeclaration, tsApi.SyntaxKind.BinaryExpression, tsApi.SyntaxKind.PrefixUnaryExpression, tsApi.SyntaxKind.PostfixUnaryExpression], (node) => {
    if (tsApi.isVariableDeclaration(node)) {
      addBindingName(node.name, node, enclosingScope(tsApi, node));
    } else if (tsApi.isParameter(node)) {
      addBindingName(node.name, node, node.parent);
    } else if ((tsApi.isFunctionDeclaration(node) || tsApi.isClassDeclaration(node)) && node.name) {
      add(node.name.text, node, enclosingScope(tsApi, node));
    } else if (tsApi.isBinaryExpression(node) && isAssignmentOperator(node.operatorToken.kind) && tsApi.isIdentifier(node.left)) {
      reassigned.add(node.left.text);
    } else if (
      (tsApi.isPrefixUnaryExpression(node) || tsApi.isPostfixUnaryExpression(node)) &&
      tsApi.isIdentifier(node.operand) &&
      (node.operator === tsApi.SyntaxKind.PlusPlusToken || node.operator === tsApi.SyntaxKind.MinusMinusToken)
    ) {
      reassigned.add(node.operand.text);
    }
  });

  return {
    findConstant(name, at) {
      const list = bindings.get(name);
      if (!list) return undefined;
      const position = at.getStart(sourceFile);
      let best: Binding | undefined;
      for (const binding of list) {
        const scope = binding.scope;
        const inside = tsApi.isSourceFile(scope) || (position >= scope.getStart(sourceFile) && position < scope.getEnd());
        if (!inside) continue;
        if (!best || scope.getStart(sourceFile) >= best.scope.getStart(sourceFile)) best = binding;
      }
      if (!best) return undefined;
      const declaration = best.declaration;
      if (tsApi.isVariableDeclaration(declaration)) {
        const isConst = (declaration.parent.flags & tsApi.NodeFlags.Const) !== 0;
        if (!isConst && reassigned.has(name)) return undefined;
        return declaration;
      }
      if (tsApi.isBindingElement(declaration)) {
        // A destructured parameter is not a constant of the file.
        let root: ts.Node = declaration;
        while (tsApi.isBindingElement(root) || tsApi.isObjectBindingPattern(root) || tsApi.isArrayBindingPattern(root)) root = root.parent;
        if (!tsApi.isVariableDeclaration(root)) return undefined;
        const isConst = (root.parent.flags & tsApi.NodeFlags.Const) !== 0;
        if (!isConst && reassigned.has(name)) return undefined;
        return declaration;
      }
      return undefined;
    },
  };
}
