"""A session: one browser tab or desktop window running the app.

The session turns client messages into runs and a run into messages:
``RerunRequest`` → widget values applied → callbacks → the page script (or a
fragment) runs on the runner thread → deltas → ``ScriptFinished`` →
``ClearStale``.
"""

from __future__ import annotations

import enum
import itertools
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from google.protobuf.message import DecodeError

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context, services
from rillet.runtime.context import MAIN, RunContext, Target
from rillet.runtime.errors import ProtocolError
from rillet.runtime.exceptions import uncaught_element
from rillet.runtime.fragments import FragmentRegistry
from rillet.runtime.interrupts import RerunData, RerunRun, StopRun
from rillet.runtime.media import MediaStorage
from rillet.runtime.outbox import Outbox
from rillet.runtime.pages import PageRegistry, PageSpec
from rillet.runtime.query_params import QueryParams
from rillet.runtime.script_runner import RunnerState, ScriptCache, ScriptRunner, exec_script
from rillet.runtime.session_state import SessionState
from rillet.runtime.uploads import UploadStorage
from rillet.version import __version__

if TYPE_CHECKING:
    from rillet.runtime.client import ClientInfo
    from rillet.runtime.session_store import RedisSessionStore

_LOG = logging.getLogger(__name__)


class Status:
    """``ScriptFinished``'s statuses as the message class's own attributes.

    Read through the enum wrapper (``pb.ScriptFinished.Status.SUCCESS``)
    each costs 1.2 us in its ``__getattr__``; every run reads several.
    """

    SUCCESS = pb.ScriptFinished.SUCCESS
    STOPPED = pb.ScriptFinished.STOPPED
    RERUN = pb.ScriptFinished.RERUN
    ERROR = pb.ScriptFinished.ERROR
    COMPILE_ERROR = pb.ScriptFinished.COMPILE_ERROR


# Run ids only tell one run's messages from another's: a counter from a random
# start, instead of os.urandom on every run (a system call, and the GIL let go).
_RUN_IDS = itertools.count(int.from_bytes(os.urandom(6), "big"))


@dataclass
class App:
    """What every session of one served app shares."""

    main_script: Path
    media: MediaStorage
    uploads: UploadStorage
    pages: PageRegistry
    scripts: ScriptCache = field(default_factory=ScriptCache)
    run_on_save: bool = False
    max_upload_mb: int = 200
    # The app's configured theme (``theme.*`` options), sent with every NewSession.
    theme: pb.Theme = field(default_factory=pb.Theme)
    # client.toolbarMode "viewer"/"minimal", and not client.showSidebarNavigation.
    toolbar_minimal: bool = False
    hide_page_nav: bool = False
    # runner.fastReruns and runner.postScriptGC (see ScriptRunner).
    fast_reruns: bool = True
    collect_garbage: bool = False
    # Shared services the API reaches through the run context (config,
    # secrets); typed loosely here because they live in their own modules.
    # The keys are defined in rillet.runtime.services.
    services: dict[str, Any] = field(default_factory=dict)
    # storage.sessionStore: each session's values, shared by replicas (None: off).
    session_store: RedisSessionStore | None = None
    # The NewSession fields every session of the app shares, built once per
    # list of pages (see new_session_template).
    _greeting: tuple[tuple[PageSpec, ...], pb.ForwardMsg] | None = field(
        default=None, repr=False, compare=False
    )

    def new_session_template(self, pages: list[PageSpec]) -> pb.ForwardMsg:
        """A ``NewSession`` with what every session shares (name, version, theme, pages).

        Every open sends one: copying this message (in C) costs a fraction of
        setting its fields and building its page entries again. It is built
        anew when the pages change; the other fields are the app's
        configuration, read once.
        """
        key = tuple(pages)
        cached = self._greeting
        if cached is not None and cached[0] == key:
            return cached[1]
        msg = pb.ForwardMsg()
        new = msg.new_session
        new.app_name = self.main_script.stem
        new.rillet_version = __version__
        new.allow_run_on_save = True
        new.max_upload_mb = self.max_upload_mb
        new.theme.CopyFrom(self.theme)
        new.toolbar_minimal = self.toolbar_minimal
        new.hide_page_nav = self.hide_page_nav
        new.pages.extend(p.to_proto() for p in pages)
        default = next((p for p in pages if p.is_default), pages[0])
        new.main_page_hash = default.page_hash
        self._greeting = (key, msg)
        return msg


class Lifecycle(enum.Enum):
    """Lifecycle of a session."""

    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    CLOSED = "closed"


_ALLOWED = {
    Lifecycle.CONNECTED: {Lifecycle.DISCONNECTED, Lifecycle.CLOSED},
    Lifecycle.DISCONNECTED: {Lifecycle.CONNECTED, Lifecycle.CLOSED},
    Lifecycle.CLOSED: set(),
}


class Session:
    """One client of the app and everything it owns."""

    def __init__(
        self,
        app: App,
        outbox: Outbox,
        *,
        desktop: bool = False,
        client: ClientInfo | None = None,
    ) -> None:
        # os.urandom, not uuid: uuid imports platform, a cost on every `import rillet`.
        self.id = os.urandom(16).hex()
        self.app = app
        self.outbox = outbox
        self.desktop = desktop
        # The user as the connection and the browser describe them (st.context).
        if client is None:
            from rillet.runtime.client import ClientInfo

            client = ClientInfo()
        self.client = client
        # st.user when set here (AppTest's `user`, or cleared by st.logout);
        # None: read from the signed identity cookie (rillet.api.user).
        self.user_info: dict[str, Any] | None = None
        self.state = SessionState()
        self.fragments = FragmentRegistry()
        # Per session: st.navigation may give each user their own pages.
        self.pages = PageRegistry(app.main_script)
        # Media ids the page currently shows (full run plus later fragment runs).
        self._shown_media: set[str] = set()
        self.query_params = QueryParams(on_change=self._query_changed)
        self.page_hash = ""
        self.run_on_save = app.run_on_save
        self.last_run: RunContext | None = None
        self._lifecycle = Lifecycle.CONNECTED
        self.runner = ScriptRunner(
            self._execute,
            name=f"rillet-script-{self.id[:8]}",
            fast_reruns=app.fast_reruns,
            collect_garbage=app.collect_garbage,
        )

    # -- lifecycle ------------------------------------------------------

    @property
    def lifecycle(self) -> Lifecycle:
        return self._lifecycle

    def move(self, to: Lifecycle) -> None:
        if to not in _ALLOWED[self._lifecycle]:
            raise RuntimeError(
                f"session {self.id[:8]} cannot go from {self._lifecycle.value} to {to.value}"
            )
        self._lifecycle = to

    def start(self, *, resumed: bool = False, resume_secret: str = "") -> None:
        """Greet the client (``NewSession``); it answers with a rerun."""
        msg = pb.ForwardMsg()
        msg.CopyFrom(self.app.new_session_template(self.pages.pages()))
        new = msg.new_session
        new.session_id = self.id
        new.desktop = self.desktop
        new.resumed = resumed
        new.resume_secret = resume_secret
        self.outbox.put(msg)

    def close(self) -> None:
        if self._lifecycle is Lifecycle.CLOSED:
            return
        self.move(Lifecycle.CLOSED)
        self.outbox.detach()
        self.runner.shutdown()
        self.app.media.retain(self.id, set())
        self.app.uploads.clear(self.id)

    # -- client messages --------------------------------------------------

    def handle_back_msg(self, data: bytes) -> None:
        """Act on one client frame (IOLoop thread; never blocks)."""
        msg = pb.BackMsg()
        try:
            msg.ParseFromString(data)
        except DecodeError as exc:
            raise ProtocolError(f"not a BackMsg frame ({len(data)} bytes): {exc}") from None
        kind = msg.WhichOneof("type")
        if kind is None:
            raise ProtocolError("a BackMsg with no message set")
        _HANDLERS[kind](self, msg)

    def _rerun_requested(self, msg: pb.BackMsg) -> None:
        if msg.rerun.HasField("context"):
            self.client = self.client.with_browser(msg.rerun.context)
        self.request_rerun(_rerun_data(msg.rerun))

    def request_rerun(self, data: RerunData | None = None) -> None:
        self.runner.request_rerun(data or RerunData())

    def _set_run_on_save(self, value: bool) -> None:
        self.run_on_save = value
        self.send_status()

    def send_status(self, *, source_changed: bool = False) -> None:
        """Tell the client the whole status (every field, never a partial one)."""
        status = pb.SessionStatus(
            run_on_save=self.run_on_save,
            script_is_running=self.runner.state is RunnerState.RUNNING,
            source_changed=source_changed,
        )
        self.outbox.put(pb.ForwardMsg(session_status=status))

    def _clear_caches(self) -> None:
        # The caches are process-wide (shared by every session, as in
        # Streamlit); imported here so that sessions that never clear pay
        # nothing for them.
        from rillet.runtime.caching import cache_data, cache_resource

        cache_data.clear()
        cache_resource.clear()

    def _desktop_response(self, response: pb.DesktopResponse) -> None:
        handler = self.app.services.get(services.DESKTOP_RESPONSE)
        if handler is not None:
            handler(self, response)

    def _query_changed(self, query_string: str) -> None:
        self.outbox.put(
            pb.ForwardMsg(
                page_info=pb.PageInfo(query_string=query_string, page_hash=self.page_hash)
            )
        )

    # -- one run (script thread) -----------------------------------------

    def _execute(self, data: RerunData) -> RerunData | None:
        self.state.rest_triggers()
        if data.widget_states is not None:
            changed = self.state.apply_client_states(data.widget_states)
        else:
            changed = []
        if data.query_string is not None:
            self.query_params = QueryParams(data.query_string, on_change=self._query_changed)
        fragment = self.fragments.get(data.fragment_id) if data.fragment_id else None
        if fragment is None:
            page = self.pages.resolve(data.page_hash or self.page_hash, data.page_name)
            self.page_hash = page.page_hash
        ctx = RunContext(
            run_id=f"{next(_RUN_IDS) & 0xFFFFFFFFFFFF:012x}",
            session_id=self.id,
            state=self.state,
            send=self.outbox.put,
            check_interrupt=self.runner.check_interrupt,
            main_script=self.app.main_script,
            media=self.app.media,
            uploads=self.app.uploads,
            pages=self.pages,
            query_params=self.query_params,
            fragment_id=fragment.fragment_id if fragment else "",
            desktop=self.desktop,
            page_hash=self.page_hash,
        )
        ctx.extras["session"] = self
        ctx.extras["page_name"] = data.page_name
        ctx.extras["requested_page_hash"] = data.page_hash
        if fragment is not None:
            ctx.targets[0] = fragment.target
        # Every run sends these: fields set in place (keyword arguments that
        # are messages are copied, and each keyword is looked up by name).
        msg = pb.ForwardMsg()
        started = msg.script_started
        started.run_id = ctx.run_id
        started.page_hash = self.page_hash
        started.fragment_id = ctx.fragment_id
        self.outbox.put(msg)
        if fragment is None:
            msg = pb.ForwardMsg()
            info = msg.page_info
            info.query_string = self.query_params.query_string()
            info.page_hash = self.page_hash
            self.outbox.put(msg)
        follow_up: RerunData | None = None
        self.state.begin_run(ctx.fragment_id)
        with context.activate(ctx):
            status, follow_up = self._run_callbacks(ctx, changed)
            if status is Status.SUCCESS:
                ctx.in_body = True
                status, follow_up = self._run_body(ctx, page if fragment is None else None)
                ctx.in_body = False
            if status is Status.SUCCESS:
                self._report_forms_without_submit(ctx)
        self._finish(ctx, status)
        return follow_up

    def uncaught(self, exc: BaseException) -> pb.Element:
        """The element for an exception the script let through, as client.showErrorDetails says."""
        config = services.config_for(self.app.services, [Path.cwd(), self.app.main_script.parent])
        return uncaught_element(exc, config.get("client.showErrorDetails"))

    def _run_callbacks(
        self, ctx: RunContext, changed: list[Any]
    ) -> tuple[pb.ScriptFinished.Status.ValueType, RerunData | None]:
        """Run the changed widgets' callbacks; the script runs next only on SUCCESS.

        As in Streamlit, ``st.stop()`` in a callback ends the run before the
        script, and ``st.rerun()`` or ``st.switch_page()`` (after every
        callback has run) replaces it with a run where buttons are at rest.
        """
        rerun: RerunData | None = None
        for spec in self.state.callbacks_for(changed):
            assert spec.on_change is not None
            try:
                spec.on_change(*spec.args, **spec.kwargs)
            except StopRun:
                return Status.STOPPED, None
            except RerunRun as exc:
                if exc.data is None:  # interrupted by a newer request
                    return Status.RERUN, None
                rerun = exc.data
            except Exception as exc:
                ctx.emit(self.uncaught(exc), ctx.targets[0])
                return Status.ERROR, None
        if rerun is not None:
            return Status.RERUN, rerun
        return Status.SUCCESS, None

    def _run_body(
        self, ctx: RunContext, page: PageSpec | None
    ) -> tuple[pb.ScriptFinished.Status.ValueType, RerunData | None]:
        try:
            if page is None:
                self._run_fragment(ctx)
            else:
                self._run_page(ctx, page)
        except StopRun:
            return Status.STOPPED, None
        except RerunRun as rerun:
            if rerun.data is None:  # interrupted by a newer request
                return Status.RERUN, None
            return Status.RERUN, rerun.data
        except SyntaxError as exc:
            ctx.emit(self.uncaught(exc), Target((MAIN,)))
            return Status.COMPILE_ERROR, None
        except Exception as exc:
            if id(exc) not in ctx.extras.get("shown_errors", ()):  # a fragment showed it
                ctx.emit(self.uncaught(exc), ctx.targets[0])
            return Status.ERROR, None
        return Status.SUCCESS, None

    def _run_page(self, ctx: RunContext, page: PageSpec) -> None:
        # With st.navigation the main script always runs and picks the page
        # itself; with a pages/ folder the chosen file runs.
        if self.pages.uses_navigation or page.script is None:
            script = self.app.main_script
        else:
            script = page.script
        exec_script(self.app.scripts.get(script), script)

    def _run_fragment(self, ctx: RunContext) -> None:
        fragment = self.fragments.get(ctx.fragment_id)
        assert fragment is not None
        ctx.cursors[fragment.target.path] = 0
        ctx.extras["in_fragment"] = fragment.fragment_id
        ctx.fragments_defined.add(fragment.fragment_id)
        fragment.function(*fragment.args, **fragment.kwargs)

    def _finish(self, ctx: RunContext, status: pb.ScriptFinished.Status.ValueType) -> None:
        full_run = not ctx.fragment_id
        completed = status in (Status.SUCCESS, Status.ERROR)
        # Only a run that reached its end knows which widgets (and fragments)
        # are gone: after an exception, those it never reached keep their
        # values, as in Streamlit, so fixing the error loses no input.
        self.state.end_run(
            ctx.fragment_id,
            completed=status == Status.SUCCESS,
            fragments_ran=ctx.fragments_defined,
            page_hash=ctx.page_hash,
            rest_triggers=status not in (Status.ERROR, Status.STOPPED),
        )
        if completed:
            self._clear_submitted_forms(ctx)
        if full_run and status == Status.SUCCESS:
            self.fragments.keep_only(ctx.fragments_defined)
        if full_run:
            self._shown_media = set(ctx.media_ids)
        else:
            self._shown_media |= ctx.media_ids
        self.app.media.retain(self.id, self._shown_media)
        if self.app.session_store is not None:  # before ScriptFinished: a resume sees this run
            self.app.session_store.save(self.id, self.state)
        msg = pb.ForwardMsg()
        finished = msg.script_finished
        finished.run_id = ctx.run_id
        finished.status = status
        finished.fragment_id = ctx.fragment_id
        self.outbox.put(msg)
        if status != Status.RERUN:
            msg = pb.ForwardMsg()
            clear = msg.clear_stale
            clear.run_id = ctx.run_id
            clear.fragment_id = ctx.fragment_id
            self.outbox.put(msg)
        # Kept for tests and tools; what only the run needed goes (an idle
        # session held every widget's rebuild closure).
        ctx.placements.clear()
        ctx.cursors.clear()
        self.last_run = ctx

    def _report_forms_without_submit(self, ctx: RunContext) -> None:
        """Mark each form of the run that has no submit button (it could never send)."""
        forms: dict[str, Target] = ctx.extras.get("forms", {})
        if not forms:  # most runs: no form, nothing to look up
            return
        submitted_by = {
            spec.form_id
            for spec in map(self.state.widget, ctx.placements)
            if spec is not None and spec.is_form_submit
        }
        for form_id, target in forms.items():
            if form_id in submitted_by:
                continue
            element = pb.Element()
            element.alert.format = pb.Alert.ERROR
            element.alert.body = (
                f"**Missing submit button.** The form `{form_id}` has no submit button, "
                "so nothing entered in it ever reaches the app. Add "
                "`st.form_submit_button()` inside the form."
            )
            ctx.emit(element, target)

    def _clear_submitted_forms(self, ctx: RunContext) -> None:
        """``clear_on_submit``: put a submitted form's widgets back to defaults."""
        forms = ctx.extras.get("clear_on_submit", set()) & self.state.submitted_forms
        if not forms:
            return
        for widget_id, placement in ctx.placements.items():
            spec = self.state.widget(widget_id)
            if spec is None or spec.form_id not in forms or spec.is_trigger:
                continue
            element = placement.rebuild(self.state.reset_widget(widget_id))
            delta = pb.Delta(path=placement.path, fragment_id=ctx.fragment_id, new_element=element)
            self.outbox.put(pb.ForwardMsg(delta=delta))


# One table for every session (a dict of bound methods and lambdas each cost
# a thousand idle sessions ~1 MiB and the garbage collector ~15 objects each).
_HANDLERS: dict[str, Callable[[Session, pb.BackMsg], None]] = {
    "rerun": Session._rerun_requested,
    "stop": lambda s, m: s.runner.request_stop(),
    "clear_cache": lambda s, m: s._clear_caches(),
    "heartbeat": lambda s, m: None,
    "set_run_on_save": lambda s, m: s._set_run_on_save(m.set_run_on_save),
    "desktop_response": lambda s, m: s._desktop_response(m.desktop_response),
}


def _rerun_data(request: pb.RerunRequest) -> RerunData:
    return RerunData(
        widget_states=request.widget_states,
        page_hash=request.page_hash,
        page_name=request.page_name,
        query_string=request.query_string,
        fragment_id=request.fragment_id,
        is_auto_rerun=request.is_auto_rerun,
    )
