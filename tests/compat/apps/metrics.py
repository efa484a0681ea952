import streamlit as st

st.metric("Plain", 42)
st.metric("Float", 3.5, 0.25)
st.metric("Negative delta", "10 kg", "-2 kg")
st.metric("Inverse", 100, -5, delta_color="inverse")
st.metric("Off", 100, 5, delta_color="off")
st.metric("No value", None)
st.metric("Text", "high", "up")
