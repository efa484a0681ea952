import streamlit as st

if "ready" not in st.session_state:
    st.session_state.ready = True
    st.session_state.agree = True
    st.session_state.flavor = "mint"
    st.session_state.size = "L"
    st.session_state.tags = ["b"]

st.checkbox("Agree", key="agree")
st.selectbox("Flavor", ["vanilla", "mint", "lemon"], key="flavor")
st.radio("Size", ["S", "M", "L"], key="size")
st.multiselect("Tags", ["a", "b", "c"], key="tags")
st.write(
    "state:",
    st.session_state.agree,
    st.session_state.flavor,
    st.session_state.size,
    ", ".join(st.session_state.tags),
)
