"""``st.echarts_chart``: an Apache ECharts option, drawn by ECharts in the page.

The option travels as JSON: a dict is dumped, a JSON string checked and
sent as written, a pyecharts chart (anything with ``dump_options``) asked
for its own JSON. With ``on_select`` the chart is a widget returning the
native (``selectedMode``) and brushed selection, grouped by series.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal

from rillet.api.chart_selection import (
    OnSelect,
    SelectionState,
    chart_or_selection,
    check_on_select,
)
from rillet.api.charts_plotly import size_text
from rillet.api.charts_vega import chart_colors
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container

_LOG = logging.getLogger(__name__)
_COMMAND = "echarts_chart"
EMPTY_SELECTION: dict[str, Any] = {"selection": {"selected": [], "areas": []}}


def option_json(spec: Any) -> tuple[str, Any]:
    """The option as JSON text, and as Python data (to look into).

    Example:
        >>> option_json({"series": [{"type": "bar", "data": [1, 2]}]})[0]
        '{"series": [{"type": "bar", "data": [1, 2]}]}'
    """
    accepted = "a dict, a JSON string or a pyecharts chart"
    if isinstance(spec, Mapping):
        try:
            return json.dumps(spec), spec
        except (TypeError, ValueError) as exc:
            raise bad_argument(
                "spec", spec, f"{accepted} of JSON values ({exc})", command=_COMMAND
            ) from None
    if isinstance(spec, str):
        text = spec
    elif callable(getattr(spec, "dump_options", None)):
        text = str(spec.dump_options())
    else:
        raise bad_argument("spec", spec, accepted, command=_COMMAND)
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise RilletAPIException(f"st.{_COMMAND}: `spec` is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise bad_argument("spec", spec, f"{accepted} holding a JSON object", command=_COMMAND)
    return text, data


def _selects(option: Mapping[str, Any]) -> bool:
    """Whether the option lets the user select anything (``selectedMode`` or a brush)."""
    series = option.get("series") or []
    series = [series] if isinstance(series, Mapping) else series
    if any(isinstance(s, Mapping) and s.get("selectedMode") for s in series):
        return True
    if option.get("brush") is not None:
        return True
    toolbox = option.get("toolbox")
    for box in [toolbox] if isinstance(toolbox, Mapping) else toolbox or []:
        feature = box.get("feature") if isinstance(box, Mapping) else None
        if isinstance(feature, Mapping) and feature.get("brush") is not None:
            return True
    return False


def echarts_chart(
    spec: Any,
    *,
    width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["content"] = "content",
    theme: Literal["streamlit"] | None = "streamlit",
    key: str | int | None = None,
    on_select: OnSelect = "ignore",
    renderer: Literal["canvas", "svg"] = "canvas",
    alt: str | None = None,
) -> Container | SelectionState:
    """Display an Apache ECharts chart.

    Args:
        spec: The ECharts option: a dict, a JSON string or a pyecharts chart.
        width: ``"stretch"``, ``"content"`` or pixels.
        height: ``"content"`` (400 px) or pixels.
        theme: ``"streamlit"`` draws in the app's colours; ``None`` keeps
            ECharts' look.
        key: The widget key (with ``on_select``).
        on_select: ``"ignore"``; ``"rerun"`` or a callback make the chart a
            widget returning ``{"selection": {"selected", "areas"}}``. The
            option must allow selecting (a series' ``selectedMode``, or a brush).
        renderer: ``"canvas"`` or ``"svg"``.
        alt: The chart's accessible name.

    Example:
        >>> import rillet as st
        >>> st.echarts_chart({
        ...     "xAxis": {"type": "category", "data": ["Mon", "Tue", "Wed"]},
        ...     "yAxis": {"type": "value"},
        ...     "series": [{"type": "bar", "data": [120, 200, 150]}],
        ... })
    """
    if theme not in ("streamlit", None):
        raise bad_argument("theme", theme, "'streamlit' or None", command=_COMMAND)
    if renderer not in ("canvas", "svg"):
        raise bad_argument("renderer", renderer, "'canvas' or 'svg'", command=_COMMAND)
    selectable = check_on_select(on_select, _COMMAND)
    width_text = size_text(width, "width", _COMMAND, ("stretch", "content"))
    height_text = size_text(height, "height", _COMMAND, ("content",))
    text, option = option_json(spec)
    colors = chart_colors() if theme == "streamlit" else ""
    if selectable and not _selects(option):
        _LOG.warning(
            "st.echarts_chart: `on_select` is set but the option lets nothing be selected "
            "(no series has `selectedMode`, and there is no `brush`); the selection stays empty."
        )

    def build(_: object = None) -> pb.Element:
        element = pb.Element()
        chart = element.echarts_chart
        chart.spec, chart.theme, chart.renderer = text, theme or "", renderer
        chart.width, chart.height = width_text, height_text
        chart.selection_activated = selectable
        chart.alt = alt or ""
        chart.colors = colors
        return element

    return chart_or_selection(
        _COMMAND,
        "ECharts chart",
        EMPTY_SELECTION,
        build,
        selectable=selectable,
        spec=text,
        key=key,
        on_select=on_select,
        identity=(theme, renderer, width_text, height_text),
        key_identity=(),
    )
