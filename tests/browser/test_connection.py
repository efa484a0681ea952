"""The WebSocket from a user's point of view: dropped sockets, junk from elsewhere, stable DOM."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

COUNTER = """
import rillet as st
if "n" not in st.session_state:
    st.session_state.n = 0
if st.button("Add one"):
    st.session_state.n += 1
st.write(f"count={st.session_state.n}")
"""


def test_dropped_socket_shows_connecting_and_resumes_the_session(open_app):
    page, app = open_app(COUNTER, "count=0")
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("count=1")).to_be_visible()

    # Offline first, so the reconnect attempts fail until we come back.
    page.context.set_offline(True)
    app.drop_connections()
    indicator = page.get_by_role("status").filter(has_text="Connecting")
    expect(indicator).to_be_visible()
    page.wait_for_timeout(500)  # a few failed attempts: the state holds
    expect(indicator).to_be_visible()
    expect(page.get_by_text("count=1")).to_be_visible()  # the page is kept meanwhile

    page.context.set_offline(False)
    expect(indicator).to_have_count(0, timeout=15_000)
    # The same session: its state continues from 1 (a fresh session would show 1 again).
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("count=2")).to_be_visible()


def _stream_url(page_url: str) -> str:
    parts = urlsplit(page_url)
    return f"ws://{parts.netloc}/_rillet/stream"


def test_junk_on_a_websocket_closes_only_that_socket(open_app):
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import connect

    page, app = open_app(COUNTER, "count=0")
    origin = app.url.rstrip("/")
    with connect(_stream_url(app.url), origin=origin, open_timeout=5) as junk:
        junk.recv(timeout=5)  # the new session's first frame: it is a real socket
        junk.send(b"\xff\x00 this is not a BackMsg \x00" * 10)
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                junk.recv(timeout=5)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1007  # invalid payload

    with connect(_stream_url(app.url), origin=origin, open_timeout=5) as text:
        text.send("a text frame")
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                text.recv(timeout=5)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1003  # unsupported data

    # Garbage that is not even HTTP.
    host, port = urlsplit(app.url).netloc.split(":")
    with socket.create_connection((host, int(port)), timeout=5) as raw:
        raw.sendall(b"\x16\x03\x01 NOT HTTP AT ALL\r\n\r\n")
        raw.recv(1024)

    # The browser's own session never noticed.
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("count=1")).to_be_visible()
    expect(page.get_by_role("status").filter(has_text="Connecting")).to_have_count(0)


# Records every app element (or button) that leaves the DOM while it is observed.
# A markdown body re-rendering its own paragraphs is an update, not a removal.
WATCH_REMOVALS = """() => {
  window.__removed = [];
  window.__button = [...document.querySelectorAll('button')].find(b => b.textContent.trim() === 'Add one');
  new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.removedNodes)
        if (node.nodeType === 1 && (node.matches('.rl-element, button') || node.querySelector('.rl-element, button')))
          window.__removed.push(node.outerHTML.slice(0, 120));
  }).observe(document.querySelector('main'), {subtree: true, childList: true});
}"""


def test_reruns_update_elements_in_place_without_removing_them(open_app):
    # A click that finds no button mid-rerun was reported once: the client must
    # keep every element from the last run until the new run replaces it.
    page, _ = open_app(COUNTER, "count=0")
    page.evaluate(WATCH_REMOVALS)
    for i in range(1, 16):
        page.evaluate(
            "() => [...document.querySelectorAll('button')]"
            ".find(b => b.textContent.trim() === 'Add one').click()"
        )
        expect(page.get_by_text(f"count={i}", exact=True)).to_be_visible()
    assert page.evaluate("() => document.contains(window.__button)"), "the button was re-created"
    assert page.evaluate("() => window.__removed") == []
