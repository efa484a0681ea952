"""Run the build a :class:`PackSpec` describes: write the launcher, run PyInstaller, tidy the result.

PyInstaller runs in a child process (``python -m PyInstaller``) with the
argv from :func:`rillet_packaging.argv.build_argv`. Its log goes, whole,
to ``<work_dir>/pyinstaller.log``; the terminal gets one progress line
(the build's stage and elapsed time), and on failure the log's errors.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from rillet_packaging import strip_guard
from rillet_packaging.argv import launcher_source, windows_version_file
from rillet_packaging.spec import PackError, PackSpec

# (pattern in a PyInstaller log line, the stage it starts), in build order.
STAGES: tuple[tuple[str, str], ...] = (
    ("Initializing module dependency graph", "preparing"),
    ("Analyzing ", "analysing imports"),
    ("Processing module hooks", "running hooks"),
    ("Performing binary vs. data reclassification", "collecting files"),
    ("Looking for dynamic libraries", "collecting libraries"),
    ("Building PYZ", "building the module archive"),
    ("Building PKG", "building the package"),
    ("Building EXE", "building the executable"),
    ("Building COLLECT", "collecting the folder"),
    ("Building BUNDLE", "building the .app bundle"),
    ("Build complete", "done"),
)
_LOG_LINE = re.compile(r"^\d+\s+(INFO|WARNING|ERROR|DEBUG|CRITICAL):\s*(.*)$")
# QtWebEngine falls back to en-US.pak for any locale.
KEEP_LOCALE = "en-US.pak"


class Progress:
    """Turns PyInstaller's log lines into one progress line.

    On a terminal the line is rewritten in place; elsewhere (CI logs) one
    line is printed per stage.

    Example:
        >>> import io
        >>> out = io.StringIO()
        >>> progress = Progress(out, tty=False, clock=lambda: 0.0)
        >>> progress.feed("120 INFO: Building PYZ (ZlibArchive) /w/PYZ-00.pyz")
        >>> out.getvalue()
        '[   0 s] building the module archive\\n'
    """

    def __init__(
        self,
        out: TextIO,
        *,
        tty: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        width: int = 100,
    ) -> None:
        self.out = out
        self.tty = out.isatty() if tty is None else tty
        self.clock = clock
        self.started = clock()
        self.stage = ""
        self.index = -1
        self.width = width
        self.problems: list[str] = []

    def feed(self, line: str) -> None:
        """Read one line of PyInstaller's log."""
        line = line.rstrip()
        match = _LOG_LINE.match(line)
        level, text = (match.group(1), match.group(2)) if match else ("", line)
        if level in ("ERROR", "CRITICAL") or line.startswith(("Traceback", "SystemExit")):
            self.problems.append(line)
        elapsed = self.clock() - self.started
        # Stages only move forward: a later line may repeat an earlier pattern.
        for index in range(self.index + 1, len(STAGES)):
            pattern, stage = STAGES[index]
            if pattern in text:
                self.index, self.stage = index, stage
                if not self.tty:
                    self.out.write(f"[{elapsed:4.0f} s] {stage}\n")
                    self.out.flush()
                break
        if self.tty and self.stage:
            status = f"[{elapsed:4.0f} s] {self.stage}: {text}"
            self.out.write("\r" + status[: self.width].ljust(self.width))
            self.out.flush()

    def finish(self) -> None:
        """End the progress line (on a terminal)."""
        if self.tty:
            self.out.write("\r" + " " * self.width + "\r")
            self.out.flush()


def write_build_files(spec: PackSpec) -> None:
    """Write the generated launcher (and Windows version file) into the build folder."""
    spec.work_dir.mkdir(parents=True, exist_ok=True)
    _write_if_changed(spec.entry, launcher_source(spec))
    if spec.version_file is not None:
        _write_if_changed(spec.version_file, windows_version_file(spec))


def _write_if_changed(path: Path, text: str) -> None:
    # PyInstaller rebuilds the executable when its entry script's mtime moves.
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def run_pyinstaller(
    spec: PackSpec,
    argv: list[str],
    out: TextIO,
    *,
    python: str = sys.executable,
) -> Path:
    """Build ``spec`` with PyInstaller; return what the user runs.

    Raises:
        PackError: PyInstaller failed; the message holds its errors and the log's path.
    """
    write_build_files(spec)
    log_path = spec.work_dir / "pyinstaller.log"
    progress = Progress(out)
    command = [python, "-m", "PyInstaller", *argv]
    env = dict(os.environ)
    # rillet's hooks read which webview the build packs (hooks/hook-rillet_shell.py).
    env["RILLET_PACK_WEBVIEW"] = spec.webview or ""
    if "--strip" in argv:
        # strip breaks some manylinux libraries (numpy's OpenBLAS); see strip_guard.
        env.update(strip_guard.environment(spec.work_dir, env))
    with (
        open(log_path, "w", encoding="utf-8") as log,
        subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
            env=env,
        ) as process,
    ):
        assert process.stdout is not None
        try:
            for line in process.stdout:
                log.write(line)
                progress.feed(line)
            code = process.wait()
        except KeyboardInterrupt:
            process.terminate()
            process.wait()
            progress.finish()
            raise PackError("the build was interrupted") from None
    progress.finish()
    if code != 0:
        shown = "\n".join(f"  {p}" for p in progress.problems[-15:]) or "  (no error lines)"
        raise PackError(f"PyInstaller failed (exit code {code}):\n{shown}\nFull log: {log_path}")
    if not spec.onefile:
        remove_files(unneeded_files(spec.output_path))
    return spec.output_path


def unneeded_files(bundle: Path) -> list[Path]:
    """Files a folder build collected that the packed app never reads.

    Qt's translations: the ``.qm`` files translate Qt's own dialogs and
    widgets (rillet's window is a web page), and QtWebEngine needs one
    locale file, falling back to ``en-US.pak``. And the DevTools inspector's
    own pages (12 MB): the DevTools protocol still answers without them.

    Example:
        >>> unneeded_files(Path("/nonexistent"))
        []
    """
    found: list[Path] = []
    for translations in bundle.glob("**/Qt6/translations"):
        found += sorted(translations.glob("*.qm"))
        found += sorted(
            p for p in translations.glob("qtwebengine_locales/*.pak") if p.name != KEEP_LOCALE
        )
    found += sorted(bundle.glob("**/Qt6/resources/qtwebengine_devtools_resources.pak"))
    # The web client's precompressed copies: the window reads the client over
    # loopback, where the server sends the plain file as well (5 MB).
    for static in bundle.glob("**/rillet_server/static"):
        found += sorted(
            gz for gz in static.rglob("*.gz") if gz.with_name(gz.name[: -len(".gz")]).is_file()
        )
    return found


def remove_files(paths: Iterable[Path]) -> int:
    """Delete ``paths``; return the bytes freed."""
    freed = 0
    for path in paths:
        freed += path.stat().st_size
        path.unlink()
    return freed


def folder_size(path: Path) -> int:
    """Bytes in ``path`` (a file, or a folder and everything below it)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def describe_output(spec: PackSpec) -> str:
    """What to tell the user when the build is done."""
    size = folder_size(spec.output_path) / 1e6
    kind = "file" if spec.onefile else "folder"
    run = spec.executable
    lines = [f"Built {spec.output_path} ({kind}, {size:.0f} MB).", f"Run it: {run}"]
    if not spec.onefile and not spec.is_macos:
        lines.append(
            f"Ship the whole folder {spec.output_path.name}/ (the executable needs what is beside it)."
        )
    return "\n".join(lines)
