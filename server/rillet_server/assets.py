"""The bundled web client's files: the index page, hashed assets, the app's own static folder.

Layout of ``static_dir`` (the client build's output, committed under
``rillet_server/static/``; its index refers to assets as ``./static/assets/...``)::

    index.html            served for "/" and every page path (single-page app)
    assets/<name>-<hash>.js   served at /static/assets/..., cached for a year
    <any file>.gz         a precompressed sibling, sent when the client accepts gzip
"""

from __future__ import annotations

import mimetypes
import urllib.parse
from pathlib import Path

import tornado.web

INDEX = "index.html"
# Vite names every file under assets/ by its content hash.
HASHED_DIR = "assets"
_YEAR = 365 * 24 * 3600


def resolve_inside(root: Path, relative: str) -> Path | None:
    """The file ``relative`` names under ``root``, or ``None`` if it is not a file there.

    Security: ``..`` segments, absolute paths and symlinks leading out of
    ``root`` all resolve to somewhere outside it and are refused, so a URL
    can never name a file the app did not put in its folder.
    """
    if not relative or "\x00" in relative:
        return None
    base = root.resolve()
    candidate = (base / relative).resolve()
    if not candidate.is_relative_to(base) or not candidate.is_file():
        return None
    return candidate


def _content_type(path: Path) -> str:
    kind, _ = mimetypes.guess_type(path.name)
    if kind is None:
        return "application/octet-stream"
    if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
        return f"{kind}; charset=utf-8"
    return kind


def send_file(handler: tornado.web.RequestHandler, file: Path, cache_control: str) -> None:
    """Send ``file``, or its precompressed ``.gz`` sibling when the client accepts gzip."""
    handler.set_header("Content-Type", _content_type(file))
    handler.set_header("Cache-Control", cache_control)
    compressed = file.with_name(file.name + ".gz")
    if compressed.is_file():
        handler.set_header("Vary", "Accept-Encoding")
        if "gzip" in handler.request.headers.get("Accept-Encoding", ""):
            handler.set_header("Content-Encoding", "gzip")
            file = compressed
    handler.finish(file.read_bytes())


class IndexHandler(tornado.web.RequestHandler):
    """``/`` and any page's path: the client's ``index.html``, never cached.

    A multipage app's URLs (``/settings``) have no file behind them; the
    client reads the path and asks the server for that page, so every such
    URL answers with the same index page.
    """

    def initialize(self, static_dir: Path, base: str = "") -> None:
        self.static_dir = static_dir
        self.base = base

    def get(self, path: str) -> None:
        if "/" in path:
            # A page's URL is one segment below the app (``/settings``) and
            # the client's files are relative to it, so ``/settings/`` or a
            # deeper URL would load them from a folder that isn't there:
            # send ``/settings/`` to its page and anything deeper to the app.
            page, _, rest = path.partition("/")
            query = f"?{self.request.query}" if self.request.query else ""
            target = urllib.parse.quote(page) if not rest else ""
            self.redirect(f"{self.base}/{target}{query}")
            return
        index = self.static_dir / INDEX
        if not index.is_file():
            raise tornado.web.HTTPError(
                503,
                reason="rillet's web client is not built",
                log_message=f"no {index}: build it with `npm run build` in bundled_frontend/",
            )
        # The page holds the XSRF cookie the client echoes in X-Xsrftoken.
        if self.application.settings.get("xsrf_cookies"):
            self.xsrf_token  # noqa: B018 - reading it sets the cookie
        send_file(self, index, "no-cache")

    def head(self, path: str) -> None:
        self.get(path)


class AssetHandler(tornado.web.RequestHandler):
    """``/static/<file>``: the client build's files.

    Files under ``assets/`` carry a content hash in their name, so a name
    never changes meaning and the browser may keep it for a year without
    asking again; anything else is revalidated. The build writes a ``.gz``
    sibling of each compressible file, sent as it is, so nothing is
    compressed per request.
    """

    def initialize(self, static_dir: Path) -> None:
        self.root = static_dir

    def get(self, path: str) -> None:
        file = resolve_inside(self.root, path)
        if file is None or file.suffix == ".gz":
            raise tornado.web.HTTPError(404)
        hashed = path.startswith(HASHED_DIR + "/")
        send_file(self, file, f"public, max-age={_YEAR}, immutable" if hashed else "no-cache")

    def head(self, path: str) -> None:
        self.get(path)

    def compute_etag(self) -> str | None:
        # Hashed names already identify the content; the rest is small.
        return None


class AppStaticHandler(tornado.web.StaticFileHandler):
    """``/app/static/<file>``: the app's own ``static/`` folder (``server.enableStaticServing``).

    Tornado's StaticFileHandler keeps paths inside the folder and handles
    Range; the files are the author's and may change, so they are revalidated.
    """

    @classmethod
    def get_absolute_path(cls, root: str, path: str) -> str:
        # A NUL byte (``%00``) names no file; os.path.realpath would raise (a 500).
        if "\x00" in path:
            raise tornado.web.HTTPError(404)
        return super().get_absolute_path(root, path)

    def set_extra_headers(self, path: str) -> None:
        self.set_header("Cache-Control", "no-cache")
        # Security: never let the browser guess a type (an uploaded .txt run as HTML).
        self.set_header("X-Content-Type-Options", "nosniff")

    @classmethod
    def get_cache_time(cls, path: str, modified: object, mime_type: str) -> int:
        return 0
