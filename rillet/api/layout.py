"""Layout: containers, columns, tabs, expanders, popovers, placeholders."""

from __future__ import annotations

import numbers
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from rillet.api._command import handle
from rillet.api.icons import icon_name
from rillet.api.serde import BoolSerde, StringSerde
from rillet.api.url_codecs import BOOL_URL, option_url
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.context import Target
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Key, Widget, claim_key, help_text, register_block

if TYPE_CHECKING:
    from rillet.api.container import Container, OpenableContainer

# How tabs, expanders and popovers react when the user opens one: "ignore"
# (no state kept), "rerun", or a callback (both keep state, as a widget).
OnOpen = Callable[..., Any] | Literal["ignore", "rerun"]
_EXPANDABLE_TYPES = ("default", "compact", "step")

Gap = Literal["xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge"] | int | None
_GAP_NAMES = ("xxsmall", "xsmall", "small", "medium", "large", "xlarge", "xxlarge")
_ALIGNMENTS = ("top", "center", "bottom")


def _block(block: pb.Block, **kwargs: Any) -> Container:
    return handle(context.get().emit_block(block, **kwargs))


def container(
    *,
    border: bool | None = None,
    key: str | int | None = None,
    width: str | int = "stretch",
    height: int | str | None = "content",
    horizontal: bool = False,
    wrap: bool = True,
    horizontal_alignment: str = "left",
    vertical_alignment: str = "top",
    gap: Gap = "small",
    autoscroll: bool | None = None,
) -> Container:
    """Insert a container that groups elements; write to it with ``with``.

    Args:
        height: Pixels (the content then scrolls inside a border),
            ``"content"``, ``"stretch"`` or ``None``.
        border: Draw a border; by default only a fixed-height container has one.
        key: Unique among the keys of widgets and containers of the page.
        horizontal: Lay the elements out in a row instead of a column
            (``gap`` and ``vertical_alignment`` then space and align them).
        wrap: In a horizontal container, let items that do not fit move
            to a new line (``False``: one line).
        autoscroll: In a fixed-height container, scroll to the newest
            content as it arrives; ``None`` does so when it holds chat
            messages.

    Example:
        >>> import rillet as st
        >>> with st.container(border=True):
        ...     st.write("Inside a bordered box")
        >>> with st.container(horizontal=True):
        ...     st.button("Back")
        ...     st.button("Next")
    """
    pixels = isinstance(height, int) and not isinstance(height, bool) and height > 0
    if height not in (None, "content", "stretch") and not pixels:
        raise bad_argument(
            "height",
            height,
            "a positive int (pixels), 'content', 'stretch' or None",
            command="container",
        )
    spacing = _gap(gap, "container")
    _check_alignment(
        "vertical_alignment", vertical_alignment, "container", (*_ALIGNMENTS, "distribute")
    )
    _check_alignment(
        "horizontal_alignment",
        horizontal_alignment,
        "container",
        ("left", "center", "right", "distribute"),
    )
    if not wrap and not horizontal:
        raise RilletAPIException(
            "st.container: `wrap=False` needs `horizontal=True`: only the items of a "
            "horizontal container are laid out in a row that could wrap."
        )
    if autoscroll is not None and not isinstance(autoscroll, bool):
        raise bad_argument("autoscroll", autoscroll, "True, False or None", command="container")
    bordered = bool(border) if border is not None else pixels
    name = _element_key(key)
    block = pb.Block(allow_empty=False)
    if horizontal:
        block.horizontal.gap = spacing
        block.horizontal.vertical_alignment = vertical_alignment
        block.horizontal.border = bordered
        block.horizontal.key = name
        block.horizontal.no_wrap = not wrap
        block.horizontal.is_container = True
    else:
        block.vertical.height = height if pixels and isinstance(height, int) else 0
        block.vertical.border = bordered
        block.vertical.key = name
        block.vertical.autoscroll = "" if autoscroll is None else "on" if autoscroll else "off"
    return _block(block)


def _element_key(key: object, command: str = "container") -> str:
    """``key`` as a string, claimed for this run ("" for none)."""
    if key is None:
        return ""
    if isinstance(key, bool) or not isinstance(key, (str, int)):
        raise bad_argument("key", key, "a string, an int or None", command=command)
    if str(key):
        claim_key(str(key), f"st.{command}")
    return str(key)


def _gap(gap: object, command: str) -> str:
    """``gap`` as the wire carries it: a size's name, ``"<n>px"``, or ``"none"``."""
    if gap is None:
        return "none"
    if gap in _GAP_NAMES:
        return str(gap)
    if isinstance(gap, int) and not isinstance(gap, bool) and gap >= 0:
        return f"{gap}px"
    names = ", ".join(repr(n) for n in _GAP_NAMES)
    raise bad_argument("gap", gap, f"one of {names}, a number of pixels, or None", command=command)


def _check_alignment(
    argument: str, alignment: object, command: str, accepted: Sequence[str]
) -> None:
    if alignment not in accepted:
        words = ", ".join(repr(a) for a in accepted[:-1]) + f" or {accepted[-1]!r}"
        raise bad_argument(argument, alignment, words, command=command)


def _column_weights(spec: object) -> list[Any]:
    """The relative widths ``spec`` asks for; numpy numbers, arrays and Series are
    taken, as Streamlit takes them. Empty when ``spec`` is no count nor list."""
    if isinstance(spec, numbers.Integral) and not isinstance(spec, bool):
        return [1.0] * int(spec)
    if isinstance(spec, (str, bytes, bool)) or not isinstance(spec, Iterable):
        return []
    tolist = getattr(spec, "tolist", None)  # numpy arrays and pandas Series
    return list(tolist() if callable(tolist) else spec)


def columns(
    spec: int | Sequence[float],
    *,
    gap: Gap = "small",
    vertical_alignment: Literal["top", "center", "bottom"] = "top",
    border: bool = False,
    width: str | int = "stretch",
    wrap: bool = True,
) -> list[Container]:
    """Insert side-by-side columns.

    Args:
        spec: A number of equal columns, or a list of relative widths.
        wrap: Stack the columns on narrow screens (640 pixels or less);
            ``False`` keeps them in one row, scrolling sideways if need be.

    Example:
        >>> import rillet as st
        >>> left, right = st.columns([2, 1])
        >>> left.write("wide")
        >>> right.write("narrow")
    """
    weights = _column_weights(spec)
    if not weights or any(
        isinstance(w, bool) or not isinstance(w, numbers.Real) or w <= 0 for w in weights
    ):
        raise bad_argument(
            "spec", spec, "a positive int or a list of positive numbers", command="columns"
        )
    spacing = _gap(gap, "columns")
    _check_alignment("vertical_alignment", vertical_alignment, "columns", _ALIGNMENTS)
    ctx = context.get()
    row = pb.Block()
    row.horizontal.gap = spacing
    row.horizontal.vertical_alignment = vertical_alignment
    row.horizontal.border = border
    row.horizontal.no_wrap = not wrap
    row_target = ctx.emit_block(row)
    total = sum(weights)
    cols = []
    for weight in weights:
        col = pb.Block()
        col.column.weight = float(weight) / float(total)
        col.column.gap = spacing
        col.column.vertical_alignment = vertical_alignment
        col.column.border = border
        cols.append(handle(ctx.emit_block(col, row_target)))
    return cols


def _tracks_state(on_change: object, bind: object, command: str) -> bool:
    """Whether a tab set, expander or popover keeps its open state as a widget."""
    if on_change == "ignore":
        return bind is not None
    if on_change == "rerun" or callable(on_change):
        return True
    raise bad_argument("on_change", on_change, "'ignore', 'rerun' or a callable", command=command)


def _openable(target: Target, open: bool | None) -> OpenableContainer:
    from rillet.api.container import OpenableContainer

    return OpenableContainer(target, open)


def expander(
    label: str,
    expanded: bool = False,
    *,
    key: Key | None = None,
    icon: str | None = None,
    type: Literal["default", "compact", "step"] = "default",
    width: str | int = "stretch",
    on_change: OnOpen = "ignore",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    bind: Literal["query-params"] | None = None,
) -> OpenableContainer:
    """Insert a section that the user can expand and collapse.

    With ``on_change="rerun"``, a callback or ``bind``, the expander keeps
    whether it is open as a widget value (under ``key`` in
    ``st.session_state``) and ``.open`` tells the script.

    Example:
        >>> import rillet as st
        >>> with st.expander("See details"):
        ...     st.write("Hidden until opened.")
    """
    if not isinstance(label, str):
        raise bad_argument("label", label, "a string", command="expander")
    if type not in _EXPANDABLE_TYPES:
        raise bad_argument("type", type, "'default', 'compact' or 'step'", command="expander")
    shown_icon = icon_name(icon, "expander")

    def block(open: bool) -> pb.Block:
        proto = pb.Block()
        proto.expander.label = label
        proto.expander.expanded = bool(open)
        proto.expander.icon = shown_icon
        proto.expander.type = "" if type == "default" else type
        return proto

    if not _tracks_state(on_change, bind, "expander"):
        plain = block(bool(expanded))
        plain.expander.key = _element_key(key, "expander")
        return _openable(context.get().emit_block(plain), None)
    widget: Widget[bool] = Widget(
        kind="expander",
        label=label,
        default=bool(expanded),
        serde=BoolSerde(),
        identity=(bool(expanded), shown_icon, type),
        key=key,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
        bind=bind,
        url=BOOL_URL,
    )
    open, inside = register_block(widget, block)
    return _openable(inside, open)


def tabs(
    tabs: Sequence[str],
    *,
    width: str | int = "stretch",
    height: str | int = "content",
    default: str | None = None,
    key: Key | None = None,
    on_change: OnOpen = "ignore",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    bind: Literal["query-params"] | None = None,
) -> tuple[OpenableContainer, ...]:
    """Insert tabs; write into each tab with ``with``.

    ``default`` names the tab shown first. With ``on_change="rerun"``, a
    callback or ``bind``, the shown tab's label is a widget value (under
    ``key`` in ``st.session_state``) and each tab's ``.open`` says whether
    it is the one shown.

    Example:
        >>> import rillet as st
        >>> a, b = st.tabs(["Chart", "Data"])
        >>> a.write("chart here")
    """
    # A string is a sequence of one-letter labels, as in Streamlit.
    if not isinstance(tabs, Sequence) or not tabs:
        raise bad_argument("tabs", tabs, "a non-empty list of tab labels", command="tabs")
    if not all(isinstance(t, str) for t in tabs):
        raise bad_argument("tabs", tabs, "a list of strings", command="tabs")
    labels = list(tabs)
    if default is not None and default not in labels:
        raise bad_argument("default", default, f"one of the tab labels {labels}", command="tabs")
    first = labels[0] if default is None else default

    def holder(selected: str | None) -> pb.Block:
        proto = pb.Block()
        proto.tab_container.selected = selected or first
        return proto

    ctx = context.get()
    shown: str | None = None
    if _tracks_state(on_change, bind, "tabs"):
        widget: Widget[str | None] = Widget(
            kind="tabs",
            label=" ".join(labels),
            default=first,
            serde=StringSerde(),
            identity=(tuple(labels), default),
            key_identity=(tuple(labels),),
            key=key,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            bind=bind,
            url=option_url(labels, labels),
            fit=lambda held: held if held in labels else first,
        )
        shown, holder_target = register_block(widget, holder)
    else:
        plain = holder(None)
        plain.tab_container.key = _element_key(key, "tabs")
        holder_target = ctx.emit_block(plain)
    out = []
    for label in labels:
        tab = pb.Block(allow_empty=True)
        tab.tab.label = label
        is_open = None if shown is None else label == shown
        out.append(_openable(ctx.emit_block(tab, holder_target), is_open))
    return tuple(out)  # a tuple, as Streamlit's


def popover(
    label: str,
    *,
    type: Literal["primary", "secondary", "tertiary"] = "secondary",
    help: str | None = None,
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
    wrap: bool | None = None,
    key: Key | None = None,
    on_change: OnOpen = "ignore",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
) -> OpenableContainer:
    """Insert a button that opens a floating panel.

    With ``on_change="rerun"`` or a callback the popover keeps whether it is
    open as a widget value (under ``key`` in ``st.session_state``) and
    ``.open`` tells the script.

    Example:
        >>> import rillet as st
        >>> with st.popover("Options"):
        ...     st.checkbox("Show grid")
    """
    if not isinstance(label, str):
        raise bad_argument("label", label, "a string", command="popover")
    if type not in ("primary", "secondary", "tertiary"):
        raise bad_argument("type", type, "'primary', 'secondary' or 'tertiary'", command="popover")
    if wrap is not None and not isinstance(wrap, bool):
        raise bad_argument("wrap", wrap, "True, False or None", command="popover")
    shown_icon = icon_name(icon, "popover")

    def block(open: bool) -> pb.Block:
        proto = pb.Block()
        proto.popover.label = label
        proto.popover.help = help_text(help)
        proto.popover.icon = shown_icon
        proto.popover.disabled = disabled
        proto.popover.use_container_width = bool(use_container_width)
        proto.popover.type = type
        proto.popover.open = bool(open)
        proto.popover.wrap = "" if wrap is None else "wrap" if wrap else "nowrap"
        return proto

    if not _tracks_state(on_change, None, "popover"):
        plain = block(False)
        plain.popover.key = _element_key(key, "popover")
        return _openable(context.get().emit_block(plain), None)
    widget: Widget[bool] = Widget(
        kind="popover",
        label=label,
        default=False,
        serde=BoolSerde(),
        identity=(shown_icon, type),
        key=key,
        help=help,
        disabled=disabled,
        on_change=on_change,
        args=args,
        kwargs=kwargs,
    )
    open, inside = register_block(widget, block)
    return _openable(inside, open)


def empty() -> Container:
    """Insert a placeholder that holds one element, replaced on each write.

    Example:
        >>> import rillet as st
        >>> slot = st.empty()
        >>> slot.text("Loading...")
        >>> slot.text("Done")
    """
    element = pb.Element()
    element.empty.SetInParent()
    return handle(context.get().emit(element))


def form(
    key: str,
    clear_on_submit: bool = False,
    *,
    enter_to_submit: bool = True,
    border: bool = True,
    width: str | int = "stretch",
    height: str | int = "content",
) -> Container:
    """Create a form: its widgets send their values together on submit.

    Example:
        >>> import rillet as st
        >>> with st.form("signup"):
        ...     name = st.text_input("Name")
        ...     sent = st.form_submit_button("Sign up")
    """
    if not isinstance(key, str) or not key:
        raise bad_argument("key", key, "a non-empty string unique to this form", command="form")
    ctx = context.get()
    if ctx.target.form_id:
        raise RilletAPIException(
            "Forms cannot be nested: `st.form()` was called inside another form."
        )
    # Every form of the run with where it is: after the run the session
    # marks those that never got a submit button.
    forms: dict[str, Target] = ctx.extras.setdefault("forms", {})
    if key in forms:
        raise RilletAPIException(
            f"There are several forms with `key={key!r}`. Each form needs its own unique key."
        )
    if clear_on_submit:
        ctx.extras.setdefault("clear_on_submit", set()).add(key)
    block = pb.Block()
    block.form.form_id = key
    block.form.clear_on_submit = bool(clear_on_submit)
    block.form.border = bool(border)
    block.form.enter_to_submit = bool(enter_to_submit)
    forms[key] = ctx.emit_block(block, form_id=key)
    return handle(forms[key])
