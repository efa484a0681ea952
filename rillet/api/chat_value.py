"""What ``st.chat_input`` returns when it takes files or audio, and its wire form."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from dataclasses import dataclass
from typing import Any

from rillet.api.serde import UploadedFilesSerde, file_ref
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.uploads import UploadedFile

ChatItem = str | list[UploadedFile] | UploadedFile | None


class ChatInputValue(MutableMapping[str, ChatItem]):
    """A submitted chat message: its ``text``, its ``files`` and its ``audio``.

    ``files`` exists only when the chat input takes files
    (``accept_file``), ``audio`` only when it records (``accept_audio``);
    reading the other raises ``AttributeError``, as in Streamlit. Each part
    is also an item: ``value["text"]``, ``"files" in value``,
    ``value.to_dict()``.

    Example:
        >>> value = ChatInputValue("hi", files=[], include_files=True)
        >>> value.text, value["files"], sorted(value)
        ('hi', [], ['files', 'text'])
    """

    def __init__(
        self,
        text: str,
        files: list[UploadedFile] | None = None,
        audio: UploadedFile | None = None,
        *,
        include_files: bool = False,
        include_audio: bool = False,
    ) -> None:
        self._parts: dict[str, ChatItem] = {"text": text}
        if include_files:
            self._parts["files"] = list(files or [])
        if include_audio:
            self._parts["audio"] = audio
        self._allowed = set(self._parts)

    def __getattr__(self, name: str) -> Any:
        parts = self.__dict__.get("_parts", {})
        if name in parts:
            return parts[name]
        why = {"files": " (accept_file=False)", "audio": " (accept_audio=False)"}.get(name, "")
        raise AttributeError(f"'ChatInputValue' object has no attribute {name!r}{why}")

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            self[name] = value

    def to_dict(self) -> dict[str, ChatItem]:
        """The parts as a plain dict."""
        return dict(self._parts)

    def __getitem__(self, key: str) -> ChatItem:
        if key not in self._parts:
            raise KeyError(f"Invalid key: {key}")
        return self._parts[key]

    def __setitem__(self, key: str, value: ChatItem) -> None:
        if key not in self._allowed:
            raise KeyError(f"Invalid key: {key}")
        self._parts[key] = value

    def __delitem__(self, key: str) -> None:
        if key not in self._parts:
            raise KeyError(f"Invalid key: {key}")
        del self._parts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ChatInputValue):
            return self._parts == other._parts
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self._parts.items())
        return f"ChatInputValue({shown})"


@dataclass
class ChatInputSerde:
    """A submitted message, for exactly one run.

    Text only: ``string_trigger_value`` and a ``str`` in the script. With
    files or audio: ``chat_input_value`` (text and upload refs) and a
    :class:`ChatInputValue`. Files are looked up, filtered by type and size,
    as a file uploader's are (``files``).
    """

    files: UploadedFilesSerde | None
    audio: UploadedFilesSerde | None
    accept_files: bool
    accept_audio: bool

    @property
    def rich(self) -> bool:
        return self.accept_files or self.accept_audio

    def deserialize(self, state: pb.WidgetState) -> str | ChatInputValue | None:
        if state.HasField("chat_input_value"):
            sent = state.chat_input_value
            text = sent.text
            if not self.rich:
                return text
            files = _load(self.files, list(sent.files)) if self.accept_files else []
            audio = None
            if self.accept_audio and sent.HasField("audio"):
                found = _load(self.audio, [sent.audio])
                audio = found[0] if found else None
            return ChatInputValue(
                text,
                files,
                audio,
                include_files=self.accept_files,
                include_audio=self.accept_audio,
            )
        if state.HasField("string_trigger_value"):
            text = state.string_trigger_value
            if not self.rich:
                return text
            return ChatInputValue(
                text, include_files=self.accept_files, include_audio=self.accept_audio
            )
        return None

    def serialize(self, value: Any, state: pb.WidgetState) -> None:
        if value is None:
            return
        if isinstance(value, ChatInputValue):
            sent = state.chat_input_value
            sent.text = str(value.get("text") or "")
            files = value.get("files")
            for file in files if isinstance(files, list) else []:
                sent.files.append(file_ref(file))
            audio = value.get("audio")
            if isinstance(audio, UploadedFile):
                sent.audio.CopyFrom(file_ref(audio))
            return
        if self.rich:
            state.chat_input_value.text = str(value)
        else:
            state.string_trigger_value = str(value)


def _load(serde: UploadedFilesSerde | None, refs: list[pb.UploadedFileRef]) -> list[UploadedFile]:
    """The uploads ``refs`` name, as ``serde`` finds and filters them."""
    if serde is None:
        return []
    holder = pb.WidgetState()
    holder.file_uploader_state_value.files.extend(refs)
    loaded = serde.deserialize(holder)
    return list(loaded) if isinstance(loaded, list) else [] if loaded is None else [loaded]
