import streamlit as st

slot = st.empty()
slot.write("first")
slot.write("second")
box = st.empty()
with box.container():
    st.write("in a container slot")
    st.write("two lines")
gone = st.empty()
gone.info("temporary")
gone.empty()
if st.button("Replace"):
    slot.success("replaced")
st.write("end")
