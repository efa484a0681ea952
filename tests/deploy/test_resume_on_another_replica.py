"""The shared session store against the real deployment: sessions outlive their replica.

nginx round-robins three ``rillet run --storage.sessionStore=redis``
replicas; a tab whose replica is killed or drained reconnects through nginx,
presents its session id and resume secret, and another replica takes its
widget values and ``st.session_state`` back from Redis.
"""

from __future__ import annotations

import signal
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import websockets.exceptions
from deployment_kit import Client, Deployment

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.redis_storage import DEFAULT_SESSION_TTL

pytestmark = pytest.mark.deploy


def _states(client: Client, index: int) -> list[pb.WidgetState]:
    slider = pb.WidgetState(
        id=client.widget_id("slider"), double_array_value=pb.DoubleArray(data=[index])
    )
    note = pb.WidgetState(id=client.widget_id("text_input"), string_value=f"tab {index}")
    return [slider, note]


def _open_tabs(deployment: Deployment, count: int) -> list[Client]:
    """``count`` tabs, tab ``i`` with its slider at ``i`` and its note "tab i"; two runs each."""
    clients = [deployment.connect() for _ in range(count)]
    for index, client in enumerate(clients):
        client.rerun()
        client.rerun(*_states(client, index))
        assert client.texts() == [f"n={index} note=tab {index} runs=2"]
    return clients


def _recover(
    deployment: Deployment, clients: list[Client], index: int, since: float
) -> float | None:
    """What tab ``index`` does next: rerun, or (its socket gone) reconnect and resume.

    Returns how long after ``since`` it was connected again; None when its
    replica lived on. Either way its next run shows its own values.
    """
    client = clients[index]
    shown = _states(client, index)  # what the browser would send on its next rerun
    try:
        client.rerun(timeout=3)
        assert client.texts() == [f"n={index} note=tab {index} runs=3"]
        return None
    except (websockets.exceptions.ConnectionClosed, TimeoutError):
        pass
    old, secret = client.session_id, client.new_session.resume_secret
    assert secret
    delay = 0.2
    while True:  # the client's backoff: 200 ms, doubling
        try:
            fresh = deployment.connect(resume=old, secret=secret)
            break
        except (OSError, websockets.exceptions.InvalidStatus):
            time.sleep(delay)
            delay = min(2 * delay, 5)
    took = time.monotonic() - since
    client.close()
    clients[index] = fresh
    assert fresh.new_session.resumed and fresh.session_id != old
    assert fresh.new_session.resume_secret not in ("", secret)
    # The browser's first rerun carries its widgets' old ids: unknown here, ignored.
    fresh.rerun(*shown)
    assert fresh.texts() == [f"n={index} note=tab {index} runs=3"]
    # The widgets show the restored values, so the next change builds on them.
    [slider] = fresh.found("slider")
    assert list(slider.slider.value) == [index]
    return took


def test_with_the_store_every_session_of_a_killed_replica_resumes_its_values_within_five_seconds(
    stored_deployment: Deployment,
) -> None:
    deployment = stored_deployment
    clients = _open_tabs(deployment, 50)
    try:
        killed = time.monotonic()
        deployment.signal_replica(0, signal.SIGKILL)
        # Every tab notices at once, as real browsers do.
        with ThreadPoolExecutor(len(clients)) as pool:
            outcomes = list(
                pool.map(lambda i: _recover(deployment, clients, i, killed), range(len(clients)))
            )
        resumed = [t for t in outcomes if t is not None]
        print(f"SIGKILL: {len(resumed)} sessions resumed, slowest after {max(resumed):.2f} s")
        # Round-robin put a third of the sessions on the killed replica.
        assert 10 <= len(resumed) <= 24, len(resumed)
        assert max(resumed) < 5, sorted(resumed)
        # The crashed replica's records were taken over; every other one has a TTL.
        redis = deployment.redis()
        records = list(redis.scan_iter("rillet:state:*"))
        assert len(records) == 50
        assert all(0 < redis.pttl(key) / 1000 <= DEFAULT_SESSION_TTL for key in records)
    finally:
        for client in clients:
            client.close()


def test_with_the_store_a_drained_replica_hands_its_sessions_over_and_closed_ones_leave_no_record(
    stored_deployment: Deployment,
) -> None:
    deployment = stored_deployment
    clients = _open_tabs(deployment, 50)
    try:
        drained = time.monotonic()
        deployment.signal_replica(1, signal.SIGTERM)
        with ThreadPoolExecutor(len(clients)) as pool:
            outcomes = list(
                pool.map(lambda i: _recover(deployment, clients, i, drained), range(len(clients)))
            )
        resumed = [t for t in outcomes if t is not None]
        print(f"SIGTERM: {len(resumed)} sessions resumed, slowest after {max(resumed):.2f} s")
        assert 10 <= len(resumed) <= 24 and max(resumed) < 5, outcomes
    finally:
        for client in clients:
            client.close()
    # disconnectedSessionTTL is 2 s: each session ends cleanly and deletes its record.
    redis = deployment.redis()
    deadline = time.monotonic() + 10
    while list(redis.scan_iter("rillet:state:*")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert list(redis.scan_iter("rillet:state:*")) == []


def test_a_session_id_without_its_resume_secret_resumes_nothing(
    stored_deployment: Deployment,
) -> None:
    deployment = stored_deployment
    [owner] = _open_tabs(deployment, 1)
    try:
        for secret in ("", "0" * 32):
            intruder = deployment.connect(resume=owner.session_id, secret=secret)
            try:
                assert not intruder.new_session.resumed
                assert intruder.session_id != owner.session_id
                intruder.rerun()
                assert intruder.texts() == ["n=5 note= runs=1"]
            finally:
                intruder.close()
        # The owner's session is untouched.
        owner.rerun()
        assert owner.texts() == ["n=0 note=tab 0 runs=3"]
    finally:
        owner.close()
