"""Custom components from PyPI, as users install them, in a real Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from rillet.compat import install_streamlit_alias, uninstall_streamlit_alias

pytestmark = [
    pytest.mark.browser,
    # Third-party packages as published: st_aggrid leaves its JSON files open.
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
    # ...and calls pandas APIs that pandas 3 deprecates.
    pytest.mark.filterwarnings("ignore:The inplace keyword"),
]


@pytest.fixture(autouse=True)
def streamlit_alias() -> Iterator[None]:
    """As ``rillet run`` does: ``import streamlit`` loads rillet while the app runs."""
    installed = install_streamlit_alias()
    yield
    if installed:
        uninstall_streamlit_alias()


def frame_of(page, name: str):
    return page.frame_locator(f'iframe[title="{name}"]')


def test_option_menu_renders_and_its_choice_reaches_the_script(open_app) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        from streamlit_option_menu import option_menu

        choice = option_menu("Main menu", ["Home", "Settings"], key="menu")
        st.write(f"choice={choice}")
        st.write(f"state={st.session_state['menu']}")
        st.write(f"streamlit is rillet: {st.__name__ == 'streamlit' and hasattr(st, 'desktop')}")
        """,
        "choice=Home",
    )
    menu = frame_of(page, "streamlit_option_menu.option_menu")
    menu.get_by_text("Settings").click()
    expect(page.get_by_text("choice=Settings", exact=True)).to_be_visible()
    expect(page.get_by_text("state=Settings", exact=True)).to_be_visible()
    expect(page.get_by_text("streamlit is rillet: True", exact=True)).to_be_visible()
    height = page.locator('iframe[title="streamlit_option_menu.option_menu"]').bounding_box()
    assert height is not None and height["height"] > 50  # the frame took the height it asked for


def test_aggrid_shows_a_dataframe_and_sends_the_selection_back(open_app) -> None:
    page, _ = open_app(
        """
        import pandas as pd
        import streamlit as st
        from st_aggrid import AgGrid, GridOptionsBuilder

        df = pd.DataFrame({"name": ["Ada", "Grace", "Linus"], "age": [36, 45, 28]})
        builder = GridOptionsBuilder.from_dataframe(df)
        builder.configure_selection("single")
        grid = AgGrid(df, gridOptions=builder.build(), key="grid", height=200)
        rows = grid.selected_rows
        picked = [] if rows is None else list(rows["name"])
        st.write(f"selected={picked}")
        """,
        "selected=[]",
    )
    grid = frame_of(page, "st_aggrid.AgGrid.agGrid")
    selected = page.get_by_text("selected=['Grace']", exact=True)
    # The grid listens for selections a moment after its rows appear: click until it has.
    for _ in range(10):
        grid.get_by_text("Grace").click()
        try:
            selected.wait_for(timeout=1000)
            break
        except PlaywrightTimeout:
            continue
    expect(selected).to_be_visible()


def test_keyup_a_v2_component_sends_every_keystroke_and_its_submit(open_app) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        from st_keyup import st_keyup

        def submitted():
            st.session_state.submits = st.session_state.get("submits", 0) + 1

        value = st_keyup("City", key="city", on_submit=submitted)
        st.write(f"value={value} submits={st.session_state.get('submits', 0)}")
        """,
        "value= submits=0",
    )
    box = page.locator(".rl-bidi-component input")  # Playwright pierces the shadow root
    box.press_sequentially("Oslo")
    expect(page.get_by_text("value=Oslo submits=0", exact=True)).to_be_visible()
    box.press("Enter")
    expect(page.get_by_text("value=Oslo submits=1", exact=True)).to_be_visible()
    # The component's styles stay inside its shadow root.
    assert page.evaluate("document.querySelector('.rl-bidi-component').shadowRoot !== null")
    assert page.locator(".stkeyup__input").count() == 1  # found through the shadow root only
    assert page.evaluate("document.querySelectorAll('.stkeyup__input').length") == 0
