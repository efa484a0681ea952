"""In the desktop window: a chat input attaches files through the native dialog,
and a PDF draws its pages (pdf.js and its worker come from the app, offline)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_powers import FAKE_DIALOG

pytestmark = pytest.mark.desktop

Launch = Callable[..., Any]

CHAT_APP = """
import rillet as st
sent = st.chat_input("Ask", accept_file=True, file_type="csv")
if sent:
    f = sent.files[0]
    st.write(f"text={sent.text} name={f.name} path={f.path} bytes={f.read()!r}")
else:
    st.write("waiting")
"""


def _until(page: Any, expression: str, timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.eval(expression)
        if value:
            return value
        time.sleep(0.1)
    state = page.eval(
        "JSON.stringify([...document.querySelectorAll('.rl-pdf')].map(e => e.outerHTML.slice(0, 800)))"
    )
    raise AssertionError(f"{expression} stayed false; the viewers: {state}")


def test_a_chat_input_in_the_window_sends_the_dialogs_file_by_path(
    launch: Launch, write_app: Callable[[str], Path], desktop_env: dict[str, str], tmp_path: Path
) -> None:
    chosen = tmp_path / "data" / "report.csv"
    chosen.parent.mkdir()
    chosen.write_text("a,b\n1,2\n")
    env = {
        **desktop_env,
        "FAKE_DIALOG_LOG": str(tmp_path / "dialogs.jsonl"),
        "FAKE_DIALOG_ANSWER": json.dumps([str(chosen)]),
    }
    app = launch(str(write_app(CHAT_APP)), env=env, command=["-c", FAKE_DIALOG])
    page = app.wait_text("waiting")
    page.eval("document.querySelector('button[aria-label=\"Attach files\"]').click()")
    _until(page, "!!document.querySelector('.rl-chat-chip[data-uploaded=\"true\"]')")
    page.eval(
        "(() => { const t = document.querySelector('textarea');"
        " t.value = 'see file'; t.dispatchEvent(new Event('input', { bubbles: true })); })()"
    )
    _until(page, "!document.querySelector('button[aria-label=\"Send\"]').disabled")
    page.eval("document.querySelector('button[aria-label=\"Send\"]').click()")
    app.wait_text(f"text=see file name=report.csv path={chosen} bytes=b'a,b\\n1,2\\n'")
    calls = [json.loads(line) for line in (tmp_path / "dialogs.jsonl").read_text().splitlines()]
    assert calls == [[10, False, "", ["Accepted files (*.csv)", "All files (*.*)"]]]


def test_a_pdf_draws_its_page_in_the_window(
    launch: Launch, write_app: Callable[[str], Path], tmp_path: Path
) -> None:
    import importlib.util

    fixture = Path(__file__).parent.parent / "api" / "test_html_pdf_logo.py"
    spec = importlib.util.spec_from_file_location("pdf_fixture", fixture)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "doc.pdf").write_bytes(module.PDF)
    app = launch(
        str(
            write_app(
                f"import rillet as st\nst.write('ready')\nst.pdf({str(tmp_path / 'doc.pdf')!r})\n"
            )
        )
    )
    page = app.wait_text("ready")
    _until(page, "!!document.querySelector('canvas.rl-pdf-page[data-rendered=\"true\"]')", 60.0)
    dark = page.eval(
        "(() => { const c = document.querySelector('canvas.rl-pdf-page');"
        " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;"
        " for (let i = 0; i < d.length; i += 4) if (d[i] < 128 && d[i + 3] > 0) n++; return n; })()"
    )
    assert dark > 50
