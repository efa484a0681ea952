"""PyInstaller hook for ``rillet_shell``: the desktop window's modules and pywebview's Qt backend.

pywebview picks its backend at run time (``webview.guilib``), so the Qt
backend and the qtpy modules it and the shell's Qt hooks load are named
here; Qt's own hooks then collect Qt WebEngine.
"""

import sys

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("rillet_shell")
datas = collect_data_files("rillet_shell")

if sys.platform.startswith("linux"):
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
