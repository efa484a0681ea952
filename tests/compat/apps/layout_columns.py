import streamlit as st

st.title("Columns")
a, b, c = st.columns(3)
a.metric("Temperature", "21 °C", "1.2 °C")
b.metric("Wind", "9 mph", "-8%")
c.metric("Humidity", "86%", "4%")

wide, narrow = st.columns([3, 1])
with wide:
    st.write("A wide column")
    inner1, inner2 = st.columns(2)
    inner1.button("Inner left")
    inner2.button("Inner right")
with narrow:
    st.caption("narrow")

with st.container():
    st.write("Inside a container")
    st.checkbox("Container box")
st.write("After the container")
