"""Desktop token, Host, Origin and XSRF checks."""

from __future__ import annotations

import pytest
import websockets.sync.client
from websockets.exceptions import InvalidStatus

from rillet_server.access import AccessPolicy, Verdict, is_loopback, split_host

TOKEN = "s3cret-launch-token"


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.5.5.5", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("", False),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.10", False),
        ("example.com", False),
    ],
)
def test_is_loopback(address: str, loopback: bool) -> None:
    assert is_loopback(address) is loopback


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("127.0.0.1:8501", ("127.0.0.1", 8501)),
        ("localhost", ("localhost", None)),
        ("[::1]:9000", ("::1", 9000)),
        ("Example.COM:80", ("example.com", 80)),
        ("host:notaport", ("host", None)),
    ],
)
def test_split_host(header: str, expected: tuple[str, int | None]) -> None:
    assert split_host(header) == expected


def test_policy_without_token_allows_everything() -> None:
    assert AccessPolicy().check("evil.example", None, None).verdict is Verdict.ALLOW


def test_policy_with_token() -> None:
    policy = AccessPolicy(desktop_token=TOKEN, ports={4000})
    assert policy.check("127.0.0.1:4000", TOKEN, None).verdict is Verdict.ALLOW
    assert policy.check("localhost:4000", None, TOKEN).verdict is Verdict.LOGIN
    assert policy.check("127.0.0.1:4000", "wrong", None).verdict is Verdict.DENY
    assert policy.check("127.0.0.1:4000", None, None).verdict is Verdict.DENY
    assert policy.check("127.0.0.1:4001", TOKEN, None).verdict is Verdict.DENY
    assert policy.check("rebound.example:4000", TOKEN, None).verdict is Verdict.DENY


def test_origin_rules() -> None:
    policy = AccessPolicy(allowed_origins=frozenset({"https://trusted.example"}))
    assert policy.origin_allowed("http://127.0.0.1:8501", "127.0.0.1:8501")
    assert policy.origin_allowed("", "127.0.0.1:8501")  # not a browser
    assert policy.origin_allowed("https://trusted.example", "127.0.0.1:8501")
    assert not policy.origin_allowed("http://evil.example", "127.0.0.1:8501")
    assert not policy.origin_allowed("http://127.0.0.1:9999", "127.0.0.1:8501")
    assert AccessPolicy(check_origin=False).origin_allowed("http://evil.example", "x")


# -- desktop token over real HTTP ---------------------------------------------


def test_desktop_request_without_token_is_403(serve) -> None:
    running = serve(desktop_token=TOKEN)
    for path in ("/", "/_rillet/health", "/static/assets/app-1a2b3c.js", "/media/x.png", "/nope"):
        status, _, body = running.get(path)
        assert status == 403, path
        assert b"desktop token" in body


def test_desktop_first_load_trades_the_token_for_a_cookie(serve) -> None:
    running = serve(desktop_token=TOKEN)
    status, headers, _ = running.get(f"/page_two?token={TOKEN}&tab=2")
    assert status == 302
    assert headers["Location"] == "/page_two?tab=2"
    cookie = headers["Set-Cookie"]
    assert cookie.startswith(f"rillet_token={TOKEN};")
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    status, _, body = running.get("/page_two?tab=2", Cookie=f"rillet_token={TOKEN}")
    assert status == 200 and b"rillet" in body


def test_desktop_wrong_token_is_403(serve) -> None:
    running = serve(desktop_token=TOKEN)
    assert running.get("/?token=guess")[0] == 403
    assert running.get("/", Cookie="rillet_token=guess")[0] == 403


def test_desktop_token_in_query_does_not_authorize_an_upload(serve) -> None:
    running = serve(desktop_token=TOKEN)
    status, _, _ = running.request("PUT", f"/_rillet/upload/s1/f1?token={TOKEN}", body=b"a")
    assert status == 403


def test_desktop_wrong_host_is_403_even_with_the_cookie(serve) -> None:
    running = serve(desktop_token=TOKEN)
    cookie = f"rillet_token={TOKEN}"
    status, _, body = running.get("/", Cookie=cookie, Host=f"attacker.example:{running.port}")
    assert status == 403
    assert b"not this desktop server" in body
    assert running.get("/", Cookie=cookie, Host=f"localhost:{running.port}")[0] == 200


def test_desktop_websocket_needs_the_cookie(serve) -> None:
    running = serve(desktop_token=TOKEN)
    url = f"ws://127.0.0.1:{running.port}/_rillet/stream"
    with pytest.raises(InvalidStatus) as refused:
        websockets.sync.client.connect(url, open_timeout=5)
    assert refused.value.response.status_code == 403
    with websockets.sync.client.connect(
        url, additional_headers={"Cookie": f"rillet_token={TOKEN}"}, open_timeout=5
    ) as ws:
        assert ws.recv(timeout=5) == b"new:s1"
    assert running.runtime.connect_kwargs[-1]["desktop"] is True


# -- origin and XSRF on a network-bound server --------------------------------


def test_cross_origin_websocket_is_refused(serve) -> None:
    running = serve(address="0.0.0.0")
    url = f"ws://127.0.0.1:{running.port}/_rillet/stream"
    with pytest.raises(InvalidStatus) as refused:
        websockets.sync.client.connect(url, origin="http://evil.example", open_timeout=5)
    assert refused.value.response.status_code == 403
    assert running.runtime.sessions == {}
    with websockets.sync.client.connect(
        url, origin=f"http://127.0.0.1:{running.port}", open_timeout=5
    ) as ws:
        assert ws.recv(timeout=5) == b"new:s1"


def test_cross_origin_websocket_is_refused_on_loopback_too(serve) -> None:
    running = serve()
    url = f"ws://127.0.0.1:{running.port}/_rillet/stream"
    with pytest.raises(InvalidStatus):
        websockets.sync.client.connect(url, origin="http://evil.example", open_timeout=5)


def test_cors_off_allows_any_origin(serve) -> None:
    running = serve({"server.enableCORS": False}, address="0.0.0.0")
    url = f"ws://127.0.0.1:{running.port}/_rillet/stream"
    with websockets.sync.client.connect(url, origin="http://other.example", open_timeout=5) as ws:
        assert ws.recv(timeout=5) == b"new:s1"


def _upload(running, headers: dict[str, str]) -> int:
    running.runtime.connect(lambda _: None, lambda _: None)
    return running.request(
        "PUT",
        "/_rillet/upload/s1/f1",
        body=b"a",
        headers={"X-Rillet-Filename": "a.txt", **headers},
    )[0]


def test_network_bound_upload_needs_the_xsrf_token(serve) -> None:
    running = serve(address="0.0.0.0")
    assert _upload(running, {}) == 403
    _, headers, _ = running.get("/")
    xsrf = headers["Set-Cookie"].split("_xsrf=", 1)[1].split(";", 1)[0]
    assert _upload(running, {"Cookie": f"_xsrf={xsrf}", "X-Xsrftoken": xsrf}) == 204


def test_loopback_upload_needs_no_xsrf_token(serve) -> None:
    assert _upload(serve(), {}) == 204


def test_xsrf_option_overrides_the_binding(serve) -> None:
    assert _upload(serve({"server.enableXsrfProtection": True}), {}) == 403
