"""The choice widgets, buttons and forms take their parameters as Streamlit does.

checkbox, toggle, radio, selectbox, multiselect, button, form and
form_submit_button, each in a small app run on both sides. Besides the page
outline, :func:`assert_same_props` compares what each widget's message
carries that the outline leaves out (help, disabled, label visibility,
captions, placeholder, button type and icon), read from both protos. Where
rillet words an error itself, only the error's place is compared
(``OWN_WORDS``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from harness import OWN_ERROR_WORDS, Step, assert_fails_alike, assert_same, assert_same_facts

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

OWN_WORDS = [OWN_ERROR_WORDS]

# --------------------------------------------- widget parameters, normalised

_FIELDS: dict[str, tuple[str, ...]] = {
    "checkbox": (),
    "toggle": (),
    "radio": ("horizontal", "captions"),
    "selectbox": ("placeholder",),
    "multiselect": ("placeholder", "max_selections"),
    "button": ("type", "icon"),
}


def _props(at: Any, kind: str) -> list[str]:
    rows = []
    for widget in getattr(at, kind):
        proto = widget.proto
        common = getattr(proto, "common", proto)  # rillet keeps shared fields in `common`
        row: dict[str, Any] = {"label": common.label, "help": common.help}
        row["disabled"] = common.disabled
        if kind != "button":
            visibility = common.label_visibility  # Streamlit wraps the enum in a message
            row["label_visibility"] = int(getattr(visibility, "value", visibility))
        for name in _FIELDS[kind]:
            value = getattr(proto, name)
            row[name] = value if isinstance(value, (str, int)) else list(value)
        rows.append(f"{kind} {row}")
    return rows


def _all_props(at: Any) -> list[str]:
    return [row for kind in _FIELDS for row in _props(at, kind)]


def assert_same_props(source: str, steps: Sequence[Step] = ()) -> None:
    """Both sides give every choice widget the same parameters, after each step."""
    assert_same_facts(source, _all_props, steps)


# ------------------------------------------------------- checkbox and toggle


def test_checkbox_and_toggle_take_value_help_disabled_and_label_visibility() -> None:
    source = """
        import streamlit as st
        a = st.checkbox("Plain")
        b = st.checkbox("On", value=True, help="Starts **checked**")
        c = st.toggle("Truthy", value=1, label_visibility="hidden")
        d = st.toggle("Off", value=None, disabled=True, label_visibility="collapsed")
        st.write(a, b, c, d)
        """
    steps: list[Step] = [("checkbox", 0, "check"), ("toggle", 0, "set_value", False)]
    assert_same(source, [*steps, ("checkbox", 1, "uncheck")])
    assert_same_props(source, steps)


def test_checkbox_and_toggle_callbacks_get_args_and_kwargs_and_see_the_new_value() -> None:
    assert_same(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        def note(name, *, mark="="):
            st.session_state.log.append(f"{name}{mark}{st.session_state[name]}")
        st.checkbox("Check", key="c", on_change=note, args=("c",))
        st.toggle("Toggle", key="t", on_change=note, args=["t"], kwargs={"mark": ":"})
        st.write(st.session_state.log)
        """,
        [
            ("toggle", 0, "set_value", True),
            [("checkbox", 0, "check"), ("toggle", 0, "set_value", False)],
            ("run",),
        ],
    )


# ------------------------------------------------------------- radio


def test_radio_without_a_choice_horizontal_with_captions_and_format_func() -> None:
    source = """
        import streamlit as st
        sizes = {"S": "Small", "M": "Medium", "L": "Large"}
        size = st.radio(
            "Size", sizes, index=None, format_func=sizes.get, horizontal=True,
            captions=["fits a cup", "*most* ordered", "share it"], help="Pick one",
        )
        # Fewer captions than options: the rest have none.
        milk = st.radio("Milk", ["none", "oat", "soy"], captions=["black"], key="milk")
        st.write(repr(size), milk)
        """
    steps: list[Step] = [
        ("radio", 0, "set_value", "M"),
        ("radio", "milk", "set_value", "soy"),
        ("radio", 0, "set_value", None),
    ]
    assert_same(source, steps)
    assert_same_props(source, steps)


# ---------------------------------------------------------- selectbox


def test_selectbox_without_a_choice_shows_its_placeholder_until_one_is_picked() -> None:
    source = """
        import streamlit as st
        city = st.selectbox(
            "City", ("Paris", "Rome"), index=None, placeholder="Where to?",
            label_visibility="collapsed",
        )
        stars = st.selectbox(
            "Stars", range(1, 6), index=2, format_func=lambda n: "*" * n,
            placeholder="How good?", disabled=True,
        )
        st.write(repr(city), stars)
        """
    steps: list[Step] = [("selectbox", 0, "select", "Rome"), ("selectbox", 0, "select", None)]
    assert_same(source, steps)
    assert_same_props(source, steps)


def test_selectbox_accepts_a_new_option_set_through_session_state() -> None:
    # Only the first run: Streamlit's AppTest cannot rerun a selectbox whose
    # value is not one of its options (it looks the value up among them).
    assert_same(
        """
        import streamlit as st
        if "drink" not in st.session_state:
            st.session_state.drink = "Lemonade"
            st.session_state.size = "Banana"
        drink = st.selectbox("Drink", ["Tea", "Coffee"], accept_new_options=True, key="drink")
        size = st.selectbox(
            "Fruit", ["a", "b"], format_func={"a": "Apple", "b": "Banana"}.get,
            accept_new_options=True, key="size",
        )
        st.write(repr(drink), repr(size))
        """
    )


def test_a_typed_new_option_comes_back_as_text_or_as_the_option_with_that_label() -> None:
    # rillet only: Streamlit's AppTest cannot select a value outside the options.
    from rillet.testing import AppTest

    at = AppTest.from_string(
        """
        import rillet as st
        labels = {1: "one", 2: "two"}
        pick = st.selectbox("N", [1, 2], format_func=labels.get, accept_new_options=True)
        st.write(repr(pick))
        """
    ).run()
    assert at.selectbox[0].proto.accept_new_options
    at.selectbox[0].select("three").run()
    assert at.markdown[0].value == "'three'"
    assert at.selectbox[0].proto.new_value == "three"
    at.selectbox[0].select(2).run()
    assert at.markdown[0].value == "2"
    # What a browser sends for typed text that is an option's label.
    widget_id = at.selectbox[0].id
    session_state = at._session.state
    typed = session_state.widget_state(widget_id, "two")
    assert typed.HasField("string_value")
    assert session_state.widget(widget_id).serde.deserialize(typed) == 2


# -------------------------------------------------------------- options


def test_options_from_tuples_dicts_ranges_and_dict_views() -> None:
    assert_same(
        """
        import streamlit as st
        countries = {"fr": "France", "de": "Germany", "it": "Italy"}
        a = st.selectbox("Country", countries, format_func=countries.get)
        b = st.radio("Keys", countries.keys(), index=2)
        c = st.multiselect("Pairs", countries.items(), format_func=lambda kv: kv[1])
        d = st.selectbox("Range", range(10, 60, 10), index=1)
        e = st.radio("Tuple", (True, False), format_func=lambda b: "Yes" if b else "No")
        st.write(a, b, c, d, e)
        """,
        [
            [
                ("selectbox", 0, "select", "it"),
                ("radio", 0, "set_value", "de"),
                ("multiselect", 0, "select", ("fr", "France")),
            ],
            [("selectbox", 1, "select", 50), ("radio", 1, "set_value", False)],
        ],
    )


def test_options_from_pandas_and_numpy() -> None:
    pytest.importorskip("pandas")
    assert_same(
        """
        import numpy as np
        import pandas as pd
        import streamlit as st
        colors = pd.Series(["red", "green", "blue"], name="color")
        frame = pd.DataFrame({"n": [10, 20], "word": ["ten", "twenty"]})
        a = st.selectbox("Series", colors, index=1)
        b = st.radio("Frame (first column)", frame)
        c = st.multiselect("Index", pd.Index([1, 2, 3]), default=colors.index[1:])
        d = st.selectbox("Array", np.array([3, 4]), index=1)
        e = st.multiselect("Strings", colors, default=colors[colors != "red"])
        st.write(a, b, c, d, e)
        """,
        [
            [("selectbox", 0, "select", "blue"), ("radio", 0, "set_value", 20)],
            [("multiselect", 0, "unselect", 2), ("selectbox", 1, "select", 3)],
        ],
    )


def test_no_options_means_no_choice_whatever_the_index() -> None:
    assert_same(
        """
        import streamlit as st
        a = st.radio("Nothing yet", None)
        b = st.selectbox("Empty", [], index=3)
        c = st.selectbox("Empty too", ())
        d = st.multiselect("Empty list", [])
        st.write(repr(a), repr(b), repr(c), d)
        """,
        [("run",)],
    )


def test_duplicate_options_resolve_to_the_first_equal_one() -> None:
    assert_same(
        """
        import streamlit as st
        a = st.radio("R", ["a", "b", "a"], index=2)
        b = st.selectbox("S", ["x", "x", "y"])
        c = st.multiselect("M", ["p", "p", "q"], default=["p"])
        st.write(a, b, c)
        """,
        [
            ("radio", 0, "set_value", "b"),
            ("selectbox", 0, "select_index", 1),
            ("multiselect", 0, "select", "q"),
        ],
    )


# -------------------------------------------------------------- multiselect


def test_multiselect_default_as_one_value_a_list_a_tuple_a_set_or_a_view() -> None:
    source = """
        import streamlit as st
        fruits = ["apple", "pear", "plum"]
        a = st.multiselect("One", fruits, default="pear", placeholder="Fruit?")
        b = st.multiselect("List", fruits, default=["plum", "apple"], placeholder="Any")
        c = st.multiselect("Tuple", fruits, default=("apple",), max_selections=2,
                           placeholder="Two at most", help="Pick two")
        d = st.multiselect("Set", fruits, default={"plum"}, placeholder="Set")
        e = st.multiselect("View", fruits, default={"pear": 1}.keys(), placeholder="View",
                           format_func=str.upper, disabled=True)
        st.write(a, b, c, d, e)
        """
    steps: list[Step] = [
        ("multiselect", 0, "select", "plum"),
        ("multiselect", 1, "unselect", "plum"),
        ("multiselect", 2, "select", "plum"),
    ]
    assert_same(source, steps)
    assert_same_props(source, steps)


def test_multiselect_with_more_values_than_max_selections_is_an_error() -> None:
    assert_same(
        """
        import streamlit as st
        tags = st.multiselect("Tags", ["a", "b", "c"], key="tags", max_selections=2)
        st.write(tags)
        """,
        [("session_state", "tags", ["a", "b", "c"]), ("session_state", "tags", ["c"])],
        known=OWN_WORDS,
    )


# ----------------------------------------------------------- session state


def test_a_preset_value_that_is_not_an_option_falls_back_as_in_streamlit() -> None:
    # A single choice falls back to its default; a multiselect keeps the
    # values it offers.
    assert_same(
        """
        import streamlit as st
        if "size" not in st.session_state:
            st.session_state.size = "XXL"
            st.session_state.flavor = "durian"
            st.session_state.tags = ["b", "zzz"]
            st.session_state.none = None
        size = st.radio("Size", ["S", "M", "L"], index=1, key="size")
        flavor = st.selectbox("Flavor", ["vanilla", "mint"], key="flavor")
        tags = st.multiselect("Tags", ["a", "b"], key="tags")
        none = st.radio("None", ["x", "y"], key="none")
        st.write(size, flavor, tags, repr(none))
        """,
        [
            ("radio", "size", "set_value", "L"),
            # Between runs only for the multiselect: Streamlit's AppTest looks
            # a single choice's value up among its options before the run.
            ("session_state", "tags", ["a", "q"]),
            ("run",),
        ],
    )


def test_callbacks_run_in_widget_order_and_see_every_new_value() -> None:
    assert_same(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        def note(name):
            st.session_state.log.append(f"{name}={st.session_state[name]!r}")
        st.toggle("T", key="t", on_change=note, args=("t",))
        st.radio("R", ["a", "b"], key="r", index=None, on_change=note, args=("r",))
        st.selectbox("S", ["a", "b"], key="s", on_change=note, kwargs={"name": "s"})
        st.multiselect("M", ["a", "b"], key="m", on_change=note, args=["m"])
        st.checkbox("C", key="c", on_change=note, args=("c",))
        st.write(st.session_state.log)
        """,
        [
            [
                ("checkbox", 0, "check"),
                ("multiselect", 0, "select", "b"),
                ("selectbox", 0, "select", "b"),
                ("radio", 0, "set_value", "a"),
                ("toggle", 0, "set_value", True),
            ],
            ("radio", 0, "set_value", None),
            ("run",),
        ],
    )


# ------------------------------------------------------------------ buttons


def test_buttons_take_type_icon_help_key_and_callbacks_with_args() -> None:
    source = """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        def bump(by, *, times=1):
            st.session_state.n += by * times
        one = st.button("One", type="primary", icon=":material/add:", help="Adds **one**",
                        on_click=bump, args=(1,), use_container_width=True)
        ten = st.button("Ten", type="tertiary", icon="🔥", key=7, on_click=bump,
                        args=[10], kwargs={"times": 2})
        st.button("Lambda", on_click=lambda: bump(100), width="stretch")
        st.button("Off", disabled=True, icon="👍🏽")
        st.write(st.session_state.n, one, ten)
        """
    steps: list[Step] = [("button", 0, "click"), ("button", "7", "click"), ("button", 2, "click")]
    assert_same(source, [*steps, ("run",)])
    assert_same_props(source, steps)


@pytest.mark.parametrize(
    "call",
    [
        'st.button("B", type="danger")',
        'st.button("B", icon="not-an-icon")',
        'st.button("B", icon=":fire:")',
        'st.button("B", icon=":material/Thumb Up:")',
        'st.button("B", width="wide")',
        'st.button("B", width=0)',
        'st.radio("R", ["a"], index=3)',
        'st.radio("R", ["a", "b"], index=-1)',
        'st.selectbox("S", ["a"], index="0")',
        'st.selectbox("S", ["a"], index=1.0)',
        'st.multiselect("M", ["a"], default="b")',
        'st.multiselect("M", ["a", "b"], default=["a", "b"], max_selections=1)',
        'st.multiselect("M", ["a"], max_selections=0)',
        'st.checkbox("C", label_visibility="nope")',
    ],
)
def test_bad_arguments_are_errors_where_streamlit_raises(call: str) -> None:
    assert_fails_alike(call)


def test_a_button_can_fill_its_container() -> None:
    # rillet only: Streamlit's AppTest does not show a button's width.
    from rillet.testing import AppTest

    at = AppTest.from_string(
        """
        import rillet as st
        st.button("Content")
        st.button("Stretch", width="stretch")
        st.button("Old spelling", use_container_width=True)
        st.button("Wins over width", use_container_width=False, width="stretch")
        st.button("Pixels", width=120)
        with st.form("f"):
            st.form_submit_button("Submit", use_container_width=True)
        """
    ).run()
    # A width in pixels is a box of that width, which the button fills.
    assert [(b._node.element.use_container_width, b._node.element.width) for b in at.button] == [
        (False, ""),
        (True, ""),
        (True, ""),
        (False, ""),
        (True, "120px"),
        (True, ""),
    ]


# -------------------------------------------------------------------- forms


def test_a_form_holds_choices_until_submit_and_clears_them_after() -> None:
    assert_same(
        """
        import streamlit as st
        with st.form("order", clear_on_submit=True, enter_to_submit=False, border=False):
            size = st.radio("Size", ["S", "M", "L"], horizontal=True)
            extra = st.selectbox("Extra", ["none", "cream"], index=None)
            toppings = st.multiselect("Toppings", ["nuts", "jam"], default=["jam"])
            to_go = st.checkbox("To go")
            hot = st.toggle("Hot", value=True)
            sent = st.form_submit_button("Order", type="primary", icon="☕")
        st.write(sent, size, repr(extra), toppings, to_go, hot)
        """,
        [
            [
                ("radio", 0, "set_value", "L"),
                ("selectbox", 0, "select", "cream"),
                ("multiselect", 0, "unselect", "jam"),
                ("checkbox", 0, "check"),
                ("toggle", 0, "set_value", False),
            ],
            ("button", 0, "click"),
            ("run",),
        ],
    )


def test_a_submit_callback_sees_the_submitted_values_with_its_args() -> None:
    assert_same(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        def submitted(tag, *, by="?"):
            s = st.session_state
            s.log.append(f"{tag} by {by}: {s.size} {s.colors} {s.gift}")
        with st.form("order"):
            st.radio("Size", ["S", "M", "L"], key="size")
            st.multiselect("Colors", ["red", "blue"], key="colors")
            st.checkbox("Gift", key="gift")
            st.form_submit_button("Order", on_click=submitted, args=("sent",),
                                  kwargs={"by": "form"})
        st.write(st.session_state.log, st.session_state.size)
        """,
        [
            [("radio", 0, "set_value", "L"), ("multiselect", 0, "select", "blue")],
            ("checkbox", 0, "check"),
            ("button", 0, "click"),
            ("run",),
        ],
    )


def test_a_form_with_two_submit_buttons_tells_which_was_pressed() -> None:
    source = """
        import streamlit as st
        if "pick" not in st.session_state:
            st.session_state.pick = "b"
        with st.form("f"):
            pick = st.radio("Pick", ["a", "b"], key="pick")
            save = st.form_submit_button("Save", help="Keep it", icon=":material/save:")
            drop = st.form_submit_button("Drop", type="tertiary", key="drop", disabled=False)
        st.write(pick, save, drop)
        """
    steps: list[Step] = [
        ("radio", 0, "set_value", "a"),
        ("button", "drop", "click"),
        ("button", 0, "click"),
        ("session_state", "pick", "b"),
    ]
    assert_same(source, steps)
    assert_same_props(source, steps)


@pytest.mark.parametrize(
    "body",
    [
        'with st.form("f"):\n    st.button("inside")\n    st.form_submit_button()',
        'with st.form("f"):\n    st.checkbox("c", on_change=print)\n    st.form_submit_button()',
        'st.form_submit_button("outside")',
        'with st.form("f"):\n    with st.form("g"):\n        st.form_submit_button()',
        'with st.form("f"):\n    st.form_submit_button()\nwith st.form("f"):\n    pass',
    ],
)
def test_misplaced_form_parts_are_errors(body: str) -> None:
    assert_fails_alike(body)


def test_a_multiselect_that_accepts_new_options_returns_typed_text_too() -> None:
    assert_same(
        """
        import streamlit as st
        picked = st.multiselect("Tags", ["urgent", "later"], ["urgent"],
                                accept_new_options=True, key="tags")
        st.write(repr(picked))
        """,
        [
            ("multiselect", "tags", "set_value", ["later", "my own"]),
            ("run",),
            ("multiselect", "tags", "set_value", []),
        ],
    )
