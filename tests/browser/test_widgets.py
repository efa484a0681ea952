"""Every widget driven as a user drives it, in Chromium, against a real server.

Each test serves a small app whose script writes what it received, so an
assertion on the page checks the whole loop: the DOM event, the widget value
on the wire, the rerun, and the rendered result.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_button_click_shows_its_result_for_one_run(open_app):
    page, _ = open_app(
        """
        import rillet as st
        if st.button("Say hi"):
            st.write("Hello there")
        st.checkbox("Something else")
        """,
        "Say hi",
    )
    expect(page.get_by_text("Hello there")).to_have_count(0)
    page.get_by_role("button", name="Say hi").click()
    expect(page.get_by_text("Hello there")).to_be_visible()
    # A button is a trigger: the next rerun (from another widget) sees False.
    page.get_by_label("Something else").check()
    expect(page.get_by_text("Hello there")).to_have_count(0)


def test_checkbox_and_toggle_report_their_state(open_app):
    page, _ = open_app(
        """
        import rillet as st
        agree = st.checkbox("Agree")
        power = st.toggle("Power")
        st.write(f"agree={agree} power={power}")
        """,
        "agree=False power=False",
    )
    page.get_by_label("Agree").check()
    expect(page.get_by_text("agree=True power=False")).to_be_visible()
    page.get_by_role("switch", name="Power").click()
    expect(page.get_by_text("agree=True power=True")).to_be_visible()
    expect(page.get_by_role("switch", name="Power")).to_be_checked()
    page.get_by_label("Agree").uncheck()
    expect(page.get_by_text("agree=False power=True")).to_be_visible()


def test_radio_selects_one_option(open_app):
    page, _ = open_app(
        """
        import rillet as st
        flavour = st.radio("Flavour", ["Vanilla", "Mint", "Lemon"])
        st.write(f"flavour={flavour}")
        """,
        "flavour=Vanilla",
    )
    group = page.get_by_role("radiogroup", name="Flavour")
    group.get_by_role("radio", name="Mint").check()
    expect(page.get_by_text("flavour=Mint")).to_be_visible()
    expect(group.get_by_role("radio", name="Vanilla")).not_to_be_checked()


def test_selectbox_picks_an_option(open_app):
    page, _ = open_app(
        """
        import rillet as st
        city = st.selectbox("City", ["Oslo", "Lima", "Pune"])
        st.write(f"city={city}")
        """,
        "city=Oslo",
    )
    page.get_by_label("City").click()
    page.get_by_role("option", name="Pune").click()
    expect(page.get_by_text("city=Pune")).to_be_visible()


def test_multiselect_adds_and_removes_options(open_app):
    page, _ = open_app(
        """
        import rillet as st
        picked = st.multiselect("Toppings", ["cheese", "olives", "basil"], default=["cheese"])
        st.write("picked=" + ",".join(picked))
        """,
        "picked=cheese",
    )
    page.get_by_label("Toppings").click()
    page.get_by_role("option", name="basil").click()
    expect(page.get_by_text("picked=cheese,basil")).to_be_visible()
    page.get_by_role("button", name="Remove cheese").click()
    expect(page.get_by_text("picked=basil", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Remove cheese")).to_have_count(0)


def test_slider_moves_with_arrow_keys(open_app):
    page, _ = open_app(
        """
        import rillet as st
        level = st.slider("Level", 0, 10, 3)
        st.write(f"level={level}")
        """,
        "level=3",
    )
    slider = page.get_by_role("slider", name="Level")
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("level=4")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("level=5")).to_be_visible()
    page.keyboard.press("ArrowLeft")
    expect(page.get_by_text("level=4")).to_be_visible()


def test_select_slider_moves_between_named_steps(open_app):
    page, _ = open_app(
        """
        import rillet as st
        size = st.select_slider("Size", ["small", "medium", "large"], value="small")
        st.write(f"size={size}")
        """,
        "size=small",
    )
    page.get_by_role("slider", name="Size").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_text("size=medium")).to_be_visible()
    page.keyboard.press("End")
    expect(page.get_by_text("size=large")).to_be_visible()


def test_text_input_sends_on_enter(open_app):
    page, _ = open_app(
        """
        import rillet as st
        name = st.text_input("Your name")
        st.write(f"Hello, {name or 'stranger'}!")
        """,
        "Hello, stranger!",
    )
    page.get_by_label("Your name").fill("Ada")
    page.get_by_label("Your name").press("Enter")
    expect(page.get_by_text("Hello, Ada!")).to_be_visible()


def test_text_area_sends_on_ctrl_enter_and_on_leaving_it(open_app):
    page, _ = open_app(
        """
        import rillet as st
        notes = st.text_area("Notes")
        st.write(f"lines={len(notes.splitlines())}")
        """,
        "lines=0",
    )
    area = page.get_by_label("Notes")
    area.fill("one\ntwo")
    area.press("Control+Enter")
    expect(page.get_by_text("lines=2")).to_be_visible()
    area.fill("one\ntwo\nthree")
    area.blur()
    expect(page.get_by_text("lines=3")).to_be_visible()


def test_number_input_steps_and_accepts_typing(open_app):
    page, _ = open_app(
        """
        import rillet as st
        qty = st.number_input("Quantity", min_value=0, max_value=10, value=5)
        st.write(f"qty={qty}")
        """,
        "qty=5",
    )
    widget = page.locator("[data-kind=numberInput]")
    widget.get_by_role("button", name="Increment").click()
    expect(page.get_by_text("qty=6")).to_be_visible()
    widget.get_by_role("button", name="Decrement").click()
    widget.get_by_role("button", name="Decrement").click()
    expect(page.get_by_text("qty=4")).to_be_visible()
    field = page.get_by_label("Quantity")
    field.fill("9")
    field.press("Enter")
    expect(page.get_by_text("qty=9")).to_be_visible()
    expect(field).to_have_value("9")


def test_date_input_takes_a_typed_date(open_app):
    page, _ = open_app(
        """
        import datetime
        import rillet as st
        day = st.date_input("Day", datetime.date(2024, 1, 1))
        st.write(f"day={day.isoformat()} weekday={day.strftime('%A')}")
        """,
        "day=2024-01-01 weekday=Monday",
    )
    page.get_by_label("Day").fill("2024/05/17")
    page.get_by_label("Day").press("Enter")
    expect(page.get_by_text("day=2024-05-17 weekday=Friday")).to_be_visible()


def test_time_input_takes_a_typed_time(open_app):
    page, _ = open_app(
        """
        import datetime
        import rillet as st
        when = st.time_input("Alarm", datetime.time(7, 0))
        st.write(f"alarm={when.isoformat()}")
        """,
        "alarm=07:00:00",
    )
    field = page.get_by_role("combobox", name="Alarm")
    field.fill("13:45")
    field.press("Enter")
    expect(page.get_by_text("alarm=13:45:00")).to_be_visible()


def test_color_picker_reports_the_chosen_colour(open_app):
    page, _ = open_app(
        """
        import rillet as st
        colour = st.color_picker("Ink", "#000000")
        st.write(f"ink={colour}")
        """,
        "ink=#000000",
    )
    page.get_by_label("Ink").fill("#ff8800")
    expect(page.get_by_text("ink=#ff8800")).to_be_visible()


def test_file_uploader_uploads_and_deletes_a_file(open_app):
    page, _ = open_app(
        """
        import rillet as st
        upload = st.file_uploader("Attachment")
        if upload is None:
            st.write("no file")
        else:
            st.write(f"{upload.name}: {upload.size} bytes, says {upload.getvalue().decode()!r}")
        """,
        "no file",
    )
    page.get_by_label("Attachment").set_input_files(
        files=[{"name": "notes.txt", "mimeType": "text/plain", "buffer": b"hello rillet"}]
    )
    expect(page.get_by_text("notes.txt: 12 bytes, says 'hello rillet'")).to_be_visible()
    page.get_by_role("button", name="Remove notes.txt").click()
    expect(page.get_by_text("no file")).to_be_visible()
    expect(page.get_by_role("button", name="Remove notes.txt")).to_have_count(0)


def test_download_button_downloads_its_data_with_its_file_name(open_app):
    page, _ = open_app(
        """
        import rillet as st
        st.download_button("Get the report", "a,b\\n1,2\\n", file_name="report.csv")
        """,
        "Get the report",
    )
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Get the report").click()
    download = download_info.value
    assert download.suggested_filename == "report.csv"
    with open(download.path(), "rb") as data:
        assert data.read() == b"a,b\n1,2\n"


def test_form_batches_values_until_submit_and_clears_on_submit(open_app):
    page, _ = open_app(
        """
        import rillet as st
        with st.form("signup", clear_on_submit=True):
            name = st.text_input("Name")
            plan = st.selectbox("Plan", ["free", "pro"])
            sent = st.form_submit_button("Sign up")
        outside = st.checkbox("Outside the form")
        st.write(f"name={name!r} plan={plan} sent={sent} outside={outside}")
        """,
        "name='' plan=free sent=False outside=False",
    )
    page.get_by_label("Name").fill("Ada")
    page.get_by_label("Name").blur()
    page.get_by_label("Plan").click()
    page.get_by_role("option", name="pro").click()
    # A rerun from outside the form does not see the unsent form values.
    page.get_by_label("Outside the form").check()
    expect(page.get_by_text("name='' plan=free sent=False outside=True")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Ada")

    page.get_by_role("button", name="Sign up").click()
    expect(page.get_by_text("name='Ada' plan=pro sent=True outside=True")).to_be_visible()
    # clear_on_submit: the fields are back to their defaults after the submit.
    expect(page.get_by_label("Name")).to_have_value("")
    expect(page.get_by_label("Plan")).to_have_value("free")


def test_chat_input_sends_a_message_shown_in_a_chat_message(open_app):
    page, _ = open_app(
        """
        import rillet as st
        if "log" not in st.session_state:
            st.session_state.log = []
        prompt = st.chat_input("Say something")
        if prompt:
            st.session_state.log.append(prompt)
        for said in st.session_state.log:
            with st.chat_message("user"):
                st.write(said)
        st.write(f"messages={len(st.session_state.log)}")
        """,
        "messages=0",
    )
    box = page.get_by_placeholder("Say something")
    box.fill("hi there")
    box.press("Enter")
    message = page.get_by_label("Chat message from user")
    expect(message).to_have_text("hi there")
    expect(page.get_by_text("messages=1")).to_be_visible()
    expect(box).to_have_value("")
    box.fill("second")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("messages=2")).to_be_visible()
    expect(message).to_have_text(["hi there", "second"])


def test_layout_blocks_render_tabs_expander_columns_and_sidebar(open_app):
    page, _ = open_app(
        """
        import rillet as st
        first, second = st.tabs(["First tab", "Second tab"])
        first.write("inside the first tab")
        second.write("inside the second tab")
        with st.expander("More details"):
            st.write("the hidden detail")
        left, right = st.columns(2)
        left.write("left column")
        right.write("right column")
        st.sidebar.write("in the sidebar")
        """,
        "inside the first tab",
    )
    expect(page.get_by_text("inside the second tab")).to_be_hidden()
    page.get_by_role("tab", name="Second tab").click()
    expect(page.get_by_text("inside the second tab")).to_be_visible()
    expect(page.get_by_text("inside the first tab")).to_be_hidden()

    expect(page.get_by_text("the hidden detail")).to_be_hidden()
    page.get_by_text("More details").click()
    expect(page.get_by_text("the hidden detail")).to_be_visible()

    left = page.get_by_text("left column").bounding_box()
    right = page.get_by_text("right column").bounding_box()
    assert left is not None and right is not None
    assert left["x"] + left["width"] <= right["x"]
    assert abs(left["y"] - right["y"]) < 2

    expect(page.get_by_role("complementary", name="Sidebar")).to_contain_text("in the sidebar")


def test_empty_placeholder_is_replaced_in_place(open_app):
    page, _ = open_app(
        """
        import time
        import rillet as st
        st.write("above")
        slot = st.empty()
        slot.write("loading...")
        time.sleep(0.3)
        slot.write("finished")
        st.write("below")
        """,
        "below",
    )
    expect(page.get_by_text("finished")).to_be_visible()
    expect(page.get_by_text("loading...")).to_have_count(0)
    texts = page.locator("main [data-kind=markdown]").all_inner_texts()
    assert [t.strip() for t in texts] == ["above", "finished", "below"]
