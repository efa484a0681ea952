"""Columnar libraries → :class:`~rillet.dataframes.convert.Table`, from their own buffers.

Each function is called only for data of its library, so it imports that
library (and NumPy) itself; none of them needs pyarrow unless the data is
pyarrow's.
"""

from __future__ import annotations

from typing import Any

from rillet.dataframes import arrow as _a
from rillet.dataframes.arrow import ArrowType
from rillet.dataframes.convert import Column, Table, json_safe, label, values_column
from rillet.runtime.errors import bad_argument

_UNITS = ("s", "ms", "us", "ns")


# ------------------------------------------------------------------- NumPy


def numpy_column(name: str, values: Any, *, index: bool = False, dtype: str = "") -> Column:
    """A column from a 1-D NumPy array of any dtype."""
    import numpy as np

    dtype = dtype or _dtype_text(values.dtype)
    char = values.dtype.kind
    if char == "b":
        return Column(name, "bool", dtype, _a.from_numpy(values, _a.BOOL), index)
    if char in "iu":
        kind = ArrowType("int", values.dtype.itemsize * 8, signed=char == "i")
        return Column(name, "int", dtype, _a.from_numpy(values, kind), index)
    if char == "f":
        if values.dtype.itemsize == 2:
            values = values.astype(np.float32)
        valid = ~np.isnan(values)
        kind = ArrowType("float", values.dtype.itemsize * 8)
        return Column(name, "float", dtype, _a.from_numpy(values, kind, valid), index)
    if char in "mM":
        unit, _ = np.datetime_data(values.dtype)
        if unit not in _UNITS:
            unit = "s" if unit in ("D", "h", "m", "W", "M", "Y") else "ns"
            values = values.astype(f"{char}8[{unit}]")
        valid = ~np.isnat(values)
        ints = values.view(np.int64)
        if char == "M":
            kind = ArrowType("timestamp", unit=unit)
            return Column(name, "datetime", dtype, _a.from_numpy(ints, kind, valid), index)
        duration = ArrowType("duration", unit=unit)
        return Column(name, "timedelta", dtype, _a.from_numpy(ints, duration, valid), index)
    if char == "U" or (char == "O" and _all_str(values)):
        strings = values.tolist()
        return Column(name, "string", dtype, _a.from_strings(strings), index)
    if char == "S":
        return Column(name, "bytes", dtype, _a.from_values(values.tolist(), _a.BINARY), index)
    if char == "c":
        texts = [str(v) for v in values.tolist()]
        return Column(name, "object", dtype, _a.from_strings(texts), index)
    column = values_column(name, values.tolist(), index=index)
    column.dtype = dtype
    return column


_DTYPE_TEXT: dict[Any, str] = {}


def _dtype_text(dtype: Any) -> str:
    text = _DTYPE_TEXT.get(dtype)
    if text is None:
        text = _DTYPE_TEXT[dtype] = str(dtype)
    return text


def _all_str(values: Any) -> bool:
    return all(type(v) is str for v in values.tolist())


def from_numpy(data: Any, argument: str, command: str) -> Table:
    if data.dtype.names and data.ndim == 1:  # a structured array: one column per field
        fields = [numpy_column(str(n), data[n]) for n in data.dtype.names]
        return _with_range_index(fields, len(data), "numpy")
    if data.ndim == 0:
        return _with_range_index([numpy_column("value", data.reshape(1))], 1, "numpy")
    if data.ndim == 1:
        return _with_range_index([numpy_column("value", data)], len(data), "numpy")
    if data.ndim == 2:
        columns = [numpy_column(str(i), data[:, i]) for i in range(data.shape[1])]
        for i, column in enumerate(columns):
            column.label = i
        return _with_range_index(columns, data.shape[0], "numpy")
    raise bad_argument(argument, data, "a 1-D or 2-D NumPy array", command=command)


def _with_range_index(columns: list[Column], rows: int, source: str) -> Table:
    import numpy as np

    index = numpy_column("_index", np.arange(rows, dtype=np.int64), index=True)
    index.is_range = True
    return Table([index, *columns], rows, source=source)


# ------------------------------------------------------------------ pandas


def pandas_column(name: str, series: Any, *, index: bool = False) -> Column:
    """A column from a pandas Series (or Index), by its dtype."""
    import numpy as np
    import pandas as pd

    dtype = series.dtype
    if isinstance(dtype, np.dtype) and dtype.kind in "biufmM":  # the common case, first
        return numpy_column(name, series.values, index=index)
    text = str(dtype)
    if isinstance(dtype, pd.CategoricalDtype):
        plain = pd.Series(np.asarray(series.astype(object)), dtype=object)
        column = pandas_column(name, plain, index=index)
        column.kind, column.dtype = "categorical", text
        column.options = [json_safe(c) for c in dtype.categories.tolist()]
        return column
    if isinstance(dtype, pd.DatetimeTZDtype):
        ints = np.asarray(series.array.asi8)
        valid = ~np.asarray(series.isna())
        kind = ArrowType("timestamp", unit=dtype.unit, tz=str(dtype.tz))
        return Column(name, "datetime", text, _a.from_numpy(ints, kind, valid), index)
    if isinstance(dtype, pd.SparseDtype):
        return pandas_column(name, pd.Series(np.asarray(series)), index=index)
    if isinstance(dtype, (pd.PeriodDtype, pd.IntervalDtype)):
        kind_name = "period" if isinstance(dtype, pd.PeriodDtype) else "interval"
        valid = ~np.asarray(series.isna())
        texts = [str(v) if ok else "" for v, ok in zip(series.tolist(), valid, strict=True)]
        return Column(name, kind_name, text, _a.from_strings(texts, valid), index)
    if isinstance(dtype, np.dtype) and dtype.kind != "O":
        return numpy_column(name, np.asarray(series), index=index, dtype=text)
    if isinstance(dtype, pd.api.extensions.ExtensionDtype) and dtype.kind in "iufb":
        valid = ~np.asarray(series.isna())
        numpy_dtype = dtype.numpy_dtype if hasattr(dtype, "numpy_dtype") else None
        if numpy_dtype is not None:
            fill = False if dtype.kind == "b" else 0
            values = series.to_numpy(dtype=numpy_dtype, na_value=fill)
            column = numpy_column(name, values, index=index, dtype=text)
            if column.kind == "float":
                valid &= ~np.isnan(values)
            column.array = _revalidate(column.array, valid)
            return column
    return _object_column(name, series, text, index)


def _revalidate(array: _a.Array, valid: Any) -> _a.Array:
    import numpy as np

    nulls = len(valid) - int(np.count_nonzero(valid))
    bitmap: Any = np.packbits(valid, bitorder="little") if nulls else b""
    return _a.Array(array.type, array.length, nulls, [bitmap, *array.buffers[1:]])


def _object_column(name: str, series: Any, dtype: str, index: bool) -> Column:
    import numpy as np
    import pandas as pd

    is_text = isinstance(series.dtype, pd.StringDtype)
    if is_text and getattr(series.dtype, "storage", "") == "pyarrow":
        array = _arrow_strings(series)
        if array is not None:
            return Column(name, "string", dtype, array, index)
    inferred = "string" if is_text else pd.api.types.infer_dtype(series, skipna=True)
    if inferred == "string":
        valid = ~np.asarray(series.isna())
        values = series.to_numpy(dtype=object)
        if not valid.all():
            values = np.where(valid, values, "")
        return Column(name, "string", dtype, _a.from_strings(values.tolist(), valid), index)
    if inferred in ("floating", "integer", "mixed-integer-float", "boolean"):
        target = {"integer": "int64", "boolean": "bool"}.get(inferred, "float64")
        valid = ~np.asarray(series.isna())
        if valid.all() or target == "float64":
            try:
                values = series.to_numpy(
                    dtype=target, na_value=np.nan if target == "float64" else 0
                )
            except (OverflowError, TypeError, ValueError):
                pass
            else:
                column = numpy_column(name, values, index=index, dtype=dtype)
                return column
    column = values_column(name, series.tolist(), index=index)
    column.dtype = dtype
    return column


def _arrow_strings(series: Any) -> _a.Array | None:
    """A pyarrow-backed text column's own buffers (pyarrow is there: the data uses it)."""
    return string_buffers(series.array.__arrow_array__())


def string_buffers(chunked: Any) -> _a.Array | None:
    """A pyarrow string array's buffers as a utf8 array (``None`` when they cannot be reused)."""
    import numpy as np
    import pyarrow as pa

    column = chunked.combine_chunks() if isinstance(chunked, pa.ChunkedArray) else chunked
    if column.offset or not (
        pa.types.is_string(column.type) or pa.types.is_large_string(column.type)
    ):
        return None
    validity, offsets_buffer, data = column.buffers()
    wide = pa.types.is_large_string(column.type)
    offsets = np.frombuffer(offsets_buffer, dtype=np.int64 if wide else np.int32)[: len(column) + 1]
    start, end = int(offsets[0]), int(offsets[-1])
    if end - start >= 2**31:
        return None
    if start or wide:
        offsets = (offsets - start).astype(np.int32)
    body = memoryview(data)[start:end] if data is not None else b""
    nulls = column.null_count
    bits: Any = (
        memoryview(validity)[: (len(column) + 7) // 8] if nulls and validity is not None else b""
    )
    return _a.Array(_a.UTF8, len(column), nulls, [bits, offsets, body])


def _index_columns(index: Any) -> list[Column]:
    import pandas as pd

    if isinstance(index, pd.MultiIndex):
        names = [n if n is not None else f"_index_{i}" for i, n in enumerate(index.names)]
        return [
            pandas_column(label(n), index.get_level_values(i).to_series(), index=True)
            for i, n in enumerate(names)
        ]
    name = "_index" if index.name is None else label(index.name)
    if isinstance(index, pd.RangeIndex):
        import numpy as np

        values = np.arange(index.start, index.stop, index.step, dtype=np.int64)
        column = numpy_column(name, values, index=True)
        column.is_range = True
    else:
        column = pandas_column(name, index.to_series(index=None), index=True)
    column.label = index.name
    return [column]


def from_pandas_like(data: Any) -> Table:
    """A pandas DataFrame, Series, Index or Styler."""
    import pandas as pd

    styler = None
    if type(data).__name__ == "Styler":
        from rillet.dataframes.styler import styler_output

        styler, data = styler_output(data), data.data
    if isinstance(data, pd.Index):
        data = data.to_frame(index=False)
    elif isinstance(data, pd.Series):
        data = data.to_frame(name=data.name if data.name is not None else 0)
    if not isinstance(data, pd.DataFrame) and hasattr(data, "__dataframe__"):
        data = pd.api.interchange.from_dataframe(data)  # pandas' own interchange object
    if not isinstance(data, pd.DataFrame):
        data = pd.DataFrame(data)
    columns = _index_columns(data.index)
    for name, series in data.items():  # items(): fast, and keeps duplicate names apart
        columns.append(pandas_column(label(name), series))
        columns[-1].label = name
    return Table(columns, len(data), styler=styler, source="pandas")


# ------------------------------------------------------------------ Polars


def polars_column(name: str, series: Any) -> Column:
    """A column from a Polars Series, from its own buffers where the type allows."""
    import numpy as np
    import polars as pl

    dtype = series.dtype
    text = str(dtype)
    valid = ~series.is_null().to_numpy()
    if dtype.is_numeric() and not isinstance(dtype, pl.Decimal):
        values = series.fill_null(0).to_numpy()
        column = numpy_column(name, values)
        if column.kind == "float":
            valid &= ~np.isnan(values)
        column.array = _revalidate(column.array, valid)
        return column
    if dtype == pl.Boolean:
        values = series.fill_null(False).to_numpy()
        column = numpy_column(name, values)
        column.array = _revalidate(column.array, valid)
        return column
    if isinstance(dtype, pl.Datetime):
        ints = series.cast(pl.Int64).fill_null(0).to_numpy()
        kind = ArrowType("timestamp", unit=dtype.time_unit or "us", tz=dtype.time_zone or "")
        return Column(name, "datetime", text, _a.from_numpy(ints, kind, valid))
    if isinstance(dtype, pl.Duration):
        ints = series.cast(pl.Int64).fill_null(0).to_numpy()
        kind = ArrowType("duration", unit=dtype.time_unit or "us")
        return Column(name, "timedelta", text, _a.from_numpy(ints, kind, valid))
    if dtype == pl.Date:
        days = series.cast(pl.Int32).fill_null(0).to_numpy()
        return Column(name, "date", text, _a.from_numpy(days, _a.DATE32, valid))
    if dtype in (pl.String, pl.Utf8):
        strings = series.fill_null("").to_list()
        return Column(name, "string", text, _a.from_strings(strings, valid))
    if isinstance(dtype, (pl.Categorical, pl.Enum)):
        values = series.cast(pl.String).to_list()
        column = values_column(name, values)
        column.kind, column.dtype = "categorical", text
        if isinstance(dtype, pl.Enum):
            column.options = list(dtype.categories.to_list())
        else:  # Polars 1.32+ keeps no per-column categories: those the column holds
            column.options = list(dict.fromkeys(v for v in values if v is not None))
        return column
    column = values_column(name, series.to_list())
    column.dtype = text
    return column


def from_polars(data: Any) -> Table:
    """A Polars DataFrame, Series or LazyFrame (collected)."""
    import polars as pl

    if isinstance(data, pl.LazyFrame):
        data = data.collect()
    if isinstance(data, pl.Series):
        data = data.to_frame()
    columns = [polars_column(str(name), data.get_column(name)) for name in data.columns]
    return _with_range_index(columns, data.height, "polars")


# ----------------------------------------------------------------- pyarrow


def from_pyarrow(data: Any) -> Table:
    """A pyarrow Table, RecordBatch, Array or ChunkedArray (through NumPy / Python values)."""
    import pyarrow as pa

    if isinstance(data, (pa.Array, pa.ChunkedArray)):
        data = pa.table({"0": data})
    if isinstance(data, pa.RecordBatch):
        data = pa.Table.from_batches([data])
    columns = []
    for name, chunked in zip(data.column_names, data.columns, strict=True):
        column = chunked.combine_chunks() if isinstance(chunked, pa.ChunkedArray) else chunked
        if pa.types.is_dictionary(column.type):  # pandas reads it as a categorical
            options = column.dictionary.to_pylist()
            columns.append(_arrow_column(str(name), column.dictionary_decode()))
            columns[-1].kind, columns[-1].options = "categorical", options
            continue
        columns.append(_arrow_column(str(name), column))
    return _with_range_index(columns, data.num_rows, "pyarrow")


def _arrow_column(name: str, column: Any) -> Column:
    import numpy as np
    import pyarrow as pa

    kind = column.type
    text = str(kind)
    valid = np.asarray(column.is_valid())
    if pa.types.is_integer(kind) or pa.types.is_floating(kind) or pa.types.is_boolean(kind):
        filled = column.fill_null(False if pa.types.is_boolean(kind) else 0)
        values = filled.to_numpy(zero_copy_only=False)
        result = numpy_column(name, values)
        if result.kind == "float":
            valid &= ~np.isnan(values)
        result.array = _revalidate(result.array, valid)
        return result
    if pa.types.is_timestamp(kind) or pa.types.is_duration(kind):
        ints = column.cast(pa.int64()).fill_null(0).to_numpy()
        if pa.types.is_timestamp(kind):
            stamp = ArrowType("timestamp", unit=kind.unit, tz=kind.tz or "")
            return Column(name, "datetime", text, _a.from_numpy(ints, stamp, valid))
        duration = ArrowType("duration", unit=kind.unit)
        return Column(name, "timedelta", text, _a.from_numpy(ints, duration, valid))
    if pa.types.is_string(kind) or pa.types.is_large_string(kind):
        # "utf8": not pandas' "string" dtype (read back as a plain text column, as pandas does)
        text = "utf8" if pa.types.is_string(kind) else text
        reused = string_buffers(column)
        if reused is not None:
            return Column(name, "string", text, reused)
        strings = column.fill_null("").to_pylist()
        return Column(name, "string", text, _a.from_strings(strings, valid))
    result = values_column(name, column.to_pylist())
    result.dtype = text
    return result


# ------------------------------------------------------- other dataframes


def from_interchange(data: Any, argument: str, command: str) -> Table:
    """A dataframe-interchange or narwhals-compatible frame, through pandas or Polars."""
    try:
        import narwhals as nw

        frame = nw.from_native(data, eager_only=True)
        native = frame.to_native()
        if native is not data:
            from rillet.dataframes.convert import to_table

            return to_table(native, command=command, argument=argument)
        return from_pandas_like(frame.to_pandas())
    except (ImportError, TypeError):
        pass
    if hasattr(data, "__arrow_c_stream__"):  # the Arrow PyCapsule interface (DuckDB, ...)
        try:
            import pyarrow as pa

            return from_pyarrow(pa.table(data))
        except ImportError:
            pass
    try:
        import pandas as pd

        return from_pandas_like(pd.api.interchange.from_dataframe(data))
    except ImportError:
        raise bad_argument(
            argument, data, "a dataframe rillet can read (install pandas)", command=command
        ) from None
