"""Draining: a stopping server answers the plain HTTP requests it already started.

Closing every connection at once cuts a request a handler is still working
on (a media read from Redis, an upload being stored): the client gets no
answer, or a 500 written to a closed socket, and an upload is lost. So on
SIGTERM the server first stops listening, then waits (bounded) until no
plain HTTP request is in flight, telling keep-alive clients with
``Connection: close`` to take their next request elsewhere, and only then
closes what is left.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

import tornado.httputil
import tornado.web

_QUIET = 0.05  # seconds with nothing in flight before connections close


class Drain:
    """The plain HTTP requests in flight (WebSocket upgrades are not counted).

    A request that is abandoned without finishing is dropped with its object
    (a weak set), so it never keeps a shutdown waiting.

    Example:
        >>> drain = Drain()
        >>> len(drain), drain.draining
        (0, False)
    """

    def __init__(self) -> None:
        self._requests: weakref.WeakSet[tornado.httputil.HTTPServerRequest] = weakref.WeakSet()
        self.draining = False
        # An output transform (``Application.transforms`` takes classes) adding
        # ``Connection: close`` to every response while draining.
        self.transform: type[tornado.web.OutputTransform] = type(
            "CloseWhileDraining", (_CloseWhileDraining,), {"drain": self}
        )

    def __len__(self) -> int:
        return len(self._requests)

    def started(self, request: tornado.httputil.HTTPServerRequest) -> None:
        self._requests.add(request)

    def finished(self, request: tornado.httputil.HTTPServerRequest) -> None:
        self._requests.discard(request)

    async def wait(self, timeout: float) -> bool:
        """From now on answer with ``Connection: close``; wait until nothing is in flight.

        Returns whether everything finished within ``timeout`` seconds.
        """
        self.draining = True
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        quiet_since = None
        # Until nothing has been in flight for a moment: a keep-alive client may
        # have sent its next request before it read our Connection: close.
        while loop.time() < deadline:
            if self._requests:
                quiet_since = None
            elif quiet_since is None:
                quiet_since = loop.time()
            elif loop.time() - quiet_since >= _QUIET:
                return True
            await asyncio.sleep(0.005)
        return not self._requests


class _CloseWhileDraining(tornado.web.OutputTransform):
    drain: Drain

    def __init__(self, request: tornado.httputil.HTTPServerRequest) -> None:
        super().__init__(request)
        self._connection: Any = request.connection

    def transform_first_chunk(
        self,
        status_code: int,
        headers: tornado.httputil.HTTPHeaders,
        chunk: bytes,
        finishing: bool,
    ) -> tuple[int, tornado.httputil.HTTPHeaders, bytes]:
        if self.drain.draining:
            headers["Connection"] = "close"
            # Tornado keeps a connection open unless it decided to close it itself.
            if hasattr(self._connection, "_disconnect_on_finish"):
                self._connection._disconnect_on_finish = True
        return status_code, headers, chunk
