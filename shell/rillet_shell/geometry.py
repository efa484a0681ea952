"""Where each app's window was, so the next launch opens it there again.

One JSON file, ``windows.json`` under platformdirs' ``user_state_dir("rillet")``,
maps an app key (a hash of the script's absolute path) to its last size,
position and maximized flag. It is rewritten whole into a temporary file and
renamed over the old one, so a crash mid-write never leaves half a file; a
file that cannot be read is treated as empty rather than stopping the app.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
import tempfile
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# Smaller than this is a window the user cannot use; don't bring it back.
MIN_WIDTH = 200
MIN_HEIGHT = 150


def app_key(script: Path, *, frozen_executable: str | None = None) -> str:
    """The key of an app in the per-app files: a hash of where it lives.

    A packed app is keyed by its executable: a one-file build unpacks its
    script into a new temporary folder on every launch, so the script's path
    would make every launch a different app (no remembered window, no
    single instance).

    Example:
        >>> len(app_key(Path("app.py")))
        16
    """
    if frozen_executable is None and getattr(sys, "frozen", False):
        frozen_executable = sys.executable
    where = str(Path(frozen_executable).resolve()) if frozen_executable else str(script.resolve())
    return hashlib.sha256(where.encode("utf-8")).hexdigest()[:16]


def default_state_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_dir("rillet", appauthor=False))


@dataclass(frozen=True)
class Geometry:
    """A window's size, position (``None``: let the system place it) and maximized flag."""

    width: int
    height: int
    x: int | None = None
    y: int | None = None
    maximized: bool = False

    @classmethod
    def from_json(cls, data: Any) -> Geometry | None:
        """A Geometry from its stored form, or ``None`` when the entry is unusable."""
        if not isinstance(data, dict):
            return None
        width, height = data.get("width"), data.get("height")
        x, y = data.get("x"), data.get("y")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (width, height)):
            return None
        assert isinstance(width, int) and isinstance(height, int)
        if width < MIN_WIDTH or height < MIN_HEIGHT:
            return None
        if not all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in (x, y)):
            x = y = None
        return cls(width, height, x, y, bool(data.get("maximized", False)))


class GeometryStore:
    """Read and write the per-app window geometry file.

    Args:
        path: the JSON file (default: ``windows.json`` in the user state dir).

    Example:
        >>> store = GeometryStore(Path(tempfile.mkdtemp()) / "windows.json")
        >>> store.save("abc", Geometry(900, 700, 10, 20))
        >>> store.load("abc")
        Geometry(width=900, height=700, x=10, y=20, maximized=False)
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_state_dir() / "windows.json"
        self._lock = threading.Lock()

    def _read_all(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("ignoring unreadable window state file %s: %s", self.path, error)
            return {}
        return data if isinstance(data, dict) else {}

    def load(self, key: str) -> Geometry | None:
        """The stored geometry of app ``key``, or ``None``."""
        with self._lock:
            return Geometry.from_json(self._read_all().get(key))

    def save(self, key: str, geometry: Geometry) -> None:
        """Store the geometry of app ``key`` (atomically; other apps' entries are kept)."""
        with self._lock:
            data = self._read_all()
            data[key] = asdict(geometry)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".windows-", suffix=".json", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump(data, out, indent=1, sort_keys=True)
                os.replace(tmp, self.path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
