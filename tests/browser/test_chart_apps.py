"""A Streamlit chart app, unchanged, draws offline in Chromium and its selections reach the script.

One server for the module serves one app holding the chart kinds published
apps use most (built-in charts, grouped bars, Altair concatenation with an
unnamed selection, Plotly, a map, Graphviz, pyplot). The page must load
nothing from outside the server and log no console error; clicking a bar of
the Altair chart reruns the script with the selection under Altair's
unnamed parameter's name as Streamlit numbers it (``param_1``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import alias_app_served
from tests.browser.test_charts_vega import DRAW_MS, drawn

pytestmark = pytest.mark.browser

APP = """
import altair as alt
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import plotly.express as px
import streamlit as st

df = pd.DataFrame({
    "year": [2020, 2021, 2022] * 2,
    "sales": [10, 12, 15, 7, 9, 14],
    "region": ["north"] * 3 + ["south"] * 3,
})
st.line_chart(df, x="year", y="sales", color="region")
st.bar_chart(df, x="year", y="sales", color="region", stack=False)

pick = alt.selection_point(fields=["region"])
bars = alt.Chart(df).mark_bar().encode(
    x="region:N", y=alt.Y("sum(sales):Q", scale=alt.Scale(domain=[0, 40]))
).add_params(pick)
dots = alt.Chart(df).mark_point().encode(x="year:O", y="sales")
event = st.altair_chart(bars, on_select="rerun", key="picked")
st.text(f"picked {event.selection.param_1}")
st.altair_chart(alt.Chart(df).mark_bar().encode(x="region:N", y="sum(sales):Q") | dots)

st.plotly_chart(px.scatter(df, x="year", y="sales", color="region"))
st.map(pd.DataFrame({"LAT": [48.85, 51.5], "LON": [2.35, -0.12], "c": ["#ff0000", "#0000ff"]}),
       color="c", size=20000)
st.graphviz_chart("digraph { load -> chart -> select }")
fig, ax = plt.subplots(figsize=(3, 2))
ax.plot([1, 3, 2])
st.pyplot(fig)
odd = pd.DataFrame({"a.b": [1, 3, 2, 4], "c[0]": [2, 1, 3, 2]})
st.line_chart(odd)
st.bar_chart(odd)  # wide: folded by Vega-Lite itself
st.text("charts ready")
"""


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with alias_app_served(tmp_path_factory.mktemp("chart_apps"), APP) as url:
        yield url


def _open(page: Any, url: str) -> list[str]:
    """Open the app; returns the list the page's console errors and outside requests go to."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith(url) or r.url.startswith("data:") else problems.append(r.url)
        ),
    )
    page.goto(url)
    page.get_by_text("charts ready", exact=True).wait_for(timeout=DRAW_MS)
    return problems


def _coloured_pixels(png: bytes) -> int:
    """Pixels of a strong colour (marks; axes, grid and text are grey)."""
    import io

    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        counts = image.convert("RGB").getcolors(maxcolors=1 << 24) or []
    return sum(n for n, (r, g, b) in counts if max(r, g, b) - min(r, g, b) > 100)


def test_a_streamlit_chart_app_draws_every_chart_offline_without_console_errors(
    app_url: str, page: Any
) -> None:
    problems = _open(page, app_url)
    for index in range(4):  # line, grouped bars, Altair bars, the Altair concatenation
        drawn(page, index)
    expect(page.locator(".rl-plotly-chart g.trace.scatter")).to_have_count(2, timeout=DRAW_MS)
    expect(page.locator(".rl-deck-chart canvas")).to_be_visible(timeout=DRAW_MS)
    expect(page.locator(".rl-graphviz-chart svg g.node")).to_have_count(3, timeout=DRAW_MS)
    image = page.get_by_role("figure").locator("img")
    image.scroll_into_view_if_needed()  # loaded lazily, when near the view
    expect(image).to_be_visible(timeout=DRAW_MS)
    assert image.evaluate("img => img.naturalWidth") > 100
    for index in (4, 5):  # columns named like Vega paths: their marks are drawn
        target = drawn(page, index)
        target.scroll_into_view_if_needed()
        assert _coloured_pixels(target.screenshot()) > 300
    expect(page.get_by_text("error", exact=False)).to_have_count(0)
    assert problems == [], problems


def test_clicking_an_altair_bar_reruns_with_the_unnamed_selection(app_url: str, page: Any) -> None:
    problems = _open(page, app_url)
    expect(page.get_by_text("picked {}")).to_be_visible()
    canvas = drawn(page, 2).locator("canvas")
    canvas.scroll_into_view_if_needed()  # the mouse clicks inside the viewport only
    box = canvas.bounding_box()
    assert box is not None
    # Two bars fill the width; "north" (37 of 40) is the left one, tall: click low in it.
    page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.7)
    expect(page.get_by_text("picked [{'region': 'north'}]")).to_be_visible(timeout=DRAW_MS)
    assert problems == [], problems
