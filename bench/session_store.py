"""What the shared session store costs: a rerun, and an idle session, with it off and on.

    python bench/session_store.py [--quick]

Starts a private ``redis-server`` (loopback, free port, no saving), then,
in this process, a ``Runtime`` of a 50-widget app (as ``bench/core.py``'s)
plus five ``st.session_state`` values, one of them a counter that changes
every run. It prints, store off beside store on:

- the median time of one rerun through a real ``Session`` (request → run on
  the script thread → ``ClearStale`` delivered; with the store, its write
  to Redis happens before ``ScriptFinished``);
- the Python memory one connected, idle session holds after its first run
  (tracemalloc, over 200 sessions);
- the bytes one session's record takes in Redis.

Run on an idle machine; ``uptime`` is printed beside the figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "server")]

from rillet.protocol import rillet_pb2 as pb  # noqa: E402
from rillet.runtime.interrupts import RerunData  # noqa: E402
from rillet.runtime.outbox import run_now  # noqa: E402
from rillet.runtime.redis_storage import open_redis  # noqa: E402
from rillet.runtime.runtime import Runtime  # noqa: E402
from rillet.runtime.session import Session  # noqa: E402
from rillet.runtime.session_store import RedisSessionStore  # noqa: E402

WIDGETS = "\n".join(
    f'st.checkbox("c{i}"); st.selectbox("s{i}", ["a", "b", "c"]); st.slider("r{i}", 0, 100, 5)\n'
    f'st.text_input("t{i}"); st.number_input("n{i}", value=1)\nst.write("row {i}")'
    for i in range(10)
)
APP = f"""
import rillet as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.session_state.setdefault("user", {{"name": "ada", "team": "core", "prefs": list(range(20))}})
st.session_state.setdefault("history", [f"step {{i}}" for i in range(50)])
st.session_state.setdefault("flag", True)
st.session_state.setdefault("ratio", 0.25)
{WIDGETS}
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_redis(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    exe = shutil.which("redis-server")
    if exe is None:
        sys.exit("redis-server is not installed (apt-get install redis-server)")
    port = _free_port()
    argv = [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = subprocess.Popen(
        [*argv, "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while True:
        try:
            open_redis(url).close()
            return process, url
        except Exception:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.05)


class _Finished:
    """Delivery that signals when a run's ClearStale arrives."""

    def __init__(self) -> None:
        self.done = threading.Event()

    def __call__(self, data: bytes) -> None:
        batch = pb.ForwardBatch()
        batch.ParseFromString(data)
        if any(m.HasField("clear_stale") for m in batch.msgs):
            self.done.set()


def _rerun(session: Session, finished: _Finished) -> float:
    finished.done.clear()
    start = time.perf_counter()
    session.request_rerun(RerunData(widget_states=pb.WidgetStates()))
    finished.done.wait(10)
    return time.perf_counter() - start


def rerun_seconds(runtime: Runtime, count: int) -> float:
    finished = _Finished()
    session = runtime.connect(finished, run_now)
    for _ in range(20):  # warm-up: compile, first values written
        _rerun(session, finished)
    times = [_rerun(session, finished) for _ in range(count)]
    runtime.close_session(session.id)
    return statistics.median(times)


def idle_session_bytes(runtime: Runtime, count: int) -> float:
    sessions = []
    finished = _Finished()
    # One warm session so that compiled code and caches are not counted.
    warm = runtime.connect(finished, run_now)
    _rerun(warm, finished)
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for _ in range(count):
        done = _Finished()
        session = runtime.connect(done, run_now)
        _rerun(session, done)
        sessions.append(session)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    for session in [warm, *sessions]:
        runtime.close_session(session.id)
    return (after - before) / count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples")
    args = parser.parse_args()
    reruns = 200 if args.quick else 1000
    sessions = 50 if args.quick else 200
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "app.py"
        script.write_text(APP)
        redis_process, url = _start_redis(Path(folder))
        client = open_redis(url, timeout=2.0)
        try:
            figures: dict[str, dict[str, float]] = {"off": {}, "on": {}}
            for _round in range(3):  # interleaved: both suffer the machine's load alike
                for mode in ("off", "on"):
                    store = RedisSessionStore(client) if mode == "on" else None
                    runtime = Runtime(script, session_store=store)
                    figures[mode].setdefault("rerun", float("inf"))
                    figures[mode]["rerun"] = min(
                        figures[mode]["rerun"], rerun_seconds(runtime, reruns // 3)
                    )
                    runtime.shutdown()
            for mode in ("off", "on"):
                store = RedisSessionStore(client) if mode == "on" else None
                runtime = Runtime(script, session_store=store)
                figures[mode]["idle"] = idle_session_bytes(runtime, sessions)
                runtime.shutdown()
            record = _record_bytes(client, script)
        finally:
            client.close()
            redis_process.terminate()
            redis_process.wait(10)
    load = os.getloadavg()
    print(f"session store (50 widgets + 5 session_state values); load average {load[0]:.2f}")
    print(f"{'':34}{'store off':>12}{'store on':>12}")
    off, on = figures["off"], figures["on"]
    print(f"{'rerun, median (ms)':34}{off['rerun'] * 1e3:>12.3f}{on['rerun'] * 1e3:>12.3f}")
    print(
        f"{'idle session, Python heap (KiB)':34}{off['idle'] / 1024:>12.1f}{on['idle'] / 1024:>12.1f}"
    )
    print(f"{'record in Redis (bytes)':34}{'-':>12}{record:>12}")


def _record_bytes(client: Any, script: Path) -> int:
    runtime = Runtime(script, session_store=RedisSessionStore(client))
    finished = _Finished()
    session = runtime.connect(finished, run_now)
    _rerun(session, finished)
    size = int(client.memory_usage(f"rillet:state:{session.id}") or 0)
    runtime.shutdown()
    return size


if __name__ == "__main__":
    main()
