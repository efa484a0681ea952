"""The app served by the deployment sample: a picture, an upload and a slider."""

import rillet as st

st.title("Served by several replicas")
st.image(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
    b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
    b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82",
    caption="media is served by whichever replica nginx picks",
)
upload = st.file_uploader("A text file")
if upload is not None:
    st.write(f"{upload.name}: {len(upload.getvalue())} bytes")
n = st.slider("n", 0, 100, 5)
# With --storage.sessionStore=redis this count survives the replica going away.
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.write(f"n = {n}, runs in this session: {st.session_state.runs}")
