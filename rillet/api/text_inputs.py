"""Text-valued widgets: text_input, text_area and color_picker."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from rillet.api.icons import icon_name
from rillet.api.serde import StringSerde
from rillet.api.text import set_width
from rillet.api.url_codecs import TEXT_URL
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import bad_argument
from rillet.runtime.widgets import FittedSerde, Key, OnChange, Widget, register

Callback = OnChange
TextType = Literal["default", "password", "email", "url", "phone", "search"]


@dataclass(frozen=True)
class _TypeDefaults:
    """What a specialised ``type`` brings when the app does not say otherwise."""

    icon: str = ""
    placeholder: str = ""
    validate: tuple[str, str] = ("", "")
    autocomplete: str = ""


# An explicit icon, placeholder, validate or autocomplete replaces these;
# "" turns the feature off.
_TEXT_TYPES: dict[str, _TypeDefaults] = {
    "default": _TypeDefaults(),
    # Browsers would otherwise offer to fill a saved password into it.
    "password": _TypeDefaults(autocomplete="new-password"),
    "email": _TypeDefaults(
        ":material/mail:",
        "you@example.com",
        (r"^[^@\s]+@[^@\s]+\.[^@\s]+$", "Enter an email address, such as you@example.com."),
        "email",
    ),
    "url": _TypeDefaults(
        ":material/link:",
        "https://example.com",
        (
            r"^(?:[Hh][Tt][Tt][Pp][Ss]?://)?[^\s./]+\.\S+$",
            "Enter a web address, such as example.com.",
        ),
        "url",
    ),
    "phone": _TypeDefaults(":material/call:", "+1 234 567 8900", autocomplete="tel"),
    "search": _TypeDefaults(":material/search:", "Search", autocomplete="off"),
}
_LIVE_ACCEPTS = "True, False, or a pause such as '250ms' or '0.5s' (at most one minute)"
# A shorter text area cuts its own resize handle and one line of text, so a
# smaller height is drawn at this one.
_MIN_TEXT_AREA_HEIGHT = 68
_HEIGHTS = "a positive int (pixels), 'content', 'stretch' or None"
_HEX_COLOR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def _text_value(value: object, max_chars: int | None, command: str) -> str | None:
    """Check ``value`` and ``max_chars``; any non-None value is shown as its str()."""
    if max_chars is not None and (
        isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 0
    ):
        raise bad_argument(
            "max_chars", max_chars, "an int of at least 0 (0: no limit) or None", command=command
        )
    if value is None:
        return None
    text = str(value)
    # A default longer than max_chars is cut to fit, as Streamlit does (even
    # to "" by max_chars=0), so existing apps keep running.
    return text if max_chars is None else text[:max_chars]


def _limited(max_chars: int | None) -> FittedSerde[str | None]:
    """Text from the client, where a text longer than ``max_chars`` is refused.

    The browser never sends one; from a stale or hostile client it is
    ignored and the widget keeps its value, as in Streamlit.
    """

    def fit(text: Any) -> Any:
        if max_chars and isinstance(text, str) and len(text) > max_chars:
            raise ValueError(f"{len(text)} characters is over max_chars={max_chars}")
        return text

    return FittedSerde(StringSerde(), fit)


def _shown(current: object) -> str | None:
    return None if current is None else str(current)


def _validation(validate: object, default: tuple[str, str]) -> tuple[str, str]:
    """``validate`` as (regex, message): None keeps the type's rule, "" turns it off."""
    if validate is None:
        return default
    if isinstance(validate, str):
        return validate, ""
    if (
        isinstance(validate, tuple)
        and len(validate) == 2
        and all(isinstance(part, str) for part in validate)
    ):
        return validate[0], validate[1]
    raise bad_argument(
        "validate",
        validate,
        "a regular expression string, a (regex, message) tuple, or None",
        command="text_input",
    )


def _live_ms(live: object) -> int | None:
    """``live`` as a pause in milliseconds; None when the box commits on Enter or blur."""
    if live is False:
        return None
    if live is True:
        return 250
    if isinstance(live, str):
        text = live.strip()
        try:
            if text == "0":
                seconds = 0.0
            else:
                from rillet.runtime.caching.ttl import parse_ttl

                seconds = parse_ttl(text) or 0.0
        except (TypeError, ValueError):
            seconds = -1.0
        if 0 <= seconds <= 60:
            return round(seconds * 1000)
    raise bad_argument("live", live, _LIVE_ACCEPTS, command="text_input")


def text_input(
    label: str,
    value: Any = "",
    max_chars: int | None = None,
    key: Key | None = None,
    type: TextType = "default",
    help: str | None = None,
    autocomplete: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    icon: str | None = None,
    validate: str | tuple[str, str] | None = None,
    live: str | bool = False,
    width: str | int = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> str | None:
    """Display a one-line text box; returns its text.

    With ``value=None`` the box starts empty and returns ``None`` until the
    user types. ``type="password"`` masks what is typed; ``"email"``,
    ``"url"``, ``"phone"`` and ``"search"`` bring an icon, a placeholder,
    browser autofill and (email, URL) a format check, each of which an
    explicit ``icon``, ``placeholder``, ``validate`` or ``autocomplete``
    replaces (``""`` turns it off). ``max_chars=0`` or ``None`` means no
    limit (though, as in Streamlit, a ``value`` is cut to ``max_chars``
    characters whenever it is given).

    ``required=True`` never commits an empty value; ``validate`` (a regex,
    or ``(regex, message)``) never commits text that does not match. Both
    run in the browser: check the value again in the app where it matters.
    ``live`` commits while the user types, after a pause.

    Example:
        >>> import rillet as st
        >>> name = st.text_input("Your name", placeholder="Ada")
        >>> if name:
        ...     st.write(f"Hello, {name}!")
    """
    text = _text_value(value, max_chars, "text_input")
    smart = _TEXT_TYPES.get(type)
    if smart is None:
        accepted = ", ".join(repr(name) for name in _TEXT_TYPES)
        raise bad_argument("type", type, f"one of {accepted}", command="text_input")
    if autocomplete is None:
        autocomplete = smart.autocomplete
    if placeholder is None:
        placeholder = smart.placeholder
    shown_icon = smart.icon if icon is None else icon_name(icon or None, "text_input")
    rule, message = _validation(validate, smart.validate)
    pause = _live_ms(live)

    def build(current: str | None) -> pb.Element:
        element = pb.Element()
        shown = _shown(current)
        element.text_input.value = shown or ""
        element.text_input.has_value = shown is not None
        element.text_input.max_chars = max_chars or 0
        element.text_input.type = type
        element.text_input.placeholder = "" if placeholder is None else str(placeholder)
        element.text_input.autocomplete = autocomplete or ""
        element.text_input.icon = shown_icon
        element.text_input.required = bool(required)
        element.text_input.validate_regex = rule
        element.text_input.validate_message = message
        element.text_input.live = pause is not None
        element.text_input.live_ms = pause or 0
        set_width(element, width, "text_input", content=False)  # as Streamlit: pixels or "stretch"
        return element

    return register(
        Widget(
            kind="text_input",
            label=label,
            default=text,
            serde=_limited(max_chars),
            build=build,
            identity=(text, max_chars, type, help, autocomplete, placeholder, rule, required),
            key_identity=(max_chars,),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=text != "",
            bind=bind,
            url=TEXT_URL,
            persist_state=persist_state,
        )
    )


def text_area(
    label: str,
    value: Any = "",
    height: int | str | None = None,
    max_chars: int | None = None,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    required: bool = False,
    label_visibility: str = "visible",
    width: str | int = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> str | None:
    """Display a multi-line text box; returns its text.

    ``height`` is in pixels (drawn at least 68 high); ``None``,
    ``"content"`` and ``"stretch"`` fit about three lines. With
    ``value=None`` it returns ``None`` until the user types.
    ``required=True`` never commits an empty value.

    Example:
        >>> import rillet as st
        >>> notes = st.text_area("Notes", height=200, max_chars=500)
        >>> st.write(len(notes or ""), "characters")
    """
    text = _text_value(value, max_chars, "text_area")
    pixels = _text_area_height(height)
    mode = height if height in ("content", "stretch") else ""

    def build(current: str | None) -> pb.Element:
        element = pb.Element()
        shown = _shown(current)
        element.text_area.value = shown or ""
        element.text_area.has_value = shown is not None
        element.text_area.max_chars = max_chars or 0
        element.text_area.height = pixels
        element.text_area.height_mode = str(mode)
        element.text_area.placeholder = "" if placeholder is None else str(placeholder)
        element.text_area.required = bool(required)
        set_width(element, width, "text_area", content=False)  # as Streamlit: pixels or "stretch"
        return element

    return register(
        Widget(
            kind="text_area",
            label=label,
            default=text,
            serde=_limited(max_chars),
            build=build,
            identity=(text, height, max_chars, help, placeholder),
            key_identity=(max_chars,),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=text != "",
            bind=bind,
            url=TEXT_URL,
            persist_state=persist_state,
        )
    )


def _text_area_height(height: object) -> int:
    """The height on the wire: pixels, or 0 for the client's own (about three lines).

    ``"content"`` and ``"stretch"`` travel as the element's ``height_mode``.
    """
    if height is None or height in ("content", "stretch"):
        return 0
    if isinstance(height, bool) or not isinstance(height, int) or height < 1:
        raise bad_argument("height", height, _HEIGHTS, command="text_area")
    return max(height, _MIN_TEXT_AREA_HEIGHT)


def color_picker(
    label: str,
    value: str | None = None,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "content",
    bind: str | None = None,
    persist_state: str | None = None,
) -> str:
    """Display a colour picker; returns the colour as a hex string.

    ``value`` is ``"#RGB"`` or ``"#RRGGBB"`` and defaults to black.

    Example:
        >>> import rillet as st
        >>> color = st.color_picker("Accent", "#FF4B4B")
        >>> st.write("You picked", color)
    """
    color = "#000000" if value is None else value
    if not isinstance(color, str) or not _HEX_COLOR.fullmatch(color):
        raise bad_argument(
            "value", value, "a hex colour string like '#00FFAA' or '#0FA'", command="color_picker"
        )

    def build(current: str | None) -> pb.Element:
        element = pb.Element()
        element.color_picker.value = color if current is None else str(current)
        set_width(
            element, width, "color_picker", content=True
        )  # as Streamlit: pixels, "content" or "stretch"
        return element

    def fit(held: Any) -> Any:
        # Not a colour (from a client or st.session_state): the default.
        return held if isinstance(held, str) and _HEX_COLOR.fullmatch(held) else color

    chosen = register(
        Widget(
            kind="color_picker",
            label=label,
            default=color,
            serde=StringSerde(),
            build=build,
            identity=(color, help),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=value is not None,
            fit=fit,
            bind=bind,
            url=TEXT_URL,
            persist_state=persist_state,
        )
    )
    # A client state without a colour (there is no empty picker) reads as the default.
    return color if chosen is None else chosen
