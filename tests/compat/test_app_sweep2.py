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
from sweep import TIME_SLIDER_BOUNDS, App, differences, scan_components_once

pytest.importorskip("streamlit")
pytestmark = [pytest.mark.streamlit, pytest.mark.usefixtures(scan_components_once.__name__)]

D = datetime.date
T = datetime.time

# Divergences found by this sweep and left, each with why (the apps that show
# them are left out, as the harness cannot blank a block or a whole run):
# - A widget inside an @st.cache_data/@st.cache_resource function: both show
#   a warning where it is called on a miss (widgets_inside_cached_functions),
#   but on a hit Streamlit replays the widget too; rillet replays the
#   function's other elements and the warning only (rillet/runtime/caching/
#   replay.py chose so: a replayed widget's value belongs to the run that made
#   it; Streamlit's AppTest cannot read the replayed widget's value either).
# - Two @st.dialog functions called in one run: both refuse the second, but
#   Streamlit first adds its (empty) dialog block; rillet adds none.
# - st.echo(code_location="middle"): Streamlit takes any value but "below" as
#   "above"; rillet refuses it with an error naming the argument.
# - Widgets bound to the URL (bind="query-params"): rillet's server writes a
#   bound widget's value into st.query_params, as the browser's URL shows it;
#   Streamlit's AppTest has no browser and its st.query_params keep the URL
#   the test started with.
# - An alert whose body starts with an emoji that already shows as an emoji
#   followed by U+FE0F ("⌚️ ..."): Streamlit's catalogue lacks that form and
#   leaves the U+FE0F in the body; rillet takes both as the icon.

# Errors raised by st.* itself are worded by rillet (never Streamlit's text):
# for them only whether and where an error shows is compared.
OWN_WORDS = Known(
    "exception",
    ("body", "extra", "message"),
    "rillet words the errors its commands raise itself (never Streamlit's text)",
)


def _jpeg() -> bytes:
    """A one-pixel JPEG: a camera input takes only .jpg files."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (1, 1), (255, 0, 0)).save(out, "JPEG")
    return out.getvalue()


JPEG = _jpeg()
# A one-pixel red PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944"
    "4154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
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
            if st.form_submit_button("Add note", icon=":material/add:"):
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
    "query_params_operations": App(
        """
        import streamlit as st
        qp = st.query_params
        st.write(qp.to_dict(), qp.get_all("id"), qp.get("missing", "dflt"), "tab" in qp, len(qp))
        if st.button("Set"):
            qp["tab"] = "settings"
            qp.id = ["1", "2"]
        if st.button("Update"):
            qp.update({"sort": "desc", "n": 5})
        if st.button("From dict"):
            qp.from_dict({"only": "this", "ids": [7, 8]})
        if st.button("Delete sort") and "sort" in qp:
            del qp["sort"]
        if st.button("Clear all"):
            qp.clear()
        st.write(dict(qp), qp.get_all("ids"), list(qp.keys()), qp.get("n"))
        """,
        [
            ("button", 0, "click"),
            ("button", 1, "click"),
            ("button", 3, "click"),
            ("button", 2, "click"),
            ("run",),
            ("button", 4, "click"),
            ("run",),
        ],
        query={"id": "42", "tab": "home"},
    ),
    "query_params_drive_widgets": App(
        """
        import streamlit as st
        params = st.query_params
        cities = ["Oslo", "Rome", "Tokyo"]
        default = params.get("city", "Oslo")
        city = st.selectbox("City", cities, index=cities.index(default), key="city")
        days = st.slider("Days", 1, 14, int(params.get("days", 3)), key="days")
        params["city"], params["days"] = city, str(days)
        st.write(f"{city} for {days} days", params.to_dict())
        st.link_button("Share", f"?city={city}&days={days}")
        """,
        [
            ("selectbox", "city", "select", "Tokyo"),
            ("slider", "days", "set_value", 9),
            ("run",),
        ],
        query={"city": "Rome", "days": "5"},
    ),
    "state_before_widget_creation": App(
        """
        import streamlit as st
        if "name" not in st.session_state:
            st.session_state.name = "Grace"
            st.session_state.size = 7
            st.session_state.opts = ["b"]
        st.text_input("Name", key="name")
        st.slider("Size", 0, 10, key="size")
        st.multiselect("Options", ["a", "b", "c"], key="opts")
        if st.button("Reset"):
            st.session_state.name = "Grace"
        def bump():
            st.session_state.size = min(10, st.session_state.size + 2)
        st.button("Bump", on_click=bump)
        st.write(st.session_state.name, st.session_state.size, st.session_state.opts)
        """,
        [
            ("text_input", "name", "input", "Alan"),
            ("button", 1, "click"),
            ("multiselect", "opts", "select", "c"),
            ("button", 0, "click"),
            ("run",),
        ],
        known=[OWN_WORDS],
    ),
    "widget_keys_deleted_and_recreated": App(
        """
        import streamlit as st
        show = st.checkbox("Show the editor", value=True, key="show")
        if show:
            st.text_input("Draft", "first", key="draft")
        else:
            st.write("editor hidden")
        def forget():
            if "draft" in st.session_state:
                del st.session_state["draft"]
        st.button("Forget draft", on_click=forget)
        st.write("draft" in st.session_state, st.session_state.get("draft"))
        for k in list(st.session_state.keys()):
            if k.startswith("tmp_"):
                del st.session_state[k]
        st.number_input("Temp", key="tmp_value", value=1)
        """,
        [
            ("text_input", "draft", "input", "second"),
            ("checkbox", "show", "uncheck"),
            ("checkbox", "show", "check"),
            ("text_input", "draft", "input", "third"),
            ("button", 0, "click"),
            ("run",),
            ("number_input", "tmp_value", "set_value", 5),
        ],
    ),
    "session_state_in_forms": App(
        """
        import streamlit as st
        st.session_state.setdefault("saved", None)

        def save():
            st.session_state.saved = {
                "title": st.session_state.title,
                "qty": st.session_state.qty,
                "kind": st.session_state.kind,
            }

        with st.form("order"):
            st.text_input("Title", key="title")
            st.number_input("Qty", 1, 9, key="qty")
            st.radio("Kind", ["book", "dvd"], key="kind")
            st.form_submit_button("Save", on_click=save)
        st.write("saved", st.session_state.saved)
        st.write("live", st.session_state.title, st.session_state.qty)
        """,
        [
            [("text_input", "title", "input", "Dune"), ("number_input", "qty", "set_value", 3)],
            ("form_submit_button", 0, "click"),
            [("radio", "kind", "set_value", "dvd"), ("form_submit_button", 0, "click")],
        ],
    ),
    "secrets_app": App(
        """
        import streamlit as st
        st.write(st.secrets["api_key"], st.secrets.db.user, st.secrets["db"]["port"])
        st.write("api_key" in st.secrets, "nope" in st.secrets, st.secrets.get("nope", "x"))
        st.write(len(st.secrets), sorted(st.secrets.keys()))
        st.write(st.secrets.db.to_dict() if hasattr(st.secrets.db, "to_dict") else dict(st.secrets.db))
        try:
            st.secrets["missing"]
        except KeyError:
            st.error("missing secret")
        try:
            st.secrets.missing_attr
        except AttributeError:
            st.warning("missing attribute")
        """,
        secrets={"api_key": "sk-123", "db": {"user": "admin", "port": 5432}},
    ),
    "context_info": App(
        """
        import streamlit as st
        ctx = st.context
        st.write(dict(ctx.headers), dict(ctx.cookies))
        st.write(ctx.timezone, ctx.timezone_offset, ctx.locale)
        st.write(ctx.is_embedded, ctx.url, ctx.theme.type)
        st.write(ctx.headers.get("User-Agent", "none"), ctx.headers.get_all("Accept"))
        st.write(len(ctx.cookies))
        # ctx.ip_address and reading one cookie are left out: Streamlit's AppTest
        # answers them with a MagicMock (rillet's with None, as a run with no browser).
        """,
    ),
    "page_config_variants": App(
        """
        import streamlit as st
        st.set_page_config(
            page_title="My app",
            page_icon=":material/rocket:",
            layout="centered",
            initial_sidebar_state="collapsed",
            menu_items={
                "Get help": "https://example.com/help",
                "Report a bug": None,
                "About": "# An app\\nMade with love",
            },
        )
        st.title("Configured")
        if st.toggle("Wide", key="wide"):
            st.set_page_config(layout="wide", page_title="Wide app")
        st.write("ok")
        """,
        [("toggle", "wide", "set_value", True)],
    ),
    "echo_help_exception": App(
        """
        import streamlit as st
        with st.echo():
            total = sum(range(4))
            st.write("total", total)
        with st.echo(code_location="below"):
            st.caption("below the code")

        class Model:
            '''A tiny model.'''
            size = 3
            def predict(self, x):
                '''Predict.'''
                return x

        st.help(Model)
        st.help(len)
        st.help(42)
        try:
            1 / 0
        except ZeroDivisionError as exc:
            st.exception(exc)
        st.exception(RuntimeError("not raised"))
        st.error("Something failed", icon="🚨")
        st.warning("Careful")
        st.info("Note", icon=":material/info:")
        st.success("Fine")
        """,
    ),
    "code_latex_markdown": App(
        """
        import streamlit as st
        st.code("SELECT * FROM t", language="sql")
        st.code("print('hi')\\nprint('there')", line_numbers=True)
        st.code("plain text", language=None, wrap_lines=True)
        st.code("const x = 1;", language="javascript", height=100)
        st.latex(r"e^{i\\pi} + 1 = 0", help="Euler")
        st.markdown("**Bold** :red[red] :blue-background[bg] :rainbow[rainbow] :smile: :+1:")
        st.markdown("<b>html</b>", unsafe_allow_html=True)
        st.markdown("Hover me", help="a tooltip")
        st.markdown(":material/home: home  \\n:orange-badge[badge] :small[small]")
        st.caption("caption with `code` and :green[green]", unsafe_allow_html=False)
        st.text("fixed   width", help="text help")
        st.html("<p>raw html</p>")
        st.divider()
        st.title("Title", anchor="my-title", help="title help")
        st.header("Header", divider="rainbow")
        st.subheader("Sub", divider=True, anchor=False)
        """,
    ),
    "badges_feedback_pills_segmented": App(
        """
        import streamlit as st
        st.badge("Stable", color="green", icon=":material/check:")
        st.badge("Deprecated", color="red", help="going away")
        st.markdown(":violet-badge[Inline] :gray-badge[Grey]")
        rating = st.feedback("faces", key="rating")
        if rating is not None:
            st.write(["😞", "🙁", "😐", "🙂", "😀"][rating])
        sizes = st.pills("Sizes", ["S", "M", "L"], selection_mode="multi", default=["M"],
                         format_func=lambda s: f"Size {s}", key="sizes")
        mode = st.segmented_control("Mode", ["draw", "erase"], required=True, default="draw",
                                    key="mode")
        icons = st.pills("Icons", [":material/home:", ":material/work:"], key="icons")
        st.write(sizes, mode, icons)
        """,
        [
            ("feedback", "rating", "set_value", 3),
            ("button_group", "sizes", "select", "L"),
            ("button_group", "mode", "set_value", "erase"),
            ("button_group", "icons", "set_value", ":material/work:"),
            ("feedback", "rating", "set_value", None),
        ],
        skip_attrs={
            "button_group.indices": "options that are only an icon reach Streamlit's AppTest as "
            "'' (the icon is the option's icon), so its indices fails with ValueError",
        },
    ),
    "uploads_camera_audio": App(
        """
        import streamlit as st
        csv = st.file_uploader("CSV", type="csv", key="csv", help="comma separated")
        imgs = st.file_uploader("Images", type=["png", "jpg"], accept_multiple_files=True)
        photo = st.camera_input("Photo", key="photo")
        voice = st.audio_input("Voice", sample_rate=None, key="voice")
        if csv is not None:
            st.write(csv.name, csv.type, csv.size, csv.read().decode())
        st.write(len(imgs), [f.name for f in imgs])
        if photo:
            st.image(photo, caption="you")
            st.write(photo.name, photo.size)
        if voice:
            st.audio(voice)
            st.write(voice.type)
        """,
        [
            ("file_uploader", "csv", "upload", "data.csv", b"a,b\n1,2", "text/csv"),
            ("file_uploader", 1, "set_value", [("x.png", b"PNG", "image/png")]),
            ("camera_input", "photo", "upload", "snap.jpg", JPEG),
            ("audio_input", "voice", "upload", "v.wav", b"RIFFxx", "audio/wav"),
            ("file_uploader", "csv", "clear"),
            ("camera_input", "photo", "clear"),
        ],
    ),
    "download_and_link_buttons": App(
        """
        import io
        import streamlit as st
        st.download_button("Text", "hello", file_name="hello.txt")
        st.download_button("Bytes", b"\\x00\\x01", file_name="data.bin",
                           mime="application/octet-stream", type="primary", icon="📥")
        st.download_button("CSV", io.StringIO("a,b\\n1,2").getvalue(), "t.csv", "text/csv",
                           key="csv_dl", help="Download the table", use_container_width=True)
        st.download_button("Lazy", lambda: "computed", file_name="lazy.txt", on_click="ignore")
        st.download_button("Disabled", "x", disabled=True)
        st.link_button("Docs", "https://docs.streamlit.io", type="tertiary", icon=":material/open_in_new:")
        st.link_button("Home", "https://example.com", disabled=True, help="soon")
        st.write(st.session_state.get("csv_dl"))
        """,
        [("download_button", 0, "click"), ("download_button", "csv_dl", "click"), ("run",)],
    ),
    "dates_and_times": App(
        """
        import datetime
        import streamlit as st
        start = st.date_input("Start", datetime.date(2024, 5, 1), format="DD/MM/YYYY")
        span = st.date_input("Span", (datetime.date(2024, 5, 1), datetime.date(2024, 5, 3)),
                             min_value=datetime.date(2024, 1, 1), max_value=datetime.date(2024, 12, 31))
        none_date = st.date_input("Maybe", value=None)
        alarm = st.time_input("Alarm", datetime.time(6, 45), step=300)
        tick = st.time_input("Tick", datetime.time(0, 0, 30), step=datetime.timedelta(seconds=30))
        nothing = st.time_input("No time", value=None)
        st.write(start, span, none_date, alarm, tick, nothing)
        """,
        [
            ("date_input", 0, "set_value", D(2024, 6, 2)),
            ("date_input", 1, "set_value", (D(2024, 2, 1),)),
            ("date_input", 2, "set_value", D(2025, 1, 1)),
            ("time_input", 0, "set_value", T(7, 5)),
            ("time_input", 1, "set_value", T(0, 1, 0)),
            ("time_input", 2, "set_value", T(12, 0)),
            ("date_input", 1, "set_value", (D(2024, 3, 1), D(2024, 3, 9))),
        ],
    ),
    "sliders_every_type": App(
        """
        import datetime
        import streamlit as st
        a = st.slider("Int", 0, 10)
        b = st.slider("Float", 0.0, 1.0, 0.25, format="%.2f")
        c = st.slider("Tuple", -5, 5, (-1, 1))
        d = st.slider("When", value=datetime.datetime(2024, 1, 1, 12, 0),
                      min_value=datetime.datetime(2024, 1, 1), max_value=datetime.datetime(2024, 1, 2),
                      step=datetime.timedelta(hours=1), format="MM/DD HH:mm")
        e = st.slider("Time span", value=(datetime.time(9), datetime.time(17)))
        f = st.select_slider("Color", ["red", "orange", "yellow", "green"], value=("orange", "green"))
        g = st.select_slider("Number", options=range(0, 101, 10), value=50,
                             format_func=lambda v: f"{v}%")
        st.write(a, b, c, d, e, f, g)
        """,
        [
            ("slider", 0, "set_value", 7),
            ("slider", 1, "set_value", 0.5),
            ("slider", 2, "set_range", -3, 4),
            ("slider", 3, "set_value", datetime.datetime(2024, 1, 1, 18, 0)),
            ("slider", 4, "set_range", T(10), T(12)),
            ("select_slider", 0, "set_range", "red", "yellow"),
            ("select_slider", 1, "set_value", 90),
        ],
        skip_attrs=TIME_SLIDER_BOUNDS,
    ),
    "errors_raised_and_shown": App(
        """
        import streamlit as st
        st.title("Error handling")
        choice = st.radio("Fail how?", ["nothing", "ValueError", "KeyError", "custom", "chained"],
                          key="how")
        st.error("This is st.error, not an exception")
        left, right = st.columns(2)
        with left:
            st.write("left before")
        if choice == "ValueError":
            with right:
                raise ValueError("bad value in column")
        if choice == "KeyError":
            {}["missing"]
        class AppError(Exception):
            pass
        if choice == "custom":
            raise AppError("custom **markdown** message")
        if choice == "chained":
            try:
                int("x")
            except ValueError as exc:
                raise RuntimeError("wrapped") from exc
        st.write("end reached")
        """,
        [
            ("radio", "how", "set_value", "ValueError"),
            ("radio", "how", "set_value", "KeyError"),
            ("radio", "how", "set_value", "custom"),
            ("radio", "how", "set_value", "chained"),
            ("radio", "how", "set_value", "nothing"),
        ],
    ),
    "callback_errors_and_rerun_in_callback": App(
        """
        import streamlit as st
        def boom():
            raise ZeroDivisionError("in a callback")
        def rerun_inside():
            st.session_state.clicked = True
            st.rerun()
        def stop_inside():
            st.session_state.stopped = True
            st.stop()
        st.button("Boom", on_click=boom)
        st.button("Rerun in callback", on_click=rerun_inside)
        st.button("Stop in callback", on_click=stop_inside)
        st.write(st.session_state.get("clicked"), st.session_state.get("stopped"))
        """,
        [
            ("button", 0, "click"),
            ("run",),
            ("button", 1, "click"),
            ("button", 2, "click"),
            ("run",),
        ],
    ),
    "stop_inside_layouts": App(
        """
        import streamlit as st
        with st.sidebar:
            password = st.text_input("Password", type="password", key="pw")
            if password != "open":
                st.warning("Enter the password")
                st.stop()
            st.success("Unlocked")
        with st.form("f"):
            n = st.number_input("N", 0, 5, key="n")
            sent = st.form_submit_button("Go")
            if sent and n == 0:
                st.error("N must be positive")
                st.stop()
        st.write("after form", n, sent)
        """,
        [
            ("text_input", "pw", "input", "wrong"),
            ("text_input", "pw", "input", "open"),
            ("form_submit_button", 0, "click"),
            [("number_input", "n", "set_value", 3), ("form_submit_button", 0, "click")],
        ],
    ),
    "duplicate_widget_ids": App(
        """
        import streamlit as st
        case = st.selectbox("Case", ["ok", "same label", "same key", "same label in loop"],
                            key="case")
        st.button("Save", key="save1")
        st.button("Save", key="save2")
        if case == "same label":
            st.checkbox("Agree")
            st.checkbox("Agree")
        if case == "same key":
            st.text_input("One", key="dup")
            st.number_input("Two", key="dup")
        if case == "same label in loop":
            for i in range(2):
                st.slider("Value", 0, 10)
        st.write("bottom")
        """,
        [
            ("selectbox", "case", "select", "same label"),
            ("selectbox", "case", "select", "same key"),
            ("selectbox", "case", "select", "same label in loop"),
            ("selectbox", "case", "select", "ok"),
        ],
        known=[OWN_WORDS],
    ),
    "dynamic_rows_with_keys": App(
        """
        import streamlit as st
        st.session_state.setdefault("rows", [0])
        st.session_state.setdefault("next", 1)
        def add():
            st.session_state.rows.append(st.session_state.next)
            st.session_state.next += 1
        def remove(row):
            st.session_state.rows.remove(row)
        for row in st.session_state.rows:
            c1, c2, c3 = st.columns([3, 2, 1])
            c1.text_input("Item", key=f"item_{row}", label_visibility="collapsed",
                          placeholder=f"item {row}")
            c2.number_input("Qty", 1, 100, key=f"qty_{row}", label_visibility="hidden")
            c3.button("✕", key=f"del_{row}", on_click=remove, args=(row,))
        st.button("Add row", on_click=add)
        st.write({row: (st.session_state.get(f"item_{row}"), st.session_state.get(f"qty_{row}"))
                  for row in st.session_state.rows})
        """,
        [
            ("button", 1, "click"),
            ("text_input", "item_1", "input", "pen"),
            ("number_input", "qty_1", "set_value", 4),
            ("button", "del_0", "click"),
            ("button", 1, "click"),
            ("text_input", "item_2", "input", "ink"),
        ],
    ),
    "text_areas_and_visibility": App(
        """
        import streamlit as st
        a = st.text_area("Short", height=68, max_chars=10, key="short")
        b = st.text_area("Tall", "line1\\nline2", height=300, placeholder="Write")
        c = st.text_area("Content height", height="content")
        d = st.text_area("Hidden label", label_visibility="hidden", value=None)
        e = st.text_input("Collapsed", label_visibility="collapsed", max_chars=5, value="abc")
        f = st.text_input("Icon", icon=":material/search:", autocomplete="off")
        st.write(repr(a), len(b), repr(c), repr(d), e, f)
        """,
        [
            ("text_area", "short", "input", "0123456789"),
            ("text_area", 1, "input", "x"),
            ("text_area", 3, "input", "now set"),
            ("text_input", 0, "input", "xyz"),
            ("text_input", 1, "input", "query"),
        ],
    ),
    "number_inputs_typed": App(
        """
        import streamlit as st
        a = st.number_input("Int default")
        b = st.number_input("From min", min_value=5, value="min")
        c = st.number_input("Percent", 0.0, 100.0, 12.5, step=2.5, format="%.1f")
        d = st.number_input("Sci", value=0.00012, format="%e")
        e = st.number_input("Int fmt", value=7, format="%d", icon="🔢")
        f = st.number_input("Max only", max_value=3, value=3)
        g = st.number_input("Step float", value=1.0, step=0.5)
        st.write(a, b, c, d, e, f, g, [type(x).__name__ for x in (a, b, c, d, e, f, g)])
        st.number_input("Bad format", value=1.0, format="%.1f %%")
        """,
        [
            ("number_input", 0, "increment"),
            ("number_input", 1, "increment"),
            ("number_input", 2, "decrement"),
            ("number_input", 3, "set_value", 0.5),
            ("number_input", 4, "set_value", 9),
            ("number_input", 5, "decrement"),
            ("number_input", 6, "increment"),
        ],
        known=[OWN_WORDS],
    ),
    "color_and_toggles": App(
        """
        import streamlit as st
        c1 = st.color_picker("Primary", key="c1")
        c2 = st.color_picker("Accent", "#abcdef", help="accent colour", disabled=False)
        dark = st.toggle("Dark mode", help="switch", key="dark")
        compact = st.checkbox("Compact", value=True, label_visibility="collapsed")
        st.markdown(f"<span style='color:{c1}'>sample</span>", unsafe_allow_html=True)
        st.write(c1, c2, dark, compact)
        """,
        [
            ("color_picker", "c1", "pick", "#FF00FF"),
            ("color_picker", 1, "pick", "#000000"),
            ("toggle", "dark", "set_value", True),
            ("checkbox", 0, "uncheck"),
        ],
    ),
    "mortgage_calculator": App(
        """
        import streamlit as st
        st.title("Mortgage calculator")
        col1, col2 = st.columns(2)
        home = col1.number_input("Home value", min_value=0, value=500000, step=1000)
        deposit = col1.number_input("Deposit", min_value=0, value=100000)
        rate = col2.number_input("Interest rate (%)", min_value=0.0, value=5.5)
        years = col2.number_input("Term (years)", min_value=1, value=30)
        loan = home - deposit
        monthly_rate = rate / 100 / 12
        n = years * 12
        payment = loan * monthly_rate * (1 + monthly_rate) ** n / ((1 + monthly_rate) ** n - 1)
        total = payment * n
        st.write("### Repayments")
        m1, m2, m3 = st.columns(3)
        m1.metric("Monthly", f"${payment:,.2f}")
        m2.metric("Total", f"${total:,.0f}")
        m3.metric("Interest", f"${total - loan:,.0f}")
        with st.expander("Schedule (first 3 months)"):
            balance = loan
            for month in range(1, 4):
                interest = balance * monthly_rate
                balance -= payment - interest
                st.text(f"{month}: {balance:,.2f}")
        """,
        [
            ("number_input", 0, "set_value", 400000),
            ("number_input", 2, "set_value", 4.25),
            ("number_input", 3, "set_value", 15),
        ],
    ),
    "quiz_game": App(
        """
        import streamlit as st
        questions = [
            ("Capital of France?", ["Paris", "Rome", "Madrid"], "Paris"),
            ("2 + 2?", ["3", "4", "5"], "4"),
        ]
        st.session_state.setdefault("q", 0)
        st.session_state.setdefault("score", 0)
        st.progress(st.session_state.q / len(questions),
                    text=f"Question {min(st.session_state.q + 1, len(questions))} of {len(questions)}")
        if st.session_state.q < len(questions):
            text, options, answer = questions[st.session_state.q]
            choice = st.radio(text, options, index=None, key=f"answer_{st.session_state.q}")
            def submit():
                if st.session_state[f"answer_{st.session_state.q}"] == answer:
                    st.session_state.score += 1
                st.session_state.q += 1
            st.button("Submit", disabled=choice is None, on_click=submit)
        else:
            st.success(f"Score {st.session_state.score}/{len(questions)}")
            if st.session_state.score == len(questions):
                st.balloons()
            if st.button("Restart"):
                st.session_state.q = 0
                st.session_state.score = 0
                st.rerun()
        """,
        [
            ("radio", "answer_0", "set_value", "Paris"),
            ("button", 0, "click"),
            ("radio", "answer_1", "set_value", "4"),
            ("button", 0, "click"),
            ("button", 0, "click"),
        ],
    ),
    "todo_with_checkboxes": App(
        """
        import streamlit as st
        st.session_state.setdefault("todos", [{"text": "Buy milk", "done": False}])
        def add_todo():
            text = st.session_state.new_todo.strip()
            if text:
                st.session_state.todos.append({"text": text, "done": False})
            st.session_state.new_todo = ""
        st.text_input("New to-do", key="new_todo", on_change=add_todo)
        for i, todo in enumerate(st.session_state.todos):
            todo["done"] = st.checkbox(todo["text"], value=todo["done"], key=f"todo_{i}")
        done = sum(t["done"] for t in st.session_state.todos)
        st.caption(f"{done} of {len(st.session_state.todos)} done")
        if st.button("Clear done", disabled=done == 0):
            st.session_state.todos = [t for t in st.session_state.todos if not t["done"]]
            for key in [k for k in st.session_state if k.startswith("todo_")]:
                del st.session_state[key]
            st.rerun()
        """,
        [
            ("text_input", "new_todo", "input", "Walk dog"),
            ("text_input", "new_todo", "input", "Read"),
            ("checkbox", "todo_0", "check"),
            ("checkbox", "todo_2", "check"),
            ("button", 0, "click"),
            ("run",),
        ],
    ),
    "temperature_converter_sync": App(
        """
        import streamlit as st
        st.session_state.setdefault("c", 20.0)
        st.session_state.setdefault("f", 68.0)
        def from_c():
            st.session_state.f = round(st.session_state.c * 9 / 5 + 32, 2)
        def from_f():
            st.session_state.c = round((st.session_state.f - 32) * 5 / 9, 2)
        st.number_input("Celsius", key="c", on_change=from_c, step=0.5)
        st.number_input("Fahrenheit", key="f", on_change=from_f, step=0.5)
        st.write(st.session_state.c, st.session_state.f)
        """,
        [
            ("number_input", "c", "set_value", 100.0),
            ("number_input", "f", "set_value", 32.0),
            ("number_input", "c", "increment"),
        ],
    ),
    "sidebar_radio_pages": App(
        """
        import streamlit as st
        page = st.sidebar.radio("Navigate", ["Home", "Data", "About"], key="page")
        st.sidebar.markdown("---")
        st.sidebar.caption("v1.0")
        if page == "Home":
            st.title("Welcome")
            name = st.text_input("Your name", key="home_name")
            if name:
                st.write(f"Hello, {name}!")
        elif page == "Data":
            st.header("Data")
            st.json({"rows": 3, "cols": ["a", "b"]}, expanded=False)
            st.table({"a": [1, 2], "b": [3, 4]})
        else:
            st.header("About")
            st.markdown("Made with **Streamlit**.\\n\\n- one\\n- two\\n\\n| a | b |\\n|---|---|\\n| 1 | 2 |")
        """,
        [
            ("text_input", "home_name", "input", "Kim"),
            ("radio", "page", "set_value", "Data"),
            ("radio", "page", "set_value", "About"),
            ("radio", "page", "set_value", "Home"),
        ],
    ),
    "chat_input_in_container_with_files": App(
        """
        import streamlit as st
        history = st.container(height=300, border=True)
        st.session_state.setdefault("log", [])
        for who, what in st.session_state.log:
            history.chat_message(who).write(what)
        with st.container():
            msg = st.chat_input("Message or file", accept_file=True, file_type=["txt"], key="msg")
        if msg:
            text = msg.text if hasattr(msg, "text") else msg["text"]
            files = msg.files if hasattr(msg, "files") else msg["files"]
            st.session_state.log.append(("user", text or f"{len(files)} file(s)"))
            st.session_state.log.append(("assistant", f"got {text!r} and {[f.name for f in files]}"))
            st.rerun()
        """,
        [("chat_input", "msg", "set_value", "hi"), ("run",)],
    ),
    "dialog_from_sidebar_with_tabs": App(
        """
        import streamlit as st

        @st.dialog("Settings", width="large")
        def settings():
            general, advanced = st.tabs(["General", "Advanced"])
            with general:
                st.text_input("Display name", key="display")
            with advanced:
                st.toggle("Debug", key="debug")
            if st.button("Close"):
                st.rerun()

        if st.sidebar.button("⚙️ Settings"):
            settings()
        st.write(st.session_state.get("display"), st.session_state.get("debug"))
        """,
        [
            ("button", 0, "click"),
            # AppTest reruns the whole app for a widget in a dialog (as Streamlit's
            # does) and the dialog is only open in the run its button was clicked in.
            [
                ("text_input", "display", "input", "Neo"),
                ("toggle", "debug", "set_value", True),
                ("button", 1, "click"),
            ],
            ("run",),
        ],
        skip_accessors={"container": "as in dialog_edit_record"},
    ),
    "fragment_with_form_and_columns": App(
        """
        import streamlit as st
        left, right = st.columns(2)

        @st.fragment
        def filter_panel():
            with st.form("filters"):
                q = st.text_input("Search", key="q")
                st.form_submit_button("Apply")
            st.write("query:", q)

        with left:
            filter_panel()
        with right:
            st.write("static side")
            st.metric("Hits", len(st.session_state.get("q", "")), chart_data=[1, 3, 2],
                      chart_type="bar", border=True)
        """,
        [[("text_input", "q", "input", "cats"), ("form_submit_button", 0, "click")]],
    ),
    "state_set_between_runs": App(
        """
        import streamlit as st
        st.slider("Volume", 0, 100, 30, key="vol")
        st.selectbox("Voice", ["alto", "bass"], key="voice")
        st.checkbox("Mute", key="mute")
        st.text_input("Greeting", key="greet")
        st.write(st.session_state.vol, st.session_state.voice, st.session_state.mute,
                 st.session_state.greet, len(st.session_state), "vol" in st.session_state)
        st.write(sorted(st.session_state.to_dict()))
        """,
        [
            ("session_state", "vol", 80),
            ("session_state", "voice", "bass"),
            [("session_state", "mute", True), ("session_state", "greet", "hey")],
            ("session_state", "extra", [1, 2]),
            ("slider", "vol", "set_value", 5),
        ],
    ),
    "session_state_errors": App(
        """
        import streamlit as st
        what = st.radio("Do", ["read missing attr", "read missing key", "set button", "ok"],
                        index=3, key="what")
        st.button("Press", key="press")
        if what == "read missing attr":
            st.write(st.session_state.nothing_here)
        if what == "read missing key":
            st.write(st.session_state["nothing"])
        if what == "set button":
            st.session_state.press = True
        st.write("done")
        """,
        [
            ("radio", "what", "set_value", "read missing attr"),
            ("radio", "what", "set_value", "read missing key"),
            ("radio", "what", "set_value", "set button"),
            ("radio", "what", "set_value", "ok"),
        ],
        known=[OWN_WORDS],
    ),
    "login_with_secrets": App(
        """
        import hmac
        import streamlit as st

        def check():
            ok = hmac.compare_digest(st.session_state.password, st.secrets["password"])
            st.session_state.ok = ok
            if ok:
                del st.session_state["password"]

        if not st.session_state.get("ok", False):
            st.text_input("Password", type="password", on_change=check, key="password")
            if "ok" in st.session_state:
                st.error("😕 Password incorrect")
            st.stop()
        st.success("Logged in")
        st.button("Log out", on_click=lambda: st.session_state.clear())
        """,
        [
            ("text_input", "password", "input", "guess"),
            ("text_input", "password", "input", "s3cret"),
            ("run",),
            ("button", 0, "click"),
        ],
        secrets={"password": "s3cret"},
    ),
    "metrics_variants": App(
        """
        import streamlit as st
        a, b, c, d = st.columns(4)
        a.metric("Temp", "70 °F", "1.2 °F", delta_arrow="down")
        b.metric("Wind", 9, -8, delta_color="inverse", delta_description="since yesterday")
        c.metric("Humidity", 0.86, 0.04, format="percent", border=True)
        d.metric("Sales", 1234.5, format="dollar", label_visibility="collapsed", chart_data=[3, 1, 2],
                 chart_type="area", help="last 3 days")
        st.metric("No delta", None)
        st.metric("Zero delta", 5, 0)
        """,
    ),
    "horizontal_containers": App(
        """
        import streamlit as st
        with st.container(horizontal=True, horizontal_alignment="right", gap="large"):
            st.button("Cancel", key="cancel")
            st.button("Save", type="primary", key="save")
        row = st.container(horizontal=True, vertical_alignment="center", border=True, key="row")
        row.write("left")
        row.checkbox("check", key="chk")
        st.space("medium")
        cols = st.columns(3, width=600, wrap=False)
        for i, col in enumerate(cols):
            col.button(f"C{i}", width="stretch")
        st.write(st.session_state.chk)
        """,
        [("button", "save", "click"), ("checkbox", "chk", "check")],
    ),
    "popover_and_expander_state": App(
        """
        import streamlit as st
        def opened():
            st.session_state.log = st.session_state.get("log", 0) + 1
        with st.expander("Details", key="details", on_change=opened):
            st.write("hidden details")
            st.number_input("Inside", key="inside")
        with st.popover("Account", key="account", type="primary"):
            st.text_input("Email", key="email")
        tabs = st.tabs(["One", "Two"], default="Two", key="tabs")
        tabs[1].write("second tab")
        st.write(st.session_state.get("log"), st.session_state.email, st.session_state.inside)
        """,
        [
            ("number_input", "inside", "set_value", 4.0),
            ("text_input", "email", "input", "a@b.c"),
        ],
    ),
    "multipage_v1_pages_folder": App(
        """
        import streamlit as st
        st.title("Main page")
        st.page_link("main.py", label="Home", icon="🏠")
        st.page_link("pages/1_📊_Stats.py", label="Stats")
        st.page_link("pages/2_Settings.py", label="Settings", disabled=True)
        st.page_link("https://streamlit.io", label="External", icon="🌍")
        if st.button("Go to stats"):
            st.switch_page("pages/1_📊_Stats.py")
        """,
        [("button", 0, "click"), ("run",)],
        pages={
            "1_📊_Stats.py": """
                import streamlit as st
                st.header("Stats")
                st.write(st.query_params.to_dict())
                if st.button("Back home"):
                    st.switch_page("main.py")
            """,
            "2_Settings.py": """
                import streamlit as st
                st.header("Settings")
            """,
        },
    ),
    "navigation_hidden_with_query": App(
        """
        import streamlit as st

        def shop():
            st.header("Shop")
            item = st.selectbox("Item", ["hat", "scarf"], key="item")
            if st.button("Checkout"):
                st.switch_page(checkout_page, query_params={"item": item, "qty": "2"})

        def checkout():
            st.header("Checkout")
            st.write(st.query_params.to_dict())
            st.page_link(shop_page, label="Back to shop", query_params={"from": "checkout"})

        shop_page = st.Page(shop, title="Shop", default=True)
        checkout_page = st.Page(checkout, title="Checkout", visibility="hidden")
        st.navigation([shop_page, checkout_page], position="hidden").run()
        """,
        [("selectbox", "item", "select", "scarf"), ("button", 0, "click"), ("run",)],
    ),
    "cache_errors_and_copies": App(
        """
        import streamlit as st

        @st.cache_data
        def numbers():
            return [1, 2, 3]

        @st.cache_resource
        def shared():
            return {"hits": 0}

        first = numbers()
        first.append(99)
        st.write(numbers())
        shared()["hits"] += 1
        st.write(shared()["hits"] > 0)

        @st.cache_data
        def with_unhashable(thing):
            return 1

        class Opaque:
            def __reduce__(self):
                raise TypeError("no")

        if st.checkbox("Try unhashable"):
            with_unhashable(Opaque())
        """,
        [("checkbox", 0, "check")],
        known=[OWN_WORDS],
    ),
    "spinners_and_cached_spinner": App(
        """
        import time
        import streamlit as st

        @st.cache_data(show_spinner="Fetching data...")
        def fetch(n):
            return n * 2

        @st.cache_data(show_spinner=False)
        def quiet(n):
            return n + 1

        n = st.number_input("n", 0, 10, 1)
        with st.spinner("Working...", show_time=True, width="stretch"):
            value = fetch(n) + quiet(n)
        st.write(value)
        st.toast(f"computed {value}")
        """,
        [("number_input", 0, "set_value", 3), ("number_input", 0, "set_value", 1)],
    ),
    "status_states": App(
        """
        import streamlit as st
        outcome = st.radio("Outcome", ["complete", "error", "running"], key="outcome")
        with st.status("Deploying", expanded=False) as s:
            st.write("Building")
            st.write("Uploading")
        s.update(label=f"Deploy {outcome}", state=outcome, expanded=outcome == "error")
        with st.sidebar.status("Sidebar job", state="complete"):
            st.caption("finished")
        """,
        [("radio", "outcome", "set_value", "error"), ("radio", "outcome", "set_value", "running")],
    ),
    "selects_with_new_options": App(
        """
        import streamlit as st
        fruit = st.selectbox("Fruit", ["apple", "banana"], index=None, placeholder="Choose",
                             accept_new_options=True, key="fruit")
        tags = st.multiselect("Tags", ["x", "y"], accept_new_options=True, max_selections=3,
                              placeholder="Add tags", key="tags")
        mode = st.radio("Mode", ["fast", "safe"], captions=["quick", "careful"], disabled=fruit is None,
                        label_visibility="visible", key="mode")
        label = st.selectbox("Format", [1, 2, 3], format_func=lambda v: f"Option {v}", key="fmt")
        st.write(fruit, tags, mode, label)
        """,
        [
            ("selectbox", "fruit", "select", "banana"),
            ("multiselect", "tags", "select", "z"),
            ("multiselect", "tags", "select", "x"),
            ("radio", "mode", "set_value", "safe"),
            ("selectbox", "fmt", "select", 3),
            ("multiselect", "tags", "unselect", "z"),
        ],
    ),
    "buttons_every_kind": App(
        """
        import streamlit as st
        st.session_state.setdefault("clicks", [])
        def log(name):
            st.session_state.clicks.append(name)
        st.button("Primary", type="primary", on_click=log, args=("primary",))
        st.button("Secondary", icon="😀", on_click=log, args=("secondary",))
        st.button("Tertiary", type="tertiary", on_click=log, args=("tertiary",))
        st.button("Wide", use_container_width=True, help="full width", on_click=log, args=("wide",))
        st.button("Icon right", icon=":material/arrow_forward:", icon_position="right", key="right")
        st.button("Off", disabled=True)
        if st.button("Plain"):
            st.write("plain clicked")
        st.write(st.session_state.clicks)
        """,
        [
            ("button", 0, "click"),
            ("button", 2, "click"),
            ("button", 3, "click"),
            ("button", "right", "click"),
            ("button", 6, "click"),
            ("run",),
        ],
    ),
    "media_static": App(
        """
        import streamlit as st
        st.image([PNG, PNG], caption=["one", "two"], width=50)
        st.image(PNG, caption="single", use_container_width=True)
        st.audio(b"RIFF....WAVEfmt ", format="audio/wav", start_time=2, loop=True)
        st.video("https://example.com/video.mp4", start_time=5, muted=True, autoplay=True)
        st.audio("https://example.com/a.mp3")
        """.replace("PNG", repr(PNG)),
    ),
    "datetime_input_app": App(
        """
        import datetime
        import streamlit as st
        when = st.datetime_input("Meeting", datetime.datetime(2024, 5, 1, 9, 30),
                                 min_value=datetime.datetime(2024, 1, 1),
                                 max_value=datetime.datetime(2024, 12, 31, 23, 0), key="when")
        maybe = st.datetime_input("Optional", value=None, step=3600)
        st.write(when, maybe)
        """,
        [
            ("datetime_input", "when", "set_value", datetime.datetime(2024, 6, 2, 14, 0)),
            ("datetime_input", 1, "set_value", datetime.datetime(2024, 1, 5, 8, 0)),
        ],
    ),
    "json_and_expanded_depths": App(
        """
        import streamlit as st
        data = {"a": {"b": {"c": [1, 2, {"d": None}]}}, "e": True, "f": 1.5}
        st.json(data)
        st.json(data, expanded=False)
        st.json(data, expanded=2)
        st.json('{"from": "a string"}')
        st.json([1, "two", None])
        """,
    ),
    "tic_tac_toe": App(
        """
        import streamlit as st
        st.session_state.setdefault("board", [""] * 9)
        st.session_state.setdefault("turn", "X")
        def play(i):
            if not st.session_state.board[i]:
                st.session_state.board[i] = st.session_state.turn
                st.session_state.turn = "O" if st.session_state.turn == "X" else "X"
        for r in range(3):
            cols = st.columns(3)
            for c in range(3):
                i = r * 3 + c
                cols[c].button(st.session_state.board[i] or " ", key=f"cell{i}", on_click=play,
                               args=(i,), disabled=bool(st.session_state.board[i]),
                               use_container_width=True)
        st.write("Turn:", st.session_state.turn)
        if st.button("Reset"):
            del st.session_state["board"]
            del st.session_state["turn"]
            st.rerun()
        """,
        [
            ("button", "cell4", "click"),
            ("button", "cell0", "click"),
            ("button", "cell8", "click"),
            ("button", 9, "click"),
            ("run",),
        ],
    ),
    "expense_tracker_form": App(
        """
        import datetime
        import streamlit as st
        st.session_state.setdefault("expenses", [])
        with st.sidebar.form("add", clear_on_submit=False):
            what = st.text_input("What")
            amount = st.number_input("Amount", min_value=0.0, step=0.5, format="%.2f")
            day = st.date_input("Day", datetime.date(2024, 1, 15))
            category = st.selectbox("Category", ["Food", "Travel", "Other"])
            if st.form_submit_button("Add", use_container_width=True):
                if not what:
                    st.warning("Describe the expense")
                else:
                    st.session_state.expenses.append((what, amount, str(day), category))
        total = sum(e[1] for e in st.session_state.expenses)
        st.metric("Total", f"{total:.2f}")
        for e in st.session_state.expenses:
            st.write(*e)
        """,
        [
            ("form_submit_button", 0, "click"),
            [
                ("text_input", 0, "input", "Lunch"),
                ("number_input", 0, "set_value", 12.5),
                ("selectbox", 0, "select", "Food"),
                ("form_submit_button", 0, "click"),
            ],
            [
                ("text_input", 0, "input", "Taxi"),
                ("number_input", 0, "set_value", 20.0),
                ("selectbox", 0, "select", "Travel"),
                ("date_input", 0, "set_value", D(2024, 1, 16)),
                ("form_submit_button", 0, "click"),
            ],
        ],
    ),
    "alerts_with_leading_icons": App(
        """
        import streamlit as st
        st.success("✅ Saved")
        st.warning("⚠️ Disk almost full")
        st.info(":material/info: Material icon first")
        st.error("🚨🚨 two sirens")
        st.info("💡_underscore separated")
        st.success("👍🏽 thumbs with a skin tone")
        st.warning("🇫🇷 a flag")
        st.error("→ an arrow is not an emoji")
        st.info("1 is not an emoji, 1️⃣ is")
        st.success("🎉 explicit icon wins", icon="🔥")
        st.warning("🎉 an empty icon keeps the body", icon="")
        st.info("plain text")
        st.exception(ValueError("🙈 exceptions keep their emoji"))
        st.toast("🍞 toasts keep theirs")
        """,
    ),
    "validation_of_widget_arguments": App(
        """
        import datetime
        import streamlit as st

        def attempt(label, call):
            try:
                call()
                st.caption(f"{label}: accepted")
            except Exception:
                st.caption(f"{label}: refused")

        attempt("radio index out of range", lambda: st.radio("r", ["a", "b"], index=5))
        attempt("radio empty options", lambda: st.radio("r0", []))
        attempt("selectbox index negative", lambda: st.selectbox("s", ["a"], index=-1))
        attempt("selectbox empty options", lambda: st.selectbox("s0", []))
        attempt("multiselect default missing", lambda: st.multiselect("m", ["a"], default=["z"]))
        attempt("multiselect too many defaults", lambda: st.multiselect("m2", ["a", "b"], default=["a", "b"], max_selections=1))
        attempt("number min > max", lambda: st.number_input("n", min_value=5, max_value=1))
        attempt("number value below min", lambda: st.number_input("n2", min_value=5, value=1))
        attempt("number mixed types", lambda: st.number_input("n3", min_value=1, max_value=5.0))
        attempt("slider min == max", lambda: st.slider("sl", 3, 3))
        attempt("slider value outside", lambda: st.slider("sl2", 0, 10, 11))
        attempt("slider bad step", lambda: st.slider("sl3", 0, 10, step=0))
        attempt("slider tuple of three", lambda: st.slider("sl4", 0, 10, (1, 2, 3)))
        attempt("select_slider value missing", lambda: st.select_slider("ss", ["a", "b"], value="c"))
        attempt("select_slider no options", lambda: st.select_slider("ss2", []))
        attempt("date outside bounds", lambda: st.date_input("d", datetime.date(2020, 1, 1), min_value=datetime.date(2021, 1, 1)))
        attempt("date range of three", lambda: st.date_input("d2", (datetime.date(2020, 1, 1),) * 3))
        attempt("time step too small", lambda: st.time_input("t", datetime.time(1), step=30))
        attempt("time step too large", lambda: st.time_input("t2", step=datetime.timedelta(days=2)))
        attempt("text_input int value", lambda: st.text_input("ti", 5))
        attempt("text_input bad type", lambda: st.text_input("ti2", type="secret"))
        attempt("text_area negative max_chars", lambda: st.text_area("ta", max_chars=-1))
        attempt("text_area tiny height", lambda: st.text_area("ta2", height=10))
        attempt("color bad hex", lambda: st.color_picker("c", "red"))
        attempt("color short hex", lambda: st.color_picker("c2", "#abc"))
        attempt("checkbox bad label_visibility", lambda: st.checkbox("cb", label_visibility="gone"))
        attempt("button bad type", lambda: st.button("b", type="danger"))
        attempt("button bad icon", lambda: st.button("b2", icon="not an icon"))
        attempt("feedback bad kind", lambda: st.feedback("hearts"))
        attempt("pills bad mode", lambda: st.pills("p", ["a"], selection_mode="many"))
        attempt("pills default missing", lambda: st.pills("p2", ["a"], default="z"))
        attempt("file_uploader bad type list", lambda: st.file_uploader("f", type=[]))
        attempt("chat_input in sidebar", lambda: st.sidebar.chat_input("x"))
        """,
        known=[OWN_WORDS],
    ),
    "validation_of_layout_arguments": App(
        """
        import streamlit as st

        def attempt(label, call):
            try:
                call()
                st.caption(f"{label}: accepted")
            except Exception:
                st.caption(f"{label}: refused")

        attempt("columns zero", lambda: st.columns(0))
        attempt("columns negative weight", lambda: st.columns([1, -1]))
        attempt("columns empty list", lambda: st.columns([]))
        attempt("columns bad gap", lambda: st.columns(2, gap="huge"))
        attempt("columns bad alignment", lambda: st.columns(2, vertical_alignment="middle"))
        attempt("tabs empty", lambda: st.tabs([]))
        attempt("tabs duplicate labels", lambda: st.tabs(["a", "a"]))
        attempt("tabs not strings", lambda: st.tabs([1, 2]))
        attempt("tabs default missing", lambda: st.tabs(["a", "b"], default="c"))
        attempt("container height zero", lambda: st.container(height=0))
        attempt("container bad gap", lambda: st.container(gap="huge"))
        attempt("expander bad icon", lambda: st.expander("e", icon="nope"))
        attempt("popover bad type", lambda: st.popover("p", type="danger"))
        attempt("progress above 100", lambda: st.progress(150))
        attempt("progress float above 1", lambda: st.progress(1.5))
        attempt("progress string", lambda: st.progress("50"))
        attempt("toast bad duration", lambda: st.toast("t", duration="forever"))
        attempt("status bad state", lambda: st.status("s", state="done"))
        attempt("metric named delta_color", lambda: st.metric("m", 1, 1, delta_color="blue"))
        attempt("metric bad delta_color", lambda: st.metric("m2", 1, 0, delta_color="pink"))
        attempt("metric zero delta named", lambda: st.metric("m3", 1, 0, delta_color="violet"))
        attempt("badge bad color", lambda: st.badge("b", color="pink"))
        attempt("space bad size", lambda: st.space("huge"))
        attempt("title bad anchor type", lambda: st.title("t", anchor=5))
        attempt("header bad divider", lambda: st.header("h", divider="pink"))
        attempt("code bad height", lambda: st.code("x", height=-5))
        attempt("json bad string", lambda: st.json("{not json"))
        attempt("markdown bad width", lambda: st.markdown("m", width="wide"))
        attempt("set_page_config bad layout", lambda: st.set_page_config(layout="full"))
        attempt("set_page_config bad sidebar", lambda: st.set_page_config(initial_sidebar_state="open"))
        attempt("set_page_config bad menu key", lambda: st.set_page_config(menu_items={"Nope": "x"}))
        attempt("link_button empty url", lambda: st.link_button("l", ""))
        attempt("download_button bad data", lambda: st.download_button("d", data=object()))
        attempt("page_link unknown page", lambda: st.page_link("nowhere.py"))
        attempt("write_stream string", lambda: st.write_stream("abc"))
        attempt("empty write on placeholder", lambda: st.empty().write("a", "b"))
        attempt("write two on a column", lambda: st.columns(2)[0].write("a", 1))
        attempt("write one on a column", lambda: st.columns(2)[1].write("a"))
        attempt("write two on the sidebar", lambda: st.sidebar.write("a", 1))
        """,
        known=[OWN_WORDS],
    ),
    "nesting_rules": App(
        """
        import streamlit as st

        def attempt(label, call):
            try:
                call()
                st.caption(f"{label}: accepted")
            except Exception:
                st.caption(f"{label}: refused")

        def columns_three_deep():
            a, _ = st.columns(2)
            with a:
                b, _ = st.columns(2)
                with b:
                    st.columns(2)

        def columns_in_sidebar_columns():
            with st.sidebar:
                a, _ = st.columns(2)
                with a:
                    st.columns(2)

        def expander_in_expander():
            with st.expander("outer"):
                with st.expander("inner"):
                    st.write("x")

        def chat_in_chat():
            with st.chat_message("user"):
                with st.chat_message("assistant"):
                    st.write("x")

        def status_in_expander():
            with st.expander("e2"):
                with st.status("s"):
                    st.write("x")

        def popover_in_popover():
            with st.popover("p1"):
                with st.popover("p2"):
                    st.write("x")

        def form_in_form():
            with st.form("f1"):
                with st.form("f2"):
                    st.write("x")
                st.form_submit_button()

        def button_in_form():
            with st.form("f3"):
                st.button("plain")
                st.form_submit_button()

        def submit_outside_form():
            st.form_submit_button("orphan")

        def tabs_in_columns():
            a, _ = st.columns(2)
            with a:
                t, _ = st.tabs(["x", "y"])
                t.write("in tab")

        attempt("columns three deep", columns_three_deep)
        attempt("columns in sidebar columns", columns_in_sidebar_columns)
        attempt("expander in expander", expander_in_expander)
        attempt("chat in chat", chat_in_chat)
        attempt("status in expander", status_in_expander)
        attempt("popover in popover", popover_in_popover)
        attempt("form in form", form_in_form)
        attempt("button in form", button_in_form)
        attempt("submit outside form", submit_outside_form)
        attempt("tabs in columns", tabs_in_columns)
        """,
        known=[OWN_WORDS],
        drop_kinds={
            "error": "the forms left without a submit button by the refused calls: Streamlit's "
            "browser client shows them as an error; rillet sends that error from the server, "
            "so its AppTest sees it too (as in test_app_sweep.py's form_without_submit)",
        },
        skip_accessors={"error": "as drop_kinds"},
    ),
    "options_change_between_runs": App(
        """
        import streamlit as st
        big = st.toggle("Big catalogue", key="big")
        options = ["a", "b", "c", "d"] if big else ["a", "b"]
        choice = st.selectbox("Choice", options, key="choice")
        many = st.multiselect("Many", options, key="many")
        upper = 100 if big else 10
        level = st.slider("Level", 0, upper, key="level")
        radio = st.radio("Radio", options, key="radio")
        st.write(choice, many, level, radio)
        """,
        [
            ("toggle", "big", "set_value", True),
            [
                ("selectbox", "choice", "select", "d"),
                ("multiselect", "many", "select", "c"),
                ("slider", "level", "set_value", 80),
                ("radio", "radio", "set_value", "c"),
            ],
            ("toggle", "big", "set_value", False),
            ("run",),
        ],
    ),
    "label_changes_keep_keyed_values": App(
        """
        import streamlit as st
        lang = st.radio("Language", ["en", "fr"], key="lang", horizontal=True)
        labels = {"en": ("Name", "Age", "Save"), "fr": ("Nom", "Âge", "Enregistrer")}
        name_label, age_label, save_label = labels[lang]
        name = st.text_input(name_label, key="name")
        age = st.number_input(age_label, 0, 120, 30, key="age")
        unkeyed = st.text_input(f"Unkeyed ({lang})")
        if st.button(save_label, key="save"):
            st.write("saved", name, age)
        st.write(name, age, unkeyed)
        """,
        [
            [
                ("text_input", "name", "input", "Ada"),
                ("number_input", "age", "set_value", 40),
                ("text_input", 1, "input", "kept?"),
            ],
            ("radio", "lang", "set_value", "fr"),
            ("button", "save", "click"),
        ],
    ),
    "magic_and_docstrings": App(
        """
        '''This module docstring is not shown.'''
        import streamlit as st
        "# Magic heading"
        x = 41
        x + 1
        f"f-string {x}"
        [1, 2, 3]
        {"k": "v"}
        st.session_state.get("nothing")
        def helper():
            '''A function docstring is not shown.'''
            "a string in a function is shown"
            return 1
        helper()
        if x:
            "inside an if"
        for i in range(2):
            i
        with st.sidebar:
            "magic in the sidebar"
        a = b = 2
        (a, b)
        x == 41
        None
        ...
        class Thing:
            '''A class docstring is not shown.'''
            "but this string in the class body is"
        st.write("end")
        """,
    ),
    "validation_of_state_and_params_apis": App(
        """
        import datetime
        import streamlit as st

        def attempt(label, call):
            try:
                result = call()
            except Exception:
                st.caption(f"{label}: refused")
                return
            simple = (str, int, float, bool, type(None), list, tuple, dict)
            shown = repr(result) if isinstance(result, simple) else type(result).__name__
            st.caption(f"{label}: accepted {shown}")

        ss = st.session_state
        attempt("state set int key", lambda: ss.__setitem__(5, "five"))
        attempt("state get int key", lambda: ss[5])
        attempt("state setdefault", lambda: ss.setdefault("k", 1))
        attempt("state update", lambda: ss.update({"u": 2}, v=3))
        attempt("state pop", lambda: ss.pop("u"))
        attempt("state pop missing default", lambda: ss.pop("zz", "d"))
        attempt("state pop missing", lambda: ss.pop("zz"))
        attempt("state get", lambda: ss.get("v"))
        attempt("state items", lambda: sorted((k, v) for k, v in ss.items() if isinstance(k, str)))
        attempt("state del missing", lambda: ss.__delitem__("nope"))
        attempt("state delattr missing", lambda: delattr(ss, "nope"))
        attempt("state len", lambda: len(ss))
        attempt("state keys type", lambda: type(ss.keys()).__name__)
        attempt("state to_dict", lambda: sorted(map(str, ss.to_dict())))
        qp = st.query_params
        attempt("query set int", lambda: qp.__setitem__("n", 3))
        attempt("query get int back", lambda: qp["n"])
        attempt("query set list", lambda: qp.__setitem__("ids", [1, "2"]))
        attempt("query get list", lambda: qp["ids"])
        attempt("query get_all", lambda: qp.get_all("ids"))
        attempt("query set dict", lambda: qp.__setitem__("d", {"a": 1}))
        attempt("query missing key", lambda: qp["missing"])
        attempt("query missing attr", lambda: qp.missing)
        attempt("query set embed", lambda: qp.__setitem__("embed", "true"))
        attempt("query to_dict", lambda: qp.to_dict())
        attempt("query from_dict bad", lambda: qp.from_dict({"embed": "x"}))
        attempt("query kept after refused from_dict", lambda: qp.to_dict())
        attempt("query clear", lambda: qp.clear())
        attempt("query len after clear", lambda: len(qp))
        def decorate(decorator):  # Streamlit checks some arguments only here
            return decorator(lambda x: x + 1)(1)

        attempt("cache bad ttl", lambda: decorate(st.cache_data(ttl="soon")))
        attempt("cache bad max_entries", lambda: decorate(st.cache_data(max_entries=-1)))
        attempt("cache bad persist", lambda: decorate(st.cache_data(persist="memory")))
        attempt("resource bad ttl", lambda: decorate(st.cache_resource(ttl=[1])))
        attempt("fragment bad run_every", lambda: decorate(st.fragment(run_every="often")))
        attempt("dialog bad width", lambda: decorate(st.dialog("d", width="huge")))
        attempt("rerun bad scope", lambda: st.rerun(scope="page"))
        attempt("page bad path", lambda: st.Page("missing_file.py"))
        attempt("page bad icon", lambda: st.Page(lambda: None, title="t", icon="bad"))
        attempt("page no title lambda", lambda: st.Page(lambda: None))
        attempt("page_link bad icon", lambda: st.page_link("https://e.com", label="e", icon="x"))
        attempt("navigation empty", lambda: st.navigation([]))
        attempt("switch_page unknown", lambda: st.switch_page("nowhere.py"))
        """,
        known=[OWN_WORDS],
        skip_state={5: "an int key: sorted with the string keys on neither side"},
    ),
    "validation_of_text_and_media": App(
        """
        import streamlit as st

        def attempt(label, call):
            try:
                call()
                st.caption(f"{label}: accepted")
            except Exception:
                st.caption(f"{label}: refused")

        attempt("markdown of int", lambda: st.markdown(42))
        attempt("markdown help int", lambda: st.markdown("m", help=5))
        attempt("title of list", lambda: st.title(["a"]))
        attempt("text of None", lambda: st.text(None))
        attempt("code of dict", lambda: st.code({"a": 1}))
        attempt("code unknown language", lambda: st.code("x", language="klingon"))
        attempt("latex of int", lambda: st.latex(5))
        attempt("caption of float", lambda: st.caption(1.5))
        attempt("header anchor False", lambda: st.header("h", anchor=False))
        attempt("subheader divider color", lambda: st.subheader("s", divider="blue"))
        attempt("divider width", lambda: st.divider(width=100))
        attempt("html of int", lambda: st.html(5))
        attempt("alert of dict", lambda: st.info({"a": 1}))
        attempt("alert bad icon", lambda: st.warning("w", icon="nope"))
        attempt("toast of int", lambda: st.toast(5))
        attempt("toast bad icon", lambda: st.toast("t", icon="xx"))
        attempt("exception of string", lambda: st.exception("not an exception"))
        attempt("chat avatar bad", lambda: st.chat_message("user", avatar="not-an-image"))
        attempt("chat name empty", lambda: st.chat_message(""))
        attempt("image bad path", lambda: st.image("no_such_file.png"))
        attempt("image bad bytes", lambda: st.image(b"not an image"))
        attempt("audio bad format arg", lambda: st.audio(b"x", format=5))
        attempt("video bad start", lambda: st.video("https://e.com/v.mp4", start_time="soon"))
        attempt("json of set", lambda: st.json({1, 2}))
        attempt("json expanded string", lambda: st.json({}, expanded="yes"))
        attempt("metric label int", lambda: st.metric(5, 1))
        attempt("metric value list", lambda: st.metric("m", [1]))
        attempt("progress text int", lambda: st.progress(5, text=5))
        attempt("spinner int", lambda: st.spinner(5).__enter__())
        attempt("help of nothing", lambda: st.help())
        """,
        known=[OWN_WORDS],
        drop_kinds={
            "help_info": "st.help() of the module itself: Streamlit's AppTest describes "
            "streamlit, rillet's rillet (two different modules)",
        },
    ),
    "cached_functions_replay_elements": App(
        """
        import streamlit as st
        st.session_state.setdefault("runs", 0)

        @st.cache_data
        def load(n):
            st.session_state.runs += 1
            st.write(f"loading {n}")
            st.info("computed once")
            with st.expander("details"):
                st.write("inside the cached call")
            return n * 10

        @st.cache_resource
        def connect():
            st.caption("connecting")
            return "conn"

        n = st.number_input("n", 1, 5, 1)
        st.write(load(n), connect())
        st.write("runs", st.session_state.runs)
        """,
        [
            ("number_input", 0, "set_value", 2),
            ("number_input", 0, "set_value", 1),
            ("run",),
        ],
    ),
    "fragment_rerun_app_and_keys": App(
        """
        import streamlit as st
        st.session_state.setdefault("app", 0)
        st.session_state.app += 1

        @st.fragment
        def panel(name):
            value = st.slider(f"{name} level", 0, 10, key=f"{name}_level")
            if st.button(f"Apply {name}", key=f"apply_{name}"):
                st.session_state[f"{name}_applied"] = value
                st.rerun(scope="app")
            st.write(name, st.session_state.get(f"{name}_applied"))

        panel("left")
        panel("right")
        st.write("app runs", st.session_state.app)
        """,
        [
            ("slider", "left_level", "set_value", 3),
            ("button", "apply_left", "click"),
            ("slider", "right_level", "set_value", 7),
            ("button", "apply_right", "click"),
            ("run",),
        ],
    ),
    "placeholder_swaps_widgets": App(
        """
        import streamlit as st
        mode = st.radio("Input mode", ["text", "number", "none"], key="mode", horizontal=True)
        slot = st.empty()
        if mode == "text":
            value = slot.text_input("Value", key="text_value")
        elif mode == "number":
            value = slot.number_input("Value", key="number_value")
        else:
            value = None
            slot.empty()
        st.write(repr(value))
        box = st.empty()
        with box.container():
            a, b = st.columns(2)
            a.write("col a")
            b.button("in col b", key="colb")
        """,
        [
            ("text_input", "text_value", "input", "hello"),
            ("radio", "mode", "set_value", "number"),
            ("number_input", "number_value", "set_value", 4.5),
            ("radio", "mode", "set_value", "none"),
            ("radio", "mode", "set_value", "text"),
            ("button", "colb", "click"),
        ],
    ),
    "state_values_widgets_cannot_show": App(
        """
        import streamlit as st
        st.selectbox("Pick", ["a", "b"], key="pick")
        st.radio("Radio", ["x", "y"], key="rad")
        st.multiselect("Multi", ["m", "n"], key="multi")
        st.number_input("Num", 0, 10, key="num")
        st.text_input("Text", key="txt")
        st.write(st.session_state.pick, st.session_state.rad, st.session_state.multi,
                 st.session_state.num, st.session_state.txt)
        """,
        [
            ("session_state", "pick", "b"),
            ("session_state", "rad", "y"),
            ("session_state", "multi", ["n"]),
            ("session_state", "num", 50),
            ("session_state", "txt", "12"),
            ("run",),
            # An option the widget lacks is left out: Streamlit's AppTest fails
            # on it in its own code before the run (ValueError in Selectbox.index).
        ],
        known=[OWN_WORDS],
    ),
    "navigation_with_sidebar_widgets": App(
        """
        import streamlit as st

        def overview():
            st.header("Overview")
            st.write("unit", st.session_state.unit)

        def details():
            st.header("Details")
            st.slider("Zoom", 1, 5, key="zoom")

        with st.sidebar:
            st.title("My App")
            st.radio("Unit", ["metric", "imperial"], key="unit")
        pg = st.navigation([st.Page(overview, icon="📊"), st.Page(details, icon="🔎")],
                           expanded=True)
        st.sidebar.caption(f"page: {pg.title} ({pg.url_path})")
        pg.run()
        st.sidebar.button("Refresh")
        """,
        [
            ("radio", "unit", "set_value", "imperial"),
            ("button", 0, "click"),
        ],
    ),
    "write_of_st_objects": App(
        """
        import streamlit as st
        c = st.container()
        c.write("inside")
        st.write(st.session_state)
        st.write(st.query_params)
        st.write(st.secrets)
        st.write(st.context.headers)
        st.write(c)
        """,
        secrets={"token": "abc"},
        known=[
            Known(
                "help_info",
                ("body", "label", "extra"),
                "st.write of a container handle: Streamlit describes its DeltaGenerator "
                "class, rillet its Container class",
            ),
        ],
    ),
    "page_config_late_and_twice": App(
        """
        import streamlit as st
        st.write("an element first")
        st.set_page_config(page_title="Late", layout="wide")
        st.set_page_config(page_icon="🐍")
        st.set_page_config(initial_sidebar_state="expanded", menu_items={"About": "hi"})
        st.sidebar.write("side")
        st.write("after three calls")
        """,
    ),
    "slider_steps_and_formats": App(
        """
        import streamlit as st
        a = st.slider("Odd step", 0, 10, 3, step=3)
        b = st.slider("Float step", 0.0, 1.0, 0.3, step=0.25)
        c = st.slider("Percent", 0, 100, 50, format="%d%%")
        d = st.slider("Money", 0.0, 10.0, 2.5, format="$%.2f")
        e = st.select_slider("Steps", options=[1, 2, 4, 8, 16], value=(2, 8))
        f = st.slider("Negative", -10, -1, -5)
        st.write(a, b, c, d, e, f)
        """,
        [
            ("slider", 0, "set_value", 9),
            ("slider", 1, "set_value", 0.75),
            ("slider", 2, "set_value", 99),
            ("slider", 3, "set_value", 7.25),
            ("select_slider", 0, "set_range", 1, 16),
            ("slider", 4, "set_value", -10),
        ],
    ),
    "menu_pagination_grid_app": App(
        """
        import streamlit as st
        items = [f"item {i}" for i in range(23)]
        per_page = 5
        pages = (len(items) + per_page - 1) // per_page
        page = st.pagination(pages, key="page", max_visible_pages=3)
        action = st.menu_button("Actions", ["Export", "Archive", "Delete"], key="actions",
                                icon=":material/more_vert:")
        if action:
            st.toast(f"{action} page {page}")
        grid = st.grid(3, gap="medium", border=True)
        for name in items[(page - 1) * per_page : page * per_page]:
            grid.write(name)
        placeholder = st.skeleton(height=80)
        placeholder.write("loaded")
        st.write(page, action)
        """,
        [
            ("pagination", "page", "set_value", 3),
            ("menu_button", "actions", "click", "Archive"),
            ("pagination", "page", "set_value", 5),
            ("run",),
        ],
    ),
    "options_logo_iframe_html": App(
        """
        import streamlit as st
        st.logo("https://example.com/logo.png", size="large", link="https://example.com",
                icon_image="https://example.com/icon.png")
        st.write(st.get_option("theme.base"), st.get_option("client.showSidebarNavigation"))
        st.write(st.get_option("server.maxUploadSize"), st.get_option("client.toolbarMode"))
        st.iframe("https://example.com", height=200, alt="example site")
        st.html("<div class='x'>html <b>bold</b></div><style>.x{color:red}</style>")
        st.html("<script>alert(1)</script><p>no script</p>")
        st.markdown("left", text_alignment="center", width=300)
        st.title("Titled", width="content", text_alignment="right")
        st.caption("wrapped caption", wrap=False)
        """,
    ),
    "login_and_user": App(
        """
        import streamlit as st
        st.write(st.user.is_logged_in)
        st.write(st.user.to_dict())
        if not st.user.is_logged_in:
            st.button("Log in", on_click=st.login)
        else:
            st.write(f"Hello {st.user.name}")
            st.button("Log out", on_click=st.logout)
        """,
    ),
    "chat_input_audio_and_submit_modes": App(
        """
        import streamlit as st
        st.session_state.setdefault("said", [])
        prompt = st.chat_input("Talk", accept_audio=True, key="talk", max_chars=50)
        if prompt:
            st.session_state.said.append((prompt.text, prompt.audio is not None))
        st.write(st.session_state.said)
        st.chat_input("Disabled mode", submit_mode="disable", key="dis")
        """,
        [
            ("chat_input", "talk", "set_value", "hi"),
            ("run",),
            ("chat_input", "talk", "set_value", "again"),
        ],
    ),
    "directory_and_multi_uploads": App(
        """
        import streamlit as st
        files = st.file_uploader("Folder", accept_multiple_files="directory", key="folder")
        one = st.file_uploader("Limited", type=[".PDF", "txt"], max_upload_size=1, key="lim")
        st.write([f.name for f in files], one.name if one else None)
        """,
        [
            ("file_uploader", "lim", "upload", "notes.txt", b"tiny", "text/plain"),
            (
                "file_uploader",
                "folder",
                "set_value",
                [("a/one.txt", b"1", "text/plain"), ("a/two.txt", b"2", "text/plain")],
            ),
        ],
    ),
    "widgets_bound_to_query_params": App(
        """
        import streamlit as st
        city = st.selectbox("City", ["Oslo", "Rome", "Lima"], key="city", bind="query-params")
        days = st.slider("Days", 1, 10, 2, key="days", bind="query-params")
        tags = st.multiselect("Tags", ["a", "b", "c"], key="tags", bind="query-params")
        wifi = st.checkbox("Wifi", key="wifi", bind="query-params")
        note = st.text_input("Note", key="note", bind="query-params")
        st.write(city, days, tags, wifi, note)
        # st.query_params is not shown: see the divergences left, at the top.
        """,
        [
            ("selectbox", "city", "select", "Lima"),
            ("slider", "days", "set_value", 7),
            ("multiselect", "tags", "select", "b"),
            ("multiselect", "tags", "select", "c"),
            ("checkbox", "wifi", "check"),
            ("text_input", "note", "input", "hello world"),
            ("slider", "days", "set_value", 2),
        ],
        query={"city": "Rome", "tags": "a"},
    ),
    "persisted_widget_state": App(
        """
        import streamlit as st
        show = st.toggle("Show settings", value=True, key="show")
        if show:
            st.text_input("Name", key="name", persist_state="session")
            st.slider("Size", 0, 10, 5, key="size", persist_state="session")
        st.write(st.session_state.get("name"), st.session_state.get("size"))
        """,
        [
            [("text_input", "name", "input", "kept"), ("slider", "size", "set_value", 9)],
            ("toggle", "show", "set_value", False),
            ("toggle", "show", "set_value", True),
        ],
    ),
    "survey_multi_step_form": App(
        """
        import streamlit as st
        st.session_state.setdefault("step", 1)
        st.session_state.setdefault("answers", {})
        st.progress(st.session_state.step / 3, text=f"Step {st.session_state.step} of 3")
        if st.session_state.step == 1:
            with st.form("s1"):
                name = st.text_input("Name")
                if st.form_submit_button("Next"):
                    st.session_state.answers["name"] = name
                    st.session_state.step = 2
                    st.rerun()
        elif st.session_state.step == 2:
            with st.form("s2"):
                rating = st.slider("Rating", 1, 5, 3)
                likes = st.multiselect("Likes", ["speed", "design", "price"])
                back, nxt = st.columns(2)
                if back.form_submit_button("Back"):
                    st.session_state.step = 1
                    st.rerun()
                if nxt.form_submit_button("Next", type="primary"):
                    st.session_state.answers.update(rating=rating, likes=likes)
                    st.session_state.step = 3
                    st.rerun()
        else:
            st.success("Thanks!")
            st.json(st.session_state.answers)
            if st.button("Start over"):
                st.session_state.clear()
                st.rerun()
        """,
        [
            [("text_input", 0, "input", "Kai"), ("form_submit_button", 0, "click")],
            [
                ("slider", 0, "set_value", 5),
                ("multiselect", 0, "select", "design"),
                ("form_submit_button", 1, "click"),
            ],
            ("button", 0, "click"),
            ("run",),
        ],
    ),
    "data_entry_with_validation_callbacks": App(
        """
        import re
        import streamlit as st
        st.session_state.setdefault("errors", {})
        def validate_email():
            value = st.session_state.email
            if value and not re.fullmatch(r"[^@]+@[^@]+\\.[a-z]+", value):
                st.session_state.errors["email"] = "Invalid email"
            else:
                st.session_state.errors.pop("email", None)
        def validate_age():
            if st.session_state.age < 18:
                st.session_state.errors["age"] = "Must be an adult"
            else:
                st.session_state.errors.pop("age", None)
        st.text_input("Email", key="email", on_change=validate_email)
        if "email" in st.session_state.errors:
            st.error(st.session_state.errors["email"])
        st.number_input("Age", 0, 120, 30, key="age", on_change=validate_age)
        if "age" in st.session_state.errors:
            st.error(st.session_state.errors["age"])
        st.button("Submit", disabled=bool(st.session_state.errors))
        """,
        [
            ("text_input", "email", "input", "nope"),
            ("number_input", "age", "set_value", 12),
            ("text_input", "email", "input", "a@b.io"),
            ("number_input", "age", "set_value", 40),
            ("button", 0, "click"),
        ],
    ),
    "sidebar_everything": App(
        """
        import datetime
        import streamlit as st
        sb = st.sidebar
        sb.title("Controls")
        sb.header("Filters", divider="gray")
        a = sb.slider("Range", 0, 10, (2, 5))
        b = sb.date_input("Since", datetime.date(2024, 1, 1))
        c = sb.radio("Sort", ["asc", "desc"], horizontal=True)
        d = sb.text_area("Notes", height=80)
        e = sb.number_input("Limit", 1, 100, 10)
        f = sb.color_picker("Color", "#123456")
        sb.divider()
        with sb.expander("More"):
            g = st.toggle("Extra")
        with sb.form("sb_form"):
            h = st.text_input("In form")
            st.form_submit_button("Apply")
        sb.link_button("Help", "https://example.com/help")
        sb.download_button("Export", "data", file_name="x.txt")
        st.write(a, b, c, d, e, f, g, h)
        """,
        [
            ("slider", 0, "set_range", 1, 9),
            ("radio", 0, "set_value", "desc"),
            ("text_area", 0, "input", "memo"),
            ("toggle", 0, "set_value", True),
            [("text_input", 0, "input", "v"), ("form_submit_button", 0, "click")],
        ],
    ),
    "unit_converter_swap": App(
        """
        import streamlit as st
        units = {"m": 1.0, "km": 1000.0, "mi": 1609.344, "ft": 0.3048}
        st.session_state.setdefault("src", "km")
        st.session_state.setdefault("dst", "mi")
        def swap():
            st.session_state.src, st.session_state.dst = st.session_state.dst, st.session_state.src
        c1, c2, c3 = st.columns([2, 1, 2], vertical_alignment="bottom")
        c1.selectbox("From", list(units), key="src")
        c2.button("⇄", on_click=swap, use_container_width=True)
        c3.selectbox("To", list(units), key="dst")
        amount = st.number_input("Amount", value=1.0, min_value=0.0)
        result = amount * units[st.session_state.src] / units[st.session_state.dst]
        st.metric(f"{amount} {st.session_state.src} =", f"{result:.4f} {st.session_state.dst}")
        """,
        [
            ("button", 0, "click"),
            ("number_input", 0, "set_value", 5.0),
            ("selectbox", "dst", "select", "ft"),
        ],
    ),
    "countdown_with_sleep": App(
        """
        import time
        import streamlit as st
        seconds = st.number_input("Seconds", 1, 5, 3)
        if st.button("Start"):
            clock = st.empty()
            bar = st.progress(0)
            for left in range(seconds, 0, -1):
                clock.metric("Time left", f"{left}s")
                bar.progress((seconds - left + 1) / seconds)
                time.sleep(0.01)
            clock.success("Time is up!")
            st.snow()
        """,
        [("button", 0, "click"), ("number_input", 0, "set_value", 2), ("button", 0, "click")],
    ),
    "markdown_editor_preview": App(
        """
        import streamlit as st
        st.set_page_config(layout="wide")
        left, right = st.columns(2, gap="large")
        with left:
            text = st.text_area("Markdown", "# Title\\n\\n*hello* **world**\\n\\n- a\\n- b", height=250,
                                key="md")
            st.caption(f"{len(text)} characters, {len(text.split())} words")
        with right:
            st.markdown(text)
            with st.expander("Source"):
                st.code(text, language="markdown")
        """,
        [("text_area", "md", "input", "## Other\\n\\n> quote\\n\\n`code`")],
    ),
    "password_generator": App(
        """
        import random
        import string
        import streamlit as st
        length = st.slider("Length", 8, 32, 12)
        use_digits = st.checkbox("Digits", True)
        use_symbols = st.checkbox("Symbols")
        seed = st.number_input("Seed", value=42, step=1)
        alphabet = string.ascii_letters + (string.digits if use_digits else "") + (
            "!@#$%" if use_symbols else "")
        rng = random.Random(seed)
        password = "".join(rng.choice(alphabet) for _ in range(length))
        st.code(password, language=None)
        strength = "weak" if length < 10 else "ok" if length < 16 else "strong"
        {"weak": st.error, "ok": st.warning, "strong": st.success}[strength](f"Strength: {strength}")
        """,
        [
            ("slider", 0, "set_value", 20),
            ("checkbox", 1, "check"),
            ("number_input", 0, "set_value", 7),
            ("checkbox", 0, "uncheck"),
        ],
    ),
    "guess_the_number": App(
        """
        import streamlit as st
        st.session_state.setdefault("target", 37)
        st.session_state.setdefault("tries", [])
        if st.session_state.tries and st.session_state.tries[-1] == st.session_state.target:
            st.balloons()
            st.success(f"Found in {len(st.session_state.tries)} tries")
            if st.button("Play again"):
                st.session_state.tries = []
                st.rerun()
            st.stop()
        guess = st.number_input("Your guess", 1, 100, 50, key="guess")
        if st.button("Guess"):
            st.session_state.tries.append(guess)
            if guess < st.session_state.target:
                st.info("Higher")
            elif guess > st.session_state.target:
                st.info("Lower")
            else:
                st.rerun()
        st.write("Tries:", st.session_state.tries)
        """,
        [
            ("button", 0, "click"),
            ("number_input", "guess", "set_value", 30),
            ("button", 0, "click"),
            ("number_input", "guess", "set_value", 37),
            ("button", 0, "click"),
            ("button", 0, "click"),
            ("run",),
        ],
    ),
    "word_counter_metrics": App(
        """
        import collections
        import streamlit as st
        text = st.text_area("Paste text", placeholder="Type here...", key="t")
        words = text.split()
        a, b, c = st.columns(3)
        a.metric("Words", len(words))
        b.metric("Characters", len(text))
        c.metric("Unique", len(set(w.lower() for w in words)))
        if words:
            common = collections.Counter(w.lower() for w in words).most_common(3)
            st.table({"word": [w for w, _ in common], "count": [n for _, n in common]})
        else:
            st.info("Nothing to count yet", icon="📝")
        """,
        [("text_area", "t", "input", "the cat and the hat and the bat")],
    ),
    "bmi_calculator": App(
        """
        import streamlit as st
        units = st.radio("Units", ["Metric", "Imperial"], horizontal=True)
        if units == "Metric":
            h = st.number_input("Height (cm)", 100.0, 250.0, 175.0)
            w = st.number_input("Weight (kg)", 30.0, 300.0, 70.0)
            bmi = w / (h / 100) ** 2
        else:
            h = st.number_input("Height (in)", 40.0, 100.0, 69.0)
            w = st.number_input("Weight (lb)", 60.0, 600.0, 154.0)
            bmi = 703 * w / h**2
        if st.button("Compute", type="primary"):
            st.metric("BMI", f"{bmi:.1f}")
            if bmi < 18.5:
                st.warning("Underweight")
            elif bmi < 25:
                st.success("Normal")
            else:
                st.error("Overweight")
        """,
        [
            ("button", 0, "click"),
            ("radio", 0, "set_value", "Imperial"),
            ("number_input", 1, "set_value", 250.0),
            ("button", 0, "click"),
        ],
    ),
    "kanban_columns_move": App(
        """
        import streamlit as st
        st.session_state.setdefault("board", {"Todo": ["write", "test"], "Doing": [], "Done": []})
        lanes = list(st.session_state.board)
        def move(card, src, step):
            dst = lanes[lanes.index(src) + step]
            st.session_state.board[src].remove(card)
            st.session_state.board[dst].append(card)
        cols = st.columns(len(lanes), border=True)
        for col, lane in zip(cols, lanes):
            col.subheader(lane, anchor=False)
            for card in st.session_state.board[lane]:
                with col.container(border=True):
                    st.write(card)
                    left, right = st.columns(2)
                    if lane != lanes[0]:
                        left.button("◀", key=f"l_{card}", on_click=move, args=(card, lane, -1))
                    if lane != lanes[-1]:
                        right.button("▶", key=f"r_{card}", on_click=move, args=(card, lane, 1))
        """,
        [
            ("button", "r_write", "click"),
            ("button", "r_write", "click"),
            ("button", "r_test", "click"),
            ("button", "l_write", "click"),
        ],
    ),
    "bound_params_cannot_be_set": App(
        """
        import streamlit as st
        st.radio("Mode", ["x", "y"], key="mode", bind="query-params")
        def attempt(label, call):
            try:
                call()
                st.caption(f"{label}: accepted")
            except Exception:
                st.caption(f"{label}: refused")
        attempt("set bound", lambda: st.query_params.__setitem__("mode", "y"))
        attempt("delete bound", lambda: st.query_params.__delitem__("mode"))
        attempt("clear with bound", lambda: st.query_params.clear())
        attempt("set other", lambda: st.query_params.__setitem__("other", "1"))
        attempt("bind without key", lambda: st.toggle("T", bind="query-params"))
        st.write(st.query_params.to_dict())
        """,
        [("radio", "mode", "set_value", "y"), ("run",)],
        query={"mode": "x"},
    ),
    "widgets_inside_cached_functions": App(
        """
        import streamlit as st

        @st.cache_data
        def with_widget(n):
            st.write("computing", n)
            choice = st.checkbox("in cache")
            return choice

        st.write(with_widget(1))
        st.write("after")
        """,
        known=[OWN_WORDS],
    ),
    "stateful_containers_callbacks": App(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        def note(what):
            st.session_state.log.append(what)
        tabs = st.tabs(["Alpha", "Beta", "Gamma"], key="tabs", on_change=note, args=("tabs",))
        tabs[0].write("alpha body")
        tabs[2].write("gamma body")
        with st.expander("Advanced", key="adv", on_change=note, args=("expander",)):
            st.write("advanced body")
        with st.popover("Menu", key="menu", on_change=note, args=("popover",)):
            st.write("menu body")
        st.write(st.session_state.log)
        st.write(st.session_state.get("tabs"), st.session_state.get("adv"), st.session_state.get("menu"))
        """,
        [
            ("session_state", "tabs", "Gamma"),
            ("session_state", "adv", True),
            ("run",),
        ],
    ),
    "expander_types_and_status_types": App(
        """
        import streamlit as st
        with st.expander("Compact", type="compact"):
            st.write("c")
        with st.status("Quiet", type="compact", state="complete"):
            st.write("q")
        e = st.expander("Via handle", expanded=True, icon=":material/bolt:")
        e.write("written through the handle")
        e.button("Inner", key="inner")
        st.write(st.session_state.get("inner"))
        """,
        [("button", "inner", "click")],
    ),
}


@pytest.mark.parametrize("name", sorted(APPS))
def test_sweep_app_shows_the_same_as_streamlit(tmp_path: Path, name: str) -> None:
    diffs, _ = differences(tmp_path, APPS[name])
    assert not diffs, f"{name}: rillet differs from Streamlit\n\n" + "\n\n".join(diffs)
