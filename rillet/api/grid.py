"""``st.grid``: elements laid out in columns and rows, filled in order."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from rillet.api.layout import Gap, _check_alignment, _gap
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import claim_key

if TYPE_CHECKING:
    from rillet.api.container_types import GridContainer

_MAX_COLUMNS = 24


def _columns(columns: object) -> int:
    if columns == "auto":
        return 0
    if isinstance(columns, int) and not isinstance(columns, bool) and 1 <= columns <= _MAX_COLUMNS:
        return columns
    raise bad_argument(
        "columns", columns, f"'auto' or an int from 1 to {_MAX_COLUMNS}", command="grid"
    )


def _auto_or_pixels(argument: str, value: object, auto: str) -> int:
    if value == auto:
        return 0
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise bad_argument(argument, value, f"{auto!r} or a positive int (pixels)", command="grid")


def _gaps(gap: object) -> tuple[str, str]:
    """``(row gap, column gap)``: one gap for both, or a pair."""
    if isinstance(gap, (tuple, list)):
        if len(gap) != 2:
            raise bad_argument(
                "gap", gap, "a gap, or a pair of gaps (rows, columns)", command="grid"
            )
        return _gap(gap[0], "grid"), _gap(gap[1], "grid")
    one = _gap(gap, "grid")
    return one, one


def _size(argument: str, value: object, named: tuple[str, ...]) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return f"{value}px"
    if value in named:
        return str(value)
    words = " or ".join(repr(n) for n in named)
    raise bad_argument(argument, value, f"a positive int (pixels) or {words}", command="grid")


def _key(key: object) -> str:
    if key is None:
        return ""
    if isinstance(key, bool) or not isinstance(key, (str, int)):
        raise bad_argument("key", key, "a string, an int or None", command="grid")
    claim_key(str(key), "st.grid")
    return str(key)


def grid(
    columns: Literal["auto"] | int = "auto",
    *,
    min_column_width: Literal["auto"] | int = "auto",
    wrap: bool = True,
    gap: Gap | tuple[Gap, Gap] | list[Gap] = "small",
    vertical_alignment: Literal["top", "center", "bottom"] = "top",
    border: bool = False,
    row_height: Literal["content"] | int = "content",
    width: Literal["stretch"] | int = "stretch",
    height: Literal["content", "stretch"] | int = "content",
    key: str | int | None = None,
    dense: bool = False,
) -> GridContainer:
    """Insert a grid: every element written to it is the next cell, row by row.

    Args:
        columns: How many columns (1 to 24), or ``"auto"``: as many as fit
            ``min_column_width``.
        min_column_width: The narrowest a column may get, in pixels.
        wrap: On a narrow screen, use fewer columns rather than squeeze them.
        gap: The space between cells (``"xxsmall"`` to ``"xxlarge"``,
            pixels or ``None``), or a pair: between rows, between columns.
        row_height: ``"content"`` (each row as tall as its tallest cell) or
            pixels.
        dense: Let later cells fill holes left by cells that span several
            tracks.

    Example:
        >>> import rillet as st
        >>> grid = st.grid(2, gap="medium")
        >>> with grid:
        ...     st.metric("Users", 1204)
        ...     st.metric("Orders", 93)
        ...     st.metric("Returns", 4)
    """
    count = _columns(columns)
    if count == 0 and wrap is False:
        raise RilletAPIException(
            "st.grid: `wrap=False` needs a number of columns (`columns='auto'` fits as many "
            "as there is room for, so it always wraps): pass an int, e.g. `st.grid(3, wrap=False)`."
        )
    least = _auto_or_pixels("min_column_width", min_column_width, "auto")
    rows = _auto_or_pixels("row_height", row_height, "content")
    row_gap, column_gap = _gaps(gap)
    _check_alignment("vertical_alignment", vertical_alignment, "grid", ("top", "center", "bottom"))
    across = _size("width", width, ("stretch",))
    tall = _size("height", height, ("content", "stretch"))
    block = pb.Block(allow_empty=False)
    spec = block.grid
    spec.columns, spec.min_column_width, spec.wrap = count, least, bool(wrap)
    spec.row_gap, spec.column_gap = row_gap, column_gap
    spec.vertical_alignment = vertical_alignment
    spec.border, spec.row_height, spec.dense = bool(border), rows, bool(dense)
    spec.width, spec.height = across, tall
    spec.key = _key(key)
    from rillet.api.container_types import GridContainer

    return GridContainer(context.get().emit_block(block), count or None)
