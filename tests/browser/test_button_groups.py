"""pills, segmented control, feedback, menu button and pagination, clicked in
Chromium against a real server: each click reaches the script and its rerun
shows the new value."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_each_new_widget_reaches_the_script_when_clicked(open_app):
    page, _ = open_app(
        """
        import rillet as st
        tags = st.pills("Tags", ["red", "green", "blue"], selection_mode="multi")
        view = st.segmented_control("View", ["Day", "Week"], default="Day")
        thumbs = st.feedback("thumbs")
        stars = st.feedback("stars")
        action = st.menu_button("Export", ["CSV", "JSON"])
        page = st.pagination(20, max_visible_pages=7)
        st.badge("Beta", color="violet")
        st.write(f"tags={tags} view={view} thumbs={thumbs} stars={stars}")
        st.write(f"action={action} page={page}")
        """,
        "Beta",
    )
    summary = "tags={} view={} thumbs={} stars={}"
    expect(page.get_by_text(summary.format([], "Day", None, None))).to_be_visible()

    tags = page.get_by_role("toolbar", name="Tags")
    tags.get_by_role("button", name="blue").click()
    tags.get_by_role("button", name="red").click()
    expect(page.get_by_text(summary.format(["blue", "red"], "Day", None, None))).to_be_visible()
    expect(tags.get_by_role("button", name="blue")).to_have_attribute("aria-pressed", "true")

    page.get_by_role("radiogroup", name="View").get_by_role("radio", name="Week").click()
    page.get_by_role("radio", name="Thumbs up").click()
    page.get_by_role("radio", name="4 out of 5 stars").click()
    expect(page.get_by_text(summary.format(["blue", "red"], "Week", 1, 3))).to_be_visible()

    # A second click on the chosen icon clears it.
    page.get_by_role("radio", name="Thumbs up").click()
    expect(page.get_by_text(summary.format(["blue", "red"], "Week", None, 3))).to_be_visible()

    # The menu's choice lasts one run; by keyboard too.
    page.get_by_role("button", name="Export").click()
    page.get_by_role("menuitem", name="JSON").click()
    expect(page.get_by_text("action=JSON page=1")).to_be_visible()
    page.get_by_role("button", name="Page 3").click()
    expect(page.get_by_text("action=None page=3")).to_be_visible()
    page.get_by_role("button", name="Export").focus()
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("menuitem", name="CSV")).to_be_focused()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.get_by_text("action=JSON page=3")).to_be_visible()

    # Pagination: arrows, and ellipses around the current page.
    page.get_by_role("button", name="Next page").click()
    expect(page.get_by_text("action=None page=4")).to_be_visible()
    page.get_by_role("button", name="Page 5").click()
    expect(page.get_by_text("action=None page=5")).to_be_visible()
    nav = page.get_by_role("navigation", name="Pagination")
    expect(nav.get_by_role("button", name="Page 5")).to_have_attribute("aria-current", "page")
    expect(nav.get_by_text("…")).to_have_count(2)
    expect(page.locator(".rl-badge", has_text="Beta")).to_be_visible()


def test_on_change_ignore_waits_for_the_next_rerun(open_app):
    page, _ = open_app(
        """
        import rillet as st
        size = st.segmented_control("Size", ["S", "M", "L"], default="S", on_change="ignore")
        st.button("Apply")
        st.write(f"size={size}")
        """,
        "size=S",
    )
    page.get_by_role("radio", name="L", exact=True).click()
    expect(page.get_by_role("radio", name="L", exact=True)).to_be_checked()
    page.wait_for_timeout(300)
    expect(page.get_by_text("size=S")).to_be_visible()
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("size=L")).to_be_visible()
