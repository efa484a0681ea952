import streamlit as st

name = st.text_input("Name", placeholder="Your name")
secret = st.text_input("Password", type="password")
code = st.text_input("Code", max_chars=4, key="code")
bio = st.text_area("Bio", "Hello there", height=100)
if name:
    st.write(f"Hi {name}!")
st.write("Secret length:", len(secret))
st.write("Code:", code or "none", "; bio words:", len(bio.split()))
