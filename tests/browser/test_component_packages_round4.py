"""Component packages from PyPI, round four, in Chromium: what each needed from rillet.

streamlit-hotkeys hides its listening frame with CSS on the st-key-<key>
class Streamlit derives from its key ("hotkeys-manager::global" gives
``.st-key-hotkeys-manager--global``); streamlit-server-state shares a value
between every tab and reruns the others when one changes it;
streamlit-floating-container draws its icon in the page's Material Symbols face.
One server serves every case here, picked by the ``case`` query parameter.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import alias_app_served

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
]

PACKAGES = ("streamlit_hotkeys", "streamlit_server_state")

APP = """
import streamlit as st

case = st.query_params.get("case", "")
if case == "hotkeys":
    import streamlit_hotkeys as hotkeys

    hotkeys.activate([hotkeys.hk("k", "k")], key="global")
    st.write(f"pressed={hotkeys.pressed('k')}")
elif case == "icon_font":
    # As streamlit-floating-container draws its button's icon.
    icon = st.components.v2.component(
        "icon_font",
        html='<span id="icon" style="font-family: Material Symbols Rounded; font-size: 24px">chat</span>',
    )
    icon(key="icon")
    st.write("icon shown")
elif case == "server_state":
    from streamlit_server_state import server_state, server_state_lock

    with server_state_lock["tabs_count"]:
        if "tabs_count" not in server_state:
            server_state.tabs_count = 0
    if st.button("inc"):
        with server_state_lock["tabs_count"]:
            server_state.tabs_count += 1
    st.write(f"count={server_state.tabs_count}")
"""


def _needs(module: str) -> pytest.MarkDecorator:
    # Looked up, not imported: importing a package at collection would load the real streamlit.
    return pytest.mark.skipif(
        importlib.util.find_spec(module) is None, reason=f"{module} is not installed"
    )


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app served under ``import streamlit`` (as ``rillet run`` does) by one Server."""
    loaded = set(sys.modules)
    with alias_app_served(tmp_path_factory.mktemp("packages4"), APP) as url:
        yield url
    # The packages were imported under the alias: later tests must import them afresh.
    for name in set(sys.modules) - loaded:
        if name.partition(".")[0] in PACKAGES:
            del sys.modules[name]


@_needs("streamlit_hotkeys")
def test_hotkeys_frame_is_hidden_by_its_key_class_and_a_key_press_reaches_the_script(
    page: Any, app_url: str
) -> None:
    page.goto(f"{app_url}?case=hotkeys")
    expect(page.get_by_text("pressed=False", exact=True)).to_be_visible()
    frame = page.locator(".st-key-hotkeys-manager--global iframe")
    expect(frame).to_have_count(1)
    box = frame.bounding_box()
    assert box is not None and (box["width"], box["height"]) == (0, 0)
    page.mouse.click(600, 500)
    page.keyboard.press("k")
    expect(page.get_by_text("pressed=True", exact=True)).to_be_visible()


@_needs("streamlit_server_state")
def test_server_state_change_in_one_tab_reruns_the_other(
    page: Any, browser: Any, app_url: str
) -> None:
    page.goto(f"{app_url}?case=server_state")
    before = page.get_by_text("count=", exact=False)
    expect(before).to_be_visible()
    start = int(before.inner_text().removeprefix("count="))
    other = browser.new_page()
    try:
        other.goto(f"{app_url}?case=server_state")
        expect(other.get_by_text(f"count={start}", exact=True)).to_be_visible()
        page.get_by_role("button", name="inc").click()
        expect(page.get_by_text(f"count={start + 1}", exact=True)).to_be_visible()
        # The other tab did nothing: the server reran it with the new value.
        expect(other.get_by_text(f"count={start + 1}", exact=True)).to_be_visible()
    finally:
        other.close()


def test_a_v2_component_draws_material_symbols_with_the_pages_font(page: Any, app_url: str) -> None:
    page.goto(f"{app_url}?case=hotkeys")
    expect(page.get_by_text("pressed=False", exact=True)).to_be_visible()
    fetched = "() => performance.getEntriesByType('resource').some(r => r.name.includes('material-symbols'))"
    assert page.evaluate(fetched) is False  # the face costs nothing on a page that does not use it
    page.goto(f"{app_url}?case=icon_font")
    expect(page.get_by_text("icon shown", exact=True)).to_be_visible()
    icon = page.locator(".rl-bidi-component #icon")
    # The ligature is one glyph a font-size square; as text, "chat" is wider than high.
    expect(icon).to_have_js_property("offsetWidth", 24)
    assert page.evaluate(fetched) is True
