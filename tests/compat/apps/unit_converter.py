import streamlit as st

FACTORS = {"m": 1.0, "km": 1000.0, "cm": 0.01, "mile": 1609.344}

st.title("Length converter")
amount = st.number_input("Amount", value=1.0, min_value=0.0, step=0.5)
source = st.selectbox("From", list(FACTORS), index=1)
dest = st.selectbox("To", list(FACTORS), index=0)
result = amount * FACTORS[source] / FACTORS[dest]
st.metric("Result", f"{result:.3f} {dest}")
if source == dest:
    st.info("Same unit on both sides.")
