"""Callouts: success, info, warning, error, and exceptions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.api.icons import icon_name, leading_icon
from rillet.api.text import clean_text, set_width
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.exceptions import exception_element

if TYPE_CHECKING:
    from rillet.api.container import Container


def _alert(
    fmt: int, command: str, body: Any, icon: str | None, width: str | int, title: object
) -> Container:
    text = clean_text(body)
    if icon is None:  # an emoji or Material icon the body starts with is its icon
        name, text = leading_icon(text)
    else:
        name = icon_name(icon, command)
    element = pb.Element()
    set_width(element, width, command, content=False)
    element.alert.format = fmt  # type: ignore[assignment]
    element.alert.body = text
    element.alert.icon = name
    element.alert.title = "" if title is None else clean_text(title)
    return handle(context.get().emit(element))


def error(
    body: Any, *, icon: str | None = None, width: str | int = "stretch", title: Any = None
) -> Container:
    """Display an error message.

    Example:
        >>> import rillet as st
        >>> st.error("The file could not be read.", icon="🚨")
    """
    return _alert(pb.Alert.ERROR, "error", body, icon, width, title)


def warning(
    body: Any, *, icon: str | None = None, width: str | int = "stretch", title: Any = None
) -> Container:
    """Display a warning message.

    Example:
        >>> import rillet as st
        >>> st.warning("This may take a while.")
    """
    return _alert(pb.Alert.WARNING, "warning", body, icon, width, title)


def info(
    body: Any, *, icon: str | None = None, width: str | int = "stretch", title: Any = None
) -> Container:
    """Display an informational message.

    Example:
        >>> import rillet as st
        >>> st.info("Pick a file to begin.")
    """
    return _alert(pb.Alert.INFO, "info", body, icon, width, title)


def success(
    body: Any, *, icon: str | None = None, width: str | int = "stretch", title: Any = None
) -> Container:
    """Display a success message.

    Example:
        >>> import rillet as st
        >>> st.success("Saved!")
    """
    return _alert(pb.Alert.SUCCESS, "success", body, icon, width, title)


def exception(exception: BaseException, width: str | int = "stretch") -> Container:
    """Display an exception with its traceback.

    Example:
        >>> import rillet as st
        >>> try:
        ...     1 / 0
        ... except ZeroDivisionError as e:
        ...     st.exception(e)
    """
    if isinstance(exception, BaseException):
        element = exception_element(exception)
    else:
        # Not an exception (say, a message string): shown all the same, under
        # its type's name and without a traceback, rather than stopping the app.
        element = pb.Element()
        element.exception.type = type(exception).__name__
        element.exception.message = str(exception)
    set_width(element, width, "exception", content=False)
    return handle(context.get().emit(element))
