"""``streamlit.deprecation_util`` under the alias: deprecation notices, said once.

Component helper packages (streamlit-extras' ``colored_header``,
``add_vertical_space``, ``stylable_container``, ``row`` ...) import these to
warn about their own renamed functions. A notice is logged and, when asked
and a script is running, shown in the page as a warning.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])
T = TypeVar("T")

_LOG = logging.getLogger("rillet.deprecation")
_shown: set[str] = set()


def show_deprecation_warning(
    message: str, show_in_browser: bool = True, show_once: bool = False
) -> None:
    """Log ``message`` and, in a running app, show it as ``st.warning``.

    Example:
        >>> show_deprecation_warning("old() is deprecated; use new().")
    """
    if show_once:
        if message in _shown:
            return
        _shown.add(message)
    _LOG.warning(message)
    if not show_in_browser:
        return
    from rillet.runtime import context

    if context.get_or_none() is not None:
        from rillet.api.alerts import warning

        warning(message)


def make_deprecated_name_warning(
    old_name: str,
    new_name: str,
    removal_date: str,
    extra_message: str | None = None,
    include_st_prefix: bool = True,
) -> str:
    """The notice for a renamed command.

    Example:
        >>> make_deprecated_name_warning("old", "new", "2026-01-01")
        'st.old is deprecated and will be removed after 2026-01-01; use st.new instead.'
    """
    prefix = "st." if include_st_prefix else ""
    text = (
        f"{prefix}{old_name} is deprecated and will be removed after {removal_date}; "
        f"use {prefix}{new_name} instead."
    )
    return f"{text} {extra_message}" if extra_message else text


def deprecate_func_name(
    func: F,
    old_name: str,
    removal_date: str,
    extra_message: str | None = None,
    name_override: str | None = None,
    include_st_prefix: bool = True,
    show_in_browser: bool = True,
    show_once: bool = False,
) -> F:
    """``func`` under its old name: each call says it is deprecated, then runs it.

    Example:
        >>> new = deprecate_func_name(len, "length", "2026-01-01", show_in_browser=False)
        >>> new("abc")
        3
    """
    message = make_deprecated_name_warning(
        old_name,
        name_override or str(getattr(func, "__name__", old_name)),
        removal_date,
        extra_message,
        include_st_prefix,
    )

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        show_deprecation_warning(message, show_in_browser, show_once)
        return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]


def deprecate_obj_name(
    obj: T, old_name: str, new_name: str, removal_date: str, include_st_prefix: bool = True
) -> T:
    """``obj`` itself; that its old name is deprecated is logged once.

    Example:
        >>> deprecate_obj_name(3, "three", "THREE", "2026-01-01")
        3
    """
    show_deprecation_warning(
        make_deprecated_name_warning(
            old_name, new_name, removal_date, include_st_prefix=include_st_prefix
        ),
        show_in_browser=False,
        show_once=True,
    )
    return obj
