from __future__ import annotations

import datetime as dt
import logging

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.testing import AppTest

from .apps import HEADER, app, error, shown


def both(body: str) -> tuple[list[str], list[str]]:
    """What the same script writes under Streamlit's AppTest and rillet's."""
    pytest.importorskip("streamlit")
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    logging.getLogger("streamlit").setLevel(logging.ERROR)
    theirs = StreamlitAppTest.from_string(
        HEADER.replace("rillet", "streamlit") + body, default_timeout=10
    ).run()
    return [m.value for m in theirs.markdown], shown(app(body))


# ------------------------------------------------------------------ slider


def test_slider_without_arguments_is_an_int_slider_from_0_to_100_at_0() -> None:
    at = app("v = st.slider('s')\nst.write(repr(v))")
    assert shown(at) == ["0"]
    s = at.slider[0]
    assert (s.min, s.max, s.step, s.format) == (0, 100, 1, "%d")
    assert s.proto.data_type == pb.Slider.INT
    assert list(s.proto.value_labels) == ["0"]
    assert (s.proto.min_label, s.proto.max_label) == ("0", "100")


def test_float_slider_defaults_to_0_to_1_in_steps_of_a_hundredth() -> None:
    at = app("v = st.slider('s', value=0.5)\nst.write(repr(v))")
    assert shown(at) == ["0.5"]
    s = at.slider[0]
    assert (s.min, s.max, s.step, s.format) == (0.0, 1.0, 0.01, "%0.2f")
    assert isinstance(s.min, float)
    assert list(s.proto.value_labels) == ["0.50"]


def test_default_bounds_grow_to_hold_the_value() -> None:
    at = app("a = st.slider('a', value=-5)\nb = st.slider('b', value=500)\nst.write(repr((a, b)))")
    assert shown(at) == ["(-5, 500)"]
    assert (at.slider[0].min, at.slider[0].max) == (-5, 100)
    assert (at.slider[1].min, at.slider[1].max) == (0, 500)


def test_a_lone_min_value_above_the_default_max_is_swapped_with_it_as_in_streamlit() -> None:
    at = app("v = st.slider('s', min_value=500)\nst.write(repr(v))")
    assert shown(at) == ["500"]
    assert (at.slider[0].min, at.slider[0].max) == (100, 500)


def test_bounds_given_backwards_are_swapped_and_widened_to_take_in_the_value() -> None:
    at = app(
        "a = st.slider('a', 10, 0)\n"
        "b = st.slider('b', 0, 10, 11)\n"
        "c = st.slider('c', 0, 10, (-1, 5))\n"
        "st.write(repr((a, b, c)))"
    )
    assert shown(at) == ["(10, 11, (-1, 5))"]
    bounds = [(s.min, s.max) for s in at.slider]
    assert bounds == [(0, 10), (0, 11), (-1, 10)]


def test_a_format_that_is_not_for_one_number_is_shown_as_written() -> None:
    at = app("st.slider('a', 0, 10, 4, format='level')\nst.slider('b', 0, 10, 4, format='%d-%d')")
    assert [list(s.proto.value_labels) for s in at.slider] == [["level"], ["4-%d"]]


def test_a_tuple_or_list_value_makes_a_range_slider_that_returns_a_sorted_tuple() -> None:
    at = app(
        "a = st.slider('a', 0, 10, (2, 5))\n"
        "b = st.slider('b', 0, 10, [7, 3])\n"
        "c = st.slider('c', 0, 10, ())\n"
        "st.write(repr((a, b, c)))"
    )
    assert shown(at) == ["((2, 5), (3, 7), (0, 10))"]
    assert list(at.slider[1].proto.value) == [3, 7]


def test_date_slider_spans_two_weeks_either_side_and_sends_days_since_epoch() -> None:
    at = app("v = st.slider('s', value=dt.date(2024, 1, 10))\nst.write(repr(v))")
    assert shown(at) == ["datetime.date(2024, 1, 10)"]
    s = at.slider[0]
    assert (s.min, s.max) == (dt.date(2023, 12, 27), dt.date(2024, 1, 24))
    assert s.step == dt.timedelta(days=1)
    assert s.proto.data_type == pb.Slider.DATE
    assert list(s.proto.value) == [(dt.date(2024, 1, 10) - dt.date(1970, 1, 1)).days]
    assert list(s.proto.value_labels) == ["2024-01-10"]
    assert s.proto.min_label == "2023-12-27"


def test_time_slider_spans_the_day_in_quarter_hours_and_sends_seconds() -> None:
    at = app("v = st.slider('s', value=dt.time(12, 30))\nst.write(repr(v))")
    assert shown(at) == ["datetime.time(12, 30)"]
    s = at.slider[0]
    assert s.step == dt.timedelta(minutes=15)
    assert s.min == dt.time(0, 0)
    assert list(s.proto.value) == [12 * 3600 + 30 * 60]
    assert (list(s.proto.value_labels), s.proto.min_label) == (["12:30"], "00:00")


def test_datetime_slider_sends_naive_epoch_microseconds() -> None:
    at = app("v = st.slider('s', value=dt.datetime(2024, 1, 10, 12, 30))\nst.write(repr(v))")
    assert shown(at) == ["datetime.datetime(2024, 1, 10, 12, 30)"]
    s = at.slider[0]
    micros = (dt.datetime(2024, 1, 10, 12, 30) - dt.datetime(1970, 1, 1)) // dt.timedelta(
        microseconds=1
    )
    assert list(s.proto.value) == [micros]
    assert s.step == dt.timedelta(days=1)
    assert list(s.proto.value_labels) == ["2024-01-10 12:30"]


def test_timezone_aware_datetimes_come_back_in_their_zone() -> None:
    at = app(
        "tz = dt.timezone(dt.timedelta(hours=2))\n"
        "v = st.slider('s', value=dt.datetime(2024, 1, 10, 12, 30, tzinfo=tz))\n"
        "st.write(repr((v.utcoffset(), v.hour)))"
    )
    at.slider[0].set_value(dt.datetime(2024, 1, 11, 8, 0)).run()
    assert shown(at) == ["(datetime.timedelta(seconds=7200), 8)"]


def test_format_is_carried_and_used_for_the_labels() -> None:
    at = app(
        "st.slider('n', 0, 10, 5, format='%.1f units')\n"
        "st.slider('d', value=dt.date(2024, 3, 5), format='MMM Do, YYYY')"
    )
    n, d = at.slider
    assert (n.format, list(n.proto.value_labels)) == ("%.1f units", ["5.0 units"])
    assert list(d.proto.value_labels) == ["Mar 5th, 2024"]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.slider('s', 0, 10.0)", ["min_value=0 (int)", "max_value=10.0 (float)", "matching"]),
        ("st.slider('s', 0, 10, 5, step=0.5)", ["step=0.5 (float)"]),
        ("st.slider('s', 0.0, 1.0, 0.5, step=1)", ["step=1 (int)"]),
        ("st.slider('s', value=dt.time(1), step=60)", ["step=60 (int)", "timedelta"]),
        (
            "st.slider('s', value=dt.date(2024, 1, 1), max_value=dt.datetime(2024, 2, 1))",
            ["value=datetime.date(2024, 1, 1) (date)", "(datetime)"],
        ),
        ("st.slider('s', value=(1, 2.5))", ["value=1 (int)", "value=2.5 (float)"]),
    ],
)
def test_mixed_kinds_of_arguments_are_an_error_naming_each(call: str, words: list[str]) -> None:
    message = error(call)
    for word in words:
        assert word in message


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.slider('s', 5, 5)", ["both 5", "two different bounds"]),
        ("st.slider('s', min_value=100)", ["both 100"]),
        ("st.slider('s', 0, 10, 5, step=0)", ["`step`", "greater than zero", "got 0"]),
        ("st.slider('s', 0, 10, 5, step=-1)", ["`step`", "got -1"]),
        ("st.slider('s', 0, 10, (1, 2, 3))", ["`value`", "(1, 2, 3)", "up to two"]),
        ("st.slider('s', 'a', 'b')", ["`min_value`", "'a' (str)", "an int, float, date"]),
        ("st.slider('s', value=True)", ["`value`", "True (bool)"]),
        ("st.slider('s', 0, 10, format=5)", ["`format`", "5 (int)"]),
    ],
)
def test_bad_slider_arguments_are_errors_that_say_what_is_accepted(
    call: str, words: list[str]
) -> None:
    message = error(call)
    assert message.startswith("st.slider")
    for word in words:
        assert word in message


def test_moving_the_slider_reaches_the_script() -> None:
    at = app(
        "a = st.slider('a', 0, 100, 30)\n"
        "b = st.slider('b', 0.0, 1.0, (0.2, 0.4))\n"
        "c = st.slider('c', value=dt.date(2024, 1, 10))\n"
        "d = st.slider('d', value=dt.time(9))\n"
        "st.write(repr((a, b, c, d)))"
    )
    at.slider[0].set_value(99)
    at.slider[1].set_range(0.5, 0.75)
    at.slider[2].set_value(dt.date(2024, 1, 20))
    at.slider[3].set_value(dt.time(17, 45))
    at.run()
    assert shown(at) == [
        "(99, (0.5, 0.75), datetime.date(2024, 1, 20), datetime.time(17, 45))",
    ]
    assert at.slider[0].value == 99
    assert list(at.slider[2].proto.value_labels) == ["2024-01-20"]


def test_session_state_set_before_the_slider_sets_its_value() -> None:
    at = AppTest.from_string(
        HEADER + "if 's' not in st.session_state:\n"
        "    st.session_state.s = 7\n"
        "v = st.slider('s', 0, 10, key='s')\nst.write(repr(v))"
    ).run()
    assert shown(at) == ["7"]
    assert at.slider(key="s").proto.common.set_value
    at.slider(key="s").set_value(3).run()
    assert shown(at) == ["3"]
    assert at.session_state.s == 3


def test_a_session_state_value_of_the_wrong_kind_is_reported() -> None:
    at = AppTest.from_string(HEADER + "st.session_state.s = 'x'\nst.slider('s', 0, 10, key='s')")
    at.run()
    assert "'x' (str)" in at.exception[0].value


def test_on_change_runs_with_its_args_before_the_script() -> None:
    at = app(
        "def moved(name, *, by):\n"
        "    st.session_state.log = f'{name} {by} {st.session_state.s}'\n"
        "st.slider('s', 0, 10, key='s', on_change=moved, args=('slider',), kwargs={'by': 'me'})\n"
        "st.write(st.session_state.get('log', 'none'))"
    )
    assert shown(at) == ["none"]
    at.slider[0].set_value(4).run()
    assert shown(at) == ["slider me 4"]


def test_inside_a_form_the_value_waits_for_submit() -> None:
    at = app(
        "with st.form('f'):\n"
        "    v = st.slider('s', 0, 10, 3)\n"
        "    r = st.select_slider('r', ['a', 'b', 'c'])\n"
        "    st.form_submit_button('Go')\n"
        "st.write(repr((v, r)))"
    )
    at.slider[0].set_value(8)
    at.select_slider[0].set_value("c")
    at.run()
    assert shown(at) == ["(3, 'a')"]
    at.slider[0].set_value(8)
    at.select_slider[0].set_value("c")
    at.button[0].click().run()
    assert shown(at) == ["(8, 'c')"]


def test_changing_a_parameter_makes_a_new_slider_with_its_default() -> None:
    at = app(
        "wide = st.checkbox('wide')\n"
        "v = st.slider('s', 0, 1000 if wide else 10, 5)\n"
        "st.write(repr(v))"
    )
    at.slider[0].set_value(9).run()
    assert shown(at) == ["9"]
    at.checkbox[0].check().run()
    assert shown(at) == ["5"]


def test_label_visibility_disabled_and_help_reach_the_element() -> None:
    at = app("st.slider('s', help='h', disabled=True, label_visibility='collapsed')")
    common = at.slider[0].proto.common
    assert (common.help, common.disabled, common.label_visibility) == ("h", True, pb.COLLAPSED)


def test_slider_works_as_a_container_method() -> None:
    at = app("v = st.sidebar.slider('s', 0, 5, 2)\nst.write(repr(v))")
    assert shown(at) == ["2"]
    assert len(at.sidebar.slider) == 1


@pytest.mark.streamlit
@pytest.mark.parametrize(
    "call",
    [
        "st.slider('s')",
        "st.slider('s', value=-5)",
        "st.slider('s', value=0.5)",
        "st.slider('s', 0, 10, (2, 5))",
        "st.slider('s', 0, 10, [7, 3])",
        "st.slider('s', 0, 10, ())",
        "st.slider('s', min_value=5)",
        "st.slider('s', value=dt.date(2024, 1, 10))",
        "st.slider('s', value=dt.time(12, 30))",
        "st.slider('s', value=dt.datetime(2024, 1, 10, 12, 30))",
        "st.slider('s', value=(dt.date(2024, 1, 10), dt.date(2024, 1, 20)))",
        "st.select_slider('s', ['a', 'b', 'c'])",
        "st.select_slider('s', ['a', 'b', 'c'], value=['c', 'a'])",
        "st.select_slider('s', range(5), value=2, format_func=lambda x: f'#{x}')",
        "st.select_slider('s', {'x': 1, 'y': 2})",
    ],
)
def test_returns_the_same_value_and_type_as_streamlit(call: str) -> None:
    theirs, ours = both(f"st.write(repr({call}))")
    assert ours == theirs


@pytest.mark.streamlit
def test_interaction_matches_streamlit() -> None:
    pytest.importorskip("streamlit")
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    body = (
        "a = st.slider('a', 0, 100, 30)\n"
        "b = st.slider('b', value=(dt.date(2024, 1, 10), dt.date(2024, 1, 20)))\n"
        "c = st.select_slider('c', ['S', 'M', 'L'], value=('S', 'M'))\n"
        "st.write(repr((a, b, c)))"
    )
    results = []
    for at in (
        StreamlitAppTest.from_string(HEADER.replace("rillet", "streamlit") + body),
        app(body),
    ):
        at.run()
        at.slider[0].set_value(64)
        at.slider[1].set_range(dt.date(2024, 1, 12), dt.date(2024, 1, 14))
        at.select_slider[0].set_range("M", "L")
        at.run()
        results.append([m.value for m in at.markdown])
    assert results[0] == results[1]


# ----------------------------------------------------------- select_slider


def test_select_slider_starts_at_the_first_option_and_returns_option_objects() -> None:
    at = app("v = st.select_slider('s', [10, 20, 30])\nst.write(repr(v))")
    assert shown(at) == ["10"]
    s = at.select_slider[0]
    assert s.options == ["10", "20", "30"]
    assert s.proto.data_type == pb.Slider.OPTIONS
    assert (s.proto.min, s.proto.max, list(s.proto.value)) == (0, 2, [0])
    at.select_slider[0].set_value(30).run()
    assert shown(at) == ["30"]


def test_select_slider_range_is_ordered_like_the_options() -> None:
    at = app("v = st.select_slider('s', ['a', 'b', 'c', 'd'], value=('c', 'a'))\nst.write(repr(v))")
    assert shown(at) == ["('a', 'c')"]
    assert list(at.select_slider[0].proto.value_labels) == ["a", "c"]
    at.select_slider[0].set_range("b", "d").run()
    assert shown(at) == ["('b', 'd')"]


def test_select_slider_labels_come_from_format_func() -> None:
    at = app("st.select_slider('s', [1, 2], value=2, format_func=lambda n: f'{n} kg')")
    s = at.select_slider[0]
    assert s.options == ["1 kg", "2 kg"]
    assert (list(s.proto.value_labels), s.proto.min_label, s.proto.max_label) == (
        ["2 kg"],
        "1 kg",
        "2 kg",
    )


def test_a_tuple_that_is_itself_an_option_is_a_single_value() -> None:
    at = app("v = st.select_slider('s', [(1, 2), (3, 4)], value=(3, 4))\nst.write(repr(v))")
    assert shown(at) == ["(3, 4)"]
    assert list(at.select_slider[0].proto.value) == [1]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.select_slider('s', ['a', 'b'], value='z')", ["`value`", "'z'", "['a', 'b']"]),
        ("st.select_slider('s', ['a', 'b'], value=('a', 'z'))", ["'z'", "not one of the options"]),
        ("st.select_slider('s', ['a', 'b'], value=['a'])", ["`value`", "tuple of two"]),
        ("st.select_slider('s', [1, 2, 3], value=(1, 2, 3))", ["`value`", "(1, 2, 3)"]),
        ("st.select_slider('s', [])", ["`options`", "at least one option"]),
    ],
)
def test_bad_select_slider_arguments_are_errors(call: str, words: list[str]) -> None:
    message = error(call)
    assert message.startswith("st.select_slider")
    for word in words:
        assert word in message


def test_select_slider_session_state_and_callback() -> None:
    at = AppTest.from_string(
        HEADER + "def changed(tag):\n"
        "    st.session_state.seen = (tag, st.session_state.size)\n"
        "if 'size' not in st.session_state:\n"
        "    st.session_state.size = 'L'\n"
        "v = st.select_slider('Size', ['S', 'M', 'L'], key='size', on_change=changed, args=('t',))\n"
        "st.write(repr((v, st.session_state.get('seen'))))"
    ).run()
    assert shown(at) == ["('L', None)"]
    at.select_slider(key="size").set_value("S").run()
    assert shown(at) == ["('S', ('t', 'S'))"]


def test_a_string_is_one_option_and_none_is_no_option_as_in_streamlit() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.write(repr(st.select_slider('s', 'abc')), st.selectbox('n', None))"
    ).run()
    assert at.select_slider[0].options == ["abc"]
    assert at.markdown[0].value == "'abc' `None`"
