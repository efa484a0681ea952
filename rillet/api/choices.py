"""Choice widgets: checkbox, toggle, radio, selectbox, multiselect."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar, cast

from rillet.api.icons import icon_name
from rillet.api.options import options_list
from rillet.api.serde import (
    BoolSerde,
    NewOptionSerde,
    NewOptionsSerde,
    OptionSerde,
    OptionsSerde,
    as_offered,
    format_options,
    index_of,
)
from rillet.api.text import set_width
from rillet.api.url_codecs import BOOL_URL, option_url, options_url
from rillet.api.widget_args import wrap_mode
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.session_state import Serde
from rillet.runtime.widgets import Key, OnChange, Widget, register

T = TypeVar("T")
Callback = OnChange


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
    bind: str | None,
    persist_state: str | None,
    wrap: bool | None,
    width: object = "content",
) -> bool:
    if not isinstance(value, bool):
        value = bool(value)
    if wrap is not None and not isinstance(wrap, bool):
        raise bad_argument("wrap", wrap, "True, False or None", command=command)

    def build(current: bool) -> pb.Element:
        element = pb.Element()
        element.checkbox.value = current
        element.checkbox.style = style  # type: ignore[assignment]
        element.checkbox.wrap = "" if wrap is None else "wrap" if wrap else "nowrap"
        set_width(element, width, command)  # pixels, "content" or "stretch", as Streamlit
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
            bind=bind,
            url=BOOL_URL,
            persist_state=persist_state,
        )
    )


def checkbox(
    label: str,
    value: bool = False,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "content",
    wrap: bool | None = None,
    bind: str | None = None,
    persist_state: str | None = None,
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
        bind,
        persist_state,
        wrap,
        width,
    )


def toggle(
    label: str,
    value: bool = False,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    disabled: bool = False,
    label_visibility: str = "visible",
    width: str | int = "content",
    wrap: bool | None = None,
    bind: str | None = None,
    persist_state: str | None = None,
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
        bind,
        persist_state,
        wrap,
        width,
    )


def _choices(options: Iterable[T] | None, command: str) -> list[T]:
    # ``None`` offers nothing, as in Streamlit (data that is not loaded yet).
    return [] if options is None else options_list(options, command)


def _offered(options: Sequence[Any], value: Any) -> bool:
    try:
        index_of(options, value)
    except ValueError:
        return False
    return True


def _check_index(index: int | None, options: Sequence[Any], command: str) -> None:
    if index is None:
        return
    if isinstance(index, bool) or not isinstance(index, int):
        raise bad_argument("index", index, "an int or None", command=command)
    if not options:  # nothing to choose: any index means "no choice", as in Streamlit
        return
    if not 0 <= index < len(options):
        raise RilletAPIException(
            f"st.{command}: `index` must be between 0 and {len(options) - 1} "
            f"(the number of options minus one), got {index}."
        )


def radio(
    label: str,
    options: Iterable[T] | None,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    disabled: bool = False,
    horizontal: bool = False,
    captions: Sequence[str] | None = None,
    label_visibility: str = "visible",
    width: str | int = "content",
    bind: str | None = None,
    persist_state: str | None = None,
) -> T | None:
    """Display radio buttons; returns the chosen option.

    Example:
        >>> import rillet as st
        >>> genre = st.radio("Genre", ["Comedy", "Drama"])
    """
    opts = _choices(options, "radio")
    _check_index(index, opts, "radio")
    # One caption per option, in order; missing ones are blank, extra ones unused.
    notes = [str(c) for c in captions] if captions is not None else []
    labels = format_options(opts, format_func)
    default = opts[index] if index is not None and opts else None

    def build(current: T | None) -> pb.Element:
        element = pb.Element()
        element.radio.options.extend(labels)
        element.radio.value = -1 if current is None else index_of(opts, current)
        element.radio.horizontal = horizontal
        element.radio.captions.extend(notes)
        set_width(
            element, width, "radio", content=True
        )  # as Streamlit: pixels, "content" or "stretch"
        return element

    chosen = register(
        Widget(
            kind="radio",
            label=label,
            default=default,
            serde=OptionSerde(opts, format_func),
            build=build,
            identity=(tuple(labels), index, help, horizontal, tuple(notes)),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=index != 0,
            fit=lambda held: held if held is None or _offered(opts, held) else default,
            bind=bind,
            url=option_url(opts, labels),
            persist_state=persist_state,
        )
    )
    return cast("T | None", as_offered(opts, chosen))


def selectbox(
    label: str,
    options: Iterable[T] | None,
    index: int | None = 0,
    format_func: Callable[[Any], Any] = str,
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
    icon: str | None = None,
    accept_new_options: bool = False,
    filter_mode: str | None = "fuzzy",
    width: str | int = "stretch",
    bind: str | None = None,
    persist_state: str | None = None,
) -> T | None:
    """Display a drop-down list; returns the chosen option.

    With ``accept_new_options=True`` the user may also type a value that is
    not among the options; it is returned as the typed string (or as the
    option whose label was typed). Typing filters the list as
    ``filter_mode`` says: ``"fuzzy"`` (the letters in order, best matches
    first), ``"contains"``, ``"prefix"``, or ``None`` (no typing).
    ``required=True`` lets the user change the choice but never clear it;
    ``icon`` (an emoji or ``:material/name:``) shows inside the box.

    Example:
        >>> import rillet as st
        >>> contact = st.selectbox("Contact by", ["Email", "Phone"])
    """
    opts = _choices(options, "selectbox")
    _check_index(index, opts, "selectbox")
    labels = format_options(opts, format_func)
    default = opts[index] if index is not None and opts else None
    accept_new = bool(accept_new_options)
    needed = _required(required, "selectbox")
    shown_icon = icon_name(icon, "selectbox")
    filtering = _filter_mode(filter_mode, accept_new, "selectbox")

    def build(current: Any) -> pb.Element:
        element = pb.Element()
        element.selectbox.options.extend(labels)
        element.selectbox.accept_new_options = accept_new
        if current is None:
            element.selectbox.value = -1
        elif accept_new and not _offered(opts, current):
            element.selectbox.value = -1
            element.selectbox.new_value = str(current)
        else:
            element.selectbox.value = index_of(opts, current)
        element.selectbox.placeholder = placeholder or (
            "Choose an option" if opts else "No options to select"
        )
        element.selectbox.required = needed
        element.selectbox.clearable = default is None and not needed
        element.selectbox.icon = shown_icon
        element.selectbox.filter_mode = filtering
        set_width(element, width, "selectbox", content=False)  # as Streamlit: pixels or "stretch"
        return element

    def fit(held: Any) -> Any:
        return held if held is None or accept_new or _offered(opts, held) else default

    serde: Serde[Any] = (
        NewOptionSerde(opts, labels, format_func) if accept_new else OptionSerde(opts, format_func)
    )
    chosen = register(
        Widget(
            kind="selectbox",
            label=label,
            default=default,
            serde=serde,
            build=build,
            identity=(tuple(labels), index, help, placeholder, accept_new, needed, filtering),
            key_identity=(accept_new,),
            key=key,
            help=help,
            disabled=disabled,
            label_visibility=label_visibility,
            on_change=on_change,
            args=args,
            kwargs=kwargs,
            explicit_default=index != 0,
            fit=fit,
            bind=bind,
            url=_typed_or(option_url(opts, labels), accept_new),
            persist_state=persist_state,
        )
    )
    return cast("T | None", as_offered(opts, chosen))


def multiselect(
    label: str,
    options: Iterable[T] | None,
    default: Any | None = None,
    format_func: Callable[[Any], Any] = str,
    key: Key | None = None,
    help: str | None = None,
    on_change: Callback = "rerun",
    args: Iterable[Any] | None = None,
    kwargs: Mapping[str, Any] | None = None,
    *,
    max_selections: int | None = None,
    placeholder: str | None = None,
    disabled: bool = False,
    label_visibility: str = "visible",
    accept_new_options: bool = False,
    filter_mode: str | None = "fuzzy",
    select_all: bool | int = 1000,
    width: str | int = "stretch",
    wrap: bool | None = None,
    bind: str | None = None,
    persist_state: str | None = None,
) -> list[T]:
    """Display a multi-choice list; returns the chosen options.

    Typing filters the list as ``filter_mode`` says (see
    :func:`selectbox`). The list offers "Select all" (or "Select N
    matches" while filtering) when at least two options are selectable and
    no more than ``select_all`` of them (``True``: always, ``False``:
    never). ``wrap`` lets the chips wrap onto more rows (``True``), keeps
    them on one scrolling row (``False``), or lets the layout decide.

    Example:
        >>> import rillet as st
        >>> colors = st.multiselect("Colors", ["Red", "Green", "Blue"], ["Red"])
    """
    opts = _choices(options, "multiselect")
    chosen: list[T] = _default_list(default)
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
    typed = NewOptionsSerde(opts, labels, format_func) if accept_new_options else None
    filtering = _filter_mode(filter_mode, bool(accept_new_options), "multiselect")
    select_limit = _select_all(select_all)
    wrapping = wrap_mode(wrap, "multiselect")

    def fit(held: Any) -> Any:
        # Options that are not offered are dropped, as in Streamlit (unless
        # the user may type their own: then any text stays).
        if typed is not None:
            return held
        if isinstance(held, (list, tuple)):
            kept = [item for item in held if _offered(opts, item)]
            return held if len(kept) == len(held) else kept
        return held if _offered(opts, held) else chosen

    def build(current: list[T]) -> pb.Element:
        if max_selections is not None and len(current) > max_selections:
            raise RilletAPIException(
                f"st.multiselect: {len(current)} options are selected "
                f"({[str(v) for v in current]}) but `max_selections` is {max_selections}. "
                f"Keep at most {max_selections} in `default` and in `st.session_state`."
            )
        element = pb.Element()
        element.multiselect.options.extend(labels)
        if typed is not None:
            element.multiselect.accept_new_options = True
            element.multiselect.value_labels.extend(typed.label_of(v) for v in current)
        else:
            element.multiselect.value.extend(index_of(opts, v) for v in current)
        element.multiselect.max_selections = max_selections or 0
        element.multiselect.placeholder = placeholder or (
            "Choose options" if opts else "No options to select"
        )
        element.multiselect.filter_mode = filtering
        element.multiselect.select_all = select_limit
        element.multiselect.wrap = wrapping
        set_width(element, width, "multiselect", content=False)  # as Streamlit: pixels or "stretch"
        return element

    serde: Serde[list[Any]] = typed if typed is not None else OptionsSerde(opts, format_func)
    picked: list[Any] = register(
        Widget(
            kind="multiselect",
            label=label,
            default=chosen,
            serde=serde,
            build=build,
            identity=(
                tuple(labels),
                tuple(labels[index_of(opts, c)] for c in chosen),
                help,
                max_selections,
                placeholder,
                filtering,
                select_limit,
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
            fit=fit,
            bind=bind,
            url=_typed_or(options_url(opts, labels), typed is not None),
            persist_state=persist_state,
        )
    )
    return as_offered(opts, picked)  # type: ignore[no-any-return]


def _required(required: object, command: str) -> bool:
    """``required`` as a flag; like Streamlit, an int counts as its truth value."""
    if isinstance(required, int):
        return bool(required)
    raise bad_argument("required", required, "True or False", command=command)


_FILTER_MODES = ("fuzzy", "contains", "prefix")


def _filter_mode(mode: object, accept_new: bool, command: str) -> str:
    """``filter_mode`` in its wire form: a mode's name, or ``""`` for no typing."""
    if mode is None:
        if accept_new:
            raise RilletAPIException(
                f"st.{command}: `filter_mode=None` turns typing off, so it cannot be used "
                "with `accept_new_options=True`; use 'fuzzy', 'contains' or 'prefix'."
            )
        return ""
    if not isinstance(mode, str) or mode not in _FILTER_MODES:
        raise bad_argument(
            "filter_mode", mode, "'fuzzy', 'contains', 'prefix' or None", command=command
        )
    return mode


def _select_all(select_all: object) -> int:
    """``select_all`` in its wire form: the most options "Select all" offers; -1 = any number."""
    if isinstance(select_all, bool):
        return -1 if select_all else 0
    if not isinstance(select_all, int) or select_all < 0:
        raise bad_argument(
            "select_all", select_all, "True, False or an int of at least 0", command="multiselect"
        )
    return min(select_all, 2**31 - 1)


def _typed_or(codec: Any, accept_new: bool) -> Any:
    """A bound choice that accepts new options takes any text from the URL, as typed."""
    if not accept_new:
        return codec
    parse_option = codec.parse

    def parse(text: str) -> Any:
        try:
            return parse_option(text)
        except ValueError:
            return text

    return type(codec)(parse, codec.show)


def _default_list(default: Any) -> list[Any]:
    """A multiselect's ``default`` as a list: one value, or any collection of them."""
    if default is None:
        return []
    if hasattr(default, "tolist"):  # pandas and numpy
        items = default.tolist()
        return list(items) if isinstance(items, list) else [items]
    if isinstance(default, (str, bytes)) or not isinstance(default, Iterable):
        return [default]
    return list(default)
