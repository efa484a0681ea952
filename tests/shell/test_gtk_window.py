"""`rillet desktop --webview gtk`: the app in a real WebKitGTK window under Xvfb.

WebKitGTK has no DevTools protocol: the tests look inside the page through
``rillet_shell.probe``, off unless the environment carries a key, which
answers ``evaluate_js`` on 127.0.0.1 to requests carrying that key
(conftest ``launch_gtk``).
"""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.desktop

LaunchGtk = Callable[..., Any]

COUNTER_APP = """
import rillet as st

if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Increment"):
    st.session_state.count += 1
st.write(f"count={st.session_state.count}")
"""


def test_gtk_window_shows_the_app_and_a_click_reruns_it(
    launch_gtk: LaunchGtk, write_app: Callable[[str], Path]
) -> None:
    app = launch_gtk(str(write_app(COUNTER_APP)))
    page = app.wait_text("count=0")
    # The token left the URL at once; the cookie that replaced it is not readable by scripts.
    assert "token" not in page.eval("location.href")
    assert "rillet_token" not in page.eval("document.cookie")
    # The desktop adapter is in the page: the client's desktop powers are on.
    assert page.eval("typeof window.rilletDesktop") == "object"
    app.click("Increment")
    app.wait_text("count=1")
    app.click("Increment")
    app.wait_text("count=2")
    assert "webview backend: gtk" not in app.output()  # no doctor noise on a launch
    assert "WebKitGTK" not in app.output() or "error" not in app.output().lower()


def test_gtk_window_close_from_the_page_stops_the_server_and_the_process(
    launch_gtk: LaunchGtk, write_app: Callable[[str], Path]
) -> None:
    app = launch_gtk(str(write_app(COUNTER_APP)))
    app.wait_text("count=0")
    port = app.app_port()
    app.page(url_prefix="http").eval("window.close()")
    assert app.wait_exit() == 0
    assert "threads still running" not in app.log_text()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_gtk_window_sigterm_closes_cleanly(
    launch_gtk: LaunchGtk, write_app: Callable[[str], Path]
) -> None:
    app = launch_gtk(str(write_app(COUNTER_APP)))
    app.wait_text("count=0")
    os.kill(app.proc.pid, signal.SIGTERM)
    assert app.wait_exit() == 0


def test_gtk_window_shows_a_missing_script_with_the_log_path(
    launch_gtk: LaunchGtk, tmp_path: Path
) -> None:
    app = launch_gtk(str(tmp_path / "nope.py"))
    page = app.wait_text("could not start", url_prefix="")
    assert "nope.py does not exist" in page.text()
    page.eval("window.close()")
    assert app.wait_exit() == 1


def test_gtk_window_takes_title_and_size_flags(
    launch_gtk: LaunchGtk, write_app: Callable[[str], Path]
) -> None:
    app = launch_gtk(
        str(write_app(COUNTER_APP)), "--title", "Counter", "--width", "640", "--height", "480"
    )
    page = app.wait_text("count=0")
    assert page.eval("window.innerWidth") == 640
    assert page.eval("window.innerHeight") == 480


def test_gtk_window_opens_a_clicked_foreign_link_in_the_system_browser(
    launch_gtk: LaunchGtk,
    write_app: Callable[[str], Path],
    desktop_env: dict[str, str],
    tmp_path: Path,
) -> None:
    opened = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\necho "$1" >> {opened}\n')
    browser.chmod(browser.stat().st_mode | stat.S_IEXEC)
    env = {**desktop_env, "BROWSER": f"{browser} %s"}
    app = launch_gtk(
        str(
            write_app(
                "import rillet as st\nst.markdown('[docs](https://docs.example.invalid/x)')\n"
            )
        ),
        env=env,
    )
    page = app.wait_text("docs")
    link = "document.querySelector('a[href^=\"https://docs.example.invalid\"]')"
    deadline = time.monotonic() + 20
    while not page.eval(f"!!{link}") and time.monotonic() < deadline:
        time.sleep(0.05)  # the markdown renderer is a lazy chunk
    # A same-tab click on a link to another site (target=_self, as a page could do).
    page.eval(
        "(() => { const a = document.querySelector('a[href^=\"https://docs.example.invalid\"]');"
        " a.removeAttribute('target'); a.click(); return true; })()"
    )
    deadline = time.monotonic() + 10
    while not opened.is_file() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert opened.read_text().strip() == "https://docs.example.invalid/x"
    time.sleep(0.3)
    assert page.eval("location.origin").startswith("http://127.0.0.1:")  # the app stayed


def test_asking_for_gtk_without_pygobject_is_an_error_naming_what_to_install(
    tmp_path: Path,
) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\n")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; sys.modules['gi'] = None\n"
            "from rillet.cli import main; sys.exit(main(sys.argv[1:]))",
            "desktop",
            "--webview",
            "gtk",
            str(script),
        ],
        env={**os.environ, "DISPLAY": os.environ.get("DISPLAY", ":0")},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "--webview gtk: WebKitGTK (the system webview) is not installed" in done.stderr
    assert "PyGObject" in done.stderr
    assert 'pip install "rillet[desktop,gtk]"' in done.stderr


def test_gtk_window_remembers_its_size_for_the_next_launch(
    launch_gtk: LaunchGtk, write_app: Callable[[str], Path]
) -> None:
    script = str(write_app(COUNTER_APP))
    first = launch_gtk(script, "--width", "700", "--height", "500")
    first.wait_text("count=0")
    first.page(url_prefix="http").eval("window.close()")
    assert first.wait_exit() == 0
    again = launch_gtk(script)
    page = again.wait_text("count=0")
    assert page.eval("window.innerWidth") == 700
    assert page.eval("window.innerHeight") == 500


def test_a_second_gtk_launch_hands_over_to_the_open_window_and_exits(
    launch_gtk: LaunchGtk, write_app: Callable[[str], Path]
) -> None:
    script = str(write_app(COUNTER_APP))
    first = launch_gtk(script)
    first.wait_text("count=0")
    second = launch_gtk(script)
    assert second.wait_exit(30) == 0
    assert "is already open; brought its window to the front" in second.output()
    assert "second launch failed" not in first.log_text()
    first.wait_text("count=0")  # the first window is still there
