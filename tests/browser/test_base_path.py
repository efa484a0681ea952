"""An app served below server.baseUrlPath, as behind a reverse proxy, works whole."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.test_media import MEDIA_APP

pytestmark = pytest.mark.browser

APP = """
import rillet as st

def home():
    st.write("home page")
    if st.button("Add"):
        st.session_state.n = st.session_state.get("n", 0) + 1
    st.write(f"n={st.session_state.get('n', 0)}")

def other():
    st.write("other page")

st.navigation([st.Page(home, title="Home"), st.Page(other, title="Other")]).run()
"""


def test_pages_clicks_and_page_urls_stay_below_the_base_path(open_app) -> None:
    page, app = open_app(APP, "home page", server__baseUrlPath="apps/demo")
    assert app.url.endswith("/apps/demo/")

    page.get_by_role("button", name="Add").click()
    expect(page.get_by_text("n=1", exact=True)).to_be_visible()
    page.get_by_role("link", name="Other").click()
    expect(page.get_by_text("other page", exact=True)).to_be_visible()
    assert page.url == f"{app.url}other"

    page.reload()  # the page's own URL loads the app again
    expect(page.get_by_text("other page", exact=True)).to_be_visible()


def test_media_loads_from_below_the_base_path(open_app) -> None:
    page, app = open_app(MEDIA_APP, "media ready", server__baseUrlPath="apps/demo")
    image = page.locator("main img").first
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert image.evaluate("img => img.src").startswith(f"{app.url}media/")
