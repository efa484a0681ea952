import { create } from "@bufbuild/protobuf";
import { describe, expect, test } from "vitest";
import {
  BlockSchema,
  DeltaSchema,
  ElementSchema,
  type Block,
  type Delta,
  type Element,
} from "../src/proto/rillet_pb";
import {
  applyDelta,
  clearStale,
  emptyTree,
  isRootEmpty,
  RootIndex,
  type ElementTree,
  type TreeNode,
} from "../src/tree";

function markdown(body: string): Element {
  return create(ElementSchema, { type: { case: "markdown", value: { body } } });
}

function vertical(): Block {
  return create(BlockSchema, { type: { case: "vertical", value: {} } });
}

function expander(label: string): Block {
  return create(BlockSchema, { type: { case: "expander", value: { label } } });
}

function elementDelta(path: number[], body: string, fragmentId = ""): Delta {
  return create(DeltaSchema, {
    path,
    fragmentId,
    type: { case: "newElement", value: markdown(body) },
  });
}

function transientDelta(path: number[], body: string): Delta {
  return create(DeltaSchema, { path, type: { case: "transient", value: markdown(body) } });
}

function blockDelta(path: number[], block: Block, fragmentId = ""): Delta {
  return create(DeltaSchema, { path, fragmentId, type: { case: "addBlock", value: block } });
}

function nodeAt(tree: ElementTree, path: number[]): TreeNode | undefined {
  const [root, ...rest] = path;
  let node: TreeNode | undefined = tree.roots[root ?? -1];
  for (const index of rest) {
    node = node?.kind === "block" ? node.children[index] : undefined;
  }
  return node;
}

function bodyAt(tree: ElementTree, path: number[]): string | undefined {
  const node = nodeAt(tree, path);
  if (node?.kind !== "element" || node.element.type.case !== "markdown") return undefined;
  return node.element.type.value.body;
}

function run(tree: ElementTree, runId: string, deltas: Delta[]): ElementTree {
  return deltas.reduce((t, d) => applyDelta(t, d, runId), tree);
}

describe("applyDelta", () => {
  test("a new element lands at its path in the right root", () => {
    const tree = applyDelta(emptyTree(), elementDelta([1, 0], "in sidebar"), "r1");
    expect(bodyAt(tree, [1, 0])).toBe("in sidebar");
    expect(isRootEmpty(tree, RootIndex.Main)).toBe(true);
    expect(isRootEmpty(tree, RootIndex.Sidebar)).toBe(false);
  });

  test("does not mutate the previous tree and shares untouched nodes", () => {
    const before = run(emptyTree(), "r1", [
      elementDelta([0, 0], "a"),
      blockDelta([0, 1], vertical()),
      elementDelta([0, 1, 0], "inside"),
    ]);
    const after = applyDelta(before, elementDelta([0, 0], "b"), "r2");
    expect(bodyAt(before, [0, 0])).toBe("a");
    expect(bodyAt(after, [0, 0])).toBe("b");
    expect(nodeAt(after, [0, 1])).toBe(nodeAt(before, [0, 1]));
    expect(after.roots[RootIndex.Sidebar]).toBe(before.roots[RootIndex.Sidebar]);
  });

  test("tags each node with the run and fragment that wrote it", () => {
    const tree = applyDelta(emptyTree(), elementDelta([0, 0], "x", "frag"), "r7");
    expect(nodeAt(tree, [0, 0])).toMatchObject({ runId: "r7", fragmentId: "frag" });
  });

  test("a block of the same kind keeps its children", () => {
    const first = run(emptyTree(), "r1", [
      blockDelta([0, 0], expander("old")),
      elementDelta([0, 0, 0], "child"),
    ]);
    const second = applyDelta(first, blockDelta([0, 0], expander("new")), "r2");
    expect(bodyAt(second, [0, 0, 0])).toBe("child");
    const block = nodeAt(second, [0, 0]);
    expect(block?.kind === "block" && block.block?.type.value).toMatchObject({ label: "new" });
  });

  test("a block of another kind starts empty", () => {
    const first = run(emptyTree(), "r1", [
      blockDelta([0, 0], expander("e")),
      elementDelta([0, 0, 0], "child"),
    ]);
    const second = applyDelta(first, blockDelta([0, 0], vertical()), "r2");
    expect(nodeAt(second, [0, 0, 0])).toBeUndefined();
  });

  test("an element replaces a block at the same path", () => {
    const first = run(emptyTree(), "r1", [blockDelta([0, 0], vertical()), elementDelta([0, 0, 0], "child")]);
    const second = applyDelta(first, elementDelta([0, 0], "now an element"), "r2");
    expect(bodyAt(second, [0, 0])).toBe("now an element");
  });

  test("a path into a missing block creates a placeholder container", () => {
    const tree = applyDelta(emptyTree(), elementDelta([0, 2, 1], "deep"), "r1");
    expect(bodyAt(tree, [0, 2, 1])).toBe("deep");
    expect(nodeAt(tree, [0, 0])).toBeUndefined();
  });

  test("an unusable path leaves the tree as it was", () => {
    const tree = emptyTree();
    expect(applyDelta(tree, elementDelta([9, 0], "x"), "r1")).toBe(tree);
    expect(applyDelta(tree, elementDelta([0], "x"), "r1")).toBe(tree);
  });
});

describe("clearStale", () => {
  test("old elements stay visible until the new run clears (no flicker)", () => {
    const first = run(emptyTree(), "r1", [
      elementDelta([0, 0], "a1"),
      elementDelta([0, 1], "b1"),
      elementDelta([0, 2], "c1"),
    ]);
    const midRun = applyDelta(first, elementDelta([0, 0], "a2"), "r2");
    expect(bodyAt(midRun, [0, 1])).toBe("b1");
    expect(bodyAt(midRun, [0, 2])).toBe("c1");

    const finished = clearStale(applyDelta(midRun, elementDelta([0, 1], "b2"), "r2"), "r2", "");
    expect(bodyAt(finished, [0, 0])).toBe("a2");
    expect(bodyAt(finished, [0, 1])).toBe("b2");
    expect(finished.roots[0]?.children).toHaveLength(2);
  });

  test("clears stale children inside kept blocks", () => {
    const first = run(emptyTree(), "r1", [
      blockDelta([0, 0], vertical()),
      elementDelta([0, 0, 0], "x"),
      elementDelta([0, 0, 1], "y"),
    ]);
    const second = clearStale(
      run(first, "r2", [blockDelta([0, 0], vertical()), elementDelta([0, 0, 0], "x2")]),
      "r2",
      "",
    );
    expect(bodyAt(second, [0, 0, 0])).toBe("x2");
    expect(nodeAt(second, [0, 0, 1])).toBeUndefined();
  });

  test("drops a block the new run did not write, with its children", () => {
    const first = run(emptyTree(), "r1", [blockDelta([1, 0], vertical()), elementDelta([1, 0, 0], "x")]);
    const second = clearStale(first, "r2", "");
    expect(isRootEmpty(second, RootIndex.Sidebar)).toBe(true);
  });

  test("transient elements are dropped at the clear even if written by the run", () => {
    const tree = run(emptyTree(), "r1", [transientDelta([0, 0], "spinner"), elementDelta([0, 1], "kept")]);
    expect(bodyAt(tree, [0, 0])).toBe("spinner");
    const cleared = clearStale(tree, "r1", "");
    expect(nodeAt(cleared, [0, 0])).toBeUndefined();
    expect(bodyAt(cleared, [0, 1])).toBe("kept");
  });

  test("a clear with nothing stale returns the same tree object", () => {
    const tree = run(emptyTree(), "r1", [elementDelta([0, 0], "a")]);
    expect(clearStale(tree, "r1", "")).toBe(tree);
  });

  test("a fragment clear only touches that fragment's nodes", () => {
    const fragmentBlock = create(BlockSchema, {
      type: { case: "vertical", value: {} },
      fragmentId: "F",
    });
    const full = run(emptyTree(), "r1", [
      elementDelta([0, 0], "outside"),
      blockDelta([0, 1], fragmentBlock, "F"),
      elementDelta([0, 1, 0], "f-a", "F"),
      elementDelta([0, 1, 1], "f-b", "F"),
    ]);
    const fragmentRun = run(full, "r2", [elementDelta([0, 1, 0], "f-a2", "F")]);
    const cleared = clearStale(fragmentRun, "r2", "F");
    expect(bodyAt(cleared, [0, 0])).toBe("outside");
    expect(nodeAt(cleared, [0, 1])?.kind).toBe("block");
    expect(bodyAt(cleared, [0, 1, 0])).toBe("f-a2");
    expect(nodeAt(cleared, [0, 1, 1])).toBeUndefined();
  });

  test("a fragment clear leaves other fragments alone", () => {
    const tree = run(emptyTree(), "r1", [elementDelta([0, 0], "g", "G"), elementDelta([0, 1], "f", "F")]);
    const cleared = clearStale(tree, "r2", "F");
    expect(bodyAt(cleared, [0, 0])).toBe("g");
    expect(nodeAt(cleared, [0, 1])).toBeUndefined();
  });
});
