import streamlit as st

st.session_state.setdefault("steps", 0)
st.write("Steps:", st.session_state.steps)
if st.button("Run three steps"):
    st.session_state.target = st.session_state.steps + 3
if st.session_state.get("target", 0) > st.session_state.steps:
    st.session_state.steps += 1
    st.rerun()
st.caption("done")
