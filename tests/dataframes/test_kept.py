"""An unchanged table is found again by a byte comparison: not converted, written or hashed."""

from __future__ import annotations

from typing import Any

import pytest

from rillet.testing import AppTest

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")

EDITOR = """
import numpy as np, pandas as pd, rillet as st
data = pd.DataFrame({{f"c{{i}}": np.arange(10_000) + i for i in range(10)}})
{change}
edited = st.data_editor(data, key="ed")
st.session_state["total"] = int(edited["c1"].sum())
"""


def test_an_edit_rerun_neither_converts_nor_writes_nor_hashes_the_unchanged_table(
    work: dict[str, int],
) -> None:
    at = AppTest.from_string(EDITOR.format(change="")).run()
    first = at.data_editor[0].proto.parts[0].hash
    assert work == {"read": 1, "write": 1, "hash": 1}

    for n in (5, 6):
        at.data_editor[0].set_value({"edited_rows": {3: {"c1": n}}}).run()
        assert at.session_state["total"] == sum(range(1, 10_001)) - 4 + n
    assert work == {"read": 1, "write": 1, "hash": 1}
    assert at.data_editor[0].proto.parts[0].hash == first
    assert at.data_editor[0].value["c1"].tolist()[:5] == [1, 2, 3, 4, 5]  # the table as sent


def test_a_large_editor_sent_first_rows_first_is_found_again_part_by_part(
    work: dict[str, int],
) -> None:
    app = """
import numpy as np, pandas as pd, rillet as st
n = np.arange(200_000)
edited = st.data_editor(pd.DataFrame({"x": n * 0.5, "n": n}), key="ed")
st.session_state["total"] = int(edited["n"].sum())
"""
    at = AppTest.from_string(app).run()
    parts = [p.hash for p in at.data_editor[0].proto.parts]
    assert len(parts) > 1 and work["read"] == 1 and work["hash"] == len(parts)
    before = dict(work)
    at.data_editor[0].set_value({"edited_rows": {150_000: {"n": 0}}}).run()
    assert at.session_state["total"] == sum(range(200_000)) - 150_000
    assert work == before  # nothing read, written or hashed again
    assert [p.hash for p in at.data_editor[0].proto.parts] == parts
    assert at.data_editor[0].value["n"].tolist()[-1] == 199_999


def test_a_changed_value_is_converted_and_sent_again() -> None:
    at = AppTest.from_string(EDITOR.format(change="")).run()
    first = at.data_editor[0].proto.parts[0].hash
    changed = AppTest.from_string(EDITOR.format(change="data.iloc[9_999, 9] = -1")).run()
    assert changed.data_editor[0].proto.parts[0].hash != first
    assert changed.data_editor[0].value["c9"].tolist()[-1] == -1


def test_a_frame_changed_in_place_after_it_was_shown_is_sent_as_it_is_now() -> None:
    at = AppTest.from_string(
        """
import numpy as np, pandas as pd, rillet as st
if "data" not in st.session_state:
    st.session_state.data = pd.DataFrame({"n": np.arange(20_000)})
st.dataframe(st.session_state.data)
if st.button("change"):
    st.session_state.data.iloc[0, 0] = 99
"""
    ).run()
    at.button[0].click().run()  # changes the frame the first run showed
    at.run()
    assert at.dataframe[0].value["n"].tolist()[:2] == [99, 1]


def test_a_large_table_sent_in_slices_never_reads_a_kept_tables_buffers() -> None:
    # The editor keeps the frame (its table holds views of the frame's
    # columns); the frame then changes in place; a fresh frame equal to the
    # kept copy is shown in slices: it must be read anew.
    at = AppTest.from_string(
        """
import numpy as np, pandas as pd, rillet as st
shown = pd.DataFrame({"n": np.arange(200_000)})
st.data_editor(shown, key="ed")
shown.iloc[0, 0] = 99
st.dataframe(pd.DataFrame({"n": np.arange(200_000)}))
"""
    ).run()
    assert len(at.dataframe[-1].proto.parts) > 1  # sent first rows first
    assert at.dataframe[-1].value["n"].tolist()[:2] == [0, 1]


@pytest.mark.parametrize(
    "other",
    [
        "pd.DataFrame({'b': np.arange(20_000)})",  # another label
        "pd.DataFrame({0: np.arange(20_000)})",  # an int label, same text
        "pd.DataFrame({'a': np.arange(20_000)}).set_index(np.arange(20_000) * 0)",
        "pd.DataFrame({'a': np.arange(20_000).view('float64')})",  # same bytes, another dtype
        "pd.DataFrame({'a': np.arange(20_000)}, index=pd.RangeIndex(1, 20_001))",
    ],
)
def test_the_same_bytes_in_another_layout_are_not_taken_for_the_kept_table(other: str) -> None:
    script = "import numpy as np, pandas as pd, rillet as st\nst.dataframe({data})\n"
    base = AppTest.from_string(script.format(data="pd.DataFrame({'a': np.arange(20_000)})")).run()
    assert len(base.dataframe) == 1
    again = AppTest.from_string(script.format(data=other)).run()
    from rillet.dataframes import kept

    kept.clear()
    fresh = AppTest.from_string(script.format(data=other)).run()
    assert again.dataframe[0].proto.parts[0].hash == fresh.dataframe[0].proto.parts[0].hash
    assert again.dataframe[0].proto.columns_json == fresh.dataframe[0].proto.columns_json


def test_identical_arrow_bytes_keep_their_hash_without_hashing_again(
    work: dict[str, int],
) -> None:
    # Text columns are not compared as input: the Arrow bytes are.
    at = AppTest.from_string(
        "import rillet as st\nst.dataframe({'s': [f'row {i}' for i in range(20_000)]})\n"
    ).run()
    again = AppTest.from_string(
        "import rillet as st\nst.dataframe({'s': [f'row {i}' for i in range(20_000)]})\n"
    ).run()
    assert work["write"] == 2 and work["hash"] == 1
    assert again.dataframe[0].proto.parts[0].hash == at.dataframe[0].proto.parts[0].hash


def test_kept_tables_stay_within_their_byte_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    from rillet.dataframes import kept

    monkeypatch.setattr(kept._INPUTS, "_max_bytes", 2 * 1024 * 1024)
    for i in range(6):
        frame = pd.DataFrame({"n": np.arange(50_000) + i})  # 400 KB: 800 KB kept each
        raw = kept.input_columns(frame)
        assert raw is not None
        part = (str(i), b"x" * 400_000, 50_000)
        kept.keep_input(*raw, table=None, parts=[part])  # type: ignore[arg-type]
    held = [k.parts[0][0] for k in kept._INPUTS]
    assert held == ["4", "5"]
    assert sum(k.nbytes() for k in kept._INPUTS) <= 2 * 1024 * 1024


@pytest.mark.parametrize(
    "make",
    [
        lambda n: pd.DataFrame({f"c{i}": np.arange(n) + i for i in range(4)}),
        lambda n: pd.DataFrame(
            {"i": np.arange(n), "f": np.linspace(0, 1, n), "b": np.arange(n) % 2 == 0}
        ),
        lambda n: pd.DataFrame(
            {0: np.arange(n), 1: np.arange(n) * 2.5},
            index=pd.date_range("2024-01-01", periods=n, freq="s", name="when"),
        ),
        lambda n: pd.DataFrame(
            {"t": np.arange(n).astype("timedelta64[s]")},
            index=pd.Index(np.arange(n) / 3, name="x"),
        ),
        lambda n: pd.DataFrame(  # text stored by pyarrow, with a missing value
            {"s": [None if i == 7 else f"row {i}" for i in range(n)], "n": np.arange(n)}
        ),
        lambda n: pd.DataFrame(  # pyarrow-backed numbers, with a missing value
            {"a": pd.array([None, *range(1, n)], dtype="int64[pyarrow]"), "n": np.arange(n)}
        ),
        lambda n: pd.DataFrame(  # categories of text, and of numbers
            {
                "c": pd.Categorical([f"c{i % 300}" for i in range(8 * n)]),  # small codes:
                "k": pd.Categorical(np.arange(8 * n) % 7, ordered=True),  # more rows to keep
            }
        ),
        lambda n: pd.DataFrame(  # nullable numbers and booleans, with missing values
            {
                "i": pd.array([None, *range(1, n)], dtype="Int64"),
                "f": pd.array([0.5, None] * (n // 2), dtype="Float64"),
                "b": pd.array([True, None] * (n // 2), dtype="boolean"),
            }
        ),
        lambda n: pd.DataFrame(  # text as Python objects
            {"o": pd.Series([f"row {i}" for i in range(n)], dtype=object), "n": np.arange(n)}
        ),
    ],
)
def test_a_table_kept_from_copies_is_the_table_of_the_input(make: Any) -> None:
    from rillet.api.table_frame import read_kept, read_table

    data = make(5_000)
    read = read_kept(data, "dataframe")
    assert read.keep is not None  # converted from the copies it keeps
    direct = read_table(data, "dataframe")
    assert read.table.columns_json() == direct.columns_json()
    assert read.table.to_arrow() == direct.to_arrow()


def test_text_columns_are_found_again_and_a_text_changed_in_place_is_sent_anew(
    work: dict[str, int],
) -> None:
    pytest.importorskip("pyarrow")
    at = AppTest.from_string(
        """
import numpy as np, pandas as pd, rillet as st
if "data" not in st.session_state:
    st.session_state.data = pd.DataFrame(
        {"s": [f"row {i}" for i in range(10_000)], "n": np.arange(10_000)}
    )
st.data_editor(st.session_state.data, key="ed")
if st.button("change"):
    st.session_state.data.iloc[5, 0] = "changed"
"""
    ).run()
    assert str(at.data_editor[0].value["s"].dtype) in ("str", "string")
    reads = work["read"]
    at.data_editor[0].set_value({"edited_rows": {1: {"n": 5}}}).run()
    assert work["read"] == reads  # found again
    at.button[0].click().run()  # changes the text in place, after the editor was shown
    at.run()
    assert work["read"] == reads + 1
    assert at.data_editor[0].value["s"].tolist()[5] == "changed"
