"""Streamlit 1.67's widget options that every widget shares.

``bind="query-params"`` keeps a widget's value in the URL, ``persist_state``
keeps it while the widget is not shown, and ``on_change="ignore"`` lets a
change wait for the next rerun.
"""

from __future__ import annotations

import datetime as dt

import pytest

from rillet.testing import AppTest
from tests.api.apps import HEADER, app, error, shown, streamlit_app


def bound(body: str, **query: str | list[str]) -> AppTest:
    at = AppTest.from_string(HEADER + body)
    at.query_params.update(query)
    return at.run()


WIDGETS = (
    "st.write(repr(st.checkbox('Agree', key='agree', bind='query-params')))\n"
    "st.write(repr(st.selectbox('Genre', ['Comedy', 'Drama'], key='genre',"
    " bind='query-params')))\n"
    "st.write(repr(st.multiselect('Tags', ['a', 'b', 'c'], key='tags', bind='query-params')))\n"
    "st.write(repr(st.slider('Price', 0, 100, (10, 90), key='price', bind='query-params')))\n"
    "st.write(repr(st.date_input('Day', dt.date(2026, 1, 1), key='day', bind='query-params')))\n"
    "st.write(repr(st.text_input('Name', key='name', bind='query-params')))\n"
)


def test_a_bound_widget_starts_from_the_urls_value() -> None:
    at = bound(
        WIDGETS,
        agree="true",
        genre="Drama",
        tags=["c", "a"],
        price=["20", "30"],
        day="2026-05-04",
        name="Ada",
    )
    assert shown(at) == [
        "True",
        "'Drama'",
        "['c', 'a']",
        "(20, 30)",
        "datetime.date(2026, 5, 4)",
        "'Ada'",
    ]


def test_a_url_value_the_widget_cannot_hold_is_ignored_and_taken_out_of_the_url() -> None:
    at = bound(WIDGETS, agree="maybe", genre="Horror", price=["5"], day="soon")
    assert shown(at)[:5] == ["False", "'Comedy'", "[]", "(10, 90)", "datetime.date(2026, 1, 1)"]
    assert at.query_params == {}


def test_changing_a_bound_widget_writes_the_url_and_its_default_leaves_it() -> None:
    at = bound(WIDGETS)
    at.selectbox[0].select("Drama").run()
    at.multiselect[0].select("b").select("c").run()
    at.slider[0].set_range(5, 50).run()
    assert at.query_params == {"genre": "Drama", "tags": ["b", "c"], "price": ["5", "50"]}

    at.selectbox[0].select("Comedy").run()
    assert "genre" not in at.query_params


def test_options_travel_as_the_labels_the_user_sees() -> None:
    at = bound(
        "st.write(repr(st.radio('N', [1, 2, 3], key='n', format_func=lambda n: f'#{n}',"
        " bind='query-params')))",
        n="#3",
    )
    assert shown(at) == ["3"]
    at.radio[0].set_value(2).run()
    assert at.query_params == {"n": "#2"}


def test_the_url_only_seeds_a_widget_once() -> None:
    at = bound("st.write(repr(st.number_input('N', value=1, key='n', bind='query-params')))", n="4")
    assert shown(at) == ["4"]
    at.number_input[0].set_value(7).run()
    at.query_params["n"] = "9"
    at.run()
    assert shown(at) == ["7"]


def test_session_state_wins_over_the_url() -> None:
    at = bound(
        "st.session_state.t = dt.time(9, 30)\n"
        "st.write(repr(st.time_input('T', dt.time(8, 0), key='t', bind='query-params')))",
        t="10:15",
    )
    assert shown(at) == ["datetime.time(9, 30)"]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("st.checkbox('A', bind='query-params')", ["`bind='query-params'` needs a `key`"]),
        ("st.checkbox('A', key='a', bind='url')", ["bind", "'url'", "'query-params' or None"]),
        ("st.slider('A', key='a', persist_state=True)", ["persist_state", "'page', 'session'"]),
        ("st.text_input('A', persist_state='session')", ["`persist_state` needs a `key`"]),
        ("st.toggle('A', on_change='later')", ["on_change", "'later'", "'rerun', 'ignore'"]),
    ],
)
def test_bad_options_are_refused_naming_the_argument(body: str, words: list[str]) -> None:
    message = error(body)
    for word in words:
        assert word in message


HIDEABLE = (
    "if st.checkbox('Show', value=True):\n"
    "    st.text_input('Kept', key='kept', persist_state='session')\n"
    "    st.text_input('Lost', key='lost')\n"
    "st.write(repr(sorted(k for k in st.session_state if k in ('kept', 'lost'))))\n"
)


def test_persist_state_keeps_a_hidden_widgets_value_until_it_is_shown_again() -> None:
    at = app(HIDEABLE)
    at.text_input(key="kept").input("mine").run()
    at.text_input(key="lost").input("gone").run()
    at.checkbox[0].uncheck().run()
    assert shown(at) == ["['kept', 'lost']"]  # forgotten when the run ends
    at.run()
    assert shown(at) == ["['kept']"]
    at.checkbox[0].check().run()
    assert (at.text_input(key="kept").value, at.text_input(key="lost").value) == ("mine", "")


def test_persist_state_page_ends_when_another_page_runs() -> None:
    body = (
        "def first():\n"
        "    st.text_input('A', key='a', persist_state='page')\n"
        "    st.text_input('B', key='b', persist_state='session')\n"
        "def second():\n"
        "    st.write(repr(sorted(k for k in st.session_state if k in ('a', 'b'))))\n"
        "st.navigation([st.Page(first, title='First'), st.Page(second, title='Second')]).run()\n"
    )
    at = app(body)
    at.text_input(key="a").input("x").run()
    at.text_input(key="b").input("y").run()
    at.switch_page("second").run().run()
    assert shown(at) == ["['b']"]
    at.switch_page("").run()
    assert (at.text_input(key="a").value, at.text_input(key="b").value) == ("", "y")


def test_on_change_ignore_tells_the_client_not_to_rerun() -> None:
    at = app(
        "st.checkbox('Quiet', on_change='ignore')\n"
        "st.checkbox('Loud', on_change='rerun')\n"
        "st.checkbox('Called', on_change=lambda: None)"
    )
    assert [c.proto.common.no_rerun for c in at.checkbox] == [True, False, False]
    at.checkbox[0].check().run()
    assert at.checkbox[0].value is True


def test_every_value_widget_takes_the_options_of_streamlit_1_67() -> None:
    import inspect

    import rillet as st

    for name in (
        "checkbox",
        "toggle",
        "radio",
        "selectbox",
        "multiselect",
        "slider",
        "select_slider",
        "text_input",
        "text_area",
        "number_input",
        "date_input",
        "time_input",
        "color_picker",
    ):
        params = inspect.signature(getattr(st, name)).parameters
        assert params["on_change"].default == "rerun", name
        assert params["bind"].default is None, name
        assert params["persist_state"].default is None, name
    assert dt.date(2026, 1, 1)  # the header's import, used by WIDGETS


@pytest.mark.streamlit
@pytest.mark.parametrize(
    "query",
    [
        {"agree": "true", "genre": "Drama", "tags": ["c", "a"], "price": ["20", "30"]},
        {"day": "2026-05-04", "name": "Ada"},
        {"agree": "maybe", "genre": "Horror", "price": ["5"], "day": "soon"},
    ],
)
def test_seeding_from_the_url_matches_streamlit(query: dict[str, str | list[str]]) -> None:
    theirs = streamlit_app(WIDGETS)
    theirs.query_params.update(query)
    theirs.run()
    assert shown(bound(WIDGETS, **query)) == [m.value for m in theirs.markdown]
