"""Media elements: images, audio and video.

Bytes go to the session's media store and the element carries their URL,
so a large image is fetched over HTTP (with caching) instead of riding in
the WebSocket frame. URLs given by the user pass through untouched.

PIL and numpy are imported only when the user hands over one of their
objects; a numpy image is encoded as PNG with the standard library, so
``st.image(array)`` does not need Pillow.
"""

from __future__ import annotations

import datetime as _dt
import io
import logging
import mimetypes
import re
import struct
import wave
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from rillet.api._command import handle
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException, bad_argument
from rillet.runtime.media import media_url

if TYPE_CHECKING:
    from rillet.api.container import Container

_LOG = logging.getLogger(__name__)
_URL_PREFIXES = ("http://", "https://", "data:")
_IMAGE_FORMATS = "PNG, JPEG, GIF, WEBP or SVG"
_IMAGE_ACCEPTS = "image bytes, a file path, a URL, a PIL image, a numpy array, or a list of those"
MediaTime = int | float | str | _dt.timedelta


# ------------------------------------------------------------------- storing


def store(data: bytes, mimetype: str, filename: str | None = None) -> str:
    """Put ``data`` in the media store for this run; return its URL.

    Example:
        >>> url = store(b"GIF89a...", "image/gif")  # inside a running app
    """
    ctx = context.get()
    file_id = ctx.media.add(data, mimetype, filename)
    ctx.media_ids.add(file_id)
    return media_url(file_id)


def sniff_image(data: bytes) -> str | None:
    """The image mimetype ``data`` starts with, or ``None``.

    Example:
        >>> sniff_image(b"\\x89PNG\\r\\n\\x1a\\n....")
        'image/png'
    """
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    head = data[:1024].lstrip().lower()
    if head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head):
        return "image/svg+xml"
    return None


def _read_path(path: Path, argument: str, command: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise RilletAPIException(
            f"st.{command}: cannot read `{argument}` from the file {str(path)!r}: {exc}"
        ) from None


def _file_bytes(file: Any) -> Any:
    """All of a file object's bytes (an ``UploadedFile`` may have been read already)."""
    getvalue = getattr(file, "getvalue", None)
    return getvalue() if callable(getvalue) else file.read()


# -------------------------------------------------------------------- images


def _png(rows: bytes, width: int, height: int, channels: int) -> bytes:
    """Encode 8-bit pixel rows as PNG (no filtering; zlib does the work)."""
    color_type = {1: 0, 3: 2, 4: 6}[channels]
    stride = width * channels
    raw = b"".join(b"\x00" + rows[y * stride : (y + 1) * stride] for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body) & 0xFFFFFFFF
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def _array_image(array: Any, clamp: bool, channels: str, output_format: str) -> tuple[bytes, str]:
    import numpy as np  # the caller passed a numpy array

    data = np.asarray(array)
    if data.ndim == 3 and data.shape[2] == 1:
        data = data[:, :, 0]
    if data.ndim not in (2, 3) or (data.ndim == 3 and data.shape[2] not in (3, 4)):
        raise RilletAPIException(
            f"st.image: a numpy image must have shape (H, W), (H, W, 1), (H, W, 3) or "
            f"(H, W, 4), got {data.shape}."
        )
    if data.dtype != np.uint8:
        # Floats are intensities from 0.0 to 1.0, other numbers 0 to 255 (as in Streamlit).
        top = 1.0 if np.issubdtype(data.dtype, np.floating) else 255
        if data.size and (data.min() < 0 or data.max() > top) and not clamp:
            raise RilletAPIException(
                f"st.image: the array has values outside [0, {top}]; "
                "pass `clamp=True` to clip them."
            )
        data = np.clip(data, 0, top)
        if top == 1.0:
            data = data * 255
        data = data.astype(np.uint8)
    if channels == "BGR" and data.ndim == 3:
        data = np.concatenate([data[:, :, 2::-1], data[:, :, 3:]], axis=2)
    depth = 1 if data.ndim == 2 else data.shape[2]
    if output_format == "JPEG":
        from PIL import Image  # JPEG needs an encoder the stdlib lacks

        return _pil_bytes(Image.fromarray(np.ascontiguousarray(data)), "JPEG")
    height, width = data.shape[:2]
    return _png(np.ascontiguousarray(data).tobytes(), width, height, depth), "image/png"


def _pil_bytes(img: Any, output_format: str) -> tuple[bytes, str]:
    fmt = output_format
    if fmt == "auto":
        own = (getattr(img, "format", None) or "").upper()
        fmt = own if own in ("JPEG", "GIF") else "PNG"
    buffer = io.BytesIO()
    if fmt == "JPEG" and img.mode not in ("RGB", "L"):
        img = img.convert("RGB")
    if fmt == "GIF":
        img.save(buffer, format="GIF", save_all=bool(getattr(img, "is_animated", False)))
    else:
        img.save(buffer, format=fmt)
    return buffer.getvalue(), f"image/{fmt.lower()}"


def image_url(
    image: Any, clamp: bool = False, channels: str = "RGB", output_format: str = "auto"
) -> str:
    """The URL one image is shown from, storing its bytes when needed.

    Example:
        >>> image_url("https://example.com/cat.png")
        'https://example.com/cat.png'
    """
    module = type(image).__module__
    if isinstance(image, str):
        if image.startswith(_URL_PREFIXES):
            return image
        if image.lstrip().startswith("<svg"):
            return store(image.encode(), "image/svg+xml")
        path = Path(image)
        if not path.is_file():
            raise bad_argument(
                "image",
                image,
                f"a URL (http, https, data:) or an existing file ({_IMAGE_ACCEPTS})",
                command="image",
            )
        image = path
    if isinstance(image, Path):
        data = _read_path(image, "image", "image")
        mimetype = sniff_image(data) or mimetypes.guess_type(image.name)[0]
        if mimetype is None or not mimetype.startswith("image/"):
            raise RilletAPIException(
                f"st.image: the file {str(image)!r} is not an image in {_IMAGE_FORMATS} format."
            )
        return store(data, mimetype)
    if isinstance(image, (bytes, bytearray, memoryview)):
        data = bytes(image)
        mimetype = sniff_image(data)
        if mimetype is None:
            raise RilletAPIException(
                f"st.image: the bytes given are not an image in {_IMAGE_FORMATS} format "
                f"(they start with {data[:8]!r})."
            )
        return store(data, mimetype)
    if hasattr(image, "read") and callable(image.read):
        return image_url(_file_bytes(image), clamp, channels, output_format)
    if module.startswith("PIL"):
        return store(*_pil_bytes(image, output_format))
    if module.startswith("numpy"):
        return store(*_array_image(image, clamp, channels, output_format))
    raise bad_argument("image", image, _IMAGE_ACCEPTS, command="image")


def _is_image_stack(image: Any) -> bool:
    """A numpy array of shape (N, H, W, C): N images, as in Streamlit."""
    return type(image).__module__.startswith("numpy") and getattr(image, "ndim", 0) == 4


def _image_width(width: int | str, use_container_width: bool | None, use_column_width: Any) -> int:
    if use_container_width is not None:
        return -1 if use_container_width else 0
    if use_column_width is not None:  # the pre-1.40 spelling
        return -1 if use_column_width in (True, "always") else 0
    if width == "content":
        return 0
    if width == "stretch":
        return -1
    if isinstance(width, int) and not isinstance(width, bool) and width > 0:
        return width
    raise bad_argument(
        "width", width, "a positive int (pixels), 'content' or 'stretch'", command="image"
    )


def image(
    image: Any,
    caption: str | Sequence[str] | None = None,
    width: int | str = "content",
    clamp: bool = False,
    channels: Literal["RGB", "BGR"] = "RGB",
    output_format: Literal["auto", "PNG", "JPEG"] = "auto",
    *,
    use_container_width: bool | None = None,
    link: str | None = None,
    use_column_width: Any = None,
    alt: str | Sequence[str | None] | None = None,
) -> Container:
    """Display an image, or a row of images.

    Args:
        image: Image bytes (PNG, JPEG, GIF, WEBP, SVG), a file path, a URL
            (``http``, ``https`` or ``data:``), SVG markup, a PIL image, a
            numpy array of shape (H, W), (H, W, 3) or (H, W, 4) with values
            in 0-255 (floats: 0.0-1.0), or a list of any of those (an
            array of shape (N, H, W, C) is a list of N images).
        caption: One caption, or one per image.
        width: Pixels, ``"content"`` (the image's own width) or
            ``"stretch"`` (the container's width).
        clamp: Clip array values to 0-255 (floats: 0.0-1.0) instead of raising.
        channels: ``"BGR"`` for arrays in OpenCV's channel order.
        output_format: How arrays and PIL images are encoded.
        use_container_width: ``True`` stretches to the container's width.
        link: A URL (or a path of this app) that a click on the image opens;
            one image only.
        alt: What the image shows, for screen readers: one text, or one per
            image (``None`` for none, ``""`` for a decorative image).

    Example:
        >>> import rillet as st
        >>> st.image("logo.png", caption="Our logo", width=200)
    """
    if channels not in ("RGB", "BGR"):
        raise bad_argument("channels", channels, "'RGB' or 'BGR'", command="image")
    fmt = output_format.upper() if isinstance(output_format, str) else output_format
    if fmt == "JPG":
        fmt = "JPEG"
    if fmt not in ("AUTO", "PNG", "JPEG"):
        raise bad_argument(
            "output_format", output_format, "'auto', 'PNG' or 'JPEG'", command="image"
        )
    images = list(image) if isinstance(image, (list, tuple)) or _is_image_stack(image) else [image]
    if caption is None:
        captions = [""] * len(images)
    elif isinstance(caption, (list, tuple)):
        captions = [str(c or "") for c in caption]
    else:
        captions = [str(caption)]
    if len(captions) != len(images):
        raise bad_argument(
            "caption", caption, f"one caption per image ({len(images)})", command="image"
        )
    texts = _alt_texts(alt, len(images))
    if link is not None:
        if not isinstance(link, str) or not link.strip():
            raise bad_argument("link", link, "a URL or path string, or None", command="image")
        if len(images) != 1:
            raise bad_argument(
                "link", link, f"a single image (got {len(images)} images)", command="image"
            )
    element = pb.Element()
    element.imgs.width = _image_width(width, use_container_width, use_column_width)
    element.imgs.link = (link or "").strip()
    output = "auto" if fmt == "AUTO" else fmt
    for one, text, described in zip(images, captions, texts, strict=True):
        shown = element.imgs.imgs.add(url=image_url(one, clamp, channels, output), caption=text)
        if described is not None:
            shown.alt, shown.has_alt = described, True
    return handle(context.get().emit(element))


def _alt_texts(alt: object, count: int) -> list[str | None]:
    """One accessible text (or None) per image; blank text counts as none."""

    def clean(text: object) -> str | None:
        if text is None:
            return None
        if not isinstance(text, str):
            raise bad_argument("alt", alt, "a string, a list of strings or None", command="image")
        if text and not text.strip():
            _LOG.info("st.image: a blank `alt` is treated as no description")
            return None
        return text

    if alt is None or isinstance(alt, str):
        if isinstance(alt, str) and count > 1:
            raise bad_argument(
                "alt", alt, f"a list of {count} texts, one per image", command="image"
            )
        return [clean(alt)] * count
    if not isinstance(alt, Sequence) or len(alt) != count:
        raise bad_argument("alt", alt, f"a list of {count} texts, one per image", command="image")
    return [clean(text) for text in alt]


# -------------------------------------------------------------- audio, video

_NUMBER = r"(\d+(?:\.\d+)?)\s*"
_TIME = re.compile(
    rf"^\s*(?:{_NUMBER}h(?:ours?|rs?)?)?\s*(?:{_NUMBER}m(?:in(?:ute)?s?)?)?"
    rf"\s*(?:{_NUMBER}s(?:ec(?:ond)?s?)?)?\s*$"
)


def _seconds(value: MediaTime | None, argument: str, command: str) -> int:
    accepted = "seconds as an int or float, a timedelta, or a string like '1m30s'"
    if value is None:
        return 0
    if isinstance(value, bool):
        raise bad_argument(argument, value, accepted, command=command)
    if isinstance(value, (int, float)):
        seconds = float(value)
    elif isinstance(value, _dt.timedelta):
        seconds = value.total_seconds()
    elif isinstance(value, str) and value.strip():
        match = _TIME.match(value)
        if match is None or not any(match.groups()):
            if value.strip().replace(".", "", 1).isdigit():
                seconds = float(value)
            else:
                raise bad_argument(argument, value, accepted, command=command)
        else:
            h, m, s = (float(g) if g else 0.0 for g in match.groups())
            seconds = h * 3600 + m * 60 + s
    else:
        raise bad_argument(argument, value, accepted, command=command)
    if seconds < 0:
        raise bad_argument(argument, value, "zero or more seconds", command=command)
    return int(seconds)


def wav_bytes(samples: Any, sample_rate: int) -> bytes:
    """Encode a numpy array as 16-bit PCM WAV, scaled to full range.

    A 1-D array is mono; a 2-D array is ``(channels, samples)``.

    Example:
        >>> import numpy as np
        >>> wav_bytes(np.sin(np.linspace(0, 440, 8000)), 8000)[:4]
        b'RIFF'
    """
    import numpy as np  # the caller passed a numpy array

    data = np.asarray(samples, dtype=np.float64)
    if data.ndim == 1:
        channels = 1
    elif data.ndim == 2:
        channels = data.shape[0]
        data = data.T.ravel()
    else:
        raise RilletAPIException(
            f"st.audio: a numpy array must be 1-D (mono) or 2-D (channels, samples), "
            f"got shape {np.shape(samples)}."
        )
    peak = float(np.max(np.abs(data))) if data.size else 0.0
    scaled = (data / peak * 32767) if peak > 0 else data
    pcm = scaled.astype("<i2").tobytes()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(2)
        out.setframerate(sample_rate)
        out.writeframes(pcm)
    return buffer.getvalue()


def _media(
    command: str,
    kind: pb.Media.Kind.ValueType,
    data: Any,
    format: str,
    start_time: MediaTime,
    end_time: MediaTime | None,
    loop: bool,
    autoplay: bool,
    muted: bool,
    sample_rate: int | None,
    alt: str | None = None,
    subtitles: Any = None,
) -> Container:
    if not isinstance(format, str):  # any text, as Streamlit ("mp3" too)
        raise bad_argument("format", format, "a mimetype such as 'audio/wav'", command=command)
    element = pb.Element()
    media = element.media
    media.kind = kind
    media.start_time = _seconds(start_time, "start_time", command)
    media.end_time = _seconds(end_time, "end_time", command)
    if end_time is not None and media.end_time <= media.start_time:
        raise bad_argument("end_time", end_time, "a time after `start_time`", command=command)
    media.loop, media.autoplay, media.muted = bool(loop), bool(autoplay), bool(muted)
    default_format = format in ("audio/wav", "video/mp4")
    mime = format
    module = type(data).__module__
    if sample_rate is not None and not module.startswith("numpy"):
        _LOG.warning("st.%s: `sample_rate` applies to numpy arrays only; ignored.", command)
    if data is None:
        url = ""
    elif isinstance(data, str) and data.startswith(_URL_PREFIXES):
        url = data
    elif isinstance(data, (str, Path)):
        path = Path(data)
        if not path.is_file():
            raise bad_argument(
                "data",
                data,
                "a URL (http, https, data:), an existing file, bytes or a file object",
                command=command,
            )
        guessed = mimetypes.guess_type(path.name)[0]
        if default_format and guessed:
            mime = guessed
        url = store(_read_path(path, "data", command), mime)
    elif isinstance(data, (bytes, bytearray, memoryview)):
        url = store(bytes(data), mime)
    elif hasattr(data, "read") and callable(data.read):
        raw = _file_bytes(data)
        if not isinstance(raw, bytes):
            raise bad_argument("data", data, "a file object opened in binary mode", command=command)
        url = store(raw, mime)
    elif module.startswith("numpy") and command == "audio":
        if isinstance(sample_rate, bool) or not isinstance(sample_rate, int) or sample_rate <= 0:
            raise bad_argument(
                "sample_rate", sample_rate, "a positive int (Hz) for numpy audio", command=command
            )
        mime = "audio/wav"
        url = store(wav_bytes(data, sample_rate), mime)
    else:
        accepted = "bytes, a file path, a URL or a file object"
        if command == "audio":
            accepted += ", or a numpy array with sample_rate"
        raise bad_argument("data", data, accepted, command=command)
    media.url = url
    media.mime = mime
    if alt is not None and not isinstance(alt, str):
        raise bad_argument("alt", alt, "a string or None", command=command)
    media.alt = (alt or "").strip()
    for label, track_url in _subtitle_tracks(subtitles):
        media.subtitles.add(label=label, url=track_url)
    return handle(context.get().emit(element))


_SUBTITLES_ACCEPT = (
    "WebVTT or SRT subtitles: a file path, the text itself, bytes, a BytesIO, "
    "or a dict of labels to any of those"
)
_SRT_TIME = re.compile(r"(\d{2}:\d{2}:\d{2}),(\d{3})")


def _subtitle_tracks(subtitles: Any) -> list[tuple[str, str]]:
    """Each subtitle track as (label, media URL of its WebVTT); "" = a track of nothing."""
    if subtitles is None:
        return []
    named = subtitles.items() if isinstance(subtitles, dict) else [("default", subtitles)]
    tracks = []
    for label, source in named:
        if source == "" or source is None:
            tracks.append((str(label), ""))
            continue
        tracks.append((str(label), store(_webvtt(source).encode("utf-8"), "text/vtt")))
    return tracks


def _webvtt(source: Any) -> str:
    """Subtitles as WebVTT text, the one format browsers read; SRT is converted."""
    if isinstance(source, Path) or (
        isinstance(source, str) and "\n" not in source and source.endswith((".vtt", ".srt"))
    ):
        path = Path(source)
        if not path.is_file():
            raise bad_argument("subtitles", source, _SUBTITLES_ACCEPT, command="video")
        text = path.read_text(encoding="utf-8-sig")
    elif isinstance(source, (bytes, bytearray)):
        text = bytes(source).decode("utf-8-sig")
    elif hasattr(source, "getvalue"):
        raw = source.getvalue()
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else str(raw)
    elif isinstance(source, str):
        text = source
    else:
        raise bad_argument("subtitles", source, _SUBTITLES_ACCEPT, command="video")
    text = text.replace("\r\n", "\n").strip()
    if text.startswith("WEBVTT"):
        return text + "\n"
    if "-->" not in text:
        raise bad_argument("subtitles", source, _SUBTITLES_ACCEPT, command="video")
    # SRT: the same cues with a comma before the milliseconds and no header.
    return "WEBVTT\n\n" + _SRT_TIME.sub(r"\1.\2", text) + "\n"


def audio(
    data: Any,
    format: str = "audio/wav",
    start_time: MediaTime = 0,
    *,
    sample_rate: int | None = None,
    end_time: MediaTime | None = None,
    loop: bool = False,
    autoplay: bool = False,
    alt: str | None = None,
    width: str | int = "stretch",
) -> Container:
    """Display an audio player.

    Args:
        data: Bytes, a file path, a URL, a binary file object, or a numpy
            array of samples (1-D mono or 2-D ``(channels, samples)``) with
            ``sample_rate``, which is encoded as WAV.
        format: The mimetype of the bytes (guessed from a file's extension
            when left at the default).
        start_time: Where playback starts: seconds, a timedelta or "1m30s".
        end_time: Where playback stops, in the same forms.
        alt: What the recording is, for screen readers.

    Example:
        >>> import numpy as np
        >>> import rillet as st
        >>> tone = np.sin(2 * np.pi * 440 * np.arange(44100) / 44100)
        >>> st.audio(tone, sample_rate=44100)
    """
    return _media(
        "audio",
        pb.Media.AUDIO,
        data,
        format,
        start_time,
        end_time,
        loop,
        autoplay,
        False,
        sample_rate,
        alt,
    )


def video(
    data: Any,
    format: str = "video/mp4",
    start_time: MediaTime = 0,
    *,
    subtitles: Any = None,
    end_time: MediaTime | None = None,
    loop: bool = False,
    autoplay: bool = False,
    muted: bool = False,
    alt: str | None = None,
    width: str | int = "stretch",
) -> Container:
    """Display a video player.

    Browsers only autoplay muted videos, so pair ``autoplay=True`` with
    ``muted=True``. ``subtitles`` are WebVTT or SRT (a path, the text,
    bytes, or a dict of track labels to those); the first track shows by
    default, so start with ``{"None": "", ...}`` to show none.

    Example:
        >>> import rillet as st
        >>> st.video("https://example.com/clip.mp4", start_time="1m", muted=True)
    """
    return _media(
        "video",
        pb.Media.VIDEO,
        data,
        format,
        start_time,
        end_time,
        loop,
        autoplay,
        muted,
        None,
        alt,
        subtitles,
    )
