"""The desktop window's powers, callable from the page as ``window.pywebview.api.*``.

pywebview exposes the public methods of :class:`DesktopBridge` to the page in
the native window only; a browser never has ``window.pywebview``. The page
reaches it through the small adapter :data:`CLIENT_ADAPTER_JS` (injected
into the window's pages), which defines ``window.rilletDesktop`` for the
client (see ``rillet/protocol/README.md``, "Desktop powers").

Security: a frame inside the app's page (a component, ``st.html``, an
iframe of another site) may reach the webview's message channel too: WebKit
offers ``window.webkit.messageHandlers`` and Qt WebEngine its web channel
transport to every frame. So every method takes, first, the bridge's
per-launch key, which only the app's own top page learns (``hand_key`` runs
it into the window's main frame after the app page loads; a component frame
has an opaque origin and cannot read the top page's variables); a call
without it gets an empty answer and is logged once. Then the method checks
that the page shown is the app itself (the server's own origin): a page the
window was navigated to cannot open dialogs or make the shell write files.
"""

from __future__ import annotations

import hmac
import http.client
import json
import logging
import os
import re
import secrets
import threading
import time
import urllib.parse
import webbrowser
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

KINDS = ("open_file", "open_files", "open_folder", "save_file")

# The page-side name of the bridge key while it waits to be taken, and the
# event that says it arrived (bundled_frontend/src/desktop.ts takes it too).
KEY_GLOBAL = "__rilletBridgeKey"
KEY_EVENT = "rilletbridgekey"

# Injected into the top frame of the window's pages, at document creation: the
# client looks for `window.rilletDesktop`; it waits for pywebview's API and for
# the bridge key (``DesktopBridge.hand_key``), which it keeps to itself.
CLIENT_ADAPTER_JS = """
(() => {
  if (window.rilletDesktop) return;
  let key = null;
  const waiting = [];
  const take = () => {
    if (typeof window.KEY_GLOBAL === "string") key = window.KEY_GLOBAL;
    delete window.KEY_GLOBAL;
    if (key !== null) waiting.splice(0).forEach((resolve) => resolve(key));
  };
  window.addEventListener("KEY_EVENT", take);
  const keyed = () => key !== null ? Promise.resolve(key)
    : new Promise((resolve) => { waiting.push(resolve); take(); });
  const ready = () => (window.pywebview && window.pywebview.api && window.pywebview.api.request)
    ? Promise.resolve(window.pywebview.api)
    : new Promise((resolve) => window.addEventListener(
        "pywebviewready", () => resolve(window.pywebview.api), { once: true }));
  const call = (name, ...args) =>
    Promise.all([ready(), keyed()]).then(([api, k]) => api[name](k, ...args));
  window.rilletDesktop = {
    request: (kind, title, fileTypes, defaultName) =>
      call("request", kind, title || "", fileTypes || [], defaultName || "")
        .then((paths) => paths || []),
    saveUrl: (url, defaultName) => call("save_url", url, defaultName || ""),
    openExternal: (url) => call("open_external", url),
    droppedPaths: (files) => call("dropped_paths", files).then((paths) => paths || []),
    closeDialog: () => call("close_dialog"),
  };
})();
""".replace("KEY_GLOBAL", KEY_GLOBAL).replace("KEY_EVENT", KEY_EVENT)

# Run in the window's main frame once the app's page has loaded.
KEY_DELIVERY_JS = (
    f"window.{KEY_GLOBAL} = %s; window.dispatchEvent(new Event({json.dumps(KEY_EVENT)})); true"
)

_EXTENSION = re.compile(r"^\.?([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)$")


def file_filters(file_types: Sequence[str]) -> tuple[str, ...]:
    """pywebview's dialog filters for extensions given the Streamlit way (``"csv"``, ``".csv"``).

    Example:
        >>> file_filters([".csv", "txt"])
        ('Accepted files (*.csv;*.txt)', 'All files (*.*)')
        >>> file_filters([])
        ()
    """
    patterns = []
    for item in file_types:
        match = _EXTENSION.match(item.strip())
        if match is not None:
            patterns.append(f"*.{match.group(1)}")
    if not patterns:
        return ()
    return (f"Accepted files ({';'.join(patterns)})", "All files (*.*)")


def _paths(result: Any) -> list[str]:
    if not result:
        return []
    if isinstance(result, str):
        return [result]
    return [str(p) for p in result if p]


# How long after an OS drop the page may ask for the dropped files' paths.
DROP_WINDOW_SECONDS = 5.0


@dataclass(frozen=True)
class _Dropped:
    path: str
    name: str
    size: int
    at: float
    named_only: bool = False


class DropRecord:
    """The files of the latest OS drops on the window, until the page claims their paths.

    The Qt hook records every local file dropped on the window (the page
    never learns a dropped file's path); the page then asks, by the names
    and sizes its drop event saw, for the paths. Each recorded file is
    handed out once, and only within ``window`` seconds of its drop.

    Args:
        window: how many seconds a drop stays claimable.
        clock: the monotonic clock (replaced in tests).

    Example:
        >>> record = DropRecord()
        >>> record.record(["/home/ada/report.csv"])  # the Qt hook, on a drop  # doctest: +SKIP
        1
        >>> record.take([("report.csv", 120)])  # the page, by name and size  # doctest: +SKIP
        ['/home/ada/report.csv']
        >>> record.take([("report.csv", 120)])  # once only  # doctest: +SKIP
        []
    """

    def __init__(
        self, window: float = DROP_WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._window = window
        self._clock = clock
        self._files: list[_Dropped] = []
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)

    def record(self, paths: Sequence[str], *, named_only: bool = False) -> int:
        """Remember the regular files among ``paths`` (just dropped); return how many.

        Args:
            paths: the dropped files' paths.
            named_only: the paths came from the page (pywebview's DOM drop
                event), not from the window's own drop handling: they are
                handed out only to a page that asks by their names and
                sizes, never for "the latest drop" (a frame in the page
                might forge such an event).
        """
        now = self._clock()
        dropped = []
        for raw in paths:
            # Not resolved: the page knows a dropped link by the link's name.
            path = Path(os.path.abspath(raw))
            try:
                if not path.is_file():
                    continue
                size = path.stat().st_size
            except OSError:
                continue
            dropped.append(_Dropped(str(path), path.name, size, now, named_only))
        again = {f.path for f in dropped}
        with self._lock:
            # A file dropped again (or seen by two widgets) is one drop: the latest.
            kept = [f for f in self._files if now - f.at <= self._window and f.path not in again]
            self._files = kept + dropped
            self._changed.notify_all()
        return len(dropped)

    def take(self, files: Sequence[tuple[str, int]], wait: float = 0.0) -> list[str]:
        """The paths of the dropped ``(name, size)`` files, in order, or ``[]``.

        All or nothing: when one of ``files`` matches no recent unclaimed
        drop, nothing is returned (and nothing claimed). Claimed files are
        forgotten, so a path is handed out once.

        Args:
            files: the ``(name, size)`` of each file, as the page saw them;
                empty when the page saw no files (WebKitGTK hands it none
                for a drop from another program): then every unclaimed
                file of the latest drop.
            wait: seconds to wait for a drop still on its way (pywebview
                reports a drop's paths from the page's own drop event, which
                may arrive after the page's question).
        """
        deadline = time.monotonic() + wait
        with self._lock:
            while True:
                paths = self._take(files)
                remaining = deadline - time.monotonic()
                if paths or remaining <= 0:
                    return paths
                self._changed.wait(remaining)

    def _take(self, files: Sequence[tuple[str, int]]) -> list[str]:
        now = self._clock()
        fresh = [f for f in self._files if now - f.at <= self._window]
        if not files:
            unnamed = [f for f in fresh if not f.named_only]
            latest = max((f.at for f in unnamed), default=None)
            self._files = [f for f in fresh if f.named_only or f.at != latest]
            return [f.path for f in unnamed if f.at == latest]
        chosen: list[_Dropped] = []
        for name, size in files:
            # The latest drop first, should two files share a name and size.
            match = next(
                (
                    f
                    for f in reversed(fresh)
                    if f.name == name and f.size == size and all(f is not c for c in chosen)
                ),
                None,
            )
            if match is None:
                self._files = fresh
                return []
            chosen.append(match)
        self._files = [f for f in fresh if all(f is not c for c in chosen)]
        return [f.path for f in chosen]


class DesktopBridge:
    """What the page in the desktop window may ask of the machine.

    Every call is refused until the launcher names the server's origin
    (``http://127.0.0.1:<port>``) and the window's token with ``_serve``.
    Every method takes the bridge key (``hand_key``) first; without it the
    call gets an empty answer (``[]``, ``""``, ``False``) and does nothing.

    Args:
        window: the pywebview window (its ``create_file_dialog`` shows the
            native dialogs).
        open_url: opens a URL in the system browser.

    Attributes:
        drops: the OS drops on the window the page may claim.
        close_dialogs: closes the window's open native dialog, from any
            thread; the backend's hooks set it once the window exists.
    """

    def __init__(
        self,
        window: Any,
        *,
        open_url: Callable[[str], bool] = webbrowser.open,
    ) -> None:
        self._window = window
        self._origin: str | None = None
        self._token = ""
        self._key = secrets.token_urlsafe(32)
        self._refusal_logged = False
        self._open_url = open_url
        self._last_dir = ""
        self._lock = threading.Lock()
        self.drops = DropRecord()
        self.drop_wait = 0.0
        self.close_dialogs: Callable[[], None] | None = None

    def _serve(self, origin: str, token: str) -> None:
        self._origin, self._token = origin, token

    def _shows_the_app(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        return self._origin is not None and f"{parts.scheme}://{parts.netloc}" == self._origin

    def _check_caller(self) -> None:
        url = self._window.get_current_url() or ""
        if not self._shows_the_app(url):
            raise PermissionError(f"desktop powers are only for the app's own page, not {url!r}")

    def _refused(self, key: object, method: str) -> bool:
        """Whether a call must be refused for want of the bridge key (logged the first time)."""
        given = key.encode() if isinstance(key, str) else b""
        if hmac.compare_digest(given, self._key.encode()):
            return False
        if not self._refusal_logged:
            self._refusal_logged = True
            log.warning(
                "refused a desktop bridge call (%s) without the bridge key: only the app's own "
                "page has it, not a frame inside it (further refusals are not logged)",
                method,
            )
        return True

    def hand_key(self, window: Any, url: str | None = None) -> bool:
        """Give the bridge key to the app's page in ``window``'s main frame; return whether given.

        Called on each load of the app's page (``url``, else the window's
        current one): the key is run into the main frame only (never into a
        frame inside the page), and only while the window shows the app's
        own origin.
        """
        if url is None:
            url = window.get_current_url() or ""
        if not self._shows_the_app(url):
            return False
        window.run_js(KEY_DELIVERY_JS % json.dumps(self._key))
        return True

    def request(
        self,
        key: str,
        kind: str,
        title: str = "",
        file_types: Sequence[str] = (),
        default_name: str = "",
    ) -> list[str]:
        """Show a native open/save/folder dialog; return the chosen absolute paths ([] = cancelled).

        Args:
            key: the bridge key.
            kind: ``"open_file"``, ``"open_files"``, ``"open_folder"`` or ``"save_file"``.
            title: what the dialog is for (shown where the system's dialog has a title).
            file_types: accepted extensions (``".csv"``); empty accepts any file.
            default_name: the suggested file name of a save dialog.
        """
        if self._refused(key, "request"):
            return []
        self._check_caller()
        if kind not in KINDS:
            raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
        import webview

        dialog = {
            "open_file": webview.FileDialog.OPEN,
            "open_files": webview.FileDialog.OPEN,
            "open_folder": webview.FileDialog.FOLDER,
            "save_file": webview.FileDialog.SAVE,
        }[kind]
        # One native dialog at a time: a second click waits for the first.
        with self._lock:
            log.info("%s dialog (%s): open", kind, title)
            result = self._window.create_file_dialog(
                dialog,
                directory=self._last_dir,
                allow_multiple=kind == "open_files",
                save_filename=os.path.basename(default_name),
                file_types=file_filters(list(file_types)) if kind != "open_folder" else (),
            )
        paths = [str(Path(p).resolve()) for p in _paths(result)]
        if paths:
            first = Path(paths[0])
            self._last_dir = str(first if kind == "open_folder" else first.parent)
        log.info("%s dialog (%s): %d path(s) chosen", kind, title, len(paths))
        return paths

    def dropped_paths(self, key: str, files: Sequence[Sequence[Any]]) -> list[str]:
        """The absolute paths of files the user just dropped on the window ([] = unknown).

        Args:
            key: the bridge key.
            files: ``[name, size]`` of each file the page's drop event
                holds, in its order; empty when it holds none (WebKitGTK's
                drops from another program), to ask for the latest drop's.

        Returns:
            One path per file, in the same order, when every file matches a
            local file dropped on the window in the last few seconds and not
            claimed yet; else ``[]`` (the page then uploads the bytes). For
            an empty ``files``, the unclaimed files of the latest drop on the
            app's page in the last few seconds.
        """
        if self._refused(key, "dropped_paths"):
            return []
        self._check_caller()
        wanted = [(str(name), int(size)) for name, size in files]
        # Qt records a drop before the page sees it; GTK's paths come with the
        # page's drop event, or from the window's drop just before it, and
        # may arrive just after this question.
        paths = self.drops.take(wanted, wait=self.drop_wait)
        asked = str(len(wanted)) if wanted else "the latest drop's files"
        log.info("dropped files: %s asked, %d path(s) given", asked, len(paths))
        return paths

    def save_url(self, key: str, url: str, default_name: str = "") -> str:
        """Save one of the app's own files (a download) where the user chooses; return the path.

        Args:
            key: the bridge key.
            url: a URL of the app's server (``/media/...``), absolute or relative.
            default_name: the suggested file name.

        Returns:
            The saved file's path, or ``""`` when the user cancelled.
        """
        if self._refused(key, "save_url"):
            return ""
        self._check_caller()
        assert self._origin is not None
        target = urllib.parse.urljoin(self._origin + "/", url)
        if not target.startswith(self._origin + "/"):
            raise PermissionError(f"only the app's own files can be saved, not {url!r}")
        name = default_name or Path(urllib.parse.urlsplit(target).path).name
        chosen = self.request(key, "save_file", "Save", (), name)
        if not chosen:
            return ""
        parts = urllib.parse.urlsplit(target)
        conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
        try:
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            conn.request("GET", path, headers={"Cookie": f"rillet_token={self._token}"})
            response = conn.getresponse()
            if response.status != 200:
                raise OSError(f"the app's server answered {response.status} for {url}")
            with open(chosen[0], "wb") as out:
                while block := response.read(1 << 16):
                    out.write(block)
        finally:
            conn.close()
        return chosen[0]

    def close_dialog(self, key: str) -> None:
        """Close the native dialog open now, if any: its ``request`` then returns ``[]``.

        The page calls this when the script run that asked for the dialog was
        interrupted (a rerun or stop), so no dialog stays up that nothing
        waits for.

        Args:
            key: the bridge key.
        """
        if self._refused(key, "close_dialog"):
            return
        self._check_caller()
        if self.close_dialogs is None:
            log.info("this webview cannot close its dialogs; the open one stays until answered")
            return
        self.close_dialogs()

    def open_external(self, key: str, url: str) -> bool:
        """Open an http(s) or mailto link in the system's browser or mail program.

        Args:
            key: the bridge key.
            url: the link.
        """
        if self._refused(key, "open_external"):
            return False
        self._check_caller()
        if urllib.parse.urlsplit(url).scheme not in ("http", "https", "mailto"):
            raise ValueError(f"only http, https and mailto links open outside, not {url!r}")
        return bool(self._open_url(url))
