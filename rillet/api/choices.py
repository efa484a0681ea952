"""Choice widgets: checkbox, toggle, radio, selectbox, multiselect."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from rillet.api.options import options_list
from rillet.api.serde import BoolSerde, OptionSerde, OptionsSerde, format_options, index_of
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.widgets import Key, Widget, register

T = TypeVar("T")
Callback = Callable[..., Any] | None


def _bool_widget(
    command: str,
    style: int,
    label: str,
    value: bool,
    key: Key | None,
    help: str | None,
    on_change: Callback,
    args: Iterable[Any] | None,
    kwargs: Mapping[str, Any] | None,
    disabled: bool,
    label_visibility: str,
) -> bool:
    if not isinstance(value, bool):
        value = bool(value)

    def build(current: bool) -> pb.Element:
        element = pb.Element()
        element.checkbox.value = current
        element.checkbox.style = style  # type: ignore[assignment]
        return element

    return register(
        Widget(
            kind=command,
            label=label,
            default=value,
            serde=BoolSerde(),
            build=build,
            identity=(value, help),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=value is not False,
        )
    )


def checkbox(
    label: str,
    value: bool = False,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "content",
) -> bool:
    """Display a checkbox; returns whether it is checked.

    Example:
        >>> import rillet as st
        >>> if st.checkbox("I agree"):
        ...     st.write("Great!")
    """
    return _bool_widget(
        "checkbox",
        pb.Checkbox.CHECKBOX,
        label,
        value,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
    )


def toggle(
    label: str,
    value: bool = False,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "content",
) -> bool:
    """Display an on/off switch; returns whether it is on.

    Example:
        >>> import rillet as st
        >>> if st.toggle("Dark mode"):
        ...     st.write("On")
    """
    return _bool_widget(
        "toggle",
        pb.Checkbox.TOGGLE,
        label,
        value,
        key,
        help,
        on_change,
        args,
        kwargs,
        disabled,
        label_visibility,
    )


def _check_index(index: int | None, options: Sequence[Any], command: str) -> None:
    if index is None:
        return
    if isinstance(index, bool) or not isinstance(index, int):
        raise bad_argument("index", index, "an int or None", command=command)
    if not options and index == 0:
        return
    if not 0 <= index < len(options):
        raise RilletAPIException(
            f"st.{command}: `index` must be between 0 and {len(options) - 1} "
            f"(the number of options minus one), got {index}."
        )


def radio(
    label: str,
    options: Iterable[T],
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    disabled: bool = False,
    horizontal: bool = False,
    captions: Sequence[str] | None = None,
    label_visibility: str = "visible",
    width: str | int = "content",
) -> T | None:
    """Display radio buttons; returns the chosen option.

    Example:
        >>> import rillet as st
        >>> genre = st.radio("Genre", ["Comedy", "Drama"])
    """
    opts = options_list(options, "radio")
    _check_index(index, opts, "radio")
    if captions is not None and len(captions) != len(opts):
        raise RilletAPIException(
            f"st.radio: `captions` must have one caption per option ({len(opts)}), got {len(captions)}."
        )
    labels = format_options(opts, format_func)
    default = opts[index] if index is not None and opts else None

    def build(current: T | None) -> pb.Element:
        element = pb.Element()
        element.radio.options.extend(labels)
        element.radio.value = -1 if current is None else index_of(opts, current)
        element.radio.horizontal = horizontal
        element.radio.captions.extend(captions or [])
        return element

    return register(
        Widget(
            kind="radio",
            label=label,
            default=default,
            serde=OptionSerde(opts),
            build=build,
            identity=(tuple(labels), index, help, horizontal, tuple(captions or ())),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=index != 0,
        )
    )


def selectbox(
    label: str,
    options: Iterable[T],
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    accept_new_options: bool = False,
    width: str | int = "stretch",
) -> T | None:
    """Display a drop-down list; returns the chosen option.

    Example:
        >>> import rillet as st
        >>> contact = st.selectbox("Contact by", ["Email", "Phone"])
    """
    opts = options_list(options, "selectbox")
    _check_index(index, opts, "selectbox")
    labels = format_options(opts, format_func)
    default = opts[index] if index is not None and opts else None

    def build(current: T | None) -> pb.Element:
        element = pb.Element()
        element.selectbox.options.extend(labels)
        element.selectbox.value = -1 if current is None else index_of(opts, current)
        element.selectbox.placeholder = placeholder or (
            "Choose an option" if opts else "No options to select"
        )
        return element

    return register(
        Widget(
            kind="selectbox",
            label=label,
            default=default,
            serde=OptionSerde(opts),
            build=build,
            identity=(tuple(labels), index, help, placeholder),
            key_identity=(accept_new_options,),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=index != 0,
        )
    )


def multiselect(
    label: str,
    options: Iterable[T],
    default: Any | None = None,
    format_func: Callable[[Any], Any] = str,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = None,
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    max_selections: int | None = None,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    accept_new_options: bool = False,
    width: str | int = "stretch",
) -> list[T]:
    """Display a multi-choice list; returns the chosen options.

    Example:
        >>> import rillet as st
        >>> colors = st.multiselect("Colors", ["Red", "Green", "Blue"], ["Red"])
    """
    opts = options_list(options, "multiselect")
    if default is None:
        chosen: list[T] = []
    elif isinstance(default, (list, tuple, set)) or hasattr(default, "tolist"):
        chosen = list(default.tolist() if hasattr(default, "tolist") else default)
    else:
        chosen = [default]
    for item in chosen:
        try:
            index_of(opts, item)
        except ValueError:
            raise RilletAPIException(
                f"st.multiselect: every value in `default` must be one of the options; "
                f"{item!r} is not. Options: {[str(o) for o in opts]}."
            ) from None
    if max_selections is not None:
        if (
            isinstance(max_selections, bool)
            or not isinstance(max_selections, int)
            or max_selections < 1
        ):
            raise bad_argument(
                "max_selections", max_selections, "a positive int or None", command="multiselect"
            )
        if len(chosen) > max_selections:
            raise RilletAPIException(
                f"st.multiselect: `default` has {len(chosen)} values but `max_selections` is {max_selections}."
            )
    labels = format_options(opts, format_func)

    def build(current: list[T]) -> pb.Element:
        element = pb.Element()
        element.multiselect.options.extend(labels)
        element.multiselect.value.extend(index_of(opts, v) for v in current)
        element.multiselect.max_selections = max_selections or 0
        element.multiselect.placeholder = placeholder or (
            "Choose options" if opts else "No options to select"
        )
        return element

    return register(
        Widget(
            kind="multiselect",
            label=label,
            default=chosen,
            serde=OptionsSerde(opts),
            build=build,
            identity=(
                tuple(labels),
                tuple(labels[index_of(opts, c)] for c in chosen),
                help,
                max_selections,
                placeholder,
            ),
            key_identity=(max_selections, accept_new_options),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=bool(chosen),
        )
    )
