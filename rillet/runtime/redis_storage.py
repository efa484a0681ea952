"""Media and upload storage in Redis, shared by every replica of one app.

Behind a load balancer without sticky sessions, ``GET /media/<id>`` and
``PUT /_rillet/upload/<session>/<file>`` may reach a replica other than the
one running the session. With ``storage.backend = "redis"`` every replica
keeps media and uploads in one Redis, so any replica can answer.

Nothing here imports ``redis`` at module level: the storages take a client
(``redis.Redis`` with ``decode_responses=False``, the default), and
:func:`open_redis` imports the package when the app is started with the
Redis backend. ``import rillet`` never imports this module.

Keys (``prefix`` defaults to ``"rillet"``; give apps sharing one Redis
database different prefixes):

- ``<prefix>:media:<id>`` — a hash ``data``, ``mimetype``, ``filename``,
  ``named`` (``"1"`` when a file name was given) with a TTL;
- ``<prefix>:session:<session id>`` — a live session of some replica, with a TTL;
- ``<prefix>:uploads:<session id>`` — a hash of that session's uploads
  (``d:<file id>`` the bytes, ``m:<file id>`` name and type), with a TTL;
- ``<prefix>:replica:<random>`` — one per process holding sessions, with a
  TTL: when it is gone, Redis lost this process's keys (it restarted empty)
  and the process writes them again at once;
- ``<prefix>:state:<session id>`` — the shared session store
  (:mod:`rillet.runtime.session_store`), when it is on.

Each storage refreshes the TTLs of what its own process still needs on a
background thread (a heartbeat every quarter TTL), so nothing a live session
needs expires, and whatever a crashed replica held expires by itself.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import urllib.parse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rillet.runtime.media import MediaFile, MediaInfo, media_id
from rillet.runtime.uploads import UploadRecord

if TYPE_CHECKING:
    import redis

_LOG = logging.getLogger(__name__)

DEFAULT_MEDIA_TTL = 600.0
DEFAULT_SESSION_TTL = 300.0
DEFAULT_PENDING_SECONDS = 3600.0


class RedisUnavailable(Exception):
    """The Redis backend cannot be used: package missing, no URL, or Redis unreachable."""


def redact_url(url: str) -> str:
    """``url`` with its password replaced by ``***``, fit for an error message.

    Example:
        >>> redact_url("redis://app:s3cret@cache:6379/0")
        'redis://app:***@cache:6379/0'
    """
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "<unparsable URL>"
    if parts.password is None:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    return urllib.parse.urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def open_redis(url: str | None, *, timeout: float = 30.0) -> redis.Redis:
    """Connect to the Redis at ``url`` (``storage.redisUrl``) and check that it answers.

    See :func:`redis_client` for the timeouts and retries.

    Raises:
        RedisUnavailable: with what to do, when ``url`` is unset, the ``redis``
            package is not installed, the URL is malformed, or Redis does not
            answer a PING. The password of the URL never appears in the message.

    Example:
        >>> client = open_redis("redis://localhost:6379/0")  # doctest: +SKIP
    """
    client = redis_client(url, timeout=timeout)
    import redis  # present: redis_client said what to install otherwise

    try:
        client.ping()
    except redis.RedisError as error:
        client.close()
        raise RedisUnavailable(
            f"cannot reach Redis at {redact_url(url or '')} (storage.redisUrl): {error}"
        ) from None
    return client


def redis_client(url: str | None, *, timeout: float = 30.0) -> redis.Redis:
    """A client of the Redis at ``url``, not yet connected.

    ``timeout`` bounds each command (connecting: at most 5 s). A command
    that fails to connect is tried once more at once, never after a pause:
    redis-py's own policy (three more tries, backing off) held a run's end
    for about 4 s each time Redis was away, where a clear error is wanted.

    Raises:
        RedisUnavailable: ``url`` is unset or malformed, or the ``redis``
            package is not installed.

    Example:
        >>> redis_client("redis://localhost:6379/0", timeout=2.0).get_retry()._retries  # doctest: +SKIP
        1
    """
    if not url:
        raise RedisUnavailable(
            "storage.backend is 'redis' but storage.redisUrl is not set; "
            "set it to your Redis, e.g. --storage.redisUrl redis://localhost:6379/0"
        )
    try:
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry
    except ImportError:
        raise RedisUnavailable(
            "storage.backend is 'redis' but the redis package is not installed; "
            'install it with: pip install "rillet[redis]"'
        ) from None
    try:
        return redis.Redis.from_url(
            url,
            socket_connect_timeout=min(5.0, timeout),
            socket_timeout=timeout,
            retry=Retry(NoBackoff(), 1),
        )
    except ValueError as error:
        raise RedisUnavailable(
            f"storage.redisUrl {redact_url(url)!r} is not a Redis URL ({error}); "
            "expected e.g. redis://localhost:6379/0"
        ) from None


def redis_storage(
    url: str | None, *, prefix: str = "rillet"
) -> tuple[RedisMediaStorage, RedisUploadStorage]:
    """Both storages on one connection to the Redis at ``url``.

    Raises:
        RedisUnavailable: see :func:`open_redis`.

    Example:
        >>> media, uploads = redis_storage("redis://localhost:6379/0")  # doctest: +SKIP
    """
    client = open_redis(url)
    return RedisMediaStorage(client, prefix=prefix), RedisUploadStorage(client, prefix=prefix)


PROBE_SECONDS = 1.0


class _Heartbeat:
    """Calls ``beat`` every ``interval`` seconds on a daemon thread, from the first ``start``.

    With a ``probe`` it also asks, every :data:`PROBE_SECONDS`, whether Redis
    still holds what this process wrote (one cheap command), and beats at
    once when it does not, or when it answers again after an error: a Redis
    that restarted empty gets this process's live sessions back within
    about a second instead of at the next quarter-TTL beat.
    """

    def __init__(
        self,
        name: str,
        interval: float,
        beat: Callable[[], None],
        probe: Callable[[], bool] | None = None,
    ) -> None:
        self._name = name
        self._interval = interval
        self._beat = beat
        self._probe = probe
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            if self._thread is None and not self._stopped.is_set():
                self._thread = threading.Thread(target=self._loop, name=self._name, daemon=True)
                self._thread.start()

    def stop(self) -> None:
        self._stopped.set()
        with self._lock:
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=5)

    def _loop(self) -> None:
        tick = self._interval if self._probe is None else min(self._interval, PROBE_SECONDS)
        next_beat = time.monotonic() + self._interval
        failing = False
        while not self._stopped.wait(tick):
            try:
                due = time.monotonic() >= next_beat
                if not due and self._probe is not None:
                    due = failing or not self._probe()
                if due:
                    self._beat()
                    next_beat = time.monotonic() + self._interval
                if failing:
                    _LOG.warning("%s: Redis answers again; TTLs refreshed", self._name)
                failing = False
            except Exception as error:  # Redis briefly away: try again next tick
                if not failing:
                    _LOG.warning("%s: could not refresh TTLs in Redis: %s", self._name, error)
                failing = True


def _ms(seconds: float) -> int:
    return max(1, int(seconds * 1000))


def _bytes(value: bytes | str) -> bytes:
    return value if isinstance(value, bytes) else value.encode()


def _text(value: bytes | str | None) -> str:
    return "" if value is None else value.decode() if isinstance(value, bytes) else value


class RedisMediaStorage:
    """Media files in Redis, content-addressed, kept alive by whoever still shows them.

    Design: a file key expires ``ttl_seconds`` after it was last refreshed,
    and each process refreshes the files its own sessions show (the ids
    given to :meth:`retain`, and those added by a run that has not finished
    yet) every quarter TTL. Releasing a file deletes nothing: it expires
    once no replica refreshes it any more.

    Why TTL refresh rather than shared owner sets with a refcount: a file
    is only deleted when *no* process refreshes it, so a replica can never
    delete a file that another replica's session still shows (the ids are
    content hashes, so two sessions on two replicas showing the same bytes
    share one key). A refcount in Redis would be decremented by releases but
    never by a replica that crashed, so its files would leak forever — or
    need this TTL anyway. The cost: a released file stays in Redis up to
    ``ttl_seconds`` longer than needed.

    Files added by a run that has not finished are refreshed too (the run
    retains them when it ends), for at most ``pending_seconds``: a script
    that shows a video and then loops for hours keeps it that long.

    Args:
        client: a ``redis.Redis`` returning bytes (``decode_responses=False``).
        prefix: first part of every key.
        ttl_seconds: how long a file outlives the last refresh.
        pending_seconds: how long a file added by a still-running run is
            kept alive before it is retained.

    Example:
        >>> media = RedisMediaStorage(redis.Redis())  # doctest: +SKIP
        >>> file_id = media.add(b"GIF89a...", "image/gif")  # doctest: +SKIP
        >>> media.retain("session-1", {file_id})  # doctest: +SKIP
    """

    def __init__(
        self,
        client: redis.Redis,
        *,
        prefix: str = "rillet",
        ttl_seconds: float = DEFAULT_MEDIA_TTL,
        pending_seconds: float = DEFAULT_PENDING_SECONDS,
    ) -> None:
        if ttl_seconds <= 0:
            raise ValueError(f"ttl_seconds must be positive, not {ttl_seconds!r}")
        self._client = client
        self._prefix = prefix
        self._ttl_ms = _ms(ttl_seconds)
        self._pending_seconds = pending_seconds
        self._lock = threading.Lock()
        self._shown: dict[str, set[str]] = {}  # owner -> ids it shows
        self._pending: dict[str, float] = {}  # id -> when added, until some owner retains it
        self._heartbeat = _Heartbeat("rillet-media-ttl", ttl_seconds / 4, self.refresh)

    # Each file is two keys with one expiry: a hash of what a response needs
    # to know (size, type, name) and the bytes as a string, which GETRANGE
    # reads a byte range of without sending the rest.
    def _key(self, file_id: str) -> str:
        return f"{self._prefix}:media:{file_id}"

    def _data_key(self, file_id: str) -> str:
        return f"{self._prefix}:media:{file_id}:data"

    def add(self, data: bytes, mimetype: str, filename: str | None = None) -> str:
        file_id = media_id(data, mimetype)
        with self._lock:
            self._pending[file_id] = time.monotonic()
        self._heartbeat.start()
        # Already stored (by this or another replica): refresh it and send no bytes.
        if not all(self._expire_pipeline({file_id}).execute()):
            pipe = self._client.pipeline(transaction=True)
            pipe.hset(
                self._key(file_id),
                mapping={
                    "size": len(data),
                    "mimetype": mimetype,
                    "filename": filename or "",
                    "named": "1" if filename is not None else "0",
                },
            )
            pipe.set(self._data_key(file_id), data)
            pipe.pexpire(self._key(file_id), self._ttl_ms)
            pipe.pexpire(self._data_key(file_id), self._ttl_ms)
            pipe.execute()
        return file_id

    def get(self, file_id: str) -> MediaFile | None:
        pipe = self._client.pipeline(transaction=True)
        pipe.hmget(self._key(file_id), ["mimetype", "filename", "named"])
        pipe.get(self._data_key(file_id))
        (mimetype, filename, named), data = pipe.execute()
        if data is None or mimetype is None:
            return None
        return MediaFile(_bytes(data), _text(mimetype), _text(filename) if named == b"1" else None)

    def info(self, file_id: str) -> MediaInfo | None:
        size, mimetype, filename, named = self._client.hmget(
            self._key(file_id), ["size", "mimetype", "filename", "named"]
        )
        if size is None:
            return None
        return MediaInfo(int(size), _text(mimetype), _text(filename) if named == b"1" else None)

    def read(self, file_id: str, first: int, last: int) -> bytes | None:
        pipe = self._client.pipeline(transaction=True)
        pipe.exists(self._data_key(file_id))
        pipe.getrange(self._data_key(file_id), first, last)
        exists, data = pipe.execute()
        return _bytes(data) if exists else None

    def retain(self, owner: str, file_ids: set[str]) -> None:
        with self._lock:
            before = self._shown.get(owner, set())
            fresh = file_ids - before
            if file_ids:
                self._shown[owner] = set(file_ids)
            else:
                self._shown.pop(owner, None)
            for file_id in file_ids:
                self._pending.pop(file_id, None)
        if fresh:
            self._expire(fresh)

    def refresh(self) -> None:
        """Push back the expiry of every file this process's sessions show (the heartbeat)."""
        now = time.monotonic()
        with self._lock:
            for file_id in [f for f, t in self._pending.items() if now - t > self._pending_seconds]:
                del self._pending[file_id]
            live = set(self._pending).union(*self._shown.values())
        if live:
            self._expire(live)

    def _expire(self, file_ids: set[str]) -> None:
        self._expire_pipeline(file_ids).execute()

    def _expire_pipeline(self, file_ids: set[str]) -> Any:
        pipe = self._client.pipeline(transaction=False)
        for file_id in file_ids:
            pipe.pexpire(self._key(file_id), self._ttl_ms)
            pipe.pexpire(self._data_key(file_id), self._ttl_ms)
        return pipe

    def close(self) -> None:
        """Stop refreshing; the files this process kept alive expire in their own time."""
        self._heartbeat.stop()


class RedisUploadStorage:
    """Uploads in Redis, per session, living as long as the session lives on some replica.

    A session is registered (:meth:`register_session`) by the replica that
    runs it; that replica refreshes the session's key and its uploads every
    quarter TTL until :meth:`clear` (the session closed). Any replica
    accepts a PUT for a session that :meth:`has_session` knows, stores it
    under the session, and the session's own replica reads it on the next
    rerun. When a replica crashes, its sessions and their uploads expire
    after ``ttl_seconds``; an upload that raced a closing session expires the
    same way.

    A session's uploads are one Redis hash rather than a key per file: one
    TTL covers them all, :meth:`clear` is one ``DEL``, and a file's name,
    type and bytes are written by one ``HSET``.

    Args:
        client: a ``redis.Redis`` returning bytes (``decode_responses=False``).
        prefix: first part of every key.
        ttl_seconds: how long a session (and its uploads) outlives its
            replica's last refresh.

    Example:
        >>> uploads = RedisUploadStorage(redis.Redis())  # doctest: +SKIP
        >>> uploads.register_session("9f2c...")  # doctest: +SKIP
        >>> uploads.add("9f2c...", "f1", "a.csv", "text/csv", b"x,y")  # doctest: +SKIP
    """

    def __init__(
        self,
        client: redis.Redis,
        *,
        prefix: str = "rillet",
        ttl_seconds: float = DEFAULT_SESSION_TTL,
    ) -> None:
        if ttl_seconds <= 0:
            raise ValueError(f"ttl_seconds must be positive, not {ttl_seconds!r}")
        self._client = client
        self._prefix = prefix
        self._ttl_ms = _ms(ttl_seconds)
        self._lock = threading.Lock()
        self._local: set[str] = set()  # sessions registered by this process
        # Exists while Redis keeps what this process wrote (see _Heartbeat).
        self._marker = f"{prefix}:replica:{os.urandom(8).hex()}"
        self._heartbeat = _Heartbeat(
            "rillet-upload-ttl", ttl_seconds / 4, self.refresh, probe=self._holds_marker
        )

    def _session_key(self, session_id: str) -> str:
        return f"{self._prefix}:session:{session_id}"

    def _uploads_key(self, session_id: str) -> str:
        return f"{self._prefix}:uploads:{session_id}"

    def register_session(self, session_id: str) -> None:
        pipe = self._client.pipeline(transaction=False)
        pipe.set(self._session_key(session_id), b"1", px=self._ttl_ms)
        pipe.set(self._marker, b"1", px=self._ttl_ms)
        pipe.execute()
        with self._lock:
            self._local.add(session_id)
        self._heartbeat.start()

    def has_session(self, session_id: str) -> bool:
        return bool(self._client.exists(self._session_key(session_id)))

    def add(self, session_id: str, file_id: str, name: str, mimetype: str, data: bytes) -> None:
        key = self._uploads_key(session_id)
        pipe = self._client.pipeline(transaction=True)
        pipe.hset(key, mapping={f"d:{file_id}": data, f"m:{file_id}": json.dumps([name, mimetype])})
        pipe.pexpire(key, self._ttl_ms)
        pipe.execute()

    def get(self, session_id: str, file_id: str) -> UploadRecord | None:
        data, meta = self._client.hmget(
            self._uploads_key(session_id), [f"d:{file_id}", f"m:{file_id}"]
        )
        if data is None or meta is None:
            return None
        name, mimetype = json.loads(meta)
        return UploadRecord(file_id, str(name), str(mimetype), _bytes(data))

    def remove(self, session_id: str, file_id: str) -> bool:
        removed: Any = self._client.hdel(
            self._uploads_key(session_id), f"d:{file_id}", f"m:{file_id}"
        )
        return bool(removed)

    def clear(self, session_id: str) -> None:
        with self._lock:
            self._local.discard(session_id)
        self._client.delete(self._session_key(session_id), self._uploads_key(session_id))

    def refresh(self) -> None:
        """Push back the expiry of this process's sessions and their uploads (the heartbeat)."""
        with self._lock:
            sessions = list(self._local)
        if not sessions:
            return
        pipe = self._client.pipeline(transaction=False)
        for session_id in sessions:
            # SET, not PEXPIRE: a key lost while Redis was away comes back.
            pipe.set(self._session_key(session_id), b"1", px=self._ttl_ms)
            pipe.pexpire(self._uploads_key(session_id), self._ttl_ms)
        pipe.set(self._marker, b"1", px=self._ttl_ms)
        pipe.execute()

    def _holds_marker(self) -> bool:
        with self._lock:
            if not self._local:
                return True  # nothing to write back
        return bool(self._client.exists(self._marker))

    def close(self) -> None:
        """Stop refreshing; this process's sessions expire in their own time."""
        self._heartbeat.stop()
