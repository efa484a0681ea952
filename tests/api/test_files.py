from __future__ import annotations

import logging
from pathlib import Path

import pytest

from rillet.api.files import _extensions
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.media import MEDIA_PREFIX
from rillet.testing import AppTest

UPLOADER = """
import rillet as st
f = st.file_uploader("Data", type=["CSV", "txt"], key="up")
if f is None:
    st.write("nothing")
else:
    st.write(f.name, f.type, str(f.size), f.read().decode())
"""


def test_type_filter_is_normalised_to_lowercase_dotted_extensions() -> None:
    assert _extensions("csv") == [".csv"]
    assert _extensions(["CSV", ".Txt"]) == [".csv", ".txt"]
    assert _extensions("jpg") == [".jpg", ".jpeg"]
    assert _extensions(None) == []


def test_the_element_lists_accepted_types() -> None:
    at = AppTest.from_string(UPLOADER).run()
    assert list(at.file_uploader[0].proto.type) == [".csv", ".txt"]
    assert at.file_uploader[0].value is None
    assert at.markdown.values == ["nothing"]


def test_an_uploaded_file_reaches_the_script_on_every_run() -> None:
    at = AppTest.from_string(UPLOADER).run()
    at.file_uploader[0].upload("data.csv", b"a,b\n1,2", "text/csv").run()
    assert at.markdown.values == ["data.csv text/csv 7 a,b\n1,2"]
    # The same file is read again from its first byte on the next run.
    at.run()
    assert at.markdown.values == ["data.csv text/csv 7 a,b\n1,2"]
    refs = at.file_uploader[0].proto.files
    assert [(r.name, r.size) for r in refs] == [("data.csv", 7)]
    at.file_uploader[0].clear().run()
    assert at.markdown.values == ["nothing"]


def test_a_file_of_a_wrong_type_is_ignored_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    at = AppTest.from_string(UPLOADER).run()
    with caplog.at_level(logging.WARNING):
        at.file_uploader[0].upload("photo.png", b"\x89PNG", "image/png").run()
    assert at.markdown.values == ["nothing"]
    assert "photo.png" in caplog.text


def test_multiple_files_come_as_a_list() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        files = st.file_uploader("Many", accept_multiple_files=True)
        st.write(repr([f.name for f in files]))
        """
    ).run()
    assert at.markdown.values == ["[]"]
    at.file_uploader[0].upload("a.txt", b"a").upload("b.txt", b"b").run()
    assert at.markdown.values == ["['a.txt', 'b.txt']"]


def test_a_file_over_max_upload_size_is_ignored(caplog: pytest.LogCaptureFixture) -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.write(repr(st.file_uploader('Small', max_upload_size=1)))"
    ).run()
    with caplog.at_level(logging.WARNING):
        at.file_uploader[0].upload("big.bin", b"x" * (1024 * 1024 + 1)).run()
    assert at.markdown.values == ["None"]
    assert "over the limit" in caplog.text


def test_on_change_runs_when_a_file_arrives() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        def arrived():
            st.session_state.seen = st.session_state.up.name
        st.file_uploader("File", key="up", on_change=arrived)
        """
    ).run()
    at.file_uploader[0].upload("x.txt", b"x").run()
    assert at.session_state["seen"] == "x.txt"


def test_a_file_uploader_cannot_be_set_through_session_state() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.file_uploader("File", key="up")
        st.session_state.up = None
        """
    ).run()
    assert "cannot be set" in at.exception[0].message


def _desktop_ref_run(desktop: bool, path: Path) -> AppTest:
    at = AppTest.from_string(
        """
        import rillet as st
        f = st.file_uploader("File", key="up")
        st.write(repr(None if f is None else (f.name, f.read(), str(f.path))))
        """
    )
    at._session.desktop = desktop
    at.run()
    state = pb.WidgetStates()
    widget = state.widgets.add(id=at.file_uploader[0].id)
    widget.file_uploader_state_value.files.add(file_id="drop-1", name=path.name, path=str(path))
    from rillet.runtime.interrupts import RerunData

    at._session.request_rerun(RerunData(widget_states=state))
    at._session.runner.wait_idle(3)
    at._absorb()
    return at


def test_a_desktop_ref_with_a_path_is_read_from_disk(tmp_path: Path) -> None:
    dropped = tmp_path / "notes.txt"
    dropped.write_bytes(b"local")
    at = _desktop_ref_run(True, dropped)
    assert at.markdown.values == [repr(("notes.txt", b"local", str(dropped)))]


def test_a_browser_ref_cannot_make_the_server_read_a_path(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"do not read")
    at = _desktop_ref_run(False, secret)
    assert at.markdown.values == ["None"]


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        ("st.file_uploader('f', type=3)", "type"),
        ("st.file_uploader('f', type=['image/png'])", "type"),
        ("st.file_uploader('f', accept_multiple_files='yes')", "accept_multiple_files"),
        ("st.file_uploader('f', max_upload_size=0)", "max_upload_size"),
        ("st.audio_input('a', sample_rate=12345)", "sample_rate"),
        ("st.download_button('d', 3.5)", "data"),
        ("st.download_button('d', 'x', file_name='')", "file_name"),
        ("st.download_button('d', 'x', on_click='later')", "on_click"),
        ("st.download_button('d', 'x', type='big')", "type"),
    ],
)
def test_bad_file_widget_input_is_explained(call: str, argument: str) -> None:
    at = AppTest.from_string(f"import rillet as st\n{call}").run()
    assert f"`{argument}` must be" in at.exception[0].message


def test_camera_and_audio_input_return_the_captured_file() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        photo = st.camera_input("Photo")
        memo = st.audio_input("Memo", sample_rate=44100)
        st.write(repr(photo and photo.name), repr(memo and memo.read()))
        """
    ).run()
    assert at.markdown.values == ["None None"]
    assert at.audio_input[0].proto.sample_rate == 44100
    at.camera_input[0].upload("shot.jpg", b"\xff\xd8\xff", "image/jpeg")
    at.audio_input[0].upload("memo.wav", b"RIFF", "audio/wav")
    at.run()
    assert at.markdown.values == ["'shot.jpg' b'RIFF'"]
    assert at.camera_input[0].proto.file.name == "shot.jpg"


def test_download_button_stores_the_data_and_is_true_after_a_click() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        if st.download_button("Get", "a,b\\n1,2", file_name="t.csv", mime="text/csv"):
            st.write("clicked")
        """
    ).run()
    button = at.download_button[0]
    assert button.file_name == "t.csv"
    file = at._app.media.get(button.url.removeprefix(MEDIA_PREFIX))
    assert file is not None
    assert (file.data, file.mimetype, file.filename) == (b"a,b\n1,2", "text/csv", "t.csv")
    assert at.markdown.values == []
    at.download_button[0].click().run()
    assert at.markdown.values == ["clicked"]
    at.run()
    assert at.markdown.values == []


def test_download_button_data_kinds_and_default_names(tmp_path: Path) -> None:
    report = tmp_path / "report.pdf"
    report.write_bytes(b"%PDF")
    at = AppTest.from_string(
        """
        import io
        import rillet as st
        st.download_button("text", "hello")
        st.download_button("bytes", b"\\x00\\x01")
        st.download_button("file", io.BytesIO(b"stream"), file_name="s.bin")
        st.download_button("path", st.session_state.report)
        st.download_button("later", lambda: "made on demand", file_name="m.txt", on_click="ignore")
        """
    )
    at.session_state["report"] = report
    at.run()
    found = []
    for button in at.download_button:
        file = at._app.media.get(button.url.removeprefix(MEDIA_PREFIX))
        assert file is not None
        found.append((button.file_name, file.data, file.mimetype, button.proto.on_click))
    assert found == [
        ("download.txt", b"hello", "text/plain", "rerun"),
        ("download.bin", b"\x00\x01", "application/octet-stream", "rerun"),
        ("s.bin", b"stream", "application/octet-stream", "rerun"),
        ("download.pdf", b"%PDF", "application/pdf", "rerun"),
        ("m.txt", b"made on demand", "text/plain", "ignore"),
    ]


def test_download_button_callback_runs_on_click() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.session_state.setdefault("n", 0)
        def count():
            st.session_state.n += 1
        st.download_button("Get", "x", on_click=count)
        """
    ).run()
    at.download_button[0].click().run()
    assert at.session_state["n"] == 1


def test_download_button_is_not_allowed_in_a_form() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        with st.form("f"):
            st.download_button("Get", "x")
            st.form_submit_button()
        """
    ).run()
    assert "can't be used inside `st.form()`" in at.exception[0].message
