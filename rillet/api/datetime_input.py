"""``st.datetime_input``: a date and a time of day in one widget, to the minute."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rillet.api.dates import _years_from, check_date_format, check_in_bounds
from rillet.api.text import check_width
from rillet.api.url_codecs import ValueUrl
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Key, Widget, register

DateTimeValue = dt.datetime | dt.date | dt.time | str | None
_ACCEPTED = "a datetime, a date, a time, an ISO string such as '2024-03-15 14:30', 'now' or None"
_WIRE = "%Y-%m-%dT%H:%M"
_MIN_STEP = dt.timedelta(minutes=1)
_MAX_STEP = dt.timedelta(hours=23)
_LOW_TIME, _HIGH_TIME = dt.time(0, 0), dt.time(23, 59)


def _minute(moment: dt.datetime) -> dt.datetime:
    """To the minute, without a time zone (the widget shows wall-clock time)."""
    return moment.replace(second=0, microsecond=0, tzinfo=None)


def _moment(argument: str, value: object, day: dt.date, clock: dt.time) -> dt.datetime:
    """``value`` as a datetime; a date alone takes ``clock``, a time alone takes ``day``."""
    if value == "now":
        return _minute(dt.datetime.now())
    if isinstance(value, dt.datetime):
        return _minute(value)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, clock)
    if isinstance(value, dt.time):
        return _minute(dt.datetime.combine(day, value))
    if isinstance(value, str):
        text = value.strip()
        for parse in (dt.datetime.fromisoformat, _slashed):
            try:
                return _minute(parse(text))
            except ValueError:
                pass
        try:
            return dt.datetime.combine(dt.date.fromisoformat(text), clock)
        except ValueError:
            pass
        try:
            return _minute(dt.datetime.combine(day, dt.time.fromisoformat(text)))
        except ValueError:
            pass
    raise bad_argument(argument, value, _ACCEPTED, command="datetime_input")


def _slashed(text: str) -> dt.datetime:
    for pattern in ("%Y/%m/%d %H:%M", "%Y/%m/%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(text, pattern)
        except ValueError:
            pass
    raise ValueError(text)


def _from_url(text: str) -> dt.datetime:
    return _minute(dt.datetime.strptime(text, _WIRE))


# bind="query-params": the value in the URL as the wire spells it.
_URL: ValueUrl[dt.datetime] = ValueUrl(_from_url, lambda moment: moment.strftime(_WIRE))


def _step_seconds(step: object) -> int:
    accepted = "an int of seconds or a timedelta, from 60 seconds to 23 hours"
    if isinstance(step, dt.timedelta):
        span = step
    elif isinstance(step, int) and not isinstance(step, bool):
        span = dt.timedelta(seconds=step)
    else:
        raise bad_argument("step", step, accepted, command="datetime_input")
    if not _MIN_STEP <= span <= _MAX_STEP:
        raise bad_argument("step", step, accepted, command="datetime_input")
    return int(span.total_seconds())


@dataclass
class DateTimeSerde:
    """``"YYYY-MM-DDTHH:MM"`` in ``string_array_value``; an empty or unreadable
    value, or one outside the bounds, reads as the default, as in Streamlit."""

    default: dt.datetime | None
    low: dt.datetime
    high: dt.datetime

    def deserialize(self, state: pb.WidgetState) -> dt.datetime | None:
        data = state.string_array_value.data if state.HasField("string_array_value") else []
        if not data:
            return self.default
        try:
            moment = _minute(dt.datetime.strptime(data[0], _WIRE))
        except ValueError:
            return self.default
        return moment if self.low <= moment <= self.high else self.default

    def serialize(self, value: Any, state: pb.WidgetState) -> None:
        state.string_array_value.SetInParent()
        if value is not None:
            moment = _moment("value", value, dt.date.today(), _LOW_TIME)
            state.string_array_value.data.append(moment.strftime(_WIRE))


def datetime_input(
    label: str,
    value: DateTimeValue = "now",
    min_value: DateTimeValue = None,
    max_value: DateTimeValue = None,
    *,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callable[..., Any] | str | None = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    format: str = "YYYY/MM/DD",
    step: int | dt.timedelta = dt.timedelta(seconds=900),
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: str | int = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> dt.datetime | None:
    """Display a date-and-time picker; returns a ``datetime`` (to the minute) or ``None``.

    Args:
        value: ``"now"`` (the default), a datetime, a date (at 00:00), a
            time (today), an ISO string, or ``None`` to start empty.
        min_value: The earliest choice; by default ten years before the
            value (or today) at 00:00. A date alone means 00:00 of it.
        max_value: The latest choice; by default ten years after, at 23:59.
            A date alone means 23:59 of it.
        format: How the date is shown: ``YYYY``, ``MM`` and ``DD`` ordered
            with ``/``, ``-`` or ``.`` between them.
        step: Minutes between the times offered, in seconds or as a
            timedelta, from one minute to 23 hours.
        required: The user cannot clear the field. The app should still
            check the value: ``None`` stays possible through
            ``st.session_state``.
        bind: ``"query-params"`` keeps the value in the page's URL under
            ``key`` (as ``YYYY-MM-DDThh:mm``), so a link carries it.
        persist_state: ``"page"`` or ``"session"`` keeps the value under
            ``key`` while the widget is not shown.

    Example:
        >>> import datetime
        >>> import rillet as st
        >>> when = st.datetime_input("Meeting", datetime.datetime(2025, 6, 2, 9, 30))
        >>> deadline = st.datetime_input("Deadline", value=None, step=3600)
    """
    start = None if value is None else _moment("value", value, dt.date.today(), _LOW_TIME)
    around = start.date() if start is not None else dt.date.today()
    low = (
        dt.datetime.combine(_years_from(around, -10), _LOW_TIME)
        if min_value is None
        else _moment("min_value", min_value, around, _LOW_TIME)
    )
    high = (
        dt.datetime.combine(_years_from(around, 10), _HIGH_TIME)
        if max_value is None
        else _moment("max_value", max_value, around, _HIGH_TIME)
    )
    shown = [] if start is None else [start]
    check_in_bounds(shown, low, high, "datetime_input", lambda moment: f"{moment:%Y-%m-%d %H:%M}")
    check_date_format(format, "datetime_input")
    seconds = _step_seconds(step)
    check_width(width, "datetime_input", content=False)
    explicit_bounds = min_value is not None or max_value is not None

    def build(current: dt.datetime | None) -> pb.Element:
        element = pb.Element()
        proto = element.datetime_input
        if current is not None:
            proto.value = _moment("value", current, around, _LOW_TIME).strftime(_WIRE)
        proto.min, proto.max = low.strftime(_WIRE), high.strftime(_WIRE)
        proto.step = seconds
        proto.format = format
        proto.required = bool(required)
        proto.clearable = start is None and not required
        proto.width = f"{width}px" if isinstance(width, int) else "stretch"
        return element

    def fit(held: Any) -> Any:
        # With bounds given, a value outside them (from st.session_state)
        # reads as the default, as in Streamlit.
        if held is None or not explicit_bounds:
            return held
        try:
            moment = _moment("value", held, around, _LOW_TIME)
        except RilletAPIException:  # not a datetime: build() says so
            return held
        return held if low <= moment <= high else start

    def wire(moment: dt.datetime | None) -> str | None:
        return None if moment is None else moment.strftime(_WIRE)

    chosen: dt.datetime | None = register(
        Widget(
            kind="datetime_input",
            label=label,
            default=start,
            serde=DateTimeSerde(start, low, high),
            build=build,
            # "now" stays "now" here, so the widget survives the clock ticking.
            identity=(
                value if value == "now" else wire(start),
                low.strftime(_WIRE),
                high.strftime(_WIRE),
                help,
                format,
                seconds,
                width,
                required,
            ),
            key_identity=(format, seconds),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=value != "now",
            fit=fit,
            bind=bind,
            url=_URL,
            persist_state=persist_state,
        )
    )
    return chosen
