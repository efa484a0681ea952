"""A large table shown again unchanged, changed, to a second page and after a reconnect, in Chromium.

The server sends each Arrow part of a large table once per client: the
first rows' and following deltas bring the parts, the last delta refers to
them by hash (``rillet.api.table_frame.Frame.emit``), and an unchanged
rerun sends hashes only. The page must show every row each time, and the
change when the frame changed in place.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

GRID = "[data-testid=rl-dataframe]"
ROWS = 150_000  # about 2.5 MB of Arrow: first rows first, then the rest

APP = f"""
import numpy as np, pandas as pd, rillet as st
if "data" not in st.session_state:
    st.session_state.data = pd.DataFrame({{"i": np.arange({ROWS}), "s": [f"r{{k}}" for k in range({ROWS})]}})
st.session_state.runs = st.session_state.get("runs", 0) + 1
if st.button("change"):
    st.session_state.data.iloc[-1, 0] = -1
st.button("same")
st.dataframe(st.session_state.data, height=300)
st.write(f"runs={{st.session_state.runs}}")
"""


def _last_row(page: Any) -> Any:
    grid = page.locator(GRID)
    grid.locator(".rl-dg-scroll").evaluate("node => { node.scrollTop = node.scrollHeight; }")
    return grid.locator(f".rl-dg-cell[data-row='{ROWS - 1}'][data-col='1']")


def _missing_parts(page: Any) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if "does not hold" in m.text else None)
    return errors


def test_a_large_table_rerun_unchanged_changed_on_a_second_page_and_after_a_reconnect(
    serve: Any, page: Any, browser: Any
) -> None:
    app = serve(APP)
    missing = _missing_parts(page)
    page.goto(app.url)
    page.get_by_text("runs=1", exact=True).first.wait_for(timeout=60_000)
    expect(_last_row(page)).to_have_text(str(ROWS - 1), timeout=30_000)

    page.get_by_role("button", name="same").click()
    page.get_by_text("runs=2", exact=True).first.wait_for()
    expect(_last_row(page)).to_have_text(str(ROWS - 1))

    page.get_by_role("button", name="change").click()
    page.get_by_text("runs=3", exact=True).first.wait_for()
    expect(_last_row(page)).to_have_text("-1")

    # Another client: its own session and frame, the first one's table kept in the process.
    second = browser.new_page()
    try:
        missing_second = _missing_parts(second)
        second.goto(app.url)
        second.get_by_text("runs=1", exact=True).first.wait_for(timeout=60_000)
        expect(_last_row(second)).to_have_text(str(ROWS - 1), timeout=30_000)
        assert missing_second == []
    finally:
        second.close()

    app.drop_connections()  # the page reconnects and resumes its session
    page.get_by_role("button", name="same").click()
    page.get_by_text("runs=4", exact=True).first.wait_for(timeout=30_000)
    expect(_last_row(page)).to_have_text("-1")
    assert missing == []
