"""Buttons: button, form_submit_button and link_button, and the layout every button shares."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from rillet.api._command import handle
from rillet.api.icons import icon_name
from rillet.api.serde import TriggerSerde
from rillet.api.text import check_width
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Key, Widget, help_text, register

if TYPE_CHECKING:
    pass

ButtonType = Literal["primary", "secondary", "tertiary"]
_TYPES = ("primary", "secondary", "tertiary")

_MODIFIERS = frozenset({"alt", "ctrl", "cmd", "meta", "mod", "option", "shift"})
_SPECIAL_KEYS = {
    "backspace": "backspace",
    "delete": "delete",
    "down": "down",
    "end": "end",
    "enter": "enter",
    "esc": "escape",
    "escape": "escape",
    "home": "home",
    "left": "left",
    "pagedown": "pagedown",
    "pageup": "pageup",
    "right": "right",
    "space": "space",
    "tab": "tab",
    "up": "up",
}
_SHORTCUT_ACCEPTS = (
    "a letter or digit (not C or R, which the browser keeps), a function key such as "
    "'F2', or one of " + ", ".join(sorted({k.title() for k in _SPECIAL_KEYS})) + ", optionally "
    "after modifiers (Ctrl, Cmd, Alt, Option, Shift, Meta, Mod) joined with '+', e.g. 'Ctrl+K'"
)


def shortcut_keys(shortcut: object, command: str) -> str:
    """A keyboard shortcut as the client matches it: lower case, modifiers first.

    Example:
        >>> shortcut_keys("Ctrl+Shift+K", "button"), shortcut_keys("Esc", "button")
        ('ctrl+shift+k', 'escape')
    """
    if not isinstance(shortcut, str) or not shortcut.strip():
        raise bad_argument("shortcut", shortcut, _SHORTCUT_ACCEPTS, command=command)
    parts = [part.strip().lower() for part in shortcut.split("+")]
    *modifiers, key = parts
    if any(m not in _MODIFIERS for m in modifiers) or key in _MODIFIERS or not key:
        raise bad_argument("shortcut", shortcut, _SHORTCUT_ACCEPTS, command=command)
    if key in ("c", "r"):
        raise bad_argument("shortcut", shortcut, _SHORTCUT_ACCEPTS, command=command)
    is_function_key = key[0] == "f" and key[1:].isdigit() and 1 <= int(key[1:]) <= 24
    if not (key in _SPECIAL_KEYS or is_function_key or (len(key) == 1 and key.isalnum())):
        raise bad_argument("shortcut", shortcut, _SHORTCUT_ACCEPTS, command=command)
    return "+".join([*modifiers, _SPECIAL_KEYS.get(key, key)])


def button_layout(
    icon_position: object, shortcut: object, wrap: object, command: str
) -> pb.ButtonLayout:
    """``icon_position``, ``shortcut`` and ``wrap``, checked, as every button sends them."""
    if icon_position not in ("left", "right"):
        raise bad_argument("icon_position", icon_position, "'left' or 'right'", command=command)
    if wrap is not None and not isinstance(wrap, bool):
        raise bad_argument("wrap", wrap, "True, False or None", command=command)
    return pb.ButtonLayout(
        icon_right=icon_position == "right",
        shortcut="" if shortcut is None else shortcut_keys(shortcut, command),
        wrap="" if wrap is None else "wrap" if wrap else "nowrap",
    )


def _full_width(use_container_width: bool | None, width: object, command: str) -> tuple[bool, str]:
    """Whether the button fills its box, and the box's ``Element.width``.

    A width in pixels is a box of that width that the button fills.
    """
    check_width(width, command)
    if use_container_width is not None:
        return bool(use_container_width), ""
    if isinstance(width, int):
        return True, f"{width}px"
    return width == "stretch", ""


def _button(
    command: str,
    label: str,
    key: Key | None,
    help: str | None,
    on_click: Callable[..., Any] | None,
    args: Iterable[Any] | None,
    kwargs: Mapping[str, Any] | None,
    type: str,
    icon: str | None,
    disabled: bool,
    is_form_submit: bool,
    full_width: tuple[bool, str],
    layout: pb.ButtonLayout,
) -> bool:
    if type not in _TYPES:
        raise bad_argument("type", type, "'primary', 'secondary' or 'tertiary'", command=command)
    if isinstance(on_click, str):  # as Streamlit: a click always reruns, no mode to pick
        raise bad_argument("on_click", on_click, "a callable or None", command=command)
    icon = icon_name(icon, command)

    def build(value: bool) -> pb.Element:
        element = pb.Element()
        element.button.type = type
        element.button.is_form_submit = is_form_submit
        element.button.icon = icon
        element.button.layout.CopyFrom(layout)
        element.use_container_width, element.width = full_width
        return element

    return register(
        Widget(
            kind=command,
            label=label,
            default=False,
            serde=TriggerSerde(),
            build=build,
            identity=(help, type, icon, is_form_submit),
            key=key,
            help=help,
            disabled=disabled,
            on_change=on_click,
            args=args,
            kwargs=kwargs,
            is_trigger=True,
            settable=False,
            is_form_submit=is_form_submit,
            allowed_in_form=is_form_submit,
        )
    )


def link_button(
    label: str,
    url: str,
    *,
    key: Key | None = None,
    on_click: Callable[..., Any] | Literal["rerun", "ignore"] = "ignore",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    help: str | None = None,
    type: ButtonType = "secondary",
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> Any:
    """Display a link that looks like a button; it opens ``url`` in a new tab.

    With ``on_click="ignore"`` (the default) clicking it runs nothing in the
    app and the command returns the element. With ``"rerun"`` or a callback
    the click also reruns the app (the callback first) and the command
    returns ``True`` for that run, like ``st.button``. In the desktop window
    the page opens in the system's browser.

    Example:
        >>> import rillet as st
        >>> st.link_button("Go to the docs", "https://example.com/docs", icon="📖")
    """
    if type not in _TYPES:
        raise bad_argument(
            "type", type, "'primary', 'secondary' or 'tertiary'", command="link_button"
        )
    if not isinstance(url, str):  # an empty URL is taken, as in Streamlit (a link to nowhere)
        raise bad_argument("url", url, "a URL string", command="link_button")
    element = pb.Element()
    link = element.link_button
    link.label = str(label)
    link.url = url.strip()
    link.help = help_text(help)
    link.type = type
    link.icon = icon_name(icon, "link_button")
    link.disabled = bool(disabled)
    link.layout.CopyFrom(button_layout(icon_position, shortcut, wrap, "link_button"))
    element.use_container_width, element.width = _full_width(
        use_container_width, width, "link_button"
    )
    if on_click == "ignore":
        return handle(context.get().emit(element))
    if on_click != "rerun" and not callable(on_click):
        raise bad_argument(
            "on_click", on_click, "'ignore', 'rerun' or a callable", command="link_button"
        )
    return register(
        Widget(
            kind="link_button",
            label=label,
            default=False,
            serde=TriggerSerde(),
            build=lambda _clicked: element,
            identity=(link.url, help, type, link.icon),
            key=key,
            help=help,
            disabled=disabled,
            on_change=None if on_click == "rerun" else on_click,
            args=args,
            kwargs=kwargs,
            is_trigger=True,
            settable=False,
            allowed_in_form=False,
        )
    )


def button(
    label: str,
    key: Key | None = None,
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    type: ButtonType = "secondary",
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Display a button; it returns ``True`` for the run after a click.

    Example:
        >>> import rillet as st
        >>> if st.button("Say hello"):
        ...     st.write("Hello!")
    """
    full_width = _full_width(use_container_width, width, "button")
    layout = button_layout(icon_position, shortcut, wrap, "button")
    return _button(
        "button",
        label,
        key,
        help,
        on_click,
        args,
        kwargs,
        type,
        icon,
        disabled,
        False,
        full_width,
        layout,
    )


def form_submit_button(
    label: str = "Submit",
    help: str | None = None,
    on_click: Callable[..., Any] | None = None,
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    key: Key | None = None,
    type: ButtonType = "secondary",
    icon: str | None = None,
    icon_position: Literal["left", "right"] = "left",
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
    shortcut: str | None = None,
    wrap: bool | None = None,
) -> bool:
    """Display a form's submit button; ``True`` for the run after submit.

    Example:
        >>> import rillet as st
        >>> with st.form("f"):
        ...     age = st.number_input("Age", 0, 120)
        ...     if st.form_submit_button("Save"):
        ...         st.write("Saved", age)
    """
    if not context.get().target.form_id:
        raise RilletAPIException(
            "`st.form_submit_button()` must be called inside `st.form()`: "
            "write `with st.form('my_form'):` around the form's widgets and its button."
        )
    full_width = _full_width(use_container_width, width, "form_submit_button")
    layout = button_layout(icon_position, shortcut, wrap, "form_submit_button")
    return _button(
        "form_submit_button",
        label,
        key,
        help,
        on_click,
        args,
        kwargs,
        type,
        icon,
        disabled,
        True,
        full_width,
        layout,
    )
