"""Media and upload storage: one contract for the in-memory and the Redis stores, and Redis's own.

The contract tests run against both implementations. The Redis ones run
against a private ``redis-server`` started once for this module; they skip
only when ``redis-server`` is not installed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rillet.cli import CliError, load_config, make_storage
from rillet.runtime.media import InMemoryMediaStorage, media_id
from rillet.runtime.redis_storage import (
    RedisMediaStorage,
    RedisUnavailable,
    RedisUploadStorage,
    open_redis,
    redact_url,
    redis_storage,
)
from rillet.runtime.uploads import InMemoryUploadStorage

TTL = 0.6  # short, so expiry is observable; the heartbeat refreshes every TTL / 4
PNG = b"\x89PNG\r\n\x1a\n" + b"pixels" * 100


# -- a private Redis ----------------------------------------------------------


@pytest.fixture
def redis_client(redis_url: str) -> Iterator[Any]:
    client = open_redis(redis_url)
    client.flushdb()
    yield client
    client.close()


@pytest.fixture
def closing() -> Iterator[Callable[[Any], Any]]:
    """Register a Redis storage to stop its heartbeat thread after the test."""
    opened: list[Any] = []

    def track(storage: Any) -> Any:
        opened.append(storage)
        return storage

    yield track
    for storage in opened:
        storage.close()


@pytest.fixture(params=["memory", "redis"])
def media(request: pytest.FixtureRequest, closing: Callable[[Any], Any]) -> Any:
    if request.param == "memory":
        return InMemoryMediaStorage()
    client = request.getfixturevalue("redis_client")
    return closing(RedisMediaStorage(client, ttl_seconds=TTL))


@pytest.fixture(params=["memory", "redis"])
def uploads(request: pytest.FixtureRequest, closing: Callable[[Any], Any]) -> Any:
    if request.param == "memory":
        return InMemoryUploadStorage()
    client = request.getfixturevalue("redis_client")
    return closing(RedisUploadStorage(client, ttl_seconds=TTL))


def _outlive_ttl(storage: Any) -> None:
    """Wait until whatever nothing refreshed would have expired (no wait in memory)."""
    if isinstance(storage, (RedisMediaStorage, RedisUploadStorage)):
        time.sleep(2.5 * TTL)


def _eventually(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


# -- the media contract -------------------------------------------------------


def test_media_id_is_a_content_hash_with_an_extension(media: Any) -> None:
    file_id = media.add(PNG, "image/png")
    assert file_id == media_id(PNG, "image/png")
    assert file_id.endswith(".png")
    assert media.add(PNG, "image/png") == file_id
    assert media.add(PNG, "application/octet-stream") != file_id
    assert media.add(PNG + b"!", "image/png") != file_id


def test_media_get_returns_bytes_type_and_file_name(media: Any) -> None:
    plain = media.add(PNG, "image/png")
    named = media.add(b"a,b\n1,2\n", "text/csv", "naïve data.csv")
    media.retain("s1", {plain, named})
    got = media.get(plain)
    assert (got.data, got.mimetype, got.filename) == (PNG, "image/png", None)
    got = media.get(named)
    assert (got.data, got.mimetype, got.filename) == (b"a,b\n1,2\n", "text/csv", "naïve data.csv")


def test_media_info_and_ranges_without_the_whole_file(media: Any) -> None:
    data = bytes(range(256)) * 4
    file_id = media.add(data, "video/mp4", "clip.mp4")
    media.retain("s1", {file_id})
    info = media.info(file_id)
    assert (info.size, info.mimetype, info.filename) == (1024, "video/mp4", "clip.mp4")
    assert media.read(file_id, 100, 199) == data[100:200]
    assert media.read(file_id, 1000, 1023) == data[1000:]
    assert media.read(file_id, 0, 1023) == data
    assert media.info("0" * 32 + ".mp4") is None
    assert media.read("0" * 32 + ".mp4", 0, 9) is None


def test_media_an_empty_file_has_size_zero(media: Any) -> None:
    file_id = media.add(b"", "text/plain")
    media.retain("s1", {file_id})
    assert media.info(file_id).size == 0
    assert media.read(file_id, 0, -1) == b""


def test_media_get_of_an_unknown_id_is_none(media: Any) -> None:
    assert media.get("0" * 32 + ".png") is None


def test_media_the_same_bytes_again_keep_the_first_file_name(media: Any) -> None:
    first = media.add(b"report", "text/plain", "first.txt")
    assert media.add(b"report", "text/plain", "second.txt") == first
    media.retain("s1", {first})
    assert media.get(first).filename == "first.txt"


def test_media_shown_by_another_owner_survives_a_release(media: Any) -> None:
    file_id = media.add(PNG, "image/png")
    media.retain("s1", {file_id})
    media.retain("s2", {file_id})
    media.retain("s2", set())
    _outlive_ttl(media)
    assert media.get(file_id) is not None


def test_media_no_owner_shows_any_more_is_released(media: Any) -> None:
    kept = media.add(b"kept", "text/plain")
    dropped = media.add(b"dropped", "text/plain")
    media.retain("s1", {kept, dropped})
    media.retain("s1", {kept})
    assert _eventually(lambda: media.get(dropped) is None)
    assert media.get(kept) is not None


def test_media_released_when_its_owner_closes(media: Any) -> None:
    file_id = media.add(PNG, "image/png")
    media.retain("s1", {file_id})
    media.retain("s1", set())
    assert _eventually(lambda: media.get(file_id) is None)


def test_media_added_by_a_running_session_survives_another_sessions_finish(
    media: Any,
) -> None:
    file_id = media.add(PNG, "image/png")  # s1's run is still going: not retained yet
    media.retain("s2", set())  # s2's run finishes
    _outlive_ttl(media)
    assert media.get(file_id) is not None


# -- the upload contract ------------------------------------------------------


def test_upload_add_then_get(uploads: Any) -> None:
    uploads.add("s1", "f1", "naïve data.csv", "text/csv", b"x,y\n1,2\n")
    record = uploads.get("s1", "f1")
    assert (record.file_id, record.name, record.type, record.data) == (
        "f1",
        "naïve data.csv",
        "text/csv",
        b"x,y\n1,2\n",
    )


def test_upload_get_of_unknown_file_or_session_is_none(uploads: Any) -> None:
    uploads.add("s1", "f1", "a.txt", "text/plain", b"a")
    assert uploads.get("s1", "f2") is None
    assert uploads.get("s2", "f1") is None


def test_upload_same_file_id_in_two_sessions_are_two_files(uploads: Any) -> None:
    uploads.add("s1", "f1", "a.txt", "text/plain", b"from s1")
    uploads.add("s2", "f1", "b.txt", "text/plain", b"from s2")
    assert uploads.get("s1", "f1").data == b"from s1"
    assert uploads.get("s2", "f1").data == b"from s2"


def test_upload_add_again_replaces_the_file(uploads: Any) -> None:
    uploads.add("s1", "f1", "a.txt", "text/plain", b"old")
    uploads.add("s1", "f1", "a2.txt", "text/markdown", b"new")
    record = uploads.get("s1", "f1")
    assert (record.name, record.type, record.data) == ("a2.txt", "text/markdown", b"new")


def test_upload_remove_says_whether_it_was_there(uploads: Any) -> None:
    uploads.add("s1", "f1", "a.txt", "text/plain", b"a")
    uploads.add("s1", "f2", "b.txt", "text/plain", b"b")
    assert uploads.remove("s1", "f1") is True
    assert uploads.get("s1", "f1") is None
    assert uploads.remove("s1", "f1") is False
    assert uploads.get("s1", "f2") is not None


def test_upload_clear_forgets_one_sessions_files_only(uploads: Any) -> None:
    uploads.add("s1", "f1", "a.txt", "text/plain", b"a")
    uploads.add("s1", "f2", "b.txt", "text/plain", b"b")
    uploads.add("s2", "f1", "c.txt", "text/plain", b"c")
    uploads.clear("s1")
    assert uploads.get("s1", "f1") is None and uploads.get("s1", "f2") is None
    assert uploads.get("s2", "f1") is not None


def test_upload_sessions_are_known_from_register_until_clear(uploads: Any) -> None:
    assert uploads.has_session("s1") is False
    uploads.register_session("s1")
    assert uploads.has_session("s1") is True
    assert uploads.has_session("s2") is False
    uploads.clear("s1")
    assert uploads.has_session("s1") is False


def test_upload_of_a_registered_session_stays_while_it_lives(uploads: Any) -> None:
    uploads.register_session("s1")
    uploads.add("s1", "f1", "a.txt", "text/plain", b"a")
    _outlive_ttl(uploads)
    assert uploads.has_session("s1")
    assert uploads.get("s1", "f1") is not None


# -- Redis: replicas, expiry, keys -------------------------------------------


def test_redis_media_written_by_one_replica_is_read_by_another(
    redis_url: str, closing: Callable[[Any], Any]
) -> None:
    a = closing(RedisMediaStorage(open_redis(redis_url), ttl_seconds=TTL))
    b = closing(RedisMediaStorage(open_redis(redis_url), ttl_seconds=TTL))
    file_id = a.add(PNG, "image/png", "chart.png")
    a.retain("sa", {file_id})
    got = b.get(file_id)
    assert got is not None and (got.data, got.filename) == (PNG, "chart.png")


def test_redis_media_one_replica_still_shows_outlives_the_others_release(
    redis_url: str, closing: Callable[[Any], Any]
) -> None:
    a = closing(RedisMediaStorage(open_redis(redis_url), ttl_seconds=TTL))
    b = closing(RedisMediaStorage(open_redis(redis_url), ttl_seconds=TTL))
    file_id = a.add(PNG, "image/png")
    assert b.add(PNG, "image/png") == file_id
    a.retain("sa", {file_id})
    b.retain("sb", {file_id})
    b.retain("sb", set())
    _outlive_ttl(b)
    assert b.get(file_id) is not None


def test_redis_media_of_a_replica_that_died_expires(
    redis_client: Any, closing: Callable[[Any], Any]
) -> None:
    dead = RedisMediaStorage(redis_client, ttl_seconds=TTL)
    file_id = dead.add(PNG, "image/png")
    dead.retain("s1", {file_id})
    dead.close()  # no more heartbeats, and nobody released anything
    assert _eventually(lambda: dead.get(file_id) is None)


def test_redis_upload_to_another_replica_reaches_the_sessions_replica(
    redis_url: str, closing: Callable[[Any], Any]
) -> None:
    a = closing(RedisUploadStorage(open_redis(redis_url), ttl_seconds=TTL))
    b = closing(RedisUploadStorage(open_redis(redis_url), ttl_seconds=TTL))
    a.register_session("s1")
    assert b.has_session("s1")
    b.add("s1", "f1", "a.csv", "text/csv", b"x,y")
    _outlive_ttl(a)  # kept alive by a's heartbeat, not b's
    record = a.get("s1", "f1")
    assert record is not None and record.data == b"x,y"
    a.clear("s1")
    assert not b.has_session("s1") and b.get("s1", "f1") is None


def test_redis_sessions_and_uploads_of_a_replica_that_died_expire(
    redis_client: Any, closing: Callable[[Any], Any]
) -> None:
    dead = RedisUploadStorage(redis_client, ttl_seconds=TTL)
    dead.register_session("s1")
    dead.add("s1", "f1", "a.txt", "text/plain", b"a")
    dead.close()
    assert _eventually(lambda: not dead.has_session("s1"))
    # The uploads were refreshed a moment after the session key: they go a moment later.
    assert _eventually(lambda: dead.get("s1", "f1") is None)
    assert _eventually(lambda: redis_client.keys("*") == [])


def test_redis_upload_of_a_session_that_never_registered_expires(
    redis_client: Any, closing: Callable[[Any], Any]
) -> None:
    uploads = closing(RedisUploadStorage(redis_client, ttl_seconds=TTL))
    uploads.add("gone", "f1", "a.txt", "text/plain", b"a")
    assert _eventually(lambda: uploads.get("gone", "f1") is None)


def test_redis_session_lost_while_redis_was_away_comes_back_on_the_next_beat(
    redis_client: Any, closing: Callable[[Any], Any]
) -> None:
    uploads = closing(RedisUploadStorage(redis_client, ttl_seconds=TTL))
    uploads.register_session("s1")
    redis_client.flushdb()
    assert _eventually(lambda: uploads.has_session("s1"))


def test_redis_keys_carry_the_prefix_so_apps_can_share_a_database(
    redis_client: Any, closing: Callable[[Any], Any]
) -> None:
    one = closing(RedisMediaStorage(redis_client, prefix="one", ttl_seconds=TTL))
    two = closing(RedisMediaStorage(redis_client, prefix="two", ttl_seconds=TTL))
    file_id = one.add(PNG, "image/png")
    assert two.get(file_id) is None
    up = closing(RedisUploadStorage(redis_client, prefix="one", ttl_seconds=TTL))
    up.register_session("s1")
    up.add("s1", "f1", "a", "text/plain", b"a")
    keys = sorted(k.decode() for k in redis_client.keys("*"))
    # The process's marker (it tells a Redis that restarted empty) carries it too.
    assert [k for k in keys if k.startswith("one:replica:")] == [keys[2]]
    assert keys[:2] + keys[3:] == [
        f"one:media:{file_id}",
        f"one:media:{file_id}:data",
        "one:session:s1",
        "one:uploads:s1",
    ]


def test_redis_stores_a_large_file_whole(redis_client: Any, closing: Callable[[Any], Any]) -> None:
    data = bytes(range(256)) * (40 * 1024)  # 10 MB
    media = closing(RedisMediaStorage(redis_client, ttl_seconds=60))
    file_id = media.add(data, "video/mp4")
    got = media.get(file_id)
    assert got is not None and got.data == data
    uploads = closing(RedisUploadStorage(redis_client, ttl_seconds=60))
    uploads.add("s1", "big", "big.bin", "application/octet-stream", data)
    record = uploads.get("s1", "big")
    assert record is not None and record.data == data


def test_redis_storage_ttls_must_be_positive(redis_client: Any) -> None:
    with pytest.raises(ValueError, match="ttl_seconds must be positive, not 0"):
        RedisMediaStorage(redis_client, ttl_seconds=0)
    with pytest.raises(ValueError, match="ttl_seconds must be positive, not -1"):
        RedisUploadStorage(redis_client, ttl_seconds=-1)


# -- choosing the backend, and its errors -------------------------------------


def test_redact_url_hides_only_the_password() -> None:
    assert redact_url("redis://app:s3cret@cache:6379/0") == "redis://app:***@cache:6379/0"
    assert redact_url("rediss://:s3cret@cache/1") == "rediss://:***@cache/1"
    assert redact_url("redis://cache:6379/0") == "redis://cache:6379/0"


def test_open_redis_without_a_url_names_the_option() -> None:
    with pytest.raises(RedisUnavailable, match=r"storage\.redisUrl is not set"):
        open_redis(None)


def test_open_redis_without_the_package_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "redis", None)
    with pytest.raises(RedisUnavailable, match=r'pip install "rillet\[redis\]"'):
        open_redis("redis://localhost:6379/0")


def test_open_redis_unreachable_names_the_url_without_its_password(
    free_port: Callable[[], int],
) -> None:
    port = free_port()
    with pytest.raises(RedisUnavailable) as caught:
        open_redis(f"redis://app:s3cret@127.0.0.1:{port}/0")
    message = str(caught.value)
    assert message.startswith(f"cannot reach Redis at redis://app:***@127.0.0.1:{port}/0")
    assert "(storage.redisUrl)" in message
    assert "s3cret" not in message


def test_open_redis_with_a_bad_url_says_what_a_url_looks_like() -> None:
    with pytest.raises(RedisUnavailable, match=r"'http://cache' is not a Redis URL.*redis://"):
        open_redis("http://cache")


def test_make_storage_defaults_to_memory() -> None:
    media, uploads = make_storage(load_config([], {}))
    assert isinstance(media, InMemoryMediaStorage)
    assert isinstance(uploads, InMemoryUploadStorage)


def test_make_storage_redis_shares_one_store(redis_url: str) -> None:
    config = load_config([], {"storage.backend": "redis", "storage.redisUrl": redis_url})
    media, uploads = make_storage(config)
    try:
        assert isinstance(media, RedisMediaStorage)
        assert isinstance(uploads, RedisUploadStorage)
        other_media, other_uploads = redis_storage(redis_url)
        file_id = media.add(b"shared", "text/plain")
        assert other_media.get(file_id) is not None
        other_media.close()
        other_uploads.close()
    finally:
        media.close()
        uploads.close()


def test_make_storage_redis_unreachable_is_a_cli_error(free_port: Callable[[], int]) -> None:
    url = f"redis://127.0.0.1:{free_port()}/0"
    config = load_config([], {"storage.backend": "redis", "storage.redisUrl": url})
    with pytest.raises(CliError, match=r"cannot reach Redis at .*\(storage\.redisUrl\)") as caught:
        make_storage(config)
    assert caught.value.code == 1


def test_rillet_run_with_unreachable_redis_exits_before_serving(
    tmp_path: Path, free_port: Callable[[], int]
) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nst.write('hi')\n")
    url = f"redis://127.0.0.1:{free_port()}/0"
    done = subprocess.run(
        [
            *(sys.executable, "-m", "rillet.cli", "run", str(script)),
            *("--storage.backend=redis", f"--storage.redisUrl={url}"),
            *("--server.headless=true", "--server.port=0"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 1
    assert "rillet: error: cannot reach Redis at" in done.stderr
    assert "You can now view" not in done.stdout


def test_import_rillet_imports_neither_redis_nor_its_storage() -> None:
    code = (
        "import sys, rillet; "
        "print([m for m in ('redis', 'rillet.runtime.redis_storage') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
