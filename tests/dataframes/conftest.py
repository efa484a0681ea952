"""Fixtures of the table tests: nothing kept between tests, and counts of the work a run does."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


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
