from __future__ import annotations

import json
from typing import Any

import pytest

from rillet.testing import AppTest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")


def edited(data: str, edits: dict[str, Any], *, extra: str = "", setup: str = "") -> Any:
    """Run ``st.data_editor(data)``, apply ``edits`` through AppTest, return what the script got."""
    at = AppTest.from_string(
        f"""
        import rillet as st
        {setup}
        result = st.data_editor({data}, key="ed"{extra})
        st.session_state["result"] = result
        """
    ).run()
    assert len(at.exception) == 0, at.exception[0].message
    at.data_editor[0].set_value(edits).run()
    assert len(at.exception) == 0, at.exception[0].message
    return at.session_state["result"], at


def test_the_editor_returns_its_input_unchanged_before_any_edit() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.session_state.out = st.data_editor([{'a': 1}], key='ed')"
    ).run()
    assert at.session_state["out"] == [{"a": 1}]
    assert at.session_state["ed"] == {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    assert at.data_editor[0].editing_mode == "fixed"
    assert at.dataframe[0].value["a"].tolist() == [
        1
    ]  # listed among dataframes too, as in Streamlit


def test_a_pandas_frame_comes_back_edited_with_its_dtypes() -> None:
    result, at = edited(
        "pd.DataFrame({'n': [1, 2], 's': ['a', 'b'], 'f': [0.5, 1.5]})",
        {"edited_rows": {0: {"n": 7, "s": "z"}}},
        setup="import pandas as pd",
    )
    assert result.to_dict("list") == {"n": [7, 2], "s": ["z", "b"], "f": [0.5, 1.5]}
    assert [str(t) for t in result.dtypes] == ["int64", "str", "float64"]
    assert at.session_state["ed"]["edited_rows"] == {0: {"n": 7, "s": "z"}}


def test_added_and_deleted_rows_with_dynamic_rows() -> None:
    result, _ = edited(
        "pd.DataFrame({'n': [1, 2, 3]})",
        {"added_rows": [{"n": 9}], "deleted_rows": [1]},
        extra=", num_rows='dynamic'",
        setup="import pandas as pd",
    )
    assert result["n"].tolist() == [1, 3, 9]
    assert result.index.tolist() == [0, 2, 3]  # as Streamlit: labels kept, the new one next


@pytest.mark.parametrize(
    ("data", "edits", "expected"),
    [
        ("[{'a': 1, 'b': 'x'}]", {"edited_rows": {0: {"a": 5}}}, [{"a": 5, "b": "x"}]),
        ("{'a': [1, 2]}", {"edited_rows": {1: {"a": 5}}}, {"a": [1, 5]}),
        ("[[1, 2], [3, 4]]", {"edited_rows": {0: {"1": 9}}}, [[1, 9], [3, 4]]),
        ("[1, 2, 3]", {"edited_rows": {2: {"value": 0}}}, [1, 2, 0]),
    ],
)
def test_plain_python_data_comes_back_in_its_own_shape(
    data: str, edits: dict[str, Any], expected: Any
) -> None:
    result, _ = edited(data, edits)
    assert result == expected


def test_numpy_polars_and_pyarrow_come_back_as_themselves() -> None:
    np = pytest.importorskip("numpy")
    result, _ = edited(
        "np.array([[1, 2], [3, 4]])", {"edited_rows": {1: {"0": 8}}}, setup="import numpy as np"
    )
    assert isinstance(result, np.ndarray) and result.tolist() == [[1, 2], [8, 4]]
    pl = pytest.importorskip("polars")
    result, _ = edited(
        "pl.DataFrame({'a': [1, 2]})", {"edited_rows": {0: {"a": 5}}}, setup="import polars as pl"
    )
    assert isinstance(result, pl.DataFrame) and result["a"].to_list() == [5, 2]
    assert result.schema["a"] == pl.Int64
    pa = pytest.importorskip("pyarrow")
    result, _ = edited(
        "pa.table({'a': [1, 2]})", {"edited_rows": {0: {"a": 5}}}, setup="import pyarrow as pa"
    )
    assert isinstance(result, pa.Table) and result.column("a").to_pylist() == [5, 2]


@pytest.mark.parametrize(
    ("config", "value"),
    [
        ("st.column_config.NumberColumn(max_value=10)", 11),
        ("st.column_config.NumberColumn(min_value=0)", -1),
        ("st.column_config.NumberColumn(required=True)", None),
        ("st.column_config.TextColumn(validate='^[a-z]+$')", "ABC"),
        ("st.column_config.TextColumn(max_chars=3)", "abcd"),
        ("st.column_config.SelectboxColumn(options=['a', 'b'])", "c"),
        ("st.column_config.Column(disabled=True)", "new"),
        ("None", "hidden-but-valid-text"),
    ],
)
def test_an_edit_that_breaks_the_column_config_is_refused_and_others_are_kept(
    config: str, value: Any
) -> None:
    data = (
        "{'c': ['a', 'b'], 'other': ['x', 'y']}"
        if "Number" not in config
        else "{'c': [1, 2], 'other': ['x', 'y']}"
    )
    result, at = edited(
        data,
        {"edited_rows": {0: {"c": value, "other": "kept"}}},
        extra=f", column_config={{'c': {config}}}",
    )
    if config == "None":  # a hidden column is still editable data: the edit stays
        assert result["c"][0] == value
        return
    assert result["c"][0] in ("a", 1)
    assert result["other"] == ["kept", "y"]
    assert at.session_state["ed"]["edited_rows"] == {0: {"other": "kept"}}


def test_a_value_of_the_wrong_type_is_refused() -> None:
    result, _ = edited("{'n': [1, 2]}", {"edited_rows": {0: {"n": "many"}, 1: {"n": 4}}})
    assert result == {"n": [1, 4]}


def test_fixed_rows_refuse_added_and_deleted_rows() -> None:
    result, at = edited("{'n': [1, 2]}", {"added_rows": [{"n": 3}], "deleted_rows": [0]})
    assert result == {"n": [1, 2]}
    assert at.session_state["ed"] == {"edited_rows": {}, "added_rows": [], "deleted_rows": []}


def test_disabled_columns_and_a_disabled_editor() -> None:
    result, _ = edited(
        "{'a': [1], 'b': [2]}",
        {"edited_rows": {0: {"a": 5, "b": 6}}},
        extra=", disabled=['a']",
    )
    assert result == {"a": [1], "b": [6]}
    at = AppTest.from_string("import rillet as st\nst.data_editor({'a': [1]}, disabled=True)").run()
    assert at.data_editor[0].disabled
    proto = at.data_editor[0].proto
    assert proto.common.disabled and proto.editing_mode == "fixed"


def test_a_malformed_edit_message_is_refused_and_the_session_goes_on() -> None:
    from rillet.dataframes.editing import ColumnRules
    from rillet.dataframes.state import EditsSerde
    from rillet.protocol import rillet_pb2 as pb

    serde = EditsSerde(2, {"a": ColumnRules("int")}, "dynamic", False)
    for bad in (
        "not json",
        "[1, 2]",
        '{"edited_rows": {"9": {"a": 1}}}',
        '{"edited_rows": {"x": {"a": 1}}}',
        '{"edited_rows": {"0": {"nope": 1}}}',
        '{"added_rows": "row"}',
        '{"deleted_rows": [true]}',
        '{"surprise": 1}',
    ):
        value = serde.deserialize(pb.WidgetState(json_value=bad))
        assert value == {"edited_rows": {}, "added_rows": [], "deleted_rows": []}, bad
    good = serde.deserialize(pb.WidgetState(json_value='{"edited_rows": {"1": {"a": 3}}}'))
    assert good["edited_rows"] == {1: {"a": 3}}


def test_the_element_carries_the_accepted_edits_back_to_the_client() -> None:
    _, at = edited("{'n': [1, 2]}", {"edited_rows": {0: {"n": 5}, 1: {"n": "bad"}}})
    sent = json.loads(at.data_editor[0].proto.value_json)
    assert sent == {"edited_rows": {"0": {"n": 5}}, "added_rows": [], "deleted_rows": []}


def test_on_change_runs_before_the_script_with_the_new_edits() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        def changed():
            st.session_state.seen = st.session_state.ed["edited_rows"]
        st.data_editor({"n": [1]}, key="ed", on_change=changed)
        """
    ).run()
    at.data_editor[0].set_value({"edited_rows": {0: {"n": 2}}}).run()
    assert at.session_state["seen"] == {0: {"n": 2}}


def test_edits_inside_a_form_wait_for_the_submit_button() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        with st.form("f"):
            out = st.data_editor({"n": [1]}, key="ed")
            st.form_submit_button("Save")
        st.session_state.out = out
        """
    ).run()
    at.data_editor[0].set_value({"edited_rows": {0: {"n": 2}}}).run()
    assert at.session_state["out"] == {"n": [1]}
    at.data_editor[0].set_value({"edited_rows": {0: {"n": 2}}})
    at.button[0].click().run()
    assert at.session_state["out"] == {"n": [2]}


def test_edit_state_seeded_through_session_state_before_the_run() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.session_state.out = st.data_editor({'n': [1, 2]}, key='ed')"
    )
    at.session_state["ed"] = {"edited_rows": {1: {"n": 5}}, "added_rows": [], "deleted_rows": []}
    at.run()
    assert at.session_state["out"] == {"n": [1, 5]}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.data_editor({'a': [1]}, num_rows='many')", "`num_rows` must be"),
        ("st.data_editor({'a': [1]}, disabled=5)", "`disabled` must be"),
        ("st.data_editor({'a': [1]}, disabled=[5])", "`disabled` must be"),
        ("st.data_editor({'a': [1]}, on_change=3)", "`on_change` must be"),
        ("st.data_editor(object())", "`data` must be"),
    ],
)
def test_bad_editor_arguments_are_explained(call: str, message: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}").run()
    assert message in at.exception[0].message


def test_the_tables_sample_orders_what_was_edited() -> None:
    from pathlib import Path

    sample = Path(__file__).parents[2] / "samples" / "tables" / "app.py"
    at = AppTest.from_file(str(sample), default_timeout=10).run()
    assert at.table[0].value["item"].tolist() == ["*No orders yet*"]
    at.data_editor[0].set_value({"edited_rows": {1: {"quantity": 30, "urgent": True}}}).run()
    assert at.table[0].value.to_dict("records") == [
        {"item": "Nuts", "quantity": 30, "urgent": True}
    ]


def test_the_editor_tells_the_client_why_an_edit_was_refused() -> None:
    _, at = edited(
        "{'n': [1, 2]}",
        {"edited_rows": {0: {"n": 50}}, "added_rows": [{"n": 1}]},
        extra=", column_config={'n': st.column_config.NumberColumn(max_value=10)}",
    )
    errors = json.loads(at.data_editor[0].proto.edit_errors_json)
    assert errors == [
        {"row": 0, "column": "n", "reason": "50 is above the maximum 10"},
        {"reason": "rows cannot be added (num_rows='fixed')"},
    ]
    assert at.session_state["ed"] == {"edited_rows": {}, "added_rows": [], "deleted_rows": []}
    at.data_editor[0].set_value({"edited_rows": {0: {"n": 5}}}).run()
    assert at.data_editor[0].proto.edit_errors_json == ""


def test_an_editor_over_the_message_size_limit_shows_an_error_and_returns_its_data(
    tmp_path: Any,
) -> None:
    (tmp_path / ".rillet").mkdir()
    (tmp_path / ".rillet" / "config.toml").write_text("[server]\nmaxMessageSize = 1\n")
    script = tmp_path / "app.py"
    script.write_text(
        "import numpy as np, pandas as pd, rillet as st\n"
        "data = pd.DataFrame({'n': np.arange(200_000)})\n"
        "st.session_state.same = st.data_editor(data, key='ed') is data\n"
        "st.write('after')\n"
    )
    at = AppTest.from_file(str(script)).run()
    message = at.exception[0].message
    assert "`st.data_editor`: the table is 3.2 MB" in message
    assert "message size limit of 1 MB (`server.maxMessageSize`)" in message
    assert at.session_state["same"] is True and at.markdown.values == ["after"]
    assert len(at.data_editor) == 0
