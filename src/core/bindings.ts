/**
 * The per-file binder: what a file imports (ESM and CommonJS alike), what it exports, and its
 * top-level declarations. Built once per `ts.SourceFile` and cached by identity.
 */
import type * as ts from 'typescript';
import type { TsApi } from './context.js';
import { getPropertyNameText, getStaticString, skipOuterExpressions } from './ast.js';
import { FileScopedWeakMap } from './file-scoped-cache.js';

/** A local name bound to something another module exports. */
export interface ImportBinding {
  /** The local name. */
  readonly local: string;
  /** The module specifier as written (`express`, `./routes/users.js`). */
  readonly module: string;
  /** `default`, `*` (namespace or whole CommonJS module), or the exported name. */
  readonly imported: string;
  readonly node: ts.Node;
}

/** A name this file exports. */
export interface ExportBinding {
  /** The exported name (`default` for default exports and `module.exports = x`). */
  readonly exported: string;
  /** The local name it refers to, when it refers to one. */
  readonly local?: string;
  /** The exported expression or declaration. */
  readonly node: ts.Node;
  /** Set for `export { a } from 'm'` and `export * from 'm'`. */
  readonly from?: { readonly module: string; readonly imported: string };
}

export interface FileBindings {
  readonly imports: ReadonlyMap<string, ImportBinding>;
  readonly exports: readonly ExportBinding[];
  /** Top-level declarations by name: variable declarations, functions, classes. */
  readonly declarations: ReadonlyMap<string, ts.Node>;
}

const cache = new FileScopedWeakMap<ts.SourceFile, FileBindings>();

/** The bindings of a file, built once per source file. */
export function getFileBindings(tsApi: TsApi, sourceFile: ts.SourceFile): FileBindings {
  let bindings = cache.get(sourceFile);
  if (!bindings) {
    bindings = collectBindings(tsApi, sourceFile);
    cache.set(sourceFile, bindings);
  }
  return bindings;
}

/** The module specifier of `require('x')`, or undefined. */
export function getRequiredModule(tsApi: TsApi, node: ts.Expression): string | undefined {
  const expr = skipOuterExpressions(tsApi, node);
  if (
    tsApi.isCallExpression(expr) &&
    tsApi.isIdentifier(expr.expression) &&
    expr.expression.text === 'require' &&
    expr.arguments.length === 1
  ) {
    return getStaticString(tsApi, expr.arguments[0]);
  }
  return undefined;
}

function collectBindings(tsApi: TsApi, sourceFile: ts.SourceFile): FileBindings {
  const imports = new Map<string, ImportBinding>();
  const exports: ExportBinding[] = [];
  const declarations = new Map<string, ts.Node>();

  const addImport = (local: string, module: string, imported: string, node: ts.Node): void => {
    imports.set(local, { local, module, imported, node });
  };

  const bindRequire = (decl: ts.VariableDeclaration): void => {
    if (!decl.initializer) return;
    let init = skipOuterExpressions(tsApi, decl.initializer);
    let member: string | undefined;
    // const x = require('m').y  /  require('m').default
    if (tsApi.isPropertyAccessExpression(init) && getRequiredModule(tsApi, init.expression) !== undefined) {
      member = init.name.text;
      init = init.expression;
    }
    const module = getRequiredModule(tsApi, init);
    if (module === undefined) return;
    if (tsApi.isIdentifier(decl.name)) {
      addImport(decl.name.text, module, member ?? '*', decl);
    } else if (tsApi.isObjectBindingPattern(decl.name) && member === undefined) {
      for (const element of decl.name.elements) {
        if (!tsApi.isIdentifier(element.name)) continue;
        const imported = element.propertyName ? getPropertyNameText(tsApi, element.propertyName) : element.name.text;
        if (imported) addImport(element.name.text, module, imported, element);
      }
    }
  };

  const exportCommonJs = (left: ts.Expression, right: ts.Expression, node: ts.Node): void => {
    const target = skipOuterExpressions(tsApi, left);
    if (!tsApi.isPropertyAccessExpression(target)) return;
    const value = skipOuterExpressions(tsApi, right);
    // module.exports = x
    if (tsApi.isIdentifier(target.expression) && target.expression.text === 'module' && target.name.text === 'exports') {
      // module.exports = require('./routes'): the file re-exports that module whole.
      const reexported = getRequiredModule(tsApi, value);
      if (reexported !== undefined) {
        exports.push({ exported: '*', node: value, from: { module: reexported, imported: '*' } });
        exports.push({ exported: 'default', node: value, from: { module: reexported, imported: 'default' } });
        return;
      }
      if (tsApi.isObjectLiteralExpression(value)) {
        for (const prop of value.properties) {
          const name = getPropertyNameText(tsApi, prop.name);
          if (!name) continue;
          if (tsApi.isShorthandPropertyAssignment(prop)) {
            exports.push({ exported: name, local: prop.name.text, node: prop });
          } else if (tsApi.isPropertyAssignment(prop)) {
            const init = skipOuterExpressions(tsApi, prop.initializer);
            exports.push({ exported: name, local: tsApi.isIdentifier(init) ? init.text : undefined, node: prop.initializer });
          }
        }
      }
      exports.push({ exported: 'default', local: tsApi.isIdentifier(value) ? value.text : undefined, node: value });
      return;
    }
    // module.exports.x = v  /  exports.x = v
    const owner = skipOuterExpressions(tsApi, target.expression);
    const isExportsObject =
      (tsApi.isIdentifier(owner) && owner.text === 'exports') ||
      (tsApi.isPropertyAccessExpression(owner) &&
        tsApi.isIdentifier(owner.expression) &&
        owner.expression.text === 'module' &&
        owner.name.text === 'exports');
    if (isExportsObject) {
      exports.push({ exported: target.name.text, local: tsApi.isIdentifier(value) ? value.text : undefined, node: value });
    }
    void node;
  };

  for (const statement of sourceFile.statements) {
    if (tsApi.isImportDeclaration(statement)) {
      const module = getStaticString(tsApi, statement.moduleSpecifier);
      const clause = statement.importClause;
      if (module === undefined || !clause) continue;
      if (clause.name) addImport(clause.name.text, module, 'default', clause);
      const named = clause.namedBindings;
      if (named && tsApi.isNamespaceImport(named)) addImport(named.name.text, module, '*', named);
      if (named && tsApi.isNamedImports(named)) {
        for (const element of named.elements) {
          const imported = element.propertyName ? getPropertyNameText(tsApi, element.propertyName) : element.name.text;
          if (imported) addImport(element.name.text, module, imported, element);
        }
      }
      continue;
    }
    if (tsApi.isImportEqualsDeclaration(statement)) {
      const ref = statement.moduleReference;
      if (tsApi.isExternalModuleReference(ref)) {
        const module = getStaticString(tsApi, ref.expression);
        if (module !== undefined) addImport(statement.name.text, module, '*', statement);
      }
      continue;
    }
    const exported = hasExportModifier(tsApi, statement);
    const isDefault = hasDefaultModifier(tsApi, statement);
    if (tsApi.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        bindRequire(decl);
        for (const name of getBoundNames(tsApi, decl.name)) {
          declarations.set(name, decl);
          if (exported) exports.push({ exported: name, local: name, node: decl });
        }
      }
      continue;
    }
    if (tsApi.isFunctionDeclaration(statement) || tsApi.isClassDeclaration(statement)) {
      const name = statement.name?.text;
      if (name) declarations.set(name, statement);
      if (exported) exports.push({ exported: isDefault ? 'default' : name ?? 'default', local: name, node: statement });
      continue;
    }
    if (tsApi.isExportAssignment(statement)) {
      const value = skipOuterExpressions(tsApi, statement.expression);
      exports.push({ exported: 'default', local: tsApi.isIdentifier(value) ? value.text : undefined, node: value });
      continue;
    }
    if (tsApi.isExportDeclaration(statement)) {
      const module = statement.moduleSpecifier ? getStaticString(tsApi, statement.moduleSpecifier) : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        if (module !== undefined) exports.push({ exported: '*', node: statement, from: { module, imported: '*' } });
        continue;
      }
      if (tsApi.isNamespaceExport(clause)) {
        if (module !== undefined) exports.push({ exported: clause.name.text, node: statement, from: { module, imported: '*' } });
        continue;
      }
      for (const element of clause.elements) {
        const localName = element.propertyName ? getPropertyNameText(tsApi, element.propertyName) : element.name.text;
        if (!localName) continue;
        exports.push(
          module !== undefined
            ? { exported: element.name.text, node: element, from: { module, imported: localName } }
            : { exported: element.name.text, local: localName, node: element },
        );
      }
      continue;
    }
    if (tsApi.isExpressionStatement(statement)) {
      const expr = skipOuterExpressions(tsApi, statement.expression);
      if (tsApi.isBinaryExpression(expr) && expr.operatorToken.kind === tsApi.SyntaxKind.EqualsToken) {
        exportCommonJs(expr.left, expr.right, statement);
      }
    }
  }
  return { imports, exports, declarations };
}

/** All identifiers a binding name introduces (`a`, `{ a, b: c }`, `[d, ...e]`). */
export function getBoundNames(tsApi: TsApi, name: ts.BindingName): string[] {
  if (tsApi.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) {
    if (tsApi.isOmittedExpression(element)) continue;
    names.push(...getBoundNames(tsApi, element.name));
  }
  return names;
}

function hasExportModifier(tsApi: TsApi, node: ts.Node): boolean {
  return (
    tsApi.canHaveModifiers(node) &&
    (tsApi.getModifiers(node) ?? []).some((m) => m.kind === tsApi.SyntaxKind.ExportKeyword)
  );
}

function hasDefaultModifier(tsApi: TsApi, node: ts.Node): boolean {
  return (
    tsApi.canHaveModifiers(node) &&
    (tsApi.getModifiers(node) ?? []).some((m) => m.kind === tsApi.SyntaxKind.DefaultKeyword)
  );
}

/** True when `specifier` names a package (or one of its subpaths), e.g. `express`, `node:https`. */
export function isPackageSpecifier(specifier: string, packageName: string): boolean {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const pkg = packageName.startsWith('node:') ? packageName.slice(5) : packageName;
  return bare === pkg || bare.startsWith(`${pkg}/`);
}
