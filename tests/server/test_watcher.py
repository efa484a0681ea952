"""The source watcher: debounced, re-reads what to watch, falls back to polling."""

from __future__ import annotations

import sys
import time
import types
from pathlib import Path

import pytest


def _wait_for(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


@pytest.fixture
def app_dir(runtime) -> Path:
    runtime.watched = {runtime.script_path}
    return runtime.script_path.parent


@pytest.mark.parametrize("kind", ["auto", "poll"])
def test_a_burst_of_writes_is_reported_once(serve, runtime, app_dir: Path, kind: str) -> None:
    serve({"server.fileWatcherType": kind})
    time.sleep(0.1)
    for i in range(3):
        runtime.script_path.write_text(f"x = {i}\n")
    (app_dir / "notes.txt").write_text("not watched")
    _wait_for(lambda: runtime.changes)
    time.sleep(0.8 if kind == "poll" else 0.3)
    assert runtime.changes == [{runtime.script_path}]


def test_a_module_imported_later_is_watched_after_a_refresh(
    serve, runtime, app_dir, monkeypatch
) -> None:
    running = serve({"server.fileWatcherType": "auto"})
    helpers = app_dir / "lib" / "helpers.py"
    helpers.parent.mkdir()
    helpers.write_text("A = 1\n")
    with runtime.lock:
        runtime.watched.add(helpers)
    # What a run importing a new module looks like to the watcher.
    monkeypatch.setitem(sys.modules, "lib.helpers", types.ModuleType("lib.helpers"))
    _wait_for(lambda: helpers.parent in running.server.watcher.watched_dirs)
    helpers.write_text("A = 2\n")
    _wait_for(lambda: runtime.changes)
    assert runtime.changes == [{helpers}]


def test_fallback_to_polling_when_native_watching_fails(
    serve, runtime, app_dir, monkeypatch
) -> None:
    from watchdog.observers import Observer

    def refuse(*args, **kwargs):
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(Observer, "schedule", refuse)
    running = serve({"server.fileWatcherType": "auto"})
    _wait_for(running.server.watcher._is_polling)
    runtime.script_path.write_text("changed = True\n")
    _wait_for(lambda: runtime.changes)


def test_watcher_type_none_creates_no_watcher(serve) -> None:
    assert serve({"server.fileWatcherType": "none"}).server.watcher is None


def test_a_new_python_file_in_a_watched_folder_is_a_change(serve, runtime, app_dir) -> None:
    # The runtime watches pages/ itself, so a page added while the app runs shows up.
    pages = app_dir / "pages"
    pages.mkdir()
    with runtime.lock:
        runtime.watched.add(pages)
    running = serve({"server.fileWatcherType": "auto"})
    _wait_for(lambda: pages in running.server.watcher.watched_dirs)
    (pages / ".2_Report.py.swp").write_text("editor state")
    (pages / "notes.txt").write_text("not a page")
    (pages / "2_Report.py").write_text("import rillet as st\n")
    _wait_for(lambda: runtime.changes)
    time.sleep(0.3)
    assert runtime.changes == [{pages / "2_Report.py"}]
