"""The current script run: the one ambient value in rillet.

Every ``st.*`` call finds its run through :func:`get`. A run context owns
where the next element goes (the target stack and per-block cursors), the
widgets it rendered, and the send side of the session's outbox.

Each call that writes to the page is a *yield point*: it first checks
whether a newer rerun or a stop was requested, and unwinds the script if so.
"""

from __future__ import annotations

import contextvars
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import NoRunContextError
from rillet.runtime.session_state import SessionState

if TYPE_CHECKING:
    from rillet.runtime.media import MediaStorage
    from rillet.runtime.pages import PageRegistry
    from rillet.runtime.query_params import QueryParams
    from rillet.runtime.uploads import UploadStorage

Path_ = tuple[int, ...]

MAIN, SIDEBAR, EVENT, BOTTOM = 0, 1, 2, 3


@dataclass(frozen=True)
class Target:
    """Where the next element goes.

    A *block* target appends children below ``path``; a *slot* target
    replaces the one element at ``path`` (``st.empty()``, and the handle every
    element command returns).
    """

    path: Path_
    is_slot: bool = False
    form_id: str = ""
    fragment_id: str = ""


@dataclass
class WidgetPlacement:
    """Where a widget was written this run, to re-send it after a reset."""

    path: Path_
    rebuild: Callable[[Any], pb.Element]


@dataclass
class RunContext:
    """State of one script run, reachable from any ``st.*`` call."""

    session_id: str
    state: SessionState
    send: Callable[[pb.ForwardMsg], None]
    check_interrupt: Callable[[], None]
    main_script: Path
    media: MediaStorage
    uploads: UploadStorage
    pages: PageRegistry
    query_params: QueryParams
    fragment_id: str = ""
    run_id: str = field(default_factory=lambda: os.urandom(6).hex())
    desktop: bool = False
    # While the script body runs (not its callbacks), reading st.session_state
    # is a yield point too: a script that waits in a loop for a value the
    # page sends (a component's) is rerun with it.
    in_body: bool = False
    # Messages the session acts on after the run (page config, navigation).
    page_hash: str = ""
    targets: list[Target] = field(default_factory=list)
    cursors: dict[Path_, int] = field(default_factory=dict)
    media_ids: set[str] = field(default_factory=set)
    placements: dict[str, WidgetPlacement] = field(default_factory=dict)
    fragments_defined: set[str] = field(default_factory=set)
    extras: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.targets:
            self.targets.append(Target((MAIN,)))

    # -- where things go ------------------------------------------------

    @property
    def target(self) -> Target:
        return self.targets[-1]

    @contextmanager
    def using(self, target: Target) -> Iterator[None]:
        """Send the calls inside the block to ``target`` (``with col:``)."""
        self.targets.append(target)
        try:
            yield
        finally:
            self.targets.pop()

    def next_path(self, target: Target) -> Path_:
        """Claim the position the next element of ``target`` occupies."""
        if target.is_slot:
            return target.path
        index = self.cursors.get(target.path, 0)
        self.cursors[target.path] = index + 1
        return (*target.path, index)

    # -- writing ---------------------------------------------------------

    def emit(
        self,
        element: pb.Element,
        target: Target | None = None,
        *,
        transient: bool = False,
        element_hash: str = "",
        fill: Callable[[pb.Element], None] | None = None,
    ) -> Target:
        """Write ``element`` at the next position; return a slot for it.

        ``element_hash``: the element's content digest when the command has
        it already (a table hashes its Arrow bytes on the script thread), so
        the outbox need not hash a large element on the event loop.
        ``fill``: adds the element's large fields (a table's Arrow parts) to
        the element in the message, after ``element`` is copied there, so
        they are copied once, not twice.
        """
        self.check_interrupt()
        target = target or self.target
        path = self.next_path(target)
        # Built in place: the element is copied once (a large table is tens of MB).
        msg = pb.ForwardMsg()
        delta = msg.delta
        delta.path.extend(path)
        delta.fragment_id = target.fragment_id
        if transient:
            delta.transient.CopyFrom(element)
        else:
            delta.new_element.CopyFrom(element)
            delta.element_hash = element_hash
            if fill is not None:
                fill(delta.new_element)
        self.send(msg)
        return Target(path, True, target.form_id, target.fragment_id)

    def emit_block(
        self,
        block: pb.Block,
        target: Target | None = None,
        *,
        form_id: str | None = None,
        fragment_id: str | None = None,
    ) -> Target:
        """Open a block at the next position; return a target inside it.

        ``fragment_id`` opens a fragment's block: the block is tagged with
        the enclosing fragment, the target inside it with ``fragment_id``.
        """
        self.check_interrupt()
        target = target or self.target
        path = self.next_path(target)
        self.cursors[path] = 0
        # A fragment's own block belongs to its parent (a fragment rerun
        # keeps it); only the children are tagged with the fragment's id.
        delta = pb.Delta(path=path, fragment_id=target.fragment_id, add_block=block)
        self.send(pb.ForwardMsg(delta=delta))
        fragment = target.fragment_id if fragment_id is None else fragment_id
        form = target.form_id if form_id is None else form_id
        return Target(path, False, form, fragment)

    def send_msg(self, msg: pb.ForwardMsg) -> None:
        """Send a non-delta message (page config, toast, desktop request)."""
        self.send(msg)


_current: contextvars.ContextVar[RunContext | None] = contextvars.ContextVar(
    "rillet_run", default=None
)


def get() -> RunContext:
    """The running script's context, or a clear error outside an app."""
    ctx = _current.get()
    if ctx is None:
        raise NoRunContextError(
            "This st.* command needs a running app. Start the script with "
            "`rillet run script.py`, or test it with rillet.testing.AppTest."
        )
    return ctx


def get_or_none() -> RunContext | None:
    return _current.get()


@contextmanager
def spinner_for_cache(text: str, *, show_time: bool = False) -> Iterator[None]:
    """Show ``text`` with a spinner while a cached function computes a miss.

    The hook ``rillet.runtime.caching`` looks up (see ``SpinnerHook``): it
    does nothing outside a script run, so cached functions still work in
    plain Python and on other threads.
    """
    ctx = _current.get()
    if ctx is None:
        yield
        return
    element = pb.Element()
    element.spinner.text = text
    element.spinner.show_time = show_time
    slot = ctx.emit(element, transient=True)
    try:
        yield
    finally:
        # No interrupt check: the spinner must go even while unwinding.
        cleared = pb.Delta(path=slot.path, fragment_id=slot.fragment_id)
        cleared.transient.empty.SetInParent()
        ctx.send(pb.ForwardMsg(delta=cleared))


@contextmanager
def activate(ctx: RunContext) -> Iterator[RunContext]:
    """Make ``ctx`` the current run for the calling thread."""
    token = _current.set(ctx)
    try:
        yield ctx
    finally:
        _current.reset(token)
