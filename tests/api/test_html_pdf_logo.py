"""st.html (its own module now), st.pdf, st.logo and page_link's 1.67 parameters."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.context import EVENT
from rillet.testing import AppTest

# A one-page PDF with a line of text (written by hand: objects, xref, trailer).
PDF = b"""%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R
/Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 44 >> stream
BT /F1 24 Tf 20 40 Td (Hello PDF) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
trailer << /Root 1 0 R >>
%%EOF
"""


def _sent(at: AppTest) -> list[pb.ForwardMsg]:
    seen: list[pb.ForwardMsg] = []
    outbox = at._session.outbox
    deliver = outbox._deliver
    assert deliver is not None

    def spy(msgs: list[pb.ForwardMsg]) -> None:
        seen.extend(msgs)
        deliver(msgs)

    outbox._deliver = spy
    return seen


# ------------------------------------------------------------------- html


def test_html_reads_a_path_and_wraps_css_in_a_style_tag(tmp_path: Path) -> None:
    (tmp_path / "box.html").write_text("<div class='box'>Box</div>")
    (tmp_path / "box.css").write_text(".box { color: red }")
    (tmp_path / "hi.js").write_text("console.log('hi')")
    at = AppTest.from_string(
        f"""
        from pathlib import Path
        import rillet as st
        folder = Path({str(tmp_path)!r})
        st.html(folder / "box.html")
        st.html(folder / "box.css")
        st.html(folder / "hi.js")
        """
    ).run()
    bodies = [h.value for h in at.get("html")]
    assert bodies == [
        "<div class='box'>Box</div>",
        "console.log('hi')",
        "<style>.box { color: red }</style>",
    ]
    # Styles alone take no room in the page: they go to the event root.
    [style] = [n for n in at._roots[EVENT].ordered()]
    assert style.element.html.body.startswith("<style>")


def test_a_string_naming_a_file_is_inserted_as_text_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "page.html"
    path.write_text("<p>file</p>")
    with caplog.at_level(logging.WARNING, logger="rillet.api.html"):
        at = AppTest.from_string(f"import rillet as st\nst.html({str(path)!r})").run()
    assert at.get("html")[0].value == str(path)
    assert "pathlib.Path" in caplog.text


def test_html_with_javascript_allowed_is_its_own_element_kind() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.html('<script>1</script><b>x</b>', unsafe_allow_javascript=True)"
    ).run()
    [element] = at.get("html")
    assert element._node.element.WhichOneof("type") == "scripted_html"
    assert element.value == "<script>1</script><b>x</b>"


@pytest.mark.parametrize(("body", "words"), [("''", "non-empty HTML"), ("None", "non-empty HTML")])
def test_empty_html_is_refused(body: str, words: str) -> None:
    at = AppTest.from_string(f"import rillet as st\nst.html({body})").run()
    assert "st.html: `body` must be " + words in at.exception[0].value


def test_the_public_html_is_the_html_module() -> None:
    import rillet
    from rillet.api import html

    assert rillet.html is html.html and rillet.Container.html is html.html


# -------------------------------------------------------------------- pdf


def test_pdf_bytes_files_and_uploads_are_served_as_media(tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(PDF)
    at = AppTest.from_string(
        f"""
        import io
        from pathlib import Path
        import rillet as st
        data = Path({str(path)!r}).read_bytes()
        st.pdf(data)
        st.pdf({str(path)!r}, height=300, alt="  The doc ")
        st.pdf(Path({str(path)!r}), height="stretch", key="doc")
        st.pdf(io.BytesIO(data))
        st.pdf("https://example.com/a.pdf")
        """
    ).run()
    pdfs = [p.proto for p in at.get("pdf")]
    assert all(p.url.startswith("/media/") for p in pdfs[:4])
    assert pdfs[4].url == "https://example.com/a.pdf"
    assert (pdfs[0].height, pdfs[1].height, pdfs[1].alt) == (500, 300, "The doc")
    assert (pdfs[2].stretch_height, pdfs[2].key) == (True, "doc")
    file_id = pdfs[0].url.removeprefix("/media/")
    stored = at._session.app.media.get(file_id)
    assert stored is not None and stored.data == PDF and stored.mimetype == "application/pdf"


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.pdf(None)", "st.pdf: `data` must be a file path"),
        ("st.pdf(42)", "st.pdf: `data` must be a file path"),
        ("st.pdf(b'hello')", "`data` is not a PDF"),
        ("st.pdf('/no/such.pdf')", "cannot read the file '/no/such.pdf'"),
        ("st.pdf(b'%PDF-1.4', height=0)", "`height` must be a positive int (pixels) or 'stretch'"),
        ("st.pdf(b'%PDF-1.4', height='content')", "`height` must be a positive int"),
    ],
)
def test_bad_pdf_arguments_are_named(call: str, words: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}").run()
    assert words in at.exception[0].value


# ------------------------------------------------------------------- logo

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d"
    b"\x00\x00\x00\x00IEND\xaeB`\x82"
)


def test_logo_sends_its_images_link_and_size() -> None:
    at = AppTest.from_string(
        f"""
        import rillet as st
        st.logo({PNG!r}, size="large", link="https://example.com",
                icon_image="https://example.com/icon.png")
        """
    )
    sent = _sent(at)
    at.run()
    [logo] = [m.logo for m in sent if m.WhichOneof("type") == "logo"]
    assert logo.image.startswith("/media/") and logo.icon_image == "https://example.com/icon.png"
    assert (logo.link, logo.size) == ("https://example.com", "large")


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("st.logo('https://x/l.png', size='huge')", "`size` must be 'small', 'medium' or 'large'"),
        ("st.logo('https://x/l.png', link='example.com')", "`link` must be an http:// or https://"),
        ("st.logo(42)", "st.logo: `image` must be an image URL"),
        ("st.logo('https://x/l.png', icon_image=3.5)", "`icon_image` must be an image URL"),
        ("st.logo('/no/such.png')", "st.logo: `image`"),
    ],
)
def test_bad_logo_arguments_are_named(call: str, words: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}").run()
    assert words in at.exception[0].value


# -------------------------------------------------------------- page_link


def test_page_link_carries_query_params_icon_position_and_width() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.page_link("https://example.com", label="Docs", icon="📖", icon_position="right",
                     width="stretch", query_params=[("tag", "a"), ("tag", "b"), ("q", "x y")])
        st.page_link("https://example.com", label="Plain", width=200, query_params={"n": ["1", "2"]})
        """
    ).run()
    first, second = at.page_link
    assert first.value == "Docs"
    assert (first.proto.icon_position, first.proto.width) == ("right", "stretch")
    assert first.proto.query_string == "tag=a&tag=b&q=x+y"
    assert first.query_params == {"tag": ["a", "b"], "q": ["x y"]}
    assert (second.proto.width, second.proto.query_string) == ("200px", "n=1&n=2")


@pytest.mark.parametrize(
    ("call", "words"),
    [
        ("icon_position='top'", "`icon_position` must be 'left' or 'right'"),
        ("query_params=5", "`query_params` must be a dict or a list of (key, value) pairs"),
        ("query_params={'a': {'b': 1}}", "`query_params` must be a dict"),
        ("width=0", "`width` must be a positive int (pixels)"),
    ],
)
def test_bad_page_link_arguments_are_named(call: str, words: str) -> None:
    at = AppTest.from_string(
        f"import rillet as st\nst.page_link('https://example.com', label='x', {call})"
    ).run()
    assert words in at.exception[0].value


def test_an_uploaded_pdf_is_shown_as_it_was_uploaded() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        upload = st.file_uploader("PDF", type="pdf")
        if upload:
            upload.read(3)  # a partly read upload is still shown whole
            st.pdf(upload)
        """
    ).run()
    at.file_uploader[0].upload("doc.pdf", PDF, "application/pdf").run()
    [shown] = at.get("pdf")
    stored = at._session.app.media.get(shown.proto.url.removeprefix("/media/"))
    assert stored is not None and stored.data == PDF
