"""Load bench: many protocol-level sessions against one ``rillet run`` replica (and Streamlit's).

A session here is what a browser tab is to the server, without the browser:
a WebSocket speaking the framework's own protobuf. Each framework gets a
client of its own (rillet: ``rillet.protocol``; Streamlit 1.67: the
``streamlit.proto`` messages that ship in its package), the same two apps
and the same measurements, in one run:

- reruns per second and p50/p99 rerun latency with 1, 32 and 256 sessions
  rerunning back to back (each rerun moves a slider to a value of its own
  and checks that the page it gets back shows that value), for a trivial
  app (one slider) and a 50-widget app (50 sliders, every rerun sends all
  50 values, as a browser does);
- sessions opened per second: connect, the first run, its ``script_finished``;
- memory per idle session: the server's RSS growth over ``--idle`` opened
  sessions, divided by their number;
- the most idle sessions one replica holds, up to ``--max-sessions``.

The bench raises its file-descriptor limit to the hard limit
(``resource.setrlimit``, as servers do); the servers it starts inherit it.

``--soak``: ``--soak-sessions`` sessions x ``--soak-reruns`` reruns each with
scripted slider values; every session checks every page shows its own value,
and the server's RSS is compared after warm-up and at the end. Streamlit's
soak is cut to 20 x 20 (at a few reruns a second the full one takes hours).

``--open-rounds N``: N more batches of the largest ``--counts`` opened and
closed on the trivial app, for the median and range of sessions opened/s and
of the CPU per open (one batch lasts a fraction of a second).

Run: ``python bench/load.py`` (about 2 minutes), ``--quick`` (shorter runs),
``--rillet-only``, ``--soak``, ``--tornado-floor`` (a bare Tornado WebSocket server opened
the same way: the share of an open that is the handshake's).
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import gc
import hashlib
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TRIVIAL = 'import streamlit as st\nn = st.slider("n", 0, 100_000_000, 0)\nst.write(f"n={n}")\n'
WIDE = (
    "import streamlit as st\n"
    'values = [st.slider(f"s{i}", 0, 100_000_000, 0) for i in range(50)]\n'
    'st.write(f"n={values[0]}")\n'
)
APPS = {"trivial": TRIVIAL, "50 widgets": WIDE}


# -- the client's WebSocket -----------------------------------------------------
#
# The bench client shares the machine's two cores with the server it measures:
# every microsecond it spends per frame is taken from the server. A general
# client library (``websockets``: its handshake, reader tasks, UTF-8 and
# extension machinery) cost ~0.35 ms of CPU per session opened, about half of
# what the server spends. This one is an asyncio Protocol doing RFC 6455 and
# nothing more: the handshake (its accept key checked), masked client frames,
# fragmented messages, ping/pong and the closing handshake. Both frameworks
# are driven through it, so what a figure measures is unchanged.

_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
_OP_CONTINUATION, _OP_TEXT, _OP_BINARY, _OP_CLOSE, _OP_PING, _OP_PONG = 0, 1, 2, 8, 9, 10


class WebSocketError(ConnectionError):
    """The handshake was refused, or the connection broke or closed."""


def _mask(payload: bytes, key: bytes) -> bytes:
    n = len(payload)
    if n == 0:
        return payload
    repeated = (key * (n // 4 + 1))[:n]
    return (int.from_bytes(payload, "big") ^ int.from_bytes(repeated, "big")).to_bytes(n, "big")


def _frame(opcode: int, payload: bytes) -> bytes:
    """A final, masked client frame."""
    n = len(payload)
    if n < 126:
        head = bytes((0x80 | opcode, 0x80 | n))
    elif n < 1 << 16:
        head = bytes((0x80 | opcode, 0x80 | 126)) + n.to_bytes(2, "big")
    else:
        head = bytes((0x80 | opcode, 0x80 | 127)) + n.to_bytes(8, "big")
    key = os.urandom(4)
    return head + key + _mask(payload, key)


class WebSocket(asyncio.Protocol):
    """One client connection: ``await connect(url)``, then :meth:`send`, :meth:`recv`, :meth:`close`."""

    def __init__(self, key: bytes) -> None:
        loop = asyncio.get_running_loop()
        self._accept = base64.b64encode(hashlib.sha1(key + _GUID).digest())
        self._transport: asyncio.Transport | None = None
        self._buffer = bytearray()
        self._upgraded = False
        self._opened: asyncio.Future[None] = loop.create_future()
        self._closed: asyncio.Future[None] = loop.create_future()
        self._messages: deque[bytes] = deque()
        self._waiter: asyncio.Future[None] | None = None
        self._fragments: list[bytes] = []
        self._error: WebSocketError | None = None
        self._close_sent = False

    # asyncio.Protocol

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self._transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None:  # as a browser does: no Nagle delay on small frames
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def data_received(self, data: bytes) -> None:
        buffer = self._buffer
        buffer += data
        if not self._upgraded and not self._handshake():
            return
        pos, size = 0, len(buffer)
        while size - pos >= 2:
            first, second = buffer[pos], buffer[pos + 1]
            length, head = second & 0x7F, 2
            if length == 126:
                if size - pos < 4:
                    break
                length, head = int.from_bytes(buffer[pos + 2 : pos + 4], "big"), 4
            elif length == 127:
                if size - pos < 10:
                    break
                length, head = int.from_bytes(buffer[pos + 2 : pos + 10], "big"), 10
            if second & 0x80:
                self._fail("the server masked a frame")
                return
            if size - pos < head + length:
                break
            payload = bytes(buffer[pos + head : pos + head + length])
            pos += head + length
            self._frame_received(first & 0x80, first & 0x0F, payload)
        del buffer[:pos]

    def connection_lost(self, exc: Exception | None) -> None:
        self._fail(f"connection lost: {exc}" if exc else "connection closed")
        if not self._closed.done():
            self._closed.set_result(None)

    # frames

    def _handshake(self) -> bool:
        end = self._buffer.find(b"\r\n\r\n")
        if end < 0:
            return False
        head = bytes(self._buffer[:end]).decode("latin-1").split("\r\n")
        del self._buffer[: end + 4]
        headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in head[1:])}
        if head[0].split(" ")[1:2] != ["101"]:
            self._fail(f"handshake refused: {head[0]}")
            return False
        if headers.get("sec-websocket-accept", "").encode() != self._accept:
            self._fail("handshake: wrong Sec-WebSocket-Accept")
            return False
        self._upgraded = True
        if not self._opened.done():
            self._opened.set_result(None)
        return True

    def _frame_received(self, fin: int, opcode: int, payload: bytes) -> None:
        if opcode in (_OP_BINARY, _OP_TEXT, _OP_CONTINUATION):
            if not fin:
                self._fragments.append(payload)
                return
            if self._fragments:
                self._fragments.append(payload)
                payload = b"".join(self._fragments)
                self._fragments = []
            self._messages.append(payload)
            self._wake()
        elif opcode == _OP_PING:
            self._write(_frame(_OP_PONG, payload))
        elif opcode == _OP_CLOSE:
            if not self._close_sent:
                self._close_sent = True
                self._write(_frame(_OP_CLOSE, payload[:2]))
            code = int.from_bytes(payload[:2], "big") if len(payload) >= 2 else 1005
            self._fail(f"closed by the server ({code} {payload[2:].decode('utf-8', 'replace')})")
            if self._transport is not None:
                self._transport.close()

    def _write(self, data: bytes) -> None:
        if self._transport is not None and not self._transport.is_closing():
            self._transport.write(data)

    def _fail(self, reason: str) -> None:
        if self._error is None:
            self._error = WebSocketError(reason)
        if not self._opened.done():
            self._opened.set_exception(self._error)
        self._wake()

    def _wake(self) -> None:
        waiter, self._waiter = self._waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    # the API

    async def recv(self) -> bytes:
        while not self._messages:
            if self._error is not None:
                raise self._error
            self._waiter = asyncio.get_running_loop().create_future()
            await self._waiter
        return self._messages.popleft()

    async def send(self, payload: bytes) -> None:
        if self._error is not None:
            raise self._error
        self._write(_frame(_OP_BINARY, payload))

    async def close(self, timeout: float = 10) -> None:
        """The closing handshake: send a close frame, wait for the server to close."""
        if not self._close_sent:
            self._close_sent = True
            self._write(_frame(_OP_CLOSE, (1000).to_bytes(2, "big")))
        try:
            await asyncio.wait_for(asyncio.shield(self._closed), timeout)
        except (TimeoutError, asyncio.TimeoutError):
            pass
        finally:
            if self._transport is not None:
                self._transport.close()


async def connect(url: str, timeout: float = 30) -> WebSocket:
    """Open a WebSocket to ``ws://host:port/path`` (no extensions, no subprotocol)."""
    parts = urllib.parse.urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    key = base64.b64encode(os.urandom(16))
    loop = asyncio.get_running_loop()
    _, ws = await asyncio.wait_for(
        loop.create_connection(lambda: WebSocket(key), host, port), timeout
    )
    request = (
        f"GET {parts.path or '/'}{'?' + parts.query if parts.query else ''} HTTP/1.1\r\n"
        f"Host: {parts.netloc}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: {key.decode()}\r\nSec-WebSocket-Version: 13\r\n"
        "User-Agent: rillet-bench-load\r\n\r\n"
    )
    ws._write(request.encode("latin-1"))
    try:
        await asyncio.wait_for(asyncio.shield(ws._opened), timeout)
    except BaseException:
        if ws._transport is not None:
            ws._transport.close()
        raise
    return ws


# -- the two protocols ----------------------------------------------------------


@dataclass
class Page:
    """What one run showed: slider ids in order, markdown texts, and how it ended."""

    sliders: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    finished: bool = False
    ok: bool = False


class RilletProtocol:
    name = "rillet"
    stream = "/_rillet/stream"
    health = "/_rillet/health"

    def __init__(self) -> None:
        from rillet.protocol import rillet_pb2

        self.pb = rillet_pb2

    def argv(self, script: Path, port: int) -> list[str]:
        return [
            sys.executable, "-m", "rillet", "run", str(script), f"--server.port={port}",
            "--server.address=127.0.0.1", "--server.headless=true",
            "--server.fileWatcherType=none", "--logger.level=error",
        ]  # fmt: skip

    def opening(self) -> bytes | None:
        return None  # the server speaks first (NewSession); the client then asks for a run

    def feed(self, frame: bytes, page: Page, session: Session) -> None:
        batch = self.pb.ForwardBatch()
        batch.ParseFromString(frame)
        for msg in batch.msgs:
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                session.id = msg.new_session.session_id
            elif kind == "delta" and msg.delta.HasField("new_element"):
                element = msg.delta.new_element
                which = element.WhichOneof("type")
                if which == "slider":
                    page.sliders.append(element.slider.common.id)
                elif which == "markdown":
                    page.texts.append(element.markdown.body)
            elif kind == "script_finished":
                page.finished = True
                page.ok = msg.script_finished.status == self.pb.ScriptFinished.SUCCESS

    def rerun(self, values: dict[str, float], session: Session) -> bytes:
        pb = self.pb
        states = [
            pb.WidgetState(id=wid, double_array_value=pb.DoubleArray(data=[v]))
            for wid, v in values.items()
        ]
        request = pb.RerunRequest(widget_states=pb.WidgetStates(widgets=states))
        return bytes(pb.BackMsg(rerun=request).SerializeToString())


class StreamlitProtocol:
    name = "streamlit"
    stream = "/_stcore/stream"
    health = "/_stcore/health"

    def __init__(self) -> None:
        from streamlit.proto import (
            BackMsg_pb2,
            ClientState_pb2,
            Common_pb2,
            ForwardMsg_pb2,
            WidgetStates_pb2,
        )

        self.back, self.client, self.fwd, self.ws, self.common = (
            BackMsg_pb2,
            ClientState_pb2,
            ForwardMsg_pb2,
            WidgetStates_pb2,
            Common_pb2,
        )

    def argv(self, script: Path, port: int) -> list[str]:
        return [
            sys.executable, "-m", "streamlit", "run", str(script), f"--server.port={port}",
            "--server.address=127.0.0.1", "--server.headless=true",
            "--server.fileWatcherType=none", "--browser.gatherUsageStats=false",
            "--global.developmentMode=false", "--logger.level=error",
        ]  # fmt: skip

    def opening(self) -> bytes | None:
        return self._rerun({}, "")  # Streamlit waits for the client's first rerun_script

    def feed(self, frame: bytes, page: Page, session: Session) -> None:
        msg = self.fwd.ForwardMsg()
        msg.ParseFromString(frame)
        kind = msg.WhichOneof("type")
        if kind == "new_session":
            session.id = msg.new_session.initialize.session_id or "streamlit"
            session.page_hash = msg.new_session.main_script_hash
        elif kind == "delta" and msg.delta.HasField("new_element"):
            element = msg.delta.new_element
            which = element.WhichOneof("type")
            if which == "slider":
                page.sliders.append(element.slider.id)
            elif which == "markdown":
                page.texts.append(element.markdown.body)
        elif kind == "script_finished":
            status = msg.script_finished
            if status == self.fwd.ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                return
            page.finished = True
            page.ok = status == self.fwd.ForwardMsg.FINISHED_SUCCESSFULLY

    def _rerun(self, values: dict[str, float], page_hash: str) -> bytes:
        states = [
            self.ws.WidgetState(id=wid, double_array_value=self.common.DoubleArray(data=[v]))
            for wid, v in values.items()
        ]
        state = self.client.ClientState(
            widget_states=self.ws.WidgetStates(widgets=states), page_script_hash=page_hash
        )
        return bytes(self.back.BackMsg(rerun_script=state).SerializeToString())

    def rerun(self, values: dict[str, float], session: Session) -> bytes:
        return self._rerun(values, session.page_hash)


# --tornado-floor: what a session open costs with nothing of rillet's behind
# Tornado's WebSocket handler. It speaks just enough of rillet's protocol for
# the rillet client: a NewSession on open, a finished run for any message.
BARE_SERVER = """
import asyncio, sys
import tornado.web, tornado.websocket
from rillet.protocol import rillet_pb2 as pb

def batch(msg):
    return pb.ForwardBatch(msgs=[msg]).SerializeToString()

HELLO = batch(pb.ForwardMsg(new_session=pb.NewSession(session_id="0" * 32)))
RUN = batch(pb.ForwardMsg(script_finished=pb.ScriptFinished(status=pb.ScriptFinished.SUCCESS)))

class Stream(tornado.websocket.WebSocketHandler):
    def open(self):
        self.set_nodelay(True)
        self.write_message(HELLO, binary=True)

    def on_message(self, message):
        self.write_message(RUN, binary=True)

class Health(tornado.web.RequestHandler):
    def get(self):
        self.finish("ok")

async def main():
    routes = [("/_rillet/stream", Stream), ("/_rillet/health", Health)]
    tornado.web.Application(routes).listen(int(sys.argv[1]), "127.0.0.1")
    await asyncio.Event().wait()

asyncio.run(main())
"""


class TornadoFloorProtocol(RilletProtocol):
    name = "tornado floor"

    def argv(self, script: Path, port: int) -> list[str]:
        return [sys.executable, "-c", BARE_SERVER, str(port)]


Protocol = RilletProtocol | StreamlitProtocol


class Mixup(AssertionError):
    """A session saw a value it did not set."""


@dataclass
class Session:
    protocol: Protocol
    ws: Any = None
    id: str = ""
    page_hash: str = ""
    sliders: list[str] = field(default_factory=list)

    @classmethod
    async def open(cls, protocol: Protocol, url: str) -> Session:
        session = cls(protocol)
        session.ws = await connect(url, timeout=30)
        first = protocol.opening()
        if first is None:
            # rillet: NewSession arrives first; then the client asks for the run.
            while not session.id:
                protocol.feed(await session.ws.recv(), Page(), session)
            first = protocol.rerun({}, session)
        page = await session._run(first)
        session.sliders = page.sliders
        return session

    async def _run(self, frame: bytes) -> Page:
        page = Page()
        await self.ws.send(frame)
        while not page.finished:
            self.protocol.feed(await self.ws.recv(), page, self)
        if not page.ok:
            raise RuntimeError(f"{self.protocol.name}: a run did not finish successfully")
        return page

    async def rerun(self, value: int) -> float:
        """Set every slider to ``value``; check the page shows it; return the latency in s."""
        values = dict.fromkeys(self.sliders, float(value))
        started = time.perf_counter()
        page = await self._run(self.protocol.rerun(values, self))
        elapsed = time.perf_counter() - started
        if page.texts != [f"n={value}"]:
            raise Mixup(f"session {self.id} set {value} but saw {page.texts}")
        return elapsed

    async def close(self) -> None:
        await self.ws.close()


# -- a server under test --------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for pid {pid}")


def cpu_seconds(pid: int) -> float:
    # /proc/<pid>/stat: utime and stime are fields 14 and 15, after the ")" of the name.
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    def __init__(self, protocol: Protocol, source: str, folder: Path) -> None:
        self.protocol = protocol
        self.port = free_port()
        script = folder / f"{protocol.name}_{abs(hash(source))}.py"
        script.write_text(source)
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            protocol.argv(script, self.port),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            cwd=folder,
            env=env,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                url = f"http://127.0.0.1:{self.port}{protocol.health}"
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{protocol.name} did not start")
            time.sleep(0.1)

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}{self.protocol.stream}"

    def rss(self) -> int:
        return rss_kib(self.process.pid)

    def cpu(self) -> float:
        """CPU seconds the server process has used (user + system, every thread)."""
        return cpu_seconds(self.process.pid)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# -- measurements ---------------------------------------------------------------


async def open_sessions(
    protocol: Protocol, url: str, count: int, *, concurrency: int = 64, timeout: float = 60
) -> tuple[list[Session], float]:
    """Open ``count`` sessions, ``concurrency`` at a time; return them and the seconds it took."""
    gate = asyncio.Semaphore(concurrency)

    async def one() -> Session:
        async with gate:
            return await Session.open(protocol, url)

    started = time.perf_counter()
    tasks = [asyncio.ensure_future(one()) for _ in range(count)]
    try:
        sessions = await asyncio.wait_for(asyncio.gather(*tasks), timeout)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await close_all(
            [t.result() for t in tasks if t.done() and not t.cancelled() and not t.exception()]
        )
        raise
    return list(sessions), time.perf_counter() - started


async def close_all(sessions: list[Session]) -> None:
    await asyncio.gather(*(s.close() for s in sessions), return_exceptions=True)


@dataclass
class Reruns:
    per_second: float
    p50_ms: float
    p99_ms: float
    count: int = 0
    # CPU milliseconds per rerun, of the server process and of this client:
    # unlike the wall-clock figures, a busy machine barely changes them.
    server_cpu_ms: float = 0.0
    client_cpu_ms: float = 0.0

    def cpu_text(self) -> str:
        return f"{self.server_cpu_ms:.2f} / {self.client_cpu_ms:.2f}"


async def rerun_for(
    sessions: list[Session],
    seconds: float,
    *,
    every: float | None = None,
    server: Server | None = None,
) -> Reruns:
    """Every session reruns for ``seconds``, each with values of its own.

    Back to back (a closed loop: throughput), or paced: one rerun per session
    every ``every`` seconds, starting at random offsets (latency under a load
    that people clicking would make).
    """
    import random

    latencies: list[float] = []
    stop = time.perf_counter() + seconds

    async def drive(index: int, session: Session) -> None:
        i = 0
        if every is not None:
            await asyncio.sleep(random.uniform(0, every))
        while time.perf_counter() < stop:
            i += 1
            started = time.perf_counter()
            latencies.append(await session.rerun(index * 1000 + i))
            if every is not None:
                await asyncio.sleep(max(0.0, every - (time.perf_counter() - started)))

    started = time.perf_counter()
    server_cpu, client_cpu = server.cpu() if server else 0.0, time.process_time()
    await asyncio.gather(*(drive(i, s) for i, s in enumerate(sessions)))
    elapsed = time.perf_counter() - started
    server_cpu = server.cpu() - server_cpu if server else 0.0
    client_cpu = time.process_time() - client_cpu
    ordered = sorted(latencies)
    count = len(latencies)
    return Reruns(
        count / elapsed,
        1000 * ordered[count // 2],
        1000 * ordered[min(count - 1, int(count * 0.99))],
        count,
        1000 * server_cpu / count,
        1000 * client_cpu / count,
    )


@dataclass
class Soak:
    sessions: int
    reruns: int
    mixups: int
    rss_after_warmup_kib: int
    rss_end_kib: int

    @property
    def growth(self) -> float:
        return self.rss_end_kib / self.rss_after_warmup_kib - 1


async def soak(server: Server, sessions: int, reruns: int) -> Soak:
    """``sessions`` x ``reruns`` scripted reruns; count pages showing another session's value."""
    opened, _ = await open_sessions(server.protocol, server.url, sessions)
    mixups = 0
    warm = max(1, reruns // 10)
    warmed = asyncio.Event()
    done_warmup = 0

    async def drive(index: int, session: Session) -> None:
        nonlocal mixups, done_warmup
        for i in range(reruns):
            try:
                # A script of values: each session its own range, changing every rerun.
                await session.rerun(index * 100_000 + (i * 7919) % 100_000)
            except Mixup:
                mixups += 1
            if i + 1 == warm:
                done_warmup += 1
                if done_warmup == len(opened):
                    warmed.set()

    rss_warm = 0

    async def sample() -> None:
        nonlocal rss_warm
        await warmed.wait()
        rss_warm = server.rss()

    try:
        await asyncio.gather(sample(), *(drive(i, s) for i, s in enumerate(opened)))
        return Soak(sessions, reruns, mixups, rss_warm, server.rss())
    finally:
        await close_all(opened)


def raise_fd_limit() -> int:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = 1 << 20
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


async def bench_framework(
    protocol: Protocol, folder: Path, args: argparse.Namespace, out: dict[str, str]
) -> None:
    name = protocol.name
    for app, source in APPS.items():
        if app not in args.apps:
            continue
        server = Server(protocol, source, folder)
        try:
            for count in args.counts:
                key = f"{app}: reruns/s, p50/p99 ms @ {count}"
                cpu_key = f"{app}: CPU ms per rerun, server / client @ {count}"
                opening_cpu, client_opening_cpu = server.cpu(), time.process_time()
                try:
                    sessions, took = await open_sessions(
                        protocol, server.url, count, timeout=args.open_timeout
                    )
                except (
                    TimeoutError,
                    asyncio.TimeoutError,
                    OSError,
                ) as error:
                    out[key] = (
                        f"n/a: {count} sessions did not open in {args.open_timeout:.0f} s ({type(error).__name__})"
                    )
                    continue
                if app == "trivial" and count > 1:
                    # The largest batch that opened (256 unless it timed out), 64 at a time.
                    out["sessions opened/s"] = f"{count / took:,.0f} ({count} sessions)"
                    out["server CPU ms per session opened"] = (
                        f"{1000 * (server.cpu() - opening_cpu) / count:.2f}"
                    )
                    # This client's share: the two share the machine's two cores.
                    out["client CPU ms per session opened"] = (
                        f"{1000 * (time.process_time() - client_opening_cpu) / count:.2f}"
                    )
                    print(
                        f"  {protocol.name} sessions opened/s: {out['sessions opened/s']}",
                        flush=True,
                    )
                try:
                    await rerun_for(sessions[:1], 0.3)  # warm up
                    result = await rerun_for(sessions, args.seconds, server=server)
                    out[key] = f"{result.per_second:,.0f}  {result.p50_ms:.1f}/{result.p99_ms:.1f}"
                    out[cpu_key] = result.cpu_text()
                finally:
                    await close_all(sessions)
                print(
                    f"  {name} {key}: {out[key]}  (CPU ms server/client {out[cpu_key]})", flush=True
                )
            if app == "trivial" and args.open_rounds > 1 and args.counts:
                await open_figures(protocol, server, max(args.counts), args, out)
            if app == "trivial" and args.idle > 0:
                await idle_figures(protocol, server, args, out)
        finally:
            server.stop()


async def open_figures(
    protocol: Protocol, server: Server, count: int, args: argparse.Namespace, out: dict[str, str]
) -> None:
    """``--open-rounds``: open and close ``count`` sessions that many times; the median and range.

    One batch of opens lasts a fraction of a second, so a single figure
    swings with whatever else the machine does in it.
    """
    rates: list[float] = []
    server_ms: list[float] = []
    client_ms: list[float] = []
    for _ in range(args.open_rounds):
        await asyncio.sleep(0.3)  # the last round's closes are done
        cpu, client_cpu = server.cpu(), time.process_time()
        try:
            sessions, took = await open_sessions(
                protocol, server.url, count, timeout=args.open_timeout
            )
        except (TimeoutError, asyncio.TimeoutError, OSError):
            continue
        server_ms.append(1000 * (server.cpu() - cpu) / count)
        client_ms.append(1000 * (time.process_time() - client_cpu) / count)
        rates.append(count / took)
        await close_all(sessions)
    if not rates:
        return

    def spread(values: list[float], text: str) -> str:
        ordered = sorted(values)
        middle = ordered[len(ordered) // 2]
        return f"{text.format(middle)} ({text.format(ordered[0])}-{text.format(ordered[-1])})"

    label = f"{len(rates)} rounds of {count}"
    out[f"sessions opened/s, median ({label})"] = spread(rates, "{:,.0f}")
    out["  server CPU ms per session opened, median"] = spread(server_ms, "{:.2f}")
    out["  client CPU ms per session opened, median"] = spread(client_ms, "{:.2f}")
    print(
        f"  {protocol.name} sessions opened/s over {label}: "
        f"{out[f'sessions opened/s, median ({label})']}",
        flush=True,
    )


async def idle_figures(
    protocol: Protocol, server: Server, args: argparse.Namespace, out: dict[str, str]
) -> None:
    await asyncio.sleep(0.5)  # closed sessions of the runs above are gone
    idle: list[Session] = []
    # --idle sessions; a server that cannot open that many in time is measured with 50.
    for count in dict.fromkeys((args.idle, min(args.idle, 50))):
        before = server.rss()
        try:
            idle, _ = await open_sessions(protocol, server.url, count, timeout=args.open_timeout)
            break
        except (
            TimeoutError,
            asyncio.TimeoutError,
            OSError,
        ):
            out["KiB per idle session"] = (
                f"n/a: {count} sessions did not open in {args.open_timeout:.0f} s"
            )
            await asyncio.sleep(2)  # let the server drop what it half opened
    if not idle:
        return
    await asyncio.sleep(0.5)
    out["KiB per idle session"] = (
        f"{(server.rss() - before) / len(idle):.1f} ({len(idle)} sessions)"
    )
    if len(idle) < args.idle:
        out["idle sessions held"] = (
            f"not tried: {args.idle} did not open in {args.open_timeout:.0f} s"
        )
        await close_all(idle)
        print(f"  {protocol.name} KiB per idle session: {out['KiB per idle session']}", flush=True)
        return
    print(f"  {protocol.name} KiB per idle session: {out['KiB per idle session']}", flush=True)
    held = list(idle)
    try:
        failure = ""
        while len(held) < args.max_sessions:
            batch = min(500, args.max_sessions - len(held))
            try:
                more, _ = await open_sessions(
                    protocol, server.url, batch, timeout=args.open_timeout
                )
            except (
                TimeoutError,
                asyncio.TimeoutError,
                OSError,
            ) as error:
                failure = f" (next {batch} failed: {type(error).__name__})"
                break
            held.extend(more)
        # While they are all held, 1 in 10 of them rerun: the p99 of a trivial rerun.
        # While they are all held, 1,000 of them rerun, each once a second.
        active = held[:: max(1, len(held) // 1000)][:1000]
        # The client's own garbage collector must not pause the measurement:
        # its objects for 10,000 sockets would take it a second to scan.
        gc.collect()
        gc.freeze()
        result = await rerun_for(active, max(args.seconds, 3.0), every=1.0, server=server)
        out["idle sessions held"] = (
            f"{len(held):,}{failure or (' (the cap, --max-sessions)' if len(held) >= args.max_sessions else '')}"
        )
        out[f"p99 ms, {len(active)} of them rerunning 1/s each"] = f"{result.p99_ms:.1f}"
        out["  their p50 ms"] = f"{result.p50_ms:.1f}"
        out["  their CPU ms per rerun, server / client"] = result.cpu_text()
        out["RSS MiB holding them"] = f"{server.rss() / 1024:.0f}"
        for key in ("idle sessions held", f"p99 ms, {len(active)} of them rerunning 1/s each"):
            print(f"  {protocol.name} {key}: {out[key]}", flush=True)
    finally:
        gc.unfreeze()
        await close_all(held)


def print_table(results: dict[str, dict[str, str]]) -> None:
    names = list(results)
    rows: list[str] = []
    for figures in results.values():
        rows.extend(k for k in figures if k not in rows)
    width = max(len(r) for r in rows) + 2
    print()
    print("figure".ljust(width) + "".join(n.ljust(26) for n in names))
    for row in rows:
        print(row.ljust(width) + "".join(results[n].get(row, "-").ljust(26) for n in names))


async def tornado_floor(folder: Path, args: argparse.Namespace, out: dict[str, str]) -> None:
    """Sessions opened/s and server CPU per open of a bare Tornado WebSocket server."""
    protocol = TornadoFloorProtocol()
    server = Server(protocol, "", folder)
    try:
        sessions, _ = await open_sessions(protocol, server.url, 256)  # warm up
        await close_all(sessions)
        cpu, client_cpu = server.cpu(), time.process_time()
        sessions, took = await open_sessions(protocol, server.url, 256)
        out["sessions opened/s"] = f"{256 / took:,.0f} (256 sessions)"
        out["server CPU ms per session opened"] = f"{1000 * (server.cpu() - cpu) / 256:.2f}"
        out["client CPU ms per session opened"] = (
            f"{1000 * (time.process_time() - client_cpu) / 256:.2f}"
        )
        await close_all(sessions)
        print(f"  tornado floor sessions opened/s: {out['sessions opened/s']}", flush=True)
    finally:
        server.stop()


async def main_async(args: argparse.Namespace) -> None:
    limit = raise_fd_limit()
    print("load average (1, 5, 15 min) at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(f"fd limit raised to {limit} (RLIMIT_NOFILE); the servers inherit it", flush=True)
    protocols: list[Protocol] = [RilletProtocol()]
    streamlit_note = ""
    if not args.rillet_only:
        try:
            protocols.append(StreamlitProtocol())
        except ImportError:
            streamlit_note = "Streamlit is not installed: rillet alone."
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.soak:
            for protocol in protocols:
                sessions, reruns = args.soak_sessions, args.soak_reruns
                if protocol.name == "streamlit":
                    # A few reruns a second: the full soak would take hours.
                    sessions, reruns = min(sessions, 20), min(reruns, 20)
                server = Server(protocol, TRIVIAL, folder)
                try:
                    result = await soak(server, sessions, reruns)
                finally:
                    server.stop()
                print(
                    f"{protocol.name} soak: {result.sessions} sessions x {result.reruns} reruns, "
                    f"{result.mixups} mixed-up pages, RSS {result.rss_after_warmup_kib / 1024:.1f} MiB "
                    f"after warm-up → {result.rss_end_kib / 1024:.1f} MiB at the end "
                    f"({100 * result.growth:+.1f} %)",
                    flush=True,
                )
            return
        results: dict[str, dict[str, str]] = {}
        for protocol in protocols:
            print(f"== {protocol.name}", flush=True)
            results[protocol.name] = {}
            try:
                await bench_framework(protocol, folder, args, results[protocol.name])
            except Exception as error:  # one framework failing still prints the other's figures
                results[protocol.name]["failed"] = f"{type(error).__name__}: {error}"[:60]
                print(f"  {protocol.name} failed: {error!r}", flush=True)
        if args.tornado_floor:
            print("== tornado floor", flush=True)
            results["tornado floor"] = {}
            await tornado_floor(folder, args, results["tornado floor"])
    print_table(results)
    print("load average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(f"\nclient and server on this machine ({os.cpu_count()} cores); {streamlit_note}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="shorter runs, fewer idle sessions")
    parser.add_argument("--rillet-only", action="store_true")
    parser.add_argument("--seconds", type=float, default=3.0, help="each rerun measurement")
    parser.add_argument(
        "--idle", type=int, default=None, help="sessions for the memory figure (1000; 0: none)"
    )
    parser.add_argument("--max-sessions", type=int, default=10_000)
    parser.add_argument("--open-timeout", type=float, default=30.0)
    parser.add_argument(
        "--apps", default="trivial,50 widgets", help="which apps: 'trivial', '50 widgets' or both"
    )
    parser.add_argument(
        "--counts", default="1,32,256", help="the session counts of the rerun figures"
    )
    parser.add_argument(
        "--tornado-floor",
        action="store_true",
        help="also open sessions on a bare Tornado WebSocket handler: the handshake's own cost",
    )
    parser.add_argument(
        "--open-rounds",
        type=int,
        default=1,
        help="also open and close the largest count of sessions this many times (trivial app):"
        " the median and range of sessions opened/s and CPU per open",
    )
    parser.add_argument("--soak", action="store_true")
    parser.add_argument("--soak-sessions", type=int, default=100)
    parser.add_argument("--soak-reruns", type=int, default=1000)
    args = parser.parse_args(argv)
    args.apps = {a.strip() for a in args.apps.split(",")}
    args.counts = [int(c) for c in args.counts.split(",") if c.strip()]
    if args.idle is None:
        args.idle = 500 if args.quick else 1000
    if args.quick:
        args.seconds = 1.5
        args.max_sessions = min(args.max_sessions, 2000)
        args.open_timeout = min(args.open_timeout, 15.0)
    asyncio.run(main_async(args))


if __name__ == "__main__":
    main()
