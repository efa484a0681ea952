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
  the system browser instead of replacing the app;
- camera and microphone requests are granted to the app's own page only;
  every other permission (location, notifications, screen capture...) is
  refused;
- the window's un-maximized size and position are tracked on the GUI
  thread, since pywebview's getters wait for the GUI thread (the closing
  event runs on it).

Imported only when the GTK backend runs (it imports PyGObject).
"""

from __future__ import annotations

import logging
import urllib.parse
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


class GtkWindow:
    """The shell's hooks on one pywebview GTK window (see the module docstring).

    Args:
        view: pywebview's ``BrowserView`` (``.window``: the Gtk window,
            ``.webview``: the WebKit2.WebView, ``.manager``: its content manager).
        app_origin: the app server's origin once known, else ``None``.
        open_url: opens a URL in the system browser.
    """

    def __init__(
        self,
        view: Any,
        app_origin: Callable[[], str | None],
        open_url: Callable[[str], bool] = webbrowser.open,
    ) -> None:
        self.view = view
        self.app_origin = app_origin
        self.open_url = open_url
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
