import streamlit as st

st.title("Tabs")
first, second, third = st.tabs(["Intro", "Details", "Empty"])
with first:
    st.write("Welcome to the first tab.")
    st.button("Tab button")
with second:
    st.subheader("More")
    with st.expander("Open me"):
        st.write("Hidden text")
        flag = st.checkbox("Inner flag")
    if flag:
        st.success("Flag set")
second.write("Written through the tab object")
