"""Which native webview this machine can show: the checks behind ``rillet doctor``.

pywebview draws the window with the platform's own webview: Qt WebEngine
(PyQt6/PySide6) or WebKitGTK on Linux, WKWebView (Cocoa, via PyObjC) on
macOS, WebView2 (EdgeChromium, via pythonnet) on Windows. Two depths of check:

- :func:`quick_check` only looks for the modules and, on Linux, for a
  display and the one X11 library Qt's window plugin cannot start without.
  It imports nothing heavy, so ``rillet desktop`` runs it on every launch to
  decide between the window and the browser fallback.
- :func:`qt_load_check` (``rillet doctor``) really loads Qt WebEngine and
  creates an application object in a child process, because a Qt library
  that fails to load can abort the process that loads it.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass

INSTALL_DESKTOP = 'pip install "rillet[desktop]"'
# WebKitGTK, the system webview on Linux: the webview itself comes from the
# system's packages, PyGObject (its Python binding) from pip. PyGObject 3.51+
# needs girepository-2.0 (GLib >= 2.80); earlier versions build against the
# GLib of Debian 12, Ubuntu 22.04/24.04 and Fedora alike.
INSTALL_GTK = 'pip install "rillet[desktop,gtk]"'
GTK_PYPI = '"PyGObject<3.51" pycairo'
GTK_SYSTEM_PACKAGES: tuple[tuple[str, str], ...] = (
    ("Debian/Ubuntu", "apt-get install gir1.2-webkit2-4.1"),
    ("Fedora", "dnf install webkit2gtk4.1"),
)
# What pip needs to build PyGObject and pycairo from source (both ship sdists only).
GTK_BUILD_PACKAGES: tuple[tuple[str, str], ...] = (
    (
        "Debian/Ubuntu",
        "apt-get install libgirepository1.0-dev libcairo2-dev pkg-config python3-dev gcc",
    ),
    (
        "Fedora",
        "dnf install gobject-introspection-devel cairo-gobject-devel cairo-devel pkgconf "
        "python3-devel gcc",
    ),
)
FEDORA_QT_LIBRARIES = (
    "mesa-libEGL libxkbcommon-x11 xcb-util-cursor nss libXcomposite libXdamage libXrandr "
    "libXtst libxkbfile alsa-lib xcb-util-wm xcb-util-keysyms xcb-util-image xcb-util-renderutil"
)
WEBVIEWS = ("gtk", "qt")
# The environment variable that names the webview when --webview is not given.
WEBVIEW_ENV = "RILLET_WEBVIEW"
# The libraries Debian/Ubuntu split out that Qt's xcb plugin needs (the same
# list .ci/run installs).
APT_QT_LIBRARIES = (
    "libegl1 libxkbcommon-x11-0 libxcb-cursor0 libnss3 libxcomposite1 libxdamage1 "
    "libxrandr2 libxtst6 libxkbfile1 libasound2 libxcb-icccm4 libxcb-keysyms1 "
    "libxcb-shape0 libxcb-xinerama0 libxcb-image0 libxcb-render-util0"
)


@dataclass(frozen=True)
class Backend:
    """One webview backend and whether this machine has what it needs.

    Attributes:
        gui: pywebview's name for it (``"qt"``, ``"gtk"``, ``"cocoa"``, ``"edgechromium"``).
        label: what it is, for people.
        available: its Python modules are installed.
        missing: what is missing when it is not available.
        install: the command that installs what is missing.
    """

    gui: str
    label: str
    available: bool
    missing: str = ""
    install: str = ""


def _has(*modules: str) -> bool:
    try:
        return all(importlib.util.find_spec(m) is not None for m in modules)
    except (ImportError, ValueError):
        return False


def _qt_binding() -> str | None:
    for binding in ("PyQt6", "PySide6", "PyQt5"):
        web = "QtWebEngineWidgets"
        if _has(binding, f"{binding}.{web}"):
            return binding
    return None


def backends(platform: str = sys.platform) -> list[Backend]:
    """The webview backends pywebview could use on ``platform``, best first.

    Example:
        >>> [b.gui for b in backends("win32")]
        ['edgechromium']
    """
    webview = _has("webview")
    missing_webview = "" if webview else "pywebview"

    def backend(gui: str, label: str, modules: tuple[str, ...], what: str) -> Backend:
        ok = webview and _has(*modules)
        missing = ", ".join(m for m in (missing_webview, "" if _has(*modules) else what) if m)
        return Backend(gui, label, ok, missing, "" if ok else INSTALL_DESKTOP)

    if platform.startswith("win"):
        return [backend("edgechromium", "WebView2 (Edge Chromium)", ("clr",), "pythonnet")]
    if platform == "darwin":
        return [backend("cocoa", "WKWebView (Cocoa)", ("objc", "WebKit"), "pyobjc")]
    binding = _qt_binding()
    qt = Backend(
        "qt",
        f"Qt WebEngine ({binding or 'PyQt6'})",
        webview and binding is not None,
        ", ".join(m for m in (missing_webview, "" if binding else "PyQt6-WebEngine") if m),
        "" if webview and binding else INSTALL_DESKTOP,
    )
    typelib = _gtk_webkit()
    gtk_ok = webview and _has("gi") and typelib
    gtk_missing = [
        m
        for m in (
            missing_webview,
            "" if _has("gi") else "PyGObject",
            "" if typelib else "the system's WebKitGTK (gir1.2-webkit2-4.1)",
        )
        if m
    ]
    if gtk_ok:
        install = ""
    elif not typelib:
        install = "; ".join(f"{where}: {command}" for where, command in GTK_SYSTEM_PACKAGES)
        if not _has("gi"):
            install += f"; then {INSTALL_GTK}"
    else:
        install = INSTALL_GTK
    gtk = Backend("gtk", "WebKitGTK (the system webview)", gtk_ok, ", ".join(gtk_missing), install)
    # The system webview first: it is what a packed app relies on.
    return [gtk, qt]


def _gtk_webkit() -> bool:
    # The typelib is what PyGObject loads for WebKit2; finding the file is enough here.
    import glob

    patterns = (
        "/usr/lib/*/girepository-1.0/WebKit2-4*.typelib",
        "/usr/lib*/girepository-1.0/WebKit2-4*.typelib",
    )
    return any(glob.glob(pattern) for pattern in patterns)


def webkit_compositing_wanted(environ: dict[str, str] | None = None, dri: str = "/dev/dri") -> bool:
    """Whether WebKitGTK's accelerated compositing can pay off on this machine.

    Without a GPU device (no ``/dev/dri``: Xvfb, a container, a VM without
    one) WebKit composites with software OpenGL (Mesa's llvmpipe) in the web
    process: measured with the packed counter app, that cost 0.15 s of CPU
    and 90 MB of RSS before the first content, for nothing a software
    paint does not show. ``WEBKIT_DISABLE_COMPOSITING_MODE`` and
    ``WEBKIT_FORCE_COMPOSITING_MODE``, when set, are WebKit's own switches
    and win: then this returns ``True`` (leave the policy to WebKit).

    Example:
        >>> webkit_compositing_wanted({}, dri="/nonexistent")
        False
        >>> webkit_compositing_wanted({"WEBKIT_FORCE_COMPOSITING_MODE": "1"}, dri="/nonexistent")
        True
    """
    env = os.environ if environ is None else environ
    if env.get("WEBKIT_DISABLE_COMPOSITING_MODE") or env.get("WEBKIT_FORCE_COMPOSITING_MODE"):
        return True
    try:
        return any(name.startswith(("renderD", "card")) for name in os.listdir(dri))
    except OSError:
        return False


def display_problem(platform: str = sys.platform) -> str | None:
    """Why no window can be shown at all (Linux without a display), or ``None``."""
    if not platform.startswith("linux"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "eglfs")):
        return None
    return (
        "no display: neither DISPLAY nor WAYLAND_DISPLAY is set (use xvfb-run for a headless run)"
    )


def _xcb_platform() -> bool:
    qpa = os.environ.get("QT_QPA_PLATFORM", "")
    if qpa:
        return qpa.startswith("xcb")
    return bool(os.environ.get("DISPLAY")) and not os.environ.get("WAYLAND_DISPLAY")


def missing_xcb_library() -> str | None:
    """The X11 library Qt's window plugin needs and cannot find, or ``None``.

    Since Qt 6.5 the xcb plugin aborts the whole process when
    ``libxcb-cursor.so.0`` is missing, so this is checked before Qt is loaded.
    """
    if not sys.platform.startswith("linux") or not _xcb_platform():
        return None
    for library, package in (("libxcb-cursor.so.0", "libxcb-cursor0"),):
        try:
            ctypes.CDLL(library)
        except OSError:
            return package
    return None


class WebviewNotInstalled(RuntimeError):
    """The webview asked for by name (``--webview gtk``) cannot be used; ``str()`` says what to install."""


def requested_webview(flag: str | None, environ: dict[str, str] | None = None) -> str | None:
    """The webview asked for: ``--webview``, else ``$RILLET_WEBVIEW``, else ``None`` (the default).

    ``$QTWEBENGINE_REMOTE_DEBUGGING`` (Qt WebEngine's DevTools port, which
    only Qt has) asks for Qt when nothing else names a webview: a person or a
    tool that opens that port means to look inside a Qt window.

    Raises:
        WebviewNotInstalled: the environment names a webview that does not exist.

    Example:
        >>> requested_webview("gtk", {}), requested_webview(None, {"RILLET_WEBVIEW": "qt"})
        ('gtk', 'qt')
        >>> requested_webview(None, {"QTWEBENGINE_REMOTE_DEBUGGING": "127.0.0.1:9222"})
        'qt'
        >>> requested_webview(None, {}) is None
        True
    """
    if flag:
        return flag
    env: Mapping[str, str] = os.environ if environ is None else environ
    value = env.get(WEBVIEW_ENV, "").strip().lower()
    if not value:
        return "qt" if env.get("QTWEBENGINE_REMOTE_DEBUGGING") else None
    if value not in WEBVIEWS:
        raise WebviewNotInstalled(
            f"{WEBVIEW_ENV}={value!r} is not a webview; use one of: {', '.join(WEBVIEWS)}"
        )
    return value


def _qt_blocker() -> str | None:
    package = missing_xcb_library()
    if package is None:
        return None
    return (
        f"Qt cannot open a window: the system library {package} is missing "
        f"(Debian/Ubuntu: apt-get install {package})"
    )


def quick_check(webview: str | None = None, *, strict: bool = True) -> tuple[Backend | None, str]:
    """The backend ``rillet desktop`` will use, or ``None`` and why none can start.

    Args:
        webview: the backend asked for by name (``"gtk"``, ``"qt"``); ``None``
            takes the first usable one, the system webview first.
        strict: ``webview`` was asked for (``--webview``): an error when it
            cannot be used. Otherwise (``$RILLET_WEBVIEW``) it is only tried first.

    Raises:
        WebviewNotInstalled: ``webview`` was named and cannot be used here;
            the message names what to install.

    Example:
        >>> backend, reason = quick_check()  # doctest: +SKIP
    """
    problem = display_problem()
    candidates = backends()
    if webview is not None and not strict:
        candidates.sort(key=lambda c: c.gui != webview)
        webview = None
    if webview is not None:
        chosen = next((c for c in candidates if c.gui == webview), None)
        if chosen is None:
            names = ", ".join(c.gui for c in candidates)
            raise WebviewNotInstalled(
                f"--webview {webview}: not a webview of this platform (it has: {names})"
            )
        if not chosen.available:
            raise WebviewNotInstalled(
                f"--webview {webview}: {chosen.label} is not installed (missing: "
                f"{chosen.missing}). Install it with: {chosen.install}"
            )
        if problem is not None:
            return None, problem
        if webview == "qt" and (blocker := _qt_blocker()) is not None:
            raise WebviewNotInstalled(f"--webview qt: {blocker}")
        return chosen, ""
    if problem is not None:
        return None, problem
    blocked = ""
    for candidate in candidates:
        if candidate.available:
            if candidate.gui == "qt" and (blocker := _qt_blocker()) is not None:
                blocked = blocker
                continue
            return candidate, ""
    if blocked:
        return None, blocked
    best = candidates[0]
    return (
        None,
        f"no webview is installed ({best.missing} missing); install it with: {best.install}",
    )


_QT_PROBE = """
import sys
from {binding}.QtWidgets import QApplication
from {binding} import QtWebEngineWidgets  # loads QtWebEngineCore, Chromium's libraries
app = QApplication(sys.argv[:1])
print(app.platformName())
"""


def qt_load_check(timeout: float = 60.0) -> tuple[bool, str]:
    """Load Qt WebEngine and create a QApplication in a child process.

    Returns:
        ``(ok, detail)``: the Qt platform plugin's name, or the end of the
        child's error output (a missing library, a plugin that would not load).
    """
    binding = _qt_binding()
    if binding is None:
        return (
            False,
            f"no Qt binding with QtWebEngine is installed; install it with: {INSTALL_DESKTOP}",
        )
    env = dict(os.environ)
    env.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox --disable-gpu")
    try:
        done = subprocess.run(
            [sys.executable, "-c", _QT_PROBE.format(binding=binding)],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False, f"loading Qt did not finish within {timeout:.0f} s"
    if done.returncode == 0:
        return True, f"{binding} loads; Qt platform plugin: {done.stdout.strip() or '?'}"
    lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
    detail = "\n".join(lines[-6:]) or f"exit code {done.returncode}"
    return False, detail


_GTK_PROBE = """
import gi
gi.require_version("Gtk", "3.0")
try:
    gi.require_version("WebKit2", "4.1")
except ValueError:
    gi.require_version("WebKit2", "4.0")
from gi.repository import Gtk, WebKit2
ok, _ = Gtk.init_check(None)
print(f"PyGObject {gi.__version__}, WebKitGTK {WebKit2.get_major_version()}.{WebKit2.get_minor_version()}.{WebKit2.get_micro_version()}, GTK {Gtk.get_major_version()}.{Gtk.get_minor_version()}" + ("" if ok else " (GTK cannot open the display)"))
raise SystemExit(0 if ok else 3)
"""


def gtk_load_check(timeout: float = 30.0) -> tuple[bool, str]:
    """Load GTK and WebKitGTK through PyGObject in a child process.

    Returns:
        ``(ok, detail)``: the versions found, or the end of the child's error output.
    """
    try:
        done = subprocess.run(
            [sys.executable, "-c", _GTK_PROBE],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return False, f"loading WebKitGTK did not finish within {timeout:.0f} s"
    if done.returncode == 0:
        return True, done.stdout.strip()
    lines = [line for line in (done.stdout + done.stderr).strip().splitlines() if line.strip()]
    return False, "\n".join(lines[-6:]) or f"exit code {done.returncode}"


def install_help(gui: str) -> list[str]:
    """How to install the ``gui`` webview on Linux, one line per way (what ``rillet doctor`` prints).

    Example:
        >>> any("gir1.2-webkit2-4.1" in line for line in install_help("gtk"))
        True
    """
    if gui == "gtk":
        lines = [f"{where}: {command}" for where, command in GTK_SYSTEM_PACKAGES]
        lines.append(f"then: {INSTALL_GTK}  (pip builds {GTK_PYPI} from source; they need:)")
        lines += [f"  {where}: {command}" for where, command in GTK_BUILD_PACKAGES]
        return lines
    if gui == "qt":
        return [
            f"{INSTALL_DESKTOP}  (Qt WebEngine from PyPI, self-contained)",
            f"Debian/Ubuntu: apt-get install {APT_QT_LIBRARIES}",
            f"Fedora: dnf install {FEDORA_QT_LIBRARIES}",
        ]
    return [INSTALL_DESKTOP]


def doctor_report(*, load_qt: bool = True, load_gtk: bool = True) -> tuple[bool, list[str]]:
    """What ``rillet doctor`` prints: each webview with its verdict and how to install it.

    Every webview of the platform is reported (on Linux both WebKitGTK and
    Qt WebEngine), each really loaded in a child process when installed.

    Returns:
        ``(ok, lines)``: ``ok`` when a desktop window can be shown.
    """
    lines = [f"Python {sys.version.split()[0]} on {sys.platform}"]
    if _has("webview"):
        from importlib.metadata import PackageNotFoundError, version

        try:
            lines.append(f"ok    pywebview {version('pywebview')}")
        except PackageNotFoundError:
            lines.append("ok    pywebview")
    else:
        lines.append(f"FAIL  pywebview is not installed. Install it with: {INSTALL_DESKTOP}")
    problem = display_problem()
    linux = sys.platform.startswith("linux")
    loads: dict[str, bool] = {}
    for backend in backends():
        if not backend.available:
            lines.append(
                f"--    webview backend: {backend.gui} — {backend.label}: missing {backend.missing}"
            )
            if linux:
                lines.append("      install it with:")
                lines.extend(f"        {line}" for line in install_help(backend.gui))
            elif backend.install:
                lines.append(f"      install it with: {backend.install}")
            continue
        lines.append(f"ok    webview backend: {backend.gui} — {backend.label}")
        if problem is not None:
            continue
        if backend.gui == "qt" and load_qt:
            blocker = _qt_blocker()
            loaded, detail = (False, blocker) if blocker else qt_load_check()
            loads["qt"] = loaded
            if loaded:
                lines.append(f"ok    {detail}")
            else:
                lines.append("FAIL  Qt WebEngine does not load:")
                lines.extend(f"        {line}" for line in detail.splitlines())
                if linux:
                    lines.append(f"      Debian/Ubuntu: apt-get install {APT_QT_LIBRARIES}")
                    lines.append(f"      Fedora: dnf install {FEDORA_QT_LIBRARIES}")
        elif backend.gui == "gtk" and load_gtk:
            loaded, detail = gtk_load_check()
            loads["gtk"] = loaded
            if loaded:
                lines.append(f"ok    {detail}")
            else:
                lines.append("FAIL  WebKitGTK does not load:")
                lines.extend(f"        {line}" for line in detail.splitlines())
    if problem is not None:
        lines.append(f"FAIL  {problem}")
    try:
        chosen, reason = quick_check(requested_webview(None), strict=False)
    except WebviewNotInstalled as error:
        chosen, reason = None, str(error)
    ok = chosen is not None and loads.get(chosen.gui, True)
    if chosen is not None and not ok:
        others = [gui for gui, loaded in loads.items() if loaded]
        reason = f"the {chosen.gui} webview, the one rillet desktop would use, does not load" + (
            f"; choose --webview {others[0]} (or set {WEBVIEW_ENV}={others[0]})" if others else ""
        )
    if not ok and reason and problem is None:
        lines.append(f"FAIL  {reason}")
    if ok and chosen is not None:
        lines.append(
            f"rillet desktop will open a native window ({chosen.gui}); "
            f"choose with --webview {'|'.join(WEBVIEWS)}."
        )
    else:
        lines.append("rillet desktop will open the app in your web browser instead of a window.")
    return ok, lines
