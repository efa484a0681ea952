"""st.chat_input with files and audio returns what Streamlit's returns."""

from __future__ import annotations

import pytest
from harness import apply, assert_fails_alike, assert_same, run_rillet, run_streamlit

pytest.importorskip("streamlit")
pytestmark = pytest.mark.streamlit

APP = """
import streamlit as st
sent = st.chat_input("Ask", accept_file=MODE, file_type=["txt", "image"], key="chat")
if sent is not None:
    st.write(type(sent).__name__, repr(sent.text))
    st.write([(f.name, f.read()) for f in sent.files])
    st.write(sorted(sent.to_dict()), "files" in sent, "audio" in sent, sent["text"])
    try:
        sent.audio
    except AttributeError as exc:
        st.write("no audio attribute")
else:
    st.write("nothing sent")
"""


def _app(mode: str) -> str:
    return APP.replace("MODE", mode)


@pytest.mark.parametrize("mode", ["True", "'multiple'", "'directory'"])
def test_files_and_text_arrive_as_in_streamlit(mode: str) -> None:
    assert_same(
        _app(mode),
        [
            [
                ("chat_input", 0, "set_value", "look"),
                ("chat_input", 0, "upload", "notes.txt", b"hello", "text/plain"),
                ("chat_input", 0, "upload", "more.txt", b"again", "text/plain"),
            ],
            ("run",),
            ("chat_input", 0, "set_value", "text only"),
            ("chat_input", 0, "upload", "alone.txt", b"x", "text/plain"),
        ],
    )


def test_a_text_only_chat_input_returns_a_string_as_in_streamlit() -> None:
    source = """
import streamlit as st
sent = st.chat_input("Say")
st.write(type(sent).__name__, repr(sent))
"""
    assert_same(source, [("chat_input", 0, "set_value", "hi"), ("run",)])


def test_the_value_reads_alike_through_apptest() -> None:
    source = _app("'multiple'")
    sides = [run_streamlit(source, 10), run_rillet(source, 10)]
    for at in sides:
        apply(at, ("chat_input", 0, "set_value", "both"))
        apply(at, ("chat_input", 0, "upload", "a.txt", b"A", "text/plain"))
        at.run()
    values = [at.chat_input[0].value for at in sides]
    assert [type(v).__name__ for v in values] == ["ChatInputValue", "ChatInputValue"]
    assert [(v.text, [f.name for f in v.files]) for v in values] == [("both", ["a.txt"])] * 2


@pytest.mark.parametrize(
    "call",
    [
        "st.chat_input(accept_file='yes')",
        "st.chat_input(submit_mode='wait')",
        "st.chat_input(max_upload_size=0)",
        "st.chat_input(audio_sample_rate=1000)",
    ],
)
def test_bad_arguments_fail_where_streamlit_fails(call: str) -> None:
    assert_fails_alike(call)


@pytest.mark.parametrize(("mode", "name"), [("'multiple'", "data.csv"), ("False", "notes.txt")])
def test_apptest_refuses_files_the_widget_would_not_take_on_both_sides(
    mode: str, name: str
) -> None:
    source = _app(mode).replace(', "image"', "")  # extensions only: checked by name
    for at in (run_streamlit(source, 10), run_rillet(source, 10)):
        with pytest.raises(Exception) as raised:
            at.chat_input[0].upload(name, b"x", "text/plain")
        assert type(raised.value).__name__ == "AppTestError"
