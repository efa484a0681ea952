"""``/_rillet/stream``: the one WebSocket a client holds, bound to one runtime Session.

Server frames are serialized ``ForwardBatch``es the runtime hands to
``deliver``; client frames are ``BackMsg``es handed to the session as they
are. A frame the runtime cannot decode closes *that* socket with a reason;
every other session is untouched.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Awaitable
from typing import TYPE_CHECKING, Any

import tornado.ioloop
import tornado.web
import tornado.websocket

from rillet.runtime.client import ClientInfo
from rillet.runtime.errors import ProtocolError
from rillet_server.access import AccessPolicy

if TYPE_CHECKING:
    from rillet.runtime.client import ClientInfo as Client
    from rillet.runtime.runtime import Runtime
    from rillet.runtime.session import Session
    from rillet.runtime.session_store import StoredSession

log = logging.getLogger(__name__)

# RFC 6455 close codes.
CLOSE_GOING_AWAY = 1001
CLOSE_UNSUPPORTED_DATA = 1003
CLOSE_INVALID_PAYLOAD = 1007
CLOSE_INTERNAL_ERROR = 1011
_MAX_REASON_BYTES = 123


class ConnectionState(enum.Enum):
    CONNECTING = "connecting"
    OPEN = "open"
    CLOSED = "closed"


_NEXT: dict[ConnectionState, frozenset[ConnectionState]] = {
    ConnectionState.CONNECTING: frozenset({ConnectionState.OPEN, ConnectionState.CLOSED}),
    ConnectionState.OPEN: frozenset({ConnectionState.CLOSED}),
    ConnectionState.CLOSED: frozenset(),
}


class Connections:
    """The open sockets, so a stopping server can say goodbye to each."""

    def __init__(self) -> None:
        self._open: set[StreamHandler] = set()

    def add(self, handler: StreamHandler) -> None:
        self._open.add(handler)

    def discard(self, handler: StreamHandler) -> None:
        self._open.discard(handler)

    def __len__(self) -> int:
        return len(self._open)

    def close_all(self, reason: str) -> None:
        for handler in list(self._open):
            handler.close(CLOSE_GOING_AWAY, reason)


class StreamHandler(tornado.websocket.WebSocketHandler):
    def initialize(
        self,
        runtime: Runtime,
        access: AccessPolicy,
        connections: Connections,
        *,
        desktop: bool,
        compression: bool,
    ) -> None:
        self.runtime = runtime
        self.access = access
        self.connections = connections
        self.desktop = desktop
        self.compression = compression
        self.state = ConnectionState.CONNECTING
        self.session: Session | None = None

    def _move(self, to: ConnectionState) -> None:
        if to not in _NEXT[self.state]:
            raise RuntimeError(
                f"connection state: cannot go from {self.state.value} to {to.value}; "
                f"expected one of {sorted(s.value for s in _NEXT[self.state]) or 'none'}"
            )
        self.state = to

    def check_origin(self, origin: str) -> bool:
        # The policy (and why it exists) lives in AccessPolicy.origin_allowed.
        return self.access.origin_allowed(origin, self.request.host)

    def get_compression_options(self) -> dict[str, Any] | None:
        return {} if self.compression else None

    def select_subprotocol(self, subprotocols: list[str]) -> str | None:
        # A client offering a resume secret (a subprotocol) offers "rillet"
        # first; a browser drops a socket whose server selects none.
        return "rillet" if "rillet" in subprotocols else None

    def open(self, *args: str, **kwargs: str) -> Awaitable[None] | None:
        self._move(ConnectionState.OPEN)
        # Nagle's algorithm would hold back each small frame of a run for ~40 ms.
        self.set_nodelay(True)
        self.connections.add(self)
        request = self.request
        client = ClientInfo.from_request(
            list(request.headers.get_all()),
            {name: morsel.value for name, morsel in request.cookies.items()},
            request.remote_ip,
        )
        resume_id = self.get_query_argument("session", None) or None
        if self.runtime.app.session_store is not None and resume_id:
            return self._open_with_store(resume_id, client)
        self._connect(resume_id, client)
        return None

    def _connect(
        self,
        resume_id: str | None,
        client: Client,
        secret: str | None = None,
        restore: StoredSession | None = None,
    ) -> None:
        self.session = self.runtime.connect(
            self._deliver,
            tornado.ioloop.IOLoop.current().add_callback,
            resume_id=resume_id,
            desktop=self.desktop,
            client=client,
            resume_secret=secret,
            restore=restore,
        )

    async def _open_with_store(self, resume_id: str, client: Client) -> None:
        """Resume from the shared session store a session this replica does not hold.

        The store is read on a worker thread (Redis may be slow or away);
        Tornado delivers no message before ``open`` is done.
        """
        from rillet.runtime.session_store import resume_secret

        store = self.runtime.app.session_store
        secret = resume_secret(self.request.headers.get("Sec-WebSocket-Protocol", ""))
        restore = None
        if store is not None and secret is not None and self.runtime.get_session(resume_id) is None:
            loop = tornado.ioloop.IOLoop.current()
            try:
                restore = await loop.run_in_executor(None, store.load, resume_id, secret)
            except Exception as error:  # the store's own errors: start afresh
                log.warning("could not read session %s from the store: %s", resume_id[:8], error)
        if self.state is ConnectionState.OPEN:
            self._connect(resume_id, client, secret, restore)

    def _deliver(self, frame: bytes) -> None:
        # Called by the runtime on the IOLoop thread.
        if self.state is not ConnectionState.OPEN:
            return
        try:
            self.write_message(frame, binary=True)
        except tornado.websocket.WebSocketClosedError:
            return  # a socket closing under us: on_close will disconnect the session

    def on_message(self, message: str | bytes) -> None:
        if self.session is None or self.state is not ConnectionState.OPEN:
            return
        if isinstance(message, str):
            self._refuse(CLOSE_UNSUPPORTED_DATA, "text frame: rillet expects binary BackMsg frames")
            return
        try:
            self.session.handle_back_msg(message)
        except ProtocolError as error:
            self._refuse(CLOSE_INVALID_PAYLOAD, f"invalid BackMsg: {error}")
        except Exception:
            log.exception("session %s failed on a client message", self.session.id)
            self._refuse(CLOSE_INTERNAL_ERROR, "the server failed on this message")

    def _refuse(self, code: int, reason: str) -> None:
        session_id = self.session.id if self.session is not None else "-"
        log.warning("closing socket of session %s: %s", session_id, reason)
        encoded = reason.encode("utf-8")[:_MAX_REASON_BYTES]
        self.close(code, encoded.decode("utf-8", "ignore"))

    def on_close(self) -> None:
        if self.state is ConnectionState.CLOSED:
            return
        self._move(ConnectionState.CLOSED)
        self.connections.discard(self)
        if self.session is not None:
            self.runtime.disconnect(self.session.id)
