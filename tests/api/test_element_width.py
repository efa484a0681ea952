"""``width`` of the commands that size their element as a whole reaches the page.

The client sizes the element's box from ``Element.width``: "" fills the
container, ``"content"`` fits the content, ``"<n>px"`` is fixed.
"""

from __future__ import annotations

import pytest

from tests.api.apps import app, error


def _widths(at: object, kind: str) -> list[str]:
    return [el._node.element.width for el in getattr(at, kind)]


def test_text_callouts_json_and_metric_carry_their_width() -> None:
    at = app(
        "st.markdown('fill')\n"
        "st.markdown('fit', width='content')\n"
        "st.caption('fixed', width=240)\n"
        "st.title('T', width='content')\n"
        "st.code('x = 1', width=300)\n"
        "st.text('t', width='stretch')\n"
        "st.error('e', width=320)\n"
        "st.json({'a': 1}, width=200)\n"
        "st.metric('m', 1, width='content')\n"
        "st.exception(ValueError('v'), width=400)\n"
    )
    assert _widths(at, "markdown") == ["", "content"]
    assert _widths(at, "caption") == ["240px"]
    assert _widths(at, "title") == ["content"]
    assert _widths(at, "code") == ["300px"]
    assert _widths(at, "text") == [""]
    assert _widths(at, "error") == ["320px"]
    assert _widths(at, "json") == ["200px"]
    assert _widths(at, "metric") == ["content"]
    assert _widths(at, "exception") == ["400px"]


@pytest.mark.parametrize(
    "call",
    [
        "st.markdown('x', width=0)",
        "st.error('x', width='content')",
        "st.json({}, width=-5)",
        "st.metric('m', 1, width=True)",
    ],
)
def test_a_bad_width_names_the_argument_and_what_is_accepted(call: str) -> None:
    message = error(call)
    assert "`width`" in message and "positive int (pixels)" in message


def test_a_button_of_so_many_pixels_fills_a_box_of_that_width() -> None:
    at = app(
        "st.button('Wide', width=240)\n"
        "st.button('Fit')\n"
        "st.button('Fill', width='stretch')\n"
        "st.link_button('Go', 'https://example.com', width=180)\n"
    )
    sizes = [(b._node.element.width, b._node.element.use_container_width) for b in at.button]
    assert sizes == [("240px", True), ("", False), ("", True)]
    link = at.get("link_button")[0]._node.element
    assert (link.width, link.use_container_width) == ("180px", True)
