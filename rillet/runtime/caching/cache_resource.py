"""``st.cache_resource``: cache a function's return value, share the same object.

For things that should exist once per process (or per session with
``scope="session"``): database connections, ML models, HTTP clients. Every
caller gets the very same object, so it must be safe to share across threads.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
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
from rillet.runtime.caching.storage import MISSING, Clock, KeyLocks, MemoryStore
from rillet.runtime.caching.ttl import parse_ttl

__all__ = ["CacheResourceAPI", "ResourceCache", "ValidateFunc", "cache_resource"]

P = ParamSpec("P")
R = TypeVar("R")
Q = ParamSpec("Q")
T = TypeVar("T")

ValidateFunc = Callable[[Any], bool]


RefreshMode = Literal["foreground", "background"]


class ResourceCache:
    """The entries of one ``cache_resource`` function: shared objects in memory.

    A missing entry is computed once: concurrent callers with the same key
    wait for the first one and then share its result.

    Example:
        >>> cache = ResourceCache(ttl=None, max_entries=None, validate=None)
        >>> a = cache.get_or_compute("ab12cd34", object)
        >>> cache.get_or_compute("ab12cd34", object) is a
        True
    """

    def __init__(
        self,
        *,
        ttl: float | None,
        max_entries: int | None,
        validate: ValidateFunc | None,
        clock: Clock = time.time,
        on_release: Callable[[Any], None] | None = None,
        background: bool = False,
    ) -> None:
        """Create an empty cache.

        Args:
            ttl: Seconds an entry stays valid; None for no expiry.
            max_entries: Most entries kept (least recently used go first).
            validate: Called with a cached value before it is returned; when
                it returns False the value is dropped and computed again.
            clock: Time in seconds (injectable for tests).
            on_release: Called with each object the cache lets go of.
            background: Serve an expired object for one more ``ttl`` while a
                worker thread makes its replacement.
        """
        self._ttl = ttl
        self._memory: MemoryStore[Any] = MemoryStore(
            ttl=ttl, max_entries=max_entries, clock=clock, on_drop=self._released
        )
        self.on_release = on_release
        self.validate = validate
        self._locks = KeyLocks()
        self._refresher = BackgroundRefresher() if background else None

    def _released(self, value: Any) -> None:
        if self.on_release is not None:
            self.on_release(value)

    def _lookup(self, key: str) -> Any:
        found = self._memory.get(key)
        validate = self.validate
        if found is MISSING or validate is None or validate(found):
            return found
        self._memory.delete(key)
        return MISSING

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Any:
        """The shared value for ``key``, computing it once on a miss."""
        if self._refresher is not None:
            stale = self._memory.get_stale(key, grace=self._ttl or 0.0)
            if stale is not MISSING:
                value, fresh = stale
                if not fresh:
                    self._refresher.start(key, lambda: self._memory.set(key, compute()))
                return value
        found = self._lookup(key)
        if found is not MISSING:
            return found
        with self._locks.hold(key):
            found = self._lookup(key)
            if found is not MISSING:
                return found
            value = compute()
            self._memory.set(key, value)
            return value

    def delete(self, key: str) -> None:
        """Remove one entry."""
        self._memory.delete(key)

    def delete_session(self, session_id: str) -> None:
        """Remove the entries of one session (``scope="session"``)."""
        self._memory.delete_where(session_key_filter(session_id))

    def clear(self) -> None:
        """Remove every entry."""
        self._memory.clear()

    def __len__(self) -> int:
        return len(self._memory)


@dataclass(frozen=True)
class _Settings:
    ttl: float | None
    max_entries: int | None
    background: bool


class CacheResourceAPI:
    """``st.cache_resource``: a decorator sharing one result object per set of arguments.

    Use ``rillet.cache_resource`` (this class's one process-wide instance).
    Tests make their own instance with a clock.

    Example:
        >>> cache = CacheResourceAPI(clock=lambda: 0.0)
        >>> @cache
        ... def client() -> object:
        ...     return object()
    """

    def __init__(self, *, clock: Clock = time.time) -> None:
        """Create a decorator with its own registry of caches.

        Args:
            clock: Time in seconds, for time to live.
        """
        self._clock = clock
        self._registry: CacheRegistry[ResourceCache] = CacheRegistry()

    @overload
    def __call__(
        self,
        func: Callable[P, R],
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: ValidateFunc | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], None] | None = None,
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
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: ValidateFunc | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], None] | None = None,
        scope: CacheScope = "global",
        refresh_mode: RefreshMode = "foreground",
    ) -> CacheDecorator: ...

    def __call__(
        self,
        func: Callable[P, R] | None = None,
        *,
        ttl: float | timedelta | str | None = None,
        max_entries: int | None = None,
        show_spinner: bool | str = True,
        show_time: bool = False,
        validate: ValidateFunc | None = None,
        hash_funcs: HashFuncs | None = None,
        on_release: Callable[[Any], None] | None = None,
        scope: CacheScope = "global",
        refresh_mode: RefreshMode = "foreground",
    ) -> CachedFunc[P, R] | CacheDecorator:
        """Cache the object ``func`` returns and hand the same object to every caller.

        The key is built as for ``cache_data`` (function module, name and
        source, plus the arguments except ``_``-prefixed parameters). The
        value is not copied: mutations are seen by every session, so cached
        resources must be thread-safe. Concurrent first calls with the same
        arguments run the function once.

        Elements the function writes (``st.write``, an expander...) show
        again on every cache hit, where it is called; widgets do not.

        Args:
            func: The function to cache; omit it to get a decorator.
            ttl: How long an entry stays valid: seconds, a ``timedelta``, or a
                string like ``"30m"`` or ``"1d 2h"``. None keeps it until cleared.
            max_entries: Most entries kept; the least recently used are dropped.
            show_spinner: Show a spinner while the function runs; a string is
                the spinner text.
            show_time: Show the elapsed time next to the spinner.
            validate: Called with the cached object on each hit; returning
                False discards it and runs the function again (e.g. a closed
                connection).
            hash_funcs: Custom hashers for argument types, by type or
                ``"module.ClassName"``.
            on_release: Called with each object the cache lets go of (an
                expired, evicted, cleared or replaced one, or a session's
                when it ends with ``scope="session"``): close it there.
                It may run on any thread.
            scope: ``"global"`` (shared by all sessions) or ``"session"``.
            refresh_mode: ``"foreground"`` makes a new object when the old
                one expires before returning; ``"background"`` returns the
                expired one (for at most one more ``ttl``) while a worker
                thread makes its replacement. Needs a ``ttl``.

        Returns:
            The cached function (or a decorator making one).

        Raises:
            TypeError, ValueError: An argument is not accepted.
            UnhashableParamError: (when called) an argument cannot be hashed.

        Example:
            >>> import sqlite3
            >>> import rillet as st
            >>> @st.cache_resource(validate=lambda conn: conn.total_changes >= 0)
            ... def connect(path: str) -> sqlite3.Connection:
            ...     return sqlite3.connect(path, check_same_thread=False)
            >>> connect(":memory:") is connect(":memory:")
            True
        """
        ttl_seconds = parse_ttl(ttl)
        check_common_arguments(
            max_entries=max_entries, show_spinner=show_spinner, hash_funcs=hash_funcs, scope=scope
        )
        background = check_refresh_mode(refresh_mode, ttl_seconds)
        if on_release is not None and not callable(on_release):
            raise TypeError(
                f"on_release must be None or a function taking the released object, "
                f"got {on_release!r}"
            )
        if validate is not None and not callable(validate):
            raise TypeError(
                f"validate must be None or a function taking the cached value and returning "
                f"a bool, got {validate!r}"
            )

        def decorate(f: Callable[Q, T]) -> CachedFunc[Q, T]:
            if not callable(f):
                raise TypeError(f"cache_resource expects a function to decorate, got {f!r}")
            key = function_key(f)
            # validate is not a setting: a lambda is a new object on every rerun.
            settings = _Settings(ttl_seconds, max_entries, background)
            cache = self._registry.get_or_create(
                key,
                settings,
                lambda: ResourceCache(
                    ttl=ttl_seconds,
                    max_entries=max_entries,
                    validate=validate,
                    clock=self._clock,
                    background=background,
                ),
            )
            cache.validate = validate
            cache.on_release = on_release
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
        """Clear every ``cache_resource`` function.

        Example:
            >>> import rillet as st
            >>> st.cache_resource.clear()
        """
        for cache in self._registry.caches():
            cache.clear()

    def clear_session(self, session_id: str) -> None:
        """Drop the ``scope="session"`` entries of a session that ended (for the runtime).

        Example:
            >>> cache_resource.clear_session("3f2a9c")
        """
        for cache in self._registry.caches():
            cache.delete_session(session_id)

    def __repr__(self) -> str:
        return f"<cache_resource: {len(self._registry)} cached function(s)>"


cache_resource = CacheResourceAPI()
"""``st.cache_resource``. The process-wide instance: resources are shared by
every session, so this is one of the caching package's noted module-level
singletons."""
