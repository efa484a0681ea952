"""``st.help``: what an object is, its signature, its docstring and its members.

``st.write`` uses it too for what has no better display: functions,
classes, modules, dataclass instances, and objects whose text is only
their address (``<Thing object at 0x...>``).
"""

from __future__ import annotations

import ast
import dataclasses
import inspect
import re
import sys
from typing import TYPE_CHECKING, Any

from rillet.api._command import handle
from rillet.api.text import set_width
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context

if TYPE_CHECKING:
    from rillet.api.container import Container

# A member's repr longer than this is cut: the panel lists, it does not dump.
_MAX_VALUE = 200
_RILLET_PACKAGES = ("rillet", "rillet_server", "rillet_shell", "rillet_packaging")
# The text Python gives an object that says nothing but where it lives.
_ADDRESS_ONLY = re.compile(r"<[^\n]* at 0x[0-9a-fA-F]+>")


class _Rillet:
    """The default of ``st.help``'s argument: the ``rillet`` module (``None`` is described as None)."""

    def __repr__(self) -> str:
        return "rillet"


_RILLET = _Rillet()


def help(obj: Any = _RILLET, *, width: str | int = "stretch") -> Container:
    """Display an object's type, signature, docstring and public members.

    Args:
        obj: What to describe; by default the ``rillet`` module itself.
        width: ``"stretch"`` (the container's width) or pixels.

    Example:
        >>> import rillet as st
        >>> st.help(len)
        >>> st.help(st.button)
    """
    element = pb.Element()
    set_width(element, width, "help", content=False)
    if obj is _RILLET:  # no argument: no name to show, as in Streamlit
        element.help.CopyFrom(describe(sys.modules["rillet"], ""))
    else:
        element.help.CopyFrom(describe(obj, _argument_text(0) or _own_name(obj)))
    return handle(context.get().emit(element))


def write_help(obj: Any, index: int) -> None:
    """What ``st.write`` shows for ``obj``, its argument ``index``: the help panel."""
    element = pb.Element()
    element.help.CopyFrom(describe(obj, _argument_text(index) or _own_name(obj)))
    context.get().emit(element)


def wants_help(obj: Any) -> bool:
    """Whether ``st.write`` shows ``obj`` with :func:`help` rather than as text.

    Example:
        >>> wants_help(len), wants_help(3), wants_help(object())
        (True, False, True)
    """
    if inspect.ismodule(obj) or inspect.isclass(obj) or inspect.isroutine(obj):
        return True
    if dataclasses.is_dataclass(obj):
        return True
    try:
        shown = str(obj)
    except Exception:
        return True
    return _ADDRESS_ONLY.fullmatch(shown) is not None


def describe(obj: Any, name: str) -> pb.Help:
    """The :class:`pb.Help` of ``obj``, shown under ``name``.

    Example:
        >>> describe(len, "len").value
        'builtins.len(obj, /)'
    """
    out = pb.Help(name=name, doc=inspect.getdoc(obj) or "")
    if inspect.ismodule(obj):
        out.type = "module"
        # Only a module shown under another name says which it is, as in Streamlit.
        out.value = "" if obj.__name__ == name else obj.__name__
    elif inspect.isclass(obj):
        out.type = "class"
        out.value = _qualified(obj) + _signature(obj)
    elif inspect.isroutine(obj):
        out.type = _callable_kind(obj)
        out.value = _qualified(obj) + _signature(obj)
    else:
        kind = type(obj)
        out.type = kind.__name__
        shown = repr(obj)
        if _ADDRESS_ONLY.fullmatch(shown):  # says only where it lives: show its type's call
            out.value = _qualified(kind) + _signature(kind)
        else:
            out.value = _short(shown)
    out.members.extend(_members(obj))
    return out


def _members(obj: Any) -> list[pb.HelpMember]:
    """Public attributes, as Streamlit orders them: data and properties, then
    functions, then classes, each group alphabetically (modules left out)."""
    if inspect.isroutine(obj):
        return []
    ranked: list[tuple[int, pb.HelpMember]] = []
    for name in dir(obj):
        if name.startswith("_"):
            continue
        if _is_computed(obj, name):  # not evaluated: reading it may be costly or fail
            doc = inspect.getdoc(getattr(type(obj), name, None)) or ""
            ranked.append((0, pb.HelpMember(name=name, type="property", doc=doc)))
            continue
        try:
            value = getattr(obj, name)
        except Exception:  # a lazy module attribute that fails
            continue
        if inspect.ismodule(value):
            continue
        if inspect.isclass(value):
            doc = inspect.getdoc(value) or ""
            ranked.append((2, pb.HelpMember(name=name, type="class", doc=doc)))
        elif callable(value):
            doc = inspect.getdoc(value) or ""
            ranked.append((1, pb.HelpMember(name=name, type=_callable_kind(value), doc=doc)))
        else:
            member = pb.HelpMember(name=name, type=type(value).__name__, value=_short(repr(value)))
            ranked.append((0, member))
    ranked.sort(key=lambda pair: (pair[0], pair[1].name))
    return [member for _, member in ranked]


def _is_computed(obj: Any, name: str) -> bool:
    """Whether ``name`` is a property (or a C-level getset) of ``obj``'s class."""
    for klass in inspect.getmro(type(obj)):
        attr = klass.__dict__.get(name)
        if attr is not None:
            return isinstance(attr, property) or inspect.isgetsetdescriptor(attr)
    return False


def _callable_kind(obj: Any) -> str:
    return "function" if inspect.isfunction(obj) else str(type(obj).__name__)


def _qualified(obj: Any) -> str:
    module = getattr(obj, "__module__", None) or ""
    name = str(getattr(obj, "__qualname__", None) or getattr(obj, "__name__", ""))
    return f"{module}.{name}" if module else name


def _signature(obj: Any) -> str:
    try:
        return str(inspect.signature(obj))
    except (TypeError, ValueError):  # many built-ins have none
        return "(...)"


def _short(text: str) -> str:
    return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"


def _is_rillet(module: str) -> bool:
    return module.partition(".")[0] in _RILLET_PACKAGES


def _own_name(obj: Any) -> str:
    name = getattr(obj, "__name__", None)
    return name if isinstance(name, str) else ""


def _argument_text(index: int) -> str:
    """The source of argument ``index`` of the app's ``st.help``/``st.write`` call.

    Shown as the object's name (``Point(3, 4)``, ``df.columns``); for a
    magic line it is the line's expression. Empty when the source cannot
    be read (a script with no file behind it).
    """
    frame: Any = sys._getframe(1)
    while frame is not None and _is_rillet(frame.f_globals.get("__name__", "")):
        frame = frame.f_back
    if frame is None:
        return ""
    import linecache

    lines = linecache.getlines(frame.f_code.co_filename)
    positions = getattr(inspect.getframeinfo(frame), "positions", None)  # Python 3.11+
    if not lines:
        return ""
    segment: str
    if positions is None or positions.lineno is None:  # the whole line, on Python 3.10
        segment = lines[frame.f_lineno - 1].strip()
    else:
        first, last = positions.lineno, positions.end_lineno or positions.lineno
        span = ast.Constant(
            value=None,
            lineno=1,
            col_offset=positions.col_offset or 0,
            end_lineno=last - first + 1,
            end_col_offset=positions.end_col_offset or 0,
        )
        segment = (ast.get_source_segment("".join(lines[first - 1 : last]), span) or "").strip()
    try:
        node = ast.parse(segment, mode="eval").body
    except SyntaxError:
        return ""
    if isinstance(node, ast.Call):
        if index >= len(node.args):
            return ""
        arg = node.args[index]
        if isinstance(arg, ast.Constant):  # st.help(42): a literal has no name
            return ""
        if isinstance(arg, ast.NamedExpr):  # st.help(x := f()): the name it is given
            return ast.get_source_segment(segment, arg.target) or ""
        return ast.get_source_segment(segment, arg) or ""
    return segment
