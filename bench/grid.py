"""The data grid in a real browser: a million rows shown, scrolled and edited.

Drives Debian's headless Chromium (Playwright) against apps served by
``python -m rillet run`` and, when it is installed, ``streamlit run`` (the
same script, only the import differs). With ``--json-baseline COMMIT`` a
third column runs rillet as it was at that commit (``git archive`` into a
temporary folder, nothing in the working tree is touched), to compare the
20-row table with the JSON path tables took before Arrow.

Figures (medians over ``--rounds``; each round opens a fresh page):

- 1,000,000 x 10 ``st.dataframe`` (8 float, 1 string, 1 datetime; the frame
  is made once, under ``st.cache_data``): click on a button that shows the
  table → the grid's first rows in the DOM plus two animation frames
  (rillet: a grid cell; Streamlit: its grid canvas). Bytes on the wire:
  WebSocket payload received between the click and that moment.
- scroll: ``requestAnimationFrame`` intervals while the grid's scroller
  moves 600 px per frame for 240 frames; fps and frame time p95. It starts
  once the whole table has arrived (no WebSocket frame for a second): the
  first rows draw before the rest is sent.
- 10,000 x 10 ``st.data_editor``: a cell edit committed (Enter) → the
  script's output shows the edit (rillet only: Streamlit's canvas grid has
  no DOM editor to drive the same way).
- 20 x 10 ``st.dataframe``: click → first rows, as for the large table.

- scroll, main-thread CPU per frame (rillet): the same scroll under a
  Chromium trace; per frame (from one ``FireAnimationFrame`` to the next),
  the renderer main thread's *thread* time (``tdur``) of its top-level
  tasks: script, style, layout, paint recording. Thread time does not count
  the time the thread waited for a core, so this figure holds on a loaded
  machine where fps does not. Budget at 60 fps: well under 16.7 ms.
- sort: a header click on a float column of the 1M table → the sorted rows
  drawn (two animation frames later); the page is frozen for that long.

- scroll while parts arrive (rillet): the same scroll started as soon as the
  1M table's first rows are drawn, while its other parts (about 8 MB each)
  still arrive and are decoded; fps, frame time p95, and the main thread's
  CPU per frame from a trace of that scroll (as above): median, p95, the
  largest, and how many frames took more than a frame's 16.7 ms of it (those
  are the frames a part's arrival can drop, whatever the machine's load).
  The scroll lasts four seconds at 60 fps; how many rows arrived during it is
  printed. The client receives the socket's frames in a worker
  (src/socketRelay.ts), so a part costs the main thread only taking it over.

``--baseline COMMIT`` adds rillet as it was at COMMIT (its Python and its
built client, from ``git archive``) as one more column with every rillet
figure: before/after in one run, rounds interleaved.

``--scroll-only`` runs only the scroll and sort figures (the app shows the
table at once, no click, no WebSocket listener), then the scroll while parts
arrive: about a minute per target. ``--arriving-only`` runs only the last.
``--after-click`` starts that scroll as a user would: click "Show", wait for
the first rows, scroll at once.

usage: python bench/grid.py [--rounds 3] [--no-streamlit] [--json-baseline 6a28d00~1] [--baseline HEAD] [--scroll-only] [--arriving-only [--after-click]]
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import itertools
import os
import signal
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from browser import CHROMIUM, CHROMIUM_ARGS, Wire, answers, free_port

REPO = Path(__file__).resolve().parent.parent

SHOW_APP = """import numpy as np
import pandas as pd
import {module} as st

@st.cache_data
def frame(n):
    rng = np.random.default_rng(0)
    columns = {{f"n{{i}}": rng.standard_normal(n) for i in range(8)}}
    columns["s"] = [f"row {{i}}" for i in range(n)]
    columns["t"] = pd.date_range("2020-01-01", periods=n, freq="min")
    return pd.DataFrame(columns)

data = frame({rows})
if st.button("Show"):
    st.dataframe(data, height=500)
st.write("ready")
"""

EDIT_APP = """import numpy as np
import pandas as pd
import {module} as st

@st.cache_data
def frame(n):
    rng = np.random.default_rng(0)
    return pd.DataFrame({{f"c{{i}}": rng.integers(0, 100, n) for i in range(10)}})

st.data_editor(frame(10_000), key="ed")
edits = st.session_state["ed"]["edited_rows"]
st.write(f"edits={{sum(len(cells) for cells in edits.values())}}")
"""

# Click "Show", resolve when a cell of the grid exists and two frames have passed. The
# user-timing marks bound the click in a trace (bench/table_paint.py --trace).
SHOW_JS = """(selector) => new Promise((resolve) => {
  const button = [...document.querySelectorAll('button')].find((b) => b.innerText.trim() === 'Show');
  if (!button) { resolve(null); return; }
  performance.mark('bench-click');
  const t0 = performance.now();
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => {
    performance.mark('bench-rows');
    resolve(performance.now() - t0);
  }));
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector)) { observer.disconnect(); done(); }
  });
  observer.observe(document.body, {subtree: true, childList: true});
  setTimeout(() => { observer.disconnect(); resolve(-1); }, 120000);
  button.click();
})"""

SCROLL_JS = """(selector) => new Promise((resolve) => {
  const node = document.querySelector(selector);
  if (!node) { resolve(null); return; }
  const times = [];
  let last = performance.now();
  let i = 0;
  const step = (now) => {
    times.push(now - last);
    last = now;
    node.scrollTop += 600;
    if (++i < 240) requestAnimationFrame(step); else resolve(times.slice(2));
  };
  requestAnimationFrame(step);
})"""

SCROLL_ONLY_APP = """import numpy as np
import pandas as pd
import {module} as st

@st.cache_data
def frame(n):
    rng = np.random.default_rng(0)
    columns = {{f"n{{i}}": rng.standard_normal(n) for i in range(8)}}
    columns["s"] = [f"row {{i}}" for i in range(n)]
    columns["t"] = pd.date_range("2020-01-01", periods=n, freq="min")
    return pd.DataFrame(columns)

st.dataframe(frame({rows}), height=500)
"""

# Click the header of the column labelled `name`; resolve when two frames have passed after it.
SORT_JS = """(name) => new Promise((resolve) => {
  const head = [...document.querySelectorAll('.rl-dg-head')].find(
    (h) => h.querySelector('.rl-dg-head-label')?.textContent === name);
  if (!head) { resolve(null); return; }
  const t0 = performance.now();
  head.click();
  requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
})"""

COMMIT_EDIT_JS = """(expected) => new Promise((resolve) => {
  const input = document.querySelector('.rl-dg-editor input');
  if (!input) { resolve(null); return; }
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (document.body.innerText.includes(expected)) { observer.disconnect(); resolve(performance.now() - t0); }
  });
  observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
  input.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));
})"""


@dataclass
class Target:
    name: str
    module: str
    argv: list[str]
    cell: str  # a selector that exists once the grid drew rows
    scroller: str
    env: dict[str, str] = field(default_factory=dict)


@dataclass
class Figures:
    big_ms: list[float] = field(default_factory=list)
    big_bytes: list[int] = field(default_factory=list)
    frames_ms: list[float] = field(default_factory=list)
    edit_ms: list[float] = field(default_factory=list)
    small_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)
    sort_ms: list[float] = field(default_factory=list)
    arriving_ms: list[float] = field(default_factory=list)
    arriving_cpu_ms: list[float] = field(default_factory=list)
    arriving_parts: list[int] = field(default_factory=list)
    arriving_cpu_max: list[float] = field(default_factory=list)  # per round
    arriving_long: list[int] = field(default_factory=list)  # per round
    errors: list[str] = field(default_factory=list)


class Served:
    """One app served by a target's command on a free port."""

    def __init__(self, target: Target, app: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        argv = [part.format(app=app, port=self.port) for part in target.argv]
        env = {**os.environ, **target.env}
        self.proc = subprocess.Popen(
            argv,
            cwd=app.parent,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        t0 = time.perf_counter()
        while not answers(self.port):
            if self.proc.poll() is not None or time.perf_counter() - t0 > 60:
                raise RuntimeError(f"server did not answer (exit code {self.proc.poll()})")
            time.sleep(0.01)

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def show_table(
    browser: Any, target: Target, url: str, out_ms: list[float], out_bytes: list[int] | None
) -> Any:
    """Open the app, click Show, record click → rows; returns the page (still open)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    wire = Wire(page)
    page.goto(url)
    page.get_by_text("ready").first.wait_for(timeout=120_000)
    page.wait_for_timeout(300)
    wire.reset()
    ms = page.evaluate(SHOW_JS, target.cell)
    if ms is None:
        raise RuntimeError("no Show button")
    if ms < 0:
        raise RuntimeError("the table did not appear within 120 s")
    out_ms.append(ms)
    if out_bytes is not None:
        out_bytes.append(wire.bytes)
    page.grid_wire = wire  # type: ignore[attr-defined]  # for wait_until_loaded
    return page


def wait_until_loaded(page: Any, quiet_ms: int = 1000, limit_s: float = 120) -> None:
    """Wait until no WebSocket frame came for `quiet_ms`: the rest of a large table has arrived."""
    wire: Wire = page.grid_wire
    t0 = time.perf_counter()
    seen = -1
    while wire.frames != seen and time.perf_counter() - t0 < limit_s:
        seen = wire.frames
        page.wait_for_timeout(quiet_ms)


def one_round(
    browser: Any, target: Target, tmp: Path, rows: int, out: Figures, edits: bool
) -> None:
    if rows > 0:
        show_big(browser, target, tmp, rows, out)
    small = tmp / f"{target.name}_small.py"
    small.write_text(SHOW_APP.format(module=target.module, rows=20))
    served = Served(target, small)
    try:
        show_table(browser, target, served.url, out.small_ms, None).close()
    finally:
        served.stop()
    if edits:
        edit_cells(browser, target, tmp, out)


def show_big(browser: Any, target: Target, tmp: Path, rows: int, out: Figures) -> None:
    big = tmp / f"{target.name}_big.py"
    big.write_text(SHOW_APP.format(module=target.module, rows=rows))
    served = Served(target, big)
    try:
        warm = browser.new_page()  # fill st.cache_data before timing
        warm.goto(served.url)
        warm.get_by_text("ready").first.wait_for(timeout=180_000)
        warm.close()
        page = show_table(browser, target, served.url, out.big_ms, out.big_bytes)
        # Scroll the whole table: the first rows draw before the others arrive.
        wait_until_loaded(page)
        frames = page.evaluate(SCROLL_JS, target.scroller)
        if frames is None:
            out.errors.append("no scroller found")
        else:
            out.frames_ms.extend(frames)
        page.close()
    finally:
        served.stop()


def renderer_main(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A trace's events on renderer main threads (``CrRendererMain``)."""
    main = {(e["pid"], e["tid"]) for e in events
            if e.get("ph") == "M" and e.get("name") == "thread_name"
            and e.get("args", {}).get("name") == "CrRendererMain"}  # fmt: skip
    return [e for e in events if (e.get("pid"), e.get("tid")) in main]


def top_tasks(ours: list[dict[str, Any]]) -> list[tuple[float, float]]:
    """(start µs, thread time µs) of the outermost tasks among a thread's events, in order."""
    tasks = sorted(
        (e["ts"], e.get("tdur", e.get("dur", 0)))
        for e in ours
        if e.get("ph") == "X" and e.get("name") in ("RunTask", "ThreadControllerImpl::RunTask")
    )
    # Tasks nest (a RunTask inside a RunTask): keep only the outermost.
    top: list[tuple[float, float]] = []
    end = -1.0
    for ts, tdur in tasks:
        if ts >= end:
            top.append((ts, tdur))
            end = ts + tdur
    return top


def main_thread_frames(events: list[dict[str, Any]]) -> list[float]:
    """Thread time (ms) of the renderer main thread's top-level tasks, per animation frame."""
    ours = renderer_main(events)
    frames = sorted(e["ts"] for e in ours if e.get("name") == "FireAnimationFrame")
    top = top_tasks(ours)
    per_frame: list[float] = []
    i = 0
    for a, b in itertools.pairwise(frames):
        while i < len(top) and top[i][0] < a:
            i += 1
        total = 0.0
        while i < len(top) and top[i][0] < b:
            total += top[i][1]
            i += 1
        per_frame.append(total / 1000)
    return per_frame[2:-1]


def scroll_and_sort(browser: Any, target: Target, tmp: Path, rows: int, out: Figures) -> None:
    """Scroll-only figures: fps, frame p95, main-thread CPU per frame (traced), and a 1M sort."""
    app = tmp / f"{target.name}_scroll.py"
    app.write_text(SCROLL_ONLY_APP.format(module=target.module, rows=rows))
    served = Served(target, app)
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(served.url)
        page.locator(target.cell).first.wait_for(timeout=180_000)
        if target.module == "rillet":  # every part in: this is the scroll of the whole table
            page.wait_for_function(f"() => ({LOADED_JS})() === '{rows}'", timeout=180_000)
        page.wait_for_timeout(500)
        frames = page.evaluate(SCROLL_JS, target.scroller)
        if frames is None:
            out.errors.append("no scroller found")
            return
        out.frames_ms.extend(frames)
        if target.module == "rillet":
            page.evaluate("(s) => { document.querySelector(s).scrollTop = 0; }", target.scroller)
            page.wait_for_timeout(300)
            _, events = traced(page, SCROLL_JS, target.scroller)
            out.cpu_ms.extend(main_thread_frames(events))
            page.evaluate("(s) => { document.querySelector(s).scrollTop = 0; }", target.scroller)
            page.wait_for_timeout(300)
            ms = page.evaluate(SORT_JS, "n0")
            if ms is None:
                out.errors.append("no n0 header to sort by")
            else:
                out.sort_ms.append(ms)
        page.close()
    finally:
        served.stop()


# Count the table parts the grid holds (rows loaded), sampled once per frame by the scroll.
FRAME_MS = 1000 / 60
LOADED_JS = """() => document.querySelector('.rl-dg')?.getAttribute('data-loaded-rows') ?? ''"""


def traced(page: Any, script: str, arg: Any) -> tuple[Any, list[dict[str, Any]]]:
    """``page.evaluate(script, arg)`` under a Chromium trace: its result and the trace's events."""
    cdp = page.context.new_cdp_session(page)
    events: list[dict[str, Any]] = []
    cdp.on("Tracing.dataCollected", lambda m: events.extend(m["value"]))
    done: list[bool] = []
    cdp.on("Tracing.tracingComplete", lambda _m: done.append(True))
    cdp.send("Tracing.start", {
        "traceConfig": {"includedCategories": ["devtools.timeline", "toplevel", "blink.user_timing"]},
        "transferMode": "ReportEvents",
    })  # fmt: skip
    result = page.evaluate(script, arg)
    cdp.send("Tracing.end")
    while not done:
        page.wait_for_timeout(50)
    cdp.detach()
    return result, events


def trace_scroll(page: Any, scroller: str) -> tuple[list[float], list[float]]:
    """SCROLL_JS under a Chromium trace: (frame intervals, main-thread CPU per frame)."""
    frames, events = traced(page, SCROLL_JS, scroller)
    return frames or [], main_thread_frames(events)


def scroll_while_arriving(
    browser: Any, target: Target, tmp: Path, rows: int, out: Figures, click: bool = False
) -> None:
    """Scroll the 1M table from its first rows on, while its other parts arrive (traced).

    The app shows the table at once, or with ``click`` after a click on
    "Show" (the scroll then starts when the click's first rows are drawn).
    """
    app = tmp / f"{target.name}_arriving.py"
    source = SHOW_APP if click else SCROLL_ONLY_APP
    app.write_text(source.format(module=target.module, rows=rows))
    ready = "text=ready" if click else target.cell
    served = Served(target, app)
    try:
        warm = browser.new_page()  # fill st.cache_data before timing
        warm.goto(served.url)
        warm.locator(ready).first.wait_for(timeout=180_000)
        warm.close()
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(served.url)
        page.locator(ready).first.wait_for(timeout=180_000)
        if click and (page.evaluate(SHOW_JS, target.cell) or -1) < 0:
            raise RuntimeError("no Show button, or no table within 120 s")
        before = page.evaluate(LOADED_JS)
        frames, cpu = trace_scroll(page, target.scroller)
        after = page.evaluate(LOADED_JS)
        if not frames:
            out.errors.append("no scroller found")
        out.arriving_ms.extend(frames)
        out.arriving_cpu_ms.extend(cpu)
        if cpu:
            out.arriving_cpu_max.append(max(cpu))
            out.arriving_long.append(sum(ms > FRAME_MS for ms in cpu))
        if before and after:
            out.arriving_parts.append(int(after) - int(before))
        page.close()
    finally:
        served.stop()


def edit_cells(browser: Any, target: Target, tmp: Path, out: Figures) -> None:
    editor = tmp / f"{target.name}_edit.py"
    editor.write_text(EDIT_APP.format(module=target.module))
    served = Served(target, editor)
    try:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(served.url)
        page.get_by_text("edits=0").wait_for(timeout=60_000)
        for i in range(1, 11):
            page.locator(f".rl-dg-cell[data-row='{i}'][data-col='1']").dblclick()
            page.locator(".rl-dg-editor input").fill(str(1000 + i))
            ms = page.evaluate(COMMIT_EDIT_JS, f"edits={i}")
            if ms is None or ms < 0:
                out.errors.append(
                    f"edit {i}: no editor" if ms is None else f"edit {i}: no rerun in 10 s"
                )
                break
            out.edit_ms.append(ms)
        page.close()
    finally:
        served.stop()


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


def table(results: dict[str, Figures]) -> str:
    def ms(values: list[float], pick: Any = statistics.median) -> str:
        return f"{pick(values):.1f} ms" if values else "-"

    def fps(values: list[float]) -> str:
        return f"{1000 / statistics.mean(values):.1f}" if values else "-"

    def mb(values: list[int]) -> str:
        return f"{statistics.median(values) / 1e6:.1f} MB" if values else "-"

    rows: list[tuple[str, list[str], str]] = [
        ("1Mx10 click → first rows", [ms(f.big_ms) for f in results.values()], "≤ 1000 ms"),
        ("1Mx10 bytes on the wire", [mb(f.big_bytes) for f in results.values()], ""),
        ("1Mx10 scroll fps", [fps(f.frames_ms) for f in results.values()], "≥ 55"),
        ("1Mx10 frame time p95", [ms(f.frames_ms, p95) for f in results.values()], "≤ 18 ms"),
        ("1Mx10 main-thread CPU/frame, median", [ms(f.cpu_ms) for f in results.values()], ""),
        ("1Mx10 main-thread CPU/frame, p95", [ms(f.cpu_ms, p95) for f in results.values()], ""),
        ("1Mx10 sort by a float column", [ms(f.sort_ms) for f in results.values()], ""),
        (
            "1Mx10 scroll fps while parts arrive",
            [fps(f.arriving_ms) for f in results.values()],
            "≥ 55",
        ),
        ("  frame time p95", [ms(f.arriving_ms, p95) for f in results.values()], "≤ 18 ms"),
        ("  main-thread CPU/frame, median", [ms(f.arriving_cpu_ms) for f in results.values()], ""),
        (
            "  main-thread CPU/frame, p95",
            [ms(f.arriving_cpu_ms, p95) for f in results.values()],
            "",
        ),
        ("  main-thread CPU/frame, max", [ms(f.arriving_cpu_max) for f in results.values()], ""),
        (
            "  frames over 16.7 ms of main-thread CPU",
            [
                f"{statistics.median(f.arriving_long):.0f}" if f.arriving_long else "-"
                for f in results.values()
            ],
            "",
        ),
        (
            "  rows arrived during the scroll",
            [
                f"{statistics.median(f.arriving_parts):,.0f}" if f.arriving_parts else "-"
                for f in results.values()
            ],
            "",
        ),
        ("10kx10 edit round trip", [ms(f.edit_ms) for f in results.values()], "≤ 20 ms"),
        ("20x10 click → first rows", [ms(f.small_ms) for f in results.values()], "≤ JSON path"),
    ]
    names = list(results)
    widths = [max(len(r[0]) for r in rows), *[max(12, len(n)) for n in names], 11]
    header = ["figure", *names, "target"]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    for label, cells, goal in rows:
        lines.append(
            "  ".join(c.ljust(w) for c, w in zip([label, *cells, goal], widths, strict=True))
        )
    return "\n".join(lines)


def checkout(commit: str, into: Path) -> Path:
    """rillet's files at a commit, unpacked into a folder (the working tree is not touched)."""
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", commit, "rillet", "server"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-streamlit", action="store_true", help="rillet only")
    parser.add_argument("--json-baseline", metavar="COMMIT", help="also run rillet at COMMIT")
    parser.add_argument("--baseline", metavar="COMMIT", help="also rillet at COMMIT, all figures")
    parser.add_argument("--scroll-only", action="store_true", help="scroll and sort figures only")
    parser.add_argument(
        "--arriving-only", action="store_true", help="only the scroll while parts arrive"
    )
    parser.add_argument(
        "--after-click",
        action="store_true",
        help="the scroll while parts arrive starts from a click on Show, not a page open",
    )
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    python = sys.executable
    rillet_argv = [python, "-m", "rillet", "run", "{app}", "--server.port", "{port}",
                   "--server.headless", "true"]  # fmt: skip
    targets = [Target("rillet", "rillet", rillet_argv, ".rl-dg-cell", ".rl-dg-scroll")]
    with tempfile.TemporaryDirectory() as tmp:
        if args.json_baseline:
            old = checkout(args.json_baseline, Path(tmp) / "baseline")
            path = os.pathsep.join([str(old), str(old / "server")])
            targets.append(
                Target(
                    "rillet@json",
                    "rillet",
                    rillet_argv,
                    ".rl-dataframe td",
                    ".rl-dataframe",
                    env={"PYTHONPATH": path},
                )
            )
        if args.baseline:
            old = checkout(args.baseline, Path(tmp) / "before")
            path = os.pathsep.join([str(old), str(old / "server")])
            targets.append(
                Target(f"rillet@{args.baseline}", "rillet", rillet_argv, ".rl-dg-cell",
                       ".rl-dg-scroll", env={"PYTHONPATH": path})
            )  # fmt: skip
        if not args.no_streamlit and importlib.util.find_spec("streamlit") is not None:
            streamlit_argv = [python, "-m", "streamlit", "run", "{app}", "--server.port", "{port}",
                              "--server.headless", "true", "--browser.gatherUsageStats", "false"]  # fmt: skip
            targets.append(
                Target(
                    "streamlit",
                    "streamlit",
                    streamlit_argv,
                    "[data-testid=stDataFrame] canvas",
                    "[data-testid=stDataFrame] .dvn-scroller",
                )
            )
        results = {t.name: Figures() for t in targets}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                for _ in range(args.rounds):
                    for target in targets:
                        try:
                            figures = results[target.name]
                            if args.scroll_only or args.arriving_only:
                                if target.name == "rillet@json":
                                    continue
                                if not args.arriving_only:
                                    scroll_and_sort(browser, target, Path(tmp), args.rows, figures)
                                if target.module == "rillet":
                                    scroll_while_arriving(
                                        browser,
                                        target,
                                        Path(tmp),
                                        args.rows,
                                        figures,
                                        click=args.after_click,
                                    )
                                continue
                            one_round(
                                browser,
                                target,
                                Path(tmp),
                                0 if target.name == "rillet@json" else args.rows,
                                results[target.name],
                                edits=target.module == "rillet" and target.name != "rillet@json",
                            )
                        except Exception as error:  # one target failing must not hide the others
                            results[target.name].errors.append(f"{type(error).__name__}: {error}")
            finally:
                browser.close()
    load = os.getloadavg()[0]
    print(f"data grid, {args.rounds} rounds, {args.rows:,} x 10 table; medians; load {load:.2f}\n")
    print(table(results))
    for name, figures in results.items():
        for error in dict.fromkeys(figures.errors):
            print(f"{name}: {error}")


if __name__ == "__main__":
    main()
