"""Text, data and callout commands take their parameters as in Streamlit.

Each test is a small app run on both sides with the harness. The harness
outline leaves out a few fields these commands carry (a tooltip, whether
HTML is allowed, line numbers, a metric's colour and border), so
:func:`assert_same_details` compares those too, per element kind. Where
rillet words an error itself, only the error's place is compared.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest
from harness import (
    OWN_ERROR_WORDS,
    Step,
    assert_fails_alike,
    assert_same,
    assert_same_facts,
)

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

OWN_WORDS = [OWN_ERROR_WORDS]


# ------------------------------------------------------- the hidden fields


def _markdown(el: Any) -> tuple[Any, ...]:
    return (el.value, el.proto.help, el.proto.allow_html)


def _text(el: Any) -> tuple[Any, ...]:
    return (el.value, el.proto.help)


def _code(el: Any) -> tuple[Any, ...]:
    return (el.value, el.language, el.proto.show_line_numbers, el.proto.wrap_lines)


def _metric(el: Any) -> tuple[Any, ...]:
    proto = el.proto
    if hasattr(proto, "show_border"):  # Streamlit: the colour is decided on the server
        visibility = proto.label_visibility.value
        border = proto.show_border
        color = type(proto).MetricColor.Name(proto.color).lower()
        arrow = type(proto).MetricDirection.Name(proto.direction).lower()
    else:  # rillet: the colour and arrow follow from delta_color and delta_arrow
        visibility = proto.label_visibility
        border = proto.border
        color = _rillet_color(proto.delta, proto.delta_color)
        arrow = _rillet_arrow(proto.delta, proto.delta_arrow)
    shown = (proto.format, proto.delta_description, proto.icon)
    return (el.label, el.value, el.delta, proto.help, visibility, border, color, arrow, *shown)


def _rillet_arrow(delta: str, delta_arrow: str) -> str:
    """The arrow the client draws (``deltaArrow`` in metric.tsx)."""
    if not delta.strip() or delta_arrow == "off":
        return "none"
    if delta_arrow in ("up", "down"):
        return delta_arrow
    return "down" if delta.strip().startswith("-") else "up"


def _rillet_color(delta: str, delta_color: str) -> str:
    if delta_color not in ("normal", "inverse", "off"):
        return "gray" if delta_color == "grey" else delta_color
    if delta_color == "off" or not delta.strip():
        return "gray"
    falling = delta.strip().startswith("-")
    return "green" if falling == (delta_color == "inverse") else "red"


DETAILS: dict[str, Callable[[Any], tuple[Any, ...]]] = {
    "markdown": _markdown,
    "caption": _markdown,
    "latex": _markdown,
    "text": _text,
    "code": _code,
    "metric": _metric,
}


def _details(at: Any) -> list[str]:
    return [
        f"{kind} {details(el)!r}" for kind, details in DETAILS.items() for el in getattr(at, kind)
    ]


def assert_same_details(source: str, steps: Sequence[Step] = ()) -> None:
    """The outline matches, and so do the fields of :data:`DETAILS` after every run."""
    assert_same(source, steps)
    assert_same_facts(source, _details, steps)


# ------------------------------------------------------------------ st.write


def test_write_shows_each_argument_as_its_type_calls_for() -> None:
    assert_same(
        """
        import collections
        import datetime
        import numpy as np
        import streamlit as st

        Point = collections.namedtuple("Point", "x y")
        st.write(None)
        st.write(1, 2.5, True, 3 + 4j)
        st.write("Total:", 42, "items")
        st.write("  indented\\n    text  ")
        st.write({"a": [1, 2]}, [1, "x", None])
        st.write((1, 2), {3}, range(2), b"raw")
        st.write(Point(1, 2))
        st.write({"k": 1}.keys(), {"k": 1}.items())
        st.write(np.int64(5), np.float64(1.5))
        st.write(datetime.date(2024, 1, 2))
        st.write("before", ValueError("bad value"), "after")
        st.write((word for word in ["streamed ", "text"]))
        st.write()
        st.write("", "")
        """
    )


def test_write_allows_html_only_when_asked() -> None:
    assert_same(
        """
        import streamlit as st

        class Badge:
            def _repr_html_(self):
                return "<b>new</b>"

            def __str__(self):
                return "Badge"

        st.write("<i>plain</i>")
        st.write("<i>raw</i>", unsafe_allow_html=True)
        st.write(Badge())
        st.write(Badge(), unsafe_allow_html=True)
        """
    )


def test_write_of_session_state_follows_the_widgets() -> None:
    # Streamlit's session state has no stable key order (it is built from
    # sets), so the whole state is written while it holds one key, and
    # sorted once it holds more.
    assert_same(
        """
        import streamlit as st

        st.text_input("Name", key="name")
        st.write(st.session_state)
        if st.checkbox("Subscribe"):
            st.session_state.plan = "monthly"
        st.write({key: st.session_state[key] for key in sorted(st.session_state)})
        st.write("Hello", st.session_state.name)
        """,
        [
            ("text_input", "name", "input", "Ada"),
            ("checkbox", 0, "check"),
        ],
    )


# ------------------------------------------------------- markdown and text


def test_markdown_takes_html_help_and_any_body() -> None:
    assert_same_details(
        """
        import streamlit as st

        st.markdown("**bold** and :blue[blue]", help="A *tooltip*")
        st.markdown("<u>kept</u>", unsafe_allow_html=True)
        st.markdown("<u>escaped</u>")
        st.markdown('''
            Indented block
                nested line
            ''')
        st.markdown(42, help=7)
        st.markdown(None, width=300)
        st.markdown("", help="   dedented\\n     help  ")
        st.caption("Source: survey", help="caption help")
        st.caption("<small>tiny</small>", unsafe_allow_html=True, width="content")
        st.text("no *markdown* here", help="text help")
        st.text(3.14)
        st.latex(r"e^{i\\pi} + 1 = 0", help="Euler")
        st.latex("")
        st.divider()
        st.divider(width=200)
        """
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.markdown("x", width=-5)',
        'st.markdown("x", width="wide")',
        'st.caption("x", width=2.5)',
        'st.text("x", width=None)',
        'st.latex("x", width=0)',
        'st.divider(width="content")',
    ],
)
def test_a_bad_width_is_an_error(call: str) -> None:
    assert_fails_alike(call)


# ---------------------------------------------------------------- headings


def test_headings_take_anchor_help_and_divider() -> None:
    assert_same(
        """
        import streamlit as st

        st.title("Sales dashboard")
        st.title("Custom anchor", anchor="sales")
        st.title("No anchor", anchor=False, help="Hover me")
        st.header("Results", divider=True)
        st.header(2024, divider="blue", anchor=None)
        st.subheader("Details", divider="rainbow", help="  dedented\\n    help")
        st.subheader("Yellow", divider="yellow", width="content")
        st.subheader("Grey", divider="grey")
        st.header("Plain", divider=False, help=5)
        """
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.title("x", anchor=True)',
        'st.title("x", anchor=5)',
        'st.header("x", divider="pink")',
        'st.subheader("x", divider=3)',
        'st.header("x", width=0)',
    ],
)
def test_a_bad_anchor_divider_or_width_is_an_error(call: str) -> None:
    assert_fails_alike(call)


# -------------------------------------------------------------------- code


def test_code_keeps_its_indentation_and_takes_language_and_line_numbers() -> None:
    assert_same_details(
        '''
        import streamlit as st

        st.code("x = 1")
        st.code("""
        def f():
            return 1
        """)
        st.code("    indented\\n  less\\n\\n")
        st.code("SELECT *\\nFROM t", language="sql", line_numbers=True)
        st.code("plain text", language=None, wrap_lines=True)
        st.code("also plain", language="")
        st.code(12345, height=120)
        st.code("tall", height="stretch", width="content")
        st.code("", height=None)
        '''
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.code("x", language=5)',
        'st.code("x", height=0)',
        'st.code("x", height="tall")',
        'st.code("x", height=2.5)',
        'st.code("x", width=-1)',
    ],
)
def test_bad_code_arguments_are_an_error(call: str) -> None:
    assert_fails_alike(call)


# -------------------------------------------------------------------- json


def test_json_takes_objects_strings_and_expanded_depths() -> None:
    assert_same(
        """
        import streamlit as st

        data = {"name": "rillet", "tags": ["fast", "small"], "nested": {"a": {"b": 1}}}
        st.json(data)
        st.json(data, expanded=False)
        st.json(data, expanded=1)
        st.json(data, expanded=0)
        st.json(data, expanded=-1)
        st.json('{"from": "a string"}')
        st.json("{not json")
        st.json(None)
        st.json([1, "x", None, True])
        st.json({3, 1, 2})
        st.json({}, width=300)
        """
    )


@pytest.mark.parametrize(
    "call",
    [
        "st.json({}, expanded=2.5)",
        'st.json({}, expanded="yes")',
        'st.json({}, width="content")',
    ],
)
def test_a_bad_json_argument_is_an_error(call: str) -> None:
    assert_fails_alike(call)


# ------------------------------------------------------------------ metric


def test_metric_values_and_deltas_of_every_type() -> None:
    assert_same_details(
        """
        import decimal
        import numpy as np
        import streamlit as st

        st.metric("Int", 10)
        st.metric("Float", 10.5, 2)
        st.metric("Text", "70 °F", "-1.2 °F")
        st.metric("Nothing", None, None)
        st.metric("Decimal", decimal.Decimal("1.50"), decimal.Decimal("-0.5"))
        st.metric("NumPy", np.int64(3), np.float64(-1.5))
        st.metric("Bool", True, False)
        st.metric("Zero", 1, 0)
        st.metric("Zero text", 1, "0")
        st.metric("Zero float", 1, -0.0)
        st.metric("Plus zero", 1, "+0")
        st.metric("Padded", "  5  ", "  +3%  ")
        st.metric("Empty delta", 5, "")
        st.metric(2024, 1)
        """
    )


def test_metric_delta_color_help_visibility_and_border() -> None:
    assert_same_details(
        """
        import streamlit as st

        st.metric("Normal up", 5, 3)
        st.metric("Normal down", 5, -3)
        st.metric("Inverse up", 5, 3, delta_color="inverse")
        st.metric("Inverse down", 5, "-3 ms", delta_color="inverse")
        st.metric("Off", 5, -3, delta_color="off")
        st.metric("Helped", 5, help="  Daily **active** users\\n    (UTC)")
        st.metric("Hidden", 5, label_visibility="hidden", border=True)
        st.metric("Collapsed", 5, 1, label_visibility="collapsed", width="content")
        st.metric("Named colour", 5, 2, delta_color="violet")
        st.metric("Grey", 5, -2, delta_color="grey")
        st.metric("Zero in a named colour", 5, 0, delta_color="orange")
        st.metric("Zero inverse", 5, 0, delta_color="inverse")
        st.metric("Help as number", 5, help=42)
        """
    )


def test_metric_format_arrow_description_icon_and_height() -> None:
    assert_same_details(
        """
        import streamlit as st

        st.metric("Dollars", 1234.567, -12.3, format="dollar", delta_description="vs last week")
        st.metric("Forced up", 5, -3, delta_arrow="up")
        st.metric("Forced down", 5, 3, delta_arrow="down", delta_color="inverse")
        st.metric("No arrow", 5, 3, delta_arrow="off")
        st.metric("Printf", "1234.5", "5", format="%.1f", icon=":material/thumb_up:")
        st.metric("Emoji", 5, icon="🔥", height=120)
        st.metric("Spinning", 5, icon="spinner", height="stretch", width=200)
        st.metric("Unknown format", 5, 1, format="bogus")
        """
    )


@pytest.mark.parametrize(
    "call",
    [
        "st.metric('a', 1, delta_arrow='sideways')",
        "st.metric('a', 1, height=0)",
        "st.metric('a', 1, height='auto')",
        "st.metric('a', 1, icon='notanicon')",
    ],
)
def test_metric_refuses_bad_arrow_height_and_icon(call: str) -> None:
    assert_fails_alike(call)


def test_metric_follows_session_state_and_callbacks() -> None:
    assert_same_details(
        """
        import streamlit as st

        if "count" not in st.session_state:
            st.session_state.count = 0
            st.session_state.last = 0

        def add(step, *, note):
            st.session_state.last = step
            st.session_state.count += step
            st.session_state.note = note

        st.button("Add 2", on_click=add, args=(2,), kwargs={"note": "two"})
        st.button("Remove 5", on_click=add, args=(-5,), kwargs={"note": "minus five"})
        st.metric(
            "Count",
            st.session_state.count,
            st.session_state.last or None,
            help=st.session_state.get("note"),
        )
        """,
        [("button", 0, "click"), ("button", 1, "click"), ("run",)],
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.metric("a", [1, 2])',
        'st.metric("a", 1, {"d": 1})',
        'st.metric("a", 1, 2, delta_color="bogus")',
        'st.metric("a", 1, label_visibility="gone")',
        'st.metric("a", 1, border="yes")',
        'st.metric("a", 1, width="wide")',
    ],
)
def test_bad_metric_arguments_are_an_error(call: str) -> None:
    assert_fails_alike(call)


# ---------------------------------------------------------------- callouts


def test_callouts_take_any_body_and_an_icon() -> None:
    assert_same(
        """
        import streamlit as st

        st.success("Saved!", icon="✅")
        st.info("Pick a file to begin.")
        st.warning("Slow", icon=":material/warning:")
        st.error("Failed", icon="🚨")
        st.info("  padded  ", icon=" 👍🏽 ")
        st.success("flag", icon="🇺🇸")
        st.warning("family", icon="👨‍👩‍👧")
        st.error("keycap", icon="1️⃣")
        st.info("no icon", icon="", width=400)
        st.error(ValueError("as text"))
        st.info(None)
        st.success('''
            Line one
              line two
            ''')
        """
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.success("x", icon="notanemoji")',
        'st.info("x", icon=5)',
        'st.warning("x", icon="🚨🚨")',
        'st.error("x", icon=":material/Thumb Up:")',
        'st.info("x", width="content")',
    ],
)
def test_a_bad_icon_or_width_on_a_callout_is_an_error(call: str) -> None:
    assert_fails_alike(call)


def test_exception_shows_type_and_message_of_what_it_is_given() -> None:
    assert_same(
        """
        import streamlit as st

        st.exception(RuntimeError("built, not raised"))
        try:
            {}["missing"]
        except KeyError as error:
            st.exception(error)
        try:
            int("x")
        except ValueError as error:
            st.exception(error, width=500)
        st.exception("just a message")
        st.write("after")
        """
    )


def test_exception_with_a_bad_width_is_an_error() -> None:
    assert_same(
        """
        import streamlit as st
        st.exception(ValueError("v"), width="content")
        st.write("not reached")
        """,
        known=OWN_WORDS,
    )


# ------------------------------------------------------------------- magic


def test_magic_writes_bare_expressions_but_not_docstrings() -> None:
    assert_same(
        '''
        """The module docstring is not shown."""
        import streamlit as st

        x = 3
        x
        "a bare string"
        f"an f-string: {x * 2}"
        x + 1;
        [1, 2]
        {"key": x}
        (1, "two")
        None
        x == 3
        st.markdown("a call is not written twice")
        [n for n in range(2)]
        (y := 7)
        '''
    )


def test_magic_in_blocks_functions_and_classes() -> None:
    assert_same(
        '''
        import streamlit as st

        def shown_when_called(n):
            """A function docstring is not shown."""
            f"called with {n}"
            return n

        def never_called():
            "not shown"

        shown_when_called(1)

        class Model:
            """A class docstring is not shown."""
            "a class body is not written"
            size = 2
            size

            def describe(self):
                """Method docstring."""
                f"a method body is written: {self.size}"

        Model().describe()

        if True:
            "in an if"
        for i in range(2):
            i
        with st.container():
            "in a with block"
        try:
            "in try"
        except Exception:
            pass
        else:
            "in else"
        finally:
            "in finally"
        match 3:
            case 3:
                "in a match case"
        '''
    )


def test_magic_writes_widget_values_on_every_rerun() -> None:
    assert_same(
        """
        import streamlit as st

        name = st.text_input("Name", value="World")
        f"Hello, **{name}**!"
        count = st.slider("Count", 0, 5, 1)
        count, "items"
        """,
        [("text_input", 0, "input", "Ada"), ("slider", 0, "set_value", 4)],
    )
