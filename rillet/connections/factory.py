"""``st.connection``: make a data connection once and share it across reruns and sessions."""

from __future__ import annotations

import contextlib
import importlib
import os
import threading
from datetime import timedelta
from typing import Any, TypeVar, overload

from rillet.connections.base import BaseConnection, connection_secrets
from rillet.connections.errors import ConnectionConfigError, package_for
from rillet.runtime.caching.ttl import parse_ttl
from rillet.runtime.errors import bad_argument

__all__ = ["connection"]

ConnectionClass = TypeVar("ConnectionClass", bound=BaseConnection[Any])

# type="..." names rillet answers itself.
_BUILT_IN = {"sql": "rillet.connections.sql:SQLConnection"}
# Streamlit's other first-party types, which need a vendor's package rillet does not wrap.
_NOT_BUILT_IN = ("snowflake", "snowpark", "snowflake-callers-rights")

_creators: dict[tuple[float | None, int | None], Any] = {}
_creators_lock = threading.Lock()


def _create(
    connection_name: str,
    class_key: str,
    _connection_class: type[BaseConnection[Any]],
    kwargs: dict[str, Any],
) -> BaseConnection[Any]:
    return _connection_class(connection_name, **kwargs)


def _release(conn: BaseConnection[Any]) -> None:
    with contextlib.suppress(Exception):
        conn.close()


def _creator(ttl: float | None, max_entries: int | None) -> Any:
    # Decorating once per (ttl, max_entries): cache_resource reads the
    # function's source, which a rerun should not pay for again.
    from rillet.runtime.caching import cache_resource

    with _creators_lock:
        found = _creators.get((ttl, max_entries))
        if found is None:
            found = cache_resource(
                _create,
                ttl=ttl,
                max_entries=max_entries,
                show_spinner="Running `st.connection(...)`.",
                # An expired, evicted or cleared connection closes its client;
                # a session still holding it reconnects on its next use.
                on_release=_release,
            )
            _creators[(ttl, max_entries)] = found
        return found


def _import_class(path: str) -> type[BaseConnection[Any]]:
    module_name, _, attribute = path.replace(":", ".").rpartition(".")
    if not module_name:
        raise bad_argument(
            "type",
            path,
            '"sql", a dotted path to a BaseConnection subclass ("package.module.Class") '
            "or the class itself",
            command="connection",
        )
    module = importlib.import_module(module_name)
    try:
        found = getattr(module, attribute)
    except AttributeError:
        raise bad_argument(
            "type",
            path,
            f"a class that exists; {module_name!r} has no {attribute!r}",
            command="connection",
        ) from None
    return _check_class(found)


def _check_class(value: Any) -> type[BaseConnection[Any]]:
    if isinstance(value, type) and issubclass(value, BaseConnection):
        return value
    raise bad_argument(
        "type",
        value,
        '"sql", a dotted path to a BaseConnection subclass or such a class',
        command="connection",
    )


def _resolve_type(name: str, type_: Any) -> type[BaseConnection[Any]]:
    if type_ is None:
        type_ = name if name in _BUILT_IN else connection_secrets(name).get("type")
        if type_ is None:
            raise ConnectionConfigError(
                f"st.connection: no connection type for {name!r}. Pass `type` (e.g. "
                f'type="sql" or your BaseConnection subclass), or set `type` in '
                f"[connections.{name}] of secrets.toml."
            )
    if isinstance(type_, str):
        if type_ in _BUILT_IN:
            return _import_class(_BUILT_IN[type_])
        if type_ in _NOT_BUILT_IN:
            raise bad_argument(
                "type",
                type_,
                '"sql" or a BaseConnection subclass (Snowflake needs its own connection '
                "class, e.g. from the snowflake-snowpark-python package)",
                command="connection",
            )
        try:
            return _import_class(type_)
        except ModuleNotFoundError as exc:
            raise ConnectionConfigError(
                f"st.connection: the connection type {type_!r} for [connections.{name}] "
                f"cannot be imported: no module {exc.name!r}. "
                f"Install it (pip install {package_for(exc.name or type_)!r}) or fix the path."
            ) from None
    return _check_class(type_)


@overload
def connection(
    name: str,
    type: None = None,
    max_entries: int | None = None,
    ttl: float | timedelta | None = None,
    **kwargs: Any,
) -> BaseConnection[Any]: ...


@overload
def connection(
    name: str,
    type: type[ConnectionClass],
    max_entries: int | None = None,
    ttl: float | timedelta | None = None,
    **kwargs: Any,
) -> ConnectionClass: ...


@overload
def connection(
    name: str,
    type: str,
    max_entries: int | None = None,
    ttl: float | timedelta | None = None,
    **kwargs: Any,
) -> BaseConnection[Any]: ...


def connection(
    name: str,
    type: Any = None,
    max_entries: int | None = None,
    ttl: float | timedelta | None = None,
    **kwargs: Any,
) -> BaseConnection[Any]:
    """Make a connection to a data source, or return the one made before.

    The connection is cached like ``st.cache_resource``: every rerun and
    every session with the same name, type and arguments shares one object.
    Its configuration comes from the ``[connections.NAME]`` table of
    secrets.toml and from ``kwargs`` (which win); a change of that table
    resets the connection.

    Args:
        name: The connection's name: the ``[connections.NAME]`` table of
            secrets.toml. ``"env:VAR"`` reads the name from the environment
            variable ``VAR``.
        type: ``"sql"`` (`SQLConnection`), a dotted path to a
            `BaseConnection` subclass, or the class itself. Defaults to the
            ``type`` key of ``[connections.NAME]``, or ``"sql"`` when
            ``name`` is ``"sql"``.
        max_entries: How many connections of this kind to keep at most.
        ttl: Make the connection again after this long (seconds or a
            ``timedelta``).
        **kwargs: Passed to the connection class; for ``"sql"``: ``url``, or
            ``dialect``, ``driver``, ``host``, ``port``, ``database``,
            ``username``, ``password``, ``query``; ``create_engine_kwargs``;
            ``autocommit``.

    Returns:
        The connection.

    Example:
        >>> import rillet as st
        >>> conn = st.connection("local", type="sql", url="sqlite:///:memory:")
        >>> conn.query("select 'hello' as greeting").greeting[0]
        'hello'
    """
    if not isinstance(name, str) or not name:
        raise bad_argument("name", name, "a non-empty string", command="connection")
    if name.startswith("env:"):
        variable = name[4:]
        if variable not in os.environ:
            raise bad_argument(
                "name",
                name,
                f"env:VAR with VAR set in the environment ({variable!r} is not)",
                command="connection",
            )
        name = os.environ[variable]
    if max_entries is not None and (not isinstance(max_entries, int) or max_entries < 1):
        raise bad_argument("max_entries", max_entries, "None or an int >= 1", command="connection")
    ttl_seconds = parse_ttl(ttl)
    connection_class = _resolve_type(name, type)
    class_key = f"{connection_class.__module__}.{connection_class.__qualname__}"
    try:
        conn: BaseConnection[Any] = _creator(ttl_seconds, max_entries)(
            name, class_key, connection_class, kwargs
        )
    except ModuleNotFoundError as exc:
        raise ConnectionConfigError(
            f"st.connection: [connections.{name}] needs the Python module {exc.name!r}, "
            f"which is not installed. Install it: pip install {package_for(exc.name or '')!r}"
        ) from None
    conn._on_secrets_changed(name)
    return conn
