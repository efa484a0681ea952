"""Library charts: Plotly, Matplotlib, Graphviz, Mermaid, pydeck/st.map and ECharts."""

from __future__ import annotations

import json

import pytest

from rillet.api.charts_deck import color_rgba, zoom_for
from rillet.api.charts_plotly import figure_json
from rillet.api.charts_pyplot import SCALE, png_size
from rillet.runtime.media import MEDIA_PREFIX
from rillet.testing import AppTest

pytest.importorskip("plotly")


def run(script: str) -> AppTest:
    # Plotly and Matplotlib take a while to import on a busy machine.
    return AppTest.from_string(script, default_timeout=30).run()


def only(at: AppTest, kind: str) -> object:
    found = at.get(kind)
    assert len(found) == 1, f"expected one {kind}, got {len(found)}: {list(at.main)}"
    return found[0].proto


def error_text(at: AppTest) -> str:
    assert len(at.exception) == 1, "expected the command to fail"
    return str(at.exception[0].value)


# -------------------------------------------------------------------- plotly


def test_plotly_figure_travels_as_plotly_json_with_its_traces_and_layout() -> None:
    at = run(
        """
        import plotly.graph_objects as go
        import rillet as st
        fig = go.Figure(go.Bar(x=["a", "b"], y=[3, 5]), layout={"title": {"text": "Sales"}})
        st.plotly_chart(fig, config={"displayModeBar": False}, theme=None)
        """
    )
    chart = only(at, "plotly_chart")
    spec = json.loads(chart.spec)
    assert spec["data"][0]["type"] == "bar"
    assert spec["data"][0]["x"] == ["a", "b"]
    assert spec["layout"]["title"]["text"] == "Sales"
    assert "template" in spec["layout"]  # theme=None keeps Plotly's own look
    assert json.loads(chart.config) == {"displayModeBar": False}
    assert (chart.theme, chart.width, chart.height, chart.full_bundle) == (
        "",
        "stretch",
        "content",
        False,
    )
    assert not chart.HasField("common")  # not a widget without on_select


def test_streamlit_theme_drops_plotlys_default_template_but_keeps_a_chosen_one() -> None:
    plain, _ = figure_json({"data": [{"type": "scatter", "y": [1, 2]}]}, "streamlit")
    assert "template" not in json.loads(plain)["layout"]
    chosen, _ = figure_json(
        {"data": [{"y": [1]}], "layout": {"template": "plotly_dark"}}, "streamlit"
    )
    assert "template" in json.loads(chosen)["layout"]


@pytest.mark.parametrize(
    ("trace", "full"),
    [("scatter", False), ("histogram", False), ("pie", False), ("heatmap", False),
     ("box", False), ("scatter3d", True), ("scattergeo", True), ("scattergl", True)],
)  # fmt: skip
def test_only_traces_outside_the_cartesian_bundle_ask_for_the_full_plotly(
    trace: str, full: bool
) -> None:
    assert figure_json({"data": [{"type": trace}]}, None)[1] is full


def test_plotly_selection_state_starts_empty_and_returns_what_the_page_selected() -> None:
    at = run(
        """
        import plotly.express as px
        import rillet as st
        event = st.plotly_chart(px.scatter(x=[1, 2, 3], y=[4, 5, 6]), on_select="rerun", key="c")
        st.text(repr(event))
        st.text(repr(event.selection.point_indices))
        """
    )
    empty = "{'selection': {'points': [], 'point_indices': [], 'box': [], 'lasso': []}}"
    assert at.text[0].value == empty
    chart = at.get("plotly_chart")[0]
    assert list(chart.proto.selection_mode) == ["points", "box", "lasso"]
    assert chart.proto.common.key == "c"
    picked = {
        "selection": {
            "points": [{"curve_number": 0, "point_number": 1, "point_index": 1, "x": 2, "y": 5}],
            "point_indices": [1],
            "box": [{"xref": "x", "yref": "y", "x": [1.5, 2.5], "y": [4, 6]}],
            "lasso": [],
        }
    }
    chart.set_value(picked).run()
    assert at.text[1].value == "[1]"
    assert at.session_state["c"]["selection"]["box"][0]["x"] == [1.5, 2.5]


def test_plotly_selection_callback_runs_before_the_script() -> None:
    at = run(
        """
        import plotly.express as px
        import rillet as st
        def picked():
            st.session_state.seen = st.session_state.chart.selection.point_indices
        st.plotly_chart(px.bar(x=["a", "b"], y=[1, 2]), on_select=picked, key="chart",
                        selection_mode="points")
        st.text(repr(st.session_state.get("seen")))
        """
    )
    assert at.text[0].value == "None"
    at.get("plotly_chart")[0].set_value({"selection": {"points": [], "point_indices": [0]}}).run()
    assert at.text[0].value == "[0]"


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.plotly_chart(123)", ["figure_or_data", "123", "Plotly figure"]),
        ("st.plotly_chart({'data': [{'type': 'nope'}]})", ["figure_or_data", "nope"]),
        ("st.plotly_chart(plt.figure())", ["figure_or_data", "st.pyplot"]),
        ("st.plotly_chart(FIG, theme='dark')", ["theme", "'dark'", "'streamlit' or None"]),
        ("st.plotly_chart(FIG, on_select='maybe')", ["on_select", "'maybe'", "'rerun'"]),
        ("st.plotly_chart(FIG, on_select='rerun', selection_mode='circle')", ["selection_mode"]),
        ("st.plotly_chart(FIG, width='wide')", ["width", "'wide'", "'stretch'"]),
        ("st.plotly_chart(FIG, config=[1])", ["config", "dict"]),
    ],
)
def test_bad_plotly_input_names_the_argument_and_the_session_goes_on(
    call: str, words: list[str]
) -> None:
    pytest.importorskip("matplotlib")
    at = run(
        f"""
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import rillet as st
        FIG = {{"data": [{{"type": "bar", "y": [1]}}]}}
        {call}
        """
    )
    message = error_text(at)
    for word in words:
        assert word in message, message


def test_a_missing_plotly_is_named_with_its_install_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "plotly", None)
    monkeypatch.setitem(sys.modules, "plotly.graph_objects", None)
    monkeypatch.setitem(sys.modules, "plotly.io", None)
    at = run("import rillet as st\nst.plotly_chart({'data': []})\n")
    assert "pip install plotly" in error_text(at)


# -------------------------------------------------------------------- pyplot


def test_pyplot_renders_a_crisp_png_through_the_media_store() -> None:
    pytest.importorskip("matplotlib")
    at = run(
        """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import rillet as st
        fig, ax = plt.subplots(figsize=(4, 3), dpi=100)
        ax.plot([1, 3, 2])
        st.pyplot(fig, width="content", bbox_inches=None)
        st.pyplot(fig)
        st.pyplot(fig, width=300, clear_figure=True)
        st.text(str(len(fig.axes)))
        """
    )
    content, stretch, fixed = at.image
    url = content.value[0]
    assert url.startswith(MEDIA_PREFIX)
    data = at._app.media.get(url.removeprefix(MEDIA_PREFIX)).data
    assert data.startswith(b"\x89PNG")
    assert png_size(data) == (400 * SCALE, 300 * SCALE)  # rendered at twice the resolution
    assert content.width == 400  # ...and shown at the figure's own size
    assert (stretch.width, fixed.width) == (-1, 300)
    assert at.text[0].value == "0"  # clear_figure cleared it


def test_pyplot_needs_a_figure() -> None:
    at = run("import rillet as st\nst.pyplot('chart')\n")
    message = error_text(at)
    assert "`fig`" in message and "'chart'" in message and "Matplotlib figure" in message


# ------------------------------------------------------------ graphviz, mermaid


def test_graphviz_takes_dot_text_or_a_graphviz_object_and_its_engine() -> None:
    pytest.importorskip("graphviz")
    at = run(
        """
        import graphviz
        import rillet as st
        st.graphviz_chart("digraph { a -> b }")
        g = graphviz.Graph(engine="neato")
        g.edge("x", "y")
        st.graphviz_chart(g, use_container_width=True, height=200)
        """
    )
    first, second = at.get("graphviz_chart")
    assert (first.proto.spec, first.proto.engine, first.proto.width) == (
        "digraph { a -> b }",
        "dot",
        "content",
    )
    assert "x -- y" in second.proto.spec
    assert (second.proto.engine, second.proto.width, second.proto.height) == (
        "neato",
        "stretch",
        "200",
    )


@pytest.mark.parametrize(
    "call", ["st.graphviz_chart(123)", "st.graphviz_chart('not a graph')", "st.graphviz_chart([1])"]
)
def test_graphviz_refuses_what_is_not_a_graph(call: str) -> None:
    at = run(f"import rillet as st\n{call}")
    assert "figure_or_dot" in error_text(at)


def test_mermaid_is_a_markdown_fence_longer_than_any_backticks_inside() -> None:
    at = run(
        """
        import rillet as st
        st.mermaid_chart("graph TD; A-->B")
        st.mermaid_chart("graph TD; A[\\"`````x`\\"]-->B", alt="Two boxes")
        """
    )
    assert at.markdown[0].value == "````mermaid\ngraph TD; A-->B\n````"
    second = at.markdown[1].value
    assert second.startswith("``````mermaid\n%% stAlt: Two boxes\n")
    assert second.endswith("\n``````")


def test_mermaid_needs_text() -> None:
    at = run("import rillet as st\nst.mermaid_chart(5)")
    assert "`body`" in error_text(at)


# ------------------------------------------------------------- pydeck, map


def map_json(script: str) -> dict[str, object]:
    at = run("import pandas as pd\nimport rillet as st\n" + script)
    assert not at.exception, at.exception
    return json.loads(only(at, "deck_gl_json_chart").json)  # type: ignore[attr-defined]


def test_map_finds_latitude_and_longitude_columns_and_fits_the_view() -> None:
    spec = map_json("st.map(pd.DataFrame({'LAT': [1.0, 2.0], 'longitude': [3.0, 4.0]}))")
    layer = spec["layers"][0]  # type: ignore[index]
    assert layer["getPosition"] == "@@=[longitude, LAT]"
    assert layer["getFillColor"] == "primary"  # the theme's primary colour
    assert layer["getRadius"] == 100
    assert layer["data"] == [{"LAT": 1.0, "longitude": 3.0}, {"LAT": 2.0, "longitude": 4.0}]
    assert spec["initialViewState"] == {"latitude": 1.5, "longitude": 3.5, "pitch": 0, "zoom": 8}


def test_map_size_and_colour_come_from_values_or_columns() -> None:
    spec = map_json(
        "st.map(pd.DataFrame({'y': [1.0], 'x': [2.0], 'r': [50], 'c': ['#00ff00']}),"
        " latitude='y', longitude='x', size='r', color='c', zoom=4)"
    )
    layer = spec["layers"][0]  # type: ignore[index]
    assert (layer["getRadius"], layer["getFillColor"]) == ("@@=r", "@@=c")
    assert layer["data"] == [{"y": 1.0, "x": 2.0, "r": 50, "c": [0, 255, 0, 255]}]
    assert spec["initialViewState"]["zoom"] == 4  # type: ignore[index]
    fixed = map_json("st.map({'lat': [1.0], 'lon': [2.0]}, color=(255, 0, 0, 128), size=20)")
    assert fixed["layers"][0]["getFillColor"] == [255, 0, 0, 128]  # type: ignore[index]
    assert fixed["layers"][0]["getRadius"] == 20  # type: ignore[index]


def test_an_empty_map_shows_the_whole_world() -> None:
    assert map_json("st.map()") == {
        "initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}
    }


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.map(pd.DataFrame({'a': [1]}))", ["latitude", "'a'"]),
        ("st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0]}), latitude='y')", ["latitude", "'y'"]),
        ("st.map(pd.DataFrame({'lat': [1.0, None], 'lon': [2.0, 3.0]}))", ["'lat'", "empty"]),
        ("st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0]}), color='reddish')", ["color"]),
        ("st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0]}), size=[1])", ["size"]),
        ("st.map(pd.DataFrame({'lat': [1.0], 'lon': [2.0]}), height='tall')", ["height"]),
    ],
)
def test_bad_map_input_is_named(call: str, words: list[str]) -> None:
    at = run(f"import pandas as pd\nimport rillet as st\n{call}\n")
    message = error_text(at)
    for word in words:
        assert word in message, message
    assert not at.run().exception or error_text(at) == message  # the session goes on


def test_colours_and_zoom_helpers() -> None:
    assert color_rgba("#0f08") == [0, 255, 0, 136]
    assert color_rgba((0.0, 0.5, 1.0)) == [0, 127, 255]
    assert color_rgba((300, 0, 0, 0.5)) == [255, 0, 0, 127]
    assert color_rgba("red") is None and color_rgba((1, 2)) is None
    assert zoom_for(0.01, 0.01) == 15 and zoom_for(360, 10) == 0


def test_pydeck_chart_sends_the_deck_json_and_returns_picked_objects() -> None:
    pytest.importorskip("pydeck")
    at = run(
        """
        import pydeck as pdk
        import rillet as st
        layer = pdk.Layer("ScatterplotLayer", [{"lon": 2.3, "lat": 48.8, "name": "Paris"}],
                          get_position=["lon", "lat"], id="cities", pickable=True)
        deck = pdk.Deck(layers=[layer], tooltip={"text": "{name}"})
        event = st.pydeck_chart(deck, on_select="rerun", selection_mode="multi-object", key="m")
        st.text(repr(event))
        st.pydeck_chart(deck, height=300)
        """
    )
    selectable, inert = at.get("deck_gl_json_chart")
    assert json.loads(selectable.proto.json)["layers"][0]["id"] == "cities"
    assert json.loads(selectable.proto.tooltip) == {"text": "{name}"}
    assert selectable.proto.selection_mode == "multi-object"
    assert (inert.proto.height, inert.proto.selection_mode) == (300, "")
    assert at.text[0].value == "{'selection': {'indices': {}, 'objects': {}}}"
    paris = {"lon": 2.3, "lat": 48.8, "name": "Paris"}
    selectable.set_value(
        {"selection": {"indices": {"cities": [0]}, "objects": {"cities": [paris]}}}
    )
    at.run()
    assert at.session_state["m"].selection.objects["cities"][0]["name"] == "Paris"


def test_pydeck_chart_refuses_other_objects() -> None:
    at = run("import rillet as st\nst.pydeck_chart({'layers': []})")
    message = error_text(at)
    assert "pydeck_obj" in message and "pydeck.Deck" in message


# ------------------------------------------------------------------- echarts


def test_echarts_takes_a_dict_or_json_text_and_reports_its_selection() -> None:
    at = run(
        """
        import rillet as st
        option = {"xAxis": {"data": ["a", "b"]}, "yAxis": {},
                  "series": [{"type": "bar", "data": [1, 2], "selectedMode": "multiple"}]}
        event = st.echarts_chart(option, on_select="rerun", key="e", renderer="svg")
        st.text(repr(event))
        st.echarts_chart('{"series": []}', theme=None, height=250)
        """
    )
    selectable, plain = at.get("echarts_chart")
    assert json.loads(selectable.proto.spec)["series"][0]["selectedMode"] == "multiple"
    assert (selectable.proto.selection_activated, selectable.proto.renderer) == (True, "svg")
    assert (plain.proto.spec, plain.proto.theme, plain.proto.height) == (
        '{"series": []}',
        "",
        "250",
    )
    assert at.text[0].value == "{'selection': {'selected': [], 'areas': []}}"
    picked = {
        "series_index": 0,
        "series_id": None,
        "series_name": None,
        "data_type": "main",
        "data_indices": [1],
    }
    selectable.set_value({"selection": {"selected": [picked], "areas": []}}).run()
    assert at.session_state["e"].selection.selected[0]["data_indices"] == [1]


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        ("st.echarts_chart(123)", "spec"),
        ("st.echarts_chart('{not json')", "spec"),
        ("st.echarts_chart({}, renderer='webgl')", "renderer"),
        ("st.echarts_chart({}, theme='dark')", "theme"),
    ],
)
def test_bad_echarts_input_is_named(call: str, argument: str) -> None:
    at = run(f"import rillet as st\n{call}")
    assert f"`{argument}`" in error_text(at)


# --------------------------------------------------------------------- write


def test_write_and_magic_draw_library_figures() -> None:
    pytest.importorskip("matplotlib")
    pytest.importorskip("graphviz")
    pytest.importorskip("pydeck")
    at = run(
        """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import graphviz
        import plotly.express as px
        import pydeck as pdk
        import rillet as st
        fig, ax = plt.subplots()
        st.write("A figure:", px.line(y=[1, 2]))
        graph = graphviz.Digraph(body=["a -> b"])
        deck = pdk.Deck()
        fig
        graph
        deck
        """
    )
    assert at.markdown[0].value == "A figure:"
    assert len(at.get("plotly_chart")) == 1
    assert len(at.image) == 1
    assert len(at.get("graphviz_chart")) == 1
    assert len(at.get("deck_gl_json_chart")) == 1


def test_the_apps_chart_colours_reach_plotly_and_echarts_with_the_streamlit_theme() -> None:
    at = run(
        """
        import rillet as st
        st.set_option("theme.chartCategoricalColors", ["#111111", "#222222"])
        st.plotly_chart({"data": [{"type": "bar", "y": [1]}]})
        st.plotly_chart({"data": [{"type": "bar", "y": [1]}]}, theme=None)
        st.echarts_chart({"series": []})
        """
    )
    themed, plain = at.get("plotly_chart")
    assert json.loads(themed.proto.colors) == {"categorical": ["#111111", "#222222"]}
    assert plain.proto.colors == ""  # Plotly's own look
    assert json.loads(only(at, "echarts_chart").colors)["categorical"][0] == "#111111"  # type: ignore[attr-defined]
