"""Where a packaged components.v2 component keeps its files: its asset manifest.

A component package ships a ``pyproject.toml`` inside the package folder
that lists its components and the folder their built files live in::

    [[tool.streamlit.component.components]]
    name = "my_chart"
    asset_dir = "frontend/build"

and names the component ``"<distribution>.<name>"`` (``"my-chart.my_chart"``)
when it calls ``components.v2.component(..., js="index-*.js")``. The
``js``/``css`` arguments are then paths or glob patterns inside that folder,
which rillet serves under the component route instead of inlining them.
"""

from __future__ import annotations

import functools
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

from rillet.runtime.errors import RilletAPIException

MANIFEST = "pyproject.toml"


def asset_dir(name: str, caller_file: str | None = None) -> Path | None:
    """The asset folder declared for component ``name``, or ``None`` without a manifest.

    The manifest is looked for beside the module that declares the component
    (the package's own folder), then among the files of the installed
    distribution the name's first part names.

    Example:
        >>> asset_dir("no-such-package.widget") is None
        True
    """
    if name in _REGISTERED:
        return _REGISTERED[name]
    short = name.split(".", 1)[1] if "." in name else name
    places: list[Path] = []
    if caller_file:
        places.append(Path(caller_file).resolve().parent / MANIFEST)
    places.extend(_distribution_manifests(name.split(".", 1)[0]) if "." in name else ())
    for manifest in places:
        found = _declared(manifest).get(short)
        if found is not None:
            return found
    return None


# Asset folders registered at run time (``register``), by full component name.
_REGISTERED: dict[str, Path] = {}


def register(name: str, folder: Path) -> None:
    """Record ``folder`` as the asset folder of component ``name``, ahead of any manifest file.

    Packages that ship no manifest where it is looked for register theirs
    from code (Streamlit's ``register_from_manifest``). A folder that does
    not exist is refused.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> register("pkg.widget", folder)
        >>> asset_dir("pkg.widget") == folder.resolve()
        True
    """
    resolved = Path(folder).resolve()
    if not resolved.is_dir():
        raise RilletAPIException(
            f"Component {name!r}: asset_dir {str(folder)!r} is not a folder; "
            "it must be the folder holding the component's built files."
        )
    _REGISTERED[name] = resolved


def _distribution_manifests(project: str) -> list[Path]:
    try:
        files = metadata.distribution(project).files or []
    except metadata.PackageNotFoundError:
        return []
    return [
        Path(str(file.locate()))
        for file in files
        if file.name == MANIFEST and "node_modules" not in file.parts and len(file.parts) <= 3
    ]


@functools.lru_cache(maxsize=64)
def _declared(manifest: Path) -> dict[str, Path]:
    """``component name → asset folder`` from one manifest (empty when it declares none)."""
    try:
        data: dict[str, Any] = tomllib.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    section = data.get("tool", {}).get("streamlit", {}).get("component", {})
    entries = section.get("components", []) if isinstance(section, dict) else []
    declared: dict[str, Path] = {}
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue
        folder = (manifest.parent / str(entry.get("asset_dir", ""))).resolve()
        if folder.is_dir() and folder.is_relative_to(manifest.parent.resolve()):
            declared[entry["name"]] = folder
    return declared


def asset_file(folder: Path, pattern: str, kind: str, component: str) -> str:
    """The one file of ``folder`` that ``pattern`` (a path or glob) names, relative to it.

    Raises:
        RilletAPIException: no file, or more than one, matches; or the
            pattern leads out of the folder.

    Example:
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> _ = (folder / "index-3f2a.js").write_text("export default () => {}")
        >>> asset_file(folder, "index-*.js", "js", "pkg.widget")
        'index-3f2a.js'
    """
    matches = sorted(
        path
        for path in folder.glob(pattern.lstrip("/"))
        if path.is_file() and path.resolve().is_relative_to(folder)
    )
    if len(matches) != 1:
        found = "no file" if not matches else f"{len(matches)} files"
        raise RilletAPIException(
            f"Component {component!r}: {kind}={pattern!r} matches {found} in its asset "
            f"folder {str(folder)!r}; it must name exactly one."
        )
    return matches[0].relative_to(folder).as_posix()
