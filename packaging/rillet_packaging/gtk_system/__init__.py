"""Hooks that pack a WebKitGTK app against the system's GTK instead of bundling it.

On Linux the webview is the platform's, as it is for Tauri: WebKitGTK, GTK,
GLib, ICU and the libraries under them come from the system's packages
(``gir1.2-webkit2-4.1`` on Debian/Ubuntu, ``webkit2gtk4.1`` on Fedora), and
a packed app only brings Python, PyGObject's Python part, pywebview, rillet
and the app. PyInstaller's own hooks for ``gi.repository.*`` would collect the
typelibs, GTK's data files and every shared library under them (186 MB for
a pywebview window); ``rillet pack --webview gtk`` passes this folder with
``--additional-hooks-dir``, where a hook takes precedence over PyInstaller's
for the same module:

- ``hook-gi.py`` keeps PyInstaller's hidden imports of ``gi`` and adds the
  system's libraries to the exclude list of PyInstaller's binary dependency
  analysis (:data:`SYSTEM_LIBRARIES`), which runs after the hooks;
- ``hook-gi.repository.<Name>.py`` for each introspected library pywebview
  and PyGObject load collects nothing: the typelib is read from the system
  at run time (``/usr/lib/<triplet>/girepository-1.0``).

At run time :func:`rillet_packaging.frozen.use_system_gtk` undoes what
PyInstaller's GTK runtime hooks point at the bundle (``GI_TYPELIB_PATH``,
``GTK_PATH``, ``GIO_MODULE_DIR``...), so GTK finds its modules, themes and
schemas where the system put them.
"""

from __future__ import annotations

import re
from pathlib import Path

GTK_HOOKS_DIR = Path(__file__).resolve().parent

# Introspected libraries whose PyInstaller hooks collect typelibs and libraries.
GI_MODULES = (
    "Atk", "GIRepository", "GLib", "GLibUnix", "GModule", "GObject", "Gdk", "GdkPixbuf",
    "Gio", "GioUnix", "Gtk", "HarfBuzz", "JavaScriptCore", "Pango", "PangoCairo", "Soup",
    "WebKit2", "cairo", "freetype2", "xlib",
)  # fmt: skip

# Shared libraries (by file-name prefix) a system with WebKitGTK installed has:
# WebKitGTK and GTK depend on every one of them, directly or through each other.
SYSTEM_LIBRARIES = (
    # GLib, GObject introspection, libffi and what GIO links
    "libglib-2.0", "libgobject-2.0", "libgio-2.0", "libgmodule-2.0", "libgthread-2.0",
    "libgirepository-1.0", "libffi", "libpcre2", "libmount", "libblkid", "libselinux",
    # GTK and the stack it draws with
    "libgtk-3", "libgdk-3", "libgdk_pixbuf-2.0", "libatk", "libatspi", "libepoxy",
    "libcairo", "libpixman", "libpango", "libharfbuzz", "libfribidi", "libthai", "libdatrie",
    "libfontconfig", "libfreetype", "libpng16", "libjpeg", "libtiff", "libwebp", "libexpat",
    "libbrotli", "libgraphite2", "libbsd", "libmd", "libz.", "libzstd", "liblzma", "libbz2",
    # X11 / Wayland
    "libX", "libxcb", "libxkbcommon", "libwayland",
    # WebKit, its JavaScript engine, networking and ICU
    "libwebkit2gtk", "libjavascriptcoregtk", "libsoup", "libicu", "libxml2", "libxslt",
    "libsqlite3", "libgnutls", "libnettle", "libhogweed", "libgmp", "libtasn1", "libidn2",
    "libunistring", "libp11-kit", "libpsl", "libnghttp2",
    # the C++ runtime WebKit is written against, and OpenSSL (libsoup's
    # dependencies pull it in on every distribution that ships WebKitGTK 4.1)
    "libstdc++", "libgcc_s", "libssl", "libcrypto", "libuuid",
)  # fmt: skip


def system_library_pattern() -> str:
    """The regular expression (one alternative per prefix) for PyInstaller's exclude list.

    Example:
        >>> bool(re.match(system_library_pattern(), "libglib-2.0.so.0"))
        True
        >>> bool(re.match(system_library_pattern(), "libpython3.11.so.1.0"))
        False
    """
    return "|".join(re.escape(prefix) + r".*" for prefix in SYSTEM_LIBRARIES)


class _SystemExcludes:
    """PyInstaller's exclude list, plus the system's GTK stack."""

    def __init__(self, inner: object) -> None:
        self.inner = inner
        self.pattern = re.compile(system_library_pattern(), re.I)

    def check_library(self, libname: str) -> bool:
        if self.pattern.match(Path(libname).name):
            return True
        return bool(self.inner.check_library(libname))  # type: ignore[attr-defined]


def exclude_system_libraries() -> None:
    """Add :data:`SYSTEM_LIBRARIES` to PyInstaller's binary exclude list (from a hook).

    PyInstaller looks for the libraries its collected extensions link
    against after every hook has run, asking ``dylib.exclude_list``.
    """
    from PyInstaller.depend import dylib

    if not isinstance(dylib.exclude_list, _SystemExcludes):
        dylib.exclude_list = _SystemExcludes(dylib.exclude_list)
