"""st.grid, st.space, st.skeleton and st.bottom lay out as in Streamlit."""

from __future__ import annotations

import pytest
from harness import assert_fails_alike, assert_same, assert_same_facts

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

GRID = """
import streamlit as st
grid = st.grid(3, gap=("small", "large"), border=True, row_height=80, key="cards")
with grid:
    st.write("a")
    st.write("b")
with grid.cell(column_span=2):
    st.write("c")
    st.write("d")
grid.button("e", key="e")
grid.cell(column_span="all", row_span=2).write("f")
auto = st.grid(min_column_width=120, vertical_alignment="center", dense=True, height=300,
               width=500, gap=None)
auto.metric("Users", 10)
st.grid(2, wrap=False, gap=16, height="stretch").write("g")
if st.session_state.get("e"):
    st.write("clicked")
"""


def _grid_facts(at: object) -> list[str]:
    return [
        f"{g.column_count} {g.wrap} {g.border} {g.row_height} {g.min_column_width} {g.gap} "
        f"{g.vertical_alignment} {g.dense} {g.width} {g.height}"
        for g in at.grid  # type: ignore[attr-defined]
    ]


def test_grids_and_their_cells_match_streamlit() -> None:
    assert_same(GRID, [("button", "e", "click")])
    assert_same_facts(GRID, _grid_facts)


@pytest.mark.parametrize(
    "call",
    [
        "st.grid(0)",
        "st.grid(25)",
        "st.grid('x')",
        "st.grid(wrap=False)",
        "st.grid(2, min_column_width=-1)",
        "st.grid(2, row_height=0)",
        "st.grid(2, gap='huge')",
        "st.grid(2, gap=('small', 'large', 'small'))",
        "st.grid(2, vertical_alignment='middle')",
        "st.grid(2, height=0)",
        "st.grid(2, width='content')",
        "st.grid(2).cell(column_span=3)",
        "st.grid(2).cell(column_span='some')",
        "st.grid(2).cell(row_span=0)",
    ],
)
def test_bad_grid_arguments_fail_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


SPACE = """
import streamlit as st
st.space()
st.space("xxsmall")
st.space("xxlarge")
st.space(40)
st.space("stretch")
with st.container(horizontal=True):
    st.write("left")
    st.space("medium")
    st.write("right")
"""


def test_spaces_match_streamlit() -> None:
    assert_same(SPACE)
    assert_same_facts(SPACE, lambda at: [s.value for s in at.space])


@pytest.mark.parametrize(
    "call", ["st.space('huge')", "st.space(-1)", "st.space(2.5)", "st.space(0)"]
)
def test_bad_space_sizes_fail_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


SKELETON = """
import streamlit as st
first = st.skeleton(height=100, width=200)
first.write("replaced")
with st.skeleton():
    st.write("inside")
st.skeleton("stretch")
st.write("end")
"""


def test_skeletons_match_streamlit() -> None:
    assert_same(SKELETON)


@pytest.mark.parametrize(
    "call", ["st.skeleton(0)", "st.skeleton('content')", "st.skeleton(width='content')"]
)
def test_bad_skeleton_sizes_fail_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


BOTTOM = """
import streamlit as st
st.write("main")
with st.bottom:
    st.write("pinned")
st.bottom.button("Clear", key="clear")
prompt = st.chat_input("Say")
if st.session_state.get("clear"):
    st.write("cleared")
"""


def test_the_bottom_container_matches_streamlit() -> None:
    assert_same(BOTTOM, [("button", "clear", "click"), ("chat_input", 0, "set_value", "hi")])
    assert_same_facts(BOTTOM, lambda at: [m.value for m in at.markdown])


def test_the_bottom_container_fails_in_the_sidebar_as_in_streamlit() -> None:
    assert_fails_alike("with st.sidebar:\n    st.bottom.write('x')")
