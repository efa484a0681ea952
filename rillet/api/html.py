"""``st.html``: the app's own HTML, inserted into the page as it is."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.api.text import set_width
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.context import EVENT, Target
from rillet.runtime.errors import RilletAPIException, bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container

_LOG = logging.getLogger(__name__)
_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)
_STYLES = re.compile(r"<style[^>]*>.*?</style>", re.DOTALL | re.IGNORECASE)
# Longer strings, or strings with a tag, are HTML: no file-system lookup.
_MAX_PATH_LENGTH = 4096


def _looks_like_file(text: str) -> bool:
    if len(text) > _MAX_PATH_LENGTH or "<" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


def _only_styles(body: str) -> bool:
    return _STYLES.sub("", _COMMENTS.sub("", body)).strip() == ""


def _warn_string_path(body: str) -> None:
    """As Streamlit 1.67 does: a warning in the page (and the log), then the text itself."""
    note = (
        f"`st.html({body!r})` shows this text, not the file it names: a string is never "
        "read as a file. To insert the file, pass `pathlib.Path(...)` instead."
    )
    _LOG.warning(note)
    element = pb.Element()
    element.alert.format = pb.Alert.WARNING
    element.alert.body = note
    context.get().emit(element)


def html(
    body: Any, *, width: int | str = "stretch", unsafe_allow_javascript: bool = False
) -> Container:
    """Insert HTML into the page.

    ``body`` may be a string, a :class:`pathlib.Path` to a file (read as
    UTF-8; a ``.css`` file is wrapped in ``<style>``, anything else is
    inserted as it is), or an object with ``_repr_html_()``. A string is
    never read as a file name: a string naming a file shows a warning and
    is inserted as text, as in Streamlit 1.67. HTML holding only
    ``<style>`` takes no room in the page.

    Args:
        width: ``"stretch"``, ``"content"`` or pixels.
        unsafe_allow_javascript: Run the ``<script>`` elements of ``body``
            in the page. Never with HTML from the app's users: it can do
            anything the app's page can.

    Example:
        >>> import rillet as st
        >>> st.html("<p style='color: teal'>Hello <b>HTML</b></p>")
    """
    if hasattr(body, "_repr_html_") and callable(body._repr_html_):
        text = str(body._repr_html_())
    elif isinstance(body, Path):
        try:
            text = body.read_text(encoding="utf-8")
        except OSError as exc:
            raise RilletAPIException(f"st.html: cannot read {str(body)!r}: {exc}") from None
        if body.suffix.lower() == ".css":
            text = f"<style>{text}</style>"
    else:
        text = "" if body is None else str(body)
        if isinstance(body, str) and _looks_like_file(body):
            _warn_string_path(body)
    if text == "":
        raise bad_argument(
            "body",
            body,
            "non-empty HTML: a string, a pathlib.Path to a file, or an object with _repr_html_",
            command="html",
        )
    element = pb.Element()
    set_width(element, width, "html")
    ctx = context.get()
    if _only_styles(text):
        # Styles apply to the whole page wherever they are: the event root
        # keeps them out of the layout (no empty gap in the page).
        element.html.body = text
        here = ctx.target
        return handle(ctx.emit(element, Target((EVENT,), fragment_id=here.fragment_id)))
    if unsafe_allow_javascript:
        element.scripted_html.body = text
    else:
        element.html.body = text
    return handle(ctx.emit(element))
