"""Many sessions in one runtime: idle or disconnected ones cost no thread."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.interrupts import RerunData
from rillet.runtime.outbox import run_now
from rillet.runtime.runtime import Runtime


def test_idle_and_disconnected_sessions_hold_no_thread_and_expire_after_the_ttl(
    tmp_path: Path,
) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nst.write('hello')\n")
    runtime = Runtime(script, {"server.disconnectedSessionTTL": 0.3})
    before = threading.active_count()
    try:
        sessions = [runtime.connect(lambda frame: None, run_now) for _ in range(60)]
        for session in sessions:
            session.request_rerun(RerunData(widget_states=pb.WidgetStates()))
        assert all(session.runner.wait_idle(5) for session in sessions)
        assert threading.active_count() - before < 20  # not one thread per session

        for session in sessions:
            runtime.disconnect(session.id)
        assert threading.active_count() - before < 20  # not one timer per session
        deadline = time.monotonic() + 5
        while runtime.sessions() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert runtime.sessions() == []
    finally:
        runtime.shutdown()


def test_a_session_resumed_before_the_ttl_outlives_the_others(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nst.write('hello')\n")
    runtime = Runtime(script, {"server.disconnectedSessionTTL": 0.3})
    try:
        first, second = (runtime.connect(lambda frame: None, run_now) for _ in range(2))
        runtime.disconnect(first.id)
        runtime.disconnect(second.id)
        assert runtime.connect(lambda frame: None, run_now, resume_id=first.id) is first
        time.sleep(0.6)
        assert runtime.sessions() == [first]
    finally:
        runtime.shutdown()
