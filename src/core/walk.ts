/**
 * AST traversal without recursion (10,000-deep nesting cannot overflow the stack), over a flat
 * pre-order list of each file's nodes that is built once and shared by every walk of that file.
 *
 * Rules and models walk the same file many times (routes, handlers, sinks, secrets, ...). Walking
 * with `ts.forEachChild` allocates a closure and a child array per node on every walk; the flat
 * list makes each later walk a loop over an array, and skipping a subtree a jump to its end index.
 */
import type * as ts from 'typescript';
import type { TsApi } from './context.js';

/** What a visitor returns: `false` skips the node's children. */
export type VisitResult = boolean | void;

/** A file's nodes in pre-order (`ts.forEachChild` order), with where each node's subtree ends. */
interface FlatTree {
  readonly nodes: readonly ts.Node[];
  /** `subtreeEnd[i]` is the index just past the last descendant of `nodes[i]`. */
  readonly subtreeEnd: Int32Array;
}

/**
 * The flat trees of the files walked most recently. Bounded, so a whole-program scan does not keep
 * one for every file of the project alive; ESLint lints one file at a time.
 */
const MAX_CACHED_TREES = 128;
const flatTrees = new Map<ts.SourceFile, FlatTree>();

function getFlatTree(tsApi: TsApi, file: ts.SourceFile): FlatTree {
  const known = flatTrees.get(file);
  if (known) {
    if (flatTrees.size > 1) {
      // Most recently used last.
      flatTrees.delete(file);
      flatTrees.set(file, known);
    }
    return known;
  }
  const tree = flattenTree(tsApi, file);
  if (flatTrees.size >= MAX_CACHED_TREES) flatTrees.delete(flatTrees.keys().next().value!);
  flatTrees.set(file, tree);
  return tree;
}

function flattenTree(tsApi: TsApi, root: ts.Node): FlatTree {
  const nodes: ts.Node[] = [];
  const ends: number[] = [];
  // Entries are nodes to open, or (as `~index`, a negative number) the end of an opened subtree.
  const stack: (ts.Node | number)[] = [root];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): void => {
    children.push(child);
  };
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (typeof entry === 'number') {
      ends[~entry] = nodes.length;
      continue;
    }
    const index = nodes.length;
    nodes.push(entry);
    ends.push(0);
    stack.push(~index);
    children.length = 0;
    tsApi.forEachChild(entry, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return { nodes, subtreeEnd: Int32Array.from(ends) };
}

/** Where `node` sits in its file's flat tree, or -1 (a node `forEachChild` does not reach, such as JSDoc). */
function indexOf(tree: FlatTree, node: ts.Node): number {
  const { nodes } = tree;
  const pos = node.pos;
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (nodes[mid]!.pos < pos) low = mid + 1;
    else high = mid;
  }
  for (let i = low; i < nodes.length && nodes[i]!.pos === pos; i++) {
    if (nodes[i] === node) return i;
  }
  return -1;
}

/**
 * Visits `root` and its descendants in source order (pre-order), iteratively.
 * Return `false` from `visit` to skip a node's children.
 */
export function walkDescendants(tsApi: TsApi, root: ts.Node, visit: (node: ts.Node) => VisitResult): void {
  const file = tsApi.isSourceFile(root) ? root : sourceFileOf(tsApi, root);
  if (file) {
    const tree = getFlatTree(tsApi, file);
    const start = root === file ? 0 : indexOf(tree, root);
    if (start >= 0) {
      const { nodes, subtreeEnd } = tree;
      const end = subtreeEnd[start]!;
      let i = start;
      while (i < end) i = visit(nodes[i]!) === false ? subtreeEnd[i]! : i + 1;
      return;
    }
  }
  walkByChildren(tsApi, root, visit);
}

/** The file of a node with parent pointers, or undefined for a detached node. */
function sourceFileOf(tsApi: TsApi, node: ts.Node): ts.SourceFile | undefined {
  let current: ts.Node | undefined = node;
  while (current && !tsApi.isSourceFile(current)) current = current.parent;
  return current;
}

/** The plain walk, for nodes outside any file's flat tree. */
function walkByChildren(tsApi: TsApi, root: ts.Node, visit: (node: ts.Node) => VisitResult): void {
  const stack: ts.Node[] = [root];
  const children: ts.Node[] = [];
  const collect = (child: ts.Node): void => {
    children.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    children.length = 0;
    tsApi.forEachChild(node, collect);
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
