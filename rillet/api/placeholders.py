"""Room on the page: ``st.space`` and the ``st.skeleton`` loading placeholder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from rillet.api._command import handle
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container
    from rillet.api.container_types import SkeletonPlaceholder

SpaceSize = (
    Literal["stretch", "xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge"] | int
)
_SPACE_NAMES = ("stretch", "xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")


def space(size: SpaceSize = "small") -> Container:
    """Add empty room: vertical down the page, horizontal in a horizontal container.

    Args:
        size: ``"xxsmall"`` to ``"xxlarge"`` (``"small"``, the default, is
            about the height of a widget's label; ``"medium"`` that of a
            button), ``"stretch"`` (all the room left), or pixels.

    Example:
        >>> import rillet as st
        >>> st.write("Above")
        >>> st.space("large")
        >>> st.write("Below, further down")
    """
    # As in Streamlit, an int counts in pixels (``True`` too, being 1).
    if isinstance(size, int) and size > 0:
        wire = f"{size}px"
    elif isinstance(size, str) and size in _SPACE_NAMES:
        wire = size
    else:
        names = ", ".join(repr(n) for n in _SPACE_NAMES)
        raise bad_argument(
            "size", size, f"one of {names} or a positive int (pixels)", command="space"
        )
    element = pb.Element()
    element.space.size = wire
    return handle(context.get().emit(element))


def _pixels_or_stretch(argument: str, value: object) -> int:
    """A positive int of pixels, or 0 for ``"stretch"``."""
    if value == "stretch":
        return 0
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    raise bad_argument(argument, value, "a positive int (pixels) or 'stretch'", command="skeleton")


def skeleton(
    height: int | Literal["stretch"] | None = None,
    *,
    width: int | Literal["stretch"] = "stretch",
) -> SkeletonPlaceholder:
    """Show a pulsing placeholder where content will appear; write to it to replace it.

    Like ``st.empty()``, the returned placeholder holds one element: the
    first command called on it replaces the skeleton. Used with ``with``,
    the skeleton shows only if the block takes longer than half a second,
    and goes when the block ends.

    Args:
        height: Pixels, ``"stretch"``, or ``None`` for about one line.
        width: Pixels or ``"stretch"`` (the container's width).

    Example:
        >>> import rillet as st
        >>> slot = st.skeleton(height=200)
        >>> slot.write("Loaded!")
        >>> with st.skeleton():
        ...     result = sum(range(1000))
    """
    pixels = 0 if height is None else _pixels_or_stretch("height", height)
    across = _pixels_or_stretch("width", width)
    element = pb.Element()
    element.skeleton.height = pixels
    element.skeleton.stretch_height = height == "stretch"
    element.skeleton.width = f"{across}px" if across else "stretch"
    from rillet.api.container_types import SkeletonPlaceholder

    ctx = context.get()
    return SkeletonPlaceholder(ctx.emit(element), element)
