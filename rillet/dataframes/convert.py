"""Anything a table command accepts → a :class:`Table` of Arrow columns.

pandas, NumPy, Polars and pyarrow data are converted column by column from
their own buffers; plain Python data (dicts, lists, tuples, sets, scalars,
DB-API cursors) without importing any of them. Every column gets a *kind*
(see the protocol README, "Tables") that tells the client what its values
are; a column rillet has no Arrow type for (mixed objects, intervals,
periods) is sent as text, nested values as JSON text.
"""

from __future__ import annotations

import datetime as _dt
import decimal
import json
import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from rillet.dataframes import arrow as _a
from rillet.dataframes.arrow import Array, ArrowType
from rillet.runtime.errors import RilletAPIException, bad_argument

ACCEPTED = (
    "a pandas DataFrame, Series, Index or Styler, a Polars DataFrame, Series or LazyFrame, "
    "a pyarrow Table or RecordBatch, a NumPy array, a dataframe-interchange object, "
    "a dict, a list, tuple or set, a DB-API cursor, or None"
)
_EPOCH = _dt.datetime(1970, 1, 1)
_EPOCH_UTC = _EPOCH.replace(tzinfo=_dt.timezone.utc)
_EPOCH_DATE = _EPOCH.date()


@dataclass
class Column:
    """One column as sent: its Arrow array and what the client should know of it."""

    name: str
    kind: str
    dtype: str
    array: Array
    index: bool = False
    options: list[Any] | None = None
    # The label when it is not text (an int column name), so it reads back as it was.
    label: Any = None
    # A range index (pandas' RangeIndex, or row numbers given to data without an index).
    is_range: bool = False

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "index": self.index,
            "kind": self.kind,
            "dtype": self.dtype,
        }
        if self.options is not None:
            out["options"] = self.options
        if isinstance(self.label, int) and not isinstance(self.label, bool):
            out["label"] = self.label
        elif isinstance(self.label, tuple):  # a MultiIndex column's label
            out["label"] = [json_safe(part) for part in self.label]
        if self.array.type.tz:
            out["tz"] = self.array.type.tz
        return out


@dataclass
class Table:
    """A table ready for the wire: index columns first, then data columns."""

    columns: list[Column]
    rows: int
    styler: dict[str, Any] | None = None
    source: str = ""  # what the data was: "pandas", "list", "numpy", ...
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def index_columns(self) -> int:
        return sum(1 for c in self.columns if c.index)

    @property
    def range_index(self) -> bool:
        """Whether the index is only row numbers (Streamlit hides it in some places)."""
        index = [c for c in self.columns if c.index]
        return len(index) == 1 and index[0].is_range

    @property
    def data_columns(self) -> list[Column]:
        return [c for c in self.columns if not c.index]

    def to_arrow(self) -> bytes:
        """The table as one Arrow IPC stream."""
        return _a.write_stream([(c.name, c.array) for c in self.columns])

    def arrow_bytes(self) -> int:
        """The exact length of :meth:`to_arrow`'s bytes, without writing them.

        Example:
            >>> table = to_table({"a": [1, 2], "s": ["x", None]})
            >>> table.arrow_bytes() == len(table.to_arrow())
            True
        """
        return _a.stream_size([(c.name, c.array) for c in self.columns])

    def rows_slice(self, start: int, stop: int) -> Table:
        """Rows ``start`` to ``stop`` (``start`` a multiple of 8), all columns.

        Example:
            >>> to_table({"a": list(range(20))}).rows_slice(8, 20).rows
            12
        """
        stop = min(stop, self.rows)
        columns = [replace(c, array=_a.slice_array(c.array, start, stop)) for c in self.columns]
        return Table(columns, max(stop - start, 0), source=self.source)

    def arrow_size(self) -> int:
        """About how many bytes :meth:`to_arrow` writes, without writing it."""
        return _a.buffers_size([c.array for c in self.columns]) + 256 * (len(self.columns) + 1)

    def part(self, *, index: bool) -> Table:
        """Only the index columns (``index=True``) or only the data columns.

        For formats that send them apart (custom components' ``{data, index,
        columns}``).

        Example:
            >>> [c.name for c in to_table({"a": [1]}).part(index=False).columns]
            ['a']
        """
        columns = [c for c in self.columns if c.index == index]
        return Table(columns, self.rows, source=self.source)

    def columns_json(self) -> str:
        return json.dumps([c.describe() for c in self.columns], separators=(",", ":"))


# ------------------------------------------------------------------ JSON-safe


def json_safe(value: Any) -> Any:
    """One value as JSON can carry it (for nested cells and widget values).

    Example:
        >>> json_safe(float("nan")), json_safe(_dt.date(2024, 5, 1)), json_safe({1: (2, 3)})
        (None, '2024-05-01', {'1': [2, 3]})
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    if kind is float:
        return value if math.isfinite(value) else None
    if is_missing(value):
        return None
    if hasattr(value, "tolist") and type(value).__module__.startswith(("numpy", "pandas")):
        return json_safe(value.tolist())
    if isinstance(value, (_dt.datetime, _dt.date, _dt.time)):
        return value.isoformat()
    if isinstance(value, _dt.timedelta):
        return value.total_seconds()
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, int):
        return int(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return [json_safe(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): json_safe(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def is_missing(value: Any) -> bool:
    """``None``, NaN, pandas ``NA`` / ``NaT`` and NumPy ``NaT``."""
    if value is None:
        return True
    if isinstance(value, float):
        return value != value
    name = type(value).__name__
    if name in ("NAType", "NaTType"):
        return True
    if name in ("datetime64", "timedelta64", "float64", "float32", "float16"):
        return bool(value != value)
    return False


def label(name: Any) -> str:
    """A column or index label as text (MultiIndex parts joined by a space)."""
    if isinstance(name, tuple):
        return " ".join(str(part) for part in name if str(part) != "")
    return str(name)


# --------------------------------------------------- plain Python values


def _py_kind(values: Sequence[Any]) -> str:
    """The kind of a column of plain values, from its non-missing values."""
    types = {type(v) for v in values if not is_missing(v)}
    if not types:
        return "empty"
    if types == {bool}:
        return "bool"
    if all(issubclass(t, int) and t is not bool for t in types):
        return "int"
    if all((issubclass(t, (int, float)) and t is not bool) for t in types):
        return "float"
    if all(issubclass(t, str) for t in types):
        return "string"
    if all(issubclass(t, _dt.datetime) for t in types):
        return "datetime"
    if all(issubclass(t, _dt.date) and not issubclass(t, _dt.datetime) for t in types):
        return "date"
    if all(issubclass(t, _dt.time) for t in types):
        return "time"
    if all(issubclass(t, _dt.timedelta) for t in types):
        return "timedelta"
    if all(issubclass(t, decimal.Decimal) for t in types):
        return "decimal"
    if all(issubclass(t, (bytes, bytearray)) for t in types):
        return "bytes"
    if all(issubclass(t, Mapping) for t in types):
        return "json"
    if all(issubclass(t, (list, tuple, set, frozenset)) or _is_np_array(t) for t in types):
        return "list"
    return "object"


def _is_np_array(kind: type) -> bool:
    return kind.__module__ == "numpy" and kind.__name__ == "ndarray"


def _micros(delta: _dt.timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def values_column(name: str, values: Sequence[Any], *, index: bool = False) -> Column:
    """A column of plain Python values, typed by what they are (no NumPy needed).

    Example:
        >>> values_column("n", [1, None, 3]).kind
        'int'
    """
    values = list(values)
    kind = _py_kind(values)
    present = [None if is_missing(v) else v for v in values]
    dtype = "object"
    if kind == "int":
        if all(-(2**63) <= v < 2**63 for v in present if v is not None):
            return Column(name, kind, "int64", _a.from_values(present, _a.INT64), index)
        kind = "object"
    if kind == "bool":
        return Column(name, kind, "bool", _a.from_values(present, _a.BOOL), index)
    if kind == "float":
        floats = [None if v is None else float(v) for v in present]
        return Column(name, kind, "float64", _a.from_values(floats, _a.FLOAT64), index)
    if kind == "string":
        return Column(name, kind, dtype, _a.from_values(present, _a.UTF8), index)
    if kind == "bytes":
        blobs = [None if v is None else bytes(v) for v in present]
        return Column(name, kind, dtype, _a.from_values(blobs, _a.BINARY), index)
    if kind == "datetime":
        zones = {str(v.tzinfo) for v in present if v is not None and v.tzinfo is not None}
        naive = any(v is not None and v.tzinfo is None for v in present)
        if len(zones) > 1 and not naive:  # several zones: one instant each, in UTC (as pyarrow)
            utc = _dt.timezone.utc
            present = [None if v is None else v.astimezone(utc) for v in present]
            zones = {"UTC"}
        if not (zones and naive) and len(zones) <= 1:
            tz = zones.pop() if zones else ""
            epoch = _EPOCH_UTC if tz else _EPOCH
            counts = [None if v is None else _micros(v - epoch) for v in present]
            kind_ = ArrowType("timestamp", unit="us", tz=tz)
            return Column(name, kind, "datetime64[us]", _a.from_values(counts, kind_), index)
        kind = "object"
    if kind == "date":
        days = [None if v is None else (v - _EPOCH_DATE).days for v in present]
        return Column(name, kind, dtype, _a.from_values(days, _a.DATE32), index)
    if kind == "time":
        micros = [
            None
            if v is None
            else ((v.hour * 60 + v.minute) * 60 + v.second) * 1_000_000 + v.microsecond
            for v in present
        ]
        return Column(name, kind, dtype, _a.from_values(micros, _a.TIME64_US), index)
    if kind == "timedelta":
        micros = [None if v is None else _micros(v) for v in present]
        duration = ArrowType("duration", unit="us")
        return Column(name, kind, "timedelta64[us]", _a.from_values(micros, duration), index)
    if kind == "decimal":
        column = _decimal_column(name, present, index)
        if column is not None:
            return column
        kind = "object"
    if kind == "empty":
        return Column(name, kind, dtype, _a.from_values(present, _a.NULL), index)
    if kind in ("list", "json"):
        # Compact, as Streamlit's grid and table show nested cells ({"k":1}).
        compact = (",", ":")
        texts = [
            None if v is None else json.dumps(json_safe(v), separators=compact) for v in present
        ]
        return Column(name, kind, dtype, _a.from_values(texts, _a.UTF8), index)
    texts = [None if v is None else str(v) for v in present]
    return Column(name, "object", dtype, _a.from_values(texts, _a.UTF8), index)


def _decimal_column(name: str, values: list[Any], index: bool) -> Column | None:
    finite = [v for v in values if v is not None]
    if not all(v.is_finite() for v in finite):
        return None
    scale = max((max(0, -int(v.as_tuple().exponent)) for v in finite), default=0)
    scaled = [None if v is None else int(v.scaleb(scale)) for v in values]
    digits = max((len(str(abs(v))) for v in scaled if v is not None), default=1)
    precision = max(digits, scale + 1)
    if precision > 38:
        return None
    kind = ArrowType("decimal", 128, precision=precision, scale=scale)
    return Column(name, "decimal", "object", _a.from_values(scaled, kind), index)


def _range_index(rows: int) -> Column:
    column = values_column("_index", range(rows), index=True)
    column.is_range = True
    return column


def from_rows(rows: list[Any], names: list[str] | None = None) -> Table:
    """Rows (dicts, lists/tuples, or scalars) → a table with a range index.

    Example:
        >>> [c.name for c in from_rows([{"a": 1}, {"b": 2}]).columns]
        ['_index', 'a', 'b']
    """
    if rows and all(isinstance(r, Mapping) for r in rows):
        keys: dict[Any, None] = {}
        for row in rows:
            keys.update(dict.fromkeys(row))
        columns = [values_column(label(k), [r.get(k) for r in rows]) for k in keys]
    elif rows and all(isinstance(r, (list, tuple)) for r in rows):
        width = max(len(r) for r in rows)
        columns = [
            values_column(
                names[i] if names else str(i), [r[i] if i < len(r) else None for r in rows]
            )
            for i in range(width)
        ]
        if not names:
            for i, column in enumerate(columns):
                column.label = i
    else:
        columns = [values_column(names[0] if names else "value", rows)] if rows else []
    return Table([_range_index(len(rows)), *columns], len(rows), source="list")


def from_mapping(data: Mapping[Any, Any], argument: str, command: str) -> Table:
    """A dict: of lists (columns), of dicts (column → row → value) or of scalars."""
    values = list(data.values())
    if values and all(isinstance(v, Mapping) for v in values):
        keys: dict[Any, None] = {}
        for column in values:
            keys.update(dict.fromkeys(column))
        index = values_column("_index", [json_safe(k) if isinstance(k, tuple) else k for k in keys])
        index.index = True
        columns = [
            values_column(label(n), [c.get(k) for k in keys])
            for n, c in zip(data, values, strict=True)
        ]
        return Table([index, *columns], len(keys), source="dict")
    listish = [_as_list(v) for v in values]
    if values and all(v is None for v in listish):  # {key: scalar}: one row per key
        index = values_column("_index", list(data), index=True)
        return Table([index, values_column("value", values)], len(values), source="dict")
    if any(v is None for v in listish):
        raise bad_argument(
            argument, data, "a dict whose values are all lists, or all scalars", command=command
        )
    columns_values = [v for v in listish if v is not None]
    lengths = {len(c) for c in columns_values}
    if len(lengths) > 1:  # lists of several lengths: one row per key, as pandas reads them
        table = from_rows(columns_values)
        index = values_column("_index", list(data), index=True)
        return Table([index, *table.columns[1:]], len(columns_values), source="dict")
    count = lengths.pop() if lengths else 0
    columns = [values_column(label(n), c) for n, c in zip(data, columns_values, strict=True)]
    return Table([_range_index(count), *columns], count, source="dict")


def _as_list(value: Any) -> list[Any] | None:
    if isinstance(value, (list, tuple, range)):
        return list(value)
    if type(value).__module__.startswith(("numpy", "pandas", "polars", "pyarrow")) and hasattr(
        value, "tolist"
    ):
        result = value.tolist()
        return result if isinstance(result, list) else None
    if type(value).__module__.startswith(("polars", "pyarrow")) and hasattr(value, "to_list"):
        result = value.to_list()
        return result if isinstance(result, list) else None
    return None


# ------------------------------------------------------------------ dispatch


def implicit_index(data: Any) -> bool:
    """Whether ``data`` has no index of its own, so its row numbers are hidden by default.

    As Streamlit: lists, tuples, sets, a dict of columns, NumPy arrays,
    Polars data, a pandas Index or array and a pyarrow Array have only the
    row numbers a table gives them; a pandas DataFrame or Series, a pyarrow
    Table, a dict of scalars or of dicts and a cursor keep theirs.

    Example:
        >>> implicit_index([1, 2]), implicit_index({"a": [1]}), implicit_index({"a": 1})
        (True, True, False)
    """
    module = type(data).__module__ or ""
    name = type(data).__name__
    if data is None or isinstance(data, (str, bytes)):
        return False
    if module.startswith("pandas"):
        return name.endswith("Index") or name.endswith("Array")
    if module.startswith(("numpy", "polars")):
        return True
    if module.startswith("pyarrow"):
        return name.endswith("Array") and not name.startswith("Chunked")
    if type(data) is dict or (isinstance(data, Mapping) and module == "builtins"):
        first = next(iter(data.values()), None)
        return isinstance(first, (list, tuple))
    if isinstance(data, Mapping):  # ChainMap, UserDict, ...: key -> value
        return False
    if isinstance(data, (list, tuple, set, frozenset)):
        first = next(iter(data), None)
        return not type(first).__module__.startswith(("pandas", "numpy", "polars", "pyarrow"))
    if hasattr(data, "description") and hasattr(data, "fetchall"):  # a DB-API cursor
        return False
    return isinstance(data, Iterable) and not isinstance(data, Iterator)  # not a generator


def to_table(data: Any, *, command: str = "dataframe", argument: str = "data") -> Table:
    """Convert anything the table commands accept into a :class:`Table`.

    Raises ``RilletAPIException`` naming ``argument``, the type given and the
    types accepted when ``data`` is none of them.

    Example:
        >>> table = to_table({"city": ["Oslo", "Lima"], "temp": [3.5, 19.0]})
        >>> [(c.name, c.kind) for c in table.columns]
        [('_index', 'int'), ('city', 'string'), ('temp', 'float')]
    """
    from rillet.dataframes import frames

    module = type(data).__module__ or ""
    if data is None:
        return Table([], 0, source="none")
    if module.startswith("pandas"):
        return frames.from_pandas_like(data)
    if module.startswith("numpy"):
        return frames.from_numpy(data, argument, command)
    if module.startswith("polars"):
        return frames.from_polars(data)
    if module.startswith("pyarrow"):
        return frames.from_pyarrow(data)
    if isinstance(data, Mapping):
        return from_mapping(data, argument, command)
    if isinstance(data, (str, bytes, int, float, bool, decimal.Decimal, _dt.date, _dt.time)):
        raise bad_argument(argument, data, ACCEPTED, command=command)  # as Streamlit: no scalars
    if hasattr(data, "description") and hasattr(data, "fetchall"):  # a DB-API cursor
        rows = [tuple(r) for r in data.fetchall()]
        names = [str(d[0]) for d in data.description or ()]
        table = from_rows(rows, names) if rows else _empty_with(names)
        table.source = "cursor"
        return table
    if any(
        hasattr(data, name)
        for name in ("__dataframe__", "__narwhals_dataframe__", "__arrow_c_stream__")
    ):
        return frames.from_interchange(data, argument, command)
    if hasattr(data, "to_pandas") and callable(data.to_pandas):
        return frames.from_pandas_like(data.to_pandas())
    if isinstance(data, Iterable) and not isinstance(data, (str, bytes)):
        items = list(data)
        table = from_rows(items)
        table.source = type(data).__name__ if isinstance(data, (tuple, set, frozenset)) else "list"
        return table
    raise bad_argument(argument, data, ACCEPTED, command=command)


def _empty_with(names: list[str]) -> Table:
    return Table([_range_index(0), *(values_column(n, []) for n in names)], 0, source="cursor")


def to_arrow_ipc(data: Any) -> bytes:
    """Any table-like data as one Arrow IPC stream (index columns first).

    The same conversion ``st.dataframe`` uses; charts and custom components
    may send tables this way too. Needs no pyarrow.

    Example:
        >>> stream = to_arrow_ipc([{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
        >>> stream[:4]
        b'\\xff\\xff\\xff\\xff'
    """
    try:
        return to_table(data).to_arrow()
    except RilletAPIException:
        raise
    except Exception as exc:  # a value the conversion cannot read
        raise RilletAPIException(f"cannot convert {type(data).__name__} to a table: {exc}") from exc
