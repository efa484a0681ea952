"""Custom component packages in a packed app: their frontends travel, ``streamlit`` does not.

A component package (streamlit-option-menu, streamlit-aggrid, ...) declares
its component with the folder of its built frontend, found beside its own
``__init__.py`` at run time. PyInstaller collects the package's Python code
but not those folders, so they are added as data at the same place inside
the bundle. The packages depend on the real ``streamlit`` distribution,
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
_SKIPPED = frozenset({"node_modules", "__pycache__", "src", "public", "tests", ".git"})
_MAX_DEPTH = 4


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
    """The built frontend folders of the installed packages among ``top_levels``.

    Each travels to the same path relative to its package's parent, so the
    package finds it beside its ``__init__.py`` in the bundle too.

    Example:
        >>> component_frontends(["json"])
        ()
    """
    found: list[DataFile] = []
    for name in sorted(set(top_levels)):
        if name == STREAMLIT:
            continue
        package = _package_dir(name)
        if package is None:
            continue
        for folder in _frontends(package):
            dest = folder.relative_to(package.parent).as_posix()
            found.append(DataFile(folder, dest))
    return tuple(found)
