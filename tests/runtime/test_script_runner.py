"""The script runner: runs on shared script threads, interrupted at st.* calls."""

from __future__ import annotations

import os
import sys
import threading
import time
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.interrupts import RerunData, RerunRun
from rillet.runtime.script_runner import RunnerState, ScriptCache, ScriptRunner, Workers, merge
from rillet.testing import AppTest
from tests.conftest import local_session

Status = pb.ScriptFinished.Status


class Recorder:
    """A session with a real runner whose client is a list of messages."""

    def __init__(self, script: Path) -> None:
        self.msgs: list[pb.ForwardMsg] = []
        self._lock = threading.Lock()
        self.session = local_session(script, self._deliver)

    def _deliver(self, msgs: list[pb.ForwardMsg]) -> None:
        with self._lock:
            self.msgs.extend(msgs)

    def rerun(self) -> None:
        self.session.request_rerun(RerunData(widget_states=pb.WidgetStates()))

    def wait(self) -> None:
        assert self.session.runner.wait_idle(5), "the run did not finish"

    def statuses(self) -> list[int]:
        return [m.script_finished.status for m in self.msgs if m.HasField("script_finished")]

    def bodies(self) -> list[str]:
        return [
            m.delta.new_element.markdown.body
            for m in self.msgs
            if m.HasField("delta") and m.delta.new_element.HasField("markdown")
        ]

    def exceptions(self) -> list[pb.Exception]:
        return [
            m.delta.new_element.exception
            for m in self.msgs
            if m.HasField("delta") and m.delta.new_element.HasField("exception")
        ]


class Gate(types.ModuleType):
    """Imported by a test script to pause it until the test releases it."""

    def __init__(self) -> None:
        super().__init__("rillet_test_gate")
        self.entered = threading.Event()
        self.release = threading.Event()
        self.runs = 0

    def pause(self) -> None:
        self.runs += 1
        self.entered.set()
        assert self.release.wait(5), "the test never released the script"


@pytest.fixture
def gate() -> Iterator[Gate]:
    module = Gate()
    sys.modules[module.__name__] = module
    yield module
    module.release.set()
    del sys.modules[module.__name__]


@pytest.fixture
def recorder(tmp_path: Path) -> Iterator[Callable[[str], Recorder]]:
    made: list[Recorder] = []

    def make(source: str) -> Recorder:
        script = tmp_path / "app.py"
        script.write_text(source, encoding="utf-8")
        made.append(Recorder(script))
        return made[-1]

    yield make
    for r in made:
        r.session.close()


PAUSING = """
import rillet as st
import rillet_test_gate as gate
st.markdown("before")
gate.pause()
st.markdown("after")
"""


def test_a_rerun_request_mid_run_stops_the_script_at_its_next_st_call(
    recorder: Callable[[str], Recorder], gate: Gate
) -> None:
    r = recorder(PAUSING)
    r.rerun()
    assert gate.entered.wait(5)

    r.rerun()
    gate.release.set()
    r.wait()

    assert r.statuses() == [Status.RERUN, Status.SUCCESS]
    assert r.bodies() == ["before", "before", "after"]


def test_requests_arriving_during_a_run_coalesce_into_one_more_run(
    recorder: Callable[[str], Recorder], gate: Gate
) -> None:
    r = recorder(PAUSING)
    r.rerun()
    assert gate.entered.wait(5)

    for _ in range(5):
        r.rerun()
    gate.release.set()
    r.wait()

    assert gate.runs == 2
    assert r.statuses() == [Status.RERUN, Status.SUCCESS]


def test_a_stop_request_ends_the_run_at_its_next_st_call(
    recorder: Callable[[str], Recorder], gate: Gate
) -> None:
    r = recorder(PAUSING)
    r.rerun()
    assert gate.entered.wait(5)

    r.session.runner.request_stop()
    gate.release.set()
    r.wait()

    assert r.statuses() == [Status.STOPPED]
    assert r.bodies() == ["before"]


def test_a_user_except_exception_cannot_swallow_an_interrupt(
    recorder: Callable[[str], Recorder], gate: Gate
) -> None:
    r = recorder(
        """
import rillet as st
import rillet_test_gate as gate
gate.pause()
try:
    st.markdown("inside try")
except Exception:
    st.markdown("swallowed")
"""
    )
    r.rerun()
    assert gate.entered.wait(5)

    r.session.runner.request_stop()
    gate.release.set()
    r.wait()

    assert r.bodies() == []
    assert r.statuses() == [Status.STOPPED]


def test_shutdown_waits_for_the_run_and_ignores_later_requests(
    recorder: Callable[[str], Recorder], gate: Gate
) -> None:
    r = recorder(PAUSING)
    r.rerun()
    assert gate.entered.wait(5)
    assert r.session.runner.running

    gate.release.set()
    r.session.runner.shutdown(timeout=5)
    r.rerun()

    assert not r.session.runner.running
    assert r.session.runner.state is RunnerState.SHUT_DOWN
    assert gate.runs == 1


def test_an_exception_becomes_an_element_and_the_session_keeps_working(
    recorder: Callable[[str], Recorder],
) -> None:
    r = recorder(
        """
import rillet as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.markdown(f"run {st.session_state.runs}")
if st.session_state.runs == 1:
    raise ZeroDivisionError("first run fails")
"""
    )
    r.rerun()
    r.wait()
    r.rerun()
    r.wait()

    assert r.statuses() == [Status.ERROR, Status.SUCCESS]
    assert r.bodies() == ["run 1", "run 2"]
    (exc,) = r.exceptions()
    assert (exc.type, exc.message) == ("ZeroDivisionError", "first run fails")
    assert any("app.py" in frame for frame in exc.stack_trace)
    assert not any("rillet/runtime" in frame for frame in exc.stack_trace)


def test_st_rerun_runs_the_script_again_at_once(recorder: Callable[[str], Recorder]) -> None:
    r = recorder(
        """
import rillet as st
st.session_state.setdefault("n", 0)
st.session_state.n += 1
st.markdown(f"n={st.session_state.n}")
if st.session_state.n < 3:
    st.rerun()
"""
    )
    r.rerun()
    r.wait()

    assert r.statuses() == [Status.RERUN, Status.RERUN, Status.SUCCESS]
    assert r.bodies() == ["n=1", "n=2", "n=3"]


def _touch(path: Path, source: str) -> None:
    """Rewrite ``path`` so its stamp changes even on coarse-mtime filesystems."""
    before = path.stat().st_mtime_ns
    path.write_text(source, encoding="utf-8")
    os.utime(path, ns=(before + 1_000_000_000, before + 1_000_000_000))


def test_a_syntax_error_is_shown_then_cleared_when_the_file_is_fixed(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nst.markdown('ok'\n", encoding="utf-8")
    at = AppTest.from_file(script).run()

    (error,) = at.exception
    assert error.proto.type == "SyntaxError"
    assert "line 2" in error.value

    _touch(script, "import rillet as st\nst.markdown('fixed')\n")
    at.run()

    assert list(at.exception) == []
    assert at.markdown.values == ["fixed"]


def test_scripts_are_compiled_once_per_file_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = tmp_path / "app.py"
    script.write_text("x = 1\n", encoding="utf-8")
    cache = ScriptCache()
    compiled: list[str] = []
    original = cache.compile
    monkeypatch.setattr(cache, "compile", lambda src, fn: compiled.append(src) or original(src, fn))

    first = cache.get(script)
    again = cache.get(script)
    _touch(script, "x = 2\n")
    changed = cache.get(script)

    assert again is first
    assert changed is not first
    assert compiled == ["x = 1\n", "x = 2\n"]


def test_an_edited_script_shows_its_new_version_on_the_next_run(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nst.markdown('v1')\n", encoding="utf-8")
    at = AppTest.from_file(script).run()

    _touch(script, "import rillet as st\nst.markdown('v2')\n")
    at.run()

    assert at.markdown.values == ["v2"]


def test_merging_requests_keeps_the_newest_states_and_a_full_run_wins() -> None:
    older = RerunData(widget_states=pb.WidgetStates(), fragment_id="frag", query_string="a=1")
    newer = RerunData(widget_states=None, fragment_id="")

    merged = merge(older, newer)

    assert merged.widget_states is older.widget_states
    assert merged.fragment_id == ""
    assert merged.query_string == "a=1"


def test_a_fragment_rerun_asked_for_during_a_full_run_waits_for_it() -> None:
    started, release = threading.Event(), threading.Event()
    finished: list[tuple[str, str]] = []
    runner: ScriptRunner

    def execute(data: RerunData) -> None:
        if not data.fragment_id:
            started.set()
            release.wait(5)
        try:
            runner.check_interrupt()
        except RerunRun:
            finished.append(("interrupted", data.fragment_id))
            return
        finished.append(("completed", data.fragment_id))

    runner = ScriptRunner(execute, name="test-runner")
    try:
        runner.request_rerun(RerunData())
        assert started.wait(5)
        runner.request_rerun(RerunData(fragment_id="frag"))
        release.set()
        assert runner.wait_idle(5)
    finally:
        runner.shutdown()

    assert finished == [("completed", ""), ("completed", "frag")]


@pytest.mark.parametrize(
    ("fast_reruns", "finished"),
    [
        (True, ["interrupted", "completed"]),
        (False, ["completed", "completed"]),  # runner.fastReruns = false: the run finishes first
    ],
)
def test_a_full_rerun_asked_for_during_a_full_run_interrupts_it_with_fast_reruns(
    fast_reruns: bool, finished: list[str]
) -> None:
    started, release = threading.Event(), threading.Event()
    done: list[str] = []
    runner: ScriptRunner

    def execute(data: RerunData) -> None:
        if not done and not started.is_set():
            started.set()
            release.wait(5)
        try:
            runner.check_interrupt()
        except RerunRun:
            done.append("interrupted")
            return
        done.append("completed")

    runner = ScriptRunner(execute, name="test-runner", fast_reruns=fast_reruns)
    try:
        runner.request_rerun(RerunData())
        assert started.wait(5)
        runner.request_rerun(RerunData())
        release.set()
        assert runner.wait_idle(5)
    finally:
        runner.shutdown()

    assert done == finished


def test_post_script_gc_collects_after_every_run(monkeypatch: pytest.MonkeyPatch) -> None:
    # runner.postScriptGC = true
    import gc

    collections: list[int] = []
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(1) or 0)
    runner = ScriptRunner(lambda data: None, name="test-runner", collect_garbage=True)
    try:
        for _ in range(2):
            runner.request_rerun(RerunData())
            assert runner.wait_idle(5)
    finally:
        runner.shutdown()

    assert len(collections) == 2


def test_idle_sessions_hold_no_script_thread() -> None:
    before = threading.active_count()
    runners = [ScriptRunner(lambda data: None, name=f"idle-{i}") for i in range(40)]
    try:
        for runner in runners:
            runner.request_rerun(RerunData())
        assert all(runner.wait_idle(5) for runner in runners)
        # The shared workers: a few threads, not one per session.
        assert threading.active_count() - before < 20
    finally:
        for runner in runners:
            runner.shutdown()


def test_a_blocked_script_does_not_starve_the_runs_queued_behind_it() -> None:
    pool = Workers(core=1, patience=0.05, idle_timeout=1.0)
    release, later = threading.Event(), threading.Event()
    pool.submit(lambda: release.wait(10))  # a script that sleeps (or loops) for long
    pool.submit(later.set)
    try:
        assert later.wait(5), "the queued run waited for the blocked one"
        assert pool.threads == 2
    finally:
        release.set()


def test_extra_script_threads_leave_when_idle_and_later_runs_still_run() -> None:
    pool = Workers(core=1, patience=0.05, idle_timeout=0.2)
    release, later = threading.Event(), threading.Event()
    pool.submit(lambda: release.wait(10))
    pool.submit(later.set)  # the watchdog adds a thread for it
    assert later.wait(5)
    release.set()
    deadline = time.monotonic() + 5
    while pool.threads > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert pool.threads == 1  # the extra one left; the core thread stays
    done = [threading.Event() for _ in range(20)]
    for event in done:
        pool.submit(event.set)
    assert all(event.wait(5) for event in done)


def test_a_session_asking_again_goes_behind_the_sessions_already_waiting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import rillet.runtime.script_runner as module

    monkeypatch.setattr(module, "_WORKERS", Workers(core=1))  # one script thread
    order: list[str] = []
    started, release = threading.Event(), threading.Event()

    def execute_for(name: str) -> Callable[[RerunData], None]:
        def execute(data: RerunData) -> None:
            if not order:
                started.set()
                release.wait(5)
            order.append(name)

        return execute

    a, b = (ScriptRunner(execute_for(n), name=n) for n in "ab")
    try:
        a.request_rerun(RerunData())
        assert started.wait(5)
        b.request_rerun(RerunData())  # waits for the thread
        a.request_rerun(RerunData())  # a's next run: after b's, not before
        release.set()
        assert a.wait_idle(5) and b.wait_idle(5)
    finally:
        a.shutdown()
        b.shutdown()

    assert order == ["a", "b", "a"]


def test_a_context_variable_a_run_sets_does_not_reach_the_next_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import contextvars

    import rillet.runtime.script_runner as module

    monkeypatch.setattr(module, "_WORKERS", Workers(core=1))  # both runs on one thread
    user = contextvars.ContextVar("user", default="nobody")
    seen: list[str] = []

    def execute_as(name: str) -> Callable[[RerunData], None]:
        def execute(data: RerunData) -> None:
            seen.append(user.get())
            user.set(name)

        return execute

    first, second = (ScriptRunner(execute_as(n), name=n) for n in ("alice", "bob"))
    try:
        first.request_rerun(RerunData())
        assert first.wait_idle(5)
        second.request_rerun(RerunData())
        assert second.wait_idle(5)
    finally:
        first.shutdown()
        second.shutdown()

    assert seen == ["nobody", "nobody"]


def _runs_on_one_pool_thread(
    monkeypatch: pytest.MonkeyPatch, executes: list[Callable[[RerunData], None]]
) -> None:
    import rillet.runtime.script_runner as module

    monkeypatch.setattr(module, "_WORKERS", Workers(core=1))
    runners = [ScriptRunner(execute, name=f"s{i}") for i, execute in enumerate(executes)]
    try:
        for runner in runners:
            runner.request_rerun(RerunData())
            assert runner.wait_idle(5)
    finally:
        for runner in runners:
            runner.shutdown()


def test_a_thread_local_value_a_run_sets_does_not_reach_the_next_sessions_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    per_thread = threading.local()
    seen: list[str] = []
    threads: set[int] = set()

    def execute_as(name: str) -> Callable[[RerunData], None]:
        def execute(data: RerunData) -> None:
            threads.add(threading.get_ident())
            seen.append(getattr(per_thread, "user", "nobody"))
            per_thread.user = name

        return execute

    _runs_on_one_pool_thread(monkeypatch, [execute_as("alice"), execute_as("bob")])

    assert seen == ["nobody", "nobody"]
    if sys.implementation.name == "cpython" and sys.version_info < (3, 13):
        assert len(threads) == 1, "the pooled thread was replaced instead of reused"


def test_a_thread_local_subclass_starts_afresh_in_every_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Connection(threading.local):
        def __init__(self) -> None:
            self.opened = 0

    conn = Connection()
    seen: list[int] = []

    def execute(data: RerunData) -> None:
        conn.opened += 1
        seen.append(conn.opened)

    _runs_on_one_pool_thread(monkeypatch, [execute, execute, execute])

    assert seen == [1, 1, 1]


def test_without_a_way_to_erase_thread_locals_each_run_gets_a_new_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import rillet.runtime.script_runner as module

    monkeypatch.setattr(module, "_thread_locals_eraser", lambda: None)
    per_thread = threading.local()
    seen: list[str] = []

    def execute_as(name: str) -> Callable[[RerunData], None]:
        def execute(data: RerunData) -> None:
            seen.append(getattr(per_thread, "user", "nobody"))
            per_thread.user = name

        return execute

    _runs_on_one_pool_thread(monkeypatch, [execute_as(n) for n in ("a", "b", "c")])

    assert seen == ["nobody", "nobody", "nobody"]
