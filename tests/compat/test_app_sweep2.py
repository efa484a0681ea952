"""A second sweep of ordinary Streamlit apps: rillet shows what Streamlit shows.

test_app_sweep.py's apps, continued with the rest of the non-data API:
chat bots, multipage navigation, dialogs, fragments, forms holding every
widget, status and progress, layouts, placeholders, caching, query params,
session-state patterns, secrets and context, page config, echo, help, code,
text elements, pickers, uploads, downloads, errors and control flow. Each
app runs unchanged through Streamlit's AppTest and rillet's (the
``streamlit`` alias on), through the interactions a user makes; after every
run sweep.py compares every element's kind, label, value, options and public
attributes, the size of every list accessor, and the session state. Each
declared difference says why it is acceptable.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from harness import Known
from sweep import App, differences, scan_components_once

pytest.importorskip("streamlit")
pytestmark = [pytest.mark.streamlit, pytest.mark.usefixtures(scan_components_once.__name__)]

D = datetime.date
T = datetime.time

# Errors raised by st.* itself are worded by rillet (never Streamlit's text):
# for them only whether and where an error shows is compared.
OWN_WORDS = Known(
    "exception",
    ("body", "extra", "message"),
    "rillet words the errors its commands raise itself (never Streamlit's text)",
)

APPS: dict[str, App] = {
    "llm_chat_stream": App(
        """
        import streamlit as st
        st.set_page_config(page_title="Chat", page_icon="💬")
        with st.sidebar:
            model = st.selectbox("Model", ["small", "large"], key="model")
            temperature = st.slider("Temperature", 0.0, 1.0, 0.7, 0.1)
            st.button("New chat", on_click=lambda: st.session_state.pop("history", None))
        st.title("💬 Chatbot")
        st.caption(f"Model {model} at {temperature}")
        history = st.session_state.setdefault("history", [])
        for turn in history:
            with st.chat_message(turn["role"], avatar="🧑" if turn["role"] == "user" else None):
                st.write(turn["text"])

        def fake_llm(prompt):
            for token in ["Sure", ", ", "here ", "is ", prompt[::-1]]:
                yield token

        if prompt := st.chat_input("Ask me", key="ask"):
            history.append({"role": "user", "text": prompt})
            with st.chat_message("user", avatar="🧑"):
                st.write(prompt)
            with st.chat_message("assistant"):
                answer = st.write_stream(fake_llm(prompt))
            history.append({"role": "assistant", "text": answer})
            st.write(len(history), type(answer).__name__)
        """,
        [
            ("chat_input", "ask", "set_value", "hello"),
            ("selectbox", "model", "select", "large"),
            ("chat_input", "ask", "set_value", "abc"),
            ("button", 0, "click"),
            ("run",),
        ],
    ),
    "write_stream_mixed_chunks": App(
        """
        import streamlit as st
        def chunks():
            yield "Hello "
            yield "**world**"
            yield {"a": 1}
            yield "tail"
            yield " end"
        out = st.write_stream(chunks())
        st.write(out)
        out2 = st.write_stream(["x", "y", "z"])
        st.write(out2)
        def nothing():
            return
            yield
        st.write(st.write_stream(nothing()))
        def with_calls():
            yield "before "
            yield lambda: st.caption("a chunk that is a function is called")
            yield "after"
        called = st.write_stream(with_calls)
        st.write(type(called).__name__, len(called))
        st.write(called)
        st.write(st.write_stream(lambda: iter(["lam", "bda"])))
        """,
        known=[OWN_WORDS],
    ),
    "navigation_sections": App(
        """
        import streamlit as st

        def home():
            st.title("Home")
            st.page_link(settings_page, label="Go to settings", icon="⚙️")
            if st.button("Open reports"):
                st.switch_page(reports_page)

        def settings():
            st.title("Settings")
            st.toggle("Dark mode", key="dark")
            st.write(st.session_state.get("dark"))

        def reports():
            st.title("Reports")
            st.write("q", st.query_params.to_dict())

        home_page = st.Page(home, title="Home", icon="🏠", default=True)
        settings_page = st.Page(settings, title="Settings", url_path="prefs")
        reports_page = st.Page(reports, title="Reports", icon=":material/bar_chart:")
        pg = st.navigation({"Main": [home_page], "Admin": [settings_page, reports_page]})
        st.sidebar.write("You are on", pg.title)
        pg.run()
        """,
        [
            ("button", 0, "click"),
            ("run",),
        ],
    ),
    "navigation_files_switch": App(
        """
        import streamlit as st
        pages = [
            st.Page("views/intro.py", title="Intro", default=True),
            st.Page("views/form.py", title="Form", icon="📝"),
        ]
        pg = st.navigation(pages, position="top")
        st.session_state.setdefault("visits", 0)
        st.session_state.visits += 1
        pg.run()
        st.caption(f"visits {st.session_state.visits}")
        """,
        [
            ("button", 0, "click"),
            ("text_input", "who", "input", "Zoe"),
            ("button", 0, "click"),
            ("run",),
        ],
        files={
            "views/intro.py": """
                import streamlit as st
                st.header("Intro")
                if st.button("Start the form"):
                    st.switch_page("views/form.py")
            """,
            "views/form.py": """
                import streamlit as st
                st.header("Form")
                name = st.text_input("Your name", key="who")
                if st.button("Back", disabled=not name):
                    st.switch_page("views/intro.py")
                st.write(name)
            """,
        },
    ),
    "dialog_edit_record": App(
        """
        import streamlit as st
        st.session_state.setdefault("items", {"apple": 3, "pear": 1})

        @st.dialog("Edit item", width="medium", icon=":material/edit:")
        def edit(name):
            with st.form("edit_form"):
                qty = st.number_input("Quantity", 0, 99, st.session_state["items"][name])
                note = st.text_input("Note")
                if st.form_submit_button("Save"):
                    st.session_state["items"][name] = qty
                    st.session_state.note = note
                    st.rerun()

        for name, qty in st.session_state["items"].items():
            left, right = st.columns([3, 1], vertical_alignment="center")
            left.write(f"{name}: {qty}")
            if right.button("Edit", key=f"edit_{name}"):
                edit(name)
        st.write(st.session_state.get("note"))
        """,
        [
            ("button", "edit_pear", "click"),
            [
                ("number_input", 0, "set_value", 7),
                ("text_input", 0, "input", "ripe"),
                ("form_submit_button", 0, "click"),
            ],
            ("run",),
        ],
        skip_accessors={
            "container": "Streamlit's AppTest holds a dialog's body in one vertical container "
            "(counted by at.container), rillet's in the dialog block itself",
        },
    ),
    "dialog_not_dismissible": App(
        """
        import streamlit as st

        @st.dialog("Terms", dismissible=False, on_dismiss="rerun")
        def terms():
            st.markdown("Please accept the **terms**.")
            agree = st.checkbox("I agree")
            if st.button("Continue", disabled=not agree):
                st.session_state.accepted = True
                st.rerun()

        if not st.session_state.get("accepted"):
            terms()
            st.write("waiting")
        else:
            st.success("Thanks")
        """,
        [
            ("checkbox", 0, "check"),
            ("button", 0, "click"),
            ("run",),
        ],
        skip_accessors={
            "container": "as in dialog_edit_record",
        },
    ),
    "fragment_scoped_reruns": App(
        """
        import streamlit as st
        st.session_state.setdefault("app_runs", 0)
        st.session_state.app_runs += 1
        st.write("app runs", st.session_state.app_runs)

        @st.fragment
        def cart():
            st.session_state.setdefault("n", 0)
            qty = st.number_input("Quantity", 0, 10, key="qty")
            if st.button("Checkout"):
                st.session_state.done = True
                st.rerun()
            st.write("in cart", st.session_state.n)
            if st.button("Add"):
                st.session_state.n += qty
                # AppTest reruns the whole app for a widget in a fragment (as
                # Streamlit's does), so this shows the error a full run gets.
                st.rerun(scope="fragment")

        cart()
        if st.session_state.get("done"):
            st.balloons()
            st.success("Ordered")
        """,
        [
            ("number_input", "qty", "set_value", 2),
            ("button", 1, "click"),
            ("button", 0, "click"),
            ("run",),
        ],
        known=[OWN_WORDS],
    ),
    "fragment_run_every_and_args": App(
        """
        import datetime
        import streamlit as st

        @st.fragment(run_every=datetime.timedelta(minutes=5))
        def clock(label, *, fmt="%H"):
            st.metric(label, "12:00")
            st.checkbox("Pause", key=f"pause_{label}")

        @st.fragment(run_every="10m")
        def feed():
            st.write("feed")

        clock("Paris")
        clock("Lima", fmt="%M")
        feed()
        with st.sidebar:
            clock("Side")
        """,
        [("checkbox", "pause_Lima", "check"), ("run",)],
    ),
    "form_every_widget": App(
        """
        import datetime
        import streamlit as st
        with st.form("everything"):
            st.subheader("All inputs")
            t = st.text_input("Text", "hi")
            a = st.text_area("Area", height=120, max_chars=50)
            n = st.number_input("Int", 0, 10, 5)
            f = st.number_input("Float", 0.0, 1.0, 0.5, 0.05, format="%.2f")
            s = st.slider("Range", 0, 100, (10, 90), 5)
            ss = st.select_slider("Shirt", ["S", "M", "L"], "M")
            sb = st.selectbox("Pick", ["x", "y", "z"])
            ms = st.multiselect("Many", ["p", "q", "r"])
            r = st.radio("One", ["a", "b"], horizontal=True, captions=["first", "second"])
            c = st.checkbox("Check")
            tg = st.toggle("Toggle")
            d = st.date_input("Dates", (datetime.date(2024, 1, 1), datetime.date(2024, 1, 7)))
            tm = st.time_input("At", datetime.time(9, 30), step=datetime.timedelta(minutes=30))
            col = st.color_picker("Colour", "#FF0000")
            pl = st.pills("Pills", ["one", "two"], selection_mode="multi")
            sc = st.segmented_control("Seg", ["L", "R"], default="L")
            fb = st.feedback("stars")
            up = st.file_uploader("File", type=["txt", "csv"])
            go = st.form_submit_button("Submit")
        if go:
            st.write(t, a, n, f, s, ss, sb, ms, r, c, tg, d, tm, col, pl, sc, fb, up)
        """,
        [
            [
                ("text_input", 0, "input", "typed"),
                ("text_area", 0, "input", "long text"),
                ("number_input", 0, "set_value", 8),
                ("number_input", 1, "set_value", 0.75),
                ("slider", 0, "set_range", 20, 30),
                ("select_slider", 0, "set_value", "L"),
                ("selectbox", 0, "select", "z"),
                ("multiselect", 0, "select", "q"),
                ("radio", 0, "set_value", "b"),
                ("checkbox", 0, "check"),
                ("toggle", 0, "set_value", True),
                ("date_input", 0, "set_value", (D(2024, 2, 1), D(2024, 2, 2))),
                ("time_input", 0, "set_value", T(10, 0)),
                ("color_picker", 0, "pick", "#00FF00"),
                ("button_group", 0, "select", "two"),
                ("button_group", 1, "set_value", "R"),
                ("feedback", 0, "set_value", 2),
                ("form_submit_button", 0, "click"),
            ],
            ("run",),
        ],
    ),
    "form_clear_on_submit": App(
        """
        import streamlit as st
        st.session_state.setdefault("notes", [])
        with st.form("note_form", clear_on_submit=True, border=False):
            note = st.text_input("Note", key="note_text")
            urgent = st.checkbox("Urgent")
            if st.form_submit_button("Add note", icon="➕"):
                st.session_state.notes.append((note, urgent))
        for text, flag in st.session_state.notes:
            st.write(("🔥 " if flag else "") + text)
        """,
        [
            [("text_input", 0, "input", "milk"), ("form_submit_button", 0, "click")],
            [
                ("text_input", 0, "input", "bread"),
                ("checkbox", 0, "check"),
                ("form_submit_button", 0, "click"),
            ],
        ],
        known=[
            Known(
                "text_input",
                ("value",),
                "clear_on_submit: rillet puts the submitted form's "
                "widgets back to their defaults at the end of the run, as the browser shows "
                "them; Streamlit's AppTest has no browser to clear them and keeps the "
                "submitted values (the notes written from them are compared)",
            ),
            Known("checkbox", ("value",), "as text_input"),
        ],
        skip_state={"note_text": "as the text_input's value"},
    ),
    "status_progress_toast_job": App(
        """
        import streamlit as st
        steps = st.number_input("Steps", 1, 5, 3)
        if st.button("Run pipeline", type="primary", icon=":material/play_arrow:"):
            bar = st.progress(0.0, text="Starting")
            log = st.empty()
            with st.status("Running pipeline...", expanded=True) as status:
                for i in range(steps):
                    st.write(f"step {i + 1}")
                    bar.progress((i + 1) / steps, text=f"{i + 1}/{steps}")
                    log.text(f"last: {i + 1}")
                status.update(label="Pipeline done", state="complete")
            st.toast("Done", icon=":material/check:", duration="long")
            st.toast("Saved")
            with st.spinner():
                pass
            bar.empty()
        """,
        [
            ("button", 0, "click"),
            ("number_input", 0, "set_value", 1),
            ("button", 0, "click"),
            ("run",),
        ],
    ),
    "columns_variants": App(
        """
        import streamlit as st
        a, b, c = st.columns([1, 2, 1], gap="large", border=True)
        a.button("A")
        b.text_input("B")
        c.checkbox("C")
        for gap in ["small", "medium", None]:
            cols = st.columns(2, gap=gap, vertical_alignment="bottom")
            cols[0].write(str(gap))
            cols[1].button("Go", key=f"go_{gap}")
        left, right = st.columns((0.3, 0.7), vertical_alignment="center")
        with left:
            inner = st.columns(2)
            inner[0].write("nested one")
            inner[1].write("nested two")
        with right:
            st.metric("Users", 10, 2, border=True)
        row = st.columns(4)
        for i, col in enumerate(row):
            col.checkbox(f"Item {i}", key=f"item{i}")
        st.write([st.session_state[f"item{i}"] for i in range(4)])
        """,
        [("checkbox", "item2", "check"), ("button", "go_None", "click")],
    ),
    "containers_popover_expander": App(
        """
        import streamlit as st
        box = st.container(height=200, border=True, key="scroll_box")
        for i in range(3):
            box.write(f"line {i}")
        plain = st.container(border=False)
        plain.write("plain")
        with st.container(key="outer"):
            with st.expander("Advanced", icon="🔧"):
                level = st.slider("Level", 0, 5, 1, key="level")
            with st.popover("Filters", icon=":material/filter_list:", help="Pick"):
                only = st.checkbox("Only active", key="only")
                st.radio("Sort", ["asc", "desc"], key="sort")
        st.write(level, only, st.session_state.sort)
        st.sidebar.expander("Sidebar more").write("hidden text")
        with st.sidebar.popover("Menu", use_container_width=True):
            st.button("Logout", key="logout")
        """,
        [
            ("slider", "level", "set_value", 4),
            ("checkbox", "only", "check"),
            ("radio", "sort", "set_value", "desc"),
            ("button", "logout", "click"),
        ],
    ),
    "tabs_with_state": App(
        """
        import streamlit as st
        t1, t2, t3 = st.tabs(["📈 Chart", "🗃 Data", "Settings"])
        with t1:
            st.write("chart here")
            st.number_input("Points", 1, 100, 10, key="points")
        with t2:
            st.json({"points": st.session_state.points}, expanded=1)
        t3.selectbox("Theme", ["Light", "Dark"], key="theme")
        t3.write(st.session_state.theme)
        inner_a, inner_b = t2.tabs(["inner A", "inner B"])
        inner_a.write("A")
        inner_b.write("B")
        """,
        [("number_input", "points", "set_value", 50), ("selectbox", "theme", "select", "Dark")],
    ),
    "empty_slot_loop": App(
        """
        import streamlit as st
        slot = st.empty()
        for i in range(4):
            if i % 2:
                slot.write(f"text {i}")
            else:
                slot.metric("Count", i)
        chart = st.empty()
        chart.progress(10)
        chart.progress(60, text="sixty")
        chart.success("finished")
        gone = st.empty()
        gone.write("bye")
        gone.empty()
        multi = st.empty()
        with multi.container():
            st.write("first")
            st.button("Inside", key="inside")
        if st.session_state.get("inside"):
            multi.warning("replaced the container")
        st.write("end")
        """,
        [("button", "inside", "click"), ("run",)],
    ),
    "cache_variants": App(
        """
        import datetime
        import streamlit as st
        st.session_state.setdefault("calls", {"a": 0, "b": 0, "c": 0, "r": 0})
        calls = st.session_state.calls

        class Conn:
            def __init__(self, name):
                self.name = name

        @st.cache_data(ttl=3600, max_entries=2, show_spinner="Loading...")
        def load_a(n):
            calls["a"] += 1
            return list(range(n))

        @st.cache_data(ttl=datetime.timedelta(hours=1), show_spinner=False,
                       hash_funcs={Conn: lambda c: c.name})
        def load_b(conn, q):
            calls["b"] += 1
            return f"{conn.name}:{q}"

        @st.cache_data(ttl="2h", persist=False)
        def load_c(_unhashed, x):
            calls["c"] += 1
            return x * 2

        @st.cache_resource(validate=lambda r: r["ok"], max_entries=5)
        def resource(name):
            calls["r"] += 1
            return {"ok": True, "name": name}

        n = st.slider("n", 1, 5, 2)
        st.write(load_a(n), load_b(Conn("db"), "q1"), load_c(object(), n), resource("x")["name"])
        if st.button("Clear a"):
            load_a.clear()
        if st.button("Clear all data"):
            st.cache_data.clear()
        if st.button("Clear resources"):
            st.cache_resource.clear()
        st.write(dict(calls))
        """,
        [
            ("slider", 0, "set_value", 3),
            ("slider", 0, "set_value", 4),
            ("slider", 0, "set_value", 2),
            ("button", 0, "click"),
            ("run",),
            ("button", 1, "click"),
            ("run",),
            ("button", 2, "click"),
            ("run",),
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(APPS))
def test_sweep_app_shows_the_same_as_streamlit(tmp_path: Path, name: str) -> None:
    diffs, _ = differences(tmp_path, APPS[name])
    assert not diffs, f"{name}: rillet differs from Streamlit\n\n" + "\n\n".join(diffs)
