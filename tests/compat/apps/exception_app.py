import streamlit as st

st.title("Errors")
st.write("Before the error")
kind = st.radio("Error kind", ["none", "value", "key"])
if kind == "value":
    raise ValueError("the value was wrong")
if kind == "key":
    {}["missing"]
st.write("No error")


class OwnError(Exception):
    pass


if st.checkbox("Raise my own error"):
    raise OwnError("a custom failure")
