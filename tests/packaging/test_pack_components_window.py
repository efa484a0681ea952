"""A packed app with two component packages from PyPI: streamlit-option-menu and streamlit-aggrid.

One real WebKitGTK folder build (``rillet pack --webview gtk``), so marked
``pack``. The app imports pandas (streamlit-aggrid needs it): the build must
carry numpy's libraries loadable (see ``rillet_packaging.strip_guard``), the
components' frontends and data files, and no real ``streamlit``.

In the window, component frames have no same-origin rights (they must not
reach the desktop bridge), so the page's own scripts cannot look into them
either. The test does what a user does: it clicks into each frame with the
X server's test extension (XTest) at the frame's place on the screen, and
reads the script's answer in the app's page through ``rillet_shell.probe``.
"""

from __future__ import annotations

import ctypes
import importlib.util
import json
import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.pack, pytest.mark.timeout(900)]

NAME = "rillet-ci-components"
APP = """
import pandas as pd
import streamlit as st
from st_aggrid import AgGrid, GridOptionsBuilder
from streamlit_option_menu import option_menu

choice = option_menu(None, ["Home", "Settings"], orientation="horizontal", key="menu")
st.write(f"choice={choice}")
# Every row says Grace: a click anywhere in the grid's body selects one.
df = pd.DataFrame({"name": ["Grace"] * 30, "age": list(range(30))})
builder = GridOptionsBuilder.from_dataframe(df)
builder.configure_selection("single")
grid = AgGrid(df, gridOptions=builder.build(), key="grid", height=300)
rows = grid.selected_rows
st.write(f"selected={[] if rows is None else list(rows['name'])}")
"""
PACKAGES = ("st_aggrid", "streamlit_option_menu", "pandas", "PyInstaller")


def _gtk_usable() -> bool:
    from rillet_shell.backends import backends

    return next(b for b in backends("linux") if b.gui == "gtk").available


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The executable of a folder build of the component app."""
    for module in PACKAGES:
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed")
    if not _gtk_usable():
        pytest.skip("WebKitGTK or PyGObject is missing")
    work = tmp_path_factory.mktemp("components-pack")
    script = work / NAME / "app.py"
    script.parent.mkdir()
    script.write_text(APP)
    done = subprocess.run(
        [sys.executable, "-m", "rillet", "pack", str(script), "--webview", "gtk",
         "--dist", str(work / "dist"), "--build-dir", str(work / "build")],
        cwd=work, capture_output=True, text=True, timeout=800, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"rillet pack failed:\n{done.stdout}\n{done.stderr}"
    return work / "dist" / NAME / NAME


def test_the_pack_carries_the_components_files_and_no_streamlit(packed: Path) -> None:
    internal = packed.parent / "_internal"
    assert (internal / "st_aggrid" / "frontend" / "build" / "index.html").is_file()
    assert (internal / "streamlit_option_menu" / "frontend" / "dist" / "index.html").is_file()
    assert (internal / "st_aggrid" / "json" / "columnProps.json").is_file()
    assert not list(internal.glob("st_aggrid/**/*.map"))
    assert not list(internal.glob("streamlit_option_menu/**/*.map"))
    for left_out in ("streamlit", "scipy", "pyarrow", "altair"):
        assert not (internal / left_out).exists(), left_out


def test_the_packed_component_app_passes_its_smoke_check(packed: Path, tmp_path: Path) -> None:
    env = {**os.environ, "RILLET_SMOKE": "1", "HOME": str(tmp_path)}

    done = subprocess.run(
        [str(packed)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )

    # pandas (and numpy's OpenBLAS under it) imports in the packed app.
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok    page 'app': SUCCESS" in done.stdout


def _click(display: str, x: float, y: float) -> None:
    """A real left click at screen point (x, y), through the X server's XTest extension."""
    x11, xtest = ctypes.CDLL("libX11.so.6"), ctypes.CDLL("libXtst.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XFlush.argtypes = x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xtest.XTestFakeMotionEvent.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                           ctypes.c_int, ctypes.c_ulong]  # fmt: skip
    xtest.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int,
                                           ctypes.c_ulong]  # fmt: skip
    connection = x11.XOpenDisplay(display.encode())
    assert connection, f"cannot open display {display}"
    try:
        xtest.XTestFakeMotionEvent(connection, -1, round(x), round(y), 0)
        x11.XFlush(connection)
        time.sleep(0.05)
        xtest.XTestFakeButtonEvent(connection, 1, 1, 0)
        xtest.XTestFakeButtonEvent(connection, 1, 0, 0)
        x11.XFlush(connection)
    finally:
        x11.XCloseDisplay(connection)


FRAMES_JS = """JSON.stringify({
  x: window.screenX, y: window.screenY,
  frames: Object.fromEntries([...document.querySelectorAll("iframe")].map((f) => {
    const r = f.getBoundingClientRect();
    return [f.title, {left: r.left, top: r.top, width: r.width, height: r.height,
                      sandbox: f.getAttribute("sandbox") || ""}];
  })),
})"""


@pytest.mark.desktop
def test_both_components_render_in_the_window_and_their_clicks_rerun_the_script(
    packed: Path, x_display: str, tmp_path: Path
) -> None:
    from rillet_shell.probe import evaluate

    key = secrets.token_urlsafe(16)
    port_file = tmp_path / "probe.port"
    (tmp_path / "runtime").mkdir(mode=0o700)
    env = dict(
        os.environ,
        DISPLAY=x_display,
        RILLET_TEST_PROBE_KEY=key,
        RILLET_TEST_PROBE_FILE=str(port_file),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
    )
    env.pop("RILLET_WEBVIEW", None)
    env.pop("RILLET_SMOKE", None)
    stderr = tmp_path / "stderr.txt"
    with open(stderr, "wb") as err:
        proc = subprocess.Popen(
            [str(packed)], env=env, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True
        )
    try:

        def script(expression: str) -> Any:
            deadline = time.monotonic() + 60
            while not port_file.is_file() or not port_file.read_text():
                assert proc.poll() is None and time.monotonic() < deadline, stderr.read_text()
                time.sleep(0.05)
            return evaluate(int(port_file.read_text()), key, expression)

        def text() -> str:
            try:
                return str(script("document.body ? document.body.innerText : ''"))
            except (OSError, RuntimeError):
                return ""

        def until(wanted: str, act: Callable[[], None] = lambda: None, seconds: float = 60) -> None:
            deadline = time.monotonic() + seconds
            shown = ""
            while time.monotonic() < deadline:
                act()
                shown = text()
                if wanted in shown:
                    return
                time.sleep(0.5)
            raise AssertionError(f"{wanted!r} never appeared:\n{shown}\n{stderr.read_text()}")

        until("selected=[]")
        until("choice=Home")
        deadline = time.monotonic() + 60
        while True:  # the grid takes its height from its `height` argument
            layout = json.loads(script(FRAMES_JS))
            frames = layout["frames"]
            grid, menu = (
                frames.get("st_aggrid.AgGrid.agGrid"),
                frames.get("streamlit_option_menu.option_menu"),
            )
            if grid and menu and grid["height"] == 300 and menu["height"] > 20:  # it posted its own
                break
            assert time.monotonic() < deadline, layout
            time.sleep(0.2)
        for frame in (grid, menu):
            assert "allow-scripts" in frame["sandbox"]
            assert "allow-same-origin" not in frame["sandbox"]  # out of the bridge's reach

        def click_in(frame: dict[str, float], across: float, down: float) -> Callable[[], None]:
            x = layout["x"] + frame["left"] + frame["width"] * across
            y = layout["y"] + frame["top"] + frame["height"] * down
            return lambda: _click(x_display, x, y)

        # The menu's second item ("Settings") fills the right half of its frame.
        until("choice=Settings", click_in(menu, 0.75, 0.5))
        # Rows are drawn a moment after the frame: click the body until one is selected.
        until("selected=['Grace']", click_in(grid, 0.3, 0.5))
        assert "choice=Settings" in text()  # the menu's value survived the grid's rerun

        script("window.close()")
        assert proc.wait(20) == 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
