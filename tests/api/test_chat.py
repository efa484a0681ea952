from __future__ import annotations

from types import SimpleNamespace

import pytest

from rillet.api.chat import _chunk_text
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.media import MEDIA_PREFIX
from rillet.testing import AppTest

CHAT = """
import rillet as st
st.session_state.setdefault("history", [])
for role, text in st.session_state.history:
    with st.chat_message(role):
        st.write(text)
prompt = st.chat_input("Say something")
st.session_state.last = prompt
if prompt:
    st.session_state.history.append(("user", prompt))
    with st.chat_message("user"):
        st.write(prompt)
    with st.chat_message("assistant"):
        st.write(f"echo: {prompt}")
"""


def test_a_submitted_message_is_shown_and_the_value_lasts_one_run() -> None:
    at = AppTest.from_string(CHAT).run()
    assert at.chat_input[0].placeholder == "Say something"
    assert at.session_state["last"] is None

    at.chat_input[0].set_value("hello").run()
    assert at.session_state["last"] == "hello"
    assert [m.name for m in at.chat_message] == ["user", "assistant"]
    assert at.chat_message[1].markdown[0].value == "echo: hello"

    at.run()
    assert at.session_state["last"] is None
    assert at.chat_input[0].value is None
    assert [m.name for m in at.chat_message] == ["user"]
    assert at.chat_message[0].markdown[0].value == "hello"


def test_chat_input_is_pinned_to_the_bottom_at_top_level_and_inline_in_containers() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.chat_input("pinned")
        with st.container():
            st.chat_input("inline")
        """
    ).run()
    bottom = at._roots[3]
    assert [n.element.chat_input.placeholder for n in bottom.ordered()] == ["pinned"]
    assert [w.placeholder for w in at.main.chat_input] == ["inline"]


def test_on_submit_runs_before_the_script() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        def submitted():
            st.session_state.got = st.session_state.msg
        st.chat_input(key="msg", on_submit=submitted)
        """
    ).run()
    at.chat_input[0].set_value("hi").run()
    assert at.session_state["got"] == "hi"


def test_chat_input_carries_max_chars() -> None:
    at = AppTest.from_string("import rillet as st\nst.chat_input(max_chars=20)").run()
    assert at.chat_input[0].proto.max_chars == 20


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        ("st.chat_input(max_chars=-1)", "max_chars"),
        ("st.chat_input(accept_file='yes')", "accept_file"),
        ("st.chat_message(5)", "name"),
        ("st.chat_message('bot', avatar=3.5)", "avatar"),
        ("st.chat_message('bot', avatar='not an image')", "avatar"),
        ("st.write_stream(42)", "stream"),
    ],
)
def test_bad_chat_input_is_explained(call: str, argument: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}").run()
    assert f"`{argument}` must be" in at.exception[0].message


def test_chat_input_is_not_allowed_in_a_form() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        with st.form("f"):
            st.chat_input()
            st.form_submit_button()
        """
    ).run()
    assert "can't be used inside `st.form()`" in at.exception[0].message


@pytest.mark.parametrize(
    ("name", "avatar", "expected"),
    [
        ("user", None, ("user", "icon")),
        ("AI", None, ("assistant", "icon")),
        ("bob", None, ("", "")),
        ("bob", "🦜", ("🦜", "emoji")),
        ("bob", "assistant", ("assistant", "icon")),
        ("bob", ":material/pets:", (":material/pets:", "icon")),
        ("bob", "https://example.com/a.png", ("https://example.com/a.png", "image")),
    ],
)
def test_chat_message_avatars(name: str, avatar: str | None, expected: tuple[str, str]) -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.chat_message(st.session_state.n, avatar=st.session_state.a)"
    )
    at.session_state["n"] = name
    at.session_state["a"] = avatar
    at.run()
    block = at.chat_message[0].proto.chat_message
    assert (block.avatar, block.avatar_type) == expected


def test_an_image_avatar_is_stored_as_media() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.chat_message('bot', avatar=b'\\x89PNG\\r\\n\\x1a\\n')"
    ).run()
    block = at.chat_message[0].proto.chat_message
    assert block.avatar_type == "image"
    stored = at._app.media.get(block.avatar.removeprefix(MEDIA_PREFIX))
    assert stored is not None and stored.mimetype == "image/png"


def test_write_stream_rewrites_one_element_and_returns_the_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    deltas: list[pb.Delta] = []
    original = AppTest._receive

    def receive(self: AppTest, msgs: list[pb.ForwardMsg]) -> None:
        deltas.extend(m.delta for m in msgs if m.HasField("delta"))
        original(self, msgs)

    monkeypatch.setattr(AppTest, "_receive", receive)
    at = AppTest.from_string(
        """
        import rillet as st
        def words():
            yield "Hello"
            yield " there,"
            yield " world"
        st.session_state.out = st.write_stream(words, cursor="|")
        """
    ).run()
    assert at.session_state["out"] == "Hello there, world"
    assert at.markdown.values == ["Hello there, world"]
    assert [d.new_element.markdown.body for d in deltas] == [
        "Hello|",
        "Hello there,|",
        "Hello there, world|",
        "Hello there, world",
    ]
    assert {tuple(d.path) for d in deltas} == {(0, 0)}


def test_write_stream_writes_objects_between_text_parts() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        def mixed():
            yield "before "
            yield "text"
            yield {"k": 1}
            yield "after"
        st.session_state.out = st.write_stream(mixed())
        """
    ).run()
    assert at.session_state["out"] == ["before text", {"k": 1}, "after"]
    assert [type(e).__name__ for e in at.main] == ["Markdown", "Json", "Markdown"]


def test_write_stream_accepts_async_generators_and_st_write_streams_generators() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        async def chunks():
            for piece in ("a", "b"):
                yield piece
        st.session_state.out = st.write_stream(chunks())
        st.write((c for c in "xyz"))
        """
    ).run()
    assert at.session_state["out"] == "ab"
    assert at.markdown.values == ["ab", "xyz"]


def test_openai_style_chunks_give_their_delta_text() -> None:
    chunk = SimpleNamespace(choices=[SimpleNamespace(delta=SimpleNamespace(content="hi"))])
    empty = SimpleNamespace(choices=[SimpleNamespace(delta=SimpleNamespace(content=None))])
    assert _chunk_text(chunk) == "hi"
    assert _chunk_text(empty) == ""
    assert _chunk_text(42) is None
