"""The built-in charts: ``st.line_chart``, ``st.area_chart``, ``st.bar_chart``, ``st.scatter_chart``.

Each builds a Vega-Lite spec on the script side that means what Streamlit
1.67's does (the same marks, encodings, scales, tooltips, legends and
interactions; ``tests/compat/test_vega_charts.py`` compares them) and sends
it as a ``VegaLiteChart`` (``rillet.api.charts_vega``).

Wide data (several ``y`` columns) is sent wide, once per row, and folded
into long form by Vega-Lite's ``fold`` transform in the page: the fields the
encodings read are the same as after a melt, for half the bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from rillet.api.charts_vega import chart_colors, emit_chart, size_text, to_frame
from rillet.dataframes.kept import KeptByBytes
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.digest import blake2b
from rillet.runtime.errors import RilletAPIException, bad_argument

if TYPE_CHECKING:
    import pandas as pd

    from rillet.api.container import Container

# The names of generated fields (as in Streamlit's specs, so that specs compare).
INDEX = "index -- streamlit-generated"
COLOR = "color -- streamlit-generated"
VALUE = "value -- streamlit-generated"
DATASET = "source"

Kind = Literal["line", "area", "bar", "scatter"]
Stack = bool | Literal["normalize", "center", "layered"] | None
_MARK = {"line": "line", "area": "area", "bar": "bar", "scatter": "circle"}
_LEGEND = {"titlePadding": 5, "offset": 5, "orient": "bottom"}
_SIZE_LEGEND = {"titlePadding": 0.5, "offset": 5, "orient": "bottom"}
_HEX = re.compile(r"^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_FUNC = re.compile(r"^(?:rgb|rgba|hsl|hsla)\(.*\)$")


def is_color(value: object) -> bool:
    """A colour the charts accept: ``#rgb[a]``/``#rrggbb[aa]``, ``rgb(...)``, or an RGB(A) tuple.

    Example:
        >>> is_color("#ff0000"), is_color((255, 0, 0)), is_color("red!")
        (True, True, False)
    """
    if isinstance(value, str):
        return bool(_HEX.match(value) or _FUNC.match(value.replace(" ", "")))
    if isinstance(value, (tuple, list)) and len(value) in (3, 4):
        return all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
    return False


def _css_color(value: Any) -> str:
    if isinstance(value, str):
        return value
    parts = [float(v) for v in value]
    if all(v <= 1 for v in parts[:3]) and any(isinstance(v, float) for v in value[:3]):
        parts[:3] = [v * 255 for v in parts[:3]]
    rgb = ", ".join(str(round(v)) for v in parts[:3])
    return f"rgba({rgb}, {parts[3]:g})" if len(parts) == 4 else f"rgb({rgb})"


@dataclass
class ChartParams:
    """Everything one built-in chart command was given."""

    kind: Kind
    command: str
    x: str | None = None
    y: str | Sequence[str] | None = None
    x_label: str | None = None
    y_label: str | None = None
    color: Any = None
    size: Any = None
    stack: Stack = None
    horizontal: bool = False
    sort: bool | str = True
    width: Any = "stretch"
    height: Any = "content"
    use_container_width: bool | None = None
    alt: str | None = None


@dataclass
class _Field:
    name: str
    type: str
    integer: bool = False
    tooltip_title: str | None = None
    tooltip_type: str | None = None  # when it differs from the axis (bars: ordinal axis)
    extra: dict[str, Any] = field(default_factory=dict)


def chart_spec(data: Any, params: ChartParams) -> tuple[dict[str, Any], pd.DataFrame]:
    """The Vega-Lite spec and the dataset (named ``source``) for one built-in chart."""
    import pandas as pd

    command = params.command
    for argument, label in (("x_label", params.x_label), ("y_label", params.y_label)):
        if label is not None and not isinstance(label, (str, list, tuple)):
            raise bad_argument(
                argument, label, "a string (the axis title) or None", command=command
            )
    frame = to_frame(data, command)
    columns = list(frame.columns)
    if not columns and params.x is None and params.y is None:
        return _empty_spec(params), frame
    _check_column("x", params.x, columns, command)
    y_cols = _y_columns(params, columns)
    color_column = _color_column(params.color, columns)
    size_column = params.size if isinstance(params.size, str) and params.size in columns else None
    if isinstance(params.size, str) and size_column is None:
        _check_column("size", params.size, columns, command)
    if (params.size is not None and size_column is None) and (
        isinstance(params.size, bool) or not isinstance(params.size, (int, float))
    ):
        raise bad_argument(
            "size", params.size, "a column name or a number (pixels²)", command=command
        )
    melt = len(y_cols) > 1 or (len(y_cols) == 0 and params.y is None and not frame.empty)
    if melt and params.x is not None:
        y_cols = [c for c in y_cols if c != params.x]  # x is not also a series
    if melt:
        color_column = None  # several y columns: the series are the colours

    # The x data: a column, or the index.
    source = pd.DataFrame(index=range(len(frame)))
    if params.x is None:
        index = frame.index
        x_name = INDEX if index.name is None else str(index.name)
        source[x_name] = index.to_numpy()
        x_series = source[x_name]
        x_title = ""
        x_tip_title = "index" if index.name is None else None
    else:
        x_name = params.x
        x_series = frame[x_name].reset_index(drop=True)
        source[x_name] = x_series
        x_title = x_name
        x_tip_title = None
    for col in y_cols + [c for c in (color_column, size_column) if c is not None]:
        if col not in source.columns:
            source[col] = frame[col].reset_index(drop=True)
    if params.x_label is not None:
        x_title = params.x_label

    category_kind = "bar" if params.kind == "bar" else "other"
    x_field = _Field(
        x_name, _vega_type(x_series, category_kind), _is_integer(x_series), x_tip_title
    )
    x_field.tooltip_type = _vega_type(x_series, "other")

    # The y data: one column, or several folded into (colour, value).
    spec: dict[str, Any] = {}
    if melt:
        values = frame[y_cols]
        y_field = _Field(
            VALUE,
            _melted_type(values),
            all(_is_integer(values[c]) for c in y_cols),
            "value",
        )
        y_title = ""
        spec["transform"] = [{"fold": list(y_cols), "as": [COLOR, VALUE]}]
    elif y_cols:
        y_series = frame[y_cols[0]]
        y_field = _Field(y_cols[0], _vega_type(y_series, "other"), _is_integer(y_series))
        explicit = isinstance(params.y, str) or (
            isinstance(params.y, Sequence) and len(params.y) == 1
        )
        y_title = y_cols[0] if explicit else ""
    else:
        y_field = _Field(VALUE, "quantitative", False, "value")
        y_title = ""
    if params.y_label is not None:
        y_title = params.y_label

    if melt and y_field.type == "nominal":
        # Mixed columns fold into one column of text, as Streamlit shows them.
        for col in y_cols:
            text = frame[col].reset_index(drop=True)
            source[col] = text.astype(object).map(str).where(text.notna(), None)

    encoding = _encoding(
        params, x_field, x_title, y_field, y_title, melt, y_cols, color_column, frame
    )
    mark = _MARK[params.kind]
    if params.kind == "line":
        points = len(frame) * (len(y_cols) if melt else 1)
        spec.update(_line_layers(encoding, x_field.name, points))
        spec["config"] = {"legend": {"symbolType": "stroke"}}
    else:
        spec["mark"] = {"type": mark}
        spec["encoding"] = encoding
        spec["params"] = [
            {
                "name": "param_1",
                "select": {"type": "interval", "encodings": ["x", "y"]},
                "bind": "scales",
            }
        ]
    spec["data"] = {"name": DATASET}
    spec["width"] = _pixels(params.width)
    spec["height"] = _pixels(params.height)
    spec["autosize"] = {"type": "fit", "contains": "padding"}
    used = [x_field.name, color_column, size_column, *([] if melt else y_cols)]
    return _plain_fields(spec, source, [c for c in used if c is not None])


# Characters Vega-Lite reads as a path in a field name ("a.b" is b inside a).
_PATH_CHARS = re.compile(r"[.\[\]\\]")


def _plain_fields(
    spec: dict[str, Any], source: pd.DataFrame, used: list[str]
) -> tuple[dict[str, Any], pd.DataFrame]:
    """Columns whose names Vega-Lite would read as paths, renamed as Streamlit renames them.

    The ``i``-th column the chart uses (x, colour, size, then y) becomes
    ``col -- streamlit-generated-i`` and keeps its name as its title; folded
    columns stay as they are, escaped in the ``fold`` transform.
    """
    for transform in spec.get("transform", ()):
        if "fold" in transform:
            transform["fold"] = [
                _PATH_CHARS.sub(lambda m: "\\" + m.group(0), c) for c in transform["fold"]
            ]
    names = {
        name: f"col -- streamlit-generated-{i}"
        for i, name in enumerate(dict.fromkeys(used))
        if _PATH_CHARS.search(name)
    }
    if not names:
        return spec, source

    def visit(node: Any, key: str = "") -> None:
        if isinstance(node, list):
            for item in node:
                visit(item, key)
        elif isinstance(node, dict):
            name = node.get("field")
            if isinstance(name, str) and name in names:
                node["field"] = names[name]
                if key != "sort":
                    node.setdefault("title", name)
            fields = node.get("fields")  # a point selection's fields
            if isinstance(fields, list):
                node["fields"] = [names.get(f, f) if isinstance(f, str) else f for f in fields]
            for inner, value in node.items():
                if inner != "transform":
                    visit(value, inner)

    visit(spec)
    return spec, source.rename(columns=names)


# The field an empty chart's axes name, as in Streamlit's spec: no data has it.
NO_FIELD = "DOES_NOT_EXIST -- streamlit-generated"


def _empty_spec(params: ChartParams) -> dict[str, Any]:
    """The spec of a chart of a table with no columns: empty axes, as Streamlit draws it."""
    encoding: dict[str, Any] = {}
    if params.kind == "scatter":
        encoding["size"] = {"value": 100}
    for channel, grid in (("x", False), ("y", True)):
        encoding[channel] = {
            "axis": {"grid": grid},
            "field": NO_FIELD,
            "scale": {},
            "title": "",
            "type": "quantitative",
        }
    return {
        "mark": {"type": _MARK[params.kind]},
        "encoding": encoding,
        "data": {"name": DATASET},
        "height": _pixels(params.height),
        "params": [
            {
                "name": "param_1",
                "select": {"type": "interval", "encodings": ["x", "y"]},
                "bind": "scales",
            }
        ],
        "width": _pixels(params.width),
        "autosize": {"type": "fit", "contains": "padding"},
    }


def _pixels(size: object) -> int:
    """A width or height in the spec: the pixels given, or 0 (the element sizes it)."""
    return size if isinstance(size, int) and not isinstance(size, bool) else 0


def _check_column(argument: str, value: Any, columns: list[str], command: str) -> None:
    if value is None:
        return
    if not isinstance(value, str) or value not in columns:
        available = ", ".join(columns) if columns else "none"
        raise bad_argument(
            argument,
            value,
            f"the name of a column of `data` (columns: {available})",
            command=command,
        )


def _y_columns(params: ChartParams, columns: list[str]) -> list[str]:
    y = params.y
    if y is None:
        skip = {params.x, params.size if isinstance(params.size, str) else None}
        if isinstance(params.color, str) and params.color in columns:
            skip.add(params.color)
        return [c for c in columns if c not in skip]
    names = [y] if isinstance(y, str) else list(y) if isinstance(y, Sequence) else None
    if names is None:
        raise bad_argument(
            "y", y, "a column name, a list of column names, or None", command=params.command
        )
    for name in names:
        if not isinstance(name, str) or name not in columns:
            available = ", ".join(columns) if columns else "none"
            raise bad_argument(
                "y", y, f"column names of `data` (columns: {available})", command=params.command
            )
    return names


def _color_column(color: Any, columns: list[str]) -> str | None:
    return color if isinstance(color, str) and color in columns else None


def _is_integer(series: pd.Series) -> bool:
    import pandas as pd

    dtype = series.dtype
    return bool(pd.api.types.is_integer_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype))


def _vega_type(series: pd.Series, role: str) -> str:
    """The Vega-Lite type of a column: temporal, quantitative, or nominal/ordinal for categories."""
    import pandas as pd

    dtype = series.dtype
    if pd.api.types.is_datetime64_any_dtype(dtype) or _holds_dates(series):
        return "temporal"
    if role == "bar":
        return "ordinal"
    if pd.api.types.is_bool_dtype(dtype):
        return "nominal"
    if pd.api.types.is_numeric_dtype(dtype):
        return "quantitative"
    return "nominal"


def _holds_dates(series: pd.Series) -> bool:
    import datetime as dt

    if series.dtype != object or series.empty:
        return False
    first = series.dropna()
    return not first.empty and all(isinstance(v, (dt.date, dt.datetime)) for v in first.iloc[:20])


def _melted_type(values: pd.DataFrame) -> str:
    import pandas as pd

    dtypes = list(values.dtypes)
    if dtypes and all(
        pd.api.types.is_numeric_dtype(d) and not pd.api.types.is_bool_dtype(d) for d in dtypes
    ):
        return "quantitative"
    if dtypes and all(pd.api.types.is_datetime64_any_dtype(d) for d in dtypes):
        return "temporal"
    return "nominal"


def _axis(grid: bool, item: _Field) -> dict[str, Any]:
    axis: dict[str, Any] = {"grid": grid}
    if item.integer and item.type != "temporal":
        axis["tickMinStep"] = 1
    return axis


def _tip(item: _Field) -> dict[str, Any]:
    tip: dict[str, Any] = {"field": item.name}
    if item.tooltip_title is not None:
        tip["title"] = item.tooltip_title
    tip["type"] = item.tooltip_type or item.type
    return tip


def _encoding(
    params: ChartParams,
    x_field: _Field,
    x_title: str,
    y_field: _Field,
    y_title: str,
    melt: bool,
    y_cols: list[str],
    color_column: str | None,
    frame: pd.DataFrame,
) -> dict[str, Any]:
    import pandas as pd

    command = params.command
    category: dict[str, Any] = {
        "axis": _axis(False, x_field),
        "field": x_field.name,
        "scale": {},
        "title": x_title,
        "type": x_field.type,
    }
    value: dict[str, Any] = {
        "axis": _axis(True, y_field),
        "field": y_field.name,
        "scale": {},
        "title": y_title,
        "type": y_field.type,
    }
    if params.kind == "bar":
        sort = params.sort
        if sort is False:
            category["sort"] = None
        elif isinstance(sort, str):
            name = sort[1:] if sort.startswith("-") else sort
            if name not in frame.columns:
                raise bad_argument(
                    "sort",
                    sort,
                    f"True, False, or a column name with an optional '-' (columns: {', '.join(frame.columns)})",
                    command=command,
                )
            category["sort"] = {
                "field": name,
                "order": "descending" if sort.startswith("-") else "ascending",
            }
        elif sort is not True:
            raise bad_argument("sort", sort, "True, False or a column name", command=command)
    if params.kind in ("area", "bar"):
        stack = params.stack
        if stack not in (None, True, False, "normalize", "center", "layered"):
            raise bad_argument(
                "stack",
                stack,
                "True, False, 'normalize', 'center', 'layered' or None",
                command=command,
            )
        if stack is None and params.kind == "area":
            value["stack"] = False
        elif stack is not None:
            value["stack"] = False if stack == "layered" else stack
    encoding: dict[str, Any] = {}
    tips = [_tip(x_field), _tip(y_field)]
    if melt:  # the folded value's tooltip reads as a number whatever the axis
        tips[1]["type"] = "quantitative"

    color = params.color
    if melt:
        enc: dict[str, Any] = {"field": COLOR, "legend": dict(_LEGEND)}
        if color is not None and color_column is None:
            colors = _color_list(color, y_cols, command)
            enc["scale"] = {"domain": list(y_cols), "range": colors}
        enc["title"] = " "
        enc["type"] = "nominal"
        encoding["color"] = enc
        tips.append({"field": COLOR, "title": "color", "type": "nominal"})
    elif color_column is not None:
        series = frame[color_column]
        try:
            distinct = list(pd.unique(series.dropna()))
        except TypeError:  # unhashable values (lists of RGB numbers)
            distinct = list(series.dropna())
        if len(distinct) and all(is_color(v) for v in distinct):
            if series.isna().any():  # as Streamlit: a colour column has a colour in every row
                raise bad_argument(
                    "color",
                    color_column,
                    "a column with a colour in every row (it has empty values)",
                    command=command,
                )
            encoding["color"] = {
                "field": color_column,
                "legend": None,
                "scale": {"range": [_css_color(v) for v in distinct]},
                "type": "nominal",
            }
        else:
            kind = "quantitative" if _vega_type(series, "other") == "quantitative" else "nominal"
            encoding["color"] = {"field": color_column, "legend": dict(_LEGEND), "type": kind}
        tips.append({"field": color_column, "type": encoding["color"]["type"]})
    elif color is not None:
        colors = _color_list(color, y_cols, command)
        encoding["color"] = {"value": colors[0]}

    layered = params.kind == "bar" and params.stack == "layered"
    if (params.kind == "area" and (melt or color_column is not None)) or layered:
        encoding["opacity"] = {"value": 0.7}
    if params.kind == "scatter":
        size = params.size
        if isinstance(size, str):
            encoding["size"] = {
                "field": size,
                "legend": dict(_SIZE_LEGEND),
                "title": size,
                "type": "quantitative",
            }
            tips.append({"field": size, "type": "quantitative"})
        else:
            encoding["size"] = {"value": 100 if size is None else size}
    encoding["tooltip"] = tips
    if params.horizontal:
        encoding["x"], encoding["y"] = value, category
    else:
        encoding["x"], encoding["y"] = category, value
    grouped_by = COLOR if melt else color_column
    if params.kind == "bar" and grouped_by is not None and params.stack is False:
        encoding["yOffset" if params.horizontal else "xOffset"] = {"field": grouped_by}
        encoding["xOffset" if params.horizontal else "yOffset"] = {}
    return encoding


def _color_list(color: Any, y_cols: list[str], command: str) -> list[str]:
    colors = [color] if isinstance(color, str) or is_color(color) else color
    if not isinstance(colors, (list, tuple)) or not all(is_color(c) for c in colors):
        raise bad_argument(
            "color",
            color,
            "a column name, a colour ('#rrggbb', 'rgb(...)', an RGB(A) tuple) or a list of colours",
            command=command,
        )
    if len(colors) != max(len(y_cols), 1):
        raise RilletAPIException(
            f"st.{command}: `color` gives {len(colors)} colour(s) for {len(y_cols)} y columns "
            f"({', '.join(y_cols)}); give one colour per column."
        )
    return [_css_color(c) for c in colors]


# Past this many points the hover highlight follows the mouse at most every 16 ms.
_THROTTLE_POINTS = 1000


def _line_layers(encoding: dict[str, Any], x_name: str, points: int) -> dict[str, Any]:
    """A line, invisible points to find the nearest x on hover, and the hovered points drawn."""
    return {
        "layer": [
            {"mark": {"type": "line"}, "encoding": encoding, "name": "view_1"},
            {"mark": {"type": "point", "opacity": 0}, "encoding": encoding, "name": "view_2"},
            {
                "mark": {"type": "point", "filled": True, "size": 65},
                "encoding": encoding,
                "transform": [{"filter": {"param": "param_1", "empty": False}}],
            },
        ],
        "params": [
            {
                "name": "param_1",
                "select": {
                    "type": "point",
                    "clear": "mouseleave",
                    "fields": [x_name],
                    "nearest": True,
                    "on": "mousemove{16}" if points > _THROTTLE_POINTS else "mousemove",
                },
                "views": ["view_2"],
            },
            {
                "name": "param_2",
                "select": {"type": "interval", "encodings": ["x", "y"]},
                "bind": "scales",
                "views": ["view_1"],
            },
        ],
    }


# The last charts built from large DataFrames of plain NumPy columns, with a
# copy of the columns they were built from. A rerun that draws the same
# 100,000 points finds its chart by the frame's shape, names, dtypes and the
# parameters, and reuses it when every column is byte for byte the one kept
# (~0.1 ms for 2.4 MB, and provably the same data, where a hash is ~1.4 ms).
# The content digest that names the chart (the outbox then sends it by
# reference) is a SHA-256 of the columns, taken only when it is built.
@dataclass(frozen=True, eq=False)  # compared by identity
class _Built:
    layout: str  # parameters, shape, names, dtypes, index, colours, sizes
    arrays: tuple[Any, ...]  # copies of the raw columns (and the index)
    element: pb.Element  # shared, never changed once built
    element_hash: str


_KEEP_MAX_BYTES = 64 * 1024 * 1024  # of kept copies, all charts together
_BUILT = KeptByBytes[_Built](
    most=8, max_bytes=_KEEP_MAX_BYTES, size=lambda built: sum(a.nbytes for a in built.arrays)
)
_FINGERPRINT_MIN_ROWS = 1_000
LARGE_DATA_BYTES = 32 * 1024  # the outbox's own threshold for sending by hash


def _raw_columns(data: Any, params: ChartParams) -> tuple[str, list[Any]] | None:
    """A large DataFrame's layout and its columns as plain NumPy arrays; None otherwise.

    Columns of Python objects, categoricals, nullable or timezone-aware
    dtypes (whose buffers are not the values) are not kept: such a chart is
    built again on every run.
    """
    import numpy as np
    import pandas as pd

    if not isinstance(data, pd.DataFrame) or len(data) < _FINGERPRINT_MIN_ROWS:
        return None
    index = data.index
    if isinstance(index, pd.RangeIndex):
        index_text = f"range {index.start} {index.stop} {index.step} {index.name!r}"
        arrays = []
    else:
        index_text = f"index {index.name!r}"
        arrays = [index.to_numpy()]
    arrays += [column.to_numpy() for _, column in data.items()]
    if not all(isinstance(a, np.ndarray) and not a.dtype.hasobject for a in arrays):
        return None
    arrays = [np.ascontiguousarray(a) for a in arrays]
    layout = repr(
        (params, data.shape, [str(c) for c in data.columns], [str(a.dtype) for a in arrays])
    )
    return f"{layout} {index_text}", arrays


def _remember(layout: str, arrays: list[Any], element: pb.Element) -> str:
    """Keep a built chart with a copy of its columns; its content digest."""
    import hashlib

    digest = hashlib.sha256(layout.encode())
    for array in arrays:
        digest.update(array.view("u1").data)
    element_hash = digest.hexdigest()[:32]
    if sum(a.nbytes for a in arrays) <= _KEEP_MAX_BYTES:  # else not worth copying
        _BUILT.keep(_Built(layout, tuple(a.copy() for a in arrays), element, element_hash))
    return element_hash


def _draw(data: Any, params: ChartParams) -> Container:
    command = params.command
    width, height = params.width, params.height
    if params.use_container_width is not None:
        width = "stretch" if params.use_container_width else "content"
    width_text = size_text(width, "width", command, ("stretch", "content"))
    height_text = size_text(height, "height", command, ("content", "stretch"))
    colors = chart_colors()
    raw = _raw_columns(data, params)
    built = None
    if raw is not None:
        layout = f"{raw[0]}|{colors}|{width_text}|{height_text}"
        built = _BUILT.find(layout, raw[1])
    if built is not None:
        element, element_hash = built.element, built.element_hash
    else:
        element = _build(data, params, width_text, height_text)
        element.vega_lite_chart.colors = colors
        if raw is not None:
            element_hash = _remember(layout, raw[1], element)
        else:
            # A large chart is hashed here, on the script thread, not on the event loop.
            encoded = element.SerializeToString(deterministic=True)
            large = len(encoded) >= LARGE_DATA_BYTES
            element_hash = blake2b(encoded, digest_size=16).hexdigest() if large else ""
    # A kept element is shared and never changed again: emitting copies it
    # into the delta, and the outbox sends it by reference when the page has it.
    result = emit_chart(element, command=command, element_hash=element_hash)
    assert not isinstance(result, dict)
    return result


def _build(data: Any, params: ChartParams, width: str, height: str) -> pb.Element:
    """The chart's element (without its colour options)."""
    from rillet.api.charts_vega import dataset

    spec, source = chart_spec(data, params)
    element = pb.Element()
    chart = element.vega_lite_chart
    chart.width = width
    chart.height = height
    chart.spec = json.dumps(spec, allow_nan=False)
    chart.theme = "streamlit"
    chart.chart_type = params.kind
    chart.alt = params.alt or ""
    chart.datasets.append(dataset(DATASET, source))
    return element


def line_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    width: int | str = "stretch",
    height: int | str = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> Container:
    """Display a line chart.

    Args:
        data: The data: a DataFrame (wide or long), Series, array, dict or list.
        x: The column for the x axis; ``None`` uses the index.
        y: The column(s) for the y axis; ``None`` uses every other column.
        x_label: The x axis title; ``None`` is the column name.
        y_label: The y axis title; ``None`` is the column name.
        color: A column whose values split the lines (or are their colours),
            a colour, or one colour per ``y`` column.
        width: ``"stretch"``, ``"content"`` or pixels.
        height: ``"content"`` (350 px), ``"stretch"`` or pixels.
        use_container_width: Deprecated: ``True`` is ``width="stretch"``.
        alt: Alternative text for screen readers.

    Example:
        >>> import rillet as st
        >>> st.line_chart({"a": [1, 3, 2], "b": [2, 1, 3]}, x_label="day")
    """
    return _draw(
        data,
        ChartParams(
            "line",
            "line_chart",
            x,
            y,
            x_label,
            y_label,
            color,
            width=width,
            height=height,
            use_container_width=use_container_width,
            alt=alt,
        ),
    )


def area_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    stack: Stack = None,
    width: int | str = "stretch",
    height: int | str = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> Container:
    """Display an area chart.

    Args:
        data: The data: a DataFrame (wide or long), Series, array, dict or list.
        x: The column for the x axis; ``None`` uses the index.
        y: The column(s) for the y axis; ``None`` uses every other column.
        x_label: The x axis title.
        y_label: The y axis title.
        color: A column, a colour, or one colour per ``y`` column.
        stack: ``True`` stacks the areas, ``"normalize"`` to 100 %,
            ``"center"`` around zero; ``False``, ``"layered"`` or ``None``
            overlap them.
        width: ``"stretch"``, ``"content"`` or pixels.
        height: ``"content"`` (350 px), ``"stretch"`` or pixels.
        use_container_width: Deprecated: ``True`` is ``width="stretch"``.
        alt: Alternative text for screen readers.

    Example:
        >>> import rillet as st
        >>> st.area_chart({"a": [1, 3, 2], "b": [2, 1, 3]}, stack="normalize")
    """
    return _draw(
        data,
        ChartParams(
            "area",
            "area_chart",
            x,
            y,
            x_label,
            y_label,
            color,
            stack=stack,
            width=width,
            height=height,
            use_container_width=use_container_width,
            alt=alt,
        ),
    )


def bar_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    horizontal: bool = False,
    sort: bool | str = True,
    stack: Stack = None,
    width: int | str = "stretch",
    height: int | str = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> Container:
    """Display a bar chart.

    Args:
        data: The data: a DataFrame (wide or long), Series, array, dict or list.
        x: The column of the categories; ``None`` uses the index.
        y: The column(s) of the bar lengths; ``None`` uses every other column.
        x_label: The category axis title.
        y_label: The value axis title.
        color: A column, a colour, or one colour per ``y`` column.
        horizontal: Draw the bars left to right.
        sort: ``True`` sorts the categories, ``False`` keeps the data's
            order, ``"col"``/``"-col"`` sorts by a column up or down.
        stack: ``None``/``True`` stacks, ``False`` puts bars side by side,
            ``"layered"`` overlaps, ``"normalize"`` to 100 %, ``"center"``.
        width: ``"stretch"``, ``"content"`` or pixels.
        height: ``"content"`` (350 px), ``"stretch"`` or pixels.
        use_container_width: Deprecated: ``True`` is ``width="stretch"``.
        alt: Alternative text for screen readers.

    Example:
        >>> import rillet as st
        >>> st.bar_chart({"fruit": ["apple", "pear"], "n": [3, 5]}, x="fruit", y="n", horizontal=True)
    """
    if not isinstance(horizontal, bool):
        raise bad_argument("horizontal", horizontal, "True or False", command="bar_chart")
    return _draw(
        data,
        ChartParams(
            "bar",
            "bar_chart",
            x,
            y,
            x_label,
            y_label,
            color,
            stack=stack,
            horizontal=horizontal,
            sort=sort,
            width=width,
            height=height,
            use_container_width=use_container_width,
            alt=alt,
        ),
    )


def scatter_chart(
    data: Any = None,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: Any = None,
    size: str | float | int | None = None,
    width: int | str = "stretch",
    height: int | str = "content",
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> Container:
    """Display a scatter chart.

    Args:
        data: The data: a DataFrame (wide or long), Series, array, dict or list.
        x: The column for the x axis; ``None`` uses the index.
        y: The column(s) for the y axis; ``None`` uses every other column.
        x_label: The x axis title.
        y_label: The y axis title.
        color: A column, a colour, or one colour per ``y`` column.
        size: A column whose values size the points, or one size (pixels²).
        width: ``"stretch"``, ``"content"`` or pixels.
        height: ``"content"`` (350 px), ``"stretch"`` or pixels.
        use_container_width: Deprecated: ``True`` is ``width="stretch"``.
        alt: Alternative text for screen readers.

    Example:
        >>> import rillet as st
        >>> st.scatter_chart({"a": [1, 2, 3], "b": [3, 1, 2], "w": [5, 9, 2]}, x="a", y="b", size="w")
    """
    return _draw(
        data,
        ChartParams(
            "scatter",
            "scatter_chart",
            x,
            y,
            x_label,
            y_label,
            color,
            size=size,
            width=width,
            height=height,
            use_container_width=use_container_width,
            alt=alt,
        ),
    )
