"""The ``streamlit`` import alias: run Streamlit apps unchanged on rillet.

With the alias installed, ``import streamlit as st`` gives rillet's
``st.*`` API, and the handful of ``streamlit.*`` modules apps commonly
import resolve to rillet's equivalents (the table ``_MODULES`` below):

- ``streamlit.components.v1`` (``html``, ``iframe``),
- ``streamlit.errors`` (``StreamlitAPIException`` is ``RilletAPIException``),
- ``streamlit.runtime`` (``exists()``) and ``streamlit.runtime.scriptrunner``
  (``get_script_run_ctx``, ``add_script_run_ctx``),
- ``streamlit.testing.v1`` (``AppTest``),
- ``streamlit.delta_generator`` (``DeltaGenerator``).

Any other ``streamlit.X`` resolves to ``rillet.X`` when that module exists;
otherwise the import fails with a message naming the module.

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
import sys
import threading
import types
from collections.abc import Callable, Sequence
from typing import Any

# The Streamlit release whose API the alias answers for: libraries that
# check ``streamlit.__version__`` see a version they accept.
STREAMLIT_API_VERSION = "1.60.0"

_ROOT = "streamlit"
_LOCK = threading.RLock()
_stash: dict[str, types.ModuleType] = {}
_finder: _AliasFinder | None = None


# ------------------------------------------------------------ the modules


def _module(name: str, doc: str, package: bool = False, **names: Any) -> types.ModuleType:
    module = types.ModuleType(name, doc)
    if package:
        module.__path__ = []
    module.__dict__.update(names)
    return module


def _root() -> types.ModuleType:
    import rillet

    def __getattr__(name: str) -> Any:
        return getattr(rillet, name)

    def __dir__() -> list[str]:
        return sorted(set(dir(rillet)))

    return _module(
        _ROOT,
        "rillet, imported as streamlit (see rillet.compat).",
        package=True,
        __all__=list(rillet.__all__),
        __getattr__=__getattr__,
        __dir__=__dir__,
        __version__=STREAMLIT_API_VERSION,
    )


def _errors() -> types.ModuleType:
    from rillet.runtime import errors

    return _module(
        "streamlit.errors",
        "Streamlit's exception names for rillet's exceptions.",
        StreamlitAPIException=errors.RilletAPIException,
        DuplicateWidgetID=errors.DuplicateWidgetID,
        NoSessionContext=errors.NoRunContextError,
    )


def exists() -> bool:
    """Whether this code runs inside a running app (``streamlit.runtime.exists``).

    Example:
        >>> exists()
        False
    """
    from rillet.runtime import context

    return context.get_or_none() is not None


def get_script_run_ctx(suppress_warning: bool = False) -> Any:
    """The current script run's context, or ``None`` outside a run.

    Example:
        >>> get_script_run_ctx() is None
        True
    """
    from rillet.runtime import context

    return context.get_or_none()


def add_script_run_ctx(thread: Any = None, ctx: Any = None) -> Any:
    """Let a thread started by the script call ``st.*`` commands.

    ``ctx`` defaults to the calling thread's run; call this before
    ``thread.start()``. Returns the thread.

    Example:
        >>> import threading
        >>> worker = add_script_run_ctx(threading.Thread(target=print))
    """
    from rillet.runtime import context

    thread = thread if thread is not None else threading.current_thread()
    ctx = ctx if ctx is not None else context.get_or_none()
    if ctx is not None and thread is not threading.current_thread():
        run = thread.run

        def run_in_context() -> None:
            with context.activate(ctx):
                run()

        thread.run = run_in_context
    return thread


def _runtime() -> types.ModuleType:
    return _module("streamlit.runtime", "Whether an app is running.", package=True, exists=exists)


def _scriptrunner() -> types.ModuleType:
    return _module(
        "streamlit.runtime.scriptrunner",
        "The current script run.",
        get_script_run_ctx=get_script_run_ctx,
        add_script_run_ctx=add_script_run_ctx,
    )


def _testing_v1() -> types.ModuleType:
    from rillet.testing import AppTest, AppTestError

    return _module(
        "streamlit.testing.v1", "rillet's AppTest.", AppTest=AppTest, AppTestError=AppTestError
    )


def _components_v1() -> types.ModuleType:
    from rillet.api import iframe

    names: dict[str, Any] = {"html": iframe.html, "iframe": iframe.iframe}
    if importlib.util.find_spec("rillet.components") is not None:
        # Custom components (declare_component), where rillet provides them.
        custom = importlib.import_module("rillet.components.v1")
        names.update({k: getattr(custom, k) for k in getattr(custom, "__all__", ())})
    return _module("streamlit.components.v1", "Embedded HTML and frames.", **names)


def _delta_generator() -> types.ModuleType:
    from rillet.api.container import Container

    return _module("streamlit.delta_generator", "Containers.", DeltaGenerator=Container)


_MODULES: dict[str, Callable[[], types.ModuleType]] = {
    "streamlit": _root,
    "streamlit.errors": _errors,
    "streamlit.runtime": _runtime,
    "streamlit.runtime.scriptrunner": _scriptrunner,
    "streamlit.testing": lambda: _module("streamlit.testing", "Testing.", package=True),
    "streamlit.testing.v1": _testing_v1,
    "streamlit.components": lambda: _module("streamlit.components", "Components.", package=True),
    "streamlit.components.v1": _components_v1,
    "streamlit.delta_generator": _delta_generator,
}


# ------------------------------------------------------------- the finder


class _Loader(importlib.abc.Loader):
    def __init__(self, module: types.ModuleType) -> None:
        self.module = module

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return self.module

    def exec_module(self, module: types.ModuleType) -> None:
        return None


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
        factory = _MODULES.get(fullname)
        module = factory() if factory is not None else _rillet_module(fullname)
        is_package = hasattr(module, "__path__")
        return importlib.machinery.ModuleSpec(fullname, _Loader(module), is_package=is_package)


def _rillet_module(fullname: str) -> types.ModuleType:
    twin = "rillet" + fullname[len(_ROOT) :]
    try:
        found = importlib.util.find_spec(twin) is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        raise ModuleNotFoundError(
            f"No module named {fullname!r}: the streamlit alias runs this app on rillet, "
            f"which has no equivalent of {fullname!r}.",
            name=fullname,
        )
    return importlib.import_module(twin)


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
    "exists",
    "get_script_run_ctx",
    "install_streamlit_alias",
    "streamlit_alias_installed",
    "uninstall_streamlit_alias",
]
