/**
 * Lexical scopes of one file, syntax only: which declaration an identifier refers to. Built lazily
 * per scope node and cached per `ts.SourceFile`.
 *
 * A binding is identified by the identifier that declares it (the name inside a variable
 * declaration, a parameter, a binding pattern, a function or class declaration, an import), so
 * analyses can key their state by that node. `var` is treated as block scoped, which only matters
 * for a `var` declared in a nested block and read outside it (then nothing is found).
 */
import type * as ts from 'typescript';
import type { TsApi } from './context.js';
import { functionLikeKinds, isFunctionLike } from './ast.js';
import { FileScopedWeakMap } from './file-scoped-cache.js';

/** What an identifier refers to. */
export interface ScopeBinding {
  /** The identifier that declares the name. */
  readonly name: ts.Identifier;
  /** The declaring node: a variable declaration, parameter, binding element, function, class or import node. */
  readonly declaration: ts.Node;
  /** The scope node that holds the binding (source file, block, function, loop, catch clause). */
  readonly scope: ts.Node;
}

type ScopeMap = Map<string, ScopeBinding>;

/** The bindings each scope node declares (a scope node belongs to one file, so one map serves all files). */
const scopeMaps = new FileScopedWeakMap<ts.Node, ScopeMap>();
/** Shared by every scope that declares nothing (most blocks). */
const NO_BINDINGS: ScopeMap = new Map();

/** The binding an identifier use refers to, or `undefined` for globals and unknown names. */
export function resolveIdentifier(tsApi: TsApi, identifier: ts.Identifier): ScopeBinding | undefined {
  // Many analyses resolve the same identifiers (callee roots, receivers): remember each answer.
  const known = resolvedIdentifiers.get(identifier);
  if (known !== undefined) return known ?? undefined;
  const binding = resolveName(tsApi, identifier, identifier.text);
  resolvedIdentifiers.set(identifier, binding ?? null);
  return binding;
}

const resolvedIdentifiers = new FileScopedWeakMap<ts.Identifier, ScopeBinding | null>();

/** The binding `name` has at the position of `from`. */
export function resolveName(tsApi: TsApi, from: ts.Node, name: string): ScopeBinding | undefined {
  // Ordinary code: one short walk up the parents, looking the name up in each scope on the way.
  const isScope = getScopeKindTable(tsApi);
  let current: ts.Node | undefined = from;
  for (let steps = 0; current && steps < LONG_WALK; steps++) {
    if (isScope[current.kind] === 1) {
      const hit = bindingsOf(tsApi, current).get(name);
      if (hit) return hit;
    }
    current = current.parent;
  }
  if (!current) return undefined;
  // A long walk (deeply nested code): the remembered chains keep it linear.
  for (const scope of getScopeChain(tsApi, from).scopes) {
    const hit = bindingsOf(tsApi, scope).get(name);
    if (hit) return hit;
  }
  return undefined;
}

function bindingsOf(tsApi: TsApi, scope: ts.Node): ScopeMap {
  let map = scopeMaps.get(scope);
  if (!map) {
    map = collectScope(tsApi, scope);
    scopeMaps.set(scope, map);
  }
  return map;
}

/** The scopes around a node (innermost first) and the root above them (the source file). */
interface ScopeChain {
  readonly scopes: readonly ts.Node[];
  readonly root: ts.Node;
}

/**
 * A walk to the root longer than this leaves the scope chain of every node it passed behind, so a
 * node deep inside a 10,000-step call chain costs one walk for the whole chain, not one per lookup.
 */
const LONG_WALK = 48;
const longWalkChains = new FileScopedWeakMap<ts.Node, ScopeChain>();

function getScopeChain(tsApi: TsApi, from: ts.Node): ScopeChain {
  // Ordinary code: one short walk to the root, nothing remembered.
  const scopeKinds = getScopeKinds(tsApi);
  const scopes: ts.Node[] = [];
  let current: ts.Node | undefined = from;
  for (let steps = 0; current && steps < LONG_WALK; steps++) {
    if (scopeKinds.has(current.kind)) scopes.push(current);
    if (!current.parent) return { scopes, root: current };
    current = current.parent;
  }
  // A long walk: stop at a node an earlier long walk passed, then remember the chains of this one.
  const passed: ts.Node[] = [];
  let above: ScopeChain | undefined;
  for (let node: ts.Node | undefined = from; node; node = node.parent) {
    above = passed.length > 0 ? longWalkChains.get(node) : undefined;
    if (above) break;
    passed.push(node);
  }
  let chain: ScopeChain = above ?? { scopes: [], root: passed[passed.length - 1]! };
  for (let i = passed.length - 1; i >= 0; i--) {
    const node = passed[i]!;
    if (scopeKinds.has(node.kind)) chain = { scopes: [node, ...chain.scopes], root: chain.root };
    longWalkChains.set(node, chain);
  }
  return chain;
}

/** True when `identifier` is the declaring name of a binding (not a use). */
export function isDeclaringIdentifier(tsApi: TsApi, identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (
    ((tsApi.isVariableDeclaration(parent) ||
      tsApi.isParameter(parent) ||
      tsApi.isBindingElement(parent) ||
      tsApi.isFunctionDeclaration(parent) ||
      tsApi.isFunctionExpression(parent) ||
      tsApi.isClassDeclaration(parent) ||
      tsApi.isClassExpression(parent) ||
      tsApi.isImportSpecifier(parent) ||
      tsApi.isImportClause(parent) ||
      tsApi.isNamespaceImport(parent) ||
      tsApi.isImportEqualsDeclaration(parent)) &&
      parent.name === identifier)
  );
}

const scopeKindSets = new WeakMap<TsApi, ReadonlySet<ts.SyntaxKind>>();
const scopeKindTables = new WeakMap<TsApi, Uint8Array>();

/** `table[kind] === 1` for the kinds that open a scope. */
function getScopeKindTable(tsApi: TsApi): Uint8Array {
  let table = scopeKindTables.get(tsApi);
  if (!table) {
    const kinds = getScopeKinds(tsApi);
    table = new Uint8Array(Math.max(1024, ...kinds) + 1);
    for (const kind of kinds) table[kind] = 1;
    scopeKindTables.set(tsApi, table);
  }
  return table;
}

/** The syntax kinds that open a scope, computed once per TypeScript namespace (kind numbers differ between versions). */
function getScopeKinds(tsApi: TsApi): ReadonlySet<ts.SyntaxKind> {
  let kinds = scopeKindSets.get(tsApi);
  if (!kinds) {
    const k = tsApi.SyntaxKind;
    kinds = new Set([
      k.SourceFile,
      k.Block,
      k.ModuleBlock,
      k.CaseBlock,
      k.ForStatement,
      k.ForOfStatement,
      k.ForInStatement,
      k.CatchClause,
      k.ClassExpression,
      ...functionLikeKinds(tsApi),
    ]);
    scopeKindSets.set(tsApi, kinds);
  }
  return kinds;
}

function collectScope(tsApi: TsApi, scope: ts.Node): ScopeMap {
  const map: ScopeMap = new Map();
  fillScope(tsApi, scope, map);
  return map.size === 0 ? NO_BINDINGS : map;
}

function fillScope(tsApi: TsApi, scope: ts.Node, map: ScopeMap): void {
  const bindName = (name: ts.BindingName, declaration: ts.Node): void => {
    const stack: ts.BindingName[] = [name];
    while (stack.length > 0) {
      const current = stack.pop()!;
      if (tsApi.isIdentifier(current)) {
        map.set(current.text, { name: current, declaration: current.parent, scope });
        continue;
      }
      for (const element of current.elements) {
        if (!tsApi.isOmittedExpression(element)) stack.push(element.name);
      }
    }
    void declaration;
  };
  const bindList = (list: ts.VariableDeclarationList | ts.Expression | undefined): void => {
    if (list && tsApi.isVariableDeclarationList(list)) {
      for (const decl of list.declarations) bindName(decl.name, decl);
    }
  };
  const bindStatements = (statements: readonly ts.Statement[]): void => {
    for (const statement of statements) {
      if (tsApi.isVariableStatement(statement)) {
        bindList(statement.declarationList);
      } else if ((tsApi.isFunctionDeclaration(statement) || tsApi.isClassDeclaration(statement)) && statement.name) {
        map.set(statement.name.text, { name: statement.name, declaration: statement, scope });
      } else if (tsApi.isEnumDeclaration(statement)) {
        map.set(statement.name.text, { name: statement.name, declaration: statement, scope });
      } else if (tsApi.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (!clause) continue;
        if (clause.name) map.set(clause.name.text, { name: clause.name, declaration: clause, scope });
        const named = clause.namedBindings;
        if (named && tsApi.isNamespaceImport(named)) map.set(named.name.text, { name: named.name, declaration: named, scope });
        if (named && tsApi.isNamedImports(named)) {
          for (const element of named.elements) map.set(element.name.text, { name: element.name, declaration: element, scope });
        }
      } else if (tsApi.isImportEqualsDeclaration(statement)) {
        map.set(statement.name.text, { name: statement.name, declaration: statement, scope });
      }
    }
  };

  if (tsApi.isSourceFile(scope) || tsApi.isBlock(scope) || tsApi.isModuleBlock(scope)) {
    bindStatements(scope.statements);
  } else if (tsApi.isCaseBlock(scope)) {
    for (const clause of scope.clauses) bindStatements(clause.statements);
  } else if (tsApi.isForStatement(scope)) {
    bindList(scope.initializer);
  } else if (tsApi.isForOfStatement(scope) || tsApi.isForInStatement(scope)) {
    bindList(scope.initializer);
  } else if (tsApi.isCatchClause(scope)) {
    if (scope.variableDeclaration) bindName(scope.variableDeclaration.name, scope.variableDeclaration);
  } else if (tsApi.isClassExpression(scope)) {
    if (scope.name) map.set(scope.name.text, { name: scope.name, declaration: scope, scope });
  } else if (isFunctionLike(tsApi, scope)) {
    if ((tsApi.isFunctionExpression(scope)) && scope.name) {
      map.set(scope.name.text, { name: scope.name, declaration: scope, scope });
    }
    for (const param of scope.parameters) bindName(param.name, param);
  }
}
