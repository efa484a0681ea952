import streamlit as st

upload = st.file_uploader("Upload a CSV", type=["csv"])
if upload is None:
    st.info("Waiting for a file")
many = st.file_uploader("Many", accept_multiple_files=True)
st.write("files:", len(many))
