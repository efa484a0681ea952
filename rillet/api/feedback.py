"""``st.feedback``: thumbs, faces or stars, for rating an answer.

The value is the index of the chosen icon, or ``None``: thumbs give 0
(down) or 1 (up); faces and stars give 0 to 4. On the wire it is
``int_value``; no value means ``None``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rillet.api.url_codecs import ValueUrl
from rillet.api.widget_args import width_text
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Key, OnChange, Widget, register

# How many icons each kind shows.
_KINDS: dict[str, tuple[pb.Feedback.Kind.ValueType, int]] = {
    "thumbs": (pb.Feedback.THUMBS, 2),
    "faces": (pb.Feedback.FACES, 5),
    "stars": (pb.Feedback.STARS, 5),
}


class ChoiceSerde:
    """One of ``count`` icons as its index; ``None`` when nothing is chosen."""

    def __init__(self, count: int) -> None:
        self.count = count

    def deserialize(self, state: pb.WidgetState) -> int | None:
        if not state.HasField("int_value"):
            return None
        if not 0 <= state.int_value < self.count:
            raise IndexError(f"feedback index {state.int_value} of {self.count} icons")
        return int(state.int_value)

    def serialize(self, value: int | None, state: pb.WidgetState) -> None:
        if value is not None:
            state.int_value = int(value)


def feedback(
    options: str = "thumbs",
    *,
    key: Key | None = None,
    default: int | None = None,
    disabled: bool = False,
    on_change: OnChange = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    width: str | int = "content",
    bind: str | None = None,
    persist_state: str | None = None,
) -> int | None:
    """Display a row of thumbs, faces or stars; returns the chosen index or ``None``.

    ``options`` is ``"thumbs"`` (0 = down, 1 = up), ``"faces"`` or
    ``"stars"`` (0 to 4). Clicking the chosen icon again clears the choice.

    Example:
        >>> import rillet as st
        >>> rating = st.feedback("stars")
        >>> if rating is not None:
        ...     st.write(f"You gave {rating + 1} stars")
    """
    kind = _KINDS.get(options) if isinstance(options, str) else None
    if kind is None:
        raise bad_argument("options", options, "'thumbs', 'faces' or 'stars'", command="feedback")
    style, count = kind
    if default is not None:
        if not isinstance(default, int):
            raise bad_argument(
                "default", default, f"an int from 0 to {count - 1}, or None", command="feedback"
            )
        if not 0 <= default < count:
            raise RilletAPIException(
                f"st.feedback: `default` must be between 0 and {count - 1} for "
                f"options={options!r}, got {default!r}."
            )
    width_wire = width_text(width, "feedback")

    def build(current: int | None) -> pb.Element:
        element = pb.Element()
        element.feedback.kind = style
        element.feedback.value = -1 if current is None else current
        element.feedback.width = width_wire
        return element

    def fit(held: Any) -> Any:
        fits = held is None or (isinstance(held, int) and 0 <= held < count)
        return held if fits else default

    return register(
        Widget(
            kind="feedback",
            label="Feedback",  # the accessible name of the row; never shown
            default=default,
            serde=ChoiceSerde(count),
            build=build,
            identity=(options, default),
            key_identity=(options,),
            key=key,
            disabled=disabled,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=default is not None,
            fit=fit,
            bind=bind,
            url=ValueUrl(int),
            persist_state=persist_state,
        )
    )
