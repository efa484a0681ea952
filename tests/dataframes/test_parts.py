"""Large tables travel as parts kept by hash: sent once, first rows first."""

from __future__ import annotations

import decimal
import json
from typing import Any

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.testing import AppTest

EDITOR_APP = """
import pandas as pd
import rillet as st
data = pd.DataFrame({f"c{i}": range(i, 10_000 + i) for i in range(10)})
edited = st.data_editor(data, key="ed")
st.write(int(edited["c1"].sum()))
"""


def test_an_edit_sends_the_editor_state_but_not_the_table_again(client: Any) -> None:
    app = client(EDITOR_APP)
    (first,) = app.run()
    first_bytes = app.sent_bytes()
    assert len(first.parts) == 1 and len(first.parts[0].arrow) > 100_000

    state = pb.WidgetState(id=first.common.id)
    state.json_value = json.dumps({"edited_rows": {"3": {"c1": 1000}}})
    (edited,) = app.run(pb.WidgetStates(widgets=[state]))

    assert edited.parts[0].hash == first.parts[0].hash
    assert not edited.parts[0].arrow  # the client holds it
    assert json.loads(edited.value_json)["edited_rows"] == {"3": {"c1": 1000}}
    assert app.sent_bytes() < 5_000 < first_bytes


def test_a_large_dataframe_sends_its_first_rows_then_the_rest_at_the_same_path(
    client: Any,
) -> None:
    app = client(
        "import numpy as np, rillet as st\n"
        "st.dataframe({'x': np.arange(300_000, dtype='float64'), 'y': np.arange(300_000)})\n"
    )
    head, whole = app.run()
    assert head.num_rows == 300_000 and len(head.parts) == 1
    assert 64 <= head.parts[0].rows < 300_000 and len(head.parts[0].arrow) < 300_000
    assert [p.rows for p in whole.parts] == [head.parts[0].rows, 300_000 - head.parts[0].rows]
    assert whole.parts[0].hash == head.parts[0].hash and not whole.parts[0].arrow
    assert whole.parts[1].arrow and whole.num_rows == 0

    head, whole = app.run()  # unchanged: nothing but hashes
    assert not any(p.arrow for p in [*head.parts, *whole.parts])
    assert app.sent_bytes() < 2_000


def test_the_other_rows_follow_one_part_per_delta_earlier_parts_as_hashes(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rillet.api import table_frame

    monkeypatch.setattr(table_frame, "REST_PART_BYTES", 1024 * 1024)
    app = client(
        "import numpy as np, rillet as st\n"
        "st.dataframe({'x': np.arange(400_000, dtype='float64')})\n"
    )
    deltas = app.run()
    assert len(deltas) >= 3
    for k, frame in enumerate(deltas):
        assert len(frame.parts) == k + 1
        assert [bool(p.arrow) for p in frame.parts] == [False] * k + [True]
        assert frame.num_rows == (0 if k == len(deltas) - 1 else 400_000)
    assert sum(p.rows for p in deltas[-1].parts) == 400_000
    at = AppTest.from_string(
        "import numpy as np, rillet as st\n"
        "st.dataframe({'x': np.arange(400_000, dtype='float64')})\n"
    ).run()
    assert at.dataframe[0].value["x"].tolist() == list(range(400_000))


def test_apptest_reads_a_table_sent_in_parts_whole() -> None:
    at = AppTest.from_string(
        "import numpy as np, rillet as st\n"
        "st.dataframe({'x': np.arange(200_000), 's': [str(i) for i in range(200_000)]})\n"
    ).run()
    value = at.dataframe[0].value
    assert len(value) == 200_000
    assert value["x"].iloc[-1] == 199_999 and value["s"].iloc[123_457] == "123457"


def test_row_slices_read_back_as_the_same_rows() -> None:
    pa = pytest.importorskip("pyarrow")
    from rillet.dataframes import arrow as a

    n = 45
    columns = [
        ("i", a.from_values([None if i % 7 == 0 else i for i in range(n)], a.INT64)),
        ("f", a.from_values([i / 3 for i in range(n)], a.FLOAT64)),
        ("b", a.from_values([None if i % 5 == 0 else i % 2 == 0 for i in range(n)], a.BOOL)),
        ("s", a.from_values([None if i % 4 == 0 else "é" * (i % 3) for i in range(n)], a.UTF8)),
        ("y", a.from_values([bytes([i]) * (i % 3) for i in range(n)], a.BINARY)),
        (
            "d",
            a.from_values(
                [i * 100 for i in range(n)], a.ArrowType("decimal", 128, 0, "", "", 10, 2)
            ),
        ),
        ("t", a.from_values([i * 10**6 for i in range(n)], a.ArrowType("timestamp", unit="us"))),
        ("z", a.from_values([None] * n, a.NULL)),
    ]
    whole = pa.ipc.open_stream(a.write_stream(columns)).read_all()
    for start, stop in [(0, 8), (8, 45), (16, 17), (40, 45), (0, 45)]:
        part = [(name, a.slice_array(array, start, stop)) for name, array in columns]
        got = pa.ipc.open_stream(a.write_stream(part)).read_all()
        assert got.to_pylist() == whole.slice(start, stop - start).to_pylist()
    assert decimal.Decimal("0.00") == whole.column("d")[0].as_py()
    with pytest.raises(ValueError, match="multiple of 8"):
        a.slice_array(columns[0][1], 3, 9)


LARGE_EDITOR_APP = """
import numpy as np, pandas as pd, rillet as st
data = pd.DataFrame({"x": np.arange(200_000, dtype="float64"), "s": [str(i) for i in range(200_000)]})
edited = st.data_editor(data, key="ed")
st.write(float(edited["x"].sum()))
"""


def test_a_large_editor_sends_its_first_rows_first_and_stays_one_widget(client: Any) -> None:
    app = client(LARGE_EDITOR_APP)
    deltas = app.run()
    assert len(deltas) >= 2
    head, whole = deltas[0], deltas[-1]
    assert head.num_rows == 200_000 and len(head.parts) == 1 and head.parts[0].arrow
    assert head.parts[0].rows < 200_000
    assert {d.common.id for d in deltas} == {whole.common.id} and whole.common.id
    assert all(d.editing_mode == "fixed" for d in deltas)
    assert whole.num_rows == 0 and sum(p.rows for p in whole.parts) == 200_000
    assert not whole.parts[0].arrow  # the client got it in the first delta

    state = pb.WidgetState(id=whole.common.id)
    state.json_value = json.dumps({"edited_rows": {"150000": {"x": -1.0}}})
    edited = app.run(pb.WidgetStates(widgets=[state]))
    assert not any(p.arrow for d in edited for p in d.parts)  # nothing sent again
    for delta in edited:
        assert json.loads(delta.value_json)["edited_rows"] == {"150000": {"x": -1.0}}
    assert app.sent_bytes() < 10_000

    at = AppTest.from_string(LARGE_EDITOR_APP).run()  # AppTest reads it whole
    assert len(at.data_editor[0].value) == 200_000
    at.data_editor[0].set_value({"edited_rows": {3: {"x": 0.5}}}).run()
    assert at.markdown.values == [f"`{float(sum(range(200_000)) - 3 + 0.5)}`"]


def test_a_large_selectable_table_sends_its_first_rows_first(client: Any) -> None:
    app = client(
        "import numpy as np, rillet as st\n"
        "st.dataframe({'x': np.arange(300_000)}, on_select='rerun', key='t')\n"
    )
    deltas = app.run()
    assert len(deltas) >= 2 and deltas[0].num_rows == 300_000
    assert all(d.common.id == deltas[-1].common.id != "" for d in deltas)
    assert list(deltas[-1].selection_mode) == ["multi-row"]
