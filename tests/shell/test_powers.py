"""Desktop powers: the page in the window reaches native dialogs through the bridge."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.desktop

Launch = Callable[..., Any]

# `rillet desktop` with only pywebview's dialog replaced: it records each call
# and answers with the paths in $FAKE_DIALOG_ANSWER.
FAKE_DIALOG = """
import json, os, sys
import webview

def create_file_dialog(self, dialog_type=10, directory="", allow_multiple=False,
                       save_filename="", file_types=()):
    with open(os.environ["FAKE_DIALOG_LOG"], "a") as log:
        log.write(json.dumps([int(dialog_type), allow_multiple, save_filename, list(file_types)]) + "\\n")
    return tuple(json.loads(os.environ["FAKE_DIALOG_ANSWER"]))

webview.Window.create_file_dialog = create_file_dialog
from rillet.cli import main
sys.exit(main(["desktop", *sys.argv[1:]]))
"""


@pytest.fixture
def dialog_env(desktop_env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    chosen = tmp_path / "data" / "report.csv"
    chosen.parent.mkdir()
    chosen.write_text("a,b\n1,2\n")
    return {
        **desktop_env,
        "FAKE_DIALOG_LOG": str(tmp_path / "dialogs.jsonl"),
        "FAKE_DIALOG_ANSWER": json.dumps([str(chosen)]),
    }


def test_the_page_gets_paths_from_the_native_open_dialog(
    launch: Launch, write_app: Callable[[str], Path], dialog_env: dict[str, str], tmp_path: Path
) -> None:
    app = launch(
        str(write_app("import rillet as st\nst.write('ready')\n")),
        env=dialog_env,
        command=["-c", FAKE_DIALOG],
    )
    page = app.wait_text("ready")
    paths = page.eval(
        "window.rilletDesktop.request('open_file', 'Pick data', ['.csv', 'tsv'], '')",
        await_promise=True,
    )
    assert paths == [str(tmp_path / "data" / "report.csv")]
    calls = [json.loads(line) for line in (tmp_path / "dialogs.jsonl").read_text().splitlines()]
    assert calls == [[10, False, "", ["Accepted files (*.csv;*.tsv)", "All files (*.*)"]]]


def test_folder_and_save_dialogs_get_their_kind(
    launch: Launch, write_app: Callable[[str], Path], dialog_env: dict[str, str], tmp_path: Path
) -> None:
    app = launch(
        str(write_app("import rillet as st\nst.write('ready')\n")),
        env=dialog_env,
        command=["-c", FAKE_DIALOG],
    )
    page = app.wait_text("ready")
    page.eval("window.rilletDesktop.request('open_folder', 'Where', [], '')", await_promise=True)
    page.eval(
        "window.rilletDesktop.request('save_file', 'Save', [], '../../out.csv')",
        await_promise=True,
    )
    calls = [json.loads(line) for line in (tmp_path / "dialogs.jsonl").read_text().splitlines()]
    # A suggested name never carries a folder.
    assert [(c[0], c[2]) for c in calls] == [(20, ""), (30, "out.csv")]
