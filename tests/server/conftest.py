"""Fixtures for the server tests: a fake runtime and a server on a free port."""

from __future__ import annotations

import gzip
import http.client
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from rillet.runtime.config import Config
from rillet.runtime.errors import ProtocolError
from rillet.runtime.media import InMemoryMediaStorage
from rillet.runtime.uploads import InMemoryUploadStorage
from rillet_server import Server

INDEX_HTML = (
    b"<!doctype html><title>rillet</title><script src='./static/assets/app-1a2b3c.js'></script>"
)
APP_JS = b"console.log('rillet client');\n" * 50


class FakeSession:
    """Echoes each BackMsg back as one frame; b"garbage" is a protocol error."""

    def __init__(self, session_id: str, deliver: Callable[[bytes], None]) -> None:
        self.id = session_id
        self.deliver = deliver
        self.received: list[bytes] = []

    def handle_back_msg(self, data: bytes) -> None:
        if data.startswith(b"garbage"):
            raise ProtocolError("not a BackMsg: could not parse 7 bytes")
        self.received.append(data)
        self.deliver(b"echo:" + data)


@dataclass
class FakeRuntime:
    """The runtime contract the server relies on, and nothing else."""

    script_path: Path
    watched: set[Path] = field(default_factory=set)
    media: InMemoryMediaStorage = field(default_factory=InMemoryMediaStorage)
    uploads: InMemoryUploadStorage = field(default_factory=InMemoryUploadStorage)
    sessions: dict[str, FakeSession] = field(default_factory=dict)
    disconnected: list[str] = field(default_factory=list)
    changes: list[set[Path]] = field(default_factory=list)
    shut_down: bool = False
    connect_kwargs: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    # The server reads the shared session store (none here) through the app.
    app: Any = field(default_factory=lambda: SimpleNamespace(session_store=None))

    def connect(
        self,
        deliver: Callable[[bytes], None],
        schedule: Callable[[Callable[[], None]], None],
        *,
        resume_id: str | None = None,
        desktop: bool = False,
        client: Any = None,
        resume_secret: str | None = None,
        restore: Any = None,
    ) -> FakeSession:
        self.connect_kwargs.append({"resume_id": resume_id, "desktop": desktop, "client": client})
        if resume_id in self.sessions:
            session = self.sessions[resume_id]
            session.deliver = deliver
        else:
            session = FakeSession(f"s{len(self.sessions) + 1}", deliver)
            self.sessions[session.id] = session
        deliver(b"new:" + session.id.encode())
        return session

    def disconnect(self, session_id: str) -> None:
        self.disconnected.append(session_id)

    def has_session(self, session_id: str) -> bool:
        return session_id in self.sessions

    def get_session(self, session_id: str) -> FakeSession | None:
        return self.sessions.get(session_id)

    def watched_paths(self) -> set[Path]:
        with self.lock:
            return set(self.watched)

    def source_changed(self, paths: set[Path]) -> None:
        with self.lock:
            self.changes.append(set(paths))

    def shutdown(self, timeout: float = 1.0) -> None:
        self.shut_down = True


@pytest.fixture
def static_dir(tmp_path: Path) -> Path:
    root = tmp_path / "client"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_bytes(INDEX_HTML)
    (root / "index.html.gz").write_bytes(gzip.compress(INDEX_HTML))
    (root / "assets" / "app-1a2b3c.js").write_bytes(APP_JS)
    (root / "assets" / "app-1a2b3c.js.gz").write_bytes(gzip.compress(APP_JS))
    (root / "assets" / "font-9f8e.woff2").write_bytes(b"wOF2")
    (root / "robots.txt").write_bytes(b"User-agent: *\n")
    return root


@pytest.fixture
def runtime(tmp_path: Path) -> FakeRuntime:
    script = tmp_path / "app" / "app.py"
    script.parent.mkdir()
    script.write_text("import rillet as st\n")
    return FakeRuntime(script_path=script)


@dataclass
class Running:
    server: Server
    runtime: FakeRuntime
    port: int

    def request(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    def get(self, path: str, **headers: str) -> tuple[int, http.client.HTTPMessage, bytes]:
        return self.request("GET", path, headers=dict(headers))


ServeFactory = Callable[..., Running]


@pytest.fixture
def serve(runtime: FakeRuntime, static_dir: Path) -> Iterator[ServeFactory]:
    """Start a Server on a free port: ``serve(flags={...}, desktop_token=...)``."""
    started: list[Server] = []

    def start(
        flags: dict[str, object] | None = None,
        *,
        desktop_token: str | None = None,
        address: str = "127.0.0.1",
    ) -> Running:
        config = Config.from_flags(
            {
                "server.port": 0,
                "server.address": address,
                "server.fileWatcherType": "none",
                **(flags or {}),
            }
        )
        server = Server(runtime, config, static_dir=static_dir, desktop_token=desktop_token)  # type: ignore[arg-type]
        port = server.start_in_thread()
        started.append(server)
        return Running(server, runtime, port)

    yield start
    for server in started:
        if server.state.value == "serving":
            server.stop()
