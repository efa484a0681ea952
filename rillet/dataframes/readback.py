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
            series = series.map(lambda v: json.loads(v) if isinstance(v, str) else v)
        elif kind == "categorical":
            series = pd.Series(pd.Categorical(series, categories=info.get("options") or None))
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
    frame.columns = [described[i].get("label", described[i]["name"]) for i in data_at]
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


def _index_name(name: str) -> str | None:
    return None if name == "_index" or name.startswith("_index_") else name
