"""``st.cache_data``: cache a function's return value, hand out copies.

Values are stored pickled, so every call returns a fresh copy that the
caller may mutate without affecting the cache or other sessions. With
``persist="disk"`` the pickles are also written to files and found again by
later processes.
"""

from __future__ import annotations

import logging
import pickle
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Literal, ParamSpec, TypeVar, overload

from rillet.runtime.caching.cached_function import (
    CacheDecorator,
    CachedFunc,
    CacheRegistry,
    CacheScope,
    check_common_arguments,
    session_key_filter,
)
from rillet.runtime.caching.hashing import HashFuncs, function_key
from rillet.runtime.caching.refresh import BackgroundRefresher, check_refresh_mode
from rillet.runtime.caching.storage import MISSING, Clock, DiskStore, KeyLocks, MemoryStore
from rillet.runtime.caching.ttl import parse_ttl

__all__ = ["CacheDataAPI", "DataCache", "UnserializableReturnValueError", "cache_data"]

_LOGGER = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")
Q = ParamSpec("Q")
T = TypeVar("T")

CachePersist = Literal["disk"] | bool | None
RefreshMode = Literal["foreground", "background"]

_SIZE_UNITS = {
    "b": 1,
    "kb": 1024,
    "kib": 1024,
    "mb": 1024**2,
    "mib": 1024**2,
    "gb": 1024**3,
    "gib": 1024**3,
    "tb": 1024**4,
    "tib": 1024**4,
}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-zA-Z]+)\s*$")


def parse_size(max_size: int | str | None) -> int | None:
    """``max_size`` in bytes: an int, or a string with a unit (powers of 1024).

    Example:
        >>> parse_size("1.1KB"), parse_size("2 MiB"), parse_size(512)
        (1126, 2097152, 512)
    """
    accepted = "None, an int of bytes, or a string with a unit such as '500MB' or '1.5GiB'"
    if max_size is None:
        return None
    if isinstance(max_size, int) and not isinstance(max_size, bool):
        if max_size < 1:
            raise ValueError(f"max_size must be {accepted}; got {max_size!r}")
        return max_size
    if isinstance(max_size, str):
        match = _SIZE.match(max_size)
        unit = _SIZE_UNITS.get(match.group(2).lower()) if match else None
        if match is not None and unit is not None and float(match.group(1)) > 0:
            return max(1, int(float(match.group(1)) * unit))
    raise ValueError(f"max_size must be {accepted}; got {max_size!r}")


class UnserializableReturnValueError(TypeError):
    """A ``cache_data`` function returned a value that cannot be pickled."""

    def __init__(self, func_name: str, value: object, reason: str) -> None:
        """Build the message naming the function and the value's type."""
        cls = type(value)
        super().__init__(
            f"The cached function '{func_name}()' returned a {cls.__module__}.{cls.__qualname__}, "
            f"which st.cache_data cannot store: it keeps a pickled copy of every value and "
            f"pickling failed ({reason}). Use st.cache_resource for objects that should be "
            f"shared rather than copied (connections, models, clients), or return plain data."
        )


def default_persist_root() -> Path:
    """``<user cache folder>/rillet/cache``, where persisted entries go by default.

    Example:
        >>> default_persist_root().name
        'cache'
    """
    import platformdirs  # imported here: only persisted caches need it

    return Path(platformdirs.user_cache_dir("rillet")) / "cache"


class DataCache:
    """The entries of one ``cache_data`` function: pickles in memory, and on disk if persisted.

    Example:
        >>> cache = DataCache("f", ttl=60, max_entries=None, persist_dir=None)
        >>> cache.get_or_compute("ab12cd34", lambda: [1, 2])
        [1, 2]
    """

    def __init__(
        self,
        func_name: str,
        *,
        ttl: float | None,
        max_entries: int | None,
        persist_dir: Path | None,
        clock: Clock = time.time,
        max_size: int | None = None,
        background: bool = False,
    ) -> None:
        """Create an empty cache.

        Args:
            func_name: The function's name, for error messages.
            ttl: Seconds an entry stays valid; None for no expiry.
            max_entries: Most entries kept (least recently used go first).
            persist_dir: Folder for this function's files; None keeps entries in memory only.
            clock: Wall-clock time in seconds (injectable for tests).
            max_size: Most bytes of pickles kept in memory (least recently
                used go first); None for no limit.
            background: Serve an expired entry for one more ``ttl`` while a
                worker thread computes its new value.
        """
        self._func_name = func_name
        self._ttl = ttl
        self._memory: MemoryStore[bytes] = MemoryStore(
            ttl=ttl, max_entries=max_entries, clock=clock, max_bytes=max_size, size_of=len
        )
        self._refresher = BackgroundRefresher() if background else None
        self._disk = (
            None
            if persist_dir is None
            else DiskStore(persist_dir, ttl=ttl, max_entries=max_entries, clock=clock)
        )
        self._locks = KeyLocks()

    def _lookup(self, key: str) -> Any:
        found = self._memory.get(key)
        if found is MISSING and self._disk is not None:
            on_disk = self._disk.get(key)
            if on_disk is not MISSING:
                found = on_disk[0]
                self._memory.set(key, found, stored_at=on_disk[1])
        if found is MISSING:
            return MISSING
        return self._load(key, found)

    def _load(self, key: str, found: bytes) -> Any:
        try:
            return pickle.loads(found)
        except Exception:
            # e.g. the value's class was renamed since it was stored: recompute.
            _LOGGER.warning(
                "Dropping a cached value of %s() that no longer unpickles", exc_info=True
            )
            self.delete(key)
            return MISSING

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Any:
        """A copy of the value for ``key``, computing it (once) on a miss."""
        if self._refresher is not None:
            stale = self._memory.get_stale(key, grace=self._ttl or 0.0)
            if stale is not MISSING:
                data, fresh = stale
                if not fresh:
                    self._refresher.start(key, lambda: self._store(key, compute()))
                return self._load(key, data)
        found = self._lookup(key)
        if found is not MISSING:
            return found
        with self._locks.hold(key):
            found = self._lookup(key)
            if found is not MISSING:
                return found
            value = compute()
            self._store(key, value)
            # The caller gets the object it computed; the cache keeps its own pickle.
            return value

    def _store(self, key: str, value: Any) -> None:
        try:
            data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            raise UnserializableReturnValueError(self._func_name, value, str(exc)) from exc
        self._memory.set(key, data)
        if self._disk is not None:
            self._disk.set(key, data)

    def delete(self, key: str) -> None:
        """Remove one entry, in memory and on disk."""
        self._memory.delete(key)
        if self._disk is not None:
            self._disk.delete(key)

    def delete_session(self, session_id: str) -> None:
        """Remove the entries of one session (``scope="session"``)."""
        self._memory.delete_where(session_key_filter(session_id))

    def clear(self) -> None:
        """Remove every entry, in memory and on disk."""
        self._memory.clear()
        if self._disk is not None:
            self._disk.clear()

    def __len__(self) -> int:
        return len(self._memory)


@dataclass(frozen=True)
class _Settings:
    ttl: float | None
    max_entries: int | None
    persist_dir: Path | None
    max_size: int | None
    background: bool


class CacheDataAPI:
    """``st.cache_data``: a decorator caching a function's return value by its arguments.

    Use ``rillet.cache_data`` (this class's one process-wide instance: caches
    are shared by every session, like Streamlit's). Tests make their own
    instance with a folder and a clock.

    Example:
        >>> cache = CacheDataAPI(persist_dir=Path("/tmp/demo-cache"), clock=lambda: 0.0)
        >>> @cache
        ... def load(n: int) -> list[int]:
        ...     return list(range(n))
    """

    def __init__(self, *, persist_dir: Path | None = None, clock: Clock = time.time) -> None:
        """Create a decorator with its own registry of caches.

        Args:
            persist_dir: Root folder for ``persist="disk"``; None uses
                `default_persist_root` (the CLI passes ``cache.persistDir``
                through `set_persist_dir`).
            clock: Wall-clock time in seconds, for time to live.
        """
        self._persist_root = persist_dir
        self._clock = clock
        self._registry: CacheRegistry[DataCache] = CacheRegistry()
        self._lock = threading.Lock()

    def set_persist_dir(self, persist_dir: Path | None) -> None:
        """Change the root folder of persisted caches (None restores the default).

        Applies to functions decorated afterwards, i.e. from the next script run.

        Example:
            >>> cache_data.set_persist_dir(Path("/srv/app/cache"))
        """
        with self._lock:
            self._persist_root = persist_dir

    @property
    def persist_root(self) -> Path:
        """The folder holding one sub-folder per persisted function."""
        with self._lock:
            root = self._persist_root
        return default_persist_root() if root is None else root

    @overload
    def __call__(
        self,
        func: Callable[P, R],
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: CachePersist = None,
        hash_funcs: HashFuncs | None = None,
        scope: CacheScope = "global",
        refresh_mode: RefreshMode = "foreground",
    ) -> CachedFunc[P, R]: ...

    @overload
    def __call__(
        self,
        func: None = None,
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: CachePersist = None,
        hash_funcs: HashFuncs | None = None,
        scope: CacheScope = "global",
        refresh_mode: RefreshMode = "foreground",
    ) -> CacheDecorator: ...

    def __call__(
        self,
        func: Callable[P, R] | None = None,
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        max_size: int | str | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        persist: CachePersist = None,
        hash_funcs: HashFuncs | None = None,
        scope: CacheScope = "global",
        refresh_mode: RefreshMode = "foreground",
    ) -> CachedFunc[P, R] | CacheDecorator:
        """Cache the return value of ``func``, keyed by its code and arguments.

        Each call with arguments seen before returns a copy of the stored
        value (a pickle round trip) instead of running the function. The key
        is built from the function's module, qualified name and source code,
        and from every argument (bound to the signature, so ``f(1)`` and
        ``f(x=1)`` match), except parameters whose names start with ``_``.

        Elements the function writes (``st.write``, an expander...) show
        again on every cache hit, where it is called; widgets do not.

        Args:
            func: The function to cache; omit it to get a decorator
                (``@cache_data(ttl="1h")``).
            ttl: How long an entry stays valid: seconds, a ``timedelta``, or a
                string like ``"30m"`` or ``"1d 2h"``. None keeps entries until cleared.
            max_entries: Most entries kept; the least recently used are dropped.
            show_spinner: Show a spinner while the function runs; a string is
                the spinner text.
            show_time: Show the elapsed time next to the spinner.
            persist: ``"disk"`` (or True) also stores entries as files so a
                restarted app finds them.
            hash_funcs: Custom hashers for argument types, by type or
                ``"module.ClassName"``.
            scope: ``"global"`` (shared by all sessions) or ``"session"``
                (entries private to the session that computed them).
            max_size: Most bytes of pickled values kept in memory for this
                function (an int, or ``"500MB"``, ``"1.5GiB"``; units are
                powers of 1024); the least recently used go first.
            refresh_mode: ``"foreground"`` recomputes an expired entry
                before returning; ``"background"`` returns the expired value
                (for at most one more ``ttl``) while a worker thread
                recomputes it. Background refresh needs a ``ttl`` and no
                ``persist``; the function must not use ``st.session_state``.

        Returns:
            The cached function (or a decorator making one).

        Raises:
            TypeError, ValueError: An argument is not accepted (the message
                says which and what is).
            UnhashableParamError: (when called) an argument cannot be hashed.
            UnserializableReturnValueError: (when called) the value cannot be pickled.

        Example:
            >>> import rillet as st
            >>> @st.cache_data(ttl="10m")
            ... def load(url: str) -> list[dict[str, str]]:
            ...     return fetch_rows(url)
            >>> rows = load("https://example.com/data.json")  # doctest: +SKIP
            >>> load.clear()
        """
        ttl_seconds = parse_ttl(ttl)
        check_common_arguments(
            max_entries=max_entries, show_spinner=show_spinner, hash_funcs=hash_funcs, scope=scope
        )
        if persist not in (None, False, True, "disk"):
            raise ValueError(f"persist must be 'disk', True, False or None, got {persist!r}")
        persisted = persist in (True, "disk")
        size_limit = parse_size(max_size)
        background = check_refresh_mode(refresh_mode, ttl_seconds)
        if background and persisted:
            raise ValueError(
                "refresh_mode='background' cannot be combined with persist: a value "
                "refreshed on a worker thread is not written to disk. Use one or the other."
            )
        if persisted and scope == "session":
            raise ValueError(
                "persist='disk' cannot be combined with scope='session': sessions do not "
                "outlive the process. Use one or the other."
            )

        def decorate(f: Callable[Q, T]) -> CachedFunc[Q, T]:
            if not callable(f):
                raise TypeError(f"cache_data expects a function to decorate, got {f!r}")
            key = function_key(f)
            name = getattr(f, "__qualname__", repr(f))
            persist_dir = self.persist_root / key if persisted else None
            settings = _Settings(ttl_seconds, max_entries, persist_dir, size_limit, background)
            cache = self._registry.get_or_create(
                key,
                settings,
                lambda: DataCache(
                    name,
                    ttl=ttl_seconds,
                    max_entries=max_entries,
                    persist_dir=persist_dir,
                    clock=self._clock,
                    max_size=size_limit,
                    background=background,
                ),
            )
            return CachedFunc(
                f,
                cache,
                function_key=key,
                hash_funcs=hash_funcs,
                show_spinner=show_spinner,
                show_time=show_time,
                scope=scope,
            )

        if func is None:
            return decorate
        return decorate(func)

    def clear(self) -> None:
        """Clear every ``cache_data`` function, including persisted files.

        When the persist folder was set explicitly (the CLI sets a per-app
        ``cache.persistDir``), every persisted file in it is removed, even
        those of functions not decorated yet in this process. The shared
        default folder is only cleared of this process's functions, so one
        app never wipes another's cache.

        Example:
            >>> import rillet as st
            >>> st.cache_data.clear()
        """
        for cache in self._registry.caches():
            cache.clear()
        with self._lock:
            root = self._persist_root
        if root is not None:
            DiskStore.clear_root(root)

    def clear_session(self, session_id: str) -> None:
        """Drop the ``scope="session"`` entries of a session that ended (for the runtime).

        Example:
            >>> cache_data.clear_session("3f2a9c")
        """
        for cache in self._registry.caches():
            cache.delete_session(session_id)

    def __repr__(self) -> str:
        return f"<cache_data: {len(self._registry)} cached function(s)>"


cache_data = CacheDataAPI()
"""``st.cache_data``. The process-wide instance: Streamlit shares data caches
across all sessions, so this is the one noted module-level singleton of the
caching package."""
