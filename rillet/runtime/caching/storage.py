"""Where cached values live: an in-memory LRU store and an on-disk store.

Both stores expire entries after a time to live measured with an injectable
clock, and evict the least recently used entry beyond ``max_entries``. Both
are thread-safe. `KeyLocks` lets a cache compute a missing entry once while
other threads asking for the same key wait.
"""

from __future__ import annotations

import contextlib
import enum
import logging
import os
import re
import struct
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, Literal, TypeVar

__all__ = ["MISSING", "DiskStore", "KeyLocks", "MemoryStore", "Missing"]

_LOGGER = logging.getLogger(__name__)

V = TypeVar("V")
Clock = Callable[[], float]


class Missing(enum.Enum):
    """The type of `MISSING`, returned by stores for absent or expired keys."""

    MISSING = enum.auto()


MISSING: Literal[Missing.MISSING] = Missing.MISSING


def _expired(stored_at: float, ttl: float | None, now: float) -> bool:
    return ttl is not None and now - stored_at >= ttl


@dataclass
class _Entry(Generic[V]):
    value: V
    stored_at: float


class MemoryStore(Generic[V]):
    """A thread-safe LRU mapping from key to value with an optional time to live.

    Example:
        >>> store: MemoryStore[str] = MemoryStore(max_entries=1)
        >>> store.set("a", "1"); store.set("b", "2")
        >>> store.get("a") is MISSING, store.get("b")
        (True, '2')
    """

    def __init__(
        self,
        *,
        ttl: float | None = None,
        max_entries: int | None = None,
        clock: Clock = time.time,
        max_bytes: int | None = None,
        size_of: Callable[[V], int] | None = None,
        on_drop: Callable[[V], None] | None = None,
    ) -> None:
        """Create an empty store.

        Args:
            ttl: Seconds an entry stays valid; None for no expiry.
            max_entries: Most entries kept; the least recently used go first.
            clock: Returns the current time in seconds (injectable for tests).
            max_bytes: Most bytes kept (by ``size_of``); the least recently
                used go first. A single larger value is kept alone.
            size_of: The size of a value in bytes, for ``max_bytes``.
            on_drop: Called with each value the store lets go of (evicted,
                expired, deleted or cleared), outside the store's lock.
        """
        self._ttl = ttl
        self._max_entries = max_entries
        self._max_bytes = max_bytes
        self._size_of = size_of
        self._on_drop = on_drop
        self._bytes = 0
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, _Entry[V]] = OrderedDict()

    def get_entry(self, key: str) -> tuple[V, float] | Missing:
        """The value and the time it was stored, or `MISSING` if absent or expired."""
        dropped: list[V] = []
        try:
            with self._lock:
                entry = self._entries.get(key)
                if entry is None:
                    return MISSING
                if _expired(entry.stored_at, self._ttl, self._clock()):
                    dropped.append(self._pop(key))
                    return MISSING
                self._entries.move_to_end(key)
                return entry.value, entry.stored_at
        finally:
            self._release(dropped)

    def get_stale(self, key: str, grace: float) -> tuple[V, bool] | Missing:
        """The value and whether it is fresh, kept up to ``grace`` seconds past its ttl.

        For refreshing in the background: an expired value is still served
        (and not dropped) while a new one is computed.
        """
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return MISSING
            age = self._clock() - entry.stored_at
            if self._ttl is not None and age >= self._ttl + grace:
                return MISSING
            self._entries.move_to_end(key)
            return entry.value, self._ttl is None or age < self._ttl

    def _pop(self, key: str) -> V:
        entry = self._entries.pop(key)
        if self._size_of is not None:
            self._bytes -= self._size_of(entry.value)
        return entry.value

    def _release(self, dropped: list[V]) -> None:
        if self._on_drop is None:
            return
        for value in dropped:
            try:
                self._on_drop(value)
            except Exception:
                _LOGGER.exception("a cache's on_release raised")

    def get(self, key: str) -> V | Missing:
        """The value, or `MISSING` if absent or expired."""
        found = self.get_entry(key)
        return MISSING if found is MISSING else found[0]

    def set(self, key: str, value: V, *, stored_at: float | None = None) -> None:
        """Store ``value``; ``stored_at`` (default: now) starts its time to live."""
        dropped: list[V] = []
        with self._lock:
            now = self._clock() if stored_at is None else stored_at
            if key in self._entries:
                old = self._pop(key)
                if old is not value:
                    dropped.append(old)
            self._entries[key] = _Entry(value, now)
            if self._size_of is not None:
                self._bytes += self._size_of(value)
            while self._max_entries is not None and len(self._entries) > self._max_entries:
                dropped.append(self._pop(next(iter(self._entries))))
            while (
                self._max_bytes is not None
                and self._bytes > self._max_bytes
                and len(self._entries) > 1
            ):
                dropped.append(self._pop(next(iter(self._entries))))
            if self._max_bytes is not None and self._bytes > self._max_bytes:
                _LOGGER.warning(
                    "A cached value of %d bytes is larger than the cache's max_size of %d "
                    "bytes; it is kept alone until the next value replaces it.",
                    self._bytes,
                    self._max_bytes,
                )
        self._release(dropped)

    def delete(self, key: str) -> bool:
        """Remove one entry; returns whether it was there."""
        with self._lock:
            if key not in self._entries:
                return False
            dropped = [self._pop(key)]
        self._release(dropped)
        return True

    def delete_where(self, predicate: Callable[[str], bool]) -> int:
        """Remove the entries whose key matches; returns how many."""
        with self._lock:
            dropped = [self._pop(k) for k in [k for k in self._entries if predicate(k)]]
        self._release(dropped)
        return len(dropped)

    def clear(self) -> None:
        """Remove every entry."""
        with self._lock:
            dropped = [entry.value for entry in self._entries.values()]
            self._entries.clear()
            self._bytes = 0
        self._release(dropped)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)


# File layout: magic, the time the value was stored (big-endian double), pickle bytes.
_MAGIC = b"RLC1"
_HEADER = struct.Struct("!d")
_KEY = re.compile(r"[0-9a-f]{8,128}")


class DiskStore:
    """Pickled values in files under one folder, written atomically.

    Each entry is ``<folder>/<key>.rillet-cache``. A write goes to a temporary
    file in the same folder which is then renamed over the entry
    (`os.replace`), so a reader never sees half a file, even from another
    process. The store time is kept inside the file so the time to live
    survives restarts; the file's modification time tracks recent use for
    ``max_entries``.

    Security: the files are unpickled when read, so the folder must be
    writable only by the user running the app (the default, under the
    user's cache folder, is).

    Example:
        >>> store = DiskStore(Path("/tmp/rillet-demo"))
        >>> store.set("ab12cd34", b"payload")
        >>> store.get("ab12cd34")[0]
        b'payload'
    """

    SUFFIX = ".rillet-cache"

    def __init__(
        self,
        directory: Path,
        *,
        ttl: float | None = None,
        max_entries: int | None = None,
        clock: Clock = time.time,
    ) -> None:
        """Create a store in ``directory`` (made on the first write).

        Args:
            directory: The folder holding this store's files only.
            ttl: Seconds an entry stays valid; None for no expiry.
            max_entries: Most files kept; the least recently used go first.
            clock: Returns the current wall-clock time in seconds.
        """
        self.directory = directory
        self._ttl = ttl
        self._max_entries = max_entries
        self._clock = clock
        self._lock = threading.Lock()

    def _path(self, key: str) -> Path:
        if not _KEY.fullmatch(key):
            raise ValueError(f"DiskStore keys are lowercase hex digests, got {key!r}")
        return self.directory / f"{key}{self.SUFFIX}"

    def get(self, key: str) -> tuple[bytes, float] | Missing:
        """The stored bytes and store time, or `MISSING` if absent, expired or corrupt."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return MISSING
        header_end = len(_MAGIC) + _HEADER.size
        if len(data) < header_end or not data.startswith(_MAGIC):
            _LOGGER.warning("Removing unreadable cache file %s", path)
            self._unlink(path)
            return MISSING
        (stored_at,) = _HEADER.unpack_from(data, len(_MAGIC))
        if _expired(stored_at, self._ttl, self._clock()):
            self._unlink(path)
            return MISSING
        with contextlib.suppress(OSError):
            os.utime(path)  # mark as recently used
        return data[header_end:], stored_at

    def set(self, key: str, data: bytes, *, stored_at: float | None = None) -> None:
        """Write ``data`` atomically; ``stored_at`` (default: now) starts its time to live."""
        import tempfile  # only persisted caches write files

        path = self._path(key)
        now = self._clock() if stored_at is None else stored_at
        self.directory.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=self.SUFFIX)
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(_MAGIC + _HEADER.pack(now) + data)
            os.replace(temp, path)
        except BaseException:
            self._unlink(Path(temp))
            raise
        if self._max_entries is not None:
            self._evict(self._max_entries)

    def _entries(self) -> list[Path]:
        try:
            return [
                p
                for p in self.directory.iterdir()
                if p.name.endswith(self.SUFFIX) and not p.name.startswith(".tmp-")
            ]
        except OSError:
            return []

    def _evict(self, keep: int) -> None:
        with self._lock:
            entries = self._entries()
            if len(entries) <= keep:
                return
            aged: list[tuple[float, Path]] = []
            for path in entries:
                with contextlib.suppress(OSError):
                    aged.append((path.stat().st_mtime, path))
            aged.sort()
            for _, path in aged[: len(aged) - keep]:
                self._unlink(path)

    def delete(self, key: str) -> bool:
        """Remove one entry; returns whether it was there."""
        return self._unlink(self._path(key))

    def clear(self) -> None:
        """Remove every entry of this store, and the folder if it is then empty."""
        for path in self._entries():
            self._unlink(path)
        with contextlib.suppress(OSError):
            self.directory.rmdir()

    def __len__(self) -> int:
        return len(self._entries())

    @staticmethod
    def _unlink(path: Path) -> bool:
        try:
            path.unlink()
        except OSError:
            return False
        return True

    @classmethod
    def clear_root(cls, root: Path) -> None:
        """Remove every store's files under ``root`` (one folder per store).

        Only files with this store's suffix are deleted, so a misconfigured
        root never loses unrelated files.

        Example:
            >>> DiskStore.clear_root(Path("/tmp/rillet-demo-root"))
        """
        try:
            folders = [p for p in root.iterdir() if p.is_dir()]
        except OSError:
            return
        for folder in folders:
            cls(folder).clear()


@dataclass
class _KeyLock:
    lock: threading.RLock = field(default_factory=threading.RLock)
    users: int = 0


class KeyLocks:
    """One re-entrant lock per key, dropped when no thread holds or awaits it.

    Example:
        >>> locks = KeyLocks()
        >>> with locks.hold("k"):
        ...     pass
    """

    def __init__(self) -> None:
        """Create an empty set of locks."""
        self._guard = threading.Lock()
        self._locks: dict[str, _KeyLock] = {}

    @contextlib.contextmanager
    def hold(self, key: str) -> Iterator[None]:
        """Hold the lock for ``key`` for the duration of the ``with`` block."""
        with self._guard:
            entry = self._locks.setdefault(key, _KeyLock())
            entry.users += 1
        try:
            with entry.lock:
                yield
        finally:
            with self._guard:
                entry.users -= 1
                if entry.users == 0:
                    del self._locks[key]
