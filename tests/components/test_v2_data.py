"""components.v2 ``data`` holding tables (and raw bytes): what travels, what AppTest shows,
and that an unchanged table is not sent again."""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.outbox import FrameEncoder
from rillet.testing import AppTest

HEAD = """
import numpy as np
import pandas as pd
import rillet as st
show = st.components.v2.component("tbl", js="export default function () {}")
"""


def _run(body: str) -> AppTest:
    at = AppTest.from_string(HEAD + body).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _bidi(at: AppTest, index: int = 0) -> pb.BidiComponent:
    element = at.get("bidi_component")[index]
    proto: pb.BidiComponent = element.proto
    return proto


def _read(arrow: bytes) -> pa.Table:
    return pa.ipc.open_stream(arrow).read_all()


def test_a_dict_table_value_travels_as_arrow_beside_the_json_rest() -> None:
    at = _run('show(key="k", data={"n": 3, "df": pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})})')
    bidi = _bidi(at)

    assert bidi.data_kind == ""
    # The table's key keeps its place in the JSON (null there), so key order survives.
    assert json.loads(bidi.json_data) == {"n": 3, "df": None}
    assert list(json.loads(bidi.json_data)) == ["n", "df"]
    [table] = bidi.tables
    assert table.key == "df"
    assert table.part.hash and len(table.part.hash) == 32
    assert _read(table.part.arrow).to_pydict() == {"a": [1, 2], "b": ["x", "y"]}


def test_a_table_as_data_itself_travels_as_one_table() -> None:
    bidi = _bidi(_run('show(key="k", data=pd.DataFrame({"a": [1.5, 2.5]}))'))

    assert bidi.data_kind == "table"
    assert _read(bidi.tables[0].part.arrow).to_pydict() == {"a": [1.5, 2.5]}


@pytest.mark.parametrize(
    ("expression", "columns"),
    [
        ('pd.DataFrame({"a": [1]}, index=pd.Index(["x"], name="k"))', ["a", "k"]),
        ('pd.DataFrame({"a": [1]}, index=["x"])', ["a", "__index_level_0__"]),
        ('pd.DataFrame({"a": [1, 2]}, index=pd.RangeIndex(5, 7))', ["a"]),
        ('pd.Series([1, 2], name="s")', ["s"]),
        ("np.array([[1, 2]])", ["0", "1"]),
        ("pd.DataFrame({0: [1], 1: [2]})", ["0", "1"]),
    ],
)
def test_tables_are_laid_out_as_pyarrow_reads_pandas(expression: str, columns: list[str]) -> None:
    bidi = _bidi(_run(f'show(key="k", data={{"t": {expression}}})'))

    assert _read(bidi.tables[0].part.arrow).column_names == columns


def test_polars_and_pyarrow_tables_travel_too() -> None:
    at = _run(
        "import polars as pl\nimport pyarrow as pa\n"
        'show(key="k", data={"p": pl.DataFrame({"a": [1]}), "q": pa.table({"b": ["z"]})})'
    )

    tables = {t.key: _read(t.part.arrow).to_pydict() for t in _bidi(at).tables}
    assert tables == {"p": {"a": [1]}, "q": {"b": ["z"]}}


def test_non_string_keys_are_named_as_json_writes_them() -> None:
    bidi = _bidi(_run('show(key="k", data={1: pd.DataFrame({"a": [1]}), 2.5: 2})'))

    assert json.loads(bidi.json_data) == {"1": None, "2.5": 2}
    assert [t.key for t in bidi.tables] == ["1"]


def test_raw_bytes_travel_as_bytes() -> None:
    bidi = _bidi(_run('show(key="k", data=b"\\x00raw")'))

    assert bidi.data_kind == "bytes"
    assert bidi.bytes_data == b"\x00raw"


def test_app_test_shows_data_with_tables_as_dataframes() -> None:
    at = _run(
        'show(key="a", data={"n": [1, 2], "df": pd.DataFrame({"a": [1, 2]})})\n'
        'show(key="b", data=pd.DataFrame({"b": ["q"]}))\n'
        'show(key="c", data=b"xy")\n'
        'show(key="d", data={"plain": True})\n'
    )
    elements = at.get("bidi_component")

    first: Any = elements[0].data
    assert first["n"] == [1, 2]
    assert first["df"]["a"].tolist() == [1, 2]
    assert elements[1].data["b"].tolist() == ["q"]
    assert elements[2].data == b"xy"
    assert elements[3].data == {"plain": True}


def test_a_changed_table_changes_an_unkeyed_instance_identity() -> None:
    source = HEAD + 'show(data={"df": pd.DataFrame({"a": [st.session_state.get("n", 1)]})})'
    at = AppTest.from_string(source).run()
    first = at.get("bidi_component")[0].id
    at.session_state["n"] = 2
    at.run()

    assert at.get("bidi_component")[0].id != first


def test_a_table_the_writer_cannot_take_names_the_argument_and_what_is_accepted() -> None:
    at = AppTest.from_string(HEAD + 'show(key="k", data={"cube": np.zeros((2, 2, 2))})').run()

    message = str(at.exception[0].value)
    assert "data['cube']" in message
    assert "ndarray" in message
    assert "1-D or 2-D NumPy array" in message


def test_a_table_nested_deeper_than_a_dict_value_is_refused_with_the_rule() -> None:
    at = AppTest.from_string(HEAD + 'show(key="k", data={"x": [pd.DataFrame({"a": [1]})]})').run()

    message = str(at.exception[0].value)
    assert "`data`" in message
    assert "tables only at the top level or as a dict's values" in message


def _frame(element: pb.BidiComponent) -> pb.ForwardMsg:
    msg = pb.ForwardMsg()
    msg.delta.path.extend([0, 0])
    msg.delta.new_element.bidi_component.CopyFrom(element)
    return msg


def test_an_unchanged_table_is_sent_once_then_as_its_hash() -> None:
    source = HEAD + (
        'big = pd.DataFrame({"a": range(20_000)})\n'
        'show(key="k", data={"df": big, "n": st.session_state.get("n", 0)})'
    )
    at = AppTest.from_string(source).run()
    first = _bidi(at)
    at.session_state["n"] = 1
    at.run()
    second = _bidi(at)
    encoder = FrameEncoder()

    sent = [pb.ForwardBatch.FromString(encoder.encode([_frame(e)])) for e in (first, second)]

    whole, bare = (batch.msgs[0].delta.new_element.bidi_component for batch in sent)
    assert len(whole.tables[0].part.arrow) > 100_000
    assert bare.tables[0].part.hash == whole.tables[0].part.hash
    assert bare.tables[0].part.arrow == b""
    assert json.loads(bare.json_data) == {"df": None, "n": 1}
    assert sent[1].ByteSize() < 1_000


def test_a_table_under_a_key_json_cannot_write_is_refused_naming_data() -> None:
    at = AppTest.from_string(HEAD + 'show(key="k", data={(1, 2): pd.DataFrame({"a": [1]})})').run()

    message = str(at.exception[0].value)
    assert "`data`" in message
    assert "keyed by str, int, float, bool or None" in message
