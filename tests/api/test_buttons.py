"""Streamlit 1.67's button options: icon_position, shortcut, wrap, and link_button's on_click."""

from __future__ import annotations

import pytest

from tests.api.apps import app, error, shown, streamlit_app


def test_every_button_sends_its_layout() -> None:
    at = app(
        "st.button('Save', icon='💾', icon_position='right', shortcut='Ctrl+S', wrap=False)\n"
        "st.download_button('Get', 'data', shortcut='Esc', wrap=True)\n"
        "st.link_button('Docs', 'https://example.com', shortcut='F1')\n"
        "with st.form('f'):\n"
        "    st.form_submit_button('Go', shortcut='Enter')\n"
    )
    save = at.button[0].proto.layout
    assert (save.icon_right, save.shortcut, save.wrap) == (True, "ctrl+s", "nowrap")
    assert at.button[1].proto.layout.shortcut == "enter"
    download = at.get("download_button")[0].proto.layout
    assert (download.shortcut, download.wrap) == ("escape", "wrap")
    assert at.get("link_button")[0].proto.layout.shortcut == "f1"


@pytest.mark.parametrize(
    ("shortcut", "stored"),
    [("K", "k"), ("ctrl+k", "ctrl+k"), ("Cmd+Shift+O", "cmd+shift+o"), ("Esc", "escape")],
)
def test_shortcuts_are_stored_as_streamlit_stores_them(shortcut: str, stored: str) -> None:
    at = app(f"st.button('B', shortcut={shortcut!r})")
    assert at.button[0].proto.layout.shortcut == stored


@pytest.mark.parametrize(
    "shortcut", ["C", "Ctrl+R", ".", "Ctrl+", "Hyper+K", "kk", "Ctrl+Shift", ""]
)
def test_a_shortcut_no_keyboard_can_press_is_refused(shortcut: str) -> None:
    message = error(f"st.button('B', shortcut={shortcut!r})")
    assert "shortcut" in message and repr(shortcut) in message and "Ctrl+K" in message


@pytest.mark.streamlit
@pytest.mark.parametrize("shortcut", ["K", "C", "Ctrl+R", ".", "Hyper+K", "F11", "enter"])
def test_shortcuts_are_accepted_and_refused_as_in_streamlit(shortcut: str) -> None:
    body = f"st.button('B', shortcut={shortcut!r})"
    assert bool(app(body).exception) == bool(streamlit_app(body).run().exception)


@pytest.mark.parametrize(
    ("body", "argument"),
    [
        ("st.button('B', icon_position='top')", "icon_position"),
        ("st.button('B', wrap='yes')", "wrap"),
        ("st.link_button('L', 'https://x.org', on_click='later')", "on_click"),
    ],
)
def test_bad_layout_options_name_the_argument(body: str, argument: str) -> None:
    assert argument in error(body)


def test_a_link_button_that_reruns_is_a_widget() -> None:
    at = app(
        "clicked = st.link_button('Docs', 'https://example.com', on_click='rerun', key='docs')\n"
        "st.write(repr(clicked))\n"
        "st.write(repr(type(st.link_button('Plain', 'https://example.com')).__name__))\n"
    )
    assert shown(at) == ["False", "'Container'"]
    rerunning, plain = (link.proto for link in at.get("link_button"))
    assert rerunning.common.key == "docs" and rerunning.common.id != ""
    assert plain.common.id == ""
    assert "docs" in at.session_state
