"""build_argv: every PackSpec option becomes the PyInstaller flags it should, and nothing else."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from rillet_packaging.argv import (
    NEVER_PACKED,
    OPTIONAL_LIBRARIES,
    QT_UNUSED,
    build_argv,
    default_excludes,
    format_command,
    launcher_source,
    windows_version_file,
)
from rillet_packaging.spec import DataFile, PackError, PackSpec, VersionInfo

APP = Path("/apps/report/app.py")
WORK = Path("/build/report")


def make_spec(**changes: object) -> PackSpec:
    base: dict[str, object] = {
        "script": APP,
        "name": "report",
        "entry": WORK / "report_launcher.py",
        "dist_dir": Path("/apps/report/dist"),
        "work_dir": WORK,
    }
    base.update(changes)
    return PackSpec(**base)  # type: ignore[arg-type]


def values_of(argv: list[str], flag: str) -> list[str]:
    return [argv[i + 1] for i, arg in enumerate(argv) if arg == flag]


def test_the_minimal_spec_builds_a_windowed_folder_with_absolute_paths() -> None:
    assert build_argv(make_spec()) == [
        "/build/report/report_launcher.py",
        "--name", "report",
        "--noconfirm",
        "--distpath", "/apps/report/dist",
        "--workpath", "/build/report",
        "--specpath", "/build/report",
        "--onedir",
        "--windowed",
        "--log-level", "INFO",
        "--strip",
    ]  # fmt: skip


def test_onefile_replaces_onedir() -> None:
    argv = build_argv(make_spec(onefile=True))

    assert "--onefile" in argv
    assert "--onedir" not in argv


def test_console_replaces_windowed() -> None:
    argv = build_argv(make_spec(windowed=False))

    assert "--console" in argv
    assert "--windowed" not in argv


def test_clean_asks_pyinstaller_to_drop_its_cache() -> None:
    assert "--clean" in build_argv(make_spec(clean=True))
    assert "--clean" not in build_argv(make_spec())


@pytest.mark.parametrize(
    ("platform", "strip"), [("linux", True), ("win32", False), ("darwin", False)]
)
def test_binaries_are_stripped_on_linux_only(platform: str, strip: bool) -> None:
    assert ("--strip" in build_argv(make_spec(platform=platform))) is strip


@pytest.mark.parametrize(
    ("platform", "icon", "passed"),
    [
        ("win32", Path("/apps/report/icon.ico"), True),
        ("darwin", Path("/apps/report/icon.icns"), True),
        ("linux", Path("/apps/report/icon.png"), False),
    ],
)
def test_the_file_icon_is_given_to_pyinstaller_where_executables_have_one(
    platform: str, icon: Path, passed: bool
) -> None:
    argv = build_argv(make_spec(platform=platform, icon=icon))

    assert values_of(argv, "--icon") == ([str(icon)] if passed else [])


def test_no_icon_means_no_icon_flag() -> None:
    assert "--icon" not in build_argv(make_spec(platform="win32"))


def test_a_version_becomes_a_version_file_on_windows() -> None:
    spec = make_spec(platform="win32", version=VersionInfo("1.2.3"))

    assert values_of(build_argv(spec), "--version-file") == [str(WORK / "version_info.txt")]
    assert spec.version_file == WORK / "version_info.txt"


@pytest.mark.parametrize("platform", ["linux", "darwin"])
def test_a_version_is_not_passed_elsewhere(platform: str) -> None:
    spec = make_spec(platform=platform, version=VersionInfo("1.2.3"))

    assert "--version-file" not in build_argv(spec)
    assert spec.version_file is None


def test_every_data_file_is_one_add_data_in_order() -> None:
    datas = (
        DataFile(APP, "app"),
        DataFile(Path("/apps/report/pages/1_Sales.py"), "app/pages"),
        DataFile(Path("/apps/report/static"), "app/static"),
    )
    argv = build_argv(make_spec(datas=datas))

    assert values_of(argv, "--add-data") == [
        "/apps/report/app.py:app",
        "/apps/report/pages/1_Sales.py:app/pages",
        "/apps/report/static:app/static",
    ]


def test_hidden_imports_excludes_paths_and_hook_dirs_are_repeated_flags() -> None:
    spec = make_spec(
        hidden_imports=("csv", "pandas"),
        excludes=("PyQt6.QtSql", "sympy"),
        search_paths=(Path("/src/rillet"), Path("/src/rillet/server")),
        hook_dirs=(Path("/src/hooks"),),
    )
    argv = build_argv(spec)

    assert values_of(argv, "--hidden-import") == ["csv", "pandas"]
    assert values_of(argv, "--exclude-module") == ["PyQt6.QtSql", "sympy"]
    assert values_of(argv, "--paths") == ["/src/rillet", "/src/rillet/server"]
    assert values_of(argv, "--additional-hooks-dir") == ["/src/hooks"]


def test_build_argv_is_pure() -> None:
    spec = make_spec(hidden_imports=("csv",), datas=(DataFile(APP, "app"),))

    assert build_argv(spec) == build_argv(spec)


def test_the_dry_run_command_is_shell_quoted() -> None:
    spec = make_spec(name="My Report", datas=(DataFile(Path("/apps/my report/app.py"), "app"),))
    command = format_command(build_argv(spec))

    assert command.startswith("pyinstaller ")
    assert "--name 'My Report'" in command
    assert shlex.split(command)[1:] == build_argv(spec)


def test_unused_qt_modules_are_excluded_but_the_webview_ones_stay() -> None:
    excludes = default_excludes()

    for unused in ("Qt3DCore", "QtQuick3D", "QtMultimedia", "QtSql", "QtTest", "QtDesigner",
                   "QtBluetooth", "QtCharts", "QtDataVisualization", "QtPdf", "QtQml"):  # fmt: skip
        assert f"PyQt6.{unused}" in excludes
        assert f"PySide6.{unused}" in excludes
    for needed in ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtWebChannel",
                   "QtWebEngineCore", "QtWebEngineWidgets", "QtOpenGL", "QtOpenGLWidgets",
                   "QtPrintSupport"):  # fmt: skip
        assert needed not in QT_UNUSED
    assert set(OPTIONAL_LIBRARIES) <= set(excludes)
    assert set(NEVER_PACKED) <= set(excludes)


def test_what_a_real_pywebview_window_loads_is_never_excluded() -> None:
    import subprocess
    import sys

    code = (
        "import sys, json; import webview.platforms.qt, rillet_shell.qt_hooks;"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('PyQt6'))))"
    )
    pytest.importorskip("PyQt6.QtWebEngineWidgets")
    pytest.importorskip("webview")
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        check=True,
    )
    loaded = set(__import__("json").loads(done.stdout.strip().splitlines()[-1]))

    assert loaded, "the Qt backend loaded no PyQt6 module"
    assert loaded.isdisjoint(default_excludes())


def test_the_launcher_names_the_script_the_app_and_the_icon() -> None:
    source = launcher_source(make_spec(name="Report", icon=Path("/apps/report/logo.png")))

    assert "from rillet_packaging.frozen import main" in source
    assert "main(script='app.py', name='Report', icon='rillet-icon/logo.png')" in source
    compile(source, "launcher.py", "exec")


def test_the_launcher_quotes_awkward_names() -> None:
    source = launcher_source(make_spec(name='Bob\'s "app"'))

    namespace: dict[str, object] = {}
    calls: list[dict[str, object]] = []
    body = source.replace("from rillet_packaging.frozen import main\n", "").replace(
        "sys.exit(", "("
    )
    exec(compile(body, "launcher.py", "exec"), {"main": lambda **kw: calls.append(kw)}, namespace)
    assert calls == [{"script": "app.py", "name": 'Bob\'s "app"', "icon": None}]


def test_the_windows_version_file_holds_the_numbers_and_strings() -> None:
    info = VersionInfo("2.5", company="Acme", description="Sales report", copyright="(c) Acme")
    text = windows_version_file(make_spec(platform="win32", version=info))

    assert "filevers=(2, 5, 0, 0)" in text
    assert "prodvers=(2, 5, 0, 0)" in text
    assert "StringStruct('CompanyName', 'Acme')" in text
    assert "StringStruct('FileDescription', 'Sales report')" in text
    assert "StringStruct('FileVersion', '2.5.0.0')" in text
    assert "StringStruct('OriginalFilename', 'report.exe')" in text
    assert "StringStruct('LegalCopyright', '(c) Acme')" in text


def test_the_windows_version_file_describes_the_app_by_name_by_default() -> None:
    text = windows_version_file(make_spec(platform="win32", version=VersionInfo("1")))

    assert "StringStruct('FileDescription', 'report')" in text


@pytest.mark.parametrize("version", ["", "1.2.3.4.5", "1.x", "v1", "1..2", "70000"])
def test_a_bad_version_is_refused_with_the_accepted_form(version: str) -> None:
    with pytest.raises(PackError, match="expected one to four numbers below 65536"):
        VersionInfo(version).numbers()


@pytest.mark.parametrize(
    ("platform", "onefile", "windowed", "output", "executable"),
    [
        ("linux", False, True, "dist/report", "dist/report/report"),
        ("linux", True, True, "dist/report", "dist/report"),
        ("win32", False, True, "dist/report", "dist/report/report.exe"),
        ("win32", True, False, "dist/report.exe", "dist/report.exe"),
        ("darwin", False, True, "dist/report.app", "dist/report.app/Contents/MacOS/report"),
        ("darwin", False, False, "dist/report", "dist/report/report"),
    ],
)
def test_the_output_path_follows_platform_and_layout(
    platform: str, onefile: bool, windowed: bool, output: str, executable: str
) -> None:
    spec = make_spec(platform=platform, onefile=onefile, windowed=windowed, dist_dir=Path("dist"))

    assert spec.output_path == Path(output)
    assert spec.executable == Path(executable)
