"""components.v2 ``data`` holding tables, read by the component's JS in a real Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import received

pytestmark = pytest.mark.browser

TABLE_APP = '''
import pandas as pd
import rillet as st

JS = """
export default function ({ parentElement, data, setTriggerValue }) {
  const out = parentElement.querySelector("#out");
  if (data instanceof Uint8Array) {
    out.textContent = `bytes=${data.length} head=${Array.from(data.slice(0, 4)).join(",")}`;
    return;
  }
  const t = data.cities;
  out.textContent = [
    `rows=${t.numRows}`,
    `col=${t.schema.fields[0].name}`,
    `cell=${t.getChild("city").get(1)}`,
    `row=${JSON.stringify(t.get(0).toJSON())}`,
    `big=${data.big.numRows}`,
    `last=${data.big.getChild("n").get(data.big.numRows - 1)}`,
    `n=${data.n}`,
  ].join(" ");
  parentElement.querySelector("button").onclick = () =>
    setTriggerValue("picked", t.getChild("city").get(2));
}
"""
show = st.components.v2.component(
    "cities", html="<p id='out'></p><button>Pick</button>", js=JS
)
cities = pd.DataFrame({"city": ["Oslo", "Lima", "Pune"], "temp": [3.5, 19.0, 31.2]})
big = pd.DataFrame({"n": range(30_000)})
st.button("Again")
result = show(
    key="c",
    data={"n": 7, "cities": cities, "big": big},
    on_picked_change=lambda: None,
)
st.write(f"picked={result.picked}")
show(key="raw", data=pd.DataFrame({"a": [1, 2]}))
'''


def test_a_v2_component_reads_tables_from_data_and_sends_a_cell_back(serve, page) -> None:
    app = serve(TABLE_APP)
    page.goto(app.url)
    page.get_by_text("picked=None", exact=True).wait_for(timeout=60_000)

    # Playwright's locators pierce the components' shadow roots.
    out = page.locator('.rl-bidi-component[data-component="cities"] #out').first
    expect(out).to_have_text(
        'rows=3 col=city cell=Lima row={"city":"Oslo","temp":3.5} big=30000 last=29999 n=7',
        timeout=30_000,
    )
    raw = page.locator('.rl-bidi-component[data-component="cities"] #out').nth(1)
    expect(raw).to_have_text(re.compile(r"bytes=\d+ head=255,255,255,255"), timeout=30_000)
    assert received(page).largest > 240_000  # the 30,000-row table went whole (8 bytes a row)

    page.locator('.rl-bidi-component[data-component="cities"] button').first.click()
    expect(page.get_by_text("picked=Pune", exact=True)).to_be_visible()

    # A rerun with the same tables sends their hashes only; the JS still gets them.
    before = received(page)
    page.get_by_role("button", name="Again").click()
    expect(page.get_by_text("picked=None", exact=True)).to_be_visible()
    expect(out).to_contain_text("big=30000 last=29999")
    after = received(page)
    assert after.frames > before.frames and after.bytes - before.bytes < 20_000


SANDBOX_APP = '''
import pandas as pd
import rillet as st

JS = """
export default function ({ parentElement, data, setStateValue }) {
  const t = data.t;
  const head = t instanceof Uint8Array ? Array.from(t.slice(0, 4)).join(",") : typeof t;
  const button = parentElement.querySelector("button");
  button.onclick = () => setStateValue("seen", `${data.n} ${head}`);
  button.textContent = "Ready";
}
"""
probe = st.components.v2.component("sandboxed", html="<button>Probe</button>", js=JS)
result = probe(key="p", data={"n": 2, "t": pd.DataFrame({"a": [1]})}, on_seen_change=lambda: None)
st.write(f"seen={result.seen}")
'''


def test_in_the_desktop_window_a_dict_table_reaches_the_sandboxed_frame_as_arrow_bytes(
    browser, tmp_path
) -> None:
    from rillet.runtime.config import Config
    from rillet.runtime.runtime import Runtime
    from rillet_server import Server

    script = tmp_path / "app.py"
    script.write_text(SANDBOX_APP)
    config = Config.from_flags(
        {"server.port": 0, "server.address": "127.0.0.1", "server.fileWatcherType": "none"}
    )
    server = Server(Runtime(script, config), config, desktop_token="launch-token")
    port = server.start_in_thread()
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/?token=launch-token")
        page.get_by_text("seen=None", exact=True).wait_for(timeout=60_000)
        frame = page.frame_locator('iframe[title="sandboxed"]')
        frame.get_by_role("button", name="Ready").click()  # rendered, with its data
        # The frame cannot load the decoder: the table comes as its Arrow IPC stream.
        expect(page.get_by_text("seen=2 255,255,255,255", exact=True)).to_be_visible()
    finally:
        context.close()
        server.stop()
