"""The /_rillet/stream WebSocket."""

from __future__ import annotations

import time

import pytest
import websockets.sync.client
from websockets.exceptions import ConnectionClosed


def _url(running, query: str = "") -> str:
    return f"ws://127.0.0.1:{running.port}/_rillet/stream{query}"


def _wait_for(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


def test_stream_connects_a_session_and_relays_frames(serve) -> None:
    running = serve()
    with websockets.sync.client.connect(_url(running), open_timeout=5) as ws:
        assert ws.recv(timeout=5) == b"new:s1"
        ws.send(b"\x0a\x00")
        assert ws.recv(timeout=5) == b"echo:\x0a\x00"
    _wait_for(lambda: running.runtime.disconnected == ["s1"])


def test_stream_resumes_a_session(serve) -> None:
    running = serve()
    with websockets.sync.client.connect(_url(running), open_timeout=5) as ws:
        assert ws.recv(timeout=5) == b"new:s1"
    with websockets.sync.client.connect(_url(running, "?session=s1"), open_timeout=5) as ws:
        assert ws.recv(timeout=5) == b"new:s1"
    kwargs = running.runtime.connect_kwargs[-1]
    assert (kwargs["resume_id"], kwargs["desktop"]) == ("s1", False)


def test_the_connections_request_describes_the_user_without_the_desktop_token(serve) -> None:
    running = serve()
    headers = {"Accept-Language": "de-DE", "Cookie": "theme=dark; rillet_token=secret"}
    with websockets.sync.client.connect(
        _url(running), open_timeout=5, additional_headers=headers
    ) as ws:
        assert ws.recv(timeout=5) == b"new:s1"
    client = running.runtime.connect_kwargs[-1]["client"]
    assert client.cookies == {"theme": "dark"}
    assert ("Accept-Language", "de-DE") in client.headers
    assert ("Cookie", "theme=dark") in client.headers
    assert "secret" not in repr(client.headers)
    assert client.ip_address is None  # a loopback peer, as Streamlit reports it


def test_garbage_frame_closes_only_that_socket(serve) -> None:
    running = serve()
    with (
        websockets.sync.client.connect(_url(running), open_timeout=5) as bad,
        websockets.sync.client.connect(_url(running), open_timeout=5) as good,
    ):
        assert bad.recv(timeout=5) == b"new:s1"
        assert good.recv(timeout=5) == b"new:s2"
        bad.send(b"garbage!")
        with pytest.raises(ConnectionClosed) as closed:
            bad.recv(timeout=5)
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == 1007
        assert closed.value.rcvd.reason.startswith("invalid BackMsg: not a BackMsg")
        good.send(b"still here")
        assert good.recv(timeout=5) == b"echo:still here"


def test_text_frame_is_refused_with_1003(serve) -> None:
    running = serve()
    with websockets.sync.client.connect(_url(running), open_timeout=5) as ws:
        ws.recv(timeout=5)
        ws.send("hello")
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1003


def test_oversized_frame_closes_the_socket(serve) -> None:
    running = serve({"server.maxMessageSize": 1})
    with websockets.sync.client.connect(_url(running), open_timeout=5, max_size=None) as ws:
        ws.recv(timeout=5)
        ws.send(b"x" * (1024 * 1024 + 1))
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=5)
        assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
