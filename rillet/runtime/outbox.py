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
from collections.abc import Callable

from rillet.protocol import rillet_pb2 as pb

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
            self._queue.append(msg)
            if self._scheduled or self._deliver is None:
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


def serialize_batch(msgs: list[pb.ForwardMsg]) -> bytes:
    """Encode messages as one ``ForwardBatch`` frame."""
    return pb.ForwardBatch(msgs=msgs).SerializeToString()
