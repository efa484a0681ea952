import streamlit as st

with st.expander("Closed expander"):
    st.write("Closed content")
with st.expander("Open expander", expanded=True):
    st.write("Open content")
    choice = st.radio("Pick", ["one", "two"])
exp = st.expander("Method calls")
exp.write(f"You picked {choice}")
exp.code("x = 1")
with st.container(border=True):
    st.write("Bordered container")
