"""`rillet pack`: build time, packed folder size, and a packed app's cold start to content in its window.

Packs a counter app as a folder with ``rillet pack`` (PyInstaller), then
starts the packed executable with Qt WebEngine's DevTools port open and
looks inside the window over the Chrome DevTools Protocol (the same
measurement as ``bench/desktop.py``, which it borrows its helpers from).
Figures:

- build, fresh: ``rillet pack`` into a new build folder after
  ``--clean`` (PyInstaller's module cache emptied, as on a first build);
- build, again: the same command once more (what a user waits for while
  iterating on the app);
- folder size: everything under ``dist/<name>/``;
- smoke check: ``<executable> --smoke`` (server up, health, every page run),
  start to exit;
- content in the window: process start until the app's text
  (``count=0``) is in the window's page, median over the rounds: what a
  user waits for after a double-click. The first launch (Qt and the
  freshly written files cold in the page cache) is shown separately.

Without a DISPLAY the benchmark starts its own Xvfb. Streamlit has no
packer of its own, so there is no column to compare with.

usage: python bench/pack.py [--rounds 5] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desktop import APP, Page, display, free_port, pages

TARGETS = {
    "build, fresh": "≤ 60 s",
    "folder size": "≤ 300 MB",
    "content in the window": "≤ 1.3 s",
}


def pack(script: Path, work: Path, *, clean: bool) -> float:
    command = [sys.executable, "-m", "rillet", "pack", str(script),
               "--dist", str(work / "dist"), "--build-dir", str(work / "build")]  # fmt: skip
    if clean:
        command.append("--clean")
    started = time.perf_counter()
    done = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"rillet pack failed:\n{done.stdout}\n{done.stderr}")
    return elapsed


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def smoke(executable: Path, home: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [str(executable), "--smoke"],
        env={**os.environ, "HOME": str(home)},
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"the packed app's smoke check failed:\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - started


def content_in_window(executable: Path, home: Path) -> float:
    """Seconds from process start until ``count=0`` is in the packed app's window."""
    debug_port = free_port()
    env = dict(
        os.environ,
        QTWEBENGINE_REMOTE_DEBUGGING=f"127.0.0.1:{debug_port}",
        QTWEBENGINE_CHROMIUM_FLAGS="--no-sandbox --disable-gpu",
        XDG_STATE_HOME=str(home / "state"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
    )
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    t0 = time.perf_counter()
    with open(os.environ.get("BENCH_STDERR", os.devnull), "ab") as stderr:
        proc = subprocess.Popen(
            [str(executable)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
    page: Page | None = None
    try:
        deadline = t0 + 90
        while time.perf_counter() < deadline and page is None:
            app = [p for p in pages(debug_port) if p.get("url", "").startswith("http")]
            if app:
                page = Page(app[0]["webSocketDebuggerUrl"])
            else:
                time.sleep(0.005)
        assert page is not None, "the app never loaded in the window"
        while time.perf_counter() < deadline:
            try:
                if "count=0" in (page.eval("document.body ? document.body.innerText : ''") or ""):
                    return time.perf_counter() - t0
            except Exception:
                pass
            time.sleep(0.005)
        raise TimeoutError("no content in the window within 90 s")
    finally:
        if page is not None:
            page.close()
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="build here and keep the result")
    args = parser.parse_args()
    if shutil.which("pyinstaller") is None and not _has_pyinstaller():
        sys.exit('PyInstaller is not installed: pip install "rillet[pack]"')
    figures: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep.resolve() if args.keep else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        script = work / "counter" / "counter.py"
        script.parent.mkdir(exist_ok=True)
        script.write_text(APP)
        figures["build, fresh"] = f"{pack(script, work, clean=True):.1f} s"
        figures["build, again"] = f"{pack(script, work, clean=False):.1f} s"
        folder = work / "dist" / "counter"
        executable = folder / "counter"
        figures["folder size"] = f"{folder_size(folder) / 1e6:.0f} MB"
        figures["smoke check"] = f"{smoke(executable, work / 'smoke-home'):.2f} s"
        with display():
            first = content_in_window(executable, work / "first")
            rounds = [content_in_window(executable, work / f"r{i}") for i in range(args.rounds)]
        figures["content in the window, first launch"] = f"{first:.3f} s"
        figures["content in the window"] = f"{statistics.median(rounds):.3f} s"
    print(f"rillet pack, a counter app as a folder; {args.rounds} launches (median)\n")
    print(f"{'figure':<38}{'rillet':>10}   target")
    for name, value in figures.items():
        print(f"{name:<38}{value:>10}   {TARGETS.get(name, '')}")


def _has_pyinstaller() -> bool:
    import importlib.util

    return importlib.util.find_spec("PyInstaller") is not None


if __name__ == "__main__":
    main()
