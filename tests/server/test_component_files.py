"""``/component/<name>/...``: a declared component's folder, and nothing outside it."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from rillet.components.registry import DeclaredComponent, registry

TOKEN = "s3cret-launch-token"
SCRIPT = b"console.log('component');\n" * 200


@pytest.fixture
def component(tmp_path: Path) -> str:
    """A declared component folder, with a secret file beside it and a symlink out."""
    folder = tmp_path / "pkg" / "frontend"
    (folder / "static" / "js").mkdir(parents=True)
    (folder / "index.html").write_text(
        "<!doctype html><script src='./static/js/main.1a2b3c4d.js'></script>"
    )
    (folder / "static" / "js" / "main.1a2b3c4d.js").write_bytes(SCRIPT)
    (folder / "module.mjs").write_text("export default 1;")
    (folder / "font.woff2").write_bytes(b"wOF2")
    (tmp_path / "pkg" / "secret.txt").write_text("not for the web")
    os.symlink(tmp_path / "pkg" / "secret.txt", folder / "leak.txt")
    name = f"test_pkg_{tmp_path.name}.grid"
    registry().add(DeclaredComponent(name, path=folder.resolve()))
    return name


def test_component_files_are_served_with_their_types_and_caching(serve, component) -> None:
    running = serve()
    status, headers, body = running.get(f"/component/{component}/index.html")
    assert status == 200 and b"main.1a2b3c4d.js" in body
    assert headers["Content-Type"].startswith("text/html")
    assert headers["Cache-Control"] == "no-cache"
    status, headers, body = running.get(f"/component/{component}/static/js/main.1a2b3c4d.js")
    assert status == 200 and body == SCRIPT
    assert headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert headers["Cache-Control"] == "public, max-age=86400"  # a hashed name never changes
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert running.get(f"/component/{component}/module.mjs")[1]["Content-Type"].startswith(
        "text/javascript"
    )
    assert running.get(f"/component/{component}/font.woff2")[1]["Content-Type"] == "font/woff2"


def test_component_files_are_gzipped_and_revalidated_by_etag(serve, component) -> None:
    running = serve()
    path = f"/component/{component}/static/js/main.1a2b3c4d.js"
    status, headers, body = running.get(path, **{"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == SCRIPT
    etag = headers["Etag"]
    status, _, body = running.get(path, **{"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert status == 304 and body == b""


@pytest.mark.parametrize(
    "relative",
    [
        "../secret.txt",
        "%2e%2e/secret.txt",
        "static/../../secret.txt",
        "leak.txt",  # a symlink leading out of the folder
        "/etc/passwd",
        "%2Fetc%2Fpasswd",
        "nothing-here.js",
    ],
)
def test_paths_outside_the_declared_folder_are_404(serve, component, relative: str) -> None:
    status, _, body = serve().get(f"/component/{component}/{relative}")
    assert status == 404
    assert b"not for the web" not in body and b"root:" not in body


def test_an_undeclared_component_is_404(serve) -> None:
    status, _, body = serve().get("/component/nobody.declared/index.html")
    assert status == 404 and b"nobody.declared" in body


def test_component_files_follow_the_base_url_path(serve, component) -> None:
    running = serve({"server.baseUrlPath": "apps/demo"})
    assert running.get(f"/apps/demo/component/{component}/index.html")[0] == 200
    assert running.get(f"/component/{component}/index.html")[0] != 200


def test_desktop_component_files_need_the_launch_token(serve, component) -> None:
    running = serve(desktop_token=TOKEN)
    path = f"/component/{component}/index.html"
    status, _, body = running.get(path)  # another process on the machine
    assert status == 403 and b"desktop token" in body
    assert running.get(path, Cookie="rillet_token=guess")[0] == 403
    assert running.get(path, Cookie=f"rillet_token={TOKEN}")[0] == 200


def test_desktop_component_frames_reach_their_files_with_the_frames_key_only(
    serve, component
) -> None:
    running = serve(desktop_token=TOKEN)
    status, headers, key = running.get("/_rillet/component-key", Cookie=f"rillet_token={TOKEN}")
    assert status == 200 and headers["Cache-Control"] == "no-store"
    assert running.get("/_rillet/component-key")[0] == 403  # only the window may ask
    key_text = key.decode()
    assert TOKEN not in key_text and len(key_text) == 32
    # A frame without same-origin rights sends no cookie: the key in its path lets it in...
    status, _, body = running.get(f"/component/~{key_text}/{component}/index.html")
    assert status == 200 and b"main.1a2b3c4d.js" in body
    # ...for component files only, by GET, and with the right key and host.
    assert running.get(f"/component/~{'0' * 32}/{component}/index.html")[0] == 403
    assert running.get(f"/component/~{key_text}/../_rillet/health")[0] == 403
    assert running.get(f"/component/~{key_text}/{component}")[0] == 403  # not a file path
    assert running.request("POST", f"/component/~{key_text}/{component}/index.html")[0] == 403
    assert (
        running.get(f"/component/~{key_text}/{component}/index.html", Host="evil.example:80")[0]
        == 403
    )


def test_a_browser_app_has_no_component_key_endpoint(serve) -> None:
    assert serve().get("/_rillet/component-key")[0] == 404
