"""components.v2 ``data`` holding a table: script-side cost and bytes on the wire.

Figures (medians over ``--rounds``), for ``data={"n": i, "df": frame}`` with
a ``--rows`` x 5 pandas frame (ints, floats, text, bools, datetimes):

- script side: CPU time (``time.process_time``, load-independent) to turn
  ``data`` into the element's fields: rillet (its own Arrow writer + a
  BLAKE2b hash), beside Streamlit's ``serialize_mixed_data`` (pyarrow) when
  Streamlit is installed;
- wire: the bytes of the component's delta when the table is new, and on
  a rerun that shows the same table with other JSON (the table travels as
  its hash), through the server's ``FrameEncoder``.

usage: python bench/component_v2_data.py [--rows 100000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import time
from collections.abc import Callable
from typing import Any


def _frame(rows: int) -> Any:
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(1)
    return pd.DataFrame(
        {
            "id": np.arange(rows),
            "value": rng.random(rows),
            "name": [f"name {i % 977}" for i in range(rows)],
            "flag": rng.random(rows) > 0.5,
            "when": pd.date_range("2024-01-01", periods=rows, freq="min"),
        }
    )


def _cpu_ms(work: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        work()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    from rillet.components.v2 import _split_data
    from rillet.protocol import rillet_pb2 as pb
    from rillet.runtime.outbox import FrameEncoder

    frame = _frame(args.rows)
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"data = {{'n': i, 'df': {args.rows:,} x 5 frame}}")

    def rillet_fields(n: int = 0) -> pb.BidiComponent:
        bidi = pb.BidiComponent(component_name="bench")
        _split_data({"n": n, "df": frame}, "bench").write(bidi)
        return bidi

    print(f"rillet: data -> element fields, CPU {_cpu_ms(rillet_fields, args.rounds):.1f} ms")
    if importlib.util.find_spec("streamlit") is not None:
        from streamlit.components.v2.bidi_component.serialization import serialize_mixed_data
        from streamlit.proto.BidiComponent_pb2 import BidiComponent

        def streamlit_fields() -> None:
            serialize_mixed_data({"n": 0, "df": frame}, BidiComponent())

        ms = _cpu_ms(streamlit_fields, args.rounds)
        print(f"streamlit: data -> element fields, CPU {ms:.1f} ms")

    encoder = FrameEncoder()
    sizes = []
    for n in (0, 1):
        msg = pb.ForwardMsg()
        msg.delta.path.extend([0, 0])
        msg.delta.new_element.bidi_component.CopyFrom(rillet_fields(n))
        sizes.append(len(encoder.encode([msg])))
    print(f"wire: first send {sizes[0]:,} B; rerun with the same table {sizes[1]:,} B")


if __name__ == "__main__":
    main()
