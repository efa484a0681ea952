"""Errors that talk to the user.

Every message names what was given and what is accepted. `RilletAPIException`
is also importable as ``streamlit.errors.StreamlitAPIException`` through the
compatibility alias, so existing ``except`` clauses keep working.
"""

from __future__ import annotations

from typing import Any


class RilletAPIException(Exception):
    """An ``st.*`` command was called with arguments it cannot accept.

    Shown in the page as an exception element; the session keeps running.
    """


class DuplicateWidgetID(RilletAPIException):
    """Two widgets in one run resolved to the same identity."""


class ProtocolError(ValueError):
    """A client sent a frame that is not a valid ``BackMsg``."""


class NoRunContextError(RuntimeError):
    """An ``st.*`` command that needs a running app was called outside one."""


def bad_argument(
    argument: str, value: Any, accepted: str, *, command: str = ""
) -> RilletAPIException:
    """Build the standard bad-argument error.

    Example:
        >>> str(bad_argument("max_value", "a", "an int or float", command="slider"))
        "st.slider: `max_value` must be an int or float, got 'a' (str)."
    """
    where = f"st.{command}: " if command else ""
    return RilletAPIException(
        f"{where}`{argument}` must be {accepted}, got {value!r} ({type(value).__name__})."
    )
