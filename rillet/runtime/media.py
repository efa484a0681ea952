"""Media file storage: image, audio and video bytes under content-hash ids.

Media is fetched over plain HTTP (``/media/<id>``) with no session context,
so the storage is one small interface: in memory by default, a shared store
when several replicas serve one app. Ids are content hashes, so the same
bytes written by many sessions are stored once and may be cached forever.
A video player asks for many byte ranges of one file: :meth:`MediaStorage.read`
reads just the range, so a shared store never sends the whole file for one.
"""

from __future__ import annotations

import mimetypes
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from rillet.runtime.digest import blake2b

MEDIA_PREFIX = "/media/"


@dataclass(frozen=True)
class MediaFile:
    """One stored media file."""

    data: bytes
    mimetype: str
    filename: str | None = None


@dataclass(frozen=True)
class MediaInfo:
    """What an HTTP response needs to know of a media file before its bytes."""

    size: int
    mimetype: str
    filename: str | None = None


class MediaStorage(Protocol):
    """Where media bytes live between the script run and the HTTP request."""

    def add(self, data: bytes, mimetype: str, filename: str | None = None) -> str:
        """Store ``data``; return its id (content hash plus extension)."""
        ...

    def get(self, file_id: str) -> MediaFile | None:
        """Return the file, or ``None`` when the id is unknown or released."""
        ...

    def info(self, file_id: str) -> MediaInfo | None:
        """The file's size, type and name, or ``None`` when the id is unknown or released."""
        ...

    def read(self, file_id: str, first: int, last: int) -> bytes | None:
        """Bytes ``first`` to ``last`` (inclusive, as in HTTP ranges) of the file, or ``None``."""
        ...

    def retain(self, owner: str, file_ids: set[str]) -> None:
        """Declare the ids ``owner`` (a session) still shows; release the rest."""
        ...


def media_id(data: bytes, mimetype: str) -> str:
    """The content-hash id of ``data``, with an extension for its type."""
    digest = blake2b(data, digest_size=16)
    digest.update(mimetype.encode())
    ext = mimetypes.guess_extension(mimetype) or ""
    return digest.hexdigest() + ext


def media_url(file_id: str) -> str:
    return MEDIA_PREFIX + file_id


class InMemoryMediaStorage:
    """Media kept in this process while some session still shows it.

    A file added by a run that has not finished yet belongs to nobody until
    its session calls :meth:`retain`; meanwhile another session's retain must
    not sweep it away. Such pending files are kept for ``pending_seconds``
    (a run interrupted before it retained them is then cleaned up).
    """

    def __init__(
        self, *, pending_seconds: float = 120.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._lock = threading.Lock()
        self._files: dict[str, MediaFile] = {}
        self._owners: dict[str, set[str]] = {}
        # How many owners show each file: a retain costs what changed for its
        # owner, not a pass over every session's files.
        self._shown_by: dict[str, int] = {}
        self._pending: dict[str, float] = {}
        self._pending_seconds = pending_seconds
        self._clock = clock

    def add(self, data: bytes, mimetype: str, filename: str | None = None) -> str:
        file_id = media_id(data, mimetype)
        with self._lock:
            if file_id not in self._files:
                self._files[file_id] = MediaFile(data, mimetype, filename)
            if file_id not in self._shown_by:
                self._pending[file_id] = self._clock()
        return file_id

    def get(self, file_id: str) -> MediaFile | None:
        with self._lock:
            return self._files.get(file_id)

    def info(self, file_id: str) -> MediaInfo | None:
        with self._lock:
            file = self._files.get(file_id)
        return None if file is None else MediaInfo(len(file.data), file.mimetype, file.filename)

    def read(self, file_id: str, first: int, last: int) -> bytes | None:
        with self._lock:
            file = self._files.get(file_id)
        return None if file is None else file.data[first : last + 1]

    def retain(self, owner: str, file_ids: set[str]) -> None:
        with self._lock:
            before = self._owners.pop(owner, set())
            if file_ids:
                self._owners[owner] = set(file_ids)
            for file_id in file_ids - before:
                self._shown_by[file_id] = self._shown_by.get(file_id, 0) + 1
                self._pending.pop(file_id, None)
            unshown = []
            for file_id in before - file_ids:
                count = self._shown_by.pop(file_id) - 1
                if count:
                    self._shown_by[file_id] = count
                else:
                    unshown.append(file_id)
            now = self._clock()
            for file_id, added in list(self._pending.items()):
                if now - added >= self._pending_seconds:
                    del self._pending[file_id]
                    unshown.append(file_id)
            for file_id in unshown:
                if file_id not in self._shown_by and file_id not in self._pending:
                    self._files.pop(file_id, None)
