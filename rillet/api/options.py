"""Turning whatever a user passes as ``options`` into a list."""

from __future__ import annotations

from typing import Any

from rillet.runtime.errors import bad_argument


def options_list(options: Any, command: str) -> list[Any]:
    """A list of options from a list, tuple, range, dict keys, set, Series,
    DataFrame (first column), numpy array or any other iterable; ``None`` is
    no option and a string one option.

    Example:
        >>> options_list(range(3), "radio")
        [0, 1, 2]
    """
    module = type(options).__module__
    if module.startswith("pandas"):
        if hasattr(options, "columns"):  # DataFrame: its first column
            return list(options.iloc[:, 0].tolist())
        return list(options.tolist())
    if module.startswith("numpy"):
        return list(options.tolist())
    # As Streamlit: no options is an empty list, and a string is one option.
    if options is None:
        return []
    if isinstance(options, (str, bytes)):
        return [options]
    if isinstance(options, dict):
        return list(options.keys())
    try:
        return list(options)
    except TypeError:
        raise bad_argument(
            "options", options, "a list, tuple or other iterable of options", command=command
        ) from None
