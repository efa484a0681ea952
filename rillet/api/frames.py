"""``st.iframe`` (Streamlit 1.67): a URL, a local file or raw HTML in a frame.

Unlike ``components.v1.iframe``, the frame sizes itself: ``height="content"``
follows an inline document's own height, and a URL gets 400 pixels (its
page is another origin's and cannot be measured).
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import TYPE_CHECKING

from rillet.api._command import handle
from rillet.api.iframe import check_tab_index
from rillet.api.media import store
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container

COMMAND = "iframe"
_URL_PREFIXES = ("http://", "https://", "data:", "/")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def _size(name: str, value: object, keywords: tuple[str, str]) -> tuple[int, str]:
    """Pixels, or a keyword: (pixels, "") or (0, keyword)."""
    if isinstance(value, str) and value in keywords:
        return 0, value
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value, ""
    accepted = f"{keywords[0]!r}, {keywords[1]!r} or a positive int (pixels)"
    raise bad_argument(name, value, accepted, command=COMMAND)


def _source(src: object) -> tuple[str, str]:
    """(src, srcdoc) for what was given: a URL, a file path or raw HTML."""
    if isinstance(src, Path):
        path = src.expanduser()
        if not path.is_file():
            raise bad_argument(
                "src", src, "an existing file (a Path), a URL or HTML", command=COMMAND
            )
        if path.suffix.lower() in _HTML_SUFFIXES:
            return "", path.read_text(encoding="utf-8")
        mimetype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return store(path.read_bytes(), mimetype, path.name), ""
    if not isinstance(src, str) or not src.strip():
        raise bad_argument("src", src, "a URL, a pathlib.Path or a string of HTML", command=COMMAND)
    text = src.strip()
    if text.lower().startswith(_URL_PREFIXES) and "\n" not in text:
        return text, ""
    return "", src


def iframe(
    src: str | Path,
    *,
    width: int | str = "stretch",
    height: int | str = "content",
    tab_index: int | None = None,
    alt: str | None = None,
) -> Container:
    """Embed a web page, a local file or HTML in a frame.

    Args:
        src: An ``http(s)://`` or ``data:`` URL, or a path on this server
            (``/app/static/report.html``); a ``pathlib.Path`` to a local
            file (HTML is embedded, other files are served as media); any
            other string is HTML. A string is never read as a file path.
        width: ``"stretch"`` (the container's width), ``"content"`` or pixels.
        height: ``"content"`` (an HTML document's own height; 400 pixels for
            a URL), ``"stretch"`` or pixels.
        tab_index: The frame's place in the keyboard tab order (``-1``:
            reached by script only); ``None`` is the browser's default.
        alt: A description of the frame for screen readers.

    Example:
        >>> import rillet as st
        >>> st.iframe("https://example.com", height=400)  # doctest: +SKIP
        >>> st.iframe("<h1>Hello</h1><p>from a frame</p>")  # doctest: +SKIP
    """
    url, document = _source(src)
    width_px, width_mode = _size("width", width, ("stretch", "content"))
    height_px, height_mode = _size("height", height, ("content", "stretch"))
    index = check_tab_index(tab_index, COMMAND)
    if alt is not None and not isinstance(alt, str):
        raise bad_argument("alt", alt, "a string or None", command=COMMAND)
    element = pb.Element()
    frame = element.iframe
    frame.src, frame.srcdoc = url, document
    frame.width, frame.width_mode = width_px, width_mode
    frame.height, frame.height_mode = height_px, height_mode
    frame.alt = alt or ""
    if index is not None:
        frame.tab_index, frame.has_tab_index = index, True
    return handle(context.get().emit(element))
