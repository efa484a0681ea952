"""Native dialogs a script asks for: the request goes out, the script thread waits for the answer.

``st.desktop.open_file()`` and its siblings send a ``DesktopRequest`` to the
desktop window and block the script thread until the matching
``BackMsg.desktop_response`` arrives (see ``rillet/protocol/README.md``,
"Desktop powers"). One :class:`DesktopRequests` per app holds the waiting
requests; it is the app's ``services["desktop_response"]`` handler, which
``Session`` calls for every response.

A wait never times out by itself (the user may take long to choose), but
it ends when the run is interrupted: a rerun or stop request, or the
session closing (closing shuts the runner down, which interrupts the run).
The request is then withdrawn (``DesktopRequest.cancel``), so the window
closes the dialog nobody waits for.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import services
from rillet.runtime.context import RunContext

_LOG = logging.getLogger(__name__)
_CREATE_LOCK = threading.Lock()
# How often a waiting script thread looks for a rerun or stop request.
POLL_SECONDS = 0.05


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


@dataclass
class _Waiter:
    done: threading.Event = field(default_factory=threading.Event)
    response: pb.DesktopResponse | None = None


class DesktopRequests:
    """The native-dialog requests an app's script threads are waiting on.

    Example:
        >>> requests = DesktopRequests()
        >>> requests.waiting()
        0
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: dict[tuple[str, str], _Waiter] = {}

    def ask(self, ctx: RunContext, request: pb.DesktopRequest) -> list[str] | None:
        """Send ``request`` to the run's client and wait for its answer (script thread).

        Returns:
            The chosen absolute paths, or ``None`` when the user cancelled.

        Raises:
            RerunRun, StopRun: a rerun or stop was requested (or the session
                closed) while waiting; the request is withdrawn (the window
                closes its dialog), and a late answer to it is dropped.
        """
        request.request_id = os.urandom(8).hex()
        key = (ctx.session_id, request.request_id)
        waiter = _Waiter()
        with self._lock:
            self._waiting[key] = waiter
        try:
            ctx.send_msg(pb.ForwardMsg(desktop_request=request))
            # Note [Threading]: the IOLoop thread hands the answer over in
            # `__call__` (it sets the waiter's event); this thread only
            # waits on that event, and polls for interrupts in between.
            while not waiter.done.wait(POLL_SECONDS):
                ctx.check_interrupt()
        finally:
            with self._lock:
                self._waiting.pop(key, None)
            if not waiter.done.is_set():
                # Interrupted: the dialog the user may still see answers nothing now.
                withdraw = pb.DesktopRequest(request_id=request.request_id, cancel=True)
                ctx.send_msg(pb.ForwardMsg(desktop_request=withdraw))
        response = waiter.response
        assert response is not None
        if response.cancelled or not response.paths:
            return None
        return list(response.paths)

    def __call__(self, session: _HasId, response: pb.DesktopResponse) -> None:
        """Hand ``response`` to the script thread waiting for it (IOLoop thread; never blocks)."""
        with self._lock:
            waiter = self._waiting.get((session.id, response.request_id))
        if waiter is None:
            # The run that asked was interrupted meanwhile, or another
            # session's id was named: nothing waits for this answer.
            _LOG.info("dropped a desktop answer nobody waits for (%r)", response.request_id)
            return
        waiter.response = response
        waiter.done.set()

    def waiting(self) -> int:
        """How many script threads wait for an answer now."""
        with self._lock:
            return len(self._waiting)


def requests_for(app_services: MutableMapping[str, Any]) -> DesktopRequests:
    """The app's request registry, installed as its ``desktop_response`` handler on first use."""
    with _CREATE_LOCK:
        found = app_services.get(services.DESKTOP_RESPONSE)
        if not isinstance(found, DesktopRequests):
            found = app_services[services.DESKTOP_RESPONSE] = DesktopRequests()
    return found
