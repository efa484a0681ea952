"""What a user feels in a real browser: start-up, page open, click round trip, JS size.

Drives Debian's headless Chromium (Playwright, ``/usr/bin/chromium``) against
a counter app served by ``python -m rillet run``, and by ``streamlit run``
when Streamlit is installed (the same script, only the import differs).
Rounds alternate between the two so that machine drift hits both alike.

Figures (medians over the rounds):

- server start → content: with a blank page already open (the user's
  browser is running), the command is spawned; as soon as ``/`` answers the
  page navigates to it; the figure ends when the counter text is in the page.
  "server start → HTTP 200" is the first part of it.
- page open → content: a fresh browser context (empty cache) opens the
  running app; measured inside the page, from navigation start
  (``performance.now()`` is 0 there) to the first DOM mutation that puts the
  counter text in the page (a MutationObserver installed before any script).
- click round trip: measured inside the page, from ``button.click()`` to the
  mutation that shows the new count; median and p90 over ``--clicks`` clicks.
  A click that finds no button is counted as "button missing".
- initial JS: the gzip -9 size of every script ``index.html`` loads by itself
  (``<script src>`` and ``<link rel=modulepreload>``), not chunks loaded later.
- fonts preloaded: the bytes of the woff2 faces ``index.html`` preloads
  (regular, bold, mono), as served.

The load average (1 minute) is printed before and after: on a busy machine
the times are inflated; compare runs taken at the same load.

usage: python bench/browser.py [--rounds 3] [--clicks 50] [--opens 5] [--no-streamlit]
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import importlib.util
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]

APP = """import {module} as st
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Increment"):
    st.session_state.n += 1
st.write(f"count={{st.session_state.n}}")
"""

# Installed before the page's own scripts: when does "count=0" first appear?
CONTENT_OBSERVER = """
window.__contentAt = null;
const __watch = () => {
  const check = () => {
    if (window.__contentAt === null && document.body && document.body.innerText.includes('count=0')) {
      window.__contentAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, {subtree: true, childList: true, characterData: true});
};
__watch();
"""

# One click, timed in the page: dispatch -> the new count in the DOM.
CLICK_JS = """async (want) => {
  const find = () => [...document.querySelectorAll('button')]
    .find(b => b.textContent.trim() === 'Increment');
  let button = find();
  let missing = false;
  const waitStart = performance.now();
  while (!button) {
    missing = true;
    if (performance.now() - waitStart > 2000) return {ms: null, missing};
    await new Promise(r => setTimeout(r, 1));
    button = find();
  }
  const text = 'count=' + want;
  const t = performance.now();
  const done = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (document.body.innerText.includes(text)) { observer.disconnect(); resolve(); }
    });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  });
  button.click();
  await done;
  return {ms: performance.now() - t, missing};
}"""


@dataclass(frozen=True)
class Target:
    name: str
    module: str
    argv: list[str]  # with {app} and {port}


@dataclass
class Figures:
    http_ms: list[float] = field(default_factory=list)
    start_ms: list[float] = field(default_factory=list)
    open_ms: list[float] = field(default_factory=list)
    clicks_ms: list[float] = field(default_factory=list)
    missing: int = 0
    js_gzip: int | None = None
    fonts: int | None = None
    errors: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def answers(port: int) -> bool:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        conn.request("GET", "/")
        response = conn.getresponse()
        response.read()
        return response.status == 200
    except OSError:
        return False
    finally:
        conn.close()


class Wire:
    """Frames and bytes a page received from its server's WebSocket since the last ``reset()``.

    rillet's client counts them itself (``window.__rilletReceived``): its
    socket lives in a worker, which a CDP session on the page does not see.
    A page without that counter (Streamlit, rillet before it) is counted
    through Playwright's ``page.on("websocket")``. Read between page actions, not in a callback.
    """

    def __init__(self, page: Any) -> None:
        self.page = page
        self._seen = (0, 0)  # through Playwright
        self._start = (0, 0)
        page.on("websocket", lambda socket: socket.on("framereceived", self._count))

    def _count(self, payload: Any) -> None:
        size = len(payload if isinstance(payload, (bytes, str)) else b"")
        self._seen = (self._seen[0] + 1, self._seen[1] + size)

    def _now(self) -> tuple[int, int]:
        got = self.page.evaluate("() => window.__rilletReceived?.() ?? null")
        return (int(got["frames"]), int(got["bytes"])) if got else self._seen

    def reset(self) -> None:
        self._start = self._now()

    @property
    def frames(self) -> int:
        return self._now()[0] - self._start[0]

    @property
    def bytes(self) -> int:
        return self._now()[1] - self._start[1]


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.fonts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.urls.append(str(a["src"]))
        elif tag == "link" and a.get("rel") == "modulepreload" and a.get("href"):
            self.urls.append(str(a["href"]))
        elif (
            tag == "link" and a.get("rel") == "preload" and a.get("as") == "font" and a.get("href")
        ):
            self.fonts.append(str(a["href"]))


def initial_js_gzip(base: str) -> int:
    """The gzip -9 bytes of the scripts index.html loads directly."""
    with urllib.request.urlopen(base, timeout=10) as response:
        parser = _Scripts()
        parser.feed(response.read().decode("utf-8", "replace"))
    total = 0
    for url in dict.fromkeys(parser.urls):
        with urllib.request.urlopen(urljoin(base, url), timeout=10) as response:
            total += len(gzip.compress(response.read(), compresslevel=9))
    return total


def preloaded_fonts(base: str) -> int:
    """The bytes of the woff2 fonts index.html preloads (already compressed: no gzip)."""
    with urllib.request.urlopen(base, timeout=10) as response:
        parser = _Scripts()
        parser.feed(response.read().decode("utf-8", "replace"))
    total = 0
    for url in dict.fromkeys(parser.fonts):
        with urllib.request.urlopen(urljoin(base, url), timeout=10) as response:
            total += len(response.read())
    return total


def one_round(
    browser: Any, target: Target, tmp: Path, clicks: int, opens: int, out: Figures
) -> None:
    app = tmp / f"{target.name}_counter.py"
    app.write_text(APP.format(module=target.module))
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    argv = [part.format(app=app, port=port) for part in target.argv]
    first = browser.new_page()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        argv, cwd=tmp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        while not answers(port):
            if proc.poll() is not None or time.perf_counter() - t0 > 60:
                out.errors.append(f"server did not answer (exit code {proc.poll()})")
                return
            time.sleep(0.002)
        out.http_ms.append((time.perf_counter() - t0) * 1000)
        first.goto(url)
        first.get_by_text("count=0").wait_for(timeout=30_000)
        out.start_ms.append((time.perf_counter() - t0) * 1000)
        first.close()

        for _ in range(opens):
            context = browser.new_context()
            context.add_init_script(CONTENT_OBSERVER)
            page = context.new_page()
            page.goto(url)
            page.wait_for_function("() => window.__contentAt !== null", timeout=30_000)
            out.open_ms.append(page.evaluate("() => window.__contentAt"))
            context.close()

        page = browser.new_page()
        page.goto(url)
        page.get_by_text("count=0").wait_for(timeout=30_000)
        for i in range(1, clicks + 1):
            result = page.evaluate(CLICK_JS, i)
            out.missing += bool(result["missing"])
            if result["ms"] is None:
                out.errors.append(f"click {i}: no button for 2 s")
                break
            out.clicks_ms.append(result["ms"])
        page.close()
        if out.js_gzip is None:
            out.js_gzip = initial_js_gzip(url)
            out.fonts = preloaded_fonts(url)
    finally:
        if not first.is_closed():
            first.close()
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.9 * (len(ordered) - 1))]


def table(results: dict[str, Figures]) -> str:
    def ms(values: list[float], pick: Any = statistics.median) -> str:
        return f"{pick(values):.1f} ms" if values else "-"

    rows: list[tuple[str, list[str], str]] = [
        ("server start → HTTP 200", [ms(f.http_ms) for f in results.values()], ""),
        ("server start → content", [ms(f.start_ms) for f in results.values()], "≤ 800 ms"),
        ("page open → content", [ms(f.open_ms) for f in results.values()], "≤ 300 ms"),
        ("click round trip, median", [ms(f.clicks_ms) for f in results.values()], "≤ 15 ms"),
        ("click round trip, p90", [ms(f.clicks_ms, p90) for f in results.values()], ""),
        ("clicks that found no button", [str(f.missing) for f in results.values()], "0"),
        (
            "initial JS, gzip",
            [f"{f.js_gzip / 1024:.1f} KB" if f.js_gzip else "-" for f in results.values()],
            "≤ 150 KB",
        ),
        (
            "fonts preloaded, woff2",
            [f"{f.fonts / 1024:.1f} KB" if f.fonts else "-" for f in results.values()],
            "≤ 100 KB",
        ),
    ]
    names = list(results)
    widths = [max(len(r[0]) for r in rows), *[max(12, len(n)) for n in names], 8]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(["figure", *names, "target"], widths, strict=True))
    ]
    lines.append("  ".join("-" * w for w in widths))
    for label, cells, goal in rows:
        lines.append(
            "  ".join(c.ljust(w) for c, w in zip([label, *cells, goal], widths, strict=True))
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clicks", type=int, default=50)
    parser.add_argument("--opens", type=int, default=5, help="page opens per round")
    parser.add_argument("--no-streamlit", action="store_true", help="rillet only")
    args = parser.parse_args()
    before = os.getloadavg()
    from playwright.sync_api import sync_playwright

    python = sys.executable
    targets = [
        Target(
            "rillet",
            "rillet",
            [python, "-m", "rillet", "run", "{app}", "--server.port", "{port}",
             "--server.headless", "true"],
        ),
    ]  # fmt: skip
    if not args.no_streamlit and importlib.util.find_spec("streamlit") is not None:
        targets.append(
            Target(
                "streamlit",
                "streamlit",
                [python, "-m", "streamlit", "run", "{app}", "--server.port", "{port}",
                 "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            )
        )  # fmt: skip
    results = {t.name: Figures() for t in targets}
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(args.rounds):
                for target in targets:
                    one_round(
                        browser, target, Path(tmp), args.clicks, args.opens, results[target.name]
                    )
        finally:
            browser.close()
    print(
        f"counter app, {args.rounds} rounds, {args.opens} page opens and "
        f"{args.clicks} clicks per round; medians; load average "
        f"{before[0]:.2f} before, {os.getloadavg()[0]:.2f} after\n"
    )
    print(table(results))
    for name, figures in results.items():
        for error in figures.errors:
            print(f"{name}: {error}")


if __name__ == "__main__":
    main()
