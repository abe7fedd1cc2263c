/**
 * Registration order as the program runs it, where the file shows it: a step written inside a helper
 * function or class method happens where that helper is called (`this.initializeMiddlewares();
 * this.initializeRoutes();` in a constructor, `setupRoutes()` after `app.use(auth)`), not where the
 * helper is written. An order key is the list of call positions from the outermost call down to the
 * step; keys compare lexicographically.
 */
import type * as ts from 'typescript';
import type { TsApi } from '../core/context.js';
import { getPropertyNameText, isFunctionLike, skipOuterExpressions } from '../core/ast.js';
import { resolveIdentifier } from '../core/scope.js';
import { forEachNodeOfKinds } from '../core/walk.js';

/** The first call site of each local function or class method of a file. */
export type CallSiteIndex = ReadonlyMap<ts.Node, ts.CallExpression>;

const MAX_DEPTH = 8;

/** Indexes the first call of every function declared in the file (by identifier or `this.method()`). */
export function buildCallSiteIndex(tsApi: TsApi, file: ts.SourceFile): CallSiteIndex {
  const index = new Map<ts.Node, ts.CallExpression>();
  forEachNodeOfKinds(tsApi, file, [tsApi.SyntaxKind.CallExpression], (node) => {
    if (!tsApi.isCallExpression(node)) return;
    const target = getCalledFunction(tsApi, node);
    if (!target || index.has(target) || isWithin(node, target)) return;
    index.set(target, node);
  });
  return index;
}

function getCalledFunction(tsApi: TsApi, call: ts.CallExpression): ts.Node | undefined {
  const callee = skipOuterExpressions(tsApi, call.expression);
  if (tsApi.isIdentifier(callee)) {
    const declaration = resolveIdentifier(tsApi, callee)?.declaration;
    if (!declaration) return undefined;
    if (tsApi.isFunctionDeclaration(declaration)) return declaration;
    if (tsApi.isVariableDeclaration(declaration) && declaration.initializer) {
      const init = skipOuterExpressions(tsApi, declaration.initializer);
      return isFunctionLike(tsApi, init) ? init : undefined;
    }
    return undefined;
  }
  if (tsApi.isPropertyAccessExpression(callee) && callee.expression.kind === tsApi.SyntaxKind.ThisKeyword) {
    const owner = getOwningClass(tsApi, callee);
    if (!owner) return undefined;
    for (const member of owner.members) {
      if ((tsApi.isMethodDeclaration(member) || tsApi.isPropertyDeclaration(member)) && getPropertyNameText(tsApi, member.name) === callee.name.text) {
        if (tsApi.isMethodDeclaration(member)) return member;
        const init = member.initializer ? skipOuterExpressions(tsApi, member.initializer) : undefined;
        return init && isFunctionLike(tsApi, init) ? init : undefined;
      }
    }
  }
  return undefined;
}

function getOwningClass(tsApi: TsApi, node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (tsApi.isClassDeclaration(current) || tsApi.isClassExpression(current)) return current;
    if (tsApi.isFunctionDeclaration(current) || tsApi.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}

function isWithin(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

/**
 * The order key of a step at `node`: call positions from the outermost helper call down to the
 * step. Climbing stops at `scopeFunction` (the function the container lives in) and at functions
 * the file never calls (callbacks).
 */
export function getOrderKey(tsApi: TsApi, callSites: CallSiteIndex, node: ts.Node, scopeFunction: ts.Node | undefined): number[] {
  const key = [node.getStart()];
  let current: ts.Node = node;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const fn = getEnclosingFunction(tsApi, current);
    if (!fn || fn === scopeFunction || (scopeFunction && isWithin(scopeFunction, fn))) break;
    const site = callSites.get(fn);
    if (!site) break;
    key.unshift(site.getStart());
    current = site;
  }
  return key;
}

function getEnclosingFunction(tsApi: TsApi, node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionLike(tsApi, current)) return current;
  }
  return undefined;
}

/** Lexicographic comparison of order keys. */
export function compareOrderKeys(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!;
  }
  return a.length - b.length;
}

/** The name a function is known by: its own name, the variable or property it initializes. */
export function getFunctionName(tsApi: TsApi, fn: ts.Node): string | undefined {
  if ((tsApi.isFunctionDeclaration(fn) || tsApi.isFunctionExpression(fn)) && fn.name) return fn.name.text;
  if (tsApi.isMethodDeclaration(fn)) return getPropertyNameText(tsApi, fn.name);
  let holder: ts.Node = fn;
  // Through parentheses, assertions and wrapper calls: `const auth = fp(async (app) => {...})`.
  while (
    holder.parent &&
    (tsApi.isParenthesizedExpression(holder.parent) ||
      tsApi.isAsExpression(holder.parent) ||
      tsApi.isSatisfiesExpression(holder.parent) ||
      (tsApi.isCallExpression(holder.parent) && holder.parent.arguments[0] === holder))
  ) {
    holder = holder.parent;
  }
  const parent = holder.parent;
  if (parent && tsApi.isVariableDeclaration(parent) && tsApi.isIdentifier(parent.name)) return parent.name.text;
  if (parent && tsApi.isPropertyAssignment(parent)) return getPropertyNameText(tsApi, parent.name);
  if (parent && tsApi.isBinaryExpression(parent) && tsApi.isPropertyAccessExpression(parent.left)) {
    const name = parent.left.name.text;
    return name === 'exports' ? undefined : name;
  }
  return undefined;
}
