"""st.pills, st.segmented_control, st.feedback, st.badge, st.menu_button and
st.pagination behave as Streamlit 1.67's: same values, session state and
callbacks before and after each interaction, errors in the same place."""

from __future__ import annotations

import pytest
from harness import OWN_ERROR_WORDS, assert_fails_alike, assert_same, assert_same_facts

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


def test_pills_single_select_unselect_and_format_func() -> None:
    source = """
        import streamlit as st
        v = st.pills("Fruit", ["apple", "pear", "fig"], format_func=str.title, key="fruit")
        st.write(repr(v))
        """
    assert_same(
        source,
        [
            ("pills", "fruit", "select", "pear"),
            ("pills", "fruit", "select", "fig"),
            ("pills", "fruit", "unselect", "fig"),
            ("pills", "fruit", "unselect", "pear"),
        ],
    )


def test_pills_multi_keeps_a_list_in_click_order() -> None:
    source = """
        import streamlit as st
        v = st.pills("Tags", ["a", "b", "c"], selection_mode="multi", default=["b"])
        st.write(repr(v))
        """
    assert_same(
        source,
        [
            ("pills", 0, "select", "c"),
            ("pills", 0, "select", "a"),
            ("pills", 0, "unselect", "b"),
            ("pills", 0, "set_value", []),
        ],
    )


def test_segmented_control_default_required_and_session_state() -> None:
    source = """
        import streamlit as st
        if "view" not in st.session_state:
            st.session_state.view = "Week"
        v = st.segmented_control("View", ["Day", "Week", "Month"], required=True, key="view")
        w = st.segmented_control("Mode", [1, 2, 3], default=2, selection_mode="single")
        st.write(repr(v), repr(w))
        """
    assert_same(
        source,
        [
            ("segmented_control", "view", "select", "Month"),
            ("session_state", "view", "Day"),
            ("segmented_control", 1, "set_value", 3),
        ],
    )


def test_button_group_values_not_offered_fall_back_to_the_default() -> None:
    source = """
        import streamlit as st
        v = st.pills("P", ["a", "b"], default="a", key="p")
        m = st.segmented_control("M", ["x", "y"], selection_mode="multi", key="m")
        st.write(repr(v), repr(m))
        """
    assert_same(source, [("session_state", "p", "zzz"), ("session_state", "m", ["y"])])


def test_button_group_callbacks_get_args_and_see_the_new_value() -> None:
    source = """
        import streamlit as st
        def changed(tag, *, n):
            st.session_state.log = f"{tag} {n} {st.session_state.p!r}"
        st.pills("P", ["a", "b"], key="p", on_change=changed, args=("pills",), kwargs={"n": 1})
        st.segmented_control("S", ["a", "b"], key="s", on_change="ignore")
        st.write(st.session_state.get("log", "-"))
        """
    assert_same(source, [("pills", "p", "select", "b"), ("segmented_control", "s", "select", "a")])


def test_button_group_accessors_split_pills_from_segmented_controls() -> None:
    source = """
        import streamlit as st
        st.pills("P", ["🔥 Hot", ":material/star: Star", "Plain"], default="Plain")
        st.segmented_control("S", ["x", "y"], selection_mode="multi", default=["y", "x"])
        """

    def read(at: object) -> list[str]:
        rows = []
        for name in ("pills", "segmented_control", "button_group"):
            for w in getattr(at, name):
                rows.append(f"{name} {w.label} {w.options} {w.value!r} {list(w.indices)}")
        return rows

    assert_same_facts(source, read)


def test_feedback_kinds_defaults_and_clearing() -> None:
    source = """
        import streamlit as st
        a = st.feedback()
        b = st.feedback("faces", default=4, key="faces")
        c = st.feedback("stars", key="stars")
        st.write(repr(a), repr(b), repr(c))
        """
    assert_same(
        source,
        [
            ("feedback", 0, "set_value", 1),
            ("feedback", "faces", "set_value", None),
            ("feedback", "stars", "set_value", 2),
            ("session_state", "stars", 4),
            ("session_state", "stars", 7),
        ],
    )


def test_feedback_callback_runs_before_the_script() -> None:
    source = """
        import streamlit as st
        def rated():
            st.session_state.seen = st.session_state.f
        st.feedback("thumbs", key="f", on_change=rated)
        st.write(st.session_state.get("seen", "none"))
        """
    assert_same(source, [("feedback", "f", "set_value", 0)])


def test_menu_button_value_lasts_one_run_and_calls_on_click() -> None:
    source = """
        import streamlit as st
        def clicked(tag):
            st.session_state.log = (tag, st.session_state.m)
        v = st.menu_button("Export", ["csv", "json"], key="m", on_click=clicked, args=("x",))
        st.write(repr(v))
        st.button("Other")
        st.write(repr(st.session_state.get("log")))
        """
    assert_same(
        source,
        [
            ("menu_button", "m", "click", "json"),
            ("run",),
            ("menu_button", "m", "click_index", 0),
            ("button", 0, "click"),
        ],
    )


def test_menu_button_options_and_format_func() -> None:
    source = """
        import streamlit as st
        v = st.menu_button("M", [1, 2, 3], format_func=lambda n: f"#{n}", help="Pick", icon="🔥")
        st.write(repr(v))
        """
    assert_same(source, [("menu_button", 0, "click", 2)])
    assert_same_facts(source, lambda at: [(w.label, w.options, w.help) for w in at.menu_button])


def test_pagination_pages_defaults_and_session_state() -> None:
    source = """
        import streamlit as st
        p = st.pagination(12, key="p")
        q = st.pagination(5, default=3, max_visible_pages=None)
        st.write(p, q)
        """
    assert_same(
        source,
        [
            ("pagination", "p", "select", 7),
            ("pagination", 1, "set_value", 5),
            ("session_state", "p", 12),
            ("session_state", "p", 99),
        ],
    )
    assert_same_facts(source, lambda at: [(w.num_pages, w.default) for w in at.pagination])


def test_badge_is_markdown() -> None:
    assert_same(
        """
        import streamlit as st
        st.badge("New")
        st.badge("Done [ok]", icon="✅", color="green", help="tip")
        st.badge("Star", icon=":material/star:", color="primary")
        st.sidebar.badge("Side", color="grey")
        """
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.pills("L", ["a", "b"], selection_mode="both")',
        'st.pills("L", ["a", "b"], default="z")',
        'st.pills("L", ["a", "b"], default=["a", "b"])',
        'st.pills("L", ["a", "b"], selection_mode="multi", default=["z"])',
        'st.pills("L", ["a", "b"], selection_mode="multi", required=True)',
        'st.segmented_control("L", ["a"], label_visibility="nope")',
        'st.segmented_control("L", ["a"], width="wide")',
        'st.segmented_control("L", ["a"], width=0)',
        'st.pills("L", ["a"], on_change="bogus")',
        'st.pills("L", ["a"], bind="url")',
        'st.pills("L", ["a"], bind="query-params")',
        'st.pills("L", ["a"], persist_state="forever", key="k")',
        'st.pills("L", ["a"], persist_state="session")',
        'st.feedback("hearts")',
        'st.feedback("faces", default=5)',
        'st.feedback("thumbs", default=-1)',
        'st.feedback("thumbs", default=1.0)',
        'st.feedback(width="x")',
        'st.badge("Hi", icon="nope")',
        'st.badge("Hi", width=0)',
        "st.badge(None)",
        'st.menu_button("M", [])',
        'st.menu_button("M", None)',
        'st.menu_button("M", ["a"], type="danger")',
        'st.menu_button("M", ["a"], icon="bad")',
        'st.menu_button("M", ["a"], on_click="rerun")',
        'st.menu_button("M", ["a"], on_click=5)',
        'st.menu_button("M", ["a"], width=-3)',
        "st.pagination(0)",
        "st.pagination(1.5)",
        "st.pagination(True)",
        'st.pagination("5")',
        "st.pagination(5, default=6)",
        "st.pagination(5, default=0)",
        "st.pagination(5, default=2.0)",
        "st.pagination(5, max_visible_pages=4.5)",
        "st.pagination(5, max_visible_pages=-1)",
        'st.pagination(5, bind="query-params")',
    ],
)
def test_bad_arguments_fail_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


@pytest.mark.parametrize(
    "call",
    [
        'st.write(repr(st.pills("L", [])))',
        'st.write(repr(st.pills("L", None)))',
        'st.write(repr(st.pills("L", "abc")))',
        'st.write(repr(st.pills("L", ["a", "b"], selection_mode="multi", default="a")))',
        'st.write(repr(st.pills("L", ["a", "b"], required=True, default="b")))',
        'st.write(repr(st.segmented_control("L", {"a": 1, "b": 2}, default="b")))',
        'st.write(repr(st.feedback("faces", default=4, width="stretch")))',
        'st.write(repr(st.feedback(width=50, on_change="ignore")))',
        'st.write(repr(st.pagination(5, max_visible_pages=0, width="stretch")))',
        'st.write(repr(st.menu_button("M", "abc", width="stretch")))',
        'st.write(repr(st.pills("L", ["a"], bind="query-params", key="k")))',
        'st.write(repr(st.pills("L", ["a"], persist_state="page", key="k")))',
    ],
)
def test_accepted_arguments_are_accepted_alike(call: str) -> None:
    assert_fails_alike(call)


def test_button_groups_feedback_and_pagination_in_a_form_wait_for_submit() -> None:
    source = """
        import streamlit as st
        with st.form("f"):
            p = st.pills("P", ["a", "b"], key="p")
            f = st.feedback("stars", key="f")
            g = st.pagination(4, key="g")
            st.form_submit_button("Send")
        st.write(repr((p, f, g)))
        """
    edits = [
        ("pills", "p", "select", "b"),
        ("feedback", "f", "set_value", 3),
        ("pagination", "g", "select", 2),
    ]
    assert_same(source, [edits, [*edits, ("button", 0, "click")]])


@pytest.mark.parametrize(
    "call",
    [
        'st.write(repr(st.pills("L", ["a"], wrap=True)))',
        'st.write(repr(st.segmented_control("L", ["a"], wrap=False)))',
        'st.write(repr(st.menu_button("M", ["a"], wrap=True)))',
        'st.menu_button("M", ["a"], wrap="x")',
    ],
)
def test_wrap_is_taken_alike(call: str) -> None:
    assert_fails_alike(call)


def test_a_keyed_button_group_keeps_its_value_while_it_fits_new_options() -> None:
    source = """
        import streamlit as st
        more = st.checkbox("More")
        options = ["a", "b", "c"] if more else ["a", "b"]
        v = st.pills("P", options, key="p", default="a")
        st.write(repr(v))
        """
    assert_same(
        source,
        [
            ("checkbox", 0, "check"),
            ("pills", "p", "select", "c"),
            ("checkbox", 0, "uncheck"),
        ],
    )


def test_unselecting_a_required_option_in_apptest() -> None:
    source = """
        import streamlit as st
        v = st.segmented_control("S", ["a", "b"], default="a", required=True, key="s")
        st.write(repr(v))
        """
    assert_same(source, [("segmented_control", "s", "unselect", "a")])


def test_a_menu_button_in_a_form_and_set_through_session_state_fail_alike() -> None:
    assert_same(
        """
        import streamlit as st
        st.write("before")
        with st.form("f"):
            st.menu_button("M", ["a"])
            st.form_submit_button()
        """,
        known=[OWN_ERROR_WORDS],
    )
    assert_same(
        """
        import streamlit as st
        st.session_state.m = "a"
        st.write("before")
        st.menu_button("M", ["a"], key="m")
        """,
        known=[OWN_ERROR_WORDS],
    )


def test_two_identical_unkeyed_widgets_fail_alike() -> None:
    assert_fails_alike('st.pills("P", ["a"])\nst.pills("P", ["a"])')
    assert_fails_alike("st.pagination(3)\nst.pagination(3)")
    assert_fails_alike('st.menu_button("M", ["a"])\nst.menu_button("M", ["a"])')


def test_menu_button_options_need_distinct_labels() -> None:
    assert_fails_alike('st.menu_button("M", ["a", "a"])')
    assert_fails_alike('st.menu_button("M", [1, "1"])')
    assert_fails_alike('st.menu_button("M", [1, 2], format_func=lambda n: "same")')


def test_format_func_is_read_back_as_in_streamlit() -> None:
    source = """
        import streamlit as st
        st.pills("P", ["a"])
        st.segmented_control("S", ["a"], format_func=str.upper)
        st.menu_button("M", ["a"], format_func=lambda s: s * 2)
        """
    assert_same_facts(
        source,
        lambda at: [w.format_func("x") for w in [*at.button_group, *at.menu_button]],
    )
