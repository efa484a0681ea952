"""Widget policy in one place: identity, state, callbacks, forms, emission.

Every widget command validates its arguments, describes itself as a
:class:`Widget` and calls :func:`register`; it never touches session state
or callbacks itself.
"""

from __future__ import annotations

import contextlib
import logging
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Literal, Protocol, TypeVar

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.context import Target, WidgetPlacement
from rillet.runtime.digest import blake2b
from rillet.runtime.errors import DuplicateWidgetID, RilletAPIException, bad_argument
from rillet.runtime.session_state import Registered, Serde, SessionState, WidgetSpec

T = TypeVar("T")
_LOG = logging.getLogger(__name__)
Key = str | int
# What a widget's ``on_change`` takes: a callback, or Streamlit 1.67's modes.
OnChange = Callable[..., Any] | Literal["rerun", "ignore"] | None

_VISIBILITY = {
    "visible": pb.VISIBLE,
    "hidden": pb.HIDDEN,
    "collapsed": pb.COLLAPSED,
}


class UrlCodec(Protocol[T]):
    """How a widget bound to the URL (``bind="query-params"``) writes its value there."""

    def to_url(self, value: T) -> list[str]:
        """The query parameter's values for ``value``; ``[]`` leaves it out."""
        ...

    def from_url(self, values: list[str]) -> T:
        """The value the parameter's values name; ``ValueError`` when none."""
        ...


@dataclass
class Widget(Generic[T]):
    """A widget about to be rendered: what identifies it and how it looks."""

    kind: str
    label: object
    default: T
    serde: Serde[T]
    # Builds the element for a value; ``common`` is filled in by register().
    # None for a container's widget (register_block builds its block).
    build: Callable[[T], pb.Element] | None = None
    identity: tuple[Any, ...] = ()
    # With a key, only these parameters (beside kind and key) identify the
    # widget, as in Streamlit 1.4x+: a keyed widget keeps its value when its
    # label, options or default change. Put here what makes an old value
    # meaningless (a slider's range, an uploader's accepted types).
    key_identity: tuple[Any, ...] = ()
    key: Key | None = None
    help: object = None
    disabled: bool = False
    label_visibility: str = "visible"
    # A callback, or Streamlit 1.67's modes: "rerun" (the default) or
    # "ignore" (a change waits for the next rerun).
    on_change: Callable[..., Any] | str | None = None
    args: Iterable[Any] | None = None
    kwargs: Mapping[str, Any] | None = None
    is_trigger: bool = False
    settable: bool = True
    is_form_submit: bool = False
    explicit_default: bool = False
    allowed_in_form: bool = True
    # What a value becomes when the widget cannot show it (an option not
    # offered, a number out of range), whether it comes from the client or
    # from st.session_state; returns the value itself when it fits. Usually
    # the widget's default, as in Streamlit.
    fit: Callable[[Any], Any] | None = None
    # bind="query-params": the value lives in the URL under the key; ``url``
    # says how (None: the widget cannot be bound).
    bind: str | None = None
    url: UrlCodec[T] | None = None
    # persist_state: "page", "session" or None (see SessionState).
    persist_state: str | None = None
    # False for widgets with no label to read (chat_input: its placeholder
    # says what to type), so an empty label is not warned about.
    has_label: bool = True
    # Elements sent at the widget's place before build()'s, for the same
    # value, ``common`` filled in alike: a large table's first rows go
    # ahead of the rest (``rillet.api.table_frame.Frame.leads``).
    lead: Callable[[T], Iterable[pb.Element]] | None = None


@dataclass
class FittedSerde(Generic[T]):
    """A serde whose client values pass through ``fit``.

    ``register()`` wraps a widget's serde in one when the widget has a
    ``fit``, so values from the client and from ``st.session_state`` are
    fitted the same way.

    As in Streamlit, a value the widget cannot hold (outside its range, not
    a colour) reads as what ``fit`` makes of it, usually the widget's
    default, or is ignored when ``fit`` raises ``ValueError``: a stale or
    hostile client cannot put 500 into a slider that ends at 100.
    """

    inner: Serde[T]
    fit: Callable[[T], T]

    def deserialize(self, state: pb.WidgetState) -> T:
        return self.fit(self.inner.deserialize(state))

    def serialize(self, value: T, state: pb.WidgetState) -> None:
        self.inner.serialize(value, state)


# Ids by the text they hash and the key: every rerun of every session asks again.
_IDS: dict[tuple[str, str | None], str] = {}
# WidgetCommon messages by their fields, shared read-only (copied into elements).
_COMMONS: dict[tuple[Any, ...], pb.WidgetCommon] = {}
_CACHE_MAX = 16384


def widget_id(kind: str, key: str | None, identity: tuple[Any, ...], form_id: str) -> str:
    """A stable id from the widget's kind, key and identifying parameters."""
    text = repr((kind, identity, form_id))
    cached = _IDS.get((text, key))
    if cached is not None:
        return cached
    digest = blake2b(text.encode(), digest_size=12)
    suffix = f"-{key}" if key is not None else ""
    made = f"$$ID-{digest.hexdigest()}{suffix}"
    if len(_IDS) >= _CACHE_MAX:
        _IDS.clear()
    _IDS[(text, key)] = made
    return made


# Encoded elements holding only a widget's common part, to merge into its element.
_PATCHES: dict[tuple[str, int, bool], tuple[pb.WidgetCommon, bytes]] = {}


def _common_patch(kind: str, common: pb.WidgetCommon, set_value: bool) -> bytes:
    """``Element`` bytes with just ``<kind>.common`` set: merged into a built element.

    Merging these bytes costs a quarter of copying ``common`` through the
    message API, on every widget of every rerun.
    """
    key = (kind, id(common), set_value)
    cached = _PATCHES.get(key)
    if cached is not None and cached[0] is common:
        return cached[1]
    patch = pb.Element()
    target = getattr(patch, kind).common
    target.CopyFrom(common)
    target.set_value = set_value
    encoded = patch.SerializeToString()
    if len(_PATCHES) >= _CACHE_MAX:
        _PATCHES.clear()
    _PATCHES[key] = (common, encoded)  # holding common keeps its id from being reused
    return encoded


def _common(fields: tuple[Any, ...]) -> pb.WidgetCommon:
    """The shared ``WidgetCommon`` with these fields (never modify it: copy it)."""
    common = _COMMONS.get(fields)
    if common is None:
        id_, label, help_, form_id, disabled, visibility, key, no_rerun = fields
        common = pb.WidgetCommon(
            id=id_,
            label=label,
            help=help_,
            form_id=form_id,
            disabled=disabled,
            label_visibility=visibility,
            key=key,
            no_rerun=no_rerun,
        )
        if len(_COMMONS) >= _CACHE_MAX:
            _COMMONS.clear()
        _COMMONS[fields] = common
    return common


class CachedWidgetWarning(RilletAPIException):
    """A widget was called inside a cached function (shown as a warning, not raised)."""


def _warn_if_cached(ctx: context.RunContext) -> None:
    """A widget in a ``st.cache_data``/``st.cache_resource`` function runs only when the
    cache misses: say so where it is called, as Streamlit does (replayed on hits)."""
    if not ctx.extras.get("cached_calls"):
        return
    from rillet.runtime.exceptions import exception_element

    warning = CachedWidgetWarning(
        "A widget is called inside a cached function (decorated with `@st.cache_data` or "
        "`@st.cache_resource`). The function only runs when its cache misses, so the widget "
        "is missing or stale on other runs.\n\nMove the widget out of the cached function "
        "and pass its value in as an argument."
    )
    _LOG.warning("%s", warning)
    ctx.emit(exception_element(warning, is_warning=True), ctx.target)


def register(widget: Widget[T], target: Target | None = None) -> T:
    """Render ``widget`` and return its current value."""
    ctx = context.get()
    target = target or ctx.target
    _warn_if_cached(ctx)
    enrolled = _enroll(widget, ctx, target)
    spec, common, registered = enrolled.spec, enrolled.common, enrolled.registered

    make = widget.build
    assert make is not None, f"st.{widget.kind} registers an element with no build()"

    def build(value: T, set_value: bool) -> pb.Element:
        element = make(value)
        kind = element.WhichOneof("type")
        assert kind is not None
        element.MergeFromString(_common_patch(kind, common, set_value))
        return element

    slot = target
    for early in widget.lead(registered.value) if widget.lead is not None else ():
        kind = early.WhichOneof("type")
        assert kind is not None
        early.MergeFromString(_common_patch(kind, common, registered.set_by_state))
        slot = ctx.emit(early, slot)
    slot = ctx.emit(build(registered.value, registered.set_by_state), slot)
    ctx.placements[spec.id] = WidgetPlacement(slot.path, lambda v: build(v, True))
    _finish(widget, enrolled, ctx)
    return registered.value


def register_block(
    widget: Widget[T], block: Callable[[T], pb.Block], target: Target | None = None
) -> tuple[T, Target]:
    """Open a container that tracks state (tabs, an expander, a popover) as a widget.

    ``block`` builds the container's block for the current value;
    ``widget.build`` is not used. Returns the value and a target inside the
    container.
    """
    ctx = context.get()
    target = target or ctx.target
    value, common = block_widget(widget, target)
    proto = block(value)
    proto.widget.CopyFrom(common)
    return value, ctx.emit_block(proto, target)


def block_widget(widget: Widget[T], target: Target | None = None) -> tuple[T, pb.WidgetCommon]:
    """Register the widget of a container the caller opens itself (a dialog's dismissal).

    Returns the value and the ``WidgetCommon`` to put in ``Block.widget``.
    """
    ctx = context.get()
    enrolled = _enroll(widget, ctx, target or ctx.target)
    common = pb.WidgetCommon()
    common.CopyFrom(enrolled.common)
    common.set_value = enrolled.registered.set_by_state
    _finish(widget, enrolled, ctx)
    return enrolled.registered.value, common


@dataclass
class _Enrolled(Generic[T]):
    spec: WidgetSpec[T]
    common: pb.WidgetCommon  # shared: copy it before changing it
    registered: Registered[T]
    key: str | None


def _enroll(widget: Widget[T], ctx: context.RunContext, target: Target) -> _Enrolled[T]:
    """Check the widget, give it its identity and take its value from session state."""
    ctx.check_interrupt()
    command = widget.kind
    key = None if widget.key is None else _check_key(widget.key, command)
    given = widget.label
    if not widget.has_label:
        label = ""
    elif type(given) is str and given:  # the usual case: the label as it is
        label = given
    else:
        label = _label_text(given, command)
    visibility = _VISIBILITY.get(widget.label_visibility)
    if visibility is None:
        raise bad_argument(
            "label_visibility",
            widget.label_visibility,
            "'visible', 'hidden' or 'collapsed'",
            command=command,
        )
    on_change, no_rerun = _on_change(widget.on_change, command)
    if widget.bind is not None or widget.persist_state is not None:
        _check_persistence(widget, key, command)
    form_id = target.form_id
    if form_id and not widget.allowed_in_form:
        raise RilletAPIException(
            f"`st.{command}()` can't be used inside `st.form()`. "
            "Use `st.form_submit_button()` to act on a form."
        )
    if form_id and on_change is not None and not widget.is_form_submit:
        raise RilletAPIException(
            f"`st.{command}()` inside a form cannot have a callback: a form sends its "
            "values together when submitted. Put the callback on `st.form_submit_button()`."
        )
    params = (label, *widget.identity)
    identity = widget.key_identity if key is not None else params
    spec = WidgetSpec(
        id=widget_id(command, key, identity, form_id),
        kind=command,
        disabled=bool(widget.disabled),
        user_key=key,
        default=widget.default,
        serde=widget.serde if widget.fit is None else FittedSerde(widget.serde, widget.fit),
        form_id=form_id,
        fragment_id=target.fragment_id,
        on_change=on_change,
        args=tuple(widget.args) if widget.args else (),
        kwargs=dict(widget.kwargs) if widget.kwargs else {},
        is_trigger=widget.is_trigger,
        settable=widget.settable,
        is_form_submit=widget.is_form_submit,
        explicit_default=widget.explicit_default,
        params=params,
        persist=widget.persist_state,
        page_hash=ctx.page_hash,
    )
    if widget.bind is not None and key is not None:
        _seed_from_url(widget, key, ctx)
    if widget.fit is not None and key is not None and key in ctx.state:
        _fit_held_value(ctx.state, key, widget.fit)
    if key is not None:
        claim_key(key, f"st.{command}")
    registered = ctx.state.register(spec)
    if registered.warning:
        _LOG.warning(registered.warning)
    fields = (
        spec.id,
        label,
        "" if widget.help is None else help_text(widget.help),
        form_id,
        bool(widget.disabled),
        visibility,
        key or "",
        no_rerun,
    )
    return _Enrolled(spec, _common(fields), registered, key)


def _finish(widget: Widget[T], enrolled: _Enrolled[T], ctx: context.RunContext) -> None:
    if widget.bind is not None and enrolled.key is not None:
        _write_url(widget, enrolled.key, enrolled.registered.value, ctx)


def _on_change(on_change: object, command: str) -> tuple[Callable[..., Any] | None, bool]:
    """The callback to run, and whether a change should wait for the next rerun."""
    if isinstance(on_change, str) and on_change == "rerun":  # the default, first
        return None, False
    if on_change is None or callable(on_change):
        return on_change, False
    if isinstance(on_change, str) and on_change in ("rerun", "ignore"):
        return None, on_change == "ignore"
    raise bad_argument(
        "on_change", on_change, "a callable, 'rerun', 'ignore' or None", command=command
    )


def _check_persistence(widget: Widget[Any], key: str | None, command: str) -> None:
    if widget.bind is not None:
        if widget.bind != "query-params":
            raise bad_argument("bind", widget.bind, "'query-params' or None", command=command)
        if widget.url is None:
            raise RilletAPIException(f"st.{command} cannot be bound to the URL (`bind`).")
        if key is None:
            raise RilletAPIException(
                f"st.{command}: `bind='query-params'` needs a `key`: the key names the "
                "query parameter that holds the value."
            )
    if widget.persist_state is not None:
        if widget.persist_state not in ("page", "session"):
            raise bad_argument(
                "persist_state", widget.persist_state, "'page', 'session' or None", command=command
            )
        if key is None:
            raise RilletAPIException(
                f"st.{command}: `persist_state` needs a `key`: the value is kept under it "
                "while the widget is not shown."
            )


def _seed_from_url(widget: Widget[T], key: str, ctx: context.RunContext) -> None:
    """A bound widget seen for the first time starts from the URL's value, if valid."""
    values = ctx.query_params.get_all(key)
    if not values or ctx.state.has_value(key) or widget.url is None:
        return
    try:
        value = widget.url.from_url(values)
        if widget.fit is not None and widget.fit(value) != value:
            raise ValueError(f"{value!r} does not fit the widget")
    except (ValueError, TypeError, IndexError, KeyError) as exc:
        _LOG.info("st.%s: ignored ?%s=%s in the URL: %s", widget.kind, key, values, exc)
        return
    ctx.state.seed(key, value)


def _write_url(widget: Widget[T], key: str, value: T, ctx: context.RunContext) -> None:
    """Keep the URL's parameter in step with the value; the default leaves it out."""
    assert widget.url is not None
    try:
        wanted = [] if _equal(value, widget.default) else widget.url.to_url(value)
    except (ValueError, TypeError):
        wanted = []
    params = ctx.query_params
    params.bind(key)
    if params.get_all(key) != wanted:
        params.write_bound(key, wanted)


def _equal(a: Any, b: Any) -> bool:
    try:
        return bool(a == b)
    except Exception:  # values that do not compare (arrays)
        return False


def help_text(value: object) -> str:
    """A tooltip as shown, for widgets and elements alike: any value's ``str()``, dedented.

    Example:
        >>> help_text(None), help_text(5), help_text("  **Bold** tip")
        ('', '5', '**Bold** tip')
    """
    return "" if value is None else textwrap.dedent(str(value))


def claim_key(key: str, what: str) -> None:
    """Note an element written with a user ``key`` this run; a second one is an error.

    Widgets and keyed containers share one key space, as in Streamlit, so
    ``st.container(key="k")`` and ``st.button("B", key="k")`` collide.
    """
    keys: dict[str, str] = context.get().extras.setdefault("element_keys", {})
    if key in keys:
        raise DuplicateWidgetID(
            f"There are several elements with `key={key!r}` ({keys[key]} and {what}). "
            "Each widget and keyed container needs its own unique `key`."
        )
    keys[key] = what


def _fit_held_value(state: SessionState, key: str, fit: Callable[[Any], Any]) -> None:
    held = state[key]
    fitted = fit(held)
    if fitted is held:
        return
    # Refused only when a widget with this key already ran this run:
    # register() then reports the duplicate.
    with contextlib.suppress(RilletAPIException):
        state[key] = fitted


def _check_key(key: Key | None, command: str) -> str | None:
    if key is None:
        return None
    return str(key)  # as Streamlit: any value is a key, by its text


def _label_text(label: object, command: str) -> str:
    """The label as shown: any value is its ``str()``, as in Streamlit; ``None`` is empty."""
    if label is None or label == "":
        _LOG.warning(
            "st.%s got an empty label: screen readers have nothing to read; give a label and "
            "hide it with label_visibility='collapsed' instead",
            command,
        )
        return ""
    return label if isinstance(label, str) else str(label)
