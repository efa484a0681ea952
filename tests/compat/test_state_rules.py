"""Session-state and widget-identity rules behave as in Streamlit.

Each test is a tiny app run on both sides with the harness; where rillet
words an error itself, only the error's place is compared (``OWN_WORDS``).
"""

from __future__ import annotations

import datetime

import pytest
from harness import OWN_ERROR_WORDS, Known, assert_same

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

OWN_WORDS = [OWN_ERROR_WORDS]


def test_a_value_set_before_the_widget_is_created_is_its_value() -> None:
    assert_same(
        """
        import streamlit as st
        if "c" not in st.session_state:
            st.session_state.c = True
        st.write(st.checkbox("C", key="c", value=False))
        """,
        [("checkbox", 0, "uncheck"), ("run",)],
    )


def test_setting_a_widget_value_after_it_was_created_is_an_error() -> None:
    assert_same(
        """
        import streamlit as st
        st.checkbox("C", key="c")
        st.session_state.c = True
        st.write("not reached")
        """,
        known=OWN_WORDS,
    )


def test_a_button_value_cannot_be_set_before_it_is_created() -> None:
    assert_same(
        """
        import streamlit as st
        st.session_state.b = True
        st.button("B", key="b")
        """,
        known=OWN_WORDS,
    )


def test_a_button_value_cannot_be_set_after_it_is_created() -> None:
    assert_same(
        """
        import streamlit as st
        st.button("B", key="b")
        if st.checkbox("set"):
            st.session_state.b = True
        """,
        [("checkbox", 0, "check")],
        known=OWN_WORDS,
    )


def test_a_widget_not_rendered_in_a_full_run_is_forgotten() -> None:
    assert_same(
        """
        import streamlit as st
        if st.checkbox("show"):
            st.radio("R", ["a", "b"], key="r")
        st.write(st.session_state.get("r", "gone"))
        """,
        [
            ("checkbox", 0, "check"),
            ("radio", 0, "set_value", "b"),
            ("checkbox", 0, "uncheck"),
            ("checkbox", 0, "check"),
        ],
    )


def test_a_stopped_run_keeps_the_widgets_it_did_not_reach() -> None:
    assert_same(
        """
        import streamlit as st
        if st.checkbox("stop early"):
            st.stop()
        st.radio("R", ["a", "b"], key="r")
        st.write(st.session_state.get("r"))
        """,
        [("radio", 0, "set_value", "b"), ("checkbox", 0, "check"), ("checkbox", 0, "uncheck")],
    )


def test_callbacks_run_before_the_script_in_widget_order_with_args() -> None:
    assert_same(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        def cb(name, *, extra=""):
            st.session_state.log.append(name + extra)
        st.write("top:", " ".join(st.session_state.log))
        st.checkbox("one", on_change=cb, args=("one",))
        st.checkbox("two", on_change=cb, args=("two",), kwargs={"extra": "!"})
        st.button("three", on_click=cb, kwargs={"name": "three"})
        """,
        [[("checkbox", 1, "check"), ("checkbox", 0, "check"), ("button", 0, "click")], ("run",)],
    )


def test_a_button_is_true_for_one_run_only() -> None:
    assert_same(
        """
        import streamlit as st
        clicked = st.button("go", key="go")
        st.write("clicked" if clicked else "not", st.session_state.go)
        """,
        [("button", 0, "click"), ("run",)],
    )


def test_a_callback_may_set_its_own_widget() -> None:
    assert_same(
        """
        import streamlit as st
        def reset():
            st.session_state.choice = "a"
        st.selectbox("n", ["a", "b"], key="choice")
        st.button("reset", on_click=reset)
        """,
        [("selectbox", 0, "select", "b"), ("button", 0, "click")],
    )


def test_an_exception_in_a_callback_is_shown_and_the_script_does_not_run() -> None:
    assert_same(
        """
        import streamlit as st
        def bad():
            raise RuntimeError("in callback")
        st.button("b", on_click=bad)
        st.write("body")
        """,
        [("button", 0, "click"), ("run",)],
    )


def test_deleting_a_key() -> None:
    assert_same(
        """
        import streamlit as st
        st.session_state.setdefault("x", 1)
        if st.button("del"):
            del st.session_state.x
        st.write("x" in st.session_state, len(st.session_state))
        """,
        [("button", 0, "click"), ("run",)],
    )


def test_missing_keys_raise_key_and_attribute_errors() -> None:
    assert_same(
        """
        import streamlit as st
        if st.checkbox("by attribute"):
            st.write(st.session_state.nope)
        st.write(st.session_state["nope"])
        """,
        [("checkbox", 0, "check")],
        known=[
            Known("exception", ("body",), "rillet's hint shows how to set the key, in its words")
        ],
    )


def test_writing_session_state_shows_the_keyed_widget_values() -> None:
    # One key only: Streamlit's key order is not insertion order (rillet's
    # is), which is a dict's order, not its content.
    assert_same(
        """
        import streamlit as st
        st.radio("r", ["a", "b"], key="r")
        st.checkbox("unkeyed")
        st.write(st.session_state)
        """,
        [("radio", 0, "set_value", "b")],
    )


def test_an_unkeyed_widget_whose_parameters_change_is_a_new_widget() -> None:
    assert_same(
        """
        import streamlit as st
        flip = st.checkbox("flip default")
        st.write(st.radio("R", ["a", "b", "c"], index=2 if flip else 0))
        """,
        [("radio", 0, "set_value", "b"), ("checkbox", 0, "check")],
    )


def test_a_keyed_widget_keeps_its_value_when_its_label_options_or_default_change() -> None:
    assert_same(
        """
        import streamlit as st
        flip = st.checkbox("flip")
        r = st.radio("R2" if flip else "R", ["x", "y"] if flip else ["a", "b", "c"], key="r")
        q = st.radio("Q2" if flip else "Q", ["a", "b", "c"], index=1 if flip else 0, key="q")
        m = st.multiselect("M", ["b", "q"] if flip else ["a", "b", "c"], key="m")
        s = st.selectbox("S", ["b", "q"] if flip else ["a", "b", "c"], key="s")
        st.write(r, q, m, s)
        """,
        [
            [
                ("radio", 0, "set_value", "b"),
                ("radio", 1, "set_value", "c"),
                ("multiselect", 0, "set_value", ["a", "b"]),
                ("selectbox", 0, "select", "b"),
            ],
            ("checkbox", 0, "check"),
            ("checkbox", 0, "uncheck"),
        ],
    )


def test_two_widgets_with_one_key_are_an_error() -> None:
    assert_same(
        """
        import streamlit as st
        st.checkbox("first", key="same")
        st.radio("second", ["a"], key="same")
        """,
        known=OWN_WORDS,
    )


def test_keyed_widgets_of_every_kind_keep_or_reset_values_as_streamlit_does() -> None:
    # A keyed widget is its key plus the few parameters that make an old
    # value meaningless (a slider's range, a text's max_chars, a time step).
    assert_same(
        """
        import datetime
        import streamlit as st
        d = st.checkbox("flip")
        s = st.slider("S", 0, 5 if d else 10, 3, key="s")
        s2 = st.slider("S2" if d else "S", 0, 10, 4 if d else 3, key="s2")
        ss = st.select_slider("SS", ["a", "b"] if d else ["a", "b", "c"], key="ss")
        t = st.text_input("T", "oth" if d else "dflt", max_chars=3 if d else None, key="t")
        t2 = st.text_input("T2" if d else "T", "x" if d else "y", key="t2")
        n = st.number_input("N", 0, 5 if d else 10, 2, key="n")
        di = st.date_input(
            "D", datetime.date(2024, 2, 2) if d else datetime.date(2024, 1, 1), key="di"
        )
        ti = st.time_input("Ti", datetime.time(1, 0), step=120 if d else 60, key="ti")
        st.write(s, s2, ss, t, t2, n, str(di), str(ti))
        """,
        [
            [
                ("slider", 0, "set_value", 8),
                ("slider", 1, "set_value", 9),
                ("select_slider", 0, "set_value", "c"),
                ("text_input", 0, "input", "typed"),
                ("text_input", 1, "input", "typed2"),
                ("number_input", 0, "set_value", 9),
                ("date_input", 0, "set_value", datetime.date(2024, 5, 5)),
                ("time_input", 0, "set_value", datetime.time(3, 0)),
            ],
            ("checkbox", 0, "check"),
            ("checkbox", 0, "uncheck"),
        ],
    )


def test_widgets_an_exception_kept_the_script_from_reaching_keep_their_values() -> None:
    assert_same(
        """
        import streamlit as st
        if st.checkbox("fail"):
            raise ValueError("boom")
        st.radio("R", ["a", "b"], key="r")
        st.radio("Q", ["a", "b"])
        st.write(st.session_state.get("r"))
        """,
        [
            [("radio", 0, "set_value", "b"), ("radio", 1, "set_value", "b")],
            ("checkbox", 0, "check"),
            ("checkbox", 0, "uncheck"),
        ],
    )
