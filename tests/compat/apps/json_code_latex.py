import streamlit as st

st.json({"name": "rillet", "tags": ["a", "b"], "nested": {"ok": True, "n": None}})
st.json([1, 2, 3], expanded=False)
st.json('{"already": "json"}')
st.code("def f(x):\n    return x * 2", language="python")
st.code("SELECT 1;", language="sql")
st.code("plain text", language=None)
st.latex(r"e^{i\pi} + 1 = 0")
st.divider()
st.write({"written": "dict"})
st.write([1, "two", 3.0])
