"""/media/<id>: whole files, ranges, caching."""

from __future__ import annotations

import threading
import time

import pytest

from rillet_server.media import UnsatisfiableRange, parse_range

DATA = bytes(range(256)) * 4  # 1024 bytes


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", None),
        ("bytes=0-99", (0, 99)),
        ("bytes=1000-", (1000, 1023)),
        ("bytes=-24", (1000, 1023)),
        ("bytes=-5000", (0, 1023)),
        ("bytes=10-99999", (10, 1023)),
        ("bytes=0-1,5-6", None),  # several ranges: send the whole file
        ("items=0-1", None),
        ("bytes=9-3", None),
    ],
)
def test_parse_range(header: str, expected: tuple[int, int] | None) -> None:
    assert parse_range(header, 1024) == expected


@pytest.mark.parametrize("header", ["bytes=1024-", "bytes=5000-6000", "bytes=-0"])
def test_parse_range_outside_the_file(header: str) -> None:
    with pytest.raises(UnsatisfiableRange):
        parse_range(header, 1024)


def test_media_whole_file(serve) -> None:
    running = serve()
    file_id = running.runtime.media.add(DATA, "video/mp4")
    status, headers, body = running.get(f"/media/{file_id}")
    assert status == 200
    assert body == DATA
    assert headers["Content-Type"] == "video/mp4"
    assert headers["Content-Length"] == "1024"
    assert headers["Accept-Ranges"] == "bytes"
    assert headers["ETag"] == f'"{file_id}"'
    assert "max-age=31536000" in headers["Cache-Control"]


def test_media_range_is_206(serve) -> None:
    running = serve()
    file_id = running.runtime.media.add(DATA, "audio/wav")
    status, headers, body = running.get(f"/media/{file_id}", Range="bytes=100-199")
    assert status == 206
    assert body == DATA[100:200]
    assert headers["Content-Range"] == "bytes 100-199/1024"
    assert headers["Content-Length"] == "100"


def test_media_bad_range_is_416(serve) -> None:
    running = serve()
    file_id = running.runtime.media.add(DATA, "audio/wav")
    status, headers, _ = running.get(f"/media/{file_id}", Range="bytes=2000-")
    assert status == 416
    assert headers["Content-Range"] == "bytes */1024"


def test_media_unknown_id_is_404(serve) -> None:
    assert serve().get("/media/0123456789abcdef.png")[0] == 404


def test_media_revalidation_is_304(serve) -> None:
    running = serve()
    file_id = running.runtime.media.add(DATA, "image/png")
    status, _, body = running.get(f"/media/{file_id}", **{"If-None-Match": f'"{file_id}"'})
    assert (status, body) == (304, b"")


def test_media_download_names_the_file(serve) -> None:
    running = serve()
    file_id = running.runtime.media.add(b"a,b\n", "text/csv", "résumé data.csv")
    _, headers, _ = running.get(f"/media/{file_id}")
    assert headers["Content-Disposition"] == (
        "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9%20data.csv"
    )


def test_a_slow_media_store_does_not_hold_up_other_requests(serve, monkeypatch) -> None:
    # A shared store (Redis) is a network round trip away: the IOLoop must not wait on it.
    running = serve()
    file_id = running.runtime.media.add(DATA, "video/mp4")
    fetching = threading.Event()
    release = threading.Event()
    original = running.runtime.media.info

    def slow_info(wanted: str):
        fetching.set()
        release.wait(5)
        return original(wanted)

    monkeypatch.setattr(running.runtime.media, "info", slow_info)
    answers: list[int] = []
    media = threading.Thread(target=lambda: answers.append(running.get(f"/media/{file_id}")[0]))
    media.start()
    assert fetching.wait(5)
    started = time.monotonic()
    assert running.get("/_rillet/health")[0] == 200  # answered while the store still works
    assert time.monotonic() - started < 1
    release.set()
    media.join(5)
    assert answers == [200]


def test_a_range_reads_only_that_range_from_the_store(serve, monkeypatch) -> None:
    # A shared store sends what is asked: a video's many ranges never fetch the whole file.
    running = serve()
    file_id = running.runtime.media.add(DATA, "video/mp4")
    reads: list[tuple[int, int]] = []
    original = running.runtime.media.read

    def spy(wanted: str, first: int, last: int) -> bytes | None:
        reads.append((first, last))
        return original(wanted, first, last)

    monkeypatch.setattr(running.runtime.media, "read", spy)
    monkeypatch.setattr(running.runtime.media, "get", None)  # never the whole file

    status, _, body = running.get(f"/media/{file_id}", Range="bytes=-24")
    assert (status, body) == (206, DATA[1000:])
    assert running.get(f"/media/{file_id}")[::2] == (200, DATA)
    assert reads == [(1000, 1023), (0, 1023)]


def test_head_gives_the_length_and_reads_no_bytes(serve, monkeypatch) -> None:
    running = serve()
    file_id = running.runtime.media.add(DATA, "video/mp4")
    monkeypatch.setattr(running.runtime.media, "read", None)
    for headers, length in (({}, "1024"), ({"Range": "bytes=0-99"}, "100")):
        status, answer, body = running.request("HEAD", f"/media/{file_id}", headers=headers)
        assert (status in (200, 206), answer["Content-Length"], body) == (True, length, b"")


def test_a_file_released_between_its_info_and_its_bytes_is_404(serve, monkeypatch) -> None:
    running = serve()
    file_id = running.runtime.media.add(DATA, "video/mp4")
    monkeypatch.setattr(running.runtime.media, "read", lambda *args: None)
    assert running.get(f"/media/{file_id}")[0] == 404
