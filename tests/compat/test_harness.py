"""The harness itself: it sees differences, and known ones only where declared."""

from __future__ import annotations

import pytest
from harness import Known, Report, _check, outline, run_rillet, run_streamlit

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

APP = """
import streamlit as st
st.title("{title}")
with st.sidebar:
    st.radio("Pick", ["a", "b"], index={index})
c1, c2 = st.columns(2)
c2.metric("M", 1, 2)
"""


def test_the_outline_walks_main_then_sidebar_and_into_blocks() -> None:
    lines = outline(run_rillet(APP.format(title="T", index=0), 10)).render()

    assert lines == [
        "title body='T' anchor=auto divider='' help=''",
        "horizontal",
        "  column",
        "  column",
        "    metric label='M' body='1' delta='2'",
        "radio label='Pick' value='a' options=['a', 'b']",
        "-- session_state --",
    ]


def test_a_difference_is_reported_as_a_unified_diff() -> None:
    report = Report()

    _check(
        report,
        "initial run",
        run_streamlit(APP.format(title="T", index=0), 10),
        run_rillet(APP.format(title="Other", index=1), 10),
        known=[],
    )

    (diff,) = report.diffs
    assert "-title body='T'" in diff and "+title body='Other'" in diff
    assert "-radio label='Pick' value='a'" in diff and "+radio label='Pick' value='b'" in diff


def test_a_known_difference_blanks_only_its_kind_and_fields() -> None:
    report = Report()
    known = [Known("title", ("body",), "titles differ on purpose in this test")]

    _check(
        report,
        "initial run",
        run_streamlit(APP.format(title="T", index=0), 10),
        run_rillet(APP.format(title="Other", index=1), 10),
        known=known,
    )

    (diff,) = report.diffs
    assert "title" not in diff
    assert "+radio label='Pick' value='b'" in diff
