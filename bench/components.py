"""A custom component in a real browser: streamlit-aggrid with 10,000 rows.

Drives Debian's headless Chromium (Playwright) against the same app served
by ``python -m rillet run`` (the package's ``import streamlit`` goes through
rillet's alias) and, when it is installed, ``streamlit run``.

Figure (median over ``--rounds``; each round starts the server and opens a
fresh page): a click on a button that reruns the script and shows
``AgGrid(10,000 x 10 frame)`` → the grid's first cell is in the
component's iframe, plus one animation frame. That is the whole path a
component's first render takes: the rerun, the dataframe argument encoded
as Arrow, the message to the page, the iframe loading the component's
bundle (≈ 3 MB of JS), the render message, and AG Grid drawing its rows.
The table is built once, under ``st.cache_data``, before the timing.

Also printed: the bytes of the component's files as served (gzip when the
server compresses them), read from the browser's resource timings.

usage: python bench/components.py [--rounds 5] [--rows 10000] [--no-streamlit]
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from browser import CHROMIUM, CHROMIUM_ARGS
from grid import Served, Target

APP = """import numpy as np
import pandas as pd
import {module} as st
from st_aggrid import AgGrid

@st.cache_data
def frame(n):
    rng = np.random.default_rng(0)
    columns = {{f"n{{i}}": rng.standard_normal(n) for i in range(8)}}
    columns["s"] = [f"row {{i}}" for i in range(n)]
    columns["k"] = rng.integers(0, 1000, n)
    return pd.DataFrame(columns)

data = frame({rows})
if st.button("Show"):
    AgGrid(data, height=400, key="grid")
st.write("ready")
"""

# Click "Show", then watch every iframe (same-origin in both servers' browser
# mode) for AG Grid's first cell; resolve one animation frame later.
SHOW_JS = """async () => {
  const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Show");
  if (!button) return null;
  const t0 = performance.now();
  button.click();
  return await new Promise((resolve) => {
    const tick = () => {
      for (const frame of document.querySelectorAll("iframe")) {
        try {
          if (frame.contentDocument && frame.contentDocument.querySelector(".ag-cell")) {
            requestAnimationFrame(() => resolve(performance.now() - t0));
            return;
          }
        } catch (error) {}
      }
      requestAnimationFrame(tick);
    };
    tick();
  });
}"""

BYTES_JS = """() => {
  let total = 0;
  for (const frame of document.querySelectorAll("iframe")) {
    for (const entry of frame.contentWindow.performance.getEntriesByType("resource")) {
      total += entry.transferSize || entry.encodedBodySize || 0;
    }
    for (const entry of frame.contentWindow.performance.getEntriesByType("navigation")) {
      total += entry.transferSize || entry.encodedBodySize || 0;
    }
  }
  return total;
}"""


def one_round(
    browser: Any, target: Target, app: Path, times: list[float], sizes: list[int]
) -> None:
    served = Served(target, app)
    try:
        warm = browser.new_page()  # fill st.cache_data before timing
        warm.goto(served.url)
        warm.get_by_text("ready").first.wait_for(timeout=180_000)
        warm.close()
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.goto(served.url)
        page.get_by_text("ready").first.wait_for(timeout=120_000)
        page.wait_for_timeout(300)
        ms = page.evaluate(SHOW_JS)
        if ms is None:
            raise RuntimeError("no Show button")
        times.append(ms)
        page.wait_for_timeout(300)
        sizes.append(page.evaluate(BYTES_JS))
        context.close()
    finally:
        served.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--no-streamlit", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    python = sys.executable
    targets = [
        Target(
            "rillet",
            "rillet",
            [
                python,
                "-m",
                "rillet",
                "run",
                "{app}",
                "--server.port",
                "{port}",
                "--server.headless",
                "true",
            ],
            ".ag-cell",
            "",
        )
    ]
    if not args.no_streamlit and importlib.util.find_spec("streamlit") is not None:
        targets.append(
            Target(
                "streamlit",
                "streamlit",
                [
                    python,
                    "-m",
                    "streamlit",
                    "run",
                    "{app}",
                    "--server.port",
                    "{port}",
                    "--server.headless",
                    "true",
                    "--browser.gatherUsageStats",
                    "false",
                ],
                ".ag-cell",
                "",
            )
        )
    results: dict[str, tuple[list[float], list[int]]] = {t.name: ([], []) for t in targets}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        apps = {}
        for target in targets:
            apps[target.name] = Path(tmp) / f"{target.name}_aggrid.py"
            apps[target.name].write_text(APP.format(module=target.module, rows=args.rows))
        for _ in range(args.rounds):  # alternate, so machine drift hits both alike
            for target in targets:
                times, sizes = results[target.name]
                one_round(browser, target, apps[target.name], times, sizes)
        browser.close()
    rows = f"{args.rows:,}"
    print(f"streamlit-aggrid, {rows} x 10: click → first grid cell (median of {args.rounds})")
    print(f"{'':<10} {'ms':>8} {'min':>8} {'max':>8} {'component KB':>14}")
    for name, (times, sizes) in results.items():
        print(
            f"{name:<10} {statistics.median(times):>8.0f} {min(times):>8.0f} "
            f"{max(times):>8.0f} {statistics.median(sizes) / 1024:>14.0f}"
        )


if __name__ == "__main__":
    main()
