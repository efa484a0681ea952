"""Tables: ``st.dataframe`` and ``st.table``.

A table travels as Arrow IPC (``rillet.dataframes``) inside
``Element.dataframe``, with its column config and layout beside it (see the
protocol README, "Tables"). An unchanged table is not sent again on a rerun:
the outbox sends large elements once and then refers to them by hash.
``st.data_editor`` builds the same element (``rillet.api.data_editor``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.context import Target
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Widget, register

if TYPE_CHECKING:
    from rillet.api.container import Container
    from rillet.column_config import ColumnConfig
    from rillet.dataframes.convert import Table
    from rillet.dataframes.state import DataframeState

# rillet.dataframes is imported inside the commands: ``import rillet`` stays light.
_SELECTION_MODES = (
    "single-row",
    "multi-row",
    "single-column",
    "multi-column",
    "single-cell",
    "multi-cell",
)

_CONFIG_KEYS = frozenset(
    (
        "label",
        "width",
        "help",
        "hidden",
        "disabled",
        "required",
        "pinned",
        "alignment",
        "default",
        "type_config",
    )
)
_COLUMN_TYPES = frozenset(
    [
        "text",
        "number",
        "checkbox",
        "selectbox",
        "multiselect",
        "datetime",
        "date",
        "time",
        "list",
        "link",
        "image",
        "json",
        "markdown",
        "line_chart",
        "bar_chart",
        "area_chart",
        "progress",
        "audio",
        "video",
        "button",
    ]
)


def cell(value: Any) -> Any:
    """One value as JSON carries it (``rillet.dataframes.convert.json_safe``).

    Example:
        >>> cell(float("nan"))
    """
    from rillet.dataframes.convert import json_safe

    return json_safe(value)


# ------------------------------------------------------------ shared checks


def read_table(data: Any, command: str) -> Table:
    """``data`` as a :class:`Table`, any failure an error naming ``data``."""
    from rillet.dataframes.convert import to_table

    try:
        return to_table(data, command=command)
    except RilletAPIException:
        raise
    except Exception as exc:  # a library object the conversion could not read
        raise RilletAPIException(
            f"st.{command}: cannot show `data` of type {type(data).__name__}: {exc}"
        ) from exc


def column_configs(
    column_config: Mapping[Any, Any] | None,
    command: str,
    *,
    hide_index: bool | None = None,
    disabled: Iterable[str] = (),
) -> dict[str, dict[str, Any]]:
    """``column_config`` checked and made JSON-safe, keyed by column name or ``"_index"``."""
    if column_config is not None and not isinstance(column_config, Mapping):
        raise bad_argument(
            "column_config",
            column_config,
            "a dict of column name -> config, label or None",
            command=command,
        )
    out: dict[str, dict[str, Any]] = {}
    for name, config in (column_config or {}).items():
        key = str(name)
        if config is None:
            out[key] = {"hidden": True}
        elif isinstance(config, str):
            out[key] = {"label": config}
        elif isinstance(config, Mapping):
            out[key] = _checked_config(key, config, command)
        else:
            raise bad_argument(
                f"column_config[{key!r}]",
                config,
                "a st.column_config.* config, a label string or None (hide)",
                command=command,
            )
    if hide_index is not None:
        out.setdefault("_index", {})["hidden"] = bool(hide_index)
    for name in disabled:
        out.setdefault(str(name), {})["disabled"] = True
    return out


def _checked_config(key: str, config: Mapping[str, Any], command: str) -> dict[str, Any]:
    from rillet.dataframes.convert import json_safe

    unknown = set(config) - _CONFIG_KEYS
    if unknown:
        raise bad_argument(
            f"column_config[{key!r}]",
            dict(config),
            f"a config with keys among {sorted(_CONFIG_KEYS)}",
            command=command,
        )
    width = config.get("width")
    if (
        width is not None
        and width not in ("small", "medium", "large")
        and not (isinstance(width, int) and not isinstance(width, bool) and width > 0)
    ):
        raise bad_argument(
            f"column_config[{key!r}]['width']",
            width,
            "'small', 'medium', 'large' or pixels",
            command=command,
        )
    if config.get("alignment") not in (None, "left", "center", "right"):
        raise bad_argument(
            f"column_config[{key!r}]['alignment']",
            config["alignment"],
            "'left', 'center' or 'right'",
            command=command,
        )
    type_config = config.get("type_config")
    if type_config is not None and (
        not isinstance(type_config, Mapping) or type_config.get("type") not in _COLUMN_TYPES
    ):
        raise bad_argument(
            f"column_config[{key!r}]['type_config']",
            type_config,
            "a st.column_config.* type config",
            command=command,
        )
    cleaned = {k: json_safe(v) for k, v in config.items() if v is not None and k != "type_config"}
    if type_config is not None:
        cleaned["type_config"] = {k: json_safe(v) for k, v in type_config.items() if v is not None}
    return cleaned


def check_order(column_order: Iterable[str] | None, command: str) -> list[str]:
    if column_order is None:
        return []
    if isinstance(column_order, str):
        return [column_order]
    if not isinstance(column_order, Iterable):
        raise bad_argument(
            "column_order", column_order, "a list of column names or None", command=command
        )
    return [str(c) for c in column_order]


def _positive(value: Any, argument: str, command: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise bad_argument(argument, value, "a positive int (pixels) or None", command=command)
    return value


# Tables at least this large are cached by the client under their hash
# (the outbox's own threshold for large elements).
LARGE_TABLE_BYTES = 32 * 1024


@dataclass
class Frame:
    """A table element and its Arrow bytes, kept apart until it is sent.

    The Arrow bytes are hashed here, on the script thread, so the outbox
    need not hash a large table on the event loop to notice it is unchanged.
    """

    element: pb.Element  # everything but the Arrow bytes
    arrow: bytes

    def size(self) -> int:
        return self.element.ByteSize() + len(self.arrow) + 8

    def finished(self, value_json: str | None = None) -> tuple[pb.Element, str]:
        """The element to send, and its content digest."""
        from rillet.runtime.digest import blake2b

        element = pb.Element()
        element.CopyFrom(self.element)
        if value_json is not None:
            element.dataframe.value_json = value_json
        digest = blake2b(self.arrow, digest_size=16)
        digest.update(element.SerializeToString(deterministic=True))
        element.dataframe.arrow = self.arrow
        return element, digest.hexdigest()

    def emit(self, target: Target | None = None) -> Target:
        element, digest = self.finished()
        # Only a large table is kept by hash (as the outbox would keep it).
        large = len(self.arrow) >= LARGE_TABLE_BYTES
        return context.get().emit(element, target, element_hash=digest if large else "")


def frame_element(
    table: Table,
    command: str,
    *,
    width: Any,
    height: Any,
    use_container_width: bool | None,
    configs: dict[str, dict[str, Any]],
    column_order: list[str],
    row_height: Any = None,
    placeholder: Any = None,
    alt: Any = None,
    heights: tuple[str, ...] = ("auto", "content", "stretch"),
) -> Frame:
    """The ``Element.dataframe`` of a table, checked sizes and all."""
    if not (
        (isinstance(width, int) and not isinstance(width, bool) and width > 0)
        or width in ("stretch", "content")
    ):
        raise bad_argument(
            "width", width, "a positive int (pixels), 'stretch' or 'content'", command=command
        )
    if not (
        (isinstance(height, int) and not isinstance(height, bool) and height > 0)
        or height in heights
    ):
        named = ", ".join(repr(h) for h in heights)
        raise bad_argument("height", height, f"a positive int (pixels) or {named}", command=command)
    if placeholder is not None and not isinstance(placeholder, str):
        raise bad_argument("placeholder", placeholder, "a string or None", command=command)
    if alt is not None and not isinstance(alt, str):
        raise bad_argument("alt", alt, "a string or None", command=command)
    element = pb.Element()
    frame = element.dataframe
    frame.index_columns = table.index_columns
    frame.columns_json = table.columns_json()
    if configs:
        frame.column_config_json = json.dumps(configs, separators=(",", ":"))
    frame.column_order.extend(column_order)
    frame.hide_index = bool(configs.get("_index", {}).get("hidden"))
    if isinstance(width, int):
        frame.width = width
    if isinstance(height, int):
        frame.height = height
    else:
        frame.height_mode = height
    frame.row_height = _positive(row_height, "row_height", command)
    frame.placeholder = placeholder or ""
    frame.alt = (alt or "").strip()
    if table.styler is not None:
        frame.styler_json = json.dumps(table.styler, separators=(",", ":"), default=str)
    element.use_container_width = (
        bool(use_container_width) if use_container_width is not None else width == "stretch"
    )
    return Frame(element, table.to_arrow())


def too_large(frame: Frame, command: str) -> Target | None:
    """If ``frame`` exceeds ``server.maxMessageSize``, show why in its place and return that slot.

    As in Streamlit, a table too large to send becomes an error element and
    the script goes on.
    """
    from rillet.api.services import get_option

    limit_mb = int(get_option("server.maxMessageSize"))
    size = frame.size()
    if size <= limit_mb * 1_000_000:
        return None
    error = pb.Element()
    error.exception.type = "MessageSizeError"
    error.exception.message_is_markdown = True
    error.exception.message = (
        f"`st.{command}`: the table is {size / 1e6:.1f} MB, more than the message size limit "
        f"of {limit_mb} MB (`server.maxMessageSize`). Show fewer rows or columns, or raise "
        "the limit, e.g. `rillet run app.py --server.maxMessageSize "
        f"{int(size / 1e6) + 1}`."
    )
    return context.get().emit(error)


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
        return pd.DataFrame(data.reshape(1) if data.ndim == 0 else data)
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
            ``"single-column"``, ``"multi-column"``, ``"single-cell"``,
            ``"multi-cell"``.
        selection_default: The selection on first show, in the returned
            shape (``{"selection": {"rows": [0]}}``).
        row_height: Row height in pixels.
        placeholder: Text shown for missing values.
        lazy: Accepted for compatibility; rillet always sends the whole
            table (once; reruns send a reference while it is unchanged).
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
        empty_selection,
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
    configs = column_configs(column_config, command, hide_index=hide_index)

    # As Streamlit: row numbers are hidden when rows are selectable (the
    # selection column takes their place) unless hide_index says otherwise.
    hide_range = hide_index is None and any(m.endswith("-row") for m in modes)

    def build(shown: Any) -> Frame:
        table = _as_table(shown, command)
        frame = frame_element(
            table,
            command,
            width=width,
            height=height,
            use_container_width=use_container_width,
            configs=_hiding_range(configs, table) if hide_range else configs,
            column_order=order,
            row_height=row_height,
            placeholder=placeholder,
            alt=alt,
        )
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
    table = read_table(data, command)
    names = [c.name for c in table.data_columns]
    default = empty_selection()
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
    frame = build(table)
    if too_large(frame, command) is not None:
        return default
    widget: Widget[DataframeState] = Widget(
        kind=command,
        label=alt or "dataframe",
        default=default,
        serde=SelectionSerde(table.rows, names, modes),
        build=lambda value: frame.finished(selection_json(value))[0],
        identity=(table.rows, tuple(names), tuple(modes)),
        key_identity=(tuple(modes),),
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


def _hiding_range(configs: dict[str, dict[str, Any]], table: Table) -> dict[str, dict[str, Any]]:
    """``configs`` with the index hidden when it is only row numbers."""
    if not table.range_index:
        return configs
    hidden = {name: dict(config) for name, config in configs.items()}
    hidden.setdefault("_index", {})["hidden"] = True
    return hidden


def _as_table(shown: Any, command: str) -> Table:
    from rillet.dataframes.convert import Table

    return shown if isinstance(shown, Table) else read_table(shown, command)


def _selection_modes(selection_mode: Any) -> list[str]:
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    accepted = "one or more of " + ", ".join(repr(m) for m in _SELECTION_MODES)
    if not modes or any(m not in _SELECTION_MODES for m in modes) or len(set(modes)) != len(modes):
        raise bad_argument("selection_mode", selection_mode, accepted, command="dataframe")
    for what in ("row", "column", "cell"):
        if f"single-{what}" in modes and f"multi-{what}" in modes:
            raise bad_argument(
                "selection_mode",
                selection_mode,
                f"at most one of 'single-{what}' and 'multi-{what}'",
                command="dataframe",
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
        table = read_table(shown, command)
        frame = frame_element(
            table,
            command,
            width=width,
            height=height,
            use_container_width=None,
            # As Streamlit: a static table leaves out mere row numbers.
            configs=_hiding_range(configs, table) if hide_index is None else configs,
            column_order=[],
            alt=alt,
            heights=("content", "stretch"),
        )
        frame.element.dataframe.is_table = True
        frame.element.dataframe.border = borders[border]
        frame.element.dataframe.hide_header = bool(hide_header)
        return frame

    frame = build(data)
    refused = too_large(frame, command)
    if refused is not None:
        return handle(refused)
    return table_handle(frame.emit(), data, build)
