"""Tables read back as Streamlit's do: values, column configs, editors, selections."""

from __future__ import annotations

import datetime
import inspect
import json
from typing import Any

import pytest
from harness import assert_fails_alike, assert_same_facts

pytest.importorskip("streamlit")
pd = pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
pytestmark = pytest.mark.streamlit

SETUP = "import streamlit as st, pandas as pd, numpy as np, pyarrow as pa, datetime, decimal\n"


def frame_facts(frame: Any) -> list[str]:
    """A table's value as text: shape, labels, dtypes, cells (NaN and None alike)."""
    cells = [["<NA>" if _missing(v) else repr(v) for v in row] for row in frame.to_numpy().tolist()]
    return [
        f"columns {frame.columns.tolist()!r}",
        f"index {frame.index.tolist()!r} names {list(frame.index.names)!r}",
        f"dtypes {[str(d) for d in frame.dtypes]!r}",
        *(repr(row) for row in cells),
    ]


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list or array cell
        return False


INPUTS = {
    "dict of lists": "{'a': [1, 2], 'b': ['x', 'y']}",
    "list of dicts": "[{'a': 1}, {'b': 2.5, 'a': None}]",
    "list of lists": "[[1, 2], [3, 4]]",
    "list of values": "[1, 2, 3]",
    "tuple": "(1.5, 2.5)",
    "set": "{'x'}",
    "dict of scalars": "{'rows': 3, 'cols': 2}",
    "numpy 1-D": "np.arange(3)",
    "numpy 2-D": "np.arange(6).reshape(3, 2)",
    "series": "pd.Series([1, 2], name='s')",
    "index": "pd.Index([1, 2], name='i')",
    "none": "None",
    "pyarrow": "pa.table({'a': [1, None], 's': ['x', None]})",
    "multi-index": "pd.DataFrame({'a': [1, 2]}, "
    "index=pd.MultiIndex.from_tuples([(1, 'a'), (2, 'b')], names=['n', None]))",
    "categorical": "pd.DataFrame({'c': pd.Categorical(['x', 'y', None])})",
    "tz-aware": "pd.DataFrame({'t': pd.to_datetime(['2024-01-01', None]).tz_localize('UTC')})",
    "timedelta": "pd.DataFrame({'t': pd.to_timedelta([1, None], unit='s')})",
    "decimal": "pd.DataFrame({'d': [decimal.Decimal('1.5'), None]})",
    "bytes": "pd.DataFrame({'b': [b'x', None]})",
    "dates": "pd.DataFrame({'d': [datetime.date(2024, 1, 1), None]})",
    "times": "pd.DataFrame({'t': [datetime.time(1, 2, 3), None]})",
    "nullable ints": "pd.DataFrame({'i': pd.array([1, None], dtype='Int64')})",
    "string index": "pd.DataFrame({'x': [1.5, float('nan')]}, index=['r1', 'r2'])",
    "datetime index": "pd.DataFrame({'x': [1]}, index=pd.DatetimeIndex(['2024-01-01'], name='d'))",
    "styler": "pd.DataFrame({'a': [1.25, 2.5]}).style.format('{:.1f}').set_caption('c')",
    "categorical index": "pd.DataFrame({'x': [1, 2]}, index=pd.CategoricalIndex(['a', 'b']))",
    "timedelta index": "pd.DataFrame({'x': [1]}, index=pd.to_timedelta([1], unit='D'))",
}


@pytest.mark.parametrize("data", INPUTS.values(), ids=INPUTS.keys())
def test_dataframe_values_read_back_as_in_streamlit(data: str) -> None:
    assert_same_facts(
        SETUP + f"st.dataframe({data})", lambda at: frame_facts(at.dataframe[0].value)
    )


@pytest.mark.parametrize(
    "data",
    [
        "pl.DataFrame({'a': [1, None], 's': ['x', None], 'f': [0.5, 1.5]})",
        "pl.Series('n', [1, 2])",
        "pl.DataFrame({'a': [1, 2]}).lazy()",
        "pl.DataFrame({'d': [datetime.date(2024, 1, 1)], 'b': [True]})",
    ],
)
def test_polars_data_reads_back_as_in_streamlit(data: str) -> None:
    pytest.importorskip("polars")
    assert_same_facts(
        SETUP + f"import polars as pl\nst.dataframe({data})",
        lambda at: frame_facts(at.dataframe[0].value),
    )


def test_table_values_read_back_as_in_streamlit() -> None:
    assert_same_facts(
        SETUP + "st.table({'name': ['**Ada**', 'Alan'], 'born': [1815, 1912]})",
        lambda at: frame_facts(at.table[0].value),
    )


@pytest.mark.parametrize(
    "call",
    [
        "st.dataframe(object())",
        "st.dataframe(42)",
        "st.table('text')",
    ],
)
def test_bad_tables_fail_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


def test_a_data_editor_reads_back_its_input_mode_and_empty_edits() -> None:
    def facts(at: Any) -> list[str]:
        editor = at.data_editor[0]
        return [
            *frame_facts(editor.value),
            f"mode {editor.editing_mode}",
            f"listed as dataframes {len(at.dataframe)}",
            f"state {at.session_state['ed']!r}",
        ]

    assert_same_facts(
        SETUP + "st.data_editor(pd.DataFrame({'n': [1, 2], 's': ['a', 'b']}), key='ed',"
        " num_rows='dynamic')\nst.dataframe({'x': [1]})",
        facts,
    )


def test_edits_seeded_in_session_state_come_back_as_in_streamlit() -> None:
    def facts(at: Any) -> list[str]:
        return frame_facts(at.session_state["out"]) if "out" in at.session_state else ["none"]

    assert_same_facts(
        SETUP + "st.session_state.out = st.data_editor(pd.DataFrame({'n': [1, 2]}), key='ed')",
        facts,
        [
            (
                "session_state",
                "ed",
                {"edited_rows": {1: {"n": 5}}, "added_rows": [], "deleted_rows": []},
            )
        ],
    )


def test_a_selectable_dataframe_returns_the_same_empty_selection() -> None:
    assert_same_facts(
        SETUP + "event = st.dataframe({'a': [1, 2]}, key='k', on_select='rerun',"
        " selection_mode=['multi-row', 'single-column'])\n"
        "st.session_state.rows = event.selection.rows\n"
        "st.session_state.kind = type(event).__name__",
        lambda at: [repr(dict(at.session_state["k"])), repr(at.session_state["rows"])],
    )


def test_metric_sparklines_carry_the_same_numbers() -> None:
    types = {0: "line", 1: "bar", 2: "area"}

    def facts(at: Any) -> list[str]:
        out = []
        for metric in at.metric:
            kind = metric.proto.chart_type
            out.append(f"{list(metric.proto.chart_data)} {types.get(kind, kind)}")
        return out

    assert_same_facts(
        SETUP + "st.metric('a', 1, chart_data=[1, 2.5, 4], chart_type='bar')\n"
        "st.metric('b', 1, chart_data=pd.Series([3, 4]))\n"
        "st.metric('c', 1, chart_data=np.array([5, 6]), chart_type='area')\n"
        "st.metric('d', 1)",
        facts,
    )


def test_json_expanded_to_a_depth_as_in_streamlit() -> None:
    assert_same_facts(
        SETUP + "st.json({'a': {'b': {'c': 1}}}, expanded=2)\nst.json([1], expanded=False)",
        lambda at: [repr(j.expanded) for j in at.json],
    )


# ---------------------------------------------------------- column_config


def _cases() -> list[tuple[str, dict[str, Any]]]:
    date, time = datetime.date, datetime.time
    return [
        (
            "NumberColumn",
            {"label": "x", "format": "%d", "min_value": 1, "pinned": True, "width": "small"},
        ),
        ("NumberColumn", {"format": "dollar", "width": 120, "step": 0.5, "help": "h"}),
        ("TextColumn", {"max_chars": 5, "validate": "^a", "default": "a", "required": True}),
        ("SelectboxColumn", {"options": [1, 2], "format_func": lambda v: f"#{v}"}),
        ("SelectboxColumn", {"options": ["a"], "default": "a"}),
        (
            "MultiselectColumn",
            {"options": ["a", "b"], "color": ["red", "blue"], "format_func": str.upper},
        ),
        ("MultiselectColumn", {"options": ["a", "b", "c"], "color": ["red"], "default": ["a"]}),
        ("MultiselectColumn", {"options": ["a"], "color": "auto", "accept_new_options": True}),
        (
            "DatetimeColumn",
            {
                "default": datetime.datetime(2024, 1, 1),
                "step": datetime.timedelta(minutes=5),
                "timezone": "UTC",
                "format": "localized",
            },
        ),
        ("DateColumn", {"default": date(2024, 1, 2), "min_value": date(2024, 1, 1), "step": 2}),
        (
            "TimeColumn",
            {"default": time(1, 2), "step": datetime.timedelta(minutes=1), "format": "iso8601"},
        ),
        ("ListColumn", {"default": ["a"], "disabled": True}),
        ("LinkColumn", {"display_text": "Open", "validate": "^https://"}),
        ("ProgressColumn", {"format": "percent", "min_value": 0, "max_value": 1, "color": "green"}),
        ("LineChartColumn", {"y_min": 0, "y_max": 10, "color": "auto"}),
        ("BarChartColumn", {"y_min": -1}),
        ("AreaChartColumn", {"color": "#ff0000"}),
        ("CheckboxColumn", {"default": False, "alignment": "center"}),
        ("ImageColumn", {"label": "Logo", "width": "large"}),
        ("JsonColumn", {"help": "raw"}),
        ("MarkdownColumn", {"default": "**x**"}),
        ("AudioColumn", {"pinned": False}),
        ("VideoColumn", {"alignment": "right"}),
        ("ButtonColumn", {"label": "Go", "type": "primary"}),
        ("Column", {"label": "Plain", "required": True}),
    ]


def _every_type() -> list[str]:
    import streamlit

    return sorted(n for n in dir(streamlit.column_config) if n.endswith("Column") or n == "Column")


def test_every_column_type_of_streamlit_exists_with_its_parameters() -> None:
    import streamlit

    import rillet

    for name in _every_type():
        ours, theirs = getattr(rillet.column_config, name), getattr(streamlit.column_config, name)
        assert list(inspect.signature(ours).parameters) == list(
            inspect.signature(theirs).parameters
        ), name
        assert ours() == theirs(), name


@pytest.mark.parametrize(("name", "kwargs"), _cases(), ids=[c[0] for c in _cases()])
def test_column_configs_are_the_dicts_streamlit_builds(name: str, kwargs: dict[str, Any]) -> None:
    import streamlit

    import rillet

    assert getattr(rillet.column_config, name)(**kwargs) == getattr(streamlit.column_config, name)(
        **kwargs
    )


def test_a_selection_seeded_in_session_state_reads_back_as_in_streamlit() -> None:
    assert_same_facts(
        SETUP + "event = st.dataframe({'a': [1, 2, 3]}, key='k', on_select='rerun')\n"
        "st.session_state.rows = event.selection.rows",
        lambda at: [repr(at.session_state["rows"]) if "rows" in at.session_state else "none"],
        [("session_state", "k", {"selection": {"rows": [2], "columns": [], "cells": []}})],
    )


@pytest.mark.parametrize("name", ["dataframe", "data_editor", "table"])
def test_table_commands_have_streamlits_signature(name: str) -> None:
    import streamlit

    import rillet

    ours = inspect.signature(getattr(rillet, name)).parameters
    theirs = inspect.signature(getattr(streamlit, name)).parameters
    assert [(p.name, p.kind, p.default) for p in ours.values()] == [
        (p.name, p.kind, p.default) for p in theirs.values()
    ]


def _index_hidden(element: Any) -> bool:
    proto = element.proto
    if hasattr(proto, "column_config_json"):  # rillet
        return bool(proto.hide_index)
    if element.type == "table":  # Streamlit's table
        return bool(proto.hide_index)
    config = json.loads(proto.columns or "{}")  # Streamlit's dataframe: in its column config
    return bool(config.get("_index", {}).get("hidden", False))


def test_row_numbers_are_hidden_where_streamlit_hides_them() -> None:
    assert_same_facts(
        SETUP
        + "r = pd.DataFrame({'a': [1, 2]})\ns = pd.DataFrame({'a': [1, 2]}, index=['x', 'y'])\n"
        "st.dataframe(r)\n"
        "st.dataframe(r, on_select='rerun', key='a1')\n"
        "st.dataframe(s, on_select='rerun', key='a2')\n"
        "st.dataframe(r, on_select='rerun', selection_mode='single-column', key='a3')\n"
        "st.dataframe([1, 2], on_select='rerun', key='a5')\n"
        "st.dataframe(r, on_select='rerun', hide_index=False, key='a6')\n"
        "st.table(s)\nst.table([1, 2])\nst.table(r, hide_index=False)\nst.table(s, hide_index=True)",
        lambda at: [repr(_index_hidden(e)) for e in [*at.dataframe, *at.table]],
    )


def test_data_editors_of_plain_data_show_the_columns_streamlit_shows() -> None:
    assert_same_facts(
        SETUP + "st.data_editor(np.array([1, 2, 3]), key='a')\n"
        "st.data_editor([1, 2], key='b')\n"
        "st.data_editor({'x': 1, 'y': 2}, key='c')\n"
        "st.data_editor(pd.Series([1, 2], name='s'), key='d')\n"
        "st.data_editor([{'a': 1, 'b': 'x'}], key='e')",
        lambda at: [line for d in at.dataframe for line in frame_facts(d.value)],
    )


def test_data_editors_of_polars_and_pyarrow_read_back_as_in_streamlit() -> None:
    pytest.importorskip("polars")
    assert_same_facts(
        SETUP + "import polars as pl\n"
        "st.data_editor(pl.DataFrame({'a': [1, None], 's': ['x', None]}), key='a')\n"
        "st.data_editor(pa.table({'a': [1.5, None]}), key='b')",
        lambda at: [line for d in at.dataframe for line in frame_facts(d.value)],
    )
