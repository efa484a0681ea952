"""Containers with a behaviour of their own: ``st.bottom``, grids and skeletons.

They are :class:`~rillet.api.container.Container` objects (every ``st.*``
command works on them) with a rule or a method added.
"""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Any, Literal

from rillet.api._command import handle
from rillet.api.container import Container
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.context import BOTTOM, EVENT, SIDEBAR, RunContext, Target
from rillet.runtime.errors import RilletAPIException, bad_argument

# ------------------------------------------------------------------ bottom


class BottomContainer(Container):
    """``st.bottom``: the strip pinned to the bottom of the main area.

    ``st.chat_input`` written at the top level of the page goes there by
    itself; anything else can be put there with ``with st.bottom:``. It
    belongs to the main area: using it from the sidebar or a dialog is an
    error, as in Streamlit.

    Example:
        >>> import rillet as st
        >>> with st.bottom:
        ...     st.caption("Answers may be wrong; check them.")
        >>> st.bottom.button("Clear the chat")
    """

    def __getattribute__(self, name: str) -> Any:
        if not name.startswith("_"):
            object.__getattribute__(self, "_check_place")()
        return object.__getattribute__(self, name)

    def __enter__(self) -> Container:
        self._check_place()
        return super().__enter__()

    def _check_place(self) -> None:
        ctx = context.get_or_none()
        if ctx is None:
            return
        root = ctx.target.path[0]
        if root == SIDEBAR:
            where = "inside `st.sidebar`"
        elif root == EVENT:
            where = "inside a dialog" if _in_dialog(ctx) else "inside event containers"
        else:
            return
        raise RilletAPIException(
            f"`st.bottom` cannot be used {where}: the bottom container belongs to the "
            "main area of the app."
        )


def _in_dialog(ctx: RunContext) -> bool:
    return ctx.target.path[:1] == (EVENT,) and len(ctx.target.path) > 1


bottom = BottomContainer(Target((BOTTOM,)))


# -------------------------------------------------------------------- grid

_MAX_SPAN = 2**32 - 1


class GridContainer(Container):
    """What ``st.grid`` returns: each element written to it is the next cell.

    Cells fill the grid row by row, in the order they are written.
    :meth:`cell` groups several elements into one cell, which may span
    columns or rows.

    Example:
        >>> import rillet as st
        >>> grid = st.grid(3)
        >>> for n in range(6):
        ...     grid.metric(f"Sensor {n}", n * 10)
        >>> with grid.cell(column_span="all"):
        ...     st.caption("Readings of the last hour")
    """

    def __init__(self, target: Target, columns: int | None) -> None:
        super().__init__(target)
        self._columns = columns

    def __enter__(self) -> GridContainer:
        super().__enter__()
        return self

    def cell(self, *, column_span: int | Literal["all"] = 1, row_span: int = 1) -> Container:
        """Add the next cell as a container holding several elements.

        Args:
            column_span: How many columns the cell covers (at most the
                grid's ``columns`` when that is a number), or ``"all"``: a
                row of its own.
            row_span: How many rows the cell covers.
        """
        block = pb.Block(allow_empty=True)
        cell = block.grid_cell
        cell.SetInParent()
        if column_span == "all":
            cell.column_span_all = True
        else:
            highest = self._columns or _MAX_SPAN
            if (
                isinstance(column_span, bool)
                or not isinstance(column_span, int)
                or not 1 <= column_span <= highest
            ):
                accepted = (
                    f"'all' or an int from 1 to {self._columns}"
                    if self._columns
                    else ("'all' or a positive int")
                )
                raise bad_argument("column_span", column_span, accepted, command="grid(...).cell")
            cell.column_span = column_span if column_span > 1 else 0
        if (
            isinstance(row_span, bool)
            or not isinstance(row_span, int)
            or not 1 <= row_span <= _MAX_SPAN
        ):
            raise bad_argument("row_span", row_span, "a positive int", command="grid(...).cell")
        cell.row_span = row_span if row_span > 1 else 0
        return handle(context.get().emit_block(block, self._target))


# ---------------------------------------------------------------- skeleton

# A block that finishes sooner shows no skeleton at all (no flash).
_SKELETON_DELAY = 0.5


class SkeletonPlaceholder(Container):
    """What ``st.skeleton`` returns: a placeholder whose first write replaces the skeleton.

    Used with ``with``, the skeleton is shown only once the block has taken
    half a second, and is removed when the block ends; what the block
    writes goes where it would go without the ``with``.

    Example:
        >>> import rillet as st
        >>> slot = st.skeleton(height=120)
        >>> slot.success("Ready")
    """

    def __init__(self, slot: Target, element: pb.Element) -> None:
        super().__init__(slot)
        self._element = element
        self._lock = threading.Lock()
        self._showing = False
        self._timer: threading.Timer | None = None

    def __enter__(self) -> SkeletonPlaceholder:
        ctx = context.get()
        empty = pb.Element()
        empty.empty.SetInParent()
        ctx.emit(empty, self._target)
        with self._lock:
            self._showing = True
        # Note [Threading]: the timer thread only hands a message to the
        # session's send, which is the Outbox's thread-safe put.
        self._timer = threading.Timer(_SKELETON_DELAY, self._show, args=(ctx,))
        self._timer.daemon = True
        self._timer.start()
        return self

    def _show(self, ctx: RunContext) -> None:
        with self._lock:
            if not self._showing:
                return
            delta = pb.Delta(path=self._target.path, fragment_id=self._target.fragment_id)
            delta.transient.CopyFrom(self._element)
            ctx.send(pb.ForwardMsg(delta=delta))

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._showing = False
            # Sent even while unwinding from a rerun request: the skeleton goes
            # either way, and the slot stays, empty, as st.empty() would.
            cleared = pb.Delta(path=self._target.path, fragment_id=self._target.fragment_id)
            cleared.new_element.empty.SetInParent()
            context.get().send(pb.ForwardMsg(delta=cleared))
