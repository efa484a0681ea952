import streamlit as st

FRUIT = [
    {"name": "apple", "color": "red", "price": 3},
    {"name": "banana", "color": "yellow", "price": 1},
    {"name": "cherry", "color": "red", "price": 8},
    {"name": "lemon", "color": "yellow", "price": 2},
    {"name": "lime", "color": "green", "price": 2},
]

with st.sidebar:
    st.header("Filters")
    colors = st.multiselect("Colors", ["red", "yellow", "green"], default=["red", "yellow"])
    order = st.selectbox("Sort by", ["name", "price"])
    cheap = st.toggle("Only under 5")

rows = [f for f in FRUIT if f["color"] in colors and (not cheap or f["price"] < 5)]
rows.sort(key=lambda f: f[order])
st.subheader(f"{len(rows)} fruit")
for row in rows:
    st.markdown(f"- **{row['name']}** ({row['color']}): {row['price']}")
