"""``streamlit.dataframe_util``: table data as pandas, for component packages.

streamlit-pivot turns whatever table it is given into a pandas DataFrame
with ``convert_anything_to_pandas_df``, and refuses to import without it.
This answers with the conversion ``st.data_editor`` uses.
"""

from __future__ import annotations

from typing import Any


def convert_anything_to_pandas_df(
    data: Any, max_unevaluated_rows: int = 10000, ensure_copy: bool = False
) -> Any:
    """``data`` (a table, a mapping, rows, an array, ...) as a pandas DataFrame.

    A DataFrame comes back as it is unless ``ensure_copy``. A query not yet
    evaluated (a polars LazyFrame) is read for at most
    ``max_unevaluated_rows`` rows; an iterator is read whole.

    Example:
        >>> convert_anything_to_pandas_df({"a": [1, 2]})["a"].tolist()
        [1, 2]
    """
    from rillet.api.tables import as_pandas

    if type(data).__name__ == "LazyFrame" and hasattr(data, "head"):
        data = data.head(max_unevaluated_rows).collect()
    frame = as_pandas(data, "convert_anything_to_pandas_df")
    return frame.copy() if ensure_copy else frame
