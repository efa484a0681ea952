"""st.help, st.write of what has no better display, and st.echo, as in Streamlit."""

from __future__ import annotations

import pytest
from harness import assert_same

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

OBJECTS = '''
import collections
import dataclasses
import streamlit as st

class Point:
    """A point in the plane."""
    dims = 2
    def __init__(self, x, y=0):
        self.x, self.y = x, y
    def norm(self) -> float:
        """Distance from the origin."""
        return (self.x ** 2 + self.y ** 2) ** 0.5

@dataclasses.dataclass
class Size:
    w: int = 1
    h: int = 2

def area(w: int, h: int = 1) -> int:
    """Width times height."""
    return w * h
'''


def test_help_describes_functions_classes_instances_and_builtins() -> None:
    assert_same(
        OBJECTS
        + """
st.help(area)
st.help(Point)
st.help(Point(3, 4))
st.help(Size())
st.help(len)
st.help(Point(3, 4).norm)
"""
    )


def test_write_and_magic_describe_what_has_no_better_display() -> None:
    assert_same(
        OBJECTS
        + """
st.write(area)
st.write(Point)
st.write(Point(1))
st.write(object())
st.write(3, None, "text")
area
Point(5)
"""
    )


def test_echo_shows_the_block_where_streamlit_does() -> None:
    assert_same(
        """
import streamlit as st

with st.echo():
    x = 1 + 1
    st.write("x is", x)

with st.echo(code_location="below"):
    y = 3
st.write("end")
"""
    )
