"""`rillet pack`: build time, packed folder size, and a packed app's cold start to content in its window.

Packs a counter app as a folder with ``rillet pack --webview gtk`` and
``--webview qt`` (PyInstaller), and as a ``.deb`` where ``dpkg-deb`` exists,
then starts each packed executable and looks inside its window (the same
measurement as ``bench/desktop.py``, whose helpers it uses: DevTools for Qt,
``rillet_shell.probe`` for WebKitGTK).
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

``--breakdown`` adds where each packed launch's start goes (see
``bench/desktop.py``); ``--lock FILE`` runs each build under ``flock FILE``
(builds take both cores of a shared machine: one at a time).
``--packed EXECUTABLE`` builds nothing and only times the launches of an app
packed before (``--keep DIR`` leaves ``DIR/gtk/dist/counter/counter``): the
cold start again on a quiet machine, in a minute.

usage: python bench/pack.py [--rounds 5] [--clicks 20] [--webview gtk|qt|both] [--keep DIR]
                            [--breakdown] [--lock FILE] [--packed EXECUTABLE]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desktop import APP, display, median_figures, one_round, show

TARGETS = {
    "build, fresh": "≤ 30 s (gtk)",
    "folder size": "≤ 40 MB (gtk)",
    "content in the window": "≤ 0.8 s (gtk)",
    "click round trip": "≤ 10 ms (gtk)",
}


LOCK: list[str] = []  # ["flock", FILE] with --lock: one build at a time on a shared machine


def pack(script: Path, work: Path, webview: str, *, clean: bool, deb: bool = False) -> float:
    command = [*LOCK, sys.executable, "-m", "rillet", "pack", str(script), "--webview", webview,
               "--dist", str(work / "dist"), "--build-dir", str(work / "build")]  # fmt: skip
    if clean:
        command.append("--clean")
    if deb:
        command += ["--format", "deb"]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clicks", type=int, default=20)
    parser.add_argument("--webview", choices=("gtk", "qt", "both"), default="both")
    parser.add_argument("--keep", type=Path, help="build here and keep the result")
    parser.add_argument("--breakdown", action="store_true", help="where each start's time goes")
    parser.add_argument("--lock", help="run each build under `flock LOCK`")
    parser.add_argument("--packed", type=Path, help="build nothing: launch this packed app")
    args = parser.parse_args()
    if args.lock:
        LOCK[:] = ["flock", args.lock]
    load_before = os.getloadavg()[0]
    if args.packed:
        launch_only(args.packed.resolve(), args, load_before)
        return
    if shutil.which("pyinstaller") is None and not _has_pyinstaller():
        sys.exit('PyInstaller is not installed: pip install "rillet[pack]"')
    webviews = ["gtk", "qt"] if args.webview == "both" else [args.webview]
    results: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep.resolve() if args.keep else Path(tmp)
        for webview in webviews:
            work = root / webview
            work.mkdir(parents=True, exist_ok=True)
            script = work / "counter" / "counter.py"
            script.parent.mkdir(exist_ok=True)
            script.write_text(APP)
            figures: dict[str, str] = {}
            figures["build, fresh"] = f"{pack(script, work, webview, clean=True):.1f} s"
            figures["build, again"] = f"{pack(script, work, webview, clean=False):.1f} s"
            folder = work / "dist" / "counter"
            executable = folder / "counter"
            figures["folder size"] = f"{folder_size(folder) / 1e6:.1f} MB"
            if shutil.which("dpkg-deb"):
                pack(script, work, webview, clean=False, deb=True)
                debs = sorted((work / "dist").glob("*.deb"))
                figures[".deb size"] = f"{debs[-1].stat().st_size / 1e6:.1f} MB"
            figures["smoke check"] = f"{smoke(executable, work / 'smoke-home'):.2f} s"
            with display():
                command = [str(executable)]
                first = one_round(command, work / "first", 2, webview)
                rounds = [
                    one_round(command, work / f"r{i}", args.clicks, webview, args.breakdown)
                    for i in range(args.rounds)
                ]
            figures["content in the window, first launch"] = (
                f"{first['content in the window']:.3f} s"
            )
            for name, value in median_figures(rounds).items():
                figures[name] = show(value, name)
            results[webview] = figures
    print(f"rillet pack, a counter app as a folder; {args.rounds} launches (median)")
    print(f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after\n")
    print(f"{'figure':<38}" + "".join(f"{w:>12}" for w in webviews) + "   target")
    for name in dict.fromkeys(name for w in webviews for name in results[w]):
        cells = "".join(f"{results[w].get(name, '-'):>12}" for w in webviews)
        print(f"{name:<38}{cells}   {TARGETS.get(name, '')}")


def launch_only(executable: Path, args: argparse.Namespace, load_before: float) -> None:
    """The launch figures of an app packed before (``--packed``): no build, no smoke check."""
    webview = "qt" if args.webview == "qt" else "gtk"
    command = [str(executable)]
    with tempfile.TemporaryDirectory() as tmp, display():
        first = one_round(command, Path(tmp) / "first", 2, webview)
        rounds = [
            one_round(command, Path(tmp) / f"r{i}", args.clicks, webview, args.breakdown)
            for i in range(args.rounds)
        ]
    print(f"{executable} ({webview}); {args.rounds} launches (median)")
    print(f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after\n")
    first_figure = f"{first['content in the window']:.3f} s"
    print(f"{'content in the window, first launch':<38}{first_figure:>12}")
    for name, value in median_figures(rounds).items():
        print(f"{name:<38}{show(value, name):>12}   {TARGETS.get(name, '')}")


def _has_pyinstaller() -> bool:
    import importlib.util

    return importlib.util.find_spec("PyInstaller") is not None


if __name__ == "__main__":
    main()
