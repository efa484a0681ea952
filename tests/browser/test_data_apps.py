"""What a data app's tables show in Chromium: the texts Streamlit 1.67 shows.

One app, served once for the module, holds the tables whose cells the client
formats: a Styler's display values (format dicts and callables, na_rep),
missing values of each dtype (with and without ``placeholder``), date, time
and datetime formats, number formats with affixes, lists and JSON. The
expected texts are what Streamlit 1.67's grid draws for the same app (its
cells are drawn on a canvas, so they were read from a screenshot of
Streamlit serving this very source; its accessible table holds the raw
values, not the shown ones).
"""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from rillet.runtime.config import Config
from rillet.runtime.runtime import Runtime
from rillet_server import Server
from tests.browser.test_dataframe import GRID, cell

pytestmark = pytest.mark.browser

APP = """
import datetime
import pandas as pd
import rillet as st
cc = st.column_config
st.dataframe(pd.DataFrame({"price": [1234.5, None], "share": [0.1234, 1.0], "name": ["ab", None]}).style.format(
    {"price": "${:,.2f}", "share": "{:.1%}", "name": lambda v: str(v).upper()}, na_rep="—"), hide_index=True)
miss = pd.DataFrame({"f": [1.5, None], "s": ["x", None], "t": pd.to_datetime(["2024-01-02 03:04", None]),
                     "i": pd.array([1, None], dtype="Int64"), "b": pd.array([True, None], dtype="boolean")})
st.dataframe(miss, hide_index=True)
st.dataframe(miss, hide_index=True, placeholder="-")
dates = pd.DataFrame({"d": [datetime.date(2024, 1, 2)], "d2": [datetime.date(2024, 3, 9)],
                      "t": [datetime.time(13, 5)], "dt": pd.to_datetime(["2024-06-01 08:30:15.123"])})
st.dataframe(dates, hide_index=True, column_config={"d": cc.DateColumn(format="DD MMM YYYY"),
    "d2": cc.DateColumn(format="ddd, MMM D"), "t": cc.TimeColumn(format="h:mm a"),
    "dt": cc.DatetimeColumn(format="YYYY-MM-DD HH:mm")})
st.dataframe(dates, hide_index=True)
nums = pd.DataFrame({"a": [36, 41], "c": [21.456, -3.0], "e": [1234.5, 0.5]})
st.dataframe(nums, hide_index=True, column_config={"a": cc.NumberColumn(format="%d years"),
    "c": cc.NumberColumn(format="%.2f °C"), "e": cc.NumberColumn(format="euro")})
st.dataframe(pd.DataFrame({"l": [["a", "b"], []], "n": [[1, 2], [3]], "j": [{"k": 1}, {"x": [1, 2]}]}),
             hide_index=True, column_config={"j": cc.JsonColumn()})
st.dataframe(pd.DataFrame({"id": [2**53 + 1, 7], "n": [1, 2]}), hide_index=True)
styled = pd.DataFrame({"a": [1, 5], "b": [-3.0, 3.25]}, index=["r1", "r2"])
st.dataframe(styled.style.background_gradient(cmap="Blues", subset=["a"]))
st.dataframe(styled.style.format(precision=1).highlight_max(color="yellow"))
st.table(pd.DataFrame({"f": [1234567.891, None, 1e-7], "i": [1, 2, 3], "s": ["a", None, "c"],
                       "t": pd.to_datetime(["2024-01-02 03:04", None, None])}))
st.table(pd.DataFrame({"price": [1234.5, None]}).style.format("${:,.2f}", na_rep="—"))
st.write("ready")
"""


@pytest.fixture(scope="module")
def tables(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The app open in one page of one server, shared by the module's tests."""
    script = tmp_path_factory.mktemp("data_apps") / "app.py"
    script.write_text(textwrap.dedent(APP), encoding="utf-8")
    logging.getLogger("tornado").setLevel(logging.CRITICAL)
    config = Config.from_flags(
        {
            "server.port": 0,
            "server.address": "127.0.0.1",
            "server.headless": True,
            "server.fileWatcherType": "none",
        }
    )
    server = Server(Runtime(Path(script), config), config)
    port = server.start_in_thread()
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(f"http://127.0.0.1:{port}/")
        page.get_by_text("ready", exact=True).wait_for(timeout=60_000)
        grids = page.locator(GRID)
        expect(grids).to_have_count(10)
        # Each table's grid has taken the first paint's place (its cells carry positions).
        for i in range(10):
            cell(grids.nth(i), 0, 1).wait_for()
        yield page
    finally:
        context.close()
        server.stop()
    assert errors == [], f"the page threw: {errors}"


def grid(page: Any, i: int) -> Any:
    return page.locator(GRID).nth(i)


def texts(grid: Any, rows: int, columns: int) -> list[list[str]]:
    """The shown texts of the first ``rows`` by ``columns`` data cells (column 0 is the index)."""
    return [
        [cell(grid, r, c).inner_text().strip() for c in range(1, columns + 1)] for r in range(rows)
    ]


def test_a_stylers_display_values_show_and_missing_cells_read_none(tables: Any) -> None:
    # Streamlit shows a missing cell as "None" even where the Styler's na_rep says otherwise.
    assert texts(grid(tables, 0), 2, 3) == [
        ["$1,234.50", "12.3%", "AB"],
        ["None", "100.0%", "None"],
    ]


def test_missing_values_of_each_dtype_read_none_or_the_placeholder(tables: Any) -> None:
    assert texts(grid(tables, 1), 2, 4) == [
        ["1.5", "x", "2024-01-02 03:04:00", "1"],
        ["None", "None", "None", "None"],
    ]
    assert texts(grid(tables, 2), 2, 4)[1] == ["-", "-", "-", "-"]


def test_date_time_and_datetime_formats_show_as_in_streamlit(tables: Any) -> None:
    assert texts(grid(tables, 3), 1, 4) == [
        ["02 Jan 2024", "Sat, Mar 9", "1:05 pm", "2024-06-01 08:30"]
    ]
    # Whole seconds by default, milliseconds or not.
    assert texts(grid(tables, 4), 1, 4) == [
        ["2024-01-02", "2024-03-09", "13:05:00", "2024-06-01 08:30:15"]
    ]


def test_number_formats_with_affixes_show_as_in_streamlit(tables: Any) -> None:
    assert texts(grid(tables, 5), 2, 3) == [
        ["36 years", "21.46 °C", "€1,234.50"],
        ["41 years", "-3.00 °C", "€0.50"],
    ]


def test_lists_show_as_items_and_json_as_compact_text(tables: Any) -> None:
    lists = grid(tables, 6)
    assert [row[2] for row in texts(lists, 2, 3)] == ['{"k":1}', '{"x":[1,2]}']
    first = cell(lists, 0, 1)
    assert [t.strip() for t in first.locator("*").all_inner_texts() if t.strip()][-2:] == ["a", "b"]


def test_a_stylers_floats_show_its_precision_even_unformatted(tables: Any) -> None:
    # pandas' default Styler precision is 6: Streamlit shows -3.000000, not -3.
    assert [row[1] for row in texts(grid(tables, 8), 2, 2)] == ["-3.000000", "3.250000"]
    assert [row[1] for row in texts(grid(tables, 9), 2, 2)] == ["-3.0", "3.2"]


def test_st_table_shows_floats_with_four_decimals_and_missing_cells_blank(tables: Any) -> None:
    plain, styled = tables.locator(".rl-dg-table table").all()
    rows = [
        [c.strip() for c in r.locator("td").all_inner_texts()]
        for r in plain.locator("tbody tr").all()
    ]
    assert rows == [
        ["1,234,567.8910", "1", "a", "2024-01-02 03:04:00"],
        ["", "2", "", ""],
        ["0.0000", "3", "c", ""],
    ]
    # A Styler's na_rep does show in st.table (it does not in st.dataframe).
    assert [t.strip() for t in styled.locator("td").all_inner_texts()] == ["$1,234.50", "—"]


def test_an_integer_past_2_to_the_53_shows_whole_and_the_table_draws(tables: Any) -> None:
    # It cannot be a JavaScript number: it shows as Streamlit shows it, not an error.
    assert texts(grid(tables, 7), 2, 2) == [["9007199254740993", "1"], ["7", "2"]]
