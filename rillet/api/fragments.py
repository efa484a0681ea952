"""Fragments and dialogs: parts of a page that rerun on their own.

Calling a function decorated with :func:`fragment` during a run opens a
block, registers the function (with its arguments) in the session's
``FragmentRegistry`` and runs it inside that block. Afterwards, a widget
inside the block makes the client send ``RerunRequest.fragment_id``; the
session then reruns only that function, into the same block, and the
client drops only that block's stale children.

A :func:`dialog` is a fragment whose block is a modal ``Dialog``. Dialogs
live in the *event* root, like toasts: they float above the page, so
where the opening call sits in the layout does not matter, and opening one
never shifts the elements of the main area.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import timedelta
from typing import Any, Literal, TypeVar, overload

from rillet.api.icons import icon_name
from rillet.api.serde import TriggerSerde
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.context import EVENT, RunContext, Target
from rillet.runtime.digest import blake2b
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.exceptions import uncaught_element
from rillet.runtime.fragments import FragmentDef
from rillet.runtime.widgets import Widget, block_widget

F = TypeVar("F", bound=Callable[..., Any])
RunEvery = int | float | timedelta | str | None
DialogWidth = Literal["small", "medium", "large"]
_WIDTHS = ("small", "medium", "large")


@overload
def fragment(
    func: F, *, run_every: RunEvery = None, parallel: bool = False, key: str | int | None = None
) -> F: ...
@overload
def fragment(
    func: None = None,
    *,
    run_every: RunEvery = None,
    parallel: bool = False,
    key: str | int | None = None,
) -> Callable[[F], F]: ...
def fragment(
    func: F | None = None,
    *,
    run_every: RunEvery = None,
    parallel: bool = False,
    key: str | int | None = None,
) -> F | Callable[[F], F]:
    """Turn a function into a fragment: a part of the page that reruns alone.

    When a widget inside the fragment changes, only the fragment's function
    runs again, not the whole script. Use it bare (``@st.fragment``) or with
    arguments (``@st.fragment(run_every="5s")``).

    Args:
        func: The function to decorate.
        run_every: Also rerun the fragment on this interval: seconds, a
            ``timedelta`` or a string such as ``"2s"`` or ``"1m"``.
            ``None`` reruns it only when its widgets change.
        parallel: Streamlit may run such a fragment on a worker thread
            during a full run. rillet runs every fragment in order on the
            script's thread: the page and the values are the same, and the
            commands that a parallel fragment may not call still work.
        key: A stable identity for the fragment; without it the identity
            comes from the function and where it is called.

    Example:
        >>> import rillet as st
        >>> @st.fragment
        ... def counter():
        ...     if st.button("Add one"):
        ...         st.session_state.n = st.session_state.get("n", 0) + 1
        ...     st.write(st.session_state.get("n", 0))
        >>> counter()
    """
    interval = _interval(run_every)
    if not isinstance(parallel, bool):
        raise bad_argument("parallel", parallel, "True or False", command="fragment")
    if key is not None and (isinstance(key, bool) or not isinstance(key, (str, int))):
        raise bad_argument("key", key, "a string, an int or None", command="fragment")

    def decorate(fn: F) -> F:
        if not callable(fn):
            raise bad_argument("func", fn, "a function", command="fragment")

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            ctx = context.get_or_none()
            if ctx is None:  # plain Python: just a function
                return fn(*args, **kwargs)
            block = pb.Block(allow_empty=True)
            block.vertical.SetInParent()
            return _run(ctx, fn, args, kwargs, block, ctx.target, interval, key)

        return wrapper  # type: ignore[return-value]

    return decorate if func is None else decorate(func)


def dialog(
    title: str,
    *,
    width: DialogWidth = "small",
    position: Literal["center", "left", "right"] = "center",
    dismissible: bool = True,
    icon: str | None = None,
    on_dismiss: Callable[..., Any] | Literal["ignore", "rerun"] = "ignore",
) -> Callable[[F], F]:
    """Turn a function into a modal dialog, opened by calling it.

    The dialog's body is a fragment: its widgets rerun only the dialog.
    Close it from inside with ``st.rerun()``; the user may also dismiss it
    (unless ``dismissible=False``). Only one dialog can be open per run.

    Args:
        title: The dialog's heading.
        width: ``"small"``, ``"medium"`` or ``"large"``.
        position: ``"center"``, or ``"left"``/``"right"`` for a
            full-height drawer on that side.
        dismissible: Whether the user can close it with the X, Escape or a
            click outside.
        icon: An emoji or ``":material/name:"`` icon before the title.
        on_dismiss: What the user closing it does: ``"ignore"`` (nothing),
            ``"rerun"`` (the app reruns), or a callback run before that
            rerun.

    Example:
        >>> import rillet as st
        >>> @st.dialog("Rename")
        ... def rename(item: str):
        ...     name = st.text_input("New name", item)
        ...     if st.button("Save"):
        ...         st.session_state.name = name
        ...         st.rerun()
        >>> if st.button("Rename..."):
        ...     rename("report.csv")
    """
    if not isinstance(title, str) or not title.strip():
        raise bad_argument(
            "title",
            title,
            'a non-empty string; write @st.dialog("Title") with parentheses',
            command="dialog",
        )
    if width not in _WIDTHS:
        raise bad_argument("width", width, "'small', 'medium' or 'large'", command="dialog")
    if position not in ("center", "left", "right"):
        raise bad_argument("position", position, "'center', 'left' or 'right'", command="dialog")
    if on_dismiss not in ("ignore", "rerun") and not callable(on_dismiss):
        raise bad_argument(
            "on_dismiss", on_dismiss, "'ignore', 'rerun' or a callable", command="dialog"
        )
    heading = title
    shown_icon = icon_name(icon, "dialog")

    def decorate(fn: F) -> F:
        if not callable(fn):
            raise bad_argument("func", fn, "a function", command="dialog")

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            ctx = context.get()
            if ctx.extras.get("dialog_open"):
                raise RilletAPIException(
                    "Only one dialog can be open at a time: a function decorated with "
                    "`@st.dialog` was called a second time in this run."
                )
            ctx.extras["dialog_open"] = True
            block = pb.Block(allow_empty=True)
            block.dialog.title = heading
            block.dialog.width = width
            block.dialog.dismissible = bool(dismissible)
            block.dialog.is_open = True
            block.dialog.position = "" if position == "center" else position
            block.dialog.icon = shown_icon
            target = Target((EVENT,), fragment_id=ctx.target.fragment_id)
            if on_dismiss != "ignore":
                block.widget.CopyFrom(_dismissal(heading, on_dismiss, target))
            return _run(ctx, fn, args, kwargs, block, target, 0.0, None)

        return wrapper  # type: ignore[return-value]

    return decorate


def _dismissal(title: str, on_dismiss: Callable[..., Any] | str, target: Target) -> pb.WidgetCommon:
    """The trigger a dialog's client sends when the user dismisses it."""
    widget: Widget[bool] = Widget(
        kind="dialog",
        label=title,
        default=False,
        serde=TriggerSerde(),
        on_change=on_dismiss if callable(on_dismiss) else None,
        is_trigger=True,
        settable=False,
    )
    return block_widget(widget, target)[1]


def _run(
    ctx: RunContext,
    fn: Callable[..., Any],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    block: pb.Block,
    target: Target,
    interval: float,
    key: str | int | None,
) -> Any:
    """Open the fragment's block, register the fragment and run it inside."""
    fragment_id = _fragment_id(ctx, fn, target, key)
    if fragment_id in ctx.fragments_defined:
        raise RilletAPIException(
            f"There are several fragments with `key={key!r}` in this run. "
            "Each call of a fragment needs its own key."
        )
    block.fragment_id = fragment_id
    block.run_every = interval
    block.id = fragment_id
    if block.WhichOneof("type") == "dialog":
        block.dialog.id = fragment_id
    inner = ctx.emit_block(block, target, fragment_id=fragment_id)
    session = ctx.extras.get("session")
    if session is not None:  # AppTest and the server always run in a session
        session.fragments.add(FragmentDef(fragment_id, fn, args, kwargs, inner, interval or None))
    ctx.fragments_defined.add(fragment_id)
    outer = ctx.extras.get("in_fragment")
    ctx.extras["in_fragment"] = fragment_id
    try:
        with ctx.using(inner):
            return fn(*args, **kwargs)
    except Exception as exc:
        # As in Streamlit, an error in a fragment shows inside the fragment
        # (once: the enclosing fragments and the session see it as shown).
        shown: set[int] = ctx.extras.setdefault("shown_errors", set())
        if id(exc) not in shown:
            shown.add(id(exc))
            ctx.emit(session.uncaught(exc) if session is not None else uncaught_element(exc), inner)
        raise
    finally:
        ctx.extras["in_fragment"] = outer


def _fragment_id(ctx: RunContext, fn: Callable[..., Any], target: Target, key: object) -> str:
    # Stable across reruns: the function plus its key, or else the position
    # its block is about to take (the same call site lands there every run).
    where: object
    if key is not None:
        where = ("key", str(key))
    elif target.is_slot:
        where = target.path
    else:
        where = (*target.path, ctx.cursors.get(target.path, 0))
    name = f"{getattr(fn, '__module__', '')}.{getattr(fn, '__qualname__', repr(fn))}"
    digest = blake2b(repr((name, where)).encode(), digest_size=8).hexdigest()
    return f"fragment-{digest}"


def _interval(run_every: RunEvery) -> float:
    if run_every is None:
        return 0.0
    accepted = "seconds (> 0), a timedelta, a string such as '2s' or '1m', or None"
    from rillet.runtime.caching.ttl import parse_ttl  # the caching package is loaded lazily

    try:
        seconds = parse_ttl(run_every)
    except (TypeError, ValueError):
        raise bad_argument("run_every", run_every, accepted, command="fragment") from None
    if seconds is None or seconds <= 0:
        raise bad_argument("run_every", run_every, accepted, command="fragment")
    return seconds
