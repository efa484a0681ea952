"""A deeper differential outline for test_app_sweep.py.

harness.py's outline compares kind, label, value and options. The sweep
also compares every public attribute Streamlit's AppTest gives an element
of that kind (``help``, ``disabled``, ``min``/``max``/``step``,
``placeholder``, a column's ``weight`` and ``gap``, a chat message's
``name`` and ``avatar``, an exception's ``message`` and ``is_warning``...),
the size of every list accessor (``at.button``, ``at.toast``...) and the
session state, after every step. Apps run from a folder (main script,
``pages/``, other files) so multipage apps work the same way.
"""

from __future__ import annotations

import difflib
import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from harness import Known, Step, _block_kind, _children, _element_line, _is_block, _safe, apply

# Public attributes of Streamlit's AppTest elements, per kind, compared on both
# sides (read from streamlit.testing.v1.element_tree's dataclasses).
_WIDGET = ("disabled", "help", "form_id")
ATTRS: dict[str, tuple[str, ...]] = {
    "button": _WIDGET,
    "download_button": _WIDGET,
    "checkbox": _WIDGET,
    "toggle": _WIDGET,
    "color_picker": _WIDGET,
    "radio": (*_WIDGET, "horizontal", "index"),
    "selectbox": (*_WIDGET, "index"),
    "multiselect": (*_WIDGET, "max_selections", "indices"),
    "select_slider": (*_WIDGET, "options"),
    "slider": (*_WIDGET, "min", "max", "step"),
    "number_input": (*_WIDGET, "min", "max", "step"),
    "text_input": (*_WIDGET, "max_chars", "placeholder"),
    "text_area": (*_WIDGET, "max_chars", "placeholder"),
    "date_input": (*_WIDGET, "min", "max", "is_range"),
    "time_input": (*_WIDGET, "step"),
    "file_uploader": (*_WIDGET, "accept_multiple_files"),
    "camera_input": _WIDGET,
    "audio_input": _WIDGET,
    "chat_input": ("disabled", "placeholder"),
    "button_group": ("disabled", "options", "indices"),
    "feedback": ("disabled",),
    "metric": ("color", "help"),
    "code": ("show_line_numbers",),
    "markdown": ("allow_html", "is_caption"),
    "caption": ("allow_html",),
    "progress": ("text",),
    "toast": ("icon",),
    "exception": ("message", "is_markdown", "is_warning"),
    "json": ("expanded",),
}
BLOCK_ATTRS: dict[str, tuple[str, ...]] = {
    "column": ("weight", "gap"),
    "expander": ("label", "icon"),
    "tab": ("label",),
    "chat_message": ("name", "avatar"),
    "status": ("label", "icon", "state"),
}


# For date and time sliders (App.skip_attrs): the bounds and step as each AppTest gives them.
TIME_SLIDER_BOUNDS = {
    "slider.min": "for dates and times Streamlit's AppTest gives the raw microseconds "
    "its protobuf holds; rillet's gives the date or time the script passed",
    "slider.max": "as slider.min",
    "slider.step": "as slider.min (a timedelta on rillet's side)",
}

# Numbers Streamlit's AppTest reads from a protobuf double (a slider's 1 is
# 1.0 there): compared as floats, so only the value they hold counts.
_DOUBLES = ("min", "max", "step", "max_chars", "weight", "max_selections")


def _fmt(value: Any, name: str = "") -> str:
    if name in _DOUBLES and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    text = repr(value)
    return text if len(text) < 300 else text[:300] + "..."


def _lines(at: Any, app: App) -> list[str]:
    out: list[str] = []
    for root_name in ("main", "sidebar", "event"):
        out.append(f"[{root_name}]")
        for child in _children(_root(at, root_name)):
            _walk(child, 1, out, app)
    return out


def _root(at: Any, name: str) -> Any:
    """``at.main``, ``at.sidebar``, or the root dialogs and toasts go in."""
    if name != "event":
        return getattr(at, name)
    if hasattr(at, "_roots"):  # rillet
        from rillet.testing.elements import Block
        from rillet.testing.tree import EVENT_ROOT

        return Block(at._roots[EVENT_ROOT], at)
    return at._tree.children[2]


def _attrs(node: Any, kind: str, names: tuple[str, ...], app: App) -> list[str]:
    skipped = set(app.skip_attrs) | {f"{k.kind}.{f}" for k in app.known for f in k.fields}
    return [f"{a}={_attr(node, a)}" for a in names if f"{kind}.{a}" not in skipped]


def _attr(node: Any, name: str) -> str:
    try:
        return _fmt(getattr(node, name), name)
    except Exception as exc:  # both sides failing alike is agreement; the wording is their own
        return f"<{type(exc).__name__}>"


def _walk(node: Any, depth: int, out: list[str], app: App) -> None:
    pad = "  " * depth
    if _is_block(node):
        kind = _block_kind(node)
        out.append(pad + " ".join([kind, *_attrs(node, kind, BLOCK_ATTRS.get(kind, ()), app)]))
        children = _children(node)
        streamlit_side = type(node).__module__.startswith("streamlit.")
        if kind == "dialog" and streamlit_side and len(children) == 1 and _is_block(children[0]):
            # Streamlit's AppTest shows a dialog's body inside one vertical
            # container; rillet's holds it directly. Only AppTest's tree differs.
            children = _children(children[0])
        for child in children:
            _walk(child, depth + 1, out, app)
        return
    if str(node.type) in app.drop_kinds:
        return
    line = _element_line(node, 0)
    for known in app.known:  # the fields a Line has; attributes are left out by _attrs
        fields = tuple(f for f in known.fields if f in ("body", "label", "value", "extra"))
        line = Known(known.kind, fields, known.why).apply(line)
    text = line.render()
    kind = str(node.type)
    if kind in ("file_uploader", "camera_input", "audio_input"):
        # UploadedFile's repr differs (Streamlit's shows its upload URLs): compare what it holds.
        value = _safe(lambda: node.value)
        files = value if isinstance(value, list) else [value]
        held = [None if f is None else (f.name, f.type, f.size, f.getvalue()) for f in files]
        text = text.split(" value=")[0] + f" value={held!r}"
    extra = _attrs(node, kind, ATTRS.get(kind, ()), app)
    if kind in ("dataframe", "table"):
        extra.append(f"data={_frame(node)}")
    out.append(pad + " ".join([text, *extra]))


def _frame(node: Any) -> str:
    value = _safe(lambda: node.value)
    to_dict = getattr(value, "to_dict", None)
    return _fmt(to_dict("list") if to_dict else value)


def _accessors(at: Any, probe: Any, skip: Sequence[str]) -> list[str]:
    from streamlit.testing.v1 import element_tree

    lists = (element_tree.ElementList, element_tree.BlockList)
    sizes = []
    for name in sorted(n for n in dir(element_tree.Block) if not n.startswith("_")):
        if name in skip or not isinstance(_safe(lambda n=name: getattr(probe, n)), lists):
            continue
        sizes.append(f"at.{name}: {_safe(lambda n=name: len(getattr(at, n)))}")
    return sizes


def _state(at: Any, skip: Sequence[str] = ()) -> list[str]:
    ss = at.session_state
    if hasattr(ss, "filtered_state"):
        items = ss.filtered_state().items()
    else:
        items = ss._state._state.filtered_state.items()
    hidden = ("$$", "FormSubmitter:")
    shown = sorted((k, v) for k, v in items if not k.startswith(hidden) and k not in skip)
    return [f"{k} = {_fmt(_held(v))}" for k, v in shown]


def _held(value: Any) -> Any:
    """What an uploaded file (or a list of them) holds: its repr differs on each side."""
    if isinstance(value, list):
        return [_held(v) for v in value]
    if hasattr(value, "file_id") and hasattr(value, "getvalue"):
        return ("UploadedFile", value.name, value.type, value.size, value.getvalue())
    return value


@dataclass
class App:
    """An app as users write it, what a user does in it, and its declared differences."""

    source: str
    steps: list[Step | list[Step]] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    secrets: dict[str, Any] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    # Fields (harness.Known: body, value, extra...; or an attribute such as
    # "message") blanked on both sides, each with why the difference is acceptable ...
    known: list[Known] = field(default_factory=list)
    # ... and accessors not compared, each with its reason.
    skip_accessors: dict[str, str] = field(default_factory=dict)
    # Attributes not compared, "kind.attr" -> reason.
    skip_attrs: dict[str, str] = field(default_factory=dict)
    # Elements left out on both sides, kind -> reason.
    drop_kinds: dict[str, str] = field(default_factory=dict)
    # Session-state keys not compared, key -> reason.
    skip_state: dict[str, str] = field(default_factory=dict)
    # More facts read from either AppTest after every run (test_data_apps.py: a
    # table's dtypes and column configuration as sent), compared as lines.
    facts: Callable[[Any], list[str]] | None = None


def _page(at: Any, probe: Any, app: App) -> list[str]:
    accessors = _accessors(at, probe, list(app.skip_accessors))
    facts = ["-- facts --", *app.facts(at)] if app.facts else []
    return [*_lines(at, app), "-- state --", *_state(at, list(app.skip_state)), *accessors, *facts]


def _folder(root: Path, app: App) -> Path:
    (root / "pages").mkdir(parents=True, exist_ok=True)
    (root / "main.py").write_text(textwrap.dedent(app.source), encoding="utf-8")
    for name, text in app.pages.items():
        (root / "pages" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    for name, text in app.files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root / "main.py"


def start(tmp: Path, app: App, rillet: bool) -> Any:
    main = _folder(tmp / ("rillet" if rillet else "streamlit"), app)
    if rillet:
        from rillet.testing import AppTest

        at = AppTest.from_file(str(main), default_timeout=10, streamlit_alias=True)
    else:
        from streamlit.testing.v1 import AppTest as StreamlitAppTest

        at = StreamlitAppTest.from_file(str(main), default_timeout=10)
    for key, value in app.secrets.items():
        at.secrets[key] = value
    for key, value in app.query.items():
        at.query_params[key] = value
    return at.run()


def differences(tmp: Path, app: App) -> tuple[list[str], int]:
    """The diffs after each run (empty when both sides agree) and the runs compared."""
    theirs, ours = start(tmp, app, rillet=False), start(tmp, app, rillet=True)
    diffs = []
    runs = 0
    for label, step in [("the first run", None), *((repr(s), s) for s in app.steps)]:
        if step is not None:
            for one in step if isinstance(step, list) else [step]:
                apply(theirs, one)
                apply(ours, one)
            theirs.run()
            ours.run()
        runs += 1
        expected, actual = _page(theirs, theirs, app), _page(ours, theirs, app)
        if expected != actual:
            diff = difflib.unified_diff(expected, actual, "streamlit", "rillet", lineterm="", n=2)
            diffs.append(f"after {label}:\n" + "\n".join(diff))
    return diffs, runs


_MANIFESTS: list[Any] = []


@pytest.fixture
def scan_components_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit's AppTest scans every installed package for components on each app's
    first run (about a second); sweep apps use none, so scan once and reuse the result
    while each test runs."""
    from streamlit.components.v2 import manifest_scanner

    if not _MANIFESTS:
        _MANIFESTS.append(manifest_scanner.scan_component_manifests())
    monkeypatch.setattr(
        manifest_scanner, "scan_component_manifests", lambda *a, **k: list(_MANIFESTS[0])
    )
