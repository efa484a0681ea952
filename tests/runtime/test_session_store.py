"""The shared session store: a session resumes on another replica with its values.

Two ``Runtime`` objects on one real Redis play two replicas; the Redis is a
private ``redis-server`` (skipped only when it is not installed).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rillet.cli import CliError, load_config, make_session_store
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.interrupts import RerunData
from rillet.runtime.outbox import run_now
from rillet.runtime.redis_storage import RedisUploadStorage, open_redis, redis_client
from rillet.runtime.runtime import Runtime
from rillet.runtime.session import Session
from rillet.runtime.session_store import RedisSessionStore, resume_secret

APP = """
import threading
import rillet as st

st.session_state.setdefault("visits", 0)
st.session_state.visits += 1
st.session_state.setdefault("lock", threading.Lock())
n = st.slider("n", 0, 100, 5)
name = st.text_input("name", key="who")
st.write(f"n={n} name={name} visits={st.session_state.visits}")
st.button("go")
"""


@pytest.fixture
def client(redis_url: str) -> Iterator[Any]:
    redis = open_redis(redis_url)
    redis.flushdb()
    yield redis
    redis.close()


@pytest.fixture
def replicas(tmp_path: Path, client: Any) -> Iterator[Callable[[], Runtime]]:
    """Makes replicas of one app: each a Runtime with its own store on the one Redis."""
    script = tmp_path / "app.py"
    script.write_text(APP)
    made: list[Runtime] = []

    def make() -> Runtime:
        runtime = Runtime(script, session_store=RedisSessionStore(client, ttl_seconds=5))
        made.append(runtime)
        return runtime

    yield make
    for runtime in made:
        runtime.shutdown()


def _greeting(frames: list[pb.ForwardMsg]) -> pb.NewSession:
    return next(m.new_session for m in frames if m.HasField("new_session"))


def _connect(runtime: Runtime, frames: list[pb.ForwardMsg], **kwargs: Any) -> Session:
    def deliver(data: bytes) -> None:
        batch = pb.ForwardBatch()
        batch.ParseFromString(data)
        frames.extend(batch.msgs)

    return runtime.connect(deliver, run_now, **kwargs)


def _rerun(session: Session, *states: pb.WidgetState) -> None:
    session.request_rerun(RerunData(widget_states=pb.WidgetStates(widgets=states)))
    assert session.runner.wait_idle(5)


def _texts(frames: list[pb.ForwardMsg]) -> list[str]:
    elements = [m.delta.new_element for m in frames if m.HasField("delta")]
    return [e.markdown.body for e in elements if e.HasField("markdown")]


def _widget(session: Session, kind: str) -> str:
    [widget_id] = [w for w, spec in session.state._widgets.items() if spec.kind == kind]
    return widget_id


def _moved(session: Session) -> list[pb.WidgetState]:
    slider = pb.WidgetState(id=_widget(session, "slider"))
    slider.double_array_value.data.append(42)
    name = pb.WidgetState(id=_widget(session, "text_input"), string_value="ada")
    return [slider, name]


def test_a_session_resumes_on_another_replica_with_its_widget_values_and_session_state(
    replicas: Callable[[], Runtime],
) -> None:
    first, second = replicas(), replicas()
    frames: list[pb.ForwardMsg] = []
    session = _connect(first, frames)
    _rerun(session)
    _rerun(session, *_moved(session))
    assert _texts(frames)[-1] == "n=42 name=ada visits=2"
    hello = _greeting(frames)
    assert len(hello.resume_secret) == 32

    restore = second.app.session_store.load(session.id, hello.resume_secret)  # type: ignore[union-attr]
    assert restore is not None
    frames.clear()
    moved = _connect(second, frames, resume_id=session.id, restore=restore)
    greeting = _greeting(frames)
    assert greeting.resumed and greeting.session_id != session.id
    assert greeting.resume_secret not in ("", hello.resume_secret)
    _rerun(moved)  # the client's first rerun: its old widget ids mean nothing here
    assert _texts(frames)[-1] == "n=42 name=ada visits=3"
    # The widgets show the restored values to the client, not their defaults.
    sliders = [m.delta.new_element.slider for m in frames if m.delta.new_element.HasField("slider")]
    assert list(sliders[-1].value) == [42]


def test_a_wrong_or_missing_resume_secret_starts_a_fresh_session(
    replicas: Callable[[], Runtime],
) -> None:
    first = replicas()
    frames: list[pb.ForwardMsg] = []
    session = _connect(first, frames)
    _rerun(session)
    store = first.app.session_store
    assert store is not None
    assert store.load(session.id, "0" * 32) is None
    assert store.load("x" * 10_000, "0" * 32) is None
    # The same replica: the id alone does not resume a session while the store is on.
    first.disconnect(session.id)
    frames.clear()
    other = _connect(first, frames, resume_id=session.id, resume_secret="guess")
    assert other.id != session.id and not _greeting(frames).resumed


def test_the_owner_resumes_on_its_own_replica_with_its_secret(
    replicas: Callable[[], Runtime],
) -> None:
    first = replicas()
    frames: list[pb.ForwardMsg] = []
    session = _connect(first, frames)
    secret = _greeting(frames).resume_secret
    first.disconnect(session.id)
    frames.clear()
    assert _connect(first, frames, resume_id=session.id, resume_secret=secret) is session
    assert _greeting(frames).resumed and _greeting(frames).resume_secret == secret


def test_a_value_that_cannot_be_pickled_is_named_once_and_stays_in_the_live_session(
    replicas: Callable[[], Runtime], caplog: pytest.LogCaptureFixture
) -> None:
    runtime = replicas()
    session = _connect(runtime, [])
    with caplog.at_level(logging.WARNING, logger="rillet.runtime.session_store"):
        _rerun(session)
        _rerun(session)
    warnings = [r.getMessage() for r in caplog.records if "cannot be pickled" in r.getMessage()]
    assert len(warnings) == 1
    assert "st.session_state['lock']" in warnings[0] and "will not survive a replica" in warnings[0]
    assert "lock" in session.state
    secret = runtime.app.session_store.secret_of(session.id)  # type: ignore[union-attr]
    stored = runtime.app.session_store.load(session.id, secret)  # type: ignore[union-attr]
    assert stored is not None and "lock" not in stored.values and stored.values["visits"] == 2


def test_only_changed_values_are_written_and_the_record_has_a_ttl(
    replicas: Callable[[], Runtime], client: Any
) -> None:
    runtime = replicas()
    session = _connect(runtime, [])
    _rerun(session)
    key = f"rillet:state:{session.id}"
    before = client.hgetall(key)
    assert 0 < client.pttl(key) <= 5000
    # visits changes on every run; the widgets' values do not.
    client.hset(key, "k:who", b"u-marker")
    _rerun(session)
    after = client.hgetall(key)
    assert after[b"k:who"] == b"u-marker"  # not rewritten: unchanged
    assert after[b"k:visits"] != before[b"k:visits"]
    assert b"k:lock" not in after and not any(b"go" in k for k in after)


def test_a_session_that_ends_cleanly_deletes_its_record(
    replicas: Callable[[], Runtime], client: Any
) -> None:
    runtime = replicas()
    session = _connect(runtime, [])
    _rerun(session)
    assert client.exists(f"rillet:state:{session.id}")
    runtime.close_session(session.id)
    assert not client.exists(f"rillet:state:{session.id}")


def test_a_shut_down_replica_leaves_its_records_for_the_others(
    replicas: Callable[[], Runtime], client: Any
) -> None:
    runtime = replicas()
    session = _connect(runtime, [])
    _rerun(session)
    runtime.shutdown()
    assert client.exists(f"rillet:state:{session.id}")


def test_uploaded_files_come_along_to_the_new_session(tmp_path: Path, client: Any) -> None:
    script = tmp_path / "app.py"
    script.write_text(
        "import rillet as st\n"
        "f = st.file_uploader('data')\n"
        "st.write('got ' + f.getvalue().decode() if f else 'none')\n"
    )
    uploads = RedisUploadStorage(client)
    runtimes = [
        Runtime(script, uploads=uploads, session_store=RedisSessionStore(client)) for _ in "ab"
    ]
    try:
        frames: list[pb.ForwardMsg] = []
        session = _connect(runtimes[0], frames)
        _rerun(session)
        uploads.add(session.id, "f1", "a.txt", "text/plain", b"hello")
        state = pb.WidgetState(id=_widget(session, "file_uploader"))
        state.file_uploader_state_value.files.add(file_id="f1", name="a.txt")
        _rerun(session, state)
        assert _texts(frames)[-1] == "got hello"
        secret = _greeting(frames).resume_secret
        runtimes[0].shutdown()
        uploads.clear(session.id)  # what a drained replica does

        store = runtimes[1].app.session_store
        assert store is not None
        restore = store.load(session.id, secret)
        frames.clear()
        moved = _connect(runtimes[1], frames, resume_id=session.id, restore=restore)
        _rerun(moved)
        assert _texts(frames)[-1] == "got hello"
        # The client then sends the file's ref, as it shows it: the new session has it.
        again = pb.WidgetState(id=_widget(moved, "file_uploader"))
        again.file_uploader_state_value.CopyFrom(state.file_uploader_state_value)
        _rerun(moved, again)
        assert _texts(frames)[-1] == "got hello"
    finally:
        for runtime in runtimes:
            runtime.shutdown()
        uploads.close()


def test_a_record_lost_by_a_restarted_redis_is_written_again(
    replicas: Callable[[], Runtime], client: Any
) -> None:
    runtime = replicas()
    session = _connect(runtime, [])
    _rerun(session)
    client.flushdb()  # what a Redis restarted without persistence holds
    store = runtime.app.session_store
    assert store is not None
    store.refresh()
    _rerun(session)
    assert client.hget(f"rillet:state:{session.id}", "k:visits") is not None
    assert client.hget(f"rillet:state:{session.id}", "auth") is not None


def test_the_resume_secret_is_read_from_the_subprotocol_header() -> None:
    assert resume_secret("rillet, rillet-resume.abc") == "abc"
    assert resume_secret("rillet-resume." + "x" * 65) is None
    assert resume_secret("") is None


def test_the_session_store_option_needs_a_redis_url(redis_url: str) -> None:
    assert make_session_store(load_config([], {})) is None
    with pytest.raises(CliError, match=r"storage.sessionStore is 'redis' but storage.redisUrl"):
        make_session_store(load_config([], {"storage.sessionStore": "redis"}))
    store = make_session_store(
        load_config([], {"storage.sessionStore": "redis", "storage.redisUrl": redis_url})
    )
    assert isinstance(store, RedisSessionStore)
    store.close()


def test_redis_that_answers_again_gets_this_processs_sessions_back_within_seconds(
    client: Any,
) -> None:
    uploads = RedisUploadStorage(client, ttl_seconds=300)
    try:
        uploads.register_session("s1")
        client.flushdb()  # Redis restarted empty
        deadline = time.monotonic() + 5
        while not uploads.has_session("s1"):
            assert time.monotonic() < deadline, "not re-registered within 5 s"
            time.sleep(0.05)
    finally:
        uploads.close()


def test_redis_away_leaves_runs_going_and_says_so_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nst.session_state['n'] = 1\nst.write('ran')\n")
    away = redis_client(f"redis://127.0.0.1:{port}/0", timeout=0.5)  # as rillet makes it
    runtime = Runtime(script, session_store=RedisSessionStore(away))
    try:
        frames: list[pb.ForwardMsg] = []
        session = _connect(runtime, frames)
        with caplog.at_level(logging.WARNING, logger="rillet.runtime.session_store"):
            _rerun(session)
            _rerun(session)  # within the retry pause: not tried again
        assert _texts(frames) == ["ran", "ran"]
        failures = [r for r in caplog.records if "could not save its state" in r.getMessage()]
        assert len(failures) == 1
    finally:
        runtime.shutdown()
        away.close()
