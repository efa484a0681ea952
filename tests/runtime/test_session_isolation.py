"""Sessions of one app do not leak pages or media into each other."""

from __future__ import annotations

from pathlib import Path

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.interrupts import RerunData
from rillet.runtime.outbox import run_now
from rillet.runtime.runtime import Runtime
from rillet.runtime.session import Session


def _connect(runtime: Runtime, frames: list[bytes]) -> Session:
    return runtime.connect(frames.append, run_now)


def _rerun(session: Session, query: str = "", fragment_id: str = "") -> None:
    session.request_rerun(
        RerunData(widget_states=pb.WidgetStates(), query_string=query, fragment_id=fragment_id)
    )
    assert session.runner.wait_idle(5)


def test_navigation_pages_belong_to_the_session_that_declared_them(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(
        "import rillet as st\n"
        "def home(): st.write('home')\n"
        "def admin(): st.write('admin')\n"
        "pages = [st.Page(home, default=True)]\n"
        "if st.query_params.get('role') == 'admin':\n"
        "    pages.append(st.Page(admin))\n"
        "st.navigation(pages).run()\n"
    )
    runtime = Runtime(script)
    try:
        admin, visitor = _connect(runtime, []), _connect(runtime, [])
        _rerun(admin, "role=admin")
        _rerun(visitor)

        assert [p.title for p in admin.pages.pages()] == ["home", "admin"]
        assert [p.title for p in visitor.pages.pages()] == ["home"]
    finally:
        runtime.shutdown()


def test_media_first_shown_by_a_fragment_rerun_stays_available(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(
        "import rillet as st\n"
        "st.session_state.setdefault('n', 0)\n"
        "@st.fragment\n"
        "def part():\n"
        "    st.session_state.n += 1\n"
        "    st.audio(bytes([st.session_state.n]) * 64, format='audio/wav')\n"
        "part()\n"
    )
    runtime = Runtime(script)
    try:
        owner, other = _connect(runtime, []), _connect(runtime, [])
        _rerun(owner)
        fragment_id = next(iter(owner.last_run.fragments_defined))  # type: ignore[union-attr]
        _rerun(owner, fragment_id=fragment_id)
        shown = set(owner.last_run.media_ids)  # type: ignore[union-attr]

        _rerun(other)  # another session's run releases what nobody shows

        assert shown
        assert all(runtime.media.get(file_id) is not None for file_id in shown)
    finally:
        runtime.shutdown()
