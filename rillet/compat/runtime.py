"""``streamlit.runtime`` and ``streamlit.runtime.scriptrunner`` for apps on rillet.

Apps (and component packages) reach into Streamlit's runtime for a few
things: whether they run inside an app (``runtime.exists()``), the current
run's context (``get_script_run_ctx()``, most often for its
``session_id``), letting a thread of their own call ``st.*``
(``add_script_run_ctx``), and the runtime object itself
(``get_instance()``). This module answers those from rillet's run context.
"""

from __future__ import annotations

import enum
import threading
import weakref
from typing import TYPE_CHECKING, Any, NamedTuple

from rillet.runtime import interrupts

if TYPE_CHECKING:
    import asyncio

    from rillet.api.state import SessionStateProxy
    from rillet.runtime.context import RunContext
    from rillet.runtime.session import Session


# The thread attribute Streamlit keeps a run's context under. rillet keeps
# none on threads: a package that reads it through ``AppSession._scriptrunner``
# finds no runner there (see :class:`AppSession`).
SCRIPT_RUN_CONTEXT_ATTR_NAME = "streamlit_script_run_ctx"


def exists() -> bool:
    """Whether this code runs inside a running app (``streamlit.runtime.exists``).

    Example:
        >>> exists()
        False
    """
    from rillet.runtime import context

    return context.get_or_none() is not None


class ScriptRunContext:
    """The current script run, with the attribute names of Streamlit's context.

    Apps read ``session_id`` (the browser tab's session, stable across
    reruns), ``page_script_hash`` and ``main_script_hash`` (equal on the
    main page), ``query_string``, ``session_state``, ``main_script_path``
    and ``user_info``.

    Example:
        >>> ctx = get_script_run_ctx()  # inside a running app  # doctest: +SKIP
        >>> ctx.session_id  # doctest: +SKIP
        '3f1c...'
    """

    def __init__(self, run: RunContext) -> None:
        self._run = run

    @property
    def session_id(self) -> str:
        return self._run.session_id

    @property
    def page_script_hash(self) -> str:
        return self._run.page_hash

    @property
    def active_script_hash(self) -> str:
        return self._run.page_hash

    @property
    def main_script_hash(self) -> str:
        from rillet.runtime.pages import page_from_file

        return page_from_file(self._run.main_script, is_default=True).page_hash

    @property
    def main_script_path(self) -> str:
        return str(self._run.main_script)

    @property
    def query_string(self) -> str:
        return self._run.query_params.query_string()

    @property
    def session_state(self) -> SessionStateProxy:
        import rillet

        return rillet.session_state

    @property
    def user_info(self) -> dict[str, Any]:
        """Who uses the app, as ``st.user`` reports it (empty where rillet has no ``st.user``)."""
        import rillet

        user = getattr(rillet, "user", None)
        return dict(user) if user is not None else {}

    @property
    def current_fragment_id(self) -> str | None:
        return self._run.fragment_id or None

    def __repr__(self) -> str:
        return f"ScriptRunContext(session_id={self.session_id!r}, page={self.page_script_hash!r})"


def get_script_run_ctx(suppress_warning: bool = False) -> ScriptRunContext | None:
    """The current script run's context, or ``None`` outside a run.

    The same object for every call during one run.

    Example:
        >>> get_script_run_ctx() is None
        True
    """
    from rillet.runtime import context

    run = context.get_or_none()
    if run is None:
        return None
    view = run.extras.get("streamlit_ctx")
    if not isinstance(view, ScriptRunContext):
        view = run.extras["streamlit_ctx"] = ScriptRunContext(run)
    return view


def add_script_run_ctx(thread: Any = None, ctx: Any = None) -> Any:
    """Let a thread started by the script call ``st.*`` commands.

    ``ctx`` (what :func:`get_script_run_ctx` returned) defaults to the
    calling thread's run; call this before ``thread.start()``. Returns the
    thread.

    Example:
        >>> import threading
        >>> worker = add_script_run_ctx(threading.Thread(target=print))
    """
    from rillet.runtime import context

    thread = thread if thread is not None else threading.current_thread()
    run: RunContext | None
    if isinstance(ctx, ScriptRunContext):
        run = ctx._run
    else:
        run = ctx if ctx is not None else context.get_or_none()
    if run is not None and thread is not threading.current_thread():
        target = thread.run

        def run_in_context() -> None:
            with context.activate(run):
                target()

        thread.run = run_in_context
    return thread


class RerunData(interrupts.RerunData):
    """What the next run sees, taking Streamlit's argument names.

    ``raise RerunException(RerunData())`` reruns the app as ``st.rerun()``
    does; ``page_script_hash`` picks the page, ``query_string`` (when not
    empty) replaces the query.

    Example:
        >>> RerunData(page_script_hash="abc").page_hash
        'abc'
    """

    def __init__(
        self,
        query_string: str = "",
        widget_states: Any = None,
        page_script_hash: str = "",
        page_name: str = "",
        fragment_id: str | None = None,
        **ignored: Any,
    ) -> None:
        super().__init__(
            widget_states=widget_states,
            page_hash=page_script_hash,
            page_name=page_name,
            query_string=query_string or None,
            fragment_id=fragment_id or "",
        )


def get_session_state() -> SessionStateProxy:
    """The session's state (``st.session_state``).

    Example:
        >>> get_session_state() is __import__("rillet").session_state
        True
    """
    import rillet

    return rillet.session_state


class AppSessionState(enum.Enum):
    """Where a session is, with the names of Streamlit's ``AppSessionState``.

    Example:
        >>> AppSessionState.SHUTDOWN_REQUESTED.value
        'SHUTDOWN_REQUESTED'
    """

    APP_NOT_RUNNING = "APP_NOT_RUNNING"
    APP_IS_RUNNING = "APP_IS_RUNNING"
    SHUTDOWN_REQUESTED = "SHUTDOWN_REQUESTED"


class _ClientState:
    """The page the session shows, as ``AppSession._client_state`` carries it."""

    def __init__(self, session: weakref.ReferenceType[Session]) -> None:
        self._session = session

    @property
    def page_script_hash(self) -> str:
        session = self._session()
        return session.page_hash if session is not None else ""


class AppSession:
    """A rillet session seen as Streamlit's ``AppSession`` (``SessionInfo.session``).

    Packages read ``id``, ``_state`` (an :class:`AppSessionState`: a closed
    session has asked to shut down) and ``_client_state.page_script_hash``
    (streamlit-webrtc polls both to stop its media worker when the tab
    closes or the user changes page), and call ``request_rerun()``
    (streamlit-server-state reruns every session that reads a value another
    session changed). Other names are the rillet session's.
    There is one view per session, kept as long as the session lives:
    packages hold it by weak reference to notice the session going away.

    Example:
        >>> AppSession.__name__
        'AppSession'
    """

    def __init__(self, session: Session) -> None:
        self._session = weakref.ref(session)
        self.id = session.id
        self._client_state = _ClientState(self._session)
        self._runs_seen: tuple[str, int] = ("", 0)

    @property
    def _state(self) -> AppSessionState:
        from rillet.runtime.session import Lifecycle

        session = self._session()
        if session is None or session.lifecycle is Lifecycle.CLOSED:
            return AppSessionState.SHUTDOWN_REQUESTED
        if session.runner.running:
            return AppSessionState.APP_IS_RUNNING
        return AppSessionState.APP_NOT_RUNNING

    @property
    def _scriptrunner(self) -> None:
        # Streamlit's runner object; rillet's is its own. Packages that look
        # for it (streamlit-server-state, to skip a rerun during callbacks)
        # treat a session without one as free to rerun.
        return None

    def request_rerun(self, client_state: Any = None) -> None:
        """Rerun the session's current page, as another session's change asks.

        ``client_state`` (Streamlit's record of the page and widgets) is
        accepted and not needed: the session reruns with the widget values
        it holds. A closed session is left alone.
        """
        from rillet.runtime.interrupts import RerunData
        from rillet.runtime.session import Lifecycle

        session = self._session()
        if session is not None and session.lifecycle is not Lifecycle.CLOSED:
            session.request_rerun(RerunData())

    def _count_run(self) -> int:
        # Runs counted as packages ask during them: one more for each run
        # that asks, the same count for every ask within one run.
        from rillet.runtime import context

        run = context.get_or_none()
        last_id, count = self._runs_seen
        if run is not None and run.run_id != last_id:
            count += 1
            self._runs_seen = (run.run_id, count)
        return count

    def __getattr__(self, name: str) -> Any:
        session = self._session()
        if session is None:
            raise AttributeError(name)
        return getattr(session, name)


_VIEWS: weakref.WeakKeyDictionary[Session, AppSession] = weakref.WeakKeyDictionary()
_VIEWS_LOCK = threading.Lock()


def _view(session: Session) -> AppSession:
    with _VIEWS_LOCK:
        view = _VIEWS.get(session)
        if view is None:
            view = _VIEWS[session] = AppSession(session)
        return view


class SessionInfo:
    """One session as ``runtime._session_mgr.get_session_info`` returns it.

    ``session`` is the session's :class:`AppSession` view; ``script_run_count``
    grows by one for each run that asks (streamlit-webrtc compares it across
    runs). Streamlit also names this type ``ActiveSessionInfo``.

    Example:
        >>> SessionInfo.__name__
        'SessionInfo'
    """

    def __init__(self, session: Session) -> None:
        self.session = _view(session)
        self.client = session
        self.script_run_count = self.session._count_run()

    def is_active(self) -> bool:
        return self.client is not None


class _Sessions:
    def __init__(self, session: Session | None) -> None:
        self._session = session

    def get_session_info(self, session_id: str) -> SessionInfo | None:
        if self._session is None or self._session.id != session_id:
            return None
        return SessionInfo(self._session)

    def list_active_sessions(self) -> list[SessionInfo]:
        return [SessionInfo(self._session)] if self._session is not None else []


class AsyncObjects(NamedTuple):
    """What ``Runtime._get_async_objs()`` gives: the event loop packages schedule on."""

    eventloop: asyncio.AbstractEventLoop


_loop: asyncio.AbstractEventLoop | None = None
_LOOP_LOCK = threading.Lock()


def _event_loop() -> asyncio.AbstractEventLoop:
    """A process-wide asyncio loop running on its own daemon thread, started on first use.

    Streamlit hands packages the loop its server runs on; packages use it
    to run their own coroutines (streamlit-webrtc's peer connections), which
    any running loop serves. rillet keeps its server's loop to itself, so
    such work cannot hold up the server's messages.
    """
    import asyncio

    global _loop
    with _LOOP_LOCK:
        if _loop is None:
            loop = asyncio.new_event_loop()
            threading.Thread(
                target=loop.run_forever, name="rillet-compat-eventloop", daemon=True
            ).start()
            _loop = loop
        return _loop


class Runtime:
    """What ``streamlit.runtime.get_instance()`` gives an app on rillet.

    rillet's runtime is not a process-wide singleton, so this view sees
    the session of the run that asked: ``get_instance()._session_mgr
    .get_session_info(ctx.session_id).session.id`` works as apps expect,
    and ``media_file_mgr.add(data_or_path, mimetype, coordinates)`` (also
    named ``media_file_manager``) stores bytes, or the file a string names,
    and returns its URL.

    Example:
        >>> get_instance()
        Traceback (most recent call last):
        ...
        RuntimeError: Runtime hasn't been created: no app is running here.
    """

    def __init__(self, session: Session | None) -> None:
        self._session_mgr = _Sessions(session)
        self.media_file_mgr = self.media_file_manager = _Media()

    @classmethod
    def instance(cls) -> Runtime:
        return get_instance()

    def _get_async_objs(self) -> AsyncObjects:
        return AsyncObjects(_event_loop())

    @classmethod
    def exists(cls) -> bool:
        return exists()


class _Media:
    def add(
        self,
        path_or_data: bytes | str,
        mimetype: str,
        coordinates: str = "",
        file_name: str | None = None,
        is_for_static_download: bool = False,
    ) -> str:
        # As Streamlit's manager: a string names a file to read, not data.
        # ``coordinates`` (the element's place) leaves the URL unchanged.
        from pathlib import Path

        from rillet.api.media import store

        if isinstance(path_or_data, str):
            return store(Path(path_or_data).read_bytes(), mimetype, file_name)
        return store(bytes(path_or_data), mimetype, file_name)


def get_instance() -> Runtime:
    """The runtime serving the current app (``streamlit.runtime.get_instance``).

    Raises ``RuntimeError`` outside a running app, as Streamlit does.

    Example:
        >>> exists()
        False
    """
    from rillet.runtime import context

    run = context.get_or_none()
    if run is None:
        raise RuntimeError("Runtime hasn't been created: no app is running here.")
    return Runtime(run.extras.get("session"))


def gather_metrics(name: str, func: Any = None) -> Any:
    """``streamlit.runtime.metrics_util.gather_metrics``: rillet collects no usage metrics.

    Usable as ``gather_metrics("name", func)`` or as ``@gather_metrics("name")``;
    either way the function comes back unchanged.

    Example:
        >>> gather_metrics("my_helper", len) is len
        True
    """
    if func is None:
        return lambda f: f
    return func
