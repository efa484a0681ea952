"""The Tornado application: the route table and the request gate in front of it."""

from __future__ import annotations

import logging
import re
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tornado.httputil
import tornado.log
import tornado.web
import tornado.websocket

from rillet.components.registry import registry as component_registry
from rillet_server.access import TOKEN_COOKIE, TOKEN_QUERY, AccessPolicy, Verdict
from rillet_server.assets import AppStaticHandler, AssetHandler, IndexHandler
from rillet_server.auth import auth_routes
from rillet_server.components import COMPONENT_KEY_PATH, ComponentFileHandler, ComponentKeyHandler
from rillet_server.drain import Drain
from rillet_server.errors import PlainTextHandler
from rillet_server.media import MediaHandler
from rillet_server.options import MB, ServerOptions
from rillet_server.stream import Connections, StreamHandler
from rillet_server.upload import UploadHandler

if TYPE_CHECKING:
    from rillet.runtime.config import Config
    from rillet.runtime.runtime import Runtime

STREAM_PATH = "/_rillet/stream"
HEALTH_PATH = "/_rillet/health"
DEFAULT_STATIC_DIR = Path(__file__).resolve().parent / "static"


class HealthHandler(tornado.web.RequestHandler):
    def get(self) -> None:
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.set_header("Cache-Control", "no-cache")
        self.finish("ok")

    def head(self) -> None:
        self.get()


class ForbiddenHandler(PlainTextHandler):
    def initialize(self, reason: str) -> None:
        self.reason = reason

    def prepare(self) -> None:
        raise tornado.web.HTTPError(403, self.reason)


class TokenLoginHandler(tornado.web.RequestHandler):
    """A desktop window's first request: trade ``?token=`` for a cookie.

    The token is moved out of the URL at once so it never lands in history,
    a Referer header or the page's own ``location``.
    """

    def initialize(self, token: str) -> None:
        self.token = token

    def prepare(self) -> None:
        self.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="Strict", path="/")
        query = [
            (k, v)
            for k, v in urllib.parse.parse_qsl(self.request.query, keep_blank_values=True)
            if k != TOKEN_QUERY
        ]
        location = self.request.path + ("?" + urllib.parse.urlencode(query) if query else "")
        self.redirect(location)


class BaseRedirectHandler(tornado.web.RequestHandler):
    """``/apps/demo`` (the base path without its slash) goes to ``/apps/demo/``, query kept.

    The client's files are relative to the page (``./static/...``): served at
    ``/apps/demo`` they would resolve to ``/apps/static/...``.
    """

    def initialize(self, base: str) -> None:
        self.base = base

    def get(self) -> None:
        query = f"?{self.request.query}" if self.request.query else ""
        self.redirect(f"{self.base}/{query}")

    def head(self) -> None:
        self.get()


class UnknownEndpointHandler(PlainTextHandler):
    """Unknown ``/_rillet/*`` URLs are errors, not pages of the app."""

    def prepare(self) -> None:
        raise tornado.web.HTTPError(404, f"no such rillet endpoint: {self.request.path}")


class RilletApplication(tornado.web.Application):
    """An Application whose every request first passes :class:`AccessPolicy`.

    Overriding ``find_handler`` puts the gate in one place: pages, assets,
    media, uploads, WebSocket upgrades and 404s alike are checked before a
    handler is even chosen.
    """

    def __init__(
        self,
        handlers: list[Any],
        *,
        access: AccessPolicy,
        connections: Connections,
        options: ServerOptions,
        **settings: Any,
    ) -> None:
        super().__init__(handlers, **settings)
        self.access = access
        self.connections = connections
        self.options = options
        self.drain = Drain()
        self.transforms.append(self.drain.transform)

    def find_handler(
        self, request: tornado.httputil.HTTPServerRequest, **kwargs: Any
    ) -> tornado.web._HandlerDelegate:
        delegate = self._gate(request, **kwargs)
        if not issubclass(delegate.handler_class, tornado.websocket.WebSocketHandler):
            self.drain.started(request)
        return delegate

    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        # Called once a response is finished, whatever its status (a
        # WebSocket's when its handshake is answered).
        self.drain.finished(handler.request)
        if "log_function" not in self.settings:
            # Tornado formats the request's summary and duration before it
            # asks the logger: skip both when the line would not be written
            # (the default ``logger.level``), as every session's open passes here.
            status = handler.get_status()
            level = (
                logging.INFO if status < 400 else logging.WARNING if status < 500 else logging.ERROR
            )
            if not tornado.log.access_log.isEnabledFor(level):
                return
        super().log_request(handler)

    def _gate(
        self, request: tornado.httputil.HTTPServerRequest, **kwargs: Any
    ) -> tornado.web._HandlerDelegate:
        if self.access.desktop_token is None:  # served to a network: no token to check
            return super().find_handler(request, **kwargs)
        cookie = request.cookies.get(TOKEN_COOKIE)
        query = urllib.parse.parse_qs(request.query).get(TOKEN_QUERY, [None])[-1]
        decision = self.access.check(request.host, cookie.value if cookie else None, query)
        if decision.verdict is Verdict.ALLOW:
            return super().find_handler(request, **kwargs)
        if self.access.check_component(request.host, request.method or "", request.path):
            return super().find_handler(request, **kwargs)
        if decision.verdict is Verdict.LOGIN and request.method in ("GET", "HEAD"):
            assert self.access.desktop_token is not None
            return self.get_handler_delegate(
                request, TokenLoginHandler, {"token": self.access.desktop_token}
            )
        reason = decision.reason or "the desktop token is accepted on a page load only"
        return self.get_handler_delegate(request, ForbiddenHandler, {"reason": reason})


def make_app(
    runtime: Runtime,
    config: Config,
    *,
    static_dir: Path = DEFAULT_STATIC_DIR,
    desktop_token: str | None = None,
) -> RilletApplication:
    """Build the Tornado application serving one app.

    Args:
        runtime: the app's Runtime (sessions, media, uploads).
        config: the app's Config; read once here.
        static_dir: the web client's build output (``index.html`` + ``assets/``).
        desktop_token: the per-launch secret of a desktop window. When set,
            every request must carry it (see ``AccessPolicy.check``), and
            the app is served at the root whatever ``server.baseUrlPath``
            says (that prefix is for reverse proxies).

    Example:
        >>> app = make_app(runtime, config)  # doctest: +SKIP
        >>> tornado.httpserver.HTTPServer(app).listen(8501)  # doctest: +SKIP
    """
    options = ServerOptions.from_config(config)
    access = AccessPolicy(
        desktop_token=desktop_token,
        allowed_origins=frozenset(options.cors_allowed_origins),
        check_origin=options.cors,
    )
    connections = Connections()
    base = "" if desktop_token is not None else options.base_path
    handlers: list[Any] = [
        (HEALTH_PATH, HealthHandler),
        (
            STREAM_PATH,
            StreamHandler,
            {
                "runtime": runtime,
                "access": access,
                "connections": connections,
                "desktop": desktop_token is not None,
                "compression": options.websocket_compression,
            },
        ),
        (
            r"/_rillet/upload/(?P<session_id>[^/]+)/(?P<file_id>[^/]+)",
            UploadHandler,
            {"runtime": runtime, "max_upload_mb": options.max_upload_mb},
        ),
        (r"/_rillet/.*", UnknownEndpointHandler),
        (r"/media/([^/]+)", MediaHandler, {"media": runtime.media}),
        *auth_routes(runtime),
        (r"/static/(.+)", AssetHandler, {"static_dir": static_dir}),
        (
            r"/component/(?:~[0-9a-f]+/)?([^/~][^/]*)/(.*)",
            ComponentFileHandler,
            {"registry": component_registry()},
        ),
    ]
    if desktop_token is not None:
        handlers.insert(
            0, (COMPONENT_KEY_PATH, ComponentKeyHandler, {"key": access.component_key()})
        )
    if options.static_serving:
        app_static = Path(runtime.script_path).resolve().parent / "static"
        handlers.append((r"/app/static/(.*)", AppStaticHandler, {"path": str(app_static)}))
    handlers.append((r"/(.*)", IndexHandler, {"static_dir": static_dir, "base": base}))
    if base:
        # Every route below the base path; the base itself without its slash redirects.
        handlers = [(re.escape(base) + pattern, *rest) for pattern, *rest in handlers]
        handlers.insert(0, (re.escape(base), BaseRedirectHandler, {"base": base}))
    settings: dict[str, Any] = {
        # The desktop cookie is SameSite=Strict, which already stops cross-site
        # requests; XSRF is for servers a browser on another site can reach.
        "xsrf_cookies": options.xsrf_enabled and desktop_token is None,
        "xsrf_cookie_kwargs": {"samesite": "Strict"},
        "websocket_max_message_size": options.max_message_mb * MB,
    }
    if options.ping_interval > 0:
        settings["websocket_ping_interval"] = options.ping_interval
    return RilletApplication(
        handlers, access=access, connections=connections, options=options, **settings
    )
