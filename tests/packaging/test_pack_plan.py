"""plan(): every mistake is caught before the build, in words the user can act on; what travels."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from rillet_packaging import checks
from rillet_packaging.plan import PackRequest, app_name, excludes_for, plan, rillet_source_roots
from rillet_packaging.spec import PackError, VersionInfo, parse_add_data

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "multipage" / "app.py"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
ICO = b"\x00\x00\x01\x00" + b"\x00" * 16
ICNS = b"icns" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16


@pytest.fixture
def app(tmp_path: Path) -> Path:
    script = tmp_path / "report" / "report.py"
    script.parent.mkdir()
    script.write_text("import rillet as st\nst.write('hi')\n", encoding="utf-8")
    return script


def request(script: Path, **changes: object) -> PackRequest:
    return PackRequest(script=script, cwd=script.parent, **changes)  # type: ignore[arg-type]


# -- the script ---------------------------------------------------------------


def test_a_missing_script_is_named(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"app file '.*nope\.py' does not exist; pass the path"):
        plan(request(tmp_path / "nope.py"))


def test_a_folder_is_not_a_script(tmp_path: Path) -> None:
    with pytest.raises(
        PackError, match=r"is a folder; pass the path of your app's \.py file in it"
    ):
        plan(request(tmp_path))


def test_a_script_must_be_a_python_file(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")

    with pytest.raises(PackError, match=r"'.*notes\.txt' is not a \.py file"):
        plan(request(notes))


def test_a_relative_script_is_read_from_the_current_folder(app: Path) -> None:
    spec = plan(PackRequest(script=Path("report.py"), cwd=app.parent))

    assert spec.script == app


def test_a_syntax_error_in_a_page_stops_the_plan_with_file_and_line(app: Path) -> None:
    page = app.parent / "pages" / "1_Broken.py"
    page.parent.mkdir()
    page.write_text("import rillet as st\nst.write(\n", encoding="utf-8")

    with pytest.raises(PackError, match=rf"{page}:2: syntax error"):
        plan(request(app))


# -- PyInstaller -------------------------------------------------------------


def test_missing_pyinstaller_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks.importlib.util, "find_spec", lambda name: None)

    with pytest.raises(PackError) as caught:
        checks.check_pyinstaller()

    assert str(caught.value) == (
        'PyInstaller is not installed; install it with: pip install "rillet[pack]"'
    )


def test_installed_pyinstaller_passes() -> None:
    pytest.importorskip("PyInstaller")

    checks.check_pyinstaller()


# -- the icon ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "content", "suffix"),
    [("linux", PNG, ".png"), ("win32", ICO, ".ico"), ("darwin", ICNS, ".icns")],
)
def test_an_icon_in_the_platform_format_is_accepted(
    app: Path, platform: str, content: bytes, suffix: str
) -> None:
    icon = app.parent / f"icon{suffix}"
    icon.write_bytes(content)

    spec = plan(request(app, icon=icon, platform=platform))

    assert spec.icon == icon
    assert any(d.source == icon and d.dest == "rillet-icon" for d in spec.datas)


@pytest.mark.parametrize(
    ("platform", "content", "message"),
    [
        ("linux", ICO, "is an ICO icon; on Linux the icon must be a .png image (.png)"),
        ("win32", PNG, "is a PNG image; on Windows the icon must be an .ico icon (.ico)"),
        ("darwin", PNG, "is a PNG image; on macOS the icon must be an .icns icon (.icns)"),
        ("win32", JPEG, "is a JPEG image; on Windows the icon must be an .ico icon"),
        ("linux", b"", "is an empty file; on Linux the icon must be a .png image"),
        ("linux", b"hello world", "is not an image format rillet knows; on Linux"),
    ],
)
def test_an_icon_in_the_wrong_format_is_refused_by_its_bytes(
    app: Path, platform: str, content: bytes, message: str
) -> None:
    icon = app.parent / "icon.png"  # the name does not matter, the bytes do
    icon.write_bytes(content)

    with pytest.raises(PackError) as caught:
        plan(request(app, icon=icon, platform=platform))

    assert f"--icon '{icon}' {message}" in str(caught.value)


def test_a_missing_icon_is_named_with_the_expected_format(app: Path) -> None:
    with pytest.raises(
        PackError, match=r"--icon '.*logo\.ico': no such file; expected an \.ico icon"
    ):
        plan(request(app, icon=app.parent / "logo.ico", platform="win32"))


# -- --add-data --------------------------------------------------------------


def test_add_data_lands_below_the_app_folder(app: Path) -> None:
    data = app.parent / "data"
    data.mkdir()

    spec = plan(request(app, add_data=("data:data", "report.py:.")))

    assert [(d.source, d.dest) for d in spec.datas[-2:]] == [(data, "app/data"), (app, "app")]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("data", "no ':' separator; expected SRC:DEST, e.g. --add-data data/cities.csv:data"),
        ("a:b:c", "more than one ':' separator"),
        (":data", "SRC is empty"),
        ("report.py:", "DEST is empty"),
        ("missing.csv:data", "does not exist"),
        ("report.py:/etc", "DEST must be a folder inside the app's folder"),
        ("report.py:../outside", "DEST must be a folder inside the app's folder"),
        ("report.py:D:\\x", "more than one ':' separator"),
    ],
)
def test_bad_add_data_is_refused_before_the_build(app: Path, value: str, message: str) -> None:
    with pytest.raises(PackError) as caught:
        plan(request(app, add_data=(value,)))

    assert str(caught.value).startswith(f"--add-data {value!r}: ")
    assert message in str(caught.value)


def test_a_windows_drive_is_not_taken_for_the_separator(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"C:\\data\\cities\.csv does not exist"):
        parse_add_data("C:\\data\\cities.csv:data", tmp_path)


def test_a_semicolon_separator_is_accepted_as_on_windows(app: Path) -> None:
    assert parse_add_data("report.py;docs", app.parent).dest == "app/docs"


# -- name and version ----------------------------------------------------------


def test_the_name_is_the_script_or_its_folder_for_a_generic_script() -> None:
    assert app_name(Path("/apps/sales/report.py")) == "report"
    assert app_name(Path("/apps/sales/app.py")) == "sales"
    assert app_name(Path("/apps/sales/streamlit_app.py")) == "sales"


@pytest.mark.parametrize("name", ["a/b", "what?", " ", "x\x01"])
def test_a_name_that_cannot_be_a_file_name_is_refused(app: Path, name: str) -> None:
    with pytest.raises(PackError, match="not usable as a file name"):
        plan(request(app, name=name))


def test_a_bad_version_is_refused_before_the_build(app: Path) -> None:
    with pytest.raises(PackError, match=r"--version '1\.x': expected one to four numbers"):
        plan(request(app, version=VersionInfo("1.x"), platform="win32"))


def test_a_version_off_windows_is_ignored_with_a_note(app: Path) -> None:
    spec = plan(request(app, version=VersionInfo("1.2"), platform="linux"))

    assert spec.version_file is None
    assert any("written into Windows executables only" in note for note in spec.notes)


def test_a_version_on_windows_has_no_note(app: Path) -> None:
    spec = plan(request(app, version=VersionInfo("1.2"), platform="win32"))

    assert spec.notes == ()


# -- what travels --------------------------------------------------------------


def test_the_sample_travels_whole_below_app(tmp_path: Path) -> None:
    spec = plan(PackRequest(script=SAMPLE, cwd=tmp_path))
    root = SAMPLE.parent

    assert spec.name == "multipage"
    assert {(d.source.relative_to(root).as_posix(), d.dest) for d in spec.datas} == {
        ("app.py", "app"),
        ("pages/1_Data.py", "app/pages"),
        ("pages/2_About.py", "app/pages"),
        ("helpers.py", "app"),
        ("lib/__init__.py", "app/lib"),
        ("lib/formatting.py", "app/lib"),
        (".rillet/config.toml", "app/.rillet"),
        ("static", "app/static"),
    }
    assert {"csv", "statistics", "platform", "rillet"} <= set(spec.hidden_imports)
    assert spec.dist_dir == tmp_path / "dist"
    assert spec.work_dir == tmp_path / "build" / "multipage"
    assert spec.entry == tmp_path / "build" / "multipage" / "multipage_launcher.py"


def test_secrets_are_left_out_with_a_note(app: Path) -> None:
    secrets = app.parent / ".rillet" / "secrets.toml"
    secrets.parent.mkdir()
    secrets.write_text("token = 'x'\n")

    spec = plan(request(app))

    assert all(d.source != secrets for d in spec.datas)
    assert spec.notes == (
        ".rillet/secrets.toml is left out: anyone who has the executable could read it. Users "
        "put their secrets in ~/.rillet/secrets.toml; pass --include-secrets to pack it anyway.",
    )


def test_included_secrets_travel_with_a_warning(app: Path) -> None:
    secrets = app.parent / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir()
    secrets.write_text("token = 'x'\n")

    spec = plan(request(app, include_secrets=True))

    assert any(d.source == secrets and d.dest == "app/.streamlit" for d in spec.datas)
    assert spec.notes == (
        "WARNING: .streamlit/secrets.toml is packed into the app (--include-secrets): anyone "
        "who has the executable can read it.",
    )


def test_a_missing_import_is_a_note_not_an_error(app: Path) -> None:
    app.write_text("import rillet as st\nimport not_installed_pkg_xyz\n")

    spec = plan(request(app))

    assert "not_installed_pkg_xyz" not in spec.hidden_imports
    assert any("'not_installed_pkg_xyz', which is not installed" in n for n in spec.notes)


def test_extra_hidden_imports_are_added(app: Path) -> None:
    spec = plan(request(app, hidden_imports=("decimal",)))

    assert "decimal" in spec.hidden_imports


def test_the_streamlit_alias_needs_rillet_compat_not_streamlit(app: Path) -> None:
    app.write_text("import streamlit as st\nst.write(1)\n")

    spec = plan(request(app))

    assert "rillet.compat" in spec.hidden_imports
    assert not any(m.startswith("streamlit") for m in spec.hidden_imports)
    if "streamlit" in sys.modules or _installed("streamlit"):
        assert "streamlit" in spec.excludes


def test_rillets_hooks_and_the_slim_qt_hooks_are_passed_to_pyinstaller(app: Path) -> None:
    from rillet_packaging.hooks import HOOKS_DIR
    from rillet_packaging.qt_slim import SLIM_HOOKS_DIR

    assert plan(request(app, webview="qt")).hook_dirs == (HOOKS_DIR, SLIM_HOOKS_DIR)


def _installed(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def test_data_libraries_stay_out_unless_the_app_needs_them() -> None:
    pytest.importorskip("pandas")

    plain = excludes_for(["json", "rillet"])
    with_pandas = excludes_for(["pandas", "rillet"])

    assert {"pandas", "numpy"} <= set(plain)
    assert "pandas" not in with_pandas
    assert "numpy" not in with_pandas  # pandas depends on it
    if _installed("sympy"):
        assert "sympy" in with_pandas


def test_a_qt_module_the_app_imports_is_not_excluded() -> None:
    pytest.importorskip("PyQt6")

    assert "PyQt6.QtSql" in excludes_for(["rillet"])
    assert "PyQt6.QtSql" not in excludes_for(["PyQt6.QtSql"])


def test_uninstalled_modules_are_not_excluded_for_nothing() -> None:
    assert all(_installed(m.partition(".")[0]) for m in excludes_for(["rillet"]))


def test_rillet_source_roots_are_the_folders_of_rillets_packages_off_sys_path() -> None:
    roots = rillet_source_roots()

    on_path = {Path(p).resolve() for p in sys.path if p}
    assert all(root not in on_path for root in roots)
    for package in ("rillet_server", "rillet_shell", "rillet_packaging"):
        module = __import__(package)
        folder = Path(next(iter(module.__path__))).resolve().parent
        assert folder in roots or folder in on_path


def test_onefile_comes_with_a_note_on_start_time(app: Path) -> None:
    spec = plan(request(app, onefile=True))

    assert spec.onefile
    assert any(n.startswith("--onefile: the app unpacks itself") for n in spec.notes)
