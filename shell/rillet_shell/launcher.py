"""``rillet desktop app.py``: the app in a native window, served from this same process.

The order of a launch, each step chosen so the window appears at once and
nothing fails silently:

1. a second launch of an app that is already open hands its arguments to
   the running window, brings it to the front, and exits (``instance.py``);
2. the log file is opened (platformdirs ``user_log_dir("rillet")``);
3. the config is read (the window's title and size may come from it);
4. two threads go on at once, so that neither waits for the other: this
   one imports pywebview and the GUI toolkit and opens the window on an
   inline splash page, while a boot thread binds 127.0.0.1 on a free port
   (bound *here* and the socket handed to the server, so no other program
   can take the port in between), builds the runtime, starts the server on
   its own thread and checks ``/_rillet/health``; then the window loads
   ``http://127.0.0.1:<port>/?token=<per-launch secret>``. With WebKitGTK
   the boot thread starts only once the window exists: its first page then
   loads and WebKit's web process starts, and the server's start overlaps
   that process's instead of sharing the interpreter lock with the
   window's creation (measured: the window and its splash exist 0.06-0.1 s
   of CPU sooner; the content comes no sooner on an idle machine, see
   bench/README.md). Without a GPU
   device WebKit also paints without accelerated compositing
   (``backends.webkit_compositing_wanted``). Whatever fails
   on the way (script missing, bad config, port taken) is shown in the
   window with the log file's path. With ``RILLET_STARTUP_TRACE`` set,
   each step's time is written down (``timeline.py``);
5. closing the window stops the server, the file watcher and every script
   thread, saves the window's geometry, and returns.

Security: the server is built with the per-launch token as its
``desktop_token``, so every request without it (another program on this
machine, a web page trying DNS rebinding) gets 403 — see
``rillet_server.access``. The token travels once, in the window's first URL,
and the server trades it for an HttpOnly cookie.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rillet_shell.geometry import Geometry, GeometryStore, app_key
from rillet_shell.instance import SingleInstance
from rillet_shell.pages import error_html, splash_html
from rillet_shell.timeline import mark

mark("shell imported")

if TYPE_CHECKING:
    import socket

    from rillet.runtime.config import Config
    from rillet.runtime.runtime import Runtime
    from rillet_server import Server

log = logging.getLogger(__name__)

DEFAULT_WIDTH = 1100
DEFAULT_HEIGHT = 800
_HEALTH_TIMEOUT = 10.0
_STOP_TIMEOUT = 2.0


class WebviewUnavailable(RuntimeError):
    """No native window could be created; the caller may fall back to a browser."""


@dataclass(frozen=True)
class DesktopOptions:
    """What ``rillet desktop`` was asked to open.

    Attributes:
        script: the app's ``.py`` file.
        script_args: the script's ``sys.argv[1:]``.
        flags: config option flags (``{"server.runOnSave": "true"}``).
        title: the window title (default: ``desktop.title``, else the file name).
        width: the window width (default: where the window was last time,
            else ``desktop.width``).
        height: the window height (same defaults as ``width``).
        icon: an image file for the window icon (Qt and GTK).
    """

    script: Path
    script_args: list[str] = field(default_factory=list)
    flags: dict[str, str] = field(default_factory=dict)
    title: str | None = None
    width: int | None = None
    height: int | None = None
    icon: Path | None = None


class BootError(Exception):
    """The app could not start; ``str()`` is the sentence for the user."""

    def __init__(self, message: str, details: str = "") -> None:
        super().__init__(message)
        self.details = details


def log_file_for(script: Path) -> Path:
    """Where a desktop launch of ``script`` writes its log (one file per app, per launch).

    Example:
        >>> log_file_for(Path("/apps/report.py")).name.startswith("desktop-report-")
        True
    """
    import platformdirs

    folder = Path(platformdirs.user_log_dir("rillet", appauthor=False))
    return folder / f"desktop-{script.stem}-{app_key(script)[:8]}.log"


def _open_log(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    handler = logging.FileHandler(path, mode="w", encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if not any(type(h) is logging.StreamHandler for h in root.handlers):
        console = logging.StreamHandler(sys.stderr)
        console.setFormatter(handler.formatter)
        console.setLevel(logging.WARNING)
        root.addHandler(console)
    root.setLevel(logging.INFO)
    # One line per request is noise for an app author; errors still show.
    logging.getLogger("tornado.access").setLevel(logging.WARNING)


def _load_config(script: Path, flags: dict[str, str]) -> Config:
    from rillet.runtime.config import Config, ConfigError

    try:
        return Config.load([Path.cwd(), script.parent], flags=flags)
    except ConfigError as error:
        raise BootError(f"The configuration is not valid: {error}") from None


def _bind(config: Config) -> list[socket.socket]:
    """127.0.0.1 on a free port, or on ``server.port`` when the user set one."""
    from rillet.runtime.config import Layer
    from rillet_server.sockets import bind_sockets

    source = config.source("server.port")
    port = 0 if source.layer is Layer.DEFAULT else int(config.get("server.port"))
    address = config.get("server.address")
    if address and address not in ("127.0.0.1", "localhost"):
        log.warning("server.address %r ignored: the desktop window serves on 127.0.0.1", address)
    try:
        return bind_sockets("127.0.0.1", port)
    except OSError as error:
        raise BootError(
            f"Cannot listen on 127.0.0.1 port {port} (set by {source}): "
            f"{error.strerror or error}. Leave server.port unset to use any free port."
        ) from None


def _prepare_process(config: Config) -> None:
    # What `rillet run` does before the first session, for the same app behaviour.
    if config.get("rillet.streamlitAlias"):
        from rillet.compat import install_streamlit_alias

        install_streamlit_alias()
    persist_dir = config.get("cache.persistDir")
    if persist_dir:
        from rillet.runtime.caching.cache_data import cache_data

        cache_data.set_persist_dir(Path(persist_dir).expanduser())


def wait_healthy(port: int, token: str, timeout: float = _HEALTH_TIMEOUT) -> None:
    """Block until the server answers ``/_rillet/health`` with 200 (as the window would)."""
    import http.client  # on the boot thread, not before the window

    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            conn.request("GET", "/_rillet/health", headers={"Cookie": f"rillet_token={token}"})
            response = conn.getresponse()
            response.read()
            if response.status == 200:
                return
            last = f"HTTP {response.status}"
        except OSError as error:
            last = error
        finally:
            conn.close()
        time.sleep(0.02)
    raise BootError(f"The app's server did not answer within {timeout:.0f} s ({last}).")


class DesktopApp:
    """One launch of one app in a native window (see the module docstring for the steps).

    Args:
        options: what to open.
        gui: pywebview's backend name (``"qt"``, ``"gtk"``, ``"cocoa"``,
            ``"edgechromium"``), from ``backends.quick_check``.

    Example:
        >>> DesktopApp(DesktopOptions(Path("app.py")), gui="qt").run()  # doctest: +SKIP
        0
    """

    def __init__(self, options: DesktopOptions, gui: str) -> None:
        self.options = options
        self.gui = gui
        self.script = options.script.expanduser().absolute()
        self.key = app_key(self.script)
        self.token = secrets.token_urlsafe(32)
        self.log_path = log_file_for(self.script)
        self.title = options.title or self.script.stem
        self.config: Config | None = None
        self.runtime: Runtime | None = None
        self.server: Server | None = None
        self.origin: str | None = None
        self.window: Any = None
        self.failed = False
        self._sockets: list[socket.socket] = []
        self._closed = threading.Event()
        self._boot_thread: threading.Thread | None = None
        self._window_created = threading.Event()
        self._window_shown = threading.Event()
        self._focus: Callable[[], None] | None = None
        self._geometry = GeometryStore()
        self._gtk: Any = None  # gtk_hooks.GtkWindow, with the GTK backend
        self._probe: Any = None  # probe.start_probe's server, in tests only

    # -- launch -----------------------------------------------------------

    def run(self) -> int:
        """Open the window and block until it is closed; return the exit code."""
        instance = SingleInstance(self.key)
        if not instance.claim(self.options.script_args, self._second_launch):
            print(
                f"rillet: {self.script.name} is already open; brought its window to the front.",
                file=sys.stderr,
            )
            return 0
        try:
            _open_log(self.log_path)
            log.info("rillet desktop %s (log: %s)", self.script, self.log_path)
            first_page = self._prepare()
            mark("config read")
            if self.gui != "gtk":
                # The server starts now, on its own thread, while this one
                # imports pywebview and the GUI toolkit and opens the window.
                # With WebKitGTK it starts once the window exists (_before_show).
                self._start_boot()
            return self._show(first_page)
        finally:
            instance.close()
            left = [
                t.name
                for t in threading.enumerate()
                # Daemon threads (the runtime's reconnect timer, the test probe)
                # end with the process; only the others could keep it alive.
                if t is not threading.main_thread() and not t.daemon
            ]
            if left:
                log.warning("threads still running at exit: %s", ", ".join(left))

    def _start_boot(self) -> None:
        if self._boot_thread is None and not self.failed:
            self._boot_thread = threading.Thread(target=self._boot, name="rillet-boot")
            self._boot_thread.start()

    def _prepare(self) -> str:
        """Everything the window needs first: the app file, its config. Returns the first page's HTML."""
        try:
            if not self.script.is_file():
                what = "is a folder" if self.script.is_dir() else "does not exist"
                raise BootError(
                    f"The app file {self.script} {what}; pass the path of your app's .py file."
                )
            self.config = _load_config(self.script, self.options.flags)
            self.title = self.options.title or self.config.get("desktop.title") or self.title
        except BootError as error:
            self.failed = True
            log.error("could not start: %s", error)
            return error_html(self.title, str(error), error.details, str(self.log_path))
        return splash_html(self.title)

    def _initial_geometry(self) -> Geometry:
        config = self.config
        width = self.options.width or (config.get("desktop.width") if config else None)
        height = self.options.height or (config.get("desktop.height") if config else None)
        fallback = Geometry(int(width or DEFAULT_WIDTH), int(height or DEFAULT_HEIGHT))
        saved = self._geometry.load(self.key)
        if saved is None:
            return fallback
        if self.options.width or self.options.height:
            # Sizes given on the command line win over the remembered ones.
            return Geometry(fallback.width, fallback.height, saved.x, saved.y, saved.maximized)
        return saved

    def _show(self, first_page: str) -> int:
        window: Any = None
        previous: dict[int, Any] = {}
        try:
            window = self._create_window(first_page)
            previous = _on_terminate(self._close_window)
            self._start_gui(window)
        finally:
            self._closed.set()
            self._window_created.set()  # a boot thread still waiting sees the window is gone
            if self.gui == "qt" and getattr(window, "native", None) is not None:
                from rillet_shell.qt_hooks import release_script_waits

                release_script_waits(window.native)
            _restore_signals(previous)
            if self._probe is not None:
                self._probe.shutdown()
            self._stop()
        return 1 if self.failed else 0

    def _create_window(self, first_page: str) -> Any:
        try:
            import webview
        except ImportError as error:
            raise WebviewUnavailable(f"pywebview could not be imported: {error}") from error

        from rillet_shell.bridge import DesktopBridge

        mark("pywebview imported")
        geometry = self._initial_geometry()
        if self.gui == "qt":
            from rillet_shell.qt_hooks import install_navigation_guard, install_permission_policy

            install_navigation_guard(lambda: self.origin)
            install_permission_policy(lambda: self.origin)
        # Downloads ask where to save in a native dialog: pywebview's handler
        # on GTK (and Windows/macOS); on Qt it is Qt 5 only, so ours is in qt_hooks.
        webview.settings["ALLOW_DOWNLOADS"] = self.gui != "qt"
        webview.settings["OPEN_EXTERNAL_LINKS_IN_BROWSER"] = True
        window = webview.create_window(
            self.title,
            html=first_page,
            width=geometry.width,
            height=geometry.height,
            x=geometry.x,
            y=geometry.y,
            maximized=geometry.maximized,
            background_color="#0e1117" if _system_prefers_dark() else "#ffffff",
        )
        if window is None:
            raise WebviewUnavailable("pywebview did not create a window")
        self.window = window
        from rillet_shell.probe import start_probe

        self._probe = start_probe(window)
        self.bridge = DesktopBridge(window)
        if self.gui != "qt":
            self.bridge.drop_wait = 1.0
        window.expose(
            self.bridge.request,
            self.bridge.save_url,
            self.bridge.open_external,
            self.bridge.dropped_paths,
            self.bridge.close_dialog,
        )
        window.events.before_show += self._before_show
        window.events.shown += self._shown
        window.events.loaded += self._loaded
        window.events.closing += self._closing
        window.events.closed += self._closed.set
        self._window_created.set()
        return window

    def _start_gui(self, window: Any) -> None:
        """Run the GUI toolkit's loop until the window is closed (the main thread)."""
        import webview

        icon = self.options.icon
        if icon is not None and not icon.is_file():
            log.warning("icon %s does not exist; using the default icon", icon)
            icon = None
        try:
            webview.start(
                gui=cast(Any, self.gui), private_mode=True, icon=str(icon) if icon else None
            )
        except Exception as error:
            if not self._window_shown.is_set():
                raise WebviewUnavailable(
                    f"the {self.gui} webview could not start: {error}"
                ) from error
            raise

    # -- the boot thread --------------------------------------------------

    def _boot(self) -> None:
        started = time.perf_counter()
        try:
            url = self._start_server()
        except BootError as error:
            self._show_error(str(error), error.details)
            return
        except Exception as error:
            import traceback

            log.exception("the app could not start")
            self._show_error(f"The app's server could not start: {error}", traceback.format_exc())
            return
        mark("server started")
        log.info("server ready in %.0f ms; loading the app", (time.perf_counter() - started) * 1000)
        self._window_created.wait()
        if self._closed.is_set():
            return
        self.bridge._serve(self.origin or "", self.token)
        self.window.load_url(url)  # pywebview waits until the window is shown
        mark("app page asked for")

    def _start_server(self) -> str:
        from rillet.runtime.runtime import Runtime
        from rillet_server import Server

        assert self.config is not None
        self._sockets = _bind(self.config)
        _prepare_process(self.config)
        sys.argv = [str(self.script), *self.options.script_args]
        self.runtime = Runtime(self.script, self.config)
        try:
            self.server = Server(
                self.runtime, self.config, sockets=self._sockets, desktop_token=self.token
            )
        except ValueError as error:  # options that contradict each other
            raise BootError(f"The configuration is not valid: {error}") from None
        if self._closed.is_set():
            raise BootError("the window was closed while the app was starting")
        port = self.server.start_in_thread()
        wait_healthy(port, self.token)
        self.origin = f"http://127.0.0.1:{port}"
        return f"{self.origin}/?token={self.token}"

    def _show_error(self, message: str, details: str) -> None:
        self.failed = True
        log.error("could not start: %s\n%s", message, details)
        self._window_created.wait()
        if not self._closed.is_set():
            self.window.load_html(error_html(self.title, message, details, str(self.log_path)))

    # -- window events ----------------------------------------------------

    def _shown(self) -> None:
        self._window_shown.set()
        mark("window shown")

    def _loaded(self, window: Any) -> None:
        """Each page load: the splash, then the app (and the app again on a reload).

        pywebview calls this on a thread of its own that is no daemon. Asking
        the window anything (its URL, running the key into the page) waits for
        the GUI thread, which never answers once the window has closed (Qt):
        a daemon thread does the asking, so a close never leaves it waiting.
        """
        threading.Thread(
            target=self._page_loaded, args=(window,), name="rillet-page-loaded", daemon=True
        ).start()

    def _page_loaded(self, window: Any) -> None:
        origin = self.origin
        url = ""
        if origin is not None and not self._closed.is_set():
            with contextlib.suppress(Exception):  # the window is closing
                url = window.get_current_url() or ""
        if not url.startswith(f"{origin}/"):
            mark("first page loaded")
            return
        mark("app page loaded")
        self.bridge.hand_key(window, url)  # the page's bridge calls need it
        if self.gui not in ("qt", "gtk"):  # both record OS drops themselves (qt/gtk_hooks)
            # The full paths of dropped files come with pywebview's DOM drop event.
            self._listen_for_drops(window)

    def _before_show(self, window: Any) -> None:
        mark("window created")
        if self.gui == "gtk":
            from rillet_shell.gtk_hooks import GtkWindow, browser_view

            self._gtk = GtkWindow(
                browser_view(window), lambda: self.origin, on_drop=self.bridge.drops.record
            )
            self._gtk.attach()
            self._focus = self._gtk.focus
            self.bridge.close_dialogs = self._gtk.close_dialogs
            _software_paint_without_gpu(self._gtk.view.webview)
            # The first page (the splash) loads right after this returns, and
            # with it WebKit's web process starts: the server's start now
            # overlaps the web process's instead of slowing the window's
            # creation (the two threads would share the interpreter lock).
            self._start_boot()
            return
        if self.gui != "qt":
            return
        from rillet_shell import qt_hooks

        controls = qt_hooks.attach(window.native, self.bridge.drops.record)
        self._focus = controls.focus
        self.bridge.close_dialogs = controls.close_dialogs

    def _listen_for_drops(self, window: Any) -> None:
        """On each load of the app's page: have pywebview report drops with their full paths."""
        try:
            from webview.dom import DOMEventHandler

            window.dom.document.events.drop += DOMEventHandler(self._dom_drop)
        except Exception:
            log.exception("could not listen for dropped files; drops upload their bytes")

    def _dom_drop(self, event: dict[str, Any]) -> None:
        files = (event.get("dataTransfer") or {}).get("files") or []
        paths = [str(f["pywebviewFullPath"]) for f in files if f.get("pywebviewFullPath")]
        if paths:
            # Reported by the page: claimable only by the names and sizes the page saw.
            count = self.bridge.drops.record(paths, named_only=True)
            log.info("drop on the window: %s local file(s) recorded", count)

    def _closing(self, window: Any) -> None:
        # On the GUI thread, while the window still exists: remember where it was.
        try:
            geometry = self._current_geometry(window)
            if geometry is not None:
                self._geometry.save(self.key, geometry)
        except Exception:
            log.exception("could not save the window's size and position")

    def _current_geometry(self, window: Any) -> Geometry | None:
        if self.gui == "qt" and getattr(window, "native", None) is not None:
            from rillet_shell.qt_hooks import geometry_of

            return geometry_of(window.native)
        if self._gtk is not None:
            geometry: Geometry = self._gtk.geometry()  # pywebview's getters wait for this thread
            return geometry
        return Geometry(int(window.width), int(window.height), int(window.x), int(window.y))

    def _close_window(self) -> None:
        # From a signal handler: pywebview's destroy() waits on the GUI thread.
        if self.window is not None and not self._closed.is_set():
            threading.Thread(target=self.window.destroy, name="rillet-close", daemon=True).start()

    def _second_launch(self, argv: list[str]) -> None:
        """Another launch of this app: bring the window forward and hand it the arguments."""
        log.info("a second launch asked for this window (arguments: %s)", argv)
        if self._focus is not None:
            self._focus()
        elif self.window is not None:
            self.window.restore()
            self.window.show()
        if argv and self.runtime is not None:
            sys.argv[1:] = argv
            for session in self.runtime.sessions():
                session.request_rerun()

    # -- shutdown ---------------------------------------------------------

    def _stop(self) -> None:
        boot = self._boot_thread
        if boot is not None and boot is not threading.current_thread():
            boot.join(_HEALTH_TIMEOUT)
        if self.server is not None:
            try:
                self.server.stop(_STOP_TIMEOUT)
            except Exception:
                log.exception("the server did not stop cleanly")
        else:
            for sock in self._sockets:
                sock.close()


def _software_paint_without_gpu(webview: Any) -> None:
    """No accelerated compositing in a WebKitGTK view when there is no GPU to do it."""
    from rillet_shell.backends import webkit_compositing_wanted

    if webkit_compositing_wanted():
        return
    from gi.repository import WebKit2

    webview.get_settings().set_hardware_acceleration_policy(
        WebKit2.HardwareAccelerationPolicy.NEVER
    )
    log.info("no GPU device (/dev/dri): WebKit paints without accelerated compositing")


def _system_prefers_dark() -> bool:
    """Best effort, before Qt runs: the desktop's colour scheme (for the first paint only)."""
    scheme = os.environ.get("GTK_THEME", "").lower()
    return scheme.endswith(":dark") or "-dark" in scheme


def _on_terminate(close: Callable[[], None]) -> dict[int, Any]:
    previous: dict[int, Any] = {}
    for sig in (signal.SIGTERM, signal.SIGINT):
        with contextlib.suppress(ValueError, OSError):  # not the main thread
            previous[sig] = signal.signal(sig, lambda *_: close())
    return previous


def _restore_signals(previous: dict[int, Any]) -> None:
    for sig, handler in previous.items():
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(sig, handler)


def run_desktop(options: DesktopOptions, gui: str) -> int:
    """Open ``options.script`` in a native window; block until it is closed.

    Raises:
        WebviewUnavailable: the webview could not be started at all (the
            caller can serve the app to a browser instead).

    Example:
        >>> run_desktop(DesktopOptions(Path("app.py"), title="Report"), gui="qt")  # doctest: +SKIP
        0
    """
    code = DesktopApp(options, gui).run()
    _end_stragglers(code)
    return code


def _end_stragglers(code: int, grace: float = 1.0) -> None:
    """Leave no process behind once the window is closed.

    pywebview sometimes leaves a non-daemon helper thread (e.g. one waiting
    for a page's JavaScript bridge that died with the window); the
    interpreter would then wait for it forever. Give such threads ``grace``
    seconds, then end the process with the window's exit code.
    """
    deadline = time.monotonic() + grace
    for thread in threading.enumerate():
        if thread is threading.main_thread() or thread.daemon:
            continue
        thread.join(max(0.0, deadline - time.monotonic()))
    stuck = [
        t.name
        for t in threading.enumerate()
        if t.is_alive() and not t.daemon and t is not threading.main_thread()
    ]
    if stuck:
        log.warning(
            "ending the process: threads still running after the window closed: %s",
            ", ".join(stuck),
        )
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
