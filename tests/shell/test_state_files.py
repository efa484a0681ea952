"""The shell's small files: remembered window geometry and the one-instance handshake."""

from __future__ import annotations

import json
import os
import socket
import threading
from pathlib import Path

import pytest

from rillet_shell.geometry import Geometry, GeometryStore, app_key
from rillet_shell.instance import SingleInstance


def test_geometry_round_trips_per_app_and_keeps_other_apps(tmp_path: Path) -> None:
    store = GeometryStore(tmp_path / "windows.json")
    store.save("a", Geometry(900, 700, 10, 20))
    store.save("b", Geometry(640, 480, maximized=True))
    assert store.load("a") == Geometry(900, 700, 10, 20)
    assert store.load("b") == Geometry(640, 480, None, None, True)
    assert store.load("c") is None
    assert [p.name for p in tmp_path.iterdir()] == ["windows.json"]  # no temp file left


def test_an_unreadable_geometry_file_is_treated_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "windows.json"
    path.write_text("{not json")
    store = GeometryStore(path)
    assert store.load("a") is None
    store.save("a", Geometry(800, 600))
    assert json.loads(path.read_text())["a"]["width"] == 800


def test_unusable_geometry_entries_are_ignored() -> None:
    assert Geometry.from_json({"width": 50, "height": 600}) is None
    assert Geometry.from_json({"width": "800", "height": 600}) is None
    assert Geometry.from_json([800, 600]) is None
    assert Geometry.from_json({"width": 800, "height": 600, "x": "left"}) == Geometry(800, 600)


def test_the_app_key_is_the_scripts_absolute_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert app_key(Path("app.py")) == app_key(tmp_path / "app.py")
    assert app_key(tmp_path / "app.py") != app_key(tmp_path / "other.py")


def test_the_second_instance_hands_over_its_arguments(tmp_path: Path) -> None:
    received: list[list[str]] = []
    got = threading.Event()
    first = SingleInstance("k", tmp_path)

    def on_message(argv: list[str]) -> None:
        received.append(argv)
        got.set()

    assert first.claim([], on_message)
    try:
        assert not SingleInstance("k", tmp_path).claim(["data.csv"], lambda argv: None)
        assert got.wait(5)
        assert received == [["data.csv"]]
        assert oct((tmp_path / "k.json").stat().st_mode & 0o777) == "0o600"
    finally:
        first.close()
    assert not (tmp_path / "k.json").exists()


def test_a_handshake_with_a_wrong_secret_is_refused(tmp_path: Path) -> None:
    received: list[list[str]] = []
    first = SingleInstance("k", tmp_path)
    assert first.claim([], received.append)
    try:
        port = json.loads((tmp_path / "k.json").read_text())["port"]
        with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
            conn.sendall(json.dumps({"secret": "guess", "argv": ["x"]}).encode() + b"\n")
            assert conn.makefile("rb").readline() == b""
    finally:
        first.close()
    assert received == []


def test_a_closed_instance_is_taken_over(tmp_path: Path) -> None:
    first = SingleInstance("k", tmp_path)
    assert first.claim([], lambda argv: None)
    stale = (tmp_path / "k.json").read_text()
    first.close()
    (tmp_path / "k.json").write_text(stale)  # as if the first one had crashed
    second = SingleInstance("k", tmp_path)
    try:
        assert second.claim([], lambda argv: None)
        assert json.loads((tmp_path / "k.json").read_text())["pid"] == os.getpid()
        assert (tmp_path / "k.json").read_text() != stale
    finally:
        second.close()


def test_apps_do_not_share_an_instance(tmp_path: Path) -> None:
    one, two = SingleInstance("one", tmp_path), SingleInstance("two", tmp_path)
    try:
        assert one.claim([], lambda argv: None)
        assert two.claim([], lambda argv: None)
    finally:
        one.close()
        two.close()


def test_a_packed_app_is_keyed_by_its_executable_not_its_unpacked_script(tmp_path: Path) -> None:
    exe = str(tmp_path / "dist" / "counter")
    first = app_key(tmp_path / "_MEI1111" / "app.py", frozen_executable=exe)
    second = app_key(tmp_path / "_MEI2222" / "app.py", frozen_executable=exe)

    assert first == second
    assert first != app_key(tmp_path / "_MEI1111" / "app.py")
