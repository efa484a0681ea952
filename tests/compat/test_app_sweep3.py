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
from sweep import TIME_SLIDER_BOUNDS, App, differences, scan_components_once
from test_app_sweep2 import JPEG

pytest.importorskip("streamlit")
pytestmark = [pytest.mark.streamlit, pytest.mark.usefixtures(scan_components_once.__name__)]

# Divergences this sweep found and fixed (each app named covers it): built-in
# chat avatars reported as "user"/"assistant" (chat_message_avatars_and_names);
# AppTest upload() replacing earlier runs' files (uploader_types_and_directory);
# buttons left pressed after a run ended by an exception or st.stop()
# (errors_and_exceptions_shown) and a stopped run's chat message not resent
# (api_key_gate_in_sidebar); a button whose callback clears session state
# (reset_button_clears_state_in_callback); "_name" function pages titled " name"
# and lambda pages "<lambda>", st.Page(title="") (page_titles_inferred_from_names,
# lambda_pages_and_empty_titles); a string or None as options, number_input
# steps of 0 or below, chat_input max_chars=0 (arguments_streamlit_takes_leniently);
# st.columns of numpy/pandas specs (columns_from_numpy_and_pandas_specs);
# query_params.from_dict of non-strings and non-string session-state keys
# (query_params_of_any_values_and_odd_state_keys); keys, placeholders and media
# formats of any type (placeholders_keys_and_formats_of_any_type); st.tabs
# returning a tuple (element_handles_and_return_values); on_click="ignore" or
# "rerun" refused by st.button and st.form_submit_button
# (button_click_modes_are_refused); the width of text, number, select, date,
# time, slider, radio, checkbox, toggle, color, file, camera and audio inputs,
# taken but not applied before (input_widths_in_pixels_or_stretch).
#
# Divergences found and left, each with why (the apps here avoid them):
# - st.select_slider whose options are pairs, with no value: Streamlit takes
#   the first option (a pair) for a range's two ends; rillet takes it as the
#   one value it is.
# - A numpy default (st.slider(..., np.float64(0.5))): Streamlit returns the
#   numpy value until the user moves the widget, a float after; rillet a float.
# - Streamlit raises a subclass of StreamlitAPIException per mistake
#   (StreamlitValueOutOfRangeError...); rillet raises its one API exception
#   (every such name catches it), so type(e).__name__ differs.
# - Arguments Streamlit refuses and rillet takes (width="content" on
#   uploaders, media and other inputs not listed above, st.container(width=0), expanded=None and form flags of None,
#   a bytearray or Path to st.download_button, a format_func returning no string,
#   an np.float32 number_input value, st.set_option of theme options,
#   st.sidebar.logo): apps that run on Streamlit do not pass them.
# - A SyntaxError in a pages/ file: both show it, Streamlit's text indents the
#   code line and starts the last with "SyntaxError: "; a main script's
#   SyntaxError shows in Streamlit's browser but not in its AppTest tree.
# - Session-state iteration order: Streamlit's follows a set (it varies between
#   processes), so apps here sort what they list.
# - clear_on_submit forms: as in test_app_sweep2.py (form_clear_on_submit).

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
        st.write(sorted((k, v) for k, v in st.session_state.items() if k.startswith("fb_")))
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
    "placeholder_streaming_chat_old_style": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("msgs", [])
        for m in ss.msgs:
            with st.chat_message(m["role"]):
                st.markdown(m["content"])
        if prompt := st.chat_input("What is up?"):
            ss.msgs.append({"role": "user", "content": prompt})
            with st.chat_message("user"):
                st.markdown(prompt)
            with st.chat_message("assistant"):
                box = st.empty()
                full = ""
                for chunk in ["Hello", " there", ", friend"]:
                    full += chunk
                    box.markdown(full + "▌")
                box.markdown(full)
            ss.msgs.append({"role": "assistant", "content": full})
        """,
        [("chat_input", 0, "set_value", "hey"), ("chat_input", 0, "set_value", "again")],
    ),
    "agent_status_steps": App(
        """
        import streamlit as st
        if st.button("Ask agent", key="ask"):
            with st.status("Thinking...", expanded=True) as status:
                st.write("Searching the web")
                st.write("Reading 3 pages")
                status.update(label="Answer ready", state="complete", expanded=False)
            with st.status("Tool call", state="error"):
                st.code("search('x')")
            s = st.status("Queued")
            s.update(label="Running", state="running")
            st.write("Answer: 42")
        """,
        [("button", "ask", "click"), ("run",)],
    ),
    "write_stream_cursor_and_async": App(
        """
        import asyncio
        import streamlit as st
        async def agen():
            for part in ["async ", "chunks"]:
                await asyncio.sleep(0)
                yield part
        st.write(repr(st.write_stream(agen())))
        st.write(repr(st.write_stream(iter(["a", "b"]), cursor="▌")))
        """,
    ),
    "voice_and_camera_inputs": App(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        def got(kind):
            st.session_state.log.append(kind)
        off = st.toggle("Disable camera", key="off")
        photo = st.camera_input("Take a picture", disabled=off, key="cam", on_change=got, args=("cam",), help="smile")
        voice = st.audio_input("Record", key="mic", on_change=got, kwargs={"kind": "mic"}, label_visibility="collapsed")
        if photo:
            st.image(photo, caption="You")
            st.write(photo.name, photo.type, photo.size)
        if voice:
            st.audio(voice)
            st.write(voice.name, voice.type)
        st.write(st.session_state.log)
        """,
        [
            ("camera_input", "cam", "upload", "snap.jpg", JPEG, "image/jpeg"),
            ("audio_input", "mic", "upload", "rec.wav", b"RIFF0000WAVE", "audio/wav"),
            ("toggle", "off", "set_value", True),
        ],
    ),
    "date_inputs_none_ranges_and_formats": App(
        """
        import datetime as dt
        import streamlit as st
        d0 = st.date_input("Optional", value=None, key="opt")
        d1 = st.date_input("Start", dt.date(2024, 1, 15), min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 12, 31), format="DD.MM.YYYY", key="start")
        d2 = st.date_input("Trip", (dt.date(2024, 3, 1), dt.date(2024, 3, 5)), key="trip")
        d3 = st.date_input("Open range", (), key="open")
        d4 = st.date_input("Half range", (dt.date(2024, 5, 1),), format="MM/DD/YYYY", key="half")
        st.write(d0, d1, d2, d3, d4)
        """,
        [
            ("date_input", "opt", "set_value", __import__("datetime").date(2025, 6, 1)),
            ("date_input", "trip", "set_value", (__import__("datetime").date(2024, 3, 2),)),
            ("date_input", "opt", "set_value", None),
            (
                "date_input",
                "open",
                "set_value",
                (__import__("datetime").date(2024, 1, 1), __import__("datetime").date(2024, 1, 3)),
            ),
        ],
    ),
    "feedback_kinds_with_callbacks": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("events", [])
        def rated(kind):
            ss.events.append((kind, ss[kind]))
        st.feedback("thumbs", key="thumbs", on_change=rated, args=("thumbs",))
        st.feedback("faces", key="faces", default=2, on_change=rated, args=("faces",))
        stars = st.feedback("stars", key="stars", disabled=ss.get("thumbs") == 0)
        st.write(stars, ss.events)
        if stars is not None:
            st.markdown(f"You gave {':star:' * (stars + 1)}")
        """,
        [
            ("feedback", "thumbs", "set_value", 1),
            ("feedback", "faces", "set_value", 4),
            ("feedback", "stars", "set_value", 3),
            ("feedback", "thumbs", "set_value", 0),
        ],
    ),
    "pills_and_segments_in_form": App(
        """
        import streamlit as st
        with st.form("prefs"):
            days = st.pills("Days", ["Mon", "Tue", "Wed"], selection_mode="multi", default=["Mon"], key="days")
            size = st.segmented_control("Size", ["S", "M", "L"], default="M", key="size", format_func=lambda s: s * 2)
            icons = st.pills("Icon", [":material/home:", "🚀"], key="icon", label_visibility="collapsed")
            sent = st.form_submit_button("Save")
        st.write(sent, days, size, icons)
        """,
        [
            [("button_group", "days", "set_value", ["Mon", "Wed"]), ("button", 0, "click")],
            [
                ("button_group", "size", "set_value", "L"),
                ("button_group", "icon", "set_value", "🚀"),
            ],
            ("button", 0, "click"),
        ],
    ),
    "metric_cards_with_sparklines": App(
        """
        import streamlit as st
        cols = st.columns(3, border=True)
        cols[0].metric("Revenue", "$12.4k", "+8%", chart_data=[1, 3, 2, 5, 4], chart_type="area", border=True)
        cols[1].metric("Churn", "2.1%", "-0.3%", delta_color="inverse", help="monthly", chart_data=[5, 4, 4, 3], chart_type="bar")
        cols[2].metric("Users", 1530, 0, delta_color="off", label_visibility="hidden")
        st.metric("Score", 0.8123, format="percent")
        st.metric("Temp", 21.5, -1.25, delta_arrow="down", delta_description="vs yesterday", icon="🌡️")
        st.metric("Plain", None)
        """,
        drop_kinds={},
    ),
    "recipe_cards_expanders_columns": App(
        """
        import streamlit as st
        RECIPES = {"Pancakes": ["flour", "milk", "egg"], "Salad": ["lettuce", "tomato"]}
        q = st.text_input("Search", key="q", icon=":material/search:")
        for name, items in RECIPES.items():
            if q.lower() not in name.lower():
                continue
            with st.expander(name, icon="🍽️"):
                left, right = st.columns([3, 1])
                with left:
                    for item in items:
                        st.checkbox(item, key=f"{name}-{item}")
                right.button("Favourite", key=f"fav-{name}", icon="⭐")
        done = [k for k, v in st.session_state.items() if "-" in k and v is True and not k.startswith("fav")]
        st.write(sorted(done))
        """,
        [
            ("checkbox", "Pancakes-milk", "check"),
            ("text_input", "q", "input", "sal"),
            ("checkbox", "Salad-tomato", "check"),
        ],
    ),
    "role_based_navigation": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("role", None)
        ROLES = [None, "Requester", "Admin"]
        def login():
            st.header("Log in")
            role = st.selectbox("Choose your role", ROLES, key="pick")
            if st.button("Log in", key="login"):
                ss.role = role
                st.rerun()
        def logout():
            ss.role = None
            st.rerun()
        role = ss.role
        logout_page = st.Page(logout, title="Log out", icon=":material/logout:")
        request = st.Page(lambda: st.write("request page"), title="Request", url_path="request", default=(role == "Requester"))
        admin = st.Page(lambda: st.write("admin page"), title="Admin", url_path="admin", default=(role == "Admin"))
        if role is None:
            pg = st.navigation([st.Page(login)])
        else:
            pages = {"Account": [logout_page], "Work": [request]}
            if role == "Admin":
                pages["Admin"] = [admin]
            pg = st.navigation(pages)
        st.title("Request manager")
        pg.run()
        """,
        [
            ("selectbox", "pick", "select", "Admin"),
            ("button", "login", "click"),
            ("run",),
        ],
    ),
    "old_convention_switch_and_page_links": App(
        """
        import streamlit as st
        st.title("Home")
        st.page_link("main.py", label="Home", icon="🏠")
        st.page_link("pages/profile.py", label="Profile", icon="👤", help="your profile")
        st.page_link("https://streamlit.io", label="External", icon="🌐")
        if st.button("Go to profile", key="go"):
            st.switch_page("pages/profile.py")
        """,
        [("button", "go", "click"), ("run",)],
        pages={
            "profile.py": """
                import streamlit as st
                st.title("Profile")
                st.page_link("main.py", label="Back home")
                if st.button("Home", key="home"):
                    st.switch_page("main.py")
            """,
        },
    ),
    "page_config_in_pages_and_hidden_pages": App(
        """
        import streamlit as st
        def about():
            st.set_page_config(page_title="About us", layout="wide")
            st.write("about")
        def secret():
            st.write("secret page")
        home = st.Page("home.py", title="Home", icon=":material/home:", default=True)
        ab = st.Page(about, title="About", help="who we are")
        hidden = st.Page(secret, title="Secret", visibility="hidden", url_path="s")
        pg = st.navigation([home, ab, hidden])
        st.set_page_config(page_title=f"App - {pg.title}", page_icon="🧭")
        pg.run()
        """,
        [("button", "to_secret", "click"), ("run",)],
        files={
            "home.py": """
                import streamlit as st
                st.write("home page")
                if st.button("Secret", key="to_secret"):
                    st.switch_page("main.py") if False else None
                    st.session_state.went = True
                st.write(st.session_state.get("went"))
            """,
        },
    ),
    "sidebar_selectbox_router": App(
        """
        import streamlit as st
        page = st.sidebar.selectbox("Navigate", ["Home", "Upload", "About"], key="nav")
        st.sidebar.markdown("---")
        st.sidebar.caption("v1.0")
        if page == "Home":
            st.title("Home")
            st.write("Welcome")
        elif page == "Upload":
            st.title("Upload")
            f = st.file_uploader("CSV", type=["csv"], key="f")
            if f is not None:
                st.code(f.getvalue().decode())
        else:
            st.title("About")
            st.markdown("Made with :heart:")
        """,
        [
            ("selectbox", "nav", "select", "Upload"),
            ("file_uploader", "f", "upload", "a.csv", b"x,y\\n1,2", "text/csv"),
            ("selectbox", "nav", "select", "About"),
        ],
    ),
    "settings_persist_across_pages": App(
        """
        import streamlit as st
        ss = st.session_state
        def keep(k):
            ss["_" + k] = ss[k]
        def load(k, default):
            ss[k] = ss.get("_" + k, default)
        def settings():
            load("units", "metric")
            st.radio("Units", ["metric", "imperial"], key="units", on_change=keep, args=("units",))
        def view():
            st.write("units are", ss.get("_units", "metric"))
        pg = st.navigation([st.Page(settings, title="Settings"), st.Page(view, title="View")], position="top")
        pg.run()
        """,
        [("radio", "units", "set_value", "imperial"), ("run",)],
    ),
    "calculator_button_grid": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("expr", "")
        def press(k):
            if k == "C":
                ss.expr = ""
            elif k == "=":
                try:
                    ss.expr = str(eval(ss.expr))
                except Exception:
                    ss.expr = "Error"
            else:
                ss.expr += k
        st.text_input("Display", value=ss.expr, disabled=True, key=f"disp")
        for row in ["789/", "456*", "123-", "C0=+"]:
            cols = st.columns(4, gap="small")
            for col, k in zip(cols, row):
                col.button(k, key=f"k{k}", on_click=press, args=(k,), use_container_width=True)
        st.write(ss.expr)
        """,
        [
            ("button", "k7", "click"),
            ("button", "k*", "click"),
            ("button", "k6", "click"),
            ("button", "k=", "click"),
            ("button", "kC", "click"),
        ],
    ),
    "toggle_shows_sections_and_styles": App(
        """
        import streamlit as st
        st.html("<style>.st-key-card {background: #eee}</style>")
        adv = st.toggle("Advanced mode", key="adv", help="more options")
        with st.container(key="card", border=True):
            st.write("always")
            if adv:
                st.slider("Depth", 1, 10, 3, key="depth")
                st.color_picker("Accent", "#FF0000", key="accent")
        if adv:
            st.markdown(f"<span style='color:{st.session_state.accent}'>accent</span>", unsafe_allow_html=True)
        st.write(st.session_state.get("depth"))
        """,
        [
            ("toggle", "adv", "set_value", True),
            ("slider", "depth", "set_value", 7),
            ("color_picker", "accent", "pick", "#00FF00"),
            ("toggle", "adv", "set_value", False),
            ("toggle", "adv", "set_value", True),
        ],
    ),
    "link_buttons_and_page_links_external": App(
        """
        import streamlit as st
        st.link_button("Docs", "https://docs.streamlit.io", icon="📖", type="primary")
        st.link_button("Disabled", "https://example.com", disabled=True, help="not yet", width="stretch")
        st.sidebar.page_link("https://github.com", label="GitHub", icon=":material/code:")
        st.page_link("https://example.com", label="Example", disabled=True)
        """,
    ),
    "form_layout_columns_and_enter": App(
        """
        import streamlit as st
        with st.form("search", enter_to_submit=False, border=False):
            c1, c2 = st.columns([3, 1], vertical_alignment="bottom")
            term = c1.text_input("Term", key="term")
            go = c2.form_submit_button("Go", use_container_width=True)
        with st.form("disabled_form"):
            st.slider("Level", 0, 5, key="lvl")
            st.form_submit_button("Send", disabled=True, help="locked")
        if go:
            st.write(f"searching {term!r}")
        st.write(st.session_state.lvl)
        """,
        [
            ("text_input", "term", "input", "cats"),
            [("text_input", "term", "input", "dogs"), ("button", 0, "click")],
            ("slider", "lvl", "set_value", 3),
        ],
    ),
    "select_sliders_and_time_sliders": App(
        """
        import datetime as dt
        import streamlit as st
        sizes = st.select_slider("Sizes", ["XS", "S", "M", "L", "XL"], value=("S", "L"), key="sizes")
        pair = st.select_slider("Pair", [(1, "a"), (2, "b"), (3, "c")], value=[(1, "a"), (3, "c")], format_func=lambda p: p[1], key="pair")
        t = st.slider("Time", value=(dt.time(9, 0), dt.time(17, 0)), step=dt.timedelta(minutes=30), key="t")
        d = st.slider("Day", min_value=dt.date(2024, 1, 1), max_value=dt.date(2024, 1, 31), value=dt.date(2024, 1, 10), format="MMM DD", key="d")
        when = st.slider("When", value=dt.datetime(2024, 1, 1, 12, 0), format="MM/DD/YY - hh:mm", key="when")
        st.write(sizes, pair, t, d, when)
        """,
        [
            ("select_slider", "sizes", "set_value", ("M", "XL")),
            (
                "slider",
                "t",
                "set_value",
                (__import__("datetime").time(10, 0), __import__("datetime").time(11, 30)),
            ),
            ("slider", "d", "set_value", __import__("datetime").date(2024, 1, 20)),
        ],
        skip_attrs=TIME_SLIDER_BOUNDS,
    ),
    "text_inputs_types_icons_limits": App(
        """
        import streamlit as st
        pw = st.text_input("Password", type="password", max_chars=12, key="pw", autocomplete="new-password")
        email = st.text_input("Email", icon="📧", placeholder="you@example.com", key="email")
        note = st.text_area("Note", value="hello", height="content", key="note", help="**markdown** help")
        n = st.text_area("Narrow", width=200, height=150, key="narrow", label_visibility="collapsed")
        st.write(len(pw), email, note, n)
        if pw and len(pw) < 8:
            st.warning("Password too short", icon="⚠️")
        """,
        [
            ("text_input", "pw", "input", "abc"),
            ("text_input", "email", "input", "a@b.c"),
            ("text_area", "note", "input", "line1\\nline2"),
            ("text_input", "pw", "input", "longenough1"),
        ],
    ),
    "dialog_with_form_from_fragment": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("people", [])
        @st.dialog("Add person", width="small")
        def add():
            with st.form("person", clear_on_submit=True):
                name = st.text_input("Name", key="pname")
                age = st.number_input("Age", 0, 130, 20, key="page")
                if st.form_submit_button("Add"):
                    ss.people.append((name, age))
                    st.rerun()
        @st.fragment
        def toolbar():
            if st.button("Add person", icon="🆕", key="open"):
                add()
            st.caption(f"{len(ss.people)} people")
        toolbar()
        for name, age in ss.people:
            st.write(f"{name} ({age})")
        """,
        [
            ("button", "open", "click"),
            [("text_input", "pname", "input", "Kim"), ("button", 0, "click")],
        ],
        skip_accessors=DIALOG_BODY,
    ),
    "dynamic_tabs_from_list": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("sheets", ["Sheet 1"])
        def add():
            ss.sheets.append(f"Sheet {len(ss.sheets) + 1}")
        st.button("New sheet", on_click=add, key="add")
        for tab, name in zip(st.tabs(ss.sheets), ss.sheets):
            with tab:
                st.text_input(f"Title of {name}", key=f"title-{name}")
        st.write(sorted((k, v) for k, v in ss.items() if k.startswith("title-")))
        """,
        [
            ("button", "add", "click"),
            ("text_input", "title-Sheet 2", "input", "two"),
            ("button", "add", "click"),
        ],
    ),
    "delete_keys_in_callbacks": App(
        """
        import streamlit as st
        ss = st.session_state
        def wipe():
            for k in list(ss.keys()):
                if k.startswith("f_"):
                    del ss[k]
        st.text_input("First", key="f_first")
        st.number_input("Num", key="f_num", value=5)
        st.checkbox("Flag", key="f_flag")
        st.button("Wipe", on_click=wipe, key="wipe")
        st.write(sorted(k for k in ss.keys() if k.startswith("f_")))
        """,
        [
            [("text_input", "f_first", "input", "x"), ("number_input", "f_num", "set_value", 9)],
            ("button", "wipe", "click"),
            ("run",),
        ],
    ),
    "cached_loader_with_clear_button": App(
        """
        import streamlit as st
        st.session_state.setdefault("loads", 0)
        @st.cache_data(show_spinner="Loading data...")
        def load(n):
            st.session_state.loads += 1
            return list(range(n))
        @st.cache_resource(show_spinner=False)
        def client():
            return {"connected": True}
        n = st.slider("Rows", 1, 5, 2, key="n")
        st.write(load(n), client())
        if st.button("Clear cache", key="clear"):
            load.clear()
            st.cache_resource.clear()
        st.write("loads", st.session_state.loads)
        """,
        [
            ("slider", "n", "set_value", 3),
            ("slider", "n", "set_value", 2),
            ("button", "clear", "click"),
            ("run",),
        ],
    ),
    "json_and_write_of_objects": App(
        """
        import dataclasses
        import streamlit as st
        @dataclasses.dataclass
        class Point:
            x: int
            y: int
        st.json({"a": [1, 2, {"b": None}], "c": True}, expanded=1)
        st.json('{"raw": "string json"}', expanded=False, width=300)
        st.write(Point(1, 2))
        st.write(None)
        st.write(3.14, "and", True)
        st.write({"set": sorted({3, 1})})
        st.write("Emoji :rocket: and :material/home:")
        st.write(ValueError("an error value"))
        """,
    ),
    "errors_and_exceptions_shown": App(
        """
        import streamlit as st
        try:
            1 / 0
        except ZeroDivisionError as e:
            st.exception(e)
        st.error("Failed to connect", icon=":material/error:")
        st.warning("Deprecated", width=300)
        st.info("Note :smile:")
        st.success("Done", icon="🎉")
        if st.button("Crash", key="crash"):
            raise RuntimeError("boom")
        st.write("after")
        """,
        [("button", "crash", "click"), ("run",)],
        known=[Known("exception", ("extra", "message"), "the traceback lines differ (file paths)")],
    ),
    "number_inputs_mixed_and_bounds": App(
        """
        import streamlit as st
        a = st.number_input("Int step", min_value=0, max_value=100, value=10, step=5, key="a")
        b = st.number_input("Float", value=1.0, step=0.1, format="%.1f", key="b")
        c = st.number_input("Sci", value=0.001, format="%e", key="c")
        d = st.number_input("Icon", value=3, icon="🔢", width=150, key="d")
        st.write(a, b, c, d, type(a).__name__, type(b).__name__)
        """,
        [
            ("number_input", "a", "increment"),
            ("number_input", "b", "decrement"),
            ("number_input", "a", "set_value", 100),
            ("number_input", "a", "increment"),
            ("number_input", "d", "set_value", -2),
        ],
    ),
    "echo_and_help_in_tutorial": App(
        """
        import streamlit as st
        st.header("Tutorial")
        with st.echo():
            total = sum(range(5))
            st.write("total", total)
        with st.echo(code_location="below"):
            st.write("code shown below")
        st.help(st.write) if False else st.write("skip help")
        st.caption("end")
        """,
    ),
    "chat_input_in_sidebar_and_disabled_while_busy": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("busy", False)
        ss.setdefault("answers", [])
        with st.sidebar:
            q = st.chat_input("Quick question", key="side", disabled=ss.busy)
        if q:
            ss.answers.append(q.upper())
        main = st.container()
        main.write(ss.answers)
        st.toggle("Busy", key="busy")
        bottom = st.chat_input("Main input", key="main", max_chars=10, width=400)
        if bottom:
            st.write("main got", bottom)
        """,
        [
            ("chat_input", "side", "set_value", "hi"),
            ("toggle", "busy", "set_value", True),
            ("chat_input", "main", "set_value", "x"),
        ],
    ),
    "api_key_gate_in_sidebar": App(
        """
        import streamlit as st
        with st.sidebar:
            key = st.text_input("OpenAI API Key", key="api_key", type="password")
            st.markdown("[Get an OpenAI API key](https://platform.openai.com/account/api-keys)")
        st.title("💬 Chatbot")
        st.caption("🚀 A chatbot powered by a fake LLM")
        if "messages" not in st.session_state:
            st.session_state["messages"] = [{"role": "assistant", "content": "How can I help you?"}]
        for msg in st.session_state.messages:
            st.chat_message(msg["role"]).write(msg["content"])
        if prompt := st.chat_input(key="prompt"):
            if not key:
                st.info("Please add your OpenAI API key to continue.")
                st.stop()
            st.session_state.messages.append({"role": "user", "content": prompt})
            st.chat_message("user").write(prompt)
            st.session_state.messages.append({"role": "assistant", "content": prompt.title()})
            st.chat_message("assistant").write(prompt.title())
        """,
        [
            ("chat_input", "prompt", "set_value", "hello"),
            ("text_input", "api_key", "input", "sk-123"),
            ("chat_input", "prompt", "set_value", "hello world"),
        ],
    ),
    "openai_and_langchain_shaped_chunks": App(
        """
        import streamlit as st
        class Delta:
            def __init__(self, content):
                self.content = content
        class Choice:
            def __init__(self, content):
                self.delta = Delta(content)
        class ChatCompletionChunk:
            __module__ = "openai.types.chat.chat_completion_chunk"
            def __init__(self, content):
                self.choices = [Choice(content)]
        class AIMessageChunk:
            __module__ = "langchain_core.messages.ai"
            def __init__(self, content):
                self.content = content
        out = st.write_stream(ChatCompletionChunk(t) for t in ["Hel", "lo"])
        st.write(repr(out))
        out2 = st.write_stream(AIMessageChunk(t) for t in ["Lang", "chain"])
        st.write(repr(out2))
        """,
    ),
    "chat_in_fixed_height_container": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("log", ["Welcome"])
        box = st.container(height=300, border=True, autoscroll=True)
        for i, line in enumerate(ss.log):
            box.chat_message("assistant" if i % 2 == 0 else "user").write(line)
        if text := st.chat_input("Type", key="t"):
            ss.log += [text, f"echo: {text}"]
            st.rerun()
        """,
        [("chat_input", "t", "set_value", "one"), ("chat_input", "t", "set_value", "two")],
    ),
    "chat_reply_with_sources_and_status": App(
        """
        import streamlit as st
        if q := st.chat_input("Ask the docs", key="q"):
            st.chat_message("user").write(q)
            with st.chat_message("assistant"):
                with st.status("Retrieving...", expanded=False) as s:
                    st.write("found 2 documents")
                    s.update(label="Retrieved", state="complete")
                st.markdown(f"**Answer** to _{q}_")
                with st.expander("Sources", icon="📚"):
                    st.markdown("- doc1.md\\n- doc2.md")
                c1, c2, _ = st.columns([1, 1, 6])
                c1.button("👍", key="up")
                c2.button("👎", key="down")
        """,
        [("chat_input", "q", "set_value", "what is rillet?"), ("button", "up", "click")],
    ),
    "text_input_cleared_by_callback": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("sent", [])
        def submit():
            ss.sent.append(ss.widget)
            ss.widget = ""
        st.text_input("Message", key="widget", on_change=submit)
        st.write(ss.sent)
        st.write(repr(ss.widget))
        """,
        [("text_input", "widget", "input", "first"), ("text_input", "widget", "input", "second")],
    ),
    "word_game_with_guesses": App(
        """
        import streamlit as st
        ss = st.session_state
        WORD = "rillet"
        ss.setdefault("guessed", set())
        ss.setdefault("tries", 6)
        def guess():
            g = ss.letter.lower()[:1]
            if g and g not in ss.guessed:
                ss.guessed.add(g)
                if g not in WORD:
                    ss.tries -= 1
            ss.letter = ""
        shown = " ".join(c if c in ss.guessed else "_" for c in WORD)
        st.header(shown)
        st.text_input("Letter", key="letter", max_chars=1, on_change=guess)
        st.progress(ss.tries / 6, text=f"{ss.tries} tries left")
        st.write(sorted(ss.guessed))
        if all(c in ss.guessed for c in WORD):
            st.success("You won!")
            st.balloons()
        elif ss.tries == 0:
            st.error("Game over")
        """,
        [
            ("text_input", "letter", "input", "l"),
            ("text_input", "letter", "input", "z"),
            ("text_input", "letter", "input", "r"),
            ("text_input", "letter", "input", "i"),
            ("text_input", "letter", "input", "e"),
            ("text_input", "letter", "input", "t"),
        ],
    ),
    "poll_with_pills_and_counts": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("votes", {"Python": 0, "Rust": 0, "Go": 0})
        def vote():
            if ss.choice:
                ss.votes[ss.choice] += 1
        st.pills("Favourite language", list(ss.votes), key="choice", on_change=vote)
        total = sum(ss.votes.values())
        for lang, n in ss.votes.items():
            st.progress(n / total if total else 0.0, text=f"{lang}: {n}")
        st.metric("Total votes", total)
        """,
        [
            ("button_group", "choice", "set_value", "Rust"),
            ("button_group", "choice", "set_value", "Go"),
            ("button_group", "choice", "set_value", None),
        ],
    ),
    "budget_planner_rows": App(
        """
        import streamlit as st
        st.set_page_config(page_title="Budget", layout="wide")
        ss = st.session_state
        ss.setdefault("n", 2)
        st.button("Add row", on_click=lambda: ss.update(n=ss.n + 1), key="add")
        total = 0.0
        for i in range(ss.n):
            c1, c2, c3 = st.columns([3, 2, 1], vertical_alignment="bottom")
            c1.text_input("Item", key=f"item{i}", label_visibility="collapsed" if i else "visible")
            amt = c2.number_input("Amount", key=f"amt{i}", min_value=0.0, step=10.0, label_visibility="collapsed" if i else "visible")
            c3.checkbox("Paid", key=f"paid{i}")
            total += amt
        st.divider()
        left, right = st.columns(2)
        left.metric("Total", f"${total:,.2f}")
        right.metric("Paid items", sum(bool(ss.get(f"paid{i}")) for i in range(ss.n)))
        """,
        [
            ("number_input", "amt0", "set_value", 120.0),
            ("button", "add", "click"),
            ("number_input", "amt2", "set_value", 30.5),
            ("checkbox", "paid1", "check"),
        ],
    ),
    "flashcards_flip": App(
        """
        import streamlit as st
        ss = st.session_state
        CARDS = [("hola", "hello"), ("gato", "cat"), ("perro", "dog")]
        ss.setdefault("i", 0)
        ss.setdefault("flipped", False)
        front, back = CARDS[ss.i]
        with st.container(border=True, height=150, vertical_alignment="center", horizontal_alignment="center"):
            st.subheader(back if ss.flipped else front)
        c = st.columns(3)
        if c[0].button("Flip", key="flip", use_container_width=True):
            ss.flipped = not ss.flipped
            st.rerun()
        if c[1].button("Next", key="next", use_container_width=True, disabled=ss.i == len(CARDS) - 1):
            ss.i += 1
            ss.flipped = False
            st.rerun()
        c[2].button("Restart", key="restart", on_click=lambda: ss.update(i=0, flipped=False))
        st.caption(f"Card {ss.i + 1} of {len(CARDS)}")
        """,
        [
            ("button", "flip", "click"),
            ("button", "next", "click"),
            ("button", "next", "click"),
            ("button", "flip", "click"),
            ("button", "restart", "click"),
        ],
    ),
    "image_classifier_flow": App(
        """
        import time
        import streamlit as st
        st.title("Classifier")
        f = st.file_uploader("Choose an image...", type=["jpg", "jpeg", "png"], key="f")
        if f is not None:
            st.image(f, caption="Uploaded Image", width=200)
            with st.spinner("Classifying..."):
                time.sleep(0.001)
            bar = st.progress(0)
            for p in (30, 60, 100):
                bar.progress(p)
            st.success(f"{f.name}: looks like a cat (97%)")
        else:
            st.info("Upload an image to start")
        """,
        [
            ("file_uploader", "f", "upload", "cat.png", PNG, "image/png"),
            ("file_uploader", "f", "clear"),
        ],
    ),
    "sidebar_expanders_tabs_and_image": App(
        """
        import streamlit as st
        st.sidebar.title("Controls")
        with st.sidebar.expander("Filters", expanded=True):
            st.slider("Price", 0, 100, (10, 90), key="price")
            st.multiselect("Brand", ["A", "B", "C"], default=["A"], key="brand")
        tab_a, tab_b = st.sidebar.tabs(["One", "Two"])
        tab_a.radio("Mode", ["fast", "slow"], key="mode", captions=["quick", "careful"])
        tab_b.checkbox("Extra", key="extra")
        st.write(st.session_state.price, st.session_state.brand, st.session_state.mode)
        """,
        [("slider", "price", "set_value", (20, 50)), ("radio", "mode", "set_value", "slow")],
    ),
    "radio_captions_and_none_index": App(
        """
        import streamlit as st
        genre = st.radio(
            "What's your favorite movie genre",
            [":rainbow[Comedy]", "***Drama***", "Documentary :movie_camera:"],
            captions=["Laugh out loud.", "Get the popcorn.", "Never stop learning."],
            index=None,
            key="genre",
        )
        st.write("You selected:", genre)
        st.radio("Horizontal", ["a", "b"], horizontal=True, label_visibility="hidden", key="h", width=200)
        """,
        [("radio", "genre", "set_value", "***Drama***"), ("radio", "genre", "set_value", None)],
    ),
    "multiselect_dict_options_format_func": App(
        """
        import streamlit as st
        PEOPLE = [{"id": 1, "name": "Ann"}, {"id": 2, "name": "Bob"}, {"id": 3, "name": "Cy"}]
        chosen = st.multiselect("People", PEOPLE, default=[PEOPLE[0]], format_func=lambda p: p["name"], key="people")
        st.write([p["id"] for p in chosen])
        one = st.selectbox("Lead", PEOPLE, format_func=lambda p: p["name"], index=1, key="lead")
        st.write(one)
        """,
        [
            ("multiselect", "people", "select", {"id": 3, "name": "Cy"}),
            ("selectbox", "lead", "select", {"id": 1, "name": "Ann"}),
        ],
    ),
    "buttons_with_icons_shortcuts_widths": App(
        """
        import streamlit as st
        st.button("Save", icon=":material/save:", shortcut="Ctrl+S", key="save")
        st.button("Next", icon="👉", icon_position="right", key="next", width=200)
        st.button("Wide", width="stretch", type="tertiary", help="full width", key="wide")
        st.checkbox("Agree", width=150, key="agree")
        st.toggle("Wrap me please", width="stretch", key="tog", label_visibility="visible")
        st.write(st.session_state.save, st.session_state.next)
        """,
        [("button", "save", "click"), ("button", "next", "click")],
    ),
    "fragment_rerun_scopes": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("app_runs", 0)
        ss.app_runs += 1
        @st.fragment
        def part(name):
            ss.setdefault(name, 0)
            if st.button(f"Bump {name}", key=f"bump_{name}"):
                ss[name] += 1
                st.rerun(scope="fragment")
            st.write(name, ss[name])
        part("a")
        part("b")
        st.write("app runs", ss.app_runs)
        """,
        [("button", "bump_a", "click"), ("run",)],
        known=[OWN_WORDS],
    ),
    "dialog_open_flag_pattern": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("show", False)
        ss.setdefault("vote", None)
        @st.dialog("Cast your vote")
        def vote_dialog(item):
            st.write(f"Why is {item} your favorite?")
            reason = st.text_input("Because...", key="because")
            if st.button("Submit", key="submit"):
                ss.vote = {"item": item, "reason": reason}
                ss.show = False
                st.rerun()
        if ss.vote is None:
            st.write("Vote for your favorite")
            if st.button("A", key="a"):
                ss.show = True
            if ss.show:
                vote_dialog("A")
        else:
            st.write(f"You voted for {ss.vote['item']} because {ss.vote['reason']}")
        """,
        [
            ("button", "a", "click"),
            [("text_input", "because", "input", "fun"), ("button", "submit", "click")],
        ],
        skip_accessors=DIALOG_BODY,
    ),
    "forms_in_sidebar_and_columns": App(
        """
        import streamlit as st
        with st.sidebar.form("side_form"):
            st.selectbox("Region", ["EU", "US"], key="region")
            st.form_submit_button("Apply", key="apply")
        left, right = st.columns(2)
        with left.form("a"):
            st.number_input("A", key="na")
            st.form_submit_button("Save A")
        with right:
            with st.form("b", border=False):
                st.number_input("B", key="nb")
                st.form_submit_button("Save B", type="primary")
        st.write(st.session_state.region, st.session_state.na, st.session_state.nb)
        """,
        [
            [("selectbox", "region", "select", "US"), ("button", "apply", "click")],
            [
                ("number_input", "na", "set_value", 3.0),
                ("number_input", "nb", "set_value", 4.0),
                ("button", 2, "click"),
            ],
        ],
    ),
    "stop_inside_form_and_columns": App(
        """
        import streamlit as st
        c1, c2 = st.columns(2)
        with c1:
            st.write("left")
            if st.checkbox("Halt here", key="halt"):
                st.warning("Stopped")
                st.stop()
        c2.write("right")
        with st.form("f"):
            st.text_input("Name", key="name")
            if st.form_submit_button("Go") and not st.session_state.name:
                st.error("Name needed")
                st.stop()
        st.write("end")
        """,
        [("checkbox", "halt", "check"), ("checkbox", "halt", "uncheck"), ("button", 0, "click")],
    ),
    "query_params_api_operations_app": App(
        """
        import streamlit as st
        qp = st.query_params
        st.write(qp.to_dict())
        c = st.columns(4)
        if c[0].button("Set", key="set"):
            qp.update({"a": "1", "b": ["x", "y"]})
        if c[1].button("From dict", key="fd"):
            qp.from_dict({"only": "this"})
        if c[2].button("Delete a", key="del"):
            if "a" in qp:
                del qp["a"]
        if c[3].button("Clear", key="clr"):
            qp.clear()
        st.write(sorted(qp.keys()), qp.get_all("b"), len(qp))
        """,
        [
            ("button", "set", "click"),
            ("run",),
            ("button", "del", "click"),
            ("button", "fd", "click"),
            ("button", "clr", "click"),
        ],
        query={"start": "yes"},
    ),
    "toast_and_balloons_from_callbacks": App(
        """
        import streamlit as st
        def saved():
            st.toast("Saved from a callback", icon="💾")
        def party():
            st.balloons()
        with st.form("f"):
            st.text_input("Title", key="title")
            st.form_submit_button("Save", on_click=saved)
        st.button("Party", on_click=party, key="party")
        st.write(st.session_state.title)
        """,
        [
            [("text_input", "title", "input", "x"), ("button", 0, "click")],
            ("button", "party", "click"),
            ("run",),
        ],
    ),
    "progress_and_widget_value_errors": App(
        """
        import streamlit as st
        from streamlit.errors import StreamlitAPIException
        for bad in (1.5, -1, 101, "half"):
            try:
                st.progress(bad)
            except Exception as e:
                st.write(isinstance(e, StreamlitAPIException))
        try:
            st.slider("S", 0, 10, 20)
        except Exception as e:
            st.write(isinstance(e, StreamlitAPIException))
        try:
            st.number_input("N", min_value=5, max_value=1)
        except Exception as e:
            st.write(isinstance(e, StreamlitAPIException))
        try:
            st.selectbox("Sel", ["a"], index=3)
        except Exception as e:
            st.write(isinstance(e, StreamlitAPIException))
        st.write("done")
        """,
    ),
    "headers_with_anchors_icons_and_dividers": App(
        """
        import streamlit as st
        st.title("Report :bar_chart:", icon="📊")
        st.header("Section :blue[one]", anchor="one", divider="blue")
        st.subheader("With **bold** and `code`", anchor=False)
        st.header("Gray", divider="gray", help="help on header")
        st.markdown("# H1 via markdown\\n## H2 via markdown")
        st.write("# heading via write")
        st.text("line 1\\nline 2")
        st.caption("A :material/info: caption with icon")
        """,
    ),
    "code_blocks_languages": App(
        """
        import streamlit as st
        st.code('{"a": 1}', language="json")
        st.code("ls -la", language="bash", line_numbers=True)
        st.code("SELECT * FROM t", language="sql", wrap_lines=True, height=80)
        st.code("x" * 200, width="content")
        st.code("", language="python")
        st.markdown("```python\\nprint('fenced')\\n```")
        """,
    ),
    "write_generator_and_iterables": App(
        """
        import streamlit as st
        def gen():
            yield "streamed "
            yield "by write"
        st.write(gen())
        st.write(["a", "b"], ("t", 1), {"k": [1, 2]})
        st.write(range(3))
        st.write(b"bytes value")
        st.write(int)
        """,
        known=[
            Known("help", ("body", "extra"), "st.write of a class shows st.help; docstrings differ")
        ],
    ),
    "session_state_attribute_errors_shown": App(
        """
        import streamlit as st
        try:
            st.session_state.missing
        except AttributeError:
            st.write("attribute error")
        try:
            st.session_state["missing"]
        except KeyError:
            st.write("key error")
        st.write("missing" in st.session_state, st.session_state.get("missing", "dflt"))
        st.session_state.count = st.session_state.get("count", 0) + 1
        st.write(st.session_state.count, len(st.session_state))
        if st.button("Boom", key="boom"):
            st.write(st.session_state.not_there)
        """,
        [("button", "boom", "click"), ("run",)],
        known=[
            Known(
                "exception",
                ("body", "extra", "message"),
                "the KeyError/AttributeError text is worded by each",
            )
        ],
    ),
    "habit_tracker_dates": App(
        """
        import datetime as dt
        import streamlit as st
        ss = st.session_state
        ss.setdefault("log", {})
        day = st.date_input("Day", dt.date(2024, 6, 3), key="day")
        habits = ["Run", "Read", "Code"]
        cols = st.columns(len(habits))
        for col, h in zip(cols, habits):
            k = f"{day}-{h}"
            col.checkbox(h, key=k, value=ss.log.get(k, False), on_change=lambda k=k: ss.log.__setitem__(k, ss[k]))
        done = sum(ss.log.values())
        st.metric("Done", done, delta=done - 1)
        st.write(sorted(k for k, v in ss.log.items() if v))
        """,
        [
            ("checkbox", "2024-06-03-Run", "check"),
            ("date_input", "day", "set_value", __import__("datetime").date(2024, 6, 4)),
            ("checkbox", "2024-06-04-Code", "check"),
            ("date_input", "day", "set_value", __import__("datetime").date(2024, 6, 3)),
        ],
    ),
    "page_link_to_page_objects_with_query": App(
        """
        import streamlit as st
        def home():
            st.page_link(detail, label="See details", icon="🔎", query_params={"id": "7"})
            st.page_link(detail, query_params={"id": "8"}, width="stretch")
            st.page_link("views/other.py", label="Other file page")
        def details():
            st.write("id", st.query_params.get("id"))
        detail = st.Page(details, title="Details", icon="📄")
        other = st.Page("views/other.py", title="Other")
        pg = st.navigation([st.Page(home, title="Home"), detail, other])
        pg.run()
        """,
        files={"views/other.py": "import streamlit as st\nst.write('other')\n"},
    ),
    "get_and_set_options": App(
        """
        import streamlit as st
        st.write(st.get_option("theme.primaryColor"))
        st.write(st.get_option("client.showErrorDetails"))
        st.write(st.get_option("server.maxUploadSize"))
        """,
    ),
    "number_and_slider_in_columns_linked": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("val", 50)
        def from_slider():
            ss.num = ss.sld
        def from_num():
            ss.sld = ss.num
        c1, c2 = st.columns([3, 1])
        c1.slider("Value", 0, 100, key="sld", value=ss.val, on_change=from_slider)
        c2.number_input("Value", 0, 100, key="num", value=ss.val, on_change=from_num, label_visibility="hidden")
        st.write(ss.sld, ss.num)
        """,
        [("slider", "sld", "set_value", 70), ("number_input", "num", "set_value", 20)],
    ),
    "page_titles_inferred_from_names": App(
        """
        import streamlit as st
        def sales_report():
            st.write("sales")
        def _private_page():
            st.write("private")
        pages = [
            st.Page(sales_report, default=True),
            st.Page(_private_page),
            st.Page("views/01_user_settings.py"),
            st.Page("views/data-explorer.py", icon="🔍"),
        ]
        pg = st.navigation(pages, expanded=2)
        st.sidebar.write([(p.title, p.url_path, p.icon) for p in pages])
        st.write(pg.title, pg.url_path)
        pg.run()
        """,
        files={
            "views/01_user_settings.py": "import streamlit as st\nst.write('settings')\n",
            "views/data-explorer.py": "import streamlit as st\nst.write('explorer')\n",
        },
    ),
    "pages_folder_numbered_emoji_switch": App(
        """
        import streamlit as st
        st.title("Main")
        if st.button("Mapping", key="map"):
            st.switch_page("pages/2_🌍_Mapping.py")
        st.page_link("pages/1_📈_Plotting_Demo.py", label="Plot")
        """,
        [("button", "map", "click"), ("button", "back", "click")],
        pages={
            "1_📈_Plotting_Demo.py": "import streamlit as st\nst.title('Plotting')\n",
            "2_🌍_Mapping.py": """
                import streamlit as st
                st.title("Mapping")
                if st.button("Back", key="back"):
                    st.switch_page("main.py")
            """,
        },
    ),
    "layout_validation_errors": App(
        """
        import streamlit as st
        for call in (
            lambda: st.columns(0),
            lambda: st.columns([]),
            lambda: st.columns([1, -1]),
            lambda: st.tabs([]),
            lambda: st.container(height=-5),
            lambda: st.columns(2, gap="huge"),
            lambda: st.space("gigantic"),
            lambda: st.container(horizontal_alignment="middle"),
        ):
            try:
                call()
                st.write("ok")
            except st.errors.StreamlitAPIException if hasattr(st, "errors") else Exception:
                st.write("refused")
            except Exception as e:
                st.write("other", type(e).__name__)
        """,
    ),
    "misplaced_widgets_raise": App(
        """
        import streamlit as st
        choice = st.radio("Case", ["button in form", "submit outside", "nested form", "chat in form", "none"], index=4, key="case")
        if choice == "button in form":
            with st.form("f1"):
                st.button("Plain")
                st.form_submit_button()
        elif choice == "submit outside":
            st.form_submit_button("Lost")
        elif choice == "nested form":
            with st.form("outer"):
                with st.form("inner"):
                    st.form_submit_button()
        elif choice == "chat in form":
            with st.form("f2"):
                st.chat_input()
                st.form_submit_button()
        st.write("end")
        """,
        [
            ("radio", "case", "set_value", "button in form"),
            ("radio", "case", "set_value", "submit outside"),
            ("radio", "case", "set_value", "nested form"),
            ("radio", "case", "set_value", "chat in form"),
        ],
        known=[OWN_WORDS],
    ),
    "none_values_for_inputs": App(
        """
        import streamlit as st
        t = st.text_input("Text", value=None, key="t")
        a = st.text_area("Area", value=None, key="a")
        n = st.number_input("Num", value=None, step=2, min_value=0, key="n")
        c = st.selectbox("Empty", [], key="c")
        r = st.radio("No opts", [], key="r")
        m = st.multiselect("No opts multi", [], key="m")
        st.write(repr(t), repr(a), repr(n), repr(c), repr(r), m)
        """,
        [
            ("text_input", "t", "input", "x"),
            ("number_input", "n", "set_value", 4),
            ("text_area", "a", "input", "y"),
            ("number_input", "n", "set_value", None),
        ],
    ),
    "widget_option_validation": App(
        """
        import streamlit as st
        cases = {
            "radio index": lambda: st.radio("R", ["a"], index=5),
            "multiselect default": lambda: st.multiselect("M", ["a"], default=["z"]),
            "slider mixed": lambda: st.slider("S", 0, 10.0),
            "select_slider value": lambda: st.select_slider("SS", ["a", "b"], value="c"),
            "number mixed": lambda: st.number_input("N", 0, 10, 1.5),
            "text max_chars": lambda: st.text_input("T", "toolong", max_chars=3),
            "date range": lambda: st.date_input("D", (1, 2, 3)),
            "feedback kind": lambda: st.feedback("hearts"),
        }
        for name, make in cases.items():
            try:
                make()
                st.write(name, "accepted")
            except Exception as e:
                st.write(name, "refused")
        """,
    ),
    "sidebar_from_inside_columns": App(
        """
        import streamlit as st
        c1, c2 = st.columns(2)
        with c1:
            st.write("in column")
            st.sidebar.write("sidebar from a column")
            with st.sidebar:
                st.button("Sidebar button", key="sb")
        with c2:
            with st.expander("Exp"):
                st.sidebar.caption("sidebar from an expander")
        st.write(st.session_state.sb)
        """,
        [("button", "sb", "click")],
    ),
    "empty_holding_containers_and_widgets": App(
        """
        import streamlit as st
        slot = st.empty()
        mode = st.radio("Mode", ["text", "box", "widget", "nothing"], key="mode")
        if mode == "text":
            slot.text("just text")
        elif mode == "box":
            with slot.container(border=True):
                st.write("one")
                st.write("two")
        elif mode == "widget":
            slot.slider("In slot", 0, 5, key="in_slot")
        else:
            slot.empty()
        st.write(st.session_state.get("in_slot"))
        """,
        [
            ("radio", "mode", "set_value", "box"),
            ("radio", "mode", "set_value", "widget"),
            ("slider", "in_slot", "set_value", 4),
            ("radio", "mode", "set_value", "nothing"),
        ],
    ),
    "markdown_of_values_and_unsafe_write": App(
        """
        import streamlit as st
        st.markdown(123)
        st.markdown(None)
        st.title(3.5)
        st.caption(["a", "b"])
        st.write("<b>bold</b>", unsafe_allow_html=True)
        st.write("**a**", "*b*", 3)
        st.text(None)
        st.text({"k": 1})
        """,
    ),
    "nested_expanders_and_popover_in_columns": App(
        """
        import streamlit as st
        with st.expander("Outer"):
            st.write("outer body")
            with st.expander("Inner"):
                st.write("inner body")
        cols = st.columns(3)
        for i, col in enumerate(cols):
            with col.popover(f"Pop {i}", width="stretch"):
                st.number_input("Qty", key=f"q{i}", value=i)
        st.write([st.session_state[f"q{i}"] for i in range(3)])
        """,
        [("number_input", "q1", "set_value", 9)],
        known=[OWN_WORDS],
    ),
    "color_pickers_in_form_and_columns": App(
        """
        import streamlit as st
        with st.form("theme"):
            c1, c2 = st.columns(2)
            bg = c1.color_picker("Background", "#FFFFFF", key="bg")
            fg = c2.color_picker("Foreground", "#000000", key="fg", help="text color")
            st.form_submit_button("Apply")
        st.markdown(f"<div style='background:{bg};color:{fg}'>preview</div>", unsafe_allow_html=True)
        st.write(bg, fg)
        """,
        [
            [("color_picker", "bg", "pick", "#FF00FF"), ("button", 0, "click")],
            ("color_picker", "fg", "pick", "#00FF00"),
        ],
    ),
    "multi_step_form_with_validation_messages": App(
        """
        import re
        import streamlit as st
        ss = st.session_state
        ss.setdefault("errors", [])
        def validate():
            errs = []
            if not ss.email or not re.match(r"[^@]+@[^@]+\\.[^@]+", ss.email):
                errs.append("Invalid email")
            if len(ss.pw) < 6:
                errs.append("Password too short")
            if ss.pw != ss.pw2:
                errs.append("Passwords differ")
            if not ss.tos:
                errs.append("Accept the terms")
            ss.errors = errs
            ss.ok = not errs
        with st.form("signup"):
            st.text_input("Email", key="email")
            st.text_input("Password", type="password", key="pw")
            st.text_input("Repeat password", type="password", key="pw2")
            st.checkbox("I accept the terms", key="tos")
            st.form_submit_button("Sign up", on_click=validate)
        for e in ss.errors:
            st.error(e)
        if ss.get("ok"):
            st.success(f"Welcome {ss.email}")
        """,
        [
            [
                ("text_input", "email", "input", "bad"),
                ("text_input", "pw", "input", "123"),
                ("button", 0, "click"),
            ],
            [
                ("text_input", "email", "input", "a@b.co"),
                ("text_input", "pw", "input", "123456"),
                ("text_input", "pw2", "input", "123456"),
                ("checkbox", "tos", "check"),
                ("button", 0, "click"),
            ],
        ],
    ),
    "segmented_control_view_switcher": App(
        """
        import streamlit as st
        view = st.segmented_control("View", ["Table", "Cards", "List"], default="Cards", key="view", selection_mode="single", required=True)
        items = ["alpha", "beta", "gamma"]
        if view == "Cards":
            cols = st.columns(3)
            for col, it in zip(cols, items):
                col.container(border=True).write(it)
        elif view == "List":
            for it in items:
                st.markdown(f"- {it}")
        else:
            st.table({"item": items})
        st.write(view)
        """,
        [
            ("button_group", "view", "set_value", "List"),
            ("button_group", "view", "set_value", "Table"),
        ],
    ),
    "number_guess_with_state_and_history": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("secret", 42)
        ss.setdefault("history", [])
        with st.form("guess", clear_on_submit=True):
            g = st.number_input("Your guess", 1, 100, step=1, key="g")
            sent = st.form_submit_button("Guess")
        if sent:
            hint = "higher" if g < ss.secret else "lower" if g > ss.secret else "correct"
            ss.history.append((g, hint))
        for guess, hint in reversed(ss.history):
            (st.success if hint == "correct" else st.info)(f"{guess}: {hint}")
        if st.button("New game", type="secondary", key="new"):
            ss.history = []
            st.rerun()
        """,
        [
            [("number_input", "g", "set_value", 50), ("button", 0, "click")],
            [("number_input", "g", "set_value", 40), ("button", 0, "click")],
            [("number_input", "g", "set_value", 42), ("button", 0, "click")],
            ("button", "new", "click"),
        ],
        known=[
            Known(
                "number_input",
                ("value",),
                "clear_on_submit: rillet puts the submitted form's widgets back to their "
                "defaults at the end of the run, as the browser shows them; Streamlit's "
                "AppTest has no browser and keeps them (the history written is compared)",
            )
        ],
        skip_state={"g": "as the number_input's value"},
    ),
    "time_inputs_steps_and_none": App(
        """
        import datetime as dt
        import streamlit as st
        a = st.time_input("Alarm", dt.time(7, 30), step=dt.timedelta(minutes=15), key="alarm")
        b = st.time_input("Optional", value=None, key="opt", help="may stay empty")
        c = st.time_input("Seconds", dt.time(1, 2, 3), step=1, key="secs")
        st.write(a, b, c)
        """,
        [
            ("time_input", "alarm", "set_value", __import__("datetime").time(8, 45)),
            ("time_input", "opt", "set_value", __import__("datetime").time(12, 0)),
            ("time_input", "opt", "set_value", None),
        ],
    ),
    "audio_and_video_players": App(
        """
        import streamlit as st
        st.audio(b"RIFF0000WAVEfmt ", format="audio/wav", loop=True, autoplay=False)
        st.audio("https://example.com/a.mp3", start_time=5, end_time=10)
        st.video("https://example.com/v.mp4", start_time=2, muted=True, width=400)
        st.video("https://www.youtube.com/watch?v=abc123")
        """,
    ),
    "image_variants": App(
        """
        import streamlit as st
        st.image(PNG, caption="one", width=100)
        st.image([PNG, PNG], caption=["a", "b"], width=50)
        st.image("https://example.com/x.png", use_container_width=True)
        st.image(PNG, width="stretch", output_format="PNG")
        """.replace("PNG,", repr(PNG) + ",").replace("[PNG, PNG]", f"[{PNG!r}, {PNG!r}]"),
    ),
    "toast_updated_in_place": App(
        """
        import time
        import streamlit as st
        if st.button("Cook", key="cook"):
            msg = st.toast("Gathering ingredients...")
            time.sleep(0.001)
            msg.toast("Cooking...")
            time.sleep(0.001)
            msg.toast("Ready!", icon="🥞")
        """,
        [("button", "cook", "click"), ("run",)],
    ),
    "spinners_with_time_and_width": App(
        """
        import streamlit as st
        with st.spinner("Wait for it...", show_time=True):
            st.write("inside spinner")
        with st.spinner(width="stretch"):
            x = 1
        with st.sidebar:
            with st.spinner("sidebar spin"):
                st.write("sidebar work")
        st.write("done", x)
        """,
    ),
    "chat_input_files_multiple_and_object_access": App(
        """
        import streamlit as st
        got = st.chat_input("Send", accept_file="multiple", file_type=["txt"], key="c")
        if got:
            st.write(got.text, got["text"], len(got.files), [f.name for f in got["files"]])
            st.write(sorted(k for k in got))
        dir_got = st.chat_input("Folder", accept_file="directory", key="d")
        st.write(dir_got is None)
        """,
        [("chat_input", "c", "set_value", "two files"), ("run",)],
    ),
    "chat_input_on_submit_and_modes": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("seen", [])
        def sent():
            ss.seen.append(ss.ci)
        st.chat_input("Ask", key="ci", on_submit=sent, submit_mode="disable")
        st.chat_input("Other", key="ci2", on_submit=lambda x: ss.seen.append(("kw", x)), args=("arg",))
        st.write(ss.seen, ss.ci)
        """,
        [("chat_input", "ci", "set_value", "a"), ("chat_input", "ci2", "set_value", "b"), ("run",)],
    ),
    "components_html_and_iframe": App(
        """
        import streamlit as st
        import streamlit.components.v1 as components
        components.html("<p id='x'>Hello from an HTML component</p>", height=100)
        components.html("<b>scrolling</b>", height=50, scrolling=True, width=300)
        components.iframe("https://example.com", height=200)
        st.iframe("https://example.com/page", height=150)
        st.write("after components")
        """,
        skip_accessors={},
    ),
    "write_session_state_and_query_params": App(
        """
        import streamlit as st
        # (one key only: Streamlit's session state lists its keys in set order)
        st.text_input("Name", "Bo", key="name")
        st.write(st.session_state)
        st.write(st.query_params)
        st.json(st.session_state.to_dict() if hasattr(st.session_state, "to_dict") else dict(st.session_state))
        """,
        [("text_input", "name", "input", "Al")],
        query={"q": "1"},
    ),
    "magic_in_a_small_app": App(
        """
        import streamlit as st
        "# Magic title"
        x = 10
        x
        f"x squared is {x * x}"
        items = ["a", "b"]
        items
        if st.checkbox("More", key="more"):
            "more text shown by magic"
            {"nested": {"k": [1, 2]}}
        """,
        [("checkbox", "more", "check")],
    ),
    "badges_and_colored_markdown": App(
        """
        import streamlit as st
        st.badge("Stable", color="green", icon=":material/check:")
        st.badge("Beta", color="orange", help="may change")
        st.badge("Primary", color="primary")
        st.markdown(":blue-badge[Blue] :green-badge[:material/star: Star] :gray-badge[Deprecated]")
        st.markdown("Text with :orange[orange] and :violet-background[violet bg] and :small[small text]")
        st.markdown("Emoji shortcodes: :tada: :+1: :thumbsup:")
        """,
    ),
    "help_and_exception_objects": App(
        """
        import streamlit as st
        class Config:
            \"\"\"App configuration.\"\"\"
            debug = False
        st.help(Config)
        st.error(ValueError("bad value"))
        st.exception(KeyError("missing"))
        st.warning(Exception("generic"))
        """,
        known=[Known("help", ("body", "extra"), "docs layout of st.help differs")],
    ),
    "status_without_with_block": App(
        """
        import streamlit as st
        status = st.status("Downloading data...", expanded=True)
        status.write("Searching for data...")
        status.write("Found URL.")
        status.update(label="Download complete!", state="complete", expanded=False)
        other = st.status("Failed job", state="error")
        other.markdown("**error** details")
        st.button("Rerun", key="again")
        """,
        [("button", "again", "click")],
    ),
    "metrics_with_string_deltas": App(
        """
        import streamlit as st
        a, b, c = st.columns(3)
        a.metric("Temperature", "70 °F", "1.2 °F")
        b.metric("Wind", "9 mph", "-8%")
        c.metric("Humidity", "86%", "4%", delta_color="inverse")
        st.metric("None delta", 5, None)
        st.metric("Zero", 0, 0)
        st.metric("Float", 3.14159, 0.0001)
        """,
    ),
    "columns_float_specs_and_gaps": App(
        """
        import streamlit as st
        a, b = st.columns([0.3, 0.7], gap="medium")
        a.write("narrow")
        b.write("wide")
        x, y, z = st.columns((1, 1, 2), gap="large", border=True, vertical_alignment="bottom")
        x.button("x", key="x")
        y.text_input("y", key="y")
        z.write("z")
        st.columns(5, gap=None)[4].write("last")
        grid = st.container(gap="large")
        grid.write("gap large 1")
        grid.write("gap large 2")
        """,
        [("text_input", "y", "input", "typed")],
    ),
    "divider_widths_and_dividers_in_columns": App(
        """
        import streamlit as st
        st.divider(width=300)
        c1, c2 = st.columns(2)
        c1.divider()
        c2.markdown("***")
        st.sidebar.divider()
        """,
    ),
    "cache_on_methods_and_unhashable_args": App(
        """
        import streamlit as st
        class Repo:
            def __init__(self, name):
                self.name = name
            @st.cache_data
            def rows(_self, n):
                return [f"{_self.name}-{i}" for i in range(n)]
        @st.cache_data
        def total(_conn, values):
            return sum(values)
        @st.cache_resource(ttl=3600, max_entries=2)
        def model(size):
            return {"size": size}
        repo = Repo("r")
        st.write(repo.rows(2), total(object(), (1, 2, 3)), model("s"))
        st.write(model("s") is model("s"))
        """,
    ),
    "fragment_run_every_clock": App(
        """
        import streamlit as st
        st.session_state.setdefault("ticks", 0)
        @st.fragment(run_every="10s")
        def clock():
            st.session_state.ticks += 1
            st.metric("Ticks", st.session_state.ticks)
        clock()
        st.button("Full rerun", key="full")
        """,
        [("button", "full", "click")],
    ),
    "dialog_with_icon_and_position": App(
        """
        import streamlit as st
        @st.dialog("Settings", icon=":material/settings:", position="left", width="medium")
        def settings():
            st.toggle("Notifications", key="notif")
            st.selectbox("Language", ["en", "de"], key="lang")
        if st.button("Open settings", key="open"):
            settings()
        st.write(st.session_state.get("notif"), st.session_state.get("lang"))
        """,
        [("button", "open", "click"), ("run",)],
        skip_accessors=DIALOG_BODY,
    ),
    "html_and_markdown_from_files": App(
        """
        import streamlit as st
        from pathlib import Path
        here = Path(__file__).parent
        st.html(here / "snippet.html")
        st.markdown((here / "notes.md").read_text())
        """,
        files={"snippet.html": "<p>From a file</p>", "notes.md": "# Notes\\n\\n- one\\n- two\\n"},
    ),
    "widget_keys_ints_and_spaces": App(
        """
        import streamlit as st
        st.checkbox("Int key", key=5)
        st.text_input("Spaced key", key="my field")
        st.slider("Tuple-ish key", 0, 3, key="k-1.2")
        st.write(st.session_state[5] if 5 in st.session_state else "no int", st.session_state["my field"])
        """,
        [("checkbox", 0, "check"), ("text_input", "my field", "input", "v")],
    ),
    "logout_clears_all_state": App(
        """
        import streamlit as st
        ss = st.session_state
        if st.sidebar.button("Log out", key="out"):
            ss.clear()
            st.rerun()
        ss.setdefault("user", "ann")
        st.text_input("Note", key="note")
        st.slider("Level", 0, 5, key="lvl")
        st.write(ss.user, ss.note, ss.lvl)
        """,
        [
            ("text_input", "note", "input", "hi"),
            ("slider", "lvl", "set_value", 3),
            ("button", "out", "click"),
        ],
    ),
    "reset_button_clears_state_in_callback": App(
        """
        import streamlit as st
        def reset():
            st.session_state.clear()
        st.text_input("A", key="a")
        st.number_input("B", key="b", value=2)
        st.button("Reset", on_click=reset, key="r")
        st.write(sorted(st.session_state.to_dict().items()))
        """,
        [
            ("text_input", "a", "input", "x"),
            ("number_input", "b", "set_value", 7),
            ("button", "r", "click"),
            ("run",),
        ],
    ),
    "state_update_pop_and_delete": App(
        """
        import streamlit as st
        ss = st.session_state
        if st.button("Fill", key="fill"):
            ss.update({"x": 1, "y": 2, "t": "preset"})
        if st.button("Pop", key="pop"):
            st.write("popped", ss.pop("x", None))
        st.text_input("T", key="t")
        st.slider("S", 0, 10, 4, key="s")
        if st.button("Forget slider", key="forget"):
            del ss["s"]
            st.rerun()
        st.write(ss.get("x"), ss.get("y"), ss.t, ss.s)
        """,
        [
            ("button", "fill", "click"),
            ("button", "pop", "click"),
            ("slider", "s", "set_value", 9),
            ("button", "forget", "click"),
        ],
    ),
    "radio_cycled_by_button_callback": App(
        """
        import streamlit as st
        ss = st.session_state
        if "color" not in ss:
            ss.color = "green"
        def nxt():
            order = ["red", "green", "blue"]
            ss.color = order[(order.index(ss.color) + 1) % 3]
        st.radio("Color", ["red", "green", "blue"], key="color", horizontal=True)
        st.button("Next color", on_click=nxt, key="n")
        st.markdown(f":{ss.color}[{ss.color}]")
        """,
        [
            ("button", "n", "click"),
            ("button", "n", "click"),
            ("radio", "color", "set_value", "red"),
            ("button", "n", "click"),
        ],
    ),
    "options_from_pandas_and_numpy": App(
        """
        import numpy as np
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"city": ["Oslo", "Rome", "Oslo"], "n": [1, 2, 3]})
        c = st.selectbox("City", df["city"].unique(), key="c")
        m = st.multiselect("Cities", df["city"].drop_duplicates(), key="m")
        r = st.radio("Column", df.columns, key="r")
        s = st.select_slider("N", np.arange(5), key="s")
        n = st.number_input("np int", value=np.int64(3), key="n")
        st.write(c, m, r, s, n, type(n).__name__)
        """,
        [
            ("selectbox", "c", "select", "Rome"),
            ("multiselect", "m", "select", "Oslo"),
            ("select_slider", "s", "set_value", 3),
            ("number_input", "n", "increment"),
        ],
    ),
    "dependent_bounds_and_options": App(
        """
        import streamlit as st
        hi = st.number_input("max", value=10, key="hi")
        v = st.slider("v", 0, int(hi), 8, key="v")
        opts = ["a", "b", "c"][: int(hi) // 4 or 1]
        o = st.selectbox("o", opts, index=len(opts) - 1, key="o")
        m = st.multiselect("m", opts, default=opts, key="m")
        st.write(v, o, m)
        """,
        [
            ("number_input", "hi", "set_value", 5),
            ("number_input", "hi", "set_value", 12),
            ("slider", "v", "set_value", 11),
            ("number_input", "hi", "set_value", 4),
        ],
    ),
    "stop_until_name_given": App(
        """
        import streamlit as st
        x = st.text_input("Name", key="name")
        if not x:
            st.warning("Please enter a name")
            st.stop()
        st.success(f"Hi {x}")
        st.text_input("Other", key="other")
        """,
        [
            ("text_input", "name", "input", "Al"),
            ("text_input", "other", "input", "z"),
            ("text_input", "name", "input", ""),
            ("text_input", "name", "input", "Al"),
        ],
    ),
    "form_with_two_submit_buttons": App(
        """
        import streamlit as st
        with st.form("f"):
            a = st.slider("a", 0, 10, key="a")
            b = st.checkbox("b", key="b")
            st.form_submit_button("Save draft", key="s1")
            st.form_submit_button("Publish", key="s2", type="primary")
        st.write(a, b, st.session_state.s1, st.session_state.s2)
        """,
        [
            [("slider", "a", "set_value", 3), ("button", "s2", "click")],
            [("checkbox", "b", "check"), ("button", "s1", "click")],
        ],
    ),
    "arguments_streamlit_takes_leniently": App(
        """
        import streamlit as st
        a = st.selectbox("One string option", "abc", key="a")
        b = st.radio("Radio of a string", "xy", key="b")
        c = st.multiselect("Multi of a string", "pq", key="c")
        d = st.selectbox("No options", None, key="d")
        e = st.select_slider("Slider of a string", "mn", key="e")
        n0 = st.number_input("Step zero", step=0, key="s0")
        n1 = st.number_input("Step down", step=-1, value=5, key="s1")
        n2 = st.number_input("Float step down", step=-0.5, value=1.0, key="s2")
        st.chat_input(max_chars=0, key="ci")
        st.write(a, b, c, d, e, n0, n1, n2)
        """,
        [
            ("multiselect", "c", "select", "pq"),
            ("number_input", "s1", "increment"),
            ("number_input", "s0", "increment"),
            ("number_input", "s2", "decrement"),
            ("chat_input", "ci", "set_value", "hi"),
        ],
    ),
    "columns_from_numpy_and_pandas_specs": App(
        """
        import numpy as np
        import pandas as pd
        import streamlit as st
        weights = pd.Series([1, 3])
        for spec in (np.int64(2), np.array([1.5, 2]), weights, range(1, 3), [np.int64(1), np.float32(2)]):
            cols = st.columns(spec)
            for i, col in enumerate(cols):
                col.write(f"{len(cols)}:{i}")
        """,
    ),
    "lambda_pages_and_empty_titles": App(
        """
        import streamlit as st
        def my_fn():
            st.write("fn page")
        pages = [
            st.Page(my_fn, title=""),
            st.Page(lambda: st.write("lambda page"), url_path="lam"),
            st.Page(lambda: st.write("titled"), url_path="titled", title="Titled"),
        ]
        for bad in ("  ", "__"):
            try:
                st.Page(my_fn, title=bad)
            except Exception:
                st.write(f"title {bad!r} refused")
        pg = st.navigation(pages)
        st.write([(p.title, p.url_path) for p in pages])
        pg.run()
        """,
    ),
    "query_params_of_any_values_and_odd_state_keys": App(
        """
        import streamlit as st
        if st.button("Set", key="set"):
            st.query_params.from_dict({"i": 1, "j": [1, 2.5], "k": None, "b": True})
            st.query_params["x"] = 3
            st.query_params.update({"y": [True, None]})
        st.write(st.query_params.to_dict(), st.query_params.get_all("j"))
        st.session_state[("t", 1)] = "tuple key"
        st.session_state[5] = "int key"
        st.write(len(st.session_state), sorted(map(str, st.session_state.to_dict())), 5 in st.session_state)
        st.write(str(st.session_state) != "")
        del st.session_state[("t", 1)]
        del st.session_state[5]
        """,
        [("button", "set", "click"), ("run",)],
    ),
    "placeholders_keys_and_formats_of_any_type": App(
        """
        import streamlit as st
        st.text_input("Text", placeholder=5, key="t")
        st.text_area("Area", placeholder=1.5, key="a")
        st.number_input("Number", placeholder=7, value=None, key="n")
        st.chat_input(8, key="c")
        st.button("Float key", key=5.5)
        st.checkbox("Tuple key", key=(1, 2))
        st.toggle("Bool key", key=True)
        st.audio("https://example.com/a.mp3", format="mp3")
        st.video("https://example.com/a.mp4", format="mp4")
        st.write(sorted(map(repr, st.session_state.to_dict())))
        """,
        [("button", "5.5", "click"), ("checkbox", "(1, 2)", "check")],
    ),
    "element_handles_and_return_values": App(
        """
        import streamlit as st
        st.write(type(st.columns(2)).__name__, type(st.tabs(["a"])).__name__)
        st.write(repr(st.write("x")))
        t = st.text("first")
        t.text("second")
        m = st.markdown("m1")
        m.write("m2 via write")
        s = st.success("ok")
        s.error("now an error")
        top = st.container()
        st.write("middle")
        top.write("written later into top")
        ex = st.expander("later", expanded=True)
        st.write("after expander")
        ex.write("late expander write")
        st.empty().container().columns(2)[1].button("b", key="b")
        """,
        [("button", "b", "click")],
    ),
    "pages_folder_order_and_links": App(
        """
        import streamlit as st
        st.title("home")
        for p in ["pages/10_ten.py", "pages/2_two.py", "pages/b page.py", "pages/a_page.py"]:
            st.page_link(p)
        if st.button("Go", key="go"):
            st.switch_page("pages/2_two.py")
        """,
        [("button", "go", "click"), ("run",)],
        pages={
            "10_ten.py": "import streamlit as st\nst.write(10)\n",
            "2_two.py": "import streamlit as st\nst.write(2, st.session_state.get('seen'))\n",
            "b page.py": "import streamlit as st\nst.write('b')\n",
            "a_page.py": "import streamlit as st\nst.write('a')\n",
        },
    ),
    "switch_page_keeps_state_and_query": App(
        """
        import streamlit as st
        st.set_page_config(page_title="Main", layout="wide")
        st.session_state.setdefault("n", 0)
        st.session_state.n += 1
        st.query_params["from"] = "main"
        if st.button("go", key="go"):
            st.switch_page("pages/other.py")
        st.write(st.session_state.n)
        """,
        [("button", "go", "click"), ("run",)],
        pages={
            "other.py": """
                import streamlit as st
                st.set_page_config(page_title="Other", layout="centered")
                st.write("other", st.session_state.n, st.query_params.to_dict())
            """,
        },
    ),
    "fragment_list_editor_with_confirm_dialog": App(
        """
        import streamlit as st
        ss = st.session_state
        ss.setdefault("todo", [])
        @st.fragment
        def editor():
            with st.form("add", clear_on_submit=False):
                name = st.text_input("Item", key="item")
                if st.form_submit_button("Add"):
                    ss.todo.append(name)
            for i, it in enumerate(ss.todo):
                c1, c2 = st.columns([4, 1])
                c1.write(it)
                if c2.button("✕", key=f"del{i}"):
                    ss.todo.pop(i)
                    st.rerun()
        @st.dialog("Confirm")
        def confirm():
            st.write(f"Clear {len(ss.todo)} items?")
            if st.button("Yes", key="yes"):
                ss.todo = []
                st.rerun()
        editor()
        if st.button("Clear all", key="clear"):
            confirm()
        st.caption(f"{len(ss.todo)} items")
        """,
        [
            [("text_input", "item", "input", "a"), ("button", 0, "click")],
            [("text_input", "item", "input", "b"), ("button", 0, "click")],
            ("button", "del0", "click"),
            ("button", "clear", "click"),
            ("button", "yes", "click"),
        ],
        skip_accessors=DIALOG_BODY,
    ),
    "nested_fragments_and_sidebar_fragment": App(
        """
        import streamlit as st
        st.session_state.setdefault("outer", 0)
        st.session_state.setdefault("inner", 0)
        @st.fragment
        def inner():
            if st.button("inner+", key="ib"):
                st.session_state.inner += 1
            st.write("inner", st.session_state.inner)
        @st.fragment
        def outer():
            if st.button("outer+", key="ob"):
                st.session_state.outer += 1
            st.write("outer", st.session_state.outer)
            inner()
        outer()
        with st.sidebar:
            st.fragment(lambda: st.toggle("side toggle", key="st"))()
        """,
        [("button", "ib", "click"), ("button", "ob", "click"), ("toggle", "st", "set_value", True)],
    ),
    "fragment_cards_in_columns_and_tabs": App(
        """
        import streamlit as st
        @st.fragment
        def card(title):
            with st.container(border=True):
                st.subheader(title)
                v = st.slider("level", 0, 10, key=f"lvl_{title}")
                st.progress(v / 10)
        tabs = st.tabs(["One", "Two"])
        with tabs[0]:
            a, b = st.columns(2)
            with a:
                card("A")
            with b:
                card("B")
        with tabs[1]:
            card("C")
        """,
        [("slider", "lvl_A", "set_value", 3), ("slider", "lvl_C", "set_value", 9)],
    ),
    "write_stream_odd_chunks_and_errors": App(
        """
        import streamlit as st
        def chunks():
            yield "start "
            yield 42
            yield 3.5
            yield None
            yield ["a", "b"]
            yield " end"
        st.write(repr(st.write_stream(chunks())))
        def broken():
            yield "partial "
            raise ValueError("stream broke")
        try:
            st.write_stream(broken())
        except ValueError as e:
            st.write("caught", str(e))
        st.write(repr(st.write_stream(["", "", "x"])))
        st.write(repr(st.write_stream(iter(["**bold** ", "and ", "_it_"]))))
        """,
    ),
    "assistant_reply_with_status_stream_and_rating": App(
        """
        import streamlit as st
        with st.chat_message("assistant"):
            with st.status("thinking", expanded=True):
                st.write_stream(iter(["a", "b"]))
            out = st.write_stream(iter(["final ", "answer"]))
            st.feedback("faces", key="fb")
        st.write(out, st.session_state.fb)
        """,
        [("feedback", "fb", "set_value", 3), ("feedback", "fb", "set_value", None)],
    ),
    "button_click_modes_are_refused": App(
        """
        import streamlit as st
        mode = st.radio("Case", ["none", "button ignore", "submit rerun", "download ignore"], key="m")
        if mode == "button ignore":
            st.button("B", on_click="ignore")
        elif mode == "submit rerun":
            with st.form("f"):
                st.form_submit_button(on_click="rerun")
        elif mode == "download ignore":
            st.download_button("D", "data", on_click="ignore")
        st.write("end")
        """,
        [
            ("radio", "m", "set_value", "button ignore"),
            ("radio", "m", "set_value", "submit rerun"),
            ("radio", "m", "set_value", "download ignore"),
        ],
        known=[OWN_WORDS],
    ),
    "input_widths_in_pixels_or_stretch": App(
        """
        import streamlit as st
        st.text_input("Narrow", width=200, key="a")
        st.text_area("Area", width=300, key="b")
        st.number_input("Num", width=120, key="c")
        st.selectbox("Pick", ["x", "y"], width=150, key="d")
        st.multiselect("Tags", ["x", "y"], width="stretch", key="e")
        st.date_input("Day", width=160, key="f")
        st.time_input("At", width=140, key="g")
        st.slider("Level", 0, 10, width=220, key="h")
        st.select_slider("Size", ["S", "M", "L"], width="stretch", key="i")
        st.radio("Mode", ["a", "b"], width=120, key="j")
        st.color_picker("Color", width="content", key="k")
        st.file_uploader("File", width=320, key="l")
        st.checkbox("Agree", width=150, key="m")
        st.toggle("On", width="stretch", key="n")
        st.audio_input("Voice", width=260, key="o")
        for make in (lambda: st.text_input("Bad", width="content"), lambda: st.selectbox("Bad0", ["x"], width=0)):
            try:
                make()
            except Exception:
                st.write("refused")
        """,
        [("text_input", "a", "input", "x"), ("selectbox", "d", "select", "y")],
    ),
}


@pytest.mark.parametrize("name", sorted(APPS))
def test_sweep_app_shows_the_same_as_streamlit(tmp_path: Path, name: str) -> None:
    diffs, _ = differences(tmp_path, APPS[name])
    assert not diffs, f"{name}: rillet differs from Streamlit\n\n" + "\n\n".join(diffs)
