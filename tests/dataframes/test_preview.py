"""A small st.dataframe's first rows as JSON (``DataFrame.first_rows_json``), drawn before the grid loads."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rillet.dataframes.convert import to_table
from rillet.dataframes.preview import PREVIEW_BYTES, PREVIEW_ROWS, first_rows_json
from rillet.testing import AppTest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "bundled_frontend" / "tests" / "fixtures"


def preview(data: Any) -> dict[str, Any]:
    text = first_rows_json(to_table(data))
    assert text != ""
    parsed: dict[str, Any] = json.loads(text)
    return parsed


def element(script: str, kind: str = "dataframe") -> Any:
    at = AppTest.from_string("import rillet as st\n" + script).run()
    assert len(at.exception) == 0, at.exception[0].message
    node = getattr(at, kind)[0]._node.element  # as the last delta carries it
    assert node is not None
    return node.dataframe


def test_values_of_each_kind_are_those_the_clients_arrow_reader_gives() -> None:
    doc = preview(
        {
            "i": [1, None, -3],
            "f": [1.5, float("nan"), float("inf")],
            "s": ["a", None, "é"],
            "b": [True, None, False],
            "t": [dt.datetime(2024, 1, 2, 3, 4, 5, 678901), None, dt.datetime(1960, 1, 1)],
            "d": [dt.date(2024, 1, 2), None, dt.date(1969, 12, 31)],
            "none": [None, None, None],
        }
    )
    assert doc["n"] == 3
    assert doc["k"] == ["int", "int", "float", "string", "bool", "datetime", "date", "null"]
    index, i, f, s, b, t, d, none = doc["c"]
    assert index == [0, 1, 2]
    assert i == [1, None, -3]
    assert f[:2] == [1.5, None] and math.isinf(f[2])  # NaN is missing; JSON's 1e999 is infinity
    assert s == ["a", None, "é"]
    assert b == [True, None, False]
    # Epoch milliseconds (a fraction for microseconds), as the Arrow reader divides them.
    assert t == [1704164645678.901, None, -315619200000]
    assert d == [1704153600000, None, -86400000]
    assert none == [None, None, None]


def test_a_float_column_without_missing_values_travels_as_its_bytes() -> None:
    import base64
    import struct

    values = [0.1, -2.5, float("inf"), 1e300]
    column = preview({"x": values})["c"][1]
    assert column.startswith("f8:")
    assert list(struct.unpack("<4d", base64.b64decode(column[3:]))) == values


def test_pandas_times_durations_and_categories_keep_their_values() -> None:
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "when": pd.to_datetime(["2024-01-02 03:04:05"]).tz_localize("UTC"),
            "clock": [dt.time(1, 2, 3, 4000)],
            "span": pd.to_timedelta(["1s"]),
            "cat": pd.Categorical(["x"]),
        }
    )
    doc = preview(frame)
    assert doc["k"] == ["int", "datetime", "time", "timedelta", "string"]
    assert [column[0] for column in doc["c"]] == [0, 1704164645000, 3723004, 1000, "x"]


def test_only_the_rows_the_client_samples_for_widths_are_sent() -> None:
    doc = preview({"a": list(range(1000))})
    assert doc["n"] == 1000
    assert doc["c"][1] == list(range(PREVIEW_ROWS))


def test_a_preview_over_its_cap_is_not_sent() -> None:
    rows = ["x" * (PREVIEW_BYTES // PREVIEW_ROWS) for _ in range(PREVIEW_ROWS)]
    assert first_rows_json(to_table({"long": rows})) == ""
    assert first_rows_json(to_table({"short": rows[:10]})) != ""


def test_an_int_the_client_cannot_hold_exactly_gets_no_preview() -> None:
    assert first_rows_json(to_table({"big": [2**60]})) == ""
    assert first_rows_json(to_table({"big": [2**53 - 1]})) != ""


def test_a_small_dataframe_carries_its_first_rows() -> None:
    frame = element("st.dataframe({'a': [1, 2], 's': ['x', None]})")
    assert json.loads(frame.first_rows_json)["c"][1:] == [[1, 2], ["x", None]]


def test_tables_the_client_does_not_draw_early_carry_no_first_rows() -> None:
    assert element("st.table({'a': [1, 2]})", "table").first_rows_json == ""
    assert element("st.data_editor({'a': [1, 2]})", "data_editor").first_rows_json == ""
    # Over the first paint's 256 KB of Arrow (one part of about 600 KB; then a sliced table).
    assert element("st.dataframe({'s': [f'row {i}' for i in range(30_000)]})").first_rows_json == ""
    assert (
        element("st.dataframe({'s': [f'row {i}' for i in range(100_000)]})").first_rows_json == ""
    )


def test_a_styled_table_carries_no_first_rows() -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("jinja2")
    script = "import pandas as pd\nst.dataframe(pd.DataFrame({'a': [1, 2]}).style.format('{:.1f}'))"
    assert element(script).first_rows_json == ""


def test_the_size_checked_counts_the_first_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    from rillet.api import tables

    sizes: list[int] = []
    check = tables.too_large

    def recording(frame: Any, command: str) -> Any:
        sizes.append(frame.size())
        return check(frame, command)

    monkeypatch.setattr(tables, "too_large", recording)
    # A one-part table (over the inline 32 KB) with first rows: the part and the JSON both counted.
    at = AppTest.from_string(
        "import rillet as st\nst.dataframe({'s': [f'row {i}' for i in range(4000)]})\n"
    )
    at.run()
    element = at.dataframe[0]._node.element
    assert element is not None
    assert element.dataframe.first_rows_json != "" and len(element.dataframe.parts) == 1
    assert sizes == [len(element.SerializeToString())]


def test_a_table_of_plain_values_is_previewed_without_numpy_or_pandas() -> None:
    code = (
        "import sys\n"
        "from rillet.dataframes.convert import to_table\n"
        "from rillet.dataframes.preview import first_rows_json\n"
        "assert first_rows_json(to_table({'a': [1, 2], 's': ['x', None]}))\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'pyarrow') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_clients_first_rows_fixture_is_up_to_date() -> None:
    pytest.importorskip("pandas")
    spec = importlib.util.spec_from_file_location(
        "make_first_rows", FIXTURES / "make_first_rows.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    written = (FIXTURES / "firstRows.json").read_text(encoding="utf-8")
    assert module.document() == written, "run bundled_frontend/tests/fixtures/make_first_rows.py"
