"""PyInstaller's command line, and the two generated files, as pure functions of a :class:`PackSpec`.

Nothing here touches the disk: :func:`build_argv` is what ``--dry-run``
prints and what :mod:`rillet_packaging.build` hands to PyInstaller.
"""

from __future__ import annotations

import shlex

from rillet_packaging.spec import ICON_FOLDER, PackSpec

# Qt modules of the Python bindings that the desktop window never loads.
# pywebview's Qt backend (and rillet_shell) load QtCore, QtGui, QtWidgets,
# QtNetwork, QtWebChannel, QtWebEngineCore, QtWebEngineWidgets, and through
# them QtOpenGL, QtOpenGLWidgets and QtPrintSupport; those stay. Qt's own
# hooks would otherwise pull several of these in as dependencies of
# QtWebEngine's libraries, with their plugins, QML files and translations.
QT_UNUSED = (
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtBluetooth", "QtCharts", "QtDataVisualization", "QtDBus", "QtDesigner", "QtGraphs",
    "QtGraphsWidgets", "QtHelp", "QtMultimedia", "QtMultimediaWidgets", "QtNetworkAuth",
    "QtNfc", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickWidgets", "QtRemoteObjects", "QtSensors", "QtSerialPort", "QtSpatialAudio",
    "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest", "QtTextToSpeech",
    "QtWebEngineQuick", "QtWebSockets", "QtXml", "Qsci", "uic", "lupdate",
)  # fmt: skip
QT_BINDINGS = ("PyQt6", "PySide6")
# Other Qt bindings: pywebview's Qt backend imports the one qtpy picks (PyQt6 first).
QT_OTHER_BINDINGS = ("PyQt5", "PySide2")

# Left out unless the app imports them or a library it imports depends on
# them: data libraries rillet imports only when the app hands it their
# objects (scipy too: pandas imports it only for a few optional features,
# but PyInstaller's pandas hook would collect its 65 MB); the Redis store
# (a desktop app serves itself); what pywebview imports only for features
# the window does not use (its SSL certificate, its bottle server's
# template engines); and setuptools.
OPTIONAL_LIBRARIES = (
    "numpy", "pandas", "scipy", "PIL", "pyarrow", "sympy", "polars", "narwhals",
    "plotly", "altair", "matplotlib", "graphviz", "pydeck", "bokeh", "vega_datasets",
    "sqlalchemy", "psycopg", "psycopg2", "boto3", "botocore", "authlib", "httpx",
    "IPython", "jedi", "redis", "requests", "cryptography",
    "jinja2", "mako", "cheroot",
    "setuptools", "distutils", "pkg_resources",
)  # fmt: skip
# Never needed by a packed app: AppTest, protocol code generation, and
# Streamlit itself (rillet's alias answers `import streamlit`).
NEVER_PACKED = (
    "rillet.testing",
    "rillet.protocol._generate",
    "grpc_tools",
    "streamlit",
    "tkinter",
    "pytest",
    "_pytest",
    "mypy",
    "readline",
)


def default_excludes() -> tuple[str, ...]:
    """Every module a packed app leaves out unless its own imports need it.

    Example:
        >>> "PyQt6.QtSql" in default_excludes(), "PyQt6.QtWebEngineCore" in default_excludes()
        (True, False)
    """
    qt = tuple(f"{b}.{m}" for b in QT_BINDINGS for m in QT_UNUSED)
    return (*qt, *QT_OTHER_BINDINGS, *OPTIONAL_LIBRARIES, *NEVER_PACKED)


def build_argv(spec: PackSpec) -> list[str]:
    """The arguments for ``pyinstaller`` that build ``spec``.

    Every path is absolute (PyInstaller reads relative ``--add-data``
    sources from the spec folder, which is the build folder here).

    Example:
        >>> from pathlib import Path
        >>> spec = PackSpec(Path("/a/app.py"), "app", Path("/w/launch.py"), Path("/a/dist"), Path("/w"))
        >>> build_argv(spec)[:3]
        ['/w/launch.py', '--name', 'app']
    """
    argv = [
        str(spec.entry),
        "--name", spec.name,
        "--noconfirm",
        "--distpath", str(spec.dist_dir),
        "--workpath", str(spec.work_dir),
        "--specpath", str(spec.work_dir),
        "--onefile" if spec.onefile else "--onedir",
        "--windowed" if spec.windowed else "--console",
        "--log-level", "INFO",
    ]  # fmt: skip
    if spec.clean:
        argv.append("--clean")
    if spec.platform.startswith("linux"):
        # Python's own libraries often carry debug symbols (libpython: 23 MB
        # -> 6 MB); Qt's are stripped already. Not on Windows (no effect) or
        # macOS (code signatures).
        argv.append("--strip")
    if spec.icon is not None and (spec.is_windows or spec.is_macos):
        # The file's icon. Elsewhere executables have none; the window's icon
        # comes from the bundled copy (see datas).
        argv += ["--icon", str(spec.icon)]
    if spec.version_file is not None:
        argv += ["--version-file", str(spec.version_file)]
    if spec.is_macos:
        # The .app bundle's Info.plist: its identity for macOS (permissions, Dock, defaults).
        argv += ["--osx-bundle-identifier", macos_bundle_id(spec.name)]
    for data in spec.datas:
        argv += ["--add-data", data.argument()]
    for module in spec.hidden_imports:
        argv += ["--hidden-import", module]
    for module in spec.excludes:
        argv += ["--exclude-module", module]
    for folder in spec.search_paths:
        argv += ["--paths", str(folder)]
    for folder in spec.hook_dirs:
        argv += ["--additional-hooks-dir", str(folder)]
    return argv


def macos_bundle_id(name: str) -> str:
    """The ``CFBundleIdentifier`` of a packed app's ``.app`` (reverse-DNS, letters, digits, ``-``, ``.``).

    Example:
        >>> macos_bundle_id("Sales Report")
        'org.rillet.app.sales-report'
    """
    import re

    label = re.sub(r"[^A-Za-z0-9-]+", "-", name).strip("-").lower() or "app"
    return f"org.rillet.app.{label}"


def format_command(argv: list[str]) -> str:
    """The command line a user could paste into a shell (what ``--dry-run`` prints).

    Example:
        >>> format_command(["/w/launch.py", "--name", "My App"])
        "pyinstaller /w/launch.py --name 'My App'"
    """
    return shlex.join(["pyinstaller", *argv])


def launcher_source(spec: PackSpec) -> str:
    """The entry script PyInstaller freezes: it opens the bundled app in the desktop window.

    The logic lives in :mod:`rillet_packaging.frozen` (tested unfrozen);
    this file only names the app.

    Example:
        >>> from pathlib import Path
        >>> spec = PackSpec(Path("/a/app.py"), "Report", Path("/w/l.py"), Path("/d"), Path("/w"))
        >>> "main(script='app.py', name='Report', icon=None)" in launcher_source(spec)
        True
    """
    icon = f"{ICON_FOLDER}/{spec.icon.name}" if spec.icon is not None else None
    webview = f", webview={spec.webview!r}" if spec.webview is not None else ""
    return (
        f'"""{spec.name}: generated by `rillet pack`; opens the app in its desktop window."""\n'
        "\n"
        "import sys\n"
        "\n"
        "from rillet_packaging.frozen import main\n"
        "\n"
        f"sys.exit(main(script={spec.script.name!r}, name={spec.name!r}, icon={icon!r}{webview}))\n"
    )


def windows_version_file(spec: PackSpec) -> str:
    """The version resource PyInstaller's ``--version-file`` reads (Windows' file properties).

    Raises:
        PackError: ``spec.version`` is not a valid version (from ``VersionInfo.numbers``).

    Example:
        >>> from pathlib import Path
        >>> from rillet_packaging.spec import VersionInfo
        >>> spec = PackSpec(Path("/a/app.py"), "app", Path("/w/l.py"), Path("/d"), Path("/w"),
        ...                 platform="win32", version=VersionInfo("1.2"))
        >>> "filevers=(1, 2, 0, 0)" in windows_version_file(spec)
        True
    """
    assert spec.version is not None
    info = spec.version
    numbers = info.numbers()
    dotted = ".".join(str(n) for n in numbers)
    strings = [
        ("CompanyName", info.company),
        ("FileDescription", info.description or spec.name),
        ("FileVersion", dotted),
        ("InternalName", spec.name),
        ("LegalCopyright", info.copyright),
        ("OriginalFilename", f"{spec.name}.exe"),
        ("ProductName", spec.name),
        ("ProductVersion", dotted),
    ]
    entries = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings)
    return f"""# UTF-8
# Generated by `rillet pack`.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{entries}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
