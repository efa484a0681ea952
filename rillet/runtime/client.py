"""What a session knows of its user: the connection's request, and what the browser reports.

The server fills the request part when the WebSocket opens (headers,
cookies, the peer's address); the browser sends the rest with every rerun
(``RerunRequest.context``). ``st.context`` reads it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from rillet.protocol import rillet_pb2 as pb

# The desktop window's access cookie is the shell's business, not the app's.
# (The signed login cookies stay: st.user reads its claims from them.)
HIDDEN_COOKIES = frozenset({"rillet_token"})
_LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


@dataclass(frozen=True)
class ClientInfo:
    """One session's user, as far as the server and the browser tell.

    Example:
        >>> info = ClientInfo.from_request(
        ...     [("Accept-Language", "de"), ("Cookie", "a=1; rillet_token=t")],
        ...     {"a": "1", "rillet_token": "t"},
        ...     "10.0.0.7",
        ... )
        >>> info.headers, info.cookies, info.ip_address
        ((('Accept-Language', 'de'), ('Cookie', 'a=1')), {'a': '1'}, '10.0.0.7')
    """

    headers: tuple[tuple[str, str], ...] = ()
    cookies: dict[str, str] = field(default_factory=dict)
    ip_address: str | None = None
    locale: str | None = None
    timezone: str | None = None
    timezone_offset: int | None = None
    url: str | None = None
    theme: str | None = None
    is_embedded: bool | None = None

    @classmethod
    def from_request(
        cls, headers: list[tuple[str, str]], cookies: dict[str, str], remote_ip: str | None
    ) -> ClientInfo:
        """The request's part; the desktop token's cookie and a loopback address are left out."""
        kept = {name: value for name, value in cookies.items() if name not in HIDDEN_COOKIES}
        shown = [(k, v) for k, v in headers if k.lower() != "cookie"]
        if kept:
            shown.append(("Cookie", "; ".join(f"{k}={v}" for k, v in kept.items())))
        address = None if remote_ip is None or remote_ip in _LOOPBACK else remote_ip
        return cls(headers=tuple(shown), cookies=kept, ip_address=address)

    def with_browser(self, context: pb.ClientContext) -> ClientInfo:
        """This info with what the browser reported in a rerun request."""
        return dataclasses.replace(
            self,
            locale=context.locale or None,
            timezone=context.timezone or None,
            timezone_offset=context.timezone_offset if context.timezone else None,
            url=context.url or None,
            theme=context.theme or None,
            is_embedded=context.is_embedded,
        )
