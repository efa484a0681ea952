"""``st.pdf``: a PDF shown page by page in the app (pdf.js in the client)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rillet.api._command import handle
from rillet.api.media import store
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container

_ACCEPTED = (
    "a file path, an http(s) URL, a pathlib.Path, bytes, or a file-like object "
    "(such as an st.file_uploader file)"
)


def _source(data: Any) -> tuple[str | None, bytes | None]:
    """``(url, None)`` for a web address, else ``(None, the PDF's bytes)``."""
    if isinstance(data, (str, Path)):
        text = str(data).strip()
        if isinstance(data, str) and text.lower().startswith(("http://", "https://")):
            return text, None
        try:
            return None, Path(text).read_bytes()
        except OSError as exc:
            raise RilletAPIException(f"st.pdf: cannot read the file {text!r}: {exc}") from None
    if isinstance(data, (bytes, bytearray, memoryview)):
        return None, bytes(data)
    getvalue = getattr(data, "getvalue", None)
    if callable(getvalue):
        return None, bytes(getvalue())
    read = getattr(data, "read", None)
    if callable(read):
        return None, bytes(read())
    raise bad_argument("data", data, _ACCEPTED, command="pdf")


def pdf(
    data: Any,
    *,
    height: int | Literal["stretch"] = 500,
    key: str | None = None,
    alt: str | None = None,
) -> Container:
    """Display a PDF in a scrolling viewer, every page drawn in the page.

    The viewer (pdf.js) comes with rillet and loads only when a PDF is
    shown; it needs no internet connection.

    Args:
        data: A file path, an ``http(s)`` URL (the browser fetches it: the
            site must allow it), a :class:`pathlib.Path`, the PDF's bytes, or
            a file-like object such as what ``st.file_uploader`` returns.
        height: The viewer's height in pixels, or ``"stretch"``.
        key: Names the element (its CSS class is ``st-key-<key>``).
        alt: What screen readers announce for the document.

    Example:
        >>> import rillet as st
        >>> pdf_bytes = b"%PDF-1.4 ..."  # e.g. st.file_uploader(...).getvalue()
        >>> st.pdf(pdf_bytes, height=600, alt="The quarterly report")
    """
    if data is None:
        raise bad_argument("data", data, _ACCEPTED, command="pdf")
    stretch = height == "stretch"
    if not stretch and (isinstance(height, bool) or not isinstance(height, int) or height <= 0):
        raise bad_argument("height", height, "a positive int (pixels) or 'stretch'", command="pdf")
    if key is not None and not isinstance(key, str):
        raise bad_argument("key", key, "a string or None", command="pdf")
    if alt is not None and not isinstance(alt, str):
        raise bad_argument("alt", alt, "a string or None", command="pdf")
    url, content = _source(data)
    if content is not None:
        if not content.lstrip()[:5] == b"%PDF-":
            raise RilletAPIException(
                f"st.pdf: `data` is not a PDF: it starts with {content[:8]!r}, "
                "where a PDF starts with b'%PDF-'."
            )
        url = store(content, "application/pdf", "document.pdf")
    element = pb.Element()
    element.pdf.url = url or ""
    element.pdf.height = 0 if stretch else int(height)
    element.pdf.stretch_height = stretch
    element.pdf.alt = (alt or "").strip()
    element.pdf.key = key or ""
    return handle(context.get().emit(element))
