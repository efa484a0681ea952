"""Data display: json and metric."""

from __future__ import annotations

import json as _json
from typing import TYPE_CHECKING, Any, Literal

from rillet.api._command import handle
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container

_DELTA_COLORS = (
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
)


def _to_jsonable(value: Any) -> Any:
    if hasattr(value, "to_dict") and callable(value.to_dict):
        return value.to_dict()
    if hasattr(value, "tolist") and callable(value.tolist):
        return value.tolist()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=repr)
    return str(value)


def json(body: Any, *, expanded: bool | int = True, width: str | int = "stretch") -> Container:
    """Display an object or a JSON string as a collapsible tree.

    Example:
        >>> import rillet as st
        >>> st.json({"name": "rillet", "tags": ["fast", "small"]})
    """
    if isinstance(expanded, bool):
        depth = -1 if expanded else 0
    elif isinstance(expanded, int) and expanded >= 0:
        depth = expanded
    else:
        raise bad_argument("expanded", expanded, "a bool or a non-negative int", command="json")
    text = body if isinstance(body, str) else _json.dumps(body, default=_to_jsonable)
    element = pb.Element()
    element.json.body = text
    element.json.expanded = depth != 0
    element.json.max_expand_depth = depth
    return handle(context.get().emit(element))


def _metric_text(value: Any, argument: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        return str(value)
    if hasattr(value, "item"):  # numpy scalars
        return str(value.item())
    raise bad_argument(argument, value, "an int, float, string or None", command="metric")


def metric(
    label: str,
    value: Any,
    delta: Any = None,
    delta_color: Literal["normal", "inverse", "off"] = "normal",
    *,
    help: str | None = None,
    label_visibility: str = "visible",
    border: bool = False,
    width: str | int = "stretch",
) -> Container:
    """Display a metric in big bold font, with an optional change indicator.

    Example:
        >>> import rillet as st
        >>> st.metric("Temperature", "70 °F", "1.2 °F")
    """
    if not isinstance(label, str):
        raise bad_argument("label", label, "a string", command="metric")
    if delta_color not in _DELTA_COLORS:
        raise bad_argument(
            "delta_color", delta_color, "'normal', 'inverse' or 'off'", command="metric"
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
    element = pb.Element()
    proto = element.metric
    proto.label = label
    proto.body = "—" if value is None else _metric_text(value, "value")
    proto.delta = _metric_text(delta, "delta")
    proto.delta_color = delta_color
    proto.help = help or ""
    proto.label_visibility = visibility
    proto.border = border
    return handle(context.get().emit(element))
