import streamlit as st

count = st.number_input("Count", min_value=0, max_value=10, value=5)
price = st.number_input("Price", value=2.5, step=0.25, format="%.2f")
maybe = st.number_input("Optional", value=None, placeholder="nothing yet")
st.write("Count:", count, "Price:", price, "Optional:", maybe)
st.write("Total:", count * price)
