"""A small table's first rows as JSON (``DataFrame.first_rows_json``).

The client draws a small st.dataframe's first rows from this while the
grid's chunk (and the Arrow decoder in it) still loads: the initial bundle
has no Arrow reader (see the protocol README, "Tables"). The values are the
ones the client's Arrow reader gives for the same cells (its ``DataColumn``
values: epoch milliseconds for dates and datetimes, milliseconds for times
and durations, numbers, text, booleans, ``null`` for a missing value), read
straight from the buffers rillet writes; no NumPy or pandas.

The document: ``{"n": rows of the table, "k": [the Arrow kind of each
column], "c": [[the first rows' values of each column], ...]}``, columns in
Arrow order (index columns first). Every row the client samples for column
widths (the first ``PREVIEW_ROWS``) is in it, or there is no preview.
"""

from __future__ import annotations

import json
import math
import struct
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rillet.dataframes.arrow import Array
    from rillet.dataframes.convert import Table

# The rows the client samples for column widths (bundled_frontend/src/table/columns.ts SAMPLE_ROWS).
PREVIEW_ROWS = 50
# A longer preview is not sent: the table waits for the grid in a box of its size.
PREVIEW_BYTES = 16 * 1024
# The Arrow payload of a table that gets a preview, at most (firstPaint.ts FIRST_PAINT_MAX_BYTES).
PREVIEW_ARROW_BYTES = 256 * 1024

# The client's kind of each Arrow type (bundled_frontend/src/table/arrow.ts kindOfType).
_KINDS = {
    "null": "null",
    "int": "int",
    "float": "float",
    "decimal": "decimal",
    "bool": "bool",
    "utf8": "string",
    "binary": "bytes",
    "date32": "date",
    "time64": "time",
    "timestamp": "datetime",
    "duration": "timedelta",
}
# Milliseconds per unit, as the client scales times and durations (a multiplication).
_MS_PER_UNIT = {"s": 1000.0, "ms": 1.0, "us": 1e-3, "ns": 1e-6}
# Timestamps: the client divides the count by this (as BigInts, then the remainder).
_PER_MS = {"us": 1000, "ns": 1_000_000}
_INT_FORMATS = {8: "b", 16: "h", 32: "i", 64: "q"}
_SAFE = 2**53 - 1


class _NoPreview(Exception):
    """A value the preview cannot carry as the client's reader would read it."""


def _bytes(buffer: Any) -> memoryview:
    return memoryview(buffer).cast("B")


def _present(array: Array, rows: int) -> list[bool]:
    validity = _bytes(array.buffers[0]) if array.buffers else memoryview(b"")
    if array.null_count == 0 or validity.nbytes == 0:
        return [True] * rows
    bits = int.from_bytes(validity[: (rows + 7) // 8], "little")
    return [bool(bits >> i & 1) for i in range(rows)]


def _fixed(array: Array, fmt: str, width: int, rows: int) -> tuple[Any, ...]:
    data = _bytes(array.buffers[1])[: rows * width]
    return struct.unpack(f"<{rows}{fmt}", data)


def _divide(count: int, by: int) -> float:
    """``count / by`` as the client's reader computes it (flechette's BigInt ``divide``)."""
    quotient = abs(count) // by * (1 if count >= 0 else -1)  # BigInt division truncates
    return float(quotient) + float(count - quotient * by) / float(by)


def _safe(value: int) -> int:
    if -_SAFE <= value <= _SAFE:
        return value
    raise _NoPreview  # the client's reader refuses a 64-bit int it cannot hold exactly


def _raw(array: Array, rows: int) -> tuple[list[Any] | tuple[Any, ...], Any]:
    """The first ``rows`` stored values of ``array`` and what makes one the client's value."""
    kind = array.type
    if kind.id == "bool":
        bits = int.from_bytes(_bytes(array.buffers[1])[: (rows + 7) // 8], "little")
        return [bool(bits >> i & 1) for i in range(rows)], None
    if kind.id in ("utf8", "binary"):
        offsets = _bytes(array.buffers[1]).cast("i")
        data = _bytes(array.buffers[2])
        texts = [
            bytes(data[offsets[i] : offsets[i + 1]]).decode("utf-8", "replace") for i in range(rows)
        ]
        return texts, None
    if kind.id == "float":
        fmt = {16: "e", 32: "f"}.get(kind.bits, "d")
        return _fixed(array, fmt, kind.bits // 8, rows), None
    if kind.id == "int":
        fmt = _INT_FORMATS[kind.bits]
        ints = _fixed(array, fmt if kind.signed else fmt.upper(), kind.bits // 8, rows)
        return ints, (_safe if kind.bits == 64 else None)
    if kind.id == "date32":
        return _fixed(array, "i", 4, rows), lambda v: 86_400_000 * v
    if kind.id == "timestamp":
        counts = _fixed(array, "q", 8, rows)
        per_ms = _PER_MS.get(kind.unit)
        if per_ms is not None:
            return counts, lambda v: _divide(v, per_ms)
        times = 1000 if kind.unit == "s" else 1
        return counts, lambda v: _safe(v) * times
    if kind.id in ("time64", "duration"):
        scale = _MS_PER_UNIT.get(kind.unit, 1.0)
        return _fixed(array, "q", 8, rows), lambda v: float(_safe(v)) * scale
    if kind.id == "decimal":
        raw = _bytes(array.buffers[1])
        scale = 10**kind.scale
        decimals = [
            int.from_bytes(raw[i * 16 : i * 16 + 16], "little", signed=True) for i in range(rows)
        ]
        return decimals, lambda v: _divide(v, scale)
    raise _NoPreview


def _values(array: Array, rows: int) -> list[Any]:
    """The first ``rows`` values of ``array`` as the client's Arrow reader gives them.

    A missing value is ``None`` (its stored bytes are not read, as the
    client's reader does not); an infinite float is the text ``"inf"`` or
    ``"-inf"`` (written as a number by :func:`first_rows_json`).
    """
    if array.type.id == "null" or rows == 0:
        return [None] * rows
    raw, convert = _raw(array, rows)
    out: list[Any] = []
    for value, ok in zip(raw, _present(array, rows), strict=True):
        if not ok:
            out.append(None)
            continue
        if convert is not None:
            value = convert(value)
        if isinstance(value, float):
            if value != value:
                value = None
            elif math.isinf(value):
                value = "inf" if value > 0 else "-inf"
            elif value.is_integer() and abs(value) <= _SAFE:
                value = int(value)  # the same number, written shorter
        out.append(value)
    return out


def first_rows_json(table: Table) -> str:
    """The preview of ``table``'s first rows, or ``""`` when it would be over ``PREVIEW_BYTES``.

    Example:
        >>> from rillet.dataframes.convert import to_table
        >>> first_rows_json(to_table({"a": [1, None], "s": ["x", "y"]}))
        '{"n":2,"k":["int","int","string"],"c":[[0,1],[1,null],["x","y"]]}'
    """
    rows = min(table.rows, PREVIEW_ROWS)
    kinds: list[str] = []
    columns: list[str] = []
    budget = PREVIEW_BYTES
    for column in table.columns:
        kind = _KINDS.get(column.array.type.id)
        if kind is None:
            return ""
        try:
            values = _values(column.array, rows)
        except _NoPreview:
            return ""
        text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
        if kind == "float" and "inf" in text:
            # JSON has no infinity; 1e999 reads as one (in JavaScript and Python).
            text = text.replace('"inf"', "1e999").replace('"-inf"', "-1e999")
        budget -= len(text) + len(kind) + 4
        if budget < 0:
            return ""
        kinds.append(kind)
        columns.append(text)
    head = json.dumps(kinds, separators=(",", ":"))
    return f'{{"n":{table.rows},"k":{head},"c":[{",".join(columns)}]}}'
