"""Calls into the media and upload storage from a request handler.

The storage may live in another process (Redis, shared by replicas). A call
runs on a worker thread, never on the IOLoop; when the store cannot be
reached the request gets a 503 that says so (a client or a load balancer
may try again), not a 500, and the log says why once per outage rather than
once per request.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import tornado.ioloop
import tornado.web

T = TypeVar("T")
log = logging.getLogger(__name__)


class _Outage:
    """Whether the last storage call failed: log the first failure and the recovery only."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.down = False

    def failed(self, error: BaseException) -> None:
        with self._lock:
            first, self.down = not self.down, True
        if first:
            log.warning("the media/upload storage is unavailable: %s", error, exc_info=error)

    def succeeded(self) -> None:
        if self.down:
            with self._lock:
                was, self.down = self.down, False
            if was:
                log.warning("the media/upload storage is reachable again")


_outage = _Outage()


async def storage_call(call: Callable[..., T], *args: Any) -> T:
    """Run ``call(*args)`` on a worker thread; a failing store becomes HTTP 503.

    Example:
        >>> import asyncio, threading
        >>> result = []
        >>> worker = threading.Thread(  # a loop of its own, whatever runs here
        ...     target=lambda: result.append(asyncio.run(storage_call(len, b"abc")))
        ... )
        >>> worker.start(); worker.join(); result
        [3]
    """
    try:
        result = await tornado.ioloop.IOLoop.current().run_in_executor(None, call, *args)
    except Exception as error:  # the store's own errors (redis.ConnectionError, timeouts, ...)
        _outage.failed(error)
        raise tornado.web.HTTPError(
            503, f"the file storage is unavailable ({type(error).__name__}); try again shortly"
        ) from None
    _outage.succeeded()
    return result
