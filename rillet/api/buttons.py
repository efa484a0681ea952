"""Buttons: button and form_submit_button."""

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
    from rillet.api.container import Container

ButtonType = Literal["primary", "secondary", "tertiary"]
_TYPES = ("primary", "secondary", "tertiary")


def _full_width(use_container_width: bool | None, width: object, command: str) -> bool:
    """Whether the button fills its container; a width in pixels is not drawn yet."""
    check_width(width, command)
    if use_container_width is not None:
        return bool(use_container_width)
    return width == "stretch"


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
    full_width: bool,
) -> bool:
    if type not in _TYPES:
        raise bad_argument("type", type, "'primary', 'secondary' or 'tertiary'", command=command)
    icon = icon_name(icon, command)

    def build(value: bool) -> pb.Element:
        element = pb.Element()
        element.button.type = type
        element.button.is_form_submit = is_form_submit
        element.button.icon = icon
        element.use_container_width = full_width
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
    help: str | None = None,
    type: ButtonType = "secondary",
    icon: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
) -> Container:
    """Display a link that looks like a button; it opens ``url`` in a new tab.

    Clicking it runs nothing in the app. In the desktop window the page opens
    in the system's browser.

    Example:
        >>> import rillet as st
        >>> st.link_button("Go to the docs", "https://example.com/docs", icon="📖")
    """
    if type not in _TYPES:
        raise bad_argument(
            "type", type, "'primary', 'secondary' or 'tertiary'", command="link_button"
        )
    if not isinstance(url, str) or not url.strip():
        raise bad_argument("url", url, "a non-empty URL string", command="link_button")
    element = pb.Element()
    link = element.link_button
    link.label = str(label)
    link.url = url.strip()
    link.help = help_text(help)
    link.type = type
    link.icon = icon_name(icon, "link_button")
    link.disabled = bool(disabled)
    element.use_container_width = _full_width(use_container_width, width, "link_button")
    return handle(context.get().emit(element))


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
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
) -> bool:
    """Display a button; it returns ``True`` for the run after a click.

    Example:
        >>> import rillet as st
        >>> if st.button("Say hello"):
        ...     st.write("Hello!")
    """
    full_width = _full_width(use_container_width, width, "button")
    return _button(
        "button", label, key, help, on_click, args, kwargs, type, icon, disabled, False, full_width
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
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: str | int = "content",
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
    )
