"""The same widget apps in rillet and in Streamlit, side by side in one browser.

Each sample app runs unchanged (``import streamlit as st``) under
``streamlit run`` (headless, on a free port, as bench/browser.py starts it)
and under rillet, at the same viewport. The test compares the text each
widget shows for its value (dates, times, numbers, selections) and the
boxes of the widgets, within a tolerance, and saves both screenshots under
``$TMPDIR/rillet-side-by-side/`` for a person to look at.
"""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
pytest.importorskip("streamlit")

VIEWPORT = {"width": 1280, "height": 1000}
ARTEFACTS = Path(tempfile.gettempdir()) / "rillet-side-by-side"
# Widget boxes may differ by this many pixels in height and in vertical place
# per widget above them (fonts and borders are our own, not Streamlit's).
HEIGHT_TOLERANCE = 16

# name -> (app, the value text each widget shows, in page order)
APPS: dict[str, tuple[str, list[list[str]]]] = {
    "choices": (
        """
        import streamlit as st
        st.selectbox("City", ["Oslo", "Lima"], index=1)
        st.selectbox("Nothing yet", ["Oslo", "Lima"], index=None, help="Pick one")
        st.multiselect("Toppings", ["cheese", "olives", "ham"], ["cheese", "ham"])
        st.selectbox("Locked", ["Pune"], disabled=True)
        st.selectbox("Collapsed", ["Quito"], label_visibility="collapsed")
        st.multiselect("Hidden", ["a", "b"], ["b"], label_visibility="hidden")
        st.write("ready")
        """,
        [["Lima"], [], ["cheese", "ham"], ["Pune"], ["Quito"], ["b"]],
    ),
    "dates_and_times": (
        """
        import datetime
        import streamlit as st
        st.date_input("Day", datetime.date(2026, 1, 31))
        st.date_input("Dotted", datetime.date(2026, 1, 31), format="DD.MM.YYYY")
        st.date_input("US", datetime.date(2026, 1, 31), format="MM/DD/YYYY")
        st.date_input("Trip", (datetime.date(2026, 1, 2), datetime.date(2026, 1, 5)))
        st.time_input("Alarm", datetime.time(20, 30))
        st.time_input("Early", datetime.time(7, 5), help="Wake up")
        st.date_input("Closed", datetime.date(2026, 5, 1), disabled=True, label_visibility="collapsed")
        st.write("ready")
        """,
        [
            ["2026/01/31"],
            ["31.01.2026"],
            ["01/31/2026"],
            ["2026/01/02", "2026/01/05"],
            ["20:30"],
            ["07:05"],
            ["2026/05/01"],
        ],
    ),
    "numbers": (
        """
        import streamlit as st
        st.number_input("Price", value=1.5, format="%.2f")
        st.number_input("Count", value=7)
        st.slider("Level", 0, 10, 4)
        st.slider("Share", 0.0, 1.0, 0.25, format="%.2f")
        st.number_input("No label", value=2.5, label_visibility="collapsed", disabled=True)
        st.slider("Range", 0, 100, (20, 80), help="From and to")
        st.write("ready")
        """,
        [["1.50"], ["7"], ["4"], ["0.25"], ["2.50"], ["20", "80"]],
    ),
}

# The shown text of every widget, page order, and its box: rillet's and Streamlit's DOM.
READ_RILLET = """() => [...document.querySelectorAll('main .rl-widget')].map(w => {
  const r = w.getBoundingClientRect();
  const inputs = [...w.querySelectorAll('input[type=text], input:not([type])')].map(i => i.value);
  return {text: w.innerText + ' ' + inputs.join(' '), box: [r.x, r.y, r.width, r.height]};
})"""
READ_STREAMLIT = """() => [...document.querySelectorAll('[data-testid=stElementContainer]')]
  .filter(e => !e.querySelector('[data-testid=stMarkdown]'))
  .map(e => {
    const r = e.getBoundingClientRect();
    const inputs = [...e.querySelectorAll('input')].filter(i => i.type !== 'hidden'
        && !/^\\d{4}-\\d{2}-\\d{2}$/.test(i.value)).map(i => i.value);
    return {text: e.innerText + ' ' + inputs.join(' '), box: [r.x, r.y, r.width, r.height]};
  })"""


def _shown(text: str) -> str:
    """Text as a person reads it: no bidi marks, no spaces inside dates and times."""
    text = re.sub(r"[\u2066-\u2069\u200e\u200f]", "", text)
    text = re.sub(r"(\d)\s*([/.:])\s*(?=\d)", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _answers(port: int) -> bool:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        conn.request("GET", "/_stcore/health")
        return conn.getresponse().status == 200
    except OSError:
        return False
    finally:
        conn.close()


@pytest.fixture(scope="module")
def streamlit_apps(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Streamlit serving each sample app: name -> URL (one server per app)."""
    folder = tmp_path_factory.mktemp("streamlit_apps")
    procs: list[subprocess.Popen[bytes]] = []
    logs: list[Any] = []
    urls: dict[str, str] = {}
    try:
        for name, (source, _) in APPS.items():
            script = folder / f"app_{name}.py"  # never a stdlib name (numbers.py)
            script.write_text(textwrap.dedent(source), encoding="utf-8")
            port = _free_port()
            argv = [sys.executable, "-m", "streamlit", "run", str(script)]
            argv += ["--server.port", str(port), "--server.headless", "true"]
            argv += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
            logs.append((folder / f"{name}.log").open("wb"))
            procs.append(
                subprocess.Popen(
                    argv,
                    cwd=folder,
                    stdout=subprocess.DEVNULL,
                    stderr=logs[-1],
                    start_new_session=True,
                )
            )
            urls[name] = (port, f"http://127.0.0.1:{port}/")  # type: ignore[assignment]
        deadline = time.monotonic() + 90
        for name, (port, url) in list(urls.items()):  # type: ignore[misc]
            while not _answers(port):
                if time.monotonic() > deadline:
                    log = (folder / f"{name}.log").read_text(errors="replace")[-2000:]
                    pytest.skip(f"Streamlit did not start within 90 s: {log}")
                time.sleep(0.1)
            urls[name] = url
        yield urls
    finally:
        for proc in procs:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        for log in logs:
            log.close()


def _read(page: Any, url: str, reader: str, shot: Path) -> list[dict[str, Any]]:
    page.set_viewport_size(VIEWPORT)
    page.goto(url)
    page.get_by_text("ready", exact=True).wait_for(timeout=30_000)
    page.wait_for_timeout(500)  # let late layout (fonts, icons) settle
    page.screenshot(path=str(shot), full_page=True)
    return list(page.evaluate(reader))


@pytest.mark.parametrize("name", list(APPS))
def test_widgets_show_the_same_values_in_boxes_of_the_same_size(
    name: str, streamlit_apps: dict[str, str], serve: Any, page: Any
) -> None:
    source, expected = APPS[name]
    ARTEFACTS.mkdir(exist_ok=True)
    theirs = _read(page, streamlit_apps[name], READ_STREAMLIT, ARTEFACTS / f"{name}-streamlit.png")
    # The served Server has no import alias (``rillet run`` installs it): name rillet.
    app = serve(source.replace("import streamlit as st", "import rillet as st"))
    ours = _read(page, app.url, READ_RILLET, ARTEFACTS / f"{name}-rillet.png")

    assert len(ours) == len(theirs) == len(expected)
    for index, (mine, other, values) in enumerate(zip(ours, theirs, expected, strict=True)):
        for value in values:
            assert value in _shown(other["text"]), f"Streamlit's widget {index}: {other['text']!r}"
            assert value in _shown(mine["text"]), (
                f"widget {index} shows {_shown(mine['text'])!r}; Streamlit shows "
                f"{_shown(other['text'])!r}"
            )
        height, their_height = mine["box"][3], other["box"][3]
        assert abs(height - their_height) <= HEIGHT_TOLERANCE, (
            f"widget {index} is {height:.0f} px high; Streamlit's is {their_height:.0f} px"
        )
    # Widths and left edges: the same column at the same viewport.
    for mine, other in zip(ours, theirs, strict=True):
        assert abs(mine["box"][2] - other["box"][2]) <= 0.1 * other["box"][2]
        assert abs(mine["box"][0] - other["box"][0]) <= 0.1 * other["box"][2]
