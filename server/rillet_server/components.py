"""``/component/<name>/<file>``: the frontends of declared custom components.

Each component is served from the folder its ``declare_component(path=...)``
named, and from nothing else: ``..``, absolute paths, symlinks leading out
of the folder and names nobody declared are all 404 (``resolve_inside``).
Like every request, these pass the desktop token gate first
(``RilletApplication.find_handler``).
"""

from __future__ import annotations

import gzip
import re
import threading
from pathlib import Path

import tornado.web

from rillet.components.registry import ComponentRegistry
from rillet_server.assets import _content_type, resolve_inside
from rillet_server.errors import PlainTextHandler

# Module scripts are refused unless served with a JavaScript type, and
# Python's table lacks some of the types built frontends use.
_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".wasm": "application/wasm",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".svg": "image/svg+xml",
}
# A build tool's content hash in the file name (main.f4bb7ae6.js, index-Dx9a1B2c.js):
# such a file never changes under its name, so it may be cached for a day.
_HASHED = re.compile(r"[.-][0-9A-Za-z_]{8,}\.(?:js|mjs|css|woff2?|ttf|svg|png|jpg|map)$")
_COMPRESSIBLE = (".js", ".mjs", ".css", ".html", ".json", ".svg", ".map", ".txt")
_CACHE_LIMIT = 64
COMPONENT_KEY_PATH = "/_rillet/component-key"


class _GzipCache:
    """Compressed bodies by (path, mtime, size): a grid's 3 MB bundle is compressed once."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, int, int], bytes] = {}

    def get(self, file: Path) -> bytes:
        stat = file.stat()
        key = (str(file), stat.st_mtime_ns, stat.st_size)
        with self._lock:
            hit = self._entries.get(key)
        if hit is not None:
            return hit
        body = gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)
        with self._lock:
            if len(self._entries) >= _CACHE_LIMIT:
                self._entries.pop(next(iter(self._entries)))
            self._entries[key] = body
        return body


class ComponentFileHandler(PlainTextHandler):
    """Serves one file of a declared component's folder."""

    _gzip = _GzipCache()

    def initialize(self, registry: ComponentRegistry) -> None:
        self.registry = registry

    def get(self, name: str, relative: str) -> None:
        file = self._file(name, relative)
        self.set_header("Content-Type", _TYPES.get(file.suffix.lower(), _content_type(file)))
        hashed = _HASHED.search(file.name) is not None
        self.set_header("Cache-Control", "public, max-age=86400" if hashed else "no-cache")
        # Security: never let the browser guess a type.
        self.set_header("X-Content-Type-Options", "nosniff")
        # A component frame without same-origin rights (the desktop window)
        # loads its module scripts in CORS mode; these files are a
        # package's public assets.
        self.set_header("Access-Control-Allow-Origin", "*")
        accepts_gzip = "gzip" in self.request.headers.get("Accept-Encoding", "")
        if accepts_gzip and file.suffix.lower() in _COMPRESSIBLE and file.stat().st_size > 1024:
            self.set_header("Content-Encoding", "gzip")
            self.set_header("Vary", "Accept-Encoding")
            self.finish(self._gzip.get(file))
            return
        self.finish(file.read_bytes())

    def head(self, name: str, relative: str) -> None:
        self.get(name, relative)

    def _file(self, name: str, relative: str) -> Path:
        component = self.registry.get(name)
        if component is None or component.path is None:
            raise tornado.web.HTTPError(404, f"no component named {name!r}")
        if relative.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", relative):
            raise tornado.web.HTTPError(404, "absolute paths are not served")
        file = resolve_inside(component.path, relative or "index.html")
        if file is None:
            raise tornado.web.HTTPError(404, f"component {name!r} has no file {relative!r}")
        return file


class ComponentKeyHandler(tornado.web.RequestHandler):
    """The desktop window's page asks for its component frames' key (``AccessPolicy.component_key``).

    Only the window holding the launch token's cookie gets here (the gate
    runs first), and only its own page can read the answer (no CORS).
    """

    def initialize(self, key: str) -> None:
        self.key = key

    def get(self) -> None:
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(self.key)
