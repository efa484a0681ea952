import streamlit as st

st.write("Two identical buttons")
st.button("Same")
st.button("Same")
st.write("never shown")
