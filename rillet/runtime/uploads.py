"""Uploaded-file storage, and the ``UploadedFile`` a script receives.

Uploads arrive over HTTP (``PUT /_rillet/upload/<session>/<file>``) before
the rerun that reads them, possibly on another replica; the storage is one
small interface so a shared store can stand in for the in-memory one.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True)
class UploadRecord:
    """One uploaded file as stored."""

    file_id: str
    name: str
    type: str
    data: bytes


class UploadStorage(Protocol):
    """Where uploaded bytes wait for the script."""

    def add(self, session_id: str, file_id: str, name: str, mimetype: str, data: bytes) -> None:
        """Store one upload of ``session_id``."""
        ...

    def get(self, session_id: str, file_id: str) -> UploadRecord | None:
        """Return the upload, or ``None`` when unknown."""
        ...

    def remove(self, session_id: str, file_id: str) -> bool:
        """Forget one upload; ``False`` when it was unknown."""
        ...

    def clear(self, session_id: str) -> None:
        """Forget every upload of a closed session, and the session itself."""
        ...

    def register_session(self, session_id: str) -> None:
        """A session started: accept uploads for it until :meth:`clear`."""
        ...

    def has_session(self, session_id: str) -> bool:
        """Whether ``session_id`` is a live session (of any replica sharing this storage)."""
        ...


class InMemoryUploadStorage:
    """Uploads kept in this process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._files: dict[tuple[str, str], UploadRecord] = {}
        self._sessions: set[str] = set()

    def add(self, session_id: str, file_id: str, name: str, mimetype: str, data: bytes) -> None:
        with self._lock:
            self._files[(session_id, file_id)] = UploadRecord(file_id, name, mimetype, data)

    def get(self, session_id: str, file_id: str) -> UploadRecord | None:
        with self._lock:
            return self._files.get((session_id, file_id))

    def remove(self, session_id: str, file_id: str) -> bool:
        with self._lock:
            return self._files.pop((session_id, file_id), None) is not None

    def clear(self, session_id: str) -> None:
        with self._lock:
            self._sessions.discard(session_id)
            for key in [k for k in self._files if k[0] == session_id]:
                del self._files[key]

    def register_session(self, session_id: str) -> None:
        with self._lock:
            self._sessions.add(session_id)

    def has_session(self, session_id: str) -> bool:
        with self._lock:
            return session_id in self._sessions


class UploadedFile(io.BytesIO):
    """A file the user uploaded: a ``BytesIO`` with its name and type.

    Example:
        >>> f = UploadedFile(UploadRecord("1", "a.csv", "text/csv", b"x,y"))
        >>> f.name, f.type, f.size, f.read()
        ('a.csv', 'text/csv', 3, b'x,y')
    """

    def __init__(self, record: UploadRecord, path: Path | None = None) -> None:
        super().__init__(record.data)
        self.file_id = record.file_id
        self.name = record.name
        self.type = record.type
        self.size = len(record.data)
        # Desktop only: where the file really lives on disk.
        self.path = path

    def __eq__(self, other: object) -> bool:
        return isinstance(other, UploadedFile) and other.file_id == self.file_id

    def __hash__(self) -> int:
        return hash(self.file_id)

    def __repr__(self) -> str:
        return f"UploadedFile(file_id={self.file_id!r}, name={self.name!r}, type={self.type!r}, size={self.size})"
