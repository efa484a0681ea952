"""st.connection against a real PostgreSQL server that the test starts on loopback."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

import rillet as st
from rillet.testing import AppTest
from tests.connections.postgres import PostgresServer

pytest.importorskip(
    "sqlalchemy", reason='SQLConnection needs sqlalchemy: pip install "rillet[sql]"'
)
pytest.importorskip("psycopg", reason='the PostgreSQL driver: pip install "psycopg[binary]"')


@pytest.fixture(scope="module")
def postgres(free_port: Callable[[], int]) -> Iterator[PostgresServer]:
    server = PostgresServer(free_port())
    try:
        server.start()
        yield server
        server.stop()
    finally:
        server.remove()


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    st.cache_resource.clear()
    st.cache_data.clear()


def _secrets(server: PostgresServer, **extra: object) -> dict[str, object]:
    return {
        "connections": {
            "pg": {
                "dialect": "postgresql",
                "driver": "psycopg",
                "host": "127.0.0.1",
                "port": server.port,
                "database": server.database,
                "username": server.user,
                "password": server.password,
                **extra,
            }
        }
    }


def test_query_through_secrets_parts(postgres: PostgresServer) -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        conn = st.connection("pg", type="sql")
        df = conn.query("select n, n * n as sq from generate_series(1, :top) as n", params={"top": 3})
        st.write(" ".join(str(v) for v in df.sq))
        st.write(conn.driver)
        """
    )
    at.secrets.update(_secrets(postgres))
    at.run(timeout=30)
    assert not at.exception
    assert [m.value for m in at.markdown] == ["1 4 9", "psycopg"]


def test_query_cache_ttl_against_a_changing_table(postgres: PostgresServer) -> None:
    conn = st.connection("ttl", type="sql", url=postgres.url, autocommit=True)
    with conn.connect() as c:
        c.exec_driver_sql("drop table if exists visits")
        c.exec_driver_sql("create table visits (id int)")
        c.exec_driver_sql("insert into visits values (1)")
    sql = "select count(*) as n from visits"
    assert conn.query(sql, ttl=2).n[0] == 1
    with conn.connect() as c:
        c.exec_driver_sql("insert into visits values (2)")
    assert conn.query(sql, ttl=2).n[0] == 1  # served from the cache
    time.sleep(2.2)
    assert conn.query(sql, ttl=2).n[0] == 2


def test_reset_after_the_server_restarts(postgres: PostgresServer) -> None:
    conn = st.connection("restart", type="sql", url=postgres.url)
    assert conn.query("select 1 as one").one[0] == 1
    engine = conn.engine
    postgres.restart()
    conn.reset()
    assert conn.engine is not engine
    assert conn.query("select 2 as two").two[0] == 2


def test_query_recovers_by_itself_when_the_server_restarted(postgres: PostgresServer) -> None:
    conn = st.connection("recover", type="sql", url=postgres.url)
    with conn.connect() as c:  # a pooled connection that the restart will kill
        assert c.exec_driver_sql("select 1").scalar() == 1
    postgres.restart()
    assert conn.query("select 3 as three").three[0] == 3


def test_user_written_connection_against_postgres(postgres: PostgresServer) -> None:
    at = AppTest.from_string(
        """
        import psycopg
        import rillet as st
        from rillet.connections import BaseConnection

        class Pg(BaseConnection[psycopg.Connection]):
            def _connect(self, **kwargs):
                s = self._secrets
                return psycopg.connect(
                    host=s.host, port=s.port, user=s.username, password=s.password,
                    dbname=s.database, autocommit=True,
                )

            def scalar(self, sql):
                return self._instance.execute(sql).fetchone()[0]

        conn = st.connection("pg", type=Pg)
        st.write(conn.scalar("select current_user"))
        conn.close()
        st.write(str(conn.scalar("select 40 + 2")))
        conn.close()
        """
    )
    at.secrets.update(_secrets(postgres))
    at.run(timeout=30)
    assert not at.exception
    assert [m.value for m in at.markdown] == [postgres.user, "42"]


def test_wrong_password_names_the_table_and_driver_not_the_password(
    postgres: PostgresServer,
) -> None:
    at = AppTest.from_string(
        'import rillet as st\nst.connection("pg", type="sql").query("select 1")\n'
    )
    at.secrets.update(_secrets(postgres, password="not-the-Right-one"))
    at.run(timeout=30)
    message = at.exception[0].value
    assert "[connections.pg]" in message and "psycopg" in message
    assert "not-the-Right-one" not in message and postgres.password not in message


def test_server_down_is_a_clear_error(postgres: PostgresServer) -> None:
    at = AppTest.from_string(
        'import rillet as st\nst.connection("pg", type="sql").query("select 1")\n'
    )
    at.secrets.update(_secrets(postgres, port=1))
    at.run(timeout=30)
    message = at.exception[0].value
    assert "[connections.pg]" in message and "127.0.0.1" in message
    assert postgres.password not in message
