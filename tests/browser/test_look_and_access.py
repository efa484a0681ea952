"""The page's look and its accessibility: bundled fonts, the skip link, sidebar headings, axe-core."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

AXE = Path(__file__).parents[2] / "bundled_frontend" / "node_modules" / "axe-core" / "axe.min.js"

WIDGETS = """
import datetime
import rillet as st
st.title("Widgets")
st.selectbox("City", ["Oslo", "Lima"], help="Where to go")
st.selectbox("Hidden label", ["a", "b"], label_visibility="collapsed")
st.multiselect("Toppings", ["cheese", "olives"], ["cheese"])
st.multiselect("Locked", ["x"], disabled=True)
st.date_input("Day", datetime.date(2026, 1, 2))
st.date_input("Trip", (datetime.date(2026, 1, 2), datetime.date(2026, 1, 5)))
st.time_input("Alarm", datetime.time(7, 30))
st.datetime_input("When", datetime.datetime(2026, 1, 2, 9, 30), help="Start")
st.number_input("Qty", value=3)
st.slider("Level", 0, 10, 4)
st.text_input("Name")
st.checkbox("Agree")
st.radio("Size", ["S", "M"])
st.button("Go")
with st.sidebar:
    st.header("Filters")
    st.selectbox("Sort", ["new", "old"])
st.write("ready")
"""


def test_the_bundled_fonts_are_served_by_the_app_and_used(open_app):
    requests: list[str] = []
    page, app = open_app(WIDGETS, "ready")
    page.on("request", lambda request: requests.append(request.url))
    page.reload()
    page.get_by_text("ready", exact=True).wait_for()
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family + ' ' + f.weight)"
    )
    assert any("Source Sans 3" in face for face in loaded)
    family = page.get_by_text("ready", exact=True).evaluate("e => getComputedStyle(e).fontFamily")
    assert family.startswith('"Source Sans 3"')
    fonts = [url for url in requests if url.endswith(".woff2")]
    assert fonts and all(url.startswith(app.url.rstrip("/")) for url in fonts)
    static = Path(__file__).parents[2] / "server" / "rillet_server" / "static" / "assets"
    faces = [*static.glob("source-sans-3-*.woff2"), *static.glob("source-code-pro-*.woff2")]
    assert len(faces) == 3
    assert sum(face.stat().st_size for face in faces) <= 100_000


def test_tab_reaches_the_skip_link_first_and_it_moves_focus_to_the_app(open_app):
    page, _ = open_app(WIDGETS, "ready")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    # The next stop is in the app, not in the header or the sidebar.
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_sidebar_headings_are_smaller_than_the_page_s(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.header("On the page")
        st.sidebar.header("In the sidebar")
        """,
        "On the page",
    )
    size = "e => parseFloat(getComputedStyle(e).fontSize)"
    main = page.get_by_role("heading", name="On the page").evaluate(size)
    side = page.get_by_role("heading", name="In the sidebar").evaluate(size)
    assert side < main * 0.75


def test_axe_finds_no_serious_violation_on_the_widget_page(open_app):
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (npm install in bundled_frontend)")
    page, _ = open_app(WIDGETS, "ready")
    page.add_script_tag(path=str(AXE))
    _assert_no_serious_violation(page)
    # And with a list and the calendar open.
    page.get_by_role("combobox", name="City").click()
    _assert_no_serious_violation(page)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Open calendar").first.click()
    _assert_no_serious_violation(page)
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Choose date and time").click()
    _assert_no_serious_violation(page)


def test_axe_finds_no_serious_violation_in_the_dark_theme(open_app):
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (npm install in bundled_frontend)")
    page, _ = open_app(WIDGETS, "ready", theme__base="dark")
    page.add_script_tag(path=str(AXE))
    _assert_no_serious_violation(page)


def _assert_no_serious_violation(page):
    found = page.evaluate(
        """async () => {
            const result = await axe.run(document, { resultTypes: ["violations"] });
            return result.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => v.id + ": " + v.nodes.map(n => n.target.join(" ")).join(", "));
        }"""
    )
    assert found == [], "\n".join(found)
