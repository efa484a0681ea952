"""Calendar and clock widgets: date_input and time_input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from rillet.api.serde import DatesSerde, TimeSerde
from rillet.api.text import set_width
from rillet.api.url_codecs import DATE_URL, TIME_URL, ValuesUrl
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Key, OnChange, Widget, register

Callback = OnChange
DateValue = Any
_DATE_ACCEPTED = "a date, a datetime, an ISO date string such as '2024-03-15', 'today' or None"
# Year, month and day in one of three orders, with one of three separators.
_DATE_FORMATS = tuple(
    sep.join(order)
    for order in (("YYYY", "MM", "DD"), ("DD", "MM", "YYYY"), ("MM", "DD", "YYYY"))
    for sep in "/-."
)
_TIME_FORMATS = ("24h", "12h", "localized")
_MIN_STEP = dt.timedelta(seconds=1)
_MAX_STEP = dt.timedelta(hours=23)


def _required(required: object, command: str) -> bool:
    """``required`` as a flag; like Streamlit, an int counts as its truth value."""
    if isinstance(required, int):
        return bool(required)
    raise bad_argument("required", required, "True or False", command=command)


# ------------------------------------------------------------ date_input


def _date(name: str, value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value == "today":
        return dt.date.today()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise bad_argument(name, value, _DATE_ACCEPTED, command="date_input")


def check_in_bounds(
    values: Iterable[Any], low: Any, high: Any, command: str, show: Callable[[Any], str] = str
) -> None:
    """Refuse bounds out of order, or a value outside them (dates or datetimes)."""
    if low > high:
        raise RilletAPIException(
            f"st.{command}: `min_value` ({show(low)}) must not be after `max_value` ({show(high)})."
        )
    for value in values:
        if not low <= value <= high:
            raise RilletAPIException(
                f"st.{command}: `value` {show(value)} must lie between `min_value` {show(low)} "
                f"and `max_value` {show(high)} (inclusive)."
            )


def check_date_format(format: object, command: str) -> None:
    """Refuse a ``format`` that is not year, month and day ordered with ``/``, ``-`` or ``.``."""
    if not isinstance(format, str) or format not in _DATE_FORMATS:
        raise bad_argument(
            "format", format, "one of " + ", ".join(map(repr, _DATE_FORMATS)), command=command
        )


def _years_from(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def date_input(
    label: str,
    value: DateValue = "today",
    min_value: DateValue = None,
    max_value: DateValue = None,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    format: str = "YYYY/MM/DD",
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: str | int = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display a date picker; returns a date, ``None``, or a tuple for a range.

    ``value`` is ``"today"`` (the default), a date, a datetime (its date is
    used), an ISO date string, ``None`` (starts empty), or a list or tuple
    of up to two of those to pick a range. Without bounds the picker spans
    ten years either side of the value (for a keyed picker left at
    ``"today"``, of the date it holds, so a date preset through
    ``st.session_state`` is in range). ``format`` orders ``YYYY``, ``MM``
    and ``DD`` with ``/``, ``-`` or ``.`` between them. ``required=True``
    keeps the last date when the field is emptied (and blocks its form).

    Example:
        >>> import datetime
        >>> import rillet as st
        >>> birthday = st.date_input("Birthday", datetime.date(1990, 7, 6))
        >>> start, end = st.date_input("Trip", (datetime.date(2024, 5, 1), datetime.date(2024, 5, 9)))
    """
    is_range = isinstance(value, (list, tuple))
    if is_range and len(value) > 2:
        raise bad_argument(
            "value", value, "a list or tuple of at most two dates", command="date_input"
        )
    given = list(value) if is_range else [] if value is None else [value]
    dates = [_date("value", v) for v in given]
    given_low = None if min_value is None else _date("min_value", min_value)
    given_high = None if max_value is None else _date("max_value", max_value)
    low, high = _bounds(dates, given_low, given_high)
    check_in_bounds(dates, low, high, "date_input")
    check_date_format(format, "date_input")

    needed = _required(required, "date_input")
    follows_value = key is not None and _identity(value) == "today"

    def build(current: Any) -> pb.Element:
        shown = _listed(current)
        element = pb.Element()
        proto = element.date_input
        proto.value.extend(_date("value", d).isoformat() for d in shown)
        start, end = low, high
        if follows_value and shown:
            start, end = _bounds([_date("value", d) for d in shown], given_low, given_high)
        proto.min, proto.max = start.isoformat(), end.isoformat()
        proto.is_range = is_range
        proto.format = format
        proto.required = needed
        proto.clearable = not given and not needed
        set_width(element, width, "date_input", content=False)  # as Streamlit: pixels or "stretch"
        return element

    default: Any = tuple(dates) if is_range else dates[0] if dates else None

    def fit(held: Any) -> Any:
        # A date outside the bounds given (from a client or st.session_state)
        # reads as the default, as in Streamlit.
        try:
            days = [_date("value", d) for d in _listed(held)]
        except RilletAPIException:  # not a date: build() says so
            return held
        beyond = any(
            (given_low is not None and day < given_low)
            or (given_high is not None and day > given_high)
            for day in days
        )
        return default if beyond else held

    return register(
        Widget(
            kind="date_input",
            label=label,
            default=default,
            serde=DatesSerde(is_range),
            build=build,
            # "today" stays "today" here, so the widget survives midnight.
            identity=(
                _identity(value),
                _identity(min_value),
                _identity(max_value),
                format,
                help,
                needed,
            ),
            key_identity=(format, is_range),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=value != "today",
            fit=fit,
            bind=bind,
            url=ValuesUrl(DATE_URL.parse, DATE_URL.show, tuple) if is_range else DATE_URL,
            persist_state=persist_state,
        )
    )


def _bounds(
    dates: list[dt.date], low: dt.date | None, high: dt.date | None
) -> tuple[dt.date, dt.date]:
    """The bounds given, else ten years before the first date and after the last."""
    anchors = dates or [dt.date.today()]
    start = _years_from(anchors[0], -10) if low is None else low
    end = _years_from(anchors[-1], 10) if high is None else high
    return start, end


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _identity(value: Any) -> Any:
    return tuple(value) if isinstance(value, (list, tuple)) else value


# ------------------------------------------------------------ time_input


def _step_seconds(step: object) -> int:
    accepted = "an int of seconds or a timedelta, from 1 second to 23 hours"
    if isinstance(step, dt.timedelta):
        span = step
    elif isinstance(step, int) and not isinstance(step, bool):
        span = dt.timedelta(seconds=step)
    else:
        raise bad_argument("step", step, accepted, command="time_input")
    if not _MIN_STEP <= span <= _MAX_STEP or span.microseconds:
        raise bad_argument("step", step, accepted, command="time_input")
    return int(span.total_seconds())


def _time(value: object, with_seconds: bool) -> dt.time | None:
    if value is None:
        return None
    if value == "now":
        moment = dt.datetime.now().time()
    elif isinstance(value, dt.datetime):
        moment = value.time()
    elif isinstance(value, dt.time):
        moment = value.replace(tzinfo=None)
    elif isinstance(value, str):
        try:
            moment = dt.time.fromisoformat(value.strip())
        except ValueError:
            raise bad_argument(
                "value", value, "a time string such as '08:45' or '08:45:30'", command="time_input"
            ) from None
    else:
        raise bad_argument(
            "value",
            value,
            "a time, a datetime, an 'HH:MM' string, 'now' or None",
            command="time_input",
        )
    return moment.replace(second=moment.second if with_seconds else 0, microsecond=0)


def time_input(
    label: str,
    value: Any = "now",
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    step: int | dt.timedelta = dt.timedelta(minutes=15),
    format: str = "24h",
    width: str | int = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> dt.time | None:
    """Display a time picker; returns a ``datetime.time`` or ``None``.

    ``value`` is ``"now"`` (the default, to the minute), a time, a datetime
    (its time is used), an ``"HH:MM"`` string, or ``None`` (starts empty).
    ``step`` is the interval between choices, in seconds or as a timedelta,
    from one minute to 23 hours; a step with seconds in it lets the value
    keep its seconds. ``format`` shows hours ``"24h"`` (the default, 0 to
    23), ``"12h"`` (1 to 12 with AM/PM) or ``"localized"`` (as the
    browser's language does); the value returned is the same either way.
    ``required=True`` keeps the last time when the field is emptied.

    Example:
        >>> import datetime
        >>> import rillet as st
        >>> alarm = st.time_input("Alarm", datetime.time(7, 30), step=300)
    """
    seconds = _step_seconds(step)
    with_seconds = seconds % 60 != 0
    if not isinstance(format, str) or format not in _TIME_FORMATS:
        raise bad_argument("format", format, "'12h', '24h' or 'localized'", command="time_input")
    needed = bool(required)  # Streamlit takes any value here
    start = _time(value, with_seconds)

    def build(current: dt.time | None) -> pb.Element:
        shown = _time(current, with_seconds)
        element = pb.Element()
        element.time_input.value = (
            "" if shown is None else shown.strftime("%H:%M:%S" if with_seconds else "%H:%M")
        )
        element.time_input.step = seconds
        element.time_input.required = needed
        element.time_input.clearable = start is None and not needed
        element.time_input.format = format
        set_width(element, width, "time_input", content=False)  # as Streamlit: pixels or "stretch"
        return element

    chosen: dt.time | None = register(
        Widget(
            kind="time_input",
            label=label,
            default=start,
            serde=TimeSerde(with_seconds),
            build=build,
            # "now" stays "now" here, so the widget survives the clock ticking.
            identity=(value, seconds, help, needed),
            key_identity=(seconds,),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=value != "now",
            bind=bind,
            url=TIME_URL,
            persist_state=persist_state,
        )
    )
    return chosen
