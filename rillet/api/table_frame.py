"""The element a table travels in: ``Element.dataframe``, checked and sized.

Shared by ``st.dataframe``, ``st.table`` and ``st.data_editor``: the column
config checks, the layout fields, the Arrow bytes kept beside the element
and hashed on the script thread (:class:`Frame`), and the message-size
limit. See the protocol README, "Tables".
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.context import Target
from rillet.runtime.errors import RilletAPIException, bad_argument

if TYPE_CHECKING:
    from rillet.dataframes.convert import Table

_CONFIG_KEYS = frozenset(
    (
        "label",
        "width",
        "help",
        "hidden",
        "disabled",
        "required",
        "pinned",
        "alignment",
        "default",
        "type_config",
    )
)
_COLUMN_TYPES = frozenset(
    [
        "text",
        "number",
        "checkbox",
        "selectbox",
        "multiselect",
        "datetime",
        "date",
        "time",
        "list",
        "link",
        "image",
        "json",
        "markdown",
        "line_chart",
        "bar_chart",
        "area_chart",
        "progress",
        "audio",
        "video",
        "button",
    ]
)


def read_table(data: Any, command: str) -> Table:
    """``data`` as a :class:`Table`, any failure an error naming ``data``."""
    from rillet.dataframes.convert import to_table

    try:
        return to_table(data, command=command)
    except RilletAPIException:
        raise
    except Exception as exc:  # a library object the conversion could not read
        raise RilletAPIException(
            f"st.{command}: cannot show `data` of type {type(data).__name__}: {exc}"
        ) from exc


@dataclass
class Read:
    """A table as read by a table command, with its Arrow parts when they were kept.

    ``parts`` are set when the same input was converted before
    (``rillet.dataframes.kept``): then nothing is converted, written or
    hashed again. ``keep`` is the input's layout and the copies of its
    columns, to keep the parts under once they are written.
    """

    table: Table
    parts: list[_Part] | None = None
    keep: tuple[str, list[Any]] | None = None


def read_kept(data: Any, command: str) -> Read:
    """``data`` as a :class:`Table` (as :func:`read_table`), found again when it is unchanged.

    A pandas DataFrame of plain NumPy columns is compared byte for byte
    with the copies kept of earlier inputs; a match gives their table and
    Arrow parts. Otherwise such a frame is converted from copies of its
    columns (the table to keep then never shares the app's arrays). A
    pyarrow table or a Polars DataFrame is compared by its Arrow buffers
    with copies of them (``kept.arrow_columns``, ``kept.arrow_copies``).
    """
    from rillet.dataframes import kept

    pandas = type(data).__module__.startswith("pandas")
    raw = kept.input_columns(data) if pandas else kept.arrow_columns(data)
    if raw is None:
        return Read(read_table(data, command))
    layout, arrays = raw
    found = kept.find_input(layout, arrays)
    if found is not None:
        return Read(found.table, [_Part(*part) for part in found.parts])
    if not kept.fits(arrays) or not kept.keepable(arrays):
        return Read(read_table(data, command))
    if not pandas:  # copies of its buffers (a table made from NumPy shares the array's)
        copies = kept.arrow_copies(arrays)
        copied = kept.arrow_frame(data, copies)
        if copied is None:
            return Read(read_table(data, command))
        return Read(read_table(copied, command), keep=(layout, copies))
    copied, copies = kept.copied_frame(data, arrays)
    return Read(read_table(copied, command), keep=(layout, copies))


def column_configs(
    column_config: Mapping[Any, Any] | None,
    command: str,
    *,
    hide_index: bool | None = None,
    disabled: Iterable[str] = (),
    implicit_index: bool = False,
) -> dict[str, dict[str, Any]]:
    """``column_config`` checked and made JSON-safe, keyed by column name or ``"_index"``.

    ``implicit_index``: the data has only row numbers of its own (a list, a
    NumPy array, Polars...; ``convert.implicit_index``), hidden unless
    ``hide_index`` says otherwise, as in Streamlit.
    """
    if column_config is not None and not isinstance(column_config, Mapping):
        raise bad_argument(
            "column_config",
            column_config,
            "a dict of column name -> config, label or None",
            command=command,
        )
    out: dict[str, dict[str, Any]] = {}
    for name, config in (column_config or {}).items():
        # An int names a column by its position (resolved by ``by_position``).
        key = (
            f"{POSITION}{name}"
            if isinstance(name, int) and not isinstance(name, bool)
            else str(name)
        )
        if config is None:
            out[key] = {"hidden": True}
        elif isinstance(config, str):
            out[key] = {"label": config}
        elif isinstance(config, Mapping):
            out[key] = _checked_config(key, config, command)
        else:
            raise bad_argument(
                f"column_config[{key!r}]",
                config,
                "a st.column_config.* config, a label string or None (hide)",
                command=command,
            )
    if implicit_index:
        out.setdefault("_index", {})["hidden"] = True
    if hide_index is not None:
        out.setdefault("_index", {})["hidden"] = bool(hide_index)
    for name in disabled:
        out.setdefault(str(name), {})["disabled"] = True
    return out


def _checked_config(key: str, config: Mapping[str, Any], command: str) -> dict[str, Any]:
    from rillet.dataframes.convert import json_safe

    unknown = set(config) - _CONFIG_KEYS
    if unknown:
        raise bad_argument(
            f"column_config[{key!r}]",
            dict(config),
            f"a config with keys among {sorted(_CONFIG_KEYS)}",
            command=command,
        )
    width = config.get("width")
    if (
        width is not None
        and width not in ("small", "medium", "large")
        and not (isinstance(width, int) and not isinstance(width, bool) and width > 0)
    ):
        raise bad_argument(
            f"column_config[{key!r}]['width']",
            width,
            "'small', 'medium', 'large' or pixels",
            command=command,
        )
    if config.get("alignment") not in (None, "left", "center", "right"):
        raise bad_argument(
            f"column_config[{key!r}]['alignment']",
            config["alignment"],
            "'left', 'center' or 'right'",
            command=command,
        )
    type_config = config.get("type_config")
    if type_config is not None and (
        not isinstance(type_config, Mapping) or type_config.get("type") not in _COLUMN_TYPES
    ):
        raise bad_argument(
            f"column_config[{key!r}]['type_config']",
            type_config,
            "a st.column_config.* type config",
            command=command,
        )
    cleaned = {k: json_safe(v) for k, v in config.items() if v is not None and k != "type_config"}
    if type_config is not None:
        cleaned["type_config"] = {k: json_safe(v) for k, v in type_config.items() if v is not None}
    return cleaned


def check_order(column_order: Iterable[str] | None, command: str) -> list[str]:
    if column_order is None:
        return []
    if isinstance(column_order, str):
        return [column_order]
    if not isinstance(column_order, Iterable):
        raise bad_argument(
            "column_order", column_order, "a list of column names or None", command=command
        )
    return [str(c) for c in column_order]


def _positive(value: Any, argument: str, command: str) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise bad_argument(argument, value, "a positive int (pixels) or None", command=command)
    return value


# A table whose Arrow data is at least this large travels as parts kept by
# the client under their hash (``DataFrame.parts``): an edit or a rerun then
# sends only the hashes, never the table again. A smaller one travels inline.
PART_BYTES = 32 * 1024
# From this size on, st.dataframe sends about HEAD_BYTES of first rows at
# once and the other rows in a second delta at the same path, so the first
# rows are drawn while the rest is still being written and sent.
PROGRESSIVE_BYTES = 1024 * 1024
HEAD_BYTES = 256 * 1024
# The other rows follow in parts of about REST_PART_BYTES (MAX_PARTS in all
# at most), one more part per delta: the browser takes in one part at a
# time, with frames drawn in between, instead of one long message. Parts of
# one table must fit the client's part cache (16) with room to spare.
REST_PART_BYTES = 8 * 1024 * 1024
MAX_PARTS = 12


@dataclass(frozen=True)
class _Part:
    hash: str
    arrow: bytes
    rows: int

    def add_to(self, frame: pb.DataFrame, *, bare: bool = False) -> None:
        frame.parts.add(hash=self.hash, arrow=b"" if bare else self.arrow, rows=self.rows)


def _part(table: Table) -> _Part:
    from rillet.dataframes import kept
    from rillet.runtime.digest import blake2b

    arrow = table.to_arrow()
    digest = kept.find_part(arrow)  # the same bytes as a part sent before: no hashing
    if digest is None:
        digest = blake2b(arrow, digest_size=16).hexdigest()
        kept.keep_part(digest, arrow)
    return _Part(digest, arrow, table.rows)


def _varint_size(value: int) -> int:
    """Bytes of ``value`` as a protobuf varint (a length prefix)."""
    return max(1, -(-value.bit_length() // 7))


def head_rows(table: Table) -> int:
    """How many first rows go ahead of the others: about ``HEAD_BYTES``, a multiple of 8."""
    per_row = max(table.arrow_size() // max(table.rows, 1), 1)
    return max(64, HEAD_BYTES // per_row) // 8 * 8


def part_bounds(table: Table) -> list[int]:
    """Where the parts of a table sent first rows first start, and where the last ends.

    Example:
        >>> from rillet.dataframes import to_table
        >>> part_bounds(to_table({"n": list(range(100_000))}))
        [0, 16384, 100000]
    """
    per_row = max(table.arrow_size() // max(table.rows, 1), 1)
    head = head_rows(table)
    rest = max(table.rows - head, 0)
    per_part = max(REST_PART_BYTES // per_row, -(-rest // (MAX_PARTS - 1)), 8)
    per_part = -(-per_part // 8) * 8
    bounds = [0, min(head, table.rows)]
    while bounds[-1] < table.rows:
        bounds.append(min(bounds[-1] + per_part, table.rows))
    return bounds


@dataclass
class Frame:
    """A table element and its table, kept apart until it is sent.

    The Arrow data is written and hashed here, on the script thread, so the
    outbox need not hash a large table on the event loop.
    """

    element: pb.Element  # everything but the Arrow data
    table: Table
    _whole: _Part | None = None
    _keep: tuple[str, list[Any]] | None = None
    _parts: list[_Part] | None = None  # a sliced table's parts, as written so far
    _bounds: list[int] = field(default_factory=list)
    _first_rows: str | None = None
    _led: bool = False  # leads() just gave every lead: the next finished() follows them

    def adopt(self, read: Read) -> Frame:
        """Take the kept parts of ``read`` (or keep the parts once written); returns self."""
        self._keep = read.keep
        parts = read.parts
        if parts is None:
            return self
        if not self.sliced():
            if len(parts) == 1:
                self._whole = parts[0]
            return self
        bounds = part_bounds(self.table)
        if [p.rows for p in parts] == [b - a for a, b in itertools.pairwise(bounds)]:
            self._parts, self._bounds = list(parts), bounds
        return self

    def _kept(self, parts: list[_Part]) -> None:
        """Every part is written: keep them with the input's copies (once)."""
        if self._keep is not None:
            from rillet.dataframes import kept

            layout, copies = self._keep
            kept.keep_input(layout, copies, self.table, [(p.hash, p.arrow, p.rows) for p in parts])
            self._keep = None

    def size(self) -> int:
        """The exact encoded size of the element with all its rows, as its last delta carries it.

        A table sent whole is written here (and kept for :meth:`finished`); a
        table sent in slices is measured without writing its columns' data
        (each slice's Arrow length). The Arrow bytes are not copied into a
        message to be measured: the protobuf fields around them are counted.
        """
        probe = pb.Element()
        probe.CopyFrom(self.element)
        probe.dataframe.first_rows_json = self.first_rows()
        if not self.sliced():
            whole = self._whole_part()
            if len(whole.arrow) < PART_BYTES:
                probe.dataframe.arrow = whole.arrow
                return probe.ByteSize()
            lengths = [(whole.rows, len(whole.arrow))]
        elif self._parts is not None and len(self._parts) == len(self._bounds) - 1:
            lengths = [(part.rows, len(part.arrow)) for part in self._parts]  # kept
        else:
            lengths = [
                (stop - start, self.table.rows_slice(start, stop).arrow_bytes())
                for start, stop in itertools.pairwise(part_bounds(self.table))
            ]
        grown = 0
        for rows, length in lengths:
            bare = probe.dataframe.parts.add(hash="0" * 32, rows=rows).ByteSize()
            field = 1 + _varint_size(length) + length  # TablePart.arrow
            grown += field + _varint_size(bare + field) - _varint_size(bare)
        before = probe.dataframe.ByteSize()
        return probe.ByteSize() + grown + _varint_size(before + grown) - _varint_size(before)

    def first_rows(self) -> str:
        """``DataFrame.first_rows_json`` of this table: its first rows as JSON, or ``""``.

        Only a small st.dataframe that the client may draw before the grid's
        chunk loads gets them (not st.table, an editor or a Styler; a whole
        table of at most ``PREVIEW_ARROW_BYTES`` of Arrow).
        """
        if self._first_rows is None:
            from rillet.dataframes.preview import PREVIEW_ARROW_BYTES, first_rows_json

            frame = self.element.dataframe
            plain = not (frame.is_table or frame.editing_mode or frame.styler_json)
            small = (
                plain and not self.sliced() and len(self._whole_part().arrow) <= PREVIEW_ARROW_BYTES
            )
            self._first_rows = first_rows_json(self.table) if small else ""
        return self._first_rows

    def _whole_part(self) -> _Part:
        if self._whole is None:
            self._whole = _part(self.table)
            self._kept([self._whole])
        return self._whole

    def sliced(self) -> bool:
        """Whether the table goes first rows first, in several parts (``PROGRESSIVE_BYTES``)."""
        return self.table.arrow_size() >= PROGRESSIVE_BYTES

    def _slice_parts(self) -> Iterator[_Part]:
        """The parts of a sliced table, in order, each written when first needed."""
        if self._parts is None:
            self._parts = []
            self._bounds = part_bounds(self.table)
        for k, (start, stop) in enumerate(itertools.pairwise(self._bounds)):
            if k == len(self._parts):
                self._parts.append(_part(self.table.rows_slice(start, stop)))
                if len(self._parts) == len(self._bounds) - 1:
                    self._kept(self._parts)
            yield self._parts[k]

    def _base(self, value_json: str | None) -> pb.Element:
        element = pb.Element()
        element.CopyFrom(self.element)
        if value_json is not None:
            element.dataframe.value_json = value_json
        return element

    def leads(self, value_json: str | None = None) -> Iterator[pb.Element]:
        """The elements sent before :meth:`finished`'s at the same place: none for a whole table.

        A sliced table's first rows, then one part more each: a part's bytes
        in the element that brings it (the client keeps it), earlier parts
        as bare hashes, ``num_rows`` the whole table's. Each part is written
        just before its element, so the first rows go while the others are
        still being written.
        """
        for element, fill in self._leads(value_json):
            fill(element)
            yield element
        self._led = self.sliced()

    def _leads(
        self, value_json: str | None
    ) -> Iterator[tuple[pb.Element, Callable[[pb.Element], None]]]:
        """:meth:`leads`' elements without their parts, each with what adds them."""
        if not self.sliced():
            return
        parts: list[_Part] = []
        for part in self._slice_parts():
            parts.append(part)
            if len(parts) == len(self._bounds) - 1:
                return  # the last one comes whole, with every part, from finished()
            element = self._base(value_json)
            element.dataframe.num_rows = self.table.rows
            yield element, _adding(list(parts), bare=_all_but(part))

    def finished(self, value_json: str | None = None) -> tuple[pb.Element, str]:
        """The element to send, with all its rows, and its content digest.

        Every part whole, but right after :meth:`leads` gave its elements
        (a widget table sent first rows first): then as :meth:`emit` sends it.
        """
        led, self._led = self._led, False
        element, fill, digest = self._finished(value_json, led=led)
        fill(element)
        return element, digest

    def _finished(
        self, value_json: str | None, led: bool = False
    ) -> tuple[pb.Element, Callable[[pb.Element], None], str]:
        """:meth:`finished`'s element without its Arrow data, what adds it, and its digest.

        ``led``: right after :meth:`_leads`' elements at the same place, in
        the same stream, which brought every part but the last whole: those
        of them kept (``rillet.dataframes.kept``) go as bare hashes. The
        client holds them; AppTest's tree takes them from the element
        replaced; an outbox whose client missed the leads (a reconnect
        during the run) takes them from the kept parts.
        """
        from rillet.runtime.digest import blake2b

        element = self._base(value_json)
        digest = blake2b(element.SerializeToString(deterministic=True), digest_size=16)
        if self.sliced():
            parts = list(self._slice_parts())
            for part in parts:
                digest.update(part.hash.encode())
            if not led:
                return element, _adding(parts), digest.hexdigest()
            from rillet.dataframes import kept

            last = parts[-1]
            return (
                element,
                _adding(parts, bare=lambda p: p is not last and kept.holds_part(p.hash)),
                digest.hexdigest(),
            )
        whole = self._whole_part()
        digest.update(whole.hash.encode())
        # Made of the table, whose hash is in the digest.
        element.dataframe.first_rows_json = self.first_rows()
        if len(whole.arrow) < PART_BYTES:
            element.dataframe.arrow = whole.arrow
            return element, _adding([]), digest.hexdigest()
        return element, _adding([whole]), digest.hexdigest()

    def emit(self, target: Target | None = None) -> Target:
        """Send the table at ``target`` (a sliced one in several deltas there); its slot."""
        # Each part's bytes go once: in the first rows' element or one of
        # those after it, which the last refers to by hash. They are added
        # to each element in its message (``fill``): copied once, not twice.
        ctx = context.get()
        slot = target
        for element, fill in self._leads(None):
            slot = ctx.emit(element, slot, fill=fill)
        element, fill, _ = self._finished(None, led=True)
        return ctx.emit(element, slot, fill=fill)


def _all_but(whole: _Part) -> Callable[[_Part], bool]:
    """Bare, every part but ``whole``."""
    return lambda part: part is not whole


def _adding(
    parts: list[_Part], bare: Callable[[_Part], bool] = lambda _: False
) -> Callable[[pb.Element], None]:
    """What adds ``parts`` to an element: each whole, but those ``bare`` says as bare hashes."""

    def fill(element: pb.Element) -> None:
        for part in parts:
            part.add_to(element.dataframe, bare=bare(part))

    return fill


POSITION = "_pos:"


def by_position(configs: dict[str, dict[str, Any]], table: Table) -> dict[str, dict[str, Any]]:
    """``configs`` with positional keys (``"_pos:1"``) given to the data column there.

    Example:
        >>> from rillet.dataframes import to_table
        >>> by_position({"_pos:1": {"label": "B"}}, to_table({"a": [1], "b": [2]}))
        {'b': {'label': 'B'}}
    """
    if not any(key.startswith(POSITION) for key in configs):
        return configs
    names = [c.name for c in table.data_columns]
    out: dict[str, dict[str, Any]] = {}
    for key, config in configs.items():
        if key.startswith(POSITION):
            position = int(key[len(POSITION) :])
            if not 0 <= position < len(names):
                continue  # no column there: nothing to configure, as in Streamlit
            key = names[position]
        out[key] = {**out.get(key, {}), **config}
    return out


def frame_element(
    table: Table,
    command: str,
    *,
    width: Any,
    height: Any,
    use_container_width: bool | None,
    configs: dict[str, dict[str, Any]],
    column_order: list[str],
    row_height: Any = None,
    placeholder: Any = None,
    alt: Any = None,
    heights: tuple[str, ...] = ("auto", "content", "stretch"),
) -> Frame:
    """The ``Element.dataframe`` of a table, checked sizes and all."""
    if not (
        (isinstance(width, int) and not isinstance(width, bool) and width > 0)
        or width in ("stretch", "content")
    ):
        raise bad_argument(
            "width", width, "a positive int (pixels), 'stretch' or 'content'", command=command
        )
    if not (
        (isinstance(height, int) and not isinstance(height, bool) and height > 0)
        or height in heights
    ):
        named = ", ".join(repr(h) for h in heights)
        raise bad_argument("height", height, f"a positive int (pixels) or {named}", command=command)
    if placeholder is not None and not isinstance(placeholder, str):
        raise bad_argument("placeholder", placeholder, "a string or None", command=command)
    if alt is not None and not isinstance(alt, str):
        raise bad_argument("alt", alt, "a string or None", command=command)
    configs = by_position(configs, table)
    element = pb.Element()
    frame = element.dataframe
    frame.index_columns = table.index_columns
    frame.columns_json = table.columns_json()
    if configs:
        frame.column_config_json = json.dumps(configs, separators=(",", ":"))
    frame.column_order.extend(column_order)
    frame.hide_index = bool(configs.get("_index", {}).get("hidden"))
    if isinstance(width, int):
        frame.width = width
    if isinstance(height, int):
        frame.height = height
    else:
        frame.height_mode = height
    frame.row_height = _positive(row_height, "row_height", command)
    frame.placeholder = placeholder or ""
    frame.alt = (alt or "").strip()
    if table.styler is not None:
        frame.styler_json = json.dumps(table.styler, separators=(",", ":"), default=str)
    element.use_container_width = (
        bool(use_container_width) if use_container_width is not None else width == "stretch"
    )
    return Frame(element, table)


def too_large(frame: Frame, command: str) -> Target | None:
    """If ``frame`` exceeds ``server.maxMessageSize``, show why in its place and return that slot.

    As in Streamlit, a table too large to send becomes an error element and
    the script goes on.
    """
    from rillet.api.services import get_option

    limit_mb = int(get_option("server.maxMessageSize"))
    size = frame.size()  # the element's real encoded bytes, every row in
    if size <= limit_mb * 1_000_000:
        return None
    error = pb.Element()
    error.exception.type = "MessageSizeError"
    error.exception.message_is_markdown = True
    error.exception.message = (
        f"`st.{command}`: the table is {size / 1e6:.1f} MB, more than the message size limit "
        f"of {limit_mb} MB (`server.maxMessageSize`). Show fewer rows or columns, or raise "
        "the limit, e.g. `rillet run app.py --server.maxMessageSize "
        f"{int(size / 1e6) + 1}`."
    )
    return context.get().emit(error)


def hiding_range(configs: dict[str, dict[str, Any]], table: Table) -> dict[str, dict[str, Any]]:
    """``configs`` with the index hidden when it is only row numbers."""
    if not table.range_index:
        return configs
    hidden = {name: dict(config) for name, config in configs.items()}
    hidden.setdefault("_index", {})["hidden"] = True
    return hidden
