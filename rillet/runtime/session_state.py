"""Session state: user values and widget values of one session.

One dict holds everything the script can see through ``st.session_state``.
A keyed widget stores its value under its user key, a keyless one under its
internal id (ids start with ``$$`` and are hidden from iteration). Widget
metadata (how to decode client values, callbacks, defaults) lives beside it
in ``_widgets``.

The rules a Streamlit user relies on:

- A widget's value survives reruns while the widget keeps being rendered.
- A full run that does not render a widget forgets it and its value.
- ``st.session_state[key] = v`` before the widget is created sets its value;
  after it is created in the same run, it is an error.
- Buttons and file uploaders cannot be set through session state.
- Triggers (buttons) are ``True`` for exactly one run.
- ``on_change`` callbacks run before the script, in widget order.
- A keyed widget with ``persist_state`` keeps its value while it is not
  rendered: ``"session"`` for the whole session, ``"page"`` until a run
  shows another page. Rendered again, it takes that value back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, MutableMapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import DuplicateWidgetID, RilletAPIException

T = TypeVar("T")
_LOG = logging.getLogger(__name__)
INTERNAL_PREFIX = "$$"


class Serde(Protocol[T]):
    """How one widget's value crosses the wire."""

    def deserialize(self, state: pb.WidgetState) -> T:
        """Decode a client value; a state with no value set means ``None``."""
        ...

    def serialize(self, value: T, state: pb.WidgetState) -> None:
        """Write ``value`` into ``state`` (used by AppTest and resets)."""
        ...


Callback = Callable[..., Any]


_ABSENT = object()  # a widget that held no value


@dataclass
class WidgetSpec(Generic[T]):
    """Everything the runtime needs to know about one rendered widget."""

    id: str
    kind: str
    user_key: str | None
    default: T
    serde: Serde[T]
    form_id: str = ""
    fragment_id: str = ""
    on_change: Callback | None = None
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)
    is_trigger: bool = False
    settable: bool = True
    is_form_submit: bool = False
    # The value given explicitly differs from the command's signature default.
    explicit_default: bool = False
    # Everything the widget was rendered with; a keyed widget keeps its id
    # when these change, and its value is then checked against them.
    params: tuple[Any, ...] = ()
    # persist_state: "page", "session" or None; and the page it was shown on.
    persist: str | None = None
    page_hash: str = ""
    disabled: bool = False

    @property
    def storage_key(self) -> str:
        return self.user_key if self.user_key is not None else self.id


@dataclass
class Registered(Generic[T]):
    """The outcome of registering a widget in a run."""

    value: T
    set_by_state: bool
    warning: str | None = None


class SessionState(MutableMapping[str, Any]):
    """The values behind ``st.session_state`` for one session.

    Example:
        >>> state = SessionState()
        >>> state["count"] = 1
        >>> state["count"]
        1
    """

    def __init__(self) -> None:
        self._values: dict[str, Any] = {}
        self._widgets: dict[str, WidgetSpec[Any]] = {}
        self._seen: set[str] = set()
        self._seen_keys: set[str] = set()
        self._set_by_user: set[str] = set()
        self._submitted_forms: set[str] = set()
        # Values a widget takes back when it is rendered again: those of
        # unrendered widgets with persist_state (with their spec), and values
        # seeded from the URL (spec None).
        self._restorable: dict[str, WidgetSpec[Any] | None] = {}
        # What the widgets the client changed this interaction held before
        # (_ABSENT: nothing), to take back if they are now disabled.
        self._before_client: dict[str, Any] = {}
        # What each pressed trigger held when the last run ended, by widget id
        # (a callback may have cleared it): AppTest reads a button's value here.
        self.pressed_at_end: dict[str, Any] = {}

    # -- mapping interface (what the script sees) --------------------------

    def __getitem__(self, key: str) -> Any:
        try:
            return self._values[key]
        except KeyError:
            raise KeyError(_missing(key, "key")) from None

    def __setitem__(self, key: str, value: Any) -> None:
        spec = self._widget_for_key(key)
        if spec is not None:
            if not spec.settable:
                raise RilletAPIException(
                    f"`st.session_state[{key!r}]` cannot be set: it belongs to a "
                    f"{spec.kind}, whose value only the user can change."
                )
            if spec.id in self._seen:
                raise RilletAPIException(
                    f"`st.session_state[{key!r}]` cannot be changed after the {spec.kind} "
                    f"with key {key!r} was created in this run. Set it before the widget, "
                    "or in the widget's on_change callback."
                )
        self._values[key] = value
        self._set_by_user.add(key)
        self._restorable.pop(key, None)

    def __delitem__(self, key: str) -> None:
        if key not in self._values:
            raise KeyError(_missing(key, "key"))
        del self._values[key]
        self._set_by_user.discard(key)
        self._restorable.pop(key, None)

    def __iter__(self) -> Iterator[str]:
        return (
            k
            for k in list(self._values)
            if not (isinstance(k, str) and k.startswith(INTERNAL_PREFIX))  # any hashable key
        )

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        try:
            return key in self._values
        except TypeError:  # an unhashable key is in no dict
            return False

    def to_dict(self) -> dict[str, Any]:
        """Return the visible keys and values as a plain dict."""
        return {k: self._values[k] for k in self}

    # -- widget lifecycle (what the runtime does) ---------------------------

    def begin_run(self, fragment_id: str = "") -> None:
        """Start counting which widgets a run renders."""
        self._seen = set()
        self._seen_keys = set()

    def register(self, spec: WidgetSpec[T]) -> Registered[T]:
        """Record that ``spec`` was rendered; return its current value."""
        if spec.id in self._seen or (
            spec.user_key is not None and spec.user_key in self._seen_keys
        ):
            raise _duplicate(spec)
        key = spec.storage_key
        if not spec.settable and key in self._set_by_user:
            raise RilletAPIException(
                f"`st.session_state[{key!r}]` was set, but it belongs to a {spec.kind}, "
                "whose value only the user can change. Keep your own value under "
                "another key."
            )
        self._seen.add(spec.id)
        if spec.user_key is not None:
            self._seen_keys.add(spec.user_key)
        previous = self._widgets.get(spec.id)
        self._widgets[spec.id] = spec
        discarded = self._discard_if_disabled(spec, key)
        warning = None
        restored = key in self._restorable
        self._restorable.pop(key, None)
        if key in self._values and (previous is not None or key in self._set_by_user or restored):
            value = self._values[key]
            set_by_state = key in self._set_by_user or restored
            if previous is not None and not set_by_state and _differ(previous.params, spec.params):
                # Same key, new label/options/default: keep the value if it
                # still fits, and make the client show what the server holds.
                value = self._values[key] = _revalidate(spec, value)
                set_by_state = True
            if previous is None and spec.explicit_default and set_by_state:
                warning = (
                    f"The widget with key {key!r} was created with a default value but "
                    "also had its value set through st.session_state; the session state "
                    "value wins."
                )
        else:
            value = spec.default
            self._values[key] = value
            set_by_state = False
        self._set_by_user.discard(key)
        # A discarded change: the client shows what the server holds again.
        return Registered(value, set_by_state or discarded, warning)

    def _discard_if_disabled(self, spec: WidgetSpec[Any], key: str) -> bool:
        """Take back a change the client made to a widget disabled in this run.

        As in Streamlit: a disabled widget cannot be used, so it reads as
        before the change (its callback, set while it was enabled, has run).
        A value set through st.session_state still wins.
        """
        if not spec.disabled or key not in self._before_client or key in self._set_by_user:
            return False
        held = self._before_client.pop(key)
        if held is _ABSENT:
            self._values.pop(key, None)
        else:
            self._values[key] = held
        return True

    def seed(self, key: str, value: Any) -> None:
        """Give the widget with user ``key``, not yet created, this first value.

        Used for values from the URL (``bind="query-params"``). The widget
        takes it when rendered as if set through ``st.session_state``, without
        the warning about a default given as well.
        """
        self._values[key] = value
        self._restorable[key] = None

    def set_through_state(self, key: str) -> bool:
        """Whether ``key`` was set through ``st.session_state`` since its widget last ran."""
        return key in self._set_by_user

    def has_value(self, key: str) -> bool:
        """Whether ``key`` holds a value, visible or internal."""
        return key in self._values

    def rest_triggers(self) -> None:
        """Put every button at rest: a run starts with none pressed but those the client sends."""
        for spec in self._widgets.values():
            if spec.is_trigger:
                self._values[spec.storage_key] = spec.default

    def apply_client_states(self, states: pb.WidgetStates) -> list[WidgetSpec[Any]]:
        """Take the client's widget values; return the widgets that changed.

        States for ids this session never rendered are ignored: a stale or
        hostile client cannot create values.
        """
        changed: list[WidgetSpec[Any]] = []
        self._submitted_forms = set()
        self._before_client = {}
        for state in states.widgets:
            spec = self._widgets.get(state.id)
            if spec is None:
                continue
            try:
                value = spec.serde.deserialize(state)
            except (ValueError, TypeError, IndexError) as exc:
                _LOG.warning("ignored a bad value for %s %r: %s", spec.kind, spec.id, exc)
                continue
            key = spec.storage_key
            if spec.is_trigger:
                if value:
                    self._before_client[key] = self._values.get(key, _ABSENT)
                    self._values[key] = value
                    changed.append(spec)
                    if spec.is_form_submit:
                        self._submitted_forms.add(spec.form_id)
                continue
            if key not in self._values or not _same(self._values[key], value):
                self._before_client[key] = self._values.get(key, _ABSENT)
                self._values[key] = value
                changed.append(spec)
        if len(changed) > 1:  # in the order the widgets were rendered
            order = {widget_id: i for i, widget_id in enumerate(self._widgets)}
            changed.sort(key=lambda spec: order[spec.id])
        return changed

    def callbacks_for(self, changed: list[WidgetSpec[Any]]) -> list[WidgetSpec[Any]]:
        """The changed widgets whose callback should run before the script.

        Inside a form, only a submit makes a change count.
        """
        return [
            spec
            for spec in changed
            if spec.on_change is not None
            and (not spec.form_id or spec.is_form_submit or spec.form_id in self._submitted_forms)
        ]

    @property
    def submitted_forms(self) -> set[str]:
        return set(self._submitted_forms)

    def end_run(
        self,
        fragment_id: str = "",
        *,
        completed: bool,
        fragments_ran: AbstractSet[str] = frozenset(),
        page_hash: str = "",
        rest_triggers: bool = True,
    ) -> None:
        """Reset the run's triggers; after a completed run, forget its unrendered widgets.

        Unrendered widgets with ``persist_state`` keep their values instead;
        a full run on a page other than theirs (``page_hash``) ends the
        ``"page"`` ones. A run ended by an exception or ``st.stop()``
        (``rest_triggers=False``) leaves its buttons pressed until the next
        run starts (:meth:`rest_triggers`), as Streamlit does.

        A full run (``fragment_id`` empty) covers every widget. A fragment
        run covers the widgets of that fragment and of every fragment that
        ran inside it (``fragments_ran``): a widget belongs to its innermost
        fragment, as in Streamlit.
        """
        self._before_client = {}
        scope = {fragment_id, *fragments_ran}

        def in_run(spec: WidgetSpec[Any]) -> bool:
            return not fragment_id or spec.fragment_id in scope

        self.pressed_at_end = {
            spec.id: self._values[spec.storage_key]
            for spec in self._widgets.values()
            if spec.is_trigger and in_run(spec) and self._values.get(spec.storage_key)
        }
        if rest_triggers:
            for spec in self._widgets.values():
                if spec.is_trigger and in_run(spec):
                    self._values[spec.storage_key] = spec.default  # a trigger's rest value
        # "Created in this run" only holds during the run: between runs (a
        # test, another thread) a keyed widget's value may be set again.
        seen, self._seen, self._seen_keys = self._seen, set(), set()
        if not completed:
            return
        stale = [wid for wid, spec in self._widgets.items() if wid not in seen and in_run(spec)]
        for wid in stale:
            spec = self._widgets.pop(wid)
            key = spec.storage_key
            if any(s.storage_key == key for s in self._widgets.values()):
                continue
            if spec.persist is not None and key in self._values:
                self._restorable[key] = spec
            else:
                self._values.pop(key, None)
        if not fragment_id:
            self._end_page_scope(page_hash)

    def _end_page_scope(self, page_hash: str) -> None:
        for key, spec in list(self._restorable.items()):
            if spec is not None and spec.persist == "page" and spec.page_hash != page_hash:
                del self._restorable[key]
                self._values.pop(key, None)

    def reset_widget(self, widget_id: str) -> Any:
        """Put a widget back to its default (``clear_on_submit``)."""
        spec = self._widgets[widget_id]
        self._values[spec.storage_key] = spec.default
        return spec.default

    def widget(self, widget_id: str) -> WidgetSpec[Any] | None:
        return self._widgets.get(widget_id)

    def widget_value(self, widget_id: str) -> Any:
        spec = self._widgets[widget_id]
        return self._values.get(spec.storage_key, spec.default)

    def widget_state(self, widget_id: str, value: Any) -> pb.WidgetState:
        """Encode ``value`` for the widget as a client would send it."""
        spec = self._widgets[widget_id]
        state = pb.WidgetState(id=widget_id)
        if value is not None:
            spec.serde.serialize(value, state)
        return state

    def current_states(self) -> pb.WidgetStates:
        """Every live widget's value, as the client would send them."""
        out = pb.WidgetStates()
        for wid, spec in self._widgets.items():
            if spec.is_trigger:
                continue
            out.widgets.append(self.widget_state(wid, self._values.get(spec.storage_key)))
        return out

    def snapshot(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """Widget values and the other values, as the shared session store keeps them.

        Widget values are those of rendered widgets and of unrendered
        ``persist_state`` ones; buttons (a value for one run) are left out.
        """
        triggers = {s.storage_key for s in self._widgets.values() if s.is_trigger}
        widget_keys = {s.storage_key for s in self._widgets.values()}
        widgets: dict[str, Any] = {}
        values: dict[str, Any] = {}
        for key, value in self._values.items():
            if key in triggers:
                continue
            if key in widget_keys or key in self._restorable:
                widgets[key] = value
            else:
                values[key] = value
        return widgets, values

    def restore(self, widgets: dict[str, Any], values: dict[str, Any]) -> None:
        """Take back a :meth:`snapshot` in a new session, before its first run.

        Each widget takes its value back when it is rendered, as if set
        through ``st.session_state`` (the client is told the value).
        """
        self._values.update(values)
        for key, value in widgets.items():
            self.seed(key, value)

    def clear(self) -> None:
        """Forget every value (``st.session_state.clear()``)."""
        self._values.clear()
        self._set_by_user.clear()
        self._restorable.clear()

    def _widget_for_key(self, key: str) -> WidgetSpec[Any] | None:
        for spec in self._widgets.values():
            if spec.storage_key == key:
                return spec
        return None


def _same(a: Any, b: Any) -> bool:
    try:
        return bool(a == b) and type(a) is type(b)
    except Exception:
        return False


def _differ(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    try:
        return bool(a != b)
    except Exception:  # parameters that do not compare (arrays): assume changed
        return True


def _revalidate(spec: WidgetSpec[T], value: Any) -> Any:
    """``value`` if the widget can still hold it, else what it can keep, else the default.

    A value fits when it survives the trip through the widget's serde (an
    option that is gone does not). Of a list, the items that fit are kept.
    """

    def fits(candidate: Any) -> bool:
        state = pb.WidgetState()
        try:
            if candidate is not None:
                spec.serde.serialize(candidate, state)
            spec.serde.deserialize(state)
        except (ValueError, TypeError, IndexError, KeyError):
            return False
        return True

    if fits(value):
        return value
    if isinstance(value, list):
        return [item for item in value if fits([item])]
    return spec.default


def _missing(key: str, what: str) -> str:
    return (
        f'st.session_state has no {what} "{key}". Did you forget to initialize it? '
        f'Set it first, e.g. `if "{key}" not in st.session_state: '
        f'st.session_state["{key}"] = ...`.'
    )


def _duplicate(spec: WidgetSpec[Any]) -> DuplicateWidgetID:
    if spec.user_key is not None:
        return DuplicateWidgetID(
            f"There are several widgets with `key={spec.user_key!r}`. "
            "Each widget needs its own unique `key`."
        )
    return DuplicateWidgetID(
        f"There are several `st.{spec.kind}` widgets with the same label and "
        f"parameters, so they get the same identity. Give each one a unique "
        f"`key`, e.g. `st.{spec.kind}(..., key='{spec.kind}_2')`."
    )
