"""The Vega-Lite charts mean what Streamlit 1.67's mean: the same spec and the same data.

Each case runs one app through both AppTests and compares, per chart, the
spec (marks, encodings, scales, tooltips, legends, params, sizes) and its
data as long rows. What may differ by design is normalised away first:
dataset names, the ``$schema`` URL, Altair's generated ``param_N``/``view_N``
counters, and rillet's wide data plus ``fold`` transform (applied here, so
the rows compared are those Vega-Lite draws).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any

import pytest
from harness import assert_fails_alike, assert_same_facts

pytest.importorskip("streamlit")
pytest.importorskip("altair")
pytestmark = pytest.mark.streamlit

HEAD = """
import datetime as dt
import numpy as np
import pandas as pd
import streamlit as st
df = pd.DataFrame({
    "a": [1, 2, 3], "b": [4.5, 5.0, 6.0], "c": ["x", "y", "x"],
    "d": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"]),
    "s": [1.5, None, 3.0], "h": ["#ff0000", "#00ff00", "#ff0000"], "n": [7, 8, 9],
})
"""


_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


def _rows(frame: Any) -> list[str]:
    import pandas as pd

    rows = []
    for record in frame.to_dict("records"):
        row = {}
        for key, value in record.items():
            if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
                value = pd.Timestamp(value)  # Arrow's date32: drawn as that day's midnight UTC
            if isinstance(value, pd.Timestamp):
                value = (
                    value.value / 1e6 if value.tz is None else value.tz_convert(None).value / 1e6
                )
            elif hasattr(value, "item"):
                value = value.item()
            if isinstance(value, str) and _ISO.match(value):  # Vega reads ISO text as a date
                value = pd.Timestamp(value).value / 1e6
            if isinstance(value, float) and math.isnan(value):
                value = None
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = float(value)
            row[key] = value
        rows.append(json.dumps(row, sort_keys=True, default=str))
    return sorted(rows)


def _streamlit_frames(proto: Any) -> dict[str, Any]:
    import pyarrow as pa

    frames = {}
    for named in proto.datasets:
        frames[named.name] = pa.ipc.open_stream(named.data.data).read_all().to_pandas()
    if proto.HasField("data") and proto.data.data:
        frames[""] = pa.ipc.open_stream(proto.data.data).read_all().to_pandas()
    return frames


def _rillet_frames(proto: Any) -> dict[str, Any]:
    import pandas as pd

    from rillet.api.charts_vega import dataset_frame

    frames = {}
    for named in proto.datasets:
        frame = dataset_frame(named)
        for column in frame.columns:  # dates travel as epoch ms: compare them as such
            if frame[column].dtype == "float64":
                continue
        frames[named.name] = frame.astype(object).where(pd.notna(frame), None)
    return frames


def _fold(frame: Any, fold: dict[str, Any]) -> Any:
    import pandas as pd

    (key, value) = fold["as"]
    fields = [re.sub(r"\\(.)", r"\1", name) for name in fold["fold"]]  # "a\.b" folds "a.b"
    keep = [c for c in frame.columns if c not in fields or False]
    parts = []
    for name in fields:
        part = frame[[c for c in keep if c != name] + ([name] if name in keep else [])].copy()
        part[key] = name
        part[value] = frame[name]
        parts.append(part)
    return pd.concat(parts, ignore_index=True)


_COUNTERS = re.compile(r"\b(param|view)_\d+\b")


def _renumber(text: str) -> str:
    seen: dict[str, str] = {}

    def name(match: re.Match[str]) -> str:
        key = match.group(0)
        if key not in seen:
            seen[key] = f"{match.group(1)}_#{sum(1 for k in seen if k.startswith(match.group(1)))}"
        return seen[key]

    return _COUNTERS.sub(name, text)


def chart_facts(at: Any) -> list[str]:
    """Every chart as lines: its normalised spec, then its data rows."""
    lines: list[str] = []
    for chart in at.get("vega_lite_chart"):
        proto = chart.proto
        spec = json.loads(proto.spec)
        rillet = type(proto).__module__.startswith("rillet")
        frames = _rillet_frames(proto) if rillet else _streamlit_frames(proto)
        spec.pop("$schema", None)
        inline = spec.pop("datasets", None) or {}
        data = spec.pop("data", None) or {}
        name = data.get("name", "")
        if "values" in data:  # rows inline in the spec: Streamlit moves them to the chart's data
            inline[name] = data["values"]
        transforms = spec.get("transform") or []
        folds = [t for t in transforms if "fold" in t]
        if folds:
            spec["transform"] = [t for t in transforms if "fold" not in t] or None
            if spec["transform"] is None:
                del spec["transform"]
        import pandas as pd

        frame = frames.get(name) if name in frames else frames.get("")
        if (frame is None or frame.empty) and name in inline:
            frame = pd.DataFrame(inline[name])
        if frame is not None:
            for fold in folds:
                frame = _fold(frame, fold)
        lines.append(f"chart {chart.type}")
        lines.extend(_renumber(json.dumps(spec, sort_keys=True, indent=1)).splitlines())
        lines.extend(_rows(frame) if frame is not None else ["(no data)"])
    return lines


BUILTIN_CASES = [
    "st.line_chart(df, y='a')",
    "st.line_chart(df[['a', 'b', 'n']])",
    "st.line_chart(df, x='d', y=['a', 'b'], x_label='X', y_label='Y', color=['#ff0000', '#00ff00'])",
    "st.line_chart(df, x='a', y='b', color='c')",
    "st.line_chart(df[['c', 'a']].set_index('c'))",
    "st.line_chart(df.set_index('d'), y='a')",
    "st.line_chart(pd.Series([3, 1, 2], name='ser'))",
    "st.line_chart({'p': [1, 2], 'q': [3, 4]})",
    "st.line_chart(np.array([1, 2, 3]))",
    "st.line_chart(df, width=400, height=300)",
    "st.line_chart(df[['a', 'n']], use_container_width=False)",
    "st.line_chart(df, x='a', y='b', color='n')",
    "st.area_chart(df, y=['a', 'b'])",
    "st.area_chart(df, y='a')",
    "st.area_chart(df, y=['a', 'b'], stack='normalize')",
    "st.area_chart(df, y=['a', 'n'], stack=True)",
    "st.area_chart(df, y=['a', 'n'], stack=False)",
    "st.bar_chart(df[['a', 'n']])",
    "st.bar_chart(df, x='c', y='a', horizontal=True, sort='-a')",
    "st.bar_chart(df, x='c', y='a', horizontal=True, x_label='XL', y_label='YL')",
    "st.bar_chart(df, x='c', y=['a', 'b'], stack='layered')",
    "st.bar_chart(df, x='c', y=['a', 'b'], color=['#f00', '#0f0'], stack=False)",
    "st.bar_chart(df.set_index('c')[['a', 'b']], sort=False)",
    "st.bar_chart(df, x='c', y='a', sort='a')",
    "st.bar_chart(df.set_index('d'), y='a', color='#ff0000')",
    "st.bar_chart(df, y=['a', 'b'], stack='center')",
    "st.scatter_chart(df, x='a', y='b')",
    "st.scatter_chart(df, x='a', y='b', color='c', size='s')",
    "st.scatter_chart(df, x='a', y='b', color='h', size=30)",
    "st.scatter_chart(df, x='a', y=['a', 'b'])",
    "st.scatter_chart(df[['a', 'n']])",
]


@pytest.mark.parametrize("call", BUILTIN_CASES)
def test_builtin_chart_spec_and_data_match_streamlit(call: str) -> None:
    assert_same_facts(HEAD + call + "\n", chart_facts)


SPEC_CASES = [
    "st.vega_lite_chart(df, {'mark': 'bar', 'encoding': {'x': {'field': 'c', 'type': 'ordinal'},"
    " 'y': {'field': 'a', 'type': 'quantitative'}}}, theme=None)",
    "import altair as alt\n"
    "st.altair_chart(alt.Chart(df).mark_point().encode(x='a', y='b', color='c'))",
    "import altair as alt\n"
    "st.altair_chart(alt.Chart(df).mark_line().encode(x='d', y='a'), use_container_width=True)",
]


@pytest.mark.parametrize("call", SPEC_CASES)
def test_user_spec_charts_match_streamlit(call: str) -> None:
    assert_same_facts(HEAD + call + "\n", chart_facts)


def test_selection_state_before_any_selection_matches_streamlit() -> None:
    assert_same_facts(
        HEAD
        + """
import altair as alt
pick = alt.selection_point(name="pick")
brush = alt.selection_interval(name="brush")
chart = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(pick, brush)
event = st.altair_chart(chart, on_select="rerun", key="ch")
st.write(event)
st.write(event.selection.pick, event.selection.brush)
only = st.altair_chart(chart, on_select="rerun", selection_mode="brush", key="two")
st.write(only)
""",
        lambda at: [repr(m.value) for m in at.markdown] + [repr(j.value) for j in at.json],
    )


@pytest.mark.parametrize(
    "call",
    [
        "st.line_chart(pd.DataFrame({'a': [1]}), x='zz')",
        "st.line_chart(pd.DataFrame({'a': [1]}), y=['a', 'zz'])",
        "st.line_chart(5)",
        "st.vega_lite_chart(pd.DataFrame({'a': [1]}))",
        "st.vega_lite_chart(None, {'mark': 'bar'}, on_select='rerun')",
        "st.vega_lite_chart(None, {'mark': 'bar', 'params': [{'name': 's', 'select': 'interval'}]},"
        " on_select='rerun', selection_mode='zz')",
        "st.vega_lite_chart(None, {'mark': 'bar', 'params': [{'name': 's', 'select': 'interval'}]},"
        " on_select='bogus')",
    ],
)
def test_bad_chart_input_fails_where_streamlit_fails(call: str) -> None:
    assert_fails_alike("import pandas as pd\n" + call)


@pytest.mark.parametrize(
    "name",
    [
        *("line_chart", "area_chart", "bar_chart", "scatter_chart", "altair_chart"),
        *("vega_lite_chart", "plotly_chart", "pydeck_chart", "map", "pyplot"),
        *("graphviz_chart", "echarts_chart", "mermaid_chart"),
    ],
)
def test_chart_commands_take_streamlits_parameters_and_defaults(name: str) -> None:
    import inspect

    import streamlit

    import rillet

    def shape(fn: Any) -> list[tuple[str, Any, Any]]:
        params = inspect.signature(fn).parameters.values()
        return [(p.name, p.kind, p.default) for p in params]

    assert shape(getattr(rillet, name)) == shape(getattr(streamlit, name))
