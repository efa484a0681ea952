"""Media elements load their bytes from the server's media endpoint."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# The PNG and WAV are built by the script itself with the standard library.
MEDIA_APP = """
import io, struct, wave, zlib
import rillet as st

def png(width, height):
    rows = b"".join(b"\\x00" + b"\\xff\\x80\\x00" * width for _ in range(height))
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))

def wav(seconds):
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
        w.writeframes(b"\\x00\\x10" * int(8000 * seconds))
    return out.getvalue()

st.image(png(12, 7), caption="an orange block")
st.audio(wav(0.5), format="audio/wav")
st.write("media ready")
"""


def test_image_bytes_load_as_a_decoded_image(open_app):
    page, _ = open_app(MEDIA_APP, "media ready")
    image = page.locator("main img").first
    expect(image).to_be_visible()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert image.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [12, 7]
    expect(page.get_by_text("an orange block")).to_be_visible()


def test_audio_source_answers_whole_and_ranged_requests(open_app):
    page, _ = open_app(MEDIA_APP, "media ready")
    src = page.locator("main audio").first.evaluate("audio => audio.currentSrc || audio.src")
    assert src.startswith("http://")
    whole = page.request.get(src)
    assert whole.status == 200
    assert whole.headers["content-type"].startswith("audio/")
    body = whole.body()
    assert body[:4] == b"RIFF" and len(body) == 44 + 2 * 4000
    part = page.request.get(src, headers={"Range": "bytes=0-99"})
    assert part.status == 206
    assert part.body() == body[:100]
    # The browser's own media pipeline accepts it too.
    page.wait_for_function(
        "() => document.querySelector('main audio').readyState >= 1", timeout=10_000
    )
    assert page.locator("main audio").first.evaluate("a => a.duration") == pytest.approx(0.5)
