"""Tables kept from earlier runs, so an unchanged table is not converted or hashed again.

A ``st.data_editor`` edit reruns the script, and the script passes the same
table again (often a fresh copy of it, out of ``st.cache_data``). Writing
its Arrow bytes and hashing them on every edit costs milliseconds for a
10,000-row table; finding it again costs a byte comparison.

Kept process-wide (sessions showing the same data share them), least
recently used first out, within a byte budget:

- **Inputs** (:func:`find_input`, :func:`keep_input`): a pandas DataFrame
  whose columns (and index) are plain NumPy arrays is recognised by its
  layout (shape, labels, dtypes, index) and a byte comparison of its columns
  with a copy kept when it was first converted. A match gives back the
  converted :class:`~rillet.dataframes.convert.Table` and its Arrow parts
  and hashes: nothing is converted, written or hashed. A column of Python
  ``str`` objects qualifies too: its copy holds the very objects, so the
  same objects (compared by address, a fast check) mean the same text, and
  other objects are compared by value.
- **Arrow inputs** (:func:`arrow_columns`): a pyarrow Table or RecordBatch,
  or a Polars DataFrame, is recognised by its schema and a byte comparison
  of its Arrow buffers with copies kept when it was first converted. Not
  by reference: a pyarrow or Polars buffer made from a NumPy array (or a
  pandas frame) without a copy changes when that array does.
- **Arrow bytes** (:func:`find_part`, :func:`keep_part`): any other table is
  converted and written as before, and its bytes compared with the parts
  kept: an identical part keeps its hash (no BLAKE2b over the bytes).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from rillet.dataframes.convert import Table

# Below this many bytes of columns a table converts and hashes in microseconds.
MIN_BYTES = 32 * 1024
_INPUTS_MAX = 8
# Column copies and Arrow bytes, all inputs together. A 1,000,000 x 10 table
# would take about 170 MB (its numeric columns copied, its Arrow parts) and
# an unchanged rerun of it would compare its columns (12 ms) instead of
# writing and hashing 90 MB of Arrow (170 ms); but with a 256 MB budget its
# first showing took 0.9-2.3 s to its first rows instead of 0.2 s
# (`python bench/table_paint.py --rounds 3 --no-streamlit`, 2026-12-05), so
# tables that large are not kept until keeping them costs the first click nothing.
_INPUTS_MAX_BYTES = 32 * 1024 * 1024
_PARTS_MAX = 16
_PARTS_MAX_BYTES = 32 * 1024 * 1024

_LOCK = threading.Lock()


@dataclass(frozen=True, eq=False)  # compared by identity
class Kept:
    """A converted table, with what it was converted from."""

    layout: str
    arrays: tuple[Any, ...]  # copies of the input's columns (and index), never changed
    # Shared by every run that finds it, never changed: converted from the
    # copies (see :func:`copied_frame`), so it never sees later changes to
    # the input the app made in place, and can be sent in slices.
    table: Table
    # Its Arrow parts as sent: (hash, bytes, rows), one for a table sent
    # whole, in row order for one sent first rows first.
    parts: tuple[tuple[str, bytes, int], ...]

    def nbytes(self) -> int:
        return sum(_nbytes(a) for a in self.arrays) + sum(len(p[1]) for p in self.parts)


class _FoundByBytes(Protocol):
    @property
    def layout(self) -> str: ...
    @property
    def arrays(self) -> tuple[Any, ...]: ...


K = TypeVar("K", bound=_FoundByBytes)


class KeptByBytes(Generic[K]):
    """Things made from columns, kept with copies of the columns and found again by their bytes.

    Process-wide and thread-safe; the least recently used go first, past
    ``most`` of them or ``max_bytes`` in all (each thing's ``size``). Tables
    here, built charts in :mod:`rillet.api.charts_builtin`.

    Example:
        >>> import numpy as np
        >>> @dataclass(frozen=True, eq=False)
        ... class Made:
        ...     layout: str
        ...     arrays: tuple[Any, ...]
        >>> store = KeptByBytes[Made](most=2, max_bytes=1024, size=lambda m: 8)
        >>> store.keep(Made("ints", (np.arange(3),)))
        >>> store.find("ints", [np.arange(3)]) is not None, store.find("ints", [np.ones(3)])
        (True, None)
    """

    def __init__(self, *, most: int, max_bytes: int, size: Callable[[K], int]) -> None:
        self._items: list[K] = []  # most recently used last
        self._lock = threading.Lock()
        self._most = most
        self._max_bytes = max_bytes
        self._size = size

    def find(self, layout: str, arrays: list[Any]) -> K | None:
        """The thing kept for columns of this layout and these very bytes, if any."""
        with self._lock:
            candidates = [k for k in reversed(self._items) if k.layout == layout]
        for kept in candidates:  # kept copies never change: compared outside the lock
            if all(_same(a, b) for a, b in zip(arrays, kept.arrays, strict=True)):
                with self._lock:
                    if kept in self._items:
                        self._items.remove(kept)
                        self._items.append(kept)
                return kept
        return None

    def keep(self, kept: K) -> None:
        """Keep ``kept`` (not when it alone is over the budget); the oldest go first."""
        if self._size(kept) > self._max_bytes:
            return
        with self._lock:
            self._items.append(kept)
            del self._items[: -self._most]
            while sum(self._size(k) for k in self._items) > self._max_bytes:
                del self._items[0]

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __iter__(self) -> Iterator[K]:
        with self._lock:
            return iter(list(self._items))


_INPUTS = KeptByBytes[Kept](most=_INPUTS_MAX, max_bytes=_INPUTS_MAX_BYTES, size=Kept.nbytes)
_PARTS: list[tuple[str, bytes]] = []  # (hash, Arrow bytes), most recently used last


def input_columns(data: Any) -> tuple[str, list[Any]] | None:
    """A pandas DataFrame's layout and its columns' data; None when it does not qualify.

    Only a plain ``pandas.DataFrame`` qualifies whose every column has a
    NumPy dtype (given as a NumPy array; an ``object`` one is kept only if
    it holds only ``str``, see :func:`keepable`) or is stored by pyarrow
    (text, or an ``ArrowDtype``: given as its pyarrow ``ChunkedArray``,
    which nothing changes in place) or is categorical (given as its codes,
    then its categories), with a range index or a NumPy-typed one: then
    these arrays, with the layout, are all the conversion reads. A nullable
    number or boolean column (``Int64``, ``Float64``, ``boolean``) is given
    as two NumPy arrays (its values, missing ones as 0, and where values
    are missing). Other columns (zoned datetimes, intervals, ...) go the
    general way (:func:`find_part`).

    Example:
        >>> import pandas as pd
        >>> layout, arrays = input_columns(pd.DataFrame({"n": range(5000)}))
        >>> len(arrays), arrays[0].dtype
        (1, dtype('int64'))
    """
    import numpy as np
    import pandas as pd

    if type(data) is not pd.DataFrame or not data.columns.is_unique:
        return None
    dtypes = list(data.dtypes)
    plain = [isinstance(d, np.dtype) and (d == _OBJECT or not d.hasobject) for d in dtypes]
    for is_plain, dtype in zip(plain, dtypes, strict=True):
        if not (
            is_plain
            or _arrow_backed(dtype)
            or _masked(dtype)
            or isinstance(dtype, pd.CategoricalDtype)
        ):
            return None
    index = data.index
    if type(index) is pd.RangeIndex:
        index_text = f"range {index.start} {index.stop} {index.step} {index.name!r}"
        arrays: list[Any] = []
    elif isinstance(index.dtype, np.dtype) and not index.dtype.hasobject and index.nlevels == 1:
        index_text = f"index {type(index).__name__} {index.dtype} {index.name!r}"
        arrays = [np.ascontiguousarray(index.to_numpy())]
    else:
        return None
    if all(plain) and len(set(dtypes)) == 1 and dtypes[0] != _OBJECT:
        # One dtype: pandas holds the columns as one block, and this is a view of it.
        arrays.append(np.ascontiguousarray(data.to_numpy().T))
    else:
        for is_plain, (_, column) in zip(plain, data.items(), strict=True):
            if is_plain:
                arrays.append(np.ascontiguousarray(column.to_numpy()))
            elif isinstance(column.dtype, pd.CategoricalDtype):  # two arrays: codes, categories
                arrays.append(np.ascontiguousarray(column.array.codes))
                arrays.append(np.asarray(column.dtype.categories))
            elif _masked(column.dtype):  # two arrays: values (missing ones as 0), missing
                numpy_dtype = column.dtype.numpy_dtype
                arrays.append(column.to_numpy(dtype=numpy_dtype, na_value=numpy_dtype.type(0)))
                arrays.append(column.isna().to_numpy())
            else:  # stored by pyarrow: its own buffers, which nothing changes in place
                arrays.append(column.array.__arrow_array__())
    if sum(_nbytes(a) for a in arrays) < MIN_BYTES:
        return None
    labels = [(type(c).__name__, c) for c in data.columns]
    layout = repr((data.shape, labels, data.columns.names, [repr(d) for d in dtypes], index_text))
    return layout, arrays


_OBJECT = "object"


def arrow_columns(data: Any) -> tuple[str, list[Any]] | None:
    """A pyarrow Table or RecordBatch's, or a Polars DataFrame's, layout and Arrow columns.

    None when the data is none of these, is small (``MIN_BYTES``) or has
    dictionary-encoded columns. The columns are pyarrow arrays over the
    data's own buffers (Polars text is converted); :func:`arrow_copies`
    makes the copies to keep.

    Example:
        >>> import pyarrow as pa
        >>> layout, arrays = arrow_columns(pa.table({"n": list(range(5000))}))
        >>> len(arrays), str(arrays[0].type)
        (1, 'int64')
    """
    module = type(data).__module__
    if module.startswith("pyarrow"):
        import pyarrow as pa

        if type(data) is pa.RecordBatch:
            data = pa.Table.from_batches([data])
        if type(data) is not pa.Table:
            return None
        schema, rows, arrays = data.schema, data.num_rows, list(data.columns)
    elif module.startswith("polars"):
        import polars as pl

        if type(data) is not pl.DataFrame:
            return None
        schema, rows = data.schema, data.height
        try:
            arrays = [data.get_column(name).to_arrow() for name in data.columns]
        except Exception:  # a column Arrow cannot hold (Python objects)
            return None
    else:
        return None
    if any("dictionary" in str(a.type) for a in arrays):
        return None
    if sum(_nbytes(a) for a in arrays) < MIN_BYTES:
        return None
    return repr((module.split(".")[0], str(schema), rows, [str(a.type) for a in arrays])), arrays


def arrow_copies(arrays: list[Any]) -> list[Any]:
    """Copies of pyarrow arrays (chunk by chunk), over buffers nothing else holds.

    Example:
        >>> import pyarrow as pa
        >>> column = pa.chunked_array([[1, 2], [3]])
        >>> (copy,) = arrow_copies([column])
        >>> copy.equals(column), copy.chunk(0).buffers()[1].address != column.chunk(0).buffers()[1].address
        (True, True)
    """
    import pyarrow as pa

    def copied(array: Any) -> Any:
        return pa.concat_arrays([array])  # always new buffers

    return [
        pa.chunked_array([copied(c) for c in a.chunks], type=a.type)
        if isinstance(a, pa.ChunkedArray)
        else copied(a)
        for a in arrays
    ]


def arrow_frame(data: Any, copies: list[Any]) -> Any | None:
    """A table like ``data`` (:func:`arrow_columns`') over ``copies`` (:func:`arrow_copies`).

    The table converted from it is the one kept: it never shares a buffer
    with the app's data. None when the copies do not give back a frame of
    the same schema (a Polars type that does not round-trip through Arrow).
    """
    module = type(data).__module__
    if module.startswith("pyarrow"):
        import pyarrow as pa

        return pa.Table.from_arrays(copies, schema=data.schema)
    import polars as pl
    import pyarrow as pa

    frame = pl.from_arrow(pa.table(copies, names=data.columns))
    return frame if isinstance(frame, pl.DataFrame) and frame.schema == data.schema else None


def _arrow_backed(dtype: Any) -> bool:
    """Whether a pandas column of this dtype holds a pyarrow array (replaced, never changed)."""
    import pandas as pd

    if isinstance(dtype, pd.StringDtype):
        return bool(dtype.storage == "pyarrow")
    return isinstance(dtype, pd.ArrowDtype) and "dictionary" not in str(dtype.pyarrow_dtype)


def _is_numpy(array: Any) -> bool:
    return type(array).__module__ == "numpy"


def _masked(dtype: Any) -> bool:
    """Whether a pandas dtype is a nullable number or boolean (``Int64``, ``Float64``, ``boolean``)."""
    import pandas as pd

    nullable = (pd.arrays.IntegerArray, pd.arrays.FloatingArray, pd.arrays.BooleanArray)
    return isinstance(dtype, pd.api.extensions.ExtensionDtype) and issubclass(
        dtype.construct_array_type(), nullable
    )


def _is_objects(array: Any) -> bool:
    return _is_numpy(array) and array.dtype.hasobject


def _nbytes(array: Any) -> int:
    if not _is_numpy(array):  # pyarrow: its buffers' sizes, without scanning them
        return int(array.get_total_buffer_size())
    return int(array.nbytes)


def fits(arrays: list[Any]) -> bool:
    """Whether a table of these columns can be kept (its copies and parts within the budget)."""
    return 2 * sum(_nbytes(a) for a in arrays) <= _INPUTS_MAX_BYTES


def keepable(arrays: list[Any]) -> bool:
    """Whether columns can be kept: every ``object`` one holds only ``str`` (immutable).

    A copy of a column of objects holds the same objects: only immutable
    ones tell, by being the same, that nothing changed.

    Example:
        >>> import numpy as np
        >>> keepable([np.array(["a", "b"], dtype=object)]), keepable([np.array([[1]], dtype=object)])
        (True, False)
    """
    return all(_all_text(a) for a in arrays if _is_objects(a))


def _all_text(array: Any) -> bool:
    import pandas as pd

    return bool(array.ndim == 1 and pd.api.types.infer_dtype(array, skipna=False) == "string")


def _addresses(array: Any) -> Any:
    """The object pointers of a contiguous 1-D ``object`` array, as unsigned ints (a view)."""
    import ctypes

    import numpy as np

    raw = (ctypes.c_char * array.nbytes).from_address(array.ctypes.data)
    return np.frombuffer(raw, dtype=np.uintp)


def _words(array: Any) -> Any:
    """A contiguous array's bytes as the widest unsigned ints that fit (compared 8 at a time)."""
    import numpy as np

    flat = array.reshape(-1).view(np.uint8)
    for word in (np.uint64, np.uint32, np.uint16):
        if flat.nbytes % np.dtype(word).itemsize == 0:
            return flat.view(word)
    return flat


def copied_frame(data: Any, arrays: list[Any]) -> tuple[Any, list[Any]]:
    """A DataFrame like ``data`` over copies of ``arrays`` (:func:`input_columns`'), and the copies.

    The table converted from it is the one kept: its buffers are the copies
    (and pyarrow's text buffers, which never change), so it never sees a
    change the app makes to its frame in place.
    """
    import pandas as pd

    copies = [a.copy() if _is_numpy(a) else arrow_copies([a])[0] for a in arrays]
    index = data.index
    columns = copies
    if type(index) is not pd.RangeIndex:
        index = pd.Index(copies[0], name=index.name, dtype=index.dtype, copy=False)
        columns = copies[1:]
    if len(columns) == 1 and _is_numpy(columns[0]) and columns[0].ndim == 2:
        # One block: (columns, rows).
        frame = pd.DataFrame(columns[0].T, index=index, columns=data.columns, copy=False)
    else:
        arrays_left = iter(columns)
        values: dict[int, Any] = {}
        for i, dtype in enumerate(data.dtypes):
            column = next(arrays_left)
            if isinstance(dtype, pd.CategoricalDtype):
                next(arrays_left)  # its categories: compared, the dtype holds them
                values[i] = pd.Categorical.from_codes(column, dtype=dtype)
            elif _is_objects(column):  # objects stay objects (not a text dtype inferred)
                values[i] = pd.Series(column, dtype=dtype, copy=False)
            elif _masked(dtype):  # values and missing: back to the nullable dtype
                values[i] = dtype.construct_array_type()(column, next(arrays_left))
            else:
                values[i] = column if _is_numpy(column) else pd.array(column, dtype=dtype)
        frame = pd.DataFrame(values, index=index, copy=False)
        frame.columns = data.columns
    return frame, copies


def _same(a: Any, b: Any) -> bool:
    """Whether column ``a`` (the app's) holds what ``b`` (a kept copy) holds, byte for byte."""
    import numpy as np

    if _is_numpy(a) != _is_numpy(b):
        return False
    if not _is_numpy(a):
        return _same_arrow(a, b)
    if a.shape != b.shape or a.dtype != b.dtype:
        return False
    if _is_objects(b):  # a kept copy of objects holds only str (keepable)
        if np.array_equal(_addresses(a), _addresses(b)):
            return True  # the very objects, kept alive by the copy: the same text
        return _all_text(a) and bool((a == b).all())
    return bool(np.array_equal(_words(a), _words(b)))


def _same_arrow(a: Any, b: Any) -> bool:
    """Whether pyarrow array ``a`` (the app's) has the bytes of ``b`` (a kept copy).

    Chunk by chunk, buffer by buffer (a chunk that starts inside its
    buffers, a slice, is never taken for the same). Not by value:
    ``0.0 == -0.0`` but they show differently.
    """
    import pyarrow as pa

    if a.type != b.type or len(a) != len(b) or a.null_count != b.null_count:
        return False
    a_chunks = a.chunks if isinstance(a, pa.ChunkedArray) else [a]
    b_chunks = b.chunks if isinstance(b, pa.ChunkedArray) else [b]
    if [(len(c), c.offset) for c in a_chunks] != [(len(c), c.offset) for c in b_chunks]:
        return False
    for x, y in zip(a_chunks, b_chunks, strict=True):
        x_buffers, y_buffers = x.buffers(), y.buffers()
        if len(x_buffers) != len(y_buffers):
            return False
        for p, q in zip(x_buffers, y_buffers, strict=True):
            if p is None or q is None:
                if p is not q:
                    return False
            elif not p.equals(q):
                return False
    return True


def find_input(layout: str, arrays: list[Any]) -> Kept | None:
    """The table kept for an input of this layout and these very bytes, if any."""
    return _INPUTS.find(layout, arrays)


def keep_input(
    layout: str, copies: list[Any], table: Table, parts: list[tuple[str, bytes, int]]
) -> None:
    """Keep a table converted from ``copies`` (:func:`copied_frame`), with them and its parts."""
    _INPUTS.keep(Kept(layout, tuple(copies), table, tuple(parts)))


def find_part(arrow: bytes) -> str | None:
    """The hash of a kept part with exactly these bytes, if any (a byte comparison, no hashing)."""
    if len(arrow) < MIN_BYTES:
        return None
    with _LOCK:
        for i in range(len(_PARTS) - 1, -1, -1):
            digest, kept = _PARTS[i]
            if len(kept) == len(arrow) and kept == arrow:
                _PARTS.append(_PARTS.pop(i))
                return digest
    return None


def part_bytes(digest: str) -> bytes | None:
    """The bytes of a kept part (of a kept table, or kept by its bytes), by its hash."""
    for kept in _INPUTS:
        for held, arrow, _ in kept.parts:
            if held == digest:
                return arrow
    with _LOCK:
        for held, arrow in _PARTS:
            if held == digest:
                return arrow
    return None


def holds_part(digest: str) -> bool:
    """Whether :func:`part_bytes` has the part of this hash."""
    return part_bytes(digest) is not None


def keep_part(digest: str, arrow: bytes) -> None:
    """Keep a part's bytes under its hash (large parts only, within the budget)."""
    if not MIN_BYTES <= len(arrow) <= _PARTS_MAX_BYTES:
        return
    with _LOCK:
        _PARTS.append((digest, arrow))
        del _PARTS[:-_PARTS_MAX]
        while sum(len(a) for _, a in _PARTS) > _PARTS_MAX_BYTES:
            del _PARTS[0]


def clear() -> None:
    """Forget every kept table and part (tests; memory)."""
    _INPUTS.clear()
    with _LOCK:
        _PARTS.clear()
