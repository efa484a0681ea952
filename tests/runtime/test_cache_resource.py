from __future__ import annotations

import sqlite3
import threading
import time
from typing import Any

import pytest

from rillet.runtime.caching import CacheResourceAPI, UnhashableParamError


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def cache_resource(clock: FakeClock) -> CacheResourceAPI:
    return CacheResourceAPI(clock=clock)


class Resource:
    def __init__(self, name: str) -> None:
        self.name = name
        self.closed = False


def test_returns_the_same_object(cache_resource: CacheResourceAPI) -> None:
    @cache_resource
    def connect(name: str) -> Resource:
        return Resource(name)

    assert connect("a") is connect("a")
    assert connect("a") is not connect("b")
    assert connect(name="a") is connect("a")


def test_unpicklable_values_are_fine(cache_resource: CacheResourceAPI) -> None:
    @cache_resource()
    def lock() -> threading.Lock:
        return threading.Lock()

    assert lock() is lock()


def test_validate_false_recomputes(cache_resource: CacheResourceAPI) -> None:
    @cache_resource(validate=lambda r: not r.closed)
    def connect() -> Resource:
        return Resource("db")

    first = connect()
    assert connect() is first
    first.closed = True
    second = connect()
    assert second is not first
    assert connect() is second


def test_new_validate_lambda_on_rerun_keeps_the_entry(cache_resource: CacheResourceAPI) -> None:
    calls: list[int] = []

    def define() -> Any:
        @cache_resource(validate=lambda r: True)
        def connect() -> Resource:
            calls.append(1)
            return Resource("db")

        return connect

    assert define()() is define()()
    assert calls == [1]


def test_ttl_and_max_entries(cache_resource: CacheResourceAPI, clock: FakeClock) -> None:
    @cache_resource(ttl="10s", max_entries=2)
    def make(x: int) -> Resource:
        return Resource(str(x))

    a = make(1)
    clock.now = 9
    assert make(1) is a
    clock.now = 10
    assert make(1) is not a

    b = make(2)
    make(3)  # evicts the least recently used: the new make(1)
    assert make(2) is b
    assert len([make(x) for x in (1, 2, 3)]) == 3


def test_clear_one_function_entry_and_all(cache_resource: CacheResourceAPI) -> None:
    @cache_resource
    def make(x: int) -> Resource:
        return Resource(str(x))

    @cache_resource
    def other() -> Resource:
        return Resource("o")

    one, two, o = make(1), make(2), other()
    make.clear(1)
    assert make(1) is not one
    assert make(2) is two
    make.clear()
    assert make(2) is not two
    assert other() is o
    cache_resource.clear()
    assert other() is not o


def test_concurrent_first_calls_compute_once(cache_resource: CacheResourceAPI) -> None:
    entered = threading.Event()
    release = threading.Event()
    calls: list[str] = []

    @cache_resource(show_spinner=False)
    def load_model(name: str) -> Resource:
        calls.append(name)
        entered.set()
        assert release.wait(5)
        return Resource(name)

    results: list[Resource] = []

    def worker() -> None:
        results.append(load_model("m"))

    first = threading.Thread(target=worker)
    first.start()
    assert entered.wait(5)
    second = threading.Thread(target=worker)
    second.start()
    time.sleep(0.05)  # let the second caller reach the per-key lock
    release.set()
    first.join(5)
    second.join(5)
    assert calls == ["m"]
    assert len(results) == 2 and results[0] is results[1]


def test_different_keys_do_not_wait_for_each_other(cache_resource: CacheResourceAPI) -> None:
    release = threading.Event()

    @cache_resource(show_spinner=False)
    def load(name: str) -> str:
        if name == "slow":
            assert release.wait(5)
        return name

    thread = threading.Thread(target=load, args=("slow",))
    thread.start()
    assert load("fast") == "fast"  # not blocked by the slow key
    release.set()
    thread.join(5)


def test_exception_is_not_cached(cache_resource: CacheResourceAPI) -> None:
    attempts: list[int] = []

    @cache_resource
    def flaky() -> str:
        attempts.append(1)
        if len(attempts) == 1:
            raise ConnectionError("down")
        return "up"

    with pytest.raises(ConnectionError):
        flaky()
    assert flaky() == "up"
    assert flaky() == "up"
    assert len(attempts) == 2


def test_unhashable_argument_error(cache_resource: CacheResourceAPI) -> None:
    @cache_resource
    def rows(conn: sqlite3.Connection, table: str) -> list[Any]:
        return []

    conn = sqlite3.connect(":memory:")
    try:
        with pytest.raises(UnhashableParamError, match=r"'conn' \(of type sqlite3\.Connection\)"):
            rows(conn, "t")
    finally:
        conn.close()


def test_hash_funcs_make_an_argument_hashable(cache_resource: CacheResourceAPI) -> None:
    @cache_resource(hash_funcs={sqlite3.Connection: id})
    def cursor_for(conn: sqlite3.Connection) -> Resource:
        return Resource("c")

    conn = sqlite3.connect(":memory:")
    try:
        assert cursor_for(conn) is cursor_for(conn)
    finally:
        conn.close()


def test_bad_validate_is_named(cache_resource: CacheResourceAPI) -> None:
    with pytest.raises(TypeError, match="validate must be None or a function"):
        cache_resource(validate=True)  # type: ignore[call-overload]
