"""Fixtures for the desktop tests: a private X server and `rillet desktop` in a subprocess.

Every desktop test launches the real command (``python -m rillet desktop``)
with Qt WebEngine's DevTools port open, and looks inside the window over the
Chrome DevTools Protocol. State, log and runtime folders are redirected into
the test's tmp_path, so tests never see each other's (or the user's)
remembered windows and running instances.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

STARTUP_TIMEOUT = 60.0
DESKTOP = ("-m", "rillet", "desktop")


def _missing_desktop_requirements() -> str | None:
    if shutil.which("Xvfb") is None:
        return "Xvfb is not installed (apt-get install xvfb)"
    for module in ("webview", "PyQt6.QtWebEngineWidgets", "websockets"):
        try:
            found = importlib.util.find_spec(module) is not None
        except ImportError:
            found = False
        if not found:
            return f"{module} is not installed (pip install 'rillet[desktop]' websockets)"
    return None


@pytest.fixture(scope="session")
def x_display() -> Iterator[str]:
    """A private Xvfb display for the whole session (``:N``)."""
    reason = _missing_desktop_requirements()
    if reason is not None:
        pytest.skip(reason)
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1200x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(10)


class DevTools:
    """A few Chrome DevTools Protocol calls on one page of the window."""

    def __init__(self, ws_url: str) -> None:
        from websockets.sync.client import connect

        self._connection = connect(ws_url, max_size=None)
        self.ws = self._connection.__enter__()
        self._id = 0

    def call(self, method: str, **params: Any) -> dict[str, Any]:
        self._id += 1
        self.ws.send(json.dumps({"id": self._id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv(timeout=60))
            if message.get("id") == self._id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result

    def eval(self, expression: str, *, await_promise: bool = False) -> Any:
        result = self.call(
            "Runtime.evaluate",
            expression=expression,
            returnByValue=True,
            awaitPromise=await_promise,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    def text(self) -> str:
        return str(self.eval("document.body ? document.body.innerText : ''") or "")

    def close(self) -> None:
        self._connection.__exit__(None, None, None)


class DesktopProcess:
    """A running ``rillet desktop`` and the page inside its window."""

    def __init__(
        self, proc: subprocess.Popen[bytes], debug_port: int, home: Path, stderr: Path
    ) -> None:
        self.proc = proc
        self.stderr = stderr
        self.debug_port = debug_port
        self.home = home
        self._devtools: DevTools | None = None
        self._page_url = ""

    def page(self, *, url_prefix: str = "", timeout: float = STARTUP_TIMEOUT) -> DevTools:
        """Attach to the window's page (the first one whose URL starts with ``url_prefix``)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"rillet desktop exited early:\n{self.output()}")
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.debug_port}/json/list", timeout=1
                ) as answer:
                    pages = json.load(answer)
            except OSError:
                pages = []
            for page in pages:
                if page.get("type") == "page" and page.get("url", "").startswith(url_prefix):
                    if self._devtools is not None and page["url"] == self._page_url:
                        return self._devtools
                    if self._devtools is not None:
                        self._devtools.close()
                    self._devtools = DevTools(page["webSocketDebuggerUrl"])
                    self._page_url = page["url"]
                    return self._devtools
            time.sleep(0.05)
        raise AssertionError(f"no page {url_prefix!r} in the window:\n{self.output()}")

    def wait_text(
        self, text: str, *, url_prefix: str = "http", timeout: float = STARTUP_TIMEOUT
    ) -> DevTools:
        """Wait until the window's page shows ``text``; return that page."""
        deadline = time.monotonic() + timeout
        last = ""
        while time.monotonic() < deadline:
            page = self.page(url_prefix=url_prefix, timeout=max(0.1, deadline - time.monotonic()))
            try:
                last = page.text()
            except Exception as error:  # the page navigated away under us
                last = f"<{error}>"
                self._devtools = None
            if text in last:
                return page
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the page shows:\n{last}\n{self.output()}")

    def app_port(self) -> int:
        page = self.page(url_prefix="http://127.0.0.1")
        return int(page.eval("location.port"))

    def click(self, label: str) -> None:
        page = self.page(url_prefix="http")
        found = page.eval(
            "(() => { const b = [...document.querySelectorAll('button')]"
            f".find((b) => b.textContent.trim() === {json.dumps(label)});"
            " if (b) b.click(); return !!b; })()"
        )
        assert found, f"no button {label!r} in the window"

    def wait_exit(self, timeout: float = 15.0) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"rillet desktop did not exit:\n{self.output()}") from None

    def output(self) -> str:
        """What the process wrote to stderr so far."""
        return self.stderr.read_text(encoding="utf-8", errors="replace")

    def log_text(self) -> str:
        logs = list((self.home / "state").rglob("desktop-*.log"))
        return "\n".join(p.read_text(encoding="utf-8") for p in logs)

    def stop(self) -> None:
        if self._devtools is not None:
            self._devtools.close()
            self._devtools = None
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)


Launch = Callable[..., DesktopProcess]


@pytest.fixture
def desktop_env(x_display: str, tmp_path: Path) -> dict[str, str]:
    """The environment of a desktop launch: the private display, folders under tmp_path."""
    home = tmp_path / "home"
    env = dict(os.environ)
    env.update(
        DISPLAY=x_display,
        # The Qt window tests look inside the page over DevTools; the GTK ones
        # (test_gtk_window.py) ask for --webview gtk.
        RILLET_WEBVIEW="qt",
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu",
        QTWEBENGINE_DISABLE_SANDBOX="1",
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
    )
    env.pop("WAYLAND_DISPLAY", None)
    (home / "runtime").mkdir(parents=True, mode=0o700)
    return env


@pytest.fixture
def launch(
    desktop_env: dict[str, str], tmp_path: Path, free_port: Callable[[], int]
) -> Iterator[Launch]:
    """Start ``python -m rillet desktop ARGS...`` (or ``python COMMAND ARGS...``).

    Every process still running at the end of the test is killed.
    """
    started: list[DesktopProcess] = []

    def start(
        *args: str, env: dict[str, str] | None = None, command: Sequence[str] = DESKTOP
    ) -> DesktopProcess:
        debug_port = free_port()
        environ = dict(env or desktop_env)
        environ["QTWEBENGINE_REMOTE_DEBUGGING"] = f"127.0.0.1:{debug_port}"
        stderr = tmp_path / f"stderr-{len(started)}.txt"
        with open(stderr, "wb") as err:
            proc = subprocess.Popen(
                [sys.executable, *command, *args],
                env=environ,
                cwd=tmp_path,
                stdout=subprocess.DEVNULL,
                stderr=err,
                start_new_session=True,
            )
        process = DesktopProcess(proc, debug_port, tmp_path / "home", stderr)
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


@pytest.fixture
def write_app(tmp_path: Path) -> Callable[[str], Path]:
    """Write an app's source to ``tmp_path/app.py``; return its path."""

    def write(source: str, name: str = "app.py") -> Path:
        path = tmp_path / name
        path.write_text(source, encoding="utf-8")
        return path

    return write


# -- WebKitGTK windows: no DevTools, so a probe inside the test launch --------


def missing_gtk_webview() -> str | None:
    """Why a WebKitGTK window cannot be tested here, or ``None``."""
    from rillet_shell.backends import backends

    gtk = next((b for b in backends() if b.gui == "gtk"), None)
    if gtk is None or not gtk.available:
        return f"WebKitGTK is not usable: missing {gtk.missing if gtk else 'everything'}"
    return None


class ProbePage:
    """The page in a GTK window, through ``rillet_shell.probe`` (``evaluate_js``); DevTools' shape."""

    def __init__(self, port_file: Path, key: str, proc: subprocess.Popen[bytes]) -> None:
        self.port_file = port_file
        self.key = key
        self.proc = proc

    def eval(self, expression: str, *, await_promise: bool = False) -> Any:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while not self.port_file.is_file() or not self.port_file.read_text():
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise RuntimeError("the probe never started")
            time.sleep(0.05)
        from rillet_shell.probe import evaluate

        return evaluate(int(self.port_file.read_text()), self.key, expression)

    def text(self) -> str:
        return str(self.eval("document.body ? document.body.innerText : ''") or "")

    def close(self) -> None:
        pass


class GtkDesktopProcess(DesktopProcess):
    """A ``rillet desktop --webview gtk`` run through the probe; the same API as for Qt."""

    def __init__(self, proc: subprocess.Popen[bytes], probe: ProbePage, home: Path, stderr: Path):
        super().__init__(proc, 0, home, stderr)
        self.probe = probe

    def page(self, *, url_prefix: str = "", timeout: float = STARTUP_TIMEOUT) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"rillet desktop exited early:\n{self.output()}")
            try:
                url = str(self.probe.eval("location.href") or "")
            except (OSError, RuntimeError):
                url = ""
            if url.startswith(url_prefix) and (url_prefix or url):
                return self.probe
            time.sleep(0.05)
        raise AssertionError(f"no page {url_prefix!r} in the window:\n{self.output()}")


@pytest.fixture
def launch_gtk(
    desktop_env: dict[str, str], tmp_path: Path
) -> Iterator[Callable[..., GtkDesktopProcess]]:
    """Start ``rillet desktop --webview gtk ARGS...`` with the probe; kill what is left."""
    reason = missing_gtk_webview()
    if reason is not None:
        pytest.skip(reason)
    import secrets

    started: list[GtkDesktopProcess] = []

    def start(
        *args: str, env: dict[str, str] | None = None, command: Sequence[str] = DESKTOP
    ) -> GtkDesktopProcess:
        """``command`` is ``-m rillet desktop``, or ``-c <a wrapper>`` that ends in rillet's main."""
        environ = dict(env or desktop_env)
        environ.pop("RILLET_WEBVIEW", None)
        key = secrets.token_urlsafe(16)
        port_file = tmp_path / f"probe-{len(started)}.port"
        environ.update(RILLET_TEST_PROBE_KEY=key, RILLET_TEST_PROBE_FILE=str(port_file))
        stderr = tmp_path / f"stderr-gtk-{len(started)}.txt"
        with open(stderr, "wb") as err:
            proc = subprocess.Popen(
                [sys.executable, *command, "--webview", "gtk", *args],
                env=environ,
                cwd=tmp_path,
                stdout=subprocess.DEVNULL,
                stderr=err,
                start_new_session=True,
            )
        process = GtkDesktopProcess(
            proc, ProbePage(port_file, key, proc), tmp_path / "home", stderr
        )
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()
