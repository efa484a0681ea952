"""Library charts draw in a real Chromium: Plotly, Matplotlib, Graphviz, Mermaid, ECharts, deck.gl.

Each test checks that the chart drew something (an SVG with shapes, or a
canvas whose pixels are not all one colour), and saves a screenshot as a
test artefact under ``build/test-artifacts/charts_libs/`` (not committed;
``RILLET_TEST_ARTIFACTS`` moves it).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
pytest.importorskip("plotly")

ARTIFACTS = Path(os.environ.get("RILLET_TEST_ARTIFACTS", "build/test-artifacts")) / "charts_libs"
# The first chart of a kind loads its library chunk (megabytes for Plotly and
# ECharts) on a busy two-core machine.
DRAW_MS = 30_000


@pytest.fixture
def open_app(serve: Any, page: Any) -> Any:
    """As conftest's ``open_app``, with the first run given ``DRAW_MS`` (a chart app imports more)."""

    def open_(source: str, wait_for: str) -> tuple[Any, Any]:
        app = serve(source)
        page.goto(app.url)
        page.get_by_text(wait_for, exact=True).first.wait_for(timeout=DRAW_MS)
        return page, app

    return open_


def save(locator: Any, name: str) -> bytes:
    """Screenshot one element into the artefacts folder; the PNG bytes."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return bytes(locator.screenshot(path=str(ARTIFACTS / f"{name}.png")))


def colours(png: bytes) -> int:
    """How many distinct colours a screenshot holds (1 = blank)."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        found = image.convert("RGB").getcolors(maxcolors=1 << 16)
    return len(found) if found is not None else 1 << 16


def test_plotly_chart_draws_and_a_box_selection_reruns_with_the_selected_points(open_app):
    page, _ = open_app(
        """
        import plotly.graph_objects as go
        import rillet as st
        fig = go.Figure(go.Scatter(x=[1, 2, 3, 4], y=[1, 3, 2, 4], mode="markers",
                                   marker={"size": 14}))
        fig.update_layout(height=360, margin={"l": 40, "r": 10, "t": 10, "b": 40})
        event = st.plotly_chart(fig, on_select="rerun", key="scatter")
        st.text(f"selected {event.selection.point_indices}")
        """,
        "selected []",
    )
    chart = page.locator(".rl-plotly-chart")
    points = chart.locator("g.trace.scatter path.point")
    expect(points).to_have_count(4, timeout=DRAW_MS)
    save(chart, "plotly")
    # Drag a box around the two left points (x 1 and 2) on the plot area.
    area = chart.locator("rect.nsewdrag").first
    box = area.bounding_box()
    assert box is not None
    left, top = box["x"], box["y"]
    page.mouse.move(left + 2, top + 2)
    page.mouse.down()
    page.mouse.move(left + box["width"] * 0.45, top + box["height"] / 2, steps=8)
    page.mouse.move(left + box["width"] * 0.45, top + box["height"] - 2, steps=8)
    page.mouse.up()
    expect(page.get_by_text("selected [0, 1]")).to_be_visible(timeout=DRAW_MS)


def test_plotly_chart_follows_the_theme_without_a_rerun(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.plotly_chart({"data": [{"type": "bar", "x": ["a", "b"], "y": [2, 3]}]})
        st.write("theme app")
        """,
        "theme app",
    )
    chart = page.locator(".rl-plotly-chart")
    expect(chart.locator("g.trace.bars path")).to_have_count(2, timeout=DRAW_MS)
    text_fill = "el => getComputedStyle(el).fill"
    light = chart.locator("g.xtick text").first.evaluate(text_fill)
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    page.wait_for_function(
        "([el, before]) => getComputedStyle(el).fill !== before",
        arg=[chart.locator("g.xtick text").first.element_handle(), light],
    )
    save(chart, "plotly_dark")


def test_pyplot_shows_a_high_dpi_png(open_app):
    pytest.importorskip("matplotlib")
    page, _ = open_app(
        """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import rillet as st
        fig, ax = plt.subplots(figsize=(3, 2), dpi=100)
        ax.plot([1, 3, 2])
        st.pyplot(fig, width="content", bbox_inches=None)
        st.write("pyplot ready")
        """,
        "pyplot ready",
    )
    image = page.locator("main img").first
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    natural, shown = image.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().width]")
    assert natural == 600 and round(shown) == 300  # two device pixels per CSS pixel
    assert colours(save(image, "pyplot")) > 2


def test_graphviz_and_mermaid_lay_out_in_the_page(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.graphviz_chart("digraph { start -> middle -> end; start -> end }")
        st.mermaid_chart("graph LR; A[Ask] --> B{Decide}; B --> C[Done]")
        st.write("diagrams ready")
        """,
        "diagrams ready",
    )
    graph = page.locator(".rl-graphviz-chart svg")
    expect(graph.locator("g.node")).to_have_count(3, timeout=DRAW_MS)
    expect(graph.locator("g.edge")).to_have_count(3)
    save(page.locator(".rl-graphviz-chart"), "graphviz")
    # Graphviz's default black ink follows the theme: light text on a dark page.
    label = (
        "() => document.querySelector('.rl-graphviz-chart svg g.node text').getAttribute('fill')"
    )
    light = page.evaluate(label)
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    page.wait_for_function(f"() => ({label})() !== {light!r}")
    save(page.locator(".rl-graphviz-chart"), "graphviz_dark")
    page.evaluate("document.documentElement.dataset.theme = 'light'")
    mermaid = page.locator(".rl-mermaid-chart svg")
    expect(mermaid).to_be_visible(timeout=DRAW_MS)
    expect(mermaid.get_by_text("Decide")).to_be_visible()
    save(page.locator(".rl-mermaid-chart"), "mermaid")


def test_echarts_draws_on_its_canvas(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.echarts_chart({"xAxis": {"type": "category", "data": ["a", "b", "c"]},
                          "yAxis": {"type": "value"},
                          "series": [{"type": "bar", "data": [3, 1, 2]}]}, height=300)
        st.write("echarts ready")
        """,
        "echarts ready",
    )
    canvas = page.locator(".rl-echarts-chart canvas").first
    expect(canvas).to_be_visible(timeout=DRAW_MS)
    page.wait_for_timeout(800)  # ECharts animates the bars in
    assert colours(save(page.locator(".rl-echarts-chart"), "echarts")) > 3


def test_map_draws_its_points_on_a_plain_background_with_a_note(open_app):
    page, _ = open_app(
        """
        import pandas as pd
        import rillet as st
        st.map(pd.DataFrame({"lat": [48.85, 48.86, 48.87], "lon": [2.35, 2.36, 2.30]}),
               size=300, height=300)
        st.write("map ready")
        """,
        "map ready",
    )
    chart = page.locator(".rl-deck-chart")
    expect(chart.locator("canvas")).to_be_visible(timeout=DRAW_MS)
    expect(chart.get_by_text("No base map")).to_be_visible()
    page.wait_for_timeout(500)
    assert colours(save(chart.locator("[role=img]"), "map")) > 2


def test_pydeck_chart_click_reruns_with_the_picked_object(open_app):
    pytest.importorskip("pydeck")
    page, _ = open_app(
        """
        import pydeck as pdk
        import rillet as st
        cities = [{"name": "Paris", "lon": 2.35, "lat": 48.85}]
        layer = pdk.Layer("ScatterplotLayer", cities, get_position=["lon", "lat"],
                          get_radius=20000, radius_min_pixels=30, pickable=True, id="cities",
                          get_fill_color=[0, 90, 200])
        view = pdk.ViewState(latitude=48.85, longitude=2.35, zoom=5)
        event = st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=view),
                                on_select="rerun", key="deck", height=300)
        picked = event.selection.objects.get("cities", [])
        st.text("picked " + ", ".join(city["name"] for city in picked))
        """,
        "picked ",
    )
    chart = page.locator(".rl-deck-chart [role=img]")
    expect(chart.locator("canvas")).to_be_visible(timeout=DRAW_MS)
    page.wait_for_timeout(1000)
    save(chart, "pydeck")
    chart.click()  # the point is drawn at the view's centre
    expect(page.get_by_text("picked Paris")).to_be_visible(timeout=DRAW_MS)


def test_an_unknown_deck_layer_says_which_layers_are_drawn(open_app):
    pytest.importorskip("pydeck")
    page, _ = open_app(
        """
        import pydeck as pdk
        import rillet as st
        st.pydeck_chart(pdk.Deck(layers=[pdk.Layer("H3HexagonLayer", [])]))
        st.write("deck ready")
        """,
        "deck ready",
    )
    alert = page.locator(".rl-deck-chart [role=alert]")
    expect(alert).to_contain_text("H3HexagonLayer", timeout=DRAW_MS)
    expect(alert).to_contain_text("HexagonLayer, IconLayer")


def test_echarts_click_on_a_selectable_bar_reruns_with_its_index(open_app):
    page, _ = open_app(
        """
        import rillet as st
        option = {"animation": False,
                  "xAxis": {"type": "category", "data": ["a", "b", "c"]},
                  "yAxis": {"type": "value", "max": 3},
                  "series": [{"type": "bar", "data": [3, 3, 3], "selectedMode": "single"}]}
        event = st.echarts_chart(option, on_select="rerun", key="bars", height=300)
        picked = [g["data_indices"] for g in event.selection.selected]
        st.text(f"picked {picked}")
        """,
        "picked []",
    )
    canvas = page.locator(".rl-echarts-chart canvas").first
    expect(canvas).to_be_visible(timeout=DRAW_MS)
    box = canvas.bounding_box()
    assert box is not None
    # The default grid leaves 10% at each side: bar "a" is centred at 10% + 80% / 6.
    canvas.click(position={"x": box["width"] * (0.1 + 0.8 / 6), "y": box["height"] * 0.6})
    expect(page.get_by_text("picked [[0]]")).to_be_visible(timeout=DRAW_MS)


def test_the_primary_colour_leads_the_series_and_echarts_follows_a_theme_switch(serve, page):
    app = serve(
        """
        import rillet as st
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.plotly_chart({"data": [{"type": "bar", "x": ["a", "b"], "y": [2, 3]}]})
        st.echarts_chart({"xAxis": {"type": "category", "data": ["a", "b", "c"]},
                          "yAxis": {"type": "value"},
                          "series": [{"type": "bar", "data": [3, 1, 2]}]}, height=300)
        st.text(f"runs {st.session_state.runs}")
        """,
        theme__primaryColor="#00aa00",
    )
    page.goto(app.url)
    page.get_by_text("runs 1", exact=True).wait_for(timeout=DRAW_MS)
    bar = page.locator(".rl-plotly-chart g.trace.bars path").first
    expect(bar).to_be_visible(timeout=DRAW_MS)
    assert bar.evaluate("el => getComputedStyle(el).fill") == "rgb(0, 170, 0)"
    echart = page.locator(".rl-echarts-chart")
    expect(echart.locator("canvas").first).to_be_visible(timeout=DRAW_MS)
    page.wait_for_timeout(1_000)  # ECharts animates the bars in
    light = save(echart, "echarts_light")
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    for _ in range(40):  # redrawn in the page, no rerun
        page.wait_for_timeout(250)
        dark = save(echart, "echarts_dark")
        if dark != light:
            break
    assert dark != light, "ECharts did not redraw in the dark theme"
    expect(page.get_by_text("runs 1", exact=True)).to_be_visible()
