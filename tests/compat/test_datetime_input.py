"""st.datetime_input shows, returns and keeps values as in Streamlit."""

from __future__ import annotations

import datetime as dt

import pytest
from harness import assert_fails_alike, assert_same, assert_same_facts

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

APP = """
import datetime as dt
import streamlit as st
a = st.datetime_input("Meeting", dt.datetime(2024, 3, 15, 14, 37, 55), key="meeting")
b = st.datetime_input("Deadline", value=None, min_value=dt.date(2020, 1, 1),
                      max_value=dt.datetime(2030, 1, 1, 12, 0), format="DD.MM.YYYY", step=3600,
                      help="When it is due", key="deadline")
c = st.datetime_input("Day only", dt.date(2024, 5, 1))
d = st.datetime_input("Text", "2024/05/01 08:30", required=True)
st.write(repr(a), repr(b), repr(c), repr(d))
"""


def _facts(at: object) -> list[str]:
    return [
        f"{w.label} {w.value!r} {w.min} {w.max} {w.step} {w.format} {w.help!r}"
        for w in at.datetime_input  # type: ignore[attr-defined]
    ]


def test_values_bounds_and_settings_match_streamlit() -> None:
    assert_same(APP)
    assert_same_facts(APP, _facts)


def test_changes_session_state_and_out_of_range_values_match_streamlit() -> None:
    steps = [
        ("datetime_input", "meeting", "set_value", dt.datetime(2025, 1, 2, 3, 4, 59)),
        ("datetime_input", "deadline", "set_value", dt.datetime(2021, 5, 6, 7, 8)),
        ("datetime_input", "deadline", "set_value", dt.datetime(2031, 1, 1, 0, 0)),
        ("datetime_input", "deadline", "set_value", None),
        ("session_state", "meeting", dt.datetime(2026, 6, 1, 9, 0)),
    ]
    assert_same(APP, steps)
    assert_same_facts(APP, _facts, steps)


@pytest.mark.parametrize(
    "call",
    [
        "st.datetime_input('x', value=5)",
        "st.datetime_input('x', format='YYYY')",
        "st.datetime_input('x', step=30)",
        "st.datetime_input('x', step=datetime.timedelta(days=2))",
        "st.datetime_input('x', min_value='2025-01-01', max_value='2024-01-01')",
        "st.datetime_input('x', '2020-01-01', min_value='2024-01-01')",
        "st.datetime_input('x', '2040-01-01', max_value='2030-01-01')",
        "st.datetime_input('x', width='content')",
        "st.datetime_input('x', width=0)",
    ],
)
def test_bad_arguments_fail_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


def test_a_bound_datetime_input_starts_from_the_url_as_in_streamlit() -> None:
    # Only what the script sees is compared: Streamlit's browser client writes
    # the URL back, so its AppTest never shows the new value there.
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    from rillet.testing import AppTest as RilletAppTest

    source = """
import datetime as dt
import streamlit as st
when = st.datetime_input("When", dt.datetime(2024, 1, 1, 8, 0), key="when", bind="query-params")
st.write(repr(when))
"""
    sides = [
        StreamlitAppTest.from_string(source, default_timeout=10),
        RilletAppTest.from_string(source, default_timeout=10, streamlit_alias=True),
    ]
    seen = []
    for at in sides:
        at.query_params["when"] = "2025-02-03T04:05"
        at.run()
        first = at.markdown[0].value
        at.datetime_input[0].set_value(dt.datetime(2026, 7, 8, 9, 10)).run()
        seen.append((first, at.markdown[0].value))
    assert (
        seen[0]
        == seen[1]
        == (
            "datetime.datetime(2025, 2, 3, 4, 5)",
            "datetime.datetime(2026, 7, 8, 9, 10)",
        )
    )
