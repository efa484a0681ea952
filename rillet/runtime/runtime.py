"""The Runtime: every session of one served app.

The server creates one ``Runtime`` per app and talks to it only through
:meth:`connect`, :meth:`disconnect`, :meth:`source_changed` and
:meth:`shutdown`. Nothing here imports Tornado: the server hands in how to
deliver bytes and how to schedule work on its loop.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.media import InMemoryMediaStorage, MediaStorage
from rillet.runtime.outbox import FrameEncoder, Outbox, Schedule
from rillet.runtime.pages import PageRegistry
from rillet.runtime.script_runner import ScriptCache
from rillet.runtime.services import CONFIG as SERVICE_CONFIG
from rillet.runtime.session import App, Lifecycle, Session
from rillet.runtime.uploads import InMemoryUploadStorage, UploadStorage

if TYPE_CHECKING:
    from rillet.runtime.client import ClientInfo
    from rillet.runtime.session_store import RedisSessionStore, StoredSession

_LOG = logging.getLogger(__name__)


def _option(config: Any, name: str, default: Any) -> Any:
    if config is None:
        return default
    value = config.get(name)
    return default if value is None else value


def theme_of(config: Any) -> pb.Theme:
    """The ``theme.*`` options as the client reads them (unset ones empty).

    Example:
        >>> theme_of(None).base
        ''
    """

    def text(name: str) -> str:
        return str(_option(config, name, "") or "").strip()

    return pb.Theme(
        base=text("theme.base"),
        primary_color=text("theme.primaryColor"),
        background_color=text("theme.backgroundColor"),
        secondary_background_color=text("theme.secondaryBackgroundColor"),
        text_color=text("theme.textColor"),
        font=text("theme.font"),
    )


class Runtime:
    """Sessions of one app, and the storage they share."""

    def __init__(
        self,
        script_path: Path,
        config: Any = None,
        *,
        media: MediaStorage | None = None,
        uploads: UploadStorage | None = None,
        services: dict[str, Any] | None = None,
        session_store: RedisSessionStore | None = None,
    ) -> None:
        self.config = config
        self.script_path = script_path.resolve()
        self.media: MediaStorage = media or InMemoryMediaStorage()
        self.uploads: UploadStorage = uploads or InMemoryUploadStorage()
        self.app = App(
            main_script=self.script_path,
            media=self.media,
            uploads=self.uploads,
            pages=PageRegistry(self.script_path),
            scripts=ScriptCache(
                magic=bool(_option(config, "runner.magicEnabled", True)),
                root_docstring=bool(_option(config, "magic.displayRootDocString", False)),
                last_expression=bool(_option(config, "magic.displayLastExprIfNoSemicolon", False)),
            ),
            run_on_save=bool(_option(config, "server.runOnSave", False)),
            max_upload_mb=int(_option(config, "server.maxUploadSize", 200)),
            theme=theme_of(config),
            toolbar_minimal=_option(config, "client.toolbarMode", "auto") in ("viewer", "minimal"),
            hide_page_nav=not _option(config, "client.showSidebarNavigation", True),
            fast_reruns=bool(_option(config, "runner.fastReruns", True)),
            collect_garbage=bool(_option(config, "runner.postScriptGC", False)),
            services=dict(services or {}),
            session_store=session_store,
        )
        if config is not None:
            self.app.services.setdefault(SERVICE_CONFIG, config)
        self._ttl = float(_option(config, "server.disconnectedSessionTTL", 120))
        self._lock = threading.Lock()
        self._sessions: dict[str, Session] = {}
        self._disconnected_at: dict[str, float] = {}
        self._reaper: threading.Timer | None = None
        self._script_dir = str(self.script_path.parent)
        if self._script_dir not in sys.path:
            sys.path.insert(0, self._script_dir)

    # -- sessions ---------------------------------------------------------

    def connect(
        self,
        deliver: Callable[[bytes], None],
        schedule: Schedule,
        *,
        resume_id: str | None = None,
        desktop: bool = False,
        client: ClientInfo | None = None,
        resume_secret: str | None = None,
        restore: StoredSession | None = None,
    ) -> Session:
        """A client connected: resume its session if alive, else start one.

        ``client`` is what the connection's request tells of the user
        (headers, cookies, address); a resumed session takes the new one.
        With the session store, resuming takes the session's
        ``resume_secret`` too, and ``restore`` (the values of a session of
        another replica, read with it) starts the new session with them.
        """
        self._reap()

        encoder = FrameEncoder()

        def send(msgs: list[pb.ForwardMsg]) -> None:
            deliver(encoder.encode(msgs))

        store = self.app.session_store
        with self._lock:
            session = self._sessions.get(resume_id) if resume_id else None
            if (
                session is not None
                and store is not None
                and not store.accepts(session.id, resume_secret)
            ):
                session = None
            if session is not None and session.lifecycle is Lifecycle.DISCONNECTED:
                self._disconnected_at.pop(session.id, None)
                session.outbox.attach(send, schedule)
                session.move(Lifecycle.CONNECTED)
                if client is not None:
                    session.client = client
                resumed = True
            else:
                session = Session(self.app, Outbox(send, schedule), desktop=desktop, client=client)
                self._sessions[session.id] = session
                resumed = False
        if not resumed:
            # Before NewSession reaches the client: it may upload at once, to any replica.
            self.uploads.register_session(session.id)
        if store is None:
            session.start(resumed=resumed)
            return session
        if resumed:
            secret = store.secret_of(session.id)
        else:
            secret = store.open(session.id, replaces=restore.session_id if restore else None)
            if restore is not None:
                restore.restore_into(session.state, self.uploads, session.id)
        session.start(resumed=resumed or restore is not None, resume_secret=secret)
        return session

    def disconnect(self, session_id: str) -> None:
        """The socket closed; keep the session for the reconnect TTL."""
        with self._lock:
            session = self._sessions.get(session_id)
            if session is None or session.lifecycle is not Lifecycle.CONNECTED:
                return
            session.move(Lifecycle.DISCONNECTED)
            session.outbox.detach()
            self._disconnected_at[session_id] = time.monotonic()
        if self._ttl <= 0:
            self.close_session(session_id)
        else:
            self._reap_later()

    def _reap_later(self) -> None:
        """One timer for every disconnected session (a thread each held ~30 KiB for the TTL)."""
        with self._lock:
            if self._reaper is not None or not self._disconnected_at:
                return
            first = next(iter(self._disconnected_at.values()))
            delay = max(0.0, first + self._ttl - time.monotonic()) + 0.01
            self._reaper = threading.Timer(delay, self._reap_on_timer)
            self._reaper.daemon = True
            self._reaper.start()

    def _reap_on_timer(self) -> None:
        with self._lock:
            self._reaper = None
        self._reap()
        self._reap_later()

    def close_session(self, session_id: str) -> None:
        with self._lock:
            session = self._sessions.pop(session_id, None)
            self._disconnected_at.pop(session_id, None)
        if session is not None:
            session.close()
            if self.app.session_store is not None:  # ended cleanly: nobody resumes it
                self.app.session_store.end(session_id)

    def has_session(self, session_id: str) -> bool:
        """Whether ``session_id`` is live here or, with shared storage, on another replica.

        The upload handler asks this: a client may only write into a session
        whose (128-bit random) id it was given.
        """
        with self._lock:
            if session_id in self._sessions:
                return True
        return self.uploads.has_session(session_id)

    def get_session(self, session_id: str) -> Session | None:
        with self._lock:
            return self._sessions.get(session_id)

    def sessions(self) -> list[Session]:
        with self._lock:
            return list(self._sessions.values())

    def _reap(self) -> None:
        now = time.monotonic()
        expired: list[str] = []
        with self._lock:
            # Oldest first (a resumed session leaves, a new disconnect goes last):
            # stop at the first that has time left.
            for session_id, since in self._disconnected_at.items():
                if now - since < self._ttl:
                    break
                expired.append(session_id)
        for session_id in expired:
            self.close_session(session_id)

    # -- source changes ---------------------------------------------------

    def watched_paths(self) -> set[Path]:
        """The script, its pages, the ``pages/`` folder (a new page) and the local modules it imported."""
        paths = {self.script_path}
        paths.update(p.script for p in self.app.pages.file_pages() if p.script is not None)
        pages_folder = self.script_path.parent / "pages"
        if pages_folder.is_dir():
            paths.add(pages_folder)
        base = self.script_path.parent
        for module in list(sys.modules.values()):
            file = getattr(module, "__file__", None)
            if not file:
                continue
            path = Path(file).resolve()
            if path.is_relative_to(base) and "site-packages" not in path.parts:
                paths.add(path)
        return paths

    def source_changed(self, paths: set[Path]) -> None:
        """Files changed: forget compiled code and local modules, tell sessions."""
        for path in paths:
            self.app.scripts.invalidate(path.resolve())
        changed = {p.resolve() for p in paths}
        for name, module in list(sys.modules.items()):
            file = getattr(module, "__file__", None)
            if file and Path(file).resolve() in changed:
                del sys.modules[name]
        for session in self.sessions():
            if session.lifecycle is not Lifecycle.CONNECTED:
                continue
            if session.run_on_save:
                session.request_rerun()
            else:
                session.send_status(source_changed=True)

    def shutdown(self, timeout: float = 1.0) -> None:
        """Stop every script thread."""
        with self._lock:
            sessions = list(self._sessions.values())
            self._sessions.clear()
            self._disconnected_at.clear()
            if self._reaper is not None:
                self._reaper.cancel()
                self._reaper = None
        deadline = time.monotonic() + timeout
        for session in sessions:
            session.runner.shutdown(timeout=max(0.0, deadline - time.monotonic()))
            session.close()
        if self.app.session_store is not None:
            # Records stay: the clients resume them on the other replicas.
            self.app.session_store.close()
