"""Vega-Lite charts: ``st.altair_chart``, ``st.vega_lite_chart`` and the element they share.

Every Vega-Lite chart, the built-in ones included (``rillet.api.charts_builtin``),
is one ``VegaLiteChart`` element: the spec as JSON, its data as named
datasets travelling column by column (numbers and dates as float64 bytes,
strings as categories and codes: compact, and identical across reruns so
the outbox sends an unchanged chart once and then only its hash).

Why not Arrow IPC, the tables' format (``rillet.dataframes``)? Measured on
the 100,000 x 3 line chart of ``bench/charts.py``: these columns are 2.40 MB
(the index as a start and a step), the Arrow stream of the same frame 4.00 MB
(3.20 MB without the x column: an index is always written as a column); a
long frame with a text column is 2.00 MB here, 3.28 MB as Arrow (the Arrow
writer has no dictionary encoding). Both decode to Float64Arrays in the page
without copying, and Arrow would add its decoder (7 KB gzip) to the chart
chunk. So charts keep their own columnar encoding: the same float64 buffers,
fewer bytes.

With ``on_select="rerun"`` or a callback the chart is a widget: the client
reports the selection of the parameters named by ``selection_mode`` as
``{"selection": {param: value}}``, and the command returns it as a
:class:`VegaLiteState` (a dict with attribute access), as Streamlit 1.67 does.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from rillet.api._command import handle
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Widget, register

if TYPE_CHECKING:
    import pandas as pd

    from rillet.api.container import Container

DATA_ACCEPTS = (
    "a pandas DataFrame or Series, a numpy array, a dict of columns, a list of rows, "
    "a pyarrow Table, any object with to_pandas(), or None"
)


class VegaLiteState(dict[str, Any]):
    """The selection of a chart with ``on_select``: a dict with attribute access.

    ``state.selection.brush`` is ``state["selection"]["brush"]``: for an
    interval, ``{field: [min, max]}``; for points, a list of the chosen rows
    (``{field: value}``); ``{}`` while nothing is selected.

    Example:
        >>> state = VegaLiteState({"selection": {"brush": {"a": [1, 2]}}})
        >>> state.selection.brush
        {'a': [1, 2]}
    """

    def __getattr__(self, name: str) -> Any:
        try:
            value = self[name]
        except KeyError:
            raise AttributeError(
                f"The selection state has no {name!r}; it has {sorted(self)}."
            ) from None
        return VegaLiteState(value) if isinstance(value, dict) else value

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        return (
            VegaLiteState(value)
            if isinstance(value, dict) and not isinstance(value, VegaLiteState)
            else value
        )


@dataclass
class SelectionSerde:
    """The widget value of a selectable chart: ``json_value`` ``{"selection": {...}}``."""

    params: Sequence[str]

    def empty(self) -> VegaLiteState:
        return VegaLiteState({"selection": {name: {} for name in sorted(self.params)}})

    def deserialize(self, state: pb.WidgetState) -> VegaLiteState:
        if state.WhichOneof("value") != "json_value" or not state.json_value:
            return self.empty()
        try:
            value = json.loads(state.json_value)
        except ValueError:
            return self.empty()
        if not isinstance(value, dict) or not isinstance(value.get("selection"), dict):
            return self.empty()
        return VegaLiteState(value)

    def serialize(self, value: VegaLiteState, state: pb.WidgetState) -> None:
        state.json_value = json.dumps(dict(value))


# ------------------------------------------------------------------ data


def to_frame(data: Any, command: str, argument: str = "data") -> pd.DataFrame:
    """``data`` as a pandas DataFrame with string column names; a clear error otherwise."""
    import pandas as pd

    if data is None:
        return pd.DataFrame()
    if type(data).__name__ == "Styler" and isinstance(getattr(data, "data", None), pd.DataFrame):
        data = data.data  # a chart draws a styled table's values
    frame: Any = data
    try:
        if isinstance(data, pd.DataFrame):
            frame = data
        elif isinstance(data, pd.Series):
            frame = data.to_frame()  # an unnamed series is column "0", as in Streamlit
        elif type(data).__module__ == "numpy" and hasattr(data, "ndim"):
            frame = pd.DataFrame({"value": data}) if data.ndim == 1 else pd.DataFrame(data)
        elif hasattr(data, "to_pandas") and callable(data.to_pandas):
            frame = data.to_pandas()
            if isinstance(frame, pd.Series):
                frame = frame.to_frame()
        elif isinstance(data, (dict, list, tuple)) or hasattr(data, "__array__"):
            frame = pd.DataFrame(data)
        else:
            frame = None
    except (ValueError, TypeError) as exc:
        raise RilletAPIException(
            f"st.{command}: `{argument}` could not become a table ({exc}); "
            f"it must be {DATA_ACCEPTS}."
        ) from None
    if not isinstance(frame, pd.DataFrame):
        raise RilletAPIException(
            f"st.{command}: `{argument}` must be {DATA_ACCEPTS}, got a {type(data).__name__}."
        )
    if not all(isinstance(c, str) for c in frame.columns):
        frame = frame.set_axis([str(c) for c in frame.columns], axis=1)
    return frame


_RANGE_MIN_ROWS = 64


def dataset(name: str, frame: pd.DataFrame) -> pb.VegaDataset:
    """``frame``'s columns (not its index) as a ``VegaDataset``."""
    out = pb.VegaDataset(name=name, num_rows=len(frame))
    for column_name in frame.columns:
        out.columns.append(column(str(column_name), frame[column_name]))
    return out


def column(name: str, series: pd.Series) -> pb.VegaColumn:
    """One column: numbers and dates as float64 bytes, strings as categories, else JSON."""
    import numpy as np
    import pandas as pd

    dtype = series.dtype
    out = pb.VegaColumn(name=name)
    if pd.api.types.is_bool_dtype(dtype):
        out.kind = pb.VegaColumn.JSON
        values = series.astype(object).where(series.notna(), None).tolist()
        out.json = json.dumps([v if v is None else bool(v) for v in values])
        return out
    if pd.api.types.is_integer_dtype(dtype) and len(series) >= _RANGE_MIN_ROWS:
        ints = series.to_numpy()
        steps = np.diff(ints)
        if len(steps) and (steps == steps[0]).all():  # a RangeIndex: two numbers, not 800 KB
            out.kind = pb.VegaColumn.RANGE
            out.start, out.step = float(ints[0]), float(steps[0])
            return out
    if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_complex_dtype(dtype):
        values = series.to_numpy(dtype="float64", na_value=np.nan)
        out.float64 = values.astype("<f8", copy=False).tobytes()
        return out
    if pd.api.types.is_datetime64_any_dtype(dtype):
        out.float64 = _epoch_ms(series).tobytes()
        return out
    text = series.cat.categories if isinstance(dtype, pd.CategoricalDtype) else series
    if pd.api.types.infer_dtype(text, skipna=True) in ("string", "empty"):
        # Text (and all-missing) columns: distinct strings and codes, found in C.
        codes, categories = pd.factorize(series, use_na_sentinel=True)
        out.kind = pb.VegaColumn.CATEGORIES
        out.categories.extend(str(c) for c in categories)
        out.codes = np.asarray(codes, dtype="<i4").tobytes()
        return out
    values = series.tolist()
    if values and all(_is_date(v) or _missing(v) for v in values):
        out.float64 = _epoch_ms(pd.Series(pd.to_datetime(values))).tobytes()
        return out
    from rillet.api.tables import cell

    out.kind = pb.VegaColumn.JSON
    out.json = json.dumps([cell(v) for v in values], allow_nan=False, default=str)
    return out


def dataset_frame(data: pb.VegaDataset) -> pd.DataFrame:
    """A ``VegaDataset`` back as a DataFrame (dates stay epoch milliseconds), for AppTest.

    Example:
        >>> import pandas as pd
        >>> dataset_frame(dataset("d", pd.DataFrame({"a": [1.5, None], "b": ["x", None]})))
             a     b
        0  1.5     x
        1  NaN  None
    """
    import numpy as np
    import pandas as pd

    columns: dict[str, Any] = {}
    for col in data.columns:
        if col.kind == pb.VegaColumn.JSON:
            columns[col.name] = json.loads(col.json or "[]")
        elif col.kind == pb.VegaColumn.RANGE:
            columns[col.name] = col.start + col.step * np.arange(data.num_rows, dtype="float64")
        elif col.kind == pb.VegaColumn.CATEGORIES:
            codes = np.frombuffer(col.codes, dtype="<i4")
            categories = list(col.categories)
            texts = [None if c < 0 else categories[c] for c in codes]
            columns[col.name] = pd.Series(texts, dtype=object)  # missing stays None
        else:
            columns[col.name] = np.frombuffer(col.float64, dtype="<f8")
    return pd.DataFrame(columns, index=range(data.num_rows))


def _epoch_ms(series: pd.Series) -> Any:
    import numpy as np

    values = series
    if getattr(series.dt, "tz", None) is not None:
        values = series.dt.tz_convert("UTC").dt.tz_localize(None)
    ns = values.to_numpy(dtype="datetime64[ns]").astype("int64")
    out = ns.astype("<f8") / 1e6
    out[values.isna().to_numpy()] = np.nan
    return out


def _missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NaTType", "NAType")


def _is_date(value: object) -> bool:
    import datetime as dt

    return isinstance(value, (dt.date, dt.datetime))


# ------------------------------------------------------------------ sizes


def size_text(value: object, argument: str, command: str, named: tuple[str, ...]) -> str:
    """``width``/``height`` as the element carries it: a name or pixels as digits."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return str(value)
    if value in named:
        return str(value)
    words = " or ".join(repr(n) for n in named)
    raise bad_argument(argument, value, f"a positive int (pixels), {words}", command=command)


def chart_colors() -> str:
    """The app's chart colour options as the client reads them (``VegaLiteChart.colors``)."""
    from rillet.api.services import get_option

    colors: dict[str, list[str]] = {}
    for key, option in (
        ("categorical", "theme.chartCategoricalColors"),
        ("sequential", "theme.chartSequentialColors"),
        ("diverging", "theme.chartDivergingColors"),
    ):
        value = get_option(option)
        if value:
            colors[key] = [str(c) for c in value]
    return json.dumps(colors) if colors else ""


# ------------------------------------------------------------------ emit

OnSelect = Literal["rerun", "ignore"] | Callable[..., Any]


def emit_chart(
    element: pb.Element,
    *,
    command: str,
    on_select: object = "ignore",
    selection_mode: str | Iterable[str] | None = None,
    key: str | int | None = None,
    element_hash: str = "",
) -> Container | VegaLiteState:
    """Send a chart; with ``on_select`` register it as a widget and return its selection.

    ``element_hash``: the chart's content digest when the caller has it (the
    built-in charts hash their data once), so the outbox does not hash it.
    """
    chart = element.vega_lite_chart
    if not element_hash:
        chart.colors = chart_colors()
    if on_select == "ignore" or on_select is None or on_select is False:
        if key is not None:
            from rillet.runtime.widgets import claim_key

            claim_key(str(key), f"st.{command}")
        return handle(context.get().emit(element, element_hash=element_hash))
    if on_select != "rerun" and not callable(on_select):
        raise bad_argument(
            "on_select", on_select, "'rerun', 'ignore' or a callable (a callback)", command=command
        )
    spec = json.loads(chart.spec)
    params = _selection_params(spec)
    if not params:
        raise RilletAPIException(
            f"st.{command}: `on_select` is {on_select!r} but the chart defines no selection "
            "parameter. Add one (Altair: `alt.selection_point()` or `alt.selection_interval()` "
            "with `.add_params(...)`; Vega-Lite: a `params` entry with `select`)."
        )
    chosen = _chosen_params(selection_mode, params, command)
    chart.selection_mode.extend(chosen)
    serde = SelectionSerde(chosen)
    callback = on_select if callable(on_select) else None
    return register(
        Widget(
            kind=command,
            label="chart",
            default=serde.empty(),
            serde=serde,
            build=lambda _value: element,
            identity=(chart.spec, tuple(chosen)),
            key_identity=(tuple(chosen),),
            key=key,
            on_change=callback,
        )
    )


def _selection_params(spec: Any) -> list[str]:
    """Names of the spec's selection parameters (top level, layers, concatenations)."""
    found: list[str] = []

    def visit(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item)
            return
        if not isinstance(node, dict):
            return
        for param in node.get("params") or ():
            if isinstance(param, dict) and "select" in param and param.get("name") not in found:
                found.append(str(param.get("name")))
        for key in ("layer", "hconcat", "vconcat", "concat", "spec"):
            visit(node.get(key))

    visit(spec)
    return found


def _chosen_params(
    selection_mode: str | Iterable[str] | None, params: list[str], command: str
) -> list[str]:
    if selection_mode is None:
        return params
    wanted = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for name in wanted:
        if name not in params:
            raise bad_argument(
                "selection_mode",
                selection_mode,
                f"selection parameters of the chart ({', '.join(map(repr, params))})",
                command=command,
            )
    return wanted


# ------------------------------------------------------------------ commands


def _spec_element(
    spec: Mapping[str, Any],
    frame: pd.DataFrame | None,
    *,
    command: str,
    width: object,
    height: object,
    use_container_width: bool | None,
    theme: object,
    alt: str | None,
) -> pb.Element:
    if theme not in ("streamlit", None):
        raise bad_argument("theme", theme, "'streamlit' or None", command=command)
    spec = dict(spec)
    element = pb.Element()
    chart = element.vega_lite_chart
    if frame is not None:
        chart.datasets.append(dataset("source", frame))
        spec["data"] = {"name": "source"}
    inline = spec.pop("datasets", None)
    if isinstance(inline, Mapping):  # Altair's: rows become columns, as our own data travels
        import pandas as pd

        for name, rows in inline.items():
            chart.datasets.append(dataset(str(name), pd.DataFrame(rows)))
    if use_container_width is not None and width is None:
        width = "stretch" if use_container_width else "content"
    spec.setdefault("autosize", {"type": _autosize(spec, width), "contains": "padding"})
    chart.width = (
        "" if width is None else size_text(width, "width", command, ("stretch", "content"))
    )
    chart.height = size_text(height, "height", command, ("content", "stretch"))
    try:
        chart.spec = json.dumps(spec, allow_nan=False, default=_json_default)
    except (TypeError, ValueError) as exc:
        raise RilletAPIException(
            f"st.{command}: the spec is not valid JSON ({exc}); "
            "a Vega-Lite spec holds only dicts, lists, strings, numbers, booleans and None."
        ) from None
    chart.theme = theme or ""
    chart.alt = alt or ""
    return element


def _autosize(spec: Mapping[str, Any], width: object) -> str:
    """How Vega-Lite sizes the chart to its box, as Streamlit sets it.

    A faceted chart keeps its cells' size ("pad"); a vertical concatenation
    across the container fits its width only, or pads when a part is itself
    composed; anything else fits the box.

    Example:
        >>> _autosize({"facet": {}}, None), _autosize({"vconcat": []}, None)
        ('pad', 'fit-x')
        >>> _autosize({"vconcat": []}, 300), _autosize({"mark": "bar"}, "stretch")
        ('fit', 'fit')
        >>> _autosize({"vconcat": [{"layer": []}, {"mark": "bar"}]}, None)
        'pad'
    """
    encoding = spec.get("encoding")
    if "facet" in spec or (
        isinstance(encoding, Mapping) and any(k in encoding for k in ("row", "column", "facet"))
    ):
        return "pad"
    if "vconcat" in spec and width in (None, "stretch"):
        parts = spec["vconcat"] if isinstance(spec["vconcat"], list) else []
        nested = any(isinstance(p, Mapping) and _COMPOSED.intersection(p) for p in parts)
        return "pad" if nested else "fit-x"
    return "fit"


_COMPOSED = {"layer", "hconcat", "vconcat", "concat", "facet", "repeat"}


def _json_default(value: Any) -> Any:
    from rillet.api.tables import cell

    out = cell(value)
    if out is value:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
    return out


def vega_lite_chart(
    data: Any = None,
    spec: Mapping[str, Any] | None = None,
    *,
    width: int | str | None = None,
    height: int | str = "content",
    use_container_width: bool | None = None,
    theme: Literal["streamlit"] | None = "streamlit",
    key: str | int | None = None,
    on_select: OnSelect = "ignore",
    selection_mode: str | Iterable[str] | None = None,
    alt: str | None = None,
) -> Any:
    """Display a chart described by a Vega-Lite spec.

    Args:
        data: The chart's data (a DataFrame, dict, list...), or ``None``
            when the spec carries its own. A dict here with no ``spec`` is
            taken as the spec.
        spec: The Vega-Lite spec (a dict).
        width: ``"stretch"``, ``"content"`` or pixels; ``None`` follows the spec.
        height: ``"content"``, ``"stretch"`` or pixels.
        use_container_width: Deprecated: ``True`` is ``width="stretch"``.
        theme: ``"streamlit"`` draws with the app's theme; ``None`` with
            Vega-Lite's own look.
        key: The widget key when ``on_select`` is on.
        on_select: ``"ignore"``, ``"rerun"``, or a callback run on selection.
        selection_mode: The selection parameters that report (default: all).
        alt: Alternative text for screen readers.

    Returns:
        The chart's container, or its :class:`VegaLiteState` with ``on_select``.

    Example:
        >>> import rillet as st
        >>> st.vega_lite_chart(
        ...     {"a": [1, 2, 3], "b": [4, 5, 6]},
        ...     {"mark": "bar", "encoding": {"x": {"field": "a"}, "y": {"field": "b"}}},
        ... )
    """
    command = "vega_lite_chart"
    if (
        spec is None
        and isinstance(data, Mapping)
        and ("mark" in data or "layer" in data or "$schema" in data)
    ):
        data, spec = None, data
    if spec is None or (isinstance(spec, Mapping) and len(spec) == 0):
        raise RilletAPIException(
            f"st.{command}: `spec` is required: a non-empty Vega-Lite spec (a dict)."
        )
    if not isinstance(spec, Mapping):
        raise bad_argument("spec", spec, "a Vega-Lite spec (a dict)", command=command)
    frame = None if data is None else to_frame(data, command)
    element = _spec_element(
        spec,
        frame,
        command=command,
        width=width,
        height=height,
        use_container_width=use_container_width,
        theme=theme,
        alt=alt,
    )
    return emit_chart(
        element, command=command, on_select=on_select, selection_mode=selection_mode, key=key
    )


def altair_chart(
    altair_chart: Any,
    *,
    width: int | str | None = None,
    height: int | str = "content",
    use_container_width: bool | None = None,
    theme: Literal["streamlit"] | None = "streamlit",
    key: str | int | None = None,
    on_select: OnSelect = "ignore",
    selection_mode: str | Iterable[str] | None = None,
    alt: str | None = None,
) -> Any:
    """Display an Altair chart.

    Args:
        altair_chart: An ``altair.Chart`` (or layered, concatenated, faceted chart).
        width: ``"stretch"``, ``"content"`` or pixels; ``None`` follows the chart.
        height: ``"content"``, ``"stretch"`` or pixels.
        use_container_width: Deprecated: ``True`` is ``width="stretch"``.
        theme: ``"streamlit"`` draws with the app's theme; ``None`` with
            Altair's own look.
        key: The widget key when ``on_select`` is on.
        on_select: ``"ignore"``, ``"rerun"``, or a callback run on selection.
        selection_mode: The selection parameters that report (default: all).
        alt: Alternative text for screen readers.

    Returns:
        The chart's container, or its :class:`VegaLiteState` with ``on_select``.

    Example:
        >>> import altair as alt, pandas as pd, rillet as st
        >>> df = pd.DataFrame({"a": [1, 2, 3], "b": [4, 5, 6]})
        >>> brush = alt.selection_interval(name="brush")
        >>> chart = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(brush)
        >>> event = st.altair_chart(chart, on_select="rerun")
        >>> event.selection.brush
        {}
    """
    command = "altair_chart"
    spec = altair_spec(altair_chart, command)
    element = _spec_element(
        spec,
        None,
        command=command,
        width=width,
        height=height,
        use_container_width=use_container_width,
        theme=theme,
        alt=alt,
    )
    return emit_chart(
        element, command=command, on_select=on_select, selection_mode=selection_mode, key=key
    )


def altair_spec(chart: Any, command: str) -> dict[str, Any]:
    """An Altair chart's Vega-Lite spec, or an error naming what was given."""
    module = type(chart).__module__ or ""
    if not module.startswith("altair") or not hasattr(chart, "to_dict"):
        try:
            import altair  # noqa: F401
        except ImportError:
            raise RilletAPIException(
                f"st.{command} draws Altair charts, and Altair is not installed: "
                "`pip install altair`."
            ) from None
        raise RilletAPIException(
            f"st.{command}: `altair_chart` must be an Altair chart (altair.Chart, LayerChart, "
            f"HConcatChart, ...), got a {type(chart).__name__}: {_short(chart)}."
        )
    try:
        spec = _altair_dict(chart)
    except Exception as exc:  # Altair's schema validation: show its own words
        raise RilletAPIException(f"st.{command}: the Altair chart is not valid: {exc}") from None
    if not isinstance(spec, dict):
        raise RilletAPIException(
            f"st.{command}: `altair_chart` gave no Vega-Lite spec, got {_short(spec)}."
        )
    # Altair's default view size (300 x 300) would override the app's sizing.
    config = spec.get("config")
    if isinstance(config, dict) and isinstance(config.get("view"), dict):
        view = config["view"]
        for key in ("continuousWidth", "continuousHeight"):
            if view.get(key) == 300:
                del view[key]
        if not view:
            del config["view"]
        if not config:
            del spec["config"]
    return number_generated_names(spec)


def _altair_dict(chart: Any) -> Any:
    """``chart.to_dict()``; past Altair's 5,000-row guard, which Streamlit's charts have not."""
    import altair

    try:
        return chart.to_dict()
    except altair.MaxRowsError:
        if altair.data_transformers.active != "default":
            raise
        with altair.data_transformers.enable("default", max_rows=None):
            return chart.to_dict()


# Names Altair generates for unnamed parameters and views: counters in Altair
# 5 (growing with every chart the process makes), content hashes in Altair 6.
_GENERATED = re.compile(r"\b(param|view)_(?:[0-9a-f]{16}(?:_\d+)?|\d+)\b")


def number_generated_names(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with Altair's generated ``param_*``/``view_*`` names numbered from 1.

    Numbered in the order they first appear, as Streamlit does, so an app
    reads an unnamed selection as ``event.selection.param_1`` on every run.

    Example:
        >>> number_generated_names({"params": [{"name": "param_1e9efca18e7a2868"}],
        ...                         "layer": [{"name": "view_0f63dc152606a353_0"}]})
        {'params': [{'name': 'param_1'}], 'layer': [{'name': 'view_1'}]}
    """
    data: dict[str, Any] = {k: spec[k] for k in ("datasets", "data") if k in spec}  # rows kept
    text = json.dumps({k: v for k, v in spec.items() if k not in data})
    numbers: dict[str, str] = {}
    counts = {"param": 0, "view": 0}

    def renumber(match: re.Match[str]) -> str:
        name = match.group(0)
        if name not in numbers:
            counts[match.group(1)] += 1
            numbers[name] = f"{match.group(1)}_{counts[match.group(1)]}"
        return numbers[name]

    renamed = _GENERATED.sub(renumber, text)
    return spec if renamed == text else {**json.loads(renamed), **data}


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 80 else f"{text[:77]}..."
