"""What an app is made of: its pages, the local modules it imports, and everything else it imports.

A packed app travels as source: PyInstaller never reads the script, so
it cannot see what the script imports. :func:`analyse_app` reads the
script, its ``pages/``, the pages named by ``st.Page("...")``, and
recursively every local module they import, with :mod:`ast` (nothing is
executed or imported), and sorts each import into

- a *local* module: a ``.py`` file (or package) beside the script, which
  travels as source with it;
- a *library* module (standard library or installed package), which
  becomes a ``--hidden-import`` so PyInstaller collects it.

A submodule of an installed package is recognised by looking at the
package's folder on disk; the package itself is never imported here.
"""

from __future__ import annotations

import ast
import importlib.machinery
import importlib.util
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rillet_packaging.spec import PackError

# Calls whose first argument names a page file: st.Page("pages/a.py"),
# st.switch_page("pages/b.py"), st.page_link("pages/c.py").
_PAGE_CALLS = frozenset({"Page", "switch_page", "page_link"})
CONFIG_FOLDERS = (".streamlit", ".rillet")
SECRETS_FILE = "secrets.toml"
# `import streamlit` in a packed app loads rillet through the alias.
ALIASED = frozenset({"streamlit"})


@dataclass(frozen=True)
class AppAnalysis:
    """What :func:`analyse_app` found; every path is absolute.

    Attributes:
        root: the script's folder (the app's folder).
        script: the main script.
        pages: page scripts (``pages/*.py`` and files named by ``st.Page``).
        local_modules: local ``.py`` files the app imports, package
            ``__init__.py`` files included.
        imports: library modules imported, dotted names (``"json"``,
            ``"pandas"``, ``"xml.etree.ElementTree"``), sorted.
        missing: imported library modules that are not installed here.
        config_files: files in ``.rillet/`` and ``.streamlit/``, secrets left out.
        secrets_files: the ``secrets.toml`` files found there.
        static_dir: the ``static/`` folder, when there is one.
    """

    root: Path
    script: Path
    pages: tuple[Path, ...]
    local_modules: tuple[Path, ...]
    imports: tuple[str, ...]
    missing: tuple[str, ...]
    config_files: tuple[Path, ...]
    secrets_files: tuple[Path, ...]
    static_dir: Path | None

    @property
    def sources(self) -> tuple[Path, ...]:
        """Every Python file that travels: script, pages, local modules."""
        return (self.script, *self.pages, *self.local_modules)

    @property
    def top_level_imports(self) -> frozenset[str]:
        """The first component of each library import (``"xml"`` for ``xml.etree``)."""
        return frozenset(name.partition(".")[0] for name in self.imports)

    @property
    def uses_streamlit_alias(self) -> bool:
        """The app says ``import streamlit``, which rillet's alias answers."""
        return bool(ALIASED & self.top_level_imports)


def parse_source(path: Path) -> ast.Module:
    """Parse one file of the app.

    Raises:
        PackError: the file cannot be read or has a syntax error, naming the
            file and line, as Python would report it.

    Example:
        >>> parse_source(Path("app.py"))  # doctest: +SKIP
        <ast.Module object at ...>
    """
    try:
        source = path.read_bytes()
    except OSError as error:
        raise PackError(f"cannot read {path}: {error.strerror or error}") from None
    try:
        return ast.parse(source, filename=str(path))
    except SyntaxError as error:
        line = f":{error.lineno}" if error.lineno else ""
        text = f"\n    {error.text.strip()}" if error.text and error.text.strip() else ""
        raise PackError(
            f"{path}{line}: syntax error: {error.msg}{text}\nFix it before packing: "
            "the packed app would fail on the same line."
        ) from None
    except ValueError as error:  # null bytes
        raise PackError(f"{path}: not a Python source file ({error})") from None


@dataclass(frozen=True)
class _Import:
    """One import statement's target: ``level`` dots, then ``module``, then maybe ``names``."""

    module: str
    level: int = 0
    names: tuple[str, ...] = ()


def _imports_of(tree: ast.Module) -> Iterator[_Import]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield _Import(alias.name)
        elif isinstance(node, ast.ImportFrom):
            names = tuple(a.name for a in node.names if a.name != "*")
            yield _Import(node.module or "", node.level, names)
        elif isinstance(node, ast.Call):
            literal = _first_string(node)
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if literal is not None and called in ("import_module", "__import__"):
                yield _Import(literal)


def _first_string(call: ast.Call) -> str | None:
    if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
        return call.args[0].value
    for keyword in call.keywords:
        if keyword.arg in ("page", "name") and isinstance(keyword.value, ast.Constant):
            value = keyword.value.value
            return value if isinstance(value, str) else None
    return None


def _named_pages(tree: ast.Module, root: Path) -> Iterator[Path]:
    calls = [node for node in ast.walk(tree) if isinstance(node, ast.Call)]
    for node in sorted(calls, key=lambda call: (call.lineno, call.col_offset)):
        func = node.func
        called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        literal = _first_string(node) if called in _PAGE_CALLS else None
        if literal and literal.endswith(".py"):
            path = (root / literal).resolve()
            if path.is_file():
                yield path


class _Locator:
    """Finds where a module lives, on disk only: in the app's folder, or an installed one."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def local_files(self, dotted: str) -> list[Path] | None:
        """The files of local module ``dotted`` (its packages' ``__init__`` first), or None."""
        folder = self.root
        files: list[Path] = []
        for part in dotted.split("."):
            package, module = folder / part, folder / f"{part}.py"
            if (package / "__init__.py").is_file():
                files.append(package / "__init__.py")
                folder = package
            elif module.is_file():
                files.append(module)
                break  # what follows is an attribute, not a module
            elif package.is_dir():
                folder = package  # a namespace package
            else:
                break
        return files or None

    @staticmethod
    def library_exists(dotted: str, *, submodule: bool = False) -> bool:
        """Whether ``dotted`` is an installed module, found without importing anything.

        With ``submodule``, ``a.b`` counts only when ``a`` is a package with a
        module ``b`` (``from a import b``); else a plain module's dotted name
        like ``os.path`` is accepted too.
        """
        top, _, rest = dotted.partition(".")
        if top in sys.builtin_module_names:
            return not rest
        try:
            spec = importlib.util.find_spec(top)
        except (ImportError, ValueError):
            return False
        if spec is None:
            return False
        if rest and spec.submodule_search_locations is None:
            return not submodule  # `import os.path`: a module set up by its parent
        locations = list(spec.submodule_search_locations or [])
        for part in rest.split(".") if rest else []:
            found: list[str] | None = None
            for location in locations:
                base = Path(location)
                if (base / part).is_dir():
                    found = [str(base / part)]
                    break
                if any((base / f"{part}{s}").is_file() for s in _MODULE_SUFFIXES):
                    found = []
                    break
            if found is None:
                return False
            locations = found
        return True


_MODULE_SUFFIXES = (".py", ".pyc", *importlib.machinery.EXTENSION_SUFFIXES)


def _module_name(path: Path, root: Path) -> str:
    relative = path.relative_to(root).with_suffix("")
    parts = list(relative.parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def analyse_app(script: Path) -> AppAnalysis:
    """Find everything ``script`` needs to travel with it.

    Args:
        script: the app's main ``.py`` file.

    Raises:
        PackError: a file of the app has a syntax error (file and line named).

    Example:
        >>> found = analyse_app(Path("samples/multipage/app.py"))  # doctest: +SKIP
        >>> [p.name for p in found.pages]  # doctest: +SKIP
        ['1_Data.py', '2_About.py']
    """
    script = script.resolve()
    root = script.parent
    locator = _Locator(root)
    pages_dir = root / "pages"
    pages: list[Path] = []
    if pages_dir.is_dir():
        pages = sorted(p.resolve() for p in pages_dir.glob("*.py"))

    seen: set[Path] = set()
    local: list[Path] = []
    libraries: set[str] = set()
    submodules: set[str] = set()
    queue: list[Path] = [script, *pages]
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        tree = parse_source(path)
        is_script = path == script or path in pages
        package = "" if is_script else _package_of(path, root)
        for page in _named_pages(tree, root):
            if page not in seen and page not in pages:
                pages.append(page)
                queue.append(page)
        for target in _imports_of(tree):
            module, maybe = _targets(target, package)
            for name in [module, *maybe] if module else []:
                files = locator.local_files(name)
                if files is not None:
                    for file in files:
                        if file not in local and file != script and file not in pages:
                            local.append(file)
                        queue.append(file)
                elif target.level == 0 and name.partition(".")[0] != "__future__":
                    (libraries if name == module else submodules).add(name)

    # `from pkg import name`: pkg.name is imported only when it is a module of pkg.
    imports = sorted(
        libraries | {n for n in submodules if locator.library_exists(n, submodule=True)}
    )
    missing = sorted(
        n for n in imports if n.partition(".")[0] not in ALIASED and not locator.library_exists(n)
    )
    config_files, secrets_files = _config_files(root)
    static = root / "static"
    return AppAnalysis(
        root=root,
        script=script,
        pages=tuple(pages),
        local_modules=tuple(sorted(local)),
        imports=tuple(imports),
        missing=tuple(missing),
        config_files=config_files,
        secrets_files=secrets_files,
        static_dir=static if static.is_dir() else None,
    )


def _package_of(path: Path, root: Path) -> str:
    name = _module_name(path, root)
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _targets(target: _Import, package: str) -> tuple[str, list[str]]:
    """The module one import loads, and the names that may be its submodules."""
    if target.level:
        parts = package.split(".") if package else []
        if not package or target.level - 1 > len(parts):
            return "", []  # a relative import outside any package fails at run time anyway
        base_parts = parts[: len(parts) - (target.level - 1)]
        base = ".".join([*base_parts, target.module] if target.module else base_parts)
    else:
        base = target.module
    if not base:
        return "", []
    return base, [f"{base}.{name}" for name in target.names]


def _config_files(root: Path) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    config: list[Path] = []
    secrets: list[Path] = []
    for folder in CONFIG_FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(p for p in base.rglob("*") if p.is_file()):
            (secrets if path.name == SECRETS_FILE else config).append(path)
    return tuple(config), tuple(secrets)
