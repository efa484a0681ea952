"""Two replicas of one app behind no sticky load balancer, sharing one Redis.

Each replica is a real Runtime and a real Tornado server in this process, on
its own port. A browser's WebSocket stays on one replica; its media and
upload requests may land on the other.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import websockets.sync.client

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.config import Config
from rillet.runtime.media import InMemoryMediaStorage
from rillet.runtime.redis_storage import redis_storage
from rillet.runtime.runtime import Runtime
from rillet.runtime.uploads import InMemoryUploadStorage
from rillet_server import Server

PNG = b"\x89PNG\r\n\x1a\n" + b"not really pixels" * 64
APP = f"""
import rillet as st

st.image({PNG!r})
upload = st.file_uploader("data")
if upload is not None:
    st.write("got " + upload.getvalue().decode())
"""


@dataclass
class Replica:
    runtime: Runtime
    server: Server
    port: int

    def request(
        self, method: str, path: str, *, body: bytes | None = None, **headers: str
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, response.headers, response.read()
        finally:
            conn.close()

    @contextlib.contextmanager
    def connect(self) -> Iterator[Browser]:
        url = f"ws://127.0.0.1:{self.port}/_rillet/stream"
        with websockets.sync.client.connect(url, open_timeout=5, max_size=None) as ws:
            yield Browser(ws)


class Browser:
    """One tab's WebSocket: decodes frames, runs the script, reads what it showed."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.session_id = self._until(lambda m: m.HasField("new_session")).new_session.session_id
        self.elements: dict[tuple[int, ...], pb.Element] = {}

    def _until(self, wanted: Callable[[pb.ForwardMsg], bool]) -> pb.ForwardMsg:
        while True:
            batch = pb.ForwardBatch()
            batch.ParseFromString(self.ws.recv(timeout=10))
            for msg in batch.msgs:
                if msg.HasField("delta") and msg.delta.HasField("new_element"):
                    self.elements[tuple(msg.delta.path)] = msg.delta.new_element
                if wanted(msg):
                    return msg

    def rerun(self, *states: pb.WidgetState) -> None:
        self.elements.clear()
        request = pb.RerunRequest(widget_states=pb.WidgetStates(widgets=states))
        self.ws.send(pb.BackMsg(rerun=request).SerializeToString())
        finished = self._until(lambda m: m.HasField("script_finished"))
        assert finished.script_finished.status == pb.ScriptFinished.SUCCESS

    def found(self, kind: str) -> list[pb.Element]:
        return [e for _, e in sorted(self.elements.items()) if e.WhichOneof("type") == kind]


ReplicaFactory = Callable[..., Replica]


@pytest.fixture
def replicas(tmp_path: Path) -> Iterator[ReplicaFactory]:
    """``replicas(2, redis_url=...)``: that many replicas of one app; memory storage without a URL."""
    script = tmp_path / "app.py"
    script.write_text(APP)
    started: list[tuple[Server, Runtime, list[Any]]] = []
    prefix = f"test-{os.urandom(4).hex()}"

    def start(flags: dict[str, object] | None = None, *, redis_url: str | None = None) -> Replica:
        config = Config.from_flags(
            {
                "server.port": 0,
                "server.address": "127.0.0.1",
                "server.fileWatcherType": "none",
                "server.headless": True,
                **(flags or {}),
            }
        )
        storages: list[Any] = []
        if redis_url is None:
            runtime = Runtime(
                script, config, media=InMemoryMediaStorage(), uploads=InMemoryUploadStorage()
            )
        else:
            media, uploads = redis_storage(redis_url, prefix=prefix)
            storages = [media, uploads]
            runtime = Runtime(script, config, media=media, uploads=uploads)
        server = Server(runtime, config)
        port = server.start_in_thread()
        started.append((server, runtime, storages))
        return Replica(runtime, server, port)

    yield start
    for server, runtime, storages in started:
        server.stop()
        runtime.shutdown()
        for storage in storages:
            storage.close()


def _image_path(browser: Browser) -> str:
    [images] = browser.found("imgs")
    return images.imgs.imgs[0].url


def _uploader_id(browser: Browser) -> str:
    [uploader] = browser.found("file_uploader")
    return uploader.file_uploader.common.id


def test_media_shown_by_a_session_on_a_is_served_by_b(
    replicas: ReplicaFactory, redis_url: str
) -> None:
    a, b = replicas(redis_url=redis_url), replicas(redis_url=redis_url)
    with a.connect() as browser:
        browser.rerun()
        url = _image_path(browser)
    assert url.startswith("/media/")
    status, headers, body = b.request("GET", url)
    assert (status, headers["Content-Type"], body) == (200, "image/png", PNG)
    status, headers, body = b.request("GET", url, Range="bytes=0-7")
    assert (status, headers["Content-Range"], body) == (206, f"bytes 0-7/{len(PNG)}", PNG[:8])


def test_without_shared_storage_the_other_replica_does_not_know_the_media(
    replicas: ReplicaFactory,
) -> None:
    a, b = replicas(), replicas()
    with a.connect() as browser:
        browser.rerun()
        url = _image_path(browser)
        assert a.request("GET", url)[0] == 200
        assert b.request("GET", url)[0] == 404


def test_file_put_to_b_is_seen_by_the_session_on_a_when_it_reruns(
    replicas: ReplicaFactory, redis_url: str
) -> None:
    # XSRF on: the token the page got from A is good on B (no shared secret needed).
    flags = {"server.enableXsrfProtection": True}
    a, b = replicas(flags, redis_url=redis_url), replicas(flags, redis_url=redis_url)
    _, headers, _ = a.request("GET", "/")
    xsrf = headers["Set-Cookie"].split("_xsrf=", 1)[1].split(";", 1)[0]
    with a.connect() as browser:
        browser.rerun()
        assert browser.found("markdown") == []
        status, _, body = b.request(
            "PUT",
            f"/_rillet/upload/{browser.session_id}/f1",
            body=b"hello from b",
            **{
                "Content-Type": "text/plain",
                "X-Rillet-Filename": "hello.txt",
                "Cookie": f"_xsrf={xsrf}",
                "X-Xsrftoken": xsrf,
            },
        )
        assert status == 204, body
        ref = pb.UploadedFileRef(file_id="f1", name="hello.txt", type="text/plain", size=12)
        state = pb.WidgetState(
            id=_uploader_id(browser),
            file_uploader_state_value=pb.FileUploaderState(files=[ref]),
        )
        browser.rerun(state)
        [markdown] = browser.found("markdown")
        assert markdown.markdown.body == "got hello from b"


def test_upload_to_a_session_no_replica_runs_is_refused(
    replicas: ReplicaFactory, redis_url: str
) -> None:
    flags = {"server.disconnectedSessionTTL": 0}
    a, b = replicas(flags, redis_url=redis_url), replicas(flags, redis_url=redis_url)
    headers = {"X-Rillet-Filename": "a.txt"}
    unknown = os.urandom(16).hex()
    for replica in (a, b):
        status, _, body = replica.request(
            "PUT", f"/_rillet/upload/{unknown}/f1", body=b"a", **headers
        )
        assert status == 400 and b"unknown session" in body
    with a.connect() as browser:
        session_id = browser.session_id
        put = b.request("PUT", f"/_rillet/upload/{session_id}/f1", body=b"a", **headers)
        assert put[0] == 204
    # The socket closed and the session with it (TTL 0): no replica takes uploads for it.
    deadline = time.monotonic() + 5
    while a.runtime.get_session(session_id) is not None and time.monotonic() < deadline:
        time.sleep(0.01)
    status, _, _ = b.request("PUT", f"/_rillet/upload/{session_id}/f2", body=b"a", **headers)
    assert status == 400
    assert a.runtime.uploads.get(session_id, "f1") is None
