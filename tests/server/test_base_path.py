"""server.baseUrlPath: the whole app below a prefix, as behind a reverse proxy."""

from __future__ import annotations

import pytest

from rillet.runtime.config import Config
from rillet_server import Server
from rillet_server.options import base_path_of


def test_every_route_moves_below_the_base_path(serve, static_dir) -> None:
    running = serve({"server.baseUrlPath": "/apps/demo/"})
    index = (static_dir / "index.html").read_bytes()

    assert running.get("/apps/demo/_rillet/health")[::2] == (200, b"ok")
    assert running.get("/apps/demo/")[::2] == (200, index)
    assert running.get("/apps/demo/settings")[::2] == (200, index)
    assert running.get("/apps/demo/static/robots.txt")[::2] == (200, b"User-agent: *\n")
    assert running.get("/apps/demo/_rillet/nope")[0] == 404
    for outside in ("/", "/_rillet/health", "/static/robots.txt", "/apps/other/"):
        assert running.get(outside)[0] == 404, outside


def test_the_base_path_without_its_slash_redirects_with_the_query(serve) -> None:
    running = serve({"server.baseUrlPath": "apps/demo"})

    status, headers, _ = running.get("/apps/demo?x=1")
    assert (status, headers["Location"]) == (302, "/apps/demo/?x=1")
    status, headers, _ = running.get("/apps/demo/settings/")
    assert (status, headers["Location"]) == (302, "/apps/demo/settings")


def test_a_desktop_window_is_served_at_the_root(serve) -> None:
    running = serve({"server.baseUrlPath": "apps/demo"}, desktop_token="t0ken")

    status, _, body = running.get("/_rillet/health", Cookie="rillet_token=t0ken")
    assert (status, body) == (200, b"ok")


@pytest.mark.parametrize(
    ("given", "prefix"),
    [("", ""), ("/", ""), ("apps/demo", "/apps/demo"), ("//apps//demo/", "/apps/demo")],
)
def test_slashes_are_normalised(given: str, prefix: str) -> None:
    assert base_path_of(given) == prefix


@pytest.mark.parametrize("bad", ["my app", "a?b=1", "a#top", "..", "apps/../etc", "a\\b"])
def test_a_base_path_that_is_not_a_url_path_is_refused_by_name(runtime, bad: str) -> None:
    config = Config.from_flags({"server.baseUrlPath": bad, "server.port": 0})
    with pytest.raises(ValueError) as caught:
        Server(runtime, config)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "server.baseUrlPath" in message
    assert repr(bad) in message
    assert "e.g. 'apps/demo'" in message
