"""st.connection over SQL: a real SQLite file, secrets, caching and clear errors."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import rillet as st
from rillet.testing import AppTest

pytest.importorskip(
    "sqlalchemy", reason='SQLConnection needs sqlalchemy: pip install "rillet[sql]"'
)
pytest.importorskip("pandas")


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    st.cache_resource.clear()
    st.cache_data.clear()


def _pets_db(folder: Path) -> Path:
    path = folder / "pets.db"
    with sqlite3.connect(path) as db:
        db.execute("create table pets (name text, kind text)")
        db.executemany("insert into pets values (?, ?)", [("Rex", "dog"), ("Tom", "cat")])
    return path


def _texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_sqlite_file_query_returns_a_dataframe_from_kwargs(tmp_path: Path) -> None:
    db = _pets_db(tmp_path)
    at = AppTest.from_string(
        f"""
        import rillet as st
        conn = st.connection("local", type="sql", url="sqlite:///{db}")
        df = conn.query("select name from pets where kind = :k", params={{"k": "cat"}})
        st.write(", ".join(df.name))
        st.write(conn.driver)
        """
    )
    at.run(timeout=30)
    assert not at.exception
    assert _texts(at)[0] == "Tom"
    assert "pysqlite" in _texts(at)


def test_secrets_table_configures_the_connection_and_its_type(tmp_path: Path) -> None:
    db = _pets_db(tmp_path)
    at = AppTest.from_string(
        """
        import rillet as st
        conn = st.connection("pets")
        st.write(type(conn).__name__ + " " + str(conn.query("select count(*) as n from pets").n[0]))
        """
    )
    at.secrets["connections"] = {"pets": {"type": "sql", "url": f"sqlite:///{db}"}}
    at.run(timeout=30)
    assert not at.exception
    assert "SQLConnection 2" in _texts(at)[0]


def test_url_parts_build_the_url(tmp_path: Path) -> None:
    db = _pets_db(tmp_path)
    conn = st.connection("parts", type="sql", dialect="sqlite", database=str(db))
    assert conn.engine.url.database == str(db)
    assert len(conn.query("select * from pets")) == 2


def test_connection_is_cached_across_reruns_and_reset_when_its_secrets_change(
    tmp_path: Path,
) -> None:
    db = _pets_db(tmp_path)
    at = AppTest.from_string(
        """
        import rillet as st
        conn = st.connection("pets", type="sql")
        st.session_state.setdefault("ids", []).append(id(conn))
        st.session_state.setdefault("engines", []).append(id(conn.engine))
        """
    )
    at.secrets["connections"] = {"pets": {"url": f"sqlite:///{db}"}}
    at.run(timeout=30)
    at.run(timeout=30)
    assert len(set(at.session_state["ids"])) == 1
    assert len(set(at.session_state["engines"])) == 1
    other = tmp_path / "other.db"
    sqlite3.connect(other).close()
    at.secrets["connections"] = {"pets": {"url": f"sqlite:///{other}"}}
    at.run(timeout=30)
    assert len(set(at.session_state["ids"])) == 1  # the same object, reset
    assert len(set(at.session_state["engines"])) == 2


def test_query_results_are_cached_until_ttl_expires(tmp_path: Path) -> None:
    db = _pets_db(tmp_path)
    conn = st.connection("ttl", type="sql", url=f"sqlite:///{db}")
    sql = "select count(*) as n from pets"
    assert conn.query(sql, ttl=2).n[0] == 2
    with sqlite3.connect(db) as raw:
        raw.execute("insert into pets values ('Kit', 'cat')")
    assert conn.query(sql, ttl=2).n[0] == 2  # cached
    assert conn.query(sql + " where 1 = 1", ttl=2).n[0] == 3  # other sql, other entry
    time.sleep(2.2)
    assert conn.query(sql, ttl=2).n[0] == 3


def test_query_index_col_and_chunksize(tmp_path: Path) -> None:
    db = _pets_db(tmp_path)
    conn = st.connection("opts", type="sql", url=f"sqlite:///{db}")
    df = conn.query("select name, kind from pets order by name", index_col="name", chunksize=1)
    assert list(df.index) == ["Rex", "Tom"]
    assert list(df.kind) == ["dog", "cat"]


def test_session_writes_and_connect_reads(tmp_path: Path) -> None:
    from sqlalchemy import text

    db = _pets_db(tmp_path)
    conn = st.connection("rw", type="sql", url=f"sqlite:///{db}")
    with conn.session as s:
        s.execute(text("insert into pets values ('Ada', 'dog')"))
        s.commit()
    with conn.connect() as c:
        assert c.exec_driver_sql("select count(*) from pets").scalar() == 3


def test_user_written_connection_with_connect_and_secrets(tmp_path: Path) -> None:
    db = _pets_db(tmp_path)
    at = AppTest.from_string(
        """
        import sqlite3
        import rillet as st
        from rillet.connections import BaseConnection

        class Pets(BaseConnection[sqlite3.Connection]):
            def _connect(self, **kwargs):
                return sqlite3.connect(self._secrets["path"], check_same_thread=False)

            def names(self):
                return [r[0] for r in self._instance.execute("select name from pets order by 1")]

        conn = st.connection("pets", type=Pets)
        st.write(", ".join(conn.names()))
        conn.reset()
        st.write(str(len(conn.names())))
        """
    )
    at.secrets["connections"] = {"pets": {"path": str(db)}}
    at.run(timeout=30)
    assert not at.exception
    assert _texts(at) == ["Rex, Tom", "2"]


def test_dotted_path_type_names_a_connection_class(tmp_path: Path) -> None:
    db = _pets_db(tmp_path)
    conn = st.connection("dotted", type="rillet.connections.SQLConnection", url=f"sqlite:///{db}")
    assert isinstance(conn, st.connections.SQLConnection)


def test_missing_configuration_names_the_secrets_table() -> None:
    at = AppTest.from_string('import rillet as st\nst.connection("warehouse", type="sql")\n')
    at.run(timeout=30)
    assert "[connections.warehouse]" in at.exception[0].value


def test_no_type_anywhere_is_a_clear_error() -> None:
    at = AppTest.from_string('import rillet as st\nst.connection("mystery")\n')
    at.run(timeout=30)
    message = at.exception[0].value
    assert "mystery" in message and "type" in message


def test_bad_url_is_a_clear_error_without_the_password() -> None:
    at = AppTest.from_string('import rillet as st\nst.connection("db", type="sql")\n')
    at.secrets["connections"] = {"db": {"url": "not a url hunter2"}}
    at.run(timeout=30)
    message = at.exception[0].value
    assert "[connections.db]" in message and "hunter2" not in message


def test_missing_driver_names_the_package_to_install() -> None:
    at = AppTest.from_string('import rillet as st\nst.connection("db", type="sql")\n')
    at.secrets["connections"] = {"db": {"url": "mysql://ann:hunter2@127.0.0.1:1/shop"}}
    at.run(timeout=30)
    message = at.exception[0].value
    assert "[connections.db]" in message and "mysqlclient" in message
    assert "hunter2" not in message


def test_bad_type_names_the_argument() -> None:
    at = AppTest.from_string('import rillet as st\nst.connection("db", type=42)\n')
    at.run(timeout=30)
    assert "`type`" in at.exception[0].value


def test_import_rillet_loads_neither_sqlalchemy_nor_pandas() -> None:
    code = (
        "import sys, rillet, rillet.connections\n"
        "print(sorted(m for m in ('sqlalchemy', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_bad_port_names_the_table() -> None:
    at = AppTest.from_string('import rillet as st\nst.connection("db", type="sql")\n')
    at.secrets["connections"] = {
        "db": {
            "dialect": "postgresql",
            "host": "h",
            "username": "u",
            "password": "hunter2",
            "port": "x",
        }
    }
    at.run(timeout=30)
    message = at.exception[0].value
    assert "[connections.db]" in message and "`port`" in message and "hunter2" not in message


def test_accounts_sample_records_a_sale_and_shows_the_totals(tmp_path: Path) -> None:
    sample = Path(__file__).parent.parent.parent / "samples" / "accounts" / "app.py"
    at = AppTest.from_file(sample, default_timeout=30)
    at.secrets["connections"] = {"shop": {"url": f"sqlite:///{tmp_path / 'shop.db'}"}}
    at.run()
    assert at.metric[0].value == "0.00"
    at.text_input[0].input("tea")
    at.number_input[0].set_value(2.5)
    at.button[0].click()
    at.run()
    assert not at.exception
    assert at.metric[0].value == "2.50"
