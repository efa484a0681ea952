import streamlit as st

dark = st.toggle("Dark mode")
st.toggle("Preset on", value=True)
email = st.checkbox("Email me", value=True)
st.checkbox("Disabled", disabled=True)
st.write("dark" if dark else "light", "/", "email" if email else "no email")
