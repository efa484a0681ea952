"""The callable a cache decorator returns, and what both decorators share.

A `CachedFunc` turns a call into a key (the function's identity plus its
hashed arguments) and asks its cache for the value, computing it on a miss.
The caches themselves live in a `CacheRegistry` keyed by the function's
identity, so that the fresh function object created by every script rerun
finds the entries of the previous runs.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import inspect
import threading
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any, Generic, Literal, ParamSpec, Protocol, TypeVar, cast

from rillet.runtime.caching import replay
from rillet.runtime.caching.hashing import (
    HashFuncs,
    UnhashableParamError,
    UnhashableTypeError,
    hash_value,
)

__all__ = [
    "CacheDecorator",
    "CacheRegistry",
    "CacheScope",
    "CachedFunc",
    "FunctionCache",
    "SpinnerHook",
]

P = ParamSpec("P")
R = TypeVar("R")
R_co = TypeVar("R_co", covariant=True)
C = TypeVar("C", bound="FunctionCache")

CacheScope = Literal["global", "session"]

# The runtime module that may provide the spinner and the current session.
_CONTEXT_MODULE = "rillet.runtime.context"


class FunctionCache(Protocol):
    """The entries of one cached function (a `DataCache` or `ResourceCache`)."""

    def get_or_compute(self, key: str, compute: Callable[[], Any]) -> Any:
        """The value for ``key``, computing and storing it on a miss."""

    def delete(self, key: str) -> None:
        """Remove one entry."""

    def delete_session(self, session_id: str) -> None:
        """Remove the entries of one session (``scope="session"``)."""

    def clear(self) -> None:
        """Remove every entry."""


class SpinnerHook(Protocol):
    """What ``rillet.runtime.context.spinner_for_cache`` must look like.

    Called on a cache miss with the spinner text; the returned context
    manager shows the spinner while the function runs.
    """

    def __call__(self, text: str, *, show_time: bool = False) -> AbstractContextManager[object]:
        """Show ``text`` with a spinner until the block ends."""


class CacheDecorator(Protocol):
    """What ``cache_data(ttl=...)`` returns: a decorator keeping the signature."""

    def __call__(self, func: Callable[P, R_co], /) -> CachedFunc[P, R_co]:
        """Wrap ``func``."""


def _context_attr(name: str) -> Any:
    # The runtime is optional here: caching works (without spinner or
    # sessions) when no script run is active or the runtime is not built.
    try:
        module = importlib.import_module(_CONTEXT_MODULE)
        return getattr(module, name)
    except (ImportError, AttributeError):
        return None


def _spinner(text: str, show_time: bool) -> AbstractContextManager[object]:
    hook = cast("SpinnerHook | None", _context_attr("spinner_for_cache"))
    if hook is None:
        return contextlib.nullcontext()
    return hook(text, show_time=True) if show_time else hook(text)


def current_session_id() -> str | None:
    """The id of the session whose script is running on this thread, if any.

    Example:
        >>> current_session_id() is None  # outside a script run
        True
    """
    get_or_none = _context_attr("get_or_none")
    if get_or_none is None:
        return None
    ctx = get_or_none()
    session_id = getattr(ctx, "session_id", None)
    return session_id if isinstance(session_id, str) else None


def session_prefix(session_id: str) -> str:
    """The key prefix of one session's entries (keys stay lowercase hex)."""
    return hashlib.blake2b(session_id.encode(), digest_size=8).hexdigest()


def session_key_filter(session_id: str) -> Callable[[str], bool]:
    """Matches the keys of one session's entries (for ``delete_session``)."""
    prefix = session_prefix(session_id)
    # Global keys are 32 hex digits; session keys are the 16-digit prefix + 32.
    return lambda key: len(key) == len(prefix) + 32 and key.startswith(prefix)


def check_common_arguments(
    *,
    max_entries: int | None,
    show_spinner: bool | str,
    hash_funcs: HashFuncs | None,
    scope: str,
) -> None:
    """Validate the arguments both decorators share, naming the bad one.

    Raises:
        TypeError, ValueError: An argument has the wrong type or value.

    Example:
        >>> check_common_arguments(max_entries=0, show_spinner=True, hash_funcs=None, scope="global")
        Traceback (most recent call last):
        ...
        ValueError: max_entries must be None (no limit) or an int >= 1, got 0
    """
    if max_entries is not None and (
        isinstance(max_entries, bool) or not isinstance(max_entries, int) or max_entries < 1
    ):
        raise ValueError(f"max_entries must be None (no limit) or an int >= 1, got {max_entries!r}")
    if not isinstance(show_spinner, (bool, str)):
        raise TypeError(
            f"show_spinner must be True, False or the spinner text (a str), got {show_spinner!r}"
        )
    if hash_funcs is not None:
        if not isinstance(hash_funcs, Mapping):
            raise TypeError(
                f"hash_funcs must be a dict mapping a type (or 'module.ClassName') to a function, "
                f"got {hash_funcs!r}"
            )
        for key, func in hash_funcs.items():
            if not isinstance(key, (type, str)) or not callable(func):
                raise TypeError(
                    f"hash_funcs must map a type (or 'module.ClassName') to a function, "
                    f"got the entry {key!r}: {func!r}"
                )
    if scope not in ("global", "session"):
        raise ValueError(f"scope must be 'global' or 'session', got {scope!r}")


class CacheRegistry(Generic[C]):
    """The caches of one decorator kind, by function identity.

    Example:
        >>> registry: CacheRegistry[DataCache] = CacheRegistry()
        >>> len(registry)
        0
    """

    def __init__(self) -> None:
        """Create an empty registry."""
        self._lock = threading.Lock()
        self._caches: dict[str, tuple[object, C]] = {}

    def get_or_create(self, function_key: str, settings: object, factory: Callable[[], C]) -> C:
        """The cache for a function, made anew if its settings changed.

        Args:
            function_key: See `rillet.runtime.caching.hashing.function_key`.
            settings: Comparable settings (ttl, max_entries, ...); a change
                starts a fresh cache.
            factory: Builds the cache when needed.
        """
        with self._lock:
            found = self._caches.get(function_key)
            if found is not None and found[0] == settings:
                return found[1]
            cache = factory()
            self._caches[function_key] = (settings, cache)
            return cache

    def caches(self) -> list[C]:
        """Every registered cache."""
        with self._lock:
            return [cache for _, cache in self._caches.values()]

    def __len__(self) -> int:
        with self._lock:
            return len(self._caches)


class CachedFunc(Generic[P, R]):
    """A function whose results are cached; call it like the original.

    Made by ``st.cache_data`` and ``st.cache_resource``; see their docs.
    ``clear()`` empties this function's cache and ``clear(*args, **kwargs)``
    removes only the entry for those arguments.

    Example:
        >>> from rillet import cache_data
        >>> @cache_data
        ... def square(x: int) -> int:
        ...     return x * x
        >>> square(3)
        9
        >>> square.clear(3)
    """

    # Copied from the wrapped function by functools.update_wrapper.
    __name__: str
    __qualname__: str
    __wrapped__: Callable[P, R]

    def __init__(
        self,
        func: Callable[P, R],
        cache: FunctionCache,
        *,
        function_key: str,
        hash_funcs: HashFuncs | None,
        show_spinner: bool | str,
        show_time: bool = False,
        scope: CacheScope = "global",
    ) -> None:
        """Wrap ``func`` around ``cache``; see the decorators for the arguments."""
        self._func = func
        self._cache = cache
        self._function_key = function_key
        self._hash_funcs = hash_funcs
        self._scope = scope
        self._show_time = show_time
        self._name = getattr(func, "__qualname__", repr(func))
        if isinstance(show_spinner, str):
            self._spinner_text: str | None = show_spinner
        else:
            self._spinner_text = f"Running `{self._name}(...)`." if show_spinner else None
        try:
            self._signature: inspect.Signature | None = inspect.signature(func)
        except (TypeError, ValueError):
            self._signature = None
        functools.update_wrapper(self, func)

    @property
    def function_key(self) -> str:
        """The hex identity of the wrapped function (module, name, source)."""
        return self._function_key

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        key = self._key(args, kwargs)
        written = f"{self._function_key}:{key}"
        computed = False

        def compute() -> R:
            nonlocal computed
            computed = True
            with replay.recording(written):
                if self._spinner_text is None:
                    return self._func(*args, **kwargs)
                with _spinner(self._spinner_text, self._show_time):
                    return self._func(*args, **kwargs)

        value = cast(R, self._cache.get_or_compute(key, compute))
        if not computed:  # a hit: show again what the function wrote when it ran
            replay.replay(written)
        return value

    def clear(self, *args: Any, **kwargs: Any) -> None:
        """Clear this function's cache, or only the entry for the given arguments.

        Example:
            >>> from rillet import cache_data
            >>> square = cache_data(lambda x: x * x)
            >>> square.clear()      # every entry
            >>> square.clear(3)     # only square(3)
        """
        if not args and not kwargs:
            self._cache.clear()
            replay.forget(self._function_key)
        else:
            self._cache.delete(self._key(args, kwargs))

    def __get__(self, instance: object, owner: type[Any] | None = None) -> Any:
        # Decorating a method: bind like a function would.
        if instance is None:
            return self
        return _BoundCachedFunc(self, instance)

    def __repr__(self) -> str:
        return f"<cached function {self._name}>"

    def _arguments(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[tuple[str, Any]]:
        if self._signature is None:
            named = [(f"#{i}", a) for i, a in enumerate(args)]
            return named + sorted(kwargs.items())
        bound = self._signature.bind(*args, **kwargs)
        bound.apply_defaults()
        result: list[tuple[str, Any]] = []
        for name, value in bound.arguments.items():
            kind = self._signature.parameters[name].kind
            if kind is inspect.Parameter.VAR_KEYWORD:
                result.extend(sorted(value.items()))
            else:
                result.append((name, value))
        return result

    def _key(self, args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
        h = hashlib.blake2b(self._function_key.encode(), digest_size=16)
        for name, value in self._arguments(args, kwargs):
            if name.startswith("_"):
                continue  # Streamlit's rule: underscore parameters are not hashed.
            try:
                digest = hash_value(value, self._hash_funcs)
            except UnhashableTypeError as exc:
                raise UnhashableParamError(self._name, name, type(value), exc.reason) from exc
            h.update(name.encode() + b"\0" + digest)
        key = h.hexdigest()
        if self._scope == "session":
            session_id = current_session_id()
            if session_id is not None:
                key = session_prefix(session_id) + key
        return key


class _BoundCachedFunc:
    def __init__(self, cached: CachedFunc[..., Any], instance: object) -> None:
        self._cached = cached
        self._instance = instance
        functools.update_wrapper(self, cached)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._cached(self._instance, *args, **kwargs)

    def clear(self, *args: Any, **kwargs: Any) -> None:
        if not args and not kwargs:
            self._cached.clear()
        else:
            self._cached.clear(self._instance, *args, **kwargs)
