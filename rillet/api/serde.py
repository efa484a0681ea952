"""How widget values cross the wire (see rillet/protocol/README.md).

Each class turns one ``WidgetState`` field into the Python value the script
sees, and back. A state with no field set means ``None``.
"""

from __future__ import annotations

import logging
import mimetypes
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.uploads import UploadedFile, UploadRecord, UploadStorage

T = TypeVar("T")
_LOG = logging.getLogger(__name__)


class TriggerSerde:
    """Buttons: ``True`` for the one run after a click."""

    def deserialize(self, state: pb.WidgetState) -> bool:
        return bool(state.trigger_value)

    def serialize(self, value: bool, state: pb.WidgetState) -> None:
        state.trigger_value = bool(value)


class BoolSerde:
    def deserialize(self, state: pb.WidgetState) -> bool:
        return bool(state.bool_value)

    def serialize(self, value: bool, state: pb.WidgetState) -> None:
        state.bool_value = bool(value)


class StringSerde:
    """Text values; ``None`` when the state carries no string."""

    def deserialize(self, state: pb.WidgetState) -> str | None:
        return state.string_value if state.HasField("string_value") else None

    def serialize(self, value: str | None, state: pb.WidgetState) -> None:
        if value is not None:
            state.string_value = str(value)


@dataclass
class OptionSerde(Generic[T]):
    """One option out of many, sent as its index; ``None`` for no choice."""

    options: Sequence[T]

    def deserialize(self, state: pb.WidgetState) -> T | None:
        if not state.HasField("int_value"):
            return None
        return self.options[state.int_value]

    def serialize(self, value: T | None, state: pb.WidgetState) -> None:
        if value is not None:
            state.int_value = index_of(self.options, value)


@dataclass
class OptionsSerde(Generic[T]):
    """Several options, sent as their indexes."""

    options: Sequence[T]

    def deserialize(self, state: pb.WidgetState) -> list[T]:
        return [self.options[i] for i in state.int_array_value.data]

    def serialize(self, value: Sequence[T], state: pb.WidgetState) -> None:
        state.int_array_value.data.extend(index_of(self.options, v) for v in value)


def index_of(options: Sequence[Any], value: Any) -> int:
    """The index of ``value`` in ``options``, comparing by equality."""
    for index, option in enumerate(options):
        try:
            if option == value or option is value:
                return index
        except Exception:  # e.g. numpy arrays compare element-wise
            continue
    raise ValueError(f"{value!r} is not one of the options")


def format_options(options: Sequence[Any], format_func: Callable[[Any], Any]) -> list[str]:
    """Each option as the user sees it."""
    return [str(format_func(o)) for o in options]


class StringTriggerSerde:
    """Chat input: the submitted text for exactly one run, else ``None``."""

    def deserialize(self, state: pb.WidgetState) -> str | None:
        if state.HasField("string_trigger_value"):
            return state.string_trigger_value
        return None

    def serialize(self, value: str | None, state: pb.WidgetState) -> None:
        if value is not None:
            state.string_trigger_value = str(value)


@dataclass
class UploadedFilesSerde:
    """File uploaders: refs on the wire, ``UploadedFile`` objects in the script.

    Each ref names an upload in ``uploads``. In the desktop app a ref may
    carry a real ``path`` instead; it is read only when ``desktop`` is set,
    so a network client can never make the server read a path it names.
    ``accept`` (a filter on the name) and ``max_bytes`` drop files with a
    log warning.
    """

    uploads: UploadStorage
    session_id: str
    multiple: bool
    desktop: bool = False
    accept: Callable[[str], bool] | None = None
    max_bytes: int = 0

    def deserialize(self, state: pb.WidgetState) -> Any:
        files = [f for f in map(self._load, state.file_uploader_state_value.files) if f]
        if self.multiple:
            return files
        return files[0] if files else None

    def serialize(self, value: Any, state: pb.WidgetState) -> None:
        state.file_uploader_state_value.SetInParent()
        for file in value if isinstance(value, list) else [value]:
            if file is not None:
                state.file_uploader_state_value.files.append(file_ref(file))

    def _load(self, ref: pb.UploadedFileRef) -> UploadedFile | None:
        if ref.path and self.desktop:
            path = Path(ref.path)
            try:
                data = path.read_bytes()
            except OSError as exc:
                _LOG.warning("could not read the dropped file %r: %s", ref.path, exc)
                return None
            mimetype = ref.type or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            record = UploadRecord(ref.file_id or ref.path, ref.name or path.name, mimetype, data)
            file = UploadedFile(record, path)
        else:
            found = self.uploads.get(self.session_id, ref.file_id)
            if found is None:
                _LOG.warning("ignored an unknown upload %r (%r)", ref.file_id, ref.name)
                return None
            file = UploadedFile(found)
        if self.accept is not None and not self.accept(file.name):
            _LOG.warning("ignored the upload %r: its type is not accepted here", file.name)
            return None
        if self.max_bytes and file.size > self.max_bytes:
            _LOG.warning("ignored the upload %r: %d bytes is over the limit", file.name, file.size)
            return None
        return file


def file_ref(file: UploadedFile) -> pb.UploadedFileRef:
    """The wire reference to an uploaded file."""
    ref = pb.UploadedFileRef(file_id=file.file_id, name=file.name, type=file.type, size=file.size)
    if file.path is not None:
        ref.path = str(file.path)
    return ref
