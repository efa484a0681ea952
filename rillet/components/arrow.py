"""Tables as components exchange them: three Arrow IPC streams.

The component libraries (``streamlit-component-lib``'s ``ArrowTable``) read
a dataframe argument as ``{data, index, columns}``: the values, the row
labels as a one-column table named ``"0"``, and the column labels the same
way; they send dataframe values back in that shape too.

The data issue's own Arrow writer (``rillet.dataframes``) has not landed;
until it does this module uses pyarrow, imported here only, when a
component actually receives or returns a table. Packages that pass tables
to components depend on streamlit, which brings pyarrow and pandas.
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


def _ipc(table: Any) -> bytes:
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return bytes(sink.getvalue().to_pybytes())


def _as_pandas(value: Any) -> Any:
    import pandas as pd

    if _is_styler(value):
        value = value.data
    module = type(value).__module__.split(".", 1)[0]
    if module == "pyarrow" or module == "polars":
        value = value.to_pandas()
    if isinstance(value, pd.Series):
        value = value.to_frame()
    if not isinstance(value, pd.DataFrame):
        value = pd.DataFrame(value)
    return value


def encode(value: Any) -> pb.ComponentDataFrame:
    """A table argument as the three IPC streams a component reads.

    Example:
        >>> import pandas as pd
        >>> message = encode(pd.DataFrame({"a": [1, 2]}))
        >>> decode(message)["a"].tolist()
        [1, 2]
    """
    import pyarrow as pa

    frame = _as_pandas(value)
    labels = [str(c) for c in frame.columns]
    data = frame.copy(deep=False)
    data.columns = labels
    index = frame.index
    if getattr(index, "nlevels", 1) > 1:
        index = index.to_flat_index().map(str)
    return pb.ComponentDataFrame(
        data=_ipc(_small_offsets(pa.Table.from_pandas(data, preserve_index=False))),
        index=_ipc(pa.table({"0": pa.array(list(index))})),
        columns=_ipc(pa.table({"0": pa.array(labels, type=pa.string())})),
    )


def _small_offsets(table: Any) -> Any:
    """The table with 32-bit offsets: the Arrow JS inside older components lacks ``LargeUtf8``.

    pandas 3 stores strings as ``large_string``; component bundles built
    with apache-arrow before version 9 throw on it ("Unrecognized type").
    """
    import pyarrow as pa

    narrow = {pa.large_string(): pa.string(), pa.large_binary(): pa.binary()}
    fields = [
        field.with_type(narrow.get(field.type, field.type))
        if not pa.types.is_large_list(field.type)
        else field.with_type(pa.list_(field.type.value_type))
        for field in table.schema
    ]
    schema = pa.schema(fields, metadata=table.schema.metadata)
    return table if schema.equals(table.schema) else table.cast(schema)


def decode(message: pb.ComponentDataFrame) -> Any:
    """A table a component sent back, as a pandas DataFrame.

    The row and column labels come from the ``index`` and ``columns``
    streams when the component sent them and their lengths fit.

    Raises:
        ValueError: the bytes are not Arrow IPC.
    """
    import pyarrow as pa

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
