"""The start-up trace: each step's time and CPU, written only when asked for."""

from __future__ import annotations

import time
from pathlib import Path

from rillet_shell.timeline import TRACE_ENV, mark, read


def test_each_step_is_written_in_order_with_its_time_and_cpu(tmp_path: Path) -> None:
    trace = tmp_path / "startup.jsonl"
    before = time.time()
    mark("config read", {TRACE_ENV: str(trace)})
    mark("window shown", {TRACE_ENV: str(trace)})
    steps = read(str(trace))
    assert [step for step, _, _ in steps] == ["config read", "window shown"]
    assert before <= steps[0][1] <= steps[1][1] <= time.time()
    assert 0 < steps[0][2] <= steps[1][2]  # this process's CPU seconds so far


def test_nothing_is_written_when_tracing_is_off(tmp_path: Path) -> None:
    mark("config read", {})
    mark("config read", {TRACE_ENV: ""})
    assert list(tmp_path.iterdir()) == []


def test_a_line_cut_short_by_a_killed_process_is_skipped(tmp_path: Path) -> None:
    trace = tmp_path / "startup.jsonl"
    mark("window shown", {TRACE_ENV: str(trace)})
    with trace.open("a") as file:
        file.write('{"step": "app page lo')
    assert [step for step, _, _ in read(str(trace))] == ["window shown"]
