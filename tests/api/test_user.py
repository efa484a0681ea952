"""st.user, st.login and st.logout in AppTest: seeded users, config errors, the redirect."""

from __future__ import annotations

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.testing import AppTest

SHOW = """
import rillet as st
st.write(str(st.user.to_dict()))
st.write(str(st.user.get("email")))
st.write(str("email" in st.user))
"""

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "s3cret",
    "client_id": "app",
    "client_secret": "xyz",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


def _texts(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_apptest_user_starts_as_streamlits_test_user() -> None:
    at = AppTest.from_string(SHOW)
    at.run()
    assert _texts(at) == ["{'email': 'test@example.com'}", "test@example.com", "True"]


def test_apptest_user_can_be_set_and_reads_as_attributes_and_dict() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.write(str(st.user.is_logged_in))
        st.write(st.user.name)
        st.write(st.user["email"])
        st.write(", ".join(sorted(st.user.keys())))
        """
    )
    at.user = {"is_logged_in": True, "email": "ann@example.com", "name": "Ann"}
    at.run()
    assert _texts(at) == ["True", "Ann", "ann@example.com", "email, is_logged_in, name"]


def test_missing_claim_is_an_attribute_error_naming_it() -> None:
    at = AppTest.from_string("import rillet as st\nst.user.phone\n")
    at.run()
    assert at.exception[0].value == 'st.user has no attribute "phone".'


def test_st_user_is_read_only() -> None:
    at = AppTest.from_string('import rillet as st\nst.user.email = "x"\n')
    at.run()
    assert "cannot be modified" in at.exception[0].value


def test_logout_logs_the_user_out_for_the_rest_of_the_run_and_the_test() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.logout()\nst.write(str(st.user.is_logged_in))\n"
    )
    at.user = {"is_logged_in": True, "email": "ann@example.com"}
    urls = _recording(at)
    at.run()
    assert _texts(at) == ["False"]
    assert at.user == {"is_logged_in": False}
    assert urls == ["auth/logout"]


def _recording(at: AppTest) -> list[str]:
    """The URLs the page is told to open (the server's sign-in routes), as runs send them."""
    urls: list[str] = []
    outbox = at._session.outbox
    deliver = outbox._deliver
    assert deliver is not None

    def record(msgs: list[pb.ForwardMsg]) -> None:
        urls.extend(m.auth_redirect.url for m in msgs if m.WhichOneof("type") == "auth_redirect")
        deliver(msgs)

    outbox._deliver = record
    return urls


@pytest.mark.parametrize(
    ("auth", "provider", "named"),
    [
        (None, None, "[auth]"),
        ({"redirect_uri": "u"}, None, "cookie_secret"),
        ({"cookie_secret": "c"}, None, "redirect_uri"),
        ({**AUTH, "client_secret": ""}, None, "client_secret"),
        ({**AUTH, "server_metadata_url": ""}, None, "server_metadata_url"),
        (AUTH, "google", "[auth.google]"),
        (
            {**AUTH, "google": {"client_id": "g", "client_secret": "s"}},
            "google",
            "server_metadata_url",
        ),
    ],
)
def test_missing_or_incomplete_auth_names_the_key(
    auth: dict[str, object] | None, provider: str | None, named: str
) -> None:
    at = AppTest.from_string(f"import rillet as st\nst.login({provider!r})\n")
    if auth is not None:
        at.secrets["auth"] = auth
    at.run()
    assert named in at.exception[0].value


def test_login_sends_the_page_to_the_providers_login_route() -> None:
    at = AppTest.from_string('import rillet as st\nst.login("corp")\nst.write("after")\n')
    at.secrets["auth"] = {
        **AUTH,
        "corp": {k: AUTH[k] for k in ("client_id", "client_secret", "server_metadata_url")},
    }
    urls = _recording(at)
    at.run()
    assert not at.exception
    assert _texts(at) == ["after"]
    assert urls == ["auth/login?provider=corp"]


def test_auth_redirect_is_a_forward_message() -> None:
    msg = pb.ForwardMsg()
    msg.auth_redirect.url = "auth/logout"
    assert msg.WhichOneof("type") == "auth_redirect"


def test_tokens_are_empty_unless_exposed() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.write(str(dict(st.user.tokens)))\nst.user.tokens.id\n"
    )
    at.user = {"is_logged_in": True, "email": "a@b.c"}
    at.run()
    assert _texts(at) == ["{}"]
    assert at.exception[0].value == 'Token "id" is not exposed or does not exist.'


def test_expose_tokens_accepts_only_id_and_access() -> None:
    from rillet.auth.config import AuthConfigError, expose_tokens_of

    assert expose_tokens_of({"auth": {"expose_tokens": ["id", "access"]}}) == ["id", "access"]
    with pytest.raises(AuthConfigError, match="expose_tokens"):
        expose_tokens_of({"auth": {"expose_tokens": ["refresh"]}})
