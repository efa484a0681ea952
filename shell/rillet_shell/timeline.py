"""Where a desktop launch spends its time: timestamps of each start-up step, when asked for.

Off unless ``RILLET_STARTUP_TRACE`` names a file. Then every step of a
launch (shell imported, config read, webview imported, window shown,
splash loaded, server started, app page loaded...) appends one JSON line
``{"step": name, "t": seconds since the epoch, "cpu": this process's CPU
seconds so far}`` to it, from whichever thread reached the step. ``bench/desktop.py --breakdown`` reads the file
and subtracts the time it spawned the process, so each step is measured
from the double-click, packed or not. The steps are wall-clock times on a
machine that may be busy; their order and gaps show what waits for what,
and the CPU seconds (all threads of this process, not the web engine's
own processes) what each step costs whatever the load.
"""

from __future__ import annotations

import json
import os
import threading
import time

TRACE_ENV = "RILLET_STARTUP_TRACE"

_lock = threading.Lock()


def mark(step: str, environ: dict[str, str] | None = None) -> None:
    """Record that the launch reached ``step`` now (nothing when tracing is off).

    Example:
        >>> mark("window shown", {})  # tracing off: nothing is written
    """
    path = (os.environ if environ is None else environ).get(TRACE_ENV)
    if not path:
        return
    line = json.dumps({"step": step, "t": time.time(), "cpu": time.process_time()}) + "\n"
    with _lock, open(path, "a", encoding="utf-8") as trace:
        trace.write(line)


def read(path: str) -> list[tuple[str, float, float]]:
    """The ``(step, epoch seconds, CPU seconds)`` a traced launch wrote, in the order written.

    Example:
        >>> read("/nonexistent/trace.jsonl")
        []
    """
    try:
        with open(path, encoding="utf-8") as trace:
            lines = trace.read().splitlines()
    except OSError:
        return []
    steps = []
    for line in lines:
        try:
            item = json.loads(line)
        except ValueError:
            continue  # a line cut short by a process killed while writing
        steps.append((str(item["step"]), float(item["t"]), float(item.get("cpu", "nan"))))
    return steps
