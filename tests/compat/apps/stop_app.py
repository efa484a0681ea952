import streamlit as st

st.title("Gate")
if not st.checkbox("Let me in"):
    st.warning("Tick the box to continue.")
    st.stop()
st.success("You are in")
st.button("Inside button")
