"""Server start-up: time from start to the first 200 on /_rillet/health and on index.html.

Two figures, no browser:

- in process: ``Server.start_in_thread()`` on an already imported rillet
  (what the desktop shell pays, the interpreter being up);
- cold: ``python -m rillet run app.py`` spawned, until it answers (what a
  user typing the command pays), side by side with ``streamlit run`` when
  Streamlit is installed.

usage: python bench/server_start.py [--rounds 10]
"""

from __future__ import annotations

import argparse
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
from collections.abc import Callable
from pathlib import Path

APP = 'import {module} as st\nst.title("Hello")\nst.write("start-up bench")\n'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str) -> int | None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    except OSError:
        return None
    finally:
        conn.close()


def wait_200(port: int, path: str, t0: float, deadline: float = 60.0) -> float:
    # Until the client is built the index answers 503: still the first full answer.
    while time.perf_counter() - t0 < deadline:
        if get(port, path) in (200, 503):
            return (time.perf_counter() - t0) * 1000
        time.sleep(0.002)
    raise TimeoutError(f"no answer on {path} within {deadline} s")


def in_process(rounds: int, app: Path, static_dir: Path) -> dict[str, list[float]]:
    from rillet.runtime.config import Config
    from rillet.runtime.runtime import Runtime
    from rillet_server import Server

    out: dict[str, list[float]] = {"start() returned": [], "health 200": [], "index 200": []}
    for _ in range(rounds):
        config = Config.from_flags(
            {"server.port": 0, "server.address": "127.0.0.1", "server.headless": True}
        )
        t0 = time.perf_counter()
        server = Server(Runtime(app, config), config, static_dir=static_dir)
        port = server.start_in_thread()
        out["start() returned"].append((time.perf_counter() - t0) * 1000)
        out["health 200"].append(wait_200(port, "/_rillet/health", t0))
        out["index 200"].append(wait_200(port, "/", t0))
        server.stop()
    return out


def cold(
    rounds: int, command: Callable[[Path, int], list[str]], app: Path, health: str
) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"health 200": [], "index 200": []}
    for _ in range(rounds):
        port = free_port()
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            command(app, port), cwd=app.parent, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        try:
            out["health 200"].append(wait_200(port, health, t0))
            out["index 200"].append(wait_200(port, "/", t0))
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
    return out


def show(title: str, figures: dict[str, list[float]]) -> None:
    print(title)
    for label, values in figures.items():
        print(
            f"  {label:<18} median {statistics.median(values):8.1f} ms"
            f"   min {min(values):8.1f} ms   (n={len(values)})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    rounds = parser.parse_args().rounds
    import logging

    from rillet_server.app import DEFAULT_STATIC_DIR

    logging.getLogger("tornado").setLevel(logging.CRITICAL)
    with tempfile.TemporaryDirectory() as tmp:
        static_dir = DEFAULT_STATIC_DIR
        if not (DEFAULT_STATIC_DIR / "index.html").is_file():
            print("note: the client is not built; in process uses a stand-in index.html,")
            print("      cold runs time the index's 503 answer instead of its 200")
            static_dir = Path(tmp) / "client"
            static_dir.mkdir()
            (static_dir / "index.html").write_text("<!doctype html><title>stand-in</title>")
        rillet_app = Path(tmp) / "rillet_app.py"
        rillet_app.write_text(APP.format(module="rillet"))
        show(
            "rillet, in process (Server.start_in_thread)",
            in_process(rounds, rillet_app, static_dir),
        )

        def rillet_cmd(app: Path, port: int) -> list[str]:
            return [sys.executable, "-m", "rillet", "run", str(app), "--server.port", str(port),
                    "--server.headless", "true", "--server.fileWatcherType", "none"]  # fmt: skip

        show(
            "rillet, cold (python -m rillet run)",
            cold(rounds, rillet_cmd, rillet_app, "/_rillet/health"),
        )
        if importlib.util.find_spec("streamlit") is not None:
            st_app = Path(tmp) / "streamlit_app.py"
            st_app.write_text(APP.format(module="streamlit"))

            def streamlit_cmd(app: Path, port: int) -> list[str]:
                return [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
                        "--server.headless", "true", "--server.fileWatcherType", "none",
                        "--browser.gatherUsageStats", "false"]  # fmt: skip

            show(
                "streamlit, cold (python -m streamlit run)",
                cold(rounds, streamlit_cmd, st_app, "/_stcore/health"),
            )


if __name__ == "__main__":
    main()
