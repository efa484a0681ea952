"""``/media/<id>``: image, audio and video bytes the script produced, with Range support.

Audio and video elements fetch in ranges (seeking, and Safari will not play
a video whose server ignores Range), so a single ``bytes=`` range is honoured.
Ids are content hashes: the same id always means the same bytes, so responses
are cacheable for a year and the id doubles as the ETag.

The storage may be a network round trip away (Redis, shared by replicas), so
it is read on a worker thread, never on the IOLoop.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import TYPE_CHECKING

import tornado.ioloop
import tornado.web

from rillet_server.errors import PlainTextHandler
from rillet_server.storage_calls import storage_call

if TYPE_CHECKING:
    from rillet.runtime.media import MediaStorage

_YEAR = 365 * 24 * 3600
_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$")


class UnsatisfiableRange(ValueError):
    """The Range header names no byte of the file."""


def parse_range(header: str, size: int) -> tuple[int, int] | None:
    """The inclusive ``(first, last)`` byte positions one ``Range`` header asks for.

    ``None`` means "send the whole file": no header, a form we do not serve
    (several ranges, another unit) — RFC 9110 lets a server ignore Range.
    Raises :class:`UnsatisfiableRange` when the range lies outside the file.

    Example:
        >>> parse_range("bytes=0-99", 1000), parse_range("bytes=-100", 1000)
        ((0, 99), (900, 999))
    """
    match = _RANGE.match(header) if header else None
    if match is None:
        return None
    first_text, last_text = match.groups()
    if not first_text and not last_text:
        return None
    if not first_text:  # suffix range: the last N bytes
        length = int(last_text)
        if length == 0 or size == 0:
            raise UnsatisfiableRange(header)
        return max(0, size - length), size - 1
    first = int(first_text)
    if last_text and int(last_text) < first:
        return None  # syntactically invalid: ignored, per RFC 9110
    if first >= size:
        raise UnsatisfiableRange(header)
    last = int(last_text) if last_text else size - 1
    return first, min(last, size - 1)


class MediaHandler(PlainTextHandler):
    def initialize(self, media: MediaStorage) -> None:
        self.media = media

    async def get(self, file_id: str) -> None:
        info = await storage_call(self.media.info, file_id)
        if info is None:
            raise tornado.web.HTTPError(404, reason="unknown media file")
        etag = f'"{file_id}"'
        self.set_header("ETag", etag)
        self.set_header("Cache-Control", f"public, max-age={_YEAR}, immutable")
        self.set_header("Accept-Ranges", "bytes")
        self.set_header("Content-Type", info.mimetype or "application/octet-stream")
        # Security: the browser must not reinterpret the bytes (say, as HTML on our origin).
        self.set_header("X-Content-Type-Options", "nosniff")
        if info.filename:
            quoted = urllib.parse.quote(info.filename, safe="")
            self.set_header("Content-Disposition", f"attachment; filename*=UTF-8''{quoted}")
        if etag in self.request.headers.get("If-None-Match", ""):
            self.set_status(304)
            self.finish()
            return
        try:
            wanted = parse_range(self.request.headers.get("Range", ""), info.size)
        except UnsatisfiableRange:
            self.set_status(416)
            self.set_header("Content-Range", f"bytes */{info.size}")
            self.finish()
            return
        first, last = (0, info.size - 1) if wanted is None else wanted
        if self.request.method == "HEAD":
            data: bytes | None = b""
            self.set_header("Content-Length", str(last - first + 1))
        else:
            data = await storage_call(self.media.read, file_id, first, last)
            if data is None:  # released between the two reads
                raise tornado.web.HTTPError(404, reason="unknown media file")
        if wanted is not None:
            self.set_status(206)
            self.set_header("Content-Range", f"bytes {first}-{last}/{info.size}")
        self.finish(data)

    async def head(self, file_id: str) -> None:
        await self.get(file_id)

    def compute_etag(self) -> str | None:
        return None  # set from the id above; hashing the body would be wasted work
