"""What the shell adds to pywebview's Qt window (Linux's webview).

pywebview creates the Qt objects; these hooks are attached in its
``before_show`` event, on the GUI thread, right after the window's widgets
exist:

- the page adapter script (``bridge.CLIENT_ADAPTER_JS``) runs in every page
  at document creation, so ``window.rilletDesktop`` exists before the
  client's first render;
- ``window.close()`` from the page closes the window (Chromium asks the
  embedder, and pywebview does not answer);
- a download asks where to save it in a native dialog, suggesting the
  file's own name (pywebview's handler uses the URL path and Qt 5 calls);
- a top-level navigation away from the app opens in the system browser
  instead of replacing the app (links with ``target=_blank`` already do,
  through pywebview); a file dropped where no drop target takes it (the
  page's background, a component's frame), which Chromium opens as a new
  window and pywebview would hand to the system browser, is not opened
  anywhere, and never replaces the app;
- the local files of an OS drop on the window are recorded (their real
  paths, which the page never sees) before the drop goes on to the page,
  whose file uploader then claims them through the bridge;
- camera and microphone requests are granted to the app's own origin only
  (pywebview grants them to any page or iframe), every other feature
  (location, notifications, screen capture...) is refused.

Everything here is Qt-only and imported only when the Qt backend runs.
"""

from __future__ import annotations

import logging
import urllib.parse
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rillet_shell.bridge import CLIENT_ADAPTER_JS
from rillet_shell.geometry import Geometry
from rillet_shell.gtk_hooks import shows_a_dropped_file

log = logging.getLogger(__name__)


def install_navigation_guard(app_origin: Callable[[], str | None]) -> None:
    """Make the window's pages open foreign top-level links in the system browser.

    pywebview builds its page from ``BrowserView.WebPage``; this swaps in a
    subclass (before the window is created) that refuses main-frame
    navigations to any other http(s) origin than the app's, and any
    navigation to a ``file:`` URL while the app shows (Chromium's answer to
    a file dropped where no drop target takes it).
    """
    from webview.platforms import qt as pywebview_qt

    page_class = getattr(getattr(pywebview_qt, "BrowserView", None), "WebPage", None)
    if page_class is None:
        log.warning("pywebview's Qt page class was not found; links may open inside the window")
        return
    # pywebview's class calls super() by its own name, so it cannot be
    # subclassed in place; its (Qt virtual) method is replaced instead.
    original = page_class.acceptNavigationRequest

    def accept_navigation(self: Any, url: Any, kind: Any, is_main_frame: bool) -> bool:
        target = url.toString()
        parts = urllib.parse.urlsplit(target)
        origin = app_origin()
        if shows_a_dropped_file(origin, self.url().toString(), target):
            log.info("a dropped file does not replace the app's page")
            return False
        if (
            is_main_frame
            and origin is not None
            and parts.scheme in ("http", "https")
            and f"{parts.scheme}://{parts.netloc}" != origin
        ):
            log.info("opening %s in the system browser", target)
            webbrowser.open(target)
            return False
        return bool(original(self, url, kind, is_main_frame))

    page_class.acceptNavigationRequest = accept_navigation

    # Chromium opens a file dropped where no drop target takes it as a new
    # window, which pywebview sends to the system browser: not while the app shows.
    handler_class = getattr(getattr(pywebview_qt, "BrowserView", None), "NavigationHandler", None)
    if handler_class is None:
        log.warning("pywebview's Qt new-window handler was not found; dropped files may open")
        return
    open_window = handler_class.acceptNavigationRequest

    def accept_new_window(self: Any, url: Any, kind: Any, is_main_frame: bool) -> bool:
        target = url.toString()
        if app_origin() is not None and urllib.parse.urlsplit(target).scheme == "file":
            log.info("a dropped file (or a link to one) is not opened: %s", target)
            return False
        return bool(open_window(self, url, kind, is_main_frame))

    handler_class.acceptNavigationRequest = accept_new_window


# What a page of the app may use without asking the user again: the
# machine's camera and microphone (st.camera_input, st.audio_input).
MEDIA_FEATURES = frozenset({"MediaAudioCapture", "MediaVideoCapture", "MediaAudioVideoCapture"})


def permission_granted(app_origin: str | None, requester: str, feature: str) -> bool:
    """Whether the window grants ``feature`` (a ``QWebEnginePage.Feature`` name) to ``requester``.

    Security: only the app's own origin gets the camera and microphone. An
    iframe of another site (``st.components``, ``st.html``) or a page the
    window was navigated to gets nothing; nor does anyone get location,
    notifications or screen capture, which no st.* command uses.

    Example:
        >>> permission_granted("http://127.0.0.1:8501", "http://127.0.0.1:8501/", "MediaVideoCapture")
        True
        >>> permission_granted("http://127.0.0.1:8501", "https://ads.example/", "MediaVideoCapture")
        False
    """
    parts = urllib.parse.urlsplit(requester)
    return (
        app_origin is not None
        and feature in MEDIA_FEATURES
        and f"{parts.scheme}://{parts.netloc}" == app_origin
    )


def install_permission_policy(app_origin: Callable[[], str | None]) -> None:
    """Replace pywebview's camera/microphone handler (which grants any origin) by ours.

    Done on the class before the window exists, as pywebview connects the
    page's ``featurePermissionRequested`` to this method when it builds the
    page.
    """
    from webview.platforms import qt as pywebview_qt

    page_class = getattr(getattr(pywebview_qt, "BrowserView", None), "WebPage", None)
    if page_class is None or not hasattr(page_class, "onFeaturePermissionRequested"):
        log.warning("pywebview's Qt permission handler was not found; camera may not work")
        return

    def decide(self: Any, url: Any, feature: Any) -> None:
        requester = url.toString()
        name = getattr(feature, "name", str(feature))
        granted = permission_granted(app_origin(), requester, name)
        log.info("%s %s for %s", "granted" if granted else "refused", name, requester)
        policy = type(self).PermissionPolicy
        self.setFeaturePermission(
            url,
            feature,
            policy.PermissionGrantedByUser if granted else policy.PermissionDeniedByUser,
        )

    page_class.onFeaturePermissionRequested = decide


@dataclass(frozen=True)
class WindowControls:
    """What other threads may do to the window; each call is safe from any thread.

    Attributes:
        focus: raise and focus the window (a second launch of the app).
        close_dialogs: close the window's open native dialog, as if the user
            cancelled it (the script run that asked was interrupted).
    """

    focus: Callable[[], None]
    close_dialogs: Callable[[], None]


def attach(native: Any, on_drop: Callable[[list[str]], object] | None = None) -> WindowControls:
    """Attach the hooks to pywebview's Qt window ``native`` (on the GUI thread).

    Args:
        native: pywebview's ``BrowserView`` (a QMainWindow with ``.webview``).
        on_drop: receives the local paths of each OS drop on the page,
            before the page sees the drop (``DropRecord.record``).

    Returns:
        The thread-safe controls of this window.
    """
    from qtpy.QtWebEngineCore import QWebEngineScript

    page = native.webview.page()
    script = QWebEngineScript()
    script.setName("rillet-desktop-adapter")
    script.setSourceCode(CLIENT_ADAPTER_JS)
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    script.setRunsOnSubFrames(False)
    page.scripts().insert(script)

    page.windowCloseRequested.connect(native.close)
    page.profile().downloadRequested.connect(lambda download: _save_download(native, download))

    def focus() -> None:
        if native.isMinimized():
            native.showNormal()
        native.show()
        native.raise_()
        native.activateWindow()

    if on_drop is not None:
        _watch_drops(native.webview, on_drop)
    return WindowControls(
        focus=_on_gui_thread(native, focus),
        close_dialogs=_on_gui_thread(native, close_modal_dialog),
    )


def _on_gui_thread(native: Any, action: Callable[[], object]) -> Callable[[], None]:
    """A function any thread may call that runs ``action`` on the window's (GUI) thread."""
    from qtpy import QtCore

    class Relay(QtCore.QObject):
        requested = QtCore.Signal()  # type: ignore[attr-defined]

    relay = Relay(native)  # parented: lives as long as the window, on its thread
    relay.requested.connect(action)
    return relay.requested.emit  # type: ignore[no-any-return]


def close_modal_dialog() -> bool:
    """Cancel the app's open modal dialog, if any (GUI thread); return whether one was open.

    pywebview shows its file dialogs modally (a ``QFileDialog``, which wraps
    the platform's own dialog where there is one) and one at a time, so the
    open one is the dialog to close; rejecting it closes whichever is on
    screen, and the waiting call gets no paths.
    """
    from qtpy.QtWidgets import QApplication, QDialog

    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QDialog):
        return False
    dialog.reject()
    log.info("closed a %s nobody waits for", type(dialog).__name__)
    return True


def release_script_waits(native: Any) -> None:
    """Wake every thread still waiting for a script's result from the closed window.

    pywebview's Qt ``evaluate_js`` blocks on a semaphore until the page
    answers; a page that closed first never answers, so its loader thread
    (``generate_js_object``) would wait forever. Once the window is gone,
    release those waits: the callers get an empty result and return.
    """
    for pending in list(getattr(native, "_js_results", {}).values()):
        pending["semaphore"].release()


def _watch_drops(view: Any, on_drop: Callable[[list[str]], object]) -> None:
    """Record the local paths of every drop on ``view`` (a QWebEngineView), then let it through.

    Qt hands an OS drop to the innermost widget under the pointer that
    accepts drops: with Qt 6 that is the view's rendering child (a
    QQuickWidget, which Qt WebEngine may replace), with Qt 5 the view. The
    filter watches the view and every widget inside it, present and
    future, and sees the drop before Chromium passes it on to the page's
    ``drop`` listeners, so the paths are recorded before the page can ask.
    """
    from qtpy import QtCore

    class DropWatcher(QtCore.QObject):
        def watch(self, widget: Any) -> None:
            widget.installEventFilter(self)  # installing twice keeps one filter

        def eventFilter(self, watched: Any, event: Any) -> bool:
            kind = event.type()
            if kind == QtCore.QEvent.Type.ChildAdded and event.child().isWidgetType():
                self.watch(event.child())
            elif kind == QtCore.QEvent.Type.Drop:
                urls = event.mimeData().urls()
                paths = [url.toLocalFile() for url in urls if url.isLocalFile()]
                if paths:
                    try:
                        count = on_drop(paths)
                        log.info("drop on the window: %s local file(s) recorded", count)
                    except Exception:
                        log.exception("could not record the dropped files")
            return False  # the page gets the drop as usual

    from qtpy.QtWidgets import QWidget

    watcher = DropWatcher(view)  # parented: lives as long as the view
    watcher.watch(view)
    for child in view.findChildren(QWidget):
        watcher.watch(child)


def _save_download(native: Any, download: Any) -> None:
    from qtpy.QtWidgets import QFileDialog

    name = download.suggestedFileName() or "download"
    start = Path(download.downloadDirectory() or Path.home()) / name
    path, _ = QFileDialog.getSaveFileName(native, "Save file", str(start))
    if not path:
        download.cancel()
        return
    download.setDownloadDirectory(str(Path(path).parent))
    download.setDownloadFileName(Path(path).name)
    download.accept()
    log.info("downloading %s to %s", name, path)


def geometry_of(native: Any) -> Geometry:
    """The window's size and position to restore next time (its un-maximized ones)."""
    normal = native.normalGeometry()
    # move() places the frame, normalGeometry() is the inside: keep the frame's offset.
    frame = native.frameGeometry()
    inside = native.geometry()
    dx, dy = inside.x() - frame.x(), inside.y() - frame.y()
    return Geometry(
        width=normal.width(),
        height=normal.height(),
        x=normal.x() - dx,
        y=normal.y() - dy,
        maximized=bool(native.isMaximized()),
    )
