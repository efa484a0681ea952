"""Comboboxes, the calendar and the time list, used by mouse and by keyboard."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

MANY = """
import rillet as st
city = st.selectbox("City", [f"City {i:03d}" for i in range(200)])
st.write(f"city={city}")
"""


def test_typing_filters_a_200_option_selectbox_and_a_click_picks(open_app):
    page, _ = open_app(MANY, "city=City 000")
    box = page.get_by_role("combobox", name="City")
    box.click()
    # Only the rows in view are in the page, not all 200.
    assert page.get_by_role("option").count() < 40
    box.fill("117")
    expect(page.get_by_role("option").first).to_have_text("City 117")
    page.get_by_role("option", name="City 117").click()
    expect(page.get_by_text("city=City 117")).to_be_visible()
    expect(box).to_have_value("City 117")
    expect(page.get_by_role("listbox")).to_have_count(0)


def test_a_selectbox_is_driven_by_keyboard_alone(open_app):
    page, _ = open_app(MANY, "city=City 000")
    box = page.get_by_role("combobox", name="City")
    box.focus()
    box.press("ArrowDown")  # opens on the current choice
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.get_by_text("city=City 001")).to_be_visible()
    box.press("ArrowDown")
    box.press("End")
    box.press("Enter")
    expect(page.get_by_text("city=City 199")).to_be_visible()
    box.press("ArrowDown")
    box.press("Home")
    box.press("Escape")  # closes without choosing
    expect(page.get_by_role("listbox")).to_have_count(0)
    expect(box).to_have_value("City 199")
    box.press_sequentially("c 005")
    box.press("Enter")
    expect(page.get_by_text("city=City 005")).to_be_visible()


def test_prefix_and_contains_modes_filter_as_named(open_app):
    page, _ = open_app(
        """
        import rillet as st
        a = st.selectbox("Prefix", ["apple", "pineapple", "apricot"], filter_mode="prefix")
        b = st.selectbox("Contains", ["apple", "pineapple", "apricot"], filter_mode="contains")
        st.write(f"a={a} b={b}")
        """,
        "a=apple b=apple",
    )
    page.get_by_role("combobox", name="Prefix").fill("ap")
    expect(page.get_by_role("option")).to_have_text(["apple", "apricot"])
    page.get_by_role("combobox", name="Prefix").press("Escape")
    page.get_by_role("combobox", name="Contains").fill("apple")
    expect(page.get_by_role("option")).to_have_text(["apple", "pineapple"])


def test_a_selectbox_takes_a_new_option_typed(open_app):
    page, _ = open_app(
        """
        import rillet as st
        tag = st.selectbox("Tag", ["red", "blue"], accept_new_options=True)
        st.write(f"tag={tag}")
        """,
        "tag=red",
    )
    box = page.get_by_role("combobox", name="Tag")
    box.fill("green")
    box.press("Enter")
    expect(page.get_by_text("tag=green")).to_be_visible()


def test_multiselect_chips_are_added_removed_and_cleared_by_mouse_and_keyboard(open_app):
    page, _ = open_app(
        """
        import rillet as st
        picked = st.multiselect("Toppings", ["cheese", "olives", "basil", "ham"])
        st.write("picked=" + ",".join(picked))
        """,
        "picked=",
    )
    box = page.get_by_role("combobox", name="Toppings")
    box.click()
    page.get_by_role("option", name="olives").click()
    # The list stays open for more picks; the chosen one leaves it.
    expect(page.get_by_role("option", name="olives")).to_have_count(0)
    box.fill("ba")
    box.press("Enter")
    expect(page.get_by_text("picked=olives,basil")).to_be_visible()
    box.press("Backspace")  # empty query: drops the last chip
    expect(page.get_by_text("picked=olives", exact=True)).to_be_visible()
    page.get_by_role("button", name="Remove olives").click()
    expect(page.get_by_text("picked=", exact=True)).to_be_visible()
    box.click()
    page.get_by_role("option", name="Select all").click()
    expect(page.get_by_text("picked=cheese,olives,basil,ham")).to_be_visible()
    page.get_by_role("button", name="Clear all").click()
    expect(page.get_by_text("picked=", exact=True)).to_be_visible()


def test_multiselect_chips_are_picked_and_cleared_by_keyboard_alone(open_app):
    page, _ = open_app(
        """
        import rillet as st
        picked = st.multiselect("Toppings", ["cheese", "olives", "basil", "ham"], ["ham"])
        st.write("picked=" + ",".join(picked))
        """,
        "picked=ham",
    )
    box = page.get_by_role("combobox", name="Toppings")
    box.focus()
    box.press("ArrowDown")  # opens the list on "Select all"
    box.press("ArrowDown")
    box.press("Enter")  # the first option left: cheese
    expect(page.get_by_text("picked=ham,cheese", exact=True)).to_be_visible()
    box.press_sequentially("oli")
    expect(page.get_by_role("option", name="olives")).to_be_visible()
    expect(page.get_by_role("option", name="basil")).to_have_count(0)
    box.press("Enter")
    expect(page.get_by_text("picked=ham,cheese,olives", exact=True)).to_be_visible()
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_have_count(0)
    box.press("Backspace")  # the last chip goes
    expect(page.get_by_text("picked=ham,cheese", exact=True)).to_be_visible()
    box.press("Tab")  # on to the clear-all control
    expect(page.get_by_role("button", name="Clear all")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("picked=", exact=True)).to_be_visible()


def test_multiselect_select_matches_and_max_selections(open_app):
    page, _ = open_app(
        """
        import rillet as st
        picked = st.multiselect("Fruit", ["apple", "apricot", "banana", "cherry"], max_selections=2)
        st.write("picked=" + ",".join(picked))
        """,
        "picked=",
    )
    box = page.get_by_role("combobox", name="Fruit")
    box.fill("ap")
    page.get_by_role("option", name="Select 2 matches").click()
    expect(page.get_by_text("picked=apple,apricot")).to_be_visible()
    # The list stays open, offering nothing more and saying why.
    expect(page.get_by_role("option")).to_have_count(0)
    expect(page.get_by_text("You can only select up to 2 options")).to_be_visible()


def test_select_all_follows_its_limit(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.multiselect("Never", ["a", "b", "c"], select_all=False)
        st.multiselect("Small", ["a", "b", "c"], select_all=2)
        st.write("ready")
        """,
        "ready",
    )
    page.get_by_role("combobox", name="Never").click()
    expect(page.get_by_role("option", name="Select all")).to_have_count(0)
    page.get_by_role("combobox", name="Never").press("Escape")
    page.get_by_role("combobox", name="Small").click()
    expect(page.get_by_role("option", name="Select all")).to_have_count(0)
    page.get_by_role("combobox", name="Small").fill("a")
    expect(page.get_by_role("option")).to_have_text(["a"])


def test_date_input_shows_its_format_and_refuses_text_that_is_no_date(open_app):
    page, _ = open_app(
        """
        import datetime
        import rillet as st
        day = st.date_input("Day", datetime.date(2026, 1, 31), format="DD.MM.YYYY")
        st.write(f"day={day.isoformat()}")
        """,
        "day=2026-01-31",
    )
    field = page.get_by_role("textbox", name="Day")
    expect(field).to_have_value("31.01.2026")
    field.fill("30.02.2026")
    field.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("2026-02 has no day 30")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("day=2026-01-31")).to_be_visible()
    field.fill("01.03.2026")
    field.press("Enter")
    expect(page.get_by_text("day=2026-03-01")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)


def test_a_date_range_is_picked_in_the_calendar_by_mouse_and_by_keyboard(open_app):
    page, _ = open_app(
        """
        import datetime
        import rillet as st
        trip = st.date_input(
            "Trip",
            (datetime.date(2026, 3, 2), datetime.date(2026, 3, 4)),
            min_value=datetime.date(2026, 3, 1),
            max_value=datetime.date(2026, 4, 30),
        )
        st.write("trip=" + " to ".join(d.isoformat() for d in trip))
        """,
        "trip=2026-03-02 to 2026-03-04",
    )
    page.get_by_role("button", name="Open calendar").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("button", name="2026/02/28")).to_have_count(0)
    expect(dialog.get_by_role("button", name="Previous month")).to_be_disabled()
    dialog.get_by_role("button", name="2026/03/20").click()
    dialog.get_by_role("button", name="2026/03/10").click()
    expect(page.get_by_text("trip=2026-03-10 to 2026-03-20")).to_be_visible()
    expect(page.get_by_role("textbox", name="Trip")).to_have_value("2026/03/10 \u2013 2026/03/20")

    field = page.get_by_role("textbox", name="Trip")
    field.press("ArrowDown")  # opens the calendar on the first date
    day = page.get_by_role("button", name="2026/03/10")
    expect(day).to_be_focused()
    day.press("ArrowRight")
    expect(page.get_by_role("button", name="2026/03/11")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("PageDown")
    expect(page.get_by_role("button", name="2026/04/11")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("trip=2026-03-11 to 2026-04-11")).to_be_visible()


def test_time_input_offers_a_choice_every_step_in_24_hours_and_steps_by_keyboard(open_app):
    page, _ = open_app(
        """
        import datetime
        import rillet as st
        when = st.time_input("Alarm", datetime.time(20, 30), step=1800)
        later = st.time_input("Later", datetime.time(20, 30), format="12h")
        st.write(f"alarm={when.isoformat()} later={later.isoformat()}")
        """,
        "alarm=20:30:00 later=20:30:00",
    )
    box = page.get_by_role("combobox", name="Alarm")
    expect(box).to_have_value("20:30")
    expect(page.get_by_role("combobox", name="Later")).to_have_value("8:30 PM")
    box.click()
    # It opens on the current time; choices come every 30 minutes.
    expect(page.get_by_role("option", selected=True)).to_have_text("20:30")
    expect(page.get_by_role("option", name="20:45")).to_have_count(0)
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.get_by_text("alarm=21:00:00")).to_be_visible()
    box.click()
    page.get_by_role("option", name="21:30").click()
    expect(page.get_by_text("alarm=21:30:00")).to_be_visible()
    box.fill("25:00")
    box.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("25 is not an hour")
    expect(page.get_by_text("alarm=21:30:00")).to_be_visible()


def test_number_input_refuses_text_that_is_no_number_and_steps_from_what_is_typed(open_app):
    page, _ = open_app(
        """
        import rillet as st
        qty = st.number_input("Qty", value=2, step=5)
        price = st.number_input("Price", value=1.0, step=0.1, format="%.2f")
        st.write(f"qty={qty} price={price}")
        """,
        "qty=2 price=1.0",
    )
    qty = page.get_by_role("textbox", name="Qty")
    qty.fill("")
    qty.press_sequentially("2.5")  # the point is refused as it is typed
    expect(page.get_by_role("alert")).to_contain_text('"." cannot be typed here')
    expect(page.get_by_role("alert")).to_contain_text("whole numbers only")
    expect(qty).to_have_value("25")
    qty.fill("-")
    qty.press("Enter")  # a sign alone is no number: refused, the last good one kept
    expect(page.get_by_role("alert")).to_contain_text('"-" is not a number')
    expect(qty).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_text("qty=2 price=1.0")).to_be_visible()
    qty.fill("10")
    qty.press("ArrowUp")  # steps from the 10 typed
    expect(page.get_by_text("qty=15 price=1.0")).to_be_visible()
    expect(page.get_by_role("alert")).to_have_count(0)
    price = page.get_by_role("textbox", name="Price")
    expect(price).to_have_value("1.00")
    price.press("ArrowUp")
    price.press("ArrowUp")
    expect(page.get_by_text("qty=15 price=1.2")).to_be_visible()
    expect(price).to_have_value("1.20")
    page.get_by_role("button", name="Decrement").nth(1).click()
    expect(page.get_by_text("qty=15 price=1.1")).to_be_visible()
    expect(price).to_have_value("1.10")


def test_number_input_takes_while_typing_only_what_its_format_shows(open_app):
    page, _ = open_app(
        """
        import rillet as st
        rate = st.number_input("Rate", value=12.5, step=0.25, format="%0.2f")
        st.write(f"rate={rate}")
        """,
        "rate=12.5",
    )
    rate = page.get_by_role("textbox", name="Rate")
    expect(rate).to_have_value("12.50")
    rate.fill("")
    rate.press_sequentially("7.125")  # a third decimal is more than %0.2f shows
    expect(rate).to_have_value("7.12")
    expect(page.get_by_role("alert")).to_contain_text("at most 2 decimals")
    rate.press_sequentially("x")
    expect(rate).to_have_value("7.12")
    rate.fill("7.1")
    rate.press("Tab")  # away from the field it shows the number in its format
    expect(page.get_by_text("rate=7.1")).to_be_visible()
    expect(rate).to_have_value("7.10")
    rate.press("ArrowUp")
    expect(page.get_by_text("rate=7.35")).to_be_visible()
    expect(rate).to_have_value("7.35")


def test_slider_value_rides_above_its_thumb_in_its_format(open_app):
    page, _ = open_app(
        """
        import rillet as st
        v = st.slider("Level", 0, 100, 0, format="%d%%")
        st.write(f"v={v}")
        """,
        "v=0",
    )
    label = page.locator(".rl-slider-value")
    expect(label).to_have_text("0%")
    left = label.bounding_box()["x"]
    page.get_by_role("slider", name="Level").press("End")
    expect(page.get_by_text("v=100")).to_be_visible()
    expect(label).to_have_text("100%")
    track = page.locator(".rl-slider-track").bounding_box()
    moved = label.bounding_box()
    assert moved["x"] > left + track["width"] / 2
    assert moved["x"] + moved["width"] <= track["x"] + track["width"] + moved["width"] / 2


def test_a_required_selectbox_blocks_its_form_until_chosen_and_cannot_be_cleared(open_app):
    page, _ = open_app(
        """
        import rillet as st
        with st.form("order"):
            size = st.selectbox("Size", ["S", "M"], index=None, required=True)
            sent = st.form_submit_button("Send")
        st.write(f"size={size} sent={sent}")
        """,
        "size=None sent=False",
    )
    page.get_by_role("button", name="Send").click()
    page.wait_for_timeout(300)
    expect(page.get_by_text("size=None sent=False")).to_be_visible()
    page.get_by_role("combobox", name="Size").click()
    page.get_by_role("option", name="M").click()
    expect(page.get_by_role("button", name="Clear value")).to_have_count(0)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("size=M sent=True")).to_be_visible()


def test_multiselect_chips_wrap_as_wrap_and_the_layout_say(open_app):
    many = [f"option number {i}" for i in range(8)]
    page, _ = open_app(
        f"""
        import rillet as st
        st.multiselect("Wraps", {many!r}, {many!r})
        st.multiselect("One row", {many!r}, {many!r}, wrap=False)
        left, right = st.columns(2)
        left.multiselect("In a column", {many!r}, {many!r})
        right.multiselect("Column, wrapping", {many!r}, {many!r}, wrap=True)
        st.write("ready")
        """,
        "ready",
    )

    def height(label: str) -> float:
        box = page.get_by_role("combobox", name=label, exact=True).locator("xpath=../..")
        return float(box.bounding_box()["height"])

    assert height("Wraps") > 60
    assert height("One row") < 50
    assert height("In a column") < 50
    assert height("Column, wrapping") > 60


DATETIME = """
import datetime
import rillet as st
when = st.datetime_input(
    "When",
    datetime.datetime(2026, 3, 15, 14, 30),
    min_value=datetime.datetime(2026, 3, 1, 9, 0),
    max_value=datetime.date(2026, 4, 30),
    format="DD.MM.YYYY",
    step=1800,
)
st.write(f"when={when.isoformat() if when else None}")
"""


def test_datetime_input_shows_its_format_and_refuses_text_that_is_no_moment(open_app):
    page, _ = open_app(DATETIME, "when=2026-03-15T14:30:00")
    field = page.get_by_role("textbox", name="When")
    expect(field).to_have_value("15.03.2026, 14:30")
    field.fill("31.04.2026, 10:00")
    field.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("2026-04 has no day 31")
    expect(field).to_have_attribute("aria-invalid", "true")
    field.fill("28.02.2026, 10:00")
    field.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text(
        "28.02.2026, 10:00 is before 01.03.2026, 09:00"
    )
    expect(page.get_by_text("when=2026-03-15T14:30:00")).to_be_visible()
    field.fill("02.04.2026 7:45 pm")
    field.press("Enter")
    expect(page.get_by_text("when=2026-04-02T19:45:00")).to_be_visible()
    expect(field).to_have_value("02.04.2026, 19:45")
    expect(page.get_by_role("alert")).to_have_count(0)


def test_datetime_input_is_picked_in_a_calendar_and_a_time_list_by_mouse_and_keyboard(open_app):
    page, _ = open_app(DATETIME, "when=2026-03-15T14:30:00")
    page.get_by_role("button", name="Choose date and time").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("button", name="Previous month")).to_be_disabled()
    dialog.get_by_role("button", name="20.03.2026").click()  # the day changes, the time stays
    expect(page.get_by_text("when=2026-03-20T14:30:00")).to_be_visible()
    times = page.get_by_role("listbox", name="Time")
    expect(times.get_by_role("option", selected=True)).to_have_text("14:30")
    expect(times.get_by_role("option", name="14:45")).to_have_count(0)  # every 30 minutes
    times.get_by_role("option", name="16:00").click()
    expect(page.get_by_text("when=2026-03-20T16:00:00")).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)

    field = page.get_by_role("textbox", name="When")
    expect(field).to_have_value("20.03.2026, 16:00")
    field.press("Alt+ArrowDown")
    day = page.get_by_role("button", name="20.03.2026")
    expect(day).to_be_focused()
    day.press("ArrowRight")
    expect(page.get_by_role("button", name="21.03.2026")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("when=2026-03-21T16:00:00")).to_be_visible()
    times = page.get_by_role("listbox", name="Time")
    times.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.get_by_text("when=2026-03-21T16:30:00")).to_be_visible()
    expect(field).to_be_focused()
    # On the first day, the times before the minimum are not offered.
    field.fill("01.03.2026, 09:00")
    field.press("Enter")
    field.press("Alt+ArrowDown")
    expect(page.get_by_role("listbox", name="Time").get_by_role("option").first).to_have_text(
        "09:00"
    )


def test_a_date_input_made_without_a_date_can_be_cleared_and_one_with_a_default_cannot(open_app):
    page, _ = open_app(
        """
        import datetime
        import rillet as st
        d = st.date_input("Due", value=None)
        st.date_input("Start", datetime.date(2024, 1, 2))
        st.write(f"d={d}")
        """,
        "d=None",
    )
    clear = page.get_by_role("button", name="Clear value")
    expect(clear).to_have_count(0)  # nothing chosen yet, and Start has a default
    box = page.get_by_role("textbox", name="Due")
    box.fill("2024/03/05")
    box.press("Enter")
    expect(page.get_by_text("d=2024-03-05")).to_be_visible()
    expect(clear).to_have_count(1)
    clear.click()
    expect(page.get_by_text("d=None")).to_be_visible()
    expect(box).to_have_value("")
    expect(clear).to_have_count(0)
