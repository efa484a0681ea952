"""The same widget apps in rillet and in Streamlit, side by side in one browser.

Each sample app runs unchanged (``import streamlit as st``) under
``streamlit run`` (headless, on a free port, as bench/browser.py starts it)
and under rillet, at the same viewport. Together the apps hold every
widget, with a label, with a hidden or collapsed one, with help and
disabled, and headings in the page and in the sidebar. The test compares
the text each element shows for its value (dates, times, numbers,
selections) and its box (top, left, height, and width where Streamlit's
spans the column), within a tolerance, and the theme's colours in light
and dark. Both screenshots of every app are saved under
``$RILLET_ARTEFACTS/rillet-side-by-side/`` (default: the temp dir) for a
person to look at.
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
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser
pytest.importorskip("streamlit")

# Tall enough for every sample app: Streamlit scrolls inside its page, so a
# full-page screenshot of it holds only the viewport.
VIEWPORT = {"width": 1280, "height": 1400}
ARTEFACTS = Path(os.environ.get("RILLET_ARTEFACTS", tempfile.gettempdir())) / "rillet-side-by-side"
# Boxes may differ by this many pixels in height, and in top edge at any
# depth of the page (the sizes are tuned to match; fonts render alike).
HEIGHT_TOLERANCE = 6
TOP_TOLERANCE = 12
# Left edges and the widths of full-width elements (our buttons, checkboxes
# and button groups sit in a full-width row; Streamlit's box hugs them).
EDGE_TOLERANCE = 4
# Colour channels (0-255) may differ by this much: the palettes are our own.
COLOUR_TOLERANCE = 10

# name -> (app, the value text each element shows, in page order: sidebar, then main)
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
        st.radio("Size", ["S", "M", "L"], index=1, help="Shirt size")
        st.radio("Row", ["left", "right"], horizontal=True, label_visibility="collapsed")
        st.checkbox("Agree", True, help="Terms")
        st.toggle("Dark", disabled=True)
        st.pills("Tags", ["x", "y"], default="x")
        st.segmented_control("Mode", ["one", "two"], default="two", disabled=True)
        st.color_picker("Colour", "#ff0000", help="Any colour")
        st.write("ready")
        """,
        [
            ["Lima"],
            [],
            ["cheese", "ham"],
            ["Pune"],
            ["Quito"],
            ["b"],
            ["Size", "S", "M", "L"],
            ["left", "right"],
            ["Agree"],
            ["Dark"],
            ["Tags", "x", "y"],
            ["Mode", "one", "two"],
            ["Colour"],
            ["ready"],
        ],
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
        st.time_input("Hidden", datetime.time(9, 0), label_visibility="hidden", disabled=True)
        st.datetime_input("When", datetime.datetime(2026, 1, 31, 20, 30), help="Start")
        st.datetime_input("Dotted moment", datetime.datetime(2026, 1, 31, 8, 5), format="DD.MM.YYYY")
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
            ["09:00"],
            ["2026/01/31, 20:30"],
            ["31.01.2026, 08:05"],
            ["ready"],
        ],
    ),
    "numbers_and_text": (
        """
        import streamlit as st
        st.number_input("Price", value=1.5, format="%.2f")
        st.number_input("Count", value=7, help="How many")
        st.slider("Level", 0, 10, 4)
        st.slider("Share", 0.0, 1.0, 0.25, format="%.2f")
        st.number_input("No label", value=2.5, label_visibility="collapsed", disabled=True)
        st.slider("Range", 0, 100, (20, 80), help="From and to")
        st.select_slider("Pick", ["a", "b", "c"], "b")
        st.text_input("Name", "Ada", help="Your name")
        st.text_input("Hidden label", "x", label_visibility="hidden", disabled=True)
        st.text_area("Notes", "one line")
        st.write("ready")
        """,
        [
            ["1.50"],
            ["7"],
            ["4"],
            ["0.25"],
            ["2.50"],
            ["20", "80"],
            ["b"],
            ["Ada"],
            ["x"],
            ["one line"],
            ["ready"],
        ],
    ),
    "buttons_headings_sidebar": (
        """
        import streamlit as st
        with st.sidebar:
            st.title("Side title")
            st.header("Side header")
            st.subheader("Side sub")
            st.selectbox("Side pick", ["a", "b"], index=1)
        st.title("Title")
        st.header("Header")
        st.subheader("Subheader")
        st.button("Go", help="Run it")
        st.button("Primary", type="primary")
        st.button("Off", disabled=True)
        st.download_button("Save", "abc")
        st.link_button("Docs", "https://example.com")
        st.feedback("thumbs")
        st.file_uploader("Upload", help="One file")
        st.write("ready")
        """,
        [
            ["Side title"],
            ["Side header"],
            ["Side sub"],
            ["b"],
            ["Title"],
            ["Header"],
            ["Subheader"],
            ["Go"],
            ["Primary"],
            ["Off"],
            ["Save"],
            ["Docs"],
            [],
            ["Upload"],
            ["ready"],
        ],
    ),
}

# Every element's shown text and box, page order: rillet's and Streamlit's DOM.
READ_RILLET = """() => [...document.querySelectorAll('.rl-element')]
  .filter(e => !e.querySelector('.rl-element'))
  .map(e => {
    const r = e.getBoundingClientRect();
    const inputs = [...e.querySelectorAll('input[type=text], input:not([type]), textarea')].map(i => i.value);
    return {text: e.innerText + ' ' + inputs.join(' '), box: [r.x, r.y, r.width, r.height]};
  })"""
READ_STREAMLIT = """() => [...document.querySelectorAll('[data-testid=stElementContainer]')]
  .map(e => {
    const r = e.getBoundingClientRect();
    const inputs = [...e.querySelectorAll('input, textarea')].filter(i => i.type !== 'hidden'
        && !/^\\d{4}-\\d{2}-\\d{2}/.test(i.value)).map(i => i.value);
    return {text: e.innerText + ' ' + inputs.join(' '), box: [r.x, r.y, r.width, r.height]};
  })"""
# The page's colours as a person sees them, both sides: name -> (rillet selector, Streamlit's, property).
COLOURS = {
    "page": (".rl-app", "[data-testid=stApp]", "backgroundColor"),
    "text": (".rl-main .rl-markdown p", "[data-testid=stMarkdownContainer] p", "color"),
    "sidebar": (".rl-sidebar", "[data-testid=stSidebar]", "backgroundColor"),
    "field": (".rl-input", "[data-testid=stTextInputRootElement]", "backgroundColor"),
    "field border": (".rl-input", "[data-testid=stTextInputRootElement]", "borderTopColor"),
    "primary button": (
        ".rl-button-primary",
        "[data-testid=stBaseButton-primary]",
        "backgroundColor",
    ),
    "link": (".rl-main .rl-markdown a", "[data-testid=stMarkdownContainer] a", "color"),
}
COLOUR_APP = """
import streamlit as st
with st.sidebar:
    st.write("side")
st.text_input("Name", "Ada")
st.button("Primary", type="primary")
st.markdown("A [link](https://example.com) in text")
st.write("ready")
"""
# Buttons of every kind, measured on the button itself (its element's box
# spans the row on one side and hugs the button on the other).
BUTTON_APP = """
import streamlit as st
st.button("Go", help="Run it")
st.button("Primary", type="primary")
st.button("Off", disabled=True)
st.download_button("Save", "abc")
st.link_button("Docs", "https://example.com")
st.button("A much longer label for a button")
st.button("Wide", use_container_width=True)
st.button("Px", width=200)
with st.form("form"):
    st.form_submit_button("Send")
st.page_link("https://example.com", label="Link page")
st.popover("Pop").write("inside")
st.write("ready")
"""
READ_BUTTONS = """() => [...document.querySelectorAll('main button, main a[href]')]
  .filter(b => b.offsetParent && b.innerText.trim())
  .map(b => {
    const r = b.getBoundingClientRect();
    return [b.innerText.trim().split('\\n')[0], r.width, r.height];
  })"""


def _shown(text: str) -> str:
    """Text as a person reads it: no bidi marks, no spaces inside dates and times."""
    text = re.sub(r"[\u2066-\u2069\u200e\u200f]", "", text)
    text = re.sub(r"(\d)\s*([/.:])\s*(?=\d)", r"\1\2", text)
    text = re.sub(r"\s+,", ",", text)
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


@contextmanager
def streamlit_serving(
    folder: Path, sources: dict[str, tuple[str, str]]
) -> Iterator[dict[str, str]]:
    """Streamlit serving each app (name -> (source, theme base or "")): name -> URL.

    One headless server per app on a free port, all started at once and
    waited for together; skips the test when one does not answer in 90 s.
    """
    procs: list[subprocess.Popen[bytes]] = []
    logs: list[Any] = []
    ports: dict[str, int] = {}
    try:
        for name, (source, base) in sources.items():
            script = folder / f"app_{name.replace('-', '_')}.py"  # never a stdlib name
            script.write_text(textwrap.dedent(source), encoding="utf-8")
            ports[name] = port = _free_port()
            argv = [sys.executable, "-m", "streamlit", "run", str(script)]
            argv += ["--server.port", str(port), "--server.headless", "true"]
            if base:
                argv += ["--theme.base", base]
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
        deadline = time.monotonic() + 90
        for name, port in ports.items():
            while not _answers(port):
                if time.monotonic() > deadline:
                    log = (folder / f"{name}.log").read_text(errors="replace")[-2000:]
                    pytest.skip(f"Streamlit did not start within 90 s: {log}")
                time.sleep(0.1)
        yield {name: f"http://127.0.0.1:{port}/" for name, port in ports.items()}
    finally:
        for proc in procs:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
        for log in logs:
            log.close()


@pytest.fixture(scope="module")
def streamlit_apps(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Streamlit serving each sample app: name -> URL (one server per app)."""
    sources = {name: (source, "") for name, (source, _) in APPS.items()}
    sources.update({f"colours-{base}": (COLOUR_APP, base) for base in ("light", "dark")})
    sources["buttons"] = (BUTTON_APP, "")
    with streamlit_serving(tmp_path_factory.mktemp("streamlit_apps"), sources) as urls:
        yield urls


def _read(page: Any, url: str, reader: str, shot: Path) -> list[dict[str, Any]]:
    page.set_viewport_size(VIEWPORT)
    page.goto(url)
    page.get_by_text("ready", exact=True).wait_for(timeout=60_000)
    # Streamlit draws some widgets after a lazy load: wait for its placeholders to go.
    page.wait_for_function("() => !document.querySelector('[data-testid=stSkeleton]')")
    page.wait_for_timeout(500)  # let late layout (fonts, icons) settle
    page.screenshot(path=str(shot), full_page=True)
    return list(page.evaluate(reader))


@pytest.mark.parametrize("name", list(APPS))
def test_elements_show_the_same_values_in_boxes_of_the_same_size_and_place(
    name: str, streamlit_apps: dict[str, str], serve: Any, page: Any
) -> None:
    source, expected = APPS[name]
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    theirs = _read(page, streamlit_apps[name], READ_STREAMLIT, ARTEFACTS / f"{name}-streamlit.png")
    # The served Server has no import alias (``rillet run`` installs it): name rillet.
    app = serve(source.replace("import streamlit as st", "import rillet as st"))
    ours = _read(page, app.url, READ_RILLET, ARTEFACTS / f"{name}-rillet.png")

    assert len(ours) == len(theirs) == len(expected), (
        [_shown(o["text"]) for o in ours],
        [_shown(t["text"]) for t in theirs],
    )
    problems: list[str] = []
    for index, (mine, other, values) in enumerate(zip(ours, theirs, expected, strict=True)):
        what = f"element {index} ({_shown(other['text'])[:30]!r})"
        for value in values:
            assert value in _shown(other["text"]), f"Streamlit's {what}: {other['text']!r}"
            if value not in _shown(mine["text"]):
                problems.append(f"{what} shows {_shown(mine['text'])!r}, not {value!r}")
        (x, y, width, height), (their_x, their_y, their_width, their_height) = (
            mine["box"],
            other["box"],
        )
        if abs(height - their_height) > HEIGHT_TOLERANCE:
            problems.append(f"{what} is {height:.0f} px high; Streamlit's is {their_height:.0f} px")
        if abs(y - their_y) > TOP_TOLERANCE:
            problems.append(f"{what} starts at y={y:.0f}; Streamlit's at y={their_y:.0f}")
        if abs(x - their_x) > EDGE_TOLERANCE:
            problems.append(f"{what} starts at x={x:.0f}; Streamlit's at x={their_x:.0f}")
        full_width = their_width > 0.9 * max(t["box"][2] for t in theirs if t["box"][0] == their_x)
        if full_width and abs(width - their_width) > EDGE_TOLERANCE:
            problems.append(f"{what} is {width:.0f} px wide; Streamlit's is {their_width:.0f} px")
    assert problems == [], "\n".join(problems)


def _rgb(text: str) -> tuple[int, ...]:
    """``rgb(1, 2, 3)`` or ``color(srgb 0.1 0.2 0.3)`` (a color-mix) as 0-255 channels."""
    numbers = [float(n) for n in re.findall(r"[\d.]+", text.removeprefix("color(srgb"))[:3]]
    scale = 255 if text.startswith("color(") else 1
    return tuple(round(n * scale) for n in numbers)


@pytest.mark.parametrize("base", ["light", "dark"])
def test_theme_colours_are_close_to_streamlits(
    base: str, streamlit_apps: dict[str, str], serve: Any, page: Any
) -> None:
    read = """([pairs, side]) => Object.fromEntries(Object.entries(pairs).map(([name, sel]) => {
      const e = document.querySelector(sel[side]);
      return [name, e ? getComputedStyle(e)[sel[2]] : 'missing'];
    }))"""
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(VIEWPORT)
    page.goto(streamlit_apps[f"colours-{base}"])
    page.get_by_text("ready", exact=True).wait_for(timeout=60_000)
    present = (
        "([pairs, side]) => Object.values(pairs).every(sel => document.querySelector(sel[side]))"
    )
    page.wait_for_function(present, arg=[COLOURS, 1])
    theirs = page.evaluate(read, [COLOURS, 1])
    page.screenshot(path=str(ARTEFACTS / f"colours-{base}-streamlit.png"))
    app = serve(
        COLOUR_APP.replace("import streamlit as st", "import rillet as st"), theme__base=base
    )
    page.goto(app.url)
    page.get_by_text("ready", exact=True).wait_for()
    page.wait_for_function(present, arg=[COLOURS, 0])
    ours = page.evaluate(read, [COLOURS, 0])
    page.screenshot(path=str(ARTEFACTS / f"colours-{base}-rillet.png"))
    far = {
        name: (ours[name], theirs[name])
        for name in COLOURS
        if ours[name] == "missing"
        or max(abs(a - b) for a, b in zip(_rgb(ours[name]), _rgb(theirs[name]), strict=True))
        > COLOUR_TOLERANCE
    }
    assert far == {}, f"{base} colours (ours, Streamlit's) differ: {far}"


def test_buttons_are_as_wide_and_high_as_streamlits(
    streamlit_apps: dict[str, str], serve: Any, page: Any
) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(VIEWPORT)
    page.goto(streamlit_apps["buttons"])
    page.get_by_text("ready", exact=True).wait_for(timeout=60_000)
    page.wait_for_timeout(500)  # let fonts settle
    theirs = page.evaluate(READ_BUTTONS)
    page.screenshot(path=str(ARTEFACTS / "buttons-streamlit.png"))
    app = serve(BUTTON_APP.replace("import streamlit as st", "import rillet as st"))
    page.goto(app.url)
    page.get_by_text("ready", exact=True).wait_for()
    page.wait_for_timeout(500)
    ours = page.evaluate(READ_BUTTONS)
    page.screenshot(path=str(ARTEFACTS / "buttons-rillet.png"))

    assert [label for label, _, _ in ours] == [label for label, _, _ in theirs]
    far = [
        (label, (round(width), round(height)), (round(their_width), round(their_height)))
        for (label, width, height), (_, their_width, their_height) in zip(ours, theirs, strict=True)
        if abs(width - their_width) > EDGE_TOLERANCE or abs(height - their_height) > EDGE_TOLERANCE
    ]
    assert far == [], f"buttons (ours, Streamlit's) differ in size: {far}"
