"""Watches the app's source files and tells the runtime when they change.

What to watch comes from ``runtime.watched_paths()``: the script, its
pages, the ``pages/`` folder itself (a new page is a change) and the local
modules a run imported. That set grows when a run imports a new module, and
the runtime has no "run finished" hook. Reading the set walks
``sys.modules`` (~15 ms with a few hundred modules, more with data
libraries), too slow to do on the IOLoop every second. So the watcher checks
every second whether ``len(sys.modules)`` changed — a new import changes it
— and only then re-reads the set; it also re-reads it after each change it
reports and at least every ``full_refresh_every`` seconds. A module first
imported less than a second before it is edited is the only case that can be
missed.

Editors save in bursts (write, truncate, rename, chmod), so changes are
collected for ``debounce`` seconds and reported together as one
``runtime.source_changed(paths)`` call.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tornado.ioloop

if TYPE_CHECKING:
    from rillet.runtime.runtime import Runtime

log = logging.getLogger(__name__)

_CHANGES = frozenset({"created", "modified", "moved", "deleted"})


class SourceWatcher:
    """Report source changes of one app to its runtime.

    Args:
        runtime: the app's Runtime.
        kind: ``server.fileWatcherType``: ``"auto"`` (inotify/FSEvents/...,
            falling back to polling when the OS refuses more watches),
            ``"watchdog"`` (native only), ``"poll"``; ``"none"`` is handled by
            the caller, which then creates no watcher.
        debounce: seconds to gather a burst of changes into one report.
    """

    def __init__(
        self,
        runtime: Runtime,
        *,
        kind: str = "auto",
        debounce: float = 0.1,
        refresh_every: float = 1.0,
        full_refresh_every: float = 10.0,
    ) -> None:
        self.runtime = runtime
        self.kind = kind
        self.debounce = debounce
        self.refresh_every = refresh_every
        self.full_refresh_every = full_refresh_every
        self._module_count = -1
        self._refreshed_at = 0.0
        self._observer: Any = None
        self._watches: dict[Path, Any] = {}
        # Read from the observer thread; replaced whole, never mutated.
        self._files: frozenset[str] = frozenset()
        self._dirs: frozenset[str] = frozenset()
        self._pending: set[Path] = set()
        self._flush_handle: object | None = None
        self._loop: tornado.ioloop.IOLoop | None = None
        self._refresher: tornado.ioloop.PeriodicCallback | None = None

    def start(self) -> None:
        """Start watching; call on the IOLoop thread."""
        self._loop = tornado.ioloop.IOLoop.current()
        self._observer = self._new_observer(polling=self.kind == "poll")
        self._observer.start()
        # Reading the watched paths takes ~15 ms: not before the first request is answered.
        self._loop.add_callback(self.refresh)
        self._refresher = tornado.ioloop.PeriodicCallback(self._tick, self.refresh_every * 1000)
        self._refresher.start()

    def stop(self) -> None:
        if self._refresher is not None:
            self._refresher.stop()
        if self._flush_handle is not None and self._loop is not None:
            self._loop.remove_timeout(self._flush_handle)
            self._flush_handle = None
        if self._observer is not None:
            self._observer.stop()
            self._observer.join(timeout=2)
            self._observer = None
        self._watches.clear()

    @property
    def watched_dirs(self) -> set[Path]:
        return set(self._watches)

    def _tick(self) -> None:
        stale = time.monotonic() - self._refreshed_at >= self.full_refresh_every
        if stale or len(sys.modules) != self._module_count:
            self.refresh()

    def refresh(self) -> None:
        """Bring the observed directories in line with ``runtime.watched_paths()``."""
        if self._observer is None:
            return
        self._module_count = len(sys.modules)
        self._refreshed_at = time.monotonic()
        paths = {Path(os.path.abspath(p)) for p in self.runtime.watched_paths()}
        dirs = {p for p in paths if p.is_dir()}
        self._files = frozenset(str(p) for p in paths - dirs)
        self._dirs = frozenset(str(d) for d in dirs)
        wanted = dirs | {p.parent for p in paths - dirs}
        for gone in set(self._watches) - wanted:
            self._observer.unschedule(self._watches.pop(gone))
        for new in sorted(wanted - set(self._watches)):
            if not new.is_dir():
                continue
            try:
                self._watches[new] = self._observer.schedule(_Handler(self), str(new))
            except OSError as error:
                if self.kind != "auto" or self._is_polling():
                    log.warning("cannot watch %s: %s", new, error)
                    continue
                log.warning("native file watching failed (%s); polling instead", error)
                self._switch_to_polling()
                return

    def _is_polling(self) -> bool:
        from watchdog.observers.polling import PollingObserver

        return isinstance(self._observer, PollingObserver)

    def _switch_to_polling(self) -> None:
        self._observer.stop()
        self._observer.join(timeout=2)
        self._watches.clear()
        self._observer = self._new_observer(polling=True)
        self._observer.start()
        self.refresh()

    @staticmethod
    def _new_observer(*, polling: bool) -> Any:
        if polling:
            from watchdog.observers.polling import PollingObserver

            return PollingObserver(timeout=0.5)
        from watchdog.observers import Observer

        return Observer()

    def _relevant(self, path: str) -> bool:
        # In a watched folder (``pages/``) only Python files count: not an
        # editor's swap and backup files, nor ``__pycache__``.
        if path in self._files:
            return True
        return path.endswith(".py") and os.path.dirname(path) in self._dirs

    def on_event(self, event_type: str, paths: tuple[str, ...]) -> None:
        """Called by the observer thread for every file-system event.

        Note [Threading]: this is the one place the watcher crosses threads.
        The observer thread only filters (reading the frozensets that the
        IOLoop thread swaps whole) and hands the path over with
        ``IOLoop.add_callback``, the one thread-safe IOLoop method; all
        bookkeeping and the runtime call happen on the IOLoop thread.
        """
        if event_type not in _CHANGES or self._loop is None:
            return
        for path in paths:
            if path and self._relevant(path):
                self._loop.add_callback(self._note_change, Path(path))

    def _note_change(self, path: Path) -> None:
        self._pending.add(path)
        if self._flush_handle is None and self._loop is not None:
            self._flush_handle = self._loop.call_later(self.debounce, self._flush)

    def _flush(self) -> None:
        self._flush_handle = None
        changed, self._pending = self._pending, set()
        if changed:
            self.runtime.source_changed(changed)
        self.refresh()


class _Handler:
    """The watchdog event handler: forwards to :meth:`SourceWatcher.on_event`."""

    def __init__(self, watcher: SourceWatcher) -> None:
        self.watcher = watcher

    def dispatch(self, event: Any) -> None:
        if event.is_directory:
            return
        paths = (os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or ""))
        self.watcher.on_event(event.event_type, paths)
