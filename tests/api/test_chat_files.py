"""st.chat_input with files and audio: a ChatInputValue for one run."""

from __future__ import annotations

import pytest

from rillet.api.chat_value import ChatInputValue
from rillet.testing import AppTest, AppTestError
from rillet.testing.elements import FileUploader

APP = """
import rillet as st
sent = st.chat_input("Ask", accept_file=MODE, file_type=["txt", "image"], key="chat")
st.session_state.seen = sent
if sent:
    st.write(f"text={sent.text!r} files={[f.name for f in sent.files]}")
    st.write(sent.files[0].read().decode() if sent.files else "-")
"""


def _app(mode: str) -> AppTest:
    return AppTest.from_string(APP.replace("MODE", mode)).run()


def test_text_and_files_arrive_together_for_one_run() -> None:
    at = _app("'multiple'")
    assert at.session_state["seen"] is None
    at.chat_input[0].set_value("look").upload("notes.txt", b"hello", "text/plain")
    at.chat_input[0].upload("cat.png", b"\x89PNG....", "image/png").run()
    assert at.markdown[0].value == "text='look' files=['notes.txt', 'cat.png']"
    assert at.markdown[1].value == "hello"
    value = at.session_state["seen"]
    assert isinstance(value, ChatInputValue)
    assert value["text"] == "look" and "files" in value and "audio" not in value
    assert sorted(value.to_dict()) == ["files", "text"]
    at.run()
    assert at.session_state["seen"] is None


def test_a_file_of_a_type_not_accepted_is_refused_by_apptest_and_dropped_by_the_server() -> None:
    at = AppTest.from_string(APP.replace("MODE", "'multiple'").replace(', "image"', "")).run()
    widget = at.chat_input[0]
    with pytest.raises(AppTestError, match=r"does not accept 'data\.csv'"):
        widget.upload("data.csv", b"a,b")
    # A client that sends it anyway: the server drops it.
    sneaked = FileUploader._stored(widget, "data.csv", b"a,b")  # type: ignore[arg-type]
    widget.upload("ok.txt", b"fine")
    widget.set_value(ChatInputValue("", [sneaked, *widget._files], include_files=True))
    widget._files = []
    at.run()
    assert at.markdown[0].value == "text='' files=['ok.txt']"


def test_accept_file_true_keeps_only_the_last_file() -> None:
    at = _app("True")
    at.chat_input[0].upload("a.txt", b"a").upload("b.txt", b"b").run()
    assert at.markdown[0].value == "text='' files=['b.txt']"


def test_text_alone_is_a_chat_input_value_when_files_are_accepted() -> None:
    at = _app("True")
    at.chat_input[0].set_value("just text").run()
    value = at.session_state["seen"]
    assert isinstance(value, ChatInputValue) and value.text == "just text" and value.files == []
    with pytest.raises(AttributeError, match="accept_audio=False"):
        _ = value.audio


def test_a_text_only_chat_input_still_returns_a_string() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.session_state.seen = st.chat_input('Say')"
    ).run()
    at.chat_input[0].set_value("hi").run()
    assert at.session_state["seen"] == "hi"


def test_the_element_carries_what_the_client_needs() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.chat_input("Talk", accept_file="directory", file_type="pdf", accept_audio=True,
                      audio_sample_rate=None, max_upload_size=5, submit_mode="stop",
                      width=400, height=120)
        """
    ).run()
    proto = at.chat_input[0].proto
    assert (proto.file_mode, list(proto.file_type), proto.accept_audio) == (
        "directory",
        [".pdf"],
        True,
    )
    assert (proto.audio_sample_rate, proto.max_upload_mb, proto.submit_mode) == (0, 5, "stop")
    assert (proto.width, proto.height, proto.accept_file) == ("400px", "120px", True)


def test_a_recording_arrives_as_audio() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        sent = st.chat_input("Talk", accept_audio=True)
        if sent:
            st.write(f"{sent.text!r} {sent.audio.name if sent.audio else None}")
        """
    ).run()
    widget = at.chat_input[0]
    wav = FileUploader._stored(widget, "rec.wav", b"RIFF....WAVEfmt ", "audio/wav")  # type: ignore[arg-type]
    widget.set_value(ChatInputValue("", audio=wav, include_audio=True)).run()
    assert at.markdown[0].value == "'' rec.wav"


def test_chat_input_value_acts_as_a_mapping() -> None:
    value = ChatInputValue("hi", files=[], include_files=True)
    value["text"] = "changed"
    assert dict(value) == {"text": "changed", "files": []}
    with pytest.raises(KeyError):
        value["audio"] = None
    del value["files"]
    assert list(value) == ["text"]


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.chat_input(accept_file='yes')", "`accept_file` must be True, False, 'multiple'"),
        (
            "st.chat_input(submit_mode='wait')",
            "`submit_mode` must be 'submit', 'disable' or 'stop'",
        ),
        ("st.chat_input(max_upload_size=0)", "`max_upload_size` must be a positive int (MB)"),
        ("st.chat_input(audio_sample_rate=1000)", "`audio_sample_rate` must be None or one of"),
        ("st.chat_input(file_type=[3])", "`file_type` must be an extension"),
        ("st.chat_input(width='content')", "`width` must be a positive int (pixels) or 'stretch'"),
    ],
)
def test_bad_chat_input_arguments_are_named(call: str, words: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}").run()
    assert words in at.exception[0].value


def test_uploading_to_a_text_only_chat_input_is_refused() -> None:
    at = AppTest.from_string("import rillet as st\nst.chat_input('Say')").run()
    with pytest.raises(AppTestError, match="does not accept files"):
        at.chat_input[0].upload("a.txt", b"a")
