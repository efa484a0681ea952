"""st.context in a real browser: what the page and its connection tell of the user."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

APP = """
import rillet as st
c = st.context
st.write("locale:", c.locale or "none")
st.write("zone:", c.timezone or "none")
st.write("theme:", c.theme.type or "none")
st.write("agent:", "HeadlessChrome" in c.headers.get("User-Agent", ""))
st.write("url:", (c.url or "none").split("?")[0])
st.write("ready")
"""


def test_the_script_sees_the_browsers_locale_zone_theme_and_headers(open_app) -> None:
    page, app = open_app(APP, "ready")
    expected = page.evaluate(
        "() => [navigator.language, Intl.DateTimeFormat().resolvedOptions().timeZone]"
    )
    page.get_by_text(f"zone: {expected[1]}", exact=True).wait_for()
    # The boolean is written as inline code, which shows once the markdown chunk has loaded.
    page.locator("main code", has_text="True").wait_for()
    text = page.locator("main").inner_text()
    assert f"locale: {expected[0]}" in text
    assert "theme: light" in text or "theme: dark" in text
    assert "agent: True" in text
    assert f"url: {app.url}" in text
