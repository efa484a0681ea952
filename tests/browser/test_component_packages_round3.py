"""Component packages from PyPI, round three: what each needed from rillet, in Chromium.

streamlit-jsme loads its molecule editor from inline ``<script>`` tags in its
components.v2 ``html`` (Streamlit runs them; ``innerHTML`` left them inert),
and streamlit-webrtc negotiates a peer connection with the server through
Streamlit's runtime internals and reruns.
"""

from __future__ import annotations

import importlib.util

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
]


def _needs(module: str) -> pytest.MarkDecorator:
    # Looked up, not imported: importing a package at collection would load the real streamlit.
    return pytest.mark.skipif(
        importlib.util.find_spec(module) is None, reason=f"{module} is not installed"
    )


# A component laid out as streamlit-kanban and streamlit-stepper are: a
# full-viewport wrapper, placeholder content drawn while it loads, its height
# posted at load and after each render, and its value: the sizes it saw.
MEASURING = """<!doctype html><html><body style="margin:0">
<div style="min-height:100vh"><div id="content" style="height:300px">placeholder</div></div>
<script>
const post = (message) => window.parent.postMessage({ isStreamlitMessage: true, ...message }, "*");
const seen = { load: [innerWidth, innerHeight] };
const height = () => post({ type: "streamlit:setFrameHeight", height: document.body.scrollHeight });
window.addEventListener("message", (event) => {
  if (event.data.type !== "streamlit:render" || seen.render) return;
  seen.render = [innerWidth, innerHeight];
  document.getElementById("content").style.height = event.data.args.tall + "px";
  height();
  post({ type: "streamlit:setComponentValue", value: seen, dataType: "json" });
});
post({ type: "streamlit:componentReady", apiVersion: 1 });
height();
</script></body></html>"""


def test_a_component_frame_is_laid_out_only_once_ready_then_fits_its_content(
    open_app, tmp_path
) -> None:
    folder = tmp_path / "measuring"
    folder.mkdir()
    (folder / "index.html").write_text(MEASURING, encoding="utf-8")
    page, _ = open_app(
        f"""
        import rillet as st
        import rillet.components.v1 as components

        measuring = components.declare_component("measuring", path={str(folder)!r})
        seen = measuring(tall=120, key="m")
        if seen:
            load, (width, height) = seen["load"], seen["render"]
            st.write(f"load={{load}} render_width={{width > 0}} render_height={{height}}")
        st.write("ready")
        """,
        "ready",
    )
    # While it loads the frame takes no room (Streamlit does not show it
    # before it is ready); its first render sees the column's width and no
    # height yet, so the height it posts is its content's, not the frame's.
    expect(
        page.get_by_text("load=[0, 0] render_width=True render_height=0", exact=True)
    ).to_be_visible()
    frame = page.locator('.rl-component[data-component$="measuring"] iframe')
    expect(frame).to_have_css("height", "120px")


def test_the_inline_scripts_of_a_v2_components_html_run(open_app) -> None:
    page, _ = open_app(
        """
        import rillet as st

        SCRIPTED = '''
        <p class="out">inert</p>
        <script>
          window.rlInlineRuns = (window.rlInlineRuns || 0) + 1;
          document.currentScript.previousElementSibling.textContent = "ran " + window.rlInlineRuns;
        </script>
        '''
        shown = st.components.v2.component("scripted", html=SCRIPTED, isolate_styles=False)
        shown(key="one")
        st.button("Again")
        st.write("ready")
        """,
        "ready",
    )
    expect(page.get_by_text("ran 1", exact=True)).to_be_visible()
    # A rerun keeps the mounted component: its scripts do not run again.
    page.get_by_role("button", name="Again").click()
    page.wait_for_timeout(300)
    assert page.evaluate("window.rlInlineRuns") == 1


@_needs("streamlit_jsme")
@pytest.mark.usefixtures("streamlit_alias")
def test_jsme_draws_its_editor_and_sends_the_molecule_back(open_app) -> None:
    page, _ = open_app(
        """
        import streamlit as st
        from streamlit_jsme import st_jsme

        smiles = st_jsme("CCO", key="editor")
        st.write(f"smiles={smiles}")
        """,
        "smiles=",
    )
    editor = page.locator('.rl-bidi-component[data-component="jsme_editor"]')
    # The editor's own toolbar, drawn by the GWT scripts its html carries.
    expect(editor.get_by_text("NEW", exact=True)).to_be_visible(timeout=30_000)
    box = editor.bounding_box()
    assert box is not None and box["height"] > 400
    editor.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("smiles=CCO", exact=True)).to_be_visible()


@_needs("streamlit_webrtc")
@pytest.mark.usefixtures("streamlit_alias")
def test_webrtc_streams_the_fake_camera_through_the_server_and_back(browser, serve) -> None:
    # A browser of its own: Chromium's fake camera stands in for a real one,
    # and its permission prompt is answered yes.
    fake_media = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
    own = browser.browser_type.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS + fake_media
    )
    try:
        app = serve(
            """
            import streamlit as st
            from streamlit_webrtc import webrtc_streamer

            ctx = webrtc_streamer(key="camera")
            st.write(f"playing={ctx.state.playing}")
            """
        )
        context = own.new_context()
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        page.goto(app.url)
        # aiortc and PyAV take a few seconds to import on a busy machine.
        page.get_by_text("playing=False", exact=True).wait_for(timeout=60_000)
        frame = page.frame_locator('iframe[title="streamlit_webrtc.component.webrtc_streamer"]')
        frame.get_by_role("button", name="START").click(timeout=30_000)
        expect(page.get_by_text("playing=True", exact=True)).to_be_visible(timeout=30_000)
        # The video the server sends back plays in the component.
        video = frame.locator("video").first
        expect(video).to_be_visible(timeout=30_000)
        page.wait_for_function(
            "frame => frame.contentDocument.querySelector('video').videoWidth > 0",
            arg=page.locator(
                'iframe[title="streamlit_webrtc.component.webrtc_streamer"]'
            ).element_handle(),
            timeout=30_000,
        )
        frame.get_by_role("button", name="STOP").click()
        expect(page.get_by_text("playing=False", exact=True)).to_be_visible(timeout=30_000)
        context.close()
    finally:
        own.close()


def test_a_v2_component_whose_module_fails_shows_the_error_in_its_place(open_app) -> None:
    # streamlit-segment-slider's module imports a path a blob cannot reach:
    # Streamlit shows the error where the component would be, not a blank.
    page, _ = open_app(
        """
        import rillet as st

        broken = st.components.v2.component(
            "broken", html="<p>never</p>", js="import './missing.js'; export default () => {};"
        )
        broken(key="b")
        st.write("after")
        """,
        "after",
    )
    error = page.get_by_role("alert").filter(has_text="BidiComponent Error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("missing.js")
    expect(page.locator('.rl-bidi-component[data-component$="broken"]')).to_have_count(0)
