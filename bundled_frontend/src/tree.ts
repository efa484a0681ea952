/**
 * The element tree: what the page shows, as pure immutable data.
 *
 * Four roots (main, sidebar, event, bottom) hold blocks and elements addressed
 * by delta paths `[root, i, j, ...]`. Every node remembers the run that last
 * wrote it and the fragment of that delta, so a finished run can drop what it
 * did not write (`clearStale`) while the page keeps showing the previous run's
 * elements until then — no flicker.
 *
 * Updates copy only the nodes along the changed path (structural sharing), so
 * a renderer can skip any subtree whose node object did not change.
 */
import type { Block, Delta, Element } from "./proto/rillet_pb";

export const ROOT_COUNT = 4;
export enum RootIndex {
  Main = 0,
  Sidebar = 1,
  Event = 2,
  Bottom = 3,
}

interface NodeTags {
  /** The run that last wrote this node. */
  readonly runId: string;
  /** The `fragment_id` of the delta that wrote it ("" outside fragments). */
  readonly fragmentId: string;
}

export interface ElementNode extends NodeTags {
  readonly kind: "element";
  readonly element: Element;
  /** Shown until the next ClearStale, never kept (spinners, toasts). */
  readonly transient: boolean;
}

export interface BlockNode extends NodeTags {
  readonly kind: "block";
  /** Undefined for the four roots. */
  readonly block: Block | undefined;
  /** Positional: a hole (undefined) is a path nobody wrote yet. */
  readonly children: readonly (TreeNode | undefined)[];
}

export type TreeNode = ElementNode | BlockNode;

export interface ElementTree {
  readonly roots: readonly BlockNode[];
}

function emptyRoot(): BlockNode {
  return { kind: "block", block: undefined, children: [], runId: "", fragmentId: "" };
}

export function emptyTree(): ElementTree {
  return { roots: Array.from({ length: ROOT_COUNT }, emptyRoot) };
}

/** An implicit container for a path whose parent block was never sent. */
function placeholderBlock(runId: string, fragmentId: string): BlockNode {
  return { kind: "block", block: undefined, children: [], runId, fragmentId };
}

function newNode(delta: Delta, previous: TreeNode | undefined, runId: string): TreeNode | undefined {
  const tags = { runId, fragmentId: delta.fragmentId };
  switch (delta.type.case) {
    case "newElement":
      return { kind: "element", element: delta.type.value, transient: false, ...tags };
    case "transient":
      return { kind: "element", element: delta.type.value, transient: true, ...tags };
    case "addBlock": {
      const block = delta.type.value;
      const keepsChildren = previous?.kind === "block" && previous.block?.type.case === block.type.case;
      const children = keepsChildren ? previous.children : [];
      return { kind: "block", block, children, ...tags };
    }
    default:
      return undefined;
  }
}

function withChild(parent: BlockNode, index: number, child: TreeNode): BlockNode {
  const children = parent.children.slice();
  while (children.length < index) children.push(undefined);
  children[index] = child;
  return { ...parent, children };
}

function setAt(parent: BlockNode, rest: readonly number[], delta: Delta, runId: string): BlockNode {
  const [index, ...deeper] = rest;
  if (index === undefined) return parent;
  const current = parent.children[index];
  if (deeper.length === 0) {
    const node = newNode(delta, current, runId);
    return node ? withChild(parent, index, node) : parent;
  }
  const container = current?.kind === "block" ? current : placeholderBlock(runId, delta.fragmentId);
  return withChild(parent, index, setAt(container, deeper, delta, runId));
}

/**
 * Apply one delta written by run `runId`. Pure: returns a new tree sharing
 * every untouched node with `tree`; an unusable path returns `tree` itself.
 */
export function applyDelta(tree: ElementTree, delta: Delta, runId: string): ElementTree {
  const [rootIndex, ...rest] = delta.path;
  const root = rootIndex === undefined ? undefined : tree.roots[rootIndex];
  if (root === undefined || rest.length === 0) return tree;
  const updated = setAt(root, rest, delta, runId);
  if (updated === root) return tree;
  const roots = tree.roots.slice();
  roots[rootIndex as number] = updated;
  return { roots };
}

function trimTrailingHoles(children: (TreeNode | undefined)[]): (TreeNode | undefined)[] {
  let end = children.length;
  while (end > 0 && children[end - 1] === undefined) end -= 1;
  return end === children.length ? children : children.slice(0, end);
}

function sameChildren(a: readonly (TreeNode | undefined)[], b: readonly (TreeNode | undefined)[]): boolean {
  return a.length === b.length && a.every((node, i) => node === b[i]);
}

/** Keep only what `runId` wrote below `block` (transients never survive). */
function pruneStale(block: BlockNode, runId: string): BlockNode {
  const kept = trimTrailingHoles(
    block.children.map((child) => {
      if (child === undefined) return undefined;
      if (child.runId !== runId) return undefined;
      if (child.kind === "element") return child.transient ? undefined : child;
      return pruneStale(child, runId);
    }),
  );
  return sameChildren(kept, block.children) ? block : { ...block, children: kept };
}

function isFragmentScope(node: BlockNode, fragmentId: string): boolean {
  return node.fragmentId === fragmentId || node.block?.fragmentId === fragmentId;
}

/**
 * Below `block`, find the subtrees belonging to `fragmentId` and prune them.
 * The fragment's own container stays; inside it only `runId`'s nodes stay.
 */
function pruneFragment(block: BlockNode, runId: string, fragmentId: string): BlockNode {
  const kept = trimTrailingHoles(
    block.children.map((child) => {
      if (child === undefined) return undefined;
      const ownedByFragment = child.fragmentId === fragmentId;
      if (child.kind === "element") {
        if (!ownedByFragment) return child;
        return child.runId === runId && !child.transient ? child : undefined;
      }
      if (child.block?.fragmentId === fragmentId) return pruneStale(child, runId);
      if (ownedByFragment && child.runId !== runId) return undefined;
      return isFragmentScope(child, fragmentId)
        ? pruneStale(child, runId)
        : pruneFragment(child, runId, fragmentId);
    }),
  );
  return sameChildren(kept, block.children) ? block : { ...block, children: kept };
}

/**
 * After run `runId` finished: drop every node it did not write. With a
 * `fragmentId`, only nodes of that fragment are considered; the rest of the
 * page belongs to earlier runs and stays.
 */
export function clearStale(tree: ElementTree, runId: string, fragmentId: string): ElementTree {
  const roots = tree.roots.map((root) =>
    fragmentId === "" ? pruneStale(root, runId) : pruneFragment(root, runId, fragmentId),
  );
  return roots.every((root, i) => root === tree.roots[i]) ? tree : { roots };
}

/** Every node of the tree, depth first (for collecting live widgets). */
export function* walkTree(tree: ElementTree): Generator<TreeNode> {
  function* walk(node: TreeNode): Generator<TreeNode> {
    yield node;
    if (node.kind === "block") {
      for (const child of node.children) if (child) yield* walk(child);
    }
  }
  for (const root of tree.roots) yield* walk(root);
}

/** True when the root holds nothing to show (decides if the sidebar appears). */
export function isRootEmpty(tree: ElementTree, index: RootIndex): boolean {
  return (tree.roots[index]?.children ?? []).every((child) => child === undefined);
}
