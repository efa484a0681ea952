import streamlit as st

st.title("Tip calculator")
bill = st.number_input("Bill", min_value=0.0, value=40.0, step=1.0)
tip = st.slider("Tip %", 0, 30, 15)
people = st.slider("People", 1, 10, 2)
total = bill * (1 + tip / 100)
c1, c2 = st.columns(2)
c1.metric("Total", f"{total:.2f}")
c2.metric("Each", f"{total / people:.2f}")
