"""Library charts mean what Streamlit's mean: the same figure JSON, DOT, deck and option."""

from __future__ import annotations

import json
from typing import Any

import pytest
from harness import assert_fails_alike, assert_same_facts

pytest.importorskip("streamlit")
pytest.importorskip("plotly")
pytestmark = pytest.mark.streamlit


def _figure(proto: Any) -> dict[str, Any]:
    """The figure JSON without its template: each side themes the figure its own way."""
    spec = json.loads(proto.spec)
    spec.get("layout", {}).pop("template", None)
    return spec


def plotly_figures(at: Any) -> list[Any]:
    return [_figure(chart.proto) for chart in at.get("plotly_chart")]


def test_plotly_figures_send_the_same_traces_and_layout_as_streamlit() -> None:
    assert_same_facts(
        """
        import plotly.express as px
        import plotly.graph_objects as go
        import streamlit as st
        st.plotly_chart(px.scatter(x=[1, 2, 3], y=[4, 5, 6], title="Points"))
        st.plotly_chart(go.Figure(go.Bar(x=["a", "b"], y=[1.5, 2]), layout={"height": 300}))
        st.plotly_chart({"data": [{"type": "pie", "labels": ["x", "y"], "values": [1, 2]}]})
        st.plotly_chart([{"type": "histogram", "x": [1, 1, 2, 3]}], theme=None)
        st.plotly_chart(px.line(x=[0, 1], y=[[1, 2], [3, 4]]), config={"displayModeBar": False})
        """,
        plotly_figures,
    )


def test_plotly_selection_state_reads_as_in_streamlit() -> None:
    assert_same_facts(
        """
        import plotly.express as px
        import streamlit as st
        event = st.plotly_chart(px.scatter(x=[1, 2], y=[3, 4]), on_select="rerun", key="c")
        st.text(repr(event))
        st.text(repr(event.selection))
        st.text(repr(st.session_state.c))
        box = st.plotly_chart(px.bar(x=[1], y=[2]), on_select="rerun", selection_mode="box")
        st.text(repr(box.selection.box))
        """,
        lambda at: [t.value for t in at.text],
    )


def test_plotly_selection_modes_reach_the_page() -> None:
    def modes(at: Any) -> list[list[str]]:
        return [
            [str(m).lower() if isinstance(m, str) else ["points", "box", "lasso"][m] for m in c]
            for c in (chart.proto.selection_mode for chart in at.get("plotly_chart"))
        ]

    assert_same_facts(
        """
        import plotly.express as px
        import streamlit as st
        fig = px.scatter(x=[1], y=[1])
        st.plotly_chart(fig, on_select="rerun", key="a")
        st.plotly_chart(fig, on_select="rerun", selection_mode="lasso", key="b")
        st.plotly_chart(fig, on_select="rerun", selection_mode=["box", "points"], key="c")
        """,
        modes,
    )


@pytest.mark.parametrize(
    "call",
    [
        "st.plotly_chart(123)",
        "st.plotly_chart({'data': [{'type': 'nope'}]})",
        "st.plotly_chart({'data': []}, theme='dark')",
        "st.plotly_chart({'data': []}, on_select='maybe')",
        "st.plotly_chart({'data': []}, on_select='rerun', selection_mode='circle')",
    ],
)
def test_bad_plotly_input_fails_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


def test_pyplot_shows_one_image_as_in_streamlit() -> None:
    pytest.importorskip("matplotlib")
    assert_same_facts(
        """
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import streamlit as st
        fig, ax = plt.subplots()
        ax.plot([1, 2, 3])
        st.pyplot(fig)
        st.pyplot(fig, clear_figure=True, transparent=True)
        st.text(str(len(fig.axes)))
        """,
        lambda at: (len(at.image), [len(i.proto.imgs) for i in at.image], at.text[0].value),
    )


def test_graphviz_sends_the_same_dot_and_engine() -> None:
    pytest.importorskip("graphviz")
    assert_same_facts(
        """
        import graphviz
        import streamlit as st
        g = graphviz.Digraph(engine="circo")
        g.edge("run", "sleep")
        st.graphviz_chart(g)
        st.graphviz_chart("graph { a -- b }", use_container_width=True)
        """,
        lambda at: [(c.proto.spec, c.proto.engine) for c in at.get("graphviz_chart")],
    )


@pytest.mark.parametrize("call", ["st.graphviz_chart(123)", "st.graphviz_chart([1, 2])"])
def test_bad_graphviz_input_fails_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


def test_mermaid_is_the_same_markdown_fence() -> None:
    assert_same_facts(
        """
        import streamlit as st
        st.mermaid_chart("graph TD; A-->B")
        st.mermaid_chart("sequenceDiagram\\n  Alice->>Bob: Hi ```")
        """,
        lambda at: [m.value for m in at.markdown],
    )


def _decks(at: Any) -> list[Any]:
    return [json.loads(chart.proto.json) for chart in at.get("deck_gl_json_chart")]


def test_map_builds_the_same_deck_as_streamlit() -> None:
    assert_same_facts(
        """
        import pandas as pd
        import streamlit as st
        st.map(pd.DataFrame({"lat": [1.0, 2.0], "lon": [3.0, 4.0]}))
        st.map(pd.DataFrame({"LATITUDE": [10.5], "LONGITUDE": [-3.25]}), size=30, zoom=5)
        st.map(pd.DataFrame({"latitude": [0.0], "longitude": [0.0]}), color="#ff000080")
        st.map(pd.DataFrame({"lat": [1.0, 1.001], "lon": [3.0, 3.002]}))
        st.map(pd.DataFrame({"lat": [-40.0, 60.0], "lon": [-100.0, 120.0]}))
        frame = pd.DataFrame({"lat": [1.0, 2.0], "lon": [3.0, 4.0], "s": [10, 20],
                              "c": ["#ff0000", "#00ff0080"]})
        st.map(frame, size="s", color="c")
        st.map()
        """,
        _decks,
    )


def test_pydeck_chart_sends_the_decks_own_json() -> None:
    pytest.importorskip("pydeck")
    assert_same_facts(
        """
        import pydeck as pdk
        import streamlit as st
        layer = pdk.Layer("ScatterplotLayer", [{"lon": 2.3, "lat": 48.8}],
                          get_position=["lon", "lat"], id="cities")
        st.pydeck_chart(pdk.Deck(layers=[layer], initial_view_state=pdk.ViewState(zoom=3)))
        st.pydeck_chart()
        event = st.pydeck_chart(pdk.Deck(layers=[layer]), on_select="rerun", key="d")
        st.text(repr(event))
        """,
        lambda at: (_decks(at), [t.value for t in at.text]),
    )


@pytest.mark.parametrize(
    "call",
    [
        "st.map(__import__('pandas').DataFrame({'a': [1]}))",
        "st.map(__import__('pandas').DataFrame({'lat': [1.0, None], 'lon': [2.0, 3.0]}))",
        "st.pydeck_chart(123)",
    ],
)
def test_bad_map_input_fails_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


def test_echarts_sends_the_same_option_and_selection_state() -> None:
    assert_same_facts(
        """
        import streamlit as st
        option = {"xAxis": {"type": "category", "data": ["a", "b"]}, "yAxis": {},
                  "series": [{"type": "bar", "data": [1, 2], "selectedMode": "single"}]}
        event = st.echarts_chart(option, on_select="rerun", key="e")
        st.text(repr(event))
        st.echarts_chart('{"series": []}', theme=None)
        """,
        lambda at: (
            [json.loads(c.proto.spec) for c in at.get("echarts_chart")],
            [c.proto.theme for c in at.get("echarts_chart")],
            [t.value for t in at.text],
        ),
    )


@pytest.mark.parametrize(
    "call", ["st.echarts_chart(123)", "st.echarts_chart({}, on_select='maybe')"]
)
def test_bad_echarts_input_fails_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


@pytest.mark.parametrize("call", ["st.pyplot()", "st.pyplot(123)", "st.mermaid_chart(123)"])
def test_pyplot_and_mermaid_need_what_streamlit_needs(call: str) -> None:
    assert_fails_alike(call)
