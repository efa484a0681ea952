"""The shared session store: widget values and ``st.session_state`` in Redis.

Opt-in (``storage.sessionStore = "redis"``). Behind a load balancer, a
client whose replica died or was drained reconnects to another replica; with
the store, that replica takes the session's values back from Redis before
the first run, so the page shows what it showed.

What is kept: the values of the session's widgets (buttons excepted: they
hold a value for one run only) and every picklable ``st.session_state``
value. What is not: values that cannot be pickled (named once per session
and key in a warning; they stay in the live session), the page's elements
(the first run on the new replica draws them again), fragments' timers,
caches (per process anyway) and the script's local variables.

Keys (``prefix`` as in :mod:`rillet.runtime.redis_storage`):

- ``<prefix>:state:<session id>`` — a hash: ``auth`` (SHA-256 of the
  session's resume secret) and ``k:<key>`` per value (a one-byte tag,
  ``w`` widget or ``u`` other, then the pickle), with a TTL that the
  replica running the session refreshes (a heartbeat every quarter TTL).

Writes are cheap: after each run only the values whose pickle changed are
written (one pipelined round trip; none when nothing changed). A session
that ends cleanly (its client gone longer than
``server.disconnectedSessionTTL``) deletes its record; one whose replica
crashed expires after the TTL; a drained replica leaves them for the
replicas its clients reconnect to.

Resuming needs the session's resume secret, a random value given to the
client in ``NewSession.resume_secret`` and presented on reconnect as a
WebSocket subprotocol (``rillet-resume.<secret>``), never in the URL, so no
access log records it. A session id alone (it appears in upload URLs) never
resumes a session. The resumed session gets a new id and a new secret, and
the old record is deleted by its first write.

Records are pickles: whoever can write to the Redis can run code in the
replicas, so the Redis must be as trusted as the replicas themselves.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import pickle
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from rillet.runtime.digest import blake2b
from rillet.runtime.redis_storage import DEFAULT_SESSION_TTL, _Heartbeat, _ms
from rillet.runtime.uploads import UploadedFile

if TYPE_CHECKING:
    import redis

    from rillet.runtime.session_state import SessionState
    from rillet.runtime.uploads import UploadStorage

_LOG = logging.getLogger(__name__)

#: The WebSocket subprotocol the client offers first; the server selects it.
SUBPROTOCOL = "rillet"
#: Prefix of the subprotocol that carries the resume secret.
RESUME_PREFIX = "rillet-resume."
_SECRET_BYTES = 16
_MAX_SECRET_CHARS = 64
_AUTH = b"auth"
_KEY = b"k:"
_WIDGET = b"w"
_VALUE = b"u"
# After a failed write, runs skip writing for this long (Redis away).
_RETRY_SECONDS = 1.0


def resume_secret(protocol_header: str) -> str | None:
    """The resume secret a client offered in its ``Sec-WebSocket-Protocol`` header, if any.

    Example:
        >>> resume_secret("rillet, rillet-resume.9f2c")
        '9f2c'
        >>> resume_secret("rillet") is None
        True
    """
    for item in protocol_header.split(","):
        item = item.strip()
        if item.startswith(RESUME_PREFIX):
            secret = item[len(RESUME_PREFIX) :]
            if 0 < len(secret) <= _MAX_SECRET_CHARS:
                return secret
    return None


def _field(key: str) -> bytes:
    return _KEY + key.encode("utf-8", "surrogatepass")


def _digest(secret: str) -> bytes:
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).digest()


@dataclass(frozen=True)
class StoredSession:
    """What the store held for one session: its widget values and its other values."""

    session_id: str
    widgets: dict[str, Any]
    values: dict[str, Any]

    def restore_into(self, state: SessionState, uploads: UploadStorage, session_id: str) -> None:
        """Give a new session (``session_id``) these values, before its first run.

        Uploaded files come along: they are stored again under the new
        session, so its file uploaders keep them.
        """
        state.restore(self.widgets, self.values)
        for value in (*self.widgets.values(), *self.values.values()):
            for file in value if isinstance(value, list) else [value]:
                if isinstance(file, UploadedFile):
                    uploads.add(session_id, file.file_id, file.name, file.type, file.getvalue())


@dataclass
class _Live:
    """One session of this process the store writes for."""

    secret: str
    # The session it resumed: its record goes with the first write.
    replaces: str | None = None
    # Digest of each value as last written; empty: write everything next time.
    written: dict[str, int] = field(default_factory=dict)
    fresh: bool = True
    warned: set[str] = field(default_factory=set)


class RedisSessionStore:
    """Each session's widget values and ``st.session_state``, in Redis, for any replica to resume.

    Args:
        client: a ``redis.Redis`` returning bytes (``decode_responses=False``).
        prefix: first part of every key.
        ttl_seconds: how long a record outlives the last refresh by its
            replica (a live session's is refreshed every quarter TTL).

    Example:
        >>> store = RedisSessionStore(redis.Redis())  # doctest: +SKIP
        >>> secret = store.open("9f2c...")  # doctest: +SKIP
        >>> store.save("9f2c...", session.state)  # doctest: +SKIP
        >>> store.load("9f2c...", secret).values  # doctest: +SKIP
        {'visits': 3}
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
        self._live: dict[str, _Live] = {}
        self._retry_at = 0.0
        self._marker = f"{prefix}:replica:{os.urandom(8).hex()}"
        self._heartbeat = _Heartbeat(
            "rillet-session-store", ttl_seconds / 4, self.refresh, probe=self._holds_marker
        )

    def _key(self, session_id: str) -> str:
        return f"{self._prefix}:state:{session_id}"

    # -- the sessions of this process -----------------------------------------

    def open(self, session_id: str, *, replaces: str | None = None) -> str:
        """Start keeping ``session_id`` (resuming ``replaces``); return its resume secret."""
        secret = os.urandom(_SECRET_BYTES).hex()
        with self._lock:
            self._live[session_id] = _Live(secret, replaces)
        self._heartbeat.start()
        return secret

    def secret_of(self, session_id: str) -> str:
        """The resume secret of a session this process keeps ("" when it keeps none)."""
        with self._lock:
            live = self._live.get(session_id)
        return live.secret if live is not None else ""

    def accepts(self, session_id: str, secret: str | None) -> bool:
        """Whether ``secret`` resumes ``session_id``, a session of this process."""
        with self._lock:
            live = self._live.get(session_id)
        if live is None or secret is None:
            return False
        return hmac.compare_digest(_digest(live.secret), _digest(secret))

    def save(self, session_id: str, state: SessionState) -> None:
        """Write the values that changed since the last save (the session's script thread).

        A value that cannot be pickled is named in a warning, once per
        session and key, and left out; a Redis error is logged and the next
        run writes everything again.
        """
        with self._lock:
            live = self._live.get(session_id)
        if live is None or time.monotonic() < self._retry_at:
            return
        widgets, values = state.snapshot()
        fields: dict[str, bytes] = {}
        for tag, items in ((_WIDGET, widgets), (_VALUE, values)):
            for key, value in items.items():
                try:
                    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
                except Exception as error:
                    if key not in live.warned:
                        live.warned.add(key)
                        _LOG.warning(
                            "session %s: st.session_state[%r] (a %s) cannot be pickled (%s): "
                            "it stays in this session but will not survive a replica "
                            "(storage.sessionStore)",
                            session_id[:8],
                            key,
                            type(value).__name__,
                            error,
                        )
                    continue
                fields[key] = tag + data
        # Keyed by the state's own key objects, an int each: little memory per value.
        digests = {
            k: int.from_bytes(blake2b(d, digest_size=8).digest(), "big") for k, d in fields.items()
        }
        fresh = live.fresh
        changed = {
            _field(k): fields[k] for k, d in digests.items() if fresh or live.written.get(k) != d
        }
        gone = [] if fresh else [_field(k) for k in live.written if k not in digests]
        if not (fresh or changed or gone):
            return
        key = self._key(session_id)
        pipe = self._client.pipeline(transaction=True)
        if fresh:
            pipe.delete(key)
            pipe.hset(key, _AUTH, _digest(live.secret))
            if live.replaces:
                pipe.delete(self._key(live.replaces))
        if changed:
            pipe.hset(key, mapping=changed)  # type: ignore[arg-type]
        if gone:
            pipe.hdel(key, *gone)
        pipe.pexpire(key, self._ttl_ms)
        try:
            pipe.execute()
        except Exception as error:  # redis.RedisError: Redis away or failing
            self._retry_at = time.monotonic() + _RETRY_SECONDS
            live.fresh, live.written = True, {}
            _LOG.warning("session %s: could not save its state in Redis: %s", session_id[:8], error)
            return
        live.fresh, live.replaces, live.written = False, None, digests

    def end(self, session_id: str) -> None:
        """The session ended cleanly: forget it and delete its record."""
        with self._lock:
            live = self._live.pop(session_id, None)
        if live is not None:
            self._client.delete(self._key(session_id))

    def close(self) -> None:
        """Stop keeping this process's sessions (shutdown); their records wait for a resume, then expire."""
        self._heartbeat.stop()
        with self._lock:
            self._live.clear()

    # -- any replica ------------------------------------------------------------

    def load(self, session_id: str, secret: str) -> StoredSession | None:
        """The stored values of ``session_id``, when ``secret`` is its resume secret.

        Blocking (a Redis round trip): the server calls it off its loop.
        A value that no longer unpickles (its class is gone) is left out
        with a warning.
        """
        if not 0 < len(session_id) <= _MAX_SECRET_CHARS:  # ids are 32 hex digits
            return None
        raw: dict[bytes, bytes] = self._client.hgetall(self._key(session_id))  # type: ignore[assignment]
        auth = raw.pop(_AUTH, None)
        if auth is None:
            return None
        if not hmac.compare_digest(auth, _digest(secret)):
            _LOG.warning("refused to resume session %s: wrong resume secret", session_id[:8])
            return None
        widgets: dict[str, Any] = {}
        values: dict[str, Any] = {}
        for name, data in raw.items():
            if not name.startswith(_KEY):
                continue
            key = name[len(_KEY) :].decode("utf-8", "surrogatepass")
            try:
                value = pickle.loads(data[1:])
            except Exception as error:
                _LOG.warning(
                    "session %s: st.session_state[%r] could not be unpickled (%s); left out",
                    session_id[:8],
                    key,
                    error,
                )
                continue
            (widgets if data[:1] == _WIDGET else values)[key] = value
        return StoredSession(session_id, widgets, values)

    # -- the heartbeat ----------------------------------------------------------

    def refresh(self) -> None:
        """Push back the expiry of this process's records; a lost one is written again next run."""
        with self._lock:
            sessions = [(sid, live) for sid, live in self._live.items() if not live.fresh]
        pipe = self._client.pipeline(transaction=False)
        for session_id, _ in sessions:
            pipe.pexpire(self._key(session_id), self._ttl_ms)
        pipe.set(self._marker, b"1", px=self._ttl_ms)
        found = pipe.execute()
        for (_, live), kept in zip(sessions, found, strict=False):
            if not kept:  # Redis lost it (restarted empty): the next save writes it all
                live.fresh, live.written = True, {}

    def _holds_marker(self) -> bool:
        with self._lock:
            if not self._live:
                return True
        return bool(self._client.exists(self._marker))
