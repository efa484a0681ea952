"""``st.badge``: a small coloured label, with an optional icon.

A badge is Markdown's ``:color-badge[...]`` directive, sent as a Markdown
element (as Streamlit does, so AppTest finds it in ``at.markdown``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rillet.api._command import handle
from rillet.api.icons import icon_name
from rillet.api.text import set_width
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument
from rillet.runtime.widgets import help_text

if TYPE_CHECKING:
    from rillet.api.container import Container

_COLORS = ("red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary")


def badge_markdown(label: str, icon: str, color: str) -> str:
    """The Markdown of a badge; square brackets in the label are escaped.

    Example:
        >>> badge_markdown("New [beta]", "🔥", "green")
        ':green-badge[🔥 New \\\\[beta\\\\]]'
    """
    text = label.replace("[", "\\[").replace("]", "\\]")
    return f":{color}-badge[{icon + ' ' if icon else ''}{text}]"


def badge(
    label: str,
    *,
    icon: str | None = None,
    color: str = "blue",
    width: str | int = "content",
    help: str | None = None,
) -> Container:
    """Display a small coloured label, e.g. a status or a tag.

    ``color`` is one of ``"red"``, ``"orange"``, ``"yellow"``, ``"blue"``,
    ``"green"``, ``"violet"``, ``"gray"``/``"grey"`` or ``"primary"`` (the
    theme's primary colour). Like Streamlit, another name is not refused: it
    goes into the badge's Markdown as given (and shows uncoloured).

    Example:
        >>> import rillet as st
        >>> st.badge("New", icon=":material/star:", color="green")
    """
    if not isinstance(label, str):
        raise bad_argument("label", label, "a string", command="badge")
    if not isinstance(color, str):
        accepted = ", ".join(repr(c) for c in _COLORS)
        raise bad_argument("color", color, f"a string such as {accepted}", command="badge")
    shown_icon = icon_name(icon, "badge")
    element = pb.Element()
    set_width(element, width, "badge")
    element.markdown.body = badge_markdown(label, shown_icon, color)
    element.markdown.help = help_text(help)
    return handle(context.get().emit(element))
