"""Sign-in from the desktop window, as native apps do it (RFC 8252).

The window's own page never goes to the provider: the system browser does,
where the user's accounts and password managers are. The redirect comes
back to a one-shot HTTP listener on ``127.0.0.1`` and an ephemeral port
(RFC 8252 §7.3: providers accept any port for a loopback redirect), which
finishes the code flow with PKCE and answers the browser tab with a page
saying it can be closed. The claims go to the window's session only, in
memory: never to a cookie or a file.
"""

from __future__ import annotations

import html
import logging
import threading
import time
import weakref
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from rillet.auth.config import CALLBACK_PATH, AuthConfig
from rillet.auth.oidc import (
    FlowError,
    LoginStart,
    check_id_token,
    exposed_tokens,
    fetch_json,
    start_login,
    token_request,
)

__all__ = ["loopback_login", "start_desktop_login"]

log = logging.getLogger(__name__)
LOGIN_TIMEOUT = 300.0
# The sign-in each desktop session is waiting for (its worker thread).
_in_flight: weakref.WeakKeyDictionary[Any, threading.Thread] = weakref.WeakKeyDictionary()
_in_flight_lock = threading.Lock()
# The tokens a signed-in desktop session exposes, in memory only.
_tokens: weakref.WeakKeyDictionary[Any, dict[str, str]] = weakref.WeakKeyDictionary()


class _Listener(HTTPServer):
    finish: Callable[[dict[str, list[str]]], dict[str, Any]]
    outcome: dict[str, Any] | FlowError | None = None


class _CallbackHandler(BaseHTTPRequestHandler):
    server: _Listener

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path != f"/{CALLBACK_PATH}":
            self.send_error(404, "Not the sign-in callback")
            return
        try:
            claims = self.server.finish(parse_qs(parts.query))
        except FlowError as exc:
            self.server.outcome = exc
            self._page("Sign-in failed", f"{exc} Go back to the app and try again.", 400)
            return
        self.server.outcome = claims
        claims = claims["claims"]
        who = claims.get("name") or claims.get("email") or claims.get("sub", "")
        self._page(
            "Signed in", f"Signed in as {who}. You can close this tab and go back to the app."
        )

    def _page(self, title: str, text: str, status: int = 200) -> None:
        body = (
            f"<!doctype html><meta charset=utf-8><title>{html.escape(title)}</title>"
            '<body style="font-family:sans-serif;max-width:40em;margin:3em auto">'
            f"<h1>{html.escape(title)}</h1><p>{html.escape(text)}</p>"
        ).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("loopback sign-in: " + format, *args)


def _finisher(
    config: AuthConfig, metadata: Mapping[str, Any], begun: LoginStart, redirect_uri: str
) -> Callable[[dict[str, list[str]]], dict[str, Any]]:
    def finish(query: dict[str, list[str]]) -> dict[str, Any]:
        if "error" in query:
            detail = " ".join(query.get("error_description", []))
            raise FlowError(
                f"The identity provider did not sign you in: {query['error'][0]} {detail}"
            )
        if query.get("state", [""])[0] != begun.state:
            raise FlowError("The provider's answer does not match this sign-in (bad state).")
        code = query.get("code", [""])[0]
        if not code:
            raise FlowError("The provider's answer has no authorization code.")
        url, body, headers = token_request(config, metadata, code, begun.verifier, redirect_uri)
        tokens = fetch_json(url, "the authorization code", body=body, headers=headers)
        jwks = fetch_json(str(metadata["jwks_uri"]), "its signing keys (jwks_uri)")
        claims = check_id_token(config, metadata, jwks, tokens, begun.nonce)
        return {"claims": claims, "tokens": tokens}

    return finish


def loopback_login(
    config: AuthConfig,
    metadata: Mapping[str, Any],
    open_browser: Callable[[str], object],
    *,
    timeout: float = LOGIN_TIMEOUT,
) -> dict[str, Any]:
    """Run one sign-in through the system browser.

    Returns:
        ``{"claims": <the ID token's claims>, "tokens": <the token response>}``.

    Raises:
        FlowError: the browser did not come back in time, or with a bad answer.
    """
    with _Listener(("127.0.0.1", 0), _CallbackHandler) as listener:
        redirect_uri = f"http://127.0.0.1:{listener.server_port}/{CALLBACK_PATH}"
        begun = start_login(config, metadata, redirect_uri)
        listener.finish = _finisher(config, metadata, begun, redirect_uri)
        listener.timeout = 0.5
        open_browser(begun.url)
        deadline = time.monotonic() + timeout
        while listener.outcome is None and time.monotonic() < deadline:
            listener.handle_request()
    if listener.outcome is None:
        raise FlowError(f"No answer from the browser within {timeout:.0f} s; sign-in cancelled.")
    if isinstance(listener.outcome, FlowError):
        raise listener.outcome
    return listener.outcome


def tokens_for(session: Any) -> dict[str, str]:
    """The tokens a desktop session's sign-in exposes (``[auth].expose_tokens``)."""
    with _in_flight_lock:
        return dict(_tokens.get(session, {}))


def forget(session: Any) -> None:
    """Drop a desktop session's tokens (``st.logout``)."""
    with _in_flight_lock:
        _tokens.pop(session, None)


def start_desktop_login(
    session: Any,
    config: AuthConfig,
    metadata: Mapping[str, Any],
    open_browser: Callable[[str], object],
    expose: list[str],
) -> threading.Thread:
    """Sign in on a worker thread; then set the session's user and rerun it.

    Note [Threading]: the worker only assigns ``session.user_info`` (one
    reference, read by the next run) and calls ``session.request_rerun()``,
    the runner's thread-safe entry point that the file watcher uses too.
    """

    with _in_flight_lock:
        running = _in_flight.get(session)
        if running is not None and running.is_alive():
            # A rerun asked again while the browser is still out: one sign-in at a time.
            return running

    def work() -> None:
        try:
            result = loopback_login(config, metadata, open_browser)
        except FlowError as exc:
            log.warning("desktop sign-in failed: %s", exc)
            session.user_info = {"is_logged_in": False}
        else:
            with _in_flight_lock:
                _tokens[session] = exposed_tokens(expose, result["tokens"])
            session.user_info = {**result["claims"], "is_logged_in": True}
        with _in_flight_lock:
            _in_flight.pop(session, None)
        session.request_rerun()

    thread = threading.Thread(target=work, name="rillet-desktop-login", daemon=True)
    with _in_flight_lock:
        _in_flight[session] = thread
    thread.start()
    return thread
