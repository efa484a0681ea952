"""Running a session's script on a shared pool of script threads.

A :class:`ScriptRunner` runs one session's script, one run at a time. Rerun
requests may arrive from any thread at any time; while a run is in progress
the newest request is kept (older ones are folded into it) and the running
script is interrupted at its next ``st.*`` call. The request then runs with
the newest widget states.

Note [Script threads]
~~~~~~~~~~~~~~~~~~~~~
Runs execute on :class:`Workers`, threads shared by every session: an idle
session holds no thread (a thread per session cost ~20 KiB of stack and
bookkeeping each, and thousands of threads fight over the GIL). Runs wait
in one first-come, first-served queue, and a session with another run
pending goes to the back of it, so many sessions rerunning at once take
turns. A few threads serve CPU-bound scripts best; scripts that block
(``time.sleep`` loops, slow queries) must not starve the others, so when
the queue has made no progress for ``patience`` seconds the pool adds
threads for the waiting runs (at most as many again as its core size each
time). Extra threads leave after ``idle_timeout``.
"""

from __future__ import annotations

import ast
import builtins
import contextvars
import enum
import gc
import logging
import os
import queue
import sys
import threading
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rillet.runtime.interrupts import RerunData, RerunRun, StopRun
from rillet.runtime.magic import add_magic

_LOG = logging.getLogger(__name__)


# ---------------------------------------------------------------- compiling


# A file's (st_mtime_ns, st_size): a change to either means it changed on disk.
_Stamp = tuple[int, int]


class ScriptCache:
    """Compiled scripts, recompiled only when the file changes on disk."""

    def __init__(
        self,
        *,
        magic: bool = True,
        root_docstring: bool = False,
        last_expression: bool = False,
    ) -> None:
        """``magic`` is ``runner.magicEnabled``; the other two are the ``magic.*`` options."""
        self._lock = threading.Lock()
        self._code: dict[Path, tuple[_Stamp, types.CodeType]] = {}
        # Every run of every session stats its script: os.stat of a str skips
        # pathlib's conversion each time.
        self._names: dict[Path, str] = {}
        self._magic = magic
        self._root_docstring = root_docstring
        self._last_expression = last_expression

    def get(self, path: Path) -> types.CodeType:
        """The code object for ``path``; raises ``SyntaxError`` as compile does."""
        name = self._names.get(path)
        if name is None:
            name = self._names[path] = str(path)
        stat = os.stat(name)
        stamp = (stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._code.get(path)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        code = self.compile(path.read_text(encoding="utf-8"), str(path))
        with self._lock:
            self._code[path] = (stamp, code)
        return code

    def compile(self, source: str, filename: str) -> types.CodeType:
        tree = ast.parse(source, filename=filename)
        if self._magic:
            tree = add_magic(
                tree,
                source,
                root_docstring=self._root_docstring,
                last_expression=self._last_expression,
            )
        return compile(tree, filename, "exec", dont_inherit=True)

    def invalidate(self, path: Path | None = None) -> None:
        with self._lock:
            if path is None:
                self._code.clear()
            else:
                self._code.pop(path, None)


def exec_script(
    code: types.CodeType, path: Path, extra_globals: dict[str, Any] | None = None
) -> None:
    """Run ``code`` as a fresh ``__main__`` module.

    ``sys.modules["__main__"]`` points at the script's module while it runs
    so that pickling classes defined in the script works.
    """
    module = types.ModuleType("__main__")
    module.__dict__.update(
        {"__file__": str(path), "__builtins__": builtins, "__name__": "__main__"}
    )
    if extra_globals:
        module.__dict__.update(extra_globals)
    previous = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    try:
        exec(code, module.__dict__)
    finally:
        if previous is not None:
            sys.modules["__main__"] = previous


# ----------------------------------------------------------------- running


class RunnerState(enum.Enum):
    """Lifecycle of a script runner."""

    IDLE = "idle"
    RUNNING = "running"
    SHUT_DOWN = "shut_down"


_ALLOWED = {
    RunnerState.IDLE: {RunnerState.RUNNING, RunnerState.SHUT_DOWN},
    RunnerState.RUNNING: {RunnerState.IDLE, RunnerState.SHUT_DOWN},
    RunnerState.SHUT_DOWN: set(),
}


class _Interrupt(enum.Enum):
    NONE = 0
    RERUN = 1
    STOP = 2


def merge(older: RerunData | None, newer: RerunData) -> RerunData:
    """Fold two pending requests into one, keeping what each one needs.

    The newer request's widget states win (the client always sends all of
    them); a full run absorbs a fragment run.
    """
    if older is None:
        return newer
    merged = RerunData(**vars(newer))
    if merged.widget_states is None:
        merged.widget_states = older.widget_states
    if older.fragment_id != newer.fragment_id:
        merged.fragment_id = ""
    if merged.query_string is None:
        merged.query_string = older.query_string
    if not merged.page_hash and not merged.page_name:
        merged.page_hash, merged.page_name = older.page_hash, older.page_name
    merged.is_auto_rerun = older.is_auto_rerun and newer.is_auto_rerun
    return merged


# ------------------------------------------------------- thread-local values


def _thread_locals_eraser() -> Callable[[], None] | None:
    """A function dropping the calling thread's ``threading.local`` values; None where none works.

    Call it on the thread whose values it is to drop: it keeps that
    thread's state dict.

    Note [Thread-local values]
    ~~~~~~~~~~~~~~~~~~~~~~~~~~
    In Streamlit every run has a thread of its own, so a ``threading.local``
    attribute a script sets (a library's per-thread connection, a cache, the
    current user) is gone when the run ends. On a pooled thread it would
    stay, and the next run on that thread, another session's, would see it.
    CPython up to 3.12 keeps a thread's values of every ``threading.local``
    in the thread state's dict, under keys its own ``localdummy`` objects
    hold; deleting those entries is what the thread's exit does to them. A
    probe checks that this interpreter really works that way before the
    pool relies on it; elsewhere (3.13 keys them differently, PyPy) the pool
    gives each run a new thread instead, as Streamlit does.
    """
    if sys.implementation.name != "cpython":
        return None
    try:
        import ctypes

        get_dict = ctypes.pythonapi.PyThreadState_GetDict
        # A borrowed reference: as c_void_p, so ctypes does not release it.
        get_dict.restype = ctypes.c_void_p
        get_dict.argtypes = []
        address = get_dict()
    except (ImportError, AttributeError, OSError):
        return None
    # The thread's own dict, the same object for the thread's whole life.
    state = ctypes.cast(address, ctypes.py_object).value if address else None
    if not isinstance(state, dict):
        return None
    probe = threading.local()
    probe.value = True
    # Python <= 3.12 names each threading.local's entry "thread.local.<its address>".
    entry = state.get(f"thread.local.{id(probe):#x}")
    if entry is None:
        return None
    dummy = type(entry)

    def erase() -> None:
        stale = [key for key, value in state.items() if type(value) is dummy]
        for key in stale:
            del state[key]

    erase()
    return None if hasattr(probe, "value") else erase


class Workers:
    """Script threads shared by every session (see Note [Script threads]).

    Example:
        >>> import threading
        >>> done = threading.Event()
        >>> pool = Workers(core=1)
        >>> pool.submit(done.set)
        >>> done.wait(5)
        True
    """

    def __init__(self, *, core: int = 8, patience: float = 0.1, idle_timeout: float = 30.0) -> None:
        # Jobs travel through a SimpleQueue (C: a put and a blocking get with
        # the GIL let go) rather than a threading.Condition, whose wait and
        # notify are Python code run twice for every run of every session.
        # The counts below are kept under _lock; a job is counted in
        # _queued until a thread has taken it and said so.
        self._lock = threading.Lock()
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._core = core
        self._patience = patience
        self._idle_timeout = idle_timeout
        self._threads = 0
        self._idle = 0  # threads waiting for a job
        self._queued = 0  # jobs submitted and not yet taken
        self._started = 0  # jobs taken: the watchdog's measure of progress
        self._watching = False

    def submit(self, job: Callable[[], None]) -> None:
        """Run ``job`` on a script thread, after the runs already waiting."""
        with self._lock:
            self._queued += 1
            if self._idle < self._queued:
                if self._threads < self._core:
                    self._spawn(1)
                elif not self._watching:
                    self._watching = True
                    threading.Thread(
                        target=self._watch, name="rillet-script-watch", daemon=True
                    ).start()
        self._jobs.put(job)

    @property
    def threads(self) -> int:
        """How many script threads exist now."""
        return self._threads

    def _spawn(self, count: int) -> None:
        # Called with the lock held.
        for _ in range(count):
            self._threads += 1
            name = f"rillet-script-{self._threads}"
            threading.Thread(target=self._work, name=name, daemon=True).start()

    def _work(self) -> None:
        erase_locals = _thread_locals_eraser()  # this thread's (Note [Thread-local values])
        jobs, lock = self._jobs, self._lock
        while True:
            with lock:
                self._idle += 1
            try:
                job = jobs.get(timeout=self._idle_timeout)
            except queue.Empty:
                with lock:
                    self._idle -= 1
                    # An extra thread leaves, unless a job arrived meanwhile
                    # that the threads still waiting cannot all take.
                    if self._threads > self._core and self._queued <= self._idle:
                        self._threads -= 1
                        return
                continue
            with lock:
                self._idle -= 1
                self._queued -= 1
                self._started += 1
            try:
                job()
            except Exception:  # a job reports its own errors; the thread must live on
                _LOG.exception("a script thread job failed inside rillet")
            # The next run, maybe another session's, must not see this one's
            # threading.local values (Note [Thread-local values]).
            if erase_locals is not None:
                erase_locals()
                continue
            with lock:  # no way to erase them here: a new thread takes the next run
                self._threads -= 1
                if self._queued > self._idle:
                    self._spawn(1)
            return

    def _watch(self) -> None:
        """Add threads while the queue waits on runs that do not end (blocked scripts)."""
        while True:
            with self._lock:
                seen = self._started
            time.sleep(self._patience)
            with self._lock:
                if not self._queued:
                    self._watching = False
                    return
                if self._started == seen:
                    # At most ``core`` more per period: a machine too busy to
                    # start a run for a moment must not get a thread per queued run.
                    self._spawn(min(self._queued, self._core))


_WORKERS = Workers()


class ScriptRunner:
    """Runs a session's script on request, one run at a time, on the shared :class:`Workers`.

    ``execute(data)`` does the actual run (the session provides it); it
    calls :meth:`check_interrupt` at every yield point. With ``fast_reruns``
    (``runner.fastReruns``) a rerun request stops the run in progress at its
    next ``st.*`` call; without, the run finishes first. ``collect_garbage``
    (``runner.postScriptGC``) runs a full collection after every run.
    """

    def __init__(
        self,
        execute: Callable[[RerunData], RerunData | None],
        name: str,
        *,
        fast_reruns: bool = True,
        collect_garbage: bool = False,
    ) -> None:
        self._execute = execute
        self._name = name
        self._fast_reruns = fast_reruns
        self._collect_garbage = collect_garbage
        # The default RLock, though nothing re-enters it: a Condition over a
        # plain Lock looks up three methods the Lock lacks, and the three
        # AttributeErrors made it cost 2.4 us per session, against 0.4.
        self._cond = threading.Condition()
        self._state = RunnerState.IDLE
        self._pending: RerunData | None = None
        self._interrupt = _Interrupt.NONE
        self._running_full = False
        # A run is waiting in the workers' queue; the thread running one now.
        self._queued = False
        self._running_on: threading.Thread | None = None
        self._runs_done = 0

    @property
    def state(self) -> RunnerState:
        return self._state

    def _move(self, to: RunnerState) -> None:
        if to not in _ALLOWED[self._state]:
            raise RuntimeError(f"script runner cannot go from {self._state.value} to {to.value}")
        self._state = to

    def request_rerun(self, data: RerunData) -> None:
        """Ask for a run (any thread); interrupts a run in progress.

        A fragment rerun asked for during a full run waits for it instead:
        the full run redraws the fragment anyway, and a fragment that reruns
        often (``run_every``) must not keep a slow full run from finishing.
        """
        with self._cond:
            if self._state is RunnerState.SHUT_DOWN:
                return
            self._pending = merge(self._pending, data)
            queue_behind = self._running_full and bool(self._pending.fragment_id)
            if (
                self._fast_reruns
                and self._state is RunnerState.RUNNING
                and self._interrupt is _Interrupt.NONE
                and not queue_behind
            ):
                self._interrupt = _Interrupt.RERUN
            if self._state is RunnerState.IDLE and not self._queued:
                self._queued = True
                _WORKERS.submit(self._run_once)
            self._cond.notify_all()

    def request_stop(self) -> None:
        """Stop the run in progress at its next yield point."""
        with self._cond:
            if self._state is RunnerState.RUNNING:
                self._interrupt = _Interrupt.STOP
                self._pending = None

    def check_interrupt(self) -> None:
        """Called by the script thread at every ``st.*`` call."""
        interrupt = self._interrupt
        if interrupt is _Interrupt.NONE:
            return
        if interrupt is _Interrupt.STOP:
            raise StopRun()
        raise RerunRun()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no run is in progress or pending; ``False`` on timeout."""
        with self._cond:
            return self._cond.wait_for(
                lambda: self._state is not RunnerState.RUNNING and self._pending is None,
                timeout,
            )

    @property
    def running(self) -> bool:
        """Whether a run is executing on a script thread now (even one being shut down)."""
        return self._running_on is not None

    def shutdown(self, timeout: float = 1.0) -> None:
        """Stop running; a running script is interrupted at its next yield point.

        Waits up to ``timeout`` seconds for a run in progress to end (unless
        called from that run itself).
        """
        with self._cond:
            if self._state is RunnerState.SHUT_DOWN:
                return
            self._interrupt = _Interrupt.STOP
            self._pending = None
            self._move(RunnerState.SHUT_DOWN)
            self._cond.notify_all()
            if self._running_on is not threading.current_thread():
                self._cond.wait_for(lambda: self._running_on is None, timeout)

    def _run_once(self) -> None:
        """One run, on a script thread; a run still pending after it queues again."""
        with self._cond:
            self._queued = False
            if self._state is not RunnerState.IDLE or self._pending is None:
                self._cond.notify_all()
                return
            data, self._pending = self._pending, None
            self._running_full = not data.fragment_id
            self._interrupt = _Interrupt.NONE
            self._running_on = threading.current_thread()
            self._move(RunnerState.RUNNING)
        follow_up: RerunData | None = None
        try:
            # A fresh context per run, as a thread of its own would start with:
            # a context variable a script sets must not reach the next
            # session's run on this shared thread.
            follow_up = contextvars.Context().run(self._execute, data)
        except Exception:  # the session reports script errors itself
            _LOG.exception("script run of %s failed inside rillet", self._name)
        if self._collect_garbage:
            gc.collect()
        with self._cond:
            self._running_on = None
            if self.state is RunnerState.SHUT_DOWN:  # shut down while running
                self._cond.notify_all()
                return
            if follow_up is not None:
                self._pending = merge(follow_up, self._pending) if self._pending else follow_up
            self._move(RunnerState.IDLE)
            self._runs_done += 1
            again = self._pending is not None
            if again:
                # Behind the runs already waiting: sessions rerunning at once take turns.
                self._queued = True
                _WORKERS.submit(self._run_once)
            self._cond.notify_all()
