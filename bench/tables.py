"""Table benchmarks: Arrow encoding, bytes on the wire, rerun caching, RSS added.

Run ``python bench/tables.py`` (``--quick`` skips the slow JSON path of the
large table). Each figure is a median; Streamlit's own conversion
(``streamlit.dataframe_util``, pyarrow underneath) runs beside rillet's in
the same process when Streamlit is installed. See bench/README.md.

The server side of the issue's targets: how soon ``st.dataframe`` of the
1,000,000-row table has its first rows' delta ready (the client draws from
it; the other rows follow in a second delta), the bytes of both frames and
of an unchanged rerun, and what one ``st.data_editor`` edit sends (the table
is not sent again) and costs the server: ``--edits-only`` serves
``bench/grid.py``'s 10,000 x 10 editor app with ``rillet run`` and edits it
over the protocol, printing the server's CPU time per edit rerun (every
thread, load-independent) and the time from an edit sent to its run's end.
The browser side (click → first rows painted, an edit's round trip) is
``bench/grid.py``.

``--reruns-only`` (also part of the full run): an unchanged rerun of an app
showing the 1,000,000-row table, through a real ``Session`` and a client's
``FrameEncoder``, each app in a fresh process (``--rounds`` of them,
interleaved): the script thread's CPU time and wall time per rerun
(medians of ``--reruns``), the bytes sent, and the RSS the process added
over the first run and after the reruns. The table is the same frame each
run (kept in session state) or a fresh copy out of ``st.cache_data``; a
20 x 10 table shows that small tables do not pay for it. ``--baseline
COMMIT`` runs rillet as it was at COMMIT beside it (``git archive``).

usage: python bench/tables.py [--quick] [--reruns-only [--reruns 10] [--rounds 3] [--baseline COMMIT]]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import itertools
import json
import math
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

ROWS_LARGE = 1_000_000


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def frame(rows: int) -> Any:
    """8 numeric columns (4 float64, 4 int64), one text, one datetime."""
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(0)
    data: dict[str, Any] = {}
    for i in range(4):
        data[f"f{i}"] = rng.random(rows)
        data[f"i{i}"] = rng.integers(0, 1_000_000, rows)
    data["name"] = [f"item {i % 5000}" for i in range(rows)]
    data["when"] = pd.date_range("2024-01-01", periods=rows, freq="s")
    return pd.DataFrame(data)


# ------------------------------------------------------------ the encoders


def rillet_arrow(data: Any) -> bytes:
    from rillet.dataframes import to_arrow_ipc

    return to_arrow_ipc(data)


def streamlit_arrow(data: Any) -> bytes:
    from streamlit import dataframe_util

    return bytes(dataframe_util.convert_anything_to_arrow_bytes(data))


def json_path(data: Any) -> bytes:
    """rillet's JSON path before Arrow: one document of rows, cells made JSON-safe."""

    def cell(value: Any) -> Any:
        kind = type(value)
        if kind is str or kind is int or kind is bool or value is None:
            return value
        if kind is float:
            return value if math.isfinite(value) else None
        if isinstance(value, (dt.datetime, dt.date)):
            return value.isoformat()
        if hasattr(value, "item"):
            return cell(value.item())
        return str(value)

    columns = [str(c) for c in data.columns]
    index = [cell(i) for i in data.index.tolist()]
    by_column = [[cell(v) for v in data.iloc[:, i].tolist()] for i in range(data.shape[1])]
    rows = [list(r) for r in zip(*by_column, strict=True)]
    text = json.dumps({"columns": columns, "index": index, "data": rows}, separators=(",", ":"))
    return text.encode()


# --------------------------------------------------------- rerun caching


def _frame(data: Any) -> Any:
    from rillet.api.table_frame import column_configs, frame_element
    from rillet.dataframes import to_table
    from rillet.dataframes.convert import Table

    return frame_element(
        data if isinstance(data, Table) else to_table(data),
        "dataframe",
        width="stretch",
        height="auto",
        use_container_width=None,
        configs=column_configs(None, "dataframe"),
        column_order=[],
    )


def _delta(element: Any) -> Any:
    from rillet.protocol import rillet_pb2 as pb

    return pb.ForwardMsg(delta=pb.Delta(path=[0, 0], new_element=element))


def first_rows(data: Any) -> tuple[float, float, int, int, int, int]:
    """st.dataframe's deltas (first rows, then one part more each) through one client's encoder.

    Returns (ms to the first rows' element, ms to the last element, first
    frame bytes, bytes of the other frames, how many frames, bytes of all
    of them again on an unchanged rerun). Times start from the data
    (conversion included), as ``Frame.emit`` builds them.
    """
    from rillet.api.table_frame import _part, part_bounds
    from rillet.protocol import rillet_pb2 as pb
    from rillet.runtime.outbox import FrameEncoder

    def deltas() -> tuple[list[Any], float, float]:
        start = time.perf_counter()
        frame = _frame(data)
        bounds = part_bounds(frame.table)
        parts: list[Any] = []
        msgs: list[Any] = []
        head_ms = 0.0
        for begin, stop in itertools.pairwise(bounds):
            parts.append(_part(frame.table.rows_slice(begin, stop)))
            last = stop >= frame.table.rows
            element = pb.Element()
            element.CopyFrom(frame.element)
            for part in parts:
                part.add_to(element.dataframe, bare=not last and part is not parts[-1])
            if not last:
                element.dataframe.num_rows = frame.table.rows
            msgs.append(_delta(element))
            head_ms = head_ms or (time.perf_counter() - start) * 1000
        return msgs, head_ms, (time.perf_counter() - start) * 1000

    encoder = FrameEncoder()
    msgs, head_ms, whole_ms = deltas()
    sent = [len(encoder.encode([m])) for m in msgs]
    again = sum(len(encoder.encode([m])) for m in deltas()[0])
    return head_ms, whole_ms, sent[0], sum(sent[1:]), len(sent), again


def edit_bytes(data: Any) -> tuple[int, int, float]:
    """A data editor's element sent, then again with one edit: (bytes, edit bytes, edit build ms).

    The edit's element is built as a rerun builds it: the same data (a
    copy, as ``st.cache_data`` gives it) is found again among the tables
    kept (``rillet.dataframes.kept``), then the element is made and encoded.
    """
    from rillet.api.table_frame import read_kept
    from rillet.dataframes import kept
    from rillet.runtime.outbox import FrameEncoder

    def frame_of(shown: Any) -> Any:
        read = read_kept(shown, "data_editor")
        return _frame(read.table).adopt(read)

    kept.clear()
    encoder = FrameEncoder()
    first = len(encoder.encode([_delta(frame_of(data).finished("{}")[0])]))
    edit = json.dumps({"edited_rows": {"3": {"i0": 1}}, "added_rows": [], "deleted_rows": []})
    copy = data.copy()
    start = time.perf_counter()
    element = frame_of(copy).finished(edit)[0]  # what a rerun rebuilds
    again = len(encoder.encode([_delta(element)]))
    return first, again, (time.perf_counter() - start) * 1000


# ------------------------------------------------- data editor: edit reruns


def _server_cpu_ms(pid: int) -> float:
    """CPU time of every thread of a process, in ms (nanoseconds from schedstat)."""
    from pathlib import Path

    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, IndexError, ValueError):  # a thread that just ended
            continue
    return total / 1e6


def edit_reruns(edits: int) -> tuple[float, float]:
    """``bench/grid.py``'s 10,000 x 10 editor app served by ``rillet run``, edited over its protocol.

    One WebSocket client (no browser) sends ``edits`` cell edits as the
    page does (the editor's whole value as ``json_value``), each after the
    last run finished. Returns the server's CPU time per edit rerun (every
    thread: the WebSocket, the script run, the outbox; from
    ``/proc/<pid>/task/*/schedstat``) and the median time from sending the
    edit to the run's end (no browser in it: ``bench/grid.py`` measures the
    round trip in Chromium).
    """
    import os
    import signal
    import tempfile
    from pathlib import Path

    import websockets.sync.client

    sys.path.insert(0, _here())
    from browser import answers, free_port
    from grid import EDIT_APP

    from rillet.protocol import rillet_pb2 as pb

    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "edit_app.py"
        app.write_text(EDIT_APP.format(module="rillet"))
        port = free_port()
        argv = [sys.executable, "-m", "rillet", "run", str(app), "--server.port", str(port),
                "--server.headless", "true", "--server.fileWatcherType", "none"]  # fmt: skip
        server = subprocess.Popen(
            argv,
            cwd=tmp,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        try:
            started = time.perf_counter()
            while not answers(port):
                if server.poll() is not None or time.perf_counter() - started > 60:
                    raise RuntimeError("rillet run did not answer")
                time.sleep(0.05)
            url = f"ws://127.0.0.1:{port}/_rillet/stream"
            with websockets.sync.client.connect(url, max_size=None, compression=None) as ws:

                def run(states: list[Any]) -> tuple[str, str]:
                    """Send a rerun; return the editor's widget id and the page's last text."""
                    request = pb.RerunRequest(widget_states=pb.WidgetStates(widgets=states))
                    ws.send(pb.BackMsg(rerun=request).SerializeToString())
                    editor, text = "", ""
                    while True:
                        batch = pb.ForwardBatch.FromString(ws.recv(timeout=30))
                        for msg in batch.msgs:
                            if msg.WhichOneof("type") == "script_finished":
                                return editor, text
                            if msg.delta.HasField("new_element"):
                                element = msg.delta.new_element
                                if element.WhichOneof("type") == "dataframe":
                                    editor = element.dataframe.common.id
                                elif element.WhichOneof("type") == "markdown":
                                    text = element.markdown.body

                ws.recv(timeout=30)  # NewSession
                editor, _ = run([])
                cpu, waits = [], []
                for i in range(1, edits + 1):
                    value = {
                        "edited_rows": {str(r): {"c1": 1000 + r} for r in range(1, i % 10 + 2)},
                        "added_rows": [],
                        "deleted_rows": [],
                    }
                    state = pb.WidgetState(id=editor, json_value=json.dumps(value))
                    before, sent = _server_cpu_ms(server.pid), time.perf_counter()
                    _, text = run([state])
                    waits.append((time.perf_counter() - sent) * 1000)
                    cpu.append(_server_cpu_ms(server.pid) - before)
                    if text != f"edits={i % 10 + 1}":
                        raise RuntimeError(f"edit {i}: the page shows {text!r}")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(10)
    return statistics.median(cpu), statistics.median(waits)


# ------------------------------------------------ unchanged reruns (Session)

RERUN_APP = """
import sys
sys.path.insert(0, {bench!r})
import rillet as st
from tables import frame
@st.cache_data
def load(rows):
    return frame(rows)
if {mode!r} == "cache":
    data = load({rows})  # a fresh copy each run, as st.cache_data gives it
elif "data" not in st.session_state:
    st.session_state.data = frame({rows})
st.button("Same")
st.dataframe(data if {mode!r} == "cache" else st.session_state.data)
"""


def rerun_child(mode: str, rows: int, repeat: int) -> dict[str, Any]:
    """Unchanged reruns of ``RERUN_APP`` through a real ``Session`` and a client's ``FrameEncoder``.

    Each run executes on this thread (``Session._execute``), so its thread
    CPU time is the script's and the encoder's. RSS (``/proc/self/statm``)
    is read before the first run, after it, and after the reruns.
    """
    import os
    import resource
    import tempfile
    from pathlib import Path

    import rillet
    from rillet.runtime.interrupts import RerunData

    sys.path.insert(0, _here())
    from core import encoded_session

    def rss_mb() -> float:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * resource.getpagesize() / 1e6

    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "app.py"
        script.write_text(RERUN_APP.format(bench=_here(), mode=mode, rows=rows))
        sent: list[int] = []
        session = encoded_session(script, sent)

        def rerun() -> tuple[float, float, int]:
            sent.clear()
            wall, cpu = time.perf_counter(), time.thread_time()
            session._execute(RerunData(widget_states=session.state.current_states()))
            return (time.thread_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000, sum(sent)

        try:
            before = rss_mb()
            first = rerun()
            after_first = rss_mb()
            rerun()
            runs = [rerun() for _ in range(repeat)]
            after = rss_mb()
        finally:
            session.close()
    return {
        "rillet": os.path.dirname(os.path.dirname(rillet.__file__)),
        "first_cpu_ms": first[0],
        "first_bytes": first[2],
        "cpu_ms": statistics.median(r[0] for r in runs),
        "wall_ms": statistics.median(r[1] for r in runs),
        "bytes": statistics.median(r[2] for r in runs),
        "rss_first_mb": after_first - before,
        "rss_after_mb": after - before,
    }


def unchanged_reruns(
    rows: int, repeat: int, rounds: int, baseline: str | None
) -> list[tuple[str, dict[str, Any]]]:
    """``rerun_child`` in fresh processes, rillet now (and at ``baseline``), interleaved rounds.

    Returns one row per (rillet, app) with the medians over the rounds.
    """
    import os
    import tempfile
    from pathlib import Path

    sys.path.insert(0, _here())
    from grid import checkout

    with tempfile.TemporaryDirectory() as tmp:
        trees: list[tuple[str, str | None]] = [("rillet", None)]
        if baseline:
            trees.append((f"rillet@{baseline}", str(checkout(baseline, Path(tmp) / "before"))))
        apps = [("state", rows, repeat), ("cache", rows, repeat), ("state", 20, repeat * 20)]
        results: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for _ in range(rounds):
            for name, tree in trees:
                for mode, n, times in apps:
                    env = dict(os.environ)
                    if tree is not None:
                        env["PYTHONPATH"] = tree + os.pathsep + env.get("PYTHONPATH", "")
                    spec = json.dumps([mode, n, times])
                    out = subprocess.run(
                        [sys.executable, __file__, "--rerun-child", spec],
                        capture_output=True,
                        text=True,
                        env=env,
                        check=False,
                    )
                    if out.returncode:
                        raise RuntimeError(out.stderr[-2000:])
                    result = json.loads(out.stdout.strip().splitlines()[-1])
                    if tree is not None and not result["rillet"].startswith(tree):
                        raise RuntimeError(f"the baseline ran rillet from {result['rillet']}")
                    label = (
                        f"{n:,} x 10, {'st.cache_data copy' if mode == 'cache' else 'same frame'}"
                    )
                    results.setdefault((name, label), []).append(result)
    return [
        (
            f"{name}: {label}",
            {k: statistics.median(r[k] for r in runs) for k in runs[0] if k != "rillet"},
        )
        for (name, label), runs in results.items()
    ]


def print_reruns(rows: list[tuple[str, dict[str, Any]]]) -> None:
    print(f"unchanged rerun through a Session, medians (load {_load()}):")
    head = "script thread CPU / wall per rerun; bytes; RSS added: 1st run / after reruns"
    print(f"  {'':<44}  {head}")
    for name, r in rows:
        print(
            f"  {name:<44}  {r['cpu_ms']:8.2f} / {r['wall_ms']:8.2f} ms; {r['bytes']:>9,.0f} B; "
            f"{r['rss_first_mb']:6.0f} / {r['rss_after_mb']:6.0f} MB"
            f"  (1st run {r['first_cpu_ms']:.0f} ms CPU)"
        )


# ------------------------------------------------------------------- RSS


_RSS_CODE = """
import sys
sys.path[:0] = {path!r}
import gc, resource
sys.argv = ["bench"]
from tables import frame, {encoder}
data = frame({rows})
gc.collect()
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()
before = rss()
payload = {encoder}(data)
print((rss() - before) / 1e6)
"""


def rss_added_mb(encoder: str, rows: int) -> float | None:
    """Resident memory the encoder adds (and keeps, with its result) in a fresh process."""
    code = _RSS_CODE.format(path=[_here()], encoder=encoder, rows=rows)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if out.returncode:
        print(out.stderr[-500:], file=sys.stderr)
        return None
    return float(out.stdout.strip().splitlines()[-1])


def _here() -> str:
    from pathlib import Path

    return str(Path(__file__).resolve().parent)


# -------------------------------------------------------------------- main


def _load() -> str:
    import os

    return f"{os.getloadavg()[0]:.1f}"


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MB":
        return f"{value:,.1f} MB"
    if unit == "B":
        return f"{value:,.0f} B"
    return f"{value:,.2f} ms" if value < 100 else f"{value:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the large table's JSON path")
    parser.add_argument("--rows", type=int, default=ROWS_LARGE)
    parser.add_argument("--edits", type=int, default=200, help="data editor edits to time")
    parser.add_argument(
        "--edits-only", action="store_true", help="only the data editor's edit reruns"
    )
    parser.add_argument(
        "--reruns-only", action="store_true", help="only the unchanged reruns through a Session"
    )
    parser.add_argument("--reruns", type=int, default=10, help="unchanged reruns per process")
    parser.add_argument("--rounds", type=int, default=3, help="processes per app (interleaved)")
    parser.add_argument("--baseline", metavar="COMMIT", help="also rillet at COMMIT (reruns)")
    parser.add_argument("--rerun-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rerun_child:
        print(json.dumps(rerun_child(*json.loads(args.rerun_child))))
        return
    if args.reruns_only:
        print_reruns(unchanged_reruns(args.rows, args.reruns, args.rounds, args.baseline))
        print(f"(load after: {_load()})")
        return
    streamlit = importlib.util.find_spec("streamlit") is not None
    if args.edits_only:
        cpu_ms, wait_ms = edit_reruns(args.edits)
        print(f"10,000 x 10 data_editor, {args.edits} edits over the protocol (load {_load()}):")
        print(f"  server CPU per edit rerun, median: {cpu_ms:.2f} ms")
        print(f"  edit sent → run finished, median:  {wait_ms:.2f} ms")
        print("  (the edit's round trip in a browser: python bench/grid.py)")
        return
    rows: list[tuple[str, float | None, float | None, str]] = []

    small = frame(20)
    rows.append(
        (
            "20 rows: Arrow encode",
            median_ms(lambda: rillet_arrow(small), 200),
            (median_ms(lambda: streamlit_arrow(small), 200) if streamlit else None),
            "ms",
        )
    )
    rows.append(
        (
            "20 rows: Arrow bytes",
            len(rillet_arrow(small)),
            (len(streamlit_arrow(small)) if streamlit else None),
            "B",
        )
    )
    rows.append(
        (
            "20 rows: JSON path encode (before Arrow)",
            median_ms(lambda: json_path(small), 200),
            None,
            "ms",
        )
    )
    rows.append(("20 rows: JSON path bytes (before Arrow)", len(json_path(small)), None, "B"))

    large = frame(args.rows)
    label = f"{args.rows:,} x 10"
    rows.append(
        (
            f"{label}: Arrow encode",
            median_ms(lambda: rillet_arrow(large), 3),
            (median_ms(lambda: streamlit_arrow(large), 3) if streamlit else None),
            "ms",
        )
    )
    rows.append(
        (
            f"{label}: Arrow bytes",
            len(rillet_arrow(large)),
            (len(streamlit_arrow(large)) if streamlit else None),
            "B",
        )
    )
    if not args.quick:
        start = time.perf_counter()
        encoded = json_path(large)
        rows.append(
            (
                f"{label}: JSON path encode (before Arrow)",
                (time.perf_counter() - start) * 1000,
                None,
                "ms",
            )
        )
        rows.append((f"{label}: JSON path bytes (before Arrow)", len(encoded), None, "B"))
        del encoded
    head_ms, whole_ms, head_bytes, rest_bytes, frames, again = first_rows(large)
    rows.append((f"{label}: st.dataframe, data → first rows' delta", head_ms, None, "ms"))
    rows.append((f"{label}: st.dataframe, data → last delta", whole_ms, None, "ms"))
    rows.append((f"{label}: first rows' frame bytes", head_bytes, None, "B"))
    rows.append((f"{label}: the other {frames - 1} frames' bytes", rest_bytes, None, "B"))
    rows.append((f"{label}: unchanged rerun, all {frames} frames' bytes", again, None, "B"))
    editor = frame(10_000)
    first, edited, edit_ms = edit_bytes(editor)
    rows.append(("10,000 x 10 data_editor: first frame bytes", first, None, "B"))
    rows.append(("10,000 x 10 data_editor: an edit's frame bytes", edited, None, "B"))
    rows.append(("10,000 x 10 data_editor: an edit's element build", edit_ms, None, "ms"))
    cpu_ms, wait_ms = edit_reruns(args.edits)
    rows.append(("10,000 x 10 data_editor: server CPU per edit rerun", cpu_ms, None, "ms"))
    rows.append(("10,000 x 10 data_editor: edit sent → run finished", wait_ms, None, "ms"))
    rows.append(
        (
            f"{label}: RSS added by the encode",
            rss_added_mb("rillet_arrow", args.rows),
            (rss_added_mb("streamlit_arrow", args.rows) if streamlit else None),
            "MB",
        )
    )

    print_reruns(unchanged_reruns(args.rows, args.reruns, args.rounds, args.baseline))
    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'rillet':>14}  {'streamlit':>14}")
    for name, ours, theirs, unit in rows:
        print(f"{name:<{width}}  {_fmt(ours, unit):>14}  {_fmt(theirs, unit):>14}")


if __name__ == "__main__":
    main()
