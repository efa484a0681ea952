"""Tables as components exchange them: three Arrow IPC streams (v1), or one (v2).

The component libraries (``streamlit-component-lib``'s ``ArrowTable``) read
a dataframe argument as ``{data, index, columns}``: the values, the row
labels as a one-column table named ``"0"``, and the column labels the same
way; they send dataframe values back in that shape too.

Arguments are written with rillet's own Arrow writer (``rillet.dataframes``,
the conversion ``st.dataframe`` uses): no pyarrow, so a packed app with a
grid component need not carry it. Strings get 32-bit offsets (``Utf8``),
which the Arrow JS inside older component bundles needs. Reading a table a
component sends back uses pyarrow, imported here only then; packages that
ask for table values depend on streamlit, which brings pyarrow.
"""

from __future__ import annotations

from typing import Any

from rillet.protocol import rillet_pb2 as pb

_TABLE_MODULES = ("pandas", "pyarrow", "numpy", "polars")


def is_table(value: object) -> bool:
    """Whether a component argument travels as a table (DataFrame, Series, array...).

    Decided by the value's type's module, so no data library is imported.

    Example:
        >>> is_table({"a": 1}), is_table(b"raw")
        (False, False)
    """
    module = type(value).__module__.split(".", 1)[0]
    return (module in _TABLE_MODULES and hasattr(value, "__len__")) or _is_styler(value)


def _is_styler(value: object) -> bool:
    return type(value).__name__ == "Styler" and type(value).__module__.startswith("pandas")


def encode(value: Any) -> pb.ComponentDataFrame:
    """A table argument as the three IPC streams a component reads.

    Example:
        >>> import pandas as pd
        >>> message = encode(pd.DataFrame({"a": [1, 2]}, index=["x", "y"]))
        >>> frame = decode(message)
        >>> frame["a"].tolist(), frame.index.tolist()
        ([1, 2], ['x', 'y'])
    """
    from rillet.dataframes import to_table
    from rillet.dataframes.arrow import from_strings, write_stream

    table = to_table(value.data if _is_styler(value) else value, command="component")
    data = [c for c in table.columns if not c.index]
    index = [c for c in table.columns if c.index]
    labels = [str(c.label) if c.label is not None else c.name for c in data]
    if len(index) == 1:
        row_labels = write_stream([("0", index[0].array)])
    else:  # no index, or several levels (a pandas MultiIndex): the row labels as text
        levels = getattr(value, "index", None) if index else None
        rows = [str(label) for label in levels] if levels is not None else None
        row_labels = write_stream(
            [("0", from_strings(rows or [str(i) for i in range(table.rows)]))]
        )
    return pb.ComponentDataFrame(
        data=write_stream([(label, c.array) for label, c in zip(labels, data, strict=True)]),
        index=row_labels,
        columns=write_stream([("0", from_strings(labels))]),
    )


def encode_stream(value: Any, *, command: str, argument: str) -> bytes:
    """A table as one Arrow IPC stream, laid out as components.v2 ``data`` sends it.

    The data columns, then the row labels unless they are only row numbers
    (a range index), each level named for its name, else
    ``__index_level_<i>__``: the layout a pandas table read by pyarrow has,
    which v2 components receive from Streamlit.

    Raises:
        RilletAPIException: ``value`` is no table the writer takes; the
            message names ``argument``, the type given and what is accepted.

    Example:
        >>> import pandas as pd
        >>> import pyarrow as pa
        >>> stream = encode_stream(pd.DataFrame({"a": [1, 2]}), command="c", argument="data")
        >>> pa.ipc.open_stream(stream).read_all().to_pydict()
        {'a': [1, 2]}
    """
    from rillet.dataframes import to_table
    from rillet.dataframes.arrow import write_stream

    table = to_table(value.data if _is_styler(value) else value, command=command, argument=argument)
    data = [(_label(c.label, c.name), c.array) for c in table.columns if not c.index]
    levels = [c for c in table.columns if c.index and not c.is_range]
    index = [(_label(c.label, f"__index_level_{i}__"), c.array) for i, c in enumerate(levels)]
    return write_stream(data + index)


def _label(label: object, otherwise: str) -> str:
    return str(label) if label is not None else otherwise


def decode(message: pb.ComponentDataFrame) -> Any:
    """A table a component sent back, as a pandas DataFrame.

    The row and column labels come from the ``index`` and ``columns``
    streams when the component sent them and their lengths fit.

    Raises:
        ValueError: the bytes are not Arrow IPC, or pyarrow (which reads
            them) is not installed; the value is then ignored with a warning.
    """
    try:
        import pyarrow as pa
    except ImportError as error:
        raise ValueError(
            "a component sent a table, and reading it needs pyarrow: pip install pyarrow "
            "(a packed app: import pyarrow in the app so that it travels along)"
        ) from error

    try:
        frame = pa.ipc.open_stream(message.data).read_all().to_pandas()
        index = _first_column(message.index)
        columns = _first_column(message.columns)
    except pa.ArrowException as error:
        raise ValueError(f"not an Arrow IPC table: {error}") from error
    if index is not None and len(index) == len(frame):
        frame.index = index
    if columns is not None and len(columns) == len(frame.columns):
        frame.columns = columns
    return frame


def _first_column(raw: bytes) -> list[Any] | None:
    import pyarrow as pa

    if not raw:
        return None
    table = pa.ipc.open_stream(raw).read_all()
    if table.num_columns == 0:
        return None
    return list(table.column(0).to_pylist())
