"""Data display: json and metric."""

from __future__ import annotations

import json as _json
import numbers
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, get_args

from rillet.api._command import handle
from rillet.api.icons import icon_name
from rillet.api.text import set_width, size_text
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument
from rillet.runtime.widgets import help_text

if TYPE_CHECKING:
    from rillet.api.container import Container

DeltaColor = Literal[
    "normal",
    "inverse",
    "off",
    "red",
    "orange",
    "yellow",
    "green",
    "blue",
    "violet",
    "gray",
    "grey",
    "primary",
]
_DELTA_COLORS: tuple[str, ...] = get_args(DeltaColor)
DeltaArrow = Literal["auto", "up", "down", "off"]


def _serializable(value: Any) -> Any:
    """What ``json.dumps`` writes for a value JSON has no form for: a set as a list, else its repr.

    As Streamlit: ``st.json(np.array([1, 2]))`` shows the text ``"array([1, 2])"``.
    """
    return list(value) if isinstance(value, set) else repr(value)


def _json_text(body: Any) -> tuple[str, str | None]:
    """``body`` as the JSON text ``st.json`` shows, and a warning when keys were left out."""
    import collections
    import types

    if isinstance(body, str):
        return body, None
    module = type(body).__module__ or ""
    if isinstance(body, tuple) and hasattr(body, "_asdict"):  # a namedtuple
        body = body._asdict()
    elif isinstance(body, (collections.ChainMap, types.MappingProxyType, collections.UserDict)):
        body = dict(body)
    elif callable(getattr(body, "to_dict", None)) and not module.startswith(_TABULAR):
        body = body.to_dict()  # st.user, st.query_params, st.context's dicts
    elif isinstance(body, (list, tuple, set, frozenset, range)) or type(body).__name__ in _VIEWS:
        body = list(body)  # not a generator: Streamlit shows its repr
    try:
        return _json.dumps(body, default=_serializable), None
    except TypeError as exc:  # keys JSON cannot hold: left out, with a warning, as Streamlit
        text = _json.dumps(body, skipkeys=True, default=_serializable)
        return text, f"Warning: some keys could not be written as JSON and were left out ({exc})."


_TABULAR = ("pandas", "numpy", "polars", "pyarrow")
_VIEWS = ("dict_keys", "dict_values", "dict_items")


def json(body: Any, *, expanded: bool | int = True, width: str | int = "stretch") -> Container:
    """Display an object or a JSON string as a collapsible tree.

    Example:
        >>> import rillet as st
        >>> st.json({"name": "rillet", "tags": ["fast", "small"]})
    """
    # An int opens that many levels (0: only the root line, negative: all).
    if isinstance(expanded, bool):
        is_open, depth = expanded, -1 if expanded else 0
    elif isinstance(expanded, int):
        is_open, depth = True, expanded
    else:
        raise bad_argument("expanded", expanded, "a bool or an int", command="json")
    element = pb.Element()
    set_width(element, width, "json", content=False)
    text, warning = _json_text(body)
    if warning is not None:
        from rillet.api.alerts import warning as show_warning

        show_warning(warning)
    element.json.body = text
    element.json.expanded = is_open
    element.json.max_expand_depth = depth
    return handle(context.get().emit(element))


def _metric_text(value: Any, argument: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    # Decimal, Fraction and NumPy's numbers register as numbers too (not numpy.bool_).
    if isinstance(value, numbers.Number) or _is_numpy_scalar(value):
        return str(value)
    raise bad_argument(
        argument, value, "an int, float, Decimal, NumPy number, string or None", command="metric"
    )


def _is_numpy_scalar(value: Any) -> bool:
    return type(value).__module__ == "numpy" and getattr(value, "shape", None) == ()


def _is_zero(delta: Any) -> bool:
    # A change of exactly nothing is neither good nor bad: it is grey unless
    # a colour was named.
    if isinstance(delta, str):
        return delta == "0"
    return delta is not None and delta == 0


def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: DeltaColor = "normal",
    *,
    help: str | None = None,
    icon: str | None = None,
    label_visibility: str = "visible",
    border: bool = False,
    width: str | int = "stretch",
    height: str | int = "content",
    chart_data: Any = None,
    chart_type: str = "line",
    delta_arrow: DeltaArrow = "auto",
    format: str | None = None,
    delta_description: str | None = None,
) -> Container:
    """Display a metric in big bold font, with an optional change indicator.

    ``chart_data`` (numbers: a list, NumPy array, pandas Series or one-column
    DataFrame) draws a small ``chart_type`` chart under the value:
    ``"line"``, ``"bar"`` or ``"area"``. ``format`` shows a numeric value and
    delta in a named format (``"plain"``, ``"localized"``, ``"percent"``,
    ``"dollar"``, ``"euro"``, ``"yen"``, ``"accounting"``, ``"bytes"``,
    ``"compact"``, ``"scientific"``, ``"engineering"``) or a printf pattern
    such as ``"%.1f °C"``; ``delta_arrow`` forces the arrow ``"up"``,
    ``"down"`` or ``"off"``; ``delta_description`` is shown after the delta.

    Example:
        >>> import rillet as st
        >>> st.metric("Temperature", "70 °F", "1.2 °F")
    """
    if delta_color not in _DELTA_COLORS:
        raise bad_argument(
            "delta_color",
            delta_color,
            "one of " + ", ".join(repr(c) for c in _DELTA_COLORS),
            command="metric",
        )
    visibility = {"visible": pb.VISIBLE, "hidden": pb.HIDDEN, "collapsed": pb.COLLAPSED}.get(
        label_visibility
    )
    if visibility is None:
        raise bad_argument(
            "label_visibility",
            label_visibility,
            "'visible', 'hidden' or 'collapsed'",
            command="metric",
        )
    if not isinstance(border, bool):
        raise bad_argument("border", border, "True or False", command="metric")
    if delta_arrow not in ("auto", "up", "down", "off"):
        raise bad_argument(
            "delta_arrow", delta_arrow, "'auto', 'up', 'down' or 'off'", command="metric"
        )
    for name, text in (("format", format), ("delta_description", delta_description)):
        if text is not None and not isinstance(text, str):
            raise bad_argument(name, text, "a string or None", command="metric")
    element = pb.Element()
    set_width(element, width, "metric")
    proto = element.metric
    proto.icon = "spinner" if icon == "spinner" else icon_name(icon, "metric")
    proto.height = size_text("height", height, ("content", "stretch"), "metric")
    # A change of exactly nothing (0, 0.0 or the text "0") has no arrow of its own.
    proto.delta_arrow = "off" if delta_arrow == "auto" and _is_zero(delta) else delta_arrow
    proto.format = format or ""
    proto.delta_description = delta_description or ""
    proto.label = "" if label is None else str(label)
    proto.body = "—" if value is None else _metric_text(value, "value")
    proto.delta = _metric_text(delta, "delta").lstrip()
    neutral = _is_zero(delta) and delta_color in ("normal", "inverse")
    proto.delta_color = "off" if neutral else delta_color
    proto.help = help_text(help)
    proto.label_visibility = visibility
    proto.border = border
    if chart_type not in ("line", "bar", "area"):
        raise bad_argument("chart_type", chart_type, "'line', 'bar' or 'area'", command="metric")
    proto.chart_data.extend(_chart_values(chart_data))
    proto.chart_type = chart_type
    return handle(context.get().emit(element))


def _chart_values(data: Any) -> list[float]:
    """``chart_data`` as floats: any sequence of numbers, or a one-column table."""
    if data is None:
        return []
    if hasattr(data, "columns") and hasattr(data, "iloc"):  # a pandas DataFrame: its first column
        data = data.iloc[:, 0] if data.shape[1] else []
    if hasattr(data, "to_list"):  # pandas / Polars Series
        data = data.to_list()
    elif hasattr(data, "tolist"):  # NumPy
        data = data.tolist()
    if isinstance(data, (str, bytes)) or not isinstance(data, Iterable):
        raise bad_argument("chart_data", data, "a sequence of numbers or None", command="metric")
    values = []
    for value in data:
        try:
            if isinstance(value, bool) or value is None:
                raise TypeError
            values.append(float(value))
        except (TypeError, ValueError):
            raise bad_argument(
                "chart_data",
                value,
                "numbers only (one value of the sequence is not)",
                command="metric",
            ) from None
    return values
