import rillet as st

st.title("Greeting")
if st.button("Greet", key="greet"):
    st.success("Hello!")
