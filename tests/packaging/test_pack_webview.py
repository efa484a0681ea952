"""`rillet pack --webview gtk|qt` and `--format deb`: the plans, as data (no build)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from rillet_packaging.argv import build_argv, launcher_source
from rillet_packaging.build import unneeded_files
from rillet_packaging.deb import (
    GTK_DEPENDS,
    QT_DEPENDS,
    check_deb_host,
    control_file,
    debian_version,
    desktop_entry,
    dpkg_deb_argv,
    package_name,
    plan_deb,
)
from rillet_packaging.frozen import use_system_gtk
from rillet_packaging.gtk_system import GTK_HOOKS_DIR, SYSTEM_LIBRARIES, system_library_pattern
from rillet_packaging.plan import PackRequest, choose_webview, plan
from rillet_packaging.spec import PackError, PackSpec, VersionInfo
from rillet_shell.backends import backends

GTK_USABLE = next(b for b in backends("linux") if b.gui == "gtk").available


@pytest.fixture
def app(tmp_path: Path) -> Path:
    script = tmp_path / "counter" / "app.py"
    script.parent.mkdir()
    script.write_text("import rillet as st\nst.write('hi')\n", encoding="utf-8")
    return script


def _request(script: Path, **changes: object) -> PackRequest:
    return PackRequest(script=script, cwd=script.parent, platform="linux", **changes)  # type: ignore[arg-type]


@pytest.mark.skipif(not GTK_USABLE, reason="PyGObject and WebKitGTK are not installed")
def test_a_linux_build_packs_against_the_system_webkitgtk_by_default(app: Path) -> None:
    spec = plan(_request(app))
    assert spec.webview == "gtk"
    assert GTK_HOOKS_DIR in spec.hook_dirs
    assert "PyQt6" in spec.excludes
    argv = build_argv(spec)
    assert "--strip" in argv
    assert ["--additional-hooks-dir", str(GTK_HOOKS_DIR)] == argv[
        argv.index(str(GTK_HOOKS_DIR)) - 1 : argv.index(str(GTK_HOOKS_DIR)) + 1
    ]
    assert "webview='gtk'" in launcher_source(spec)


def test_a_qt_build_leaves_pygobject_out_and_keeps_the_slim_qt_hooks(app: Path) -> None:
    from rillet_packaging.qt_slim import SLIM_HOOKS_DIR

    spec = plan(_request(app, webview="qt"))
    assert spec.webview == "qt"
    assert SLIM_HOOKS_DIR in spec.hook_dirs and GTK_HOOKS_DIR not in spec.hook_dirs
    assert "PyQt6" not in spec.excludes
    if GTK_USABLE:
        assert "gi" in spec.excludes
    assert "webview='qt'" in launcher_source(spec)


def test_a_webview_choice_off_linux_is_refused() -> None:
    with pytest.raises(PackError, match="only Linux has a choice of webview"):
        choose_webview("gtk", "win32")
    assert choose_webview(None, "darwin") is None


def test_asking_to_pack_a_webview_that_is_not_installed_names_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import rillet_shell.backends as b

    monkeypatch.setattr(b, "_gtk_webkit", lambda: False)
    with pytest.raises(PackError) as caught:
        choose_webview("gtk", "linux")
    message = str(caught.value)
    assert "--webview gtk: WebKitGTK" in message
    assert "apt-get install gir1.2-webkit2-4.1" in message
    assert "dnf install webkit2gtk4.1" in message


def test_system_libraries_match_gtk_glib_webkit_and_icu_but_not_python() -> None:
    pattern = re.compile(system_library_pattern())
    for name in ("libgtk-3.so.0", "libglib-2.0.so.0", "libwebkit2gtk-4.1.so.0",
                 "libicuuc.so.72", "libjavascriptcoregtk-4.1.so.0", "libgirepository-1.0.so.1"):  # fmt: skip
        assert pattern.match(name), name
    for name in ("libpython3.11.so.1.0", "libzmq.so.5"):
        assert not pattern.match(name), name
    assert len(set(SYSTEM_LIBRARIES)) == len(SYSTEM_LIBRARIES)


def test_every_gi_hook_in_the_gtk_folder_collects_nothing() -> None:
    hooks = sorted(GTK_HOOKS_DIR.glob("hook-gi.repository.*.py"))
    assert {h.name for h in hooks} >= {"hook-gi.repository.Gtk.py", "hook-gi.repository.WebKit2.py"}
    for hook in hooks:
        namespace: dict[str, object] = {}
        exec(compile(hook.read_text(), str(hook), "exec"), namespace)
        assert not {"binaries", "datas", "hiddenimports"} & namespace.keys(), hook.name


def test_the_packed_gtk_app_points_gtk_back_at_the_system() -> None:
    env = {
        "GI_TYPELIB_PATH": "/opt/c/_internal/gi_typelibs",
        "GTK_PATH": "/opt/c/_internal",
        "GIO_MODULE_DIR": "/opt/c/_internal/gio_modules",
        "XDG_DATA_DIRS": "/opt/c/_internal/share:/usr/local/share:/usr/share",
        "HOME": "/home/ada",
    }
    use_system_gtk(env, Path("/opt/c/_internal"))
    assert env == {"XDG_DATA_DIRS": "/usr/local/share:/usr/share", "HOME": "/home/ada"}


def test_the_clients_precompressed_copies_are_dropped_from_a_folder_build(tmp_path: Path) -> None:
    static = tmp_path / "_internal" / "rillet_server" / "static" / "assets"
    static.mkdir(parents=True)
    for name in ("index.js", "index.js.gz", "only.gz"):
        (static / name).write_bytes(b"x")
    assert [p.name for p in unneeded_files(tmp_path)] == ["index.js.gz"]


# -- the .deb -----------------------------------------------------------------


def _spec(tmp_path: Path, **changes: object) -> PackSpec:
    base: dict[str, object] = {
        "webview": "gtk",
        "version": VersionInfo("2.1.0", description="Counts"),
    }
    base.update(changes)
    return PackSpec(tmp_path / "app.py", "My Counter", tmp_path / "w" / "l.py",
                    tmp_path / "dist", tmp_path / "w", **base)  # type: ignore[arg-type]  # fmt: skip


def test_a_gtk_deb_declares_webkitgtk_and_installs_a_menu_entry(tmp_path: Path) -> None:
    icon = tmp_path / "icon.png"
    icon.write_bytes(b"png")
    deb = plan_deb(_spec(tmp_path, icon=icon), architecture="amd64")
    assert deb.package == "my-counter"
    assert deb.output == tmp_path / "dist" / "my-counter_2.1.0_amd64.deb"
    control = control_file(deb, 35000)
    assert "Package: my-counter\nVersion: 2.1.0\nArchitecture: amd64\n" in control
    assert f"Depends: {', '.join(GTK_DEPENDS)}\n" in control
    assert "gir1.2-webkit2-4.1" in control and "Installed-Size: 35000" in control
    assert "Description: Counts\n" in control
    entry = desktop_entry(deb)
    assert entry.startswith("[Desktop Entry]\nType=Application\nName=My Counter\n")
    assert "Exec=/usr/bin/my-counter\n" in entry and "Icon=my-counter\n" in entry
    assert deb.icon_path.as_posix() == "/usr/share/icons/hicolor/256x256/apps/my-counter.png"
    assert dpkg_deb_argv(deb) == ["dpkg-deb", "--root-owner-group", "-Zxz", "--build",
                                  str(tmp_path / "w" / "deb-root"), str(deb.output)]  # fmt: skip


def test_a_qt_deb_declares_the_x11_libraries_qt_needs(tmp_path: Path) -> None:
    deb = plan_deb(_spec(tmp_path, webview="qt"), architecture="arm64")
    assert deb.depends == QT_DEPENDS
    assert "Icon=" not in desktop_entry(deb)


def test_bad_deb_requests_are_refused_before_the_build(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="leave out --onefile"):
        plan_deb(_spec(tmp_path, onefile=True), architecture="amd64")
    with pytest.raises(PackError, match=r"takes a \.png icon"):
        plan_deb(_spec(tmp_path, icon=tmp_path / "i.ico"), architecture="amd64")
    with pytest.raises(PackError, match="starts with a digit"):
        debian_version("v1")
    assert package_name("!!") == "rillet-app"


def test_a_deb_on_a_host_without_dpkg_deb_is_refused_with_the_reason(tmp_path: Path) -> None:
    release = tmp_path / "os-release"
    release.write_text('ID=fedora\nPRETTY_NAME="Fedora Linux 40"\n')
    with pytest.raises(PackError) as caught:
        check_deb_host(which=lambda _: None, os_release=release)
    assert "Fedora Linux 40 is not Debian-based (no dpkg-deb here)" in str(caught.value)
    check_deb_host(which=lambda _: "/usr/bin/dpkg-deb", os_release=release)


def test_pack_refuses_a_missing_icon_and_a_bad_version_and_leaves_dist_empty(app: Path) -> None:
    for extra, expected in (
        (["--icon", "missing.png"], "missing.png"),
        (["--app-version", "1.x"], "--version '1.x'"),
    ):
        done = subprocess.run(
            [sys.executable, "-m", "rillet", "pack", str(app), *extra],
            cwd=app.parent, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 2, done.stderr
        assert expected in done.stderr
        assert not (app.parent / "dist").exists()
        assert not (app.parent / "build").exists()


# -- Windows and macOS plans (data only: this machine builds for Linux) --------


def test_a_windows_plan_has_the_webview2_exe_with_icon_and_version_info(tmp_path: Path) -> None:
    spec = _spec(tmp_path, platform="win32", webview=None, icon=tmp_path / "app.ico")
    argv = build_argv(spec)
    assert argv[argv.index("--icon") + 1] == str(tmp_path / "app.ico")
    assert argv[argv.index("--version-file") + 1].endswith(".txt")
    assert "--windowed" in argv and "--strip" not in argv
    assert spec.executable.name == "My Counter.exe"
    assert "webview=" not in launcher_source(spec)  # WebView2: the platform's one webview


def test_a_macos_plan_is_an_app_bundle_with_a_bundle_id_and_icon(tmp_path: Path) -> None:
    spec = _spec(tmp_path, platform="darwin", webview=None, icon=tmp_path / "app.icns")
    argv = build_argv(spec)
    assert argv[argv.index("--osx-bundle-identifier") + 1] == "org.rillet.app.my-counter"
    assert argv[argv.index("--icon") + 1] == str(tmp_path / "app.icns")
    assert spec.output_path.name == "My Counter.app"
    assert spec.executable.relative_to(spec.output_path).as_posix() == "Contents/MacOS/My Counter"
