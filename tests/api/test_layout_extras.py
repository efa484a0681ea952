"""st.space, st.grid, st.bottom and st.skeleton."""

from __future__ import annotations

import time

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.context import BOTTOM
from rillet.testing import AppTest


def _sent(at: AppTest) -> list[pb.ForwardMsg]:
    """Record every message the app sends from now on."""
    seen: list[pb.ForwardMsg] = []
    outbox = at._session.outbox
    deliver = outbox._deliver
    assert deliver is not None

    def spy(msgs: list[pb.ForwardMsg]) -> None:
        seen.extend(msgs)
        deliver(msgs)

    outbox._deliver = spy
    return seen


def test_space_sizes_travel_as_names_or_pixels() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.space()
        st.space("xxlarge")
        st.space(40)
        st.space("stretch")
        """
    ).run()
    assert at.space.values == ["small", "xxlarge", 40, "stretch"]
    assert [s.proto.size for s in at.space] == ["small", "xxlarge", "40px", "stretch"]


@pytest.mark.parametrize("size", ["huge", 0, -3, 2.5, None])
def test_a_bad_space_size_names_the_argument_and_what_is_accepted(size: object) -> None:
    at = AppTest.from_string(f"import rillet as st\nst.space({size!r})").run()
    message = at.exception[0].value
    assert "st.space: `size` must be one of 'stretch'" in message
    assert "a positive int (pixels)" in message and repr(size) in message


GRID = """
import rillet as st
grid = st.grid(3, gap=("small", 24), row_height=80, border=True, key="cards")
with grid:
    st.write("a")
    st.write("b")
with grid.cell(column_span=2, row_span=2):
    st.write("c")
    st.write("d")
grid.button("e")
wide = grid.cell(column_span="all")
wide.write("f")
"""


def test_grid_children_are_its_cells_in_order_and_cells_group_elements() -> None:
    at = AppTest.from_string(GRID).run()
    grid = at.grid[0]
    assert (grid.column_count, grid.row_height, grid.gap, grid.border) == (
        3,
        80,
        ("small", 24),
        True,
    )
    assert (grid.min_column_width, grid.wrap, grid.width, grid.height) == (
        "auto",
        True,
        "stretch",
        "content",
    )
    kinds = [c.type for c in grid]
    assert kinds == ["markdown", "markdown", "flex_container", "button", "flex_container"]
    cell = grid[2]
    assert [m.value for m in cell.markdown] == ["c", "d"]
    assert (cell.proto.grid_cell.column_span, cell.proto.grid_cell.row_span) == (2, 2)
    assert grid[4].proto.grid_cell.column_span_all
    assert grid.proto.grid.key == "cards"


def test_an_auto_grid_fits_columns_of_the_least_width() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.grid(min_column_width=150, gap=None, dense=True).write('x')"
    ).run()
    grid = at.grid[0]
    assert (grid.column_count, grid.min_column_width, grid.gap, grid.dense) == (
        "auto",
        150,
        None,
        True,
    )


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.grid(0)", "`columns` must be 'auto' or an int from 1 to 24"),
        ("st.grid(25)", "`columns` must be 'auto' or an int from 1 to 24"),
        ("st.grid(wrap=False)", "`wrap=False` needs a number of columns"),
        ("st.grid(2, row_height=0)", "`row_height` must be 'content' or a positive int"),
        ("st.grid(2, gap='huge')", "`gap` must be one of"),
        ("st.grid(2, gap=('small',))", "`gap` must be a gap, or a pair"),
        ("st.grid(2, vertical_alignment='middle')", "`vertical_alignment` must be"),
        ("st.grid(2, width='content')", "`width` must be a positive int (pixels) or 'stretch'"),
        ("st.grid(2).cell(column_span=3)", "`column_span` must be 'all' or an int from 1 to 2"),
        ("st.grid(2).cell(row_span=0)", "`row_span` must be a positive int"),
    ],
)
def test_bad_grid_arguments_are_named(call: str, words: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}").run()
    assert words in at.exception[0].value


def test_two_grids_with_one_key_collide() -> None:
    at = AppTest.from_string("import rillet as st\nst.grid(key='k')\nst.grid(key='k')").run()
    assert "key='k'" in at.exception[0].value


def test_the_bottom_container_writes_to_the_bottom_root() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.write("main")
        with st.bottom:
            st.write("pinned")
        st.bottom.button("Clear")
        """
    ).run()
    bottom = at._roots[BOTTOM]
    assert [c.element.WhichOneof("type") for c in bottom.ordered()] == ["markdown", "button"]
    assert [m.value for m in at.main.markdown] == ["main"]


@pytest.mark.parametrize(
    ("source", "where"),
    [
        ("with st.sidebar:\n    st.bottom.write('x')", "inside `st.sidebar`"),
        ("@st.dialog('D')\ndef d():\n    st.bottom.write('x')\nd()", "inside a dialog"),
    ],
)
def test_the_bottom_container_belongs_to_the_main_area(source: str, where: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{source}").run()
    assert f"`st.bottom` cannot be used {where}" in at.exception[0].value


def test_a_skeleton_is_replaced_by_the_first_write() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        waiting = st.skeleton(height=120, width=300)
        done = st.skeleton()
        done.success("Ready")
        """
    ).run()
    [skeleton] = at.get("skeleton")
    assert (skeleton.proto.height, skeleton.proto.width) == (120, "300px")
    assert at.success[0].value == "Ready"


def test_a_skeleton_block_shows_only_after_half_a_second_and_leaves_an_empty_slot() -> None:
    source = """
import time
import rillet as st
with st.skeleton(height=50):
    time.sleep(SLEEP)
st.write("after")
"""
    quick = AppTest.from_string(source.replace("SLEEP", "0.05"))
    sent = _sent(quick)
    quick.run()
    assert not any(m.delta.transient.WhichOneof("type") == "skeleton" for m in sent)
    slow = AppTest.from_string(source.replace("SLEEP", "0.8"))
    sent = _sent(slow)
    started = time.monotonic()
    slow.run()
    assert time.monotonic() - started >= 0.8
    assert any(m.delta.transient.WhichOneof("type") == "skeleton" for m in sent)
    assert [c.type for c in slow.main] == ["empty", "markdown"]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.skeleton(0)", "`height` must be a positive int (pixels) or 'stretch'"),
        ("st.skeleton('content')", "`height` must be a positive int (pixels) or 'stretch'"),
        ("st.skeleton(width='content')", "`width` must be a positive int (pixels) or 'stretch'"),
    ],
)
def test_bad_skeleton_sizes_are_named(call: str, words: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}").run()
    assert words in at.exception[0].value
