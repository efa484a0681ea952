"""``refresh_mode="background"``: an expired entry is served while a new one is computed.

A cached function whose ``ttl`` has passed runs again on a worker thread;
until it finishes, callers get the expired value, for at most one more
``ttl``. After that a caller waits for the new value as usual.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

__all__ = ["BackgroundRefresher", "check_refresh_mode"]

_LOGGER = logging.getLogger(__name__)


def check_refresh_mode(refresh_mode: object, ttl: float | None) -> bool:
    """Whether entries refresh in the background; refuse a mode that cannot work.

    Raises:
        ValueError: ``refresh_mode`` is not one of the two, or background
            refresh was asked for without a ``ttl``.

    Example:
        >>> check_refresh_mode("background", 60.0), check_refresh_mode("foreground", None)
        (True, False)
    """
    if refresh_mode not in ("foreground", "background"):
        raise ValueError(f"refresh_mode must be 'foreground' or 'background', got {refresh_mode!r}")
    if refresh_mode == "background" and ttl is None:
        raise ValueError(
            "refresh_mode='background' needs a ttl: only an entry that expires is "
            "refreshed in the background. Pass ttl=... as well."
        )
    return refresh_mode == "background"


class BackgroundRefresher:
    """Runs at most one refresh per key at a time, each on its own daemon thread.

    Example:
        >>> done = threading.Event()
        >>> BackgroundRefresher().start("k", done.set)
        >>> done.wait(5)
        True
    """

    def __init__(self) -> None:
        """Create a refresher with nothing running."""
        self._lock = threading.Lock()
        self._running: set[str] = set()

    def start(self, key: str, refresh: Callable[[], None]) -> None:
        """Run ``refresh`` on a worker thread, unless ``key`` is being refreshed already."""
        with self._lock:
            if key in self._running:
                return
            self._running.add(key)

        def run() -> None:
            try:
                refresh()
            except Exception:
                # The expired value keeps being served until the grace ends;
                # then a caller computes (and sees the error) itself.
                _LOGGER.exception("refreshing a cached value in the background failed")
            finally:
                with self._lock:
                    self._running.discard(key)

        threading.Thread(target=run, name=f"rillet-cache-refresh-{key[:8]}", daemon=True).start()
