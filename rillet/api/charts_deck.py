"""Maps: ``st.pydeck_chart`` (any pydeck ``Deck``) and ``st.map`` (points).

Both send a deck as pydeck's JSON, drawn by deck.gl in the page (a lazy
chunk). ``st.map`` builds a scatterplot layer itself, so it needs neither
pydeck nor a map token. No base map is drawn (tiles need a network
service): the data layers show on a plain background with a note.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from rillet.api._command import handle
from rillet.api.chart_selection import (
    OnSelect,
    SelectionState,
    chart_or_selection,
    check_on_select,
)
from rillet.api.charts_plotly import container_width, missing_library, size_text
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container

EMPTY_DECK = {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}
EMPTY_SELECTION: dict[str, Any] = {"selection": {"indices": {}, "objects": {}}}
LATITUDE_NAMES = ("LAT", "LATITUDE", "lat", "latitude")
LONGITUDE_NAMES = ("LON", "LONGITUDE", "lon", "longitude")
_SELECTION_MODES = ("single-object", "multi-object")
_DEFAULT_RADIUS = 100  # metres
_HEX = re.compile(r"^#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


def _height(height: object, command: str) -> int:
    if isinstance(height, int) and not isinstance(height, bool) and height > 0:
        return height
    raise bad_argument("height", height, "a positive int (pixels)", command=command)


def pydeck_chart(
    pydeck_obj: Any = None,
    *,
    width: int | Literal["stretch"] = "stretch",
    use_container_width: bool | None = None,
    height: int = 500,
    selection_mode: Literal["single-object", "multi-object"] = "single-object",
    on_select: OnSelect = "ignore",
    key: str | int | None = None,
    alt: str | None = None,
) -> Container | SelectionState:
    """Display a deck.gl chart described with pydeck.

    Args:
        pydeck_obj: A ``pydeck.Deck``; ``None`` draws an empty map.
        width: ``"stretch"`` or pixels.
        use_container_width: Deprecated: ``True`` is ``width="stretch"``.
        height: Pixels (default 500).
        selection_mode: ``"single-object"`` or ``"multi-object"``.
        on_select: ``"ignore"``; ``"rerun"`` or a callback make the chart a
            widget returning the picked objects by layer id (give the
            layers an ``id``).
        key: The widget key (with ``on_select``).
        alt: The chart's accessible name.

    Example:
        >>> import pydeck as pdk
        >>> import rillet as st
        >>> layer = pdk.Layer("ScatterplotLayer", [{"lon": 2.35, "lat": 48.85}],
        ...                   get_position=["lon", "lat"], get_radius=500, id="cities")
        >>> st.pydeck_chart(pdk.Deck(layers=[layer]))
    """
    command = "pydeck_chart"
    selectable = check_on_select(on_select, command)
    if selectable and selection_mode not in _SELECTION_MODES:  # Streamlit checks it only then
        raise bad_argument(
            "selection_mode", selection_mode, "'single-object' or 'multi-object'", command=command
        )
    width = _deck_width(use_container_width, width, command)  # type: ignore[assignment]
    width_text = size_text(width, "width", command, ("stretch",))
    pixels = _height(height, command)
    if pydeck_obj is None:
        spec, tooltip = json.dumps(EMPTY_DECK), ""
    elif type(pydeck_obj).__module__.startswith("pydeck") and callable(
        getattr(pydeck_obj, "to_json", None)
    ):
        spec = str(pydeck_obj.to_json())
        raw_tooltip = getattr(pydeck_obj, "_tooltip", None)
        tooltip = "" if raw_tooltip in (None, False) else json.dumps(raw_tooltip, default=str)
    else:
        raise bad_argument("pydeck_obj", pydeck_obj, "a pydeck.Deck, or None", command=command)

    def build(_: object = None) -> pb.Element:
        element = pb.Element()
        chart = element.deck_gl_json_chart
        chart.json, chart.tooltip = spec, tooltip
        chart.width, chart.height = width_text, pixels
        chart.alt = alt or ""
        if selectable:
            chart.selection_mode = selection_mode
        return element

    return chart_or_selection(
        command,
        "Map",
        EMPTY_SELECTION,
        build,
        selectable=selectable,
        spec=spec,
        key=key,
        on_select=on_select,
        identity=(tooltip, selection_mode, width_text, pixels),
        key_identity=(selection_mode,),
    )


# ------------------------------------------------------------------- st.map


def _find_column(columns: Sequence[str], given: str | None, names: Sequence[str], what: str) -> str:
    if given is not None:
        if given not in columns:
            raise bad_argument(
                what,
                given,
                f"a column of the data ({', '.join(repr(c) for c in columns)})",
                command="map",
            )
        return given
    for name in names:
        if name in columns:
            return name
    raise RilletAPIException(
        f"st.map: the data has no {what} column. Name one {', '.join(repr(n) for n in names)}, "
        f"or pass `{what}=` with its name. Columns: {', '.join(repr(c) for c in columns) or 'none'}."
    )


def color_rgba(color: Any) -> list[int] | None:
    """A colour as deck.gl's ``[r, g, b(, a)]`` (0-255), or ``None`` if it is not one.

    Accepts ``"#rgb"``, ``"#rgba"``, ``"#rrggbb"``, ``"#rrggbbaa"`` (always
    four numbers back) and lists or tuples of 3 or 4 components, which keep
    their length: an int is 0-255 (clamped), a float a fraction of 255
    (``0.5`` is 127), as Streamlit reads them.

    Example:
        >>> color_rgba("#ff000080"), color_rgba((0, 128, 255)), color_rgba((255, 0, 0, 0.5))
        ([255, 0, 0, 128], [0, 128, 255], [255, 0, 0, 127])
    """
    if isinstance(color, str):
        match = _HEX.match(color.strip())
        if match is None:
            return None
        digits = match.group(1)
        if len(digits) in (3, 4):
            digits = "".join(d * 2 for d in digits)
        parts = [int(digits[i : i + 2], 16) for i in range(0, len(digits), 2)]
        return parts + [255] * (4 - len(parts))
    if hasattr(color, "tolist"):  # a numpy array in a colour column
        color = color.tolist()
    if isinstance(color, (list, tuple)) and len(color) in (3, 4):
        if not all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in color):
            return None
        return [_channel(c) for c in color]
    return None


def _channel(value: float) -> int:
    if isinstance(value, float):
        return int(min(max(value, 0.0), 1.0) * 255)
    return min(max(int(value), 0), 255)


def _deck_width(use_container_width: bool | None, width: object, command: str) -> object:
    """The width of a map: ``use_container_width=False`` keeps ``width`` (a map has no
    size of its own to shrink to), as in Streamlit 1.67."""
    given = container_width(use_container_width, width, command)
    return width if use_container_width is False else given


def zoom_for(lat_range: float, lon_range: float) -> int:
    """A zoom level that shows a span of degrees whole (12 for a single point).

    Each zoom level halves the degrees a map shows, from 360 at level 0.

    Example:
        >>> zoom_for(0, 0), zoom_for(1, 1), zoom_for(90, 180), zoom_for(0.002, 0.001)
        (12, 8, 1, 17)
    """
    span = max(lat_range, lon_range)
    if span <= 0:
        return 12
    return max(0, min(20, math.floor(math.log2(360 / span))))


def map(
    data: Any = None,
    *,
    latitude: str | None = None,
    longitude: str | None = None,
    color: str | tuple[float, ...] | None = None,
    size: str | float | None = None,
    zoom: int | None = None,
    width: int | Literal["stretch"] = "stretch",
    height: int = 500,
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> Container:
    """Display points on a map.

    Args:
        data: A data frame (or anything ``pandas.DataFrame`` takes) with
            latitude and longitude columns, found by name (``lat``,
            ``latitude``, ``LAT``, ``LATITUDE``; ``lon``, ``longitude``,
            ``LON``, ``LONGITUDE``) unless named below.
        latitude: The latitude column.
        longitude: The longitude column.
        color: One colour (``"#ff0000"``, ``"#ff000080"``, ``(255, 0, 0)``)
            or a column of colours. Default: the theme's primary colour.
        size: The points' radius in metres, or a column of radii.
        zoom: The initial zoom; default: fit the points.
        width: ``"stretch"`` or pixels.
        height: Pixels (default 500).
        use_container_width: Deprecated: ``True`` is ``width="stretch"``.
        alt: The map's accessible name.

    Example:
        >>> import pandas as pd
        >>> import rillet as st
        >>> st.map(pd.DataFrame({"lat": [48.85, 51.5], "lon": [2.35, -0.12]}), size=2000)
    """
    width = _deck_width(use_container_width, width, "map")  # type: ignore[assignment]
    width_text = size_text(width, "width", "map", ("stretch",))
    pixels = _height(height, "map")
    if zoom is not None and (isinstance(zoom, bool) or not isinstance(zoom, (int, float))):
        raise bad_argument("zoom", zoom, "a number (0: the whole world), or None", command="map")
    spec: dict[str, Any] = dict(EMPTY_DECK)
    if data is not None:
        spec = _map_spec(data, latitude, longitude, color, size, zoom)
    element = pb.Element()
    chart = element.deck_gl_json_chart
    chart.json = json.dumps(spec)
    chart.width, chart.height = width_text, pixels
    chart.alt = alt or ""
    return handle(context.get().emit(element))


def _map_spec(
    data: Any,
    latitude: str | None,
    longitude: str | None,
    color: Any,
    size: Any,
    zoom: int | None,
) -> dict[str, Any]:
    try:
        import pandas as pd
    except ImportError:
        raise missing_library("map", "pandas", "pandas") from None
    try:
        frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame(data)
    except (ValueError, TypeError) as exc:
        raise bad_argument(
            "data", data, f"a data frame or what pandas.DataFrame takes ({exc})", command="map"
        ) from None
    columns = [str(c) for c in frame.columns]
    frame.columns = columns
    lat = _find_column(columns, latitude, LATITUDE_NAMES, "latitude")
    lon = _find_column(columns, longitude, LONGITUDE_NAMES, "longitude")
    used = [lat, lon]
    layer: dict[str, Any] = {"@@type": "ScatterplotLayer", "getPosition": f"@@=[{lon}, {lat}]"}
    if isinstance(size, str) and size in columns:
        layer["getRadius"] = f"@@={size}"
        used.append(size)
    elif isinstance(size, str):  # Streamlit 1.67 passes other text on as it is (deck.gl: no radius)
        layer["getRadius"] = size
    elif size is None:
        layer["getRadius"] = _DEFAULT_RADIUS
    elif isinstance(size, (int, float)) and not isinstance(size, bool) and size >= 0:
        layer["getRadius"] = size
    else:
        raise bad_argument("size", size, "a number (metres) or a column of the data", command="map")
    layer["radiusMinPixels"] = 3
    layer["radiusUnits"] = "meters"
    color_column = None
    if color is None:
        layer["getFillColor"] = "primary"
    elif isinstance(color, str) and color in columns:
        color_column = color
        layer["getFillColor"] = f"@@={color}"
        used.append(color)
    else:
        rgba = color_rgba(color)
        if rgba is None:
            raise bad_argument(
                "color",
                color,
                "a colour ('#rrggbb', '#rrggbbaa' or an (r, g, b[, a]) tuple) or a column of the data",
                command="map",
            )
        layer["getFillColor"] = rgba
    points = frame[list(dict.fromkeys(used))]
    for column in (lat, lon):
        if points[column].isnull().any():
            raise RilletAPIException(
                f"st.map: the {column!r} column has empty values (NaN or None); "
                "drop or fill those rows first."
            )
        if not pd.api.types.is_numeric_dtype(points[column]):
            raise bad_argument(
                column, str(points[column].dtype), "a column of numbers", command="map"
            )
    records = points.to_dict(orient="records")
    if color_column is not None:
        for record in records:
            rgba = color_rgba(record[color_column])
            if rgba is None:
                raise bad_argument(
                    "color",
                    record[color_column],
                    f"colours in the {color_column!r} column ('#rrggbb' or (r, g, b[, a]))",
                    command="map",
                )
            record[color_column] = rgba
    layer["data"] = records
    if not records:
        return {"initialViewState": dict(EMPTY_DECK["initialViewState"]), "layers": [layer]}
    lat_min, lat_max = float(points[lat].min()), float(points[lat].max())
    lon_min, lon_max = float(points[lon].min()), float(points[lon].max())
    view = {
        "latitude": (lat_min + lat_max) / 2,
        "longitude": (lon_min + lon_max) / 2,
        "pitch": 0,
        "zoom": zoom if zoom is not None else zoom_for(lat_max - lat_min, lon_max - lon_min),
    }
    return {"initialViewState": view, "layers": [layer]}
