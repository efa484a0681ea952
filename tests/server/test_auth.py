"""The sign-in routes against a real OIDC provider on loopback: code flow with PKCE."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from rillet.auth.config import IDENTITY_COOKIE
from rillet.auth.cookies import verify
from rillet.runtime.config import Config
from rillet.runtime.runtime import Runtime
from rillet_server import Server
from tests.oidc_provider import (
    COOKIE_SECRET,
    FILTERS,
    Provider,
    auth_secrets,
    running_provider,
    write_secrets,
)

httpx = pytest.importorskip("httpx")
pytest.importorskip("authlib", reason='sign-in needs Authlib: pip install "rillet[auth]"')
pytestmark = [pytest.mark.filterwarnings(f) for f in FILTERS]


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    with running_provider() as running:
        yield running


@pytest.fixture
def app_server(tmp_path: Path) -> Iterator[Callable[[str], str]]:
    servers: list[Server] = []

    def start(secrets: str) -> str:
        script = tmp_path / "app.py"
        script.write_text("import rillet as st\nst.write(st.user.to_dict())\n")
        config = Config.from_flags(
            {"server.port": 0, "server.address": "127.0.0.1", "server.headless": True,
             "server.fileWatcherType": "none"}
        )  # fmt: skip
        server = Server(Runtime(script, config), config)
        port = server.start_in_thread()
        servers.append(server)
        url = f"http://127.0.0.1:{port}/"
        # Secrets are read on first use, so they can name the port just taken.
        write_secrets(tmp_path, secrets.replace("APP_URL/", url))
        return url

    yield start
    for server in servers:
        server.stop()


def _sign_in(
    client: httpx.Client, app: str, sub: str, provider_name: str = "default"
) -> httpx.Response:
    start = client.get(f"{app}auth/login", params={"provider": provider_name})
    assert start.status_code == 302, start.text
    authorize = start.headers["location"]
    query = parse_qs(urlsplit(authorize).query)
    assert query["code_challenge_method"] == ["S256"] and query["code_challenge"]
    assert query["nonce"] and query["state"]
    answer = client.post(authorize, data={"sub": sub})
    assert answer.status_code == 302, answer.text
    return client.get(answer.headers["location"])


def test_login_round_trip_sets_a_signed_httponly_identity_cookie(
    provider: Provider, app_server: Callable[[str], str]
) -> None:
    app = app_server(auth_secrets("APP_URL/", provider))
    provider.set_user("ann", email="ann@example.com", name="Ann Lee")
    with httpx.Client() as client:
        done = _sign_in(client, app, "ann")
        assert done.status_code == 302 and done.headers["location"] == "/"
        header = done.headers["set-cookie"]
        assert f"{IDENTITY_COOKIE}=" in header and "HttpOnly" in header
        assert "Max-Age=2592000" in header and "SameSite=Lax" in header
        payload = verify(client.cookies[IDENTITY_COOKIE], COOKIE_SECRET, "identity", max_age=60)
        assert payload is not None
        assert payload["claims"]["sub"] == "ann"
        assert payload["claims"]["email"] == "ann@example.com"
        assert payload["claims"]["name"] == "Ann Lee"

        out = client.get(f"{app}auth/logout")
        assert out.status_code == 302
        assert IDENTITY_COOKIE not in client.cookies
        # RP-initiated logout: the provider ends its session, then comes back home.
        logout = urlsplit(out.headers["location"])
        assert logout.path == "/oauth2/end_session"
        query = parse_qs(logout.query)
        assert query["post_logout_redirect_uri"] == [f"{app}oauth2callback"]
        assert query["client_id"] == ["rillet-app"]
        home = client.get(f"{app}oauth2callback")
        assert home.status_code == 302 and home.headers["location"] == "/"


def test_named_provider_from_its_own_table(
    provider: Provider, app_server: Callable[[str], str]
) -> None:
    app = app_server(auth_secrets("APP_URL/", provider, named="corp"))
    with httpx.Client() as client:
        assert _sign_in(client, app, "bob", "corp").status_code == 302
        assert IDENTITY_COOKIE in client.cookies


def test_bad_state_is_an_error_page_that_returns_logged_out(
    provider: Provider, app_server: Callable[[str], str]
) -> None:
    app = app_server(auth_secrets("APP_URL/", provider))
    with httpx.Client() as client:
        start = client.get(f"{app}auth/login")
        answer = client.post(start.headers["location"], data={"sub": "eve"})
        location = answer.headers["location"]
        forged = location.replace("state=", "state=x")
        page = client.get(forged)
        assert page.status_code == 400
        assert "bad state" in page.text and 'http-equiv="refresh"' in page.text
        assert IDENTITY_COOKIE not in client.cookies


def test_callback_without_a_login_in_progress_is_refused(
    provider: Provider, app_server: Callable[[str], str]
) -> None:
    app = app_server(auth_secrets("APP_URL/", provider))
    page = httpx.get(f"{app}oauth2callback", params={"code": "c", "state": "s"})
    assert page.status_code == 400 and "Please sign in again" in page.text


def test_provider_down_is_an_error_page(
    app_server: Callable[[str], str], free_port: Callable[[], int]
) -> None:
    down = Provider(f"http://127.0.0.1:{free_port()}")
    app = app_server(auth_secrets("APP_URL/", down))
    page = httpx.get(f"{app}auth/login")
    assert page.status_code == 502
    assert "Could not reach the identity provider" in page.text


def test_missing_auth_key_is_named_on_the_error_page(
    provider: Provider, app_server: Callable[[str], str]
) -> None:
    text = auth_secrets("APP_URL/", provider).replace('client_secret = "client-Secret-9"\n', "")
    app = app_server(text)
    page = httpx.get(f"{app}auth/login")
    assert page.status_code == 400 and "client_secret" in page.text


def test_claims_too_large_for_a_cookie_keep_the_profile_claims(
    provider: Provider, app_server: Callable[[str], str]
) -> None:
    app = app_server(auth_secrets("APP_URL/", provider))
    provider.set_user("big", email="big@example.com", name="Big", bio="x" * 6000)
    with httpx.Client() as client:
        assert _sign_in(client, app, "big").status_code == 302
        value = client.cookies[IDENTITY_COOKIE]
        assert len(value) < 4000
        payload = verify(value, COOKIE_SECRET, "identity", max_age=60)
        assert payload is not None
        assert payload["claims"]["email"] == "big@example.com"
        assert "bio" not in payload["claims"]


def test_expose_tokens_sets_a_signed_tokens_cookie(
    provider: Provider, app_server: Callable[[str], str]
) -> None:
    text = auth_secrets("APP_URL/", provider).replace(
        "[auth]\n", '[auth]\nexpose_tokens = ["id", "access"]\n'
    )
    app = app_server(text)
    with httpx.Client() as client:
        assert _sign_in(client, app, "tok").status_code == 302
        tokens = verify(client.cookies["_rillet_user_tokens"], COOKIE_SECRET, "tokens", max_age=60)
        assert tokens is not None and set(tokens) == {"id", "access"}
        assert tokens["id"].count(".") == 2  # a JWT
        out = client.get(f"{app}auth/logout")
        assert "_rillet_user_tokens" not in client.cookies
        assert parse_qs(urlsplit(out.headers["location"]).query)["id_token_hint"] == [tokens["id"]]


def test_port_placeholder_in_redirect_uri_is_the_served_port(
    provider: Provider, app_server: Callable[[str], str]
) -> None:
    text = auth_secrets("APP_URL/", provider)
    app = app_server(
        text.replace("APP_URL/oauth2callback", "http://127.0.0.1:{port}/oauth2callback")
    )
    port = app.rstrip("/").rpartition(":")[2]
    with httpx.Client() as client:
        start = client.get(f"{app}auth/login")
        redirect = parse_qs(urlsplit(start.headers["location"]).query)["redirect_uri"][0]
        assert redirect == f"http://127.0.0.1:{port}/oauth2callback"
        answer = client.post(start.headers["location"], data={"sub": "pat"})
        assert client.get(answer.headers["location"]).status_code == 302
        assert IDENTITY_COOKIE in client.cookies


def test_login_started_on_one_replica_finishes_on_another(
    provider: Provider, app_server: Callable[[str], str]
) -> None:
    first = app_server(auth_secrets("APP_URL/", provider))
    # A second replica of the same app, with the same secrets (no server-side state shared).
    second = app_server(auth_secrets(first, provider))
    with httpx.Client() as client:
        start = client.get(f"{first}auth/login")
        answer = client.post(start.headers["location"], data={"sub": "rep"})
        callback = answer.headers["location"].replace(first, second)
        done = client.get(callback)
        assert done.status_code == 302
        payload = verify(client.cookies[IDENTITY_COOKIE], COOKIE_SECRET, "identity", max_age=60)
        assert payload is not None and payload["claims"]["sub"] == "rep"
