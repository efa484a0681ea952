"""Number formatting (imported relatively by lib/__init__.py and directly by the pages)."""

import statistics


def thousands(value: float) -> str:
    """``1234567`` → ``"1,234,567"``."""
    return f"{value:,.0f}"


def median(values: list[float]) -> float:
    """The middle value."""
    return statistics.median(values)
