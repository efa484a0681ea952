"""A test probe into the desktop window, for WebKitGTK, which has no DevTools protocol.

Off unless the environment turns it on: with ``RILLET_TEST_PROBE_KEY`` and
``RILLET_TEST_PROBE_FILE`` set, the launcher serves ``POST /`` on 127.0.0.1
(a JSON string of JavaScript, answered with pywebview's ``evaluate_js`` on the
window) to requests carrying the key in ``X-Probe-Key``, and writes its port
to the file. The window tests and ``bench/desktop.py`` use it to look inside
the page of ``rillet desktop --webview gtk`` and of packed apps.

It does not touch the app server or its per-launch token: the probe talks
to the window (what a user at the keyboard could do), on loopback, to a
caller that knows a key only the environment carries.
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

KEY_ENV = "RILLET_TEST_PROBE_KEY"
FILE_ENV = "RILLET_TEST_PROBE_FILE"
THREAD_NAME = "rillet-test-probe"


def start_probe(window: Any, environ: dict[str, str] | None = None) -> ThreadingHTTPServer | None:
    """Serve the probe for ``window`` when the environment asks for it; else do nothing.

    Returns:
        The running server, or ``None`` when the probe is off.

    Example:
        >>> start_probe(object(), {}) is None
        True
    """
    env = os.environ if environ is None else environ
    key, port_file = env.get(KEY_ENV, ""), env.get(FILE_ENV, "")
    if len(key) < 16 or not port_file:
        return None

    class Probe(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            given = self.headers.get("X-Probe-Key") or ""
            if not hmac.compare_digest(given.encode(), key.encode()):
                self.send_response(403)
                self.end_headers()
                return
            length = int(self.headers.get("Content-Length") or 0)
            script = json.loads(self.rfile.read(length))
            try:
                answer = {"value": window.evaluate_js(script)}
            except Exception as error:  # the page navigated, or the script threw
                answer = {"error": f"{type(error).__name__}: {error}"}
            data = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Probe)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name=THREAD_NAME, daemon=True).start()
    Path(port_file).write_text(str(server.server_address[1]), encoding="utf-8")
    log.warning("test probe on 127.0.0.1:%d (%s is set)", server.server_address[1], KEY_ENV)
    return server


def evaluate(port: int, key: str, script: str, timeout: float = 30.0) -> Any:
    """The caller's side: run ``script`` in the probed window; return its JSON value.

    Raises:
        RuntimeError: the script threw, or the page was navigating.
        OSError: no probe answers on ``port``.

    Example:
        >>> evaluate(41625, "the-key-from-the-environment", "document.title")  # doctest: +SKIP
        'counter'
    """
    import urllib.request

    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/",
        data=json.dumps(script).encode(),
        headers={"X-Probe-Key": key},
    )
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        result = json.load(answer)
    if "error" in result:
        raise RuntimeError(f"{script}: {result['error']}")
    return result["value"]
