"""What a cached ``conn.query`` adds to a rerun, rillet beside Streamlit.

Run ``python bench/connections.py`` (``--quick`` for fewer repeats). Each
figure is the median wall time of one more ``at.run()`` of an AppTest that
has run before: a two-line script, then the same script with
``st.connection(...)`` and a cached ``conn.query(...)`` of 1,000 rows from a
SQLite file. The difference is what the cached query costs per rerun
(target: at most 1 ms). Also prints whether ``import rillet`` loaded
SQLAlchemy, pandas or Authlib (it must not).
"""

from __future__ import annotations

import argparse
import importlib.util
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BASE = "import streamlit as st\nst.write('hello')\n"


def query_script(db: Path) -> str:
    return BASE + (
        f'conn = st.connection("local", type="sql", url="sqlite:///{db}")\n'
        'df = conn.query("select * from pets where kind = :k", params={"k": "dog"}, ttl=3600)\n'
    )


def make_db(folder: Path) -> Path:
    db = folder / "pets.db"
    with sqlite3.connect(db) as raw:
        raw.execute("create table pets (name text, kind text)")
        raw.executemany("insert into pets values (?, ?)", [(f"p{i}", "dog") for i in range(1000)])
    return db


def rerun_ms(make: Any, source: str, repeat: int) -> float:
    at = make(source)
    at.run(timeout=60)
    at.run(timeout=60)
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        at.run(timeout=60)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    repeat = 60 if parser.parse_args().quick else 400
    from rillet.testing import AppTest

    makers: dict[str, Any] = {
        "rillet": lambda src: AppTest.from_string(src, streamlit_alias=True),
    }
    if importlib.util.find_spec("streamlit") is not None:
        from streamlit.testing.v1 import AppTest as StreamlitAppTest

        makers["streamlit"] = StreamlitAppTest.from_string
    db = make_db(Path(tempfile.mkdtemp(prefix="rillet-bench-")))
    print(f"{'figure':<44}" + "".join(f"{name:>12}" for name in makers))
    rows: dict[str, list[float]] = {
        "rerun, trivial script (ms)": [],
        "rerun, + cached conn.query (ms)": [],
    }
    for make in makers.values():
        rows["rerun, trivial script (ms)"].append(rerun_ms(make, BASE, repeat))
        rows["rerun, + cached conn.query (ms)"].append(rerun_ms(make, query_script(db), repeat))
    rows["cost of the cached query (ms, target <= 1)"] = [
        b - a for a, b in zip(*rows.values(), strict=False)
    ]
    for label, values in rows.items():
        print(f"{label:<44}" + "".join(f"{v:>12.3f}" for v in values))
    code = (
        "import sys, rillet\n"
        "print(sorted(m for m in ('sqlalchemy', 'pandas', 'authlib', 'joserfc') if m in sys.modules))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    print(f"{'import rillet loads (must be [])':<44}{loaded.stdout.strip():>12}")


if __name__ == "__main__":
    main()
