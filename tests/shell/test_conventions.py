"""Desktop conventions: the window comes back where it was; one window per app."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rillet_shell.geometry import app_key

pytestmark = pytest.mark.desktop

Launch = Callable[..., Any]

ARGV_APP = "import sys\nimport rillet as st\nst.write('argv=' + ' '.join(sys.argv[1:]))\n"


def test_the_window_size_is_remembered_per_app(
    launch: Launch, write_app: Callable[[str], Path], tmp_path: Path
) -> None:
    script = write_app(ARGV_APP)
    first = launch(str(script), "--width", "700", "--height", "500")
    first.wait_text("argv=").eval("window.close()")
    assert first.wait_exit() == 0
    stored = json.loads((tmp_path / "home" / "state" / "rillet" / "windows.json").read_text())
    entry = stored[app_key(script)]
    assert (entry["width"], entry["height"], entry["maximized"]) == (700, 500, False)

    again = launch(str(script))
    page = again.wait_text("argv=")
    assert (page.eval("window.innerWidth"), page.eval("window.innerHeight")) == (700, 500)


def test_another_apps_window_keeps_its_own_size(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    one = launch(str(write_app(ARGV_APP, "one.py")), "--width", "640", "--height", "480")
    one.wait_text("argv=").eval("window.close()")
    one.wait_exit()
    two = launch(str(write_app(ARGV_APP, "two.py")))
    page = two.wait_text("argv=")
    assert page.eval("window.innerWidth") == 1100


def test_a_second_launch_hands_its_arguments_to_the_first_window(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    script = write_app(ARGV_APP)
    first = launch(str(script), "--", "first")
    first.wait_text("argv=first")
    second = launch(str(script), "--", "report.csv")
    assert second.wait_exit() == 0
    assert "already open" in second.output()
    first.wait_text("argv=report.csv")
    assert first.proc.poll() is None


def test_a_dead_first_instance_is_taken_over(
    launch: Launch, write_app: Callable[[str], Path], tmp_path: Path
) -> None:
    script = write_app(ARGV_APP)
    with socket.socket() as gone:
        gone.bind(("127.0.0.1", 0))
        dead_port = gone.getsockname()[1]
    handshake = tmp_path / "home" / "runtime" / "rillet" / "instances" / f"{app_key(script)}.json"
    handshake.parent.mkdir(parents=True)
    handshake.write_text(json.dumps({"pid": 999999, "port": dead_port, "secret": "old"}))
    started = time.monotonic()
    app = launch(str(script), "--", "fresh")
    app.wait_text("argv=fresh")
    assert time.monotonic() - started < 30
    info = json.loads(handshake.read_text())
    assert info["port"] != dead_port and info["secret"] != "old"
    app.page(url_prefix="http").eval("window.close()")
    app.wait_exit()
    assert not handshake.exists()
