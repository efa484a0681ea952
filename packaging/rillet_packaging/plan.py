"""From what the user asked (:class:`PackRequest`) to what will be built (:class:`PackSpec`).

:func:`plan` does every check that can fail before PyInstaller starts —
the script, its syntax and its pages', the icon's format, ``--add-data``,
the version — reads the app (:func:`rillet_packaging.analysis.analyse_app`)
and decides what travels and what is left out. It only reads files.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rillet_packaging.analysis import ALIASED, AppAnalysis, analyse_app
from rillet_packaging.argv import OPTIONAL_LIBRARIES, default_excludes
from rillet_packaging.checks import check_icon, check_script
from rillet_packaging.components import component_frontends
from rillet_packaging.gtk_system import GTK_HOOKS_DIR
from rillet_packaging.hooks import HOOKS_DIR
from rillet_packaging.qt_slim import SLIM_HOOKS_DIR
from rillet_packaging.spec import (
    APP_DIR,
    ICON_FOLDER,
    DataFile,
    PackError,
    PackSpec,
    VersionInfo,
    parse_add_data,
)

# Script names that say nothing about the app: the executable is named after its folder.
_GENERIC_STEMS = frozenset({"app", "main", "streamlit_app", "__main__", "run"})
_BAD_NAME = re.compile(r"[\\/:*?\"<>|\x00-\x1f]")


@dataclass(frozen=True)
class PackRequest:
    """What ``rillet pack`` was asked for, as given on the command line.

    Attributes:
        script: the app's main ``.py`` file.
        name: the executable's name (default: the script's name, or its
            folder's when the script is called ``app.py``/``main.py``).
        onefile: one file instead of a folder.
        windowed: no console window (Windows, macOS).
        icon: an ``.ico`` (Windows), ``.icns`` (macOS) or ``.png`` (Linux).
        version: version metadata for Windows executables.
        add_data: ``SRC:DEST`` strings.
        hidden_imports: extra modules to collect.
        include_secrets: ship ``secrets.toml`` inside the executable.
        dist_dir: where the result goes (default ``./dist``).
        work_dir: PyInstaller's build folder (default ``./build/<name>``).
        clean: drop PyInstaller's cache first.
        webview: ``"gtk"`` or ``"qt"`` on Linux; ``None`` picks the system's
            WebKitGTK when PyGObject and its typelib are installed, else Qt.
        platform: the platform being built for (PyInstaller builds for the one it runs on).
        cwd: the folder relative paths are read from.
    """

    script: Path
    name: str | None = None
    onefile: bool = False
    windowed: bool = True
    icon: Path | None = None
    version: VersionInfo | None = None
    add_data: tuple[str, ...] = ()
    hidden_imports: tuple[str, ...] = ()
    include_secrets: bool = False
    dist_dir: Path | None = None
    work_dir: Path | None = None
    clean: bool = False
    webview: str | None = None
    platform: str = sys.platform
    cwd: Path = field(default_factory=Path.cwd)


def app_name(script: Path) -> str:
    """The default executable name for ``script``.

    Example:
        >>> app_name(Path("/apps/sales/app.py")), app_name(Path("/apps/sales/report.py"))
        ('sales', 'report')
    """
    if script.stem in _GENERIC_STEMS and script.parent.name:
        return script.parent.name
    return script.stem


def plan(request: PackRequest) -> PackSpec:
    """Check the request and read the app; return the build it asks for.

    Raises:
        PackError: the first problem found, in the words the user needs.

    Example:
        >>> spec = plan(PackRequest(Path("samples/multipage/app.py")))  # doctest: +SKIP
        >>> spec.name  # doctest: +SKIP
        'multipage'
    """
    cwd = request.cwd
    script = check_script(request.script if request.script.is_absolute() else cwd / request.script)
    name = request.name or app_name(script)
    if not name.strip() or _BAD_NAME.search(name):
        raise PackError(
            f'--name {name!r}: not usable as a file name; avoid / \\ : * ? " < > | '
            "and control characters"
        )
    icon = None
    if request.icon is not None:
        icon = check_icon(
            request.icon if request.icon.is_absolute() else cwd / request.icon, request.platform
        )
    extra = [parse_add_data(text, cwd) for text in request.add_data]
    notes: list[str] = []
    if request.version is not None:
        request.version.numbers()  # raises on a bad version, before the build
        if not request.platform.startswith("win"):
            notes.append(
                f"--version {request.version.version}: version metadata is written into "
                "Windows executables only; ignored on this platform."
            )
    if request.onefile:
        notes.append(
            "--onefile: the app unpacks itself into a temporary folder on every start (a few "
            "seconds with Qt WebEngine); the default folder build starts at once."
        )
    webview = choose_webview(request.webview, request.platform)
    analysis = analyse_app(script)
    notes += _notes(analysis, request.include_secrets)

    dist_dir = _absolute(request.dist_dir, cwd) or cwd / "dist"
    work_dir = _absolute(request.work_dir, cwd) or cwd / "build" / name
    datas = _app_files(analysis, request.include_secrets)
    if icon is not None:
        datas.append(DataFile(icon, ICON_FOLDER))
    datas += extra
    datas += component_frontends(n.partition(".")[0] for n in analysis.imports)

    hidden = _hidden_imports(analysis, request.hidden_imports)
    return PackSpec(
        script=script,
        name=name,
        entry=work_dir / f"{_identifier(name)}_launcher.py",
        dist_dir=dist_dir,
        work_dir=work_dir,
        platform=request.platform,
        onefile=request.onefile,
        windowed=request.windowed,
        icon=icon,
        version=request.version,
        datas=tuple(datas),
        hidden_imports=hidden,
        excludes=excludes_for(hidden)
        + tuple(m for m in webview_excludes(webview) if _installed(m)),
        hook_dirs=(HOOKS_DIR, GTK_HOOKS_DIR) if webview == "gtk" else (HOOKS_DIR, SLIM_HOOKS_DIR),
        search_paths=rillet_source_roots(),
        clean=request.clean,
        webview=webview,
        notes=tuple(notes),
    )


def choose_webview(requested: str | None, platform: str) -> str | None:
    """The webview a Linux build packs against: ``"gtk"`` (default when usable) or ``"qt"``.

    Raises:
        PackError: a webview asked for is not installed here (naming what
            to install), or asked for on a platform that has only one.

    Example:
        >>> choose_webview("qt", "linux"), choose_webview(None, "win32")
        ('qt', None)
    """
    if not platform.startswith("linux"):
        if requested is not None:
            raise PackError(
                f"--webview {requested}: only Linux has a choice of webview; this build uses "
                "the platform's own (WebView2 on Windows, WKWebView on macOS)"
            )
        return None
    from rillet_shell.backends import backends, install_help

    found = {b.gui: b for b in backends("linux")}
    if requested is None:
        return "gtk" if found["gtk"].available else "qt"
    backend = found.get(requested)
    if backend is None:
        raise PackError(f"--webview {requested!r}: use gtk or qt")
    if not backend.available:
        how = "; ".join(install_help(requested))
        raise PackError(
            f"--webview {requested}: {backend.label} is not installed here (missing: "
            f"{backend.missing}); install it with: {how}"
        )
    return requested


# Left out of a WebKitGTK build: every Qt binding and pywebview's Qt backend.
QT_MODULES = ("PyQt6", "PySide6", "PyQt5", "PySide2", "qtpy", "webview.platforms.qt")
# Left out of a Qt build: PyGObject and pywebview's GTK backend.
GTK_MODULES = ("gi", "cairo", "webview.platforms.gtk")


def webview_excludes(webview: str | None) -> tuple[str, ...]:
    """The modules of the webview a build does not use.

    Example:
        >>> webview_excludes("gtk")[:2], webview_excludes("qt")[0]
        (('PyQt6', 'PySide6'), 'gi')
    """
    if webview == "gtk":
        return QT_MODULES
    if webview == "qt":
        return GTK_MODULES
    return ()


def _absolute(path: Path | None, cwd: Path) -> Path | None:
    if path is None:
        return None
    return path if path.is_absolute() else cwd / path


def _identifier(name: str) -> str:
    return re.sub(r"\W", "_", name) or "app"


def _app_files(analysis: AppAnalysis, include_secrets: bool) -> list[DataFile]:
    """Each file of the app, to the same place below ``app/`` as beside the script."""
    root = analysis.root
    files = [*analysis.sources, *analysis.config_files]
    if include_secrets:
        files += analysis.secrets_files
    datas = [DataFile(path, _dest(path.parent, root)) for path in files]
    if analysis.static_dir is not None:
        datas.append(DataFile(analysis.static_dir, f"{APP_DIR}/static"))
    return datas


def _dest(folder: Path, root: Path) -> str:
    try:
        relative = folder.relative_to(root)
    except ValueError:
        # A page named by st.Page outside the app's folder keeps its name only.
        return APP_DIR
    return "/".join([APP_DIR, *relative.parts])


def _notes(analysis: AppAnalysis, include_secrets: bool) -> list[str]:
    notes: list[str] = []
    for path in analysis.secrets_files:
        shown = path.relative_to(analysis.root)
        if include_secrets:
            notes.append(
                f"WARNING: {shown} is packed into the app (--include-secrets): anyone who has "
                "the executable can read it."
            )
        else:
            notes.append(
                f"{shown} is left out: anyone who has the executable could read it. Users put "
                "their secrets in ~/.rillet/secrets.toml; pass --include-secrets to pack it anyway."
            )
    for module in analysis.missing:
        notes.append(
            f"the app imports {module!r}, which is not installed for this Python; the packed app "
            "will fail where it imports it (install it here before packing, unless the import is "
            "optional)."
        )
    return notes


def _hidden_imports(analysis: AppAnalysis, extra: Iterable[str]) -> tuple[str, ...]:
    found = [
        n
        for n in analysis.imports
        if n not in analysis.missing and n.partition(".")[0] not in ALIASED
    ]
    if analysis.uses_streamlit_alias:
        found.append("rillet.compat")
    return tuple(sorted({*found, *extra}))


def excludes_for(hidden_imports: Iterable[str]) -> tuple[str, ...]:
    """The default excludes, less what the app needs.

    A module stays when the app imports it (or one of its submodules), and
    an optional data library (numpy, pandas, ...) also stays when an
    installed package the app imports depends on it.

    Example:
        >>> "pandas" in excludes_for(["json"]), "pandas" in excludes_for(["pandas"])
        (True, False)
    """
    needed = set(hidden_imports)
    closure = required_top_levels({n.partition(".")[0] for n in needed})

    def kept(module: str) -> bool:
        if any(n == module or n.startswith(f"{module}.") for n in needed):
            return True
        return module in OPTIONAL_LIBRARIES and module in closure

    return tuple(m for m in default_excludes() if _installed(m) and not kept(m))


RILLET_PACKAGES = ("rillet", "rillet_server", "rillet_shell", "rillet_packaging")


def rillet_source_roots() -> tuple[Path, ...]:
    """The folders holding rillet's packages that are not on ``sys.path`` itself.

    An editable install (``pip install -e .``) makes them importable through
    an import hook that PyInstaller's analysis does not consult; naming the
    folders lets it find them. For a normal install this is empty.

    Example:
        >>> rillet_source_roots()  # doctest: +SKIP
        (PosixPath('/src/rillet'), PosixPath('/src/rillet/server'), ...)
    """
    from importlib.util import find_spec

    on_path = {Path(p).resolve() for p in sys.path if p}
    roots: list[Path] = []
    for package in RILLET_PACKAGES:
        spec = find_spec(package)
        locations = list(spec.submodule_search_locations or []) if spec is not None else []
        for location in locations[:1]:
            root = Path(location).resolve().parent
            if root not in on_path and root not in roots:
                roots.append(root)
    return tuple(roots)


def _installed(module: str) -> bool:
    # Excluding what is not installed changes nothing and only lengthens the command.
    from importlib.util import find_spec

    try:
        return find_spec(module.partition(".")[0]) is not None
    except (ImportError, ValueError):
        return False


# Distributions rillet's alias stands in for (see required_top_levels).
_ALIASED_DISTRIBUTIONS = frozenset({"streamlit"})


def required_top_levels(top_levels: Iterable[str]) -> frozenset[str]:
    """The top-level modules of every installed distribution ``top_levels`` need, transitively.

    Read from the installed packages' metadata (``Requires-Dist``), nothing
    imported. Requirements that only apply to an extra are not followed, nor
    those of ``streamlit``: a component package depends on it, but under the
    alias it is never imported, so what it needs (pyarrow, altair, ...) is
    not needed either.

    Example:
        >>> "numpy" in required_top_levels({"pandas"})  # doctest: +SKIP
        True
    """
    from importlib import metadata

    providers, tops_of = _distributions()
    queue = [d for top in top_levels for d in providers.get(top, [])]
    seen: set[str] = set()
    while queue:
        dist = _normalise(queue.pop())
        if dist in seen or dist in _ALIASED_DISTRIBUTIONS:
            continue
        seen.add(dist)
        try:
            requires = metadata.requires(dist) or []
        except metadata.PackageNotFoundError:
            continue
        for requirement in requires:
            if re.search(r"\bextra\s*==", requirement.partition(";")[2]):
                continue
            match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
            if match:
                queue.append(match.group(0))
    return frozenset(top for dist in seen for top in tops_of.get(dist, ()))


@functools.lru_cache(maxsize=1)
def _distributions() -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Top-level module -> distributions, and distribution -> top-level modules (read once)."""
    from importlib import metadata

    providers = metadata.packages_distributions()
    tops_of: dict[str, set[str]] = {}
    for top, dists in providers.items():
        for dist in dists:
            tops_of.setdefault(_normalise(dist), set()).add(top)
    return dict(providers), tops_of


def _normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
