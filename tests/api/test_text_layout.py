"""Streamlit 1.67's options of text elements, callouts and toasts.

``text_alignment`` and ``wrap`` on every text element, ``icon`` on headings,
``title`` on callouts, ``duration`` on toasts.
"""

from __future__ import annotations

import pytest

from tests.api.apps import app, error, streamlit_app


def test_text_elements_carry_their_alignment_and_wrapping() -> None:
    at = app(
        "st.markdown('centred', text_alignment='center')\n"
        "st.caption('right', text_alignment='right', wrap=False)\n"
        "st.text('justified', text_alignment='justify')\n"
        "st.title('Report', icon=':material/dashboard:', wrap=False)\n"
        "st.header('Plain')\n"
    )
    protos = [at.markdown[0].proto, at.caption[0].proto]
    assert [(p.text_alignment, p.no_wrap) for p in protos] == [("center", False), ("right", True)]
    assert (at.text[0].proto.text_alignment, at.text[0].proto.no_wrap) == ("justify", False)
    title, header = at.title[0].proto, at.header[0].proto
    assert (title.icon, title.no_wrap, title.text_alignment) == (":material/dashboard:", True, "")
    assert (header.icon, header.no_wrap) == ("", False)


def test_an_empty_icon_shows_none_as_in_streamlit() -> None:
    at = app("st.subheader('No icon', icon='')")
    assert at.subheader[0].proto.icon == ""


def test_callouts_show_a_title_above_the_body() -> None:
    at = app("st.error('Disk full', title='Could not save')\nst.info('Plain')")
    assert [a.proto.title for a in at.error] == ["Could not save"]
    assert at.info[0].proto.title == ""


@pytest.mark.parametrize(
    ("duration", "seconds"), [("'short'", 0), ("'long'", 10), ("'infinite'", -1), ("7", 7)]
)
def test_a_toast_says_how_long_it_stays(duration: str, seconds: int) -> None:
    at = app(f"st.toast('Saved', duration={duration})")
    assert at.toast[0].proto.duration == seconds


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("st.markdown('x', text_alignment='middle')", ["text_alignment", "'middle'", "'justify'"]),
        ("st.title('x', icon='not an icon')", ["icon"]),
        ("st.toast('x', duration='forever')", ["duration", "'forever'", "'infinite'"]),
        ("st.toast('x', duration=0)", ["duration", "0", "positive number of seconds"]),
    ],
)
def test_bad_options_are_refused_naming_the_argument(body: str, words: list[str]) -> None:
    message = error(body)
    for word in words:
        assert word in message


@pytest.mark.streamlit
@pytest.mark.parametrize(
    "body",
    [
        "st.markdown('x', text_alignment='middle')",
        "st.toast('x', duration='forever')",
        "st.markdown('x', text_alignment='center', wrap=False, anchors=False, width='auto')",
        "st.warning('x', title='T')",
    ],
)
def test_streamlit_accepts_and_refuses_the_same(body: str) -> None:
    theirs = streamlit_app(body).run()
    ours = app(body)
    assert bool(theirs.exception) == bool(ours.exception)
