"""PyInstaller hook for ``rillet_shell``: the desktop window's modules and pywebview's backend.

pywebview picks its backend at run time (``webview.guilib``), so the
backend the build packs is named here: ``rillet pack`` says which in
``RILLET_PACK_WEBVIEW``. For Qt, the qtpy modules it and the shell's Qt
hooks load (Qt's own hooks then collect Qt WebEngine); for WebKitGTK,
pywebview's GTK backend (the system provides GTK and WebKit, see
``rillet_packaging.gtk_system``).
"""

import os
import sys

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("rillet_shell")
datas = collect_data_files("rillet_shell")

webview = os.environ.get("RILLET_PACK_WEBVIEW", "qt")
if sys.platform.startswith("linux") and webview == "gtk":
    hiddenimports += ["webview.platforms.gtk", "gi", "gi.repository.Gtk", "gi.repository.WebKit2"]
    hiddenimports = [m for m in hiddenimports if m != "rillet_shell.qt_hooks"]
elif sys.platform.startswith("linux"):
    hiddenimports = [m for m in hiddenimports if m != "rillet_shell.gtk_hooks"]
    hiddenimports += [
        "webview.platforms.qt",
        "qtpy.QtCore",
        "qtpy.QtGui",
        "qtpy.QtWidgets",
        "qtpy.QtNetwork",
        "qtpy.QtWebChannel",
        "qtpy.QtWebEngineCore",
        "qtpy.QtWebEngineWidgets",
    ]
