from __future__ import annotations

import io
import wave
from pathlib import Path

import pytest

from rillet.api.media import sniff_image
from rillet.runtime.media import MEDIA_PREFIX
from rillet.testing import AppTest
from tests.api.apps import app, error

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16
GIF = b"GIF89a" + b"\x00" * 16
WEBP = b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 8
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>'


def stored(at: AppTest, url: str) -> tuple[bytes, str]:
    assert url.startswith(MEDIA_PREFIX)
    file = at._app.media.get(url.removeprefix(MEDIA_PREFIX))
    assert file is not None, f"{url} is not in the media store"
    return file.data, file.mimetype


def run(script: str, **values: object) -> AppTest:
    at = AppTest.from_string(script)
    for key, value in values.items():
        at.session_state[key] = value
    return at.run()


@pytest.mark.parametrize(
    ("data", "mimetype"),
    [
        (PNG, "image/png"),
        (JPEG, "image/jpeg"),
        (GIF, "image/gif"),
        (WEBP, "image/webp"),
        (SVG, "image/svg+xml"),
    ],
)
def test_image_bytes_go_to_the_media_store_with_the_sniffed_type(
    data: bytes, mimetype: str
) -> None:
    at = run("import rillet as st\nst.image(st.session_state.data, caption='pic')", data=data)
    images = at.image[0]
    assert images.captions == ["pic"]
    assert stored(at, images.value[0]) == (data, mimetype)


def test_image_urls_pass_through_without_touching_the_store() -> None:
    at = run(
        """
        import rillet as st
        st.image("https://example.com/a.png")
        st.image("data:image/png;base64,AAAA")
        """
    )
    assert [i.value[0] for i in at.image] == [
        "https://example.com/a.png",
        "data:image/png;base64,AAAA",
    ]


def test_image_from_a_path_reads_the_file(tmp_path: Path) -> None:
    picture = tmp_path / "pic.gif"
    picture.write_bytes(GIF)
    at = run(
        "import rillet as st\nst.image(st.session_state.p)\nst.image(str(st.session_state.p))",
        p=picture,
    )
    assert stored(at, at.image[0].value[0]) == (GIF, "image/gif")
    assert at.image[1].value == at.image[0].value


def test_image_ids_are_kept_for_the_session() -> None:
    at = run("import rillet as st\nst.image(st.session_state.data)", data=PNG)
    url = at.image[0].value[0]
    assert url.removeprefix(MEDIA_PREFIX) in at._session.last_run.media_ids


def test_a_list_of_images_gets_one_caption_each() -> None:
    at = run(
        "import rillet as st\nst.image([st.session_state.a, st.session_state.b], caption=['A', 'B'])",
        a=PNG,
        b=JPEG,
    )
    images = at.image[0]
    assert images.captions == ["A", "B"]
    assert [stored(at, u)[1] for u in images.value] == ["image/png", "image/jpeg"]


def test_a_numpy_array_is_encoded_as_png_without_pillow() -> None:
    np = pytest.importorskip("numpy")
    at = run(
        """
        import numpy as np
        import rillet as st
        rgb = np.zeros((2, 3, 3), dtype=np.uint8)
        rgb[..., 0] = 255
        st.image(rgb, channels="BGR")
        st.image(np.full((4, 4), 300.0), clamp=True)
        """
    )
    data, mimetype = stored(at, at.image[0].value[0])
    assert mimetype == "image/png"
    pil = pytest.importorskip("PIL.Image")
    decoded = np.asarray(pil.open(io.BytesIO(data)))
    assert decoded.shape == (2, 3, 3)
    assert decoded[0, 0].tolist() == [0, 0, 255]  # BGR red becomes RGB blue
    gray = np.asarray(pil.open(io.BytesIO(stored(at, at.image[1].value[0])[0])))
    assert gray.max() == 255


def test_a_pil_image_is_encoded_in_the_asked_format() -> None:
    pytest.importorskip("PIL")
    at = run(
        """
        from PIL import Image
        import rillet as st
        img = Image.new("RGB", (2, 2), "red")
        st.image(img)
        st.image(img, output_format="JPEG")
        """
    )
    assert stored(at, at.image[0].value[0])[1] == "image/png"
    assert stored(at, at.image[1].value[0])[1] == "image/jpeg"


@pytest.mark.parametrize(
    ("width", "use_container_width", "expected"),
    [("content", None, 0), ("stretch", None, -1), (120, None, 120), (120, True, -1)],
)
def test_image_width(width: object, use_container_width: object, expected: int) -> None:
    at = run(
        "import rillet as st\nst.image(st.session_state.d, width=st.session_state.w, "
        "use_container_width=st.session_state.u)",
        d=PNG,
        w=width,
        u=use_container_width,
    )
    assert at.image[0].width == expected


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.image(b'not an image')", "not an image"),
        ("st.image('/no/such/file.png')", "`image` must be"),
        ("st.image(42)", "`image` must be"),
        ("st.image([b'\\x89PNG\\r\\n\\x1a\\n'], caption=['a', 'b'])", "`caption` must be"),
        ("st.image(b'\\x89PNG\\r\\n\\x1a\\n', width=0)", "`width` must be"),
        ("st.image(b'\\x89PNG\\r\\n\\x1a\\n', channels='RGBA')", "`channels` must be"),
        ("st.image(b'\\x89PNG\\r\\n\\x1a\\n', output_format='TIFF')", "`output_format` must be"),
        ("import numpy as np; st.image(np.zeros((2, 2, 5)))", "shape"),
        ("import numpy as np; st.image(np.full((2, 2), 300))", "clamp=True"),
    ],
)
def test_bad_image_input_is_explained(call: str, message: str) -> None:
    at = run(f"import rillet as st\n{call}")
    assert message in at.exception[0].message


def test_sniff_image_knows_the_common_formats() -> None:
    assert sniff_image(b"<?xml version='1.0'?><svg/>") == "image/svg+xml"
    assert sniff_image(b"hello") is None


def test_audio_bytes_are_stored_with_the_given_format() -> None:
    at = run(
        "import rillet as st\nst.audio(b'ID3data', format='audio/mpeg', start_time='1m30s', loop=True)"
    )
    media = at.get("audio")[0].proto
    assert stored(at, media.url) == (b"ID3data", "audio/mpeg")
    assert (media.mime, media.start_time, media.loop) == ("audio/mpeg", 90, True)


def test_numpy_audio_becomes_a_wav_file() -> None:
    pytest.importorskip("numpy")
    at = run(
        """
        import numpy as np
        import rillet as st
        st.audio(np.sin(np.linspace(0, 100, 800)), sample_rate=8000)
        st.audio(np.zeros((2, 400)), sample_rate=8000)
        """
    )
    mono, stereo = (m.proto for m in at.get("audio"))
    data, mimetype = stored(at, mono.url)
    assert mimetype == "audio/wav"
    with wave.open(io.BytesIO(data)) as wav:
        assert (wav.getnchannels(), wav.getframerate(), wav.getnframes()) == (1, 8000, 800)
    with wave.open(io.BytesIO(stored(at, stereo.url)[0])) as wav:
        assert (wav.getnchannels(), wav.getnframes()) == (2, 400)


def test_video_from_a_path_guesses_its_type_and_keeps_player_flags(tmp_path: Path) -> None:
    clip = tmp_path / "clip.webm"
    clip.write_bytes(b"\x1aE\xdf\xa3webm")
    at = run(
        "import rillet as st\nst.video(st.session_state.p, autoplay=True, muted=True, end_time=5)",
        p=clip,
    )
    media = at.get("video")[0].proto
    assert stored(at, media.url) == (b"\x1aE\xdf\xa3webm", "video/webm")
    assert (media.autoplay, media.muted, media.end_time) == (True, True, 5)


def test_video_url_passes_through() -> None:
    at = run("import rillet as st\nst.video('https://example.com/v.mp4', start_time=3)")
    media = at.get("video")[0].proto
    assert (media.url, media.start_time, media.mime) == (
        "https://example.com/v.mp4",
        3,
        "video/mp4",
    )


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("import numpy as np; st.audio(np.zeros(10))", "`sample_rate` must be"),
        ("st.audio(b'x', format=5)", "`format` must be"),
        ("st.audio(b'x', start_time='soon')", "`start_time` must be"),
        ("st.audio(b'x', start_time=-1)", "`start_time` must be"),
        ("st.audio(b'x', start_time=5, end_time=2)", "`end_time` must be"),
        ("st.video(12)", "`data` must be"),
        ("st.video('/no/such/clip.mp4')", "`data` must be"),
    ],
)
def test_bad_media_input_is_explained(call: str, message: str) -> None:
    at = run(f"import rillet as st\n{call}")
    assert message in at.exception[0].message


# -- Streamlit 1.67's media options ------------------------------------------------

PIXEL = repr(PNG)


def test_an_image_carries_its_link_and_alt_texts() -> None:
    at = app(
        f"st.image({PIXEL}, link='https://example.com', alt='A red dot')\n"
        f"st.image([{PIXEL}, {PIXEL}, {PIXEL}], alt=['First', None, ''])\n"
    )
    single, row = (e.proto for e in at.image)
    assert (single.link, single.imgs[0].alt, single.imgs[0].has_alt) == (
        "https://example.com",
        "A red dot",
        True,
    )
    assert [(i.alt, i.has_alt) for i in row.imgs] == [("First", True), ("", False), ("", True)]


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (f"st.image([{PIXEL}, {PIXEL}], link='https://x.org')", ["link", "single image"]),
        (f"st.image([{PIXEL}, {PIXEL}], alt='one')", ["alt", "2 texts"]),
        (f"st.image({PIXEL}, alt=5)", ["alt", "5"]),
        ("st.camera_input('C', resolution='4k')", ["resolution", "'4k'", "'720p'"]),
        ("st.video(b'x', subtitles='no cues here')", ["subtitles", "WebVTT or SRT"]),
    ],
)
def test_bad_media_options_name_the_argument(body: str, words: list[str]) -> None:
    message = error(body)
    for word in words:
        assert word in message


SRT = "1\\n00:00:01,000 --> 00:00:02,500\\nHello\\n"


def test_srt_subtitles_become_webvtt_tracks(tmp_path: Path) -> None:
    vtt = tmp_path / "fr.vtt"
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n", encoding="utf-8")
    at = app(
        f"st.video(b'v', subtitles={{'None': '', 'English': '{SRT}', 'French': {str(vtt)!r}}})"
    )
    media = at.get("video")[0].proto
    assert [t.label for t in media.subtitles] == ["None", "English", "French"]
    assert media.subtitles[0].url == ""
    english, kind = stored(at, media.subtitles[1].url)
    assert kind == "text/vtt"
    assert english.decode().startswith("WEBVTT")
    assert "00:00:01.000 --> 00:00:02.500" in english.decode()
    assert "Bonjour" in stored(at, media.subtitles[2].url)[0].decode()


def test_audio_and_video_carry_their_alt_and_the_camera_its_height() -> None:
    at = app(
        "st.audio(b'a', alt='Birdsong')\nst.video(b'v', alt='Demo')\n"
        "st.camera_input('Photo', resolution='720p')\nst.camera_input('Any')\n"
    )
    assert [m.proto.alt for m in (*at.get("audio"), *at.get("video"))] == ["Birdsong", "Demo"]
    assert [c.proto.height for c in at.camera_input] == [720, 0]
