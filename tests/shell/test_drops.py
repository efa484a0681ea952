"""OS file drops on the desktop window: the script gets the dropped files' real paths."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rillet_shell.bridge import DesktopBridge, DropRecord


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _file(folder: Path, name: str, content: str) -> Path:
    path = folder / name
    path.write_text(content)
    return path


def test_a_dropped_file_is_claimed_by_name_and_size_once(tmp_path: Path) -> None:
    report = _file(tmp_path, "report.csv", "a,b\n")
    record = DropRecord(clock=Clock())
    assert record.record([str(report)]) == 1
    assert record.take([("report.csv", 4)]) == [str(report)]
    assert record.take([("report.csv", 4)]) == []


def test_a_drop_is_forgotten_after_the_time_window(tmp_path: Path) -> None:
    report = _file(tmp_path, "report.csv", "a,b\n")
    clock = Clock()
    record = DropRecord(window=5.0, clock=clock)
    record.record([str(report)])
    clock.now += 5.5
    assert record.take([("report.csv", 4)]) == []


def test_a_name_or_size_that_was_not_dropped_gets_nothing(tmp_path: Path) -> None:
    report = _file(tmp_path, "report.csv", "a,b\n")
    notes = _file(tmp_path, "notes.txt", "hello")
    record = DropRecord(clock=Clock())
    record.record([str(report), str(notes)])
    assert record.take([("report.csv", 5)]) == []
    assert record.take([("other.csv", 4)]) == []
    # All or nothing: one unknown file claims none of the others.
    assert record.take([("notes.txt", 5), ("secret.txt", 3)]) == []
    assert record.take([("notes.txt", 5), ("report.csv", 4)]) == [str(notes), str(report)]


def test_only_regular_files_are_recorded(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    record = DropRecord(clock=Clock())
    assert record.record([str(tmp_path / "folder"), str(tmp_path / "missing.csv")]) == 0
    assert record.take([("folder", 0)]) == []


def test_the_same_file_dropped_twice_is_one_drop_from_the_latest_time(tmp_path: Path) -> None:
    report = _file(tmp_path, "report.csv", "a,b\n")
    clock = Clock()
    record = DropRecord(window=5.0, clock=clock)
    record.record([str(report)])
    clock.now += 4
    record.record([str(report)])
    clock.now += 4  # 8 s after the first drop, 4 s after the second
    assert record.take([("report.csv", 4), ("report.csv", 4)]) == []
    assert record.take([("report.csv", 4)]) == [str(report)]
    assert record.take([("report.csv", 4)]) == []


def test_files_of_the_same_name_and_size_in_two_folders_both_match(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _file(tmp_path / "a", "report.csv", "a,b\n")
    second = _file(tmp_path / "b", "report.csv", "c,d\n")
    record = DropRecord(clock=Clock())
    record.record([str(first), str(second)])
    assert sorted(record.take([("report.csv", 4), ("report.csv", 4)])) == [str(first), str(second)]


def test_a_dropped_link_is_known_by_its_own_name_and_path(tmp_path: Path) -> None:
    target = _file(tmp_path, "real.csv", "a,b\n")
    link = tmp_path / "shortcut.csv"
    link.symlink_to(target)
    record = DropRecord(clock=Clock())
    record.record([str(link)])
    assert record.take([("shortcut.csv", 4)]) == [str(link)]


class FakeWindow:
    def __init__(self, url: str) -> None:
        self.url = url

    def get_current_url(self) -> str:
        return self.url


def test_only_the_apps_own_page_may_claim_dropped_paths(tmp_path: Path) -> None:
    report = _file(tmp_path, "report.csv", "a,b\n")
    window = FakeWindow("https://elsewhere.example/")
    bridge = DesktopBridge(window)
    bridge._serve("http://127.0.0.1:4321", "token")
    bridge.drops.record([str(report)])
    with pytest.raises(PermissionError):
        bridge.dropped_paths(bridge._key, [["report.csv", 4]])
    window.url = "http://127.0.0.1:4321/"
    assert bridge.dropped_paths(bridge._key, [["report.csv", 4]]) == [str(report)]


# `rillet desktop` plus an OS drop on demand: when $DROP_TRIGGER appears it
# holds {"paths": [...], "x": .., "y": ..} (CSS pixels of the page), and the
# wrapper drags those files onto the window there the way Qt delivers an OS
# drop: drag-enter, drag-move and drop events with file URLs, sent to the
# widget under that point that accepts drops. Nothing in the shell is
# replaced or switched into a test mode.
FAKE_OS_DROP = """
import json, os, sys
from rillet_shell import qt_hooks

original_attach = qt_hooks.attach

def attach(native, *args, **kwargs):
    controls = original_attach(native, *args, **kwargs)
    from qtpy import QtCore, QtGui, QtWidgets

    trigger = os.environ["DROP_TRIGGER"]
    timer = QtCore.QTimer(native)

    def send(target, event):
        QtWidgets.QApplication.sendEvent(target, event)

    def drop():
        if not os.path.exists(trigger):
            return
        with open(trigger) as f:
            order = json.load(f)
        os.remove(trigger)
        view = native.webview
        point = view.mapTo(native, QtCore.QPoint(order["x"], order["y"]))
        target = native.childAt(point) or native
        while not target.acceptDrops():
            target = target.parentWidget()
        at = target.mapFrom(native, point)
        data = QtCore.QMimeData()
        data.setUrls([QtCore.QUrl.fromLocalFile(p) for p in order["paths"]])
        native._test_drop_data = data
        copy = QtCore.Qt.DropAction.CopyAction
        left, none = QtCore.Qt.MouseButton.LeftButton, QtCore.Qt.KeyboardModifier.NoModifier
        send(target, QtGui.QDragEnterEvent(at, copy, data, left, none))
        send(target, QtGui.QDragMoveEvent(at, copy, data, left, none))

        def finish():
            send(target, QtGui.QDragMoveEvent(at, copy, data, left, none))
            send(target, QtGui.QDropEvent(QtCore.QPointF(at), copy, data, left, none))
            with open(trigger + ".done", "w") as f:
                chain, w = [], target
                while w is not None:
                    chain.append(f"{w.metaObject().className()}:{w.acceptDrops()}")
                    w = w.parentWidget()
                f.write(" < ".join(chain))

        QtCore.QTimer.singleShot(300, finish)

    timer.timeout.connect(drop)
    timer.start(100)
    return controls

qt_hooks.attach = attach
from rillet.cli import main
sys.exit(main(["desktop", *sys.argv[1:]]))
"""

DROP_APP = """
import rillet as st
files = st.file_uploader("Data", type="csv", accept_multiple_files=True)
st.write(f"count={len(files)}")
for f in files:
    st.write(f"name={f.name} path={f.path} bytes={f.read()!r}")
"""


def _drop(page: Any, trigger: Path, paths: list[Path]) -> str:
    box = page.eval(
        "(() => { const r = document.querySelector('.rl-dropzone').getBoundingClientRect();"
        " return [Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]; })()"
    )
    trigger.write_text(json.dumps({"paths": [str(p) for p in paths], "x": box[0], "y": box[1]}))
    done = Path(str(trigger) + ".done")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not done.exists():
        time.sleep(0.05)
    assert done.exists(), "the window never performed the drop"
    widget = done.read_text()
    done.unlink()
    return widget


@pytest.mark.desktop
def test_files_dropped_on_the_window_reach_the_script_by_path(
    launch: Callable[..., Any],
    write_app: Callable[[str], Path],
    desktop_env: dict[str, str],
    tmp_path: Path,
) -> None:
    folder = tmp_path / "my data"
    folder.mkdir()
    report = _file(folder, "report 1.csv", "a,b\n1,2\n")
    notes = _file(folder, "notes.txt", "not a csv")
    trigger = tmp_path / "drop.json"
    app = launch(
        str(write_app(DROP_APP)),
        env={**desktop_env, "DROP_TRIGGER": str(trigger)},
        command=["-c", FAKE_OS_DROP],
    )
    page = app.wait_text("count=0")
    widget = _drop(page, trigger, [report, notes])
    # Where Qt delivers an OS drop: the view's QQuickWidget with Qt 6, the view with Qt 5.
    assert widget.endswith("WebView:True < BrowserView:True"), widget
    page = app.wait_text(f"name=report 1.csv path={report} bytes=b'a,b\\n1,2\\n'")
    assert "count=1" in page.text()
    # The type filter refused the .txt file, as the native dialog's answer would be.
    assert "notes.txt" in page.text()
    assert "dropped files: 2 asked, 2 path(s) given" in app.log_text()
