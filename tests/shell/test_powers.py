"""Desktop powers: the page in the window reaches native dialogs through the bridge."""

from __future__ import annotations

import json
import time
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


def _dialog_calls(tmp_path: Path) -> list[list[Any]]:
    log = tmp_path / "dialogs.jsonl"
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text().splitlines()]


def _click_selector(page: Any, selector: str) -> None:
    found = page.eval(
        f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
        " if (e) e.click(); return !!e; })()"
    )
    assert found, f"nothing matches {selector!r} in the window"


PATH_INPUT_APP = """
import rillet as st
chosen = st.path_input("Data file", file_types=["csv"])
st.write(f"chosen={chosen}")
if chosen is not None:
    st.write(f"content={chosen.read_text().splitlines()[0]}")
"""


def test_path_input_in_the_window_gives_the_script_the_dialogs_path(
    launch: Launch, write_app: Callable[[str], Path], dialog_env: dict[str, str], tmp_path: Path
) -> None:
    app = launch(str(write_app(PATH_INPUT_APP)), env=dialog_env, command=["-c", FAKE_DIALOG])
    page = app.wait_text("chosen=None")
    assert "Available in the desktop app" not in page.text()
    app.click("Choose file")
    chosen = tmp_path / "data" / "report.csv"
    app.wait_text(f"chosen={chosen}")
    app.wait_text("content=a,b")
    assert _dialog_calls(tmp_path) == [
        [10, False, "", ["Accepted files (*.csv)", "All files (*.*)"]]
    ]


OPEN_FILE_APP = """
import rillet as st
if st.button("Open"):
    path = st.desktop.open_file(title="Pick data", file_types="csv")
    st.write(f"opened={path} size={path.stat().st_size if path else 0}")
folder = None
if st.button("Folder"):
    st.write(f"folder={st.desktop.open_folder()}")
"""


def test_a_script_waits_for_the_native_dialog_and_gets_its_path(
    launch: Launch, write_app: Callable[[str], Path], dialog_env: dict[str, str], tmp_path: Path
) -> None:
    app = launch(str(write_app(OPEN_FILE_APP)), env=dialog_env, command=["-c", FAKE_DIALOG])
    app.wait_text("Open")
    app.click("Open")
    chosen = tmp_path / "data" / "report.csv"
    app.wait_text(f"opened={chosen} size=8")
    app.click("Folder")
    app.wait_text(f"folder={chosen}")
    calls = _dialog_calls(tmp_path)
    assert [(c[0], c[3]) for c in calls] == [
        (10, ["Accepted files (*.csv)", "All files (*.*)"]),
        (20, []),
    ]


def test_a_rerun_closes_the_real_dialog_its_interrupted_run_opened(
    launch: Launch, write_app: Callable[[str], Path]
) -> None:
    script = write_app(
        "import rillet as st\nst.write('version 1')\n"
        "if st.button('Pick'):\n    st.write(repr(st.desktop.open_file(title='Data')))\n"
    )
    app = launch(str(script), "--server.runOnSave", "true")  # Qt's own file dialog
    app.wait_text("version 1")
    app.click("Pick")
    _wait_for(lambda: "open_file dialog (Data): open" in app.log_text(), app)

    script.write_text("import rillet as st\nst.write('version 2')\n")  # a rerun interrupts the wait

    app.wait_text("version 2")
    _wait_for(lambda: "open_file dialog (Data): 0 path(s) chosen" in app.log_text(), app)
    assert "closed a QFileDialog nobody waits for" in app.log_text()


def _wait_for(condition: Callable[[], bool], app: Any, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not seen in time; the log says:\n{app.log_text()}")
        time.sleep(0.05)


UPLOADER_APP = """
import rillet as st
f = st.file_uploader("Data", type="csv")
if f is not None:
    st.write(f"name={f.name} path={f.path} bytes={f.read()!r}")
"""


def test_the_file_uploader_in_the_window_reads_the_chosen_file_by_path(
    launch: Launch, write_app: Callable[[str], Path], dialog_env: dict[str, str], tmp_path: Path
) -> None:
    app = launch(str(write_app(UPLOADER_APP)), env=dialog_env, command=["-c", FAKE_DIALOG])
    page = app.wait_text("Upload")
    _click_selector(page, "input[type=file]")
    chosen = tmp_path / "data" / "report.csv"
    app.wait_text(f"name=report.csv path={chosen} bytes=b'a,b\\n1,2\\n'")
    assert _dialog_calls(tmp_path) == [
        [10, False, "", ["Accepted files (*.csv)", "All files (*.*)"]]
    ]


# `rillet desktop` with only Qt's save dialog replaced: it records the
# suggested path and answers with $FAKE_SAVE_ANSWER.
FAKE_SAVE_DIALOG = """
import json, os, sys
from qtpy.QtWidgets import QFileDialog

def get_save_file_name(parent=None, caption="", directory="", *args, **kwargs):
    with open(os.environ["FAKE_DIALOG_LOG"], "a") as log:
        log.write(json.dumps([caption, os.path.basename(directory)]) + "\\n")
    return os.environ["FAKE_SAVE_ANSWER"], ""

QFileDialog.getSaveFileName = staticmethod(get_save_file_name)
from rillet.cli import main
sys.exit(main(["desktop", *sys.argv[1:]]))
"""


def test_a_download_button_saves_where_the_native_save_dialog_says(
    launch: Launch, write_app: Callable[[str], Path], desktop_env: dict[str, str], tmp_path: Path
) -> None:
    target = tmp_path / "saved" / "scores-copy.csv"
    target.parent.mkdir()
    env = {
        **desktop_env,
        "FAKE_DIALOG_LOG": str(tmp_path / "dialogs.jsonl"),
        "FAKE_SAVE_ANSWER": str(target),
    }
    source = (
        "import rillet as st\n"
        "st.download_button('Download', 'name,score\\nAda,10\\n', file_name='scores.csv')\n"
    )
    app = launch(str(write_app(source)), env=env, command=["-c", FAKE_SAVE_DIALOG])
    app.wait_text("Download")
    app.click("Download")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (
        target.exists() and target.read_text() == "name,score\nAda,10\n"
    ):
        time.sleep(0.1)
    assert target.read_text() == "name,score\nAda,10\n", app.output()
    assert _dialog_calls(tmp_path) == [["Save file", "scores.csv"]]


# `rillet desktop` with only the system browser replaced: it records each URL.
FAKE_BROWSER = """
import os, sys, webbrowser

def open_url(url, *args, **kwargs):
    with open(os.environ["FAKE_BROWSER_LOG"], "a") as log:
        log.write(url + "\\n")
    return True

webbrowser.open = open_url
from rillet.cli import main
sys.exit(main(["desktop", *sys.argv[1:]]))
"""


def test_a_link_to_another_site_opens_in_the_system_browser(
    launch: Launch, write_app: Callable[[str], Path], desktop_env: dict[str, str], tmp_path: Path
) -> None:
    opened = tmp_path / "browser.txt"
    env = {**desktop_env, "FAKE_BROWSER_LOG": str(opened)}
    source = "import rillet as st\nst.markdown('[the docs](https://docs.python.org/3/) ready')\n"
    app = launch(str(write_app(source)), env=env, command=["-c", FAKE_BROWSER])
    page = app.wait_text("ready")
    app_url = page.eval("location.href")
    # A same-tab navigation (what a plain link click does) must not leave the app.
    page.eval("location.href = 'https://docs.python.org/3/'")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not opened.exists():
        time.sleep(0.1)
    assert opened.read_text().splitlines() == ["https://docs.python.org/3/"]
    time.sleep(0.5)
    assert app.page(url_prefix="http").eval("location.href") == app_url
    assert "ready" in app.wait_text("ready").text()
