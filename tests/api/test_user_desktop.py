"""st.login in the desktop window: the system browser and a loopback redirect (RFC 8252)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from rillet.testing import AppTest
from tests.oidc_provider import CLIENT_ID, CLIENT_SECRET, FILTERS, Provider, running_provider

httpx = pytest.importorskip("httpx")
pytest.importorskip("authlib", reason='sign-in needs Authlib: pip install "rillet[auth]"')
pytestmark = [pytest.mark.filterwarnings(f) for f in FILTERS]


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    with running_provider() as running:
        yield running


def _desktop_app(provider: Provider, metadata_url: str | None = None) -> AppTest:
    at = AppTest.from_string(
        "import rillet as st\nif not st.user.get('is_logged_in'):\n    st.login()\n    st.write('asked')\n"
    )
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "k" * 32,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
        "server_metadata_url": metadata_url or provider.metadata_url,
        "expose_tokens": "id",
    }
    at._session.desktop = True
    return at


def _wait_for_user(at: AppTest, timeout: float = 20) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = at._session.user_info
        if info is not None and "is_logged_in" in info:
            return info
        time.sleep(0.05)
    raise AssertionError("the desktop sign-in did not finish")


def test_desktop_login_signs_in_through_the_system_browser(provider: Provider) -> None:
    provider.set_user("dee", email="dee@example.com", name="Dee")
    at = _desktop_app(provider)
    opened: list[str] = []
    pages: list[httpx.Response] = []

    def system_browser(url: str) -> bool:
        # The user's browser: signs in at the provider, follows its redirect home.
        opened.append(url)

        def visit() -> None:
            with httpx.Client() as client:
                answer = client.post(url, data={"sub": "dee"})
                pages.append(client.get(answer.headers["location"]))

        threading.Thread(target=visit, daemon=True).start()
        return True

    at._app.services["open_browser"] = system_browser
    at.user = {}
    at.run(timeout=30)
    assert [m.value for m in at.markdown] == ["asked"]
    info = _wait_for_user(at)
    assert info["is_logged_in"] is True and info["email"] == "dee@example.com"
    redirect = parse_qs(urlsplit(opened[0]).query)["redirect_uri"][0]
    assert redirect.startswith("http://127.0.0.1:") and redirect.endswith("/oauth2callback")
    assert pages[0].status_code == 200 and "You can close this tab" in pages[0].text
    from rillet.auth.desktop import tokens_for

    assert list(tokens_for(at._session)) == ["id"]


def test_desktop_login_with_a_forged_answer_stays_logged_out(provider: Provider) -> None:
    at = _desktop_app(provider)
    pages: list[httpx.Response] = []

    def attacker_browser(url: str) -> bool:
        if pages:
            return True  # the app asks again after the failure; once is enough here
        redirect = parse_qs(urlsplit(url).query)["redirect_uri"][0]

        def visit() -> None:
            pages.append(httpx.get(redirect, params={"code": "stolen", "state": "guess"}))

        threading.Thread(target=visit, daemon=True).start()
        return True

    at._app.services["open_browser"] = attacker_browser
    at.user = {}
    at.run(timeout=30)
    assert _wait_for_user(at) == {"is_logged_in": False}
    assert pages[0].status_code == 400 and "bad state" in pages[0].text


def test_desktop_login_with_the_provider_down_is_an_error_element(provider: Provider) -> None:
    at = _desktop_app(provider, "http://127.0.0.1:9/.well-known/openid-configuration")
    at.run(timeout=30)
    assert "Could not reach the identity provider" in at.exception[0].value
