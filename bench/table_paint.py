"""Click → a table's first rows painted, with nothing listening to the WebSocket.

``bench/grid.py`` counts the bytes of every WebSocket frame, for Streamlit
(and rillet before its socket moved to a worker) through Playwright; that
makes Chromium copy and base64 each frame for DevTools on the page's main
thread, which holds up a page that draws a table while the rest of it is
still arriving. This bench measures the same click → first
rows (the grid's first cell in the DOM, then two animation frames) without
that listener, for the 1,000,000 x 10 table and the 20-row one, rillet
beside Streamlit (when installed), rounds interleaved. The load average is
printed at the start and the end.

``--json-baseline COMMIT`` adds rillet as it was at COMMIT (``git archive``
of ``rillet`` and ``server`` with its built client, nothing in the working
tree is touched) for the 20-row table only: ``6a28d00~1`` is the last commit
whose tables went as one JSON document of rows drawn as a plain HTML table,
the figure issue 10 asks the 20-row table not to be slower than.
``--baseline COMMIT`` adds rillet at COMMIT the same way, for both tables
(before/after in one run). ``--rows 0`` leaves the large table out.

``--trace`` records each click under a Chromium trace and adds, per table
and target, the page's main-thread CPU from the click to the rows (the
*thread* time of its tasks between the two user-timing marks SHOW_JS sets:
a busy machine stretches wall time, not this) and the longest of those
tasks (the one that handles the table's message, or the frame that paints
it). The trace itself slows the page, so these clicks are not in the wall
figures above them.

usage: python bench/table_paint.py [--rounds 3] [--rows 1000000] [--no-streamlit] [--json-baseline 6a28d00~1] [--baseline HEAD] [--trace]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
from browser import CHROMIUM, CHROMIUM_ARGS
from grid import SHOW_APP, SHOW_JS, Served, Target, checkout, renderer_main, top_tasks, traced


def click_to_rows(browser: Any, target: Target, url: str, trace: bool = False) -> Any:
    """Click → first rows (ms); with ``trace``, (main-thread CPU ms, longest task ms) instead."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(url)
        page.get_by_text("ready").first.wait_for(timeout=180_000)
        page.wait_for_timeout(300)
        if trace:
            ms, events = traced(page, SHOW_JS, target.cell)
        else:
            ms = page.evaluate(SHOW_JS, target.cell)
        if ms is None:
            raise RuntimeError("no Show button")
        if ms < 0:
            raise RuntimeError("the table did not appear within 120 s")
        return main_thread_cpu(events) if trace else float(ms)
    finally:
        page.close()


def main_thread_cpu(events: list[dict[str, Any]]) -> tuple[float, float]:
    """(thread ms of the renderer main thread's tasks between the click and rows marks, longest)."""
    ours = renderer_main(events)
    marks = {e["name"]: e["ts"] for e in ours if e.get("name") in ("bench-click", "bench-rows")}
    if len(marks) != 2:
        raise RuntimeError(f"the trace holds marks {sorted(marks)}, not the click's and the rows'")
    start, end = marks["bench-click"], marks["bench-rows"]
    # The click's own task began before its mark: count every task that ends after it.
    inside = [tdur for ts, tdur in top_tasks(ours) if ts + tdur >= start and ts <= end]
    return sum(inside) / 1000, max(inside, default=0) / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--no-streamlit", action="store_true")
    parser.add_argument("--json-baseline", metavar="COMMIT", help="also rillet at COMMIT (20 rows)")
    parser.add_argument("--baseline", metavar="COMMIT", help="also rillet at COMMIT (both tables)")
    parser.add_argument("--trace", action="store_true", help="also main-thread CPU per click")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    python = sys.executable
    targets = [
        Target("rillet", "rillet", [python, "-m", "rillet", "run", "{app}", "--server.port",
               "{port}", "--server.headless", "true"], ".rl-dg-cell", ".rl-dg-scroll"),
    ]  # fmt: skip
    if not args.no_streamlit and importlib.util.find_spec("streamlit") is not None:
        targets.append(
            Target("streamlit", "streamlit", [python, "-m", "streamlit", "run", "{app}",
                   "--server.port", "{port}", "--server.headless", "true",
                   "--browser.gatherUsageStats", "false"],
                   "[data-testid=stDataFrame] canvas", "")
        )  # fmt: skip
    sizes = {f"{args.rows:,} x 10": args.rows, "20 x 10": 20} if args.rows > 0 else {"20 x 10": 20}
    results: dict[tuple[str, str], list[float]] = {}
    traces: dict[tuple[str, str], list[tuple[float, float]]] = {}
    errors: list[str] = []
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        if args.baseline:
            before = checkout(args.baseline, Path(tmp) / "before")
            targets.append(
                Target(f"rillet@{args.baseline}", "rillet", targets[0].argv, ".rl-dg-cell",
                       ".rl-dg-scroll",
                       env={"PYTHONPATH": os.pathsep.join([str(before), str(before / "server")])})
            )  # fmt: skip
        if args.json_baseline:
            old = checkout(args.json_baseline, Path(tmp) / "baseline")
            targets.append(
                Target("rillet@json", "rillet", targets[0].argv, ".rl-dataframe td", ".rl-dataframe",
                       env={"PYTHONPATH": os.pathsep.join([str(old), str(old / "server")])})
            )  # fmt: skip
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        served: dict[tuple[str, str], Served] = {}
        try:
            for label, rows in sizes.items():
                for target in targets:
                    if target.name == "rillet@json" and rows != 20:
                        continue  # its JSON encoding of a large table takes a minute
                    app = Path(tmp) / f"{target.name}_{rows}.py"
                    app.write_text(SHOW_APP.format(module=target.module, rows=rows))
                    server = Served(target, app)
                    served[(label, target.name)] = server
                    warm = browser.new_page()  # fills st.cache_data
                    warm.goto(server.url)
                    warm.get_by_text("ready").first.wait_for(timeout=180_000)
                    warm.close()
            for _ in range(args.rounds):
                for (label, name), server in served.items():
                    target = next(t for t in targets if t.name == name)
                    try:
                        ms = click_to_rows(browser, target, server.url)
                    except Exception as error:  # one failing must not hide the others
                        errors.append(f"{name}, {label}: {type(error).__name__}: {error}")
                        continue
                    results.setdefault((label, name), []).append(ms)
                    if args.trace and name != "streamlit":
                        try:
                            cpu, longest = click_to_rows(browser, target, server.url, trace=True)
                        except Exception as error:
                            errors.append(
                                f"{name}, {label}, traced: {type(error).__name__}: {error}"
                            )
                            continue
                        traces.setdefault((label, name), []).append((cpu, longest))
        finally:
            for server in served.values():
                server.stop()
            browser.close()
    print(f"load average at end: {os.getloadavg()[0]:.2f}\n")
    print(
        f"{'click → first rows, median (min-max)':<40}" + "".join(f"{t.name:>26}" for t in targets)
    )
    for label in sizes:
        cells = []
        for target in targets:
            values = results.get((label, target.name), [])
            cells.append(
                f"{statistics.median(values):,.0f} ms ({min(values):,.0f}-{max(values):,.0f})"
                if values
                else "-"
            )
        print(f"{label:<40}" + "".join(f"{c:>26}" for c in cells))
    if traces:
        print(f"\n{'traced, medians':<40}" + "".join(f"{t.name:>26}" for t in targets))
        for label in sizes:
            for what, pick in (("main-thread CPU", 0), ("longest task", 1)):
                cells = []
                for target in targets:
                    values = [trace[pick] for trace in traces.get((label, target.name), [])]
                    cells.append(f"{statistics.median(values):.2f} ms" if values else "-")
                print(f"{label + ': ' + what:<40}" + "".join(f"{c:>26}" for c in cells))
    for error in dict.fromkeys(errors):
        print(error)


if __name__ == "__main__":
    main()
