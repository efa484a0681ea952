"""Tables: ``st.dataframe`` and ``st.table``.

A table travels as Arrow IPC (``rillet.dataframes``) inside
``Element.dataframe``, with its column config and layout beside it (see the
protocol README, "Tables"). A large table travels as parts the client keeps
by hash, its first rows first; an unchanged one is not sent again on a
rerun (``rillet.api.table_frame.Frame``).
``st.data_editor`` builds the same element (``rillet.api.data_editor``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.api.table_frame import (
    Frame,
    Read,
    check_order,
    column_configs,
    frame_element,
    hiding_range,
    read_kept,
    too_large,
)
from rillet.runtime.context import Target
from rillet.runtime.errors import bad_argument
from rillet.runtime.widgets import Widget, register

if TYPE_CHECKING:
    from rillet.api.container import Container
    from rillet.column_config import ColumnConfig
    from rillet.dataframes.state import DataframeState

# rillet.dataframes is imported inside the commands: ``import rillet`` stays light.
_SELECTION_MODES = (
    "single-row",
    "single-row-required",
    "multi-row",
    "single-column",
    "multi-column",
    "single-cell",
    "multi-cell",
)


def cell(value: Any) -> Any:
    """One value as JSON carries it (``rillet.dataframes.convert.json_safe``).

    Example:
        >>> cell(float("nan"))
    """
    from rillet.dataframes.convert import json_safe

    return json_safe(value)


# ----------------------------------------------------------------- handles


def table_handle(target: Target, data: Any, rebuild: Callable[[Any], Frame]) -> Container:
    """The handle of a table element: a container with ``add_rows``."""
    from rillet.api.table_handle import TableContainer

    return TableContainer(target, data, rebuild)


def as_pandas(data: Any, command: str = "data_editor") -> Any:
    """Any table data as a pandas DataFrame (pandas needed), for edits and ``add_rows``."""
    import pandas as pd

    if isinstance(data, pd.DataFrame):
        return data
    if type(data).__name__ == "Styler":
        return data.data
    if isinstance(data, pd.Series):
        return data.to_frame()
    if isinstance(data, pd.Index):
        return data.to_frame(index=False)
    if data is None:
        return pd.DataFrame()
    module = type(data).__module__ or ""
    if module.startswith("polars"):
        frame = data.collect() if hasattr(data, "collect") else data
        frame = frame.to_frame() if hasattr(frame, "to_frame") else frame
        return pd.DataFrame({n: frame.get_column(n).to_list() for n in frame.columns})
    if module.startswith("pyarrow"):
        return data.to_pandas()
    if module.startswith("numpy"):
        if data.ndim <= 1:  # one "value" column, as st.dataframe shows it
            return pd.DataFrame({"value": data.reshape(-1)})
        return pd.DataFrame(data)
    if isinstance(data, Mapping):
        values = list(data.values())
        if values and all(_is_scalar(v) for v in values):
            return pd.DataFrame({"value": values}, index=list(data))
        return pd.DataFrame(dict(data))
    if hasattr(data, "description") and hasattr(data, "fetchall"):
        names = [str(d[0]) for d in data.description or ()]
        return pd.DataFrame([tuple(r) for r in data.fetchall()], columns=names)
    if _is_scalar(data):
        from rillet.dataframes.convert import ACCEPTED

        raise bad_argument("data", data, ACCEPTED, command=command)
    rows = list(data)
    if rows and all(_is_scalar(r) for r in rows):  # a list of values: one "value" column
        return pd.DataFrame({"value": rows})
    return pd.DataFrame(rows)


def _is_scalar(value: Any) -> bool:
    return isinstance(value, (str, bytes)) or not isinstance(value, (Iterable, Mapping))


def concat_rows(data: Any, rows: Any) -> Any:
    import pandas as pd

    left, right = as_pandas(data, "add_rows"), as_pandas(rows, "add_rows")
    ranged = all(
        isinstance(f.index, pd.RangeIndex) and f.index.start == 0 and f.index.step == 1
        for f in (left, right)
    )
    return pd.concat([left, right], ignore_index=ranged)


# ------------------------------------------------------------------ commands


def dataframe(
    data: Any = None,
    width: int | str = "stretch",
    height: int | str = "auto",
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Mapping[Any, ColumnConfig | str | None] | None = None,
    key: str | int | None = None,
    on_select: str | Callable[..., Any] = "ignore",
    selection_mode: str | Iterable[str] = "multi-row",
    selection_default: Mapping[str, Any] | None = None,
    row_height: int | None = None,
    placeholder: str | None = None,
    lazy: bool | None = None,
    alt: str | None = None,
) -> Any:
    """Display a table the user can scroll, sort, search and select in.

    Args:
        data: A pandas DataFrame, Series, Index or Styler (with its display
            text, colours and caption), a Polars DataFrame, Series or
            LazyFrame, a pyarrow Table, a NumPy array, a dict, a list of
            rows or values, a DB-API cursor, or a scalar. No pyarrow needed.
        width: Pixels, ``"stretch"`` (the container's width) or ``"content"``.
        height: Pixels, ``"auto"`` (up to about ten rows), ``"content"`` or
            ``"stretch"``.
        hide_index: ``True`` hides the index, ``False`` shows it.
        column_order: The columns to show, in order.
        column_config: Per column (``"_index"`` for the index): a
            ``st.column_config.*`` config, a label, or ``None`` to hide it.
        key: Identifies the table as a widget (its selection in
            ``st.session_state[key]``).
        on_select: ``"ignore"``, ``"rerun"`` or a callback: with the last two
            the user can select and this returns the selection.
        selection_mode: One or more of ``"single-row"``, ``"multi-row"``,
            ``"single-row-required"`` (one row always selected, the first
            until the user picks another), ``"single-column"``,
            ``"multi-column"``, ``"single-cell"``, ``"multi-cell"``.
        selection_default: The selection on first show, in the returned
            shape (``{"selection": {"rows": [0]}}``).
        row_height: Row height in pixels.
        placeholder: Text shown for missing values.
        lazy: Accepted for compatibility; rillet always sends the whole
            table, a large one first rows first, and only once: while it
            is unchanged, reruns send its hashes.
        alt: An accessible name for the table.

    Returns:
        The element's handle (with ``add_rows``), or with ``on_select`` the
        selection: ``{"selection": {"rows": [...], "columns": [...],
        "cells": [...]}}`` readable as attributes too.

    Example:
        >>> import rillet as st
        >>> st.dataframe({"city": ["Oslo", "Lima"], "temp": [3.5, 19.0]}, hide_index=True)
    """
    from rillet.dataframes.state import (
        SelectionSerde,
        parse_selection,
        selection_json,
    )

    command = "dataframe"
    if lazy is not None and not isinstance(lazy, bool):
        raise bad_argument("lazy", lazy, "True, False or None", command=command)
    selecting = on_select != "ignore"
    if selecting and on_select != "rerun" and not callable(on_select):
        raise bad_argument(
            "on_select", on_select, "'ignore', 'rerun' or a callable", command=command
        )
    modes = _selection_modes(selection_mode) if selecting else []
    order = check_order(column_order, command)
    from rillet.dataframes.convert import implicit_index

    configs = column_configs(
        column_config, command, hide_index=hide_index, implicit_index=implicit_index(data)
    )

    # As Streamlit: row numbers are hidden when rows are selectable (the
    # selection column takes their place) unless hide_index says otherwise.
    hide_range = hide_index is None and any("-row" in m for m in modes)

    def build(shown: Any) -> Frame:
        # An unchanged table (a rerun) is found again, not converted or hashed again.
        read = shown if isinstance(shown, Read) else read_kept(shown, command)
        table = read.table
        frame = frame_element(
            table,
            command,
            width=width,
            height=height,
            use_container_width=use_container_width,
            configs=hiding_range(configs, table) if hide_range else configs,
            column_order=order,
            row_height=row_height,
            placeholder=placeholder,
            alt=alt,
        ).adopt(read)
        frame.element.dataframe.selection_mode.extend(modes)
        return frame

    if not selecting:
        if key is not None and (isinstance(key, bool) or not isinstance(key, (str, int))):
            raise bad_argument("key", key, "a string or an int", command=command)
        frame = build(data)
        refused = too_large(frame, command)
        if refused is not None:
            return handle(refused)
        return table_handle(frame.emit(), data, build)
    read = read_kept(data, command)
    table = read.table
    names = [c.name for c in table.data_columns]
    # No selection, or (single-row-required) the first row.
    default = parse_selection({"selection": {}}, table.rows, names, modes)
    if selection_default is not None:
        try:
            default = parse_selection(selection_default, table.rows, names, modes)
        except ValueError as exc:
            raise bad_argument(
                "selection_default",
                selection_default,
                f"a selection of this table ({exc})",
                command=command,
            ) from None
    frame = build(read)
    if too_large(frame, command) is not None:
        return default
    widget: Widget[DataframeState] = Widget(
        kind=command,
        label=alt or "dataframe",
        default=default,
        serde=SelectionSerde(table.rows, names, modes),
        build=lambda value: frame.finished(selection_json(value))[0],
        lead=lambda value: frame.leads(selection_json(value)),  # first rows first
        # As Streamlit: an unkeyed table's selection goes when its data or
        # parameters change; a keyed one's only when its selection modes do.
        identity=(frame.finished(None)[1], repr(selection_default)),
        key_identity=(tuple(sorted(modes)),),
        key=key,
        on_change=on_select if callable(on_select) else None,
        explicit_default=selection_default is not None,
        fit=lambda held: _fit_selection(held, table.rows, names, modes, default),
    )
    return register(widget)


def _fit_selection(
    held: Any, rows: int, names: list[str], modes: list[str], default: DataframeState
) -> Any:
    """A selection set through session state, as the table can hold it (else the default)."""
    from rillet.dataframes.state import DataframeState, parse_selection

    if isinstance(held, DataframeState):
        return held
    try:
        return parse_selection(held, rows, names, modes)
    except (ValueError, TypeError):
        return default


def _selection_modes(selection_mode: Any) -> list[str]:
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    accepted = "one or more of " + ", ".join(repr(m) for m in _SELECTION_MODES)
    if not modes or any(m not in _SELECTION_MODES for m in modes) or len(set(modes)) != len(modes):
        raise bad_argument("selection_mode", selection_mode, accepted, command="dataframe")
    for what in ("row", "column", "cell"):
        kinds = [m for m in modes if m.split("-")[1] == what]
        if len(kinds) > 1:
            clash = " and ".join(repr(k) for k in kinds)
            raise bad_argument(
                "selection_mode", selection_mode, f"at most one of {clash}", command="dataframe"
            )
    return modes


def table(
    data: Any = None,
    *,
    border: bool | str = True,
    width: int | str = "stretch",
    height: int | str = "content",
    hide_index: bool | None = None,
    hide_header: bool | None = None,
    alt: str | None = None,
) -> Container:
    """Display a static table: every row, no scrolling or sorting; text cells are Markdown.

    Accepts the same data as :func:`dataframe`. ``border`` is ``True``
    (every cell), ``"horizontal"`` (lines between rows) or ``False``.

    Example:
        >>> import rillet as st
        >>> st.table([{"name": "**Ada**", "born": 1815}, {"name": "Alan", "born": 1912}])
    """
    command = "table"
    borders = {True: "all", "horizontal": "horizontal", False: "none"}
    if not isinstance(border, (bool, str)) or border not in borders:
        raise bad_argument("border", border, "True, False or 'horizontal'", command=command)
    configs = column_configs(None, command, hide_index=hide_index)

    def build(shown: Any) -> Frame:
        read = read_kept(shown, command)
        table = read.table
        frame = frame_element(
            table,
            command,
            width=width,
            height=height,
            use_container_width=None,
            # As Streamlit: a static table leaves out mere row numbers.
            configs=hiding_range(configs, table) if hide_index is None else configs,
            column_order=[],
            alt=alt,
            heights=("content", "stretch"),
        ).adopt(read)
        frame.element.dataframe.is_table = True
        frame.element.dataframe.border = borders[border]
        frame.element.dataframe.hide_header = bool(hide_header)
        return frame

    frame = build(data)
    refused = too_large(frame, command)
    if refused is not None:
        return handle(refused)
    return table_handle(frame.emit(), data, build)
