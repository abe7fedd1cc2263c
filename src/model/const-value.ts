/**
 * The expression a constant name stands for: `const schema = z.object(...)` in this file, an
 * exported constant of another project file (with the project index), or a member of a constant
 * object or namespace import (`schemas.createUser`). Used to read schemas and options that are
 * declared away from where they are used.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import type { ProjectIndex } from '../project/project-index.js';
import { getObjectPropertyValue, getStaticString, skipOuterExpressions } from '../core/ast.js';
import { getFileBindings, getRequiredModule } from '../core/bindings.js';
import { findDeclarationInScope } from './scope-lookup.js';

/** An expression together with the file it is written in. */
export interface ExpressionIn {
  readonly expression: ts.Expression;
  readonly file: ts.SourceFile;
}

export interface ConstLookup {
  readonly ts: TsApi;
  readonly file: ts.SourceFile;
  readonly project?: ProjectIndex;
}

/** What resolving gives: the value, or why it stopped. */
export type ConstValue =
  | ({ readonly kind: 'value' } & ExpressionIn)
  /** Declared in a file the analysis cannot read (a package, or another file in per-file mode). */
  | { readonly kind: 'elsewhere'; readonly module: string }
  /** Not a constant the analysis can follow (a parameter, a `let` assigned later, a call result). */
  | { readonly kind: 'opaque' };

const MAX_DEPTH = 16;

/** Follows names to the expression they are initialized with. Non-names are returned as they are. */
export function resolveConstValue(lookup: ConstLookup, expression: ts.Expression): ConstValue {
  return resolveIn(lookup, expression, 0);
}

function resolveIn(lookup: ConstLookup, expression: ts.Expression, depth: number): ConstValue {
  const tsApi = lookup.ts;
  const expr = skipOuterExpressions(tsApi, expression);
  if (depth > MAX_DEPTH) return { kind: 'opaque' };
  if (tsApi.isIdentifier(expr)) return resolveName(lookup, expr, depth);
  if (tsApi.isPropertyAccessExpression(expr) && tsApi.isIdentifier(expr.name)) {
    const owner = skipOuterExpressions(tsApi, expr.expression);
    // `schemas.createUser` over `import * as schemas from './schemas'`
    if (tsApi.isIdentifier(owner)) {
      const binding = getFileBindings(tsApi, lookup.file).imports.get(owner.text);
      const declaration = findDeclarationInScope(tsApi, owner);
      if (binding && binding.imported === '*' && declaration?.kind !== 'parameter' && (declaration?.kind !== 'variable' || isWholeModuleRequire(tsApi, declaration.node, binding.module))) {
        return resolveExported(lookup, binding.module, expr.name.text, depth);
      }
    }
    const ownerValue = resolveIn(lookup, owner, depth + 1);
    if (ownerValue.kind !== 'value') return ownerValue;
    const object = skipOuterExpressions(tsApi, ownerValue.expression);
    if (!tsApi.isObjectLiteralExpression(object)) return { kind: 'opaque' };
    const member = getObjectPropertyValue(tsApi, object, expr.name.text);
    return member ? resolveIn({ ...lookup, file: ownerValue.file }, member, depth + 1) : { kind: 'opaque' };
  }
  return { kind: 'value', expression: expr, file: lookup.file };
}

function resolveName(lookup: ConstLookup, identifier: ts.Identifier, depth: number): ConstValue {
  const tsApi = lookup.ts;
  const declaration = findDeclarationInScope(tsApi, identifier);
  if (!declaration) return { kind: 'opaque' };
  if (declaration.kind === 'import') {
    const binding = getFileBindings(tsApi, lookup.file).imports.get(identifier.text);
    if (!binding) return { kind: 'opaque' };
    return resolveExported(lookup, binding.module, binding.imported, depth);
  }
  if (declaration.kind !== 'variable' || declaration.element || !declaration.node.initializer) return { kind: 'opaque' };
  const list = declaration.node.parent;
  const isConst = tsApi.isVariableDeclarationList(list) && (list.flags & tsApi.NodeFlags.Const) !== 0;
  const init = skipOuterExpressions(tsApi, declaration.node.initializer);
  const module = getRequiredModule(tsApi, init);
  if (module !== undefined) return resolveExported(lookup, module, '*', depth);
  if (tsApi.isPropertyAccessExpression(init)) {
    const required = getRequiredModule(tsApi, init.expression);
    if (required !== undefined) return resolveExported(lookup, required, init.name.text, depth);
  }
  if (!isConst && !isNeverReassigned(tsApi, identifier.text, declaration.node)) return { kind: 'opaque' };
  return resolveIn(lookup, init, depth + 1);
}

function resolveExported(lookup: ConstLookup, module: string, imported: string, depth: number): ConstValue {
  const project = lookup.project;
  const target = project?.resolveImport(lookup.file, module);
  if (project && (imported === 'default' || imported === '*')) {
    // `import schema from './body.json' with { type: 'json' }`, `require('./body.json')`: the program
    // may hold the JSON file itself (typed linting with `resolveJsonModule`), else it is read here.
    const json = target ? (/\.json$/i.test(target.fileName) ? target : undefined) : project.resolveJsonImport(lookup.file, module);
    const statement = json?.statements[0];
    if (statement && lookup.ts.isExpressionStatement(statement)) return { kind: 'value', expression: statement.expression, file: json! };
  }
  if (!project || !target) return { kind: 'elsewhere', module };
  if (imported === '*') return { kind: 'opaque' };
  const resolved = project.resolveExport(target, imported);
  if (!resolved) return { kind: 'opaque' };
  const tsApi = lookup.ts;
  const node = resolved.declaration ?? resolved.binding.node;
  const inner: ConstLookup = { ts: tsApi, file: resolved.file, project };
  if (tsApi.isVariableDeclaration(node)) {
    return node.initializer ? resolveIn(inner, node.initializer, depth + 1) : { kind: 'opaque' };
  }
  if (tsApi.isExpression(node as ts.Expression) && !tsApi.isClassDeclaration(node) && !tsApi.isFunctionDeclaration(node)) {
    return resolveIn(inner, node as ts.Expression, depth + 1);
  }
  return { kind: 'opaque' };
}

/** `const schemas = require('./schemas')`: the name holds the whole module, so `schemas.insert` is its export `insert`. */
function isWholeModuleRequire(tsApi: TsApi, node: ts.Node, module: string): boolean {
  if (!tsApi.isVariableDeclaration(node) || !node.initializer || !tsApi.isIdentifier(node.name)) return false;
  const list = node.parent;
  if (!tsApi.isVariableDeclarationList(list)) return false;
  if ((list.flags & tsApi.NodeFlags.Const) === 0 && !isNeverReassigned(tsApi, node.name.text, node)) return false;
  return getRequiredModule(tsApi, skipOuterExpressions(tsApi, node.initializer)) === module;
}

/** A `let`/`var` with no assignment to its name anywhere in the file (cheap, conservative). */
function isNeverReassigned(tsApi: TsApi, name: string, declaration: ts.VariableDeclaration): boolean {
  const text = declaration.getSourceFile().text;
  const pattern = new RegExp(`(?<![.\\w$])${name.replace(/\$/g, '\\$')}\\s*(?:[-+*/%&|^]|\\*\\*|<<|>>>?|\\?\\?|&&|\\|\\|)?=(?!=)`, 'g');
  let count = 0;
  for (const _ of text.matchAll(pattern)) count++;
  return count <= 1;
}

/** The text a string expression stands for, following constants (`SwaggerModule.setup(DOCS_PATH, ...)`). */
export function resolveConstString(lookup: ConstLookup, expression: ts.Expression | undefined): string | undefined {
  if (!expression) return undefined;
  const value = resolveConstValue(lookup, expression);
  return value.kind === 'value' ? getStaticString(lookup.ts, value.expression) : undefined;
}
