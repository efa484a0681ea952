"""Vega-Lite charts draw in a real Chromium, select, and follow the theme.

Each built-in chart draws on its canvas (pixels of several colours), and a
screenshot of each is saved as a test artefact under
``build/test-artifacts/charts_vega/`` (not committed; ``RILLET_TEST_ARTIFACTS``
moves it).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import received

pytestmark = pytest.mark.browser

ARTIFACTS = Path(os.environ.get("RILLET_TEST_ARTIFACTS", "build/test-artifacts")) / "charts_vega"
# The first chart loads the Vega chunk on a busy two-core machine.
DRAW_MS = 30_000


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


def drawn(page: Any, index: int) -> Any:
    """The ``index``-th chart's target, once Vega has drawn it."""
    target = page.locator(".rl-vega-target").nth(index)
    expect(target).to_have_attribute("data-drawn", "1", timeout=DRAW_MS)
    expect(target.locator("canvas")).to_have_count(1)
    return target


def test_every_builtin_chart_draws_on_its_canvas(open_app):
    page, _ = open_app(
        """
        import numpy as np
        import pandas as pd
        import rillet as st
        rng = np.random.default_rng(1)
        df = pd.DataFrame(rng.normal(size=(40, 3)).cumsum(axis=0), columns=["a", "b", "c"])
        st.line_chart(df)
        st.area_chart(df.abs(), stack=True)
        st.bar_chart(pd.DataFrame({"fruit": ["apple", "pear", "fig"], "n": [3, 5, 2]}),
                     x="fruit", y="n", horizontal=True)
        st.scatter_chart(df, x="a", y="b", size="c")
        st.write("charts done")
        """,
        "charts done",
    )
    for index, name in enumerate(["line", "area", "bar", "scatter"]):
        target = drawn(page, index)
        assert target.get_attribute("data-chart-type") == name
        box = target.locator("canvas").bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 300, box
        png = save(target, name)
        assert colours(png) > 10, f"the {name} chart looks blank"


def test_a_point_selection_reruns_the_script_with_the_selection(open_app):
    page, _ = open_app(
        """
        import rillet as st
        spec = {
            "mark": "bar",
            "params": [{"name": "pick", "select": {"type": "point", "fields": ["c"]}}],
            "encoding": {
                "x": {"field": "c", "type": "nominal"},
                "y": {"field": "v", "type": "quantitative", "scale": {"domain": [0, 5]}},
            },
        }
        event = st.vega_lite_chart({"c": ["left", "right"], "v": [5, 5]}, spec,
                                   on_select="rerun", key="bars")
        st.text(f"picked {event.selection.pick}")
        """,
        "picked {}",
    )
    target = drawn(page, 0)
    canvas = target.locator("canvas")
    box = canvas.bounding_box()
    assert box is not None
    # Both bars fill the plot's height: a click low in the left half hits "left".
    page.mouse.click(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.6)
    expect(page.get_by_text("picked [{'c': 'left'}]")).to_be_visible(timeout=DRAW_MS)


def test_an_interval_selection_inside_a_form_waits_for_submit(open_app):
    page, _ = open_app(
        """
        import rillet as st
        spec = {
            "mark": "point",
            "params": [{"name": "brush", "select": {"type": "interval", "encodings": ["x"]}}],
            "encoding": {"x": {"field": "a", "type": "quantitative"},
                         "y": {"field": "b", "type": "quantitative"}},
        }
        with st.form("f"):
            event = st.vega_lite_chart({"a": [0, 5, 10], "b": [1, 2, 3]}, spec,
                                       on_select="rerun", key="pts")
            st.form_submit_button("Apply")
        st.text(f"brush {sorted(event.selection.brush)}")
        """,
        "brush []",
    )
    target = drawn(page, 0)
    box = target.locator("canvas").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] * 0.5
    page.mouse.move(box["x"] + box["width"] * 0.3, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.7, y, steps=6)
    page.mouse.up()
    page.wait_for_timeout(500)
    expect(page.get_by_text("brush []")).to_be_visible()
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("brush ['a']")).to_be_visible(timeout=DRAW_MS)


def test_switching_theme_redraws_the_chart_without_a_rerun(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.bar_chart({"n": [3, 5, 2]})
        st.text(f"runs {st.session_state.runs}")
        """,
        "runs 1",
    )
    target = drawn(page, 0)
    light = save(target, "bar_light")
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    expect(target).to_have_attribute("data-drawn", "2", timeout=DRAW_MS)
    dark = save(target, "bar_dark")
    assert light != dark
    expect(page.get_by_text("runs 1")).to_be_visible()


def test_altair_layered_concatenated_and_inline_data_specs_draw(open_app):
    page, _ = open_app(
        """
        import altair as alt
        import pandas as pd
        import rillet as st
        df = pd.DataFrame({"x": [1, 2, 3, 4], "y": [3, 1, 4, 2], "k": ["a", "b", "a", "b"]})
        base = alt.Chart(df).encode(x="x", y="y")
        st.altair_chart(base.mark_line() + base.mark_point())
        st.altair_chart(base.mark_bar() | base.mark_point().encode(color="k"))
        st.vega_lite_chart({"data": {"values": [{"a": "p", "b": 2}, {"a": "q", "b": 5}]},
                            "mark": "arc", "encoding": {"theta": {"field": "b", "type": "quantitative"},
                                                        "color": {"field": "a"}}})
        st.write("specs done")
        """,
        "specs done",
    )
    for index, name in enumerate(["altair_layer", "altair_hconcat", "vega_arc"]):
        target = drawn(page, index)
        assert colours(save(target, name)) > 5, f"{name} looks blank"
    expect(page.get_by_text("Vega-Lite chart error")).to_have_count(0)


def test_an_unchanged_chart_is_not_resent_and_new_data_reuses_the_drawn_chart(open_app):
    page, _ = open_app(
        """
        import numpy as np
        import pandas as pd
        import rillet as st

        @st.cache_data
        def series(seed):
            rng = np.random.default_rng(seed)
            return pd.DataFrame(rng.normal(size=(20_000, 3)).cumsum(axis=0), columns=list("abc"))

        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.session_state.seed = st.session_state.get("seed", 0)
        if st.button("Redraw"):
            st.session_state.seed += 1
        st.button("Same")
        st.line_chart(series(st.session_state.seed))
        st.text(f"runs {st.session_state.runs}")
        """,
        "runs 1",
    )
    page.reload()  # a run with the cache filled: no spinner moves the chart
    expect(page.get_by_text("runs 1", exact=True)).to_be_visible(timeout=DRAW_MS)
    drawn(page, 0)
    page.evaluate("document.querySelector('.rl-vega-target canvas').dataset.mark = 'first'")
    before = received(page)
    page.get_by_role("button", name="Same").click()
    expect(page.get_by_text("runs 2", exact=True)).to_be_visible(timeout=DRAW_MS)
    after = received(page)
    assert after.frames > before.frames
    assert after.bytes - before.bytes < 2_000, after  # the chart travels as a reference
    assert page.locator(".rl-vega-target").get_attribute("data-drawn") == "1"
    # New data after a cache miss (its spinner moves the chart one place down):
    # the drawn chart is taken over and updated, not drawn from scratch.
    page.get_by_role("button", name="Redraw").click()
    expect(page.get_by_text("runs 3", exact=True)).to_be_visible(timeout=DRAW_MS)
    canvas = page.locator(".rl-vega-target canvas")
    expect(canvas).to_have_count(1)
    expect(canvas).to_have_attribute("data-mark", "first", timeout=DRAW_MS)
    expect(page.locator(".rl-vega-target")).to_have_attribute("data-drawn", "1", timeout=DRAW_MS)
