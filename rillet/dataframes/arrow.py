"""The Arrow IPC stream writer: columns in, one ``bytes`` stream out.

rillet writes Arrow itself so that showing a table needs neither pyarrow nor
any other Arrow library (see the protocol README, "Tables"). An IPC stream
is a schema message, one record batch and an end marker; each message is a
small FlatBuffer (built here by :class:`_Flat`) followed by the column
buffers, each padded to 8 bytes.

An :class:`Array` holds one column's buffers, built from NumPy arrays
(:func:`from_numpy`, no copy where the layout already matches) or from plain
Python values (:func:`from_values`, no NumPy needed).
"""

from __future__ import annotations

import struct
from array import array as _pyarray
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# Type ids of the ``Type`` union in Arrow's Schema.fbs.
_TYPE_IDS = {
    "null": 1,
    "int": 2,
    "float": 3,
    "binary": 4,
    "utf8": 5,
    "bool": 6,
    "decimal": 7,
    "date32": 8,
    "time64": 9,
    "timestamp": 10,
    "duration": 18,
}
_UNITS = {"s": 0, "ms": 1, "us": 2, "ns": 3}
_FLOAT_PRECISION = {16: 0, 32: 1, 64: 2}
_HEADER_SCHEMA, _HEADER_RECORD_BATCH = 1, 3
_METADATA_V5 = 4
_CONTINUATION = b"\xff\xff\xff\xff"


@dataclass(frozen=True)
class ArrowType:
    """One Arrow logical type, as this writer knows them.

    ``id`` is one of ``null int float bool utf8 binary timestamp date32
    time64 duration decimal``; ``bits`` the width of ints, floats and
    decimals; ``unit`` ``"s" "ms" "us" "ns"`` for timestamps, times and
    durations.

    Example:
        >>> ArrowType("timestamp", unit="us", tz="UTC").tz
        'UTC'
    """

    id: str
    bits: int = 0
    signed: bool = True
    unit: str = ""
    tz: str = ""
    precision: int = 0
    scale: int = 0


INT64 = ArrowType("int", 64)
FLOAT64 = ArrowType("float", 64)
BOOL = ArrowType("bool")
UTF8 = ArrowType("utf8")
BINARY = ArrowType("binary")
NULL = ArrowType("null")
DATE32 = ArrowType("date32")
TIME64_US = ArrowType("time64", 64, unit="us")


@dataclass
class Array:
    """One column's Arrow buffers: validity (may be empty), then the data buffers."""

    type: ArrowType
    length: int
    null_count: int
    buffers: list[Any]  # bytes-like objects (bytes, memoryview, numpy arrays)


# ------------------------------------------------------------------ FlatBuffers


class _Flat:
    """A minimal FlatBuffer writer: tables, vectors and strings laid out forwards.

    A table is written as its vtable, then its inline fields; the objects it
    points to are written after it, so every offset points forwards as the
    format requires. Every field is written, defaults included.
    """

    def __init__(self) -> None:
        self.buf = bytearray(4)  # the root offset, patched in finish()

    def _pad(self, align: int, extra: int = 0) -> None:
        # Pad so that ``len(buf) + extra`` is a multiple of ``align``.
        self.buf.extend(b"\0" * (-(len(self.buf) + extra) % align))

    def finish(self, root: _Table) -> bytes:
        pos = self._write(root)
        struct.pack_into("<I", self.buf, 0, pos)
        self._pad(8)
        return bytes(self.buf)

    def _write(self, node: Any) -> int:
        if isinstance(node, _Table):
            return self._table(node)
        if isinstance(node, str):
            self._pad(4)
            pos = len(self.buf)
            data = node.encode()
            self.buf += struct.pack("<I", len(data)) + data + b"\0"
            return pos
        if isinstance(node, _Structs):
            self._pad(node.align, 4)
            pos = len(self.buf)
            self.buf += struct.pack("<I", node.count) + node.data
            return pos
        assert isinstance(node, list)  # a vector of tables
        self._pad(4)
        pos = len(self.buf)
        self.buf += struct.pack("<I", len(node))
        slots = []
        for _ in node:
            slots.append(len(self.buf))
            self.buf += b"\0\0\0\0"
        for slot, child in zip(slots, node, strict=True):
            struct.pack_into("<I", self.buf, slot, self._write(child) - slot)
        return pos

    def _table(self, table: _Table) -> int:
        # Inline layout after the 4-byte soffset, each field at its alignment.
        layout: list[tuple[int, str, Any]] = []
        size = 4
        for fmt, value in table.fields:
            if value is None:  # an absent field: vtable slot 0
                layout.append((0, fmt, None))
                continue
            width = _WIDTHS[fmt]
            size += -size % width
            layout.append((size, fmt, value))
            size += width
        vtable = struct.pack(
            f"<{2 + len(layout)}H", 4 + 2 * len(layout), size, *(o for o, _, _ in layout)
        )
        self._pad(2)
        vpos = len(self.buf)
        self.buf += vtable
        self._pad(8)
        tpos = len(self.buf)
        self.buf += struct.pack("<i", tpos - vpos) + b"\0" * (size - 4)
        children = []
        for offset, fmt, value in layout:
            if value is None:
                continue
            if fmt == "offset":
                children.append((tpos + offset, value))
            else:
                _PACKERS[fmt].pack_into(self.buf, tpos + offset, value)
        for slot, child in children:
            struct.pack_into("<I", self.buf, slot, self._write(child) - slot)
        return tpos


_PACKERS = {fmt: struct.Struct("<" + fmt) for fmt in ("b", "B", "h", "H", "i", "I", "q", "?")}
_WIDTHS = {"offset": 4, **{fmt: packer.size for fmt, packer in _PACKERS.items()}}


@dataclass
class _Table:
    # (struct format or "offset", value); the field id is the position.
    fields: list[tuple[str, Any]]


@dataclass
class _Structs:
    count: int
    data: bytes
    align: int = 8


def _type_table(kind: ArrowType) -> _Table:
    if kind.id == "int":
        return _Table([("i", kind.bits), ("?", kind.signed)])
    if kind.id == "float":
        return _Table([("h", _FLOAT_PRECISION[kind.bits])])
    if kind.id == "decimal":
        return _Table([("i", kind.precision), ("i", kind.scale), ("i", kind.bits or 128)])
    if kind.id == "date32":
        return _Table([("h", 0)])  # DateUnit.DAY
    if kind.id == "time64":
        return _Table([("h", _UNITS[kind.unit]), ("i", 64)])
    if kind.id == "timestamp":
        fields: list[tuple[str, Any]] = [("h", _UNITS[kind.unit])]
        if kind.tz:
            fields.append(("offset", kind.tz))
        return _Table(fields)
    if kind.id == "duration":
        return _Table([("h", _UNITS[kind.unit])])
    return _Table([])  # null, bool, utf8, binary have no parameters


def _message(header_type: int, header: _Table, body_length: int) -> bytes:
    flat = _Flat().finish(
        _Table(
            [
                ("h", _METADATA_V5),
                ("B", header_type),
                ("offset", header),
                ("q", body_length),
            ]
        )
    )
    return _CONTINUATION + struct.pack("<i", len(flat)) + flat


# Schema messages of recent tables: a rerun shows the same columns again.
_SCHEMAS: dict[tuple[tuple[str, ArrowType], ...], bytes] = {}


def _schema_message(fields: Sequence[tuple[str, ArrowType]], metadata: dict[str, str]) -> bytes:
    if metadata:
        return _build_schema(fields, metadata)
    key = tuple(fields)
    message = _SCHEMAS.get(key)
    if message is None:
        if len(_SCHEMAS) >= 256:
            _SCHEMAS.clear()
        message = _SCHEMAS[key] = _build_schema(fields, metadata)
    return message


def _build_schema(fields: Sequence[tuple[str, ArrowType]], metadata: dict[str, str]) -> bytes:
    field_tables = [
        _Table(
            [
                ("offset", name),
                ("?", True),
                ("B", _TYPE_IDS[kind.id]),
                ("offset", _type_table(kind)),
                ("offset", None),  # dictionary
                ("offset", []),  # children
            ]
        )
        for name, kind in fields
    ]
    schema: list[tuple[str, Any]] = [("h", 0), ("offset", field_tables)]  # little-endian
    if metadata:
        pairs = [_Table([("offset", k), ("offset", v)]) for k, v in metadata.items()]
        schema.append(("offset", pairs))
    return _message(_HEADER_SCHEMA, _Table(schema), 0)


def write_stream(
    columns: Sequence[tuple[str, Array]], metadata: dict[str, str] | None = None
) -> bytes:
    """One Arrow IPC stream holding ``columns`` (name, array) as one record batch.

    Example:
        >>> data = write_stream([("n", from_values([1, None, 3], INT64))])
        >>> data[:4], len(data) % 8
        (b'\\xff\\xff\\xff\\xff', 0)
    """
    return b"".join(_stream_pieces(columns, metadata or {}))


def stream_size(
    columns: Sequence[tuple[str, Array]], metadata: dict[str, str] | None = None
) -> int:
    """The exact length of :func:`write_stream`'s bytes, without writing the columns' data.

    Example:
        >>> columns = [("n", from_values([1, None, 3], INT64))]
        >>> stream_size(columns) == len(write_stream(columns))
        True
    """
    return sum(memoryview(piece).nbytes for piece in _stream_pieces(columns, metadata or {}))


def _stream_pieces(columns: Sequence[tuple[str, Array]], metadata: dict[str, str]) -> list[Any]:
    """The stream's bytes in pieces: messages, then views of the buffers (not copied)."""
    lengths = {array.length for _, array in columns}
    if len(lengths) > 1:
        raise ValueError(f"columns of different lengths: {sorted(lengths)}")
    length = lengths.pop() if lengths else 0
    nodes = bytearray()
    specs = bytearray()
    body: list[Any] = []
    offset = 0
    for _, array in columns:
        nodes += struct.pack("<qq", array.length, array.null_count)
        for buffer in array.buffers:
            view = memoryview(buffer).cast("B")
            size = view.nbytes
            specs += struct.pack("<qq", offset, size)
            body.append(view)
            pad = -size % 8
            if pad:
                body.append(b"\0" * pad)
            offset += size + pad
    batch = _Table(
        [
            ("q", length),
            ("offset", _Structs(len(columns), bytes(nodes))),
            ("offset", _Structs(len(specs) // 16, bytes(specs))),
        ]
    )
    schema = _schema_message([(name, array.type) for name, array in columns], metadata)
    return [
        schema,
        _message(_HEADER_RECORD_BATCH, batch, offset),
        *body,
        _CONTINUATION,
        b"\0\0\0\0",
    ]


# ------------------------------------------------------------- column buffers


def _bitmap(flags: Sequence[bool]) -> bytes:
    out = bytearray((len(flags) + 7) // 8)
    for i, flag in enumerate(flags):
        if flag:
            out[i >> 3] |= 1 << (i & 7)
    return bytes(out)


_PY_FORMATS = {("int", 8): "b", ("int", 16): "h", ("int", 32): "i", ("int", 64): "q"}


def from_values(values: Sequence[Any], kind: ArrowType) -> Array:
    """An array of plain Python values (``None`` = missing), no NumPy needed.

    Values must already fit ``kind``: ints for ints, timestamps, times,
    durations and decimals (scaled), days since 1970 for ``date32``,
    ``str`` for utf8 and ``bytes`` for binary.

    Example:
        >>> array = from_values(["a", None, "cd"], UTF8)
        >>> array.null_count, bytes(array.buffers[2])
        (1, b'acd')
    """
    valid = [v is not None for v in values]
    nulls = valid.count(False)
    validity = _bitmap(valid) if nulls else b""
    if kind.id == "null":
        return Array(kind, len(values), len(values), [])
    if kind.id == "bool":
        return Array(kind, len(values), nulls, [validity, _bitmap([bool(v) for v in values])])
    if kind.id in ("utf8", "binary"):
        encoded = [
            b"" if v is None else (v.encode("utf-8", "surrogatepass") if isinstance(v, str) else v)
            for v in values
        ]
        offsets = _pyarray("i", [0])
        total = 0
        for item in encoded:
            total += len(item)
            offsets.append(total)
        return Array(kind, len(values), nulls, [validity, offsets, b"".join(encoded)])
    if kind.id == "decimal":
        data = b"".join((0 if v is None else v).to_bytes(16, "little", signed=True) for v in values)
        return Array(kind, len(values), nulls, [validity, data])
    if kind.id == "float":
        code = "d" if kind.bits == 64 else "f"
        data_f = _pyarray(code, [0.0 if v is None else v for v in values])
        return Array(kind, len(values), nulls, [validity, data_f])
    if kind.id == "date32":
        code = "i"
    elif kind.id == "int":
        code = _PY_FORMATS[("int", kind.bits)]
        code = code if kind.signed else code.upper()
    else:  # timestamp, time64, duration: 64-bit counts
        code = "q"
    data_i = _pyarray(code, [0 if v is None else v for v in values])
    return Array(kind, len(values), nulls, [validity, data_i])


def from_numpy(values: Any, kind: ArrowType, valid: Any = None) -> Array:
    """An array from a NumPy array of fixed-width values (no copy when possible).

    ``valid`` is a boolean array (``True`` = present) or ``None``. Booleans
    are bit-packed; everything else is sent as its little-endian bytes, so
    ``values`` must already have the width of ``kind`` (``int64`` for
    timestamps, ``int32`` for ``date32``).

    Example:
        >>> import numpy as np
        >>> from_numpy(np.array([1.5, 2.0]), FLOAT64).null_count
        0
    """
    import numpy as np

    length = len(values)
    validity: Any = b""
    nulls = 0
    if valid is not None:
        nulls = length - int(np.count_nonzero(valid))
        if nulls:
            validity = np.packbits(valid, bitorder="little")
    if kind.id == "null":
        return Array(kind, length, length, [])
    if kind.id == "bool":
        return Array(kind, length, nulls, [validity, np.packbits(values, bitorder="little")])
    data = np.ascontiguousarray(values)
    if data.dtype.byteorder == ">":
        data = data.astype(data.dtype.newbyteorder("<"))
    return Array(kind, length, nulls, [validity, data])


def from_strings(values: Sequence[str], valid: Any = None) -> Array:
    """A utf8 array from a sequence of ``str`` (NumPy needed).

    Faster than :func:`from_values` for long columns: an all-ASCII column
    is encoded in one piece. ``valid`` (a boolean array, ``True`` =
    present) marks missing values, whose entries in ``values`` must be
    ``""``.

    Example:
        >>> array = from_strings(["ab", "", "c"])
        >>> array.null_count, bytes(array.buffers[2])
        (0, b'abc')
    """
    import numpy as np

    joined = "".join(values)
    data = joined.encode("utf-8", "surrogatepass")
    if len(data) == len(joined):  # all ASCII: lengths in characters are lengths in bytes
        lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    else:
        encoded = [v.encode("utf-8", "surrogatepass") for v in values]
        lengths = np.fromiter(map(len, encoded), dtype=np.int64, count=len(values))
    if len(data) >= 2**31:
        raise ValueError("a text column of 2 GB or more cannot be sent")
    offsets = np.zeros(len(values) + 1, dtype=np.int32)
    np.cumsum(lengths, out=offsets[1:])
    validity: Any = b""
    nulls = 0
    if valid is not None:
        nulls = len(values) - int(np.count_nonzero(valid))
        if nulls:
            validity = np.packbits(valid, bitorder="little")
    return Array(UTF8, len(values), nulls, [validity, offsets, data])


def buffers_size(arrays: Sequence[Array]) -> int:
    """The bytes the arrays' buffers take in a record batch (8-byte padded)."""
    return sum(
        -(-memoryview(buffer).nbytes // 8) * 8 for array in arrays for buffer in array.buffers
    )


def slice_array(array: Array, start: int, stop: int) -> Array:
    """Rows ``start`` to ``stop`` of ``array``; ``start`` must be a multiple of 8.

    Bitmaps are cut on byte boundaries; text and binary offsets are rebased
    to start at 0 (as Arrow readers expect). Fixed-width data is a view, not
    a copy.

    Example:
        >>> part = slice_array(from_values(["a", None, "cd"], UTF8), 0, 2)
        >>> part.length, part.null_count, bytes(part.buffers[2])
        (2, 1, b'a')
    """
    if start % 8:
        raise ValueError(f"a slice starts at a multiple of 8, not {start}")
    stop = min(stop, array.length)
    length = max(stop - start, 0)
    kind = array.type
    if kind.id == "null":
        return Array(kind, length, length, [])
    validity = _bytes_view(array.buffers[0]) if array.buffers else memoryview(b"")
    nulls = 0
    if validity.nbytes:
        validity = validity[start // 8 : (stop + 7) // 8]
        present = int.from_bytes(validity, "little") & ((1 << length) - 1)
        nulls = length - present.bit_count()
        if not nulls:
            validity = memoryview(b"")
    if kind.id == "bool":
        data = _bytes_view(array.buffers[1])[start // 8 : (stop + 7) // 8]
        return Array(kind, length, nulls, [validity, data])
    if kind.id in ("utf8", "binary"):
        offsets = _bytes_view(array.buffers[1]).cast("i")
        first, last = offsets[start], offsets[stop]
        window = offsets[start : stop + 1]
        rebased: Any = window if first == 0 else _rebase(window, first)
        data = _bytes_view(array.buffers[2])[first:last]
        return Array(kind, length, nulls, [validity, rebased, data])
    buffer = _bytes_view(array.buffers[1])
    width = buffer.nbytes // array.length if array.length else 0
    return Array(kind, length, nulls, [validity, buffer[start * width : stop * width]])


def _bytes_view(buffer: Any) -> memoryview:
    return memoryview(buffer).cast("B")


def _rebase(offsets: memoryview, first: int) -> Any:
    try:
        import numpy as np
    except ImportError:
        return _pyarray("i", (o - first for o in offsets))
    return np.frombuffer(offsets, dtype="<i4") - np.int32(first)
