"""A ``format`` Streamlit refuses is refused alike: an error element where the call was, the page before it kept.

Streamlit 1.67 takes for ``date_input`` and ``datetime_input`` only the nine
orders of ``YYYY``, ``MM`` and ``DD`` with ``/``, ``.`` or ``-``; for
``time_input`` only ``"24h"``, ``"12h"`` and ``"localized"``; for
``number_input`` a printf format that shows the number alone; for
``slider`` any string (its client reads what it can), but no other type.
"""

from __future__ import annotations

import pytest
from harness import assert_fails_alike, assert_same

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

REFUSED = [
    'st.date_input("d", format="YYYY MM DD")',
    'st.date_input("d", format="DD/MM/YY")',
    'st.date_input("d", format="yyyy/mm/dd")',
    'st.date_input("d", format="YYYY/MM")',
    'st.date_input("d", format="YYYY/DD/MM")',
    'st.date_input("d", format="")',
    'st.date_input("d", format=5)',
    'st.datetime_input("d", format="DD MM YYYY")',
    'st.datetime_input("d", format=None)',
    'st.time_input("t", format="HH:mm")',
    'st.time_input("t", format="")',
    'st.time_input("t", format=12)',
    'st.number_input("n", format="%d %d")',
    'st.number_input("n", format="abc")',
    'st.number_input("n", format="%c")',
    'st.number_input("n", format="%.2")',
    'st.number_input("n", format="%.1f%%")',
    'st.number_input("n", value=1, format="%d kg")',
    'st.number_input("n", format="percent")',
    'st.number_input("n", format=3)',
    'st.slider("s", format=5)',
    'st.slider("s", datetime.time(1), datetime.time(5), format=5)',
]


@pytest.mark.parametrize("call", REFUSED)
def test_a_format_streamlit_refuses_is_an_error_element_and_the_page_goes_on(call: str) -> None:
    assert_fails_alike(call)


def test_formats_streamlit_takes_are_taken() -> None:
    assert_same(
        """
        import datetime
        import streamlit as st
        for order in ["YYYY/MM/DD", "DD.MM.YYYY", "MM-DD-YYYY"]:
            st.date_input(order, datetime.date(2026, 1, 31), format=order)
        st.datetime_input("moment", datetime.datetime(2026, 1, 31, 8, 5), format="DD-MM-YYYY")
        st.time_input("12h", datetime.time(20, 30), format="12h")
        for fmt in ["%d", "%.3f", "%e", "%x", " %i"]:
            st.number_input(fmt, value=7, format=fmt)
        st.slider("words", 0, 10, 4, format="%d km")
        st.slider("percent", 0.0, 1.0, 0.5, format="percent")
        """
    )
