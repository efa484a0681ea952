"""Binding ``st.*`` functions to containers.

Every command is a plain function that writes to the current target. A
container exposes the same functions through :class:`command` descriptors:
``col.button(...)`` is ``st.button(...)`` with ``col`` as the target for the
duration of the call. The signature survives for editors and type checkers.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Generic, ParamSpec, TypeVar, overload

from rillet.runtime import context
from rillet.runtime.context import Target

if TYPE_CHECKING:
    from rillet.api.container import Container

P = ParamSpec("P")
R = TypeVar("R")


class command(Generic[P, R]):
    """A table entry: ``button = command(buttons.button)``."""

    def __init__(self, fn: Callable[P, R]) -> None:
        self.fn = fn
        functools.update_wrapper(self, fn)  # type: ignore[arg-type]

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
