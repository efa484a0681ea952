"""Vega-Lite charts: built-in charts, st.altair_chart, st.vega_lite_chart, their selections."""

from __future__ import annotations

import json
import math

import pytest

from rillet.api.charts_vega import VegaLiteState, dataset_frame
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.outbox import FrameEncoder
from rillet.testing import AppTest

pd = pytest.importorskip("pandas")

HEAD = """
import pandas as pd
import rillet as st
df = pd.DataFrame({"a": [1, 2, 3], "b": [4.5, None, 6.0], "c": ["x", "y", None],
                   "d": pd.to_datetime(["2024-01-01", None, "2024-01-03"])})
"""


def run(body: str) -> AppTest:
    return AppTest.from_string(HEAD + body).run()


def chart(at: AppTest, index: int = 0) -> object:
    assert not at.exception, at.exception[0].value
    return at.get("vega_lite_chart")[index]


def error_text(at: AppTest) -> str:
    assert len(at.exception) == 1, "expected the command to fail"
    return str(at.exception[0].value)


def test_wide_data_travels_once_per_row_and_folds_into_colour_and_value() -> None:
    shown = chart(run("st.line_chart(df, y=['a', 'b'])"))
    spec = shown.spec
    assert spec["transform"] == [
        {"fold": ["a", "b"], "as": ["color -- streamlit-generated", "value -- streamlit-generated"]}
    ]
    data = shown.datasets["source"]
    assert list(data.columns) == ["index -- streamlit-generated", "a", "b"]
    assert len(data) == 3
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["line", "point", "point"]


def test_missing_values_become_null_and_dates_epoch_milliseconds() -> None:
    shown = chart(run("st.scatter_chart(df, x='d', y='b', color='c')"))
    columns = {c.name: c for c in shown.proto.datasets[0].columns}
    assert columns["c"].kind == pb.VegaColumn.CATEGORIES
    assert list(columns["c"].categories) == ["x", "y"]
    data = dataset_frame(shown.proto.datasets[0])
    assert data["d"][0] == pd.Timestamp("2024-01-01").value / 1e6
    assert math.isnan(data["d"][1]) and math.isnan(data["b"][1])
    assert data["c"].tolist()[:2] == ["x", "y"] and pd.isna(data["c"][2])
    assert shown.spec["encoding"]["x"]["type"] == "temporal"


def test_a_chart_sizes_itself_as_asked() -> None:
    shown = chart(run("st.bar_chart(df, y='a', width=400, height=250)"))
    assert (shown.proto.width, shown.proto.height) == ("400", "250")
    assert (shown.spec["width"], shown.spec["height"]) == (400, 250)
    stretched = chart(run("st.area_chart(df, y='a', use_container_width=True)"))
    assert (stretched.proto.width, stretched.proto.chart_type) == ("stretch", "area")


def test_an_unchanged_chart_is_byte_identical_and_resent_only_as_a_reference() -> None:
    body = """
import numpy as np
rng = np.random.default_rng(0)
big = pd.DataFrame(rng.normal(size=(100_000, 3)), columns=["x", "y", "z"])
st.line_chart(big)
"""
    first = chart(run(body)).proto
    second = chart(run(body)).proto
    assert first.SerializeToString() == second.SerializeToString()
    encoder = FrameEncoder()

    def frame(proto: pb.VegaLiteChart) -> pb.ForwardMsg:
        element = pb.Element(vega_lite_chart=proto)
        return pb.ForwardMsg(delta=pb.Delta(path=[0, 0], new_element=element))

    sent = encoder.encode([frame(first)])
    again = encoder.encode([frame(second)])
    assert len(sent) > 2_400_000  # 100,000 rows x 3 float64 columns (the index is a range)
    assert len(again) < 200  # the hash only


def test_a_large_frame_changed_in_place_is_drawn_anew() -> None:
    at = AppTest.from_string(
        HEAD
        + """
import numpy as np
if "big" not in st.session_state:
    st.session_state.big = pd.DataFrame({"y": np.zeros(5_000)})
big = st.session_state.big
if st.button("bump"):
    big.iloc[4_321, 0] = 7.0  # the same object, one value changed
st.line_chart(big)
"""
    ).run()
    before = dataset_frame(chart(at).proto.datasets[0])
    at.run()  # unchanged: the same chart
    assert dataset_frame(chart(at).proto.datasets[0]).equals(before)
    at.button[0].click().run()
    after = dataset_frame(chart(at).proto.datasets[0])
    assert before["y"][4_321] == 0.0 and after["y"][4_321] == 7.0


def test_two_large_charts_of_the_same_shape_keep_their_own_data_across_reruns() -> None:
    at = AppTest.from_string(
        HEAD
        + """
import numpy as np
st.line_chart(pd.DataFrame({"y": np.arange(3_000.0)}))
st.line_chart(pd.DataFrame({"y": -np.arange(3_000.0)}))
"""
    )
    for _ in range(3):
        at.run()
        first, second = (dataset_frame(chart(at, i).proto.datasets[0]) for i in (0, 1))
        assert first["y"][7] == 7.0 and second["y"][7] == -7.0
        assert chart(at, 0).proto.spec == chart(at, 1).proto.spec


def test_theme_colours_from_the_config_reach_the_chart() -> None:
    at = AppTest.from_string(HEAD + "st.bar_chart(df, y='a')")
    at.run()
    assert chart(at).proto.colors == ""
    import rillet

    script = HEAD + (
        "st.set_option('theme.chartCategoricalColors', ['#111111', '#222222'])\n"
        "st.bar_chart(df, y='a')"
    )
    shown = chart(AppTest.from_string(script).run())
    assert json.loads(shown.proto.colors) == {"categorical": ["#111111", "#222222"]}
    assert rillet.get_option is not None


def test_a_wrong_column_names_the_argument_and_the_columns() -> None:
    message = error_text(run("st.line_chart(df, x='zz')"))
    assert "`x`" in message and "'zz'" in message and "a, b, c, d" in message
    message = error_text(run("st.bar_chart(df, y='a', sort='-nope')"))
    assert "`sort`" in message and "'-nope'" in message


def test_unsupported_data_and_wrong_colours_are_clear_errors() -> None:
    assert "`data` must be a pandas DataFrame" in error_text(run("st.line_chart(5)"))
    message = error_text(run("st.line_chart(df, y=['a', 'b'], color=['#ff0000'])"))
    assert "1 colour(s) for 2 y columns" in message
    assert "`color`" in error_text(run("st.line_chart(df, y='a', color='not a colour')"))
    assert "`stack`" in error_text(run("st.area_chart(df, y='a', stack='sideways')"))


def test_altair_chart_of_another_library_is_named_as_such() -> None:
    message = error_text(run("st.altair_chart(df)"))
    assert "`altair_chart` must be an Altair chart" in message and "DataFrame" in message


def test_vega_lite_chart_needs_a_spec_and_selections_need_params() -> None:
    assert "`spec` is required" in error_text(run("st.vega_lite_chart(df)"))
    message = error_text(run("st.vega_lite_chart(df, {'mark': 'bar'}, on_select='rerun')"))
    assert "defines no selection parameter" in message
    message = error_text(
        run(
            "st.vega_lite_chart(df, {'mark': 'bar', 'params': [{'name': 's', 'select': 'point'}]},"
            " on_select='rerun', selection_mode='zz')"
        )
    )
    assert "`selection_mode`" in message and "'s'" in message


SELECTABLE = """
spec = {"mark": "point", "encoding": {"x": {"field": "a", "type": "quantitative"}},
        "params": [{"name": "pick", "select": "point"},
                   {"name": "brush", "select": {"type": "interval"}}]}
event = st.vega_lite_chart(df, spec, on_select="rerun", key="pts")
st.write(f"brush={event.selection.brush} pick={event['selection']['pick']}")
"""


def test_selection_state_starts_empty_and_reads_what_the_user_selected() -> None:
    at = run(SELECTABLE)
    assert at.markdown[0].value == "brush={} pick={}"
    shown = chart(at)
    assert list(shown.proto.selection_mode) == ["pick", "brush"]
    assert shown.value == {"selection": {"brush": {}, "pick": {}}}
    shown.select({"brush": {"a": [1, 2]}, "pick": [{"a": 3}]}).run()
    assert at.markdown[0].value == "brush={'a': [1, 2]} pick=[{'a': 3}]"
    assert at.session_state["pts"] == {"selection": {"brush": {"a": [1, 2]}, "pick": [{"a": 3}]}}


def test_a_selection_callback_runs_before_the_script() -> None:
    at = run(
        """
def picked():
    st.session_state.log = st.session_state.get("log", 0) + 1
spec = {"mark": "point", "params": [{"name": "p", "select": "point"}]}
st.vega_lite_chart(df, spec, on_select=picked, key="c")
st.write(f"log={st.session_state.get('log', 0)}")
"""
    )
    assert at.markdown[0].value == "log=0"
    chart(at).select({"p": [{"a": 1}]}).run()
    assert at.markdown[0].value == "log=1"


def test_a_selection_inside_a_form_waits_for_submit() -> None:
    at = run(
        """
spec = {"mark": "point", "params": [{"name": "p", "select": "point"}]}
with st.form("f"):
    event = st.vega_lite_chart(df, spec, on_select="rerun", key="c")
    st.form_submit_button("Go")
st.write(f"p={event.selection.p}")
"""
    )
    chart(at).select({"p": [{"a": 1}]}).run()
    assert at.markdown[0].value == "p={}"
    chart(at).select({"p": [{"a": 1}]})
    at.button[0].click().run()
    assert at.markdown[0].value == "p=[{'a': 1}]"


def test_a_selection_inside_a_fragment_reruns_the_fragment() -> None:
    at = run(
        """
st.session_state.outer = st.session_state.get("outer", 0) + 1
@st.fragment
def part():
    spec = {"mark": "point", "params": [{"name": "p", "select": "point"}]}
    event = st.vega_lite_chart(df, spec, on_select="rerun", key="c")
    st.write(f"p={event.selection.p}")
part()
"""
    )
    chart(at).select({"p": [{"a": 2}]}).run()
    assert at.markdown[0].value == "p=[{'a': 2}]"


def test_selection_state_has_attribute_access_and_names_missing_fields() -> None:
    state = VegaLiteState({"selection": {"brush": {}}})
    assert state.selection.brush == {}
    with pytest.raises(AttributeError, match="'nope'"):
        _ = state.selection.nope


def test_altair_charts_draw_with_their_data_as_columns_and_write_draws_them() -> None:
    pytest.importorskip("altair")
    at = run(
        """
import altair as alt
c = alt.Chart(df).mark_bar().encode(x="c", y="a")
st.altair_chart(c, theme=None)
st.write(c)
c
"""
    )
    charts = at.get("vega_lite_chart")
    assert len(charts) == 3
    first = charts[0]
    assert first.proto.theme == "" and charts[1].proto.theme == "streamlit"
    name = first.spec["data"]["name"]
    assert list(first.datasets[name]["a"]) == [1, 2, 3]
    assert "datasets" not in first.spec
    assert "config" not in first.spec  # Altair's 300 x 300 default view is left out


def test_altair_chart_without_altair_installed_names_the_install_command(monkeypatch) -> None:
    import sys

    from rillet.api.charts_vega import altair_spec
    from rillet.runtime.errors import RilletAPIException

    monkeypatch.setitem(sys.modules, "altair", None)  # `import altair` now fails
    with pytest.raises(RilletAPIException, match="`pip install altair`"):
        altair_spec({"mark": "bar"}, "altair_chart")
