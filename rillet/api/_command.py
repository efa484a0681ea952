"""Binding ``st.*`` functions to containers.

Every command is a plain function that writes to the current target. A
container exposes the same functions through :class:`command` descriptors:
``col.button(...)`` is ``st.button(...)`` with ``col`` as the target for the
duration of the call. The signature survives for editors and type checkers.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, overload

from rillet.runtime import context
from rillet.runtime.context import Target

if TYPE_CHECKING:
    from rillet.api.container import Container

P = ParamSpec("P")
R = TypeVar("R")


class lazy_module:
    """A module imported when one of its commands is first called.

    ``import rillet`` stays small: the commands few apps use (charts, the
    data editor, the 1.67 widgets...) live in modules that load on first
    use. ``lazy_module("rillet.api.charts_vega").altair_chart`` is a
    :class:`lazy_function` naming the command, for a :class:`command` entry.

    Example:
        >>> charts = lazy_module("rillet.api.charts_vega")
        >>> charts.altair_chart
        <lazy rillet.api.charts_vega.altair_chart>
    """

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> lazy_function:
        if attribute.startswith("__"):
            raise AttributeError(attribute)
        return lazy_function(self._name, attribute)


class lazy_function:
    """A command named by module and attribute, imported on first use."""

    def __init__(self, module: str, name: str) -> None:
        self.module, self.name = module, name

    def resolve(self) -> Callable[..., Any]:
        return getattr(importlib.import_module(self.module), self.name)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"<lazy {self.module}.{self.name}>"


class command(Generic[P, R]):
    """A table entry: ``button = command(buttons.button)``.

    The function may be a :class:`lazy_function`; its module is then
    imported the first time a container looks the command up.
    """

    def __init__(self, fn: Callable[P, R]) -> None:
        self._fn: Callable[P, R] | lazy_function = fn
        if not isinstance(fn, lazy_function):
            functools.update_wrapper(self, fn)  # type: ignore[arg-type]

    @property
    def fn(self) -> Callable[P, R]:
        if isinstance(self._fn, lazy_function):
            self._fn = self._fn.resolve()
        return self._fn

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Callable[P, R]: ...
    @overload
    def __get__(self, obj: Container, owner: type[Any]) -> Callable[P, R]: ...
    def __get__(self, obj: Container | None, owner: type[Any]) -> Callable[P, R]:
        if obj is None:
            return self.fn
        fn, target = self.fn, obj._target

        @functools.wraps(fn)
        def bound(*args: P.args, **kwargs: P.kwargs) -> R:
            with context.get().using(target):
                return fn(*args, **kwargs)

        return bound


def handle(target: Target) -> Container:
    """The ``Container`` a command returns for what it just wrote."""
    from rillet.api.container import Container

    return Container(target)
