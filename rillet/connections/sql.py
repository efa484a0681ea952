"""``SQLConnection``: ``st.connection(..., type="sql")`` over SQLAlchemy.

Configuration comes from the keyword arguments of ``st.connection`` over the
``[connections.NAME]`` table of secrets.toml: either ``url`` (a SQLAlchemy
URL such as ``sqlite:///data.db`` or ``postgresql+psycopg://...``) or its
parts ``dialect``, ``driver``, ``host``, ``port``, ``database``,
``username``, ``password`` and ``query``. ``create_engine_kwargs`` go to
``sqlalchemy.create_engine``; ``autocommit=True`` opens connections in
``AUTOCOMMIT`` isolation.

Security: errors name the ``[connections.NAME]`` table, the host and the
driver, never the password (SQLAlchemy's URL rendering hides it, and every
message is scrubbed of it as well).

SQLAlchemy and pandas are imported when a connection is made or queried,
never by ``import rillet``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from rillet.connections.base import BaseConnection
from rillet.connections.errors import ConnectionConfigError, describe_failure, scrub
from rillet.runtime.caching.ttl import parse_ttl

if TYPE_CHECKING:
    from pandas import DataFrame
    from sqlalchemy.engine import Connection as SQLAlchemyConnection
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

__all__ = ["SQLConnection"]

_URL_PARTS = ("dialect", "driver", "host", "port", "database", "username", "password", "query")
_REQUIRED = ("dialect", "username", "host")
# A dropped server connection shows as one of these; the query is tried again
# on a fresh engine this many times in all.
_ATTEMPTS = 3


def _connection_dropped(exc: BaseException) -> bool:
    """Whether the error (or one it was raised from, e.g. by pandas) is a lost server connection."""
    import sqlalchemy

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, sqlalchemy.exc.DBAPIError) and seen.connection_invalidated:
            return True
        if isinstance(seen, (sqlalchemy.exc.PendingRollbackError, sqlalchemy.exc.OperationalError)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class SQLConnection(BaseConnection["Engine"]):
    """A SQL database through SQLAlchemy; made by ``st.connection(name, type="sql")``.

    ``query()`` runs a read and caches its DataFrame like ``st.cache_data``;
    ``session`` gives a SQLAlchemy ORM session for writes; ``engine`` is the
    engine itself.

    Example:
        >>> import rillet as st
        >>> conn = st.connection("local", type="sql", url="sqlite:///:memory:")
        >>> conn.query("select 1 as one")
           one
        0    1
    """

    def __init__(self, connection_name: str, **kwargs: Any) -> None:
        """Connect now; see ``st.connection`` for the arguments."""
        self._query_functions: dict[float | None, Any] = {}
        self._query_lock = threading.Lock()
        self._cache_key = connection_name
        super().__init__(connection_name, **kwargs)

    def _connect(self, autocommit: bool = False, **kwargs: Any) -> Engine:
        import sqlalchemy
        from sqlalchemy.engine import make_url

        params: dict[str, Any] = {**self._secrets.to_dict(), **kwargs}
        params.pop("type", None)
        engine_kwargs = dict(params.pop("create_engine_kwargs", None) or {})
        where = f"[connections.{self._connection_name}]"
        if params.get("url"):
            password = None
            try:
                url = make_url(str(params["url"]))
            except sqlalchemy.exc.ArgumentError:
                raise ConnectionConfigError(
                    f"st.connection: the `url` of {where} is not a SQLAlchemy URL. "
                    "Expected dialect+driver://username:password@host:port/database, "
                    "e.g. sqlite:///data.db or postgresql+psycopg://user:pw@localhost/db."
                ) from None
            password = url.password
        else:
            given = {k: params[k] for k in _URL_PARTS if params.get(k) not in (None, "")}
            if not given:
                raise ConnectionConfigError(
                    f"st.connection: no configuration for the SQL connection "
                    f"{self._connection_name!r}. Set `url` (or dialect, host, username, "
                    f"password, database) in {where} of secrets.toml, or pass them as "
                    "keyword arguments to st.connection."
                )
            if given.get("dialect") != "sqlite":
                for key in _REQUIRED:
                    if key not in given:
                        raise ConnectionConfigError(
                            f"st.connection: {where} needs `{key}`; set it in secrets.toml "
                            "or pass it as a keyword argument to st.connection."
                        )
            dialect = str(given.pop("dialect"))
            driver = given.pop("driver", None)
            password = given.get("password")
            port = given.pop("port", None)
            try:
                url = sqlalchemy.engine.URL.create(
                    drivername=f"{dialect}+{driver}" if driver else dialect,
                    port=int(port) if port is not None else None,
                    **given,
                )
            except (TypeError, ValueError) as exc:
                detail = scrub(str(exc), None if password is None else str(password))
                raise ConnectionConfigError(
                    f"st.connection: {where} has a value SQLAlchemy cannot use in a URL "
                    f"({detail}). `port` must be a number, `query` a table of options."
                ) from None
        if autocommit:
            engine_kwargs.setdefault("isolation_level", "AUTOCOMMIT")
        # Cached query results belong to the database, not only to the name.
        self._cache_key = f"{self._connection_name}|{url.render_as_string(hide_password=True)}"

        try:
            return sqlalchemy.create_engine(url, **engine_kwargs)
        except Exception as exc:
            raise describe_failure(exc, self._connection_name, url, password) from None

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (the raw client).

        Example:
            >>> conn = st.connection("local", type="sql", url="sqlite:///:memory:")  # doctest: +SKIP
            >>> conn.engine.dialect.name  # doctest: +SKIP
            'sqlite'
        """
        return self._instance

    @property
    def driver(self) -> str:
        """The name of the DB-API driver in use, e.g. ``"pysqlite"`` or ``"psycopg"``.

        Example:
            >>> conn = st.connection("local", type="sql", url="sqlite:///:memory:")  # doctest: +SKIP
            >>> conn.driver  # doctest: +SKIP
            'pysqlite'
        """
        return str(self._instance.driver)

    @property
    def session(self) -> Session:
        """A new SQLAlchemy ORM ``Session`` on the engine; use it in a ``with`` block to write.

        Example:
            >>> from sqlalchemy import text
            >>> with conn.session as s:  # doctest: +SKIP
            ...     s.execute(text("insert into pets values ('Rex')"))
            ...     s.commit()
        """
        from sqlalchemy.orm import Session

        return Session(self._instance)

    def connect(self) -> SQLAlchemyConnection:
        """A new SQLAlchemy ``Connection`` from the engine's pool.

        Example:
            >>> with conn.connect() as c:  # doctest: +SKIP
            ...     c.exec_driver_sql("select 1").scalar()
            1
        """
        return self._instance.connect()

    def close(self) -> None:
        """Dispose of the engine's pool; the next use makes a new engine.

        Example:
            >>> conn.close()  # doctest: +SKIP
        """
        with self._lock:
            engine, self._raw_instance = self._raw_instance, None
        if engine is not None:
            engine.dispose()

    def reset(self) -> None:
        """Throw the engine (and its pooled connections) away; the next use connects again.

        Example:
            >>> conn.reset()  # doctest: +SKIP
        """
        self.close()

    def query(
        self,
        sql: str,
        *,
        show_spinner: bool | str = "Running `sql.query(...)`.",
        ttl: float | int | timedelta | None = None,
        index_col: str | list[str] | None = None,
        chunksize: int | None = None,
        params: Any | None = None,
        **kwargs: Any,
    ) -> DataFrame:
        """Run a read-only query and return a pandas DataFrame, cached like ``st.cache_data``.

        The result is cached by the query text and its parameters; later calls
        return a copy without touching the database until ``ttl`` expires.
        A dropped server connection (e.g. the database restarted) is retried
        on a fresh engine.

        Args:
            sql: The query; use ``:name`` placeholders with ``params``.
            show_spinner: Show a spinner while the query runs (a string is its text).
            ttl: How long a result stays cached (seconds or a ``timedelta``);
                ``None`` keeps it until the cache is cleared.
            index_col: Column(s) to use as the DataFrame's index.
            chunksize: Read this many rows at a time (``pandas.read_sql``);
                the chunks are concatenated.
            params: Values for the query's placeholders (a dict for ``:name``).
            **kwargs: Passed on to ``pandas.read_sql``.

        Returns:
            The result as a ``pandas.DataFrame``.

        Example:
            >>> import rillet as st
            >>> conn = st.connection("local", type="sql", url="sqlite:///:memory:")
            >>> conn.query("select :n * 2 as twice", params={"n": 21}, ttl=60)
               twice
            0     42
        """
        from rillet.runtime.caching import cache_data

        ttl_seconds = parse_ttl(ttl)
        with self._query_lock:
            cached = self._query_functions.get(ttl_seconds)
            if cached is None:

                def run_query(
                    _connection: SQLConnection,
                    connection_key: str,
                    sql: str,
                    index_col: str | list[str] | None,
                    chunksize: int | None,
                    params: Any,
                    **kwargs: Any,
                ) -> DataFrame:
                    return _connection._read(sql, index_col, chunksize, params, kwargs)

                # One cache per connection: its name is part of the function's identity.
                run_query.__qualname__ = f"SQLConnection.query[{self._connection_name}]"
                cached = cache_data(run_query, ttl=ttl_seconds, show_spinner=show_spinner)
                self._query_functions[ttl_seconds] = cached
        return cached(self, self._cache_key, sql, index_col, chunksize, params, **kwargs)

    def _read(
        self,
        sql: str,
        index_col: str | list[str] | None,
        chunksize: int | None,
        params: Any,
        kwargs: Mapping[str, Any],
    ) -> DataFrame:
        import pandas as pd
        import sqlalchemy

        for attempt in range(1, _ATTEMPTS + 1):
            try:
                with self._opened() as connection:
                    result = pd.read_sql(
                        sqlalchemy.text(sql),
                        connection,
                        index_col=index_col,
                        chunksize=chunksize,
                        params=params,
                        **kwargs,
                    )
                    if chunksize is not None:
                        frames = list(result)
                        return pd.concat(frames) if frames else pd.DataFrame()
                    return result
            except Exception as exc:
                if attempt == _ATTEMPTS or not _connection_dropped(exc):
                    raise
                self.reset()
        raise AssertionError("unreachable")  # pragma: no cover

    @contextmanager
    def _opened(self) -> Iterator[SQLAlchemyConnection]:
        try:
            connection = self._instance.connect()
        except Exception as exc:
            engine = self._raw_instance
            url = engine.url if engine is not None else None
            password = url.password if url is not None else None
            raise describe_failure(exc, self._connection_name, url, password) from None
        with connection:
            yield connection
