"""Fixtures for the browser tests: Debian's Chromium driven by Playwright against a real Server.

One browser per test session (starting Chromium costs about a second on a
two-core machine), a fresh context and page per test (so storage such as the
theme choice never leaks between tests), and a real ``rillet_server.Server``
per app, started in a thread on a free port with the script written to
``tmp_path``. ``rillet run`` composes the same three objects.

When Playwright or Chromium is missing every test here is skipped with the
reason; ``.ci/run`` installs both.
"""

from __future__ import annotations

import gc
import logging
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from rillet.runtime.config import Config
from rillet.runtime.runtime import Runtime
from rillet_server import Server
from rillet_server.options import base_path_of

CHROMIUM = Path("/usr/bin/chromium")
# Playwright cannot download its own browser here; Debian's needs no sandbox
# as root and no GPU, and must not phone home during a test.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# Generous for a busy two-core machine; a passing step takes milliseconds.
TIMEOUT_MS = 10_000


def launch_chromium(playwright: Any) -> Any:
    """Debian's Chromium with the flags every browser test and benchmark uses."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


class Received(NamedTuple):
    """Binary frames the page received from the server since it opened, as the client counts."""

    frames: int
    bytes: int
    largest: int  # the largest frame's bytes
    in_worker: bool  # the socket is held by a worker, not the page's own


def received(page: Any) -> Received:
    """What the page has received so far.

    The client's own count: its socket lives in a worker, which a CDP
    session on the page does not see (Playwright 1.65's ``page.on("websocket")``
    does report it; this count depends on neither).
    """
    got = page.evaluate("window.__rilletReceived()")
    return Received(
        int(got["frames"]), int(got["bytes"]), int(got["largest"]), bool(got["inWorker"])
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed (pip install -e '.[dev]')")
    if not CHROMIUM.is_file():
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page in its own context; fails the test if the page throws a JS error."""
    context = browser.new_context(accept_downloads=True)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"the page threw: {errors}"


@dataclass
class ServedApp:
    """An app served by a real Server on a free port."""

    server: Server
    script: Path
    url: str

    def write(self, source: str) -> None:
        """Replace the script's source (the next run picks it up)."""
        self.script.write_text(textwrap.dedent(source), encoding="utf-8")

    def drop_connections(self) -> None:
        """Close every WebSocket from the server side, as a restarting proxy would."""
        connections = self.server.app.connections
        loop = self.server._loop  # the IOLoop the server runs on; sockets live there
        assert loop is not None
        loop.add_callback(connections.close_all, "dropped by the test")


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., ServedApp]]:
    """Factory: ``serve(source, **options)`` writes the script and serves it.

    ``options`` are config options with dots as double underscores, e.g.
    ``serve(src, server__fileWatcherType="auto")``. The file watcher is off
    unless asked for: a script edit is still picked up by the next run.
    """
    servers: list[Server] = []
    # Expected closes (junk frames, dropped sockets) log warnings; keep the output quiet.
    quiet = {"rillet_server": logging.ERROR, "tornado": logging.CRITICAL}
    levels = {name: logging.getLogger(name).level for name in quiet}
    for name, level in quiet.items():
        logging.getLogger(name).setLevel(level)

    def start(source: str, name: str = "app.py", **options: object) -> ServedApp:
        script = tmp_path / name
        script.write_text(textwrap.dedent(source), encoding="utf-8")
        flags: dict[str, object] = {
            "server.port": 0,
            "server.address": "127.0.0.1",
            "server.headless": True,
            "server.fileWatcherType": "none",
        }
        flags.update({key.replace("__", "."): value for key, value in options.items()})
        config = Config.from_flags(flags)
        server = Server(Runtime(script, config), config)
        port = server.start_in_thread()
        servers.append(server)
        base = base_path_of(str(config.get("server.baseUrlPath") or ""))
        return ServedApp(server, script, f"http://127.0.0.1:{port}{base}/")

    yield start
    for server in servers:
        server.stop()
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture
def open_app(serve: Callable[..., ServedApp], page: Any) -> Callable[..., tuple[Any, ServedApp]]:
    """Factory: ``page, app = open_app(source, wait_for="text")`` serves and opens an app.

    Returns once ``wait_for`` (default: the app's first text from the
    caller) is visible, so the first run has rendered.
    """

    def open_(source: str, wait_for: str, **options: object) -> tuple[Any, ServedApp]:
        app = serve(source, **options)
        page.goto(app.url)
        page.get_by_text(wait_for, exact=True).first.wait_for()
        return page, app

    return open_


@contextmanager
def alias_app_served(folder: Path, source: str) -> Iterator[str]:
    """Serve ``source`` under ``import streamlit`` (as ``rillet run`` does) from one Server;
    yields its URL. For a module-scoped fixture: one server for the module's tests."""
    from rillet.compat import install_streamlit_alias, uninstall_streamlit_alias

    script = folder / "app.py"
    script.write_text(textwrap.dedent(source), encoding="utf-8")
    flags = {"server.port": 0, "server.address": "127.0.0.1", "server.headless": True}
    config = Config.from_flags({**flags, "server.fileWatcherType": "none"})
    installed = install_streamlit_alias()
    server = Server(Runtime(script, config), config)
    port = server.start_in_thread()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.stop()
        if installed:
            uninstall_streamlit_alias()


@pytest.fixture
def streamlit_alias() -> Iterator[None]:
    """As ``rillet run`` does: ``import streamlit`` loads rillet while the app runs
    (for apps that use published component packages, which import streamlit)."""
    from rillet.compat import install_streamlit_alias, uninstall_streamlit_alias

    installed = install_streamlit_alias()
    yield
    if installed:
        uninstall_streamlit_alias()
    # Packages as published leave files open (st_aggrid's JSON): collect them
    # here, where their ResourceWarning is expected, not in a later test.
    gc.collect()
