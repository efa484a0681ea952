"""Selectbox, multiselect, date and time inputs take Streamlit 1.67's newer parameters.

``required``, ``icon``, ``filter_mode``, ``select_all``, ``wrap`` and the
time input's ``format`` are accepted and refused where Streamlit's are, and
change neither the value returned nor the page outline.
"""

from __future__ import annotations

import pytest
from harness import Step, assert_fails_alike, assert_same

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


def test_selectbox_takes_required_icon_and_every_filter_mode() -> None:
    source = """
        import streamlit as st
        a = st.selectbox("Fuzzy", ["ant", "bee", "cat"], required=True, icon="🔥")
        b = st.selectbox("Contains", ["ant", "bee"], index=None, filter_mode="contains")
        c = st.selectbox("Prefix", ["ant", "bee"], filter_mode="prefix", icon=":material/search:")
        d = st.selectbox("Off", ["ant", "bee"], filter_mode=None, required=1)
        st.write(a, b, c, d)
        """
    steps: list[Step] = [("selectbox", 1, "set_value", "bee"), ("selectbox", 0, "select", "cat")]
    assert_same(source, steps)


def test_multiselect_takes_filter_mode_select_all_and_wrap() -> None:
    source = """
        import streamlit as st
        a = st.multiselect("A", ["x", "y", "z"], filter_mode="prefix", select_all=True, wrap=True)
        b = st.multiselect("B", ["x", "y"], ["y"], filter_mode=None, select_all=0, wrap=False)
        c = st.multiselect("C", ["x", "y"], select_all=False, accept_new_options=True)
        st.write(a, b, c)
        """
    assert_same(source, [("multiselect", 0, "select", "z"), ("multiselect", 1, "unselect", "y")])


def test_date_and_time_inputs_take_required_and_time_format() -> None:
    source = """
        import datetime
        import streamlit as st
        d = st.date_input("D", datetime.date(2026, 1, 2), required=True)
        e = st.date_input("E", None, required=False)
        t = st.time_input("T", datetime.time(8, 45), format="12h", required=True)
        u = st.time_input("U", "13:05", format="localized")
        v = st.time_input("V", None, format="24h", required=1)
        st.write(d, e, t, u, v)
        """
    assert_same(source, [("time_input", 0, "increment")])


@pytest.mark.parametrize(
    "call",
    [
        'st.selectbox("S", ["a"], filter_mode="x")',
        'st.selectbox("S", ["a"], filter_mode="Fuzzy")',
        'st.selectbox("S", ["a"], filter_mode=None, accept_new_options=True)',
        'st.selectbox("S", ["a"], required="yes")',
        'st.selectbox("S", ["a"], icon="abc")',
        'st.multiselect("M", ["a"], filter_mode="x")',
        'st.multiselect("M", ["a"], filter_mode=None, accept_new_options=True)',
        'st.multiselect("M", ["a"], select_all="x")',
        'st.multiselect("M", ["a"], select_all=-1)',
        'st.multiselect("M", ["a"], select_all=1.5)',
        'st.multiselect("M", ["a"], wrap="x")',
        'st.date_input("D", required="x")',
        'st.time_input("T", format="x")',
        'st.time_input("T", format="24H")',
    ],
)
def test_bad_picker_arguments_are_errors_where_streamlit_raises(call: str) -> None:
    assert_fails_alike(call)
