"""The window's bridge object, without a window: who may call it and what it asks for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rillet_shell.bridge import DesktopBridge, file_filters


class FakeWindow:
    """pywebview's Window as the bridge uses it: the current URL and the file dialog."""

    def __init__(self, url: str, answer: Any = None) -> None:
        self.url = url
        self.answer = answer
        self.dialogs: list[dict[str, Any]] = []

    def get_current_url(self) -> str:
        return self.url

    def create_file_dialog(self, dialog_type: int, **kwargs: Any) -> Any:
        self.dialogs.append({"type": int(dialog_type), **kwargs})
        return self.answer


def _bridge(window: FakeWindow, opened: list[str] | None = None) -> DesktopBridge:
    def open_url(url: str) -> bool:
        if opened is not None:
            opened.append(url)
        return True

    bridge = DesktopBridge(window, open_url=open_url)
    bridge._serve("http://127.0.0.1:4321", "token")
    return bridge


def test_only_the_apps_own_page_may_open_dialogs() -> None:
    window = FakeWindow("https://evil.example/page", answer=("/etc/passwd",))
    bridge = _bridge(window)
    with pytest.raises(PermissionError, match="only for the app's own page"):
        bridge.request(bridge._key, "open_file")
    window.url = "http://127.0.0.1:9999/"  # another local server
    with pytest.raises(PermissionError):
        bridge.request(bridge._key, "open_file")
    assert window.dialogs == []


def test_nothing_is_allowed_before_the_server_runs() -> None:
    window = FakeWindow("http://127.0.0.1:4321/")
    with pytest.raises(PermissionError):
        bridge = DesktopBridge(window)
        bridge.request(bridge._key, "open_file")


def test_dialog_answers_become_absolute_paths(tmp_path: Path) -> None:
    window = FakeWindow(
        "http://127.0.0.1:4321/?x=1", answer=(str(tmp_path / "a.csv"), str(tmp_path / "b.csv"))
    )
    bridge = _bridge(window)
    paths = bridge.request(bridge._key, "open_files", "Data", [".csv"])
    assert paths == [str(tmp_path / "a.csv"), str(tmp_path / "b.csv")]
    assert window.dialogs[0]["allow_multiple"] is True


def test_a_cancelled_dialog_gives_no_paths() -> None:
    bridge = _bridge(FakeWindow("http://127.0.0.1:4321/", answer=None))
    assert bridge.request(bridge._key, "open_file") == []


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="open_file, open_files, open_folder, save_file"):
        bridge = _bridge(FakeWindow("http://127.0.0.1:4321/"))
        bridge.request(bridge._key, "delete_everything")


def test_only_web_and_mail_links_open_outside() -> None:
    opened: list[str] = []
    bridge = _bridge(FakeWindow("http://127.0.0.1:4321/"), opened)
    assert bridge.open_external(bridge._key, "https://docs.python.org/")
    with pytest.raises(ValueError, match="only http, https and mailto"):
        bridge.open_external(bridge._key, "file:///etc/passwd")
    assert opened == ["https://docs.python.org/"]


def test_file_filters_take_extensions_the_streamlit_way() -> None:
    assert file_filters(["csv", ".tar.gz"]) == (
        "Accepted files (*.csv;*.tar.gz)",
        "All files (*.*)",
    )
    assert file_filters(["bad ext!"]) == ()


def test_a_drop_reported_just_after_the_pages_question_is_still_answered(tmp_path: Path) -> None:
    import threading
    import time

    from rillet_shell.bridge import DropRecord

    dropped = tmp_path / "report.csv"
    dropped.write_text("a,b\n")
    record = DropRecord()
    # GTK: pywebview reports the drop's full paths from the page's drop event,
    # which may reach Python after the page asked for them.
    threading.Timer(0.2, record.record, args=([str(dropped)],)).start()
    started = time.monotonic()
    assert record.take([("report.csv", 4)], wait=2.0) == [str(dropped)]
    assert time.monotonic() - started < 1.5
    assert record.take([("report.csv", 4)], wait=0.1) == []  # handed out once


def test_the_gtk_drop_event_records_pywebviews_full_paths(tmp_path: Path) -> None:
    from rillet_shell.launcher import DesktopApp, DesktopOptions

    dropped = tmp_path / "notes.txt"
    dropped.write_text("hello")
    app = DesktopApp(DesktopOptions(tmp_path / "app.py"), gui="gtk")
    app.bridge = DesktopBridge(FakeWindow("http://127.0.0.1:8501/"))
    files = [
        {"name": "notes.txt", "size": 5, "pywebviewFullPath": str(dropped)},
        {"name": "other.txt", "size": 1},
    ]
    app._dom_drop({"dataTransfer": {"files": files}})
    assert app.bridge.drops.take([("notes.txt", 5)]) == [str(dropped)]
