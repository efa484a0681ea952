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


def test_a_file_two_sessions_show_stays_until_neither_shows_it() -> None:
    media = InMemoryMediaStorage(pending_seconds=60, clock=Clock())
    shared = media.add(b"shared", "text/plain")
    own = media.add(b"own", "text/plain")
    media.retain("s1", {shared, own})
    media.retain("s2", {shared})

    media.retain("s1", set())
    after_s1 = (media.get(shared) is not None, media.get(own) is not None)
    media.retain("s2", {shared})  # the same files again: nothing changes
    still = media.get(shared) is not None
    media.retain("s2", set())

    assert after_s1 == (True, False)
    assert still
    assert media.get(shared) is None


def test_a_file_added_again_while_shown_is_not_pending() -> None:
    clock = Clock()
    media = InMemoryMediaStorage(pending_seconds=60, clock=clock)
    file_id = media.add(b"logo", "image/png")
    media.retain("s1", {file_id})
    media.add(b"logo", "image/png")  # s2's run shows it too, not retained yet

    clock.now = 61
    media.retain("s1", {file_id})

    assert media.get(file_id) is not None
