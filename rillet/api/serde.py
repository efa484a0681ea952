"""How widget values cross the wire (see rillet/protocol/README.md).

Each class turns one ``WidgetState`` field into the Python value the script
sees, and back. A state with no field set means ``None``.
"""

from __future__ import annotations

import datetime as _dt
import enum
import logging
import mimetypes
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
    # How the options were labelled (AppTest reports it, as Streamlit's does).
    format_func: Callable[[Any], Any] = field(default=str, compare=False, repr=False)

    def deserialize(self, state: pb.WidgetState) -> T | None:
        if not state.HasField("int_value"):
            return None
        if not 0 <= state.int_value < len(self.options):
            raise IndexError(f"option index {state.int_value} of {len(self.options)} options")
        return self.options[state.int_value]

    def serialize(self, value: T | None, state: pb.WidgetState) -> None:
        if value is not None:
            state.int_value = index_of(self.options, value)


@dataclass
class NewOptionSerde(Generic[T]):
    """A selectbox that accepts new options: an option as its index, else text.

    Text the user typed comes back as the option shown with that label
    (``labels``), else as the text itself.
    """

    options: Sequence[T]
    labels: Sequence[str]
    format_func: Callable[[Any], Any] = field(default=str, compare=False, repr=False)

    def deserialize(self, state: pb.WidgetState) -> T | str | None:
        if state.HasField("string_value"):
            typed = state.string_value
            return self.options[self.labels.index(typed)] if typed in self.labels else typed
        return OptionSerde(self.options).deserialize(state)

    def serialize(self, value: T | str | None, state: pb.WidgetState) -> None:
        if value is None:
            return
        try:
            state.int_value = index_of(self.options, value)
        except ValueError:
            state.string_value = str(value)


@dataclass
class NewOptionsSerde(Generic[T]):
    """A multiselect that accepts new options: each chosen value as its label, or typed text.

    A label matching an option's (``labels``) comes back as that option,
    anything else as the text itself.
    """

    options: Sequence[T]
    labels: Sequence[str]
    format_func: Callable[[Any], Any] = field(default=str, compare=False, repr=False)

    def deserialize(self, state: pb.WidgetState) -> list[T | str]:
        return [self.option_of(text) for text in state.string_array_value.data]

    def serialize(self, value: Sequence[T | str], state: pb.WidgetState) -> None:
        state.string_array_value.SetInParent()
        state.string_array_value.data.extend(self.label_of(v) for v in value)

    def option_of(self, text: str) -> T | str:
        return self.options[self.labels.index(text)] if text in self.labels else text

    def label_of(self, value: T | str) -> str:
        try:
            return self.labels[index_of(self.options, value)]
        except ValueError:
            return str(value)


@dataclass
class OptionsSerde(Generic[T]):
    """Several options, sent as their indexes."""

    options: Sequence[T]
    format_func: Callable[[Any], Any] = field(default=str, compare=False, repr=False)

    def deserialize(self, state: pb.WidgetState) -> list[T]:
        indexes = list(state.int_array_value.data)
        if not all(0 <= i < len(self.options) for i in indexes):
            raise IndexError(f"option indexes {indexes} of {len(self.options)} options")
        return [self.options[i] for i in indexes]

    def serialize(self, value: Sequence[T], state: pb.WidgetState) -> None:
        state.int_array_value.data.extend(index_of(self.options, v) for v in value)


def index_of(options: Sequence[Any], value: Any) -> int:
    """The index of ``value`` in ``options``, comparing by equality.

    An Enum member matches the offered member of the same name when the
    script has since made its Enum class again (see :func:`as_offered`).
    """
    for index, option in enumerate(options):
        try:
            if option == value or option is value:
                return index
        except Exception:  # e.g. numpy arrays compare element-wise
            continue
    if isinstance(value, enum.Enum):
        member = _same_member(options, value)
        if member is not value:
            return next(i for i, option in enumerate(options) if option is member)
    raise ValueError(f"{value!r} is not one of the options")


def as_offered(options: Sequence[Any], value: Any) -> Any:
    """``value`` (or each item of a list or tuple) with Enum members taken from ``options``.

    A script that defines an Enum makes a new class on every run, so a
    member chosen in an earlier run is not one of this run's options. As
    Streamlit does by default, it reads as the offered member of the same
    name when both classes have the same name and members.

    Example:
        >>> import enum
        >>> def make():
        ...     return enum.Enum("Colour", "RED GREEN")
        >>> old, new = make(), make()
        >>> as_offered(list(new), old.GREEN) is new.GREEN
        True
    """
    if isinstance(value, enum.Enum):
        return _same_member(options, value)
    if isinstance(value, (list, tuple)) and any(isinstance(v, enum.Enum) for v in value):
        return type(value)(as_offered(options, v) for v in value)
    return value


def _same_member(options: Sequence[Any], member: enum.Enum) -> Any:
    kind = type(member)
    for option in options:
        other = type(option)
        if (
            isinstance(option, enum.Enum)
            and other is not kind
            and other.__qualname__ == kind.__qualname__
            and option.name == member.name
            and set(other.__members__) == set(kind.__members__)
        ):
            return option
    return member


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


@dataclass
class PathsSerde:
    """Path inputs: absolute paths as ``string_array_value``; ``Path`` (or a list) in the script.

    Security: only the desktop window's native dialogs give paths. In any
    other session the client can only echo the value it was sent (which
    :meth:`shown` records); anything else is refused, so a network client
    can never name a path the script would then read or write.
    """

    multiple: bool
    desktop: bool = False
    _sent: tuple[str, ...] | None = None

    def shown(self, value: Path | list[Path] | None) -> list[str]:
        """The value as the element carries it; remembered as the one a browser may echo."""
        paths = [str(p) for p in (value if isinstance(value, list) else [value]) if p is not None]
        self._sent = tuple(paths)
        return paths

    def deserialize(self, state: pb.WidgetState) -> Path | list[Path] | None:
        data = tuple(state.string_array_value.data)
        if not self.desktop and data != self._sent:
            raise ValueError("paths are accepted from the desktop window only")
        paths = [Path(p) for p in data]
        if self.desktop and not all(p.is_absolute() for p in paths):
            raise ValueError(f"not absolute paths: {list(data)}")
        if self.multiple:
            return paths
        if len(paths) > 1:
            raise ValueError(f"one path expected, got {len(paths)}")
        return paths[0] if paths else None

    def serialize(self, value: Path | list[Path] | None, state: pb.WidgetState) -> None:
        state.string_array_value.SetInParent()
        items = value if isinstance(value, list) else [value]
        state.string_array_value.data.extend(str(p) for p in items if p is not None)


@dataclass
class DoubleArraySerde(Generic[T]):
    """Sliders: values as doubles, converted by ``decode``/``encode``.

    A range widget gives a tuple (sorted, as the client keeps its thumbs in
    order); a single one its one value. A slider always has a value, so a
    state without one is refused rather than read as ``None``.
    """

    decode: Callable[[float], T]
    encode: Callable[[T], float]
    is_range: bool = False
    # A select_slider's option labeller (AppTest reports it, as Streamlit's does).
    format_func: Callable[[Any], Any] = field(default=str, compare=False, repr=False)

    def deserialize(self, state: pb.WidgetState) -> T | tuple[T, ...]:
        if not state.HasField("double_array_value"):
            raise ValueError("a slider state needs double_array_value")
        values = tuple(self.decode(v) for v in sorted(state.double_array_value.data))
        if self.is_range:
            return values
        if len(values) != 1:
            raise ValueError(f"a single-value slider got {len(values)} values")
        return values[0]

    def serialize(self, value: Any, state: pb.WidgetState) -> None:
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        state.double_array_value.data.extend(self.encode(v) for v in values)


@dataclass
class NumberSerde:
    """number_input: ``int_value`` or ``double_value``; no state means ``None``."""

    is_int: bool

    def deserialize(self, state: pb.WidgetState) -> int | float | None:
        field = state.WhichOneof("value")
        if field is None:
            return None
        if field not in ("int_value", "double_value"):
            raise ValueError(f"a number state needs int_value or double_value, got {field}")
        number: float = getattr(state, field)
        if not self.is_int:
            return float(number)
        if isinstance(number, float) and not number.is_integer():
            raise ValueError(f"an int number_input got {number!r}")
        return int(number)

    def serialize(self, value: float | None, state: pb.WidgetState) -> None:
        if value is None:
            return
        if isinstance(value, int) or (self.is_int and float(value).is_integer()):
            state.int_value = int(value)
        else:
            state.double_value = float(value)


@dataclass
class DatesSerde:
    """date_input: ISO dates; a tuple for a range, else one date or ``None``."""

    is_range: bool

    def deserialize(self, state: pb.WidgetState) -> _dt.date | tuple[_dt.date, ...] | None:
        data = state.string_array_value.data if state.HasField("string_array_value") else []
        dates = tuple(_dt.date.fromisoformat(s) for s in data)
        if len(dates) > (2 if self.is_range else 1):
            raise ValueError(f"a date_input got {len(dates)} dates")
        if self.is_range:
            return dates
        return dates[0] if dates else None

    def serialize(self, value: Any, state: pb.WidgetState) -> None:
        values = list(value) if isinstance(value, (list, tuple)) else [value]
        state.string_array_value.SetInParent()
        state.string_array_value.data.extend(_as_date(v).isoformat() for v in values)


@dataclass
class TimeSerde:
    """time_input: ``"HH:MM"`` (``"HH:MM:SS"`` with seconds); no state means ``None``."""

    with_seconds: bool = False

    def deserialize(self, state: pb.WidgetState) -> _dt.time | None:
        if not state.HasField("string_value"):
            return None
        moment = _dt.time.fromisoformat(state.string_value)
        if not self.with_seconds:
            moment = moment.replace(second=0)
        return moment.replace(microsecond=0)

    def serialize(self, value: Any, state: pb.WidgetState) -> None:
        if isinstance(value, _dt.datetime):
            value = value.time()
        elif isinstance(value, str):
            value = _dt.time.fromisoformat(value)
        state.string_value = value.strftime("%H:%M:%S" if self.with_seconds else "%H:%M")


def _as_date(value: Any) -> _dt.date:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    return _dt.date.fromisoformat(str(value))
