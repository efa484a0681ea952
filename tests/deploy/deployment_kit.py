"""Helpers for a real deployment: Debian's nginx in front of three ``rillet run`` replicas and one Redis.

nginx runs from a config generated in a tmp dir around the shipped sample
``samples/deploy/nginx/rillet.conf`` (only its upstream addresses and listen
port are rewritten), with its prefix, pid, temp files and logs in that dir:
no system config is read or touched. Every process listens on loopback.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets.sync.client

from rillet.protocol import rillet_pb2 as pb

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_CONF = ROOT / "samples" / "deploy" / "nginx" / "rillet.conf"
BASE = "/team/app"
PNG = b"\x89PNG\r\n\x1a\n" + b"pixels of the deployment test" * 40
APP = f"""
import rillet as st

st.image({PNG!r})
upload = st.file_uploader("data")
if upload is not None:
    st.write("got " + upload.getvalue().decode())
n = st.slider("n", 0, 1000, 5)
st.write(f"n={{n}}")
"""
# For the shared session store: widget values and st.session_state to keep.
STATEFUL_APP = """
import rillet as st

st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
n = st.slider("n", 0, 1000, 5)
note = st.text_input("note", key="note")
st.write(f"n={n} note={note} runs={st.session_state.runs}")
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(ready: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not come up within {timeout:.0f} s")
        time.sleep(0.05)


def http_get(port: int, path: str, timeout: float = 5.0) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status
    except OSError:
        return 0
    finally:
        conn.close()


def nginx_config(folder: Path, listen: int, upstreams: list[int]) -> str:
    """The shipped sample with loopback addresses, wrapped in a self-contained main config."""
    sample = SAMPLE_CONF.read_text()
    servers = iter(upstreams)
    sample, count = re.subn(
        r"server rillet-\d+:8501", lambda _: f"server 127.0.0.1:{next(servers)}", sample
    )
    assert count == len(upstreams), "the sample's upstream block changed shape"
    sample, count = re.subn(r"listen 80;", f"listen 127.0.0.1:{listen};", sample)
    assert count == 1
    (folder / "rillet.conf").write_text(sample)
    temp = "\n".join(
        f"    {kind}_temp_path {folder / 'tmp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # As root nginx would hand requests to workers running as nobody, who may
    # not enter pytest's private tmp dir.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}worker_processes 1;\ndaemon off;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} warn;\n"
        "events { worker_connections 4096; }\n"
        f"http {{\n    access_log {folder / 'access.log'};\n{temp}\n"
        f"    include {folder / 'rillet.conf'};\n}}\n"
    )


@dataclass
class Deployment:
    folder: Path
    script: Path
    redis_url: str
    ports: list[int]
    port: int = 0
    replicas: list[subprocess.Popen[bytes] | None] = field(default_factory=list)
    nginx: subprocess.Popen[bytes] | None = None
    # storage.sessionStore = "redis": sessions resume on another replica.
    session_store: bool = False

    # -- processes -----------------------------------------------------------
    def start_replica(self, index: int, wait: bool = True) -> None:
        log = open(self.folder / f"replica-{index}.log", "ab")  # noqa: SIM115
        argv = [
            sys.executable, "-m", "rillet", "run", str(self.script),
            f"--server.port={self.ports[index]}", "--server.address=127.0.0.1",
            "--server.headless=true", "--server.fileWatcherType=none",
            f"--server.baseUrlPath={BASE.strip('/')}", "--server.disconnectedSessionTTL=2",
            "--storage.backend=redis", f"--storage.redisUrl={self.redis_url}",
        ]  # fmt: skip
        if self.session_store:
            argv.append("--storage.sessionStore=redis")
        process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, cwd=self.folder)
        log.close()
        self.replicas[index] = process
        if wait:
            self.wait_replica(index)

    def wait_replica(self, index: int) -> None:
        port = self.ports[index]
        wait_until(lambda: http_get(port, f"{BASE}/_rillet/health", 1) == 200, f"replica {index}")

    def signal_replica(self, index: int, sig: signal.Signals, timeout: float = 15.0) -> None:
        process = self.replicas[index]
        assert process is not None
        process.send_signal(sig)
        process.wait(timeout=timeout)
        self.replicas[index] = None

    def start_nginx(self) -> None:
        exe = shutil.which("nginx") or "/usr/sbin/nginx"
        (self.folder / "tmp").mkdir(exist_ok=True)
        self.port = free_port()
        conf = self.folder / "nginx.conf"
        conf.write_text(nginx_config(self.folder, self.port, self.ports))
        argv = [exe, "-p", str(self.folder), "-e", str(self.folder / "error.log"), "-c", str(conf)]
        check = subprocess.run([*argv, "-t"], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
        self.nginx = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        wait_until(lambda: http_get(self.port, f"{BASE}/_rillet/health", 1) == 200, "nginx")

    def stop(self) -> None:
        for process in [*self.replicas, self.nginx]:
            if process is not None and process.poll() is None:
                process.terminate()
        for process in [*self.replicas, self.nginx]:
            if process is not None:
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()

    # -- clients -------------------------------------------------------------
    def request(
        self, method: str, path: str, *, body: bytes | None = None, **headers: str
    ) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            conn.request(method, BASE + path, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def connect(self, resume: str | None = None, secret: str = "") -> Client:
        """A tab's socket; ``resume`` and ``secret`` as the client offers them on reconnect."""
        url = f"ws://127.0.0.1:{self.port}{BASE}/_rillet/stream"
        if resume:
            url += f"?session={resume}"
        protocols: Any = ["rillet", f"rillet-resume.{secret}"] if secret else None
        ws = websockets.sync.client.connect(
            url, open_timeout=5, max_size=None, subprotocols=protocols
        ).__enter__()
        return Client(ws)

    def redis(self) -> Any:
        import redis

        return redis.Redis.from_url(self.redis_url)


class Client:
    """One tab's WebSocket through nginx, speaking rillet's protobuf."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.elements: dict[tuple[int, ...], pb.Element] = {}
        self.new_session = self.until(lambda m: m.HasField("new_session")).new_session
        self.session_id = self.new_session.session_id

    def until(self, wanted: Callable[[pb.ForwardMsg], bool], timeout: float = 10) -> pb.ForwardMsg:
        deadline = time.monotonic() + timeout
        while True:
            batch = pb.ForwardBatch()
            batch.ParseFromString(self.ws.recv(timeout=max(0.01, deadline - time.monotonic())))
            for msg in batch.msgs:
                if msg.HasField("delta") and msg.delta.HasField("new_element"):
                    self.elements[tuple(msg.delta.path)] = msg.delta.new_element
                if wanted(msg):
                    return msg

    def rerun(self, *states: pb.WidgetState, timeout: float = 10) -> None:
        self.elements.clear()
        request = pb.RerunRequest(widget_states=pb.WidgetStates(widgets=states))
        self.ws.send(pb.BackMsg(rerun=request).SerializeToString())
        finished = self.until(lambda m: m.HasField("script_finished"), timeout)
        assert finished.script_finished.status == pb.ScriptFinished.SUCCESS

    def found(self, kind: str) -> list[pb.Element]:
        return [e for _, e in sorted(self.elements.items()) if e.WhichOneof("type") == kind]

    def texts(self) -> list[str]:
        return [e.markdown.body for e in self.found("markdown")]

    def widget_id(self, kind: str) -> str:
        [element] = self.found(kind)
        return str(getattr(element, kind).common.id)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.ws.close()


class RedisProcess:
    """A redis-server on a loopback port, without saving to disk."""

    def __init__(self, folder: Path, port: int) -> None:
        self.folder = folder
        self.port = port
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        import redis

        self.folder.mkdir(exist_ok=True)
        argv = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        argv += ["--save", "", "--appendonly", "no", "--dir", str(self.folder)]
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        client = redis.Redis(port=self.port)

        def ready() -> bool:
            try:
                return bool(client.ping())
            except redis.ConnectionError:
                return False

        try:
            wait_until(ready, "redis-server")
        finally:
            client.close()

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
