import streamlit as st

st.title("Text statistics")
text = st.text_area("Paste some text", "the quick brown fox jumps over the lazy dog the end")
words = text.split()
st.write("Words:", len(words))
st.write("Characters:", len(text))
if st.checkbox("Show word counts"):
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    st.json(counts)
