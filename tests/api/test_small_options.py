"""Smaller Streamlit 1.67 options: page visibility and help, help width, checkbox wrap,
number_input icon and required."""

from __future__ import annotations

import pytest

from tests.api.apps import app, error, streamlit_app


def test_a_hidden_page_is_sent_but_marked_hidden_with_its_help() -> None:
    at = app(
        "def home():\n    st.write('home')\n"
        "def admin():\n    st.write('admin')\n"
        "pages = [st.Page(home, help='The start.'), st.Page(admin, visibility='hidden')]\n"
        "st.navigation(pages).run()\n"
    )
    entries = [spec.to_proto() for spec in at._session.pages.pages()]  # what the menu gets
    assert [(e.title, e.hidden, e.help) for e in entries] == [
        ("home", False, "The start."),
        ("admin", True, ""),
    ]


def test_checkbox_and_toggle_labels_say_how_they_wrap() -> None:
    at = app("st.checkbox('A', wrap=False)\nst.toggle('B', wrap=True)\nst.checkbox('C')")
    assert [c.proto.wrap for c in at.checkbox] + [at.toggle[0].proto.wrap] == [
        "nowrap",
        "",
        "wrap",
    ]


def test_number_input_icon_and_required_reach_the_client() -> None:
    proto = app("st.number_input('N', icon='💶', required=True)").number_input[0].proto
    assert (proto.icon, proto.required) == ("💶", True)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("st.Page(lambda: None, title='T', url_path='t', visibility='secret')", ["visibility"]),
        ("st.help(len, width='content')", ["width", "'content'"]),
        ("st.checkbox('A', wrap='no')", ["wrap", "'no'"]),
        ("st.number_input('N', icon='not an icon')", ["icon"]),
    ],
)
def test_bad_small_options_name_the_argument(body: str, words: list[str]) -> None:
    message = error(body)
    for word in words:
        assert word in message


@pytest.mark.streamlit
@pytest.mark.parametrize(
    "body",
    [
        "st.help(len, width=300)",
        "st.checkbox('A', wrap=False)",
        "st.number_input('N', icon='💶', required=True)",
        "st.Page(lambda: None, title='T', url_path='t', visibility='hidden', help='h')",
    ],
)
def test_small_options_are_accepted_as_in_streamlit(body: str) -> None:
    assert bool(app(body).exception) == bool(streamlit_app(body).run().exception)
