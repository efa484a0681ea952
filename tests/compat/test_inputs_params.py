"""The input widgets take their parameters as Streamlit does.

Sliders, select_slider, number_input, date_input, time_input, text_input,
text_area and color_picker, each in a small app run on both sides. Besides
the page outline, :func:`assert_same_inputs` compares what AppTest reports
of each widget's parameters (bounds, step, help, placeholder, ...), read
the same way from both sides. Where rillet words an error itself, only the
error's place is compared (``OWN_WORDS``).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

import pytest
from harness import OWN_ERROR_WORDS, Known, Step, assert_fails_alike, assert_same, assert_same_facts

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

OWN_WORDS = [OWN_ERROR_WORDS]

# ------------------------------------------------- widget parameters, normalised

_COMMON = ("key", "help", "disabled")
_FIELDS: dict[str, tuple[str, ...]] = {
    "slider": ("min", "max", "step", "format"),
    "select_slider": ("options",),
    "number_input": ("min", "max", "step", "format", "placeholder"),
    "date_input": ("min", "max", "is_range", "format"),
    "time_input": ("step",),
    "text_input": ("max_chars", "placeholder", "autocomplete"),
    "text_area": ("max_chars", "placeholder"),
    "color_picker": (),
}
_EPOCH = datetime.datetime(1970, 1, 1)


def _slider_kind(widget: Any) -> str:
    """The kind of a slider's values, from the value AppTest decodes on either side."""
    value = widget.value
    first = value[0] if isinstance(value, tuple) else value
    for kind in (datetime.datetime, datetime.date, datetime.time, float, int):
        if isinstance(first, kind):
            return kind.__name__
    return type(first).__name__


def _slider_param(widget: Any, name: str, given: Any) -> Any:
    """Streamlit reports a slider's bounds and step as they go on the wire; rillet decoded."""
    if name not in ("min", "max", "step"):
        return given
    kind = _slider_kind(widget)
    if isinstance(given, datetime.timedelta | datetime.date | datetime.time):
        return given  # rillet: already a value of the slider's kind
    if kind in ("int", "float"):
        return float(given)
    micros = datetime.timedelta(microseconds=float(given))  # Streamlit: epoch microseconds
    if name == "step":
        return micros
    moment = _EPOCH + micros
    return {"date": moment.date(), "time": moment.time(), "datetime": moment}[kind]


def _params(at: Any) -> list[str]:
    lines = []
    for kind, names in _FIELDS.items():
        for i, widget in enumerate(getattr(at, kind)):
            shown = []
            for name in (*_COMMON, *names):
                given = getattr(widget, name)
                if kind == "slider":
                    given = _slider_param(widget, name, given)
                elif name in ("min", "max", "step") and isinstance(given, int | float):
                    given = float(given)
                elif name == "max_chars":
                    given = given or None  # Streamlit reports no limit as 0, rillet as None
                shown.append(f"{name}={given!r}")
            lines.append(f"{kind}[{i}] " + " ".join(shown))
    return lines


def assert_same_inputs(
    source: str, steps: Sequence[Step | list[Step]] = (), *, known: Sequence[Known] = ()
) -> None:
    """Like ``harness.assert_same``, also comparing each input widget's parameters."""
    assert_same(source, steps, known=known)
    assert_same_facts(source, _params, steps)


# ---------------------------------------------------------------- slider


def test_slider_defaults_follow_the_kind_of_the_numbers_given() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        st.write(st.slider("plain"))
        st.write(st.slider("float value", value=0.3))
        st.write(st.slider("big value", value=150))
        st.write(st.slider("min only", min_value=200))
        st.write(st.slider("max only", max_value=-5))
        st.write(st.slider("float min only", min_value=2.5))
        st.write(st.slider("negative range", -10, -2))
        """,
        [("slider", 0, "set_value", 42), ("slider", 3, "set_value", 250)],
    )


def test_slider_ranges_steps_and_formats() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        low, high = st.slider("ints", 0, 100, (20, 60), step=5)
        st.write(low, high)
        span = st.slider("floats", 0.0, 10.0, [2.5, 7.5], 0.5, format="%.1f km")
        st.write(span)
        st.write(st.slider("percent", 0, 100, 50, format="%d%%"))
        st.write(st.slider("default range", 0, 10, value=(0, 10)))
        """,
        [
            ("slider", 0, "set_range", 30, 40),
            ("slider", 1, "set_range", 1.0, 9.5),
            ("slider", 2, "set_value", 75),
        ],
    )


def test_slider_over_dates_times_and_datetimes() -> None:
    assert_same_inputs(
        """
        import datetime as dt
        import streamlit as st
        day = st.slider("day", dt.date(2024, 1, 1), dt.date(2024, 12, 31), dt.date(2024, 6, 1),
                        format="MMM D, YYYY")
        week = st.slider("week", value=(dt.date(2024, 3, 1), dt.date(2024, 3, 8)),
                         step=dt.timedelta(days=7))
        hours = st.slider("hours", value=(dt.time(9, 0), dt.time(17, 30)))
        alarm = st.slider("alarm", dt.time(6), dt.time(10), dt.time(7, 15),
                          step=dt.timedelta(minutes=5))
        when = st.slider("when", value=dt.datetime(2024, 5, 1, 12, 0),
                         step=dt.timedelta(hours=1), format="MM/DD HH:mm")
        st.write(str(day), str(week[0]), str(week[1]), str(hours[0]), str(hours[1]),
                 str(alarm), str(when))
        """,
        [
            ("slider", 0, "set_value", datetime.date(2024, 2, 29)),
            ("slider", 2, "set_range", datetime.time(8, 0), datetime.time(12, 0)),
            ("slider", 4, "set_value", datetime.datetime(2024, 5, 3, 18, 0)),
        ],
    )


def test_slider_key_help_disabled_and_callback_with_arguments() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        if "vol" not in st.session_state:
            st.session_state.vol = 7
        def changed(name, *, scale=1):
            st.session_state.log.append(f"{name}={st.session_state.vol * scale}")
        st.slider("Volume", 0, 10, key="vol", help="How loud", on_change=changed,
                  args=("vol",), kwargs={"scale": 10})
        st.slider("Locked", 0, 10, 3, disabled=True, label_visibility="collapsed")
        st.slider("Hidden label", 0.0, 1.0, label_visibility="hidden", key="hidden")
        st.write("log:", " ".join(st.session_state.log))
        """,
        [
            ("slider", "vol", "set_value", 2),
            ("session_state", "vol", 9),
            ("slider", "hidden", "set_value", 0.75),
        ],
    )


def test_slider_bounds_are_swapped_and_widened_to_take_in_the_value() -> None:
    assert_same_inputs(
        """
        import datetime as dt
        import streamlit as st
        st.write(st.slider("backwards", 10, 5))
        st.write(st.slider("backwards with value", 10, 5, 3))
        st.write(st.slider("value above", 0, 10, 11))
        st.write(st.slider("range beyond", 0, 10, (-2, 12)))
        st.write(st.slider("empty range", 10, 0, ()))
        st.write(st.slider("one-item range", 0, 10, (12,)))
        st.write(st.slider("unsorted range", 0, 10, [7, 3]))
        st.write(str(st.slider("date before min", dt.date(2024, 1, 10), value=dt.date(2024, 1, 1))))
        st.write(st.slider("dates reversed", value=(dt.date(2024, 1, 10), dt.date(2023, 1, 1))))
        st.write(str(st.slider("time before min", dt.time(10), value=dt.time(9))))
        st.write(st.slider("percent", 0, 100, 50, format="%.1f%%"))
        st.write(st.slider("text format", 0, 10, 4, format="level"))
        """,
        [("slider", 1, "set_value", 9), ("slider", 3, "set_range", -1, 11)],
    )


def test_slider_values_outside_its_bounds_read_as_the_default() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        st.session_state.setdefault("seen", [])
        def moved():
            st.session_state.seen.append(st.session_state.level)
        st.write(st.slider("Level", 1, 10, 5, key="level", on_change=moved))
        st.write(st.slider("Span", 1, 10, (2, 5)))
        st.write(st.select_slider("Size", ["S", "M", "L"], "M", key="size"))
        st.write(st.session_state.seen)
        """,
        [
            ("slider", "level", "set_value", 7),
            ("slider", "level", "set_value", 50),
            ("slider", 1, "set_range", 0, 5),
            ("session_state", "level", 0),
            ("run",),
            ("session_state", "size", "XXL"),
        ],
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.slider("s", 5, 5)',
        'st.slider("s", min_value=100)',
        'st.slider("s", max_value=0.0)',
        'st.slider("s", 0, 10.0)',
        'st.slider("s", 0, 10, 5, step=0.5)',
        'st.slider("s", 0, 10, 5, step=0)',
        'st.slider("s", 0, 10, format=5)',
        'st.slider("s", value="5")',
        'st.slider("s", value=(1, 2, 3))',
        'st.slider("s", datetime.date(2024, 1, 1), datetime.date(2024, 2, 1), step=1)',
    ],
)
def test_slider_rejects_bad_arguments(call: str) -> None:
    assert_fails_alike(call)


# --------------------------------------------------------- select_slider


def test_select_slider_options_values_and_format_func() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        sizes = ["XS", "S", "M", "L", "XL"]
        st.write(st.select_slider("first by default", sizes))
        st.write(st.select_slider("one", sizes, value="L", format_func=str.lower))
        st.write(st.select_slider("range", sizes, value=("XL", "S")))
        st.write(st.select_slider("numbers", range(0, 50, 10), value=20,
                                  format_func=lambda n: f"{n} kg"))
        st.write(st.select_slider("mapping", {1: "one", 2: "two"}, key="m", help="dict keys"))
        """,
        [
            ("select_slider", 0, "set_value", "M"),
            ("select_slider", 2, "set_range", "XS", "M"),
            ("select_slider", 3, "set_value", 40),
            ("select_slider", "m", "set_value", 2),
        ],
    )


def test_select_slider_callback_and_session_state() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        st.session_state.setdefault("seen", [])
        def moved(tag):
            st.session_state.seen.append(f"{tag}:{st.session_state.level}")
        st.select_slider("Level", ["low", "mid", "high"], key="level", on_change=moved,
                         args=("lv",), disabled=False, label_visibility="collapsed")
        st.write(st.session_state.level, st.session_state.seen)
        """,
        [
            ("select_slider", 0, "set_value", "high"),
            ("session_state", "level", "mid"),
            ("run",),
        ],
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.select_slider("s", ["a", "b"], value="c")',
        'st.select_slider("s", ["a", "b"], value=("a", "c"))',
        'st.select_slider("s", [])',
    ],
)
def test_select_slider_rejects_bad_arguments(call: str) -> None:
    assert_fails_alike(call)


# ---------------------------------------------------------- number_input


def test_number_input_infers_int_or_float_from_its_arguments() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        for label, kwargs in [
            ("nothing", {}),
            ("int value", {"value": 5}),
            ("float value", {"value": 5.0}),
            ("int bounds", {"min_value": 1, "max_value": 9}),
            ("float min", {"min_value": 1.5}),
            ("int step", {"step": 5}),
            ("float step", {"step": 0.25}),
        ]:
            n = st.number_input(label, **kwargs)
            st.write(label, type(n).__name__, n)
        """,
        [
            ("number_input", 1, "increment"),
            ("number_input", 5, "increment"),
            ("number_input", 6, "decrement"),
            ("number_input", 2, "set_value", 2.75),
        ],
    )


def test_number_input_steps_stop_at_the_bounds() -> None:
    # A lower bound of zero is avoided: Streamlit's AppTest does not stop a
    # decrement at a bound of 0 and sets a value below it.
    assert_same_inputs(
        """
        import streamlit as st
        qty = st.number_input("Quantity", min_value=1, max_value=10, value=9, step=3)
        weight = st.number_input("Weight", 0.05, 1.0, 0.1, step=0.25, format="%.3f")
        st.write(qty, weight)
        """,
        [
            ("number_input", 0, "increment"),
            ("number_input", 0, "increment"),
            ("number_input", 1, "decrement"),
            ("number_input", 0, "decrement"),
            ("number_input", 1, "increment"),
        ],
    )


def test_number_input_starts_empty_with_a_placeholder() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        n = st.number_input("Age", min_value=0, max_value=130, value=None,
                            placeholder="Type an age", key="age", help="In years")
        st.write("empty" if n is None else n * 2)
        st.number_input("Off", value=3, disabled=True, label_visibility="collapsed")
        """,
        [
            ("number_input", "age", "increment"),
            ("number_input", "age", "set_value", 40),
            ("number_input", "age", "increment"),
            ("number_input", "age", "set_value", None),
        ],
    )


def test_number_input_callback_and_state_preset() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        st.session_state.setdefault("total", 0)
        if "n" not in st.session_state:
            st.session_state.n = 4
        def add(factor, *, offset=0):
            st.session_state.total += st.session_state.n * factor + offset
        st.number_input("N", 0, 100, key="n", on_change=add, args=(2,), kwargs={"offset": 1})
        st.write("total", st.session_state.total)
        """,
        [
            ("number_input", "n", "increment"),
            ("number_input", "n", "set_value", 10),
            ("session_state", "n", 50),
            ("run",),
        ],
    )


def test_number_input_formats_need_not_match_the_kind_of_number() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        st.write(st.number_input("int shown with decimals", value=1, format="%.2f"))
        st.write(st.number_input("float shown whole", value=1.5, format="%d"))
        st.write(st.number_input("hex", value=255, format="%x"))
        st.write(st.number_input("scientific", value=1500.0, format="%e"))
        """,
        [("number_input", 0, "increment"), ("number_input", 1, "increment")],
    )


def test_number_input_values_outside_its_bounds_read_as_the_default() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        st.session_state.setdefault("seen", [])
        if "preset" not in st.session_state:
            st.session_state.preset = 500
        def changed():
            st.session_state.seen.append(st.session_state.n)
        st.write(st.number_input("N", 1, 10, 5, key="n", on_change=changed))
        st.write(st.number_input("F", 1.0, 10.0, 5.0))
        st.write(st.number_input("Preset", 0, 10, key="preset"))
        st.write(st.session_state.seen)
        """,
        [
            ("number_input", "n", "set_value", 7),
            ("number_input", "n", "set_value", 50),
            ("number_input", 1, "set_value", 10.5),
            ("session_state", "n", 0),
            ("run",),
        ],
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.number_input("n", min_value=10, max_value=1)',
        'st.number_input("n", min_value=0, max_value=10, value=11)',
        'st.number_input("n", min_value=5, value=1)',
        'st.number_input("n", min_value=0, max_value=10.0)',
        'st.number_input("n", value=1, step=0.5)',
        'st.number_input("n", value="3")',
        'st.number_input("n", max_value=-5)',
        'st.number_input("n", value=2**60)',
        'st.number_input("n", value=1, format="%d %d")',
        'st.number_input("n", value=1, format="abc")',
        'st.number_input("n", value=1.0, format=3)',
    ],
)
def test_number_input_rejects_bad_arguments(call: str) -> None:
    assert_fails_alike(call)


# ------------------------------------------------------------ date_input


def test_date_input_single_dates_bounds_and_formats() -> None:
    assert_same_inputs(
        """
        import datetime as dt
        import streamlit as st
        d = st.date_input("Due", dt.date(2024, 3, 15), min_value=dt.date(2024, 1, 1),
                          max_value=dt.date(2024, 12, 31), format="DD.MM.YYYY", help="When")
        st.write(d.strftime("%A %d %B"))
        st.write(str(st.date_input("From datetime", dt.datetime(2020, 2, 29, 13, 45))))
        st.write(str(st.date_input("From string", "2023-07-04", format="MM/DD/YYYY")))
        st.write(str(st.date_input("Leap bounds", dt.date(2024, 2, 29))))
        """,
        [
            ("date_input", 0, "set_value", datetime.date(2024, 12, 25)),
            ("date_input", 3, "set_value", datetime.date(2030, 1, 1)),
        ],
    )


def test_date_input_ranges_of_zero_one_and_two_dates() -> None:
    assert_same_inputs(
        """
        import datetime as dt
        import streamlit as st
        trip = st.date_input("Trip", (dt.date(2024, 5, 1), dt.date(2024, 5, 9)), key="trip")
        st.write(len(trip), [str(d) for d in trip])
        start_only = st.date_input("Start only", [dt.date(2024, 1, 2)])
        st.write(len(start_only))
        blank = st.date_input("Blank range", (), min_value=dt.date(2024, 1, 1),
                              max_value=dt.date(2024, 1, 31))
        st.write(len(blank))
        """,
        [
            ("date_input", "trip", "set_value", (datetime.date(2024, 5, 3),)),
            ("date_input", 1, "set_value", (datetime.date(2024, 1, 2), datetime.date(2024, 1, 5))),
            (
                "date_input",
                2,
                "set_value",
                (datetime.date(2024, 1, 10), datetime.date(2024, 1, 20)),
            ),
        ],
    )


def test_date_input_none_today_and_state() -> None:
    assert_same_inputs(
        """
        import datetime as dt
        import streamlit as st
        maybe = st.date_input("Maybe", value=None, key="maybe")
        st.write("no date" if maybe is None else str(maybe))
        today = st.date_input("Today", "today", disabled=True, label_visibility="hidden")
        st.write(today == dt.date.today())
        if "preset" not in st.session_state:
            st.session_state.preset = dt.date(2001, 9, 9)
        st.write(str(st.date_input("Preset", key="preset")))
        """,
        [
            ("date_input", "maybe", "set_value", datetime.date(2024, 8, 8)),
            ("date_input", "maybe", "set_value", None),
            ("session_state", "preset", datetime.date(2002, 2, 2)),
        ],
    )


def test_date_input_values_outside_the_bounds_given_read_as_the_default() -> None:
    assert_same_inputs(
        """
        import datetime as dt
        import streamlit as st
        d = st.date_input("Day", dt.date(2024, 1, 5), dt.date(2024, 1, 1), dt.date(2024, 1, 10),
                          key="d")
        span = st.date_input("Span", (dt.date(2024, 1, 5), dt.date(2024, 1, 6)),
                             dt.date(2024, 1, 1), dt.date(2024, 1, 10))
        st.write(str(d), [str(x) for x in span])
        """,
        [
            ("date_input", "d", "set_value", datetime.date(2024, 1, 8)),
            ("date_input", "d", "set_value", datetime.date(2025, 1, 1)),
            ("date_input", 1, "set_value", (datetime.date(2024, 1, 2), datetime.date(2024, 2, 1))),
            ("session_state", "d", datetime.date(2023, 12, 31)),
            ("run",),
        ],
    )


def test_a_keyed_date_input_left_at_today_spans_the_years_around_its_date() -> None:
    assert_same_inputs(
        """
        import datetime as dt
        import streamlit as st
        st.date_input("Follows", key="follows")
        st.date_input("Fixed")
        st.date_input("Given", dt.date(2020, 1, 1), key="given")
        """,
        [
            ("date_input", "follows", "set_value", datetime.date(2030, 1, 1)),
            ("date_input", 1, "set_value", datetime.date(2030, 1, 1)),
            ("date_input", "given", "set_value", datetime.date(2025, 1, 1)),
        ],
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.date_input("d", min_value=datetime.date(2024, 2, 1), '
        "max_value=datetime.date(2024, 1, 1))",
        'st.date_input("d", datetime.date(2025, 1, 1), max_value=datetime.date(2024, 1, 1))',
        'st.date_input("d", datetime.date(2020, 1, 1), min_value=datetime.date(2024, 1, 1))',
        'st.date_input("d", format="YYYY MM DD")',
        'st.date_input("d", value=3)',
        'st.date_input("d", value="not a date")',
        'st.date_input("d", value=[datetime.date(2024, 1, 1)] * 3)',
        'st.date_input("d", value=[None, datetime.date(2024, 1, 1)])',
        'st.date_input("d", max_value=datetime.date(2000, 1, 1))',
    ],
)
def test_date_input_rejects_bad_arguments(call: str) -> None:
    assert_fails_alike(call)


# ------------------------------------------------------------ time_input


def test_time_input_values_and_steps() -> None:
    assert_same_inputs(
        """
        import datetime as dt
        import streamlit as st
        alarm = st.time_input("Alarm", dt.time(7, 30), step=300, key="alarm", help="Wake")
        st.write(alarm.strftime("%H:%M"))
        meeting = st.time_input("Meeting", dt.datetime(2024, 1, 1, 14, 5),
                                step=dt.timedelta(hours=1))
        st.write(str(meeting))
        st.write(str(st.time_input("From text", "18:45")))
        st.write(str(st.time_input("Default step", dt.time(23, 50))))
        st.write(str(st.time_input("Seconds", dt.time(8, 30, 45), step=30)))
        st.write(str(st.time_input("Each second", "08:30:45", step=dt.timedelta(seconds=1))))
        st.write(str(st.time_input("Seconds dropped", "08:30:45")))
        """,
        [
            ("time_input", "alarm", "increment"),
            ("time_input", 1, "decrement"),
            ("time_input", 3, "increment"),
            ("time_input", 2, "set_value", datetime.time(9, 15)),
            ("time_input", 4, "increment"),
            ("time_input", 5, "decrement"),
        ],
    )


def test_time_input_none_and_now() -> None:
    # "now" is read from the clock on each side a moment apart, so its value
    # is compared through what the app derives from it, never the minute.
    assert_same_inputs(
        """
        import datetime as dt
        import streamlit as st
        t = st.time_input("Optional", value=None, key="opt", disabled=False)
        st.write("unset" if t is None else str(t))
        now = st.time_input("Now", "now", label_visibility="collapsed", key="now")
        st.write(type(now).__name__, now.second, now.microsecond)
        """,
        [
            ("time_input", "opt", "set_value", datetime.time(12, 0)),
            ("time_input", "opt", "set_value", None),
            ("time_input", "now", "set_value", datetime.time(3, 4)),
        ],
        known=[Known("time_input", ("value",), "'now' is read from each side's own clock")],
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.time_input("t", step=0)',
        'st.time_input("t", step=-60)',
        'st.time_input("t", step=90000)',
        'st.time_input("t", step=1.5)',
        'st.time_input("t", step=datetime.timedelta(days=1))',
        'st.time_input("t", step="15m")',
        'st.time_input("t", value=3.5)',
        'st.time_input("t", value="25:99")',
        'st.time_input("t", value="8:30")',
    ],
)
def test_time_input_rejects_bad_arguments(call: str) -> None:
    assert_fails_alike(call)


# ------------------------------------------------- text_input and text_area


def test_text_input_parameters() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        name = st.text_input("Name", placeholder="Ada Lovelace", help="Full name")
        pin = st.text_input("PIN", max_chars=4, type="password", key="pin")
        email = st.text_input("Email", autocomplete="email", value="a@b.c")
        maybe = st.text_input("Optional", value=None)
        number = st.text_input("Numberish", value=42, disabled=True)
        cut = st.text_input("Cut", "abcdef", max_chars=3)
        free = st.text_input("No limit", "abcdef", max_chars=0)
        st.write(repr(name), len(pin), email, repr(maybe), repr(number), cut, free)
        """,
        [
            ("text_input", 0, "input", "Grace"),
            ("text_input", "pin", "input", "1234"),
            ("text_input", "pin", "input", "123456"),
            ("text_input", 3, "input", "now set"),
            ("text_input", 3, "set_value", None),
        ],
    )


def test_text_area_parameters_and_callback() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        st.session_state.setdefault("edits", 0)
        def edited(by):
            st.session_state.edits += by
        notes = st.text_area("Notes", "line one\\nline two", height=150, max_chars=200,
                             key="notes", on_change=edited, args=(1,))
        draft = st.text_area("Draft", value=None, placeholder="Write here",
                             label_visibility="collapsed")
        st.text_area("Short", height=10, max_chars=0)
        st.text_area("Fits", "abcdef", height="content", max_chars=4)
        st.text_area("Fills", height="stretch")
        st.write(len(notes.splitlines()), repr(draft), st.session_state.edits)
        """,
        [
            ("text_area", "notes", "input", "a\nb\nc"),
            ("text_area", 1, "input", "hello"),
            ("session_state", "notes", "preset"),
            ("run",),
        ],
    )


@pytest.mark.parametrize(
    "call",
    [
        'st.text_input("t", type="secret")',
        'st.text_input("t", max_chars=-1)',
        'st.text_input("t", max_chars=1.5)',
        'st.text_area("t", height=0)',
        'st.text_area("t", height="big")',
        'st.text_area("t", height=1.5)',
        'st.text_area("t", max_chars="many")',
        'st.color_picker("c", "red")',
        'st.color_picker("c", "#12345")',
    ],
)
def test_text_widgets_reject_bad_arguments(call: str) -> None:
    assert_fails_alike(call)


# ---------------------------------------------------------- color_picker


def test_color_picker_defaults_picks_and_state() -> None:
    assert_same_inputs(
        """
        import streamlit as st
        st.write(st.color_picker("Default"))
        st.write(st.color_picker("Short hex", "#0fa", help="Accent"))
        st.write(st.color_picker("Keyed", "#FF4B4B", key="c", disabled=True))
        st.write(st.session_state.c)
        """,
        [
            ("color_picker", 0, "pick", "#123456"),
            ("color_picker", 1, "pick", "not a colour"),
            ("session_state", "c", "#00ff00"),
            ("run",),
        ],
    )
