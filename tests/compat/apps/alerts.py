import streamlit as st

st.success("Saved")
st.info("Heads up", icon="💡")
st.warning("Careful")
st.error("Broken", icon="🚨")
try:
    int("not a number")
except ValueError as exc:
    st.exception(exc)
if st.checkbox("Show more"):
    st.info("More info")
