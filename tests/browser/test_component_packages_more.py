"""Component packages from PyPI that reach past the component protocol, as published.

Each failed under ``rillet run`` until the part of Streamlit it leans on
was there: streamlit-shortcuts injects a script through a zero-size
``components.html`` frame that reaches into the page (Streamlit gives such
frames same-origin rights), streamlit-pdf hands its file to Streamlit's
media manager by its internal name, and streamlit-extras' eval_javascript
mounts a zero-height components.v2 component in ``st._event``, and
streamlit-image-gallery measures itself on the render its first posted
height brings.
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


@_needs("streamlit_shortcuts")
def test_shortcuts_a_zero_size_html_frame_listens_to_the_pages_keys(open_app) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        from streamlit_shortcuts import shortcut_button

        if shortcut_button("Save", "ctrl+s", key="save"):
            st.session_state.saved = st.session_state.get("saved", 0) + 1
        st.write(f"saved={st.session_state.get('saved', 0)}")
        """,
        "saved=0",
    )
    frame = page.locator("iframe.rl-iframe")
    expect(frame).to_be_attached()
    box = frame.bounding_box()
    assert box is not None and (box["width"], box["height"]) == (0, 0)
    # The frame's script put its listener on the page's document.
    page.wait_for_function("window.__streamlitShortcutsInitialized === true", timeout=15_000)
    page.keyboard.press("Control+s")
    expect(page.get_by_text("saved=1", exact=True)).to_be_visible(timeout=15_000)


@_needs("streamlit_pdf")
def test_pdf_a_v2_component_given_its_file_through_the_media_manager(open_app) -> None:
    page, app = open_app(
        """
        import streamlit as st
        from streamlit_pdf import pdf_viewer

        pdf_viewer(
            b"%PDF-1.1\\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj "
            b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj "
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\\n"
            b"trailer<</Root 1 0 R>>\\n%%EOF",
            height=300,
            key="pdf",
        )
        st.write("shown")
        """,
        "shown",
    )
    viewer = page.locator('.rl-bidi-component[data-component="streamlit-pdf.pdf_viewer"]')
    expect(viewer.locator("canvas").first).to_be_attached(timeout=60_000)
    fetched = page.evaluate(
        "() => performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => n.includes('/media/'))"
    )
    assert fetched and all(name.startswith(app.url) for name in fetched)


@_needs("streamlit_extras")
def test_eval_javascript_runs_in_the_event_area_and_sends_its_result(open_app) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        from streamlit_extras.eval_javascript import eval_javascript

        st.write("page")
        width = eval_javascript("window.innerWidth * 2", key="width")
        st.write(f"width={width}")
        """,
        "page",
    )
    doubled = page.evaluate("window.innerWidth * 2")
    expect(page.get_by_text(f"width={doubled}", exact=True)).to_be_visible(timeout=30_000)
    # The component draws nothing and sits outside the page's layout.
    component = page.locator(".rl-event-root .rl-bidi-component")
    expect(component).to_have_count(1)
    assert page.locator("#rl-main .rl-bidi-component").count() == 0


@_needs("streamlit_image_gallery")
def test_image_gallery_measures_itself_on_the_render_its_first_height_brings(open_app) -> None:
    """It posts its body's height on each render, and is 0 high on the first: as
    Streamlit does, a posted height sends the render message again."""
    page, _ = open_app(
        """
        import streamlit as st
        from streamlit_image_gallery import streamlit_image_gallery

        red = (
            "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmci"
            "IHdpZHRoPSI1MCIgaGVpZ2h0PSI1MCI+PHJlY3Qgd2lkdGg9IjUwIiBoZWlnaHQ9IjUwIiBmaWxs"
            "PSJyZWQiLz48L3N2Zz4="
        )
        streamlit_image_gallery([{"src": red, "title": "one"}, {"src": red, "title": "two"}])
        st.write("gallery")
        """,
        "gallery",
    )
    frame = page.locator('iframe[title="streamlit_image_gallery.streamlit_image_gallery"]')
    expect(frame).to_be_attached()
    page.wait_for_function(
        "document.querySelector('iframe.rl-component-frame').getBoundingClientRect().height >= 100",
        timeout=15_000,
    )
