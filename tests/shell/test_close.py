"""What the window's closing does to threads still talking to its page."""

from __future__ import annotations

import threading
from types import SimpleNamespace
from typing import Any

import pytest

from rillet_shell.qt_hooks import release_script_waits


def test_a_script_wait_on_a_closed_window_is_released() -> None:
    # pywebview's own Qt evaluate_js, run against a page that will never answer.
    qt = pytest.importorskip("webview.platforms.qt", reason="the desktop extra (pywebview + Qt)")
    never_answered = SimpleNamespace(emit=lambda script, uid: None)
    page: Any = SimpleNamespace(_js_results={}, evaluate_js_trigger=never_answered)
    answers: list[object] = []
    waiter = threading.Thread(
        target=lambda: answers.append(qt.BrowserView.evaluate_js(page, "1 + 1", False)),
        daemon=True,
    )
    waiter.start()
    while not page._js_results:
        waiter.join(0.01)
    assert waiter.is_alive()

    release_script_waits(page)

    waiter.join(5)
    assert not waiter.is_alive()
    assert answers == [""]
    assert page._js_results == {}


def test_a_window_with_nothing_pending_is_left_alone() -> None:
    release_script_waits(SimpleNamespace(_js_results={}))
    release_script_waits(object())  # a backend without pywebview's Qt bookkeeping
