"""`rillet desktop`: cold start to content inside the real window, and a click's round trip.

Spawns ``python -m rillet desktop --webview gtk|qt app.py`` (a counter app)
and looks inside the window: Qt WebEngine over its DevTools port (the Chrome
DevTools Protocol), WebKitGTK through ``rillet_shell.probe`` (``evaluate_js``,
turned on by a key in the environment). Figures (medians over the rounds):

- window with a page: process start until the window holds its first page
  (the splash);
- content in the window: process start until the app's own text
  (``count=0``) is in the page: what a user waits for after a double-click;
- click round trip: a button click inside the window until the page shows
  the rerun's result, timed in the page (``performance.now()``);
- RSS: resident memory of the app's process group (Python and the
  webview's own processes) after the clicks;
- CPU until content: the CPU seconds the app's process group (Python and
  the webview's processes alive then) had used when the content showed:
  what the start costs, less swayed than the wall time by other programs
  on a busy machine;
- close to exit: ``window.close()`` until the process has exited.

``--breakdown`` also prints where the start's time goes: each step the
launch writes down (``RILLET_STARTUP_TRACE``, see
``rillet_shell/timeline.py``: shell imported, config read, pywebview
imported, server started, window shown, app page asked for, app page
loaded) as wall time since the process was spawned and the Python
process's CPU seconds so far, then the page's own navigation timing
(request sent, response, DOMContentLoaded) on the same clock.

State folders are private to the run, so no remembered window or running
instance interferes. Without a DISPLAY the benchmark starts its own Xvfb.
Streamlit has no desktop window, so there is no column to compare with.

usage: python bench/desktop.py [--rounds 5] [--clicks 20] [--webview gtk|qt|both] [--breakdown]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

APP = """
import rillet as st

if "count" not in st.session_state:
    st.session_state.count = 0
if st.button("Increment"):
    st.session_state.count += 1
st.write(f"count={st.session_state.count}")
"""

CLICK_JS = """async (i) => {
  const want = 'count=' + i;
  const button = [...document.querySelectorAll('button')]
    .find((b) => b.textContent.trim() === 'Increment');
  const done = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (document.body.innerText.includes(want)) { observer.disconnect(); resolve(); }
    });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
  });
  const t = performance.now();
  button.click();
  await done;
  return performance.now() - t;
}"""

TARGETS = {"content in the window": "≤ 0.8 s (issue 13)", "click round trip": "≤ 10 ms (issue 13)"}
NAVIGATION_JS = """JSON.stringify((() => {
  const n = performance.getEntriesByType('navigation')[0];
  return n ? [performance.timeOrigin, n.requestStart, n.responseEnd, n.domContentLoadedEventEnd]
           : null; })())"""


def free_port() -> int:
    """A free loopback port below the ephemeral range (the app's own port-0 bind can't take it)."""
    ephemeral = Path("/proc/sys/net/ipv4/ip_local_port_range")
    low = int(ephemeral.read_text().split()[0]) if ephemeral.exists() else 32768
    for _ in range(200):
        port = random.randrange(10000, max(low, 10001))
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free loopback port between 10000 and {low}")


class Page:
    """Runtime.evaluate on one DevTools page."""

    def __init__(self, ws_url: str) -> None:
        from websockets.sync.client import connect

        self._cm = connect(ws_url, max_size=None)
        self.ws = self._cm.__enter__()
        self.n = 0

    def eval(self, expression: str, await_promise: bool = False) -> Any:
        self.n += 1
        params = {"expression": expression, "returnByValue": True, "awaitPromise": await_promise}
        self.ws.send(json.dumps({"id": self.n, "method": "Runtime.evaluate", "params": params}))
        while True:
            message = json.loads(self.ws.recv(timeout=60))
            if message.get("id") == self.n:
                return message.get("result", {}).get("result", {}).get("value")

    def close(self) -> None:
        self._cm.__exit__(None, None, None)


def pages(debug_port: int) -> list[dict[str, Any]]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{debug_port}/json/list", timeout=1) as r:
            return [p for p in json.load(r) if p.get("type") == "page"]
    except OSError:
        return []


class ProbePage:
    """``evaluate_js`` in a WebKitGTK window, through ``rillet_shell.probe`` (no DevTools there)."""

    def __init__(self, port: int, key: str) -> None:
        self.port, self.key = port, key

    def eval(self, expression: str, await_promise: bool = False) -> Any:
        if await_promise:
            # Let the promise settle in the page, then read its value.
            self.eval(f"window.__bench = undefined; Promise.resolve({expression})"
                      ".then((v) => { window.__bench = v; }); true")  # fmt: skip
            while (value := self.eval("window.__bench")) is None:
                time.sleep(0.002)
            return value
        from rillet_shell.probe import evaluate

        return evaluate(self.port, self.key, expression)

    def close(self) -> None:
        pass


def window_env(webview: str, home: Path) -> tuple[dict[str, str], Any]:
    """The environment of a launch that can be looked into, and a function finding its app page."""
    env = dict(
        os.environ,
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu",
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        RILLET_WEBVIEW=webview,
    )
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    if webview == "qt":
        debug_port = free_port()
        env["QTWEBENGINE_REMOTE_DEBUGGING"] = f"127.0.0.1:{debug_port}"

        def find_qt(prefix: str) -> Page | None:
            found = [p for p in pages(debug_port) if p.get("url", "").startswith(prefix)]
            return Page(found[0]["webSocketDebuggerUrl"]) if found else None

        return env, find_qt
    key = secrets.token_urlsafe(16)
    port_file = home / "probe.port"
    env.update(RILLET_TEST_PROBE_KEY=key, RILLET_TEST_PROBE_FILE=str(port_file))

    def find_gtk(prefix: str) -> ProbePage | None:
        if not port_file.is_file() or not port_file.read_text():
            return None
        page = ProbePage(int(port_file.read_text()), key)
        try:
            url = page.eval("location.href") or ""
        except (OSError, RuntimeError):
            return None
        return page if url.startswith(prefix) else None

    return env, find_gtk


def rss_mb(pid: int) -> float:
    """Resident memory of the process group ``pid`` leads (the app and its web processes), MB."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
            if int(fields[2]) == pid:  # pgrp
                total += int(fields[21]) * os.sysconf("SC_PAGE_SIZE")  # rss pages
        except (OSError, ValueError, IndexError):
            continue
    return total / 1e6


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by the process group ``pid`` leads."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
            if int(fields[2]) == pid:  # pgrp
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, ValueError, IndexError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK")


def one_round(
    command: list[str], home: Path, clicks: int, webview: str = "qt", breakdown: bool = False
) -> dict[str, float]:
    env, find = window_env(webview, home)
    trace = home / "startup.jsonl"
    if breakdown:
        env["RILLET_STARTUP_TRACE"] = str(trace)
    figures: dict[str, float] = {}
    spawned = time.time()
    t0 = time.perf_counter()
    # BENCH_STDERR=file keeps the app's stderr for a round that misbehaves.
    with open(os.environ.get("BENCH_STDERR", os.devnull), "ab") as stderr:
        proc = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
    page: Any = None
    try:
        deadline = t0 + 90
        while time.perf_counter() < deadline and "window with a page" not in figures:
            if find(""):
                figures["window with a page"] = time.perf_counter() - t0
            else:
                time.sleep(0.005)
        while time.perf_counter() < deadline and page is None:
            page = find("http")
            if page is None:
                time.sleep(0.005)
        assert page is not None, "the app never loaded in the window"
        while time.perf_counter() < deadline:
            try:
                if "count=0" in (page.eval("document.body ? document.body.innerText : ''") or ""):
                    break
            except Exception:
                pass
            time.sleep(0.005)
        else:
            raise TimeoutError("no content in the window within 90 s")
        figures["content in the window"] = time.perf_counter() - t0
        figures["CPU until content (s)"] = cpu_seconds(proc.pid)
        if breakdown:
            figures.update(startup_steps(trace, spawned, page))
        time.sleep(0.5)  # let the client settle before clicking
        times = [page.eval(f"({CLICK_JS})({i})", await_promise=True) for i in range(1, clicks + 1)]
        figures["click round trip"] = statistics.median(times) / 1000
        figures["RSS (MB, with web processes)"] = rss_mb(proc.pid)
        closed = time.perf_counter()
        with contextlib.suppress(Exception):  # the window may go before it answers
            page.eval("window.close()")
        try:
            proc.wait(30)
            figures["close to exit"] = time.perf_counter() - closed
        except subprocess.TimeoutExpired:
            print(
                "warning: the process did not exit within 30 s of window.close()", file=sys.stderr
            )
            figures["close to exit"] = float("nan")
    finally:
        if page is not None:
            page.close()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
    return figures


def startup_steps(trace: Path, spawned: float, page: Any) -> dict[str, float]:
    """The launch's own timeline and the page's navigation timing, from ``spawned`` (epoch s)."""
    from rillet_shell.timeline import read

    steps: dict[str, float] = {}
    for step, at, cpu in read(str(trace)):
        steps.setdefault(f"  {step}", at - spawned)
        steps.setdefault(f"  {step}: CPU (s)", cpu)
    with contextlib.suppress(Exception):
        origin, *marks = json.loads(page.eval(NAVIGATION_JS) or "null")
        names = ("page: request sent", "page: response", "page: DOMContentLoaded")
        for name, value in zip(names, marks, strict=True):
            steps[f"  {name}"] = (origin + value) / 1000 - spawned
    return steps


@contextmanager
def display() -> Iterator[None]:
    """The current DISPLAY, or a private Xvfb for the benchmark's duration."""
    if os.environ.get("DISPLAY"):
        yield
        return
    if shutil.which("Xvfb") is None:
        sys.exit("no DISPLAY and no Xvfb: install xvfb or run under a desktop session")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1600x1200x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        os.environ["DISPLAY"] = ":" + pipe.readline().strip()
    try:
        yield
    finally:
        server.terminate()
        server.wait(10)
        del os.environ["DISPLAY"]


def show(value: float, name: str) -> str:
    if "(s)" in name:
        return f"{value:.2f} s"
    if "MB" in name:
        return f"{value:.0f} MB"
    return f"{value * 1000:.1f} ms" if value < 0.1 else f"{value:.3f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clicks", type=int, default=20)
    parser.add_argument("--webview", choices=("gtk", "qt", "both"), default="both")
    parser.add_argument("--breakdown", action="store_true", help="where the start's time goes")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    webviews = ["gtk", "qt"] if args.webview == "both" else [args.webview]
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp, display():
        script = Path(tmp) / "counter.py"
        script.write_text(APP)
        for webview in webviews:
            command = [sys.executable, "-m", "rillet", "desktop", "--webview", webview, str(script)]
            one_round(command, Path(tmp) / f"warm-up-{webview}", 2, webview)  # bytecode, fonts
            rows = [
                one_round(
                    command, Path(tmp) / f"{webview}-{i}", args.clicks, webview, args.breakdown
                )
                for i in range(args.rounds)
            ]
            results[webview] = median_figures(rows)
    print(f"rillet desktop, {args.rounds} cold starts, {args.clicks} clicks each (medians)")
    print(f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after\n")
    print_table(results, webviews)


def median_figures(rows: list[dict[str, float]]) -> dict[str, float]:
    """The median of each figure over the rounds (rounds that lack a figure are left out)."""
    names = list(dict.fromkeys(name for row in rows for name in row))
    return {
        name: statistics.median(values)
        for name in names
        if (values := [r[name] for r in rows if name in r and r[name] == r[name]])
    }


def print_table(results: dict[str, dict[str, float]], webviews: list[str], width: int = 38) -> None:
    names = list(dict.fromkeys(name for w in webviews for name in results[w]))
    print(f"{'figure':<{width}}" + "".join(f"{w:>12}" for w in webviews) + "   target")
    for name in names:
        cells = "".join(
            f"{show(results[w][name], name) if name in results[w] else '-':>12}" for w in webviews
        )
        print(f"{name:<{width}}{cells}   {TARGETS.get(name, '')}")


if __name__ == "__main__":
    main()
