"""The OpenID Connect steps that need no particular HTTP client, shared by the
server's routes (Tornado's async client) and the desktop window's loopback
sign-in (the standard library's ``urllib``).

Authlib makes the PKCE values and the authorization URL; joserfc (Authlib's
JOSE library) checks the ID token.
"""

from __future__ import annotations

import base64
import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from rillet.auth.config import AuthConfig

__all__ = [
    "FlowError",
    "LoginStart",
    "check_id_token",
    "fetch_json",
    "start_login",
    "token_request",
]

REQUIRED_METADATA = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")


class FlowError(Exception):
    """A sign-in step failed; the message is shown to the user (``status`` for a page)."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class LoginStart:
    """A new sign-in: where to send the browser, and what the callback must match."""

    url: str
    state: str
    nonce: str
    verifier: str


def start_login(config: AuthConfig, metadata: Mapping[str, Any], redirect_uri: str) -> LoginStart:
    """Fresh state, nonce and PKCE verifier, and the authorization URL (S256 challenge)."""
    from authlib.common.security import generate_token  # type: ignore[import-untyped]
    from authlib.common.urls import add_params_to_uri  # type: ignore[import-untyped]
    from authlib.oauth2.rfc7636 import create_s256_code_challenge  # type: ignore[import-untyped]

    state, nonce, verifier = generate_token(32), generate_token(32), generate_token(64)
    extra = {k: str(v) for k, v in config.provider.client_kwargs.items() if k != "scope"}
    params = [
        ("response_type", "code"),
        ("client_id", config.provider.client_id),
        ("redirect_uri", redirect_uri),
        ("scope", config.provider.scope),
        ("state", state),
        ("nonce", nonce),
        ("code_challenge", create_s256_code_challenge(verifier)),
        ("code_challenge_method", "S256"),
        *extra.items(),
    ]
    url = add_params_to_uri(str(metadata["authorization_endpoint"]), params)
    return LoginStart(url, state, nonce, verifier)


def token_request(
    config: AuthConfig,
    metadata: Mapping[str, Any],
    code: str,
    verifier: str,
    redirect_uri: str,
) -> tuple[str, str, dict[str, str]]:
    """The token endpoint's URL, form body and headers for an authorization code.

    The client authenticates with HTTP Basic unless the provider only takes
    ``client_secret_post``.
    """
    provider = config.provider
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
        "code_verifier": verifier,
    }
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
    methods = metadata.get("token_endpoint_auth_methods_supported") or ["client_secret_basic"]
    if "client_secret_basic" in methods:
        pair = f"{quote(provider.client_id, safe='')}:{quote(provider.client_secret, safe='')}"
        headers["Authorization"] = "Basic " + base64.b64encode(pair.encode()).decode()
    else:
        form["client_id"] = provider.client_id
        form["client_secret"] = provider.client_secret
    return str(metadata["token_endpoint"]), urlencode(form), headers


def check_id_token(
    config: AuthConfig,
    metadata: Mapping[str, Any],
    jwks: Mapping[str, Any],
    tokens: Mapping[str, Any],
    nonce: str,
) -> dict[str, Any]:
    """The ID token's claims, once its signature, ``iss``, ``aud``, ``exp`` and ``nonce`` check out."""
    from joserfc import jwt
    from joserfc.errors import JoseError
    from joserfc.jwk import KeySet

    if "id_token" not in tokens:
        raise FlowError("The provider answered without an ID token (is `openid` in scope?).")
    algorithms = metadata.get("id_token_signing_alg_values_supported") or ["RS256"]
    try:
        keys = KeySet.import_key_set(dict(jwks))  # type: ignore[arg-type]
        token = jwt.decode(str(tokens["id_token"]), keys, algorithms=list(algorithms))
        jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": metadata["issuer"]},
            aud={"essential": True, "value": config.provider.client_id},
            nonce={"essential": True, "value": nonce},
            exp={"essential": True},
        ).validate(token.claims)
    except (JoseError, ValueError) as exc:
        raise FlowError(f"The provider's ID token is not valid: {exc}") from None
    return dict(token.claims)


def fetch_json(
    url: str, what: str, *, body: str | None = None, headers: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """GET (or POST ``body``) with the standard library; a clear `FlowError` when it fails."""
    request = urllib.request.Request(
        url, data=body.encode() if body is not None else None, headers=dict(headers or {})
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            raw = response.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace")[:300]
        raise FlowError(f"The identity provider refused {what}: {exc.code} {detail}", 502) from None
    except (OSError, ValueError) as exc:
        raise FlowError(
            f"Could not reach the identity provider for {what} at {url}: {exc}", 502
        ) from None
    try:
        document = json.loads(raw)
    except ValueError:
        raise FlowError(f"The identity provider's {what} at {url} is not JSON.", 502) from None
    if not isinstance(document, dict):
        raise FlowError(f"The identity provider's {what} at {url} is not an object.", 502)
    return document


def check_metadata(url: str, document: Mapping[str, Any]) -> None:
    """Fail clearly when a discovery document lacks an endpoint the flow needs."""
    for key in REQUIRED_METADATA:
        if key not in document:
            raise FlowError(f"The provider's metadata at {url} has no {key!r}.", 502)


def exposed_tokens(expose: list[str], tokens: Mapping[str, Any]) -> dict[str, str]:
    """The tokens ``[auth].expose_tokens`` asks ``st.user.tokens`` to show (``id``, ``access``).

    Example:
        >>> exposed_tokens(["id"], {"id_token": "eyJ...", "access_token": "at"})
        {'id': 'eyJ...'}
    """
    fields = {"id": "id_token", "access": "access_token"}
    return {name: str(tokens[fields[name]]) for name in expose if fields[name] in tokens}
