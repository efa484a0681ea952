"""PUT/DELETE /_rillet/upload/<session>/<file_id>."""

from __future__ import annotations

import socket
import threading
import time


def _session(running) -> str:
    running.runtime.connect(lambda _: None, lambda _: None)
    return next(iter(running.runtime.sessions))


def test_upload_put_stores_the_file(serve) -> None:
    running = serve()
    sid = _session(running)
    status, _, _ = running.request(
        "PUT",
        f"/_rillet/upload/{sid}/abc123",
        body=b"x,y\n1,2\n",
        headers={"Content-Type": "text/csv", "X-Rillet-Filename": "na%C3%AFve%20data.csv"},
    )
    assert status == 204
    record = running.runtime.uploads.get(sid, "abc123")
    assert record is not None
    assert (record.name, record.type, record.data) == ("naïve data.csv", "text/csv", b"x,y\n1,2\n")


def test_upload_delete_removes_it(serve) -> None:
    running = serve()
    sid = _session(running)
    running.runtime.uploads.add(sid, "f1", "a.txt", "text/plain", b"a")
    assert running.request("DELETE", f"/_rillet/upload/{sid}/f1")[0] == 204
    assert running.runtime.uploads.get(sid, "f1") is None
    assert running.request("DELETE", f"/_rillet/upload/{sid}/f1")[0] == 404


def test_upload_to_unknown_session_is_400(serve) -> None:
    status, _, body = serve().request(
        "PUT", "/_rillet/upload/nosuch/f1", body=b"a", headers={"X-Rillet-Filename": "a"}
    )
    assert status == 400
    assert b"unknown session 'nosuch'" in body


def test_upload_with_bad_file_id_is_400(serve) -> None:
    running = serve()
    sid = _session(running)
    status, _, body = running.request(
        "PUT", f"/_rillet/upload/{sid}/bad.id", body=b"a", headers={"X-Rillet-Filename": "a"}
    )
    assert status == 400
    assert b"bad file id 'bad.id'" in body


def test_upload_without_file_name_is_400(serve) -> None:
    running = serve()
    sid = _session(running)
    status, _, body = running.request("PUT", f"/_rillet/upload/{sid}/f1", body=b"a")
    assert status == 400
    assert b"X-Rillet-Filename" in body


def test_upload_between_body_limit_and_upload_limit_is_accepted(serve) -> None:
    running = serve({"server.maxUploadSize": 3})
    sid = _session(running)
    data = b"z" * (2 * 1024 * 1024)
    status, _, _ = running.request(
        "PUT", f"/_rillet/upload/{sid}/big", body=data, headers={"X-Rillet-Filename": "big.bin"}
    )
    assert status == 204
    record = running.runtime.uploads.get(sid, "big")
    assert record is not None and len(record.data) == len(data)


def test_upload_over_the_limit_is_413_before_the_body_is_read(serve) -> None:
    running = serve({"server.maxUploadSize": 1})
    sid = _session(running)
    # Declare 50 MB but send only the headers: the answer must come without the body.
    with socket.create_connection(("127.0.0.1", running.port), timeout=5) as sock:
        sock.sendall(
            (
                f"PUT /_rillet/upload/{sid}/huge HTTP/1.1\r\nHost: 127.0.0.1:{running.port}\r\n"
                f"Content-Length: {50 * 1024 * 1024}\r\nX-Rillet-Filename: huge.bin\r\n\r\n"
            ).encode()
        )
        response = b""
        while b"\r\n\r\n" not in response or not response.rstrip().endswith(
            b"(server.maxUploadSize)"
        ):
            chunk = sock.recv(4096)
            if not chunk:
                break
            response += chunk
    assert response.startswith(b"HTTP/1.1 413")
    assert b"over the limit of 1 MB (server.maxUploadSize)" in response
    assert running.runtime.uploads.get(sid, "huge") is None


def test_a_slow_upload_store_does_not_hold_up_other_requests(serve, monkeypatch) -> None:
    # A shared store (Redis) is a network round trip away: the IOLoop must not wait on it.
    running = serve()
    session_id = _session(running)
    storing = threading.Event()
    release = threading.Event()
    original = running.runtime.uploads.add

    def slow_add(*args):
        storing.set()
        release.wait(5)
        return original(*args)

    monkeypatch.setattr(running.runtime.uploads, "add", slow_add)
    answers: list[int] = []
    upload = threading.Thread(
        target=lambda: answers.append(
            running.request(
                "PUT",
                f"/_rillet/upload/{session_id}/f1",
                body=b"a,b\n",
                headers={"X-Rillet-Filename": "a.csv"},
            )[0]
        )
    )
    upload.start()
    assert storing.wait(5)
    started = time.monotonic()
    assert running.get("/_rillet/health")[0] == 200
    assert time.monotonic() - started < 1
    release.set()
    upload.join(5)
    assert answers == [204]
