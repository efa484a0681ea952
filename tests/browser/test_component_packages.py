"""More component packages from PyPI, beyond the five the components issue names.

Each exercises a part of the protocol the others do not: a components.v2
package whose files live in the asset folder of its ``pyproject.toml``
manifest (streamlit-echarts, streamlit-drawable-canvas), a v1 package that
wraps Streamlit's ``register_widget`` to attach callbacks
(streamlit-antd-components), and a plain v1 input (streamlit-tags).
"""

from __future__ import annotations

import importlib.util

import pytest
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.usefixtures("streamlit_alias"),
]


def _needs(module: str) -> pytest.MarkDecorator:
    # Looked up, not imported: importing a package at collection would load the real streamlit.
    return pytest.mark.skipif(
        importlib.util.find_spec(module) is None, reason=f"{module} is not installed"
    )


def _v2(page, name: str):
    return page.locator(f'.rl-bidi-component[data-component="{name}"]')


@_needs("streamlit_echarts")
def test_echarts_loads_its_module_from_the_manifest_asset_folder_and_draws(open_app) -> None:
    page, app = open_app(
        """
        import streamlit as st
        from streamlit_echarts import st_echarts

        options = {
            "xAxis": {"type": "category", "data": ["Mon", "Tue", "Wed"]},
            "yAxis": {"type": "value"},
            "series": [{"data": [120, 200, 150], "type": "bar"}],
        }
        value = st_echarts(options=options, height="300px", key="chart")
        st.write(f"value={dict(value)}")
        """,
        "value={'chart_event': None}",
    )
    chart = _v2(page, "streamlit-echarts.streamlit_echarts")
    expect(chart.locator("canvas").first).to_be_attached(timeout=60_000)
    box = chart.bounding_box()
    assert box is not None and box["height"] >= 290
    # The module came from the component route, not inline in the page's messages.
    served = app.url + "component/streamlit-echarts.streamlit_echarts/"
    assert page.evaluate(
        "prefix => performance.getEntriesByType('resource').some(e => e.name.startsWith(prefix))",
        served,
    )


@_needs("streamlit_drawable_canvas")
def test_drawable_canvas_sends_a_stroke_back_to_the_script(open_app) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        from streamlit_drawable_canvas import st_canvas

        result = st_canvas(height=200, width=300, drawing_mode="freedraw", key="canvas")
        objects = (result.json_data or {}).get("objects", [])
        st.write(f"strokes={len(objects)}")
        """,
        "strokes=0",
    )
    canvas = _v2(page, "streamlit-drawable-canvas.streamlit_drawable_canvas")
    upper = canvas.locator("canvas.upper-canvas")
    expect(upper).to_be_visible(timeout=30_000)
    box = upper.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 40, box["y"] + 40)
    page.mouse.down()
    for step in range(1, 10):
        page.mouse.move(box["x"] + 40 + step * 15, box["y"] + 40 + step * 8)
    page.mouse.up()
    expect(page.get_by_text("strokes=1", exact=True)).to_be_visible(timeout=15_000)


@_needs("streamlit_antd_components")
def test_antd_buttons_return_the_choice_and_fire_the_callback_it_attaches(open_app) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        import streamlit_antd_components as sac

        def changed():
            st.session_state.calls = st.session_state.get("calls", 0) + 1

        choice = sac.buttons(
            [sac.ButtonsItem(label="Alpha"), sac.ButtonsItem(label="Beta")],
            key="pick",
            on_change=changed,
        )
        st.write(f"choice={choice} calls={st.session_state.get('calls', 0)}")
        """,
        "choice=Alpha calls=0",
    )
    frame = page.frame_locator('iframe[title="streamlit_antd_components.utils.component_func.sac"]')
    frame.get_by_text("Beta").click()
    expect(page.get_by_text("choice=Beta calls=1", exact=True)).to_be_visible(timeout=15_000)


@_needs("streamlit_tags")
def test_tags_input_sends_a_new_tag(open_app) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        from streamlit_tags import st_tags

        tags = st_tags(label="Tags", text="Add a tag", value=["red"], key="tags")
        st.write(f"tags={tags}")
        """,
        "tags=['red']",
    )
    frame = page.frame_locator('iframe[title="streamlit_tags.streamlit_tags"]')
    field = frame.get_by_placeholder("Add a tag")
    field.fill("blue")
    field.press("Enter")
    expect(page.get_by_text("tags=['red', 'blue']", exact=True)).to_be_visible(timeout=15_000)


@_needs("streamlit_shadcn_ui")
def test_shadcn_button_a_v2_trigger_that_checks_for_forms_through_streamlit_internals(
    open_app,
) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        import streamlit_shadcn_ui as ui

        clicked = ui.button("Press me", key="press")
        st.write(f"clicked={clicked}")
        """,
        "clicked=False",
    )
    button = _v2(page, "streamlit-shadcn-ui.v2").get_by_text("Press me")
    expect(button).to_be_visible(timeout=30_000)
    button.click()
    expect(page.get_by_text("clicked=True", exact=True)).to_be_visible(timeout=15_000)


@_needs("streamlit_local_storage")
def test_local_storage_a_script_that_waits_in_a_loop_for_the_component_value(open_app) -> None:
    """``LocalStorage()`` loops on ``st.session_state[key]`` until the page answers:
    reading session state is a yield point, so the run restarts with the value."""
    page, _ = open_app(
        """
        import streamlit as st
        from streamlit_local_storage import LocalStorage

        storage = LocalStorage()
        st.write(f"has colour: {'colour' in storage.getAll()}")
        """,
        "has colour: False",
    )
    page.evaluate("localStorage.setItem('colour', JSON.stringify('teal'))")
    page.reload()
    expect(page.get_by_text("has colour: True", exact=True)).to_be_visible(timeout=15_000)
