"""Pages, assets and health over real HTTP."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest


@pytest.fixture
def index_html(static_dir: Path) -> bytes:
    return (static_dir / "index.html").read_bytes()


@pytest.fixture
def app_js(static_dir: Path) -> bytes:
    return (static_dir / "assets" / "app-1a2b3c.js").read_bytes()


def test_health_answers_ok(serve) -> None:
    status, _, body = serve().get("/_rillet/health")
    assert (status, body) == (200, b"ok")


def test_root_serves_the_client_index_uncached(serve, index_html) -> None:
    status, headers, body = serve().get("/")
    assert status == 200
    assert body == index_html
    assert headers["Content-Type"].startswith("text/html")
    assert headers["Cache-Control"] == "no-cache"


def test_page_paths_fall_back_to_the_index(serve, index_html) -> None:
    running = serve()
    for path in ("/settings", "/page_two?x=1"):
        status, _, body = running.get(path)
        assert (status, body) == (200, index_html), path


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ("/settings/", "/settings"),  # the client's ./static/ files would be looked for below it
        ("/settings/?x=1", "/settings?x=1"),
        ("/reports/2024", "/"),  # no page is two segments deep
        ("/reports/2024?x=1", "/?x=1"),
    ],
)
def test_deeper_page_paths_redirect_to_one_the_client_can_load(serve, path, target) -> None:
    status, headers, _ = serve().get(path)
    assert (status, headers["Location"]) == (302, target)


def test_index_is_sent_precompressed_when_accepted(serve, index_html) -> None:
    status, headers, body = serve().get("/", **{"Accept-Encoding": "gzip, deflate"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == index_html
    assert headers["Cache-Control"] == "no-cache"


def test_unhashed_build_file_is_revalidated(serve) -> None:
    status, headers, body = serve().get("/static/robots.txt")
    assert (status, body) == (200, b"User-agent: *\n")
    assert headers["Cache-Control"] == "no-cache"
    assert headers["Content-Type"] == "text/plain; charset=utf-8"


def test_hashed_asset_is_sent_precompressed_and_cached_for_a_year(serve, app_js) -> None:
    status, headers, body = serve().get(
        "/static/assets/app-1a2b3c.js", **{"Accept-Encoding": "gzip"}
    )
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Vary"] == "Accept-Encoding"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert "javascript" in headers["Content-Type"]
    assert gzip.decompress(body) == app_js


def test_hashed_asset_is_sent_plain_without_gzip(serve, app_js) -> None:
    status, headers, body = serve().get(
        "/static/assets/app-1a2b3c.js", **{"Accept-Encoding": "identity"}
    )
    assert status == 200
    assert "Content-Encoding" not in headers
    assert headers["Vary"] == "Accept-Encoding"
    assert body == app_js


def test_asset_without_gz_sibling_has_no_vary(serve) -> None:
    status, headers, body = serve().get(
        "/static/assets/font-9f8e.woff2", **{"Accept-Encoding": "gzip"}
    )
    assert (status, body) == (200, b"wOF2")
    assert "Content-Encoding" not in headers and "Vary" not in headers


def test_missing_asset_is_404_not_the_index(serve) -> None:
    running = serve()
    assert running.get("/static/assets/nope.js")[0] == 404
    assert running.get("/static/assets/app-1a2b3c.js.gz")[0] == 404
    assert running.get("/static/../index.html")[0] in (403, 404)
    assert running.get("/static/%2e%2e/%2e%2e/app/app.py")[0] == 404


def test_unknown_rillet_endpoint_is_404(serve) -> None:
    status, _, body = serve().get("/_rillet/nope")
    assert status == 404
    assert b"no such rillet endpoint" in body


def test_app_static_is_off_by_default(serve, tmp_path: Path) -> None:
    (tmp_path / "app" / "static").mkdir()
    (tmp_path / "app" / "static" / "data.csv").write_text("a,b\n")
    status, headers, body = serve().get("/app/static/data.csv")
    assert (status, headers["Location"]) == (302, "/")  # just a URL no page has
    assert b"a,b" not in body


def test_app_static_serves_the_apps_folder_when_enabled(serve, tmp_path: Path) -> None:
    (tmp_path / "app" / "static").mkdir()
    (tmp_path / "app" / "static" / "data.csv").write_text("a,b\n")
    running = serve({"server.enableStaticServing": True})
    status, headers, body = running.get("/app/static/data.csv")
    assert (status, body) == (200, b"a,b\n")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert running.get("/app/static/../app.py")[0] in (403, 404)
    assert running.get("/app/static/%2e%2e/app.py")[0] in (403, 404)
    assert running.get("/app/static/missing.txt")[0] == 404


def test_unbuilt_client_says_so(serve, static_dir: Path) -> None:
    (static_dir / "index.html").unlink()
    status, _, _ = serve().get("/")
    assert status == 503
