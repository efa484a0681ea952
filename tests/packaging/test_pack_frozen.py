"""The packed launcher's side, run unfrozen: smoke mode, and how it hands the app to the desktop shell."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

import rillet.cli
from rillet_packaging import frozen

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "multipage"


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake bundle root: the multipage sample under app/, as a build lays it out."""
    root = tmp_path / "_internal"
    shutil.copytree(SAMPLE, root / "app", ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.chdir(tmp_path)  # main() changes the folder; put it back afterwards
    monkeypatch.setattr(sys, "path", list(sys.path))
    return root


@pytest.fixture
def desktop_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    calls: list[list[str]] = []

    def fake_main(argv: list[str]) -> int:
        calls.append(list(argv))
        return 0

    monkeypatch.setattr(rillet.cli, "main", fake_main)
    return calls


def test_smoke_mode_serves_the_app_and_runs_every_page(bundle: Path) -> None:
    out = io.StringIO()

    code = frozen.smoke_test(bundle / "app" / "app.py", {}, out)

    lines = out.getvalue().splitlines()
    assert code == 0, out.getvalue()
    assert lines[0].startswith("ok    health: HTTP 200 b'ok' on 127.0.0.1:")
    assert lines[1].startswith("ok    web client: HTTP 200")
    assert lines[2] == "ok    a request without the token: HTTP 403"
    assert [line.split(":")[0] for line in lines[3:6]] == [
        "ok    page 'app'",
        "ok    page 'Data'",
        "ok    page 'About'",
    ]
    assert lines[-1].startswith("smoke passed in ")


def test_smoke_mode_fails_on_a_page_that_raises(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nst.write('before')\nraise ValueError('boom')\n")
    out = io.StringIO()

    code = frozen.smoke_test(script, {}, out)

    assert code == 1
    assert "FAIL  page 'app': ERROR, 2 elements; ValueError: boom" in out.getvalue()
    assert "smoke FAILED" in out.getvalue()


def test_smoke_mode_names_an_import_the_build_left_out(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nimport not_packed_module_xyz\n")
    out = io.StringIO()

    assert frozen.smoke_test(script, {}, out) == 1
    assert "ModuleNotFoundError: No module named 'not_packed_module_xyz'" in out.getvalue()


def test_smoke_mode_reports_a_server_that_cannot_start(tmp_path: Path) -> None:
    out = io.StringIO()

    code = frozen.smoke_test(tmp_path / "app.py", {"server.nosuchoption": "1"}, out)

    assert code == 1
    assert "FAIL  the app could not start:" in out.getvalue()


@pytest.mark.parametrize(
    ("argv", "environ"),
    [(["--smoke"], {}), ([], {"RILLET_SMOKE": "1"})],
)
def test_main_runs_smoke_mode_from_the_flag_or_the_environment(
    bundle: Path,
    desktop_calls: list[list[str]],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    environ: dict[str, str],
) -> None:
    code = frozen.main("app.py", "multipage", argv=argv, environ=environ, root=bundle)

    assert code == 0
    assert desktop_calls == []
    assert "smoke passed" in capsys.readouterr().out


def test_main_opens_the_bundled_script_in_the_desktop_window(
    bundle: Path, desktop_calls: list[list[str]]
) -> None:
    (bundle / "rillet-icon").mkdir()
    (bundle / "rillet-icon" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")

    code = frozen.main(
        "app.py", "multipage", "rillet-icon/logo.png", argv=[], environ={}, root=bundle
    )

    assert code == 0
    # The sample's config sets desktop.title, so the name is not forced on the window.
    assert desktop_calls == [
        [
            "desktop",
            str(bundle / "app" / "app.py"),
            "--icon",
            str(bundle / "rillet-icon" / "logo.png"),
        ]
    ]
    assert Path.cwd() == bundle / "app"


def test_main_titles_the_window_with_the_app_name_without_a_configured_title(
    bundle: Path, desktop_calls: list[list[str]]
) -> None:
    (bundle / "app" / ".rillet" / "config.toml").write_text(
        "[server]\nenableStaticServing = true\n"
    )

    frozen.main("app.py", "Cities", argv=[], environ={}, root=bundle)

    assert desktop_calls == [["desktop", str(bundle / "app" / "app.py"), "--title", "Cities"]]


def test_main_passes_option_flags_and_script_arguments_through(
    bundle: Path, desktop_calls: list[list[str]]
) -> None:
    frozen.main(
        "app.py",
        "multipage",
        argv=["report.csv", "--server.runOnSave", "true", "--", "-v"],
        environ={},
        root=bundle,
    )

    assert desktop_calls == [
        [
            "desktop",
            str(bundle / "app" / "app.py"),
            "report.csv",
            "--server.runOnSave=true",
            "--",
            "-v",
        ]
    ]


def test_main_reports_a_flag_without_a_value(
    bundle: Path, desktop_calls: list[list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    code = frozen.main("app.py", "multipage", argv=["--server.port"], environ={}, root=bundle)

    assert code == 2
    assert desktop_calls == []
    assert "multipage: error: --server.port needs a value" in capsys.readouterr().err


def test_main_survives_a_windowed_process_without_streams(
    bundle: Path, desktop_calls: list[list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)

    assert frozen.main("app.py", "multipage", argv=[], environ={}, root=bundle) == 0
    assert sys.stdout is not None and sys.stderr is not None
    sys.stdout.close()
    sys.stderr.close()


def test_the_bundle_root_is_meipass_or_the_executables_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert frozen.bundle_root() == tmp_path / "_internal"

    monkeypatch.delattr(sys, "_MEIPASS")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "Report" / "Report"))
    assert frozen.bundle_root() == (tmp_path / "Report").resolve()
