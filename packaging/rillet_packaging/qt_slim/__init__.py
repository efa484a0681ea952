"""Qt plugins a packed app's window never loads, and the hooks that leave them out.

PyInstaller's Qt hooks collect every plugin of each type a Qt module
declares — all the windowing platforms, the GTK platform theme, the PDF
image reader, the CUPS print backend — and then every library those
plugins link against. For a window that shows one local web page most of
them are dead weight: the GTK theme alone brings GTK, GDK, Cairo and Pango
(about 28 MB), the PDF image reader brings ``libQt6Pdf`` (4 MB).

This folder holds hooks for the three Qt modules whose plugins are trimmed
(``QtGui``, ``QtNetwork``, ``QtPrintSupport``, for PyQt6 and PySide6).
``rillet pack`` passes it with ``--additional-hooks-dir``, where a hook
takes precedence over PyInstaller's own for the same module; the
``pyinstaller40`` entry point does *not* list it, so other projects'
builds on the same machine keep PyInstaller's defaults. Each hook runs
PyInstaller's own collection and drops the plugins :func:`is_unused_plugin`
names, before PyInstaller looks for the libraries they need.

What the window loses, on purpose:

- file dialogs are Qt's own rather than GTK's on GNOME (``platformthemes/
  qgtk3``); the XDG desktop portal theme stays;
- platforms for screens without a window system (``eglfs``, ``linuxfb``,
  ``vnc``, ``vkkhrdisplay``, ``minimal``, ``minimalegl``) and the input
  and display plugins only they use (``egldeviceintegrations``,
  ``generic``); ``xcb``, ``wayland`` and ``offscreen`` stay;
- printing through CUPS (pywebview does not handle the page's print
  requests, so nothing could reach it);
- network-reachability plugins (``networkinformation``): the window talks
  to a loopback server only.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path, PurePath

SLIM_HOOKS_DIR = Path(__file__).resolve().parent

# Whole plugin types nothing in the window loads.
UNUSED_PLUGIN_TYPES = frozenset(
    {"egldeviceintegrations", "generic", "networkinformation", "printsupport"}
)
# Single plugins, as (type, name without "lib" prefix or extension).
UNUSED_PLUGINS = frozenset(
    {
        ("platformthemes", "qgtk3"),
        ("imageformats", "qpdf"),
        ("platforms", "qeglfs"),
        ("platforms", "qlinuxfb"),
        ("platforms", "qminimal"),
        ("platforms", "qminimalegl"),
        ("platforms", "qvnc"),
        ("platforms", "qvkkhrdisplay"),
    }
)


def is_unused_plugin(source: str, destination: str) -> bool:
    """Whether PyInstaller's ``(source, destination)`` entry is a plugin the window never loads.

    Example:
        >>> is_unused_plugin("/qt/plugins/platformthemes/libqgtk3.so", "PyQt6/Qt6/plugins/platformthemes")
        True
        >>> is_unused_plugin("/qt/plugins/platforms/libqxcb.so", "PyQt6/Qt6/plugins/platforms")
        False
    """
    folder = PurePath(destination)
    if "plugins" not in folder.parts:
        return False
    kind = "/".join(folder.parts[folder.parts.index("plugins") + 1 :])
    if kind in UNUSED_PLUGIN_TYPES:
        return True
    name = PurePath(source).name.split(".")[0].removeprefix("lib")
    return (kind, name) in UNUSED_PLUGINS


def without_unused_plugins(binaries: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """``binaries`` (a hook's ``(source, destination)`` list) less the plugins the window never loads.

    Example:
        >>> without_unused_plugins([("/q/libqvnc.so", "PyQt6/Qt6/plugins/platforms"),
        ...                         ("/q/libqxcb.so", "PyQt6/Qt6/plugins/platforms")])
        [('/q/libqxcb.so', 'PyQt6/Qt6/plugins/platforms')]
    """
    return [entry for entry in binaries if not is_unused_plugin(*entry)]


def collect_qt_module(
    hook_file: str,
) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """What PyInstaller's own hook for the Qt module named by ``hook_file`` collects, slimmed.

    ``hook_file`` is a hook's ``__file__`` (``.../hook-PyQt6.QtGui.py``):
    PyInstaller reads the module's name from it. Returns ``(hiddenimports,
    binaries, datas)``; for ``QtNetwork`` the binaries include the OpenSSL
    libraries PyInstaller's hook adds (needed on Windows).
    """
    from PyInstaller.utils.hooks.qt import add_qt6_dependencies, get_qt_library_info

    hiddenimports, binaries, datas = add_qt6_dependencies(hook_file)
    module = Path(hook_file).stem.removeprefix("hook-")
    if module.endswith(".QtNetwork"):
        binaries += get_qt_library_info(module.split(".")[0]).collect_qtnetwork_files()
    return list(hiddenimports), without_unused_plugins(binaries), list(datas)
