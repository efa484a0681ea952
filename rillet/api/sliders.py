"""Sliders: slider (numbers, dates, times, datetimes) and select_slider.

Every slider value crosses the wire as a double (see the protocol README):
numbers as they are, dates as days since 1970-01-01, times as seconds since
midnight and datetimes as microseconds since the epoch, read as wall-clock
time (a timezone-aware datetime keeps its ``tzinfo`` on the way back). Each
kind of value is one :class:`_Scale` entry in ``_SCALES``.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rillet.api.options import options_list
from rillet.api.serde import DoubleArraySerde, as_offered, format_options, index_of
from rillet.api.text import set_width
from rillet.api.url_codecs import ValuesUrl, option_url, slider_url
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Key, OnChange, Widget, register

T = TypeVar("T")
Callback = OnChange

_EPOCH_DAY = dt.date(1970, 1, 1)
_EPOCH = dt.datetime(1970, 1, 1)
_MICRO = dt.timedelta(microseconds=1)
_ACCEPTED_VALUE = "an int, float, date, time or datetime, or a list or tuple of up to two of them"


# ------------------------------------------------------------ value kinds


def _kind_of(value: Any) -> str | None:
    """The scale name for one slider value, or None when it is no such value."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, dt.datetime):
        return "datetime"
    if isinstance(value, dt.date):
        return "date"
    if isinstance(value, dt.time):
        return "time"
    return None


def _plain(value: Any) -> Any:
    """numpy scalars as Python numbers (checked without importing numpy)."""
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def _days(value: dt.date) -> float:
    return float((value - _EPOCH_DAY).days)


def _from_days(days: float) -> dt.date:
    return _EPOCH_DAY + dt.timedelta(days=int(days // 1))


def _seconds(value: dt.time) -> float:
    return value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6


def _from_seconds(seconds: float, tz: dt.tzinfo | None) -> dt.time:
    micros = min(max(round(seconds * 1e6), 0), 86_400_000_000 - 1)
    moment = (_EPOCH + dt.timedelta(microseconds=micros)).time()
    return moment.replace(tzinfo=tz)


def _micros(value: dt.datetime) -> float:
    return float((value.replace(tzinfo=None) - _EPOCH) // _MICRO)


def _from_micros(micros: float, tz: dt.tzinfo | None) -> dt.datetime:
    return (_EPOCH + dt.timedelta(microseconds=round(micros))).replace(tzinfo=tz)


@dataclass(frozen=True)
class _Scale:
    """How one kind of slider value is defaulted, stepped, sent and shown."""

    data_type: pb.Slider.DataType.ValueType
    step_type: type
    default_step: Any
    default_format: str
    # The default (min, max) around the slider's first value (None: no value).
    bounds: Callable[[Any], tuple[Any, Any]]
    # (encode, decode) for a slider whose values carry this tzinfo.
    wire: Callable[[dt.tzinfo | None], tuple[Callable[[Any], float], Callable[[float], Any]]]
    step_to_wire: Callable[[Any], float]


def _number_bounds(low: float, high: float) -> Callable[[Any], tuple[Any, Any]]:
    return lambda anchor: (low, high)


def _date_bounds(anchor: Any) -> tuple[Any, Any]:
    fortnight = dt.timedelta(days=14)
    anchor = dt.date.today() if anchor is None else anchor
    return anchor - fortnight, anchor + fortnight


def _time_bounds(anchor: Any) -> tuple[Any, Any]:
    tz = None if anchor is None else anchor.tzinfo
    return dt.time.min.replace(tzinfo=tz), dt.time.max.replace(tzinfo=tz)


def _same(value: float) -> float:
    return float(value)


_SCALES: dict[str, _Scale] = {
    "int": _Scale(
        pb.Slider.INT,
        int,
        1,
        "%d",
        _number_bounds(0, 100),
        lambda tz: (_same, round),
        float,
    ),
    "float": _Scale(
        pb.Slider.FLOAT,
        float,
        0.01,
        "%0.2f",
        _number_bounds(0.0, 1.0),
        lambda tz: (_same, float),
        float,
    ),
    "date": _Scale(
        pb.Slider.DATE,
        dt.timedelta,
        dt.timedelta(days=1),
        "YYYY-MM-DD",
        _date_bounds,
        lambda tz: (_days, _from_days),
        lambda step: step / dt.timedelta(days=1),
    ),
    "time": _Scale(
        pb.Slider.TIME,
        dt.timedelta,
        dt.timedelta(minutes=15),
        "HH:mm",
        _time_bounds,
        lambda tz: (_seconds, lambda x: _from_seconds(x, tz)),
        lambda step: step.total_seconds(),
    ),
    "datetime": _Scale(
        pb.Slider.DATETIME,
        dt.timedelta,
        dt.timedelta(days=1),
        "YYYY-MM-DD HH:mm",
        _date_bounds,
        lambda tz: (_micros, lambda x: _from_micros(x, tz)),
        lambda step: step / _MICRO,
    ),
}


# ---------------------------------------------------------------- labels

# moment.js-style tokens, as the client formats dates and times.
_TOKEN = re.compile(r"\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|HH|H|hh|h|mm|m|ss|s|A|a")


def _ordinal(day: int) -> str:
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


_MOMENT: dict[str, Callable[[dt.datetime], str]] = {
    "YYYY": lambda d: f"{d.year:04d}",
    "YY": lambda d: f"{d.year % 100:02d}",
    "MMMM": lambda d: d.strftime("%B"),
    "MMM": lambda d: d.strftime("%b"),
    "MM": lambda d: f"{d.month:02d}",
    "M": lambda d: str(d.month),
    "Do": lambda d: _ordinal(d.day),
    "DD": lambda d: f"{d.day:02d}",
    "D": lambda d: str(d.day),
    "dddd": lambda d: d.strftime("%A"),
    "ddd": lambda d: d.strftime("%a"),
    "HH": lambda d: f"{d.hour:02d}",
    "H": lambda d: str(d.hour),
    "hh": lambda d: f"{(d.hour - 1) % 12 + 1:02d}",
    "h": lambda d: str((d.hour - 1) % 12 + 1),
    "mm": lambda d: f"{d.minute:02d}",
    "m": lambda d: str(d.minute),
    "ss": lambda d: f"{d.second:02d}",
    "s": lambda d: str(d.second),
    "A": lambda d: "AM" if d.hour < 12 else "PM",
    "a": lambda d: "am" if d.hour < 12 else "pm",
}


def _moment_format(value: dt.date | dt.time, fmt: str) -> str:
    if isinstance(value, dt.time):
        moment = dt.datetime.combine(_EPOCH_DAY, value)
    elif isinstance(value, dt.datetime):
        moment = value
    else:
        moment = dt.datetime.combine(value, dt.time())

    def token(match: re.Match[str]) -> str:
        text = match.group(0)
        if text.startswith("["):
            return text[1:-1]
        return _MOMENT[text](moment)

    return _TOKEN.sub(token, fmt)


# One printf conversion, as the client reads number formats.
_PRINTF = re.compile(r"%[-+ 0#]*\d*(?:\.\d+)?[diuxXeEfFgGs]")


def _label(kind: str, value: Any, fmt: str) -> str:
    if kind not in ("int", "float"):
        return _moment_format(value, fmt)
    try:
        return str(fmt % value)
    except (TypeError, ValueError):
        # Not a format for one number ("%d to %d", "%x" of a float, plain
        # text): like the client, the first conversion shows the value and
        # the rest is shown as written.
        return _PRINTF.sub(lambda m: _one_conversion(m.group(0), value), fmt, count=1)


def _one_conversion(spec: str, value: float) -> str:
    try:
        return str(spec % (round(value) if spec[-1] in "diuxX" else value))
    except (TypeError, ValueError):
        return spec


# ---------------------------------------------------------------- slider


def _classify(named: list[tuple[str, Any]]) -> str:
    """The one value kind every given argument shares, or a clear error."""
    kinds = set()
    for name, value in named:
        if name == "step":
            continue
        kind = _kind_of(value)
        if kind is None:
            accepted = (
                _ACCEPTED_VALUE if name == "value" else "an int, float, date, time or datetime"
            )
            raise bad_argument(name, value, accepted, command="slider")
        kinds.add(kind)
    kind = kinds.pop() if len(kinds) == 1 else "int"
    step = dict(named).get("step")
    step_ok = step is None or (
        not isinstance(step, bool) and isinstance(step, _SCALES[kind].step_type)
    )
    if kinds or not step_ok:
        given = ", ".join(f"{name}={value!r} ({type(value).__name__})" for name, value in named)
        raise RilletAPIException(
            "st.slider: `min_value`, `max_value`, `value` and `step` must be of matching "
            "types: all ints, all floats, or dates, times or datetimes with a timedelta "
            f"`step`. Got {given}."
        )
    return kind


@dataclass(frozen=True)
class _Prepared:
    """What a slider's bounds, value, step and format make of it, label and state aside."""

    kind: str
    as_given: tuple[Any, ...]
    fmt: str
    default: Any
    key_identity: tuple[Any, ...]
    serde: DoubleArraySerde[Any]
    fit: Callable[[Any], Any]
    bounds: tuple[Any, Any]  # min_value, max_value, defaults applied
    url: Any
    encode: Callable[[Any], float]
    # The element without its value, encoded: data type, bounds, step, format, their labels.
    template: bytes

    def element(self, shown: list[Any]) -> pb.Element:
        # Parsed from bytes: the template's, then the values' (a message's
        # fields merge when its encodings follow each other). Setting them
        # through the message API cost four times as much.
        values = [self.encode(v) for v in shown]
        body = [_VALUE_TAG, _varint(8 * len(values)), struct.pack(f"<{len(values)}d", *values)]
        for v in shown:
            text = _label(self.kind, v, self.fmt).encode()
            body += (_LABEL_TAG, _varint(len(text)), text)
        inner = b"".join(body)
        return pb.Element.FromString(
            b"".join((self.template, _SLIDER_TAG, _varint(len(inner)), inner))
        )


_ONE_BYTE = [bytes((i,)) for i in range(0x80)]


def _varint(value: int) -> bytes:
    if value < 0x80:
        return _ONE_BYTE[value]
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _tag(number: int) -> bytes:
    return _varint(number << 3 | 2)  # length-delimited


_SLIDER_TAG = _tag(pb.Element.DESCRIPTOR.fields_by_name["slider"].number)
_VALUE_TAG = _tag(pb.Slider.DESCRIPTOR.fields_by_name["value"].number)  # packed doubles
_LABEL_TAG = _tag(pb.Slider.DESCRIPTOR.fields_by_name["value_labels"].number)


# Sliders prepared from the same arguments, shared by every run and session: a
# rerun re-validates nothing. Keyed by the arguments with their types (1, 1.0
# and True are equal keys otherwise); arguments that cannot be hashed skip it.
_PREPARED: dict[tuple[Any, ...], _Prepared] = {}
_PREPARED_MAX = 4096


def _typed(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return (type(value), tuple(_typed(v) for v in value))
    return (type(value), value)


def _prepare(min_value: Any, max_value: Any, value: Any, step: Any, format: Any) -> _Prepared:
    try:
        cache_key = (
            _typed(min_value),
            _typed(max_value),
            _typed(value),
            _typed(step),
            _typed(format),
        )
        cached = _PREPARED.get(cache_key)
    except TypeError:  # unhashable arguments
        return _prepare_now(min_value, max_value, value, step, format)
    if cached is None:
        cached = _prepare_now(min_value, max_value, value, step, format)
        if len(_PREPARED) >= _PREPARED_MAX:
            _PREPARED.clear()
        _PREPARED[cache_key] = cached
    return cached


def _prepare_now(min_value: Any, max_value: Any, value: Any, step: Any, format: Any) -> _Prepared:
    min_value, max_value, step = _plain(min_value), _plain(max_value), _plain(step)
    # The arguments as given: defaults derived from today must not change the identity.
    as_given = (min_value, max_value, tuple(value) if isinstance(value, list) else value, step)
    is_range = isinstance(value, (list, tuple))
    if is_range and len(value) > 2:
        raise bad_argument("value", value, _ACCEPTED_VALUE, command="slider")
    values = [_plain(v) for v in value] if is_range else [] if value is None else [_plain(value)]
    named = [
        (name, given)
        for name, given in (("min_value", min_value), ("max_value", max_value), ("step", step))
        if given is not None
    ]
    kind = _classify([*named, *(("value", v) for v in values)])
    scale = _SCALES[kind]
    tz = _tz_of([*values, min_value, max_value])
    min_value, max_value, values = _span(scale, min_value, max_value, values, is_range)
    step = scale.default_step if step is None else step
    if step <= step * 0:
        raise bad_argument("step", step, "greater than zero", command="slider")
    fmt = scale.default_format if format is None else format
    if not isinstance(fmt, str):
        raise bad_argument(
            "format", fmt, "a format string such as '%d' or 'YYYY-MM-DD'", command="slider"
        )
    encode, decode = scale.wire(tz)

    template = pb.Element()
    proto = template.slider
    proto.data_type = scale.data_type
    proto.min, proto.max = encode(min_value), encode(max_value)
    proto.step = scale.step_to_wire(step)
    proto.format = fmt
    proto.min_label = _label(kind, min_value, fmt)
    proto.max_label = _label(kind, max_value, fmt)

    default = tuple(values) if is_range else values[0]

    def fit(held: Any) -> Any:
        shown = list(held) if isinstance(held, (list, tuple)) else [held]
        try:
            inside = all(min_value <= v <= max_value for v in shown)
        except TypeError:  # not a value of this slider's kind: build() says so
            return held
        return held if inside else default

    return _Prepared(
        kind=kind,
        as_given=as_given,
        fmt=fmt,
        default=default,
        key_identity=(min_value, max_value, step),
        serde=DoubleArraySerde(decode, encode, is_range),
        fit=fit,
        bounds=(min_value, max_value),
        url=slider_url(kind, is_range),
        encode=encode,
        template=template.SerializeToString(),
    )


def slider(
    label: str,
    min_value: Any = None,
    max_value: Any = None,
    value: Any = None,
    step: Any = None,
    format: str | None = None,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display a slider over numbers, dates, times or datetimes.

    Pass ``value`` as a list or tuple of two to select a range; the slider
    then returns a tuple. Without bounds an int slider spans 0 to 100, a float
    one 0.0 to 1.0, a date or datetime one the two weeks either side of its
    value, and a time one the whole day; bounds given the wrong way round
    are swapped and widened to take in ``value``, as in Streamlit. ``format``
    is printf-style for numbers (``"%.1f%%"``) and moment.js-style for dates
    (``"MMM D"``).

    Example:
        >>> import rillet as st
        >>> age = st.slider("Age", 0, 120, 30)
        >>> low, high = st.slider("Price", 0.0, 100.0, (25.0, 75.0), step=0.5)
    """
    prepared = _prepare(min_value, max_value, value, step, format)
    kind = prepared.kind
    _check_state_in_range(key, label, prepared)

    def build(current: Any) -> pb.Element:
        shown = list(current) if isinstance(current, (list, tuple)) else [current]
        for item in shown:
            if _kind_of(item) != kind:
                raise RilletAPIException(
                    f"st.slider {label!r}: its value {item!r} ({type(item).__name__}) set "
                    f"through st.session_state is not a {kind} like the slider's bounds."
                )
        element = prepared.element(shown)
        set_width(element, width, "slider", content=False)  # as Streamlit: pixels or "stretch"
        return element

    return register(
        Widget(
            kind="slider",
            label=label,
            default=prepared.default,
            serde=prepared.serde,
            build=build,
            identity=(*prepared.as_given, prepared.fmt, help),
            key_identity=prepared.key_identity,
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=value is not None,
            fit=prepared.fit,
            bind=bind,
            url=prepared.url,
            persist_state=persist_state,
        )
    )


def _check_state_in_range(key: Key | None, label: str, prepared: _Prepared) -> None:
    """As in Streamlit, a value set through st.session_state outside the bounds is an error.

    (A value the user chose that new bounds leave out reads as the default.)
    """
    if key is None or isinstance(key, bool):
        return
    state = context.get().state
    name = str(key)
    if not (state.set_through_state(name) and state.has_value(name)):
        return
    held = state[name]
    if prepared.fit(held) is not held:
        raise RilletAPIException(
            f"st.slider {label!r}: the value {held!r} set through "
            f"`st.session_state[{name!r}]` is outside the slider's bounds: it accepts "
            f"values from {prepared.bounds[0]!r} to {prepared.bounds[1]!r}."
        )


def _tz_of(values: Sequence[Any]) -> dt.tzinfo | None:
    zones = {v.tzinfo for v in values if isinstance(v, (dt.datetime, dt.time))}
    if len(zones) > 1:
        raise RilletAPIException(
            "st.slider: `min_value`, `max_value` and `value` mix timezone-aware and naive "
            f"(or differently zoned) values: {sorted(map(str, zones))}. Give them one timezone."
        )
    return zones.pop() if zones else None


def _span(
    scale: _Scale, low: Any, high: Any, values: list[Any], is_range: bool
) -> tuple[Any, Any, list[Any]]:
    """The bounds and (sorted) values of a slider, defaulted as Streamlit does.

    Missing bounds default around the first value given; with no value the
    slider starts at ``min_value`` (a range at both bounds). Bounds given the
    wrong way round are swapped, then widened to take in the values, so
    ``slider("n", 0, 10, 12)`` spans 0 to 12.
    """
    anchor = values[0] if values else low if low is not None else high
    default_low, default_high = scale.bounds(anchor)
    low = default_low if low is None else low
    high = default_high if high is None else high
    if low == high:
        raise RilletAPIException(
            f"st.slider: `min_value` and `max_value` are both {low!r}; "
            "a slider needs two different bounds."
        )
    if not values:
        values = [low, high] if is_range else [low]
    low, high = min(low, high, *values), max(low, high, *values)
    return low, high, sorted(values)


# --------------------------------------------------------- select_slider


def select_slider(
    label: str,
    options: Iterable[T] = (),
    value: Any = None,
    format_func: Callable[[Any], Any] = str,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display a slider over a list of options; returns the chosen option.

    ``value`` is one option, or a tuple of two options to select a range
    (then the slider returns a tuple, in option order). It defaults to the
    first option.

    Example:
        >>> import rillet as st
        >>> size = st.select_slider("Size", ["S", "M", "L"], value="M")
        >>> start, end = st.select_slider("Months", ["Jan", "Feb", "Mar"], ("Jan", "Feb"))
    """
    opts = options_list(options, "select_slider")
    if not opts:
        raise bad_argument("options", options, "at least one option", command="select_slider")
    labels = format_options(opts, format_func)
    indexes, is_range = _chosen(opts, labels, value)

    def decode(position: float) -> Any:
        index = int(position)
        if not 0 <= index < len(opts):
            raise IndexError(f"option index {index} is out of range")
        return opts[index]

    def encode(option: Any) -> float:
        return float(index_of(opts, option))

    def build(current: Any) -> pb.Element:
        shown = list(current) if is_range else [current]
        try:
            positions = [index_of(opts, v) for v in shown]
        except ValueError:
            raise RilletAPIException(
                f"st.select_slider {label!r}: its value {current!r} set through "
                f"st.session_state is not one of the options {labels}."
            ) from None
        element = pb.Element()
        proto = element.slider
        proto.data_type = pb.Slider.OPTIONS
        proto.min, proto.max, proto.step = 0, len(opts) - 1, 1
        proto.options.extend(labels)
        proto.value.extend(positions)
        proto.value_labels.extend(labels[i] for i in positions)
        proto.min_label, proto.max_label = labels[0], labels[-1]
        set_width(element, width, "select_slider", content=False)
        return element

    chosen = [opts[i] for i in indexes]
    default = tuple(chosen) if is_range else chosen[0]

    def fit(held: Any) -> Any:
        shown = list(held) if is_range and isinstance(held, (list, tuple)) else [held]
        try:
            for item in shown:
                index_of(opts, item)
        except ValueError:
            return default
        return held

    chosen_now = register(
        Widget(
            kind="select_slider",
            label=label,
            default=default,
            serde=DoubleArraySerde(decode, encode, is_range, format_func),
            build=build,
            identity=(tuple(labels), tuple(indexes), is_range, help),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=value is not None,
            fit=fit,
            bind=bind,
            url=_select_url(opts, labels, is_range),
            persist_state=persist_state,
        )
    )
    return as_offered(opts, chosen_now)


def _chosen(opts: list[Any], labels: list[str], value: Any) -> tuple[list[int], bool]:
    """The option indexes ``value`` selects, and whether it is a range."""
    if value is None:
        return [0], False
    try:
        return [index_of(opts, value)], False
    except ValueError:
        pass
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise bad_argument(
            "value",
            value,
            f"one of the options {labels} or a tuple of two of them",
            command="select_slider",
        )
    indexes = []
    for item in value:
        try:
            indexes.append(index_of(opts, item))
        except ValueError:
            raise RilletAPIException(
                f"st.select_slider: `value` must hold options; {item!r} in {value!r} is not "
                f"one of the options {labels}."
            ) from None
    return sorted(indexes), True


def _select_url(opts: list[Any], labels: list[str], is_range: bool) -> Any:
    """A bound select_slider writes its option's label, or the two ends' labels."""
    one = option_url(opts, labels)
    return ValuesUrl(one.parse, one.show, tuple, 2) if is_range else one
