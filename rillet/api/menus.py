"""``st.menu_button``: a button that opens a menu of options.

The value is the option the user just chose, for exactly one run (like a
button's ``True``), else ``None``. On the wire it is the chosen option's
label, sent once (``string_trigger_value``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from rillet.api.button_groups import option_choices
from rillet.api.icons import icon_name
from rillet.api.serde import format_options
from rillet.api.widget_args import width_text, wrap_mode
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Key, Widget, register

T = TypeVar("T")
_TYPES = ("primary", "secondary", "tertiary")


@dataclass
class ChosenOptionSerde(Generic[T]):
    """The option whose label the client sent once; ``None`` otherwise."""

    options: Sequence[T]
    labels: Sequence[str]
    # How options are shown (AppTest reads it, as Streamlit's does).
    format_func: Callable[[Any], Any] = str

    def deserialize(self, state: pb.WidgetState) -> T | None:
        if not state.HasField("string_trigger_value"):
            return None
        label = state.string_trigger_value
        if label not in self.labels:
            raise ValueError(f"{label!r} is not one of the menu's options")
        return self.options[self.labels.index(label)]

    def serialize(self, value: T | None, state: pb.WidgetState) -> None:
        if value is None:
            return
        for option, label in zip(self.options, self.labels, strict=True):
            if option == value:
                state.string_trigger_value = label
                return
        raise ValueError(f"{value!r} is not one of the menu's options")


def menu_button(
    label: str,
    options: Iterable[T],
    *,
    key: Key | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    type: str = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    width: str | int = "content",
    format_func: Callable[[Any], str] = str,
    wrap: bool | None = None,
) -> T | None:
    """Display a button that opens a menu; returns the option just chosen, else ``None``.

    The chosen option is returned for the one run its click causes, as a
    button returns ``True``; ``on_click`` runs before that run.

    Example:
        >>> import rillet as st
        >>> action = st.menu_button("Export", ["CSV", "JSON", "Parquet"])
        >>> if action is not None:
        ...     st.write(f"Exporting as {action}")
    """
    if type not in _TYPES:
        raise bad_argument(
            "type", type, "'primary', 'secondary' or 'tertiary'", command="menu_button"
        )
    if on_click is not None and not callable(on_click):
        raise bad_argument("on_click", on_click, "a callable or None", command="menu_button")
    if not callable(format_func):
        raise bad_argument("format_func", format_func, "a callable", command="menu_button")
    shown_icon = icon_name(icon, "menu_button")
    width_wire = width_text(width, "menu_button")
    wrapping = wrap_mode(wrap, "menu_button")
    opts = option_choices(options, "menu_button")
    if not opts:
        raise RilletAPIException(
            f"st.menu_button: `options` must hold at least one option, got {options!r}."
        )
    labels = format_options(opts, format_func)
    repeated = sorted({text for text in labels if labels.count(text) > 1})
    if repeated:
        # The client names the chosen option by its label, so each must be unique.
        raise RilletAPIException(
            f"st.menu_button: every option must show a different label; {repeated} "
            "appear more than once. Give `format_func` that tells them apart."
        )

    def build(_: T | None) -> pb.Element:
        element = pb.Element()
        element.menu_button.options.extend(labels)
        element.menu_button.type = type
        element.menu_button.icon = shown_icon
        element.menu_button.width = width_wire
        element.menu_button.wrap_mode = wrapping
        return element

    return register(
        Widget(
            kind="menu_button",
            label=label,
            default=None,
            serde=ChosenOptionSerde(opts, labels, format_func),
            build=build,
            identity=(tuple(labels), help, type, shown_icon),
            key=key,
            help=help,
            disabled=disabled,
            on_change=on_click,
            args=args,
            kwargs=kwargs,
            is_trigger=True,
            settable=False,
            allowed_in_form=False,
        )
    )
