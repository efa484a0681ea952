"""What the runtime asks the file watcher to watch."""

from __future__ import annotations

from pathlib import Path

from rillet.runtime.runtime import Runtime


def _watched(script: Path) -> set[Path]:
    script.write_text("import rillet as st\n")
    runtime = Runtime(script)
    try:
        return runtime.watched_paths()
    finally:
        runtime.shutdown()


def test_the_script_its_pages_and_the_pages_folder_are_watched(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    page = tmp_path / "pages" / "1_Data.py"
    page.write_text("import rillet as st\n")

    watched = _watched(tmp_path / "app.py")

    assert {tmp_path / "app.py", page, tmp_path / "pages"} <= watched


def test_without_a_pages_folder_only_files_are_watched(tmp_path: Path) -> None:
    watched = _watched(tmp_path / "app.py")

    assert tmp_path / "app.py" in watched
    assert not any(p.is_dir() for p in watched)
