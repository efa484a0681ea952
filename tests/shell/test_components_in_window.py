"""Custom components in the desktop window: loaded through the token gate, kept from the bridge."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_powers import FAKE_DIALOG

pytestmark = pytest.mark.desktop

# On its first render the component reports what it can reach: the page's
# bridge (through window.parent), a bridge of its own frame, and what a call
# to one gives; then it sends that as its value.
PROBE = """<!doctype html><html><body><p>probe</p><script>
const post = (m) => window.parent.postMessage({ isStreamlitMessage: true, ...m }, "*");
const found = {};
const probe = (name, read) => { try { found[name] = read(); } catch (e) { found[name] = e.name; } };
let sent = false;
window.addEventListener("message", async (event) => {
  if (event.data.type !== "streamlit:render" || sent) return;
  sent = true;
  probe("parentBridge", () => typeof window.parent.rilletDesktop);
  probe("parentPywebview", () => typeof window.parent.pywebview);
  probe("ownBridge", () => typeof window.rilletDesktop);
  probe("ownPywebview", () => typeof (window.pywebview && window.pywebview.api));
  if (window.rilletDesktop) {
    try {
      found.call = await Promise.race([
        window.rilletDesktop.request("open_file", "", [], ""),
        new Promise((resolve) => setTimeout(() => resolve("no answer"), 3000)),
      ]);
    } catch (e) { found.call = e.name || String(e); }
  }
  post({ type: "streamlit:setFrameHeight", height: 40 });
  post({ type: "streamlit:setComponentValue", value: found, dataType: "json" });
});
post({ type: "streamlit:componentReady", apiVersion: 1 });
</script></body></html>"""

APP = """
import json
import streamlit as st
import streamlit.components.v1 as components
from streamlit_option_menu import option_menu

option_menu("Menu", ["Home", "Files"], key="menu")
probe = components.declare_component("probe", path={folder!r})
found = probe(key="probe")
st.write("found=" + json.dumps(found, sort_keys=True) if found else "waiting")
"""


def _until(page: Any, expression: str, timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.eval(expression)
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"{expression} stayed false")


def test_components_load_in_the_window_and_never_reach_the_bridge(
    launch: Callable[..., Any],
    write_app: Callable[[str], Path],
    desktop_env: dict[str, str],
    tmp_path: Path,
) -> None:
    pytest.importorskip("streamlit_option_menu")
    folder = tmp_path / "probe"
    folder.mkdir()
    (folder / "index.html").write_text(PROBE)
    log = tmp_path / "dialogs.jsonl"
    env = {**desktop_env, "FAKE_DIALOG_LOG": str(log), "FAKE_DIALOG_ANSWER": json.dumps(["/x"])}
    app = launch(
        str(write_app(APP.format(folder=str(folder)))), env=env, command=["-c", FAKE_DIALOG]
    )
    page = app.wait_text("found=")
    text = page.eval("document.body.innerText")
    found = json.loads(text[text.index("found=") + 6 :].splitlines()[0])
    assert found == {
        "parentBridge": "SecurityError",  # the page is another origin to the frame
        "parentPywebview": "SecurityError",
        "ownBridge": "undefined",  # the shell injects nothing into frames
        "ownPywebview": "undefined",
    }
    assert not log.exists()  # no native dialog was ever asked for
    # streamlit-option-menu's files came through the token gate: it drew itself and sized its frame.
    _until(
        page,
        "document.querySelector('iframe[title=\"streamlit_option_menu.option_menu\"]')"
        ".getBoundingClientRect().height > 60",
    )
