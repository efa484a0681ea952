"""Table benchmarks: Arrow encoding, bytes on the wire, rerun caching, RSS added.

Run ``python bench/tables.py`` (``--quick`` skips the slow JSON path of the
large table). Each figure is a median; Streamlit's own conversion
(``streamlit.dataframe_util``, pyarrow underneath) runs beside rillet's in
the same process when Streamlit is installed. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
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


def rerun_cache_ms(data: Any) -> tuple[float, float, int, int]:
    """st.dataframe's element through the outbox twice: first send, then the unchanged rerun.

    Returns (build ms, rerun encode ms, first frame bytes, rerun frame bytes).
    """
    from rillet.api.table_frame import column_configs, frame_element
    from rillet.dataframes import to_table
    from rillet.protocol import rillet_pb2 as pb
    from rillet.runtime.outbox import FrameEncoder

    def build() -> Any:
        return frame_element(
            to_table(data),
            "dataframe",
            width="stretch",
            height="auto",
            use_container_width=None,
            configs=column_configs(None, "dataframe"),
            column_order=[],
        )

    start = time.perf_counter()
    element, digest = build().finished()
    build_ms = (time.perf_counter() - start) * 1000
    encoder = FrameEncoder()

    def message() -> Any:
        return pb.ForwardMsg(delta=pb.Delta(path=[0, 0], new_element=element, element_hash=digest))

    first = encoder.encode([message()])
    rerun = message()  # as the script thread hands it over: the outbox's own cost is timed
    start = time.perf_counter()
    again = encoder.encode([rerun])
    rerun_ms = (time.perf_counter() - start) * 1000
    return build_ms, rerun_ms, len(first), len(again)


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
    args = parser.parse_args()
    streamlit = importlib.util.find_spec("streamlit") is not None
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
    build_ms, rerun_ms, first, again = rerun_cache_ms(large)
    rows.append((f"{label}: st.dataframe element build", build_ms, None, "ms"))
    rows.append((f"{label}: unchanged rerun, outbox encode (hash + ref)", rerun_ms, None, "ms"))
    rows.append((f"{label}: first frame bytes", first, None, "B"))
    rows.append((f"{label}: unchanged rerun frame bytes", again, None, "B"))
    rows.append(
        (
            f"{label}: RSS added by the encode",
            rss_added_mb("rillet_arrow", args.rows),
            (rss_added_mb("streamlit_arrow", args.rows) if streamlit else None),
            "MB",
        )
    )

    width = max(len(r[0]) for r in rows)
    print(f"{'figure':<{width}}  {'rillet':>14}  {'streamlit':>14}")
    for name, ours, theirs, unit in rows:
        print(f"{name:<{width}}  {_fmt(ours, unit):>14}  {_fmt(theirs, unit):>14}")


if __name__ == "__main__":
    main()
