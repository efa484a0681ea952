"""Status elements: progress bars, spinners, status boxes, toasts, balloons and snow."""

from __future__ import annotations

from contextlib import ContextDecorator
from typing import TYPE_CHECKING, Any, Literal

from rillet.api._command import handle
from rillet.api.icons import icon_name
from rillet.api.text import clean_text
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.context import EVENT, Target
from rillet.runtime.errors import bad_argument

if TYPE_CHECKING:
    from rillet.api.container import Container, StatusContainer

StatusState = Literal["running", "complete", "error"]
_STATES = ("running", "complete", "error")


def _percent(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise bad_argument(
            "value", value, "an int from 0 to 100 or a float from 0.0 to 1.0", command="progress"
        )
    if isinstance(value, int):
        if not 0 <= value <= 100:
            raise bad_argument("value", value, "an int from 0 to 100", command="progress")
        return value
    if not 0.0 <= value <= 1.0:
        raise bad_argument("value", value, "a float from 0.0 to 1.0", command="progress")
    return int(value * 100)


def progress(
    value: int | float, text: str | None = None, width: str | int = "stretch"
) -> Container:
    """Display a progress bar; update it in place through what it returns.

    Args:
        value: An int from 0 to 100, or a float from 0.0 to 1.0.
        text: A label shown above the bar (Markdown).

    Example:
        >>> import time
        >>> import rillet as st
        >>> bar = st.progress(0, text="Working...")
        >>> for done in range(100):
        ...     time.sleep(0.01)
        ...     bar.progress(done + 1, text="Working...")
    """
    if text is not None and not isinstance(text, str):
        raise bad_argument("text", text, "a string (Markdown) or None", command="progress")
    if width != "stretch" and (isinstance(width, bool) or not isinstance(width, int) or width <= 0):
        raise bad_argument(
            "width", width, "a positive int (pixels) or 'stretch'", command="progress"
        )
    element = pb.Element()
    element.progress.value = _percent(value)
    element.progress.text = clean_text(text) if text is not None else ""
    return handle(context.get().emit(element))


class Spinner(ContextDecorator):
    """What ``st.spinner`` returns: a context manager (or decorator)."""

    def __init__(self, element: pb.Element, target: Target) -> None:
        self._element = element
        self._target = target
        self._slots: list[Target] = []

    def __enter__(self) -> None:
        ctx = context.get()
        self._slots.append(ctx.emit(self._element, self._target, transient=True))

    def __exit__(self, *exc: object) -> None:
        slot = self._slots.pop()
        # Sent without the interrupt check: the block may be unwinding from
        # a rerun request, and the spinner must go either way. Transient, so
        # no empty element is left behind once the run ends (as in Streamlit).
        cleared = pb.Delta(path=slot.path, fragment_id=slot.fragment_id)
        cleared.transient.empty.SetInParent()
        context.get().send(pb.ForwardMsg(delta=cleared))


def spinner(
    text: str = "In progress...", *, show_time: bool = False, width: str | int = "content"
) -> Spinner:
    """Show a spinner while the block inside ``with`` runs.

    The spinner disappears when the block ends, normally or with an error.
    It also works as a decorator.

    Example:
        >>> import time
        >>> import rillet as st
        >>> with st.spinner("Crunching numbers...", show_time=True):
        ...     time.sleep(2)
        >>> st.success("Done!")
    """
    # Any value is shown as its str(), as in Streamlit.
    element = pb.Element()
    element.spinner.text = clean_text(text)
    element.spinner.show_time = bool(show_time)
    return Spinner(element, context.get().target)


_TOAST_DURATIONS = {"short": 0, "long": 10, "infinite": -1}


def toast(body: Any, *, icon: str | None = None, duration: str | int = "short") -> Container:
    """Show a short message in the corner of the page.

    Calling ``.toast(...)`` on what it returns replaces the message.
    ``duration`` is ``"short"`` (4 seconds), ``"long"`` (10), ``"infinite"``
    (until the user closes it) or a number of seconds.

    Example:
        >>> import rillet as st
        >>> note = st.toast("Saving...", icon="💾")
        >>> note.toast("Saved!", icon="✅")
    """
    if body is None or not str(body).strip():
        raise bad_argument("body", body, "a non-empty message", command="toast")
    shown_icon = icon_name(icon, "toast")
    if isinstance(duration, str) and duration in _TOAST_DURATIONS:
        seconds = _TOAST_DURATIONS[duration]
    elif isinstance(duration, int) and not isinstance(duration, bool) and duration > 0:
        seconds = duration
    else:
        raise bad_argument(
            "duration",
            duration,
            "'short', 'long', 'infinite' or a positive number of seconds",
            command="toast",
        )
    ctx = context.get()
    here = ctx.target
    # A toast lives in the event root; its own handle updates it in place.
    if here.is_slot and here.path[0] == EVENT:
        target = here
    else:
        target = Target((EVENT,), fragment_id=here.fragment_id)
    element = pb.Element()
    element.toast.body = clean_text(body)
    element.toast.icon = shown_icon
    element.toast.duration = seconds
    return handle(ctx.emit(element, target, transient=True))


def status(
    label: str,
    *,
    expanded: bool = False,
    state: StatusState = "running",
    type: Literal["default", "compact", "step"] = "default",
    width: str | int = "stretch",
) -> StatusContainer:
    """Insert a box that shows how a long task is going, with what it wrote inside.

    While ``state`` is ``"running"`` the box shows a spinner. Used with
    ``with``, it turns ``"complete"`` and collapses when the block ends, or
    ``"error"`` when an exception leaves it; ``.update(...)`` changes the
    label, state and openness at any time.

    Args:
        label: What the task is, shown on the box (Markdown).
        expanded: Whether the box starts open.
        state: ``"running"``, ``"complete"`` or ``"error"``.
        type: ``"default"`` (a bordered box), ``"compact"`` (an inline
            toggle) or ``"step"`` (a step of a timeline), as for expanders.

    Example:
        >>> import rillet as st
        >>> with st.status("Downloading data...", expanded=True) as box:
        ...     st.write("Searching for data...")
        ...     box.update(label="Almost there")
    """
    from rillet.api.container import StatusContainer
    from rillet.api.text import check_width

    check_width(width, "status", content=False)
    if type not in ("default", "compact", "step"):
        raise bad_argument("type", type, "'default', 'compact' or 'step'", command="status")
    block = pb.Block()
    block.expander.type = "" if type == "default" else type
    block.expander.label = status_label(label)
    block.expander.expanded = bool(expanded)
    block.expander.state = status_state(state, "status")
    ctx = context.get()
    owner = ctx.target.fragment_id
    return StatusContainer(ctx.emit_block(block), block, owner)


def status_label(label: object) -> str:
    """A status box's label as shown: any value's ``str()``, ``None`` empty (as in Streamlit)."""
    return "" if label is None else str(label)


def status_state(state: object, command: str) -> str:
    if state not in _STATES:
        raise bad_argument("state", state, "'running', 'complete' or 'error'", command=command)
    return str(state)


def _celebrate(kind: str) -> Container:
    element = pb.Element()
    element.balloons.kind = kind
    return handle(context.get().emit(element))


def balloons() -> Container:
    """Float celebratory balloons up the page.

    Example:
        >>> import rillet as st
        >>> if st.button("Ship it"):
        ...     st.balloons()
    """
    return _celebrate("balloons")


def snow() -> Container:
    """Let snowflakes fall down the page.

    Example:
        >>> import rillet as st
        >>> st.snow()
    """
    return _celebrate("snow")
