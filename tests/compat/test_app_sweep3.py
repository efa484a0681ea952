"""A third sweep of ordinary Streamlit apps: rillet shows what Streamlit shows.

test_app_sweep.py and test_app_sweep2.py continued with apps shaped like
published ones: LLM chat apps (avatars, files, streamed replies, feedback
on replies), apps split across modules (a ``pages/`` folder, st.navigation
with hidden/top positions and sections, st.switch_page by path and by
page), sign-in patterns, wizards, fragment-heavy and dialog-heavy apps,
layouts with every 1.67 layout parameter, text elements with their width
parameters, timers, query-param driven state, widget combinations and
callbacks that set other widgets, forms, uploads and downloads. Each app
runs unchanged through Streamlit's AppTest and rillet's; after every run
sweep.py compares every element's kind, label, value, options and public
attributes, the size of every list accessor, and the session state.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import Known
from sweep import App, differences, scan_components_once

pytest.importorskip("streamlit")
pytestmark = [pytest.mark.streamlit, pytest.mark.usefixtures(scan_components_once.__name__)]

# Divergences found by this sweep and left, each with why:
# (none yet)

# Errors raised by st.* itself are worded by rillet (never Streamlit's text):
# for them only whether and where an error shows is compared.
OWN_WORDS = Known(
    "exception",
    ("body", "extra", "message"),
    "rillet words the errors its commands raise itself (never Streamlit's text)",
)
# Streamlit's AppTest holds a dialog's body in one vertical container; rillet's
# holds it directly (sweep.py compares the body), so the container count differs.
DIALOG_BODY = {"container": "Streamlit's AppTest holds a dialog's body in a container"}
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944"
    "4154789c63f8cfc0000003010100c9fe92ef0000000049454e44ae426082"
)

APPS: dict[str, App] = {
    "openai_style_chat_with_feedback": App(
        """
        import streamlit as st
        st.title("🤖 Assistant")
        if "messages" not in st.session_state:
            st.session_state["messages"] = [{"role": "assistant", "content": "How can I help you?"}]
        for i, msg in enumerate(st.session_state.messages):
            avatar = "🦜" if msg["role"] == "assistant" else "👤"
            with st.chat_message(msg["role"], avatar=avatar):
                st.markdown(msg["content"])
                if msg["role"] == "assistant" and i > 0:
                    st.feedback("thumbs", key=f"fb_{i}")
        def reply(prompt):
            for word in f"You said: {prompt}".split(" "):
                yield word + " "
        if prompt := st.chat_input("Say something", max_chars=50, key="chat"):
            st.session_state.messages.append({"role": "user", "content": prompt})
            st.chat_message("user", avatar="👤").write(prompt)
            with st.chat_message("assistant", avatar="🦜"):
                text = st.write_stream(reply(prompt))
            st.session_state.messages.append({"role": "assistant", "content": text})
            st.rerun()
        st.write({k: v for k, v in st.session_state.items() if k.startswith("fb_")})
        """,
        [
            ("chat_input", "chat", "set_value", "hi there"),
            ("feedback", 0, "set_value", 1),
            ("chat_input", "chat", "set_value", "again"),
            ("feedback", 1, "set_value", 0),
            ("run",),
        ],
    ),
    "chat_with_file_attachments": App(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        got = st.chat_input("Ask about a file", accept_file=True, file_type=["txt", "csv"], key="q")
        if got:
            files = [(f.name, f.size) for f in got.files]
            st.session_state.log.append((got.text, files))
        for text, files in st.session_state.log:
            with st.chat_message("human"):
                st.write(text)
                for name, size in files:
                    st.caption(f"{name}: {size} bytes")
            with st.chat_message("ai"):
                st.write(f"{len(files)} file(s) read")
        """,
        [
            ("chat_input", "q", "set_value", "read this"),
            ("run",),
        ],
    ),
    "chat_message_avatars_and_names": App(
        """
        import streamlit as st
        for name in ["user", "assistant", "ai", "human", "Bob", "robot"]:
            with st.chat_message(name):
                st.write(f"I am {name}")
        st.chat_message("user", avatar="assistant").write("swapped avatar")
        st.chat_message("Ann", avatar=":material/face:").write("material icon")
        st.chat_message("Eve", avatar="🦊", width=300).write("fixed width")
        m = st.chat_message("assistant", width="content")
        m.markdown("**bold** reply")
        m.code("print(1)")
        """,
    ),
    "write_stream_of_strings_and_objects": App(
        """
        import time
        import streamlit as st
        def slow_words(text):
            for w in text.split():
                time.sleep(0.001)
                yield w + " "
        a = st.write_stream(slow_words("the quick brown fox"))
        st.write(repr(a))
        b = st.write_stream(["one", 2, "three"])
        st.write(repr(b))
        c = st.write_stream(x for x in [[1, 2], "text", {"k": "v"}])
        st.write(repr(c))
        d = st.write_stream("a plain string")
        st.write(repr(d))
        """,
        known=[OWN_WORDS],
    ),
    "chat_history_clear_and_regenerate": App(
        """
        import streamlit as st
        st.set_page_config(page_title="Support bot", layout="wide", initial_sidebar_state="expanded")
        ss = st.session_state
        ss.setdefault("turns", [])
        def clear():
            ss.turns = []
        def regenerate():
            if ss.turns:
                ss.turns[-1] = (ss.turns[-1][0], ss.turns[-1][1].upper())
        with st.sidebar:
            st.header("Options")
            st.button("Clear chat", on_click=clear, use_container_width=True, icon="🧹")
            st.button("Regenerate", on_click=regenerate, disabled=not ss.turns, key="regen")
            st.radio("Persona", ["Friendly", "Formal"], key="persona", horizontal=True)
        for q, a in ss.turns:
            st.chat_message("user").write(q)
            st.chat_message("assistant").write(a)
        if q := st.chat_input(f"Message ({ss.persona})", key="box"):
            ss.turns.append((q, f"{ss.persona}: {q[::-1]}"))
            st.rerun()
        st.caption(f"{len(ss.turns)} turns")
        """,
        [
            ("chat_input", "box", "set_value", "abc"),
            ("radio", "persona", "set_value", "Formal"),
            ("chat_input", "box", "set_value", "xyz"),
            ("button", "regen", "click"),
            ("button", 0, "click"),
        ],
    ),
    "implicit_pages_folder_multipage": App(
        """
        import streamlit as st
        st.set_page_config(page_title="Home", page_icon="🏠")
        st.title("Main page")
        st.sidebar.success("Select a page above.")
        st.session_state.setdefault("shared", 0)
        if st.button("Increment shared", key="inc"):
            st.session_state.shared += 1
        st.write("shared", st.session_state.shared)
        """,
        [("button", "inc", "click"), ("run",)],
        pages={
            "1_📈_Plotting.py": """
                import streamlit as st
                st.title("Plotting")
                st.write(st.session_state.get("shared"))
            """,
            "2_🌍_Mapping.py": """
                import streamlit as st
                st.title("Mapping")
            """,
        },
    ),
    "navigation_hidden_with_buttons": App(
        """
        import streamlit as st
        def start():
            st.header("Start")
            if st.button("Go to step 2", key="go2"):
                st.switch_page(step2)
        def second():
            st.header("Step 2")
            name = st.text_input("Name", key="name")
            if st.button("Finish", key="finish"):
                st.session_state.done = name
                st.switch_page("views/done.py")
        step1 = st.Page(start, title="Start", default=True)
        step2 = st.Page(second, title="Step two", url_path="two")
        done = st.Page("views/done.py", title="Done", icon="✅")
        pg = st.navigation([step1, step2, done], position="hidden")
        st.caption(f"page: {pg.title} {pg.url_path!r} {pg.icon!r}")
        pg.run()
        """,
        [
            ("button", "go2", "click"),
            ("text_input", "name", "input", "Ada"),
            ("button", "finish", "click"),
            ("run",),
        ],
        files={
            "views/done.py": """
                import streamlit as st
                st.success(f"Done, {st.session_state.get('done')}")
            """,
        },
    ),
    "navigation_top_with_sections_and_icons": App(
        """
        import streamlit as st
        st.set_page_config(layout="wide")
        def dash():
            st.title("Dashboard")
            st.metric("Users", 120, 4)
        def users():
            st.title("Users")
            st.dataframe({"name": ["a", "b"]}) if False else st.write(["a", "b"])
        def account():
            st.title("Account")
            st.toggle("Emails", key="emails", value=True)
        def logout():
            st.title("Bye")
        pages = {
            "": [st.Page(dash, title="Dashboard", icon=":material/dashboard:")],
            "Manage": [st.Page(users, title="Users", icon="👥")],
            "Account": [st.Page(account, title="Settings", icon=":material/settings:"), st.Page(logout, title="Log out")],
        }
        pg = st.navigation(pages, position="top", expanded=True)
        pg.run()
        st.write(pg.title)
        """,
    ),
    "switch_page_with_query_params": App(
        """
        import streamlit as st
        def lst():
            st.title("Items")
            for item in ["apple", "pear"]:
                if st.button(f"Open {item}", key=f"open_{item}"):
                    st.switch_page(detail, query_params={"item": item})
        def det():
            st.title("Detail")
            st.write("item:", st.query_params.get("item"))
            if st.button("Back", key="back"):
                st.switch_page(listing)
        listing = st.Page(lst, title="List", default=True)
        detail = st.Page(det, title="Detail", url_path="detail")
        st.navigation([listing, detail]).run()
        st.write(st.query_params.to_dict())
        """,
        [("button", "open_pear", "click"), ("run",), ("button", "back", "click")],
    ),
    "login_gate_with_logout": App(
        """
        import streamlit as st
        USERS = {"admin": "secret", "guest": "guest"}
        ss = st.session_state
        ss.setdefault("user", None)
        def login():
            u, p = ss.get("u", ""), ss.get("p", "")
            if USERS.get(u) == p:
                ss.user = u
                ss.error = None
            else:
                ss.error = "Invalid credentials"
        def logout():
            ss.user = None
        if ss.user is None:
            with st.form("login"):
                st.text_input("Username", key="u")
                st.text_input("Password", type="password", key="p")
                st.form_submit_button("Log in", on_click=login, type="primary")
            if ss.get("error"):
                st.error(ss.error, icon="🚫")
            st.stop()
        st.sidebar.write(f"Signed in as **{ss.user}**")
        st.sidebar.button("Log out", on_click=logout)
        st.title(f"Welcome {ss.user}")
        if ss.user == "admin":
            st.info("Admin tools")
            st.slider("Quota", 0, 100, 10, key="quota")
        """,
        [
            [("text_input", "u", "input", "admin"), ("text_input", "p", "input", "nope")],
            [("text_input", "u", "input", "admin"), ("button", 0, "click")],
            [("text_input", "p", "input", "secret"), ("button", 0, "click")],
            ("slider", "quota", "set_value", 30),
            ("button", 0, "click"),
        ],
    ),
    "wizard_with_progress_and_back": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("step", 1)
        ss.setdefault("data", {})
        STEPS = ["Profile", "Preferences", "Review"]
        st.progress(ss.step / len(STEPS), text=f"Step {ss.step} of {len(STEPS)}: {STEPS[ss.step - 1]}")
        def nxt():
            ss.step += 1
        def back():
            ss.step -= 1
        if ss.step == 1:
            ss.data["name"] = st.text_input("Name", value=ss.data.get("name", ""), key="name")
            ss.data["age"] = st.number_input("Age", 0, 120, ss.data.get("age", 30), key="age")
        elif ss.step == 2:
            ss.data["color"] = st.selectbox("Color", ["red", "green"], key="color")
            ss.data["news"] = st.checkbox("Newsletter", key="news")
        else:
            st.json(ss.data)
        c1, c2 = st.columns(2)
        c1.button("Back", on_click=back, disabled=ss.step == 1, key="back")
        if ss.step < len(STEPS):
            c2.button("Next", on_click=nxt, type="primary", key="next")
        elif c2.button("Submit", key="submit"):
            st.balloons()
            st.success("Saved")
        """,
        [
            ("text_input", "name", "input", "Lin"),
            ("button", "next", "click"),
            ("checkbox", "news", "check"),
            ("button", "next", "click"),
            ("button", "submit", "click"),
            ("button", "back", "click"),
        ],
    ),
    "fragment_dashboard_panels": App(
        """
        import streamlit as st
        st.session_state.setdefault("full_runs", 0)
        st.session_state.full_runs += 1
        st.title("Panels")
        @st.fragment
        def counter(name):
            key = f"n_{name}"
            st.session_state.setdefault(key, 0)
            if st.button(f"+1 {name}", key=f"b_{name}"):
                st.session_state[key] += 1
            st.metric(name, st.session_state[key])
        c1, c2 = st.columns(2)
        with c1:
            counter("left")
        with c2:
            counter("right")
        @st.fragment
        def filt():
            choice = st.radio("Filter", ["all", "odd"], key="f", horizontal=True)
            nums = [1, 2, 3, 4]
            st.write([n for n in nums if choice == "all" or n % 2])
            if st.button("Apply to whole app", key="full"):
                st.rerun(scope="app")
        filt()
        st.write("full runs", st.session_state.full_runs)
        """,
        [
            ("button", "b_left", "click"),
            ("button", "b_right", "click"),
            ("radio", "f", "set_value", "odd"),
            ("button", "full", "click"),
        ],
    ),
    "dialog_widths_and_on_dismiss": App(
        """
        import streamlit as st
        st.session_state.setdefault("events", [])
        def dismissed():
            st.session_state.events.append("dismissed")
        @st.dialog("Large one", width="large", on_dismiss=dismissed, icon="📋")
        def big(n):
            st.write(f"item {n}")
            if st.button("Close", key="close"):
                st.session_state.events.append(f"closed {n}")
                st.rerun()
        @st.dialog("Medium", width="medium", dismissible=False)
        def medium():
            st.text_input("Reason", key="reason")
            if st.button("OK", key="ok"):
                st.session_state.reason_saved = st.session_state.reason
                st.rerun()
        if st.button("Open large", key="open_l"):
            big(3)
        if st.button("Open medium", key="open_m"):
            medium()
        st.write(st.session_state.events, st.session_state.get("reason_saved"))
        """,
        [
            ("button", "open_l", "click"),
            ("button", "close", "click"),
            ("button", "open_m", "click"),
            [("text_input", "reason", "input", "why"), ("button", "ok", "click")],
        ],
        skip_accessors=DIALOG_BODY,
    ),
    "nested_columns_in_sidebar_and_main": App(
        """
        import streamlit as st
        with st.sidebar:
            a, b = st.columns([2, 1], gap="small")
            a.number_input("Min", value=1, key="lo")
            b.number_input("Max", value=9, key="hi")
            st.columns(3, border=True)[1].write("bordered")
        outer = st.columns([1, 2, 1], gap="large", vertical_alignment="center")
        with outer[1]:
            st.subheader("Center")
            x, y = st.columns(2, gap=None)
            x.button("Left", key="l")
            y.button("Right", key="r")
        outer[0].metric("Lo", st.session_state.lo)
        outer[2].metric("Hi", st.session_state.hi)
        row = st.columns(4, width=400)
        for i, col in enumerate(row):
            col.write(i)
        """,
        [("number_input", "lo", "set_value", 5), ("button", "r", "click")],
    ),
    "tabs_default_and_keys": App(
        """
        import streamlit as st
        t1, t2, t3 = st.tabs(["📈 Chart", "🗃 Data", "⚙️ Settings"], default="🗃 Data", key="main_tabs", on_change="rerun")
        with t1:
            st.write("chart here")
        with t2:
            st.write("data here")
            st.checkbox("Raw", key="raw")
        with t3:
            st.select_slider("Level", ["low", "mid", "high"], value="mid", key="lvl")
        st.write("active", st.session_state.get("main_tabs"))
        inner = st.tabs(["A", "B"], width=300, height=200)
        inner[0].write("inner a")
        """,
        [
            ("checkbox", "raw", "check"),
            ("session_state", "main_tabs", "⚙️ Settings"),
            ("select_slider", "lvl", "set_value", "high"),
        ],
    ),
    "expanders_with_icons_and_widths": App(
        """
        import streamlit as st
        with st.expander("FAQ", icon="❓"):
            st.write("answers")
        with st.expander("Details", expanded=True, icon=":material/info:", width=400):
            st.write("details")
        with st.expander("Keyed", key="kexp", on_change="rerun"):
            st.write("body")
        st.write(st.session_state.get("kexp"))
        """,
        [("session_state", "kexp", True), ("run",)],
    ),
    "popovers_with_width_and_icon": App(
        """
        import streamlit as st
        with st.popover("Settings", icon="⚙️", width="stretch"):
            st.checkbox("Dark", key="dark")
        with st.popover("Filters", icon=":material/filter_list:", type="primary", help="pick filters"):
            st.multiselect("Tags", ["a", "b", "c"], key="tags")
        p = st.popover("Info", width=200, disabled=True)
        p.write("inside")
        st.write(st.session_state.dark, st.session_state.tags)
        """,
        [("checkbox", "dark", "check"), ("multiselect", "tags", "select", "b")],
    ),
    "horizontal_containers_toolbar": App(
        """
        import streamlit as st
        bar = st.container(horizontal=True, horizontal_alignment="right", gap="medium", vertical_alignment="center")
        bar.button("Save", key="save", type="primary")
        bar.button("Cancel", key="cancel")
        bar.toggle("Auto", key="auto")
        cards = st.container(horizontal=True, wrap=False, gap=None, border=True, height=120)
        for i in range(3):
            cards.container(border=True, width=100).write(f"card {i}")
        spread = st.container(horizontal=True, horizontal_alignment="distribute")
        spread.write("a")
        spread.write("b")
        box = st.container(width=300, height="stretch", key="boxed")
        box.caption("sized")
        st.write(st.session_state.get("save"), st.session_state.get("auto"))
        """,
        [("button", "save", "click"), ("toggle", "auto", "set_value", True)],
    ),
    "space_and_dividers_layout": App(
        """
        import streamlit as st
        st.write("top")
        st.space()
        st.space("medium")
        st.space("large")
        st.space(40)
        with st.container(horizontal=True):
            st.write("left")
            st.space("stretch")
            st.write("right")
        st.divider()
        st.markdown("---")
        st.write("end")
        """,
    ),
    "html_and_markdown_content": App(
        """
        import streamlit as st
        st.html("<h3 style='color:teal'>Raw HTML</h3><p>para</p>")
        st.html("<style>.x{color:red}</style>")
        st.html("<div class='x'>styled</div>", width=200)
        st.markdown(
            '''
        | Name | Score |
        |------|------:|
        | Ann  | 10    |
        | Bob  | 7     |

        - item with [a link](https://example.com)
        - **bold** and *italic* and `code`
        > a quote

        1. first
        2. second
        '''
        )
        st.markdown(":red[red text] :blue-background[blue bg] :small[small] :rainbow[rainbow]")
        st.markdown("Hover me", help="a tip", width=300)
        st.markdown("<b>html</b> allowed", unsafe_allow_html=True)
        st.markdown("## Heading in markdown")
        st.markdown("centered", text_alignment="center")
        """,
    ),
    "text_elements_width_params": App(
        """
        import streamlit as st
        st.title("Title", anchor=False, help="title help", width=500)
        st.header("Header", divider="rainbow", anchor="hdr")
        st.subheader("Sub", divider=True, text_alignment="right")
        st.caption("A caption", width=200, help="cap help")
        st.code("x = 1\\ny = 2", language="python", line_numbers=True, width=300, height=100)
        st.code("SELECT 1", language="sql", wrap_lines=True)
        st.code("plain", language=None)
        st.text("fixed width text", width="stretch", help="text help")
        st.text("Centered text", text_alignment="center")
        st.latex(r"e^{i\\pi} + 1 = 0", help="Euler")
        st.badge("New", icon="✨", color="green")
        """,
    ),
    "logo_and_page_config_menu": App(
        """
        import streamlit as st
        st.set_page_config(
            page_title="Acme",
            page_icon=":material/rocket:",
            layout="centered",
            initial_sidebar_state="collapsed",
            menu_items={"Get Help": "https://example.com/help", "About": "# Acme app"},
        )
        st.logo("https://example.com/logo.png", link="https://example.com", size="large")
        st.sidebar.write("sidebar")
        st.write("body")
        """,
    ),
    "toasts_with_durations": App(
        """
        import streamlit as st
        if st.button("Notify", key="n"):
            st.toast("Saved!", icon="✅")
            st.toast("Long one", duration="long")
            st.toast("Sticky", duration="infinite", icon=":material/push_pin:")
            st.toast("Five seconds", duration=5)
        st.write("after")
        """,
        [("button", "n", "click"), ("run",)],
    ),
    "balloons_snow_celebrate": App(
        """
        import streamlit as st
        c = st.columns(2)
        if c[0].button("Balloons", key="b"):
            st.balloons()
            st.write("🎈")
        if c[1].button("Snow", key="s"):
            st.snow()
            st.write("❄️")
        """,
        [("button", "b", "click"), ("button", "s", "click"), ("run",)],
    ),
    "progress_bar_job_with_empty": App(
        """
        import time
        import streamlit as st
        if st.button("Run job", key="run"):
            bar = st.progress(0, text="Starting")
            slot = st.empty()
            for i in range(1, 6):
                time.sleep(0.001)
                bar.progress(i * 20, text=f"Step {i}/5")
                slot.text(f"working {i}")
            slot.success("Finished")
            bar.empty()
        st.progress(0.25)
        st.progress(75, width=300)
        """,
        [("button", "run", "click")],
    ),
    "countdown_timer_empty_loop": App(
        """
        import time
        import streamlit as st
        secs = st.number_input("Seconds", 1, 10, 3, key="secs")
        if st.button("Start", key="start"):
            ph = st.empty()
            for left in range(secs, 0, -1):
                with ph.container():
                    st.metric("Remaining", f"{left}s")
                    st.progress(left / secs)
                time.sleep(0.001)
            ph.write("⏰ Time's up!")
        """,
        [("number_input", "secs", "set_value", 4), ("button", "start", "click")],
    ),
    "query_params_driven_filters": App(
        """
        import streamlit as st
        qp = st.query_params
        cats = ["books", "music", "games"]
        cur = qp.get("cat", "books")
        idx = cats.index(cur) if cur in cats else 0
        cat = st.selectbox("Category", cats, index=idx, key="cat")
        qp["cat"] = cat
        page = int(qp.get("page", 1))
        c1, c2 = st.columns(2)
        if c1.button("Prev", disabled=page <= 1, key="prev"):
            qp["page"] = page - 1
            st.rerun()
        if c2.button("Next", key="next"):
            qp["page"] = page + 1
            st.rerun()
        st.write(qp.to_dict(), qp.get_all("tag"))
        """,
        [
            ("selectbox", "cat", "select", "games"),
            ("button", "next", "click"),
            ("button", "next", "click"),
            ("button", "prev", "click"),
        ],
        query={"cat": "music", "tag": "x"},
    ),
    "widgets_help_visibility_placeholders": App(
        """
        import streamlit as st
        st.text_input("Hidden label", label_visibility="hidden", placeholder="type here", key="t1", help="h1")
        st.text_input("Collapsed", label_visibility="collapsed", placeholder="collapsed", key="t2")
        st.number_input("Price", min_value=0.0, step=0.25, format="%.2f", key="price", help="in USD")
        st.number_input("Count", value=None, placeholder="how many?", key="count")
        st.selectbox("Pick", ["a", "b"], index=None, placeholder="Choose one", key="pick", disabled=True)
        st.multiselect("Many", ["x", "y"], placeholder="Choose many", key="many", max_selections=1)
        st.text_area("Bio", placeholder="About you", height=68, max_chars=100, key="bio")
        st.slider("Pct", 0.0, 1.0, 0.5, 0.05, format="%.0f%%", key="pct")
        st.date_input("When", value=None, key="when", help="a date")
        st.time_input("At", value=None, step=900, key="at")
        st.write(st.session_state.price, st.session_state.count, st.session_state.when)
        """,
        [
            ("number_input", "price", "set_value", 1.5),
            ("number_input", "count", "set_value", 3),
            ("multiselect", "many", "select", "y"),
            ("date_input", "when", "set_value", __import__("datetime").date(2024, 2, 29)),
        ],
    ),
    "callbacks_setting_other_widgets": App(
        """
        import streamlit as st
        ss = st.session_state
        def preset():
            p = ss.preset
            ss.width, ss.height = {"Small": (10, 5), "Large": (100, 50)}[p]
            ss.lock = p == "Large"
        def reset():
            for k in ("width", "height"):
                ss[k] = 0
            ss.preset = "Small"
        st.radio("Preset", ["Small", "Large"], key="preset", on_change=preset)
        st.number_input("Width", key="width", value=0)
        st.number_input("Height", key="height", value=0, disabled=ss.get("lock", False))
        st.button("Reset", on_click=reset)
        st.write(ss.width * ss.height)
        """,
        [
            ("radio", "preset", "set_value", "Large"),
            ("number_input", "width", "set_value", 7),
            ("button", 0, "click"),
        ],
    ),
    "form_clear_on_submit_with_callback_args": App(
        """
        import streamlit as st
        st.session_state.setdefault("rows", [])
        def add(kind):
            st.session_state.rows.append((kind, st.session_state.item, st.session_state.qty))
        with st.form("entry", clear_on_submit=True, border=False):
            st.text_input("Item", key="item")
            st.number_input("Qty", 1, 10, key="qty")
            c1, c2 = st.columns(2)
            c1.form_submit_button("Add food", on_click=add, args=("food",))
            c2.form_submit_button("Add drink", on_click=add, kwargs={"kind": "drink"}, type="primary", icon="🥤")
        st.write(st.session_state.rows)
        st.write(st.session_state.item, st.session_state.qty)
        """,
        [
            [("text_input", "item", "input", "bread"), ("number_input", "qty", "set_value", 3)],
            ("button", 0, "click"),
            ("text_input", "item", "input", "tea"),
            ("button", 1, "click"),
        ],
    ),
    "uploader_types_and_directory": App(
        """
        import streamlit as st
        one = st.file_uploader("Image", type=["png", ".JPG"], key="img")
        many = st.file_uploader("Docs", type="pdf", accept_multiple_files=True, key="docs")
        folder = st.file_uploader("Folder", accept_multiple_files="directory", key="dir")
        st.write(one.name if one else None, len(many), len(folder or []))
        if folder:
            st.write(sorted(f.name for f in folder))
        """,
        [
            ("file_uploader", "img", "upload", "pic.png", PNG, "image/png"),
            ("file_uploader", "dir", "upload", "a.txt", b"aaa", "text/plain"),
            ("file_uploader", "dir", "upload", "b.txt", b"bb", "text/plain"),
        ],
    ),
    "download_buttons_variants": App(
        """
        import streamlit as st
        st.session_state.setdefault("clicks", 0)
        def count():
            st.session_state.clicks += 1
        st.download_button("CSV", "a,b\\n1,2", file_name="d.csv", mime="text/csv", key="csv")
        st.download_button("Bytes", b"\\x00\\x01", file_name="x.bin", on_click=count, key="bin")
        st.download_button("Lazy", lambda: "generated", file_name="g.txt", on_click="ignore", key="lazy", icon="⬇️")
        st.download_button("Stay", "s", on_click="rerun", type="primary", width="stretch", key="stay")
        st.write(st.session_state.clicks)
        """,
        [("download_button", "bin", "click"), ("download_button", "stay", "click"), ("run",)],
    ),
}


@pytest.mark.parametrize("name", sorted(APPS))
def test_sweep_app_shows_the_same_as_streamlit(tmp_path: Path, name: str) -> None:
    diffs, _ = differences(tmp_path, APPS[name])
    assert not diffs, f"{name}: rillet differs from Streamlit\n\n" + "\n\n".join(diffs)
