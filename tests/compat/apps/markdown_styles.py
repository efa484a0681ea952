import streamlit as st

st.markdown("Hello :wave: and :smile:")
st.markdown(":red[red text] and :blue-background[blue background]")
st.markdown("**bold** _italic_ `code` [link](https://example.com)")
st.markdown("<b>raw html</b>", unsafe_allow_html=True)
st.text("fixed   width   text")
st.write("Several", "strings", "joined")
st.write("A number:", 7, "and a float:", 2.5)
st.write(None)
st.write(True)
st.caption("Caption with :sparkles:")
