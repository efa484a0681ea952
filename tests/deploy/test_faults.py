"""Faults against the real deployment: nginx, three ``rillet run`` replicas, Redis."""

from __future__ import annotations

import http.client
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import websockets.exceptions
from deployment_kit import BASE, PNG, ROOT, Client, Deployment, RedisProcess, http_get

from rillet.protocol import rillet_pb2 as pb

pytestmark = pytest.mark.deploy


def test_nginx_serves_the_page_and_proxies_the_websocket_under_the_base_path(
    deployment: Deployment,
) -> None:
    status, body = deployment.request("GET", "/")
    # The page itself needs the built client (npm run build): 503 without it.
    if (ROOT / "server" / "rillet_server" / "static" / "index.html").exists():
        assert status == 200 and b"<script" in body
    assert http_get(deployment.port, BASE) == 301
    client = deployment.connect()
    try:
        client.rerun()
        assert client.texts() == ["n=5"]
        slider = pb.WidgetState(
            id=client.widget_id("slider"), double_array_value=pb.DoubleArray(data=[42])
        )
        client.rerun(slider)
        assert client.texts() == ["n=42"]
    finally:
        client.close()


def _sessions(deployment: Deployment, count: int) -> list[Client]:
    clients = [deployment.connect() for _ in range(count)]
    for client in clients:
        client.rerun()
    return clients


def test_a_thousand_uploads_and_a_thousand_media_fetches_over_the_replicas_all_succeed(
    deployment: Deployment,
) -> None:
    # Six sessions: round-robin puts two on each replica.
    clients = _sessions(deployment, 6)
    try:
        # Media URLs are relative to the app's base URL, as the client resolves them.
        media = [BASE + client.found("imgs")[0].imgs.imgs[0].url for client in clients]
        assert all(url.startswith(f"{BASE}/media/") for url in media)

        def send(
            method: str, path: str, body: bytes | None, headers: dict[str, str]
        ) -> tuple[int, bytes]:
            # A connection per request, no client retries: every failure counts.
            conn = http.client.HTTPConnection("127.0.0.1", deployment.port, timeout=10)
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                return response.status, response.read()
            finally:
                conn.close()

        def upload(i: int) -> tuple[int, bytes]:
            session = clients[i % len(clients)].session_id
            headers = {"X-Rillet-Filename": f"f{i}.txt", "Content-Type": "text/plain"}
            return send(
                "PUT", f"{BASE}/_rillet/upload/{session}/f{i}", f"file {i}".encode(), headers
            )

        def fetch(i: int) -> tuple[int, bytes]:
            return send("GET", media[i % len(media)], None, {})

        with ThreadPoolExecutor(16) as pool:
            uploads = list(pool.map(upload, range(1000)))
            fetches = list(pool.map(fetch, range(1000)))
        assert [s for s, _ in uploads if s != 204] == []
        assert [s for s, body in fetches if (s, body) != (200, PNG)] == []

        # Every upload is in Redis, and a session reruns with one another replica took.
        redis = deployment.redis()
        stored = sum(
            sum(1 for name in redis.hkeys(key) if name.startswith(b"d:"))
            for key in redis.scan_iter("rillet:uploads:*")
        )
        assert stored == 1000
        client = clients[1]
        ref = pb.UploadedFileRef(file_id="f1", name="f1.txt", type="text/plain", size=6)
        state = pb.WidgetState(
            id=client.widget_id("file_uploader"),
            file_uploader_state_value=pb.FileUploaderState(files=[ref]),
        )
        client.rerun(state)
        assert client.texts()[0] == "got file 1"
    finally:
        for client in clients:
            client.close()


def test_sessions_of_a_killed_replica_reconnect_through_nginx_within_five_seconds(
    deployment: Deployment,
) -> None:
    clients = _sessions(deployment, 51)
    try:
        killed = time.monotonic()
        deployment.signal_replica(0, signal.SIGKILL)

        def recover(index: int) -> float | None:
            """One tab: its next rerun, or (socket gone) what its client does: reconnect."""
            client = clients[index]
            slider = pb.WidgetState(
                id=client.widget_id("slider"), double_array_value=pb.DoubleArray(data=[index])
            )
            try:
                client.rerun(slider, timeout=3)
                return None
            except (websockets.exceptions.ConnectionClosed, TimeoutError):
                pass
            old = client.session_id
            delay = 0.2
            while True:  # the client's backoff: 200 ms, doubling
                try:
                    fresh = deployment.connect(resume=old)
                    break
                except (OSError, websockets.exceptions.InvalidStatus):
                    time.sleep(delay)
                    delay = min(2 * delay, 5)
            took = time.monotonic() - killed
            client.close()
            clients[index] = fresh
            # A replica that never ran it: a fresh session (the client clears its page).
            assert not fresh.new_session.resumed and fresh.session_id != old
            fresh.rerun()
            fresh.rerun(
                pb.WidgetState(
                    id=fresh.widget_id("slider"), double_array_value=pb.DoubleArray(data=[index])
                )
            )
            assert fresh.texts() == [f"n={index}"]
            return took

        # Every tab notices at once, as real browsers do.
        with ThreadPoolExecutor(len(clients)) as pool:
            outcomes = list(pool.map(recover, range(len(clients))))
        reconnected = [t for t in outcomes if t is not None]
        # Round-robin put a third of the sessions on the killed replica.
        assert 10 <= len(reconnected) <= 24, len(reconnected)
        assert max(reconnected) < 5, sorted(reconnected)
        # The sessions on the other replicas went on as they were.
        assert all(c.texts() == [f"n={i}"] for i, c in enumerate(clients))
    finally:
        for client in clients:
            client.close()


def test_a_rolling_restart_with_sigterm_gives_no_5xx_for_plain_http(
    deployment: Deployment,
) -> None:
    # Plain GETs that need no client build: the health check and a media file.
    client = deployment.connect()
    client.rerun()
    image = client.found("imgs")[0].imgs.imgs[0].url
    client.close()
    statuses: list[int] = []
    stop = threading.Event()

    def hammer(path: str) -> None:
        while not stop.is_set():
            statuses.append(http_get(deployment.port, BASE + path))

    threads = [
        threading.Thread(target=hammer, args=(path,))
        for path in (image, "/_rillet/health", image, "/_rillet/health")
    ]
    for thread in threads:
        thread.start()
    try:
        for index in range(3):
            deployment.signal_replica(index, signal.SIGTERM)
            deployment.start_replica(index)
            # The freshly started replica takes traffic before the next one goes.
            time.sleep(0.3)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert len(statuses) > 100
    assert sorted({s for s in statuses}) == [200]


def test_nothing_in_redis_outlives_its_ttl_after_the_sessions_are_gone(
    deployment: Deployment,
) -> None:
    clients = _sessions(deployment, 6)
    for i, client in enumerate(clients):
        status, _ = deployment.request(
            "PUT",
            f"/_rillet/upload/{client.session_id}/f{i}",
            body=b"x",
            **{"X-Rillet-Filename": "x.txt"},
        )
        assert status == 204
    redis = deployment.redis()
    assert len(list(redis.scan_iter("rillet:session:*"))) == 6
    assert len(list(redis.scan_iter("rillet:uploads:*"))) == 6
    # One replica crashes holding its sessions; the others' sessions close.
    deployment.signal_replica(0, signal.SIGKILL)
    for client in clients:
        client.close()
    # disconnectedSessionTTL is 2 s: the live replicas clear their sessions' keys.
    deadline = time.monotonic() + 10
    while len(list(redis.scan_iter("rillet:session:*"))) > 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    left = list(redis.scan_iter("rillet:*"))
    sessions = [k for k in left if k.startswith(b"rillet:session:")]
    uploads = [k for k in left if k.startswith(b"rillet:uploads:")]
    # What remains is the crashed replica's (two sessions) and the shared image.
    assert len(sessions) <= 2 and len(uploads) <= 2
    # Whatever remains expires by itself: every key has a TTL, none longer than the storage's.
    from rillet.runtime.redis_storage import DEFAULT_MEDIA_TTL, DEFAULT_SESSION_TTL

    for key in left:
        ttl = redis.pttl(key) / 1000
        limit = DEFAULT_SESSION_TTL if b":media:" not in key else DEFAULT_MEDIA_TTL
        assert 0 < ttl <= limit, (key, ttl)


def test_sigterm_answers_the_requests_a_replica_already_started(deployment: Deployment) -> None:
    # Straight to one replica, no nginx to retry: keep-alive GETs running when SIGTERM arrives.
    port = deployment.ports[0]
    client = deployment.connect()
    client.rerun()
    image = BASE + client.found("imgs")[0].imgs.imgs[0].url
    client.close()
    outcomes: list[object] = []
    stop = threading.Event()

    def hammer() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        while not stop.is_set():
            try:
                conn.request("GET", image)
                response = conn.getresponse()
                outcomes.append(response.status if response.read() == PNG else "bad body")
            except ConnectionRefusedError:
                outcomes.append("refused")  # after it stopped listening: fine
                conn.close()
                time.sleep(0.01)
            except (OSError, http.client.HTTPException) as error:
                outcomes.append(type(error).__name__)  # a request cut halfway
                conn.close()
        conn.close()

    threads = [threading.Thread(target=hammer) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    deployment.signal_replica(0, signal.SIGTERM)
    stop.set()
    for thread in threads:
        thread.join()
    assert outcomes.count(200) > 10
    assert set(outcomes) <= {200, "refused"}, sorted({str(o) for o in outcomes})
    log = (deployment.folder / "replica-0.log").read_text()
    assert " 500 " not in log


def test_redis_going_away_gives_clear_503s_and_sessions_recover_when_it_returns(
    fragile_deployment: Deployment, own_redis: RedisProcess
) -> None:
    deployment = fragile_deployment
    client = deployment.connect()
    try:
        client.rerun()
        image = BASE + client.found("imgs")[0].imgs.imgs[0].url
        own_redis.stop()
        # Plain HTTP: a 503 that names the cause, from every replica, never a 500.
        status, body = deployment.request("GET", image[len(BASE) :])
        assert status == 503 and b"storage is unavailable" in body, (status, body)
        upload = f"/_rillet/upload/{client.session_id}/f1"
        status, body = deployment.request("PUT", upload, body=b"x", **{"X-Rillet-Filename": "a"})
        assert status == 503 and b"storage is unavailable" in body, (status, body)
        # The session lives on: its run shows the error in the app, the socket stays open.
        request = pb.RerunRequest(widget_states=pb.WidgetStates())
        client.ws.send(pb.BackMsg(rerun=request).SerializeToString())
        client.until(lambda m: m.HasField("script_finished"))
        own_redis.start()
        back = time.monotonic()
        # Redis came back empty: each replica notices within a second and registers
        # its live sessions again, so an upload to any replica is taken at once.
        while True:
            status, body = deployment.request(
                "PUT", upload, body=b"x", **{"X-Rillet-Filename": "a"}
            )
            if status == 204:
                print(
                    f"uploads accepted again {time.monotonic() - back:.2f} s after Redis returned"
                )
                break
            assert time.monotonic() - back < 5, (status, body)
            time.sleep(0.1)
        client.rerun()
        # The rerun put its image back: any replica serves it again.
        assert deployment.request("GET", image[len(BASE) :]) == (200, PNG)
    finally:
        client.close()
