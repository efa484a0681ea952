"""Who may talk to the server: the desktop token, the Host check, the Origin check.

Every request (page, asset, media, upload, WebSocket upgrade, even a 404)
passes through :meth:`AccessPolicy.check` before a handler is chosen — see
``RilletApplication.find_handler`` in ``app.py`` — so no handler can forget it.
"""

from __future__ import annotations

import enum
import hmac
import ipaddress
import re
import urllib.parse
from dataclasses import dataclass, field

TOKEN_COOKIE = "rillet_token"
TOKEN_QUERY = "token"
_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
_COMPONENT_PATH = re.compile(r"^/component/~([0-9a-f]+)/(?!\.\.?/)[^/~][^/]*/")


class Verdict(enum.Enum):
    """What :meth:`AccessPolicy.check` decided about one request."""

    ALLOW = "allow"
    # The first page load of a desktop window: set the cookie, drop the token from the URL.
    LOGIN = "login"
    DENY = "deny"


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reason: str = ""


def is_loopback(address: str) -> bool:
    """True when ``address`` (as given to ``server.address``) only accepts local peers.

    ``""`` and ``0.0.0.0``/``::`` mean every interface, so they are *not* loopback.
    """
    host = address.strip().strip("[]").lower()
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def split_host(host_header: str) -> tuple[str, int | None]:
    """``"127.0.0.1:8501"`` → ``("127.0.0.1", 8501)``; IPv6 brackets are removed."""
    host = host_header.strip().lower()
    if host.startswith("["):
        name, _, rest = host[1:].partition("]")
        port_text = rest[1:] if rest.startswith(":") else ""
    elif host.count(":") == 1:
        name, _, port_text = host.partition(":")
    else:
        name, port_text = host, ""
    try:
        port = int(port_text) if port_text else None
    except ValueError:
        port = None
    return name, port


@dataclass
class AccessPolicy:
    """The request gate.

    Args:
        desktop_token: the per-launch secret of a desktop window, or ``None``
            for an ordinary served app (then every request is allowed here and
            only the Origin check of the WebSocket applies).
        allowed_origins: extra origins (``"https://example.com"``) a browser
            page may open the WebSocket from, besides the server's own.
        check_origin: ``False`` when ``server.enableCORS`` is off.
    """

    desktop_token: str | None = None
    allowed_origins: frozenset[str] = frozenset()
    check_origin: bool = True
    # Filled in by the Server once its sockets are bound; empty = any port.
    ports: set[int] = field(default_factory=set)

    def check(self, host: str, cookie_token: str | None, query_token: str | None) -> Decision:
        """Decide about one request from its Host header, token cookie and ``?token=``.

        Security: with a desktop token, only the window that was handed the
        token gets in. Anything else on the machine (another user's process,
        a web page in a browser doing DNS rebinding to 127.0.0.1) gets 403:
        the Host must name the loopback interface on our own port, and the
        token must match, compared in constant time.
        """
        if self.desktop_token is None:
            return Decision(Verdict.ALLOW)
        name, port = split_host(host)
        if name not in _LOOPBACK_NAMES or (self.ports and port not in self.ports):
            return Decision(Verdict.DENY, f"host {host!r} is not this desktop server")
        if cookie_token is not None and _same(cookie_token, self.desktop_token):
            return Decision(Verdict.ALLOW)
        if query_token is not None and _same(query_token, self.desktop_token):
            return Decision(Verdict.LOGIN)
        return Decision(Verdict.DENY, "missing or wrong desktop token")

    def component_key(self) -> str | None:
        """The capability that lets a desktop window's component frames load their files.

        Security: a component frame in the desktop window has no same-origin
        rights (so it cannot reach the desktop bridge), and so the browser
        does not send the SameSite token cookie with its requests. Its URL
        carries this key instead (``/component/~<key>/<name>/...``). The key
        is derived from the launch token, reveals nothing about it, and
        opens component files only: nothing else on the machine knows it.
        """
        if self.desktop_token is None:
            return None
        digest = hmac.new(self.desktop_token.encode("utf-8"), b"rillet component frames", "sha256")
        return digest.hexdigest()[:32]

    def check_component(self, host: str, method: str, path: str) -> bool:
        """May this request fetch a component file with the key in its path (desktop only)?"""
        key = self.component_key()
        # The whole shape, so the key opens nothing but the component route.
        match = _COMPONENT_PATH.match(path)
        if key is None or method not in ("GET", "HEAD") or match is None:
            return False
        name, port = split_host(host)
        if name not in _LOOPBACK_NAMES or (self.ports and port not in self.ports):
            return False
        return _same(match.group(1), key)

    def origin_allowed(self, origin: str, host: str) -> bool:
        """May a page from ``origin`` open the WebSocket of the server reached as ``host``?

        Security: a browser lets any web page open a WebSocket to any address,
        including ``localhost``, and sends the user's cookies with it. Without
        this check a page on the internet could drive a locally running app.
        So the page's origin must be this server itself (or one listed in
        ``server.corsAllowedOrigins``). Clients that send no Origin header are
        not browsers and cannot be abused this way, so they are let in.
        """
        if not self.check_origin or not origin:
            return True
        if origin in self.allowed_origins or "*" in self.allowed_origins:
            return True
        parsed = urllib.parse.urlsplit(origin)
        return parsed.netloc.lower() == host.strip().lower()


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
