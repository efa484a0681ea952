"""The client's socket in a worker inside the desktop webviews (QtWebEngine and WebKitGTK).

The worker opens the WebSocket with the page's origin and cookies, so the
per-launch token cookie lets it in as it lets the page in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_socket_worker import COUNTER

pytestmark = pytest.mark.desktop


@pytest.mark.parametrize("webview", ["qt", "gtk"])
def test_the_window_talks_to_its_server_through_the_worker_socket(
    webview: str, request: pytest.FixtureRequest, write_app: Callable[[str], Path]
) -> None:
    launcher: Callable[..., Any] = request.getfixturevalue(
        "launch" if webview == "qt" else "launch_gtk"
    )
    app = launcher(str(write_app(COUNTER)))
    page = app.wait_text("count=0")
    assert page.eval("window.__rilletReceived().inWorker") is True
    app.click("Add one")
    app.wait_text("count=1")
