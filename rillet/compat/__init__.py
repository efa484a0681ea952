"""The ``streamlit`` import alias: run Streamlit apps unchanged on rillet.

With the alias installed, ``import streamlit as st`` gives rillet's
``st.*`` API, and every ``streamlit.*`` module path an app can import is
answered from one table (:mod:`rillet.compat.table`): with a module whose
names are rillet's objects (``streamlit.runtime.scriptrunner``,
``streamlit.config``, ``streamlit.errors``, ...), with a rillet module
itself (``streamlit.column_config``), or with an ``ImportError`` that names
the path and says what to use instead (``streamlit.web.server``).

``from streamlit import X`` and ``import streamlit.X`` give the same object.

The alias is a ``sys.meta_path`` finder, installed only when asked: by the
CLI when it runs an app with the option ``rillet.streamlitAlias`` (on by
default), and by ``AppTest(..., streamlit_alias=True)`` for the length of
each run. Installing it moves an already imported real ``streamlit``
package out of ``sys.modules``; uninstalling puts it back, so the real
package keeps working in the same process (tests compare against it).
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import opcode
import sys
import threading
import types
from collections.abc import Sequence
from typing import Any

from rillet.compat.runtime import add_script_run_ctx, exists, get_script_run_ctx
from rillet.compat.table import BELOW, MODULES, ROOT_GONE, Forward, Gone, Shim

# The Streamlit release whose API the alias answers for: libraries that
# check ``streamlit.__version__`` see a version they accept.
STREAMLIT_API_VERSION = "1.67.0"

_ROOT = "streamlit"
_LOCK = threading.RLock()
_stash: dict[str, types.ModuleType] = {}
_finder: _AliasFinder | None = None
_IMPORT_FROM = opcode.opmap["IMPORT_FROM"]


# ----------------------------------------------------------- missing names


def _missing(path: str, why: str, *, depth: int = 2) -> Exception:
    """The error for a name an aliased module does not have.

    ``from streamlit.x import name`` gets an ``ImportError`` carrying the
    message (Python would otherwise replace it with a bare "cannot import
    name"); attribute access gets an ``AttributeError``, so ``hasattr`` and
    ``getattr(..., default)`` keep working for feature checks.
    """
    module, _, name = path.rpartition(".")
    try:
        caller = sys._getframe(depth)
        from_import = caller.f_code.co_code[caller.f_lasti] == _IMPORT_FROM
    except (ValueError, IndexError):
        from_import = False
    if from_import:
        return ImportError(f"cannot import name {name!r} from {module!r}: {why}", name=module)
    return AttributeError(f"module {module!r} has no attribute {name!r}: {why}", name=name)


def _resolve(target: str) -> Any:
    """The rillet object a table target names (``"rillet.api.iframe:html"``)."""
    module_name, _, attribute = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module_name.startswith(exc.name):
            raise LookupError(target) from None
        raise
    if not attribute:
        return module
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise LookupError(target) from None


def available(target: str) -> bool:
    """Whether a table target exists in rillet (yet).

    Example:
        >>> available("rillet:button"), available("rillet:no_such_command")
        (True, False)
    """
    try:
        _resolve(target)
    except LookupError:
        return False
    return True


# ------------------------------------------------------------ the modules


def _shim(fullname: str, shim: Shim) -> types.ModuleType:
    module = types.ModuleType(
        fullname, shim.doc or f"{fullname}, answered by rillet (rillet.compat)."
    )
    if shim.package:
        module.__path__ = []
    instead = f"use {shim.instead} instead" if shim.instead else "rillet has no equivalent"

    def __getattr__(name: str) -> Any:
        if name == "__all__":
            return sorted(n for n, t in shim.names.items() if available(t))
        target = shim.names.get(name)
        path = f"{fullname}.{name}"
        if target is None and isinstance(MODULES.get(path), (Shim, Forward)):
            # A submodule, which Streamlit's packages import up front.
            try:
                return importlib.import_module(path)
            except ModuleNotFoundError as exc:
                raise _missing(path, str(exc)) from None
        if target is None:
            if name.startswith("__"):
                raise AttributeError(name)
            why = (
                "it is Streamlit-internal"
                if name in shim.internal
                else "Streamlit has no such name"
            )
            raise _missing(path, f"{why}; {instead}.")
        try:
            value = _resolve(target)
        except LookupError:
            raise _missing(path, f"rillet does not provide it yet (it will be {target}).") from None
        setattr(module, name, value)
        return value

    def __dir__() -> list[str]:
        return sorted({*module.__dict__, *__getattr__("__all__")})

    module.__getattr__ = __getattr__  # type: ignore[method-assign]
    module.__dir__ = __dir__  # type: ignore[method-assign]
    return module


class _RootModule(types.ModuleType):
    """``streamlit`` itself: a command keeps its name when a like-named package loads.

    ``st.navigation`` is a command and ``streamlit.navigation`` a package;
    importing the package sets it as an attribute of its parent, which
    must not hide the command (in Streamlit the command is assigned last).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        import rillet

        hides_a_command = (
            isinstance(value, types.ModuleType)
            and name in rillet.__all__
            and not isinstance(getattr(rillet, name), types.ModuleType)
        )
        if not hides_a_command:
            super().__setattr__(name, value)


# ``st._main`` (passed to form checks), ``st._event`` (components that draw
# nothing go there) and ``st._bottom`` (the old name of ``st.bottom``).
_PRIVATE_CONTAINERS = {
    "_main": "rillet.compat.misc:main_container",
    "_event": "rillet.compat.misc:event_container",
    "_bottom": "rillet.compat.misc:bottom_container",
}


def _root() -> types.ModuleType:
    import rillet

    public = set(rillet.__all__)
    module = _RootModule(_ROOT, "rillet, imported as streamlit (see rillet.compat).")
    module.__path__ = []

    def __getattr__(name: str) -> Any:
        if name in _PRIVATE_CONTAINERS:  # Streamlit's private root containers, which packages use
            module.__dict__[name] = _resolve(_PRIVATE_CONTAINERS[name])()
            return module.__dict__[name]
        submodule = f"{_ROOT}.{name}"
        entry = MODULES.get(submodule)
        value = getattr(rillet, name) if name in public else None
        if name in public and not isinstance(value, types.ModuleType):
            module.__dict__[name] = value
            return value
        if entry is not None and not isinstance(entry, Gone):
            try:
                return importlib.import_module(submodule)
            except ModuleNotFoundError as exc:
                raise _missing(submodule, str(exc)) from None
        if name in public:  # a rillet module with no Streamlit counterpart
            module.__dict__[name] = value
            return value
        if name in ROOT_GONE:
            raise _missing(submodule, f"rillet has no equivalent; use {ROOT_GONE[name]}.")
        if isinstance(entry, Gone):
            raise _missing(submodule, f"rillet has no equivalent; use {entry.instead} instead.")
        raise _missing(submodule, "rillet has no such command.")

    def __dir__() -> list[str]:
        modules = [p[len(_ROOT) + 1 :] for p, e in MODULES.items() if p.count(".") == 1]
        return sorted({*module.__dict__, *public, *modules})

    module.__dict__.update(
        __all__=list(rillet.__all__),
        __getattr__=__getattr__,
        __dir__=__dir__,
        __version__=STREAMLIT_API_VERSION,
        # Apps that look beside Streamlit's files (``static/index.html``) find
        # nothing there and skip it; they must not reach into rillet's client.
        __file__=__file__,
    )
    return module


def _instead(fullname: str) -> str:
    """What to use for a path with no entry: its nearest ancestor's advice."""
    path = fullname
    while "." in path:
        path = path.rpartition(".")[0]
        entry = MODULES.get(path)
        if isinstance(entry, Gone):
            return entry.instead
        if path in BELOW:
            return BELOW[path]
    return "the st.* commands"


def build_module(fullname: str) -> types.ModuleType:
    """The module the alias gives for ``fullname``, or a ``ModuleNotFoundError`` saying why not.

    Example:
        >>> build_module("streamlit.errors").__name__
        'streamlit.errors'
    """
    if fullname == _ROOT:
        return _root()
    entry = MODULES.get(fullname)
    if isinstance(entry, Shim):
        return _shim(fullname, entry)
    if isinstance(entry, Forward):
        if importlib.util.find_spec(entry.target) is None:
            raise ModuleNotFoundError(
                f"No module named {fullname!r}: rillet does not provide it yet "
                f"(it will be {entry.target}, {entry.issue}).",
                name=fullname,
            )
        return importlib.import_module(entry.target)
    instead = entry.instead if isinstance(entry, Gone) else _instead(fullname)
    raise ModuleNotFoundError(
        f"No module named {fullname!r}: this app runs on rillet through the streamlit "
        f"alias, and rillet has no equivalent of {fullname!r}; use {instead} instead.",
        name=fullname,
    )


# ------------------------------------------------------------- the finder


class _Loader(importlib.abc.Loader):
    def __init__(self, module: types.ModuleType) -> None:
        self.module = module
        # A rillet module given under a streamlit name keeps its own spec
        # (the import system overwrites it before exec_module).
        self.own_spec = getattr(module, "__spec__", None)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return self.module

    def exec_module(self, module: types.ModuleType) -> None:
        if self.own_spec is not None:
            module.__spec__ = self.own_spec


class _AliasFinder(importlib.abc.MetaPathFinder):
    """Answers every ``streamlit`` and ``streamlit.*`` import with rillet."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != _ROOT and not fullname.startswith(_ROOT + "."):
            return None
        module = build_module(fullname)
        is_package = hasattr(module, "__path__")
        return importlib.machinery.ModuleSpec(fullname, _Loader(module), is_package=is_package)


def install_streamlit_alias() -> bool:
    """Make ``import streamlit`` load rillet from now on.

    Returns:
        ``True`` if this call installed the alias, ``False`` if it already was.

    Example:
        >>> install_streamlit_alias()
        True
        >>> import streamlit as st
        >>> st.button  # rillet's
        <function button at ...>
        >>> uninstall_streamlit_alias()
    """
    global _finder
    with _LOCK:
        if _finder is not None:
            return False
        for name in list(sys.modules):
            if name == _ROOT or name.startswith(_ROOT + "."):
                _stash[name] = sys.modules.pop(name)
        _finder = _AliasFinder()
        sys.meta_path.insert(0, _finder)
        return True


def uninstall_streamlit_alias() -> None:
    """Undo :func:`install_streamlit_alias`; a real ``streamlit`` imports again.

    Modules the alias loaded are dropped and a real ``streamlit`` package
    that was imported before is put back.

    Example:
        >>> uninstall_streamlit_alias()
    """
    global _finder
    with _LOCK:
        if _finder is None:
            return
        if _finder in sys.meta_path:
            sys.meta_path.remove(_finder)
        _finder = None
        for name in list(sys.modules):
            if name == _ROOT or name.startswith(_ROOT + "."):
                del sys.modules[name]
        sys.modules.update(_stash)
        _stash.clear()


def streamlit_alias_installed() -> bool:
    """Whether ``import streamlit`` currently loads rillet."""
    return _finder is not None


__all__ = [
    "STREAMLIT_API_VERSION",
    "add_script_run_ctx",
    "available",
    "build_module",
    "exists",
    "get_script_run_ctx",
    "install_streamlit_alias",
    "streamlit_alias_installed",
    "uninstall_streamlit_alias",
]
