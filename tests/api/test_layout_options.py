"""Streamlit 1.67's layout options: wrap, autoscroll, dialog drawers and dismissal, status type."""

from __future__ import annotations

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.testing import AppTest
from tests.api.apps import HEADER, app, error, shown, streamlit_app


def _blocks(at: AppTest, kind: str) -> list[pb.Block]:
    found = []

    def walk(node: object) -> None:
        block = getattr(node, "block", None)
        if block is not None and block.WhichOneof("type") == kind:
            found.append(block)
        for child in node.ordered():  # type: ignore[attr-defined]
            walk(child)

    for root in at._roots:  # main, sidebar, event (dialogs), bottom
        walk(root)
    return found


def test_columns_and_horizontal_containers_say_whether_they_wrap() -> None:
    at = app(
        "st.columns(2)\n"
        "st.columns(2, wrap=False)\n"
        "st.container(horizontal=True)\n"
        "st.container(horizontal=True, wrap=False)\n"
    )
    rows = [(b.horizontal.no_wrap, b.horizontal.is_container) for b in _blocks(at, "horizontal")]
    assert rows == [(False, False), (True, False), (False, True), (True, True)]


def test_a_fixed_height_container_says_how_it_scrolls() -> None:
    at = app(
        "st.container(height=200)\n"
        "st.container(height=200, autoscroll=True)\n"
        "st.container(height=200, autoscroll=False)\n"
    )
    assert [b.vertical.autoscroll for b in _blocks(at, "vertical")] == ["", "on", "off"]


def test_a_status_box_takes_the_expander_types() -> None:
    at = app("st.status('Working', type='step')\nst.status('Plain')")
    assert [b.expander.type for b in _blocks(at, "expander")] == ["step", ""]


DIALOG = (
    "def dismissed():\n"
    "    st.session_state.dismissed = st.session_state.get('dismissed', 0) + 1\n"
    "@st.dialog('Edit', position='right', icon='✏️', on_dismiss=dismissed)\n"
    "def edit():\n"
    "    st.write('inside')\n"
    "edit()\n"
    "st.write(repr(st.session_state.get('dismissed')))\n"
)


def test_a_dialog_drawer_with_a_dismissal_callback() -> None:
    at = AppTest.from_string(HEADER + DIALOG).run()
    assert "None" in shown(at)
    (dialog,) = _blocks(at, "dialog")
    assert (dialog.dialog.position, dialog.dialog.icon) == ("right", "✏️")
    assert dialog.widget.id != "" and dialog.widget.label == "Edit"


def test_a_dialog_that_ignores_dismissal_has_no_widget() -> None:
    at = app("@st.dialog('Plain')\ndef plain():\n    st.write('x')\nplain()\n")
    (dialog,) = _blocks(at, "dialog")
    assert not dialog.HasField("widget") and dialog.dialog.position == ""


def test_parallel_fragments_run_and_show_the_same_page() -> None:
    body = (
        "@st.fragment(parallel=True)\n"
        "def slow(n):\n"
        "    st.write(f'part {n}')\n"
        "slow(1)\nslow(2)\nst.write('end')\n"
    )
    assert shown(app(body)) == ["part 1", "part 2", "end"]


def test_rerun_takes_its_scope_positionally_as_in_streamlit() -> None:
    assert not app(
        "if 'x' not in st.session_state:\n    st.session_state.x = 1\n    st.rerun('app')"
    ).exception


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("st.container(height=100, autoscroll='yes')", ["autoscroll", "'yes'"]),
        ("st.status('s', type='big')", ["type", "'big'", "'step'"]),
        ("st.container(wrap=False)", ["wrap=False", "horizontal=True"]),
        ("@st.dialog('D', position='top')\ndef d(): pass\nd()", ["position", "'top'", "'left'"]),
        ("@st.dialog('D', on_dismiss='close')\ndef d(): pass\nd()", ["on_dismiss", "'close'"]),
        ("@st.fragment(parallel='yes')\ndef f(): pass\nf()", ["parallel", "'yes'"]),
    ],
)
def test_bad_layout_options_name_the_argument(body: str, words: list[str]) -> None:
    message = error(body)
    for word in words:
        assert word in message


@pytest.mark.streamlit
@pytest.mark.parametrize(
    "body",
    [
        "st.columns(3, wrap=False)",
        "st.container(height=300, autoscroll=True, wrap=False)",
        "st.container(horizontal=True, wrap=False)",
        "st.status('s', type='compact')",
        "@st.dialog('D', position='left', icon='🔥', on_dismiss='rerun')\ndef d(): pass\nd()",
        "@st.fragment(parallel=True)\ndef f(): st.write('x')\nf()",
    ],
)
def test_layout_options_are_accepted_as_in_streamlit(body: str) -> None:
    assert bool(app(body).exception) == bool(streamlit_app(body).run().exception)
