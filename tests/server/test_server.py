"""Server lifecycle: start, sockets handed in, graceful stop, signals."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request

import pytest
import websockets.sync.client
from websockets.exceptions import ConnectionClosed

from rillet.runtime.config import Config
from rillet_server import Server, ServerState, ServerStateError


def _config(**flags: object) -> Config:
    return Config.from_flags(
        {"server.port": 0, "server.address": "127.0.0.1", "server.fileWatcherType": "none", **flags}
    )


def test_server_serves_on_a_socket_handed_in(runtime, static_dir) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    sock.setblocking(False)
    port = sock.getsockname()[1]
    server = Server(runtime, _config(), static_dir=static_dir, sockets=[sock])
    assert server.start_in_thread() == port
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_rillet/health", timeout=5) as r:
            assert r.read() == b"ok"
    finally:
        server.stop()
    assert sock.fileno() == -1  # the server closed it


def test_graceful_stop_says_goodbye_and_releases_everything(serve) -> None:
    running = serve()
    url = f"ws://127.0.0.1:{running.port}/_rillet/stream"
    with websockets.sync.client.connect(url, open_timeout=5) as ws:
        assert ws.recv(timeout=5) == b"new:s1"
        running.server.stop()
        with pytest.raises(ConnectionClosed) as closed:
            ws.recv(timeout=5)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 1001
    assert running.server.state is ServerState.STOPPED
    assert running.runtime.shut_down
    assert running.runtime.disconnected == ["s1"]
    with socket.socket() as again:  # the port is free again
        again.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        again.bind(("127.0.0.1", running.port))


def test_server_cannot_start_twice(serve) -> None:
    running = serve()
    with pytest.raises(ServerStateError, match="server is serving: cannot become starting"):
        running.server.start_in_thread()


def test_stop_needs_a_threaded_server(runtime, static_dir) -> None:
    server = Server(runtime, _config(), static_dir=static_dir)
    with pytest.raises(ServerStateError, match="start_in_thread"):
        server.stop()


def test_port_in_use_fails_the_start(runtime, static_dir) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        config = _config(**{"server.port": taken.getsockname()[1]})
        server = Server(runtime, config, static_dir=static_dir)
        with pytest.raises(OSError):
            server.start_in_thread()
        assert server.state is ServerState.STOPPED


_SIGNAL_APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from rillet.runtime.config import Config
    from rillet.runtime.media import InMemoryMediaStorage
    from rillet.runtime.uploads import InMemoryUploadStorage
    from rillet_server import Server

    class Runtime:
        script_path = Path("app.py")
        media = InMemoryMediaStorage()
        uploads = InMemoryUploadStorage()
        def shutdown(self, timeout=1.0):
            print("runtime shut down", flush=True)

    config = Config.from_flags({"server.port": 0, "server.address": "127.0.0.1",
                                "server.fileWatcherType": "none"})
    server = Server(Runtime(), config, static_dir=Path(sys.argv[1]))
    server.run(started=lambda port: print("port", port, flush=True))
    print("state", server.state.value, flush=True)
    """
)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_stops_the_server_cleanly(sig: signal.Signals, static_dir) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", _SIGNAL_APP, str(static_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.startswith("port "), line + proc.stderr.read() if proc.stderr else ""
        port = int(line.split()[1])
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_rillet/health", timeout=5) as r:
            assert r.status == 200
        started = time.monotonic()
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0
    assert "runtime shut down" in out and "state stopped" in out
    assert "Traceback" not in err
    assert time.monotonic() - started < 3


def test_https_needs_both_files(runtime, static_dir) -> None:
    with pytest.raises(ValueError, match=r"server\.sslCertFile is set but not its partner"):
        Server(runtime, _config(**{"server.sslCertFile": "cert.pem"}), static_dir=static_dir)


def test_unreadable_certificate_fails_the_start_naming_the_files(
    runtime, static_dir, tmp_path
) -> None:
    flags = {"server.sslCertFile": str(tmp_path / "c.pem"), "server.sslKeyFile": "k.pem"}
    server = Server(runtime, _config(**flags), static_dir=static_dir)
    with pytest.raises(OSError, match=r"cannot load the HTTPS certificate .*c\.pem"):
        server.start_in_thread()
    assert server.state is ServerState.STOPPED
