"""An app's own CSS styles keyed elements by Streamlit's documented st-key-<key> class."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

APP = """
import rillet as st
st.markdown(
    "<style>.st-key-go button { background: rgb(255, 0, 0) !important; }"
    " .st-key-card { outline: 3px solid rgb(0, 0, 255); }</style>",
    unsafe_allow_html=True,
)
st.button("Go", key="go")
st.button("Plain")
with st.container(key="card"):
    st.write("in the card")
"""


def test_css_written_for_streamlit_keys_styles_the_keyed_elements(open_app) -> None:
    page, _ = open_app(APP, "in the card")
    colours = page.eval_on_selector_all(
        "main button", "buttons => buttons.map(b => getComputedStyle(b).backgroundColor)"
    )
    assert "rgb(255, 0, 0)" in colours
    assert colours.count("rgb(255, 0, 0)") == 1  # only the keyed button
    outline = page.eval_on_selector(".st-key-card", "e => getComputedStyle(e).outlineColor")
    assert outline == "rgb(0, 0, 255)"
