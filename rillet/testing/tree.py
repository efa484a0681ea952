"""The element tree as a client holds it, rebuilt from forward messages.

This mirrors the browser client's ``applyDelta``/``clearStale``
(rillet/protocol/README.md) so AppTest sees exactly what a user would.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rillet.protocol import rillet_pb2 as pb

ROOTS = 4
EVENT_ROOT = 2


@dataclass
class Node:
    """An element or a block with its children, tagged by the run that wrote it."""

    element: pb.Element | None = None
    block: pb.Block | None = None
    children: dict[int, Node] = field(default_factory=dict)
    run_id: str = ""
    fragment_id: str = ""
    transient: bool = False

    def ordered(self) -> list[Node]:
        return [self.children[i] for i in sorted(self.children)]


def new_roots() -> list[Node]:
    return [Node(block=pb.Block(allow_empty=True)) for _ in range(ROOTS)]


def apply_delta(roots: list[Node], delta: pb.Delta, run_id: str) -> None:
    """Write one delta into the tree."""
    path = list(delta.path)
    if not path or path[0] >= len(roots):
        raise ValueError(f"delta path {path} does not start at a root")
    parent = roots[path[0]]
    for index in path[1:-1]:
        child = parent.children.get(index)
        if child is None:
            child = Node(block=pb.Block(), run_id=run_id, fragment_id=delta.fragment_id)
            parent.children[index] = child
        parent = child
    if len(path) == 1:
        raise ValueError("a delta cannot replace a root")
    index = path[-1]
    kind = delta.WhichOneof("type")
    if kind == "add_block":
        existing = parent.children.get(index)
        keep = (
            existing is not None
            and existing.block is not None
            and existing.block.WhichOneof("type") == delta.add_block.WhichOneof("type")
        )
        node = Node(block=delta.add_block, run_id=run_id, fragment_id=delta.fragment_id)
        if keep and existing is not None:
            node.children = existing.children
        parent.children[index] = node
    else:
        element = delta.new_element if kind == "new_element" else delta.transient
        existing = parent.children.get(index)
        if existing is not None and existing.element is not None:
            _hold_parts(element, existing.element)
        parent.children[index] = Node(
            element=element,
            run_id=run_id,
            fragment_id=delta.fragment_id,
            transient=kind == "transient",
        )


def _hold_parts(element: pb.Element, replaced: pb.Element) -> None:
    """Give a table's bare parts the bytes the element it replaces had for them.

    A large table comes first rows first, one part more per delta at the
    same place, and the last delta refers to parts the earlier ones brought
    by hash alone: the browser keeps parts by hash, the tree keeps them here.
    """
    if element.WhichOneof("type") != "dataframe" or replaced.WhichOneof("type") != "dataframe":
        return
    bare = [part for part in element.dataframe.parts if not part.arrow]
    if bare:
        held = {part.hash: part.arrow for part in replaced.dataframe.parts if part.arrow}
        for part in bare:
            if part.hash in held:
                part.arrow = held[part.hash]


def clear_stale(roots: list[Node], run_id: str, fragment_id: str) -> None:
    """Drop nodes the run did not write (only inside the fragment, if one ran)."""
    for number, root in enumerate(roots):
        # A browser has shown this run's toasts in its own stack by now;
        # AppTest keeps them until the next run so a test can read them.
        keep = number == EVENT_ROOT
        _clear(root, run_id, fragment_id, inside=not fragment_id, keep_transient=keep)


def _clear(
    node: Node, run_id: str, fragment_id: str, inside: bool, keep_transient: bool = False
) -> None:
    for index in list(node.children):
        child = node.children[index]
        child_inside = inside or (bool(fragment_id) and child.fragment_id == fragment_id)
        stale = child.run_id != run_id or (child.transient and not keep_transient)
        if child_inside and stale:
            del node.children[index]
            continue
        _clear(child, run_id, fragment_id, child_inside, keep_transient)
