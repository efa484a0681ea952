"""What a small table's JSON first rows (``DataFrame.first_rows_json``) cost the server and save the client.

For the 20 x 10 table of ``bench/table_paint.py`` (8 float columns, text,
datetimes, a range index), in CPU time (``time.process_time``, so other
work on the machine inflates it little):

- server: writing the first rows (``rillet.dataframes.preview``) beside the
  Arrow stream, and the whole ``st.dataframe`` element made and measured
  (``to_table`` → ``Frame.size`` → ``Frame.finished``) with and without
  them (8 interleaved rounds, medians), per table;
- client (Node, the grid's own modules bundled with rolldown): reading the
  table's cells from the Arrow payload (flechette, what the first paint did
  in the initial bundle) against reading them from the JSON first rows
  (what it does now), per table: warm (a loop) and a first call in a fresh
  process (a page's first table, code not yet compiled; 9 interleaved runs).

usage: python bench/first_rows.py [--rows 20] [--repeat 2000]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
FRONTEND = ROOT / "bundled_frontend"

CLIENT = """
import { readFileSync } from "node:fs";
import { parseColumnsJson, tableFromArrow } from "%(src)s/table/arrow";
import { tableFromFirstRows } from "%(src)s/table/firstRows";
const input = JSON.parse(readFileSync(process.argv[2], "utf-8"));
const arrow = new Uint8Array(Buffer.from(input.arrow, "base64"));
const repeat = Number(process.argv[3]);
const mode = process.argv[4];
function cells(table) {
  let n = 0;
  for (const column of table.columns) for (let r = 0; r < table.numRows; r++) if (column.get(r) !== null) n++;
  return n;
}
function time(read) {
  for (let i = 0; i < 200; i++) read(); // warm up the JIT
  const start = process.cpuUsage();
  let n = 0;
  for (let i = 0; i < repeat; i++) n += read();
  const used = process.cpuUsage(start);
  return { us: (used.user + used.system) / repeat, cells: n / repeat };
}
const readArrow = () => cells(tableFromArrow(arrow, input.indexColumns, parseColumnsJson(input.columnsJson)));
const readJson = () =>
  cells(tableFromFirstRows(input.firstRowsJson, input.indexColumns, parseColumnsJson(input.columnsJson)));
if (mode !== "warm") {
  // A page's first table: the first call, code not yet compiled (a fresh process per reader).
  const start = performance.now();
  (mode === "arrow" ? readArrow : readJson)();
  console.log(JSON.stringify({ us: (performance.now() - start) * 1000 }));
  process.exit(0);
}
// Each read starts from the element's fields, as a first paint does (columns_json parsed each time).
const fromArrow = time(() => cells(tableFromArrow(arrow, input.indexColumns, parseColumnsJson(input.columnsJson))));
const fromJson = time(() =>
  cells(tableFromFirstRows(input.firstRowsJson, input.indexColumns, parseColumnsJson(input.columnsJson))),
);
console.log(JSON.stringify({ fromArrow, fromJson }));
"""


def cpu_us(fn: object, repeat: int) -> float:
    assert callable(fn)
    for _ in range(min(repeat, 50)):
        fn()
    start = time.process_time()
    for _ in range(repeat):
        fn()
    return (time.process_time() - start) / repeat * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=2000)
    args = parser.parse_args()
    import numpy as np
    import pandas as pd

    from rillet.api.table_frame import frame_element
    from rillet.dataframes.convert import to_table
    from rillet.dataframes.preview import first_rows_json

    rng = np.random.default_rng(0)
    columns: dict[str, object] = {f"n{i}": rng.standard_normal(args.rows) for i in range(8)}
    columns["s"] = [f"row {i}" for i in range(args.rows)]
    columns["t"] = pd.date_range("2020-01-01", periods=args.rows, freq="min")
    data = pd.DataFrame(columns)
    table = to_table(data)

    def element(preview: bool) -> int:
        frame = frame_element(to_table(data), "dataframe", width="stretch", height=500,
                              use_container_width=None, configs={}, column_order=[])  # fmt: skip
        if not preview:
            frame._first_rows = ""
        size = frame.size()
        frame.finished()
        return size

    print(f"load average: {os.getloadavg()[0]:.2f}")
    preview_us = cpu_us(lambda: first_rows_json(table), args.repeat)
    with_runs: list[float] = []
    without_runs: list[float] = []
    for _ in range(8):  # interleaved rounds, medians
        with_runs.append(cpu_us(lambda: element(True), args.repeat // 8))
        without_runs.append(cpu_us(lambda: element(False), args.repeat // 8))
    with_us, without_us = statistics.median(with_runs), statistics.median(without_runs)
    grown = element(True) - element(False)
    print(f"{args.rows} x 10 table, server CPU per table:")
    print(
        f"  first rows JSON alone           {preview_us:8.1f} us ({grown} bytes more in the element)"
    )
    print(f"  st.dataframe element, with them {with_us:8.1f} us")
    print(f"  st.dataframe element, without   {without_us:8.1f} us")

    fixture = {
        "arrow": base64.b64encode(table.to_arrow()).decode(),
        "indexColumns": table.index_columns,
        "columnsJson": table.columns_json(),
        "firstRowsJson": first_rows_json(table),
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "input.json").write_text(json.dumps(fixture))
        entry = folder / "bench.ts"  # imports the grid's modules from the source tree
        entry.write_text(CLIENT % {"src": (FRONTEND / "src").as_posix()})
        subprocess.run(
            [str(FRONTEND / "node_modules" / ".bin" / "rolldown"), str(entry), "-f", "esm",
             "-o", str(folder / "bench.mjs")],
            check=True, capture_output=True,
        )  # fmt: skip

        def node(mode: str) -> Any:
            return json.loads(subprocess.run(
                ["node", str(folder / "bench.mjs"), str(folder / "input.json"), str(args.repeat), mode],
                check=True, capture_output=True, text=True,
            ).stdout)  # fmt: skip

        result = node("warm")
        cold: dict[str, list[float]] = {"arrow": [], "json": []}
        for _ in range(9):  # interleaved fresh processes
            for mode in cold:
                cold[mode].append(node(mode)["us"])
    print(f"{args.rows} x 10 table, client CPU per table (Node), reading every cell:")
    print(f"  from the Arrow payload (flechette) {result['fromArrow']['us']:8.1f} us")
    print(f"  from the JSON first rows           {result['fromJson']['us']:8.1f} us")
    print("  first call in a fresh process (a page's first table), median of 9:")
    print(f"  from the Arrow payload (flechette) {statistics.median(cold['arrow']):8.1f} us")
    print(f"  from the JSON first rows           {statistics.median(cold['json']):8.1f} us")
    print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
