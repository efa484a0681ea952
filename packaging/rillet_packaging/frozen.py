"""Inside a packed executable: find the bundled app and open it in the desktop window.

The generated launcher (:func:`rillet_packaging.argv.launcher_source`) calls
:func:`main`. The app's files were bundled under ``app/`` below the bundle
root: ``sys._MEIPASS`` for PyInstaller (the ``_internal`` folder beside the
executable, or the temporary folder a one-file build unpacks to), else the
executable's own folder.

The app runs with the app's folder as its current folder, so relative
paths in the script (``open("data/cities.csv")``) work as they did beside
the script.

Smoke mode (``--smoke`` or ``RILLET_SMOKE=1``), for CI: start the server
as the window would (same config, same per-launch token), check that
``/_rillet/health`` answers and that the bundled web client is there, run
every page once over the WebSocket, print one line per check and exit 0 —
no window. A page that raises, or an import the build left out, exits 1
naming the error.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import secrets
import sys
import threading
import time
from collections.abc import Callable, Coroutine, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from rillet_packaging.spec import APP_DIR

if TYPE_CHECKING:
    from rillet.runtime.config import Config

SMOKE_FLAG = "--smoke"
SMOKE_ENV = "RILLET_SMOKE"
_PAGE_TIMEOUT = 30.0


def bundle_root() -> Path:
    """The folder the bundled files were put in.

    Example:
        >>> bundle_root()  # doctest: +SKIP
        PosixPath('/opt/Report/_internal')
    """
    meipass = getattr(sys, "_MEIPASS", None)
    if meipass:
        return Path(meipass)
    return Path(sys.executable).resolve().parent


def main(
    script: str,
    name: str,
    icon: str | None = None,
    webview: str | None = None,
    *,
    argv: Sequence[str] | None = None,
    environ: Mapping[str, str] | None = None,
    root: Path | None = None,
) -> int:
    """Start the packed app ``script`` (a file name under the bundle's ``app/``); return the exit code.

    Args:
        script: the main script's file name, ``"app.py"``.
        name: the app's name: the window title unless the config sets ``desktop.title``.
        icon: the window icon, relative to the bundle root.
        webview: the webview the build packed (``"gtk"``, ``"qt"``), or ``None``.
        argv: the executable's arguments (default ``sys.argv[1:]``): option
            flags (``--server.runOnSave true``) and the script's arguments.
        environ: the environment (default ``os.environ``), for ``RILLET_SMOKE``.
        root: the bundle root (default :func:`bundle_root`).

    Example:
        >>> main("app.py", "Report", argv=["--smoke"], root=Path("dist/Report/_internal"))  # doctest: +SKIP
        0
    """
    _ensure_streams()
    args = list(sys.argv[1:] if argv is None else argv)
    env = os.environ if environ is None else environ
    if env.get("RILLET_STARTUP_TRACE"):
        from rillet_shell.timeline import mark

        mark("packed launcher started")
    base = bundle_root() if root is None else root
    app_dir = base / APP_DIR
    script_path = app_dir / script
    smoke = SMOKE_FLAG in args or env.get(SMOKE_ENV, "") not in ("", "0")
    args = [a for a in args if a != SMOKE_FLAG]
    os.chdir(app_dir)
    if webview == "gtk" and isinstance(env, os._Environ):
        use_system_gtk(env, base)

    from rillet.cli import CliError, split_option_flags

    try:
        flags, rest, tail = split_option_flags(args)
    except CliError as error:
        print(f"{name}: error: {error}", file=sys.stderr)
        return 2
    if smoke:
        return smoke_test(script_path, flags)

    from rillet.cli import main as rillet_main

    command = ["desktop", str(script_path), *rest]
    if not _config_title(app_dir, flags):
        command += ["--title", name]
    if icon is not None and (base / icon).is_file():
        command += ["--icon", str(base / icon)]
    if webview is not None:
        command += ["--webview", webview]
    options = [f"--{key}={value}" for key, value in flags.items()]
    return rillet_main([*command, *options, "--", *tail] if tail else [*command, *options])


# What PyInstaller's GTK runtime hooks set to point GTK at the bundle.
_BUNDLE_GTK_VARIABLES = (
    "GI_TYPELIB_PATH", "GTK_DATA_PREFIX", "GTK_EXE_PREFIX", "GTK_PATH", "PANGO_LIBDIR",
    "PANGO_SYSCONFDIR", "GIO_MODULE_DIR", "GDK_PIXBUF_MODULE_FILE",
)  # fmt: skip


def use_system_gtk(environ: MutableMapping[str, str], root: Path) -> None:
    """Point GTK back at the system: a WebKitGTK build bundles none of it.

    PyInstaller's runtime hooks for ``gi`` run before the launcher and aim
    GTK's typelibs, modules and data at the bundle (``sys._MEIPASS``), where
    a ``--webview gtk`` build has put nothing: each variable that points
    inside ``root`` is removed, and ``root/share`` is dropped from
    ``XDG_DATA_DIRS``.

    Example:
        >>> env = {"GI_TYPELIB_PATH": "/opt/app/_internal/gi_typelibs",
        ...        "XDG_DATA_DIRS": "/opt/app/_internal/share:/usr/share"}
        >>> use_system_gtk(env, Path("/opt/app/_internal"))
        >>> env
        {'XDG_DATA_DIRS': '/usr/share'}
    """
    inside = str(root)
    for name in _BUNDLE_GTK_VARIABLES:
        if environ.get(name, "").startswith(inside):
            del environ[name]
    dirs = environ.get("XDG_DATA_DIRS")
    if dirs is not None:
        kept = [d for d in dirs.split(os.pathsep) if d and not d.startswith(inside)]
        if kept:
            environ["XDG_DATA_DIRS"] = os.pathsep.join(kept)
        else:
            del environ["XDG_DATA_DIRS"]


def _ensure_streams() -> None:
    # A windowed Windows executable has no console: print() would fail.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115


def _config_title(app_dir: Path, flags: dict[str, str]) -> str | None:
    config = _load_config(app_dir, flags)
    return config.get("desktop.title") if config is not None else None


def _load_config(app_dir: Path, flags: dict[str, str]) -> Config | None:
    from rillet.runtime.config import Config, ConfigError

    try:
        return Config.load([app_dir], flags=flags)
    except ConfigError:
        return None  # the desktop shell shows the error in its window


@dataclass
class SmokeReport:
    """What smoke mode found; ``ok`` when every check passed."""

    lines: list[str]
    ok: bool = True

    def check(self, passed: bool, line: str) -> None:
        self.lines.append(f"{'ok  ' if passed else 'FAIL'}  {line}")
        self.ok = self.ok and passed


def smoke_test(script: Path, flags: dict[str, str], out: TextIO | None = None) -> int:
    """Serve ``script`` as the desktop window would, check it answers, run every page; no window.

    Returns:
        0 when the server answered health, served the web client, and every
        page ran without an uncaught exception; else 1.

    Example:
        >>> smoke_test(Path("app/app.py"), {})  # doctest: +SKIP
        0
    """
    stream = sys.stdout if out is None else out
    started = time.perf_counter()
    report = SmokeReport([])
    try:
        _smoke(script, flags, report)
    except Exception as error:
        import traceback

        report.check(False, f"the app could not start: {type(error).__name__}: {error}")
        report.lines.append(traceback.format_exc().rstrip())
    elapsed = (time.perf_counter() - started) * 1000
    report.lines.append(f"smoke {'passed' if report.ok else 'FAILED'} in {elapsed:.0f} ms")
    print("\n".join(report.lines), file=stream, flush=True)
    return 0 if report.ok else 1


def _smoke(script: Path, flags: dict[str, str], report: SmokeReport) -> None:
    import logging

    from rillet.runtime.config import Config
    from rillet.runtime.runtime import Runtime
    from rillet_server import Server
    from rillet_server.sockets import bind_sockets

    # The check without a token is refused on purpose; its log line is noise here.
    logging.getLogger("tornado.access").setLevel(logging.CRITICAL)
    config = Config.load([script.parent], flags=flags)
    from rillet.compat import install_streamlit_alias, uninstall_streamlit_alias

    # Leave an in-process caller's interpreter as it was: remove what we add.
    aliased = bool(config.get("rillet.streamlitAlias")) and install_streamlit_alias()
    token = secrets.token_urlsafe(32)
    sockets = bind_sockets("127.0.0.1", 0)
    sys.argv = [str(script)]
    server = Server(Runtime(script, config), config, sockets=sockets, desktop_token=token)
    port = server.start_in_thread()
    try:
        status, body = _get(port, "/_rillet/health", token)
        report.check(status == 200, f"health: HTTP {status} {body[:40]!r} on 127.0.0.1:{port}")
        status, body = _get(port, "/", token)
        report.check(
            status == 200 and b"<script" in body, f"web client: HTTP {status}, {len(body)} bytes"
        )
        # Refused on purpose: keep Tornado's warning about it out of the output.
        general = logging.getLogger("tornado.general")
        level = general.level
        general.setLevel(logging.ERROR)
        try:
            status, _ = _get(port, "/_rillet/health", None)
        finally:
            general.setLevel(level)
        report.check(status == 403, f"a request without the token: HTTP {status}")
        _run_in_own_thread(lambda: _run_pages(port, token, report))
    finally:
        server.stop(2.0)
        if aliased:
            uninstall_streamlit_alias()


def _run_in_own_thread(make: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run a coroutine to the end on a thread with its own event loop.

    The caller's thread may already have a running loop (an embedding test
    runner, a GUI toolkit), where ``asyncio.run`` refuses to start.
    """
    import asyncio

    failure: list[BaseException] = []

    def main() -> None:
        try:
            asyncio.run(make())
        except BaseException as error:  # handed back to the caller below
            failure.append(error)

    thread = threading.Thread(target=main, name="rillet-smoke-pages")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]


def _get(port: int, path: str, token: str | None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        headers = {"Cookie": f"rillet_token={token}"} if token else {}
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


async def _run_pages(port: int, token: str, report: SmokeReport) -> None:
    import asyncio

    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    from rillet.protocol import rillet_pb2 as pb

    request = HTTPRequest(
        f"ws://127.0.0.1:{port}/_rillet/stream",
        headers={"Cookie": f"rillet_token={token}"},
        connect_timeout=10,
    )
    ws = await websocket_connect(request)
    try:
        first = await _read(ws, pb)
        sessions = [m.new_session for m in first.msgs if m.WhichOneof("type") == "new_session"]
        if not sessions:
            report.check(False, "the server opened no session")
            return
        pages = list(sessions[0].pages) or [pb.PageEntry(title="app")]
        for page in pages:
            ws.write_message(
                pb.BackMsg(rerun=pb.RerunRequest(page_hash=page.page_hash)).SerializeToString(),
                binary=True,
            )
            status, problems, elements = await _until_finished(ws, pb)
            name = "no answer" if status is None else pb.ScriptFinished.Status.Name(status)  # type: ignore[arg-type]
            passed = status in (pb.ScriptFinished.SUCCESS, pb.ScriptFinished.STOPPED)
            detail = f"; {'; '.join(problems)}" if problems and not passed else ""
            report.check(passed, f"page {page.title!r}: {name}, {elements} elements{detail}")
    finally:
        ws.close()
        # Wait for the server's closing frame: then Tornado closes the socket
        # itself, before asyncio.run() drops the loop under it.
        with contextlib.suppress(Exception):
            while await asyncio.wait_for(ws.read_message(), 2.0) is not None:
                pass


async def _read(ws: Any, pb: Any) -> Any:
    import asyncio

    frame = await asyncio.wait_for(ws.read_message(), _PAGE_TIMEOUT)
    if frame is None:
        raise ConnectionError("the server closed the WebSocket")
    return pb.ForwardBatch.FromString(frame)


async def _until_finished(ws: Any, pb: Any) -> tuple[int | None, list[str], int]:
    problems: list[str] = []
    elements = 0
    deadline = time.monotonic() + _PAGE_TIMEOUT
    while time.monotonic() < deadline:
        batch = await _read(ws, pb)
        for msg in batch.msgs:
            kind = msg.WhichOneof("type")
            if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                elements += 1
                element = msg.delta.new_element
                if element.WhichOneof("type") == "exception":
                    problems.append(f"{element.exception.type}: {element.exception.message}")
            elif (
                kind == "script_finished" and msg.script_finished.status != pb.ScriptFinished.RERUN
            ):
                return int(msg.script_finished.status), problems, elements
    problems.append(f"no ScriptFinished within {_PAGE_TIMEOUT:.0f} s")
    return None, problems, elements
