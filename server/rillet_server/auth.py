"""The sign-in routes behind ``st.login`` / ``st.logout``: OpenID Connect, code flow + PKCE.

``GET auth/login?provider=NAME`` sends the browser to the provider with a
fresh ``state``, ``nonce`` and PKCE verifier (S256), kept in a short-lived
signed cookie rather than in server memory, so the callback may land on any
replica that shares ``[auth].cookie_secret``. ``GET oauth2callback``
checks the state, trades the code for tokens (Authlib builds the PKCE
values; joserfc checks the ID token's signature against the provider's JWKS
and its ``iss``, ``aud``, ``exp`` and ``nonce``), and sets the identity
cookie: the ID token's claims, signed, HttpOnly, SameSite=Lax, expiring
after 30 days. ``GET auth/logout`` deletes it. Every failure (no or
incomplete ``[auth]``, a provider that is down, a bad state or nonce) is an
HTML page saying what went wrong that returns to the app, logged out.
"""

from __future__ import annotations

import html
import json
import logging
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tornado.httpclient
import tornado.web

from rillet.auth.config import (
    CALLBACK_PATH,
    FLOW_COOKIE,
    FLOW_MAX_AGE,
    IDENTITY_COOKIE,
    IDENTITY_MAX_AGE,
    LOGIN_PATH,
    LOGOUT_PATH,
    TOKENS_COOKIE,
    AuthConfig,
    AuthConfigError,
    cookie_secret_of,
    expose_tokens_of,
    read_auth_config,
)
from rillet.auth.cookies import sign, verify
from rillet.auth.oidc import (
    FlowError,
    check_id_token,
    check_metadata,
    exposed_tokens,
    start_login,
    token_request,
)
from rillet.runtime.services import secrets_for

if TYPE_CHECKING:
    from rillet.runtime.runtime import Runtime

__all__ = ["auth_routes"]

log = logging.getLogger(__name__)
_METADATA_TTL = 3600.0
_TIMEOUT = 10.0
_MAX_COOKIE = 3800
_PROFILE_CLAIMS = frozenset(
    {"iss", "sub", "aud", "exp", "iat", "email", "email_verified", "name", "given_name",
     "family_name", "preferred_username", "picture", "locale"}
)  # fmt: skip


AuthFlowError = FlowError


class _BackHome(Exception):
    """The callback was reached with neither a code nor an error: a return from logout."""


class ProviderDirectory:
    """The providers' discovery documents, fetched once an hour per URL."""

    def __init__(self) -> None:
        self._documents: dict[str, tuple[float, dict[str, Any]]] = {}

    async def metadata(self, url: str) -> dict[str, Any]:
        found = self._documents.get(url)
        if found is not None and time.monotonic() - found[0] < _METADATA_TTL:
            return found[1]
        document = await _get_json(url, "the provider's metadata (server_metadata_url)")
        check_metadata(url, document)
        self._documents[url] = (time.monotonic(), document)
        return document


async def _get_json(url: str, what: str, **kwargs: Any) -> dict[str, Any]:
    client = tornado.httpclient.AsyncHTTPClient()
    try:
        response = await client.fetch(url, request_timeout=_TIMEOUT, **kwargs)
    except tornado.httpclient.HTTPClientError as exc:
        body = exc.response.body.decode("utf-8", "replace")[:300] if exc.response else ""
        raise AuthFlowError(
            f"The identity provider refused {what}: {exc.code} {body}", 502
        ) from None
    except OSError as exc:
        raise AuthFlowError(
            f"Could not reach the identity provider for {what} at {url}: {exc}", 502
        ) from None
    try:
        document = json.loads(response.body)
    except ValueError:
        raise AuthFlowError(f"The identity provider's {what} at {url} is not JSON.", 502) from None
    if not isinstance(document, dict):
        raise AuthFlowError(f"The identity provider's {what} at {url} is not an object.", 502)
    return document


class _AuthHandler(tornado.web.RequestHandler):
    def initialize(self, runtime: Runtime, directory: ProviderDirectory, suffix: str) -> None:
        self.runtime = runtime
        self.directory = directory
        self.suffix = suffix

    def _root(self) -> str:
        # The app's own path: the route's path without its suffix (works under a base path).
        path = self.request.path
        return path[: len(path) - len(self.suffix)] if path.endswith(self.suffix) else "/"

    def _redirect_uri(self, config: AuthConfig) -> str:
        # Like Streamlit, "{port}" in redirect_uri stands for the port the app is served on.
        port = self.request.host.rpartition(":")[2] if ":" in self.request.host else ""
        return config.redirect_uri.replace("{port}", port or "80")

    def _secrets(self) -> Mapping[str, Any]:
        dirs = [Path.cwd(), self.runtime.script_path.parent]
        return secrets_for(self.runtime.app.services, dirs)

    def _cookie(self, name: str, value: str, max_age: int) -> None:
        self.set_cookie(
            name,
            value,
            path=self._root(),
            max_age=max_age,
            httponly=True,
            secure=self.request.protocol == "https",
            samesite="Lax",
        )

    def _fail(self, message: str, status: int) -> None:
        # Logged out, and back to the app after a moment.
        self.clear_cookie(FLOW_COOKIE, path=self._root())
        self.clear_cookie(IDENTITY_COOKIE, path=self._root())
        self.clear_cookie(TOKENS_COOKIE, path=self._root())
        root = html.escape(self._root(), quote=True)
        self.set_status(status)
        self.set_header("Content-Type", "text/html; charset=utf-8")
        self.set_header("Cache-Control", "no-store")
        self.finish(
            "<!doctype html><meta charset=utf-8>"
            f'<meta http-equiv="refresh" content="8; url={root}">'
            "<title>Sign-in failed</title>"
            '<body style="font-family:sans-serif;max-width:40em;margin:3em auto">'
            f'<h1>Sign-in failed</h1><p id="reason">{html.escape(message)}</p>'
            f'<p><a href="{root}">Back to the app</a> (logged out).</p>'
        )


class LoginHandler(_AuthHandler):
    async def get(self) -> None:
        provider = self.get_query_argument("provider", "default")
        try:
            config = read_auth_config(self._secrets(), None if provider == "default" else provider)
            metadata = await self.directory.metadata(config.provider.server_metadata_url)
        except AuthConfigError as exc:
            self._fail(str(exc), 400)
            return
        except AuthFlowError as exc:
            self._fail(str(exc), exc.status)
            return
        redirect_uri = self._redirect_uri(config)
        begun = start_login(config, metadata, redirect_uri)
        flow = {
            "state": begun.state,
            "nonce": begun.nonce,
            "verifier": begun.verifier,
            "provider": provider,
            "redirect_uri": redirect_uri,
        }
        self._cookie(FLOW_COOKIE, sign(flow, config.cookie_secret, "flow"), FLOW_MAX_AGE)
        self.redirect(begun.url)


class CallbackHandler(_AuthHandler):
    async def get(self) -> None:
        try:
            (claims, tokens), provider, secret = await self._finish_login()
        except _BackHome:
            self.clear_cookie(FLOW_COOKIE, path=self._root())
            self.redirect(self._root())
            return
        except AuthConfigError as exc:
            self._fail(str(exc), 400)
            return
        except AuthFlowError as exc:
            log.warning("sign-in failed: %s", exc)
            self._fail(str(exc), exc.status)
            return
        identity = sign({"provider": provider, "claims": claims}, secret, "identity")
        if len(identity) > _MAX_COOKIE:
            # Browsers drop cookies past ~4 KB: keep the profile claims apps read.
            kept = {k: v for k, v in claims.items() if k in _PROFILE_CLAIMS}
            log.warning("ID token claims too large for a cookie; kept %s", sorted(kept))
            identity = sign({"provider": provider, "claims": kept}, secret, "identity")
        self.clear_cookie(FLOW_COOKIE, path=self._root())
        self._cookie(IDENTITY_COOKIE, identity, IDENTITY_MAX_AGE)
        self.clear_cookie(TOKENS_COOKIE, path=self._root())
        if tokens:
            signed = sign(tokens, secret, "tokens")
            if len(signed) <= _MAX_COOKIE:
                self._cookie(TOKENS_COOKIE, signed, IDENTITY_MAX_AGE)
            else:
                log.warning("tokens too large for a cookie: st.user.tokens stays empty")
        self.redirect(self._root())

    async def _finish_login(
        self,
    ) -> tuple[tuple[dict[str, Any], dict[str, str]], str, str]:
        secrets = self._secrets()
        secret = cookie_secret_of(secrets)
        if secret is None:
            read_auth_config(secrets, None)  # names what is missing
            raise AuthConfigError("[auth] in secrets.toml has no `cookie_secret`.")
        error = self.get_query_argument("error", None)
        if error is None and self.get_query_argument("code", None) is None:
            # Back from the provider's logout page (post_logout_redirect_uri).
            raise _BackHome
        if error is not None:
            detail = self.get_query_argument("error_description", "")
            raise AuthFlowError(f"The identity provider did not sign you in: {error} {detail}")
        flow = verify(self.get_cookie(FLOW_COOKIE) or "", secret, "flow", max_age=FLOW_MAX_AGE)
        if flow is None:
            raise AuthFlowError(
                "This sign-in was not started here or took too long (no valid login cookie). "
                "Please sign in again."
            )
        if self.get_query_argument("state", None) != flow.get("state"):
            raise AuthFlowError("The provider's answer does not match this sign-in (bad state).")
        code = self.get_query_argument("code", None)
        if not code:
            raise AuthFlowError("The provider's answer has no authorization code.")
        provider = str(flow.get("provider", "default"))
        config = read_auth_config(secrets, None if provider == "default" else provider)
        metadata = await self.directory.metadata(config.provider.server_metadata_url)
        redirect_uri = str(flow.get("redirect_uri") or config.redirect_uri)
        tokens = await _exchange_code(config, metadata, code, str(flow["verifier"]), redirect_uri)
        claims = await _check_id_token(config, metadata, tokens, str(flow["nonce"]))
        return (claims, exposed_tokens(expose_tokens_of(secrets), tokens)), provider, secret


async def _exchange_code(
    config: AuthConfig, metadata: Mapping[str, Any], code: str, verifier: str, redirect_uri: str
) -> dict[str, Any]:
    url, body, headers = token_request(config, metadata, code, verifier, redirect_uri)
    return await _get_json(url, "the authorization code", method="POST", body=body, headers=headers)


async def _check_id_token(
    config: AuthConfig, metadata: Mapping[str, Any], tokens: Mapping[str, Any], nonce: str
) -> dict[str, Any]:
    jwks = await _get_json(str(metadata["jwks_uri"]), "its signing keys (jwks_uri)")
    return check_id_token(config, metadata, jwks, tokens, nonce)


class LogoutHandler(_AuthHandler):
    async def get(self) -> None:
        target = self._root()
        try:
            target = await self._provider_logout() or target
        except (AuthConfigError, AuthFlowError) as exc:
            # Logged out here all the same; only the provider's session stays.
            log.info("no logout at the identity provider: %s", exc)
        self.clear_cookie(IDENTITY_COOKIE, path=self._root())
        self.clear_cookie(TOKENS_COOKIE, path=self._root())
        self.clear_cookie(FLOW_COOKIE, path=self._root())
        self.redirect(target)

    async def _provider_logout(self) -> str | None:
        """The provider's end_session_endpoint URL (OIDC RP-initiated logout), if it has one."""
        from authlib.common.urls import add_params_to_uri  # type: ignore[import-untyped]

        secrets = self._secrets()
        secret = cookie_secret_of(secrets)
        if secret is None:
            return None
        cookie = self.get_cookie(IDENTITY_COOKIE) or ""
        identity = verify(cookie, secret, "identity", max_age=IDENTITY_MAX_AGE)
        if identity is None:
            return None
        provider = str(identity.get("provider", "default"))
        config = read_auth_config(secrets, None if provider == "default" else provider)
        metadata = await self.directory.metadata(config.provider.server_metadata_url)
        endpoint = metadata.get("end_session_endpoint")
        if not endpoint:
            return None
        # The callback URL is registered with the provider already; it comes home from there.
        params = [
            ("client_id", config.provider.client_id),
            ("post_logout_redirect_uri", self._redirect_uri(config)),
        ]
        tokens = verify(
            self.get_cookie(TOKENS_COOKIE) or "", secret, "tokens", max_age=IDENTITY_MAX_AGE
        )
        if tokens and "id" in tokens:
            params.append(("id_token_hint", str(tokens["id"])))
        return str(add_params_to_uri(str(endpoint), params))


def auth_routes(runtime: Runtime) -> list[Any]:
    """The sign-in routes, for ``make_app`` (before its catch-all page route).

    Example:
        >>> [pattern for pattern, *_ in auth_routes(runtime)]  # doctest: +SKIP
        ['/auth/login', '/oauth2callback', '/auth/logout']
    """
    directory = ProviderDirectory()
    routes = [
        (LOGIN_PATH, LoginHandler),
        (CALLBACK_PATH, CallbackHandler),
        (LOGOUT_PATH, LogoutHandler),
    ]
    return [
        (f"/{path}", handler, {"runtime": runtime, "directory": directory, "suffix": path})
        for path, handler in routes
    ]
