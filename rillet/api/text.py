"""Text elements: markdown, headings, captions, code, LaTeX, dividers."""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.api.icons import icon_name
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument
from rillet.runtime.widgets import help_text

if TYPE_CHECKING:
    from rillet.api.container import Container

_DIVIDER_COLORS = (
    "blue",
    "green",
    "orange",
    "red",
    "violet",
    "yellow",
    "gray",
    "grey",
    "rainbow",
)


def clean_text(value: object) -> str:
    """Text as shown: ``str()``, dedented, stripped (as Streamlit does)."""
    return textwrap.dedent(str(value)).strip()


def size_text(name: str, value: object, keywords: tuple[str, ...], command: str) -> str:
    """A ``width`` or ``height`` checked, in its wire form: a keyword or ``"<n>px"``.

    Example:
        >>> size_text("height", 120, ("content", "stretch"), "metric")
        '120px'
    """
    if isinstance(value, str) and value in keywords:
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return f"{value}px"
    words = " or ".join(map(repr, keywords))
    raise bad_argument(name, value, f"a positive int (pixels), {words}", command=command)


def check_width(width: object, command: str, *, content: bool = True) -> None:
    """Reject a ``width`` that is neither a positive int nor a named size.

    Elements that size to their content accept ``"content"``; callouts, JSON
    trees, exceptions and dividers only fill their container or take pixels.
    """
    size_text("width", width, ("stretch", "content") if content else ("stretch",), command)


def set_width(element: pb.Element, width: object, command: str, *, content: bool = True) -> None:
    """Check ``width`` and put it on ``element`` in its wire form (``Element.width``).

    Example:
        >>> element = pb.Element()
        >>> set_width(element, 240, "markdown")
        >>> element.width
        '240px'
    """
    text = size_text("width", width, ("stretch", "content") if content else ("stretch",), command)
    element.width = "" if text == "stretch" else text


def _emit(element: pb.Element) -> Container:
    return handle(context.get().emit(element))


_ALIGNMENTS = ("left", "center", "right", "justify")


def _layout(proto: Any, text_alignment: object, wrap: object, command: str) -> None:
    """Fill the ``text_alignment`` and ``wrap`` fields that text elements share."""
    if text_alignment not in _ALIGNMENTS:
        raise bad_argument(
            "text_alignment",
            text_alignment,
            "'left', 'center', 'right' or 'justify'",
            command=command,
        )
    proto.text_alignment = "" if text_alignment == "left" else str(text_alignment)
    proto.no_wrap = not wrap


def markdown(
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: str | int = "auto",
    text_alignment: str = "left",
    anchors: bool = True,
    wrap: bool = True,
) -> Container:
    """Display GitHub-flavoured Markdown.

    Supports emoji shortcodes (``:smile:``), colored text
    (``:red[text]``, ``:blue-background[text]``) and LaTeX between ``$``.

    Example:
        >>> import rillet as st
        >>> st.markdown("**Hello** :wave: :blue[world]")
    """
    element = pb.Element()
    if width != "auto":
        set_width(element, width, "markdown")
    element.markdown.body = clean_text(body)
    element.markdown.allow_html = bool(unsafe_allow_html)
    element.markdown.help = help_text(help)
    # ``anchors`` hides the link icons of Markdown headings; rillet draws
    # none there (headings keep their ids for #links either way).
    _layout(element.markdown, text_alignment, wrap, "markdown")
    return _emit(element)


def caption(
    body: Any,
    unsafe_allow_html: bool = False,
    *,
    help: str | None = None,
    width: str | int = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> Container:
    """Display small, muted text (a caption, footnote or aside).

    Example:
        >>> import rillet as st
        >>> st.caption("Data from the 2024 survey.")
    """
    element = pb.Element()
    set_width(element, width, "caption")
    element.markdown.body = clean_text(body)
    element.markdown.allow_html = bool(unsafe_allow_html)
    element.markdown.help = help_text(help)
    element.markdown.kind = pb.Markdown.CAPTION
    _layout(element.markdown, text_alignment, wrap, "caption")
    return _emit(element)


def latex(body: Any, *, help: str | None = None, width: str | int = "stretch") -> Container:
    """Display a LaTeX formula (a SymPy expression is also accepted).

    Example:
        >>> import rillet as st
        >>> st.latex(r"e^{i\\pi} + 1 = 0")
    """
    element = pb.Element()
    set_width(element, width, "latex")
    if type(body).__module__.startswith("sympy"):
        import sympy  # only for SymPy input

        body = sympy.latex(body)
    element.markdown.body = f"$$\n{clean_text(body)}\n$$"
    element.markdown.help = help_text(help)
    element.markdown.kind = pb.Markdown.LATEX
    return _emit(element)


def divider(*, width: str | int = "stretch") -> Container:
    """Display a horizontal rule.

    Example:
        >>> import rillet as st
        >>> st.divider()
    """
    element = pb.Element()
    set_width(element, width, "divider", content=False)
    element.markdown.body = "---"
    element.markdown.kind = pb.Markdown.DIVIDER
    return _emit(element)


def _heading(
    tag: str,
    command: str,
    body: Any,
    anchor: str | bool | None,
    help: str | None,
    divider: bool | str,
    width: str | int,
    icon: str | None,
    text_alignment: str,
    wrap: bool,
) -> Container:
    element = pb.Element()
    set_width(element, width, command)
    heading = element.heading
    heading.tag = tag
    heading.body = clean_text(body)
    heading.help = help_text(help)
    heading.icon = icon_name(icon or None, command)
    _layout(heading, text_alignment, wrap, command)
    if anchor is False:
        heading.anchor = "-"
    elif isinstance(anchor, str):
        heading.anchor = anchor
    elif anchor is not None:  # True too: an anchor is shown by default, hidden with False
        raise bad_argument("anchor", anchor, "a string, False or None", command=command)
    if divider is True:
        heading.divider = "auto"
    elif isinstance(divider, str) and divider:
        if divider not in _DIVIDER_COLORS:
            raise bad_argument(
                "divider",
                divider,
                f"True, False or one of {', '.join(_DIVIDER_COLORS)}",
                command=command,
            )
        heading.divider = divider
    elif divider not in (False, None, ""):
        raise bad_argument("divider", divider, "a bool or a color name", command=command)
    return _emit(element)


def title(
    body: Any,
    anchor: str | bool | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    width: str | int = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> Container:
    """Display text in title formatting (the page's main heading).

    Example:
        >>> import rillet as st
        >>> st.title("Sales dashboard")
    """
    return _heading("h1", "title", body, anchor, help, False, width, icon, text_alignment, wrap)


def header(
    body: Any,
    anchor: str | bool | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    divider: bool | str = False,
    width: str | int = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> Container:
    """Display text in header formatting, optionally with a colored divider.

    Example:
        >>> import rillet as st
        >>> st.header("Results", divider="blue")
    """
    return _heading("h2", "header", body, anchor, help, divider, width, icon, text_alignment, wrap)


def subheader(
    body: Any,
    anchor: str | bool | None = None,
    *,
    help: str | None = None,
    icon: str | None = None,
    divider: bool | str = False,
    width: str | int = "stretch",
    text_alignment: str = "left",
    wrap: bool = True,
) -> Container:
    """Display text in subheader formatting.

    Example:
        >>> import rillet as st
        >>> st.subheader("Details")
    """
    return _heading(
        "h3", "subheader", body, anchor, help, divider, width, icon, text_alignment, wrap
    )


def text(
    body: Any,
    *,
    help: str | None = None,
    width: str | int = "content",
    text_alignment: str = "left",
    wrap: bool = True,
) -> Container:
    """Display fixed-width, unformatted text.

    Example:
        >>> import rillet as st
        >>> st.text("No *markdown* here.")
    """
    element = pb.Element()
    set_width(element, width, "text")
    element.text.body = clean_text(body)
    element.text.help = help_text(help)
    _layout(element.text, text_alignment, wrap, "text")
    return _emit(element)


def code(
    body: Any,
    language: str | None = "python",
    *,
    line_numbers: bool = False,
    wrap_lines: bool = False,
    height: int | str | None = "content",
    width: str | int = "stretch",
) -> Container:
    """Display a code block with syntax highlighting and a copy button.

    Example:
        >>> import rillet as st
        >>> st.code("print('hi')", language="python")
    """
    if language is not None and not isinstance(language, str):
        raise bad_argument("language", language, "a language name string or None", command="code")
    element = pb.Element()
    set_width(element, width, "code")
    named_height = height is None or height in ("content", "stretch")
    if not named_height and not (isinstance(height, int) and height > 0):
        raise bad_argument(
            "height",
            height,
            "a positive int (pixels), 'content', 'stretch' or None",
            command="code",
        )
    # Code keeps its indentation; only the newline after an opening triple
    # quote and the one before the closing quote are dropped.
    element.code.code_text = str(body).removeprefix("\n").removesuffix("\n")
    element.code.language = language or "plaintext"
    element.code.show_line_numbers = bool(line_numbers)
    element.code.wrap_lines = bool(wrap_lines)
    if isinstance(height, int):
        element.code.height = height
    return _emit(element)


_ANCHOR_CHARS = re.compile(r"[^a-z0-9-]+")


def anchor_for(body: str) -> str:
    """The anchor id a heading gets when none is given."""
    return _ANCHOR_CHARS.sub("-", body.lower()).strip("-")
