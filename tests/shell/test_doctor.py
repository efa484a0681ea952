"""`rillet doctor`, and `rillet desktop` falling back to the browser when no window can open."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from rillet_shell.backends import INSTALL_DESKTOP, quick_check

# Runs the rillet command in a fresh interpreter where pywebview cannot be imported.
WITHOUT_PYWEBVIEW = (
    "import sys; sys.modules['webview'] = None; "
    "from rillet.cli import main; sys.exit(main(sys.argv[1:]))"
)


def _no_display_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    return env


@pytest.mark.desktop
def test_doctor_names_the_qt_backend_and_loads_qt(desktop_env: dict[str, str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rillet", "doctor"],
        env=desktop_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok    webview backend: qt" in done.stdout
    assert re.search(r"ok    PyQt6 loads; Qt platform plugin: xcb", done.stdout)
    assert "rillet desktop will open a native window (qt);" in done.stdout


@pytest.mark.desktop
def test_doctor_gives_the_install_command_when_pywebview_is_missing(
    desktop_env: dict[str, str],
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", WITHOUT_PYWEBVIEW, "doctor"],
        env=desktop_env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert f"FAIL  pywebview is not installed. Install it with: {INSTALL_DESKTOP}" in done.stdout
    assert "rillet desktop will open the app in your web browser instead" in done.stdout


def test_doctor_explains_a_missing_display() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rillet", "doctor"],
        env=_no_display_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "no display: neither DISPLAY nor WAYLAND_DISPLAY is set" in done.stdout


def test_quick_check_without_a_display_says_why(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux needs a display variable")
    backend, reason = quick_check()
    assert backend is None
    assert "DISPLAY" in reason


def _serve_fallback(command: list[str], env: dict[str, str], cwd: Path) -> tuple[str, str]:
    """Run a desktop launch that must fall back; return (stderr, the page it served)."""
    proc = subprocess.Popen(
        command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        url = None
        deadline = time.monotonic() + 30
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            match = re.search(r"Local URL: (\S+)", line)
            url = match.group(1) if match else None
        assert url is not None, "the fallback server printed no URL"
        with urllib.request.urlopen(url, timeout=10) as answer:
            page = answer.read().decode()
    finally:
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=20)
    return stderr, page


def test_desktop_without_a_display_serves_the_app_to_the_browser(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nst.write('hi')\n")
    stderr, page = _serve_fallback(
        [sys.executable, "-m", "rillet", "desktop", str(script), "--server.headless", "true",
         "--server.port", "0"],
        _no_display_env(),
        tmp_path,
    )  # fmt: skip
    assert "cannot open a desktop window: no display" in stderr
    assert "serving the app to your web browser instead" in stderr
    assert "<html" in page.lower()


@pytest.mark.desktop
def test_desktop_without_pywebview_serves_the_app_to_the_browser(
    desktop_env: dict[str, str], tmp_path: Path
) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nst.write('hi')\n")
    stderr, _ = _serve_fallback(
        [sys.executable, "-c", WITHOUT_PYWEBVIEW, "desktop", str(script),
         "--server.headless", "true", "--server.port", "0"],
        desktop_env,
        tmp_path,
    )  # fmt: skip
    assert f"install it with: {INSTALL_DESKTOP}" in stderr


def test_doctor_says_how_to_install_webkitgtk_on_debian_and_fedora_with_its_build_needs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import rillet_shell.backends as backends

    monkeypatch.setattr(backends, "_gtk_webkit", lambda: False)
    monkeypatch.setattr(backends.sys, "platform", "linux")
    _, lines = backends.doctor_report(load_qt=False, load_gtk=False)
    text = "\n".join(lines)
    assert "--    webview backend: gtk — WebKitGTK (the system webview): missing" in text
    assert "Debian/Ubuntu: apt-get install gir1.2-webkit2-4.1" in text
    assert "Fedora: dnf install webkit2gtk4.1" in text
    assert 'pip install "rillet[desktop,gtk]"' in text
    assert '"PyGObject<3.51" pycairo' in text
    assert "libgirepository1.0-dev libcairo2-dev pkg-config" in text
    assert "gobject-introspection-devel cairo-gobject-devel" in text


def test_a_webview_named_in_the_environment_is_tried_first_not_required(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rillet_shell.backends import WebviewNotInstalled, requested_webview

    assert requested_webview(None, {"RILLET_WEBVIEW": "QT"}) == "qt"
    assert requested_webview("gtk", {"RILLET_WEBVIEW": "qt"}) == "gtk"
    with pytest.raises(WebviewNotInstalled, match="'webkit' is not a webview"):
        requested_webview(None, {"RILLET_WEBVIEW": "webkit"})


# Issue 13's defect, reproduced for real: in a private mount namespace
# (`unshare -m`, root only) the system's libxcb-cursor.so.0 is covered with
# an empty file and WebKitGTK's typelibs with an empty folder, as on a fresh
# Debian without libxcb-cursor0 or WebKitGTK. Qt's xcb plugin then aborts any
# process that opens a window; `rillet desktop` must say what is missing and
# serve to the browser instead.
HIDE_AND_RUN = """
set -e
mount --bind "$EMPTY_FILE" "$XCB_CURSOR"
mount --bind "$EMPTY_DIR" "$TYPELIBS"
exec "$@"
"""


def _library_path(name: str) -> Path | None:
    """The file the dynamic loader opens for ``name`` (read from this process's mappings)."""
    import ctypes

    try:
        ctypes.CDLL(name)
    except OSError:
        return None
    for line in Path("/proc/self/maps").read_text().splitlines():
        path = line.split()[-1]
        if Path(path).name.startswith(name):
            return Path(path).resolve()
    return None


@pytest.mark.desktop
def test_without_libxcb_cursor_desktop_names_the_package_and_serves_to_the_browser(
    desktop_env: dict[str, str], tmp_path: Path
) -> None:
    import shutil

    library = _library_path("libxcb-cursor.so.0")
    typelibs = next(iter(Path("/usr/lib").glob("*/girepository-1.0")), None)
    if library is None or typelibs is None or shutil.which("unshare") is None:
        pytest.skip("needs libxcb-cursor0, the GObject typelibs and unshare")
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("cannot make a private mount namespace here (needs root)")
    (tmp_path / "empty").write_bytes(b"")
    (tmp_path / "empty-dir").mkdir()
    env = {
        **desktop_env,
        "EMPTY_FILE": str(tmp_path / "empty"),
        "EMPTY_DIR": str(tmp_path / "empty-dir"),
        "XCB_CURSOR": str(library),
        "TYPELIBS": str(typelibs),
    }
    env.pop("RILLET_WEBVIEW", None)
    hidden = ["unshare", "-m", "sh", "-c", HIDE_AND_RUN, "hide"]
    # The condition is real: Qt itself aborts on opening a window there.
    qt = subprocess.run(
        [*hidden, sys.executable, "-c",
         "from PyQt6.QtWidgets import QApplication; QApplication([])"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert qt.returncode == -signal.SIGABRT, qt.stderr
    assert "xcb" in qt.stderr
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nst.write('hi')\n")
    stderr, page = _serve_fallback(
        [*hidden, sys.executable, "-m", "rillet", "desktop", str(script),
         "--server.headless", "true", "--server.port", "0"],
        env,
        tmp_path,
    )  # fmt: skip
    assert "the system library libxcb-cursor0 is missing" in stderr
    assert "apt-get install libxcb-cursor0" in stderr
    assert "serving the app to your web browser instead" in stderr
    assert "Aborted" not in stderr and "<html" in page.lower()
    doctor = subprocess.run(
        [*hidden, sys.executable, "-m", "rillet", "doctor"],
        env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert doctor.returncode != 0
    assert "libxcb-cursor0" in doctor.stdout
