"""A server takes its whole open-files allowance: each session is a socket."""

from __future__ import annotations

import resource

import pytest

from rillet_server.sockets import bind_sockets


def test_listening_raises_the_soft_open_files_limit_to_the_hard_one() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or soft == hard:
        pytest.skip(f"nothing to raise here (soft {soft}, hard {hard})")
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(soft, 1024), hard))
    try:
        sockets = bind_sockets("127.0.0.1", 0)
        for sock in sockets:
            sock.close()
        assert resource.getrlimit(resource.RLIMIT_NOFILE) == (hard, hard)
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
