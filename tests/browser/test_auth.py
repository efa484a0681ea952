"""Sign-in in Chromium: st.login to a real OIDC provider on loopback, claims shown, st.logout."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tests.browser.conftest import ServedApp
from tests.oidc_provider import FILTERS, Provider, auth_secrets, running_provider, write_secrets

pytest.importorskip("authlib", reason='sign-in needs Authlib: pip install "rillet[auth]"')
pytestmark = [pytest.mark.browser, *(pytest.mark.filterwarnings(f) for f in FILTERS)]

APP = """
import rillet as st

if st.user.is_logged_in:
    st.write(f"Hello {st.user.name}")
    st.write(f"Email: {st.user['email']}")
    st.button("Log out", on_click=st.logout)
else:
    st.write("Nobody signed in")
    st.button("Log in", on_click=st.login)
"""


@pytest.fixture(scope="module")
def provider() -> Iterator[Provider]:
    with running_provider() as running:
        yield running


def test_login_shows_the_claims_and_logout_forgets_them(
    provider: Provider, serve: Callable[..., ServedApp], page: Any
) -> None:
    app = serve(APP)
    write_secrets(app.script.parent, auth_secrets(app.url, provider))
    provider.set_user("ann", email="ann@example.com", name="Ann Lee")

    page.goto(app.url)
    page.get_by_text("Nobody signed in").wait_for()
    page.get_by_role("button", name="Log in").click()

    page.locator("input[name=sub]").fill("ann")
    page.get_by_role("button", name="Authorize").click()

    page.get_by_text("Hello Ann Lee").wait_for()
    page.get_by_text("Email: ann@example.com").wait_for()
    cookies = {c["name"]: c for c in page.context.cookies()}
    assert cookies["_rillet_user"]["httpOnly"] is True
    assert page.evaluate("document.cookie").find("_rillet_user") == -1

    page.get_by_role("button", name="Log out").click()
    page.get_by_role("button", name="End session").click()  # the provider's own logout
    page.get_by_text("Nobody signed in").wait_for()
    assert "_rillet_user" not in {c["name"] for c in page.context.cookies()}


def test_a_forged_callback_shows_an_error_page_then_the_app_logged_out(
    provider: Provider, serve: Callable[..., ServedApp], page: Any
) -> None:
    app = serve(APP)
    write_secrets(app.script.parent, auth_secrets(app.url, provider))
    page.goto(f"{app.url}oauth2callback?code=stolen&state=guess")
    page.get_by_text("Sign-in failed").wait_for()
    page.get_by_role("link", name="Back to the app").click()
    page.get_by_text("Nobody signed in").wait_for()
