from __future__ import annotations

import datetime as dt

import pytest

from rillet.testing import AppTest

from .apps import HEADER, app, error, shown, streamlit_app

# -------------------------------------------------------------- date_input


def test_date_input_defaults_to_today_within_ten_years_either_side() -> None:
    before = dt.date.today()
    at = app("v = st.date_input('d')\nst.write(repr(v))")
    after = dt.date.today()
    d = at.date_input[0]
    assert d.value in (before, after)
    assert (d.min.year, d.max.year) == (d.value.year - 10, d.value.year + 10)
    assert (d.min.month, d.max.month) == (d.value.month, d.value.month)
    assert (d.is_range, d.format, list(d.proto.value)) == (False, "YYYY/MM/DD", [str(d.value)])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("dt.date(2024, 1, 10)", "datetime.date(2024, 1, 10)"),
        ("dt.datetime(2024, 1, 10, 5, 6)", "datetime.date(2024, 1, 10)"),
        ("'2024-01-10'", "datetime.date(2024, 1, 10)"),
        ("None", "None"),
        ("[]", "()"),
        ("[dt.date(2024, 1, 10)]", "(datetime.date(2024, 1, 10),)"),
        (
            "(dt.date(2024, 1, 10), dt.datetime(2024, 1, 15, 9))",
            "(datetime.date(2024, 1, 10), datetime.date(2024, 1, 15))",
        ),
    ],
)
def test_date_input_returns_a_date_none_or_a_tuple(value: str, expected: str) -> None:
    assert shown(app(f"st.write(repr(st.date_input('d', {value})))")) == [expected]


def test_range_bounds_reach_ten_years_around_its_ends_and_dates_go_out_as_iso() -> None:
    at = app("st.date_input('d', (dt.date(2024, 1, 10), dt.date(2024, 3, 1)))")
    d = at.date_input[0]
    assert (d.min, d.max, d.is_range) == (dt.date(2014, 1, 10), dt.date(2034, 3, 1), True)
    assert list(d.proto.value) == ["2024-01-10", "2024-03-01"]


def test_a_leap_day_ten_years_on_falls_back_to_the_28th() -> None:
    at = app("st.date_input('d', dt.date(2024, 2, 29))")
    assert (at.date_input[0].min, at.date_input[0].max) == (
        dt.date(2014, 2, 28),
        dt.date(2034, 2, 28),
    )


def test_none_value_bounds_follow_today_and_explicit_bounds_are_kept() -> None:
    at = app("st.date_input('d', None, min_value='2024-02-01', max_value=dt.date(2024, 3, 1))")
    d = at.date_input[0]
    assert (d.min, d.max, list(d.proto.value)) == (dt.date(2024, 2, 1), dt.date(2024, 3, 1), [])


@pytest.mark.parametrize("fmt", ["YYYY/MM/DD", "DD.MM.YYYY", "MM-DD-YYYY", "YYYY-MM-DD"])
def test_date_formats_with_any_of_the_three_separators_are_accepted(fmt: str) -> None:
    at = app(f"st.date_input('d', dt.date(2024, 1, 10), format={fmt!r})")
    assert at.date_input[0].format == fmt


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.date_input('d', 'bad')", ["`value`", "'bad' (str)", "ISO date string"]),
        ("st.date_input('d', 5)", ["`value`", "5 (int)", "a date"]),
        ("st.date_input('d', [dt.date(2024, 1, 1)] * 3)", ["`value`", "at most two dates"]),
        ("st.date_input('d', min_value='soon')", ["`min_value`", "'soon'"]),
        (
            "st.date_input('d', dt.date(2024, 1, 10), min_value=dt.date(2024, 2, 1))",
            ["`value` 2024-01-10", "`min_value` 2024-02-01"],
        ),
        (
            "st.date_input('d', dt.date(2024, 1, 10), max_value=dt.date(2023, 2, 1))",
            ["`value` 2024-01-10", "`max_value` 2023-02-01"],
        ),
        (
            "st.date_input('d', None, min_value=dt.date(2024, 2, 1), max_value=dt.date(2024, 1, 1))",
            ["`min_value` (2024-02-01)", "`max_value` (2024-01-01)"],
        ),
        ("st.date_input('d', format='DD-MM-YY')", ["`format`", "'DD-MM-YY'", "'YYYY/MM/DD'"]),
        ("st.date_input('d', format='YYYY/DD/MM')", ["`format`", "'YYYY/DD/MM'"]),
        ("st.date_input('d', format='MM/DD-YYYY')", ["`format`", "'MM/DD-YYYY'"]),
    ],
)
def test_bad_date_input_arguments_are_errors(call: str, words: list[str]) -> None:
    message = error(call)
    assert message.startswith("st.date_input")
    for word in words:
        assert word in message


def test_picking_dates_reaches_the_script() -> None:
    at = app(
        "day = st.date_input('day', dt.date(2024, 3, 15))\n"
        "trip = st.date_input('trip', (dt.date(2024, 1, 1), dt.date(2024, 1, 7)))\n"
        "st.write(repr((day, trip)))"
    )
    at.date_input[0].set_value(dt.date(2024, 12, 25))
    at.date_input[1].set_value((dt.date(2024, 2, 1),))
    at.run()
    assert shown(at) == ["(datetime.date(2024, 12, 25), (datetime.date(2024, 2, 1),))"]
    at.date_input[1].set_value((dt.date(2024, 2, 1), dt.date(2024, 2, 29))).run()
    assert shown(at)[0].endswith("(datetime.date(2024, 2, 1), datetime.date(2024, 2, 29)))")
    at.date_input[0].set_value(None).run()
    assert shown(at)[0].startswith("(None,")


def test_date_input_session_state_callback_and_form() -> None:
    at = AppTest.from_string(
        HEADER + "def picked(tag):\n"
        "    st.session_state.log = (tag, st.session_state.day)\n"
        "if 'day' not in st.session_state:\n"
        "    st.session_state.day = dt.date(2020, 5, 5)\n"
        "day = st.date_input('Day', key='day', on_change=picked, args=('cb',))\n"
        "with st.form('f'):\n"
        "    later = st.date_input('Later', dt.date(2030, 1, 1))\n"
        "    st.form_submit_button()\n"
        "st.write(repr((day, later, st.session_state.get('log'))))"
    ).run()
    assert shown(at) == ["(datetime.date(2020, 5, 5), datetime.date(2030, 1, 1), None)"]
    assert at.date_input(key="day").proto.common.set_value
    at.date_input[0].set_value(dt.date(2021, 6, 6))
    at.date_input[1].set_value(dt.date(2031, 1, 1))
    at.run()
    assert shown(at) == [
        "(datetime.date(2021, 6, 6), datetime.date(2030, 1, 1), ('cb', datetime.date(2021, 6, 6)))"
    ]
    at.date_input[1].set_value(dt.date(2031, 1, 1))
    at.button[0].click().run()
    assert "datetime.date(2031, 1, 1)" in shown(at)[0]


# -------------------------------------------------------------- time_input


def test_time_input_defaults_to_now_to_the_minute_in_quarter_hour_steps() -> None:
    before = dt.datetime.now().time().replace(second=0, microsecond=0)
    at = app("v = st.time_input('t')\nst.write(repr(v))")
    after = dt.datetime.now().time().replace(second=0, microsecond=0)
    t = at.time_input[0]
    assert before <= t.value <= after
    assert t.value.second == t.value.microsecond == 0
    assert t.step == 900
    assert t.proto.value == t.value.strftime("%H:%M")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("dt.time(8, 45, 30)", "datetime.time(8, 45)"),
        ("dt.datetime(2024, 1, 1, 8, 45)", "datetime.time(8, 45)"),
        ("'08:45'", "datetime.time(8, 45)"),
        ("'08:45:10'", "datetime.time(8, 45)"),
        ("None", "None"),
    ],
)
def test_time_input_takes_times_datetimes_strings_or_none(value: str, expected: str) -> None:
    assert shown(app(f"st.write(repr(st.time_input('t', {value})))")) == [expected]


def test_a_step_with_seconds_keeps_seconds_on_the_wire() -> None:
    at = app("v = st.time_input('t', dt.time(8, 45, 30), step=90)\nst.write(repr(v))")
    assert shown(at) == ["datetime.time(8, 45, 30)"]
    assert (at.time_input[0].proto.value, at.time_input[0].step) == ("08:45:30", 90)
    at.time_input[0].increment().run()
    assert shown(at) == ["datetime.time(8, 47)"]


def test_step_may_be_a_timedelta() -> None:
    at = app("st.time_input('t', step=dt.timedelta(hours=1))")
    assert at.time_input[0].step == 3600


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.time_input('t', 'bad')", ["`value`", "'bad' (str)", "'08:45'"]),
        ("st.time_input('t', 5)", ["`value`", "5 (int)", "a time"]),
        ("st.time_input('t', step=0)", ["`step`", "from 1 second to 23 hours", "got 0"]),
        ("st.time_input('t', step=24 * 3600)", ["`step`", "got 86400"]),
        ("st.time_input('t', step=1.5)", ["`step`", "1.5 (float)"]),
        ("st.time_input('t', step=True)", ["`step`", "True (bool)"]),
        ("st.time_input('t', step=dt.timedelta(seconds=90.5))", ["`step`", "timedelta"]),
    ],
)
def test_bad_time_input_arguments_are_errors(call: str, words: list[str]) -> None:
    message = error(call)
    assert message.startswith("st.time_input")
    for word in words:
        assert word in message


def test_increment_and_decrement_move_by_step_and_wrap_at_midnight() -> None:
    at = app("v = st.time_input('t', dt.time(23, 50), step=600)\nst.write(repr(v))")
    at.time_input[0].increment().run()
    assert shown(at) == ["datetime.time(0, 0)"]
    at.time_input[0].decrement().run()
    assert shown(at) == ["datetime.time(23, 50)"]


def test_now_keeps_the_users_time_across_reruns() -> None:
    at = app("v = st.time_input('t')\nst.write(repr(v))")
    widget_id = at.time_input[0].id
    at.time_input[0].set_value(dt.time(4, 5)).run()
    at.run()
    assert shown(at) == ["datetime.time(4, 5)"]
    assert at.time_input[0].id == widget_id


def test_time_input_session_state_callback_and_form() -> None:
    at = AppTest.from_string(
        HEADER + "def changed(*args, **kwargs):\n"
        "    st.session_state.log = (args, kwargs, st.session_state.alarm)\n"
        "if 'alarm' not in st.session_state:\n"
        "    st.session_state.alarm = dt.time(6, 0)\n"
        "a = st.time_input('Alarm', key='alarm', on_change=changed, args=(1,), kwargs={'k': 2})\n"
        "with st.form('f'):\n"
        "    b = st.time_input('Nap', None)\n"
        "    st.form_submit_button()\n"
        "st.write(repr((a, b, st.session_state.get('log'))))"
    ).run()
    assert shown(at) == ["(datetime.time(6, 0), None, None)"]
    assert at.time_input(key="alarm").proto.value == "06:00"
    at.time_input[0].set_value(dt.time(7, 15))
    at.time_input[1].set_value(dt.time(13, 0))
    at.run()
    assert shown(at) == [
        "(datetime.time(7, 15), None, ((1,), {'k': 2}, datetime.time(7, 15)))",
    ]
    at.time_input[1].set_value(dt.time(13, 0))
    at.button[0].click().run()
    assert "datetime.time(13, 0)" in shown(at)[0]


# ------------------------------------------------------------ vs Streamlit


@pytest.mark.streamlit
@pytest.mark.parametrize(
    "call",
    [
        "st.date_input('d', dt.date(2024, 1, 10))",
        "st.date_input('d', dt.datetime(2024, 1, 10, 5, 6))",
        "st.date_input('d', '2024-01-10')",
        "st.date_input('d', None)",
        "st.date_input('d', [])",
        "st.date_input('d', [dt.date(2024, 1, 10)])",
        "st.date_input('d', (dt.date(2024, 1, 10), dt.date(2024, 1, 15)))",
        "st.date_input('d', dt.date(2024, 1, 10), format='DD.MM.YYYY')",
        "st.time_input('t', dt.time(8, 45, 30))",
        "st.time_input('t', dt.datetime(2024, 1, 1, 8, 45))",
        "st.time_input('t', '08:45')",
        "st.time_input('t', None)",
        "st.time_input('t', dt.time(8, 45), step=dt.timedelta(minutes=1))",
    ],
)
def test_returns_the_same_value_as_streamlit(call: str) -> None:
    theirs = streamlit_app(f"st.write(repr({call}))").run()
    assert [m.value for m in theirs.markdown] == shown(app(f"st.write(repr({call}))"))


@pytest.mark.streamlit
def test_picking_matches_streamlit() -> None:
    body = (
        "d = st.date_input('d', dt.date(2024, 3, 15))\n"
        "r = st.date_input('r', (dt.date(2024, 1, 1), dt.date(2024, 1, 7)))\n"
        "t = st.time_input('t', dt.time(7, 30))\n"
        "st.write(repr((d, r, t)))"
    )
    results = []
    for at in (streamlit_app(body), AppTest.from_string(HEADER + body)):
        at.run()
        at.date_input[0].set_value(dt.date(2024, 12, 25))
        at.date_input[1].set_value((dt.date(2024, 2, 1), dt.date(2024, 2, 29)))
        at.time_input[0].increment()
        at.run()
        at.time_input[0].decrement().decrement()
        at.run()
        results.append([m.value for m in at.markdown])
    assert results[0] == results[1]


def test_a_date_input_is_clearable_only_when_made_without_a_date_and_not_required() -> None:
    at = AppTest.from_string(
        """
        import datetime
        import rillet as st
        st.date_input("None", value=None)
        st.date_input("Empty range", ())
        st.date_input("Required", value=None, required=True)
        st.date_input("Default", datetime.date(2024, 1, 2))
        """
    ).run()
    assert [d.proto.clearable for d in at.date_input] == [True, True, False, False]
