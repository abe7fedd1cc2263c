/**
 * What package member an expression refers to, through the file's imports and constants:
 * `jwt.sign` with `import jwt from 'jsonwebtoken'` is `jsonwebtoken` `sign`; `new Mailgun(fd).client`
 * is `mailgun.js` `().client`; `require('stripe')` is `stripe` itself.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getPropertyNameText, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, getRequiredModule } from '../core/bindings.js';
import { getLocalDeclarations } from './local-declarations.js';

export interface ModuleReference {
  /** The module specifier as written (`jsonwebtoken`, `node:crypto`, `./config.js`). */
  readonly module: string;
  /** Member names from the module; `()` is the result of a call or construction. */
  readonly path: readonly string[];
}

/** The specifier of a dynamic `import('x')`. */
function getImportedModule(tsApi: TsApi, expr: ts.Expression): string | undefined {
  if (tsApi.isCallExpression(expr) && expr.expression.kind === tsApi.SyntaxKind.ImportKeyword) {
    return getStaticString(tsApi, expr.arguments[0]);
  }
  return undefined;
}

function withSegment(ref: ModuleReference | undefined, segment: string): ModuleReference | undefined {
  if (!ref) return undefined;
  // `import * as jwt` then `jwt.default.sign`: the default export of a CommonJS module is the module.
  if (segment === 'default' && ref.path.length === 0) return ref;
  return { module: ref.module, path: [...ref.path, segment] };
}

/** The package member `node` refers to, or `undefined` when it is not traceable to an import. */
export function resolveModuleReference(tsApi: TsApi, sourceFile: ts.SourceFile, node: ts.Expression, depth = 0): ModuleReference | undefined {
  if (depth > 8) return undefined;
  const expr = skipOuterExpressions(tsApi, node);
  const required = getRequiredModule(tsApi, expr) ?? getImportedModule(tsApi, expr);
  if (required !== undefined) return { module: required, path: [] };
  if (tsApi.isIdentifier(expr)) {
    const constant = getLocalDeclarations(tsApi, sourceFile).findConstant(expr.text, expr);
    if (constant) return resolveConstantReference(tsApi, sourceFile, constant, depth);
    const imported = getFileBindings(tsApi, sourceFile).imports.get(expr.text);
    if (!imported) return undefined;
    const path = imported.imported === 'default' || imported.imported === '*' ? [] : [imported.imported];
    return { module: imported.module, path };
  }
  if (tsApi.isPropertyAccessExpression(expr)) {
    return withSegment(resolveModuleReference(tsApi, sourceFile, expr.expression, depth + 1), expr.name.text);
  }
  if (tsApi.isElementAccessExpression(expr)) {
    const key = getStaticString(tsApi, expr.argumentExpression);
    return key === undefined ? undefined : withSegment(resolveModuleReference(tsApi, sourceFile, expr.expression, depth + 1), key);
  }
  if (tsApi.isCallExpression(expr) || tsApi.isNewExpression(expr)) {
    return withSegment(resolveModuleReference(tsApi, sourceFile, expr.expression, depth + 1), '()');
  }
  return undefined;
}

function resolveConstantReference(
  tsApi: TsApi,
  sourceFile: ts.SourceFile,
  declaration: ts.VariableDeclaration | ts.BindingElement,
  depth: number,
): ModuleReference | undefined {
  if (tsApi.isVariableDeclaration(declaration)) {
    // `const jwt = require('jsonwebtoken')` is an import the binder already knows.
    const imported = tsApi.isIdentifier(declaration.name) ? getFileBindings(tsApi, sourceFile).imports.get(declaration.name.text) : undefined;
    if (imported && imported.node === declaration) {
      return { module: imported.module, path: imported.imported === 'default' || imported.imported === '*' ? [] : [imported.imported] };
    }
    return declaration.initializer ? resolveModuleReference(tsApi, sourceFile, declaration.initializer, depth + 1) : undefined;
  }
  // const { sign } = jwt;  const { Strategy: JwtStrategy } = require('passport-jwt')
  const pattern = declaration.parent;
  if (!tsApi.isObjectBindingPattern(pattern) || !tsApi.isVariableDeclaration(pattern.parent) || !pattern.parent.initializer) return undefined;
  const imported = tsApi.isIdentifier(declaration.name) ? getFileBindings(tsApi, sourceFile).imports.get(declaration.name.text) : undefined;
  if (imported && imported.node === declaration) return { module: imported.module, path: [imported.imported] };
  const key = declaration.propertyName ? getPropertyNameText(tsApi, declaration.propertyName) : tsApi.isIdentifier(declaration.name) ? declaration.name.text : undefined;
  if (key === undefined) return undefined;
  return withSegment(resolveModuleReference(tsApi, sourceFile, pattern.parent.initializer, depth + 1), key);
}
