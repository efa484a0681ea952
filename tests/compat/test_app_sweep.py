"""A wide sweep of ordinary Streamlit apps: rillet shows what Streamlit shows.

Each app below is the kind people publish (dashboards, forms, multipage
apps, chat apps, data apps, error pages), run unchanged through Streamlit's
AppTest and rillet's (the ``streamlit`` alias on), through the interactions
a user makes. After every run sweep.py compares, on both sides: every
element in page order with its kind, label, value, options and every public
attribute Streamlit's AppTest gives it, the size of every list accessor,
and the session state. Each declared difference says why it is acceptable.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from harness import Known
from sweep import TIME_SLIDER_BOUNDS, App, differences, scan_components_once

pytest.importorskip("streamlit")
pytestmark = [pytest.mark.streamlit, pytest.mark.usefixtures(scan_components_once.__name__)]

D = datetime.date
T = datetime.time

APPS: dict[str, App] = {
    "sales_dashboard": App(
        """
        import streamlit as st
        st.set_page_config(page_title="Sales", page_icon=":bar_chart:", layout="wide")
        st.title("Sales dashboard", anchor=False)
        with st.sidebar:
            st.header("Filters")
            region = st.selectbox("Region", ["All", "EMEA", "APAC", "AMER"], help="Where")
            year = st.slider("Year", 2018, 2024, 2023)
            show = st.checkbox("Show raw numbers")
        figures = {"All": 120, "EMEA": 40, "APAC": 50, "AMER": 30}
        c1, c2, c3 = st.columns(3, gap="medium", vertical_alignment="center")
        c1.metric("Revenue", f"${figures[region]}k", f"{year - 2020}%")
        c2.metric("Customers", figures[region] * 3, -4, delta_color="inverse", help="Active")
        c3.metric("Churn", "2.1%", "0.3%", delta_color="off")
        tab1, tab2 = st.tabs(["Trend", "Details"])
        with tab1:
            st.line_chart({"sales": [1, 3, 2, figures[region] // 10]})
        with tab2:
            with st.expander("Notes", expanded=show, icon=":material/info:"):
                st.write("Numbers are in thousands.")
            if show:
                st.table({"region": list(figures), "sales": list(figures.values())})
        st.divider()
        st.caption(f"Region {region}, year {year}")
        """,
        [
            ("selectbox", 0, "select", "APAC"),
            ("slider", 0, "set_value", 2019),
            ("checkbox", 0, "check"),
        ],
    ),
    "signup_form_validation": App(
        """
        import datetime
        import streamlit as st
        st.header("Create an account")
        with st.form("signup", border=True):
            name = st.text_input("Name", placeholder="Ada Lovelace", max_chars=40)
            email = st.text_input("Email", help="We never share it")
            password = st.text_input("Password", type="password")
            bio = st.text_area("About you", height=100, max_chars=200, placeholder="...")
            age = st.number_input("Age", min_value=13, max_value=120, value=30, step=1)
            born = st.date_input("Birthday", datetime.date(1990, 1, 1),
                                 min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2020, 1, 1))
            wake = st.time_input("Wake up at", datetime.time(7, 0), step=900)
            plan = st.radio("Plan", ["Free", "Pro", "Team"], index=1, horizontal=True)
            country = st.selectbox("Country", ["France", "Japan", "Peru"], index=None,
                                   placeholder="Pick one")
            topics = st.multiselect("Topics", ["AI", "Web", "Data", "Art"], default=["Data"],
                                    max_selections=2)
            level = st.select_slider("Level", ["novice", "intermediate", "expert"], value="novice")
            colour = st.color_picker("Favourite colour", "#00AAFF")
            terms = st.checkbox("I accept the terms")
            news = st.toggle("Newsletter", value=True)
            submitted = st.form_submit_button("Sign up", type="primary")
        if submitted:
            problems = []
            if not name.strip():
                problems.append("Name is required")
            if "@" not in email:
                problems.append("Email looks wrong")
            if len(password) < 8:
                problems.append("Password too short")
            if not terms:
                problems.append("You must accept the terms")
            if country is None:
                problems.append("Pick a country")
            for p in problems:
                st.error(p, icon="🚨")
            if not problems:
                st.success(f"Welcome {name} ({plan}, {country}, {level}, {colour})")
                st.write(topics, age, born, wake, news, len(bio))
        """,
        [
            ("form_submit_button", 0, "click"),
            [
                ("text_input", 0, "input", "Ada"),
                ("text_input", 1, "input", "ada@example.com"),
                ("text_input", 2, "input", "correct horse"),
                ("text_area", 0, "input", "I like maths"),
                ("number_input", 0, "set_value", 36),
                ("date_input", 0, "set_value", D(1815, 12, 10)),
                ("time_input", 0, "set_value", T(6, 15)),
                ("radio", 0, "set_value", "Team"),
                ("selectbox", 0, "select", "Peru"),
                ("multiselect", 0, "select", "AI"),
                ("select_slider", 0, "set_value", "expert"),
                ("color_picker", 0, "pick", "#112233"),
                ("checkbox", 0, "check"),
                ("toggle", 0, "set_value", False),
                ("form_submit_button", 0, "click"),
            ],
            ("run",),
        ],
    ),
    "number_formats": App(
        """
        import streamlit as st
        price = st.number_input("Price", value=9.99, step=0.01, format="%.2f")
        qty = st.number_input("Quantity", min_value=0, value=3)
        rate = st.number_input("Rate", value=0.05, step=0.001, format="%.3f", min_value=0.0, max_value=1.0)
        empty = st.number_input("Optional", value=None, placeholder="Type a number")
        big = st.number_input("Big", value=1_000_000, step=1000)
        st.write(f"Total {price * qty:.2f}", rate, empty, big)
        st.write(type(price).__name__, type(qty).__name__, type(empty).__name__)
        """,
        [
            ("number_input", 0, "increment"),
            ("number_input", 1, "decrement"),
            ("number_input", 1, "decrement"),
            # Not once more: Streamlit's AppTest ignores a min_value of 0
            # (``self.min or -inf``), sends -1 and the widget resets to its
            # default; rillet's decrement stops at the bound as the browser does.
            ("number_input", 1, "decrement"),
            ("number_input", 2, "set_value", 0.125),
            ("number_input", 3, "set_value", 7),
            ("number_input", 4, "increment"),
        ],
    ),
    "range_inputs": App(
        """
        import datetime
        import streamlit as st
        lo, hi = st.slider("Price range", 0.0, 100.0, (25.0, 75.0), step=0.5)
        when = st.slider("Meeting", value=datetime.time(11, 30), format="HH:mm",
                         min_value=datetime.time(8), max_value=datetime.time(18))
        days = st.slider("Days", min_value=datetime.date(2024, 1, 1), max_value=datetime.date(2024, 12, 31),
                         value=(datetime.date(2024, 3, 1), datetime.date(2024, 4, 1)))
        size = st.select_slider("Sizes", options=["XS", "S", "M", "L", "XL"], value=("S", "L"))
        trip = st.date_input("Trip", (datetime.date(2024, 6, 1), datetime.date(2024, 6, 10)))
        start_only = st.date_input("Open range", (datetime.date(2024, 6, 1),))
        st.write(lo, hi, when, days, size, trip, start_only)
        """,
        [
            ("slider", 0, "set_range", 10.0, 20.5),
            ("slider", 1, "set_value", T(9, 45)),
            ("slider", 2, "set_range", D(2024, 5, 5), D(2024, 5, 6)),
            ("select_slider", 0, "set_range", "XS", "XL"),
            ("date_input", 0, "set_value", (D(2024, 7, 1), D(2024, 7, 3))),
            ("date_input", 1, "set_value", (D(2024, 8, 1), D(2024, 8, 2))),
        ],
        skip_attrs=TIME_SLIDER_BOUNDS,
    ),
    "pills_segmented_feedback": App(
        """
        import streamlit as st
        view = st.segmented_control("View", ["Day", "Week", "Month"], default="Week", key="view")
        tags = st.pills("Tags", ["red", "green", "blue"], selection_mode="multi", default=["red"])
        mood = st.pills("Mood", ["😀", "😐", "😞"])
        stars = st.feedback("stars")
        thumbs = st.feedback("thumbs", key="thumbs")
        faces = st.feedback("faces")
        st.write(view, tags, mood, stars, thumbs, faces)
        st.badge("New", icon=":material/star:", color="green")
        st.badge("Beta")
        """,
        [
            ("button_group", 0, "set_value", "Month"),
            ("button_group", 1, "select", "blue"),
            ("button_group", 1, "unselect", "red"),
            ("button_group", 2, "set_value", "😐"),
            ("feedback", 0, "set_value", 3),
            ("feedback", "thumbs", "set_value", 0),
            ("feedback", 2, "set_value", 4),
            ("button_group", 0, "set_value", None),
        ],
        skip_attrs={
            "button_group.indices": "options that are only an emoji reach Streamlit's AppTest as "
            "'' (the emoji is the option's icon), so its indices fails with ValueError",
        },
    ),
    "chat_bot": App(
        """
        import streamlit as st
        st.title("Echo bot")
        if "messages" not in st.session_state:
            st.session_state.messages = [{"role": "assistant", "content": "Hi! Ask me anything."}]
        for m in st.session_state.messages:
            with st.chat_message(m["role"]):
                st.markdown(m["content"])
        if prompt := st.chat_input("Say something", max_chars=200):
            st.session_state.messages.append({"role": "user", "content": prompt})
            with st.chat_message("user"):
                st.markdown(prompt)
            def words():
                for w in f"You said: {prompt}".split():
                    yield w + " "
            with st.chat_message("assistant", avatar="🤖"):
                reply = st.write_stream(words())
            st.session_state.messages.append({"role": "assistant", "content": reply})
        if st.sidebar.button("Clear chat"):
            st.session_state.messages = []
            st.rerun()
        """,
        [
            ("chat_input", 0, "set_value", "hello there"),
            ("chat_input", 0, "set_value", "second"),
            ("run",),
            ("button", 0, "click"),
        ],
    ),
    "chat_named_messages": App(
        """
        import streamlit as st
        with st.chat_message("human"):
            st.write("Human!")
        with st.chat_message("ai"):
            st.write("AI!")
        with st.chat_message("Alice", avatar=":material/face:"):
            st.write("Custom name")
        msg = st.chat_message("user")
        msg.write("written through the handle")
        msg.json({"a": 1}, expanded=False)
        st.chat_input("Type", disabled=True)
        """,
    ),
    "cached_data_app": App(
        """
        import streamlit as st
        if "calls" not in st.session_state:
            st.session_state.calls = 0

        @st.cache_data
        def load(n):
            st.session_state.calls += 1
            return [i * i for i in range(n)]

        @st.cache_resource
        def client():
            return {"connected": True}

        n = st.slider("Rows", 1, 10, 3)
        data = load(n)
        st.write(data)
        st.write(client()["connected"])
        st.write("calls", st.session_state.calls)
        if st.button("Clear cache"):
            load.clear()
        """,
        [
            ("slider", 0, "set_value", 5),
            ("slider", 0, "set_value", 3),
            ("button", 0, "click"),
            ("run",),
        ],
    ),
    "callbacks_args_kwargs": App(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])

        def note(what, *, who="anon"):
            st.session_state.log.append(f"{who}:{what}")

        def mirror():
            st.session_state.copy = st.session_state.src.upper()

        st.button("Like", on_click=note, args=("like",), kwargs={"who": "ann"})
        st.checkbox("Follow", key="follow", on_change=note, args=("follow",))
        st.text_input("Source", key="src", on_change=mirror)
        st.text_input("Copy", key="copy")
        st.selectbox("Pick", ["a", "b"], key="pick", on_change=note, kwargs={"what": "pick"})
        with st.form("f"):
            st.slider("In form", 0, 10, key="formslider")
            st.form_submit_button("Send", on_click=note, args=("send",))
        st.write(st.session_state.log)
        """,
        [
            ("button", 0, "click"),
            ("checkbox", "follow", "check"),
            ("text_input", "src", "input", "abc"),
            ("text_input", "copy", "input", "typed"),
            ("selectbox", "pick", "select", "b"),
            [("slider", "formslider", "set_value", 4), ("form_submit_button", 0, "click")],
            ("run",),
        ],
    ),
    "rerun_and_stop": App(
        """
        import streamlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1
        st.write("run", st.session_state.runs)
        if st.button("Bump twice"):
            st.session_state.setdefault("bumped", 0)
            st.session_state.bumped += 1
            if st.session_state.bumped % 2:
                st.rerun()
        if not st.checkbox("Continue"):
            st.warning("Tick the box to continue")
            st.stop()
        st.success("You continued")
        st.write(st.session_state.get("bumped"))
        """,
        [
            ("button", 0, "click"),
            ("checkbox", 0, "check"),
            ("button", 0, "click"),
            ("run",),
        ],
    ),
    "fragments": App(
        """
        import streamlit as st
        st.session_state.setdefault("full", 0)
        st.session_state.full += 1

        @st.fragment
        def counter():
            st.session_state.setdefault("frag", 0)
            if st.button("Fragment +1"):
                st.session_state.frag += 1
            st.write("frag", st.session_state.frag)
            if st.button("Whole app"):
                st.rerun(scope="app")

        @st.fragment(run_every=60)
        def ticker():
            st.write("ticker")

        counter()
        ticker()
        st.write("full runs", st.session_state.full)
        """,
        [
            ("button", 0, "click"),
            ("button", 0, "click"),
            ("button", 1, "click"),
            ("run",),
        ],
    ),
    "dialog_app": App(
        """
        import streamlit as st

        @st.dialog("Rate us", width="large")
        def rate(item):
            st.write(f"How was {item}?")
            score = st.slider("Score", 1, 5, 3)
            if st.button("Submit"):
                st.session_state.rating = {"item": item, "score": score}
                st.rerun()

        if "rating" not in st.session_state:
            if st.button("Rate pizza"):
                rate("pizza")
        else:
            st.write(st.session_state.rating)
        """,
        [
            ("button", 0, "click"),
            [("slider", 0, "set_value", 5), ("button", 1, "click")],
            ("run",),
        ],
        skip_accessors={
            "container": "Streamlit's AppTest holds a dialog's body in one vertical container "
            "(counted by at.container), rillet's in the dialog block itself; the page shows "
            "the same and sweep.py compares the dialog's content on both sides",
        },
    ),
    "query_params_app": App(
        """
        import streamlit as st
        qp = st.query_params
        page = qp.get("page", "home")
        st.write("page", page)
        st.write(qp.get_all("tag"))
        st.write(qp.to_dict())
        choice = st.radio("Go to", ["home", "about"], index=["home", "about"].index(page))
        if choice != page:
            qp["page"] = choice
            st.rerun()
        if st.button("Clear"):
            qp.clear()
        st.write(dict(qp))
        """,
        [
            ("radio", 0, "set_value", "about"),
            ("run",),
            ("button", 0, "click"),
        ],
        query={"page": "home", "tag": "x"},
    ),
    "toast_status_spinner_progress": App(
        """
        import time
        import streamlit as st
        if st.button("Run job"):
            st.toast("Started", icon="⏳")
            bar = st.progress(0, text="Working")
            with st.spinner("Crunching...", show_time=True):
                for i in range(0, 101, 50):
                    bar.progress(i, text=f"{i}%")
            with st.status("Downloading data", expanded=True) as status:
                st.write("Fetching")
                st.write("Parsing")
                status.update(label="Done", state="complete", expanded=False)
            with st.status("Failing step") as failing:
                failing.update(state="error")
            st.toast("Finished!")
            st.progress(0.75)
        """,
        [("button", 0, "click"), ("run",)],
    ),
    "empty_placeholders": App(
        """
        import streamlit as st
        slot = st.empty()
        slot.write("loading...")
        slot.info("replaced")
        box = st.empty()
        with box.container():
            st.write("one")
            st.write("two")
        if st.button("Clear"):
            box.empty()
        other = st.empty()
        other.metric("Temp", "20 °C", "1 °C")
        st.write("after")
        """,
        [("button", 0, "click"), ("run",)],
    ),
    "layout_containers": App(
        """
        import streamlit as st
        a, b = st.columns([2, 1], gap="small", vertical_alignment="bottom", border=True)
        a.text_input("Search")
        b.button("Go")
        left, mid, right = st.columns(3, gap="large")
        with mid:
            st.write("centered")
        with st.container(border=True, height=200):
            st.write("scrolling")
        with st.container(horizontal=True, horizontal_alignment="right", gap="small"):
            st.button("One")
            st.button("Two")
        with st.container(key="card"):
            st.write("keyed")
        with st.popover("Settings", help="More", icon=":material/settings:"):
            st.checkbox("Dark mode")
        with st.expander("Advanced"):
            inner1, inner2 = st.columns(2)
            inner1.write("x")
            inner2.write("y")
        st.sidebar.radio("Nav", ["a", "b"])
        """,
        [("checkbox", 0, "check"), ("button", 1, "click")],
    ),
    "downloads_and_uploads": App(
        """
        import streamlit as st
        import io
        st.download_button("Get CSV", "a,b\\n1,2\\n", file_name="data.csv", mime="text/csv")
        st.download_button("Get bytes", b"\\x00\\x01", file_name="x.bin", type="primary")
        one = st.file_uploader("One file", type=["csv", "txt"])
        many = st.file_uploader("Many", accept_multiple_files=True)
        if one is not None:
            st.write(one.name, one.type, one.size)
            st.code(one.getvalue().decode())
        st.write(len(many))
        for f in many:
            st.write(f.name, f.read())
        """,
        [
            ("download_button", 0, "click"),
            ("file_uploader", 0, "upload", "notes.txt", b"hello", "text/plain"),
            # Both files in one step: after a run Streamlit's AppTest starts a new
            # list on upload() (the files before are dropped), rillet's adds to the
            # files already there, as a browser's uploader does.
            [
                ("file_uploader", 1, "upload", "a.bin", b"A"),
                ("file_uploader", 1, "upload", "b.bin", b"BB"),
            ],
            ("file_uploader", 1, "set_value", [("c.txt", b"C", "text/plain")]),
            ("file_uploader", 0, "clear"),
        ],
    ),
    "session_state_preset_keys": App(
        """
        import streamlit as st
        if "name" not in st.session_state:
            st.session_state.name = "Preset"
            st.session_state.size = "L"
            st.session_state.level = 7
            st.session_state.agree = True
            st.session_state.picks = ["b"]
        st.text_input("Name", key="name")
        st.radio("Size", ["S", "M", "L"], key="size")
        st.slider("Level", 0, 10, key="level")
        st.checkbox("Agree", key="agree")
        st.multiselect("Picks", ["a", "b", "c"], key="picks")
        st.write(dict(sorted(st.session_state.to_dict().items())))
        if st.button("Reset"):
            for k in ["name", "size", "level", "agree", "picks"]:
                del st.session_state[k]
            st.rerun()
        """,
        [
            ("text_input", "name", "input", "Changed"),
            ("slider", "level", "set_value", 2),
            ("session_state", "size", "S"),
            ("button", 0, "click"),
        ],
    ),
    "default_and_state_warning": App(
        """
        import streamlit as st
        st.session_state.setdefault("color", "blue")
        st.selectbox("Colour", ["red", "blue"], index=0, key="color")
        st.write(st.session_state.color)
        """,
        [("selectbox", "color", "select", "red")],
    ),
    "duplicate_keys": App(
        """
        import streamlit as st
        st.write("top")
        st.button("Same")
        st.button("Same")
        st.write("never shown")
        """,
        known=[
            Known(
                "exception", ("body", "extra", "message"), "rillet words and names its own errors"
            )
        ],
    ),
    "errors_shown": App(
        """
        import streamlit as st
        kind = st.radio("Fail with", ["nothing", "value", "exception call", "key"])
        st.write("before")
        if kind == "value":
            raise ValueError("bad value here")
        if kind == "exception call":
            try:
                1 / 0
            except ZeroDivisionError as e:
                st.exception(e)
            st.exception(RuntimeError("shown, not raised"))
        if kind == "key":
            {}["missing"]
        st.write("after")
        """,
        [
            ("radio", 0, "set_value", "value"),
            ("radio", 0, "set_value", "exception call"),
            ("radio", 0, "set_value", "key"),
            ("radio", 0, "set_value", "nothing"),
        ],
    ),
    "help_echo_magic": App(
        """
        import streamlit as st
        def greet(name: str) -> str:
            'Say hello.'
            return "hi " + name
        st.help(greet)
        with st.echo():
            total = sum(range(5))
            st.write(total)
        with st.echo(code_location="below"):
            st.write("code below")
        "# Magic title"
        total
        [1, 2, 3]
        {"k": "v"}
        x = 3
        x * 2
        """,
    ),
    "secrets_context_config": App(
        """
        import streamlit as st
        st.set_page_config(page_title="Ctx", layout="centered", initial_sidebar_state="collapsed")
        st.logo("https://example.com/logo.png", link="https://example.com", size="large")
        st.write(st.secrets["api"]["user"], st.secrets.token)
        st.write("token" in st.secrets, st.secrets.get("nope", "default"))
        st.write(sorted(st.context.headers.keys())[:0])
        st.write(st.context.cookies.to_dict() if hasattr(st.context.cookies, "to_dict") else {})
        st.write(st.context.is_embedded)
        try:
            st.secrets["missing"]
        except KeyError as e:
            st.write("missing secret")
        """,
        secrets={"token": "abc", "api": {"user": "bob"}},
    ),
    "json_table_text": App(
        """
        import streamlit as st
        st.json({"name": "x", "items": [1, 2, {"deep": True}]}, expanded=2)
        st.json('{"from": "string"}', expanded=False)
        st.json([1, 2, 3])
        st.table([[1, 2], [3, 4]])
        st.table({"a": [1, 2], "b": ["x", "y"]})
        st.text("fixed width")
        st.code("print('hi')", language="python", line_numbers=True)
        st.code("SELECT 1", language="sql")
        st.latex(r"e^{i\\pi} + 1 = 0")
        st.markdown("**bold** <b>html</b>", unsafe_allow_html=True)
        st.caption("small print")
        st.write("Text with :red[colour] and :material/home:")
        st.html("<p>raw html</p>")
        st.title("Title", help="tip")
        st.header("Header", divider="rainbow")
        st.subheader("Sub", divider=True, anchor="sub-anchor")
        """,
    ),
    "dataframe_selection": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"city": ["Oslo", "Lima", "Pune"], "pop": [0.7, 10.0, 3.1]})
        st.dataframe(df, hide_index=True, use_container_width=True)
        event = st.dataframe(df, on_select="rerun", selection_mode="multi-row", key="table")
        st.write(event.selection.rows if event else None)
        edited = st.data_editor(df, num_rows="dynamic", key="editor")
        st.write(edited["pop"].sum())
        st.dataframe(df.style.highlight_max(axis=0))
        st.write(df)
        st.write(st.session_state.get("editor"))
        """,
        [("run",)],
    ),
    "media_inputs": App(
        """
        import streamlit as st
        photo = st.camera_input("Take a picture", help="Smile")
        voice = st.audio_input("Record a note")
        if photo is not None:
            st.write(photo.name, len(photo.getvalue()))
        if voice is not None:
            st.write(voice.name, voice.type)
        st.write(photo is None, voice is None)
        """,
        [
            ("camera_input", 0, "upload", "snap.jpg", b"\\xff\\xd8img"),
            ("audio_input", 0, "upload", "note.wav", b"RIFFdata"),
            ("camera_input", 0, "clear"),
        ],
    ),
    "pages_folder_app": App(
        """
        import streamlit as st
        st.title("Home")
        st.page_link("main.py", label="Home", icon="🏠")
        st.page_link("pages/1_Reports.py", label="Reports")
        st.session_state.setdefault("visits", 0)
        st.session_state.visits += 1
        st.write("visits", st.session_state.visits)
        if st.button("Open reports"):
            st.switch_page("pages/1_Reports.py")
        """,
        [("button", 0, "click"), ("button", 0, "click"), ("run",)],
        pages={
            "1_Reports.py": """
                import streamlit as st
                st.header("Reports")
                st.write("visits so far", st.session_state.get("visits"))
                kind = st.selectbox("Kind", ["daily", "weekly"], key="kind")
                if st.button("Back home"):
                    st.switch_page("main.py")
                """,
            "2_Settings.py": """
                import streamlit as st
                st.header("Settings")
                """,
        },
    ),
    "navigation_app": App(
        """
        import streamlit as st

        def home():
            st.title("Welcome")
            st.write("user", st.session_state.get("user"))
            if st.button("Log in"):
                st.session_state.user = "ann"
                st.rerun()

        def admin():
            st.title("Admin")
            st.write("secret area")

        pages = {"Main": [st.Page(home, title="Home", icon=":material/home:", default=True)]}
        if st.session_state.get("user"):
            pages["Tools"] = [st.Page(admin, title="Admin", url_path="admin"),
                              st.Page("stats.py", title="Stats")]
        page = st.navigation(pages, position="sidebar")
        st.sidebar.write("current", page.title)
        page.run()
        st.caption("footer")
        """,
        [("button", 0, "click"), ("run",)],
        files={
            "stats.py": """
                import streamlit as st
                st.metric("Users", 10)
                """,
        },
    ),
    "navigation_switch": App(
        """
        import streamlit as st
        a = st.Page("a.py", title="Page A", default=True)
        b = st.Page("b.py", title="Page B")
        pg = st.navigation([a, b], position="hidden")
        pg.run()
        """,
        [("button", 0, "click"), ("run",), ("button", 0, "click")],
        files={
            "a.py": """
                import streamlit as st
                st.write("on A")
                if st.button("to B"):
                    st.switch_page("b.py")
                """,
            "b.py": """
                import streamlit as st
                st.write("on B")
                st.text_input("note", key="note")
                if st.button("to A"):
                    st.switch_page("a.py")
                """,
        },
    ),
    "todo_keys_loop": App(
        """
        import streamlit as st
        st.session_state.setdefault("items", ["milk", "eggs", "bread"])

        def remove(i):
            st.session_state["items"].pop(i)

        def add():
            if st.session_state.new.strip():
                st.session_state["items"].append(st.session_state.new.strip())
            st.session_state.new = ""

        for i, item in enumerate(st.session_state["items"]):
            c1, c2 = st.columns([4, 1])
            c1.checkbox(item, key=f"done_{item}")
            c2.button("✕", key=f"del_{item}", on_click=remove, args=(i,))
        st.text_input("New item", key="new", on_change=add)
        done = [k for k in st.session_state if k.startswith("done_") and st.session_state[k]]
        st.write(sorted(done))
        """,
        [
            ("checkbox", "done_eggs", "check"),
            ("button", "del_milk", "click"),
            ("text_input", "new", "input", "jam"),
            ("checkbox", "done_jam", "check"),
            ("text_input", "new", "input", "   "),
        ],
    ),
    "write_variety": App(
        """
        import streamlit as st
        st.write("plain", 1, 2.5, None, True)
        st.write({"a": 1}, [1, 2], (3, 4))
        st.write(ValueError("shown"))
        st.write(len)
        st.write("**md** text")
        class Thing:
            def __repr__(self):
                return "Thing()"
        st.write(Thing())
        st.write_stream(["a", "b", "c"])
        out = st.write_stream(iter(["x", {"k": 1}, "y"]))
        st.write(repr(out))
        import datetime
        st.write(datetime.date(2024, 1, 2))
        st.markdown("- one\\n- two")
        st.text(123)
        import dataclasses, threading, fractions, uuid
        class Plain:
            pass
        class Shown:
            def __str__(self):
                return "two\\nlines with `ticks`"
        @dataclasses.dataclass
        class Point:
            x: int = 1
        st.write(Plain())
        st.write(Shown(), "and", Thing())
        st.write(Point())
        st.write(threading.Lock())
        st.write(fractions.Fraction(1, 3), uuid.UUID(int=5), b"raw", 1 + 2j, range(3))
        st.write("a`b", "``c``")
        st.help(Point(2))
        """,
    ),
    "charts_explorer": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"x": [1, 2, 3, 4], "y": [3, 1, 4, 1], "z": [2, 7, 1, 8]})
        col = st.selectbox("Column", ["y", "z"])
        kind = st.radio("Chart", ["line", "bar", "area", "scatter"], horizontal=True)
        getattr(st, f"{kind}_chart")(df, x="x", y=col)
        st.bar_chart(df, x="x", y=["y", "z"], stack=False, horizontal=True)
        st.map(pd.DataFrame({"lat": [48.85], "lon": [2.35]}))
        st.dataframe(df.describe())
        """,
        [
            ("radio", 0, "set_value", "bar"),
            ("selectbox", 0, "select", "z"),
            ("radio", 0, "set_value", "scatter"),
        ],
    ),
    "labels_and_disabled": App(
        """
        import streamlit as st
        lock = st.toggle("Lock form")
        st.text_input("Hidden label", label_visibility="hidden", disabled=lock)
        st.text_input("Collapsed", label_visibility="collapsed", value="v", disabled=lock)
        st.slider("**Bold** label", 0, 5, disabled=lock, help="Some *help*")
        st.selectbox("Pick", ["a"], disabled=lock, label_visibility="collapsed")
        st.button("Act", disabled=lock, help="Does it", icon=":material/bolt:")
        st.checkbox("Check", disabled=lock)
        st.radio("Radio", ["x", "y"], disabled=lock, captions=["first", "second"])
        """,
        [("toggle", 0, "set_value", True), ("toggle", 0, "set_value", False)],
    ),
    "api_errors": App(
        """
        import streamlit as st
        case = st.selectbox("Case", ["ok", "slider", "selectbox", "state after", "columns", "number"])
        st.write("before")
        if case == "slider":
            st.slider("bad", 10, 1)
        if case == "selectbox":
            st.selectbox("bad", ["a", "b"], index=5)
        if case == "state after":
            st.text_input("T", key="t")
            st.session_state.t = "changed"
        if case == "columns":
            st.columns(0)
        if case == "number":
            st.number_input("N", min_value=5, value=1)
        st.write("after")
        """,
        [
            ("selectbox", 0, "select", "slider"),
            ("selectbox", 0, "select", "selectbox"),
            ("selectbox", 0, "select", "state after"),
            ("selectbox", 0, "select", "columns"),
            ("selectbox", 0, "select", "number"),
            ("selectbox", 0, "select", "ok"),
        ],
        known=[
            Known(
                "exception", ("body", "extra", "message"), "rillet words and names its own errors"
            )
        ],
    ),
    "time_and_datetime": App(
        """
        import datetime
        import streamlit as st
        t = st.time_input("Alarm", datetime.time(6, 30), step=datetime.timedelta(minutes=30))
        none_t = st.time_input("Optional", value=None)
        d = st.date_input("Day", datetime.date(2024, 2, 29), format="DD/MM/YYYY")
        none_d = st.date_input("No day", value=None)
        st.write(t, none_t, d, none_d)
        """,
        [
            ("time_input", 0, "increment"),
            ("time_input", 1, "set_value", T(23, 59)),
            ("date_input", 0, "set_value", D(2025, 1, 1)),
            ("date_input", 1, "set_value", D(2020, 5, 5)),
            ("time_input", 0, "decrement"),
        ],
    ),
    "popover_form_expander": App(
        """
        import streamlit as st
        with st.popover("Filters"):
            with st.form("filters", clear_on_submit=False, enter_to_submit=False):
                q = st.text_input("Query")
                n = st.number_input("Limit", 1, 100, 10)
                go = st.form_submit_button("Apply", use_container_width=True)
        if go:
            st.session_state.applied = (q, n)
        with st.expander("Result", expanded=True):
            st.write(st.session_state.get("applied", "nothing applied"))
        with st.form("second"):
            st.write("Inside second form")
            st.form_submit_button("Noop", disabled=True)
        """,
        [
            [("text_input", 0, "input", "cats"), ("number_input", 0, "set_value", 5)],
            ("form_submit_button", 0, "click"),
            ("run",),
        ],
    ),
    "media_elements": App(
        """
        import streamlit as st
        st.image("https://example.com/cat.png", caption="A cat", width=200)
        st.audio("https://example.com/a.mp3")
        st.video("https://example.com/v.mp4", start_time=3)
        st.link_button("Docs", "https://example.com", type="primary")
        st.page_link("https://example.com", label="External", icon="🌍")
        st.markdown(":blue-badge[info] and :orange-background[warn]")
        st.space("medium")
        """,
    ),
    "metric_grid": App(
        """
        import streamlit as st
        rows = [("CPU", "42%", "-3%"), ("RAM", "7.1 GB", "0.4 GB"), ("Disk", "80%", None)]
        cols = st.columns(len(rows), border=True)
        for col, (name, value, delta) in zip(cols, rows):
            with col:
                st.metric(name, value, delta, chart_data=[1, 5, 2, 6], chart_type="bar")
        st.metric("Plain", 12.5)
        st.metric("Label", None)
        """,
    ),
    "state_api_usage": App(
        """
        import streamlit as st
        ss = st.session_state
        if "a" not in ss:
            ss["a"] = 1
            ss.b = [1]
        ss.a += 1
        st.write(ss.a, ss["b"], "a" in ss, len(ss) >= 2)
        st.write(sorted(ss.keys()))
        st.write(ss.get("zzz", "dflt"))
        try:
            ss.nope
        except AttributeError:
            st.write("attr error")
        try:
            ss["nope"]
        except KeyError:
            st.write("key error")
        if st.button("Delete b"):
            del ss.b
        st.write(ss.to_dict().get("b"))
        """,
        [("button", 0, "click"), ("run",)],
        known=[
            Known(
                "exception",
                ("body", "message"),
                "rillet words its own errors (Streamlit's links its docs)",
            )
        ],
    ),
    "widget_identity_changes": App(
        """
        import streamlit as st
        limit = st.radio("Max", [10, 20], horizontal=True)
        a = st.slider("Keyed", 0, limit, 5, key="keyed")
        b = st.slider(f"Unkeyed up to {limit}", 0, limit, 5)
        opts = ["x", "y"] if limit == 10 else ["x", "y", "z"]
        c = st.selectbox("Options change", opts, key="opt")
        st.write(a, b, c)
        """,
        [
            [("slider", "keyed", "set_value", 8), ("slider", 1, "set_value", 9)],
            ("selectbox", "opt", "select", "y"),
            ("radio", 0, "set_value", 20),
            ("radio", 0, "set_value", 10),
        ],
    ),
    "conditional_widget_cleanup": App(
        """
        import streamlit as st
        show = st.checkbox("Show extra", value=True)
        if show:
            st.text_input("Extra", key="extra")
            st.number_input("Count", key="count", value=1)
        st.write(sorted(st.session_state.to_dict()))
        st.write(st.session_state.get("extra"), st.session_state.get("count"))
        """,
        [
            [("text_input", "extra", "input", "kept?"), ("number_input", "count", "set_value", 4)],
            ("checkbox", 0, "uncheck"),
            ("run",),
            ("checkbox", 0, "check"),
        ],
    ),
    "form_pending_values": App(
        """
        import streamlit as st
        with st.form("f"):
            name = st.text_input("Name", key="fname")
            n = st.slider("N", 0, 10, 2, key="fn")
            st.write("inside sees", name, n)
            sent = st.form_submit_button("Send")
        st.write("outside sees", st.session_state.fname, st.session_state.fn, sent)
        other = st.text_input("Outside form", key="outside")
        """,
        [
            [("text_input", "fname", "input", "Bo"), ("slider", "fn", "set_value", 7)],
            ("text_input", "outside", "input", "typing elsewhere"),
            [("text_input", "fname", "input", "Cy"), ("form_submit_button", 0, "click")],
            ("run",),
        ],
    ),
    "callback_errors_and_reruns": App(
        """
        import streamlit as st
        def boom():
            raise RuntimeError("callback failed")
        def rerun_in_callback():
            st.session_state.hits = st.session_state.get("hits", 0) + 1
            st.rerun()
        def switch_flag():
            st.session_state.flag = not st.session_state.get("flag", False)
        st.button("Explode", on_click=boom)
        st.button("Rerun", on_click=rerun_in_callback)
        st.toggle("Flag", key="flag_toggle", on_change=switch_flag)
        st.write("hits", st.session_state.get("hits"), "flag", st.session_state.get("flag"))
        """,
        [
            ("button", 0, "click"),
            ("run",),
            ("button", 1, "click"),
            ("toggle", 0, "set_value", True),
        ],
    ),
    "magic_rules": App(
        '''
        """Module docstring: not shown."""
        import streamlit as st
        st.slider("A slider", 0, 5)
        st.button("A button")
        x = 5
        x
        "a string"
        f"formatted {x}"
        if x > 3:
            "inside if"
        for i in range(2):
            i
        def f():
            "function docstring"
            return 1
        f()
        [i * 2 for i in range(3)]
        with st.expander("box"):
            "in the box"
        x == 5
        (lambda: 3)()
        st.write("last")
        ''',
    ),
    "enum_and_object_options": App(
        """
        import enum
        import streamlit as st
        class Colour(enum.Enum):
            RED = 1
            GREEN = 2
        c = st.selectbox("Colour", Colour, format_func=lambda m: m.name.title())
        st.write(c is Colour.GREEN, c.name)
        people = [{"id": 1, "name": "Ann"}, {"id": 2, "name": "Bob"}]
        p = st.radio("Person", people, format_func=lambda d: d["name"])
        st.write(p)
        many = st.multiselect("Several", Colour, default=[Colour.RED], format_func=lambda m: m.name)
        st.write([m.name for m in many])
        n = st.select_slider("Number", options=[1, 2, 4, 8], value=4)
        st.write(n * 2)
        """,
        [
            ("selectbox", 0, "select_index", 1),
            ("radio", 0, "set_value", {"id": 2, "name": "Bob"}),
            ("multiselect", 0, "set_value", []),
            ("select_slider", 0, "set_value", 8),
            ("run",),
        ],
    ),
    "pandas_options_and_write": App(
        """
        import numpy as np
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"team": ["A", "B", "C"], "score": [3, 9, 5]})
        team = st.selectbox("Team", df["team"])
        teams = st.multiselect("Teams", df["team"].unique(), default=["A"])
        level = st.select_slider("Level", np.array([1, 2, 3]))
        st.write(df[df["team"] == team])
        st.write(df["score"])
        st.write(np.arange(4))
        st.write(df.to_dict("records"))
        st.write(pd.Series({"x": 1.5}))
        st.write(team, teams, level)
        """,
        [
            ("selectbox", 0, "select", "C"),
            ("multiselect", 0, "select", "B"),
            ("select_slider", 0, "set_value", 3),
        ],
    ),
    "accept_new_options": App(
        """
        import streamlit as st
        tag = st.selectbox("Tag", ["bug", "feature"], accept_new_options=True, index=None)
        tags = st.multiselect("Tags", ["a", "b"], accept_new_options=True)
        st.write(tag, tags)
        r = st.radio("None chosen", ["p", "q"], index=None)
        st.write(r)
        """,
        [
            # A typed new option on the selectbox is left out: Streamlit's AppTest
            # cannot send one (it looks the text up among the options).
            ("selectbox", 0, "set_value", "feature"),
            ("multiselect", 0, "set_value", ["a", "new one"]),
            ("radio", 0, "set_value", "q"),
        ],
    ),
    "stateful_tabs_expanders": App(
        """
        import streamlit as st
        t1, t2 = st.tabs(["One", "Two"], key="tabs", on_change="rerun")
        with t1:
            st.write("first tab")
        with t2:
            st.write("second tab")
        with st.expander("More", key="more", on_change="rerun"):
            st.write("hidden text")
        st.write(st.session_state.get("tabs"), st.session_state.get("more"))
        """,
        [("run",)],
    ),
    "session_state_before_first_run": App(
        """
        import streamlit as st
        st.session_state.setdefault("theme", "light")
        choice = st.radio("Theme", ["light", "dark"], key="theme")
        st.write("theme is", choice)
        st.text_input("Name", key="who")
        st.write(st.session_state.who)
        """,
        [
            ("session_state", "who", "Zed"),
            ("session_state", "theme", "dark"),
            ("radio", "theme", "set_value", "light"),
        ],
    ),
    "sidebar_form_and_columns": App(
        """
        import streamlit as st
        with st.sidebar:
            with st.form("login"):
                user = st.text_input("User")
                pw = st.text_input("Password", type="password")
                ok = st.form_submit_button("Log in")
            a, b = st.columns(2)
            a.button("Help")
            b.button("About")
        if ok and user and pw:
            st.session_state.user = user
        if "user" in st.session_state:
            st.success(f"Logged in as {st.session_state.user}")
            left, right = st.columns([1, 3], vertical_alignment="center")
            left.image("https://example.com/avatar.png", width=64)
            right.subheader(st.session_state.user)
        else:
            st.info("Please log in", icon="🔒")
        """,
        [
            ("form_submit_button", 0, "click"),
            [
                ("text_input", 0, "input", "amy"),
                ("text_input", 1, "input", "pw"),
                ("form_submit_button", 0, "click"),
            ],
            ("button", 0, "click"),
        ],
    ),
    "chat_with_files": App(
        """
        import streamlit as st
        got = st.chat_input("Ask or attach", accept_file="multiple", file_type=["txt", "csv"])
        if got:
            st.write("text:", got.text)
            st.write([f.name for f in got.files])
            with st.chat_message("assistant"):
                st.write_stream(iter(["Got ", str(len(got.files)), " files"]))
        """,
        [
            ("chat_input", 0, "set_value", "hi"),
            [
                ("chat_input", 0, "upload", "a.txt", b"aa", "text/plain"),
                ("chat_input", 0, "set_value", "with file"),
            ],
            ("run",),
        ],
    ),
    "progress_loop_and_status_error": App(
        """
        import streamlit as st
        items = ["a", "b", "c", "d"]
        bar = st.progress(0.0)
        for i, item in enumerate(items, 1):
            bar.progress(i / len(items), text=f"{item} ({i}/{len(items)})")
        st.progress(100)
        with st.status("Validating", state="running") as s:
            st.write("checking")
            try:
                int("x")
            except ValueError as e:
                s.update(label="Invalid input", state="error", expanded=True)
                st.exception(e)
        """,
    ),
    "cache_with_hash_and_ttl": App(
        """
        import datetime
        import pandas as pd
        import streamlit as st
        st.session_state.setdefault("loads", 0)

        @st.cache_data(ttl=3600, show_spinner="Loading...")
        def load(day, frame):
            st.session_state.loads += 1
            return frame.assign(day=str(day))

        @st.cache_data(hash_funcs={dict: lambda d: tuple(sorted(d))})
        def keys_of(d):
            return sorted(d)

        frame = pd.DataFrame({"v": [1, 2]})
        day = st.date_input("Day", datetime.date(2024, 1, 1))
        out = load(day, frame)
        st.dataframe(out)
        st.write(keys_of({"b": 1, "a": 2}), st.session_state.loads)
        if st.button("Clear all"):
            st.cache_data.clear()
        """,
        [
            ("date_input", 0, "set_value", D(2024, 1, 2)),
            ("date_input", 0, "set_value", D(2024, 1, 1)),
            ("button", 0, "click"),
            ("run",),
        ],
    ),
    "numbers_and_sliders_formats": App(
        """
        import streamlit as st
        pct = st.slider("Percent", 0, 100, 50, format="%d%%")
        money = st.slider("Budget", 0.0, 1000.0, 250.0, 50.0, format="$%.0f")
        n = st.number_input("Int step", 0, 100, 10, 5)
        f = st.number_input("Float", 0.0, 1.0, 0.5, 0.1)
        st.write(pct, money, n, round(f, 2))
        """,
        [
            ("slider", 0, "set_value", 75),
            ("slider", 1, "set_value", 900.0),
            ("number_input", 0, "increment"),
            ("number_input", 1, "increment"),
            ("number_input", 1, "increment"),
        ],
    ),
    "callback_stop_and_switch_page": App(
        """
        import streamlit as st
        st.session_state.setdefault("runs", 0)
        st.session_state.runs += 1

        def halt():
            st.session_state.halted = True
            st.stop()
            st.session_state.never = True

        def again():
            st.session_state.again = st.session_state.get("again", 0) + 1
            st.rerun()
            st.session_state.never = True

        # st.switch_page in a callback is left out: Streamlit's AppTest finds no
        # page from a callback (StreamlitPageNotFoundError), its server does;
        # rillet switches, as the server does.
        st.button("Halt", on_click=halt)
        if st.button("Again", on_click=again):
            st.write("not shown: the rerun puts the button back at rest")
        st.write("runs", st.session_state.runs)
        """,
        [("button", 0, "click"), ("run",), ("button", 1, "click"), ("run",)],
    ),
    "cached_loader_messages": App(
        """
        import streamlit as st

        @st.cache_data
        def load(name):
            st.info(f"Loading {name} from the warehouse")
            with st.expander("Query"):
                st.code(f"SELECT * FROM {name}", language="sql")
            return [1, 2, 3] if name == "sales" else [4]

        @st.cache_resource
        def connect():
            st.sidebar.success("Connected")
            return "conn"

        conn = connect()
        table = st.selectbox("Table", ["sales", "stock"])
        with st.container(border=True):
            rows = load(table)
            st.write(len(rows), "rows")
        st.write(load("sales"))
        """,
        [("selectbox", 0, "select", "stock"), ("selectbox", 0, "select", "sales"), ("run",)],
    ),
    "form_without_submit": App(
        """
        import streamlit as st
        with st.form("draft"):
            note = st.text_input("Note")
        st.write("note", note)
        """,
        drop_kinds={
            "error": "Streamlit's browser client shows a form without a submit button as an "
            "error; rillet sends that error from the server, so its AppTest sees it too",
        },
        skip_accessors={"error": "as drop_kinds"},
    ),
    "fragment_errors_and_celebrations": App(
        """
        import streamlit as st

        @st.fragment
        def panel():
            st.write("panel start")
            if st.session_state.get("fail"):
                raise ValueError("panel broke")
            if st.button("Only this panel"):
                st.rerun(scope="fragment")
            st.write("panel end")

        st.toggle("Break the panel", key="fail")
        panel()
        if st.button("Celebrate"):
            st.balloons()
            st.snow()
        st.write("page end")
        """,
        [("button", 1, "click"), ("button", 0, "click"), ("toggle", "fail", "set_value", True)],
        known=[
            Known(
                "exception", ("body", "extra", "message"), "rillet words and names its own errors"
            )
        ],
    ),
    "callbacks_in_widget_order": App(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])

        def note(name):
            st.session_state.log.append(name)

        st.text_input("First", key="first", on_change=note, args=("first",))
        st.checkbox("Second", key="second", on_change=note, args=("second",))
        st.slider("Third", 0, 9, key="third", on_change=note, args=("third",))
        st.write(st.session_state.log)
        """,
        [
            [
                ("slider", "third", "set_value", 3),
                ("text_input", "first", "input", "x"),
                ("checkbox", "second", "check"),
            ],
            ("run",),
        ],
    ),
    "state_value_outside_bounds": App(
        """
        import streamlit as st
        # Only the first run is compared: on the next, Streamlit shows the slider
        # holding 50 (outside 0..10) without an error; rillet shows the error again
        # until the value is fixed.
        if "level" not in st.session_state:
            st.session_state.level = 50
        st.write("before")
        st.slider("Level", 0, 10, key="level")
        st.write("after")
        """,
        known=[
            Known(
                "exception", ("body", "extra", "message"), "rillet words and names its own errors"
            )
        ],
    ),
    "page_objects_and_titles": App(
        """
        import streamlit as st
        pages = [
            st.Page("1_📈_Plotting_Demo.py"),
            st.Page("reports/weekly_sales.py", icon="📊"),
            st.Page("settings.py", title="Preferences", url_path="prefs"),
        ]
        pg = st.navigation({"Analysis": pages[:2], "Account": pages[2:]})
        st.sidebar.write([(p.title, p.url_path, p.icon) for p in pages])
        st.sidebar.write("now", pg.title, pg.url_path)
        pg.run()
        """,
        [("button", 0, "click"), ("run",), ("button", 0, "click")],
        files={
            "1_📈_Plotting_Demo.py": """
                import streamlit as st
                st.header("Plotting")
                if st.button("To settings"):
                    st.switch_page("settings.py", query_params={"tab": "privacy"})
                """,
            "reports/weekly_sales.py": """
                import streamlit as st
                st.header("Weekly")
                """,
            "settings.py": """
                import streamlit as st
                st.header("Settings")
                st.write(st.query_params.to_dict())
                if st.button("Back"):
                    st.switch_page("1_📈_Plotting_Demo.py")
                """,
        },
    ),
    "errors_inside_containers": App(
        """
        import streamlit as st
        where = st.radio("Fail in", ["nowhere", "sidebar", "column", "expander", "chat", "status", "dialog"])

        @st.dialog("Details")
        def details():
            st.write("in dialog")
            raise ValueError("dialog failed")

        st.write("top")
        if where == "sidebar":
            with st.sidebar:
                st.write("side")
                raise ValueError("sidebar failed")
        if where == "column":
            _, right = st.columns(2)
            with right:
                st.write("right column")
                1 / 0
        if where == "expander":
            with st.expander("More", expanded=True):
                raise KeyError("expander failed")
        if where == "chat":
            with st.chat_message("assistant"):
                st.write("thinking")
                raise TypeError("chat failed")
        if where == "status":
            with st.status("Working"):
                raise RuntimeError("status failed")
        if where == "dialog":
            details()
        st.write("bottom")
        """,
        [
            ("radio", 0, "set_value", "sidebar"),
            ("radio", 0, "set_value", "column"),
            ("radio", 0, "set_value", "expander"),
            ("radio", 0, "set_value", "chat"),
            ("radio", 0, "set_value", "status"),
            ("radio", 0, "set_value", "dialog"),
            ("radio", 0, "set_value", "nowhere"),
        ],
        skip_accessors={"container": "as in dialog_app: Streamlit's dialog body is a container"},
    ),
    "select_all_and_reset": App(
        """
        import streamlit as st
        fruits = ["apple", "banana", "cherry"]

        def toggle_all():
            for f in fruits:
                st.session_state[f"pick_{f}"] = st.session_state.all

        def reset():
            st.session_state.all = False
            for f in fruits:
                st.session_state[f"pick_{f}"] = False
            st.session_state.qty = 1
            st.session_state.note = ""

        st.checkbox("Select all", key="all", on_change=toggle_all)
        for f in fruits:
            st.checkbox(f.title(), key=f"pick_{f}")
        st.number_input("Quantity", 1, 10, key="qty")
        st.text_input("Note", key="note")
        st.button("Reset", on_click=reset)
        chosen = [f for f in fruits if st.session_state[f"pick_{f}"]]
        st.write(f"{len(chosen)} chosen:", chosen, st.session_state.qty, st.session_state.note)
        """,
        [
            ("checkbox", "all", "check"),
            ("checkbox", "pick_banana", "uncheck"),
            [("number_input", "qty", "set_value", 4), ("text_input", "note", "input", "ripe")],
            ("button", 0, "click"),
            ("checkbox", "pick_cherry", "check"),
        ],
    ),
    "wizard_steps": App(
        """
        import streamlit as st
        st.session_state.setdefault("step", 1)
        st.session_state.setdefault("answers", {})
        st.progress(st.session_state.step / 3, text=f"Step {st.session_state.step} of 3")

        def go(delta):
            st.session_state.step += delta

        if st.session_state.step == 1:
            st.session_state.answers["name"] = st.text_input("Name", st.session_state.answers.get("name", ""))
        elif st.session_state.step == 2:
            st.session_state.answers["plan"] = st.radio("Plan", ["Basic", "Pro"])
        else:
            st.success("Review")
            st.json(st.session_state.answers)
        back, next_ = st.columns(2)
        back.button("Back", on_click=go, args=(-1,), disabled=st.session_state.step == 1)
        next_.button("Next", on_click=go, args=(1,), disabled=st.session_state.step == 3)
        """,
        [
            ("text_input", 0, "input", "Ada"),
            ("button", 1, "click"),
            ("radio", 0, "set_value", "Pro"),
            ("button", 1, "click"),
            ("button", 0, "click"),
            ("button", 0, "click"),
        ],
    ),
    "disable_after_use": App(
        """
        import streamlit as st
        st.session_state.setdefault("locked", False)

        def lock():
            st.session_state.locked = True

        locked = st.session_state.locked
        if st.button("Generate report", on_click=lock, disabled=locked):
            st.write("generating (not shown: the button is disabled in this run)")
        agree = st.checkbox("I agree", on_change=lock, disabled=locked)
        name = st.text_input("Name", "anon", key="who", disabled=locked)
        st.write("locked", locked, "agree", agree, "name", name)
        if st.button("Unlock"):
            st.session_state.locked = False
            st.rerun()
        """,
        [
            ("button", 0, "click"),
            ("button", 1, "click"),
            # The checkbox's callback locks the page: in that very run both changes
            # are taken back (the widgets are disabled now).
            [("checkbox", 0, "check"), ("text_input", "who", "input", "changed")],
            ("run",),
            ("button", 1, "click"),
            ("text_input", "who", "input", "kept"),
        ],
    ),
    "write_everything": App(
        """
        import collections, datetime, decimal, enum, json, pathlib, types
        import numpy as np
        import pandas as pd
        import streamlit as st

        class Color(enum.Enum):
            RED = 1

        Point = collections.namedtuple("Point", "x y")
        st.write(np.float64(1.5), np.int64(3), np.bool_(True), np.datetime64("2024-01-01"))
        st.write(pd.Timestamp("2024-01-02"), pd.Timedelta("1h"), pd.NaT, datetime.datetime(2024, 1, 2, 3, 4))
        st.write(datetime.time(1, 2), datetime.timedelta(hours=1), decimal.Decimal("1.10"))
        st.write(pathlib.PurePosixPath("/tmp/x"), Color.RED, Point(1, 2))
        st.write(("a", "b"), {1, 2}, frozenset(), None, b"bytes", bytearray(b"x"))
        st.write(lambda x: x)
        st.write(json)
        st.write(types.SimpleNamespace(a=1))
        st.write(np.array([[1, 2], [3, 4]]), pd.Index([1, 2]), pd.Series([1.5], name="s"))
        st.write(pd.DataFrame({"a": [1]}).style)
        st.write({"list": [1, 2], "nested": {"deep": [1, {"x": None}]}})
        st.write(collections.OrderedDict(a=1), collections.Counter("aab"), collections.defaultdict(int, k=2))
        st.write(dict(a=1).items(), dict(a=1).keys(), dict(a=1).values())
        st.write(collections.UserList([1]), collections.UserDict(a=1), collections.ChainMap({"a": 1}))
        st.write(types.MappingProxyType({"m": 1}), map(str, [1]), enumerate("z"))
        st.write(float("nan"), float("inf"), 10**20, -0.0, complex(1, 2), 1e-10)
        st.write(range(5))
        st.write(zip([1], [2]))
        st.write(ValueError)
        st.write(Color)
        st.session_state.shown = True
        st.write(st.session_state)
        st.write("multi\\nline string", "**bold**")
        """,
    ),
    "forms_required_and_columns": App(
        """
        import streamlit as st
        with st.form("profile", border=False, enter_to_submit=False):
            left, right = st.columns(2)
            name = left.text_input("Name", required=True)
            age = right.number_input("Age", value=None, required=True)
            country = st.selectbox("Country", ["Chile", "Kenya"], index=None, required=True)
            save_col, cancel_col = st.columns([1, 1])
            saved = save_col.form_submit_button("Save", type="primary", use_container_width=True)
            cancelled = cancel_col.form_submit_button("Cancel", icon=":material/close:")
        st.write(saved, cancelled, name, age, country)
        with st.form(key="feedback_form"):
            st.text_area("Feedback", key="fb")
            st.form_submit_button(
                "Send", on_click=lambda: st.session_state.update(sent=st.session_state.fb)
            )
        st.write(st.session_state.get("sent"))
        """,
        [
            ("form_submit_button", 0, "click"),
            [
                ("text_input", 0, "input", "Ana"),
                ("number_input", 0, "set_value", 30),
                ("selectbox", 0, "select", "Kenya"),
                ("form_submit_button", 1, "click"),
            ],
            ("form_submit_button", 0, "click"),
            [("text_area", "fb", "input", "great"), ("form_submit_button", 2, "click")],
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(APPS))
def test_sweep_app_shows_the_same_as_streamlit(tmp_path: Path, name: str) -> None:
    diffs, _ = differences(tmp_path, APPS[name])
    assert not diffs, f"{name}: rillet differs from Streamlit\n\n" + "\n\n".join(diffs)
