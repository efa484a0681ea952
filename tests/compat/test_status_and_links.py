"""st.status and st.link_button show as they do in Streamlit."""

from __future__ import annotations

import pytest
from harness import assert_fails_alike, assert_same, assert_same_facts

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit


def test_status_boxes_complete_fail_and_update_as_in_streamlit() -> None:
    assert_same(
        """
        import streamlit as st
        with st.status("Downloading", expanded=True) as box:
            st.write("found the file")
        with st.status("Parsing"):
            st.write("inside")
        try:
            with st.status("Failing", expanded=True):
                raise ValueError("boom")
        except ValueError:
            st.write("caught")
        waiting = st.status("Waiting")
        waiting.write("still going")
        done = st.status("Set by hand", state="complete")
        broken = st.status("Broken", state="error")
        later = st.status("Later")
        later.update(label="Updated **label**", state="complete")
        if st.button("Fail it"):
            waiting.update(state="error")
        """,
        [("button", 0, "click")],
    )


@pytest.mark.parametrize(
    "call",
    [
        "st.status('')",
        "st.status('x', state='done')",
        "st.status(None)",
        "st.status('x').update(state='ok')",
    ],
)
def test_status_arguments_are_checked_as_in_streamlit(call: str) -> None:
    assert_fails_alike(call)


def test_link_buttons_carry_their_url_type_icon_and_help() -> None:
    source = """
        import streamlit as st
        st.link_button("Docs", "https://example.com/docs")
        st.link_button("Primary", "https://example.com", type="primary", icon="📖",
                       help="Opens the site", disabled=True)
        st.link_button("Wide", "https://example.com", use_container_width=True)
        st.write("after")
        """
    assert_same(source)
    assert_same_facts(
        source,
        lambda at: [
            (b.label, b.url, b.help, b.icon, b.disabled, b.proto.type)
            for b in at.get("link_button")
        ],
    )


@pytest.mark.parametrize(
    "call",
    [
        "st.link_button('x', 'https://a.b', type='big')",
        "st.link_button('x', 'https://a.b', icon='nope')",
    ],
)
def test_bad_link_button_arguments_fail_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)
