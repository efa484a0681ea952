"""``BaseConnection``: what every ``st.connection`` type builds on.

A connection wraps one "raw" client object (a SQLAlchemy engine, an HTTP
session...) made by `BaseConnection._connect` from the keyword arguments
given to ``st.connection`` and the ``[connections.NAME]`` table of
secrets.toml. The raw object is made at once, dropped by `reset` and made
again lazily on the next use of ``_instance``.

Connections are cached process-wide by ``st.connection`` (like
``st.cache_resource``), so one object serves every session: a subclass must
be safe to share across threads.
"""

from __future__ import annotations

import hashlib
import json
import threading
from abc import ABC, abstractmethod
from typing import Any, Generic, TypeVar

from rillet.runtime.secrets import SecretSection, SecretsNotFoundError

__all__ = ["BaseConnection", "ExperimentalBaseConnection", "RawConnectionT"]

RawConnectionT = TypeVar("RawConnectionT")


def connection_secrets(connection_name: str) -> SecretSection:
    """The ``[connections.NAME]`` table of the app's secrets; empty when there is none.

    Example:
        >>> connection_secrets("nowhere").to_dict()
        {}
    """
    from rillet.api.services import secrets

    dotted = f"connections.{connection_name}"
    try:
        section = secrets.get("connections", {}).get(connection_name, {})
    except SecretsNotFoundError:
        section = {}
    if isinstance(section, SecretSection):
        return section
    data = dict(section) if isinstance(section, dict) else {}
    return SecretSection(data, dotted, [])


def _section_digest(section: SecretSection) -> str:
    # repr/str of values, never shown: the digest only tells "changed or not".
    text = json.dumps(section.to_dict(), sort_keys=True, default=str)
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


class BaseConnection(ABC, Generic[RawConnectionT]):
    """The base class of ``st.connection`` types; subclass it for your own data source.

    Implement `_connect` to build the raw client from keyword arguments and
    `_secrets` (the ``[connections.NAME]`` table); add the methods your
    users call. ``st.connection("name", type=MyConnection)`` then makes and
    caches it.

    Example:
        >>> import sqlite3
        >>> from rillet.connections import BaseConnection
        >>> class SQLiteConnection(BaseConnection[sqlite3.Connection]):
        ...     def _connect(self, **kwargs):
        ...         path = kwargs.get("database") or self._secrets.get("database", ":memory:")
        ...         return sqlite3.connect(path, check_same_thread=False)
        ...     def scalar(self, sql):
        ...         return self._instance.execute(sql).fetchone()[0]
        >>> SQLiteConnection("local").scalar("select 6 * 7")
        42
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        """Make the connection: reads its secrets and calls `_connect` at once.

        Args:
            connection_name: The name given to ``st.connection``; the
                secrets table ``[connections.NAME]`` belongs to it.
            **kwargs: Passed on to `_connect` (here and on each reconnect).
        """
        self._connection_name = connection_name
        self._kwargs = kwargs
        self._lock = threading.RLock()
        self._config_section_hash = _section_digest(self._secrets)
        self._raw_instance: RawConnectionT | None = self._connect(**kwargs)

    def __getattr__(self, name: str) -> Any:
        # Only reached for missing attributes: point at the raw client when it has the name.
        if not name.startswith("_"):
            raw = self.__dict__.get("_raw_instance")
            if raw is not None and hasattr(raw, name):
                raise AttributeError(
                    f"`{name}` doesn't exist here, but you can call `._instance.{name}` instead"
                )
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @abstractmethod
    def _connect(self, **kwargs: Any) -> RawConnectionT:
        """Build the raw client from ``kwargs`` and `_secrets`; called again after `reset`."""

    @property
    def _secrets(self) -> SecretSection:
        """The ``[connections.NAME]`` table of secrets.toml (empty when absent)."""
        return connection_secrets(self._connection_name)

    @property
    def _instance(self) -> RawConnectionT:
        """The raw client, made again by `_connect` when `reset` dropped it."""
        with self._lock:
            if self._raw_instance is None:
                self._raw_instance = self._connect(**self._kwargs)
            return self._raw_instance

    @classmethod
    def scope(cls) -> str:
        """Where the connection is shared: ``"global"``, one object for every session.

        Example:
            >>> from rillet.connections import SQLConnection
            >>> SQLConnection.scope()
            'global'
        """
        return "global"

    def reset(self) -> None:
        """Drop the raw client; the next use connects again.

        Use it when the data source went away (a database restarted, a
        token expired). Other sessions sharing the connection reconnect too.

        Example:
            >>> conn = st.connection("sql")  # doctest: +SKIP
            >>> conn.reset()  # doctest: +SKIP
        """
        with self._lock:
            self._raw_instance = None

    def close(self) -> None:
        """Close the raw client (when it has a ``close()``) and drop it.

        Example:
            >>> conn = st.connection("sql")  # doctest: +SKIP
            >>> conn.close()  # doctest: +SKIP
        """
        with self._lock:
            raw, self._raw_instance = self._raw_instance, None
        closer = getattr(raw, "close", None)
        if callable(closer):
            closer()

    def _on_secrets_changed(self, _: str) -> None:
        """Reset the connection when its ``[connections.NAME]`` table changed."""
        digest = _section_digest(self._secrets)
        if digest != self._config_section_hash:
            self._config_section_hash = digest
            self.reset()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._connection_name!r}>"


ExperimentalBaseConnection = BaseConnection
"""The former name of `BaseConnection`, kept for apps written against it."""
