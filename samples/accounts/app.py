"""A small shop ledger: SQL through st.connection, sign-in through st.login.

Run it with ``rillet run samples/accounts/app.py``. The data lives in a
SQLite file in the temporary folder (no server needed); point
``[connections.shop]`` in ``.streamlit/secrets.toml`` at PostgreSQL or any
SQLAlchemy URL to use another database. Sign-in appears once ``[auth]`` is
configured (see the README's "Databases and sign-in").
"""

import tempfile
from pathlib import Path

from sqlalchemy import text

import rillet as st

st.title("Shop ledger")

has_secrets = st.secrets.load_if_toml_exists()
if has_secrets and "auth" in st.secrets:
    if st.user.get("is_logged_in"):
        st.write(f"Signed in as **{st.user.get('name') or st.user.get('email')}**")
        st.button("Log out", on_click=st.logout)
    else:
        st.button("Log in", on_click=st.login)
else:
    st.caption("Add an [auth] table to secrets.toml to sign in with OpenID Connect.")

if has_secrets and "shop" in st.secrets.get("connections", {}):
    conn = st.connection("shop", type="sql")  # [connections.shop] in secrets.toml
else:
    default_url = f"sqlite:///{Path(tempfile.gettempdir()) / 'rillet-shop.db'}"
    conn = st.connection("shop", type="sql", url=default_url)
with conn.session as s:
    s.execute(text("create table if not exists sales (item text, amount real)"))
    s.commit()

with st.form("sale", clear_on_submit=True):
    item = st.text_input("Item")
    amount = st.number_input("Amount", min_value=0.0, step=0.5)
    if st.form_submit_button("Record sale") and item:
        with conn.session as s:
            s.execute(text("insert into sales values (:i, :a)"), {"i": item, "a": amount})
            s.commit()
        st.cache_data.clear()  # the totals below are cached; show the new sale

totals = conn.query(
    "select item, count(*) as sales, sum(amount) as total from sales group by item order by total desc",
    ttl=600,
)
st.dataframe(totals, hide_index=True)
st.metric("Takings", f"{totals.total.sum():.2f}" if len(totals) else "0.00")
