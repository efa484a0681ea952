import streamlit as st

picked = st.multiselect(
    "Toppings", ["cheese", "ham", "olives", "basil"], default=["cheese", "basil"]
)
st.write("You picked", len(picked), "toppings")
numbers = st.multiselect("Numbers", [1, 2, 3], default=2, max_selections=2)
st.write(sum(numbers))
