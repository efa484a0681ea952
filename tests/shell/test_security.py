"""Only the desktop window may talk to the desktop app's server."""

from __future__ import annotations

import base64
import http.client
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.desktop

Launch = Callable[..., Any]

APP = "import rillet as st\nst.write('secret data')\n"


def _get(port: int, path: str, headers: dict[str, str] | None = None) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _websocket_status(port: int, headers: dict[str, str]) -> int:
    """The status of a WebSocket upgrade of the stream (101 = accepted)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.putrequest("GET", "/_rillet/stream", skip_host=True)
        upgrade = {
            "Host": f"127.0.0.1:{port}",
            "Upgrade": "websocket",
            "Connection": "Upgrade",
            "Sec-WebSocket-Key": base64.b64encode(os.urandom(16)).decode(),
            "Sec-WebSocket-Version": "13",
            **headers,
        }
        for name, value in upgrade.items():
            conn.putheader(name, value)
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


@pytest.fixture
def running(launch: Launch, write_app: Callable[[str], Path]) -> tuple[int, str]:
    """A desktop app showing its content: (port, the window's token)."""
    app = launch(str(write_app(APP)))
    page = app.wait_text("secret data")
    port = app.app_port()
    cookies = page.call("Network.getAllCookies")["cookies"]
    token = next(c["value"] for c in cookies if c["name"] == "rillet_token")
    assert next(c for c in cookies if c["name"] == "rillet_token")["httpOnly"]
    return port, token


def test_another_local_client_gets_403(running: tuple[int, str]) -> None:
    port, _ = running
    assert _get(port, "/") == 403
    assert _get(port, "/_rillet/health") == 403
    assert _get(port, "/?token=not-the-token") == 403
    assert _websocket_status(port, {}) == 403


def test_the_token_only_counts_with_this_servers_host(running: tuple[int, str]) -> None:
    port, token = running
    cookie = {"Cookie": f"rillet_token={token}"}
    # The same request as the window's passes: the checks below are not vacuous.
    assert _get(port, "/_rillet/health", cookie) == 200
    assert _websocket_status(port, cookie) == 101
    # DNS rebinding: a page from another site reaching 127.0.0.1 under its own name.
    rebound = {**cookie, "Host": f"evil.example:{port}"}
    assert _get(port, "/_rillet/health", rebound) == 403
    assert _websocket_status(port, rebound) == 403


def test_each_launch_has_its_own_token(launch: Launch, write_app: Callable[[str], Path]) -> None:
    tokens = []
    for name in ("one.py", "two.py"):
        app = launch(str(write_app(APP, name)))
        page = app.wait_text("secret data")
        cookies = page.call("Network.getAllCookies")["cookies"]
        tokens.append(next(c["value"] for c in cookies if c["name"] == "rillet_token"))
    assert tokens[0] != tokens[1]
    assert all(len(t) >= 40 for t in tokens)
