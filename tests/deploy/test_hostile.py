"""Hostile input against a real server: fuzzed BackMsgs, traversal attempts, network-mode checks.

The server is a real Runtime and Tornado server on a loopback port running an
app with several widget kinds. What must hold whatever a client sends: no
HTTP 500, the server keeps serving, and only the offending socket closes (a
bystander session opened first still reruns at the end).
"""

from __future__ import annotations

import contextlib
import http.client
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import websockets.exceptions
import websockets.sync.client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.config import Config
from rillet.runtime.media import InMemoryMediaStorage
from rillet.runtime.runtime import Runtime
from rillet.runtime.uploads import InMemoryUploadStorage
from rillet_server import Server

APP = """
import datetime
import rillet as st

st.image(b"\\x89PNG\\r\\n\\x1a\\n" + b"px" * 50)
values = [
    st.slider("slider", 0, 10, 5),
    st.slider("range", 0.0, 1.0, (0.2, 0.8)),
    st.number_input("number", min_value=-5, max_value=5, value=0),
    st.selectbox("select", ["a", "b", "c"]),
    st.multiselect("multi", ["x", "y", "z"], max_selections=2),
    st.radio("radio", ["r1", "r2"]),
    st.checkbox("check"),
    st.toggle("toggle"),
    st.text_input("text", max_chars=5),
    st.text_area("area"),
    st.date_input("date", datetime.date(2024, 1, 1), min_value=datetime.date(2020, 1, 1)),
    st.time_input("time", datetime.time(12, 0)),
    st.select_slider("ss", ["lo", "mid", "hi"]),
    st.color_picker("color"),
    st.button("button"),
    st.file_uploader("upload"),
]
st.write("ok " + str(len(values)))
"""
MAX_MESSAGE_MB = 1
# Contents that must never come back: the file beside static/, and /etc/passwd.
SECRET = "the-contents-of-secret-txt"
LEAKS = (SECRET.encode(), b"root:x:0:0:")


@dataclass
class Live:
    server: Server
    runtime: Runtime
    port: int
    tmp: Path

    def request(self, method: str, path: str, **headers: str) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, path, body=b"x" if method == "PUT" else None, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    @contextlib.contextmanager
    def socket(self, **headers: str) -> Iterator[Any]:
        url = f"ws://127.0.0.1:{self.port}/_rillet/stream"
        with websockets.sync.client.connect(
            url, open_timeout=5, max_size=None, additional_headers=headers
        ) as ws:
            yield ws


def _start(tmp: Path, flags: dict[str, object]) -> Live:
    script = tmp / "app.py"
    script.write_text(APP)
    (tmp / "static").mkdir(exist_ok=True)
    (tmp / "static" / "ok.txt").write_text("public")
    (tmp / "secret.txt").write_text(SECRET)
    config = Config.from_flags(
        {
            "server.port": 0,
            "server.address": "127.0.0.1",
            "server.fileWatcherType": "none",
            "server.headless": True,
            "server.enableStaticServing": True,
            "server.maxMessageSize": MAX_MESSAGE_MB,
            "server.maxUploadSize": 1,
            **flags,
        }
    )
    runtime = Runtime(script, config, media=InMemoryMediaStorage(), uploads=InMemoryUploadStorage())
    server = Server(runtime, config)
    return Live(server, runtime, server.start_in_thread(), tmp)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    started = _start(tmp_path_factory.mktemp("hostile"), {})
    yield started
    started.server.stop()
    started.runtime.shutdown()


def _frames(ws: Any) -> Iterator[pb.ForwardMsg]:
    while True:
        batch = pb.ForwardBatch()
        batch.ParseFromString(ws.recv(timeout=10))
        yield from batch.msgs


def _run(ws: Any, *states: pb.WidgetState) -> tuple[pb.ScriptFinished, list[pb.Element]]:
    request = pb.RerunRequest(widget_states=pb.WidgetStates(widgets=states))
    ws.send(pb.BackMsg(rerun=request).SerializeToString())
    elements = []
    for msg in _frames(ws):
        if msg.HasField("delta") and msg.delta.HasField("new_element"):
            elements.append(msg.delta.new_element)
        if msg.HasField("script_finished"):
            return msg.script_finished, elements
    raise AssertionError("unreachable")


def _open(ws: Any) -> list[pb.Element]:
    for msg in _frames(ws):
        if msg.HasField("new_session"):
            break
    finished, elements = _run(ws)
    assert finished.status == pb.ScriptFinished.SUCCESS
    return elements


def _widget_ids(live: Live) -> dict[str, str]:
    with live.socket() as ws:
        elements = _open(ws)
    ids = {}
    for element in elements:
        kind = element.WhichOneof("type")
        common = getattr(getattr(element, kind), "common", None)
        if common is not None and common.id:
            ids[common.label if common.label else kind] = common.id
    return ids


def _still_serving(live: Live, bystander: Any) -> None:
    assert live.request("GET", "/_rillet/health")[0] == 200
    finished, _ = _run(bystander)
    assert finished.status == pb.ScriptFinished.SUCCESS


def _send_and_settle(live: Live, frame: bytes) -> None:
    """Send one frame on a fresh socket; the server may answer, or close this socket only."""
    with live.socket() as ws:
        for msg in _frames(ws):
            if msg.HasField("new_session"):
                break
        try:
            ws.send(frame)
            # A rerun request that parses gets a finished run; anything else ends the socket.
            for msg in _frames(ws):
                if msg.HasField("script_finished"):
                    break
        except TimeoutError:
            pass  # a frame that asked for nothing: the socket stays open, as it may
        except websockets.exceptions.ConnectionClosed as closed:
            assert closed.rcvd is not None and closed.rcvd.code != 1011, closed.rcvd


FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(frame=st.binary(max_size=512))
def test_random_frames_close_only_their_own_socket(live: Live, frame: bytes) -> None:
    with live.socket() as bystander:
        _open(bystander)
        _send_and_settle(live, frame)
        _still_serving(live, bystander)


def _valid_frames() -> list[bytes]:
    states = [
        pb.WidgetState(id="x" * 40, int_value=3),
        pb.WidgetState(id="y", string_array_value=pb.StringArray(data=["a", "b"])),
    ]
    request = pb.RerunRequest(widget_states=pb.WidgetStates(widgets=states), query_string="a=1")
    return [pb.BackMsg(rerun=request).SerializeToString()]


@FUZZ
@given(data=st.data())
def test_truncated_rerun_requests_close_only_their_own_socket(live: Live, data: Any) -> None:
    [frame] = _valid_frames()
    cut = data.draw(st.integers(min_value=1, max_value=len(frame) - 1))
    with live.socket() as bystander:
        _open(bystander)
        _send_and_settle(live, frame[:cut])
        _still_serving(live, bystander)


def test_an_oversized_frame_closes_that_socket_with_1009(live: Live) -> None:
    with live.socket() as bystander:
        _open(bystander)
        with live.socket() as ws:
            next(m for m in _frames(ws) if m.HasField("new_session"))
            ws.send(b"\x0a" + os.urandom(MAX_MESSAGE_MB * 1024 * 1024 + 10))
            with pytest.raises(websockets.exceptions.ConnectionClosed) as closed:
                ws.recv(timeout=10)
            assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009
        _still_serving(live, bystander)


VALUES = st.one_of(
    st.builds(lambda v: {"trigger_value": v}, st.booleans()),
    st.builds(lambda v: {"bool_value": v}, st.booleans()),
    st.builds(lambda v: {"int_value": v}, st.integers(min_value=-(2**63), max_value=2**63 - 1)),
    st.builds(lambda v: {"double_value": v}, st.floats(allow_nan=True, allow_infinity=True)),
    st.builds(lambda v: {"string_value": v}, st.text(max_size=40)),
    st.builds(
        lambda v: {"string_array_value": pb.StringArray(data=v)},
        st.lists(st.text(max_size=8), max_size=5),
    ),
    st.builds(
        lambda v: {"int_array_value": pb.IntArray(data=v)},
        st.lists(st.integers(min_value=-(2**63), max_value=2**63 - 1), max_size=5),
    ),
    st.builds(
        lambda v: {"double_array_value": pb.DoubleArray(data=v)},
        st.lists(st.floats(), max_size=4),
    ),
    st.builds(lambda v: {"bytes_value": v}, st.binary(max_size=16)),
    st.builds(lambda v: {"json_value": v}, st.text(max_size=20)),
    st.builds(
        lambda name, size: {
            "file_uploader_state_value": pb.FileUploaderState(
                files=[pb.UploadedFileRef(file_id="nope", name=name, size=size)]
            )
        },
        st.text(max_size=12),
        st.integers(min_value=-1, max_value=2**40),
    ),
)


@pytest.fixture(scope="module")
def widget_ids(live: Live) -> list[str]:
    ids = sorted(_widget_ids(live).values())
    assert len(ids) >= 15
    return ids


@FUZZ
@given(data=st.data())
def test_any_value_for_any_widget_or_an_unknown_id_never_breaks_the_server(
    live: Live, widget_ids: list[str], data: Any
) -> None:
    known = widget_ids
    states = data.draw(
        st.lists(
            st.builds(
                lambda wid, value: pb.WidgetState(id=wid, **value),
                st.one_of(st.sampled_from(known), st.text(max_size=30)),
                VALUES,
            ),
            min_size=1,
            max_size=6,
        )
    )
    with live.socket() as bystander:
        _open(bystander)
        with live.socket() as ws:
            next(m for m in _frames(ws) if m.HasField("new_session"))
            finished, _elements = _run(ws, *states)
            # A wrong value is the app's error to show (or the default), never a dead session.
            assert finished.status in (pb.ScriptFinished.SUCCESS, pb.ScriptFinished.ERROR)
            finished, _ = _run(ws)
            assert finished.status == pb.ScriptFinished.SUCCESS
        _still_serving(live, bystander)


TRAVERSALS = [
    "../secret.txt",
    "..%2fsecret.txt",
    "%2e%2e/secret.txt",
    "%2e%2e%2fsecret.txt",
    "%252e%252e%252fsecret.txt",
    "..%5csecret.txt",
    "..\\secret.txt",
    "....//secret.txt",
    "/etc/passwd",
    "%2fetc%2fpasswd",
    "..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "../../../../../../etc/passwd",
    "ok.txt%00.png",
    "%c0%ae%c0%ae/secret.txt",
    "a/../../secret.txt",
]
ROUTES = [
    "/app/static/",
    "/media/",
    "/static/",
    "/component/rillet.no_such.component/",
    "/component/~0123abcd/rillet.no_such.component/",
]


@pytest.mark.parametrize("route", ROUTES)
def test_path_traversal_on_file_routes_is_refused_without_a_500(live: Live, route: str) -> None:
    assert live.request("GET", "/app/static/ok.txt") == (200, b"public")
    for attempt in TRAVERSALS:
        for method in ("GET", "HEAD"):
            status, body = live.request(method, route + attempt)
            # Refused, or redirected/answered with the app's page: never the file, never a 500.
            assert status < 500, (route + attempt, status)
            assert not any(leak in body for leak in LEAKS)


def test_path_traversal_in_upload_urls_is_refused_without_a_500(live: Live) -> None:
    # A live session: its upload URLs are the ones attacked around.
    with live.socket() as ws:
        next(m for m in _frames(ws) if m.HasField("new_session"))
        for attempt in TRAVERSALS:
            for method in ("PUT", "DELETE", "GET"):
                status, body = live.request(
                    method, f"/_rillet/upload/{attempt}/f1", **{"X-Rillet-Filename": attempt}
                )
                assert status < 500 and status not in (200, 204), (attempt, method, status)
                assert not any(leak in body for leak in LEAKS)


@pytest.fixture
def network(tmp_path: Path) -> Iterator[Live]:
    """A server bound as ``--server.address 0.0.0.0`` is: XSRF and Origin checks on."""
    started = _start(tmp_path, {"server.address": "0.0.0.0"})
    yield started
    started.server.stop()
    started.runtime.shutdown()


def test_network_mode_refuses_a_cross_origin_websocket(network: Live) -> None:
    host = f"127.0.0.1:{network.port}"
    with (
        pytest.raises(websockets.exceptions.InvalidStatus) as refused,
        network.socket(Origin="https://evil.example"),
    ):
        pass
    assert refused.value.response.status_code == 403
    with network.socket(Origin=f"http://{host}") as ws:
        _open(ws)


def test_network_mode_refuses_uploads_without_the_xsrf_token(network: Live) -> None:
    with network.socket() as ws:
        session = next(m for m in _frames(ws) if m.HasField("new_session")).new_session.session_id
        url = f"/_rillet/upload/{session}/f1"
        assert network.request("PUT", url, **{"X-Rillet-Filename": "a.txt"})[0] == 403
        assert network.request("DELETE", url)[0] == 403
        token = _xsrf_cookie(network)
        cookie = {"Cookie": f"_xsrf={token}", "X-Xsrftoken": token}
        # Another page load's token: a different secret, so it does not match the cookie.
        wrong = {"Cookie": f"_xsrf={token}", "X-Xsrftoken": _xsrf_cookie(network)}
        assert network.request("PUT", url, **{"X-Rillet-Filename": "a.txt"}, **wrong)[0] == 403
        assert network.request("PUT", url, **{"X-Rillet-Filename": "a.txt"}, **cookie)[0] == 204


def _get_with_headers(live: Live, path: str) -> tuple[int, http.client.HTTPMessage, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", live.port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def _xsrf_cookie(live: Live) -> str:
    # The page sets the _xsrf cookie; without a built client it is a 503 that still sets it.
    _, headers, _ = _get_with_headers(live, "/")
    for value in headers.get_all("Set-Cookie") or []:
        if value.startswith("_xsrf="):
            return value.split("=", 1)[1].split(";", 1)[0]
    raise AssertionError(f"no _xsrf cookie in {headers}")


UPLOADS = [
    ({}, b"no file name"),
    ({"X-Rillet-Filename": ""}, b"empty file name"),
    ({"X-Rillet-Filename": "../../etc/passwd"}, b"a path for a name"),
    ({"X-Rillet-Filename": "%00.txt"}, b"an encoded NUL"),
    ({"X-Rillet-Filename": "a" * 5000}, b"a long name"),
    ({"X-Rillet-Filename": "x.txt", "Content-Type": "\u00ff/\u00ff"}, b"a non-ASCII type"),
    ({"X-Rillet-Filename": "x.txt", "Content-Type": "text/plain; charset=nope"}, b"a bad charset"),
    ({"X-Rillet-Filename": "x.bin"}, b"x" * (1024 * 1024 + 1)),
    ({"X-Rillet-Filename": "x.txt", "Content-Length": "99999999999"}, b"a lying length"),
    ({"X-Rillet-Filename": "x.txt", "Content-Length": "-1"}, b"a negative length"),
]


@pytest.mark.parametrize(("headers", "body"), UPLOADS, ids=[str(i) for i in range(len(UPLOADS))])
def test_uploads_with_wrong_sizes_names_or_types_never_answer_500(
    live: Live, headers: dict[str, str], body: bytes
) -> None:
    with live.socket() as bystander:
        session = next(
            m for m in _frames(bystander) if m.HasField("new_session")
        ).new_session.session_id
        conn = http.client.HTTPConnection("127.0.0.1", live.port, timeout=10)
        try:
            conn.putrequest("PUT", f"/_rillet/upload/{session}/f1")
            if "Content-Length" not in headers:
                conn.putheader("Content-Length", str(len(body)))
            for name, value in headers.items():
                conn.putheader(name, value.encode("latin-1", "replace"))
            conn.endheaders()
            with contextlib.suppress(OSError):
                conn.send(body)
            try:
                status = conn.getresponse().status
            except (OSError, http.client.HTTPException):
                status = 0  # the server closed this connection: allowed
        finally:
            conn.close()
        assert status < 500, status
        finished, _ = _run(bystander)
        assert finished.status == pb.ScriptFinished.SUCCESS


def test_slow_and_half_open_connections_do_not_hold_up_anybody_else(live: Live) -> None:
    import socket
    import time

    stalled: list[socket.socket] = []
    try:
        for i in range(50):
            sock = socket.create_connection(("127.0.0.1", live.port), timeout=5)
            # Half a request line, half the headers, or a body promised and never sent.
            sock.sendall(
                [
                    b"GET /_rillet/hea",
                    b"GET /_rillet/health HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                    b"PUT /_rillet/upload/s/f HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nab",
                ][i % 3]
            )
            stalled.append(sock)
        with live.socket() as bystander:
            _open(bystander)
            # A WebSocket frame that announces 100 bytes and sends 10.
            with live.socket() as ws:
                next(m for m in _frames(ws) if m.HasField("new_session"))
                ws.socket.sendall(b"\x82\xe4" + b"\x00\x00\x00\x00" + b"x" * 10)
                started = time.monotonic()
                _still_serving(live, bystander)
                assert time.monotonic() - started < 2
                ws.close_timeout = 0.2  # its close handshake cannot complete: do not wait on it
    finally:
        for sock in stalled:
            sock.close()
