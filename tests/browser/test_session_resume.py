"""The shared session store seen from a browser: a restarted server gives the page its values back.

A server with ``storage.sessionStore = "redis"`` stops (as a drained
replica does) and another one, with a new runtime, takes its port; the page
reconnects by itself, offers its resume secret, and shows what it showed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from rillet.runtime.config import Config
from rillet.runtime.redis_storage import open_redis
from rillet.runtime.runtime import Runtime
from rillet.runtime.session_store import RedisSessionStore
from rillet_server import Server
from rillet_server.sockets import bind_sockets

pytestmark = pytest.mark.browser

APP = """
import rillet as st
st.session_state.setdefault("count", 0)
if st.button("Add one"):
    st.session_state.count += 1
name = st.text_input("Name", key="name")
st.write(f"count={st.session_state.count} name={name}")
"""
LOST = "The connection was lost and the app started a new session"


@pytest.fixture
def replica(tmp_path: Path, redis_url: str) -> Iterator[Any]:
    """Factory: ``replica(port)`` serves the app with the session store on ``port`` (0: any)."""
    script = tmp_path / "app.py"
    script.write_text(APP)
    client = open_redis(redis_url)
    client.flushdb()
    running: list[Server] = []
    quiet = logging.getLogger("tornado")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)

    def start(port: int = 0) -> tuple[Server, int]:
        config = Config.from_flags(
            {"server.headless": True, "server.fileWatcherType": "none", "server.port": port}
        )
        runtime = Runtime(script, config, session_store=RedisSessionStore(client))
        server = Server(runtime, config, sockets=bind_sockets("127.0.0.1", port))
        running.append(server)
        return server, server.start_in_thread()

    yield start
    for server in running:
        if server._thread is not None and server._thread.is_alive():
            server.stop()
    quiet.setLevel(level)
    client.close()


def test_a_page_resumes_its_values_on_the_server_that_replaced_its_own(replica, page) -> None:
    first, port = replica()
    page.goto(f"http://127.0.0.1:{port}/")
    name = page.get_by_label("Name")
    name.fill("ada")
    name.press("Enter")
    expect(page.get_by_text("count=0 name=ada")).to_be_visible()
    page.get_by_role("button", name="Add one").click()
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("count=2 name=ada")).to_be_visible()

    first.stop()  # drained: its sessions' records stay in Redis
    replica(port)  # a new process on the same address, knowing none of them

    expect(page.get_by_role("status").filter(has_text="Connecting")).to_have_count(
        0, timeout=15_000
    )
    page.get_by_role("button", name="Add one").click()
    expect(page.get_by_text("count=3 name=ada")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("ada")
    expect(page.get_by_text(LOST)).to_have_count(0)
