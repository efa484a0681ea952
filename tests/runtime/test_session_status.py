"""Session status messages always carry every field."""

from __future__ import annotations

from pathlib import Path

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.outbox import run_now
from rillet.runtime.runtime import Runtime


def _statuses(frames: list[bytes]) -> list[pb.SessionStatus]:
    out = []
    for frame in frames:
        for msg in pb.ForwardBatch.FromString(frame).msgs:
            if msg.WhichOneof("type") == "session_status":
                out.append(msg.session_status)
    return out


def test_a_source_change_keeps_the_run_on_save_setting_in_the_status(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text("import rillet as st\nst.write('hi')\n")
    runtime = Runtime(script)
    frames: list[bytes] = []
    try:
        session = runtime.connect(frames.append, run_now)
        session.handle_back_msg(pb.BackMsg(set_run_on_save=False).SerializeToString())
        session.run_on_save = False
        runtime.source_changed({script})
        session.handle_back_msg(pb.BackMsg(set_run_on_save=True).SerializeToString())
    finally:
        runtime.shutdown()

    toggled_off, changed, toggled_on = _statuses(frames)
    assert (toggled_off.run_on_save, toggled_off.source_changed) == (False, False)
    assert (changed.run_on_save, changed.source_changed) == (False, True)
    assert (toggled_on.run_on_save, toggled_on.source_changed) == (True, False)


def test_the_new_session_carries_the_configured_theme(tmp_path: Path) -> None:
    from rillet.runtime.config import Config

    script = tmp_path / "app.py"
    script.write_text("import rillet as st\n")
    config = Config.from_flags(
        {"theme.base": "dark", "theme.primaryColor": "#ff4b4b", "theme.font": "serif"}
    )
    runtime = Runtime(script, config)
    frames: list[bytes] = []
    try:
        runtime.connect(frames.append, run_now)
    finally:
        runtime.shutdown()
    theme = next(
        msg.new_session.theme
        for frame in frames
        for msg in pb.ForwardBatch.FromString(frame).msgs
        if msg.HasField("new_session")
    )
    assert (theme.base, theme.primary_color, theme.font) == ("dark", "#ff4b4b", "serif")
    assert theme.background_color == theme.text_color == ""  # unset: the client's own


def test_the_new_session_carries_the_menu_and_page_menu_options(tmp_path: Path) -> None:
    from rillet.runtime.config import Config

    script = tmp_path / "app.py"
    script.write_text("import rillet as st\n")

    def new_session(flags: dict[str, object]) -> pb.NewSession:
        runtime = Runtime(script, Config.from_flags(flags))
        frames: list[bytes] = []
        try:
            runtime.connect(frames.append, run_now)
        finally:
            runtime.shutdown()
        return next(
            msg.new_session
            for frame in frames
            for msg in pb.ForwardBatch.FromString(frame).msgs
            if msg.HasField("new_session")
        )

    default = new_session({})
    assert (default.toolbar_minimal, default.hide_page_nav) == (False, False)
    for mode, minimal in (
        ("auto", False),
        ("developer", False),
        ("viewer", True),
        ("minimal", True),
    ):
        assert new_session({"client.toolbarMode": mode}).toolbar_minimal is minimal
    assert new_session({"client.showSidebarNavigation": False}).hide_page_nav is True
