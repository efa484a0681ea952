"""What rillet's own Arrow writer produces, read back by pyarrow: every kind of column."""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

import pytest

from rillet.dataframes import arrow, to_arrow_ipc, to_table

pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")


def read(data: bytes) -> Any:
    table = pa.ipc.open_stream(data).read_all()
    table.validate(full=True)
    return table


def test_every_python_value_kind_round_trips() -> None:
    rows = [
        {
            "int": 1,
            "float": 1.5,
            "bool": True,
            "text": "héllo",
            "bytes": b"\x00\xff",
            "when": dt.datetime(2024, 5, 1, 12, 30, 0, 5),
            "aware": dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc),
            "day": dt.date(2024, 5, 1),
            "time": dt.time(8, 15, 30),
            "gap": dt.timedelta(days=1, microseconds=3),
            "money": decimal.Decimal("-12.345"),
            "list": [1, [2]],
            "dict": {"a": None},
            "mixed": 1,
            "none": None,
        },
        {k: None for k in ("int", "float", "bool", "text", "bytes", "when", "aware", "day")}
        | {
            "time": None,
            "gap": None,
            "money": None,
            "list": None,
            "dict": None,
            "mixed": "x",
            "none": None,
        },
    ]
    table = read(to_arrow_ipc(rows))
    first, second = table.to_pylist()
    assert first["int"] == 1 and first["float"] == 1.5 and first["bool"] is True
    assert first["text"] == "héllo" and first["bytes"] == b"\x00\xff"
    assert first["when"] == dt.datetime(2024, 5, 1, 12, 30, 0, 5)
    assert first["aware"] == dt.datetime(2024, 5, 1, tzinfo=dt.timezone.utc)
    assert (first["day"], first["time"]) == (dt.date(2024, 5, 1), dt.time(8, 15, 30))
    assert first["gap"] == dt.timedelta(days=1, microseconds=3)
    assert first["money"] == decimal.Decimal("-12.345")
    assert (first["list"], first["dict"]) == ("[1,[2]]", '{"a":null}')
    assert (first["mixed"], second["mixed"]) == ("1", "x")
    assert all(v is None for k, v in second.items() if k not in ("_index", "mixed"))
    assert str(table.schema.field("aware").type) == "timestamp[us, tz=UTC]"


def test_every_pandas_dtype_round_trips() -> None:
    frame = pd.DataFrame(
        {
            "i8": np.array([1, -2, 3], dtype=np.int8),
            "u16": np.array([1, 2, 65535], dtype=np.uint16),
            "i64": [1, 2, 3],
            "f32": np.array([0.5, np.nan, 2], dtype=np.float32),
            "f16": np.array([0.5, 1, 2], dtype=np.float16),
            "b": [True, False, True],
            "Int64": pd.array([1, None, 3], dtype="Int64"),
            "boolean": pd.array([True, None, False], dtype="boolean"),
            "string": pd.array(["a", None, "c"], dtype="string"),
            "ns": pd.to_datetime(["2024-01-01", None, "2024-01-03"]).as_unit("ns"),
            "tz": pd.to_datetime(["2024-01-01", "2024-01-02", None]).tz_localize("Asia/Tokyo"),
            "td": pd.to_timedelta([1, None, 3], unit="ms"),
            "cat": pd.Categorical(["x", None, "x"], categories=["x", "y"]),
            "interval": pd.arrays.IntervalArray.from_breaks([0, 1, 2, 3]),
            "period": pd.period_range("2024-01", periods=3, freq="M"),
            "complex": [1 + 2j, 0j, 1j],
            "sparse": pd.arrays.SparseArray([0, 0, 1]),
        },
        index=pd.Index(["r1", "r2", "r3"], name="row"),
    )
    table = to_table(frame)
    decoded = read(table.to_arrow())
    assert decoded.column_names[0] == "row" and table.index_columns == 1
    got = decoded.to_pydict()
    assert got["i8"] == [1, -2, 3] and str(decoded.schema.field("i8").type) == "int8"
    assert got["u16"] == [1, 2, 65535] and str(decoded.schema.field("u16").type) == "uint16"
    assert got["f32"] == [0.5, None, 2.0] and got["f16"] == [0.5, 1.0, 2.0]
    assert got["Int64"] == [1, None, 3] and got["boolean"] == [True, None, False]
    assert got["string"] == ["a", None, "c"]
    assert got["ns"][1] is None and str(decoded.schema.field("ns").type) == "timestamp[ns]"
    assert str(decoded.schema.field("tz").type).endswith(", tz=Asia/Tokyo]")
    assert got["tz"][0] == pd.Timestamp("2024-01-01", tz="Asia/Tokyo")
    assert got["td"][0] == pd.Timedelta(milliseconds=1) and got["td"][1] is None
    assert got["cat"] == ["x", None, "x"]
    assert got["interval"] == ["(0, 1]", "(1, 2]", "(2, 3]"]
    assert got["period"] == ["2024-01", "2024-02", "2024-03"]
    assert got["complex"] == ["(1+2j)", "0j", "1j"]
    assert got["sparse"] == [0, 0, 1]


def test_a_multi_index_and_duplicate_column_names() -> None:
    frame = pd.DataFrame(
        [[1, 2], [3, 4]],
        columns=["a", "a"],
        index=pd.MultiIndex.from_tuples([("x", 1), ("y", 2)], names=["k", None]),
    )
    table = to_table(frame)
    decoded = read(table.to_arrow())
    assert decoded.column_names == ["k", "_index_1", "a", "a"]
    assert table.index_columns == 2
    assert decoded.to_pylist()[1] == {"k": "y", "_index_1": 2, "a": 4}


def test_an_empty_table_and_a_table_without_rows() -> None:
    assert read(to_arrow_ipc(None)).num_columns == 0
    empty = read(to_arrow_ipc(pd.DataFrame({"a": pd.Series([], dtype="int64")})))
    assert (empty.num_rows, empty.column_names) == (0, ["_index", "a"])


def test_long_text_columns_with_and_without_non_ascii_and_missing_values() -> None:
    words = [f"w{i}" if i % 7 else None for i in range(10_000)]
    words[3] = "ünïcode ✓"
    decoded = read(to_arrow_ipc(pd.DataFrame({"t": words})))
    assert decoded.column("t").to_pylist() == words


def test_polars_and_pyarrow_inputs_round_trip() -> None:
    pl = pytest.importorskip("polars")
    frame = pl.DataFrame(
        {
            "i": [1, None],
            "s": ["a", None],
            "d": [dt.date(2024, 1, 1), None],
            "t": [dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc), None],
            "l": [[1, 2], None],
        }
    )
    got = read(to_arrow_ipc(frame)).to_pydict()
    assert got["i"] == [1, None] and got["s"] == ["a", None]
    assert got["d"] == [dt.date(2024, 1, 1), None] and got["l"] == ["[1,2]", None]
    assert got["t"][0] == dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    source = pa.table({"n": [1, None], "c": pa.array(["x", "y"]).dictionary_encode()})
    got = read(to_arrow_ipc(source)).to_pydict()
    assert got["n"] == [1, None] and got["c"] == ["x", "y"]


def test_the_writer_checks_column_lengths() -> None:
    with pytest.raises(ValueError, match="different lengths"):
        arrow.write_stream(
            [("a", arrow.from_values([1], arrow.INT64)), ("b", arrow.from_values([], arrow.INT64))]
        )
