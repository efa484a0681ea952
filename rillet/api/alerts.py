"""Callouts: success, info, warning, error, and exceptions."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.api.text import check_width, clean_text
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument
from rillet.runtime.exceptions import exception_element

if TYPE_CHECKING:
    from rillet.api.container import Container


_MATERIAL = re.compile(r":material/[a-z0-9_]+:")

# Code points that start an emoji: the pictograph planes plus the older
# symbols that have an emoji form. A little wider than the Unicode emoji list
# (a few plain symbols such as a star pass), never narrower.
_EMOJI_STARTS = (
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2194, 0x21AA),
    (0x231A, 0x23FF),
    (0x24C2, 0x24C2),
    (0x25AA, 0x25FE),
    (0x2600, 0x27BF),
    (0x2934, 0x2935),
    (0x2B05, 0x2B55),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
    (0x1F000, 0x1FAFF),
)
# What may follow an emoji's first code point: variation selector, keycap,
# skin tones and flag tags. Emoji joined by U+200D form one emoji (families).
_EMOJI_MODIFIERS = ((0xFE0F, 0xFE0F), (0x20E3, 0x20E3), (0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F))
_REGIONAL_INDICATORS = ((0x1F1E6, 0x1F1FF),)  # two of them make a flag
_KEYCAP_BASES = "0123456789#*"


def _within(char: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(low <= ord(char) <= high for low, high in ranges)


def is_emoji(text: str) -> bool:
    """Whether ``text`` is exactly one emoji (skin tones, flags, joined families included).

    Example:
        >>> is_emoji("👍🏽"), is_emoji("🇺🇸"), is_emoji("ok"), is_emoji("🚨🚨")
        (True, True, False, False)
    """
    if text[:1] and text[0] in _KEYCAP_BASES:
        return text[1:] in ("\u20e3", "\ufe0f\u20e3")
    return all(_is_one_pictograph(part) for part in text.split("\u200d"))


def _is_one_pictograph(part: str) -> bool:
    if not part or not _within(part[0], _EMOJI_STARTS):
        return False
    rest = part[1:]
    if _within(part[0], _REGIONAL_INDICATORS):
        return len(rest) == 1 and _within(rest, _REGIONAL_INDICATORS)
    return all(_within(char, _EMOJI_MODIFIERS) for char in rest)


def icon_name(icon: object, command: str) -> str:
    """``icon`` checked and stripped: one emoji, a ``:material/name:`` icon, or ``""``."""
    if icon is None:
        return ""
    accepted = "a single emoji, a ':material/icon_name:' icon or None"
    if not isinstance(icon, str):
        raise bad_argument("icon", icon, accepted, command=command)
    name = icon.strip()
    if name and not (_MATERIAL.fullmatch(name) or is_emoji(name)):
        raise bad_argument("icon", icon, accepted, command=command)
    return name


def _alert(fmt: int, command: str, body: Any, icon: str | None, width: str | int) -> Container:
    name = icon_name(icon, command)
    check_width(width, command, content=False)
    element = pb.Element()
    element.alert.format = fmt  # type: ignore[assignment]
    element.alert.body = clean_text(body)
    element.alert.icon = name
    return handle(context.get().emit(element))


def error(body: Any, *, icon: str | None = None, width: str | int = "stretch") -> Container:
    """Display an error message.

    Example:
        >>> import rillet as st
        >>> st.error("The file could not be read.", icon="🚨")
    """
    return _alert(pb.Alert.ERROR, "error", body, icon, width)


def warning(body: Any, *, icon: str | None = None, width: str | int = "stretch") -> Container:
    """Display a warning message.

    Example:
        >>> import rillet as st
        >>> st.warning("This may take a while.")
    """
    return _alert(pb.Alert.WARNING, "warning", body, icon, width)


def info(body: Any, *, icon: str | None = None, width: str | int = "stretch") -> Container:
    """Display an informational message.

    Example:
        >>> import rillet as st
        >>> st.info("Pick a file to begin.")
    """
    return _alert(pb.Alert.INFO, "info", body, icon, width)


def success(body: Any, *, icon: str | None = None, width: str | int = "stretch") -> Container:
    """Display a success message.

    Example:
        >>> import rillet as st
        >>> st.success("Saved!")
    """
    return _alert(pb.Alert.SUCCESS, "success", body, icon, width)


def exception(exception: BaseException, width: str | int = "stretch") -> Container:
    """Display an exception with its traceback.

    Example:
        >>> import rillet as st
        >>> try:
        ...     1 / 0
        ... except ZeroDivisionError as e:
        ...     st.exception(e)
    """
    check_width(width, "exception", content=False)
    if isinstance(exception, BaseException):
        return handle(context.get().emit(exception_element(exception)))
    # Not an exception (say, a message string): shown all the same, under
    # its type's name and without a traceback, rather than stopping the app.
    element = pb.Element()
    element.exception.type = type(exception).__name__
    element.exception.message = str(exception)
    return handle(context.get().emit(element))
