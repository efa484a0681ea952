"""``st.plotly_chart``: a Plotly figure, drawn by plotly.js in the page.

The figure travels as Plotly's own JSON (``plotly.io.to_json``, typed
arrays as base64 as Plotly writes them). With ``theme="streamlit"`` a
figure that kept Plotly's default template is sent without it, and the
page applies its own colours and font instead (following light/dark live).
The server tells the page whether every trace fits plotly.js's cartesian
bundle, so that only figures that need more load the full library.

Plotly is imported only here, when a chart is drawn.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from rillet.api.chart_selection import (
    OnSelect,
    SelectionState,
    chart_or_selection,
    check_on_select,
)
from rillet.api.charts_vega import chart_colors
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container

_LOG = logging.getLogger(__name__)
_COMMAND = "plotly_chart"
_MODES = ("points", "box", "lasso")
# The trace types in plotly.js's cartesian partial bundle; any other needs the full one.
CARTESIAN_TRACES = frozenset(
    {
        "bar",
        "box",
        "contour",
        "heatmap",
        "histogram",
        "histogram2d",
        "histogram2dcontour",
        "image",
        "pie",
        "scatter",
        "scatterternary",
        "violin",
    }
)
EMPTY_SELECTION: dict[str, Any] = {
    "selection": {"points": [], "point_indices": [], "box": [], "lasso": []}
}
_ACCEPTS = "a Plotly figure (plotly.graph_objects.Figure), or a dict or list of traces"


def missing_library(command: str, package: str, what: str) -> RilletAPIException:
    """The error for a chart library that is not installed, with its install command.

    Example:
        >>> str(missing_library("plotly_chart", "plotly", "Plotly"))[:40]
        'st.plotly_chart needs Plotly, which is n'
    """
    return RilletAPIException(
        f"st.{command} needs {what}, which is not installed. Install it with: pip install {package}"
    )


@lru_cache(maxsize=8)
def _template_json(name: str) -> str:
    import plotly.io as pio

    return json.dumps(pio.templates[name].to_plotly_json(), sort_keys=True, default=str)


def figure_json(figure_or_data: Any, theme: str | None) -> tuple[str, bool]:
    """The figure as Plotly JSON, and whether it needs the full plotly.js bundle.

    Example:
        >>> spec, full = figure_json({"data": [{"type": "bar", "y": [1, 2]}]}, None)
        >>> json.loads(spec)["data"][0]["type"], full
        ('bar', False)
    """
    module = type(figure_or_data).__module__
    if module.startswith("matplotlib"):
        raise bad_argument(
            "figure_or_data",
            figure_or_data,
            f"{_ACCEPTS}; draw a Matplotlib figure with st.pyplot",
            command=_COMMAND,
        )
    try:
        import plotly.graph_objects as go
        import plotly.io as pio
    except ImportError:
        raise missing_library(_COMMAND, "plotly", "Plotly") from None
    if isinstance(figure_or_data, go.Figure) or (
        module.startswith("plotly") and hasattr(figure_or_data, "to_dict")
    ):
        figure = figure_or_data
    elif isinstance(figure_or_data, (dict, list, tuple)):
        try:
            figure = go.Figure(figure_or_data)
        except ValueError as exc:
            raise RilletAPIException(
                f"st.{_COMMAND}: `figure_or_data` is not a valid Plotly figure: {exc}"
            ) from None
    else:
        raise bad_argument("figure_or_data", figure_or_data, _ACCEPTS, command=_COMMAND)
    spec = figure.to_dict()
    layout = spec.setdefault("layout", {})
    template = layout.get("template")
    if theme == "streamlit" and template is not None and pio.templates.default:
        default = _template_json(str(pio.templates.default))
        if json.dumps(template, sort_keys=True, default=str) == default:
            del layout["template"]  # the page applies its theme instead
    traces = {str(trace.get("type") or "scatter") for trace in spec.get("data", [])}
    return pio.to_json(spec, validate=False), not traces <= CARTESIAN_TRACES


def _modes(selection_mode: object) -> list[str]:
    modes = [selection_mode] if isinstance(selection_mode, str) else selection_mode
    accepted = "'points', 'box' or 'lasso', or a list of them"
    if not isinstance(modes, Iterable):
        raise bad_argument("selection_mode", selection_mode, accepted, command=_COMMAND)
    out: list[str] = []
    for mode in modes:
        if mode not in _MODES:
            raise bad_argument("selection_mode", selection_mode, accepted, command=_COMMAND)
        if mode not in out:
            out.append(str(mode))
    if not out:
        raise bad_argument("selection_mode", selection_mode, accepted, command=_COMMAND)
    return [mode for mode in _MODES if mode in out]  # in one order, as Streamlit sends them


def size_text(value: object, argument: str, command: str, named: tuple[str, ...]) -> str:
    """A ``width``/``height`` as the wire has it: a named size or pixels as digits.

    Example:
        >>> size_text(300, "width", "plotly_chart", ("stretch", "content"))
        '300'
    """
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return str(value)
    if isinstance(value, str) and value in named:
        return value
    words = " or ".join(repr(n) for n in named)
    raise bad_argument(argument, value, f"a positive int (pixels) or {words}", command=command)


def container_width(use_container_width: bool | None, width: object, command: str) -> object:
    """``use_container_width`` (deprecated in 1.67 for ``width``) as a ``width``."""
    if use_container_width is None:
        return width
    _LOG.warning(
        "st.%s: `use_container_width` is deprecated; use width='stretch' (for True) "
        "or width='content' (for False).",
        command,
    )
    return "stretch" if use_container_width else "content"


def plotly_chart(
    figure_or_data: Any,
    use_container_width: bool | None = None,
    *,
    width: int | Literal["stretch", "content"] = "stretch",
    height: int | Literal["content", "stretch"] = "content",
    theme: Literal["streamlit"] | None = "streamlit",
    key: str | int | None = None,
    on_select: OnSelect = "ignore",
    selection_mode: str | Iterable[str] = ("points", "box", "lasso"),
    config: dict[str, Any] | None = None,
    alt: str | None = None,
) -> Container | SelectionState:
    """Display an interactive Plotly chart.

    Args:
        figure_or_data: A Plotly figure, or a dict (``{"data": [...],
            "layout": {...}}``) or list of traces.
        use_container_width: Deprecated: ``True`` is ``width="stretch"``.
        width: ``"stretch"`` (the container's width), ``"content"`` (the
            figure's own) or pixels.
        height: ``"content"`` (the figure's own, else 450 px), ``"stretch"``
            or pixels.
        theme: ``"streamlit"`` draws in the app's colours; ``None`` keeps
            Plotly's look.
        key: The widget key (with ``on_select``).
        on_select: ``"ignore"``; ``"rerun"`` or a callback make the chart a
            widget that returns its selection.
        selection_mode: Which selections the user may make: ``"points"``,
            ``"box"``, ``"lasso"`` (one or several).
        config: plotly.js config options (``{"displayModeBar": False}``).
        alt: The chart's accessible name.

    Returns:
        The chart's container, or with ``on_select`` its selection:
        ``{"selection": {"points", "point_indices", "box", "lasso"}}``.

    Example:
        >>> import plotly.express as px
        >>> import rillet as st
        >>> fig = px.scatter(x=[1, 2, 3], y=[3, 1, 2])
        >>> event = st.plotly_chart(fig, on_select="rerun", key="scatter")
        >>> st.write(event.selection.point_indices)
    """
    if theme not in ("streamlit", None):
        raise bad_argument("theme", theme, "'streamlit' or None", command=_COMMAND)
    selectable = check_on_select(on_select, _COMMAND)
    modes = _modes(selection_mode)
    if config is not None and not isinstance(config, dict):
        raise bad_argument(
            "config", config, "a dict of plotly.js options, or None", command=_COMMAND
        )
    width = container_width(use_container_width, width, _COMMAND)  # type: ignore[assignment]
    width_text = size_text(width, "width", _COMMAND, ("stretch", "content"))
    height_text = size_text(height, "height", _COMMAND, ("content", "stretch"))
    spec, full = figure_json(figure_or_data, theme)
    colors = chart_colors() if theme == "streamlit" else ""
    try:
        config_text = json.dumps(config) if config else ""
    except TypeError as exc:
        raise bad_argument(
            "config", config, f"JSON-serialisable options ({exc})", command=_COMMAND
        ) from None

    def build(_: object = None) -> pb.Element:
        element = pb.Element()
        chart = element.plotly_chart
        chart.spec = spec
        chart.config = config_text
        chart.theme = theme or ""
        chart.width, chart.height = width_text, height_text
        chart.full_bundle = full
        chart.alt = alt or ""
        chart.colors = colors
        if selectable:
            chart.selection_mode.extend(modes)
        return element

    return chart_or_selection(
        _COMMAND,
        "Plotly chart",
        EMPTY_SELECTION,
        build,
        selectable=selectable,
        spec=spec,
        key=key,
        on_select=on_select,
        identity=(config_text, theme, tuple(modes), width_text, height_text),
        key_identity=(tuple(modes),),
    )
