import streamlit as st

st.title("Sign up")

with st.form("signup"):
    name = st.text_input("Name")
    email = st.text_input("Email")
    plan = st.radio("Plan", ["Free", "Pro"], horizontal=True)
    agree = st.checkbox("I agree to the terms")
    submitted = st.form_submit_button("Create account")

if submitted:
    if not name or "@" not in email:
        st.error("Please give a name and a valid email.")
    elif not agree:
        st.warning("You must agree to the terms.")
    else:
        st.success(f"Welcome, {name}! You chose {plan}.")
