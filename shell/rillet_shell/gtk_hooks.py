"""What the shell adds to pywebview's WebKitGTK window, where pywebview has no API for it.

Everything pywebview offers on every platform goes through pywebview (file
dialogs, downloads through a save dialog with ``ALLOW_DOWNLOADS``, the full
paths of dropped files through its DOM ``drop`` event, ``target=_blank``
links in the system browser, window size and position). What is left is
attached here, in pywebview's ``before_show`` event, on the GUI thread,
right after the ``WebKit2.WebView`` exists and before its first page loads:

- the page adapter script (``bridge.CLIENT_ADAPTER_JS``) as a user script
  of the top frame at document start, so ``window.rilletDesktop`` exists
  before the client's first render;
- ``window.close()`` from the page closes the window (WebKit emits the view's
  ``close`` signal, which pywebview does not connect);
- a top-level navigation to another http(s) origin than the app's opens in
  the system browser instead of replacing the app, and a file dropped where
  no drop target takes it is not loaded in the app's place;
- camera and microphone requests are granted to the app's own page only;
  every other permission (location, notifications, screen capture...) is
  refused;
- the local files of an OS drop on the app's own page (not on an iframe in
  it) are recorded by their real paths, which the page's drop event does not
  hold: WebKitGTK 2.50 hands the page no files for a drop from another
  program, so neither pywebview's full path of a dropped file nor a name and
  size to ask by reach it; the page's drop target then claims the drop's
  paths through the bridge (``DesktopBridge.dropped_paths``);
- the window's un-maximized size and position are tracked on the GUI
  thread, since pywebview's getters wait for the GUI thread (the closing
  event runs on it).

Imported only when the GTK backend runs (it imports PyGObject).
"""

from __future__ import annotations

import logging
import urllib.parse
import urllib.request
import webbrowser
from collections.abc import Callable
from typing import Any

from rillet_shell.bridge import CLIENT_ADAPTER_JS
from rillet_shell.geometry import Geometry

log = logging.getLogger(__name__)

# The kinds of WebKitGTK permission request, by GType name, that a page may be granted.
MEDIA_REQUEST = "WebKitUserMediaPermissionRequest"


def origin_of(url: str) -> str:
    """``scheme://host:port`` of ``url``.

    Example:
        >>> origin_of("http://127.0.0.1:8501/page?x=1")
        'http://127.0.0.1:8501'
    """
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def media_permission_granted(
    app_origin: str | None, page_url: str, *, audio: bool, video: bool, display: bool
) -> bool:
    """Whether the window grants a camera/microphone request made while ``page_url`` is shown.

    WebKitGTK asks the embedder only for requests its Permissions Policy
    already allows (the top page, or an iframe the page gave ``allow="camera"``);
    the grant then goes to the top page's origin, which must be the app's own.
    Screen capture (``display``) is never granted: no st.* command uses it.

    Example:
        >>> media_permission_granted("http://127.0.0.1:8501", "http://127.0.0.1:8501/",
        ...                          audio=False, video=True, display=False)
        True
        >>> media_permission_granted("http://127.0.0.1:8501", "https://ads.example/",
        ...                          audio=False, video=True, display=False)
        False
    """
    return (
        app_origin is not None
        and (audio or video)
        and not display
        and origin_of(page_url) == app_origin
    )


def leaves_the_app(app_origin: str | None, target: str, frame_name: str) -> bool:
    """Whether a main-frame navigation to ``target`` must open in the system browser instead.

    Example:
        >>> leaves_the_app("http://127.0.0.1:8501", "https://docs.example/", "")
        True
        >>> leaves_the_app("http://127.0.0.1:8501", "http://127.0.0.1:8501/?page=2", "")
        False
    """
    parts = urllib.parse.urlsplit(target)
    return (
        app_origin is not None
        and frame_name != "_blank"  # pywebview opens those in the browser already
        and parts.scheme in ("http", "https")
        and origin_of(target) != app_origin
    )


# Elements of the page whose drops go to another document, never to the app's page.
FOREIGN_DROP_TAGS = frozenset({"IFRAME", "FRAME", "OBJECT", "EMBED"})

# Run in the top frame at a drop: the page's origin and the tag of the element under the pointer.
DROP_TARGET_JS = """(() => {
  const z = %s;
  const target = document.elementFromPoint(%s / z, %s / z);
  return location.origin + " " + (target ? target.tagName : "");
})()"""


def local_paths(uris: list[str]) -> list[str]:
    """The local file paths among the ``file:`` URIs of a drop (``text/uri-list``).

    Example:
        >>> local_paths(["file:///home/ada/my%20data/report%201.csv", "https://example.com/x.csv"])
        ['/home/ada/my data/report 1.csv']
        >>> local_paths(["file://localhost/tmp/a.txt", "file://other-host/tmp/b.txt"])
        ['/tmp/a.txt']
    """
    paths = []
    for uri in uris:
        parts = urllib.parse.urlsplit(uri.strip())
        if parts.scheme == "file" and parts.netloc in ("", "localhost") and parts.path:
            paths.append(urllib.request.url2pathname(parts.path))
    return paths


def drop_lands_in_app(app_origin: str | None, where: str) -> bool:
    """Whether a drop whose target the page described as ``where`` is on the app's own page.

    ``where`` is what :data:`DROP_TARGET_JS` answers: the top page's origin,
    a space, then the tag of the element under the pointer. A drop on an
    iframe (a component, ``st.html``...) or on another site's page is not.

    Example:
        >>> drop_lands_in_app("http://127.0.0.1:8501", "http://127.0.0.1:8501 DIV")
        True
        >>> drop_lands_in_app("http://127.0.0.1:8501", "http://127.0.0.1:8501 IFRAME")
        False
        >>> drop_lands_in_app("http://127.0.0.1:8501", "https://ads.example DIV")
        False
    """
    origin, _, tag = where.partition(" ")
    return app_origin is not None and origin == app_origin and tag.upper() not in FOREIGN_DROP_TAGS


def shows_a_dropped_file(app_origin: str | None, page_url: str, target: str) -> bool:
    """Whether a navigation from ``page_url`` to ``target`` would replace the app by a local file.

    WebKit loads a file dropped where no drop target takes it; the app's
    page never navigates to a ``file:`` URL otherwise.

    Example:
        >>> shows_a_dropped_file("http://127.0.0.1:8501", "http://127.0.0.1:8501/", "file:///tmp/a.csv")
        True
        >>> shows_a_dropped_file("http://127.0.0.1:8501", "http://127.0.0.1:8501/", "http://127.0.0.1:8501/?p=2")
        False
    """
    return (
        app_origin is not None
        and origin_of(page_url) == app_origin
        and urllib.parse.urlsplit(target).scheme == "file"
    )


class GtkWindow:
    """The shell's hooks on one pywebview GTK window (see the module docstring).

    Args:
        view: pywebview's ``BrowserView`` (``.window``: the Gtk window,
            ``.webview``: the WebKit2.WebView, ``.manager``: its content manager).
        app_origin: the app server's origin once known, else ``None``.
        open_url: opens a URL in the system browser.
        on_drop: receives the local paths of each OS drop on the app's page
            (``DropRecord.record``), before the page asks for them.
    """

    def __init__(
        self,
        view: Any,
        app_origin: Callable[[], str | None],
        open_url: Callable[[str], bool] = webbrowser.open,
        on_drop: Callable[[list[str]], object] | None = None,
    ) -> None:
        self.view = view
        self.app_origin = app_origin
        self.open_url = open_url
        self.on_drop = on_drop
        # The drag in progress (its Gdk.DragContext) and the files it carries.
        self._drag: Any = None
        self._dragged: list[str] = []
        # The drag whose drop is waiting for its files, and where it landed.
        self._dropped: tuple[Any, int, int] | None = None
        self.normal = Geometry(0, 0)
        self.maximized = False

    def attach(self) -> None:
        """Connect every hook (GUI thread, before the first page loads)."""
        import gi

        gi.require_version("Gtk", "3.0")
        from gi.repository import Gtk, WebKit2

        script = WebKit2.UserScript.new(
            CLIENT_ADAPTER_JS,
            WebKit2.UserContentInjectedFrames.TOP_FRAME,
            WebKit2.UserScriptInjectionTime.START,
            None,
            None,
        )
        self.view.manager.add_script(script)
        webview = self.view.webview
        webview.connect("close", lambda *_: self.view.window.close())
        webview.connect("decide-policy", self._decide_policy)
        webview.connect("permission-request", self._permission_request)
        if self.on_drop is not None:
            # Connected after pywebview's, before WebKit's own (class) handlers:
            # both run, and the page still gets the drop.
            webview.connect("drag-data-received", self._drag_data_received)
            webview.connect("drag-drop", self._drag_drop)
        window = self.view.window
        window.connect("configure-event", self._configured)
        window.connect("window-state-event", self._state_changed)
        width, height = window.get_size()
        x, y = window.get_position()
        self.normal = Geometry(width, height, x, y)
        self._gtk = Gtk

    def _decide_policy(self, webview: Any, decision: Any, kind: Any) -> bool:
        from gi.repository import WebKit2

        if not isinstance(decision, WebKit2.NavigationPolicyDecision):
            return False
        action = decision.get_navigation_action()
        target = action.get_request().get_uri() or ""
        frame = action.get_frame_name() or ""
        if kind != WebKit2.PolicyDecisionType.NAVIGATION_ACTION:
            return False  # a new window (target=_blank): pywebview's handler
        if shows_a_dropped_file(self.app_origin(), webview.get_uri() or "", target):
            # WebKit's answer to a file dropped where no drop target takes it
            # (the page's background, an iframe): show the file instead of the app.
            log.info("a dropped file does not replace the app's page")
            decision.ignore()
            return True
        # WebKitGTK 4.1 does not say whether the main frame or an iframe navigates;
        # an iframe's own loads are not clicks, so only clicked links and
        # submitted forms leave for the browser.
        clicked = action.get_navigation_type() in (
            WebKit2.NavigationType.LINK_CLICKED,
            WebKit2.NavigationType.FORM_SUBMITTED,
        )
        if clicked and leaves_the_app(self.app_origin(), target, frame):
            log.info("opening %s in the system browser", target)
            self.open_url(target)
            decision.ignore()
            return True
        return False

    def _permission_request(self, webview: Any, request: Any) -> bool:
        from gi.repository import WebKit2

        page = webview.get_uri() or ""
        if isinstance(request, WebKit2.UserMediaPermissionRequest):
            props = request.props
            display = bool(getattr(props, "is_for_display_device", False))
            granted = media_permission_granted(
                self.app_origin(),
                page,
                audio=bool(props.is_for_audio_device),
                video=bool(props.is_for_video_device),
                display=display,
            )
        else:
            granted = False
        log.info("%s %s for %s", "granted" if granted else "refused", type(request).__name__, page)
        if granted:
            request.allow()
        else:
            request.deny()
        return True

    def _drag_data_received(
        self, webview: Any, context: Any, x: int, y: int, data: Any, info: int, when: int
    ) -> bool:
        uris = data.get_uris() or []
        log.debug("drag data %s: %d uri(s)", data.get_data_type().name(), len(uris))
        if uris:
            self._drag, self._dragged = context, local_paths(list(uris))
            if self._dropped is not None and self._dropped[0] is context:
                self._locate_drop()
        return False  # WebKit reads the data for the page too

    def _drag_drop(self, webview: Any, context: Any, x: int, y: int, when: int) -> bool:
        log.debug("drop at %d,%d", x, y)
        self._dropped = (context, x, y)
        if self._drag is context:
            self._locate_drop()
        return False  # WebKit performs the drop: the page's drop event fires

    def _locate_drop(self) -> None:
        """Record the dropped files if the drop landed on the app's page (asked of the page)."""
        assert self._dropped is not None
        _, x, y = self._dropped
        paths = self._dragged
        self._drag, self._dragged, self._dropped = None, [], None
        if not paths or self.on_drop is None:
            return
        on_drop = self.on_drop
        webview = self.view.webview
        script = DROP_TARGET_JS % (float(webview.get_zoom_level() or 1.0), x, y)

        def located(view: Any, task: Any) -> None:
            try:
                where = view.evaluate_javascript_finish(task).to_string()
            except Exception:
                log.exception("could not tell where the files were dropped; not recorded")
                return
            if not drop_lands_in_app(self.app_origin(), where):
                log.info("drop outside the app's page (%s): its files are not recorded", where)
                return
            try:
                count = on_drop(paths)
                log.info("drop on the window: %s local file(s) recorded", count)
            except Exception:
                log.exception("could not record the dropped files")

        # Sent before WebKit hands the drop to the page, so this runs first.
        webview.evaluate_javascript(script, -1, None, None, None, located)

    def _configured(self, window: Any, event: Any) -> bool:
        if not self.maximized:
            width, height = window.get_size()
            x, y = window.get_position()
            self.normal = Geometry(width, height, x, y)
        return False

    def _state_changed(self, window: Any, event: Any) -> bool:
        from gi.repository import Gdk

        self.maximized = bool(event.new_window_state & Gdk.WindowState.MAXIMIZED)
        return False

    def geometry(self) -> Geometry:
        """The size and position to restore next time (GUI thread)."""
        normal = self.normal
        if not self.maximized:
            width, height = self.view.window.get_size()
            x, y = self.view.window.get_position()
            normal = Geometry(width, height, x, y)
        return Geometry(normal.width, normal.height, normal.x, normal.y, self.maximized)

    def focus(self) -> None:
        """Bring the window to the front (any thread)."""
        from gi.repository import GLib

        def present() -> bool:
            window = self.view.window
            window.deiconify()
            window.present()
            return False

        GLib.idle_add(present)

    def close_dialogs(self) -> None:
        """Cancel the window's open file dialog, as if the user had (any thread)."""
        from gi.repository import GLib, Gtk

        def cancel() -> bool:
            for toplevel in Gtk.Window.list_toplevels():
                if isinstance(toplevel, Gtk.FileChooserDialog) and toplevel.get_visible():
                    toplevel.response(Gtk.ResponseType.CANCEL)
                    log.info("closed a file dialog nobody waits for")
            return False

        GLib.idle_add(cancel)


def browser_view(window: Any) -> Any:
    """pywebview's GTK ``BrowserView`` of the pywebview ``window``."""
    from webview.platforms import gtk as pywebview_gtk

    return pywebview_gtk.BrowserView.instances[window.uid]
