"""``/_rillet/upload/<session>/<file_id>``: the client PUTs a file's raw bytes, DELETEs it.

The body is streamed, so an upload over ``server.maxUploadSize`` is refused
as soon as its ``Content-Length`` is seen (or, for a chunked body, as soon
as it grows past the limit) instead of after it has been read into memory.

The session registry and the upload storage may be a network round trip
away (Redis, shared by replicas), so they are asked on a worker thread,
never on the IOLoop.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import tornado.ioloop
import tornado.web

from rillet_server.errors import PlainTextHandler
from rillet_server.options import MB
from rillet_server.storage_calls import storage_call

if TYPE_CHECKING:
    from rillet.runtime.runtime import Runtime

FILENAME_HEADER = "X-Rillet-Filename"
_FILE_ID = re.compile(r"^[A-Za-z0-9_-]{1,128}$")
T = TypeVar("T")


async def _off_loop(call: Callable[..., T], *args: Any) -> T:
    return await storage_call(call, *args)


@tornado.web.stream_request_body
class UploadHandler(PlainTextHandler):
    def initialize(self, runtime: Runtime, max_upload_mb: int) -> None:
        self.runtime = runtime
        self.max_upload_mb = max_upload_mb
        self.limit = max_upload_mb * MB
        self.chunks: list[bytes] = []

    async def prepare(self) -> None:
        session_id = self.path_kwargs["session_id"]
        file_id = self.path_kwargs["file_id"]
        if not await _off_loop(self.runtime.has_session, session_id):
            raise tornado.web.HTTPError(
                400, f"unknown session {session_id!r}: reload the page to start a new one"
            )
        if not _FILE_ID.match(file_id):
            raise tornado.web.HTTPError(
                400, f"bad file id {file_id!r}: expected 1-128 letters, digits, '-' or '_'"
            )
        if self.request.method != "PUT":
            return
        declared = self.request.headers.get("Content-Length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            raise tornado.web.HTTPError(
                413,
                f"upload of {declared} bytes is over the limit of {self.max_upload_mb} MB "
                "(server.maxUploadSize)",
            )
        # A chunked body declares no length: the connection cuts it off at the limit.
        self.request.connection.set_max_body_size(self.limit)  # type: ignore[union-attr]

    def data_received(self, chunk: bytes) -> None:
        self.chunks.append(chunk)

    async def put(self, session_id: str, file_id: str) -> None:
        raw_name = self.request.headers.get(FILENAME_HEADER)
        if raw_name is None:
            raise tornado.web.HTTPError(
                400, f"missing {FILENAME_HEADER} header: send the URI-encoded file name"
            )
        name = urllib.parse.unquote(raw_name)
        mimetype = self.request.headers.get("Content-Type", "") or "application/octet-stream"
        data = b"".join(self.chunks)
        self.chunks.clear()
        await _off_loop(self.runtime.uploads.add, session_id, file_id, name, mimetype, data)
        self.set_status(204)

    async def delete(self, session_id: str, file_id: str) -> None:
        if not await _off_loop(self.runtime.uploads.remove, session_id, file_id):
            raise tornado.web.HTTPError(404, f"no upload {file_id!r} in session {session_id!r}")
        self.set_status(204)
