"""st.datetime_input: a date and a time of day, to the minute."""

from __future__ import annotations

import datetime as dt

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.testing import AppTest

APP = """
import datetime as dt
import rillet as st
when = st.datetime_input("When", dt.datetime(2024, 3, 15, 14, 37, 55), key="when")
st.write(repr(when))
"""


def test_the_value_is_a_datetime_to_the_minute_and_a_set_value_reaches_the_script() -> None:
    at = AppTest.from_string(APP).run()
    widget = at.datetime_input[0]
    assert widget.value == dt.datetime(2024, 3, 15, 14, 37)
    assert at.markdown[0].value == "datetime.datetime(2024, 3, 15, 14, 37)"
    assert (widget.min, widget.max) == ("2014-03-15T00:00", "2034-03-15T23:59")
    assert (widget.step, widget.format, widget.type) == (900, "YYYY/MM/DD", "date_time_input")

    at.datetime_input("when").set_value(dt.datetime(2025, 1, 2, 3, 4, 59)).run()
    assert at.session_state["when"] == dt.datetime(2025, 1, 2, 3, 4)
    assert at.markdown[0].value == "datetime.datetime(2025, 1, 2, 3, 4)"


def test_now_is_the_default_and_none_starts_empty() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.write(repr(st.datetime_input("Now") is not None))
        st.write(repr(st.datetime_input("Empty", value=None)))
        """
    ).run()
    assert [m.value for m in at.markdown] == ["True", "None"]
    now = at.datetime_input[0].value
    assert now.second == 0 and abs(dt.datetime.now() - now) < dt.timedelta(minutes=2)
    assert at.datetime_input[1].proto.value == ""


def test_dates_times_and_strings_are_read_and_bounds_are_inclusive() -> None:
    at = AppTest.from_string(
        """
        import datetime as dt
        import rillet as st
        a = st.datetime_input("A", dt.date(2024, 5, 1), min_value="2024-01-01", max_value=dt.date(2024, 12, 31))
        b = st.datetime_input("B", "2024/05/01 08:30")
        st.write(repr(a), repr(b))
        """
    ).run()
    first = at.datetime_input[0]
    assert first.value == dt.datetime(2024, 5, 1, 0, 0)
    assert (first.min, first.max) == ("2024-01-01T00:00", "2024-12-31T23:59")
    assert at.datetime_input[1].value == dt.datetime(2024, 5, 1, 8, 30)


def test_a_value_outside_the_bounds_from_the_client_reads_as_the_default() -> None:
    at = AppTest.from_string(
        """
        import datetime as dt
        import rillet as st
        st.datetime_input("In 2024", dt.datetime(2024, 6, 1, 12, 0),
                          min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 12, 31), key="d")
        """
    ).run()
    at.datetime_input[0].set_value(dt.datetime(2030, 1, 1, 0, 0)).run()
    assert at.session_state["d"] == dt.datetime(2024, 6, 1, 12, 0)


def test_the_wire_value_is_iso_to_the_minute_in_a_string_array() -> None:
    at = AppTest.from_string(APP).run()
    element = at.datetime_input[0].proto
    assert isinstance(element, pb.DateTimeInput)
    assert element.value == "2024-03-15T14:37"
    assert element.width == "stretch"
    state = at._session.state.widget_state(at.datetime_input[0].id, dt.datetime(2020, 2, 2, 2, 2))
    assert list(state.string_array_value.data) == ["2020-02-02T02:02"]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.datetime_input('x', value=5)", "`value` must be a datetime"),
        ("st.datetime_input('x', format='YYYY')", "`format` must be one of"),
        ("st.datetime_input('x', step=30)", "`step` must be an int of seconds"),
        ("st.datetime_input('x', step=True)", "`step` must be an int of seconds"),
        (
            "st.datetime_input('x', min_value='2025-01-01', max_value='2024-01-01')",
            "must not be after",
        ),
        ("st.datetime_input('x', '2020-01-01', min_value='2024-01-01')", "must lie between"),
        ("st.datetime_input('x', bind='url')", "`bind` must be 'query-params' or None"),
        ("st.datetime_input('x', width='content')", "`width` must be a positive int (pixels)"),
    ],
)
def test_bad_arguments_show_an_error_naming_them_and_the_app_goes_on(call: str, words: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}\nst.write('after')").run()
    assert words in at.exception[0].value
    assert "st.datetime_input" in at.exception[0].value


def test_a_bound_datetime_input_starts_from_the_url_and_writes_its_value_back() -> None:
    at = AppTest.from_string(
        """
        import datetime as dt
        import rillet as st
        when = st.datetime_input("When", dt.datetime(2024, 1, 1, 8, 0), key="when",
                                 bind="query-params")
        st.write(repr(when))
        """
    )
    at.query_params = {"when": "2025-02-03T04:05"}
    at.run()
    assert at.markdown[0].value == "datetime.datetime(2025, 2, 3, 4, 5)"
    at.datetime_input[0].set_value(dt.datetime(2026, 7, 8, 9, 10)).run()
    assert at.query_params["when"] in ("2026-07-08T09:10", ["2026-07-08T09:10"])


def test_persist_state_keeps_the_value_while_the_datetime_input_is_hidden() -> None:
    at = AppTest.from_string(
        """
        import datetime as dt
        import rillet as st
        if st.checkbox("Show", value=True):
            st.write(repr(st.datetime_input("When", dt.datetime(2024, 1, 1, 8, 0), key="w",
                                            persist_state="session")))
        """
    ).run()
    at.datetime_input[0].set_value(dt.datetime(2030, 3, 4, 5, 6)).run()
    at.checkbox[0].uncheck().run()
    assert not at.datetime_input
    at.checkbox[0].check().run()
    assert at.markdown[0].value == "datetime.datetime(2030, 3, 4, 5, 6)"


def test_a_width_in_pixels_travels_with_the_element() -> None:
    at = AppTest.from_string("import rillet as st\nst.datetime_input('x', width=240)").run()
    assert at.datetime_input[0].proto.width == "240px"
