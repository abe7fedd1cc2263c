/**
 * What kind of declaration a name refers to, on top of the shared lexical scopes of
 * `core/scope.ts`: a variable (with the binding element when it is destructured), a parameter, a
 * function or class declaration, or an import. Receivers, schemas and options are recognized from
 * how their names are declared.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { resolveIdentifier } from '../core/scope.js';

/** A declaration a name resolves to. */
export type ScopeDeclaration =
  | { readonly kind: 'variable'; readonly node: ts.VariableDeclaration; readonly element?: ts.BindingElement }
  | { readonly kind: 'parameter'; readonly node: ts.ParameterDeclaration; readonly element?: ts.BindingElement }
  | { readonly kind: 'function'; readonly node: ts.FunctionDeclaration }
  | { readonly kind: 'class'; readonly node: ts.ClassDeclaration }
  | { readonly kind: 'import'; readonly node: ts.Node }
  | { readonly kind: 'other'; readonly node: ts.Node };

/** The declaration `identifier` refers to; `undefined` for globals the file does not declare. */
export function findDeclarationInScope(tsApi: TsApi, identifier: ts.Identifier): ScopeDeclaration | undefined {
  const binding = resolveIdentifier(tsApi, identifier);
  if (!binding) return undefined;
  const declaration = binding.declaration;
  if (tsApi.isVariableDeclaration(declaration)) return { kind: 'variable', node: declaration };
  if (tsApi.isParameter(declaration)) return { kind: 'parameter', node: declaration };
  if (tsApi.isBindingElement(declaration)) {
    let owner: ts.Node = declaration.parent;
    while (owner && (tsApi.isObjectBindingPattern(owner) || tsApi.isArrayBindingPattern(owner) || tsApi.isBindingElement(owner))) owner = owner.parent;
    if (tsApi.isVariableDeclaration(owner)) return { kind: 'variable', node: owner, element: declaration };
    if (tsApi.isParameter(owner)) return { kind: 'parameter', node: owner, element: declaration };
    return { kind: 'other', node: declaration };
  }
  if (tsApi.isFunctionDeclaration(declaration)) return { kind: 'function', node: declaration };
  if (tsApi.isClassDeclaration(declaration)) return { kind: 'class', node: declaration };
  if (
    tsApi.isImportClause(declaration) ||
    tsApi.isImportSpecifier(declaration) ||
    tsApi.isNamespaceImport(declaration) ||
    tsApi.isImportEqualsDeclaration(declaration)
  ) {
    return { kind: 'import', node: declaration };
  }
  return { kind: 'other', node: declaration };
}
