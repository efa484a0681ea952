import datetime

import streamlit as st

age = st.slider("Age", 0, 100, 30)
ratio = st.slider("Ratio", 0.0, 1.0, 0.25, step=0.05)
low, high = st.slider("Range", 0, 50, (10, 20))
when = st.slider(
    "When", datetime.date(2024, 1, 1), datetime.date(2024, 12, 31), datetime.date(2024, 6, 1)
)
size = st.select_slider("Size", ["XS", "S", "M", "L", "XL"], value="M")
span = st.select_slider("Span", ["XS", "S", "M", "L", "XL"], value=("S", "L"))
st.write(age, ratio, low, high, str(when), size, "-".join(span))
