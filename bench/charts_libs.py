"""Library charts in a real browser: what each one makes the page download, and how fast the first Plotly chart draws.

One app draws one library chart, picked by the query string
(``?chart=plotly``), served by ``python -m rillet run`` and by
``streamlit run`` (the same script, only the import differs). Debian's
headless Chromium opens it in a fresh context (empty cache) per figure.

Figures:

- chunk gzip: the gzip -9 bytes of every script and WebAssembly file the
  page fetched for that chart, beyond what the same app fetches with no
  chart (``?chart=none``): the cost of the chart's lazy chunks, measured
  the same way for both.
- first Plotly chart: from navigation start to the first Plotly point in
  the page (a MutationObserver installed before any script), median over
  ``--rounds`` fresh contexts; the Plotly chunk is loaded in that time.
- its chunks loaded: in those pages, the first fetch of a script the Plotly
  chart needs (beyond the app with no chart) → the last byte of the last
  one (Resource Timing).

usage: python bench/charts_libs.py [--rounds 3] [--no-streamlit]
``bench/charts.py`` prints these rows beside the built-in charts' figures.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import importlib.util
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from browser import CHROMIUM, CHROMIUM_ARGS, answers, free_port
from playwright.sync_api import TimeoutError as PlaywrightTimeout

APP = """import {module} as st
import pandas as pd
chart = st.query_params.get("chart", "none")
if chart == "plotly":
    import plotly.express as px
    st.plotly_chart(px.scatter(x=[1, 2, 3, 4], y=[4, 1, 3, 2]))
elif chart == "plotly_3d":
    st.plotly_chart({{"data": [{{"type": "scatter3d", "x": [1, 2], "y": [3, 4], "z": [5, 6]}}]}})
elif chart == "pyplot":
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots()
    ax.plot([1, 3, 2])
    st.pyplot(fig)
elif chart == "graphviz":
    st.graphviz_chart("digraph {{ a -> b -> c; a -> c }}")
elif chart == "mermaid":
    st.mermaid_chart("graph LR; A --> B --> C")
elif chart == "echarts":
    st.echarts_chart({{"xAxis": {{"type": "category", "data": ["a", "b"]}}, "yAxis": {{}},
                      "series": [{{"type": "bar", "data": [1, 2]}}]}})
elif chart == "map":
    st.map(pd.DataFrame({{"lat": [48.85, 48.86], "lon": [2.35, 2.36]}}))
st.write("chart app ready")
"""

# What shows that the chart drew, in either page (both draw with the same libraries).
DRAWN = {
    "plotly": ".main-svg",
    "plotly_3d": ".main-svg",
    "pyplot": "main img, [data-testid=stImage] img",
    "graphviz": "svg .node",
    "mermaid": "svg .node",
    "echarts": "canvas",
    "map": "canvas",
}
CHARTS = ["plotly", "plotly_3d", "pyplot", "graphviz", "mermaid", "echarts", "map"]
LABELS = {
    "plotly": "st.plotly_chart (scatter)",
    "plotly_3d": "st.plotly_chart (scatter3d)",
    "pyplot": "st.pyplot",
    "graphviz": "st.graphviz_chart",
    "mermaid": "st.mermaid_chart",
    "echarts": "st.echarts_chart",
    "map": "st.map (deck.gl)",
}

# Installed before the page's scripts: when does the first Plotly point appear?
FIRST_POINT = """
window.__pointAt = null;
new MutationObserver((_, observer) => {
  if (window.__pointAt === null && document.querySelector('.main-svg path.point')) {
    window.__pointAt = performance.now();
    observer.disconnect();
  }
}).observe(document, {subtree: true, childList: true});
"""


def _is_code(response: Any) -> bool:
    kind = response.request.resource_type
    url = response.url.split("?")[0]
    return kind == "script" or url.endswith((".js", ".mjs", ".wasm"))


def fetched(browser: Any, url: str, drawn: str | None = None) -> dict[str, int]:
    """The gzip -9 size of each script/wasm the page fetched while showing ``url``."""
    context = browser.new_context()
    page = context.new_page()
    urls: list[str] = []
    page.on(
        "response",
        lambda response: _is_code(response) and response.ok and urls.append(response.url),
    )
    page.goto(url)
    page.get_by_text("chart app ready").first.wait_for(timeout=60_000)
    if drawn is not None:
        page.locator(drawn).first.wait_for(state="attached", timeout=60_000)
    # Streamlit's map keeps asking for tiles it cannot get: never idle.
    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_load_state("networkidle", timeout=15_000)
    page.wait_for_timeout(1500)  # chunks that load after the first paint
    context.close()
    sizes = {}
    # Fetched again here (the page's copy is gone with it); a worker made from
    # a blob: URL is code the page already counted.
    for one in dict.fromkeys(u for u in urls if u.startswith(("http:", "https:"))):
        with urllib.request.urlopen(one, timeout=30) as response:
            sizes[one] = len(gzip.compress(response.read(), compresslevel=9))
    return sizes


def first_plotly_ms(browser: Any, url: str, chunks: set[str]) -> tuple[float, float | None]:
    """Navigation start → the first Plotly point; and the chart chunks' first fetch → last byte."""
    context = browser.new_context()
    context.add_init_script(FIRST_POINT)
    page = context.new_page()
    page.goto(url)
    page.wait_for_function("() => window.__pointAt !== null", timeout=60_000)
    value = float(page.evaluate("() => window.__pointAt"))
    entries = page.evaluate(
        "() => performance.getEntriesByType('resource').map(e => [e.name, e.startTime, e.responseEnd])"
    )
    context.close()
    mine = [e for e in entries if e[0] in chunks]
    span = max(e[2] for e in mine) - min(e[1] for e in mine) if mine else None
    return value, span


def serve(argv: list[str], cwd: Path, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    t0 = time.perf_counter()
    while not answers(port):
        if proc.poll() is not None or time.perf_counter() - t0 > 60:
            raise RuntimeError(f"{argv[0]} did not answer (exit code {proc.poll()})")
        time.sleep(0.01)
    return proc


def stop(proc: subprocess.Popen[bytes]) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _retrying(measure_once: Any, tries: int = 3) -> Any:
    """A measurement again when the client was rebuilt under it (a chunk URL then 404s)."""
    for attempt in range(tries):
        try:
            return measure_once()
        except urllib.error.HTTPError:
            if attempt == tries - 1:
                raise
            time.sleep(5)
    raise AssertionError("unreachable")


def measure(browser: Any, name: str, module: str, rounds: int, tmp: Path) -> dict[str, Any]:
    app = tmp / f"{name}_charts.py"
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
    try:
        baseline = set(_retrying(lambda: fetched(browser, base + "?chart=none")))
        sizes = {}
        plotly_chunks: set[str] = set()
        for chart in CHARTS:
            print(f"{name}: {chart}", file=sys.stderr)
            try:
                extra = _retrying(
                    lambda chart=chart: fetched(browser, f"{base}?chart={chart}", DRAWN[chart])
                )
            except PlaywrightTimeout:  # this side never drew it: say so, measure the rest
                print(f"{name}: {chart} was not drawn within 60 s", file=sys.stderr)
                sizes[chart] = None
                continue
            sizes[chart] = sum(size for url, size in extra.items() if url not in baseline)
            if chart == "plotly":
                plotly_chunks = {url for url in extra if url not in baseline}
        firsts = [
            first_plotly_ms(browser, base + "?chart=plotly", plotly_chunks) for _ in range(rounds)
        ]
    finally:
        stop(proc)
    spans = [span for _, span in firsts if span is not None]
    return {
        "sizes": sizes,
        "first_plotly_ms": statistics.median(ms for ms, _ in firsts),
        "plotly_chunk_ms": statistics.median(spans) if spans else None,
    }


def table(results: dict[str, dict[str, Any]]) -> str:
    names = list(results)
    head = "| figure | " + " | ".join(names) + " |"
    lines = [head, "|---|" + "---|" * len(names)]
    for chart in CHARTS:
        cells = [
            "not drawn"
            if results[n]["sizes"][chart] is None
            else f"{results[n]['sizes'][chart] / 1024:,.0f} KB"
            for n in names
        ]
        lines.append(f"| chunk gzip: {LABELS[chart]} | " + " | ".join(cells) + " |")
    cells = [f"{results[n]['first_plotly_ms']:,.0f} ms" for n in names]
    lines.append("| first Plotly chart: page open → drawn | " + " | ".join(cells) + " |")
    cells = [
        "-" if results[n]["plotly_chunk_ms"] is None else f"{results[n]['plotly_chunk_ms']:,.0f} ms"
        for n in names
    ]
    lines.append(
        "| first Plotly chart: its chunks loaded (first fetch → last byte) | "
        + " | ".join(cells)
        + " |"
    )
    return "\n".join(lines)


def run(rounds: int, with_streamlit: bool) -> str:
    """Measure and return the Markdown table (``bench/charts.py`` calls this)."""
    from playwright.sync_api import sync_playwright

    targets = [("rillet", "rillet")]
    if with_streamlit and importlib.util.find_spec("streamlit") is not None:
        targets.append(("streamlit", "streamlit"))
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, module in targets:
                results[name] = measure(browser, name, module, rounds, Path(folder))
        finally:
            browser.close()
    return table(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-streamlit", action="store_true")
    args = parser.parse_args()
    print(run(args.rounds, not args.no_streamlit))


if __name__ == "__main__":
    main()
