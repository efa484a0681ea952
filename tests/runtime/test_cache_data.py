from __future__ import annotations

import dataclasses
import enum
import inspect
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from rillet.runtime.caching import (
    CacheDataAPI,
    UnhashableParamError,
    UnserializableReturnValueError,
    parse_ttl,
)
from rillet.runtime.caching.hashing import UnhashableTypeError, function_key, hash_value


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def cache_data(tmp_path: Path, clock: FakeClock) -> CacheDataAPI:
    return CacheDataAPI(persist_dir=tmp_path / "persist", clock=clock)


def test_computes_once_per_arguments(cache_data: CacheDataAPI) -> None:
    calls: list[int] = []

    @cache_data
    def square(x: int, power: int = 2) -> int:
        calls.append(x)
        return int(x**power)

    assert square(3) == 9
    assert square(3) == 9
    assert square(x=3) == 9
    assert square(3, 2) == 9
    assert calls == [3]
    assert square(4) == 16
    assert square(3, power=3) == 27
    assert calls == [3, 4, 3]


def test_returns_a_copy_on_every_hit(cache_data: CacheDataAPI) -> None:
    @cache_data
    def rows() -> list[dict[str, int]]:
        return [{"a": 1}]

    first = rows()
    first.append({"b": 2})
    second = rows()
    assert second == [{"a": 1}]
    second[0]["a"] = 99
    assert rows() == [{"a": 1}]
    assert rows() is not rows()


def test_bare_and_called_forms_keep_metadata(cache_data: CacheDataAPI) -> None:
    @cache_data()
    def load(path: str, *, limit: int = 10) -> str:
        """Load things."""
        return path * limit

    assert load.__name__ == "load"
    assert load.__doc__ == "Load things."
    assert str(inspect.signature(load)) == "(path: 'str', *, limit: 'int' = 10) -> 'str'"
    assert load("a", limit=2) == "aa"


def test_ttl_expires_entries(cache_data: CacheDataAPI, clock: FakeClock) -> None:
    calls: list[int] = []

    @cache_data(ttl="1m")
    def stamp(x: int) -> int:
        calls.append(x)
        return len(calls)

    assert stamp(1) == 1
    clock.now += 59
    assert stamp(1) == 1
    clock.now += 1
    assert stamp(1) == 2
    assert calls == [1, 1]


def test_ttl_accepts_timedelta(cache_data: CacheDataAPI, clock: FakeClock) -> None:
    calls: list[int] = []

    @cache_data(ttl=timedelta(seconds=5))
    def f() -> int:
        calls.append(1)
        return 1

    f()
    clock.now += 4
    f()
    clock.now += 2
    f()
    assert len(calls) == 2


def test_max_entries_evicts_least_recently_used(cache_data: CacheDataAPI) -> None:
    calls: list[int] = []

    @cache_data(max_entries=2)
    def f(x: int) -> int:
        calls.append(x)
        return x

    f(1)
    f(2)
    f(1)  # 2 is now the least recently used
    f(3)
    f(1)
    assert calls == [1, 2, 3]
    f(2)
    assert calls == [1, 2, 3, 2]


def test_underscore_parameters_are_not_hashed(cache_data: CacheDataAPI) -> None:
    calls: list[str] = []

    @cache_data
    def query(_conn: object, sql: str) -> str:
        calls.append(sql)
        return sql

    query(threading.Lock(), "select 1")
    query(threading.Lock(), "select 1")
    query(object(), "select 2")
    assert calls == ["select 1", "select 2"]


def test_unhashable_argument_names_parameter_type_and_fixes(cache_data: CacheDataAPI) -> None:
    @cache_data
    def fetch(conn: object, sql: str) -> str:
        return sql

    with pytest.raises(UnhashableParamError) as info:
        fetch(threading.Lock(), "select 1")
    message = str(info.value)
    assert "'conn'" in message
    assert "_thread.lock" in message
    assert "'fetch()'" in message or "fetch" in message
    assert "hash_funcs" in message
    assert "'_conn'" in message
    assert isinstance(info.value, TypeError)


def test_hash_funcs_by_type_and_by_name(cache_data: CacheDataAPI) -> None:
    class Conn:
        def __init__(self, url: str) -> None:
            self.url = url
            self.lock = threading.Lock()

    calls: list[str] = []

    @cache_data(hash_funcs={Conn: lambda c: c.url})
    def by_type(conn: Conn) -> str:
        calls.append(conn.url)
        return conn.url

    by_type(Conn("a"))
    by_type(Conn("a"))
    by_type(Conn("b"))
    assert calls == ["a", "b"]

    name = f"{Conn.__module__}.{Conn.__qualname__}"

    @cache_data(hash_funcs={name: lambda c: c.url})
    def by_name(conn: Conn) -> str:
        calls.append(conn.url)
        return conn.url

    by_name(Conn("c"))
    by_name(Conn("c"))
    assert calls == ["a", "b", "c"]


def test_unpicklable_return_value_suggests_cache_resource(cache_data: CacheDataAPI) -> None:
    @cache_data
    def make_lock() -> object:
        return threading.Lock()

    with pytest.raises(UnserializableReturnValueError) as info:
        make_lock()
    message = str(info.value)
    assert "make_lock" in message
    assert "_thread.lock" in message
    assert "st.cache_resource" in message


def test_redecorating_the_same_source_shares_the_cache(cache_data: CacheDataAPI) -> None:
    calls: list[int] = []

    def define() -> Any:
        # A script rerun executes the decorated definition again.
        @cache_data
        def f(x: int) -> int:
            calls.append(x)
            return x

        return f

    define()(1)
    define()(1)
    assert calls == [1]


def test_clear_one_entry_or_the_function_or_everything(cache_data: CacheDataAPI) -> None:
    calls: list[str] = []

    @cache_data
    def f(x: int) -> int:
        calls.append(f"f{x}")
        return x

    @cache_data
    def g() -> int:
        calls.append("g")
        return 0

    f(1), f(2), g()
    f.clear(1)
    f(1), f(2)
    assert calls == ["f1", "f2", "g", "f1"]
    f.clear()
    f(2)
    assert calls[-1] == "f2"
    cache_data.clear()
    g()
    assert calls[-1] == "g"
    assert calls.count("g") == 2


def test_persist_to_disk_survives_a_new_cache(tmp_path: Path, clock: FakeClock) -> None:
    root = tmp_path / "persist"
    calls: list[int] = []

    def define(api: CacheDataAPI) -> Any:
        @api(persist="disk", ttl=60)
        def load(n: int) -> list[int]:
            calls.append(n)
            return list(range(n))

        return load

    assert define(CacheDataAPI(persist_dir=root, clock=clock))(3) == [0, 1, 2]
    files = list(root.rglob("*"))
    assert [p.name for p in files if p.is_file()] == [
        p.name for p in files if p.name.endswith(".rillet-cache") and not p.name.startswith(".")
    ]
    # A new process: a fresh registry, the same folder.
    assert define(CacheDataAPI(persist_dir=root, clock=clock))(3) == [0, 1, 2]
    assert calls == [3]
    clock.now += 61
    assert define(CacheDataAPI(persist_dir=root, clock=clock))(3) == [0, 1, 2]
    assert calls == [3, 3]


def test_persist_true_and_global_clear_removes_files(tmp_path: Path, clock: FakeClock) -> None:
    root = tmp_path / "persist"
    api = CacheDataAPI(persist_dir=root, clock=clock)

    @api(persist=True)
    def f(x: int) -> int:
        return x

    f(1)
    assert len(list(root.rglob("*.rillet-cache"))) == 1
    (root / "unrelated.txt").write_text("keep me")
    CacheDataAPI(persist_dir=root, clock=clock).clear()
    assert list(root.rglob("*.rillet-cache")) == []
    assert (root / "unrelated.txt").exists()


def test_persisted_max_entries_limits_files(tmp_path: Path, clock: FakeClock) -> None:
    root = tmp_path / "persist"
    api = CacheDataAPI(persist_dir=root, clock=clock)

    @api(persist="disk", max_entries=2)
    def f(x: int) -> int:
        return x

    for x in range(4):
        f(x)
    assert len(list(root.rglob("*.rillet-cache"))) == 2


def test_corrupt_disk_file_is_recomputed(tmp_path: Path, clock: FakeClock) -> None:
    root = tmp_path / "persist"
    calls: list[int] = []

    def define(api: CacheDataAPI) -> Any:
        @api(persist="disk")
        def f(x: int) -> int:
            calls.append(x)
            return x

        return f

    define(CacheDataAPI(persist_dir=root, clock=clock))(1)
    (path,) = root.rglob("*.rillet-cache")
    path.write_bytes(b"garbage")
    assert define(CacheDataAPI(persist_dir=root, clock=clock))(1) == 1
    assert calls == [1, 1]


def test_concurrent_calls_are_thread_safe(cache_data: CacheDataAPI) -> None:
    calls: list[int] = []
    started = threading.Barrier(8)

    @cache_data(show_spinner=False)
    def slow(x: int) -> int:
        calls.append(x)
        return x * 2

    def worker() -> None:
        started.wait()
        for i in range(50):
            assert slow(i % 5) == (i % 5) * 2

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(calls) == [0, 1, 2, 3, 4]


def test_spinner_hook_is_used_on_misses_only(
    cache_data: CacheDataAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rillet.runtime.context as context

    shown: list[str] = []

    @contextmanager
    def spinner_for_cache(text: str, *, show_time: bool = False) -> Iterator[None]:
        shown.append(text)
        yield

    monkeypatch.setattr(context, "spinner_for_cache", spinner_for_cache, raising=False)

    @cache_data
    def load(x: int) -> int:
        return x

    @cache_data(show_spinner="Fetching rows")
    def fetch() -> int:
        return 0

    @cache_data(show_spinner=False)
    def quiet() -> int:
        return 0

    load(1), load(1), fetch(), quiet()
    assert shown == [
        "Running `test_spinner_hook_is_used_on_misses_only.<locals>.load(...)`.",
        "Fetching rows",
    ]


def test_session_scope_keeps_entries_per_session(
    cache_data: CacheDataAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rillet.runtime.context as context

    current = SimpleNamespace(session_id="s1")
    monkeypatch.setattr(context, "get_or_none", lambda: current)
    calls: list[str] = []

    @cache_data(scope="session")
    def f() -> str:
        calls.append(current.session_id)
        return str(current.session_id)

    assert f() == "s1"
    current.session_id = "s2"
    assert f() == "s2"
    current.session_id = "s1"
    assert f() == "s1"
    assert calls == ["s1", "s2"]
    cache_data.clear_session("s1")
    f()
    assert calls == ["s1", "s2", "s1"]


def test_methods_are_bound(cache_data: CacheDataAPI) -> None:
    calls: list[int] = []

    @dataclasses.dataclass(frozen=True)
    class Repo:
        name: str

        @cache_data
        def count(self, x: int) -> int:
            calls.append(x)
            return x + len(self.name)

    assert Repo("ab").count(1) == 3
    assert Repo("ab").count(1) == 3
    assert Repo("abc").count(1) == 4
    assert calls == [1, 1]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"ttl": "soon"}, "ttl must be"),
        ({"max_entries": 0}, "max_entries must be"),
        ({"show_spinner": 1}, "show_spinner must be"),
        ({"persist": "memory"}, "persist must be 'disk', True, False or None, got 'memory'"),
        ({"scope": "user"}, "scope must be 'global' or 'session', got 'user'"),
        ({"hash_funcs": {1: str}}, "hash_funcs must map a type"),
        ({"persist": "disk", "scope": "session"}, "cannot be combined"),
    ],
)
def test_bad_arguments_are_named(
    cache_data: CacheDataAPI, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises((TypeError, ValueError), match=message.replace("(", r"\(")):
        cache_data(**kwargs)


@pytest.mark.parametrize(
    ("ttl", "seconds"),
    [
        (None, None),
        (10, 10.0),
        (0.5, 0.5),
        (timedelta(hours=1), 3600.0),
        ("30s", 30.0),
        ("30m", 1800.0),
        ("1h", 3600.0),
        ("1d 2h", 93600.0),
        ("1h30m", 5400.0),
        ("2 days, 3 hours", 183600.0),
        ("1w", 604800.0),
        ("250ms", 0.25),
        (float("inf"), None),
    ],
)
def test_ttl_parsing(ttl: Any, seconds: float | None) -> None:
    assert parse_ttl(ttl) == seconds


@pytest.mark.parametrize("ttl", ["soon", "10", "1x", "", "1h soon", -1, float("nan"), "  "])
def test_bad_ttl_names_argument_value_and_accepted_forms(ttl: Any) -> None:
    with pytest.raises(ValueError) as info:
        parse_ttl(ttl)
    message = str(info.value)
    assert message.startswith("ttl must be")
    assert repr(ttl) in message
    assert "timedelta" in message and "'1d 2h'" in message


def test_bad_ttl_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"ttl must be .*got True of type bool"):
        parse_ttl(True)


class Color(enum.Enum):
    RED = 1
    BLUE = 2


@dataclasses.dataclass
class Point:
    x: int
    tags: list[str]


def test_hash_is_order_independent_for_dicts_and_sets() -> None:
    assert hash_value({"a": 1, "b": 2}) == hash_value({"b": 2, "a": 1})
    assert hash_value({"x", "y", "z"}) == hash_value({"z", "y", "x"})


def test_hash_distinguishes_types_and_values() -> None:
    values: list[object] = [
        None, True, 1, 1.0, "1", b"1", [1], (1,), {1: 1}, {1}, frozenset({1}),
        Color.RED, Color.BLUE, Point(1, ["a"]), Point(1, ["b"]),
        Path("/a"), timedelta(1), len, int,
    ]  # fmt: skip
    digests = {hash_value(v) for v in values}
    assert len(digests) == len(values)


def test_hash_handles_cycles_and_plain_objects() -> None:
    loop: list[object] = [1]
    loop.append(loop)
    assert hash_value(loop) == hash_value(loop)

    class Box:
        def __init__(self, value: object) -> None:
            self.value = value

    assert hash_value(Box({"a": 1})) == hash_value(Box({"a": 1}))
    assert hash_value(Box({"a": 1})) != hash_value(Box({"a": 2}))
    with pytest.raises(UnhashableTypeError, match=r"_thread\.lock"):
        hash_value(Box(threading.Lock()))


def test_hash_of_data_library_objects() -> None:
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    image = pytest.importorskip("PIL.Image")
    assert hash_value(np.arange(4)) == hash_value(np.arange(4))
    assert hash_value(np.arange(4)) != hash_value(np.arange(4.0))
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", "y"]})
    assert hash_value(frame) == hash_value(frame.copy())
    assert hash_value(frame) != hash_value(frame.assign(a=[1, 3]))
    assert hash_value(frame["a"]) != hash_value(frame["a"].rename("c"))
    red = image.new("RGB", (2, 2), "red")
    assert hash_value(red) == hash_value(image.new("RGB", (2, 2), "red"))
    assert hash_value(red) != hash_value(image.new("RGB", (2, 2), "blue"))


def test_function_key_changes_with_source() -> None:
    def f(x: int) -> int:
        return x

    def g(x: int) -> int:
        return x + 1

    assert function_key(f) == function_key(f)
    assert function_key(f) != function_key(g)
    namespace: dict[str, Any] = {}
    exec("def h(x):\n    return x\n", namespace)  # no source file: falls back to code
    assert len(function_key(namespace["h"])) == 32
