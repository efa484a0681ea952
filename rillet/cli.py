"""The ``rillet`` command: the composition root that builds Config, Runtime and Server.

Only the standard library is imported here at module level; each subcommand
imports the parts it needs, so ``rillet --version`` and ``import rillet``
stay fast.

Subcommands are entries of :data:`COMMANDS`. ``run`` and ``hello`` take
Streamlit-style option flags (``--server.port 8502`` or
``--server.port=8502``) for any option in the config table, and pass
whatever follows ``--`` to the script as ``sys.argv[1:]``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rillet.version import __version__

if TYPE_CHECKING:
    import socket

    from rillet.runtime.config import Config
    from rillet.runtime.media import MediaStorage
    from rillet.runtime.session_store import RedisSessionStore
    from rillet.runtime.uploads import UploadStorage

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A user mistake on the command line; printed as ``rillet: error: ...``."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


# -- option flags ---------------------------------------------------------


def split_option_flags(tokens: Sequence[str]) -> tuple[dict[str, str], list[str], list[str]]:
    """Separate ``--section.option value`` flags, other arguments, and what follows ``--``.

    Returns:
        ``(flags, arguments, script_args)``: flags by option name, as given
        (the Config coerces and validates them); the remaining arguments; and
        the arguments after a ``--``, untouched.

    Example:
        >>> split_option_flags(["app.py", "--server.port", "8502", "--theme.base=dark", "--", "-v"])
        ({'server.port': '8502', 'theme.base': 'dark'}, ['app.py'], ['-v'])
    """
    flags: dict[str, str] = {}
    rest: list[str] = []
    items = list(tokens)
    script_args: list[str] = []
    if "--" in items:
        cut = items.index("--")
        items, script_args = items[:cut], items[cut + 1 :]
    i = 0
    while i < len(items):
        token = items[i]
        name, has_value, value = token[2:].partition("=")
        if token.startswith("--") and "." in name:
            if not has_value:
                if i + 1 >= len(items):
                    raise CliError(f"--{name} needs a value, e.g. --{name}=VALUE")
                i += 1
                value = items[i]
            flags[name] = value
        else:
            rest.append(token)
        i += 1
    return flags, rest, script_args


def load_config(project_dirs: Sequence[Path], flags: dict[str, str]) -> Config:
    """Config files of ``project_dirs`` + environment + ``flags``, errors made CLI errors."""
    from rillet.runtime.config import Config, ConfigError

    try:
        return Config.load(list(project_dirs), flags=flags)
    except ConfigError as error:
        raise CliError(str(error)) from None


# -- run ------------------------------------------------------------------


def _check_script(script: Path) -> Path:
    if not script.exists():
        raise CliError(
            f"app file {str(script)!r} does not exist; pass the path of your app's .py file"
        )
    if script.is_dir():
        raise CliError(f"{str(script)!r} is a folder; pass the path of your app's .py file in it")
    return script.resolve()


def bind_port(
    address: str | None, port: int, *, asked: str | None
) -> tuple[list[socket.socket], str | None]:
    """Take ``port``, or the next free one when the user did not ask for a port.

    Args:
        address: ``server.address`` (``None``: every interface).
        port: ``server.port``.
        asked: where the user set the port (``"--server.port"``), or ``None``
            when it is the default, which may move on to the next free port.

    Returns:
        The listening sockets, and a notice for the user when the port moved.
    """
    from rillet_server.sockets import bind_first_free, bind_sockets

    try:
        if asked is not None or port == 0:
            return bind_sockets(address, port), None
        sockets = bind_first_free(address, port)
    except OSError as error:
        where = f" (set by {asked})" if asked else ""
        raise CliError(
            f"cannot listen on port {port}{where}: {error.strerror or error}. "
            "Choose another with --server.port, or leave it out to use the next free port.",
            EXIT_FAILURE,
        ) from None
    bound = sockets[0].getsockname()[1]
    moved = bound != port
    return (
        sockets,
        f"Port {port} is in use by another program; using port {bound}." if moved else None,
    )


def app_urls(config: Config, port: int) -> list[tuple[str, str]]:
    """The URLs to show the user: local, and the network one when listening on every interface."""
    from rillet_server.access import is_loopback
    from rillet_server.options import base_path_of

    address = config.get("server.address") or ""
    browser_host = config.get("browser.serverAddress") or "localhost"
    browser_port = config.get("browser.serverPort") or port
    scheme = "https" if config.get("server.sslCertFile") else "http"
    base = base_path_of(str(config.get("server.baseUrlPath") or ""))
    path = f"{base}/" if base else ""
    urls = [("Local URL", f"{scheme}://{browser_host}:{browser_port}{path}")]
    if address in ("", "0.0.0.0", "::"):
        lan = _lan_address()
        if lan is not None:
            urls.append(("Network URL", f"{scheme}://{lan}:{port}{path}"))
    elif not is_loopback(address):
        urls.append(("Network URL", f"{scheme}://{address}:{port}{path}"))
    return urls


def _lan_address() -> str | None:
    # Resolving our own host name sends no packet anywhere.
    import socket

    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return None
    for info in infos:
        host = str(info[4][0])
        if not host.startswith("127."):
            return host
    return None


def _should_open_browser(config: Config) -> bool:
    if config.get("server.headless"):
        return False
    # Linux without a display: nothing to open a browser on.
    return not (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
    )


def make_storage(config: Config) -> tuple[MediaStorage, UploadStorage]:
    """The media and upload storage ``storage.backend`` names.

    ``"memory"`` keeps both in this process; ``"redis"`` keeps them in the
    Redis at ``storage.redisUrl``, shared by every replica of the app.

    Raises:
        CliError: the Redis backend is asked for but cannot be used (the
            message says why: package missing, URL unset or unreachable).

    Example:
        >>> config = load_config([Path.cwd()], {"storage.backend": "memory"})
        >>> type(make_storage(config)[0]).__name__
        'InMemoryMediaStorage'
    """
    if config.get("storage.backend") == "redis":
        from rillet.runtime.redis_storage import RedisUnavailable, redis_storage

        try:
            return redis_storage(config.get("storage.redisUrl"))
        except RedisUnavailable as error:
            raise CliError(str(error), EXIT_FAILURE) from None
    from rillet.runtime.media import InMemoryMediaStorage
    from rillet.runtime.uploads import InMemoryUploadStorage

    return InMemoryMediaStorage(), InMemoryUploadStorage()


def make_session_store(config: Config) -> RedisSessionStore | None:
    """The shared session store ``storage.sessionStore`` asks for, or ``None`` (``"off"``).

    ``"redis"`` keeps each session's values in the Redis at
    ``storage.redisUrl``, on a connection of its own whose commands give up
    after 2 s (a run waits for its write).

    Raises:
        CliError: the store is asked for but Redis cannot be used.

    Example:
        >>> config = load_config([Path.cwd()], {"storage.sessionStore": "off"})
        >>> make_session_store(config) is None
        True
    """
    if config.get("storage.sessionStore") != "redis":
        return None
    from rillet.runtime.redis_storage import RedisUnavailable, open_redis
    from rillet.runtime.session_store import RedisSessionStore

    if not config.get("storage.redisUrl"):
        raise CliError(
            "storage.sessionStore is 'redis' but storage.redisUrl is not set; "
            "set it to your Redis, e.g. --storage.redisUrl redis://localhost:6379/0",
            EXIT_FAILURE,
        )
    try:
        client = open_redis(config.get("storage.redisUrl"), timeout=2.0)
    except RedisUnavailable as error:
        raise CliError(f"storage.sessionStore is 'redis': {error}", EXIT_FAILURE) from None
    return RedisSessionStore(client, ttl_seconds=float(config.get("storage.sessionTTL")))


def run_app(script: Path, script_args: Sequence[str], flags: dict[str, str]) -> int:
    """Serve ``script`` until Ctrl-C or SIGTERM."""
    script = _check_script(script)
    config = load_config([Path.cwd(), script.parent], flags)
    _configure_logging(str(config.get("logger.level")))
    persist_dir = config.get("cache.persistDir")
    if persist_dir:
        from rillet.runtime.caching.cache_data import cache_data

        cache_data.set_persist_dir(Path(persist_dir).expanduser())
    from rillet.runtime.config import Layer

    media, uploads = make_storage(config)
    session_store = make_session_store(config)
    source = config.source("server.port")
    sockets, notice = bind_port(
        config.get("server.address"),
        int(config.get("server.port")),
        asked=None if source.layer is Layer.DEFAULT else str(source),
    )
    from rillet.runtime.runtime import Runtime
    from rillet_server import Server

    try:
        server = Server(
            Runtime(script, config, media=media, uploads=uploads, session_store=session_store),
            config,
            sockets=sockets,
        )
    except ValueError as error:  # options that contradict each other
        for sock in sockets:
            sock.close()
        raise CliError(str(error)) from None

    def started(port: int) -> None:
        import gc

        # st.cache_data/cache_resource load lazily (a small `import rillet`);
        # load them now, while the browser opens, not in the first run.
        import rillet.runtime.caching  # noqa: F401

        # What is alive now lives as long as the server: keep it out of every collection.
        gc.freeze()
        urls = app_urls(config, port)
        lines = ["", "  You can now view your rillet app in your browser.", ""]
        if notice:
            lines[1:1] = ["", f"  {notice}"]
        lines += [f"  {label}: {url}" for label, url in urls]
        print("\n".join([*lines, ""]), flush=True)
        if _should_open_browser(config):
            import webbrowser

            # Some browsers block until they exit; keep the server's loop free.
            threading.Thread(target=webbrowser.open, args=(urls[0][1],), daemon=True).start()

    from rillet.compat import install_streamlit_alias, uninstall_streamlit_alias

    # The script sees its own arguments, and apps written for Streamlit
    # (`import streamlit as st`) run unchanged; both only while it is served.
    argv, sys.argv = sys.argv, [str(script), *script_args]
    aliased = bool(config.get("rillet.streamlitAlias")) and install_streamlit_alias()
    try:
        # A Ctrl-C that arrives before the signal handlers are in place is still a clean stop.
        with contextlib.suppress(KeyboardInterrupt):
            try:
                server.run(started)
            except OSError as error:
                raise CliError(
                    f"the server could not start: {error.strerror or error}", EXIT_FAILURE
                ) from None
    finally:
        sys.argv = argv
        if aliased:
            uninstall_streamlit_alias()
    print("  Stopping...", flush=True)
    return EXIT_OK


def _configure_logging(level: str) -> None:
    import logging

    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # One line per request is noise for an app author; errors still show.
    logging.getLogger("tornado.access").setLevel(logging.WARNING)


def hello_app_path() -> Path:
    """Where ``rillet hello`` finds its sample: ``samples/hello/app.py`` of the source tree.

    The sample lives beside the package in a checkout (``<repo>/samples/``);
    a wheel that wants ``rillet hello`` must ship it at ``rillet/samples/hello/app.py``.
    """
    package = Path(__file__).resolve().parent
    candidates = [
        package / "samples" / "hello" / "app.py",
        package.parent / "samples" / "hello" / "app.py",
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    looked = ", ".join(str(c) for c in candidates)
    raise CliError(f"the hello sample is not installed (looked for {looked})", EXIT_FAILURE)


# -- the other subcommands ------------------------------------------------


def config_show(flags: dict[str, str]) -> int:
    print(load_config([Path.cwd()], flags).show(), end="")
    return EXIT_OK


def cache_clear(flags: dict[str, str]) -> int:
    """Remove the persisted ``st.cache_data`` files of ``cache.persistDir`` (or the default folder)."""
    from rillet.runtime.caching.cache_data import default_persist_root
    from rillet.runtime.caching.storage import DiskStore

    configured = load_config([Path.cwd()], flags).get("cache.persistDir")
    root = Path(configured).expanduser() if configured else default_persist_root()
    DiskStore.clear_root(root)
    print(f"Cleared the on-disk cache in {root}")
    return EXIT_OK


# -- desktop and doctor ---------------------------------------------------


def desktop_app(namespace: argparse.Namespace, flags: dict[str, str], tail: list[str]) -> int:
    """Open the app in a native window; serve it to the browser when no window can open."""
    from rillet_shell.backends import WebviewNotInstalled, quick_check, requested_webview

    script = Path(namespace.script)
    script_args = [*namespace.script_args, *tail]
    try:
        backend, reason = quick_check(
            requested_webview(namespace.webview), strict=namespace.webview is not None
        )
    except WebviewNotInstalled as error:
        # Asked for by name: an error, not a silent switch to another webview or the browser.
        print(f"rillet desktop: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    if backend is not None:
        from rillet_shell import DesktopOptions, WebviewUnavailable, run_desktop

        options = DesktopOptions(
            script,
            script_args,
            flags,
            title=namespace.title,
            width=namespace.width,
            height=namespace.height,
            icon=Path(namespace.icon) if namespace.icon else None,
        )
        try:
            return run_desktop(options, backend.gui)
        except WebviewUnavailable as error:
            reason = str(error)
    print(
        f"rillet: cannot open a desktop window: {reason}.\n"
        "rillet: serving the app to your web browser instead (`rillet doctor` checks the set-up).",
        file=sys.stderr,
        flush=True,
    )
    return run_app(script, script_args, flags)


def pack_app(namespace: argparse.Namespace, flags: dict[str, str], tail: list[str]) -> int:
    """Build a double-click executable of the app with PyInstaller (``rillet_packaging``)."""
    from rillet_packaging.command import run

    return run(namespace)


def doctor() -> int:
    """Print which webview backend ``rillet desktop`` can use, and how to fix what is missing."""
    from rillet_shell.backends import doctor_report

    ok, lines = doctor_report()
    print("\n".join(lines))
    return EXIT_OK if ok else EXIT_FAILURE


# -- the command table ----------------------------------------------------


@dataclass(frozen=True)
class Command:
    """One subcommand: how its arguments are declared and what it does."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    # (parsed arguments, option flags, arguments after --) -> exit code
    run: Callable[[argparse.Namespace, dict[str, str], list[str]], int]
    takes_option_flags: bool = False


def _no_arguments(parser: argparse.ArgumentParser) -> None:
    pass


def _run_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("script", help="the app's .py file")
    parser.add_argument("script_args", nargs="*", help="arguments for the script (sys.argv[1:])")


def _desktop_arguments(parser: argparse.ArgumentParser) -> None:
    _run_arguments(parser)
    parser.add_argument("--title", help="window title (default: desktop.title or the file name)")
    parser.add_argument("--width", type=int, help="window width in pixels (default: as last time)")
    parser.add_argument(
        "--height", type=int, help="window height in pixels (default: as last time)"
    )
    parser.add_argument("--icon", help="window icon, an image file")
    parser.add_argument(
        "--webview",
        choices=("gtk", "qt"),
        help="the Linux webview: gtk (WebKitGTK, the system's) or qt (Qt WebEngine); "
        "default: $RILLET_WEBVIEW, else the system webview when it is usable, else qt",
    )


def _pack_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("script", help="the app's .py file")
    layout = parser.add_mutually_exclusive_group()
    layout.add_argument(
        "--onedir", dest="onefile", action="store_false", help="build a folder (default)"
    )
    layout.add_argument(
        "--onefile", dest="onefile", action="store_true", help="build one self-extracting file"
    )
    parser.add_argument(
        "--name", help="the executable's name (default: the script's, or its folder's for app.py)"
    )
    parser.add_argument("--icon", help="the icon: .ico on Windows, .icns on macOS, .png on Linux")
    parser.add_argument(
        "--console",
        action="store_true",
        help="keep a console window (Windows, macOS); default: windowed",
    )
    parser.add_argument(
        "--add-data",
        action="append",
        default=[],
        metavar="SRC:DEST",
        help="also pack SRC (file or folder) into DEST, a folder relative to the app's folder; repeatable",
    )
    parser.add_argument(
        "--hidden-import",
        action="append",
        default=[],
        metavar="MODULE",
        help="also collect MODULE (imported in a way the analysis cannot see); repeatable",
    )
    parser.add_argument(
        "--include-secrets",
        action="store_true",
        help="pack .rillet/secrets.toml too (anyone with the app can read it)",
    )
    parser.add_argument(
        "--app-version", metavar="X.Y.Z", help="version written into the Windows executable"
    )
    parser.add_argument(
        "--company", default="", help="company name for the Windows version metadata"
    )
    parser.add_argument(
        "--description", default="", help="description for the Windows version metadata"
    )
    parser.add_argument(
        "--copyright", default="", help="copyright line for the Windows version metadata"
    )
    parser.add_argument(
        "--webview",
        choices=("gtk", "qt"),
        help="Linux: gtk packs against the system's WebKitGTK (small; needs it installed where "
        "the app runs), qt bundles Qt WebEngine (self-contained, ~360 MB); default: gtk when "
        "PyGObject and WebKitGTK are installed here, else qt",
    )
    parser.add_argument(
        "--format",
        dest="package_format",
        choices=("folder", "deb"),
        default="folder",
        help="folder (default; or one file with --onefile), or deb: a Debian package "
        "that declares its system dependencies and installs a menu entry",
    )
    parser.add_argument("--dist", metavar="DIR", help="where to put the result (default: ./dist)")
    parser.add_argument(
        "--build-dir", metavar="DIR", help="PyInstaller's work folder (default: ./build/NAME)"
    )
    parser.add_argument(
        "--clean", action="store_true", help="clear PyInstaller's cache before building"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="print the PyInstaller command and stop"
    )
    parser.set_defaults(onefile=False)


def _config_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["show"], help="show: print every option as TOML")


def _cache_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["clear"], help="clear: remove persisted cache files")


COMMANDS: tuple[Command, ...] = (
    Command(
        "run",
        "serve an app: rillet run app.py [--server.port 8502 ...] [-- script args]",
        _run_arguments,
        lambda ns, flags, tail: run_app(Path(ns.script), [*ns.script_args, *tail], flags),
        takes_option_flags=True,
    ),
    Command(
        "hello",
        "serve the hello sample app",
        _no_arguments,
        lambda ns, flags, tail: run_app(hello_app_path(), tail, flags),
        takes_option_flags=True,
    ),
    Command(
        "desktop",
        "open an app in a native window: rillet desktop app.py [--title T] [--width W] [--height H] [--icon PNG] [--server.runOnSave true ...]",
        _desktop_arguments,
        desktop_app,
        takes_option_flags=True,
    ),
    Command(
        "pack",
        "build a double-click executable: rillet pack app.py [--onefile] [--icon I] [--add-data SRC:DEST] [--dry-run]",
        _pack_arguments,
        pack_app,
    ),
    Command("doctor", "check that a desktop window can open, and say how to fix it", _no_arguments, lambda ns, f, t: doctor()),
    Command("config", "show the configuration", _config_arguments, lambda ns, f, t: config_show(f), True),
    Command("cache", "manage st.cache_data's disk cache", _cache_arguments, lambda ns, f, t: cache_clear(f), True),
)  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rillet",
        description="Turn a Python script into an app.",
        epilog="Any config option is a flag: --server.port 8502, --theme.base=dark. "
        "See `rillet config show`.",
    )
    parser.add_argument("--version", action="version", version=f"rillet {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_arguments(sub.add_parser(command.name, help=command.help))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``rillet`` command; return its exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    by_name = {c.name: c for c in COMMANDS}
    position = next((i for i, a in enumerate(args) if not a.startswith("-")), None)
    command = by_name.get(args[position]) if position is not None else None
    try:
        flags: dict[str, str] = {}
        tail: list[str] = []
        if command is not None and command.takes_option_flags and position is not None:
            flags, rest, tail = split_option_flags(args[position + 1 :])
            args = [*args[: position + 1], *rest]
        namespace = parser.parse_args(args)
        if namespace.command is None:
            parser.print_help()
            return EXIT_USAGE
        return by_name[namespace.command].run(namespace, flags, tail)
    except CliError as error:
        print(f"rillet: error: {error}", file=sys.stderr)
        return error.code


if __name__ == "__main__":
    sys.exit(main())
