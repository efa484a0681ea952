"""st.context: the user viewing the session, from the connection and the browser."""

from __future__ import annotations

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.client import ClientInfo
from rillet.testing import AppTest

SHOW = """
import rillet as st
c = st.context
st.write(repr((c.headers.get("accept-language"), c.headers.get_all("X-Tag"), dict(c.cookies))))
st.write(repr((c.ip_address, c.locale, c.timezone, c.timezone_offset, c.url, c.theme.type, c.is_embedded)))
"""


def test_in_a_test_the_context_is_empty_as_in_streamlits_apptest() -> None:
    at = AppTest.from_string(SHOW).run()
    assert at.markdown.values == ["(None, [], {})", "(None, None, None, None, None, None, None)"]


def test_the_connection_and_the_browser_fill_it_in() -> None:
    at = AppTest.from_string(SHOW)
    session = at._session
    session.client = ClientInfo.from_request(
        [("Accept-Language", "de-DE"), ("X-Tag", "a"), ("x-tag", "b")],
        {"theme": "dark"},
        "10.1.2.3",
    )
    browser = pb.ClientContext(
        locale="de-DE",
        timezone="Europe/Berlin",
        timezone_offset=-60,
        url="http://example.com/app",
        theme="dark",
    )
    session.handle_back_msg(pb.BackMsg(rerun=pb.RerunRequest(context=browser)).SerializeToString())
    assert session.runner.wait_idle(5)
    at._absorb()
    assert at.markdown.values == [
        "('de-DE', ['a', 'b'], {'theme': 'dark'})",
        "('10.1.2.3', 'de-DE', 'Europe/Berlin', -60, 'http://example.com/app', 'dark', False)",
    ]
