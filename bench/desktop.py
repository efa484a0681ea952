"""`rillet desktop`: cold start to content inside the real window, and a click's round trip.

Spawns ``python -m rillet desktop app.py`` (a counter app) with Qt
WebEngine's DevTools port open and looks inside the window over the Chrome
DevTools Protocol. Figures (medians over the rounds):

- window with a page: process start until the window holds its first page
  (the splash);
- content in the window: process start until the app's own text
  (``count=0``) is in the page: what a user waits for after a double-click;
- click round trip: a button click inside the window until the page shows
  the rerun's result, timed in the page (``performance.now()``);
- close to exit: ``window.close()`` until the process has exited.

State folders are private to the run, so no remembered window or running
instance interferes. Without a DISPLAY the benchmark starts its own Xvfb.
Streamlit has no desktop window, so there is no column to compare with.

usage: python bench/desktop.py [--rounds 5] [--clicks 20]
"""

from __future__ import annotations

import argparse
import json
import os
import random
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

TARGETS = {"content in the window": "≤ 1.2 s", "click round trip": "≤ 15 ms"}


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


def one_round(script: Path, home: Path, clicks: int) -> dict[str, float]:
    debug_port = free_port()
    env = dict(
        os.environ,
        QTWEBENGINE_REMOTE_DEBUGGING=f"127.0.0.1:{debug_port}",
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu",
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
    )
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    figures: dict[str, float] = {}
    t0 = time.perf_counter()
    # BENCH_STDERR=file keeps the app's stderr for a round that misbehaves.
    with open(os.environ.get("BENCH_STDERR", os.devnull), "ab") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "rillet", "desktop", str(script)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
    page: Page | None = None
    try:
        deadline = t0 + 90
        while time.perf_counter() < deadline and "window with a page" not in figures:
            if pages(debug_port):
                figures["window with a page"] = time.perf_counter() - t0
            else:
                time.sleep(0.005)
        while time.perf_counter() < deadline and page is None:
            app = [p for p in pages(debug_port) if p.get("url", "").startswith("http")]
            if app:
                page = Page(app[0]["webSocketDebuggerUrl"])
            else:
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
        time.sleep(0.5)  # let the client settle before clicking
        times = [page.eval(f"({CLICK_JS})({i})", await_promise=True) for i in range(1, clicks + 1)]
        figures["click round trip"] = statistics.median(times) / 1000
        closed = time.perf_counter()
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clicks", type=int, default=20)
    args = parser.parse_args()
    rows: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp, display():
        script = Path(tmp) / "counter.py"
        script.write_text(APP)
        one_round(script, Path(tmp) / "warm-up", 2)  # bytecode and font caches
        for i in range(args.rounds):
            rows.append(one_round(script, Path(tmp) / f"round{i}", args.clicks))
    print(f"rillet desktop, {args.rounds} cold starts, {args.clicks} clicks each (medians)\n")
    print(f"{'figure':<24}{'rillet':>12}   target")
    for name in rows[0]:
        value = statistics.median(r[name] for r in rows if r[name] == r[name])
        shown = f"{value * 1000:.1f} ms" if value < 0.1 else f"{value:.3f} s"
        print(f"{name:<24}{shown:>12}   {TARGETS.get(name, '')}")


if __name__ == "__main__":
    main()
