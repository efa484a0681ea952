"""``st.pagination``: page buttons, with previous/next arrows.

The value is the current page, from 1 (``int_value`` on the wire). With
more pages than ``max_visible_pages``, the first and last pages stay and
the client shows the gaps as ellipses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rillet.api.url_codecs import ValueUrl
from rillet.api.widget_args import width_text
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Key, OnChange, Widget, register


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class PageSerde:
    """The current page as an int; a page the widget lacks is refused."""

    def __init__(self, num_pages: int) -> None:
        self.num_pages = num_pages

    def deserialize(self, state: pb.WidgetState) -> int:
        if not state.HasField("int_value"):
            raise ValueError("no page given")
        if not 1 <= state.int_value <= self.num_pages:
            raise IndexError(f"page {state.int_value} of {self.num_pages}")
        return int(state.int_value)

    def serialize(self, value: int, state: pb.WidgetState) -> None:
        state.int_value = int(value)


def pagination(
    num_pages: int,
    *,
    default: int = 1,
    max_visible_pages: int | None = 7,
    width: str | int = "content",
    key: Key | None = None,
    on_change: OnChange = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    disabled: bool = False,
    bind: str | None = None,
    persist_state: str | None = None,
) -> int:
    """Display page buttons 1 to ``num_pages``; returns the current page.

    ``max_visible_pages`` caps how many page buttons show at once (the
    first and last always do, gaps become ellipses); ``None`` shows every
    page and ``0`` only the previous/next arrows.

    Example:
        >>> import rillet as st
        >>> rows = list(range(95))
        >>> page = st.pagination(10)
        >>> st.write(rows[(page - 1) * 10 : page * 10])
    """
    if not _is_int(num_pages) or num_pages < 1:
        raise bad_argument("num_pages", num_pages, "an int of at least 1", command="pagination")
    if not _is_int(default):
        raise bad_argument(
            "default", default, f"an int from 1 to {num_pages}", command="pagination"
        )
    if not 1 <= default <= num_pages:
        raise RilletAPIException(
            f"st.pagination: `default` must be a page from 1 to {num_pages} "
            f"(num_pages), got {default!r}."
        )
    if max_visible_pages is not None and (not _is_int(max_visible_pages) or max_visible_pages < 0):
        raise bad_argument(
            "max_visible_pages",
            max_visible_pages,
            "an int of at least 0 (0: arrows only), or None (every page)",
            command="pagination",
        )
    width_wire = width_text(width, "pagination")
    visible = -1 if max_visible_pages is None else max_visible_pages

    def build(current: int) -> pb.Element:
        element = pb.Element()
        element.pagination.num_pages = num_pages
        element.pagination.value = current
        element.pagination.max_visible_pages = visible
        element.pagination.width = width_wire
        return element

    def fit(held: Any) -> Any:
        return held if _is_int(held) and 1 <= held <= num_pages else default

    page: int = register(
        Widget(
            kind="pagination",
            label="Pagination",
            default=default,
            serde=PageSerde(num_pages),
            build=build,
            identity=(num_pages, default, visible),
            key_identity=(num_pages,),
            key=key,
            disabled=disabled,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=default != 1,
            fit=fit,
            bind=bind,
            url=ValueUrl(int),
            persist_state=persist_state,
        )
    )
    return page
