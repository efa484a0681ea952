import streamlit as st

st.progress(0)
bar = st.progress(10, text="Loading")
with st.spinner("Working..."):
    total = sum(range(100))
bar.progress(100, text="Done")
st.write("Total:", total)
st.progress(0.5)
