"""`rillet desktop`: the app in a real Qt WebEngine window under Xvfb."""

from __future__ import annotations

import os
import signal
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

# conftest.launch: starts `python -m rillet desktop ARGS` and returns a DesktopProcess.
Launch = Callable[..., Any]

pytestmark = pytest.mark.desktop

COUNTER_APP = """
import rillet as st

if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Increment"):
    st.session_state.count += 1
st.write(f"count={st.session_state.count}")
"""


def test_window_shows_the_app_and_a_click_reruns_it(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    app = launch(str(write_app(COUNTER_APP)))
    page = app.wait_text("count=0")
    # The token left the URL at once; the cookie that replaced it is not readable by scripts.
    assert "token" not in page.eval("location.href")
    assert "rillet_token" not in page.eval("document.cookie")
    app.click("Increment")
    app.wait_text("count=1")
    app.click("Increment")
    app.wait_text("count=2")


def test_closing_the_window_stops_the_server_and_the_process(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    app = launch(str(write_app(COUNTER_APP)))
    app.wait_text("count=0")
    port = app.app_port()
    app.page(url_prefix="http").eval("window.close()")
    assert app.wait_exit() == 0
    assert "threads still running" not in app.log_text()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass


def test_a_running_script_does_not_keep_the_process_alive(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    app = launch(
        str(
            write_app(
                "import time\nimport rillet as st\nst.write('working')\n"
                "while True:\n    time.sleep(0.05)\n    st.empty()\n"
            )
        )
    )
    app.wait_text("working")
    closed = time.monotonic()
    app.page(url_prefix="http").eval("window.close()")
    assert app.wait_exit() == 0
    assert time.monotonic() - closed < 5
    assert "threads still running" not in app.log_text()


def test_sigterm_closes_the_window_cleanly(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    app = launch(str(write_app(COUNTER_APP)))
    app.wait_text("count=0")
    os.kill(app.proc.pid, signal.SIGTERM)
    assert app.wait_exit() == 0


def test_a_missing_script_is_shown_in_the_window_with_the_log_path(
    launch: Launch, tmp_path: Path
) -> None:
    app = launch(str(tmp_path / "nope.py"))
    page = app.wait_text("could not start", url_prefix="")
    text = page.text()
    assert "nope.py does not exist" in text
    log_files = list((tmp_path / "home" / "state").rglob("desktop-nope-*.log"))
    assert len(log_files) == 1
    assert str(log_files[0]) in text
    assert "does not exist" in log_files[0].read_text()
    page.eval("window.close()")
    assert app.wait_exit() == 1


def test_a_taken_port_is_shown_in_the_window(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        app = launch(str(write_app(COUNTER_APP)), "--server.port", str(port))
        page = app.wait_text("could not start", url_prefix="")
        assert f"Cannot listen on 127.0.0.1 port {port}" in page.text()


def test_an_error_in_the_script_shows_in_the_app_not_as_a_boot_failure(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    app = launch(str(write_app("import rillet as st\nst.write('before')\n1 / 0\n")))
    page = app.wait_text("ZeroDivisionError")
    assert "before" in page.text()


def test_title_and_size_flags_shape_the_window(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    app = launch(
        str(write_app(COUNTER_APP)), "--title", "Counter", "--width", "640", "--height", "480"
    )
    page = app.wait_text("count=0")
    assert page.eval("window.innerWidth") == 640
    assert page.eval("window.innerHeight") == 480


def test_saving_the_script_updates_the_window(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    script = write_app("import rillet as st\nst.write('version one')\n")
    app = launch(str(script), "--server.runOnSave", "true")
    app.wait_text("version one")
    time.sleep(1.2)  # the watcher's first look at what the run imported
    script.write_text("import rillet as st\nst.write('version two')\n")
    app.wait_text("version two", timeout=20)


def test_without_run_on_save_the_window_offers_to_rerun(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    script = write_app("import rillet as st\nst.write('version one')\n")
    app = launch(str(script))
    app.wait_text("version one")
    time.sleep(1.2)
    script.write_text("import rillet as st\nst.write('version two')\n")
    app.wait_text("Source file changed", timeout=20)
    assert "version two" not in app.page(url_prefix="http").text()
