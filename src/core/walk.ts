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
  /** `kinds[i]` is `nodes[i].kind`: filtering by kind reads a typed array, not thousands of differently shaped nodes. */
  readonly kinds: Uint16Array;
  /** The nodes of some kinds, in source order, keyed by the sorted kind list; filled on demand. */
  readonly byKinds: Map<string, readonly ts.Node[]>;
  /** The nodes of one kind, in source order; filled on demand. */
  readonly bySingleKind: Map<number, readonly ts.Node[]>;
  /** Each kind's positions in `nodes`, built on the first request by kind. */
  byKindIndex?: ReadonlyMap<number, Int32Array>;
}

/**
 * The flat tree of each file walked, for as long as the file lives (it holds a reference per node
 * plus its kind lists: `bench/memory.mjs` measures what a whole project costs). A bounded cache was
 * tried and thrashed in `scan`, whose cross-file questions walk every file of the project again and
 * again.
 */
const flatTrees = new WeakMap<ts.SourceFile, FlatTree>();

let lastFile: ts.SourceFile | undefined;
let lastTree: FlatTree | undefined;

function getFlatTree(tsApi: TsApi, file: ts.SourceFile): FlatTree {
  if (file === lastFile) return lastTree!;
  let tree = flatTrees.get(file);
  if (!tree) {
    tree = flattenTree(tsApi, file);
    flatTrees.set(file, tree);
  }
  lastFile = file;
  lastTree = tree;
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
  const kinds = new Uint16Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) kinds[i] = nodes[i]!.kind;
  return { nodes, subtreeEnd: Int32Array.from(ends), kinds, byKinds: new Map(), bySingleKind: new Map() };
}

/**
 * Every node of `file` whose kind is one of `kinds`, in source order: what a walk that only looks at
 * calls (or calls and `new`) visits, without visiting the rest. Built once per file and kind list.
 */
export function getNodesOfKinds(tsApi: TsApi, file: ts.SourceFile, kinds: readonly ts.SyntaxKind[]): readonly ts.Node[] {
  const tree = getFlatTree(tsApi, file);
  if (kinds.length === 1) return nodesOfKind(tree, kinds[0]!);
  const key = [...kinds].sort((a, b) => a - b).join(',');
  let list = tree.byKinds.get(key);
  if (!list) {
    // Merge the kinds' lists by position in the flat tree (each is in source order already).
    const indices = kinds.map((kind) => indicesOfKind(tree, kind)).filter((l) => l.length > 0);
    const merged: number[] = [];
    for (const l of indices) for (let i = 0; i < l.length; i++) merged.push(l[i]!);
    if (indices.length > 1) merged.sort((a, b) => a - b);
    list = merged.map((i) => tree.nodes[i]!);
    tree.byKinds.set(key, list);
  }
  return list;
}

/** The positions in the flat tree of each kind, from one pass over the kinds array (on first use). */
function indicesOfKind(tree: FlatTree, kind: ts.SyntaxKind): Int32Array {
  if (!tree.byKindIndex) {
    const { kinds } = tree;
    const counts = new Map<number, number>();
    for (let i = 0; i < kinds.length; i++) counts.set(kinds[i]!, (counts.get(kinds[i]!) ?? 0) + 1);
    const lists = new Map<number, Int32Array>();
    const filled = new Map<number, number>();
    for (const [k, count] of counts) {
      lists.set(k, new Int32Array(count));
      filled.set(k, 0);
    }
    for (let i = 0; i < kinds.length; i++) {
      const k = kinds[i]!;
      const at = filled.get(k)!;
      lists.get(k)![at] = i;
      filled.set(k, at + 1);
    }
    tree.byKindIndex = lists;
  }
  return tree.byKindIndex.get(kind) ?? EMPTY_INDICES;
}

const EMPTY_INDICES = new Int32Array(0);

function nodesOfKind(tree: FlatTree, kind: ts.SyntaxKind): readonly ts.Node[] {
  let list = tree.bySingleKind.get(kind);
  if (!list) {
    const indices = indicesOfKind(tree, kind);
    const nodes: ts.Node[] = new Array(indices.length);
    for (let i = 0; i < indices.length; i++) nodes[i] = tree.nodes[indices[i]!]!;
    list = nodes;
    tree.bySingleKind.set(kind, list);
  }
  return list;
}

/**
 * Calls `visit` with every node of `file` whose kind is one of `kinds`, in source order: a
 * `walkDescendants` over the whole file whose visitor ignores every other kind (and never skips).
 */
export function forEachNodeOfKinds(tsApi: TsApi, file: ts.SourceFile, kinds: readonly ts.SyntaxKind[], visit: (node: ts.Node) => unknown): void {
  for (const node of getNodesOfKinds(tsApi, file, kinds)) visit(node);
}

/** The calls of a file in source order (`f()`, `a.b()`, `super()`, `import()`), from its flat tree. */
export function getCallExpressions(tsApi: TsApi, file: ts.SourceFile): readonly ts.CallExpression[] {
  return getNodesOfKinds(tsApi, file, [tsApi.SyntaxKind.CallExpression]) as readonly ts.CallExpression[];
}

/** Where `node` sits in its file's flat tree, or -1 (a node `forEachChild` does not reach, such as JSDoc). */
function indexOf(tree: FlatTree, node: ts.Node): number {
  const { nodes } = tree;
  for (let i = firstAtOrAfter(nodes, node.pos); i < nodes.length && nodes[i]!.pos === node.pos; i++) {
    if (nodes[i] === node) return i;
  }
  return -1;
}

/** The index of the first node (of a list sorted by position) that starts at or after `pos` (binary search). */
export function firstAtOrAfter(nodes: readonly ts.Node[], pos: number): number {
  let low = 0;
  let high = nodes.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (nodes[mid]!.pos < pos) low = mid + 1;
    else high = mid;
  }
  return low;
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
