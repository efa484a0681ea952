"""How a widget bound to the URL (``bind="query-params"``) writes its value there.

A bound widget's value lives in the query parameter named by its key:
``?genre=Drama``, ``?tags=a&tags=b``, ``?price=10&price=90``. Options are
written as their labels (what ``format_func`` shows), dates as ISO dates,
times as ``HH:MM``, booleans as ``true``/``false``. A value the URL names
that the widget cannot hold is ignored, and the widget starts at its
default.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rillet.api.serde import index_of

T = TypeVar("T")


@dataclass
class ValueUrl(Generic[T]):
    """One value in one parameter (text, number, bool, date, an option).

    Example:
        >>> codec = ValueUrl(int)
        >>> codec.to_url(7), codec.from_url(["3", "7"])
        (['7'], 7)
    """

    parse: Callable[[str], T]
    show: Callable[[T], str] = str

    def to_url(self, value: T | None) -> list[str]:
        return [] if value is None else [self.show(value)]

    def from_url(self, values: list[str]) -> T:
        return self.parse(values[-1])


@dataclass
class ValuesUrl(Generic[T]):
    """Several values, the parameter repeated: a multiselect's choices, a range's ends.

    Example:
        >>> codec = ValuesUrl(float, pack=tuple)
        >>> codec.to_url((1.5, 4.0)), codec.from_url(["1.5", "4"])
        (['1.5', '4.0'], (1.5, 4.0))
    """

    parse: Callable[[str], T]
    show: Callable[[T], str] = str
    pack: Callable[[list[T]], Any] = list
    count: int | None = None  # exactly this many values (a range: 2)

    def to_url(self, value: Sequence[T] | None) -> list[str]:
        return [] if value is None else [self.show(v) for v in value]

    def from_url(self, values: list[str]) -> Any:
        if self.count is not None and len(values) != self.count:
            raise ValueError(f"expected {self.count} values, got {len(values)}")
        return self.pack([self.parse(v) for v in values])


def parse_bool(text: str) -> bool:
    """``true``/``false`` in any case.

    Example:
        >>> parse_bool("True"), parse_bool("false")
        (True, False)
    """
    lowered = text.strip().lower()
    if lowered not in ("true", "false"):
        raise ValueError(f"{text!r} is not true or false")
    return lowered == "true"


def show_bool(value: bool) -> str:
    return "true" if value else "false"


def parse_time(text: str) -> _dt.time:
    return _dt.time.fromisoformat(text)


def show_time(value: _dt.time) -> str:
    return value.strftime("%H:%M") if not value.second else value.isoformat()


def option_parser(options: Sequence[T], labels: Sequence[str]) -> Callable[[str], T]:
    """The option whose label is the text; ``ValueError`` for any other text."""

    def parse(text: str) -> T:
        return options[list(labels).index(text)]

    return parse


def option_shower(options: Sequence[T], labels: Sequence[str]) -> Callable[[T], str]:
    """An option's label, or the value's text for one that is not offered (a new option)."""

    def show(value: T) -> str:
        try:
            return labels[index_of(options, value)]
        except ValueError:
            return str(value)

    return show


def option_url(options: Sequence[T], labels: Sequence[str]) -> ValueUrl[T]:
    """One option, written as its label.

    Example:
        >>> codec = option_url([1, 2], ["one", "two"])
        >>> codec.to_url(2), codec.from_url(["one"])
        (['two'], 1)
    """
    return ValueUrl(option_parser(options, labels), option_shower(options, labels))


def options_url(options: Sequence[T], labels: Sequence[str]) -> ValuesUrl[T]:
    """Several options, each written as its label."""
    return ValuesUrl(option_parser(options, labels), option_shower(options, labels))


BOOL_URL: ValueUrl[bool] = ValueUrl(parse_bool, show_bool)
TEXT_URL: ValueUrl[str] = ValueUrl(str)
DATE_URL: ValueUrl[_dt.date] = ValueUrl(_dt.date.fromisoformat, _dt.date.isoformat)
TIME_URL: ValueUrl[_dt.time] = ValueUrl(parse_time, show_time)
DATETIME_URL: ValueUrl[_dt.datetime] = ValueUrl(_dt.datetime.fromisoformat, _dt.datetime.isoformat)

_SCALAR_URLS: dict[str, ValueUrl[Any]] = {
    "int": ValueUrl(int),
    "float": ValueUrl(float),
    "date": DATE_URL,
    "time": TIME_URL,
    "datetime": DATETIME_URL,
}


def slider_url(kind: str, is_range: bool) -> ValueUrl[Any] | ValuesUrl[Any]:
    """A slider's value (``kind``: int, float, date, time or datetime), or its range's two ends.

    Example:
        >>> slider_url("int", True).from_url(["10", "90"])
        (10, 90)
    """
    one = _SCALAR_URLS[kind]
    return ValuesUrl(one.parse, one.show, tuple, 2) if is_range else one
