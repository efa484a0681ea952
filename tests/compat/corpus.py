"""A corpus of small, ordinary Streamlit apps, with what a user does in each.

Each entry is an app as Streamlit users write it (``import streamlit as
st``), the interactions applied (harness.py's step format) and, for
multipage apps, the files of its ``pages/`` folder. test_corpus.py runs
every app through Streamlit's AppTest and rillet's and compares them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from harness import OWN_ERROR_WORDS, Known


@dataclass
class App:
    source: str
    steps: list[Any] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)
    # Other files beside the main script (pages that st.navigation names).
    files: dict[str, str] = field(default_factory=dict)
    secrets: dict[str, Any] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    # Declared differences: fields blanked on both sides, each with its reason
    # (harness.Known), and accessors whose sizes are not compared, with why.
    known: list[Known] = field(default_factory=list)
    unlike_accessors: dict[str, str] = field(default_factory=dict)


APPS: dict[str, App] = {
    "bmi_form": App(
        """
        import streamlit as st
        st.title("BMI calculator")
        with st.form("bmi"):
            height = st.number_input("Height (cm)", 100.0, 250.0, 170.0)
            weight = st.number_input("Weight (kg)", 30.0, 300.0, 70.0)
            submitted = st.form_submit_button("Compute")
        if submitted:
            bmi = weight / (height / 100) ** 2
            st.metric("BMI", f"{bmi:.1f}")
            if bmi < 18.5:
                st.warning("Underweight")
            elif bmi < 25:
                st.success("Normal")
            else:
                st.error("Overweight")
        else:
            st.info("Fill in the form and press Compute.")
        """,
        [
            ("form_submit_button", 0, "click"),
            [("number_input", 1, "set_value", 95.0), ("form_submit_button", 0, "click")],
            ("number_input", 0, "set_value", 190.0),
        ],
    ),
    "guess_number": App(
        """
        import random
        import streamlit as st
        if "secret" not in st.session_state:
            st.session_state.secret = 42
            st.session_state.tries = 0
        guess = st.number_input("Your guess", 1, 100, 50, key="guess")
        if st.button("Guess"):
            st.session_state.tries += 1
            if guess < st.session_state.secret:
                st.write("Higher!")
            elif guess > st.session_state.secret:
                st.write("Lower!")
            else:
                st.balloons()
                st.success(f"Got it in {st.session_state.tries} tries")
        st.caption(f"Tries: {st.session_state.tries}")
        """,
        [
            ("button", 0, "click"),
            ("number_input", "guess", "set_value", 30),
            ("button", 0, "click"),
            [("number_input", "guess", "set_value", 42), ("button", 0, "click")],
        ],
    ),
    "columns_dashboard": App(
        """
        import streamlit as st
        st.header("Sales")
        a, b, c = st.columns(3)
        a.metric("Revenue", "$1.2M", "+8%")
        b.metric("Orders", 3400, -120)
        c.metric("Refunds", 12, 2, delta_color="inverse")
        left, right = st.columns([3, 1], gap="large")
        with left:
            region = st.selectbox("Region", ["North", "South", "East", "West"])
            st.write(f"Showing {region}")
        with right:
            detail = st.toggle("Details")
        if detail:
            st.json({"region": region, "rows": 4})
        """,
        [("selectbox", 0, "select", "East"), ("toggle", 0, "set_value", True)],
    ),
    "tabs_profile": App(
        """
        import streamlit as st
        profile, settings, about = st.tabs(["Profile", "Settings", "About"])
        with profile:
            name = st.text_input("Name", "Guest")
            st.subheader(f"Hello {name}")
        with settings:
            theme = st.radio("Theme", ["Light", "Dark"], horizontal=True)
            notify = st.checkbox("Email me", value=True)
            st.write(f"Theme {theme}, notify {notify}")
        with about:
            st.markdown("Made with **Streamlit**")
        """,
        [
            ("text_input", 0, "input", "Ada"),
            ("radio", 0, "set_value", "Dark"),
            ("checkbox", 0, "uncheck"),
        ],
    ),
    "faq_expanders": App(
        """
        import streamlit as st
        st.title("FAQ")
        faqs = {"What is it?": "A demo.", "Is it free?": "Yes.", "Who made it?": "Us."}
        query = st.text_input("Search questions")
        for question, answer in faqs.items():
            if query.lower() in question.lower():
                with st.expander(question):
                    st.write(answer)
        """,
        [("text_input", 0, "input", "free"), ("text_input", 0, "input", "zzz")],
    ),
    "shopping_cart": App(
        """
        import streamlit as st
        PRICES = {"Apple": 0.5, "Bread": 2.0, "Milk": 1.2}
        st.session_state.setdefault("cart", [])
        item = st.selectbox("Item", list(PRICES))
        qty = st.slider("Quantity", 1, 10, 1)
        if st.button("Add to cart"):
            st.session_state.cart.append((item, qty))
        if st.button("Empty cart"):
            st.session_state.cart = []
        total = sum(PRICES[i] * q for i, q in st.session_state.cart)
        for i, q in st.session_state.cart:
            st.text(f"{q} x {i}")
        st.subheader(f"Total: ${total:.2f}")
        """,
        [
            ("button", 0, "click"),
            [("selectbox", 0, "select", "Milk"), ("slider", 0, "set_value", 3)],
            ("button", 0, "click"),
            ("button", 1, "click"),
        ],
    ),
    "callbacks_counter": App(
        """
        import streamlit as st
        st.session_state.setdefault("count", 0)
        st.session_state.setdefault("log", [])

        def change(by):
            st.session_state.count += by
            st.session_state.log.append(by)

        def reset():
            st.session_state.count = 0

        c1, c2, c3 = st.columns(3)
        c1.button("-1", on_click=change, args=(-1,))
        c2.button("+1", on_click=change, args=(1,))
        c3.button("Reset", on_click=reset)
        st.write(f"Count = {st.session_state.count}")
        st.write(st.session_state.log)
        """,
        [
            ("button", 1, "click"),
            ("button", 1, "click"),
            ("button", 0, "click"),
            ("button", 2, "click"),
        ],
    ),
    "on_change_mirror": App(
        """
        import streamlit as st

        def to_celsius():
            st.session_state.c = round((st.session_state.f - 32) * 5 / 9, 1)

        def to_fahrenheit():
            st.session_state.f = round(st.session_state.c * 9 / 5 + 32, 1)

        st.number_input("Celsius", key="c", value=0.0, on_change=to_fahrenheit)
        st.number_input("Fahrenheit", key="f", value=32.0, on_change=to_celsius)
        """,
        [("number_input", "c", "set_value", 100.0), ("number_input", "f", "set_value", 50.0)],
    ),
    "query_params_filter": App(
        """
        import streamlit as st
        colors = ["red", "green", "blue"]
        chosen = st.query_params.get("color", "red")
        pick = st.radio("Color", colors, index=colors.index(chosen))
        if pick != chosen:
            st.query_params["color"] = pick
        st.write(f"Query: {dict(st.query_params)}")
        if st.button("Clear"):
            st.query_params.clear()
        """,
        [("radio", 0, "set_value", "blue"), ("run",), ("button", 0, "click")],
        query={"color": "green"},
    ),
    "secrets_greeting": App(
        """
        import streamlit as st
        st.title(st.secrets["app"]["title"])
        user = st.secrets.get("user", "nobody")
        st.write(f"Connected as {user}")
        st.write("db" in st.secrets, st.secrets.app.title)
        try:
            st.secrets["missing"]
        except KeyError:
            st.warning("no 'missing' secret")
        """,
        [("run",)],
        secrets={"app": {"title": "Inventory"}, "user": "ada"},
    ),
    "todo_with_keys": App(
        """
        import streamlit as st
        st.session_state.setdefault("todos", ["buy milk", "call mom"])
        new = st.text_input("New todo", key="new")
        if st.button("Add") and new:
            st.session_state.todos.append(new)
        for i, todo in enumerate(st.session_state.todos):
            col1, col2 = st.columns([4, 1])
            col1.write(todo)
            if col2.button("Done", key=f"done{i}"):
                st.session_state.todos.pop(i)
                st.rerun()
        st.caption(f"{len(st.session_state.todos)} left")
        """,
        [
            [("text_input", "new", "input", "walk dog"), ("button", 0, "click")],
            ("button", "done0", "click"),
        ],
    ),
    "quiz_radio": App(
        """
        import streamlit as st
        answer = st.radio("2 + 2 = ?", [3, 4, 5], index=None)
        if answer is None:
            st.info("Pick an answer")
        elif answer == 4:
            st.success("Correct")
        else:
            st.error("Try again")
        """,
        [("radio", 0, "set_value", 5), ("radio", 0, "set_value", 4)],
    ),
    "loan_sliders": App(
        """
        import streamlit as st
        st.sidebar.header("Loan")
        amount = st.sidebar.slider("Amount", 1000, 50000, 10000, step=1000)
        rate = st.sidebar.slider("Rate %", 0.5, 10.0, 4.0, step=0.5)
        years = st.sidebar.select_slider("Years", [1, 2, 3, 5, 10, 15, 20, 30], value=5)
        monthly = amount * (rate / 1200) / (1 - (1 + rate / 1200) ** (-12 * years))
        st.metric("Monthly payment", f"{monthly:,.2f}")
        st.progress(min(int(rate * 10), 100), text="Rate")
        """,
        [
            ("slider", 0, "set_value", 20000),
            ("slider", 1, "set_value", 7.5),
            ("select_slider", 0, "set_value", 30),
        ],
    ),
    "date_planner": App(
        """
        import datetime
        import streamlit as st
        start = st.date_input("Start", datetime.date(2024, 1, 1))
        end = st.date_input("End", datetime.date(2024, 1, 31))
        at = st.time_input("Daily at", datetime.time(9, 0))
        if end < start:
            st.error("End before start")
        else:
            st.write(f"{(end - start).days} days at {at:%H:%M}")
        """,
        [
            ("date_input", 1, "set_value", datetime.date(2023, 12, 1)),
            ("date_input", 1, "set_value", datetime.date(2024, 3, 1)),
            ("time_input", 0, "set_value", datetime.time(18, 30)),
        ],
    ),
    "survey_form": App(
        """
        import streamlit as st
        with st.form("survey", clear_on_submit=False):
            st.write("Tell us about you")
            age = st.slider("Age", 0, 100, 30)
            langs = st.multiselect("Languages", ["Python", "Rust", "Go", "JS"], ["Python"])
            happy = st.select_slider("Happiness", ["low", "mid", "high"], "mid")
            comment = st.text_area("Comments")
            sent = st.form_submit_button("Submit")
        if sent:
            st.write({"age": age, "langs": langs, "happy": happy, "comment": comment})
        """,
        [
            [("slider", 0, "set_value", 41), ("multiselect", 0, "select", "Go")],
            ("form_submit_button", 0, "click"),
            [("text_area", 0, "input", "great"), ("form_submit_button", 0, "click")],
        ],
    ),
    "two_forms": App(
        """
        import streamlit as st
        with st.form("login"):
            user = st.text_input("User")
            st.form_submit_button("Log in")
        with st.form("search"):
            term = st.text_input("Search")
            go = st.form_submit_button("Go")
        st.write(f"user={user!r} term={term!r} go={go}")
        """,
        [
            [("text_input", 0, "input", "ada"), ("form_submit_button", 0, "click")],
            [("text_input", 1, "input", "cats"), ("form_submit_button", 1, "click")],
        ],
    ),
    "error_cases": App(
        """
        import streamlit as st
        mode = st.selectbox("Mode", ["ok", "zero", "key", "type"])
        data = {"a": 1}
        if mode == "zero":
            st.write(1 / 0)
        elif mode == "key":
            st.write(data["b"])
        elif mode == "type":
            st.write(len(5))
        st.write("end")
        """,
        [
            ("selectbox", 0, "select", "zero"),
            ("selectbox", 0, "select", "key"),
            ("selectbox", 0, "select", "type"),
            ("selectbox", 0, "select", "ok"),
        ],
    ),
    "caught_exception": App(
        """
        import streamlit as st
        text = st.text_input("Number", "12")
        try:
            value = int(text)
            st.write(f"Double: {value * 2}")
        except ValueError as exc:
            st.exception(exc)
            st.stop()
        st.write("after")
        """,
        [("text_input", 0, "input", "abc"), ("text_input", 0, "input", "7")],
    ),
    "stop_gate": App(
        """
        import streamlit as st
        password = st.text_input("Password", type="password")
        if password != "open":
            st.warning("Enter the password")
            st.stop()
        st.success("Welcome")
        st.write("secret content")
        """,
        [("text_input", 0, "input", "nope"), ("text_input", 0, "input", "open")],
    ),
    "empty_placeholder": App(
        """
        import streamlit as st
        slot = st.empty()
        slot.text("loading...")
        with slot.container():
            st.write("loaded")
            st.write("two lines")
        box = st.empty()
        if st.checkbox("Show"):
            box.info("shown")
        """,
        [("checkbox", 0, "check"), ("checkbox", 0, "uncheck")],
    ),
    "chat_echo": App(
        """
        import streamlit as st
        st.session_state.setdefault("messages", [])
        for m in st.session_state.messages:
            with st.chat_message(m["role"]):
                st.write(m["content"])
        if prompt := st.chat_input("Say something"):
            st.session_state.messages.append({"role": "user", "content": prompt})
            st.session_state.messages.append({"role": "assistant", "content": prompt[::-1]})
            st.rerun()
        """,
        [("chat_input", 0, "set_value", "hello"), ("chat_input", 0, "set_value", "abc")],
    ),
    "status_steps": App(
        """
        import streamlit as st
        if st.button("Run"):
            with st.status("Running", expanded=True) as status:
                st.write("step 1")
                st.write("step 2")
                status.update(label="Done", state="complete")
        st.toast("Ready")
        """,
        [("button", 0, "click")],
    ),
    "nested_layout": App(
        """
        import streamlit as st
        outer = st.container(border=True)
        with outer:
            st.subheader("Outer")
            a, b = st.columns(2)
            with a:
                with st.expander("Inside a"):
                    st.write("deep")
            with b:
                t1, t2 = st.tabs(["x", "y"])
                t1.write("tab x")
                t2.button("tab y button")
        st.divider()
        st.write("after")
        """,
        [("button", 0, "click")],
    ),
    "widgets_in_sidebar": App(
        """
        import streamlit as st
        with st.sidebar:
            st.title("Filters")
            q = st.text_input("Query")
            n = st.number_input("Limit", 1, 100, 10)
            exact = st.checkbox("Exact")
        st.write(f"q={q!r} n={n} exact={exact}")
        with st.sidebar.form("more"):
            level = st.radio("Level", ["low", "high"])
            st.form_submit_button("Apply")
        st.write(level)
        """,
        [
            ("text_input", 0, "input", "rillet"),
            ("number_input", 0, "increment"),
            [("radio", 0, "set_value", "high"), ("form_submit_button", 0, "click")],
        ],
    ),
    "session_state_keys": App(
        """
        import streamlit as st
        if "name" not in st.session_state:
            st.session_state.name = "Anon"
        st.text_input("Your name", key="name")
        st.write("Hi", st.session_state.name)
        if st.button("Uppercase"):
            st.session_state["shout"] = st.session_state.name.upper()
        st.write(st.session_state.get("shout", "-"))
        if st.button("Forget"):
            del st.session_state["shout"]
        """,
        [
            ("text_input", "name", "input", "ada"),
            ("button", 0, "click"),
            ("button", 1, "click"),
            ("session_state", "name", "Bob"),
        ],
    ),
    "dependent_selects": App(
        """
        import streamlit as st
        CITIES = {"France": ["Paris", "Lyon"], "Japan": ["Tokyo", "Osaka", "Kyoto"]}
        country = st.selectbox("Country", list(CITIES))
        city = st.selectbox("City", CITIES[country], key=f"city-{country}")
        st.write(f"{city}, {country}")
        """,
        [("selectbox", 0, "select", "Japan"), ("selectbox", 1, "select", "Kyoto")],
    ),
    "text_tools": App(
        """
        import streamlit as st
        text = st.text_area("Text", "the quick brown fox")
        op = st.radio("Operation", ["upper", "title", "reverse", "count"])
        if op == "upper":
            st.code(text.upper())
        elif op == "title":
            st.code(text.title())
        elif op == "reverse":
            st.code(text[::-1])
        else:
            st.metric("Words", len(text.split()))
        st.caption(f"{len(text)} characters")
        """,
        [
            ("radio", 0, "set_value", "count"),
            ("text_area", 0, "input", "a b"),
            ("radio", 0, "set_value", "reverse"),
        ],
    ),
    "markdown_page": App(
        """
        import streamlit as st
        st.title("Docs", anchor="docs")
        st.header("Install")
        st.code("pip install thing", language="bash")
        st.subheader("Use")
        st.markdown("- one\\n- two\\n\\n**bold** and `code`")
        st.latex(r"e^{i\\pi} + 1 = 0")
        st.caption("footnote")
        st.text("plain")
        st.divider()
        """,
    ),
    "rerun_progress": App(
        """
        import streamlit as st
        st.session_state.setdefault("step", 0)
        st.progress(st.session_state.step * 25, text=f"Step {st.session_state.step}/4")
        if st.session_state.step < 4 and st.button("Next"):
            st.session_state.step += 1
            st.rerun()
        if st.session_state.step == 4:
            st.success("All done")
        """,
        [
            ("button", 0, "click"),
            ("button", 0, "click"),
            ("button", 0, "click"),
            ("button", 0, "click"),
        ],
    ),
    "alias_runtime": App(
        """
        import streamlit as st
        from streamlit import runtime
        from streamlit.runtime.scriptrunner import get_script_run_ctx
        from streamlit.errors import StreamlitAPIException

        st.write("inside streamlit:", runtime.exists())
        st.write("has context:", get_script_run_ctx() is not None)
        st.write("port:", st.get_option("server.port"))
        try:
            st.columns(0)
        except StreamlitAPIException:
            st.write("caught a Streamlit API error")
        """,
    ),
    "multipage_switch": App(
        """
        import streamlit as st
        st.title("Home")
        st.session_state.setdefault("visits", 0)
        st.session_state.visits += 1
        st.write(f"visits {st.session_state.visits}")
        if st.button("Go to settings"):
            st.switch_page("pages/settings.py")
        """,
        [("button", 0, "click"), ("run",)],
        pages={
            "settings.py": """
import streamlit as st
st.title("Settings")
st.write(f"visits so far {st.session_state.get('visits', 0)}")
if st.button("Back home"):
    st.switch_page("main.py")
""",
        },
    ),
    "navigation_pages": App(
        """
        import streamlit as st

        def home():
            st.title("Welcome")
            st.write("home page")

        def report():
            st.title("Report")
            st.metric("Users", 120)

        page = st.navigation([st.Page(home, title="Home"), st.Page(report, title="Report")])
        page.run()
        """,
    ),
    "page_config_sidebar_nav": App(
        """
        import streamlit as st
        st.set_page_config(page_title="Tools", page_icon="🛠", layout="wide")
        page = st.sidebar.radio("Go to", ["Home", "Converter", "About"])
        if page == "Home":
            st.title("Home")
            st.write("Pick a tool in the sidebar.")
        elif page == "Converter":
            st.title("Converter")
            km = st.number_input("Kilometres", min_value=0.0, value=1.0, format="%.2f")
            st.write(f"{km * 0.621371:.3f} miles")
        else:
            st.title("About")
            st.markdown("Version **1.0**")
        """,
        [
            ("radio", 0, "set_value", "Converter"),
            ("number_input", 0, "set_value", 42.195),
            ("radio", 0, "set_value", "About"),
        ],
    ),
    "fragment_counter": App(
        """
        import streamlit as st
        st.session_state.setdefault("full_runs", 0)
        st.session_state.full_runs += 1

        @st.fragment
        def counter():
            st.session_state.setdefault("clicks", 0)
            if st.button("Click in fragment"):
                st.session_state.clicks += 1
            st.write(f"clicks {st.session_state.clicks}")

        counter()
        st.write(f"full runs {st.session_state.full_runs}")
        """,
        [("button", 0, "click"), ("button", 0, "click")],
    ),
    "cached_data": App(
        """
        import streamlit as st

        @st.cache_data
        def load(n):
            return [i * i for i in range(n)]

        n = st.slider("How many", 1, 10, 3)
        data = load(n)
        st.write(data)
        st.write(sum(data))
        if st.button("Clear cache"):
            load.clear()
        """,
        [("slider", 0, "set_value", 5), ("button", 0, "click"), ("slider", 0, "set_value", 2)],
    ),
    "disabled_and_hidden_labels": App(
        """
        import streamlit as st
        agree = st.checkbox("I agree")
        st.button("Continue", disabled=not agree)
        st.text_input("Hidden", label_visibility="collapsed", placeholder="type here")
        st.selectbox("Choice", ["x", "y"], index=None, placeholder="choose")
        st.number_input("Step", value=1.5, step=0.5, help="half steps")
        """,
        [
            ("checkbox", 0, "check"),
            ("selectbox", 0, "select", "y"),
            ("number_input", 0, "decrement"),
        ],
    ),
    "write_many_kinds": App(
        """
        import streamlit as st
        st.write("plain string")
        st.write(42)
        st.write(3.5, True, None)
        st.write({"a": [1, 2]})
        st.write(["x", "y"])
        st.write("**bold**", "and", "`code`")
        st.write(ValueError("shown"))
        """,
    ),
    "help_and_echo": App(
        """
        import streamlit as st
        with st.echo():
            total = sum(range(5))
        st.write(total)
        """,
    ),
    "popover_and_dialog": App(
        """
        import streamlit as st
        with st.popover("Options"):
            size = st.radio("Size", ["S", "M", "L"], key="size")
        st.write(f"size {size}")

        @st.dialog("Confirm")
        def confirm():
            st.write("Are you sure?")
            if st.button("Yes"):
                st.session_state.confirmed = True
                st.rerun()

        if st.button("Delete"):
            confirm()
        st.write(st.session_state.get("confirmed", False))
        """,
        [("radio", "size", "set_value", "L"), ("button", 0, "click")],
        unlike_accessors={
            "container": "Streamlit wraps an open dialog's body in a container block; "
            "rillet's dialog block holds its elements directly",
        },
    ),
    "form_clear_on_submit": App(
        """
        import streamlit as st
        st.session_state.setdefault("notes", [])
        with st.form("note", clear_on_submit=True):
            text = st.text_input("Note")
            done = st.form_submit_button("Save")
        if done and text:
            st.session_state.notes.append(text)
        st.write(st.session_state.notes)
        """,
        [
            [("text_input", 0, "input", "first"), ("form_submit_button", 0, "click")],
            [("text_input", 0, "input", "second"), ("form_submit_button", 0, "click")],
        ],
        known=[
            Known(
                "text_input",
                ("value",),
                "Streamlit's AppTest never clears a clear_on_submit form (its browser "
                "client does); rillet clears it after the submit run, as a browser shows",
            )
        ],
    ),
    "tabs_with_keyed_widgets": App(
        """
        import streamlit as st
        tabs = st.tabs(["A", "B", "C"])
        values = []
        for i, tab in enumerate(tabs):
            with tab:
                values.append(st.slider(f"Value {i}", 0, 10, i, key=f"s{i}"))
        st.write(values, sum(values))
        """,
        [("slider", "s1", "set_value", 9), ("slider", "s2", "set_value", 0)],
    ),
    "columns_grid_of_buttons": App(
        """
        import streamlit as st
        st.session_state.setdefault("pressed", "")
        for row in range(3):
            cols = st.columns(3)
            for col_i, col in enumerate(cols):
                n = row * 3 + col_i + 1
                if col.button(str(n), key=f"k{n}", use_container_width=True):
                    st.session_state.pressed += str(n)
        st.text(st.session_state.pressed or "nothing yet")
        """,
        [("button", "k5", "click"), ("button", "k1", "click"), ("button", "k9", "click")],
    ),
    "spinner_and_toast": App(
        """
        import time
        import streamlit as st
        if st.button("Work"):
            with st.spinner("Working..."):
                time.sleep(0.05)
            st.success("Finished")
            st.toast("Done!", icon="🎉")
        """,
        [("button", 0, "click"), ("run",)],
    ),
    "metric_delta_colors": App(
        """
        import streamlit as st
        price = st.number_input("Price", value=100.0)
        previous = 90.0
        st.metric("Price", f"${price:.2f}", f"{price - previous:+.2f}")
        st.metric("Cost", 10, -1, delta_color="inverse", help="lower is better")
        st.metric("Flat", 5, 0, delta_color="off", border=True)
        """,
        [("number_input", 0, "set_value", 80.0)],
    ),
    "selectbox_format_func": App(
        """
        import streamlit as st
        users = {1: "Ada", 2: "Grace", 3: "Linus"}
        uid = st.selectbox("User", list(users), format_func=lambda i: users[i])
        many = st.multiselect("Team", list(users), format_func=users.get, default=[1])
        st.write(uid, many)
        """,
        [("selectbox", 0, "select", 3), ("multiselect", 0, "select", 2)],
    ),
    "query_params_from_dict": App(
        """
        import streamlit as st
        if st.button("Share"):
            st.query_params.from_dict({"a": "1", "tags": ["x", "y"]})
        st.write(st.query_params.get_all("tags"))
        st.write(st.query_params.to_dict())
        """,
        [("button", 0, "click"), ("run",)],
    ),
    "widget_reset_with_key": App(
        """
        import streamlit as st

        def reset():
            st.session_state.amount = 10
            st.session_state.unit = "kg"

        st.number_input("Amount", key="amount", value=10)
        st.radio("Unit", ["kg", "lb"], key="unit")
        st.button("Reset", on_click=reset)
        st.write(st.session_state.amount, st.session_state.unit)
        """,
        [
            [("number_input", "amount", "set_value", 55), ("radio", "unit", "set_value", "lb")],
            ("button", 0, "click"),
        ],
    ),
    "horizontal_and_bordered": App(
        """
        import streamlit as st
        with st.container(horizontal=True, gap="small"):
            st.button("A"); st.button("B")
        with st.container(height=200, border=True):
            st.write("scroll")
        c1, c2 = st.columns(2, vertical_alignment="center", border=True)
        c1.write("x"); c2.write("y")
        with st.expander("Icon", icon=":material/info:", expanded=True):
            st.write("z")
        """,
        [],
    ),
    "number_kinds": App(
        """
        import streamlit as st
        a = st.number_input("Int", value=5)
        b = st.number_input("Float", value=0.25, step=0.05, format="%.2f")
        c = st.number_input("None", value=None, placeholder="empty")
        d = st.slider("Float slider", 0.0, 1.0, 0.5, 0.1)
        e = st.slider("Int range", 0, 100, (25, 75), 5)
        st.write(a, b, c, d, e)
        """,
        [
            ("number_input", 0, "increment"),
            ("number_input", 1, "increment"),
            ("number_input", 2, "set_value", 3),
            ("slider", 0, "set_value", 0.9),
        ],
    ),
    "captions_toggles_colors": App(
        """
        import streamlit as st
        r = st.radio("Plan", ["Free", "Pro"], captions=["$0", "$10"], index=1)
        t = st.toggle("On", value=True)
        cb = st.checkbox("Check", value=True, disabled=True)
        cp = st.color_picker("Color", "#00FF00")
        st.write(r, t, cb, cp)
        """,
        [("radio", 0, "set_value", "Free"), ("toggle", 0, "set_value", False)],
    ),
    "date_ranges_and_steps": App(
        """
        import datetime
        import streamlit as st
        d = st.date_input("Range", (datetime.date(2024,1,1), datetime.date(2024,1,7)))
        t = st.time_input("T", datetime.time(12, 0), step=1800)
        n = st.date_input("None", value=None)
        st.write(d, t, n)
        """,
        [("time_input", 0, "increment"), ("date_input", 1, "set_value", datetime.date(2024, 5, 5))],
    ),
    "json_and_code": App(
        """
        import streamlit as st
        st.json('{"a": 1, "b": [1,2]}', expanded=False)
        st.json({"x": None, "y": True}, expanded=1)
        st.code("SELECT 1", language="sql")
        st.code("plain", language=None)
        st.text("  spaced  ")
        st.latex("a^2")
        """,
        [],
    ),
    "progress_values": App(
        """
        import streamlit as st
        st.progress(0.5)
        st.progress(30, text="thirty")
        bar = st.progress(0)
        bar.progress(80, text="later")
        """,
        [],
    ),
    "media_and_links": App(
        """
        import streamlit as st
        st.image("https://example.com/a.png", caption="cap", width=100)
        st.audio("https://example.com/a.mp3")
        st.video("https://example.com/v.mp4")
        st.link_button("Go", "https://example.com", type="primary")
        st.download_button("Get", "hello", file_name="h.txt")
        """,
        [("download_button", 0, "click")],
    ),
    "fragment_full_rerun": App(
        """
        import streamlit as st
        st.session_state.setdefault("n", 0)
        @st.fragment
        def part():
            if st.button("Inc"):
                st.session_state.n += 1
                if st.session_state.n >= 2:
                    st.rerun()
            st.write(f"in fragment {st.session_state.n}")
        part()
        st.write(f"outside {st.session_state.n}")
        """,
        [("button", 0, "click"), ("button", 0, "click")],
    ),
    "alerts_with_icons": App(
        """
        import streamlit as st
        st.error("bad", icon="🚨")
        st.warning("careful")
        st.info("note", icon=":material/info:")
        st.success("ok")
        st.exception(RuntimeError("shown error"))
        """,
        [],
    ),
    "stop_inside_columns": App(
        """
        import streamlit as st
        a, b = st.columns(2)
        a.write("left")
        if b.checkbox("stop"):
            st.stop()
        st.write("after")
        """,
        [("checkbox", 0, "check")],
    ),
    "write_stream_generator": App(
        """
        import streamlit as st
        def gen():
            yield "Hello "
            yield "world"
        out = st.write_stream(gen())
        st.write(repr(out))
        """,
        [],
    ),
    "state_set_after_widget": App(
        """
        import streamlit as st
        st.session_state.setdefault("v", 3)
        st.slider("V", 0, 10, key="v")
        st.write(st.session_state.v)
        if st.button("Max"):
            st.session_state.v = 10
        """,
        [("button", 0, "click"), ("run",), ("slider", "v", "set_value", 1)],
        known=[OWN_ERROR_WORDS],
    ),
    "switch_to_missing_page": App(
        """
        import streamlit as st
        if st.button("bad"):
            st.switch_page("pages/nope.py")
        st.write("end")
        """,
        [("button", 0, "click")],
        known=[OWN_ERROR_WORDS],
    ),
    "navigation_file_pages": App(
        """
        import streamlit as st
        home = st.Page("home.py", title="Home", icon="🏠", default=True)
        about = st.Page("about.py", title="About")
        pg = st.navigation([home, about])
        st.sidebar.write("shared sidebar")
        pg.run()
        """,
        [("button", 0, "click"), ("run",)],
        files={
            "home.py": "import streamlit as st\nst.title('Home page')\n"
            "if st.button('To about'):\n    st.switch_page('about.py')\n",
            "about.py": "import streamlit as st\nst.title('About page')\n",
        },
    ),
    "three_step_wizard": App(
        """
        import streamlit as st
        st.session_state.setdefault("step", 1)
        st.session_state.setdefault("data", {})
        def go(delta):
            st.session_state.step += delta
        st.progress(st.session_state.step / 3)
        if st.session_state.step == 1:
            st.session_state.data["name"] = st.text_input("Name", st.session_state.data.get("name", ""))
            st.button("Next", on_click=go, args=(1,))
        elif st.session_state.step == 2:
            st.session_state.data["age"] = st.number_input("Age", 0, 120, st.session_state.data.get("age", 30))
            c1, c2 = st.columns(2)
            c1.button("Back", on_click=go, args=(-1,))
            c2.button("Next", on_click=go, args=(1,))
        else:
            st.success(f"Done: {st.session_state.data}")
            st.button("Restart", on_click=lambda: st.session_state.update(step=1, data={}))
        """,
        [
            [("text_input", 0, "input", "Ada"), ("button", 0, "click")],
            ("number_input", 0, "set_value", 41),
            ("button", 1, "click"),
            ("button", 0, "click"),
        ],
    ),
    "login_gate": App(
        """
        import streamlit as st
        if "user" not in st.session_state:
            with st.form("login"):
                u = st.text_input("User")
                p = st.text_input("Password", type="password")
                if st.form_submit_button("Log in"):
                    if u == "admin" and p == "pw":
                        st.session_state.user = u
                        st.rerun()
                    else:
                        st.error("Wrong credentials")
            st.stop()
        st.write(f"Welcome {st.session_state.user}")
        if st.button("Log out"):
            del st.session_state.user
            st.rerun()
        """,
        [
            [
                ("text_input", 0, "input", "admin"),
                ("text_input", 1, "input", "x"),
                ("form_submit_button", 0, "click"),
            ],
            [
                ("text_input", 0, "input", "admin"),
                ("text_input", 1, "input", "pw"),
                ("form_submit_button", 0, "click"),
            ],
            ("button", 0, "click"),
        ],
    ),
    "countdown_placeholder": App(
        """
        import time
        import streamlit as st
        n = st.number_input("From", 1, 5, 3)
        if st.button("Start"):
            box = st.empty()
            for i in range(int(n), 0, -1):
                box.metric("Remaining", i)
                time.sleep(0.01)
            box.success("Lift off")
        """,
        [("button", 0, "click")],
    ),
    "sidebar_expanders": App(
        """
        import streamlit as st
        with st.sidebar:
            with st.expander("Display", expanded=True):
                dark = st.toggle("Dark")
                size = st.select_slider("Size", ["S", "M", "L"], "M")
            with st.expander("Data"):
                rows = st.number_input("Rows", 1, 100, 10)
        st.write(dark, size, rows)
        """,
        [
            ("toggle", 0, "set_value", True),
            ("select_slider", 0, "set_value", "L"),
            ("number_input", 0, "set_value", 50),
        ],
    ),
    "html_and_markdown_html": App(
        """
        import streamlit as st
        st.markdown("<span style='color:red'>red</span>", unsafe_allow_html=True)
        st.html("<div>raw html</div>")
        st.markdown("Line one  \\nLine two")
        st.markdown("Emoji :rocket: and :material/home:")
        """,
        [],
    ),
    "multiselect_max_selections": App(
        """
        import streamlit as st
        picks = st.multiselect("Top 2", ["a", "b", "c", "d"], max_selections=2, placeholder="choose")
        st.write(len(picks), picks)
        """,
        [
            ("multiselect", 0, "select", "a"),
            ("multiselect", 0, "select", "c"),
            ("multiselect", 0, "unselect", "a"),
        ],
    ),
    "checklist": App(
        """
        import streamlit as st
        items = ["eggs", "milk", "bread"]
        done = [st.checkbox(i, key=i) for i in items]
        st.write(f"{sum(done)}/{len(items)} done")
        if all(done):
            st.balloons()
            st.success("All done!")
        """,
        [
            ("checkbox", "eggs", "check"),
            [("checkbox", "milk", "check"), ("checkbox", "bread", "check")],
        ],
    ),
}
