"""PyInstaller hook for ``rillet_server``: the bundled web client and every server module.

The client's build output (``rillet_server/static``: ``index.html``,
``assets/``, their precompressed ``.gz`` twins) is read from disk next to
the package, so it is collected as data; modules imported inside functions
(file watching, media, uploads) are collected too.
"""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

datas = collect_data_files("rillet_server", subdir="static")
hiddenimports = collect_submodules("rillet_server")
