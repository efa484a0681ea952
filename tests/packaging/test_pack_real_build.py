"""One real build: `rillet pack samples/multipage/app.py --webview qt` as a folder, then run it.

Slow (PyInstaller takes about half a minute, more on a cold cache), so
marked ``pack``: deselect with ``-m "not pack"``. The window test needs
Xvfb and the desktop extra, and looks inside the packed app's window over
Qt WebEngine's DevTools port, as the desktop shell's own tests do.
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
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.pack, pytest.mark.timeout(900)]

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "multipage" / "app.py"


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ImportError:
        return False


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The executable of a folder build of the multipage sample."""
    if not _has("PyInstaller"):
        pytest.skip('PyInstaller is not installed (pip install "rillet[pack]")')
    work = tmp_path_factory.mktemp("pack")
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "rillet", "pack", str(SAMPLE), "--webview", "qt",
         "--dist", str(work / "dist"), "--build-dir", str(work / "build")],
        cwd=work, capture_output=True, text=True, timeout=800, check=False,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    assert done.returncode == 0, f"rillet pack failed:\n{done.stdout}\n{done.stderr}"
    executable = work / "dist" / "multipage" / "multipage"
    assert f"Built {work / 'dist' / 'multipage'} (folder, " in done.stdout
    assert f"Run it: {executable}" in done.stdout
    assert executable.is_file()
    print(f"packed in {elapsed:.0f} s")
    return executable


def test_the_packed_folder_holds_the_app_as_source_and_no_unused_parts(packed: Path) -> None:
    internal = packed.parent / "_internal"
    app = internal / "app"

    travelled = sorted(p.relative_to(app).as_posix() for p in app.rglob("*") if p.is_file())
    assert travelled == [
        ".rillet/config.toml",
        "app.py",
        "helpers.py",
        "lib/__init__.py",
        "lib/formatting.py",
        "pages/1_Data.py",
        "pages/2_About.py",
        "static/cities.csv",
        "static/logo.svg",
    ]
    assert (internal / "rillet_server" / "static" / "index.html").is_file()
    qt = internal / "PyQt6"
    if qt.exists():
        assert not (qt / "QtSql.abi3.so").exists()
        assert not list(qt.glob("Qt6/translations/*.qm"))
        plugins = qt / "Qt6" / "plugins"
        assert (plugins / "platforms" / "libqxcb.so").is_file()
        assert not (plugins / "platformthemes" / "libqgtk3.so").exists()
        assert not (plugins / "printsupport").exists()
        assert not (qt / "Qt6" / "lib" / "libQt6Pdf.so.6").exists()
        assert not list(internal.glob("libgtk-3.so*"))  # only the GTK theme plugin needed it
    for left_out in ("pandas", "numpy", "sympy", "streamlit"):
        assert not (internal / left_out).exists(), left_out


def test_the_packed_app_passes_its_smoke_check(packed: Path, tmp_path: Path) -> None:
    env = {**os.environ, "RILLET_SMOKE": "1", "HOME": str(tmp_path)}

    done = subprocess.run(
        [str(packed)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )

    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("ok    health: HTTP 200 b'ok'")
    assert "ok    page 'Data': SUCCESS" in done.stdout
    assert "ok    page 'About': SUCCESS" in done.stdout
    assert lines[-1].startswith("smoke passed")


# -- the real window ---------------------------------------------------------


@pytest.fixture
def display() -> Iterator[str]:
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    for module in ("webview", "PyQt6.QtWebEngineWidgets", "websockets"):
        if not _has(module):
            pytest.skip(f"{module} is not installed (pip install 'rillet[desktop]' websockets)")
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
    try:
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def _page_text(debug_port: int, deadline: float) -> str:
    """The text of the window's app page (an http page), '' until there is one."""
    from websockets.sync.client import connect

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json/list", timeout=1) as r:
            pages = json.load(r)
    except OSError:
        return ""
    for page in pages:
        if page.get("type") == "page" and page.get("url", "").startswith("http://127.0.0.1"):
            with connect(page["webSocketDebuggerUrl"], max_size=None) as ws:
                ws.send(json.dumps({"id": 1, "method": "Runtime.evaluate", "params": {
                    "expression": "document.body ? document.body.innerText : ''",
                    "returnByValue": True}}))  # fmt: skip
                while time.monotonic() < deadline:
                    answer = json.loads(ws.recv(timeout=10))
                    if answer.get("id") == 1:
                        return str(answer.get("result", {}).get("result", {}).get("value", ""))
    return ""


def test_the_packed_app_opens_its_window_with_the_app_inside(
    packed: Path, display: str, tmp_path: Path, free_port: Callable[[], int]
) -> None:
    debug_port = free_port()
    home = tmp_path / "home"
    (home / "runtime").mkdir(parents=True, mode=0o700)
    env = {
        **os.environ,
        "DISPLAY": display,
        "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox --disable-gpu",
        "QTWEBENGINE_DISABLE_SANDBOX": "1",
        "QTWEBENGINE_REMOTE_DEBUGGING": f"127.0.0.1:{debug_port}",
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "runtime"),
    }
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("RILLET_SMOKE", None)
    stderr = tmp_path / "stderr.txt"
    with open(stderr, "wb") as err:
        proc = subprocess.Popen(
            [str(packed)], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=err,
            start_new_session=True,
        )  # fmt: skip
    try:
        started = time.monotonic()
        deadline = started + 60
        text = ""
        # The markdown renderer loads lazily: wait for the rendered text, not the source.
        while "Tokyo (Japan)" not in text and time.monotonic() < deadline:
            assert proc.poll() is None, stderr.read_text(errors="replace")
            text = _page_text(debug_port, deadline)
            time.sleep(0.05)
        assert "Tokyo (Japan)" in text, f"the window shows:\n{text}\n{stderr.read_text()}"
        assert "Largest city" in text
        assert "Data" in text and "About" in text  # the pages' links
        print(f"content in the window {time.monotonic() - started:.2f} s after launch")

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(20) == 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
