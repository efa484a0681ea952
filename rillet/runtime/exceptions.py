"""Turning a Python exception into an exception element."""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException

_RILLET_DIR = str(Path(__file__).resolve().parent.parent)
_LOG = logging.getLogger("rillet.app")

# Shown in place of an uncaught exception's message when
# client.showErrorDetails holds it back.
REDACTED = (
    "The app hit an error. Its message is not shown here (client.showErrorDetails); "
    "the full details are in the server's log."
)


def exception_element(exc: BaseException, *, is_warning: bool = False) -> pb.Element:
    """An element showing ``exc``'s type, message and the user's frames.

    Frames inside rillet itself are left out: the user can act on their own
    code, not on ours.
    """
    element = pb.Element()
    proto = element.exception
    proto.type = _type_name(type(exc))
    proto.is_warning = is_warning
    if isinstance(exc, SyntaxError):
        proto.message = _syntax_message(exc)
    else:
        proto.message = str(exc)
    proto.message_is_markdown = isinstance(exc, RilletAPIException)
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.startswith(_RILLET_DIR)
    ]
    proto.stack_trace.extend(traceback.format_list(frames))
    return element


def _type_name(cls: type[BaseException]) -> str:
    # Built-ins by name; anything else with its module, so the user can tell
    # `requests.exceptions.ConnectionError` from the built-in one.
    if cls.__module__ == "builtins":
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def _syntax_message(exc: SyntaxError) -> str:
    where = f'File "{exc.filename}", line {exc.lineno}'
    line = (exc.text or "").rstrip("\n")
    caret = " " * max((exc.offset or 1) - 1, 0) + "^" if line else ""
    return "\n".join(part for part in (where, line, caret, f"{exc.msg}") if part)


def uncaught_element(exc: BaseException, details: object = "full") -> pb.Element:
    """The element for an exception the script did not catch, also logged in full.

    ``details`` is ``client.showErrorDetails``: ``"full"`` shows the type,
    message and traceback; ``"stacktrace"`` the type and traceback;
    ``"type"`` the type; ``"none"`` only that an error happened. True and
    False, the option's older values, mean ``"full"`` and ``"stacktrace"``.

    Example:
        >>> uncaught_element(KeyError("token=abc"), "type").exception.message.startswith("The app")
        True
    """
    _LOG.error("Uncaught exception in the app's script", exc_info=exc)
    element = exception_element(exc)
    if details is True or details is False:  # as configs before the four levels said
        details = "full" if details else "stacktrace"
    if details == "full":
        return element
    proto = element.exception
    proto.message = REDACTED
    proto.message_is_markdown = False
    if details != "stacktrace":
        del proto.stack_trace[:]
    if details not in ("stacktrace", "type"):
        proto.type = ""
    return element
