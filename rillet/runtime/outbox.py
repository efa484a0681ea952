"""The Outbox: the one place the script thread hands work to the server.

Note [Threading]
~~~~~~~~~~~~~~~~
Script threads produce ``ForwardMsg`` objects; the server's IOLoop thread
owns the socket. :meth:`Outbox.put` may be called from any thread: it
appends under a lock and, only when no flush is pending, asks ``schedule``
(the server passes ``IOLoop.add_callback``, the one thread-safe IOLoop
method) to run :meth:`_flush` on the loop thread. Everything that arrives
before that flush runs goes out in one ``ForwardBatch`` frame, so a run's
many deltas cost few frames and no Nagle stalls. The script thread never
touches a Tornado object.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.digest import blake2b

Deliver = Callable[[list[pb.ForwardMsg]], None]
Schedule = Callable[[Callable[[], None]], None]


def run_now(fn: Callable[[], None]) -> None:
    """A ``schedule`` for callers with no event loop (tests, AppTest)."""
    fn()


class Outbox:
    """Coalesces messages from script threads into batches for one client."""

    def __init__(self, deliver: Deliver | None, schedule: Schedule = run_now) -> None:
        self._lock = threading.Lock()
        self._queue: list[pb.ForwardMsg] = []
        self._scheduled = False
        self._deliver = deliver
        self._schedule = schedule

    def put(self, msg: pb.ForwardMsg) -> None:
        """Queue ``msg`` for the client (any thread)."""
        with self._lock:
            if self._deliver is None:  # detached: attach() would drop it anyway
                return
            self._queue.append(msg)
            if self._scheduled:
                return
            self._scheduled = True
            schedule = self._schedule
        schedule(self._flush)

    def attach(self, deliver: Deliver, schedule: Schedule) -> None:
        """Point the outbox at a (new) client connection."""
        with self._lock:
            self._deliver, self._schedule = deliver, schedule
            self._queue.clear()
            self._scheduled = False

    def detach(self) -> None:
        """The client went away: drop what is queued and what comes next."""
        with self._lock:
            self._deliver = None
            self._queue.clear()

    def _flush(self) -> None:
        with self._lock:
            msgs, self._queue = self._queue, []
            self._scheduled = False
            deliver = self._deliver
        if msgs and deliver is not None:
            deliver(msgs)


def _kept_part(digest: str) -> bytes | None:
    """A table part's bytes from the parts kept process-wide (``rillet.dataframes.kept``)."""
    from rillet.dataframes import kept  # only when a part is missing: a rare path

    return kept.part_bytes(digest)


def serialize_batch(msgs: list[pb.ForwardMsg]) -> bytes:
    """Encode messages as one ``ForwardBatch`` frame."""
    return pb.ForwardBatch(msgs=msgs).SerializeToString()


_BATCH_ITEM = b"\x0a"  # ForwardBatch.msgs: field 1, wire type 2 (length-delimited)
# Elements that may carry table parts (see FrameEncoder._table_parts_known).
_WITH_PARTS = frozenset({"dataframe", "bidi_component"})
# The item's tag and a one-byte length, for messages under 128 bytes (most deltas).
_ONE_BYTE_HEADERS = [bytes((0x0A, size)) for size in range(0x80)]


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


class FrameEncoder:
    """Encodes batches for one client, sending large repeated elements once.

    An element of at least ``threshold`` bytes goes out with an
    ``element_hash``; when the same element is written again (a rerun that
    redraws a big table or image list) only ``element_ref`` travels. Client
    and server keep the same ``capacity`` most recently used hashes (a hash
    is used when sent or referenced), so both evict the same ones.
    """

    def __init__(
        self, *, threshold: int = 32 * 1024, capacity: int = 64, part_capacity: int = 16
    ) -> None:
        self._threshold = threshold
        self._capacity = capacity
        self._part_capacity = part_capacity
        self._known: OrderedDict[str, None] = OrderedDict()
        # table parts (DataFrame.parts, BidiComponent.tables)
        self._parts: OrderedDict[str, None] = OrderedDict()

    def encode(self, msgs: list[pb.ForwardMsg]) -> bytes:
        # The ForwardBatch is written by hand (field 1, length-delimited, per
        # message): appending to a batch message would copy each message,
        # tens of MB for a large table, on the event loop. Every rerun of
        # every session passes here once per message: HasField and local
        # names keep it short.
        parts: list[bytes] = []
        threshold = self._threshold
        for msg in msgs:
            body: bytes | None = None
            if msg.HasField("delta"):
                delta = msg.delta
                if delta.HasField("new_element"):
                    element = delta.new_element
                    if element.WhichOneof("type") in _WITH_PARTS and not self._table_parts_known(
                        element
                    ):
                        body = msg.SerializeToString()
                    elif delta.element_hash:
                        # Hashed on the script thread: a known element goes as a
                        # reference without being encoded (a chart is megabytes).
                        body = self._dedupe(msg).SerializeToString()
                    else:
                        # Most elements are small: the encoded message's length
                        # settles it, without measuring the element (ByteSize
                        # encodes it once more, for every widget of every rerun).
                        body = msg.SerializeToString()
                        if len(body) >= threshold:
                            deduped = self._dedupe(msg)
                            if deduped is not msg:
                                body = deduped.SerializeToString()
            if body is None:
                body = msg.SerializeToString()
            size = len(body)
            parts.append(_ONE_BYTE_HEADERS[size] if size < 0x80 else _BATCH_ITEM + _varint(size))
            parts.append(body)
        return b"".join(parts)

    def _table_parts_known(self, element: pb.Element) -> bool:
        """Strip the bytes of table parts the client holds; False if a part goes whole.

        The client keeps the same ``part_capacity`` most recently used parts: a
        part is used when it arrives whole (stored) or as a bare hash
        (looked up), in element order. The message is changed in place: it
        was built for this send by the script thread, which keeps no
        reference to it.
        """
        kind = element.WhichOneof("type")
        if kind == "dataframe":
            parts = list(element.dataframe.parts)
        elif kind == "bidi_component":  # tables of a components.v2 `data`
            parts = [table.part for table in element.bidi_component.tables]
        else:
            return True
        known = True
        for part in parts:
            if part.hash in self._parts:
                self._parts.move_to_end(part.hash)
                part.ClearField("arrow")
                continue
            if not part.arrow:  # bare, and not held
                arrow = _kept_part(part.hash)
                if arrow is None:  # nothing to send (the client misses it too)
                    continue
                part.arrow = arrow  # a table's last delta, whose leads this client missed
            known = False
            self._parts[part.hash] = None
            if len(self._parts) > self._part_capacity:
                self._parts.popitem(last=False)
        return known

    def _dedupe(self, msg: pb.ForwardMsg) -> pb.ForwardMsg:
        element = msg.delta.new_element
        # A command that hashed its large element on the script thread (a
        # table hashes its Arrow bytes) spares the event loop both the size
        # check (ByteSize encodes the element) and the hash.
        given = msg.delta.element_hash
        if not given and element.ByteSize() < self._threshold:
            return msg
        digest = (
            given
            or blake2b(element.SerializeToString(deterministic=True), digest_size=16).hexdigest()
        )
        if digest in self._known:
            self._known.move_to_end(digest)
            ref = pb.Delta(
                path=msg.delta.path, fragment_id=msg.delta.fragment_id, element_ref=digest
            )
            return pb.ForwardMsg(delta=ref)
        self._known[digest] = None
        if len(self._known) > self._capacity:
            self._known.popitem(last=False)
        if given:
            return msg  # it carries its hash already
        out = pb.ForwardMsg()
        out.CopyFrom(msg)
        out.delta.element_hash = digest
        return out
