"""Diagrams from text: ``st.graphviz_chart`` (DOT) and ``st.mermaid_chart``.

Both are laid out in the page, Graphviz by its WebAssembly build and
Mermaid by mermaid.js, each a lazy chunk: neither the ``dot`` binary nor
the ``graphviz`` Python package is needed for a DOT string. A Mermaid
diagram travels as a Markdown ```` ```mermaid ```` fence, as in Streamlit,
so AppTest sees it in ``at.markdown``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.api.charts_plotly import container_width, size_text
from rillet.api.text import check_width, markdown
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container

_ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork", "nop", "nop2")
_GRAPH_START = re.compile(r"^\s*(strict\s+)?(di)?graph\b", re.IGNORECASE)
# Comments DOT allows before the graph (graphviz writes `// comment` there).
_LEADING_COMMENTS = re.compile(r"^(?:\s+|//[^\n]*|#[^\n]*|/\*.*?\*/)*", re.DOTALL)


def dot_source(figure_or_dot: Any) -> tuple[str, str]:
    """The DOT source and layout engine of a graphviz object or a DOT string.

    Example:
        >>> dot_source("digraph { a -> b }")
        ('digraph { a -> b }', 'dot')
        >>> dot_source("// made by graphviz\\ngraph { a -- b }")[0]
        '// made by graphviz\\ngraph { a -- b }'
    """
    accepted = "a DOT string, or a graphviz.Graph, graphviz.Digraph or graphviz.Source"
    if isinstance(figure_or_dot, str):
        text = figure_or_dot.lstrip("\ufeff")
        if not _GRAPH_START.match(text[_LEADING_COMMENTS.match(text).end() :]):  # type: ignore[union-attr]
            raise bad_argument(
                "figure_or_dot",
                figure_or_dot[:80],
                f"{accepted} (DOT starts with `graph`, `digraph` or `strict`)",
                command="graphviz_chart",
            )
        return figure_or_dot, "dot"
    source = getattr(figure_or_dot, "source", None)
    if type(figure_or_dot).__module__.startswith("graphviz") and isinstance(source, str):
        engine = str(getattr(figure_or_dot, "engine", "dot") or "dot")
        return source, engine if engine in _ENGINES else "dot"
    raise bad_argument("figure_or_dot", figure_or_dot, accepted, command="graphviz_chart")


def graphviz_chart(
    figure_or_dot: Any,
    use_container_width: bool | None = None,
    *,
    width: int | str = "content",
    height: int | str = "content",
    alt: str | None = None,
) -> Container:
    """Display a graph drawn with Graphviz.

    Args:
        figure_or_dot: A ``graphviz.Graph``/``Digraph``/``Source`` or DOT source.
        use_container_width: Deprecated: ``True`` is ``width="stretch"``.
        width: ``"content"`` (the graph's own size), ``"stretch"`` or pixels.
        height: ``"content"``, ``"stretch"`` or pixels.
        alt: The graph's accessible name.

    Example:
        >>> import rillet as st
        >>> st.graphviz_chart("digraph { run -> intr; intr -> runbl; runbl -> run }")
    """
    spec, engine = dot_source(figure_or_dot)
    shown_width = container_width(use_container_width, width, "graphviz_chart")
    element = pb.Element()
    chart = element.graphviz_chart
    chart.spec, chart.engine = spec, engine
    chart.width = size_text(shown_width, "width", "graphviz_chart", ("content", "stretch"))
    chart.height = size_text(height, "height", "graphviz_chart", ("content", "stretch"))
    chart.alt = alt or ""
    return handle(context.get().emit(element))


def _longest_backticks(text: str) -> int:
    runs = re.findall(r"`+", text)
    return max((len(run) for run in runs), default=0)


def _with_alt(body: str, alt: str) -> str:
    """``body`` with an ``%% stAlt:`` comment line naming the diagram, after any front matter."""
    line = "%% stAlt: " + " ".join(alt.split()) + "\n"
    lines = body.splitlines(keepends=True)
    start = 0
    if lines and lines[0].strip() == "---":
        closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        start = closing + 1 if closing is not None else 0
    if start and not lines[start - 1].endswith("\n"):
        lines[start - 1] += "\n"
    lines.insert(start, line)
    return "".join(lines)


def mermaid_chart(body: str, *, width: int | str = "stretch", alt: str | None = None) -> Container:
    """Display a Mermaid diagram (flowchart, sequence, class, Gantt, ...).

    Args:
        body: The diagram in Mermaid's syntax.
        width: ``"stretch"``, ``"content"`` or pixels.
        alt: The diagram's accessible name.

    Example:
        >>> import rillet as st
        >>> st.mermaid_chart("graph LR; A[Start] --> B{Ok?}; B -->|yes| C[Done]")
    """
    if not isinstance(body, str):
        raise bad_argument("body", body, "a string of Mermaid source", command="mermaid_chart")
    check_width(width, "mermaid_chart")
    if alt is not None and alt.strip():
        body = _with_alt(body, alt.strip())
    fence = "`" * max(4, _longest_backticks(body) + 1)
    return markdown(f"{fence}mermaid\n{body}\n{fence}", width=width)
