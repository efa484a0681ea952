"""`rillet pack` on the command line, and rillet's PyInstaller hooks."""

from __future__ import annotations

import json
import runpy
import shlex
import subprocess
import sys
from importlib import metadata
from pathlib import Path

import pytest

from rillet.cli import main
from rillet_packaging import checks
from rillet_packaging.hooks import HOOKS_DIR, get_hook_dirs
from rillet_packaging.qt_slim import SLIM_HOOKS_DIR, is_unused_plugin

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "multipage" / "app.py"


def test_dry_run_prints_the_shell_quoted_pyinstaller_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)

    code = main(["pack", str(SAMPLE), "--dry-run", "--name", "City Stats", "--onefile"])

    out, err = capsys.readouterr()
    assert code == 0
    assert err.startswith("rillet pack: --onefile: the app unpacks itself")
    argv = shlex.split(out)
    assert argv[0] == "pyinstaller"
    assert argv[1] == str(tmp_path / "build" / "City Stats" / "City_Stats_launcher.py")
    assert argv[argv.index("--name") + 1] == "City Stats"
    assert "--onefile" in argv
    assert f"{SAMPLE.parent / 'pages' / '1_Data.py'}:app/pages" in argv
    assert not (tmp_path / "build").exists(), "a dry run writes nothing"


def test_dry_run_needs_no_pyinstaller(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(checks.importlib.util, "find_spec", lambda name: None)

    assert main(["pack", str(SAMPLE), "--dry-run"]) == 0
    assert capsys.readouterr().out.startswith("pyinstaller ")


def test_notes_go_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\n")
    (tmp_path / ".rillet").mkdir()
    (tmp_path / ".rillet" / "secrets.toml").write_text("a = 1\n")

    assert main(["pack", str(script), "--dry-run", "--app-version", "1.0"]) == 0

    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("rillet pack: --version 1.0: version metadata is written into")
    assert err[1].startswith("rillet pack: .rillet/secrets.toml is left out")


def test_a_mistake_is_reported_before_any_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["pack", str(tmp_path / "missing.py")])

    assert code == 2
    assert capsys.readouterr().err == (
        f"rillet pack: error: app file '{tmp_path / 'missing.py'}' does not exist; "
        "pass the path of your app's .py file\n"
    )


def test_missing_pyinstaller_is_reported_first(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(checks.importlib.util, "find_spec", lambda name: None)

    assert main(["pack", str(SAMPLE)]) == 2
    assert 'install it with: pip install "rillet[pack]"' in capsys.readouterr().err


def test_onefile_and_onedir_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["pack", str(SAMPLE), "--onefile", "--onedir"])

    assert caught.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_the_hook_folder_holds_rillets_hooks() -> None:
    assert get_hook_dirs() == [str(HOOKS_DIR)]
    assert sorted(p.name for p in HOOKS_DIR.glob("hook-*.py")) == [
        "hook-rillet.py",
        "hook-rillet_server.py",
        "hook-rillet_shell.py",
    ]


def test_the_installed_rillet_declares_the_hooks_entry_point() -> None:
    # Every rillet distribution found (a stale rillet.egg-info in a checkout can
    # shadow the installed one, which is why `rillet pack` also passes the
    # folder with --additional-hooks-dir).
    declared = [
        {(p.group, p.value) for p in dist.entry_points}
        for dist in metadata.distributions()
        if dist.metadata["Name"] == "rillet"
    ]

    assert any(("pyinstaller40", "rillet_packaging.hooks:get_hook_dirs") in d for d in declared)


def test_the_rillet_hook_collects_lazy_modules_but_not_development_ones() -> None:
    pytest.importorskip("PyInstaller")

    hook = runpy.run_path(str(HOOKS_DIR / "hook-rillet.py"))

    hidden = set(hook["hiddenimports"])
    assert {"rillet.compat", "rillet.cli", "rillet.api.media", "rillet.runtime.runtime"} <= hidden
    assert not any(m.startswith(("rillet.testing", "rillet.protocol._generate")) for m in hidden)


def test_the_server_hook_collects_the_bundled_client() -> None:
    pytest.importorskip("PyInstaller")

    hook = runpy.run_path(str(HOOKS_DIR / "hook-rillet_server.py"))

    destinations = {(Path(src).name, dest) for src, dest in hook["datas"]}
    assert ("index.html", "rillet_server/static") in destinations
    assert any(dest == "rillet_server/static/assets" for _, dest in destinations)
    assert "rillet_server.watcher" in hook["hiddenimports"]


@pytest.mark.parametrize(
    ("source", "folder", "unused"),
    [
        ("libqgtk3.so", "PyQt6/Qt6/plugins/platformthemes", True),
        ("libqxdgdesktopportal.so", "PyQt6/Qt6/plugins/platformthemes", False),
        ("libqxcb.so", "PyQt6/Qt6/plugins/platforms", False),
        ("libqwayland.so", "PyQt6/Qt6/plugins/platforms", False),
        ("libqvnc.so", "PyQt6/Qt6/plugins/platforms", True),
        ("qminimal.dll", "PySide6/plugins/platforms", True),
        ("qwindows.dll", "PySide6/plugins/platforms", False),
        ("libqcocoa.dylib", "PyQt6/Qt6/plugins/platforms", False),
        ("libqpdf.so", "PyQt6/Qt6/plugins/imageformats", True),
        ("libqjpeg.so", "PyQt6/Qt6/plugins/imageformats", False),
        ("libcupsprintersupport.so", "PyQt6/Qt6/plugins/printsupport", True),
        ("libqnetworkmanager.so", "PyQt6/Qt6/plugins/networkinformation", True),
        ("libqopensslbackend.so", "PyQt6/Qt6/plugins/tls", False),
        ("libQt6Pdf.so.6", "PyQt6/Qt6/lib", False),  # a library: its users decide
    ],
)
def test_unused_qt_plugins_are_named_by_type_and_name(
    source: str, folder: str, unused: bool
) -> None:
    assert is_unused_plugin(f"/site-packages/{folder}/{source}", folder) is unused


def test_the_slim_qt_hook_is_pyinstallers_collection_less_unused_plugins() -> None:
    pytest.importorskip("PyInstaller")
    pytest.importorskip("PyQt6.QtGui", reason="the desktop extra (PyQt6)")
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies

    hook = runpy.run_path(str(SLIM_HOOKS_DIR / "hook-PyQt6.QtGui.py"))
    _, full, _ = add_qt6_dependencies(str(SLIM_HOOKS_DIR / "hook-PyQt6.QtGui.py"))

    kept = {Path(src).name for src, _ in hook["binaries"]}
    dropped = {Path(src).name for src, _ in full} - kept
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= kept
    assert {"libqgtk3.so", "libqpdf.so", "libqvnc.so", "libqeglfs.so"} <= dropped
    assert all(is_unused_plugin(src, dest) for src, dest in full if Path(src).name in dropped)


def test_the_slim_qt_hooks_are_for_rillet_pack_only() -> None:
    # Passed with --additional-hooks-dir by `rillet pack` (see test_pack_plan), never through
    # the entry point: another project's PyInstaller build keeps every Qt plugin.
    assert str(SLIM_HOOKS_DIR) not in get_hook_dirs()
    assert sorted(p.name for p in SLIM_HOOKS_DIR.glob("hook-*.py")) == sorted(
        f"hook-{binding}.{module}.py"
        for binding in ("PyQt6", "PySide6")
        for module in ("QtGui", "QtNetwork", "QtPrintSupport")
    )


def test_importing_the_packaging_package_loads_no_runtime_or_server() -> None:
    code = (
        "import json, sys; import rillet_packaging, rillet_packaging.frozen;"
        "from rillet_packaging import plan, build_argv;"
        "print(json.dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(json.loads(out.stdout))

    heavy = {"rillet", "rillet.runtime", "rillet_server", "rillet_shell", "tornado", "PyInstaller"}
    assert loaded.isdisjoint(heavy)
