"""Chat: message containers, the chat input, and streaming text into the page."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rillet.api._command import handle
from rillet.api.chat_value import ChatInputSerde, ChatInputValue
from rillet.api.files import _serde as upload_serde
from rillet.api.icons import is_emoji
from rillet.api.media import image_url
from rillet.api.write import StreamingOutput
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.context import BOTTOM, MAIN, Target
from rillet.runtime.errors import bad_argument
from rillet.runtime.widgets import Key, Widget, register

if TYPE_CHECKING:
    from rillet.api.container import Container

# Built-in avatars, named as Streamlit names them ("user" / "assistant");
# the client draws its own glyph for them.
_ROLE_ICONS = {
    "user": "user",
    "human": "user",
    "assistant": "assistant",
    "ai": "assistant",
}
_URL_PREFIXES = ("http://", "https://", "data:")
_FILE_MODES: dict[object, str] = {
    False: "",
    True: "single",
    "multiple": "multiple",
    "directory": "directory",
}
_MEDIA_KINDS = ("image", "audio", "video", "text")
_SAMPLE_RATES = (8000, 11025, 16000, 22050, 24000, 32000, 44100, 48000)


def _avatar(avatar: Any, name: str) -> tuple[str, str]:
    """``(avatar, avatar_type)`` for the ChatMessage block."""
    if avatar is None:
        icon = _ROLE_ICONS.get(name.lower())
        return (icon, "icon") if icon else ("", "")
    if isinstance(avatar, str):
        if avatar in _ROLE_ICONS:  # case-sensitive, as Streamlit: "USER" is taken for an image
            return _ROLE_ICONS[avatar], "icon"
        if avatar.startswith(":material/"):
            return avatar, "icon"
        if avatar.startswith(_URL_PREFIXES) or _is_file(avatar):
            return image_url(avatar), "image"
        if not is_emoji(avatar):  # as Streamlit: other text is taken for an image, and fails
            raise bad_argument(
                "avatar",
                avatar,
                "'user', 'assistant', one emoji, a ':material/icon:', or an image URL or path",
                command="chat_message",
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
    if not isinstance(name, str):  # "" is taken, as in Streamlit: no name, no avatar
        raise bad_argument("name", name, "a string", command="chat_message")
    block = pb.Block(allow_empty=True)
    block.chat_message.name = name
    block.chat_message.avatar, block.chat_message.avatar_type = _avatar(avatar, name)
    return handle(context.get().emit_block(block))


def _file_types(file_type: Any) -> list[str]:
    """Extensions as ``".csv"`` (JPEG's two spellings together), MIME types as
    given, and ``"image"``, ``"audio"``, ``"video"``, ``"text"`` as ``"<kind>/*"``."""
    if file_type is None:
        return []
    items = [file_type] if isinstance(file_type, str) else file_type
    accepted = "an extension ('csv'), a MIME type ('image/png', 'image/*'), a list of them, or None"
    if not isinstance(items, Sequence) or not items:
        raise bad_argument("file_type", file_type, accepted, command="chat_input")
    out: list[str] = []
    for item in items:
        if not isinstance(item, str) or not item.strip(". "):
            raise bad_argument("file_type", file_type, accepted, command="chat_input")
        text = item.strip().lower()
        if text in _MEDIA_KINDS:
            text = f"{text}/*"
        elif "/" not in text:
            text = "." + text.lstrip(".")
        if text not in out:
            out.append(text)
    for jpeg in (".jpg", ".jpeg"):
        if any(t in (".jpg", ".jpeg") for t in out) and jpeg not in out:
            out.append(jpeg)
    return out


def _type_matcher(types: list[str]) -> Callable[[str], bool] | None:
    """Whether a file name fits ``types``, as Streamlit checks it on the server.

    Only a list of extensions is checked: with a MIME type among them the
    name cannot tell, so every name passes (the browser's picker filtered
    already), as in Streamlit. A name with a NUL byte never passes.
    """
    if not types:
        return None
    if any("/" in t for t in types):
        return lambda name: "\0" not in name
    extensions = tuple(t for t in types if t.startswith("."))
    return lambda name: "\0" not in name and name.lower().endswith(extensions)


def _chat_width(width: object) -> str:
    if width == "stretch":
        return "stretch"
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return f"{width}px"
    raise bad_argument("width", width, "a positive int (pixels) or 'stretch'", command="chat_input")


def _chat_height(height: object) -> str:
    if height in ("content", "stretch"):
        return str(height)
    if isinstance(height, int) and not isinstance(height, bool) and height > 0:
        return f"{height}px"
    raise bad_argument(
        "height", height, "a positive int (pixels), 'content' or 'stretch'", command="chat_input"
    )


def chat_input(
    placeholder: str = "Your message",
    *,
    key: Key | None = None,
    max_chars: int | None = None,
    max_upload_size: int | None = None,
    accept_file: bool | Literal["multiple", "directory"] = False,
    file_type: str | Sequence[str] | None = None,
    accept_audio: bool = False,
    audio_sample_rate: int | None = 16000,
    disabled: bool = False,
    submit_mode: Literal["submit", "disable", "stop"] = "submit",
    on_submit: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    width: str | int = "stretch",
    height: str | int = "content",
) -> str | ChatInputValue | None:
    """Display a chat input; returns the submitted message for one run, else ``None``.

    Called at the top level of the page, the input is pinned to the bottom
    of the window (``st.bottom``); inside a container it stays where it is
    written. A text-only input returns the text. One that takes files or
    audio returns a :class:`ChatInputValue`: ``.text``, ``.files`` (a
    list of uploaded files) and ``.audio`` (a WAV recording, or ``None``).

    Args:
        max_chars: The longest message the user can type.
        max_upload_size: A limit in MB for each file; by default the
            server's ``server.maxUploadSize``.
        accept_file: ``True`` (one file), ``"multiple"``, ``"directory"``
            (the files of a folder), or ``False``.
        file_type: Accepted extensions (``"csv"``) or MIME types
            (``"image/*"``; ``"image"`` means the same); ``None``: any.
        accept_audio: Show a microphone button; the recording arrives as
            ``.audio``.
        audio_sample_rate: Hz to record at (8000 to 48000); ``None`` keeps
            the device's rate.
        submit_mode: While the run a message started goes on:
            ``"submit"`` (more messages may be sent), ``"disable"`` (the
            input waits for the run to end) or ``"stop"`` (the send button
            becomes a stop button).
        on_submit: A callback that runs before the rerun a message causes.
        height: ``"content"``, ``"stretch"`` or the least height in pixels.

    Example:
        >>> import rillet as st
        >>> if prompt := st.chat_input("Ask me anything"):
        ...     with st.chat_message("user"):
        ...         st.write(prompt)
        >>> sent = st.chat_input("Send a file", accept_file=True, file_type=["pdf"])
        >>> if sent and sent.files:
        ...     st.write(sent.files[0].name)
    """
    placeholder = str(placeholder)  # as Streamlit: any value shows as its text
    if max_chars is not None and (
        isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 0
    ):
        raise bad_argument(
            "max_chars",
            max_chars,
            "an int of 0 or more (0: no limit) or None",
            command="chat_input",
        )
    if accept_file not in _FILE_MODES:
        raise bad_argument(
            "accept_file",
            accept_file,
            "True, False, 'multiple' or 'directory'",
            command="chat_input",
        )
    if submit_mode not in ("submit", "disable", "stop"):
        raise bad_argument(
            "submit_mode", submit_mode, "'submit', 'disable' or 'stop'", command="chat_input"
        )
    if max_upload_size is not None and (
        isinstance(max_upload_size, bool)
        or not isinstance(max_upload_size, int)
        or max_upload_size < 1
    ):
        raise bad_argument(
            "max_upload_size", max_upload_size, "a positive int (MB) or None", command="chat_input"
        )
    types = _file_types(file_type)
    if audio_sample_rate is not None and audio_sample_rate not in _SAMPLE_RATES:
        raise bad_argument(
            "audio_sample_rate",
            audio_sample_rate,
            f"None or one of {', '.join(map(str, _SAMPLE_RATES))}",
            command="chat_input",
        )
    shown_width, shown_height = _chat_width(width), _chat_height(height)
    mode = _FILE_MODES[accept_file]
    ctx = context.get()
    here = ctx.target
    target = None
    if here.path == (MAIN,) and not here.is_slot:
        target = Target((BOTTOM,), fragment_id=here.fragment_id)
    # None: the server's own limit (NewSession.max_upload_mb) applies.
    limit_mb = max_upload_size or 0

    serde = ChatInputSerde(
        files=upload_serde(True, _type_matcher(types), limit_mb) if mode else None,
        audio=upload_serde(True, lambda name: name.lower().endswith(".wav"), limit_mb)
        if accept_audio
        else None,
        accept_files=bool(mode),
        accept_audio=bool(accept_audio),
    )

    def build(value: Any) -> pb.Element:
        element = pb.Element()
        proto = element.chat_input
        proto.placeholder = placeholder
        proto.max_chars = max_chars or 0
        proto.accept_file = bool(mode)
        proto.file_mode = mode
        proto.file_type.extend(types)
        proto.accept_audio = bool(accept_audio)
        proto.audio_sample_rate = audio_sample_rate or 0
        proto.max_upload_mb = limit_mb
        proto.submit_mode = submit_mode
        proto.width, proto.height = shown_width, shown_height
        return element

    chosen: str | ChatInputValue | None = register(
        Widget(
            kind="chat_input",
            label="",
            has_label=False,
            default=None,
            serde=serde,
            build=build,
            identity=(
                placeholder,
                max_chars,
                max_upload_size,
                accept_file,
                tuple(types),
                accept_audio,
                audio_sample_rate,
                submit_mode,
                width,
                height,
            ),
            key_identity=(accept_file, tuple(types), max_chars, max_upload_size),
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
    return chosen


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
            "a generator, an iterable, an async generator, or a generator function",
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
            chunks), an async generator, or a generator function. A chunk
            that is a function is called where it arrives.
        cursor: Text shown after the last chunk while streaming (e.g. ``"▌"``).

    Returns:
        The whole text ("" when nothing was written), or a list of the text
        parts and objects written, which ``st.write`` writes again part by part.

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

    if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
        stream = stream()
    if cursor is not None and not isinstance(cursor, str):
        raise bad_argument("cursor", cursor, "a string or None", command="write_stream")
    parts = StreamingOutput()
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
            if callable(chunk):
                chunk()
            else:
                _write.write(chunk)
                parts.append(chunk)
            continue
        buffer += piece
        if buffer:
            show(buffer + (cursor or ""))
    if buffer:
        show(buffer)
        parts.append(buffer)
    if not parts:
        return ""
    if len(parts) == 1 and isinstance(parts[0], str):
        return parts[0]
    return parts
