"""``st.login``, ``st.logout`` and ``st.user``: who is using the app (OpenID Connect).

``st.login()`` sends the page to the server's sign-in route
(``rillet_server.auth``), which runs the authorization-code flow with PKCE
against the provider of ``[auth]`` in secrets.toml and comes back with a
signed, HttpOnly, expiring identity cookie. Each new session reads
``st.user`` from that cookie: ``is_logged_in`` and the ID token's claims.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import quote

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime import context
from rillet.runtime.errors import RilletAPIException

if TYPE_CHECKING:
    from rillet.auth.config import AuthConfig

__all__ = ["TokensProxy", "UserInfoProxy", "login", "logout", "user"]

_LOGGED_OUT: dict[str, Any] = {"is_logged_in": False}


def _session() -> Any:
    ctx = context.get_or_none()
    return ctx.extras.get("session") if ctx is not None else None


def _from_cookie(session: Any) -> dict[str, Any]:
    from rillet.api.services import secrets
    from rillet.auth.config import IDENTITY_COOKIE, IDENTITY_MAX_AGE, cookie_secret_of
    from rillet.auth.cookies import verify

    value = session.client.cookies.get(IDENTITY_COOKIE)
    if not value:
        return dict(_LOGGED_OUT)
    secret = cookie_secret_of(secrets)
    if secret is None:
        return dict(_LOGGED_OUT)
    payload = verify(value, secret, "identity", max_age=IDENTITY_MAX_AGE)
    claims = payload.get("claims") if payload else None
    if not isinstance(claims, dict):
        return dict(_LOGGED_OUT)
    return {**claims, "is_logged_in": True}


def _user_info() -> dict[str, Any]:
    session = _session()
    if session is None:
        return dict(_LOGGED_OUT)
    if session.user_info is not None:  # AppTest's user, st.logout, the desktop window
        info: dict[str, Any] = session.user_info
        return info
    # Read anew each time (an HMAC and a small JSON): a resumed session may
    # carry another connection's cookies.
    return _from_cookie(session)


class UserInfoProxy(Mapping[str, Any]):
    """``st.user``: the signed-in user's ID-token claims, by attribute or key.

    ``st.user.is_logged_in`` tells whether someone signed in; the claims
    (``email``, ``name``, ``sub``...) follow. Logged out, it holds only
    ``is_logged_in = False``. It is read-only.

    Example:
        >>> import rillet as st
        >>> if not st.user.is_logged_in:  # doctest: +SKIP
        ...     st.button("Log in", on_click=st.login)
        ... else:
        ...     st.write(f"Hello, {st.user.name}")
    """

    def __getitem__(self, key: str) -> Any:
        return _user_info()[key]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        try:
            return _user_info()[name]
        except KeyError:
            raise AttributeError(f'st.user has no attribute "{name}".') from None

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise RilletAPIException("st.user cannot be modified; it holds the ID token's claims.")

    def __setitem__(self, name: str, value: object) -> NoReturn:
        raise RilletAPIException("st.user cannot be modified; it holds the ID token's claims.")

    def __iter__(self) -> Iterator[str]:
        return iter(_user_info())

    def __len__(self) -> int:
        return len(_user_info())

    @property
    def tokens(self) -> TokensProxy:
        """The provider's tokens that ``[auth].expose_tokens`` lets the app see.

        ``expose_tokens = ["id", "access"]`` in ``[auth]`` makes
        ``st.user.tokens.id`` (the ID token) and ``st.user.tokens.access``
        (the access token, e.g. to call the provider's APIs) available after
        the next sign-in. Empty when logged out or not configured.

        Example:
            >>> import rillet as st
            >>> dict(st.user.tokens)
            {}
        """
        return TokensProxy(_exposed_tokens())

    def to_dict(self) -> dict[str, Any]:
        """The claims as a plain dict (a copy).

        Example:
            >>> import rillet as st
            >>> st.user.to_dict()
            {'is_logged_in': False}
        """
        return dict(_user_info())

    def __repr__(self) -> str:
        return f"UserInfoProxy({_user_info()!r})"


class TokensProxy(Mapping[str, str]):
    """``st.user.tokens``: exposed tokens by key (``"id"``, ``"access"``) or attribute.

    Example:
        >>> TokensProxy({"id": "eyJ..."}).id
        'eyJ...'
    """

    _tokens: dict[str, str]

    def __init__(self, tokens: Mapping[str, str]) -> None:
        """Wrap the exposed tokens."""
        object.__setattr__(self, "_tokens", dict(tokens))

    def __getitem__(self, key: str) -> str:
        return self._tokens[key]

    def __getattr__(self, name: str) -> str:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self._tokens[name]
        except KeyError:
            raise AttributeError(f'Token "{name}" is not exposed or does not exist.') from None

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise RilletAPIException("st.user.tokens cannot be modified.")

    def __iter__(self) -> Iterator[str]:
        return iter(self._tokens)

    def __len__(self) -> int:
        return len(self._tokens)

    def __repr__(self) -> str:
        return f"TokensProxy({sorted(self._tokens)})"


def _exposed_tokens() -> dict[str, str]:
    session = _session()
    if session is None or not _user_info().get("is_logged_in"):
        return {}
    if session.desktop:
        from rillet.auth.desktop import tokens_for

        return tokens_for(session)
    from rillet.api.services import secrets
    from rillet.auth.config import IDENTITY_MAX_AGE, TOKENS_COOKIE, cookie_secret_of
    from rillet.auth.cookies import verify

    value = session.client.cookies.get(TOKENS_COOKIE)
    secret = cookie_secret_of(secrets)
    if not value or secret is None:
        return {}
    payload = verify(value, secret, "tokens", max_age=IDENTITY_MAX_AGE)
    return {str(k): str(v) for k, v in (payload or {}).items()}


user = UserInfoProxy()


def _redirect(url: str) -> None:
    message = pb.ForwardMsg()
    message.auth_redirect.url = url
    ctx = context.get()
    ctx.check_interrupt()
    ctx.send_msg(message)


def login(provider: str | None = None) -> None:
    """Send the user to the identity provider to sign in (OpenID Connect).

    Configure ``[auth]`` in secrets.toml: ``redirect_uri`` (the app's
    ``/oauth2callback`` URL), ``cookie_secret`` (a long random string), and
    the provider's ``client_id``, ``client_secret`` and
    ``server_metadata_url`` either in ``[auth]`` itself or in ``[auth.NAME]``
    for ``st.login("NAME")``; ``client_kwargs`` (e.g. ``scope``, ``prompt``)
    go to the authorization request. After signing in, the app opens again
    and ``st.user`` holds the ID token's claims. In the desktop window the
    system browser signs in and comes back through a loopback redirect
    (RFC 8252); the claims then live in the window's session only.

    Args:
        provider: The name of an ``[auth.NAME]`` table, or ``None`` for the
            provider configured in ``[auth]`` itself.

    Raises:
        RilletAPIException: ``[auth]`` is missing or lacks a key (named), or
            Authlib is not installed.

    Example:
        >>> import rillet as st
        >>> if not st.user.is_logged_in:  # doctest: +SKIP
        ...     st.button("Log in with Google", on_click=st.login, args=["google"])
    """
    from rillet.api.services import secrets
    from rillet.auth.config import LOGIN_PATH, read_auth_config

    config = read_auth_config(secrets, provider)
    if importlib.util.find_spec("authlib") is None:
        raise RilletAPIException(
            "st.login needs Authlib on the server: pip install 'rillet[auth]' (Authlib>=1.3)."
        )
    session = _session()
    if session is not None and session.desktop:
        _desktop_login(session, config)
        return
    _redirect(f"{LOGIN_PATH}?provider={quote(config.provider.name)}")


def _desktop_login(session: Any, config: AuthConfig) -> None:
    # The desktop window signs in through the system browser (RFC 8252).
    import webbrowser

    from rillet.api.services import secrets
    from rillet.auth.config import expose_tokens_of
    from rillet.auth.desktop import start_desktop_login
    from rillet.auth.oidc import FlowError, check_metadata, fetch_json

    url = config.provider.server_metadata_url
    try:
        metadata = fetch_json(url, "the provider's metadata (server_metadata_url)")
        check_metadata(url, metadata)
    except FlowError as exc:
        raise RilletAPIException(f"st.login: {exc}") from None
    opener = session.app.services.get("open_browser") or webbrowser.open
    start_desktop_login(session, config, metadata, opener, expose_tokens_of(secrets))


def logout() -> None:
    """Sign the user out: forget the identity cookie and open the app again.

    ``st.user`` is logged out at once, for the rest of this run too.

    Example:
        >>> import rillet as st
        >>> if st.user.is_logged_in:  # doctest: +SKIP
        ...     st.button("Log out", on_click=st.logout)
    """
    from rillet.auth.config import LOGOUT_PATH

    session = _session()
    if session is not None:
        session.user_info = dict(_LOGGED_OUT)
        if session.desktop:
            from rillet.auth.desktop import forget

            forget(session)
    _redirect(LOGOUT_PATH)
