"""Chart apps as published apps write them, through Streamlit 1.67's AppTest and rillet's.

Each app runs unchanged on both sides; what is compared after every run is
the page outline (element kinds, texts, widget values, session state) plus,
per chart, what the script sends: the Vega-Lite spec and its data rows (as
test_vega_charts.py normalises them), the Plotly figure JSON without its
template, the deck JSON, the DOT source and engine, and how many images a
pyplot figure makes. Errors raised by the chart commands themselves are
compared by where they show, not by their words.

Differences left on purpose:
- Chart selections cannot be made through either AppTest (neither offers a
  chart interaction), so selection state is compared before any selection
  and after a rerun; the round trip itself is covered in the browser
  (tests/browser/test_chart_apps.py).
- ``st.bokeh_chart`` is gone from Streamlit 1.67, so nothing is compared.
- Streamlit refuses a second unkeyed ``st.plotly_chart`` of the same figure
  and parameters in the same container (an auto-generated id clash); rillet
  draws both. Left: it only makes failing apps fail, and which containers
  and parameters count would need care to avoid refusing working apps.
- A column of ``datetime.time`` values as x: Streamlit types it temporal
  (sent as Arrow times); rillet sends text and types it nominal. Left for
  want of a way to see what Streamlit's page draws from Arrow times.
- A Plotly figure on Plotly's default template with ``theme="streamlit"``:
  rillet sends it without the template (the page themes it), Streamlit
  sends the template and replaces it in the page; the figures compare
  without templates.
- ``st.map(size=[...])``/``size=<not a number>``: Streamlit passes any value
  on to deck.gl; rillet refuses what is neither a number nor text, naming
  the argument. A string that is not a column passes through as Streamlit's.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from harness import OWN_ERROR_WORDS, Known, assert_same_facts, outline
from test_vega_charts import chart_facts

pytest.importorskip("streamlit")
pytest.importorskip("altair")
pytest.importorskip("plotly")
pytestmark = pytest.mark.streamlit

HEAD = """
import datetime as dt
import numpy as np
import pandas as pd
import streamlit as st
rng = np.random.default_rng(7)
"""


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

# The chart apps here show no warnings of their own: a warning is a command's notice.
OWN_NOTICE_WORDS = Known(
    "warning", ("body",), "rillet words its own deprecation notices (never Streamlit's text)"
)


def page_facts(at: Any) -> list[str]:
    """The outline of the page, then what every chart on it sends."""
    lines = outline(at).render([OWN_ERROR_WORDS, OWN_NOTICE_WORDS])
    lines += chart_facts(at)
    for chart in at.get("plotly_chart"):
        figure = json.loads(chart.proto.spec)
        figure.get("layout", {}).pop("template", None)
        lines.append("plotly " + json.dumps(figure, sort_keys=True))
        config = json.loads(chart.proto.config or "{}")
        lines.append(f"plotly config={config} theme={chart.proto.theme!r}")
    for chart in at.get("vega_lite_chart"):
        lines.append(f"vega theme={chart.proto.theme!r}")
    for deck in at.get("deck_gl_json_chart"):
        # pydeck names an unnamed layer with a random uuid on each side.
        text = json.dumps(json.loads(deck.proto.json), sort_keys=True)
        lines.append("deck " + _UUID.sub("<uuid>", text))
    for graph in at.get("graphviz_chart"):
        lines.append(f"dot {graph.proto.spec!r} engine={graph.proto.engine!r}")
    lines.append(f"images {[len(image.proto.imgs) for image in at.image]}")
    return lines


BUILTIN_APPS = {
    "random wide frame": """
        chart_data = pd.DataFrame(rng.standard_normal((20, 3)), columns=["a", "b", "c"])
        st.line_chart(chart_data)
        st.area_chart(chart_data)
        st.bar_chart(chart_data)
        st.scatter_chart(chart_data)
    """,
    "x and y lists with colour list": """
        chart_data = pd.DataFrame(
            {"col1": list(range(10)), "col2": rng.standard_normal(10), "col3": rng.standard_normal(10)}
        )
        st.line_chart(chart_data, x="col1", y=["col2", "col3"], color=["#FF0000", "#0000FF"])
    """,
    "long frame coloured by category": """
        df = pd.DataFrame({
            "year": [2020, 2021, 2022] * 2,
            "sales": [10, 12, 15, 7, 9, 14],
            "region": ["north"] * 3 + ["south"] * 3,
        })
        st.bar_chart(df, x="year", y="sales", color="region", stack=False)
        st.line_chart(df, x="year", y="sales", color="region")
        st.area_chart(df, x="year", y="sales", color="region", stack="center")
    """,
    "scatter with size and colour columns": """
        df = pd.DataFrame(rng.standard_normal((12, 3)), columns=["x", "y", "z"])
        df["kind"] = ["p", "q", "r"] * 4
        df["weight"] = np.arange(12) * 10
        st.scatter_chart(df, x="x", y="y", color="kind", size="weight")
        st.scatter_chart(df, x="x", y=["y", "z"], size=60, color=["#1f77b4", "#ff7f0e"])
    """,
    "datetime index from a resample": """
        idx = pd.date_range("2024-01-01", periods=6, freq="D")
        prices = pd.DataFrame({"AAPL": [1.0, 2, 3, 2, 4, 5], "MSFT": [2.0, 2, 1, 3, 3, 4]}, index=idx)
        st.line_chart(prices)
        st.area_chart(prices, stack="normalize")
        st.bar_chart(prices["AAPL"])
    """,
    "categorical x, horizontal bars sorted": """
        df = pd.DataFrame({"fruit": ["apple", "kiwi", "pear", "fig"], "count": [5, 9, 2, 7]})
        st.bar_chart(df, x="fruit", y="count", horizontal=True, sort="-count")
        st.bar_chart(df, x="fruit", y="count", sort=False, x_label="Fruit", y_label="How many")
        st.bar_chart(df.set_index("fruit"), horizontal=True, color="#ffaa00")
    """,
    "NaN and missing values": """
        df = pd.DataFrame({"t": [1, 2, 3, 4], "a": [1.0, np.nan, 3.0, 4.0], "b": [None, 2, 2, 1]})
        st.line_chart(df, x="t")
        st.scatter_chart(df, x="t", y="a")
        st.bar_chart(df, x="t", y=["a", "b"], stack="layered")
    """,
    "sizes and container width": """
        df = pd.DataFrame({"v": [3, 1, 2]})
        st.line_chart(df, height=250)
        st.area_chart(df, width=300, use_container_width=False)
        st.bar_chart(df, width=500, height=200)
    """,
    "series, dict and numpy input": """
        st.line_chart(pd.Series([1, 3, 2], index=["a", "b", "c"], name="val"))
        st.bar_chart({"x": [1, 2, 3], "y": [3, 2, 1]}, x="x")
        st.area_chart(np.arange(12).reshape(4, 3))
        st.scatter_chart(pd.Series([5.0, 6.0, 7.0]))
    """,
    "inside columns, tabs and sidebar": """
        left, right = st.columns(2)
        df = pd.DataFrame({"a": [1, 2], "b": [2, 1]})
        with left:
            st.line_chart(df)
        right.bar_chart(df, stack=True)
        one, two = st.tabs(["Area", "Scatter"])
        one.area_chart(df)
        two.scatter_chart(df, x="a", y="b")
        st.sidebar.line_chart(df["a"])
    """,
    "integer and boolean columns, mixed names": """
        df = pd.DataFrame({1: [1, 2, 3], "two words": [3, 2, 1], "flag": [True, False, True]})
        st.line_chart(df, y=[1, "two words"])
        st.bar_chart(df, x="flag", y="two words")
    """,
    "widgets drive a chart": """
        n = st.slider("points", 2, 10, 4)
        kind = st.radio("kind", ["line", "bar"])
        data = pd.DataFrame({"x": list(range(n)), "y": [i * i for i in range(n)]})
        getattr(st, f"{kind}_chart")(data, x="x", y="y")
    """,
    "stock prices in long form": """
        dates = pd.date_range("2023-01-01", periods=4, freq="MS")
        stocks = pd.DataFrame({
            "date": list(dates) * 2,
            "symbol": ["AAPL"] * 4 + ["GOOG"] * 4,
            "price": [130.0, 145.5, 150.2, 160.1, 88.0, 92.5, 101.3, 105.0],
        })
        st.line_chart(stocks, x="date", y="price", color="symbol")
        st.area_chart(stocks, x="date", y="price", color="symbol", stack="normalize")
        st.bar_chart(stocks, x="symbol", y="price", sort="price")
    """,
    "awkward column names": """
        df = pd.DataFrame({"a.b": [1, 2, 3], "c[0]": [3, 2, 1], "d:e": [2, 2, 2], "f g": [1, 1, 1]})
        st.line_chart(df)
        st.bar_chart(df, x="f g", y="a.b")
        st.scatter_chart(df, x="a.b", y="c[0]", size="f g", color="c[0]")
        st.line_chart(df, x="f g", y=["a.b", "c[0]"])
        st.line_chart(df, x="a.b", y="c[0]")
        st.bar_chart(df.set_index("a.b"), y="c[0]", sort="-c[0]")
    """,
    "timezones, negatives and empty frames": """
        idx = pd.date_range("2024-05-01", periods=3, freq="h", tz="Europe/Paris")
        st.line_chart(pd.DataFrame({"temp": [-2.5, 0.0, 3.5]}, index=idx))
        st.bar_chart(pd.DataFrame({"delta": [-3, 4, -1]}, index=["x", "y", "z"]))
        st.line_chart(pd.DataFrame())
        st.area_chart(pd.DataFrame({"a": []}))
    """,
    "charts in an expander, a form and a bordered container": """
        df = pd.DataFrame({"a": [1, 3, 2]})
        with st.expander("Details", expanded=True):
            st.line_chart(df)
        with st.form("f"):
            st.bar_chart(df)
            st.form_submit_button("Go")
        with st.container(border=True):
            st.scatter_chart(df)
    """,
    "text dates and string numbers": """
        df = pd.DataFrame({"day": ["2024-01-01", "2024-01-02", "2024-01-03"], "n": [1, 4, 2]})
        st.line_chart(df, x="day", y="n")
        st.bar_chart(df, x="day", y="n", horizontal=True)
        st.line_chart(pd.DataFrame({"k": ["a", "b"], "v": ["1", "2"]}), x="k", y="v")
    """,
    "nullable integers and categories": """
        df = pd.DataFrame({
            "x": pd.array([1, 2, None], dtype="Int64"),
            "y": pd.array([3.0, None, 1.0], dtype="Float64"),
            "g": pd.Categorical(["p", "q", "p"]),
        })
        st.line_chart(df, x="x", y="y")
        st.bar_chart(df, x="g", y="y", color="g")
        st.scatter_chart(df, x="x", y="y", color="g")
    """,
    "value counts, group means and pivots": """
        sales = pd.DataFrame({
            "day": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-02", "2024-01-02"]),
            "shop": ["north", "south", "north", "south"],
            "item": ["tea", "tea", "cake", "tea"],
            "amount": [3.0, 4.5, 2.0, 5.5],
        })
        st.bar_chart(sales["item"].value_counts())
        st.bar_chart(sales.groupby("shop")["amount"].mean())
        st.line_chart(sales.pivot(index="day", columns="shop", values="amount"))
        st.area_chart(sales.groupby(["day", "shop"])["amount"].sum().unstack())
        st.bar_chart(sales.groupby(["shop", "item"]).sum(numeric_only=True).reset_index(),
                     x="shop", y="amount", color="item")
    """,
    "python dates, periods and mixed x": """
        df = pd.DataFrame({"d": [dt.date(2024, 1, i) for i in (1, 2, 3)], "v": [1, 3, 2]})
        st.line_chart(df, x="d", y="v")
        st.bar_chart(df.set_index("d"))
        months = pd.period_range("2024-01", periods=3, freq="M")
        st.line_chart(pd.DataFrame({"v": [1, 2, 3]}, index=months.to_timestamp()))
    """,
    "more rows than Altair allows": """
        import altair as alt
        big = pd.DataFrame({"x": np.arange(6000), "y": np.sin(np.arange(6000) / 100)})
        st.altair_chart(alt.Chart(big).mark_line().encode(x="x", y="y"))
        st.line_chart(big, x="x", y="y")
    """,
    "colour tuples, normalised horizontal stacks and long sorts": """
        df = pd.DataFrame({"k": ["a", "b", "c", "a"], "g": ["x", "x", "y", "y"], "v": [3, 1, 2, 5],
                           "w": [1.0, 2.0, 3.0, 4.0]})
        st.bar_chart(df, x="k", y="v", color="g", stack="normalize", horizontal=True)
        st.bar_chart(df, x="k", y="v", color="g", sort="-v")
        st.line_chart(df, y=["v", "w"], color=("#ff0000", "#00ff00"))
        st.scatter_chart(df, x="v", y="w", color=(255, 0, 0))
        st.area_chart(df, x="w", y="v", color="#abc")
        st.bar_chart(df, x="k", y=["v", "w"], horizontal=True, stack="layered", y_label="amount")
    """,
    "arrow tables, records and styled frames": """
        import pyarrow as pa
        st.line_chart(pa.table({"x": [1, 2, 3], "y": [2.0, 1.0, 3.0]}), x="x", y="y")
        st.bar_chart([{"k": "a", "v": 1}, {"k": "b", "v": 2}], x="k", y="v")
        st.scatter_chart(pd.DataFrame({"x": [1, 2], "y": [3, 4]}).style.highlight_max(), x="x", y="y")
        st.area_chart(np.array([[1, 2], [3, 4], [5, 6]]), stack=True)
    """,
    "bars coloured by their own category": """
        df = pd.DataFrame({"fruit": ["apple", "kiwi", "fig"], "n": [4, 2, 5],
                           "hue": ["#ff0000", "#00ff00", "#0000ff"]})
        st.bar_chart(df, x="fruit", y="n", color="fruit")
        st.bar_chart(df, x="fruit", y="n", color="hue", horizontal=True)
        st.scatter_chart(df, x="n", y="n", color="fruit", size="n")
        st.line_chart(df, x="n", y="n")
    """,
    "odd value columns": """
        df = pd.DataFrame({"x": [1, 2, 3], "word": ["lo", "hi", "lo"], "flag": [True, False, True],
                           "big": [10**12, 2 * 10**12, 3 * 10**12], "tiny": [1e-9, 2e-9, 3e-9]})
        st.line_chart(df, x="x", y="word")
        st.bar_chart(df, x="x", y="flag")
        st.scatter_chart(df, x="big", y="tiny", color="flag")
        st.area_chart(df, x="x", y=["big", "tiny"])
        st.line_chart(df, x="word", y="x", color="word")
    """,
    "empty and all-missing columns": """
        df = pd.DataFrame({"x": [1, 2, 3], "gone": [np.nan] * 3, "s": [5.0, np.nan, 7.0],
                           "c": ["#ff0000", None, "#0000ff"]})
        st.line_chart(df, x="x", y="gone")
        st.scatter_chart(df, x="x", y="s", size="s", color="c")
        st.bar_chart(df.iloc[:0], x="x", y="s")
        st.area_chart(df[["gone"]])
    """,
    "named widths and heights": """
        df = pd.DataFrame({"a": [1, 3, 2]})
        st.line_chart(df, width="content", height="stretch")
        st.bar_chart(df, width="stretch", height=150)
        st.scatter_chart(df, width=200, height="content")
        st.area_chart(df, use_container_width=True, width=300)
    """,
}

BUILTIN_STEPS: dict[str, list[Any]] = {
    "widgets drive a chart": [("slider", 0, "set_value", 7), ("radio", 0, "set_value", "bar")],
}


@pytest.mark.parametrize("name", list(BUILTIN_APPS))
def test_builtin_chart_apps_match_streamlit(name: str) -> None:
    assert_same_facts(HEAD + _dedent(BUILTIN_APPS[name]), page_facts, BUILTIN_STEPS.get(name, []))


ALTAIR_APPS = {
    "layered line and points": """
        import altair as alt
        df = pd.DataFrame({"x": [1, 2, 3, 4], "y": [2, 4, 3, 5]})
        base = alt.Chart(df).encode(x="x:Q", y="y:Q")
        st.altair_chart(base.mark_line() + base.mark_point(), use_container_width=True)
    """,
    "concatenated and faceted": """
        import altair as alt
        df = pd.DataFrame({"a": [1, 2, 3, 4], "b": [4, 3, 2, 1], "g": ["u", "v", "u", "v"]})
        left = alt.Chart(df).mark_bar().encode(x="g:N", y="sum(a):Q")
        right = alt.Chart(df).mark_point().encode(x="a", y="b")
        st.altair_chart(left | right)
        st.altair_chart(alt.vconcat(left, right), theme=None)
        st.altair_chart(alt.Chart(df).mark_point().encode(x="a", y="b").facet(column="g"))
    """,
    "interactive with tooltips and theme none": """
        import altair as alt
        df = pd.DataFrame({"when": pd.date_range("2024-03-01", periods=4), "v": [1, 5, 2, 6]})
        chart = alt.Chart(df).mark_area(opacity=0.4).encode(
            x=alt.X("when:T", title="Date"), y="v:Q", tooltip=["when", "v"]
        ).properties(title="Trend", height=220).interactive()
        st.altair_chart(chart, theme=None)
        st.altair_chart(chart, theme="streamlit")
    """,
    "point selection with a name": """
        import altair as alt
        df = pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2], "c": ["x", "y", "z"]})
        pick = alt.selection_point(name="pick", fields=["c"])
        chart = alt.Chart(df).mark_circle(size=90).encode(
            x="a", y="b", color=alt.condition(pick, "c", alt.value("lightgray"))
        ).add_params(pick)
        event = st.altair_chart(chart, on_select="rerun", key="scatter")
        st.write(event.selection)
        st.write("picked:", event["selection"].get("pick"))
    """,
    "interval brush and linked bars": """
        import altair as alt
        df = pd.DataFrame({"a": range(8), "b": [3, 1, 4, 1, 5, 9, 2, 6], "k": list("pqpqpqpq")})
        brush = alt.selection_interval(name="brush", encodings=["x"])
        points = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(brush)
        bars = alt.Chart(df).mark_bar().encode(x="k", y="count()").transform_filter(brush)
        event = st.altair_chart(points & bars, on_select="rerun")
        st.json(event)
    """,
    "unnamed selections read as param_1, param_2": """
        import altair as alt
        df = pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2]})
        chart = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(
            alt.selection_point(), alt.selection_interval()
        )
        event = st.altair_chart(chart, on_select="rerun", key="unnamed")
        st.write(sorted(event.selection))
        st.write(event.selection.param_1)
    """,
    "zoomable chart with a selection": """
        import altair as alt
        df = pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2]})
        chart = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(
            alt.selection_point(name="pt")
        ).interactive()
        event = st.altair_chart(chart, on_select="rerun", key="zoomed")
        st.write(sorted(event.selection))
        st.vega_lite_chart(df, {"mark": "point", "encoding": {"x": {"field": "a"}},
                                "params": [{"name": "grid", "select": "interval",
                                            "bind": "scales"}]}, on_select="rerun", key="scales")
        st.write(st.session_state.scales)
    """,
    "selection with a callback and ignore": """
        import altair as alt
        df = pd.DataFrame({"a": [1, 2], "b": [2, 1]})
        sel = alt.selection_point(name="sel")
        chart = alt.Chart(df).mark_bar().encode(x="a:O", y="b").add_params(sel)
        def changed():
            st.session_state.calls = st.session_state.get("calls", 0) + 1
        st.altair_chart(chart, on_select=changed, key="bars")
        st.altair_chart(chart, on_select="ignore")
        st.write(st.session_state.get("calls", 0))
    """,
    "selection state survives a rerun": """
        import altair as alt
        df = pd.DataFrame({"a": [1, 2], "b": [2, 1]})
        sel = alt.selection_point(name="sel")
        chart = alt.Chart(df).mark_bar().encode(x="a:O", y="b").add_params(sel)
        event = st.altair_chart(chart, on_select="rerun", key="bars")
        st.button("again")
        st.write(st.session_state.bars)
    """,
    "selections inside layers and concatenations": """
        import altair as alt
        df = pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2], "c": ["x", "y", "z"]})
        click = alt.selection_point(name="click", fields=["c"])
        span = alt.selection_interval(name="span", encodings=["x"])
        top = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(span)
        bottom = alt.Chart(df).mark_bar().encode(x="c", y="a").add_params(click)
        layered = alt.layer(top, alt.Chart(df).mark_line().encode(x="a", y="b"))
        event = st.altair_chart(alt.vconcat(layered, bottom), on_select="rerun",
                                selection_mode=["click"], key="both")
        st.write(event)
        other = st.altair_chart(top | bottom, on_select="rerun", selection_mode="span")
        st.write(other.selection)
    """,
    "the same chart shown twice": """
        import altair as alt
        chart = alt.Chart(pd.DataFrame({"a": [1, 2]})).mark_bar().encode(x="a:O")
        st.altair_chart(chart)
        st.altair_chart(chart)
        st.vega_lite_chart({"mark": "bar"})
        st.vega_lite_chart({"mark": "bar"})
        st.line_chart({"a": [1, 2]})
        st.line_chart({"a": [1, 2]})
        st.map(pd.DataFrame({"lat": [1.0], "lon": [2.0]}))
        st.map(pd.DataFrame({"lat": [1.0], "lon": [2.0]}))
        st.graphviz_chart("digraph { a -> b }")
        st.graphviz_chart("digraph { a -> b }")
    """,
    "sized altair charts": """
        import altair as alt
        df = pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2]})
        base = alt.Chart(df).mark_bar().encode(x="a:O", y="b")
        st.altair_chart(base.properties(width="container", height=200))
        st.altair_chart(base.properties(width=250), use_container_width=True)
        st.altair_chart(base.properties(width=250), width="content", height=180)
        st.altair_chart(base, width=320, height="stretch")
        st.altair_chart(base.configure_axis(grid=False).configure_view(strokeWidth=0))
    """,
    "inline values, URLs and sequences": """
        import altair as alt
        values = alt.Data(values=[{"k": "a", "v": 2}, {"k": "b", "v": 5}])
        st.altair_chart(alt.Chart(values).mark_arc().encode(theta="v:Q", color="k:N"))
        st.altair_chart(alt.Chart("https://example.com/cars.json").mark_point()
                        .encode(x="Horsepower:Q", y="Miles_per_Gallon:Q"))
        st.altair_chart(alt.Chart(alt.sequence(0, 5, as_="x")).transform_calculate(y="datum.x * 2")
                        .mark_line().encode(x="x:Q", y="y:Q"))
        df = pd.DataFrame({"k": ["a", "b"], "v": [2, 5]})
        bars = alt.Chart(df).mark_bar().encode(x="k", y="v")
        st.altair_chart(bars + bars.mark_text(dy=-5).encode(text="v"))
    """,
    "the selection event used as a dict": """
        import json
        import altair as alt
        df = pd.DataFrame({"a": [1, 2], "b": [2, 1]})
        chart = alt.Chart(df).mark_point().encode(x="a", y="b").add_params(
            alt.selection_interval(name="box")
        )
        event = st.altair_chart(chart, on_select="rerun", key="ev")
        st.text(json.dumps(event))
        st.text(repr(isinstance(event, dict)))
        st.text(repr(sorted(event.keys())))
        st.text(repr("selection" in event))
        st.text(repr(event.get("selection", {}).get("box")))
        st.text(repr(dict(event.selection)))
        st.text(repr(event.selection.get("box", "none")))
        st.text(repr(st.session_state.ev == event))
        import plotly.express as px
        pe = st.plotly_chart(px.scatter(x=[1], y=[1]), on_select="rerun", key="pe")
        st.text(json.dumps(pe, sort_keys=True))
        st.text(repr(isinstance(pe, dict)) + repr(sorted(pe.selection)))
        st.text(repr(pe.selection.points == []))
    """,
}

ALTAIR_STEPS: dict[str, list[Any]] = {
    "selection state survives a rerun": [("button", 0, "click")],
}


@pytest.mark.parametrize("name", list(ALTAIR_APPS))
def test_altair_apps_match_streamlit(name: str) -> None:
    assert_same_facts(HEAD + _dedent(ALTAIR_APPS[name]), page_facts, ALTAIR_STEPS.get(name, []))


VEGA_APPS = {
    "spec with data argument": """
        df = pd.DataFrame(rng.standard_normal((6, 3)), columns=["a", "b", "c"])
        st.vega_lite_chart(df, {
            "mark": {"type": "circle", "tooltip": True},
            "encoding": {"x": {"field": "a", "type": "quantitative"},
                         "y": {"field": "b", "type": "quantitative"},
                         "size": {"field": "c", "type": "quantitative"},
                         "color": {"field": "c", "type": "quantitative"}},
        }, use_container_width=True)
    """,
    "data inside the spec": """
        st.vega_lite_chart({
            "data": {"values": [{"k": "a", "v": 3}, {"k": "b", "v": 5}]},
            "mark": "bar",
            "encoding": {"x": {"field": "k", "type": "nominal"},
                         "y": {"field": "v", "type": "quantitative"}},
        })
    """,
    "named datasets in the spec": """
        st.vega_lite_chart({
            "datasets": {"points": [{"x": 1, "y": 2}, {"x": 2, "y": 4}]},
            "data": {"name": "points"},
            "mark": "line",
            "encoding": {"x": {"field": "x", "type": "quantitative"},
                         "y": {"field": "y", "type": "quantitative"}},
        }, theme=None)
    """,
    "spec keyword arguments and layers": """
        df = pd.DataFrame({"x": [1, 2, 3], "y": [1, 4, 9]})
        st.vega_lite_chart(df, width=300, height=200, layer=[
            {"mark": "line", "encoding": {"x": {"field": "x", "type": "quantitative"},
                                         "y": {"field": "y", "type": "quantitative"}}},
            {"mark": "point", "encoding": {"x": {"field": "x", "type": "quantitative"},
                                          "y": {"field": "y", "type": "quantitative"}}},
        ])
    """,
    "spec with a selection param": """
        df = pd.DataFrame({"x": [1, 2, 3], "y": [1, 4, 9]})
        event = st.vega_lite_chart(df, {
            "mark": "point",
            "params": [{"name": "pts", "select": "point"}],
            "encoding": {"x": {"field": "x", "type": "quantitative"},
                         "y": {"field": "y", "type": "quantitative"}},
        }, on_select="rerun", key="v")
        st.write(event)
    """,
    "spec by keyword and zero sizes": """
        df = pd.DataFrame({"x": [1, 2], "y": [2, 1]})
        st.vega_lite_chart(data=df, spec={"mark": "bar", "encoding": {
            "x": {"field": "x", "type": "ordinal"}, "y": {"field": "y", "type": "quantitative"}}})
        st.vega_lite_chart(spec={"mark": "tick", "data": {"values": [{"v": 1}]},
                                 "encoding": {"x": {"field": "v", "type": "quantitative"}}})
        st.line_chart(df, x="x", y="y", width=0, height=0)
    """,
    "timezone dates through Altair": """
        import altair as alt
        df = pd.DataFrame({
            "t": pd.date_range("2024-06-01", periods=3, freq="D", tz="UTC"),
            "v": [1.5, 2.5, 0.5],
        })
        st.altair_chart(alt.Chart(df).mark_line(point=True).encode(x="t:T", y="v:Q"))
        st.altair_chart(alt.Chart(df).mark_bar().encode(x="monthdate(t):O", y="v"))
    """,
    "repeat, transforms and a dict of columns": """
        data = {"a": [1, 2, 3, 4], "b": [4, 1, 3, 2], "c": ["p", "q", "p", "q"]}
        st.vega_lite_chart(data, {
            "repeat": ["a", "b"],
            "spec": {"mark": "bar", "encoding": {
                "x": {"field": {"repeat": "repeat"}, "type": "quantitative", "bin": True},
                "y": {"aggregate": "count", "type": "quantitative"}}},
        })
        st.vega_lite_chart(pd.DataFrame(data), {
            "transform": [{"filter": "datum.a > 1"}, {"calculate": "datum.a * 2", "as": "d"}],
            "mark": {"type": "line", "point": True},
            "encoding": {"x": {"field": "a", "type": "quantitative"},
                         "y": {"field": "d", "type": "quantitative"},
                         "color": {"field": "c", "type": "nominal"}},
        }, use_container_width=False, theme=None)
        st.vega_lite_chart(pd.DataFrame(data), {
            "mark": "rect",
            "encoding": {"x": {"field": "c", "type": "nominal"}, "y": {"field": "a", "type": "ordinal"},
                         "color": {"field": "b", "type": "quantitative"}},
        }, height=200)
    """,
}


@pytest.mark.parametrize("name", list(VEGA_APPS))
def test_vega_lite_apps_match_streamlit(name: str) -> None:
    assert_same_facts(HEAD + _dedent(VEGA_APPS[name]), page_facts)


PLOTLY_APPS = {
    "express scatter with colour and hover": """
        import plotly.express as px
        df = pd.DataFrame({"w": [1.0, 2.0, 3.0, 4.0], "h": [3, 1, 4, 1], "s": list("abab")})
        fig = px.scatter(df, x="w", y="h", color="s", hover_data=["s"], title="Iris-ish")
        st.plotly_chart(fig, use_container_width=True)
    """,
    "express bar, line and histogram": """
        import plotly.express as px
        df = pd.DataFrame({"country": ["A", "B", "C"], "pop": [3, 7, 5]})
        st.plotly_chart(px.bar(df, x="country", y="pop", text_auto=True))
        st.plotly_chart(px.line(df, x="country", y="pop", markers=True), theme=None)
        st.plotly_chart(px.histogram(df, x="pop", nbins=3))
    """,
    "graph objects with subplots and config": """
        import plotly.graph_objects as go
        from plotly.subplots import make_subplots
        fig = make_subplots(rows=1, cols=2, subplot_titles=("one", "two"))
        fig.add_trace(go.Scatter(x=[1, 2], y=[3, 4], mode="lines+markers", name="s"), 1, 1)
        fig.add_trace(go.Bar(x=["a", "b"], y=[2, 5], name="b"), 1, 2)
        fig.update_layout(height=350, showlegend=False)
        st.plotly_chart(fig, config={"displayModeBar": False, "scrollZoom": True})
    """,
    "datetime axis and pie": """
        import plotly.express as px
        import plotly.graph_objects as go
        df = pd.DataFrame({"d": pd.date_range("2024-01-01", periods=3), "v": [1, 3, 2]})
        st.plotly_chart(px.area(df, x="d", y="v"))
        st.plotly_chart(go.Figure(go.Pie(labels=["x", "y"], values=[30, 70], hole=0.4)))
    """,
    "selection events of each mode": """
        import plotly.express as px
        fig = px.scatter(x=[1, 2, 3], y=[2, 1, 3])
        points = st.plotly_chart(fig, on_select="rerun", key="p")
        box = st.plotly_chart(fig, on_select="rerun", selection_mode="box", key="b")
        lasso = st.plotly_chart(fig, on_select="rerun", selection_mode=("lasso", "points"))
        st.write(points)
        st.write(box.selection.box, lasso["selection"]["lasso"])
        st.write(points.selection.point_indices)
    """,
    "plotly selection with callback": """
        import plotly.express as px
        def picked():
            st.session_state.n = st.session_state.get("n", 0) + 1
        st.plotly_chart(px.bar(x=["a", "b"], y=[1, 2]), on_select=picked, key="bars")
        st.write(st.session_state.bars)
        st.button("rerun")
    """,
    "candlestick, heatmap and sunburst": """
        import plotly.express as px
        import plotly.graph_objects as go
        days = pd.date_range("2024-02-01", periods=3)
        st.plotly_chart(go.Figure(go.Candlestick(
            x=days, open=[1, 2, 3], high=[2, 3, 4], low=[0.5, 1.5, 2.5], close=[1.5, 2.5, 3.5]
        )))
        st.plotly_chart(px.imshow(np.arange(6).reshape(2, 3), text_auto=True))
        st.plotly_chart(px.sunburst(
            pd.DataFrame({"a": ["x", "x", "y"], "b": ["p", "q", "r"], "v": [1, 2, 3]}),
            path=["a", "b"], values="v",
        ))
    """,
    "figure sizes and the content width": """
        import plotly.express as px
        fig = px.line(x=[1, 2, 3], y=[3, 1, 2])
        fig.update_layout(width=400, height=250, margin=dict(l=0, r=0, t=20, b=0))
        st.plotly_chart(fig, use_container_width=False)
        st.plotly_chart(fig, width="content", height=300)
        st.plotly_chart(fig, width=500)
    """,
    "selectable charts twice, in a form and in a fragment": """
        import plotly.express as px
        fig = px.scatter(x=[1, 2], y=[2, 1])
        with st.form("f"):
            in_form = st.plotly_chart(fig, on_select="rerun", key="inside")
            st.form_submit_button("Send")
        st.write(in_form.selection)
        @st.fragment
        def part():
            event = st.plotly_chart(fig, on_select="rerun", key="frag")
            st.write(event.selection.points)
        part()
        st.plotly_chart(fig, on_select="rerun")
        st.plotly_chart(fig, on_select="rerun")
    """,
}

PLOTLY_STEPS: dict[str, list[Any]] = {"plotly selection with callback": [("button", 0, "click")]}


@pytest.mark.parametrize("name", list(PLOTLY_APPS))
def test_plotly_apps_match_streamlit(name: str) -> None:
    assert_same_facts(HEAD + _dedent(PLOTLY_APPS[name]), page_facts, PLOTLY_STEPS.get(name, []))


OTHER_APPS = {
    "map with common column names": """
        cities = pd.DataFrame({"LAT": [48.85, 51.5], "LON": [2.35, -0.12]})
        st.map(cities)
        st.map(pd.DataFrame({"latitude": [40.7], "longitude": [-74.0]}), zoom=9)
        st.map(pd.DataFrame({"Lat": [1.0], "Lng": [2.0]}), latitude="Lat", longitude="Lng")
    """,
    "map with size and colour columns": """
        df = pd.DataFrame({
            "lat": [37.76, 37.77, 37.78], "lon": [-122.4, -122.41, -122.42],
            "size": [100, 200, 300], "color": [[255, 0, 0], [0, 255, 0], [0, 0, 255]],
        })
        st.map(df, size="size", color="color", use_container_width=False, height=300)
        st.map(df, size=50, color=(10, 20, 30, 0.5))
    """,
    "pydeck layers and tooltip": """
        import pydeck as pdk
        df = pd.DataFrame({"lat": [37.76, 37.77], "lon": [-122.4, -122.41], "n": [3, 8]})
        layer = pdk.Layer("HexagonLayer", data=df, get_position="[lon, lat]", radius=200,
                          elevation_scale=4, extruded=True, pickable=True)
        dots = pdk.Layer("ScatterplotLayer", data=df, get_position="[lon, lat]",
                         get_radius=100, get_fill_color=[200, 30, 0, 160], id="dots")
        view = pdk.ViewState(latitude=37.76, longitude=-122.4, zoom=11, pitch=50)
        st.pydeck_chart(pdk.Deck(layers=[layer, dots], initial_view_state=view,
                                 tooltip={"text": "{n} things"}, map_style=None))
    """,
    "pydeck styles, providers and tooltips": """
        import pydeck as pdk
        df = pd.DataFrame({"lat": [51.5, 48.85], "lon": [-0.12, 2.35], "name": ["London", "Paris"],
                           "when": pd.to_datetime(["2024-01-01", "2024-02-01"])})
        arcs = pdk.Layer("ArcLayer", data=df[["lat", "lon", "name"]], get_source_position=["lon", "lat"],
                         get_target_position=[2.35, 48.85], get_width=3, id="arcs")
        text = pdk.Layer("TextLayer", data=df[["lat", "lon", "name"]], get_position=["lon", "lat"],
                         get_text="name", id="labels")
        st.pydeck_chart(pdk.Deck(layers=[arcs, text], map_style="light", tooltip=True,
                                 initial_view_state=pdk.ViewState(latitude=50, longitude=1, zoom=4)))
        st.pydeck_chart(pdk.Deck(layers=[text], map_provider="mapbox", map_style=pdk.map_styles.SATELLITE),
                        height=300, use_container_width=True)
    """,
    "pydeck selection": """
        import pydeck as pdk
        dots = pdk.Layer("ScatterplotLayer", data=[{"lon": 1, "lat": 2}],
                         get_position=["lon", "lat"], id="dots", pickable=True)
        event = st.pydeck_chart(pdk.Deck(layers=[dots]), on_select="rerun",
                                selection_mode="multi-object", key="deck")
        st.write(event.selection)
    """,
    "graphviz object and dot text": """
        import graphviz
        graph = graphviz.Digraph()
        graph.edge("run", "intr")
        graph.edge("intr", "runbl")
        graph.attr(rankdir="LR")
        st.graphviz_chart(graph)
        st.graphviz_chart('''
            digraph {
                run -> intr
                intr -> runbl
            }
        ''', use_container_width=True)
        st.graphviz_chart(graphviz.Graph(engine="neato", body=["a -- b"]))
    """,
    "graphviz sources, subgraphs and unicode": """
        import graphviz
        st.graphviz_chart(graphviz.Source("digraph { rankdir=LR; début -> fin }", engine="dot"))
        g = graphviz.Digraph(comment="pipeline", format="svg")
        with g.subgraph(name="cluster_0") as c:
            c.attr(label="stage", color="blue")
            c.node("load", shape="box")
            c.edge("load", "clean")
        g.edge("clean", "train", label="fit")
        st.graphviz_chart(g, width=400, height=300)
        st.graphviz_chart(g.source)
    """,
    "pyplot figure, clear and options": """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.hist(rng.normal(1, 1, size=50), bins=8)
        st.pyplot(fig)
        st.pyplot(fig, dpi=80, bbox_inches="tight", clear_figure=True)
        st.write(len(fig.axes))
        fig2 = plt.figure()
        plt.plot([1, 2, 1])
        st.pyplot(fig2, use_container_width=False)
    """,
    "the current figure, subplots and a closed figure": """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        plt.figure(figsize=(4, 3))
        plt.bar(["Thu", "Fri"], [10, 20])
        plt.title("Bills")
        st.pyplot(plt.gcf())
        fig, axes = plt.subplots(1, 2, sharey=True)
        axes[0].scatter([1, 2], [3, 4])
        axes[1].imshow(np.eye(3))
        st.pyplot(fig, width="content")
        plt.close(fig)
        st.pyplot(fig, width=300)
    """,
    "pyplot given the pyplot module and keywords": """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        plt.plot([1, 2, 3], [2, 1, 3])
        st.pyplot(plt)
        fig, ax = plt.subplots()
        ax.pie([1, 2, 3])
        st.pyplot(fig=fig, clear_figure=False)
    """,
    "map columns with gaps": """
        df = pd.DataFrame({"lat": [1.0, 2.0, 3.0], "lon": [4.0, 5.0, 6.0],
                           "r": [100.0, None, 300.0], "c": ["#ff0000", None, "#00ff00"]})
        st.map(df, size="r")
        st.map(df[["lat", "lon"]].astype("int64"), zoom=2)
        st.map(df.rename(columns={"lat": "latitude", "lon": "longitude"}), color="c")
    """,
    "map from a dict and extra columns": """
        st.map({"lat": [35.68, 34.69], "lon": [139.69, 135.5], "name": ["Tokyo", "Osaka"]})
        st.map(pd.DataFrame({"lat": [1, 2], "lon": [3, 4], "pop": [10, 20]}), size="pop",
               color="#00aa0080", zoom=3)
    """,
}


@pytest.mark.parametrize("name", list(OTHER_APPS))
def test_map_deck_graph_and_pyplot_apps_match_streamlit(name: str) -> None:
    pytest.importorskip("pydeck")
    pytest.importorskip("graphviz")
    pytest.importorskip("matplotlib")
    assert_same_facts(HEAD + _dedent(OTHER_APPS[name]), page_facts)


# Streamlit 1.67 has no add_rows on charts any more: both fail where it is called.
ADD_ROWS_APPS = {
    "line chart grows": """
        chart = st.line_chart(pd.DataFrame({"a": [1, 2], "b": [3, 4]}))
        chart.add_rows(pd.DataFrame({"a": [5], "b": [6]}))
    """,
    "bar chart grows by keyword dataset": """
        chart = st.bar_chart(pd.DataFrame({"v": [1.0, 2.0]}))
        chart.add_rows(pd.DataFrame({"v": [3.0]}))
        chart.add_rows(pd.DataFrame({"v": [4.0, 5.0]}))
    """,
    "vega chart with a named dataset grows": """
        spec = {"mark": "line", "data": {"name": "pts"},
                "encoding": {"x": {"field": "x", "type": "quantitative"},
                             "y": {"field": "y", "type": "quantitative"}}}
        chart = st.vega_lite_chart(spec, pts=pd.DataFrame({"x": [1], "y": [1]}))
        chart.add_rows(pts=pd.DataFrame({"x": [2], "y": [4]}))
    """,
}


@pytest.mark.parametrize("name", list(ADD_ROWS_APPS))
def test_add_rows_apps_match_streamlit(name: str) -> None:
    assert_same_facts(HEAD + _dedent(ADD_ROWS_APPS[name]), page_facts)


BAD_CALLS = [
    "st.line_chart(pd.DataFrame({'a': [1]}), stack=True)",
    "st.area_chart(pd.DataFrame({'a': [1]}), stack='sideways')",
    "st.bar_chart(pd.DataFrame({'a': [1]}), color=['#f00', '#0f0'])",
    "st.scatter_chart(pd.DataFrame({'a': [1], 'b': [2]}), x='a', y='b', size='nope')",
    "st.line_chart(pd.DataFrame({'a': [1]}), color='not a colour or column')",
    "st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0]}), size='missing')",
    "st.map(pd.DataFrame({'lat': [100.0], 'lon': [2.0]}))",
    "st.altair_chart(123)",
    "st.altair_chart(__import__('altair').Chart(pd.DataFrame({'a': [1]})).mark_bar()"
    ".encode(x='a'), on_select='rerun')",
    "st.plotly_chart(__import__('plotly.express').express.scatter(x=[1], y=[1]), theme='dark')",
    "st.vega_lite_chart(pd.DataFrame({'a': [1]}), {'mark': 'bar'}, theme='bogus')",
    "st.bar_chart(pd.DataFrame({'a': [1]}), width=-5)",
    "st.line_chart(pd.DataFrame({'a': [1, 2]}), y=[])",
    "st.line_chart(pd.DataFrame({'a': [1, 2]}), x='a', y='a')",
    "st.scatter_chart(pd.DataFrame({'a': [1], 'b': [2]}), x='a', y='b', size=-1)",
    "st.bar_chart(pd.DataFrame({'a': [1]}), sort='-zz')",
    "st.bar_chart(pd.DataFrame({'a': [1]}), height='tall')",
    "st.area_chart(pd.DataFrame({'a': [1]}), x_label=5)",
    "st.altair_chart(__import__('altair').Chart(pd.DataFrame({'a': [1]})).mark_bar()"
    ".encode(x='a').add_params(__import__('altair').selection_point(name='p')),"
    " on_select='rerun', selection_mode='q')",
    "st.plotly_chart({'data': []}, on_select='rerun', selection_mode=[])",
    "st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0]}), zoom=-1)",
    "st.pydeck_chart(None, selection_mode='many')",
    "st.graphviz_chart('digraph { a -> b }', engine='nope')",
]


@pytest.mark.parametrize("call", BAD_CALLS)
def test_bad_chart_calls_fail_where_streamlit_fails(call: str) -> None:
    assert_same_facts(
        HEAD + "st.write('before')\n" + call + "\nst.write('after')\n",
        lambda at: outline(at).render([OWN_ERROR_WORDS]),
    )


def _dedent(text: str) -> str:
    import textwrap

    return textwrap.dedent(text)
