"""rillet's AppTest has the attributes, accessors and element classes of Streamlit's.

The attribute sets are read from Streamlit's AppTest and its element tree
classes, so an accessor or a property a new Streamlit release adds fails
here until rillet has it (or it is declared in PENDING with its issue).
"""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

import pytest
from harness import assert_same, assert_same_facts

from rillet.compat.table import MODULES, Shim
from rillet.testing import AppTest
from rillet.testing import elements as rillet_elements

streamlit_testing = pytest.importorskip("streamlit.testing.v1")
element_tree = pytest.importorskip("streamlit.testing.v1.element_tree")
pytestmark = pytest.mark.streamlit

# What Streamlit's AppTest has and rillet's not yet, with why. The lead
# prunes this as issues land; anything else missing fails.
PENDING: dict[str, str] = {}

_SOURCE = "import streamlit as st\nst.write('x')\n"


def _streamlit_names(cls: type) -> set[str]:
    fields = {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
    return {n for n in fields | set(dir(cls)) if not n.startswith("_")}


def test_apptest_has_every_public_attribute_of_streamlits() -> None:
    theirs = streamlit_testing.AppTest.from_string(_SOURCE, default_timeout=30).run()
    ours = AppTest.from_string(_SOURCE, default_timeout=30, streamlit_alias=True).run()
    names = {n for n in dir(theirs) if not n.startswith("_")}
    missing = sorted(n for n in names if not hasattr(ours, n) and f"AppTest.{n}" not in PENDING)
    assert missing == []


def test_every_element_class_has_the_properties_and_actions_of_streamlits() -> None:
    shim = MODULES["streamlit.testing.v1.element_tree"]
    assert isinstance(shim, Shim)
    missing: dict[str, list[str]] = {}
    for name, target in shim.names.items():
        ours = getattr(rillet_elements, target.partition(":")[2], None)
        if ours is None:
            missing[name] = ["<the class>"]
            continue
        have = set(dir(ours)) | {"proto", "root"}  # set in __init__
        lacking = [
            n
            for n in sorted(_streamlit_names(getattr(element_tree, name)))
            if n not in have and f"{name}.{n}" not in PENDING
        ]
        if lacking:
            missing[name] = lacking
    assert missing == {}


def test_pending_attributes_are_still_missing() -> None:
    """What landed must leave PENDING, so it stays honest."""
    ours = AppTest.from_string(_SOURCE, default_timeout=30).run()
    landed = []
    for entry in PENDING:
        owner, _, attribute = entry.partition(".")
        if owner == "AppTest":
            if hasattr(ours, attribute):
                landed.append(entry)
        elif hasattr(getattr(rillet_elements, owner, object), attribute):
            landed.append(entry)
    assert landed == []


# ---------------------------------------------------------- containers


_LAYOUT = """
import streamlit as st

with st.container(border=True, key="box"):
    st.write("in the box")
    inner = st.container()
    inner.text("nested")
left, right = st.columns([2, 1])
left.button("Left", key="left")
with right:
    st.metric("Score", 3, -1)
with st.form("order"):
    st.text_input("Name", key="name")
    st.form_submit_button("Send")
one, two = st.tabs(["One", "Two"])
one.write("first tab")
with two:
    st.checkbox("Tick", key="tick")
with st.expander("More", expanded=True):
    st.caption("hidden detail")
with st.status("Working", state="complete"):
    st.write("done")
with st.chat_message("assistant"):
    st.write("hello")
st.sidebar.title("Side")
with st.sidebar.expander("Filters"):
    st.radio("Kind", ["a", "b"], key="kind")
with st.sidebar:
    st.container().write("sidebar box")
"""


def _blocks(at: Any) -> list[str]:
    def describe(block: Any) -> str:
        kinds = [str(c.type) for c in block.children.values()]
        return f"{block.type}:{getattr(block, 'label', '')}:{kinds}"

    return [
        f"{kind}: {[describe(b) for b in getattr(scope, kind)]}"
        for scope in (at, at.main, at.sidebar)
        for kind in ("container", "columns", "expander", "tabs", "status", "chat_message", "form")
    ]


def test_container_accessors_report_the_same_blocks_and_children() -> None:
    assert_same(_LAYOUT, [[("text_input", "name", "input", "Ada"), ("button", 1, "click")]])
    assert_same_facts(_LAYOUT, _blocks)


def test_keys_find_the_same_nodes() -> None:
    def read(at: Any) -> list[str]:
        found = [at.get_by_key(k) for k in ("box", "left", "name", "tick", "kind", "order")]
        found += [at.sidebar.get_by_key("kind"), at.columns[0].get_by_key("left")]
        return [f"{n.type}:{n.key}" for n in found]

    assert_same_facts(_LAYOUT, read)


def test_a_missing_or_shared_key_fails_as_in_streamlit() -> None:
    source = """
    import streamlit as st
    with st.container(key="a"):
        st.button("x", key="b")
    st.text_input("t", key="c")
    """
    for at in (
        streamlit_testing.AppTest.from_string(source, default_timeout=30).run(),
        AppTest.from_string(source, default_timeout=30, streamlit_alias=True).run(),
    ):
        with pytest.raises(KeyError):
            at.get_by_key("nope")
        assert at.get_by_key("b").type == "button"
        with pytest.raises(KeyError):
            at.main.get_by_key("nope")
        assert at.get_by_key("a").key == "a"
        assert len(at.columns) == 0


def test_form_submit_buttons_links_html_and_help_are_listed() -> None:
    source = """
    import streamlit as st
    with st.form("f"):
        st.slider("Level", 0, 10, 3)
        sent = st.form_submit_button("Save", help="store it")
    st.button("Outside")
    st.link_button("Docs", "https://example.com")
    st.html("<p>raw</p>")
    st.help(len)
    st.text(f"sent={sent}")
    """
    assert_same_facts(
        source,
        lambda at: [
            [b.label for b in at.form_submit_button],
            [b.label for b in at.button],
            [b.value for b in at.link_button],
            len(at.html),
            [h.name for h in at.help],
            at.text.values,
            at.form_submit_button.len,
        ],
        [("form_submit_button", 0, "click")],
    )


def test_element_properties_read_the_same() -> None:
    source = """
    import streamlit as st
    st.metric("Up", 3, 1)
    st.metric("Down", 3, -2)
    st.metric("Inverse", 3, "-1", delta_color="inverse")
    st.metric("Off", 3, 4, delta_color="off")
    st.metric("Flat", 3)
    st.title("T", anchor="top")
    st.header("H", anchor=False)
    st.subheader("S")
    st.markdown("<b>m</b>", unsafe_allow_html=True)
    st.caption("c")
    st.code("x = 1", line_numbers=True)
    st.code("y = 2")
    st.radio("R", ["a", "b"], horizontal=True)
    st.multiselect("M", ["a", "b", "c"], ["a"], max_selections=2)
    st.exception(ValueError("boom"))
    with st.chat_message("assistant", avatar="🤖"):
        st.write("x")
    """
    assert_same_facts(
        source,
        lambda at: [
            [(m.label, m.value, m.delta, m.color, m.help) for m in at.metric],
            [(h.anchor, h.hide_anchor, h.icon, h.tag) for h in at.title],
            [(h.anchor, h.hide_anchor) for h in at.header],
            [(m.allow_html, m.is_caption) for m in at.markdown],
            [c.is_caption for c in at.caption],
            [c.show_line_numbers for c in at.code],
            [(r.horizontal, r.options, r.index) for r in at.radio],
            [(m.max_selections, m.values, m.indices) for m in at.multiselect],
            [(e.is_warning, e.is_markdown, e.message) for e in at.exception],
            [(c.name, c.avatar) for c in at.chat_message],
        ],
        [("multiselect", 0, "select", "b")],
    )


# ------------------------------------------------------------- the rest


def test_switch_page_query_params_and_secrets_behave_the_same(tmp_path: Any) -> None:
    main = tmp_path / "main.py"
    (tmp_path / "pages").mkdir()
    main.write_text(
        "import streamlit as st\n"
        "st.title('Home')\n"
        "st.write(st.secrets['greeting'])\n"
        "st.write(dict(st.query_params))\n"
        "if st.button('Set'):\n"
        "    st.query_params['tab'] = 'two'\n",
        encoding="utf-8",
    )
    (tmp_path / "pages" / "other.py").write_text(
        "import streamlit as st\nst.title('Other')\n", encoding="utf-8"
    )
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    results = []
    for at in (
        StreamlitAppTest.from_file(str(main), default_timeout=30),
        AppTest.from_file(str(main), default_timeout=30, streamlit_alias=True),
    ):
        at.secrets["greeting"] = "hi"
        at.query_params["tab"] = "one"
        at.run()
        first = (at.title.values, at.markdown.values)
        at.button[0].click().run()
        clicked = dict(at.query_params)
        at.switch_page("pages/other.py").run()
        results.append((first, clicked, at.title.values))
    assert results[0] == results[1]


def test_a_run_past_the_timeout_raises_runtime_error_in_both() -> None:
    source = "import time\nimport streamlit as st\ntime.sleep(1.5)\nst.write('late')\n"
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    for at in (StreamlitAppTest.from_string(source), AppTest.from_string(source)):
        with pytest.raises(RuntimeError, match=r"timed out after 0\.2"):
            at.run(timeout=0.2)


def test_args_kwargs_and_context_are_read_at_each_run() -> None:
    def app(greeting: str, name: str = "you") -> None:
        import streamlit as st

        st.text(f"{greeting}, {name}; {st.context.locale}; {st.context.timezone}")

    at = AppTest.from_function(
        app, args=("Hi",), kwargs={"name": "Ada"}, default_timeout=30, streamlit_alias=True
    )
    at.context = {"locale": "de-DE", "timezone": "Europe/Berlin"}
    assert at.run().text.values == ["Hi, Ada; de-DE; Europe/Berlin"]
    at.args = ("Bye",)
    at.context["locale"] = None
    assert at.run().text.values == ["Bye, Ada; None; Europe/Berlin"]
    at.context = {"colour": "red"}
    from rillet.testing import AppTestError

    with pytest.raises(AppTestError, match="'colour'"):
        at.run()


def test_widget_actions_match_streamlits() -> None:
    source = """
    import datetime
    import streamlit as st
    st.selectbox("Pick", ["a", "b", "c"], key="pick")
    st.slider("Range", 0, 100, (10, 20), key="range")
    st.text_input("Name", key="name")
    st.number_input("Count", 0, 10, 5, key="count")
    st.time_input("When", datetime.time(8, 0), key="when")
    st.color_picker("Colour", "#000000", key="colour")
    st.checkbox("Agree", key="agree")
    st.multiselect("Tags", ["x", "y", "z"], key="tags")
    st.chat_input("Say", key="say")
    """
    steps: list[Any] = [
        ("selectbox", "pick", "select_index", 2),
        ("slider", "range", "set_range", 30, 40),
        ("text_input", "name", "input", "Ada"),
        ("number_input", "count", "increment"),
        ("time_input", "when", "increment"),
        ("color_picker", "colour", "pick", "#ff0000"),
        ("checkbox", "agree", "check"),
        ("multiselect", "tags", "select", "y"),
        ("chat_input", "say", "set_value", "hello"),
        ("run",),
    ]
    assert_same(source, steps)
    assert_same_facts(
        source,
        lambda at: [repr(at.time_input[0].value), at.selectbox[0].index, at.chat_input[0].value],
        [("time_input", "when", "set_value", datetime.time(23, 59))],
    )


def test_option_widgets_hand_back_their_format_func() -> None:
    source = """
    import streamlit as st
    names = {1: "one", 2: "two"}
    st.radio("R", [1, 2], format_func=names.get)
    st.selectbox("S", [1, 2], format_func=lambda n: f"#{n}")
    st.multiselect("M", [1, 2], [2], format_func=names.get)
    st.selectbox("Plain", [1, 2])
    st.select_slider("SS", [1, 2], format_func=names.get)
    """
    assert_same_facts(
        source,
        lambda at: [
            [
                w.format_func(2)
                for w in [*at.radio, *at.selectbox, *at.multiselect, *at.select_slider]
            ],
            at.multiselect[0].values,
        ],
    )


def test_element_lists_slice_compare_and_find_by_key_alike() -> None:
    source = """
    import streamlit as st
    st.button("a", key="ka")
    st.button("b", key="kb")
    st.button("c")
    st.markdown("one")
    st.markdown("two")
    """

    def read(at: Any) -> list[Any]:
        tail = at.button[1:]
        try:
            at.button("nope")
            missing = "found"
        except KeyError as exc:
            missing = f"KeyError {exc}"
        return [
            type(tail).__name__.replace("Element", "Widget"),
            [b.label for b in tail],
            at.button("kb").label,
            missing,
            at.markdown[:1].values,
            at.text == [],
            at.markdown.len,
        ]

    assert_same_facts(source, read)


def test_containers_that_are_widgets_are_found_by_key() -> None:
    source = """
    import streamlit as st
    with st.expander("More", key="more", on_change="rerun"):
        st.write("inside")
    st.tabs(["A", "B"], key="tabs", on_change="rerun")
    with st.popover("Menu", key="menu", on_change="rerun"):
        st.write("item")
    """
    assert_same_facts(
        source,
        lambda at: [
            [(at.get_by_key(k).type, at.get_by_key(k).key) for k in ("more", "tabs", "menu")],
            [e.key for e in at.expander],
        ],
    )
