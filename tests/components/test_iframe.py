"""st.iframe (1.67) and the tab_index of components.v1.html / iframe."""

from __future__ import annotations

import inspect
from pathlib import Path

import streamlit
import streamlit.components.v1 as st_components

import rillet
from rillet.api import iframe as components
from rillet.testing import AppTest


def test_signatures_match_streamlit() -> None:
    ours = inspect.signature(rillet.iframe).parameters
    theirs = inspect.signature(streamlit.iframe).parameters
    assert [(p.name, p.kind, p.default) for p in ours.values()] == [
        (p.name, p.kind, p.default) for p in theirs.values()
    ]
    for name in ("html", "iframe"):
        ours = inspect.signature(getattr(components, name)).parameters
        theirs = inspect.signature(getattr(st_components, name)).parameters
        assert [(p.name, p.default) for p in ours.values()] == [
            (p.name, p.default) for p in theirs.values() if p.name != "self"
        ]


def frame_of(body: str):
    at = AppTest.from_string("import rillet as st\nfrom pathlib import Path\n" + body).run()
    assert not at.exception, at.exception
    return at.get("iframe")[0].proto


def test_a_url_is_framed_at_400_pixels_by_default() -> None:
    frame = frame_of("st.iframe('https://example.com', tab_index=0, alt='Example')")
    assert (frame.src, frame.srcdoc) == ("https://example.com", "")
    assert (frame.width_mode, frame.height_mode) == ("stretch", "content")
    assert (frame.tab_index, frame.has_tab_index, frame.alt) == (0, True, "Example")
    assert frame_of("st.iframe('/app/static/report.html')").src == "/app/static/report.html"


def test_any_other_string_is_html_and_never_a_file_path() -> None:
    frame = frame_of("st.iframe('report.html', width=300, height='stretch')")
    assert (frame.src, frame.srcdoc) == ("", "report.html")
    assert (frame.width, frame.width_mode, frame.height_mode) == (300, "", "stretch")


def test_a_path_to_html_is_embedded_and_other_files_are_served(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<h1>Report</h1>")
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4 fake")
    assert frame_of(f"st.iframe(Path({str(tmp_path / 'page.html')!r}))").srcdoc == "<h1>Report</h1>"
    frame = frame_of(f"st.iframe(Path({str(tmp_path / 'doc.pdf')!r}))")
    assert frame.src.startswith("/media/") and frame.srcdoc == ""


def test_bad_arguments_are_named() -> None:
    for call, argument in (
        ("st.iframe('')", "src"),
        ("st.iframe(Path('/no/such/file.html'))", "src"),
        ("st.iframe('x', width='wide')", "width"),
        ("st.iframe('x', height=0)", "height"),
        ("st.iframe('x', tab_index=-2)", "tab_index"),
        ("st.iframe('x', alt=3)", "alt"),
    ):
        at = AppTest.from_string("import rillet as st\nfrom pathlib import Path\n" + call).run()
        assert f"`{argument}`" in at.exception[0].value or argument in at.exception[0].value, call


def test_components_html_takes_a_tab_index() -> None:
    at = AppTest.from_string(
        "import rillet.components.v1 as components\ncomponents.html('<b>x</b>', tab_index=-1)"
    ).run()
    frame = at.get("iframe")[0].proto
    assert (frame.srcdoc, frame.tab_index, frame.has_tab_index) == ("<b>x</b>", -1, True)
