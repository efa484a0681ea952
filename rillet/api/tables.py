"""Tables: ``st.dataframe``, ``st.table``, and raw ``st.html``.

Every table travels as one JSON document,
``{"columns": [...], "index": [...], "data": [[row], ...]}``, with values
made JSON-safe (NaN and missing values become ``null``, dates and times ISO
strings). pandas is imported only for pandas (or pandas-convertible) input;
plain lists and dicts are converted without it.
"""

from __future__ import annotations

import datetime as _dt
import json as _json
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container

_DATA_ACCEPTS = (
    "a pandas DataFrame or Series, a numpy array, a list of dicts, a dict of lists, "
    "a list of lists, or None"
)


@dataclass
class TableData:
    """A table in the shape the client receives."""

    columns: list[str]
    index: list[Any]
    rows: list[list[Any]]

    def to_json(self) -> str:
        return _json.dumps(
            {"columns": self.columns, "index": self.index, "data": self.rows},
            allow_nan=False,
            separators=(",", ":"),
        )


# ------------------------------------------------------------ JSON-safe cells


def cell(value: Any) -> Any:
    """One value as JSON can carry it.

    Example:
        >>> cell(float("nan")), cell(_dt.date(2024, 5, 1))
        (None, '2024-05-01')
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if hasattr(value, "item") and type(value).__module__ == "numpy":
        return cell(value.item())
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        if _is_missing(value):  # pandas NaT is a datetime subclass
            return None
        return value.isoformat()
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, int):
        return int(value)
    if isinstance(value, (list, tuple)):
        return [cell(v) for v in value]
    if isinstance(value, dict):
        return {str(k): cell(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if _is_missing(value):
        return None
    return str(value)


def _is_missing(value: Any) -> bool:
    # pandas NA and NaT say so through their type name; no pandas import.
    return type(value).__name__ in ("NAType", "NaTType")


def _label(name: Any) -> str:
    if isinstance(name, tuple):  # a MultiIndex column
        return " ".join(str(part) for part in name if str(part) != "")
    return str(name)


# ----------------------------------------------------------------- conversion


def _from_pandas(frame: Any) -> TableData:
    columns = [_label(c) for c in frame.columns]
    index = [cell(_label(i)) if isinstance(i, tuple) else cell(i) for i in frame.index.tolist()]
    by_column = [[cell(v) for v in frame.iloc[:, i].tolist()] for i in range(frame.shape[1])]
    rows = [list(row) for row in zip(*by_column, strict=True)] if by_column else []
    if not rows:
        rows = [[] for _ in index]
    return TableData(columns, index, rows)


def _from_rows(rows: list[Any]) -> TableData:
    if all(isinstance(r, Mapping) for r in rows):
        columns: dict[Any, None] = {}
        for row in rows:
            columns.update(dict.fromkeys(row))
        names = list(columns)
        return TableData(
            [_label(n) for n in names],
            list(range(len(rows))),
            [[cell(row.get(n)) for n in names] for row in rows],
        )
    if all(isinstance(r, (list, tuple)) for r in rows):
        width = max((len(r) for r in rows), default=0)
        return TableData(
            [str(i) for i in range(width)],
            list(range(len(rows))),
            [[cell(v) for v in r] + [None] * (width - len(r)) for r in rows],
        )
    if any(isinstance(r, (list, tuple, Mapping)) for r in rows):
        raise bad_argument("data", rows, "a list of all dicts, all lists or all scalars")
    return TableData(["0"], list(range(len(rows))), [[cell(v)] for v in rows])


def _from_dict(data: Mapping[Any, Any]) -> TableData:
    values = list(data.values())
    if values and all(isinstance(v, Mapping) for v in values):  # {column: {row: value}}
        index: dict[Any, None] = {}
        for column in values:
            index.update(dict.fromkeys(column))
        keys = list(index)
        return TableData(
            [_label(c) for c in data],
            [cell(k) for k in keys],
            [[cell(column.get(k)) for column in values] for k in keys],
        )
    listish = [_as_list(v) for v in values]
    if values and all(v is None for v in listish):  # {key: scalar}: one column
        return TableData(["value"], [cell(k) for k in data], [[cell(v)] for v in values])
    if any(v is None for v in listish):
        raise bad_argument("data", data, "a dict whose values are all lists, or all scalars")
    columns = [v for v in listish if v is not None]
    lengths = {len(c) for c in columns}
    if len(lengths) > 1:
        raise bad_argument(
            "data", data, f"a dict of lists of one length (got lengths {sorted(lengths)})"
        )
    count = lengths.pop() if lengths else 0
    return TableData(
        [_label(c) for c in data],
        list(range(count)),
        [[cell(c[i]) for c in columns] for i in range(count)],
    )


def _as_list(value: Any) -> list[Any] | None:
    if isinstance(value, (list, tuple, range)):
        return list(value)
    if type(value).__module__.startswith(("numpy", "pandas")) and hasattr(value, "tolist"):
        result = value.tolist()
        return result if isinstance(result, list) else None
    return None


def to_table(data: Any, command: str = "dataframe") -> TableData:
    """Convert anything ``st.dataframe`` accepts into a :class:`TableData`.

    Example:
        >>> to_table([{"a": 1}, {"a": 2, "b": None}]).columns
        ['a', 'b']
    """
    module = type(data).__module__
    try:
        if data is None:
            return TableData([], [], [])
        if module.startswith("pandas"):
            if type(data).__name__ == "Styler":  # styles are not shown; its data is
                data = data.data
            if hasattr(data, "to_frame") and not hasattr(data, "columns"):
                data = data.to_frame()  # Series and Index
            return _from_pandas(data)
        if module.startswith("numpy"):
            if data.ndim > 2:
                raise bad_argument("data", data, "a 1-D or 2-D numpy array", command=command)
            return _from_rows(data.tolist())
        if hasattr(data, "to_pandas") and callable(data.to_pandas):  # polars, pyarrow
            return _from_pandas(data.to_pandas())
        if isinstance(data, Mapping):
            return _from_dict(data)
        if isinstance(data, (str, bytes)) or not isinstance(data, Iterable):
            raise bad_argument("data", data, _DATA_ACCEPTS, command=command)
        return _from_rows(list(data))
    except RilletAPIException as exc:
        if str(exc).startswith("st."):
            raise
        raise RilletAPIException(f"st.{command}: {exc}") from None


def _configure(
    table: TableData,
    column_order: Iterable[str] | None,
    column_config: Mapping[Any, Any] | None,
    command: str,
) -> tuple[TableData, bool]:
    """Apply ``column_order`` and ``column_config``; return whether to hide the index."""
    labels: dict[str, str] = {}
    hidden: set[str] = set()
    hide_index = False
    for name, config in (column_config or {}).items():
        key = str(name)
        if config is None:
            hidden.add(key)
        elif isinstance(config, str):
            labels[key] = config
        elif isinstance(config, Mapping):
            if config.get("hidden"):
                hidden.add(key)
            if isinstance(config.get("label"), str):
                labels[key] = config["label"]
        else:
            raise bad_argument(
                "column_config",
                column_config,
                "a dict mapping column names to None (hide), a label, or a dict with "
                "'label' and/or 'hidden'",
                command=command,
            )
        if key == "_index" and key in hidden:
            hide_index = True
    if isinstance(column_order, str):
        column_order = [column_order]
    order = list(column_order) if column_order is not None else list(table.columns)
    keep = [table.columns.index(c) for c in order if c in table.columns and c not in hidden]
    return (
        TableData(
            [labels.get(table.columns[i], table.columns[i]) for i in keep],
            table.index,
            [[row[i] for i in keep] for row in table.rows],
        ),
        hide_index,
    )


def _size(value: Any, argument: str, named: tuple[str, ...], command: str) -> int:
    if value is None or value in named:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        accepted = "a positive int (pixels) or " + " or ".join(repr(n) for n in named)
        raise bad_argument(argument, value, accepted, command=command)
    return value


# ------------------------------------------------------------------ commands


def dataframe(
    data: Any = None,
    width: int | str | None = "stretch",
    height: int | str | None = "auto",
    *,
    use_container_width: bool | None = None,
    hide_index: bool | None = None,
    column_order: Iterable[str] | None = None,
    column_config: Mapping[Any, Any] | None = None,
    key: str | int | None = None,
    on_select: str | Callable[..., Any] = "ignore",
    selection_mode: str | Iterable[str] = "multi-row",
) -> Container:
    """Display a table the user can scroll through.

    Args:
        data: A pandas DataFrame, Series or Styler (shown without its
            styles), a numpy array, a list of dicts (rows), a dict of lists
            (columns), a list of lists, or anything with ``to_pandas()``.
        width: Pixels, ``"stretch"`` (the container's width) or ``"content"``.
        height: Pixels, or ``"auto"`` for up to ten rows before scrolling.
        hide_index: ``True`` hides the index column.
        column_order: The columns to show, in order.
        column_config: Per column: ``None`` hides it, a string renames it,
            a dict may hold ``"label"`` and ``"hidden"``. The key
            ``"_index"`` refers to the index.
        on_select: Only ``"ignore"``: rillet has no row selection yet.

    Example:
        >>> import rillet as st
        >>> st.dataframe({"city": ["Oslo", "Lima"], "temp": [3.5, 19.0]}, hide_index=True)
    """
    if on_select != "ignore":
        raise bad_argument(
            "on_select",
            on_select,
            "'ignore' (rillet does not support selections yet)",
            command="dataframe",
        )
    if key is not None and (isinstance(key, bool) or not isinstance(key, (str, int))):
        raise bad_argument("key", key, "a string or an int", command="dataframe")
    table, hide_from_config = _configure(
        to_table(data, "dataframe"), column_order, column_config, "dataframe"
    )
    element = pb.Element()
    frame = element.dataframe
    frame.json = table.to_json()
    frame.height = _size(height, "height", ("auto", "content", "stretch"), "dataframe")
    frame.width = _size(width, "width", ("stretch", "content"), "dataframe")
    frame.hide_index = bool(hide_index) or hide_from_config
    if use_container_width is not None:
        element.use_container_width = bool(use_container_width)
    else:
        element.use_container_width = width in ("stretch", None)
    return handle(context.get().emit(element))


def table(data: Any = None, *, hide_index: bool | None = None) -> Container:
    """Display a static table: every row, no scrolling or sorting.

    Accepts the same data as :func:`dataframe`.

    Example:
        >>> import rillet as st
        >>> st.table([{"name": "Ada", "born": 1815}, {"name": "Alan", "born": 1912}])
    """
    element = pb.Element()
    element.dataframe.json = to_table(data, "table").to_json()
    element.dataframe.is_table = True
    element.dataframe.hide_index = bool(hide_index)
    element.use_container_width = True
    return handle(context.get().emit(element))


def _is_file(text: str) -> bool:
    if "\n" in text or "<" in text:
        return False
    try:
        return Path(text).is_file()
    except OSError:  # e.g. a name too long to be a path
        return False


def html(body: Any, *, width: int | str = "stretch") -> Container:
    """Insert HTML into the page (without running its scripts).

    ``body`` may be a string, a path to an ``.html`` or ``.css`` file (CSS
    is wrapped in ``<style>``), or an object with ``_repr_html_()``.

    Example:
        >>> import rillet as st
        >>> st.html("<p style='color: teal'>Hello <b>HTML</b></p>")
    """
    if hasattr(body, "_repr_html_") and not isinstance(body, str):
        text = str(body._repr_html_())
    elif isinstance(body, Path) or (isinstance(body, str) and _is_file(body)):
        path = Path(body)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise RilletAPIException(f"st.html: cannot read {str(path)!r}: {exc}") from None
        if path.suffix.lower() == ".css":
            text = f"<style>{text}</style>"
    elif body is None:
        raise bad_argument(
            "body",
            body,
            "an HTML string, a file path, or an object with _repr_html_",
            command="html",
        )
    else:
        text = str(body)
    element = pb.Element()
    element.html.body = text
    return handle(context.get().emit(element))
