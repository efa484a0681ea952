import streamlit as st

st.title("Counter")

if "count" not in st.session_state:
    st.session_state.count = 0

col_minus, col_plus = st.columns(2)
if col_minus.button("Minus"):
    st.session_state.count -= 1
if col_plus.button("Plus"):
    st.session_state.count += 1

st.write("Count:", st.session_state.count)
if st.session_state.count < 0:
    st.warning("Below zero!")
