from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rillet.testing import AppTest

pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")  # AppTest reads a table's value back with pyarrow


def shown(script: str) -> Any:
    at = AppTest.from_string("import rillet as st\n" + script).run()
    assert len(at.exception) == 0, at.exception[0].message
    return at.dataframe[0].value


def test_a_dict_of_lists_is_columns_with_a_range_index() -> None:
    frame = shown("st.dataframe({'a': [1, 2], 'b': ['x', 'y']})")
    assert frame.to_dict("split") == {
        "index": [0, 1],
        "columns": ["a", "b"],
        "data": [[1, "x"], [2, "y"]],
    }


def test_a_list_of_dicts_is_rows_with_missing_values() -> None:
    frame = shown("st.dataframe([{'a': 1}, {'b': 2.5, 'a': None}])")
    assert frame.columns.tolist() == ["a", "b"]
    assert frame["b"].isna().tolist() == [True, False]


def test_a_list_of_lists_gets_numbered_columns_as_in_streamlit() -> None:
    frame = shown("st.dataframe([[1, 2], [3, 4]])")
    assert frame.columns.tolist() == [0, 1]


def test_a_list_of_values_a_tuple_and_a_set_are_one_value_column() -> None:
    for data in ("[1, 2]", "(1, 2)", "{1, 2}"):
        assert shown(f"st.dataframe({data})").columns.tolist() == ["value"]


def test_a_dict_of_scalars_is_one_value_column_indexed_by_key() -> None:
    frame = shown("st.dataframe({'rows': 3, 'cols': 2})")
    assert frame.index.tolist() == ["rows", "cols"]
    assert frame["value"].tolist() == [3, 2]


def test_none_is_an_empty_table() -> None:
    assert shown("st.dataframe()").empty


def test_a_pandas_frame_keeps_its_index_dtypes_and_missing_values() -> None:
    frame = shown(
        "import pandas as pd\n"
        "st.dataframe(pd.DataFrame({'when': pd.to_datetime(['2024-01-02', None]),"
        " 'x': [1.5, float('nan')], 'n': pd.array([1, None], dtype='Int64')}, index=['r1', 'r2']))"
    )
    assert frame.index.tolist() == ["r1", "r2"]
    assert str(frame["n"].dtype) == "Int64"
    assert frame["when"].isna().tolist() == [False, True]
    assert frame["x"].isna().tolist() == [False, True]


def test_numpy_and_polars_need_no_pyarrow_to_be_sent() -> None:
    code = (
        "import sys\n"
        "sys.modules['pyarrow'] = None\n"
        "import numpy as np\n"
        "from rillet.dataframes import to_arrow_ipc\n"
        "print(len(to_arrow_ipc(np.arange(6).reshape(3, 2))) > 0)\n"
        "import pandas as pd\n"
        "print(len(to_arrow_ipc(pd.DataFrame({'a': [1.5], 's': ['x']}))) > 0)\n"
        "try:\n    import polars as pl\nexcept ImportError:\n    print(True)\nelse:\n"
        "    print(len(to_arrow_ipc(pl.DataFrame({'a': [1], 's': ['x']}))) > 0)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "True", "True"]


def test_column_order_config_and_hide_index_travel_beside_the_table() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.dataframe(
            {"a": [1], "b": [2], "c": [3]},
            column_order=["c", "a"],
            column_config={
                "a": "Alpha",
                "b": None,
                "c": st.column_config.NumberColumn("Gamma", format="dollar", min_value=0),
            },
            hide_index=True,
            height=300,
            width=400,
            row_height=40,
            placeholder="-",
        )
        """
    ).run()
    proto = at.dataframe[0].proto
    assert list(proto.column_order) == ["c", "a"]
    assert json.loads(proto.column_config_json) == {
        "a": {"label": "Alpha"},
        "b": {"hidden": True},
        "c": {
            "label": "Gamma",
            "type_config": {"type": "number", "min_value": 0, "format": "dollar"},
        },
        "_index": {"hidden": True},
    }
    assert (proto.hide_index, proto.height, proto.width) == (True, 300, 400)
    assert (proto.row_height, proto.placeholder, proto.height_mode) == (40, "-", "")


def test_the_columns_say_what_kind_of_values_they_hold() -> None:
    at = AppTest.from_string(
        """
        import datetime, decimal
        import pandas as pd
        import rillet as st
        st.dataframe(pd.DataFrame({
            "cat": pd.Categorical(["x", "y"]),
            "tz": pd.to_datetime(["2024-01-01", "2024-01-02"]).tz_localize("Europe/Oslo"),
            "iv": pd.arrays.IntervalArray.from_breaks([0, 1, 2]),
            "nested": [[1, 2], None],
            "mixed": [1, "a"],
            "dec": [decimal.Decimal("1.25"), None],
        }))
        """
    ).run()
    kinds = {c["name"]: c for c in at.dataframe[0].columns}
    assert kinds["_index"]["index"] is True
    assert kinds["cat"]["kind"] == "categorical" and kinds["cat"]["options"] == ["x", "y"]
    assert (kinds["tz"]["kind"], kinds["tz"]["tz"]) == ("datetime", "Europe/Oslo")
    assert [kinds[n]["kind"] for n in ("iv", "nested", "mixed", "dec")] == [
        "interval",
        "list",
        "object",
        "decimal",
    ]


def test_a_styler_sends_display_text_colours_and_caption() -> None:
    pytest.importorskip("jinja2")
    at = AppTest.from_string(
        """
        import pandas as pd
        import rillet as st
        frame = pd.DataFrame({"a": [1.0, 2.5]})
        styler = frame.style.format("{:.2f}").map(lambda v: "color: red" if v > 2 else "")
        st.dataframe(styler.set_caption("Totals"))
        """
    ).run()
    styler = json.loads(at.dataframe[0].proto.styler_json)
    assert styler["caption"] == "Totals"
    assert [0, 0, "1.00", ""] in styler["cells"]
    assert [1, 0, "2.50", "color: red"] in styler["cells"]


def test_add_rows_shows_the_longer_table_in_place() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        table = st.dataframe({"n": [1, 2]})
        table.add_rows({"n": [3]})
        st.write("after")
        """
    ).run()
    assert at.dataframe[0].value["n"].tolist() == [1, 2, 3]
    assert at.dataframe[0].value.index.tolist() == [0, 1, 2]
    assert len(at.dataframe) == 1


def test_table_is_static_with_borders_and_header_options() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.table([{"name": "**Ada**"}], border="horizontal", hide_header=True)
        st.dataframe([{"name": "Alan"}])
        """
    ).run()
    assert at.table[0].value["name"].tolist() == ["**Ada**"]
    assert (at.table[0].proto.border, at.table[0].proto.hide_header) == ("horizontal", True)
    assert at.dataframe[0].value["name"].tolist() == ["Alan"]


def test_write_shows_a_pandas_frame_as_a_dataframe() -> None:
    at = AppTest.from_string(
        "import pandas as pd\nimport rillet as st\nst.write('Data:', pd.DataFrame({'a': [1]}))"
    ).run()
    assert at.markdown.values == ["Data:"]
    assert at.dataframe[0].value["a"].tolist() == [1]


def test_selection_is_returned_and_kept_in_session_state() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        event = st.dataframe(
            {"a": [1, 2, 3]},
            key="picked",
            on_select="rerun",
            selection_mode=["multi-row", "single-column"],
            selection_default={"selection": {"rows": [2]}},
        )
        st.write(event.selection.rows, st.session_state.picked["selection"]["rows"])
        """
    ).run()
    assert [m.value for m in at.json] == ["[2]", "[2]"]
    proto = at.dataframe[0].proto
    assert list(proto.selection_mode) == ["multi-row", "single-column"]
    assert json.loads(proto.value_json)["selection"]["rows"] == [2]
    assert at.dataframe[0].selection.selection.rows == [2]


def test_a_selection_from_the_client_is_checked_against_the_table() -> None:
    from rillet.dataframes.state import SelectionSerde
    from rillet.protocol import rillet_pb2 as pb

    serde = SelectionSerde(rows=3, columns=["a", "b"], modes=["single-row", "multi-cell"])
    good = pb.WidgetState(json_value='{"selection": {"rows": [1], "cells": [[0, "b"], [2, "a"]]}}')
    state = serde.deserialize(good)
    assert (state.selection.rows, state.selection.cells) == ([1], [(0, "b"), (2, "a")])
    for bad in (
        '{"selection": {"rows": [0, 1]}}',  # two rows in single-row mode
        '{"selection": {"rows": [7]}}',
        '{"selection": {"columns": ["a"]}}',  # columns not selectable
        '{"selection": {"cells": [[0, "zz"]]}}',
        "not json",
        "[]",
    ):
        assert serde.deserialize(pb.WidgetState(json_value=bad)).selection.rows == []


def test_a_table_over_the_message_size_limit_shows_an_error_and_the_app_goes_on(
    tmp_path: Path,
) -> None:
    (tmp_path / ".rillet").mkdir()
    (tmp_path / ".rillet" / "config.toml").write_text("[server]\nmaxMessageSize = 1\n")
    script = tmp_path / "app.py"
    script.write_text(
        "import numpy as np\nimport rillet as st\n"
        "st.dataframe(np.zeros((200_000, 2)))\nst.dataframe({'small': [1]})\nst.write('after')\n"
    )
    at = AppTest.from_file(str(script)).run()
    assert "more than the message size limit of 1 MB" in at.exception[0].message
    assert "server.maxMessageSize" in at.exception[0].message
    assert at.markdown.values == ["after"]
    assert len(at.dataframe) == 1


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.dataframe('text')", "st.dataframe: `data` must be"),
        ("st.dataframe(42)", "st.dataframe: `data` must be"),
        ("st.dataframe(object())", "got <object object"),
        ("st.dataframe({'a': [1]}, height=-5)", "st.dataframe: `height` must be"),
        ("st.dataframe({'a': [1]}, width='wide')", "st.dataframe: `width` must be"),
        ("st.dataframe({'a': [1]}, on_select='maybe')", "st.dataframe: `on_select` must be"),
        ("st.dataframe({'a': [1]}, on_select='rerun', selection_mode='all')", "`selection_mode`"),
        (
            "st.dataframe({'a': [1]}, on_select='rerun', selection_mode=['single-row', 'multi-row'])",
            "at most one of 'single-row' and 'multi-row'",
        ),
        ("st.dataframe({'a': [1]}, column_config={'a': 3})", "`column_config['a']` must be"),
        ("st.dataframe({'a': [1]}, column_config={'a': {'width': 'huge'}})", "'small'"),
        ("st.table(3.5)", "st.table: `data` must be"),
        ("st.table({'a': [1]}, border='thick')", "`border` must be"),
        ("import numpy as np; st.dataframe(np.zeros((2, 2, 2)))", "1-D or 2-D"),
    ],
)
def test_bad_table_input_is_explained(call: str, message: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}\nst.write('after')").run()
    assert message in at.exception[0].message
    if "`data` must be" in message:  # names the types accepted
        assert "a pandas DataFrame" in at.exception[0].message


def test_importing_rillet_does_not_import_the_table_code_or_data_libraries() -> None:
    code = (
        "import sys, rillet; print(sorted(m for m in ('pandas', 'numpy', 'pyarrow', "
        "'rillet.dataframes', 'rillet.column_config', 'decimal') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_an_unchanged_large_table_is_sent_once_then_by_hash() -> None:
    from rillet.api.table_frame import column_configs, frame_element
    from rillet.dataframes import to_table
    from rillet.protocol import rillet_pb2 as pb
    from rillet.runtime.outbox import FrameEncoder

    def sent(data: Any) -> pb.DataFrame:
        frame = frame_element(
            to_table(data),
            "dataframe",
            width="stretch",
            height="auto",
            use_container_width=None,
            configs=column_configs(None, "dataframe"),
            column_order=[],
        )
        msg = pb.ForwardMsg(delta=pb.Delta(path=[0, 0], new_element=frame.finished()[0]))
        return pb.ForwardBatch.FromString(encoder.encode([msg])).msgs[0].delta.new_element.dataframe

    encoder = FrameEncoder()
    big = {"n": list(range(20_000))}
    first, again = sent(big), sent(big)
    changed = sent({"n": [*range(19_999), -1]})
    assert not first.arrow and len(first.parts) == 1 and len(first.parts[0].arrow) > 100_000
    assert again.parts[0].hash == first.parts[0].hash and not again.parts[0].arrow
    assert changed.parts[0].hash != first.parts[0].hash and changed.parts[0].arrow
    small = sent({"n": [1]})  # small tables travel inline, whole
    assert small.arrow and not small.parts


def test_cursors_interchange_narwhals_and_arrow_capsule_objects_are_tables() -> None:
    import sqlite3
    import warnings

    from rillet.dataframes import to_table

    connection = sqlite3.connect(":memory:")
    connection.execute("create table t (a int, b text)")
    connection.execute("insert into t values (1, 'x'), (2, null)")
    cursor = to_table(connection.execute("select * from t"))
    assert [(c.name, c.kind) for c in cursor.columns] == [
        ("_index", "int"),
        ("a", "int"),
        ("b", "string"),
    ]
    frame = pd.DataFrame({"a": [1, 2]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # pandas 3 deprecates its interchange protocol
        assert to_table(frame.__dataframe__()).rows == 2
    nw = pytest.importorskip("narwhals")
    assert [c.name for c in to_table(nw.from_native(frame)).columns] == ["_index", "a"]
    pa = pytest.importorskip("pyarrow")

    class Capsule:
        def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
            return pa.table({"z": [1.5]}).__arrow_c_stream__(requested_schema)

    assert [c.kind for c in to_table(Capsule()).columns] == ["int", "float"]


def test_the_outbox_writes_the_same_batch_bytes_as_protobuf() -> None:
    from rillet.protocol import rillet_pb2 as pb
    from rillet.runtime.outbox import FrameEncoder, serialize_batch

    msgs = []
    for size in (0, 1, 127, 128, 300, 16_384, 300_000):
        msg = pb.ForwardMsg()
        msg.delta.path.extend([0, 1])
        msg.delta.new_element.markdown.body = "x" * size
        msgs.append(msg)
    assert FrameEncoder(threshold=10**9).encode(msgs) == serialize_batch(msgs)


def _shown_sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes the message-size check measures, in call order."""
    from rillet.api import tables

    sizes: list[int] = []
    check = tables.too_large

    def recording(frame: Any, command: str) -> Any:
        sizes.append(frame.size())
        return check(frame, command)

    monkeypatch.setattr(tables, "too_large", recording)
    return sizes


@pytest.mark.parametrize(
    "data",
    [
        "{'a': [1, 2, 3]}",  # inline Arrow
        "{'s': [f'row {i}' for i in range(20_000)]}",  # one part
        "{'x': np.arange(300_000, dtype='float64'), 's': [str(i) for i in range(300_000)]}",
    ],
)
def test_the_size_checked_is_the_encoded_size_of_the_table_element(
    data: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    sizes = _shown_sizes(monkeypatch)
    at = AppTest.from_string(f"import numpy as np, rillet as st\nst.dataframe({data})\n").run()
    element = at.dataframe[0]._node.element  # as its last delta carries it: every part whole
    assert element is not None
    assert sizes == [len(element.SerializeToString())]


def test_the_size_limit_holds_to_the_byte(tmp_path: Path) -> None:
    def table_bytes(rows: int, limit: int | None = None) -> tuple[int, AppTest]:
        folder = tmp_path / f"{rows}_{limit}"
        (folder / ".rillet").mkdir(parents=True)
        if limit is not None:
            config = f"[server]\nmaxMessageSize = {limit}\n"
            (folder / ".rillet" / "config.toml").write_text(config)
        script = folder / "app.py"
        script.write_text(
            f"import numpy as np, rillet as st\nst.dataframe(np.zeros({rows}, 'uint8'))\n"
        )
        at = AppTest.from_file(str(script)).run()
        element = at.dataframe[0]._node.element if at.dataframe else None
        return (element.ByteSize() if element is not None else -1), at

    # 9 bytes a row (the uint8 value and the int64 row number): find the
    # largest table of at most 1,000,000 bytes, 8 rows at a time.
    start, _ = table_bytes(80_000)
    rows = 80_000 + (1_000_000 - start) // 72 * 8
    under, _ = table_bytes(rows)
    over, _ = table_bytes(rows + 8)
    assert under <= 1_000_000 < over

    _, shown = table_bytes(rows, limit=1)
    assert len(shown.exception) == 0 and len(shown.dataframe) == 1
    _, refused = table_bytes(rows + 8, limit=1)
    assert len(refused.dataframe) == 0
    message = refused.exception[0].message
    assert f"the table is {over / 1e6:.1f} MB" in message
    assert "message size limit of 1 MB (`server.maxMessageSize`)" in message
