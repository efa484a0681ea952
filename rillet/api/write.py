"""``st.write``: the Swiss-army knife, and what magic calls."""

from __future__ import annotations

import inspect
from typing import Any

from rillet.api import alerts, chat, data, media, tables, text


def _is_dataframe_like(arg: Any) -> bool:
    module = type(arg).__module__
    return module.startswith(("pandas", "numpy", "polars", "pyarrow"))


def _is_image(arg: Any) -> bool:
    return type(arg).__module__.startswith("PIL")


def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Write each argument in the way that suits its type.

    Strings are Markdown (consecutive strings join with a space), dicts and
    lists are JSON trees, exceptions show with their traceback, data frames
    as tables, PIL images as images, generators are streamed (see
    ``write_stream``), and anything else as inline code.

    Example:
        >>> import rillet as st
        >>> st.write("Total:", 42, {"ok": True})
    """
    pending: list[str] = []

    def flush() -> None:
        if pending:
            text.markdown(" ".join(pending), unsafe_allow_html=unsafe_allow_html)
            pending.clear()

    for arg in args:
        if isinstance(arg, str):
            pending.append(arg)
            continue
        if isinstance(arg, (dict, list)) or _is_json_like(arg):
            flush()
            data.json(arg)
        elif isinstance(arg, BaseException):
            flush()
            alerts.exception(arg)
        elif _is_dataframe_like(arg):
            flush()
            tables.dataframe(arg)
        elif _is_image(arg):
            flush()
            media.image(arg)
        elif inspect.isgenerator(arg) or inspect.isasyncgen(arg):
            flush()
            chat.write_stream(arg)
        elif hasattr(arg, "_repr_html_") and unsafe_allow_html:
            flush()
            text.markdown(arg._repr_html_(), unsafe_allow_html=True)
        else:
            pending.append(f"`{arg}`")
    flush()


def _is_json_like(arg: Any) -> bool:
    # Mappings other than dict (e.g. st.session_state) show as JSON too.
    return hasattr(arg, "keys") and hasattr(arg, "__getitem__") and not _is_dataframe_like(arg)
