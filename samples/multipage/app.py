"""A multipage sample: pages/, local helper modules, a config folder and static files.

It is also what `rillet pack` is tested on: everything here must travel
into the executable (see tests/packaging/).
"""

from helpers import CITIES, load_cities
from lib.formatting import thousands

import rillet as st

st.set_page_config(page_title="Cities", page_icon="🏙️")

st.title("Cities 🏙️")
st.caption("Pick a page in the sidebar: Data lists the cities, About says how this app is built.")

cities = load_cities()
largest = max(cities, key=lambda city: city["population"])
total = sum(city["population"] for city in cities)

left, right = st.columns(2)
left.metric("Cities", len(cities))
right.metric("People", thousands(total))

st.subheader("Largest city")
st.write(
    f"**{largest['name']}** ({largest['country']}): {thousands(largest['population'])} people."
)

if "visits" not in st.session_state:
    st.session_state.visits = 0
if st.button("Count a visit"):
    st.session_state.visits += 1
st.write(f"Visits: {st.session_state.visits} · {len(CITIES)} cities known")
