"""Core benchmarks: import time, AppTest runs, and reruns through a session.

Run ``python bench/core.py`` (``--quick`` for fewer repeats). Every figure is
a median, printed side by side with Streamlit's when Streamlit is installed.
See bench/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TRIVIAL = 'import {mod} as st\nst.write("hello")\n'

# Fifty widgets of the common kinds, and a little text between them.
WIDGETS_50 = """
import {mod} as st
for i in range(10):
    st.checkbox(f"check {{i}}")
    st.selectbox(f"select {{i}}", ["a", "b", "c"])
    st.slider(f"slide {{i}}", 0, 100, 50)
    st.text_input(f"text {{i}}", "x")
    st.number_input(f"number {{i}}", value=1)
    st.write(i)
"""


@dataclass
class Row:
    name: str
    rillet: float | None
    streamlit: float | None
    unit: str
    target: str = ""


def has_streamlit() -> bool:
    return importlib.util.find_spec("streamlit") is not None


def median_ms(fn: Callable[[], object], repeat: int, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


# ------------------------------------------------------------------ import


def _import_env() -> dict[str, str]:
    """Bytecode cached, as for an installed package, but outside the source tree."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "rillet-bench-pycache")
    return env


def import_ms(module: str, repeat: int) -> float:
    """Median wall time of ``import module`` in a fresh interpreter (.pyc warm)."""
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    env = _import_env()
    times = []
    for attempt in range(repeat + 1):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
        ).stdout
        if attempt:  # the first run writes the bytecode cache
            times.append(float(out.strip().splitlines()[-1]))
    return statistics.median(times) * 1000


# ----------------------------------------------------------------- AppTest


def _apptest(mod: str, source: str) -> Any:
    if mod == "rillet":
        from rillet.testing import AppTest
    else:
        from streamlit.testing.v1 import AppTest as AppTest  # type: ignore[assignment]
    return AppTest.from_string(source.format(mod=mod), default_timeout=30)


def apptest_first_run_ms(mod: str, source: str, repeat: int) -> float:
    """A fresh AppTest's first run (script compiled, thread started)."""
    return median_ms(lambda: _apptest(mod, source).run(), repeat)


def apptest_rerun_ms(mod: str, source: str, repeat: int) -> float:
    """Another run of an AppTest that has run before."""
    at = _apptest(mod, source)
    at.run()
    return median_ms(at.run, repeat)


# --------------------------------------------------------- session reruns


def encoded_session(script: Path, sent: list[int]) -> Any:
    """A ``Session`` of ``script`` whose runs go through a client's ``FrameEncoder``.

    Each batch's frame length is appended to ``sent``. Call
    ``session._execute(RerunData(...))`` to run it on this thread (a
    profiler sees it; no other run can interrupt it).
    """
    from rillet.protocol import rillet_pb2 as pb
    from rillet.runtime.media import InMemoryMediaStorage
    from rillet.runtime.outbox import FrameEncoder, Outbox
    from rillet.runtime.pages import PageRegistry
    from rillet.runtime.session import App, Session
    from rillet.runtime.uploads import InMemoryUploadStorage

    app = App(
        main_script=script,
        media=InMemoryMediaStorage(),
        uploads=InMemoryUploadStorage(),
        pages=PageRegistry(script),
    )
    encoder = FrameEncoder()

    def deliver(msgs: list[pb.ForwardMsg]) -> None:
        sent.append(len(encoder.encode(msgs)))

    session = Session(app, Outbox(deliver))
    session.runner.check_interrupt = lambda: None  # type: ignore[method-assign]
    return session


def session_rerun_ms(source: str, repeat: int) -> float:
    """One rerun at a time through a real Session: request -> finished.

    The outbox delivers to a no-op on the script thread (no event loop), so
    this is the runtime's own cost: applying widget states, the run itself,
    building and queueing every delta.
    """
    from rillet.protocol import rillet_pb2 as pb
    from rillet.runtime.interrupts import RerunData
    from rillet.runtime.media import InMemoryMediaStorage
    from rillet.runtime.outbox import Outbox
    from rillet.runtime.pages import PageRegistry
    from rillet.runtime.session import App, Session
    from rillet.runtime.uploads import InMemoryUploadStorage

    script = Path(tempfile.mkdtemp(prefix="rillet-bench-")) / "app.py"
    script.write_text(textwrap.dedent(source.format(mod="rillet")), encoding="utf-8")
    app = App(
        main_script=script,
        media=InMemoryMediaStorage(),
        uploads=InMemoryUploadStorage(),
        pages=PageRegistry(script),
    )
    finished = threading.Event()

    def deliver(msgs: list[pb.ForwardMsg]) -> None:
        if msgs[-1].HasField("clear_stale"):
            finished.set()

    session = Session(app, Outbox(deliver))
    try:

        def one() -> None:
            finished.clear()
            # What a client sends: every live widget's value.
            session.request_rerun(RerunData(widget_states=session.state.current_states()))
            if not finished.wait(30):
                raise RuntimeError("the benchmark run did not finish")

        return median_ms(one, repeat, warmup=3)
    finally:
        session.close()


# -------------------------------------------------------------------- table


def measure(quick: bool) -> list[Row]:
    n_import = 5 if quick else 15
    n_run = 20 if quick else 100
    n_first = 5 if quick else 20
    streamlit = has_streamlit()

    def both(fn: Callable[[str], float]) -> tuple[float, float | None]:
        return fn("rillet"), (fn("streamlit") if streamlit else None)

    rows = [
        Row("import", *both(lambda m: import_ms(m, n_import)), "ms", "<= 60"),
        Row(
            "AppTest first run, trivial script",
            *both(lambda m: apptest_first_run_ms(m, TRIVIAL, n_first)),
            "ms",
        ),
        Row(
            "AppTest rerun, trivial script",
            *both(lambda m: apptest_rerun_ms(m, TRIVIAL, n_run)),
            "ms",
            "<= 2",
        ),
        Row(
            "AppTest rerun, 50 widgets",
            *both(lambda m: apptest_rerun_ms(m, WIDGETS_50, max(n_run // 4, 5))),
            "ms",
        ),
        Row("Session rerun, trivial script", session_rerun_ms(TRIVIAL, n_run), None, "ms"),
        Row("Session rerun, 50 widgets", session_rerun_ms(WIDGETS_50, n_run), None, "ms"),
    ]
    per_second = 1000 / rows[-1].rillet if rows[-1].rillet else None
    rows.append(Row("Session reruns per second, 50 widgets", per_second, None, "/s"))
    return rows


def render(rows: list[Row]) -> str:
    def cell(value: float | None, unit: str) -> str:
        if value is None:
            return "-"
        return f"{value:,.0f} {unit}" if unit == "/s" else f"{value:.2f} {unit}"

    header = ("figure", "rillet", "streamlit", "target")
    table = [header] + [
        (r.name, cell(r.rillet, r.unit), cell(r.streamlit, r.unit), r.target) for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(4)]
    lines = []
    for index, row in enumerate(table):
        lines.append(
            "  ".join(
                cell.ljust(w) if i == 0 else cell.rjust(w)
                for i, (cell, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, rougher figures")
    args = parser.parse_args(argv)
    # Streamlit's AppTest logs a bare-mode warning per run thread; keep the table readable.
    logging.disable(logging.WARNING)
    print(f"python {sys.version.split()[0]}, {'quick' if args.quick else 'full'} run")
    print(render(measure(args.quick)))


if __name__ == "__main__":
    main()
