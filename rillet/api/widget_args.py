"""Checks of arguments the newer widgets share (pills, feedback, pagination, menus).

``on_change`` modes, ``bind`` and ``persist_state`` are checked by
:func:`rillet.runtime.widgets.register` for every widget; what is left
here is how these widgets take ``width`` and their optional flags.
"""

from __future__ import annotations

from rillet.api.text import size_text
from rillet.runtime.errors import bad_argument


def width_text(width: object, command: str) -> str:
    """``width`` checked, in its wire form: ``"content"``, ``"stretch"`` or ``"<n>px"``.

    Example:
        >>> width_text(240, "pills"), width_text("stretch", "pills")
        ('240px', 'stretch')
    """
    return size_text("width", width, ("stretch", "content"), command)


def check_bool(value: object, argument: str, command: str, *, optional: bool = False) -> bool:
    """A flag given as a bool (or ``None`` where that means "the default").

    Example:
        >>> check_bool(None, "wrap", "pills", optional=True)
        False
    """
    if isinstance(value, bool):
        return value
    if optional and value is None:
        return False
    accepted = "True, False or None" if optional else "True or False"
    raise bad_argument(argument, value, accepted, command=command)


def wrap_mode(wrap: object, command: str) -> str:
    """``wrap`` (``None``, ``True`` or ``False``) in its wire form: ``""``, ``"wrap"``, ``"nowrap"``.

    Example:
        >>> wrap_mode(None, "pills"), wrap_mode(True, "pills"), wrap_mode(False, "pills")
        ('', 'wrap', 'nowrap')
    """
    if wrap is None:
        return ""
    return "wrap" if check_bool(wrap, "wrap", command, optional=True) else "nowrap"
