"""A page written mostly with magic: this docstring is not shown."""
# ruff: noqa: B018  (bare expressions are the point: magic writes them)

import streamlit as st

"# Magic page"
name = "world"
f"Hello, **{name}**!"
total = 3 + 4
"The total is", total
{"a": 1, "b": [1, 2]}
[1, 2, 3]


def section(title):
    """Not shown either."""
    text = f"### {title}"
    text


section("From a function")
for n in range(2):
    f"Item {n}"
if st.checkbox("More"):
    "More text"
with st.expander("Inside"):
    "In an expander"
len("calls are not written")
