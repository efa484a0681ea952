"""How a WebKitGTK launch orders its start, and when WebKit composites.

The server starts once the window exists (its first page loading, WebKit's
web process starting), so the two Python threads do not share the
interpreter while the window is built; without a GPU device WebKit paints
without accelerated compositing (software OpenGL costs CPU for nothing).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rillet_shell.backends import webkit_compositing_wanted
from rillet_shell.timeline import read


def test_compositing_is_left_on_where_a_gpu_device_exists(tmp_path: Path) -> None:
    (tmp_path / "renderD128").touch()
    assert webkit_compositing_wanted({}, dri=str(tmp_path))


def test_compositing_is_turned_off_without_a_gpu_device(tmp_path: Path) -> None:
    assert not webkit_compositing_wanted({}, dri=str(tmp_path / "missing"))
    assert not webkit_compositing_wanted({}, dri=str(tmp_path))  # /dev/dri without devices


def test_webkits_own_compositing_switches_win(tmp_path: Path) -> None:
    missing = str(tmp_path / "missing")
    assert webkit_compositing_wanted({"WEBKIT_FORCE_COMPOSITING_MODE": "1"}, dri=missing)
    assert webkit_compositing_wanted({"WEBKIT_DISABLE_COMPOSITING_MODE": "1"}, dri=missing)


@pytest.mark.desktop
def test_gtk_launch_starts_the_server_once_the_window_exists(
    launch_gtk: Callable[..., Any],
    write_app: Callable[[str], Path],
    desktop_env: dict[str, str],
    tmp_path: Path,
) -> None:
    trace = tmp_path / "startup.jsonl"
    app = launch_gtk(
        str(write_app("import rillet as st\nst.write('ready')\n")),
        env={**desktop_env, "RILLET_STARTUP_TRACE": str(trace)},
    )
    app.wait_text("ready")
    steps = [step for step, _, _ in read(str(trace))]
    assert steps.index("window created") < steps.index("server started")
    assert steps.index("server started") < steps.index("app page asked for")
