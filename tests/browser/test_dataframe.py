"""The data grid in Chromium: st.dataframe, st.data_editor and st.table against a real server.

Each app writes what the script received, so an assertion on the page checks
the whole loop: the click or keystroke, the widget value on the wire, the
rerun and the rendered result. Screenshots of a wide, a tall and a
mixed-type table are compared with reference images under
``tests/browser/reference/``, within a tolerance (tests/browser/screenshots.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import received
from tests.browser.screenshots import assert_looks_like

pytestmark = pytest.mark.browser


GRID = "[data-testid=rl-dataframe]"
EDITOR = "[data-testid=rl-data-editor]"


def cell(grid, row: int, col: int):
    """The cell at a data row position and an Arrow column position (the index is column 0)."""
    return grid.locator(f".rl-dg-cell[data-row='{row}'][data-col='{col}']")


def column_texts(grid, col: int) -> list[str]:
    """The texts of one column in the order the rows are drawn on screen."""
    cells = grid.locator(f".rl-dg-row .rl-dg-cell[data-col='{col}']")
    tops = grid.locator(".rl-dg-row").evaluate_all("rows => rows.map(r => parseFloat(r.style.top))")
    texts = cells.all_inner_texts()
    return [text for _, text in sorted(zip(tops, texts, strict=True))]


def test_clicking_a_header_sorts_ascending_then_descending_then_back(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.dataframe({"name": ["b", "c", "a"], "n": [2, 30, 1]})
        st.write("ready")
        """,
        "ready",
    )
    grid = page.locator(GRID)
    expect(cell(grid, 2, 2)).to_have_text("1")
    header = grid.locator(".rl-dg-head", has_text="n").first
    header.click()
    assert column_texts(grid, 2) == ["1", "2", "30"]
    expect(header).to_have_attribute("aria-sort", "ascending")
    header.click()
    assert column_texts(grid, 2) == ["30", "2", "1"]
    header.click()
    assert column_texts(grid, 2) == ["2", "30", "1"]


def test_a_million_rows_scroll_to_the_end_drawing_only_visible_rows(serve, page):
    app = serve(
        """
        import numpy as np
        import pandas as pd
        import rillet as st
        n = 1_000_000
        st.dataframe(pd.DataFrame({"i": np.arange(n), "x": np.arange(n) * 0.5}), height=400)
        st.write("ready")
        """
    )
    page.goto(app.url)
    # 16 MB of Arrow: allow for a busy two-core machine.
    page.get_by_text("ready", exact=True).wait_for(timeout=60_000)
    grid = page.locator(GRID)
    expect(cell(grid, 0, 1)).to_have_text("0")
    drawn = grid.locator(".rl-dg-row").count()
    assert 0 < drawn < 30, f"{drawn} rows in the DOM for a 400 px grid"
    grid.locator(".rl-dg-scroll").evaluate("node => { node.scrollTop = node.scrollHeight; }")
    expect(cell(grid, 999_999, 1)).to_have_text("999999")
    assert grid.locator(".rl-dg-row").count() < 30
    # Keyboard: Ctrl+Home goes back to the first row.
    cell(grid, 999_999, 1).click()
    page.keyboard.press("Control+Home")
    expect(cell(grid, 0, 1)).to_be_visible()


@pytest.mark.parametrize(
    "arguments", ["", ', on_select="rerun", selection_mode="multi-row", key="t"']
)
def test_a_small_table_draws_before_the_grid_loads_and_the_grid_takes_its_place(
    serve, page, arguments
):
    app = serve(
        f"""
        import pandas as pd
        import rillet as st
        data = pd.DataFrame({{"n": range(20), "s": [f"row {{i}}" for i in range(20)]}})
        st.dataframe(data{arguments})
        st.write("ready")
        """
    )
    held: list = []  # the grid's chunk, held back until the first paint is checked
    page.route(re.compile(r"/dataGrid-[^/]*\.js$"), lambda route: held.append(route))
    page.goto(app.url)
    page.get_by_text("ready", exact=True).wait_for()
    first = page.locator("[data-testid=rl-dataframe-first-paint]")
    expect(cell(first, 3, 2)).to_have_text("row 3")
    expect(cell(first, 3, 1)).to_have_text("3")
    scroll_box = first.locator(".rl-dg-scroll").bounding_box()
    cell_box = cell(first, 3, 2).bounding_box()
    marker_box = (
        first.locator(".rl-dg-row .rl-dg-marker").first.bounding_box() if arguments else None
    )
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the grid's chunk was not asked for"
    for route in held:
        route.continue_()
    grid = page.locator(GRID)
    expect(cell(grid, 3, 2)).to_have_text("row 3")
    expect(first).to_have_count(0)
    # No jump: the grid's box and cells are where the first paint drew them.
    assert grid.locator(".rl-dg-scroll").bounding_box() == scroll_box
    assert cell(grid, 3, 2).bounding_box() == cell_box
    if arguments:  # the row markers were drawn too, where the grid draws them
        assert marker_box is not None
        assert grid.locator(".rl-dg-row .rl-dg-marker").first.bounding_box() == marker_box


def test_the_first_paint_shows_the_texts_the_grid_shows_for_each_dtype(serve, page):
    # Drawn from the server's JSON first rows, not the Arrow data: every cell as the grid draws it.
    app = serve(
        """
        import datetime as dt
        import pandas as pd
        import rillet as st
        data = pd.DataFrame({
            "i": pd.array([1, None, 3], dtype="Int64"),
            "f": [1.25, float("nan"), -3e9],
            "s": ["a", None, "é"],
            "t": pd.to_datetime(["2024-01-02 03:04:05.5", None, "1999-12-31"], format="mixed"),
            "z": pd.to_datetime(["2024-06-01 12:00", "2024-01-01 00:00", None]).tz_localize("Europe/Oslo"),
            "d": [dt.date(2024, 1, 2), None, dt.date(1960, 5, 6)],
            "span": pd.to_timedelta(["1 days 02:03:04", None, "-3s"]),
        })
        st.dataframe(data)
        st.write("ready")
        """
    )
    held: list = []
    page.route(re.compile(r"/dataGrid-[^/]*\.js$"), lambda route: held.append(route))
    page.goto(app.url)
    page.get_by_text("ready", exact=True).wait_for()
    first = page.locator("[data-testid=rl-dataframe-first-paint]")
    expect(cell(first, 0, 1)).to_have_text("1")
    drawn = first.locator(".rl-dg-body").inner_text()
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the grid's chunk was not asked for"
    for route in held:
        route.continue_()
    grid = page.locator(GRID)
    expect(first).to_have_count(0)
    expect(cell(grid, 0, 1)).to_have_text("1")
    assert grid.locator(".rl-dg-body").inner_text() == drawn


def test_selecting_rows_reruns_with_positions_in_the_data_as_sent(open_app):
    page, _ = open_app(
        """
        import rillet as st
        event = st.dataframe(
            {"name": ["b", "c", "a"]}, on_select="rerun", selection_mode="multi-row", key="t"
        )
        st.write(f"rows={event.selection.rows}")
        """,
        "rows=[]",
    )
    grid = page.locator(GRID)
    grid.locator(".rl-dg-head", has_text="name").first.click()  # sorted view: a, b, c
    first_on_screen = grid.locator(".rl-dg-row").filter(has_text="a").locator(".rl-dg-marker input")
    first_on_screen.click()
    expect(page.get_by_text("rows=[2]")).to_be_visible()
    grid.locator(".rl-dg-row").filter(has_text="c").locator(".rl-dg-marker input").click()
    expect(page.get_by_text("rows=[1, 2]")).to_be_visible()


def test_selecting_a_column_and_a_cell(open_app):
    page, _ = open_app(
        """
        import rillet as st
        event = st.dataframe(
            {"a": [1, 2], "b": [3, 4]},
            on_select="rerun",
            selection_mode=["single-column", "single-cell"],
            hide_index=True,
        )
        st.write(f"columns={event.selection.columns} cells={event.selection.cells}")
        """,
        "columns=[] cells=[]",
    )
    grid = page.locator(GRID)
    grid.locator(".rl-dg-head", has_text="b").first.click()
    expect(page.get_by_text("columns=['b'] cells=[]")).to_be_visible()
    cell(grid, 1, 2).click()  # the (hidden) index is Arrow column 0
    expect(page.get_by_text("columns=['b'] cells=[(1, 'b')]")).to_be_visible()


def test_editing_a_cell_reruns_with_edited_rows_and_the_edited_data(open_app):
    page, _ = open_app(
        """
        import pandas as pd
        import rillet as st
        df = st.data_editor(pd.DataFrame({"n": [1, 2], "s": ["x", "y"]}), key="ed")
        st.write(f"edits={st.session_state['ed']['edited_rows']} total={int(df['n'].sum())}")
        """,
        "edits={} total=3",
    )
    editor = page.locator(EDITOR)
    cell(editor, 1, 1).dblclick()
    field = editor.get_by_label("Edit n")
    field.fill("40")
    field.press("Enter")
    expect(page.get_by_text("edits={1: {'n': 40}} total=41")).to_be_visible()
    expect(cell(editor, 1, 1)).to_have_text("40")
    # Typing on a focused cell starts an edit too.
    cell(editor, 0, 2).click()
    page.keyboard.type("z")
    page.keyboard.press("Enter")
    expect(page.get_by_text("'s': 'z'")).to_be_visible()


def test_an_edit_of_a_large_editor_receives_no_table_bytes_and_keeps_the_table(serve, page):
    app = serve(
        """
        import pandas as pd
        import rillet as st
        df = st.data_editor(pd.DataFrame({"n": range(20_000), "m": range(20_000)}), key="ed")
        st.write(f"total={int(df['n'].sum())}")
        """
    )
    page.goto(app.url)
    page.get_by_text("total=199990000", exact=True).wait_for()
    before = received(page)
    assert before.bytes > 100_000  # the table arrived once, as its own part
    editor = page.locator(EDITOR)
    cell(editor, 1, 1).dblclick()
    field = editor.get_by_label("Edit n")
    field.fill("1001")
    field.press("Enter")
    expect(page.get_by_text("total=199991000", exact=True)).to_be_visible()
    expect(cell(editor, 1, 1)).to_have_text("1001")
    expect(cell(editor, 2, 2)).to_have_text("2")
    sent = received(page).bytes - before.bytes
    assert sent < 5_000, f"{sent} bytes received for one edit"


def test_a_large_editor_arrives_first_rows_first_and_an_edit_sends_no_table(serve, page):
    # 200,000 rows x 2 (3.2 MB of Arrow): sent as st.dataframe's large tables are.
    app = serve(
        """
        import numpy as np
        import pandas as pd
        import rillet as st
        n = np.arange(200_000)
        df = st.data_editor(pd.DataFrame({"n": n, "m": n * 2}), key="ed")
        st.write(f"total={int(df['n'].sum())}")
        """
    )
    page.goto(app.url)
    page.get_by_text("total=19999900000", exact=True).wait_for()
    editor = page.locator(EDITOR)
    expect(editor).to_have_attribute("aria-rowcount", "200001")
    expect(editor).to_have_attribute("data-loaded-rows", "200000")
    before = received(page)
    # The new session and the first rows, then the rest.
    assert before.bytes > 3_000_000 and before.frames >= 3
    cell(editor, 1, 1).dblclick()
    field = editor.get_by_label("Edit n")
    field.fill("1001")
    field.press("Enter")
    expect(page.get_by_text("total=19999901000", exact=True)).to_be_visible()
    expect(cell(editor, 1, 1)).to_have_text("1001")
    expect(cell(editor, 2, 2)).to_have_text("4")
    sent = received(page).bytes - before.bytes
    assert sent < 10_000, f"{sent} bytes received for one edit"


def test_an_edit_that_fails_validation_is_refused_in_the_cell_with_the_reason(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.data_editor(
            {"n": [1, 2], "s": ["x", "y"]},
            column_config={"n": st.column_config.NumberColumn(min_value=0, max_value=10)},
            key="ed",
        )
        st.write(f"edits={st.session_state['ed']['edited_rows']}")
        """,
        "edits={}",
    )
    editor = page.locator(EDITOR)
    cell(editor, 0, 1).dblclick()
    editor.get_by_label("Edit n").fill("11")
    editor.get_by_label("Edit n").press("Enter")
    expect(editor.locator(".rl-dg-editor-error")).to_have_text("must be at most 10")
    editor.get_by_label("Edit n").fill("7")
    editor.get_by_label("Edit n").press("Enter")
    expect(page.get_by_text("edits={0: {'n': 7}}")).to_be_visible()


def test_adding_and_deleting_rows(open_app):
    page, _ = open_app(
        """
        import pandas as pd
        import rillet as st
        df = st.data_editor(pd.DataFrame({"s": ["x", "y", "z"]}), num_rows="dynamic", key="ed")
        state = st.session_state["ed"]
        st.write(f"added={state['added_rows']} deleted={state['deleted_rows']} rows={len(df)}")
        """,
        "added=[] deleted=[] rows=3",
    )
    editor = page.locator(EDITOR)
    editor.get_by_role("button", name="+ Add row").click()
    expect(page.get_by_text("added=[{}] deleted=[] rows=4")).to_be_visible()
    cell(editor, 3, 1).dblclick()
    editor.get_by_label("Edit s").fill("new")
    editor.get_by_label("Edit s").press("Enter")
    expect(page.get_by_text("added=[{'s': 'new'}] deleted=[] rows=4")).to_be_visible()
    editor.locator(".rl-dg-row").filter(has_text="y").locator(".rl-dg-marker input").click()
    editor.get_by_role("button", name="Delete selected rows").click()
    expect(page.get_by_text("added=[{'s': 'new'}] deleted=[1] rows=3")).to_be_visible()


def test_edits_inside_a_form_wait_for_its_submit(open_app):
    page, _ = open_app(
        """
        import rillet as st
        with st.form("f"):
            st.data_editor({"n": [1, 2]}, key="ed")
            st.form_submit_button("Save")
        st.write(f"edits={st.session_state['ed']['edited_rows']}")
        """,
        "edits={}",
    )
    editor = page.locator(EDITOR)
    cell(editor, 0, 1).dblclick()
    editor.get_by_label("Edit n").fill("5")
    editor.get_by_label("Edit n").press("Enter")
    expect(cell(editor, 0, 1)).to_have_text("5")
    page.wait_for_timeout(300)
    expect(page.get_by_text("edits={}")).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("edits={0: {'n': 5}}")).to_be_visible()


def test_csv_download_holds_the_rows_in_view_order(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.dataframe({"name": ["b", "a, and more"], "n": [1, 2]}, hide_index=True)
        st.write("ready")
        """,
        "ready",
    )
    grid = page.locator(GRID)
    grid.locator(".rl-dg-head", has_text="name").first.click()
    grid.hover()
    with page.expect_download() as info:
        grid.get_by_role("button", name="Download as CSV").click()
    download = info.value
    assert download.suggested_filename.endswith("_export.csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    assert text.splitlines() == ["name,n", '"a, and more",2', "b,1"]


def test_search_hides_rows_without_a_match(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.dataframe({"fruit": ["apple", "banana", "cherry"]}, hide_index=True)
        st.write("ready")
        """,
        "ready",
    )
    grid = page.locator(GRID)
    grid.hover()
    grid.get_by_role("button", name="Search").click()
    grid.get_by_label("Search the table").fill("an")
    expect(grid.locator(".rl-dg-row")).to_have_count(1)
    expect(grid.locator(".rl-dg-row")).to_have_text("banana")


def test_st_table_shows_every_row_with_markdown_in_cells(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.table({"text": ["**bold**", "plain"], "n": [1, 2]})
        """,
        "plain",
    )
    table = page.locator(".rl-dg-table table")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table.locator("strong")).to_have_text("bold")


def _screenshot(page, locator, name: str) -> None:
    assert_looks_like(locator.screenshot(), f"dataframe-{name}")


def test_screenshots_of_a_wide_a_tall_and_a_mixed_type_table(open_app):
    page, _ = open_app(
        """
        import datetime as dt
        import decimal
        import numpy as np
        import pandas as pd
        import rillet as st
        wide = pd.DataFrame(np.arange(3 * 60).reshape(3, 60), columns=[f"col{i}" for i in range(60)])
        st.dataframe(wide, key="wide")
        st.dataframe(pd.DataFrame({"n": range(5000)}), key="tall")
        mixed = pd.DataFrame({
            "int": pd.array([1, None, 3], dtype="Int64"),
            "float": [1.5, float("nan"), -2.25],
            "text": ["a", None, "c"],
            "flag": [True, False, True],
            "when": pd.to_datetime(["2024-01-02 03:04:05", "2024-06-30 12:00:00", None]).tz_localize("UTC"),
            "day": [dt.date(2024, 1, 2), dt.date(1999, 12, 31), None],
            "span": pd.to_timedelta(["1 days 02:03:04", "0s", None]),
            "money": [decimal.Decimal("1.25"), decimal.Decimal("-3.50"), None],
            "cat": pd.Categorical(["lo", "hi", "lo"]),
            "items": [[1, 2], [], None],
            "record": [{"x": 1}, {"x": 2}, None],
            "raw": [b"bytes", b"more", None],
            "interval": pd.arrays.IntervalArray.from_breaks([0, 1, 2, 3]),
            "period": pd.period_range("2024-01", periods=3, freq="M"),
        })
        st.dataframe(mixed, key="mixed")
        st.write("ready")
        """,
        "ready",
    )
    grids = page.locator(GRID)
    expect(grids).to_have_count(3)
    wide, tall, mixed = grids.nth(0), grids.nth(1), grids.nth(2)
    expect(wide.locator(".rl-dg-head", has_text="col0").first).to_be_visible()
    # Columns off to the right are not drawn until scrolled to.
    assert wide.locator(".rl-dg-head", has_text="col59").count() == 0
    wide.locator(".rl-dg-scroll").evaluate("node => { node.scrollLeft = node.scrollWidth; }")
    expect(wide.locator(".rl-dg-head", has_text="col59")).to_be_visible()
    _screenshot(page, wide, "wide")
    expect(cell(tall, 0, 1)).to_have_text("0")
    _screenshot(page, tall, "tall")
    texts = mixed.locator(".rl-dg-row").first.inner_text()
    mixed.locator(".rl-dg-scroll").evaluate("node => { node.scrollLeft = node.scrollWidth; }")
    page.wait_for_timeout(100)
    texts += mixed.locator(".rl-dg-row").first.inner_text()
    for expected in [
        "1.5",
        "2024-01-02 03:04:05",
        "a day",
        "1.25",
        "lo",
        "(0, 1]",
        "2024-01",
    ]:
        assert expected in texts, f"{expected!r} not in the first row: {texts!r}"
    _screenshot(page, mixed, "mixed")


def test_keyboard_moves_the_focused_cell_and_ctrl_c_copies_it(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.dataframe({"a": [1, 2, 3], "b": ["x", "y", "z"]}, hide_index=True)
        st.write("ready")
        """,
        "ready",
    )
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    grid = page.locator(GRID)
    cell(grid, 0, 1).click()
    expect(cell(grid, 0, 1)).to_have_class(re.compile("rl-focused"))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowRight")
    expect(cell(grid, 1, 2)).to_have_class(re.compile("rl-focused"))
    page.keyboard.press("End")
    page.keyboard.press("Control+End")
    expect(cell(grid, 2, 2)).to_have_class(re.compile("rl-focused"))
    page.keyboard.press("Control+c")
    assert page.evaluate("() => navigator.clipboard.readText()") == "z"


def test_full_screen_opens_and_escape_closes_it(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.dataframe({"a": [1, 2, 3]})
        st.write("ready")
        """,
        "ready",
    )
    grid = page.locator(GRID)
    grid.hover()
    grid.get_by_role("button", name="Fullscreen").click()
    expect(grid).to_have_class(re.compile("rl-dg-fullscreen"))
    page.keyboard.press("Escape")
    expect(grid).not_to_have_class(re.compile("rl-dg-fullscreen"))


def test_hiding_and_pinning_a_column_from_its_menu(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.dataframe({"a": [1], "b": [2], "c": [3]}, hide_index=True)
        st.write("ready")
        """,
        "ready",
    )
    grid = page.locator(GRID)
    head = grid.locator(".rl-dg-head", has_text="b").first
    head.hover()
    head.get_by_role("button", name="Column menu of b").click()
    grid.get_by_role("menuitem", name="Hide column").click()
    expect(grid.locator(".rl-dg-head", has_text="b")).to_have_count(0)
    head = grid.locator(".rl-dg-head", has_text="c").first
    head.hover()
    head.get_by_role("button", name="Column menu of c").click()
    grid.get_by_role("menuitem", name="Pin column").click()
    expect(grid.locator(".rl-dg-pinned .rl-dg-head", has_text="c")).to_have_count(1)


def _hold_the_rest(monkeypatch, seconds: float) -> None:
    """A large table's later rows reach the page ``seconds`` after its first rows."""
    import time

    from rillet.api import table_frame

    finished = table_frame.Frame.finished

    def later(self, value_json=None):
        if self.sliced():  # its first rows are on their way already
            time.sleep(seconds)
        return finished(self, value_json)

    monkeypatch.setattr(table_frame.Frame, "finished", later)


LARGE_SELECTABLE = """
import numpy as np
import pandas as pd
import rillet as st
n = np.arange(100_000)
st.dataframe(pd.DataFrame({"n": n, "s": [f"row{i}" for i in n]}), key="t",
             on_select="rerun", hide_index=True)
"""


def _partly_loaded(page, url: str):
    page.goto(url)
    grid = page.locator(GRID)
    expect(grid).to_have_attribute("aria-rowcount", "100001")
    loaded = int(grid.get_attribute("data-loaded-rows"))
    assert loaded < 100_000, "the later rows came too soon for this test"
    return grid


def test_reads_of_a_large_table_before_its_last_rows_arrive_wait_for_them(serve, page, monkeypatch):
    _hold_the_rest(monkeypatch, 4)
    app = serve(LARGE_SELECTABLE)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])

    # CSV: the download waits for every row, and says so meanwhile.
    grid = _partly_loaded(page, app.url)
    grid.hover()
    with page.expect_download(timeout=20_000) as info:
        grid.get_by_role("button", name="Download as CSV").click()
        expect(grid.get_by_role("status")).to_contain_text("the download waits")
    lines = Path(info.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 100_001 and lines[-1] == "99999,row99999"
    expect(grid.get_by_role("status")).to_have_count(0)

    # Search: says it has searched only the rows loaded, then finds the late row.
    grid = _partly_loaded(page, app.url)
    grid.hover()
    grid.get_by_role("button", name="Search").click()
    grid.get_by_label("Search the table").fill("row99999")
    expect(grid.locator(".rl-dg-search-count")).to_contain_text("rows loaded")
    expect(grid.locator(".rl-dg-search-count")).to_have_text("1 of 100000 rows", timeout=20_000)
    expect(grid.locator(".rl-dg-row")).to_have_text("99999row99999")

    # Copy: a cell not arrived shows as loading, and Ctrl+C copies its value once it is here.
    grid = _partly_loaded(page, app.url)
    grid.focus()  # keys only: a click would select the row (on_select)
    page.keyboard.press("Control+End")
    last = cell(grid, 99_999, 2)
    expect(last).to_have_text("…")
    expect(last).to_have_class(re.compile("rl-dg-pending"))
    page.keyboard.press("Control+c")
    expect(last).to_have_text("row99999", timeout=20_000)
    copied = ""
    for _ in range(50):  # the clipboard gets the text a moment after the rows
        copied = page.evaluate("() => navigator.clipboard.readText()")
        if copied == "row99999":
            break
        page.wait_for_timeout(100)
    assert copied == "row99999"


# Each NumberColumn format and the text Streamlit 1.67 documents (or its
# formatter gives, in en-US) for 1234.567: Streamlit draws on a canvas, so
# the grid's cells are compared with its formatting rules, not its pixels.
NUMBER_FORMATS = {
    "plain": "1234.567",
    "localized": "1,234.567",
    "percent": "123,456.7%",
    "dollar": "$1,234.57",
    "euro": "€1,234.57",
    "yen": "¥1,235",
    "accounting": "1,234.57",
    "compact": "1.2K",
    "scientific": "1.235E3",
    "engineering": "1.235E3",
    "bytes": "1.2KB",
    "%d": "1234",
    "%.1f": "1234.6",
    "£ %.2f": "£ 1234.57",
    "%,d": "1,234",
    "duration": "21 minutes",
}


def test_number_formats_show_the_texts_streamlit_shows(open_app):
    page, _ = open_app(
        f"""
        import rillet as st
        for f in {list(NUMBER_FORMATS)!r}:
            st.dataframe({{"v": [1234.567, -5.0]}}, hide_index=True,
                         column_config={{"v": st.column_config.NumberColumn(format=f)}})
        st.write("ready")
        """,
        "ready",
    )
    grids = page.locator(GRID)
    expect(grids).to_have_count(len(NUMBER_FORMATS))
    shown = {fmt: cell(grids.nth(i), 0, 1).inner_text() for i, fmt in enumerate(NUMBER_FORMATS)}
    assert shown == NUMBER_FORMATS
    accounting = grids.nth(list(NUMBER_FORMATS).index("accounting"))
    expect(cell(accounting, 1, 1)).to_have_text("(5.00)")


def test_durations_show_in_words_or_as_a_clock_as_in_streamlit(open_app):
    page, _ = open_app(
        """
        import pandas as pd
        import rillet as st
        spans = pd.DataFrame({"d": pd.to_timedelta([93784, -90, 1.5], unit="s")})
        st.dataframe(spans, hide_index=True)
        st.dataframe(spans, hide_index=True,
                     column_config={"d": st.column_config.NumberColumn(format="compact")})
        st.dataframe(spans, hide_index=True,
                     column_config={"d": st.column_config.NumberColumn(format="%.1f")})
        st.write("ready")
        """,
        "ready",
    )
    grids = page.locator(GRID)
    expect(grids).to_have_count(3)
    texts = [[cell(grids.nth(g), r, 1).inner_text() for r in range(3)] for g in range(3)]
    assert texts == [
        ["a day", "-2 minutes", "a few seconds"],
        ["26:03:04", "-00:01:30", "00:00:01.5"],
        ["93784.0", "-90.0", "1.5"],
    ]


def test_a_row_of_a_large_editor_not_arrived_yet_cannot_be_edited_until_it_has(
    serve, page, monkeypatch
):
    _hold_the_rest(monkeypatch, 4)
    app = serve(
        """
        import numpy as np
        import pandas as pd
        import rillet as st
        n = np.arange(100_000)
        st.data_editor(pd.DataFrame({"n": n, "s": [f"row{i}" for i in n]}), key="ed",
                       hide_index=True)
        """
    )
    page.goto(app.url)
    editor = page.locator(EDITOR)
    expect(editor).to_have_attribute("aria-rowcount", "100001")
    assert int(editor.get_attribute("data-loaded-rows")) < 100_000
    editor.focus()
    page.keyboard.press("Control+End")
    last = cell(editor, 99_999, 2)
    expect(last).to_have_text("…")
    last.dblclick()
    expect(editor.get_by_role("alert")).to_contain_text("has not arrived yet")
    expect(editor.get_by_label("Edit s")).to_have_count(0)
    expect(last).to_have_text("row99999", timeout=20_000)
    expect(editor.get_by_role("alert")).to_have_count(0)
    last.dblclick()
    expect(editor.get_by_label("Edit s")).to_have_value("row99999")
