"""Media file storage: image, audio and video bytes under content-hash ids.

Media is fetched over plain HTTP (``/media/<id>``) with no session context,
so the storage is one small interface: in memory by default, a shared store
when several replicas serve one app. Ids are content hashes, so the same
bytes written by many sessions are stored once and may be cached forever.
"""

from __future__ import annotations

import hashlib
import mimetypes
import threading
from dataclasses import dataclass
from typing import Protocol

MEDIA_PREFIX = "/media/"


@dataclass(frozen=True)
class MediaFile:
    """One stored media file."""

    data: bytes
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

    def retain(self, owner: str, file_ids: set[str]) -> None:
        """Declare the ids ``owner`` (a session) still shows; release the rest."""
        ...


def media_id(data: bytes, mimetype: str) -> str:
    """The content-hash id of ``data``, with an extension for its type."""
    digest = hashlib.blake2b(data, digest_size=16)
    digest.update(mimetype.encode())
    ext = mimetypes.guess_extension(mimetype) or ""
    return digest.hexdigest() + ext


def media_url(file_id: str) -> str:
    return MEDIA_PREFIX + file_id


class InMemoryMediaStorage:
    """Media kept in this process while some session still shows it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._files: dict[str, MediaFile] = {}
        self._owners: dict[str, set[str]] = {}

    def add(self, data: bytes, mimetype: str, filename: str | None = None) -> str:
        file_id = media_id(data, mimetype)
        with self._lock:
            if file_id not in self._files:
                self._files[file_id] = MediaFile(data, mimetype, filename)
        return file_id

    def get(self, file_id: str) -> MediaFile | None:
        with self._lock:
            return self._files.get(file_id)

    def retain(self, owner: str, file_ids: set[str]) -> None:
        with self._lock:
            if file_ids:
                self._owners[owner] = set(file_ids)
            else:
                self._owners.pop(owner, None)
            live = set().union(*self._owners.values()) if self._owners else set()
            for file_id in [f for f in self._files if f not in live]:
                del self._files[file_id]
