"""The ``deployment`` fixture: nginx in front of three ``rillet run`` replicas and one Redis."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from deployment_kit import APP, Deployment, free_port


@pytest.fixture
def deployment(tmp_path: Path, redis_url: str) -> Iterator[Deployment]:
    """nginx on a loopback port in front of three running replicas; one Redis database each test."""
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        pytest.skip("nginx is not installed (apt-get install nginx)")
    # A Redis database of its own: the replicas use the default key prefix.
    parts = urlsplit(redis_url)
    database = 1 + int.from_bytes(os.urandom(1), "big") % 15
    url = parts._replace(path=f"/{database}").geturl()
    deployment = Deployment(tmp_path, tmp_path / "app.py", url, [free_port() for _ in range(3)])
    deployment.script.write_text(APP)
    deployment.redis().flushdb()
    deployment.replicas = [None, None, None]
    try:
        for index in range(3):
            deployment.start_replica(index, wait=False)
        for index in range(3):
            deployment.wait_replica(index)
        deployment.start_nginx()
        yield deployment
    finally:
        deployment.stop()
        with contextlib.suppress(Exception):
            deployment.redis().flushdb()
