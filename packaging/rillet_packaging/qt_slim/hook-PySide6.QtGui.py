"""PySide6.QtGui as PyInstaller's own hook collects it, less the plugins a packed app's window never loads."""

from rillet_packaging.qt_slim import collect_qt_module

hiddenimports, binaries, datas = collect_qt_module(__file__)
