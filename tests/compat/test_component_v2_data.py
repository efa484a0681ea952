"""components.v2 ``data`` against Streamlit: what the component's JS receives.

Both sides are read the way their page reads them: JSON parsed, raw bytes
as bytes, a table as the rows and column names its Arrow stream holds (read
with pyarrow), a dict's tables put back at their keys. Streamlit writes its
tables with pyarrow, rillet with its own writer.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from tests.compat.harness import assert_same_facts

APP = """
import datetime
import numpy as np
import pandas as pd
import polars as pl
import streamlit as st

show = st.components.v2.component("probe", js="export default function () {}")
frame = pd.DataFrame(
    {
        "city": ["Oslo", "Lima", None],
        "temp": [3.5, float("nan"), 31.25],
        "rank": [1, 2, 3],
        "ok": [True, False, True],
        "when": pd.to_datetime(["2024-01-01 00:00:00", "2024-02-03 04:05:06", "2025-12-31 23:59:00"]),
    }
)
show(key="mixed", data={"n": 7, "label": "x", "cities": frame, "list": [1, 2]})
show(key="table", data=frame)
show(key="named", data=pd.DataFrame({"a": [1, 2]}, index=pd.Index(["p", "q"], name="k")))
show(key="labels", data={"t": pd.DataFrame({"a": [1.0]}, index=["row"])})
show(key="series", data={"s": pd.Series([4, 5], name="s"), "u": pd.Series([6])})
show(key="matrix", data={"m": np.array([[1, 2], [3, 4]]), "v": np.array([1.5, 2.5])})
show(key="polars", data={"p": pl.DataFrame({"a": [1, None], "b": ["x", "y"]})})
show(key="bytes", data=b"\\x00\\x01raw")
show(key="json", data={"only": ["json", 1, None]})
"""


def _table(arrow: bytes) -> tuple[list[str], list[str], list[dict[str, Any]]]:
    table = pa.ipc.open_stream(arrow).read_all()
    rows = [
        {k: None if isinstance(v, float) and v != v else v for k, v in row.items()}
        for row in table.to_pylist()
    ]
    # A JS reader sees strings alike whatever their offsets' width.
    types = [str(t).replace("large_string", "string") for t in table.schema.types]
    return table.column_names, types, rows


def _streamlit_data(proto: Any) -> Any:
    which = proto.WhichOneof("data")
    if which == "json":
        return json.loads(proto.json)
    if which == "bytes":
        return bytes(proto.bytes)
    if which == "arrow_data":
        return _table(proto.arrow_data.data)
    data = json.loads(proto.mixed.json)
    blobs = {ref: blob.data for ref, blob in proto.mixed.arrow_blobs.items()}
    for key, value in data.items():
        if isinstance(value, dict) and "__streamlit_arrow_ref__" in value:
            data[key] = _table(blobs[value["__streamlit_arrow_ref__"]])
    return data


def _rillet_data(proto: Any) -> Any:
    if proto.data_kind == "bytes":
        return bytes(proto.bytes_data)
    if proto.data_kind == "table":
        return _table(proto.tables[0].part.arrow)
    data = json.loads(proto.json_data)
    for table in proto.tables:
        data[table.key] = _table(table.part.arrow)
    return data


def _data(at: Any) -> list[str]:
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.get("bidi_component")) == 9
    out = []
    for element in at.get("bidi_component"):
        proto = element.proto
        read = _streamlit_data if hasattr(proto, "mixed") else _rillet_data
        out.append(f"{element.key or ''}: {read(proto)!r}")
    return out


def test_v2_data_with_tables_reaches_the_component_as_in_streamlit() -> None:
    assert_same_facts(APP, _data)
