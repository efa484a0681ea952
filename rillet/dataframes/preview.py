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
Arrow order (index columns first). A float column without missing values
is its little-endian bytes in base64 instead of a list, after ``"f8:"``
(float64) or ``"f4:"`` (float32): writing floats as text was most of the
cost (about 0.4 us a value). Every row the client samples for column
widths (the first ``PREVIEW_ROWS``) is in it, or there is no preview.
"""

from __future__ import annotations

import base64
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
    if array.null_count == 0:
        values = list(raw) if convert is None else list(map(convert, raw))
        if array.type.id != "float" or math.isfinite(sum(values)):
            return values  # the common case: no missing or infinite value
        present = [True] * rows
    else:
        present = _present(array, rows)
        values = [
            convert(v) if convert is not None and ok else v
            for v, ok in zip(raw, present, strict=True)
        ]
    out: list[Any] = []
    for value, ok in zip(values, present, strict=True):
        if not ok or (isinstance(value, float) and value != value):
            out.append(None)
        elif isinstance(value, float) and math.isinf(value):
            out.append("inf" if value > 0 else "-inf")
        else:
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
    columns: list[list[Any] | str] = []
    infinite = False
    for column in table.columns:
        kind = _KINDS.get(column.array.type.id)
        if kind is None:
            return ""
        array = column.array
        values: list[Any] | str
        if kind == "float" and array.null_count == 0 and array.type.bits in (32, 64):
            # Its bytes, as the Arrow data holds them: no float written out as text (the cost).
            width = array.type.bits // 8
            data = bytes(_bytes(array.buffers[1])[: rows * width])
            values = f"f{width}:{base64.b64encode(data).decode()}"
        else:
            try:
                values = _values(array, rows)
            except _NoPreview:
                return ""
            infinite = infinite or (kind == "float" and ("inf" in values or "-inf" in values))
        kinds.append(kind)
        columns.append(values)
    if not infinite:  # one encoder call for the whole document
        text = json.dumps(
            {"n": table.rows, "k": kinds, "c": columns}, ensure_ascii=False, separators=(",", ":")
        )
    else:
        # JSON has no infinity; 1e999 reads as one (in JavaScript and Python).
        texts = [
            json.dumps(values, ensure_ascii=False, separators=(",", ":")) for values in columns
        ]
        texts = [
            t.replace('"inf"', "1e999").replace('"-inf"', "-1e999") if k == "float" else t
            for k, t in zip(kinds, texts, strict=True)
        ]
        head = json.dumps(kinds, separators=(",", ":"))
        text = f'{{"n":{table.rows},"k":{head},"c":[{",".join(texts)}]}}'
    return text if len(text) <= PREVIEW_BYTES else ""
