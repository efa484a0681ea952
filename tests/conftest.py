"""Fixtures shared across test folders."""

from __future__ import annotations

import random
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from rillet.runtime.session import Session


def _unused_port() -> int:
    """A free loopback port outside the kernel's ephemeral range.

    A port picked by binding to port 0 is the kind the kernel hands out
    again to the next bind to port 0 — such as the desktop shell's own
    server — so a child process told to listen on it could find it taken.
    Ports below the ephemeral range are only ever given out by name.
    """
    ephemeral = Path("/proc/sys/net/ipv4/ip_local_port_range")
    low = int(ephemeral.read_text().split()[0]) if ephemeral.exists() else 32768
    for _ in range(200):
        port = random.randrange(10000, max(low, 10001))
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free loopback port between 10000 and {low}")


@pytest.fixture(scope="session")
def free_port() -> Callable[[], int]:
    """Returns a function that gives a free loopback port for a child process to bind."""
    return _unused_port


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A private ``redis-server`` for the test session (no saving to disk)."""
    exe = shutil.which("redis-server")
    if exe is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    redis = pytest.importorskip("redis", reason='the redis package: pip install "rillet[redis]"')
    folder = tmp_path_factory.mktemp("redis")
    port = _unused_port()
    argv = [exe, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    process = subprocess.Popen(
        [*argv, "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
    )
    url = f"redis://127.0.0.1:{port}/0"
    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError(f"redis-server did not start on port {port}") from None
            time.sleep(0.02)
    client.close()
    yield url
    process.terminate()
    process.wait(timeout=10)


def local_session(script: Path, deliver: Callable[[list[Any]], None], **options: Any) -> Session:
    """A real ``Session`` of ``script`` (in-memory media and uploads) whose client is ``deliver``."""
    from rillet.runtime.media import InMemoryMediaStorage
    from rillet.runtime.outbox import Outbox
    from rillet.runtime.pages import PageRegistry
    from rillet.runtime.session import App, Session
    from rillet.runtime.uploads import InMemoryUploadStorage

    app = App(
        main_script=script,
        media=InMemoryMediaStorage(),
        uploads=InMemoryUploadStorage(),
        pages=PageRegistry(script),
    )
    return Session(app, Outbox(deliver), **options)
