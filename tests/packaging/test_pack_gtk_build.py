"""A real WebKitGTK build: `rillet pack --webview gtk --format deb` of a counter app.

Slow (PyInstaller, then dpkg-deb), so marked ``pack``. The packed app is run
under Xvfb and looked into through ``rillet_shell.probe`` (WebKitGTK has no
DevTools); the ``.deb`` is installed with ``apt-get install ./app.deb`` when
the test runs as root on Debian (CI), run from its installed command, and
removed again.
"""

from __future__ import annotations

import importlib.util
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rillet_packaging.gtk_system import system_library_pattern

pytestmark = [pytest.mark.pack, pytest.mark.timeout(900)]

NAME = "rillet-ci-counter"
APP = """
import rillet as st

if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Increment"):
    st.session_state.count += 1
st.write(f"count={st.session_state.count}")
"""


def _gtk_usable() -> bool:
    from rillet_shell.backends import backends

    return next(b for b in backends("linux") if b.gui == "gtk").available


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(the folder build's executable, the .deb)."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip('PyInstaller is not installed (pip install "rillet[pack]")')
    if not _gtk_usable() or shutil.which("dpkg-deb") is None:
        pytest.skip("WebKitGTK, PyGObject or dpkg-deb is missing")
    work = tmp_path_factory.mktemp("gtkpack")
    script = work / NAME / "app.py"
    script.parent.mkdir()
    script.write_text(APP)
    icon = Path(__file__).resolve().parents[2] / "samples" / "multipage" / "static" / "logo.png"
    extra = ["--icon", str(icon)] if icon.is_file() else []
    done = subprocess.run(
        [sys.executable, "-m", "rillet", "pack", str(script), "--webview", "gtk",
         "--format", "deb", "--app-version", "1.2.3", *extra,
         "--dist", str(work / "dist"), "--build-dir", str(work / "build")],
        cwd=work, capture_output=True, text=True, timeout=800, check=False,
    )  # fmt: skip
    assert done.returncode == 0, f"rillet pack failed:\n{done.stdout}\n{done.stderr}"
    deb = work / "dist" / f"{NAME}_1.2.3_{_arch()}.deb"
    assert deb.is_file(), done.stdout
    return work / "dist" / NAME / NAME, deb


def _arch() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_the_gtk_folder_is_small_and_holds_no_gtk_glib_webkit_or_icu(
    built: tuple[Path, Path],
) -> None:
    folder = built[0].parent
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    assert size <= 40e6, f"{size / 1e6:.1f} MB"
    import re

    system = re.compile(system_library_pattern())
    bundled = sorted(p.name for p in files if ".so" in p.name and system.match(p.name))
    assert bundled == []
    assert not list(folder.rglob("*.typelib"))
    assert not list(folder.rglob("PyQt6"))


def _run_and_click(command: list[str], display: str, home: Path) -> None:
    """Start ``command`` (a packed app), wait for its content, click, see the rerun."""
    from rillet_shell.probe import evaluate

    key = secrets.token_urlsafe(16)
    port_file = home / "probe.port"
    (home / "runtime").mkdir(parents=True, mode=0o700)
    env = dict(
        os.environ,
        DISPLAY=display,
        RILLET_TEST_PROBE_KEY=key,
        RILLET_TEST_PROBE_FILE=str(port_file),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
    )
    env.pop("RILLET_WEBVIEW", None)
    stderr = home / "stderr.txt"
    with open(stderr, "wb") as err:
        proc = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=err, start_new_session=True
        )
    try:

        def script(expression: str) -> object:
            deadline = time.monotonic() + 60
            while not port_file.is_file() or not port_file.read_text():
                assert proc.poll() is None and time.monotonic() < deadline, stderr.read_text()
                time.sleep(0.05)
            return evaluate(int(port_file.read_text()), key, expression)

        def wait_for(text: str) -> None:
            deadline = time.monotonic() + 60
            shown = ""
            while time.monotonic() < deadline:
                try:
                    shown = str(script("document.body ? document.body.innerText : ''"))
                except (OSError, RuntimeError):
                    shown = ""
                if text in shown:
                    return
                time.sleep(0.1)
            raise AssertionError(f"{text!r} never appeared:\n{shown}\n{stderr.read_text()}")

        wait_for("count=0")
        script(
            "[...document.querySelectorAll('button')]"
            ".find((b) => b.textContent.trim() === 'Increment').click()"
        )
        wait_for("count=1")
        script("window.close()")
        assert proc.wait(20) == 0
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


@pytest.mark.desktop
def test_the_packed_gtk_app_shows_its_content_and_clicks_in_its_window(
    built: tuple[Path, Path], x_display: str, tmp_path: Path
) -> None:
    _run_and_click([str(built[0])], x_display, tmp_path)


def test_the_deb_declares_webkitgtk_and_carries_a_menu_entry(built: tuple[Path, Path]) -> None:
    deb = built[1]
    info = subprocess.run(["dpkg-deb", "--field", str(deb), "Depends"], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    assert "gir1.2-webkit2-4.1" in info and "libwebkit2gtk-4.1-0" in info
    listing = subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True,
                             text=True, check=True).stdout  # fmt: skip
    assert f"./usr/share/applications/{NAME}.desktop" in listing
    assert f"./usr/bin/{NAME} -> /opt/{NAME}/{NAME}" in listing
    assert f"./opt/{NAME}/{NAME}" in listing


@pytest.mark.desktop
def test_apt_installs_the_deb_and_the_installed_command_opens_the_app(
    built: tuple[Path, Path], x_display: str, tmp_path: Path
) -> None:
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip("installing a .deb needs apt-get as root (CI)")
    deb = built[1]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    done = subprocess.run(["apt-get", "install", "-y", "-q", "--no-install-recommends", str(deb)],
                          env=env, capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    try:
        assert Path(f"/usr/share/applications/{NAME}.desktop").is_file()
        _run_and_click([f"/usr/bin/{NAME}"], x_display, tmp_path)
    finally:
        subprocess.run(["apt-get", "remove", "-y", "-q", NAME], env=env, capture_output=True,
                       timeout=300, check=False)  # fmt: skip
