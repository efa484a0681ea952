"""The ``deployment`` fixture: nginx in front of three ``rillet run`` replicas and one Redis."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from deployment_kit import APP, STATEFUL_APP, Deployment, RedisProcess, free_port


@pytest.fixture
def deployment(tmp_path: Path, redis_url: str) -> Iterator[Deployment]:
    """nginx on a loopback port in front of three running replicas; one Redis database each test."""
    # A Redis database of its own: the replicas use the default key prefix.
    yield from deploy(tmp_path, _own_database(redis_url))


@pytest.fixture
def stored_deployment(tmp_path: Path, redis_url: str) -> Iterator[Deployment]:
    """The deployment with the shared session store on, serving an app with state to keep."""
    yield from deploy(tmp_path, _own_database(redis_url), app=STATEFUL_APP, session_store=True)


def _own_database(redis_url: str) -> str:
    parts = urlsplit(redis_url)
    database = 1 + int.from_bytes(os.urandom(1), "big") % 15
    return parts._replace(path=f"/{database}").geturl()


def deploy(
    tmp_path: Path, url: str, *, app: str = APP, session_store: bool = False
) -> Iterator[Deployment]:
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        pytest.skip("nginx is not installed (apt-get install nginx)")
    deployment = Deployment(
        tmp_path,
        tmp_path / "app.py",
        url,
        [free_port() for _ in range(3)],
        session_store=session_store,
    )
    deployment.script.write_text(app)
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


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisProcess]:
    """A redis-server of this test's own, which the test may stop and start again."""
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    pytest.importorskip("redis")
    process = RedisProcess(tmp_path / "redis", free_port())
    process.start()
    yield process
    process.stop()


@pytest.fixture
def fragile_deployment(tmp_path: Path, own_redis: RedisProcess) -> Iterator[Deployment]:
    """The deployment on ``own_redis``."""
    yield from deploy(tmp_path, f"redis://127.0.0.1:{own_redis.port}/0")
