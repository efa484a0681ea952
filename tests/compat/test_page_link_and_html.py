"""st.page_link's 1.67 parameters and st.html of paths behave as in Streamlit."""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import Known, assert_fails_alike, assert_same, assert_same_facts

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

LINKS = """
import streamlit as st
st.page_link("https://example.com", label="Docs", icon="📖", icon_position="right", width="stretch",
             query_params=[("tag", "a"), ("tag", "b"), ("q", "x y")])
st.page_link("https://example.com/x", label="Plain", width=200, query_params={"n": ["1", "2"]})
st.page_link("https://example.com/y", label="No params")
"""


def test_page_links_match_streamlit() -> None:
    assert_same(LINKS)
    assert_same_facts(
        LINKS, lambda at: [(p.value, p.proto.query_string, p.proto.page) for p in at.page_link]
    )


@pytest.mark.parametrize(
    "call",
    [
        "st.page_link('https://example.com', label='x', icon_position='top')",
        "st.page_link('https://example.com', label='x', width=0)",
        "st.page_link('https://example.com')",
    ],
)
def test_bad_page_link_arguments_fail_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


def test_html_of_paths_matches_streamlit(tmp_path: Path) -> None:
    (tmp_path / "box.html").write_text("<div class='box'>Box</div>")
    (tmp_path / "box.css").write_text(".box { color: red }")
    (tmp_path / "hi.js").write_text("console.log('hi')")
    source = f"""
import pathlib
import streamlit as st
folder = pathlib.Path({str(tmp_path)!r})
st.html(folder / "box.html")
st.html(folder / "box.css")
st.html(folder / "hi.js")
st.html({str(tmp_path / "box.html")!r})
st.html("<b>bold</b>", unsafe_allow_javascript=True)
st.write("end")
"""
    own_words = Known(
        "warning", ("body",), "rillet words its own warnings (never Streamlit's text)"
    )
    assert_same(source, known=[own_words])
    assert_same_facts(source, lambda at: sorted(h.value for h in at.get("html")))


@pytest.mark.parametrize("call", ["st.html('')", "st.html(pathlib.Path('/no/such.html'))"])
def test_bad_html_fails_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(f"import pathlib\n{call}")
