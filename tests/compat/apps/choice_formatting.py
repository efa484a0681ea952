import streamlit as st

LABELS = {1: "one", 2: "two", 3: "three"}
number = st.radio("Number", [1, 2, 3], format_func=LABELS.get, index=1, horizontal=True)
pick = st.selectbox("Pick", ["a", "b"], index=None, placeholder="choose")
sized = st.selectbox("Sized", [10, 20, 30], format_func=lambda n: f"{n} px")
st.write("number", number, "pick", pick, "sized", sized)
