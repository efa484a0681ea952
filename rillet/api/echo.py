"""``st.echo``: show the code of a ``with`` block, and run it."""

from __future__ import annotations

import contextlib
import linecache
import sys
import textwrap
from collections.abc import Iterator
from typing import Any, Literal

from rillet.api import text
from rillet.runtime.errors import bad_argument

# Frames of these modules stand between st.echo and the app's `with` line.
_PLUMBING = frozenset({"rillet", "contextlib"})


@contextlib.contextmanager
def echo(code_location: Literal["above", "below"] = "above") -> Iterator[None]:
    """Display the code of the ``with`` block, then run it (or the other way round).

    Args:
        code_location: ``"above"`` shows the code before what the block
            writes, ``"below"`` after it.

    Example:
        >>> import rillet as st
        >>> with st.echo():
        ...     st.write("This code shows above its output.")
    """
    if code_location not in ("above", "below"):
        raise bad_argument("code_location", code_location, "'above' or 'below'", command="echo")
    source = _block_source(sys._getframe(1))
    if code_location == "above":
        text.code(source, "python")
    yield
    if code_location == "below":
        text.code(source, "python")


def _block_source(frame: Any) -> str:
    """The body of the ``with`` statement the app's frame is on, dedented ("" when unreadable)."""
    while frame is not None and frame.f_globals.get("__name__", "").partition(".")[0] in _PLUMBING:
        frame = frame.f_back
    if frame is None:
        return ""
    lines = linecache.getlines(frame.f_code.co_filename)
    start = frame.f_lineno  # the `with` line (1-based); the body follows it
    if not lines or start > len(lines):
        return ""
    head = lines[start - 1]
    indent = len(head) - len(head.lstrip())
    body: list[str] = []
    for line in lines[start:]:
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        body.append(line)
    return textwrap.dedent("".join(body)).strip("\n")
