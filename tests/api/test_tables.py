from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from rillet.api.tables import cell, to_table
from rillet.testing import AppTest


def shown(script: str) -> dict[str, object]:
    at = AppTest.from_string("import rillet as st\n" + script).run()
    assert len(at.exception) == 0, at.exception[0].message
    return at.dataframe[0].data


def test_a_dict_of_lists_is_columns() -> None:
    assert shown("st.dataframe({'a': [1, 2], 'b': ['x', 'y']})") == {
        "columns": ["a", "b"],
        "index": [0, 1],
        "data": [[1, "x"], [2, "y"]],
    }


def test_a_list_of_dicts_is_rows_with_missing_values_as_null() -> None:
    assert shown("st.dataframe([{'a': 1}, {'b': 2.5, 'a': None}])") == {
        "columns": ["a", "b"],
        "index": [0, 1],
        "data": [[1, None], [None, 2.5]],
    }


def test_a_list_of_lists_gets_numbered_columns() -> None:
    table = shown("st.dataframe([[1, 2], [3]])")
    assert table["columns"] == ["0", "1"]
    assert table["data"] == [[1, 2], [3, None]]


def test_a_dict_of_scalars_is_one_value_column() -> None:
    table = shown("st.dataframe({'rows': 3, 'cols': 2})")
    assert table == {"columns": ["value"], "index": ["rows", "cols"], "data": [[3], [2]]}


def test_none_is_an_empty_table() -> None:
    assert shown("st.dataframe()") == {"columns": [], "index": [], "data": []}


def test_values_are_made_json_safe() -> None:
    assert cell(float("nan")) is None
    assert cell(float("inf")) is None
    assert cell(dt.datetime(2024, 5, 1, 12, 30)) == "2024-05-01T12:30:00"
    assert cell(dt.time(8, 15)) == "08:15:00"
    assert cell(b"hi") == "hi"
    assert cell(object).startswith("<class")


def test_a_pandas_frame_keeps_its_index_and_converts_timestamps_and_nan() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {"when": pd.to_datetime(["2024-01-02", None]), "x": [1.5, float("nan")]},
        index=["r1", "r2"],
    )
    table = to_table(frame)
    assert table.columns == ["when", "x"]
    assert table.index == ["r1", "r2"]
    assert table.rows == [["2024-01-02T00:00:00", 1.5], [None, None]]


def test_a_pandas_series_is_one_column() -> None:
    pd = pytest.importorskip("pandas")
    table = to_table(pd.Series([1, 2], name="n"))
    assert (table.columns, table.rows) == (["n"], [[1], [2]])


def test_numpy_arrays_of_one_and_two_dimensions() -> None:
    np = pytest.importorskip("numpy")
    assert to_table(np.array([1.0, np.nan])).rows == [[1.0], [None]]
    assert to_table(np.arange(4).reshape(2, 2)).rows == [[0, 1], [2, 3]]


def test_the_app_test_value_is_a_pandas_frame() -> None:
    pytest.importorskip("pandas")
    at = AppTest.from_string("import rillet as st\nst.dataframe({'a': [1, 2]})").run()
    assert at.dataframe[0].value["a"].tolist() == [1, 2]


def test_column_order_config_and_hide_index() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.dataframe(
            {"a": [1], "b": [2], "c": [3]},
            column_order=["c", "a", "missing"],
            column_config={"a": "Alpha", "c": {"label": "Gamma"}, "b": None},
            hide_index=True,
            height=300,
            width=400,
        )
        """
    ).run()
    frame = at.dataframe[0]
    assert frame.data["columns"] == ["Gamma", "Alpha"]
    assert frame.data["data"] == [[3, 1]]
    assert (frame.proto.hide_index, frame.proto.height, frame.proto.width) == (True, 300, 400)


def test_hiding_the_index_through_column_config() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.dataframe({'a': [1]}, column_config={'_index': None})"
    ).run()
    assert at.dataframe[0].proto.hide_index


def test_table_is_a_static_table_apart_from_dataframes() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.table([{"name": "Ada"}])
        st.dataframe([{"name": "Alan"}])
        """
    ).run()
    assert [t.data["data"] for t in at.table] == [[["Ada"]]]
    assert [d.data["data"] for d in at.dataframe] == [[["Alan"]]]


def test_write_shows_a_pandas_frame_as_a_dataframe() -> None:
    pytest.importorskip("pandas")
    at = AppTest.from_string(
        "import pandas as pd\nimport rillet as st\nst.write('Data:', pd.DataFrame({'a': [1]}))"
    ).run()
    assert at.markdown.values == ["Data:"]
    assert at.dataframe[0].data["data"] == [[1]]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.dataframe('text')", "st.dataframe: `data` must be"),
        ("st.dataframe(42)", "st.dataframe: `data` must be"),
        ("st.dataframe({'a': [1, 2], 'b': [1]})", "of one length"),
        ("st.dataframe([{'a': 1}, [1]])", "all dicts, all lists or all scalars"),
        ("st.dataframe({'a': [1]}, height=-5)", "st.dataframe: `height` must be"),
        ("st.dataframe({'a': [1]}, width='wide')", "st.dataframe: `width` must be"),
        ("st.dataframe({'a': [1]}, on_select='rerun')", "st.dataframe: `on_select` must be"),
        ("st.dataframe({'a': [1]}, column_config={'a': 3})", "`column_config` must be"),
        ("st.table(3.5)", "st.table: `data` must be"),
        ("import numpy as np; st.dataframe(np.zeros((2, 2, 2)))", "1-D or 2-D"),
    ],
)
def test_bad_table_input_is_explained(call: str, message: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}").run()
    assert message in at.exception[0].message


def test_html_from_a_string_a_css_file_and_a_repr_html_object(tmp_path: Path) -> None:
    css = tmp_path / "style.css"
    css.write_text("p { color: red }")
    at = AppTest.from_string(
        """
        import rillet as st
        class Card:
            def _repr_html_(self):
                return "<div>card</div>"
        st.html("<b>bold</b>")
        st.html(st.session_state.css)
        st.html(Card())
        """
    )
    at.session_state["css"] = css
    at.run()
    assert [h.proto.body for h in at.get("html")] == [
        "<b>bold</b>",
        "<style>p { color: red }</style>",
        "<div>card</div>",
    ]


def test_importing_rillet_does_not_import_pandas_or_numpy() -> None:
    code = "import sys, rillet; print(sorted(m for m in ('pandas', 'numpy', 'PIL') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
