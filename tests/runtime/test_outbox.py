"""The Outbox: the one hand-off from script threads to the server's loop."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.outbox import Outbox, serialize_batch


def _msg(n: int) -> pb.ForwardMsg:
    return pb.ForwardMsg(script_started=pb.ScriptStarted(run_id=str(n)))


def _ids(batch: list[pb.ForwardMsg]) -> list[str]:
    return [m.script_started.run_id for m in batch]


class DeferredLoop:
    """A schedule that only records callbacks until told to run them."""

    def __init__(self) -> None:
        self.callbacks: list[Callable[[], None]] = []

    def schedule(self, fn: Callable[[], None]) -> None:
        self.callbacks.append(fn)

    def run_pending(self) -> None:
        callbacks, self.callbacks = self.callbacks, []
        for fn in callbacks:
            fn()


def test_many_puts_before_the_loop_runs_become_one_delivery() -> None:
    loop = DeferredLoop()
    batches: list[list[pb.ForwardMsg]] = []
    outbox = Outbox(batches.append, loop.schedule)

    for n in range(10):
        outbox.put(_msg(n))
    loop.run_pending()

    assert len(batches) == 1
    assert _ids(batches[0]) == [str(n) for n in range(10)]


def test_only_the_first_put_schedules_a_flush() -> None:
    loop = DeferredLoop()
    outbox = Outbox(lambda msgs: None, loop.schedule)

    for n in range(5):
        outbox.put(_msg(n))

    assert len(loop.callbacks) == 1


def test_a_put_after_a_flush_schedules_again() -> None:
    loop = DeferredLoop()
    batches: list[list[pb.ForwardMsg]] = []
    outbox = Outbox(batches.append, loop.schedule)

    outbox.put(_msg(1))
    loop.run_pending()
    outbox.put(_msg(2))
    outbox.put(_msg(3))
    loop.run_pending()

    assert [_ids(b) for b in batches] == [["1"], ["2", "3"]]


def test_without_a_loop_each_put_is_delivered_at_once() -> None:
    batches: list[list[pb.ForwardMsg]] = []
    outbox = Outbox(batches.append)

    outbox.put(_msg(1))
    outbox.put(_msg(2))

    assert [_ids(b) for b in batches] == [["1"], ["2"]]


def test_two_producer_threads_lose_nothing_and_keep_their_own_order() -> None:
    # The loop is a real thread running callbacks in order, like an IOLoop.
    callbacks: queue.Queue[Callable[[], None] | None] = queue.Queue()
    received: list[str] = []

    def loop() -> None:
        while (fn := callbacks.get()) is not None:
            fn()

    loop_thread = threading.Thread(target=loop)
    loop_thread.start()
    outbox = Outbox(lambda msgs: received.extend(_ids(msgs)), callbacks.put)
    per_thread = 2000

    def produce(prefix: str) -> None:
        for n in range(per_thread):
            outbox.put(pb.ForwardMsg(script_started=pb.ScriptStarted(run_id=f"{prefix}{n}")))

    producers = [threading.Thread(target=produce, args=(p,)) for p in "ab"]
    for t in producers:
        t.start()
    for t in producers:
        t.join()
    done = threading.Event()
    callbacks.put(done.set)
    callbacks.put(None)
    loop_thread.join(5)

    assert done.is_set()
    for prefix in "ab":
        mine = [r for r in received if r.startswith(prefix)]
        assert mine == [f"{prefix}{n}" for n in range(per_thread)]
    assert len(received) == 2 * per_thread


def test_detach_drops_what_is_queued_and_what_comes_next() -> None:
    loop = DeferredLoop()
    batches: list[list[pb.ForwardMsg]] = []
    outbox = Outbox(batches.append, loop.schedule)

    outbox.put(_msg(1))
    outbox.detach()
    outbox.put(_msg(2))
    loop.run_pending()

    assert batches == []


def test_attach_delivers_to_the_new_client_only_what_comes_after() -> None:
    loop = DeferredLoop()
    old: list[list[pb.ForwardMsg]] = []
    new: list[list[pb.ForwardMsg]] = []
    outbox = Outbox(old.append, loop.schedule)
    outbox.put(_msg(1))
    outbox.detach()
    outbox.put(_msg(2))

    outbox.attach(new.append, loop.schedule)
    outbox.put(_msg(3))
    loop.run_pending()

    assert old == []
    assert [_ids(b) for b in new] == [["3"]]


def test_a_batch_serializes_as_one_forward_batch_frame() -> None:
    frame = serialize_batch([_msg(1), _msg(2)])

    assert _ids(list(pb.ForwardBatch.FromString(frame).msgs)) == ["1", "2"]
