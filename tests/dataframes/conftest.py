"""Fixtures of the table tests: nothing kept between tests, counts of a run's work, a client."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.interrupts import RerunData
from rillet.runtime.outbox import FrameEncoder
from tests.conftest import local_session


@pytest.fixture(autouse=True)
def nothing_kept() -> Iterator[None]:
    from rillet.dataframes import kept

    kept.clear()
    yield
    kept.clear()


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts of table conversions, Arrow writes and hashes of large bytes."""
    from rillet.api import table_frame
    from rillet.dataframes.convert import Table
    from rillet.runtime import digest

    counts = {"read": 0, "write": 0, "hash": 0}
    read, write, blake2b = table_frame.read_table, Table.to_arrow, digest.blake2b

    def counted_read(*args: Any, **kwargs: Any) -> Any:
        counts["read"] += 1
        return read(*args, **kwargs)

    def counted_write(self: Table) -> bytes:
        counts["write"] += 1
        return write(self)

    def counted_hash(data: bytes = b"", **kwargs: Any) -> Any:
        counts["hash"] += len(data) > 100_000
        return blake2b(data, **kwargs)

    monkeypatch.setattr(table_frame, "read_table", counted_read)
    monkeypatch.setattr(Table, "to_arrow", counted_write)
    monkeypatch.setattr(digest, "blake2b", counted_hash)
    return counts


class Client:
    """A session whose frames go through the server's FrameEncoder, decoded as a client would."""

    def __init__(self, script: Path) -> None:
        self.frames: list[bytes] = []
        self._lock = threading.Lock()
        self._encoder = FrameEncoder()
        self.session = local_session(script, self._deliver)

    def _deliver(self, msgs: list[pb.ForwardMsg]) -> None:
        with self._lock:
            self.frames.append(self._encoder.encode(msgs))

    def run(self, states: pb.WidgetStates | None = None) -> list[pb.DataFrame]:
        """One rerun; the table elements it sent, in order."""
        self.frames.clear()
        self.session.request_rerun(RerunData(widget_states=states or pb.WidgetStates()))
        assert self.session.runner.wait_idle(30), "the run did not finish"
        return [
            msg.delta.new_element.dataframe
            for frame in self.frames
            for msg in pb.ForwardBatch.FromString(frame).msgs
            if msg.HasField("delta") and msg.delta.new_element.HasField("dataframe")
        ]

    def sent_bytes(self) -> int:
        return sum(len(f) for f in self.frames)


@pytest.fixture
def client(tmp_path: Path) -> Any:
    def make(source: str) -> Client:
        script = tmp_path / "app.py"
        script.write_text(source)
        return Client(script)

    return make
