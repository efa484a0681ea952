"""In Chromium: the datetime picker, a grid's layout, a chat input with a file, and a PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, TIMEOUT_MS

pytestmark = pytest.mark.browser

PDF_FILE = Path(__file__).parent.parent / "api" / "test_html_pdf_logo.py"


def test_the_datetime_picker_sends_the_moment_chosen(open_app):
    page, _ = open_app(
        """
        import datetime as dt
        import rillet as st
        when = st.datetime_input("When", dt.datetime(2024, 3, 15, 14, 30),
                                 min_value=dt.date(2024, 1, 1), format="DD.MM.YYYY", step=300)
        st.write(f"when={when.isoformat() if when else None}")
        """,
        "when=2024-03-15T14:30:00",
    )
    field = page.get_by_role("textbox", name="When")
    expect(field).to_have_value("15.03.2024, 14:30")
    field.fill("02.06.2025, 09:45")
    field.press("Enter")
    expect(page.get_by_text("when=2025-06-02T09:45:00")).to_be_visible()
    expect(field).to_have_value("02.06.2025, 09:45")


def test_a_grid_places_its_cells_in_rows_of_its_columns(open_app):
    page, _ = open_app(
        """
        import rillet as st
        grid = st.grid(3, gap="medium", wrap=False)
        for n in range(5):
            grid.button(f"Cell {n}")
        with grid.cell(column_span="all"):
            st.write("Footer cell")
        st.write("done")
        """,
        "done",
    )
    boxes = [page.get_by_role("button", name=f"Cell {n}").bounding_box() for n in range(5)]
    assert all(b is not None for b in boxes)
    tops = [round(b["y"]) for b in boxes]  # type: ignore[index]
    lefts = [round(b["x"]) for b in boxes]  # type: ignore[index]
    # Three to a row, in order: 0 1 2 on the first row, 3 4 on the second.
    assert tops[0] == tops[1] == tops[2] < tops[3] == tops[4]
    assert lefts[0] < lefts[1] < lefts[2] and lefts[3] == lefts[0] and lefts[4] == lefts[1]
    footer = page.get_by_text("Footer cell").bounding_box()
    assert footer is not None and footer["y"] > tops[3]
    grid = page.locator(".rl-grid")
    assert grid.evaluate("g => getComputedStyle(g).display") == "grid"
    columns = grid.evaluate("g => getComputedStyle(g).gridTemplateColumns").split()
    assert len(columns) == 3
    # pdf.js is a lazy chunk: a page without a PDF never loads it.
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert not any("pdf" in name for name in loaded)


def test_a_chat_input_sends_a_file_with_the_text(open_app, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("file body")
    page, _ = open_app(
        """
        import rillet as st
        sent = st.chat_input("Ask", accept_file=True, file_type="txt")
        if sent:
            st.write(f"text={sent.text} files={[f.name for f in sent.files]}")
            st.write(sent.files[0].read().decode() if sent.files else "no file")
        else:
            st.write("waiting")
        """,
        "waiting",
    )
    attach = page.get_by_role("button", name="Attach files")
    with page.expect_file_chooser() as chooser:
        attach.click()
    chooser.value.set_files(str(note))
    chip = page.locator(".rl-chat-chip", has_text="note.txt")
    expect(chip).to_have_attribute("data-uploaded", "true")
    page.get_by_label("Ask").fill("see attached")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("text=see attached files=['note.txt']")).to_be_visible()
    expect(page.get_by_text("file body")).to_be_visible()
    expect(chip).to_have_count(0)


def _pdf_bytes() -> bytes:
    import importlib.util

    spec = importlib.util.spec_from_file_location("pdf_fixture", PDF_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return bytes(module.PDF)


def test_a_pdf_renders_its_page_on_a_canvas(open_app, tmp_path):
    path = tmp_path / "doc.pdf"
    path.write_bytes(_pdf_bytes())
    page, _ = open_app(
        f"""
        import rillet as st
        st.write("before")
        st.pdf({str(path)!r}, height=400, alt="Greeting")
        """,
        "before",
    )
    viewer = page.get_by_role("document", name="Greeting")
    expect(viewer).to_be_visible()
    canvas = viewer.locator("canvas[data-rendered='true']")
    expect(canvas).to_have_count(1, timeout=20_000)
    # The page holds dark text on white: some pixels are far from white.
    dark = canvas.evaluate(
        """c => {
            const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let dark = 0;
            for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) dark++;
            return dark;
        }"""
    )
    assert dark > 50
    # pdf.js came from the app's own server, as a chunk of its own.
    scripts = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert any("/static/assets/pdf" in s for s in scripts)
    assert any("pdf.worker" in s for s in scripts)
    assert all(s.startswith("http://127.0.0.1") for s in scripts)


PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_the_logo_shows_atop_the_sidebar_and_in_the_header_when_it_is_closed(open_app, tmp_path):
    (tmp_path / "logo.png").write_bytes(PNG)
    (tmp_path / "icon.png").write_bytes(PNG)
    page, _ = open_app(
        f"""
        import rillet as st
        st.logo({str(tmp_path / "logo.png")!r}, icon_image={str(tmp_path / "icon.png")!r},
                link="https://example.com", size="large")
        st.sidebar.write("In the sidebar")
        st.write("main")
        """,
        "main",
    )
    sidebar_logo = page.locator("#rl-sidebar .rl-logo")
    expect(sidebar_logo).to_be_visible()
    expect(page.locator("#rl-sidebar a.rl-logo-box")).to_have_attribute(
        "href", "https://example.com"
    )
    assert sidebar_logo.evaluate("img => img.complete && img.naturalWidth") == 1
    expect(page.locator("header .rl-logo")).to_have_count(0)
    page.get_by_role("button", name="Close sidebar").click()
    header_logo = page.locator("header .rl-logo")
    expect(header_logo).to_be_visible()
    expect(header_logo).to_have_class("rl-logo rl-logo-large")


def test_a_chat_input_in_stop_mode_offers_to_stop_the_run_its_message_started(open_app):
    page, _ = open_app(
        """
        import time
        import rillet as st
        sent = st.chat_input("Ask", submit_mode="stop")
        if sent:
            st.write(f"working on {sent}")
            bar = st.progress(0)
            for step in range(300):  # each st.* call is a point where a stop lands
                time.sleep(0.1)
                bar.progress(step % 100)
            st.write("finished")
        st.write("ready")
        """,
        "ready",
    )
    page.get_by_label("Ask").fill("a long job")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("working on a long job")).to_be_visible()
    expect(page.get_by_label("Ask")).to_be_disabled()
    page.locator(".rl-chat-input").get_by_role("button", name="Stop").click()
    expect(page.get_by_role("button", name="Send")).to_be_visible()
    expect(page.get_by_label("Ask")).to_be_enabled()
    expect(page.get_by_text("finished")).to_have_count(0)


def test_a_chat_input_in_disable_mode_waits_for_the_run(open_app):
    page, _ = open_app(
        """
        import time
        import rillet as st
        sent = st.chat_input("Ask", submit_mode="disable")
        if sent:
            time.sleep(1.5)
            st.write(f"answered {sent}")
        st.write("ready")
        """,
        "ready",
    )
    page.get_by_label("Ask").fill("first")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_label("Ask")).to_be_disabled()
    expect(page.get_by_text("answered first")).to_be_visible()
    expect(page.get_by_label("Ask")).to_be_enabled()


def test_a_chat_input_records_audio_and_sends_it_as_wav(browser, serve):
    # A browser of its own: Chromium's fake microphone (a beep) stands in for
    # a real one, and its permission prompt is answered yes.
    fake_mic = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]
    own = browser.browser_type.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS + fake_mic)
    try:
        app = serve(
            """
            import rillet as st
            sent = st.chat_input("Say", accept_audio=True, audio_sample_rate=16000)
            if sent and sent.audio:
                data = sent.audio.read()
                rate = int.from_bytes(data[24:28], "little")
                st.write(f"audio={sent.audio.type} riff={data[:4] == b'RIFF'} rate={rate} long={len(data) > 8000}")
            st.write("ready")
            """
        )
        context = own.new_context()
        context.set_default_timeout(TIMEOUT_MS)
        page = context.new_page()
        page.goto(app.url)
        page.get_by_text("ready", exact=True).wait_for()
        page.get_by_role("button", name="Record audio").click()
        expect(page.get_by_role("button", name="Stop recording")).to_be_visible()
        page.wait_for_timeout(1200)
        page.get_by_role("button", name="Stop recording").click()
        expect(page.locator(".rl-chat-chip[data-uploaded='true']")).to_have_count(1)
        page.get_by_role("button", name="Send").click()
        expect(page.get_by_text("audio=audio/wav riff=True rate=16000 long=True")).to_be_visible()
        context.close()
    finally:
        own.close()
