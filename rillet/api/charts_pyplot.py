"""``st.pyplot``: a Matplotlib figure, rendered to PNG on the script side.

The PNG goes through the media store (``rillet.api.media``) and shows as an
image, as in Streamlit (AppTest sees it in ``at.image``). It is rendered at
twice the figure's resolution and sized by CSS at half its pixels, so it
stays crisp on high-DPI screens.
"""

from __future__ import annotations

import io
import struct
from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.api.charts_plotly import container_width, size_text
from rillet.api.media import store
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container

_COMMAND = "pyplot"
SCALE = 2  # device pixels per CSS pixel the PNG is rendered for


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height in pixels of a PNG.

    Example:
        >>> png_size(b"\\x89PNG\\r\\n\\x1a\\n" + b"\\x00\\x00\\x00\\rIHDR" + bytes([0, 0, 1, 0, 0, 0, 0, 200]))
        (256, 200)
    """
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def render_png(fig: Any, savefig_kwargs: dict[str, Any]) -> bytes:
    """The figure as PNG bytes at ``SCALE`` times its resolution (``dpi`` given wins).

    Example:
        >>> import matplotlib.figure
        >>> render_png(matplotlib.figure.Figure(figsize=(1, 1)), {})[:4]
        b'\\x89PNG'
    """
    options: dict[str, Any] = {"bbox_inches": "tight", **savefig_kwargs, "format": "png"}
    if "dpi" not in savefig_kwargs:
        options["dpi"] = float(getattr(fig, "dpi", 100) or 100) * SCALE
    buffer = io.BytesIO()
    try:
        fig.savefig(buffer, **options)
    except (TypeError, ValueError) as exc:
        raise RilletAPIException(f"st.{_COMMAND}: the figure could not be saved: {exc}") from None
    return buffer.getvalue()


def pyplot(
    fig: Any,
    clear_figure: bool = False,
    *,
    width: int | str = "stretch",
    use_container_width: bool | None = None,
    alt: str | None = None,
    **kwargs: Any,
) -> Container:
    """Display a Matplotlib figure.

    Args:
        fig: The figure (``fig, ax = plt.subplots()``), or anything with
            Matplotlib's ``savefig`` (a seaborn grid).
        clear_figure: Clear the figure after drawing it.
        width: ``"stretch"`` (the container's width), ``"content"`` (the
            figure's own size) or pixels.
        use_container_width: Deprecated: ``True`` is ``width="stretch"``.
        alt: Not shown; kept for Streamlit's signature.
        **kwargs: Passed to ``savefig`` (``dpi``, ``transparent``, ...);
            deprecated, as in Streamlit: the page shows a warning.

    Example:
        >>> import matplotlib.pyplot as plt
        >>> import rillet as st
        >>> fig, ax = plt.subplots()
        >>> ax.plot([1, 3, 2])
        >>> st.pyplot(fig)
    """
    if not callable(getattr(fig, "savefig", None)):
        raise bad_argument(
            "fig",
            fig,
            "a Matplotlib figure (e.g. `fig, ax = plt.subplots()`), or an object with `savefig`",
            command=_COMMAND,
        )
    width = container_width(use_container_width, width, _COMMAND)  # type: ignore[assignment]
    width_text = size_text(width, "width", _COMMAND, ("stretch", "content"))
    if kwargs:
        from rillet.compat.deprecation import show_deprecation_warning

        show_deprecation_warning(
            f"st.{_COMMAND}: passing savefig options ({', '.join(sorted(kwargs))}) is deprecated. "
            "The figure is already saved tightly cropped at twice its resolution; for other "
            "options save it to a BytesIO yourself and show it with st.image."
        )
    png = render_png(fig, kwargs)
    if clear_figure:
        clf = getattr(fig, "clf", None)
        if callable(clf):
            clf()
    element = pb.Element()
    images = element.imgs
    if width_text == "stretch":
        images.width = -1
    elif width_text == "content":
        dpi_given = "dpi" in kwargs
        # Shown at the figure's own size: half the pixels rendered for high-DPI screens.
        images.width = max(1, png_size(png)[0] // (1 if dpi_given else SCALE))
    else:
        images.width = int(width_text)
    images.imgs.add(url=store(png, "image/png"), caption="")
    return handle(context.get().emit(element))
