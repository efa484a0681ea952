"""Error responses that talk to the user: plain text naming what was wrong."""

from __future__ import annotations

from typing import Any

import tornado.web


class PlainTextHandler(tornado.web.RequestHandler):
    """A handler whose errors are one line of plain text instead of Tornado's HTML page.

    Raise ``tornado.web.HTTPError(status, message)``; ``message`` is the body
    (it is written verbatim, never %-formatted with user data).
    """

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        message = self._reason
        exc_info = kwargs.get("exc_info")
        if exc_info is not None and isinstance(exc_info[1], tornado.web.HTTPError):
            message = exc_info[1].log_message or message
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(f"{status_code} {message}\n")
