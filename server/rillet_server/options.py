"""The server's settings, read once from the app's Config into plain typed values.

Handlers get a :class:`ServerOptions` through ``initialize()`` rather than the
Config itself, so a typo in an option name fails at start-up, not on the
first upload.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rillet_server.access import is_loopback

if TYPE_CHECKING:
    from rillet.runtime.config import Config

MB = 1024 * 1024
# What a URL path segment may hold unescaped (RFC 3986 "unreserved" plus a few sub-delims).
_PATH_SEGMENT = re.compile(r"[A-Za-z0-9\-._~!$&'()*+,;=:@%]+")


def base_path_of(value: str) -> str:
    """``server.baseUrlPath`` as the prefix of every URL: ``""`` or ``"/apps/demo"``.

    Leading, trailing and doubled slashes are dropped, as a user types them
    either way.

    Raises:
        ValueError: a segment holds a character a URL path cannot (a space,
            ``?``, ``#``, ``\\``), or is ``.``/``..``.

    Example:
        >>> base_path_of("/apps/demo/"), base_path_of("")
        ('/apps/demo', '')
    """
    segments = [s for s in value.strip().split("/") if s]
    for segment in segments:
        if segment in (".", "..") or not _PATH_SEGMENT.fullmatch(segment):
            raise ValueError(
                f"server.baseUrlPath {value!r} is not a URL path: give segments of letters, "
                "digits and - . _ ~ separated by '/', e.g. 'apps/demo'"
            )
    return "".join(f"/{s}" for s in segments)


@dataclass(frozen=True)
class ServerOptions:
    address: str = ""
    port: int = 8501
    max_upload_mb: int = 200
    max_message_mb: int = 200
    # Seconds between WebSocket pings; 0 = Tornado's default (no pings).
    ping_interval: float = 0.0
    websocket_compression: bool = False
    # None = decided by the binding: on when the server is reachable over a network.
    xsrf: bool | None = None
    cors: bool = True
    cors_allowed_origins: tuple[str, ...] = ()
    static_serving: bool = False
    # One of the choices the Config accepts: auto, watchdog, poll, none.
    file_watcher_type: str = "auto"
    headless: bool = False
    ssl_cert_file: str | None = None
    ssl_key_file: str | None = None
    # "" or "/apps/demo": every URL of the app is below it (behind a reverse proxy).
    base_path: str = ""

    @property
    def network_bound(self) -> bool:
        return not is_loopback(self.address)

    @property
    def xsrf_enabled(self) -> bool:
        """Security: XSRF checks guard the state-changing requests (upload PUT
        and DELETE). A page on another site can make the user's browser send
        such a request with the user's cookies; the ``_xsrf`` cookie plus
        ``X-Xsrftoken`` header proves the request came from our own page.
        It is on by default whenever the server is reachable over a network;
        on loopback only the local user can reach it, so it is off unless
        ``server.enableXsrfProtection`` says otherwise.
        """
        return self.network_bound if self.xsrf is None else self.xsrf

    @classmethod
    def from_config(cls, config: Config) -> ServerOptions:
        def get(key: str) -> Any:
            return config.get(key)

        cert, key = get("server.sslCertFile"), get("server.sslKeyFile")
        if (cert is None) != (key is None):
            given = "server.sslCertFile" if cert is not None else "server.sslKeyFile"
            raise ValueError(
                f"{given} is set but not its partner: HTTPS needs both server.sslCertFile "
                "and server.sslKeyFile (or neither, for plain HTTP)"
            )
        origins = get("server.corsAllowedOrigins") or ()
        xsrf = get("server.enableXsrfProtection")
        ping = get("server.websocketPingInterval")
        return cls(
            address=str(get("server.address") or ""),
            port=int(get("server.port")),
            max_upload_mb=int(get("server.maxUploadSize")),
            max_message_mb=int(get("server.maxMessageSize")),
            ping_interval=float(ping or 0),
            websocket_compression=bool(get("server.enableWebsocketCompression")),
            xsrf=None if xsrf is None else bool(xsrf),
            cors=bool(get("server.enableCORS")),
            cors_allowed_origins=tuple(str(o) for o in origins),
            static_serving=bool(get("server.enableStaticServing")),
            file_watcher_type=str(get("server.fileWatcherType")),
            headless=bool(get("server.headless")),
            ssl_cert_file=cert,
            ssl_key_file=key,
            base_path=base_path_of(str(get("server.baseUrlPath") or "")),
        )
