"""Button groups: ``st.pills`` and ``st.segmented_control``.

Both show their options as a row of buttons (rounded chips that wrap, or
one joined row). With ``selection_mode="single"`` the value is the selected
option or ``None``; with ``"multi"`` it is the list of selected options.
On the wire the value is the selected option indexes (``int_array_value``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rillet.api.choices import _default_list, _offered
from rillet.api.icons import is_emoji
from rillet.api.options import options_list
from rillet.api.serde import as_offered, format_options, index_of
from rillet.api.url_codecs import option_url, options_url
from rillet.api.widget_args import check_bool, width_text, wrap_mode
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Key, OnChange, Widget, register

T = TypeVar("T")
_MODES = ("single", "multi")


@dataclass
class SelectionSerde(Generic[T]):
    """Selected options as their indexes; one option (or ``None``) unless ``multi``."""

    options: Sequence[T]
    multi: bool
    # How options are shown (AppTest reads it, as Streamlit's does).
    format_func: Callable[[Any], Any] = str

    def deserialize(self, state: pb.WidgetState) -> Any:
        indexes = list(state.int_array_value.data)
        if not all(0 <= i < len(self.options) for i in indexes):
            raise IndexError(f"option indexes {indexes} of {len(self.options)} options")
        chosen = [self.options[i] for i in indexes]
        if self.multi:
            return chosen
        return chosen[0] if chosen else None

    def serialize(self, value: Any, state: pb.WidgetState) -> None:
        state.int_array_value.SetInParent()
        values = value if self.multi else [value]
        state.int_array_value.data.extend(index_of(self.options, v) for v in values)


def option_choices(options: Any, command: str) -> list[Any]:
    """The options as a list; one string is one option, ``None`` none (as in Streamlit)."""
    if options is None:
        return []
    if isinstance(options, str):
        return [options]
    return options_list(options, command)


def split_icon(label: str) -> tuple[str, str]:
    """A label's leading emoji or ``:material/name:`` icon, and the rest.

    Example:
        >>> split_icon(":material/star: Star"), split_icon("🔥 Hot"), split_icon("Plain")
        ((':material/star:', 'Star'), ('🔥', 'Hot'), ('', 'Plain'))
    """
    first, _, rest = label.partition(" ")
    material = first.startswith(":material/") and first.endswith(":") and len(first) > 11
    if first and (material or is_emoji(first)):
        return first, rest
    return "", label


def _defaults(default: Any, opts: Sequence[Any], multi: bool, command: str) -> list[Any]:
    values = _default_list(default)
    if not multi and len(values) > 1:
        raise RilletAPIException(
            f"st.{command}: `default` must be one option (or None) when "
            f"`selection_mode='single'`, got {default!r}. Use `selection_mode='multi'` "
            "to select several."
        )
    for value in values:
        try:
            index_of(opts, value)
        except ValueError:
            raise RilletAPIException(
                f"st.{command}: every value in `default` must be one of the options; "
                f"{value!r} is not. Options: {[str(o) for o in opts]}."
            ) from None
    return values


def _button_group(
    command: str,
    style: pb.ButtonGroup.Style.ValueType,
    label: str,
    options: Any,
    selection_mode: str,
    default: Any,
    required: bool,
    format_func: Callable[[Any], Any] | None,
    key: Key | None,
    help: str | None,
    on_change: OnChange,
    args: Iterable[Any] | None,
    kwargs: Mapping[str, Any] | None,
    disabled: bool,
    label_visibility: str,
    width: Any,
    wrap: Any,
    bind: str | None,
    persist_state: str | None,
) -> Any:
    if selection_mode not in _MODES:
        raise bad_argument("selection_mode", selection_mode, "'single' or 'multi'", command=command)
    multi = selection_mode == "multi"
    required = check_bool(required, "required", command)
    if required and multi:
        raise RilletAPIException(
            f"st.{command}: `required=True` works with `selection_mode='single'` only "
            "(a multi-selection may always be empty)."
        )
    if format_func is not None and not callable(format_func):
        raise bad_argument("format_func", format_func, "a callable or None", command=command)
    width_wire = width_text(width, command)
    wrapping = wrap_mode(wrap, command)
    opts = option_choices(options, command)
    chosen = _defaults(default, opts, multi, command)
    labels = format_options(opts, format_func or str)
    shown = [split_icon(text) for text in labels]
    start: Any = list(chosen) if multi else (chosen[0] if chosen else None)

    def build(current: Any) -> pb.Element:
        element = pb.Element()
        group = element.button_group
        group.style = style
        group.multi = multi
        for icon, text in shown:
            group.options.add(label=text, icon=icon)
        values = current if multi else ([] if current is None else [current])
        group.value.extend(index_of(opts, v) for v in values)
        group.required = required
        group.width = width_wire
        group.wrap_mode = wrapping
        return element

    def fit(held: Any) -> Any:
        # A value that is no longer offered reads as the default, as in Streamlit.
        if multi:
            if not isinstance(held, (list, tuple)):
                return start
            kept = [v for v in held if _offered(opts, v)]
            return held if len(kept) == len(held) else kept
        return held if held is None or _offered(opts, held) else start

    picked = register(
        Widget(
            kind=command,
            label=label,
            default=start,
            serde=SelectionSerde(opts, multi, format_func or str),
            build=build,
            identity=(
                tuple(labels),
                tuple(index_of(opts, v) for v in chosen),
                multi,
                required,
                help,
            ),
            key_identity=(multi,),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=bool(chosen),
            fit=fit,
            bind=bind,
            url=options_url(opts, labels) if multi else option_url(opts, labels),
            persist_state=persist_state,
        )
    )
    return as_offered(opts, picked)


def pills(
    label: str,
    options: Iterable[T] | None,
    *,
    selection_mode: str = "single",
    default: Sequence[T] | T | None = None,
    required: bool = False,
    format_func: Callable[[Any], str] | None = None,
    key: Key | None = None,
    help: str | None = None,
    on_change: OnChange = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "content",
    wrap: bool | None = None,
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display options as rounded chips; returns the selected option(s).

    With ``selection_mode="single"`` (the default) the result is one option
    or ``None``; with ``"multi"`` it is a list. ``required=True`` keeps one
    option selected once the user picked it. A label may start with an
    emoji or a ``:material/name:`` icon, drawn before the text.

    Example:
        >>> import rillet as st
        >>> tags = st.pills("Tags", ["Python", "Rust", "Go"], selection_mode="multi")
    """
    return _button_group(
        "pills",
        pb.ButtonGroup.PILLS,
        label,
        options,
        selection_mode,
        default,
        required,
        format_func,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        width,
        wrap,
        bind,
        persist_state,
    )


def segmented_control(
    label: str,
    options: Iterable[T] | None,
    *,
    selection_mode: str = "single",
    default: Sequence[T] | T | None = None,
    required: bool = False,
    format_func: Callable[[Any], str] | None = None,
    key: Key | None = None,
    help: str | None = None,
    on_change: OnChange = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "content",
    wrap: bool | None = None,
    bind: str | None = None,
    persist_state: str | None = None,
) -> Any:
    """Display options as one row of joined buttons; returns the selected option(s).

    Takes the same arguments as :func:`pills` and returns the same values.

    Example:
        >>> import rillet as st
        >>> view = st.segmented_control("View", ["Day", "Week", "Month"], default="Week")
    """
    return _button_group(
        "segmented_control",
        pb.ButtonGroup.SEGMENTED_CONTROL,
        label,
        options,
        selection_mode,
        default,
        required,
        format_func,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
        width,
        wrap,
        bind,
        persist_state,
    )
