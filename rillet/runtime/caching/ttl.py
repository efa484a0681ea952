"""Time-to-live values for cached functions: seconds, timedeltas or "1h 30m"."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import timedelta
from types import MappingProxyType

__all__ = ["parse_ttl"]

_UNITS: tuple[tuple[tuple[str, ...], float], ...] = (
    (("ms", "msec", "msecs", "millisecond", "milliseconds"), 0.001),
    (("s", "sec", "secs", "second", "seconds"), 1.0),
    (("m", "min", "mins", "minute", "minutes"), 60.0),
    (("h", "hr", "hrs", "hour", "hours"), 3600.0),
    (("d", "day", "days"), 86400.0),
    (("w", "wk", "wks", "week", "weeks"), 604800.0),
)
_SECONDS_PER_UNIT: Mapping[str, float] = MappingProxyType(
    {name: seconds for names, seconds in _UNITS for name in names}
)

# One "<number><unit>" part; parts may be separated by spaces or commas.
_PART = re.compile(r"\s*(\d+(?:\.\d*)?|\.\d+)\s*([a-zA-Z]+)\s*,?")

_ACCEPTED = (
    "None (no expiry), a number of seconds (60 or 0.5), a datetime.timedelta, "
    "or a string such as '30s', '10m', '1h', '1d 2h', '2 days' or '1h30m' "
    "(units: ms, s, m, h, d, w)"
)


def parse_ttl(ttl: float | timedelta | str | None) -> float | None:
    """Convert a ``ttl`` argument to seconds (None means entries never expire).

    Args:
        ttl: None, seconds as an int or float, a `datetime.timedelta`, or a
            duration string made of ``<number><unit>`` parts.

    Returns:
        The time to live in seconds, or None for no expiry (also for infinity).

    Raises:
        TypeError: ``ttl`` has an unsupported type.
        ValueError: ``ttl`` is negative, not a number, or an unreadable string.

    Example:
        >>> parse_ttl("1d 2h")
        93600.0
        >>> parse_ttl(timedelta(minutes=5))
        300.0
    """
    if ttl is None:
        return None
    if isinstance(ttl, bool) or not isinstance(ttl, (int, float, timedelta, str)):
        raise TypeError(f"ttl must be {_ACCEPTED}; got {ttl!r} of type {type(ttl).__name__}")
    if isinstance(ttl, timedelta):
        seconds = ttl.total_seconds()
    elif isinstance(ttl, str):
        seconds = _parse_duration(ttl)
    else:
        seconds = float(ttl)
    if math.isnan(seconds) or seconds < 0:
        raise ValueError(f"ttl must be {_ACCEPTED}; got {ttl!r}, which is not a duration >= 0")
    return None if math.isinf(seconds) else seconds


def _parse_duration(text: str) -> float:
    position, total, parts = 0, 0.0, 0
    while position < len(text):
        match = _PART.match(text, position)
        if match is None:
            if text[position:].strip() == "":
                break
            raise ValueError(f"ttl must be {_ACCEPTED}; got {text!r}")
        unit = _SECONDS_PER_UNIT.get(match.group(2).lower())
        if unit is None:
            raise ValueError(
                f"ttl must be {_ACCEPTED}; got {text!r}, with unknown unit {match.group(2)!r}"
            )
        total += float(match.group(1)) * unit
        parts += 1
        position = match.end()
    if parts == 0:
        raise ValueError(f"ttl must be {_ACCEPTED}; got {text!r}")
    return total
