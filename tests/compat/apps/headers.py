import streamlit as st

st.title("Main title")
st.title("Custom anchor", anchor="custom")
st.header("Header with divider", divider=True)
st.header("Blue divider", divider="blue")
st.subheader("Subheader")
st.subheader("No anchor", anchor=False)
st.caption("A caption under everything")
st.header("With help", help="Some help")
