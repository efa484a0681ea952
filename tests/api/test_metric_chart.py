from __future__ import annotations

import pytest

from rillet.testing import AppTest


def test_metric_chart_data_from_lists_arrays_series_and_frames() -> None:
    pytest.importorskip("pandas")
    at = AppTest.from_string(
        """
        import numpy as np
        import pandas as pd
        import rillet as st
        st.metric("a", 1, chart_data=[1, 2.5, 4], chart_type="bar")
        st.metric("b", 1, chart_data=pd.Series([3, 4]))
        st.metric("c", 1, chart_data=np.array([5, 6]), chart_type="area")
        st.metric("d", 1, chart_data=pd.DataFrame({"x": [1, 2]}))
        st.metric("e", 1)
        """
    ).run()
    assert [(list(m.proto.chart_data), m.proto.chart_type) for m in at.metric] == [
        ([1.0, 2.5, 4.0], "bar"),
        ([3.0, 4.0], "line"),
        ([5.0, 6.0], "area"),
        ([1.0, 2.0], "line"),
        ([], "line"),
    ]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.metric('a', 1, chart_data=[1, None])", "`chart_data` must be numbers only"),
        ("st.metric('a', 1, chart_data=['x'])", "`chart_data` must be numbers only"),
        ("st.metric('a', 1, chart_data='123')", "`chart_data` must be a sequence of numbers"),
        ("st.metric('a', 1, chart_data=[1], chart_type='pie')", "`chart_type` must be"),
    ],
)
def test_bad_chart_data_is_explained(call: str, message: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}").run()
    assert message in at.exception[0].message
