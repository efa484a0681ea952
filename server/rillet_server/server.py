"""The Server: one app's HTTP server, its file watcher, and their lifecycle.

Three ways to run it:

- ``server.run()`` — blocking, on a fresh event loop, stopping cleanly on
  Ctrl-C or SIGTERM (the CLI);
- ``await server.start()`` … ``await server.shutdown()`` — on an already
  running IOLoop;
- ``port = server.start_in_thread()`` … ``server.stop()`` — on a background
  thread (the desktop shell, tests).

It listens on ``server.address``/``server.port`` from the Config, or on
sockets handed in already bound (the desktop shell binds 127.0.0.1:0 itself,
so there is no window between picking a free port and taking it).
"""

from __future__ import annotations

import asyncio
import enum
import logging
import signal
import socket
import ssl
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import tornado.httpserver
import tornado.ioloop

from rillet_server.app import DEFAULT_STATIC_DIR, make_app
from rillet_server.options import MB
from rillet_server.sockets import bind_sockets
from rillet_server.watcher import SourceWatcher

if TYPE_CHECKING:
    from rillet.runtime.config import Config
    from rillet.runtime.runtime import Runtime

log = logging.getLogger(__name__)

# Requests other than uploads carry no body worth more than this; an upload
# raises its own limit to server.maxUploadSize before its body is read.
_DEFAULT_MAX_BODY = 1 * MB


class ServerState(enum.Enum):
    CREATED = "created"
    STARTING = "starting"
    SERVING = "serving"
    STOPPING = "stopping"
    STOPPED = "stopped"


_NEXT: dict[ServerState, frozenset[ServerState]] = {
    ServerState.CREATED: frozenset({ServerState.STARTING}),
    # A start that fails (port taken) goes straight to stopped.
    ServerState.STARTING: frozenset({ServerState.SERVING, ServerState.STOPPED}),
    ServerState.SERVING: frozenset({ServerState.STOPPING}),
    ServerState.STOPPING: frozenset({ServerState.STOPPED}),
    ServerState.STOPPED: frozenset(),
}


class ServerStateError(RuntimeError):
    """A Server method was called in a state that does not allow it."""


class Server:
    """Serve one app.

    Args:
        runtime: the app's Runtime; shut down with the server.
        config: the app's Config (address, port, limits, watcher).
        static_dir: the web client's build output.
        desktop_token: the desktop window's per-launch secret (see ``make_app``).
        sockets: already bound listening sockets to serve on instead of
            binding ``server.address``:``server.port``. The server owns them
            from now on and closes them when it stops.

    Example:
        >>> server = Server(runtime, config)  # doctest: +SKIP
        >>> port = server.start_in_thread()  # doctest: +SKIP
        >>> server.stop()  # doctest: +SKIP
    """

    def __init__(
        self,
        runtime: Runtime,
        config: Config,
        *,
        static_dir: Path = DEFAULT_STATIC_DIR,
        desktop_token: str | None = None,
        sockets: Sequence[socket.socket] | None = None,
    ) -> None:
        self.runtime = runtime
        self.app = make_app(runtime, config, static_dir=static_dir, desktop_token=desktop_token)
        self.options = self.app.options
        self.state = ServerState.CREATED
        self.port: int | None = None
        self._sockets = list(sockets or [])
        self._http: tornado.httpserver.HTTPServer | None = None
        self.watcher: SourceWatcher | None = None
        self._loop: tornado.ioloop.IOLoop | None = None
        self._stop_requested: asyncio.Event | None = None
        self._thread: threading.Thread | None = None

    def _move(self, to: ServerState) -> None:
        if to not in _NEXT[self.state]:
            allowed = sorted(s.value for s in _NEXT[self.state]) or ["nothing"]
            raise ServerStateError(
                f"server is {self.state.value}: cannot become {to.value} "
                f"(from {self.state.value} it can only become {', '.join(allowed)})"
            )
        self.state = to

    async def start(self) -> int:
        """Start serving on the running event loop; return the bound port."""
        self._move(ServerState.STARTING)
        self._loop = tornado.ioloop.IOLoop.current()
        self._stop_requested = asyncio.Event()
        try:
            ssl_context = self._ssl_context()  # ssl.SSLError is an OSError
            sockets = self._sockets or bind_sockets(self.options.address, self.options.port)
        except OSError:
            for sock in self._sockets:
                sock.close()
            self._move(ServerState.STOPPED)
            raise
        self._sockets = sockets
        self._http = tornado.httpserver.HTTPServer(
            self.app, max_body_size=_DEFAULT_MAX_BODY, ssl_options=ssl_context
        )
        self._http.add_sockets(sockets)
        ports = {s.getsockname()[1] for s in sockets}
        self.app.access.ports.update(ports)
        self.port = sockets[0].getsockname()[1]
        if self.options.file_watcher_type != "none":
            self.watcher = SourceWatcher(self.runtime, kind=self.options.file_watcher_type)
            self.watcher.start()
        self._move(ServerState.SERVING)
        return self.port

    def _ssl_context(self) -> ssl.SSLContext | None:
        if self.options.ssl_cert_file is None or self.options.ssl_key_file is None:
            return None
        cert, key = self.options.ssl_cert_file, self.options.ssl_key_file
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        try:
            context.load_cert_chain(cert, key)
        except OSError as error:
            raise OSError(
                error.errno,
                f"cannot load the HTTPS certificate {cert!r} (server.sslCertFile) and key "
                f"{key!r} (server.sslKeyFile): {error.strerror or error}",
            ) from error
        return context

    async def shutdown(self, timeout: float = 1.0) -> None:
        """Stop gracefully: stop accepting, close every socket, stop every script thread."""
        self._move(ServerState.STOPPING)
        if self.watcher is not None:
            self.watcher.stop()
        assert self._http is not None
        self._http.stop()
        self.app.connections.close_all("the server is shutting down")
        # Requests already started (a media read, an upload) are answered first.
        if not await self.app.drain.wait(timeout):
            log.warning(
                "%d HTTP requests were still running after %.1f s", len(self.app.drain), timeout
            )
        try:
            await asyncio.wait_for(self._http.close_all_connections(), timeout)
        except asyncio.TimeoutError:
            log.warning("some HTTP connections were still open after %.1f s", timeout)
        # A handler still running has lost its connection; let it end rather than cancel it.
        await self.app.drain.wait(timeout)
        self.runtime.shutdown(timeout)
        self._move(ServerState.STOPPED)

    async def serve(self, started: Callable[[int], None] | None = None) -> None:
        """Start, serve until :meth:`request_stop`, then shut down."""
        port = await self.start()
        if started is not None:
            started(port)
        assert self._stop_requested is not None
        await self._stop_requested.wait()
        await self.shutdown()

    def request_stop(self) -> None:
        """Ask :meth:`serve` to shut down. Safe to call from any thread or a signal handler."""
        if self._loop is not None and self._stop_requested is not None:
            self._loop.add_callback(self._stop_requested.set)

    def run(self, started: Callable[[int], None] | None = None) -> None:
        """Serve on a new event loop until Ctrl-C or SIGTERM; block until stopped."""
        asyncio.run(self._serve_with_signals(started))

    async def _serve_with_signals(self, started: Callable[[int], None] | None) -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, self.request_stop)
            except (NotImplementedError, RuntimeError):  # Windows; not the main thread
                signal.signal(sig, lambda *_: self.request_stop())
        await self.serve(started)

    def start_in_thread(self, timeout: float = 10.0) -> int:
        """Serve on a background thread; return the bound port once it accepts connections."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def main() -> None:
            try:
                asyncio.run(self.serve(started=lambda _: ready.set()))
            except BaseException as error:
                failure.append(error)
                ready.set()

        self._thread = threading.Thread(target=main, name="rillet-server", daemon=True)
        self._thread.start()
        if not ready.wait(timeout):
            raise TimeoutError(f"the server did not start within {timeout} s")
        if failure:
            raise failure[0]
        assert self.port is not None
        return self.port

    def stop(self, timeout: float = 10.0) -> None:
        """Stop a server started with :meth:`start_in_thread`; block until it has stopped."""
        if self._thread is None:
            raise ServerStateError(
                "stop() is for a server started with start_in_thread(); "
                "on your own loop use `await server.shutdown()` or request_stop()"
            )
        self.request_stop()
        self._thread.join(timeout)
        if self._thread.is_alive():
            raise TimeoutError(f"the server did not stop within {timeout} s")
