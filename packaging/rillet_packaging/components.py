"""Custom component packages in a packed app: their frontends travel, ``streamlit`` does not.

A component package (streamlit-option-menu, streamlit-aggrid, ...) declares
its component with the folder of its built frontend, found beside its own
``__init__.py`` at run time, and may read other files of its own there too
(streamlit-aggrid's ``json/`` column definitions). PyInstaller collects the
package's Python code but none of those files, so each travels as data to
the same place inside the bundle. Source maps (``*.map``, 18 of
streamlit-aggrid's 21 MB) are left out: a browser fetches them only for its
developer tools. The packages depend on the real ``streamlit`` distribution,
which under rillet's alias is never imported: ``default_excludes`` leaves
it out (``argv.py``), and nothing here adds it back.

Everything here reads files only; no package is imported.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from pathlib import Path

from rillet_packaging.spec import DataFile

# The real distribution the component packages depend on; the alias answers for it.
STREAMLIT = "streamlit"
# rillet's own packages: its hook collects their files (the web client is a page too).
_OWN = frozenset({"rillet", "rillet_server", "rillet_shell", "rillet_packaging"})
_SKIPPED = frozenset({"node_modules", "__pycache__", "src", "public", "tests", ".git"})
_MAX_DEPTH = 4
# A components.v2 package's asset manifest, read at run time beside its code.
V2_MANIFEST = "pyproject.toml"
V2_SECTION = "tool.streamlit.component"
# Not data: code and extension modules PyInstaller collects itself, and source maps.
_NOT_DATA = frozenset({".py", ".pyc", ".pyi", ".so", ".pyd", ".map"})


def _package_dir(top_level: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(top_level)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _frontends(folder: Path, depth: int = 0) -> Iterator[Path]:
    """Folders below ``folder`` that hold a built page (``index.html``)."""
    if depth > _MAX_DEPTH:
        return
    try:
        children = sorted(p for p in folder.iterdir() if p.is_dir() and p.name not in _SKIPPED)
    except OSError:
        return
    for child in children:
        if (child / "index.html").is_file():
            yield child
        else:
            yield from _frontends(child, depth + 1)


def component_frontends(top_levels: Iterable[str]) -> tuple[DataFile, ...]:
    """The files the component packages among ``top_levels`` read beside their code.

    A package counts as a component package when it or a folder below it
    holds a built page (``index.html``, components.v1), or when its
    ``pyproject.toml`` declares components.v2 components (their asset
    folders: ``[[tool.streamlit.component.components]]``). Every file of it that is not Python code, a
    source map, or in a development folder (``node_modules``, ``src``, ...)
    travels to the same path relative to the package's parent, so the
    package finds it beside its ``__init__.py`` in the bundle too.

    Example:
        >>> component_frontends(["json"])
        ()
    """
    found: list[DataFile] = []
    for name in sorted(set(top_levels)):
        if name == STREAMLIT or name in _OWN:
            continue
        package = _package_dir(name)
        if package is None or not _is_component_package(package):
            continue
        for file in _data_files(package):
            dest = file.parent.relative_to(package.parent).as_posix()
            found.append(DataFile(file, dest))
    return tuple(found)


def _is_component_package(package: Path) -> bool:
    if (package / "index.html").is_file() or next(_frontends(package), None) is not None:
        return True
    try:
        manifest = (package / V2_MANIFEST).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return V2_SECTION in manifest


def _data_files(folder: Path) -> Iterator[Path]:
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return
    for child in children:
        if child.is_dir():
            if child.name not in _SKIPPED and not child.is_symlink():
                yield from _data_files(child)
        elif child.suffix not in _NOT_DATA and child.is_file():
            yield child
