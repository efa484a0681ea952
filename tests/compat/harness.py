"""Differential testing: the same app through Streamlit's AppTest and rillet's.

An app is written as Streamlit users write it (``import streamlit as st``).
:func:`compare` runs it through ``streamlit.testing.v1.AppTest`` and through
``rillet.testing.AppTest`` (unchanged: ``streamlit_alias=True`` makes the
import resolve to rillet for the run), then applies the same scripted interactions to
both, comparing what each page shows after every run.

What is compared is a normalised outline of the page: one line per element
in page order (main, then sidebar, recursing into blocks, indented by
depth) holding the kind AppTest reports (``"markdown"``, ``"button"``, a
block kind such as ``"column"``), the shown body, the label, the widget
value (as ``repr``, so ``1`` and ``1.0`` differ) and a few kind-specific
fields; then the user-visible session state. A difference fails the test
with a unified diff of the two outlines.

Interactions are tuples ``(kind, which, action, *args)``: ``which`` is an
index into ``at.<kind>`` or a widget key, ``action`` a method name of the
AppTest widget (``"click"``, ``"set_value"``, ``"input"``, ...). Special
steps: ``("session_state", key, value)`` sets a value between runs and
``("run",)`` just reruns. A list of steps is applied together before one
``run()``.

Known differences are declared per case with :class:`Known`, each with the
reason it is acceptable, and blank the named fields of matching lines on
both sides before comparing.
"""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

Step = tuple[Any, ...]


@dataclass(frozen=True)
class Line:
    """One element or block of the page, normalised."""

    depth: int
    kind: str
    body: str | None = None
    label: str | None = None
    value: str | None = None
    extra: tuple[tuple[str, str], ...] = ()

    def render(self) -> str:
        parts = [self.kind]
        if self.label is not None:
            parts.append(f"label={self.label!r}")
        if self.body is not None:
            parts.append(f"body={self.body!r}")
        if self.value is not None:
            parts.append(f"value={self.value}")
        parts.extend(f"{k}={v}" for k, v in self.extra)
        return "  " * self.depth + " ".join(parts)


@dataclass(frozen=True)
class Known:
    """A justified difference: blank ``fields`` of lines of ``kind`` on both sides."""

    kind: str
    fields: tuple[str, ...]
    why: str

    def apply(self, line: Line) -> Line:
        if line.kind != self.kind:
            return line
        changes: dict[str, Any] = {}
        for name in self.fields:
            changes[name] = () if name == "extra" else None
        return Line(**{**vars(line), **changes})


@dataclass
class Outline:
    """What a page shows after one run."""

    lines: list[Line] = field(default_factory=list)
    state: dict[str, str] = field(default_factory=dict)

    def render(self, known: Sequence[Known] = ()) -> list[str]:
        out = []
        for line in self.lines:
            for k in known:
                line = k.apply(line)
            out.append(line.render())
        out.append("-- session_state --")
        out.extend(f"{k} = {v}" for k, v in sorted(self.state.items()))
        return out


# ------------------------------------------------------------- the two sides


def run_streamlit(source: str, timeout: float) -> Any:
    from streamlit.testing.v1 import AppTest

    return AppTest.from_string(source, default_timeout=timeout).run()


def run_rillet(source: str, timeout: float) -> Any:
    """The same source, unchanged: ``import streamlit`` resolves to rillet for the run."""
    from rillet.testing import AppTest

    return AppTest.from_string(source, default_timeout=timeout, streamlit_alias=True).run()


# ------------------------------------------------------------ normalising


def outline(at: Any) -> Outline:
    """The normalised outline of what ``at`` (either AppTest) shows."""
    result = Outline()
    for root in (at.main, at.sidebar):
        for child in _children(root):
            _walk(child, 0, result.lines)
    result.state = _visible_state(at)
    return result


def _children(node: Any) -> list[Any]:
    children = node.children
    if isinstance(children, dict):  # Streamlit: {index: node}
        return [children[i] for i in sorted(children)]
    return list(children)


def _walk(node: Any, depth: int, lines: list[Line]) -> None:
    if _is_block(node):
        lines.append(_block_line(node, depth))
        for child in _children(node):
            _walk(child, depth + 1, lines)
        return
    lines.append(_element_line(node, depth))


def _is_block(node: Any) -> bool:
    return hasattr(node, "children") and not hasattr(node, "value")


def _block_line(node: Any, depth: int) -> Line:
    kind = _block_kind(node)
    label = getattr(node, "label", None) if kind in ("tab", "expander", "status") else None
    extra: list[tuple[str, str]] = []
    if kind == "status":
        extra += [("state", repr(node.state)), ("icon", repr(node.icon))]
    return Line(depth, kind, label=label, extra=tuple(extra))


def _block_kind(node: Any) -> str:
    kind = str(node.type)
    proto = getattr(node, "proto", None)
    if kind == "flex_container" and proto is not None and proto.HasField("vertical"):
        return "vertical"  # rillet names the direction in the oneof
    if kind == "flex_container" and proto is not None and proto.HasField("grid_cell"):
        return "vertical"  # a grid's cell: a vertical container on both sides
    if kind == "flex_container" and proto is not None and proto.HasField("horizontal"):
        return "horizontal"
    if (
        kind == "flex_container" and proto is not None
    ):  # Streamlit 1.4x+: containers and column rows
        direction = proto.flex_container.direction
        enum = proto.flex_container.DESCRIPTOR.fields_by_name["direction"].enum_type
        return str(enum.values_by_number[direction].name).lower()
    if kind == "block" and proto is not None:  # rillet: a plain block names its kind in the oneof
        return str(proto.WhichOneof("type") or "vertical")
    return kind


_WIDGETS = {
    "button",
    "checkbox",
    "toggle",
    "radio",
    "selectbox",
    "multiselect",
    "slider",
    "select_slider",
    "text_input",
    "text_area",
    "number_input",
    "date_input",
    "time_input",
    "file_uploader",
    "color_picker",
    "chat_input",
    "button_group",
    "feedback",
    "menu_button",
    "pagination",
}
# Widgets Streamlit's AppTest gives no label.
_UNLABELLED = {"feedback", "pagination", "chat_input"}


def _element_line(node: Any, depth: int) -> Line:
    kind = str(node.type)
    extra: list[tuple[str, str]] = []
    if kind in _WIDGETS:
        value = repr(_safe(lambda: node.value))
        options = getattr(node, "options", None)
        if options is not None and kind != "select_slider":
            extra.append(("options", repr(list(options))))
        label = None if kind in _UNLABELLED else str(node.label)
        return Line(depth, kind, label=label, value=value, extra=tuple(extra))
    body: str | None = None
    label: str | None = None
    proto = getattr(node, "proto", None)
    if kind == "exception":
        body = str(node.value)
        extra.append(("type", str(proto.type)))
    elif kind == "metric":
        body, label = str(node.value), str(node.label)
        extra.append(("delta", repr(str(node.delta))))
    elif kind in ("error", "warning", "info", "success"):
        body = str(node.value)
        extra.append(("icon", repr(str(node.icon))))
    elif kind == "code":
        body = str(node.value)
        extra.append(("language", repr(str(node.language))))
    elif kind == "json":
        body = str(node.value)
        extra.append(("expanded", repr(bool(node.expanded))))
    elif kind in ("title", "header", "subheader"):
        body = str(node.value)
        extra.extend(_heading_extra(proto))
    elif kind == "progress":
        body = str(node.value)
    elif kind == "help_info":  # Streamlit's field is doc_string, rillet's doc
        body, label = str(proto.value), str(proto.name)
        doc = getattr(proto, "doc_string", None)
        extra.append(("type", repr(proto.type)))
        extra.append(("doc", repr(doc if doc is not None else proto.doc)))
        extra.append(("members", repr([(m.name, m.type) for m in proto.members])))
    else:
        value = _safe(lambda: node.value)
        body = value if isinstance(value, str) else None
    return Line(depth, kind, body=body, label=label, extra=tuple(extra))


def _heading_extra(proto: Any) -> list[tuple[str, str]]:
    # Streamlit hides an anchor with a flag; rillet with the anchor "-".
    if getattr(proto, "hide_anchor", False) or proto.anchor == "-":
        anchor = "hidden"
    else:
        anchor = proto.anchor or "auto"
    return [("anchor", anchor), ("divider", repr(proto.divider)), ("help", repr(proto.help))]


def _safe(get: Callable[[], Any]) -> Any:
    try:
        return get()
    except Exception as exc:
        return f"<error {type(exc).__name__}: {exc}>"


def _visible_state(at: Any) -> dict[str, str]:
    ss = at.session_state
    if hasattr(ss, "filtered_state"):  # rillet
        items: Iterable[tuple[str, Any]] = ss.filtered_state().items()
    else:  # Streamlit: the filtered state of the session behind the test
        items = ss._state._state.filtered_state.items()
    return {k: repr(v) for k, v in items if not k.startswith(("$$", "FormSubmitter:"))}


# ------------------------------------------------------------- interacting


def apply(at: Any, step: Step) -> None:
    """Apply one scripted interaction to ``at`` (without running)."""
    kind = step[0]
    if kind == "run":
        return
    if kind == "session_state":
        _, key, value = step
        at.session_state[key] = value
        return
    _, which, action, *args = step
    widgets = getattr(at, kind)
    widget = widgets(key=which) if isinstance(which, str) else widgets[which]
    getattr(widget, action)(*args)


# ------------------------------------------------------------- comparing


@dataclass
class Report:
    """The outlines of both sides after each run, and whether they matched."""

    steps: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.diffs


def compare(
    source: str,
    steps: Sequence[Step | list[Step]] = (),
    *,
    known: Sequence[Known] = (),
    timeout: float = 10,
) -> Report:
    """Run ``source`` on both sides, apply ``steps``, compare after every run."""
    source = textwrap.dedent(source)
    report = Report()
    st_at = run_streamlit(source, timeout)
    rl_at = run_rillet(source, timeout)
    _check(report, "initial run", st_at, rl_at, known)
    for step in steps:
        group = step if isinstance(step, list) else [step]
        for one in group:
            apply(st_at, one)
            apply(rl_at, one)
        st_at.run()
        rl_at.run()
        _check(report, " + ".join(repr(s) for s in group), st_at, rl_at, known)
    return report


def _check(report: Report, name: str, st_at: Any, rl_at: Any, known: Sequence[Known]) -> None:
    expected = outline(st_at).render(known)
    actual = outline(rl_at).render(known)
    report.steps.append(name)
    if expected != actual:
        diff = difflib.unified_diff(expected, actual, "streamlit", "rillet", lineterm="", n=2)
        report.diffs.append(f"after {name}:\n" + "\n".join(diff))


def assert_same(
    source: str, steps: Sequence[Step | list[Step]] = (), *, known: Sequence[Known] = ()
) -> None:
    """Fail with a readable diff when rillet shows something Streamlit does not."""
    report = compare(source, steps, known=known)
    assert report.ok, "rillet differs from Streamlit\n\n" + "\n\n".join(report.diffs)


# Errors raised by st.* itself are worded by rillet (never Streamlit's text):
# for them only whether and where an error shows is compared.
OWN_ERROR_WORDS = Known(
    "exception",
    ("body", "extra"),
    "rillet words the errors its commands raise itself (never Streamlit's text)",
)


def assert_fails_alike(call: str) -> None:
    """``call`` (one line of an app) fails where Streamlit's does: what came before it shows."""
    assert_same(
        f"import datetime\nimport streamlit as st\nst.write('before')\n{call}\nst.write('after')\n",
        known=[OWN_ERROR_WORDS],
    )


def assert_same_facts(
    source: str, read: Callable[[Any], Any], steps: Sequence[Step | list[Step]] = ()
) -> None:
    """Both AppTests report the same ``read(at)`` after every run.

    For parameters the outline leaves out: ``read`` uses only what both
    AppTests expose (``at.columns[0].weight``, a widget's ``help``...). A
    list of strings is compared line by line, with a diff.
    """
    source = textwrap.dedent(source)
    st_at, rl_at = run_streamlit(source, 10), run_rillet(source, 10)
    for name, group in [("the initial run", []), *((repr(s), s) for s in steps)]:
        for one in group if isinstance(group, list) else [group]:
            apply(st_at, one)
            apply(rl_at, one)
        if group:
            st_at.run()
            rl_at.run()
        expected, actual = read(st_at), read(rl_at)
        if expected == actual:
            continue
        if isinstance(expected, list) and all(isinstance(x, str) for x in [*expected, *actual]):
            diff = "\n".join(difflib.unified_diff(expected, actual, "streamlit", "rillet", n=1))
            raise AssertionError(f"after {name}:\n{diff}")
        raise AssertionError(f"after {name}: streamlit {expected!r}, rillet {actual!r}")
