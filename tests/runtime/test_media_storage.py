"""In-memory media: pending files are protected for a while, then swept."""

from __future__ import annotations

from rillet.runtime.media import InMemoryMediaStorage


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_file_no_run_ever_retained_is_swept_after_the_grace_period() -> None:
    clock = Clock()
    media = InMemoryMediaStorage(pending_seconds=60, clock=clock)
    orphan = media.add(b"orphan", "text/plain")  # its run was interrupted

    media.retain("other", set())
    kept_while_young = media.get(orphan) is not None
    clock.now = 61
    media.retain("other", set())

    assert kept_while_young
    assert media.get(orphan) is None


def test_once_retained_a_file_follows_its_owners() -> None:
    media = InMemoryMediaStorage(pending_seconds=60, clock=Clock())
    file_id = media.add(b"shown", "text/plain")
    media.retain("s1", {file_id})

    media.retain("s1", set())

    assert media.get(file_id) is None
