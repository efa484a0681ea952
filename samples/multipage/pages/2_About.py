"""The about page: what this app is made of."""

import platform

import rillet as st

st.title("About")
st.markdown(
    "This sample has a main page, two pages in `pages/`, a local module "
    "(`helpers.py`), a local package (`lib/`), a config folder (`.rillet/`) "
    "and a `static/` folder served at `app/static/`."
)
st.markdown("![The sample's logo](app/static/logo.svg)")
st.write(f"Running on Python {platform.python_version()}.")
