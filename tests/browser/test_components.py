"""Custom components from PyPI, as users install them, in a real Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

pytestmark = [
    pytest.mark.browser,
    pytest.mark.usefixtures("streamlit_alias"),
    # Third-party packages as published: st_aggrid leaves its JSON files open.
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
    # ...and calls pandas APIs that pandas 3 deprecates.
    pytest.mark.filterwarnings("ignore:The inplace keyword"),
    pytest.mark.filterwarnings("ignore:The copy keyword"),
]


@pytest.fixture
def open_app(serve, page):
    """As conftest's ``open_app``, with a longer first wait: a component app's first run
    imports the package (and pandas for the grid), slow on a busy machine."""

    def open_(source: str, wait_for: str, **options: object):
        app = serve(source, **options)
        page.goto(app.url)
        try:
            page.get_by_text(wait_for, exact=True).first.wait_for(timeout=60_000)
        except PlaywrightTimeout:
            # Once, in a full CI run, the first component app never showed;
            # a new page (a new session and run) shows whether it is the app.
            page.reload()
            page.get_by_text(wait_for, exact=True).first.wait_for(timeout=60_000)
        return page, app

    return open_


def frame_of(page, name: str):
    return page.frame_locator(f'iframe[title="{name}"]')


def test_option_menu_renders_and_its_choice_reaches_the_script(open_app) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        from streamlit_option_menu import option_menu

        choice = option_menu("Main menu", ["Home", "Settings"], key="menu")
        st.write(f"choice={choice}")
        st.write(f"state={st.session_state['menu']}")
        import rillet, streamlit_option_menu
        # The package's own `import streamlit` got rillet, through the alias.
        st.write(f"streamlit is rillet: {streamlit_option_menu.st.button is rillet.button}")
        """,
        "choice=Home",
    )
    menu = frame_of(page, "streamlit_option_menu.option_menu")
    menu.get_by_text("Settings").click()
    expect(page.get_by_text("choice=Settings", exact=True)).to_be_visible()
    expect(page.get_by_text("state=Settings", exact=True)).to_be_visible()
    expect(page.get_by_text("streamlit is rillet: True", exact=True)).to_be_visible()
    height = page.locator('iframe[title="streamlit_option_menu.option_menu"]').bounding_box()
    assert height is not None and height["height"] > 50  # the frame took the height it asked for


def test_aggrid_shows_a_dataframe_and_sends_selection_and_edits_back(open_app) -> None:
    page, _ = open_app(
        """
        import pandas as pd
        import streamlit as st
        from st_aggrid import AgGrid, GridOptionsBuilder

        df = pd.DataFrame({"name": ["Ada", "Grace", "Linus"], "age": [36, 45, 28]})
        builder = GridOptionsBuilder.from_dataframe(df)
        builder.configure_selection("single")
        builder.configure_column("age", editable=True)
        grid = AgGrid(df, gridOptions=builder.build(), key="grid", height=200)
        rows = grid.selected_rows
        picked = [] if rows is None else list(rows["name"])
        st.write(f"selected={picked}")
        st.write(f"ages={grid.data['age'].tolist()}")
        """,
        "selected=[]",
    )
    grid = frame_of(page, "st_aggrid.AgGrid.agGrid")
    selected = page.get_by_text("selected=['Grace']", exact=True)
    # The grid listens for selections a moment after its rows appear: click until it has.
    for _ in range(10):
        grid.get_by_text("Grace").click()
        try:
            selected.wait_for(timeout=1000)
            break
        except PlaywrightTimeout:
            continue
    expect(selected).to_be_visible()
    # An edit: the grid sends its data back, and the script reads the new value.
    grid.get_by_text("45", exact=True).dblclick()
    editor = grid.locator(".ag-cell-inline-editing input")
    editor.fill("46")
    editor.press("Enter")
    expect(page.get_by_text("ages=[36, 46, 28]", exact=True)).to_be_visible()


def test_keyup_a_v2_component_sends_every_keystroke_and_its_submit(open_app) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        from st_keyup import st_keyup

        def submitted():
            st.session_state.submits = st.session_state.get("submits", 0) + 1

        value = st_keyup("City", key="city", on_submit=submitted)
        st.write(f"value={value} submits={st.session_state.get('submits', 0)}")
        """,
        "value= submits=0",
    )
    box = page.locator(".rl-bidi-component input")  # Playwright pierces the shadow root
    box.press_sequentially("Oslo")
    expect(page.get_by_text("value=Oslo submits=0", exact=True)).to_be_visible()
    box.press("Enter")
    expect(page.get_by_text("value=Oslo submits=1", exact=True)).to_be_visible()
    # The component's styles stay inside its shadow root.
    assert page.evaluate("document.querySelector('.rl-bidi-component').shadowRoot !== null")
    assert page.locator(".stkeyup__input").count() == 1  # found through the shadow root only
    assert page.evaluate("document.querySelectorAll('.stkeyup__input').length") == 0


# A component that probes what it can reach, posts malformed, oversized and
# mistyped messages, then one good value: what it found.
PROBE_COMPONENT = """<!doctype html><html><body><p>probe</p><script>
const found = {};
const probe = (name, read) => { try { found[name] = read(); } catch (e) { found[name] = e.name; } };
probe("parentBridge", () => typeof window.parent.rilletDesktop);
probe("parentPywebview", () => typeof window.parent.pywebview);
probe("parentDocument", () => typeof window.parent.document.body);
probe("ownBridge", () => typeof window.rilletDesktop);
const post = (message) => window.parent.postMessage({ isStreamlitMessage: true, ...message }, "*");
let sent = false;
window.addEventListener("message", (event) => {
  if (event.data.type !== "streamlit:render" || sent) return;
  sent = true;
  probe("call", () => window.parent.rilletDesktop.request("open_file", "", [], ""));
  post({ type: "streamlit:setFrameHeight", height: "tall" });
  post({ type: "streamlit:setComponentValue", value: "x".repeat(17 * 1024 * 1024) });
  post({ type: "streamlit:setComponentValue", value: 1, dataType: "xml" });
  post({ type: "streamlit:bogus" });
  post({ type: "streamlit:setComponentValue", value: found, dataType: "json" });
});
post({ type: "streamlit:componentReady", apiVersion: 1 });
</script></body></html>"""

PROBE_APP = """
import rillet as st
import rillet.components.v1 as components

probe = components.declare_component("probe", path={folder!r})
found = probe(key="probe", default={{}})
st.write(f"found={{found}}")
"""

# What the desktop shell injects into the app's page (the top frame only).
FAKE_BRIDGE = """
if (window === window.top) {
  window.bridgeCalls = 0;
  const call = async () => { window.bridgeCalls += 1; return ["/home/user/secret.txt"]; };
  window.rilletDesktop = { request: call, saveUrl: call, openExternal: call, droppedPaths: call };
  window.pywebview = { api: { request: call, save_url: call } };
}
"""


def test_a_component_in_the_desktop_window_cannot_reach_the_bridge(browser, tmp_path) -> None:
    from rillet.runtime.config import Config
    from rillet.runtime.runtime import Runtime
    from rillet_server import Server

    folder = tmp_path / "probe"
    folder.mkdir()
    (folder / "index.html").write_text(PROBE_COMPONENT)
    script = tmp_path / "app.py"
    script.write_text(PROBE_APP.format(folder=str(folder)))
    config = Config.from_flags(
        {"server.port": 0, "server.address": "127.0.0.1", "server.fileWatcherType": "none"}
    )
    server = Server(Runtime(script, config), config, desktop_token="launch-token")
    port = server.start_in_thread()
    context = browser.new_context()
    try:
        page = context.new_page()
        warnings: list[str] = []
        page.on("console", lambda m: warnings.append(m.text) if m.type == "warning" else None)
        page.add_init_script(FAKE_BRIDGE)
        page.goto(f"http://127.0.0.1:{port}/?token=launch-token")
        result = page.get_by_text("found={'parentBridge'")
        result.wait_for(timeout=60_000)
        text = result.inner_text()
        assert "'parentBridge': 'SecurityError'" in text
        assert "'parentPywebview': 'SecurityError'" in text
        assert "'parentDocument': 'SecurityError'" in text
        assert "'ownBridge': 'undefined'" in text
        assert "'call': 'SecurityError'" in text
        assert page.evaluate("window.bridgeCalls") == 0
        # The bad messages were refused with a warning each; the session went on.
        refused = [
            w for w in warnings if "component app.probe sent a message that was ignored" in w
        ]
        assert len(refused) == 4, warnings
        sandbox = page.locator('iframe[title="app.probe"]').get_attribute("sandbox") or ""
        assert "allow-scripts" in sandbox and "allow-same-origin" not in sandbox
    finally:
        context.close()
        server.stop()


def test_annotated_text_and_streamlit_extras_render_and_send_values(open_app) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        from annotated_text import annotated_text
        from streamlit_extras.card_selector import card_selector
        from streamlit_extras.star_rating import star_rating
        from streamlit_extras.stateful_button import button as stateful_button
        from streamlit_extras.steps import steps
        from streamlit_extras.stoggle import stoggle

        annotated_text("This ", ("is", "verb"), " some ", ("annotated", "adj"), " text")
        star_rating(3.5)
        stoggle("Show the secret", "The secret is rillet")
        steps(["Plan", "Build", "Ship"], current=1)
        picked = card_selector([{"title": "Alpha"}, {"title": "Beta"}], key="cards")
        st.write(f"picked={picked}")
        on = stateful_button("Toggle me", key="toggle")
        st.write(f"toggled={on}")
        """,
        "picked=None",
    )
    expect(page.get_by_text("verb", exact=True)).to_be_visible()  # annotated_text
    expect(page.get_by_text("★").first).to_be_visible()  # star_rating
    page.get_by_text("Show the secret").click()  # stoggle
    expect(page.get_by_text("The secret is rillet")).to_be_visible()
    expect(page.get_by_text("Build", exact=True)).to_be_visible()  # steps (components.v2)
    page.get_by_text("Beta", exact=True).click()  # card_selector (components.v2)
    expect(page.get_by_text("picked=1", exact=True)).to_be_visible()
    page.get_by_role("button", name="Toggle me").click()  # stateful_button
    expect(page.get_by_text("toggled=True", exact=True)).to_be_visible()


def test_st_iframe_with_html_takes_the_height_of_its_content(open_app) -> None:
    page, _ = open_app(
        """
        import rillet as st
        st.write("framed")
        st.iframe("<div style='height: 333px; background: teal'>tall</div>")
        """,
        "framed",
    )
    frame = page.locator("iframe.rl-iframe")
    expect(frame).to_have_attribute("sandbox", re.compile("allow-scripts"))
    page.wait_for_function(
        "document.querySelector('iframe.rl-iframe').getBoundingClientRect().height >= 333"
    )


DEV_COMPONENT = """<!doctype html><html><body><button id="b">Send</button><script>
const post = (m) => window.parent.postMessage({ isStreamlitMessage: true, ...m }, "*");
let args = {};
window.addEventListener("message", (e) => {
  if (e.data.type === "streamlit:render") { args = e.data.args; post({ type: "streamlit:setFrameHeight", height: 60 }); }
});
document.getElementById("b").onclick = () =>
  post({ type: "streamlit:setComponentValue", value: `${args.greeting} from the dev server`, dataType: "json" });
post({ type: "streamlit:componentReady", apiVersion: 1 });
</script></body></html>"""


@pytest.fixture
def dev_server(tmp_path):
    """A component's development server (``npm start`` stands for it): another origin."""
    import functools
    import http.server
    import threading

    (tmp_path / "dev").mkdir()
    (tmp_path / "dev" / "index.html").write_text(DEV_COMPONENT)
    handler = functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(tmp_path / "dev")
    )
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_dev_server_component_works_in_rillet_run(open_app, dev_server) -> None:
    page, _ = open_app(
        f"""
        import rillet as st
        import rillet.components.v1 as components
        dev = components.declare_component("dev", url={dev_server!r})
        st.write(f"value={{dev(greeting='hello', key='dev')}}")
        """,
        "value=None",
    )
    frame = frame_of(page, "app.dev")
    frame.get_by_role("button", name="Send").click()
    expect(page.get_by_text("value=hello from the dev server", exact=True)).to_be_visible()


V2_PROBE_APP = """
import rillet as st

PROBE_JS = \"\"\"
export default function ({ parentElement, setStateValue }) {
  if (parentElement.done) return;
  parentElement.done = true;
  let reach;
  try { reach = typeof window.parent.rilletDesktop; } catch (e) { reach = e.name; }
  parentElement.querySelector("button").onclick = () => setStateValue("reach", reach);
}
\"\"\"
probe = st.components.v2.component("probe_v2", html="<button>Probe</button>", js=PROBE_JS)
result = probe(key="probe", on_reach_change=lambda: None)
st.write(f"reach={result.reach}")
"""


def test_a_v2_component_in_the_desktop_window_runs_sandboxed(browser, tmp_path) -> None:
    from rillet.runtime.config import Config
    from rillet.runtime.runtime import Runtime
    from rillet_server import Server

    script = tmp_path / "app.py"
    script.write_text(V2_PROBE_APP)
    config = Config.from_flags(
        {"server.port": 0, "server.address": "127.0.0.1", "server.fileWatcherType": "none"}
    )
    server = Server(Runtime(script, config), config, desktop_token="launch-token")
    port = server.start_in_thread()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script(FAKE_BRIDGE)
        page.goto(f"http://127.0.0.1:{port}/?token=launch-token")
        page.get_by_text("reach=None", exact=True).wait_for(timeout=60_000)
        page.frame_locator('iframe[title="probe_v2"]').get_by_role("button", name="Probe").click()
        expect(page.get_by_text("reach=SecurityError", exact=True)).to_be_visible()
        assert page.evaluate("window.bridgeCalls") == 0
    finally:
        context.close()
        server.stop()


def test_a_component_value_reruns_only_its_fragment_and_waits_for_its_form(
    open_app, tmp_path
) -> None:
    folder = tmp_path / "send"
    folder.mkdir()
    (folder / "index.html").write_text(DEV_COMPONENT)
    page, _ = open_app(
        f"""
        import rillet as st
        import rillet.components.v1 as components

        send = components.declare_component("send", path={str(folder)!r})
        st.session_state.runs = st.session_state.get("runs", 0) + 1
        st.write(f"full runs={{st.session_state.runs}}")

        @st.fragment
        def part():
            st.write(f"fragment value={{send(greeting='hi', key='in_fragment')}}")

        part()
        with st.form("f"):
            held = send(greeting="held", key="in_form")
            st.form_submit_button("Submit")
        st.write(f"form value={{held}}")
        """,
        "full runs=1",
    )
    frames = page.locator('iframe[title="app.send"]')
    expect(frames).to_have_count(2)
    page.frame_locator('iframe[title="app.send"] >> nth=0').get_by_role(
        "button", name="Send"
    ).click()
    expect(page.get_by_text("fragment value=hi from the dev server", exact=True)).to_be_visible()
    expect(page.get_by_text("full runs=1", exact=True)).to_be_visible()  # only the fragment ran

    page.frame_locator('iframe[title="app.send"] >> nth=1').get_by_role(
        "button", name="Send"
    ).click()
    page.wait_for_timeout(500)
    expect(page.get_by_text("form value=None", exact=True)).to_be_visible()  # held by the form
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("form value=held from the dev server", exact=True)).to_be_visible()


COUNTING_COMPONENT = """<!doctype html><html><body><script>
const post = (m) => window.parent.postMessage({ isStreamlitMessage: true, ...m }, "*");
let renders = 0;
window.addEventListener("message", (e) => {
  if (e.data.type !== "streamlit:render") return;
  renders += 1;
  post({ type: "streamlit:setComponentValue", value: `${e.data.args.label}:${renders}`, dataType: "json" });
});
post({ type: "streamlit:componentReady", apiVersion: 1 });
</script></body></html>"""


def test_a_rerun_with_the_same_arguments_sends_the_component_nothing(open_app, tmp_path) -> None:
    # The component answers every render message with the number it has seen:
    # were an equal rerun rendered again, its answer would rerun without end.
    folder = tmp_path / "counting"
    folder.mkdir()
    (folder / "index.html").write_text(COUNTING_COMPONENT)
    page, _ = open_app(
        f"""
        import rillet as st
        import rillet.components.v1 as components

        counting = components.declare_component("counting", path={str(folder)!r})
        label = "b" if st.toggle("Other label") else "a"
        st.write(f"seen={{counting(label=label, key='c')}}")
        """,
        "seen=None",
    )
    expect(page.get_by_text("seen=a:1", exact=True)).to_be_visible()
    page.wait_for_timeout(600)
    expect(page.get_by_text("seen=a:1", exact=True)).to_be_visible()
    page.get_by_text("Other label").click()
    expect(page.get_by_text("seen=b:2", exact=True)).to_be_visible()
    page.wait_for_timeout(600)
    expect(page.get_by_text("seen=b:2", exact=True)).to_be_visible()
