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

Pack (``--pack``, or ``--only-pack``): ``rillet pack`` (the default
webview) of two apps that both import pandas, one also using
streamlit-option-menu and streamlit-aggrid. Printed: both folders' sizes,
the components' own files in the pack (their package folders), and what
the components add beyond those files (target ≤ 5 MB: the real
``streamlit`` they depend on, and what only it needs, stay out).

usage: python bench/components.py [--rounds 5] [--rows 10000] [--no-streamlit] [--pack | --only-pack]
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


# The pack comparison: the same app with and without the two components; both import pandas.
PACK_BASE_APP = """import pandas as pd
import streamlit as st

choice = st.radio("Menu", ["Home", "Settings"], horizontal=True)
st.text(pd.DataFrame({"name": ["Grace"] * 30, "age": list(range(30))}).to_string())
"""
PACK_COMPONENT_APP = """import pandas as pd
import streamlit as st
from st_aggrid import AgGrid
from streamlit_option_menu import option_menu

choice = option_menu(None, ["Home", "Settings"], orientation="horizontal")
AgGrid(pd.DataFrame({"name": ["Grace"] * 30, "age": list(range(30))}), height=300)
"""
COMPONENT_PACKAGES = ("st_aggrid", "streamlit_option_menu")
EXTRA_TARGET_MB = 5.0


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _pack(source: str, work: Path, name: str) -> tuple[Path, float]:
    import subprocess
    import time

    script = work / name / "app.py"
    script.parent.mkdir(parents=True)
    script.write_text(source)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "rillet", "pack", str(script), "--dist", str(work / "dist"),
         "--build-dir", str(work / "build" / name)],
        cwd=work, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        sys.exit(f"rillet pack failed:\n{done.stdout}\n{done.stderr}")
    return work / "dist" / name, time.perf_counter() - started


def pack_figures() -> None:
    """Pack both apps; print what the components add beyond their own files."""
    import os

    for module in (*COMPONENT_PACKAGES, "pandas", "PyInstaller"):
        if importlib.util.find_spec(module) is None:
            sys.exit(f"{module} is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        base, base_s = _pack(PACK_BASE_APP, Path(tmp), "base")
        with_components, components_s = _pack(PACK_COMPONENT_APP, Path(tmp), "components")
        inside, inside_base = with_components / "_internal", base / "_internal"
        own_paths = [inside / name for name in COMPONENT_PACKAGES]
        own_paths += [
            p for p in inside.glob("*.dist-info") if "aggrid" in p.name or "option_menu" in p.name
        ]
        own = sum(_size(p) for p in own_paths)
        total, total_base = _size(with_components), _size(base)
        extra = total - total_base - own
        # Where the rest differs, top-level entry by entry.
        names = {p.name for p in inside.iterdir()} | {p.name for p in inside_base.iterdir()}
        changes = sorted(
            ((_size(inside / n) if (inside / n).exists() else 0)
             - (_size(inside_base / n) if (inside_base / n).exists() else 0), n)
            for n in names if inside / n not in own_paths
        )  # fmt: skip
    load = os.getloadavg()[0]
    mb = 1e6
    print(f"rillet pack, pandas app with and without two components (load average {load:.1f})")
    print(f"{'pandas app, folder':<44} {total_base / mb:>8.1f} MB   built in {base_s:.0f} s")
    print(
        f"{'+ option-menu + aggrid, folder':<44} {total / mb:>8.1f} MB   built in {components_s:.0f} s"
    )
    print(f"{'the components own files (their packages)':<44} {own / mb:>8.1f} MB")
    print(
        f"{'added beyond their own files':<44} {extra / mb:>8.1f} MB   target ≤ {EXTRA_TARGET_MB:.0f} MB"
    )
    for delta, name in [c for c in changes if abs(c[0]) >= 100_000][-5:][::-1]:
        print(f"    {name:<40} {delta / mb:>+8.2f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--no-streamlit", action="store_true")
    parser.add_argument("--pack", action="store_true", help="also measure rillet pack")
    parser.add_argument("--only-pack", action="store_true", help="measure rillet pack only")
    args = parser.parse_args()
    if args.pack or args.only_pack:
        pack_figures()
        if args.only_pack:
            return
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
