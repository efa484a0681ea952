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
from dataclasses import dataclass

INSTALL_DESKTOP = 'pip install "rillet[desktop]"'
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
    gtk_ok = webview and _has("gi") and _gtk_webkit()
    gtk_missing = [m for m in (missing_webview, "" if _has("gi") else "PyGObject") if m]
    gtk = Backend(
        "gtk",
        "WebKitGTK",
        gtk_ok,
        ", ".join(gtk_missing) or "the WebKit2 GObject introspection data (gir1.2-webkit2-4.1)",
        "" if gtk_ok else 'pip install "pywebview[gtk]"',
    )
    return [qt, gtk]


def _gtk_webkit() -> bool:
    # The typelib is what PyGObject loads for WebKit2; finding the file is enough here.
    import glob

    patterns = (
        "/usr/lib/*/girepository-1.0/WebKit2-4*.typelib",
        "/usr/lib*/girepository-1.0/WebKit2-4*.typelib",
    )
    return any(glob.glob(pattern) for pattern in patterns)


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


def quick_check() -> tuple[Backend | None, str]:
    """The backend ``rillet desktop`` will use, or ``None`` and why none can start.

    Example:
        >>> backend, reason = quick_check()  # doctest: +SKIP
    """
    problem = display_problem()
    if problem is not None:
        return None, problem
    candidates = backends()
    for candidate in candidates:
        if candidate.available:
            if candidate.gui == "qt":
                package = missing_xcb_library()
                if package is not None:
                    return None, (
                        f"Qt cannot open a window: the system library {package} is missing "
                        f"(Debian/Ubuntu: apt-get install {package})"
                    )
            return candidate, ""
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


def doctor_report(*, load_qt: bool = True) -> tuple[bool, list[str]]:
    """What ``rillet doctor`` prints: each check with its verdict and the fix for a failure.

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
    ok = False
    for backend in backends():
        if backend.available:
            lines.append(f"ok    webview backend: {backend.gui} — {backend.label}")
        else:
            fix = f"; install with: {backend.install}" if backend.install else ""
            lines.append(
                f"--    webview backend: {backend.gui} — {backend.label}: missing {backend.missing}{fix}"
            )
    problem = display_problem()
    if problem is not None:
        lines.append(f"FAIL  {problem}")
    chosen, reason = quick_check()
    if chosen is not None and chosen.gui == "qt" and load_qt:
        loaded, detail = qt_load_check()
        if loaded:
            lines.append(f"ok    {detail}")
            ok = True
        else:
            lines.append("FAIL  Qt WebEngine does not load:")
            lines.extend(f"        {line}" for line in detail.splitlines())
            if sys.platform.startswith("linux"):
                lines.append(f"      Debian/Ubuntu: apt-get install {APT_QT_LIBRARIES}")
    elif chosen is not None:
        ok = True
    elif reason and problem is None:
        lines.append(f"FAIL  {reason}")
    if ok and chosen is not None:
        lines.append(f"rillet desktop will open a native window ({chosen.gui}).")
    else:
        lines.append("rillet desktop will open the app in your web browser instead of a window.")
    return ok, lines
