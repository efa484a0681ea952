import streamlit as st

st.session_state.setdefault("log", [])


def record(what, *, times=1):
    st.session_state.log.append(f"{what} x{times}")


st.button("Hello", on_click=record, args=("hello",), kwargs={"times": 2})
st.checkbox("Watch me", key="watched", on_change=record, args=("checkbox",))
st.selectbox("Size", ["S", "M", "L"], key="size", on_change=record, kwargs={"what": "size"})
st.write("Log:", ", ".join(st.session_state.log) or "empty")
