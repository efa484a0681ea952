"""The connection's WebSocket held by a dedicated worker, seen from the page.

The client opens its socket in a worker (``src/socketRelay.ts``) so that
receiving a large table part costs the page's main thread nothing: clicks,
tables in parts and reconnects work through it as they did through the
page's own socket, and where no worker can run the page's own socket serves.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import received

pytestmark = pytest.mark.browser

COUNTER = """
import rillet as st
st.session_state.setdefault("n", 0)
if st.button("Add one"):
    st.session_state.n += 1
st.write(f"count={st.session_state.n}")
"""

# Counts the WebSockets the page itself opens (the worker has its own WebSocket).
COUNT_PAGE_SOCKETS = """
window.__pageSockets = 0;
const PageSocket = window.WebSocket;
window.WebSocket = class extends PageSocket {
  constructor(...args) { super(...args); window.__pageSockets += 1; }
};
"""


def socket_workers(page: Any) -> list[Any]:
    return [worker for worker in page.workers if "socketWorker" in worker.url]


def open_counter(serve: Any, page: Any, **options: object) -> Any:
    app = serve(COUNTER, **options)
    page.add_init_script(COUNT_PAGE_SOCKETS)
    page.goto(app.url)
    expect(page.get_by_text("count=0", exact=True)).to_be_visible()
    return app


def test_clicks_go_through_the_worker_socket_and_the_page_opens_none(serve, page):
    open_counter(serve, page)
    assert len(socket_workers(page)) == 1
    before = received(page)
    assert before.in_worker
    for n in range(1, 4):
        page.get_by_role("button", name="Add one").click()
        expect(page.get_by_text(f"count={n}", exact=True)).to_be_visible()
    assert page.evaluate("window.__pageSockets") == 0
    after = received(page)
    assert after.frames >= before.frames + 3 and after.bytes > before.bytes


def test_under_a_base_path_the_worker_loads_and_holds_the_socket(serve, page):
    app = open_counter(serve, page, server__baseUrlPath="team/app")
    assert app.url.endswith("/team/app/")
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("count=1", exact=True)).to_be_visible()
    assert received(page).in_worker and page.evaluate("window.__pageSockets") == 0


def test_a_large_table_arrives_in_parts_through_the_worker(serve, page):
    # 300,000 rows of int64 (2.4 MB of Arrow): first rows, then the rest, as two frames.
    app = serve(
        """
        import numpy as np
        import pandas as pd
        import rillet as st
        st.dataframe(pd.DataFrame({"n": np.arange(300_000)}), height=300)
        st.write("shown")
        """
    )
    page.add_init_script(COUNT_PAGE_SOCKETS)
    page.goto(app.url)
    grid = page.locator(".rl-dg")
    expect(grid).to_have_attribute("data-loaded-rows", "300000", timeout=30_000)
    got = received(page)
    assert got.frames >= 3 and got.bytes > 2_400_000, got  # new session, first rows, the rest
    assert page.evaluate("window.__pageSockets") == 0
    page.locator(".rl-dg-scroll").evaluate("node => { node.scrollTop = node.scrollHeight; }")
    last = page.locator(".rl-dg-cell[data-col='1']", has_text=re.compile(r"^299,?999$"))
    expect(last).to_have_count(1)


def test_a_dropped_worker_socket_reconnects_to_the_same_session(serve, page):
    app = open_counter(serve, page)
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("count=1", exact=True)).to_be_visible()
    frames = received(page).frames
    app.drop_connections()
    # Reconnected: the resumed session's first message came in.
    page.wait_for_function("n => window.__rilletReceived().frames > n", arg=frames)
    expect(page.get_by_role("status").filter(has_text="Connecting")).to_have_count(0)
    page.get_by_role("button", name="Add one").click()
    # The same session: its state continues from 1 (a fresh one would show 1 again).
    expect(page.get_by_text("count=2", exact=True)).to_be_visible()
    assert page.evaluate("window.__pageSockets") == 0
    assert len(socket_workers(page)) == 1 and received(page).in_worker  # the same worker


def test_without_workers_the_page_uses_its_own_socket(serve, page):
    page.add_init_script("window.Worker = undefined;")
    open_counter(serve, page)
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("count=1", exact=True)).to_be_visible()
    assert page.evaluate("window.__pageSockets") == 1
    got = received(page)
    assert got.frames >= 2 and not got.in_worker


def test_a_worker_file_that_fails_to_load_leaves_the_page_its_own_socket(serve, page):
    page.route(re.compile(r".*/socketWorker-[^/]*\.js$"), lambda route: route.fulfill(status=404))
    open_counter(serve, page)
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("count=1", exact=True)).to_be_visible()
    assert page.evaluate("window.__pageSockets") == 1
    assert socket_workers(page) == [] and not received(page).in_worker
