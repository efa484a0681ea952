"""A table as sent, read back into pandas (AppTest's ``.value``; needs pyarrow).

The inverse of ``rillet.dataframes.convert`` where a pandas type exists:
index columns become the index, categorical columns get their categories
back, and ``list`` / ``json`` cells are parsed. Columns sent as text
because pandas has no Arrow type for them (intervals, periods, mixed
objects) stay text.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any


def arrow_to_pandas(arrow: bytes | Sequence[bytes], columns_json: str) -> Any:
    """The pandas DataFrame a table's Arrow stream and ``columns_json`` describe.

    ``arrow`` is one Arrow IPC stream, or the streams of a table's parts
    (``DataFrame.parts``) in row order.

    Example:
        >>> from rillet.dataframes import to_table
        >>> table = to_table({"a": [1, 2]})
        >>> arrow_to_pandas(table.to_arrow(), table.columns_json())["a"].tolist()
        [1, 2]
    """
    import pandas as pd

    if not arrow:
        return pd.DataFrame()
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pyarrow is a test dependency
        raise ImportError("reading a table's value in AppTest needs pyarrow") from None
    streams = [arrow] if isinstance(arrow, bytes) else list(arrow)
    table = pa.concat_tables([pa.ipc.open_stream(s).read_all() for s in streams])
    described = json.loads(columns_json) if columns_json else []
    columns: dict[int, Any] = {}
    for position, info in enumerate(described):
        series = table.column(position).to_pandas()
        kind = info.get("kind")
        if kind in ("list", "json"):
            series = _nested(series, pa)
        elif kind in ("interval", "period"):
            series = _parsed(series, kind, str(info.get("dtype", "")))
        elif kind == "categorical":
            series = pd.Series(pd.Categorical(series, categories=info.get("options") or None))
        elif kind == "object" or (kind == "string" and info.get("dtype") == "string"):
            # Mixed objects are sent as their text; pandas' own string dtype stays one.
            series = series.astype("string")
        elif kind == "empty":
            series = series.astype(object)
        elif kind == "date" and info.get("dtype") != "object":
            # Dates that were not Python objects (Polars, pyarrow) read back as
            # pandas reads an Arrow date without pandas' metadata: datetimes.
            series = pd.to_datetime(series).astype("datetime64[ms]")
        elif info.get("dtype") in _NULLABLE:
            series = series.astype(info["dtype"])
        columns[position] = series
    index_at = [i for i, info in enumerate(described) if info.get("index")]
    data_at = [i for i, info in enumerate(described) if not info.get("index")]
    frame = pd.DataFrame(
        {i: columns[i] for i in data_at}, index=range(table.num_rows) if not data_at else None
    )
    labels = [_label(described[i]) for i in data_at]
    if labels and all(isinstance(label, tuple) for label in labels):
        frame.columns = pd.MultiIndex.from_tuples(labels)
    else:
        frame.columns = labels
    if index_at:
        names = [described[i].get("label", _index_name(described[i]["name"])) for i in index_at]
        if len(index_at) == 1:
            index = pd.Index(columns[index_at[0]])
            index.name = names[0]
            frame.index = index
        else:
            frame.index = pd.MultiIndex.from_arrays([columns[i] for i in index_at], names=names)
    return frame


_NULLABLE = frozenset(
    (
        "Int8",
        "Int16",
        "Int32",
        "Int64",
        "UInt8",
        "UInt16",
        "UInt32",
        "UInt64",
        "Float32",
        "Float64",
        "boolean",
    )
)


def _label(info: dict[str, Any]) -> Any:
    """A column's label as the script gave it (a MultiIndex label is a list in JSON)."""
    label = info.get("label", info["name"])
    return tuple(label) if isinstance(label, list) else label


def _nested(series: Any, pa: Any) -> Any:
    """Lists and dicts sent as JSON text, read as pandas reads Arrow lists and structs."""
    import pandas as pd

    values = [json.loads(v) if isinstance(v, str) else None for v in series.tolist()]
    try:
        return pd.Series(pa.array(values).to_pandas(), dtype=object)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return pd.Series(values, dtype=object)  # mixed nesting: as parsed


def _parsed(series: Any, kind: str, dtype: str) -> Any:
    """Intervals and periods (sent as their text) back as pandas' own."""
    import pandas as pd

    inner = dtype[dtype.find("[") + 1 : -1] if "[" in dtype else ""
    try:
        if kind == "period":
            return pd.Series(pd.PeriodIndex(series.tolist(), freq=inner))
        subtype, _, closed = inner.partition(", ")
        intervals = [_interval(v, subtype, closed or "right") for v in series.tolist()]
        return pd.Series(pd.arrays.IntervalArray(intervals, closed=closed or "right"))
    except (TypeError, ValueError):
        return series  # a form this cannot read back: the text as sent


def _interval(text: Any, subtype: str, closed: str) -> Any:
    import pandas as pd

    if not isinstance(text, str) or not text:
        return None
    left, right = text[1:-1].split(", ")
    if subtype.startswith(("int", "uint")):
        return pd.Interval(int(left), int(right), closed=closed)
    if subtype.startswith("float"):
        return pd.Interval(float(left), float(right), closed=closed)
    return pd.Interval(pd.Timestamp(left), pd.Timestamp(right), closed=closed)


def _index_name(name: str) -> str | None:
    return None if name == "_index" or name.startswith("_index_") else name
