"""The build runner with a stand-in PyInstaller: progress line, log, failures, translations pruned."""

from __future__ import annotations

import io
import itertools
import os
import stat
import textwrap
from pathlib import Path

import pytest

from rillet_packaging.build import (
    Progress,
    describe_output,
    run_pyinstaller,
    unneeded_files,
    write_build_files,
)
from rillet_packaging.spec import PackError, PackSpec, VersionInfo


def make_spec(tmp_path: Path, **changes: object) -> PackSpec:
    base: dict[str, object] = {
        "script": tmp_path / "app.py",
        "name": "report",
        "entry": tmp_path / "build" / "report_launcher.py",
        "dist_dir": tmp_path / "dist",
        "work_dir": tmp_path / "build",
    }
    base.update(changes)
    return PackSpec(**base)  # type: ignore[arg-type]


def fake_python(tmp_path: Path, body: str) -> str:
    """An executable standing in for ``python -m PyInstaller ...``: runs the shell ``body``."""
    path = tmp_path / "fake-python"
    path.write_text("#!/bin/sh\n" + textwrap.dedent(body))
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


LOG = [
    "95 INFO: PyInstaller: 6.22.3",
    "120 INFO: Initializing module dependency graph...",
    "300 INFO: Analyzing /build/report_launcher.py",
    "900 INFO: Processing module hooks (post-graph stage)...",
    "1000 INFO: Analyzing hidden import 'csv'",
    "1100 INFO: Looking for dynamic libraries",
    "1200 INFO: Building PYZ (ZlibArchive) /build/PYZ-00.pyz",
    "1300 INFO: Building EXE from EXE-00.toc",
    "1400 INFO: Building COLLECT COLLECT-00.toc",
    "1500 INFO: Build complete! The results are available in: /dist",
]


def test_progress_prints_each_stage_once_in_order_off_a_terminal() -> None:
    out = io.StringIO()
    ticks = itertools.count()
    progress = Progress(out, tty=False, clock=lambda: float(next(ticks)))

    for line in LOG:
        progress.feed(line)

    assert out.getvalue().splitlines() == [
        "[   2 s] preparing",
        "[   3 s] analysing imports",
        "[   4 s] running hooks",
        "[   6 s] collecting libraries",
        "[   7 s] building the module archive",
        "[   8 s] building the executable",
        "[   9 s] collecting the folder",
        "[  10 s] done",
    ]
    assert progress.problems == []


def test_progress_rewrites_one_line_on_a_terminal() -> None:
    out = io.StringIO()
    progress = Progress(out, tty=True, clock=lambda: 0.0, width=60)

    for line in LOG[:4]:
        progress.feed(line)
    progress.finish()

    text = out.getvalue()
    assert "\n" not in text
    assert text.count("\r") == 3 + 2  # three stage lines, then the line is cleared
    assert "\r[   0 s] running hooks: Processing module hooks (post-graph " in text  # cut at 60
    assert text.endswith("\r" + " " * 60 + "\r")


def test_progress_keeps_error_lines_for_the_failure_message() -> None:
    progress = Progress(io.StringIO(), tty=False)

    progress.feed("100 ERROR: Hidden import 'nope' not found")
    progress.feed("Traceback (most recent call last):")
    progress.feed("200 WARNING: Library shell32 required via ctypes not found")

    assert progress.problems == [
        "100 ERROR: Hidden import 'nope' not found",
        "Traceback (most recent call last):",
    ]


def test_the_launcher_and_the_windows_version_file_are_written(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, platform="win32", version=VersionInfo("3.1"))

    write_build_files(spec)

    assert "from rillet_packaging.frozen import main" in spec.entry.read_text()
    assert spec.version_file is not None
    assert "filevers=(3, 1, 0, 0)" in spec.version_file.read_text()


def test_no_version_file_off_windows(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, version=VersionInfo("3.1"))

    write_build_files(spec)

    assert [p.name for p in spec.work_dir.iterdir()] == ["report_launcher.py"]


def test_a_failed_build_shows_its_errors_and_the_log(tmp_path: Path) -> None:
    python = fake_python(
        tmp_path,
        """
        echo "10 INFO: Analyzing /build/report_launcher.py"
        echo "20 ERROR: Hidden import 'nope' not found"
        echo "30 ERROR: something else broke"
        exit 3
        """,
    )
    spec = make_spec(tmp_path)

    with pytest.raises(PackError) as caught:
        run_pyinstaller(spec, ["--name", "report"], io.StringIO(), python=python)

    log = spec.work_dir / "pyinstaller.log"
    assert str(caught.value) == (
        "PyInstaller failed (exit code 3):\n"
        "  20 ERROR: Hidden import 'nope' not found\n"
        "  30 ERROR: something else broke\n"
        f"Full log: {log}"
    )
    assert log.read_text().count("\n") == 3


def test_a_build_runs_pyinstaller_with_the_argv_and_prunes_translations(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    translations = spec.output_path / "_internal" / "PyQt6" / "Qt6" / "translations"
    python = fake_python(
        tmp_path,
        f"""
        echo "$@" > {tmp_path}/args.txt
        mkdir -p {translations}/qtwebengine_locales
        touch {translations}/qtbase_de.qm {translations}/qt_fr.qm
        touch {translations}/qtwebengine_locales/en-US.pak {translations}/qtwebengine_locales/de.pak
        touch {spec.output_path}/report
        echo "1500 INFO: Build complete! The results are available in: /dist"
        """,
    )

    output = run_pyinstaller(spec, ["--name", "report", "--onedir"], io.StringIO(), python=python)

    assert output == spec.output_path
    assert (tmp_path / "args.txt").read_text().split() == [
        "-m",
        "PyInstaller",
        "--name",
        "report",
        "--onedir",
    ]
    left = sorted(
        p.relative_to(translations).as_posix() for p in translations.rglob("*") if p.is_file()
    )
    assert left == ["qtwebengine_locales/en-US.pak"]
    assert spec.entry.is_file()


def test_unneeded_files_are_qt_translations_and_the_devtools_pages(tmp_path: Path) -> None:
    qt = tmp_path / "_internal" / "PyQt6" / "Qt6"
    (qt / "translations" / "qtwebengine_locales").mkdir(parents=True)
    for name in ("translations/qt_de.qm", "translations/qtwebengine_locales/fr.pak",
                 "translations/qtwebengine_locales/en-US.pak", "resources/qtwebengine_resources.pak",
                 "resources/qtwebengine_devtools_resources.pak"):  # fmt: skip
        (qt / name).parent.mkdir(parents=True, exist_ok=True)
        (qt / name).write_bytes(b"x")

    found = unneeded_files(tmp_path)

    assert sorted(p.relative_to(qt).as_posix() for p in found) == [
        "resources/qtwebengine_devtools_resources.pak",
        "translations/qt_de.qm",
        "translations/qtwebengine_locales/fr.pak",
    ]


def test_the_summary_gives_the_size_and_what_to_run(tmp_path: Path) -> None:
    spec = make_spec(tmp_path)
    spec.output_path.mkdir(parents=True)
    (spec.output_path / "report").write_bytes(b"\x00" * 2_000_000)

    text = describe_output(spec)

    assert text.splitlines() == [
        f"Built {spec.output_path} (folder, 2 MB).",
        f"Run it: {spec.output_path / 'report'}",
        "Ship the whole folder report/ (the executable needs what is beside it).",
    ]


@pytest.mark.skipif(os.name == "nt", reason="the stand-in PyInstaller is a shell script")
def test_an_onefile_build_is_not_pruned(tmp_path: Path) -> None:
    spec = make_spec(tmp_path, onefile=True)
    python = fake_python(tmp_path, f"mkdir -p {spec.dist_dir}\ntouch {spec.output_path}\n")

    assert run_pyinstaller(spec, [], io.StringIO(), python=python) == spec.dist_dir / "report"
