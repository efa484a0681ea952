"""Embedded frames: ``components.html`` and ``components.iframe``.

These are Streamlit's ``streamlit.components.v1.html`` and ``.iframe``
(reachable as such through the ``streamlit`` alias, see ``rillet.compat``).
Unlike ``st.html``, the HTML runs in its own sandboxed frame, so its
scripts execute without touching the app's page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rillet.api._command import handle
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container


DEFAULT_HEIGHT = 150


def _pixels(name: str, value: object, command: str) -> int:
    # As in Streamlit, 0 is a size: packages inject scripts through a
    # components.html(js, width=0, height=0) that takes no room.
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value < 2**31:
        raise bad_argument(name, value, "a number of pixels ≥ 0, or None", command=command)
    return round(value)


def check_tab_index(tab_index: object, command: str) -> int | None:
    """``None``, or a tab order position: ``-1`` (focusable by script only) or more."""
    if tab_index is None:
        return None
    if isinstance(tab_index, bool) or not isinstance(tab_index, int) or tab_index < -1:
        raise bad_argument("tab_index", tab_index, "None or an int ≥ -1", command=command)
    return tab_index


def _frame(
    command: str,
    src: str,
    srcdoc: str,
    width: int | None,
    height: int | None,
    scrolling: bool,
    tab_index: int | None,
) -> Container:
    element = pb.Element()
    frame = element.iframe
    frame.src = src
    frame.srcdoc = srcdoc
    if width is None:
        frame.width_mode = "stretch"
    else:
        frame.width = _pixels("width", width, command)
    frame.height = DEFAULT_HEIGHT if height is None else _pixels("height", height, command)
    frame.scrolling = bool(scrolling)
    index = check_tab_index(tab_index, command)
    if index is not None:
        frame.tab_index, frame.has_tab_index = index, True
    return handle(context.get().emit(element))


def html(
    html: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> Container:
    """Display HTML (with its scripts) in a sandboxed frame.

    Args:
        html: The HTML document or fragment.
        width: Frame width in pixels (0 takes no room); ``None`` fills the column.
        height: Frame height in pixels (0 takes no room); ``None`` is 150.
        scrolling: Show scroll bars when the content is larger than the frame.
        tab_index: The frame's place in the keyboard tab order (``-1``: reached
            by script only); ``None`` is the browser's default.

    Example:
        >>> import streamlit.components.v1 as components  # with the alias
        >>> components.html("<button onclick='alert(1)'>Hi</button>", height=60)
    """
    if not isinstance(html, str):
        raise bad_argument("html", html, "a string of HTML", command="components.v1.html")
    return _frame("components.v1.html", "", html, width, height, scrolling, tab_index)


def iframe(
    src: str,
    width: int | None = None,
    height: int | None = None,
    scrolling: bool = False,
    *,
    tab_index: int | None = None,
) -> Container:
    """Display a web page in a frame.

    Args:
        src: The page's address (``http://`` or ``https://``, or a path).
        width: Frame width in pixels (0 takes no room); ``None`` fills the column.
        height: Frame height in pixels (0 takes no room); ``None`` is 150.
        scrolling: Show scroll bars when the page is larger than the frame.
        tab_index: The frame's place in the keyboard tab order.

    Example:
        >>> import streamlit.components.v1 as components  # with the alias
        >>> components.iframe("https://example.com", height=400, scrolling=True)
    """
    if not isinstance(src, str) or not src.strip():
        raise bad_argument("src", src, "a non-empty URL string", command="components.v1.iframe")
    return _frame("components.v1.iframe", src, "", width, height, scrolling, tab_index)
