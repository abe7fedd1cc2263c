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
import { FileScopedWeakMap, onFileScopeEnd } from './file-scoped-cache.js';

/** What a visitor returns: `false` skips the node's children. */
export type VisitResult = boolean | void;

/** A file's nodes in pre-order (`ts.forEachChild` order), with where each node's subtree ends. */
interface FlatTree {
  readonly nodes: readonly ts.Node[];
  /** `subtreeEnd[i]` is the index just past the last descendant of `nodes[i]`. */
  readonly subtreeEnd: Int32Array;
  /** `kinds[i]` is `nodes[i].kind`: filtering by kind reads a typed array, not thousands of differently shaped nodes. */
  readonly kinds: Uint16Array;
  /** The nodes of some kinds, in source order, keyed by the kind list; filled on demand. */
  readonly byKinds: Map<string | number, readonly ts.Node[]>;
  /** The positions in `nodes` grouped by kind (a counting sort of `kinds`), built on the first request by kind. */
  byKindIndex?: KindIndex;
}

/** `positions.subarray(start[kind], start[kind + 1])` are the positions of `kind`'s nodes, in source order. */
interface KindIndex {
  readonly positions: Int32Array;
  readonly start: Int32Array;
}

/**
 * The flat tree of each file walked, for as long as the file lives (it holds a reference per node
 * plus its kind lists: `bench/memory.mjs` measures what a whole project costs). A bounded cache was
 * tried and thrashed in `scan`, whose cross-file questions walk every file of the project again and
 * again.
 */
const flatTrees = new FileScopedWeakMap<ts.SourceFile, FlatTree>();

let lastFile: ts.SourceFile | undefined;
let lastTree: FlatTree | undefined;
onFileScopeEnd(() => {
  lastFile = undefined;
  lastTree = undefined;
});

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

function flattenTree(tsApi: TsApi, root: ts.SourceFile): FlatTree {
  // The parser counts the nodes it creates: enough room for every node `forEachChild` reaches, so
  // the arrays are allocated once (they grow if a transformed file ever holds more).
  let capacity = Math.max(64, ((root as { nodeCount?: number }).nodeCount ?? 0) + 1);
  // (V8 keeps a preallocated array fast only up to about 100,000 elements; a larger one is appended to.)
  const nodes: ts.Node[] = capacity <= 60_000 ? new Array<ts.Node>(capacity) : [];
  let count = 0;
  let ends = new Int32Array(capacity);
  let kinds = new Uint16Array(capacity);
  // Entries are nodes to open, or (as `~index`, a negative number) the end of an opened subtree.
  const stack: (ts.Node | number)[] = [root];
  const push = (child: ts.Node): void => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const entry = stack.pop()!;
    if (typeof entry === 'number') {
      ends[~entry] = count;
      continue;
    }
    const index = count++;
    if (index === capacity) {
      capacity *= 2;
      ends = grow(ends, new Int32Array(capacity));
      kinds = grow(kinds, new Uint16Array(capacity));
    }
    nodes[index] = entry;
    kinds[index] = entry.kind;
    stack.push(~index);
    // Children go on the stack in source order, then are reversed so the first is opened first.
    const first = stack.length;
    tsApi.forEachChild(entry, push);
    for (let low = first, high = stack.length - 1; low < high; low++, high--) {
      const swap = stack[low]!;
      stack[low] = stack[high]!;
      stack[high] = swap;
    }
  }
  nodes.length = count;
  return { nodes, subtreeEnd: ends.subarray(0, count), kinds: kinds.subarray(0, count), byKinds: new Map() };
}

function grow<T extends Int32Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/**
 * Every node of `file` whose kind is one of `kinds`, in source order: what a walk that only looks at
 * calls (or calls and `new`) visits, without visiting the rest. Built once per file and kind list.
 */
export function getNodesOfKinds(tsApi: TsApi, file: ts.SourceFile, kinds: readonly ts.SyntaxKind[]): readonly ts.Node[] {
  const tree = getFlatTree(tsApi, file);
  const key = kinds.length === 1 ? kinds[0]! : kinds.join(',');
  let list = tree.byKinds.get(key);
  if (!list) {
    list = kinds.length === 1 ? nodesOfKind(tree, kinds[0]!) : nodesOfAnyKind(tree, kinds);
    tree.byKinds.set(key, list);
  }
  return list;
}

/** The nodes of one kind, in source order, from the kind index. */
function nodesOfKind(tree: FlatTree, kind: ts.SyntaxKind): ts.Node[] {
  const { positions, start } = getKindIndex(tree);
  if (kind + 1 >= start.length) return [];
  const from = start[kind]!;
  const to = start[kind + 1]!;
  const nodes: ts.Node[] = new Array(to - from);
  for (let i = from; i < to; i++) nodes[i - from] = tree.nodes[positions[i]!]!;
  return nodes;
}

/** The nodes of several kinds, in source order: one pass over the kinds array with a lookup table. */
function nodesOfAnyKind(tree: FlatTree, wanted: readonly ts.SyntaxKind[]): ts.Node[] {
  const { kinds, nodes } = tree;
  const table = kindTable(wanted);
  const found: ts.Node[] = [];
  for (let i = 0; i < kinds.length; i++) if (table[kinds[i]!] === 1) found.push(nodes[i]!);
  for (const kind of wanted) table[kind] = 0;
  return found;
}

/** A scratch table (reset after each use) marking the wanted kinds; SyntaxKind numbers are small. */
let scratchTable = new Uint8Array(1024);

function kindTable(wanted: readonly ts.SyntaxKind[]): Uint8Array {
  let max = 0;
  for (const kind of wanted) if (kind > max) max = kind;
  if (max >= scratchTable.length) scratchTable = new Uint8Array(Math.max(max + 1, scratchTable.length * 2));
  for (const kind of wanted) scratchTable[kind] = 1;
  return scratchTable;
}

/** Groups the positions by kind with one counting sort (on the first request by kind). */
function getKindIndex(tree: FlatTree): KindIndex {
  if (tree.byKindIndex) return tree.byKindIndex;
  const { kinds } = tree;
  let max = 0;
  for (let i = 0; i < kinds.length; i++) if (kinds[i]! > max) max = kinds[i]!;
  // start[k] is where kind k's positions begin; start[max + 1] is the total.
  const start = new Int32Array(max + 2);
  for (let i = 0; i < kinds.length; i++) start[kinds[i]! + 1]!++;
  for (let k = 1; k < start.length; k++) start[k]! += start[k - 1]!;
  const next = start.slice(0, max + 1);
  const positions = new Int32Array(kinds.length);
  for (let i = 0; i < kinds.length; i++) positions[next[kinds[i]!]!++] = i;
  tree.byKindIndex = { positions, start };
  return tree.byKindIndex;
}

/**
 * Calls `visit` with every node of `file` whose kind is one of `kinds`, in source order: a
 * `walkDescendants` over the whole file whose visitor ignores every other kind (and never skips).
 */
export function forEachNodeOfKinds(tsApi: TsApi, file: ts.SourceFile, kinds: readonly ts.SyntaxKind[], visit: (node: ts.Node) => unknown): void {
  // Reads the kind index in place (a k-way merge of the kinds' position lists) instead of building
  // a list: walks run many times per file, and every array they allocate is garbage collector work
  // while the file's whole syntax tree is still young.
  const tree = getFlatTree(tsApi, file);
  const { positions, start } = getKindIndex(tree);
  const { nodes } = tree;
  if (kinds.length === 1) {
    const kind = kinds[0]!;
    if (kind + 1 >= start.length) return;
    for (let i = start[kind]!, end = start[kind + 1]!; i < end; i++) visit(nodes[positions[i]!]!);
    return;
  }
  const cursors: number[] = [];
  const ends: number[] = [];
  for (const kind of kinds) {
    if (kind + 1 >= start.length || start[kind] === start[kind + 1]) continue;
    cursors.push(start[kind]!);
    ends.push(start[kind + 1]!);
  }
  for (;;) {
    let best = -1;
    let bestPosition = Infinity;
    for (let k = 0; k < cursors.length; k++) {
      if (cursors[k]! < ends[k]! && positions[cursors[k]!]! < bestPosition) {
        best = k;
        bestPosition = positions[cursors[k]!]!;
      }
    }
    if (best === -1) return;
    cursors[best]!++;
    visit(nodes[bestPosition]!);
  }
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
