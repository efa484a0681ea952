"""st.form end to end: batching, submit, clear_on_submit and the errors."""

from __future__ import annotations

from rillet.testing import AppTest

FORM_APP = """
import rillet as st
with st.form("f", clear_on_submit={clear}):
    agree = st.checkbox("agree")
    size = st.selectbox("size", ["S", "M", "L"])
    sent = st.form_submit_button("Send")
st.text(repr((agree, size, sent)))
"""


def _app(clear: bool = False) -> AppTest:
    return AppTest.from_string(FORM_APP.format(clear=clear)).run()


def test_form_values_wait_for_submit() -> None:
    at = _app()
    at.checkbox[0].check()
    at.selectbox[0].select("L")
    at.run()
    # Without a submit the script sees the old values and the change is dropped.
    assert at.text[0].value == "(False, 'S', False)"
    assert at.checkbox[0].value is False


def test_submit_sends_the_form_values_together() -> None:
    at = _app()
    at.checkbox[0].check()
    at.selectbox[0].select("M")
    at.button[0].click().run()
    assert at.text[0].value == "(True, 'M', True)"
    at.run()
    assert at.text[0].value == "(True, 'M', False)"


def test_clear_on_submit_resets_widgets_after_the_submit_run() -> None:
    at = _app(clear=True)
    at.checkbox[0].check()
    at.selectbox[0].select("M")
    at.button[0].click().run()
    assert at.text[0].value == "(True, 'M', True)"
    assert at.checkbox[0].value is False
    assert at.selectbox[0].value == "S"
    at.run()
    assert at.text[0].value == "(False, 'S', False)"


def test_form_block_carries_its_options() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        with st.form("f", enter_to_submit=False, border=False):
            st.checkbox("x")
            st.form_submit_button()
        """
    ).run()
    form = at.get("form")[0].proto.form
    assert (form.form_id, form.enter_to_submit, form.border) == ("f", False, False)
    assert at.checkbox[0].form_id == "f"


def test_form_handle_writes_into_the_form() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        form = st.form("f")
        agree = form.checkbox("agree")
        sent = form.form_submit_button("Go")
        st.text(repr((agree, sent)))
        """
    ).run()
    assert at.get("form")[0].checkbox[0].label == "agree"
    at.checkbox[0].check()
    at.button[0].click().run()
    assert at.text[0].value == "(True, True)"


def test_submit_callback_runs_before_the_script_and_sees_values() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        def saved():
            st.session_state.log = f"saved {st.session_state.agree}"
        with st.form("f"):
            st.checkbox("agree", key="agree")
            st.form_submit_button("Save", on_click=saved)
        st.text(st.session_state.get("log", "-"))
        """
    ).run()
    at.checkbox[0].check().run()
    assert at.text[0].value == "-"
    at.checkbox[0].check()
    at.button[0].click().run()
    assert at.text[0].value == "saved True"


def test_form_without_submit_button_shows_an_error_in_the_form() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        with st.form("lonely"):
            st.checkbox("x")
        st.text("after")
        """
    ).run()
    assert not at.exception
    [error] = at.get("form")[0].error
    assert "Missing submit button" in error.value
    assert "lonely" in error.value
    assert at.text[0].value == "after"


def test_nested_forms_are_an_error() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        with st.form("outer"):
            with st.form("inner"):
                st.form_submit_button()
            st.form_submit_button()
        """
    ).run()
    assert "cannot be nested" in at.exception[0].value


def test_duplicate_form_keys_are_an_error() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        for _ in range(2):
            with st.form("same"):
                st.form_submit_button()
        """
    ).run()
    assert "several forms with `key='same'`" in at.exception[0].value


def test_button_inside_a_form_is_an_error() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        with st.form("f"):
            st.button("Not allowed")
            st.form_submit_button()
        """
    ).run()
    assert "can't be used inside `st.form()`" in at.exception[0].value


def test_widget_callback_inside_a_form_is_an_error() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        with st.form("f"):
            st.checkbox("x", on_change=lambda: None)
            st.form_submit_button()
        """
    ).run()
    assert "cannot have a callback" in at.exception[0].value


def test_submit_button_outside_a_form_is_an_error() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.form_submit_button("Send")
        """
    ).run()
    assert "must be called inside `st.form()`" in at.exception[0].value


def test_form_key_must_be_a_non_empty_string() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.form("")
        """
    ).run()
    assert "`key` must be a non-empty string" in at.exception[0].value


def test_forms_in_sidebar_and_columns_work() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        with st.sidebar.form("side"):
            a = st.checkbox("a")
            sa = st.form_submit_button("A")
        with st.columns(2)[1].form("col"):
            b = st.checkbox("b")
            sb = st.form_submit_button("B")
        st.text(repr((a, sa, b, sb)))
        """
    ).run()
    at.sidebar.checkbox[0].check()
    at.main.checkbox[0].check()
    at.main.button[0].click().run()
    # Only the submitted form's values arrive.
    assert at.text[0].value == "(False, False, True, True)"
