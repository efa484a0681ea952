"""rillet hello: a tour of the commands, one section per family."""

import datetime

import rillet as st

st.set_page_config(page_title="Hello rillet", page_icon="👋", layout="wide")

st.title("Hello, rillet 👋")
st.caption("Every element and widget, so you can see them render and work.")

with st.sidebar:
    st.header("Settings")
    name = st.text_input("Your name", "friend", key="name")
    mood = st.radio("Mood", ["🙂 Fine", "😄 Great", "😴 Sleepy"], key="mood")
    st.toggle("Show the extras", value=True, key="extras")

st.markdown(
    f"Hi **{name}** — you feel *{mood}*. Here is `code`, :blue[colored text] and :sparkles:."
)

text_tab, widgets_tab, layout_tab, data_tab = st.tabs(["Text", "Widgets", "Layout", "Data"])

with text_tab:
    st.header("Headers and text", divider="blue")
    st.subheader("A subheader")
    st.text("Fixed-width text, no *markdown* here.")
    st.code("import rillet as st\nst.write('hello')", language="python")
    st.latex(r"\int_0^1 x^2\,dx = \frac{1}{3}")
    st.divider()
    st.success("Saved.")
    st.info("Pick a file to begin.")
    st.warning("This may take a while.")
    st.error("Something went wrong.")
    st.exception(ValueError("an example exception"))

with widgets_tab:
    if "clicks" not in st.session_state:
        st.session_state.clicks = 0
    if st.button("Click me", type="primary"):
        st.session_state.clicks += 1
    st.write("Clicks:", st.session_state.clicks)
    agree = st.checkbox("I agree")
    flavour = st.selectbox("Flavour", ["Vanilla", "Chocolate", "Strawberry"])
    toppings = st.multiselect("Toppings", ["Nuts", "Sprinkles", "Fudge"], ["Sprinkles"])
    scoops = st.slider("Scoops", 1, 5, 2)
    size = st.select_slider("Size", ["S", "M", "L", "XL"], value="M")
    note = st.text_area("Note", "Extra napkins, please.")
    price = st.number_input("Price", min_value=0.0, value=3.5, step=0.5)
    day = st.date_input("Day", datetime.date(2026, 1, 1))
    hour = st.time_input("Time", datetime.time(12, 30))
    color = st.color_picker("Cone color", "#F5C26B")
    st.write(
        f"{scoops} x {flavour} ({size}) with {', '.join(toppings) or 'nothing'}, "
        f"{price:.2f} each, on {day} at {hour:%H:%M}; agree: {agree}; color {color}; note: {note}"
    )
    upload = st.file_uploader("Upload a CSV", type=["csv"])
    if upload is not None:
        st.write("You uploaded", upload.name, f"({upload.size} bytes)")
    st.download_button("Download the order", f"{scoops} x {flavour}", file_name="order.txt")
    with st.form("feedback", clear_on_submit=True):
        stars = st.slider("Stars", 1, 5, 5)
        comment = st.text_input("Comment")
        if st.form_submit_button("Send"):
            st.success(f"Thanks for {stars} stars! {comment}")

with layout_tab:
    left, middle, right = st.columns([2, 1, 1])
    left.metric("Temperature", "21 °C", "1.5 °C")
    middle.metric("Wind", "9 km/h", "-8%", delta_color="inverse")
    right.metric("Humidity", "64%", "0%", delta_color="off")
    with st.expander("An expander"):
        st.write("Hidden until opened.")
    with st.container(border=True):
        st.write("Inside a bordered container.")
    placeholder = st.empty()
    placeholder.text("This text is replaced…")
    placeholder.text("…by this one.")
    bar = st.progress(0, text="Progress")
    bar.progress(70, text="Progress: 70%")
    with st.spinner("Working…"):
        pass

with data_tab:
    st.json({"name": name, "mood": mood, "clicks": st.session_state.clicks})
    st.dataframe({"flavour": ["Vanilla", "Chocolate"], "price": [3.5, 4.0]})
    st.image(
        b"<svg xmlns='http://www.w3.org/2000/svg' width='120' height='40'>"
        b"<rect width='120' height='40' rx='8' fill='#6C8EF5'/>"
        b"<text x='60' y='26' font-size='16' text-anchor='middle' fill='white'>rillet</text></svg>",
        caption="An SVG image",
    )
