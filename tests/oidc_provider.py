"""A real OpenID Connect provider on loopback for the sign-in tests (oidc-provider-mock).

It is a complete Authlib-based provider (discovery, JWKS, authorization
code with PKCE, token endpoint); its sign-in page takes a subject name
instead of a password. Nothing in the HTTP exchange is mocked.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

CLIENT_ID = "rillet-app"
CLIENT_SECRET = "client-Secret-9"
COOKIE_SECRET = "a-long-random-cookie-secret-for-tests"


@dataclass
class Provider:
    url: str

    @property
    def metadata_url(self) -> str:
        return f"{self.url}/.well-known/openid-configuration"

    def set_user(self, sub: str, **claims: str) -> None:
        import httpx

        httpx.put(f"{self.url}/users/{sub}", json=claims).raise_for_status()


@contextmanager
def running_provider() -> Iterator[Provider]:
    with warnings.catch_warnings():
        # The provider itself still imports authlib.jose (deprecated for joserfc).
        warnings.simplefilter("ignore", DeprecationWarning)
        provider_mock = pytest.importorskip(
            "oidc_provider_mock", reason="the test OIDC provider: pip install oidc-provider-mock"
        )
    with provider_mock.run_server_in_thread(port=0, require_nonce=True) as server:
        yield Provider(f"http://localhost:{server.server_port}")


def auth_secrets(app_url: str, provider: Provider, *, named: str | None = None) -> str:
    """secrets.toml text for an app served at ``app_url`` (ending in /)."""
    table = f"[auth.{named}]" if named else ""
    return (
        "[auth]\n"
        f'redirect_uri = "{app_url}oauth2callback"\n'
        f'cookie_secret = "{COOKIE_SECRET}"\n'
        f"{table}\n"
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider.metadata_url}"\n'
    )


def write_secrets(folder: Path, text: str) -> None:
    (folder / ".streamlit").mkdir(exist_ok=True)
    (folder / ".streamlit" / "secrets.toml").write_text(text, encoding="utf-8")


# Flask's dev server and the provider deprecations, seen from its own thread.
FILTERS = [
    "ignore::DeprecationWarning",
    "ignore::ResourceWarning",
]
