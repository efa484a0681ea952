"""Chat: message containers, the chat input, and streaming text into the page."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.api.media import image_url
from rillet.api.serde import StringTriggerSerde
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.context import BOTTOM, MAIN, Target
from rillet.runtime.errors import bad_argument
from rillet.runtime.widgets import Key, Widget, register

if TYPE_CHECKING:
    from rillet.api.container import Container

# Built-in avatars, as Material icons; the client draws its own glyph for them.
_ROLE_ICONS = {
    "user": ":material/face:",
    "human": ":material/face:",
    "assistant": ":material/smart_toy:",
    "ai": ":material/smart_toy:",
}
_URL_PREFIXES = ("http://", "https://", "data:")


def _avatar(avatar: Any, name: str) -> tuple[str, str]:
    """``(avatar, avatar_type)`` for the ChatMessage block."""
    if avatar is None:
        icon = _ROLE_ICONS.get(name.lower())
        return (icon, "icon") if icon else ("", "")
    if isinstance(avatar, str):
        if avatar.lower() in _ROLE_ICONS:
            return _ROLE_ICONS[avatar.lower()], "icon"
        if avatar.startswith(":material/"):
            return avatar, "icon"
        if avatar.startswith(_URL_PREFIXES) or _is_file(avatar):
            return image_url(avatar), "image"
        if not avatar.strip():
            raise bad_argument(
                "avatar", avatar, "a non-empty emoji or image", command="chat_message"
            )
        return avatar, "emoji"
    if isinstance(avatar, (bytes, bytearray, Path)) or type(avatar).__module__.startswith(
        ("PIL", "numpy")
    ):
        return image_url(avatar), "image"
    raise bad_argument(
        "avatar",
        avatar,
        "'user', 'assistant', an emoji, a ':material/icon:', an image URL or path, "
        "image bytes, a PIL image or a numpy array",
        command="chat_message",
    )


def _is_file(text: str) -> bool:
    try:
        return len(text) > 2 and Path(text).is_file()
    except OSError:
        return False


def chat_message(name: str, *, avatar: Any = None, width: str | int = "stretch") -> Container:
    """Insert a chat message container; write its content with ``with``.

    Args:
        name: Who speaks. ``"user"``/``"human"`` and ``"assistant"``/``"ai"``
            get built-in avatars and styling; any other name shows its
            first letter unless ``avatar`` is given.
        avatar: An emoji, a ``":material/icon:"``, ``"user"`` or
            ``"assistant"``, or an image (URL, path, bytes, PIL, numpy).

    Example:
        >>> import rillet as st
        >>> with st.chat_message("assistant"):
        ...     st.write("Hello 👋 How can I help?")
    """
    if not isinstance(name, str) or not name:
        raise bad_argument("name", name, "a non-empty string", command="chat_message")
    block = pb.Block(allow_empty=True)
    block.chat_message.name = name
    block.chat_message.avatar, block.chat_message.avatar_type = _avatar(avatar, name)
    return handle(context.get().emit_block(block))


def chat_input(
    placeholder: str = "Your message",
    *,
    key: Key | None = None,
    max_chars: int | None = None,
    accept_file: bool = False,
    disabled: bool = False,
    on_submit: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    width: str | int = "stretch",
) -> str | None:
    """Display a chat input; returns the submitted message for one run, else ``None``.

    Called at the top level of the page, the input is pinned to the bottom
    of the window; inside a container it stays where it is written.

    Args:
        max_chars: The longest message the user can type.
        on_submit: A callback that runs before the rerun a message causes.

    Example:
        >>> import rillet as st
        >>> if prompt := st.chat_input("Ask me anything"):
        ...     with st.chat_message("user"):
        ...         st.write(prompt)
    """
    if not isinstance(placeholder, str):
        raise bad_argument("placeholder", placeholder, "a string", command="chat_input")
    if max_chars is not None and (
        isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars <= 0
    ):
        raise bad_argument("max_chars", max_chars, "a positive int or None", command="chat_input")
    if accept_file:
        raise bad_argument(
            "accept_file",
            accept_file,
            "False (rillet's chat input takes text only; use st.file_uploader for files)",
            command="chat_input",
        )
    here = context.get().target
    target = None
    if here.path == (MAIN,) and not here.is_slot:
        target = Target((BOTTOM,), fragment_id=here.fragment_id)

    def build(value: str | None) -> pb.Element:
        element = pb.Element()
        element.chat_input.placeholder = placeholder
        element.chat_input.max_chars = max_chars or 0
        return element

    return register(
        Widget(
            kind="chat_input",
            label="",
            default=None,
            serde=StringTriggerSerde(),
            build=build,
            identity=(placeholder, max_chars),
            key_identity=(max_chars,),
            key=key,
            disabled=disabled,
            on_change=on_submit,
            args=args,
            kwargs=kwargs,
            is_trigger=True,
            allowed_in_form=False,
        ),
        target,
    )


def _chunk_text(chunk: Any) -> str | None:
    """The text of a stream chunk, or ``None`` when it is an object to write."""
    if isinstance(chunk, str):
        return chunk
    choices = getattr(chunk, "choices", None)  # OpenAI-style completion chunks
    if isinstance(choices, list):
        if not choices:
            return ""
        delta = getattr(choices[0], "delta", None)
        content = getattr(delta, "content", None)
        return content if isinstance(content, str) else ""
    content = getattr(chunk, "content", None)  # LangChain-style message chunks
    if isinstance(content, str) and type(chunk).__module__.startswith("langchain"):
        return content
    return None


def _chunks(stream: Any) -> Iterable[Any]:
    if inspect.isasyncgen(stream) or hasattr(stream, "__anext__"):
        return _drain_async(stream)
    if isinstance(stream, (str, bytes)) or not isinstance(stream, Iterable):
        raise bad_argument(
            "stream",
            stream,
            "a generator, an iterable, an async generator, or a function returning one",
            command="write_stream",
        )
    return stream


def _drain_async(stream: Any) -> Iterable[Any]:
    import asyncio  # only async streams need an event loop

    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                yield loop.run_until_complete(stream.__anext__())
            except StopAsyncIteration:
                return
    finally:
        loop.close()


def write_stream(stream: Any, *, cursor: str | None = None) -> str | list[Any]:
    """Write a stream of text chunks as it arrives, typewriter-style.

    Strings are appended to one Markdown element that is rewritten with each
    chunk; any other object is written with ``st.write`` where it appears.

    Args:
        stream: A generator or iterable of strings (or OpenAI/LangChain
            chunks), an async generator, or a function returning one.
        cursor: Text shown after the last chunk while streaming (e.g. ``"▌"``).

    Returns:
        The whole text, or a list of the text parts and objects written.

    Example:
        >>> import time
        >>> import rillet as st
        >>> def words():
        ...     for word in "Streaming one word at a time".split():
        ...         yield word + " "
        ...         time.sleep(0.05)
        >>> text = st.write_stream(words)
    """
    from rillet.api import text as _text
    from rillet.api import write as _write

    if callable(stream) and not isinstance(stream, Iterable) and not hasattr(stream, "__anext__"):
        stream = stream()
    if cursor is not None and not isinstance(cursor, str):
        raise bad_argument("cursor", cursor, "a string or None", command="write_stream")
    parts: list[Any] = []
    buffer = ""
    slot: Container | None = None

    def show(body: str) -> None:
        nonlocal slot
        if slot is None:
            slot = _text.markdown(body)
        else:
            slot.markdown(body)

    for chunk in _chunks(stream):
        piece = _chunk_text(chunk)
        if piece is None:
            if buffer:
                show(buffer)
                parts.append(buffer)
            buffer, slot = "", None
            _write.write(chunk)
            parts.append(chunk)
            continue
        buffer += piece
        if buffer:
            show(buffer + (cursor or ""))
    if buffer:
        show(buffer)
        parts.append(buffer)
    if all(isinstance(p, str) for p in parts):
        return "".join(parts)
    return parts
