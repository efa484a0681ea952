"""number_input: a numeric field with minus and plus buttons.

Whether it holds ints or floats follows the types of ``value``,
``min_value``, ``max_value`` and ``step`` (floats when none is given); they
must agree, so ``number_input("n", 0, 10.0)`` is an error rather than a
guess.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from rillet.api.icons import icon_name
from rillet.api.serde import NumberSerde
from rillet.api.text import set_width
from rillet.api.url_codecs import ValueUrl
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Key, OnChange, Widget, register

Number = int | float
Callback = OnChange
# The client holds numbers as JavaScript doubles: ints beyond this lose digits.
_MAX_SAFE_INT = 2**53 - 1
_CONVERSION = re.compile(r"%(?!%)[-+ 0#]*\d*(?:\.\d+)?([a-zA-Z])")
# The conversions the client can show a number with.
_CONVERSIONS = set("diuxXfFeEgGs")


def _number(name: str, value: object) -> Number | None:
    if value is None:
        return None
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise bad_argument(name, value, "an int, a float or None", command="number_input")
    if isinstance(value, float) and math.isnan(value):
        raise bad_argument(name, value, "a number, not NaN", command="number_input")
    if isinstance(value, int) and abs(value) > _MAX_SAFE_INT:
        raise bad_argument(
            name,
            value,
            f"an int between -{_MAX_SAFE_INT} and {_MAX_SAFE_INT}",
            command="number_input",
        )
    return value


def _is_int(named: dict[str, Number | None]) -> bool:
    given = {name: v for name, v in named.items() if v is not None}
    kinds = {isinstance(v, int) for v in given.values()}
    if len(kinds) > 1:
        listed = ", ".join(f"{name}={v!r} ({type(v).__name__})" for name, v in given.items())
        raise RilletAPIException(
            "st.number_input: `value`, `min_value`, `max_value` and `step` must all be "
            f"ints or all be floats. Got {listed}."
        )
    return kinds == {True}


def _check_format(fmt: object) -> str:
    """A printf-style format that shows the number and nothing else.

    As in Streamlit, a format is taken when it turns a number into text
    that reads back as a number (``"%.2f"``, ``"%e"``, ``"%x"``, ``" %d"``):
    words or signs around it (``"%d kg"``, ``"%.1f%%"``) are refused. It need
    not match the kind of number: ``"%.2f"`` shows an int with two decimals
    and ``"%d"`` a float rounded; the value keeps its type either way.
    """
    if not isinstance(fmt, str):
        raise bad_argument(
            "format", fmt, "a printf-style format such as '%d' or '%.2f'", command="number_input"
        )
    try:
        float(fmt % 2)
        readable = True
    except (TypeError, ValueError):
        readable = False
    conversions = _CONVERSION.findall(fmt)
    if not readable or len(conversions) != 1 or conversions[0] not in _CONVERSIONS:
        raise bad_argument(
            "format",
            fmt,
            "a printf-style format that shows one number and nothing else, "
            "such as '%d', '%.2f' or '%e'",
            command="number_input",
        )
    return fmt


def number_input(
    label: str,
    min_value: Number | None = None,
    max_value: Number | None = None,
    value: Number | Literal["min"] | None = "min",
    step: Number | None = None,
    format: str | None = None,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    width: str | int = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display a number field; returns an int or a float.

    It holds ints when the numbers you pass are ints, floats otherwise (the
    default, with a step of 0.01). ``value="min"`` starts at ``min_value``
    (or zero); ``value=None`` starts empty and returns ``None``.
    ``required=True`` never commits an empty box; ``icon`` shows inside it.

    Example:
        >>> import rillet as st
        >>> qty = st.number_input("Quantity", min_value=1, max_value=99, value=2)
        >>> price = st.number_input("Price", value=9.5, step=0.5, format="%.2f")
    """
    low, high = _number("min_value", min_value), _number("max_value", max_value)
    increment = _number("step", step)
    start = None if value == "min" else _number("value", value)
    is_int = _is_int({"value": start, "min_value": low, "max_value": high, "step": increment})
    if value == "min":
        start = low if low is not None else (0 if is_int else 0.0)
    if low is not None and high is not None and low > high:
        raise RilletAPIException(
            f"st.number_input: `min_value` ({low!r}) must not be greater than `max_value` ({high!r})."
        )
    if start is not None and low is not None and start < low:
        raise RilletAPIException(
            f"st.number_input: `value` {start!r} is less than `min_value` {low!r}."
        )
    if start is not None and high is not None and start > high:
        raise RilletAPIException(
            f"st.number_input: `value` {start!r} is greater than `max_value` {high!r}."
        )
    if increment is None:
        increment = 1 if is_int else 0.01
    # As Streamlit, a step of 0 or below is taken (the steppers then stay or go down).
    default_format = "%d" if is_int else "%0.2f"
    fmt = _check_format(default_format if format is None else format)
    shown_icon = icon_name(icon or None, "number_input")

    def build(current: Number | None) -> pb.Element:
        element = pb.Element()
        proto = element.number_input
        proto.is_int = is_int
        proto.has_value = current is not None
        proto.value = float(current) if current is not None else 0.0
        proto.has_min, proto.min = low is not None, float(low or 0)
        proto.has_max, proto.max = high is not None, float(high or 0)
        proto.step = float(increment)
        proto.format = fmt
        proto.placeholder = "" if placeholder is None else str(placeholder)
        proto.icon = shown_icon
        proto.required = bool(required)
        set_width(
            element, width, "number_input", content=False
        )  # as Streamlit: pixels or "stretch"
        return element

    def fit(held: Any) -> Any:
        # A number beyond the bounds (from a client or st.session_state)
        # reads as the default, as in Streamlit.
        try:
            beyond = (low is not None and held < low) or (high is not None and held > high)
        except TypeError:  # None, or not a number: shown as it is
            return held
        return start if beyond else held

    return register(
        Widget(
            kind="number_input",
            label=label,
            default=start,
            serde=NumberSerde(is_int),
            build=build,
            identity=(low, high, value, increment, fmt, help, placeholder),
            # Streamlit drops an out-of-range value; a new range is a new widget here.
            key_identity=(low, high),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=value != "min",
            fit=fit,
            bind=bind,
            url=ValueUrl(int if is_int else float),
            persist_state=persist_state,
        )
    )
