"""Charts in a real browser: a 100,000-point line chart redrawn and left alone, the Vega chunk, every chart chunk's size.

One app, served by ``python -m rillet run`` and by ``streamlit run`` (the
same script, only the import differs), opened in Debian's headless Chromium.
``st.line_chart`` of 100,000 rows x 3 series (a cached DataFrame) sits under
two buttons: "Redraw" changes the data (a new seed), "Same" reruns without
changing it.

Figures (medians):

- redraw → chart painted: inside the page, from ``button.click()`` to the
  first animation frame where the page shows the new seed and the chart's
  pixels (its canvas, or its SVG marks) differ from before.
- bytes on the wire: WebSocket frames the server sent for that click
  (Playwright's frame events), and for an unchanged rerun.
- unchanged rerun, click round trip: "Same" → the mutation that shows the
  new run count (as ``bench/browser.py`` measures clicks).
- first chart: a fresh context (empty cache) opens the app with a
  10-point line chart; navigation start → the chart's canvas/SVG has marks,
  beside navigation start → the app's text: the difference is the Vega
  chunk's fetch, parse and first draw.
- chunk gzip: gzip -9 of every script the small chart made the page fetch
  beyond the same app without a chart, and of the initial JS.
- chart chunks loaded: in that fresh page, the first chart chunk's fetch
  start → the last chart chunk's last byte (Resource Timing).

Figures that a busy machine inflates less (CPU time, not wall time):

- redraw, page main-thread CPU: a Chrome trace of the redraws; the thread
  CPU time of every task on the page's main thread (decode, Vega, paint),
  per redraw.
- script + encode CPU (rillet only): one rerun through a real ``Session``
  (``Session._execute`` on this thread) and the ``FrameEncoder`` that
  writes its WebSocket frames, in thread CPU time: an unchanged rerun, and a
  rerun that draws new data.

The load average (``/proc/loadavg``) is printed before and after.

Then the library charts' rows (``bench/charts_libs.py``) unless ``--no-libs``.

usage: python bench/charts.py [--rounds 3] [--redraws 5] [--clicks 20] [--no-streamlit] [--no-libs]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from browser import CHROMIUM, CHROMIUM_ARGS, Wire, free_port, initial_js_gzip
from charts_libs import fetched, serve, stop
from playwright.sync_api import TimeoutError as PlaywrightTimeout

APP = """import {module} as st
import numpy as np
import pandas as pd

@st.cache_data
def series(seed, rows):
    rng = np.random.default_rng(seed)
    return pd.DataFrame(rng.normal(size=(rows, 3)).cumsum(axis=0), columns=["a", "b", "c"])

st.session_state.runs = st.session_state.get("runs", 0) + 1
st.session_state.seed = st.session_state.get("seed", 0)
if st.button("Redraw"):
    st.session_state.seed += 1
st.button("Same")
chart = st.query_params.get("chart", "big")
if chart == "big":
    st.line_chart(series(st.session_state.seed, 100_000))
elif chart == "small":
    st.line_chart(series(0, 10))
st.write(f"runs={{st.session_state.runs}} seed={{st.session_state.seed}}")
st.write("chart app ready")
"""

# A cheap fingerprint of what the chart shows: sampled canvas pixels, or SVG marks.
SIGNATURE_JS = """() => {
  const canvas = document.querySelector('main canvas, .main canvas, canvas');
  if (canvas) {
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0) return 'empty';
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let hash = 0, inked = 0;
    for (let i = 0; i < data.length; i += 4 * 13) {
      hash = (hash * 31 + data[i] + data[i + 1] * 7 + data[i + 3] * 13) | 0;
      if (data[i + 3] > 0) inked++;
    }
    return inked > 50 ? String(hash) : 'empty';
  }
  const marks = document.querySelector('svg .mark-line, svg .mark-group path');
  return marks ? String(document.querySelector('svg').innerHTML.length) : 'empty';
}"""

# Click a button, then wait for `text` in the page and (optionally) new chart pixels.
CLICK_JS = (
    """async ([label, text, waitChart]) => {
  const signature = """
    + SIGNATURE_JS
    + """;
  const button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === label);
  if (!button) return null;
  const before = signature();
  const t = performance.now();
  button.click();
  return await new Promise(resolve => {
    const tick = () => {
      if (performance.now() - t > 60000) return resolve(null);
      if (document.body.innerText.includes(text)) {
        if (!waitChart) return resolve(performance.now() - t);
        const now = signature();
        if (now !== 'empty' && now !== before) return resolve(performance.now() - t);
      }
      requestAnimationFrame(tick);
    };
    if (!waitChart) {
      const observer = new MutationObserver(() => {
        if (document.body.innerText.includes(text)) {
          observer.disconnect();
          resolve(performance.now() - t);
        }
      });
      observer.observe(document.body, {subtree: true, childList: true, characterData: true});
    } else {
      requestAnimationFrame(tick);
    }
  });
}"""
)

FIRST_CHART_JS = (
    """async () => {
  const signature = """
    + SIGNATURE_JS
    + """;
  let textAt = null;
  return await new Promise(resolve => {
    const tick = () => {
      if (textAt === null && document.body && document.body.innerText.includes('chart app ready')) {
        textAt = performance.now();
      }
      if (signature() !== 'empty') {
        const scripts = performance.getEntriesByType('resource')
          .filter(e => e.initiatorType === 'script' || e.initiatorType === 'link' || e.initiatorType === 'other')
          .map(e => [e.name, e.startTime, e.responseEnd]);
        return resolve({text: textAt, chart: performance.now(), scripts});
      }
      if (performance.now() > 60000) return resolve(null);
      requestAnimationFrame(tick);
    };
    tick();
  });
}"""
)


def big_chart(
    page: Any, wire: Wire, base: str, redraws: int, clicks: int, out: dict[str, Any]
) -> None:
    """Open the 100,000-point chart, redraw it, and rerun without changing it."""
    page.goto(base)
    page.get_by_text("seed=0").first.wait_for(timeout=120_000)
    page.wait_for_function(f"() => ({SIGNATURE_JS})() !== 'empty'", timeout=120_000)
    runs = int(page.evaluate("() => /runs=(\\d+)/.exec(document.body.innerText)[1]"))
    for seed in range(1, redraws + 1):
        runs += 1
        wire.reset()
        ms = page.evaluate(CLICK_JS, ["Redraw", f"seed={seed}", True])
        page.wait_for_timeout(300)  # frames still arriving after the paint
        if ms is None:
            out["errors"].append("a redraw never painted within 60 s")
            break
        out["redraw_ms"].append(ms)
        out["redraw_bytes"].append(wire.bytes)
    for _ in range(clicks):
        runs += 1
        wire.reset()
        ms = page.evaluate(CLICK_JS, ["Same", f"runs={runs} ", False])
        page.wait_for_timeout(100)
        if ms is None:
            out["errors"].append("an unchanged rerun never finished")
            break
        out["same_ms"].append(ms)
        out["same_bytes"].append(wire.bytes)


def redraw_cpu_ms(browser: Any, page: Any, redraws: int) -> float:
    """Thread CPU time of the page's main thread per redraw, from a Chrome trace."""
    seed = int(page.evaluate("() => /seed=(\\d+)/.exec(document.body.innerText)[1]"))
    browser.start_tracing(
        page=page,
        categories=["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8"],
    )
    done = 0
    for _ in range(max(1, redraws)):
        seed += 1
        if page.evaluate(CLICK_JS, ["Redraw", f"seed={seed}", True]) is None:
            break
        page.wait_for_timeout(300)
        done += 1
    events = json.loads(browser.stop_tracing())["traceEvents"]
    main = {
        (e["pid"], e["tid"])
        for e in events
        if e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"
    }
    cpu = 0.0
    for key in main:
        tasks = sorted(
            (e for e in events if (e["pid"], e["tid"]) == key and e.get("ph") == "X"),
            key=lambda e: e["ts"],
        )
        end = -1
        for task in tasks:  # top-level tasks only: nested events are inside them
            if task["ts"] >= end and "tdur" in task:
                cpu += task["tdur"] / 1000
                end = task["ts"] + task.get("dur", 0)
    return cpu / max(done, 1)


def script_cpu_ms(repeat: int = 15) -> dict[str, float]:
    """rillet's script thread and frame encoder, in thread CPU time: unchanged and redraw reruns."""
    from core import encoded_session

    from rillet.runtime.interrupts import RerunData

    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "app.py"
        script.write_text(APP.format(module="rillet"))
        sent: list[int] = []
        session = encoded_session(script, sent)

        def rerun(new_data: bool) -> tuple[float, int]:
            sent.clear()
            if new_data:
                session.state["seed"] = session.state["seed"] + 1
            start = time.thread_time()
            session._execute(RerunData(widget_states=session.state.current_states()))
            return (time.thread_time() - start) * 1000, sum(sent)

        try:
            rerun(False)
            rerun(False)
            same = [rerun(False) for _ in range(repeat)]
            redraw = [rerun(True) for _ in range(repeat)]
        finally:
            session.close()
    return {
        "same_ms": statistics.median(ms for ms, _ in same),
        "same_bytes": statistics.median(b for _, b in same),
        "redraw_ms": statistics.median(ms for ms, _ in redraw),
        "redraw_bytes": statistics.median(b for _, b in redraw),
    }


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def measure(
    browser: Any, name: str, module: str, tmp: Path, rounds: int, redraws: int, clicks: int
) -> dict[str, Any]:
    app = tmp / f"{name}_line.py"
    app.write_text(APP.format(module=module))
    port = free_port()
    if name == "rillet":
        argv = [sys.executable, "-m", "rillet", "run", str(app), "--server.headless", "true"]
    else:
        argv = [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true"]
        argv += ["--browser.gatherUsageStats", "false"]
    argv += ["--server.port", str(port)]
    proc = serve(argv, tmp, port)
    base = f"http://127.0.0.1:{port}/"
    out: dict[str, Any] = {
        "redraw_ms": [],
        "redraw_bytes": [],
        "same_ms": [],
        "same_bytes": [],
        "text_ms": [],
        "chart_ms": [],
        "chunk_ms": [],
        "redraw_cpu_ms": [],
        "errors": [],
    }
    scripts: list[list[Any]] = []
    try:
        for _ in range(rounds):
            context = browser.new_context()
            page = context.new_page()
            wire = Wire(page)
            try:
                big_chart(page, wire, base, redraws, clicks, out)
                out["redraw_cpu_ms"].append(redraw_cpu_ms(browser, page, redraws))
            except PlaywrightTimeout as exc:
                out["errors"].append(f"100,000-point chart: {str(exc).splitlines()[0]}")
            context.close()
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + "?chart=small")
            first = page.evaluate(FIRST_CHART_JS)
            if first is not None and first["text"] is not None:
                out["text_ms"].append(first["text"])
                out["chart_ms"].append(first["chart"])
                scripts.append(first["scripts"])
            context.close()
        baseline = fetched(browser, base + "?chart=none")
        extra = fetched(browser, base + "?chart=small")
        out["chunks"] = {url: size for url, size in extra.items() if url not in baseline}
        out["initial_js"] = initial_js_gzip(base)
        for entries in scripts:  # the chart chunks' fetch start → last byte
            mine = [e for e in entries if e[0] in out["chunks"]]
            if mine:
                out["chunk_ms"].append(max(e[2] for e in mine) - min(e[1] for e in mine))
    finally:
        stop(proc)
    return out


def _median(values: list[float], unit: str) -> str:
    if not values:
        return "-"
    value = statistics.median(values)
    if unit == "bytes":
        return f"{value / 1024:,.1f} KB" if value < 1024 * 1024 else f"{value / 1024**2:,.2f} MB"
    return f"{value:,.1f} ms"


def table(results: dict[str, dict[str, Any]]) -> str:
    names = list(results)
    rows = [
        ("line chart 100,000 x 3: redraw click → chart painted", "redraw_ms", "ms", "≤ 0.5 s"),
        ("  bytes on the wire for that click", "redraw_bytes", "bytes", ""),
        ("unchanged rerun: click round trip", "same_ms", "ms", "≤ 15 ms"),
        ("  bytes on the wire for that click", "same_bytes", "bytes", "no chart bytes"),
        ("first chart: page open → app text", "text_ms", "ms", ""),
        ("first chart: page open → 10-point chart painted", "chart_ms", "ms", ""),
        ("first chart: chart chunks loaded (first fetch → last byte)", "chunk_ms", "ms", ""),
        ("redraw: page main-thread CPU per redraw (trace)", "redraw_cpu_ms", "ms", ""),
    ]
    lines = [
        "| figure | " + " | ".join(names) + " | target |",
        "|---|" + "---|" * len(names) + "---|",
    ]
    for label, key, unit, goal in rows:
        cells = [_median(results[n][key], unit) for n in names]
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {goal} |")
    cells = [f"{results[n]['initial_js'] / 1024:,.1f} KB" for n in names]
    lines.append("| initial JS, gzip | " + " | ".join(cells) + " | ≤ 150 KB |")
    for name in names:
        chunks = results[name]["chunks"]
        total = sum(chunks.values())
        listed = ", ".join(
            f"{url.rsplit('/', 1)[-1]} {size / 1024:,.1f} KB"
            for url, size in sorted(chunks.items(), key=lambda item: -item[1])
        )
        lines.append(
            f"\n{name}: chunks a Vega-Lite chart fetches, gzip: {total / 1024:,.1f} KB ({listed})"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--redraws", type=int, default=5, help="redraw clicks per round")
    parser.add_argument("--clicks", type=int, default=20, help="unchanged reruns per round")
    parser.add_argument("--no-streamlit", action="store_true", help="rillet only")
    parser.add_argument("--no-libs", action="store_true", help="leave out bench/charts_libs.py")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    targets = [("rillet", "rillet")]
    if not args.no_streamlit and importlib.util.find_spec("streamlit") is not None:
        targets.append(("streamlit", "streamlit"))
    results: dict[str, dict[str, Any]] = {}
    load_before = load_average()
    script = script_cpu_ms()
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, module in targets:
                print(f"measuring {name}...", file=sys.stderr)
                results[name] = measure(
                    browser, name, module, Path(folder), args.rounds, args.redraws, args.clicks
                )
        finally:
            browser.close()
    print(f"{args.rounds} rounds, {args.redraws} redraws and {args.clicks} unchanged reruns each")
    print(f"load average: {load_before} before, {load_average()} after\n")
    print(table(results))
    print(
        "\nrillet script + encode, thread CPU: unchanged rerun "
        f"{script['same_ms']:.1f} ms ({script['same_bytes']:,.0f} B sent), "
        f"redraw {script['redraw_ms']:.1f} ms ({script['redraw_bytes'] / 1024**2:,.2f} MB sent)"
    )
    for name, figures in results.items():
        for error in figures["errors"]:
            print(f"{name}: {error}")
    if not args.no_libs:
        import charts_libs

        print()
        print(charts_libs.run(args.rounds, not args.no_streamlit))


if __name__ == "__main__":
    main()
