"""The ``[auth]`` table of secrets.toml, checked and resolved for one provider.

Like Streamlit: ``redirect_uri`` and ``cookie_secret`` sit in ``[auth]``;
a provider's ``client_id``, ``client_secret``, ``server_metadata_url`` and
optional ``client_kwargs`` sit in ``[auth]`` itself (the default provider,
``st.login()``) or in ``[auth.NAME]`` (``st.login("NAME")``). A missing key
is named in the error, with the table it belongs in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rillet.runtime.errors import RilletAPIException

__all__ = ["AuthConfig", "AuthConfigError", "ProviderConfig", "read_auth_config"]

_GENERAL_KEYS = ("redirect_uri", "cookie_secret")
_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
# Cookie names; the identity cookie is HttpOnly, signed and expires.
IDENTITY_COOKIE = "_rillet_user"
TOKENS_COOKIE = "_rillet_user_tokens"
FLOW_COOKIE = "_rillet_auth_flow"
IDENTITY_MAX_AGE = 30 * 24 * 3600
FLOW_MAX_AGE = 600
LOGIN_PATH = "auth/login"
LOGOUT_PATH = "auth/logout"
CALLBACK_PATH = "oauth2callback"


class AuthConfigError(RilletAPIException):
    """The ``[auth]`` table of secrets.toml is missing or incomplete."""


@dataclass(frozen=True)
class ProviderConfig:
    """One identity provider's client registration."""

    name: str
    client_id: str
    client_secret: str
    server_metadata_url: str
    client_kwargs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def scope(self) -> str:
        """The scopes asked for (``openid profile email`` unless ``client_kwargs`` say)."""
        return str(self.client_kwargs.get("scope", "openid profile email"))


@dataclass(frozen=True)
class AuthConfig:
    """``redirect_uri`` and ``cookie_secret`` with the chosen provider."""

    redirect_uri: str
    cookie_secret: str
    provider: ProviderConfig


def _table(value: Any) -> dict[str, Any]:
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return dict(to_dict())
    return dict(value) if isinstance(value, Mapping) else {}


def read_auth_config(secrets: Mapping[str, Any], provider: str | None) -> AuthConfig:
    """Check ``[auth]`` and return the settings for ``provider`` (``None``: the default one).

    Raises:
        AuthConfigError: naming the table and the missing key.

    Example:
        >>> cfg = read_auth_config({"auth": {
        ...     "redirect_uri": "http://localhost:8501/oauth2callback",
        ...     "cookie_secret": "s3cret", "client_id": "app", "client_secret": "x",
        ...     "server_metadata_url": "https://id.example/.well-known/openid-configuration",
        ... }}, None)
        >>> cfg.provider.name, cfg.provider.scope
        ('default', 'openid profile email')
        >>> read_auth_config({"auth": {"redirect_uri": "u"}}, None)
        Traceback (most recent call last):
        ...
        rillet.auth.config.AuthConfigError: st.login: [auth] in secrets.toml has no `cookie_secret`...
    """
    try:
        auth = _table(secrets.get("auth")) if "auth" in secrets else None
    except FileNotFoundError:
        auth = None
    if not auth:
        raise AuthConfigError(
            "st.login: there is no [auth] table in secrets.toml. Add one with `redirect_uri` "
            "(e.g. http://localhost:8501/oauth2callback), `cookie_secret` and a provider's "
            "`client_id`, `client_secret` and `server_metadata_url`."
        )
    for key in _GENERAL_KEYS:
        if not auth.get(key):
            raise AuthConfigError(
                f"st.login: [auth] in secrets.toml has no `{key}`; it is required to sign in."
            )
    if provider is None:
        table, where, name = auth, "[auth]", "default"
    else:
        if not isinstance(provider, str) or not provider:
            from rillet.runtime.errors import bad_argument

            raise bad_argument(
                "provider", provider, "None or the name of an [auth.NAME] table", command="login"
            )
        table = _table(auth.get(provider))
        where, name = f"[auth.{provider}]", provider
        if not table:
            raise AuthConfigError(
                f"st.login: secrets.toml has no {where} table for the provider {provider!r}."
            )
    for key in _PROVIDER_KEYS:
        if not table.get(key):
            raise AuthConfigError(
                f"st.login: {where} in secrets.toml has no `{key}`; it is required to sign in "
                f"with the provider {name!r}."
            )
    return AuthConfig(
        redirect_uri=str(auth["redirect_uri"]),
        cookie_secret=str(auth["cookie_secret"]),
        provider=ProviderConfig(
            name=name,
            client_id=str(table["client_id"]),
            client_secret=str(table["client_secret"]),
            server_metadata_url=str(table["server_metadata_url"]),
            client_kwargs=_table(table.get("client_kwargs")),
        ),
    )


def cookie_secret_of(secrets: Mapping[str, Any]) -> str | None:
    """``[auth].cookie_secret``, or ``None`` when auth is not configured.

    Example:
        >>> cookie_secret_of({"auth": {"cookie_secret": "k"}})
        'k'
        >>> cookie_secret_of({}) is None
        True
    """
    try:
        if "auth" not in secrets:
            return None
        value = _table(secrets["auth"]).get("cookie_secret")
    except FileNotFoundError:
        return None
    return str(value) if value else None


def expose_tokens_of(secrets: Mapping[str, Any]) -> list[str]:
    """``[auth].expose_tokens`` as a list (``"id"``, ``"access"``); empty when not set.

    Example:
        >>> expose_tokens_of({"auth": {"expose_tokens": "id"}})
        ['id']
        >>> expose_tokens_of({"auth": {"cookie_secret": "k"}})
        []
    """
    try:
        value = _table(secrets["auth"]).get("expose_tokens") if "auth" in secrets else None
    except FileNotFoundError:
        return []
    if value is None:
        return []
    names = (
        [value]
        if isinstance(value, str)
        else [str(v) for v in value]
        if isinstance(value, list)
        else None
    )
    if names is None or set(names) - {"id", "access"}:
        raise AuthConfigError(
            f'[auth] expose_tokens must be "id", "access" or a list of them, got {value!r}.'
        )
    return names
