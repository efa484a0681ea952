"""How widget values cross the wire (see rillet/protocol/README.md).

Each class turns one ``WidgetState`` field into the Python value the script
sees, and back. A state with no field set means ``None``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rillet.protocol import rillet_pb2 as pb

T = TypeVar("T")


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
