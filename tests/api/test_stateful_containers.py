"""Tabs, expanders and popovers that track whether they are open (Streamlit 1.67).

With ``on_change="rerun"``, a callback or ``bind``, the container's state is
a widget value under its key, and ``.open`` tells the script.
"""

from __future__ import annotations

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.testing import AppTest
from tests.api.apps import HEADER, app, error, shown, streamlit_app

STATEFUL = (
    "t1, t2 = st.tabs(['A', 'B'], key='tabs', on_change='rerun', default='B')\n"
    "st.write(t1.open, t2.open, st.session_state.get('tabs'))\n"
    "e = st.expander('Exp', key='exp', on_change='rerun')\n"
    "st.write(e.open, st.session_state.get('exp'))\n"
    "p = st.popover('Pop', key='pop', on_change='rerun')\n"
    "st.write(p.open, st.session_state.get('pop'))\n"
    "u1, u2 = st.tabs(['X', 'Y'])\n"
    "st.write(repr(u1.open))\n"
    "st.write(repr(st.expander('plain').open))\n"
)


@pytest.mark.streamlit
def test_open_state_and_session_state_match_streamlit() -> None:
    theirs = streamlit_app(STATEFUL).run()
    assert shown(app(STATEFUL)) == [m.value for m in theirs.markdown]


def _tab_sets(at: AppTest) -> list[pb.Block]:
    """The tab-set blocks of the main area, as the client receives them."""
    return [
        node.block
        for node in at.main._node.ordered()
        if node.block is not None and node.block.HasField("tab_container")
    ]


def test_the_block_carries_its_widget_and_state() -> None:
    at = app(STATEFUL)
    holder, expander = _tab_sets(at)[0], at.expander[0]
    assert holder.tab_container.selected == "B"
    assert holder.widget.key == "tabs"
    assert expander.proto.widget.key == "exp" and not expander.proto.expander.expanded


def _switch(at: AppTest, key: str, value: object) -> AppTest:
    """Do what the browser does when the user opens a tab or an expander."""
    at.session_state[key] = value
    return at.run()


def test_opening_an_expander_reruns_with_open_true() -> None:
    at = app(
        "e = st.expander('Details', key='d', on_change='rerun')\n"
        "st.write('open' if e.open else 'closed')\n"
    )
    assert shown(at) == ["closed"]
    assert shown(_switch(at, "d", True)) == ["open"]
    assert at.expander[0].proto.expander.expanded


def test_a_tab_change_runs_the_callback_first() -> None:
    at = AppTest.from_string(
        HEADER + "def seen():\n"
        "    st.session_state.seen = st.session_state.t\n"
        "a, b = st.tabs(['One', 'Two'], key='t', on_change=seen)\n"
        "st.write(repr(st.session_state.get('seen')), a.open, b.open)\n"
    ).run()
    assert shown(at) == ["None `True` `False`"]


def test_a_bound_tab_set_lives_in_the_url() -> None:
    at = AppTest.from_string(
        HEADER + "a, b = st.tabs(['One', 'Two'], key='tab', bind='query-params')\n"
        "st.write(a.open, b.open)\n"
    )
    at.query_params["tab"] = "Two"
    assert shown(at.run()) == ["`False` `True`"]


def test_the_default_tab_is_shown_first_without_state() -> None:
    at = app("st.tabs(['One', 'Two', 'Three'], default='Three')")
    (holder,) = _tab_sets(at)
    assert holder.tab_container.selected == "Three"
    assert not holder.HasField("widget")


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ("st.tabs(['A', 'B'], default='C')", ["default", "'C'", "['A', 'B']"]),
        ("st.expander('E', on_change='sometimes')", ["on_change", "'sometimes'", "'rerun'"]),
        ("st.expander('E', type='fancy')", ["type", "'fancy'", "'compact'"]),
        ("st.popover('P', type='loud')", ["type", "'loud'"]),
        ("st.tabs(['A'], bind='query-params')", ["`bind='query-params'` needs a `key`"]),
    ],
)
def test_bad_options_are_refused_naming_the_argument(body: str, words: list[str]) -> None:
    message = error(body)
    for word in words:
        assert word in message


def test_a_keyed_container_without_state_is_found_by_its_key() -> None:
    at = app("st.expander('E', key='e')\nst.tabs(['a', 'b'], key='t')\nst.popover('P', key='p')")
    assert [at.get_by_key(k).proto.WhichOneof("type") for k in "etp"] == [
        "expander",
        "tab_container",
        "popover",
    ]
    assert "several elements" in error("st.expander('E', key='k')\nst.button('B', key='k')")
