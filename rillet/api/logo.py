"""``st.logo``: the app's logo, top left of the page and atop the sidebar."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from rillet.api.media import image_url
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument

_SIZES = ("small", "medium", "large")
_IMAGE = "an image URL, a path to an image file, image bytes, a PIL image or a numpy array"


def _url(argument: str, image: Any) -> str:
    is_picture = type(image).__module__.startswith(("PIL", "numpy"))
    if not (isinstance(image, (str, Path, bytes, bytearray, memoryview)) or is_picture):
        raise bad_argument(argument, image, _IMAGE, command="logo")
    try:
        return image_url(image)
    except RilletAPIException as exc:
        raise RilletAPIException(f"st.logo: `{argument}`: {exc}") from None


def logo(
    image: Any,
    *,
    size: Literal["small", "medium", "large"] = "medium",
    link: str | None = None,
    icon_image: Any = None,
) -> None:
    """Show the app's logo at the top of the sidebar and in the top-left corner.

    Call it at the start of every run (in each page, or in the entry script
    with ``st.navigation``): a run that does not call it removes the logo.

    Args:
        image: The logo (a URL, a path, bytes, a PIL image or a numpy array).
            Wide images suit it best; it is scaled to the height ``size``
            gives.
        size: ``"small"``, ``"medium"`` or ``"large"``.
        link: An ``http(s)`` URL the logo links to, opened in a new tab.
        icon_image: A smaller image shown in the top-left corner while the
            sidebar is closed; by default ``image``.

    Example:
        >>> import rillet as st
        >>> st.logo("https://example.com/logo.png", link="https://example.com", size="large")
    """
    if not isinstance(size, str) or size.lower() not in _SIZES:
        raise bad_argument("size", size, "'small', 'medium' or 'large'", command="logo")
    if link is not None and (
        not isinstance(link, str) or not link.lower().startswith(("http://", "https://"))
    ):
        raise bad_argument("link", link, "an http:// or https:// URL, or None", command="logo")
    message = pb.ForwardMsg()
    message.logo.image = _url("image", image)
    message.logo.icon_image = "" if icon_image is None else _url("icon_image", icon_image)
    message.logo.link = link or ""
    message.logo.size = size.lower()
    ctx = context.get()
    ctx.check_interrupt()
    ctx.send_msg(message)
