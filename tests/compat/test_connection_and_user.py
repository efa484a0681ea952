"""st.connection and st.user against Streamlit's AppTest: same secrets and user in, same page out."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("streamlit")
pytest.importorskip("sqlalchemy")
pytestmark = pytest.mark.streamlit


def _both(
    source: str, secrets: dict[str, Any] | None = None, user: dict[str, Any] | None = None
) -> list[tuple[list[str], int, dict[str, Any]]]:
    from streamlit.testing.v1 import AppTest as StreamlitAppTest

    from rillet.testing import AppTest

    pages = []
    for at in (
        StreamlitAppTest.from_string(source),
        AppTest.from_string(source, streamlit_alias=True),
    ):
        for key, value in (secrets or {}).items():
            at.secrets[key] = value
        if user is not None:
            at.user = dict(user)
        at.run(timeout=30)
        pages.append(([m.value for m in at.markdown], len(at.exception), dict(at.user)))
    return pages


USER = """
import streamlit as st
st.write(str(st.user.to_dict()))
st.write(str(st.user.get("name")))
st.write(str(len(st.user)))
"""


@pytest.mark.parametrize(
    "user", [None, {"is_logged_in": True, "email": "a@b.c", "name": "Ann"}, {"is_logged_in": False}]
)
def test_st_user_matches_streamlit(user: dict[str, Any] | None) -> None:
    streamlit, rillet = _both(USER, user=user)
    assert rillet == streamlit


def test_logout_matches_streamlit() -> None:
    source = "import streamlit as st\nst.logout()\nst.write(str(st.user.to_dict()))\n"
    streamlit, rillet = _both(source, user={"is_logged_in": True, "email": "a@b.c"})
    assert rillet == streamlit


def test_missing_claim_raises_like_streamlit() -> None:
    streamlit, rillet = _both("import streamlit as st\nst.write(st.user.phone)\n")
    assert rillet[1] == streamlit[1] == 1


def test_sql_connection_query_matches_streamlit(tmp_path: Path) -> None:
    db = tmp_path / "shop.db"
    with sqlite3.connect(db) as raw:
        raw.execute("create table items (name text, price real)")
        raw.executemany("insert into items values (?, ?)", [("tea", 2.5), ("cake", 4.0)])
    # Streamlit's AppTest does not hand at.secrets to connections (rillet's
    # does: tests/connections), so the URL comes as an argument here.
    source = f"""
import streamlit as st
conn = st.connection("shop", type="sql", url="sqlite:///{db}")
df = conn.query("select name, price from items where price > :p order by name", params={{"p": 1}})
st.write(str(df.to_dict("list")))
st.write(conn.driver)
st.write(type(conn).__name__)
"""
    streamlit, rillet = _both(source)
    assert rillet == streamlit
    assert "cake" in rillet[0][0]


def test_missing_sql_configuration_is_an_error_on_both() -> None:
    streamlit, rillet = _both('import streamlit as st\nst.connection("nothing", type="sql")\n')
    assert rillet[1] == streamlit[1] == 1
