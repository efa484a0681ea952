import streamlit as st

st.session_state.setdefault("messages", [])
with st.form("chat", clear_on_submit=True):
    message = st.text_input("Message")
    urgent = st.checkbox("Urgent")
    if st.form_submit_button("Send") and message:
        st.session_state.messages.append(("!" if urgent else "") + message)
for text in st.session_state.messages:
    st.write(text)
