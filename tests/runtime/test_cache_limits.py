"""Streamlit 1.67's cache options: max_size, refresh_mode and on_release."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from rillet.runtime.caching import CacheDataAPI, CacheResourceAPI
from rillet.runtime.caching.cache_data import parse_size


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def test_max_size_drops_the_least_recently_used_pickles(tmp_path: Path) -> None:
    cache_data = CacheDataAPI(persist_dir=tmp_path)
    calls: list[int] = []

    @cache_data(max_size="3KiB")
    def blob(n: int) -> bytes:
        calls.append(n)
        return bytes(1000)

    for n in (1, 2, 3):
        blob(n)
    blob(1)  # now the most recently used
    blob(4)  # over 3 KiB: 2 goes
    calls.clear()
    blob(1), blob(3), blob(4)
    assert calls == []
    blob(2)
    assert calls == [2]


def test_a_value_larger_than_max_size_is_kept_alone(tmp_path: Path) -> None:
    cache_data = CacheDataAPI(persist_dir=tmp_path)
    calls: list[int] = []

    @cache_data(max_size=100)
    def blob(n: int) -> bytes:
        calls.append(n)
        return bytes(50 if n < 10 else 500)

    blob(1), blob(99)
    calls.clear()
    blob(99), blob(1)
    assert calls == [1]  # the large one stayed; the small one had to go


@pytest.mark.parametrize(
    ("given", "size"), [(1, 1), ("1KB", 1024), ("1.1KB", 1126), ("1.5 GiB", 1610612736)]
)
def test_sizes_read_as_streamlit_reads_them(given: int | str, size: int) -> None:
    assert parse_size(given) == size


@pytest.mark.parametrize("bad", [0, -5, "5", "5 parsecs", True, 1.5])
def test_a_bad_max_size_is_refused_naming_it(bad: object) -> None:
    with pytest.raises(ValueError, match="max_size must be"):
        CacheDataAPI()(max_size=bad)  # type: ignore[call-overload]


def _wait_for(predicate: object, seconds: float = 5.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():  # type: ignore[operator]
        assert time.monotonic() < deadline, "the background refresh did not happen"
        time.sleep(0.01)


def test_background_refresh_serves_the_expired_value_while_computing_a_new_one(
    tmp_path: Path,
) -> None:
    clock = FakeClock()
    cache_data = CacheDataAPI(persist_dir=tmp_path, clock=clock)
    version = [0]
    release = threading.Event()

    @cache_data(ttl=10, refresh_mode="background")
    def current() -> int:
        if version[0] > 0:
            release.wait(5)
        version[0] += 1
        return version[0]

    assert current() == 1
    clock.now += 11  # expired, within the one-ttl grace
    assert current() == 1  # served at once; a worker recomputes
    release.set()
    _wait_for(lambda: current() == 2)
    clock.now += 25  # past ttl and grace: the caller waits for a new value
    assert current() == 3


def test_background_refresh_needs_a_ttl_and_no_persist() -> None:
    with pytest.raises(ValueError, match="needs a ttl"):
        CacheDataAPI()(refresh_mode="background")
    with pytest.raises(ValueError, match="cannot be combined with persist"):
        CacheDataAPI()(ttl=5, refresh_mode="background", persist="disk")
    with pytest.raises(ValueError, match="'foreground' or 'background'"):
        CacheResourceAPI()(refresh_mode="later")  # type: ignore[call-overload]


def test_on_release_gets_what_the_resource_cache_lets_go_of() -> None:
    clock = FakeClock()
    cache_resource = CacheResourceAPI(clock=clock)
    released: list[str] = []

    @cache_resource(max_entries=1, ttl=60, on_release=released.append)
    def connect(name: str) -> str:
        return f"conn-{name}"

    connect("a")
    connect("b")  # evicts a
    assert released == ["conn-a"]
    clock.now += 61
    connect("b")  # expired: released, then made again
    assert released == ["conn-a", "conn-b"]
    connect.clear()
    assert released == ["conn-a", "conn-b", "conn-b"]


def test_background_refresh_of_a_resource_releases_the_old_one() -> None:
    clock = FakeClock()
    cache_resource = CacheResourceAPI(clock=clock)
    released: list[int] = []
    made = [0]

    @cache_resource(ttl=10, refresh_mode="background", on_release=released.append)
    def resource() -> int:
        made[0] += 1
        return made[0]

    assert resource() == 1
    clock.now += 11
    assert resource() == 1
    _wait_for(lambda: resource() == 2)
    assert released == [1]


def test_a_bad_on_release_is_refused() -> None:
    with pytest.raises(TypeError, match="on_release must be None or a function"):
        CacheResourceAPI()(on_release="close")  # type: ignore[call-overload]
