"""Callouts: success, info, warning, error, and exceptions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.api.text import clean_text
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument
from rillet.runtime.exceptions import exception_element

if TYPE_CHECKING:
    from rillet.api.container import Container


def _alert(fmt: int, command: str, body: Any, icon: str | None) -> Container:
    if icon is not None and not isinstance(icon, str):
        raise bad_argument(
            "icon", icon, "an emoji, a ':material/name:' icon or None", command=command
        )
    element = pb.Element()
    element.alert.format = fmt  # type: ignore[assignment]
    element.alert.body = clean_text(body)
    element.alert.icon = icon or ""
    return handle(context.get().emit(element))


def error(body: Any, *, icon: str | None = None, width: str | int = "stretch") -> Container:
    """Display an error message.

    Example:
        >>> import rillet as st
        >>> st.error("The file could not be read.", icon="🚨")
    """
    return _alert(pb.Alert.ERROR, "error", body, icon)


def warning(body: Any, *, icon: str | None = None, width: str | int = "stretch") -> Container:
    """Display a warning message.

    Example:
        >>> import rillet as st
        >>> st.warning("This may take a while.")
    """
    return _alert(pb.Alert.WARNING, "warning", body, icon)


def info(body: Any, *, icon: str | None = None, width: str | int = "stretch") -> Container:
    """Display an informational message.

    Example:
        >>> import rillet as st
        >>> st.info("Pick a file to begin.")
    """
    return _alert(pb.Alert.INFO, "info", body, icon)


def success(body: Any, *, icon: str | None = None, width: str | int = "stretch") -> Container:
    """Display a success message.

    Example:
        >>> import rillet as st
        >>> st.success("Saved!")
    """
    return _alert(pb.Alert.SUCCESS, "success", body, icon)


def exception(exception: BaseException, width: str | int = "stretch") -> Container:
    """Display an exception with its traceback.

    Example:
        >>> import rillet as st
        >>> try:
        ...     1 / 0
        ... except ZeroDivisionError as e:
        ...     st.exception(e)
    """
    if not isinstance(exception, BaseException):
        raise bad_argument("exception", exception, "an exception instance", command="exception")
    return handle(context.get().emit(exception_element(exception)))
