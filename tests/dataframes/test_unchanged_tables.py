"""A large table shown again unchanged costs a comparison; any change to it is sent.

The app keeps its frame across reruns (in session state, or a fresh copy
out of ``st.cache_data``) and a button changes it in place: the next run
must send the table as it is now, never the one kept from before.
"""

from __future__ import annotations

from typing import Any

import pytest

from rillet.testing import AppTest

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

ROWS = 40_000  # about 1.3 MB of Arrow: sent first rows first, in parts

# Numbers, datetimes, text as Python objects and as pandas' own text dtype.
APP = """
import numpy as np, pandas as pd, rillet as st
if "data" not in st.session_state:
    n = np.arange({rows})
    st.session_state.data = pd.DataFrame({{
        "f": n * 0.5,
        "i": n,
        "when": pd.date_range("2024-01-01", periods={rows}, freq="s"),
        "obj": pd.Series([f"item {{k % 500}}" for k in range({rows})], dtype=object),
        "text": [f"t{{k}}" for k in range({rows})],
        "p": pd.array(n, dtype="int64[pyarrow]"),
        "cat": pd.Categorical([("a", "b", "c")[k % 3] for k in range({rows})]),
        "nullable": pd.array(n, dtype="Float64"),
    }})
data = st.session_state.data
if st.button("change"):
    {change}
st.dataframe(data{show})
"""


def _app(change: str = "pass", show: str = "", rows: int = ROWS) -> AppTest:
    return AppTest.from_string(APP.format(rows=rows, change=change, show=show)).run(timeout=30)


def _changed(at: AppTest, work: dict[str, int]) -> Any:
    """Click "change" (the frame changes in place after it was shown), rerun; the table sent."""
    assert len(at.dataframe[0].proto.parts) > 1  # the large path: first rows first
    reads = work["read"]
    at.run()
    assert work["read"] == reads  # unchanged: found again, not converted
    at.button[0].click().run()
    at.run()  # the frame as changed by the click's run
    return at.dataframe[0].value


def test_an_unchanged_rerun_neither_converts_nor_writes_nor_hashes_the_table(
    work: dict[str, int],
) -> None:
    at = _app()
    parts = [p.hash for p in at.dataframe[0].proto.parts]
    before = dict(work)
    for _ in range(3):
        at.run()
    assert work == before
    assert [p.hash for p in at.dataframe[0].proto.parts] == parts
    shown = at.dataframe[0].value
    assert shown["obj"].tolist()[:2] == ["item 0", "item 1"]
    assert shown["i"].tolist()[-1] == ROWS - 1


@pytest.mark.parametrize(
    ("change", "column", "row", "expected"),
    [
        ("data.iloc[ROW, 1] = -7", "i", 30_001, -7),
        ("data.loc[ROW, 'f'] = 1e9", "f", 30_001, 1e9),
        ("data['i'] += 1", "i", 5, 6),
        ("data.iloc[ROW, 3] = 'changed'", "obj", 30_001, "changed"),
        ("data.iloc[ROW, 4] = 'changed'", "text", 30_001, "changed"),
        (
            "data.loc[ROW, 'when'] = pd.Timestamp('2000-01-01')",
            "when",
            30_001,
            pd.Timestamp("2000-01-01"),
        ),
    ],
)
def test_a_change_in_place_is_sent(
    work: dict[str, int], change: str, column: str, row: int, expected: Any
) -> None:
    at = _app(change.replace("ROW", str(row)))
    shown = _changed(at, work)
    assert shown[column].tolist()[row] == expected
    assert shown[column].tolist()[row + 1] != expected


def test_a_pyarrow_backed_column_changed_in_place_is_sent(work: dict[str, int]) -> None:
    pytest.importorskip("pyarrow")
    at = _app(
        "data.loc[9, 'p'] = -3",
        show="",
    )
    assert at.dataframe[0].value["p"].tolist()[9] == 9
    shown = _changed(at, work)
    assert shown["p"].tolist()[9] == -3


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ("data.loc[9, 'cat'] = 'c'", "c"),  # its codes change in place
        ("data['cat'] = data['cat'].cat.rename_categories({'a': 'A'})", "A"),  # row 9 was "a"
    ],
)
def test_a_categorical_change_is_sent(work: dict[str, int], change: str, expected: str) -> None:
    at = _app(change)
    assert at.dataframe[0].value["cat"].tolist()[9] == "a"
    shown = _changed(at, work)
    assert shown["cat"].tolist()[9] == expected


@pytest.mark.parametrize("value", ["None", "-0.0", "1e9"])
def test_a_nullable_column_changed_in_place_is_sent(work: dict[str, int], value: str) -> None:
    at = _app(f"data.loc[0, 'nullable'] = {value}")  # row 0 holds 0.0
    shown = _changed(at, work)
    cell = shown["nullable"].tolist()[0]
    if value == "None":
        assert pd.isna(cell)
    elif value == "-0.0":
        assert cell == 0 and np.signbit(cell)
    else:
        assert cell == 1e9


def test_a_row_appended_is_sent(work: dict[str, int]) -> None:
    at = _app(
        "data.loc[len(data)] = [1.5, -1, pd.Timestamp('2030-01-01'), 'new', 'new', 7, 'a', 2.5]"
    )
    shown = _changed(at, work)
    assert len(shown) == ROWS + 1
    assert shown["obj"].tolist()[-1] == "new" and shown["i"].tolist()[-1] == -1


def test_a_dtype_change_with_the_same_values_is_sent(work: dict[str, int]) -> None:
    at = _app(
        "st.session_state.data = data.astype({'i': 'float64'})\n    data = st.session_state.data"
    )
    shown = _changed(at, work)
    assert str(shown["i"].dtype) == "float64"
    assert '"dtype":"float64"' in at.dataframe[0].proto.columns_json


def test_a_text_cell_replaced_by_an_equal_copy_is_found_again_and_a_number_is_not(
    work: dict[str, int],
) -> None:
    # Another object with the same text is the same table; a number in its place is not.
    at = _app("data.iloc[7, 3] = ''.join(['item ', '7'])")
    _changed(at, work)
    reads = work["read"]
    at.run()
    assert work["read"] == reads
    at = _app("data.iloc[7, 3] = 7")
    shown = _changed(at, work)
    assert shown["obj"].tolist()[7] in (7, "7")


def test_a_column_of_mutable_objects_changed_in_place_is_sent() -> None:
    # Lists are not kept by identity: the same list objects may hold new values.
    at = AppTest.from_string(
        """
import pandas as pd, rillet as st
if "data" not in st.session_state:
    st.session_state.data = pd.DataFrame({"l": [[k] for k in range(20_000)]})
if st.button("change"):
    st.session_state.data["l"][3].append(99)
st.dataframe(st.session_state.data)
"""
    ).run()
    at.button[0].click().run()
    at.run()
    assert list(at.dataframe[0].value["l"].tolist()[3]) == [3, 99]


def test_a_styler_change_is_sent() -> None:
    at = _app(
        "st.session_state.color = 'red'",
        ".style.map(lambda v: f\"color: {st.session_state.get('color', 'blue')}\", subset=['i'])",
        rows=2_000,  # a Styler is never kept: its size does not matter here
    )
    assert "blue" in at.dataframe[0].proto.styler_json
    at.button[0].click().run(timeout=30)
    at.run(timeout=30)
    assert "red" in at.dataframe[0].proto.styler_json
    assert "blue" not in at.dataframe[0].proto.styler_json


def test_a_column_config_change_is_sent(work: dict[str, int]) -> None:
    at = _app(
        "st.session_state.label = 'Count'",
        ", column_config={'i': st.session_state.get('label', 'Number')}",
    )
    assert '"Number"' in at.dataframe[0].proto.column_config_json
    reads = work["read"]
    at.button[0].click().run()
    at.run()
    assert '"Count"' in at.dataframe[0].proto.column_config_json
    assert work["read"] == reads  # the table itself is unchanged: found again


def test_a_fresh_copy_out_of_cache_data_is_found_again_and_a_changed_one_is_not(
    work: dict[str, int],
) -> None:
    at = AppTest.from_string(
        f"""
import numpy as np, pandas as pd, rillet as st
@st.cache_data
def load(version):
    n = np.arange({ROWS})
    frame = pd.DataFrame({{"i": n, "obj": pd.Series([f"r{{k}}" for k in n], dtype=object)}})
    if version:
        frame.iloc[-1, 1] = "last"
    return frame
st.dataframe(load(st.session_state.get("version", 0)))
if st.button("change"):
    st.session_state.version = 1
"""
    ).run()
    reads = work["read"]
    at.run()  # a new copy, new text objects, the same values
    assert work["read"] == reads
    at.button[0].click().run()
    at.run()
    assert at.dataframe[0].value["obj"].tolist()[-1] == "last"


ARROW_APP = """
import numpy as np, pyarrow as pa, polars as pl, rillet as st
if "data" not in st.session_state:
    n = np.arange({rows})
    columns = {{"f": n * 0.5, "i": n, "s": [f"s{{k}}" for k in range({rows})]}}
    st.session_state.data = pa.table(columns) if {arrow} else pl.DataFrame(columns)
if st.button("change"):
    {change}
st.dataframe(st.session_state.data)
"""


@pytest.mark.parametrize(
    ("arrow", "change", "column", "row", "expected"),
    [
        # 0.0 becomes -0.0: equal values, but shown differently
        (True, "st.session_state.data = st.session_state.data.set_column(0, 'f', "
         "pa.array(np.where(np.arange(ROWS) == 0, -0.0, np.arange(ROWS) * 0.5)))", "f", 0, "-0"),
        (False, "st.session_state.data[0, 'f'] = -0.0", "f", 0, "-0"),
        (False, "st.session_state.data[9, 'i'] = -5", "i", 9, -5),
        (False, "st.session_state.data[9, 's'] = 'changed'", "s", 9, "changed"),
    ],
)  # fmt: skip
def test_a_changed_arrow_or_polars_table_is_sent(
    work: dict[str, int], arrow: bool, change: str, column: str, row: int, expected: Any
) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("polars")
    source = ARROW_APP.format(rows=ROWS, arrow=arrow, change=change.replace("ROWS", str(ROWS)))
    at = AppTest.from_string(source).run()
    shown = _changed(at, work)
    value = shown[column].tolist()[row]
    if expected == "-0":  # the sign tells them apart
        assert value == 0 and np.signbit(value)
    else:
        assert value == expected


def test_a_client_that_missed_the_first_rows_gets_the_kept_parts_with_the_last_delta(
    client: Any,
) -> None:
    from rillet.dataframes import kept
    from rillet.protocol import rillet_pb2 as pb
    from rillet.runtime.outbox import FrameEncoder

    app = client(
        f"import numpy as np, rillet as st\nst.dataframe({{'x': np.arange({ROWS * 5})}})\n"
    )
    *leads, last = app.run()
    assert leads and sum(len(p.arrow) for p in last.parts[:-1]) == 0  # the leads brought them
    once = sum(len(delta.parts[-1].arrow) for delta in (*leads, last))
    assert app.sent_bytes() < once + 10_000  # every part sent once
    # The last delta as the script sent it, to a client that reconnected during the run.
    bare = pb.Element()
    for part in last.parts:
        bare.dataframe.parts.add(hash=part.hash, rows=part.rows)
    msg = pb.ForwardMsg(delta=pb.Delta(path=[0, 0], new_element=bare))
    (sent,) = pb.ForwardBatch.FromString(FrameEncoder().encode([msg])).msgs
    arrows = [p.arrow for p in sent.delta.new_element.dataframe.parts]
    assert all(arrows) and arrows == [kept.part_bytes(p.hash) for p in last.parts]


def test_a_large_table_written_by_a_cached_function_is_whole_when_replayed() -> None:
    at = AppTest.from_string(
        f"""
import numpy as np, rillet as st
@st.cache_data
def shown():
    st.dataframe({{"n": np.arange({ROWS * 3})}})
    return 1
shown()
"""
    ).run()
    assert len(at.dataframe[0].proto.parts) > 1
    at.run()  # a cache hit: the deltas it wrote are written again
    assert at.dataframe[0].value["n"].tolist()[-3:] == [ROWS * 3 - 3, ROWS * 3 - 2, ROWS * 3 - 1]


@pytest.mark.parametrize(
    "make",
    [
        "pa.table({'n': source})",
        "pa.Table.from_pandas(pd.DataFrame({'n': source}))",
        "pl.from_numpy(source.reshape(-1, 1), schema=['n'])",
        "pd.DataFrame({'n': pd.array(source, dtype='int64[pyarrow]')})",
    ],
)
def test_a_table_over_a_numpy_array_changed_through_that_array_is_sent(
    work: dict[str, int], make: str
) -> None:
    # pyarrow and Polars may use the array's memory without a copy: the
    # table changes when the array does, and the kept one must not.
    pytest.importorskip("pyarrow")
    pytest.importorskip("polars")
    at = AppTest.from_string(
        f"""
import numpy as np, pandas as pd, pyarrow as pa, polars as pl, rillet as st
if "source" not in st.session_state:
    st.session_state.source = np.arange({ROWS * 3})
    source = st.session_state.source
    st.session_state.table = {make}
if st.button("change"):
    st.session_state.source[9] = -9
table = st.session_state.table
cell = table["n"].iloc[9] if isinstance(table, pd.DataFrame) else table["n"][9]
st.text(str(cell.as_py() if hasattr(cell, "as_py") else cell))  # what the table holds now
st.dataframe(table)
"""
    ).run()
    shown = _changed(at, work)
    assert str(shown["n"].tolist()[9]) == at.text[0].value


@pytest.mark.parametrize("library", ["pyarrow", "polars"])
def test_an_arrow_or_polars_table_kept_from_copies_is_the_table_of_the_input(library: str) -> None:
    pa = pytest.importorskip("pyarrow")
    pl = pytest.importorskip("polars")
    import datetime as dt

    from rillet.api.table_frame import read_kept, read_table

    n = 5_000
    columns = {
        "i": list(range(n)),
        "f": [None if k == 3 else k / 3 for k in range(n)],
        "s": [None if k == 5 else f"row {k}" for k in range(n)],
        "b": [k % 2 == 0 for k in range(n)],
        "d": [dt.date(2024, 1, 1) + dt.timedelta(days=k % 300) for k in range(n)],
        "t": [dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(seconds=k) for k in range(n)],
    }  # fmt: skip
    data = pa.table(columns) if library == "pyarrow" else pl.DataFrame(columns)
    read = read_kept(data, "dataframe")
    assert read.keep is not None  # converted from the copies it keeps
    direct = read_table(data, "dataframe")
    assert read.table.columns_json() == direct.columns_json()
    assert read.table.to_arrow() == direct.to_arrow()
