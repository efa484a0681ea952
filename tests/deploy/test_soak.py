"""A short soak through ``bench/load.py``: sessions rerun with scripted values and never mix up."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rillet_bench_load", ROOT / "bench" / "load.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_thirty_sessions_rerunning_each_see_only_their_own_values_and_rss_stays_flat(
    tmp_path: Path,
) -> None:
    load = _load_bench()
    server = load.Server(load.RilletProtocol(), load.TRIVIAL, tmp_path)
    try:
        # On a thread of its own: Playwright's sync API (the browser tests)
        # keeps an event loop running on the main thread.
        with ThreadPoolExecutor(1) as pool:
            result = pool.submit(asyncio.run, load.soak(server, sessions=30, reruns=60)).result()
    finally:
        server.stop()
    assert (result.sessions, result.reruns, result.mixups) == (30, 60, 0)
    # After warm-up, 1,800 reruns leave the server's memory where it was.
    assert abs(result.growth) < 0.10, (result.rss_after_warmup_kib, result.rss_end_kib)
