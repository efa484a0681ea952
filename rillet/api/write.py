"""``st.write``: the Swiss-army knife, and what magic calls."""

from __future__ import annotations

import inspect
import re
from collections import UserList
from collections.abc import Callable, ItemsView, KeysView, ValuesView
from typing import Any

from rillet.api import alerts, data, text
from rillet.api.help import wants_help, write_help
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException


def _is_dataframe_like(arg: Any) -> bool:
    """Whether ``arg`` is a table or an array (not a scalar such as a Timestamp or NaT)."""
    kind = type(arg)
    module, name = kind.__module__, kind.__name__
    if module.startswith("numpy"):
        return bool(getattr(arg, "ndim", 0))  # a NumPy scalar reads as a number
    if module.startswith("pandas"):
        import pandas as pd  # loaded already: the app made a pandas object

        tables = (pd.DataFrame, pd.Series, pd.Index, pd.api.extensions.ExtensionArray)
        return isinstance(arg, tables) or name == "Styler"
    if module.startswith("polars"):
        return name in ("DataFrame", "Series", "LazyFrame")
    if module.startswith("pyarrow"):
        return name in ("Table", "RecordBatch", "ChunkedArray") or name.endswith("Array")
    return False


def _as_json(arg: Any) -> Any:
    """``arg`` as JSON shows it, or ``None`` when it is not dict- or list-like."""
    if isinstance(arg, (dict, list)):
        return arg
    if _is_json_like(arg):  # another mapping (UserDict, ChainMap, st.session_state...)
        try:
            return dict(arg)
        except Exception:  # keys() without the rest of a mapping: as it is
            return arg
    if isinstance(arg, tuple) and hasattr(arg, "_asdict"):  # a named tuple: its fields
        return dict(arg._asdict())
    if isinstance(arg, (KeysView, ValuesView, ItemsView, enumerate, map, UserList)):
        # Views and these iterators show their items, as in Streamlit (a zip does not).
        return [list(item) if isinstance(item, tuple) else item for item in arg]
    return None


def _library_chart(arg: Any) -> Callable[[Any], Any] | None:
    """The chart command that draws a Plotly, Matplotlib, Graphviz or pydeck object."""
    from rillet.api import charts_deck, charts_diagrams, charts_plotly, charts_pyplot

    module, name = type(arg).__module__, type(arg).__name__
    if module.startswith("plotly.") and hasattr(arg, "to_plotly_json"):
        return charts_plotly.plotly_chart
    if module.startswith("matplotlib.figure") and name in ("Figure", "SubFigure"):
        return charts_pyplot.pyplot
    if module.startswith("graphviz") and isinstance(getattr(arg, "source", None), str):
        return charts_diagrams.graphviz_chart
    if module.startswith("pydeck") and name == "Deck":
        return charts_deck.pydeck_chart
    if module.startswith("altair") and hasattr(arg, "to_dict") and name.endswith("Chart"):
        from rillet.api import charts_vega

        return charts_vega.altair_chart
    return None


def _is_image(arg: Any) -> bool:
    return type(arg).__module__.startswith("PIL")


class StreamingOutput(list[Any]):
    """What ``write_stream`` wrote when it was more than one text: ``st.write``
    of it writes each part again, as Streamlit's does."""


def _is_container(arg: Any) -> bool:
    """A container handle (``st.columns(2)[0]``): written as ``st.help`` does, as Streamlit."""
    from rillet.api.container import Container  # container.py imports this module

    return isinstance(arg, Container)


def write_on_handle(*args: Any, unsafe_allow_html: bool = False) -> None:
    """``container.write(...)``: as ``write``, but one argument only.

    As in Streamlit, several arguments are written through ``st`` or
    ``st.sidebar`` (or inside ``with container:``) only: a column, container
    or placeholder handle given several refuses them.

    Example:
        >>> import rillet as st
        >>> left, right = st.columns(2)
        >>> left.write("One argument")
    """
    if len(args) > 1 and len(context.get().target.path) > 1:
        raise RilletAPIException(
            "`write()` on a container takes one argument: write several through `st.write()` "
            "or `st.sidebar.write()`, or inside `with container:`."
        )
    write(*args, unsafe_allow_html=unsafe_allow_html)


def write(*args: Any, unsafe_allow_html: bool = False) -> None:
    """Write each argument in the way that suits its type.

    Strings are Markdown (consecutive strings join with a space); dicts,
    lists, named tuples and dict views are JSON trees; exceptions show with
    their traceback, data frames and arrays as tables, PIL images as images;
    Altair, Plotly, Matplotlib, Graphviz and pydeck figures as charts;
    generators are streamed (see ``write_stream``); objects with
    ``_repr_html_`` are HTML when ``unsafe_allow_html`` is set; functions,
    classes, modules, dataclass instances and objects whose text is only
    their address show as ``st.help`` does; anything else is code (inline,
    or a block when its text spans lines).

    Example:
        >>> import rillet as st
        >>> st.write("Total:", 42, {"ok": True})
    """
    pending: list[str] = []

    def flush() -> None:
        if pending:
            text.markdown(" ".join(pending), unsafe_allow_html=unsafe_allow_html)
            pending.clear()

    for index, arg in enumerate(args):
        if isinstance(arg, str):
            pending.append(arg)
            continue
        if isinstance(arg, StreamingOutput):
            flush()
            for part in arg:
                if callable(part):
                    part()
                else:
                    write(part, unsafe_allow_html=unsafe_allow_html)
            continue
        shown = _as_json(arg)
        if shown is not None:
            flush()
            data.json(shown)
        elif isinstance(arg, BaseException):
            flush()
            alerts.exception(arg)
        elif _is_dataframe_like(arg):
            flush()
            from rillet.api import tables

            tables.dataframe(arg)
        elif (chart := _library_chart(arg)) is not None:
            flush()
            chart(arg)
        elif _is_image(arg):
            flush()
            from rillet.api import media

            media.image(arg)
        elif inspect.isgenerator(arg) or inspect.isasyncgen(arg):
            flush()
            from rillet.api import chat  # loaded on first use: import rillet stays small

            chat.write_stream(arg)
        elif hasattr(arg, "_repr_html_") and unsafe_allow_html:
            flush()
            from rillet.api import html

            html.html(arg)
        elif wants_help(arg) or _is_container(arg):
            flush()
            write_help(arg, index)
        else:
            pending.append(_as_code(str(arg)))
    flush()


def _as_code(shown: str) -> str:
    """``shown`` as Markdown code: inline, or a fenced block when it spans lines.

    The fence is longer than any run of backticks inside, so none ends it early.

    Example:
        >>> _as_code("a`b")
        '``a`b``'
    """
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    if "\n" in shown:
        fence = "`" * max(3, longest + 1)
        return f"{fence}\n{shown}\n{fence}"
    return f"{'`' * (longest + 1)}{shown}{'`' * (longest + 1)}"


def _is_json_like(arg: Any) -> bool:
    # Mappings other than dict (e.g. st.session_state) show as JSON too.
    return hasattr(arg, "keys") and hasattr(arg, "__getitem__") and not _is_dataframe_like(arg)
