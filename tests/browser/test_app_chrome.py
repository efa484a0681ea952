"""What surrounds an app: the theme menu, and exceptions shown in the page."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

HELLO = """
import rillet as st
st.title("Themed")
st.write("some body text")
"""


def _background(page) -> str:
    return page.evaluate(
        "() => getComputedStyle(document.querySelector('.rl-app')).backgroundColor"
    )


def _is_dark(rgb: str) -> bool:
    red, green, blue = (int(part) for part in rgb[rgb.index("(") + 1 : -1].split(",")[:3])
    return (red + green + blue) / 3 < 100


def test_dark_theme_from_the_menu_changes_the_page_and_survives_reload(open_app, browser):
    page, _ = open_app(HELLO, "some body text")
    page.emulate_media(color_scheme="light")
    light = _background(page)
    assert not _is_dark(light)

    page.get_by_role("button", name="Main menu").click()
    page.get_by_label("Dark").check()
    page.keyboard.press("Escape")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    dark = _background(page)
    assert _is_dark(dark), dark

    page.reload()
    expect(page.get_by_text("some body text")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    assert _background(page) == dark

    page.get_by_role("button", name="Main menu").click()
    page.get_by_label("Light").check()
    expect(page.locator("html")).to_have_attribute("data-theme", "light")
    assert _background(page) == light


BROKEN = """
import rillet as st
st.write("before the failure")

def load_settings():
    raise ValueError("settings file is empty")

load_settings()
st.write("after the failure")
"""

FIXED = BROKEN.replace('raise ValueError("settings file is empty")', 'return {"ok": True}')


def test_exception_shows_its_traceback_and_clears_after_the_fix_and_r(open_app):
    page, app = open_app(BROKEN, "before the failure")
    expect(page.get_by_text("settings file is empty", exact=True)).to_be_visible()
    exception = page.locator("[data-kind=exception]")
    expect(exception).to_contain_text("ValueError")
    expect(exception).to_contain_text("load_settings")  # the traceback names the frame
    expect(exception).to_contain_text('raise ValueError("settings file is empty")')
    expect(page.get_by_text("after the failure")).to_have_count(0)

    app.write(FIXED)
    page.locator("body").press("r")
    expect(page.get_by_text("after the failure")).to_be_visible()
    expect(exception).to_have_count(0)
    expect(page.get_by_text("before the failure")).to_be_visible()


def test_edited_source_offers_a_rerun_that_shows_the_new_version(open_app):
    page, app = open_app(
        'import rillet as st\nst.write("version one")\n',
        "version one",
        server__fileWatcherType="poll",
    )
    app.write('import rillet as st\nst.write("version two")\n')
    bar = page.get_by_role("status").filter(has_text="Source file changed")
    expect(bar).to_be_visible(timeout=15_000)
    bar.get_by_role("button", name="Rerun", exact=True).click()
    expect(page.get_by_text("version two")).to_be_visible()
    expect(page.get_by_text("version one")).to_have_count(0)
    expect(bar).to_have_count(0)
