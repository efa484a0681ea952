"""The data page: a table and a filter."""

from helpers import load_cities
from lib import formatting

import rillet as st

st.title("Data")
cities = load_cities()
countries = sorted({str(city["country"]) for city in cities})
chosen = st.multiselect("Countries", countries, default=countries)
shown = [city for city in cities if city["country"] in chosen]
st.table([{**city, "population": formatting.thousands(city["population"])} for city in shown])
populations = [float(city["population"]) for city in shown]
if populations:
    st.write(f"Median population: {formatting.thousands(formatting.median(populations))}")
